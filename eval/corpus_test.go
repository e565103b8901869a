package eval_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parley-events/parley/conllu"
	"github.com/parley-events/parley/eval"
)

// TestSegmentDocsCorpus rebuilds the documents of the UD English dev sets
// and checks that every gold token aligns and that the gold segmentation
// scores perfectly against itself.
func TestSegmentDocsCorpus(t *testing.T) {
	tests := []struct {
		file            string
		docs, sentences int
	}{
		{"en_ewt-dev.conllu", 318, 2001},
		{"en_gum-dev.conllu", 30, 1575},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("../../shared/data/ud", tt.file)
			f, err := os.Open(path)
			if os.IsNotExist(err) {
				t.Skipf("skipping: %s not present (the shared UD data lives in ../shared/data/ud)", path)
			}
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			docs, err := eval.SegmentDocs(conllu.NewReader(f, path))
			if err != nil {
				t.Fatal(err)
			}
			score, err := eval.Segment(docs, perfect(docs))
			if err != nil {
				t.Fatal(err)
			}
			if score.Docs != tt.docs || score.Sentences != tt.sentences || score.Unaligned != 0 {
				t.Errorf("docs, sentences, unaligned = %d, %d, %d; want %d, %d, 0", score.Docs, score.Sentences, score.Unaligned, tt.docs, tt.sentences)
			}
			if score.TokensF1 != 1 || score.SentencesF1 != 1 {
				t.Errorf("gold against itself: %+v, want F1 1", score)
			}
			ws, err := eval.Segment(docs, whitespace)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%d gold tokens; whitespace baseline: %+v", score.Tokens, ws)
		})
	}
}
