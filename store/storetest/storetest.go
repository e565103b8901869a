// Package storetest is a conformance suite for implementations of
// parley.Store. An implementation's tests call Run with a function that opens
// a new, empty store.
//
// Beyond the parley.Store documentation, the suite checks these contracts:
//
//   - Times (Doc.Published, Event.Date, DocInfo.Ingested) come back in UTC,
//     truncated to the second; the zero time stays zero.
//   - PutDoc also stores d.Events, numbered as PutEvents numbers them, and Doc
//     returns the document's stored events, so a Doc round-trips whole.
//   - A negative Limit is an error of Kind Invalid; the default Limit is 100.
//   - Actor and code prefixes match case-sensitively and literally: no
//     character in them is a wildcard.
//   - PutDoc reports a nil document or an empty ID as Kind Invalid.
package storetest

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/parley-events/parley"
)

// Run runs the conformance suite as subtests of t. Each subtest calls open
// for a new, empty store and closes it when the subtest ends; open should
// register any further cleanup (dropping a schema, say) with t.Cleanup.
func Run(t *testing.T, open func(t *testing.T) parley.Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, parley.Store)
	}{
		{"DocRoundTrip", testDocRoundTrip},
		{"PutDocDuplicate", testPutDocDuplicate},
		{"PutDocInvalid", testPutDocInvalid},
		{"DocNotFound", testDocNotFound},
		{"Docs", testDocs},
		{"DocsPaging", testDocsPaging},
		{"DefaultLimit", testDefaultLimit},
		{"NegativeLimit", testNegativeLimit},
		{"PutEvents", testPutEvents},
		{"Events", testEvents},
		{"EventsPaging", testEventsPaging},
		{"Stats", testStats},
		{"Has", testHas},
		{"ConcurrentPutDoc", testConcurrentPutDoc},
		{"Deadlines", testDeadlines},
		{"Fuse", testFuse},
		{"FusedPutEvents", testFusedPutEvents},
		{"Fused", testFused},
		{"ConcurrentFuse", testConcurrentFuse},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tt.fn(t, s)
		})
	}
}

// ignoreFused leaves Event.FusedID out of comparisons: which fused event
// an event joins depends on what else is stored; checkFused checks it.
var ignoreFused = cmpopts.IgnoreFields(parley.Event{}, "FusedID")

// checkFused checks that each stored event names a fused event that lists
// it among its mentions.
func checkFused(tb testing.TB, s parley.Store, events []parley.Event) {
	tb.Helper()
	for _, e := range events {
		if e.FusedID == "" {
			tb.Errorf("stored event %s has no FusedID", e.ID)
			continue
		}
		f, err := s.FusedEvent(tb.Context(), e.FusedID)
		if err != nil {
			tb.Errorf("FusedEvent(%s) of event %s: %v", e.FusedID, e.ID, err)
			continue
		}
		if !slices.ContainsFunc(f.Mentions, func(m parley.Mention) bool { return m.ID == e.ID }) {
			tb.Errorf("fused event %s does not list its event %s among its mentions", e.FusedID, e.ID)
		}
	}
}

// day is a fixed reference time for fixtures.
var day = time.Date(2025, 7, 21, 0, 0, 0, 0, time.UTC)

// annotated returns a Doc for text with tokens (runs of letters and digits,
// and single other characters) and sentences (ending at each ".") set.
func annotated(text string) *parley.Doc {
	d := parley.NewDoc(text)
	start := -1
	flush := func(end int) {
		if start >= 0 {
			d.Tokens = append(d.Tokens, parley.Token{Start: start, End: end, Head: -1})
			start = -1
		}
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		case unicode.IsSpace(r):
			flush(i)
		default:
			flush(i)
			d.Tokens = append(d.Tokens, parley.Token{Start: i, End: i + len(string(r)), Kind: parley.TokPunct, Head: -1})
		}
	}
	flush(len(text))
	first := 0
	for i := range d.Tokens {
		if d.TokenText(i) == "." || i == len(d.Tokens)-1 {
			d.Sentences = append(d.Sentences, parley.Sentence{Tokens: parley.Span{Start: first, End: i + 1}})
			first = i + 1
		}
	}
	d.Layers = parley.LayerTokens | parley.LayerSentences
	return d
}

// fullDoc returns a document with every field and annotation layer set.
func fullDoc() *parley.Doc {
	d := annotated("Russian officials met Ukrainian negotiators in Geneva on Monday. The talks ended without agreement.")
	d.SourceID = "afp-2025-0721-001"
	d.URL = "https://example.com/news/geneva-talks"
	d.Title = "Talks in Geneva"
	d.Source = "AFP"
	d.Language = "en"
	d.Published = time.Date(2025, 7, 21, 14, 30, 15, 123456789, time.FixedZone("CEST", 2*60*60))
	d.Meta = map[string]string{"section": "world", "author": "Jane Doe"}
	d.Origin = "news.jsonl:12"
	d.Layers = parley.LayerTokens | parley.LayerSentences | parley.LayerPOS | parley.LayerLemmas |
		parley.LayerDeps | parley.LayerEntities | parley.LayerTimexes | parley.LayerPlaces |
		parley.LayerActors | parley.LayerEvents
	for i := range d.Tokens {
		d.Tokens[i].Head = 2
		d.Tokens[i].DepRel = "dep"
	}
	d.Tokens[2] = parley.Token{Start: d.Tokens[2].Start, End: d.Tokens[2].End, Kind: parley.TokWord,
		UPOS: "VERB", XPOS: "VBD", Feats: "Mood=Ind|Tense=Past|VerbForm=Fin", Lemma: "meet", Head: -1, DepRel: "root"}
	d.Entities = []parley.Entity{
		{Tokens: parley.Span{Start: 0, End: 1}, Type: parley.MISC, Subtype: "NORP"},
		{Tokens: parley.Span{Start: 6, End: 7}, Type: parley.LOC, Subtype: "GPE"},
	}
	d.Timexes = []parley.Timex{{Tokens: parley.Span{Start: 8, End: 9}, Type: "DATE", Value: "2025-07-21", Approximate: true}}
	d.Dateline = parley.Span{Start: 6, End: 7}
	d.Places = []parley.Place{{Tokens: parley.Span{Start: 6, End: 7}, GeoNameID: 2660646, Name: "Geneva",
		Country: "CHE", Admin1: "GE", Feature: "PPLA", Lat: 46.20222, Lon: 6.14569}}
	d.Actors = []parley.Actor{
		{Tokens: parley.Span{Start: 0, End: 2}, Code: "RUSGOV", Country: "RUS", Sectors: "GOV", Name: "Russia", Entity: 0, Ref: -1},
		{Tokens: parley.Span{Start: 3, End: 5}, Code: "UKRGOV", Country: "UKR", Sectors: "GOV", Entity: -1, Ref: -1, CountryFrom: "document"},
	}
	d.Events = []parley.Event{
		{Sentence: 0, Trigger: parley.Span{Start: 2, End: 3}, Source: "RUSGOV", Target: "UKRGOV", SourceRef: 0, TargetRef: 1,
			Code: "046", Root: "04", QuadClass: 1, Goldstein: 7, Plover: "CONSULT", Mode: parley.Asserted,
			Date: day.Add(14*time.Hour + 500*time.Millisecond), Precision: "day", Place: 0, Pattern: "meet",
			PloverMode: "in-person", PloverContext: "diplomatic;economic", ReportedBy: "UKRGOV", ReportedByRef: 1, Confidence: 0.8},
		{Sentence: 1, Trigger: parley.Span{Start: 12, End: 13}, SourceRef: -1, TargetRef: -1, ReportedByRef: -1,
			Code: "057", Root: "05", QuadClass: 1, Goldstein: 8, Mode: parley.Negated, Place: -1},
	}
	d.Deadlines = []parley.Deadline{{Sentence: 0, Tokens: parley.Span{Start: 8, End: 9}, Timex: 0, Event: 0,
		SetBy: "RUSGOV", SetByRef: 0, On: "UKRGOV", OnRef: 1, Condition: parley.Span{Start: 6, End: 9},
		Due: time.Date(2025, 9, 10, 0, 0, 0, 0, time.UTC), Approximate: true}}
	d.Note("geo", parley.NoteAmbiguous, parley.Span{Start: 47, End: 53}, "Geneva: 2 candidates")
	return d
}

// stored returns d as a store returns it: times in UTC truncated to the
// second, events numbered.
func stored(d *parley.Doc) *parley.Doc {
	c := *d
	c.Published = utcSecond(d.Published)
	c.Events = numbered(d.ID, d.Events)
	c.Deadlines = nil
	for i, dl := range d.Deadlines {
		dl.ID, dl.DocID, dl.Due = fmt.Sprintf("%s-D%03d", d.ID, i+1), d.ID, utcSecond(dl.Due)
		c.Deadlines = append(c.Deadlines, dl)
	}
	return &c
}

// numbered returns events as stored for document docID.
func numbered(docID string, events []parley.Event) []parley.Event {
	var out []parley.Event
	for i, e := range events {
		e.ID = fmt.Sprintf("%s-%04d", docID, i+1)
		e.DocID = docID
		e.Date = utcSecond(e.Date)
		out = append(out, e)
	}
	return out
}

func utcSecond(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.Truncate(time.Second).UTC()
}

// checkUTC reports an error for a non-zero time whose location is not UTC.
func checkUTC(tb testing.TB, what string, t time.Time) {
	tb.Helper()
	if !t.IsZero() && t.Location() != time.UTC {
		tb.Errorf("%s = %v, location %v; want UTC", what, t, t.Location())
	}
}

func put(tb testing.TB, s parley.Store, docs ...*parley.Doc) {
	tb.Helper()
	for _, d := range docs {
		created, err := s.PutDoc(tb.Context(), d)
		if err != nil || !created {
			tb.Fatalf("PutDoc(%s) = %v, %v; want true, nil", d.ID, created, err)
		}
	}
}

func putEvents(tb testing.TB, s parley.Store, docID string, events []parley.Event) {
	tb.Helper()
	if err := s.PutEvents(tb.Context(), docID, events); err != nil {
		tb.Fatalf("PutEvents(%s): %v", docID, err)
	}
}

func stats(tb testing.TB, s parley.Store) (docs, events int) {
	tb.Helper()
	docs, events, err := s.Stats(tb.Context())
	if err != nil {
		tb.Fatalf("Stats: %v", err)
	}
	return docs, events
}

func testDocRoundTrip(t *testing.T, s parley.Store) {
	minimal := parley.NewDoc("Just text.")
	utf8 := parley.NewDoc("Κυβέρνηση — 政府 \u2028 🇺🇦 end")
	utf8.Meta = map[string]string{"ключ": "значение", "quote\"": "back\\slash"}
	utf8.Published = time.Date(1969, 12, 31, 23, 59, 59, 999, time.UTC) // before the Unix epoch
	tests := []struct {
		name string
		doc  *parley.Doc
	}{
		{"full", fullDoc()},
		{"minimal", minimal},
		{"unicode", utf8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			put(t, s, tt.doc)
			got, err := s.Doc(t.Context(), tt.doc.ID)
			if err != nil {
				t.Fatalf("Doc(%s): %v", tt.doc.ID, err)
			}
			if diff := cmp.Diff(stored(tt.doc), got, ignoreFused); diff != "" {
				t.Errorf("Doc(%s) mismatch (-want +got):\n%s", tt.doc.ID, diff)
			}
			checkUTC(t, "Published", got.Published)
			for _, e := range got.Events {
				checkUTC(t, e.ID+" Date", e.Date)
			}
			checkFused(t, s, got.Events)
		})
	}
	if docs, _ := stats(t, s); docs != len(tests) {
		t.Errorf("Stats docs = %d, want %d", docs, len(tests))
	}
}

func testPutDocDuplicate(t *testing.T, s parley.Store) {
	orig := fullDoc()
	put(t, s, orig)
	dup := fullDoc()
	dup.Title = "Another title"
	dup.Meta = map[string]string{"section": "sport"}
	dup.Tokens = nil
	dup.Events = dup.Events[:1]
	created, err := s.PutDoc(t.Context(), dup)
	if err != nil || created {
		t.Fatalf("second PutDoc = %v, %v; want false, nil", created, err)
	}
	got, err := s.Doc(t.Context(), orig.ID)
	if err != nil {
		t.Fatalf("Doc: %v", err)
	}
	if diff := cmp.Diff(stored(orig), got, ignoreFused); diff != "" {
		t.Errorf("Doc after duplicate PutDoc mismatch (-want +got):\n%s", diff)
	}
	if docs, events := stats(t, s); docs != 1 || events != 2 {
		t.Errorf("Stats = %d docs, %d events; want 1, 2", docs, events)
	}
}

func testPutDocInvalid(t *testing.T, s parley.Store) {
	tests := []struct {
		name string
		doc  *parley.Doc
	}{
		{"nil", nil},
		{"empty ID", &parley.Doc{Text: "No ID."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			created, err := s.PutDoc(t.Context(), tt.doc)
			if created || parley.KindOf(err) != parley.Invalid {
				t.Errorf("PutDoc = %v, %v (kind %v); want false, kind %v", created, err, parley.KindOf(err), parley.Invalid)
			}
		})
	}
	if docs, _ := stats(t, s); docs != 0 {
		t.Errorf("Stats docs = %d, want 0", docs)
	}
}

func testDocNotFound(t *testing.T, s parley.Store) {
	put(t, s, parley.NewDoc("Stored."))
	for _, id := range []string{parley.Hash("Not stored."), "", "%", "*"} {
		d, err := s.Doc(t.Context(), id)
		if d != nil || parley.KindOf(err) != parley.NotFound {
			t.Errorf("Doc(%q) = %v, %v (kind %v); want nil, kind %v", id, d, err, parley.KindOf(err), parley.NotFound)
		}
	}
}

// docFixtures returns 25 documents from three outlets published on
// different days, every fifth with no publication time.
func docFixtures() []*parley.Doc {
	outlets := []string{"AFP", "Reuters", "AP"}
	var docs []*parley.Doc
	for i := range 25 {
		d := parley.NewDoc(fmt.Sprintf("Document number %d.", i))
		d.SourceID = fmt.Sprintf("src-%02d", i)
		d.URL = fmt.Sprintf("https://example.com/%d", i)
		d.Title = fmt.Sprintf("Title %d", i)
		d.Source = outlets[i%len(outlets)]
		if i%5 != 4 {
			d.Published = day.Add(time.Duration(i)*24*time.Hour + 90*time.Minute)
		}
		if i%4 == 0 {
			d.Events = []parley.Event{{Code: "010", Root: "01", QuadClass: 1, Place: -1, SourceRef: -1, TargetRef: -1}}
		}
		docs = append(docs, d)
	}
	return docs
}

// wantDocs returns the IDs of the docs f selects, as Docs must list them.
func wantDocs(docs []*parley.Doc, f parley.DocFilter) []string {
	var ids []string
	for _, d := range docs {
		switch {
		case f.Source != "" && d.Source != f.Source,
			!f.Since.IsZero() && (d.Published.IsZero() || d.Published.Before(f.Since)),
			!f.Until.IsZero() && (d.Published.IsZero() || !d.Published.Before(f.Until)),
			f.After != "" && d.ID <= f.After:
			continue
		}
		ids = append(ids, d.ID)
	}
	slices.Sort(ids)
	if f.Limit > 0 && len(ids) > f.Limit {
		ids = ids[:f.Limit]
	}
	return ids
}

func testDocs(t *testing.T, s parley.Store) {
	docs := docFixtures()
	before := time.Now()
	put(t, s, docs...)
	after := time.Now()
	sorted := wantDocs(docs, parley.DocFilter{})

	tests := []struct {
		name string
		f    parley.DocFilter
	}{
		{"all", parley.DocFilter{}},
		{"source", parley.DocFilter{Source: "AFP"}},
		{"source is exact", parley.DocFilter{Source: "AF"}},
		{"unknown source", parley.DocFilter{Source: "TASS"}},
		{"since", parley.DocFilter{Since: day.Add(10 * 24 * time.Hour)}},
		{"since is inclusive", parley.DocFilter{Since: docs[7].Published}},
		{"until is exclusive", parley.DocFilter{Until: docs[7].Published}},
		{"since and until", parley.DocFilter{Since: day.Add(5 * 24 * time.Hour), Until: day.Add(15 * 24 * time.Hour)}},
		{"source and since", parley.DocFilter{Source: "Reuters", Since: day.Add(3 * 24 * time.Hour)}},
		{"after", parley.DocFilter{After: sorted[11]}},
		{"after last", parley.DocFilter{After: sorted[len(sorted)-1]}},
		{"after non-ID", parley.DocFilter{After: "8"}},
		{"limit", parley.DocFilter{Limit: 5}},
		{"everything", parley.DocFilter{Source: "AP", Since: day, Until: day.Add(20 * 24 * time.Hour), After: sorted[3], Limit: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Docs(t.Context(), tt.f)
			if err != nil {
				t.Fatalf("Docs(%+v): %v", tt.f, err)
			}
			ids := make([]string, len(got))
			for i, di := range got {
				ids[i] = di.ID
			}
			if diff := cmp.Diff(wantDocs(docs, tt.f), ids, equateEmpty); diff != "" {
				t.Errorf("Docs(%+v) IDs mismatch (-want +got):\n%s", tt.f, diff)
			}
		})
	}

	// Every field of every DocInfo.
	got, err := s.Docs(t.Context(), parley.DocFilter{})
	if err != nil {
		t.Fatalf("Docs: %v", err)
	}
	byID := make(map[string]*parley.Doc)
	for _, d := range docs {
		byID[d.ID] = d
	}
	for _, di := range got {
		d := byID[di.ID]
		if d == nil {
			t.Errorf("Docs returned unknown ID %s", di.ID)
			continue
		}
		want := parley.DocInfo{ID: d.ID, SourceID: d.SourceID, URL: d.URL, Title: d.Title, Source: d.Source,
			Published: utcSecond(d.Published), Ingested: di.Ingested, Bytes: len(d.Text), Events: len(d.Events)}
		if diff := cmp.Diff(want, di); diff != "" {
			t.Errorf("DocInfo %s mismatch (-want +got):\n%s", d.ID, diff)
		}
		checkUTC(t, di.ID+" Published", di.Published)
		checkUTC(t, di.ID+" Ingested", di.Ingested)
		if di.Ingested.Before(before.Truncate(time.Second)) || di.Ingested.After(after) {
			t.Errorf("DocInfo %s Ingested = %v, want within [%v, %v]", di.ID, di.Ingested, before, after)
		}
	}
}

var equateEmpty = cmp.Comparer(func(a, b []string) bool { return slices.Equal(a, b) })

func testDocsPaging(t *testing.T, s parley.Store) {
	docs := docFixtures()
	put(t, s, docs...)
	var (
		ids   []string
		sizes []int
		f     = parley.DocFilter{Limit: 10}
	)
	for range 10 {
		page, err := s.Docs(t.Context(), f)
		if err != nil {
			t.Fatalf("Docs(%+v): %v", f, err)
		}
		sizes = append(sizes, len(page))
		if len(page) == 0 {
			break
		}
		for _, di := range page {
			ids = append(ids, di.ID)
		}
		f.After = page[len(page)-1].ID
	}
	if want := []int{10, 10, 5, 0}; !slices.Equal(sizes, want) {
		t.Errorf("page sizes = %v, want %v", sizes, want)
	}
	if diff := cmp.Diff(wantDocs(docs, parley.DocFilter{}), ids); diff != "" {
		t.Errorf("paged IDs mismatch (-want +got):\n%s", diff)
	}
}

func testDefaultLimit(t *testing.T, s parley.Store) {
	const n = 105
	for i := range n {
		d := parley.NewDoc(fmt.Sprintf("Document %d.", i))
		d.Events = []parley.Event{{Code: "010", Place: -1, SourceRef: -1, TargetRef: -1}}
		put(t, s, d)
	}
	docs, err := s.Docs(t.Context(), parley.DocFilter{})
	if err != nil || len(docs) != 100 {
		t.Errorf("Docs with zero Limit = %d docs, %v; want 100, nil", len(docs), err)
	}
	events, err := s.Events(t.Context(), parley.EventFilter{})
	if err != nil || len(events) != 100 {
		t.Errorf("Events with zero Limit = %d events, %v; want 100, nil", len(events), err)
	}
	docs, err = s.Docs(t.Context(), parley.DocFilter{Limit: n + 10})
	if err != nil || len(docs) != n {
		t.Errorf("Docs with Limit %d = %d docs, %v; want %d, nil", n+10, len(docs), err, n)
	}
}

func testNegativeLimit(t *testing.T, s parley.Store) {
	put(t, s, parley.NewDoc("Something."))
	if _, err := s.Docs(t.Context(), parley.DocFilter{Limit: -1}); parley.KindOf(err) != parley.Invalid {
		t.Errorf("Docs with Limit -1: err = %v (kind %v), want kind %v", err, parley.KindOf(err), parley.Invalid)
	}
	if _, err := s.Events(t.Context(), parley.EventFilter{Limit: -1}); parley.KindOf(err) != parley.Invalid {
		t.Errorf("Events with Limit -1: err = %v (kind %v), want kind %v", err, parley.KindOf(err), parley.Invalid)
	}
}

func testPutEvents(t *testing.T, s parley.Store) {
	d := fullDoc()
	first := d.Events
	d.Events = nil
	other := annotated("Protesters clashed with police.")
	otherEvents := []parley.Event{{Sentence: 0, Trigger: parley.Span{Start: 1, End: 2}, Source: "CVL", Target: "COP",
		Code: "145", Root: "14", QuadClass: 4, Goldstein: -7, Mode: parley.Asserted, Place: -1, SourceRef: -1, TargetRef: -1}}
	put(t, s, d, other)
	putEvents(t, s, other.ID, otherEvents)

	second := []parley.Event{{Sentence: 1, Trigger: parley.Span{Start: 12, End: 13}, Source: "UKRGOV", Target: "RUSGOV",
		SourceRef: 1, TargetRef: 0, Code: "0311", Root: "03", QuadClass: 1, Goldstein: 5.2, Plover: "AGREE",
		Mode: parley.Reported, Date: day.Add(36 * time.Hour), Precision: "month", Place: -1, Pattern: "end talks"}}
	steps := []struct {
		name   string
		events []parley.Event
	}{
		{"first", first},
		{"replace", second},
		{"again", first},
		{"many", slices.Repeat(second, 12)},
		{"clear", nil},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			putEvents(t, s, d.ID, st.events)
			want := numbered(d.ID, st.events)
			got, err := s.Events(t.Context(), parley.EventFilter{DocID: d.ID})
			if err != nil {
				t.Fatalf("Events: %v", err)
			}
			if diff := cmp.Diff(want, got, ignoreFused); diff != "" {
				t.Errorf("Events mismatch (-want +got):\n%s", diff)
			}
			for _, e := range got {
				checkUTC(t, e.ID+" Date", e.Date)
			}
			gotDoc, err := s.Doc(t.Context(), d.ID)
			if err != nil {
				t.Fatalf("Doc: %v", err)
			}
			if diff := cmp.Diff(want, gotDoc.Events, ignoreFused); diff != "" {
				t.Errorf("Doc.Events mismatch (-want +got):\n%s", diff)
			}
			checkFused(t, s, got)
			if docs, events := stats(t, s); docs != 2 || events != len(st.events)+len(otherEvents) {
				t.Errorf("Stats = %d docs, %d events; want 2, %d", docs, events, len(st.events)+len(otherEvents))
			}
			infos, err := s.Docs(t.Context(), parley.DocFilter{})
			if err != nil {
				t.Fatalf("Docs: %v", err)
			}
			for _, di := range infos {
				if di.ID == d.ID && di.Events != len(st.events) {
					t.Errorf("DocInfo.Events = %d, want %d", di.Events, len(st.events))
				}
			}
		})
	}

	// The other document's events are untouched.
	got, err := s.Events(t.Context(), parley.EventFilter{DocID: other.ID})
	if err != nil {
		t.Fatalf("Events: %v", err)
	}
	if diff := cmp.Diff(numbered(other.ID, otherEvents), got, ignoreFused); diff != "" {
		t.Errorf("other document's events mismatch (-want +got):\n%s", diff)
	}

	unknown := parley.Hash("Not stored.")
	if err := s.PutEvents(t.Context(), unknown, first); parley.KindOf(err) != parley.NotFound {
		t.Errorf("PutEvents(unknown) = %v (kind %v), want kind %v", err, parley.KindOf(err), parley.NotFound)
	}
	if _, events := stats(t, s); events != len(otherEvents) {
		t.Errorf("Stats events after PutEvents(unknown) = %d, want %d", events, len(otherEvents))
	}
}

// eventFixtures stores three documents with events and returns all the
// events as stored, ordered by ID.
func eventFixtures(t *testing.T, s parley.Store) (docIDs []string, events []parley.Event) {
	t.Helper()
	type ev struct {
		source, target, code string
		days                 int // days after day, or -1 for no date
	}
	fixtures := [][]ev{
		{{"RUSGOV", "UKRGOV", "0431", 0}, {"RUSMIL", "UKR", "190", 1}, {"USA", "RUSGOV", "042", 2}, {"UKRGOV", "RUS", "1823", -1}},
		{{"UKR", "RUSMIL", "190", 3}, {"RUS", "USAGOV", "0431", 4}, {"CHN", "", "036", 5}},
		{{"", "UKRGOV", "042", 6}, {"RUSGOVMIL", "UKRCVL", "1823", 7}, {"USAGOV", "CHN", "0432", 8}, {"RUS", "UKR", "04", 9}},
	}
	for i, fx := range fixtures {
		d := annotated(fmt.Sprintf("Article %d reports several things.", i))
		put(t, s, d)
		var in []parley.Event
		for _, e := range fx {
			var date time.Time
			if e.days >= 0 {
				date = day.Add(time.Duration(e.days)*24*time.Hour + 6*time.Hour)
			}
			in = append(in, parley.Event{Trigger: parley.Span{Start: 2, End: 3}, Source: e.source, Target: e.target,
				SourceRef: -1, TargetRef: -1, Code: e.code, Root: e.code[:2], QuadClass: 1, Mode: parley.Asserted,
				Date: date, Precision: "day", Place: -1})
		}
		putEvents(t, s, d.ID, in)
		docIDs = append(docIDs, d.ID)
		events = append(events, numbered(d.ID, in)...)
	}
	slices.SortFunc(events, func(a, b parley.Event) int { return strings.Compare(a.ID, b.ID) })
	return docIDs, events
}

// wantEvents returns the events f selects, as Events must list them.
func wantEvents(events []parley.Event, f parley.EventFilter) []parley.Event {
	var out []parley.Event
	for _, e := range events {
		switch {
		case f.DocID != "" && e.DocID != f.DocID,
			!strings.HasPrefix(e.Source, f.Source),
			!strings.HasPrefix(e.Target, f.Target),
			!strings.HasPrefix(e.Code, f.Code),
			!f.Since.IsZero() && (e.Date.IsZero() || e.Date.Before(f.Since)),
			!f.Until.IsZero() && (e.Date.IsZero() || !e.Date.Before(f.Until)),
			f.After != "" && e.ID <= f.After:
			continue
		}
		out = append(out, e)
	}
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out
}

func testEvents(t *testing.T, s parley.Store) {
	docIDs, all := eventFixtures(t, s)
	tests := []struct {
		name  string
		f     parley.EventFilter
		count int // the number of events wantEvents must select, or -1 when that depends on the IDs
	}{
		{"all", parley.EventFilter{}, 11},
		{"doc", parley.EventFilter{DocID: docIDs[1]}, 3},
		{"unknown doc", parley.EventFilter{DocID: parley.Hash("Not stored.")}, 0},
		{"source prefix", parley.EventFilter{Source: "RUS"}, 5},
		{"source prefix longer", parley.EventFilter{Source: "RUSGOV"}, 2},
		{"source whole code", parley.EventFilter{Source: "USA"}, 2},
		{"source is case-sensitive", parley.EventFilter{Source: "rus"}, 0},
		{"source has no wildcards", parley.EventFilter{Source: "R%"}, 0},
		{"source has no wildcards _", parley.EventFilter{Source: "R_S"}, 0},
		{"source has no wildcards *", parley.EventFilter{Source: "R*"}, 0},
		{"source has no wildcards ?", parley.EventFilter{Source: "R?S"}, 0},
		{"target prefix", parley.EventFilter{Target: "UKR"}, 5},
		{"target and source", parley.EventFilter{Source: "RUS", Target: "UKRGOV"}, 1},
		{"code root", parley.EventFilter{Code: "04"}, 6},
		{"code prefix", parley.EventFilter{Code: "043"}, 3},
		{"code exact", parley.EventFilter{Code: "0431"}, 2},
		{"code and source", parley.EventFilter{Code: "19", Source: "RUS"}, 1},
		{"since", parley.EventFilter{Since: day.Add(5 * 24 * time.Hour)}, 5},
		{"since is inclusive", parley.EventFilter{Since: day.Add(4*24*time.Hour + 6*time.Hour)}, 6},
		{"until", parley.EventFilter{Until: day.Add(3 * 24 * time.Hour)}, 3},
		{"until is exclusive", parley.EventFilter{Until: day.Add(3*24*time.Hour + 6*time.Hour)}, 3},
		{"since and until", parley.EventFilter{Since: day.Add(2 * 24 * time.Hour), Until: day.Add(6 * 24 * time.Hour)}, 4},
		{"after", parley.EventFilter{After: all[4].ID}, 6},
		{"after doc ID", parley.EventFilter{After: docIDs[0]}, -1},
		{"limit", parley.EventFilter{Limit: 4}, 4},
		{"everything", parley.EventFilter{DocID: docIDs[2], Source: "RUS", Code: "04", Since: day, Until: day.Add(30 * 24 * time.Hour), Limit: 1}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := wantEvents(all, tt.f)
			if tt.count >= 0 && len(want) != tt.count {
				t.Fatalf("fixture check: filter selects %d events, test expects %d", len(want), tt.count)
			}
			got, err := s.Events(t.Context(), tt.f)
			if err != nil {
				t.Fatalf("Events(%+v): %v", tt.f, err)
			}
			if diff := cmp.Diff(want, got, ignoreFused); diff != "" {
				t.Errorf("Events(%+v) mismatch (-want +got):\n%s", tt.f, diff)
			}
		})
	}
}

func testEventsPaging(t *testing.T, s parley.Store) {
	_, all := eventFixtures(t, s)
	var (
		got   []parley.Event
		sizes []int
		f     = parley.EventFilter{Source: "RUS", Limit: 2}
	)
	for range 10 {
		page, err := s.Events(t.Context(), f)
		if err != nil {
			t.Fatalf("Events(%+v): %v", f, err)
		}
		sizes = append(sizes, len(page))
		if len(page) == 0 {
			break
		}
		got = append(got, page...)
		f.After = page[len(page)-1].ID
	}
	if want := []int{2, 2, 1, 0}; !slices.Equal(sizes, want) {
		t.Errorf("page sizes = %v, want %v", sizes, want)
	}
	if diff := cmp.Diff(wantEvents(all, parley.EventFilter{Source: "RUS"}), got, ignoreFused); diff != "" {
		t.Errorf("paged events mismatch (-want +got):\n%s", diff)
	}
}

func testStats(t *testing.T, s parley.Store) {
	if docs, events := stats(t, s); docs != 0 || events != 0 {
		t.Errorf("Stats of empty store = %d docs, %d events; want 0, 0", docs, events)
	}
	put(t, s, fullDoc(), parley.NewDoc("No events."))
	eventFixtures(t, s)
	if docs, events := stats(t, s); docs != 5 || events != 13 {
		t.Errorf("Stats = %d docs, %d events; want 5, 13", docs, events)
	}
}

func testHas(t *testing.T, s parley.Store) {
	d := parley.NewDoc("Stored once.")
	if ok, err := s.Has(t.Context(), d.ID); ok || err != nil {
		t.Errorf("Has before PutDoc = %v, %v; want false, nil", ok, err)
	}
	put(t, s, d)
	if ok, err := s.Has(t.Context(), d.ID); !ok || err != nil {
		t.Errorf("Has after PutDoc = %v, %v; want true, nil", ok, err)
	}
	if ok, err := s.Has(t.Context(), parley.Hash("never stored")); ok || err != nil {
		t.Errorf("Has(unknown) = %v, %v; want false, nil", ok, err)
	}
}

func testConcurrentPutDoc(t *testing.T, s parley.Store) {
	const (
		workers = 8
		shared  = 10 // documents every worker puts
		own     = 5  // documents only one worker puts
	)
	var sharedDocs []*parley.Doc
	for i := range shared {
		d := fullDoc()
		d.Text += fmt.Sprintf(" Copy %d.", i)
		d.ID = parley.Hash(d.Text)
		sharedDocs = append(sharedDocs, d)
	}
	created := make([]atomic.Int32, shared)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range shared {
				j := (i + w) % shared // each worker starts elsewhere
				ok, err := s.PutDoc(t.Context(), sharedDocs[j])
				if err != nil {
					t.Errorf("worker %d: PutDoc(shared %d): %v", w, j, err)
				}
				if ok {
					created[j].Add(1)
				}
				if i < own {
					d := parley.NewDoc(fmt.Sprintf("Worker %d document %d.", w, i))
					if ok, err := s.PutDoc(t.Context(), d); err != nil || !ok {
						t.Errorf("worker %d: PutDoc(own %d) = %v, %v; want true, nil", w, i, ok, err)
					}
				}
				if _, err := s.Docs(t.Context(), parley.DocFilter{Limit: 5}); err != nil {
					t.Errorf("worker %d: Docs: %v", w, err)
				}
			}
		})
	}
	wg.Wait()
	for i := range created {
		if n := created[i].Load(); n != 1 {
			t.Errorf("shared document %d reported created %d times, want 1", i, n)
		}
	}
	wantEvents := shared * len(fullDoc().Events)
	if docs, events := stats(t, s); docs != shared+workers*own || events != wantEvents {
		t.Errorf("Stats = %d docs, %d events; want %d, %d", docs, events, shared+workers*own, wantEvents)
	}
	for _, d := range sharedDocs {
		got, err := s.Doc(t.Context(), d.ID)
		if err != nil {
			t.Errorf("Doc(%s): %v", d.ID, err)
			continue
		}
		if diff := cmp.Diff(stored(d), got, ignoreFused); diff != "" {
			t.Errorf("Doc(%s) mismatch (-want +got):\n%s", d.ID, diff)
		}
	}
}

func testDeadlines(t *testing.T, s parley.Store) {
	due := func(m, d int) time.Time { return time.Date(2025, time.Month(m), d, 12, 0, 0, 0, time.UTC) }
	a := annotated("Moscow must agree by Friday. Kyiv must answer within ten days.")
	a.Deadlines = []parley.Deadline{
		{Sentence: 0, Tokens: parley.Span{Start: 4, End: 5}, Timex: -1, Event: -1, SetByRef: -1, OnRef: -1, Due: due(9, 1)},
		{Sentence: 1, Tokens: parley.Span{Start: 10, End: 12}, Timex: -1, Event: -1, SetByRef: -1, OnRef: -1, Due: due(7, 31), Approximate: true},
	}
	b := annotated("Talks must end by Sunday.")
	b.Deadlines = []parley.Deadline{{Sentence: 0, Tokens: parley.Span{Start: 4, End: 5}, Timex: -1, Event: -1, SetByRef: -1, OnRef: -1, Due: due(8, 15)}}
	c := annotated("No limits here.")
	put(t, s, a, b, c)
	list := func(f parley.DeadlineFilter) []string {
		t.Helper()
		got, err := s.Deadlines(t.Context(), f)
		if err != nil {
			t.Fatalf("Deadlines(%+v): %v", f, err)
		}
		var out []string
		for _, dl := range got {
			checkUTC(t, dl.ID+" Due", dl.Due)
			out = append(out, dl.ID+" "+dl.Due.Format("01-02"))
		}
		return out
	}
	ida, idb := a.ID, b.ID
	for _, c := range []struct {
		name string
		f    parley.DeadlineFilter
		want []string
	}{
		{"all, by due date", parley.DeadlineFilter{}, []string{ida + "-D002 07-31", idb + "-D001 08-15", ida + "-D001 09-01"}},
		{"one document", parley.DeadlineFilter{DocID: ida}, []string{ida + "-D002 07-31", ida + "-D001 09-01"}},
		{"due since", parley.DeadlineFilter{DueSince: due(8, 15)}, []string{idb + "-D001 08-15", ida + "-D001 09-01"}},
		{"due before", parley.DeadlineFilter{DueBefore: due(8, 15)}, []string{ida + "-D002 07-31"}},
		{"limit", parley.DeadlineFilter{Limit: 1}, []string{ida + "-D002 07-31"}},
		{"none", parley.DeadlineFilter{DocID: c.ID}, nil},
	} {
		if got := list(c.f); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
	if _, err := s.Deadlines(t.Context(), parley.DeadlineFilter{Limit: -1}); parley.KindOf(err) != parley.Invalid {
		t.Errorf("Deadlines with a negative limit: %v, want Kind Invalid", err)
	}
	// PutEvents leaves a document's deadlines as they are.
	putEvents(t, s, ida, nil)
	if got := list(parley.DeadlineFilter{DocID: ida}); len(got) != 2 {
		t.Errorf("after PutEvents: %q, want the two deadlines", got)
	}
}
