package parley_test

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/parley-events/parley"
)

func TestFuseKeyOf(t *testing.T) {
	tests := []struct {
		e    parley.Event
		want parley.FuseKey
	}{
		{parley.Event{Source: "RUSMIL", Target: "UKR", Code: "195", Mode: parley.Asserted}, parley.FuseKey{"RUSMIL", "UKR", "195", "fact"}},
		{parley.Event{Source: "RUSMIL", Target: "UKR", Code: "1951", Mode: parley.Reported}, parley.FuseKey{"RUSMIL", "UKR", "195", "fact"}},
		{parley.Event{Source: "USA", Code: "0331", Mode: parley.Future}, parley.FuseKey{"USA", "", "033", "future"}},
		{parley.Event{Source: "RUS", Target: "UKR", Code: "04", Mode: parley.Negated}, parley.FuseKey{"RUS", "UKR", "04", "negated"}},
	}
	for _, tt := range tests {
		if got := parley.FuseKeyOf(tt.e); got != tt.want {
			t.Errorf("FuseKeyOf(%+v) = %+v, want %+v", tt.e, got, tt.want)
		}
	}
}

func TestFuseRuleFits(t *testing.T) {
	day := time.Date(2025, 7, 22, 0, 0, 0, 0, time.UTC)
	kyiv := &parley.Place{GeoNameID: 703448, Country: "UKR", Feature: "PPLC", Lat: 50.45, Lon: 30.52}
	brovary := &parley.Place{GeoNameID: 711660, Country: "UKR", Feature: "PPLA2", Lat: 50.51, Lon: 30.79}
	lviv := &parley.Place{GeoNameID: 702550, Country: "UKR", Feature: "PPLA", Lat: 49.84, Lon: 24.02}
	ukraine := &parley.Place{GeoNameID: 690791, Country: "UKR", Feature: "PCLI", Lat: 49, Lon: 32}
	belgorod := &parley.Place{GeoNameID: 578072, Country: "RUS", Feature: "PPLA", Lat: 50.61, Lon: 36.58}
	anchor := parley.FuseAnchor{Date: day, DocID: "a", Place: kyiv}
	tests := []struct {
		name  string
		rule  parley.FuseRule
		a     parley.FuseAnchor
		date  time.Time
		doc   string
		place *parley.Place
		want  bool
	}{
		{"same day, same place", parley.FuseRule{}, anchor, day, "b", kyiv, true},
		{"next day", parley.FuseRule{}, anchor, day.Add(24 * time.Hour), "b", kyiv, true},
		{"two days on", parley.FuseRule{}, anchor, day.Add(48 * time.Hour), "b", kyiv, false},
		{"two days on, window of three", parley.FuseRule{Window: 72 * time.Hour}, anchor, day.Add(48 * time.Hour), "b", kyiv, true},
		{"day before", parley.FuseRule{}, anchor, day.Add(-20 * time.Hour), "b", kyiv, true},
		{"window of one day only", parley.FuseRule{Window: -1}, anchor, day.Add(time.Hour), "b", kyiv, false},
		{"a town nearby", parley.FuseRule{}, anchor, day, "b", brovary, true},
		{"a city far off", parley.FuseRule{}, anchor, day, "b", lviv, false},
		{"a city far off, radius 600", parley.FuseRule{Radius: 600}, anchor, day, "b", lviv, true},
		{"the whole country", parley.FuseRule{}, anchor, day, "b", ukraine, true},
		{"another country", parley.FuseRule{Radius: 10000}, anchor, day, "b", belgorod, false},
		{"no place", parley.FuseRule{}, anchor, day, "b", nil, true},
		{"anchor without place", parley.FuseRule{}, parley.FuseAnchor{Date: day, DocID: "a"}, day, "b", lviv, true},
		{"undated, same document", parley.FuseRule{}, parley.FuseAnchor{DocID: "a"}, time.Time{}, "a", nil, true},
		{"undated, other document", parley.FuseRule{}, parley.FuseAnchor{DocID: "a"}, time.Time{}, "b", nil, false},
		{"undated against dated", parley.FuseRule{}, anchor, time.Time{}, "a", nil, false},
		{"dated against undated", parley.FuseRule{}, parley.FuseAnchor{DocID: "a"}, day, "a", nil, false},
	}
	for _, tt := range tests {
		if got := tt.rule.Fits(tt.a, tt.date, tt.doc, tt.place); got != tt.want {
			t.Errorf("%s: Fits = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		lat1, lon1, lat2, lon2, want float64
	}{
		{0, 0, 0, 0, 0},
		{0, 0, 0, 1, 111.19},
		{0, 0, 0, 180, 20015.09},
		{90, 0, -90, 0, 20015.09},
		{50.45, 30.52, 41.01, 28.95, 1056.66}, // Kyiv to Istanbul
	}
	for _, tt := range tests {
		got := parley.Distance(tt.lat1, tt.lon1, tt.lat2, tt.lon2)
		if math.Abs(got-tt.want) > 0.05*math.Max(1, tt.want/100) {
			t.Errorf("Distance(%v, %v, %v, %v) = %.2f, want %.2f", tt.lat1, tt.lon1, tt.lat2, tt.lon2, got, tt.want)
		}
		if back := parley.Distance(tt.lat2, tt.lon2, tt.lat1, tt.lon1); math.Abs(back-got) > 1e-9 {
			t.Errorf("Distance is not symmetric: %v and %v", got, back)
		}
	}
}

func TestCursor(t *testing.T) {
	e := parley.FusedEvent{ID: "abc-0001", Date: time.Date(2025, 7, 23, 0, 0, 0, 0, time.UTC)}
	date, id, err := parley.ParseCursor(e.Cursor())
	if err != nil || date != e.Date.Unix() || id != e.ID {
		t.Errorf("ParseCursor(%q) = %d, %q, %v; want %d, %q, nil", e.Cursor(), date, id, err, e.Date.Unix(), e.ID)
	}
	if date, id, err := parley.ParseCursor(parley.FusedEvent{ID: "x-0002"}.Cursor()); err != nil || date != 0 || id != "x-0002" {
		t.Errorf("undated cursor = %d, %q, %v", date, id, err)
	}
	for _, bad := range []string{"", "abc", "12/", "x/abc-0001", "/abc"} {
		if _, _, err := parley.ParseCursor(bad); parley.KindOf(err) != parley.Invalid {
			t.Errorf("ParseCursor(%q) error = %v, want Kind Invalid", bad, err)
		}
	}
}

// FuzzParseCursor checks that any string is a cursor or an error of Kind
// Invalid, and that a cursor's parts make it again.
func FuzzParseCursor(f *testing.F) {
	for _, s := range []string{"1721692800/abc-0001", "0/x", "", "/", "-5/y", "9999999999999999999/z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		date, id, err := parley.ParseCursor(s)
		if err != nil {
			if parley.KindOf(err) != parley.Invalid {
				t.Fatalf("ParseCursor(%q) error %v, want Kind Invalid", s, err)
			}
			return
		}
		if id == "" {
			t.Fatalf("ParseCursor(%q) gave an empty ID", s)
		}
		if d2, id2, err := parley.ParseCursor(fmt.Sprintf("%d/%s", date, id)); err != nil || d2 != date || id2 != id {
			t.Fatalf("ParseCursor(%q) = %d, %q; made again: %d, %q, %v", s, date, id, d2, id2, err)
		}
	})
}
