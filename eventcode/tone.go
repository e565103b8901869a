package eventcode

import (
	"slices"

	"github.com/parley-events/parley"
)

// Words that give a statement its tone, by lemma: CAMEO codes a comment
// that is pessimistic (012) or optimistic (013) about a situation. Written
// for parley.
var (
	pessimistic = map[string]bool{
		"opposed": true, "deadlock": true, "impasse": true, "stalemate": true, "pessimistic": true,
		"bleak": true, "doubt": true, "doubtful": true, "skeptical": true, "sceptical": true,
		"disappointed": true, "disappointing": true, "fruitless": true, "unlikely": true,
		"difficult": true, "grim": true, "gloomy": true, "stalled": true, "collapse": true,
	}
	optimistic = map[string]bool{
		"optimistic": true, "hopeful": true, "constructive": true, "positive": true, "promising": true,
		"breakthrough": true, "encouraging": true, "productive": true, "confident": true,
	}
)

// stanceNouns name views, whose qualifiers give a statement its tone.
var stanceNouns = map[string]bool{
	"view": true, "position": true, "stance": true, "opinion": true, "assessment": true,
	"outlook": true, "prospect": true, "approach": true,
}

// codeTone codes what a speaker says: a verb of saying whose complement
// says that someone must act is a demand (100) on them, that someone
// should act an appeal (020); one whose
// complement gave no event but holds tone words is a pessimistic (012) or
// optimistic (013) comment by its subject, about the actors the
// complement names other than the speaker's own country.
func (c *Coder) codeTone(d *parley.Doc, x *docIndex, s, v int, coded []bool) {
	if !speechVerbs[x.lemma[v]] {
		return
	}
	subj, _ := subject(d, x, v, 0)
	speakers := actorsAt(d, x, subj)
	if len(speakers) == 0 && !c.cfg.OneActor {
		return
	}
	for _, comp := range x.children[v] {
		if r := x.rel[comp]; r != "ccomp" && r != "parataxis" {
			continue
		}
		var toks []int
		var walk func(i int)
		walk = func(i int) {
			toks = append(toks, i)
			for _, k := range x.children[i] {
				walk(k)
			}
		}
		walk(comp)
		if code := obligation(x, comp); code != "" {
			// "Russia said Sudan must return the helicopter": a demand
			// (100) by the speaker on the one who must act, an actor
			// named as the clause's active subject; "… Sudan should
			// return it" an appeal (020). What one says one's own country
			// must do, or need not do, is neither.
			mode, reporter := modality(d, x, v)
			// (Rebels or the opposition demanding something of their
			// own country's government are not speaking of their own.)
			// (A speaker the dictionaries do not know, "the Third World
			// Water Forum concluded that the US must …", is coded only
			// when one-actor events are.)
			own, by := "", []int(nil)
			if len(speakers) > 0 {
				own, by = d.Actors[speakers[0]].Country, speakers[:1]
				if fightsState(d.Actors[speakers[0]].Sectors) {
					own = ""
				}
			}
			var on []int
			if subj, passive := subject(d, x, comp, 0); !passive && subj >= 0 && x.actorAt[subj] >= 0 && !dummyIt(d, x, subj) && !negated(x, comp) {
				on = slices.DeleteFunc(actorsAt(d, x, subj), func(a int) bool { return own != "" && d.Actors[a].Country == own || pair(d, x, a) })
			}
			if len(on) > 0 {
				c.emit(d, x, s, parley.Span{Start: v, End: v + 1}, code, "demand or appeal in a statement (eventcode/tone.go)", by, on, mode, reporter)
			}
			continue
		}
		if len(speakers) == 0 || slices.ContainsFunc(toks, func(t int) bool { return coded[t] }) {
			continue // no one known says it, or its content is an event
		}
		// The tone is the clause's own: its predicate or a word right
		// under it ("positions are diametrically opposed", "expressed
		// doubts"), or what qualifies the views it states ("hold
		// diametrically opposed views") — not a word deep in a phrase
		// ("will play a positive role", "women tested HIV positive").
		code := ""
		for _, t := range toks {
			if h := d.Tokens[t].Head; t != comp && h != comp && !(h >= 0 && d.Tokens[h].Head == comp && stanceNouns[x.lemma[h]]) {
				continue
			}
			// (A test's result is no tone: "were tested HIV positive".)
			if h := d.Tokens[t].Head; h >= 0 && x.lemma[h] == "test" {
				continue
			}
			// ("not optimistic" is pessimistic, and so is "neither side
			// is hopeful".)
			neg := negated(x, t) || t != comp && negated(x, comp) || noneSubject(x, t) || t != comp && noneSubject(x, comp)
			pess := pessimistic[x.lemma[t]] || pessimistic[x.lower[t]]
			opt := optimistic[x.lemma[t]] || optimistic[x.lower[t]]
			if (pess || opt) && !toneWord(d, x, t) {
				continue
			}
			switch {
			case pess && !neg, opt && neg:
				code = "012"
			case code == "" && (opt || pess):
				code = "013"
			}
		}
		if code == "" {
			continue
		}
		own := d.Actors[speakers[0]].Country
		var about []int
		for _, t := range toks {
			if a := x.actorAt[t]; a >= 0 && !dummyIt(d, x, t) && d.Actors[a].Country != own && !slices.Contains(about, a) && !whereOnly(d, x, a) &&
				!slices.ContainsFunc(about, func(b int) bool { return d.Actors[b].Code == d.Actors[a].Code }) {
				about = append(about, a)
			}
		}
		if len(about) > 1 {
			about = about[:1]
		}
		mode, reporter := modality(d, x, v)
		c.emit(d, x, s, parley.Span{Start: v, End: v + 1}, code, "tone of a statement (eventcode/tone.go)", speakers[:1], about, mode, reporter)
	}
}

// physical are things that fall down: "two houses collapsed" is no
// pessimism.
var physical = map[string]bool{
	"house": true, "home": true, "building": true, "church": true, "mosque": true, "school": true,
	"bridge": true, "roof": true, "wall": true, "mine": true, "tunnel": true, "hotel": true,
	"tower": true, "dam": true, "structure": true, "stand": true, "ceiling": true, "block": true,
}

// toneWord reports whether tone word t says how the speaker sees things
// rather than what was done: not a verb with an object ("China has
// opposed the visits" is opposition, not pessimism), not what fell down
// ("houses collapsed"), not "no doubt", which is certainty.
func toneWord(d *parley.Doc, x *docIndex, t int) bool {
	if d.Tokens[t].UPOS == "VERB" && x.child(t, "obj") >= 0 {
		return false
	}
	if s := x.child(t, "nsubj"); s >= 0 && physical[x.lemma[s]] {
		return false
	}
	if x.lemma[t] == "doubt" && slices.ContainsFunc(x.children[t], func(k int) bool { return x.rel[k] == "det" && x.lower[k] == "no" }) {
		return false
	}
	return true
}

// noneSubject reports whether the subject of clause v is no one:
// "neither side", "no one", "none of them", "nobody".
func noneSubject(x *docIndex, v int) bool {
	s := x.child(v, "nsubj")
	if s < 0 {
		return false
	}
	switch x.lower[s] {
	case "none", "nobody", "noone":
		return true
	}
	return slices.ContainsFunc(x.children[s], func(k int) bool {
		return x.lower[k] == "neither" || x.rel[k] == "det" && x.lower[k] == "no"
	})
}

// whereOnly reports whether actor a is a place in a phrase of where
// of a verb ("decided to remain in New York", "hit a high in New
// York"): where something is, not whom a tone is about.
func whereOnly(d *parley.Doc, x *docIndex, a int) bool {
	h := d.SpanHead(d.Actors[a].Tokens)
	if _, place := x.placeAt[h]; !place {
		return false
	}
	return x.rel[h] == "obl" && locatives[x.caseOf(h)] // (not "the civil war in Zaire")
}

// dummyIt reports whether token t is "it", which in a statement's tone is
// mostly the situation ("it's going to be very difficult", "it shouldn't
// give it up") whatever coreference linked it to.
func dummyIt(d *parley.Doc, x *docIndex, t int) bool {
	return x.lower[t] == "it" && d.Tokens[t].UPOS == "PRON"
}

// obligation returns the code of what clause c says someone must do: a
// demand (100) with "must", "have to" or "need to", an appeal (020) with
// "should" or "ought"; "" when it says neither.
func obligation(x *docIndex, c int) string {
	for _, k := range x.children[c] {
		if x.rel[k] == "aux" {
			switch x.lemma[k] {
			case "must":
				return "100"
			case "should", "ought":
				return "020"
			}
		}
	}
	// "have to act", not "had four months to act"; "would have to act"
	// foresees what is needed rather than demands it, and "need to be
	// dealt with" asks nothing of its subject.
	if xc := x.child(c, "xcomp"); (x.lemma[c] == "have" || x.lemma[c] == "need") && xc >= 0 && x.child(c, "obj") < 0 && x.child(xc, "aux:pass") < 0 {
		for _, k := range x.children[c] {
			if x.rel[k] == "aux" && hypotheticalAux[x.lemma[k]] {
				return ""
			}
		}
		return "100"
	}
	return ""
}

// pair reports whether actor a is a pair the speaker is mostly one of:
// "the two countries should cement their ties", "both sides should
// show restraint", said by one of them, proposes, not appeals.
func pair(d *parley.Doc, x *docIndex, a int) bool {
	sp := d.Actors[a].Tokens
	switch x.lemma[d.SpanHead(sp)] {
	case "country", "side", "party", "nation", "government", "state", "leader":
		return slices.ContainsFunc(x.lower[sp.Start:sp.End], func(w string) bool { return w == "two" || w == "both" })
	}
	return false
}

// negated reports whether verb v has "not", "n't" or "never" of its own.
func negated(x *docIndex, v int) bool {
	for _, k := range x.children[v] {
		if negators[x.lemma[k]] {
			return true
		}
	}
	return false
}
