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
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"

	"github.com/klauspost/compress/zstd"
	"github.com/parley-events/parley"
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
	best, bi := float32(math.Inf(-1)), -1
	for i, s := range scores {
		if (ok == nil || ok(i)) && (bi < 0 || s > best) {
			best, bi = s, i
		}
	}
	return bi
}

// builder fills a Model's open-addressing table.
type builder struct{ m *Model }

// load is the fraction of slots a table fills. Rows continued in the slots
// after their head lengthen the runs of occupied slots, so that at 70%
// an unsuccessful probe crossed several cache lines: 40% scored the
// parser 19% faster for 44 MiB more memory (docs/benchmarks.md).
const load = 0.4

// newBuilder returns a builder for a table that will hold rows taking n
// slots in all (see span).
func newBuilder(labels []string, n int, scale float32) *builder {
	size := max(int(float64(n)/load), 2)
	const slack = 64
	slots, low := make([]slot, size+slack), make([]uint32, size+slack)
	hugepage.Advise(slots)
	hugepage.Advise(low)
	return &builder{&Model{Labels: labels, size: size, slots: slots, low: low, scale: scale}}
}

// addq adds a feature with quantised weights. Two features whose keys and
// probe sequences coincide become one, with both rows. A row is placed at
// the first free slot of its probe sequence that is followed by enough
// free slots for its continuations; free slots skipped on the way become
// fillers, so that no probe sequence is cut short.
func (b *builder) addq(f uint64, row []qentry) {
	m := b.m
	key, s := home(f, m.size)
	for ; m.slots[s].key != 0; s++ {
		if m.slots[s].key == key {
			row = slices.Concat(m.row(s), row)
			f = m.hash(s)
			b.clear(s)
		}
	}
	need := span(len(row), hasDense(len(row), len(m.Labels)))
	for {
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
		for m.slots[s].key != 0 {
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
		sl.e[1] = pack(uint32(len(m.ents)))
		sl.e[2] = pack(uint32(len(m.dense)))
		m.ents = append(m.ents, row...)
		m.dense = addDense(m.dense, len(m.Labels), row)
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

// clear turns the feature at head slot s, with its continuations, into
// fillers. Its dense row, if any, stays unused in ents and dense.
func (b *builder) clear(s int) {
	m := b.m
	n := span(len(m.row(s)), m.slots[s].e[0].class == denseRow)
	for i := range n {
		m.slots[s+i] = filler
		m.low[s+i] = 0
	}
}

func (b *builder) model() *Model { return b.m }

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
	m := b.model()
	m.ents, m.dense = slices.Clone(m.ents), slices.Clone(m.dense) // drop the slack of growing them
	return m
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
// Load reads version 2 (each feature's key, count and entries in turn) as
// well; MarshalBinary writes version 3.
const (
	magic   = "parley-perceptron-3\n"
	magicV2 = "parley-perceptron-2\n"
)

// MarshalBinary returns the model in its serialised form: magic, then a
// zstd frame holding the labels, the weight scale, the number of
// features, and four streams, each preceded by its length in bytes: the
// features' hashes (as differences from the one before), their entry
// counts, their entries' classes (in increasing order, as differences
// from the one before, starting from -1) and their weights, quantised to
// 16 bits. Features are ordered by the low half of their hash, which is
// the order of their slots in any table, so that Load fills its table
// front to back. Kept apart, each stream compresses as its own kind of
// number: 12% smaller than the features one after another (version 2).
// The same model always gives the same bytes.
func (m *Model) MarshalBinary() ([]byte, error) {
	e := Encoder{}
	e.Int(len(m.Labels))
	for _, l := range m.Labels {
		e.Str(l)
	}
	e.B = binary.LittleEndian.AppendUint32(e.B, math.Float32bits(m.scale))
	slots := m.sortedSlots()
	e.Int(len(slots))
	var keys, counts, classes, weights []byte
	prev := uint64(0)
	var row []qentry
	for _, s := range slots {
		r := bits.RotateLeft64(s.full, 32)
		keys = binary.AppendUvarint(keys, r-prev)
		prev = r
		row = sortedRow(row[:0], m.row(s.i))
		counts = binary.AppendUvarint(counts, uint64(len(row)))
		c := -1
		for _, q := range row {
			classes = binary.AppendUvarint(classes, uint64(int(q.class)-c-1))
			c = int(q.class)
			weights = binary.AppendVarint(weights, int64(q.w))
		}
	}
	for _, st := range [][]byte{keys, counts, classes, weights} {
		e.Int(len(st))
		e.B = append(e.B, st...)
	}
	zw, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return nil, err
	}
	return zw.EncodeAll(e.B, []byte(magic)), nil
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

// Load reads a model written by MarshalBinary. Weights come back as the
// quantised values times the scale.
func Load(r io.Reader) (*Model, error) {
	fail := func(err error) (*Model, error) {
		return nil, parley.E("perceptron.Load", parley.Invalid, err)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, parley.E("perceptron.Load", parley.IO, err)
	}
	version := 3
	z, ok := bytes.CutPrefix(b, []byte(magic))
	if !ok {
		if z, ok = bytes.CutPrefix(b, []byte(magicV2)); !ok {
			return fail(fmt.Errorf("not a parley perceptron model, version %c or %c (bad header)", magicV2[len(magicV2)-2], magic[len(magic)-2]))
		}
		version = 2
	}
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
	nl := d.Count(1)
	if nl > MaxClasses {
		return fail(fmt.Errorf("bad label count"))
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
