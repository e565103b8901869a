package conllu_test

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/conllu"
)

// sample is a small well-formed file with the features the package handles:
// document and paragraph markers with and without ids, other comments, a
// multi-word token, an empty node, SpaceAfter=No, a word "_", a "_" head.
const sample = `# newdoc id = demo-1
# genre = test
# newpar id = demo-1-p1
# sent_id = demo-1-s1
# text = We didn't wait.
1	We	we	PRON	PRP	Case=Nom|Number=Plur|Person=1|PronType=Prs	3	nsubj	3:nsubj	_
2-3	didn't	_	_	_	_	_	_	_	_
2	did	do	AUX	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	4	aux	4:aux	_
3	n't	not	PART	RB	Polarity=Neg	4	advmod	4:advmod	_
4	wait	wait	VERB	VB	VerbForm=Inf	0	root	0:root	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	4:punct	_

# sent_id = demo-1-s2
# text = Ann ate rice, Bob _ beans
1	Ann	Ann	PROPN	NNP	Number=Sing	2	nsubj	2:nsubj	_
2	ate	eat	VERB	VBD	Tense=Past	0	root	0:root	_
3	rice	rice	NOUN	NN	Number=Sing	2	obj	2:obj	SpaceAfter=No
4	,	,	PUNCT	,	_	5	punct	4.1:punct	_
4.1	ate	eat	VERB	VBD	Tense=Past	_	_	2:conj	CopyOf=2
5	Bob	Bob	PROPN	NNP	Number=Sing	2	conj	4.1:nsubj	_
6	_	_	SYM	NFP	_	_	_	_	_
7	beans	bean	NOUN	NNS	Number=Plur	2	conj	4.1:obj	_

# newdoc
# newpar
# sent_id = demo-2-s1
# text = Hi!
1	Hi	hi	INTJ	UH	_	0	root	0:root	SpaceAfter=No
2	!	!	PUNCT	.	_	1	punct	1:punct	_

`

func readAll(tb testing.TB, src, name string) []*conllu.Sentence {
	tb.Helper()
	r := conllu.NewReader(strings.NewReader(src), name)
	var ss []*conllu.Sentence
	for {
		s, err := r.Next()
		if err == io.EOF {
			return ss
		}
		if err != nil {
			tb.Fatalf("Next: %v", err)
		}
		ss = append(ss, s)
	}
}

func writeAll(tb testing.TB, ss []*conllu.Sentence) string {
	tb.Helper()
	var b strings.Builder
	w := conllu.NewWriter(&b)
	for _, s := range ss {
		if err := w.WriteSentence(s); err != nil {
			tb.Fatalf("WriteSentence: %v", err)
		}
	}
	return b.String()
}

func TestRead(t *testing.T) {
	ss := readAll(t, sample, "sample")
	if got, want := len(ss), 3; got != want {
		t.Fatalf("got %d sentences, want %d", got, want)
	}
	s := ss[0]
	if !s.NewDoc || s.DocID != "demo-1" || !s.NewPar || s.ID != "demo-1-s1" || s.Text != "We didn't wait." {
		t.Errorf("sentence 1 fields: NewDoc=%v DocID=%q NewPar=%v ID=%q Text=%q", s.NewDoc, s.DocID, s.NewPar, s.ID, s.Text)
	}
	wantComments := []string{"newdoc id = demo-1", "genre = test", "newpar id = demo-1-p1", "sent_id = demo-1-s1", "text = We didn't wait."}
	if !reflect.DeepEqual(s.Comments, wantComments) {
		t.Errorf("Comments = %q, want %q", s.Comments, wantComments)
	}
	if got, want := len(s.Tokens), 4; got != want {
		t.Fatalf("got %d tokens, want %d", got, want)
	}
	mwt := s.Tokens[1]
	if mwt.Form != "didn't" || len(mwt.Words) != 2 || mwt.Words[0].Form != "did" || mwt.Words[1].ID != 3 {
		t.Errorf("multi-word token = %+v", mwt)
	}
	if got, want := s.Tokens[0].Words[0], (conllu.Word{ID: 1, Form: "We", Lemma: "we", UPOS: "PRON", XPOS: "PRP",
		Feats: "Case=Nom|Number=Plur|Person=1|PronType=Prs", Head: 3, DepRel: "nsubj", Deps: "3:nsubj"}); got != want {
		t.Errorf("word 1 = %+v, want %+v", got, want)
	}
	if s.Tokens[2].SpaceAfter() || !s.Tokens[3].SpaceAfter() || !s.Tokens[1].SpaceAfter() {
		t.Errorf("SpaceAfter wrong: %v %v %v", s.Tokens[1].SpaceAfter(), s.Tokens[2].SpaceAfter(), s.Tokens[3].SpaceAfter())
	}
	var forms []string
	for _, w := range s.Words() {
		forms = append(forms, w.Form)
	}
	if got, want := strings.Join(forms, " "), "We did n't wait ."; got != want {
		t.Errorf("Words() forms = %q, want %q", got, want)
	}

	s = ss[1]
	if s.NewDoc || s.NewPar || s.DocID != "" {
		t.Errorf("sentence 2: NewDoc=%v NewPar=%v DocID=%q, want false, false, empty", s.NewDoc, s.NewPar, s.DocID)
	}
	if got, want := s.Empty, []conllu.EmptyNode{{After: 4, Index: 1, Form: "ate", Lemma: "eat", UPOS: "VERB", XPOS: "VBD",
		Feats: "Tense=Past", Deps: "2:conj", Misc: "CopyOf=2"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Empty = %+v, want %+v", got, want)
	}
	if w := s.Tokens[5].Words[0]; w.Form != "_" || w.Lemma != "" || w.Head != conllu.NoHead || w.DepRel != "" {
		t.Errorf("word 6 = %+v, want form \"_\", no lemma, no head", w)
	}

	s = ss[2]
	if !s.NewDoc || s.DocID != "" || !s.NewPar {
		t.Errorf("sentence 3: NewDoc=%v DocID=%q NewPar=%v, want true, empty, true", s.NewDoc, s.DocID, s.NewPar)
	}
}

func TestRoundTrip(t *testing.T) {
	if got := writeAll(t, readAll(t, sample, "sample")); got != sample {
		t.Errorf("round trip changed the file:\ngot:\n%s\nwant:\n%s", got, sample)
	}
}

func TestReadOddities(t *testing.T) {
	// CRLF line ends, extra blank lines, no final blank line, "#" without
	// a space, odd spacing around "=".
	src := "\r\n\r\n#sent_id=a\r\n#  text =  x y \r\n1\tx\t_\t_\t_\t_\t0\troot\t_\t_\r\n2\ty\t_\t_\t_\t_\t1\tdep\t_\t_\r\n\r\n\r\n\r\n1\tz\t_\t_\t_\t_\t_\t_\t_\t_"
	ss := readAll(t, src, "odd")
	if len(ss) != 2 {
		t.Fatalf("got %d sentences, want 2", len(ss))
	}
	if ss[0].ID != "a" || ss[0].Text != "x y" {
		t.Errorf("ID, Text = %q, %q, want %q, %q", ss[0].ID, ss[0].Text, "a", "x y")
	}
	if got, want := ss[0].Comments, []string{"sent_id=a", " text =  x y "}; !reflect.DeepEqual(got, want) {
		t.Errorf("Comments = %q, want %q", got, want)
	}
	// Unchanged field lines are written as they were read.
	want := "# sent_id=a\n#  text =  x y \n1\tx\t_\t_\t_\t_\t0\troot\t_\t_\n2\ty\t_\t_\t_\t_\t1\tdep\t_\t_\n\n1\tz\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
	if got := writeAll(t, ss); got != want {
		t.Errorf("written:\n%q\nwant:\n%q", got, want)
	}
}

func TestReadErrors(t *testing.T) {
	const ok = "1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n"
	tests := []struct {
		name string
		src  string
		line int
		msg  string
	}{
		{"columns", "# text = a\n1\ta\t_\t_\t_\t_\t0\troot\t_\n", 2, "9 tab-separated columns"},
		{"spaces for tabs", "1 a _ _ _ _ 0 root _ _\n", 1, "1 tab-separated columns"},
		{"empty column", "1\ta\t\t_\t_\t_\t0\troot\t_\t_\n", 1, "column 3 is empty"},
		{"id", "x\ta\t_\t_\t_\t_\t0\troot\t_\t_\n", 1, `ID "x" is not an integer`},
		{"negative id", ok + "-2\ta\t_\t_\t_\t_\t0\troot\t_\t_\n", 2, "range"},
		{"id order", ok + "3\tb\t_\t_\t_\t_\t1\tdep\t_\t_\n", 2, "word ID 3 out of order, want 2"},
		{"id zero", "0\ta\t_\t_\t_\t_\t0\troot\t_\t_\n", 1, "word ID 0 out of order, want 1"},
		{"head", ok + "2\tb\t_\t_\t_\t_\tone\tdep\t_\t_\n", 2, `HEAD "one" is not`},
		{"negative head", ok + "2\tb\t_\t_\t_\t_\t-1\tdep\t_\t_\n", 2, `HEAD "-1" is not`},
		{"head range", "# c\n1\ta\t_\t_\t_\t_\t7\troot\t_\t_\n2\tb\t_\t_\t_\t_\t1\tdep\t_\t_\n\n", 2, "HEAD 7 is beyond"},
		{"range", "1-x\tab\t_\t_\t_\t_\t_\t_\t_\t_\n", 1, "not an integer range"},
		{"range start", ok + "3-4\tab\t_\t_\t_\t_\t_\t_\t_\t_\n", 2, "does not start at the next word ID 2"},
		{"range short", "1-1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n", 1, "at least two words"},
		{"range open", "1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n" + ok + "\n", 3, "ends inside the range"},
		{"empty node", ok + "2.1\tb\t_\t_\t_\t_\t_\t_\t_\t_\n", 2, "does not follow word 2"},
		{"empty node order", ok + "1.2\tb\t_\t_\t_\t_\t_\t_\t_\t_\n", 2, "out of order, want 1.1"},
		{"comment after words", ok + "# late\n", 2, "comment line after"},
		{"no words", "# lonely comment\n\n", 2, "no words"},
		{"carriage return", ok + "2\tb\r\t_\t_\t_\t_\t1\tdep\t_\t_\r\n", 2, "carriage return inside"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := conllu.NewReader(strings.NewReader(tt.src), "bad.conllu")
			s, err := r.Next()
			if err == nil {
				t.Fatalf("Next = %+v, nil; want error", s)
			}
			var e *parley.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T) is not a *parley.Error", err, err)
			}
			if e.Op != "conllu" || e.Kind != parley.Invalid || e.Input != "bad.conllu" || e.Line != tt.line {
				t.Errorf("error = %+v, want Op conllu, Kind Invalid, Input bad.conllu, Line %d", e, tt.line)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not contain %q", err, tt.msg)
			}
			if !strings.HasPrefix(err.Error(), "bad.conllu:") {
				t.Errorf("error %q does not name the input and line", err)
			}
		})
	}
}

func TestReadContinuesAfterError(t *testing.T) {
	src := "1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n2\tb\tbad line\n3\tc\t_\t_\t_\t_\t0\troot\t_\t_\n\n" +
		"# sent_id = next\n1\td\t_\t_\t_\t_\t0\troot\t_\t_\n\n"
	r := conllu.NewReader(strings.NewReader(src), "x")
	if _, err := r.Next(); parley.KindOf(err) != parley.Invalid {
		t.Fatalf("first Next error = %v, want an invalid-input error", err)
	}
	s, err := r.Next()
	if err != nil || s.ID != "next" {
		t.Fatalf("second Next = %+v, %v; want sentence \"next\"", s, err)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Fatalf("third Next error = %v, want io.EOF", err)
	}
}

type failingReader struct{ err error }

func (f failingReader) Read([]byte) (int, error) { return 0, f.err }

func TestReadIOError(t *testing.T) {
	cause := errors.New("disk on fire")
	r := conllu.NewReader(io.MultiReader(strings.NewReader("# a\n"), failingReader{cause}), "x")
	for range 2 {
		_, err := r.Next()
		if !errors.Is(err, cause) || parley.KindOf(err) != parley.IO {
			t.Fatalf("Next error = %v, want I/O error wrapping %v", err, cause)
		}
	}
}

func TestWriteFields(t *testing.T) {
	ss := readAll(t, sample, "sample")

	// Changed fields rewrite their lines; cleared flags drop them; other
	// comments stay in place.
	s := ss[0]
	s.ID, s.Text, s.DocID = "new-id", "We did not wait.", ""
	s.NewPar = false
	got := writeAll(t, []*conllu.Sentence{s})
	wantHead := "# newdoc\n# genre = test\n# sent_id = new-id\n# text = We did not wait.\n1\tWe\t"
	if !strings.HasPrefix(got, wantHead) {
		t.Errorf("written:\n%s\nwant it to start with:\n%s", got, wantHead)
	}

	// Fields without lines are added in canonical order.
	s = &conllu.Sentence{
		Comments: []string{"note = hello"},
		ID:       "s1", Text: "Hi", NewDoc: true, DocID: "d", NewPar: true,
		Tokens: []conllu.Token{{Words: []conllu.Word{{ID: 1, Form: "Hi", Head: 0, DepRel: "root"}}}},
	}
	got = writeAll(t, []*conllu.Sentence{s})
	want := "# newdoc id = d\n# newpar\n# sent_id = s1\n# note = hello\n# text = Hi\n1\tHi\t_\t_\t_\t_\t0\troot\t_\t_\n\n"
	if got != want {
		t.Errorf("written:\n%s\nwant:\n%s", got, want)
	}

	// Clearing ID and Text drops their lines, and reading gives back the
	// same sentence.
	s = readAll(t, got, "x")[0]
	s.ID, s.Text, s.NewDoc = "", "", false
	got = writeAll(t, []*conllu.Sentence{s})
	want = "# newpar\n# note = hello\n1\tHi\t_\t_\t_\t_\t0\troot\t_\t_\n\n"
	if got != want {
		t.Errorf("written:\n%s\nwant:\n%s", got, want)
	}
	s.Comments = []string{"newpar", "note = hello"}
	s.DocID = "d" // DocID without NewDoc is not written
	if back := readAll(t, got, "x")[0]; !reflect.DeepEqual(back, &conllu.Sentence{Comments: s.Comments, NewPar: true, Tokens: s.Tokens}) {
		t.Errorf("read back %+v", back)
	}
}

func TestWriteErrors(t *testing.T) {
	word := func(id int) conllu.Word { return conllu.Word{ID: id, Form: "w", Head: conllu.NoHead} }
	tests := []struct {
		name string
		s    conllu.Sentence
		msg  string
	}{
		{"no words", conllu.Sentence{ID: "x"}, "no words"},
		{"empty token", conllu.Sentence{Tokens: []conllu.Token{{Form: "x"}}}, "has no words"},
		{"id", conllu.Sentence{Tokens: []conllu.Token{{Words: []conllu.Word{word(2)}}}}, "has ID 2, want 1"},
		{"head", conllu.Sentence{Tokens: []conllu.Token{{Words: []conllu.Word{{ID: 1, Form: "w", Head: 2}}}}}, "head 2 outside"},
		{"tab", conllu.Sentence{Tokens: []conllu.Token{{Words: []conllu.Word{{ID: 1, Form: "a\tb"}}}}}, "tab or line break"},
		{"newline in text", conllu.Sentence{Text: "a\nb", Tokens: []conllu.Token{{Words: []conllu.Word{word(1)}}}}, "line break"},
		{"newline in comment", conllu.Sentence{Comments: []string{"a\nb"}, Tokens: []conllu.Token{{Words: []conllu.Word{word(1)}}}}, "line break"},
		{"empty node", conllu.Sentence{Tokens: []conllu.Token{{Words: []conllu.Word{word(1)}}}, Empty: []conllu.EmptyNode{{After: 2, Index: 1}}}, "empty node 2.1"},
		{"empty node index", conllu.Sentence{Tokens: []conllu.Token{{Words: []conllu.Word{word(1)}}}, Empty: []conllu.EmptyNode{{After: 1, Index: 2}}}, "want 1.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := conllu.NewWriter(&b).WriteSentence(&tt.s)
			if parley.KindOf(err) != parley.Invalid || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("WriteSentence error = %v, want invalid input containing %q", err, tt.msg)
			}
			if b.Len() != 0 {
				t.Errorf("WriteSentence wrote %q despite the error", b.String())
			}
		})
	}
}

func TestWriteDoc(t *testing.T) {
	text := "Rain fell.\tWe didn't go\n\n(again)."
	d := parley.NewDoc(text)
	d.SourceID = "doc7"
	d.Layers = parley.LayerTokens | parley.LayerSentences | parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps
	tok := func(start, end int, upos, lemma string, head int, rel string) parley.Token {
		return parley.Token{Start: start, End: end, UPOS: upos, Lemma: lemma, Head: head, DepRel: rel}
	}
	d.Tokens = []parley.Token{
		tok(0, 4, "NOUN", "rain", 1, "nsubj"), // Rain
		tok(5, 9, "VERB", "fall", -1, "root"), // fell
		tok(9, 10, "PUNCT", "", 1, "punct"),   // .
		tok(11, 13, "PRON", "we", 6, "nsubj"), // We
		tok(14, 17, "AUX", "do", 6, "aux"),    // did
		tok(17, 20, "PART", "not", 6, "advmod"),
		tok(21, 23, "VERB", "", -1, "root"), // go
		tok(25, 26, "PUNCT", "", 8, "punct"),
		tok(26, 31, "ADV", "", 6, "advmod"),
		tok(31, 32, "PUNCT", "", 8, "punct"),
		tok(32, 33, "PUNCT", "", 6, "punct"),
	}
	d.Sentences = []parley.Sentence{{Tokens: parley.Span{Start: 0, End: 3}}, {Tokens: parley.Span{Start: 3, End: 11}}}
	var b strings.Builder
	if err := conllu.WriteDoc(&b, d); err != nil {
		t.Fatal(err)
	}
	want := `# newdoc id = doc7
# newpar
# sent_id = doc7-1
# text = Rain fell.
1	Rain	rain	NOUN	_	_	2	nsubj	_	_
2	fell	fall	VERB	_	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	_	_	2	punct	_	_

# sent_id = doc7-2
# text = We didn't go  (again).
1	We	we	PRON	_	_	4	nsubj	_	_
2	did	do	AUX	_	_	4	aux	_	SpaceAfter=No
3	n't	not	PART	_	_	4	advmod	_	_
4	go	go	VERB	_	_	0	root	_	_
5	(	(	PUNCT	_	_	6	punct	_	SpaceAfter=No
6	again	again	ADV	_	_	4	advmod	_	SpaceAfter=No
7	)	)	PUNCT	_	_	6	punct	_	SpaceAfter=No
8	.	.	PUNCT	_	_	4	punct	_	_

`
	if got := b.String(); got != want {
		t.Errorf("WriteDoc:\n%s\nwant:\n%s", got, want)
	}
	// The output reads back.
	if ss := readAll(t, b.String(), "doc"); len(ss) != 2 {
		t.Errorf("read back %d sentences, want 2", len(ss))
	}

	// Only the layers the Doc records are written; paragraphs start with newpar.
	d.Layers = parley.LayerTokens | parley.LayerSentences
	d.Sentences[1].Paragraph = 1
	d.SourceID, d.ID = "", ""
	b.Reset()
	if err := conllu.WriteDoc(&b, d); err != nil {
		t.Fatal(err)
	}
	ss := readAll(t, b.String(), "doc")
	if !ss[0].NewDoc || ss[0].DocID != "" || ss[0].ID != "1" || !ss[1].NewPar || ss[1].ID != "2" {
		t.Errorf("sentence fields: %+v, %+v", ss[0], ss[1])
	}
	for _, s := range ss {
		for _, w := range s.Words() {
			if w.Lemma != "" || w.UPOS != "" || w.Head != conllu.NoHead || w.DepRel != "" {
				t.Errorf("word %+v has layers the Doc lacks", w)
			}
		}
	}

	// A head outside its sentence is an error.
	d.Layers |= parley.LayerDeps
	d.Tokens[0].Head = 5
	if err := conllu.WriteDoc(io.Discard, d); parley.KindOf(err) != parley.Invalid {
		t.Errorf("WriteDoc with a cross-sentence head: error = %v, want invalid input", err)
	}
}

func TestWriteDocEntities(t *testing.T) {
	text := "Ana Silva met U.N. staff in Porto. Lisbon replied."
	d := parley.NewDoc(text)
	d.SourceID = "ne"
	d.Layers = parley.LayerTokens | parley.LayerSentences | parley.LayerEntities
	d.Tokens = []parley.Token{
		{Start: 0, End: 3}, {Start: 4, End: 9}, {Start: 10, End: 13}, {Start: 14, End: 18}, // Ana Silva met U.N.
		{Start: 19, End: 24}, {Start: 25, End: 27}, {Start: 28, End: 33}, {Start: 33, End: 34}, // staff in Porto .
		{Start: 35, End: 41}, {Start: 42, End: 49}, {Start: 49, End: 50}, // Lisbon replied .
	}
	d.Sentences = []parley.Sentence{{Tokens: parley.Span{Start: 0, End: 8}}, {Tokens: parley.Span{Start: 8, End: 11}}}
	d.Entities = []parley.Entity{
		{Tokens: parley.Span{Start: 0, End: 2}, Type: parley.PER},
		{Tokens: parley.Span{Start: 3, End: 4}, Type: parley.ORG},
		{Tokens: parley.Span{Start: 6, End: 7}, Type: parley.LOC, Subtype: "GPE"},
		{Tokens: parley.Span{Start: 8, End: 9}, Type: parley.LOC, Subtype: "GPE"},
	}
	var b strings.Builder
	if err := conllu.WriteDoc(&b, d); err != nil {
		t.Fatal(err)
	}
	want := `# newdoc id = ne
# newpar
# sent_id = ne-1
# text = Ana Silva met U.N. staff in Porto.
1	Ana	_	_	_	_	_	_	_	NE=B-PER
2	Silva	_	_	_	_	_	_	_	NE=I-PER
3	met	_	_	_	_	_	_	_	_
4	U.N.	_	_	_	_	_	_	_	NE=B-ORG
5	staff	_	_	_	_	_	_	_	_
6	in	_	_	_	_	_	_	_	_
7	Porto	_	_	_	_	_	_	_	SpaceAfter=No|NE=B-LOC|NESubtype=GPE
8	.	_	_	_	_	_	_	_	_

# sent_id = ne-2
# text = Lisbon replied.
1	Lisbon	_	_	_	_	_	_	_	NE=B-LOC|NESubtype=GPE
2	replied	_	_	_	_	_	_	_	SpaceAfter=No
3	.	_	_	_	_	_	_	_	_

`
	if got := b.String(); got != want {
		t.Errorf("WriteDoc:\n%s\nwant:\n%s", got, want)
	}
	ss := readAll(t, b.String(), "ne")
	if len(ss) != 2 || ss[0].Tokens[6].SpaceAfter() || !ss[0].Tokens[5].SpaceAfter() {
		t.Errorf("read back: %d sentences, SpaceAfter of Porto and in = %v, %v; want 2, false, true",
			len(ss), ss[0].Tokens[6].SpaceAfter(), ss[0].Tokens[5].SpaceAfter())
	}

	// Without the layer, entities are not written.
	d.Layers &^= parley.LayerEntities
	b.Reset()
	if err := conllu.WriteDoc(&b, d); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "NE") {
		t.Errorf("WriteDoc without LayerEntities wrote entities:\n%s", b.String())
	}
}

func TestWriteDocEntityErrors(t *testing.T) {
	span := func(start, end int) parley.Entity {
		return parley.Entity{Tokens: parley.Span{Start: start, End: end}, Type: parley.ORG}
	}
	tests := []struct {
		name     string
		entities []parley.Entity
		msg      string
	}{
		{"past the end", []parley.Entity{span(2, 4)}, "entity 0: token span 2…4"},
		{"negative", []parley.Entity{span(0, 1), span(-1, 1)}, "entity 1: token span -1…1"},
		{"empty", []parley.Entity{span(1, 1)}, "entity 0: token span 1…1"},
		{"overlap", []parley.Entity{span(0, 2), span(1, 3)}, "entity 1: token span 1…3 overlaps entity 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parley.NewDoc("Acme Bank Ltd")
			d.Origin = "in.jsonl:3"
			d.Layers = parley.LayerTokens | parley.LayerEntities
			d.Tokens = []parley.Token{{Start: 0, End: 4}, {Start: 5, End: 9}, {Start: 10, End: 13}}
			d.Entities = tt.entities
			_, err := conllu.FromDoc(d)
			var pe *parley.Error
			if !errors.As(err, &pe) || pe.Kind != parley.Invalid || pe.Input != "in.jsonl:3" || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("FromDoc error = %v, want invalid input from in.jsonl:3 containing %q", err, tt.msg)
			}
		})
	}
}
