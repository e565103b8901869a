package perceptron

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/klauspost/compress/zstd"
	"github.com/parley-events/parley/internal/entropy"
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
	b1, m2 := roundTrip(t, m)
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
	b, err := oldFormatModel().MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(b) {
		if _, err := LoadBytes(b[:n]); err == nil {
			t.Fatalf("the model cut to %d of its %d bytes loaded", n, len(b))
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
	// Without a filter, Best is the filtered choice allowing every class:
	// ties, -Inf and empty scores included.
	neg := float32(math.Inf(-1))
	for _, s := range [][]float32{nil, {neg}, {neg, neg, 2}, {2, 2}, {0, -1, 5, 5, neg}, {-3, -2, -2}} {
		if got, want := Best(s, nil), Best(s, func(int) bool { return true }); got != want {
			t.Errorf("Best(%v, nil) = %d, want %d", s, got, want)
		}
	}
}

func FuzzLoad(f *testing.F) {
	tr := NewTrainer([]string{"x", "y"})
	tr.Update([]uint64{F1(1, "a")}, 0, 1)
	tr.Tick()
	b, _ := tr.Model(0).MarshalBinary()
	f.Add(b)
	// Rows of every kind: in the slot, inline and dense.
	labels := make([]string, 40)
	for i := range labels {
		labels[i] = fmt.Sprint(i)
	}
	var fl flatRows
	for i := range 40 {
		for c := range 1 + i {
			fl.ents = append(fl.ents, qentry{uint16(c), int16(i - c)})
		}
		fl.end(uint64(i+1) << 26)
	}
	for _, m := range []*Model{fl.build(labels, 1, DefaultLoad), oldFormatModel()} {
		b, _ := m.MarshalBinary()
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		m, err := Load(bytes.NewReader(in))
		if err != nil {
			return
		}
		// Features whose homes spread over the whole table, with every
		// key a slot of it has.
		feats := []uint64{1, 2, 3, F1(1, "a")}
		for i, sl := range m.slots {
			low := (uint64(i)<<32 + uint64(m.size) - 1) / uint64(m.size)
			feats = append(feats, uint64(sl.key)<<32|low, uint64(sl.key)<<32)
		}
		scores := make([]float32, m.Classes())
		m.Score(feats, scores)
		// What loads marshals to a file that loads as the same model.
		for _, m := range []*Model{m, m.Pruned(100)} {
			b, err := m.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			m2, err := LoadBytes(b)
			if err != nil {
				t.Fatalf("a model that loaded marshals to a file that does not: %v", err)
			}
			if b2, _ := m2.MarshalBinary(); !bytes.Equal(b, b2) {
				t.Fatal("a model that loaded marshals to a file that loads as another model")
			}
		}
	})
}

// TestScoreRows checks Score against a plain sum of each feature's
// weights, for rows stored in the slot, sparse and dense, with weights at
// the extremes of their range and with more classes than Score keeps on
// its stack.
func TestScoreRows(t *testing.T) {
	for _, classes := range []int{3, 103, 301} {
		labels := make([]string, classes)
		for i := range labels {
			labels[i] = fmt.Sprint("c", i)
		}
		rng := rand.New(rand.NewPCG(1, uint64(classes)))
		rows := map[uint64][]qentry{}
		var keys []uint64
		for f := range 400 {
			n := 1 + rng.IntN(classes)
			if f%3 == 0 {
				n = min(n, 3)
			}
			seen := map[int]bool{}
			var row []qentry
			for range n {
				c := rng.IntN(classes)
				if seen[c] {
					continue
				}
				seen[c] = true
				w := int16(rng.IntN(65535) - 32767)
				if f%7 == 0 {
					w = 32767
				} else if f%11 == 0 {
					w = -32767
				}
				row = append(row, qentry{uint16(c), w})
			}
			slices.SortFunc(row, func(a, b qentry) int { return int(a.class) - int(b.class) })
			key := rng.Uint64()
			rows[key] = row
			keys = append(keys, key)
		}
		b := newBuilder(labels, len(keys), 1, DefaultLoad)
		for _, k := range keys {
			b.addq(k, rows[k])
		}
		m := b.model()
		feats := append(slices.Clone(keys), 12345, 67890) // two absent features
		got := make([]float32, classes)
		m.Score(feats, got)
		want := make([]float32, classes)
		for _, k := range keys {
			for _, e := range rows[k] {
				want[e.class] += float32(e.w)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%d classes: Score differs from the sum of the rows", classes)
		}
	}
}

// roundTrip marshals m and loads it back, checking that marshalling the
// loaded model gives the same bytes; it returns the bytes and the loaded
// model.
func roundTrip(t *testing.T, m *Model) ([]byte, *Model) {
	t.Helper()
	b1, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(b1))
	if err != nil {
		t.Fatal(err)
	}
	if b2, _ := m2.MarshalBinary(); !bytes.Equal(b1, b2) {
		t.Error("marshal → load → marshal changed the bytes")
	}
	return b1, m2
}

// TestTableLayout checks that every row comes back whole from the table
// whatever its length (in the slot, continued in the slots after it, or
// dense), that a feature added twice keeps both rows, and that Score,
// MarshalBinary, Load and Pruned agree with the rows added.
func TestTableLayout(t *testing.T) {
	const classes = 40
	labels := make([]string, classes)
	for i := range labels {
		labels[i] = fmt.Sprint("c", i)
	}
	rng := rand.New(rand.NewPCG(7, 7))
	want := map[uint64][]int32{} // feature → its summed weights per class
	var fl flatRows
	addRow := func(f uint64, n int) {
		if want[f] == nil {
			want[f] = make([]int32, classes)
		}
		for _, c := range rng.Perm(classes)[:n] {
			w := int16(rng.IntN(2001) - 1000)
			if w == 0 {
				w = 1
			}
			fl.ents = append(fl.ents, qentry{uint16(c), w})
			want[f][c] += int32(w)
		}
		fl.end(f)
	}
	for i := range 3000 {
		addRow(rng.Uint64(), 1+i%classes) // every length, from one entry to every class
	}
	// The same feature twice, with rows that fit in a slot alone but not
	// together, and a short row merged into a long one.
	twice, again := rng.Uint64(), rng.Uint64()
	addRow(twice, 3)
	addRow(twice, 2)
	addRow(again, 9)
	addRow(again, 1)
	m := fl.build(labels, 1, DefaultLoad)
	check := func(name string, m *Model, th int32) {
		t.Helper()
		features, bad := 0, 0
		scores := make([]float32, classes)
		for f, w := range want {
			m.Score([]uint64{f}, scores)
			kept := false
			for c := range classes {
				v := w[c]
				if v < th && v > -th {
					v = 0
				}
				kept = kept || v != 0
				if scores[c] != float32(v) {
					bad++
					break
				}
			}
			if kept {
				features++
			}
		}
		if bad > 0 {
			t.Errorf("%s: %d of %d features score other than their rows", name, bad, len(want))
		}
		if got := m.Features(); got != features {
			t.Errorf("%s: %d features, want %d", name, got, features)
		}
	}
	check("built", m, 0)
	_, m2 := roundTrip(t, m)
	check("loaded", m2, 0)
	check("pruned at 0", m2.Pruned(0), 0)
	for _, th := range []int32{300, 900, 2000} {
		p := m2.Pruned(float32(th))
		check(fmt.Sprint("pruned at ", th), p, th)
		_, p2 := roundTrip(t, p)
		check(fmt.Sprint("pruned at ", th, " and loaded"), p2, th)
	}
}

// TestLoadVersion2 checks that a model in the earlier format (each
// feature's key delta, count and entries in turn) loads as the same model.
func TestLoadVersion2(t *testing.T) {
	labels, scale, fl, m := oldFormat()
	e := Encoder{}
	deltas, rows := oldFormatRows(&e, labels, scale, fl)
	for i, row := range rows {
		e.B = binary.AppendUvarint(e.B, deltas[i])
		e.Int(len(row))
		for _, q := range row {
			e.Int(int(q.class))
			e.B = binary.AppendVarint(e.B, int64(q.w))
		}
	}
	zw, _ := zstd.NewWriter(nil)
	checkSameModel(t, m, zw.EncodeAll(e.B, []byte(magicV2)))
}

// TestLoadVersion3 checks that a model in format 3 (one zstd frame of
// four streams of varints) loads as the same model.
func TestLoadVersion3(t *testing.T) {
	labels, scale, fl, m := oldFormat()
	e := Encoder{}
	deltas, rows := oldFormatRows(&e, labels, scale, fl)
	var keys, counts, classes, weights []byte
	for i, row := range rows {
		keys = binary.AppendUvarint(keys, deltas[i])
		row = sortedRow(nil, row)
		counts = binary.AppendUvarint(counts, uint64(len(row)))
		classes = appendClasses(classes, row)
		for _, q := range row {
			weights = binary.AppendVarint(weights, int64(q.w))
		}
	}
	for _, st := range [][]byte{keys, counts, classes, weights} {
		e.Int(len(st))
		e.B = append(e.B, st...)
	}
	zw, _ := zstd.NewWriter(nil)
	checkSameModel(t, m, zw.EncodeAll(e.B, []byte(magicV3)))
}

// oldFormatRows writes the header and feature count of the rows of
// oldFormat to e, as formats 2 to 4 begin, and returns each feature's
// key (its hash rotated, low half first) as the difference from the one
// before, with its row.
func oldFormatRows(e *Encoder, labels []string, scale float32, fl flatRows) (deltas []uint64, rows [][]qentry) {
	writeHeader(e, labels, scale)
	e.Int(len(fl.feats))
	prev, start := uint64(0), uint32(0)
	for i, f := range fl.feats {
		r := bits.RotateLeft64(f, 32)
		deltas, rows = append(deltas, r-prev), append(rows, fl.ents[start:fl.ends[i]])
		prev, start = r, fl.ends[i]
	}
	return deltas, rows
}

// oldFormat returns a small model's rows, of random classes and weights,
// in the order of the low half of their hashes, and the model they make.
func oldFormat() ([]string, float32, flatRows, *Model) {
	labels := []string{"a", "b", "c", "d", "e"}
	rng := rand.New(rand.NewPCG(9, 9))
	feats := make([]uint64, 500)
	for i := range feats {
		feats[i] = rng.Uint64()
	}
	slices.SortFunc(feats, func(a, b uint64) int { return cmp.Compare(bits.RotateLeft64(a, 32), bits.RotateLeft64(b, 32)) })
	var fl flatRows
	for i, f := range feats {
		for _, c := range rng.Perm(len(labels))[:1+i%len(labels)] {
			fl.ents = append(fl.ents, qentry{uint16(c), int16(rng.IntN(401) - 200)})
		}
		fl.end(f)
	}
	return labels, 0.5, fl, fl.build(labels, 0.5, DefaultLoad)
}

// oldFormatModel returns the model of oldFormat.
func oldFormatModel() *Model {
	_, _, _, m := oldFormat()
	return m
}

// checkSameModel checks that file loads as m.
func checkSameModel(t *testing.T, m *Model, file []byte) {
	t.Helper()
	old, err := Load(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	b1, _ := m.MarshalBinary()
	b2, _ := old.MarshalBinary()
	if !bytes.Equal(b1, b2) {
		t.Error("a file in an earlier format loads as another model")
	}
}

// sameTable reports whether two models have the same table, slot for
// slot.
func sameTable(a, b *Model) bool {
	return a.size == b.size && slices.Equal(a.slots, b.slots) &&
		slices.Equal(a.ents, b.ents) && slices.Equal(a.dense, b.dense)
}

// TestLoadVersion4 checks that a model in format 4 (five entropy-coded
// streams of the rows in the order of their hashes) loads as the same
// model.
func TestLoadVersion4(t *testing.T) {
	labels, scale, fl, m := oldFormat()
	e := Encoder{B: []byte(magicV4)}
	deltas, rows := oldFormatRows(&e, labels, scale, fl)
	var keys, counts, classes, wlo, whi []byte
	for i, row := range rows {
		keys = binary.AppendUvarint(keys, deltas[i])
		row = sortedRow(nil, row)
		counts = binary.AppendUvarint(counts, uint64(len(row)))
		classes = appendClasses(classes, row)
		wlo, whi = appendWeights(wlo, whi, row)
	}
	for _, st := range [][]byte{keys, counts, classes, wlo, whi} {
		e.B = entropy.Append(e.B, st)
	}
	checkSameModel(t, m, e.B)
}

// TestLoadChunks checks that a table of many chunks, filled at once by
// several goroutines, is the table built, slot for slot, with rows in the
// slot, inline and dense, and that a file whose chunk index is off by one
// does not load, or loads as the same table.
func TestLoadChunks(t *testing.T) {
	labels := make([]string, 40)
	for i := range labels {
		labels[i] = fmt.Sprint(i)
	}
	rng := rand.New(rand.NewPCG(11, 11))
	feats := make([]uint64, 60000)
	for i := range feats {
		feats[i] = rng.Uint64()
	}
	slices.SortFunc(feats, func(a, b uint64) int { return cmp.Compare(bits.RotateLeft64(a, 32), bits.RotateLeft64(b, 32)) })
	var fl flatRows
	for _, f := range feats {
		n := 1 + rng.IntN(3)
		if rng.IntN(10) == 0 {
			n = 4 + rng.IntN(len(labels)-4) // inline below 14 entries, dense from 14
		}
		for _, c := range slices.Sorted(slices.Values(rng.Perm(len(labels))[:n])) {
			fl.ents = append(fl.ents, qentry{uint16(c), int16(rng.IntN(65535) - 32767)})
		}
		fl.end(f)
	}
	built := fl.build(labels, 0.25, 0.3)
	if len(built.slots) < 3*chunkSlots {
		t.Fatalf("%d slots: too few for several chunks", len(built.slots))
	}
	b, m := roundTrip(t, built)
	if !sameTable(m, built) {
		t.Error("the table loaded differs from the one built")
	}
	// The chunk index: the first chunk's numbers, after the header.
	d := &Decoder{B: b[len(magic):]}
	readHeader(d)
	for range 5 {
		d.Int()
	}
	at := len(b) - len(d.B)
	failed := 0
	for i := range 7 {
		bad := slices.Clone(b)
		bad[at+i] ^= 1
		m, err := LoadBytes(bad)
		if err != nil {
			failed++
		} else if !sameTable(m, built) {
			t.Errorf("a file with number %d of its chunk index off by one loaded as another table", i)
		}
	}
	if failed < 6 { // a chunk may start one empty slot later
		t.Errorf("%d of the 7 files with a number of their chunk index off by one failed to load", failed)
	}
}
