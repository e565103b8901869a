package perceptron

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestAddRows checks addRows (AVX2 where the processor has it) against
// the plain loop, for row widths around its 16- and 4-word steps and for
// sums that wrap.
func TestAddRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for n := 0; n <= 70; n++ {
		for _, rows := range []int{0, 1, 2, 5, 130} {
			dense := make([]uint64, 600)
			for i := range dense {
				dense[i] = rng.Uint64()
			}
			offs := make([]uint32, rows)
			for i := range offs {
				offs[i] = uint32(rng.IntN(len(dense) - n + 1))
			}
			acc := make([]uint64, n)
			for i := range acc {
				acc[i] = rng.Uint64()
			}
			want := slices.Clone(acc)
			addRowsGo(want, dense, offs)
			addRows(acc, dense, offs)
			if !slices.Equal(acc, want) {
				t.Fatalf("%d words, %d rows: addRows differs from addRowsGo", n, rows)
			}
		}
	}
}

// BenchmarkAddRows adds 49 rows of 52 words, what one parser
// configuration's dense features come to on average.
func BenchmarkAddRows(b *testing.B) {
	dense := make([]uint64, 2600*52)
	offs := make([]uint32, 49)
	rng := rand.New(rand.NewPCG(1, 1))
	for i := range offs {
		offs[i] = uint32(rng.IntN(2600) * 52)
	}
	acc := make([]uint64, 52)
	b.Run("go", func(b *testing.B) {
		for b.Loop() {
			addRowsGo(acc, dense, offs)
		}
	})
	b.Run("addRows", func(b *testing.B) {
		for b.Loop() {
			addRows(acc, dense, offs)
		}
	})
}
