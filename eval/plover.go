package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/cameo"
)

// This file reads the PLOVER gold-standard records (`parley eval
// plover`): news sentences hand-coded in 2016 with one event each, its
// type in an older PLOVER release, and the source and target actors with
// their countries. It scores the event an event coder chooses for each
// record against them.

// PloverRecord is one gold-standard record. Strings are as given in the
// file; absent fields are empty.
type PloverRecord struct {
	ID   string `json:"id"`
	Date string `json:"date,omitempty"` // "2000-01-01" in every record of the GSR: a placeholder
	Text string `json:"text"`

	// Source and Target are the actors, several for a compound actor
	// ("Hungarian and Romanian officials"). The file gives a list of
	// actor objects, or, when there is no actor, nothing, null or "";
	// any other string (one record has "diplomatic" as its target) is read
	// as one actor with that Text and no Country.
	Source []PloverActor `json:"source,omitempty"`
	Target []PloverActor `json:"target,omitempty"`

	Event     string `json:"event"`                // the event label, in the older PLOVER labels (AGREE, DEMAND, FIGHT, …)
	EventText string `json:"event_text,omitempty"` // eventText: the words that express the event
	Mode      string `json:"mode,omitempty"`       // the older PLOVER mode ("primitive", "heavy-weapons", …)
	Context   string `json:"context,omitempty"`    // comma-separated contexts ("diplomatic, military")
	Markup    string `json:"markup,omitempty"`     // textInfo.markup: the text with (SRC: …), (TAR: …), (EVT: …) marked

	Place   *PloverPlace `json:"place,omitempty"`   // eventLoc
	Size    string       `json:"size,omitempty"`    // size of a crowd or force, as written ("thousands", "200")
	Dead    string       `json:"dead,omitempty"`    // as written
	Injured string       `json:"injured,omitempty"` // as written

	Language    string `json:"language,omitempty"`
	Publication string `json:"publication,omitempty"`
	Coder       string `json:"coder,omitempty"`
	Version     string `json:"version,omitempty"`    // the PLOVER version coded against, "0.5b1"
	DateCoded   string `json:"date_coded,omitempty"` // dateCoded
	Comment     string `json:"comment,omitempty"`

	Line int `json:"line"` // line of the record's opening brace, 1-based
}

// PloverActor is an actor of a PloverRecord.
type PloverActor struct {
	Text    string `json:"text"`              // actorText: the words naming it
	Country string `json:"country,omitempty"` // code: ISO 3166 alpha-3, or a CAMEO code for IGOs, NGOs, militant groups
	Sector  string `json:"sector,omitempty"`  // GOV, MIL, REB, CVL, …; "***" for unknown; lower-case suffixes name ethnic groups ("CVLalb")
}

// PloverPlace is where a PloverRecord's event happened.
type PloverPlace struct {
	Name    string `json:"name"`
	Country string `json:"country,omitempty"` // "country code": ISO 3166 alpha-2, rarely given
}

// ploverJSON is a record as the file spells it.
type ploverJSON struct {
	ID        *string         `json:"id"`
	Date      string          `json:"date"`
	Source    json.RawMessage `json:"source"`
	Target    json.RawMessage `json:"target"`
	Event     *string         `json:"event"`
	EventText string          `json:"eventText"`
	Mode      string          `json:"mode"`
	Context   string          `json:"context"`
	Text      *string         `json:"text"`
	TextInfo  *struct {
		Markup string `json:"markup"`
	} `json:"textInfo"`
	EventLoc *struct {
		Name    string `json:"name"`
		Country string `json:"country code"`
	} `json:"eventLoc"`
	Size        ploverText `json:"size"`
	Dead        ploverText `json:"dead"`
	Injured     ploverText `json:"injured"`
	Language    string     `json:"language"`
	Publication string     `json:"publication"`
	Coder       string     `json:"coder"`
	Version     string     `json:"version"`
	DateCoded   string     `json:"dateCoded"`
	Comment     string     `json:"comment"`
}

// ploverText is a count as the file gives it: a string ("thousands",
// "156") or a number.
type ploverText string

func (t *ploverText) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*t = ploverText(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("%s is neither a string nor a number", b)
	}
	*t = ploverText(n.String())
	return nil
}

// ReadPlover reads the PLOVER gold-standard records from r, a JSON array
// of record objects such as events/plover-gsr-dev.json. Name identifies
// the input in errors, typically the file name.
//
// A record needs a non-empty id, text and event, all strings; the other
// fields are optional, but must have the types of the file (strings; the
// counts size, dead and injured may also be numbers; source and target
// lists of {"actorText", "code", "sector"} objects, a string or null;
// eventLoc an object {"name", "country code"}). Unknown fields are
// ignored. A record that breaks these rules is skipped; an id already
// seen gets "#n" appended for its n-th occurrence, n ≥ 2, so that IDs are
// unique.
//
// ReadPlover returns the records it could read, in file order. When it
// skipped some, it returns them together with a non-nil error that joins
// (errors.Join) one *parley.Error of kind parley.Invalid per skipped
// record, naming name and the record's line (so the records are nil when
// every record was skipped). It returns nil records and a single error
// when reading r fails (kind parley.IO) or when r is not a JSON array
// (kind parley.Invalid, naming the line where the JSON goes wrong).
func ReadPlover(r io.Reader, name string) ([]PloverRecord, error) {
	const op = "eval.ReadPlover"
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &parley.Error{Op: op, Kind: parley.IO, Input: name, Err: err}
	}
	var lineOff, lineNo = 0, 1 // data[:lineOff] holds lineNo-1 newlines
	lineOf := func(off int64) int {
		o := min(int(off), len(data))
		if o < lineOff {
			lineOff, lineNo = 0, 1
		}
		lineNo += bytes.Count(data[lineOff:o], []byte("\n"))
		lineOff = o
		return lineNo
	}
	fatal := func(off int64, err error) error {
		return &parley.Error{Op: op, Kind: parley.Invalid, Input: name, Line: lineOf(off), Err: err}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return nil, fatal(dec.InputOffset(), fmt.Errorf("not JSON: %v", jsonMessage(err)))
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, fatal(dec.InputOffset(), errors.New("not a JSON array of records"))
	}
	var (
		recs []PloverRecord
		errs []error
		ids  = map[string]int{}
	)
	for dec.More() {
		start := dec.InputOffset()
		for start < int64(len(data)) && strings.IndexByte(" \t\r\n,", data[start]) >= 0 {
			start++
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, fatal(start, fmt.Errorf("not JSON: %v", jsonMessage(err)))
		}
		line := lineOf(start)
		rec, err := ploverRecord(raw)
		if err != nil {
			errs = append(errs, &parley.Error{Op: op, Kind: parley.Invalid, Input: name, Line: line, Err: err})
			continue
		}
		ids[rec.ID]++
		if n := ids[rec.ID]; n > 1 {
			rec.ID += "#" + strconv.Itoa(n)
		}
		rec.Line = line
		recs = append(recs, rec)
	}
	if _, err := dec.Token(); err != nil {
		return nil, fatal(dec.InputOffset(), fmt.Errorf("not JSON: %v", jsonMessage(err)))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fatal(dec.InputOffset(), errors.New("text after the array of records"))
	}
	return recs, errors.Join(errs...)
}

// jsonMessage returns err's message; encoding/json's messages do not
// carry positions, which the caller gives.
func jsonMessage(err error) string {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return "unexpected end of input"
	}
	return err.Error()
}

// ploverRecord decodes one record object.
func ploverRecord(raw json.RawMessage) (PloverRecord, error) {
	var x ploverJSON
	if err := json.Unmarshal(raw, &x); err != nil {
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &te) && te.Field == "":
			return PloverRecord{}, errors.New("record is not a JSON object")
		case errors.As(err, &te):
			return PloverRecord{}, fmt.Errorf("record: field %s is a JSON %s, want %s", te.Field, te.Value, te.Type)
		}
		return PloverRecord{}, fmt.Errorf("record: %v", err)
	}
	if x.ID == nil || strings.TrimSpace(*x.ID) == "" {
		return PloverRecord{}, errors.New("record without an id")
	}
	id := strings.TrimSpace(*x.ID)
	if x.Text == nil || strings.TrimSpace(*x.Text) == "" {
		return PloverRecord{}, fmt.Errorf("record %s has no text", id)
	}
	if x.Event == nil || strings.TrimSpace(*x.Event) == "" {
		return PloverRecord{}, fmt.Errorf("record %s has no event", id)
	}
	rec := PloverRecord{
		ID: id, Date: x.Date, Text: *x.Text,
		Event: strings.TrimSpace(*x.Event), EventText: x.EventText, Mode: x.Mode, Context: x.Context,
		Size: string(x.Size), Dead: string(x.Dead), Injured: string(x.Injured),
		Language: x.Language, Publication: x.Publication, Coder: x.Coder, Version: x.Version,
		DateCoded: x.DateCoded, Comment: x.Comment,
	}
	if x.TextInfo != nil {
		rec.Markup = x.TextInfo.Markup
	}
	if x.EventLoc != nil {
		rec.Place = &PloverPlace{Name: x.EventLoc.Name, Country: x.EventLoc.Country}
	}
	var err error
	if rec.Source, err = ploverActors(x.Source); err != nil {
		return PloverRecord{}, fmt.Errorf("record %s: source: %v", id, err)
	}
	if rec.Target, err = ploverActors(x.Target); err != nil {
		return PloverRecord{}, fmt.Errorf("record %s: target: %v", id, err)
	}
	return rec, nil
}

// ploverActors decodes a source or target field.
func ploverActors(raw json.RawMessage) ([]PloverActor, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if s = strings.TrimSpace(s); s == "" {
			return nil, nil
		}
		return []PloverActor{{Text: s}}, nil
	}
	var list []*struct {
		Text    string `json:"actorText"`
		Country string `json:"code"`
		Sector  string `json:"sector"`
	}
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, errors.New(`want a list of {"actorText", "code", "sector"} objects, a string or null`)
	}
	var actors []PloverActor
	for _, a := range list {
		if a == nil {
			return nil, errors.New("null actor in the list")
		}
		actors = append(actors, PloverActor{Text: a.Text, Country: a.Country, Sector: a.Sector})
	}
	return actors, nil
}

// Doc returns a new Doc for r's text: ID the content hash, SourceID r.ID,
// Language r.Language and Published r.Date when it is a date
// (YYYY-MM-DD).
func (r PloverRecord) Doc() *parley.Doc {
	d := parley.NewDoc(r.Text)
	d.SourceID = r.ID
	d.Language = r.Language
	if t, err := time.Parse(time.DateOnly, r.Date); err == nil {
		d.Published = t
	}
	return d
}

// PloverPrediction is the event an event coder chose for a record: its
// PLOVER type, or its CAMEO code to take the type from, and the CAMEO
// codes of its source and target actors ("UKRGOV"; "" or a code starting
// with "---" for none).
type PloverPrediction struct {
	Type   string `json:"type,omitempty"`   // PLOVER type; when empty, the type of Code
	Code   string `json:"code,omitempty"`   // CAMEO event code
	Source string `json:"source,omitempty"` // CAMEO actor code
	Target string `json:"target,omitempty"` // CAMEO actor code
}

// ChoosePloverEvent chooses, among the events a coder found in a record's
// text, the one to score against the record's single gold event, and
// reports whether there was any.
//
// Each event is ranked by three properties, the first weighing most: it
// has a PLOVER type (its Plover field, or the type of its CAMEO code):
// the gold events all have one, while CAMEO's public statements (01) and
// appeals (02) do not; it has both a source and a target (neither empty
// nor starting with "---"); it is asserted, reported or future (not
// negated, hypothetical or conditional — unless its type is read from
// its modality: a conditional act of force is an asserted threat). The first event of the
// best rank, in the order given, is chosen. Its Type is its Plover field,
// or the type of its code when that is empty.
func ChoosePloverEvent(events []parley.Event) (PloverPrediction, bool) {
	best, bestRank := -1, -1
	for i, e := range events {
		rank := 0
		if ploverTypeOf(e.Plover, e.Code) != "" {
			rank += 4
		}
		if !nullActor(e.Source) && !nullActor(e.Target) {
			rank += 2
		}
		if e.Mode != parley.Negated && (e.Mode != parley.Hypothetical && e.Mode != parley.Conditional || readAsIntent(e)) {
			rank++
		}
		if rank > bestRank {
			best, bestRank = i, rank
		}
	}
	if best < 0 {
		return PloverPrediction{}, false
	}
	e := events[best]
	return PloverPrediction{Type: ploverTypeOf(e.Plover, e.Code), Code: e.Code, Source: e.Source, Target: e.Target}, true
}

// readAsIntent reports whether an event's PLOVER type is read from its
// modality rather than its code: an act of force made conditional is a
// threat ("will pull out its troops unless …": THREATEN), a cooperative
// act offered on a condition an offer (AGREE), and the threat or offer
// itself is asserted.
func readAsIntent(e parley.Event) bool {
	if e.Plover == "" {
		return false
	}
	c, _ := cameo.Lookup(e.Code)
	return e.Plover != c.PloverType
}

// PloverResult is the result of ScorePlover. Accuracies are fractions of
// the records, 0…1, rounded to four decimals, and 0 when there are no
// records.
type PloverResult struct {
	Records        int     `json:"records"`         // gold records
	Predicted      int     `json:"predicted"`       // records with a prediction
	EventAccuracy  float64 `json:"event_accuracy"`  // right PLOVER type
	SourceAccuracy float64 `json:"source_accuracy"` // right source country
	TargetAccuracy float64 `json:"target_accuracy"` // right target country
	DyadAccuracy   float64 `json:"dyad_accuracy"`   // right source and target countries
}

// ScorePlover scores predicted, the event chosen for each record (see
// ChoosePloverEvent) by record ID, against records. A record without a
// prediction counts as wrong on every measure; predictions for other IDs
// are ignored.
//
// Event type: the predicted type is Type, or, when Type is empty, the
// PLOVER 2021 type of the CAMEO code (cameo.Lookup; codes of roots 01 and
// 02 and unknown codes have none, and are wrong). The gold label, an
// older PLOVER label, is mapped to its 2021 type with cameo.OldPlover
// (DEMAND → REQUEST, FIGHT → ASSAULT, DISAPPROVE and INVESTIGATE →
// ACCUSE, …), and so is Type when it is an old label; a label without a
// 2021 type (CRIME) is never matched. Where the 2021 table regrouped
// codes, a faithful CAMEO coder is marked wrong against the old labels:
// 163 (embargo, sanctions) is COERCE, not SANCTION; 191 and 192 (blockade,
// occupation) are COERCE, not FIGHT → ASSAULT; 1712 and 175 are ASSAULT,
// not COERCE; 0813 and 0814 are RETREAT, not CONCEDE.
//
// Source and target: actors are compared by country, the first three
// letters of the code, upper-cased. A CAMEO actor code starts with its
// country (ISO 3166 alpha-3 for states) or its kind of non-state actor
// (IGO, NGO, IMG, …), and the gold codes are the same three letters: ISO
// alpha-3 for states, IGO, NGO and IMG otherwise. Two gold codes are
// misspellings that no CAMEO coder produces, and are read (on both sides)
// as what they stand for: ITL as ITA (Italy) and JAP as JPN (Japan).
// Sectors (GOV, MIL, …) are not compared. A prediction is right when its
// country is that of one of the gold actors (a compound actor has
// several). When the gold record has no actor with a code on that side
// (no actor: the field is absent, null or empty), the prediction is right
// when it has no actor either: an empty code or one starting with "---".
// Except for symmetric events: when the markup tags actors "(SRC/TAR: …)"
// ("Hungarian and Romanian officials agreed …") the file lists them as
// sources only, with no target (or a stray string: "diplomatic"), and
// they are the targets too (10 of the 164 records). The dyad is right
// when both source and target are.
func ScorePlover(records []PloverRecord, predicted map[string]PloverPrediction) PloverResult {
	res := PloverResult{Records: len(records)}
	var event, source, target, dyad int
	for _, r := range records {
		p, ok := predicted[r.ID]
		if !ok {
			continue
		}
		res.Predicted++
		v := JudgePlover(r, p)
		event += b2i(v.Event)
		source += b2i(v.Source)
		target += b2i(v.Target)
		dyad += b2i(v.Source && v.Target)
	}
	n := len(records)
	res.EventAccuracy, res.SourceAccuracy = fraction(event, n), fraction(source, n)
	res.TargetAccuracy, res.DyadAccuracy = fraction(target, n), fraction(dyad, n)
	return res
}

// PloverVerdict says which parts of a prediction ScorePlover counts right.
type PloverVerdict struct {
	Event, Source, Target bool
}

// JudgePlover judges the prediction p for the record r as ScorePlover
// does.
func JudgePlover(r PloverRecord, p PloverPrediction) PloverVerdict {
	gold, _ := cameo.OldPlover(r.Event)
	got := ploverTypeOf(p.Type, p.Code)
	return PloverVerdict{
		Event:  got != "" && got == gold,
		Source: actorRight(r.Source, p.Source),
		Target: actorRight(r.goldTargets(), p.Target),
	}
}

// goldTargets returns the gold targets of r for scoring: Target, or, when
// it has no actor with a code and the markup tags actors as both source
// and target ("(SRC/TAR: …)"), Source.
func (r PloverRecord) goldTargets() []PloverActor {
	for _, a := range r.Target {
		if actorCountry(a.Country) != "" {
			return r.Target
		}
	}
	if strings.Contains(r.Markup, "(SRC/TAR:") {
		return r.Source
	}
	return r.Target
}

// ploverTypeOf returns the PLOVER 2021 type given as typ (an old label is
// mapped with cameo.OldPlover), or, when typ is empty, that of the CAMEO
// code; "" when there is none.
func ploverTypeOf(typ, code string) string {
	if typ = strings.TrimSpace(typ); typ != "" {
		if t, ok := cameo.OldPlover(typ); ok {
			return t
		}
		return strings.ToUpper(typ)
	}
	c, _ := cameo.Lookup(strings.TrimSpace(code))
	return c.PloverType
}

// ploverCountryAliases maps misspelt country codes of the PLOVER gold
// records to the codes they stand for.
var ploverCountryAliases = map[string]string{"ITL": "ITA", "JAP": "JPN"}

// republics are the ISO codes of the republics of the former Yugoslavia.
var republics = map[string]bool{"SRB": true, "MNE": true, "HRV": true, "SVN": true, "BIH": true, "MKD": true, "KOS": true, "XKX": true}

// actorCountry returns the country part of an actor code: its first three
// letters, upper-cased, with misspellings corrected; "" for no actor (an
// empty code or one starting with "---"). CAMEO's codes for a republic of
// Yugoslavia or of Serbia and Montenegro in their day (YUGSRB, SCGSRB,
// SCGMNE, as the Phoenix dictionaries date them) name the republic, which
// the gold records code by its ISO code (SRB, MNE).
func actorCountry(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if nullActor(code) {
		return ""
	}
	if federation := code[:min(3, len(code))]; (federation == "YUG" || federation == "SCG") && len(code) >= 6 && republics[code[3:6]] {
		code = code[3:]
	}
	if len(code) > 3 {
		code = code[:3]
	}
	if c, ok := ploverCountryAliases[code]; ok {
		return c
	}
	return code
}

// nullActor reports whether code names no actor: empty or starting with
// "---".
func nullActor(code string) bool {
	code = strings.TrimSpace(code)
	return code == "" || strings.HasPrefix(code, "---")
}

// actorRight reports whether the predicted actor code pred matches the
// gold actors of one side.
func actorRight(gold []PloverActor, pred string) bool {
	got := actorCountry(pred)
	coded := false
	for _, a := range gold {
		c := actorCountry(a.Country)
		if c == "" {
			continue
		}
		coded = true
		if c == got {
			return true
		}
	}
	return !coded && got == ""
}
