// Package wordcache keeps what a stage works out of a word form, so that
// a form met again costs one lookup. A cache holds a bounded number of
// forms and starts afresh when full; it copies its keys, so it keeps no
// document's text alive. A cache is for one goroutine (a stage keeps one
// per pooled working state).
//
// Most words are short, and a cache keeps a form of at most 16 bytes in
// its slot itself, in an open-addressed table at most half full: a lookup
// reads one slot, mostly one cache line, where a Go map would read a
// control word, a key header and the key's bytes, three places that miss
// the cache in a table of tens of thousands of forms. Longer forms go to
// a map beside it.
package wordcache

import (
	"encoding/binary"
	"math/bits"
	"strings"
)

// Cache maps word forms to values of T. A nil *Cache keeps nothing.
type Cache[T any] struct {
	slots []slot[T] // a power of two, at least twice size
	long  map[string]T
	n     int // forms kept, in slots and long
	size  int
}

// slot holds a form of 1 to 16 bytes, zero-padded in lo and hi, and its
// length (0 for an empty slot).
type slot[T any] struct {
	lo, hi uint64
	n      uint32
	v      T
}

// New returns a cache of at most size forms.
func New[T any](size int) *Cache[T] {
	return &Cache[T]{slots: make([]slot[T], 1<<bits.Len(uint(2*size))), long: map[string]T{}, size: size}
}

// short returns w as a slot's key: its bytes in lo and hi and its length,
// and whether it fits (1 to 16 bytes).
func short(w string) (lo, hi uint64, ok bool) {
	if len(w) == 0 || len(w) > 16 {
		return 0, 0, false
	}
	var b [16]byte
	copy(b[:], w)
	return binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:]), true
}

// home returns the first slot to probe for a key.
func (c *Cache[T]) home(lo, hi uint64, n int) int {
	h := (lo ^ bits.RotateLeft64(hi, 31) ^ uint64(n)) * 0x9e3779b97f4a7c15
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return int(h>>32) & (len(c.slots) - 1)
}

// Get returns the value kept for w.
func (c *Cache[T]) Get(w string) (T, bool) {
	if c == nil {
		var zero T
		return zero, false
	}
	lo, hi, ok := short(w)
	if !ok {
		v, ok := c.long[w]
		return v, ok
	}
	s := c.find(lo, hi, len(w))
	return s.v, s.n != 0
}

// find returns the slot that holds the key, or the empty slot where it
// would go (the table is never full: it holds at most half its slots).
func (c *Cache[T]) find(lo, hi uint64, n int) *slot[T] {
	mask := len(c.slots) - 1
	for i := c.home(lo, hi, n); ; i = (i + 1) & mask {
		if s := &c.slots[i]; s.n == 0 || s.lo == lo && s.hi == hi && s.n == uint32(n) {
			return s
		}
	}
}

// Put keeps v for w, emptying the cache first when it is full.
func (c *Cache[T]) Put(w string, v T) {
	if c == nil {
		return
	}
	c.Room(1)
	lo, hi, ok := short(w)
	if !ok {
		if _, had := c.long[w]; !had {
			c.n++
		}
		c.long[strings.Clone(w)] = v
		return
	}
	s := c.find(lo, hi, len(w))
	if s.n == 0 {
		*s = slot[T]{lo: lo, hi: hi, n: uint32(len(w))}
		c.n++
	}
	s.v = v
}

// Room makes room for n more forms, emptying the cache when they would
// not fit, and reports whether it emptied it (values kept beside the
// cache, such as indexes into it, are then stale).
func (c *Cache[T]) Room(n int) bool {
	if c.n+n <= c.size {
		return false
	}
	clear(c.slots)
	clear(c.long)
	c.n = 0
	return true
}

// Len returns the number of forms kept.
func (c *Cache[T]) Len() int {
	if c == nil {
		return 0
	}
	return c.n
}

// Table keeps values of T for word forms in a slice beside a cache of
// their indexes: a cache of small values stays in the processor's caches
// where one of large values would not. Like a cache it holds a bounded
// number of forms and starts afresh when full. A nil *Table keeps
// nothing.
type Table[T any] struct {
	index *Cache[int32]
	vals  []T
}

// NewTable returns a table of at most size forms.
func NewTable[T any](size int) *Table[T] { return &Table[T]{index: New[int32](size)} }

// Get returns the value kept for w.
func (t *Table[T]) Get(w string) (T, bool) {
	if t != nil {
		if k, ok := t.index.Get(w); ok {
			return t.vals[k], true
		}
	}
	var zero T
	return zero, false
}

// Put keeps v for w, emptying the table first when it is full.
func (t *Table[T]) Put(w string, v T) {
	if t == nil {
		return
	}
	if k, ok := t.index.Get(w); ok {
		t.vals[k] = v
		return
	}
	if t.index.Room(1) {
		t.vals = t.vals[:0]
	}
	t.index.Put(w, int32(len(t.vals)))
	t.vals = append(t.vals, v)
}

// Clear empties the table.
func (t *Table[T]) Clear() {
	if t == nil {
		return
	}
	t.index.Room(t.index.size + 1)
	t.vals = t.vals[:0]
}

// Len returns the number of forms kept.
func (t *Table[T]) Len() int {
	if t == nil {
		return 0
	}
	return t.index.Len()
}
