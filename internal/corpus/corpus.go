// Package corpus reads the shared corpora for tests, which skip when the
// corpora are absent (a fresh clone without ../shared).
package corpus

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// NewsPath is the AFP/Xinhua articles' file as seen from a package one
// directory below the repository's root.
const NewsPath = "../../shared/data/unlabeled/te3-silver-news.jsonl"

// News returns the texts of the first n articles of NewsPath (all when
// n <= 0). It skips tb, saying why, when the file is absent, and fails it
// when a line is not a JSON record.
func News(tb testing.TB, n int) []string {
	tb.Helper()
	b, err := os.ReadFile(NewsPath)
	if err != nil {
		tb.Skipf("../shared/data absent (%v): the corpus check is skipped", err)
	}
	var texts []string
	for line := range bytes.Lines(b) {
		if n > 0 && len(texts) == n {
			break
		}
		var rec struct{ Text string }
		if err := json.Unmarshal(line, &rec); err != nil {
			tb.Fatalf("%s:%d: %v", NewsPath, len(texts)+1, err)
		}
		texts = append(texts, rec.Text)
	}
	return texts
}
