package lemma

import (
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
	var e perceptron.Encoder
	num, str := e.Int, e.Str
	rules := func(rs map[string]rule) {
		num(len(rs))
		prev := ""
		for _, k := range slices.Sorted(maps.Keys(rs)) {
			e.Key(prev, k)
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
		e.Key(prev, k)
		e.Byte(m.lex[k])
		prev = k
	}
	return e.Deflate(magic)
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

// UnmarshalBinary replaces m with the model encoded in b. It returns an
// error of Kind parley.Invalid when b is not a model of this format.
func (m *Model) UnmarshalBinary(b []byte) error {
	const op = "lemma.UnmarshalBinary"
	raw, err := perceptron.Inflate(b, magic, "lemma model")
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
		return parley.E(op, parley.Invalid, perceptron.ErrCorrupt)
	}
	*m = nm
	return nil
}
