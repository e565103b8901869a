package segment

import (
	"bytes"
	"testing"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/conllu"
	"github.com/parley-events/parley/internal/golden"
	"github.com/parley-events/parley/tokenize"
)

// TestGolden runs tokenize+segment over testdata/golden/*.txtar and
// compares the CoNLL-U output; go test -update rewrites the files.
func TestGolden(t *testing.T) {
	golden.Run(t, "testdata/golden", func(t *testing.T, input []byte) map[string][]byte {
		d := parley.NewDoc(string(input))
		d.SourceID = "golden"
		if err := tokenize.New().Process(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		if err := New().Process(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		d.Layers = parley.LayerTokens | parley.LayerSentences
		var b bytes.Buffer
		if err := conllu.WriteDoc(&b, d); err != nil {
			t.Fatal(err)
		}
		return map[string][]byte{"conllu": b.Bytes()}
	})
}
