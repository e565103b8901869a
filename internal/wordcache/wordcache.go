// Package wordcache keeps what a stage works out of a word form, so that
// a form met again costs one lookup. A cache holds a bounded number of
// forms and starts afresh when full; it copies its keys, so it keeps no
// document's text alive. A cache is for one goroutine (a stage keeps one
// per pooled working state).
package wordcache

import "strings"

// Cache maps word forms to values of T. A nil *Cache keeps nothing.
type Cache[T any] struct {
	m    map[string]T
	size int
}

// New returns a cache of at most size forms.
func New[T any](size int) *Cache[T] {
	return &Cache[T]{m: make(map[string]T, size), size: size}
}

// Get returns the value kept for w.
func (c *Cache[T]) Get(w string) (T, bool) {
	if c == nil {
		var zero T
		return zero, false
	}
	v, ok := c.m[w]
	return v, ok
}

// Put keeps v for w, emptying the cache first when it is full.
func (c *Cache[T]) Put(w string, v T) {
	if c == nil {
		return
	}
	c.Room(1)
	c.m[strings.Clone(w)] = v
}

// Room makes room for n more forms, emptying the cache when they would
// not fit, and reports whether it emptied it (values kept beside the
// cache, such as indexes into it, are then stale).
func (c *Cache[T]) Room(n int) bool {
	if len(c.m)+n <= c.size {
		return false
	}
	clear(c.m)
	return true
}

// Len returns the number of forms kept.
func (c *Cache[T]) Len() int {
	if c == nil {
		return 0
	}
	return len(c.m)
}
