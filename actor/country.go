package actor

import (
	"strings"

	"github.com/parley-events/parley"
)

// Where an actor's country came from when its own words do not name one
// (parley.Actor.CountryFrom).
const (
	FromPhrase   = parley.FromPhrase
	FromSentence = parley.FromSentence
	FromDocument = parley.FromDocument
	FromOwner    = parley.FromOwner
)

// domestic are the sectors whose actors belong to the country where they
// act: a "government", "police" or "rebels" with no country named are
// that of the story. Organisations that are international by nature (IGO,
// NGO, MNC, IMG), armed forces and intelligence services (MIL, SPY, UAF:
// war news is full of troops abroad) and refugees, who are often of
// another country than the one they are in, are not.
var domestic = map[string]bool{
	"GOV": true, "REB": true, "OPP": true, "PTY": true, "COP": true, "JUD": true, "MED": true,
	"EDU": true, "BUS": true, "CRM": true, "CVL": true, "ELI": true, "LEG": true, "LAB": true,
	"AGR": true, "HLH": true, "ENV": true, "PPL": true, "REL": true, "MUS": true, "CHR": true,
	"JEW": true, "HIN": true, "BUD": true, "RAD": true, "SEP": true, "MOD": true, "INS": true,
}

// placeCountries gives actors whose sector is domestic and whose country
// the text leaves unnamed the country of the places around them, as event
// datasets built for analysts do (ICEWS's "Police (Nigeria)"): the place
// in the actor's own phrase; else the places of its sentence when they
// all lie in one country; else the document's dominant country, the one
// more than half of its place mentions are in (the dateline counting
// twice), or, when they split, of those and of the home bodies it names
// with their country. Places of travel and of meetings ("arrived in Beijing", "will
// meet in Geneva") say nothing of who is there. A mention referring to
// an earlier actor takes that actor's country. Each such actor records
// where its country came from in CountryFrom, so a reader can tell a
// named country from an inferred one. sentOf maps tokens to sentences.
func placeCountries(d *parley.Doc, sentOf []int) {
	if len(d.Places) == 0 {
		return
	}
	// The document's dominant country.
	weight := map[string]float64{}
	total := 0.0
	for _, p := range d.Places {
		if p.Country == "" || venue(d, d.SpanHead(p.Tokens)) || money(d, p.Tokens) {
			continue
		}
		w := 1.0
		if !d.Dateline.Empty() && p.Tokens.Overlaps(d.Dateline) {
			w = 2
		}
		weight[p.Country] += w
		total += w
	}
	docCountry := majority(weight, total)
	if docCountry == "" {
		// The places split: the home bodies the article names with
		// their country ("Prime Minister Nawaz Sharif", "Nepali
		// television") tell whose story it is — not its armed forces,
		// envoys or international bodies, which act abroad.
		for _, a := range d.Actors {
			if a.Country != "" && a.Country != "IGO" && a.CountryFrom == "" && a.Ref < 0 &&
				domestic[leadSector(a.Sectors)] && !abroad(d, a.Tokens) {
				weight[a.Country]++
				total++
			}
		}
		docCountry = majority(weight, total)
	}
	// The places of each sentence, outside the dateline: where things
	// happen ("in Kinshasa"), not countries that act ("Denmark's motion").
	bySentence := map[int][]parley.Place{}
	for _, p := range d.Places {
		if p.Country != "" && p.Tokens.Start < len(sentOf) && (d.Dateline.Empty() || !p.Tokens.Overlaps(d.Dateline)) &&
			locative[d.CaseOf(d.SpanHead(p.Tokens))] && !venue(d, d.SpanHead(p.Tokens)) && !money(d, p.Tokens) {
			s := sentOf[p.Tokens.Start]
			bySentence[s] = append(bySentence[s], p)
		}
	}
	for k := range d.Actors {
		a := &d.Actors[k]
		if a.Country != "" || !domestic[leadSector(a.Sectors)] || abroad(d, a.Tokens) {
			continue
		}
		// A dictionary's organisation without a country ("Reuters") has
		// none to find; a person it lacks may.
		if a.Name != "" && (a.Entity < 0 || a.Entity >= len(d.Entities) || d.Entities[a.Entity].Type != parley.PER) {
			continue
		}
		if a.Ref >= 0 && a.Ref < k {
			if b := d.Actors[a.Ref]; b.CountryFrom != "" && b.Sectors == a.Sectors {
				a.Country, a.Code, a.CountryFrom = b.Country, b.Code, b.CountryFrom
			}
			continue
		}
		country, from := "", ""
		head := d.SpanHead(a.Tokens)
		sent := bySentence[sentOf[a.Tokens.Start]]
		for _, p := range d.Places {
			if p.Country != "" && !p.Tokens.Overlaps(a.Tokens) && sentOf[p.Tokens.Start] == sentOf[a.Tokens.Start] &&
				inPhrase(d, d.SpanHead(p.Tokens), head) && !venue(d, d.SpanHead(p.Tokens)) {
				country, from = p.Country, FromPhrase
				break
			}
		}
		// One who travels ("the minister arrived in Hanoi") is from
		// somewhere else than the places of the story.
		away := travelling(d, a.Tokens)
		if country == "" && len(sent) > 0 && !away {
			country, from = sent[0].Country, FromSentence
			for _, p := range sent[1:] {
				if p.Country != country {
					country, from = "", ""
					break
				}
			}
		}
		if country == "" && docCountry != "" && !away {
			country, from = docCountry, FromDocument
		}
		if country != "" {
			a.Country, a.Code, a.CountryFrom = country, country+a.Sectors, from
		}
	}
}

// majority returns the country whose weight is more than half of total,
// or "".
func majority(weight map[string]float64, total float64) string {
	for c, w := range weight {
		if w > total/2 {
			return c
		}
	}
	return ""
}

// money reports whether the name at span names a currency ("51 million
// U.S. dollars", "Hong Kong dollars", "1.4 billion US"), not a place or
// an actor.
func money(d *parley.Doc, span parley.Span) bool {
	if span.End < len(d.Tokens) && currencies[strings.ToLower(d.Lemma(span.End))] {
		return true
	}
	return span.Start > 0 && scales[strings.ToLower(d.TokenText(span.Start-1))] && upperInitial(d.TokenText(span.Start)) &&
		(span.End == len(d.Tokens) || d.Tokens[span.End].UPOS != "NOUN" && d.Tokens[span.End].UPOS != "PROPN")
}

// leadSector returns the first sector of sectors ("GOV" of "GOVMED").
func leadSector(sectors string) string {
	if len(sectors) < 3 {
		return ""
	}
	return sectors[:3]
}

// inPhrase reports whether token t hangs from token head within its noun
// phrase: through modifiers, not through a clause ("police who fled to
// Syria").
func inPhrase(d *parley.Doc, t, head int) bool {
	for range 6 {
		if t == head {
			return true
		}
		tok := d.Tokens[t]
		if tok.Head < 0 {
			return false
		}
		switch tok.DepRel {
		case "acl", "acl:relcl", "advcl", "ccomp", "xcomp", "conj", "parataxis", "csubj", "nsubj", "obj", "obl", "root":
			return false
		}
		t = tok.Head
	}
	return false
}

// locative are the prepositions of a place where something happens.
var locative = map[string]bool{
	"in": true, "at": true, "near": true, "across": true, "throughout": true, "around": true,
	"inside": true, "outside": true, "within": true,
}

// abroadWords mark an actor as of no one country, or of another than the
// story's: "foreign citizens", "regional governments", "world leaders",
// "governments" (several), "European companies"; so do envoys.
var abroadWords = map[string]bool{
	"foreign": true, "international": true, "regional": true, "world": true, "global": true,
	"western": true, "overseas": true, "expatriate": true, "multinational": true, "neighbouring": true,
	"neighboring": true, "exiled": true, "exile": true, "visiting": true, "other": true, "joint": true,
	"delegation": true, "delegations": true, "delegate": true, "delegates": true, "pilgrims": true,
	"tourists": true, "visitors": true, "governments": true, "european": true, "african": true,
	"asian": true, "arab": true, "latin": true, "nordic": true, "scandinavian": true, "balkan": true,
}

// envoys are the words, by lemma, of a country's representatives, who are
// where the story is but of another country: "the embassy in Tehran" is
// not Iran's.
var envoys = map[string]bool{
	"embassy": true, "consulate": true, "ambassador": true, "envoy": true, "diplomat": true, "consul": true,
}

// meetings are the words, by lemma, of staying or meeting somewhere; with
// those of travel they are the words a place hangs from that says
// nothing of who is there ("arrived in Beijing", "a news conference in
// London").
var meetings = map[string]bool{
	"stop": true, "stay": true, "meet": true, "gather": true, "convene": true, "host": true,
	"conference": true, "meeting": true, "summit": true, "talk": true, "forum": true, "session": true,
}

// travelling reports whether the actor at span is the one who travels,
// visits or attends ("President Ramos will make state visits to Laos",
// "the minister arrived in Hanoi"): the places of the story are where
// it goes, not where it is from.
func travelling(d *parley.Doc, span parley.Span) bool {
	r := d.PhraseRoot(d.SpanHead(span))
	t := d.Tokens[r]
	// "the leaders attending the summit", "ministers who met in Hanoi".
	for i := r + 1; i < len(d.Tokens) && i < r+12; i++ {
		if d.Tokens[i].Head == r && (d.Tokens[i].DepRel == "acl" || d.Tokens[i].DepRel == "acl:relcl") && attending[d.Lemma(i)] {
			return true
		}
	}
	if t.Head < 0 || !(t.DepRel == "nsubj" || t.DepRel == "nmod:poss") {
		return false
	}
	if travel[d.Lemma(t.Head)] {
		return true
	}
	// "will pay state visits to", "made a trip to": the verb's object
	// tells of the going.
	for i := t.Head + 1; i < len(d.Tokens) && i < t.Head+6; i++ {
		if d.Tokens[i].Head == t.Head && d.Tokens[i].DepRel == "obj" && travel[d.Lemma(i)] {
			return true
		}
	}
	return false
}

// attending are the verbs, by lemma, of those who come to a meeting or a
// visit ("the leaders attending the summit").
var attending = map[string]bool{
	"attend": true, "visit": true, "meet": true, "gather": true, "convene": true, "arrive": true,
	"travel": true, "tour": true,
}

// travel are the words of going somewhere, by lemma.
var travel = map[string]bool{
	"arrive": true, "visit": true, "travel": true, "leave": true, "fly": true, "go": true, "come": true,
	"return": true, "attend": true, "tour": true, "trip": true,
}

// venue reports whether place head p hangs from a word of travel or of a
// meeting.
func venue(d *parley.Doc, p int) bool {
	h := d.Tokens[p].Head
	// Through the nouns the place modifies: "a summit next month in the
	// Maldives" (the parser may hang "in the Maldives" from "month").
	for range 3 {
		if h < 0 {
			return false
		}
		if l := d.Lemma(h); travel[l] || meetings[l] {
			return true
		}
		switch d.Tokens[h].DepRel {
		case "appos", "nmod", "compound", "flat":
			h = d.Tokens[h].Head
		default:
			return false
		}
	}
	return false
}

// abroad reports whether the phrase at span, or a modifier of its head,
// says its actor is of no one country or of another one ("foreign
// journalists", "governments", "European companies"), or whose it is
// ("his government": the country of the one "his" refers to, which
// coreference did not find).
func abroad(d *parley.Doc, span parley.Span) bool {
	head := d.SpanHead(span)
	lo, hi := max(0, span.Start-4), min(len(d.Tokens), span.End+1)
	for i := lo; i < hi; i++ {
		if !(span.Start <= i && i < span.End || d.Tokens[i].Head == head) {
			continue
		}
		if abroadWords[norm(d.TokenText(i))] || envoys[norm(d.Lemma(i))] || d.Tokens[i].DepRel == "nmod:poss" && d.Tokens[i].UPOS == "PRON" {
			return true
		}
	}
	return false
}
