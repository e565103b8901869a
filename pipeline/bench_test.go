package pipeline

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"runtime"
	"sync"
	"testing"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/depparse"
	"github.com/parley-events/parley/lemma"
	"github.com/parley-events/parley/ner"
	"github.com/parley-events/parley/postag"
)

// benchDocs returns at least 1 MB of news as documents already tokenized
// and segmented: the shared AFP/Xinhua corpus, or the committed fixture
// repeated when it is absent.
func benchDocs(b *testing.B) []*parley.Doc {
	b.Helper()
	var texts []string
	if f, err := os.Open("../../shared/data/unlabeled/te3-silver-news.jsonl"); err == nil {
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var rec struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil {
				texts = append(texts, rec.Text)
			}
		}
		f.Close()
	}
	if len(texts) == 0 {
		fix, err := os.ReadFile("../segment/testdata/news.txt")
		if err != nil {
			b.Fatal(err)
		}
		for n := 0; n < 1<<20; n += len(fix) {
			texts = append(texts, string(fix))
		}
	}
	seg, err := Build(Config{Stages: []string{"tokenize", "segment"}})
	if err != nil {
		b.Fatal(err)
	}
	var docs []*parley.Doc
	for _, t := range texts {
		d := parley.NewDoc(t)
		if err := seg.Run(b.Context(), d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// BenchmarkTagLemmaParse measures postag+lemma+depparse on one goroutine;
// run with -cpu 1 for the one-core figure (tokens/s).
func BenchmarkTagLemmaParse(b *testing.B) { benchStages(b, "postag", "lemma", "depparse") }

// BenchmarkNER measures the ner stage alone on one goroutine; run with
// -cpu 1 for the one-core figure (tokens/s).
func BenchmarkNER(b *testing.B) { benchStages(b, "ner") }

// benchStages runs stages over benchDocs, reporting tokens/s.
func benchStages(b *testing.B, stages ...string) { benchRun(b, benchDocs(b), stages...) }

// benchRun runs stages over docs, reporting tokens/s.
func benchRun(b *testing.B, docs []*parley.Doc, stages ...string) {
	have := parley.LayerTokens | parley.LayerSentences
	if len(docs) > 0 {
		have = docs[0].Layers
	}
	p, err := Build(Config{Stages: stages, Have: have})
	if err != nil {
		b.Fatal(err)
	}
	tokens, bytes := 0, 0
	for _, d := range docs {
		tokens += len(d.Tokens)
		bytes += len(d.Text)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if err := p.Run(b.Context(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoadModels measures loading the embedded tagger, features
// table, lemmatizer, parser and entity recognizer afresh, concurrently as Build loads them
// (the load-time bar is 200 ms), and reports the heap they occupy. Run it
// with -cpu 2 for the figure on a two-core machine.
func BenchmarkLoadModels(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var keep []Stage
	for b.Loop() {
		var t, l, p, n Stage
		var err1, err2, err3, err4 error
		var wg sync.WaitGroup
		wg.Go(func() { t, err1 = postag.LoadDefault() })
		wg.Go(func() { l, err2 = lemma.LoadDefault() })
		wg.Go(func() { p, err3 = depparse.LoadDefault() })
		wg.Go(func() { n, err4 = ner.LoadDefault() })
		wg.Wait()
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			b.Fatal(err)
		}
		keep = append(keep[:0], t, l, p, n)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-heap")
	runtime.KeepAlive(keep)
}

// BenchmarkActorsEvents measures the actor and eventcode stages alone, on
// documents already tagged, parsed and named; run with -cpu 1 for the
// one-core figure (tokens/s).
func BenchmarkActorsEvents(b *testing.B) {
	docs := benchDocs(b)
	pre, err := Build(Config{Stages: []string{"postag", "lemma", "depparse", "ner"}, Have: parley.LayerTokens | parley.LayerSentences})
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range docs {
		if err := pre.Run(b.Context(), d); err != nil {
			b.Fatal(err)
		}
	}
	benchRun(b, docs, "actor", "eventcode")
}

// BenchmarkFullPipeline measures every stage from raw text to coded
// events (the throughput bar is on this figure), on one goroutine;
// run with -cpu 1 for the one-core figure (tokens/s).
func BenchmarkFullPipeline(b *testing.B) {
	docs := benchDocs(b)
	texts := make([]string, len(docs))
	for i, d := range docs {
		texts[i] = d.Text
	}
	p, err := Build(DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	tokens, bytes := 0, 0
	for _, d := range docs {
		tokens += len(d.Tokens)
		bytes += len(d.Text)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			if err := p.Run(b.Context(), parley.NewDoc(t)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTimex measures the timex stage on tagged and parsed documents
// (with the geo stage, the bar is ≥ 300,000 tokens/s on one
// core).
func BenchmarkTimex(b *testing.B) {
	docs := benchDocs(b)
	pre, err := Build(Config{Stages: []string{"postag", "lemma", "depparse"}, Have: parley.LayerTokens | parley.LayerSentences})
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range docs {
		if err := pre.Run(b.Context(), d); err != nil {
			b.Fatal(err)
		}
	}
	benchRun(b, docs, "timex")
}

// BenchmarkTimexGeo measures the timex and geo stages together on tagged,
// parsed documents with named entities (the bar: ≥ 300,000
// tokens/s on one core).
func BenchmarkTimexGeo(b *testing.B) {
	docs := benchDocs(b)
	pre, err := Build(Config{Stages: []string{"postag", "lemma", "depparse", "ner"}, Have: parley.LayerTokens | parley.LayerSentences})
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range docs {
		if err := pre.Run(b.Context(), d); err != nil {
			b.Fatal(err)
		}
	}
	benchRun(b, docs, "timex", "geo")
}
