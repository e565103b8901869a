package geo

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/klauspost/compress/zstd"
	"golang.org/x/text/unicode/norm"
)

// Feature classes of gazetteer entries, in the order a name's senses
// are preferred when nothing else tells them apart.
const (
	Continent = "CONT" // a continent or a region of the world ("the Middle East")
	Country   = "PCLI" // an independent country (and dependencies)
	Admin1    = "ADM1" // a first-level division: a state, province, oblast
	Admin2    = "ADM2" // a second-level division: a county
	Capital   = "PPLC" // a country's capital
	Water     = "H"    // a sea, gulf, strait
)

// Entry is a place of the gazetteer.
type Entry struct {
	ID      int     // GeoNames id; 0 for regions parley adds without one
	Name    string  // its name as GeoNames writes it ("Kyiv", "Genève")
	Country string  // ISO 3166-1 alpha-2 ("" for continents and seas)
	Admin1  string  // GeoNames admin1 code within the country ("12")
	Feature string  // GeoNames feature code ("PPLC", "PPLA", "PPL", "ADM1", "ADM2", "PCLI", "CONT", "H")
	Pop     int     // population (0 when unknown)
	Lat     float64 // degrees, to 1e-5 (about a metre)
	Lon     float64
}

// CountryInfo is a country of the gazetteer.
type CountryInfo struct {
	Alpha2, Alpha3 string
	Name           string // English common name
	Entry          int    // index of its entry
	Capital        int    // index of its capital's entry, or -1
}

// Gazetteer holds the places parley resolves toponyms to: GeoNames
// populated places of 1,000 people or more, first-level divisions (placed
// at the mean of their towns), countries with their names, codes and
// demonyms, continents and a few seas and regions, and English exonyms.
// Names are looked up folded: lower case, accents removed, punctuation
// dropped ("Genève" and "GENEVE" are "geneve"; "Washington, D.C." is
// "washington d c").
type Gazetteer struct {
	Entries   []Entry
	Countries []CountryInfo
	names     map[string]uint32 // folded name → its entry (ids), or many|i for lists[i]
	ids       []int32           // 0, 1, 2 …: a one-entry name's list, without a slice of its own
	lists     [][]int32         // the entries of names with more than one, in entry order
	alpha2    map[string]int    // ISO alpha-2 → index into Countries
	alpha3    map[string]int
	demonyms  map[string]bool // folded names that are demonyms ("ukrainian")
}

// Lookup returns the indexes of the entries named name (folded as the
// gazetteer folds names), in entry order; nil when none.
func (g *Gazetteer) Lookup(name string) []int32 { return g.LookupFolded(Fold(name)) }

// LookupFolded is Lookup for a name already folded.
func (g *Gazetteer) LookupFolded(folded string) []int32 {
	v, ok := g.names[folded]
	switch {
	case !ok:
		return nil
	case v&many != 0:
		return g.lists[v&^many]
	}
	return g.ids[v : v+1 : v+1]
}

// many marks a name with a list of entries (Gazetteer.names).
const many = 1 << 31

// IsDemonym reports whether a folded name is a demonym ("ukrainian").
func (g *Gazetteer) IsDemonym(folded string) bool { return g.demonyms[folded] }

// Country returns the country with ISO alpha-2 or alpha-3 code c.
func (g *Gazetteer) Country(c string) (CountryInfo, bool) {
	if k, ok := g.alpha2[c]; ok {
		return g.Countries[k], true
	}
	if k, ok := g.alpha3[c]; ok {
		return g.Countries[k], true
	}
	return CountryInfo{}, false
}

// Alpha3 returns the ISO alpha-3 code of the country with alpha-2 code a2,
// or "".
func (g *Gazetteer) Alpha3(a2 string) string {
	if k, ok := g.alpha2[a2]; ok {
		return g.Countries[k].Alpha3
	}
	return ""
}

// Fold returns the form names are indexed by: lower case, accents
// removed, letters and digits kept, every other run of characters one
// space, trimmed ("Washington, D.C." → "washington d c"; "Ras Bayrūt" →
// "ras bayrut"; "Xi’an" → "xian").
func Fold(s string) string {
	if isASCII(s) {
		return foldASCII(s)
	}
	return foldUnicode(s)
}

// foldASCII is Fold for ASCII text, which normalising leaves as it is:
// most names (four in five of the gazetteer's places are named in
// ASCII), and a third of the time loading it took.
func foldASCII(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '`':
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z':
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		default:
			space = true
		}
	}
	if string(b) == s {
		return s
	}
	return string(b)
}

// foldUnicode is Fold for any text.
func foldUnicode(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	// Invalid bytes are separators, replaced before normalising: NFD
	// leaves a letter after a broken sequence composed.
	for _, r := range norm.NFD.String(strings.ToValidUTF8(s, " ")) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '\'' || r == '’' || r == '‘' || r == '`' || r == 'ʻ' || r == 'ʼ':
			// apostrophes join ("Xi'an", "Sana'a")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// keysOf returns the keys each entry is indexed under, each once, none
// empty: the folded forms of its extra names, after its name's unless
// the name is ASCII (which Load folds quickly itself; see addOwnKey).
func keysOf(entries []Entry, names [][]string) [][]string {
	keys := make([][]string, len(entries))
	for k, e := range entries {
		own := Fold(e.Name)
		if !isASCII(e.Name) && own != "" {
			keys[k] = append(keys[k], own)
		}
		for _, n := range names[k] {
			if f := Fold(n); f != "" && f != own && !slices.Contains(keys[k], f) {
				keys[k] = append(keys[k], f)
			}
		}
	}
	return keys
}

// addOwnKey indexes entry e under the key of its name where keysOf left
// that key out: for a name in ASCII, folded here.
func (g *Gazetteer) addOwnKey(name string, e int32) {
	if !isASCII(name) {
		return
	}
	if key := foldASCII(name); key != "" {
		g.addKey(key, e)
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldAll returns the folded forms of names.
func foldAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = Fold(n)
	}
	return out
}

// startIndex makes the name index empty, for n entries.
func (g *Gazetteer) startIndex(n int) {
	g.names, g.lists = make(map[string]uint32, 2*n), nil
	g.ids = make([]int32, n)
	for i := range g.ids {
		g.ids[i] = int32(i)
	}
}

// addKey indexes entry e under key; entries come in their order.
func (g *Gazetteer) addKey(key string, e int32) {
	v, ok := g.names[key]
	switch {
	case !ok:
		g.names[key] = uint32(e)
	case v&many != 0:
		if l := g.lists[v&^many]; l[len(l)-1] != e {
			g.lists[v&^many] = append(l, e)
		}
	case int32(v) != e:
		g.names[key] = many | uint32(len(g.lists))
		g.lists = append(g.lists, []int32{int32(v), e})
	}
}

// index builds the lookup tables from Entries, Countries, the keys of
// each entry (keysOf) and the folded demonyms. Entries go to each key's
// list in their order.
func (g *Gazetteer) index(keys [][]string, demonyms []string) {
	g.startIndex(len(g.Entries))
	for k, ks := range keys {
		g.addOwnKey(g.Entries[k].Name, int32(k))
		for _, key := range ks {
			g.addKey(key, int32(k))
		}
	}
	g.tables(demonyms)
}

// tables builds the country and demonym tables.
func (g *Gazetteer) tables(demonyms []string) {
	g.alpha2, g.alpha3 = map[string]int{}, map[string]int{}
	for k, c := range g.Countries {
		g.alpha2[c.Alpha2], g.alpha3[c.Alpha3] = k, k
	}
	g.demonyms = make(map[string]bool, len(demonyms))
	for _, d := range demonyms {
		g.demonyms[d] = true
	}
}

// The binary form: a magic line, then zstd-compressed varint fields. The
// same gazetteer always gives the same bytes. Version 2 keeps the keys
// each entry is indexed under (keysOf) and the demonyms folded, so that
// Load folds only the names in ASCII, the quick case: 90–110 ms to load
// on one core, against 180–220 ms folding every name (docs/benchmarks.md).
const magic = "parley-gazetteer-2\n"

// encoder appends varints and strings.
type encoder struct{ b []byte }

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) str(s string)  { e.uint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) strs(s []string) {
	e.uint(uint64(len(s)))
	for _, x := range s {
		e.str(x)
	}
}

// marshal returns the gazetteer's binary form, with the keys of each
// entry (keysOf: the folded forms of its alternate names and exonyms, and
// of its name unless in ASCII) and the folded demonyms.
func marshal(g *Gazetteer, keys [][]string, demonyms []string) ([]byte, error) {
	var e encoder
	// Feature codes and admin1 codes repeat: tables of them.
	table := func(get func(Entry) string) ([]string, map[string]int) {
		var vals []string
		idx := map[string]int{}
		for _, en := range g.Entries {
			if _, ok := idx[get(en)]; !ok {
				idx[get(en)] = len(vals)
				vals = append(vals, get(en))
			}
		}
		return vals, idx
	}
	features, fidx := table(func(en Entry) string { return en.Feature })
	countries, cidx := table(func(en Entry) string { return en.Country })
	e.strs(features)
	e.strs(countries)
	e.uint(uint64(len(g.Entries)))
	prevID, prevLat, prevLon := 0, int64(0), int64(0)
	for k, en := range g.Entries {
		e.int(int64(en.ID - prevID))
		prevID = en.ID
		e.str(en.Name)
		e.uint(uint64(cidx[en.Country]))
		e.str(en.Admin1)
		e.uint(uint64(fidx[en.Feature]))
		e.uint(uint64(en.Pop))
		lat, lon := int64(math.Round(en.Lat*1e5)), int64(math.Round(en.Lon*1e5))
		e.int(lat - prevLat)
		e.int(lon - prevLon)
		prevLat, prevLon = lat, lon
		e.strs(keys[k])
	}
	e.uint(uint64(len(g.Countries)))
	for _, c := range g.Countries {
		e.str(c.Alpha2)
		e.str(c.Alpha3)
		e.str(c.Name)
		e.uint(uint64(c.Entry))
		e.int(int64(c.Capital))
	}
	e.strs(demonyms)
	var out bytes.Buffer
	out.WriteString(magic)
	zw, err := zstd.NewWriter(&out, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(e.b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// decoder reads what encoder wrote from b, remembering the first error.
// s holds the same bytes as b, as a string made once: the strings it
// reads are parts of s, not copies.
type decoder struct {
	b   []byte
	s   string
	err error
}

func newDecoder(b []byte) *decoder { return &decoder{b: b, s: string(b)} }

// skip moves past the next n bytes.
func (d *decoder) skip(n int) { d.b, d.s = d.b[n:], d.s[n:] }

func (d *decoder) uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.skip(n)
	return v
}

func (d *decoder) int() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.skip(n)
	return v
}

func (d *decoder) str() string {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return ""
	}
	s := d.s[:n]
	d.skip(int(n))
	if !utf8.ValidString(s) {
		d.fail()
	}
	return s
}

func (d *decoder) strs() []string {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	out := make([]string, 0, n)
	for range n {
		if out = append(out, d.str()); d.err != nil {
			return nil
		}
	}
	return out
}

func (d *decoder) count(max int) int {
	n := d.uint()
	if max < 0 || n > uint64(max) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errors.New("truncated or corrupt gazetteer")
	}
	d.b, d.s = nil, ""
}

// Load reads a gazetteer in the binary form Build's output is written in.
func Load(r io.Reader) (*Gazetteer, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, errors.New("not a parley gazetteer")
	}
	zr, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(64<<20))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	body, err := zr.DecodeAll(raw[len(magic):], nil)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	d := newDecoder(body)
	features, countries := d.strs(), d.strs()
	// An entry takes at least seven bytes: a corrupt count cannot make
	// Load allocate more than the body warrants.
	n := d.count(len(body) / 7)
	g := &Gazetteer{Entries: make([]Entry, 0, n)}
	g.startIndex(n)
	id, lat, lon := 0, int64(0), int64(0)
	for range n {
		id += int(d.int())
		en := Entry{ID: id, Name: d.str()}
		ci := d.count(len(countries) - 1)
		en.Admin1 = d.str()
		fi := d.count(len(features) - 1)
		en.Pop = int(d.uint())
		lat += d.int()
		lon += d.int()
		g.addOwnKey(en.Name, int32(len(g.Entries)))
		for range d.count(len(d.b)) {
			if key := d.str(); key != "" {
				g.addKey(key, int32(len(g.Entries)))
			}
		}
		if d.err != nil {
			return nil, d.err
		}
		en.Country, en.Feature = countries[ci], features[fi]
		en.Lat, en.Lon = float64(lat)/1e5, float64(lon)/1e5
		g.Entries = append(g.Entries, en)
	}
	nc := d.count(1000)
	for range nc {
		c := CountryInfo{Alpha2: d.str(), Alpha3: d.str(), Name: d.str(), Entry: d.count(len(g.Entries) - 1), Capital: int(d.int())}
		if c.Capital < -1 || c.Capital >= len(g.Entries) {
			d.fail()
		}
		g.Countries = append(g.Countries, c)
	}
	demonyms := d.strs()
	if d.err != nil {
		return nil, d.err
	}
	g.tables(demonyms)
	return g, nil
}

//go:embed gazetteer.bin
var gazetteerBin []byte

var defaultGazetteer = sync.OnceValues(func() (*Gazetteer, error) {
	g, err := Load(bytes.NewReader(gazetteerBin))
	if err != nil {
		return nil, fmt.Errorf("embedded gazetteer.bin: %w", err)
	}
	return g, nil
})

// DefaultGazetteer returns the embedded gazetteer, loading it once.
func DefaultGazetteer() (*Gazetteer, error) { return defaultGazetteer() }
