package perceptron

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"

	"github.com/klauspost/compress/zstd"
	"github.com/parley-events/parley/internal/entropy"
)

// Models written by earlier versions of parley, which Load still reads:
// each holds the features' rows in the order of the low half of their
// hashes, and Load adds them to a table filled to DefaultLoad.
const (
	// Version 4: five streams, each Huffman-coded on its own: the
	// features' hashes rotated by 32 bits (uvarints, each the difference
	// from the one before), their entry counts (uvarints), their
	// entries' classes (as in version 5), their weights (zigzagged, low
	// bytes then high bytes).
	magicV4 = "parley-perceptron-4\n"
	// Version 3: one zstd frame of four such streams, the weights as
	// varints.
	magicV3 = "parley-perceptron-3\n"
	// Version 2: one zstd frame of every feature's hash difference,
	// count, classes and weights in turn, its classes as they are.
	magicV2 = "parley-perceptron-2\n"
)

// load4 reads the body of a version-4 model (after magic).
func load4(b []byte) (*Model, error) {
	d := &Decoder{B: b}
	labels, scale, err := readHeader(d)
	if err != nil {
		return nil, err
	}
	nf := d.Int()
	if d.Err != nil {
		return nil, fmt.Errorf("bad header: %w", d.Err)
	}
	// Each feature takes at least five decoded bytes (a hash difference,
	// a count and an entry of three), and no stream decodes to more than
	// eight times its size, so a corrupt count cannot ask for a huge table.
	if nf > 8*len(d.B)/5 {
		return nil, fmt.Errorf("bad feature count")
	}
	if !(scale > 0) || math.IsInf(float64(scale), 0) {
		return nil, fmt.Errorf("bad scale")
	}
	var st [5][]byte
	rest := d.B
	for i := range st {
		n, err := entropy.Size(rest)
		if err != nil {
			return nil, err
		}
		st[i] = make([]byte, n)
		if rest, err = entropy.Read(st[i], rest); err != nil {
			return nil, err
		}
	}
	if len(rest) > 0 {
		return nil, fmt.Errorf("%d bytes after the model", len(rest))
	}
	keys, counts := cursor{b: st[0]}, cursor{b: st[1]}
	r := entryReader{classes: cursor{b: st[2]}, wlo: st[3], whi: st[4], nl: len(labels)}
	if len(r.wlo) != len(r.whi) {
		return nil, fmt.Errorf("bad weight streams")
	}
	fl := flatRows{feats: make([]uint64, 0, nf), ends: make([]uint32, 0, nf), ents: make([]qentry, 0, len(r.wlo))}
	rot := uint64(0)
	for range nf {
		rot += keys.next()
		n := counts.next()
		if n > uint64(len(labels)) {
			return nil, fmt.Errorf("bad entry count")
		}
		start := len(fl.ents)
		fl.ents = fl.ents[:start+int(n)]
		r.least = 0
		r.read(fl.ents[start:])
		if r.bad {
			return nil, fmt.Errorf("bad entries")
		}
		fl.end(bits.RotateLeft64(rot, 32))
	}
	if keys.bad || counts.bad || r.w != len(r.wlo) {
		return nil, ErrCorrupt
	}
	return fl.build(labels, scale, DefaultLoad), nil
}

// load23 reads the body of a version-2 or version-3 model (after magic).
func load23(z []byte, version int) (*Model, error) {
	zr, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(1<<30))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	raw, err := zr.DecodeAll(z, nil)
	if err != nil {
		return nil, err
	}
	d := &Decoder{B: raw}
	labels, scale, err := readHeader(d)
	if err != nil {
		return nil, err
	}
	nl := len(labels)
	nf := d.Count(3) // each feature takes at least a key delta, a count and one entry
	if d.Err != nil {
		return nil, fmt.Errorf("bad header: %w", d.Err)
	}
	if !(scale > 0) || math.IsInf(float64(scale), 0) {
		return nil, fmt.Errorf("bad scale")
	}
	// The four streams; in version 2 they are one, read in turn.
	cur := d.B
	keys, counts, classes, weights := &cur, &cur, &cur, &cur
	if version == 3 {
		var st [4][]byte
		for i := range st {
			n := d.Int()
			if d.Err != nil || n > len(d.B) {
				return nil, fmt.Errorf("bad stream length")
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
	// nf is bounded by the input's size, so a corrupt count cannot make
	// the table huge.
	fl := flatRows{feats: make([]uint64, 0, nf), ends: make([]uint32, 0, nf), ents: make([]qentry, 0, 3*nf)}
	rot := uint64(0)
	for range nf {
		dk, ok := uvarint(keys)
		if !ok {
			return nil, ErrCorrupt
		}
		rot += dk
		n, ok := uvarint(counts)
		if !ok || n > uint64(nl) {
			return nil, fmt.Errorf("bad entry count")
		}
		next := uint64(0) // version 3: the least class the next entry can have
		for range n {
			c, ok := uvarint(classes)
			if version == 3 {
				c += next
				next = c + 1
			}
			if !ok || c >= uint64(nl) {
				return nil, fmt.Errorf("bad class")
			}
			q, n4 := binary.Varint(*weights)
			if n4 <= 0 || q > 32767 || q < -32767 {
				return nil, fmt.Errorf("bad weight")
			}
			*weights = (*weights)[n4:]
			fl.ents = append(fl.ents, qentry{uint16(c), int16(q)})
		}
		fl.end(bits.RotateLeft64(rot, 32))
	}
	return fl.build(labels, scale, DefaultLoad), nil
}
