package eventcode

import (
	"slices"
	"strings"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/dict"
)

// findVerb returns the dictionary verb that token v is, with the tokens it
// covers: the verb's base form or any listed form matched by lemma or
// form, the other words of a multi-word verb beside it ("back down",
// "carry out") or, for a particle, attached to it. The verb with the most
// words wins; then one listing the word as written; then the first in the
// dictionary.
func (c *Coder) findVerb(d *parley.Doc, x *docIndex, v int) (verbRef, parley.Span, bool) {
	cands := c.verbs[x.lemma[v]]
	if x.lower[v] != x.lemma[v] {
		for _, r := range c.verbs[x.lower[v]] {
			if !slices.Contains(cands, r) {
				cands = append(cands, r)
			}
		}
	}
	// exact reports whether the verb lists the word as written ("left"
	// as a verb of its own, not only a form of "leave").
	exact := func(vb *dict.Verb) bool {
		if vb.Head < len(vb.Words) && vb.Words[vb.Head] == x.lower[v] {
			return true
		}
		return slices.ContainsFunc(vb.Forms, func(f dict.Phrase) bool { return vb.Head < len(f) && f[vb.Head] == x.lower[v] })
	}
	best, bestLen, bestSpan, bestExact := verbRef{}, 0, parley.Span{}, false
	for _, r := range cands {
		vb := &c.set.Verbs[r.group].Verbs[r.verb]
		w := vb.Words
		ex := exact(vb)
		if len(w) < bestLen || len(w) == bestLen && (bestExact || !ex) {
			continue
		}
		span := parley.Span{Start: v, End: v + 1}
		ok := true
		for k := vb.Head - 1; k >= 0 && ok; k-- {
			i := v - (vb.Head - k)
			ok = i >= 0 && (x.lower[i] == w[k] || x.lemma[i] == w[k])
			span.Start = min(span.Start, i)
		}
		for k, i := vb.Head+1, v+1; k < len(w) && ok; k++ {
			switch {
			case i < len(d.Tokens) && (x.lower[i] == w[k] || x.lemma[i] == w[k]) && !(x.rel[i] == "mark" && x.lower[i] == "to"):
				// (Not an infinitive's "to": "is going to attack" is
				// no "go to".)
				span.End = i + 1
				i++
			case k == len(w)-1 && hasParticle(x, v, w[k]):
			default:
				ok = false
			}
		}
		if ok {
			best, bestLen, bestSpan, bestExact = r, len(w), span, ex
		}
	}
	return best, bestSpan, bestLen > 0
}

// hasParticle reports whether verb v has the particle word attached.
func hasParticle(x *docIndex, v int, word string) bool {
	for _, c := range x.children[v] {
		if x.rel[c] == "compound:prt" && x.lower[c] == word {
			return true
		}
	}
	return false
}

// struggleVerbs are fought or campaigned for a cause or a side, which a
// "for" phrase names: it is not whom they are against.
var struggleVerbs = map[string]bool{"fight": true, "battle": true, "struggle": true, "campaign": true}

// targetCases are the prepositions that introduce an actor acted upon
// ("met with", "attacks on", "aid to"); "in", "near" and the like
// introduce places and times.
var targetCases = map[string]bool{
	"with": true, "against": true, "on": true, "upon": true, "to": true, "toward": true,
	"towards": true, "into": true, "at": true, "for": true, "onto": true, "between": true,
	"of": true, "about": true, "over": true,
}

// arguments returns the source and target actors of verb v: subject and
// object, the passive's "by" agent and subject, a subject borrowed from a
// conjoined or controlling verb, and a prepositional or nominal target
// when there is no object.
func arguments(d *parley.Doc, x *docIndex, v int) (src, tgt []int) {
	subj, passive := subject(d, x, v, 0)
	if passive && (x.lemma[v] == "engage" || x.lemma[v] == "involve") && x.child(v, "obl:agent") < 0 {
		passive = false // "the militia was engaged in a campaign of terror against …": it did it
	}
	if passive {
		tgt = actorsAt(d, x, subj)
		for _, c := range x.children[v] {
			if x.rel[c] == "obl:agent" || x.rel[c] == "obl" && x.caseOf(c) == "by" {
				// (A vehicle or an aircraft of no one's, by which one
				// is hit, is an accident: "hit by a fighter plane
				// attempting a landing", "by a train from Huntington".)
				if vehicles[x.lemma[c]] || aircraft[x.lemma[c]] {
					if !slices.ContainsFunc(actorsAt(d, x, c), func(a int) bool {
						h := d.SpanHead(d.Actors[a].Tokens)
						return d.Actors[a].Country != "" && (h == c || h >= 0 && x.head[h] == c && (x.rel[h] == "amod" || x.rel[h] == "compound" || x.rel[h] == "nmod:poss"))
					}) {
						continue
					}
				}
				src = append(src, actorsAt(d, x, c)...)
			}
		}
		if len(src) == 0 {
			// "soldiers were killed in clashes with the rebels": by
			// whom the conflict they fell in was with.
			src = conflictWith(d, x, v)
		}
		if len(src) == 0 {
			// "were killed in Israeli strikes", "wounded in an attack
			// by militants": by whoever made the attack.
			src = attackers(d, x, v)
		}
		if len(src) == 0 && releaseVerbs[x.lemma[v]] {
			// "hostages held by Hamas were released": by whoever held
			// them.
			src = captors(d, x, subj)
		}
		return src, tgt
	}
	// (Nor is a city named by an adjective of the subject's noun its
	// actor: "the bombs on three Amman hotels, which killed …".)
	src = slices.DeleteFunc(actorsAt(d, x, subj), func(a int) bool { return actedOn(d, x, a, subj) || cityModifier(d, x, a, true) })
	// A list of subjects the parser split ("Mordor, the Shire, Arnor and
	// Bree welcomed"): every subject acts. Two with no comma or
	// conjunction between them are one phrase split in two ("Dagolath's
	// first Deputy Prime Minister Telemar"), whose country alone says
	// less than its office-holder.
	for _, c := range x.children[v] {
		if c != subj && x.rel[c] == "nsubj" {
			for _, a := range actorsAt(d, x, c) {
				if !slices.Contains(src, a) {
					src = append(src, a)
				}
			}
			if !listed(d, c, subj) {
				all := slices.Clone(src)
				src = slices.DeleteFunc(src, func(a int) bool {
					return slices.ContainsFunc(all, func(b int) bool {
						return len(d.Actors[b].Code) > len(d.Actors[a].Code) && strings.HasPrefix(d.Actors[b].Code, d.Actors[a].Code)
					})
				})
			}
		}
	}
	// Objects, the parser's second object included ("shelled the
	// capital Juba"). A body of the source's own ("recalled its
	// ambassador to New Zealand", "advised its embassies") is no other
	// party: the act is on whom a phrase names, if any.
	own := func(a int) bool {
		return d.Actors[a].CountryFrom == parley.FromOwner && slices.ContainsFunc(src, func(s int) bool { return d.Actors[s].Country == d.Actors[a].Country })
	}
	for _, rel := range []string{"obj", "iobj"} {
		if rel == "obj" && creationVerbs[x.lemma[v]] {
			continue // "agreed to form a unity government": what is made is no one acted on
		}
		for _, o := range x.children[v] {
			if x.rel[o] == rel {
				// (Where what is fired comes from is no one it falls on:
				// "fired rockets from Gaza".)
				fromWhere := func(a int) bool {
					h := d.SpanHead(d.Actors[a].Tokens)
					return h != o && x.head[h] == o && firedFrom(x, h)
				}
				if tgt = slices.DeleteFunc(actorsAt(d, x, o), func(a int) bool { return own(a) || fromWhere(a) }); len(tgt) > 0 {
					return src, tgt
				}
			}
		}
	}
	// "will release Prime Minister Chaudhry" parsed with the name as an
	// "obl" without a preposition: a verb with no object takes such a
	// phrase right after it for one; so does a phrasal verb a noun's
	// phrase right after its particle ("shot down 93 Ukrainian drones").
	if x.child(v, "obj") < 0 {
		for _, o := range x.children[v] {
			if x.rel[o] == "obl" && o > v && x.caseOf(o) == "" && (d.Tokens[o].UPOS == "PROPN" || d.Tokens[o].UPOS == "NOUN" && afterParticle(x, v, o)) {
				if tgt = actorsAt(d, x, o); len(tgt) > 0 {
					return src, tgt
				}
			}
		}
	}
	return src, slices.DeleteFunc(phraseTarget(d, x, v), own)
}

// phraseTarget returns the target of verb v named elsewhere than by its
// object: in a phrase of the verb or of its object, or as the subject of
// the clause it governs.
func phraseTarget(d *parley.Doc, x *docIndex, v int) (tgt []int) {
	// A verb's phrase that names whom the act is for; else its "from"
	// phrase, whom the act turns from ("departed from Libya", "withdrew
	// from the talks"): one travels from Kaya to Yei. (An "nmod" on a
	// verb is the parser's slip for "obl".)
	phrase := func(c int) bool { return x.rel[c] == "obl" || x.rel[c] == "nmod" }
	// (A phrase whose noun is no actor, the actor deep inside it, gives
	// way to the object's own phrase: "refused permission to Belgian
	// troops … for an evacuation of foreign nationals from Lubumbashi"
	// refuses the troops.)
	o := x.child(v, "obj")
	var deep []int
	// "fight for the government against the militias": whom one acts
	// against is the target whatever comes first, and one fights for a
	// cause or a side, not against it.
	kids := x.children[v]
	if k := slices.IndexFunc(kids, func(c int) bool { return phrase(c) && x.caseOf(c) == "against" && len(actorsAt(d, x, c)) > 0 }); k > 0 {
		kids = append([]int{kids[k]}, slices.Delete(slices.Clone(kids), k, k+1)...)
	}
	for _, c := range kids {
		if struggleVerbs[x.lemma[v]] && x.caseOf(c) == "for" {
			// … though independence or freedom "from" someone is
			// fought for against them.
			for _, g := range x.children[c] {
				if x.rel[g] == "nmod" && x.caseOf(g) == "from" {
					if tgt = actorsAt(d, x, g); len(tgt) > 0 {
						return tgt
					}
				}
			}
			continue
		}
		if phrase(c) && targetCases[x.caseOf(c)] {
			if tgt = actorsAt(d, x, c); len(tgt) > 0 {
				if x.actorAt[c] >= 0 || o < 0 {
					return tgt
				}
				if deep == nil {
					deep = tgt
				}
			}
		}
	}
	if deep != nil {
		if tgt = nominalTarget(d, x, o); len(tgt) > 0 {
			return tgt
		}
		return deep
	}
	// (What is fired is fired from a place at someone: "fired rockets
	// from Gaza" falls on no Gaza.)
	fired := o >= 0 && projectiles[x.lemma[o]]
	for _, c := range x.children[v] {
		if phrase(c) && x.caseOf(c) == "from" && !fired {
			if tgt = fromTarget(d, x, c); len(tgt) > 0 {
				return tgt
			}
		}
	}
	// "provide support to Ukraine", "welcomed a resumption of ties with
	// Osgiliath", "condemned an attack by Osgiliath soldiers": an actor
	// in the object's prepositional phrases, nearest first.
	if o >= 0 {
		if tgt = nominalTarget(d, x, o); len(tgt) > 0 {
			return tgt
		}
		// "investigating war crimes by Croatian extremists" with the
		// "by" phrase hung from the verb: an active verb has no agent
		// phrase, so one right after the object is the object's.
		for _, c := range x.children[v] {
			if x.rel[c] == "obl" && x.caseOf(c) == "by" && subtree(d, x, o).End == subtree(d, x, c).Start {
				if tgt = actorsAt(d, x, c); len(tgt) > 0 {
					return tgt
				}
			}
		}
	}
	// "acted on a resolution against Libya": the same inside a
	// prepositional object.
	for _, c := range x.children[v] {
		if x.rel[c] == "obl" && targetCases[x.caseOf(c)] {
			if tgt = nominalTarget(d, x, c); len(tgt) > 0 {
				return tgt
			}
		}
	}
	// "has risen in the dispute with Osgiliath": whom a conflict the act
	// is in is with.
	if tgt = conflictWith(d, x, v); len(tgt) > 0 {
		return tgt
	}
	// "demanded that the US cancel the sale": the subject of the clause
	// the verb governs.
	// (Not a question's: "asked if France still supported him" asks no
	// one in France.)
	// (Nor what one agrees: "the ministers agreed that APEC
	// would act" is no agreement with APEC.)
	// (A verb of saying's clause names a target only when it is the
	// clause of its object's hope or demand: objectClause.)
	if cc := x.child(v, "ccomp"); cc >= 0 && (!speechVerbs[x.lemma[v]] || objectClause(x, v) == cc) && !opinionVerbs[x.lemma[v]] && !slices.ContainsFunc(x.children[cc], func(k int) bool {
		return x.rel[k] == "mark" && (x.lemma[k] == "if" || x.lemma[k] == "whether")
	}) {
		s, _ := subject(d, x, cc, 0)
		if tgt = actorsAt(d, x, s); len(tgt) > 0 {
			return tgt
		}
	}
	return nil
}

// objectControl are the verbs whose object does what their infinitive
// says: one allows, forces or asks someone to act.
var objectControl = map[string]bool{
	"allow": true, "permit": true, "enable": true, "let": true, "force": true, "compel": true, "oblige": true,
	"require": true, "cause": true, "ask": true, "urge": true, "order": true, "tell": true, "invite": true,
	"encourage": true, "persuade": true, "instruct": true, "authorize": true, "authorise": true,
}

// nominalUPOS reports whether a word of part of speech u heads a noun
// phrase.
func nominalUPOS(u string) bool { return u == "NOUN" || u == "PROPN" || u == "PRON" }

// creationVerbs make their object: it is what comes of the act, not whom
// it is done to.
var creationVerbs = map[string]bool{"form": true, "create": true, "establish": true, "found": true, "build": true}

// opinionVerbs share a view, which their clause states.
var opinionVerbs = map[string]bool{"agree": true, "concur": true}

// purposeVerbs take someone as their object and an infinitive of the
// subject's purpose: one summons an ambassador to complain.
var purposeVerbs = map[string]bool{
	"summon": true, "meet": true, "visit": true, "phone": true, "telephone": true, "receive": true,
	"host": true, "contact": true, "join": true,
}

// conflictWith returns the actors a conflict in which, or over which,
// verb v's act falls is with: "in the dispute with Osgiliath", "during
// clashes with the army", "criticized over its dispute with Eriador".
func conflictWith(d *parley.Doc, x *docIndex, v int) []int {
	for _, c := range x.children[v] {
		if (x.rel[c] == "obl" || x.rel[c] == "nmod") && (x.caseOf(c) == "in" || x.caseOf(c) == "during" || x.caseOf(c) == "over") && conflictNouns[x.lemma[c]] {
			for _, k := range x.children[c] {
				if x.rel[k] == "nmod" && (x.caseOf(k) == "with" || x.caseOf(k) == "against") {
					if as := actorsAt(d, x, k); len(as) > 0 {
						return as
					}
				}
			}
		}
	}
	return nil
}

// releaseVerbs release those someone held.
var releaseVerbs = map[string]bool{"release": true, "free": true, "liberate": true}

// captureVerbs hold, take or keep someone captive.
var captureVerbs = map[string]bool{
	"hold": true, "kidnap": true, "abduct": true, "capture": true, "detain": true, "seize": true,
	"take": true, "imprison": true, "jail": true,
}

// captors returns the actors that a participle on noun n says held it
// captive: "hostages held by Hamas", "soldiers captured by the rebels".
func captors(d *parley.Doc, x *docIndex, n int) []int {
	if n < 0 {
		return nil
	}
	for _, c := range x.children[n] {
		if x.rel[c] != "acl" || d.Tokens[c].XPOS != "VBN" || !captureVerbs[x.lemma[c]] {
			continue
		}
		for _, k := range x.children[c] {
			if x.rel[k] == "obl:agent" || x.rel[k] == "obl" && x.caseOf(k) == "by" {
				if as := actorsAt(d, x, k); len(as) > 0 {
					return as
				}
			}
		}
	}
	return nil
}

// attackers returns the actors whose attack verb v's act fell in ("were
// killed in Israeli strikes", "in a Russian drone attack", "in an attack
// by militants", "during Russia's shelling of the city").
func attackers(d *parley.Doc, x *docIndex, v int) []int {
	for _, c := range x.children[v] {
		if x.rel[c] != "obl" && x.rel[c] != "nmod" || x.caseOf(c) != "in" && x.caseOf(c) != "during" && x.caseOf(c) != "by" {
			continue
		}
		if nn, ok := nouns[x.lemma[c]]; !ok || !violent(nn.code) {
			continue
		}
		for _, k := range x.children[c] {
			if x.rel[k] == "nmod:poss" || x.rel[k] == "nmod" && x.caseOf(k) == "by" {
				if as := actorsAt(d, x, k); len(as) > 0 {
					return as
				}
			}
		}
		if as := modifierActors(d, x, c); len(as) > 0 {
			return as
		}
	}
	return nil
}

// conflictNouns name a conflict, which is with someone.
var conflictNouns = map[string]bool{
	"dispute": true, "conflict": true, "war": true, "fighting": true, "clash": true, "confrontation": true,
	"standoff": true, "row": true, "feud": true, "battle": true, "struggle": true, "skirmish": true,
	"fight": true, "hostility": true, "violence": true, "exchange": true, "firefight": true, "gunbattle": true,
}

// projectiles are what is fired or launched from a place.
var projectiles = map[string]bool{
	"rocket": true, "missile": true, "shell": true, "mortar": true, "drone": true, "grenade": true,
	"projectile": true, "round": true, "salvo": true, "fire": true, "shot": true, "bullet": true,
}

// firedFrom reports whether token c heads the "from" phrase of something
// fired ("rockets from Gaza"): where it came from, not whom it fell on.
func firedFrom(x *docIndex, c int) bool {
	return x.caseOf(c) == "from" && x.head[c] >= 0 && projectiles[x.lemma[x.head[c]]]
}

// fromTarget returns the actors of a verb's "from" phrase c, or those of
// a "to" phrase the parser hung from it when c names an actor ("from
// Peru to Bolivia"; not "returning from the pilgrimage to Mecca").
func fromTarget(d *parley.Doc, x *docIndex, c int) []int {
	tgt := actorsAt(d, x, c)
	if len(tgt) == 0 {
		return nil
	}
	for _, k := range x.children[c] {
		if x.rel[k] == "nmod" && (x.caseOf(k) == "to" || x.caseOf(k) == "into") {
			if to := actorsAt(d, x, k); len(to) > 0 {
				return to
			}
		}
	}
	return tgt
}

// placeTarget returns, for a verb with no one acted upon, the place where
// the act falls — a country or a city in one — standing for its people:
// "imposed a curfew in Cizre", "lifted the curfew in Montenegro". The
// caller asks only for codes from material cooperation (06) on and for
// visits ("arrived in Gondor"); one meets or talks in a place, not with it.
//
// own is set for acts that fall on the place they are done in (see
// actsOnPlace) and for visits. Without it, a place the sentence opens with
// does not count: it sets the scene ("In Nablus, nurses declined to return
// to their wards": no one declined Nablus), where one criticizes "the
// closure of guest houses in Bree" and bargains "for asylum in Gondor".
//
// inObject keeps only a place in the verb's object.
func placeTarget(d *parley.Doc, x *docIndex, v int, src []int, own, inObject bool) []int {
	var tgt []int
	// The place may hang from the verb or from its object, two nouns deep
	// ("imposed [a curfew in Cizre]", "criticized [the closure [of
	// guest houses in Bree]]").
	cands := slices.Clone(x.children[v])
	if inObject {
		cands = nil
	} else if !own {
		cands = slices.DeleteFunc(cands, func(c int) bool { return c < v })
	}
	if o := x.child(v, "obj"); o >= 0 {
		for _, c := range x.children[o] {
			cands = append(cands, c)
			if x.rel[c] == "nmod" {
				cands = append(cands, x.children[c]...)
			}
		}
	}
	for _, c := range cands {
		if r := x.rel[c]; (r == "obl" || r == "nmod") && x.caseOf(c) == "in" {
			for _, a := range actorsAt(d, x, c) {
				// A place with a sector of its own ("the Gaza Strip",
				// PSEGZA) counts; an institution does not ("in
				// parliament", "in Iraqi universities").
				_, place := x.placeAt[d.SpanHead(d.Actors[a].Tokens)]
				if d.Actors[a].Country != "" && (d.Actors[a].Sectors == "" || place) &&
					!slices.ContainsFunc(src, func(s int) bool { return d.Actors[s].Code == d.Actors[a].Code }) {
					tgt = append(tgt, a)
				}
			}
			if len(tgt) > 0 {
				return tgt
			}
		}
	}
	return nil
}

// nominalTarget returns the actors of the nearest prepositional phrase in
// the subtree of noun o (breadth first, three levels deep) introduced by a
// target preposition or "by".
func nominalTarget(d *parley.Doc, x *docIndex, o int) []int {
	// "reiterated its demand that Israel ease restrictions": the subject
	// of the clause a noun asking others to act states; "expressed
	// concern that NATO would expand": of the clause a noun of hope or
	// fear is about.
	for _, c := range x.children[o] {
		if r := x.rel[c]; (r == "acl" || r == "ccomp") && x.child(c, "mark") >= 0 && x.lower[x.child(c, "mark")] == "that" && (clauseNoun(x.lemma[o]) || x.lemma[o] == "insistence") {
			s, _ := subject(d, x, c, 0)
			if tgt := actorsAt(d, x, s); len(tgt) > 0 {
				return tgt
			}
		}
	}
	level := []int{o}
	for depth := 0; depth < 3 && len(level) > 0; depth++ {
		var next []int
		for _, n := range level {
			for _, c := range x.children[n] {
				// (An "obl" on a noun is the parser's slip for "nmod":
				// "fired shells at Zealand".)
				if x.rel[c] != "nmod" && x.rel[c] != "acl" && x.rel[c] != "obl" {
					continue
				}
				if cs := x.caseOf(c); targetCases[cs] || cs == "by" {
					if tgt := actorsAt(d, x, c); len(tgt) > 0 {
						return tgt
					}
				}
				// "the parade supporting Gondor": the object of a
				// participle modifying the noun.
				if o := x.child(c, "obj"); x.rel[c] == "acl" && o >= 0 {
					if tgt := actorsAt(d, x, o); len(tgt) > 0 {
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

// locativeCases introduce where something is, not whom it concerns.
var locativeCases = map[string]bool{"in": true, "at": true, "near": true, "around": true, "outside": true, "inside": true,
	"across": true, "throughout": true, "within": true, "beside": true, "behind": true, "along": true}

// deepTarget returns, for a verb with no target yet, the first actor
// inside its object's phrase, however deep, as TABARI takes the first
// actor after the verb: "criticized the grant of powers to the rebel
// leader", "cordoned off the roads leading into Mordor". Only
// words that head a phrase of their own count, reached through
// prepositional phrases, participles and their objects: not a
// modifier ("near the Iranian border"), not a place where ("a summit in
// Paris") unless places is set and nothing else is found (a conflict
// falls on the place where its object lies: "fired shells near a vessel
// from South Korea"), not a clause ("confidence that …"), not the verb's
// own sources or their like nor what the pattern's words name ("sent
// thousands of troops"), and only an actor whose country the text names.
func deepTarget(d *parley.Doc, x *docIndex, v int, src, words []int, places bool) []int {
	o := x.child(v, "obj")
	if o < 0 {
		return nil
	}
	type item struct{ n, depth int }
	var startBuf, buf [32]item
	start := append(startBuf[:0], item{o, 1})
	// And the verb's purpose phrase: "called up reserve troops for a
	// feared war with Ruritania".
	for _, c := range x.children[v] {
		if x.rel[c] == "obl" && x.caseOf(c) == "for" && c > o {
			start = append(start, item{c, 2})
		}
		// And a noun after the object taken for a conjunct of the verb,
		// the parser's slip for one of the object: "opened tank,
		// mortar and machine-gun fire on …".
		if x.rel[c] == "conj" && c > o && d.Tokens[c].UPOS == "NOUN" {
			start = append(start, item{c, 1})
		}
	}
	best := -1
	passes := 1
	if places {
		passes = 2
	}
	for pass := 0; pass < passes && best < 0; pass++ {
		// A second pass goes into places too, where the object lies:
		// "criticized the closure of guest houses in Michel Delving",
		// "fired shells near a vessel from South Korea".
		stack := append(buf[:0], start...)
		for len(stack) > 0 {
			it := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, c := range x.children[it.n] {
				if !deepStep(d, x, c) && !(pass == 1 && x.rel[c] == "nmod" && locativeCases[x.caseOf(c)]) {
					continue
				}
				a := x.actorAt[c]
				if as := x.anchored[c]; a < 0 && len(as) > 0 && d.Actors[as[0]].Sectors != "" {
					// "against Kampuchean guerrilla camps": an agent
					// modifying the phrase's noun is its owner (a bare
					// country so placed is not: "Sino-US relations").
					a = as[0]
				}
				if a >= 0 && (best < 0 || d.Actors[a].Tokens.Start < d.Actors[best].Tokens.Start) &&
					d.Actors[a].Country != "" && d.Actors[a].CountryFrom == "" && !slices.ContainsFunc(src, func(s int) bool { return s == a || d.Actors[s].Code == d.Actors[a].Code }) &&
					!namedBy(x, words, a) && !cityModifier(d, x, a, false) {
					best = a
				}
				if it.depth < 5 {
					stack = append(stack, item{c, it.depth + 1})
				}
			}
		}
	}
	if best < 0 {
		return nil
	}
	return []int{best}
}

// deepStep reports whether deepTarget follows the relation of token c:
// a prepositional phrase that does not say where, a participle without a
// subject of its own, or such a participle's object.
func deepStep(d *parley.Doc, x *docIndex, c int) bool {
	switch x.rel[c] {
	case "nmod", "obl", "obl:agent", "acl", "obj":
		// (Nor where what is fired comes from: "rockets from Gaza".)
		return !locativeCases[x.caseOf(c)] && !(x.rel[c] == "acl" && x.child(c, "nsubj") >= 0) && !firedFrom(x, c)
	case "conj":
		// "fired shells, mortars and rockets at …": a noun
		// conjoined with the object is part of it.
		return d.Tokens[c].UPOS == "NOUN"
	}
	return false
}

// conditionTarget returns, for a threat (verb v) with no target, the
// subject of the condition it sets: "Russia threatened to stop the talks
// if the United States goes ahead" threatens the United States. The
// condition is an "if" or "unless" clause anywhere in v's phrase (the
// parser hangs it from the verb, its complement or a noun of either).
func conditionTarget(d *parley.Doc, x *docIndex, v int, src []int) []int {
	skip := func(c int) bool { return x.rel[c] == "ccomp" || x.rel[c] == "parataxis" || x.rel[c] == "punct" }
	return walkPhrase(x, v, skip, func(c int) []int {
		if m := x.child(c, "mark"); m < 0 || !conditionMarks[x.lemma[m]] {
			return nil
		}
		s, _ := subject(d, x, c, 0)
		return slices.DeleteFunc(actorsAt(d, x, s), func(a int) bool {
			return slices.ContainsFunc(src, func(b int) bool { return d.Actors[b].Code == d.Actors[a].Code })
		})
	})
}

// againstTarget returns, for a protest with no target, the actors a
// phrase "against …" in its clause names, however deep ("held marches
// in the capital against the movement's chairman", "a hunger strike in
// protest against abuses by the security forces"): whom a protest is
// against is whom it is aimed at. It does not enter clauses with a
// subject of their own.
func againstTarget(d *parley.Doc, x *docIndex, v int, src []int) []int {
	skip := func(c int) bool {
		switch x.rel[c] {
		case "ccomp", "parataxis", "punct", "conj", "acl:relcl":
			return true
		}
		return x.child(c, "nsubj", "nsubj:pass") >= 0
	}
	return walkPhrase(x, v, skip, func(c int) []int {
		if x.caseOf(c) != "against" {
			return nil
		}
		if tgt := slices.DeleteFunc(actorsAt(d, x, c), func(a int) bool { return slices.Contains(src, a) }); len(tgt) > 0 {
			return tgt
		}
		return nominalTarget(d, x, c) // "against abuses by the security forces"
	})
}

// walkPhrase visits the tokens below v breadth first, five levels deep,
// passing over (with all below them) those skip reports, and returns the
// first result of visit that is not empty.
func walkPhrase(x *docIndex, v int, skip func(int) bool, visit func(int) []int) []int {
	level := []int{v}
	for depth := 0; depth < 5 && len(level) > 0; depth++ {
		var next []int
		for _, n := range level {
			for _, c := range x.children[n] {
				if skip(c) {
					continue
				}
				if out := visit(c); len(out) > 0 {
					return out
				}
				next = append(next, c)
			}
		}
		level = next
	}
	return nil
}

// namedBy reports whether actor a lies on one of the tokens words.
func namedBy(x *docIndex, words []int, a int) bool {
	for _, t := range words {
		if x.actorAt[t] == a {
			return true
		}
	}
	return false
}

// relPronoun reports whether token i is a relative pronoun ("that",
// "which", "who"): the subject of a clause that modifies a noun stands
// for the noun only then ("told the channel that we have withdrawn" is
// no withdrawal by the channel).
func relPronoun(d *parley.Doc, i int) bool {
	switch d.Tokens[i].XPOS {
	case "WDT", "WP":
		return true
	}
	return d.Tokens[i].UPOS == "PRON" && strings.EqualFold(d.TokenText(i), "that")
}

// subject returns the token heading the subject of verb v, or -1, and
// whether it is a passive subject. A verb without a subject borrows that
// of the verb it is conjoined with, of the verb controlling it (the
// object, when that verb has one: "urged Russia to withdraw"), or, in a
// relative clause, the noun the clause modifies.
func subject(d *parley.Doc, x *docIndex, v, depth int) (int, bool) {
	if s := x.child(v, "nsubj"); s >= 0 {
		if relPronoun(d, s) && (x.rel[v] == "acl:relcl" || x.rel[v] == "acl") && x.actorAt[s] < 0 {
			return d.Tokens[v].Head, false // "forces that attacked": the forces
		}
		return s, false
	}
	if s := x.child(v, "nsubj:pass"); s >= 0 {
		return s, true
	}
	// "The premier is to visit Brazil", which UD reads as a copula with
	// an infinitive for its predicate: the outer subject does what the
	// infinitive says.
	if s, c := x.child(v, "nsubj:outer"), x.child(v, "cop"); s >= 0 && c >= 0 && beTo(x, v, c) {
		return s, false
	}
	// An "it" the parser took for an expletive but the actor stage for
	// someone ("it is willing to withdraw").
	if s := x.child(v, "expl"); s >= 0 && x.actorAt[s] >= 0 {
		return s, false
	}
	h := x.head[v]
	if h < 0 || depth > 4 {
		return -1, false
	}
	// "Pyongyang on Thursday fired …" with the name tagged as a verb (an
	// "-ing" word) and the verb hung from it: a name the actor stage
	// found is the subject, not a verb.
	if (x.rel[v] == "conj" || x.rel[v] == "advcl") && h < v && x.actorAt[h] >= 0 && d.Tokens[h].UPOS == "VERB" &&
		x.child(h, "nsubj", "nsubj:pass") < 0 && x.child(v, "cc", "mark") < 0 {
		return h, false
	}
	switch x.rel[v] {
	case "conj":
		// "was cowardly and brutally murdered": a past participle
		// conjoined with a predicate of "be" is passive too.
		// So is one with a passive auxiliary of its own ("abandoned the
		// trailer but was later arrested").
		s, pass := subject(d, x, h, depth+1)
		if c := x.child(h, "cop"); !pass && c >= 0 && x.lemma[c] == "be" && d.Tokens[v].XPOS == "VBN" && x.child(v, "aux", "aux:pass", "obj") < 0 {
			pass = true
		}
		if x.child(v, "aux:pass") >= 0 {
			pass = true
		}
		return s, pass
	case "xcomp":
		// (The parser may take the object for an indirect one: "pressed
		// Japan to open a dialogue".) After a verb of
		// meeting or summoning someone, the infinitive is the
		// subject's purpose: "summoned Niger's ambassador to complain",
		// "met the Russian envoy to discuss".
		// After a verb that makes or lets its object act, the object
		// does the complement's act even when it is no actor: "allow
		// convoys of trucks to travel between Gaza and the West Bank" is
		// no journey of whoever allows it.
		if o := x.child(h, "obj", "iobj"); o >= 0 && (len(actorsAt(d, x, o)) > 0 || objectControl[x.lemma[h]] && nominalUPOS(d.Tokens[o].UPOS)) && !(purposeVerbs[x.lemma[h]] && infinitive(x, v)) {
			return o, false
		}
		if k := appealee(d, x, h, v); k >= 0 {
			return k, false
		}
		// The controller's subject does the complement's act even when
		// the controller is passive: "he is prepared to lift the ban",
		// "was forced to resign" — unless the complement of a passive
		// is a past participle, which is done to it: "were believed
		// killed" (not "remained opposed").
		s, pass := subject(d, x, h, depth+1)
		return s, pass && d.Tokens[v].XPOS == "VBN" && x.child(v, "mark") < 0
	case "acl", "acl:relcl":
		// "signed an agreement to supply arms", "announced a plan to
		// withdraw": the infinitive of a noun no one is named with (no
		// "Russia's plan") is done by whoever the noun is the object of;
		// "the decision by Russia to supply": by the noun's agent.
		if infinitive(x, v) && askNouns[x.lemma[h]] {
			return -1, false
		}
		// "were accused by a farmer of beating villagers" with the
		// clause hung on the accuser: the accused did it (allegedly).
		if m := x.child(v, "mark"); m >= 0 && x.lower[m] == "of" && x.rel[h] == "obl:agent" && x.head[h] >= 0 && allegeWords[x.lemma[x.head[h]]] {
			s, _ := subject(d, x, x.head[h], depth+1)
			return s, false
		}
		// "summoned the ambassador to lodge a complaint" with the
		// infinitive hung from the object: the summoner's purpose.
		if u := x.head[h]; infinitive(x, v) && x.rel[h] == "obj" && u >= 0 && purposeVerbs[x.lemma[u]] {
			return subject(d, x, u, depth+1)
		}
		if infinitive(x, v) && intentNouns[x.lemma[h]] && len(actorsAt(d, x, h)) == 0 {
			for _, c := range x.children[h] {
				if x.rel[c] == "nmod" && x.caseOf(c) == "by" && len(actorsAt(d, x, c)) > 0 {
					return c, false
				}
			}
			if u := x.head[h]; x.rel[h] == "obj" && u >= 0 {
				return subject(d, x, u, depth+1)
			}
		}
		if describing(d, x, v) && follows(d, h, v) && x.child(v, "aux", "aux:pass") < 0 {
			// "prisoners held in Israeli jails", "civilians killed by
			// the strike": the noun a past participle right after its
			// phrase describes is what it was done to.
			return h, true
		}
		// "issued a declaration demanding that …", "released a statement
		// condemning the attack", "filed a complaint at the WTO
		// alleging …": a text that demands or condemns speaks for the
		// one who issued it — unless it has an author of its own
		// ("Russia's statement", "a resolution by the council"). The
		// parser may hang the participle on the body the text went to
		// ("at the WTO").
		if x.rel[v] == "acl" && d.Tokens[v].XPOS == "VBG" {
			t := h
			if c := x.caseOf(h); x.rel[h] == "nmod" && (c == "at" || c == "to" || c == "with" || c == "before") && x.head[h] >= 0 && textNouns[x.lemma[x.head[h]]] {
				t = x.head[h]
			}
			if x.rel[t] == "obj" && textNouns[x.lemma[t]] && !authored(d, x, t) {
				if u := d.Tokens[t].Head; u >= 0 {
					return subject(d, x, u, depth+1)
				}
			}
		}
		return h, false
	case "advcl":
		// '… told reporters that "Peru has given us three months,"
		// adding that …': a participle of speech after the close of a
		// quotation the parser hung from the quoted clause is said by
		// the one who said the quotation.
		if h < v && d.Tokens[v].XPOS == "VBG" && speechVerbs[x.lemma[v]] && x.rel[h] == "ccomp" && x.head[h] >= 0 && speechVerbs[x.lemma[x.head[h]]] &&
			slices.ContainsFunc(d.Tokens[h:v], func(t parley.Token) bool { return t.XPOS == "''" }) {
			s, _ := subject(d, x, x.head[h], depth+1)
			return s, false
		}
		// "threatened to break relations", "shelled the city, killing
		// 20": a clause without a subject of its own, done by the
		// subject of the verb it hangs from.
		if k := appealee(d, x, h, v); k >= 0 {
			return k, false
		}
		if nonFinite(d, x, v) {
			// "a bus left the road, killing 30", "a plane crashed and hit
			// a block of flats, killing 108": no one killed them.
			if accidentVerbs[x.lemma[h]] && x.child(h, "obj") < 0 || x.rel[h] == "conj" && x.head[h] >= 0 && accidentVerbs[x.lemma[x.head[h]]] && x.child(x.head[h], "obj") < 0 {
				return -1, false
			}
			if hs := x.child(h, "nsubj"); hs >= 0 && vehicles[x.lemma[hs]] {
				return -1, false // "a minibus plunged into a ravine, killing 12"
			}
			s, _ := subject(d, x, h, depth+1) // "was arrested after attacking police": he attacked
			// A past participle with no auxiliary is passive: "when asked
			// about the talks, the minister said" — he was asked;
			// "backed by the army, the rebels attacked".
			if bareParticiple(d, x, v) {
				return s, true
			}
			return s, false
		}
		// "retaliated by firing missiles", "was arrested after attacking
		// police": a gerund's clause opened by a preposition of means or
		// time is done by the subject of the verb it hangs from (not
		// one opened by "without", which was not done).
		if m := x.child(v, "mark"); m >= 0 && gerundMarks[x.lower[m]] && d.Tokens[v].XPOS == "VBG" && x.child(v, "nsubj", "nsubj:pass") < 0 {
			s, _ := subject(d, x, h, depth+1)
			return s, false
		}
	}
	return -1, false
}

// bareParticiple reports whether clause v is a past participle with no
// auxiliary, marker or subject of its own ("when asked about the talks",
// "rebuffed by the rebels"): a passive, whose subject is the one of the
// verb it hangs from.
func bareParticiple(d *parley.Doc, x *docIndex, v int) bool {
	return d.Tokens[v].XPOS == "VBN" && x.child(v, "aux", "aux:pass", "cop", "mark", "nsubj", "nsubj:pass") < 0
}

// pressVerbs are what reporters do to those they quote: "when asked by
// reporters", "contacted by AFP" tell how a statement was had, not an
// event.
var pressVerbs = map[string]bool{"ask": true, "question": true, "contact": true, "interview": true, "reach": true, "press": true}

// afterParticle reports whether the phrase of token o starts right after
// verb v's particle ("shot down 93 drones").
func afterParticle(x *docIndex, v, o int) bool {
	p := x.child(v, "compound:prt")
	if p < 0 || p != v+1 {
		return false
	}
	start := o
	for _, k := range x.children[o] {
		start = min(start, k)
	}
	return start == p+1
}

// appealee returns the phrase of verb h, an appeal, naming whom it is to
// when v is the infinitive saying what they are to do ("called on Uganda
// to withdraw", "appealed to the rebels to lay down their arms", "called
// for Uganda to withdraw"), or -1: they do what it asks.
func appealee(d *parley.Doc, x *docIndex, h, v int) int {
	if !(desireVerbs[x.lemma[h]] || x.lemma[h] == "plead") || !infinitive(x, v) {
		return -1
	}
	for _, k := range x.children[h] {
		if k < v && x.rel[k] == "obl" && appealCases[x.caseOf(k)] && len(actorsAt(d, x, k)) > 0 {
			return k
		}
	}
	return -1
}

// appealCases are the prepositions of whom an appeal is to ("called on",
// "appealed to", "called for … to").
var appealCases = map[string]bool{"on": true, "upon": true, "to": true, "for": true}

// gerundMarks open a gerund's clause of means or time ("by firing",
// "after attacking", "while visiting").
var gerundMarks = map[string]bool{
	"by": true, "after": true, "before": true, "while": true, "upon": true, "since": true,
	"when": true, "through": true,
}

// infinitive reports whether verb v's clause is a "to" infinitive.
func infinitive(x *docIndex, v int) bool {
	m := x.child(v, "mark")
	return m >= 0 && x.lower[m] == "to"
}

// intentNouns are what one decides, plans, offers or tries, completed by
// an infinitive saying what ("a decision to postpone the visit").
var intentNouns = map[string]bool{
	"decision": true, "plan": true, "move": true, "bid": true, "attempt": true, "effort": true, "offer": true,
	"proposal": true, "promise": true, "pledge": true, "threat": true, "refusal": true, "agreement": true,
	"deal": true, "readiness": true, "willingness": true,
	"intention": true, "determination": true, "commitment": true, "vow": true, "failure": true,
	"initiative": true, "campaign": true,
}

// askNouns ask others to act, completed by an infinitive saying how ("an
// appeal to help Peru": whoever heeds it helps).
var askNouns = map[string]bool{
	"call": true, "request": true, "appeal": true, "demand": true, "invitation": true, "order": true,
	"permission": true, "authorization": true, "mandate": true, "resolution": true, "ultimatum": true,
}

// objectClause returns the clause after "that" which the parser hung from
// verb v but which belongs to v's object, a noun of hope, fear or demand
// ("expressed hope on Thursday that Ukraine would join"), or -1.
func objectClause(x *docIndex, v int) int {
	o, cc := x.child(v, "obj"), x.child(v, "ccomp")
	if o < 0 || cc < o || !clauseNoun(x.lemma[o]) {
		return -1
	}
	if m := x.child(cc, "mark"); m < 0 || x.lower[m] != "that" {
		return -1
	}
	return cc
}

// stanceClauseNouns hope or fear what a clause after "that" says, of
// those it names: "concern that NATO would expand" is about NATO.
var stanceClauseNouns = map[string]bool{
	"hope": true, "concern": true, "fear": true, "doubt": true, "worry": true, "optimism": true,
	"pessimism": true, "confidence": true, "skepticism": true, "scepticism": true, "anxiety": true,
	"apprehension": true, "misgiving": true, "suspicion": true, "satisfaction": true,
}

// clauseNoun reports whether noun lemma l asks for or hopes or fears what
// a clause after "that" says, of its subject.
func clauseNoun(l string) bool { return askNouns[l] || stanceClauseNouns[l] }

// stanceSubject reports whether actor a is the subject of the clause
// after "that" of verb v's object, a noun of hope, fear or demand (see
// nominalTarget and objectClause).
func stanceSubject(d *parley.Doc, x *docIndex, v, a int) bool {
	o := x.child(v, "obj")
	if o < 0 || !clauseNoun(x.lemma[o]) {
		return false
	}
	h := d.SpanHead(d.Actors[a].Tokens)
	c := x.head[h]
	if c < 0 || !strings.HasPrefix(x.rel[h], "nsubj") {
		return false
	}
	return c == objectClause(x, v) || x.head[c] == o && (x.rel[c] == "acl" || x.rel[c] == "ccomp")
}

// accidentVerbs tell of accidents when they have no object: their
// subject (a vehicle, a building) does not do what follows from them
// ("crashed, killing 12 passengers").
var accidentVerbs = map[string]bool{
	"crash": true, "collide": true, "overturn": true, "capsize": true, "derail": true, "plunge": true,
	"skid": true, "collapse": true, "veer": true, "flip": true, "fall": true, "tumble": true,
}

// vehicles are civilian vehicles; one that does something that kills is
// in an accident, not an attack (a car bomb is a bomb; helicopters and
// ships, which may be armed, are not here).
var vehicles = map[string]bool{
	"bus": true, "minibus": true, "coach": true, "car": true, "truck": true, "lorry": true, "van": true,
	"train": true, "airliner": true, "ferry": true,
}

// aircraft are the planes by which one may be hit by accident.
var aircraft = map[string]bool{"plane": true, "aircraft": true, "jet": true, "helicopter": true, "airplane": true}

// textNouns are texts that speak for whoever issues them.
var textNouns = map[string]bool{
	"statement": true, "declaration": true, "communique": true, "communiqué": true, "report": true,
	"resolution": true, "letter": true, "message": true, "note": true, "appeal": true, "decree": true,
	"law": true, "bill": true, "legislation": true, "complaint": true, "petition": true, "motion": true,
	"lawsuit": true, "suit": true,
}

// authored reports whether noun h names an actor as its author or owner:
// an actor among its own words ("the Russian statement"), its possessor
// ("Russia's"), or a phrase with "by", "of" or "from".
func authored(d *parley.Doc, x *docIndex, h int) bool {
	if x.actorAt[h] >= 0 {
		return true
	}
	for _, c := range x.children[h] {
		switch r := x.rel[c]; {
		case r == "nmod:poss" || r == "amod" || r == "compound":
		case r == "nmod" && authorCases[x.caseOf(c)]:
		default:
			continue
		}
		if len(actorsAt(d, x, c)) > 0 {
			return true
		}
	}
	return false
}

// authorCases are the prepositions of a phrase that names a text's
// author.
var authorCases = map[string]bool{"by": true, "of": true, "from": true}

// describing reports whether verb v is a past participle describing the
// noun it hangs from ("prisoners held in jails", "a group led by a
// minister"). One with an object, or in a tree rooted in a noun, is a
// main verb the parser missed ("the government welcomed the statement").
func describing(d *parley.Doc, x *docIndex, v int) bool {
	return x.rel[v] == "acl" && d.Tokens[v].XPOS == "VBN" && x.child(v, "obj") < 0 && verbRooted(d, v)
}

// follows reports whether token v comes right after the phrase of h:
// every token between them but punctuation hangs, at some depth, from h
// ("hundreds of prisoners held", "the pilot, released in
// Ruritania last week").
func follows(d *parley.Doc, h, v int) bool {
	if v <= h {
		return false
	}
	for t := h + 1; t < v; t++ {
		if d.Tokens[t].UPOS == "PUNCT" {
			continue
		}
		a, n := t, 0
		for a >= 0 && a != h && n < 64 {
			a, n = d.Tokens[a].Head, n+1
		}
		if a != h {
			return false
		}
	}
	return true
}

// verbRooted reports whether token i lies in a tree whose root is a verb:
// a tree rooted in a noun is a clause whose verb the parser took for a
// modifier ("Doctors from two aid groups donated goods").
func verbRooted(d *parley.Doc, i int) bool {
	for n := 0; d.Tokens[i].Head >= 0 && n < 64; n++ {
		i = d.Tokens[i].Head
	}
	u := d.Tokens[i].UPOS
	return u == "VERB" || u == "AUX" || u == "ADJ"
}

// listed reports whether a comma or a conjunction stands between tokens
// a and b.
func listed(d *parley.Doc, a, b int) bool {
	return slices.ContainsFunc(d.Tokens[min(a, b)+1:max(a, b)], func(t parley.Token) bool {
		return t.UPOS == "CCONJ" || t.UPOS == "PUNCT"
	})
}

// complement returns the clause that completes verb v — its xcomp, or an
// infinitive the parser attached as an adverbial clause ("threatened to
// break relations") — or -1.
func complement(d *parley.Doc, x *docIndex, v int) int {
	if xc := x.child(v, "xcomp"); xc >= 0 {
		return xc
	}
	for _, c := range x.children[v] {
		if x.rel[c] == "advcl" && x.child(c, "nsubj", "nsubj:pass") < 0 && infinitive(x, c) {
			return c
		}
	}
	return -1
}

// cityModifier reports whether actor a is a city named as a modifier of
// a thing: "the Beijing Summit", "the Hanoi Action Plan", "the Doha
// round" name a place an event or a text is known by, not an actor of it
// (where "the Kabul government" is one actor, and "Iran's programme" a
// possessor). With adjective, a city's name the tagger read as an
// adjective counts too: for a source, "three Amman hotels, which …" say
// where things are, not who acted (as a target, "the attacks on three
// Amman hotels" were on Jordan).
func cityModifier(d *parley.Doc, x *docIndex, a int, adjective bool) bool {
	h := d.SpanHead(d.Actors[a].Tokens)
	n := d.Tokens[h].Head
	if x.rel[h] != "compound" && !(adjective && x.rel[h] == "amod") || n < 0 || x.actorAt[n] >= 0 || d.Tokens[n].UPOS != "NOUN" && d.Tokens[n].UPOS != "PROPN" || placeNouns[x.lemma[n]] {
		return false
	}
	k, ok := x.placeAt[h]
	return ok && strings.HasPrefix(d.Places[k].Feature, "PPL")
}

// actNouns name an act done to the phrase their "of" introduces: in
// "the bombing of the UN headquarters killed 22 people" the UN is what
// was bombed, not who killed.
var actNouns = map[string]bool{
	"attack": true, "bombing": true, "bombardment": true, "shelling": true, "airstrike": true, "assault": true,
	"invasion": true, "occupation": true, "killing": true, "murder": true, "assassination": true, "massacre": true,
	"execution": true, "arrest": true, "detention": true, "capture": true, "kidnapping": true, "abduction": true,
	"release": true, "deportation": true, "expulsion": true, "destruction": true, "siege": true, "blockade": true,
	"shooting": true, "slaying": true, "torture": true, "recognition": true, "isolation": true,
}

// actedOn reports whether actor a names what the act noun h, or a noun
// of its phrase, was done to: a's phrase hangs from it by "of".
func actedOn(d *parley.Doc, x *docIndex, a, h int) bool {
	i := d.SpanHead(d.Actors[a].Tokens)
	for range 8 {
		p := x.head[i]
		if p < 0 || i == h {
			return false
		}
		if x.rel[i] == "nmod" && x.caseOf(i) == "of" && actNouns[x.lemma[p]] {
			return true
		}
		i = p
	}
	return false
}

// placeNouns are places that a city modifying them locates: "the Gaza
// town of Beit Hanoun", "Tirana airport".
var placeNouns = map[string]bool{
	"town": true, "city": true, "village": true, "province": true, "region": true, "district": true,
	"area": true, "airport": true, "port": true, "camp": true, "border": true, "suburb": true,
	"outskirts": true, "neighborhood": true, "neighbourhood": true, "enclave": true, "strip": true,
	"stripe": true, "zone": true, "territory": true, "capital": true, "street": true, "square": true,
	"municipality": true, "county": true, "state": true, "island": true,
}

// actorsAt returns the actors a phrase headed by token h names: those
// whose phrase root is h, and those of the phrases conjoined with it
// ("Moscow and Kyiv").
// withTwins appends actor a to out, and the actors after it on the same
// words ("Uganda" in "lawmakers and officials in Kenya and Uganda" is
// both its lawmakers and its officials).
func withTwins(d *parley.Doc, out []int, a int) []int {
	out = append(out, a)
	for b := a + 1; b < len(d.Actors) && d.Actors[b].Tokens == d.Actors[a].Tokens; b++ {
		if !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	return out
}

func actorsAt(d *parley.Doc, x *docIndex, h int) []int {
	if h < 0 {
		return nil
	}
	out := slices.DeleteFunc(slices.Clone(x.anchored[h]), func(a int) bool { return cityModifier(d, x, a, false) })
	if len(out) == 0 && x.actorAt[h] >= 0 && !cityModifier(d, x, x.actorAt[h], false) {
		out = append(out, x.actorAt[h])
	}
	// "the ambassadors of Arnor, Osgiliath and Gondor": the countries
	// conjoined inside the phrase, given its sector by the actor stage.
	for _, a := range out {
		span := d.Actors[a].Tokens
		// A bare country modifying the phrase's noun shares it with a bare
		// country conjoined to it: "Eriadori and Calenardhon leaders".
		modifier := d.Actors[a].Sectors == "" && d.Actors[a].Tokens.End <= h && (x.rel[d.SpanHead(span)] == "compound" || x.rel[d.SpanHead(span)] == "amod")
		shares := func(b int) bool {
			return b >= 0 && !span.Contains(d.Actors[b].Tokens) && d.Actors[b].Sectors == d.Actors[a].Sectors &&
				(d.Actors[b].Sectors != "" || modifier) && !slices.Contains(out, b)
		}
		for i := span.Start; i < span.End; i++ {
			// (A list's later items may hang from the one before:
			// "France, Spain and Italy" parsed as a chain.)
			next := x.children[i]
			for len(next) > 0 {
				var deeper []int
				for _, c := range next {
					if x.rel[c] == "conj" && shares(x.actorAt[c]) {
						out = withTwins(d, out, x.actorAt[c])
						deeper = append(deeper, x.children[c]...)
					}
				}
				next = deeper
			}
			// "Hungarian and Romanian officials": the word a conjunct
			// of the phrase's hangs from.
			if h := d.Tokens[i].Head; x.rel[i] == "conj" && h >= 0 && i != d.SpanHead(span) && shares(x.actorAt[h]) {
				out = withTwins(d, out, x.actorAt[h])
			}
		}
	}
	for _, c := range x.children[h] {
		// An apposition that is a list's next item ("Poland, the
		// Netherlands, Belgium and Austria"): its conjuncts too. (Not
		// one that says where: docIndex.placeAppos.)
		if x.rel[c] == "conj" || x.rel[c] == "appos" && !x.placeAppos[c] && (len(x.anchored[c]) > 0 || x.actorAt[c] >= 0 && slices.Contains(out, x.actorAt[c])) {
			for _, a := range actorsAt(d, x, c) {
				if !slices.Contains(out, a) {
					out = append(out, a)
				}
			}
		}
	}
	return out
}

// locativePhrase reports whether the phrase of token c opens with a
// preposition of place, wherever the parser hung it.
func locativePhrase(d *parley.Doc, x *docIndex, c int) bool {
	s := subtree(d, x, c).Start
	return d.Tokens[s].UPOS == "ADP" && locativeCases[x.lower[s]]
}

// newActors fills an empty source or target of verb v with a new actor
// (Config.NewActorLength): the subject, or the object (else a target
// prepositional phrase), when it is a short noun phrase no dictionary
// codes.
func (c *Coder) newActors(d *parley.Doc, x *docIndex, v int, src, tgt []int) ([]int, []int) {
	subj, passive := subject(d, x, v, 0)
	obj := x.child(v, "obj")
	if obj < 0 {
		for _, k := range x.children[v] {
			if (x.rel[k] == "obl" || x.rel[k] == "nmod") && targetCases[x.caseOf(k)] {
				obj = k
				break
			}
		}
	}
	if passive {
		subj, obj = -1, subj
		if a := x.child(v, "obl:agent"); a >= 0 {
			subj = a
		}
	}
	if len(src) == 0 {
		if a := c.newActor(d, x, subj); a >= 0 {
			src = []int{a}
		}
	}
	if len(tgt) == 0 {
		if a := c.newActor(d, x, obj); a >= 0 && !slices.Contains(src, a) {
			tgt = []int{a}
		}
	}
	return src, tgt
}

// newActor returns the actor of the noun phrase headed by h, adding one
// with an empty code when no actor covers h and the phrase has at most
// Config.NewActorLength words (a possessive "'s" and punctuation not
// counted); -1 when there is none.
func (c *Coder) newActor(d *parley.Doc, x *docIndex, h int) int {
	if h < 0 {
		return -1
	}
	if a := x.actorAt[h]; a >= 0 {
		return a
	}
	if u := d.Tokens[h].UPOS; u != "NOUN" && u != "PROPN" {
		return -1
	}
	span := parley.Span{Start: h, End: h + 1}
	var walk func(i int)
	walk = func(i int) {
		span.Start, span.End = min(span.Start, i), max(span.End, i+1)
		for _, k := range x.children[i] {
			switch x.rel[k] {
			case "det", "amod", "compound", "flat", "nmod:poss", "nmod", "case", "nummod", "nmod:desc":
				if x.rel[k] == "case" && i == h {
					continue // the preposition of the phrase itself ("for the Ministry")
				}
				walk(k)
			}
		}
	}
	walk(h)
	var words []string
	for i := span.Start; i < span.End; i++ {
		if d.Tokens[i].UPOS == "PUNCT" || x.lower[i] == "'s" || x.lower[i] == "'" {
			continue
		}
		if x.actorAt[i] >= 0 {
			return -1 // a phrase naming a known actor is not new
		}
		words = append(words, d.TokenText(i))
	}
	if len(words) == 0 || len(words) > c.cfg.NewActorLength {
		return -1
	}
	d.Actors = append(d.Actors, parley.Actor{Tokens: span, Name: strings.Join(words, " "), Entity: -1, Ref: -1})
	a := len(d.Actors) - 1
	for i := span.Start; i < span.End; i++ {
		x.actorAt[i] = a
	}
	x.anchored[h] = append(x.anchored[h], a)
	return a
}

// actsOnPlace reports whether an act of CAMEO code c falls on the people
// of the place it is done in: aid (07), easing (08), military posture
// (15), blockades and riots (144, 145), coercion (17) and force (18–20)
// — "imposed a curfew in Cizre".
// One demands, rejects or threatens in a place, not of it (09–14, 16); a
// threat whose complement acts on a place takes it from there
// ("threatened to impose a curfew in Algiers").
func actsOnPlace(c string) bool {
	switch c[:min(2, len(c))] {
	case "07", "08", "15", "17", "18", "19", "20":
		return true
	}
	return strings.HasPrefix(c, "144") || strings.HasPrefix(c, "145") // blockades, riots
}

// verbalConflict reports whether CAMEO code c is a demand (10), a
// disapproval (11), a rejection (12) or a threat (13): said, not done to
// a place.
func verbalConflict(c string) bool {
	switch c[:min(2, len(c))] {
	case "10", "11", "12", "13":
		return true
	}
	return false
}

// doneTo reports whether an act of CAMEO code c is something done to
// someone, worth an event when a participle tells it of a noun: aid (07),
// sanctions (16), coercion (17), force (18–20), and a release or return
// (084: "soldiers released by the rebels").
func doneTo(c string) bool {
	switch c[:min(2, len(c))] {
	case "07", "16", "17", "18", "19", "20":
		return true
	}
	return strings.HasPrefix(c, "084")
}
