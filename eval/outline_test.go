package eval_test

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/eval"
)

// tinyTopology is a TopoJSON of three invented countries, quantized
// (x = 0.5·qx − 10, y = 0.5·qy) and delta-encoded:
//
//   - Bland (id "020"), a MultiPolygon: the square 0…10°E, 0…10°N with
//     the hole 3…7°E, 3…7°N. Its west side is arc 0 reversed.
//   - Aland (id 10, a number), a Polygon: the square 10°W…0, 0…10°N, whose
//     east side is arc 0, from (0, 0) by way of (2°E, 5°N) to (0, 10°N):
//     a bulge into Bland that only a correct reversal of arc 0 keeps out
//     of Bland. Bland comes first, so a wrong reversal shows.
//   - Cland (no id: found by its name), the square 20…22°E, 20…22°N.
const tinyTopology = `{
  "type": "Topology",
  "bbox": [-10, 0, 22, 22],
  "transform": {"scale": [0.5, 0.5], "translate": [-10, 0]},
  "objects": {
    "countries": {
      "type": "GeometryCollection",
      "geometries": [
        {"type": "MultiPolygon", "id": "020", "properties": {"name": "Bland"}, "arcs": [[[2, -1], [3]]]},
        {"type": "Polygon", "id": 10, "properties": {"name": "Aland"}, "arcs": [[0, 1]]},
        {"type": "Polygon", "properties": {"name": "Cland"}, "arcs": [[4]]},
        {"type": null, "id": "999", "properties": {"name": "Nowhere"}}
      ]
    },
    "land": {"type": "GeometryCollection", "geometries": []}
  },
  "arcs": [
    [[20, 0], [4, 10], [-4, 10]],
    [[20, 20], [-20, 0], [0, -20], [20, 0]],
    [[20, 0], [20, 0], [0, 20], [-20, 0]],
    [[26, 6], [0, 8], [8, 0], [0, -8], [-8, 0]],
    [[60, 40], [4, 0], [0, 4], [-4, 0], [0, -4]]
  ]
}`

// tinyCountries is a world-countries.json for tinyTopology.
const tinyCountries = `[
  {"name": {"common": "Aland", "official": "Republic of Aland", "native": {}}, "cca2": "XA", "ccn3": "010", "altSpellings": ["XA", "Alandia"]},
  {"name": {"common": "Bland", "official": "Bland Federation"}, "cca2": "XB", "ccn3": "20", "altSpellings": ["XB"]},
  {"name": {"common": "Cland", "official": "Cland"}, "cca2": "XC", "ccn3": "", "altSpellings": ["Çlandé-sur-Mer"]}
]`

// writeOutlines writes an outline directory and returns it.
func writeOutlines(tb testing.TB, topology, countries string) string {
	tb.Helper()
	dir := tb.TempDir()
	for name, data := range map[string]string{"countries-50m.json": topology, "world-countries.json": countries} {
		if data == "" {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

func TestOutlinesCountry(t *testing.T) {
	o, err := eval.LoadOutlines(writeOutlines(t, tinyTopology, tinyCountries))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lat, lon float64
		want     string
	}{
		{5, -5, "XA"},
		{5, 1, "XA"},   // Aland's bulge
		{8, 0.5, "XA"}, // Aland's bulge, north half
		{2, 0.5, "XA"},
		{5, 2.5, "XB"}, // just east of the bulge
		{1, 5, "XB"},
		{5, 8, "XB"},
		{5, 5, ""}, // Bland's hole
		{3.5, 6.5, ""},
		{21, 21, "XC"},
		{15, 5, ""},
		{-5, 5, ""},
		{5, 361, "XA"},  // wrapped: 1°E
		{5, -352, "XB"}, // wrapped: 8°E
		{95, 5, ""},
		{math.NaN(), 5, ""},
		{5, math.Inf(1), ""},
	}
	for _, tt := range tests {
		if got := o.Country(tt.lat, tt.lon); got != tt.want {
			t.Errorf("Country(%v, %v) = %q, want %q", tt.lat, tt.lon, got, tt.want)
		}
	}
	// 0.5° east of Bland is 55.4 km away at 5°N; the hole's middle is
	// 2° (222 km) from Bland.
	near := []struct {
		lat, lon, km float64
		want         string
	}{
		{5, 10.5, 60, "XB"},
		{5, 10.5, 50, ""},
		{5, 10.5, 0, ""},
		{5, -10.2, 30, "XA"},
		{5, 5, 230, "XB"},
		{5, 5, 200, ""},
		{5, 1, 1, "XA"},
		{19.9, 20.9, 15, "XC"},
	}
	for _, tt := range near {
		if got := o.CountryNear(tt.lat, tt.lon, tt.km); got != tt.want {
			t.Errorf("CountryNear(%v, %v, %v) = %q, want %q", tt.lat, tt.lon, tt.km, got, tt.want)
		}
	}
	var nilOutlines *eval.Outlines
	var zero eval.Outlines
	for _, o := range []*eval.Outlines{nilOutlines, &zero} {
		if got := o.Country(5, 5) + o.CountryNear(5, 5, 100) + o.CountryByName("Aland"); got != "" {
			t.Errorf("%#v: got %q, want nothing", o, got)
		}
	}
}

// wrapTopology is an unquantized TopoJSON (no transform) of two invented
// countries in world-atlas's spherical style: Dland, an island 178°E…
// 178°W crossing the antimeridian, and Eland, a ring of coast about the
// south pole at 78–80°S that jumps from 180° back to −180°.
const wrapTopology = `{
  "type": "Topology",
  "objects": {"countries": {"type": "GeometryCollection", "geometries": [
    {"type": "Polygon", "id": "030", "arcs": [[0]]},
    {"type": "MultiPolygon", "id": "040", "arcs": [[[1]]]}
  ]}},
  "arcs": [
    [[178, -10], [-178, -10], [-178, -12], [178, -12], [178, -10]],
    [[-180, -80], [-90, -78], [0, -80], [90, -78], [180, -80]]
  ]
}`

func TestOutlinesWrap(t *testing.T) {
	const countries = `[{"name": {"common": "Dland"}, "cca2": "XD", "ccn3": "030"}, {"name": {"common": "Eland"}, "cca2": "XE", "ccn3": "040"}]`
	o, err := eval.LoadOutlines(writeOutlines(t, wrapTopology, countries))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lat, lon float64
		want     string
	}{
		{-11, 179, "XD"},
		{-11, -179, "XD"},
		{-11, 180, "XD"},
		{-11, -180, "XD"},
		{-11, 177, ""},
		{-11, -177, ""},
		{-11, 0, ""},
		{-85, 0, "XE"},
		{-85, 170, "XE"},
		{-85, -179.9, "XE"},
		{-89.99, 45, "XE"},
		{-79, 0, ""},     // north of the coast at 0°
		{-79, -90, "XE"}, // south of the coast at 90°W
		{85, 0, ""},
	}
	for _, tt := range tests {
		if got := o.Country(tt.lat, tt.lon); got != tt.want {
			t.Errorf("Country(%v, %v) = %q, want %q", tt.lat, tt.lon, got, tt.want)
		}
	}
	if got := o.CountryNear(-11, -177.5, 60); got != "XD" {
		t.Errorf("CountryNear east of the antimeridian = %q, want XD", got)
	}
}

func TestOutlinesCountryByName(t *testing.T) {
	o, err := eval.LoadOutlines(writeOutlines(t, tinyTopology, tinyCountries))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, want string }{
		{"Aland", "XA"},
		{"  republic of ALAND ", "XA"},
		{"Alandia", "XA"},
		{"X.A.", "XA"},
		{"The Bland Federation", "XB"},
		{"bland-federation", "XB"},
		{"Çlandé-sur-Mer", "XC"},
		{"Clande sur mer", "XC"},
		{"Turkey", "TR"}, // an alias, whatever the file holds
		{"Nowhere", ""},
		{"", ""},
		{"The", ""},
	}
	for _, tt := range tests {
		if got := o.CountryByName(tt.name); got != tt.want {
			t.Errorf("CountryByName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestOutlinesSetCountries(t *testing.T) {
	o, err := eval.LoadOutlines(writeOutlines(t, tinyTopology, tinyCountries))
	if err != nil {
		t.Fatal(err)
	}
	doc := &eval.GeoDoc{Gold: []eval.GoldToponym{
		{Name: "by name", CountryName: "Bland", Lat: 5, Lon: -5, HasCoords: true, Feature: "PPL"},
		{Name: "unknown name", CountryName: "Atlantis", Lat: 5, Lon: -5, HasCoords: true, Feature: "PPL"},
		{Name: "coordinates", Lat: 21, Lon: 21, HasCoords: true},
		{Name: "coast", Lat: 5, Lon: 10.2, HasCoords: true},
		{Name: "sea", Lat: 30, Lon: 5, HasCoords: true},
		{Name: "region", Lat: 5, Lon: 8, HasCoords: true, Feature: "RGN"},
		{Name: "continent", Lat: 5, Lon: 8, HasCoords: true, GeoNameID: 6255148},
		{Name: "no coordinates"},
		{Name: "given", Country: "ZZ", Lat: 5, Lon: 8, HasCoords: true},
	}}
	o.SetCountries([]*eval.GeoDoc{doc, nil})
	want := []string{"XB", "XA", "XC", "XB", "", "", "", "", "ZZ"}
	for i, g := range doc.Gold {
		if g.Country != want[i] {
			t.Errorf("%s: Country %q, want %q", g.Name, g.Country, want[i])
		}
	}
}

func TestLoadOutlinesErrors(t *testing.T) {
	tests := []struct {
		name                string
		topology, countries string
		kind                parley.Kind
		file, msg           string
	}{
		{"no countries file", tinyTopology, "", parley.NotFound, "world-countries.json", ""},
		{"no outlines file", "", tinyCountries, parley.NotFound, "countries-50m.json", ""},
		{"countries not JSON", tinyTopology, "[{", parley.Invalid, "world-countries.json", ""},
		{"no codes", tinyTopology, `[{"cca2": "XA"}]`, parley.Invalid, "world-countries.json", "no country with"},
		{"outlines not JSON", "{", tinyCountries, parley.Invalid, "countries-50m.json", ""},
		{"not a topology", `{"type": "FeatureCollection"}`, tinyCountries, parley.Invalid, "countries-50m.json", "not TopoJSON"},
		{"no countries object", `{"type": "Topology", "objects": {}, "arcs": []}`, tinyCountries, parley.Invalid, "countries-50m.json", `no "countries" object`},
		{"arc out of range", strings.Replace(tinyTopology, "[[4]]", "[[5]]", 1), tinyCountries, parley.Invalid, "countries-50m.json", "arc 5 of 5"},
		{"not degrees", strings.Replace(tinyTopology, "[60, 40]", "[60, 400]", 1), tinyCountries, parley.Invalid, "countries-50m.json", "is not a longitude and a latitude"},
		{"huge", strings.Replace(tinyTopology, "[60, 40]", "[1e300, 40]", 1), tinyCountries, parley.Invalid, "countries-50m.json", "is not a longitude and a latitude"},
		{"short position", strings.Replace(tinyTopology, "[60, 40]", "[60]", 1), tinyCountries, parley.Invalid, "countries-50m.json", "position with 1 coordinates"},
		{"bad arcs", strings.Replace(tinyTopology, "[[4]]", `"x"`, 1), tinyCountries, parley.Invalid, "countries-50m.json", "Cland"},
		{"no outline", tinyTopology, `[{"name": {"common": "Zed"}, "cca2": "XQ", "ccn3": "99"}]`, parley.Invalid, "countries-50m.json", "no country outline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeOutlines(t, tt.topology, tt.countries)
			o, err := eval.LoadOutlines(dir)
			if o != nil || parley.KindOf(err) != tt.kind {
				t.Fatalf("got %v, %v; want kind %v", o, err, tt.kind)
			}
			if !strings.Contains(err.Error(), filepath.Join(dir, tt.file)) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not name %s and mention %q", err, tt.file, tt.msg)
			}
		})
	}
}

// corpusOutlines loads the outlines of ../shared/data/geo once.
var corpusOutlines = sync.OnceValues(func() (*eval.Outlines, error) {
	if _, err := os.Stat(geoDataDir); err != nil {
		return nil, nil
	}
	return eval.LoadOutlines(geoDataDir)
})

const geoDataDir = "../../shared/data/geo"

// loadCorpusOutlines returns the outlines of ../shared/data/geo, or nil
// when the directory is absent.
func loadCorpusOutlines(tb testing.TB) *eval.Outlines {
	tb.Helper()
	o, err := corpusOutlines()
	if err != nil {
		tb.Fatal(err)
	}
	return o
}

// TestOutlinesCorpus places well-known points with the Natural Earth
// outlines of ../shared/data/geo.
func TestOutlinesCorpus(t *testing.T) {
	if _, err := os.Stat(geoDataDir); err != nil {
		t.Skipf("skipping: %s not present (the outlines live in ../shared/data/geo)", geoDataDir)
	}
	start := time.Now()
	o, err := eval.LoadOutlines(geoDataDir)
	if err != nil {
		t.Fatal(err)
	}
	loaded := time.Since(start)
	tests := []struct {
		place    string
		lat, lon float64
		want     string
	}{
		{"Paris", 48.8566, 2.3522, "FR"},
		{"Kyiv", 50.45, 30.52, "UA"},
		{"Istanbul", 41.01, 28.95, "TR"},
		{"New Orleans", 29.95, -90.07, "US"},
		{"mid-Atlantic", 30, -40, ""},
		{"Honolulu", 21.3069, -157.8583, "US"},
		{"Tokyo", 35.6895, 139.6917, "JP"},
		{"Maseru (Lesotho, a hole in South Africa)", -29.31, 27.48, "LS"},
		{"Bloemfontein", -29.12, 26.21, "ZA"},
		{"San Marino", 43.94, 12.45, "SM"},
		{"Viti Levu (Fiji)", -17.8, 178.0, "FJ"},
		{"Vanua Levu (Fiji, up to 180°)", -16.6, 179.5, "FJ"},
		{"Taveuni (Fiji, east of 180°)", -16.85, -179.95, "FJ"},
		{"Chukotka (Russia, west of 180°)", 66, -172, "RU"},
		{"Pristina (Kosovo, no ISO number)", 42.67, 21.17, "XK"},
		{"Hargeisa (Somaliland)", 9.56, 44.06, "SO"},
		{"South Pole", -89.5, 0, "AQ"},
		{"Null Island", 0, 0, ""},
	}
	for _, tt := range tests {
		if got := o.Country(tt.lat, tt.lon); got != tt.want {
			t.Errorf("%s (%v, %v): %q, want %q", tt.place, tt.lat, tt.lon, got, tt.want)
		}
	}
	// GeoNames puts these cities a few kilometres out at sea by the
	// 1:50m coasts.
	for _, tt := range []struct {
		place    string
		lat, lon float64
		want     string
	}{
		{"New York", 40.71427, -74.00597, "US"},
		{"Copenhagen", 55.67594, 12.56553, "DK"},
		{"Beirut", 33.89332, 35.50157, "LB"},
	} {
		if got := o.Country(tt.lat, tt.lon); got != "" {
			t.Errorf("%s: Country %q, want \"\" (the outlines moved?)", tt.place, got)
		}
		if got := o.CountryNear(tt.lat, tt.lon, 10); got != tt.want {
			t.Errorf("%s: CountryNear %q, want %q", tt.place, got, tt.want)
		}
	}
	for name, want := range map[string]string{
		"Turkey": "TR", "United States": "US", "United Kingdom": "GB", "Russia": "RU", "Bonaire": "BQ",
		"Macao": "MO", "North Korea": "KP", "Côte d'Ivoire": "CI", "Ivory Coast": "CI", "Czech Republic": "CZ",
		"the Gambia": "GM", "U.S.": "US", "Palestinian Territory": "PS", "Cabo Verde": "CV", "Reunion": "RE",
	} {
		if got := o.CountryByName(name); got != want {
			t.Errorf("CountryByName(%q) = %q, want %q", name, got, want)
		}
	}

	rng := rand.New(rand.NewPCG(1, 2))
	points := make([][2]float64, 10000)
	for i := range points {
		points[i] = [2]float64{rng.Float64()*180 - 90, rng.Float64()*360 - 180}
	}
	start = time.Now()
	land := 0
	for _, p := range points {
		if o.Country(p[0], p[1]) != "" {
			land++
		}
	}
	looked := time.Since(start)
	// About 29% of the earth is land, including Antarctica, but points
	// drawn uniformly in latitude and longitude crowd the poles.
	if land < 2000 || land > 4500 {
		t.Errorf("%d of 10,000 random points on land", land)
	}
	if looked > 2*time.Second {
		t.Errorf("10,000 lookups took %v", looked)
	}
	t.Logf("LoadOutlines %v; 10,000 random lookups %v (%d on land)", loaded, looked, land)
}

func BenchmarkOutlinesCountry(b *testing.B) {
	o := loadCorpusOutlines(b)
	if o == nil {
		b.Skipf("skipping: %s not present", geoDataDir)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	points := make([][2]float64, 1024)
	for i := range points {
		points[i] = [2]float64{rng.Float64()*180 - 90, rng.Float64()*360 - 180}
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		p := points[i%len(points)]
		o.Country(p[0], p[1])
	}
}

func BenchmarkLoadOutlines(b *testing.B) {
	if _, err := os.Stat(geoDataDir); err != nil {
		b.Skipf("skipping: %s not present", geoDataDir)
	}
	for b.Loop() {
		if _, err := eval.LoadOutlines(geoDataDir); err != nil {
			b.Fatal(err)
		}
	}
}
