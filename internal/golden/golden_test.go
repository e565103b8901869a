package golden

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// sections is the function the self-test checks its golden files with.
func sections(t *testing.T, input []byte) map[string][]byte {
	return map[string][]byte{
		"upper": bytes.ToUpper(input),
		"words": []byte(strings.Join(strings.Fields(string(input)), "\n")), // no final newline: Run adds it
	}
}

func TestRun(t *testing.T) {
	Run(t, "testdata", sections)
}

func TestCompare(t *testing.T) {
	a := txtar.Parse([]byte("comment\n-- input --\nin\n-- same --\nx\n-- changed --\na\nb\nc\n-- gone --\ny\n"))
	got := map[string][]byte{
		"same":    []byte("x"),
		"changed": []byte("a\nB\nc\n"),
		"new":     []byte("z\n"),
	}
	problems, err := compare(a, got)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"section \"changed\" differs (-want +got):\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n",
		"section \"gone\" is in the file but was not produced",
		"section \"new\" was produced but is not in the file:\nz\n",
	}
	if strings.Join(problems, "\n---\n") != strings.Join(want, "\n---\n") {
		t.Errorf("compare:\n%s\nwant:\n%s", strings.Join(problems, "\n---\n"), strings.Join(want, "\n---\n"))
	}

	for _, bad := range []map[string][]byte{
		{"input": []byte("x")},
		{"out": []byte("a\n-- fake --\nb\n")},
		{"two\nlines": nil},
	} {
		if _, err := compare(a, bad); err == nil {
			t.Errorf("compare(%q) succeeded, want an error", bad)
		}
	}
}

func TestMerge(t *testing.T) {
	a := txtar.Parse([]byte("comment\n-- b --\nold b\n-- input --\nin\n-- gone --\ny\n"))
	got := map[string][]byte{"b": []byte("new b"), "d": []byte("d\n"), "c": nil}
	want := "comment\n-- b --\nnew b\n-- input --\nin\n-- c --\n-- d --\nd\n"
	if got := string(txtar.Format(merge(a, got))); got != want {
		t.Errorf("merge:\n%s\nwant:\n%s", got, want)
	}
}

func TestRunUpdate(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "case.txtar")
	stale := "about the case\n-- input --\nab cd\n-- upper --\nstale\n-- extra --\nx\n"
	if err := os.WriteFile(file, []byte(stale), 0o644); err != nil {
		t.Fatal(err)
	}
	*update = true
	defer func() { *update = false }()
	Run(t, dir, sections)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	want := "about the case\n-- input --\nab cd\n-- upper --\nAB CD\n-- words --\nab\ncd\n"
	if string(data) != want {
		t.Errorf("updated file:\n%s\nwant:\n%s", data, want)
	}
	// The updated file now passes without -update.
	*update = false
	Run(t, dir, sections)
}

func TestInputOf(t *testing.T) {
	for _, src := range []string{"-- a --\n", "-- input --\n-- a --\n-- a --\n"} {
		if _, err := inputOf(txtar.Parse([]byte(src))); err == nil {
			t.Errorf("inputOf(%q) succeeded, want an error", src)
		}
	}
}

func TestDiff(t *testing.T) {
	tests := []struct{ want, got, diff string }{
		{"a\n", "a\n", ""},
		{"", "a\n", "@@ -1,0 +1,1 @@\n+a\n"},
		{"a\nb\n", "a\nb", "(the final newline differs)\n"},
		{"a \n", "a\n", "@@ -1,1 +1,1 @@\n-\"a \"\n+a\n"},
		{
			"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n",
			"1\n2\nX\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\nY\n15\n",
			"@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+X\n 4\n 5\n 6\n@@ -11,5 +11,5 @@\n 11\n 12\n 13\n-14\n+Y\n 15\n",
		},
		{
			"a\nb\nc\nd\n", "a\nc\nd\ne\n",
			"@@ -1,4 +1,4 @@\n a\n-b\n c\n d\n+e\n",
		},
	}
	for _, tt := range tests {
		if got := Diff(tt.want, tt.got); got != tt.diff {
			t.Errorf("Diff(%q, %q):\n%s\nwant:\n%s", tt.want, tt.got, got, tt.diff)
		}
	}
}
