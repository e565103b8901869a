package lemma

import (
	"bytes"
	"os"
	"testing"
)

// benchWords returns the words of EWT dev, or the toy set when the corpus
// is absent.
func benchWords(b *testing.B) []Example {
	if _, err := os.Stat(udDir + "en_ewt-dev.conllu"); err != nil {
		return toy
	}
	return readExamples(b, "en_ewt-dev.conllu")
}

// BenchmarkLemma measures lemmatization throughput with gold tags.
func BenchmarkLemma(b *testing.B) {
	l, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	ex := benchWords(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, x := range ex {
			l.m.Lemma(x.Form, x.UPOS, x.XPOS)
		}
		n += len(ex)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "lemmas/s")
}

// BenchmarkLoad measures decoding the shipped model.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(bytes.NewReader([]byte(modelFile))); err != nil {
			b.Fatal(err)
		}
	}
}
