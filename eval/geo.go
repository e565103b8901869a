package eval

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parley-events/parley"
)

// This file reads geoparsing gold sets (`parley eval geo`) and scores a
// toponym resolver against them the way Gritta et al. (2018, "What's
// missing in geographical parsing?", and 2019, "A Pragmatic Guide to
// Geoparsing Evaluation") do: accuracy within 161 km, the area under the
// curve of log errors, the mean error, and, beside them, country accuracy
// and toponym recognition.
//
// ReadGeo knows three layouts, all an <articles> element holding
// <article> elements, each with a <text> and its toponyms given by
// character offsets into that text:
//
// GeoWebNews (Gritta et al. 2019):
//
//	<article file="0">
//	  <title>…</title> <link>…</link>
//	  <text>…</text>
//	  <toponyms>
//	    <toponym>
//	      <extractedName>Afrin</extractedName> <normalisedName>Afrin District</normalisedName>
//	      <type>Literal</type> <modifierType/> <nonLocational>No</nonLocational>
//	      <start>612</start> <end>617</end>
//	      <geonamesID>174184</geonamesID> <latitude>36.54891</latitude> <longitude>36.79295</longitude>
//	    </toponym> …
//
// TR-News and LGL (GeoNames gaztags; a toponym without a gaztag has no
// coordinates):
//
//	<article docid="1040001">
//	  <title>…</title> <url>…</url> <domain>…</domain> <dltime>2016-12-19</dltime>
//	  <text><![CDATA[…]]></text>
//	  <toponyms>
//	    <toponym>
//	      <phrase>Ankara</phrase> <start>…</start> <end>…</end>
//	      <gaztag geonameid="323786">
//	        <name>Ankara</name> <fclass>P</fclass> <fcode>PPLC</fcode> <lat>39.91987</lat> <lon>32.85427</lon>
//	        <country geonameid="298795">Turkey</country> <admin1 …>…</admin1>
//	      </gaztag>
//	    </toponym> …
//
// GeoVirus and WikToR-style files:
//
//	<article>
//	  <text>…</text>
//	  <locations>
//	    <location><name>…</name> <start>…</start> <end>…</end> <lat>…</lat> <lon>…</lon></location> …

// GeoDoc is one article of a geoparsing gold set.
type GeoDoc struct {
	Name string // "file:article-id": the name given to ReadGeo, a colon and ID
	// ID is the article's file, docid or id attribute, or, when it has
	// none, its 1-based position in the file.
	ID string
	// Text is the content of <text>, entities and character references
	// decoded and CDATA sections unwrapped, nothing else changed (XML
	// itself reads the line ends "\r\n" and "\r" as "\n"); the file's
	// offsets count its characters. It is valid UTF-8.
	Text string
	// Published is the date of TR-News's <dltime> at midnight UTC: the
	// field is written in a dozen styles ("2016-12-19", "Dec 17, 2016
	// 10:00 AM CT", "7:58 AM ET, Sat January 3, 2015"), of which only the
	// date is kept. It is zero when the file gives none.
	Published time.Time
	Gold      []GoldToponym // in file order
}

// GoldToponym is a gold toponym of a GeoDoc.
type GoldToponym struct {
	// Start and End are byte offsets into GeoDoc.Text, converted from the
	// file's character (Unicode code point) offsets; Start < End.
	Start, End int
	// Name is the toponym as written, Text[Start:End]. It equals the
	// file's <extractedName>, <phrase> or <name>, with surrounding white
	// space trimmed, unless the file gives none.
	Name      string
	Lat, Lon  float64
	HasCoords bool // the gold gives coordinates (Lat and Lon are 0 otherwise)
	GeoNameID int  // the GeoNames id (<geonamesID>, gaztag geonameid); 0 when none
	// Country is the ISO 3166-1 alpha-2 code of the place's country, ""
	// when unknown. No format gives it as a code: ReadGeo leaves it empty
	// and Outlines.SetCountries derives it from CountryName or from the
	// coordinates.
	Country string
	// CountryName is the country of a TR-News gaztag as named there
	// ("Turkey", "United States"); "" for the other formats and for
	// gaztags without a <country> (continents, oceans, regions).
	CountryName string
	// Feature is the GeoNames feature code of a TR-News gaztag ("PPLC",
	// "PCLI", "CONT", "OCN"); "" for the other formats.
	Feature string
	// Type is GeoWebNews's <type> (Literal, Associative, Metonymic,
	// Demonym, Non_Lit_Expression, …); "" for the other formats.
	Type string
	// NonLocational reports GeoWebNews's <nonLocational>Yes</nonLocational>:
	// the expression names no place ("Non_Lit_Expression" such as "the
	// home team"). Such toponyms are not gold for recognition.
	NonLocational bool
}

// Toponym reports whether t names a place: all of TR-News's and
// WikToR's, and GeoWebNews's but for its location expressions
// (Literal_Expression "the city", Non_Lit_Expression "the home team") and
// its Non_Toponym names (a place's name used for something else). Those
// have no coordinates; the gold-span resolution of Gritta et al. (2018)
// is given the toponyms only.
func (t GoldToponym) Toponym() bool {
	switch t.Type {
	case "Literal_Expression", "Non_Lit_Expression", "Non_Toponym":
		return false
	}
	return true
}

// spanSearch is how far (in characters, either way) ReadGeo looks for a
// toponym's name when the file's offsets miss it.
const spanSearch = 32

// ReadGeo reads a geoparsing gold set from r to the end: GeoWebNews,
// TR-News (or LGL, which has the same layout) or a GeoVirus-style file
// (see the comment at the top of this file for the layouts). It tells
// them apart by their elements, toponym by toponym: the name is the first
// of <extractedName>, <phrase> and <name> found, coordinates come from
// <latitude> and <longitude>, <lat> and <lon>, or the <lat> and <lon> of a
// <gaztag>. Name identifies the input in errors and in GeoDoc.Name,
// typically the file name.
//
// The file must be well-formed XML (the five XML entities, character
// references, HTML entities such as &nbsp; and CDATA sections are
// decoded; an encoding declaration may name UTF-8, US-ASCII or
// ISO-8859-1) with at least one <article> holding a <text>. Every
// <toponym> or <location> inside an <article> is a gold toponym; its
// <start> and <end> are character (Unicode code point) offsets into the
// article's text, which ReadGeo converts to byte offsets.
//
// When the text at a toponym's offsets is not its name, ReadGeo looks for
// the name within 32 characters either way, nearest first (preferring an
// earlier place on a tie), and moves the span there. In TR-News the
// offsets of 117 toponyms, in 19 articles, miss their phrase: mostly they
// drift back by up to ten characters through an article, as if its text
// had lost characters after it was annotated. A toponym whose span is outside
// the text, empty or inverted, and whose name is not found near it, is
// skipped; so is one without a <start> or <end> that parse. Coordinates
// that do not parse or are out of range, and a GeoNames id that does not
// parse, are dropped and the toponym kept. A <dltime> that holds no date
// leaves Published zero. An <article> without a <text> is skipped.
//
// ReadGeo returns the articles it read. When it moved, skipped or dropped
// something, it returns them together with a non-nil error that joins
// (errors.Join) one *parley.Error of kind parley.Invalid per problem,
// naming name and the line of the element at fault. It returns no
// articles only when reading r fails (kind parley.IO), when the file is
// not well-formed XML (kind parley.Invalid, with the line), or when it
// holds no readable article (kind parley.Invalid).
func ReadGeo(r io.Reader, name string) ([]*GeoDoc, error) {
	const op = "eval.ReadGeo"
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &parley.Error{Op: op, Kind: parley.IO, Input: name, Err: err}
	}
	g := &geoReader{name: name}
	if err := g.run(data); err != nil {
		return nil, err
	}
	if len(g.docs) == 0 {
		errs := append([]error{&parley.Error{Op: op, Kind: parley.Invalid, Input: name, Err: errors.New("no <article> with a <text>")}}, g.errs...)
		return nil, errors.Join(errs...)
	}
	return g.docs, errors.Join(g.errs...)
}

// geoReader holds the state of one ReadGeo call.
type geoReader struct {
	name     string
	docs     []*GeoDoc
	errs     []error
	articles int // <article> elements seen
}

// fail records a problem at line.
func (g *geoReader) fail(line int, format string, args ...any) {
	g.errs = append(g.errs, &parley.Error{Op: "eval.ReadGeo", Kind: parley.Invalid, Input: g.name, Line: line, Err: fmt.Errorf(format, args...)})
}

// geoField is the text of an element inside an article or toponym, with
// the line of its start tag and its attributes.
type geoField struct {
	text  strings.Builder
	line  int
	attrs []xml.Attr
}

// geoElement collects the elements inside an <article> (outside its
// toponyms) or inside one <toponym>, by their path below it ("text",
// "gaztag/lat"). The first element of a path wins; the text of the
// elements inside it is added to it.
type geoElement struct {
	line   int
	attrs  []xml.Attr
	fields map[string]*geoField
}

// get returns the trimmed text of the element at path, its line, and
// whether it is there and not empty.
func (e *geoElement) get(path string) (string, int, bool) {
	f := e.fields[path]
	if f == nil {
		return "", e.line, false
	}
	s := strings.TrimSpace(f.text.String())
	return s, f.line, s != ""
}

// first returns the first of paths that get finds.
func (e *geoElement) first(paths ...string) (string, int, bool) {
	for _, p := range paths {
		if s, line, ok := e.get(p); ok {
			return s, line, true
		}
	}
	return "", e.line, false
}

// run decodes the XML of data.
func (g *geoReader) run(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Entity = xml.HTMLEntity
	d.CharsetReader = timeMLCharset
	var (
		stack    []string    // local names of the open elements
		article  *geoElement // the open <article>, nil outside one
		artDepth int         // len(stack) inside the <article>
		toponyms []*geoElement
		topo     *geoElement // the open <toponym> or <location>, nil outside one
		topDepth int
		field    *geoField // the field that gathers text, nil for none
		fieldAt  int       // len(stack) inside the field's element
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			msg := err.Error()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line, msg = se.Line, se.Msg
			}
			return &parley.Error{Op: "eval.ReadGeo", Kind: parley.Invalid, Input: g.name, Line: line, Err: fmt.Errorf("not well-formed XML: %s", msg)}
		}
		line, _ := d.InputPos()
		switch t := tok.(type) {
		case xml.StartElement:
			local := t.Name.Local
			stack = append(stack, local)
			switch {
			case field != nil:
				// inside a field: its text gathers this element's text too
			case article == nil:
				if local == "article" {
					g.articles++
					article, artDepth, toponyms = newGeoElement(line, t.Attr), len(stack), nil
				}
			case topo == nil && (local == "toponym" || local == "location"):
				topo, topDepth = newGeoElement(line, t.Attr), len(stack)
			case topo != nil:
				field, fieldAt = topo.open(stack[topDepth:], line, t.Attr), len(stack)
			default:
				field, fieldAt = article.open(stack[artDepth:], line, t.Attr), len(stack)
			}
		case xml.EndElement:
			n := len(stack)
			stack = stack[:n-1]
			switch {
			case field != nil:
				if n == fieldAt {
					field = nil
				}
			case topo != nil && n == topDepth:
				toponyms = append(toponyms, topo)
				topo = nil
			case article != nil && n == artDepth:
				g.article(article, toponyms)
				article, toponyms = nil, nil
			}
		case xml.CharData:
			if field != nil {
				field.text.Write(t)
			}
		}
	}
	if g.articles == 0 {
		return &parley.Error{Op: "eval.ReadGeo", Kind: parley.Invalid, Input: g.name, Err: errors.New("not a geoparsing gold set: no <article> element")}
	}
	return nil
}

// newGeoElement returns an empty geoElement for a start tag.
func newGeoElement(line int, attrs []xml.Attr) *geoElement {
	return &geoElement{line: line, attrs: attrs, fields: map[string]*geoField{}}
}

// open records the element at path below e (the local names below e's
// own element) and returns the field that gathers its text, or nil: an
// element already seen at the same path gathers nothing (the first one
// counts), and a container (<toponyms>, <locations>, <gaztag>) keeps only
// its attributes, its children becoming fields of their own.
func (e *geoElement) open(path []string, line int, attrs []xml.Attr) *geoField {
	key := strings.Join(path, "/")
	if e.fields[key] != nil {
		return nil
	}
	f := &geoField{line: line, attrs: attrs}
	e.fields[key] = f
	switch path[len(path)-1] {
	case "toponyms", "locations", "gaztag":
		return nil
	}
	return f
}

// article turns a finished <article> and its toponyms into a GeoDoc.
func (g *geoReader) article(a *geoElement, toponyms []*geoElement) {
	id := ""
	for _, k := range []string{"file", "docid", "id"} {
		if v, ok := attr(a.attrs, k); ok && strings.TrimSpace(v) != "" {
			id = strings.TrimSpace(v)
			break
		}
	}
	if id == "" {
		id = strconv.Itoa(g.articles)
	}
	f := a.fields["text"]
	if f == nil {
		g.fail(a.line, "article %s has no <text>: skipped", id)
		return
	}
	doc := &GeoDoc{Name: g.name + ":" + id, ID: id, Text: f.text.String()}
	if s, line, ok := a.get("dltime"); ok {
		if t, ok := looseDate(s); ok {
			doc.Published = t
		} else {
			g.fail(line, "article %s: <dltime> %q holds no date", id, s)
		}
	}
	idx := newRuneIndex(doc.Text)
	for _, t := range toponyms {
		if gt, ok := g.toponym(doc, idx, t); ok {
			doc.Gold = append(doc.Gold, gt)
		}
	}
	g.docs = append(g.docs, doc)
}

// toponym reads one <toponym> or <location> of doc; false means it is
// skipped.
func (g *geoReader) toponym(doc *GeoDoc, idx *runeIndex, t *geoElement) (GoldToponym, bool) {
	var gt GoldToponym
	name, _, _ := t.first("extractedName", "phrase", "name")
	startText, startLine, okStart := t.get("start")
	endText, endLine, okEnd := t.get("end")
	cs, errStart := strconv.Atoi(startText)
	ce, errEnd := strconv.Atoi(endText)
	switch {
	case !okStart || !okEnd:
		g.fail(t.line, "article %s: toponym %q without <start> and <end>: skipped", doc.ID, name)
		return gt, false
	case errStart != nil:
		g.fail(startLine, "article %s: toponym %q: <start> %q is not a number: skipped", doc.ID, name, startText)
		return gt, false
	case errEnd != nil:
		g.fail(endLine, "article %s: toponym %q: <end> %q is not a number: skipped", doc.ID, name, endText)
		return gt, false
	}
	start, end, fits := idx.span(cs, ce)
	if !fits || name != "" && doc.Text[start:end] != name {
		at, ok := idx.find(name, cs, spanSearch)
		if !ok {
			g.fail(startLine, "article %s: toponym %q at characters %d–%d %s, and the name is not within %d characters: skipped", doc.ID, name, cs, ce, idx.describe(cs, ce), spanSearch)
			return gt, false
		}
		g.fail(startLine, "article %s: toponym %q at characters %d–%d %s; moved %+d characters to the name", doc.ID, name, cs, ce, idx.describe(cs, ce), idx.chars(at)-cs)
		start, end = at, at+len(name)
	}
	gt.Start, gt.End, gt.Name = start, end, doc.Text[start:end]

	lat, latLine, okLat := t.first("latitude", "lat", "gaztag/lat")
	lon, lonLine, okLon := t.first("longitude", "lon", "gaztag/lon")
	switch {
	case okLat && okLon:
		y, errY := strconv.ParseFloat(lat, 64)
		x, errX := strconv.ParseFloat(lon, 64)
		switch {
		case errY != nil || math.IsNaN(y) || y < -90 || y > 90:
			g.fail(latLine, "article %s: toponym %q: latitude %q is not a number from -90 to 90: coordinates dropped", doc.ID, name, lat)
		case errX != nil || math.IsNaN(x) || x < -180 || x > 180:
			g.fail(lonLine, "article %s: toponym %q: longitude %q is not a number from -180 to 180: coordinates dropped", doc.ID, name, lon)
		default:
			gt.Lat, gt.Lon, gt.HasCoords = y, x, true
		}
	case okLat || okLon:
		g.fail(t.line, "article %s: toponym %q has a latitude or a longitude, not both: coordinates dropped", doc.ID, name)
	}

	id, idLine, okID := t.get("geonamesID")
	if !okID {
		if gz := t.fields["gaztag"]; gz != nil {
			id, okID = attr(gz.attrs, "geonameid")
			id, idLine, okID = strings.TrimSpace(id), gz.line, okID && strings.TrimSpace(id) != ""
		}
	}
	if okID {
		if n, err := strconv.Atoi(id); err == nil && n > 0 {
			gt.GeoNameID = n
		} else {
			g.fail(idLine, "article %s: toponym %q: GeoNames id %q is not a positive number: dropped", doc.ID, name, id)
		}
	}
	gt.CountryName, _, _ = t.get("gaztag/country")
	gt.Feature, _, _ = t.get("gaztag/fcode")
	gt.Type, _, _ = t.get("type")
	if s, _, _ := t.get("nonLocational"); strings.EqualFold(s, "yes") || strings.EqualFold(s, "true") {
		gt.NonLocational = true
	}
	return gt, true
}

// runeIndex converts character (code point) offsets into a text to byte
// offsets and back.
type runeIndex struct {
	text  string
	n     int   // characters in text
	bytes []int // bytes[i] is the byte offset of character i; nil when text is ASCII
}

func newRuneIndex(text string) *runeIndex {
	x := &runeIndex{text: text, n: utf8.RuneCountInString(text)}
	if x.n != len(text) {
		x.bytes = make([]int, 0, x.n)
		for i := range text {
			x.bytes = append(x.bytes, i)
		}
	}
	return x
}

// offset returns the byte offset of character c, 0 ≤ c ≤ n.
func (x *runeIndex) offset(c int) int {
	if x.bytes == nil || c == x.n {
		return c + len(x.text) - x.n // c, or len(text) when c == n
	}
	return x.bytes[c]
}

// chars returns the character offset of byte offset b, a character
// boundary.
func (x *runeIndex) chars(b int) int {
	if x.bytes == nil {
		return b
	}
	return utf8.RuneCountInString(x.text[:b])
}

// span returns the byte offsets of the characters [cs, ce) and whether
// they make a non-empty span inside the text.
func (x *runeIndex) span(cs, ce int) (start, end int, ok bool) {
	if cs < 0 || ce <= cs || ce > x.n {
		return 0, 0, false
	}
	return x.offset(cs), x.offset(ce), true
}

// describe says what the characters [cs, ce) cover, for an error.
func (x *runeIndex) describe(cs, ce int) string {
	switch {
	case cs < 0 || ce > x.n:
		return "is outside the text"
	case ce <= cs:
		return "is empty"
	}
	start, end, _ := x.span(cs, ce)
	return fmt.Sprintf("reads %q", x.text[start:end])
}

// find returns the byte offset of the occurrence of name that starts
// nearest to character c, at most within characters either way, the
// earlier of two equally near.
func (x *runeIndex) find(name string, c, within int) (int, bool) {
	if name == "" {
		return 0, false
	}
	for d := 0; d <= within; d++ {
		for _, at := range [2]int{c - d, c + d} {
			if at >= 0 && at < x.n {
				if b := x.offset(at); strings.HasPrefix(x.text[b:], name) {
					return b, true
				}
			}
			if d == 0 {
				break
			}
		}
	}
	return 0, false
}

var (
	isoDate   = regexp.MustCompile(`\b((?:19|20)\d\d)-(\d\d?)-(\d\d?)\b`)
	slashDate = regexp.MustCompile(`\b(\d\d?)/(\d\d?)/((?:19|20)\d\d)\b`)
	dateWord  = regexp.MustCompile(`[0-9]+(?::[0-9]+)*(?:st|nd|rd|th|am|pm|AM|PM)?|[A-Za-z]+`)
)

// months maps the first three letters of an English month name to its
// number.
var months = map[string]time.Month{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// looseDate finds a date in s: 2016-12-19, 11/28/2016 (month first), or a
// month name with a day and a four-digit year in any order ("Dec 17, 2016
// 10:00 AM CT", "9 Oct 2012, 7:43am EDT", "2016 Oct 10", "December 9th
// 2016"). Times of day, weekdays and zones are ignored. It returns the
// date at midnight UTC.
func looseDate(s string) (time.Time, bool) {
	valid := func(y, m, d int) (time.Time, bool) {
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if m < 1 || m > 12 || d < 1 || t.Day() != d {
			return time.Time{}, false
		}
		return t, true
	}
	if m := isoDate.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		return valid(y, mo, d)
	}
	if m := slashDate.FindStringSubmatch(s); m != nil {
		mo, _ := strconv.Atoi(m[1])
		d, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		return valid(y, mo, d)
	}
	var year, month, day int
	for _, w := range dateWord.FindAllString(s, -1) {
		switch {
		case w[0] > '9': // a word
			if len(w) >= 3 && month == 0 {
				if m, ok := months[strings.ToLower(w[:3])]; ok && (len(w) == 3 || isMonthName(strings.ToLower(w))) {
					month = int(m)
				}
			}
		case strings.Contains(w, ":") || strings.HasSuffix(strings.ToLower(w), "m"):
			// a time of day
		default:
			digits := strings.TrimRight(w, "stndrh")
			n, err := strconv.Atoi(digits)
			switch {
			case err != nil:
			case len(digits) == 4 && year == 0:
				year = n
			case len(digits) <= 2 && day == 0:
				day = n
			}
		}
	}
	if year == 0 || month == 0 || day == 0 {
		return time.Time{}, false
	}
	return valid(year, month, day)
}

// isMonthName reports whether w, in lower case, is an English month name
// or a prefix of one ("dec", "sept", "december").
func isMonthName(w string) bool {
	for _, name := range [...]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"} {
		if strings.HasPrefix(name, w) {
			return true
		}
	}
	return false
}

// GeoPrediction is a system's resolution of a toponym: its span (byte
// offsets into the GeoDoc's Text) and where it put it.
type GeoPrediction struct {
	Start, End int
	Lat, Lon   float64
	Country    string // ISO 3166-1 alpha-2, "" when unknown
	Resolved   bool   // false when the system found the toponym but could not place it
}

// GeoScore is the result of ScoreGeo. Fractions are from 0 to 1 rounded
// to four decimals, 0 when undefined (nothing to divide by).
type GeoScore struct {
	Docs     int `json:"docs"`
	Toponyms int `json:"toponyms"` // gold toponyms with coordinates: the ones resolution is scored on
	Resolved int `json:"resolved"` // of those, how many got a resolved prediction with exactly their span

	Acc161          float64 `json:"acc161"`           // fraction of Toponyms placed within 161 km (100 miles)
	CountryAccuracy float64 `json:"country_accuracy"` // fraction of Toponyms with a gold Country predicted in that country
	MeanErrorKm     float64 `json:"mean_error_km"`    // mean distance over the Resolved ones, km rounded to 2 decimals
	// AUC is Gritta et al.'s area under the curve of log errors: the mean
	// over Toponyms of ln(1+error km)/ln(20039), an unplaced toponym
	// counting 1. Lower is better; 0 is perfect.
	AUC float64 `json:"auc"`

	RecognitionPrecision float64 `json:"recognition_precision"` // predicted spans that are gold spans / predicted spans
	RecognitionRecall    float64 `json:"recognition_recall"`    // gold spans predicted / gold spans
	RecognitionF1        float64 `json:"recognition_f1"`
}

// earthRadius is the mean radius of the earth in km; maxErrorKm is half
// the circumference Gritta et al. take as the largest error.
const (
	earthRadius = 6371.0
	maxErrorKm  = 20039.0
	acc161Km    = 161.0
)

// Haversine returns the great-circle distance in km between two points
// given in degrees, on a sphere of radius 6371 km (parley.Distance).
func Haversine(lat1, lon1, lat2, lon2 float64) float64 {
	return parley.Distance(lat1, lon1, lat2, lon2)
}

// ScoreGeo scores predicted toponyms against the gold of docs: pred[i]
// holds the predictions for docs[i]; a pred shorter than docs means no
// predictions for the documents beyond it, and predictions beyond the
// last document are ignored. Figures are micro-averaged over all
// documents.
//
// Resolution is scored with gold spans, as Gritta et al. (2018) do: each
// gold toponym with coordinates takes the prediction with exactly its
// span, the first placed one when there are several (GeoWebNews annotates
// 191 spans twice: as a Non_Toponym without coordinates and as a place).
// It is placed when that prediction is Resolved with a latitude
// from -90 to 90 and a finite longitude; its error is the Haversine
// distance to the gold point. A gold toponym without such a prediction
// counts as wrong in Acc161 and as the largest error in AUC, and does not
// enter MeanErrorKm. Country accuracy compares, ignoring case, the gold
// Country with the Country of the prediction with the same span, placed
// or not, over the gold toponyms with coordinates and a Country.
//
// Recognition compares sets of distinct spans: the spans of the
// predictions (placed or not) against the spans of the gold toponyms that
// are not NonLocational, with or without coordinates. A prediction of a
// NonLocational toponym's span counts as a false positive.
func ScoreGeo(docs []*GeoDoc, pred [][]GeoPrediction) GeoScore {
	var s GeoScore
	var within, sameCountry, withCountry, goldSpans, predSpans, found int
	var sumErr, sumAUC float64
	type span struct{ start, end int }
	for i, doc := range docs {
		s.Docs++
		var gold []GoldToponym
		if doc != nil {
			gold = doc.Gold
		}
		var p []GeoPrediction
		if i < len(pred) {
			p = pred[i]
		}
		bySpan := make(map[span]int, len(p)) // the first placed prediction of each span, or the first
		for j, x := range p {
			sp := span{x.Start, x.End}
			if k, ok := bySpan[sp]; !ok || !placed(p[k]) && placed(x) {
				bySpan[sp] = j
			}
		}
		predSpans += len(bySpan)
		locational := map[span]bool{}
		for _, g := range gold {
			sp := span{g.Start, g.End}
			if !g.NonLocational {
				locational[sp] = true
			}
			if !g.HasCoords {
				continue
			}
			s.Toponyms++
			j, ok := bySpan[sp]
			if g.Country != "" {
				withCountry++
				if ok && strings.EqualFold(p[j].Country, g.Country) {
					sameCountry++
				}
			}
			if !ok || !placed(p[j]) {
				sumAUC++
				continue
			}
			s.Resolved++
			d := Haversine(g.Lat, g.Lon, p[j].Lat, p[j].Lon)
			sumErr += d
			sumAUC += math.Min(1, math.Log1p(d)/math.Log(maxErrorKm))
			if d <= acc161Km {
				within++
			}
		}
		goldSpans += len(locational)
		for sp := range locational {
			if _, ok := bySpan[sp]; ok {
				found++
			}
		}
	}
	s.Acc161 = fraction(within, s.Toponyms)
	s.CountryAccuracy = fraction(sameCountry, withCountry)
	if s.Resolved > 0 {
		s.MeanErrorKm = round2(sumErr / float64(s.Resolved))
	}
	if s.Toponyms > 0 {
		s.AUC = round4(sumAUC / float64(s.Toponyms))
	}
	s.RecognitionPrecision = fraction(found, predSpans)
	s.RecognitionRecall = fraction(found, goldSpans)
	s.RecognitionF1 = fraction(2*found, predSpans+goldSpans)
	return s
}

// placed reports whether p puts its toponym somewhere.
func placed(p GeoPrediction) bool {
	return p.Resolved && p.Lat >= -90 && p.Lat <= 90 && !math.IsNaN(p.Lon) && !math.IsInf(p.Lon, 0)
}
