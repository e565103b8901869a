package dict

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/parley-events/parley"
)

// problemLines returns the problems as "file:line kind: message" strings.
func problemLines(t testing.TB, problems []error) []string {
	t.Helper()
	var out []string
	for _, p := range problems {
		var e *parley.Error
		if !errors.As(p, &e) {
			t.Fatalf("problem %v is a %T, want *parley.Error", p, p)
		}
		kind := "error"
		if IsWarning(p) {
			kind = "warning"
		}
		out = append(out, Pos{e.Input, e.Line}.String()+" "+kind+": "+p.Error())
	}
	return out
}

// matchProblems checks that got and want (each "file:line kind: text")
// pair up in order.
func matchProblems(t testing.TB, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
		return
	}
	for i, w := range want {
		head, text, _ := strings.Cut(w, ": ")
		if !strings.HasPrefix(got[i], head+": ") || !strings.Contains(got[i], text) {
			t.Errorf("problem %d = %q, want %q", i, got[i], w)
		}
	}
}

func TestCheckParley(t *testing.T) {
	fsys := fstest.MapFS{
		"verbs.txt": {Data: []byte(`synset &GADGET
  member widget

synset &GADGET
  member gizmo

group SUPPLY [070]
  verb supply [99x]
  verb lend [0711]
  pattern * &NOPE [0711]
  pattern * {&GADGET x} [042:043]
  pattern * y [:999]
  pattern * z [070:]

group LOITER [---]
  verb loiter
  pattern * q [999]
  pattern * r [1:2:3]

transform a (a b raid) boast = a b 9999
transform a (a b Q) boast = a b Q
`)},
		"actors-a.txt": {Data: []byte(`actor A
  role frd

actor B
  role FRDGOV 2020-01-01..2019-01-01
  role FRD/SYLGOV/+++

actor C

actor Rufus T. Firefly
  name Firefly
  role FRD
`)},
		"actors-b.txt": {Data: []byte(`actor Someone Else
  name firefly
  role SYL

actor rufus t. firefly
  name firefly
`)},
		"agents.txt": {Data: []byte("agent GOV\n  name official\n\nagent ~GOV\n  name minister\n\nagent NGO~\n  name charity\n")},
	}
	valid := func(code string) bool { return code != "999" && code != "9999" }
	got := problemLines(t, Check(fsys, valid))
	matchProblems(t, got, []string{
		"actors-a.txt:2 error: malformed actor code \"frd\"",
		"actors-a.txt:5 error: starts on 2020-01-01, after it ends on 2019-01-01",
		"actors-a.txt:6 error: malformed actor code \"FRD/SYLGOV/+++\"",
		"actors-a.txt:8 warning: actor \"C\" has no role",
		"actors-b.txt:1 warning: name \"firefly\" of actor \"Someone Else\" also names actor \"Rufus T. Firefly\" (actors-a.txt:10)",
		"agents.txt:1 error: malformed agent code \"GOV\"",
		"verbs.txt:4 warning: synset &GADGET is defined again (first at verbs.txt:1)",
		"verbs.txt:8 error: verb code [99x]",
		"verbs.txt:10 error: synset &NOPE is not defined",
		"verbs.txt:12 error: \"999\" is not in the CAMEO event code table",
		"verbs.txt:17 error: \"999\" is not in the CAMEO event code table",
		"verbs.txt:18 error: pattern code [1:2:3]",
		"verbs.txt:20 error: transformation code [9999]",
	})
	// Without a code table, only the shape of event codes is checked.
	for _, p := range problemLines(t, Check(fsys, nil)) {
		if strings.Contains(p, "CAMEO event code table") {
			t.Errorf("Check without validEvent: %s", p)
		}
	}
}

func TestCheckPetrarch(t *testing.T) {
	fsys := fstest.MapFS{
		"CAMEO.2.0.txt":                {Data: []byte("--- SUPPLY [070] ---\nPROVIDE\n- * &NOPE [0711]\n")},
		"Phoenix.Countries.actors.txt": {Data: []byte("FREEDONIA_ [FRD]\n+FREEDONIAN_\nSYLVANIA\nX [frd]\n")},
		"Old.verbs.txt":                {Data: []byte("--- SUPPLY [070] ---\nSHOUT LOUDLY\n")},
		"Phoenix.prepositions.txt":     {Data: []byte("this is not read\n")},
		"notes.xml":                    {Data: []byte("<x/>")},
	}
	got := problemLines(t, Check(fsys, nil))
	matchProblems(t, got, []string{
		"CAMEO.2.0.txt:3 error: synset &NOPE is not defined",
		"Old.verbs.txt:2 error: want one verb per line",
		"Phoenix.Countries.actors.txt:3 warning: actor \"SYLVANIA\" has no code, and PETRARCH reads the next line",
		"Phoenix.Countries.actors.txt:4 error: malformed actor code \"frd\"",
	})
	got = problemLines(t, Check(fstest.MapFS{"notes.txt": {Data: []byte("x")}}, nil))
	matchProblems(t, got, []string{" error: no dictionary files"})
}

func TestCodeProblems(t *testing.T) {
	for _, tt := range []struct {
		code string
		ok   bool
	}{
		{"---", true}, {"010", true}, {"0231", true}, {"042:043", true}, {":173", true}, {"173:", true}, {"---:040", true},
		{":", false}, {"1:2:3", false}, {"10", false}, {"01234", false}, {"080!", false}, {"abc", false},
	} {
		if got := eventCodeProblem(tt.code, nil) == ""; got != tt.ok {
			t.Errorf("eventCodeProblem(%q) accepts: %v, want %v", tt.code, got, tt.ok)
		}
	}
	for _, tt := range []struct {
		code string
		ok   bool
	}{
		{"UKRGOV", true}, {"NGO", true}, {"USAGOVDIP", true}, {"NGOCHRPRO214", true}, {"---", true}, {"FRA/DEU", true},
		{"pse", false}, {"G77", false}, {"ABCD", false}, {"+++", false}, {"214NGO", false}, {"FRA/", false}, {"", false},
	} {
		if got := actorCodeProblem(tt.code) == ""; got != tt.ok {
			t.Errorf("actorCodeProblem(%q) accepts: %v, want %v", tt.code, got, tt.ok)
		}
	}
	for _, tt := range []struct {
		code string
		ok   bool
	}{
		{"~GOV", true}, {"~GOVMIL", true}, {"NGO~", true}, {"GOV", false}, {"~", false}, {"~gov", false}, {"~GO", false},
	} {
		if got := agentCodeProblem(tt.code) == ""; got != tt.ok {
			t.Errorf("agentCodeProblem(%q) accepts: %v, want %v", tt.code, got, tt.ok)
		}
	}
}

// TestCheckDefault keeps dict/default free of errors beyond those it
// inherits from the PETRARCH files (listed by "parley dict check
// dict/default"): a new error is a regression of the conversion or of a
// hand-written file.
func TestCheckDefault(t *testing.T) {
	problems := Check(defaultFS(), nil)
	errs := errorsOnly(problems)
	const inherited = 7 // malformed codes, reversed date ranges, undefined synsets in the PETRARCH data
	if len(errs) > inherited {
		t.Errorf("dict/default has %d errors, want at most %d:\n%s", len(errs), inherited, strings.Join(problemLines(t, errs), "\n"))
	}
}
