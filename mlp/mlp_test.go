package mlp

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/klauspost/compress/zstd"
)

// toy is a problem a linear model cannot solve: the class is the XOR of
// two binary features, each present as one of two hashed features, with
// noise features around them.
func toy(rng *rand.Rand) (feats []uint64, class int) {
	a, b := rng.IntN(2), rng.IntN(2)
	feats = []uint64{uint64(100 + a), uint64(200 + b)}
	for range 3 {
		feats = append(feats, uint64(1000+rng.IntN(50)))
	}
	return feats, a ^ b
}

func TestTrainerLearnsXOR(t *testing.T) {
	for _, dropout := range []float64{0, 0.2} {
		tr := NewTrainer(Config{Classes: 2, Hidden: 64, Bits: 10, Seed: 1, Dropout: dropout})
		rng := rand.New(rand.NewPCG(1, 1))
		scores := make([]float32, 2)
		for i := range 4000 {
			if i == 2000 {
				tr.Average()
			}
			f, c := toy(rng)
			tr.Score(f, scores)
			tr.Update(scores, c, 1-c)
			tr.Tick()
		}
		m := tr.Model()
		right := 0
		for range 200 {
			f, c := toy(rng)
			m.Score(f, scores)
			if (scores[1] > scores[0]) == (c == 1) {
				right++
			}
		}
		if right < 195 {
			t.Errorf("dropout %g: %d of 200 right after training, want ≥ 195", dropout, right)
		}
	}
}

// weight returns weight i of table row r of m.
func (m *Model) weight(r, i int) int {
	if m.wbits == 4 {
		b, sh := nibble(i)
		return int(m.packed[r*m.rowBytes()+b]>>sh&15) - 8
	}
	return int(m.table[r*m.hidden+i])
}

// reference computes a model's scores in float64 without the kernels.
func reference(m *Model, feats []uint64) []float64 {
	h := m.hidden
	hid := make([]float64, h)
	for i := range hid {
		hid[i] = float64(m.b1[i])
	}
	for _, f := range feats {
		r := int(bucket(f, m.bits))
		for i := range h {
			hid[i] += float64(m.weight(r, i)) * float64(m.scale[i])
		}
	}
	out := make([]float64, m.classes)
	for c := range out {
		out[c] = float64(m.b2[c])
		for i, v := range hid {
			if v > 0 {
				out[c] += v * float64(m.w2[i*m.stride+c])
			}
		}
	}
	return out
}

func randomModel(rng *rand.Rand, classes, hidden int, bits uint, wbits int) *Model {
	m := newModel(classes, hidden, bits, wbits)
	for i := range m.table {
		m.table[i] = int8(rng.IntN(255) - 127)
	}
	for i := range m.packed {
		m.packed[i] = byte(rng.IntN(256))
	}
	for i := range hidden {
		m.scale[i] = float32(rng.Float64()) * 0.01
		m.b1[i] = float32(rng.NormFloat64())
	}
	for c := range classes {
		m.b2[c] = float32(rng.NormFloat64())
		for i := range hidden {
			m.w2[i*m.stride+c] = float32(rng.NormFloat64())
		}
	}
	return m
}

func TestScoreMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	for _, shape := range [][3]int{{3, 64, 8}, {103, 128, 8}, {41, 192, 8}, {3, 64, 4}, {103, 256, 4}, {41, 192, 4}} {
		m := randomModel(rng, shape[0], shape[1], 9, shape[2])
		scores := make([]float32, shape[0])
		for _, n := range []int{0, 1, 98, 300} { // 300: more than one batch
			feats := make([]uint64, n)
			for i := range feats {
				feats[i] = rng.Uint64()
			}
			m.Score(feats, scores)
			want := reference(m, feats)
			for c, w := range want {
				if math.Abs(float64(scores[c])-w) > 1e-3*max(1, math.Abs(w)) {
					t.Fatalf("%v, %d features: score[%d] = %g, want %g", shape, n, c, scores[c], w)
				}
			}
		}
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	for _, wbits := range []int{8, 4} {
		testMarshalRoundTrip(t, wbits)
	}
}

func testMarshalRoundTrip(t *testing.T, wbits int) {
	rng := rand.New(rand.NewPCG(3, 3))
	m := randomModel(rng, 5, 64, 8, wbits)
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if m2.WeightBits() != wbits {
		t.Errorf("loaded %d-bit weights, want %d", m2.WeightBits(), wbits)
	}
	b2, _ := m2.MarshalBinary()
	if !bytes.Equal(b, b2) {
		t.Error("MarshalBinary → Load → MarshalBinary changed the bytes")
	}
	feats := []uint64{1, 2, 3}
	s1, s2 := make([]float32, 5), make([]float32, 5)
	m.Score(feats, s1)
	m2.Score(feats, s2)
	for c := range s1 {
		if s1[c] != s2[c] {
			t.Fatalf("loaded model scores %v, want %v", s2, s1)
		}
	}
	for _, bad := range [][]byte{nil, []byte("parley-mlp-1\n"), b[:len(b)/2], append([]byte("parley-mlp-9\n"), b[13:]...)} {
		if _, err := Load(bytes.NewReader(bad)); err == nil {
			t.Errorf("Load accepted %d corrupt bytes", len(bad))
		}
	}
	for n := 0; n < len(b); n += 1 + n/50 {
		if _, err := LoadBytes(b[:n]); err == nil {
			t.Fatalf("the model cut to %d of its %d bytes loaded", n, len(b))
		}
	}
}

// TestLoadEarlierFormats checks that files of versions 1 and 2 (one zstd
// frame of the sizes, floats and table) load as the same model.
func TestLoadEarlierFormats(t *testing.T) {
	for wbits, mg := range map[int]string{8: magicV1, 4: magicV2} {
		m := randomModel(rand.New(rand.NewPCG(6, 6)), 5, 64, 8, wbits)
		var raw []byte
		for _, v := range []int{m.classes, m.hidden, int(m.bits)} {
			raw = binary.AppendUvarint(raw, uint64(v))
		}
		for _, fs := range [][]float32{m.scale, m.b1, m.w2, m.b2} {
			for _, v := range fs {
				raw = binary.LittleEndian.AppendUint32(raw, math.Float32bits(v))
			}
		}
		for _, v := range m.table {
			raw = append(raw, byte(v))
		}
		raw = append(raw, m.packed...)
		zw, _ := zstd.NewWriter(nil)
		old, err := Load(bytes.NewReader(zw.EncodeAll(raw, []byte(mg))))
		if err != nil {
			t.Fatalf("%d bits: %v", wbits, err)
		}
		b1, _ := m.MarshalBinary()
		b2, _ := old.MarshalBinary()
		if !bytes.Equal(b1, b2) {
			t.Errorf("%d bits: a file of the earlier format loads as another model", wbits)
		}
		if _, err := Load(bytes.NewReader(zw.EncodeAll(raw[:len(raw)-1], []byte(mg)))); err == nil {
			t.Errorf("%d bits: a short table loaded", wbits)
		}
	}
}

func TestFromWeightsQuantizes(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	const classes, hidden, bits = 7, 64, 6
	e := make([]float32, hidden<<bits)
	for i := range e {
		e[i] = float32(rng.NormFloat64() * 0.1)
	}
	b1, w2, b2 := make([]float32, hidden), make([]float32, classes*hidden), make([]float32, classes)
	for i := range w2 {
		w2[i] = float32(rng.NormFloat64())
	}
	for _, wbits := range []int{8, 4} {
		m := fromWeights(classes, hidden, bits, wbits, e, b1, w2, b2)
		top := 0
		for i := range hidden {
			for row, r := 0, i; r < len(e); row, r = row+1, r+hidden {
				q := m.weight(row, i)
				top = max(top, q, -q)
				if d := math.Abs(float64(q)*float64(m.scale[i]) - float64(e[r])); d > float64(m.scale[i])/2+1e-7 {
					t.Fatalf("%d bits: weight %d quantized %g off", wbits, r, d)
				}
			}
		}
		if want := 1<<(wbits-1) - 1; top != want {
			t.Errorf("%d bits: largest weight ±%d, want ±%d", wbits, top, want)
		}
	}
}

func FuzzLoad(f *testing.F) {
	for _, wbits := range []int{8, 4} {
		m := randomModel(rand.New(rand.NewPCG(5, 5)), 3, 64, 4, wbits)
		b, _ := m.MarshalBinary()
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Load(bytes.NewReader(b))
		if err != nil {
			return
		}
		scores := make([]float32, m.Classes())
		m.Score([]uint64{1, 2, 3}, scores)
	})
}
