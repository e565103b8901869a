package geo

import (
	"bytes"
	"math"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/tokenize"
)

// FuzzLoad feeds Load corrupt gazetteers: each must be rejected or read
// whole, never panic, and every index it hands out must be in range.
func FuzzLoad(f *testing.F) {
	g := &Gazetteer{
		Entries: []Entry{
			{Name: "Europe", Feature: Continent, Lat: 50, Lon: 10},
			{ID: 1, Name: "Arnor", Country: "AR", Feature: Country, Lat: 51.5, Lon: -0.1},
			{ID: 2, Name: "Annúminas", Country: "AR", Admin1: "01", Feature: Capital, Pop: 12000, Lat: 52.25, Lon: -1.5},
		},
		Countries: []CountryInfo{{Alpha2: "AR", Alpha3: "ARN", Name: "Arnor", Entry: 1, Capital: 2}},
	}
	seed, err := marshal(g, keysOf(g.Entries, [][]string{{"Old World"}, {"Kingdom of Arnor", "Arnorian"}, nil}), foldAll([]string{"Arnorian"}))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add(seed[:len(seed)/2])
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, in []byte) {
		g, err := Load(bytes.NewReader(in))
		if err != nil {
			return
		}
		for name := range g.names {
			for _, k := range g.LookupFolded(name) {
				if k < 0 || int(k) >= len(g.Entries) {
					t.Fatalf("name index %d of %d entries", k, len(g.Entries))
				}
			}
		}
		for _, c := range g.Countries {
			if c.Entry < 0 || c.Entry >= len(g.Entries) || c.Capital < -1 || c.Capital >= len(g.Entries) {
				t.Fatalf("country %+v of %d entries", c, len(g.Entries))
			}
		}
	})
}

// FuzzLookup looks names up in the embedded gazetteer: Fold is
// idempotent and gives valid UTF-8, and every sense is an entry with
// coordinates on the globe.
func FuzzLookup(f *testing.F) {
	for _, s := range []string{"Kyiv", "KIEV", "Genève", "Washington, D.C.", "São Paulo", "", "\xff", "İstanbul", "the Middle East"} {
		f.Add(s)
	}
	g, err := DefaultGazetteer()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Fold(s)
		if !utf8.ValidString(k) {
			t.Fatalf("Fold(%q) = %q: invalid UTF-8", s, k)
		}
		if k2 := Fold(k); k2 != k {
			t.Fatalf("Fold not idempotent: %q → %q → %q", s, k, k2)
		}
		if u := foldUnicode(s); u != k {
			t.Fatalf("Fold(%q) = %q, but the Unicode path gives %q", s, k, u)
		}
		for _, e := range g.Lookup(s) {
			if e < 0 || int(e) >= len(g.Entries) {
				t.Fatalf("Lookup(%q): index %d", s, e)
			}
			en := g.Entries[e]
			if math.Abs(en.Lat) > 90 || math.Abs(en.Lon) > 180 {
				t.Fatalf("Lookup(%q): %+v off the globe", s, en)
			}
		}
	})
}

// FuzzResolve resolves the words of any text as place names: every word
// alone, then every other one, in text order and reversed (Resolve takes
// spans in any order). It must never panic, must give one place per span,
// each on the globe, and must not depend on the order of the spans.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"The storm hit Paris, Texas, overnight.", "Qqzzvillex, Texas, was spared.", "China, Mongolia and Russia met.",
		"London police thanked crews from St. Thomas.", ", , Kyiv ,", "", "\xff, Odesa",
	} {
		f.Add(s)
	}
	r, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := parley.NewDoc(s)
		d.Tokens = tokenize.Append(nil, s)
		for _, step := range []int{1, 2} {
			var spans []parley.Span
			for i := 0; i < len(d.Tokens); i += step {
				spans = append(spans, parley.Span{Start: i, End: i + 1})
			}
			fwd, _ := r.Resolve(d, spans, Options{Guess: true})
			if len(fwd) != len(spans) {
				t.Fatalf("%q: %d places for %d spans", s, len(fwd), len(spans))
			}
			back := slices.Clone(spans)
			slices.Reverse(back)
			rev, _ := r.Resolve(d, back, Options{Guess: true})
			for k, p := range fwd {
				if math.Abs(p.Lat) > 90 || math.Abs(p.Lon) > 180 {
					t.Fatalf("%q: %+v off the globe", s, p)
				}
				if q := rev[len(rev)-1-k]; q.Name != p.Name || q.Country != p.Country {
					t.Fatalf("%q: %s is %s, %s in text order but %s, %s with the spans reversed", s, d.SpanText(spans[k]), p.Name, p.Country, q.Name, q.Country)
				}
			}
		}
	})
}
