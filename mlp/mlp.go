// Package mlp is a classifier for structured prediction over hashed sparse
// features: a network with one hidden layer of rectified units. Each
// feature (a 64-bit hash, as perceptron.H makes them) selects one of 2^bits
// rows of an embedding table; the hidden layer is the sum of the rows of a
// configuration's features plus a bias, rectified, and each class's score
// is a linear function of it.
//
// It is parley's answer to the averaged perceptron's cost: a perceptron
// keeps a weight per feature and class, so scoring a parser configuration
// reads about a hundred rows of a hundred weights scattered over tens of
// megabytes. Here a feature is one row of 8-bit or 4-bit weights, as many as the
// hidden layer is wide (128 bytes, two cache lines, for the shipped
// parser's 256 units of 4 bits), in a table of fixed size, found by its hash alone with no key to compare; the classes are scored from the hidden layer, which is
// small enough to stay in the cache. Collisions between features sharing a
// row are part of training, so the model learns around them.
//
// Training (Trainer) is online: AdaGrad on a hinge loss (the right class
// must score a margin above the wrong one that scores highest), with
// hidden-unit dropout and the weights averaged over the last epochs. The
// trained model is quantized to 8-bit embeddings with one scale per hidden
// unit; the scores of Model and of the Trainer's averaged weights differ
// only by that rounding.
package mlp

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/klauspost/compress/zstd"
	"github.com/parley-events/parley/internal/entropy"
	"github.com/parley-events/parley/internal/hugepage"
)

// Model is a trained, quantized network. It is safe for concurrent use.
type Model struct {
	classes int
	hidden  int // a multiple of 64
	bits    uint
	wbits   int       // bits per table weight: 8 (table) or 4 (packed)
	table   []int8    // 8-bit weights: 2^bits rows of hidden weights
	packed  []byte    // 4-bit weights: 2^bits rows of hidden/2 bytes (nibble)
	scale   []float32 // per hidden unit: the table's quantization step
	b1      []float32 // hidden biases
	w2      []float32 // hidden × stride output weights (unit-major)
	b2      []float32 // stride output biases (zero past classes)
	stride  int       // classes rounded up to a multiple of 8
}

// maxBatch is how many rows Score sums in 16-bit lanes before widening:
// 256 rows of at most 127 cannot overflow (nor of 4-bit weights, which the
// kernel adds with their bias of 8 and subtracts it once).
const maxBatch = 256

// Classes returns the number of classes.
func (m *Model) Classes() int { return m.classes }

// Hidden returns the width of the hidden layer.
func (m *Model) Hidden() int { return m.hidden }

// Bits returns the base-2 logarithm of the number of feature rows.
func (m *Model) Bits() int { return int(m.bits) }

// WeightBits returns the bits of each table weight: 8 or 4.
func (m *Model) WeightBits() int { return m.wbits }

// rowBytes returns the bytes of one table row.
func (m *Model) rowBytes() int { return m.hidden * m.wbits / 8 }

// nibble returns where weight i of a row of 4-bit weights lives: its
// byte in the row and the shift of its nibble. The order is the one the
// AVX2 kernel unpacks without shuffling: each 32 bytes hold 64 weights,
// the low nibbles the first 32 and the high nibbles the next, each half
// in the order in which unpacking bytes to words within the register's
// two 128-bit lanes lays them out. A nibble holds the weight plus 8.
func nibble(i int) (int, uint) {
	c, p := i/64, i%64
	reg, w := p/16, p%16
	return 32*c + w%8 + 16*(w/8) + 8*(reg%2), uint(4 * (reg / 2))
}

// bucket returns the row of feature f in a table of 2^bits rows.
func bucket(f uint64, bits uint) uint64 { return (f * 0x9E3779B97F4A7C15) >> (64 - bits) }

// Scratch is Score's working memory, for one goroutine at a time. A
// caller that scores many configurations keeps one (NewScratch) and
// passes it to ScoreWith, so that nothing is cleared or allocated per
// call.
type Scratch struct {
	acc        []int16
	hid, fired []float32
	rows, offs []uint32
	out        []float32
}

// NewScratch returns working memory for ScoreWith on m.
func (m *Model) NewScratch() *Scratch {
	return &Scratch{
		acc: make([]int16, m.hidden), hid: make([]float32, m.hidden), fired: make([]float32, m.hidden),
		rows: make([]uint32, m.hidden), offs: make([]uint32, maxBatch), out: make([]float32, m.stride),
	}
}

// Score sets scores[c] (len(scores) == Classes()) to the score of class c
// for a configuration with the given features.
func (m *Model) Score(feats []uint64, scores []float32) {
	var (
		acc        [maxHidden]int16
		hid, fired [maxHidden]float32
		rows       [maxHidden]uint32
		offs       [maxBatch]uint32
		out        [maxStride]float32
	)
	h := m.hidden
	m.ScoreWith(&Scratch{acc[:h], hid[:h], fired[:h], rows[:h], offs[:], out[:m.stride]}, feats, scores)
}

// ScoreWith is Score with working memory sc from m.NewScratch.
func (m *Model) ScoreWith(sc *Scratch, feats []uint64, scores []float32) {
	h := m.hidden
	acc, hid := sc.acc[:h], sc.hid[:h]
	copy(hid, m.b1)
	rb := uint32(m.rowBytes())
	for len(feats) > 0 {
		fs := feats[:min(len(feats), maxBatch)]
		feats = feats[len(fs):]
		offs := sc.offs[:len(fs)]
		for i, f := range fs {
			offs[i] = uint32(bucket(f, m.bits)) * rb
		}
		clear(acc)
		if m.wbits == 4 {
			sumRows4(acc, m.packed, offs)
		} else {
			sumRows(acc, m.table, offs)
		}
		hidden(hid, acc, m.scale)
	}
	// The units that fire, with the offsets of their output weights.
	n := fire(hid, sc.fired, sc.rows, m.stride)
	out := sc.out[:m.stride]
	copy(out, m.b2)
	axpy(out, m.w2, sc.fired[:n], sc.rows[:n])
	copy(scores, out[:m.classes])
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Sizes Score keeps on its stack; Load refuses larger models.
const (
	maxHidden = 512
	maxStride = 1024
)

// The magic says the format: version 3 (written now) keeps the float
// parameters and the table in two Huffman-coded streams; versions 1 (8-bit
// weights) and 2 (4-bit) kept them in one zstd frame and still load.
const (
	magic   = "parley-mlp-3\n"
	magicV1 = "parley-mlp-1\n"
	magicV2 = "parley-mlp-2\n"
)

// MarshalBinary returns the model's serialised form: magic, the sizes
// (classes, hidden units, bits of the table's index, bits of its weights)
// as uvarints, then two streams coded by internal/entropy: the float
// parameters (little-endian) and the table (for 4-bit weights, packed as
// in memory). The table's weights are near-random bytes that match
// finding cannot shorten: Huffman-coded alone they take 5% fewer bytes
// than in zstd's best frame and decode three times as fast. The same
// model always gives the same bytes.
func (m *Model) MarshalBinary() ([]byte, error) {
	b := []byte(magic)
	for _, v := range []int{m.classes, m.hidden, int(m.bits), m.wbits} {
		b = binary.AppendUvarint(b, uint64(v))
	}
	var fl []byte
	for _, fs := range [][]float32{m.scale, m.b1, m.w2, m.b2} {
		for _, v := range fs {
			fl = binary.LittleEndian.AppendUint32(fl, math.Float32bits(v))
		}
	}
	b = entropy.Append(b, fl)
	tbl := m.packed
	if m.wbits == 8 {
		tbl = make([]byte, len(m.table))
		for i, v := range m.table {
			tbl[i] = byte(v)
		}
	}
	return entropy.Append(b, tbl), nil
}

// maxDecoded bounds what Load decompresses from the zstd frame of a
// version 1 or 2 file (a table of 2^20 rows of 256 units is 256 MiB), so
// a corrupt frame cannot ask for gigabytes. (A version 3 stream never
// decodes to more than eight times its size: internal/entropy.)
const maxDecoded = 1 << 28

// ErrCorrupt is returned by Load for malformed model data.
var ErrCorrupt = errors.New("corrupt mlp model")

// Load reads a model written by MarshalBinary, in this format or an
// earlier one.
func Load(r io.Reader) (*Model, error) {
	all, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return LoadBytes(all)
}

// LoadBytes is Load for a model in memory (an embedded file, read without
// a copy); the model keeps no reference to b.
func LoadBytes(b []byte) (*Model, error) {
	if rest, ok := bytes.CutPrefix(b, []byte(magic)); ok {
		return load3(rest)
	}
	wbits := 8
	rest, ok := bytes.CutPrefix(b, []byte(magicV1))
	if !ok {
		if rest, ok = bytes.CutPrefix(b, []byte(magicV2)); !ok {
			return nil, fmt.Errorf("not an mlp model")
		}
		wbits = 4
	}
	zr, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(maxDecoded))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	raw, err := zr.DecodeAll(rest, nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	sz := shape{wbits: uint64(wbits)}
	if raw, ok = uvarints(raw, &sz.classes, &sz.hidden, &sz.bits); !ok || !sz.ok() || uint64(len(raw)) != sz.floatBytes()+sz.tableBytes() {
		return nil, ErrCorrupt
	}
	m := sz.model()
	m.setFloats(raw[:sz.floatBytes()])
	m.setTable(raw[sz.floatBytes():])
	return m, nil
}

// load3 reads the body of a version-3 model (after magic). It checks
// each stream's length before it allocates for it.
func load3(b []byte) (*Model, error) {
	var sz shape
	b, ok := uvarints(b, &sz.classes, &sz.hidden, &sz.bits, &sz.wbits)
	if n, err := entropy.Size(b); !ok || !sz.ok() || err != nil || uint64(n) != sz.floatBytes() {
		return nil, ErrCorrupt
	}
	fl := make([]byte, sz.floatBytes())
	b, err := entropy.Read(fl, b)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if n, err := entropy.Size(b); err != nil || uint64(n) != sz.tableBytes() {
		return nil, ErrCorrupt
	}
	m := sz.model()
	m.setFloats(fl)
	tbl := m.packed
	if m.wbits == 8 {
		tbl = make([]byte, len(m.table))
	}
	if b, err = entropy.Read(tbl, b); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if len(b) > 0 {
		return nil, fmt.Errorf("%w: %d bytes after the model", ErrCorrupt, len(b))
	}
	if m.wbits == 8 {
		m.setTable(tbl)
	}
	return m, nil
}

// uvarints reads a uvarint from b into each of vs, and returns the rest
// of b, or false for a malformed one.
func uvarints(b []byte, vs ...*uint64) ([]byte, bool) {
	for _, v := range vs {
		x, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, false
		}
		*v, b = x, b[n:]
	}
	return b, true
}

// shape is a model's sizes as a file gives them.
type shape struct{ classes, hidden, bits, wbits uint64 }

// ok reports whether Load takes a model of this shape.
func (s shape) ok() bool {
	return s.classes > 0 && s.classes <= maxStride-7 && s.hidden > 0 && s.hidden%64 == 0 && s.hidden <= maxHidden &&
		s.bits > 0 && s.bits <= 26 && (s.wbits == 4 || s.wbits == 8)
}

// floatBytes is the size of the float parameters in a file: the units'
// scales and biases, the output weights and biases.
func (s shape) floatBytes() uint64 {
	stride := (s.classes + 7) &^ 7
	return 4 * (2*s.hidden + s.hidden*stride + stride)
}

// tableBytes is the size of the table in a file.
func (s shape) tableBytes() uint64 { return s.hidden * s.wbits / 8 << s.bits }

// model returns a model of this shape with zero weights.
func (s shape) model() *Model {
	return newModel(int(s.classes), int(s.hidden), uint(s.bits), int(s.wbits))
}

// setFloats sets the float parameters from their little-endian bytes.
func (m *Model) setFloats(b []byte) {
	for _, fs := range [][]float32{m.scale, m.b1, m.w2, m.b2} {
		for i := range fs {
			fs[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
		}
		b = b[4*len(fs):]
	}
}

// setTable sets the table from its bytes in a file.
func (m *Model) setTable(b []byte) {
	if m.wbits == 4 {
		copy(m.packed, b)
		return
	}
	for i, v := range b {
		m.table[i] = int8(v)
	}
}

// newModel returns a model of zero weights, but for a table of 4-bit
// weights, which is left for the caller to fill (zero is a nibble of 8).
func newModel(classes, hidden int, bits uint, wbits int) *Model {
	stride := (classes + 7) &^ 7
	m := &Model{
		classes: classes, hidden: hidden, bits: bits, wbits: wbits, stride: stride,
		scale: make([]float32, hidden), b1: make([]float32, hidden),
		w2: make([]float32, hidden*stride), b2: make([]float32, stride),
	}
	if wbits == 4 {
		m.packed = make([]byte, hidden/2<<bits)
		hugepage.Advise(m.packed)
	} else {
		m.table = make([]int8, hidden<<bits)
		hugepage.Advise(m.table)
	}
	return m
}

// Lead returns the class with the highest of scores (the first of equal
// ones; -1 when every score is -Inf or there are none) and how far its
// score leads the next highest: 0 when another class scores the same,
// +Inf when every other score is -Inf. Moves the caller rules out can be
// given -Inf. scores must hold no NaN.
func Lead(scores []float32) (int, float32) {
	first, second := top2(scores)
	if math.IsInf(float64(first), -1) {
		return -1, 0
	}
	c := 0
	for scores[c] != first {
		c++
	}
	return c, first - second
}
