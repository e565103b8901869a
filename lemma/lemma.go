// Package lemma is the `lemma` stage: it gives every token its Universal
// Dependencies lemma ("went" → "go", "studies" → "study", "n't" → "not").
//
// A Model is learned from a treebank (Train) in the manner of the edit-tree
// lemmatizers of UDPipe and spaCy. Each training word is reduced to an edit
// of its form, "strip k bytes, append s", applied either to the form as
// written or to its lower-cased form: UD English lemmas keep the case of
// proper names and lower-case everything else, and which of the two a word
// takes is learned with its edit. For each tag the model keeps
//
//   - a suffix table mapping word endings of up to six bytes to the most
//     frequent edit and case among the word types that end so (an ending
//     needs three word types and is kept only where it differs from the
//     ending one letter shorter), and
//   - an exception table mapping lower-cased forms to their most frequent
//     edit, kept only where the suffix table gets them wrong ("went",
//     "ca" → "can", "wo" → "will", "'s" → "be" as VBZ and "'s" as POS).
//
// A word is lemmatized by its exception if it has one, else by the rule of
// its longest known ending. For verbs, nouns, adjectives and adverbs a
// lexicon of the lemmas seen in training checks that rule: when its lemma
// is unknown, the rules of shorter endings are tried, then a restored
// silent e ("provoking" → "provoke") or an undoubled final consonant
// ("modelling" → "model"). Tables exist per XPOS tag, per UPOS tag and for
// no tag, so that a token with only one tag, or none, still gets a lemma;
// words whose lemma depends on the (XPOS, UPOS) pair have entries for the
// pair. Numerals written with digit-group commas lose the commas
// ("12,500" → "12500"), as in UD English.
//
// The shipped model, lemma.model, is learned from the train splits of UD
// English EWT and GUM, EWT's examples counting twice so that its
// conventions win where the two disagree ("people" is its own lemma in
// EWT, "person" in GUM). scripts/train-models.sh rebuilds it, byte for
// byte, with `parley train lemma`.
package lemma

import (
	"context"
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/internal/wordcache"
)

// Example is one training word: its form, tags and gold lemma.
type Example struct {
	Form, UPOS, XPOS, Lemma string
	// Weight is how many times the example counts (0 means 1): giving one
	// treebank's examples more weight makes its conventions win where the
	// treebanks disagree.
	Weight int
}

// maxSuffix is the longest word ending, in bytes, that the suffix tables
// index.
const maxSuffix = 6

// An edit turns a base (the form, or the lower-cased form) into a lemma:
// strip strip bytes from its end, then append app.
type edit struct {
	strip int
	app   string
}

// A rule is an index into Model.edits shifted left by one, with the low bit
// set when the edit applies to the form as written rather than to the
// lower-cased form.
type rule uint32

// keepCase is the rule bit that keeps the case of the form.
const keepCase rule = 1

// table holds the rules for one tag.
type table struct {
	class  uint8           // the lexicon classes of the tag
	suffix map[string]rule // lower-cased word ending → rule
	except map[string]rule // lower-cased form → rule
}

// Model is a learned lemmatizer. It is read-only once built and safe for
// concurrent use.
type Model struct {
	edits []edit
	tags  map[string]*table          // by XPOS, by " UPOS", and "" for no tag
	pairs map[string]map[string]rule // "XPOS UPOS" → lower-cased form → rule
	lex   map[string]uint8           // lower-cased lemma → word classes it is a lemma of
}

// Lemma returns the lemma of form given its tags. The XPOS tag chooses the
// table; words whose lemma depends on the UPOS tag too ("United" as NNP
// VERB → "Unite") have entries for the pair. Without a known XPOS tag the
// UPOS tag chooses the table, and without either the table learned from
// all words does. It returns "" only for an empty form; for valid UTF-8 input
// it returns valid UTF-8.
func (m *Model) Lemma(form, upos, xpos string) string {
	if form == "" {
		return ""
	}
	if number(form) {
		return strings.ReplaceAll(form, ",", "")
	}
	t := m.tags[xpos]
	if t == nil || xpos == "" {
		if t = m.tags[" "+upos]; t == nil {
			if t = m.tags[""]; t == nil {
				return form
			}
		}
	}
	lower := strings.ToLower(form)
	if r, ok := m.pairs[xpos+" "+upos][lower]; ok {
		if l, ok := m.apply(r, form, lower); ok {
			return l
		}
	}
	if l, _, ok := m.lookup(t, form, lower); ok {
		// A past tense tagged as a participle or the other way round
		// ("Ethiopia broken down a treaty"): where this tag's rules
		// make up a verb that does not exist ("brokin"), the other
		// tag's may know the form ("break").
		if sib := pastSibling(xpos); sib != "" && t.class != 0 && !m.known(t, l) {
			if st := m.tags[sib]; st != nil {
				if sl, _, ok := m.lookup(st, form, lower); ok && m.known(st, sl) {
					return sl
				}
			}
		}
		return l
	}
	return form
}

// pastSibling returns the other of the tags of the past tense and the
// past participle, or "".
func pastSibling(xpos string) string {
	switch xpos {
	case "VBD":
		return "VBN"
	case "VBN":
		return "VBD"
	}
	return ""
}

// lookup returns the lemma and rule that t gives a word: its exception, or
// its suffix rule.
func (m *Model) lookup(t *table, form, lower string) (string, rule, bool) {
	if r, ok := t.except[lower]; ok {
		if l, ok := m.apply(r, form, lower); ok {
			return l, r, true
		}
	}
	return m.bySuffixRule(t, form, lower)
}

// bySuffixRule returns the lemma and rule that t's suffix table gives a
// word: the rule of the longest known ending of lower that applies, unless
// t's class is open (verb, noun, adjective, adverb) and the lexicon does
// not know the lemma for it. Then the rules of shorter endings are tried
// for a known lemma, and failing that a silent e is restored ("provok" →
// "provoke") or a final double consonant undoubled ("modell" → "model")
// when that gives a known lemma.
func (m *Model) bySuffixRule(t *table, form, lower string) (string, rule, bool) {
	var first string
	var firstR rule
	for n := min(maxSuffix, len(lower)); n >= 0; n-- {
		i := len(lower) - n
		if i < len(lower) && !utf8.RuneStart(lower[i]) {
			continue
		}
		r, ok := t.suffix[lower[i:]]
		if !ok {
			continue
		}
		l, ok := m.apply(r, form, lower)
		if !ok {
			continue
		}
		if first == "" {
			first, firstR = l, r
		}
		if t.class == 0 || m.known(t, l) {
			return l, r, true
		}
	}
	if first == "" {
		return "", 0, false
	}
	if l := first + "e"; m.known(t, l) {
		return l, firstR, true
	}
	// A verb made from an adjective or noun the treebanks never use as one
	// ("freed" → "free", as in "rebels freed the hostages"): the silent e
	// restores a lemma known in another class, when the rule's own is
	// known in none.
	if l := first + "e"; t.class != 0 && m.lex[strings.ToLower(first)] == 0 && m.lex[strings.ToLower(l)] != 0 {
		return l, firstR, true
	}
	if n := len(first); n > 2 && first[n-1] == first[n-2] && m.known(t, first[:n-1]) {
		return first[:n-1], firstR, true
	}
	return first, firstR, true
}

// known reports whether the lexicon knows l as a lemma of t's class.
func (m *Model) known(t *table, l string) bool {
	return m.lex[strings.ToLower(l)]&t.class != 0
}

// apply applies r to form (or to lower, its lower-cased form). It reports
// false when the edit does not fit the word or would leave nothing.
func (m *Model) apply(r rule, form, lower string) (string, bool) {
	base := lower
	if r&keepCase != 0 {
		base = form
	}
	e := m.edits[r>>1]
	cut := len(base) - e.strip
	if cut < 0 || cut < len(base) && !utf8.RuneStart(base[cut]) || cut+len(e.app) == 0 {
		return "", false
	}
	if e.app == "" {
		return base[:cut], true
	}
	return base[:cut] + e.app, true
}

// number reports whether s is a numeral written with digit-group commas,
// "12,500" or "3,000.5": UD English lemmas drop the commas.
func number(s string) bool {
	if strings.IndexByte(s, ',') < 0 {
		return false
	}
	whole, frac, dot := strings.Cut(s, ".")
	if dot && !digits(frac) {
		return false
	}
	first, rest, _ := strings.Cut(whole, ",")
	if len(first) > 3 || !digits(first) {
		return false
	}
	for {
		switch {
		case len(rest) < 3 || !digits(rest[:3]):
			return false
		case len(rest) == 3:
			return true
		case rest[3] != ',':
			return false
		}
		rest = rest[4:]
	}
}

// digits reports whether s is a non-empty run of ASCII digits.
func digits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Lemmatizer is the `lemma` stage. It is safe for concurrent use.
type Lemmatizer struct {
	m     *Model
	cache sync.Pool // *lemmaCache
}

// lemmaCache remembers the lemmas of the forms and tags a goroutine has
// seen (Model.Lemma is a function of them): a repeated word costs one
// lookup instead of the model's several. A form and its tags are keyed as
// the form, a zero byte and the number of the tag pair, so that most keys
// are short enough for the form cache to keep in its slots. Its strings
// are copies, so that it holds no document's text.
type lemmaCache struct {
	lemmas *wordcache.Table[string] // key → lemma
	tags   map[tagPair]byte         // tag pair → its number, from 1
	key    []byte
}

type tagPair struct{ upos, xpos string }

// maxCached is the most entries a lemmaCache keeps before it starts over.
const maxCached = 1 << 15

// lookup returns the lemma of form with tags upos and xpos.
func (c *lemmaCache) lookup(m *Model, form, upos, xpos string) string {
	id, ok := c.tags[tagPair{upos, xpos}]
	if !ok {
		if len(c.tags) == 255 {
			clear(c.tags)
			c.lemmas.Clear() // the keys go with their numbers
		}
		id = byte(len(c.tags) + 1)
		c.tags[tagPair{strings.Clone(upos), strings.Clone(xpos)}] = id
	}
	c.key = append(append(append(c.key[:0], form...), 0), id)
	if lem, ok := c.lemmas.Get(string(c.key)); ok {
		return lem
	}
	lem := strings.Clone(m.Lemma(form, upos, xpos))
	c.lemmas.Put(string(c.key), lem)
	return lem
}

// New returns a Lemmatizer that uses m.
func New(m *Model) *Lemmatizer { return &Lemmatizer{m: m} }

//go:embed lemma.model
var modelFile string

var defaultModel = sync.OnceValues(func() (*Model, error) {
	return Load(strings.NewReader(modelFile))
})

// LoadDefault loads the embedded model afresh (Default loads it once and
// shares it); it is there to measure loading.
func LoadDefault() (*Lemmatizer, error) {
	m, err := Load(strings.NewReader(modelFile))
	if err != nil {
		return nil, err
	}
	return New(m), nil
}

// Default returns a Lemmatizer that uses the embedded model, lemma.model.
// The model is loaded once and shared.
func Default() (*Lemmatizer, error) {
	m, err := defaultModel()
	if err != nil {
		return nil, err
	}
	return New(m), nil
}

// Process sets Token.Lemma for every token of d from its text and tags
// (the stage requires parley.LayerPOS, but untagged tokens get the lemma
// the form alone suggests). Following the convention of parley.Token, a
// lemma equal to the token text is stored as ""; Of reads either back.
// URLs, e-mail addresses, handles and hashtags are their own lemma.
func (l *Lemmatizer) Process(ctx context.Context, d *parley.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c, _ := l.cache.Get().(*lemmaCache)
	if c == nil {
		c = &lemmaCache{lemmas: wordcache.NewTable[string](maxCached), tags: map[tagPair]byte{}}
	}
	defer l.cache.Put(c)
	for i := range d.Tokens {
		t := &d.Tokens[i]
		t.Lemma = ""
		if t.Kind >= parley.TokURL {
			continue
		}
		form := d.Text[t.Start:t.End]
		if lem := c.lookup(l.m, form, t.UPOS, t.XPOS); lem != form {
			t.Lemma = lem
		}
	}
	return nil
}

// Of returns the lemma of token i of d: its Lemma, or its text when the
// lemma is the text itself.
func Of(d *parley.Doc, i int) string {
	if l := d.Tokens[i].Lemma; l != "" {
		return l
	}
	return d.TokenText(i)
}
