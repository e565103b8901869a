package parley_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/parley-events/parley"

// stagePackages are the pipeline stages: each imports only the root
// package of the module.
var stagePackages = map[string]bool{
	"tokenize": true, "segment": true, "postag": true, "lemma": true, "depparse": true, "ner": true,
	"timex": true, "geo": true, "actor": true, "eventcode": true, "fuse": true,
}

// sharedPackages are the non-stage packages a stage may import: the
// learning machinery, the event-coding knowledge (dictionaries, code
// tables), the readers of source data their artefacts are built from
// (internal/cities) and of model files (internal/modelfile), and the
// cache of word forms (internal/wordcache), which several stages use.
var sharedPackages = map[string]bool{
	"perceptron": true, "mlp": true, "cluster": true, "dict": true, "cameo": true, "internal/cities": true,
	"internal/modelfile": true, "internal/wordcache": true,
}

// TestLayout checks the dependency rules of CONVENTIONS.md on non-test
// files: the root imports nothing from the module; stages import only the
// root and the shared learning machinery; only cmd and pipeline may import
// stages.
func TestLayout(t *testing.T) {
	imports := map[string]map[string]bool{} // package dir → module-internal imports
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(filepath.Dir(path))
		if imports[dir] == nil {
			imports[dir] = map[string]bool{}
		}
		for _, im := range f.Imports {
			p := strings.Trim(im.Path.Value, `"`)
			if p == module {
				imports[dir]["."] = true
			} else if rest, ok := strings.CutPrefix(p, module+"/"); ok {
				imports[dir][rest] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(imports) < 3 {
		t.Fatalf("found only %d packages; is the test running in the module root?", len(imports))
	}
	for dir, ims := range imports {
		for im := range ims {
			switch {
			case dir == ".":
				t.Errorf("root package imports %s; it must import nothing from the module", im)
			case stagePackages[dir] && im != "." && !sharedPackages[im]:
				t.Errorf("stage %s imports %s; stages import only the root package, the learning machinery (perceptron, mlp, cluster), the coding knowledge (dict, cameo), source-data and model-file readers (internal/cities, internal/modelfile) and the word-form cache (internal/wordcache)", dir, im)
			case stagePackages[im] && dir != "pipeline" && !strings.HasPrefix(dir, "cmd/"):
				t.Errorf("%s imports stage %s; only pipeline and cmd may", dir, im)
			}
		}
	}
}
