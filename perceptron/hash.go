package perceptron

// Feature hashing: FNV-1a over a template number and the feature's strings,
// finished with a 64-bit mixer so that the low bits index tables well. None
// of these allocate.

const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

// H starts a feature hash for template t; add strings with Str and Int, and
// finish with Sum.
type H uint64

// New starts a hash for template t.
func New(t uint64) H { return H((offset64 ^ t) * prime64) }

// Str adds s (and a separator) to the hash.
func (h H) Str(s string) H {
	for i := 0; i < len(s); i++ {
		h = (h ^ H(s[i])) * prime64
	}
	return (h ^ 0xff) * prime64
}

// Int adds x to the hash.
func (h H) Int(x int) H {
	u := uint64(x)
	for range 8 {
		h = (h ^ H(u&0xff)) * prime64
		u >>= 8
	}
	return h
}

// Sum returns the finished feature hash.
func (h H) Sum() uint64 {
	x := uint64(h)
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// F1 returns the feature hash of template t with one string.
func F1(t uint64, a string) uint64 { return New(t).Str(a).Sum() }

// F2 returns the feature hash of template t with two strings.
func F2(t uint64, a, b string) uint64 { return New(t).Str(a).Str(b).Sum() }

// U adds a 64-bit value, such as a precomputed hash of a word, to the hash
// in one step.
func (h H) U(x uint64) H { return H((uint64(h) ^ x) * prime64) }

// I adds a small integer (a position, a count, a class) in one step.
func (h H) I(x int) H { return h.U(uint64(x) + 0x9e3779b97f4a7c15) }
