package perceptron

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestLearnsXOR-like separable data and round-trips the model.
func TestTrainAndRoundTrip(t *testing.T) {
	labels := []string{"A", "B", "C"}
	tr := NewTrainer(labels)
	type ex struct {
		feats []uint64
		gold  int
	}
	var data []ex
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 600 {
		gold := i % 3
		feats := []uint64{F1(1, "bias"), F1(2, labels[gold]), F1(3, string(rune('a'+r.IntN(20))))}
		data = append(data, ex{feats, gold})
	}
	scores := make([]float32, 3)
	for range 5 {
		for _, e := range data {
			tr.Score(e.feats, scores)
			tr.Update(e.feats, e.gold, Best(scores, nil))
			tr.Tick()
		}
	}
	m := tr.Model(0)
	correct := 0
	for _, e := range data {
		m.Score(e.feats, scores)
		if Best(scores, nil) == e.gold {
			correct++
		}
	}
	if correct != len(data) {
		t.Errorf("averaged model gets %d of %d training examples", correct, len(data))
	}
	b1, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(b1))
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := m2.MarshalBinary()
	if !bytes.Equal(b1, b2) {
		t.Error("marshal → load → marshal changed the bytes")
	}
	if m2.Features() != m.Features() || len(m2.Labels) != 3 {
		t.Errorf("loaded model: %d features, %d labels; want %d, 3", m2.Features(), len(m2.Labels), m.Features())
	}
	for _, e := range data[:30] {
		m2.Score(e.feats, scores)
		if Best(scores, nil) != e.gold {
			t.Errorf("loaded model disagrees on an example")
		}
	}
	// Determinism: training again from scratch gives the same bytes.
	tr2 := NewTrainer(labels)
	for range 5 {
		for _, e := range data {
			tr2.Score(e.feats, scores)
			tr2.Update(e.feats, e.gold, Best(scores, nil))
			tr2.Tick()
		}
	}
	b3, _ := tr2.Model(0).MarshalBinary()
	if !bytes.Equal(b1, b3) {
		t.Error("training twice gave different bytes")
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("nope"), {0x01, 0x02, 0x03}} {
		if _, err := Load(bytes.NewReader(in)); err == nil {
			t.Errorf("Load(%q) succeeded", in)
		}
	}
}

func TestBest(t *testing.T) {
	s := []float32{1, 3, 3, 2}
	if got := Best(s, nil); got != 1 {
		t.Errorf("Best = %d, want 1 (first of ties)", got)
	}
	if got := Best(s, func(i int) bool { return i != 1 && i != 2 }); got != 3 {
		t.Errorf("Best with filter = %d, want 3", got)
	}
	if got := Best(s, func(int) bool { return false }); got != -1 {
		t.Errorf("Best with nothing allowed = %d, want -1", got)
	}
}

func FuzzLoad(f *testing.F) {
	tr := NewTrainer([]string{"x", "y"})
	tr.Update([]uint64{F1(1, "a")}, 0, 1)
	tr.Tick()
	b, _ := tr.Model(0).MarshalBinary()
	f.Add(b)
	f.Fuzz(func(t *testing.T, in []byte) {
		m, err := Load(bytes.NewReader(in))
		if err != nil {
			return
		}
		scores := make([]float32, m.Classes())
		m.Score([]uint64{1, 2, 3, F1(1, "a")}, scores)
	})
}
