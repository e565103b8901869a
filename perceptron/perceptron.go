// Package perceptron is parley's shared learning machinery: an averaged
// multi-class perceptron (Collins 2002) over hashed sparse features, with a
// compact, deterministic serialised form that the trained stages embed.
//
// Features are 64-bit hashes (see Hasher). A Trainer keeps, for each
// feature that was ever updated, the few classes it has weights for, so
// training memory grows with what is learned rather than with
// features × classes. Model is the averaged, pruned and quantised result:
// an open-addressing table from feature hash to a short run of
// (class, weight) entries, so scoring a feature costs one probe and a few
// additions, and a loaded model is shared read-only by any number of
// goroutines.
package perceptron

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/parley-events/parley"
)

// Trainer learns an averaged perceptron. It is not safe for concurrent use.
type Trainer struct {
	labels []string
	index  map[uint64]int32
	rows   [][]tentry
	now    int64 // training instances seen, for averaging
}

type tentry struct {
	class uint16
	w     float32
	total float64 // sum of w over past instances, up to stamp
	stamp int64
}

// NewTrainer returns a Trainer for the given class labels.
func NewTrainer(labels []string) *Trainer {
	return &Trainer{labels: slices.Clone(labels), index: make(map[uint64]int32)}
}

// Classes returns the number of classes.
func (t *Trainer) Classes() int { return len(t.labels) }

// Score sets scores[c] to the current (not averaged) score of class c for
// feats. len(scores) must be the number of classes.
func (t *Trainer) Score(feats []uint64, scores []float32) {
	clear(scores)
	for _, f := range feats {
		i, ok := t.index[f]
		if !ok {
			continue
		}
		for _, e := range t.rows[i] {
			scores[e.class] += e.w
		}
	}
}

// Tick marks the end of one training instance; averaging weighs each
// weight by the number of instances it held its value.
func (t *Trainer) Tick() { t.now++ }

// Update moves the weights of feats toward gold and away from guess. It does
// nothing when they are equal.
func (t *Trainer) Update(feats []uint64, gold, guess int) {
	if gold == guess {
		return
	}
	for _, f := range feats {
		i, ok := t.index[f]
		if !ok {
			i = int32(len(t.rows))
			t.index[f] = i
			t.rows = append(t.rows, nil)
		}
		t.rows[i] = t.add(t.rows[i], gold, 1)
		t.rows[i] = t.add(t.rows[i], guess, -1)
	}
}

func (t *Trainer) add(row []tentry, class int, delta float32) []tentry {
	for j := range row {
		if e := &row[j]; int(e.class) == class {
			e.total += float64(t.now-e.stamp) * float64(e.w)
			e.stamp = t.now
			e.w += delta
			return row
		}
	}
	return append(row, tentry{class: uint16(class), w: delta, stamp: t.now})
}

// Model returns the averaged model. Weights whose average is below prune
// in absolute value are dropped; prune 0 keeps every non-zero weight.
func (t *Trainer) Model(prune float32) *Model {
	type kv struct {
		key uint64
		row []Entry
	}
	var rows []kv
	now := float64(max(t.now, 1))
	for key, i := range t.index {
		var row []Entry
		for _, e := range t.rows[i] {
			avg := (e.total + float64(t.now-e.stamp)*float64(e.w)) / now
			if a := float32(avg); a != 0 && (a >= prune || a <= -prune) {
				row = append(row, Entry{Class: e.class, W: a})
			}
		}
		if len(row) > 0 {
			slices.SortFunc(row, func(a, b Entry) int { return cmp.Compare(a.Class, b.Class) })
			rows = append(rows, kv{key, row})
		}
	}
	slices.SortFunc(rows, func(a, b kv) int { return cmp.Compare(a.key, b.key) })
	var maxW float32
	for _, r := range rows {
		for _, e := range r.row {
			maxW = max(maxW, e.W, -e.W)
		}
	}
	b := newBuilder(t.labels, len(rows), scaleFor(maxW))
	for _, r := range rows {
		b.add(r.key, r.row)
	}
	return b.model()
}

// scaleFor returns the quantisation step that maps weights up to maxW in
// absolute value onto 16-bit integers.
func scaleFor(maxW float32) float32 {
	if maxW == 0 {
		return 1
	}
	return maxW / 32767
}

// Entry is one class weight of a feature.
type Entry struct {
	Class uint16
	W     float32
}

// Model is a trained, averaged perceptron. It is safe for concurrent use.
type Model struct {
	Labels []string
	mask   uint64
	slots  []slot // open addressing; key 0 marks an empty slot
	ents   []qentry
	scale  float32 // a weight is its quantised value times scale
}

// qentry is a class weight quantised to 16 bits: half the memory traffic
// of a float, and scores keep their order (they are all in units of the
// model's scale).
type qentry struct {
	class uint16
	w     int16
}

// slot is one table entry: a feature and its weights. Most features have
// one or two weights; those live in the slot itself, so a lookup costs one
// memory access. Longer rows live in Model.ents[start:start+n].
type slot struct {
	key    uint64
	start  uint32
	n      uint32
	inline [inlineN]qentry
}

const inlineN = 2

// row returns the weights of s.
func (m *Model) row(s *slot) []qentry {
	if s.n <= inlineN {
		return s.inline[:s.n]
	}
	return m.ents[s.start : s.start+s.n]
}

// Classes returns the number of classes.
func (m *Model) Classes() int { return len(m.Labels) }

// Features returns the number of features with weights.
func (m *Model) Features() int {
	n := 0
	for _, sl := range m.slots {
		if sl.key != 0 {
			n++
		}
	}
	return n
}

// Score sets scores[c] to the score of class c for feats, in units of the
// model's quantisation step (only their order matters). len(scores) must
// be the number of classes.
func (m *Model) Score(feats []uint64, scores []float32) {
	clear(scores)
	if len(m.slots) == 0 {
		return
	}
	slots, mask := m.slots, m.mask
	for _, f := range feats {
		f = nonzero(f)
		for s := f & mask; ; s = (s + 1) & mask {
			sl := &slots[s]
			if sl.key == f {
				if sl.n <= inlineN {
					for _, e := range sl.inline[:sl.n] {
						scores[e.class] += float32(e.w)
					}
				} else {
					for _, e := range m.ents[sl.start : sl.start+sl.n] {
						scores[e.class] += float32(e.w)
					}
				}
				break
			}
			if sl.key == 0 {
				break
			}
		}
	}
}

// Best returns the index of the highest score among the classes for which
// ok returns true (all classes when ok is nil), or -1 when none is allowed.
// Ties go to the lower index, so results are deterministic.
func Best(scores []float32, ok func(int) bool) int {
	best, bi := float32(math.Inf(-1)), -1
	for i, s := range scores {
		if (ok == nil || ok(i)) && (bi < 0 || s > best) {
			best, bi = s, i
		}
	}
	return bi
}

func nonzero(f uint64) uint64 {
	if f == 0 {
		return 1
	}
	return f
}

// builder fills a Model's open-addressing table.
type builder struct{ m *Model }

func newBuilder(labels []string, n int, scale float32) *builder {
	size := 1
	for size < n*2 || size < 2 {
		size <<= 1
	}
	return &builder{&Model{Labels: labels, mask: uint64(size - 1), slots: make([]slot, size), scale: scale}}
}

// add adds a feature with float weights, quantised with the model's scale.
func (b *builder) add(key uint64, row []Entry) {
	q := make([]qentry, len(row))
	for i, e := range row {
		q[i] = qentry{e.Class, int16(max(-32767, min(32767, math.Round(float64(e.W/b.m.scale)))))}
	}
	b.addq(key, q)
}

// addq adds a feature with quantised weights.
func (b *builder) addq(key uint64, row []qentry) {
	m := b.m
	key = nonzero(key)
	s := key & m.mask
	for m.slots[s].key != 0 && m.slots[s].key != key {
		s = (s + 1) & m.mask
	}
	if sl := &m.slots[s]; sl.key == key { // the same feature twice (0 and 1 collide): merge
		row = append(slices.Clone(m.row(sl)), row...)
	}
	sl := slot{key: key, n: uint32(len(row))}
	if len(row) <= inlineN {
		copy(sl.inline[:], row)
	} else {
		sl.start = uint32(len(m.ents))
		m.ents = append(m.ents, row...)
	}
	m.slots[s] = sl
}

func (b *builder) model() *Model { return b.m }

// magic starts every serialised model; the digit is the format version.
const magic = "parley-perceptron-1\n"

// MarshalBinary returns the model in its serialised form: a DEFLATE stream
// of the labels, a weight scale, and the features in hash order, each with
// its entries quantised to 16 bits. The same model always gives the same
// bytes.
func (m *Model) MarshalBinary() ([]byte, error) {
	var raw bytes.Buffer
	raw.WriteString(magic)
	putUvarint(&raw, uint64(len(m.Labels)))
	for _, l := range m.Labels {
		putUvarint(&raw, uint64(len(l)))
		raw.WriteString(l)
	}
	scale := m.scale
	binary.Write(&raw, binary.LittleEndian, math.Float32bits(scale))
	// Collect features in key order for a canonical stream.
	slots := m.sortedSlots()
	putUvarint(&raw, uint64(len(slots)))
	prev := uint64(0)
	for _, s := range slots {
		putUvarint(&raw, s.key-prev)
		prev = s.key
		putUvarint(&raw, uint64(s.n))
		for _, e := range m.row(&s) {
			putUvarint(&raw, uint64(e.class))
			putVarint(&raw, int64(e.w))
		}
	}
	var out bytes.Buffer
	zw, err := flate.NewWriter(&out, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Load reads a model written by MarshalBinary. Weights come back as the
// quantised values times the scale.
func Load(r io.Reader) (*Model, error) {
	br := bufio.NewReader(flate.NewReader(r))
	fail := func(err error) (*Model, error) {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, parley.E("perceptron.Load", parley.Invalid, err)
	}
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return fail(fmt.Errorf("not a parley perceptron model (bad header)"))
	}
	nl, err := binary.ReadUvarint(br)
	if err != nil || nl > 1<<16 {
		return fail(fmt.Errorf("bad label count"))
	}
	labels := make([]string, nl)
	for i := range labels {
		n, err := binary.ReadUvarint(br)
		if err != nil || n > 1<<10 {
			return fail(fmt.Errorf("bad label"))
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return fail(err)
		}
		labels[i] = string(b)
	}
	var bits uint32
	if err := binary.Read(br, binary.LittleEndian, &bits); err != nil {
		return fail(err)
	}
	scale := math.Float32frombits(bits)
	nf, err := binary.ReadUvarint(br)
	if err != nil || nf > 1<<28 {
		return fail(fmt.Errorf("bad feature count"))
	}
	// Read everything before sizing the table, so that a corrupt count
	// fails on a short stream instead of allocating.
	var keys []uint64
	var starts []int
	var ents []qentry
	key := uint64(0)
	for range nf {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return fail(err)
		}
		key += d
		n, err := binary.ReadUvarint(br)
		if err != nil || n > nl {
			return fail(fmt.Errorf("bad entry count"))
		}
		keys = append(keys, key)
		starts = append(starts, len(ents))
		for range n {
			c, err := binary.ReadUvarint(br)
			if err != nil || c >= nl {
				return fail(fmt.Errorf("bad class"))
			}
			q, err := binary.ReadVarint(br)
			if err != nil || q > 32767 || q < -32767 {
				return fail(fmt.Errorf("bad weight"))
			}
			ents = append(ents, qentry{uint16(c), int16(q)})
		}
	}
	starts = append(starts, len(ents))
	if !(scale > 0) || math.IsInf(float64(scale), 0) {
		return fail(fmt.Errorf("bad scale"))
	}
	b := newBuilder(labels, len(keys), scale)
	for i, k := range keys {
		b.addq(k, ents[starts[i]:starts[i+1]])
	}
	return b.model(), nil
}

func putUvarint(w *bytes.Buffer, x uint64) {
	var b [binary.MaxVarintLen64]byte
	w.Write(b[:binary.PutUvarint(b[:], x)])
}

func putVarint(w *bytes.Buffer, x int64) {
	var b [binary.MaxVarintLen64]byte
	w.Write(b[:binary.PutVarint(b[:], x)])
}

// Pruned returns a copy of m without the weights whose absolute value is
// below th, and without features left with no weights.
func (m *Model) Pruned(th float32) *Model {
	slots := m.sortedSlots()
	b := newBuilder(m.Labels, len(slots), m.scale)
	var row []qentry
	for _, s := range slots {
		row = row[:0]
		for _, e := range m.row(&s) {
			if w := float32(e.w) * m.scale; w >= th || w <= -th {
				row = append(row, e)
			}
		}
		if len(row) > 0 {
			b.addq(s.key, row)
		}
	}
	return b.model()
}

// sortedSlots returns the occupied slots in key order.
func (m *Model) sortedSlots() []slot {
	var out []slot
	for _, sl := range m.slots {
		if sl.key != 0 {
			out = append(out, sl)
		}
	}
	slices.SortFunc(out, func(a, b slot) int { return cmp.Compare(a.key, b.key) })
	return out
}
