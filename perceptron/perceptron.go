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
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"
	"sync"

	"github.com/klauspost/compress/zstd"
	"github.com/parley-events/parley"
	"github.com/parley-events/parley/internal/entropy"
	"github.com/parley-events/parley/internal/hugepage"
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

// NewTrainer returns a Trainer for the given class labels, of which there
// may be at most MaxClasses.
func NewTrainer(labels []string) *Trainer {
	if len(labels) > MaxClasses {
		panic(fmt.Sprintf("perceptron.NewTrainer: %d classes, the most is %d", len(labels), MaxClasses))
	}
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
	scale := scaleFor(maxW)
	var fl flatRows
	for _, r := range rows {
		for _, e := range r.row {
			fl.ents = append(fl.ents, qentry{e.Class, int16(max(-32767, min(32767, math.Round(float64(e.W/scale)))))})
		}
		fl.end(r.key)
	}
	return fl.build(t.labels, scale)
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
//
// Its table is laid out for scoring speed, which is bounded by memory
// latency: a parser configuration probes about ninety features scattered
// over tens of megabytes. Slots are 16 bytes (four to a cache line); a
// feature's weights live in its slot or in the slots right after it, so
// that finding a feature brings its weights into the cache with it; the
// table is filled to 40%, so that probe sequences (and above all those of
// the one feature in nine that is not there) end within a cache line or
// two; and Score first touches every feature's slot before reading any of
// them, so that the cache misses overlap.
type Model struct {
	Labels []string
	size   int      // the number of home slots; slots has a few more after them
	slots  []slot   // open addressing with linear probing; key 0 marks an empty slot
	low    []uint32 // the low half of the feature hash of each head slot (the key is the top half), for MarshalBinary and Pruned
	ents   []qentry // the rows of features that have a dense form
	dense  []uint64 // rows of a weight for every class, two to a word (see addDense), for features with many weights
	scale  float32  // a weight is its quantised value times scale
}

// qentry is a class weight quantised to 16 bits: half the memory traffic
// of a float, and scores keep their order (they are all in units of the
// model's scale).
type qentry struct {
	class uint16
	w     int16
}

// slot is one table entry. A head slot holds a feature: its key (the top
// half of the feature hash, the bottom half having chosen the home slot;
// never 0 or contKey) and its weights in one of three forms, told apart by
// e[0].class:
//
//   - up to three entries in the slot itself, unused ones of class noClass;
//   - inlineRow: a longer row, e[0].w holding its length, e[1] and e[2] its
//     first two entries, and the slots right after the head (key contKey)
//     the rest, three to a slot, so that the row shares the head's cache
//     line or the next;
//   - denseRow: a row with at least a third of the classes, e[0].w holding
//     its length, e[1] its start in Model.ents and e[2] the offset of its
//     dense form in Model.dense, since adding a run of weights costs a
//     fraction of adding sparse entries.
//
// Slots of key contKey are continuations of a row or fillers; probing
// steps over them as over any other key.
type slot struct {
	key uint32
	e   [3]qentry
}

const (
	noClass   = 0xffff
	denseRow  = 0xfffe
	inlineRow = 0xfffd
	// MaxClasses is the most classes a model can have.
	MaxClasses = inlineRow
	// contKey marks a slot that continues a row, or a filler.
	contKey = 0xffffffff
)

func pack(x uint32) qentry      { return qentry{uint16(x >> 16), int16(uint16(x))} }
func (q qentry) unpack() uint32 { return uint32(q.class)<<16 | uint32(uint16(q.w)) }

// filler is a continuation or filler slot with no entries; its entries
// are those of a head slot before any are set.
var filler = slot{key: contKey, e: [3]qentry{{noClass, 0}, {noClass, 0}, {noClass, 0}}}

// hasDense reports whether a row of n entries, in a model of the given
// number of classes, gets a dense form: at least a third of the classes.
func hasDense(n, classes int) bool { return n > 3 && 3*n >= classes }

// span returns the number of slots a row of n entries takes.
func span(n int, dense bool) int {
	if n <= 3 || dense {
		return 1
	}
	return 1 + n/3 // the head holds two entries; ceil((n-2)/3) slots the rest
}

// row returns the weights of the feature whose head slot is i.
func (m *Model) row(i int) []qentry {
	s := &m.slots[i]
	n := int(uint16(s.e[0].w))
	switch s.e[0].class {
	case denseRow:
		st := int(s.e[1].unpack())
		return m.ents[st : st+n]
	case inlineRow:
		out := make([]qentry, 0, n)
		out = append(out, s.e[1], s.e[2])
		for c := i + 1; len(out) < n; c++ {
			out = append(out, m.slots[c].e[:min(3, n-len(out))]...)
		}
		return out
	}
	n = 0
	for n < len(s.e) && s.e[n].class != noClass {
		n++
	}
	return s.e[:n]
}

// home returns the key and first slot of feature f: the top half of its
// hash, and the bottom half scaled to the table size (Lemire's
// multiply-shift reduction, so the table need not be a power of two).
func home(f uint64, size int) (key uint32, s int) {
	key = uint32(f >> 32)
	if key == 0 || key == contKey {
		key = 1
	}
	return key, int(uint64(uint32(f)) * uint64(size) >> 32)
}

// Classes returns the number of classes.
func (m *Model) Classes() int { return len(m.Labels) }

// Features returns the number of features with weights.
func (m *Model) Features() int {
	n := 0
	for _, sl := range m.slots {
		if sl.key != 0 && sl.key != contKey {
			n++
		}
	}
	return n
}

// batch is how many features Score resolves at a time.
const batch = 128

// Score sets scores[c] to the score of class c for feats, in units of the
// model's quantisation step (only their order matters). len(scores) must
// be the number of classes.
func (m *Model) Score(feats []uint64, scores []float32) {
	var stack [256]int32
	acc := stack[:0]
	if len(scores) <= len(stack) {
		acc = stack[:len(scores)]
	} else {
		acc = make([]int32, len(scores))
	}
	m.score(feats, acc)
	for c, v := range acc {
		scores[c] = float32(v)
	}
}

func (m *Model) score(feats []uint64, acc []int32) {
	if m.size == 0 {
		return
	}
	var first [batch]uint32 // the key in each feature's home slot
	slots, size := m.slots, m.size
	// Dense rows add into pairs: classes 2i and 2i+1 in the low and high
	// halves of pairs[i], each weight stored biased by denseBias so that
	// no half ever carries into the other.
	var pairStack [128]uint64
	pairs := pairStack[:0]
	if np := (len(acc) + 1) / 2; np <= len(pairStack) {
		pairs = pairStack[:np]
	} else {
		pairs = make([]uint64, np)
	}
	// The dense rows are gathered and added at the end, all at once.
	var offStack [batch]uint32
	offs := offStack[:0]
	for len(feats) > 0 {
		fs := feats[:min(len(feats), batch)]
		feats = feats[len(fs):]
		// 1. Load every home slot. Nothing here branches on loaded data,
		// so the processor keeps many misses in flight at once.
		for i, f := range fs {
			_, s := home(f, size)
			first[i] = slots[s].key
		}
		// 2. Find each feature (its slots are now cached) and add its
		// row, noting dense ones. The table always ends in an empty
		// slot, so probing never runs off its end.
		for i, f := range fs {
			key, s := home(f, size)
			if first[i] == 0 {
				continue
			}
			for {
				sl := &slots[s]
				if sl.key == key {
					switch e := sl.e[0]; e.class {
					case denseRow:
						offs = append(offs, sl.e[2].unpack())
					case inlineRow:
						n := int(uint16(e.w)) - 2
						acc[sl.e[1].class] += int32(sl.e[1].w)
						acc[sl.e[2].class] += int32(sl.e[2].w)
						for c := s + 1; n > 0; c++ {
							cs := &slots[c]
							acc[cs.e[0].class] += int32(cs.e[0].w)
							if n >= 3 {
								acc[cs.e[1].class] += int32(cs.e[1].w)
								acc[cs.e[2].class] += int32(cs.e[2].w)
							} else if n == 2 {
								acc[cs.e[1].class] += int32(cs.e[1].w)
							}
							n -= 3
						}
					default:
						acc[e.class] += int32(e.w)
						if e := sl.e[1]; e.class != noClass {
							acc[e.class] += int32(e.w)
							if e := sl.e[2]; e.class != noClass {
								acc[e.class] += int32(e.w)
							}
						}
					}
					break
				}
				if sl.key == 0 {
					break
				}
				s++
			}
		}
	}
	// 3. Add the dense rows: plain runs of additions, two classes to
	// each word.
	if len(offs) > 0 {
		addRows(pairs, m.dense, offs)
		bias := int32(len(offs)) * denseBias
		for i, p := range pairs {
			acc[2*i] += int32(uint32(p)) - bias
			if 2*i+1 < len(acc) {
				acc[2*i+1] += int32(uint32(p>>32)) - bias
			}
		}
	}
}

// Best returns the index of the highest score among the classes for which
// ok returns true (all classes when ok is nil), or -1 when none is allowed.
// Ties go to the lower index, so results are deterministic.
func Best(scores []float32, ok func(int) bool) int {
	if ok == nil {
		if len(scores) == 0 {
			return -1
		}
		best, bi := scores[0], 0
		for i, s := range scores[1:] {
			if s > best {
				best, bi = s, i+1
			}
		}
		return bi
	}
	best, bi := float32(math.Inf(-1)), -1
	for i, s := range scores {
		if (ok == nil || ok(i)) && (bi < 0 || s > best) {
			best, bi = s, i
		}
	}
	return bi
}

// builder fills a Model's open-addressing table, or the part of it below
// max (see fillHalves). Dense rows go to its own ents and dense, which
// start at entsBase and denseBase in the model's.
type builder struct {
	m                   *Model
	ents                []qentry
	dense               []uint64
	entsBase, denseBase int
	max                 int  // the end of the slots the builder may touch
	grow                bool // grow the table when a row does not fit before its end
	overflow            bool // a row did not fit below max: the builder stopped
}

// load is the fraction of slots a table fills. Rows continued in the slots
// after their head lengthen the runs of occupied slots, so that at 70%
// an unsuccessful probe crossed several cache lines: 40% scored the
// parser 19% faster for 44 MiB more memory (docs/benchmarks.md).
const load = 0.4

// newBuilder returns a builder for a table that will hold rows taking n
// slots in all (see span), growing it when needed.
func newBuilder(labels []string, n int, scale float32) *builder {
	size := max(int(float64(n)/load), 2)
	const slack = 64
	slots, low := make([]slot, size+slack), make([]uint32, size+slack)
	hugepage.Advise(slots)
	hugepage.Advise(low)
	return &builder{m: &Model{Labels: labels, size: size, slots: slots, low: low, scale: scale}, max: math.MaxInt, grow: true}
}

// addq adds a feature with quantised weights. Two features whose keys and
// probe sequences coincide become one, with both rows. A row is placed at
// the first free slot of its probe sequence that is followed by enough
// free slots for its continuations; free slots skipped on the way become
// fillers, so that no probe sequence is cut short. A builder that may not
// grow the table and finds no room below max sets overflow and adds
// nothing more.
func (b *builder) addq(f uint64, row []qentry) {
	if b.overflow {
		return
	}
	m := b.m
	key, s := home(f, m.size)
	for ; s < b.max && m.slots[s].key != 0; s++ {
		if m.slots[s].key == key {
			row = slices.Concat(b.row(s), row)
			f = m.hash(s)
			b.clear(s)
		}
	}
	need := span(len(row), hasDense(len(row), len(m.Labels)))
	for {
		if s+need > min(b.max, len(m.slots)-1) && !b.grow {
			b.overflow = true
			return
		}
		for len(m.slots) < s+need+1 { // keep an empty slot at the end
			m.slots = append(m.slots, slot{})
			m.low = append(m.low, 0)
		}
		free := 0
		for free < need && m.slots[s+free].key == 0 {
			free++
		}
		if free == need {
			break
		}
		m.slots[s] = filler
		for s < b.max && m.slots[s].key != 0 {
			s++
		}
	}
	m.low[s] = uint32(f)
	sl := slot{key: key, e: filler.e}
	switch {
	case len(row) <= len(sl.e):
		copy(sl.e[:], row)
	case hasDense(len(row), len(m.Labels)):
		sl.e[0] = qentry{denseRow, int16(uint16(len(row)))}
		sl.e[1] = pack(uint32(b.entsBase + len(b.ents)))
		sl.e[2] = pack(uint32(b.denseBase + len(b.dense)))
		b.ents = append(b.ents, row...)
		b.dense = addDense(b.dense, len(m.Labels), row)
	default:
		sl.e[0] = qentry{inlineRow, int16(uint16(len(row)))}
		sl.e[1], sl.e[2] = row[0], row[1]
		for i, rest := 1, row[2:]; len(rest) > 0; i++ {
			c := filler
			rest = rest[copy(c.e[:], rest):]
			m.slots[s+i] = c
		}
	}
	m.slots[s] = sl
}

// row is Model.row for a table being built, whose dense rows are still
// the builder's.
func (b *builder) row(s int) []qentry {
	sl := &b.m.slots[s]
	if sl.e[0].class != denseRow {
		return b.m.row(s)
	}
	st := int(sl.e[1].unpack()) - b.entsBase
	return b.ents[st : st+int(uint16(sl.e[0].w))]
}

// clear turns the feature at head slot s, with its continuations, into
// fillers. Its dense row, if any, stays unused in ents and dense.
func (b *builder) clear(s int) {
	m := b.m
	n := span(len(b.row(s)), m.slots[s].e[0].class == denseRow)
	for i := range n {
		m.slots[s+i] = filler
		m.low[s+i] = 0
	}
}

// model returns the model built, with the builder's dense rows (without
// the slack of growing them).
func (b *builder) model() *Model {
	b.m.ents, b.m.dense = slices.Clone(b.ents), slices.Clone(b.dense)
	return b.m
}

// flatRows is a list of features and their rows, in one run of entries.
type flatRows struct {
	feats []uint64
	ends  []uint32 // the end of feats[i]'s row in ents
	ents  []qentry
}

// end closes the row of feature f: the entries added since the last end.
func (fl *flatRows) end(f uint64) {
	fl.feats = append(fl.feats, f)
	fl.ends = append(fl.ends, uint32(len(fl.ents)))
}

// build returns the model holding the rows, added in their order.
func (fl *flatRows) build(labels []string, scale float32) *Model {
	n, start := 0, uint32(0)
	for _, e := range fl.ends {
		k := int(e - start)
		n += span(k, hasDense(k, len(labels)))
		start = e
	}
	b := newBuilder(labels, n, scale)
	start = 0
	for i, f := range fl.feats {
		b.addq(f, fl.ents[start:fl.ends[i]])
		start = fl.ends[i]
	}
	return b.model()
}

// denseBias is added to every weight of a dense row, so that stored
// weights are never negative: 16-bit weights then sum in 32-bit halves
// without a carry for up to 65,536 rows, far more than one Score adds.
const denseBias = 1 << 15

// addDense appends the dense form of row, for a model of n classes, to
// dense: classes 2i and 2i+1 in the low and high halves of word i, each
// weight plus denseBias.
func addDense(dense []uint64, n int, row []qentry) []uint64 {
	w := make([]int32, n+n%2)
	for _, e := range row {
		w[e.class] = max(-32767, min(32767, w[e.class]+int32(e.w)))
	}
	for i := 0; i < len(w); i += 2 {
		dense = append(dense, uint64(uint32(w[i]+denseBias))|uint64(uint32(w[i+1]+denseBias))<<32)
	}
	return dense
}

// magic starts every serialised model; the digit is the format version.
// Load reads versions 2 and 3 as well; MarshalBinary writes version 4.
const (
	magic   = "parley-perceptron-4\n"
	magicV3 = "parley-perceptron-3\n"
	magicV2 = "parley-perceptron-2\n"
)

// MarshalBinary returns the model in its serialised form: magic, the
// labels, the weight scale, the number of features, and five streams,
// each Huffman-coded on its own (internal/entropy): the features'
// hashes (uvarints, each the difference from the one before), their
// entry counts (uvarints), their entries' classes (uvarints, in
// increasing order, each the difference from the one before less one,
// starting from -1), and their weights, quantised to 16 bits, zigzagged
// (0, -1, 1, -2 … as 0, 1, 2, 3 …), low bytes then high bytes. Features
// are ordered by the low half of their hash, which is the order of their
// slots in any table, so that Load fills its table front to back.
// Weights as two planes of bytes code smaller than as varints, and
// decode without a branch. The same model always gives the same bytes.
func (m *Model) MarshalBinary() ([]byte, error) {
	var fl flatRows
	var row []qentry
	for _, s := range m.sortedSlots() {
		row = sortedRow(row[:0], m.row(s.i))
		fl.ents = append(fl.ents, row...)
		fl.end(s.full)
	}
	return fl.marshal(m.Labels, m.scale), nil
}

// marshal returns the rows as a model file (see MarshalBinary), their
// features taken to be in the order of the low half of their hash, and
// each row's classes rising.
func (fl *flatRows) marshal(labels []string, scale float32) []byte {
	e := Encoder{B: []byte(magic)}
	writeHeader(&e, labels, scale)
	e.Int(len(fl.feats))
	var keys, counts, classes, wlo, whi []byte
	prev, start := uint64(0), uint32(0)
	for i, f := range fl.feats {
		r := bits.RotateLeft64(f, 32)
		keys = binary.AppendUvarint(keys, r-prev)
		prev = r
		row := fl.ents[start:fl.ends[i]]
		start = fl.ends[i]
		counts = binary.AppendUvarint(counts, uint64(len(row)))
		c := -1
		for _, q := range row {
			classes = binary.AppendUvarint(classes, uint64(int(q.class)-c-1))
			c = int(q.class)
			z := uint16(q.w<<1 ^ q.w>>15)
			wlo, whi = append(wlo, byte(z)), append(whi, byte(z>>8))
		}
	}
	for _, st := range [][]byte{keys, counts, classes, wlo, whi} {
		e.B = entropy.Append(e.B, st)
	}
	return e.B
}

// writeHeader appends what starts every model's body: the labels and
// the weight scale.
func writeHeader(e *Encoder, labels []string, scale float32) {
	e.Int(len(labels))
	for _, l := range labels {
		e.Str(l)
	}
	e.B = binary.LittleEndian.AppendUint32(e.B, math.Float32bits(scale))
}

// readHeader reads what writeHeader wrote. A truncated header leaves its
// error in d.Err, for the caller to check with what it reads next.
func readHeader(d *Decoder) ([]string, float32, error) {
	nl := d.Count(1)
	if nl > MaxClasses {
		return nil, 0, fmt.Errorf("bad label count")
	}
	labels := make([]string, nl)
	for i := range labels {
		labels[i] = d.Str()
	}
	if len(d.B) < 4 {
		d.Fail()
	}
	var scale float32
	if d.Err == nil {
		scale = math.Float32frombits(binary.LittleEndian.Uint32(d.B))
		d.B = d.B[4:]
	}
	return labels, scale, nil
}

// sortedRow appends row's entries to dst in increasing order of class,
// the weights of a class that comes twice (two features merged in one
// slot) summed.
func sortedRow(dst, row []qentry) []qentry {
	dst = append(dst, row...)
	slices.SortStableFunc(dst, func(a, b qentry) int { return cmp.Compare(a.class, b.class) })
	out := dst[:0]
	for _, q := range dst {
		if n := len(out); n > 0 && out[n-1].class == q.class {
			out[n-1].w = int16(max(-32767, min(32767, int32(out[n-1].w)+int32(q.w))))
			continue
		}
		out = append(out, q)
	}
	return out
}

// Load reads a model written by MarshalBinary, in this format or an
// earlier one. Weights come back as the quantised values times the scale.
func Load(r io.Reader) (*Model, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, parley.E("perceptron.Load", parley.IO, err)
	}
	return LoadBytes(b)
}

// LoadBytes is Load for a model in memory (an embedded file, read without
// a copy); the model keeps no reference to b.
func LoadBytes(b []byte) (*Model, error) {
	if rest, ok := bytes.CutPrefix(b, []byte(magic)); ok {
		m, err := load4(rest)
		if err != nil {
			return nil, parley.E("perceptron.Load", parley.Invalid, err)
		}
		return m, nil
	}
	fail := func(err error) (*Model, error) {
		return nil, parley.E("perceptron.Load", parley.Invalid, err)
	}
	version := 3
	z, ok := bytes.CutPrefix(b, []byte(magicV3))
	if !ok {
		if z, ok = bytes.CutPrefix(b, []byte(magicV2)); !ok {
			return fail(fmt.Errorf("not a parley perceptron model, version %c to %c (bad header)", magicV2[len(magicV2)-2], magic[len(magic)-2]))
		}
		version = 2
	}
	// Versions 2 and 3: one zstd frame.
	zr, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(1<<30))
	if err != nil {
		return nil, parley.E("perceptron.Load", parley.Internal, err)
	}
	defer zr.Close()
	raw, err := zr.DecodeAll(z, nil)
	if err != nil {
		return fail(err)
	}
	d := &Decoder{B: raw}
	labels, scale, err := readHeader(d)
	if err != nil {
		return fail(err)
	}
	nl := len(labels)
	nf := d.Count(3) // each feature takes at least a key delta, a count and one entry
	if d.Err != nil {
		return fail(fmt.Errorf("bad header: %w", d.Err))
	}
	if !(scale > 0) || math.IsInf(float64(scale), 0) {
		return fail(fmt.Errorf("bad scale"))
	}
	// The four streams; in version 2 they are one, read in turn.
	cur := d.B
	keys, counts, classes, weights := &cur, &cur, &cur, &cur
	if version == 3 {
		var st [4][]byte
		for i := range st {
			n := d.Int()
			if d.Err != nil || n > len(d.B) {
				return fail(fmt.Errorf("bad stream length"))
			}
			st[i], d.B = d.B[:n], d.B[n:]
		}
		keys, counts, classes, weights = &st[0], &st[1], &st[2], &st[3]
	}
	uvarint := func(b *[]byte) (uint64, bool) {
		v, n := binary.Uvarint(*b)
		if n <= 0 {
			return 0, false
		}
		*b = (*b)[n:]
		return v, true
	}
	// Decode the rows, then fill the table front to back (features come
	// in the order of their home slots); nf is bounded by the input's
	// size, so a corrupt count cannot make the table huge.
	fl := flatRows{feats: make([]uint64, 0, nf), ends: make([]uint32, 0, nf), ents: make([]qentry, 0, 3*nf)}
	rot := uint64(0)
	for range nf {
		dk, ok := uvarint(keys)
		if !ok {
			return fail(ErrCorrupt)
		}
		rot += dk
		n, ok := uvarint(counts)
		if !ok || n > uint64(nl) {
			return fail(fmt.Errorf("bad entry count"))
		}
		next := uint64(0) // version 3: the least class the next entry can have
		for range n {
			c, ok := uvarint(classes)
			if version == 3 {
				c += next
				next = c + 1
			}
			if !ok || c >= uint64(nl) {
				return fail(fmt.Errorf("bad class"))
			}
			q, n4 := binary.Varint(*weights)
			if n4 <= 0 || q > 32767 || q < -32767 {
				return fail(fmt.Errorf("bad weight"))
			}
			*weights = (*weights)[n4:]
			fl.ents = append(fl.ents, qentry{uint16(c), int16(q)})
		}
		fl.end(bits.RotateLeft64(rot, 32))
	}
	return fl.build(labels, scale), nil
}

// load4 reads the body of a version-4 model (after magic): the header,
// then the five streams, which it decodes and then walks together,
// adding each feature to the table as it comes.
func load4(b []byte) (*Model, error) {
	bd, err := read4(b)
	if err != nil {
		return nil, err
	}
	if bd.nf >= halvesFrom {
		m, err := fillHalves(newBuilder(bd.labels, bd.slots, bd.scale), bd.r, bd.nf)
		if m != nil || err != nil {
			return m, err
		}
	}
	t := newBuilder(bd.labels, bd.slots, bd.scale)
	if err := t.fill(&bd.r, bd.nf); err != nil {
		return nil, err
	}
	return t.model(), nil
}

// body is a version-4 model read but for its table: its streams decoded,
// and the number of slots its rows take.
type body struct {
	labels    []string
	scale     float32
	nf, slots int
	r         rows
}

// read4 reads the header and streams of a version-4 model.
func read4(b []byte) (*body, error) {
	d := &Decoder{B: b}
	labels, scale, err := readHeader(d)
	if err != nil {
		return nil, err
	}
	nl := len(labels)
	// Each feature takes at least five decoded bytes (a hash difference, a
	// count and an entry of three), and no stream decodes to more than
	// eight times its size, so a corrupt count cannot ask for a huge table.
	nf := d.Int()
	if d.Err != nil {
		return nil, fmt.Errorf("bad header: %w", d.Err)
	}
	if nf > 8*len(d.B)/5 {
		return nil, fmt.Errorf("bad feature count")
	}
	if !(scale > 0) || math.IsInf(float64(scale), 0) {
		return nil, fmt.Errorf("bad scale")
	}
	// Find the five streams, then decode them into one buffer, the
	// hashes (the largest) in a goroutine of their own.
	var src, st [5][]byte
	var size [5]int
	rest, total := d.B, 0
	for i := range src {
		n, err := entropy.Size(rest)
		if err != nil {
			return nil, err
		}
		src[i], size[i], total = rest, n, total+n
		if rest, err = entropy.Skip(rest); err != nil {
			return nil, err
		}
	}
	if len(rest) > 0 {
		return nil, fmt.Errorf("%d bytes after the model", len(rest))
	}
	buf := make([]byte, total)
	hugepage.Advise(buf)
	for i, n := range size {
		st[i], buf = buf[:n:n], buf[n:]
	}
	var wg sync.WaitGroup
	var errKeys error
	wg.Go(func() { _, errKeys = entropy.Read(st[0], src[0]) })
	for i := 1; i < len(st) && err == nil; i++ {
		_, err = entropy.Read(st[i], src[i])
	}
	wg.Wait()
	if err = errors.Join(errKeys, err); err != nil {
		return nil, err
	}
	r := rows{keys: cursor{b: st[0]}, counts: cursor{b: st[1]}, classes: cursor{b: st[2]}, wlo: st[3], whi: st[4], nl: nl}
	if len(r.wlo) != len(r.whi) {
		return nil, fmt.Errorf("bad weight streams")
	}
	// The table's size follows from the rows' lengths alone.
	slots, ents := 0, 0
	for range nf {
		n := r.counts.next()
		if n > uint64(nl) {
			return nil, fmt.Errorf("bad entry count")
		}
		slots += span(int(n), hasDense(int(n), nl))
		ents += int(n)
	}
	if r.counts.bad || ents != len(r.wlo) {
		return nil, fmt.Errorf("bad entry counts")
	}
	r.counts.i = 0
	return &body{labels: labels, scale: scale, nf: nf, slots: slots, r: r}, nil
}

// halvesFrom is the number of features from which load4 fills its table
// in two halves at once: the parser's perceptron, not the tagger's.
var halvesFrom = 500_000

// fillHalves fills b's table from r's nf features in two goroutines, the
// first half of the features below the home slot of the second's first,
// so that neither reads or writes a slot of the other's. It walks the
// first half beforehand, reading its hashes and counts but no entries, to
// find a feature k near the middle that takes its home slot with every
// row before it ending before that slot, and the number of dense entries
// and words before k. The table is the one one goroutine would fill, byte
// for byte; in the rare case where the walk did not foresee the first
// half (two features merged in it, or no such k), fillHalves returns a
// nil model and the caller fills the table in one go.
func fillHalves(b *builder, r rows, nf int) (*Model, error) {
	m := b.m
	walk, end, ents, words := r, 0, 0, 0
	second := r
	k := -1
	for i := range nf {
		ki, ci, li, w, rot := walk.keys.i, walk.counts.i, walk.classes.i, walk.w, walk.rot
		f, n := walk.skip()
		_, h := home(f, m.size)
		if i >= nf/2 && h >= end {
			second.keys.i, second.counts.i, second.classes.i, second.w, second.rot = ki, ci, li, w, rot
			k, b.max = i, h
			break
		}
		d := hasDense(n, r.nl)
		end = max(h, end) + span(n, d)
		if d {
			ents += n
			words += (r.nl + 1) / 2
		}
	}
	if k < 0 || walk.bad() {
		return nil, nil
	}
	b.grow = false
	b2 := &builder{m: m, entsBase: ents, denseBase: words, max: math.MaxInt}
	var wg sync.WaitGroup
	var err1 error
	wg.Go(func() { err1 = b.fill(&r, k) })
	err2 := b2.fill(&second, nf-k)
	wg.Wait()
	if err := errors.Join(err1, err2); err != nil {
		return nil, err
	}
	if b.overflow || b2.overflow || len(b.ents) != ents || len(b.dense) != words {
		return nil, nil
	}
	m.ents, m.dense = slices.Concat(b.ents, b2.ents), slices.Concat(b.dense, b2.dense)
	return m, nil
}

// fill adds the next n features of r.
func (b *builder) fill(r *rows, n int) error {
	row := make([]qentry, 0, r.nl)
	for range n {
		var f uint64
		var err error
		if f, row, err = r.next(row[:0]); err != nil {
			return err
		}
		b.addq(f, row)
	}
	if r.bad() { // a malformed uvarint read as zeros: the features are wrong
		return ErrCorrupt
	}
	return nil
}

// rows reads the features of a version-4 model from its streams.
type rows struct {
	keys, counts, classes cursor
	wlo, whi              []byte
	w                     int    // the next entry's index in wlo and whi
	rot                   uint64 // the last hash read, rotated by 32 bits
	nl                    int    // the number of classes
}

// next appends the next feature's entries to row, and returns its hash
// and the row. A malformed uvarint reads as zero (see bad).
func (r *rows) next(row []qentry) (uint64, []qentry, error) {
	r.rot += r.keys.next()
	n := int(r.counts.next())
	if n > len(r.wlo)-r.w {
		return 0, nil, fmt.Errorf("bad entry count")
	}
	c := uint64(0) // the least class the next entry can have
	for j := r.w; j < r.w+n; j++ {
		c += r.classes.next()
		if c >= uint64(r.nl) {
			return 0, nil, fmt.Errorf("bad class")
		}
		z := uint16(r.wlo[j]) | uint16(r.whi[j])<<8
		q := int16(z>>1) ^ -int16(z&1)
		if q == math.MinInt16 {
			return 0, nil, fmt.Errorf("bad weight")
		}
		row = append(row, qentry{uint16(c), q})
		c++
	}
	r.w += n
	return bits.RotateLeft64(r.rot, 32), row, nil
}

// skip passes over the next feature, returning its hash and number of
// entries without decoding them.
func (r *rows) skip() (uint64, int) {
	r.rot += r.keys.next()
	n := int(r.counts.next())
	r.w += n
	c := &r.classes
	for left := n; left > 0 && c.i < len(c.b); c.i++ {
		if c.b[c.i] < 0x80 {
			left--
		}
	}
	return bits.RotateLeft64(r.rot, 32), n
}

func (r *rows) bad() bool { return r.keys.bad || r.counts.bad || r.classes.bad || r.w > len(r.wlo) }

// cursor reads uvarints from b; past its end or at a malformed one it
// sets bad and reads zeros.
type cursor struct {
	b   []byte
	i   int
	bad bool
}

// next reads the next uvarint: one byte, most often, in a few
// instructions.
func (c *cursor) next() uint64 {
	if c.i < len(c.b) && c.b[c.i] < 0x80 {
		c.i++
		return uint64(c.b[c.i-1])
	}
	return c.long()
}

func (c *cursor) long() uint64 {
	v, n := binary.Uvarint(c.b[min(c.i, len(c.b)):])
	if n <= 0 {
		c.bad = true
		return 0
	}
	c.i += n
	return v
}

// Pruned returns a copy of m without the weights whose absolute value is
// below th, and without features left with no weights.
func (m *Model) Pruned(th float32) *Model {
	var fl flatRows
	for _, s := range m.sortedSlots() {
		n := len(fl.ents)
		for _, e := range m.row(s.i) {
			if w := float32(e.w) * m.scale; w >= th || w <= -th {
				fl.ents = append(fl.ents, e)
			}
		}
		if len(fl.ents) > n {
			fl.end(s.full)
		}
	}
	return fl.build(m.Labels, m.scale)
}

// hash returns the feature hash of head slot i (with its key as home
// made it: never 0 or contKey).
func (m *Model) hash(i int) uint64 { return uint64(m.slots[i].key)<<32 | uint64(m.low[i]) }

// keyedSlot is a head slot's index with its whole feature hash.
type keyedSlot struct {
	full uint64
	i    int
}

// sortedSlots returns the head slots in the order of the low half of
// their hash, then the high half.
func (m *Model) sortedSlots() []keyedSlot {
	var out []keyedSlot
	for i, sl := range m.slots {
		if sl.key != 0 && sl.key != contKey {
			out = append(out, keyedSlot{m.hash(i), i})
		}
	}
	slices.SortFunc(out, func(a, b keyedSlot) int {
		return cmp.Compare(bits.RotateLeft64(a.full, 32), bits.RotateLeft64(b.full, 32))
	})
	return out
}
