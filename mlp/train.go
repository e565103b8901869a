package mlp

import (
	"math"
	"math/rand/v2"
)

// Config sets a network's shape and training.
type Config struct {
	Classes int
	Hidden  int     // hidden units, a multiple of 64; 0 means 128
	Bits    int     // the embedding table has 2^Bits rows; 0 means 18
	Rate    float32 // AdaGrad learning rate; 0 means 0.02
	Dropout float64 // probability of silencing a hidden unit in training
	// WeightBits is the width of the trained model's table weights: 8
	// (0 means 8) or 4, half the memory and file for a coarser rounding.
	WeightBits int
	Seed       uint64
}

// Trainer trains a Model online. Score a configuration, then Update with
// the classes that would have been right; call Average when the weights
// to average from begin (say, after the first epochs), and Model at the
// end.
type Trainer struct {
	cfg           Config
	h, c          int
	bits          uint
	rng           *rand.Rand
	e, b1, w2, b2 param
	t             float32 // updates since averaging began
	// From the last Score: the rows read, the hidden layer before and
	// after rectification (and dropout), the dropout mask.
	offs    []int
	z, a, m []float32
	dz      []float32
}

// param is a block of weights with its AdaGrad sums and the sums that
// averaging needs (Daumé's trick: avg = w - u/t).
type param struct{ w, g, u []float32 }

func newParam(n int) param {
	return param{make([]float32, n), make([]float32, n), make([]float32, n)}
}

// step applies one AdaGrad step with gradient grad to p[off:off+len(grad)].
func (p *param) step(off int, grad []float32, rate, t float32) {
	w, g, u := p.w[off:off+len(grad)], p.g[off:off+len(grad)], p.u[off:off+len(grad)]
	for i, d := range grad {
		if d == 0 {
			continue
		}
		g[i] += d * d
		delta := -rate * d / float32(math.Sqrt(float64(g[i])+1e-6))
		w[i] += delta
		u[i] += t * delta
	}
}

func (p *param) averaged(t float32) []float32 {
	out := make([]float32, len(p.w))
	for i, w := range p.w {
		if t > 0 {
			w -= p.u[i] / t
		}
		out[i] = w
	}
	return out
}

// NewTrainer returns a trainer for a network of the given shape, its
// weights drawn from cfg.Seed.
func NewTrainer(cfg Config) *Trainer {
	if cfg.Hidden == 0 {
		cfg.Hidden = 128
	}
	if cfg.Bits == 0 {
		cfg.Bits = 18
	}
	if cfg.Rate == 0 {
		cfg.Rate = 0.02
	}
	h, c := cfg.Hidden, cfg.Classes
	tr := &Trainer{
		cfg: cfg, h: h, c: c, bits: uint(cfg.Bits),
		rng: rand.New(rand.NewPCG(cfg.Seed, 0x6d6c70)),
		e:   newParam(h << cfg.Bits), b1: newParam(h), w2: newParam(c * h), b2: newParam(c),
		z: make([]float32, h), a: make([]float32, h), m: make([]float32, h), dz: make([]float32, h),
	}
	for i := range tr.e.w {
		tr.e.w[i] = float32(tr.rng.Float64()*0.1 - 0.05)
	}
	r := math.Sqrt(6 / float64(h+c))
	for i := range tr.w2.w {
		tr.w2.w[i] = float32((tr.rng.Float64()*2 - 1) * r)
	}
	return tr
}

// Score sets scores[c] for the configuration with the given features,
// with dropout, and keeps what Update needs.
func (tr *Trainer) Score(feats []uint64, scores []float32) {
	h := tr.h
	copy(tr.z, tr.b1.w)
	tr.offs = tr.offs[:0]
	for _, f := range feats {
		o := int(bucket(f, tr.bits)) * h
		tr.offs = append(tr.offs, o)
		for i, v := range tr.e.w[o : o+h] {
			tr.z[i] += v
		}
	}
	keep := float32(1 / (1 - tr.cfg.Dropout))
	for i, v := range tr.z {
		tr.m[i] = 1
		if tr.cfg.Dropout > 0 {
			if tr.rng.Float64() < tr.cfg.Dropout {
				tr.m[i] = 0
			} else {
				tr.m[i] = keep
			}
		}
		tr.a[i] = max(v, 0) * tr.m[i]
	}
	for c := range tr.c {
		s := tr.b2.w[c]
		for i, w := range tr.w2.w[c*h : c*h+h] {
			s += w * tr.a[i]
		}
		scores[c] = s
	}
}

// Update makes the last scored configuration prefer class up to class
// down, by a margin of 1 (a hinge loss), if it does not already.
// scores are those Score set.
func (tr *Trainer) Update(scores []float32, up, down int) bool {
	if up == down || scores[up]-scores[down] >= 1 {
		return false
	}
	h := tr.h
	wu, wd := tr.w2.w[up*h:up*h+h], tr.w2.w[down*h:down*h+h]
	for i := range h {
		d := wd[i] - wu[i]
		if tr.z[i] <= 0 {
			d = 0
		}
		tr.dz[i] = d * tr.m[i]
	}
	rate, t := tr.cfg.Rate, tr.t
	tr.w2.step(down*h, tr.a, rate, t)
	for i := range tr.a {
		tr.a[i] = -tr.a[i]
	}
	tr.w2.step(up*h, tr.a, rate, t)
	tr.b2.step(down, []float32{1}, rate, t)
	tr.b2.step(up, []float32{-1}, rate, t)
	tr.b1.step(0, tr.dz, rate, t)
	for _, o := range tr.offs {
		tr.e.step(o, tr.dz, rate, t)
	}
	return true
}

// Tick counts one training example towards the average.
func (tr *Trainer) Tick() { tr.t++ }

// Average restarts the weights' average: the model will be the mean of the
// weights from now on.
func (tr *Trainer) Average() {
	tr.t = 0
	for _, p := range []*param{&tr.e, &tr.b1, &tr.w2, &tr.b2} {
		clear(p.u)
	}
}

// Model returns the averaged weights as a quantized Model.
func (tr *Trainer) Model() *Model {
	return fromWeights(tr.c, tr.h, int(tr.bits), tr.cfg.WeightBits, tr.e.averaged(tr.t), tr.b1.averaged(tr.t), tr.w2.averaged(tr.t), tr.b2.averaged(tr.t))
}

// FromWeights quantizes a network given as float weights: the embedding
// table e (2^bits rows of hidden), the hidden biases b1, the output
// weights w2 (classes rows of hidden) and biases b2. Each hidden unit's
// table column is scaled so that its largest weight is ±127.
func FromWeights(classes, hidden, bits int, e, b1, w2, b2 []float32) *Model {
	return fromWeights(classes, hidden, bits, 8, e, b1, w2, b2)
}

// fromWeights is FromWeights with weights of wbits bits (0 means 8): with
// 4, each column's largest weight is ±7.
func fromWeights(classes, hidden, bits, wbits int, e, b1, w2, b2 []float32) *Model {
	h := hidden
	if wbits != 4 {
		wbits = 8
	}
	m := newModel(classes, h, uint(bits), wbits)
	top := float32(127)
	if wbits == 4 {
		top = 7
		for i := range m.packed {
			m.packed[i] = 0x88 // two weights of zero
		}
	}
	rb := m.rowBytes()
	for i := range h {
		mx := float32(0)
		for r := i; r < len(e); r += h {
			mx = max(mx, float32(math.Abs(float64(e[r]))))
		}
		if mx == 0 {
			continue
		}
		s := mx / top
		m.scale[i] = s
		bi, sh := nibble(i)
		for row, r := 0, i; r < len(e); row, r = row+1, r+h {
			q := math.Round(float64(e[r] / s))
			if wbits == 8 {
				m.table[r] = int8(q)
				continue
			}
			p := &m.packed[row*rb+bi]
			*p = *p&^(15<<sh) | byte(int(q)+8)<<sh
		}
	}
	copy(m.b1, b1)
	for cl := range classes {
		for i := range h {
			m.w2[i*m.stride+cl] = w2[cl*h+i]
		}
	}
	copy(m.b2, b2)
	return m
}
