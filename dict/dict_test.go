package dict

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParsePhrase(t *testing.T) {
	tests := []struct {
		in   string
		want Phrase
	}{
		{"UNITED_NATIONS", Phrase{"united", "nations"}},
		{"  Rufus  T.\tFirefly_ ", Phrase{"rufus", "t.", "firefly"}},
		{"", nil},
		{"__ _", nil},
		{"ÉLYSÉE", Phrase{"élysée"}},
	}
	for _, tt := range tests {
		if got := ParsePhrase(tt.in); !cmp.Equal(got, tt.want) {
			t.Errorf("ParsePhrase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPosString(t *testing.T) {
	for _, tt := range []struct {
		pos  Pos
		want string
	}{
		{Pos{"a.txt", 12}, "a.txt:12"},
		{Pos{"a.txt", 0}, "a.txt"},
	} {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.pos, got, tt.want)
		}
	}
}

func TestCodeAt(t *testing.T) {
	role := func(code, from, to string) Role {
		r := Role{Code: code}
		if from != "" {
			r.From = day(from)
		}
		if to != "" {
			r.To = day(to)
		}
		return r
	}
	// An office holder: a minister, then head of government from the
	// day the ministry ended, with a short acting role inside the
	// ministry and an undated default.
	firefly := &Actor{Name: "Rufus Firefly", Roles: []Role{
		role("FRDGOV", "2010-01-01", "2015-06-30"),
		role("FRDGOVMIL", "2012-03-01", "2012-03-31"),
		role("FRDGOV", "2015-06-30", ""),
		role("FRDELI", "", ""),
	}}
	retired := &Actor{Name: "Chicolini", Roles: []Role{
		role("SYLGOV", "", "1999-12-31"),
		role("SYLMIL", "1990-01-01", "2005-05-05"),
	}}
	tests := []struct {
		a    *Actor
		at   time.Time
		want string
	}{
		{firefly, day("2009-12-31"), "FRDELI"},                                              // before any dated role: the default
		{firefly, day("2010-01-01"), "FRDGOV"},                                              // the first day is inclusive
		{firefly, time.Date(2012, 3, 15, 23, 0, 0, 0, time.UTC), "FRDGOVMIL"},               // a role inside another wins
		{firefly, time.Date(2012, 3, 31, 22, 0, 0, 0, time.FixedZone("", -7200)), "FRDGOV"}, // the UTC day is 1 April
		{firefly, day("2015-06-30"), "FRDGOV"},                                              // the day one ends and the next starts
		{firefly, day("2030-01-01"), "FRDGOV"},                                              // an open end
		{firefly, time.Time{}, "FRDELI"},                                                    // unknown date: the undated role
		{retired, day("1980-01-01"), "SYLGOV"},                                              // an open start
		{retired, day("1995-01-01"), "SYLMIL"},                                              // both cover the day: the later start
		{retired, day("2010-01-01"), ""},                                                    // no role then
		{retired, time.Time{}, "SYLMIL"},                                                    // unknown date, no default: the role ending last
		{&Actor{}, day("2010-01-01"), ""},
		{&Actor{}, time.Time{}, ""},
	}
	for _, tt := range tests {
		if got := tt.a.CodeAt(tt.at); got != tt.want {
			t.Errorf("%s.CodeAt(%v) = %q, want %q", tt.a.Name, tt.at, got, tt.want)
		}
		// DatedAt says whether the code came from a dated role.
		dated := tt.want != "" && !tt.at.IsZero() && !(tt.a == firefly && tt.want == "FRDELI")
		if got := tt.a.DatedAt(tt.at); got != dated {
			t.Errorf("%s.DatedAt(%v) = %v, want %v", tt.a.Name, tt.at, got, dated)
		}
	}
}

// checkProblems compares problems with want, each "LINE KIND: TEXT" (KIND
// "error" or "warning", TEXT a part of the message), and checks that each
// problem is a *parley.Error whose message starts with "file:line: ".
func checkProblems(t testing.TB, file string, got []error, want []string) {
	t.Helper()
	var msgs []string
	for _, e := range got {
		var pe *parley.Error
		if !errors.As(e, &pe) {
			t.Errorf("problem %v is a %T, want *parley.Error", e, e)
			continue
		}
		msg := e.Error()
		prefix := pe.Input + ":" + itoa(pe.Line) + ": "
		if pe.Input != file || !strings.HasPrefix(msg, prefix) {
			t.Errorf("problem %q does not start with %q", msg, file+":LINE: ")
		}
		kind := "error"
		if IsWarning(e) {
			kind = "warning"
		}
		msgs = append(msgs, itoa(pe.Line)+" "+kind+": "+strings.TrimPrefix(msg, prefix))
	}
	if len(msgs) != len(want) {
		t.Errorf("got %d problems, want %d:\n%s", len(msgs), len(want), strings.Join(msgs, "\n"))
		return
	}
	for i, w := range want {
		head, text, _ := strings.Cut(w, ": ")
		if m := msgs[i]; !strings.HasPrefix(m, head+": ") || !strings.Contains(m, text) {
			t.Errorf("problem %d = %q, want %q", i, m, w)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestTrim checks trim against strings.Trim with the six ASCII white
// space bytes, on every short string over a small alphabet that has them,
// a letter and a non-ASCII space.
func TestTrim(t *testing.T) {
	alphabet := []string{" ", "\t", "\n", "\v", "\f", "\r", "a", "\u00a0", "é"}
	var walk func(s string, n int)
	walk = func(s string, n int) {
		if got, want := trim(s), strings.Trim(s, " \t\n\v\f\r"); got != want {
			t.Fatalf("trim(%q) = %q, want %q", s, got, want)
		}
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			walk(s+c, n-1)
		}
	}
	walk("", 4)
}
