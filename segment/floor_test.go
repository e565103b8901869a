package segment

import (
	"os"
	"path"
	"slices"
	"testing"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/conllu"
	"github.com/parley-events/parley/eval"
	"github.com/parley-events/parley/tokenize"
)

const udDir = "../../shared/data/ud/"

// TestFloors checks tokenize+segment against the UD dev sets. Floors only
// go up; docs/benchmarks.md records the current figures.
func TestFloors(t *testing.T) {
	tests := []struct {
		file, docs        string
		tokens, sentences float64
	}{
		{"en_ewt-dev.conllu", "", 0.985, 0.85},
		{"en_gum-dev.conllu", "", 0.985, 0.94},
		{"en_gum-dev.conllu", "GUM_news_*", 0.99, 0.98},
	}
	for _, tt := range tests {
		t.Run(tt.file+tt.docs, func(t *testing.T) {
			f, err := os.Open(udDir + tt.file)
			if err != nil {
				t.Skipf("../shared/data not present (%v): skipping the accuracy floor", err)
			}
			defer f.Close()
			docs, err := eval.SegmentDocs(conllu.NewReader(f, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if tt.docs != "" {
				docs = slices.DeleteFunc(docs, func(d eval.GoldDoc) bool { ok, _ := path.Match(tt.docs, d.ID); return !ok })
			}
			tok, seg := tokenize.New(), New()
			score, err := eval.Segment(docs, func(text string) (*parley.Doc, error) {
				d := parley.NewDoc(text)
				if err := tok.Process(t.Context(), d); err != nil {
					return nil, err
				}
				return d, seg.Process(t.Context(), d)
			})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s %s: tokens_f1 %.4f sentences_f1 %.4f over %d docs", tt.file, tt.docs, score.TokensF1, score.SentencesF1, score.Docs)
			if score.TokensF1 < tt.tokens {
				t.Errorf("tokens_f1 = %.4f, floor %.3f", score.TokensF1, tt.tokens)
			}
			if score.SentencesF1 < tt.sentences {
				t.Errorf("sentences_f1 = %.4f, floor %.3f", score.SentencesF1, tt.sentences)
			}
		})
	}
}

// TestReferenceArticle checks the reference article's sentence split: the
// number of sentences and paragraphs counted by hand, every sentence
// ending in a period, and abbreviations ("U.S.") kept whole.
func TestReferenceArticle(t *testing.T) {
	b, err := os.ReadFile("../../shared/data/articles/istanbul-talks-2025-07-22.txt")
	if err != nil {
		t.Skipf("../shared/data not present (%v): skipping the reference article", err)
	}
	d := parley.NewDoc(string(b))
	if err := tokenize.New().Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	if err := New().Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != 14 || d.Sentences[len(d.Sentences)-1].Paragraph != 5 {
		t.Errorf("got %d sentences in %d paragraphs, want 14 in 6", len(d.Sentences), d.Sentences[len(d.Sentences)-1].Paragraph+1)
	}
	for i, s := range d.Sentences {
		if last := d.TokenText(s.Tokens.End - 1); last != "." {
			t.Errorf("sentence %d ends with %q, want \".\": %s", i, last, d.SentenceText(i))
		}
	}
	for i := range d.Tokens {
		if w := d.TokenText(i); w == "U.S" || w == "U" {
			t.Errorf("token %d %q: abbreviation split", i, w)
		}
	}
}
