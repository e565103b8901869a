package wordcache

import (
	"fmt"
	"strings"
	"testing"
)

func TestCache(t *testing.T) {
	c := New[int](3)
	if _, ok := c.Get("a"); ok {
		t.Fatal("an empty cache found a")
	}
	buf := []byte("abc")
	c.Put(string(buf[:1]), 1)
	buf[0] = 'z' // the key was copied
	if v, ok := c.Get("a"); !ok || v != 1 {
		t.Fatalf("Get(a) = %d, %v", v, ok)
	}
	c.Put("b", 2)
	c.Put("c", 3)
	c.Put("d", 4) // full: starts afresh
	if c.Len() != 1 {
		t.Fatalf("%d forms kept after the cache was full, want 1", c.Len())
	}
	if _, ok := c.Get("a"); ok {
		t.Error("a kept after the cache started afresh")
	}
	if v, ok := c.Get("d"); !ok || v != 4 {
		t.Errorf("Get(d) = %d, %v", v, ok)
	}
	if c.Room(2) {
		t.Error("Room(2) emptied a cache of 1 form in 3")
	}
	if !c.Room(3) || c.Len() != 0 {
		t.Errorf("Room(3) did not empty a cache of 1 form in 3 (%d left)", c.Len())
	}
	var none *Cache[int]
	none.Put("a", 1)
	if _, ok := none.Get("a"); ok || none.Len() != 0 {
		t.Error("a nil cache kept a form")
	}
	for i := range 10 {
		c.Put(fmt.Sprint(i), i)
		if c.Len() > 3 {
			t.Fatalf("%d forms kept, at most 3", c.Len())
		}
	}
}

// TestCacheAgainstMap checks a cache against a map on forms of every
// length around the 16 bytes kept in a slot, forms that differ only in
// trailing zero bytes, and enough forms to start afresh several times.
func TestCacheAgainstMap(t *testing.T) {
	const size = 100
	c := New[int](size)
	want := map[string]int{}
	var forms []string
	for i := range 1000 {
		w := fmt.Sprintf("%d-%s", i, strings.Repeat("x", i%21))
		forms = append(forms, w, w+"\x00", "\x00"+w)
	}
	forms = append(forms, "", "\x00", "\x00\x00", strings.Repeat("é", 8), strings.Repeat("é", 9))
	for i, w := range forms {
		if c.Len()+1 > size {
			clear(want)
		}
		c.Put(w, i)
		want[w] = i
		if c.Len() != len(want) {
			t.Fatalf("after %d puts: Len %d, want %d", i+1, c.Len(), len(want))
		}
		for _, o := range forms[max(0, i-50) : i+1] {
			v, ok := c.Get(o)
			if wv, wok := want[o]; ok != wok || v != wv {
				t.Fatalf("after %d puts: Get(%q) = %d, %v, want %d, %v", i+1, o, v, ok, wv, wok)
			}
		}
	}
	c.Put(forms[len(forms)-1], -1) // a form kept again keeps its new value
	if v, _ := c.Get(forms[len(forms)-1]); v != -1 || c.Len() != len(want) {
		t.Errorf("a form put twice: %d, Len %d", v, c.Len())
	}
}

// TestTable checks a table of values beside a cache of their indexes:
// values found, replaced, lost when the table starts afresh or is
// cleared, and a nil table keeping nothing.
func TestTable(t *testing.T) {
	tb := NewTable[string](2)
	tb.Put("a", "A")
	tb.Put("a", "A2") // replaced, not added
	tb.Put("b", "B")
	if v, ok := tb.Get("a"); !ok || v != "A2" || tb.Len() != 2 {
		t.Fatalf("Get(a) = %q, %v with %d forms, want A2 and 2", v, ok, tb.Len())
	}
	tb.Put("c", "C") // full: starts afresh
	if _, ok := tb.Get("a"); ok || tb.Len() != 1 {
		t.Errorf("a kept, or %d forms, after the table started afresh", tb.Len())
	}
	if v, ok := tb.Get("c"); !ok || v != "C" {
		t.Errorf("Get(c) = %q, %v", v, ok)
	}
	tb.Clear()
	if _, ok := tb.Get("c"); ok || tb.Len() != 0 {
		t.Error("c kept after Clear")
	}
	tb.Put(strings.Repeat("long", 10), "L") // a form too long for a slot
	if v, ok := tb.Get(strings.Repeat("long", 10)); !ok || v != "L" {
		t.Errorf("Get(long form) = %q, %v", v, ok)
	}
	var none *Table[string]
	none.Put("a", "A")
	none.Clear()
	if _, ok := none.Get("a"); ok || none.Len() != 0 {
		t.Error("a nil table kept a form")
	}
}
