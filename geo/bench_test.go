package geo

import (
	"bytes"
	"testing"
)

// BenchmarkLoad measures loading the embedded gazetteer: decoding it and
// indexing its names (run with -cpu 1).
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(bytes.NewReader(gazetteerBin)); err != nil {
			b.Fatal(err)
		}
	}
}
