package depparse

import (
	"math/rand/v2"
	"testing"

	"github.com/parley-events/parley/perceptron"
)

// TestBest checks the parser's move choice against perceptron.Best over
// valid, in every kind of configuration, with ties.
func TestBest(t *testing.T) {
	labels := []string{"nsubj", "obj", "root", "punct", "amod"}
	const rootLabel = 2
	rng := rand.New(rand.NewPCG(3, 3))
	st := newParseState(1 + 2*len(labels))
	st.labelNames = labels
	for range 2000 {
		n := rng.IntN(4)
		st.reset(n)
		st.i = rng.IntN(n + 1)
		for range rng.IntN(3) {
			st.stack = append(st.stack, rng.IntN(n+1))
		}
		for c := range st.scores {
			st.scores[c] = float32(rng.IntN(3)) // many ties
		}
		if got, want := st.best(st.scores, rootLabel), perceptron.Best(st.scores, st.valid); got != want {
			t.Fatalf("n=%d i=%d stack=%v scores=%v: best %d, perceptron.Best %d", n, st.i, st.stack, st.scores, got, want)
		}
	}
}
