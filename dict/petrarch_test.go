package dict

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// The inputs below are made up: fictional people and places, generic words.

const testFile = "test.txt"

func at(n int) Pos { return Pos{File: testFile, Line: n} }

func ph(s string) Phrase { return ParsePhrase(s) }

func phs(ss ...string) []Phrase {
	var out []Phrase
	for _, s := range ss {
		out = append(out, ph(s))
	}
	return out
}

func TestPetrarchComments(t *testing.T) {
	in := "# a comment\n" +
		"first # trailing\n" +
		"<!-- one line -->\n" +
		"second <!-- inside --> still\n" +
		"<!-- starts here\n" +
		"inside\n" +
		"ends here -->\n" +
		"third ; legacy\r\n" +
		"<! -- malformed but a comment line -->\n" +
		"   \t\n" +
		"fourth <!-- open\n" +
		"--> # closed\n" +
		"fifth\n"
	p := &problems{file: testFile}
	l := newPetrarchLines(strings.NewReader(in), p)
	var got []string
	for {
		line, n, ok := l.next()
		if !ok {
			break
		}
		got = append(got, itoa(n)+"|"+line)
	}
	want := []string{"2|first", "4|second   still", "8|third", "11|fourth", "13|fifth"}
	if !cmp.Equal(got, want) {
		t.Errorf("lines:\n%s", cmp.Diff(want, got))
	}
	checkProblems(t, testFile, p.list, nil)

	p = &problems{file: testFile}
	l = newPetrarchLines(strings.NewReader("a\n<!-- never closed\nb\n"), p)
	for _, _, ok := l.next(); ok; _, _, ok = l.next() {
	}
	checkProblems(t, testFile, p.list, []string{"2 error: never closed"})

	p = &problems{file: testFile}
	l = newPetrarchLines(strings.NewReader("<!-- a\nb --> text\nc\n"), p)
	if line, n, _ := l.next(); line != "c" || n != 3 {
		t.Errorf("after a comment closed with text: got line %d %q, want 3 \"c\"", n, line)
	}
	checkProblems(t, testFile, p.list, []string{"2 warning: text \"text\" after the \"-->\""})
}

func TestPetrarchDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for invalid
		warn bool
	}{
		{"330101", "1933-01-01", false}, // 31–99 → 19YY
		{"300101", "2030-01-01", false}, // 00–30 → 20YY
		{"310101", "1931-01-01", false},
		{"000229", "2000-02-29", false},
		{"19330615", "1933-06-15", false},
		{"20240101", "2024-01-01", false},
		{"2401017", "2024-01-01", true},
		{"2024010199", "2024-01-01", true},
		{"1920030320", "2003-03-20", true}, // a stray century: the last 8 digits
		{"990231", "", false},
		{"19990001", "", false},
		{"9901", "", false},
		{"99-01-01", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, warn, ok := petrarchDate(tt.in)
		switch {
		case tt.want == "" && ok:
			t.Errorf("petrarchDate(%q) = %v, want invalid", tt.in, got)
		case tt.want != "" && (!ok || got.Format(time.DateOnly) != tt.want):
			t.Errorf("petrarchDate(%q) = %v, %v, want %s", tt.in, got, ok, tt.want)
		case (warn != "") != tt.warn:
			t.Errorf("petrarchDate(%q) warning %q, want one: %v", tt.in, warn, tt.warn)
		}
	}
}

func TestReadPetrarchActors(t *testing.T) {
	in := `# fictional actors
RUFUS_T._FIREFLY_  [FRD]   ; legacy comment
+FIREFLY_
+THE_PRESIDENT_OF_FREEDONIA
	[FRDGOV 330101-331231]
	[FRDELI >20240101]
	[FRDGOV]

TRENTINO_
	[SYLGOV <330615]
`
	got, problems := ReadPetrarchActors(strings.NewReader(in), testFile)
	checkProblems(t, testFile, problems, nil)
	want := []Actor{
		{Name: "RUFUS T. FIREFLY", Names: phs("rufus t. firefly", "firefly", "the president of freedonia"), Pos: at(2), Roles: []Role{
			{Code: "FRD", Pos: at(2)},
			{Code: "FRDGOV", From: day("1933-01-01"), To: day("1933-12-31"), Pos: at(5)},
			{Code: "FRDELI", From: day("2024-01-01"), Pos: at(6)},
			{Code: "FRDGOV", Pos: at(7)},
		}},
		{Name: "TRENTINO", Names: phs("trentino"), Pos: at(9), Roles: []Role{{Code: "SYLGOV", To: day("1933-06-15"), Pos: at(10)}}},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("actors (-want +got):\n%s", d)
	}
}

func TestReadPetrarchActorsProblems(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		roles []string // "CODE FROM..TO" of the first actor
		want  []string
	}{
		{"role first", "\t[FRD]\nA [FRD]", []string{"FRD"}, []string{"1 error: before the first actor"}},
		{"synonym first", "+A\nB [FRD]", []string{"FRD"}, []string{"1 error: synonym \"+A\" before the first actor"}},
		{"codes on name line", "A [FRDGOV 330101-331231] [FRDELI]", []string{"FRDGOV 1933-01-01..1933-12-31", "FRDELI"},
			[]string{"1 warning: has 2 codes on its name line"}},
		{"open date on name line", "A [FRD >330101]", []string{"FRD 1933-01-01.."},
			[]string{"1 warning: PETRARCH drops the \">\""}},
		{"spaces", "A\n\t[FRD > 330101]\n\t[SYL 330101 - 340101]", []string{"FRD 1933-01-01..", "SYL 1933-01-01..1934-01-01"},
			[]string{"2 warning: spaces inside", "3 warning: spaces inside"}},
		{"glued", "A\n\t[FRD330101-340101]", []string{"FRD 1933-01-01..1934-01-01"}, []string{"2 warning: no space between code and date"}},
		{"no code", "A\n\t[330101-340101]", nil, []string{"2 error: no code before the date", "1 warning: \"A\" has no code"}},
		{"7 digits", "A\n\t[FRD 3301017-340101]", []string{"FRD 1933-01-01..1934-01-01"}, []string{"2 warning: 7-digit date"}},
		{"bare date", "A\n\t[FRD 19330101]", []string{"FRD 1933-01-01.."}, []string{"2 warning: read as [FRD >19330101]"}},
		{"bad date", "A [FRD]\n\t[SYL 330231-340101]", []string{"FRD"}, []string{"2 error: bad date \"330231\""}},
		{"not a date", "A [FRD]\n\t[SYL recently]", []string{"FRD"}, []string{"2 error: bad date \"recently\""}},
		{"missing plus", "A\nB [FRD]", nil, []string{"1 warning: PETRARCH reads the next line, \"B\", as a new actor"}},
		{"text after code", "A [FRD] since 1933", []string{"FRD"}, []string{"1 warning: text \"since 1933\" after the actor's code"}},
		{"unclosed", "A [FRD\nB [SYL]", []string{"SYL"}, []string{"1 error: cannot read actor line"}},
		{"synonym code", "A [FRD]\n+B [SYL]", []string{"FRD"}, []string{"2 error: synonym \"+B [SYL]\" carries a code"}},
		{"stray bracket", "A [FRD]\n+B]_", []string{"FRD"}, []string{"2 warning: stray bracket"}},
		{"empty code", "A [FRD]\n\t[]", []string{"FRD"}, []string{"2 error: empty code"}},
		{"bad role line", "A [FRD]\n\t[SYL] x", []string{"FRD"}, []string{"2 error: cannot read date restriction line"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			actors, problems := ReadPetrarchActors(strings.NewReader(tt.in), testFile)
			checkProblems(t, testFile, problems, tt.want)
			var roles []string
			if len(actors) > 0 {
				for _, r := range actors[0].Roles {
					roles = append(roles, strings.TrimSpace(r.Code+" "+formatRange(r)))
				}
			}
			if !cmp.Equal(roles, tt.roles) {
				t.Errorf("roles = %q, want %q", roles, tt.roles)
			}
		})
	}
}

func TestReadPetrarchVerbs(t *testing.T) {
	in := `####### SYNONYM SETS #######
&GADGET
+WIDGET
+SPARE_PART
+GIZMO_

&TOOLSET_
+HAMMER

--- SUPPLY [070] ---
PROVIDE
LEND {LENDS LENT LENDING} [0711]  # irregular
+PASS_ON {+PASSES_ON +PASSED_ON +PASSING_ON}
OUT_+VOTE
- * &GADGET [0711]
- $ * + (WITH {&GADGET PARTS})   [071:070]   # comment
- UP_* DOWN_^ [072]  ; legacy comment
--- IDLE ---
LOITER
~ a (a b RAID) BOAST = a b 190
~ a (b . Q) BOAST = a b Q
`
	got, problems := ReadPetrarchVerbs(strings.NewReader(in), testFile)
	checkProblems(t, testFile, problems, nil)
	word := func(w string) Elem { return Elem{Kind: ElemWord, Words: Phrase{w}} }
	want := VerbFile{
		Synsets: []Synset{
			{Name: "&GADGET", Members: phs("widget", "widgets", "spare part", "spare parts", "gizmo"), Pos: at(2)},
			{Name: "&TOOLSET", Members: phs("hammer"), Pos: at(7)},
		},
		Groups: []VerbGroup{
			{Name: "SUPPLY", Code: "070", Pos: at(10), Verbs: []Verb{
				{Words: ph("provide"), Forms: phs("provides", "provided", "providing"), Pos: at(11)},
				{Words: ph("lend"), Forms: phs("lends", "lent", "lending"), Code: "0711", Pos: at(12)},
				{Words: ph("pass on"), Forms: phs("passes on", "passed on", "passing on"), Pos: at(13)},
				{Words: ph("out vote"), Head: 1, Forms: phs("out votes", "out voted", "out voting"), Pos: at(14)},
			}, Patterns: []Pattern{
				{After: []Elem{{Kind: ElemSynset, Name: "&GADGET"}}, Code: "0711", Raw: "- * &GADGET [0711]", Pos: at(15)},
				{Before: []Elem{{Kind: ElemSource}},
					After: []Elem{{Kind: ElemTarget}, {Kind: ElemPrep, Sub: []Elem{word("with"),
						{Kind: ElemUnit, Sub: []Elem{{Kind: ElemSynset, Name: "&GADGET"}, word("parts")}}}}},
					Code: "071:070", Raw: "- $ * + (WITH {&GADGET PARTS})   [071:070]", Pos: at(16)},
				{Before: []Elem{{Kind: ElemWord, Words: Phrase{"up"}, Tight: true}},
					After: []Elem{word("down"), {Kind: ElemSkip, Tight: true}}, Code: "072", Raw: "- UP_* DOWN_^ [072]", Pos: at(17)},
			}},
			{Name: "IDLE", Code: "---", Pos: at(18), Verbs: []Verb{{Words: ph("loiter"), Forms: phs("loiters", "loitered", "loitering"), Pos: at(19)}}},
		},
		Transforms: []Transform{
			{Match: TransformEvent{Source: "a", Inner: &TransformEvent{Source: "a", Target: "b", Verb: ph("raid")}, Verb: ph("boast")},
				Source: "a", Target: "b", Code: "190", Pos: at(20)},
			{Match: TransformEvent{Source: "a", Inner: &TransformEvent{Source: "b", Target: "."}, Verb: ph("boast")},
				Source: "a", Target: "b", Code: "Q", Pos: at(21)},
		},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("verbs (-want +got):\n%s", d)
	}
}

func TestReadPetrarchVerbsProblems(t *testing.T) {
	const group = "--- G [010] ---\n"
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"pattern first", "- * X [010]", []string{"1 error: pattern outside a verb group"}},
		{"verb first", "SHOUT", []string{"1 error: verb \"SHOUT\" outside a verb group"}},
		{"no code", group + "SHOUT\n- * LOUDLY", []string{"3 error: has no [CODE]"}},
		{"no star", group + "SHOUT\n- LOUDLY [010]", []string{"3 error: no \"*\""}},
		{"two stars", group + "SHOUT\n- * LOUDLY * [010]", []string{"3 error: more than one \"*\""}},
		{"unclosed paren", group + "SHOUT\n- * (AT X [010]", []string{"3 error: \"(\" is not closed"}},
		{"stray closer", group + "SHOUT\n- * X) [010]", []string{"3 error: \")\" without its opening bracket"}},
		{"unclosed code", group + "SHOUT\n- * X [010", []string{"3 error: not closed with \"]\""}},
		{"empty prep", group + "SHOUT\n- * () [010]", []string{"3 error: empty \"()\""}},
		{"spaced verb", group + "SHOUT LOUDLY", []string{"2 error: want one verb per line"}},
		{"no plus", group + "SHOUT_OUT", []string{"2 error: does not mark the word"}},
		{"two plus", group + "+SHOUT_+OUT", []string{"2 error: more than one word"}},
		{"unclosed forms", group + "LEND {LENT", []string{"2 error: not closed with \"}\""}},
		{"y verb", group + "PARLAY", []string{"2 warning: PETRARCH's regular forms are \"parlaies\""}},
		{"commas", group + "LEND {LENDS, LENT}", []string{"2 warning: commas between verb forms"}},
		{"forms after code", group + "LEND [010] {LENDS LENT}", []string{"2 warning: after the code"}},
		{"form without plus", group + "+PASS_ON {PASSES_ON}", []string{"2 warning: form skipped"}},
		{"form of other shape", group + "+PASS_ON {+PASSES}", []string{"2 warning: is skipped"}},
		{"two group codes", "--- G [010] [020] ---", []string{"1 warning: group header has 2 codes"}},
		{"unnamed group", "--- [010] ---", []string{"1 warning: no name"}},
		{"bad header", "--- G [010 ---", []string{"1 error: cannot read group header"}},
		{"synset junk", "&GADGET extra\n+WIDGET", []string{"1 warning: text \"extra\" after synset name"}},
		{"synset member synset", "&GADGET\n+&TOOL", []string{"2 warning: synsets hold words only"}},
		{"empty synset name", "&", []string{"1 error: synset name \"&\""}},
		{"bad synset name", "&A-B", []string{"1 error: synset name \"&A-B\""}},
		{"bad group code", "--- G [0 1] ---", []string{"1 error: with a one-word code"}},
		{"bad verb code", group + "SHOUT [0 1]", []string{"2 error: verb code [0 1]"}},
		{"bad pattern code", group + "SHOUT\n- * X [0 1]", []string{"3 error: pattern code [0 1]"}},
		{"text after code", group + "SHOUT\n- * X [010] later", []string{"3 warning: text \"later\" after the pattern's code"}},
		{"undefined split", "&GADGET\n+WIDGET\n" + group + "SHOUT\n- * &GADGET_BOX [010]", []string{"5 warning: synset &GADGET_BOX is not defined"}},
		{"slash preposition", group + "SHOUT\n- * (AT/TO X) [010]", []string{"3 warning: preposition \"at/to\""}},
		{"bad transform", "~ a b = a b 010", []string{"1 error: cannot read transformation"}},
		{"bad transform result", "~ a b RAID = a 010", []string{"1 error: want \"SOURCE TARGET CODE\""}},
		{"bad transform var", "~ A b RAID = a b 010", []string{"1 error: is not an actor variable"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := ReadPetrarchVerbs(strings.NewReader(tt.in), testFile)
			checkProblems(t, testFile, problems, tt.want)
		})
	}
}

func TestReadPetrarchAgents(t *testing.T) {
	in := `<!-- fictional agents -->
!WORKER! = MAN, MEN, HAND
WINDMILL!WORKER! [~AGR]
SCHOOLMASTER [~EDU]  # a comment
BOSS [~BUS]
FERRY {} [~BUS]
CITY_MAYOR {CITY_MAYORS} [ ~GOV]
RELIEF_SOCIETY [NGO~]
`
	got, problems := ReadPetrarchAgents(strings.NewReader(in), testFile)
	checkProblems(t, testFile, problems, nil)
	want := []Agent{
		{Names: phs("windmillman", "windmillmen", "windmillhand"), Code: "~AGR", Sector: "AGR", Pos: at(3)},
		{Names: phs("schoolmaster", "schoolmasters"), Code: "~EDU", Sector: "EDU", Pos: at(4)},
		{Names: phs("boss", "bosses"), Code: "~BUS", Sector: "BUS", Pos: at(5)},
		{Names: phs("ferry"), Code: "~BUS", Sector: "BUS", Pos: at(6)},
		{Names: phs("city mayor", "city mayors"), Code: "~GOV", Sector: "GOV", Pos: at(7)},
		{Names: phs("relief society", "relief societies"), Code: "NGO~", Sector: "NGO", Before: true, Pos: at(8)},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("agents (-want +got):\n%s", d)
	}

	tests := []struct {
		name string
		in   string
		code string // the code of the one agent read, if any
		want []string
	}{
		{"no code", "FERRY", "", []string{"1 warning: has no [CODE]"}},
		{"undefined marker", "WIND!NOPE! [~AGR]", "", []string{"1 warning: !NOPE! is not defined"}},
		{"unclosed marker", "WIND!NOPE [~AGR]", "", []string{"1 warning: not closed with \"!\""}},
		{"bad definition", "!NOPE = A, B", "", []string{"1 warning: definition"}},
		{"brace closes code", "BAKER [~BKR}", "~BKR", []string{"1 warning: read as [~BKR]"}},
		{"unclosed plural", "BAKER {BAKERS [~BKR]", "", []string{"1 warning: plural \"{\""}},
		{"empty code", "BAKER []", "", []string{"1 error: has code []"}},
		{"unclosed code", "BAKER [~BKR", "", []string{"1 error: cannot read agent line"}},
		{"two codes", "BAKER [~BKR] [~BUS]", "~BKR", []string{"1 warning: agent has 2 codes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			agents, problems := ReadPetrarchAgents(strings.NewReader(tt.in), testFile)
			checkProblems(t, testFile, problems, tt.want)
			code := ""
			if len(agents) > 0 {
				code = agents[0].Code
			}
			if code != tt.code {
				t.Errorf("code %q, want %q", code, tt.code)
			}
		})
	}
}

func TestReadPetrarchDiscards(t *testing.T) {
	in := "+SCARECROW CONTEST  # story level\nWINDMILL RACE_\n1492\n"
	got, problems := ReadPetrarchDiscards(strings.NewReader(in), testFile)
	checkProblems(t, testFile, problems, nil)
	want := []Discard{
		{Phrase: ph("scarecrow contest"), Story: true, Stem: true, Pos: at(1)},
		{Phrase: ph("windmill race"), Pos: at(2)},
		{Phrase: ph("1492"), Stem: true, Pos: at(3)},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("discards (-want +got):\n%s", d)
	}
	_, problems = ReadPetrarchDiscards(strings.NewReader("+ _\n"), testFile)
	checkProblems(t, testFile, problems, []string{"1 error: empty discard phrase"})
}

func TestReadPetrarchIssues(t *testing.T) {
	in := `<ISSUE CATEGORY="BAKING" TYPE="ALL">
bread+n:oven [BAKERY_EQUIPMENT]
v:bake [BAKING_NEWS]  # a comment
~gingerbread house
~~n:baker strike
</ISSUE>
n:city [PLACES]
`
	got, problems := ReadPetrarchIssues(strings.NewReader(in), testFile)
	checkProblems(t, testFile, problems, nil)
	want := []Issue{
		{Phrase: ph("bread oven"), Forms: phs("bread oven", "bread ovens", "bread-oven", "bread-ovens"), Code: "BAKERY_EQUIPMENT", Category: "BAKING", Pos: at(2)},
		{Phrase: ph("bake"), Forms: phs("bake", "bakes", "baked", "baking"), Code: "BAKING_NEWS", Category: "BAKING", Pos: at(3)},
		{Phrase: ph("gingerbread house"), Forms: phs("gingerbread house"), Exclude: ExcludeSentence, Category: "BAKING", Pos: at(4)},
		{Phrase: ph("baker strike"), Forms: phs("baker strike", "bakers strike"), Exclude: ExcludeStory, Category: "BAKING", Pos: at(5)},
		{Phrase: ph("city"), Forms: phs("city", "cities"), Code: "PLACES", Pos: at(7)},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("issues (-want +got):\n%s", d)
	}

	tests := []struct {
		name  string
		in    string
		codes []string
		want  []string
	}{
		{"no code", "crumb", nil, []string{"1 warning: has no [CODE]"}},
		{"two entries", "crumb [CRUMBS] loaf [LOAVES]", []string{"CRUMBS", "LOAVES"}, []string{"1 warning: 2 issue entries on one line"}},
		{"code twice", "crumb [CRUMBS] [CRUMBS]", []string{"CRUMBS"}, []string{"1 warning: second code [CRUMBS]"}},
		{"text after", "crumb [CRUMBS] ***", []string{"CRUMBS"}, []string{"1 warning: text \"***\" after"}},
		{"bare marker", "n: [CRUMBS]", nil, []string{"1 error: \"n:\" without a noun"}},
		{"bare verb marker", "v: [CRUMBS]", nil, []string{"1 error: \"v:\" without a verb"}},
		{"unclosed", "crumb [CRUMBS", nil, []string{"1 error: cannot read issue line"}},
		{"empty code", "crumb []", nil, []string{"1 error: has code []"}},
		{"spaced code", "crumb [A B]", nil, []string{"1 error: has code [A B]"}},
		{"stray close", "</ISSUE>", nil, []string{"1 warning: closes no <ISSUE> section"}},
		{"nested", "<ISSUE CATEGORY=\"A\">\n<ISSUE CATEGORY=\"B\">\n</ISSUE>", nil, []string{"2 warning: opened inside section \"A\""}},
		{"unclosed section", "<ISSUE CATEGORY=\"A\">\ncrumb [CRUMBS]", []string{"CRUMBS"}, []string{"1 warning: never closed"}},
		{"no category", "<ISSUE TYPE=\"ALL\">\n</ISSUE>", nil, []string{"1 warning: without a CATEGORY"}},
		{"unknown tag", "<RECIPE>", nil, []string{"1 warning: unknown tag"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			issues, problems := ReadPetrarchIssues(strings.NewReader(tt.in), testFile)
			checkProblems(t, testFile, problems, tt.want)
			var codes []string
			for _, is := range issues {
				codes = append(codes, is.Code)
			}
			if !cmp.Equal(codes, tt.codes) {
				t.Errorf("codes %q, want %q", codes, tt.codes)
			}
		})
	}
}
