package dict

import (
	"bytes"
	"strings"
	"testing"
)

// Fuzz targets for every reader of raw text. Each asserts that reading
// does not panic, that problems name the file and line, and that what is
// read round-trips: written in parley's format, it reads back without
// problems and writes the same bytes again.

// roundTrip checks the write → read → write property for one kind.
func roundTrip[T any](t *testing.T, entries T, write func(*bytes.Buffer, T) error, read func(string) (T, []error)) {
	t.Helper()
	var first bytes.Buffer
	if err := write(&first, entries); err != nil {
		t.Fatalf("what was read cannot be written: %v", err)
	}
	again, problems := read(first.String())
	if len(problems) > 0 {
		t.Fatalf("written form does not read back: %v\n%s", problems[0], first.String())
	}
	var second bytes.Buffer
	if err := write(&second, again); err != nil {
		t.Fatalf("second write: %v", err)
	}
	if first.String() != second.String() {
		t.Fatalf("write → read → write differs:\n%q\n%q", first.String(), second.String())
	}
}

func checkFuzzProblems(t *testing.T, problems []error) {
	t.Helper()
	for _, p := range problemLines(t, problems) {
		if !strings.HasPrefix(p, testFile+":") {
			t.Fatalf("problem %q does not name %s:LINE", p, testFile)
		}
	}
}

func readerOf[T any](read func(r *strings.Reader, name string) (T, []error)) func(string) (T, []error) {
	return func(s string) (T, []error) { return read(strings.NewReader(s), testFile) }
}

var (
	readVerbs    = readerOf(func(r *strings.Reader, n string) (VerbFile, []error) { return ReadVerbs(r, n) })
	readActors   = readerOf(func(r *strings.Reader, n string) ([]Actor, []error) { return ReadActors(r, n) })
	readAgents   = readerOf(func(r *strings.Reader, n string) ([]Agent, []error) { return ReadAgents(r, n) })
	readDiscards = readerOf(func(r *strings.Reader, n string) ([]Discard, []error) { return ReadDiscards(r, n) })
	readIssues   = readerOf(func(r *strings.Reader, n string) ([]Issue, []error) { return ReadIssues(r, n) })

	writeVerbs    = func(b *bytes.Buffer, v VerbFile) error { return WriteVerbs(b, v) }
	writeActors   = func(b *bytes.Buffer, v []Actor) error { return WriteActors(b, v) }
	writeAgents   = func(b *bytes.Buffer, v []Agent) error { return WriteAgents(b, v) }
	writeDiscards = func(b *bytes.Buffer, v []Discard) error { return WriteDiscards(b, v) }
	writeIssues   = func(b *bytes.Buffer, v []Issue) error { return WriteIssues(b, v) }
)

func FuzzReadActors(f *testing.F) {
	f.Add("actor Rufus T. Firefly # a.txt:3\n  name Firefly\n  role FRDGOV 2019-05-20..\n  role FRDELI\n\nactor Chicolini\n")
	f.Add("actor A\r\n  role FRD ..1933-01-01\r\n")
	f.Fuzz(func(t *testing.T, in string) {
		actors, problems := readActors(in)
		checkFuzzProblems(t, problems)
		if len(problems) == 0 {
			roundTrip(t, actors, writeActors, readActors)
		}
	})
}

func FuzzReadAgents(f *testing.F) {
	f.Add("agent ~EDU # b.txt:1\n  name schoolmaster\n  name schoolmasters\n\nagent NGO~\n  name relief society\n")
	f.Fuzz(func(t *testing.T, in string) {
		agents, problems := readAgents(in)
		checkFuzzProblems(t, problems)
		if len(problems) == 0 {
			roundTrip(t, agents, writeAgents, readAgents)
		}
	})
}

func FuzzReadDiscards(f *testing.F) {
	f.Add("discard story scarecrow contest\ndiscard sentence windmill*  # c.txt:2\n")
	f.Fuzz(func(t *testing.T, in string) {
		discards, problems := readDiscards(in)
		checkFuzzProblems(t, problems)
		if len(problems) == 0 {
			roundTrip(t, discards, writeDiscards, readDiscards)
		}
	})
}

func FuzzReadIssues(f *testing.F) {
	f.Add("category BAKING\nissue BREAD_PRICES\n  form price of bread\n\nignore story\n  form gingerbread house\ncategory\nissue CRUMBS\n  form crumb\n")
	f.Fuzz(func(t *testing.T, in string) {
		issues, problems := readIssues(in)
		checkFuzzProblems(t, problems)
		if len(problems) == 0 {
			roundTrip(t, issues, writeIssues, readIssues)
		}
	})
}

func FuzzReadVerbs(f *testing.F) {
	var b bytes.Buffer
	if err := WriteVerbs(&b, testVerbFile()); err != nil {
		f.Fatal(err)
	}
	f.Add(b.String())
	f.Add("group G [010]\n  pattern so_* {&A_B c} (to $) % ^ [:010]\n")
	f.Add("group G [010]\n  verb g\n    without so_* {&A_B c} (to $)\n    without * X [010]\n  pattern * x [010]\n")
	f.Fuzz(func(t *testing.T, in string) {
		vf, problems := readVerbs(in)
		checkFuzzProblems(t, problems)
		if len(problems) == 0 {
			roundTrip(t, vf, writeVerbs, readVerbs)
		}
	})
}

// The PETRARCH readers accept far more than they reject; whatever they
// read must convert to parley's format.

func FuzzReadPetrarchActors(f *testing.F) {
	f.Add("RUFUS_T._FIREFLY_ [FRD] ; x\n+FIREFLY_\n\t[FRDGOV 330101-331231]\n\t[FRDELI >20240101]\nTRENTINO\n\t[SYL <330615]\n")
	f.Add("<!-- x\n-->\nA [FRD 330101-331231] [FRDELI]\n\t[FRD330101-340101]\n\t[FRD 3301017]\n")
	f.Fuzz(func(t *testing.T, in string) {
		actors, problems := ReadPetrarchActors(strings.NewReader(in), testFile)
		checkFuzzProblems(t, problems)
		roundTrip(t, actors, writeActors, readActors)
	})
}

func FuzzReadPetrarchVerbs(f *testing.F) {
	f.Add("&GADGET\n+WIDGET\n&TOOL_\n+HAMMER\n--- SUPPLY [070] ---\nPROVIDE\nLEND {LENDS LENT} [0711]\n+PASS_ON {+PASSES_ON}\n- $ * + (WITH {&GADGET PARTS}) [071:070]\n- UP_* DOWN_^ [072]\n~ a (a b RAID) BOAST = a b 190\n")
	f.Add("--- G ---\nOUT_+VOTE\n- SO IN_AND_*_OUT &GADGET_&TOOL_X % [010]\n")
	f.Fuzz(func(t *testing.T, in string) {
		vf, problems := ReadPetrarchVerbs(strings.NewReader(in), testFile)
		checkFuzzProblems(t, problems)
		roundTrip(t, vf, writeVerbs, readVerbs)
	})
}

func FuzzReadPetrarchAgents(f *testing.F) {
	f.Add("!WORKER! = MAN, MEN\nWINDMILL!WORKER! [~AGR]\nBOSS [~BUS]\nFERRY {} [~BUS]\nCITY_MAYOR {CITY_MAYORS} [NGO~]\nX [~A}\n")
	f.Fuzz(func(t *testing.T, in string) {
		agents, problems := ReadPetrarchAgents(strings.NewReader(in), testFile)
		checkFuzzProblems(t, problems)
		roundTrip(t, agents, writeAgents, readAgents)
	})
}

func FuzzReadPetrarchDiscards(f *testing.F) {
	f.Add("+SCARECROW CONTEST\nWINDMILL RACE_\n1492\n")
	f.Fuzz(func(t *testing.T, in string) {
		discards, problems := ReadPetrarchDiscards(strings.NewReader(in), testFile)
		checkFuzzProblems(t, problems)
		roundTrip(t, discards, writeDiscards, readDiscards)
	})
}

func FuzzReadPetrarchIssues(f *testing.F) {
	f.Add("<ISSUE CATEGORY=\"BAKING\">\nbread+n:oven [EQUIPMENT]\nv:bake [NEWS] crumb [CRUMBS]\n~gingerbread house\n~~n:baker strike\n</ISSUE>\n")
	f.Fuzz(func(t *testing.T, in string) {
		issues, problems := ReadPetrarchIssues(strings.NewReader(in), testFile)
		checkFuzzProblems(t, problems)
		roundTrip(t, issues, writeIssues, readIssues)
	})
}
