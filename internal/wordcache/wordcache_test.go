package wordcache

import (
	"fmt"
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
