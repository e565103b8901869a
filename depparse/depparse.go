// Package depparse is the `depparse` stage: a greedy arc-hybrid
// transition parser (Kuhlmann et al. 2011) trained with a dynamic oracle
// (Goldberg & Nivre 2012, 2013) on UD English EWT and GUM, that gives
// every token its UD head and relation.
//
// Two scorers choose its moves. A network with one hidden layer over 49
// single facts of the configuration (package mlp; network.go) scores every
// move and chooses those it is sure of; an averaged perceptron over 98
// features, half of them conjunctions, chooses the others — the moves
// where the network's best leads the next by less than DefaultMargin,
// about one in nine. The network costs about a third of the perceptron per
// move, and the two together parse better than either alone.
//
// Transitions are SHIFT, LEFT-l and RIGHT-l for each relation l, so labels
// are chosen with the arcs. The root is a virtual token after the last
// word; parsing ends when it is the only thing left. Trees are single-rooted
// and acyclic by construction: a sentence that ends with several words on
// the root keeps the first as its root and attaches the others to it.
//
// The models are embedded (parser.model, the perceptron; network.model);
// `parley train parser` and `parley train network` rebuild them.
package depparse

import (
	"context"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/cluster"
	"github.com/parley-events/parley/mlp"
	"github.com/parley-events/parley/perceptron"
)

// Model is a trained parser: a perceptron, a network, or both (Combine).
type Model struct {
	p      *perceptron.Model
	net    *mlp.Model // when set, scores first (network.go)
	margin float32    // the network's lead under which p chooses
	labels []string   // relation of each LEFT/RIGHT class pair
	clus   map[string]cluster.Cluster
}

// Parser is the `depparse` stage. It is safe for concurrent use.
type Parser struct {
	m    *Model
	rels relations
	pool sync.Pool // *parseState
	// moves chosen by the network and by the perceptron (Moves)
	netMoves, percMoves atomic.Int64
}

// New returns a Parser using m.
func New(m *Model) *Parser { return &Parser{m: m, rels: relationsOf(m.labels)} }

// WithMargin returns a parser with p's models whose network passes the
// moves it leads by less than margin to the perceptron: 0 lets the
// network choose every move, a large margin (1e9) the perceptron. It is
// for measuring: the embedded parser's margin is DefaultMargin.
func (p *Parser) WithMargin(margin float32) *Parser {
	m := *p.m
	m.margin = margin
	return New(&m)
}

// Moves returns how many moves p's network and perceptron have chosen so
// far (a move the perceptron chose after the network passed it counts
// for both).
func (p *Parser) Moves() (network, perceptron int64) {
	return p.netMoves.Load(), p.percMoves.Load()
}

// relations are the indexes of the relations that parsing and its mends
// name, found once per model: the root (0 when the model has none) and
// parataxis (the root's, when none), and the others -1 when the model
// lacks them.
type relations struct {
	root, parataxis, amod, conj, cc, appos, nsubj, dep, flat, compound int
	obl, agent, auxPass                                                int
	acl, relcl, ccomp, mark, obj, iobj                                 int
	nmod, oblTime, subjPass, caseMark                                  int
}

func relationsOf(labels []string) relations {
	index := func(name string, fallback int) int {
		if i := slices.Index(labels, name); i >= 0 {
			return i
		}
		return fallback
	}
	root := index("root", 0)
	return relations{
		root: root, parataxis: index("parataxis", root),
		amod: index("amod", -1), conj: index("conj", -1), cc: index("cc", -1), appos: index("appos", -1), nsubj: index("nsubj", -1),
		dep: index("dep", -1), flat: index("flat", -1), compound: index("compound", -1),
		obl: index("obl", -1), agent: index("obl:agent", -1), auxPass: index("aux:pass", -1),
		acl: index("acl", -1), relcl: index("acl:relcl", -1), ccomp: index("ccomp", -1), mark: index("mark", -1),
		obj: index("obj", -1), iobj: index("iobj", -1),
		nmod: index("nmod", -1), oblTime: index("obl:unmarked", index("obl:tmod", -1)), subjPass: index("nsubj:pass", -1),
		caseMark: index("case", -1),
	}
}

//go:embed parser.model
var parserModel []byte

//go:embed network.model
var networkModel []byte

var (
	defaultParser     = sync.OnceValues(LoadDefault)
	defaultPerceptron = sync.OnceValues(func() (*Parser, error) {
		m, err := loadBytes(parserModel)
		if err != nil {
			return nil, fmt.Errorf("embedded parser.model: %w", err)
		}
		return New(m), nil
	})
)

// LoadDefault loads the embedded models afresh, the perceptron and the
// network at once, and combines them with DefaultMargin (Default loads
// them once and shares the parser); it is there to measure loading.
func LoadDefault() (*Parser, error) {
	var net *Model
	var netErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		net, netErr = loadBytes(networkModel)
	}()
	m, err := loadBytes(parserModel)
	<-done
	switch {
	case err != nil:
		return nil, fmt.Errorf("embedded parser.model: %w", err)
	case netErr != nil:
		return nil, fmt.Errorf("embedded network.model: %w", netErr)
	}
	if m, err = Combine(m, net, DefaultMargin); err != nil {
		return nil, fmt.Errorf("embedded parser.model and network.model: %w", err)
	}
	return New(m), nil
}

// Default returns the parser built from the embedded models, loading
// them on first use.
func Default() (*Parser, error) { return defaultParser() }

// DefaultPerceptron returns a parser with the embedded perceptron alone,
// loading it on first use: it parses as Default with a margin no lead
// reaches, without the network (for teaching a network its trees, even
// when the embedded network no longer fits the perceptron).
func DefaultPerceptron() (*Parser, error) { return defaultPerceptron() }

// Classes: 0 is SHIFT; 1+2l is LEFT with label l; 2+2l is RIGHT with label l.
const shift = 0

func leftClass(l int) int  { return 1 + 2*l }
func rightClass(l int) int { return 2 + 2*l }

// Process parses every sentence of d, setting Token.Head (document index,
// -1 for the root) and Token.DepRel. It reads Token.UPOS and Token.XPOS.
func (p *Parser) Process(ctx context.Context, d *parley.Doc) error {
	st, _ := p.pool.Get().(*parseState)
	if st == nil {
		st = newParseState(1 + 2*len(p.m.labels))
	}
	defer p.pool.Put(st)
	for _, s := range d.Sentences {
		n := s.Tokens.Len()
		st.reset(n)
		for j := range n {
			t := &d.Tokens[s.Tokens.Start+j]
			w := d.TokenText(s.Tokens.Start + j)
			f := st.form(p.m, w)
			st.words[j], st.caps[j], st.clus[j] = f.norm, capitalised(w), f.clus
			st.tags[j] = t.XPOS
			st.upos[j] = t.UPOS
		}
		p.parse(st)
		for j := range n {
			t := &d.Tokens[s.Tokens.Start+j]
			if h := st.heads[j]; h < 0 || h >= n {
				t.Head = -1
			} else {
				t.Head = s.Tokens.Start + h
			}
			t.DepRel = p.m.labels[st.labels[j]]
		}
	}
	return nil
}

// Parse returns the heads (-1 for the root) and relations of a sentence
// given its words and Penn and Universal POS tags.
func (p *Parser) Parse(words, xpos, upos []string) (heads []int, rels []string) {
	st := newParseState(1 + 2*len(p.m.labels))
	st.reset(len(words))
	for j, w := range words {
		st.words[j], st.tags[j], st.upos[j], st.caps[j] = normalize(w), xpos[j], upos[j], capitalised(w)
		st.clus[j] = p.m.clusterOf(w)
	}
	p.parse(st)
	for j := range words {
		h := st.heads[j]
		if h >= len(words) {
			h = -1
		}
		heads = append(heads, h)
		rels = append(rels, p.m.labels[st.labels[j]])
	}
	return heads, rels
}

func (p *Parser) parse(st *parseState) {
	st.labelNames = p.m.labels
	st.ids()
	n := st.n
	rootLabel := p.rels.root
	root := leftClass(rootLabel)
	for !st.terminal() {
		// Forced moves need no scoring: with an empty stack only SHIFT is
		// possible, and with one word left and the buffer at the root only
		// its arc from the root.
		switch {
		case len(st.stack) == 0:
			st.apply(shift)
			continue
		case len(st.stack) == 1 && st.i == n:
			st.apply(root)
			continue
		}
		// The network chooses the moves it is sure of, the perceptron
		// the others (Combine).
		c := -1
		if net := p.m.net; net != nil {
			st.feats = st.netFeatures(st.feats[:0])
			if st.net == nil {
				st.net = net.NewScratch()
			}
			net.ScoreWith(st.net, st.feats, st.scores)
			var lead float32
			c, lead = st.bestLead(st.scores, rootLabel)
			st.netMoves++
			if p.m.p != nil && lead < p.m.margin {
				c = -1
			}
		}
		if c < 0 {
			st.feats = st.features(st.feats[:0])
			p.m.p.Score(st.feats, st.scores)
			c = st.best(st.scores, rootLabel)
			st.percMoves++
		}
		if c < 0 { // cannot happen: a non-terminal state has a valid move
			break
		}
		st.apply(c)
	}
	p.netMoves.Add(int64(st.netMoves))
	p.percMoves.Add(int64(st.percMoves))
	st.netMoves, st.percMoves = 0, 0
	top := fixRoots(st, n, p.rels)
	mendAdjectives(st, n, p.rels)
	mendFlatConjuncts(st, n, p.rels)
	mendModifierConjuncts(st, n, p.rels)
	mendAgents(st, n, p.rels)
	mendToldClauses(st, n, p.rels)
	mendDoubleObjects(st, n, p.rels)
	mendAttribution(st, n, top, p.rels)
	mendDates(st, n, p.rels)
	mendDateDependents(st, n, p.rels)
	mendVerbConjuncts(st, n, p.rels)
}

// mendFlatConjuncts repairs a name joined to another across a
// conjunction: in "President Hu Jintao and Prime Minister Shinzo Abe met"
// the parser may hang "Shinzo" from "Hu" as part of one name (flat), the
// conjunction and the second title inside it — one person, to every later
// stage. The words of a name stand side by side, so a flat dependent with
// a conjunction between it and its head is the head's conjunct, and the
// conjunction its cc.
func mendFlatConjuncts(st *parseState, n int, rels relations) {
	if rels.flat < 0 || rels.conj < 0 || rels.cc < 0 {
		return
	}
	for j := range n {
		h := st.heads[j]
		if st.labels[j] != rels.flat || h >= j {
			continue
		}
		for k := h + 1; k < j; k++ {
			if st.upos[k] == "CCONJ" {
				st.labels[j] = rels.conj
				st.heads[k], st.labels[k] = j, rels.cc
				break
			}
		}
	}
}

// mendModifierConjuncts repairs coordinated noun modifiers read as the
// head: in "stepped up its rocket and mortar raids" the parser may make
// "rocket" the object and "raids" its conjunct, with "mortar" a compound
// of "raids" — two things stepped up, one of them "mortar raids". A
// singular common noun whose conjunct is a plural common noun, with a
// singular compound of that plural between them, is the first of the
// plural's two modifiers: the plural takes the singular's head and
// relation, the singular becomes the plural's compound and the other
// modifier the singular's conjunct (the conjunction its cc), and the
// singular's other dependents (its determiner or possessive, a
// prepositional phrase after the plural) move to the plural. "troops
// and tank units" (a plural first) and "the minister and defence chief"
// (a singular second) are left alone.
func mendModifierConjuncts(st *parseState, n int, rels relations) {
	if rels.conj < 0 || rels.cc < 0 || rels.compound < 0 {
		return
	}
	for j := range n {
		h := st.heads[j]
		if st.labels[j] != rels.conj || h >= j || st.tags[h] != "NN" || st.tags[j] != "NNS" {
			continue
		}
		c := coordinatedModifier(st, h, j, rels)
		if c < 0 {
			continue
		}
		for k := range n {
			switch {
			case k == j || k == c:
			case st.labels[k] == rels.cc && h < k && k < c && (st.heads[k] == h || st.heads[k] == j):
				st.heads[k] = c
			case st.heads[k] == h:
				st.heads[k] = j
			}
		}
		st.heads[j], st.labels[j] = st.heads[h], st.labels[h]
		st.heads[h], st.labels[h] = j, rels.compound
		st.heads[c], st.labels[c] = h, rels.conj
	}
}

// coordinatedModifier returns the first singular compound of j between
// h and j when every word between them is that compound, another
// compound of j, the conjunction (on h or j) or a dependent of h; -1
// otherwise (not a bare coordination of two modifiers).
func coordinatedModifier(st *parseState, h, j int, rels relations) int {
	c := -1
	for k := h + 1; k < j; k++ {
		switch {
		case st.heads[k] == j && st.labels[k] == rels.compound && st.tags[k] == "NN":
			if c < 0 {
				c = k
			}
		case st.heads[k] == j && st.labels[k] == rels.cc, st.heads[k] == h:
		default:
			return -1
		}
	}
	return c
}

// attributionVerbs are the forms of the verbs of a trailing attribution
// (", the agency reported", ", officials said").
var attributionVerbs = map[string]bool{
	"said": true, "says": true, "reported": true, "reports": true, "added": true, "told": true, "stated": true, "announced": true,
}

// mendAttribution repairs a trailing attribution the parser read as an
// apposition: in "…, local newspaper Ha'aretz reported." the noun phrase
// between the last comma and the verb of saying is the verb's subject,
// not an appositive of the noun before the comma. It applies when the
// verb is the root v, has no subject and ends the sentence, and the
// phrase's head hangs, as an apposition, from a word before the comma.
// A subject the parser gave the verb from before the comma ("the bombers
// were back at work Sunday, …, killing three officers, Major General X
// told AFP" with "Sunday" the subject of "told") is a word of the
// reported clause misplaced: it becomes an unspecified dependent (dep).
func mendAttribution(st *parseState, n, v int, rels relations) {
	appos, nsubj := rels.appos, rels.nsubj
	if appos < 0 || nsubj < 0 {
		return
	}
	if v < 2 || !attributionVerbs[st.words[v]] || st.upos[v] != "VERB" {
		return
	}
	for j := v + 1; j < n; j++ {
		if st.upos[j] != "PUNCT" && st.heads[j] != v { // only the verb's own words after it ("on Saturday")
			return
		}
	}
	c := v - 1
	for c >= 0 && st.words[c] != "," {
		c--
	}
	if c < 1 || c == v-1 {
		return
	}
	stray := -1
	for j := range n {
		if st.heads[j] == v && strings.HasPrefix(st.labelNames[st.labels[j]], "nsubj") {
			if j > c || stray >= 0 || rels.dep < 0 {
				return
			}
			stray = j
		}
	}
	head := -1
	for j := c + 1; j < v; j++ {
		if h := st.heads[j]; h <= c || h >= v {
			if head >= 0 {
				return // not one phrase
			}
			head = j
		}
	}
	if head < 0 || st.labels[head] != appos || st.heads[head] >= c || st.upos[head] != "NOUN" && st.upos[head] != "PROPN" {
		return
	}
	st.heads[head], st.labels[head] = v, nsubj
	if stray >= 0 {
		st.labels[stray] = rels.dep
	}
}

// mendAdjectives repairs a parse UD rules out: a capitalised adjective
// modifying a verb (amod hangs from nominals only) right before a
// conjunction and another capitalised adjective that modifies a noun —
// "Ethiopian and Egyptian negotiators agreed", parsed with "Ethiopian"
// on "agreed". The two adjectives are conjoined, the first modifying the
// noun, as UD has it. (Capitalised only: a lower-case "adjective" there
// is more often a noun the tagger misread, "leads to more obesity and
// weaker muscles".)
func mendAdjectives(st *parseState, n int, rels relations) {
	amod, conj, cc := rels.amod, rels.conj, rels.cc
	if amod < 0 || conj < 0 || cc < 0 {
		return
	}
	for j := 0; j+2 < n; j++ {
		v, a := st.heads[j], j+2
		if st.labels[j] != amod || v >= n || st.upos[v] != "VERB" || st.upos[j] != "ADJ" ||
			st.upos[j+1] != "CCONJ" || st.upos[a] != "ADJ" || st.labels[a] != amod || !st.caps[j] || !st.caps[a] {
			continue
		}
		noun := st.heads[a]
		if noun >= n || noun <= a || st.upos[noun] != "NOUN" && st.upos[noun] != "PROPN" {
			continue
		}
		st.heads[j], st.heads[a], st.labels[a], st.heads[j+1], st.labels[j+1] = noun, j, conj, a, cc
	}
}

// mendAgents relabels an agent phrase ("obl:agent") of a verb that is
// not passive — neither a past participle nor the head of a passive
// auxiliary — as a plain "obl": "condemned the drill by Uganda" has no
// agent, and its "by" phrase is the object's ("the drill by Uganda"),
// which the event coder then finds.
func mendAgents(st *parseState, n int, rels relations) {
	if rels.agent < 0 || rels.obl < 0 {
		return
	}
	for j := range n {
		v := st.heads[j]
		if st.labels[j] != rels.agent || v >= n || st.tags[v] == "VBN" {
			continue
		}
		if !hasChild(st, n, v, func(k int) bool { return st.labels[k] == rels.auxPass }) {
			st.labels[j] = rels.obl
		}
	}
}

// mendDates repairs a date hung on a name or subject before its verb: in
// "Russia and the United States Sunday signed" or "arrived in Beijing
// Monday" the parser may take a day of the week for the last word of the
// name (flat), and in "Prodi on Friday had issued a plea", "the
// government in December rejected the budget" or "Hu Jintao on Nov. 18
// met" the date for a modifier of the subject (nmod). The date says when
// the clause's act happened: it hangs from the verb the phrase belongs
// to, unmarked (obl:unmarked) or, with its preposition, as an oblique.
// A date here is a day of the week, a month, or a number with a month
// beside it, with nothing of its own but its preposition, its month or
// its year.
func mendDates(st *parseState, n int, rels relations) {
	if rels.oblTime < 0 || rels.obl < 0 {
		return
	}
	for j := range n {
		h := st.heads[j]
		if h >= j || st.upos[h] != "PROPN" && st.upos[h] != "NOUN" {
			continue
		}
		day, date := st.date(n, j)
		if !date {
			continue
		}
		// The subject's phrase: its head, or a word of a phrase or list
		// within it ("health ministers from the G7 and Mexico on Friday
		// signed").
		subject := false
		for s, k := h, 0; s < n && k < 6; s, k = st.heads[s], k+1 {
			if st.labels[s] == rels.nsubj || st.labels[s] == rels.subjPass {
				subject = true
				break
			}
			if l := st.labels[s]; l != rels.nmod && l != rels.conj && l != rels.appos && l != rels.flat && l != rels.compound {
				break
			}
		}
		if !(day && st.labels[j] == rels.flat && st.upos[h] == "PROPN") && !(subject && (st.labels[j] == rels.nmod || st.labels[j] == rels.appos)) {
			continue
		}
		v := h
		for k := 0; k < 8 && v < n && st.upos[v] != "VERB"; k++ {
			v = st.heads[v]
		}
		// (A subject's date must stand between it and its verb: "the
		// government on Tuesday rejected", not "the talks that began on
		// Monday".)
		if v >= n || st.upos[v] != "VERB" || st.labels[j] != rels.flat && v < j {
			continue
		}
		// (Only a bare date, or one with its preposition, month or
		// year: a date with phrases of its own is no misplaced time —
		// "the leader Friday of the Catholics" is a misparse of another
		// kind.)
		if hasChild(st, n, j, func(k int) bool { return st.upos[k] != "ADP" && st.upos[k] != "NUM" && !st.month(k) }) {
			continue
		}
		st.heads[j], st.labels[j] = v, rels.oblTime
		if hasChild(st, n, j, func(k int) bool { return st.upos[k] == "ADP" }) {
			st.labels[j] = rels.obl
		}
	}
}

// mendDateDependents repairs the phrases and objects a date on a verb
// takes from it: in "clashed Sunday in the Gaza Strip with members of the
// guard", "met Monday with Li" or "called Sunday for the premier to
// resign" the parser may hang the verb's place, partner or target from
// the day (nmod or obl), and in "clashed Sunday" take the day for the verb's
// object. A day of the week is no one's object, and a date has no place,
// partner or target of its own: such a phrase (one with a preposition of
// place, company, agent, purpose or target) hangs from the verb as an
// oblique, and an object day is its time. A range ("Monday to Friday"), a
// phrase with "of", one of time ("hours after the deadline", which may
// be the date's own) and a day that heads a name ("Sydney Harbour
// Tuesday") stay.
func mendDateDependents(st *parseState, n int, rels relations) {
	if rels.oblTime < 0 || rels.obl < 0 || rels.nmod < 0 || rels.caseMark < 0 {
		return
	}
	for j := range n {
		v := st.heads[j]
		if v >= n || st.upos[v] != "VERB" {
			continue
		}
		day, date := st.date(n, j)
		if !date {
			continue
		}
		switch l := st.labels[j]; {
		case (l == rels.obj || l == rels.iobj) && day:
			// (Only a day alone, or with its preposition or "early" or
			// "late" before it: one with a name or a noun phrase before
			// it — "left Sydney Harbour Tuesday", "urged senior US
			// officials Monday" — is a phrase misread as a whole.)
			if hasChild(st, n, j, func(k int) bool {
				return st.labels[k] == rels.compound || st.labels[k] == rels.flat ||
					k < j && st.labels[k] != rels.caseMark && st.upos[k] != "ADV" && st.upos[k] != "ADJ"
			}) {
				continue
			}
			st.labels[j] = rels.oblTime
			if hasChild(st, n, j, func(k int) bool { return st.labels[k] == rels.caseMark }) {
				st.labels[j] = rels.obl
			}
		case l == rels.obl || l == rels.oblTime:
		default:
			continue
		}
		for k := j + 1; k < n; k++ {
			if st.heads[k] != j || st.labels[k] != rels.nmod && st.labels[k] != rels.obl {
				continue
			}
			if hasChild(st, n, k, func(c int) bool { return st.labels[c] == rels.caseMark && dateMovers[st.words[c]] }) {
				st.heads[k], st.labels[k] = v, rels.obl
			}
		}
	}
}

// mendVerbConjuncts repairs a finite verb conjoined to a noun of the
// clause before it: in "killed 175 people and injured 350 others" or
// "mourners called for revenge and chanted slogans" the parser may hang
// "injured" from "people" and "chanted" from "mourners". A past-tense
// verb with its own "and", "but" or "or" is the conjunct of a verb (a
// present-tense one may be a plural noun the tagger misread: "cooperation
// and exchanges"); when the noun it hangs from is a subject, object or
// oblique of a verb before it (not a predicate: "he is a teacher and
// works hard" is right), it is that verb's conjunct.
func mendVerbConjuncts(st *parseState, n int, rels relations) {
	if rels.conj < 0 || rels.cc < 0 {
		return
	}
	argument := func(l int) bool {
		return l == rels.obj || l == rels.iobj || l == rels.obl || l == rels.nmod || l == rels.nsubj || l == rels.subjPass
	}
	for j := range n {
		h := st.heads[j]
		if st.labels[j] != rels.conj || h >= j || st.upos[j] != "VERB" || st.tags[j] != "VBD" ||
			(st.upos[h] != "NOUN" && st.upos[h] != "PROPN" && st.upos[h] != "PRON" && st.upos[h] != "NUM") ||
			!hasChild(st, n, j, func(k int) bool { return st.labels[k] == rels.cc }) {
			continue
		}
		v := h
		for k := 0; k < 4 && v < n && argument(st.labels[v]) && st.upos[v] != "VERB"; k++ {
			v = st.heads[v]
		}
		if v >= n || v >= j || st.upos[v] != "VERB" || v == h {
			continue
		}
		st.heads[j] = v
	}
}

// month reports whether word k is a month's name or abbreviation.
func (st *parseState) month(k int) bool { return st.caps[k] && months[st.words[k]] }

// date reports whether word j of the first n is a day of the week, and
// whether it is a date: a day, a month, or a number with a month beside
// it ("Nov. 18").
func (st *parseState) date(n, j int) (day, date bool) {
	day = st.caps[j] && weekdays[st.words[j]]
	return day, day || st.month(j) || st.upos[j] == "NUM" && hasChild(st, n, j, st.month)
}

// dateMovers are the prepositions of a phrase that belongs to the verb
// rather than to a date before it (see mendDateDependents), lower-cased.
var dateMovers = map[string]bool{
	"in": true, "at": true, "with": true, "for": true, "by": true, "against": true, "near": true,
	"on": true, "amid": true, "outside": true, "between": true, "into": true, "toward": true, "towards": true,
}

// weekdays are the days of the week, months the months and their
// abbreviations, lower-cased as parseState.words.
var (
	weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}
	months   = map[string]bool{
		"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
		"august": true, "september": true, "october": true, "november": true, "december": true,
		"jan.": true, "feb.": true, "mar.": true, "apr.": true, "jun.": true, "jul.": true, "aug.": true,
		"sep.": true, "sept.": true, "oct.": true, "nov.": true, "dec.": true,
	}
)

// mendToldClauses repairs what is told read as a clause of the one told:
// in "told reporters that the talks would resume" the parser may hang the
// "that" clause from "reporters" (acl or acl:relcl), though "that" is its
// conjunction, not a relative pronoun, and the clause has a subject of
// its own. Such a clause after the object of a verb of telling (tell,
// assure, warn, inform, …) is the verb's complement (ccomp) — unless the
// object is a noun that has contents ("told the story that …").
func mendToldClauses(st *parseState, n int, rels relations) {
	if rels.ccomp < 0 || rels.mark < 0 {
		return
	}
	for j := range n {
		o := st.heads[j]
		if o >= n || o > j || st.labels[j] != rels.acl && st.labels[j] != rels.relcl ||
			st.labels[o] != rels.obj && st.labels[o] != rels.iobj || contentNouns[st.words[o]] {
			continue
		}
		if v := st.heads[o]; v < n && tellingVerbs[st.words[v]] && st.upos[v] == "VERB" && thatClause(st, n, j, rels) {
			st.heads[j], st.labels[j] = v, rels.ccomp
		}
	}
}

// thatClause reports whether clause j has "that" for its conjunction and
// a subject of its own.
func thatClause(st *parseState, n, j int, rels relations) bool {
	return hasChild(st, n, j, func(k int) bool { return st.labels[k] == rels.mark && st.words[k] == "that" }) &&
		hasChild(st, n, j, func(k int) bool { return strings.HasPrefix(st.labelNames[st.labels[k]], "nsubj") })
}

// hasChild reports whether some dependent k of h satisfies ok.
func hasChild(st *parseState, n, h int, ok func(k int) bool) bool {
	for k := range n {
		if st.heads[k] == h && ok(k) {
			return true
		}
	}
	return false
}

// mendDoubleObjects repairs a verb with two objects, which UD does not
// allow: a word taken as an object right before another object's phrase
// ("to help [Somali] flood victims", "met [Turkish] President Erdogan")
// is a modifier of that object — an amod if an adjective, a compound if
// a noun — unless the verb gives or tells, when it is the one given to
// ("gave Kenya emergency aid": iobj). Only a first object with no
// dependents of its own, followed by nothing but the second object's
// phrase, is moved, and none before a determiner of that phrase.
func mendDoubleObjects(st *parseState, n int, rels relations) {
	if rels.obj < 0 || rels.amod < 0 || rels.compound < 0 || rels.iobj < 0 {
		return
	}
	for a := range n {
		h := st.heads[a]
		if st.labels[a] != rels.obj || h >= n || hasChild(st, n, a, func(int) bool { return true }) {
			continue
		}
		b := -1
		for k := a + 1; k < n; k++ {
			if st.heads[k] == h && st.labels[k] == rels.obj {
				b = k
				break
			}
		}
		if b < 0 || !within(st, n, a+1, b, b) {
			continue
		}
		// A determiner between them opens the second object's phrase, so
		// the first stands outside it ("called Kenya a threat").
		det := slices.Contains(st.upos[a+1:b], "DET")
		switch u := st.upos[a]; {
		case givingVerbs[st.words[h]] && (u == "NOUN" || u == "PROPN" || u == "PRON"):
			st.labels[a] = rels.iobj
		case det:
		case u == "ADJ":
			st.heads[a], st.labels[a] = b, rels.amod
		case u == "NOUN" || u == "PROPN":
			st.heads[a], st.labels[a] = b, rels.compound
		}
	}
}

// within reports whether every word from i up to (not including) j lies
// in the phrase of word b: b or a word whose chain of heads reaches b.
func within(st *parseState, n, i, j, b int) bool {
	for k := i; k < j; k++ {
		h, steps := k, 0
		for h != b && h < n && steps <= n {
			h, steps = st.heads[h], steps+1
		}
		if h != b {
			return false
		}
	}
	return true
}

// givingVerbs are the forms of the verbs whose first of two objects is
// the one given, sent or told to.
var givingVerbs = map[string]bool{
	"give": true, "gives": true, "gave": true, "given": true, "giving": true,
	"send": true, "sends": true, "sent": true, "sending": true,
	"offer": true, "offers": true, "offered": true, "offering": true,
	"grant": true, "grants": true, "granted": true, "granting": true,
	"hand": true, "hands": true, "handed": true, "handing": true,
	"lend": true, "lends": true, "lent": true, "lending": true,
	"pay": true, "pays": true, "paid": true, "paying": true,
	"sell": true, "sells": true, "sold": true, "selling": true,
	"show": true, "shows": true, "showed": true, "shown": true, "showing": true,
	"award": true, "awards": true, "awarded": true, "awarding": true,
	"promise": true, "promises": true, "promised": true, "promising": true,
	"deny": true, "denies": true, "denied": true, "denying": true,
	"owe": true, "owes": true, "owed": true, "owing": true,
	"tell": true, "tells": true, "told": true, "telling": true,
	"ask": true, "asks": true, "asked": true, "asking": true,
}

// tellingVerbs are the forms of the verbs that take the one told as their
// object and what is told as a clause.
var tellingVerbs = map[string]bool{
	"tell": true, "tells": true, "told": true, "telling": true,
	"assure": true, "assures": true, "assured": true, "assuring": true,
	"reassure": true, "reassures": true, "reassured": true, "reassuring": true,
	"inform": true, "informs": true, "informed": true, "informing": true,
	"warn": true, "warns": true, "warned": true, "warning": true,
	"remind": true, "reminds": true, "reminded": true, "reminding": true,
	"notify": true, "notifies": true, "notified": true, "notifying": true,
	"convince": true, "convinces": true, "convinced": true, "convincing": true,
	"persuade": true, "persuades": true, "persuaded": true, "persuading": true,
	"advise": true, "advises": true, "advised": true, "advising": true,
	"brief": true, "briefs": true, "briefed": true, "briefing": true,
}

// contentNouns have contents a "that" clause may state.
var contentNouns = map[string]bool{
	"story": true, "stories": true, "news": true, "lie": true, "lies": true, "truth": true, "fact": true,
	"facts": true, "joke": true, "jokes": true, "tale": true, "tales": true, "rumour": true, "rumours": true,
	"rumor": true, "rumors": true,
}

// fixRoots makes the tree single-rooted: the first word attached to the
// virtual root stays the root (labelled root); any other is attached to it,
// keeping its relation unless that was root, which becomes parataxis. It
// returns the root, or -1 for an empty sentence.
func fixRoots(st *parseState, n int, rels relations) int {
	root := -1
	for j := range n {
		if st.heads[j] == n {
			if root < 0 {
				root = j
				st.labels[j] = rels.root
				continue
			}
			st.heads[j] = root
			if st.labels[j] == rels.root {
				st.labels[j] = rels.parataxis
			}
		}
	}
	return root
}

// capitalised reports whether w starts with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// normalize maps a word to the form features see.
func normalize(w string) string {
	if w == "" {
		return w
	}
	if c := w[0]; c >= '0' && c <= '9' {
		return "!NUM"
	}
	return strings.ToLower(w)
}

func (m *Model) clusterOf(w string) cluster.Cluster { return cluster.Of(m.clus, w) }
