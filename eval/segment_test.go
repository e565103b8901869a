package eval_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/conllu"
	"github.com/parley-events/parley/eval"
)

// gold has two documents; the first has two paragraphs, a multi-word token
// whose words spell it and one whose words do not.
const gold = `# newdoc id = d1
# newpar
# sent_id = 1
# text = We didn't go.
1	We	_	_	_	_	_	_	_	_
2-3	didn't	_	_	_	_	_	_	_	_
2	did	_	_	_	_	_	_	_	_
3	n't	_	_	_	_	_	_	_	_
4	go	_	_	_	_	_	_	_	SpaceAfter=No
5	.	_	_	_	_	_	_	_	_

# sent_id = 2
# text = Fine, y'all.
1	Fine	_	_	_	_	_	_	_	SpaceAfter=No
2	,	_	_	_	_	_	_	_	_
3-4	y'all	_	_	_	_	_	_	_	SpaceAfter=No
3	you	_	_	_	_	_	_	_	_
4	all	_	_	_	_	_	_	_	_
5	.	_	_	_	_	_	_	_	_

# newpar
# sent_id = 3
# text = New para.
1	New	_	_	_	_	_	_	_	_
2	para	_	_	_	_	_	_	_	SpaceAfter=No
3	.	_	_	_	_	_	_	_	_

# newdoc id = d2
# sent_id = 4
# text = Hi!
1	Hi	_	_	_	_	_	_	_	SpaceAfter=No
2	!	_	_	_	_	_	_	_	_

`

func readGold(tb testing.TB, src string) []eval.GoldDoc {
	tb.Helper()
	docs, err := eval.SegmentDocs(conllu.NewReader(strings.NewReader(src), "gold"))
	if err != nil {
		tb.Fatalf("SegmentDocs: %v", err)
	}
	return docs
}

// texts returns the text of each span.
func texts(text string, spans []parley.Span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSegmentDocs(t *testing.T) {
	docs := readGold(t, gold)
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	d := docs[0]
	if got, want := d.Text, "We didn't go. Fine, y'all.\n\nNew para."; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	if d.ID != "d1" || docs[1].ID != "d2" {
		t.Errorf("IDs = %q, %q, want d1, d2", d.ID, docs[1].ID)
	}
	if got, want := texts(d.Text, d.Tokens), []string{"We", "did", "n't", "go", ".", "Fine", ",", "y'all", ".", "New", "para", "."}; !reflect.DeepEqual(got, want) {
		t.Errorf("tokens = %q, want %q", got, want)
	}
	if got, want := texts(d.Text, d.Sentences), []string{"We didn't go.", "Fine, y'all.", "New para."}; !reflect.DeepEqual(got, want) {
		t.Errorf("sentences = %q, want %q", got, want)
	}
	if d.Unaligned != 0 {
		t.Errorf("Unaligned = %d, want 0", d.Unaligned)
	}
	d = docs[1]
	if d.Text != "Hi!" || !reflect.DeepEqual(d.Sentences, []parley.Span{{Start: 0, End: 3}}) || len(d.Tokens) != 2 {
		t.Errorf("document 2 = %+v", d)
	}
}

func TestSegmentDocsOneDocument(t *testing.T) {
	// No newdoc markers: one document. No newpar markers: one paragraph.
	// A sentence without "# text" gets its forms; a case difference still
	// aligns; a word missing from the text is counted, not fatal.
	src := "# text = I can't.\n1-2\tCan't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tCa\t_\t_\t_\t_\t_\t_\t_\t_\n2\tn't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n" +
		"1\tNo\t_\t_\t_\t_\t_\t_\t_\t_\n2\ttext\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n3\t!\t_\t_\t_\t_\t_\t_\t_\t_\n\n" +
		"# newpar\n# text = Typo hre.\n1\tTypo\t_\t_\t_\t_\t_\t_\t_\t_\n2\there\t_\t_\t_\t_\t_\t_\t_\t_\n3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
	docs := readGold(t, src)
	if len(docs) != 1 {
		t.Fatalf("got %d documents, want 1", len(docs))
	}
	d := docs[0]
	if got, want := d.Text, "I can't. No text!\n\nTypo hre."; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	// The first token "Can't" is not at the start of "I can't.": it is found
	// further on, ignoring case, and still split. "here" is not found.
	if got, want := texts(d.Text, d.Tokens), []string{"ca", "n't", ".", "No", "text", "!", "Typo", "."}; !reflect.DeepEqual(got, want) {
		t.Errorf("tokens = %q, want %q", got, want)
	}
	if d.Unaligned != 1 {
		t.Errorf("Unaligned = %d, want 1", d.Unaligned)
	}
}

func TestSegmentDocsError(t *testing.T) {
	_, err := eval.SegmentDocs(conllu.NewReader(strings.NewReader("1\tbad\n"), "bad.conllu"))
	if parley.KindOf(err) != parley.Invalid {
		t.Errorf("error = %v, want invalid input", err)
	}
}

// perfect returns a run function that returns the gold segmentation of
// each document; it relies on Segment running the documents in order,
// since two documents may share a text.
func perfect(docs []eval.GoldDoc) func(string) (*parley.Doc, error) {
	next := 0
	return func(text string) (*parley.Doc, error) {
		if next >= len(docs) || docs[next].Text != text {
			return nil, errors.New("unexpected text")
		}
		gd := docs[next]
		next++
		d := parley.NewDoc(text)
		for _, s := range gd.Sentences {
			start := len(d.Tokens)
			for _, u := range gd.Tokens {
				if s.Contains(u) {
					d.Tokens = append(d.Tokens, parley.Token{Start: u.Start, End: u.End})
				}
			}
			d.Sentences = append(d.Sentences, parley.Sentence{Tokens: parley.Span{Start: start, End: len(d.Tokens)}})
		}
		return d, nil
	}
}

// whitespace splits on white space and makes one sentence per document.
func whitespace(text string) (*parley.Doc, error) {
	d := parley.NewDoc(text)
	start := -1
	for i, r := range text + " " {
		switch {
		case unicode.IsSpace(r) && start >= 0:
			d.Tokens = append(d.Tokens, parley.Token{Start: start, End: i})
			start = -1
		case !unicode.IsSpace(r) && start < 0:
			start = i
		}
	}
	d.Sentences = []parley.Sentence{{Tokens: parley.Span{Start: 0, End: len(d.Tokens)}}}
	return d, nil
}

func TestSegment(t *testing.T) {
	docs := readGold(t, gold)
	tests := []struct {
		name string
		run  func(string) (*parley.Doc, error)
		want eval.SegmentScore
	}{
		{"perfect", perfect(docs), eval.SegmentScore{
			TokensF1: 1, SentencesF1: 1, TokensP: 1, TokensR: 1, SentencesP: 1, SentencesR: 1,
			Docs: 2, Sentences: 4, Tokens: 14,
		}},
		// Whitespace tokens: d1 "We", "didn't", "go.", "Fine,", "y'all.",
		// "New", "para." (2 correct of 7); d2 "Hi!" (0 of 1): 2/8 tokens,
		// 2/14 gold. Sentences: d1 spans everything (wrong), d2 is right:
		// 1/2, 1/4.
		{"whitespace", whitespace, eval.SegmentScore{
			TokensP: 0.25, TokensR: 0.1429, TokensF1: 0.1818,
			SentencesP: 0.5, SentencesR: 0.25, SentencesF1: 0.3333,
			Docs: 2, Sentences: 4, Tokens: 14,
		}},
		{"nothing", func(text string) (*parley.Doc, error) { return parley.NewDoc(text), nil }, eval.SegmentScore{
			Docs: 2, Sentences: 4, Tokens: 14,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := eval.Segment(docs, tt.run)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Segment = %+v\nwant      %+v", got, tt.want)
			}
		})
	}
}

func TestSegmentDuplicatePredictions(t *testing.T) {
	docs := []eval.GoldDoc{{Text: "ab", Tokens: []parley.Span{{Start: 0, End: 2}}, Sentences: []parley.Span{{Start: 0, End: 2}}}}
	got, err := eval.Segment(docs, func(text string) (*parley.Doc, error) {
		d := parley.NewDoc(text)
		d.Tokens = []parley.Token{{Start: 0, End: 2}, {Start: 0, End: 2}}
		d.Sentences = []parley.Sentence{{Tokens: parley.Span{Start: 0, End: 1}}, {Tokens: parley.Span{Start: 1, End: 2}}}
		return d, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.TokensP != 0.5 || got.TokensR != 1 || got.SentencesP != 0.5 || got.SentencesR != 1 {
		t.Errorf("Segment = %+v, want precision 0.5 and recall 1: a gold span matches once", got)
	}
}

func TestSegmentErrors(t *testing.T) {
	docs := readGold(t, gold)
	cause := errors.New("tokenizer broke")
	_, err := eval.Segment(docs, func(string) (*parley.Doc, error) { return nil, cause })
	var e *parley.Error
	if !errors.Is(err, cause) || !errors.As(err, &e) || e.Input != "d1" {
		t.Errorf("error = %v, want a *parley.Error naming d1 and wrapping %v", err, cause)
	}
	_, err = eval.Segment(docs, func(string) (*parley.Doc, error) { return nil, nil })
	if parley.KindOf(err) != parley.Invalid {
		t.Errorf("nil Doc: error = %v, want invalid input", err)
	}
	_, err = eval.Segment(docs, func(text string) (*parley.Doc, error) {
		d := parley.NewDoc(text)
		d.Sentences = []parley.Sentence{{Tokens: parley.Span{Start: 0, End: 3}}}
		return d, nil
	})
	if parley.KindOf(err) != parley.Invalid {
		t.Errorf("sentence out of range: error = %v, want invalid input", err)
	}
}

func TestSegmentScoreJSON(t *testing.T) {
	b, err := json.Marshal(eval.SegmentScore{TokensF1: 0.98765, Docs: 1})
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"tokens_f1", "sentences_f1", "tokens_precision", "tokens_recall",
		"sentences_precision", "sentences_recall", "docs", "sentences", "tokens"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON %s lacks key %q", b, k)
		}
	}
}
