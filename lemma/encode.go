package lemma

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"unicode/utf8"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/perceptron"
)

// magic opens an encoded model; its last byte is the format version.
const magic = "parley-lemma\x01"

// MarshalBinary encodes m: the magic header, then a DEFLATE stream of
// uvarints and length-prefixed strings: the edits; the tag tables, each a
// suffix and an exception map; the pair maps; the lexicon. Maps are written in key order with front-coded keys, so equal
// models give equal bytes.
func (m *Model) MarshalBinary() ([]byte, error) {
	var raw []byte
	num := func(n int) { raw = binary.AppendUvarint(raw, uint64(n)) }
	str := func(s string) { num(len(s)); raw = append(raw, s...) }
	rules := func(rs map[string]rule) {
		num(len(rs))
		prev := ""
		for _, k := range slices.Sorted(maps.Keys(rs)) {
			raw = frontCode(raw, prev, k)
			num(int(rs[k]))
			prev = k
		}
	}
	num(len(m.edits))
	for _, e := range m.edits {
		num(e.strip)
		str(e.app)
	}
	num(len(m.tags))
	for _, tag := range slices.Sorted(maps.Keys(m.tags)) {
		str(tag)
		rules(m.tags[tag].suffix)
		rules(m.tags[tag].except)
	}
	num(len(m.pairs))
	for _, p := range slices.Sorted(maps.Keys(m.pairs)) {
		str(p)
		rules(m.pairs[p])
	}
	num(len(m.lex))
	prev := ""
	for _, k := range slices.Sorted(maps.Keys(m.lex)) {
		raw = frontCode(raw, prev, k)
		raw = append(raw, m.lex[k])
		prev = k
	}
	var b bytes.Buffer
	b.WriteString(magic)
	w, err := flate.NewWriter(&b, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	w.Write(raw)
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// frontCode appends k as the length of the prefix it shares with prev and
// the rest of it.
func frontCode(b []byte, prev, k string) []byte {
	n := 0
	for n < len(prev) && n < len(k) && prev[n] == k[n] {
		n++
	}
	b = binary.AppendUvarint(b, uint64(n))
	b = binary.AppendUvarint(b, uint64(len(k)-n))
	return append(b, k[n:]...)
}

// Load reads a model written by MarshalBinary. It returns an error of Kind
// parley.Invalid when the input is not such a model, parley.IO when
// reading fails.
func Load(r io.Reader) (*Model, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, parley.E("lemma.Load", parley.IO, err)
	}
	m := new(Model)
	if err := m.UnmarshalBinary(b); err != nil {
		return nil, err
	}
	return m, nil
}

// errCorrupt reports a malformed model body.
var errCorrupt = errors.New("corrupt model")

// UnmarshalBinary replaces m with the model encoded in b. It returns an
// error of Kind parley.Invalid when b is not a model of this format.
func (m *Model) UnmarshalBinary(b []byte) error {
	const op = "lemma.UnmarshalBinary"
	rest, ok := bytes.CutPrefix(b, []byte(magic))
	if !ok {
		if len(b) >= len(magic) && bytes.HasPrefix(b, []byte(magic[:len(magic)-1])) {
			return parley.E(op, parley.Invalid, fmt.Errorf("model format version %d, want %d", b[len(magic)-1], magic[len(magic)-1]))
		}
		return parley.E(op, parley.Invalid, errors.New("not a lemma model"))
	}
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(rest)))
	if err != nil {
		return parley.E(op, parley.Invalid, err)
	}
	d := perceptron.Decoder{B: raw}
	nm := Model{edits: make([]edit, d.Count(2))}
	for i := range nm.edits {
		nm.edits[i] = edit{d.Int(), d.Str()}
		if !utf8.ValidString(nm.edits[i].app) {
			d.Fail()
		}
	}
	rules := func() map[string]rule {
		n := d.Count(3)
		rs := make(map[string]rule, n)
		prev := ""
		for range n {
			k := d.Key(prev)
			r := rule(d.Int())
			if int(r>>1) >= len(nm.edits) {
				d.Fail()
				break
			}
			rs[k], prev = r, k
		}
		return rs
	}
	nm.tags = make(map[string]*table)
	for n := d.Count(3); n > 0 && d.Err == nil; n-- {
		tag := d.Str()
		nm.tags[tag] = &table{class: classOf(tag), suffix: rules(), except: rules()}
	}
	nm.pairs = make(map[string]map[string]rule)
	for n := d.Count(2); n > 0 && d.Err == nil; n-- {
		p := d.Str()
		nm.pairs[p] = rules()
	}
	n := d.Count(3)
	nm.lex = make(map[string]uint8, n)
	prev := ""
	for range n {
		k := d.Key(prev)
		nm.lex[k], prev = d.Byte(), k
	}
	if d.Err != nil || len(d.B) != 0 {
		return parley.E(op, parley.Invalid, errCorrupt)
	}
	*m = nm
	return nil
}
