package cameo

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley/cameo/internal/gentable"
	"github.com/parley-events/parley/internal/golden"
)

// dataDir holds the source tables, relative to this package's directory.
const dataDir = "../../shared/data/events"

func TestEmbeddedParses(t *testing.T) {
	tab, err := parse(codesTSV)
	if err != nil {
		t.Fatal(err)
	}
	// CAMEO.eventcodes.txt has 311 codes: 20 roots, 147 of three digits,
	// 144 of four.
	byLen := map[int]int{}
	for _, c := range tab.codes {
		byLen[len(c.Code)]++
	}
	if got, want := len(tab.codes), 311; got != want {
		t.Errorf("%d codes, want %d", got, want)
	}
	if want := map[int]int{2: 20, 3: 147, 4: 144}; !maps(byLen, want) {
		t.Errorf("codes by length = %v, want %v", byLen, want)
	}
}

func maps(a, b map[int]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestLookup checks codes against the source tables, read by hand.
func TestLookup(t *testing.T) {
	tests := []Code{
		{Code: "036", Root: "03", Base: "036", QuadClass: VerbalCooperation, Goldstein: 4.0,
			PloverType: "AGREE", PloverContext: "diplomatic", Description: "Express intent to meet or negotiate"},
		{Code: "0331", Root: "03", Base: "033", QuadClass: VerbalCooperation, Goldstein: 5.2,
			PloverType: "AGREE", PloverContext: "economic", Description: "Express intent to provide economic aid"},
		{Code: "195", Root: "19", Base: "195", QuadClass: MaterialConflict, Goldstein: -10.0,
			PloverType: "ASSAULT", PloverMode: "heavy-weapons", PloverContext: "military", Description: "Employ aerial weapons"},
		{Code: "1312", Root: "13", Base: "131", QuadClass: VerbalConflict, Goldstein: -5.8,
			PloverType: "THREATEN", PloverMode: "restrict", PloverContext: "economic", Description: "Threaten to boycott, embargo, or sanction"},
		{Code: "19", Root: "19", Base: "19", QuadClass: MaterialConflict, Goldstein: -10.0,
			PloverType: "ASSAULT", Description: "FIGHT"},
		{Code: "0841", Root: "08", Base: "084", QuadClass: MaterialCooperation, Goldstein: 7.0,
			PloverType: "RETREAT", PloverMode: "release", PloverContext: "legal", Description: "Return, release person(s)"},
		{Code: "094", Root: "09", Base: "094", QuadClass: VerbalConflict, Goldstein: -2.0,
			PloverType: "ACCUSE", PloverMode: "investigate", PloverContext: "military;legal", Description: "Investigate war crimes"},
		// Roots 01 and 02 have no PLOVER type.
		{Code: "010", Root: "01", Base: "010", QuadClass: VerbalCooperation, Goldstein: 0.0,
			Description: "Make statement, not specified below"},
		{Code: "0234", Root: "02", Base: "023", QuadClass: VerbalCooperation, Goldstein: 3.4,
			Description: "Appeal for military protection or peacekeeping"},
		// Quirks of the conversion table, carried as they are.
		{Code: "08", Root: "08", Base: "08", QuadClass: MaterialCooperation, Goldstein: 5.0,
			PloverType: "CONCEDE", Description: "YIELD"},
		{Code: "0813", Root: "08", Base: "081", QuadClass: MaterialCooperation, Goldstein: 5.0,
			PloverType: "RETREAT", PloverContext: "legal", Description: "Ease curfew"},
		{Code: "163", Root: "16", Base: "163", QuadClass: MaterialConflict, Goldstein: -8.0,
			PloverType: "COERCE", PloverMode: "restrict", PloverContext: "diplomatic", Description: "Impose embargo, boycott, or sanctions"},
		{Code: "175", Root: "17", Base: "175", QuadClass: MaterialConflict, Goldstein: -9.0,
			PloverType: "ASSAULT", PloverMode: "pro_autocracy", PloverContext: "military", Description: "Use tactics of violent repression"},
		// GDELT's label, which disagrees with the codebook (see the package doc).
		{Code: "101", Root: "10", Base: "101", QuadClass: VerbalConflict, Goldstein: -5.0,
			PloverType: "REQUEST", PloverMode: "assist", Description: "Demand information, investigation"},
		{Code: "2042", Root: "20", Base: "204", QuadClass: MaterialConflict, Goldstein: -10.0,
			PloverType: "ASSAULT", PloverMode: "unconventional", PloverContext: "cbrn", Description: "Detonate nuclear weapons"},
	}
	for _, want := range tests {
		got, ok := Lookup(want.Code)
		if !ok {
			t.Errorf("Lookup(%q) not found", want.Code)
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Lookup(%q) mismatch (-want +got):\n%s", want.Code, diff)
		}
		if !Valid(want.Code) {
			t.Errorf("Valid(%q) = false, want true", want.Code)
		}
	}
}

func TestNotCodes(t *testing.T) {
	for _, s := range []string{"", "---", "0", "1", "00", "21", "36", "0360", "1213", "12345", " 036", "036 ", "O36", "０３６"} {
		if c, ok := Lookup(s); ok {
			t.Errorf("Lookup(%q) = %+v, true; want false", s, c)
		}
		if Valid(s) {
			t.Errorf("Valid(%q) = true, want false", s)
		}
		if got := Root(s); got != "" {
			t.Errorf("Root(%q) = %q, want \"\"", s, got)
		}
	}
}

func TestRoot(t *testing.T) {
	for code, want := range map[string]string{"1312": "13", "131": "13", "13": "13", "036": "03", "0331": "03", "2042": "20"} {
		if got := Root(code); got != want {
			t.Errorf("Root(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestRoots(t *testing.T) {
	quad := []int{0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4}
	for r := 1; r <= 20; r++ {
		root := string([]byte{byte('0' + r/10), byte('0' + r%10)})
		c, ok := Lookup(root)
		if !ok {
			t.Errorf("root %s missing", root)
			continue
		}
		if c.Root != root || c.Base != root || c.QuadClass != quad[r] {
			t.Errorf("Lookup(%q) = root %q, base %q, quad class %d; want %q, %q, %d", root, c.Root, c.Base, c.QuadClass, root, root, quad[r])
		}
		if (c.PloverType == "") != (r <= 2) {
			t.Errorf("root %s has PLOVER type %q; want one for every root but 01 and 02", root, c.PloverType)
		}
	}
}

func TestAll(t *testing.T) {
	all := All()
	if len(all) != 311 {
		t.Fatalf("len(All()) = %d, want 311", len(all))
	}
	if !slices.IsSortedFunc(all, func(a, b Code) int { return strings.Compare(a.Code, b.Code) }) {
		t.Error("All() is not sorted by code")
	}
	for _, c := range all {
		got, ok := Lookup(c.Code)
		if !ok || got != c {
			t.Errorf("Lookup(%q) = %+v, %v; want %+v, true", c.Code, got, ok, c)
		}
		if c.Root != c.Code[:2] || !strings.HasPrefix(c.Code, c.Base) || len(c.Base) > 3 {
			t.Errorf("code %s: root %q, base %q", c.Code, c.Root, c.Base)
		}
	}
	all[0].Code = "changed"
	if All()[0].Code == "changed" {
		t.Error("All() returns the package's own slice")
	}
}

func TestPloverTypes(t *testing.T) {
	want := []string{"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE",
		"REQUEST", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"}
	if diff := cmp.Diff(want, PloverTypes()); diff != "" {
		t.Errorf("PloverTypes() mismatch (-want +got):\n%s", diff)
	}
}

func TestContexts(t *testing.T) {
	c, _ := Lookup("091")
	if diff := cmp.Diff([]string{"crime", "corruption"}, c.Contexts()); diff != "" {
		t.Errorf("Contexts of 091 mismatch (-want +got):\n%s", diff)
	}
	c, _ = Lookup("040")
	if got := c.Contexts(); got != nil {
		t.Errorf("Contexts of 040 = %q, want nil", got)
	}
}

func TestOldPlover(t *testing.T) {
	tests := map[string]string{
		"AGREE": "AGREE", "CONSULT": "CONSULT", "SUPPORT": "SUPPORT", "COOPERATE": "COOPERATE",
		"AID": "AID", "CONCEDE": "CONCEDE", "RETREAT": "RETREAT", "INVESTIGATE": "ACCUSE",
		"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "REJECT": "REJECT", "THREATEN": "THREATEN",
		"PROTEST": "PROTEST", "MOBILIZE": "MOBILIZE", "SANCTION": "SANCTION", "COERCE": "COERCE",
		"ASSAULT": "ASSAULT", "FIGHT": "ASSAULT",
		"REQUEST": "REQUEST", "ACCUSE": "ACCUSE", " fight ": "ASSAULT", "Demand": "REQUEST",
	}
	for label, want := range tests {
		if got, ok := OldPlover(label); !ok || got != want {
			t.Errorf("OldPlover(%q) = %q, %v; want %q, true", label, got, ok, want)
		}
	}
	for _, label := range []string{"", "CRIME", "COOPERATION", "010", "---"} {
		if got, ok := OldPlover(label); ok {
			t.Errorf("OldPlover(%q) = %q, true; want false", label, got)
		}
	}
	types := PloverTypes()
	for label, typ := range oldPlover {
		if !slices.Contains(types, typ) {
			t.Errorf("OldPlover(%q) = %q, which is not a type of the table", label, typ)
		}
	}
}

// TestOldPloverGold checks that every event label of the PLOVER gold
// records has a 2021 type.
func TestOldPloverGold(t *testing.T) {
	data, err := os.ReadFile(dataDir + "/plover-gsr-dev.json")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("../shared/data absent: cannot read events/plover-gsr-dev.json")
	}
	if err != nil {
		t.Fatal(err)
	}
	var recs []struct {
		Event string `json:"event"`
	}
	if err := json.Unmarshal(data, &recs); err != nil {
		t.Fatal(err)
	}
	if len(recs) == 0 {
		t.Fatal("no gold records")
	}
	for _, r := range recs {
		if _, ok := OldPlover(r.Event); !ok {
			t.Errorf("gold label %q has no 2021 type", r.Event)
		}
	}
}

// TestGenerate regenerates codes.tsv from the sources and checks that it
// equals the committed and embedded table byte for byte.
func TestGenerate(t *testing.T) {
	if _, err := os.Stat(dataDir); errors.Is(err, fs.ErrNotExist) {
		t.Skip("../shared/data absent: cannot regenerate codes.tsv from events/CAMEO*.txt")
	}
	got, _, err := gentable.Generate(os.DirFS(dataDir))
	if err != nil {
		t.Fatal(err)
	}
	again, _, err := gentable.Generate(os.DirFS(dataDir))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, again) {
		t.Error("two runs of the generator gave different bytes")
	}
	committed, err := os.ReadFile("codes.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(committed, codesTSV) {
		t.Error("embedded table differs from codes.tsv; rebuild")
	}
	if diff := golden.Diff(string(committed), string(got)); diff != "" {
		t.Errorf("codes.tsv is stale; run go generate ./cameo (-committed +generated):\n%s", diff)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(codesTSV)
	f.Add([]byte(header + "\n036\t03\t036\t1\t4.0\tAGREE\t\tdiplomatic\tMeet\n"))
	f.Add([]byte("# c\n" + header + "\n1312\t13\t131\t3\t-5.8\t\t\t\tx\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := parse(data)
		if err != nil {
			return
		}
		for i, c := range tab.codes {
			if !wellFormed(c.Code) || c.Root != c.Code[:2] || c.Base != baseOf(c.Code) {
				t.Fatalf("accepted inconsistent code %+v", c)
			}
			if c.QuadClass < VerbalCooperation || c.QuadClass > MaterialConflict {
				t.Fatalf("code %s: quad class %d", c.Code, c.QuadClass)
			}
			if i > 0 && tab.codes[i-1].Code >= c.Code {
				t.Fatalf("codes out of order: %s then %s", tab.codes[i-1].Code, c.Code)
			}
			if tab.index[c.Code] != i {
				t.Fatalf("index of %s = %d, want %d", c.Code, tab.index[c.Code], i)
			}
		}
	})
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"036", "1312", "19", "---", "", "0360", "2042"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := Lookup(s)
		if ok != Valid(s) {
			t.Fatalf("Lookup(%q) ok = %v, Valid = %v", s, ok, !ok)
		}
		if r := Root(s); ok && (r != c.Root || c.Code != s) || !ok && r != "" {
			t.Fatalf("Lookup(%q) = %+v, %v; Root = %q", s, c, ok, r)
		}
	})
}

func BenchmarkLookup(b *testing.B) {
	codes := []string{"036", "1312", "195", "---", "0360", "19"}
	for i := 0; b.Loop(); i++ {
		Lookup(codes[i%len(codes)])
	}
}
