package dict

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// petrarchCorpus lists the PETRARCH dictionary files of ../shared/data with
// their kind, the least number of entries the reader must find, and the
// number of errors it reports: lines that neither PETRARCH nor parley can
// read (a stray bracket before a code, a verb written as two words, a
// pattern without "*" or without a code). Everything else in the files is
// read, some of it with warnings.
var petrarchCorpus = []struct {
	file    string
	kind    string
	entries int
	errors  int
}{
	{"CAMEO.2.0.txt", "verbs", 390, 2},
	{"CAMEO.verbpatterns.150430.txt", "verbs", 390, 7},
	{"PETR.Validate.verbs.txt", "verbs", 250, 3},
	{"PETR.Validate.verbs.2.0.txt", "verbs", 60, 2},
	{"Phoenix.Countries.actors.txt", "actors", 18000, 0},
	{"Phoenix.International.actors.txt", "actors", 7800, 0},
	{"Phoenix.MilNonState.actors.txt", "actors", 1000, 0},
	{"PETR.Validate.actors.txt", "actors", 120, 0},
	{"PETR.Validate.actors.2.0.txt", "actors", 120, 0},
	{"Phoenix.agents.txt", "agents", 2200, 0},
	{"PETR.Validate.agents.txt", "agents", 80, 0},
	{"Phoenix.discards.txt", "discards", 500, 0},
	{"PETR.Validate.discards.txt", "discards", 9, 0},
	{"Phoenix.IssueCoding.txt", "issues", 3100, 0},
}

// TestPetrarchCorpus reads every PETRARCH dictionary, checks the number of
// entries and errors, and checks that what was read converts to parley's
// format and reads back unchanged.
func TestPetrarchCorpus(t *testing.T) {
	needPetrarch(t)
	for _, c := range petrarchCorpus {
		t.Run(c.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(petrarchDir, c.file))
			if err != nil {
				t.Fatal(err)
			}
			var (
				n        int
				problems []error
				first    bytes.Buffer
				reread   func(string) ([]error, func(*bytes.Buffer) error)
			)
			r := bytes.NewReader(b)
			switch c.kind {
			case "verbs":
				vf, p := ReadPetrarchVerbs(r, c.file)
				n, problems, err = len(vf.Groups), p, WriteVerbs(&first, vf)
				reread = func(s string) ([]error, func(*bytes.Buffer) error) {
					got, p := ReadVerbs(strings.NewReader(s), "out.txt")
					return p, func(b *bytes.Buffer) error { return WriteVerbs(b, got) }
				}
			case "actors":
				a, p := ReadPetrarchActors(r, c.file)
				n, problems, err = len(a), p, WriteActors(&first, a)
				reread = func(s string) ([]error, func(*bytes.Buffer) error) {
					got, p := ReadActors(strings.NewReader(s), "out.txt")
					return p, func(b *bytes.Buffer) error { return WriteActors(b, got) }
				}
			case "agents":
				a, p := ReadPetrarchAgents(r, c.file)
				n, problems, err = len(a), p, WriteAgents(&first, a)
				reread = func(s string) ([]error, func(*bytes.Buffer) error) {
					got, p := ReadAgents(strings.NewReader(s), "out.txt")
					return p, func(b *bytes.Buffer) error { return WriteAgents(b, got) }
				}
			case "discards":
				a, p := ReadPetrarchDiscards(r, c.file)
				n, problems, err = len(a), p, WriteDiscards(&first, a)
				reread = func(s string) ([]error, func(*bytes.Buffer) error) {
					got, p := ReadDiscards(strings.NewReader(s), "out.txt")
					return p, func(b *bytes.Buffer) error { return WriteDiscards(b, got) }
				}
			case "issues":
				a, p := ReadPetrarchIssues(r, c.file)
				n, problems, err = len(a), p, WriteIssues(&first, a)
				reread = func(s string) ([]error, func(*bytes.Buffer) error) {
					got, p := ReadIssues(strings.NewReader(s), "out.txt")
					return p, func(b *bytes.Buffer) error { return WriteIssues(b, got) }
				}
			}
			if err != nil {
				t.Fatalf("writing what was read: %v", err)
			}
			if n < c.entries {
				t.Errorf("read %d entries, want at least %d", n, c.entries)
			}
			lines := problemLines(t, problems)
			for _, l := range lines {
				if !strings.HasPrefix(l, c.file+":") {
					t.Errorf("problem %q does not name %s:LINE", l, c.file)
				}
			}
			if errs := errorsOnly(problems); len(errs) != c.errors {
				t.Errorf("%d errors, want %d:\n%s", len(errs), c.errors, strings.Join(problemLines(t, errs), "\n"))
			}
			p, write := reread(first.String())
			if len(p) > 0 {
				t.Errorf("the parley form does not read back cleanly: %v", p[0])
			}
			var second bytes.Buffer
			if err := write(&second); err != nil || !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Errorf("the parley form changes when read and written again (%v)", err)
			}
		})
	}
}

// BenchmarkReadPetrarchActors measures the largest PETRARCH file.
func BenchmarkReadPetrarchActors(b *testing.B) {
	needPetrarch(b)
	data, err := os.ReadFile(filepath.Join(petrarchDir, "Phoenix.Countries.actors.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		ReadPetrarchActors(bytes.NewReader(data), "Phoenix.Countries.actors.txt")
	}
}
