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
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"slices"

	"github.com/parley-events/parley/internal/hugepage"
)

// Trainer learns an averaged perceptron. It is not safe for concurrent use.
type Trainer struct {
	// Load is the fraction of its table's slots that Model fills (0 for
	// DefaultLoad): lower is faster to score and larger to keep.
	Load float64

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
	// In the order of their home slots (the low half of the hash), as
	// Load of an earlier format adds them: the same rows give the same
	// table either way.
	slices.SortFunc(rows, func(a, b kv) int { return cmp.Compare(bits.RotateLeft64(a.key, 32), bits.RotateLeft64(b.key, 32)) })
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
	load := t.Load
	if load <= 0 || load >= 1 {
		load = DefaultLoad
	}
	return fl.build(t.labels, scale, load)
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
// table is filled to 40% (DefaultLoad), so that probe sequences (and above
// all those of the one feature in nine that is not there) end within a
// cache line or two; and Score first touches every feature's slot before
// reading any of them, so that the cache misses overlap. A model file
// holds the table itself (MarshalBinary), so loading one is decoding it.
type Model struct {
	Labels []string
	size   int      // the number of home slots; slots has a few more after them
	slots  []slot   // open addressing with linear probing; key 0 marks an empty slot
	ents   []qentry // the rows of features that have a dense form
	dense  []uint64 // rows of a weight for every class, two to a word (see setDense), for features with many weights
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
func (m *Model) Score(feats []uint64, scores []float32) { m.ScoreFrom(nil, feats, scores) }

// Add adds the weights of feats to acc, one quantised score per class:
// the sums Score converts. Weights are integers, so sums built in parts
// (ScoreFrom) are those of the whole.
func (m *Model) Add(feats []uint64, acc []int32) { m.score(feats, acc) }

// ScoreFrom is Score of feats and of the features whose sums base holds
// (from Add; nil for none).
func (m *Model) ScoreFrom(base []int32, feats []uint64, scores []float32) {
	var stack [256]int32
	acc := stack[:0]
	if len(scores) <= len(stack) {
		acc = stack[:len(scores)]
	} else {
		acc = make([]int32, len(scores))
	}
	copy(acc, base)
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

// builder fills a Model's open-addressing table. Dense rows go to its
// own ents and dense until model.
type builder struct {
	m     *Model
	ents  []qentry
	dense []uint64
}

// DefaultLoad is the fraction of its slots a table fills unless its
// Trainer says otherwise. Rows continued in the slots after their head
// lengthen the runs of occupied slots, so that at 70% an unsuccessful
// probe crosses several cache lines: 40% scored the parser's perceptron
// 19% faster than 70% when it chose every move (docs/benchmarks.md).
const DefaultLoad = 0.4

// newBuilder returns a builder for a table filled to load that will hold
// rows taking n slots in all (see span), growing it when needed.
func newBuilder(labels []string, n int, scale float32, load float64) *builder {
	size := max(int(float64(n)/load), 2)
	const slack = 64
	slots := make([]slot, size+slack)
	hugepage.Advise(slots)
	return &builder{m: &Model{Labels: labels, size: size, slots: slots, scale: scale}}
}

// addq adds a feature with quantised weights, its row's classes rising.
// Two features whose keys and probe sequences coincide become one, with
// both rows (the weights of a class in both summed). A row is placed at
// the first free slot of its probe sequence that is followed by enough
// free slots for its continuations; free slots skipped on the way become
// fillers, so that no probe sequence is cut short. The table grows at
// its end when a row does not fit there.
func (b *builder) addq(f uint64, row []qentry) {
	m := b.m
	key, s := home(f, m.size)
	for ; m.slots[s].key != 0; s++ {
		if m.slots[s].key == key {
			row = sortedRow(slices.Clone(b.row(s)), row)
			b.clear(s)
		}
	}
	need := span(len(row), hasDense(len(row), len(m.Labels)))
	for {
		for len(m.slots) < s+need+1 { // keep an empty slot at the end
			m.slots = append(m.slots, slot{})
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
	b.put(s, key, row, hasDense(len(row), len(m.Labels)))
}

// put writes the row of the feature of key at head slot s, and the slots
// after it that it continues in: in the slot when it fits there, else
// dense when dense is set, else inline. Its classes are all different.
func (b *builder) put(s int, key uint32, row []qentry, dense bool) {
	sl := slot{key: key, e: filler.e}
	switch {
	case len(row) <= len(sl.e):
		copy(sl.e[:], row)
	case dense:
		sl.e[0] = qentry{denseRow, int16(uint16(len(row)))}
		sl.e[1] = pack(uint32(len(b.ents)))
		sl.e[2] = pack(uint32(len(b.dense)))
		b.ents = append(b.ents, row...)
		off := len(b.dense)
		b.dense = append(b.dense, make([]uint64, (len(b.m.Labels)+1)/2)...)
		setDense(b.dense[off:], row)
	default:
		sl.e[0] = qentry{inlineRow, int16(uint16(len(row)))}
		sl.e[1], sl.e[2] = row[0], row[1]
		for i, rest := 1, row[2:]; len(rest) > 0; i++ {
			c := filler
			rest = rest[copy(c.e[:], rest):]
			b.m.slots[s+i] = c
		}
	}
	b.m.slots[s] = sl
}

// row is Model.row for a table being built, whose dense rows are still
// the builder's.
func (b *builder) row(s int) []qentry {
	sl := &b.m.slots[s]
	if sl.e[0].class != denseRow {
		return b.m.row(s)
	}
	st := int(sl.e[1].unpack())
	return b.ents[st : st+int(uint16(sl.e[0].w))]
}

// clear turns the feature at head slot s, with its continuations, into
// fillers. Its dense row, if any, stays unused in ents and dense.
func (b *builder) clear(s int) {
	m := b.m
	n := span(len(b.row(s)), m.slots[s].e[0].class == denseRow)
	for i := range n {
		m.slots[s+i] = filler
	}
}

// model returns the model built, with the builder's dense rows (without
// the slack of growing them).
func (b *builder) model() *Model {
	b.m.ents, b.m.dense = b.ents, b.dense
	if cap(b.ents) > len(b.ents) || cap(b.dense) > len(b.dense) {
		b.m.ents, b.m.dense = slices.Clone(b.ents), slices.Clone(b.dense)
	}
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

// build returns the model holding the rows, added in their order, in a
// table filled to load.
func (fl *flatRows) build(labels []string, scale float32, load float64) *Model {
	n, start := 0, uint32(0)
	for _, e := range fl.ends {
		k := int(e - start)
		n += span(k, hasDense(k, len(labels)))
		start = e
	}
	b := newBuilder(labels, n, scale, load)
	start = 0
	var row []qentry
	for i, f := range fl.feats {
		row = sortedRow(row[:0], fl.ents[start:fl.ends[i]])
		b.addq(f, row)
		start = fl.ends[i]
	}
	return b.model()
}

// denseBias is added to every weight of a dense row, so that stored
// weights are never negative: 16-bit weights then sum in 32-bit halves
// without a carry for up to 65,536 rows, far more than one Score adds.
const denseBias = 1 << 15

// setDense sets dst, (classes+1)/2 words, to the dense form of row, whose
// classes are all different: classes 2i and 2i+1 in the low and high
// halves of word i, each weight plus denseBias.
func setDense(dst []uint64, row []qentry) {
	for i := range dst {
		dst[i] = denseBias | denseBias<<32
	}
	for _, e := range row {
		sh := 32 * (e.class % 2)
		w := &dst[e.class/2]
		*w = *w&^(0xffffffff<<sh) | uint64(uint32(int32(e.w)+denseBias))<<sh
	}
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

// Pruned returns a copy of m without the weights whose absolute value is
// below th. Rows keep their slots (the table its size and layout); the
// slots a row no longer needs, and those of rows left with no weights,
// become fillers.
func (m *Model) Pruned(th float32) *Model {
	b := &builder{m: &Model{Labels: m.Labels, size: m.size, slots: slices.Clone(m.slots), scale: m.scale}}
	var row []qentry
	for s := 0; s < len(m.slots); s++ {
		sl := &m.slots[s]
		if sl.key == 0 || sl.key == contKey {
			continue
		}
		old := m.row(s)
		row = row[:0]
		for _, e := range old {
			if v := float32(e.w) * m.scale; v >= th || v <= -th {
				row = append(row, e)
			}
		}
		dense := sl.e[0].class == denseRow
		n := span(len(old), dense)
		for i := range n {
			b.m.slots[s+i] = filler
		}
		if len(row) > 0 {
			// A dense row stays dense, whatever its length: it has one
			// slot; an inline one takes fewer slots than before.
			b.put(s, sl.key, row, dense)
		}
		s += n - 1
	}
	return b.model()
}
