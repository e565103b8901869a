package dict

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The actors format as fixed for dict/default/actors-2025.txt.
func TestReadActorsFixedFormat(t *testing.T) {
	in := `# comment lines and trailing "# …" comments are ignored
actor Rufus T. Firefly              # canonical name; starts a block
  name Firefly                      # another name
  name Rufus Firefly
  role FRDGOV 2019-05-20..          # dated role
  role FRDMIL ..2019-05-19
  role FRDGOVDIP 2019-05-20..2024-01-01
  role FRDELI

actor Chicolini  # Phoenix.Countries.actors.txt:120
role SYLGOV
	name Chico
`
	got, problems := ReadActors(strings.NewReader(in), testFile)
	checkProblems(t, testFile, problems, nil)
	want := []Actor{
		{Name: "Rufus T. Firefly", Names: phs("rufus t. firefly", "firefly", "rufus firefly"), Pos: at(2), Roles: []Role{
			{Code: "FRDGOV", From: day("2019-05-20"), Pos: at(5)},
			{Code: "FRDMIL", To: day("2019-05-19"), Pos: at(6)},
			{Code: "FRDGOVDIP", From: day("2019-05-20"), To: day("2024-01-01"), Pos: at(7)},
			{Code: "FRDELI", Pos: at(8)},
		}},
		{Name: "Chicolini", Names: phs("chicolini", "chico"), Pos: at(10), Origin: Pos{"Phoenix.Countries.actors.txt", 120},
			Roles: []Role{{Code: "SYLGOV", Pos: at(11)}}},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("actors (-want +got):\n%s", d)
	}
}

func TestReadParleyProblems(t *testing.T) {
	type reader func(string) []error
	actors := func(s string) []error { _, p := ReadActors(strings.NewReader(s), testFile); return p }
	agents := func(s string) []error { _, p := ReadAgents(strings.NewReader(s), testFile); return p }
	discards := func(s string) []error { _, p := ReadDiscards(strings.NewReader(s), testFile); return p }
	issues := func(s string) []error { _, p := ReadIssues(strings.NewReader(s), testFile); return p }
	verbs := func(s string) []error { _, p := ReadVerbs(strings.NewReader(s), testFile); return p }
	tests := []struct {
		name string
		read reader
		in   string
		want []string
	}{
		{"name outside", actors, "name Chico", []string{"1 error: \"name\" line outside an actor block"}},
		{"role after blank", actors, "actor Chicolini\n\n  role SYLGOV", []string{"3 error: \"role\" line outside an actor block"}},
		{"empty actor", actors, "actor\n  name x", []string{"1 error: actor line has no name", "2 error: outside an actor block"}},
		{"empty name", actors, "actor A\n  name", []string{"2 error: \"name\" line has no name"}},
		{"role words", actors, "actor A\n  role FRD 2019-01-01.. extra", []string{"2 error: want \"role CODE\""}},
		{"empty role", actors, "actor A\n  role", []string{"2 error: want \"role CODE\""}},
		{"single date", actors, "actor A\n  role FRD 2019-01-01", []string{"2 error: want FROM.., ..TO or FROM..TO"}},
		{"no date", actors, "actor A\n  role FRD ..", []string{"2 error: has no date"}},
		{"bad date", actors, "actor A\n  role FRD 2019-02-30..", []string{"2 error: date \"2019-02-30\": want YYYY-MM-DD"}},
		{"short date", actors, "actor A\n  role FRD ..19-01-01", []string{"2 error: want YYYY-MM-DD"}},
		{"unknown key", actors, "actress A", []string{"1 error: unknown line \"actress\""}},

		{"agent names", agents, "agent ~EDU\n\nagent ~AGR\n  name farmhand", []string{"1 error: agent ~EDU has no \"name\" or \"not\" lines"}},
		{"not outside block", agents, "not farmhand", []string{"1 error: \"not\" line outside an agent block"}},
		{"agent code", agents, "agent ~EDU ~AGR\n  name x", []string{"1 error: want \"agent CODE\"", "2 error: outside an agent block"}},
		{"agent name outside", agents, "  name x", []string{"1 error: outside an agent block"}},
		{"agent unknown", agents, "agents ~EDU", []string{"1 error: unknown line"}},

		{"discard scope", discards, "discard chapter windmill", []string{"1 error: discard scope \"chapter\""}},
		{"discard phrase", discards, "discard story *", []string{"1 error: discard has no phrase"}},
		{"discard unknown", discards, "drop story windmill", []string{"1 error: unknown line \"drop\""}},

		{"issue forms", issues, "issue CRUMBS\n\nissue LOAVES\n  form loaf", []string{"1 error: issue entry has no \"form\" lines"}},
		{"issue code", issues, "issue\n  form x", []string{"1 error: want \"issue CODE\"", "2 error: outside an issue block"}},
		{"ignore scope", issues, "ignore chapter\n  form x", []string{"1 error: ignore scope \"chapter\"", "2 error: outside an issue block"}},
		{"category words", issues, "category TWO WORDS", []string{"1 error: want one word"}},
		{"issue form empty", issues, "issue CRUMBS\n  form", []string{"2 error: \"form\" line has no phrase", "1 error: has no \"form\" lines"}},
		{"issue unknown", issues, "topic CRUMBS", []string{"1 error: unknown line"}},

		{"synset name", verbs, "synset GADGET", []string{"1 error: want \"synset &NAME\""}},
		{"synset lower", verbs, "synset &gadget", []string{"1 error: want \"synset &NAME\""}},
		{"member outside", verbs, "member widget", []string{"1 error: \"member\" line outside a synset block"}},
		{"member empty", verbs, "synset &GADGET\n  member", []string{"2 error: has no phrase"}},
		{"group code", verbs, "group SUPPLY", []string{"1 error: want \"group NAME [CODE]\""}},
		{"verb outside", verbs, "verb supply", []string{"1 error: \"verb\" line outside a group"}},
		{"form outside", verbs, "group SUPPLY [070]\n  form supplies", []string{"2 error: \"form\" line outside a group"}},
		{"form code", verbs, "group SUPPLY [070]\n  verb supply\n    form supplies [070]", []string{"3 error: want \"verb WORDS [CODE]\" or \"form WORDS\""}},
		{"form shape", verbs, "group SUPPLY [070]\n  verb +pass on\n    form passes", []string{"3 error: does not fit verb \"+pass on\""}},
		{"verb no plus", verbs, "group SUPPLY [070]\n  verb pass on", []string{"2 error: mark the word"}},
		{"verb two plus", verbs, "group SUPPLY [070]\n  verb +pass +on", []string{"2 error: more than one word"}},
		{"verb reserved", verbs, "group SUPPLY [070]\n  verb pass_on", []string{"2 error: want lower-case words"}},
		{"verb empty", verbs, "group SUPPLY [070]\n  verb", []string{"2 error: verb line has no words"}},
		{"without outside", verbs, "group SUPPLY [070]\n  without * x", []string{"2 error: \"without\" line outside a verb"}},
		{"without syntax", verbs, "group SUPPLY [070]\n  verb supply\n    without x", []string{"3 error: want \"without PATTERN\""}},
		{"without code", verbs, "group SUPPLY [070]\n  verb supply\n    without * x [07 0]", []string{"3 error: want \"without PATTERN\""}},
		{"pattern outside", verbs, "pattern * x [070]", []string{"1 error: \"pattern\" line outside a group"}},
		{"pattern code", verbs, "group SUPPLY [070]\n  pattern * x", []string{"2 error: want \"pattern PATTERN [CODE]\""}},
		{"pattern syntax", verbs, "group SUPPLY [070]\n  pattern x [070]", []string{"2 error: no \"*\""}},
		{"transform", verbs, "transform a b = a b 010", []string{"1 error: transform \"a b = a b 010\""}},
		{"verbs unknown", verbs, "verbs SUPPLY [070]", []string{"1 error: unknown line \"verbs\""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkProblems(t, testFile, tt.read(tt.in), tt.want)
		})
	}
}

func TestParleyLines(t *testing.T) {
	in := "# header\r\nactor  Rufus   T.\tFirefly  # F.txt:7\r\n  name c#sharp\r\n   # indented comment\r\n\r\nactor X # not:an:origin x\n"
	got, problems := ReadActors(strings.NewReader(in), testFile)
	checkProblems(t, testFile, problems, nil)
	want := []Actor{
		{Name: "Rufus T. Firefly", Names: phs("rufus t. firefly", "c#sharp"), Pos: at(2), Origin: Pos{"F.txt", 7}},
		{Name: "X", Names: phs("x"), Pos: at(6)},
	}
	if d := cmp.Diff(want, got, cmp.Comparer(func(a, b []Role) bool { return len(a) == len(b) })); d != "" {
		t.Errorf("actors (-want +got):\n%s", d)
	}
}

// testVerbFile is a verb file with every kind of entry.
func testVerbFile() VerbFile {
	vf, problems := ReadPetrarchVerbs(strings.NewReader(`&GADGET
+WIDGET
+SPARE_PART_
&TOOLSET_
+HAMMER
--- SUPPLY [070] ---
PROVIDE
LEND {LENDS LENT LENDING} [0711]
+PASS_ON {+PASSES_ON +PASSED_ON +PASSING_ON}
- * &GADGET [0711]
- $ * + (WITH {&GADGET PARTS}) [071:070]
- SO UP_AND_* DOWN_^ % (FROM ^) [:072]
--- [---] ---
IDLE
~ a (a b RAID) BOAST = a b 190
~ a (_ (b . Q) BOAST) CLAIM = a b Q
`), "source.txt")
	if len(errorsOnly(problems)) > 0 {
		panic(problems[0])
	}
	for i := range vf.Groups {
		vf.Groups[i].Origin = vf.Groups[i].Pos
		if i == 0 {
			vf.Groups[i].Patterns[1].Origin = Pos{"elsewhere.txt", 99}
			vf.Groups[i].Verbs[1].Without = []string{"* &GADGET [0711]", "so up_and_* down_^ % (from ^)"}
		}
	}
	return vf
}

// TestRoundTrip checks that writing, reading and writing again gives the
// same bytes, and that reading gives back what was written.
func TestRoundTrip(t *testing.T) {
	vf := testVerbFile()
	actors := []Actor{
		{Name: "Rufus T. Firefly", Names: phs("rufus t. firefly", "firefly"), Origin: Pos{"a.txt", 3}, Roles: []Role{
			{Code: "FRDGOV", From: day("2019-05-20")}, {Code: "FRDMIL", To: day("1933-01-01")},
			{Code: "FRD/SYL", From: day("1933-01-01"), To: day("1933-12-31")}, {Code: "---"}}},
		{Name: "Chicolini", Names: phs("chico")}, // a canonical name not among Names
	}
	agents := []Agent{{Names: phs("schoolmaster", "schoolmasters"), Code: "~EDU", Origin: Pos{"b.txt", 1}},
		{Names: phs("relief society"), Code: "NGO~"}}
	discards := []Discard{{Phrase: ph("scarecrow contest"), Story: true}, {Phrase: ph("windmill"), Stem: true, Origin: Pos{"c.txt", 2}}}
	issues := []Issue{
		{Forms: phs("bread oven", "bread ovens"), Code: "BAKERY_EQUIPMENT", Category: "BAKING", Origin: Pos{"d.txt", 4}},
		{Forms: phs("gingerbread house"), Exclude: ExcludeSentence, Category: "BAKING"},
		{Forms: phs("baker strike"), Exclude: ExcludeStory},
		{Forms: phs("crumb"), Code: "CRUMBS", Category: "TABLE"},
	}
	kinds := []struct {
		name  string
		write func(*bytes.Buffer) error
		read  func(string) ([]error, func(*bytes.Buffer) error)
	}{
		{"verbs", func(b *bytes.Buffer) error { return WriteVerbs(b, vf) }, func(s string) ([]error, func(*bytes.Buffer) error) {
			got, p := ReadVerbs(strings.NewReader(s), testFile)
			return p, func(b *bytes.Buffer) error { return WriteVerbs(b, got) }
		}},
		{"actors", func(b *bytes.Buffer) error { return WriteActors(b, actors) }, func(s string) ([]error, func(*bytes.Buffer) error) {
			got, p := ReadActors(strings.NewReader(s), testFile)
			return p, func(b *bytes.Buffer) error { return WriteActors(b, got) }
		}},
		{"agents", func(b *bytes.Buffer) error { return WriteAgents(b, agents) }, func(s string) ([]error, func(*bytes.Buffer) error) {
			got, p := ReadAgents(strings.NewReader(s), testFile)
			return p, func(b *bytes.Buffer) error { return WriteAgents(b, got) }
		}},
		{"discards", func(b *bytes.Buffer) error { return WriteDiscards(b, discards) }, func(s string) ([]error, func(*bytes.Buffer) error) {
			got, p := ReadDiscards(strings.NewReader(s), testFile)
			return p, func(b *bytes.Buffer) error { return WriteDiscards(b, got) }
		}},
		{"issues", func(b *bytes.Buffer) error { return WriteIssues(b, issues) }, func(s string) ([]error, func(*bytes.Buffer) error) {
			got, p := ReadIssues(strings.NewReader(s), testFile)
			return p, func(b *bytes.Buffer) error { return WriteIssues(b, got) }
		}},
	}
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			var first, second bytes.Buffer
			if err := k.write(&first); err != nil {
				t.Fatal(err)
			}
			problems, write := k.read(first.String())
			checkProblems(t, testFile, problems, nil)
			if err := write(&second); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(first.String(), second.String()); d != "" {
				t.Errorf("write → read → write differs (-first +second):\n%s", d)
			}
		})
	}

	// Reading gives back the model, positions aside.
	var b bytes.Buffer
	if err := WriteVerbs(&b, vf); err != nil {
		t.Fatal(err)
	}
	got, _ := ReadVerbs(strings.NewReader(b.String()), testFile)
	ignore := cmp.FilterPath(func(p cmp.Path) bool {
		f := p.Last().String()
		return f == ".Pos" || f == ".Raw" || f == ".Origin"
	}, cmp.Ignore())
	if d := cmp.Diff(vf, got, ignore); d != "" {
		t.Errorf("verbs read back (-written +read):\n%s", d)
	}
	wantText := `synset &GADGET
  member widget
  member widgets
  member spare part

synset &TOOLSET
  member hammer

group SUPPLY [070]  # source.txt:6
  verb provide
    form provides
    form provided
    form providing
  verb lend [0711]
    form lends
    form lent
    form lending
    without * &GADGET [0711]
    without so up_and_* down_^ % (from ^)
  verb +pass on
    form +passes on
    form +passed on
    form +passing on
  pattern * &GADGET [0711]
  pattern $ * + (with {&GADGET parts}) [071:070]  # elsewhere.txt:99
  pattern so up_and_* down_^ % (from ^) [:072]

group [---]  # source.txt:13
  verb idle
    form idles
    form idled
    form idling

transform a (a b raid) boast = a b 190
transform a (_ (b . Q) boast) claim = a b Q
`
	if d := cmp.Diff(wantText, b.String()); d != "" {
		t.Errorf("WriteVerbs (-want +got):\n%s", d)
	}
}

func TestWriteRejects(t *testing.T) {
	tests := []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"actor name with comment", func(b *bytes.Buffer) error { return WriteActors(b, []Actor{{Name: "A #1", Names: phs("a")}}) }},
		{"empty actor name", func(b *bytes.Buffer) error { return WriteActors(b, []Actor{{Name: "", Names: phs("a")}}) }},
		{"code with space", func(b *bytes.Buffer) error {
			return WriteActors(b, []Actor{{Name: "A", Names: phs("a"), Roles: []Role{{Code: "FRD GOV"}}}})
		}},
		{"upper-case name", func(b *bytes.Buffer) error { return WriteActors(b, []Actor{{Name: "A", Names: []Phrase{{"A"}}}}) }},
		{"agent without names", func(b *bytes.Buffer) error { return WriteAgents(b, []Agent{{Code: "~EDU"}}) }},
		{"discard star", func(b *bytes.Buffer) error { return WriteDiscards(b, []Discard{{Phrase: Phrase{"x*"}}}) }},
		{"issue without forms", func(b *bytes.Buffer) error { return WriteIssues(b, []Issue{{Code: "X"}}) }},
		{"bad synset name", func(b *bytes.Buffer) error { return WriteVerbs(b, VerbFile{Synsets: []Synset{{Name: "&gadget"}}}) }},
		{"bad pattern word", func(b *bytes.Buffer) error {
			return WriteVerbs(b, VerbFile{Groups: []VerbGroup{{Code: "010", Patterns: []Pattern{{After: []Elem{{Kind: ElemWord, Words: Phrase{"a_b"}}}, Code: "010"}}}}})
		}},
		{"bad head", func(b *bytes.Buffer) error {
			return WriteVerbs(b, VerbFile{Groups: []VerbGroup{{Code: "010", Verbs: []Verb{{Words: ph("pass on"), Head: 2}}}}})
		}},
		{"origin with space", func(b *bytes.Buffer) error {
			return WriteDiscards(b, []Discard{{Phrase: ph("x"), Origin: Pos{"a b", 1}}})
		}},
	}
	for _, tt := range tests {
		if err := tt.write(new(bytes.Buffer)); err == nil {
			t.Errorf("%s: written without error", tt.name)
		}
	}
}
