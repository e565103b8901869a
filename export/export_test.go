package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/parley-events/parley"
	"github.com/parquet-go/parquet-go"
)

// testDoc is one sentence written for this test with two actors and one
// event, annotated by hand.
func testDoc() *parley.Doc {
	d := parley.NewDoc("Rebels shelled the capital. Talks failed.")
	d.URL = "https://example.org/a"
	d.Published = time.Date(2025, 7, 22, 0, 0, 0, 0, time.UTC)
	for _, w := range [][2]int{{0, 6}, {7, 14}, {15, 18}, {19, 26}, {26, 27}, {28, 33}, {34, 40}, {40, 41}} {
		d.Tokens = append(d.Tokens, parley.Token{Start: w[0], End: w[1], Head: -1})
	}
	d.Sentences = []parley.Sentence{{Tokens: parley.Span{Start: 0, End: 5}}, {Tokens: parley.Span{Start: 5, End: 8}}}
	d.Actors = []parley.Actor{
		{Tokens: parley.Span{Start: 0, End: 1}, Code: "SYRREB", Country: "SYR", Sectors: "REB", Entity: -1, Ref: -1, CountryFrom: "document"},
		{Tokens: parley.Span{Start: 2, End: 4}, Code: "IGOUNO", Country: "IGO", Sectors: "UNO", Name: "United Nations", Entity: -1, Ref: -1},
	}
	d.Events = []parley.Event{{Sentence: 0, Trigger: parley.Span{Start: 1, End: 2}, Source: "SYRREB", Target: "IGOUNO",
		SourceRef: 0, TargetRef: 1, ReportedByRef: -1, Code: "194", Root: "19", QuadClass: 4, Goldstein: -10,
		Plover: "ASSAULT", PloverContext: "military;civilians", Mode: parley.Asserted, Place: -1, Pattern: "SHELL * (verbs.txt:1)"}}
	return d
}

func write(t *testing.T, format string, d *parley.Doc) string {
	t.Helper()
	var b bytes.Buffer
	w, err := New(format, &b)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(d); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestJSONL(t *testing.T) {
	var r Record
	if err := json.Unmarshal([]byte(write(t, "jsonl", testDoc())), &r); err != nil {
		t.Fatal(err)
	}
	if r.Text != "Rebels shelled the capital." || r.TriggerText != "shelled" || r.SourceText != "Rebels" ||
		r.TargetText != "the capital" || r.TriggerBytes != (parley.Span{Start: 7, End: 14}) || r.ID == "" || r.Pattern == "" ||
		r.SourceCountryFrom != "document" || r.TargetCountryFrom != "" {
		t.Errorf("record = %+v", r)
	}
}

func TestPLOVER(t *testing.T) {
	var p map[string]any
	d := testDoc()
	d.Events[0].Confidence = 0.62
	if err := json.Unmarshal([]byte(write(t, "plover", d)), &p); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]any{"event_type": "ASSAULT", "source_country": "SYR", "source_sector": "REB",
		"date": "2025-07-22", "cameo_code": "194", "modality": "asserted", "trigger": "shelled", "confidence": 0.62} {
		if p[k] != want {
			t.Errorf("%s = %v, want %v", k, p[k], want)
		}
	}
	if ctx, _ := p["context"].([]any); len(ctx) != 2 {
		t.Errorf("context = %v, want two", p["context"])
	}
}

func TestGDELT(t *testing.T) {
	out := write(t, "gdelt", testDoc())
	rows := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(rows) != 1 {
		t.Fatalf("%d rows, want 1", len(rows))
	}
	f := strings.Split(rows[0], "\t")
	if len(f) != 61 {
		t.Fatalf("%d columns, want 61", len(f))
	}
	// GDELT 2.0 positions (1-based): 2 Day, 6 Actor1Code, 8 Actor1CountryCode,
	// 13 Actor1Type1Code, 16 Actor2Code, 19 Actor2KnownGroupCode, 27 EventCode,
	// 28 EventBaseCode, 29 EventRootCode, 30 QuadClass, 31 Goldstein, 61 SOURCEURL.
	for col, want := range map[int]string{2: "20250722", 6: "SYRREB", 8: "SYR", 13: "REB", 16: "IGOUNO", 17: "UNITED NATIONS",
		18: "", 19: "UNO", 27: "194", 28: "194", 29: "19", 30: "4", 31: "-10", 61: "https://example.org/a"} {
		if f[col-1] != want {
			t.Errorf("column %d = %q, want %q", col, f[col-1], want)
		}
	}
}

func TestCSV(t *testing.T) {
	recs, err := csv.NewReader(strings.NewReader(write(t, "csv", testDoc()))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || len(recs[0]) != len(recs[1]) || recs[0][0] != "id" || recs[1][7] != "194" {
		t.Errorf("csv = %q", recs)
	}
	// A header even with no events.
	if out := write(t, "csv", parley.NewDoc("Nothing.")); !strings.HasPrefix(out, "id,doc_id,") {
		t.Errorf("empty csv = %q", out)
	}
}

// TestLocation checks that an event's place reaches every format.
func TestLocation(t *testing.T) {
	d := parley.NewDoc("Rebels shelled Aleppo.")
	for _, w := range [][2]int{{0, 6}, {7, 14}, {15, 21}, {21, 22}} {
		d.Tokens = append(d.Tokens, parley.Token{Start: w[0], End: w[1], Head: -1})
	}
	d.Sentences = []parley.Sentence{{Tokens: parley.Span{Start: 0, End: 4}}}
	d.Actors = []parley.Actor{{Tokens: parley.Span{Start: 0, End: 1}, Code: "SYRREB", Country: "SYR", Sectors: "REB", Entity: -1, Ref: -1}}
	d.Places = []parley.Place{{Tokens: parley.Span{Start: 2, End: 3}, GeoNameID: 170063, Name: "Aleppo", Country: "SYR",
		Admin1: "09", Feature: "PPLA", Lat: 36.20124, Lon: 37.16117}}
	d.Events = []parley.Event{{Sentence: 0, Trigger: parley.Span{Start: 1, End: 2}, Source: "SYRREB", SourceRef: 0,
		TargetRef: -1, ReportedByRef: -1, Code: "195", Root: "19", QuadClass: 4, Mode: parley.Asserted, Place: 0, Pattern: "p"}}

	var r Record
	if err := json.Unmarshal([]byte(write(t, "jsonl", d)), &r); err != nil {
		t.Fatal(err)
	}
	want := Location{Text: "Aleppo", Name: "Aleppo", Country: "SYR", Admin1: "09", Feature: "PPLA", GeoNameID: 170063,
		Lat: 36.20124, Lon: 37.16117, Bytes: parley.Span{Start: 15, End: 21}}
	if r.Location == nil || *r.Location != want {
		t.Errorf("location = %+v, want %+v", r.Location, want)
	}
	var p struct{ Location *Location }
	if err := json.Unmarshal([]byte(write(t, "plover", d)), &p); err != nil || p.Location == nil || p.Location.Name != "Aleppo" {
		t.Errorf("plover location = %+v (%v)", p.Location, err)
	}
	f := strings.Split(strings.TrimSuffix(write(t, "gdelt", d), "\n"), "\t")
	// ActionGeo: 52 type … 59 feature id.
	for col, want := range map[int]string{52: "4", 53: "Aleppo", 54: "SYR", 55: "SYR09", 57: "36.20124", 58: "37.16117", 59: "170063"} {
		if f[col-1] != want {
			t.Errorf("gdelt column %d = %q, want %q", col, f[col-1], want)
		}
	}
	recs, err := csv.NewReader(strings.NewReader(write(t, "csv", d))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(recs[0]); recs[0][n-5] != "place" || recs[1][n-5] != "Aleppo" || recs[1][n-2] != "37.16117" {
		t.Errorf("csv = %q", recs)
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := New("xml", &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "jsonl, plover, gdelt, csv") {
		t.Errorf("New(xml) = %v", err)
	}
}

// TestOnly checks that a filtered copy keeps the events' IDs and leaves
// the document alone.
func TestOnly(t *testing.T) {
	d := testDoc()
	second := d.Events[0]
	second.Confidence, second.Code = 0.9, "190"
	d.Events = append(d.Events, second) // events 1 (confidence 0) and 2 (0.9)
	c := Only(d, func(e *parley.Event) bool { return e.Confidence >= 0.5 })
	if len(d.Events) != 2 || len(c.Events) != 1 || c.Events[0].Code != "190" {
		t.Fatalf("kept %d of %d events: %+v", len(c.Events), len(d.Events), c.Events)
	}
	if want := NewRecord(d, 1).ID; c.Events[0].ID != want || NewRecord(c, 0).ID != want {
		t.Errorf("filtered event's ID %q, want %q as unfiltered", c.Events[0].ID, want)
	}
}

// TestParquet reads back the Parquet export of the test document and of
// its event as a fused event reported three times.
func TestParquet(t *testing.T) {
	d := testDoc()
	var b bytes.Buffer
	w, err := New("parquet", &b)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(d); err != nil {
		t.Fatal(err)
	}
	f := &parley.FusedEvent{ID: "fused-0001", NumMentions: 3, NumArticles: 2, NumSources: 2}
	if err := w.WriteRecord(d, FusedRecord(d, 0, f)); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	rows, err := parquet.Read[parquetRow](bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2", len(rows))
	}
	r := rows[0]
	if r.Code != "194" || r.Source != "SYRREB" || r.TargetText != "the capital" || r.Date != "2025-07-22" || r.Sentence != "Rebels shelled the capital." ||
		r.QuadClass != 4 || r.Goldstein != -10 || r.Lat != nil || r.NumMentions != 1 {
		t.Errorf("row %+v", r)
	}
	if r := rows[1]; r.ID != "fused-0001" || r.NumMentions != 3 || r.NumArticles != 2 || r.NumSources != 2 {
		t.Errorf("fused row %+v", r)
	}
}

// TestFusedGDELT checks the counts of a fused event in the GDELT columns
// NumMentions, NumSources and NumArticles (32–34).
func TestFusedGDELT(t *testing.T) {
	d := testDoc()
	var b bytes.Buffer
	w, _ := New("gdelt", &b)
	if err := w.WriteRecord(d, FusedRecord(d, 0, &parley.FusedEvent{ID: "f-1", NumMentions: 5, NumArticles: 3, NumSources: 2})); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	f := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\t")
	if f[0] != "f-1" || f[31] != "5" || f[32] != "2" || f[33] != "3" {
		t.Errorf("columns 1, 32–34 = %q %q %q %q", f[0], f[31], f[32], f[33])
	}
}
