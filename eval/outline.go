package eval

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/parley-events/parley"
)

// Outlines locates points in countries, from the Natural Earth outlines of
// world-atlas (countries-50m.json, TopoJSON) and the ISO codes of
// world-countries.json. It is safe for concurrent use.
type Outlines struct {
	polys []outlinePolygon
	cells [][]int32 // polygon indexes by 1° cell, see cell
	names map[string]string
}

// outlinePolygon is one polygon of a country: its rings (the first the
// outer one, the others holes; rings are tested together, even-odd), their
// bounding box, and their edges by latitude band.
type outlinePolygon struct {
	country                string
	minX, minY, maxX, maxY float64
	edges                  []outlineEdge
	bandH                  float64   // height of a band in degrees
	bands                  [][]int32 // edge indexes by band: every edge whose latitudes meet the band
}

type outlineEdge struct{ x1, y1, x2, y2 float64 }

// The outline files LoadOutlines reads.
const (
	outlinesFile  = "countries-50m.json"
	countriesFile = "world-countries.json"
)

// unnumbered gives the countries of the Natural Earth outlines that have
// no ISO numeric code (world-atlas leaves their id out), by name, as
// GeoNames places them. Kosovo is found by its name in
// world-countries.json; Siachen Glacier, disputed, stays without a
// country; "Indian Ocean Ter." (Christmas Island, Cocos Islands) is
// split in addPolygon.
var unnumbered = map[string]string{"Somaliland": "SO", "N. Cyprus": "CY"}

// LoadOutlines reads countries-50m.json and world-countries.json from
// dir. Errors are *parley.Error values naming the file: of kind
// parley.NotFound when a file is missing, parley.IO when reading fails,
// parley.Invalid when a file is not what it should be.
func LoadOutlines(dir string) (*Outlines, error) {
	return loadOutlines(os.DirFS(dir), dir)
}

func loadOutlines(fsys fs.FS, dir string) (*Outlines, error) {
	const op = "eval.LoadOutlines"
	read := func(name string) ([]byte, error) {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			kind := parley.IO
			if errors.Is(err, fs.ErrNotExist) {
				kind = parley.NotFound
			}
			return nil, &parley.Error{Op: op, Kind: kind, Input: filepath.Join(dir, name), Err: err}
		}
		return data, nil
	}
	invalid := func(name string, format string, args ...any) error {
		return &parley.Error{Op: op, Kind: parley.Invalid, Input: filepath.Join(dir, name), Err: fmt.Errorf(format, args...)}
	}

	data, err := read(countriesFile)
	if err != nil {
		return nil, err
	}
	var countries []struct {
		Name struct {
			Common   string `json:"common"`
			Official string `json:"official"`
		} `json:"name"`
		CCA2         string   `json:"cca2"`
		CCN3         string   `json:"ccn3"`
		AltSpellings []string `json:"altSpellings"`
	}
	if err := json.Unmarshal(data, &countries); err != nil {
		return nil, invalid(countriesFile, "%v", err)
	}
	o := &Outlines{names: map[string]string{}}
	byNumber := map[int]string{}
	for _, c := range countries {
		code := strings.ToUpper(strings.TrimSpace(c.CCA2))
		if len(code) != 2 {
			continue
		}
		if n, err := strconv.Atoi(strings.TrimSpace(c.CCN3)); err == nil {
			byNumber[n] = code
		}
		for _, name := range append([]string{c.Name.Common, c.Name.Official}, c.AltSpellings...) {
			if k := foldName(name); k != "" && o.names[k] == "" {
				o.names[k] = code
			}
		}
	}
	if len(byNumber) == 0 {
		return nil, invalid(countriesFile, "no country with cca2 and ccn3 codes")
	}
	for name, code := range countryAliases {
		if k := foldName(name); o.names[k] == "" {
			o.names[k] = code
		}
	}

	data, err = read(outlinesFile)
	if err != nil {
		return nil, err
	}
	var topo struct {
		Type      string `json:"type"`
		Transform *struct {
			Scale     [2]float64 `json:"scale"`
			Translate [2]float64 `json:"translate"`
		} `json:"transform"`
		Arcs    [][][]float64 `json:"arcs"`
		Objects map[string]struct {
			Geometries []struct {
				Type       string          `json:"type"`
				ID         json.RawMessage `json:"id"`
				Arcs       json.RawMessage `json:"arcs"`
				Properties struct {
					Name string `json:"name"`
				} `json:"properties"`
			} `json:"geometries"`
		} `json:"objects"`
	}
	if err := json.Unmarshal(data, &topo); err != nil {
		return nil, invalid(outlinesFile, "%v", err)
	}
	if topo.Type != "Topology" {
		return nil, invalid(outlinesFile, "not TopoJSON: type %q, want Topology", topo.Type)
	}
	obj, ok := topo.Objects["countries"]
	if !ok {
		return nil, invalid(outlinesFile, `no "countries" object`)
	}
	scale, translate, quantized := [2]float64{1, 1}, [2]float64{}, false
	if t := topo.Transform; t != nil {
		scale, translate, quantized = t.Scale, t.Translate, true
	}
	arcs, err := decodeArcs(topo.Arcs, scale, translate, quantized)
	if err != nil {
		return nil, invalid(outlinesFile, "%v", err)
	}
	for i, g := range obj.Geometries {
		var polygons [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			err = json.Unmarshal(g.Arcs, &p)
			polygons = [][][]int{p}
		case "MultiPolygon":
			err = json.Unmarshal(g.Arcs, &polygons)
		default:
			continue // null or not an area
		}
		if err != nil {
			return nil, invalid(outlinesFile, "geometry %d (%s): arcs: %v", i, g.Properties.Name, err)
		}
		country := ""
		if n, ok := geometryNumber(g.ID); ok {
			country = byNumber[n]
		}
		if country == "" {
			country = cmp.Or(o.CountryByName(g.Properties.Name), unnumbered[g.Properties.Name])
		}
		for _, rings := range polygons {
			ps, err := newOutlinePolygons(arcs, rings)
			if err != nil {
				return nil, invalid(outlinesFile, "geometry %d (%s): %v", i, g.Properties.Name, err)
			}
			for _, p := range ps {
				o.addPolygon(p, country, g.Properties.Name)
			}
		}
	}
	if len(o.polys) == 0 {
		return nil, invalid(outlinesFile, "no country outline")
	}
	o.index()
	return o, nil
}

// addPolygon adds a polygon of the country with the ISO code country
// ("" when the outline's id and name are unknown) and the Natural Earth
// name name; a polygon without a country is dropped.
func (o *Outlines) addPolygon(p *outlinePolygon, country, name string) {
	p.country = country
	if name == "Indian Ocean Ter." && country == "" {
		// Christmas Island lies east of 100°E, the Cocos Islands west.
		p.country = "CC"
		if p.minX > 100 {
			p.country = "CX"
		}
	}
	if p.country != "" {
		o.polys = append(o.polys, *p)
	}
}

// geometryNumber reads a TopoJSON id that holds an ISO numeric code, as
// a string ("004", "4") or a number.
func geometryNumber(raw json.RawMessage) (int, bool) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		return n, err == nil
	}
	var f float64
	if json.Unmarshal(raw, &f) == nil && f == math.Trunc(f) {
		return int(f), true
	}
	return 0, false
}

// decodeArcs returns the arcs of a topology as points in degrees
// (x = longitude, y = latitude). Quantized positions are delta-encoded
// and transformed: x = (sum of the x deltas)·scale[0] + translate[0].
func decodeArcs(raw [][][]float64, scale, translate [2]float64, quantized bool) ([][][2]float64, error) {
	arcs := make([][][2]float64, len(raw))
	for i, arc := range raw {
		pts := make([][2]float64, 0, len(arc))
		var qx, qy float64
		for _, pos := range arc {
			if len(pos) < 2 {
				return nil, fmt.Errorf("arc %d: position with %d coordinates", i, len(pos))
			}
			if quantized {
				qx, qy = qx+pos[0], qy+pos[1]
			} else {
				qx, qy = pos[0], pos[1]
			}
			x, y := qx*scale[0]+translate[0], qy*scale[1]+translate[1]
			if !(math.Abs(x) <= 360 && math.Abs(y) <= 91) {
				return nil, fmt.Errorf("arc %d: point (%g, %g) is not a longitude and a latitude", i, x, y)
			}
			pts = append(pts, [2]float64{x, y})
		}
		arcs[i] = pts
	}
	return arcs, nil
}

// newOutlinePolygons builds a polygon from its rings of arc indexes (a
// negative index ~i is arc i reversed). It returns none for a polygon
// without area, one, or two when the polygon crosses the antimeridian.
//
// World-atlas keeps the topology of the sphere: a ring may cross the
// antimeridian (jumping from 180° to −180°: Russia's Chukotka, an island
// of Fiji) or wind around a pole (Antarctica). Each ring is unwrapped so
// that no edge spans more than 180° of longitude, which may take it past
// ±180°; a ring that then ends 360° from where it began is closed by way
// of the nearer pole; and a polygon that reaches past ±180° gets a copy
// shifted by 360°, so that every point in −180…180 finds it.
func newOutlinePolygons(arcs [][][2]float64, rings [][]int) ([]*outlinePolygon, error) {
	var all [][][2]float64
	for _, ring := range rings {
		var pts [][2]float64
		for _, a := range ring {
			i, reverse := a, false
			if a < 0 {
				i, reverse = ^a, true
			}
			if i >= len(arcs) {
				return nil, fmt.Errorf("arc %d of %d", i, len(arcs))
			}
			arc := arcs[i]
			for k := range arc {
				pt := arc[k]
				if reverse {
					pt = arc[len(arc)-1-k]
				}
				if k == 0 && len(pts) > 0 {
					continue // the previous arc ends where this one starts
				}
				pts = append(pts, pt)
			}
		}
		if len(pts) < 3 {
			continue
		}
		if pts[0] != pts[len(pts)-1] {
			pts = append(pts, pts[0])
		}
		sumY := 0.0
		for k := range pts {
			if k > 0 {
				pts[k][0] -= 360 * math.Round((pts[k][0]-pts[k-1][0])/360)
			}
			sumY += pts[k][1]
		}
		if first, last := pts[0], pts[len(pts)-1]; last[0] != first[0] {
			pole := 90.0
			if sumY < 0 {
				pole = -90
			}
			pts = append(pts, [2]float64{last[0], pole}, [2]float64{first[0], pole}, first)
		}
		if len(all) > 0 {
			// Keep a hole within 180° of its outer ring.
			shift := 360 * math.Round((meanX(all[0])-meanX(pts))/360)
			for k := range pts {
				pts[k][0] += shift
			}
		}
		all = append(all, pts)
	}
	p := outlinePolygonOf(all, 0)
	if p == nil {
		return nil, nil
	}
	polys := []*outlinePolygon{p}
	if p.minX < -180 {
		polys = append(polys, outlinePolygonOf(all, 360))
	}
	if p.maxX > 180 {
		polys = append(polys, outlinePolygonOf(all, -360))
	}
	return polys, nil
}

// meanX returns the mean longitude of pts.
func meanX(pts [][2]float64) float64 {
	s := 0.0
	for _, pt := range pts {
		s += pt[0]
	}
	return s / float64(len(pts))
}

// outlinePolygonOf builds the polygon of closed rings shifted east by
// dx degrees, or returns nil when it has no area.
func outlinePolygonOf(rings [][][2]float64, dx float64) *outlinePolygon {
	p := &outlinePolygon{minX: math.Inf(1), minY: math.Inf(1), maxX: math.Inf(-1), maxY: math.Inf(-1)}
	for _, pts := range rings {
		for k := 1; k < len(pts); k++ {
			a, b := pts[k-1], pts[k]
			if a != b {
				p.edges = append(p.edges, outlineEdge{a[0] + dx, a[1], b[0] + dx, b[1]})
			}
			p.minX, p.maxX = math.Min(p.minX, a[0]+dx), math.Max(p.maxX, a[0]+dx)
			p.minY, p.maxY = math.Min(p.minY, a[1]), math.Max(p.maxY, a[1])
		}
	}
	if len(p.edges) < 3 {
		return nil
	}
	n := min(max(len(p.edges)/8, 1), 4096)
	p.bandH = (p.maxY - p.minY) / float64(n)
	if !(p.bandH > 0) || p.maxX <= p.minX {
		return nil
	}
	p.bands = make([][]int32, n)
	for k, e := range p.edges {
		lo, hi := p.band(math.Min(e.y1, e.y2)), p.band(math.Max(e.y1, e.y2))
		for b := lo; b <= hi; b++ {
			p.bands[b] = append(p.bands[b], int32(k))
		}
	}
	return p
}

// band returns the band of latitude y, clamped to the polygon's bands.
func (p *outlinePolygon) band(y float64) int {
	return min(max(int((y-p.minY)/p.bandH), 0), len(p.bands)-1)
}

// contains reports whether the point (x, y) lies inside p: a ray cast
// east from it crosses p's edges an odd number of times.
func (p *outlinePolygon) contains(x, y float64) bool {
	if x < p.minX || x > p.maxX || y < p.minY || y > p.maxY {
		return false
	}
	in := false
	for _, k := range p.bands[p.band(y)] {
		e := p.edges[k]
		if (e.y1 > y) != (e.y2 > y) && x < e.x1+(y-e.y1)*(e.x2-e.x1)/(e.y2-e.y1) {
			in = !in
		}
	}
	return in
}

// The grid of the bounding-box prefilter: 1° cells, 360 a row from 180°W,
// rows from 90°S.
const gridCols, gridRows = 360, 180

func cell(x, y float64) int {
	col := min(max(int(math.Floor(x+180)), 0), gridCols-1)
	row := min(max(int(math.Floor(y+90)), 0), gridRows-1)
	return row*gridCols + col
}

// index builds the grid: each cell lists the polygons whose bounding box
// meets it.
func (o *Outlines) index() {
	o.cells = make([][]int32, gridCols*gridRows)
	for i, p := range o.polys {
		c0, c1 := cell(p.minX, p.minY), cell(p.maxX, p.maxY)
		for row := c0 / gridCols; row <= c1/gridCols; row++ {
			for col := c0 % gridCols; col <= c1%gridCols; col++ {
				o.cells[row*gridCols+col] = append(o.cells[row*gridCols+col], int32(i))
			}
		}
	}
}

// Country returns the ISO 3166-1 alpha-2 code of the country whose
// outline holds the point at latitude lat and longitude lon (degrees;
// a longitude outside -180…180 is wrapped), or "" when the point is at
// sea, outside every outline, or not a valid point. A point exactly on a
// border may be given to either side. The outlines are Natural Earth's
// at 1:50m: a point on a coast may fall just outside, a small island may
// be missing, and overseas parts of a country (French Guiana,
// Martinique, Réunion, Svalbard, Bonaire) belong to it, not to their own
// ISO code.
func (o *Outlines) Country(lat, lon float64) string {
	if o == nil || len(o.cells) == 0 || math.IsNaN(lat) || math.IsNaN(lon) || math.IsInf(lon, 0) || lat < -90 || lat > 90 {
		return ""
	}
	if lon < -180 || lon > 180 {
		lon = math.Mod(lon+180, 360)
		if lon < 0 {
			lon += 360
		}
		lon -= 180
	}
	for _, i := range o.cells[cell(lon, lat)] {
		if p := &o.polys[i]; p.contains(lon, lat) {
			return p.country
		}
	}
	return ""
}

// kmPerDegree is the length of a degree of latitude, in km, on the
// sphere of Haversine.
const kmPerDegree = earthRadius * math.Pi / 180

// CountryNear returns the country of the point like Country, or, when
// the point lies in no outline, the country whose outline passes nearest
// to it within km kilometres; "" when there is none. Natural Earth's
// 1:50m coasts are simplified, and the GeoNames points of coastal cities
// (New York, Copenhagen, Beirut, Lagos) fall a few kilometres out at
// sea: CountryNear(lat, lon, 20) places them.
func (o *Outlines) CountryNear(lat, lon, km float64) string {
	c := o.Country(lat, lon)
	if c != "" || km <= 0 || o == nil || len(o.cells) == 0 || math.IsNaN(lat) || math.IsNaN(lon) || math.IsInf(lon, 0) || lat < -90 || lat > 90 {
		return c
	}
	if lon < -180 || lon > 180 {
		lon = math.Mod(lon+180, 360)
		if lon < 0 {
			lon += 360
		}
		lon -= 180
	}
	cosLat := math.Cos(lat * math.Pi / 180)
	dy := km / kmPerDegree
	dx := 180.0
	if cosLat*180 > dy {
		dx = dy / cosLat
	}
	// The distance from (lon, lat) to a point, in km, on a plane tangent
	// at (lon, lat): good enough for the few kilometres that matter.
	proj := func(x, y float64) (float64, float64) {
		return (x - lon) * cosLat * kmPerDegree, (y - lat) * kmPerDegree
	}
	best := km
	seen := map[int32]bool{}
	c0, c1 := cell(lon-dx, lat-dy), cell(lon+dx, lat+dy)
	for row := c0 / gridCols; row <= c1/gridCols; row++ {
		for col := c0 % gridCols; col <= c1%gridCols; col++ {
			for _, i := range o.cells[row*gridCols+col] {
				p := &o.polys[i]
				if seen[i] || lon+dx < p.minX || lon-dx > p.maxX || lat+dy < p.minY || lat-dy > p.maxY {
					continue
				}
				seen[i] = true
				for b := p.band(lat - dy); b <= p.band(lat+dy); b++ {
					for _, k := range p.bands[b] {
						e := p.edges[k]
						ax, ay := proj(e.x1, e.y1)
						bx, by := proj(e.x2, e.y2)
						if d := segmentDistance(ax, ay, bx, by); d < best {
							best, c = d, p.country
						}
					}
				}
			}
		}
	}
	return c
}

// segmentDistance returns the distance from the origin to the segment
// from (ax, ay) to (bx, by).
func segmentDistance(ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = min(max(-(ax*dx+ay*dy)/l, 0), 1)
	}
	return math.Hypot(ax+t*dx, ay+t*dy)
}

// countryAliases names countries the way GeoNames and the news do where
// world-countries.json does not.
var countryAliases = map[string]string{
	"Turkey":                            "TR",
	"Bonaire":                           "BQ",
	"Bonaire, Saint Eustatius and Saba": "BQ",
	"Cabo Verde":                        "CV",
	"Palestinian Territory":             "PS",
	"U.S. Virgin Islands":               "VI",
	"Britain":                           "GB",
	"Great Britain":                     "GB",
	"England":                           "GB",
	"Scotland":                          "GB",
	"Wales":                             "GB",
	"Northern Ireland":                  "GB",
}

// CountryByName returns the ISO 3166-1 alpha-2 code of the country named
// name, or "" when it knows none. It knows the common and official
// names and the alternative spellings of world-countries.json (which
// include the alpha-2 codes themselves) and a few names GeoNames uses
// where world-countries.json does not ("Turkey", "Bonaire", "Cabo
// Verde", "Palestinian Territory"). Case, accents on Latin letters,
// periods, apostrophes and other punctuation, and a leading "The" are
// ignored: "the Gambia", "Türkiye", "Turkiye" and "U.S." are found.
func (o *Outlines) CountryByName(name string) string {
	if o == nil {
		return ""
	}
	return o.names[foldName(name)]
}

// foldName returns name in lower case, with accents dropped from Latin
// letters, periods and apostrophes removed, other punctuation and white
// space separating words by one space, and a leading "the" removed.
func foldName(name string) string {
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			words = append(words, w.String())
			w.Reset()
		}
	}
	for _, r := range strings.ToLower(name) {
		switch {
		case r == '.' || r == '\'' || r == '’' || unicode.Is(unicode.Mn, r):
			// dropped: "U.S." is "us", "Cote d'Ivoire" "cote divoire"
		case latinFold[r] != "":
			w.WriteString(latinFold[r])
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			w.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// latinFold maps the accented Latin letters of Latin-1 and Latin
// Extended-A (lower case) to ASCII.
var latinFold = func() map[rune]string {
	m := map[rune]string{}
	for _, row := range []struct{ from, to string }{
		{"àáâãäåāăą", "a"}, {"çćĉċč", "c"}, {"ďđ", "d"}, {"èéêëēĕėęě", "e"},
		{"ĝğġģ", "g"}, {"ĥħ", "h"}, {"ìíîïĩīĭįı", "i"}, {"ĵ", "j"}, {"ķ", "k"},
		{"ĺļľŀł", "l"}, {"ñńņňŉ", "n"}, {"òóôõöøōŏő", "o"}, {"ŕŗř", "r"},
		{"śŝşš", "s"}, {"ţťŧ", "t"}, {"ùúûüũūŭůűų", "u"}, {"ŵ", "w"},
		{"ýÿŷ", "y"}, {"źżž", "z"}, {"æ", "ae"}, {"œ", "oe"}, {"ß", "ss"}, {"þ", "th"}, {"ð", "d"},
	} {
		for _, r := range row.from {
			m[r] = row.to
		}
	}
	return m
}()

// coastKm is how far out at sea SetCountries still places a point in
// the nearest country: every coastal city of GeoWebNews lies within 5 km
// of its country's outline, the GeoNames points of Trinidad and Tobago
// and of the Philippines (at sea between their islands) within 30 km,
// and the seas they name (the Persian Gulf, the Mediterranean) farther.
const coastKm = 30

// continents holds the GeoNames ids of the seven continents, which lie
// in no one country.
var continents = map[int]bool{6255146: true, 6255147: true, 6255148: true, 6255149: true, 6255150: true, 6255151: true, 6255152: true}

// SetCountries fills in the Country of the gold toponyms of docs that
// have none. It takes the country CountryName names when CountryByName
// knows it. Otherwise it places the coordinates with CountryNear within
// 30 km, except for the toponyms that lie in no one country: a GeoNames
// continent (by GeoNameID), or a place with a Feature but no
// CountryName (a TR-News gaztag of a continent, ocean or region). The
// others keep no country. Regions of several countries in a format
// without feature codes (GeoWebNews's "Middle East", "Western Europe")
// get the country of their GeoNames point.
func (o *Outlines) SetCountries(docs []*GeoDoc) {
	for _, d := range docs {
		if d == nil {
			continue
		}
		for i := range d.Gold {
			g := &d.Gold[i]
			switch {
			case g.Country != "":
			case g.CountryName != "" && o.CountryByName(g.CountryName) != "":
				g.Country = o.CountryByName(g.CountryName)
			case !g.HasCoords || continents[g.GeoNameID] || g.CountryName == "" && g.Feature != "":
			default:
				g.Country = o.CountryNear(g.Lat, g.Lon, coastKm)
			}
		}
	}
}
