package segment

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/parley-events/parley/tokenize"
)

// benchCorpus is the shared news corpus used for throughput figures; the
// benchmark falls back to a small committed fixture when it is absent.
const benchCorpus = "../../shared/data/unlabeled/te3-silver-news.jsonl"

// benchText returns at least 1 MB of news text: the texts of the shared
// corpus, or the committed fixture repeated.
func benchText(tb testing.TB) (text, source string) {
	tb.Helper()
	var b strings.Builder
	if f, err := os.Open(benchCorpus); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var rec struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil {
				b.WriteString(rec.Text)
				b.WriteString("\n\n")
			}
		}
		if b.Len() >= 1<<20 {
			return b.String(), "te3-silver-news"
		}
		b.Reset()
	}
	fix, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		tb.Fatal(err)
	}
	for b.Len() < 1<<20 {
		b.Write(fix)
		b.WriteString("\n\n")
	}
	return b.String(), "fixture"
}

// BenchmarkTokenizeSegment measures tokenize+segment throughput on one
// core (MB/s is the figure that docs/benchmarks.md reports).
func BenchmarkTokenizeSegment(b *testing.B) {
	text, src := benchText(b)
	b.Logf("corpus: %s, %d bytes", src, len(text))
	// Warm up so that the figures show the steady state: buffers reused.
	toks := tokenize.Append(nil, text)
	sents := Append(nil, text, toks)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		toks = tokenize.Append(toks[:0], text)
		sents = Append(sents[:0], text, toks)
	}
	b.ReportMetric(float64(len(toks)), "tokens/op")
}
