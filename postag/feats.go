package postag

// This file is self-contained: the features table learned from a treebank,
// its encoding and its decoding (feats.model).
//
// The shipped feats.model is learned from the train splits of UD English
// EWT and GUM by `parley train tagger` (scripts/train-models.sh), and
// rebuilt, byte for byte, by
//
//	go test ./postag -run '^TestFeatsModelFile$' -rebuild-feats
//
// which, run without the flag, fails when the committed file is stale.

import (
	"errors"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/perceptron"
)

// FeatsExample is one training word: its form, tags and gold UD features
// ("" for none).
type FeatsExample struct{ Form, UPOS, XPOS, Feats string }

// FeatsTable gives the UD morphological features of a word from its form
// and tags: the features most often seen with the lower-cased form and the
// tag pair, when seen at least minFeatsSeen times, else those most often
// seen with the tag pair. It is read-only once built and safe for
// concurrent use.
type FeatsTable struct {
	feats []string              // the distinct feature strings, sorted
	pairs map[string]*featsPair // "XPOS UPOS" → table
}

// featsPair holds the features for one tag pair, as indexes into
// FeatsTable.feats.
type featsPair struct {
	def   uint32
	forms map[string]uint32 // lower-cased form → features, where they differ from def
}

// minFeatsSeen is the number of times a form must be seen with a tag pair
// for its own features to be kept.
const minFeatsSeen = 2

// TrainFeats learns a FeatsTable from ex. Ties go to the
// lexicographically smaller feature string, so the same examples in any
// order give the same table and the same bytes from MarshalBinary.
func TrainFeats(ex []FeatsExample) *FeatsTable {
	type counts map[string]int
	pairs := map[string]counts{}
	forms := map[string]map[string]counts{} // pair → lower-cased form → feats counts
	for _, x := range ex {
		p := x.XPOS + " " + x.UPOS
		if pairs[p] == nil {
			pairs[p], forms[p] = counts{}, map[string]counts{}
		}
		pairs[p][x.Feats]++
		lower := strings.ToLower(x.Form)
		if forms[p][lower] == nil {
			forms[p][lower] = counts{}
		}
		forms[p][lower][x.Feats]++
	}
	best := func(c counts) (string, int) {
		var b string
		n, total := -1, 0
		for f, k := range c {
			if total += k; k > n || k == n && f < b {
				b, n = f, k
			}
		}
		return b, total
	}
	type entry struct{ pair, form, feats string }
	var entries []entry
	for p, c := range pairs {
		def, _ := best(c)
		entries = append(entries, entry{p, "", def})
		for lower, c := range forms[p] {
			if f, n := best(c); n >= minFeatsSeen && f != def {
				entries = append(entries, entry{p, lower, f})
			}
		}
	}
	vocab := map[string]bool{}
	for _, e := range entries {
		vocab[e.feats] = true
	}
	t := &FeatsTable{feats: slices.Sorted(maps.Keys(vocab)), pairs: map[string]*featsPair{}}
	for _, e := range entries {
		i, _ := slices.BinarySearch(t.feats, e.feats)
		fp := t.pairs[e.pair]
		if fp == nil {
			fp = &featsPair{forms: map[string]uint32{}}
			t.pairs[e.pair] = fp
		}
		if e.form == "" {
			fp.def = uint32(i)
		} else {
			fp.forms[e.form] = uint32(i)
		}
	}
	return t
}

// Feats returns the UD features of form tagged upos and xpos, or "" when
// the table knows nothing of the tag pair.
func (t *FeatsTable) Feats(form, upos, xpos string) string {
	fp := t.pairs[xpos+" "+upos]
	if fp == nil {
		return ""
	}
	if i, ok := fp.forms[strings.ToLower(form)]; ok {
		return t.feats[i]
	}
	return t.feats[fp.def]
}

// featsMagic opens an encoded table; its last byte is the format version.
const featsMagic = "parley-feats\x01"

// MarshalBinary encodes t: the magic header, then a DEFLATE stream of
// uvarints and length-prefixed strings: the sorted feature strings, then
// for each tag pair in order its default and its forms, sorted and
// front-coded, each with its features. Equal tables give equal bytes.
func (t *FeatsTable) MarshalBinary() ([]byte, error) {
	var e perceptron.Encoder
	num, str := e.Int, e.Str
	num(len(t.feats))
	for _, f := range t.feats {
		str(f)
	}
	num(len(t.pairs))
	for _, p := range slices.Sorted(maps.Keys(t.pairs)) {
		fp := t.pairs[p]
		str(p)
		num(int(fp.def))
		num(len(fp.forms))
		prev := ""
		for _, k := range slices.Sorted(maps.Keys(fp.forms)) {
			e.Key(prev, k)
			num(int(fp.forms[k]))
			prev = k
		}
	}
	return e.Deflate(featsMagic)
}

// LoadFeats reads a table written by FeatsTable.MarshalBinary. It returns
// an error of Kind parley.Invalid when the input is not such a table,
// parley.IO when reading fails.
func LoadFeats(r io.Reader) (*FeatsTable, error) {
	const op = "postag.LoadFeats"
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, parley.E(op, parley.IO, err)
	}
	raw, err := perceptron.Inflate(b, featsMagic, "features table")
	if err != nil {
		return nil, parley.E(op, parley.Invalid, err)
	}
	d := perceptron.Decoder{B: raw}
	t := &FeatsTable{feats: make([]string, d.Count(1)), pairs: map[string]*featsPair{}}
	for i := range t.feats {
		t.feats[i] = d.Str()
	}
	index := func() uint32 {
		i := d.Int()
		if i >= len(t.feats) {
			d.Fail()
			return 0
		}
		return uint32(i)
	}
	for n := d.Count(3); n > 0 && d.Err == nil; n-- {
		p := d.Str()
		fp := &featsPair{def: index()}
		forms := d.Count(3)
		fp.forms = make(map[string]uint32, forms)
		prev := ""
		for range forms {
			shared := d.Int()
			if shared > len(prev) {
				d.Fail()
				break
			}
			k := prev[:shared] + d.Str()
			fp.forms[k], prev = index(), k
		}
		t.pairs[p] = fp
	}
	if d.Err != nil || len(d.B) != 0 {
		return nil, parley.E(op, parley.Invalid, errors.New("corrupt features table"))
	}
	return t, nil
}
