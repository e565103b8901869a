package storetest

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
)

// A story for the fusion tests: one sentence per report, its event on the
// word "shelled" (or the verb the text has in its place).
type report struct {
	text      string
	outlet    string
	published time.Time
	code      string
	mode      parley.Modality
	date      time.Time
	precision string
	place     *parley.Place
	source    string
	target    string
}

// reportDoc returns a stored-ready document for r: every sentence of the
// text that contains the trigger word gets an event.
func reportDoc(r report) *parley.Doc {
	d := annotated(r.text)
	d.Source, d.Published = r.outlet, r.published
	if r.place != nil {
		d.Places = []parley.Place{*r.place}
		d.Layers |= parley.LayerPlaces
	}
	src, tgt := r.source, r.target
	if src == "" && tgt == "" {
		src, tgt = "FRDMIL", "SYL"
	}
	mode := r.mode
	if mode == "" {
		mode = parley.Asserted
	}
	for si, s := range d.Sentences {
		for i := s.Tokens.Start; i < s.Tokens.End; i++ {
			w := d.TokenText(i)
			if w != "shelled" && w != "bombarded" && w != "fired" {
				continue
			}
			place := -1
			if r.place != nil {
				place = 0
			}
			d.Events = append(d.Events, parley.Event{Sentence: si, Trigger: parley.Span{Start: i, End: i + 1},
				Source: src, Target: tgt, SourceRef: -1, TargetRef: -1, Code: r.code, Root: r.code[:2],
				QuadClass: 4, Goldstein: -10, Plover: "ASSAULT", Mode: mode, Date: r.date, Precision: r.precision, Place: place,
				ReportedByRef: -1, Pattern: "test"})
		}
	}
	d.Layers |= parley.LayerEvents
	return d
}

// Places for the fusion tests: two towns 20 km apart, one 500 km away, a
// town across the border, and the whole country.
var (
	townA   = &parley.Place{GeoNameID: 1, Name: "Alpha", Country: "SYL", Feature: "PPL", Lat: 48.0, Lon: 37.0}
	townB   = &parley.Place{GeoNameID: 2, Name: "Beta", Country: "SYL", Feature: "PPL", Lat: 48.18, Lon: 37.0}
	townFar = &parley.Place{GeoNameID: 3, Name: "Gamma", Country: "SYL", Feature: "PPL", Lat: 48.0, Lon: 43.7}
	abroad  = &parley.Place{GeoNameID: 4, Name: "Delta", Country: "FRD", Feature: "PPL", Lat: 48.1, Lon: 37.1}
	country = &parley.Place{GeoNameID: 5, Name: "Sylvania", Country: "SYL", Feature: "PCLI", Lat: 49.0, Lon: 32.0}
)

// fused returns s.Fused(f), and checks that s.FusedItems(f) gives the same
// events, each as its JSON and its cursor.
func fused(tb testing.TB, s parley.Store, f parley.FusedFilter) []parley.FusedEvent {
	tb.Helper()
	got, err := s.Fused(tb.Context(), f)
	if err != nil {
		tb.Fatalf("Fused(%+v): %v", f, err)
	}
	items, err := s.FusedItems(tb.Context(), f)
	if err != nil {
		tb.Fatalf("FusedItems(%+v): %v", f, err)
	}
	var want []parley.FusedItem
	for _, e := range got {
		want = append(want, parley.FusedItem{JSON: e.AppendJSON(nil), Cursor: e.Cursor()})
	}
	if diff := cmp.Diff(want, items, cmp.Transformer("string", func(b []byte) string { return string(b) })); diff != "" {
		tb.Errorf("FusedItems(%+v) differs from Fused (-Fused +FusedItems):\n%s", f, diff)
	}
	return got
}

// mentionCounts summarises fused events as "ID mentions/articles/sources".
func mentionCounts(es []parley.FusedEvent) []string {
	var out []string
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s %d/%d/%d", e.ID, e.NumMentions, e.NumArticles, e.NumSources))
	}
	return out
}

func testFuse(t *testing.T, s parley.Store) {
	at := func(h int) time.Time { return day.Add(time.Duration(h) * time.Hour) }
	story := []report{
		{text: "Freedonian artillery shelled two Sylvanian villages overnight.", outlet: "AFP", published: at(8), code: "195", date: day, precision: "day", place: townA},
		{text: "Villages in Sylvania were shelled by Freedonian guns, officials said.", outlet: "Reuters", published: at(9), code: "195", date: at(6), place: townB},
		{text: "Sylvania says Freedonia shelled its border villages.", published: at(20), code: "1952", mode: parley.Reported, date: at(20), place: country},
	}
	var docs []*parley.Doc
	for _, r := range story {
		docs = append(docs, reportDoc(r))
	}
	put(t, s, docs...)
	first := docs[0].ID + "-0001"
	got := fused(t, s, parley.FusedFilter{})
	if diff := cmp.Diff([]string{first + " 3/3/3"}, mentionCounts(got)); diff != "" {
		t.Fatalf("three reports of one story (-want +got):\n%s", diff)
	}
	e := got[0]
	want := parley.FusedEvent{ID: first, Source: "FRDMIL", Target: "SYL", Code: "195", Root: "19", QuadClass: 4,
		Goldstein: -10, Plover: "ASSAULT", Mode: parley.Asserted, Date: day, Precision: "day", Place: townA,
		NumMentions: 3, NumArticles: 3, NumSources: 3, FirstSeen: at(8), LastSeen: at(20)}
	if diff := cmp.Diff(want, e); diff != "" {
		t.Errorf("fused event (-want +got):\n%s", diff)
	}
	one, err := s.FusedEvent(t.Context(), first)
	if err != nil {
		t.Fatalf("FusedEvent(%s): %v", first, err)
	}
	if len(one.Mentions) != 3 {
		t.Fatalf("FusedEvent(%s) has %d mentions, want 3", first, len(one.Mentions))
	}
	for i, m := range one.Mentions {
		d := docs[i]
		if m.DocID != d.ID || m.ID != d.ID+"-0001" || m.Outlet != d.Source || !m.Published.Equal(d.Published) {
			t.Errorf("mention %d = %s of %s (%q, %v); want %s-0001 of %s (%q, %v)", i, m.ID, m.DocID, m.Outlet, m.Published,
				d.ID, d.ID, d.Source, d.Published)
		}
		if m.SentenceText != d.Text {
			t.Errorf("mention %d sentence = %q, want %q", i, m.SentenceText, d.Text)
		}
		if tb := m.TriggerBytes; tb.Start < 0 || tb.End > len(d.Text) || tb.Start >= tb.End || d.Text[tb.Start:tb.End] != "shelled" {
			t.Errorf("mention %d trigger bytes %v do not hold the trigger", i, tb)
		}
		if m.Code != story[i].code {
			t.Errorf("mention %d code = %s, want %s", i, m.Code, story[i].code)
		}
	}
	one.Mentions = nil
	if diff := cmp.Diff(want, *one); diff != "" {
		t.Errorf("FusedEvent (-want +got):\n%s", diff)
	}

	// Storing a report again changes nothing.
	if created, err := s.PutDoc(t.Context(), reportDoc(story[1])); err != nil || created {
		t.Fatalf("PutDoc(again) = %v, %v; want false, nil", created, err)
	}
	if diff := cmp.Diff(got, fused(t, s, parley.FusedFilter{})); diff != "" {
		t.Errorf("after storing a report again (-before +after):\n%s", diff)
	}

	// Reports that are not of this event each start one of their own.
	apart := []struct {
		why string
		r   report
	}{
		{"three days later", report{text: "Freedonian guns shelled the villages again.", published: at(80), code: "195", date: at(72), place: townA}},
		{"another base code", report{text: "Freedonian soldiers fired on Sylvanian villagers.", published: at(9), code: "190", date: day, place: townA}},
		{"denied", report{text: "Freedonia denied it shelled the villages.", published: at(9), code: "195", mode: parley.Negated, date: day, place: townA}},
		{"planned", report{text: "Freedonia will have shelled them by then.", published: at(9), code: "195", mode: parley.Future, date: day}},
		{"across the border", report{text: "Guns shelled a border town, the other side said.", published: at(9), code: "195", date: day, place: abroad}},
		{"far away", report{text: "Artillery shelled a distant port.", published: at(9), code: "195", date: day, place: townFar}},
		{"another target", report{text: "Freedonian artillery shelled the rebels.", published: at(9), code: "195", date: day, target: "SYLREB", source: "FRDMIL"}},
	}
	for _, a := range apart {
		d := reportDoc(a.r)
		put(t, s, d)
		if e, err := s.FusedEvent(t.Context(), d.ID+"-0001"); err != nil || e.NumMentions != 1 {
			t.Errorf("%s: FusedEvent(%s-0001) = %v, %v; want a fused event of its own", a.why, d.ID, e, err)
		}
	}
	if e, err := s.FusedEvent(t.Context(), first); err != nil || e.NumMentions != 3 {
		t.Errorf("FusedEvent(%s) after the unrelated reports = %v, %v; want 3 mentions still", first, e, err)
	}

	// Two sentences of one article: one article, two mentions. An undated
	// report fuses within its document only.
	twice := reportDoc(report{text: "Artillery shelled Omega. Later it bombarded Omega again.", outlet: "AFP", published: at(100), code: "195", date: at(100)})
	undated := reportDoc(report{text: "Guns fired on Omega. Then guns fired on Omega.", code: "195"})
	undated2 := reportDoc(report{text: "Guns fired on Omega once.", code: "195"})
	put(t, s, twice, undated, undated2)
	for _, c := range []struct {
		id   string
		want string
	}{
		{twice.ID + "-0001", "2/1/1"},
		{undated.ID + "-0001", "2/1/1"},
		{undated2.ID + "-0001", "1/1/1"},
	} {
		e, err := s.FusedEvent(t.Context(), c.id)
		if err != nil {
			t.Errorf("FusedEvent(%s): %v", c.id, err)
			continue
		}
		if got := fmt.Sprintf("%d/%d/%d", e.NumMentions, e.NumArticles, e.NumSources); got != c.want {
			t.Errorf("FusedEvent(%s) counts = %s, want %s", c.id, got, c.want)
		}
	}

	if _, err := s.FusedEvent(t.Context(), "no-such-event"); parley.KindOf(err) != parley.NotFound {
		t.Errorf("FusedEvent(missing) error = %v, want Kind NotFound", err)
	}
}

// testFusedPutEvents checks that replacing a document's events takes its
// mentions out of the fused events they were in.
func testFusedPutEvents(t *testing.T, s parley.Store) {
	r := report{text: "Freedonian artillery shelled Omega.", outlet: "AFP", published: day, code: "195", date: day}
	a := reportDoc(r)
	r.text, r.outlet = "Omega was shelled by Freedonian artillery.", "Reuters"
	b := reportDoc(r)
	put(t, s, a, b)
	id := a.ID + "-0001"
	check := func(what string, want []string) {
		t.Helper()
		if diff := cmp.Diff(want, mentionCounts(fused(t, s, parley.FusedFilter{}))); diff != "" {
			t.Errorf("%s (-want +got):\n%s", what, diff)
		}
	}
	check("two reports", []string{id + " 2/2/2"})

	// The first document's event goes: the fused event keeps its ID.
	putEvents(t, s, a.ID, nil)
	check("first report taken back", []string{id + " 1/1/1"})

	// It comes back under the same event ID, which the fused event still
	// has, and fuses with it again.
	putEvents(t, s, a.ID, a.Events)
	check("first report back", []string{id + " 2/2/2"})

	// Recoded as another event, it starts its own fused event; the old one
	// keeps the second report.
	other := a.Events[0]
	other.Code, other.Root = "0231", "02"
	putEvents(t, s, a.ID, []parley.Event{other})
	got := mentionCounts(fused(t, s, parley.FusedFilter{}))
	if len(got) != 2 || got[0] != id+" 1/1/1" || !strings.HasPrefix(got[1], id+"-2 ") {
		t.Errorf("after recoding = %v; want %s with one report and %s-2 with the other", got, id, id)
	}

	// With no events left anywhere, nothing is fused, and no sentence is
	// found.
	putEvents(t, s, a.ID, nil)
	putEvents(t, s, b.ID, nil)
	check("no events", nil)
	if got := fused(t, s, parley.FusedFilter{Text: "Omega"}); len(got) != 0 {
		t.Errorf("the words of events taken back still find %v", mentionCounts(got))
	}
}

// testFused checks Fused's filters, order and paging.
func testFused(t *testing.T, s parley.Store) {
	at := func(h int) time.Time { return day.Add(time.Duration(h) * time.Hour) }
	reports := []report{
		{text: "Freedonian artillery shelled Alpha.", outlet: "AFP", published: at(1), code: "195", date: at(0), place: townA},
		{text: "Alpha was shelled again by Freedonian artillery.", outlet: "AP", published: at(2), code: "195", date: at(2), place: townA},
		{text: "Sylvanian rebels shelled a Freedonian post.", published: at(50), code: "190", date: at(48), place: abroad, source: "SYLREB", target: "FRDMIL"},
		{text: "Freedonia fired a warning at Sylvania.", published: at(100), code: "138", mode: parley.Future, date: at(100), source: "FRDGOV", target: "SYL"},
		{text: "Freedonian troops fired on protesters.", published: at(30), code: "180", date: time.Time{}, source: "FRDMIL", target: "FRDOPP"},
	}
	for _, r := range reports {
		put(t, s, reportDoc(r))
	}
	all := fused(t, s, parley.FusedFilter{})
	var dates []string
	for _, e := range all {
		dates = append(dates, e.Date.Format("02T15")+" "+e.Code)
	}
	want := []string{"25T04 138", "23T00 190", "21T00 195", "01T00 180"} // the last undated
	if diff := cmp.Diff(want, dates); diff != "" {
		t.Fatalf("Fused order, newest first, undated last (-want +got):\n%s", diff)
	}
	if !all[3].Date.IsZero() {
		t.Errorf("undated event has date %v", all[3].Date)
	}
	codes := func(f parley.FusedFilter) []string {
		var out []string
		for _, e := range fused(t, s, f) {
			out = append(out, e.Code)
		}
		return out
	}
	for _, c := range []struct {
		f    parley.FusedFilter
		want []string
	}{
		{parley.FusedFilter{Source: "FRD"}, []string{"138", "195", "180"}},
		{parley.FusedFilter{Target: "FRD"}, []string{"190", "180"}},
		{parley.FusedFilter{Actor: "SYL"}, []string{"138", "190", "195"}},
		{parley.FusedFilter{Code: "19"}, []string{"190", "195"}},
		{parley.FusedFilter{Code: "1"}, []string{"138", "190", "195", "180"}},
		{parley.FusedFilter{QuadClass: 4}, []string{"138", "190", "195", "180"}},
		{parley.FusedFilter{Plover: "ASSAULT"}, []string{"138", "190", "195", "180"}},
		{parley.FusedFilter{Mode: parley.Future}, []string{"138"}},
		{parley.FusedFilter{Country: "SYL"}, []string{"195"}},
		{parley.FusedFilter{Country: "FRD"}, []string{"190"}},
		{parley.FusedFilter{Place: "alpha"}, []string{"195"}},
		{parley.FusedFilter{Place: "Alph"}, nil},
		{parley.FusedFilter{Since: at(1)}, []string{"138", "190"}},
		{parley.FusedFilter{Until: at(48)}, []string{"195"}},
		{parley.FusedFilter{Since: at(0), Until: at(49)}, []string{"190", "195"}},
		{parley.FusedFilter{MinArticles: 2}, []string{"195"}},
		{parley.FusedFilter{Source: "FRD*"}, nil},
		{parley.FusedFilter{Text: "rebels"}, []string{"190"}},
		{parley.FusedFilter{Text: "FREEDONIAN artil*"}, []string{"195"}},
		{parley.FusedFilter{Text: `"warning at"`}, []string{"138"}},
		{parley.FusedFilter{Text: `"at warning"`}, nil},
		{parley.FusedFilter{Text: "shelled", Source: "SYL"}, []string{"190"}},
		{parley.FusedFilter{Text: `protesters"`}, []string{"180"}},
		{parley.FusedFilter{Text: `protesters OR (NEAR ^*`}, nil}, // no query syntax: every word is required
		{parley.FusedFilter{Text: "nowhere"}, nil},
		{parley.FusedFilter{Limit: 2}, []string{"138", "190"}},
	} {
		if diff := cmp.Diff(c.want, codes(c.f)); diff != "" {
			t.Errorf("Fused(%+v) (-want +got):\n%s", c.f, diff)
		}
	}

	// Paging with cursors visits every event once, in order.
	var paged []parley.FusedEvent
	f := parley.FusedFilter{Limit: 1}
	for range 10 {
		page := fused(t, s, f)
		if len(page) == 0 {
			break
		}
		paged = append(paged, page...)
		f.After = page[len(page)-1].Cursor()
	}
	if diff := cmp.Diff(all, paged); diff != "" {
		t.Errorf("paged Fused (-all +paged):\n%s", diff)
	}

	for _, f := range []parley.FusedFilter{{After: "not a cursor"}, {After: "x/y"}, {Limit: -1}} {
		_, err := s.Fused(t.Context(), f)
		var pe *parley.Error
		if !errors.As(err, &pe) || pe.Kind != parley.Invalid {
			t.Errorf("Fused(%+v) error = %v, want Kind Invalid", f, err)
		}
	}
}

// testConcurrentFuse checks that reports of one event stored at once, by
// as many writers, fuse into one event.
func testConcurrentFuse(t *testing.T, s parley.Store) {
	const writers = 8
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for i := range writers {
		wg.Go(func() {
			d := reportDoc(report{text: fmt.Sprintf("Freedonian guns shelled Omega, report %d.", i), outlet: fmt.Sprintf("Outlet %d", i),
				published: day, code: "195", date: day})
			if _, err := s.PutDoc(t.Context(), d); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("PutDoc: %v", err)
	}
	if got := mentionCounts(fused(t, s, parley.FusedFilter{})); len(got) != 1 || !strings.HasSuffix(got[0], fmt.Sprintf(" %d/%d/%d", writers, writers, writers)) {
		t.Errorf("%d reports stored at once: fused events %v, want one of %d reports", writers, got, writers)
	}
}
