package perceptron

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// ErrCorrupt is the error a Decoder records for malformed input.
var ErrCorrupt = errors.New("corrupt model data")

// Decoder reads the uvarint-coded numbers and strings of parley's model
// files from B. It records the first problem in Err and then reads only
// zeros, so callers check Err once at the end.
type Decoder struct {
	B   []byte
	Err error
}

// Int reads a uvarint of at most 2^31.
func (d *Decoder) Int() int {
	v, n := binary.Uvarint(d.B)
	if n <= 0 || v > 1<<31 {
		d.Fail()
		return 0
	}
	d.B = d.B[n:]
	return int(v)
}

// Count reads a number of items that each take at least size bytes, so a
// corrupt count cannot make the caller allocate more than the input holds.
func (d *Decoder) Count(size int) int {
	n := d.Int()
	if n > len(d.B)/size {
		d.Fail()
		return 0
	}
	return n
}

// Str reads a length-prefixed string.
func (d *Decoder) Str() string {
	n := d.Int()
	if n > len(d.B) {
		d.Fail()
		return ""
	}
	s := string(d.B[:n])
	d.B = d.B[n:]
	return s
}

// Key reads a front-coded string: the length of the prefix it shares with
// prev, then the rest.
func (d *Decoder) Key(prev string) string {
	n := d.Int()
	if n > len(prev) {
		d.Fail()
		return ""
	}
	return prev[:n] + d.Str()
}

// Byte reads one byte.
func (d *Decoder) Byte() uint8 {
	if len(d.B) == 0 {
		d.Fail()
		return 0
	}
	c := d.B[0]
	d.B = d.B[1:]
	return c
}

// Fail records ErrCorrupt (unless an error is already recorded) and stops
// reading.
func (d *Decoder) Fail() {
	if d.Err == nil {
		d.Err = ErrCorrupt
	}
	d.B = nil
}

// Encoder writes what Decoder reads: uvarints, length-prefixed strings,
// front-coded keys and bytes, appended to B.
type Encoder struct{ B []byte }

// Int appends n as a uvarint.
func (e *Encoder) Int(n int) { e.B = binary.AppendUvarint(e.B, uint64(n)) }

// Str appends a length-prefixed string.
func (e *Encoder) Str(s string) { e.Int(len(s)); e.B = append(e.B, s...) }

// Key appends k front-coded against prev: the length of their common
// prefix, then the rest of k.
func (e *Encoder) Key(prev, k string) {
	n := 0
	for n < len(prev) && n < len(k) && prev[n] == k[n] {
		n++
	}
	e.Int(n)
	e.Str(k[n:])
}

// Byte appends one byte.
func (e *Encoder) Byte(c uint8) { e.B = append(e.B, c) }

// Deflate returns magic followed by e.B compressed with DEFLATE at the best
// compression level: deterministic, so equal models give equal bytes.
func (e *Encoder) Deflate(magic string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(magic)
	w, err := flate.NewWriter(&b, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	w.Write(e.B)
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Inflate checks that b starts with magic, whose last byte is a format
// version, and returns the decompressed rest. what names the kind of file
// in errors ("lemma model").
func Inflate(b []byte, magic, what string) ([]byte, error) {
	rest, ok := bytes.CutPrefix(b, []byte(magic))
	if !ok {
		if len(b) >= len(magic) && bytes.HasPrefix(b, []byte(magic[:len(magic)-1])) {
			return nil, fmt.Errorf("%s format version %d, want %d", what, b[len(magic)-1], magic[len(magic)-1])
		}
		return nil, fmt.Errorf("not a %s", what)
	}
	return io.ReadAll(flate.NewReader(bytes.NewReader(rest)))
}
