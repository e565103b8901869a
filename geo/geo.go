package geo

import (
	"context"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/parley-events/parley"
)

// Resolver is the geo stage: it finds the place names of a document and
// resolves each to a gazetteer entry.
//
// Place names are the LOC entities of the ner stage and the phrases in
// capitals that name a continent, country, first-level division, sea or
// sizeable town of the gazetteer (not inside a person's or an
// organisation's name). A name with several senses is given the one that
// scores best on its feature (countries, then continents and seas,
// divisions and capitals, then other towns), its population, and the
// document's context: the countries and divisions its other, clearer
// place names and its dateline point to ("one sense per document": the
// same name is resolved once). Names the gazetteer lacks get no place:
// the stage never guesses (Resolve can, for evaluation, see Options).
// The document's focus country is the one its places point to most.
//
// A capital named as the subject of a verb ("Moscow has yet to comment")
// is still resolved — it names the city — but the event coder takes only
// places in a locative phrase ("in Istanbul") as where an event happens.
//
// It is safe for concurrent use.
type Resolver struct {
	g *Gazetteer
}

// New returns a Resolver over g.
func New(g *Gazetteer) *Resolver { return &Resolver{g: g} }

// Default returns a Resolver over the embedded gazetteer.
func Default() (*Resolver, error) {
	g, err := DefaultGazetteer()
	if err != nil {
		return nil, err
	}
	return New(g), nil
}

// Gazetteer returns the resolver's gazetteer.
func (r *Resolver) Gazetteer() *Gazetteer { return r.g }

// Options adjust Resolve.
type Options struct {
	// Guess places a name the gazetteer lacks at the document's focus: the
	// town its places point to most, else its focus country. A geoparser
	// given a street or a building in a story about one city is usually
	// right to put it there; the stage itself never guesses.
	Guess bool
}

// Process finds and resolves the place names of d. It needs tokens and
// sentences and uses named entities when d has them.
func (r *Resolver) Process(ctx context.Context, d *parley.Doc) error {
	spans, weak := r.candidates(d)
	places, focus := r.resolve(d, spans, Options{})
	// A capitalised word the recogniser did not call a place ("the
	// Centre", "the Court") is believed when it names a country, a
	// continent or a sea, or lies in a country the document's other
	// places are in; otherwise it is dropped, and the rest resolved
	// again without it.
	in := map[string]bool{}
	for k, p := range places {
		if p.Name != "" && (!weak[k] || p.Feature == Country) {
			in[p.Country] = true
		}
	}
	kept := spans[:0:0]
	for k, p := range places {
		switch {
		case !weak[k], p.Name == "", in[p.Country]:
		case p.Feature == Country, p.Feature == Continent, p.Feature == Water:
		default:
			continue
		}
		kept = append(kept, spans[k])
	}
	if len(kept) < len(spans) {
		places, focus = r.resolve(d, kept, Options{})
	}
	d.Places = d.Places[:0]
	for _, p := range places {
		if p.GeoNameID != 0 || p.Name != "" {
			d.Places = append(d.Places, p)
		}
	}
	d.Focus = focus
	d.Layers |= parley.LayerPlaces
	return ctx.Err()
}

// Resolve resolves the place names at spans (token spans of d) and
// returns one Place per span, in order, with an empty Name for a span it
// could not place; and the document's focus country (ISO alpha-3).
func (r *Resolver) Resolve(d *parley.Doc, spans []parley.Span, o Options) ([]parley.Place, string) {
	return r.resolve(d, spans, o)
}

// candidates returns the token spans of d's place names, in order, and
// whether each is weak: found in the gazetteer, not by the recogniser.
func (r *Resolver) candidates(d *parley.Doc) ([]parley.Span, []bool) {
	var out []parley.Span
	strong := map[parley.Span]bool{}
	taken := make([]bool, len(d.Tokens))
	for _, e := range d.Entities {
		if e.Type == parley.PER || e.Type == parley.ORG || e.Type == parley.MISC {
			// An organisation named like a clear place after a locative
			// preposition or beside a place ("Paris and Lyon") is the
			// place: the recogniser took the football club.
			if e.Type == parley.ORG && r.clear(Fold(d.SpanText(e.Tokens))) && placeContext(d, e.Tokens) {
				continue
			}
			for i := e.Tokens.Start; i < e.Tokens.End; i++ {
				taken[i] = true
			}
		}
	}
	for _, e := range d.Entities {
		if e.Type == parley.LOC {
			out = append(out, e.Tokens)
			strong[e.Tokens] = true
			for i := e.Tokens.Start; i < e.Tokens.End; i++ {
				taken[i] = true
			}
		}
	}
	// Capitalised phrases of up to four words that name a clear place.
	for _, s := range d.Sentences {
		for i := s.Tokens.Start; i < s.Tokens.End; {
			n := 0
			for k := min(4, s.Tokens.End-i); k >= 1; k-- {
				span := parley.Span{Start: i, End: i + k}
				if !capitalised(d, span) || anyTaken(taken, span) {
					continue
				}
				if r.clear(Fold(d.SpanText(span))) {
					n = k
					break
				}
			}
			if n == 0 {
				i++
				continue
			}
			out = append(out, parley.Span{Start: i, End: i + n})
			for k := i; k < i+n; k++ {
				taken[k] = true
			}
			i += n
		}
	}
	sortSpans(out)
	weak := make([]bool, len(out))
	for k, s := range out {
		weak[k] = !strong[s]
	}
	return out, weak
}

// clear reports whether a folded name names a place that needs no
// entity recogniser to be believed: a continent, country, division, sea,
// capital or town of 100,000 people.
func (r *Resolver) clear(folded string) bool {
	if r.g.IsDemonym(folded) {
		return false
	}
	for _, k := range r.g.LookupFolded(folded) {
		e := r.g.Entries[k]
		switch e.Feature {
		case Continent, Country, Admin1, Water, Capital:
			return true
		}
		if e.Pop >= 100000 {
			return true
		}
	}
	return false
}

// placeContext reports whether the words around span s make it a place:
// a locative preposition before it, or "and"/"," joining it to a place
// entity.
func placeContext(d *parley.Doc, s parley.Span) bool {
	if s.Start > 0 {
		switch strings.ToLower(d.TokenText(s.Start - 1)) {
		case "in", "at", "near", "from", "to", "outside", "around", "across":
			return true
		case "and", ",":
			for _, e := range d.Entities {
				if e.Type == parley.LOC && e.Tokens.End == s.Start-1 {
					return true
				}
			}
		}
	}
	return false
}

func capitalised(d *parley.Doc, s parley.Span) bool {
	for i := s.Start; i < s.End; i++ {
		t := d.TokenText(i)
		if t == "" {
			return false
		}
		if c := t[0]; !(c >= 'A' && c <= 'Z') && !(i > s.Start && (t == "of" || t == "-" || t == "de")) {
			return false
		}
	}
	w := d.TokenText(s.End - 1)
	return w[0] >= 'A' && w[0] <= 'Z'
}

func anyTaken(taken []bool, s parley.Span) bool {
	for i := s.Start; i < s.End; i++ {
		if taken[i] {
			return true
		}
	}
	return false
}

func sortSpans(s []parley.Span) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Start < s[j-1].Start; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// generic words that name the kind of a place after its name ("the
// Kharkiv region", "Donetsk oblast"); the name alone is looked up.
var kinds = map[string]bool{
	"region": true, "province": true, "oblast": true, "state": true, "city": true, "county": true,
	"district": true, "governorate": true, "prefecture": true, "territory": true, "municipality": true,
	"area": true, "republic": true,
}

// senses returns the entries a name may be, trying it as written, without
// a leading "the", and without a trailing kind of place.
func (r *Resolver) senses(name string) []int32 {
	f := Fold(name)
	if c := r.g.LookupFolded(f); c != nil {
		return c
	}
	f = strings.TrimPrefix(f, "the ")
	if c := r.g.LookupFolded(f); c != nil {
		return c
	}
	if i := strings.LastIndexByte(f, ' '); i > 0 && kinds[f[i+1:]] {
		return r.g.LookupFolded(f[:i])
	}
	return nil
}

// prior scores an entry without context: its kind, then its size.
func prior(e Entry) float64 {
	s := math.Log10(float64(e.Pop) + 1)
	switch e.Feature {
	case Country:
		s += 14 // the country before a division or town of its name ("Mexico")
	case Continent, Water:
		s += 20 // an ocean or a region before any town of its name, whatever the context ("the Atlantic")
	case Admin1:
		s += 4
	case Admin2:
		s += 2 // a county, whose size the gazetteer does not know: before a hamlet of its name
	case Capital:
		s += 6 // "Washington" is the capital before the state
	case "PPLA":
		s += 2.5
	case "PPLA2":
		s += 1
	case "PPLX":
		s -= 2 // a part of a city
	}
	return s
}

// resolve resolves spans in two passes: by priors, then with the
// document's countries, divisions and clearly named places.
func (r *Resolver) resolve(d *parley.Doc, spans []parley.Span, o Options) ([]parley.Place, string) {
	names := make([]string, len(spans))
	senses := make([][]int32, len(spans))
	for k, s := range spans {
		names[k] = Fold(d.SpanText(s))
		senses[k] = r.senses(d.SpanText(s))
	}
	// Context from clear senses: a country, or a name with one sense, or
	// a sense far ahead of the others. The clear senses of local towns
	// anchor the others, and the divisions named clearly place them (the
	// second pass).
	all := newVotes()
	own := map[string]votes{}      // the votes of each town's name
	var anchors []anchor           // the clear senses of local towns
	divisions := map[string]bool{} // the divisions named clearly ("US.TX")
	named := map[string]float64{}  // the countries named by their own names ("Canada"), and how often
	if !d.Dateline.Empty() {
		if c := r.senses(d.SpanText(d.Dateline)); len(c) > 0 {
			e := r.g.Entries[best(r.g, c, votes{}, nil)]
			all.add(e, 2)
			if isTown(e) {
				own[Fold(d.SpanText(d.Dateline))] = newVotes().add(e, 2)
			}
		}
	}
	first := make([]int32, len(spans)) // each name's sense by priors alone, or -1
	for k := range spans {
		c := senses[k]
		first[k] = -1
		if len(c) == 0 {
			continue
		}
		b := best(r.g, c, votes{}, nil)
		first[k] = b
		e := r.g.Entries[b]
		w := 1.0
		if len(c) > 1 && !clearCountry(r.g, c, b) {
			w = 0.3
		}
		if r.g.IsDemonym(names[k]) {
			// A demonym says whose, not where: the American trainer of
			// a horse at a race in Dubai.
			w = 0.3
		}
		all.add(e, w)
		if e.Feature == Admin1 && w == 1 {
			divisions[e.Country+"."+e.Admin1] = true
		}
		if e.Feature == Country && w == 1 {
			named[e.Country]++
		}
		if !isTown(e) {
			continue
		}
		if own[names[k]].countries == nil {
			own[names[k]] = newVotes()
		}
		own[names[k]].add(e, w)
		if w == 1 && e.Pop < localPop && e.Feature != "PPLX" {
			anchors = append(anchors, anchor{names[k], e})
		}
	}
	// "Paris, Texas", "Kharkiv, Ukraine": a town or division's name
	// followed by a comma and a division or country is a town in it.
	// The spans may come in any order.
	placedIn := make([]int32, len(spans)) // the sense so placed, or -1
	startsAt := make(map[int]int, len(spans))
	for k, s := range spans {
		startsAt[s.Start] = k
	}
	for k, s := range spans {
		placedIn[k] = -1
		n, ok := startsAt[s.End+1]
		if !ok || s.End >= len(d.Tokens) || d.TokenText(s.End) != "," || first[k] < 0 || len(senses[n]) == 0 {
			continue
		}
		switch r.g.Entries[first[k]].Feature {
		case Country, Continent, Water:
			continue // "China, Mongolia": a list, not a town in a country
		}
		within := "" // "US.TX" or "US"
		for _, c := range senses[n] {
			switch e := r.g.Entries[c]; e.Feature {
			case Admin1:
				within = e.Country + "." + e.Admin1
			case Country:
				within = e.Country
			default:
				continue
			}
			break
		}
		if within != "" {
			placedIn[k] = inside(r.g, senses[k], within)
		}
	}
	// Second pass, one sense per name. A name placed by a division or
	// country after it is that place wherever the document uses it:
	// "Georgetown" in a story that names "Georgetown, Ky." once.
	chosen := map[string]int32{}
	moved := map[string]Entry{} // the town names moved off their first sense, and where
	for k, in := range placedIn {
		if _, ok := chosen[names[k]]; !ok && in >= 0 {
			chosen[names[k]] = in
			if _, town := own[names[k]]; town {
				moved[names[k]] = r.g.Entries[in]
			}
		}
	}
	places := make([]parley.Place, len(spans))
	towns := map[int32]int{}
	for k, s := range spans {
		places[k] = parley.Place{Tokens: s}
		b, ok := chosen[names[k]]
		if placedIn[k] >= 0 {
			b, ok = placedIn[k], true
		}
		if !ok {
			if len(senses[k]) == 0 {
				continue
			}
			v, town := own[names[k]]
			// A town's name is resolved by all the names' votes, its
			// own included; the other names move it to another of its
			// senses when they place it there: near a local town they
			// clearly name ("London" beside "St. Thomas" is in Ontario)
			// or, unless it is a national capital, in a division they
			// clearly name ("Paris" in a story naming Texas); or to a
			// county of a country they vote for ("Cornwall" in a story
			// from Exeter). Its own votes do not count then: "London"
			// said ten times is not ten votes for Britain. A story
			// naming the state of New York and Athens is still about
			// Greece's Athens.
			b = best(r.g, senses[k], all, nil)
			if town {
				var near []Entry // the local towns other names clearly are
				for _, a := range anchors {
					if a.name != names[k] {
						near = append(near, a.e)
					}
				}
				others := all.without(v)
				o := best(r.g, senses[k], others, near)
				if e := r.g.Entries[o]; o != b && (isNear(e, near) || divisions[e.Country+"."+e.Admin1] && r.g.Entries[b].Feature != Capital ||
					e.Feature == Admin2 && others.countries[e.Country] >= 1) {
					b = o
					moved[names[k]] = e
				} else if c := elsewhere(r.g, senses[k], b, others, named); c >= 0 {
					b = c
					moved[names[k]] = r.g.Entries[c]
				}
			}
			chosen[names[k]] = b
		}
		e := r.g.Entries[b]
		places[k] = r.place(s, e)
		if isTown(e) {
			towns[b]++
		}
	}
	// The focus counts a moved name's votes where it went (in the names'
	// order, so that sums, and so ties, come out the same every time).
	for _, name := range slices.Sorted(maps.Keys(moved)) {
		e := moved[name]
		w := 0.0
		for _, x := range own[name].countries {
			w += x
		}
		all = all.without(own[name])
		all.add(e, w)
	}
	focus, top := "", topKey(all.countries)
	if top != "" {
		focus = r.g.Alpha3(top)
	}
	if o.Guess {
		// The focus: the town of the focus country named most, else the
		// focus country.
		var town int32 = -1
		for t, n := range towns {
			if r.g.Entries[t].Country != top {
				continue
			}
			if town < 0 || n > towns[town] || n == towns[town] && t < town {
				town = t
			}
		}
		for k := range places {
			if places[k].Name != "" {
				continue
			}
			switch {
			case town >= 0:
				places[k] = r.place(spans[k], r.g.Entries[town])
			case focus != "":
				if c, ok := r.g.Country(focus); ok {
					places[k] = r.place(spans[k], r.g.Entries[c.Entry])
				}
			}
			places[k].Approximate = true
		}
	}
	return places, focus
}

// place returns the Place of entry e at span s.
func (r *Resolver) place(s parley.Span, e Entry) parley.Place {
	return parley.Place{Tokens: s, GeoNameID: e.ID, Name: e.Name, Country: r.g.Alpha3(e.Country), Admin1: e.Admin1,
		Feature: e.Feature, Lat: e.Lat, Lon: e.Lon}
}

// best returns the sense of cands that scores best given the document's
// votes for countries and divisions (none for priors only) and the local
// towns it clearly names (near); ties go to the first. A town within
// nearKm of one of them is likelier than its namesakes far away.
func best(g *Gazetteer, cands []int32, v votes, near []Entry) int32 {
	bi, bs := cands[0], math.Inf(-1)
	topCountry := topKey(v.countries)
	for _, c := range cands {
		e := g.Entries[c]
		s := prior(e)
		if e.Country != "" {
			if w := v.countries[e.Country]; w > 0 {
				s += 2 + 1.5*math.Min(w, 4) // country bonus
				if e.Country == topCountry {
					s++
				}
			}
			if v.admins[e.Country+"."+e.Admin1] > 0 && e.Feature != Admin1 {
				s += 3
			}
		}
		if len(cands) > 1 && isTown(e) && isNear(e, near) {
			s += 3
		}
		if s > bs {
			bi, bs = c, s
		}
	}
	return bi
}

// isNear reports whether e lies within nearKm of one of the towns near.
func isNear(e Entry, near []Entry) bool {
	for _, a := range near {
		if parley.Distance(e.Lat, e.Lon, a.Lat, a.Lon) <= nearKm {
			return true
		}
	}
	return false
}

// votes are a document's votes for countries ("UA") and first-level
// divisions ("UA.12"), from the senses of the names it uses.
// elsewhere returns the sense among senses, a town of another country
// than sense b's, that a town's name has when the story names that
// country by its name twice or more and b's country never (by no name at
// all), and the town is a city (100,000 people or more; the largest
// such), or -1. "London" in a story naming Canada twice and Britain
// never is London, Ontario — though London is a capital, unlike a
// division's town ("Paris" in a story naming Texas stays in France).
// Only countries named outright count: towns of the wrong sense vote for
// the wrong country ("Edmonton" in a story from London).
func elsewhere(g *Gazetteer, senses []int32, b int32, others votes, named map[string]float64) int32 {
	home := g.Entries[b].Country
	if others.countries[home] > 0 {
		return -1
	}
	best := int32(-1)
	for _, c := range senses {
		e := g.Entries[c]
		if e.Country != home && isTown(e) && e.Pop >= 100000 && named[e.Country] >= 2 && (best < 0 || e.Pop > g.Entries[best].Pop) {
			best = c
		}
	}
	return best
}

type votes struct{ countries, admins map[string]float64 }

func newVotes() votes { return votes{map[string]float64{}, map[string]float64{}} }

// add adds w votes for e's country and, unless e is a country, its
// division; it returns v.
func (v votes) add(e Entry, w float64) votes {
	if e.Country == "" {
		return v
	}
	v.countries[e.Country] += w
	if e.Feature != Country && e.Admin1 != "" {
		v.admins[e.Country+"."+e.Admin1] += w
	}
	return v
}

// without returns v less the votes of o (v itself when o has none).
func (v votes) without(o votes) votes {
	if len(o.countries) == 0 {
		return v
	}
	less := func(m, o map[string]float64) map[string]float64 {
		out := make(map[string]float64, len(m))
		for k, x := range m {
			if x -= o[k]; x > 1e-9 {
				out[k] = x
			}
		}
		return out
	}
	return votes{less(v.countries, o.countries), less(v.admins, o.admins)}
}

// anchor is the clear sense of a local town's name a document uses.
type anchor struct {
	name string // folded
	e    Entry
}

// nearKm is how close a town must be to a local town the document names
// clearly to count as near it; a local town has fewer than localPop
// people. A city is named by stories from anywhere, so being near one
// says little: every large city has a namesake of some town near another
// ("Dallas", Georgia, beside Atlanta). A part of a city (PPLX) is no
// anchor either: news names it with its city, and the royal "Balmoral"
// and "Sandringham" are suburbs of Australian cities too.
const (
	nearKm   = 100
	localPop = 100_000
)

// isTown reports whether e is a populated place rather than a country,
// division, continent or sea.
func isTown(e Entry) bool {
	switch e.Feature {
	case Country, Continent, Water, Admin1, Admin2:
		return false
	}
	return true
}

// inside returns the best sense of cands in the division or country
// "CC.ADM" or "CC", or -1.
func inside(g *Gazetteer, cands []int32, region string) int32 {
	country, admin, _ := strings.Cut(region, ".")
	var in []int32
	for _, c := range cands {
		e := g.Entries[c]
		if e.Country == country && (admin == "" || e.Admin1 == admin) && e.Feature != Country && e.Feature != Admin1 {
			in = append(in, c)
		}
	}
	if len(in) == 0 {
		return -1
	}
	return best(g, in, votes{}, nil)
}

// clearCountry reports whether the country of sense b of cands is clear:
// every sense near it on priors is in the same country.
func clearCountry(g *Gazetteer, cands []int32, b int32) bool {
	pb, cb := prior(g.Entries[b]), g.Entries[b].Country
	for _, c := range cands {
		if c != b && pb-prior(g.Entries[c]) < 2 && g.Entries[c].Country != cb {
			return false
		}
	}
	return true
}

// topKey returns the key with the largest value, the smallest key on a
// tie; "" for an empty map.
func topKey(m map[string]float64) string {
	top, tv := "", 0.0
	for k, v := range m {
		if v > tv || v == tv && k < top {
			top, tv = k, v
		}
	}
	return top
}
