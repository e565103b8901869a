// Package golden runs table tests whose cases are golden files in txtar
// format: one file per case, an "input" section and one section per
// expected output ("-- tokens --", "-- events --"). Running the tests with
// -update rewrites the files with the actual output.
//
// The package defines the test flag -update, so a test binary that imports
// it must not define a flag of that name itself.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files with the actual output")

// InputSection is the name of the section holding a case's input.
const InputSection = "input"

// Run runs fn on every dir/*.txtar file, each as a subtest named after the
// file without its extension, in file-name order. Fn gets the file's input
// section and returns the output sections by name; Run compares them with
// the file's other sections and reports, with a line diff, each section
// that differs, each section in the file that fn did not produce and each
// section fn produced that the file lacks. Sections are compared after
// adding a final newline to non-empty output that lacks one, as txtar
// stores them.
//
// With -update, Run instead rewrites each mismatching file with the output:
// the comment and the input are kept, sections keep their order, sections
// not produced are removed and new sections are appended in name order.
//
// If fn marks its test failed, the file is neither compared nor rewritten.
// Run fails the test when dir has no .txtar files, a file has no input
// section or has two sections of one name, or fn produces a section named
// "input" or one whose content would not survive in txtar (a line that looks
// like a section header).
func Run(t *testing.T, dir string, fn func(t *testing.T, input []byte) map[string][]byte) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no golden files %s", filepath.Join(dir, "*.txtar"))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runFile(t, file, fn)
		})
	}
}

func runFile(t *testing.T, file string, fn func(t *testing.T, input []byte) map[string][]byte) {
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	input, err := inputOf(a)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	got := fn(t, input)
	if t.Failed() {
		return
	}
	problems, err := compare(a, got)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if len(problems) == 0 {
		return
	}
	if *update {
		if err := os.WriteFile(file, txtar.Format(merge(a, got)), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("updated %s", file)
		return
	}
	for _, p := range problems {
		t.Errorf("%s: %s", file, p)
	}
	t.Logf("run the test with -update to accept the actual output")
}

// inputOf returns the input section of a, checking that section names are
// unique.
func inputOf(a *txtar.Archive) ([]byte, error) {
	var input []byte
	found := false
	seen := make(map[string]bool)
	for _, f := range a.Files {
		if seen[f.Name] {
			return nil, fmt.Errorf("two sections named %q", f.Name)
		}
		seen[f.Name] = true
		if f.Name == InputSection {
			input, found = f.Data, true
		}
	}
	if !found {
		return nil, fmt.Errorf("no %q section", InputSection)
	}
	return input, nil
}

// compare returns a description of each difference between a's output
// sections and got, in the file's section order and then in name order.
// It returns an error when got cannot be stored in a txtar file.
func compare(a *txtar.Archive, got map[string][]byte) ([]string, error) {
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range got {
			if !yield(name) {
				return
			}
		}
	})
	for _, name := range names {
		if name == InputSection {
			return nil, fmt.Errorf("output section named %q", InputSection)
		}
		if err := storable(name, got[name]); err != nil {
			return nil, err
		}
	}
	var problems []string
	inFile := make(map[string]bool)
	for _, f := range a.Files {
		if f.Name == InputSection {
			continue
		}
		inFile[f.Name] = true
		out, ok := got[f.Name]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("section %q is in the file but was not produced", f.Name))
		case !bytes.Equal(fixNL(out), f.Data):
			problems = append(problems, fmt.Sprintf("section %q differs (-want +got):\n%s", f.Name, Diff(string(f.Data), string(fixNL(out)))))
		}
	}
	for _, name := range names {
		if !inFile[name] {
			problems = append(problems, fmt.Sprintf("section %q was produced but is not in the file:\n%s", name, fixNL(got[name])))
		}
	}
	return problems, nil
}

// storable reports whether a section survives formatting and parsing.
func storable(name string, data []byte) error {
	if name == "" || strings.ContainsAny(name, "\n\r") || strings.TrimSpace(name) != name {
		return fmt.Errorf("output section name %q cannot be stored in txtar", name)
	}
	b := txtar.Format(&txtar.Archive{Files: []txtar.File{{Name: name, Data: data}}})
	back := txtar.Parse(b)
	if len(back.Files) != 1 || back.Files[0].Name != name || !bytes.Equal(back.Files[0].Data, fixNL(data)) {
		return fmt.Errorf("output section %q holds a line that txtar reads as a section header", name)
	}
	return nil
}

// merge returns a copy of a with its output sections replaced by got.
func merge(a *txtar.Archive, got map[string][]byte) *txtar.Archive {
	out := &txtar.Archive{Comment: a.Comment}
	done := make(map[string]bool)
	for _, f := range a.Files {
		if f.Name == InputSection {
			out.Files = append(out.Files, f)
			continue
		}
		if data, ok := got[f.Name]; ok {
			out.Files = append(out.Files, txtar.File{Name: f.Name, Data: fixNL(data)})
			done[f.Name] = true
		}
	}
	var rest []string
	for name := range got {
		if !done[name] {
			rest = append(rest, name)
		}
	}
	slices.Sort(rest)
	for _, name := range rest {
		out.Files = append(out.Files, txtar.File{Name: name, Data: fixNL(got[name])})
	}
	return out
}

// fixNL returns data with a final newline added if it is non-empty and
// lacks one.
func fixNL(data []byte) []byte {
	if len(data) == 0 || data[len(data)-1] == '\n' {
		return data
	}
	return append(slices.Clip(data), '\n')
}
