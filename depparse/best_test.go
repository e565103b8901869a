package depparse

import (
	"math"
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
		scores := append([]float32(nil), st.scores...)
		want := perceptron.Best(scores, st.valid)
		if got := st.best(append([]float32(nil), scores...), rootLabel); got != want {
			t.Fatalf("n=%d i=%d stack=%v scores=%v: best %d, perceptron.Best %d", n, st.i, st.stack, scores, got, want)
		}
		// The lead: the best valid score less the next best valid one's
		// (another class at the same score: 0).
		got, lead := st.bestLead(append([]float32(nil), scores...), rootLabel)
		wantLead := float32(0)
		if want >= 0 {
			next := float32(math.Inf(-1))
			for c, s := range scores {
				if c != want && st.valid(c) && s > next {
					next = s
				}
			}
			wantLead = scores[want] - next
		}
		if got != want || lead != wantLead {
			t.Fatalf("n=%d i=%d stack=%v scores=%v: bestLead %d, %v; want %d, %v", n, st.i, st.stack, scores, got, lead, want, wantLead)
		}
	}
}
