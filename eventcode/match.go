package eventcode

import (
	"slices"
	"strings"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/dict"
)

// binding is what a pattern's markers pinned: the source and target
// actors, or -1; and the tokens its words matched, which name what was
// done ("send a delegation") rather than who.
type binding struct {
	verb           int // the verb the pattern is matched around
	source, target int
	compound       int   // the first actor of a compound ("%"), or -1
	words          []int // tokens matched by words after the verb
	before         []int // tokens matched by words before it ("did n't", "not")
	// temporal marks the tokens of the verb's phrase inside a phrase of
	// time ("one day after a jet shot down a helicopter carrying truce
	// monitors"), whose words are another event's unless the pattern
	// names the preposition ("* (after clash)"); inTime is set while
	// matching such a phrase.
	temporal []bool
	inTime   bool
	inPrep   bool // set while matching a prepositional phrase's object
	// gated marks the tokens of a gerund clause opened by a preposition
	// (prepClause), which only a pattern's phrase of that preposition
	// may match: "criticized the United States for imposing sanctions"
	// is "* (for)", not "* sanctions".
	gated []bool
}

// complexCode reports whether code is one of TABARI's marks for a
// sentence too complex to code ("+++") or a record to skip ("###"), which
// old dictionaries give some patterns and groups: no CAMEO event.
func complexCode(code string) bool { return code == "+++" || code == "###" }

// timeCases open phrases that date an act by another.
var timeCases = map[string]bool{"after": true, "before": true, "since": true, "following": true, "until": true, "during": true}

// timeMarked reports whether clause u is introduced by one of timeCases
// ("before allowing aid convoys").
func timeMarked(x *docIndex, u int) bool {
	for _, k := range x.children[u] {
		if k < u && x.rel[k] == "mark" && timeCases[x.lower[k]] {
			return true
		}
	}
	return false
}

// phraseExcluded are the relations whose subtrees lie outside a verb's
// phrase for pattern matching: adverbial, coordinated and loosely joined
// clauses, and punctuation. A complement clause is inside it, as PETRARCH
// matches words there ("allowed that the city is no pleasant place").
var phraseExcluded = map[string]bool{
	"advcl": true, "parataxis": true, "conj": true, "cc": true, "punct": true,
	"csubj": true, "acl:relcl": true, "mark": true, "discourse": true, "list": true,
	"reparandum": true, "vocative": true, "dislocated": true,
}

// prepMarks are the prepositions that may open a gerund clause standing
// where a prepositional phrase would ("blasted the government for
// failing to pay teachers", "protested against building the dam"):
// PETRARCH's Treebank parses read such a clause as a phrase of the
// preposition, so patterns name it so ("* (for)", "* (for trying)").
// Prepositions of time are not among them: their clause is another act.
var prepMarks = map[string]bool{
	"for": true, "against": true, "over": true, "about": true, "of": true,
	"with": true, "without": true, "at": true, "in": true, "on": true, "into": true,
}

// prepClause reports whether clause k is a gerund with no subject of its
// own opened by one of prepMarks.
func prepClause(d *parley.Doc, x *docIndex, k int) bool {
	if d.Tokens[k].XPOS != "VBG" || x.child(k, "nsubj", "nsubj:pass") >= 0 {
		return false
	}
	m := x.child(k, "mark")
	return m >= 0 && m < k && prepMarks[x.lower[m]]
}

// bestPattern returns the pattern of group g (an index into the set's
// verb groups) that matches the phrase of verb v with the most elements,
// with what its markers bound.
func (c *Coder) bestPattern(d *parley.Doc, x *docIndex, v int, ref verbRef) (dict.Pattern, binding, bool) {
	p, b, _, ok := c.scoredPattern(d, x, v, ref)
	return p, b, ok
}

// scoredPattern is bestPattern with the best pattern's score, over the
// patterns of the group of each of refs (the verb's entries in the groups
// that define it) in turn, the verb's phrase read once: a later group's
// pattern wins only by matching more. The patterns an entry goes without
// (dict.Verb.Without) are not tried in its group.
func (c *Coder) scoredPattern(d *parley.Doc, x *docIndex, v int, refs ...verbRef) (dict.Pattern, binding, int, bool) {
	var seq []int
	var collect func(i int)
	// A clause modifying a noun with a subject of its own ("an admission
	// that forces murdered officers") is another event, not the verb's.
	inPhrase := func(k int) bool {
		// "death and injury toll" parsed as "death" and "injury toll":
		// the subject's nouns conjoined are one phrase.
		if h := x.head[k]; x.rel[k] == "conj" && k < v && h != v && d.Tokens[k].UPOS == "NOUN" && d.Tokens[h].UPOS == "NOUN" &&
			(x.rel[h] == "nsubj" || x.rel[h] == "nsubj:pass") {
			return true
		}
		// A gerund clause opened by a preposition is in the phrase of
		// the verb it hangs from, as PETRARCH's Treebank parses have it
		// ("blasted the government for failing to pay"), not of a verb
		// above that one.
		// ("accused the troops of attacking" has the clause on the
		// troops, in the phrase already; its preposition joins it.)
		if r := x.rel[k]; r == "advcl" && x.head[k] == v && prepClause(d, x, k) || r == "mark" && x.head[k] >= 0 && prepClause(d, x, x.head[k]) {
			return true
		}
		return !phraseExcluded[x.rel[k]] && !(x.rel[k] == "acl" && x.child(k, "nsubj", "nsubj:pass") >= 0)
	}
	// The tokens inside a phrase of time are marked as they are
	// collected (see binding.temporal).
	var temporal, gated []bool
	var collectIn func(i int, inTime bool)
	collectIn = func(i int, inTime bool) {
		seq = append(seq, i)
		if h := x.head[i]; x.rel[i] == "advcl" || x.rel[i] == "mark" && x.rel[h] == "advcl" || h >= 0 && gated != nil && gated[h] {
			if gated == nil {
				gated = make([]bool, len(d.Tokens))
			}
			gated[i] = true
		}
		if inTime = inTime || timeCases[x.caseOf(i)] || x.rel[i] == "mark" && timeCases[x.lower[i]] || timeMarked(x, i); inTime {
			if temporal == nil {
				temporal = make([]bool, len(d.Tokens))
			}
			temporal[i] = true
		}
		for _, k := range x.children[i] {
			if inPhrase(k) {
				collectIn(k, inTime)
			}
		}
	}
	collect = func(i int) { collectIn(i, false) }
	for _, k := range x.children[v] {
		if inPhrase(k) {
			collect(k)
		}
	}
	slices.Sort(seq)
	at := sortSearch(seq, v)
	before := slices.Clone(seq[:at])
	slices.Reverse(before) // matched outward from the verb
	// The verb whose complement this one is comes before it too, as in
	// the sentence: "indicated it deplored" matches "INDICATED *".
	if h := d.Tokens[v].Head; h >= 0 && h < v && (x.rel[v] == "ccomp" || x.rel[v] == "xcomp") {
		before = append(before, h)
	}
	after := seq[at:]
	// The words of the phrase, so that a pattern needing a word it lacks
	// is not tried.
	if x.present == nil {
		x.present = make([]uint32, len(c.wordID))
	}
	x.stamp++
	mark := func(t int) {
		if id, ok := c.wordID[x.lower[t]]; ok {
			x.present[id] = x.stamp
		}
		if id, ok := c.wordID[x.lemma[t]]; ok {
			x.present[id] = x.stamp
		}
	}
	for _, t := range before {
		mark(t)
	}
	for _, t := range after {
		mark(t)
	}
	var owned []int
	ownedKnown := false
	var best *dict.Pattern
	bestScore, bestB := 0, binding{source: -1, target: -1, compound: -1}
	for _, ref := range refs {
		gi, without := ref.group, c.without[ref]
		g, needs := &c.set.Verbs[gi], c.needs[gi]
		for pi := range g.Patterns {
			p := &g.Patterns[pi]
			if complexCode(p.Code) {
				continue // TABARI's marks, no event codes: another pattern codes the verb
			}
			if slices.Contains(without, pi) {
				continue // "retired from the army" is no retreat
			}
			if !c.exhaustive && slices.ContainsFunc(needs[pi], func(id int32) bool { return x.present[id] != x.stamp }) {
				continue
			}
			b := binding{verb: v, source: -1, target: -1, compound: -1, temporal: temporal, gated: gated}
			sa, okA := c.matchSeq(d, x, after, p.After, &b, false)
			if !okA {
				continue
			}
			if !ownedKnown {
				owned, ownedKnown = c.clauseVerbs(d, x, v), true
			}
			before1 := slices.Clone(p.Before)
			slices.Reverse(before1)
			words := b.words
			if len(words) > 0 && len(owned) > 0 && !slices.ContainsFunc(words, func(t int) bool {
				return !slices.ContainsFunc(owned, func(u int) bool { return within(d, t, u) })
			}) {
				continue // its words are another event's ("demanded that they refuse to recognize the Republic")
			}
			sb, okB := c.matchSeq(d, x, before, before1, &b, true)
			b.words, b.before = words, b.words[len(words):]
			if !okB {
				continue
			}
			if movesObject(x, v, p.Code, words) {
				continue
			}
			if s := sa + sb; s > bestScore {
				best, bestScore, bestB = p, s, b
			}
		}
	}
	if best == nil {
		return dict.Pattern{}, binding{source: -1, target: -1, compound: -1}, 0, false
	}
	return *best, bestB, bestScore, true
}

// clauseVerbs returns the verbs of the dictionary in the complement
// clauses of verb v: each codes its own phrase, so a pattern of v whose
// words all lie in one of those phrases does not apply to v ("said it was
// ready to pull back its soldiers" is no withdrawal by saying). A clause
// without such a verb is v's to match ("allowed that the city is no
// pleasant place").
func (c *Coder) clauseVerbs(d *parley.Doc, x *docIndex, v int) []int {
	var out []int
	var walk func(u, depth int)
	walk = func(u, depth int) {
		if d.Tokens[u].UPOS == "VERB" {
			if _, _, ok := c.findVerb(d, x, u); ok {
				out = append(out, u)
				return
			}
		}
		if depth < 4 {
			for _, k := range x.children[u] {
				if r := x.rel[k]; r == "xcomp" || r == "ccomp" || r == "conj" {
					walk(k, depth+1)
				}
			}
		}
	}
	for _, k := range x.children[v] {
		// (A verb that only frames its complement, "started withdrawing
		// its troops", leaves the complement's words to it too.)
		if x.rel[k] == "ccomp" || x.rel[k] == "xcomp" && frameVerbs[x.lemma[v]] {
			walk(k, 0)
		}
	}
	// "would not comment on China's decision to postpone the visits":
	// the infinitive completing a noun of intent that names whose intent
	// it is codes its own (where "scrapped plans to visit" is v's).
	var nouns func(u, depth int)
	nouns = func(u, depth int) {
		for _, k := range x.children[u] {
			switch r := x.rel[k]; {
			case r == "acl" && intentNouns[x.lemma[u]] && d.Tokens[k].UPOS == "VERB" && infinitive(x, k):
				if s, _ := subject(d, x, k, 0); s == u && len(actorsAt(d, x, u)) > 0 || s >= 0 && x.head[s] == u {
					walk(k, 0)
				} else {
					// The intent is v's, but not what that clause
					// governs in turn: "redoubled efforts to convince
					// Ruritania to admit a peacekeeping mission" redoubles
					// no peacekeeping.
					for _, j := range x.children[k] {
						if r := x.rel[j]; r == "xcomp" || r == "ccomp" {
							walk(j, 1)
						}
					}
				}
			case r == "acl" && d.Tokens[k].UPOS == "VERB" && x.rel[u] == "obl" && d.Tokens[k].XPOS == "VBG" && x.child(k, "mark") >= 0:
				// "blamed the tension on the police's ways in pursuing
				// suspects": a gerund clause a preposition opens inside
				// a phrase of the verb codes its own.
				walk(k, 0)
			case depth < 3 && (r == "obj" || r == "obl" || r == "nmod"):
				nouns(k, depth+1)
			}
		}
	}
	nouns(v, 0)
	return out
}

// sortSearch returns the index of the first element of the sorted seq
// greater than v.
func sortSearch(seq []int, v int) int {
	i, _ := slices.BinarySearch(seq, v+1)
	return i
}

// matchSeq matches elems in order along seq (tokens moving away from the
// verb; rev when that is backwards in the text), allowing words between
// them unless an element is tight. It
// returns the number of elements matched, counting the words of units and
// phrases.
func (c *Coder) matchSeq(d *parley.Doc, x *docIndex, seq []int, elems []dict.Elem, b *binding, rev bool) (int, bool) {
	pos, score := 0, 0
	for k, e := range elems {
		found := false
		for p := pos; p < len(seq); p++ {
			if len(elems) == 1 && e.Kind == dict.ElemWord && !ownParticle(d, x, seq[p], b.verb) {
				continue // a pattern of one preposition ("* on")
			}
			if e.Kind == dict.ElemWord && x.rel[seq[p]] == "compound:prt" && d.Tokens[seq[p]].Head != b.verb {
				continue // another verb's particle: "hold follow-up talks" is no "hold up"
			}
			if n, s := c.elemAt(d, x, seq, p, e, b, rev); n > 0 {
				pos, score, found = p+n, score+s, true
				break
			}
			if e.Tight || k == 0 && e.Tight {
				break
			}
		}
		if !found {
			return 0, false
		}
	}
	return score, true
}

// ownParticle reports whether token t may match a pattern that is one
// word after the verb: a preposition or particle alone ("* on", "* out")
// must be the verb's own — its particle, or the case of a phrase of the verb —
// not one deep in the phrase ("want to know how he built a villa on the
// outskirts" is no "press on"), nor the case of a date ("demanded on
// Monday that …" is no "press on" either).
func ownParticle(d *parley.Doc, x *docIndex, t, verb int) bool {
	if d.Tokens[t].UPOS != "ADP" && x.rel[t] != "compound:prt" {
		return true
	}
	h := d.Tokens[t].Head
	return h == verb || x.rel[t] == "case" && h >= 0 && d.Tokens[h].Head == verb && !x.timexHead[h]
}

// headsPhrase reports whether actor a heads its noun phrase rather than
// modifying another noun ("the efforts of Albania"), and, unless inPrep,
// a phrase no preposition introduces.
func headsPhrase(d *parley.Doc, x *docIndex, a int, inPrep bool) bool {
	if a < 0 {
		return false
	}
	h := d.SpanHead(d.Actors[a].Tokens)
	return d.PhraseRootIn(h, func(j int) int { return x.head[j] }, func(j int) string { return x.rel[j] }) == h &&
		(inPrep || x.child(h, "case") < 0)
}

// gateOpen reports whether element e may match token t of a gerund
// clause opened by a preposition outside a phrase of it (binding.gated):
// at the preposition, as a phrase ("* (for)") or as a word ("* of
// attack", PETRARCH's words for "of attacking"), and after the
// preposition matched as a word.
func gateOpen(x *docIndex, t int, e dict.Elem, b *binding) bool {
	if x.rel[t] == "mark" {
		return e.Kind == dict.ElemPrep || e.Kind == dict.ElemWord
	}
	for u := t; u >= 0 && b.gated[u]; u = x.head[u] {
		if x.rel[u] == "advcl" {
			m := x.child(u, "mark")
			return m >= 0 && slices.Contains(b.words, m)
		}
	}
	return false
}

// premodifier reports whether token t modifies a noun after it in its
// phrase: an adjective, a noun or a number before its head.
func premodifier(d *parley.Doc, x *docIndex, t int) bool {
	switch x.rel[t] {
	case "amod", "compound", "nummod", "advmod":
		return x.head[t] > t && d.Tokens[x.head[t]].UPOS != "VERB"
	}
	return false
}

// elemAt matches element e at seq[p] and returns the number of positions
// it covers (0 when it does not match) and its score.
func (c *Coder) elemAt(d *parley.Doc, x *docIndex, seq []int, p int, e dict.Elem, b *binding, rev bool) (int, int) {
	if b.temporal != nil && p < len(seq) && b.temporal[seq[p]] && !b.inTime && e.Kind != dict.ElemPrep {
		return 0, 0
	}
	if b.gated != nil && p < len(seq) && b.gated[seq[p]] && !b.inPrep && !gateOpen(x, seq[p], e, b) {
		return 0, 0
	}
	switch e.Kind {
	case dict.ElemWord:
		if n := wordsAt(d, x, seq, p, e.Words, rev); n > 0 {
			b.words = append(b.words, seq[p:p+n]...)
			return n, n
		}
	case dict.ElemSynset:
		best := 0
		if ss := c.synsets[e.Name]; ss != nil && p < len(seq) {
			by := ss.byFirst
			if rev {
				by = ss.byLast
			}
			t := seq[p]
			if c.exhaustive {
				by = map[string][]dict.Phrase{x.lower[t]: ss.members}
			}
			for k, w := range [2]string{x.lower[t], x.lemma[t]} {
				if k == 1 && w == x.lower[t] {
					break
				}
				for _, m := range by[w] {
					if n := wordsAt(d, x, seq, p, m, rev); n > best {
						best = n
					}
				}
			}
		}
		if best > 0 {
			// The longest member: "austrian gold florin" is more than
			// "florin", and scores as its words.
			b.words = append(b.words, seq[p:p+best]...)
			return best, best
		}
	case dict.ElemUnit:
		q, score := p, 0
		sub := e.Sub
		if rev {
			sub = slices.Clone(sub)
			slices.Reverse(sub)
		}
		for k, s := range sub {
			n, sc := c.elemAt(d, x, seq, q, s, b, rev)
			// Other modifiers of the phrase's noun may come after a
			// word of the unit: "new global economic relations" is a
			// {NEW &TIETYPES RELATIONS}. As in PETRARCH, not after a
			// synset's member: "economic trade relations" is no
			// {&TIETYPES RELATIONS}.
			// (Both words in one phrase: "death and injury total" is
			// no {DEATH TOTAL}.)
			for skip := q; n == 0 && !rev && k > 0 && sub[k-1].Kind == dict.ElemWord && premodifier(d, x, seq[q-1]) &&
				skip < len(seq) && skip-q < 2 && premodifier(d, x, seq[skip]); {
				skip++
				if n, sc = c.elemAt(d, x, seq, skip, s, b, rev); n > 0 {
					q = skip
				}
			}
			if n == 0 {
				return 0, 0
			}
			q, score = q+n, score+sc
		}
		// A phrase whose head is an actor ({… +}) is that actor's own,
		// not one it only modifies: "recognised the Republic of Cyprus",
		// not "recognised the efforts of Albania".
		// Nor, outside a prepositional phrase of the pattern, one a
		// preposition introduces: "recognised among the troops …".
		if last := sub[len(sub)-1]; !rev && last.Kind == dict.ElemTarget && !headsPhrase(d, x, b.target, b.inPrep) ||
			!rev && last.Kind == dict.ElemSource && !headsPhrase(d, x, b.source, b.inPrep) {
			return 0, 0
		}
		return q - p, score
	case dict.ElemPrep:
		if len(e.Sub) == 0 || e.Sub[0].Kind != dict.ElemWord || len(e.Sub[0].Words) == 0 {
			return 0, 0
		}
		t := seq[p]
		if x.rel[t] != "case" && d.Tokens[t].UPOS != "ADP" && !(x.rel[t] == "mark" && prepClause(d, x, x.head[t])) || x.lower[t] != e.Sub[0].Words[0] {
			return 0, 0
		}
		// A phrase of time is no other phrase of the preposition:
		// "attacked the rebels for three hours" is no "attack (for)"
		// (criticizing someone for something).
		if h := d.Tokens[t].Head; h >= 0 && x.timexHead[h] && !timeCases[x.lower[t]] {
			return 0, 0
		}
		// A prepositional phrase of the verb's own clause, not of a
		// clause it governs: "demanded that Hamas renounce its struggle
		// against Israel" is no "demand (against)", nor is "welcomed
		// Japan's decision to send aid to Sudan" a "welcome (to)".
		for h := d.Tokens[t].Head; h >= 0 && h != b.verb; h = d.Tokens[h].Head {
			if r := x.rel[h]; r == "ccomp" || r == "acl" || r == "acl:relcl" {
				return 0, 0
			}
			// Nor one inside another prepositional phrase the pattern
			// does not name: "cooperate in the fight against
			// terrorism" is no "cooperate (against)", where "engaged in
			// fighting with the rebels" is "* fighting (with +)".
			if h != d.Tokens[t].Head && x.child(h, "case") >= 0 && !slices.Contains(b.words, h) {
				return 0, 0
			}
		}
		// The rest of the phrase lies within the preposition's object.
		obj := d.Tokens[t].Head
		end := p + 1
		for end < len(seq) && within(d, seq[end], obj) {
			end++
		}
		was, wasPrep := b.inTime, b.inPrep
		b.inTime, b.inPrep = b.inTime || timeCases[e.Sub[0].Words[0]], true
		n, ok := c.matchSeq(d, x, seq[p+1:end], e.Sub[1:], b, false)
		b.inTime, b.inPrep = was, wasPrep
		if !ok {
			return 0, 0
		}
		return end - p, 1 + n
	case dict.ElemSource, dict.ElemTarget, dict.ElemCompound, dict.ElemSkip:
		a := x.actorAt[seq[p]]
		if a < 0 && e.Kind == dict.ElemSkip && !rev {
			// "^" skips a noun phrase, an actor's or not ("warned
			// their populations about the prince": * THEIR ^ ABOUT +):
			// the noun and the modifiers before it.
			n := 0
			for p+n < len(seq) && premodifier(d, x, seq[p+n]) {
				n++
			}
			if p+n < len(seq) && (d.Tokens[seq[p+n]].UPOS == "NOUN" || d.Tokens[seq[p+n]].UPOS == "PROPN") && x.actorAt[seq[p+n]] < 0 {
				return n + 1, 1
			}
			return 0, 0
		}
		if a < 0 || e.Kind == dict.ElemCompound && len(x.conjoined(d, a)) < 2 {
			return 0, 0 // a compound is of two actors or more
		}
		switch e.Kind {
		case dict.ElemSource:
			b.source = a
		case dict.ElemTarget:
			b.target = a
		case dict.ElemCompound:
			b.compound = a
		}
		n := 1
		for p+n < len(seq) && x.actorAt[seq[p+n]] == a {
			n++
		}
		return n, 1
	}
	return 0, 0
}

// wordsAt reports how many positions of seq from p the phrase covers, its
// words matching the tokens' forms or lemmas one after another; 0 when it
// does not match. With rev, seq runs backwards from the verb, and so is
// the phrase read ("did n't" before the verb meets "n't" first).
func wordsAt(d *parley.Doc, x *docIndex, seq []int, p int, words dict.Phrase, rev bool) int {
	if len(words) == 0 || p+len(words) > len(seq) {
		return 0
	}
	for j := range words {
		w := words[j]
		if rev {
			w = words[len(words)-1-j]
		}
		t := seq[p+j]
		// A participle modifying a noun is not the noun its lemma
		// spells: "told the visiting minister" holds no visit.
		if x.lower[t] != w && (x.lemma[t] != w || x.rel[t] == "amod" && d.Tokens[t].XPOS == "VBG") {
			return 0
		}
	}
	return len(words)
}

// within reports whether token t lies in the subtree of token root.
func within(d *parley.Doc, t, root int) bool {
	for range 12 {
		if t == root {
			return true
		}
		if t = d.Tokens[t].Head; t < 0 {
			return false
		}
	}
	return false
}

// movesObject reports whether p's code of a visit by the subject ("* (to)
// [042:043]") would be given to a verb whose direct object the pattern's
// words leave out and which is no place: "will rush troops to the state"
// sends the troops, "ordered reporters out for the hearing" sends the
// reporters; neither is a visit by the subject ("left Kathmandu for
// Dhaka" is). Hosting ("welcomed the tourists to his country", [043:042])
// has the visitor for its object.
func movesObject(x *docIndex, v int, code string, words []int) bool {
	if a, _, _ := strings.Cut(code, ":"); a != "042" {
		return false
	}
	o := x.child(v, "obj")
	if o < 0 || slices.Contains(words, o) {
		return false
	}
	_, place := x.placeAt[o]
	return !place
}
