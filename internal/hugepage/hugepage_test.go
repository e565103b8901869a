package hugepage

import "testing"

// TestAdvise advises slices of every kind of size and alignment, empty
// ones included; the memory must stay as it was and usable.
func TestAdvise(t *testing.T) {
	for _, n := range []int{0, 1, 4095, 1 << 21, 3<<21 + 17} {
		b := make([]byte, n)
		Advise(b)
		Advise(b[min(n, 3):])
		for i := range b {
			if b[i] != 0 {
				t.Fatalf("%d bytes: byte %d is %d after advice", n, i, b[i])
			}
			b[i] = byte(i)
		}
		s := make([]struct{ a, b uint64 }, n/16)
		Advise(s)
		for i := range s {
			s[i].a = uint64(i)
		}
	}
}
