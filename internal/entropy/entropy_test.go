package entropy

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"testing"
)

// skewed returns n bytes drawn mostly from a few values, as quantised
// weights are.
func skewed(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 1))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.ExpFloat64() * 3)
	}
	return b
}

func random(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

func TestRoundTrip(t *testing.T) {
	cases := map[string][]byte{
		"empty":          nil,
		"one byte":       {7},
		"one value":      bytes.Repeat([]byte{3}, 3*BlockSize+5),
		"skewed":         skewed(2*BlockSize+1234, 1),
		"random":         random(BlockSize+1, 2),
		"a block":        skewed(BlockSize, 3),
		"small skewed":   skewed(100, 4),
		"random, skewed": append(random(BlockSize, 5), skewed(BlockSize+9, 6)...),
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			enc := Append([]byte("head"), src)
			enc = append(enc, "tail"...)
			body, ok := bytes.CutPrefix(enc, []byte("head"))
			if !ok {
				t.Fatal("Append changed the bytes before it")
			}
			n, err := Size(body)
			if err != nil || n != len(src) {
				t.Fatalf("Size = %d, %v; want %d", n, err, len(src))
			}
			dst := make([]byte, n)
			rest, err := Read(dst, body)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(dst, src) {
				t.Error("decoded bytes differ from the input")
			}
			if string(rest) != "tail" {
				t.Errorf("rest = %q, want %q", rest, "tail")
			}
			if rest, err := Skip(body); err != nil || string(rest) != "tail" {
				t.Errorf("Skip = %q, %v; want %q", rest, err, "tail")
			}
			if again := Append([]byte("head"), src); !bytes.Equal(again, enc[:len(enc)-4]) {
				t.Error("Append is not deterministic")
			}
		})
	}
}

func TestCompresses(t *testing.T) {
	src := skewed(4*BlockSize, 7)
	if got := len(Append(nil, src)); got > len(src)/2 {
		t.Errorf("skewed bytes coded in %d of %d bytes; want at most half", got, len(src))
	}
	src = random(2*BlockSize, 8)
	if got := len(Append(nil, src)); got > len(src)+16 {
		t.Errorf("random bytes coded in %d of %d bytes; want them stored", got, len(src))
	}
}

func TestCorrupt(t *testing.T) {
	src := append(skewed(BlockSize+500, 9), random(300, 10)...)
	enc := Append(nil, src)
	for cut := range len(enc) {
		if cut%97 != 0 && cut > 40 {
			continue
		}
		dst := make([]byte, len(src))
		if _, err := Read(dst, enc[:cut]); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("cut at %d: err = %v, want ErrCorrupt", cut, err)
		}
		if _, err := Skip(enc[:cut]); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("cut at %d: Skip's err = %v, want ErrCorrupt", cut, err)
		}
	}
	if _, err := Read(make([]byte, len(src)-1), enc); !errors.Is(err, ErrCorrupt) {
		t.Errorf("wrong length: err = %v, want ErrCorrupt", err)
	}
	bad := bytes.Clone(enc)
	_, k := binary.Uvarint(bad)
	bad[k] = 9 // the first block's mode
	if _, err := Read(make([]byte, len(src)), bad); !errors.Is(err, ErrCorrupt) {
		t.Errorf("bad mode: err = %v, want ErrCorrupt", err)
	}
	if _, err := Size([]byte{0xff, 0xff, 0xff, 0x7f}); !errors.Is(err, ErrCorrupt) {
		t.Errorf("a length beyond eight times the input: err = %v, want ErrCorrupt", err)
	}
}

// FuzzRead checks that no input makes Read panic or write beyond its
// length, and that whatever Append writes reads back.
func FuzzRead(f *testing.F) {
	f.Add(Append(nil, skewed(3000, 11)))
	f.Add(Append(nil, random(200, 12)))
	f.Add([]byte{5, 1, 9, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		if n, err := Size(b); err == nil {
			dst := make([]byte, n)
			rest, err := Read(dst, b)
			skipped, err2 := Skip(b)
			if err == nil && (err2 != nil || len(skipped) != len(rest)) {
				t.Fatalf("Read leaves %d bytes, Skip %d (%v)", len(rest), len(skipped), err2)
			}
		}
		enc := Append(nil, b)
		dst := make([]byte, len(b))
		if _, err := Read(dst, enc); err != nil || !bytes.Equal(dst, b) {
			t.Fatalf("round trip: %v", err)
		}
	})
}

func BenchmarkRead(b *testing.B) {
	src := skewed(16<<20, 13)
	enc := Append(nil, src)
	dst := make([]byte, len(src))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Read(dst, enc); err != nil {
			b.Fatal(err)
		}
	}
}
