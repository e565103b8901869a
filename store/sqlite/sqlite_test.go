package sqlite

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
	"github.com/parley-events/parley/store/storetest"
)

func openT(tb testing.TB, path string) *Store {
	tb.Helper()
	s, err := Open(tb.Context(), path)
	if err != nil {
		tb.Fatalf("Open(%q): %v", path, err)
	}
	return s
}

func TestStore(t *testing.T) {
	tests := []struct {
		name string
		path func(t *testing.T) string
	}{
		{"file", func(t *testing.T) string { return filepath.Join(t.TempDir(), "parley.db") }},
		{"file with URI characters", func(t *testing.T) string { return filepath.Join(t.TempDir(), "a?b#c%20d.db") }},
		{"memory", func(*testing.T) string { return Memory }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			storetest.Run(t, func(t *testing.T) parley.Store { return openT(t, tt.path(t)) })
		})
	}
}

// migrationsApplied returns the rows of schema_migrations.
func migrationsApplied(tb testing.TB, s *Store) map[string]int64 {
	tb.Helper()
	rows, err := s.reader.QueryContext(tb.Context(), `SELECT version, applied FROM schema_migrations`)
	if err != nil {
		tb.Fatalf("query schema_migrations: %v", err)
	}
	defer rows.Close()
	m := make(map[string]int64)
	for rows.Next() {
		var (
			v string
			a int64
		)
		if err := rows.Scan(&v, &a); err != nil {
			tb.Fatalf("scan schema_migrations: %v", err)
		}
		m[v] = a
	}
	if err := rows.Err(); err != nil {
		tb.Fatalf("query schema_migrations: %v", err)
	}
	return m
}

func TestReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	d := parley.NewDoc("Kept across reopening.")
	d.Title = "Kept"

	s := openT(t, path)
	if _, err := s.PutDoc(t.Context(), d); err != nil {
		t.Fatalf("PutDoc: %v", err)
	}
	if err := s.PutEvents(t.Context(), d.ID, []parley.Event{{Code: "010", Place: -1}}); err != nil {
		t.Fatalf("PutEvents: %v", err)
	}
	before := migrationsApplied(t, s)
	names, _ := fs.Glob(migrations, "migrations/*.sql")
	if len(before) != len(names) {
		t.Errorf("schema_migrations has %d rows, want %d: %v", len(before), len(names), before)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	for i := range 2 {
		s := openT(t, path)
		if diff := cmp.Diff(before, migrationsApplied(t, s)); diff != "" {
			t.Errorf("reopen %d: schema_migrations changed (-before +after):\n%s", i, diff)
		}
		got, err := s.Doc(t.Context(), d.ID)
		if err != nil {
			t.Fatalf("reopen %d: Doc: %v", i, err)
		}
		if got.Title != d.Title || got.Text != d.Text || len(got.Events) != 1 {
			t.Errorf("reopen %d: Doc = %q, %q, %d events; want %q, %q, 1", i, got.Title, got.Text, len(got.Events), d.Title, d.Text)
		}
		var mode string
		if err := s.reader.QueryRowContext(t.Context(), `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("reopen %d: journal_mode = %q, %v; want wal", i, mode, err)
		}
		if err := s.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	tests := []struct {
		name string
		path string
		kind parley.Kind
	}{
		{"empty path", "", parley.Invalid},
		{"missing directory", filepath.Join(t.TempDir(), "no", "such", "dir", "parley.db"), parley.IO},
		{"directory", t.TempDir(), parley.IO},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(t.Context(), tt.path)
			if err == nil {
				s.Close()
			}
			if got := parley.KindOf(err); got != tt.kind {
				t.Errorf("Open(%q) = %v (kind %v), want kind %v", tt.path, err, got, tt.kind)
			}
		})
	}
}

// TestEvidence checks the byte offsets stored with events and mentions.
func TestEvidence(t *testing.T) {
	s := openT(t, Memory)
	defer s.Close()
	d := parley.NewDoc("Talks began. Troops withdrew.")
	d.Tokens = []parley.Token{{Start: 0, End: 5}, {Start: 6, End: 11}, {Start: 11, End: 12},
		{Start: 13, End: 19}, {Start: 20, End: 28}, {Start: 28, End: 29}}
	d.Sentences = []parley.Sentence{{Tokens: parley.Span{Start: 0, End: 3}}, {Tokens: parley.Span{Start: 3, End: 6}}}
	if _, err := s.PutDoc(t.Context(), d); err != nil {
		t.Fatalf("PutDoc: %v", err)
	}
	events := []parley.Event{
		{Sentence: 1, Trigger: parley.Span{Start: 4, End: 5}, Code: "0874"},
		{Sentence: 7, Trigger: parley.Span{Start: 4, End: 9}, Code: "0874"}, // out of range: no offsets
	}
	if err := s.PutEvents(t.Context(), d.ID, events); err != nil {
		t.Fatalf("PutEvents: %v", err)
	}
	rows, err := s.reader.QueryContext(t.Context(), `SELECT e.id, e.sentence_byte_start, e.sentence_byte_end,
		e.trigger_byte_start, e.trigger_byte_end, m.sentence, m.byte_start, m.byte_end
		FROM events e JOIN mentions m ON m.event_id = e.id ORDER BY e.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var (
			id       string
			sentence int
			v        [6]*int
		)
		if err := rows.Scan(&id, &v[0], &v[1], &v[2], &v[3], &sentence, &v[4], &v[5]); err != nil {
			t.Fatal(err)
		}
		s := fmt.Sprintf("%s sentence %d:", id, sentence)
		for _, p := range v {
			if p == nil {
				s += " null"
			} else {
				s += fmt.Sprintf(" %d", *p)
			}
		}
		got = append(got, s)
	}
	want := []string{
		d.ID + "-0001 sentence 1: 13 29 20 28 13 29",
		d.ID + "-0002 sentence 7: null null null null null null",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("evidence mismatch (-want +got):\n%s", diff)
	}
}

// TestCancel checks that a cancelled operation fails, changes nothing and,
// for an in-memory database, does not lose the data with the connection.
func TestCancel(t *testing.T) {
	for _, path := range []string{Memory, filepath.Join(t.TempDir(), "parley.db")} {
		s := openT(t, path)
		defer s.Close()
		kept := parley.NewDoc("Kept.")
		if _, err := s.PutDoc(t.Context(), kept); err != nil {
			t.Fatalf("%s: PutDoc: %v", path, err)
		}
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		if _, err := s.PutDoc(ctx, parley.NewDoc("Cancelled.")); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: PutDoc with cancelled context: err = %v, want context.Canceled", path, err)
		}
		if _, err := s.Docs(ctx, parley.DocFilter{}); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: Docs with cancelled context: err = %v, want context.Canceled", path, err)
		}
		if docs, _, err := s.Stats(t.Context()); err != nil || docs != 1 {
			t.Errorf("%s: Stats = %d docs, %v; want 1, nil", path, docs, err)
		}
	}
}

func BenchmarkPutDoc(b *testing.B) {
	s := openT(b, filepath.Join(b.TempDir(), "parley.db"))
	defer s.Close()
	text := "Russian officials met Ukrainian negotiators in Geneva on Monday. The talks ended without agreement. "
	i := 0
	for b.Loop() {
		d := parley.NewDoc(fmt.Sprintf("%s%d", text, i))
		d.Meta = map[string]string{"n": fmt.Sprint(i)}
		i++
		if _, err := s.PutDoc(b.Context(), d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPutDocEvents stores documents of three events each, drawn from
// 400 dyads, three codes and a year of dates, so that fusing finds
// candidates as it does in a growing archive.
func BenchmarkPutDocEvents(b *testing.B) {
	s := openT(b, filepath.Join(b.TempDir(), "parley.db"))
	defer s.Close()
	text := "Russian officials met Ukrainian negotiators in Geneva on Monday. The talks ended without agreement. "
	countries := []string{"RUS", "UKR", "USA", "CHN", "FRA", "DEU", "GBR", "TUR", "IRN", "ISR",
		"SYR", "IRQ", "IND", "PAK", "JPN", "KOR", "PRK", "EGY", "SAU", "BRA"}
	codes := []string{"190", "042", "036"}
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	i := 0
	for b.Loop() {
		d := parley.NewDoc(fmt.Sprintf("%s%d", text, i))
		for k := range 3 {
			n := i*3 + k
			d.Events = append(d.Events, parley.Event{Sentence: k % 2, Trigger: parley.Span{Start: 2, End: 3},
				Source: countries[n%20], Target: countries[(n/20)%20], SourceRef: -1, TargetRef: -1, ReportedByRef: -1,
				Code: codes[n%3], Mode: parley.Asserted, Date: base.AddDate(0, 0, (n*7)%365), Place: -1})
		}
		i++
		if _, err := s.PutDoc(b.Context(), d); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFuseStored checks that events stored before the store fused events
// (no fused event, as migration 0004 leaves them) are fused when the
// database is next opened, as they would have been when stored, and that
// a fuse window given at Open applies.
func TestFuseStored(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	day := time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)
	doc := func(text string, date time.Time) *parley.Doc {
		d := parley.NewDoc(text)
		d.Published = date
		d.Events = []parley.Event{{Source: "RUSMIL", Target: "UKR", Code: "190", Mode: parley.Asserted, Date: date,
			Place: -1, SourceRef: -1, TargetRef: -1, ReportedByRef: -1}}
		return d
	}
	docs := []*parley.Doc{doc("Guns fired on the town.", day), doc("The town came under fire.", day.Add(12*time.Hour)),
		doc("Guns fired on the town again.", day.Add(60*time.Hour))}
	s := openT(t, path)
	for _, d := range docs {
		if _, err := s.PutDoc(t.Context(), d); err != nil {
			t.Fatal(err)
		}
	}
	counts := func(s *Store) []string {
		t.Helper()
		got, err := s.Fused(t.Context(), parley.FusedFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range got {
			out = append(out, fmt.Sprintf("%s %d", e.Date.Format(time.DateOnly), e.NumArticles))
		}
		return out
	}
	want := []string{"2025-03-05 1", "2025-03-03 2"}
	if diff := cmp.Diff(want, counts(s)); diff != "" {
		t.Fatalf("fused as stored (-want +got):\n%s", diff)
	}
	// Make the database look as it did before fusing existed.
	for _, q := range []string{`DELETE FROM fused`, `UPDATE events SET fused_id = ''`} {
		if _, err := s.writer.ExecContext(t.Context(), q); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openT(t, path)
	if diff := cmp.Diff(want, counts(s)); diff != "" {
		t.Errorf("fused at Open (-want +got):\n%s", diff)
	}
	s.Close()

	// With a window of three days, all three are one event.
	s = openT(t, path)
	for _, q := range []string{`DELETE FROM fused`, `UPDATE events SET fused_id = ''`} {
		if _, err := s.writer.ExecContext(t.Context(), q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s, err := Open(t.Context(), path, WithFuseRule(parley.FuseRule{Window: 72 * time.Hour}))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if diff := cmp.Diff([]string{"2025-03-03 3"}, counts(s)); diff != "" {
		t.Errorf("fused at Open with a window of 72h (-want +got):\n%s", diff)
	}
}

// FuzzFTSQuery checks that any words a user types make a full-text query
// SQLite accepts.
func FuzzFTSQuery(f *testing.F) {
	s := openT(f, Memory)
	defer s.Close()
	for _, seed := range []string{"drone*", `"peace talks" Istanbul`, `a" OR (NEAR`, "*", `""`, "^x:y", "éé 東京 \x00"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		q := ftsQuery(text)
		if q == "" {
			return
		}
		rows, err := s.reader.QueryContext(t.Context(), `SELECT rowid FROM evidence WHERE evidence MATCH ?`, q)
		if err != nil {
			t.Fatalf("ftsQuery(%q) = %q: %v", text, q, err)
		}
		for rows.Next() {
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			t.Fatalf("ftsQuery(%q) = %q: %v", text, q, err)
		}
	})
}
