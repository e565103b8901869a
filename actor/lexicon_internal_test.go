package actor

import (
	"fmt"
	"hash/maphash"
	"strings"
	"testing"

	"github.com/parley-events/parley/dict"
)

// TestSieve checks that the lexicon's sieve passes every key of its maps
// (a key it refused would be a name never matched) and refuses most
// words that are none.
func TestSieve(t *testing.T) {
	set, err := dict.Default()
	if err != nil {
		t.Fatal(err)
	}
	l := NewLexicon(set, strings.Fields)
	for k := range l.entries {
		if !l.mayHave(maphash.String(l.seed, k)) {
			t.Fatalf("the sieve refuses the name %q", k)
		}
	}
	for k := range l.prefixes {
		if !l.mayHave(maphash.Bytes(l.seed, []byte(k))) {
			t.Fatalf("the sieve refuses the prefix %q", k)
		}
	}
	for k := range l.longest {
		if l.first(k) != l.longest[k] {
			t.Fatalf("first(%q) = %d, want %d", k, l.first(k), l.longest[k])
		}
	}
	passed := 0
	const n = 10000
	for i := range n {
		w := fmt.Sprintf("zq%dxv", i)
		if l.mayHave(maphash.String(l.seed, w)) {
			passed++
		}
	}
	if passed > n/10 {
		t.Errorf("the sieve passes %d of %d words that are no keys", passed, n)
	}
	t.Logf("%d keys, %d KiB of sieve; %d of %d absent words pass", len(l.entries)+len(l.prefixes), len(l.sieve)*8/1024, passed, n)
}
