package timex

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestStartWords: every lower-case word string of the package's code —
// a lexicon's key, a word a matcher compares with — is in startWords, so
// mayStart lets the matchers run wherever one of them could read it; and
// matcherWords names no word a lexicon already has.
func TestStartWords(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	word := regexp.MustCompile(`^[a-z][a-z'\-]*$`)
	fs := token.NewFileSet()
	n := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fs, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(node ast.Node) bool {
			if _, ok := node.(*ast.ImportSpec); ok {
				return false // an import path is no word
			}
			lit, ok := node.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			if s, err := strconv.Unquote(lit.Value); err == nil && word.MatchString(s) {
				n++
				if !startWords[s] {
					t.Errorf("%s: %q is not in startWords: add it to matcherWords", fs.Position(lit.Pos()), s)
				}
			}
			return true
		})
	}
	for w := range strings.FieldsSeq(matcherWords) {
		if inLexicon(w) {
			t.Errorf("matcherWords has %q, which a lexicon has", w)
		}
	}
	if n < 200 {
		t.Fatalf("only %d word strings found in the package", n)
	}
	for _, w := range []string{"1998", "'80s", "mid-november", "twenty-five", "monday", "the"} {
		if !mayStart(w) {
			t.Errorf("mayStart(%q) = false", w)
		}
	}
	for _, w := range []string{"", "minister", "talks", "kyiv", "well-known"} {
		if mayStart(w) {
			t.Errorf("mayStart(%q) = true", w)
		}
	}
}

// inLexicon reports whether w is a key of one of the lexicons.
func inLexicon(w string) bool {
	_, a := months[w]
	_, b := weekdays[w]
	_, c := units[w]
	_, d := numbers[w]
	_, e := ordinals[w]
	_, f := seasons[w]
	_, g := parts[w]
	_, h := refs[w]
	_, i := sets[w]
	_, j := decades[w]
	_, k := centuryOrdinals[w]
	return a || b || c || d || e || f || g || h || i || j || k || vague[w] || leading[w] || zones[w]
}
