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

// The magic says the width of the table's weights: 8 bits (magic) or 4
// (magic4).
const (
	magic  = "parley-mlp-1\n"
	magic4 = "parley-mlp-2\n"
)

// MarshalBinary returns the model's serialised form: magic, then a zstd
// frame of the sizes, the float parameters (little-endian) and the table
// (for 4-bit weights, packed as in memory).
// The same model always gives the same bytes.
func (m *Model) MarshalBinary() ([]byte, error) {
	var b []byte
	for _, v := range []int{m.classes, m.hidden, int(m.bits)} {
		b = binary.AppendUvarint(b, uint64(v))
	}
	for _, fs := range [][]float32{m.scale, m.b1, m.w2, m.b2} {
		for _, v := range fs {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
		}
	}
	for _, v := range m.table {
		b = append(b, byte(v))
	}
	b = append(b, m.packed...)
	mg := magic
	if m.wbits == 4 {
		mg = magic4
	}
	zw, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return nil, err
	}
	return zw.EncodeAll(b, []byte(mg)), nil
}

// maxDecoded bounds what Load decompresses (a table of 2^20 rows of 256
// units is 256 MiB), so a corrupt frame cannot ask for gigabytes.
const maxDecoded = 1 << 28

// ErrCorrupt is returned by Load for malformed model data.
var ErrCorrupt = errors.New("corrupt mlp model")

// Load reads a model written by MarshalBinary.
func Load(r io.Reader) (*Model, error) {
	all, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	wbits := 8
	rest, ok := bytes.CutPrefix(all, []byte(magic))
	if !ok {
		if rest, ok = bytes.CutPrefix(all, []byte(magic4)); !ok {
			return nil, fmt.Errorf("not an mlp model")
		}
		wbits = 4
	}
	zr, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(maxDecoded))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	b, err := zr.DecodeAll(rest, nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	var sizes [3]uint64
	for i := range sizes {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, ErrCorrupt
		}
		sizes[i], b = v, b[n:]
	}
	classes, hidden, bits := sizes[0], sizes[1], sizes[2]
	if classes == 0 || classes > maxStride-7 || hidden == 0 || hidden%64 != 0 || hidden > maxHidden || bits == 0 || bits > 26 {
		return nil, ErrCorrupt
	}
	stride := (classes + 7) &^ 7
	if need := 4*(2*hidden+hidden*stride+stride) + hidden*uint64(wbits)/8<<bits; uint64(len(b)) != need {
		return nil, ErrCorrupt
	}
	m := newModel(int(classes), int(hidden), uint(bits), wbits)
	for _, fs := range [][]float32{m.scale, m.b1, m.w2, m.b2} {
		if len(b) < 4*len(fs) {
			return nil, ErrCorrupt
		}
		for i := range fs {
			fs[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
		}
		b = b[4*len(fs):]
	}
	if wbits == 4 {
		copy(m.packed, b)
		return m, nil
	}
	for i, v := range b {
		m.table[i] = int8(v)
	}
	return m, nil
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
