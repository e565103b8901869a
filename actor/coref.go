package actor

import (
	"slices"
	"strings"

	"github.com/parley-events/parley"
)

// reach is how many sentences back a role ("the president") or a pronoun
// looks for the actor it refers to.
const reach = 3

// corefer links later mentions to the actors they name, in document
// order: an actor named again refers to its last mention; a person
// entity the dictionaries do not know takes the code of an earlier actor
// with the same surname; a role without a country ("the president", "the
// spokesman") takes the code of the last actor within reach that has the
// same sectors and a country; a personal pronoun takes the subject of its
// own sentence or the last person within reach, and "it" as a subject the
// last country or organisation, "they" the last actor named in the
// plural ("the rebels"); "the two sides" (parties, countries, delegations) and
// "both sides" become two actors, the last two countries named. Actors
// are kept in order of their first token.
func corefer(d *parley.Doc, words []string, entityOf, sentOf []int, title func(string) bool) {
	covered := make([]bool, len(d.Tokens))
	for _, a := range d.Actors {
		for i := a.Tokens.Start; i < a.Tokens.End; i++ {
			covered[i] = true
		}
	}
	// Mentions the dictionaries missed: unknown person names and
	// pronouns, and "the two sides".
	var extra []parley.Actor
	for e, ent := range d.Entities {
		if ent.Type == parley.PER && !covered[ent.Tokens.Start] {
			extra = append(extra, parley.Actor{Tokens: ent.Tokens, Entity: e, Ref: -1, Name: d.SpanText(ent.Tokens)})
		}
	}
	for i, w := range words {
		if covered[i] || entityOf[i] >= 0 {
			continue
		}
		group := -1 // where "the group" or "the militant group" ending here starts
		if groupWords[w] && d.Tokens[i].XPOS == "NN" {
			group = groupStart(d, words, covered, i)
		}
		switch {
		case d.Tokens[i].UPOS == "PRON" && (pronouns[w] || (w == "it" || w == "they") && (d.Tokens[i].DepRel == "nsubj" || d.Tokens[i].DepRel == "nsubj:pass" || controlled(d, i))) &&
			!(w == "it" && (expletive(d, words, i) || saidByOther(d, covered, i) || textBefore(d, covered, sentOf, i))):
			extra = append(extra, parley.Actor{Tokens: parley.Span{Start: i, End: i + 1}, Entity: -1, Ref: -1})
		case group >= 0 && !(i+1 < len(d.Tokens) && upperInitial(d.TokenText(i+1))):
			// (Not one named right after: "the pressure group Alternative
			// ASEAN Network".)
			// "the group", "the militant group", "the movement": an
			// armed or political group named before.
			extra = append(extra, parley.Actor{Tokens: parley.Span{Start: group, End: i + 1}, Entity: -1, Ref: -1})
		case pairWords[w] && i >= 2 && (words[i-1] == "two" && words[i-2] == "the" || words[i-1] == "both"):
			start := i - 2
			if words[i-1] == "both" {
				start = i - 1
			}
			a := parley.Actor{Tokens: parley.Span{Start: start, End: i + 1}, Entity: -1, Ref: -1}
			extra = append(extra, a, a)
		}
	}
	d.Actors = append(d.Actors, extra...)
	slices.SortStableFunc(d.Actors, func(a, b parley.Actor) int { return a.Tokens.Start - b.Tokens.Start })

	for k := range d.Actors {
		a := &d.Actors[k]
		code := a.Code
		s := sentOf[a.Tokens.Start]
		within := func(j int) bool { return s-sentOf[d.Actors[j].Tokens.Start] <= reach }
		owner := -1 // the actor "whose" before a body of no country refers to
		if a.Country == "" && a.Sectors != "" {
			owner = relativeOwner(d, k)
		}
		switch {
		case a.Code != "" && a.Name != "":
			// A name seen before refers to its last mention.
			for j := k - 1; j >= 0; j-- {
				if d.Actors[j].Name == a.Name && d.Actors[j].Code != "" {
					a.Ref = j
					break
				}
			}
		case a.Code == "" && a.Entity >= 0:
			// An unknown person: an earlier actor with the same surname —
			// the last word of a name, or the first of a person's name
			// written family name first or known by it ("Hu" for Hu
			// Jintao, "Saddam", "Mobutu").
			sur := surname(d, a.Tokens)
			for j := k - 1; j >= 0; j-- {
				if b := d.Actors[j]; b.Code != "" && b.Entity >= 0 && (surname(d, d.Entities[b.Entity].Tokens) == sur || a.Tokens.Len() == 1 && firstName(d, d.Entities[b.Entity]) == sur) {
					a.Code, a.Name, a.Ref = b.Code, b.Name, j
					break
				}
			}
		case a.Code == "" && a.Tokens.Len() == 1:
			// A pronoun: the subject of its own sentence when that is a
			// person (for "it", a country or organisation), else the last
			// such actor within reach.
			it := words[a.Tokens.Start] == "it"
			they := words[a.Tokens.Start] == "they"
			others := coArguments(d, k)
			best := antecedent(d, sentOf, k, s-reach, func(b parley.Actor) bool {
				if slices.ContainsFunc(others, func(o parley.Actor) bool { return o.Name == b.Name && o.Code == b.Code }) {
					return false // "they urged the government and the LTTE": not the LTTE
				}
				if they {
					return b.Code != "" && plural(d, b)
				}
				return b.Code != "" && isPerson(d, b) != it && !(it && b.Country == "")
			})
			if best >= 0 {
				b := d.Actors[best]
				a.Code, a.Name, a.Entity, a.Ref = b.Code, b.Name, b.Entity, best
			}
		case a.Code == "" && k+1 < len(d.Actors) && d.Actors[k+1].Tokens == a.Tokens:
			// "The two sides": the last two countries named.
			var seen []int
			// The subject of the verb "the two sides" depends on is not
			// one of them ("Sudan urged both sides").
			subj := -1
			if g := d.Tokens[d.PhraseRoot(d.SpanHead(a.Tokens))].Head; g >= 0 {
				for i := d.Sentences[s].Tokens.Start; i < d.Sentences[s].Tokens.End; i++ {
					if d.Tokens[i].Head == g && d.Tokens[i].DepRel == "nsubj" {
						subj = i
					}
				}
			}
			// Two countries or nations are countries; two sides or
			// parties may be an international body and a country ("the
			// EU urges Tehran … before the two sides resume talks").
			l := d.Lemma(d.SpanHead(a.Tokens))
			sides := l == "side" || l == "party"
			for j := k - 1; j >= 0 && len(seen) < 2; j-- {
				b := d.Actors[j]
				if subj >= 0 && d.PhraseRoot(d.SpanHead(b.Tokens)) == subj {
					continue
				}
				if b.Country != "" && (b.Country != "IGO" || sides) && !slices.ContainsFunc(seen, func(x int) bool { return side(d.Actors[x]) == side(b) }) {
					seen = append(seen, j)
				}
			}
			if len(seen) == 2 {
				for n, j := range []int{seen[1], seen[0]} {
					b := &d.Actors[k+n]
					b.Code, b.Country, b.Ref = side(d.Actors[j]), d.Actors[j].Country, j
				}
			}
		case a.Code == "" && a.Entity < 0 && groupWords[words[a.Tokens.End-1]]:
			// "The group": the last armed, rebel, radical or party
			// actor within reach (the subject of its own sentence
			// first), not a state or a person.
			best := antecedent(d, sentOf, k, s-reach, func(b parley.Actor) bool {
				return b.Code != "" && !isPerson(d, b) && groupSectors(b.Sectors)
			})
			if best >= 0 {
				b := d.Actors[best]
				a.Code, a.Country, a.Sectors, a.Name, a.Ref = b.Code, b.Country, b.Sectors, b.Name, best
			}
		case owner >= 0:
			// "Japan, whose government …": a body of the actor the
			// relative clause hangs on, read from the words before
			// "whose" since a parser may not attach the clause to it.
			a.Code = d.Actors[owner].Country + a.Sectors
			a.CountryFrom = FromOwner
		case a.Country == "" && a.Sectors != "" && possessor(d, a.Tokens) >= 0:
			// "advised its embassies", "his government": a body of
			// the one the possessive names, the subject of its
			// sentence when that fits, else the last such actor of the
			// sentence ("its" a country or organisation, "his" and
			// "her" a person, "their" either).
			w := words[possessor(d, a.Tokens)]
			best := antecedent(d, sentOf, k, s, func(b parley.Actor) bool {
				return b.Code != "" && b.Country != "" && b.Country != "IGO" && !b.Tokens.Overlaps(a.Tokens) &&
					!(w == "its" && b.Entity >= 0 && b.Entity < len(d.Entities) && d.Entities[b.Entity].Type == parley.PER) &&
					!((w == "his" || w == "her") && !isPerson(d, b))
			})
			if best >= 0 {
				a.Code = d.Actors[best].Country + a.Sectors
				a.CountryFrom = FromOwner
			}
		case a.Country == "" && a.Sectors != "" && definite(d, a.Tokens):
			// A role without a country: the last actor within reach
			// with the same sectors and a country, named by the same
			// title or by a name alone ("the prime minister" is not the
			// Sudanese president of the sentence before). Further back,
			// only the same title in the singular will do: "the king"
			// five sentences on is still King Gyanendra of Nepal, but
			// "the soldiers" may be another country's.
			number := d.Tokens[d.SpanHead(a.Tokens)].XPOS
			plural := number == "NNS"
			for j := k - 1; j >= 0; j-- {
				if !within(j) && !(number == "NN" && hasHead(d, a.Tokens, d.Actors[j].Tokens)) {
					continue
				}
				// A pronoun stands for the mention it refers to ("they"
				// for "the Italian and Albanian premiers").
				named := j
				for n := 0; n < 8 && d.Actors[named].Ref >= 0 && pronoun(d, d.Actors[named].Tokens); n++ {
					named = d.Actors[named].Ref
				}
				// A plural role needs its title in the plural: a name
				// alone is one person ("the leaders" are not the
				// president named before, "the ministers" not one
				// minister).
				if nb := d.Actors[named].Tokens; plural && !(hasHead(d, a.Tokens, nb) && d.Tokens[d.SpanHead(nb)].XPOS == "NNS") {
					continue
				}
				if b := d.Actors[j]; b.Country != "" && b.Sectors == a.Sectors && sameRole(d, a.Tokens, d.Actors[named].Tokens, title) {
					a.Code, a.Name, a.Ref = b.Code, b.Name, j
					if a.Entity < 0 {
						a.Entity = b.Entity
					}
					break
				}
			}
		}
		if p := counterpart(d, a.Tokens); a.Sectors == "" && a.Country != "" && a.Country != "IGO" && p >= 0 {
			// "his Iranian counterpart", "their Chinese counterparts":
			// the country's holders of the possessor's role (the
			// Iraqi president's counterpart is Iran's government,
			// businessmen's counterparts are its businesses).
			w := words[p]
			best := antecedent(d, sentOf, k, s, func(b parley.Actor) bool {
				return roles(b.Sectors) != "" && b.Country != "" && b.Country != "IGO" && b.Country != a.Country && !b.Tokens.Overlaps(a.Tokens) &&
					!((w == "his" || w == "her") && !isPerson(d, b))
			})
			if best >= 0 {
				a.Code = a.Country + roles(d.Actors[best].Sectors)
			}
		}
		// A mention takes the country and sectors of the actor it
		// refers to; its own were set with its code.
		if b := a.Ref; b >= 0 && d.Actors[b].Code == a.Code {
			a.Country, a.Sectors = d.Actors[b].Country, d.Actors[b].Sectors
		} else if a.Code != code {
			a.Country, a.Sectors = split(a.Code)
		}
	}
	// Mentions still without a code name no actor; references follow
	// the actors they point to.
	index := make([]int, len(d.Actors))
	n := 0
	for k, a := range d.Actors {
		index[k] = -1
		if a.Code != "" {
			index[k] = n
			n++
		}
	}
	kept := d.Actors[:0]
	for _, a := range d.Actors {
		if a.Code != "" {
			if a.Ref >= 0 {
				a.Ref = index[a.Ref]
			}
			kept = append(kept, a)
		}
	}
	d.Actors = kept
}

var pronouns = map[string]bool{"he": true, "him": true, "she": true, "her": true}

var pairWords = map[string]bool{"sides": true, "parties": true, "countries": true, "delegations": true, "nations": true}

// groupWords name a group anaphorically: "the group", "the movement".
var groupWords = map[string]bool{"group": true, "movement": true, "militia": true, "faction": true, "organisation": true, "organization": true}

// groupStart returns the start of "the group" or "the militant group"
// ending at word i (an article, at most one lower-case modifier, none a
// word another actor covers), or -1.
func groupStart(d *parley.Doc, words []string, covered []bool, i int) int {
	j := i - 1
	if j >= 1 && (d.Tokens[j].UPOS == "ADJ" || d.Tokens[j].UPOS == "NOUN") && !covered[j] && !upperInitial(d.TokenText(j)) {
		j--
	}
	if j < 0 || words[j] != "the" || covered[j] {
		return -1
	}
	return j
}

// groupSectors reports whether sectors make a group one refers to as "the
// group": rebels, insurgents, militants, radicals, separatists, a party
// or an opposition.
func groupSectors(sectors string) bool {
	for i := 0; i+3 <= len(sectors); i += 3 {
		switch sectors[i : i+3] {
		case "REB", "UAF", "INS", "RAD", "SEP", "PTY", "OPP":
			return true
		}
	}
	return false
}

// isPerson reports whether an actor names a person: a PER entity, or a
// role headed by a singular noun ("the U.S. leader", "a senior official")
// that is no body of people ("the government", "the ministry": "it").
func isPerson(d *parley.Doc, a parley.Actor) bool {
	if a.Entity >= 0 && a.Entity < len(d.Entities) {
		return d.Entities[a.Entity].Type == parley.PER
	}
	h := d.SpanHead(a.Tokens)
	t := d.Tokens[h]
	return a.Sectors != "" && t.UPOS == "NOUN" && t.XPOS == "NN" && !bodies[strings.ToLower(d.Lemma(h))]
}

// bodies are the nouns of agents that name a body of people, not one
// person.
var bodies = map[string]bool{
	"government": true, "ministry": true, "army": true, "military": true, "navy": true, "council": true,
	"parliament": true, "court": true, "agency": true, "committee": true, "party": true, "department": true,
	"office": true, "administration": true, "cabinet": true, "regime": true, "authority": true,
	"commission": true, "assembly": true, "senate": true, "congress": true, "police": true, "force": true,
	"embassy": true, "company": true, "firm": true, "group": true, "union": true, "federation": true,
	"coalition": true, "alliance": true, "front": true, "movement": true, "organization": true,
	"organisation": true, "bank": true, "board": true, "bureau": true, "service": true, "newspaper": true,
	"media": true, "junta": true, "legislature": true, "tribunal": true, "opposition": true, "leadership": true,
	"delegation": true, "team": true, "mission": true, "militia": true, "guerrilla": true, "network": true,
	"station": true, "television": true, "radio": true, "daily": true, "agency's": true, "state": true,
}

// plural reports whether an actor is named by a plural noun ("the
// rebels", "Russian forces").
func plural(d *parley.Doc, a parley.Actor) bool {
	x := d.Tokens[d.SpanHead(a.Tokens)].XPOS
	return x == "NNS" || x == "NNPS"
}

// isSubject reports whether an actor's head is the subject of a clause.
func isSubject(d *parley.Doc, a parley.Actor) bool {
	r := d.Tokens[d.PhraseRoot(d.SpanHead(a.Tokens))].DepRel
	return r == "nsubj" || r == "nsubj:pass"
}

// coArguments returns the named actors that are objects or phrases of
// the verb whose subject actor k is, with their conjuncts: a pronoun
// subject is none of them ("they urged the government and the LTTE").
func coArguments(d *parley.Doc, k int) []parley.Actor {
	h := d.SpanHead(d.Actors[k].Tokens)
	if r := d.Tokens[h].DepRel; r != "nsubj" && r != "nsubj:pass" {
		return nil
	}
	v := d.Tokens[h].Head
	if v < 0 {
		return nil
	}
	var out []parley.Actor
	for _, b := range d.Actors[k+1:] {
		if b.Name == "" {
			continue
		}
		// (The actor must be the argument, not a word of it: "according
		// to official Japanese figures" is no argument that is Japan.)
		r := d.SpanHead(b.Tokens)
		if d.PhraseRoot(r) != r {
			continue
		}
		for d.Tokens[r].DepRel == "conj" && d.Tokens[r].Head > h {
			r = d.Tokens[r].Head
		}
		if d.Tokens[r].Head != v {
			continue
		}
		switch d.Tokens[r].DepRel {
		case "obj", "iobj", "obl":
			out = append(out, b)
		}
	}
	return out
}

// antecedent returns the actor before actor k, back to sentence from,
// that fits: the subject of k's own sentence when one fits, else the last
// that fits in its sentence; else, in the sentences before, the latest
// first, the first subject that fits (the one the text was about: "The
// Kenyan president met the Ugandan president. He said …"), else the last
// that fits; -1 when none does.
func antecedent(d *parley.Doc, sentOf []int, k, from int, fits func(parley.Actor) bool) int {
	s := sentOf[d.Actors[k].Tokens.Start]
	cur, best, subj := s, -1, -1
	for j := k - 1; j >= 0 && sentOf[d.Actors[j].Tokens.Start] >= from; j-- {
		b := d.Actors[j]
		if sj := sentOf[b.Tokens.Start]; sj != cur {
			if subj >= 0 {
				return subj
			}
			if best >= 0 {
				return best
			}
			cur = sj
		}
		if !fits(b) {
			continue
		}
		if isSubject(d, b) {
			if cur == s {
				return j
			}
			subj = j // (scanning back: the first subject of the sentence wins)
		}
		if best < 0 {
			best = j
		}
	}
	if subj >= 0 {
		return subj
	}
	return best
}

// possessor returns the possessive pronoun ("its", "their", "his",
// "her") that determines the phrase of span s, or -1.
func possessor(d *parley.Doc, s parley.Span) int {
	h := d.SpanHead(s)
	for i := max(0, s.Start-1); i < s.End; i++ {
		if t := d.Tokens[i]; t.XPOS == "PRP$" && t.Head == h && t.DepRel == "nmod:poss" {
			switch strings.ToLower(d.TokenText(i)) {
			case "its", "their", "his", "her":
				return i
			}
		}
	}
	return -1
}

// relativeOwner returns, for actor k determined by "whose", the actor
// with a country that ends right before it, a comma between or not
// ("Japan, whose government", "the rebels whose leaders"); -1
// otherwise.
func relativeOwner(d *parley.Doc, k int) int {
	s := d.Actors[k].Tokens
	h := d.SpanHead(s)
	w := -1
	for i := max(0, s.Start-3); i < s.End; i++ {
		if t := d.Tokens[i]; t.XPOS == "WP$" && t.Head == h {
			w = i
			break
		}
	}
	if w < 0 {
		return -1
	}
	end := w
	if end > 0 && d.TokenText(end-1) == "," {
		end--
	}
	for j := k - 1; j >= 0; j-- {
		b := d.Actors[j]
		if b.Tokens.End == end && b.Country != "" && b.Country != "IGO" {
			return j
		}
		if b.Tokens.End < end {
			break
		}
	}
	return -1
}

// counterpart returns, for a country's name or adjective modifying
// "counterpart" ("his Iranian counterpart", "their Chinese
// counterparts"), the possessive before it; -1 otherwise.
func counterpart(d *parley.Doc, s parley.Span) int {
	h := d.Tokens[d.SpanHead(s)].Head
	if h < s.End || h >= len(d.Tokens) || d.Lemma(h) != "counterpart" {
		return -1
	}
	for i := s.Start - 1; i >= max(0, s.Start-3); i-- {
		if t := d.Tokens[i]; t.XPOS == "PRP$" && t.Head == h {
			return i
		}
	}
	return -1
}

// roles returns the sectors of a code that a counterpart in another
// country holds too (government, military, business, …), leaving out
// those that say who the actor is rather than what it does ("OCC", an
// organisation's own code).
func roles(sectors string) string {
	var out string
	for i := 0; i+3 <= len(sectors); i += 3 {
		switch c := sectors[i : i+3]; c {
		case "GOV", "MIL", "BUS", "LEG", "JUD", "COP", "MED", "EDU", "ELI", "OPP", "PTY", "LAB", "AGR", "HLH", "SPY", "DEV", "ENV":
			out += c
		}
	}
	return out
}

// definite reports whether a phrase starts with "the" or "this".
func definite(d *parley.Doc, s parley.Span) bool {
	for i := max(0, s.Start-2); i < s.End; i++ {
		if t := d.Tokens[i]; t.UPOS == "DET" && (t.Head >= s.Start && t.Head < s.End || i >= s.Start) {
			w := strings.ToLower(d.TokenText(i))
			return w == "the" || w == "this"
		}
	}
	return false
}

// anyTitle are the roles, by lemma, that any office-holder may be called.
var anyTitle = map[string]bool{"leader": true, "official": true, "head": true, "chief": true, "ruler": true}

// sameRole reports whether the mention at b may be the role at a: b
// holds a's head word ("the minister" … "Sudan's foreign minister"), or
// b is a name with no common noun or pronoun in it ("Testov").
func sameRole(d *parley.Doc, a, b parley.Span, title func(string) bool) bool {
	if hasHead(d, a, b) {
		return true
	}
	head := d.Lemma(a.End - 1)
	for i := b.Start; i < b.End; i++ {
		// (A pronoun is no name: "they" is not "the ambassador"; nor is
		// a name under another title: "the king" is not "U.S. President
		// George W. Bush", though "the leader" may be.)
		if u := d.Tokens[i].UPOS; u == "NOUN" || u == "PRON" || !anyTitle[head] && title(d.Lemma(i)) {
			return false
		}
	}
	return true
}

// hasHead reports whether span b holds the head word of span a, by lemma
// (Doc.Lemma is lower-case).
func hasHead(d *parley.Doc, a, b parley.Span) bool {
	head := d.Lemma(a.End - 1)
	for i := b.Start; i < b.End; i++ {
		if d.Lemma(i) == head {
			return true
		}
	}
	return false
}

// pronoun reports whether span s is a pronoun alone.
func pronoun(d *parley.Doc, s parley.Span) bool {
	return s.Len() == 1 && d.Tokens[s.Start].UPOS == "PRON"
}

// surname returns the lower-cased last word of a name.
func surname(d *parley.Doc, s parley.Span) string {
	return norm(d.TokenText(s.End - 1))
}

// firstName returns the first word of person entity e's name of two
// words or more, or "".
func firstName(d *parley.Doc, e parley.Entity) string {
	if e.Type != parley.PER || e.Tokens.Len() < 2 {
		return ""
	}
	return norm(d.TokenText(e.Tokens.Start))
}

// saidByOther reports whether "it" at token i is the subject of what a
// speaker says who is no actor — "the aid group said it was widening
// its operation" — and so stands for that speaker, not for an actor
// named before.
func saidByOther(d *parley.Doc, covered []bool, i int) bool {
	v := d.Tokens[i].Head
	if v < 0 || v >= len(d.Tokens) || d.Tokens[v].DepRel != "ccomp" {
		return false
	}
	h := d.Tokens[v].Head
	if h < 0 || h >= len(d.Tokens) {
		return false
	}
	for k := max(0, h-30); k < h; k++ {
		if d.Tokens[k].Head != h || d.Tokens[k].DepRel != "nsubj" {
			continue
		}
		if d.Tokens[k].UPOS != "NOUN" || timeNouns[strings.ToLower(d.Lemma(k))] || stateNouns[strings.ToLower(d.Lemma(k))] {
			return false // (and "the African country" is the country named before)
		}
		// No actor in the subject's phrase ("the Chinese side", "the
		// Russian prosecutor's office" speak for their country).
		return !actorInPhrase(d, covered, k, 0)
	}
	return false
}

// actorInPhrase reports whether an actor covers a token of the phrase
// of noun k among the eight words before it (from token start on).
func actorInPhrase(d *parley.Doc, covered []bool, k, start int) bool {
	for m := max(start, k-8); m <= k; m++ {
		if covered[m] && d.PhraseRoot(m) == d.PhraseRoot(k) {
			return true
		}
	}
	return false
}

// textBefore reports whether "it" at token i, opening its sentence's
// subject, follows a sentence whose subject is a text or a plan no actor
// names ("The resolution was adopted on Monday. It asks the agency to
// report …"), for which it then stands.
func textBefore(d *parley.Doc, covered []bool, sentOf []int, i int) bool {
	s := sentOf[i]
	if s == 0 || d.Tokens[i].DepRel != "nsubj" && d.Tokens[i].DepRel != "nsubj:pass" || d.Tokens[i].Head < 0 || d.Tokens[d.Tokens[i].Head].Head >= 0 {
		return false // (only the subject of its sentence's main verb)
	}
	prev := d.Sentences[s-1].Tokens
	for k := prev.Start; k < prev.End; k++ {
		if h := d.Tokens[k].Head; h < 0 || d.Tokens[h].Head >= 0 || !(d.Tokens[k].DepRel == "nsubj" || d.Tokens[k].DepRel == "nsubj:pass") {
			continue
		}
		if d.Tokens[k].UPOS != "NOUN" || !itTexts[strings.ToLower(d.Lemma(k))] {
			return false
		}
		return !actorInPhrase(d, covered, k, prev.Start) // "the Chinese proposal" is China's
	}
	return false
}

// itTexts are texts, plans and bodies of rules that "it" may stand for.
var itTexts = map[string]bool{
	"resolution": true, "report": true, "statement": true, "draft": true, "proposal": true, "bill": true,
	"plan": true, "agreement": true, "letter": true, "motion": true, "document": true, "study": true,
	"survey": true, "treaty": true, "deal": true, "law": true, "decree": true, "program": true,
	"programme": true, "project": true, "declaration": true, "communique": true, "text": true,
	"measure": true, "package": true, "initiative": true, "accord": true, "budget": true,
}

// stateNouns name a country or its government in a description that
// refers back ("the African country", "the kingdom").
var stateNouns = map[string]bool{
	"country": true, "nation": true, "state": true, "kingdom": true, "republic": true,
	"government": true, "side": true, "island": true, "emirate": true,
}

// timeNouns are nouns of time, which the parser may take for a subject
// ("France last weekend announced …").
var timeNouns = map[string]bool{
	"weekend": true, "week": true, "month": true, "year": true, "day": true, "night": true,
	"morning": true, "afternoon": true, "evening": true, "today": true, "yesterday": true,
}

// weatherVerbs take a subject "it" that stands for no one.
var weatherVerbs = map[string]bool{"rain": true, "snow": true, "drizzle": true, "thunder": true, "sleet": true}

// expletive reports whether "it" at token i stands for a clause that
// follows, not for anyone: "It is forbidden for Shiites to …", "It's the
// wise choice for Canada to …", "It is clear that …", "It seems
// that …", "when it comes to …".
func expletive(d *parley.Doc, words []string, i int) bool {
	h := d.Tokens[i].Head
	if h < 0 || h >= len(d.Tokens) {
		return false
	}
	if words[h] == "comes" || words[h] == "came" || words[h] == "come" {
		return i > 0 && words[i-1] == "when"
	}
	lemma := strings.ToLower(d.Lemma(h))
	if weatherVerbs[lemma] {
		return true // "it rained", "it was snowing": the weather's "it"
	}
	if controlPredicates[lemma] {
		return false // "It is prepared to provide support": the subject's own readiness.
	}
	copula, raising, clause := false, false, false
	switch lemma {
	case "seem", "appear", "happen", "remain":
		raising = true
	}
	// The head's dependents lie in its sentence, within a few dozen
	// tokens either way.
	for k := max(0, h-40); k < len(d.Tokens) && k < h+40; k++ {
		if d.Tokens[k].Head != h || k == i {
			continue
		}
		switch rel := d.Tokens[k].DepRel; {
		case rel == "cop":
			copula = true
		case rel == "csubj" || rel == "ccomp" || rel == "xcomp" || rel == "advcl" || rel == "acl":
			for m := max(0, k-8); m < k; m++ {
				if d.Tokens[m].Head == k && d.Tokens[m].DepRel == "mark" && (words[m] == "to" || words[m] == "that") {
					clause = true
				}
			}
		}
	}
	return (copula || raising) && clause
}

// controlled reports whether token i, which the parser took for an
// expletive, is the subject of a control predicate ("it is willing to
// withdraw"): someone after all.
func controlled(d *parley.Doc, i int) bool {
	h := d.Tokens[i].Head
	return d.Tokens[i].DepRel == "expl" && h >= 0 && h < len(d.Tokens) && controlPredicates[strings.ToLower(d.Lemma(h))]
}

// controlPredicates say something of the subject they share with the
// clause after them ("it is ready to talk"), so the "it" before them is
// someone.
var controlPredicates = map[string]bool{
	"ready": true, "willing": true, "prepared": true, "able": true, "unable": true, "eager": true,
	"keen": true, "determined": true, "likely": true, "unlikely": true, "set": true, "due": true,
	"expected": true, "reluctant": true, "happy": true, "pleased": true, "committed": true,
	"obliged": true, "forced": true, "allowed": true, "unwilling": true, "free": true, "sure": true,
}

// sentenceIndex maps each token to its sentence.
func sentenceIndex(d *parley.Doc) []int {
	out := make([]int, len(d.Tokens))
	for s, sent := range d.Sentences {
		for i := sent.Tokens.Start; i < sent.Tokens.End && i < len(out); i++ {
			out[i] = s
		}
	}
	return out
}

// side is the party an actor makes one of "the two sides" as: its
// country, or for an international body the body itself.
func side(a parley.Actor) string {
	if a.Country == "IGO" {
		return a.Code
	}
	return a.Country
}
