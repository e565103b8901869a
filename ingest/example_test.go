package ingest_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/parley-events/parley/ingest"
)

func ExampleReadJSONL() {
	input := `{"id": "n1", "published": "2025-07-22", "text": "Talks resumed.", "section": "world"}
{"id": "n2", "published": "22/07/2025", "text": "A bad date."}
{"id": "n3", "text": "Ministers met."}
`
	var sum ingest.Summary
	for d, err := range ingest.ReadJSONL(context.Background(), "news.jsonl", strings.NewReader(input), ingest.Options{}) {
		sum.Add(d, err)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d.Origin, d.SourceID, d.Published.Format("2006-01-02"), d.Meta, d.Text)
	}
	fmt.Println(sum)
	// Output:
	// news.jsonl:1 n1 2025-07-22 map[section:world] Talks resumed.
	// news.jsonl:2: ingest: invalid input: "published": cannot parse "22/07/2025": want RFC 3339 or YYYY-MM-DD
	// news.jsonl:3 n3 0001-01-01 map[] Ministers met.
	// 2 documents, 1 failed
}
