package depparse

import (
	"os"
	"testing"
	"time"

	"github.com/parley-events/parley/cluster"
	"github.com/parley-events/parley/conllu"
)

func readSents(tb testing.TB, path string) []Sentence {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("../shared/data not present (%v)", err)
	}
	defer f.Close()
	r := conllu.NewReader(f, path)
	var out []Sentence
	for {
		s, err := r.Next()
		if err != nil {
			break
		}
		var ps Sentence
		for _, w := range s.Words() {
			ps.Words = append(ps.Words, w.Form)
			ps.XPOS = append(ps.XPOS, w.XPOS)
			ps.UPOS = append(ps.UPOS, w.UPOS)
			ps.Heads = append(ps.Heads, w.Head-1)
			ps.Rels = append(ps.Rels, w.DepRel)
		}
		out = append(out, ps)
	}
	return out
}

// TestExperiment trains on gold tags when PARLEY_EXPERIMENT is set.
func TestExperiment(t *testing.T) {
	if os.Getenv("PARLEY_EXPERIMENT") == "" {
		t.Skip("set PARLEY_EXPERIMENT=1 to run")
	}
	train := append(readSents(t, "../../shared/data/ud/en_ewt-train.conllu"), readSents(t, "../../shared/data/ud/en_gum-train.conllu")...)
	dev := readSents(t, "../../shared/data/ud/en_ewt-dev.conllu")
	start := time.Now()
	var clus map[string]cluster.Cluster
	if f, err := os.Open("/tmp/clusters.bin"); err == nil && os.Getenv("NOCLUS") == "" {
		clus, _ = cluster.Unmarshal(f)
		f.Close()
	}
	m := Train(train, dev, TrainOptions{Epochs: 2, Clusters: clus, Progress: func(e int, uas, las float64) {
		t.Logf("epoch %d: UAS %.2f LAS %.2f (%s)", e, 100*uas, 100*las, time.Since(start).Round(time.Second))
	}})
	for _, th := range []float32{1} {
		pm := &Model{p: m.p.Pruned(th), labels: m.labels}
		b, _ := pm.MarshalBinary()
		uas, las := pm.Score(dev)
		t.Logf("prune %g: model %d bytes, %d features, UAS %.2f LAS %.2f", th, len(b), pm.p.Features(), 100*uas, 100*las)
	}
}
