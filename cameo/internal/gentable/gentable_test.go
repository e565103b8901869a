package gentable

import (
	"strings"
	"testing"
	"testing/fstest"
)

// sources returns a small set of source files; edit overrides a file.
func sources(edit map[string]string) fstest.MapFS {
	files := map[string]string{
		EventCodesFile: "CAMEOEVENTCODE\tEVENTDESCRIPTION\n01\tMAKE PUBLIC STATEMENT\n036\tExpress intent to meet or negotiate\n08\tYIELD\n0841\tReturn, release person(s)\n",
		GoldsteinFile:  "CAMEOEVENTCODE\tGOLDSTEINSCALE\n01\t0.0\n036\t4.0\n08\t5.0\n0841\t7.0\n",
		PloverFile: "# comment\n\n03: AGREE\n036: AGREE,  , diplomatic # Express intent to meet\n" +
			"08: CONCEDE\n08: RETREAT\n0841: RETREAT, release,   legal; military # Return\n0841: RETREAT, release, legal;military # again\n" +
			"1213: REJECT, assist, legal # not a GDELT code\n~~~~~\n",
	}
	for k, v := range edit {
		files[k] = v
	}
	fsys := fstest.MapFS{}
	for k, v := range files {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return fsys
}

func TestGenerate(t *testing.T) {
	got, notes, err := Generate(sources(nil))
	if err != nil {
		t.Fatal(err)
	}
	want := comment + Header + "\n" +
		"01\t01\t01\t1\t0.0\t\t\t\tMAKE PUBLIC STATEMENT\n" +
		"036\t03\t036\t1\t4.0\tAGREE\t\tdiplomatic\tExpress intent to meet or negotiate\n" +
		"08\t08\t08\t2\t5.0\tCONCEDE\t\t\tYIELD\n" +
		"0841\t08\t084\t2\t7.0\tRETREAT\trelease\tlegal;military\tReturn, release person(s)\n"
	if string(got) != want {
		t.Errorf("Generate =\n%s\nwant\n%s", got, want)
	}
	for _, frag := range []string{"root 08 has a second group header RETREAT", "code 0841 is listed again", "dropped 2 codes not in CAMEO.eventcodes.txt: 03, 1213", "no entry for 1 CAMEO codes, whose PLOVER columns are left empty: 01"} {
		if !strings.Contains(strings.Join(notes, "\n"), frag) {
			t.Errorf("notes %q lack %q", notes, frag)
		}
	}
}

func TestGenerateErrors(t *testing.T) {
	tests := map[string]map[string]string{
		"missing Goldstein":    {GoldsteinFile: "CAMEOEVENTCODE\tGOLDSTEINSCALE\n01\t0.0\n036\t4.0\n08\t5.0\n"},
		"Goldstein off scale":  {GoldsteinFile: "CAMEOEVENTCODE\tGOLDSTEINSCALE\n01\t0.0\n036\t40\n08\t5.0\n0841\t7.0\n"},
		"duplicate code":       {EventCodesFile: "CAMEOEVENTCODE\tEVENTDESCRIPTION\n01\ta\n01\tb\n"},
		"bad header":           {EventCodesFile: "CODE\tDESC\n01\ta\n"},
		"not a code":           {EventCodesFile: "CAMEOEVENTCODE\tEVENTDESCRIPTION\n21\ta\n"},
		"conflicting mappings": {PloverFile: "036: AGREE, , diplomatic\n036: CONSULT, , diplomatic\n"},
		"two columns":          {PloverFile: "036: AGREE, diplomatic\n"},
		"lower-case type":      {PloverFile: "036: agree, , diplomatic\n"},
		"missing file":         {PloverFile: ""},
	}
	for name, edit := range tests {
		t.Run(name, func(t *testing.T) {
			fsys := sources(edit)
			if name == "missing file" {
				delete(fsys, PloverFile)
			}
			if _, _, err := Generate(fsys); err == nil {
				t.Error("Generate succeeded, want an error")
			}
		})
	}
}
