// Package ner is the `ner` stage: it finds the names of people,
// organisations, places and other things (CoNLL-2003 PER, ORG, LOC, MISC)
// in each sentence, and gives places and MISC names a finer subtype from
// a gazetteer (GPE or LOC, NORP or EVENT).
//
// A greedy left-to-right tagger over BILOU classes (Ratinov & Roth 2009)
// scored by an averaged perceptron reads each word, its shape, prefixes
// and suffixes, its neighbours, its word cluster, the phrases of the
// gazetteer lexicon it belongs to, the classes already chosen, and the
// type the same word last had in the document. After tagging, one name
// keeps one type in a document: mentions of the same name take the type
// most of them have, and a surname alone takes the type of the full name
// seen before it.
//
// The model (ner.model) is trained on CoNLL++ with `parley train ner`,
// and the lexicon (lexicon.bin) compiled from the GeoNames-derived
// sources; both are embedded.
package ner

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/cluster"
	"github.com/parley-events/parley/internal/modelfile"
	"github.com/parley-events/parley/internal/wordcache"
	"github.com/parley-events/parley/perceptron"
)

// Types, in class order.
var types = []parley.EntityType{parley.PER, parley.ORG, parley.LOC, parley.MISC}

// Classes: 0 is O; 1+4t+p is position p (B, I, L, U) of type t.
const (
	posB = iota
	posI
	posL
	posU
)

func classOf(t, p int) int { return 1 + 4*t + p }
func typeOf(c int) int     { return (c - 1) / 4 }
func posOf(c int) int      { return (c - 1) % 4 }

// classLabels returns the class names: "O", "B-PER", …
func classLabels() []string {
	out := []string{"O"}
	for _, t := range types {
		for _, p := range "BILU" {
			out = append(out, string(p)+"-"+string(t))
		}
	}
	return out
}

// valid reports whether class c may follow class prev (-1 at the start of
// a sentence); last says c is for the sentence's last word.
func valid(prev, c int, last bool) bool {
	open := prev > 0 && (posOf(prev) == posB || posOf(prev) == posI)
	if open {
		if c == 0 || typeOf(c) != typeOf(prev) {
			return false
		}
		p := posOf(c)
		return p == posL || p == posI && !last
	}
	if c == 0 {
		return true
	}
	p := posOf(c)
	return p == posU || p == posB && !last
}

// Model is a trained recognizer: the perceptron and the word clusters it
// was trained with.
type Model struct {
	p    *perceptron.Model
	clus map[string]cluster.Cluster
}

// Recognizer is the `ner` stage. It is safe for concurrent use.
type Recognizer struct {
	m    *Model
	lex  *Lexicon
	pool sync.Pool // *state
}

// New returns a Recognizer using m and lex (lex may be nil: no gazetteer
// features and no subtypes).
func New(m *Model, lex *Lexicon) *Recognizer { return &Recognizer{m: m, lex: lex} }

//go:embed ner.model
var nerModel []byte

//go:embed lexicon.bin
var lexiconBin []byte

// LoadDefault loads the embedded model and lexicon afresh (Default loads
// them once and shares them).
func LoadDefault() (*Recognizer, error) {
	m, err := LoadBytes(nerModel)
	if err != nil {
		return nil, fmt.Errorf("embedded ner.model: %w", err)
	}
	lex, err := LoadLexicon(lexiconBin)
	if err != nil {
		return nil, fmt.Errorf("embedded lexicon.bin: %w", err)
	}
	return New(m, lex), nil
}

var defaultRecognizer = sync.OnceValues(LoadDefault)

// Default returns the recognizer built from the embedded model and
// lexicon, loading them on first use.
func Default() (*Recognizer, error) { return defaultRecognizer() }

// state is the per-goroutine scratch space of a Recognizer.
type state struct {
	s      sentence
	words  []string
	units  []parley.Span // token span of each word
	tags   []int
	feats  []uint64
	scores []float32
	hist   map[string]string
}

// Process sets d.Entities from d's sentences; it reads Tokens and
// Sentences.
func (r *Recognizer) Process(ctx context.Context, d *parley.Doc) error {
	st, _ := r.pool.Get().(*state)
	if st == nil {
		st = &state{scores: make([]float32, r.m.p.Classes()), hist: map[string]string{}}
		st.s.forms = wordcache.NewTable[wordForm](maxForms)
	}
	defer r.pool.Put(st)
	clear(st.hist)
	d.Entities = d.Entities[:0]
	for _, sent := range d.Sentences {
		st.words, st.units = words(d, sent.Tokens, st.words[:0], st.units[:0])
		tags := r.tag(st, st.words)
		for _, e := range spans(tags) {
			e.Tokens = parley.Span{Start: st.units[e.Tokens.Start].Start, End: st.units[e.Tokens.End-1].End}
			d.Entities = append(d.Entities, e)
		}
	}
	harmonize(d)
	if r.lex != nil {
		for i := range d.Entities {
			e := &d.Entities[i]
			st.words, st.units = words(d, e.Tokens, st.words[:0], st.units[:0])
			c := r.lex.Lookup(st.words)
			if c&Organization != 0 && c&(Country|Demonym) == 0 {
				e.Type = parley.ORG // a news agency or international body whatever the context
			}
			e.Subtype = subtype(e.Type, c, st.words)
		}
	}
	return nil
}

// words appends the words of the tokens in span as the recognizer reads
// them, and the token span of each: tokens joined by hyphens or slashes
// with no space between ("Agence France-Presse", "Al-Shabaab") are one
// word, as in the CoNLL data the model learned from, while parley's
// tokenizer splits them as UD does.
func words(d *parley.Doc, span parley.Span, dst []string, units []parley.Span) ([]string, []parley.Span) {
	for i := span.Start; i < span.End; i++ {
		j := i + 1
		for j+1 < span.End && isJoiner(d.TokenText(j)) &&
			d.Tokens[j].Start == d.Tokens[j-1].End && d.Tokens[j+1].Start == d.Tokens[j].End {
			j += 2
		}
		dst = append(dst, d.Text[d.Tokens[i].Start:d.Tokens[j-1].End])
		units = append(units, parley.Span{Start: i, End: j})
		i = j - 1
	}
	return dst, units
}

func isJoiner(t string) bool { return t == "-" || t == "/" }

// tag chooses the classes of words, updating the document history.
func (r *Recognizer) tag(st *state, words []string) []int { return r.tagWords(st, words, true) }

// tagWords is tag; skip says a word no name may start at, with none
// open, is not scored (its class is known), which changes no class
// (TestSkipIsExact scores every word).
func (r *Recognizer) tagWords(st *state, words []string, skip bool) []int {
	st.s.prepare(words, r.lex, r.m.clus)
	st.tags = st.tags[:0]
	for i := range words {
		prev := -1
		if i > 0 {
			prev = st.tags[i-1]
		}
		open := prev > 0 && (posOf(prev) == posB || posOf(prev) == posI)
		// In a sentence not in capitals, a name starts with a capital or a
		// digit ("interior ministry" is not one, "al-Qaeda" is).
		canStart := st.s.caps || st.s.title || hasUpperOrDigit(words[i])
		if skip && !open && !canStart {
			// No name is open and none may start: the word is outside
			// one whatever the scores, so they are not computed.
			st.tags = append(st.tags, 0)
			continue
		}
		st.feats = st.s.features(st.feats[:0], i, st.tags, st.hist[st.s.lower[i]])
		r.m.p.Score(st.feats, st.scores)
		last := i == len(words)-1
		best := bestValid(st.scores, prev, last, canStart)
		// An entity left open is closed rather than stretched over a word
		// the model would rather start afresh: "the BBC that" is not a name.
		if open {
			if free := bestValid(st.scores, -1, last, canStart); st.scores[free] > st.scores[best] {
				close := posL
				if posOf(prev) == posB {
					close = posU
				}
				st.tags[i-1] = classOf(typeOf(prev), close)
				best = free
			}
		}
		st.tags = append(st.tags, best)
	}
	remember(st.hist, st.s.lower, st.tags)
	return st.tags
}

// bestValid returns the class with the highest score that may follow
// prev; start says the word may begin a name.
func bestValid(scores []float32, prev int, last, start bool) int {
	best := -1
	for c, v := range scores {
		if valid(prev, c, last) && (start || c == 0 || posOf(c) == posI || posOf(c) == posL) && (best < 0 || v > scores[best]) {
			best = c
		}
	}
	return best
}

func hasUpperOrDigit(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// remember records, for each word of an entity, the entity's type.
func remember(hist map[string]string, lower []string, tags []int) {
	for i, c := range tags {
		if c > 0 && isNameWord(lower[i]) {
			hist[lower[i]] = string(types[typeOf(c)])
		}
	}
}

// isNameWord reports whether a word is worth remembering: not a short
// function word that names share with prose.
func isNameWord(w string) bool {
	switch w {
	case "the", "of", "and", "for", "de", "la", "'s", "-", ".", ",", "&":
		return false
	}
	return len(w) > 1
}

// spans returns the entities of a sentence's classes, with token spans
// relative to the sentence.
func spans(tags []int) []parley.Entity {
	var out []parley.Entity
	start := -1
	for i, c := range tags {
		if c == 0 {
			start = -1
			continue
		}
		switch posOf(c) {
		case posB:
			start = i
		case posU:
			out = append(out, parley.Entity{Tokens: parley.Span{Start: i, End: i + 1}, Type: types[typeOf(c)]})
			start = -1
		case posL:
			if start >= 0 {
				out = append(out, parley.Entity{Tokens: parley.Span{Start: start, End: i + 1}, Type: types[typeOf(c)]})
			}
			start = -1
		}
	}
	return out
}

// harmonize keeps people people within a document: a later mention of a
// name first seen as a person, or of the last word of a person's full
// name ("Zelensky" after "Volodymyr Zelensky"), is a person too. (Voting
// every name to its majority type costs 0.5 F1 on CoNLL dev, where a
// country's name is a place in one sentence and its team in the next.)
func harmonize(d *parley.Doc) {
	people := map[string]bool{}
	for i := range d.Entities {
		e := &d.Entities[i]
		k := strings.ToLower(d.SpanText(e.Tokens))
		if e.Type != parley.PER && people[k] {
			e.Type = parley.PER
		}
		if e.Type == parley.PER {
			people[k] = true
			if e.Tokens.Len() > 1 {
				people[strings.ToLower(d.TokenText(e.Tokens.End-1))] = true
			}
		}
	}
}

// eventWords end the names of events: "the World Cup", "the Munich
// Security Conference".
var eventWords = map[string]bool{
	"war": true, "cup": true, "games": true, "olympics": true, "championship": true,
	"championships": true, "summit": true, "conference": true, "election": true,
	"elections": true, "festival": true, "revolution": true, "forum": true,
	"uprising": true, "crisis": true, "offensive": true, "tournament": true,
	"open": true, "grand": true, "prix": true, "marathon": true, "expo": true,
}

// subtype returns the finer type that the lexicon supports for a name of
// type t in lists c: GPE for a place that is a country, city or region
// and LOC for other places; NORP for a nationality and EVENT for an event
// among MISC names.
func subtype(t parley.EntityType, c Category, words []string) string {
	switch t {
	case parley.LOC:
		if c&(Country|City|Region|Capital) != 0 {
			return "GPE"
		}
		return "LOC"
	case parley.MISC:
		if c&Demonym != 0 {
			return "NORP"
		}
		if eventWords[foldWord(words[len(words)-1])] {
			return "EVENT"
		}
	}
	return ""
}

const magic = "parley-ner-1\n"

// MarshalBinary returns the model's serialised form: the clusters, then
// the perceptron. The same model always gives the same bytes.
func (m *Model) MarshalBinary() ([]byte, error) {
	p, err := m.p.MarshalBinary()
	if err != nil {
		return nil, err
	}
	e := perceptron.Encoder{B: []byte(magic)}
	cl := cluster.Marshal(m.clus)
	e.Int(len(cl))
	e.B = append(e.B, cl...)
	return append(e.B, p...), nil
}

// Load reads a model written by MarshalBinary.
func Load(r io.Reader) (*Model, error) { return modelfile.Read("ner.Load", r, LoadBytes) }

// LoadBytes is Load for a model in memory (an embedded file, read without
// a copy); the model keeps no reference to b.
func LoadBytes(b []byte) (*Model, error) {
	fail := func(err error) (*Model, error) { return nil, parley.E("ner.Load", parley.Invalid, err) }
	rest, ok := bytes.CutPrefix(b, []byte(magic))
	if !ok {
		return fail(fmt.Errorf("not a parley NER model (bad header)"))
	}
	d := &perceptron.Decoder{B: rest}
	n := d.Count(1)
	if d.Err != nil {
		return fail(d.Err)
	}
	clus, err := cluster.Unmarshal(bytes.NewReader(d.B[:n]))
	if err != nil {
		return nil, err
	}
	p, err := perceptron.LoadBytes(d.B[n:])
	if err != nil {
		return nil, err
	}
	want := classLabels()
	if len(p.Labels) != len(want) {
		return fail(fmt.Errorf("%d classes, want %d", len(p.Labels), len(want)))
	}
	for i, l := range want {
		if p.Labels[i] != l {
			return fail(fmt.Errorf("class %d is %q, want %q", i, p.Labels[i], l))
		}
	}
	return &Model{p: p, clus: clus}, nil
}
