package mlp

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkScore scores configurations of 49 random features with
// parser-sized models (103 classes; the shipped parser has 256 hidden
// units, 2^17 rows and 4-bit weights), the table cold as in a run over real text (where
// the features of frequent words and tags are cached: this is the worst
// case).
func BenchmarkScore(b *testing.B) {
	const nf = 49
	for _, bits := range []uint{10, 16, 17, 18} {
		for _, c := range [][2]int{{128, 8}, {256, 8}, {128, 4}, {256, 4}} {
			h, wbits := c[0], c[1]
			b.Run(fmt.Sprintf("h%d-bits%d-w%d", h, bits, wbits), func(b *testing.B) {
				m := newModel(103, h, bits, wbits)
				rng := rand.New(rand.NewPCG(1, 2))
				for i := range m.table {
					m.table[i] = int8(rng.IntN(21) - 10)
				}
				for i := range m.packed {
					m.packed[i] = byte(rng.IntN(256))
				}
				for i := range m.scale {
					m.scale[i] = 0.01
				}
				for i := range m.w2 {
					m.w2[i] = float32(rng.NormFloat64())
				}
				feats := make([]uint64, nf*1024)
				for i := range feats {
					feats[i] = rng.Uint64()
				}
				scores := make([]float32, 103)
				sc := m.NewScratch()
				b.ResetTimer()
				for i := range b.N {
					k := i % 1024
					m.ScoreWith(sc, feats[k*nf:k*nf+nf], scores)
				}
			})
		}
	}
}

// BenchmarkFire lists the firing units of 256, half of them at random,
// with the kernel and with the Go loop.
func BenchmarkFire(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	hids := make([][]float32, 64)
	for k := range hids {
		hids[k] = make([]float32, 256)
		for i := range hids[k] {
			hids[k][i] = float32(rng.NormFloat64())
		}
	}
	f, r := make([]float32, 256), make([]uint32, 256)
	for _, c := range []struct {
		name string
		fn   func([]float32, []float32, []uint32, int) int
	}{{"kernel", fire}, {"go", fireGo}} {
		b.Run(c.name, func(b *testing.B) {
			for i := range b.N {
				c.fn(hids[i%64], f, r, 104)
			}
		})
	}
}
