// Package export writes coded events in the formats analysts use: JSON
// lines with their evidence (parley's own), PLOVER JSON, the GDELT 2.0
// event table (tab-separated, 61 columns), CSV and Parquet (the CSV's
// columns, typed, zstd-compressed).
//
// Every format carries, for each event, what proves it: the sentence, and
// in parley's and PLOVER's formats the trigger, the actors as written and
// the dictionary pattern that fired.
package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// Formats are the names New accepts, in the order help lists them.
var Formats = []string{"jsonl", "plover", "gdelt", "csv", "parquet"}

// Writer writes the events of documents in one format.
type Writer interface {
	// Write writes the events of d.
	Write(d *parley.Doc) error
	// WriteRecord writes one record of d (NewRecord, FusedRecord).
	WriteRecord(d *parley.Doc, r Record) error
	// Flush writes any buffered output (and, for formats with a footer,
	// ends the file: nothing may be written after).
	Flush() error
}

// New returns a Writer of format to w, or an error naming the formats
// when format is unknown.
func New(format string, w io.Writer) (Writer, error) {
	bw := bufio.NewWriter(w)
	switch format {
	case "jsonl", "":
		return &jsonWriter{w: bw, enc: json.NewEncoder(bw)}, nil
	case "plover":
		return &jsonWriter{w: bw, enc: json.NewEncoder(bw), plover: true}, nil
	case "gdelt":
		cw := csv.NewWriter(bw)
		cw.Comma = '\t'
		return &tableWriter{w: bw, cw: cw, row: gdeltRow}, nil
	case "csv":
		return &tableWriter{w: bw, cw: csv.NewWriter(bw), row: csvRow, header: csvHeader}, nil
	case "parquet":
		return newParquet(w), nil
	}
	return nil, fmt.Errorf("unknown format %q: want one of %s", format, strings.Join(Formats, ", "))
}

// Record is one event with its evidence, as parley's JSON lines carry it.
type Record struct {
	parley.Event
	Published   time.Time `json:"published,omitzero"`
	URL         string    `json:"url,omitempty"`
	Title       string    `json:"title,omitempty"`
	Text        string    `json:"sentence_text"`
	TriggerText string    `json:"trigger_text"`
	SourceText  string    `json:"source_text,omitempty"`
	TargetText  string    `json:"target_text,omitempty"`
	SourceName  string    `json:"source_name,omitempty"`
	TargetName  string    `json:"target_name,omitempty"`
	// SourceCountryFrom and TargetCountryFrom say where an actor's
	// country came from when the text does not name it with the actor
	// (parley.Actor.CountryFrom: "phrase", "sentence", "document").
	SourceCountryFrom string `json:"source_country_from,omitempty"`
	TargetCountryFrom string `json:"target_country_from,omitempty"`
	ReportedByText    string `json:"reported_by_text,omitempty"`
	// Byte offsets into the document's text of the sentence, the trigger
	// and the actors (empty spans for a missing actor).
	Bytes        parley.Span `json:"sentence_bytes"`
	TriggerBytes parley.Span `json:"trigger_bytes"`
	SourceBytes  parley.Span `json:"source_bytes"`
	TargetBytes  parley.Span `json:"target_bytes"`
	// Location is where the event took place, when the text says so.
	Location *Location `json:"location,omitempty"`
	// For a fused event (FusedRecord): how many sentences, articles and
	// outlets report it; zero for the report of one sentence.
	NumMentions int `json:"num_mentions,omitempty"`
	NumArticles int `json:"num_articles,omitempty"`
	NumSources  int `json:"num_sources,omitempty"`
}

// FusedRecord returns the fused event f as a record: its first report,
// event k of d, under the fused event's ID and with its counts.
func FusedRecord(d *parley.Doc, k int, f *parley.FusedEvent) Record {
	r := NewRecord(d, k)
	r.ID, r.FusedID = f.ID, f.ID
	r.NumMentions, r.NumArticles, r.NumSources = f.NumMentions, f.NumArticles, f.NumSources
	return r
}

// WriteFused writes the fused events of list, each as its first report
// with the counts of all its reports (FusedRecord), reading their
// mentions and documents from st.
func WriteFused(ctx context.Context, w Writer, st parley.Store, list []parley.FusedEvent) error {
	docs := map[string]*parley.Doc{}
	for _, f := range list {
		fe, err := st.FusedEvent(ctx, f.ID)
		if err != nil {
			return err
		}
		if len(fe.Mentions) == 0 {
			continue
		}
		first := fe.Mentions[0]
		d, ok := docs[first.DocID]
		if !ok {
			if d, err = st.Doc(ctx, first.DocID); err != nil {
				return err
			}
			if len(docs) > 256 { // a listing goes newest first, not by document: keep the cache small
				clear(docs)
			}
			docs[first.DocID] = d
		}
		k := slices.IndexFunc(d.Events, func(e parley.Event) bool { return e.ID == first.ID })
		if k < 0 {
			return fmt.Errorf("event %s is not among the events of document %s", first.ID, d.ID)
		}
		if err := w.WriteRecord(d, FusedRecord(d, k, fe)); err != nil {
			return err
		}
	}
	return nil
}

// counts returns the record's mention, outlet and article counts as
// GDELT writes them: 1 each for the report of one sentence.
func (r Record) counts() (mentions, sources, articles string) {
	one := func(n int) string { return strconv.Itoa(max(n, 1)) }
	return one(r.NumMentions), one(r.NumSources), one(r.NumArticles)
}

// Location is the place of an event: the words that name it and the
// gazetteer entry they resolve to.
type Location struct {
	Text      string      `json:"text"`
	Name      string      `json:"name"`
	Country   string      `json:"country,omitempty"` // ISO 3166-1 alpha-3
	Admin1    string      `json:"admin1,omitempty"`  // GeoNames admin1 code
	Feature   string      `json:"feature,omitempty"` // GeoNames feature code
	GeoNameID int         `json:"geonameid,omitempty"`
	Lat       float64     `json:"lat"`
	Lon       float64     `json:"lon"`
	Bytes     parley.Span `json:"bytes"`
}

// NewRecord returns event k of d with its evidence. Events without an ID
// are given the document's id and the event's number.
func NewRecord(d *parley.Doc, k int) Record {
	e := d.Events[k]
	if e.ID == "" {
		e.ID = eventID(d, k)
	}
	if e.DocID == "" {
		e.DocID = d.ID
	}
	r := Record{Event: e, Published: d.Published, URL: d.URL, Title: d.Title}
	if e.Sentence >= 0 && e.Sentence < len(d.Sentences) {
		r.Text = d.SentenceText(e.Sentence)
		r.Bytes = d.SpanBytes(d.Sentences[e.Sentence].Tokens)
	}
	r.TriggerText, r.TriggerBytes = d.SpanText(e.Trigger), d.SpanBytes(e.Trigger)
	actor := func(i int) (text, name, from string, bytes parley.Span) {
		if i < 0 || i >= len(d.Actors) {
			return "", "", "", parley.Span{}
		}
		a := d.Actors[i]
		return d.SpanText(a.Tokens), a.Name, a.CountryFrom, d.SpanBytes(a.Tokens)
	}
	r.SourceText, r.SourceName, r.SourceCountryFrom, r.SourceBytes = actor(e.SourceRef)
	r.TargetText, r.TargetName, r.TargetCountryFrom, r.TargetBytes = actor(e.TargetRef)
	r.ReportedByText, _, _, _ = actor(e.ReportedByRef)
	if e.Place >= 0 && e.Place < len(d.Places) {
		p := d.Places[e.Place]
		r.Location = &Location{Text: d.SpanText(p.Tokens), Name: p.Name, Country: p.Country, Admin1: p.Admin1,
			Feature: p.Feature, GeoNameID: p.GeoNameID, Lat: p.Lat, Lon: p.Lon, Bytes: d.SpanBytes(p.Tokens)}
	}
	return r
}

// eventID is the ID of event k of d when it has none of its own.
func eventID(d *parley.Doc, k int) string { return fmt.Sprintf("%s-%04d", d.ID, k+1) }

// Only returns a copy of d holding only the events keep accepts, each
// with the ID it has in d (the copy shares everything else with d;
// its deadlines' event numbers are those of d).
func Only(d *parley.Doc, keep func(*parley.Event) bool) *parley.Doc {
	c := *d
	c.Events = nil
	for k := range d.Events {
		if e := d.Events[k]; keep(&e) {
			if e.ID == "" {
				e.ID = eventID(d, k)
			}
			c.Events = append(c.Events, e)
		}
	}
	return &c
}

// jsonWriter writes one JSON object per event: a Record, or with plover
// the PLOVER form.
type jsonWriter struct {
	w      *bufio.Writer
	enc    *json.Encoder
	plover bool
}

func (j *jsonWriter) Write(d *parley.Doc) error {
	for k := range d.Events {
		if err := j.WriteRecord(d, NewRecord(d, k)); err != nil {
			return err
		}
	}
	return nil
}

func (j *jsonWriter) WriteRecord(d *parley.Doc, r Record) error {
	var v any = r
	if j.plover {
		v = ploverOf(d, r)
	}
	return j.enc.Encode(v)
}

func (j *jsonWriter) Flush() error { return j.w.Flush() }

// plover is an event in the PLOVER data model (type, mode, context,
// actors with country and sector, the text that supports it).
type plover struct {
	ID            string    `json:"id"`
	Date          string    `json:"date"`
	EventType     string    `json:"event_type"`
	Mode          string    `json:"mode,omitempty"`
	Context       []string  `json:"context,omitempty"`
	Modality      string    `json:"modality"`
	Confidence    float64   `json:"confidence"` // parley's estimate that code and actors are right
	Source        string    `json:"source,omitempty"`
	SourceCountry string    `json:"source_country,omitempty"`
	SourceSector  string    `json:"source_sector,omitempty"`
	SourceText    string    `json:"source_actor,omitempty"`
	Target        string    `json:"target,omitempty"`
	TargetCountry string    `json:"target_country,omitempty"`
	TargetSector  string    `json:"target_sector,omitempty"`
	TargetText    string    `json:"target_actor,omitempty"`
	CAMEO         string    `json:"cameo_code"`
	Text          string    `json:"event_text"`
	Trigger       string    `json:"trigger"`
	Pattern       string    `json:"pattern"`
	StoryID       string    `json:"story_id"`
	URL           string    `json:"url,omitempty"`
	Location      *Location `json:"location,omitempty"`
	NumMentions   int       `json:"num_mentions,omitempty"` // for a fused event
	NumArticles   int       `json:"num_articles,omitempty"`
	NumSources    int       `json:"num_sources,omitempty"`
}

func ploverOf(d *parley.Doc, r Record) plover {
	p := plover{
		ID: r.ID, Date: dateOf(r.Event, d), EventType: r.Plover, Mode: r.PloverMode,
		Modality: string(r.Mode), Confidence: r.Confidence, Source: r.Source, Target: r.Target, SourceText: r.SourceText,
		TargetText: r.TargetText, CAMEO: r.Code, Text: r.Text, Trigger: r.TriggerText,
		Pattern: r.Pattern, StoryID: r.DocID, URL: r.URL, Location: r.Location,
		NumMentions: r.NumMentions, NumArticles: r.NumArticles, NumSources: r.NumSources,
	}
	if r.PloverContext != "" {
		p.Context = strings.Split(r.PloverContext, ";")
	}
	if r.SourceRef >= 0 {
		a := d.Actors[r.SourceRef]
		p.SourceCountry, p.SourceSector = a.Country, a.Sectors
	}
	if r.TargetRef >= 0 {
		a := d.Actors[r.TargetRef]
		p.TargetCountry, p.TargetSector = a.Country, a.Sectors
	}
	return p
}

// dateOf returns the event's date, else the document's, as YYYY-MM-DD, or
// "" when neither is known.
func dateOf(e parley.Event, d *parley.Doc) string {
	t := e.Date
	if t.IsZero() {
		t = d.Published
	}
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// tableWriter writes one row per event.
type tableWriter struct {
	w      *bufio.Writer
	cw     *csv.Writer
	row    func(d *parley.Doc, r Record) []string
	header []string
	wrote  bool
}

func (t *tableWriter) Write(d *parley.Doc) error {
	for k := range d.Events {
		if err := t.WriteRecord(d, NewRecord(d, k)); err != nil {
			return err
		}
	}
	if !t.wrote && t.header != nil { // a header even before the first row
		if err := t.cw.Write(t.header); err != nil {
			return err
		}
		t.wrote = true
	}
	return nil
}

func (t *tableWriter) WriteRecord(d *parley.Doc, r Record) error {
	if !t.wrote && t.header != nil {
		if err := t.cw.Write(t.header); err != nil {
			return err
		}
	}
	t.wrote = true
	return t.cw.Write(t.row(d, r))
}

func (t *tableWriter) Flush() error {
	if !t.wrote && t.header != nil {
		if err := t.cw.Write(t.header); err != nil {
			return err
		}
		t.wrote = true
	}
	t.cw.Flush()
	if err := t.cw.Error(); err != nil {
		return err
	}
	return t.w.Flush()
}

var csvHeader = []string{
	"id", "doc_id", "date", "source", "source_text", "target", "target_text", "code", "root",
	"quad_class", "goldstein", "plover", "mode", "reported_by", "confidence", "trigger",
	"pattern", "sentence", "url", "place", "place_country", "lat", "lon", "geonameid",
}

func csvRow(d *parley.Doc, r Record) []string {
	row := []string{
		r.ID, r.DocID, dateOf(r.Event, d), r.Source, r.SourceText, r.Target, r.TargetText, r.Code, r.Root,
		strconv.Itoa(r.QuadClass), ftoa(r.Goldstein), r.Plover, string(r.Mode), r.ReportedBy,
		ftoa(r.Confidence), r.TriggerText, r.Pattern, r.Text, r.URL,
	}
	if l := r.Location; l != nil {
		return append(row, l.Name, l.Country, ftoa(l.Lat), ftoa(l.Lon), strconv.Itoa(l.GeoNameID))
	}
	return append(row, "", "", "", "", "")
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// gdeltRow returns the 61 columns of the GDELT 2.0 event table, in order;
// fields parley does not know (ethnic and religion codes, tone, the
// actors' places) are empty. ActionGeo is the event's place: its country
// in ISO 3166-1 alpha-3 where GDELT writes FIPS 10-4, its feature id the
// GeoNames id. GlobalEventID is numeric in GDELT;
// parley's event ids are not, so the column holds parley's id.
func gdeltRow(d *parley.Doc, r Record) []string {
	row := make([]string, 0, 61)
	day, month, year, frac := "", "", "", ""
	if t := r.Date; !t.IsZero() || !d.Published.IsZero() {
		if t.IsZero() {
			t = d.Published
		}
		day, month, year = t.Format("20060102"), t.Format("200601"), t.Format("2006")
		frac = strconv.FormatFloat(float64(t.Year())+float64(t.YearDay()-1)/365, 'f', 4, 64)
	}
	row = append(row, r.ID, day, month, year, frac)
	actor := func(ref int, code, name string) []string {
		country, group, types := "", "", [3]string{}
		if ref >= 0 {
			a := d.Actors[ref]
			country = a.Country
			if country == "IGO" {
				country, group = "", strings.TrimPrefix(a.Code, "IGO")
			}
			for i := 0; i < 3 && 3*(i+1) <= len(a.Sectors); i++ {
				types[i] = a.Sectors[3*i : 3*i+3]
			}
		}
		return []string{code, strings.ToUpper(name), country, group, "", "", "", types[0], types[1], types[2]}
	}
	row = append(row, actor(r.SourceRef, r.Source, r.SourceName)...)
	row = append(row, actor(r.TargetRef, r.Target, r.TargetName)...)
	base := r.Code
	if len(base) > 3 {
		base = base[:3]
	}
	isRoot := "0"
	if r.Sentence == 0 {
		isRoot = "1"
	}
	mentions, sources, articles := r.counts()
	row = append(row, isRoot, r.Code, base, r.Root, strconv.Itoa(r.QuadClass), ftoa(r.Goldstein), mentions, sources, articles, "")
	for range 2 { // Actor1Geo, Actor2Geo: type, name, country, ADM1, ADM2, lat, long, feature id
		row = append(row, "", "", "", "", "", "", "", "")
	}
	row = append(row, actionGeo(r.Location)...)
	added := ""
	if !d.Published.IsZero() {
		added = d.Published.Format("20060102150405")
	}
	return append(row, added, d.URL)
}

// actionGeo returns GDELT's eight ActionGeo columns for an event's place:
// type (1 country, 2 US state, 3 US town, 4 town, 5 division), full
// name, country, ADM1 code, ADM2 code, latitude, longitude, feature id.
func actionGeo(l *Location) []string {
	if l == nil {
		return []string{"", "", "", "", "", "", "", ""}
	}
	typ := "4"
	switch {
	case l.Feature == "CONT" || l.Feature == "H":
		typ = "" // a region or a sea: no GDELT type
	case l.Feature == "PCLI":
		typ = "1"
	case l.Feature == "ADM1" && l.Country == "USA":
		typ = "2"
	case l.Feature == "ADM1":
		typ = "5"
	case l.Country == "USA":
		typ = "3"
	}
	adm1 := ""
	if l.Admin1 != "" {
		adm1 = l.Country + l.Admin1
	}
	id := ""
	if l.GeoNameID != 0 {
		id = strconv.Itoa(l.GeoNameID)
	}
	return []string{typ, l.Name, l.Country, adm1, "", ftoa(l.Lat), ftoa(l.Lon), id}
}
