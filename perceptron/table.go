package perceptron

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/internal/entropy"
	"github.com/parley-events/parley/internal/hugepage"
	"github.com/parley-events/parley/internal/modelfile"
)

// magic starts every serialised model; the digit is the format version.
// Load reads versions 2 to 4 as well (legacy.go); MarshalBinary writes
// version 5.
const magic = "parley-perceptron-5\n"

// The kind of each slot, one byte a slot in a model file.
const (
	kindEmpty  = iota
	kindFiller // a filler, or a slot left by a merged or pruned row
	kindHead1  // a head slot holding its row of 1, 2 or 3 entries
	kindHead2
	kindHead3
	kindInline // a head slot of an inline row, the slots after it kindCont
	kindDense  // a head slot of a dense row
	kindCont   // a slot continuing an inline row
)

// chunkSlots is about how many slots a chunk of a model file holds: Load
// fills the chunks of a table at once, one to a processor.
const chunkSlots = 1 << 16

// pos is a place in a model file's streams: where a chunk starts, or
// where they end.
type pos struct {
	slot  int // in the slot kinds
	head  int // heads before it: their keys are four bytes each
	count int // in the row lengths
	class int // in the classes
	ent   int // entries before it, in the weights
	dents int // entries of dense rows before it
	drows int // dense rows before it
}

func (p *pos) fields() [7]*int {
	return [7]*int{&p.slot, &p.head, &p.count, &p.class, &p.ent, &p.dents, &p.drows}
}

// MarshalBinary returns the model in its serialised form (version 5):
// the table itself, slot by slot, so that Load fills a table of the same
// size and layout in one pass, with no hashing or probing.
//
// The file is magic; the labels and the weight scale; as uvarints, the
// number of home slots, of slots, of entries in dense rows, of dense rows
// and of chunks after the first, and for each such chunk where it starts
// in the six streams (see pos; each number the difference from the
// chunk before); then the six streams, each Huffman-coded on its own
// (internal/entropy):
//
//   - the kind of every slot (kindEmpty …);
//   - the keys of the head slots, four bytes each, little-endian;
//   - the lengths of inline and dense rows (uvarints);
//   - the classes of every row's entries, rising (uvarints: each the
//     difference from the one before less one, starting from -1);
//   - their weights, quantised to 16 bits, zigzagged (0, -1, 1, -2 … as
//     0, 1, 2, 3 …), low bytes then high bytes.
//
// Rows come in the order of their slots; a dense row's place in the
// model's dense rows follows from it. A chunk starts at the first slot
// at or after chunkSlots from the last that does not continue a row.
// The same model always gives the same bytes.
func (m *Model) MarshalBinary() ([]byte, error) {
	var kinds, keys, counts, classes, wlo, whi []byte
	var p pos
	var starts []pos
	entries := func(row []qentry) {
		classes = appendClasses(classes, row)
		wlo, whi = appendWeights(wlo, whi, row)
		p.ent += len(row)
	}
	next := 0
	for s := 0; s < len(m.slots); {
		if s >= next {
			p.slot, p.count, p.class = s, len(counts), len(classes)
			starts = append(starts, p)
			next = s + chunkSlots
		}
		sl := &m.slots[s]
		if sl.key == 0 || sl.key == contKey {
			k := byte(kindFiller)
			if sl.key == 0 {
				k = kindEmpty
			}
			kinds = append(kinds, k)
			s++
			continue
		}
		keys = binary.LittleEndian.AppendUint32(keys, sl.key)
		p.head++
		row := m.row(s)
		switch sl.e[0].class {
		case denseRow:
			kinds = append(kinds, kindDense)
			counts = binary.AppendUvarint(counts, uint64(len(row)))
			p.dents += len(row)
			p.drows++
			s++
		case inlineRow:
			kinds = append(kinds, kindInline)
			counts = binary.AppendUvarint(counts, uint64(len(row)))
			n := span(len(row), false)
			for range n - 1 {
				kinds = append(kinds, kindCont)
			}
			s += n
		default:
			kinds = append(kinds, kindHead1+byte(len(row))-1)
			s++
		}
		entries(row)
	}
	e := Encoder{B: []byte(magic)}
	writeHeader(&e, m.Labels, m.scale)
	for _, n := range []int{m.size, len(m.slots), p.dents, p.drows, len(starts) - 1} {
		e.Int(n)
	}
	for i := 1; i < len(starts); i++ {
		now, before := starts[i].fields(), starts[i-1].fields()
		for j := range now {
			e.Int(*now[j] - *before[j])
		}
	}
	for _, st := range [][]byte{kinds, keys, counts, classes, wlo, whi} {
		e.B = entropy.Append(e.B, st)
	}
	return e.B, nil
}

// appendClasses appends the classes of row, rising, as uvarints: each the
// difference from the one before less one, starting from -1.
func appendClasses(dst []byte, row []qentry) []byte {
	c := -1
	for _, q := range row {
		dst = binary.AppendUvarint(dst, uint64(int(q.class)-c-1))
		c = int(q.class)
	}
	return dst
}

// appendWeights appends the weights of row, zigzagged (0, -1, 1, -2 … as
// 0, 1, 2, 3 …), to two planes of bytes, low and high.
func appendWeights(lo, hi []byte, row []qentry) ([]byte, []byte) {
	for _, q := range row {
		z := uint16(q.w<<1 ^ q.w>>15)
		lo, hi = append(lo, byte(z)), append(hi, byte(z>>8))
	}
	return lo, hi
}

// Load reads a model written by MarshalBinary, in this format or an
// earlier one. Weights come back as the quantised values times the scale.
func Load(r io.Reader) (*Model, error) { return modelfile.Read("perceptron.Load", r, LoadBytes) }

// LoadBytes is Load for a model in memory (an embedded file, read without
// a copy); the model keeps no reference to b.
func LoadBytes(b []byte) (*Model, error) {
	var m *Model
	var err error
	switch {
	case bytes.HasPrefix(b, []byte(magic)):
		m, err = loadTable(b[len(magic):])
	case bytes.HasPrefix(b, []byte(magicV4)):
		m, err = load4(b[len(magicV4):])
	case bytes.HasPrefix(b, []byte(magicV3)):
		m, err = load23(b[len(magicV3):], 3)
	case bytes.HasPrefix(b, []byte(magicV2)):
		m, err = load23(b[len(magicV2):], 2)
	default:
		err = fmt.Errorf("not a parley perceptron model, version %c to %c (bad header)", magicV2[len(magicV2)-2], magic[len(magic)-2])
	}
	if err != nil {
		return nil, parley.E("perceptron.Load", parley.Invalid, err)
	}
	return m, nil
}

// errTable is the error for a version-5 file whose table is malformed.
var errTable = fmt.Errorf("%w: bad table", ErrCorrupt)

// loadTable reads a version-5 model (after magic): it decodes the six
// streams at once, then fills the table's chunks at once.
func loadTable(b []byte) (*Model, error) {
	d := &Decoder{B: b}
	labels, scale, err := readHeader(d)
	if err != nil {
		return nil, err
	}
	var size, nslots, dents, drows, nchunks int
	for _, v := range []*int{&size, &nslots, &dents, &drows, &nchunks} {
		*v = d.Int()
	}
	if d.Err != nil {
		return nil, fmt.Errorf("bad header: %w", d.Err)
	}
	if !(scale > 0) || math.IsInf(float64(scale), 0) {
		return nil, fmt.Errorf("bad scale")
	}
	if nchunks > len(d.B)/7 { // seven numbers each
		return nil, fmt.Errorf("bad chunk count")
	}
	starts := make([]pos, nchunks+1, nchunks+2)
	for i := 1; i <= nchunks; i++ {
		now, before := starts[i].fields(), starts[i-1].fields()
		for j := range now {
			*now[j] = *before[j] + d.Int()
		}
	}
	if d.Err != nil {
		return nil, fmt.Errorf("bad chunk index: %w", d.Err)
	}
	// The six streams, decoded into one buffer at once.
	var src, st [6][]byte
	var size6 [6]int
	rest, total := d.B, 0
	for i := range src {
		n, err := entropy.Size(rest)
		if err != nil {
			return nil, err
		}
		src[i], size6[i], total = rest, n, total+n
		if rest, err = entropy.Skip(rest); err != nil {
			return nil, err
		}
	}
	if len(rest) > 0 {
		return nil, fmt.Errorf("%d bytes after the model", len(rest))
	}
	buf := make([]byte, total)
	for i, n := range size6 {
		st[i], buf = buf[:n:n], buf[n:]
	}
	errs := make([]error, len(st))
	var wg sync.WaitGroup
	for i := range st {
		wg.Go(func() { _, errs[i] = entropy.Read(st[i], src[i]) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	t := &streams{kinds: st[0], keys: st[1], counts: st[2], classes: st[3], wlo: st[4], whi: st[5], nl: len(labels)}
	end := pos{slot: len(t.kinds), head: len(t.keys) / 4, count: len(t.counts), class: len(t.classes), ent: len(t.wlo), dents: dents, drows: drows}
	// The chunks must tile the streams, and the table end in an empty
	// slot (probing stops there).
	starts = append(starts, end)
	for i := 1; i < len(starts); i++ {
		now, before := starts[i].fields(), starts[i-1].fields()
		for j := range now {
			if *now[j] < *before[j] {
				return nil, errTable
			}
		}
	}
	if nslots != len(t.kinds) || len(t.keys)%4 != 0 || len(t.wlo) != len(t.whi) || size < 1 || size >= nslots ||
		t.kinds[nslots-1] != kindEmpty || drows > dents || dents > len(t.wlo) {
		return nil, errTable
	}
	// Every slot is a byte of the kinds, which code to no less than an
	// eighth of a byte, so the table is at most 128 times the file; dense
	// rows, at least a third of the classes each as the trainer makes
	// them, are bounded likewise (a pruned model's may be shorter).
	words := (len(labels) + 1) / 2
	if drows*words > 2*len(b)+1024 {
		return nil, fmt.Errorf("%w: dense rows larger than the file allows", ErrCorrupt)
	}
	m := &Model{Labels: labels, size: size, slots: make([]slot, nslots), ents: make([]qentry, dents), dense: make([]uint64, drows*words), scale: scale}
	hugepage.Advise(m.slots)
	// Fill the chunks, each processor taking the next one left.
	var next atomic.Int64
	errs = make([]error, min(runtime.GOMAXPROCS(0), nchunks+1))
	for w := range errs {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i <= nchunks && errs[w] == nil; i = int(next.Add(1) - 1) {
				errs[w] = t.fill(m, starts[i], starts[i+1])
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return m, nil
}

// streams are the decoded streams of a version-5 model.
type streams struct {
	kinds, keys, counts, classes, wlo, whi []byte
	nl                                     int // the number of classes
}

// fill fills the slots of m from a to b, with their rows, from the parts
// of the streams between a and b, which it must use up.
func (t *streams) fill(m *Model, a, b pos) error {
	kinds, keys := t.kinds[a.slot:b.slot], t.keys[4*a.head:4*b.head]
	counts := cursor{b: t.counts[a.count:b.count]}
	r := entryReader{classes: cursor{b: t.classes[a.class:b.class]}, wlo: t.wlo[a.ent:b.ent], whi: t.whi[a.ent:b.ent], nl: t.nl}
	slots := m.slots[a.slot:b.slot]
	words := (t.nl + 1) / 2
	ents, dense := m.ents[a.dents:b.dents], m.dense[a.drows*words:b.drows*words]
	de, dr := 0, 0 // dense entries and rows filled
	for s := 0; s < len(kinds); {
		kd := kinds[s]
		switch {
		case kd == kindEmpty:
			s++
			continue
		case kd == kindFiller:
			slots[s] = filler
			s++
			continue
		case kd >= kindCont || len(keys) < 4:
			return errTable
		}
		sl := slot{key: binary.LittleEndian.Uint32(keys), e: filler.e}
		keys = keys[4:]
		if sl.key == 0 || sl.key == contKey {
			return errTable
		}
		n := 1
		switch kd {
		case kindInline:
			l := counts.next()
			if l < 4 || l > uint64(t.nl) {
				return errTable
			}
			n = span(int(l), false)
			if s+n > len(kinds) {
				return errTable
			}
			sl.e[0] = qentry{inlineRow, int16(uint16(l))}
			r.least = 0
			r.read(sl.e[1:])
			for i, left := 1, int(l)-2; i < n; i++ {
				if kinds[s+i] != kindCont {
					return errTable
				}
				c := filler
				r.read(c.e[:min(3, left)])
				left -= 3
				slots[s+i] = c
			}
		case kindDense:
			l := counts.next()
			if l < 1 || l > uint64(t.nl) || de+int(l) > len(ents) || dr >= len(dense)/max(words, 1) {
				return errTable
			}
			row := ents[de : de+int(l)]
			r.least = 0
			r.read(row)
			sl.e[0] = qentry{denseRow, int16(uint16(l))}
			sl.e[1] = pack(uint32(a.dents + de))
			sl.e[2] = pack(uint32((a.drows + dr) * words))
			setDense(dense[dr*words:(dr+1)*words], row)
			de += int(l)
			dr++
		default:
			r.least = 0
			r.read(sl.e[:kd-kindHead1+1])
		}
		slots[s] = sl
		s += n
	}
	if len(keys) > 0 || counts.i != len(counts.b) || counts.bad || r.bad || r.classes.i != len(r.classes.b) || r.w != len(r.wlo) ||
		de != len(ents) || dr*words != len(dense) {
		return errTable
	}
	return nil
}

// entryReader reads the entries of a version-5 model's rows.
type entryReader struct {
	classes  cursor
	wlo, whi []byte
	w        int    // the next entry's index in wlo and whi
	least    uint64 // the least class the next entry can have
	nl       int
	bad      bool
}

// read reads len(dst) entries into dst, their classes rising from least
// (which the caller sets to 0 at the start of each row: an inline row is
// read in several calls, one for each of its slots).
func (r *entryReader) read(dst []qentry) {
	for i := range dst {
		if r.w >= len(r.wlo) {
			r.bad = true
			return
		}
		c := r.least + r.classes.next()
		z := uint16(r.wlo[r.w]) | uint16(r.whi[r.w])<<8
		q := int16(z>>1) ^ -int16(z&1)
		if c >= uint64(r.nl) || q == math.MinInt16 {
			r.bad = true
			return
		}
		dst[i] = qentry{uint16(c), q}
		r.least = c + 1
		r.w++
	}
}

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
