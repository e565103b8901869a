package dict

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
)

// petrarchDir is the PETRARCH dictionary directory of ../shared/data, seen
// from the package directory.
const petrarchDir = "../../shared/data/petrarch"

// needPetrarch skips the test when the PETRARCH dictionaries are absent.
func needPetrarch(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(petrarchDir, "CAMEO.2.0.txt")); err != nil {
		t.Skipf("PETRARCH dictionaries not found in %s (see ../shared/data/README.md): %v", petrarchDir, err)
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"verbs.txt":          {Data: []byte("synset &GADGET\n  member widget\n\ngroup SUPPLY [070]\n  verb supply\n  pattern * &GADGET [0711]\n")},
		"actors-a.txt":       {Data: []byte("actor Rufus T. Firefly\n  name Firefly\n  role FRDGOV 1933-01-01..\n\nactor Chicolini\n  role SYLGOV\n")},
		"actors-b.txt":       {Data: []byte("actor RUFUS T. FIREFLY\n  name firefly\n  name President Firefly\n  role FRDELI\n")},
		"agents.txt":         {Data: []byte("agent ~EDU\n  name schoolmaster\n")},
		"discards.txt":       {Data: []byte("discard story scarecrow contest\n")},
		"issues.txt":         {Data: []byte("issue CRUMBS\n  form crumb\n")},
		"README.md":          {Data: []byte("not a dictionary")},
		"actors-c.txt.draft": {Data: []byte("not read")},
	}
	set, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	wantFiles := []string{"verbs.txt", "agents.txt", "discards.txt", "issues.txt", "actors-a.txt", "actors-b.txt"}
	if !cmp.Equal(set.Files, wantFiles) {
		t.Errorf("Files = %q, want %q", set.Files, wantFiles)
	}
	if len(set.Verbs) != 1 || len(set.Synsets) != 1 || len(set.Agents) != 1 || len(set.Discards) != 1 || len(set.Issues) != 1 {
		t.Errorf("set has %d groups, %d synsets, %d agents, %d discards, %d issues, want one of each",
			len(set.Verbs), len(set.Synsets), len(set.Agents), len(set.Discards), len(set.Issues))
	}
	want := []Actor{
		{Name: "Rufus T. Firefly", Names: phs("rufus t. firefly", "firefly", "president firefly"), Pos: Pos{"actors-a.txt", 1},
			Roles: []Role{{Code: "FRDGOV", From: day("1933-01-01"), Pos: Pos{"actors-a.txt", 3}}, {Code: "FRDELI", Pos: Pos{"actors-b.txt", 4}}}},
		{Name: "Chicolini", Names: phs("chicolini"), Pos: Pos{"actors-a.txt", 5}, Roles: []Role{{Code: "SYLGOV", Pos: Pos{"actors-a.txt", 6}}}},
	}
	if d := cmp.Diff(want, set.Actors); d != "" {
		t.Errorf("merged actors (-want +got):\n%s", d)
	}
}

// TestLoadNotNames checks that a later file's "not" line takes a name
// away from the actor it merges with, and that the canonical name stays.
func TestLoadNotNames(t *testing.T) {
	fsys := fstest.MapFS{
		"actors-a.txt": {Data: []byte("actor Freedonian Party\n  name party\n  name the party\n  role FRDPTY\n")},
		"actors-b.txt": {Data: []byte("actor FREEDONIAN PARTY\n  not Party\n")},
	}
	set, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := set.Actors[0].Names, phs("freedonian party", "the party"); !cmp.Equal(got, want) {
		t.Errorf("names = %q, want %q", got, want)
	}
	_, errs := ReadActors(strings.NewReader("actor Freedonian Party\n  not freedonian party\n"), "x.txt")
	if len(errs) == 0 || !strings.Contains(errs[0].Error(), "canonical name") {
		t.Errorf("taking away the canonical name: errors %v, want one naming it", errs)
	}
}

// TestGoesWithout checks that a verb goes without the patterns of its
// group a later file names for it — all of those words, or the one with
// the code given — and keeps the others; and that dict check reports one
// it names that the group lacks.
func TestGoesWithout(t *testing.T) {
	fsys := fstest.MapFS{
		"verbs.txt":       {Data: []byte("group SEIZE [171]\n  verb seize\n  verb arrest [173]\n  pattern * town [192]\n  pattern * members [181]\n  pattern * members [173]\n  pattern * (in raid) [1711]\n")},
		"verbs-extra.txt": {Data: []byte("group SEIZE [171]\n  verb arrest\n    without * TOWN\n    without * members [181]\n    without * (in  raid)\n  verb seize\n    without * village\n")},
	}
	set, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	g := set.Verbs[0]
	var kept []string
	for _, v := range g.Verbs {
		for _, p := range g.Patterns {
			if !v.GoesWithout(&p) {
				kept = append(kept, v.Words.String()+" "+p.Raw)
			}
		}
	}
	want := []string{"seize * town [192]", "seize * members [181]", "seize * members [173]", "seize * (in raid) [1711]", "arrest * members [173]"}
	if !cmp.Equal(kept, want) || g.Verbs[1].Code != "173" {
		t.Errorf("patterns kept %q (arrest's code %q), want %q", kept, g.Verbs[1].Code, want)
	}
	problems := Check(fsys, func(string) bool { return true })
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.Error())
	}
	if len(msgs) != 1 || !strings.Contains(msgs[0], `verb "seize" goes without pattern "* village", which group SEIZE does not have`) {
		t.Errorf("check: %q, want one problem for \"* village\"", msgs)
	}
}

func TestLoadMergesVerbGroups(t *testing.T) {
	fsys := fstest.MapFS{
		"verbs.txt":       {Data: []byte("group REFUSE [---]\n  verb refuse\n  verb deny\n  pattern * entry [160]\n\ngroup SUPPLY [070]\n  verb supply\n")},
		"verbs-extra.txt": {Data: []byte("group REFUSE [120]\n  verb refuse [120]\n  verb rebuff\n  pattern * offer [127]\n")},
	}
	set, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Verbs) != 2 || set.Verbs[0].Name != "REFUSE" || set.Verbs[1].Name != "SUPPLY" {
		t.Fatalf("groups %+v, want REFUSE then SUPPLY", set.Verbs)
	}
	g := set.Verbs[0]
	var got []string
	for _, v := range g.Verbs {
		got = append(got, v.Words.String()+"="+v.Code)
	}
	for _, p := range g.Patterns {
		got = append(got, p.Code)
	}
	// The later file's patterns come first: they win ties.
	if want := []string{"refuse=120", "deny=", "rebuff=", "127", "160"}; g.Code != "---" || !cmp.Equal(got, want) {
		t.Errorf("merged group: code %q, %q; want --- and %q", g.Code, got, want)
	}
}

func TestLoadErrors(t *testing.T) {
	_, err := Load(fstest.MapFS{"notes.txt": {Data: []byte("x")}})
	if parley.KindOf(err) != parley.NotFound || !strings.Contains(err.Error(), "no dictionary files") {
		t.Errorf("Load of a directory without dictionaries: %v, want a not-found error", err)
	}
	_, err = Load(fstest.MapFS{
		"actors-a.txt": {Data: []byte("actor A\n  role\n")},
		"agents.txt":   {Data: []byte("agent ~EDU\n")},
	})
	if parley.KindOf(err) != parley.Invalid || !strings.Contains(err.Error(), "agents.txt:1: ") || !strings.Contains(err.Error(), "and 1 more problems") {
		t.Errorf("Load of broken files: %v, want the first problem with its file:line and a count of the others", err)
	}
	// Warnings do not stop Load.
	if _, err := Load(fstest.MapFS{"actors-a.txt": {Data: []byte("actor A\n")}}); err != nil {
		t.Errorf("Load with only warnings: %v", err)
	}
}

func TestLoadPetrarch(t *testing.T) {
	fsys := fstest.MapFS{
		"CAMEO.2.0.txt":                {Data: []byte("--- SUPPLY [070] ---\nPROVIDE\n- * X) [070]\n")},
		"Phoenix.Countries.actors.txt": {Data: []byte("FREEDONIA_ [FRD]\n+FREEDONIAN_\n")},
		"Phoenix.agents.txt":           {Data: []byte("SCHOOLMASTER [~EDU]\n")},
		"my.actors.txt":                {Data: []byte("SYLVANIA_ [SYL]\n")},
	}
	set, err := LoadPetrarch(fsys, PetrarchFiles{})
	if err != nil {
		t.Fatal(err)
	}
	// The broken pattern is left out; absent default files are skipped.
	if len(set.Verbs) != 1 || len(set.Verbs[0].Patterns) != 0 || len(set.Actors) != 1 || len(set.Agents) != 1 {
		t.Errorf("set: %d groups, %v patterns, %d actors, %d agents", len(set.Verbs), set.Verbs[0].Patterns, len(set.Actors), len(set.Agents))
	}
	if want := []string{"CAMEO.2.0.txt", "Phoenix.Countries.actors.txt", "Phoenix.agents.txt"}; !cmp.Equal(set.Files, want) {
		t.Errorf("Files = %q, want %q", set.Files, want)
	}
	set, err = LoadPetrarch(fsys, PetrarchFiles{Actors: []string{"my.actors.txt"}})
	if err != nil || len(set.Actors) != 1 || set.Actors[0].Name != "SYLVANIA" {
		t.Errorf("LoadPetrarch with named actors: %v, %+v", err, set)
	}
	if _, err := LoadPetrarch(fsys, PetrarchFiles{Issues: "missing.txt"}); parley.KindOf(err) != parley.NotFound {
		t.Errorf("LoadPetrarch with a missing named file: %v, want not found", err)
	}
	if _, err := LoadPetrarch(fstest.MapFS{"Phoenix.agents.txt": {Data: []byte("X [~EDU]\n")}}, PetrarchFiles{}); parley.KindOf(err) != parley.NotFound {
		t.Errorf("LoadPetrarch without verbs: %v, want not found", err)
	}
}

func TestLoadPetrarchCorpus(t *testing.T) {
	needPetrarch(t)
	set, err := LoadPetrarch(os.DirFS(petrarchDir), PetrarchFiles{})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Files) != 7 || len(set.Verbs) < 300 || len(set.Actors) < 25000 || len(set.Agents) < 2000 || len(set.Issues) < 3000 {
		t.Errorf("LoadPetrarch(%s): %d files, %d groups, %d actors, %d agents, %d issues; want the 7 default files with thousands of entries",
			petrarchDir, len(set.Files), len(set.Verbs), len(set.Actors), len(set.Agents), len(set.Issues))
	}
}

func TestDefault(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"verbs.txt", "agents.txt", "discards.txt", "issues.txt", "actors-countries.txt", "actors-international.txt", "actors-nonstate.txt"} {
		found := false
		for _, g := range set.Files {
			found = found || g == f
		}
		if !found {
			t.Errorf("Default() did not read %s (read %q)", f, set.Files)
		}
	}
	if len(set.Verbs) < 300 || len(set.Synsets) < 30 || len(set.Actors) < 25000 || len(set.Transforms) == 0 {
		t.Errorf("Default(): %d groups, %d synsets, %d actors, %d transforms", len(set.Verbs), len(set.Synsets), len(set.Actors), len(set.Transforms))
	}
	again, _ := Default()
	if again != set {
		t.Errorf("Default() read the files again")
	}
}

// TestDefaultIsConversion checks that dict/default holds what Convert makes
// of the PETRARCH dictionaries today, and that Convert is deterministic.
func TestDefaultIsConversion(t *testing.T) {
	needPetrarch(t)
	dirs := []string{t.TempDir(), t.TempDir()}
	for _, d := range dirs {
		if err := Convert(os.DirFS(petrarchDir), d); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range conversions() {
		a, err := os.ReadFile(filepath.Join(dirs[0], c.out))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(filepath.Join(dirs[1], c.out))
		if !bytes.Equal(a, b) {
			t.Errorf("two conversions differ in %s", c.out)
		}
		committed, err := os.ReadFile(filepath.Join("default", c.out))
		if err != nil || !bytes.Equal(a, committed) {
			t.Errorf("dict/default/%s differs from a fresh conversion of %s (%v); run: parley dict convert --from ../shared/data/petrarch --out dict/default",
				c.out, c.from, err)
		}
	}
}

func TestConvertErrors(t *testing.T) {
	if err := Convert(fstest.MapFS{}, t.TempDir()); parley.KindOf(err) != parley.NotFound {
		t.Errorf("Convert of an empty directory: %v, want not found", err)
	}
}

func BenchmarkLoadDefault(b *testing.B) {
	fsys := defaultFS()
	for b.Loop() {
		if _, err := Load(fsys); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLoadAgentNotNames checks that a later agents file's "not" lines take
// names away from the agents read before it, whatever their code, and that
// a block left with no names is dropped.
func TestLoadAgentNotNames(t *testing.T) {
	fsys := fstest.MapFS{
		"agents.txt":   {Data: []byte("agent ~GOV\n  name stewardship\n  name steward\n\nagent ~EDU\n  name tutelage\n")},
		"agents-b.txt": {Data: []byte("agent ~GOV\n  not stewardship\n  not tutelage\n\nagent ~AGR\n  name shepherd\n")},
	}
	set, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range set.Agents {
		for _, n := range g.Names {
			got = append(got, g.Code+" "+n.String())
		}
	}
	if want := []string{"~GOV steward", "~AGR shepherd"}; !cmp.Equal(got, want) {
		t.Errorf("agents = %q, want %q", got, want)
	}
	var b strings.Builder
	if err := WriteAgents(&b, []Agent{{Code: "~GOV", NotNames: phs("stewardship")}}); err != nil || b.String() != "agent ~GOV\n  not stewardship\n" {
		t.Errorf("WriteAgents = %q, %v", b.String(), err)
	}
}

// TestDefaultCorrections checks parley's corrections of the Phoenix
// actors (actors-parley.txt): dated codes that outrank the file's undated
// one, and a name moved from one actor to another.
func TestDefaultCorrections(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	byName := func(name string) *Actor {
		for i := range set.Actors {
			if set.Actors[i].Name == name {
				return &set.Actors[i]
			}
		}
		t.Fatalf("no actor %s", name)
		return nil
	}
	day := func(y int) time.Time { return time.Date(y, 6, 1, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		actor string
		year  int
		want  string
	}{
		{"LORD'S RESISTANCE ARMY", 2006, "UGAREB"},
		{"LORD'S RESISTANCE ARMY", 2015, "CFRREB"},
		{"PALESTINIAN ISLAMIC JIHAD", 2006, "PSEREB"},
		{"UNITA", 2000, "AGOREB"},
		{"TIGERS", 2006, "---"}, // no actor: the Tamil Tigers are LTTE's
		{"AL-AQSA MARTYRS BRIGADES", 2006, "PSEREB"},
		{"KACH", 1994, "ISRREB"},
		{"ISLAMIC COURTS UNION", 2006, "SOMREB"},
	} {
		if got := byName(c.actor).CodeAt(day(c.year)); got != c.want {
			t.Errorf("%s in %d: %s, want %s", c.actor, c.year, got, c.want)
		}
	}
	named := func(a *Actor, name string) bool {
		for _, n := range a.Names {
			if strings.Join(n, " ") == name {
				return true
			}
		}
		return false
	}
	if named(byName("HEZBOLLAH"), "islamic jihad") || !named(byName("PALESTINIAN ISLAMIC JIHAD"), "islamic jihad") {
		t.Error(`"islamic jihad" should name the Palestinian movement, not Hezbollah`)
	}
	for _, g := range set.Agents {
		for _, n := range g.Names {
			if w := strings.Join(n, " "); w == "carrier" || w == "business" {
				t.Errorf("agent %s is named %q, which in news is mostly no one of it", g.Code, w)
			}
		}
	}
	if named(byName("AL-AQSA MARTYRS BRIGADES"), "al-aqsa") {
		t.Error(`"al-aqsa" alone should name no actor: it is as often the mosque`)
	}
}
