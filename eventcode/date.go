package eventcode

import (
	"slices"
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// dateEvent dates event e by the temporal expression that hangs from its
// trigger in the tree ("met on Monday"), or, for a noun, from the verb
// the noun is the subject or object of ("talks … will take place on
// Wednesday"): a DATE of a day, week, month, quarter or year sets Date
// and Precision. Otherwise the event keeps the document's date, with no
// precision.
func dateEvent(d *parley.Doc, x *docIndex, e *parley.Event) {
	// "a new round of talks … will take place on Wednesday": the verb of
	// the phrase the noun is in.
	heads := eventHeads(d, x, e)
	// The act of a clause that happens when another does is dated by it
	// (sharesTime), and so on up: "asked …, catching officials off guard"
	// after "in January he called off an appeal and asked".
	for i := 0; i < len(heads) && i < 8; i++ {
		if h := sharesTime(d, x, heads[i]); h >= 0 && !slices.Contains(heads, h) {
			heads = append(heads, h)
		}
	}
	// "declared an emergency across Zaire on Tuesday", "arrested twelve
	// men in Garissa on Monday", "wounded by gunfire on Saturday night":
	// a date the parser hung on the place where (the verb's or its
	// object's), or on the agent's phrase, is the act's.
	for _, h := range heads {
		for _, c := range x.children[h] {
			if _, place := x.placeAt[c]; place && (x.rel[c] == "obl" || x.rel[c] == "obj") || x.rel[c] == "obl:agent" {
				heads = append(heads, c)
			}
			if x.rel[c] != "obj" {
				continue
			}
			for _, g := range x.children[c] {
				if _, place := x.placeAt[g]; place && x.rel[g] == "nmod" && locatives[x.caseOf(g)] {
					heads = append(heads, g)
				}
			}
		}
	}
	if dateFrom(d, x, e, heads) {
		return
	}
	// "signed an agreement in July", "struck a pact with the Socialists
	// on Wednesday", "gave a warning to Slovakia on Monday": a material
	// act, an agreement, a meeting or cooperation — or any act a light
	// verb's object names — happens when its object is dated (not so a
	// word: "condemned the attack of September 11" was not said then).
	v := d.SpanHead(e.Trigger)
	if u := d.Tokens[v].UPOS; (u == "NOUN" || u == "PROPN") && len(heads) >= 3 {
		// (A noun's act is dated as its verb's: "strikes on Gaza killed
		// 20 people on Tuesday".)
		v = heads[2]
	}
	o := x.child(v, "obj")
	if o < 0 || !(actsOnPlace(e.Code) || strings.HasPrefix(e.Code, "057") || strings.HasPrefix(e.Code, "04") || strings.HasPrefix(e.Code, "06") || lightVerbs[x.lemma[v]]) {
		return
	}
	objs := []int{o}
	for _, c := range x.children[o] {
		if x.rel[c] == "nmod" {
			objs = append(objs, c)
		}
	}
	dateFrom(d, x, e, objs)
}

// dateFrom dates event e by the first DATE or TIME that hangs from one
// of heads, and reports whether one did.
func dateFrom(d *parley.Doc, x *docIndex, e *parley.Event, heads []int) bool {
	for _, h := range heads {
		for _, k := range x.timexAt[h] {
			t := d.Timexes[k]
			if t.Type != "DATE" && t.Type != "TIME" {
				continue
			}
			// (A time something lasts until or must be done by is its
			// end or deadline, not when it is done: "gave Russia until
			// September 1".)
			if i := t.Tokens.Start - 1; i >= 0 && deadlineWords[x.lower[i]] {
				continue
			}
			if when, precision, ok := timexDate(t.Value); ok {
				e.Date, e.Precision = when, precision
				return true
			}
		}
	}
	return false
}

// deadlineWords open a time something lasts until or must be done by.
var deadlineWords = map[string]bool{"until": true, "till": true, "by": true}

// sharesTime returns the token whose time the act of v's clause shares,
// or -1:
//   - "shelled the city on Monday, wounding three residents": an unmarked
//     participle's (unmarkedParticiple);
//   - "met the premier on Monday and signed an accord" ("and held
//     talks"): a verb conjoined to another, with no subject of its own;
//   - "was in Pattani on Thursday to meet the commanders", "gathered on
//     Monday to discuss": the purpose of a journey, a stay or a gathering;
//   - "the parliament on Friday voted to extend the mandate": what is
//     voted, agreed or vowed, when the vote is;
//   - "turned violent on Friday when protesters threw rocks": a "when"
//     clause, with its main one — also when the parser hangs it on the
//     day, whose verb it then shares.
func sharesTime(d *parley.Doc, x *docIndex, v int) int {
	h := x.head[v]
	if h < 0 {
		return -1
	}
	r := x.rel[v]
	if x.timexHead[h] && x.head[h] >= 0 && (r == "advcl" || r == "acl:relcl") {
		return x.head[h]
	}
	if d.Tokens[h].UPOS != "VERB" && x.lemma[h] != "be" {
		return -1
	}
	participle := unmarkedParticiple(d, x, v)
	conj := r == "conj" && h < v && x.child(v, "nsubj", "nsubj:pass") < 0
	purpose := r == "advcl" && infinitive(x, v) && (travelVerbs[x.lemma[h]] || gatherVerbs[x.lemma[h]] || x.lemma[h] == "be")
	complement := r == "xcomp" && infinitive(x, v)
	when := r == "advcl" && slices.ContainsFunc(x.children[v], func(m int) bool { return (x.rel[m] == "mark" || x.rel[m] == "advmod") && x.lower[m] == "when" })
	if participle || conj || purpose || complement || when {
		return h
	}
	return -1
}

// datedAfter reports whether event e carries a date of its own whose day,
// week, month, quarter or year begins after the day the article was
// published.
func datedAfter(e parley.Event, published time.Time) bool {
	if e.Precision == "" || published.IsZero() {
		return false
	}
	y, m, d := published.Date()
	return e.Date.After(time.Date(y, m, d, 0, 0, 0, 0, e.Date.Location()))
}

// timexDate reads a TimeML date value: the first day of the day, week,
// month, quarter or year it names, and that precision.
func timexDate(v string) (time.Time, string, bool) {
	if len(v) > 10 && v[10] == 'T' {
		v = v[:10] // a time of day: its day
	}
	if t, err := time.Parse("2006-01-02", v); err == nil {
		return t, "day", true
	}
	if t, err := time.Parse("2006-01", v); err == nil {
		return t, "month", true
	}
	if len(v) == 4 {
		if t, err := time.Parse("2006", v); err == nil {
			return t, "year", true
		}
	}
	if len(v) == 8 && v[4] == '-' && v[5] == 'W' {
		y, err1 := time.Parse("2006", v[:4])
		var w int
		for _, c := range v[6:8] {
			if c < '0' || c > '9' {
				return time.Time{}, "", false
			}
			w = 10*w + int(c-'0')
		}
		if err1 != nil || w < 1 || w > 53 {
			return time.Time{}, "", false
		}
		// ISO week w: the Monday of the week holding 4 January, w-1
		// weeks on.
		jan4 := time.Date(y.Year(), 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
		return monday.AddDate(0, 0, 7*(w-1)), "week", true
	}
	if len(v) == 7 && v[4] == '-' && v[5] == 'Q' && v[6] >= '1' && v[6] <= '4' {
		if y, err := time.Parse("2006", v[:4]); err == nil {
			return time.Date(y.Year(), time.Month(3*int(v[6]-'1')+1), 1, 0, 0, 0, 0, time.UTC), "quarter", true
		}
	}
	return time.Time{}, "", false
}

// unmarkedParticiple reports whether verb v is a participle clause with
// no mark of its own, whose act happens when and where its clause's does
// ("shelled the city on Monday, wounding three residents"; not "after
// meeting", "before leaving", which a mark sets apart).
func unmarkedParticiple(d *parley.Doc, x *docIndex, v int) bool {
	return x.rel[v] == "advcl" && d.Tokens[v].XPOS == "VBG" && x.child(v, "mark") < 0
}

// gatherVerbs bring people together for a purpose done as they meet.
var gatherVerbs = map[string]bool{"gather": true, "meet": true, "convene": true, "assemble": true}

// meetingNouns name meetings, which are held and attended somewhere.
var meetingNouns = map[string]bool{
	"meeting": true, "summit": true, "talk": true, "conference": true, "forum": true, "dialogue": true,
	"session": true, "negotiation": true, "consultation": true, "ceremony": true, "gathering": true, "round": true,
}

// locatives are the prepositions that say where an act happens.
var locatives = map[string]bool{
	"in": true, "at": true, "near": true, "outside": true, "inside": true, "across": true,
	"around": true, "throughout": true, "off": true, "within": true, "on": false,
}

// placeEvent gives event e the place named in a locative phrase of its
// trigger ("met in Istanbul"), or of the verb its noun is the subject or
// object of ("talks … will take place in Istanbul"): Event.Place, an
// index into Doc.Places. A place that is the event's source or target
// ("Moscow attacked Kyiv") is an actor, not where it happened. "Here"
// is the place of the story's dateline. With neither the event has no
// place (-1), never a guess.
func placeEvent(d *parley.Doc, x *docIndex, e *parley.Event) {
	heads := eventHeads(d, x, e)
	// "arrived in Dhaka on Friday to join the summit": a journey's
	// purpose is done where it leads; "attacked a police station in
	// Garissa, killing eight policemen": an unmarked participle's act
	// where its clause's is.
	v := d.SpanHead(e.Trigger)
	if h := x.head[v]; h >= 0 {
		purpose := (x.rel[v] == "advcl" || x.rel[v] == "xcomp") && infinitive(x, v) && travelVerbs[x.lemma[h]]
		participle := unmarkedParticiple(d, x, v) && d.Tokens[h].UPOS == "VERB"
		if purpose || participle {
			heads = append(heads, h)
		}
	}
	// A material act is where its object is ("arrested 19 members in
	// Istanbul", "signed an agreement in Colombo"), and so is a meeting
	// one attends or holds ("will attend the summit in Busan") or the one
	// met ("meet Kabila in Cape Town"); a word is not ("condemned the
	// attack in Kabul" was not said in Kabul), nor what is discussed
	// ("discussed the situation in Ivory Coast" was not discussed there).
	for _, h := range heads {
		if o := x.child(h, "obj"); o >= 0 && (h == v || d.Tokens[h].UPOS == "VERB") && (actsOnPlace(e.Code) || strings.HasPrefix(e.Code, "057") ||
			strings.HasPrefix(e.Code, "04") && (meetingNouns[strings.ToLower(x.lemma[o])] || x.actorAt[o] >= 0)) {
			heads = append(heads, o)
		}
	}
	// "were to meet Wednesday in New York", "arrived on Thursday in
	// Busan": a place the parser hung on the act's time is the act's.
	for _, h := range heads {
		for _, c := range x.children[h] {
			if x.timexHead[c] {
				heads = append(heads, c)
			}
		}
	}
	// The place of a locative phrase: its own, or one named beside its
	// noun ("in Sri Lanka's capital Colombo", "in the capital, Kabul").
	// A place that acts is no place of the act ("Moscow said in Kyiv" is
	// not in Moscow); one acted upon in it is ("arrived in Ankara", "a
	// curfew in Cizre").
	placeOf := func(c int) (int, bool) {
		if r := x.rel[c]; r != "obl" && r != "nmod" && r != "obl:tmod" || !locatives[x.caseOf(c)] {
			return -1, false
		}
		k, ok := x.placeAt[c]
		for _, rel := range []string{"appos", "flat", "nmod:poss"} {
			if n := x.child(c, rel); n >= 0 && !ok {
				k, ok = x.placeAt[n]
			}
		}
		// "in Diyala province", "in the Croatian coastal town of Zadar": a
		// place noun's name before it or in its "of" phrase (not "in a
		// further US effort").
		if placeNouns[x.lemma[c]] {
			if n := x.child(c, "compound"); n >= 0 && !ok {
				k, ok = x.placeAt[n]
			}
			if n := x.child(c, "nmod"); n >= 0 && !ok && x.caseOf(n) == "of" {
				k, ok = x.placeAt[n]
			}
		}
		return k, ok && !actorIn(d, e.SourceRef, d.Places[k].Tokens)
	}
	for _, h := range heads {
		for _, c := range x.children[h] {
			if k, ok := placeOf(c); ok {
				e.Place = k
				return
			}
		}
	}
	// "were killed in clashes in Hebron", "ambushed a patrol in a town
	// near Fallujah": the place of what a material act or a meeting
	// happened in or at (not of what a word is about: "called on the
	// parties in the election in Congo" was not said there).
	for _, h := range heads {
		if !actsOnPlace(e.Code) && !strings.HasPrefix(e.Code, "04") {
			break
		}
		for _, c := range x.children[h] {
			r, cs := x.rel[c], x.caseOf(c)
			if _, ok := x.placeAt[c]; ok || d.Tokens[c].UPOS != "NOUN" || cs != "in" && cs != "at" || r != "obl" && r != "nmod" {
				continue
			}
			for _, g := range x.children[c] {
				if k, ok := placeOf(g); ok {
					e.Place = k
					return
				}
			}
		}
	}
	// "police in Gaza arrested two men", "rebels in Darfur attacked a
	// convoy": a material act is done where those who do it are.
	if (actsOnPlace(e.Code) || strings.HasPrefix(e.Code, "14")) && e.SourceRef >= 0 && e.SourceRef < len(d.Actors) {
		for _, c := range x.children[d.SpanHead(d.Actors[e.SourceRef].Tokens)] {
			if k, ok := placeOf(c); ok && x.caseOf(c) == "in" {
				e.Place = k
				return
			}
		}
	}
	// "held talks here on Monday": "here" is where the story is filed,
	// the place of its dateline ("KYIV, July 21 (Reuters) -").
	k := slices.IndexFunc(d.Places, func(p parley.Place) bool { return p.Tokens == d.Dateline })
	if d.Dateline.Empty() || k < 0 {
		return
	}
	for _, h := range heads {
		if slices.ContainsFunc(x.children[h], func(c int) bool { return x.lower[c] == "here" && x.rel[c] == "advmod" }) {
			e.Place = k
			return
		}
	}
}

// actorIn reports whether actor a is named by span s: whether s holds
// the head of a's phrase ("Moscow", not "police in Lahore" for
// "Lahore").
func actorIn(d *parley.Doc, a int, s parley.Span) bool {
	if a < 0 || a >= len(d.Actors) {
		return false
	}
	h := d.SpanHead(d.Actors[a].Tokens)
	return s.Start <= h && h < s.End
}

// eventHeads returns the tokens an event's dates and places hang from:
// its trigger's head and, for a noun, the verb of the phrase it is the
// subject or object of.
func eventHeads(d *parley.Doc, x *docIndex, e *parley.Event) []int {
	v := d.SpanHead(e.Trigger)
	heads := []int{v}
	if d.Tokens[v].UPOS == "NOUN" || d.Tokens[v].UPOS == "PROPN" {
		r := v
		for k := 0; k < 3 && x.rel[r] == "nmod" && d.Tokens[r].Head >= 0; k++ {
			r = d.Tokens[r].Head
		}
		if h := d.Tokens[r].Head; h >= 0 && (x.rel[r] == "nsubj" || x.rel[r] == "nsubj:pass" || x.rel[r] == "obj") {
			heads = append(heads, r, h)
		}
	} else {
		// "meet at a regional summit next month": the date may hang
		// from the noun of the verb's oblique, when the verb has none.
		for _, c := range x.children[v] {
			if x.rel[c] == "obl" && d.Tokens[c].UPOS == "NOUN" {
				heads = append(heads, c)
			}
		}
	}
	return heads
}
