package pipeline

import (
	"os"
	"strings"
	"testing"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/conllu"
	"github.com/parley-events/parley/eval"
)

// TestUDFloors scores postag, lemma and depparse on the UD dev sets with
// gold tokenization, as `parley eval ud` does. Floors only go up;
// docs/benchmarks.md has the current figures. They guard what the shipped
// models reach, which meets the accuracy bars.
func TestUDFloors(t *testing.T) {
	tests := []struct {
		file                        string
		upos, xpos, lemma, uas, las float64
	}{
		{"en_ewt-dev.conllu", 95.0, 94.5, 97.0, 85.2, 82.0},
		{"en_gum-dev.conllu", 96.5, 96.0, 98.0, 85.2, 82.2},
	}
	p, err := Build(Config{Stages: []string{"postag", "lemma", "depparse"}, Have: parley.LayerTokens | parley.LayerSentences})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open("../../shared/data/ud/" + tt.file)
			if err != nil {
				t.Skipf("../shared/data not present (%v): skipping the accuracy floor", err)
			}
			defer f.Close()
			docs, err := eval.UDDocs(conllu.NewReader(f, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			s, err := eval.UD(docs, func(d *parley.Doc) error { return p.Run(t.Context(), d) })
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: UPOS %.2f XPOS %.2f UFeats %.2f lemma %.2f UAS %.2f LAS %.2f", tt.file, s.UPOS, s.XPOS, s.UFeats, s.Lemma, s.UAS, s.LAS)
			for _, c := range []struct {
				name       string
				got, floor float64
			}{{"UPOS", s.UPOS, tt.upos}, {"XPOS", s.XPOS, tt.xpos}, {"lemma", s.Lemma, tt.lemma}, {"UAS", s.UAS, tt.uas}, {"LAS", s.LAS, tt.las}} {
				if c.got < c.floor {
					t.Errorf("%s = %.2f, floor %.2f", c.name, c.got, c.floor)
				}
			}
		})
	}
}

// TestReferenceArticleParse checks the parse of the reference article's
// first sentence: who confirmed what, and where the talks take place.
func TestReferenceArticleParse(t *testing.T) {
	b, err := os.ReadFile("../../shared/data/articles/istanbul-talks-2025-07-22.txt")
	if err != nil {
		t.Skipf("../shared/data not present (%v): skipping the reference article", err)
	}
	p, err := Build(Config{Stages: []string{"tokenize", "segment", "postag", "lemma", "depparse"}})
	if err != nil {
		t.Fatal(err)
	}
	d := parley.NewDoc(string(b))
	if err := p.Run(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	s := d.Sentences[0]
	find := func(w string) int {
		for i := s.Tokens.Start; i < s.Tokens.End; i++ {
			if d.TokenText(i) == w {
				return i
			}
		}
		t.Fatalf("no %q in the first sentence", w)
		return -1
	}
	confirmed, take := find("confirmed"), find("take")
	// nameHead climbs from a word of a multi-word name to the name's head
	// (UD attaches "Zelensky" to "Volodymyr" as flat).
	nameHead := func(i int) int {
		for d.Tokens[i].DepRel == "flat" && d.Tokens[i].Head >= 0 {
			i = d.Tokens[i].Head
		}
		return i
	}
	for _, c := range []struct {
		word, rel string
		head      int
	}{
		{"Zelensky", "nsubj", confirmed},
		{"take", "ccomp", confirmed},
		{"round", "nsubj", take},
		{"Istanbul", "obl", take},
	} {
		i := nameHead(find(c.word))
		if tok := d.Tokens[i]; tok.Head != c.head || tok.DepRel != c.rel {
			head := "ROOT"
			if tok.Head >= 0 {
				head = d.TokenText(tok.Head)
			}
			t.Errorf("%s: %s of %q, want %s of %q", c.word, tok.DepRel, head, c.rel, d.TokenText(c.head))
		}
	}
}

// TestNERFloors scores the ner stage on CoNLL++ dev as `parley eval ner`
// does (exact spans, conlleval's figures). Floors only go up;
// docs/benchmarks.md has the current figures.
func TestNERFloors(t *testing.T) {
	f, err := os.Open("../../shared/data/ner/conllpp-dev.txt")
	if err != nil {
		t.Skipf("../shared/data not present (%v): skipping the NER accuracy floor", err)
	}
	defer f.Close()
	docs, err := eval.NERDocs(f, "conllpp-dev.txt")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Build(Config{Stages: []string{"ner"}, Have: parley.LayerTokens | parley.LayerSentences})
	if err != nil {
		t.Fatal(err)
	}
	s, err := eval.NER(docs, func(d *parley.Doc) error { return p.Run(t.Context(), d) })
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("CoNLL++ dev: P %.2f R %.2f F1 %.2f; PER %.2f ORG %.2f LOC %.2f MISC %.2f", s.Precision, s.Recall, s.F1,
		s.PerType[parley.PER].F1, s.PerType[parley.ORG].F1, s.PerType[parley.LOC].F1, s.PerType[parley.MISC].F1)
	for _, c := range []struct {
		name       string
		got, floor float64
	}{
		{"F1", s.F1, 91.5},
		{"PER F1", s.PerType[parley.PER].F1, 93.5},
		{"ORG F1", s.PerType[parley.ORG].F1, 86.5},
		{"LOC F1", s.PerType[parley.LOC].F1, 94.5},
		{"MISC F1", s.PerType[parley.MISC].F1, 86.0},
	} {
		if c.got < c.floor {
			t.Errorf("%s = %.2f, floor %.2f", c.name, c.got, c.floor)
		}
	}
}

// TestReferenceArticleEntities checks the names in the reference article:
// people without their titles, places with their subtypes, organisations
// and nationalities.
func TestReferenceArticleEntities(t *testing.T) {
	b, err := os.ReadFile("../../shared/data/articles/istanbul-talks-2025-07-22.txt")
	if err != nil {
		t.Skipf("../shared/data not present (%v): skipping the reference article", err)
	}
	p, err := Build(Config{Stages: []string{"tokenize", "segment", "ner"}})
	if err != nil {
		t.Fatal(err)
	}
	d := parley.NewDoc(string(b))
	if err := p.Run(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	got := map[string]map[string]bool{} // text → "TYPE" and "TYPE/SUBTYPE"
	for _, e := range d.Entities {
		k := d.SpanText(e.Tokens)
		if got[k] == nil {
			got[k] = map[string]bool{}
		}
		got[k][string(e.Type)] = true
		got[k][string(e.Type)+"/"+e.Subtype] = true
	}
	for _, c := range []struct {
		text string
		want []string // any of
	}{
		{"Volodymyr Zelensky", []string{"PER"}},
		{"Rustem Umerov", []string{"PER"}},
		{"Donald Trump", []string{"PER"}},
		{"Vladimir Putin", []string{"PER"}},
		{"Dmitry Peskov", []string{"PER"}},
		{"Russia", []string{"LOC/GPE"}},
		{"Moscow", []string{"LOC/GPE"}},
		{"Kyiv", []string{"LOC/GPE"}},
		{"Istanbul", []string{"LOC/GPE"}},
		{"Ukraine", []string{"LOC/GPE"}},
		{"Washington", []string{"LOC/GPE"}},
		{"BBC", []string{"ORG"}},
		{"Agence France-Presse", []string{"ORG"}},
		{"Ukrainian Security Council", []string{"ORG"}},
		{"Kremlin", []string{"ORG", "LOC"}},
		{"Ukrainian", []string{"MISC/NORP"}},
		{"Russian", []string{"MISC/NORP"}},
		{"Turkish", []string{"MISC/NORP"}},
	} {
		ok := false
		for _, w := range c.want {
			ok = ok || got[c.text][w]
		}
		if !ok {
			t.Errorf("%q: got %v, want one of %v", c.text, got[c.text], c.want)
		}
	}
	for text, types := range got {
		for _, title := range []string{"President", "spokesman", "Minister"} {
			if types["PER"] && strings.Contains(text, title) {
				t.Errorf("person %q includes the title %q", text, title)
			}
		}
	}
}
