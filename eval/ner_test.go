package eval_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/eval"
)

// nerIOB2 has two documents in IOB2; the first has two sentences, the
// second a sentence without a final blank line.
const nerIOB2 = `-DOCSTART- -X- -X- O

Marta NNP B-NP B-PER
Ruiz NNP I-NP I-PER
flew VBD B-VP O
to TO B-PP O
Quito NNP B-NP B-LOC
. . O O


The DT B-NP O
Harbour NNP I-NP B-ORG
Board NNP I-NP I-ORG
met VBD B-VP O
Ecuadorean JJ I-NP B-MISC
envoys NNS I-NP O
on IN B-PP O
3 CD B-NP O
May NNP I-NP O
. . O O

-DOCSTART- -X- -X- O

Rowing NN B-NP O
: : O O
Lake NNP B-NP B-LOC
Geneva NNP I-NP I-LOC
Regatta NNP I-NP B-MISC
results NNS I-NP O`

// nerIOB1 is nerIOB2 with IOB1 tags: B- only where an entity directly
// follows one of the same type (here nowhere), and \r\n line endings.
var nerIOB1 = strings.NewReplacer("B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC", "\n", "\r\n").Replace(nerIOB2)

func readNER(tb testing.TB, src string) []eval.NERDoc {
	tb.Helper()
	docs, err := eval.NERDocs(strings.NewReader(src), "test.conll")
	if err != nil {
		tb.Fatalf("NERDocs: %v", err)
	}
	return docs
}

// entityStrings returns "TYPE start-end text" for each entity.
func entityStrings(d *parley.Doc, ents []parley.Entity) []string {
	var out []string
	for _, e := range ents {
		out = append(out, fmt.Sprintf("%s %d-%d %s", e.Type, e.Tokens.Start, e.Tokens.End, d.SpanText(e.Tokens)))
	}
	return out
}

func TestNERDocs(t *testing.T) {
	docs := readNER(t, nerIOB2)
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	d := docs[0].Doc
	if got, want := d.Text, "Marta Ruiz flew to Quito .\nThe Harbour Board met Ecuadorean envoys on 3 May ."; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	if len(d.Tokens) != 16 {
		t.Fatalf("got %d tokens, want 16", len(d.Tokens))
	}
	for i, tok := range d.Tokens {
		if got := d.TokenText(i); strings.ContainsAny(got, " \n") || got == "" {
			t.Errorf("token %d = %q", i, got)
		}
		if tok.Head != -1 {
			t.Errorf("token %d: Head = %d, want -1", i, tok.Head)
		}
	}
	if got, want := []parley.TokenKind{d.Tokens[0].Kind, d.Tokens[5].Kind, d.Tokens[13].Kind}, []parley.TokenKind{parley.TokWord, parley.TokPunct, parley.TokNumber}; !reflect.DeepEqual(got, want) {
		t.Errorf("kinds of Marta, ., 3 = %v, want %v", got, want)
	}
	wantSents := []parley.Sentence{{Tokens: parley.Span{Start: 0, End: 6}}, {Tokens: parley.Span{Start: 6, End: 16}}}
	if !reflect.DeepEqual(d.Sentences, wantSents) {
		t.Errorf("Sentences = %v, want %v", d.Sentences, wantSents)
	}
	if d.Layers != parley.LayerTokens|parley.LayerSentences {
		t.Errorf("Layers = %v, want tokens+sentences", d.Layers)
	}
	if d.Origin != "test.conll" || d.SourceID != "test.conll#1" || docs[1].Doc.SourceID != "test.conll#2" {
		t.Errorf("Origin, SourceIDs = %q, %q, %q; want test.conll, test.conll#1, test.conll#2", d.Origin, d.SourceID, docs[1].Doc.SourceID)
	}
	if d.ID != parley.Hash(d.Text) {
		t.Errorf("ID = %q, want the hash of the text", d.ID)
	}
	if d.Entities != nil {
		t.Errorf("Doc.Entities = %v, want none (the gold is in NERDoc.Gold)", d.Entities)
	}
	want := []string{"PER 0-2 Marta Ruiz", "LOC 4-5 Quito", "ORG 7-9 Harbour Board", "MISC 10-11 Ecuadorean"}
	if got := entityStrings(d, docs[0].Gold); !reflect.DeepEqual(got, want) {
		t.Errorf("gold entities = %q, want %q", got, want)
	}
	d1 := docs[1].Doc
	if got, want := d1.Text, "Rowing : Lake Geneva Regatta results"; got != want {
		t.Errorf("second Text = %q, want %q", got, want)
	}
	want = []string{"LOC 2-4 Lake Geneva", "MISC 4-5 Regatta"}
	if got := entityStrings(d1, docs[1].Gold); !reflect.DeepEqual(got, want) {
		t.Errorf("second document's gold entities = %q, want %q", got, want)
	}

	// IOB1 gives the same documents.
	iob1 := readNER(t, nerIOB1)
	if len(iob1) != len(docs) {
		t.Fatalf("IOB1: got %d documents, want %d", len(iob1), len(docs))
	}
	for i := range docs {
		if !reflect.DeepEqual(iob1[i], docs[i]) {
			t.Errorf("IOB1 document %d = %+v, want %+v", i+1, iob1[i], docs[i])
		}
	}
}

func TestNERDocsSplitting(t *testing.T) {
	tests := []struct {
		name, src string
		texts     []string
	}{
		{"no DOCSTART", "\n\nA O\nB O\n\n\n\nC O\n", []string{"A B\nC"}},
		{"empty documents skipped", "-DOCSTART- -X- -X- O\n\n-DOCSTART- -X- -X- O\n\nA O\n-DOCSTART- -X- O O\nB O\n\n-DOCSTART- -X- -X- O\n\n", []string{"A", "B"}},
		{"DOCSTART ends a sentence", "A O\n-DOCSTART-\nB O", []string{"A", "B"}},
		{"blank lines with spaces", "A O\n  \t\nB O\n", []string{"A\nB"}},
		{"empty input", "", nil},
		{"only DOCSTART", "-DOCSTART- -X- -X- O\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range readNER(t, tt.src) {
				got = append(got, d.Doc.Text)
			}
			if !reflect.DeepEqual(got, tt.texts) {
				t.Errorf("texts = %q, want %q", got, tt.texts)
			}
		})
	}
}

// TestNERChunks checks that tags are read into chunks as conlleval reads
// them. Tags are separated by spaces, sentences by " | ".
func TestNERChunks(t *testing.T) {
	tests := []struct {
		name, tags string
		want       []string // "TYPE start-end"
	}{
		{"IOB2", "B-PER I-PER O B-LOC", []string{"PER 0-2", "LOC 3-4"}},
		{"IOB1", "I-PER I-PER O I-LOC", []string{"PER 0-2", "LOC 3-4"}},
		{"I after O starts a chunk", "O I-ORG I-ORG", []string{"ORG 1-3"}},
		{"I of another type starts a chunk", "I-PER I-LOC", []string{"PER 0-1", "LOC 1-2"}},
		{"I of another type after B", "B-PER I-ORG I-ORG", []string{"PER 0-1", "ORG 1-3"}},
		{"B after I of the same type", "I-PER B-PER", []string{"PER 0-1", "PER 1-2"}},
		{"B after B of the same type", "B-LOC B-LOC O", []string{"LOC 0-1", "LOC 1-2"}},
		{"B after I in IOB1", "I-MISC I-MISC B-MISC I-MISC", []string{"MISC 0-2", "MISC 2-4"}},
		{"long IOB2 chunk", "O B-MISC I-MISC I-MISC O", []string{"MISC 1-4"}},
		{"chunks end at a sentence end", "B-PER I-PER | I-PER O", []string{"PER 0-2", "PER 2-3"}},
		{"B at a sentence start", "O I-LOC | B-LOC", []string{"LOC 1-2", "LOC 2-3"}},
		{"chunk at the end of the input", "O O B-ORG", []string{"ORG 2-3"}},
		{"no entities", "O O | O", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			n := 0
			for _, tag := range strings.Fields(tt.tags) {
				if tag == "|" {
					b.WriteString("\n")
					continue
				}
				fmt.Fprintf(&b, "w%d NN B-NP %s\n", n, tag)
				n++
			}
			docs := readNER(t, b.String())
			if len(docs) != 1 {
				t.Fatalf("got %d documents, want 1", len(docs))
			}
			var got []string
			for _, e := range docs[0].Gold {
				got = append(got, fmt.Sprintf("%s %d-%d", e.Type, e.Tokens.Start, e.Tokens.End))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("chunks of %q = %q, want %q", tt.tags, got, tt.want)
			}
		})
	}
}

func TestNERDocsErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"one field", "A O\n\nlonely\n", 3, "one field"},
		{"unknown type", "A NNP B-NP B-PERSON\n", 1, `"B-PERSON"`},
		{"IOBES tag", "A O\nB NNP B-NP S-LOC\n", 2, `"S-LOC"`},
		{"no type", "-DOCSTART- -X- -X- O\n\nA NNP B-NP B-\n", 3, `"B-"`},
		{"lower case", "A NNP B-NP b-PER\n", 1, `"b-PER"`},
		{"chunk tag last", "A NNP B-NP\n", 1, `"B-NP"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := eval.NERDocs(strings.NewReader(tt.src), "bad.conll")
			var pe *parley.Error
			if !errors.As(err, &pe) || pe.Kind != parley.Invalid || pe.Input != "bad.conll" || pe.Line != tt.line {
				t.Fatalf("NERDocs error = %#v, want invalid input at bad.conll:%d", err, tt.line)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, fmt.Sprintf("bad.conll:%d: ", tt.line)) || !strings.Contains(msg, tt.msg) {
				t.Errorf("error message %q, want bad.conll:%d: … %s", msg, tt.line, tt.msg)
			}
			if docs != nil {
				t.Errorf("NERDocs returned %d documents with the error", len(docs))
			}
		})
	}
}

func TestNERDocsReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	_, err := eval.NERDocs(&failingReader{data: "A O\nB O\n", err: boom}, "f.conll")
	if parley.KindOf(err) != parley.IO || !errors.Is(err, boom) {
		t.Errorf("NERDocs with a failing reader: error = %v, want an I/O error wrapping %v", err, boom)
	}
}

// failingReader returns data, then err.
type failingReader struct {
	data string
	err  error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// predict returns a run function that sets, for each document, the
// entities listed under its SourceID.
func predict(ents map[string][]parley.Entity) func(d *parley.Doc) error {
	return func(d *parley.Doc) error {
		d.Entities = ents[d.SourceID]
		d.Layers |= parley.LayerEntities
		return nil
	}
}

func ent(typ parley.EntityType, start, end int) parley.Entity {
	return parley.Entity{Tokens: parley.Span{Start: start, End: end}, Type: typ}
}

func TestNERPerfect(t *testing.T) {
	docs := readNER(t, nerIOB2)
	gold := make(map[string][]parley.Entity)
	for _, nd := range docs {
		var ents []parley.Entity
		for _, e := range nd.Gold {
			e.Subtype = "ignored"
			ents = append(ents, e)
		}
		gold[nd.Doc.SourceID] = ents
	}
	score, err := eval.NER(docs, predict(gold))
	if err != nil {
		t.Fatal(err)
	}
	if score.Precision != 100 || score.Recall != 100 || score.F1 != 100 {
		t.Errorf("gold against itself: P, R, F1 = %v, %v, %v; want 100", score.Precision, score.Recall, score.F1)
	}
	if score.Docs != 2 || score.Tokens != 22 || score.Gold != 6 || score.Pred != 6 || score.Correct != 6 {
		t.Errorf("docs, tokens, gold, pred, correct = %d, %d, %d, %d, %d; want 2, 22, 6, 6, 6", score.Docs, score.Tokens, score.Gold, score.Pred, score.Correct)
	}
	want := map[parley.EntityType]eval.NERTypeScore{
		parley.PER:  {Precision: 100, Recall: 100, F1: 100, Gold: 1, Pred: 1, Correct: 1},
		parley.LOC:  {Precision: 100, Recall: 100, F1: 100, Gold: 2, Pred: 2, Correct: 2},
		parley.ORG:  {Precision: 100, Recall: 100, F1: 100, Gold: 1, Pred: 1, Correct: 1},
		parley.MISC: {Precision: 100, Recall: 100, F1: 100, Gold: 2, Pred: 2, Correct: 2},
	}
	if !reflect.DeepEqual(score.PerType, want) {
		t.Errorf("PerType = %+v, want %+v", score.PerType, want)
	}
}

func TestNERScore(t *testing.T) {
	// Gold of the first document: PER 0-2, LOC 4-5, ORG 7-9, MISC 10-11.
	docs := readNER(t, nerIOB2)[:1]
	score, err := eval.NER(docs, predict(map[string][]parley.Entity{"test.conll#1": {
		ent(parley.PER, 0, 2),    // correct
		ent(parley.ORG, 4, 5),    // right span, wrong type
		ent(parley.ORG, 8, 9),    // right type, wrong span
		ent(parley.MISC, 10, 11), // correct
		ent(parley.PER, 13, 15),  // spurious
	}}))
	if err != nil {
		t.Fatal(err)
	}
	// Overall: 2 correct of 5 predicted and 4 gold: P = 40, R = 50,
	// F1 = 2·40·50/90 = 44.44.
	if score.Precision != 40 || score.Recall != 50 || score.F1 != 44.44 {
		t.Errorf("P, R, F1 = %v, %v, %v; want 40, 50, 44.44", score.Precision, score.Recall, score.F1)
	}
	if score.Gold != 4 || score.Pred != 5 || score.Correct != 2 || score.Tokens != 16 || score.Docs != 1 {
		t.Errorf("gold, pred, correct, tokens, docs = %d, %d, %d, %d, %d; want 4, 5, 2, 16, 1", score.Gold, score.Pred, score.Correct, score.Tokens, score.Docs)
	}
	want := map[parley.EntityType]eval.NERTypeScore{
		parley.PER:  {Precision: 50, Recall: 100, F1: 66.67, Gold: 1, Pred: 2, Correct: 1}, // 2·50·100/150
		parley.LOC:  {Gold: 1},
		parley.ORG:  {Gold: 1, Pred: 2},
		parley.MISC: {Precision: 100, Recall: 100, F1: 100, Gold: 1, Pred: 1, Correct: 1},
	}
	if !reflect.DeepEqual(score.PerType, want) {
		t.Errorf("PerType = %+v, want %+v", score.PerType, want)
	}

	b, err := json.Marshal(score)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON := `{"precision":40,"recall":50,"f1":44.44,"per_type":{` +
		`"LOC":{"precision":0,"recall":0,"f1":0,"gold":1,"pred":0,"correct":0},` +
		`"MISC":{"precision":100,"recall":100,"f1":100,"gold":1,"pred":1,"correct":1},` +
		`"ORG":{"precision":0,"recall":0,"f1":0,"gold":1,"pred":2,"correct":0},` +
		`"PER":{"precision":50,"recall":100,"f1":66.67,"gold":1,"pred":2,"correct":1}},` +
		`"gold":4,"pred":5,"correct":2,"tokens":16,"docs":1}`
	if got := string(b); got != wantJSON {
		t.Errorf("JSON:\n%s\nwant:\n%s", got, wantJSON)
	}
}

func TestNERNoPredictions(t *testing.T) {
	docs := readNER(t, nerIOB2)
	score, err := eval.NER(docs, func(*parley.Doc) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if score.Precision != 0 || score.Recall != 0 || score.F1 != 0 || score.Pred != 0 || score.Gold != 6 {
		t.Errorf("no predictions: %+v, want all figures 0 and 6 gold", score)
	}
	// A type found only in the predictions gets an entry too.
	score, err = eval.NER(docs[1:], predict(map[string][]parley.Entity{"test.conll#2": {ent(parley.PER, 0, 1)}}))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := score.PerType[parley.PER], (eval.NERTypeScore{Pred: 1}); got != want {
		t.Errorf("PerType[PER] = %+v, want %+v", got, want)
	}
	// Empty input.
	score, err = eval.NER(nil, predict(nil))
	if err != nil || score.Docs != 0 || score.PerType == nil || len(score.PerType) != 0 {
		t.Errorf("no documents: %+v, %v; want zero score with an empty PerType", score, err)
	}
}

// TestNERCopies checks that run sees a copy without the gold entities, so
// that what it does to the copy leaves docs as they were.
func TestNERCopies(t *testing.T) {
	docs := readNER(t, nerIOB2)
	docs[0].Doc.Entities = docs[0].Gold // as if the caller had left them there
	docs[0].Doc.Layers |= parley.LayerEntities
	_, err := eval.NER(docs, func(d *parley.Doc) error {
		if len(d.Entities) != 0 || d.Layers.Has(parley.LayerEntities) {
			t.Errorf("%s: run sees entities %v, layers %v", d.SourceID, d.Entities, d.Layers)
		}
		d.Tokens[0].UPOS = "X"
		d.Sentences[0].Paragraph = 9
		d.Entities = append(d.Entities, ent(parley.LOC, 0, 1))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	wantEntities := []int{len(docs[0].Gold), 0}
	for i, nd := range docs {
		if d := nd.Doc; d.Tokens[0].UPOS != "" || d.Sentences[0].Paragraph != 0 || len(d.Entities) != wantEntities[i] {
			t.Errorf("run changed document %d passed in: %+v", i+1, d)
		}
	}
}

func TestNERErrors(t *testing.T) {
	boom := errors.New("model missing")
	tests := []struct {
		name string
		run  func(d *parley.Doc) error
		kind parley.Kind
		msg  string
	}{
		{"run fails", func(*parley.Doc) error { return boom }, parley.Other, "model missing"},
		{"token dropped", func(d *parley.Doc) error { d.Tokens = d.Tokens[1:]; return nil }, parley.Invalid, "number of tokens"},
		{"token moved", func(d *parley.Doc) error { d.Tokens[2].End++; return nil }, parley.Invalid, "token 2"},
		{"entity outside", predict(map[string][]parley.Entity{"test.conll#1": {ent(parley.PER, 15, 17)}}), parley.Invalid, "entity 0"},
		{"empty entity", predict(map[string][]parley.Entity{"test.conll#1": {ent(parley.PER, 0, 2), ent(parley.PER, 3, 3)}}), parley.Invalid, "entity 1"},
		{"negative entity", predict(map[string][]parley.Entity{"test.conll#1": {ent(parley.PER, -1, 2)}}), parley.Invalid, "entity 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := eval.NER(readNER(t, nerIOB2), tt.run)
			var pe *parley.Error
			if !errors.As(err, &pe) || pe.Input != "test.conll#1" || parley.KindOf(err) != tt.kind || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("NER error = %v, want %v naming test.conll#1 and containing %q", err, tt.kind, tt.msg)
			}
		})
	}
}

// FuzzNERDocs checks the invariants of the documents NERDocs reads: tokens
// ordered, disjoint, non-empty and without white space; sentences covering
// the tokens in order; gold entities ordered, disjoint and each inside one
// sentence; and that writing the gold back as IOB2 reads the same again.
func FuzzNERDocs(f *testing.F) {
	for _, s := range []string{nerIOB2, nerIOB1, "A O\n\nB I-PER\nC B-PER\n", " -DOCSTART- x\nA  B-LOC\tI-ORG\n\xff I-MISC\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		docs, err := eval.NERDocs(strings.NewReader(src), "fuzz")
		if err != nil {
			if parley.KindOf(err) != parley.Invalid {
				t.Fatalf("error %v, want invalid input", err)
			}
			return
		}
		var again strings.Builder
		for _, nd := range docs {
			d := nd.Doc
			if len(d.Tokens) == 0 {
				t.Fatal("document without tokens")
			}
			end := 0
			for i, tok := range d.Tokens {
				if tok.Start < end || tok.End <= tok.Start || tok.End > len(d.Text) || strings.ContainsFunc(d.TokenText(i), unicode.IsSpace) {
					t.Fatalf("token %d %+v after byte %d in %q", i, tok, end, d.Text)
				}
				end = tok.End
			}
			sentOf := make([]int, len(d.Tokens))
			next := 0
			for j, s := range d.Sentences {
				if s.Tokens.Start != next || s.Tokens.Empty() {
					t.Fatalf("sentence %d %v, want one starting at token %d", j, s.Tokens, next)
				}
				for i := s.Tokens.Start; i < s.Tokens.End; i++ {
					sentOf[i] = j
				}
				next = s.Tokens.End
			}
			if next != len(d.Tokens) {
				t.Fatalf("sentences end at token %d of %d", next, len(d.Tokens))
			}
			tags := make([]string, len(d.Tokens))
			for i := range tags {
				tags[i] = "O"
			}
			end = 0
			for _, e := range nd.Gold {
				if e.Tokens.Start < end || e.Tokens.Empty() || e.Tokens.End > len(d.Tokens) || sentOf[e.Tokens.Start] != sentOf[e.Tokens.End-1] {
					t.Fatalf("gold entity %+v after token %d", e, end)
				}
				end = e.Tokens.End
				for i := e.Tokens.Start; i < e.Tokens.End; i++ {
					tags[i] = "I-" + string(e.Type)
				}
				tags[e.Tokens.Start] = "B-" + string(e.Type)
			}
			again.WriteString("-DOCSTART-\n")
			for _, s := range d.Sentences {
				for i := s.Tokens.Start; i < s.Tokens.End; i++ {
					fmt.Fprintf(&again, "%s %s\n", d.TokenText(i), tags[i])
				}
				again.WriteString("\n")
			}
		}
		docs2, err := eval.NERDocs(strings.NewReader(again.String()), "fuzz")
		if err != nil {
			t.Fatalf("reading the IOB2 rewrite: %v", err)
		}
		if len(docs2) != len(docs) {
			t.Fatalf("IOB2 rewrite has %d documents, want %d", len(docs2), len(docs))
		}
		for i := range docs {
			if docs2[i].Doc.Text != docs[i].Doc.Text || !reflect.DeepEqual(docs2[i].Gold, docs[i].Gold) {
				t.Fatalf("document %d rewritten as IOB2 reads as %+v, want %+v", i+1, docs2[i], docs[i])
			}
		}
	})
}

// TestNERCorpus reads the CoNLL++ dev set and scores its gold entities
// against themselves.
func TestNERCorpus(t *testing.T) {
	const path = "../../shared/data/ner/conllpp-dev.txt"
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("skipping: %s not present (the shared NER data lives in ../shared/data/ner)", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := eval.NERDocs(f, path)
	if err != nil {
		t.Fatal(err)
	}
	sentences := 0
	for _, nd := range docs {
		sentences += len(nd.Doc.Sentences)
		for _, e := range nd.Gold {
			if e.Tokens.Empty() || e.Tokens.End > len(nd.Doc.Tokens) {
				t.Fatalf("%s: gold entity %+v out of range", nd.Doc.SourceID, e)
			}
		}
	}
	if len(docs) != 216 || sentences != 3250 {
		t.Errorf("documents, sentences = %d, %d; want 216, 3250", len(docs), sentences)
	}
	gold := make(map[string][]parley.Entity)
	for _, nd := range docs {
		gold[nd.Doc.SourceID] = nd.Gold
	}
	score, err := eval.NER(docs, predict(gold))
	if err != nil {
		t.Fatal(err)
	}
	if score.Precision != 100 || score.Recall != 100 || score.F1 != 100 {
		t.Errorf("gold against itself: P, R, F1 = %v, %v, %v; want 100", score.Precision, score.Recall, score.F1)
	}
	if score.Docs != 216 || score.Tokens != 51362 {
		t.Errorf("docs, tokens = %d, %d; want 216, 51362", score.Docs, score.Tokens)
	}
	wantGold := map[parley.EntityType]int{parley.PER: 1842, parley.ORG: 1341, parley.LOC: 1837, parley.MISC: 922}
	for typ, n := range wantGold {
		if got := score.PerType[typ]; got.Gold != n || got.F1 != 100 {
			t.Errorf("%s: %+v, want %d gold entities and F1 100", typ, got, n)
		}
	}
	if len(score.PerType) != len(wantGold) || score.Gold != 5942 {
		t.Errorf("types, gold = %d, %d; want 4, 5942", len(score.PerType), score.Gold)
	}
	t.Logf("%d documents, %d sentences, %d tokens, %d gold entities", score.Docs, sentences, score.Tokens, score.Gold)
}
