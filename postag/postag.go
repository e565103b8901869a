// Package postag is the `postag` stage: a greedy averaged-perceptron
// tagger that assigns each token its Universal POS tag and Penn Treebank
// tag (predicted jointly, as one class) and its UD morphological features.
//
// The model is trained in-repo on UD English EWT and GUM (see Train and
// `parley train tagger`) and embedded in the binary (tagger.model; the
// features table is feats.model). Features follow the classic recipe
// (Collins 2002; Honnibal's "200 lines" tagger): the word, its affixes and
// shape, the words around it, and the two previous predicted tags; words
// seen often enough with a single tag are tagged from a dictionary.
package postag

import (
	"bytes"
	"cmp"
	"context"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/cluster"
	"github.com/parley-events/parley/internal/modelfile"
	"github.com/parley-events/parley/internal/wordcache"
	"github.com/parley-events/parley/perceptron"
)

// Model is a trained tagger: the perceptron, its class labels split into
// UPOS and XPOS, and the dictionary of unambiguous frequent words.
type Model struct {
	p       *perceptron.Model
	upos    []string
	xpos    []string
	tagdict map[string]int32  // exact form → class
	ambig   map[string]string // normalised form → its ambiguity class
	clus    map[string]cluster.Cluster
	// aux holds the lower-cased forms training saw as auxiliaries;
	// isAux marks the classes whose UPOS is AUX.
	aux   map[string]bool
	isAux []bool
	prep  int // the class ADP IN, or -1
	sconj int // the class SCONJ IN, or -1
	vb    int // the class VERB VB, or -1
	to    int // the class PART TO, or -1
}

// prepositions are English words that are prepositions and nothing else
// but which the treebanks hold too seldom for the model to know ("amid"
// is once in their 382,000 training words and 107 times in the
// AFP/Xinhua articles, where the model read it as an adjective, a noun
// or a verb 65 times, breaking the parse around it). They are tagged
// ADP IN as the tag dictionary's words are.
var prepositions = map[string]bool{"amid": true, "amidst": true, "amongst": true, "among": true, "via": true, "onto": true, "versus": true, "unto": true, "notwithstanding": true}

// buildAux returns the lower-cased forms train has as auxiliaries. UD
// English's auxiliaries are a closed class (be, have, do, the modals and
// their spellings): an open-class word read as one ("The Kurds reject
// proposed changes" with "reject" as AUX) is an error every later stage
// inherits, since an auxiliary is never an event's verb.
func buildAux(train []Sentence) map[string]bool {
	out := map[string]bool{}
	for _, s := range train {
		for i, w := range s.Words {
			if s.UPOS[i] == "AUX" {
				out[strings.ToLower(w)] = true
			}
		}
	}
	return out
}

// setClasses fills isAux, prep, sconj, vb and to from the class labels.
func (m *Model) setClasses() {
	m.isAux = make([]bool, len(m.upos))
	m.prep, m.sconj, m.vb, m.to = -1, -1, -1, -1
	for c, u := range m.upos {
		if u == "PART" && m.xpos[c] == "TO" {
			m.to = c
		}
		m.isAux[c] = u == "AUX"
		if u == "ADP" && m.xpos[c] == "IN" {
			m.prep = c
		}
		if u == "SCONJ" && m.xpos[c] == "IN" {
			m.sconj = c
		}
		if u == "VERB" && m.xpos[c] == "VB" {
			m.vb = c
		}
	}
}

// best returns the best-scoring class for word w among those keep allows
// (all when keep is nil), ruling out the auxiliary classes for a word
// training never saw as one when aux is set; -1 when none is left.
func (m *Model) best(scores []float32, w string, keep func(int) bool, aux bool) int {
	v := perceptron.Best(scores, keep)
	if !aux || v < 0 || !m.isAux[v] || m.aux[strings.ToLower(w)] {
		return v
	}
	return perceptron.Best(scores, func(c int) bool { return !m.isAux[c] && (keep == nil || keep(c)) })
}

// Tagger is the `postag` stage. It is safe for concurrent use.
type Tagger struct {
	m     *Model
	feats *FeatsTable
	base  bool      // only the base decoding rules (see Base)
	pool  sync.Pool // *state
}

// New returns a Tagger using m and, when feats is not nil, the features
// table.
func New(m *Model, feats *FeatsTable) *Tagger {
	return &Tagger{m: m, feats: feats}
}

// Base returns a tagger of the same model that applies only the base
// decoding rules: a participle before an object (participles) and before
// a trailing attribution (finite, after a plain noun phrase) is the verb.
// The parser's jack-knifed training tags are made with it. The later
// rules (interjections, the day or "of" phrase before a verb, "have"
// before a participle, auxiliaries as a closed class, a past form read as
// an adjective, the rare prepositions) mend shapes the treebanks seldom
// have — together about 40 of their 382,000 training words — so a
// retrained parser would differ by noise alone, and the committed one is
// rebuilt byte for byte (TestBaseRulesFrozen).
func (t *Tagger) Base() *Tagger {
	return &Tagger{m: t.m, feats: t.feats, base: true}
}

//go:embed tagger.model
var taggerModel []byte

//go:embed feats.model
var featsModel []byte

var defaultTagger = sync.OnceValues(LoadDefault)

// LoadDefault loads the embedded models afresh (Default loads them once
// and shares them); it is there to measure loading.
func LoadDefault() (*Tagger, error) {
	m, err := LoadBytes(taggerModel)
	if err != nil {
		return nil, fmt.Errorf("embedded tagger.model: %w", err)
	}
	ft, err := LoadFeats(bytes.NewReader(featsModel))
	if err != nil {
		return nil, fmt.Errorf("embedded feats.model: %w", err)
	}
	return New(m, ft), nil
}

// Default returns the tagger built from the embedded models, loading them
// on first use.
func Default() (*Tagger, error) { return defaultTagger() }

type state struct {
	words  []string
	norms  []string
	ambs   []string
	clus   []cluster.Cluster
	tags   []int
	feats  []uint64
	scores []float32
	// What the tagger knows of each word form it has met: a form met
	// again costs one lookup instead of a normalisation, two dictionary
	// lookups and a dozen feature lookups.
	forms  *wordcache.Cache[int32] // form → index in known; made on first use
	known  []form
	sums   []int32 // the forms' summed word-feature weights, classes per form
	formOf []int32 // index in known of each word of the sentence
}

// form is what the tagger keeps of a word form.
type form struct {
	norm, amb string
	dict      int32 // its class in the tag dictionary, or -1
	sums      int32 // offset in state.sums of its summed weights, or -1 until needed
}

// maxForms bounds the forms a state keeps (about 3 MB); when full it
// starts afresh.
const maxForms = 1 << 14

// lookForms sets st.norms, st.ambs and st.formOf for words.
func (t *Tagger) lookForms(st *state, words []string) {
	if st.forms == nil {
		st.forms = wordcache.New[int32](maxForms)
	}
	if st.forms.Room(len(words)) { // (between sentences, so formOf stays valid)
		st.known, st.sums = st.known[:0], st.sums[:0]
	}
	st.norms, st.ambs, st.formOf = st.norms[:0], st.ambs[:0], st.formOf[:0]
	for _, w := range words {
		k, ok := st.forms.Get(w)
		if !ok {
			n := normalize(w)
			a := t.m.ambOf(n)
			d, ok := t.m.tagdict[w]
			if !ok {
				d = -1
			}
			k = int32(len(st.known))
			st.known = append(st.known, form{norm: n, amb: a, dict: int32(d), sums: -1})
			st.forms.Put(w, k)
		}
		f := &st.known[k]
		st.norms, st.ambs, st.formOf = append(st.norms, f.norm), append(st.ambs, f.amb), append(st.formOf, k)
	}
}

// wordSums returns the summed weights of the word features of word i
// (wordFeatures), adding them up the first time its form needs them.
func (t *Tagger) wordSums(st *state, words []string, i int) []int32 {
	nc := int32(t.m.p.Classes())
	f := &st.known[st.formOf[i]]
	if f.sums < 0 {
		f.sums = int32(len(st.sums))
		st.sums = append(st.sums, make([]int32, nc)...)
		st.feats = wordFeatures(st.feats[:0], words, st.norms, st.ambs, st.clus, i)
		t.m.p.Add(st.feats, st.sums[f.sums:f.sums+nc])
	}
	return st.sums[f.sums : f.sums+nc]
}

// Process tags every sentence of d: Token.UPOS, Token.XPOS and Token.Feats.
func (t *Tagger) Process(ctx context.Context, d *parley.Doc) error {
	st, _ := t.pool.Get().(*state)
	if st == nil {
		st = &state{scores: make([]float32, t.m.p.Classes())}
	}
	defer t.pool.Put(st)
	for _, s := range d.Sentences {
		st.words = st.words[:0]
		for i := s.Tokens.Start; i < s.Tokens.End; i++ {
			st.words = append(st.words, d.TokenText(i))
		}
		tags := t.tag(st, st.words)
		for j, c := range tags {
			tok := &d.Tokens[s.Tokens.Start+j]
			tok.UPOS, tok.XPOS = t.m.upos[c], t.m.xpos[c]
			if t.feats != nil {
				tok.Feats = t.feats.Feats(st.words[j], tok.UPOS, tok.XPOS)
			}
		}
	}
	return nil
}

// Tag returns the UPOS and XPOS tags of words.
func (t *Tagger) Tag(words []string) (upos, xpos []string) {
	st := &state{scores: make([]float32, t.m.p.Classes())}
	for _, c := range t.tag(st, words) {
		upos = append(upos, t.m.upos[c])
		xpos = append(xpos, t.m.xpos[c])
	}
	return upos, xpos
}

func (t *Tagger) tag(st *state, words []string) []int {
	t.lookForms(st, words)
	st.clus = clustersOf(st.clus[:0], t.m.clus, words)
	st.tags = st.tags[:0]
	t.tagFrom(st, words)
	t.participles(st, words)
	if !t.base {
		t.interjections(st, words)
	}
	t.finite(st, words)
	if !t.base {
		t.perfect(st, words)
		t.clauseOpeners(st, words)
		t.subordinatePresent(st, words)
		t.subjunctives(st, words)
		t.infinitives(st, words)
		t.prepositionalNouns(st, words)
		t.coordinatedPast(st, words)
		t.pastNotPresent(st, words)
	}
	return st.tags
}

// inClass reports whether tag is one of ambiguity class a ("NN|VBD").
func inClass(a, tag string) bool {
	for a != "" {
		var t string
		t, a, _ = strings.Cut(a, "|")
		if t == tag {
			return true
		}
	}
	return false
}

// pastNotPresent mends a past form read as a present ("security forces
// shot dead four militants" with "shot" as VBP, which dated the act to
// the coming Monday): a word the treebanks have as VBD or VBN, never (or
// seldom: under 5% of its uses) as the form it was given, becomes the
// past form the tagger scores best.
func (t *Tagger) pastNotPresent(st *state, words []string) {
	for i := range words {
		x := t.m.xpos[st.tags[i]]
		if x != "VBP" && x != "VBZ" {
			continue
		}
		a := t.m.ambig[st.norms[i]]
		// (Not a word that is its own base form, "set", "bid", "hurt",
		// whose present the treebanks merely lack.)
		if !inClass(a, "VBD") && !inClass(a, "VBN") || inClass(a, x) || inClass(a, "VB") {
			continue
		}
		// (After "have" or "be" it is the participle, else the past
		// tense.)
		want := "VBD"
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			if t.m.upos[st.tags[j]] == "AUX" {
				want = "VBN"
				break
			}
		}
		t.retag(st, words, i, func(c int) bool { return t.m.upos[c] == "VERB" && t.m.xpos[c] == want })
	}
}

// perfect mends "have" read as a main verb before a past participle
// ("Iran has threatened to …", "had not yet decided"): there it is the
// perfect's auxiliary, as UD tags it, and the parser reads the
// participle as the clause's verb only then.
func (t *Tagger) perfect(st *state, words []string) {
	for i := 0; i+1 < len(words); i++ {
		if t.m.upos[st.tags[i]] != "VERB" || !haveForms[st.norms[i]] {
			continue
		}
		j := i + 1
		for j+1 < len(words) && (t.m.upos[st.tags[j]] == "ADV" || t.m.upos[st.tags[j]] == "PART") {
			j++
		}
		if t.m.xpos[st.tags[j]] != "VBN" {
			continue
		}
		x := t.m.xpos[st.tags[i]]
		t.retag(st, words, i, func(c int) bool { return t.m.upos[c] == "AUX" && t.m.xpos[c] == x })
	}
}

// clauseOpeners mends a preposition read as one before a clause ("left
// after the talks collapsed", "until a deal is signed"): a word that is
// a preposition or a subordinating conjunction, tagged as a preposition,
// followed by a noun phrase and a finite verb, an auxiliary or a past
// form (the tagger reads "the talks collapsed" as a participle too),
// opens the clause (SCONJ, as UD tags it), and the parser reads the
// clause as one only then.
func (t *Tagger) clauseOpeners(st *state, words []string) {
	for i := 0; i+2 < len(words); i++ {
		if !openers[st.norms[i]] || t.m.upos[st.tags[i]] != "ADP" {
			continue
		}
		j := t.nounPhraseEnd(st, i+1, true)
		if j == i+1 || j >= len(words) {
			continue
		}
		switch t.m.xpos[st.tags[j]] {
		case "VBD", "VBZ", "VBP", "MD", "VBN":
			// Only the word: the clause after it is read right already,
			// and tagged afresh after a conjunction its noun phrase
			// can lose its noun ("after Freedonian warplanes bombed …").
			if t.m.sconj >= 0 {
				st.tags[i] = t.m.sconj
			}
		}
	}
}

// subordinatePresent mends, as presentVerb does for the sentence's
// opening noun phrase, a present-tense verb read as a plural noun at the
// end of the noun phrase after a subordinating word ("when the truce
// collapses"). Not after a word that is a preposition too ("after",
// "since", "as"): there a noun phrase may well have no verb ("after
// frequent air raids").
func (t *Tagger) subordinatePresent(st *state, words []string) {
	for i := 1; i+2 < len(words); i++ {
		if t.m.upos[st.tags[i]] != "SCONJ" && !subordinators[st.norms[i]] {
			continue
		}
		if j := t.nounPhraseEnd(st, i+1, false); j-i > 2 {
			lenient := afterName
			switch {
			case verbRequired[st.norms[i]]:
				lenient = always
			case openers[st.norms[i]] || st.norms[i] == "as":
				continue // "after frequent air raids" needs no verb
			}
			t.presentVerb(st, words, j, lenient)
		}
	}
}

// subjunctives mends the verb of a demand read as a noun ("demanded that
// Freedonia lift the sanctions", "its call that the army end the siege"):
// after "that" following a word of demanding, a singular noun the
// treebanks have as a verb too, after a noun or name of the phrase that
// follows and before the start of another noun phrase, with no finite
// verb after it in the clause, is the subjunctive verb (VB, as UD tags
// it), and "that" the conjunction that opens its clause.
func (t *Tagger) subjunctives(st *state, words []string) {
	for i := 1; i+3 < len(words); i++ {
		if st.norms[i] != "that" {
			continue
		}
		d := i - 1 // the word of demanding, before a day ("its demand today that")
		for d > 0 && (weekdays[words[d]] || dayWords[st.norms[d]]) {
			d--
		}
		if !demandWords[st.norms[d]] {
			continue
		}
		end := t.nounPhraseEnd(st, i+1, false)
		verb := -1 // the clause's verb
		if end > i+1 && end < len(words) && st.tags[end] == t.m.vb {
			verb = end
		}
		for j := i + 2; verb < 0 && j < end && j+1 < len(words); j++ {
			if t.m.xpos[st.tags[j]] != "NN" || !strings.Contains(t.m.ambig[st.norms[j]], "VB") {
				continue
			}
			if p := t.m.upos[st.tags[j-1]]; p != "PROPN" && p != "NOUN" {
				continue
			}
			switch t.m.upos[st.tags[j+1]] {
			case "DET", "NOUN", "ADJ", "NUM", "PRON", "PROPN":
			default:
				continue
			}
			if !t.finiteFrom(st, words, j+1, true) && t.m.vb >= 0 && t.retag(st, words, j, func(c int) bool { return c == t.m.vb }) {
				verb = j
			}
			break
		}
		if verb >= 0 && t.m.sconj >= 0 {
			st.tags[i] = t.m.sconj // the clause's "that", no relative pronoun
		}
	}
}

// infinitives mends the verb of an infinitive read as a noun or an
// adjective ("refused to hand over the suspects", "are likely to voice
// concern", "trying to repair relations"): after a word that takes an
// infinitive and nothing else after "to" (infinitiveTakers), a
// lower-case singular noun or adjective after "to" is the verb (VB, as UD
// tags it; the treebanks hold too few of these verbs in their base form
// to know them as verbs), and "to" its marker (PART TO); the words after
// it are tagged again. Not after "agree" or "commit", which take a noun phrase
// too ("agreed to terms").
func (t *Tagger) infinitives(st *state, words []string) {
	if t.m.vb < 0 || t.m.to < 0 {
		return
	}
	for i := 1; i+2 < len(words); i++ {
		j := i + 1
		if st.norms[i] != "to" || !infinitiveTakers[st.norms[i-1]] || !lowerInitial(words[j]) {
			continue
		}
		if u := t.m.upos[st.tags[i-1]]; u != "VERB" && u != "ADJ" && u != "AUX" {
			continue // a noun: "condemning the plan to failure", "a start to trading"
		}
		x := t.m.xpos[st.tags[j]]
		if x != "NN" && x != "JJ" {
			continue
		}
		if n := t.m.upos[st.tags[j+1]]; x == "JJ" && (n == "NOUN" || n == "PROPN" || n == "ADJ") {
			continue // an adjective of a noun phrase: "offers to current staff"
		}
		prev := st.tags[i]
		st.tags[i] = t.m.to
		if !t.retag(st, words, j, func(c int) bool { return c == t.m.vb }) {
			st.tags[i] = prev
		}
	}
}

// prepositionalNouns mends a noun read as a base verb at the end of a
// preposition's or a verb's object ("killed in the air raid", "under an
// international arrest warrant", "issued an arrest warrant for", "had
// taken a salute from"): after a preposition or a verb, a determiner
// and the adjectives, names and singular nouns that may follow it, a
// base verb (VB) has no subject it could be the bare infinitive of —
// unless the verb lets its object act ("let the witness speak", "helped
// the index climb": bareInfinitiveTakers) or demands it ("insisted the
// team take pictures": demandWords) — so the word, when a preposition,
// a punctuation mark, a noun or a number follows it, ends the noun
// phrase: it becomes the noun class the tagger scores best, and the
// words after it are tagged again.
func (t *Tagger) prepositionalNouns(st *state, words []string) {
	for i := 2; i < len(words); i++ {
		if st.tags[i] != t.m.vb || !lowerInitial(words[i]) {
			continue
		}
		j := i - 1
		for j > 0 && (t.m.upos[st.tags[j]] == "ADJ" || t.m.xpos[st.tags[j]] == "NN" || t.m.xpos[st.tags[j]] == "NNP") {
			j--
		}
		if j < 1 || t.m.upos[st.tags[j]] != "DET" || t.m.xpos[st.tags[j]] != "DT" {
			continue
		}
		if u := t.m.upos[st.tags[j-1]]; u != "ADP" && (u != "VERB" || bareInfinitiveTakers[st.norms[j-1]] || demandWords[st.norms[j-1]]) {
			continue
		}
		// (Nor after a modal or "do" before the phrase, with no verb
		// between: "how does the life of the mind proceed?", "will the
		// people of the north accept".)
		if t.bareAfterAuxiliary(st, j-1) {
			continue
		}
		// (Not where an object or a clause follows: then the
		// preposition's object ended before, and the phrase is the
		// subject of a present verb — "rebels in the Ivory Coast
		// continue the production", "supporters of the six argue that".)
		if i+1 < len(words) {
			switch t.m.upos[st.tags[i+1]] {
			case "ADP", "PUNCT", "NOUN", "PROPN", "NUM":
			default:
				continue
			}
		}
		t.retag(st, words, i, func(c int) bool { return t.m.upos[c] == "NOUN" && t.m.xpos[c] == "NN" })
	}
}

// bareAfterAuxiliary reports whether a modal or a form of "do" stands
// before word i with no verb between: a base verb after the phrase in
// between is the auxiliary's.
func (t *Tagger) bareAfterAuxiliary(st *state, i int) bool {
	for k := i; k >= 0; k-- {
		switch t.m.upos[st.tags[k]] {
		case "VERB":
			return false
		case "AUX":
			if x := t.m.xpos[st.tags[k]]; x == "MD" || doForms[st.norms[k]] {
				return true
			}
		}
	}
	return false
}

// coordinatedPast mends the second of two past-tense verbs read as a
// participle ("denounced the raid and promised aid", "killed three
// civilians and wounded 36 others"): after "and", "but" or "or" that
// follow a past-tense verb's clause (the nearest verb before, with no
// auxiliary before it), a participle with no auxiliary of its own
// before a noun phrase is the past tense too (VBD). Not after an
// adjective ("the new and improved toilets").
func (t *Tagger) coordinatedPast(st *state, words []string) {
	for i := 2; i+1 < len(words); i++ {
		if !coordinators[st.norms[i-1]] || t.m.upos[st.tags[i]] != "VERB" || t.m.xpos[st.tags[i]] != "VBN" || t.m.upos[st.tags[i-2]] == "ADJ" {
			continue
		}
		switch t.m.upos[st.tags[i+1]] {
		case "NOUN", "DET", "ADJ", "NUM", "PROPN", "PRON":
		default:
			continue
		}
		k := i - 2
		for k >= 0 && t.m.upos[st.tags[k]] != "VERB" && t.m.upos[st.tags[k]] != "AUX" {
			k--
		}
		if k < 0 || t.m.upos[st.tags[k]] != "VERB" || t.m.xpos[st.tags[k]] != "VBD" || k > 0 && t.m.upos[st.tags[k-1]] == "AUX" {
			continue
		}
		t.retag(st, words, i, func(c int) bool { return t.m.upos[c] == "VERB" && t.m.xpos[c] == "VBD" })
	}
}

// lowerInitial reports whether w starts with a lower-case ASCII letter.
func lowerInitial(w string) bool { return w != "" && w[0] >= 'a' && w[0] <= 'z' }

// coordinators join two verbs of one subject.
var coordinators = map[string]bool{"and": true, "but": true, "or": true}

// bareInfinitiveTakers are the verbs, by form, whose object may be the
// subject of a bare infinitive ("let the witness speak", "helped the
// index climb", "saw the Londoners climb").
var bareInfinitiveTakers = formSet(`let lets letting make makes made making help helps helped helping
	see sees saw seen seeing watch watches watched watching hear hears heard hearing
	have has had having feel feels felt feeling notice notices noticed noticing bid bids`)

// doForms are the forms of "do".
var doForms = map[string]bool{"do": true, "does": true, "did": true}

// infinitiveTakers are the words, by form, that an infinitive follows
// ("refused to", "likely to"): verbs, adjectives and participles whose
// "to" opens nothing else.
var infinitiveTakers = formSet(`offer offers offered offering refuse refuses refused refusing
	decide decides decided deciding promise promises promised promising threaten threatens threatened threatening
	plan plans planned planning want wants wanted wanting vow vows vowed vowing pledge pledges pledged pledging
	seek seeks sought seeking try tries tried trying hope hopes hoped hoping fail fails failed failing
	continue continues continued continuing begin begins began begun beginning start starts started starting
	intend intends intended intending expect expects expected expecting aim aims aimed aiming
	attempt attempts attempted attempting wish wishes wished wishing decline declines declined declining
	able unable willing unwilling likely unlikely eager reluctant determined`)

// formSet returns the set of the space-separated forms in s.
func formSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// demandWords are the words of demanding, by form, whose "that" clause
// is in the subjunctive.
var demandWords = map[string]bool{
	"demand": true, "demands": true, "demanded": true, "demanding": true,
	"insist": true, "insists": true, "insisted": true, "insisting": true,
	"urge": true, "urges": true, "urged": true, "urging": true,
	"propose": true, "proposes": true, "proposed": true, "proposing": true, "proposal": true,
	"recommend": true, "recommends": true, "recommended": true, "recommending": true, "recommendation": true,
	"request": true, "requests": true, "requested": true, "requesting": true,
	"suggest": true, "suggests": true, "suggested": true, "suggesting": true,
	"insistence": true, "call": true,
}

// dayWords are the words of a day that may stand between a word and its
// clause ("demanded on Monday that", "its demand today that").
var dayWords = map[string]bool{"today": true, "yesterday": true, "on": true, "again": true, "also": true}

// verbRequired are the subordinators that open nothing but a clause.
var verbRequired = map[string]bool{"when": true, "whenever": true, "if": true, "unless": true, "because": true, "although": true, "though": true, "whereas": true, "once": true}

// nounPhraseEnd returns the first word from i on that cannot be part of
// a plain noun phrase (adjectives, nouns, names, numbers and possessive
// endings; a determiner first or after a possessive; a pronoun first when
// pron is set).
func (t *Tagger) nounPhraseEnd(st *state, i int, pron bool) int {
	j := i
	for ; j < len(st.tags); j++ {
		switch t.m.upos[st.tags[j]] {
		case "DET":
			if j == i || t.m.xpos[st.tags[j-1]] == "POS" {
				continue // a determiner starts the phrase
			}
		case "ADJ", "NOUN", "PROPN", "NUM":
			continue
		case "PART":
			if t.m.xpos[st.tags[j]] == "POS" {
				continue
			}
		case "PRON":
			if pron && j == i {
				continue
			}
		}
		break
	}
	return j
}

var openers = map[string]bool{"after": true, "before": true, "since": true, "until": true}

var haveForms = map[string]bool{"have": true, "has": true, "had": true, "having": true, "'ve": true, "’ve": true, "'d": true, "’d": true}

// interjections mends a word read as an interjection between a noun
// phrase and the determiner or number that starts its object ("Russia
// and China welcome a resumption of talks"): an interjection stands at a
// clause's edge, not there. The word becomes the verb the tagger scores
// best, and the words after it are tagged again.
func (t *Tagger) interjections(st *state, words []string) {
	t.mendBeforeObject(st, words,
		func(i int) bool { return t.m.upos[st.tags[i]] == "INTJ" },
		func(c int) bool { return t.m.upos[c] == "VERB" })
}

// speechWords are the verbs of a trailing attribution (", officials
// said"), which does not give the clause before it a finite verb.
var speechWords = map[string]bool{"said": true, "says": true, "say": true, "told": true, "reported": true, "added": true, "stated": true, "announced": true}

// finite mends the tagger's other common error in news: the main verb of
// a sentence read as a past participle because nothing finite comes before
// it ("Freedonia extradited the suspect on Sunday, officials
// said"). When the sentence opens with a plain noun phrase (nouns and
// their modifiers, possessives, "of", "and"), the first
// word after it is tagged VBN, and no finite verb or auxiliary follows
// except in a trailing attribution, a reduced relative ("Soldiers wounded
// in the attack were flown home") is ruled out and the word is the
// clause's verb: it becomes VBD and the words after it are tagged again.
// So it does when the day comes between the noun phrase and the word
// ("Hungary on Wednesday ruled that …"), whatever follows.
func (t *Tagger) finite(st *state, words []string) {
	isVerb := func(c int) bool { return t.m.upos[c] == "VERB" && t.m.xpos[c] == "VBD" }
	i, adj := 0, -1
	for ; i < len(words); i++ {
		switch t.m.upos[st.tags[i]] {
		case "ADJ":
			if adj < 0 && !t.base && t.pastAdjective(st, words, i) {
				adj = i
			}
			continue
		case "DET", "NOUN", "PROPN", "NUM", "CCONJ":
			continue
		case "PART":
			if t.m.xpos[st.tags[i]] == "POS" {
				continue
			}
		case "ADP":
			if words[i] == "of" && i > 0 && !t.base { // "The Senate of Chile"
				continue
			}
		}
		break
	}
	if !t.base && (t.presentVerb(st, words, i, afterName) || t.pastVerb(st, words, i)) {
		return
	}
	// The day may stand between the noun phrase and its verb ("Austria
	// on Friday ruled out sending police"), where no participle
	// stands: the word after the day is the verb whatever follows.
	np, timed := i, false
	if i > 0 && i+2 < len(words) && words[i] == "on" && weekdays[words[i+1]] && !t.base {
		i, timed = i+2, true
		if dayParts[words[i]] && i+1 < len(words) {
			i++
		}
	}
	if !timed && !t.base && t.reducedRelative(st, words, np, i) {
		return
	}
	if np == 0 || i+1 >= len(words) || t.m.xpos[st.tags[i]] != "VBN" || !strings.HasSuffix(words[i], "ed") {
		// A past form read as an adjective inside the opening noun
		// phrase, before the start of an object ("Army engineers
		// demolished illegal structures", "relief officials halted
		// food convoys"), is the verb when the clause has no other
		// (a subordinate clause's verbs are not the main clause's).
		if adj >= 0 && !t.finiteFrom(st, words, adj+1, true) {
			t.retag(st, words, adj, isVerb)
		}
		return
	}
	if p := t.m.upos[st.tags[np-1]]; p != "NOUN" && p != "PROPN" || words[i+1] == "by" {
		return
	}
	if !timed && t.finiteFrom(st, words, i+1, false) {
		return
	}
	t.retag(st, words, i, isVerb)
}

// reducedRelative mends the opposite error: a past participle after the
// opening noun phrase read as the clause's verb ("Thirteen of the men
// snatched in Sunday's raid have been released"), which the parser then
// builds the sentence around. When the word after the noun phrase (a
// noun ends it) is tagged VBD, the treebanks have it as VBN too, a
// preposition follows it, and the clause's own finite verb comes later
// with no conjunction, subordinator or punctuation between, the word is
// VBN and the words after it are tagged again. Verbs of saying, which take
// a clause after their phrase ("said on Saturday parliament would …"),
// and verbs with no passive are left alone. It reports whether it
// retagged.
func (t *Tagger) reducedRelative(st *state, words []string, np, i int) bool {
	if np == 0 || i+2 >= len(words) || t.m.xpos[st.tags[i]] != "VBD" || t.m.upos[st.tags[np-1]] != "NOUN" {
		return false
	}
	// (A word the treebanks lack may be a participle when it ends in
	// "-ed".)
	if w, a := st.norms[i], t.m.ambig[st.norms[i]]; speechWords[w] || noPassive[w] || a != "" && !inClass(a, "VBN") || a == "" && !strings.HasSuffix(w, "ed") {
		return false
	}
	if t.m.xpos[st.tags[i+1]] != "IN" || subordinators[st.norms[i+1]] {
		return false
	}
	for j := i + 2; j < len(words); j++ {
		x := t.m.xpos[st.tags[j]]
		switch {
		case x == "CC" || x == "WDT" || x == "WP" || t.m.upos[st.tags[j]] == "SCONJ" || subordinators[st.norms[j]] || x == "," || x == ":" || x == "``" || x == "''":
			return false
		case x == "VBZ" || x == "VBP" || x == "MD" || x == "VBD" && beHave[st.norms[j]]:
			return t.retag(st, words, i, func(c int) bool { return t.m.xpos[c] == "VBN" })
		case x == "VBD":
			return false
		}
	}
	return false
}

// noPassive are past forms of verbs news uses without an object, which
// head no reduced relative ("the fire happened at six", "the sector
// recovered from the crisis").
var noPassive = map[string]bool{
	"happened": true, "occurred": true, "recovered": true, "arose": true, "emerged": true, "existed": true,
	"remained": true, "stayed": true, "came": true, "went": true, "died": true, "rose": true, "fell": true,
	"reaffirmed": true, "declared": true, "stressed": true, "noted": true, "warned": true, "insisted": true,
}

// beHave are the past forms of "be" and "have", auxiliaries of a clause's
// own verb after a reduced relative ("the men seized … were released").
var beHave = map[string]bool{"was": true, "were": true, "had": true}

// presentVerb mends a present-tense verb read as a plural noun at the end
// of a noun phrase that opens a clause ("Freedonia departs from the
// league", "when the truce collapses"), which leaves the clause without a
// verb. The noun phrase ends at word end; its last word becomes VBZ when
// the clause has no finite verb after it, the word before is a singular
// noun or name (the verb's subject), and the word is a plural form the
// treebanks never have as a noun of a singular they have only as a verb
// — or, as lenient allows, after a name or in a clause that must have a
// verb (one opened by "when", "if", "because" …), one they have as a verb
// at all. It reports whether it retagged.
func (t *Tagger) presentVerb(st *state, words []string, end int, lenient leniency) bool {
	k := end - 1
	if k < 1 || t.m.xpos[st.tags[k]] != "NNS" {
		return false
	}
	p := t.m.xpos[st.tags[k-1]]
	if p != "NN" && p != "NNP" {
		return false
	}
	loose := lenient == always || lenient == afterName && p == "NNP"
	if !t.presentForm(words[k], true) && !(loose && t.presentForm(words[k], false)) {
		return false
	}
	if end < len(words) && t.m.upos[st.tags[end]] == "VERB" || t.finiteFrom(st, words, end, true) {
		return false // the clause has its verb ("Qantas shares closed up")
	}
	return t.retag(st, words, k, func(c int) bool { return t.m.upos[c] == "VERB" && t.m.xpos[c] == "VBZ" })
}

// pastVerb is presentVerb for the past tense: a word read as a singular
// noun right after a name, or after a plural noun before the start of an
// object, in a clause's opening noun phrase ("Freedonia shot down two
// drones", "Sylvania cut gas supplies to …", "air defences shot down
// 93 drones") is the
// clause's verb when the clause has no other and the treebanks have the
// word as a past form (VBD or VBN: "shot" is never VBD in them). It
// reports whether it retagged.
func (t *Tagger) pastVerb(st *state, words []string, end int) bool {
	if end < len(words) && t.m.upos[st.tags[end]] == "VERB" || t.finiteFrom(st, words, end, true) {
		return false
	}
	for k := 1; k < end; k++ {
		if t.m.xpos[st.tags[k]] != "NN" {
			continue
		}
		// After a plural noun ("air defences shot down 93 drones"), only
		// where an object or a particle starts right after it.
		if p := t.m.xpos[st.tags[k-1]]; p != "NNP" && !(p == "NNS" && k+1 < len(words) && objectStart[t.m.xpos[st.tags[k+1]]]) {
			continue
		}
		if a := t.m.ambig[st.norms[k]]; !lowerInitial(words[k]) || !inClass(a, "VBD") && !inClass(a, "VBN") {
			continue
		}
		return t.retag(st, words, k, func(c int) bool { return t.m.upos[c] == "VERB" && t.m.xpos[c] == "VBD" })
	}
	return false
}

// objectStart are the tags of a word that may open a verb's object or be
// its particle.
var objectStart = map[string]bool{"DT": true, "CD": true, "PRP$": true, "RP": true, "RB": true, "IN": true}

// leniency says when presentVerb takes a word the treebanks have as a
// noun too.
type leniency int

const (
	afterName leniency = iota // after a name ("Bronfman chairs")
	always                    // in a clause that must have a verb
)

// presentForm reports whether w, lower-case and ending in "s", may be a
// verb's present tense: the treebanks have it as VBZ or its stem (less
// "s", "es", or "ies" for "y") as a verb. With strict, they must never
// have had it as a noun, nor the stem.
func (t *Tagger) presentForm(w string, strict bool) bool {
	if w == "" || w[0] < 'a' || w[0] > 'z' || !strings.HasSuffix(w, "s") {
		return false
	}
	noun := func(a string) bool { return strict && strings.Contains(a, "NN") }
	a, ok := t.m.ambig[normalize(w)]
	if ok && noun(a) {
		return false
	}
	if !strict && strings.Contains(a, "VBZ") {
		return true
	}
	stems := []string{w[:len(w)-1]}
	if strings.HasSuffix(w, "es") {
		stems = append(stems, w[:len(w)-2])
	}
	if strings.HasSuffix(w, "ies") {
		stems = append(stems, w[:len(w)-3]+"y")
	}
	for _, s := range stems {
		if a, ok := t.m.ambig[normalize(s)]; ok && !noun(a) && strings.Contains(a, "VB") {
			return true
		}
	}
	return false
}

// pastAdjective reports whether word i, tagged as an adjective, is a
// lower-case past form ending in "ed" between a noun or name and the
// start of a noun phrase: the shape of a clause's verb and its object.
func (t *Tagger) pastAdjective(st *state, words []string, i int) bool {
	w := words[i]
	if i == 0 || i+1 >= len(words) || t.m.xpos[st.tags[i]] != "JJ" || w[0] < 'a' || w[0] > 'z' || !strings.HasSuffix(w, "ed") {
		return false
	}
	if p := t.m.upos[st.tags[i-1]]; p != "NOUN" && p != "PROPN" {
		return false
	}
	switch t.m.upos[st.tags[i+1]] {
	case "ADJ", "NOUN", "PROPN", "DET", "NUM":
		return true
	}
	return false
}

// finiteFrom reports whether a finite verb or modal is tagged from word
// i on, leaving out a trailing attribution (a verb of saying after a
// comma) and, when clause is set, everything from the first word that
// opens a subordinate clause.
func (t *Tagger) finiteFrom(st *state, words []string, i int, clause bool) bool {
	for j := i; j < len(words); j++ {
		x := t.m.xpos[st.tags[j]]
		if clause && (t.m.upos[st.tags[j]] == "SCONJ" || x == "WDT" || x == "WP" || subordinators[st.norms[j]]) {
			return false
		}
		switch x {
		case "VBD", "VBZ", "VBP", "MD":
			if !speechWords[st.norms[j]] || !slices.Contains(words[i:j], ",") {
				return true
			}
		}
	}
	return false
}

// subordinators open a subordinate clause however the tagger reads them.
var subordinators = map[string]bool{"after": true, "before": true, "since": true, "until": true, "when": true, "while": true, "because": true, "as": true, "if": true, "unless": true, "though": true, "although": true, "who": true, "which": true, "that": true, "where": true}

var (
	weekdays = map[string]bool{"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true}
	dayParts = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}
)

// retag tags word i again as the best class keep allows, and the words
// after it afresh. It reports false, changing nothing, when keep allows
// none.
func (t *Tagger) retag(st *state, words []string, i int, keep func(int) bool) bool {
	st.feats = features(st.feats[:0], words, st.norms, st.ambs, st.clus, i, st.tags[:i])
	t.m.p.Score(st.feats, st.scores)
	v := t.m.best(st.scores, words[i], keep, !t.base)
	if v < 0 {
		return false
	}
	st.tags = append(st.tags[:i], v)
	t.tagFrom(st, words)
	return true
}

// tagFrom tags the words after those st.tags already holds, left to right.
func (t *Tagger) tagFrom(st *state, words []string) {
	for j := len(st.tags); j < len(words); j++ {
		if c := st.known[st.formOf[j]].dict; c >= 0 {
			st.tags = append(st.tags, int(c))
			continue
		}
		if !t.base && t.m.prep >= 0 && prepositions[st.norms[j]] {
			st.tags = append(st.tags, t.m.prep)
			continue
		}
		base := t.wordSums(st, words, j)
		st.feats = contextFeatures(st.feats[:0], words, st.norms, st.ambs, st.clus, j, st.tags)
		t.m.p.ScoreFrom(base, st.feats, st.scores)
		st.tags = append(st.tags, t.m.best(st.scores, words[j], nil, !t.base))
	}
}

// participles mends the tagger's commonest error in news: a past
// participle read as an adjective between a noun phrase and the
// determiner or number that starts its object ("guerrillas wounded two
// soldiers", "police arrested the students"). An adjective there is all
// but impossible, and every later stage depends on the verb. Such a word,
// lower-case and ending in "ed", becomes a past-tense verb (VBD), and the words
// after it are tagged again.
func (t *Tagger) participles(st *state, words []string) {
	t.mendBeforeObject(st, words,
		func(i int) bool {
			w := words[i]
			return t.m.upos[st.tags[i]] == "ADJ" && w[0] >= 'a' && w[0] <= 'z' && strings.HasSuffix(w, "ed")
		},
		func(c int) bool { return t.m.upos[c] == "VERB" && t.m.xpos[c] == "VBD" })
}

// mendBeforeObject retags, left to right, each word misread reports
// that stands between a noun phrase (a noun, name or pronoun before it)
// and the determiner or number that starts its object: it becomes the
// class among those keep allows that the tagger scores best, and the
// words after it are tagged again.
func (t *Tagger) mendBeforeObject(st *state, words []string, misread func(i int) bool, keep func(c int) bool) {
	for i := 1; i+1 < len(words); i++ {
		if !misread(i) {
			continue
		}
		if p := t.m.upos[st.tags[i-1]]; p != "NOUN" && p != "PROPN" && p != "PRON" {
			continue
		}
		if n := t.m.upos[st.tags[i+1]]; n != "DET" && n != "NUM" || t.m.xpos[st.tags[i+1]] == "WDT" {
			continue
		}
		if !t.retag(st, words, i, keep) {
			return
		}
	}
}

// Sentence is a tagged sentence for training.
type Sentence struct {
	Words []string
	UPOS  []string
	XPOS  []string
}

// TrainOptions control training.
type TrainOptions struct {
	Epochs int   // passes over the data; 0 means 10
	Seed   int64 // shuffling seed
	// Clusters, if set, are word clusters (from unlabeled text) used as
	// features; they are stored in the model.
	Clusters map[string]cluster.Cluster
	// Progress, if set, is called after each epoch with its accuracy on the
	// training data (as tagged while training) and on dev (if any).
	Progress func(epoch int, trainAcc, devAcc float64)
}

// Train returns a tagger model trained on train; dev is only used for the
// progress report.
func Train(train, dev []Sentence, opt TrainOptions) *Model {
	if opt.Epochs == 0 {
		opt.Epochs = 10
	}
	// Classes: joint UPOS+XPOS, in sorted order for determinism.
	classOf := map[[2]string]int{}
	var pairs [][2]string
	for _, s := range train {
		for i := range s.Words {
			p := [2]string{s.UPOS[i], s.XPOS[i]}
			if _, ok := classOf[p]; !ok {
				classOf[p] = -1
				pairs = append(pairs, p)
			}
		}
	}
	slices.SortFunc(pairs, func(a, b [2]string) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	m := &Model{tagdict: map[string]int32{}, clus: opt.Clusters}
	var labels []string
	for i, p := range pairs {
		classOf[p] = i
		m.upos = append(m.upos, p[0])
		m.xpos = append(m.xpos, p[1])
		labels = append(labels, p[0]+"\t"+p[1])
	}
	m.tagdict = buildTagdict(train, classOf)
	m.ambig = buildAmbig(train)
	m.aux = buildAux(train)
	m.setClasses()
	tr := perceptron.NewTrainer(labels)
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := newRand(opt.Seed)
	scores := make([]float32, len(labels))
	var feats []uint64
	var norms, ambs []string
	var clus []cluster.Cluster
	var tags []int
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.shuffle(order)
		correct, total := 0, 0
		for _, si := range order {
			s := train[si]
			norms = normalizeAll(norms[:0], s.Words)
			ambs = m.ambsOf(ambs[:0], norms)
			clus = clustersOf(clus[:0], m.clus, s.Words)
			tags = tags[:0]
			for i := range s.Words {
				gold := classOf[[2]string{s.UPOS[i], s.XPOS[i]}]
				if c, ok := m.tagdict[s.Words[i]]; ok {
					tags = append(tags, int(c))
					correct += b2i(int(c) == gold)
					total++
					continue
				}
				feats = features(feats[:0], s.Words, norms, ambs, clus, i, tags)
				tr.Score(feats, scores)
				guess := perceptron.Best(scores, nil)
				tr.Update(feats, gold, guess)
				tr.Tick()
				tags = append(tags, guess)
				correct += b2i(guess == gold)
				total++
			}
		}
		if opt.Progress != nil {
			m.p = tr.Model(0)
			opt.Progress(epoch, float64(correct)/float64(max(total, 1)), m.Accuracy(dev))
		}
	}
	m.p = tr.Model(0.001)
	return m
}

// Accuracy returns the fraction of dev words whose UPOS and XPOS are both
// right, or 0 for no words.
func (m *Model) Accuracy(dev []Sentence) float64 {
	t := New(m, nil)
	correct, total := 0, 0
	for _, s := range dev {
		u, x := t.Tag(s.Words)
		for i := range s.Words {
			correct += b2i(u[i] == s.UPOS[i] && x[i] == s.XPOS[i])
			total++
		}
	}
	if total == 0 {
		return 0
	}
	return float64(correct) / float64(total)
}

// buildTagdict returns the words seen at least 20 times with one class at
// least 99.5% of the time.
func buildTagdict(train []Sentence, classOf map[[2]string]int) map[string]int32 {
	counts := map[string]map[int]int{}
	for _, s := range train {
		for i, w := range s.Words {
			if counts[w] == nil {
				counts[w] = map[int]int{}
			}
			counts[w][classOf[[2]string{s.UPOS[i], s.XPOS[i]}]]++
		}
	}
	dict := map[string]int32{}
	for w, cs := range counts {
		n, best, bc := 0, -1, 0
		for c, k := range cs {
			n += k
			if k > bc || k == bc && c < best {
				best, bc = c, k
			}
		}
		if n >= 20 && float64(bc)/float64(n) >= 0.995 {
			dict[w] = int32(best)
		}
	}
	return dict
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

const magic = "parley-tagger-2\n"

// MarshalBinary returns the model's serialised form: a header, the tag
// dictionary in sorted order, the ambiguity classes, the clusters, the
// auxiliaries, then the perceptron. The same model always
// gives the same bytes.
func (m *Model) MarshalBinary() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(magic)
	words := make([]string, 0, len(m.tagdict))
	for w := range m.tagdict {
		words = append(words, w)
	}
	slices.Sort(words)
	put := func(x uint64) { b.Write(binary.AppendUvarint(nil, x)) }
	put(uint64(len(words)))
	for _, w := range words {
		put(uint64(len(w)))
		b.WriteString(w)
		put(uint64(m.tagdict[w]))
	}
	// Ambiguity classes: the distinct classes, then each word with the
	// index of its class.
	var classes []string
	classIndex := map[string]int{}
	words = words[:0]
	for w, a := range m.ambig {
		words = append(words, w)
		if _, ok := classIndex[a]; !ok {
			classIndex[a] = 0
			classes = append(classes, a)
		}
	}
	slices.Sort(words)
	slices.Sort(classes)
	put(uint64(len(classes)))
	for i, a := range classes {
		classIndex[a] = i
		put(uint64(len(a)))
		b.WriteString(a)
	}
	put(uint64(len(words)))
	for _, w := range words {
		put(uint64(len(w)))
		b.WriteString(w)
		put(uint64(classIndex[m.ambig[w]]))
	}
	cl := cluster.Marshal(m.clus)
	put(uint64(len(cl)))
	b.Write(cl)
	// The auxiliaries, in sorted order.
	words = words[:0]
	for w := range m.aux {
		words = append(words, w)
	}
	slices.Sort(words)
	put(uint64(len(words)))
	for _, w := range words {
		put(uint64(len(w)))
		b.WriteString(w)
	}
	p, err := m.p.MarshalBinary()
	if err != nil {
		return nil, err
	}
	b.Write(p)
	return b.Bytes(), nil
}

// Load reads a model written by MarshalBinary.
func Load(r io.Reader) (*Model, error) { return modelfile.Read("postag.Load", r, LoadBytes) }

// LoadBytes is Load for a model in memory (an embedded file, read without
// a copy); the model keeps no reference to b.
func LoadBytes(b []byte) (*Model, error) {
	br := bytes.NewReader(b)
	fail := func(err error) (*Model, error) { return nil, parley.E("postag.Load", parley.Invalid, err) }
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return fail(errors.New("not a parley tagger model"))
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<22 {
		return fail(errors.New("bad dictionary size"))
	}
	dict := make(map[string]int32, n)
	for range n {
		l, err := binary.ReadUvarint(br)
		if err != nil || l > 1<<10 {
			return fail(errors.New("bad dictionary word"))
		}
		w := make([]byte, l)
		if _, err := io.ReadFull(br, w); err != nil {
			return fail(err)
		}
		c, err := binary.ReadUvarint(br)
		if err != nil {
			return fail(err)
		}
		dict[string(w)] = int32(c)
	}
	readString := func() (string, error) {
		l, err := binary.ReadUvarint(br)
		if err != nil || l > 1<<10 {
			return "", errors.New("bad string")
		}
		w := make([]byte, l)
		_, err = io.ReadFull(br, w)
		return string(w), err
	}
	nc, err := binary.ReadUvarint(br)
	if err != nil || nc > 1<<20 {
		return fail(errors.New("bad ambiguity class count"))
	}
	classes := make([]string, nc)
	for i := range classes {
		if classes[i], err = readString(); err != nil {
			return fail(err)
		}
	}
	nw, err := binary.ReadUvarint(br)
	if err != nil || nw > 1<<22 {
		return fail(errors.New("bad ambiguity word count"))
	}
	ambig := make(map[string]string, nw)
	for range nw {
		w, err := readString()
		if err != nil {
			return fail(err)
		}
		c, err := binary.ReadUvarint(br)
		if err != nil || c >= nc {
			return fail(errors.New("bad ambiguity class"))
		}
		ambig[w] = classes[c]
	}
	ncl, err := binary.ReadUvarint(br)
	if err != nil || ncl > 1<<26 {
		return fail(errors.New("bad cluster section"))
	}
	clus, err := cluster.Unmarshal(io.LimitReader(br, int64(ncl)))
	if err != nil {
		return nil, err
	}
	na, err := binary.ReadUvarint(br)
	if err != nil || na > 1<<16 {
		return fail(errors.New("bad auxiliary count"))
	}
	aux := make(map[string]bool, na)
	for range na {
		w, err := readString()
		if err != nil {
			return fail(err)
		}
		aux[w] = true
	}
	p, err := perceptron.LoadBytes(b[len(b)-br.Len():])
	if err != nil {
		return nil, err
	}
	m := &Model{p: p, tagdict: dict, ambig: ambig, clus: clus, aux: aux}
	for _, l := range p.Labels {
		u, x, ok := strings.Cut(l, "\t")
		if !ok {
			return fail(fmt.Errorf("bad class label %q", l))
		}
		m.upos = append(m.upos, u)
		m.xpos = append(m.xpos, x)
	}
	m.setClasses()
	for w, c := range dict {
		if int(c) >= len(m.upos) {
			return fail(fmt.Errorf("dictionary class of %q out of range", w))
		}
	}
	return m, nil
}

func (m *Model) ambsOf(dst, norms []string) []string {
	for _, n := range norms {
		dst = append(dst, m.ambOf(n))
	}
	return dst
}

// ambOf returns the ambiguity class of normalised word n, "?" for a word
// not seen twice in training.
func (m *Model) ambOf(n string) string {
	if a, ok := m.ambig[n]; ok {
		return a
	}
	return "?"
}

// buildAmbig returns, for each normalised word seen at least twice, its
// ambiguity class: the sorted Penn tags that make up at least 5% of its
// occurrences, joined by "|".
func buildAmbig(train []Sentence) map[string]string {
	counts := map[string]map[string]int{}
	for _, s := range train {
		for i, w := range s.Words {
			n := normalize(w)
			if counts[n] == nil {
				counts[n] = map[string]int{}
			}
			counts[n][s.XPOS[i]]++
		}
	}
	out := map[string]string{}
	for w, cs := range counts {
		total := 0
		for _, k := range cs {
			total += k
		}
		if total < 2 {
			continue
		}
		var tags []string
		for t, k := range cs {
			if float64(k) >= 0.05*float64(total) {
				tags = append(tags, t)
			}
		}
		slices.Sort(tags)
		out[w] = strings.Join(tags, "|")
	}
	return out
}

func clustersOf(dst []cluster.Cluster, m map[string]cluster.Cluster, words []string) []cluster.Cluster {
	if len(m) == 0 { // the model has no clusters: skip looking up every word
		for range words {
			dst = append(dst, cluster.None)
		}
		return dst
	}
	for _, w := range words {
		dst = append(dst, cluster.Of(m, w))
	}
	return dst
}
