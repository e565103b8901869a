// Package eventcode is the `eventcode` stage: it codes the events a
// document reports — who did what to whom — in CAMEO, with the PLOVER
// type, mode and context, a modality, and the evidence: the sentence, the
// trigger, the actors' spans and the dictionary pattern that fired.
//
// Coding reads the dependency tree, not the word order. Each verb the
// verb dictionary knows (by lemma or form; multi-word verbs by their
// words beside it) is a candidate event. Its arguments come from the
// tree: the subject is the source and the object the target (in the
// passive, the "by" agent and the subject); a verb without a subject of
// its own takes that of the verb it is conjoined with or controlled by
// ("agreed to provide"); a target may also be a prepositional object
// ("met with", "attacks on") but never a place ("in Istanbul"). Conjoined
// subjects and objects give one event each. The verb group's patterns
// refine the code by the words around the verb: a pattern's words must
// appear in the verb's phrase in order, a prepositional element "(to X)"
// must be a phrase introduced by that preposition, and the markers "$"
// and "+" pin the source and target. Of the patterns that match, the one
// with the most elements wins.
//
// Each event has a modality from its clause: negated ("did not", "has
// yet to"), conditional ("if", "should there be"), hypothetical ("may",
// "could"), future ("will", "plans to", "agreed to") or asserted. An event
// in the complement of a verb of saying ("X confirmed that …") records
// the speaker as ReportedBy and, when otherwise asserted, is reported.
// The saying itself is not coded when its content is (the old coders'
// flood of "said" events).
package eventcode

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/cameo"
	"github.com/parley-events/parley/dict"
)

// Config selects the coder's options; the zero value codes events
// between two actors, as PETRARCH does by default.
type Config struct {
	// OneActor also codes events with only a source or only a target
	// ("rebels attacked", "protesters were arrested"); PETRARCH's
	// require_dyad = False.
	OneActor bool
	// NewActorLength, when above 0, lets a noun phrase of at most that
	// many words that no dictionary codes stand as a source or target:
	// the coder adds it to Doc.Actors with an empty Code and the phrase
	// as its Name ("the Ministry of Magic"), so that analysts see the
	// actors their dictionaries lack. PETRARCH's new_actor_length; 0, its
	// default, turns it off.
	NewActorLength int
	// Commas, when not nil, leaves out short clauses set off by commas
	// before coding, as TABARI and PETRARCH do (see Commas).
	Commas *Commas
}

// Commas are the lengths, in words, of the clauses set off by commas
// that the coder leaves out: an initial clause (before the first comma)
// of at least BMin words and fewer than BMax, an internal one (between
// two commas) of Min to below Max, a terminal one (after the last comma)
// of EMin to below EMax. A Max of 0 keeps those clauses. (PETRARCH's code
// reads the maximum as inclusive; the unit suite's answers, recoded by
// its successors, keep a terminal clause of exactly 8 words — "…, the
// primary official news agency said on Thursday" — and none leaves one
// out.) Neither their verbs nor their actors take part
// in events. PETRARCH's comma_* options; PETRARCH's defaults, from TABARI,
// are PetrarchCommas. parley keeps every clause by default: "…, a senior
// official said" is the evidence of who reported the event.
type Commas struct {
	Min, Max, BMin, BMax, EMin, EMax int
}

// PetrarchCommas are PETRARCH's default comma options.
var PetrarchCommas = Commas{Min: 2, Max: 8, BMin: 0, BMax: 0, EMin: 2, EMax: 8}

// leftOut marks the tokens of sentence sent that lie in a clause the
// comma options leave out. An item of a list of actors ("Mordor, the
// Shire and Bree") is no clause.
func (k *Commas) leftOut(d *parley.Doc, x *docIndex, sent parley.Span, out []bool) {
	var commas []int
	end := sent.End
	for end > sent.Start && d.Tokens[end-1].Kind == parley.TokPunct && d.TokenText(end-1) != "," {
		end-- // the full stop
	}
	// A comma that joins the items of a list of actors or of adjectives
	// ("Mordor, Rohan and Bree", "complete, full ties") sets off no
	// clause.
	list := func(i int) bool {
		p, n := i-1, i+1
		for n < end && (d.Tokens[n].UPOS == "DET" || d.Tokens[n].UPOS == "CCONJ") {
			n++
		}
		if p < sent.Start || n >= end {
			return false
		}
		return x.actorAt[p] >= 0 && x.actorAt[n] >= 0 || d.Tokens[p].UPOS == "ADJ" && d.Tokens[n].UPOS == "ADJ"
	}
	for i := sent.Start; i < end; i++ {
		if d.TokenText(i) == "," && !list(i) {
			commas = append(commas, i)
		}
	}
	if len(commas) == 0 {
		return
	}
	words := func(a, b int) int {
		n := 0
		for i := a; i < b; i++ {
			if d.Tokens[i].Kind != parley.TokPunct {
				n++
			}
		}
		return n
	}
	listItem := func(a, b int) bool {
		for i := a; i < b; i++ {
			switch d.Tokens[i].UPOS {
			case "DET", "ADJ", "ADV", "CCONJ", "PUNCT":
			default:
				if x.actorAt[i] < 0 {
					return false
				}
			}
		}
		return true
	}
	drop := func(a, b, lo, hi int) {
		if n := words(a, b); hi > 0 && n >= lo && n < hi && !listItem(a, b) {
			for i := a; i < b; i++ {
				out[i] = true
			}
		}
	}
	drop(sent.Start, commas[0], k.BMin, k.BMax)
	for j := 0; j+1 < len(commas); j++ {
		drop(commas[j]+1, commas[j+1], k.Min, k.Max)
	}
	drop(commas[len(commas)-1]+1, end, k.EMin, k.EMax)
}

// Coder is the eventcode stage. It is safe for concurrent use.
type Coder struct {
	set     *dict.Set
	cfg     Config
	verbs   map[string][]verbRef // a verb's head word, base form or any form
	synsets map[string]*synset
	discard discardIndex
	twins   map[verbRef][]verbRef // the same verb defined in other groups
	without map[verbRef][]int     // the patterns of its group each verb goes without (dict.Verb.Without)
	// wordID numbers the words patterns require (see required); needs
	// holds, per verb group and pattern, the numbers of the words the
	// pattern cannot match without.
	wordID map[string]int32
	needs  [][][]int32
	// exhaustive tries every pattern and every member of a synset, as
	// the indexes above save doing; tests check that it codes the same.
	exhaustive bool
}

// synset holds the members of a synset by the word each begins with and
// by the word it ends with: a member can match at a token only if the
// word it starts from, in the direction read (see wordsAt), is the
// token's form or lemma.
type synset struct {
	members         []dict.Phrase
	byFirst, byLast map[string][]dict.Phrase
}

// verbRef is one verb of the dictionary.
type verbRef struct{ group, verb int }

// New returns a Coder over the verb patterns of set.
func New(set *dict.Set, cfg Config) *Coder {
	c := &Coder{set: set, cfg: cfg, verbs: map[string][]verbRef{}, synsets: map[string]*synset{}}
	for gi, g := range set.Verbs {
		for vi, v := range g.Verbs {
			r := verbRef{gi, vi}
			add := func(p dict.Phrase) {
				if v.Head < len(p) {
					w := p[v.Head]
					if !slices.Contains(c.verbs[w], r) {
						c.verbs[w] = append(c.verbs[w], r)
					}
				}
			}
			add(v.Words)
			for _, f := range v.Forms {
				add(f)
			}
		}
	}
	for _, s := range set.Synsets {
		ss := c.synsets[s.Name]
		if ss == nil {
			ss = &synset{byFirst: map[string][]dict.Phrase{}, byLast: map[string][]dict.Phrase{}}
			c.synsets[s.Name] = ss
		}
		for _, m := range s.Members {
			ss.members = append(ss.members, m)
			if len(m) > 0 {
				ss.byFirst[m[0]] = append(ss.byFirst[m[0]], m)
				ss.byLast[m[len(m)-1]] = append(ss.byLast[m[len(m)-1]], m)
			}
		}
	}
	// The patterns of its group each verb goes without.
	c.without = map[verbRef][]int{}
	for gi, g := range set.Verbs {
		for vi, v := range g.Verbs {
			if len(v.Without) == 0 {
				continue
			}
			for pi := range g.Patterns {
				if v.GoesWithout(&g.Patterns[pi]) {
					r := verbRef{gi, vi}
					c.without[r] = append(c.without[r], pi)
				}
			}
		}
	}
	// Verbs defined in more than one group, word for word.
	c.twins = map[verbRef][]verbRef{}
	byWords := map[string][]verbRef{}
	for gi, g := range set.Verbs {
		for vi, v := range g.Verbs {
			k := strings.Join(v.Words, " ")
			byWords[k] = append(byWords[k], verbRef{gi, vi})
		}
	}
	for _, rs := range byWords {
		for _, r := range rs {
			for _, o := range rs {
				if o.group != r.group && !slices.ContainsFunc(c.twins[r], func(t verbRef) bool { return t.group == o.group }) {
					c.twins[r] = append(c.twins[r], o)
				}
			}
		}
	}
	c.discard = newDiscardIndex(c)
	c.wordID = map[string]int32{}
	c.needs = make([][][]int32, len(set.Verbs))
	for gi, g := range set.Verbs {
		c.needs[gi] = make([][]int32, len(g.Patterns))
		for pi, p := range g.Patterns {
			for _, w := range required(required(nil, p.Before), p.After) {
				id, ok := c.wordID[w]
				if !ok {
					id = int32(len(c.wordID))
					c.wordID[w] = id
				}
				if !slices.Contains(c.needs[gi][pi], id) {
					c.needs[gi][pi] = append(c.needs[gi][pi], id)
				}
			}
		}
	}
	return c
}

// required appends to out the words a pattern of elems cannot match
// without: each word of a phrase, of a unit and of a prepositional phrase,
// and its preposition (a synset's words are alternatives, markers match
// actors). Each must be the form or lemma of a token of the verb's phrase
// (see wordsAt), so a pattern one of whose words the phrase lacks is not
// tried.
func required(out []string, elems []dict.Elem) []string {
	for _, e := range elems {
		switch e.Kind {
		case dict.ElemWord:
			out = append(out, e.Words...)
		case dict.ElemUnit:
			out = required(out, e.Sub)
		case dict.ElemPrep:
			if len(e.Sub) > 0 && e.Sub[0].Kind == dict.ElemWord && len(e.Sub[0].Words) > 0 {
				out = append(out, e.Sub[0].Words[0])
				out = required(out, e.Sub[1:])
			}
		}
	}
	return out
}

// Process codes the events of d. It needs tokens, sentences, POS,
// lemmas, dependencies and actors.
func (c *Coder) Process(ctx context.Context, d *parley.Doc) error {
	d.Events, d.Quotes, d.Deadlines = d.Events[:0], d.Quotes[:0], d.Deadlines[:0]
	known := len(d.Actors) // actors after these are new ones (Config.NewActorLength)
	defer dropUnused(d, known)
	x := newDocIndex(d)
	coded := make([]bool, len(d.Tokens)) // tokens that trigger an event
	story, dropped := c.discards(d, x)
	if story {
		d.Note("eventcode", parley.NoteDiscarded, parley.Span{}, "a discard phrase of the dictionaries (sports, history…) marks the whole story: no events coded")
		d.Layers |= parley.LayerEvents
		return nil
	}
	for s, sent := range d.Sentences {
		if s%32 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if dropped != nil && sent.Tokens.Len() > 0 && dropped[d.SpanHead(sent.Tokens)] {
			continue // the main clause is dropped, and with it the sentence
		}
		first := len(d.Events)
		if c.cfg.Commas != nil {
			c.cfg.Commas.leftOut(d, x, sent.Tokens, x.leftOut)
		}
		for v := sent.Tokens.Start; v < sent.Tokens.End; v++ {
			if x.leftOut[v] || dropped != nil && dropped[v] {
				continue
			}
			switch d.Tokens[v].UPOS {
			case "VERB":
				if x.rel[v] == "amod" {
					continue // a participle describing a noun ("retired general", "wounded soldiers")
				}
				if r := x.rel[v]; r == "case" || r == "mark" || r == "fixed" {
					continue // a verb form serving as a preposition ("according to", "following")
				}
				if x.actorAt[v] >= 0 {
					continue // a word of a name ("the Committee to Protect Journalists")
				}
				c.codeVerb(d, x, s, v)
			case "NOUN":
				c.codeNoun(d, x, s, v)
			}
		}
		for _, e := range d.Events[first:] {
			for t := e.Trigger.Start; t < e.Trigger.End; t++ {
				coded[t] = true
			}
		}
		for v := sent.Tokens.Start; v < sent.Tokens.End; v++ {
			if d.Tokens[v].UPOS == "VERB" && (dropped == nil || !dropped[v]) {
				c.codeTone(d, x, s, v, coded)
			}
		}
		for k := first; k < len(d.Events); k++ {
			d.Events[k].Confidence = Confidence(d, &d.Events[k])
		}
		c.quotes(d, x, s)
		c.deadlines(d, x, s, first)
	}
	d.Layers |= parley.LayerEvents
	return nil
}

// dropUnused removes the new actors (from index known on) that no event
// or quote refers to, and renumbers the references to the others.
func dropUnused(d *parley.Doc, known int) {
	if len(d.Actors) <= known {
		return
	}
	remap := make([]int, len(d.Actors)-known)
	for i := range remap {
		remap[i] = -1
	}
	mark := func(ref int) {
		if ref >= known {
			remap[ref-known] = 0
		}
	}
	for _, e := range d.Events {
		mark(e.SourceRef)
		mark(e.TargetRef)
		mark(e.ReportedByRef)
	}
	for _, q := range d.Quotes {
		mark(q.Speaker)
	}
	kept := d.Actors[:known]
	for i, a := range d.Actors[known:] {
		if remap[i] == 0 {
			remap[i] = len(kept)
			kept = append(kept, a)
		}
	}
	d.Actors = kept
	re := func(ref *int) {
		if *ref >= known {
			*ref = remap[*ref-known]
		}
	}
	for k := range d.Events {
		e := &d.Events[k]
		re(&e.SourceRef)
		re(&e.TargetRef)
		re(&e.ReportedByRef)
	}
	for k := range d.Quotes {
		re(&d.Quotes[k].Speaker)
	}
}

// docIndex holds what coding looks up often: each token's children and
// the actors anchored at each token.
type docIndex struct {
	children [][]int
	anchored map[int][]int // phrase root token → actors
	actorAt  []int         // token → an actor covering it, or -1
	lower    []string      // lower-cased forms
	lemma    []string      // lower-cased lemmas (the form when none)
	rel      []string      // dependency relations
	head     []int         // heads, as rehang leaves them
	// patterned memoises Coder.patterned per token: 0 not yet known,
	// 1 no pattern of its verb matches, 2 one does.
	patterned []int8
	leftOut   []bool // tokens of clauses the comma options leave out
	// timexAt maps the token a temporal expression hangs from to the
	// expressions (indexes into Doc.Timexes) that hang from it.
	timexAt map[int][]int
	// timexHead holds the head tokens of temporal expressions.
	timexHead map[int]bool
	// placeAt maps the head token of a place name to its place (an
	// index into Doc.Places).
	placeAt map[int]int
	// placeAppos holds the appositions whose phrase opens with a
	// preposition of place: they say where, not who (locativePhrase).
	placeAppos map[int]bool
	// present marks, for the verb whose patterns are being matched, the
	// words of Coder.wordID its phrase holds: present[id] == stamp.
	present []uint32
	stamp   uint32
}

// othersOf are nouns for people who are not whom their "of" phrase
// names: set against it, held by it, or its kin ("the widow of former
// agent Litvinenko accused Moscow").
var othersOf = map[string]bool{
	"critic": true, "opponent": true, "foe": true, "enemy": true, "adversary": true, "detractor": true,
	"rival": true, "victim": true, "hostage": true, "captive": true,
	"widow": true, "widower": true, "wife": true, "husband": true, "son": true, "daughter": true,
	"brother": true, "sister": true, "father": true, "mother": true, "relative": true, "family": true,
}

// complaintVerbs report what their subject complains of; after the
// clause they report, like verbs of saying, they are its source.
var complaintVerbs = map[string]bool{"complain": true, "lament": true, "charge": true, "argue": true, "protest": true, "counter": true, "reply": true, "respond": true, "predict": true, "recall": true, "observe": true}

// closes reports whether nothing but punctuation follows the phrase of
// token v in its sentence, which ends before token stop.
func closes(d *parley.Doc, x *docIndex, v, stop int) bool {
	for t := subtree(d, x, v).End; t < stop; t++ {
		if d.Tokens[t].UPOS != "PUNCT" {
			return false
		}
	}
	return true
}

// rehang moves token c from head from to head to with relation rel, in
// the index's view of the tree (the Doc's stays as the parser left it).
func (x *docIndex) rehang(c, from, to int, rel string) {
	x.children[from] = slices.DeleteFunc(x.children[from], func(k int) bool { return k == c })
	x.children[to] = append(x.children[to], c)
	slices.Sort(x.children[to])
	x.rel[c] = rel
	x.head[c] = to
}

// absolute returns the participle that follows the noun o of a "with"
// phrase, past o's own words and an adverb ("with the Holy See too
// adding its voice", "with prices rising"), or -1.
func absolute(d *parley.Doc, x *docIndex, o int) int {
	j := subtree(d, x, o).End
	for j < len(d.Tokens) && d.Tokens[j].UPOS == "ADV" {
		j++
	}
	if j < len(d.Tokens) && d.Tokens[j].UPOS == "VERB" && (d.Tokens[j].XPOS == "VBG" || d.Tokens[j].XPOS == "VBN") && !within(d, j, o) {
		return j
	}
	return -1
}

// weekdays name days of the week.
var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

// particles are prepositions that right after a verb are mostly its
// particle ("cordoned off the roads", "ruled out talks", "stepped up
// attacks", "shot down two drones").
var particles = map[string]bool{"off": true, "out": true, "up": true, "down": true}

// facilities are places one keeps, hosts or houses, not people one
// receives: "Japan hosts a US naval base".
var facilities = map[string]bool{"base": true, "facility": true, "plant": true, "station": true, "embassy": true,
	"consulate": true, "office": true, "headquarters": true, "camp": true, "site": true, "port": true, "airfield": true}

// timeUnits are the nouns of a span of time before "after" or "before".
var timeUnits = map[string]bool{"year": true, "month": true, "week": true, "day": true, "hour": true, "minute": true, "decade": true}

// afterSubject returns the subject of verb v that the parser took for the
// object of "after", "before" or "since" in a span of time right before
// it, or -1 (see newDocIndex).
func afterSubject(d *parley.Doc, x *docIndex, v int) int {
	if v == 0 || d.Tokens[v].UPOS != "VERB" {
		return -1
	}
	if s := x.child(v, "nsubj"); s >= 0 && !timeUnits[x.lemma[s]] {
		return -1
	}
	// The noun ending right before v, through its own modifiers.
	c := v - 1
	for c >= 0 && d.Tokens[c].Head > c && d.Tokens[c].Head < v {
		c = d.Tokens[c].Head
	}
	if c < 0 || x.rel[c] != "nmod" {
		return -1
	}
	if u := d.Tokens[c].UPOS; u != "NOUN" && u != "PROPN" && u != "PRON" {
		return -1
	}
	if cs := x.caseOf(c); (cs == "after" || cs == "before" || cs == "since") && timeUnits[x.lemma[d.Tokens[c].Head]] {
		return c
	}
	return -1
}

func newDocIndex(d *parley.Doc) *docIndex {
	x := &docIndex{children: make([][]int, len(d.Tokens)), anchored: map[int][]int{},
		actorAt: make([]int, len(d.Tokens)), lower: make([]string, len(d.Tokens)), lemma: make([]string, len(d.Tokens)),
		rel: make([]string, len(d.Tokens)), head: make([]int, len(d.Tokens)), patterned: make([]int8, len(d.Tokens)), leftOut: make([]bool, len(d.Tokens))}
	for i, t := range d.Tokens {
		if t.Head >= 0 && t.Head < len(d.Tokens) {
			x.children[t.Head] = append(x.children[t.Head], i)
		}
		x.actorAt[i] = -1
		x.rel[i] = t.DepRel
		x.head[i] = t.Head
		x.lower[i] = strings.ToLower(d.TokenText(i))
		x.lemma[i] = x.lower[i] // Doc.Lemma, reusing the lower-cased form
		if t.Lemma != "" {
			x.lemma[i] = strings.ToLower(t.Lemma)
		}
	}
	// "broke down relations with Libya" parsed with "down" as the case
	// of "relations": a word tagged as a particle right after its verb is
	// the verb's particle, and the phrase its object; so is "off", "out"
	// or "up" tagged as a preposition ("cordoned off the roads").
	for c, t := range d.Tokens {
		h := t.Head
		if t.DepRel != "case" || t.XPOS != "RP" && !(t.XPOS == "IN" && particles[x.lower[c]]) || h < 0 || x.rel[h] != "obl" {
			continue
		}
		v := d.Tokens[h].Head
		if v != c-1 || d.Tokens[v].UPOS != "VERB" || x.child(v, "obj") >= 0 {
			continue
		}
		// (Not "out of": "pulled out of the campaign".)
		if slices.ContainsFunc(x.children[h], func(k int) bool { return k != c && x.rel[k] == "case" }) {
			continue
		}
		x.rehang(c, h, v, "compound:prt")
		x.rel[h] = "obj"
	}
	// "urged senior Ruritanian officials Friday not to pull out" parsed
	// with the day as the object and the officials its modifier: they are the
	// object, the day when.
	for w := range d.Tokens {
		v := x.head[w]
		if !weekdays[x.lower[w]] || v < 0 || x.rel[w] != "obj" && x.rel[w] != "iobj" || d.Tokens[v].UPOS != "VERB" {
			continue
		}
		for _, k := range x.children[w] {
			if k == w-1 && (d.Tokens[k].UPOS == "NOUN" || d.Tokens[k].UPOS == "PROPN") {
				x.rehang(k, w, v, x.rel[w])
				x.rel[w] = "obl:tmod"
				for _, j := range slices.Clone(x.children[w]) {
					if j < k {
						x.rehang(j, w, k, x.rel[j])
					}
				}
				break
			}
		}
	}
	// "protested, with the Holy See too adding its voice" parsed with
	// "the Holy See" as a companion of "protested": a noun after ", with"
	// followed by a participle of its own is that participle's subject,
	// the phrase a clause of circumstance. (Not without the comma: "a
	// case with the WTO accusing Turkey", "talks with Pakistan following
	// the blasts".)
	for c := range d.Tokens {
		if x.rel[c] != "case" || x.lower[c] != "with" || c == 0 || x.lower[c-1] != "," {
			continue
		}
		if o := x.head[c]; o >= 0 && (x.rel[o] == "obl" || x.rel[o] == "nmod") {
			if j := absolute(d, x, o); j >= 0 {
				x.rehang(o, x.head[o], j, "nsubj")
				x.rehang(c, o, j, "mark")
			}
		}
	}
	// "Cojuangco said PLDT, which has 1.5 million lines, would add
	// more" parsed with "PLDT" as a second subject (or the object) of
	// "said" and "add" hung beside it with no subject: the noun is the
	// subject of the clause that follows it, the clause what was said.
	for v := range d.Tokens {
		if !speechVerbs[x.lemma[v]] || d.Tokens[v].UPOS != "VERB" {
			continue
		}
		first, second := -1, -1
		for _, k := range x.children[v] {
			switch r := x.rel[k]; {
			case r == "nsubj" && k < v && first < 0:
				first = k
			case (r == "nsubj" || r == "obj" && x.lemma[v] == "say") && k > v && second < 0:
				// (or its object: one says words, not troops)
				second = k
			}
		}
		if first < 0 || second < 0 {
			continue
		}
		for _, k := range x.children[v] {
			if r := x.rel[k]; k > second && (r == "parataxis" || r == "ccomp" || r == "conj") && d.Tokens[k].UPOS == "VERB" &&
				x.child(k, "nsubj", "nsubj:pass", "expl") < 0 {
				rel := "nsubj"
				if x.child(k, "aux:pass") >= 0 {
					rel = "nsubj:pass"
				}
				x.rehang(second, v, k, rel)
				x.rel[k] = "ccomp"
				break
			}
		}
	}
	// "25 rebels have been killed" parsed with "rebels" as the active
	// subject: a subject beside a passive auxiliary is the passive
	// subject.
	for v := range d.Tokens {
		if x.child(v, "aux:pass") < 0 || x.child(v, "nsubj:pass") >= 0 {
			continue
		}
		if s := x.child(v, "nsubj"); s >= 0 {
			x.rel[s] = "nsubj:pass"
		}
	}
	// "two days after protesters stormed the embassy" parsed with
	// "protesters" as the object of "after", hanging from "days": the
	// noun is the subject of the verb right after it, whose clause is an
	// adverbial one.
	for v := range d.Tokens {
		if c := afterSubject(d, x, v); c >= 0 {
			if s := x.child(v, "nsubj"); s >= 0 {
				x.rel[s] = "obl:npmod"
			}
			x.rehang(c, d.Tokens[c].Head, v, "nsubj")
			if x.rel[v] == "xcomp" || x.rel[v] == "ccomp" {
				x.rel[v] = "advcl"
			}
		}
	}
	// "Russia has threatened" parsed with "Russia" as the subject of the
	// auxiliary: an auxiliary or copula has no subject of its own, the
	// verb it serves has.
	for c, t := range d.Tokens {
		h := t.Head
		if h < 0 || !(x.rel[c] == "nsubj" || x.rel[c] == "nsubj:pass") || !(x.rel[h] == "aux" || x.rel[h] == "aux:pass" || x.rel[h] == "cop") {
			continue
		}
		if v := d.Tokens[h].Head; v >= 0 && x.child(v, "nsubj", "nsubj:pass") < 0 {
			x.rehang(c, h, v, x.rel[c])
		}
	}
	// "condemned the attack on Thursday and promised aid to the
	// villages" parsed with "promised" as an adjective of a noun
	// conjoined with the first verb's phrase: a past participle right
	// after the "and" of the noun it modifies is a second verb, done by
	// the first verb's subject, and the noun its object.
	for p := 1; p < len(d.Tokens); p++ {
		n, and := x.head[p], p-1
		if d.Tokens[p].XPOS != "VBN" || d.Tokens[p].UPOS != "VERB" || x.rel[p] != "amod" || n <= p || x.rel[n] != "conj" ||
			x.lower[and] != "and" || x.head[and] != n || x.child(n, "det") >= 0 {
			continue
		}
		v := x.head[x.firstConjunct(n)]
		if v < 0 || d.Tokens[v].UPOS != "VERB" || v > p {
			continue
		}
		x.rehang(p, n, v, "conj")
		x.rehang(n, x.head[n], p, "obj")
		x.rehang(and, n, p, "cc")
	}
	// "Ethiopia has broken relations with Libya" parsed with "has" as the
	// verb and "broken" as an adjective of its object: a past participle
	// right after a "have" whose object it modifies is the verb, in the
	// perfect, and that object its own.
	for p := 1; p < len(d.Tokens); p++ {
		hv, n := p-1, x.head[p]
		if d.Tokens[p].XPOS != "VBN" || x.rel[p] != "amod" || x.lemma[hv] != "have" || d.Tokens[hv].UPOS != "VERB" ||
			n <= p || x.head[n] != hv || x.rel[n] != "obj" {
			continue
		}
		x.rehang(p, n, hv, "conj")
		x.rehang(n, hv, p, "obj")
	}
	// "withdraw its troops from neighbouring Lebanon" parsed with
	// "neighbouring" as a clause whose object is the country: the
	// country is the preposition's, and "neighbouring" describes it.
	for p := 1; p+1 < len(d.Tokens); p++ {
		m, o, h := p-1, p+1, x.head[p]
		if x.lemma[p] != "neighbor" && x.lemma[p] != "neighbour" || x.rel[p] != "advcl" || h < 0 ||
			x.head[o] != p || x.rel[o] != "obj" || x.head[m] != p || d.Tokens[m].XPOS != "IN" {
			continue
		}
		rel := "obl"
		if u := d.Tokens[h].UPOS; u == "NOUN" || u == "PROPN" {
			rel = "nmod"
		}
		x.rehang(o, p, h, rel)
		x.rehang(m, p, o, "case")
		x.rehang(p, h, o, "amod")
	}
	// "declined to comment on Chile's decision on Friday to delay the
	// talks" parsed with the infinitive hanging from the verb: an
	// infinitive right after the phrase of a noun of intent (a decision,
	// a plan, a bid) hanging from that verb completes the noun.
	for v := range d.Tokens {
		h, m := d.Tokens[v].Head, x.child(v, "mark")
		if h < 0 || x.rel[v] != "advcl" && x.rel[v] != "xcomp" || m < 0 || m > v || x.lower[m] != "to" || x.child(v, "nsubj", "nsubj:pass") >= 0 {
			continue
		}
		for _, n := range x.children[h] {
			if n > h && n < m && (intentNouns[x.lemma[n]] || askNouns[x.lemma[n]]) && (x.rel[n] == "obj" || x.rel[n] == "obl") && follows(d, n, m) {
				x.rehang(v, h, n, "acl")
				break
			}
		}
	}
	// "warned on Tuesday that Uganda would face sanctions" parsed as a
	// relative clause of "Tuesday" with "that" its subject: a clause with
	// a subject of its own after "that" is what was said, of the verb
	// (or of the noun it completes: "hopes that …").
	for v := range d.Tokens {
		t := x.head[v]
		if x.rel[v] != "acl:relcl" || t < 0 || d.Tokens[v].UPOS != "VERB" {
			continue
		}
		m, subj := -1, -1
		for _, k := range x.children[v] {
			switch {
			case k < v && x.lower[k] == "that" && (x.rel[k] == "nsubj" || x.rel[k] == "obj"):
				m = k
			case m >= 0 && k > m && k < v && (x.rel[k] == "nsubj" || x.rel[k] == "nsubj:pass"):
				subj = k
			}
		}
		if m < 0 || subj < 0 || m != t+1 && !(m > t && x.rel[t] == "obl") {
			continue
		}
		x.rel[m] = "mark"
		if g := x.head[t]; x.rel[t] == "obl" && g >= 0 && d.Tokens[g].UPOS == "VERB" {
			x.rehang(v, t, g, "ccomp")
		} else {
			x.rel[v] = "acl"
		}
	}
	// "The Palestinians reject the changes, their negotiator said" parsed
	// with the first noun a second subject of "said" and its verb hung
	// from it: the noun is that verb's subject, and what was said is
	// that verb's clause.
	for v := range d.Tokens {
		if !speechVerbs[x.lemma[v]] {
			continue
		}
		var subjs []int
		for _, k := range x.children[v] {
			if x.rel[k] == "nsubj" && k < v {
				subjs = append(subjs, k)
			}
		}
		if len(subjs) < 2 {
			continue
		}
		a, b := subjs[0], subjs[len(subjs)-1]
		// (Or the verb hung from "said" already, without a subject.)
		cands := append(slices.Clone(x.children[a]), x.children[v]...)
		for _, c := range cands {
			// (A participle only as the first verb after the noun:
			// "Palestinians clashed", not "people were found dead,
			// apparently stabbed".)
			participle := d.Tokens[c].XPOS == "VBN" || d.Tokens[c].XPOS == "VBG"
			if c > a && c < b && d.Tokens[c].UPOS == "VERB" && x.child(c, "nsubj", "nsubj:pass") < 0 &&
				!(participle && slices.ContainsFunc(d.Tokens[a+1:c], func(t parley.Token) bool { return t.UPOS == "VERB" || t.UPOS == "AUX" })) &&
				(x.head[c] == a || x.rel[c] == "ccomp" || x.rel[c] == "parataxis") &&
				slices.ContainsFunc(d.Tokens[c:b], func(t parley.Token) bool { return t.XPOS == "," }) {
				x.rehang(c, x.head[c], v, "ccomp")
				x.rehang(a, v, c, "nsubj")
				break
			}
		}
	}
	// "Troops attacked the town, warned the minister", "… between the two
	// countries, urged the Algerian ambassador" parsed with the verb of
	// saying or asking as a second act or a clause of a noun, and its
	// speaker as its object: such a verb that closes the sentence after
	// a comma, with no subject, conjunction or clause of its own, is said
	// of the clause before it by the one after it.
	for _, sent := range d.Sentences {
		for v := sent.Tokens.Start; v < sent.Tokens.End; v++ {
			h, l := x.head[v], x.lemma[v]
			if h < 0 || h > v || !speechVerbs[l] && !complaintVerbs[l] && !desireVerbs[l] || d.Tokens[v].XPOS == "VBG" ||
				x.rel[v] != "conj" && x.rel[v] != "parataxis" && x.rel[v] != "acl" && x.rel[v] != "advcl" ||
				v == 0 || d.Tokens[v-1].UPOS != "PUNCT" || x.child(v, "nsubj", "nsubj:pass", "cc", "ccomp", "xcomp") >= 0 {
				continue
			}
			o := x.child(v, "obj")
			if o < v || !closes(d, x, v, sent.Tokens.End) {
				continue
			}
			x.rel[o] = "nsubj"
			if d.Tokens[h].UPOS == "VERB" {
				x.rel[v] = "parataxis"
				continue
			}
			r := h // (hung from a noun: beside the sentence's verb)
			for x.head[r] >= 0 {
				r = x.head[r]
			}
			x.rehang(v, h, r, "parataxis")
		}
	}
	// "condemned the drill, the official news agency KCNA said" parsed
	// with the agency in apposition to the drill and its name alone the
	// speaker: the agency, named by what follows it, speaks.
	for n := 1; n+2 < len(d.Tokens); n++ {
		h, name, v := x.head[n], n+1, x.head[n+1]
		if x.rel[n] != "appos" || h < 0 || h > n || d.Tokens[n].UPOS != "NOUN" || d.Tokens[name].UPOS != "PROPN" ||
			x.rel[name] != "nsubj" || v <= name || !speechVerbs[x.lemma[v]] || !slices.ContainsFunc(d.Tokens[h:n], func(t parley.Token) bool { return t.XPOS == "," }) {
			continue
		}
		x.rehang(n, h, v, "nsubj")
		x.rehang(name, v, n, "appos")
	}
	x.placeAt = map[int]int{}
	for k, p := range d.Places {
		if h := d.SpanHead(p.Tokens); h >= 0 {
			if _, ok := x.placeAt[h]; !ok {
				x.placeAt[h] = k
			}
		}
	}
	x.timexAt = map[int][]int{}
	x.timexHead = map[int]bool{}
	for k, t := range d.Timexes {
		if h := d.SpanHead(t.Tokens); h >= 0 && d.Tokens[h].Head >= 0 {
			x.timexAt[d.Tokens[h].Head] = append(x.timexAt[d.Tokens[h].Head], k)
			x.timexHead[h] = true
		}
	}
	// An apposition whose phrase opens with a preposition of place is no
	// apposition but where ("met on the margins of a trade summit in the
	// Brazilian capital Brasilia", the city hung on the summit): its
	// actors head a phrase of their own, and actorsAt does not reach them
	// through it.
	x.placeAppos = map[int]bool{}
	for i := range d.Tokens {
		if x.rel[i] == "appos" && locativePhrase(d, x, i) {
			x.placeAppos[i] = true
		}
	}
	for k, a := range d.Actors {
		h := d.SpanHead(a.Tokens)
		root := x.phraseRoot(d, h)
		for i := h; i != root && i >= 0; i = x.head[i] {
			// (Nor is one the critics, opponents or kin of are among
			// them: "critics of Kenya's new constitution" are not Kenya.)
			if x.placeAppos[i] || x.rel[i] == "nmod" && x.caseOf(i) == "of" && x.head[i] >= 0 && othersOf[x.lemma[x.head[i]]] {
				root = i
				break
			}
		}
		x.anchored[root] = append(x.anchored[root], k)
		for i := a.Tokens.Start; i < a.Tokens.End; i++ {
			if x.actorAt[i] < 0 {
				x.actorAt[i] = k
			}
		}
	}
	// "held talks with visiting US President Bush" parsed with "with"
	// opening a clause of "visiting": the visitor is whom the talks are
	// with, and "visiting" describes him.
	for v := 1; v < len(d.Tokens); v++ {
		w, o := v-1, x.child(v, "obj")
		if x.lower[w] != "with" || x.head[w] != v || x.head[v] < 0 || !visitor(d, x, v) {
			continue
		}
		to, rel := x.head[v], "obl"
		if n := w - 1; n >= 0 && d.Tokens[n].UPOS == "NOUN" && d.Tokens[n].Head != w {
			to, rel = n, "nmod"
		}
		if to < 0 {
			continue
		}
		x.rehang(o, v, to, rel)
		x.rehang(w, v, o, "case")
		x.rehang(v, x.head[v], o, "amod")
	}
	return x
}

// firstConjunct returns the first of the conjuncts word i belongs to
// (i itself when it is no conjunct, or -1 for -1), climbing at most 8
// conj links (a parse's chains are shorter).
func (x *docIndex) firstConjunct(i int) int {
	for n := 0; i >= 0 && x.rel[i] == "conj" && x.head[i] >= 0 && n < 8; n++ {
		i = x.head[i]
	}
	return i
}

// conjoined returns actor a and the actors conjoined with it ("Gondor and
// Osgiliath"), in order.
func (x *docIndex) conjoined(d *parley.Doc, a int) []int {
	h := x.firstConjunct(d.PhraseRoot(d.SpanHead(d.Actors[a].Tokens)))
	out := actorsAt(d, x, h)
	if !slices.Contains(out, a) {
		out = append([]int{a}, out...)
	}
	return out
}

// child returns the first child of i with one of the relations, or -1.
func (x *docIndex) child(i int, rels ...string) int {
	for _, c := range x.children[i] {
		if slices.Contains(rels, x.rel[c]) {
			return c
		}
	}
	return -1
}

// codeVerb codes the events of verb token v in sentence s.
func (c *Coder) codeVerb(d *parley.Doc, x *docIndex, s, v int) {
	if hyphenParticiple(d, v) {
		return // "government-backed militias", "the US-led coalition", "rebel-held Goma": a description, not an act
	}
	if lightVerbs[x.lemma[v]] {
		for _, k := range x.children[v] {
			if r := x.rel[k]; r == "obj" || r == "nsubj" || r == "nsubj:pass" {
				if _, ok := nominal(d, x, k); ok {
					return // the noun carries the event ("increased its attacks")
				}
			}
		}
	}
	if x.rel[v] == "xcomp" && !passiveFrame(x, d.Tokens[v].Head) && c.patterned(d, x, d.Tokens[v].Head) {
		return // the controlling verb's pattern covers it ("pledged to provide aid")
	}
	if visitor(d, x, v) {
		return
	}
	if pressVerbs[x.lemma[v]] && x.rel[v] == "advcl" && bareParticiple(d, x, v) {
		return // "when asked about the talks, the minister said": a quote's occasion
	}
	named := naming(d, x, v)
	ref, span, ok := c.findVerb(d, x, v)
	if !ok {
		return
	}
	// "decided to release", "is seeking to impose sanctions", "failed to
	// agree": a verb that only frames its complement is no event when the
	// complement is one; the complement carries the frame as its
	// modality.
	if passiveFrame(x, v) {
		if xc := complement(d, x, v); xc >= 0 {
			if _, _, ok := c.findVerb(d, x, xc); ok {
				return
			}
		}
	}
	// "summoned Peru's ambassador to complain": the summons is the
	// complaint, coded on its own verb.
	if summonVerbs[x.lemma[v]] {
		if xc := purposeClause(d, x, v); xc >= 0 {
			if _, _, ok := c.findVerb(d, x, xc); ok {
				return
			}
		}
	}
	if frameVerbs[x.lemma[v]] {
		if xc := complement(d, x, v); xc >= 0 && !c.patterned(d, x, v) {
			if _, _, ok := c.findVerb(d, x, xc); ok {
				return
			}
		}
	}
	g := &c.set.Verbs[ref.group]
	vb := &g.Verbs[ref.verb]
	code, pattern := c.verbCode(ref), ""
	src, tgt := arguments(d, x, v)
	// One travels with companions, not to them ("reporters travelling
	// with the president", "arrived in Turkey with a delegation of
	// businessmen").
	if travelVerbs[x.lemma[v]] {
		tgt = slices.DeleteFunc(tgt, func(t int) bool {
			r := x.phraseRoot(d, d.SpanHead(d.Actors[t].Tokens))
			return x.caseOf(r) == "with" && x.head[r] == v
		})
	}
	if c.cfg.NewActorLength > 0 {
		src, tgt = c.newActors(d, x, v, src, tgt)
	}
	var compound []int // actors that act on one another ("A and B met")
	// "summoned Peru's ambassador to complain": the purpose of a summons
	// is aimed at whom the subject summons. (Not that of a meeting:
	// "met the envoy to discuss the dispute" is the meeting.)
	if o, u := purposeObject(x, v); len(tgt) == 0 && o >= 0 && summonVerbs[x.lemma[u]] {
		tgt = actorsAt(d, x, o)
	}
	ownOnly := false // the complement named only the subject's own forces: no target is sought elsewhere
	if len(tgt) == 0 {
		// "threatened to break relations with …": the complement's
		// target. After an object, a "to" clause is the act's purpose,
		// which names whom the act is for only when it is to help them
		// ("launched an appeal to help North Korea"; not "brokered the
		// merger to prevent a bid by Enel"). Nor is the purpose of a
		// meeting whom it meets: "the three envoys meet Monday to hear
		// Pyongyang's answer" is a meeting of the three (but crowds
		// gather to petition the governor).
		if xc := complement(d, x, v); xc >= 0 && (x.rel[xc] == "xcomp" || x.child(v, "obj") < 0 && x.lemma[v] != "meet" && x.lemma[v] != "convene" || helpVerbs[x.lemma[xc]]) {
			_, tgt = arguments(d, x, xc)
			// "backed sending more troops to Mali": the troops a state
			// would send in the clause its own subject does are its own,
			// not what it backs — also when a country was only guessed
			// for them from the places around ("to send police to
			// Haiti").
			n := len(tgt)
			tgt = slices.DeleteFunc(tgt, func(t int) bool {
				a := d.Actors[t]
				if a.CountryFrom == parley.FromSentence || a.CountryFrom == parley.FromDocument {
					a.Country = ""
				}
				return slices.ContainsFunc(src, func(s int) bool { return stateActor(d.Actors[s]) && ownForce(d.Actors[s], a) })
			})
			ownOnly = n > 0 && len(tgt) == 0
		}
	}
	// "donated and personally delivered goods to the school": a verb
	// followed at once by the conjunction shares the objects of the verb
	// conjoined after it (not "arrived here and met the president").
	// seek reports whether a target is still to be sought beyond the
	// verb's own phrases.
	seek := func() bool { return len(tgt) == 0 && !ownOnly }
	if seek() && x.child(v, "obj") < 0 {
		for _, c := range x.children[v] {
			if x.rel[c] == "conj" && c > v && d.Tokens[c].UPOS == "VERB" && x.child(c, "nsubj", "nsubj:pass") < 0 &&
				!slices.ContainsFunc(d.Tokens[v+1:c], func(t parley.Token) bool { return t.UPOS != "CCONJ" && t.UPOS != "ADV" }) {
				_, tgt = arguments(d, x, c)
				break
			}
		}
	}
	// A verb the dictionaries define again in another group ("--- SHOT
	// [---] ---" and "--- SHOT [223] ---") takes the best pattern of
	// either, less those its entry in that group goes without.
	p, b, _, patterned := c.scoredPattern(d, x, v, append([]verbRef{ref}, c.twins[ref]...)...)
	x.setPatterned(v, patterned)
	// Naming something something is no call for anything; naming someone
	// a dictator or a terrorist, words of a pattern in what they are
	// called, denounces them.
	if named && !(patterned && len(b.words) > 0 && !slices.ContainsFunc(b.words, func(t int) bool { return !inPredicate(x, v, t) })) {
		return
	}
	if patterned && speechVerbs[x.lemma[v]] && c.restates(d, x, v, b) {
		return // "said they would release him": the release is the event
	}
	// What a statement is — opposition, pessimism, an initiative — is said
	// by a pattern's words at the verb, in what it says or right under
	// it, not deep inside: "said the ban was due to restrictions imposed
	// on the activities of the opposition" voices no opposition.
	if patterned && speechVerbs[x.lemma[v]] && slices.ContainsFunc(b.words, func(t int) bool { return deepInClause(x, v, t) }) {
		return
	}
	if patterned {
		code, pattern = p.Code, strings.Join(strings.Fields(p.Raw), " ")
		if p.Origin.File != "" {
			pattern += " (" + p.Origin.String() + ")"
		} else {
			pattern += " (" + p.Pos.String() + ")"
		}
		if b.source >= 0 {
			src = []int{b.source}
		}
		if b.target >= 0 {
			// The target's conjuncts too: "recognised Israel and Jordan".
			tgt = x.conjoined(d, b.target)
		}
		if b.compound >= 0 {
			compound = x.conjoined(d, b.compound)
			// "Eriador agrees with the Philippines and France": a
			// compound after the verb of a subject of its own is
			// whom the subject acts on, each of them.
			if d.Actors[b.compound].Tokens.Start > v && len(src) > 0 && !slices.ContainsFunc(src, func(a int) bool { return slices.Contains(compound, a) }) {
				tgt, compound = compound, nil
			}
		}
		// An actor the pattern's words name is what was done, not to whom.
		named := func(a int) bool {
			return slices.ContainsFunc(b.words, func(t int) bool { return x.actorAt[t] == a })
		}
		// It stays when it is the only actor and names a country:
		// "expelled two Russian diplomats" ("* diplomat").
		drop := func(list []int) []int {
			kept := slices.DeleteFunc(slices.Clone(list), named)
			if len(kept) == 0 {
				kept = slices.DeleteFunc(list, func(a int) bool { return named(a) && d.Actors[a].Country == "" })
			}
			return kept
		}
		hadTarget := len(tgt) > 0
		src, tgt = drop(src), drop(tgt)
		if hadTarget && len(tgt) == 0 {
			// The object was what was done ("sent troops to Somalia"):
			// whom it was done to is the other object ("called the
			// premier a dictator") or in a phrase.
			tgt = slices.DeleteFunc(actorsAt(d, x, x.child(v, "iobj")), func(a int) bool { return named(a) || slices.Contains(src, a) })
			if len(tgt) == 0 {
				tgt = slices.DeleteFunc(phraseTarget(d, x, v), func(a int) bool { return named(a) || slices.Contains(src, a) })
			}
		}
	} else {
		pattern = fmt.Sprintf("%s * (%s)", g.Name, vb.Pos)
	}
	if code == "" || code == "---" || complexCode(code) {
		return
	}
	// One who "takes over from" someone, taking over nothing named,
	// succeeds them in an office: "takes over from Francis Lambert, who
	// must retire".
	if x.lemma[v] == "take" && hasParticle(x, v, "over") && x.child(v, "obj") < 0 &&
		slices.ContainsFunc(x.children[v], func(k int) bool { return x.rel[k] == "obl" && x.caseOf(k) == "from" }) {
		return
	}
	// One "targeted" to gain from something is aimed at, not attacked:
	// "has targeted 1.5 million farmers to benefit from the program".
	if x.lemma[v] == "target" {
		o := x.child(v, "obj")
		if x.child(v, "xcomp") >= 0 || o >= 0 && slices.ContainsFunc(x.children[o], func(k int) bool { return x.rel[k] == "acl" && infinitive(x, k) }) {
			return
		}
	}
	// To "deal with" armed men or criminals is to tackle them, not to
	// bargain with them ("more powers to deal with suspected
	// terrorists").
	if x.lemma[v] == "deal" && len(tgt) > 0 && !slices.ContainsFunc(tgt, func(a int) bool {
		return !anySector(d.Actors[a].Sectors, "REB", "UAF", "RAD", "CRM", "INS", "SEP")
	}) {
		return
	}
	// To meet something that is no one ("meet the criteria", "met its
	// targets") is to satisfy it, not to meet anybody.
	// Nor is facing something ("facing anemic poll numbers at home"),
	// unless a pattern says who makes one face it ("faced charges" [:112]).
	if x.lemma[v] == "meet" && !patterned || x.lemma[v] == "face" && !strings.HasPrefix(code, ":") || x.lemma[v] == "host" && !patterned {
		// (Not "met Tuesday with …", the day parsed as the object.)
		// (Facing is of the object itself: "facing poll numbers over
		// his Somalia policy" faces no Somalia.)
		// (A host hosts people, not a thing of theirs: "a prefecture
		// hosting a US Navy base".)
		if o := x.child(v, "obj"); o >= 0 && d.Tokens[o].UPOS == "NOUN" && (len(actorsAt(d, x, o)) == 0 || x.lemma[v] != "meet" && x.actorAt[o] < 0 ||
			x.lemma[v] == "host" && facilities[x.lemma[o]]) {
			return
		}
	}
	// To defend something that is no one and no place — a decision, a
	// deal, a country's presence — is to defend it in words (052), not
	// to protect it by arms (074): "defended his budget deal", but
	// "would defend Taiwan", "defend the border".
	if code == "074" && !patterned && x.lemma[v] == "defend" {
		if o := x.child(v, "obj"); o >= 0 && d.Tokens[o].UPOS == "NOUN" && x.actorAt[o] < 0 && !placeNouns[x.lemma[o]] && !facilities[x.lemma[o]] {
			if _, place := x.placeAt[o]; !place {
				code = "052"
			}
		}
	}
	fwd, back, _ := strings.Cut(code, ":")
	// A "with" phrase beside an object that names whom the act is on is
	// the means, not a party acting back ("hit Kharkiv with navy ships").
	if o := x.child(v, "obj"); back != "" && patterned && o >= 0 && len(actorsAt(d, x, o)) > 0 &&
		slices.ContainsFunc(b.words, func(t int) bool { return x.lower[t] == "with" && !x.onPath(t, v, func(k int) bool { return k == o }) }) {
		back = ""
	}
	if violent(fwd) && (!patterned || len(b.words) == 0) && figurative(d, x, v) {
		return // "killed the motion", "broke the momentum": no violence
	}
	if strings.HasPrefix(fwd, "19") && !patterned && contestVerbs[x.lemma[v]] &&
		!slices.ContainsFunc(src, func(a int) bool { return armed(d.Actors[a]) }) &&
		!slices.ContainsFunc(tgt, func(a int) bool { return armed(d.Actors[a]) }) {
		return // "defeated the chancellor", "beat New Zealand 15-4": no violence
	}
	// Only a state or an armed group occupies territory: refugees who
	// "moved into the DRC" sought refuge there.
	if fwd == "192" && len(src) > 0 && !slices.ContainsFunc(src, func(a int) bool { return stateActor(d.Actors[a]) || armed(d.Actors[a]) }) {
		return
	}
	// Nor is an operation military when businesses or aid workers run
	// it: carmakers "start operations in Thailand", relief workers
	// "begin an operation to fly refugees out".
	if strings.HasPrefix(fwd, "19") && patterned && len(src) > 0 && slices.ContainsFunc(b.words, func(t int) bool { return x.lemma[t] == "operation" }) &&
		!slices.ContainsFunc(src, func(a int) bool { return !private(d.Actors[a]) }) {
		return
	}
	if describing(d, x, v) && (!doneTo(fwd) || strings.HasPrefix(fwd, "084") && len(actorsAt(d, x, d.Tokens[v].Head)) == 0) {
		// "Al-Qaida in Iraq, led by Zarqawi", "a delegation headed by
		// the minister": a participle describing a noun tells what it
		// is, not what happened — unless it was done to it ("prisoners
		// held", "civilians killed by the strike"). What is released
		// must be someone ("soldiers released by the rebels", not "a
		// video released by the group").
		return
	}
	// A visit falls on the place visited ("visited Gondor"); a host hosts
	// people, not the place it hosts them in ("offered to host a meeting
	// in Khartoum").
	if arrival := fwd == "042" || x.lemma[v] == "arrive"; seek() && (fwd >= "06" || arrival) {
		// Where one demands, criticizes, rejects or threatens is not
		// whom ("campaigning in the port of Southampton, he said …"),
		// though what one criticizes may lie there ("criticized the
		// closure of guest houses in Bree", the place hung from the
		// verb or from its object).
		if verbalConflict(fwd) && x.child(v, "obj") < 0 {
			tgt = placeTarget(d, x, v, src, false, true)
		} else {
			tgt = placeTarget(d, x, v, src, arrival || actsOnPlace(fwd), false)
		}
		if xc := complement(d, x, v); len(tgt) == 0 && xc >= 0 {
			tgt = placeTarget(d, x, xc, src, true, false) // "threatened to impose a curfew in Algiers"
		}
	}
	// "appealed for peace in Ithilen", "called for calm in Kenya": an
	// appeal for something in a place is aimed at that place, and so is
	// a demand ("pressed for an inquiry in Turkey", "bargained for
	// asylum in Gondor").
	if seek() && (strings.HasPrefix(fwd, "02") || strings.HasPrefix(fwd, "10") || x.lemma[v] == "appeal" || x.lemma[v] == "plead") {
		triedVerb := false
		for _, c := range x.children[v] {
			if x.rel[c] != "obl" || x.caseOf(c) != "for" {
				continue
			}
			if tgt = placeTarget(d, x, c, src, true, false); len(tgt) > 0 {
				break
			}
			// (the place hung from the verb: "appealed for peace in
			// Ithilen" parsed as two phrases of "appealed")
			if !triedVerb {
				triedVerb = true
				if tgt = placeTarget(d, x, v, src, false, false); len(tgt) > 0 {
					break
				}
			}
		}
	}
	if seek() {
		var words []int
		if patterned {
			words = b.words
		}
		// A conflict falls on the place its object lies in; cooperation
		// ("welcomed the talks in Beijing", "signed the declaration in
		// Pretoria") does not.
		tgt = deepTarget(d, x, v, src, words, fwd >= "11" && fwd < "21")
	}
	// Helping someone do something helps them ("helped Iraq build
	// plants"), and helping relieve someone's suffering helps them; but
	// whom the helped act is done to, or between, is not helped: "will
	// help us convince the EU presidency", "help persuade Britain",
	// "help defuse tensions between the refugees and the population".
	if xc := x.child(v, "xcomp"); helpVerbs[x.lemma[v]] && xc >= 0 && strings.HasPrefix(code, "07") && x.child(v, "obj") < 0 {
		tgt = slices.DeleteFunc(slices.Clone(tgt), func(a int) bool {
			h := d.SpanHead(d.Actors[a].Tokens)
			if x.head[h] == xc && x.rel[h] == "obj" {
				return true
			}
			for u := h; u >= 0 && u != xc; u = x.head[u] {
				if x.caseOf(u) == "between" {
					return true
				}
			}
			return false
		})
	}
	// "The Chinese president expressed China's appreciation", "Cohen
	// reaffirmed Washington's commitment": the speaker's own country as
	// the owner of what is said is no one acted upon.
	// "Lula asked the two countries to widen their trade": a pair the
	// source's country is one of is not acted on by it (but "expand
	// trade between the two countries", "damage the two countries'
	// relations" are with the other).
	// Nor is one's own country the one a hope or fear is about: "Li
	// dismissed fears that China was harbouring ambitions".
	tgt = slices.DeleteFunc(slices.Clone(tgt), func(a int) bool {
		return (topicOwner(d, x, v, a, false) || stanceSubject(d, x, v, a)) && slices.ContainsFunc(src, func(s int) bool { return ownCountry(d.Actors[s], d.Actors[a]) }) ||
			pair(d, x, a) && !betweenPair(d, x, a) && slices.ContainsFunc(d.Actors, func(b parley.Actor) bool {
				return b.Tokens == d.Actors[a].Tokens && slices.ContainsFunc(src, func(s int) bool { return d.Actors[s].Country == b.Country })
			})
	})
	if strings.HasPrefix(fwd, "04") && !visits(fwd) {
		// One talks with people, not with what one talks about: "discussed
		// Iran's nuclear standoff" is no meeting with Iran.
		// What is discussed is the topic, whoever it names: "expected to
		// discuss Cyprus", "discussed the Tueni killing with …".
		o, cc := x.child(v, "obj"), x.child(v, "ccomp")
		about := func(a int) bool {
			h := d.SpanHead(d.Actors[a].Tokens)
			return discussVerbs[x.lemma[v]] && (o >= 0 && within(d, h, o) || cc >= 0 && within(d, h, cc))
		}
		if tgt = slices.DeleteFunc(slices.Clone(tgt), func(a int) bool { return topicOwner(d, x, v, a, true) || about(a) || underTopic(d, x, v, a) }); len(tgt) == 0 {
			tgt = withParty(d, x, v, src)
		}
	}
	// Nor is an agreement, a pledge or cooperation with whom its topic
	// names ("failed to reach consensus on the disarmament of
	// Hezbollah", "reach a deal with the US on the deployment of US
	// troops"), but with whom a phrase inside the topic pairs it with
	// ("agreed on a ceasefire with Hamas"); a pattern that names the
	// target's place, or the words of the topic, says otherwise ("* over
	// + [112]", "* over efforts [050]").
	if (strings.HasPrefix(fwd, "03") || strings.HasPrefix(fwd, "05")) && !(patterned && b.target >= 0) {
		var words []int
		if patterned {
			words = b.words
		}
		n := len(tgt)
		if tgt = slices.DeleteFunc(slices.Clone(tgt), func(a int) bool {
			h := d.SpanHead(d.Actors[a].Tokens)
			return underTopic(d, x, v, a) && !partyPhrase(d, x, h, v) && !topicMatched(x, h, v, words)
		}); n > 0 && len(tgt) == 0 {
			tgt = withParty(d, x, v, src)
		}
	}
	if seek() && strings.HasPrefix(fwd, "14") {
		tgt = againstTarget(d, x, v, src)
	}
	if seek() && strings.HasPrefix(fwd, "13") {
		tgt = conditionTarget(d, x, v, src) // "threatened to quit the talks if Washington …"
	}
	// One carried somewhere by others makes no visit: "had to be
	// airlifted to a Sydney hospital", "were flown to Nairobi".
	if fwd == "042" && x.lemma[v] != "welcome" && x.lemma[v] != "greet" && x.lemma[v] != "receive" && x.lemma[v] != "invite" {
		if _, passive := subject(d, x, v, 0); (passive || x.child(v, "aux:pass") >= 0) && x.child(v, "obl:agent") < 0 {
			return
		}
	}
	if visits(fwd) {
		// A visit is not to the place one leaves ("left Hanoi for New
		// Delhi": to where one is going, which the parser may hang from
		// the place left).
		if obj := x.child(v, "obj"); obj >= 0 && (x.lemma[v] == "leave" || x.lemma[v] == "depart") {
			tgt = slices.DeleteFunc(slices.Clone(tgt), func(t int) bool { return d.SpanHead(d.Actors[t].Tokens) == obj })
			for _, c := range append(slices.Clone(x.children[v]), x.children[obj]...) {
				if (x.rel[c] == "obl" || x.rel[c] == "nmod") && x.caseOf(c) == "for" && len(tgt) == 0 {
					tgt = actorsAt(d, x, c)
				}
			}
		}
		// A visit is to another country: a fleet "arrived in a port city
		// of east China" after its voyage is home, not visiting China;
		// and to attend one's own country's court session or exam is
		// no visit to anyone.
		tgt = slices.DeleteFunc(slices.Clone(tgt), func(t int) bool {
			return (d.Actors[t].Sectors == "" || x.lemma[v] == "attend") && d.Actors[t].Country != "" && d.Actors[t].Country != "IGO" &&
				slices.ContainsFunc(src, func(s int) bool { return d.Actors[s].Country == d.Actors[t].Country })
		})
	}
	if futureVerbs[x.lemma[v]] && x.child(v, "xcomp") >= 0 {
		fwd, back = intent(fwd), intent(back) // "agreed to share", "offered to host": an intent
	}
	// (Not a clause of the object's: "expressed hope on Thursday that
	// Ukraine would join the talks" is a hope about Ukraine.)
	if strings.HasPrefix(fwd, "01") && (x.child(v, "ccomp") >= 0 || x.child(v, "parataxis") >= 0) && objectClause(x, v) < 0 {
		// A statement whose content is coded on its own is that content's
		// report. A comment on something no verb of the dictionaries codes
		// ("believes Gondor can cope with the drought") is about the
		// actors of its clause — unless its code is the verb's own words
		// found in the clause ("said it was lowering ratings on concerns"),
		// a bare statement, or an admission or denial, which is of the
		// speaker's own doing.
		cc := x.child(v, "ccomp")
		// (With one-actor events, PETRARCH's require_dyad off, a closing
		// "…, the agency said" is a statement of its own too, however the
		// parser hangs it: as the root over its content, or beside it.)
		closing := c.cfg.OneActor && fwd == "010" && cc >= 0 && cc < v && len(tgt) == 0
		if !closing && (cc < 0 || fwd == "010" || fwd == "015" || fwd == "016" ||
			slices.ContainsFunc(b.words, func(t int) bool { return within(d, t, cc) }) || len(c.clauseVerbs(d, x, v)) > 0) {
			return
		}
		if len(tgt) == 0 && !closing {
			s2, t2 := arguments(d, x, cc)
			tgt = slices.DeleteFunc(append(s2, t2...), func(a int) bool {
				return slices.ContainsFunc(src, func(s int) bool { return s == a || ownCountry(d.Actors[s], d.Actors[a]) })
			})
		}
	}
	if fwd == "010" && !patterned && !c.cfg.OneActor {
		return // "said", "stated": a bare statement is not an event between actors
	}
	// One travels to a place, not to where one set out from ("driving
	// from Gulu in Uganda to Juba"), unless the pattern says so
	// ("repatriated from Zaire": * (from)).
	if len(tgt) > 0 && (travelVerbs[x.lemma[v]] || fwd == "042") {
		tgt = slices.DeleteFunc(tgt, func(t int) bool { return !strings.Contains(pattern, "(from") && fromPhrase(d, x, v, t) })
		for _, k := range x.children[v] {
			if len(tgt) == 0 && (x.caseOf(k) == "to" || x.caseOf(k) == "for") {
				tgt = actorsAt(d, x, k) // "travel from Peru to Bolivia"
			}
		}
		if len(tgt) == 0 {
			return
		}
	}
	mode, reporter := modalityUsing(d, x, v, append(b.before, b.words...))
	// "The United States and Jordan agreed", "Moscow and Kyiv met": actors
	// conjoined as subjects of a verb with no target act on one another
	// when the act is one done together ("the EU and NATO backed the
	// plan", "France and Germany refused" do not).
	// So is an act whose pattern codes it the same both ways ("India and
	// Pakistan exchanged fire", [193:193]; "exchanged prisoners"), and
	// one done to "each other" or "one another" (but "need each other" asks
	// nothing of anyone).
	// (Those by whom something was done did it together, not to one
	// another: "troops will be sent by Ghana, Nepal and
	// Uruguay".)
	passive := func() bool { _, p := subject(d, x, v, 0); return p }
	if len(compound) == 0 && len(src) > 1 && !passive() && !examples(d, x, src) && !nested(d, x, src) && (len(tgt) == 0 && (together(fwd, x.child(v, "obj") >= 0) && (!attendVerbs[x.lemma[v]] || countries(d, src) > 1) || mutualVerbs[x.lemma[v]] || back == fwd || eachOther(x, v) && !strings.HasPrefix(fwd, "10") || fwd >= "03" && fwd < "09" && theirOwn(x, v)) || amongSources(tgt, src, d)) {
		compound = src
	}
	if len(compound) > 1 {
		c.emitMutual(d, x, s, span, fwd, pattern, compound, mode, reporter)
		return
	}
	n0 := len(d.Events)
	c.emit(d, x, s, span, fwd, pattern, src, tgt, mode, reporter)
	if back != "" && len(src) > 0 && len(tgt) > 0 {
		c.emit(d, x, s, span, back, pattern, tgt, src, mode, reporter)
	}
	if mode == parley.Negated && refusal(d, x, v) {
		for k := n0; k < len(d.Events); k++ {
			if e := &d.Events[k]; e.Root >= "03" && e.Root <= "08" {
				e.Plover, e.PloverMode, e.PloverContext = "REJECT", "", ""
			}
		}
	}
}

// topicOwner reports whether actor a only qualifies the thing verb v is
// about ("discussed Iran's nuclear standoff", "a United Nations
// resolution", "the Iranian programme"): its phrase hangs as a possessor
// or modifier from v's object, a noun that no actor covers. With talk, a
// phrase saying what the object is about counts too ("discuss the demand
// by Hezbollah", "the situation in Iraq").
func topicOwner(d *parley.Doc, x *docIndex, v, a int, talk bool) bool {
	h := d.SpanHead(d.Actors[a].Tokens)
	r := x.rel[h]
	if talk && r == "nmod" && topicCases[x.caseOf(h)] {
		r = "amod"
	}
	if r != "nmod:poss" && r != "compound" && r != "amod" {
		return false
	}
	n := d.Tokens[h].Head
	// A modifier of a person's noun says whose the person is: "met his
	// Iranian counterpart", "meets ROK guests".
	if r != "nmod:poss" && n >= 0 && (personNouns[x.lemma[n]] || titles(d, n)) {
		return false
	}
	return n >= 0 && d.Tokens[n].Head == v && x.rel[n] == "obj" && d.Tokens[n].UPOS == "NOUN" && x.actorAt[n] < 0
}

// underTopic reports whether actor a lies inside a phrase of verb v that
// says what is talked about ("holding discussions on how to react to
// Iran's decision", "talks over the future of Kosovo"): those named there
// are what the talks are about, not who talks.
func underTopic(d *parley.Doc, x *docIndex, v, a int) bool {
	return x.onPath(d.SpanHead(d.Actors[a].Tokens), v, func(t int) bool {
		return aboutCases[x.caseOf(t)] && !x.timexHead[t] || // (not "on Sunday")
			slices.ContainsFunc(x.children[t], func(c int) bool { return x.rel[c] == "mark" && aboutCases[x.lower[c]] })
	})
}

// onPath reports whether at reports true of a token on the way up the
// tree from token t to verb v (t included, v not; at most 12 steps).
func (x *docIndex) onPath(t, v int, at func(int) bool) bool {
	for n := 0; n < 12 && t >= 0 && t != v; n++ {
		if at(t) {
			return true
		}
		t = x.head[t]
	}
	return false
}

// withParty returns whom verb v's act is with, other than its sources src:
// the actors of a "with" phrase of the verb, or of one the parser hung
// deeper in its object's or its phrases' ("discussed Iran's programme
// with Pakistani officials", "discussed it by phone with the French
// minister").
func withParty(d *parley.Doc, x *docIndex, v int, src []int) []int {
	level := []int{v}
	for depth := 0; depth < 3; depth++ {
		var next []int
		for _, n := range level {
			for _, c := range x.children[n] {
				r := x.rel[c]
				if r != "obl" && r != "nmod" && r != "obj" && r != "conj" || depth > 0 && r == "obj" {
					continue
				}
				if (r == "obl" || r == "nmod") && x.caseOf(c) == "with" {
					if tgt := slices.DeleteFunc(actorsAt(d, x, c), func(a int) bool { return slices.Contains(src, a) }); len(tgt) > 0 {
						return tgt
					}
				}
				next = append(next, c)
			}
		}
		level = next
	}
	return nil
}

// partyPhrase reports whether token t lies in a phrase naming a party of
// what verb v says, below v: one with "with", "against", "from", "to" or
// the like (partyCases), or the "on" of a call ("a resolution calling on
// the government").
func partyPhrase(d *parley.Doc, x *docIndex, t, v int) bool {
	return x.onPath(t, v, func(t int) bool {
		c := x.caseOf(t)
		return partyCases[c] || c == "on" && x.head[t] >= 0 && x.lemma[x.head[t]] == "call" && d.Tokens[x.head[t]].UPOS == "VERB"
	})
}

// topicMatched reports whether the preposition of a topic phrase on the
// way up the tree from token t to verb v is one of words, which a pattern
// matched ("* over efforts").
func topicMatched(x *docIndex, t, v int, words []int) bool {
	return len(words) > 0 && x.onPath(t, v, func(t int) bool {
		return slices.ContainsFunc(x.children[t], func(c int) bool { return x.rel[c] == "case" && aboutCases[x.lower[c]] && slices.Contains(words, c) })
	})
}

// partyCases are the prepositions of a phrase that names a party to an
// act, not its topic.
var partyCases = map[string]bool{
	"with": true, "between": true, "among": true, "against": true, "from": true, "to": true,
	"toward": true, "towards": true, "by": true,
}

// aboutCases are the prepositions of a phrase that says what a talk is
// about.
var aboutCases = map[string]bool{"on": true, "about": true, "over": true, "regarding": true, "concerning": true}

// topicCases are the prepositions of a phrase that says what a thing is
// about or whose it is ("the demand by Hezbollah", "the talks on Iran").
var topicCases = func() map[string]bool {
	m := maps.Clone(aboutCases)
	m["by"], m["in"] = true, true
	return m
}()

// titles reports whether noun n stands before a person's name ("mediator
// Diego Cordovez"): it is that person's title.
func titles(d *parley.Doc, n int) bool {
	return slices.ContainsFunc(d.Entities, func(e parley.Entity) bool {
		return e.Type == parley.PER && e.Tokens.Start == n+1
	})
}

// personNouns are nouns for people: some no dictionary makes actors, as
// they say only who someone is to another; the rest are offices, which a
// dictionary without them leaves to this list.
var personNouns = map[string]bool{
	"counterpart": true, "guest": true, "host": true, "colleague": true, "partner": true,
	"visitor": true, "delegate": true, "representative": true, "peer": true, "friend": true,
	"leader": true, "official": true, "minister": true, "president": true, "chief": true,
	"envoy": true, "ambassador": true, "delegation": true,
}

// hyphenParticiple reports whether token v is a participle joined by a
// hyphen to the word before it ("government-backed", "US-led",
// "rebel-held", "insurgency-hit" with "hit" read as a base verb): the two
// make one adjective, however the tagger and the parser read them. Not
// a past tense ("soldiers tear-gassed a crowd"), a base verb after "to"
// or a modal ("will tear-gas them"), or a verb after a prefix
// ("re-open", "co-operate").
func hyphenParticiple(d *parley.Doc, v int) bool {
	if v < 2 {
		return false
	}
	switch d.Tokens[v].XPOS {
	case "VBN", "VBG":
	case "VB":
		if v >= 3 && (d.Tokens[v-3].XPOS == "MD" || d.Tokens[v-3].XPOS == "TO") {
			return false
		}
	default:
		return false
	}
	h, w := d.Tokens[v-1], d.Tokens[v-2]
	return d.TokenText(v-1) == "-" && w.End == h.Start && h.End == d.Tokens[v].Start && !verbPrefixes[strings.ToLower(d.TokenText(v-2))]
}

// verbPrefixes make a verb of the verb they are hyphenated to.
var verbPrefixes = map[string]bool{"re": true, "co": true, "pre": true, "de": true, "un": true, "mis": true, "dis": true, "non": true, "cross": true, "over": true, "under": true, "out": true, "counter": true}

// passiveFrame reports whether verb v frames its complement in the
// passive ("is expected to visit", "is scheduled to meet"): such a frame
// is never the event, whatever its patterns say; the complement is.
func passiveFrame(x *docIndex, v int) bool {
	return v >= 0 && (frameVerbs[x.lemma[v]] || futureVerbs[x.lemma[v]]) && x.child(v, "nsubj:pass", "aux:pass") >= 0
}

// refusal reports whether negated verb v is refused rather than merely
// not done: negated with "will" or "would" ("will not accept refugees"),
// or the complement of "refuse", "decline" or "reject" ("refused to
// deploy peacekeepers"). PLOVER types a cooperative act refused as
// REJECT.
func refusal(d *parley.Doc, x *docIndex, v int) bool {
	if hasAux(x, v, "will") || hasAux(x, v, "would") {
		return true
	}
	h := d.Tokens[v].Head
	return x.rel[v] == "xcomp" && h >= 0 && (x.lemma[h] == "refuse" || x.lemma[h] == "decline" || x.lemma[h] == "reject")
}

// reciprocal reports whether an act of the code done by several actors
// with no one else named is done among them even with an object: agreeing,
// consulting, signing an agreement, cooperating ("Libya and Bulgaria
// signed a treaty"); praising or backing something is not ("the EU and
// NATO backed the plan"), nor is visiting (all "attended a forum").
func reciprocal(code string) bool {
	return strings.HasPrefix(code, "03") || strings.HasPrefix(code, "04") && !visits(code) || strings.HasPrefix(code, "06") || code == "057"
}

// together reports whether an act of the code done by conjoined actors
// with no one else named is done among them: the reciprocal acts, truces
// (0871), and, with no object, accord and fighting ("Albania and Italy
// agreed", "rebels and troops clashed"; not "troops and police took over
// a town").
func together(code string, object bool) bool {
	return reciprocal(code) || code == "0871" || !object && (code == "019" || strings.HasPrefix(code, "19"))
}

// examples reports whether actors of src are named as examples of a
// phrase ("guests including officials, scholars and entrepreneurs"):
// those who do something together are not thereby doing it to one
// another.
func examples(d *parley.Doc, x *docIndex, src []int) bool {
	for _, a := range src {
		t := d.SpanHead(d.Actors[a].Tokens)
		for range 4 {
			if c := x.caseOf(t); c == "including" || c == "like" || c == "such" || c == "among" {
				return true
			}
			if t = x.head[t]; t < 0 {
				break
			}
		}
	}
	return false
}

// nested reports whether an actor of src stands inside another's phrase
// rather than beside it as a conjunct ("Delegates to the summit of
// finance ministers of ASEAN states agreed", "Leaders of both sides
// agree"): those are one party named with what it belongs to, not
// parties acting on one another.
func nested(d *parley.Doc, x *docIndex, src []int) bool {
	for _, a := range src {
		ra := d.SpanHead(d.Actors[a].Tokens)
		for _, b := range src {
			rb := d.SpanHead(d.Actors[b].Tokens)
			if ra == rb || d.Actors[a].Tokens.Overlaps(d.Actors[b].Tokens) {
				continue
			}
			// (Through a prepositional phrase: not a conjunct, an
			// apposition or an adjective — "the Palestinian and
			// Jordanian leaders", "the European Union (EU) and Canada".)
			of := false
			for t, n := rb, 0; t >= 0 && n < 8 && x.rel[t] != "conj" && x.rel[t] != "appos"; t, n = x.head[t], n+1 {
				of = of || x.rel[t] == "nmod"
				if x.head[t] == ra {
					if of {
						return true
					}
					break
				}
			}
		}
	}
	return false
}

// betweenPair reports whether pair a stands in a phrase of what lies
// between its two ("between the two countries", "the two countries'
// relations").
func betweenPair(d *parley.Doc, x *docIndex, a int) bool {
	h := d.SpanHead(d.Actors[a].Tokens)
	return x.caseOf(x.phraseRoot(d, h)) == "between" || x.rel[h] == "nmod:poss"
}

// naming reports whether verb v is "call" naming its object something:
// "called the sentence a milestone for Iraqis", "calling the affair a
// serious reversal", "called the support hypocritical" — no call for
// anything, whatever "for" follows.
func naming(d *parley.Doc, x *docIndex, v int) bool {
	o := x.child(v, "obj")
	if x.lemma[v] != "call" || o < 0 {
		return false
	}
	if slices.ContainsFunc(x.children[v], func(k int) bool { return k > o && (x.rel[k] == "xcomp" || x.rel[k] == "appos") }) {
		return true
	}
	return slices.ContainsFunc(x.children[o], func(k int) bool {
		return k > o && (x.rel[k] == "appos" || x.rel[k] == "amod" && d.Tokens[k].UPOS == "ADJ" && k == subtree(d, x, o).End-1)
	})
}

// inPredicate reports whether token t lies in what verb v, naming its
// object, calls it: the verb's complement or apposition after the
// object, or a modifier of the object after it.
func inPredicate(x *docIndex, v, t int) bool {
	o := x.child(v, "obj")
	return x.onPath(t, v, func(k int) bool {
		h := x.head[k]
		return k > o && (h == v && (x.rel[k] == "xcomp" || x.rel[k] == "appos") || h == o && (x.rel[k] == "appos" || x.rel[k] == "amod"))
	})
}

// visitor reports whether "visiting" (token v) describes whom it comes
// before, a visitor, where the parser took it for a verb with that
// person as its object: "talks between Modi and visiting French
// President Macron", "the visiting Chinese premier", "told to visiting Minister X"
// (not "after visiting President Putin", "visiting Russia").
func visitor(d *parley.Doc, x *docIndex, v int) bool {
	if x.lemma[v] != "visit" || d.Tokens[v].XPOS != "VBG" || v == 0 || afterWords[x.lower[v-1]] {
		return false
	}
	if x.rel[v] == "amod" {
		return true // (as newDocIndex rehangs it)
	}
	// ("announced to visiting French Defence Minister Millon", with "to"
	// read as an infinitive's mark and the minister as an indirect
	// object.)
	if u := d.Tokens[v-1].UPOS; u != "DET" && u != "CCONJ" && u != "ADP" && x.lower[v-1] != "with" && x.lower[v-1] != "to" {
		return false
	}
	o := x.child(v, "obj", "iobj")
	as := actorsAt(d, x, o)
	return o > v && len(as) > 0 && !slices.ContainsFunc(as, func(a int) bool { return d.Actors[a].Sectors == "" })
}

// afterWords introduce a clause of what one did before or while.
var afterWords = map[string]bool{"after": true, "before": true, "while": true, "since": true, "by": true, "upon": true, "on": true, "without": true, "when": true}

// violent reports whether code is an assault, a fight or mass violence
// (CAMEO 18–20).
func violent(code string) bool {
	return strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19") || strings.HasPrefix(code, "20")
}

// abstractObjects are things one kills, breaks or fights only in a
// figure of speech: texts and proposals, processes, moods, ills.
var abstractObjects = map[string]bool{
	"motion": true, "bill": true, "resolution": true, "proposal": true, "plan": true, "deal": true,
	"agreement": true, "idea": true, "momentum": true, "popularity": true, "unity": true, "hope": true,
	"chance": true, "reform": true, "process": true, "talk": true, "negotiation": true, "initiative": true,
	"record": true, "deadlock": true, "impasse": true, "stalemate": true, "silence": true, "taboo": true,
	"tradition": true, "habit": true, "rule": true, "law": true, "poverty": true, "corruption": true,
	"inflation": true, "unemployment": true, "disease": true, "epidemic": true, "virus": true,
	"pollution": true, "change": true, "warming": true, "drought": true, "hunger": true, "crime": true,
	"illiteracy": true, "malaria": true, "aids": true, "fire": true, "blaze": true, "flood": true,
	// what one hits or breaks that is no one: "hit obstacles", "hit an
	// all-time high", "broke the ceiling"
	"obstacle": true, "snag": true, "hurdle": true, "roadblock": true, "setback": true, "high": true,
	"low": true, "peak": true, "milestone": true, "bottom": true, "ceiling": true, "limit": true,
	"mark": true,
	// what one damages, harms or tarnishes that is no one's body or
	// property: "tarnished the reputation of US forces", "harmed the
	// economy", "hurt its chances"
	"reputation": true, "image": true, "credibility": true, "prestige": true, "standing": true,
	"interest": true, "economy": true, "prospect": true, "morale": true, "confidence": true,
	"trust": true, "integrity": true,
	// money, which sanctions target: "targeting its oil revenues"
	"revenue": true, "income": true, "earning": true, "asset": true, "fund": true, "finance": true,
	"profit": true, "export": true, "import": true,
}

// contestVerbs tell of winning as well as of fighting: alone, with no
// armed party, they tell of an election, a match or a market ("defeated
// the chancellor", "beat New Zealand 15-4", "could overtake the US"),
// not of a fight (19x; a beating, 182, stays one).
var contestVerbs = map[string]bool{
	"defeat": true, "beat": true, "best": true, "overtake": true, "overshadow": true, "dominate": true,
	"surmount": true, "overcome": true, "master": true,
}

// armed reports whether a bears arms: troops, police, rebels,
// insurgents, spies, unidentified gunmen.
func armed(a parley.Actor) bool {
	return anySector(a.Sectors, "MIL", "COP", "REB", "INS", "UAF", "SPY", "SEP")
}

// figurative reports whether verb v acts on an abstract object: its
// object, or the object of the "against" or "on" phrase it takes.
func figurative(d *parley.Doc, x *docIndex, v int) bool {
	o := x.child(v, "obj")
	if o < 0 {
		return false
	}
	if x.lemma[o] == "change" || x.lemma[o] == "warming" {
		if c := x.child(o, "amod", "compound"); c < 0 || x.lemma[c] != "climate" && x.lemma[c] != "global" {
			return false // "regime change" is no abstraction
		}
	}
	// Whose it is does not make it concrete: "breaking EU rules",
	// "broke Japan's record".
	return abstractObjects[x.lemma[o]] && x.actorAt[o] < 0
}

// accordingTo reports whether actor a lies in a phrase introduced by
// "according to" ("according to a spokesman", "according to officials
// of the city government of Harbin in China"): the source of what
// is told, not one who takes part in it.
func accordingTo(d *parley.Doc, x *docIndex, a int) bool {
	// Right after the words, whatever the parser made of them …
	i := d.Actors[a].Tokens.Start - 1
	for i >= 0 && (d.Tokens[i].UPOS == "DET" || d.Tokens[i].UPOS == "ADJ") {
		i--
	}
	if i >= 1 && x.lower[i] == "to" && x.lower[i-1] == "according" {
		return true
	}
	// … or anywhere in their phrase.
	h := d.SpanHead(d.Actors[a].Tokens)
	for steps := 0; h >= 0 && steps < 8; steps++ {
		if u := d.Tokens[h].UPOS; u == "VERB" || u == "AUX" {
			return false
		}
		for _, c := range x.children[h] {
			if x.rel[c] == "case" && x.lower[c] == "according" {
				return true
			}
		}
		h = d.Tokens[h].Head
	}
	return false
}

// helpVerbs are the verbs of a purpose clause that name whom an act is
// for, and the verbs that help someone do something ("helped Iraq build
// plants").
var helpVerbs = map[string]bool{"help": true, "assist": true, "aid": true, "support": true, "benefit": true, "feed": true, "rebuild": true, "relieve": true, "supply": true}

// theirOwn reports whether verb v's object is the subjects' relation
// ("Czechia and Albania upgraded their diplomatic ties"): the cooperation
// conjoined subjects give to what is theirs together they give one
// another — but not to what each has of its own ("France and Spain
// withdrew their support", "… sent their troops").
func theirOwn(x *docIndex, v int) bool {
	o := x.child(v, "obj")
	if o < 0 || !relationNouns[x.lemma[o]] {
		return false
	}
	p := x.child(o, "nmod:poss")
	return p >= 0 && x.lower[p] == "their"
}

// relationNouns name what two parties have between them.
var relationNouns = map[string]bool{
	"tie": true, "ties": true, "relation": true, "relations": true, "relationship": true, "cooperation": true,
	"partnership": true, "friendship": true, "link": true, "contact": true, "exchange": true,
	"dialogue": true, "talk": true, "trade": true, "alliance": true, "dispute": true, "differences": true,
	"difference": true, "border": true, "understanding": true, "coordination": true,
}

// discussVerbs take what is talked about as their object.
var discussVerbs = map[string]bool{"discuss": true, "debate": true, "review": true, "examine": true, "address": true}

// travelVerbs go somewhere, with whoever goes along.
var travelVerbs = map[string]bool{"travel": true, "go": true, "come": true, "fly": true, "arrive": true, "journey": true, "head": true, "return": true}

// fromPhrase reports whether actor a lies in a "from" phrase of verb v's
// clause (its head, or a noun above it on the way to v, introduced by
// "from").
func fromPhrase(d *parley.Doc, x *docIndex, v, a int) bool {
	h := d.SpanHead(d.Actors[a].Tokens)
	for n := 0; h >= 0 && x.head[h] != v && n < 8; h, n = x.head[h], n+1 {
		switch x.caseOf(h) {
		case "from":
			return true
		case "to": // "from Peru to Bolivia" parsed as one phrase
			return false
		}
	}
	if h < 0 || x.head[h] != v {
		return false
	}
	switch x.caseOf(h) {
	case "from":
		return true
	case "in":
		// "from Kaya in Uganda" parsed as two phrases of the verb: the
		// place in which one's starting point lies.
		start := subtree(d, x, h).Start
		for _, k := range x.children[v] {
			if k < h && x.caseOf(k) == "from" && subtree(d, x, k).End == start {
				return true
			}
		}
	}
	return false
}

// attendVerbs take part in a gathering: those of one country who attend
// it together ("the president and other leaders attended the summit")
// do not thereby meet one another; those of several countries do.
var attendVerbs = map[string]bool{"attend": true, "participate": true}

// countries returns how many different countries actors as name in their
// own words (not guessed from the places around them).
func countries(d *parley.Doc, as []int) int {
	var seen []string
	for _, a := range as {
		from := d.Actors[a].CountryFrom
		if c := d.Actors[a].Country; c != "" && from != parley.FromSentence && from != parley.FromDocument && !slices.Contains(seen, c) {
			seen = append(seen, c)
		}
	}
	return len(seen)
}

// eachOther reports whether verb v's object or phrase is "each other" or
// "one another".
func eachOther(x *docIndex, v int) bool {
	return slices.ContainsFunc(x.children[v], func(c int) bool {
		w := x.lower[c]
		if w != "each" && w != "one" {
			return false
		}
		return slices.ContainsFunc(x.children[c], func(k int) bool {
			return x.rel[k] == "fixed" && (w == "each" && x.lower[k] == "other" || w == "one" && x.lower[k] == "another")
		}) || c+1 < len(x.lower) && (w == "each" && x.lower[c+1] == "other" || w == "one" && x.lower[c+1] == "another")
	})
}

// mutualVerbs are done with one another whatever their code: "Croatia and
// Slovenia agreed to cooperate".
var mutualVerbs = map[string]bool{"cooperate": true, "collaborate": true, "coordinate": true, "reconcile": true}

// visits reports whether code is CAMEO's making or hosting a visit (042,
// 043), whose place is the host.
func visits(code string) bool { return code == "042" || code == "043" }

// deepInClause reports whether token t lies more than three levels below
// verb v: in the phrases of what it says rather than in what it says
// ("warned their populations about the Prince" is three).
func deepInClause(x *docIndex, v, t int) bool {
	depth := 0
	for t >= 0 && x.head[t] != v {
		t = x.head[t]
		depth++
	}
	return t >= 0 && depth > 2
}

// restates reports whether the words a pattern of speech verb v matched
// all lie in a clause it governs whose own verb the dictionaries code:
// "said they will release the prime minister" matches "SAY * RELEASE",
// but the release, coded on its own verb with the speaker as reporter,
// is the event; the statement would repeat it.
func (c *Coder) restates(d *parley.Doc, x *docIndex, v int, b binding) bool {
	words := append(slices.Clone(b.words), b.before...)
	if len(words) == 0 {
		return false
	}
	for _, cc := range x.children[v] {
		if x.rel[cc] != "ccomp" || d.Tokens[cc].UPOS != "VERB" {
			continue
		}
		if _, _, ok := c.findVerb(d, x, cc); ok && !slices.ContainsFunc(words, func(t int) bool { return !within(d, t, cc) }) {
			return true
		}
	}
	return false
}

// amongSources reports whether every target names the same actor (by code) as
// one of the conjoined sources: "Ethiopia and Egypt agreed to resume
// talks on the Egyptian dam" is between the two of them.
func amongSources(tgt, src []int, d *parley.Doc) bool {
	if len(tgt) == 0 {
		return false
	}
	for _, t := range tgt {
		// (Not a body of people, who are others of the same code:
		// "Fujimori and his ministers met the government's negotiators".)
		if d.Actors[t].Sectors != "" || !slices.ContainsFunc(src, func(s int) bool { return d.Actors[s].Code == d.Actors[t].Code }) {
			return false
		}
	}
	return true
}

// patterned reports whether verb token h is a dictionary verb one of whose
// patterns matches.
func (c *Coder) patterned(d *parley.Doc, x *docIndex, h int) bool {
	if h < 0 || d.Tokens[h].UPOS != "VERB" {
		return false
	}
	if x.patterned[h] == 0 {
		ok := false
		if ref, _, found := c.findVerb(d, x, h); found {
			_, _, ok = c.bestPattern(d, x, h, ref)
		}
		x.setPatterned(h, ok)
	}
	return x.patterned[h] == 2
}

// setPatterned records whether a pattern of token h's verb matches.
func (x *docIndex) setPatterned(h int, ok bool) {
	x.patterned[h] = 1
	if ok {
		x.patterned[h] = 2
	}
}

// emit records one event per source and target (conjoined actors give one
// each), skipping events of an actor on itself and, unless OneActor is
// set, events without both.
func (c *Coder) emit(d *parley.Doc, x *docIndex, s int, trigger parley.Span, code, pattern string, srcs, tgts []int, mode parley.Modality, reporter int) {
	if code == "" || code == "---" {
		return
	}
	var sent parley.Span
	if s >= 0 && s < len(d.Sentences) {
		sent = d.Sentences[s].Tokens
	}
	// Actors of a clause the comma options leave out take no part, nor
	// does the source of the report ("according to a spokesman").
	// Nor does one a semicolon parts from the trigger: it belongs to
	// another clause, however the parser joined them ("Greece has
	// promised 700 troops; Turkey, 500").
	gone := func(a int) bool {
		return a >= 0 && (x.leftOut[d.Actors[a].Tokens.Start] || accordingTo(d, x, a) || semicolonBetween(d, sent, trigger, d.Actors[a].Tokens))
	}
	srcs = slices.DeleteFunc(slices.Clone(srcs), gone)
	tgts = slices.DeleteFunc(slices.Clone(tgts), gone)
	// (So is a speaker: "France said it was sending 1,000; Greece has
	// promised 700" reports no promise of Greece's.)
	if reporter >= 0 && reporter < len(d.Actors) && semicolonBetween(d, sent, trigger, d.Actors[reporter].Tokens) {
		reporter = -1
		if mode == parley.Reported {
			mode = parley.Asserted
		}
	}
	if len(srcs) == 0 {
		srcs = []int{-1}
	}
	if len(tgts) == 0 {
		tgts = []int{-1}
	}
	for _, si := range srcs {
		for _, ti := range tgts {
			// A show of force (CAMEO 15: alerting, mobilising, deploying,
			// increasing forces) is made with one's own troops or police,
			// not to them: those of the source's country, or of none, are
			// the force shown ("deployed thousands of police and soldiers",
			// "mobilized riot police"), and the act has no target.
			if si >= 0 && ti >= 0 && strings.HasPrefix(code, "15") && ownForce(d.Actors[si], d.Actors[ti]) {
				ti = -1
			}
			if si < 0 && ti < 0 || !c.cfg.OneActor && (si < 0 || ti < 0) {
				continue
			}
			if si >= 0 && ti >= 0 && (si == ti || d.Actors[si].Code != "" && d.Actors[si].Code == d.Actors[ti].Code) {
				continue
			}
			// A body of a country does not talk, appeal, help or yield to
			// its own country as a whole; the country named is where it
			// acts or what it speaks of ("Zambia's High Commissioner",
			// "US-owned company"). Conflict is another matter: one
			// accuses, threatens, protests against or fights one's own
			// state ("imposed a curfew in Diyarbakir").
			// Nor does a country as a whole meet, urge, praise or help one
			// of its own bodies or people ("Indonesia will sign … during
			// Indonesian President Yudhoyono's visit", "the Palestinians
			// marked the anniversary of Arafat's death"): the country so
			// named is the place or the context, not a party. (Its own
			// rebels and opposition are parties: "talks between Colombo
			// and the rebels".)
			if si >= 0 && ti >= 0 && code < "09" && (ownCountry(d.Actors[si], d.Actors[ti]) || ownCountry(d.Actors[ti], d.Actors[si])) {
				continue
			}
			// A visit is made by a state, a body or an official, not by
			// tourists, pilgrims, refugees or an airline going somewhere
			// ("welcomed Chinese tourists", "hosts 400,000 refugees").
			trav := ti // the visitor: the target of hosting (043), the source of a visit (042)
			if code == "042" {
				trav = si
			}
			if visits(code) && trav >= 0 && private(d.Actors[trav]) {
				continue
			}
			e := c.event(d, s, trigger, code, pattern, si, ti, mode, reporter)
			dateEvent(d, x, &e)
			if (mode == parley.Asserted || mode == parley.Reported) && datedAfter(e, d.Published) {
				// "a meeting at a summit next month": what is dated after
				// the article is to come, whatever the tense says.
				when, precision := e.Date, e.Precision
				e = c.event(d, s, trigger, code, pattern, si, ti, parley.Future, reporter)
				e.Date, e.Precision = when, precision
			}
			placeEvent(d, x, &e)
			// A compound code ("FRA/DEU") is several actors: one event each.
			for _, sc := range strings.Split(e.Source, "/") {
				for _, tc := range strings.Split(e.Target, "/") {
					if sc != "" && sc == tc {
						continue
					}
					e1 := e
					e1.Source, e1.Target = sc, tc
					if emitted(d, s, trigger, code, sc, tc) {
						continue // one actor named twice ("the World Trade Organization (WTO)")
					}
					d.Events = append(d.Events, e1)
				}
			}
		}
	}
}

// emitted reports whether sentence s already has the event: its events are
// the last ones recorded, so only those are looked at.
func emitted(d *parley.Doc, s int, trigger parley.Span, code, source, target string) bool {
	for k := len(d.Events) - 1; k >= 0 && d.Events[k].Sentence == s; k-- {
		if o := &d.Events[k]; o.Trigger == trigger && o.Code == code && o.Source == source && o.Target == target {
			return true
		}
	}
	return false
}

// ownCountry reports whether target t is the country of source s itself
// (or a place standing for it) and s one of that country's own
// institutions or people, not one that fights the state (rebels,
// insurgents, separatists, the opposition).
func ownCountry(s, t parley.Actor) bool {
	return t.Sectors == "" && t.Country != "" && s.Country == t.Country && s.Sectors != "" && !fightsState(s.Sectors)
}

// ownForce reports whether t is troops or police of s's country, or of no
// country.
func ownForce(s, t parley.Actor) bool {
	return (t.Sectors == "MIL" || t.Sectors == "COP") && (t.Country == "" || t.Country == s.Country)
}

// stateActor reports whether a is a state, an international
// organisation, or a body of either that commands forces: a country, its
// government, military, police, legislature or leaders.
func stateActor(a parley.Actor) bool {
	if strings.HasPrefix(a.Code, "IGO") {
		return true
	}
	switch {
	case a.Country == "":
		return false
	case a.Sectors == "":
		return true
	}
	switch a.Sectors[:min(3, len(a.Sectors))] {
	case "GOV", "MIL", "COP", "LEG", "ELI", "SPY":
		return !fightsState(a.Sectors)
	}
	return false
}

// private reports whether actor a is people of no state or body acting
// for one: its sectors, all of them, are civilians, refugees, believers,
// business, students, workers, farmers, health workers, the media or
// criminals.
func private(a parley.Actor) bool {
	if a.Sectors == "" || len(a.Sectors)%3 != 0 {
		return false
	}
	for i := 0; i < len(a.Sectors); i += 3 {
		if !anySector(a.Sectors[i:i+3], "PPL", "CVL", "REF", "REL", "BUS", "EDU", "LAB", "AGR", "HLH", "MED", "CRM") {
			return false
		}
	}
	return true
}

// fightsState reports whether sectors name those who oppose their own
// country's state: rebels, insurgents, separatists, the opposition.
func fightsState(sectors string) bool {
	return anySector(sectors, "REB", "OPP", "INS", "SEP", "UAF", "RAD")
}

// anySector reports whether sectors, codes of three letters one after
// another ("MILREB"), has one of codes.
func anySector(sectors string, codes ...string) bool {
	for i := 0; i+3 <= len(sectors); i += 3 {
		if slices.Contains(codes, sectors[i:i+3]) {
			return true
		}
	}
	return false
}

// semicolonBetween reports whether a semicolon stands between spans a
// and b of sentence sent (spans of two sentences are no clauses of one).
func semicolonBetween(d *parley.Doc, sent, a, b parley.Span) bool {
	return sent.Contains(a) && sent.Contains(b) && d.TokenBetween(a, b, ";")
}

// emitMutual records the event once for each ordered pair of the actors:
// a compound actor whose members act on one another.
func (c *Coder) emitMutual(d *parley.Doc, x *docIndex, s int, trigger parley.Span, code, pattern string, actors []int, mode parley.Modality, reporter int) {
	for _, a := range actors {
		for _, b := range actors {
			if a != b {
				c.emit(d, x, s, trigger, code, pattern, []int{a}, []int{b}, mode, reporter)
			}
		}
	}
}

// yieldIntents are the intents to yield (035x) by the kind of yielding
// (08x): easing administrative sanctions, dissent, releasing, easing
// economic sanctions, allowing international involvement, de-escalating.
var yieldIntents = map[byte]string{'1': "0351", '2': "0352", '4': "0353", '5': "0354", '6': "0355", '7': "0356"}

// intent maps the code of a cooperative act that is only intended — named
// by a noun that is planned ("talks will take place", "an upcoming
// meeting"), or coded on a verb of intention with its complement ("agreed
// to share information", "offered to mediate") — to CAMEO's code for the
// intent to do it: meeting or negotiating (04) to 036, diplomatic
// cooperation (05) to 032, cooperating (06) to 031, aid (07) to 033 and
// its kinds, yielding (08) to 035 and its kinds (a withdrawal, 0874, to
// the intent to de-escalate, 0356; political reform, 083x, to 034x).
// Other codes are kept. A verb in the future ("will contribute") keeps
// its code, as PETRARCH codes it; its modality says it is future.
func intent(code string) string {
	switch {
	case strings.HasPrefix(code, "04"):
		return "036"
	case strings.HasPrefix(code, "05"):
		return "032"
	case strings.HasPrefix(code, "06"):
		return "031"
	case strings.HasPrefix(code, "083"):
		return "034" + code[3:]
	case strings.HasPrefix(code, "08"):
		if len(code) >= 3 && yieldIntents[code[2]] != "" {
			return yieldIntents[code[2]]
		}
		return "035"
	case code == "070":
		return "033"
	case code == "071", code == "072", code == "073", code == "074":
		return "033" + code[2:]
	}
	return code
}

// purposeObject returns the verb u of meeting or summoning whose purpose
// the infinitive v is ("summoned the ambassador to complain", with the
// infinitive hung on the verb or on its object) and u's object o; -1, -1
// when v is no such purpose.
func purposeObject(x *docIndex, v int) (o, u int) {
	h := x.head[v]
	if h < 0 || !infinitive(x, v) {
		return -1, -1
	}
	switch x.rel[v] {
	case "xcomp", "advcl":
		if purposeVerbs[x.lemma[h]] {
			if o := x.child(h, "obj"); o >= 0 {
				return o, h
			}
		}
	case "acl":
		if u := x.head[h]; x.rel[h] == "obj" && u >= 0 && purposeVerbs[x.lemma[u]] {
			return h, u
		}
	}
	return -1, -1
}

// purposeClause returns the clause that says what verb v is done for:
// its complement, else an infinitive hung on its object ("summoned the
// ambassador to lodge a complaint"); -1 when there is none.
func purposeClause(d *parley.Doc, x *docIndex, v int) int {
	if xc := complement(d, x, v); xc >= 0 {
		return xc
	}
	if o := x.child(v, "obj"); o >= 0 {
		if a := x.child(o, "acl"); a >= 0 && infinitive(x, a) {
			return a
		}
	}
	return -1
}

// summonVerbs call someone in, for a purpose that is the event
// ("summoned the ambassador to protest").
var summonVerbs = map[string]bool{"summon": true}

// ploverReading returns the PLOVER type of an event with the given code
// that the text does not assert as done, and whether that differs from
// the code's own: a cooperative act promised (future: "will provide aid",
// "would meet"; or offered on a condition: "would meet him if …") is
// AGREE, the type of the intent to do it; an act of
// force or pressure announced or made conditional ("would blockade
// Paris", "will cut ties unless …") is THREATEN. (A cooperative act
// refused is REJECT: see refusal.)
func ploverReading(code string, mode parley.Modality) (string, bool) {
	if len(code) < 2 {
		return "", false
	}
	root := code[:2]
	cooperative := root >= "03" && root <= "08"
	forceful := root >= "14" && root <= "20"
	switch {
	case (mode == parley.Future || mode == parley.Conditional) && cooperative:
		if k, ok := cameo.Lookup(intent(code)); ok && k.PloverType != "" {
			return k.PloverType, true
		}
	case (mode == parley.Future || mode == parley.Conditional) && forceful:
		return "THREATEN", true
	}
	return "", false
}

// event builds one event record.
func (c *Coder) event(d *parley.Doc, s int, trigger parley.Span, code, pattern string, si, ti int, mode parley.Modality, reporter int) parley.Event {
	e := parley.Event{
		DocID: d.ID, Sentence: s, Trigger: trigger, Code: code,
		SourceRef: si, TargetRef: ti, ReportedByRef: reporter,
		Mode: mode, Date: d.Published, Place: -1, Pattern: pattern,
	}
	if si >= 0 {
		e.Source = d.Actors[si].Code
	}
	if ti >= 0 {
		e.Target = d.Actors[ti].Code
	}
	if reporter >= 0 {
		e.ReportedBy = d.Actors[reporter].Code
	}
	// A code the tables lack (CAMEO 2.0's 176, cyber attack) is read as
	// its nearest ancestor there (17, coerce).
	k, ok := cameo.Lookup(code)
	for n := len(code) - 1; !ok && n >= 2; n-- {
		k, ok = cameo.Lookup(code[:n])
	}
	if ok {
		e.Root, e.QuadClass, e.Goldstein = k.Root, k.QuadClass, k.Goldstein
		e.Plover, e.PloverMode, e.PloverContext = k.PloverType, k.PloverMode, k.PloverContext
		// CAMEO codes "will provide aid" as aid, PETRARCH's way, with its
		// modality future; PLOVER has no modality, and types what is
		// announced by what announcing it is (see ploverReading).
		if typ, read := ploverReading(code, mode); read {
			e.Plover, e.PloverMode, e.PloverContext = typ, "", ""
			if ik, ok := cameo.Lookup(intent(code)); ok && typ == ik.PloverType {
				e.PloverMode, e.PloverContext = ik.PloverMode, ik.PloverContext
			}
		}
	} else if len(code) >= 2 {
		e.Root = code[:2]
	}
	return e
}

// phraseRoot is Doc.PhraseRoot in the index's tree, as rehang leaves it.
func (x *docIndex) phraseRoot(d *parley.Doc, i int) int {
	return d.PhraseRootIn(i, func(j int) int { return x.head[j] }, func(j int) string { return x.rel[j] })
}

// caseOf returns the lower-cased preposition of token i's phrase in the
// index's tree, or "" (Doc.CaseOf for the tree as rehang leaves it).
func (x *docIndex) caseOf(i int) string {
	for _, c := range x.children[i] {
		if c < i && x.rel[c] == "case" {
			return x.lower[c]
		}
	}
	return ""
}
