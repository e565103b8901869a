package depparse

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkBest and BenchmarkBestLead choose a move from the scores of a
// parser of 51 relations (root the eighth) in a configuration where most
// moves are allowed.
func BenchmarkBest(b *testing.B) {
	benchChoice(b, func(st *parseState) { st.best(st.scores, 7) })
}

func BenchmarkBestLead(b *testing.B) {
	benchChoice(b, func(st *parseState) { st.bestLead(st.scores, 7) })
}

// benchChoice runs choose over 64 sets of random scores in turn.
func benchChoice(b *testing.B, choose func(*parseState)) {
	labels := make([]string, 51)
	for i := range labels {
		labels[i] = "x"
	}
	labels[7] = "root"
	st := newParseState(1 + 2*len(labels))
	st.labelNames = labels
	st.reset(20)
	st.i = 5
	st.stack = append(st.stack, 1, 3)
	rng := rand.New(rand.NewPCG(1, 2))
	sets := make([][]float32, 64)
	for i := range sets {
		sets[i] = make([]float32, len(st.scores))
		for c := range sets[i] {
			sets[i][c] = rng.Float32()*20 - 10
		}
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		copy(st.scores, sets[i&63])
		choose(st)
	}
}
