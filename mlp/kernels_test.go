package mlp

import (
	"math"
	"math/rand/v2"
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestKernels(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, h := range []int{64, 128} {
		table := make([]int8, 1000*h)
		for i := range table {
			table[i] = int8(rng.IntN(255) - 127)
		}
		offs := make([]uint32, 98)
		for i := range offs {
			offs[i] = uint32(rng.IntN(1000) * h)
		}
		a, b := make([]int16, h), make([]int16, h)
		sumRows(a, table, offs)
		sumRowsGo(b, table, offs)
		for i := range a {
			if a[i] != b[i] {
				t.Fatalf("h=%d sumRows[%d] = %d, want %d", h, i, a[i], b[i])
			}
		}
	}
	for _, h := range []int{64, 128, 256} {
		table := make([]byte, 1000*h/2)
		for i := range table {
			table[i] = byte(rng.IntN(256))
		}
		for _, n := range []int{0, 1, 15, 16, 17, 49, 98, 256} {
			offs := make([]uint32, n)
			for i := range offs {
				offs[i] = uint32(rng.IntN(1000) * h / 2)
			}
			a, b := make([]int16, h), make([]int16, h)
			for i := range a {
				a[i] = int16(rng.IntN(200) - 100)
				b[i] = a[i]
			}
			sumRows4(a, table, offs)
			sumRows4Go(b, table, offs)
			for i := range a {
				if a[i] != b[i] {
					t.Fatalf("h=%d, %d rows: sumRows4[%d] = %d, want %d", h, n, i, a[i], b[i])
				}
			}
		}
	}
	for _, c := range []int{8, 40, 104, 136} {
		h := 64
		w := make([]float32, h*c)
		for i := range w {
			w[i] = float32(rng.NormFloat64())
		}
		act := make([]float32, h)
		for i := range act {
			act[i] = float32(rng.NormFloat64())
		}
		var fired []float32
		var offs []uint32
		for i, v := range act {
			if v > 0 {
				fired, offs = append(fired, v), append(offs, uint32(i*c))
			}
		}
		x, y := make([]float32, c), make([]float32, c)
		axpy(x, w, fired, offs)
		axpyGo(y, w, fired, offs)
		for i := range x {
			if d := x[i] - y[i]; d > 1e-4 || d < -1e-4 {
				t.Fatalf("c=%d axpy[%d] = %g, want %g", c, i, x[i], y[i])
			}
		}
	}
	acc := make([]int16, 64)
	scale := make([]float32, 64)
	for i := range acc {
		acc[i], scale[i] = int16(rng.IntN(20000)-10000), float32(rng.NormFloat64())
	}
	x, y := make([]float32, 64), make([]float32, 64)
	for i := range x {
		x[i] = float32(i)
		y[i] = x[i]
	}
	hidden(x, acc, scale)
	hiddenGo(y, acc, scale)
	for i := range x {
		if d := x[i] - y[i]; d > 1e-3 || d < -1e-3 {
			t.Fatalf("hidden[%d] = %g, want %g", i, x[i], y[i])
		}
	}
}

// TestFire checks the listing of the units that fire against fireGo, with
// none, all and some firing, and zeros, which do not fire.
func TestFire(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, h := range []int{64, 256} {
		for _, share := range []float64{0, 0.5, 1} {
			hid := make([]float32, h)
			for i := range hid {
				switch {
				case rng.Float64() < share:
					hid[i] = rng.Float32() + 1e-3
				case i%3 == 0:
					hid[i] = 0
				default:
					hid[i] = -rng.Float32()
				}
			}
			f1, f2 := make([]float32, h), make([]float32, h)
			r1, r2 := make([]uint32, h), make([]uint32, h)
			n1, n2 := fire(hid, f1, r1, 104), fireGo(hid, f2, r2, 104)
			if n1 != n2 {
				t.Fatalf("h=%d share %g: %d units fire, want %d", h, share, n1, n2)
			}
			for k := range n1 {
				if f1[k] != f2[k] || r1[k] != r2[k] {
					t.Fatalf("h=%d share %g: unit %d listed as (%g, %d), want (%g, %d)", h, share, k, f1[k], r1[k], f2[k], r2[k])
				}
			}
			if share == 0 && n1 != 0 || share == 1 && n1 != h {
				t.Errorf("h=%d share %g: %d units fire", h, share, n1)
			}
		}
	}
}

// TestLead checks Lead (and the kernel under it) against the definition,
// on scores of every length up to 130 with ties, ruled-out moves (-Inf)
// and signed zeros.
func TestLead(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	neg := float32(math.Inf(-1))
	for n := 0; n <= 130; n++ {
		for range 50 {
			s := make([]float32, n)
			for i := range s {
				switch rng.IntN(6) {
				case 0:
					s[i] = neg
				case 1:
					s[i] = float32(rng.IntN(3)) // ties
				case 2:
					s[i] = float32(math.Copysign(0, -1))
				default:
					s[i] = float32(rng.NormFloat64() * 5)
				}
			}
			if rng.IntN(10) == 0 {
				for i := range s {
					s[i] = neg
				}
				if n > 0 && rng.IntN(2) == 0 {
					s[rng.IntN(n)] = 1 // one move allowed
				}
			}
			wantC, wantLead := -1, float32(0)
			for c, v := range s {
				if v > neg && (wantC < 0 || v > s[wantC]) {
					wantC = c
				}
			}
			if wantC >= 0 {
				next := neg
				for c, v := range s {
					if c != wantC && v > next {
						next = v
					}
				}
				wantLead = s[wantC] - next
			}
			c, lead := Lead(s)
			if c != wantC || lead != wantLead {
				t.Fatalf("n=%d %v: Lead = %d, %v; want %d, %v", n, s, c, lead, wantC, wantLead)
			}
		}
	}
}

// TestKernelsVEXOnly guards the kernels against legacy SSE encodings of
// moves into or out of vector registers (MOVQ R, X): after an AVX
// instruction they cost a state transition of about 150 ns a call on the
// build machine, more than the rest of the call (docs/benchmarks.md,
// session 30). The VEX forms (VMOVQ, VMOVD) cost nothing extra.
func TestKernelsVEXOnly(t *testing.T) {
	src, err := os.ReadFile("kernels_amd64.s")
	if err != nil {
		t.Fatal(err)
	}
	sse := regexp.MustCompile(`^\s*(MOVQ|MOVD|MOVL)\s+[^/]*\bX\d+\b`)
	for i, line := range strings.Split(string(src), "\n") {
		if sse.MatchString(line) {
			t.Errorf("kernels_amd64.s:%d: %q is a legacy SSE move; use its VEX form (VMOVQ, VMOVD)", i+1, strings.TrimSpace(line))
		}
	}
}
