package perceptron

import (
	"encoding/binary"
	"errors"
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
