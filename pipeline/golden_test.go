package pipeline

import (
	"bytes"
	"testing"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/conllu"
	"github.com/parley-events/parley/internal/golden"
)

// TestGolden runs the default pipeline over testdata/golden/*.txtar and
// compares the CoNLL-U output (tokens, tags, lemmas, trees); go test
// -update rewrites the files after a deliberate change (a retrained model).
func TestGolden(t *testing.T) {
	p, err := Build(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	golden.Run(t, "testdata/golden", func(t *testing.T, input []byte) map[string][]byte {
		d := parley.NewDoc(string(input))
		d.SourceID = "golden"
		if err := p.Run(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := conllu.WriteDoc(&b, d); err != nil {
			t.Fatal(err)
		}
		return map[string][]byte{"conllu": b.Bytes()}
	})
}
