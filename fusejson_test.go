package parley_test

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/parley-events/parley"
)

// TestAppendJSON holds FusedEvent.AppendJSON to encoding/json's encoding of the same
// event, for events with every field set, none set, and strings and
// numbers that need escaping or another notation.
func TestAppendJSON(t *testing.T) {
	day := time.Date(2025, 7, 23, 0, 0, 0, 0, time.UTC)
	events := []parley.FusedEvent{
		{},
		{ID: "abc-0001", Source: "RUSMIL", Target: "UKR", Code: "195", Root: "19", QuadClass: 4, Goldstein: -10,
			Plover: "ASSAULT", Mode: parley.Asserted, Date: day, Precision: "day", NumMentions: 3, NumArticles: 2, NumSources: 2,
			FirstSeen: day.Add(9 * time.Hour), LastSeen: day.Add(30*time.Hour + 500*time.Millisecond),
			Place: &parley.Place{GeoNameID: 745044, Name: "İstanbul", Country: "TUR", Feature: "PPLA", Lat: 41.01384, Lon: 28.94966}},
		{ID: `we"ird<&>\id`, Source: "É\u2028", Code: "036", Goldstein: 4.5, Mode: parley.Future, Precision: "month\"<"},
		{ID: "x", Goldstein: 1e-9, Date: time.Date(1999, 1, 2, 3, 4, 5, 6, time.FixedZone("X", 3600))},
		{ID: "y", Goldstein: 3e21, QuadClass: -1},
		{ID: "z", Goldstein: math.Copysign(0, -1), Source: "\x01bad\xffutf8"},
		{ID: "p", Place: &parley.Place{Tokens: parley.Span{Start: 3, End: 5}, Name: "Kyiv", Admin1: "12", Lat: -0.5, Lon: 1e-7, Approximate: true}},
		{ID: "q", Place: &parley.Place{}, Date: time.Date(2025, 1, 2, 3, 4, 5, 6e8, time.UTC), FirstSeen: time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC)},
	}
	for _, e := range events {
		want, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		if got := e.AppendJSON(nil); string(got) != string(want) {
			t.Errorf("AppendJSON:\n got %s\nwant %s", got, want)
		}
	}
}

// TestDateText checks a date written as far as its precision says.
func TestDateText(t *testing.T) {
	d := time.Date(2025, 7, 23, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		t         time.Time
		precision string
		want      string
	}{
		{d, "", "2025-07-23"}, {d, "day", "2025-07-23"}, {d, "month", "2025-07"}, {d, "year", "2025"},
		{d, "week", "2025-W30"}, {d, "quarter", "2025-Q3"}, {time.Date(2024, 12, 30, 0, 0, 0, 0, time.UTC), "week", "2025-W01"},
		{time.Time{}, "day", ""},
	} {
		if got := parley.DateText(c.t, c.precision); got != c.want {
			t.Errorf("DateText(%s, %q) = %q, want %q", c.t.Format(time.DateOnly), c.precision, got, c.want)
		}
	}
}
