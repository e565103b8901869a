// Package actor is the `actor` stage: it finds the political actors a
// document mentions and codes each in CAMEO actor codes (country plus
// sectors: "RUS", "UKRGOV", "USAMIL"), as of the document's date.
//
// One mechanism does the work. Names from the dictionaries (countries and
// their capitals and seats, organisations, office-holders with dated
// roles, and the agents — "forces", "government", "police" — that give a
// sector) are matched longest first, word for word, the last word also by
// its lemma ("forces" → "force"). Matches whose words hang together in
// one noun phrase of the dependency tree (compound, amod, flat, appos,
// nmod:poss and "of" modifiers) make one actor: a named office-holder
// keeps the code of the role they held on the day, and otherwise the
// phrase's country and the sector of its agent combine ("Russian forces"
// → RUSMIL, "Ukrainian President X" → UKRGOV even when X is unknown).
// Later mentions are linked to the actor they name: a repeated name, a
// surname, a role such as "the president", a personal pronoun, and "the
// two sides" (two actors, the last two countries named).
//
// The stage records actors wherever they are mentioned, places included
// ("in Istanbul"); the event coder decides from the tree which of them act
// or are acted upon.
package actor

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/dict"
)

// Resolver is the actor stage. It is safe for concurrent use.
type Resolver struct {
	lex  *Lexicon
	now  func() time.Time
	opts Options
}

// Options adjust a Resolver. The zero value is the default.
type Options struct {
	// NamedCountriesOnly leaves an actor without a country when its own
	// words do not name one, as the PETRARCH coders do ("---GOV"),
	// instead of giving it the country of the places around it (see
	// CountryFrom in parley.Actor).
	NamedCountriesOnly bool
}

// New returns a Resolver over lex. now gives the date at which roles are
// read for documents without a publication date; nil means time.Now.
func New(lex *Lexicon, now func() time.Time, o Options) *Resolver {
	if now == nil {
		now = time.Now
	}
	return &Resolver{lex: lex, now: now, opts: o}
}

// match is a dictionary name found in the text.
type match struct {
	tokens parley.Span
	actor  *dict.Actor
	agent  *dict.Agent
	code   string // the actor's code on the day, or the agent's sectors
	// short marks a person found by a shortened name (Resolver.shortName),
	// whose country the dictionary gives more surely than its sector.
	short bool
	// undated marks a person the dictionary knows in no office that day:
	// a role of no date (a party, a country), or a dated role as one of
	// the elite (ELI, between offices). A title then says more about the
	// office: "Foreign Minister Yevgeny Primakov" on a day the dictionary
	// has him out of the government.
	undated bool
}

// Process finds and codes the actors of d. It needs tokens, sentences,
// POS, lemmas and dependencies, and uses named entities when d has them.
func (r *Resolver) Process(ctx context.Context, d *parley.Doc) error {
	day := d.Published
	if day.IsZero() {
		day = r.now()
		d.Note("actor", parley.NoteUnknown, parley.Span{}, fmt.Sprintf("no publication date: actors' roles are read as of %s", day.Format(time.DateOnly)))
	}
	words := make([]string, len(d.Tokens))
	for i := range d.Tokens {
		words[i] = norm(d.TokenText(i))
	}
	entityOf := make([]int, len(d.Tokens))
	for i := range entityOf {
		entityOf[i] = -1
	}
	for e, ent := range d.Entities {
		for i := ent.Tokens.Start; i < ent.Tokens.End && i < len(entityOf); i++ {
			entityOf[i] = e
		}
	}
	d.Actors = d.Actors[:0]
	// The dictionaries' names in each sentence, and the countries the
	// document names — by its places and its actors' codes, with how many
	// of them name each — against which a person known by a shortened
	// name is checked.
	named := make([][]match, len(d.Sentences))
	countries := map[string]int{}
	for _, p := range d.Places {
		if p.Country != "" {
			countries[p.Country]++
		}
	}
	for s, sent := range d.Sentences {
		if s%64 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		named[s] = r.matches(d, words, sent.Tokens, day, entityOf)
		for _, m := range named[s] {
			if c, _ := split(m.code); m.actor != nil && c != "" && !regions[c] {
				countries[c]++
			}
		}
	}
	// A person named by one word whose country the document names nowhere
	// else is more likely someone of a country it does name, known by
	// that word too: "Abdullah hosted Olmert during his visit to Jordan"
	// is Jordan's King Abdullah II, not Saudi Arabia's King Abdullah.
	for s := range named {
		for k, m := range named[s] {
			c, _ := split(m.code)
			if m.actor == nil || m.tokens.Len() != 1 || !m.actor.DatedAt(day) || countries[c] != 1 {
				continue
			}
			countries[c]-- // (the name itself does not count)
			if alt := r.shortName(d, words, m.tokens, false, day, countries); alt.actor != nil {
				named[s][k] = alt
			}
			countries[c]++
		}
	}
	for s, sent := range d.Sentences {
		ms := named[s]
		person := func(span parley.Span, titled bool) match {
			m := r.shortName(d, words, span, titled, day, countries)
			// A person's phrase that names another actor says who the
			// person acts for ("Iraqi Prime Minister Ibrahim Jaafari",
			// "European Commission chief Jose Manuel Barroso"), more
			// surely than the dictionary's last word on a shortened
			// name. (Looked at only when the name is found: most are not.)
			if m.actor != nil && slices.ContainsFunc(ms, func(o match) bool { return o.actor != nil && attaches(d, d.SpanHead(o.tokens), span) }) {
				return match{tokens: span}
			}
			return m
		}
		for _, g := range groups(d, sent.Tokens, ms, entityOf, person) {
			if a, ok := compose(d, g, sent.Tokens, entityOf); ok && !namePair(d, a.Tokens, ms) {
				r.nameCountry(d, words, &a, day)
				d.Actors = append(d.Actors, a)
			}
		}
	}
	r.placeActors(d, entityOf)
	// The dateline ("BEIJING, Nov. 10 (Xinhua) --") names where the
	// story was filed and who filed it, not anyone who acts.
	if end := datelineEnd(d); end > 0 {
		d.Actors = slices.DeleteFunc(d.Actors, func(a parley.Actor) bool {
			return a.Tokens.Start >= d.Dateline.Start && a.Tokens.Start < end
		})
	}
	// "backed a right-winger for president", "sworn in as prime
	// minister": a person's title with no determiner, possessive, name or
	// modifier names an office, not someone who acts.
	d.Actors = slices.DeleteFunc(d.Actors, func(a parley.Actor) bool { return office(d, a) })
	slices.SortStableFunc(d.Actors, func(a, b parley.Actor) int { return a.Tokens.Start - b.Tokens.Start })
	distribute(d)
	sentOf := sentenceIndex(d)
	corefer(d, words, entityOf, sentOf, r.lex.title)
	if !r.opts.NamedCountriesOnly {
		placeCountries(d, sentOf)
	}
	d.Layers |= parley.LayerActors
	return nil
}

// placeActors adds the towns and divisions the geo stage placed, named as
// places are (a location entity) and by no dictionary, as actors of their
// country, as the dictionaries list a country's chief cities ("Kharkiv"
// is Ukraine): "Russia attacked Pokrovsk" is an attack on Ukraine. A
// place guessed from the document's focus, a country, a region or a sea,
// and a country the dictionaries do not code, add none.
func (r *Resolver) placeActors(d *parley.Doc, entityOf []int) {
	for _, p := range d.Places {
		if p.Country == "" || p.Approximate || !townOrDivision(p.Feature) || p.Tokens.Start < 0 || p.Tokens.End > len(entityOf) {
			continue
		}
		name := r.lex.countries[p.Country]
		if name == "" {
			continue
		}
		// (The whole of a location's name, not a word inside another
		// name: "the Leadership Summit" is no Summit, New Jersey; nor a
		// modifier, which says where the noun's actor is from or what
		// the noun is of: "Yala residents", "the Balkan region"; nor a
		// point of the compass: "talks between North and South Korea".)
		e := entityOf[p.Tokens.Start]
		if e < 0 || d.Entities[e].Type != parley.LOC || d.Entities[e].Tokens != p.Tokens {
			continue
		}
		if h := d.SpanHead(p.Tokens); h >= 0 && (d.Tokens[h].DepRel == "compound" || d.Tokens[h].DepRel == "amod" || namedBefore(d, h, p.Tokens)) || compass[strings.ToLower(d.TokenText(p.Tokens.Start))] {
			continue
		}
		if slices.ContainsFunc(d.Actors, func(a parley.Actor) bool { return a.Tokens.Overlaps(p.Tokens) }) || namedTown(d, p.Tokens) {
			continue
		}
		d.Actors = append(d.Actors, parley.Actor{Tokens: p.Tokens, Code: p.Country, Country: p.Country, Name: name, Entity: e, Ref: -1})
	}
}

// namedTown reports whether the place at span names a town or region
// whose noun another actor already describes: "the Gaza town of Beit
// Hanoun", "the Albanian port of Vlore" are one place, coded by the
// modifier.
func namedTown(d *parley.Doc, span parley.Span) bool {
	h := d.SpanHead(span)
	if h < 0 || d.Tokens[h].DepRel != "nmod" || !strings.EqualFold(d.CaseOf(h), "of") {
		return false
	}
	n := d.Tokens[h].Head
	if n < 0 || d.Tokens[n].UPOS != "NOUN" {
		return false
	}
	return slices.ContainsFunc(d.Actors, func(a parley.Actor) bool {
		m := d.SpanHead(a.Tokens)
		return m >= 0 && m < n && d.Tokens[m].Head == n && (d.Tokens[m].DepRel == "amod" || d.Tokens[m].DepRel == "compound")
	})
}

// namedBefore reports whether token h, the head of a place's name at
// span, has a proper noun before the span in its own phrase: the place's
// word ends a longer name ("the Leadership Summit").
func namedBefore(d *parley.Doc, h int, span parley.Span) bool {
	for i := span.Start - 1; i >= 0 && i >= span.Start-4; i-- {
		t := d.Tokens[i]
		if t.Head == h && (t.DepRel == "compound" || t.DepRel == "flat") && t.UPOS == "PROPN" {
			return true
		}
	}
	return false
}

// compass are the points of the compass, which name provinces of some
// countries ("North" of Cameroon) but, alone, mostly a side or a region.
var compass = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "central": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "centre": true, "center": true,
}

// townOrDivision reports whether a GeoNames feature code is a populated
// place or an administrative division.
func townOrDivision(feature string) bool {
	return strings.HasPrefix(feature, "PPL") || strings.HasPrefix(feature, "ADM")
}

// namePair reports whether span holds two names the dictionaries know,
// joined by a hyphen and modifying a noun: "the Gaza-Egypt border",
// "US-China relations", "Fatah-Hamas talks" name the two parties of a
// border, relations or talks, not one actor that acts. Adjectives so
// joined name one people ("the Turkish-Cypriot leader"), and a name
// written with a hyphen is one match ("Bosnia-Herzegovina").
func namePair(d *parley.Doc, span parley.Span, ms []match) bool {
	for i := span.Start + 1; i+1 < span.End; i++ {
		if d.TokenText(i) != "-" || d.Tokens[i].Start != d.Tokens[i-1].End || d.Tokens[i+1].Start != d.Tokens[i].End ||
			d.Tokens[i-1].UPOS != "PROPN" || d.Tokens[i+1].UPOS != "PROPN" {
			continue
		}
		left := slices.ContainsFunc(ms, func(m match) bool { return m.tokens.End == i })
		right := slices.ContainsFunc(ms, func(m match) bool { return m.tokens.Start == i+1 })
		if !left || !right {
			continue
		}
		h := d.SpanHead(span)
		if hh := d.Tokens[h].Head; hh >= 0 && !span.Contains(parley.Span{Start: hh, End: hh + 1}) && d.Tokens[hh].UPOS == "NOUN" {
			switch d.Tokens[h].DepRel {
			case "compound", "amod", "nmod", "nmod:poss", "flat":
				return true
			}
		}
	}
	return false
}

// office reports whether actor a is a bare title: a lower-case singular
// noun of a person's office ("president", "minister"), no name, alone in
// its phrase (nothing before it that determines or qualifies it).
func office(d *parley.Doc, a parley.Actor) bool {
	if a.Name != "" || a.Country != "" || a.Tokens.Len() > 3 || a.Entity >= 0 && a.Entity < len(d.Entities) {
		return false
	}
	h := d.SpanHead(a.Tokens)
	if d.Tokens[h].XPOS != "NN" || !titleNouns[strings.ToLower(d.Lemma(h))] {
		return false
	}
	switch d.Tokens[h].DepRel {
	case "compound", "amod", "nmod:poss", "flat", "appos", "nsubj", "nsubj:pass":
		return false // a modifier of another noun, or a subject ("President said")
	}
	for i := a.Tokens.Start; i < a.Tokens.End; i++ {
		if !lowerInitial(d.TokenText(i)) || d.Tokens[i].UPOS != "NOUN" && d.Tokens[i].UPOS != "ADJ" {
			return false
		}
	}
	for i := max(0, a.Tokens.Start-3); i < len(d.Tokens) && i < a.Tokens.End+3; i++ {
		if !a.Tokens.Contains(parley.Span{Start: i, End: i + 1}) && d.Tokens[i].Head == h {
			switch d.Tokens[i].DepRel {
			case "det", "nmod:poss", "nummod", "amod", "compound", "flat", "appos", "nmod":
				return false
			}
		}
	}
	b := a.Tokens.Start - 1
	return b < 0 || d.Tokens[b].UPOS != "DET" && d.Tokens[b].UPOS != "PRON" && d.Tokens[b].UPOS != "PROPN" && d.Tokens[b].XPOS != "POS"
}

// titleNouns are offices a person holds.
var titleNouns = map[string]bool{
	"president": true, "minister": true, "premier": true, "chancellor": true, "chairman": true,
	"chairwoman": true, "governor": true, "mayor": true, "secretary": true, "ambassador": true,
	"envoy": true, "spokesman": true, "spokeswoman": true, "leader": true, "king": true, "queen": true,
	"prince": true, "commander": true, "senator": true, "speaker": true, "prosecutor": true,
	"vice-president": true, "head": true, "chief": true,
}

// datelineEnd returns the token after the document's dateline — its place
// through the dash or colon that ends it, within a dozen tokens — or 0
// when it has none.
func datelineEnd(d *parley.Doc) int {
	if d.Dateline.Empty() {
		return 0
	}
	for i := d.Dateline.End; i < len(d.Tokens) && i < d.Dateline.End+12; i++ {
		switch d.TokenText(i) {
		case "-", "--", "---", "—", "–", ":":
			return i + 1
		}
	}
	return d.Dateline.End
}

// matches returns the dictionary names in the sentence span, longest
// first, left to right, without overlaps. A name that stops inside a
// person's name is another person's ("Foreign Minister Abdullah" in
// "Foreign Minister Abdullah Gul").
func (r *Resolver) matches(d *parley.Doc, words []string, span parley.Span, day time.Time, entityOf []int) []match {
	var out []match
	key := make([]string, 0, maxWords)
	var buf keyBuf
	// longestAt returns the longest name starting at token i.
	longestAt := func(i int) (match, bool) {
		// A one-word name may match by its lemma alone ("Iraqis"), or
		// as a plural the lemmatizer left alone ("Greeks").
		n := r.lex.first(words[i])
		if n == 0 {
			// (A lemma or singular equal to the word, or none, is not
			// looked up again.)
			lem, sg := norm(d.Tokens[i].Lemma), singular(d, i, words[i])
			if lem != "" && lem != words[i] && r.lex.first(lem) > 0 || sg != "" && sg != words[i] && r.lex.first(sg) > 0 {
				n = 1
			}
		}
		n = r.lex.reach(&buf, words[i:], min(n, span.End-i))
		for k := n; k >= 1; k-- {
			key = append(key[:0], words[i:i+k]...)
			refs := r.lex.lookup(&buf, key)
			if len(refs) == 0 {
				if lem := norm(d.Tokens[i+k-1].Lemma); lem != "" && lem != key[k-1] {
					key[k-1] = lem
					refs = r.lex.lookup(&buf, key)
				}
			}
			if len(refs) == 0 {
				if sg := singular(d, i+k-1, words[i+k-1]); sg != "" {
					key[k-1] = sg
					refs = r.lex.lookup(&buf, key)
				}
			}
			if e := entityOf[i+k-1]; e >= 0 && d.Entities[e].Type == parley.PER && d.Entities[e].Tokens.End > i+k {
				continue
			}
			m, ok := r.choose(d, parley.Span{Start: i, End: i + k}, refs, day)
			// A country's or city's name after a person's first name is
			// the person's surname, not the place: "Ricardo Lagos",
			// "George Washington".
			if e := entityOf[i]; ok && m.actor != nil && len(m.code) == 3 && e >= 0 && d.Entities[e].Type == parley.PER &&
				d.Entities[e].Tokens.Start < i && d.Tokens[i-1].UPOS == "PROPN" && entityOf[i-1] == e {
				continue
			}
			if ok {
				return m, true
			}
		}
		return match{}, false
	}
	for i := span.Start; i < span.End; {
		m, ok := longestAt(i)
		// A name that starts with its article gives way to a longer one
		// starting after the article: "the Islamic Resistance"
		// (Hezbollah) in "the Islamic Resistance Movement" (Hamas).
		if ok && m.tokens.Len() > 1 && d.Tokens[i].UPOS == "DET" {
			if o, found := longestAt(i + 1); found && o.tokens.End > m.tokens.End {
				ok = false
			}
		}
		if !ok {
			i++
			continue
		}
		if m.code != "---" {
			out = append(out, m)
		}
		i = m.tokens.End
	}
	// A rank before an office is part of the title, not an agent of its
	// own: a "deputy defence minister" is a minister.
	for k := len(out) - 2; k >= 0; k-- {
		m, o := out[k], &out[k+1]
		if m.agent != nil && o.agent != nil && m.tokens.Len() == 1 && ranks[words[m.tokens.Start]] && o.tokens.Start == m.tokens.End {
			o.tokens.Start = m.tokens.Start
			out = slices.Delete(out, k, k+1)
		}
	}
	// A rank before a title the dictionaries lack is part of that title:
	// a "deputy superintendent" is no member of parliament (a deputy
	// speaker is one).
	out = slices.DeleteFunc(out, func(m match) bool {
		e := m.tokens.End
		return m.agent != nil && m.tokens.Len() == 1 && ranks[words[m.tokens.Start]] && e < span.End &&
			d.Tokens[e].UPOS == "NOUN" && words[e] != "speaker" && !slices.ContainsFunc(out, func(o match) bool { return o.tokens.Start == e })
	})
	return out
}

// whereWords follow a place's name and a hyphen to say where someone is
// ("Damascus-based"), or who stands behind them ("Ethiopian-backed
// government forces" are not Ethiopia's), not who acts.
var whereWords = map[string]bool{"based": true, "born": true, "headquartered": true,
	"backed": true, "sponsored": true, "supported": true, "funded": true, "armed": true, "trained": true, "allied": true}

// ranks are words that a dictionary may list as agents alone but that
// before another agent give its rank.
var ranks = map[string]bool{"deputy": true, "vice": true, "acting": true, "assistant": true}

// singular returns word w (token i, folded) without the plural "s" of a
// plural proper noun ("Greeks" → "greek"), or "".
func singular(d *parley.Doc, i int, w string) string {
	if t := d.Tokens[i]; t.UPOS != "PROPN" && t.XPOS != "NNPS" || len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
		return ""
	}
	return w[:len(w)-1]
}

// choose picks the entry a name refers to where the text allows it: an
// actor's name must have a capitalised word (or a digit) and a name of
// one short word must be written in capitals ("US", not "us"); an agent
// must be used as one (agentUse).
func (r *Resolver) choose(d *parley.Doc, span parley.Span, refs []ref, day time.Time) (match, bool) {
	if len(refs) == 0 {
		return match{}, false // no entry: nothing to choose, whatever the words
	}
	capital, short := false, false
	for i := span.Start; i < span.End; i++ {
		t := d.TokenText(i)
		if c := t[0]; 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80 {
			capital = true
		}
	}
	if span.Len() == 1 {
		t := d.TokenText(span.Start)
		short = len(strings.Trim(t, ".")) <= 3 && strings.ToUpper(t) != t
	}
	// "7,000 U.S. dollars", "Hong Kong dollars": a name in a currency is
	// no actor.
	if money(d, span) {
		return match{}, false
	}
	// "the Damascus-based leader", "a London-born banker": where one is
	// based or born is no actor, nor is who backs one ("Ethiopian-backed
	// forces").
	if span.End+1 < len(d.Tokens) && d.TokenText(span.End) == "-" && whereWords[strings.ToLower(d.TokenText(span.End+1))] {
		return match{}, false
	}
	for _, rf := range refs {
		switch {
		case rf.actor >= 0 && capital && !short:
			a := &r.lex.set.Actors[rf.actor]
			code := a.CodeAt(day)
			if len(code) == 3 && !isSector(code) && span.Start > 0 && strings.EqualFold(d.TokenText(span.Start-1), "ethnic") {
				// "Ethnic Albanians" are a people, not Albania:
				// civilians of the country they live in.
				return match{tokens: span, agent: ethnicGroup, code: "CVL"}, true
			}
			if code != "" {
				// (A name coded "---" is no actor, and no shorter name
				// inside it is one either: "the Indian Ocean".)
				return match{tokens: span, actor: a, code: code, undated: !a.DatedAt(day) || strings.HasSuffix(code, "ELI")}, true
			}
		case rf.agent >= 0 && agentUse(d, span):
			a := &r.lex.set.Agents[rf.agent]
			return match{tokens: span, agent: a, code: strings.Trim(a.Code, "~")}, true
		}
	}
	return match{}, false
}

// agentUse reports whether the words at span, an agent's name, name an
// actor: they must end in a noun ("the rebels", not "rebel-held"), and
// "official" modifying a noun after it is formal, not an official ("an
// official visit", "official figures") — except that the official news
// agency, newspaper or broadcaster speaks for its government, as PETRARCH
// codes it. (Other agents modifying a noun name its owner, on whom an act
// may fall: "seized two police stations", "protested government policy";
// but not a weapon, which is what the noun is fired from or made of.)
func agentUse(d *parley.Doc, span parley.Span) bool {
	t := d.Tokens[span.End-1]
	if h := t.Head; span.Len() == 1 && strings.EqualFold(d.TokenText(span.Start), "official") &&
		h >= span.End && h < span.End+3 && (t.DepRel == "compound" || t.DepRel == "amod") {
		return stateMedia[d.Lemma(h)]
	}
	// A weapon modifying a noun is the instrument, not a military actor:
	// "artillery shells", "warplane attacks".
	if h := t.Head; span.Len() == 1 && weapons[strings.ToLower(d.TokenText(span.Start))] && t.DepRel == "compound" && h >= span.End {
		return false
	}
	// Those a meeting is of name the meeting, not an actor at it: "the
	// APEC Economic Leaders' Meeting", "a foreign ministers' conference"
	// (but "the prime minister's meeting with …" is his).
	if h := t.Head; h >= span.End && h < span.End+3 && (t.DepRel == "compound" || t.DepRel == "nmod:poss") && gatherings[strings.ToLower(d.Lemma(h))] &&
		(t.XPOS == "NNS" || t.XPOS == "NNPS") {
		return false
	}
	// "The opposition" is the parties against the government, but not
	// "its opposition to the plan", "in opposition", "opposition from
	// farmers": resistance to something.
	if w := strings.ToLower(d.TokenText(span.End - 1)); w == "opposition" && span.Len() == 1 {
		if span.End < len(d.Tokens) && resistanceCases[strings.ToLower(d.TokenText(span.End))] {
			return false
		}
		if i := span.Start - 1; i >= 0 && (resistanceOwners[strings.ToLower(d.TokenText(i))] || d.Tokens[i].XPOS == "POS") {
			return false
		}
	}
	// "Premier", which the tagger, trained on web text, takes for an
	// adjective ("a premier venue"), is in news a head of government —
	// but for "the Premier League".
	if w := strings.ToLower(d.TokenText(span.End - 1)); w == "premier" || w == "premiers" {
		return span.End >= len(d.Tokens) || d.Lemma(span.End) != "league" && !strings.EqualFold(d.TokenText(span.End), "league")
	}
	return t.UPOS == "NOUN" || t.UPOS == "PROPN"
}

// resistanceCases follow "opposition" meaning resistance to something;
// resistanceOwners come before it.
var (
	resistanceCases  = map[string]bool{"to": true, "from": true, "against": true, "of": true, "by": true}
	resistanceOwners = map[string]bool{"its": true, "their": true, "his": true, "her": true, "our": true, "in": true, "strong": true, "fierce": true, "growing": true, "stiff": true}
)

// thingNames end the proper names of things, events and contests that a
// country's name or adjective may start (see namesThing).
var thingNames = map[string]bool{
	"dam": true, "museum": true, "center": true, "centre": true, "exchange": true, "war": true, "cup": true,
	"stadium": true, "bridge": true, "canal": true, "pipeline": true, "hotel": true, "festival": true,
	"championship": true, "games": true, "prize": true, "award": true, "tournament": true, "league": true,
	"marathon": true, "exhibition": true, "expo": true, "fair": true, "revolution": true, "crisis": true,
	"open": true, "railway": true, "highway": true, "tower": true, "monument": true, "memorial": true,
}

// textNames end the names of texts, plans and processes that a place
// names ("the Kyoto Protocol", "the Doha Round").
var textNames = map[string]bool{
	"roadmap": true, "plan": true, "declaration": true, "goals": true, "accord": true, "accords": true,
	"agreement": true, "process": true, "agenda": true, "round": true, "initiative": true, "protocol": true,
	"consensus": true, "charter": true, "convention": true, "treaty": true, "pact": true, "communique": true,
	"doctrine": true, "framework": true, "principles": true, "statement": true,
}

// gatherings are nouns of meetings.
var gatherings = map[string]bool{
	"meeting": true, "summit": true, "conference": true, "forum": true, "session": true,
	"congress": true, "convention": true, "assembly": true, "retreat": true, "dialogue": true,
}

// weapons are the agents' names for arms, which stand for the forces that
// use them only as a phrase of their own ("warplanes bombed the town").
var weapons = map[string]bool{
	"artillery": true, "warplane": true, "warplanes": true, "bomber": true, "bombers": true,
	"drone": true, "drones": true, "tank": true, "tanks": true, "helicopter": true, "helicopters": true,
}

// modifies reports whether country is a possessive ("Ithilen's") or,
// with adjectives allowed, an adjective or compound ("Ukrainian minister")
// in the phrase: not a country the phrase is about ("the UN envoy for
// Somalia").
func modifies(d *parley.Doc, country *match, adjectives bool) bool {
	switch d.Tokens[country.tokens.End-1].DepRel {
	case "nmod:poss":
		return true
	case "amod", "compound":
		return adjectives
	}
	return false
}

// stateMedia are the nouns after "official" that name a government's
// voice: "the official news agency said".
var stateMedia = map[string]bool{"agency": true, "media": true, "newspaper": true, "daily": true, "television": true, "radio": true, "broadcaster": true}

// ethnicGroup is the agent an ethnic group's name stands for.
var ethnicGroup = &dict.Agent{Code: "~CVL", Sector: "CVL"}

// currencies are the lemmas of currency names, after which a country's
// name names no actor.
var currencies = map[string]bool{
	"dollar": true, "euro": true, "pound": true, "yen": true, "yuan": true, "renminbi": true, "rupee": true,
	"rouble": true, "ruble": true, "franc": true, "mark": true, "peso": true, "dinar": true, "riyal": true,
	"rial": true, "won": true, "lira": true, "shekel": true, "krone": true, "krona": true, "hryvnia": true,
	"currency": true, "cent": true,
}

// scales are the words of a large sum, after which a country's name
// with no noun after it is the currency it is counted in ("1.4 billion
// US", "500 million HK").
var scales = map[string]bool{"thousand": true, "million": true, "billion": true, "trillion": true, "mln": true, "bln": true, "bn": true}

// group is the matches of one mention: names and titles written side by
// side ("Ukrainian President Petro X"), with the phrases the tree attaches
// to them as appositions or "of"/"from" modifiers. root is the last word
// of the side-by-side run that heads it.
type group struct {
	root    int
	matches []match
}

// regions are the region and world prefixes of CAMEO actor codes, which
// say less than a country.
var regions = map[string]bool{
	"MEA": true, "SAS": true, "SEA": true, "EAF": true, "WAF": true, "SAF": true, "NAF": true,
	"LAM": true, "WEU": true, "EEU": true, "EUR": true, "AFR": true, "ASA": true, "CAS": true,
	"CAU": true, "BLK": true, "BAL": true, "CRB": true, "CFR": true, "WST": true, "INT": true,
}

// nameCountry gives an actor whose code begins with a region
// ("Palestinian Islamic Jihad" is MEAREB in the Phoenix files) the
// country its own name says, when one word of the name is a country's
// name or demonym: PSEREB.
func (r *Resolver) nameCountry(d *parley.Doc, words []string, a *parley.Actor, day time.Time) {
	if len(a.Code) < 3 || !regions[a.Code[:3]] {
		return
	}
	var buf keyBuf
	for i := a.Tokens.Start; i < a.Tokens.End; i++ {
		m, ok := r.choose(d, parley.Span{Start: i, End: i + 1}, r.lex.lookup(&buf, words[i:i+1]), day)
		if !ok || m.actor == nil || len(m.code) != 3 || m.code == "---" || isSector(m.code) || regions[m.code] {
			continue
		}
		a.Code = m.code + a.Code[3:]
		a.Country = m.code
		return
	}
}

// shortName returns the match of a person's name the dictionaries know
// only in full, written in span: by its first and last words ("Carlos
// Menem" for CARLOS SAUL MENEM), or, when titled (a title stands before
// it: "President Kagame", "Premier Wen"), by the surname alone — a name's
// last word, or its first in names written surname first; without a
// title, by a last word of five letters or more of someone in an office
// that day ("Chirac"). The persons so named
// must agree on their code on the day; where they do not, an office
// the title fits decides (one of them in government: "President Bush"
// in 2003), else none does. Only persons of the countries the document
// names elsewhere (countries counts the places and names giving each)
// count: "Governor Mohammad Daud" in a story from
// Afghanistan is not a namesake from Brunei, and "President Hu" in a
// story naming China is Hu Jintao, not a Taiwanese minister. Without a
// person, the match has no entry.
func (r *Resolver) shortName(d *parley.Doc, words []string, span parley.Span, titled bool, day time.Time, countries map[string]int) match {
	none := match{tokens: span}
	if !upperInitial(d.TokenText(span.End - 1)) {
		return none
	}
	var key string
	bare := false
	switch {
	case span.Len() >= 2:
		key = words[span.Start] + " " + words[span.End-1]
	case titled:
		key = surnameKey + words[span.Start]
	default:
		key, bare = lastKey+words[span.Start], true
	}
	var found, inOffice *dict.Actor
	code, officeCode := "", ""
	ambiguous, offices := false, 0
	for _, i := range r.lex.short[key] {
		a := &r.lex.set.Actors[i]
		c := a.CodeAt(day)
		country, sectors := split(c)
		if countries[country] == 0 {
			continue // no role that day, or of a country the story does not name
		}
		if bare && (!a.DatedAt(day) || !officeSectors[leadSector(sectors)]) {
			// A surname alone ("Chirac said") names someone in an office
			// that day, not anyone who once held one.
			continue
		}
		if strings.HasSuffix(c, "GOV") {
			inOffice, officeCode, offices = a, c, offices+1
		}
		switch {
		case found == nil:
			found, code = a, c
		case c != code:
			ambiguous = true
		}
	}
	if ambiguous && titled && offices == 1 {
		found, code, ambiguous = inOffice, officeCode, false
	}
	if found == nil || ambiguous {
		return none
	}
	return match{tokens: span, actor: found, code: code, short: true}
}

// attaches reports whether token t modifies a token of span within its
// noun phrase: through at most four heads, by modifying relations only
// (not a conjunct: "President Kagame and his party"), an
// apposition counting as one.
func attaches(d *parley.Doc, t int, span parley.Span) bool {
	for range 4 {
		h := d.Tokens[t].Head
		switch rel := d.Tokens[t].DepRel; {
		case rel == "compound", rel == "amod", rel == "appos", strings.HasPrefix(rel, "nmod"), strings.HasPrefix(rel, "flat"):
		default:
			return false
		}
		if h < 0 || h >= len(d.Tokens) {
			return false
		}
		if span.Contains(parley.Span{Start: h, End: h + 1}) {
			return true
		}
		if d.Tokens[h].UPOS == "VERB" || d.Tokens[h].UPOS == "AUX" {
			return false
		}
		t = h
	}
	return false
}

// namesThing reports whether the country named at span, in sentence
// sent, starts or sits inside the proper name of a thing: capitalised words after it, in its
// noun phrase, up to a head noun of thingNames — "the Grand Ethiopian
// Renaissance Dam", "the Egyptian Museum", "the Vietnam War" — which is
// no act of the country's and no place of it to act on. Not in a
// sentence written in title case (a headline), where every word is
// capitalised. (Places and bodies named so stay the country's: "Shandong
// Province", "Doha International Airport", "the Japanese International
// Cooperation Agency".)
func namesThing(d *parley.Doc, span, sent parley.Span, entityOf []int) bool {
	e := span.End
	k := e
	for k < sent.End && upperInitial(d.TokenText(k)) && (d.Tokens[k].UPOS == "PROPN" || d.Tokens[k].UPOS == "NOUN" || d.Tokens[k].UPOS == "ADJ") {
		k++
	}
	if k == e {
		return false
	}
	head := k - 1
	if !thingNames[strings.ToLower(d.Lemma(head))] {
		return false
	}
	// The country's words modify a word of the name.
	if h := d.Tokens[span.End-1].Head; h < e || h > head {
		return false
	}
	return !titleCase(d, sent, entityOf)
}

// titleCase reports whether sentence sent is written in title case: its
// words of four letters or more outside names all capitalised, and at
// least two of them.
func titleCase(d *parley.Doc, sent parley.Span, entityOf []int) bool {
	long := 0
	for j := sent.Start; j < sent.End; j++ {
		w := d.TokenText(j)
		if r, _ := utf8.DecodeRuneInString(w); entityOf[j] >= 0 || utf8.RuneCountInString(w) < 4 || !unicode.IsLetter(r) {
			continue
		}
		if !upperInitial(w) {
			return false
		}
		long++
	}
	return long >= 2
}

// upperInitial reports whether w starts with an upper-case letter.
func upperInitial(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// lowerInitial reports whether w starts with a lower-case letter.
func lowerInitial(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// groups gathers the matches of a sentence into mentions. Names and titles
// side by side form a run (two dictionary actors side by side stay apart:
// "Moscow Kyiv"), whose head is its last word, as English noun phrases
// end in their head; person names the dictionaries lack join runs as
// matches without an entry. A run whose head the tree attaches inside
// another run (an apposition, an "of" or "from" phrase) joins that run.
//
// person looks up a name the dictionaries lack whole by its shortened
// forms (see Resolver.shortName); titled says a title stands before it.
func groups(d *parley.Doc, sent parley.Span, ms []match, entityOf []int, person func(span parley.Span, titled bool) match) []group {
	titled := func(s parley.Span) bool {
		return slices.ContainsFunc(ms, func(m match) bool { return m.agent != nil && m.tokens.End == s.Start })
	}
	// Unknown person names take part as matches without an entry; a
	// common noun inside one is part of the name ("Tom King").
	items := slices.Clone(ms)
	for _, ent := range d.Entities {
		if ent.Type != parley.PER || len(ms) == 0 || !sent.Contains(ent.Tokens) ||
			slices.ContainsFunc(ms, func(m match) bool { return m.actor != nil && m.tokens.Overlaps(ent.Tokens) }) {
			continue
		}
		items = slices.DeleteFunc(items, func(m match) bool { return m.agent != nil && ent.Tokens.Contains(m.tokens) })
		items = append(items, person(ent.Tokens, titled(ent.Tokens)))
	}
	// A capitalised title right before proper nouns the recogniser did not
	// take for a name names the person they spell: "President Kagame".
	for _, m := range ms {
		if m.agent == nil || m.tokens.End >= sent.End || !upperInitial(d.TokenText(m.tokens.End-1)) {
			continue
		}
		// The run of proper nouns after it, which must hold no name of the
		// dictionaries or the recogniser ("President Ricardo Lagos": not
		// a person named after Lagos, Nigeria).
		end, clean := m.tokens.End, true
		for end < sent.End && d.Tokens[end].UPOS == "PROPN" && upperInitial(d.TokenText(end)) {
			if slices.ContainsFunc(items, func(o match) bool { return o.tokens.Contains(parley.Span{Start: end, End: end + 1}) }) {
				clean = false
			}
			end++
		}
		if clean && end > m.tokens.End && end <= m.tokens.End+3 {
			items = append(items, person(parley.Span{Start: m.tokens.End, End: end}, true))
		}
	}
	// A proper noun standing alone that the recogniser took for no name
	// may be the surname of someone in office ("Chirac met …"), which
	// person only accepts of a country the story names.
	for i := sent.Start; i < sent.End; i++ {
		one := parley.Span{Start: i, End: i + 1}
		if d.Tokens[i].UPOS != "PROPN" || entityOf[i] >= 0 || !upperInitial(d.TokenText(i)) ||
			i > sent.Start && d.Tokens[i-1].UPOS == "PROPN" || i+1 < sent.End && d.Tokens[i+1].UPOS == "PROPN" ||
			slices.ContainsFunc(items, func(o match) bool { return o.tokens.Overlaps(one) }) {
			continue
		}
		if m := person(one, false); m.actor != nil {
			items = append(items, m)
		}
	}
	slices.SortFunc(items, func(a, b match) int { return a.tokens.Start - b.tokens.Start })
	// Runs of items side by side.
	var runs []group
	for k, m := range items {
		if k > 0 && items[k-1].tokens.End == m.tokens.Start && !(items[k-1].actor != nil && m.actor != nil && entityOf[m.tokens.Start] < 0) {
			g := &runs[len(runs)-1]
			g.matches = append(g.matches, m)
			g.root = m.tokens.End - 1
			continue
		}
		runs = append(runs, group{root: m.tokens.End - 1, matches: []match{m}})
	}
	// A run joins the run its head hangs from.
	span := func(g group) parley.Span { return parley.Span{Start: g.matches[0].tokens.Start, End: g.root + 1} }
	into := make([]int, len(runs))
	named := func(g group) bool {
		return slices.ContainsFunc(g.matches, func(m match) bool { return m.actor != nil })
	}
	for k, g := range runs {
		into[k] = k
		top := d.PhraseRoot(g.root)
		for j, h := range runs {
			// A run joins the run its phrase's head lies in, or one nearer
			// the head that modifies it too ("Indonesia's main opposition
			// party": the country and the agent both modify "party").
			if j != k && (span(h).Start <= top && top < span(h).End || h.root > g.root && h.root < top && d.PhraseRoot(h.root) == top) {
				// Two named actors apart by a comma are a list the
				// parser took for an apposition or a name ("Mordor, the
				// Shire and Bree"), not one actor.
				if named(g) && named(h) && (d.Tokens[g.root].DepRel == "appos" || commaBetween(d, span(h), span(g))) {
					continue
				}
				// Nor is anything across a semicolon, which parts
				// clauses ("600 troops; Bolivia, 300").
				if d.TokenBetween(span(h), span(g), ";") {
					continue
				}
				// "Hungarian and Romanian officials": the first
				// conjunct is an actor of its own, to which distribute
				// gives the officials' sector.
				if conjInto(d, sent, g.root, span(h)) {
					continue
				}
				into[k] = j
			}
		}
		// "police in Cairo", "activists in Arnor": a country in a phrase
		// with "in" gives its country to a run of agents alone.
		if into[k] == k && named(g) && d.CaseOf(g.root) == "in" && (d.Tokens[g.root].DepRel == "nmod" || d.Tokens[g.root].DepRel == "obl") {
			h := d.Tokens[g.root].Head
			for j, r := range runs {
				if j != k && !named(r) && span(r).Start <= h && h < span(r).End && len(r.matches) > 0 && r.matches[0].agent != nil &&
					!envoys[norm(d.Lemma(h))] { // "the embassy in Tehran" is not Iran's
					into[k] = j
				}
			}
		}
	}
	var out []group
	index := map[int]int{}
	for k := range runs {
		j := k
		for range len(runs) {
			if into[j] == j {
				break
			}
			j = into[j]
		}
		o, ok := index[j]
		if !ok {
			o = len(out)
			index[j] = o
			out = append(out, group{root: runs[j].root})
		}
		out[o].matches = append(out[o].matches, runs[k].matches...)
	}
	for k := range out {
		slices.SortFunc(out[k].matches, func(a, b match) int { return a.tokens.Start - b.tokens.Start })
	}
	return out
}

// conjInto reports whether token r of sentence sent has a conjunct in
// span.
func conjInto(d *parley.Doc, sent parley.Span, r int, span parley.Span) bool {
	for i := span.Start; i < span.End && i < sent.End; i++ {
		if d.Tokens[i].Head == r && d.Tokens[i].DepRel == "conj" {
			return true
		}
	}
	return false
}

// commaBetween reports whether a comma stands between the spans a and b,
// in either order, with nothing but determiners, adjectives and
// conjunctions around it ("Mordor, the awful Fornost").
func commaBetween(d *parley.Doc, a, b parley.Span) bool {
	if b.Start < a.Start {
		a, b = b, a
	}
	comma := false
	for i := a.End; i < b.Start; i++ {
		switch {
		case d.TokenText(i) == ",":
			comma = true
		case !slices.Contains([]string{"DET", "ADJ", "ADV", "CCONJ"}, d.Tokens[i].UPOS):
			return false
		}
	}
	return comma
}

// compose makes one actor of a noun phrase's matches: a named actor heading
// the phrase with a sector in its code keeps that code; otherwise the
// phrase's country and its agent's sectors combine.
func compose(d *parley.Doc, g group, sent parley.Span, entityOf []int) (parley.Actor, bool) {
	// The principal actor is the one heading the phrase, else the first.
	// An agent modifying the head names the institution and outranks the
	// head's own ("a spokesperson from the government" is GOV, not MED).
	// An agent written before the country in its code (PETRARCH's "NGO~":
	// "MSF Arnor" is NGOARN) is kept beside the other.
	var principal, agent, before, head *match
	for k := range g.matches {
		m := &g.matches[k]
		atRoot := m.tokens.Start <= g.root && g.root < m.tokens.End
		if m.actor != nil && (principal == nil || atRoot) {
			principal = m
		}
		if m.agent != nil && m.agent.Before && before == nil {
			before = m
		} else if m.agent != nil && !m.agent.Before && (agent == nil || !atRoot) {
			agent = m
		}
		if m.agent != nil && !m.agent.Before && atRoot {
			head = m
		}
	}
	// A bare country heading the phrase only because the parser hung a
	// name from it ("Jordanian King Abdullah II") gives way to the name
	// of one of its own with a sector.
	if principal != nil && len(principal.code) == 3 {
		for k := range g.matches {
			if m := &g.matches[k]; m.actor != nil && len(m.code) >= 6 && m.code[:3] == principal.code && isSector(m.code[3:6]) && m.tokens.Start >= principal.tokens.End {
				principal = m
				break
			}
		}
	}
	span := g.matches[0].tokens
	for _, m := range g.matches[1:] {
		span.End = max(span.End, m.tokens.End)
	}
	ent := entityOf[g.root]
	if ent >= 0 {
		et := d.Entities[ent].Tokens
		span = parley.Span{Start: min(span.Start, et.Start), End: max(span.End, et.End)}
	}
	a := parley.Actor{Tokens: span, Entity: ent, Ref: -1}
	// The principal's name is the actor's unless the phrase heads a person
	// of another name, whose owner the principal is: "Netanyahu's
	// spokesman Omer Dostri" works for Netanyahu, and is Omer Dostri.
	nameOf := func(m *match) string {
		if ent >= 0 && d.Entities[ent].Type == parley.PER {
			if et := d.Entities[ent].Tokens; m.tokens.End <= et.Start || m.tokens.Start >= et.End {
				return ""
			}
		}
		return m.actor.Name
	}
	pre, post := "", ""
	if before != nil {
		pre = before.code
	}
	if agent != nil {
		post = agent.code
		if officeSectors[post] && formerly(d, agent.tokens) {
			post = "ELI" // "the former Indonesian minister", "former leader Frederick Chiluba"
		}
		// A faith before the agent heading the phrase adds to it, in the
		// text's order as PETRARCH writes it: "Islamist media" are
		// MUSMED, "Christian militias" CHRREB.
		if head != nil && head != agent && faith(agent.code) && agent.tokens.End <= head.tokens.Start && !strings.Contains(post, head.code) {
			post += head.code
		}
	}
	// A country the phrase names with a title outranks the dictionary's
	// for the person: "Ithilen's minister Calimehtar" works for Ithilen
	// now, whatever country the dictionary last knew him in. The country
	// must come first and modify the phrase (see modifies); for a name the
	// dictionary codes as a country alone, it must be a possessive.
	var country *match
	for k := range g.matches {
		if m := &g.matches[k]; m != principal && m.actor != nil && len(m.code) == 3 && !isSector(m.code) && country == nil {
			country = m
		}
	}
	switch {
	case principal != nil && country != nil && pre+post != "" && country.code != principal.code[:3] &&
		country.tokens.End <= principal.tokens.Start && modifies(d, country, len(principal.code) > 3):
		a.Code, a.Country, a.Sectors = pre+country.code+post, country.code, pre+post
	case principal != nil && (principal.short || principal.undated && personName(d, principal.tokens, entityOf) && alone(g, principal) && titleBefore(agent, principal)) && pre+post != "" && !isSector(principal.code[:3]):
		// The title says what a person known by a shortened name, or
		// one the dictionary knows in no office that day, is now; the
		// dictionary says whose: "rebel leader Laurent Kabila", "former
		// president Carlos Menem", "Foreign Minister Abdullah Gul"
		// before his dated presidency.
		a.Code, a.Country, a.Sectors, a.Name = pre+principal.code[:3]+post, principal.code[:3], pre+post, nameOf(principal)
	case principal != nil && len(principal.code) > 3:
		// A named office-holder, or an institution with its own sector
		// ("Kremlin spokesman" is RUSGOV, not RUSMED).
		a.Code, a.Name = principal.code, nameOf(principal)
	case principal != nil && pre+post != "":
		if post == principal.code[:3] {
			post = "" // "Al-Jazeera television" is MED, not MEDMED
		}
		a.Code = pre + principal.code[:3] + post
		if !isSector(principal.code[:3]) {
			a.Country, a.Sectors = principal.code[:3], pre+post
		} else {
			// A body of a named organisation that is no country ("the
			// activists of Amnesty International") is the organisation's.
			a.Name = nameOf(principal)
		}
	case principal != nil:
		a.Code, a.Name = principal.code, nameOf(principal)
	default:
		a.Code = pre + post
	}
	if a.Code == "" {
		return a, false // an unknown name alone: coreference may code it
	}
	// A place's name in the name of a text or a process ("the Kyoto
	// Protocol", "the Busan Roadmap", "the Doha Development Agenda")
	// names where it was made, not an actor.
	if principal != nil && pre+post == "" && len(a.Code) == 3 {
		last := span.End - 1
		if span.End == principal.tokens.End && span.End < len(d.Tokens) && upperInitial(d.TokenText(span.End)) {
			last = span.End // the recogniser saw no name: "the Kyoto Protocol"
		}
		if last >= principal.tokens.End && textNames[strings.ToLower(d.TokenText(last))] {
			return a, false
		}
		if len(g.matches) == 1 && namesThing(d, principal.tokens, sent, entityOf) {
			return a, false
		}
	}
	if a.Country == "" && a.Sectors == "" {
		a.Country, a.Sectors = split(a.Code)
	}
	if a.Name == "" && ent >= 0 && d.Entities[ent].Type == parley.PER {
		a.Name = d.SpanText(d.Entities[ent].Tokens)
	}
	return a, true
}

// officeSectors are the sectors of an office one can hold and leave.
var officeSectors = map[string]bool{"GOV": true, "MIL": true, "JUD": true, "LEG": true, "SPY": true, "COP": true}

// formerly reports whether "former", "ex" or a word of the same sense
// qualifies the agent at span, before it in its phrase: "former
// president", "the former Indonesian minister", "ex-army chief", "deposed
// Sylvanian dictator", "the late king".
func formerly(d *parley.Doc, span parley.Span) bool {
	for t := span.Start - 1; t >= 0 && t >= span.Start-3; t-- {
		switch w := strings.ToLower(d.TokenText(t)); {
		case w == "former" || w == "ex" || w == "ex-" || w == "deposed" || w == "ousted" || w == "toppled" || w == "overthrown" || w == "late":
			// It qualifies the agent, the name the agent titles or
			// (misparsed) the verb after them; not a noun between
			// ("former Soviet Union president") or after ("the former
			// army base").
			h := d.Tokens[t].Head
			return span.Contains(parley.Span{Start: h, End: h + 1}) || h >= span.End && d.Tokens[h].UPOS != "NOUN"
		case d.Tokens[t].UPOS != "ADJ" && d.Tokens[t].UPOS != "PROPN" && w != "-":
			return false
		}
	}
	return false
}

// alone reports whether the only other actors of the group name the
// principal's own country ("Italian Prime Minister Romano Prodi"), not
// what the person leads ("Hamas leader Khaled Meshaal").
func alone(g group, principal *match) bool {
	return !slices.ContainsFunc(g.matches, func(m match) bool {
		return m.actor != nil && m.tokens != principal.tokens && m.code != principal.code[:3]
	})
}

// titleBefore reports whether agent is a title written right before the
// principal's name ("Foreign Minister Abdullah Gul"), not a description
// set after it ("Khaled Meshaal, Hamas's overall leader").
func titleBefore(agent, principal *match) bool {
	return agent != nil && agent.tokens.End == principal.tokens.Start
}

// personName reports whether the tokens at span end in a person's name
// the recogniser found.
func personName(d *parley.Doc, span parley.Span, entityOf []int) bool {
	e := entityOf[span.End-1]
	return e >= 0 && d.Entities[e].Type == parley.PER
}

// distribute gives the sector of an agent to the countries conjoined with
// the one it belongs to: "the ambassadors of Arnor, Osgiliath and Gondor"
// are ARNGOV, OSGGOV and GONGOV; "lawmakers in France and Spain" FRALEG and
// ESPLEG. An actor composed of a country and an agent (no dictionary name
// of its own) passes its sectors to each country actor whose name is
// conjoined with a word of its phrase.
func distribute(d *parley.Doc) {
	at := make(map[int]int, len(d.Actors)) // first token → actor
	for k, a := range d.Actors {
		at[a.Tokens.Start] = k
	}
	var add []parley.Actor
	for k := range d.Actors {
		a := d.Actors[k]
		if a.Name != "" || a.Country == "" || a.Sectors == "" || a.Tokens.Len() < 2 {
			continue
		}
		s, _ := slices.BinarySearchFunc(d.Sentences, a.Tokens.Start, func(s parley.Sentence, i int) int {
			switch {
			case s.Tokens.End <= i:
				return -1
			case s.Tokens.Start > i:
				return 1
			}
			return 0
		})
		if s >= len(d.Sentences) {
			continue
		}
		sent := d.Sentences[s]
		inA := func(i int) bool { return a.Tokens.Start <= i && i < a.Tokens.End }
		chain := map[int]bool{} // conjuncts reached so far, for lists parsed as chains
		for i := sent.Tokens.Start; i < sent.Tokens.End; i++ {
			t := d.Tokens[i]
			if t.DepRel != "conj" || t.Head < 0 {
				continue
			}
			// A conjunct outside the phrase of a word in it ("the
			// ambassadors of France, Spain and Italy", also when
			// "Italy" hangs from "Spain"), or a word outside the
			// phrase of which a word in it is a conjunct ("Hungarian
			// and Romanian officials").
			other := i
			switch {
			case !inA(i) && (inA(t.Head) || chain[t.Head]):
				chain[i] = true
			case inA(i) && !inA(t.Head) && i != d.SpanHead(a.Tokens):
				other = t.Head // a modifier, not the phrase's head ("X and the government of Y")
			default:
				continue
			}
			b, ok := at[other]
			if !ok {
				// The conjunct's actor may start before its head word
				// ("the Shire").
				for j, c := range d.Actors {
					if c.Tokens.Contains(parley.Span{Start: other, End: other + 1}) {
						b, ok = j, true
					}
				}
			}
			if !ok || d.Actors[b].Country == "" || d.Actors[b].Sectors != "" || d.Actors[b].Country == a.Country {
				continue
			}
			c := &d.Actors[b]
			if strings.HasPrefix(a.Code, a.Country) {
				c.Code = c.Country + a.Sectors
			} else {
				c.Code = a.Sectors + c.Country // PETRARCH's "NGO~" order
			}
			c.Sectors = a.Sectors
			// "Lawmakers and officials in Kenya and Uganda": the phrase's
			// other agents are of each country too.
			for j, o := range d.Actors {
				if j == k || o.Name != "" || o.Sectors == "" || o.Sectors == a.Sectors || !a.Tokens.Contains(o.Tokens) || o.Country != "" && o.Country != a.Country {
					continue
				}
				if o.Country == "" {
					d.Actors[j].Country, d.Actors[j].Code, d.Actors[j].CountryFrom = a.Country, a.Country+o.Sectors, FromPhrase
				}
				add = append(add, parley.Actor{Tokens: c.Tokens, Code: c.Country + o.Sectors, Country: c.Country, Sectors: o.Sectors, Entity: c.Entity, Ref: -1, CountryFrom: c.CountryFrom})
			}
		}
		shareCountry(d, k, sent)
	}
	if len(add) > 0 {
		d.Actors = append(d.Actors, add...)
		slices.SortStableFunc(d.Actors, func(a, b parley.Actor) int { return a.Tokens.Start - b.Tokens.Start })
	}
}

// shareCountry gives the country that modifies composed actor k ("the
// Russian media"), and a faith before its head, to the agents conjoined
// with its head that have no country and no determiner of their own,
// which the modifier covers too ("the Russian media and government",
// "Russian police and soldiers"; not "the Russian media and the
// government").
func shareCountry(d *parley.Doc, k int, sent parley.Sentence) {
	a := d.Actors[k]
	head := d.SpanHead(a.Tokens)
	if head <= a.Tokens.Start || !strings.HasPrefix(a.Code, a.Country) {
		return // the country is not a modifier before the head
	}
	for i := head + 1; i < sent.Tokens.End; i++ {
		if d.Tokens[i].Head != head || d.Tokens[i].DepRel != "conj" {
			continue
		}
		if slices.ContainsFunc(d.Tokens[head+1:i], func(t parley.Token) bool { return t.DepRel == "det" }) {
			continue
		}
		for j := range d.Actors {
			b := &d.Actors[j]
			if j == k || b.Name != "" || b.Country != "" || b.Sectors == "" || b.Tokens.Len() != 1 || b.Tokens.Start != i {
				continue
			}
			b.Country, b.Code = a.Country, a.Country+b.Sectors
			if faith(a.Sectors) && len(a.Sectors) > 3 && !faith(b.Sectors) {
				// So does a faith before the head: "the Danish Islamist
				// media and government" are MUSMED and MUSGOV.
				b.Sectors = a.Sectors[:3] + b.Sectors
				b.Code = a.Country + b.Sectors
			}
		}
	}
}

// faith reports whether sectors begin with a religion's code (CAMEO's
// religious codes: "MUS", "CHR", "JEW", "MUSSHI" …), a sector that says
// who a body is rather than what it does.
func faith(sectors string) bool {
	if len(sectors) < 3 {
		return false
	}
	switch sectors[:3] {
	case "MUS", "CHR", "JEW", "HIN", "BUD", "BAH", "SIK", "JAN", "SHN", "TAO", "ZRO", "CON":
		return true
	}
	return false
}

// split cuts a CAMEO actor code into its country (or IGO) part and its
// sectors: "UKRGOV" → "UKR", "GOV"; "COP" (an agent alone) → "", "COP".
func split(code string) (country, sectors string) {
	if len(code) < 3 {
		return "", code
	}
	if isSector(code[:3]) {
		return "", code
	}
	return code[:3], code[3:]
}

// isSector reports whether a three-letter code is a CAMEO sector rather
// than a country.
func isSector(c string) bool {
	switch c {
	case "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL",
		"ELI", "LEG", "LAB", "AGR", "REF", "HLH", "HRI", "DEV", "ENV", "MOD", "RAD", "UAF", "IMG",
		"INS", "SEP", "NGO", "NGM", "MNC", "PPL", "REL", "MUS", "CHR", "JEW", "HIN", "BUD":
		return true
	}
	return false
}
