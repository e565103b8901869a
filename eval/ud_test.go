package eval_test

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/conllu"
	"github.com/parley-events/parley/eval"
)

// The UD fixture, in three parts so that tests can leave one out. Document
// a has two paragraphs, a multi-word token whose words spell it ("didn't")
// and one whose words do not ("Y'all" → "You" "all"), and subtyped labels;
// document b has an empty node, which is skipped, and a gold lemma "_".
const (
	udA12 = `# newdoc id = a
# newpar
# sent_id = a1
# text = Kim didn't sleep.
1	Kim	Kim	PROPN	NNP	Number=Sing	4	nsubj	_	_
2-3	didn't	_	_	_	_	_	_	_	_
2	did	do	AUX	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	4	aux	_	_
3	n't	not	PART	RB	Polarity=Neg	4	advmod	_	_
4	sleep	sleep	VERB	VB	VerbForm=Inf	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = a2
# text = Cats were fed.
1	Cats	cat	NOUN	NNS	Number=Plur	3	nsubj:pass	_	_
2	were	be	AUX	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	3	aux:pass	_	_
3	fed	feed	VERB	VBN	Tense=Past|VerbForm=Part|Voice=Pass	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_

`
	udA3 = `# newpar
# sent_id = a3
# text = Y'all won!
1-2	Y'all	_	_	_	_	_	_	_	_
1	You	you	PRON	PRP	Case=Nom|Person=2|PronType=Prs	3	nsubj	_	_
2	all	all	DET	DT	_	1	det	_	_
3	won	win	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	SpaceAfter=No
4	!	!	PUNCT	.	_	3	punct	_	_

`
	udB = `# newdoc id = b
# sent_id = b1
# text = Ann ran, Bob too
1	Ann	Ann	PROPN	NNP	Number=Sing	2	nsubj	2:nsubj	_
2	ran	run	VERB	VBD	Tense=Past	0	root	0:root	SpaceAfter=No
3	,	,	PUNCT	,	_	4	punct	3.1:punct	_
3.1	ran	run	VERB	VBD	Tense=Past	_	_	2:conj	_
4	Bob	Bob	PROPN	NNP	Number=Sing	2	conj	3.1:nsubj	_
5	too	_	ADV	RB	_	4	advmod	3.1:advmod	_

`
	udGold = udA12 + udA3 + udB
)

func readUD(tb testing.TB, src string) []eval.UDDoc {
	tb.Helper()
	docs, err := eval.UDDocs(conllu.NewReader(strings.NewReader(src), "gold"))
	if err != nil {
		tb.Fatalf("UDDocs: %v", err)
	}
	return docs
}

func readUDRaw(tb testing.TB, src string) []eval.UDRawDoc {
	tb.Helper()
	docs, err := eval.UDRawDocs(conllu.NewReader(strings.NewReader(src), "gold"))
	if err != nil {
		tb.Fatalf("UDRawDocs: %v", err)
	}
	return docs
}

// tokenTexts returns the text of each token of d.
func tokenTexts(d *parley.Doc) []string {
	var out []string
	for i := range d.Tokens {
		out = append(out, d.TokenText(i))
	}
	return out
}

func TestUDDocs(t *testing.T) {
	docs := readUD(t, udGold)
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	d := docs[0].Doc
	if got, want := d.Text, "Kim didn't sleep. Cats were fed.\n\nYou all won!"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	if d.SourceID != "a" || docs[1].Doc.SourceID != "b" {
		t.Errorf("SourceIDs = %q, %q, want a, b", d.SourceID, docs[1].Doc.SourceID)
	}
	if d.ID != parley.Hash(d.Text) {
		t.Errorf("ID = %q, want the hash of the text", d.ID)
	}
	if got, want := d.Layers, parley.LayerTokens|parley.LayerSentences; got != want {
		t.Errorf("Layers = %v, want %v", got, want)
	}
	if got, want := tokenTexts(d), []string{"Kim", "did", "n't", "sleep", ".", "Cats", "were", "fed", ".", "You", "all", "won", "!"}; !reflect.DeepEqual(got, want) {
		t.Errorf("tokens = %q, want %q", got, want)
	}
	if got, want := d.Sentences, []parley.Sentence{
		{Tokens: parley.Span{Start: 0, End: 5}},
		{Tokens: parley.Span{Start: 5, End: 9}},
		{Tokens: parley.Span{Start: 9, End: 13}, Paragraph: 1},
	}; !reflect.DeepEqual(got, want) {
		t.Errorf("Sentences = %+v, want %+v", got, want)
	}
	if len(docs[0].Words) != len(d.Tokens) {
		t.Fatalf("%d words for %d tokens", len(docs[0].Words), len(d.Tokens))
	}
	for i, w := range docs[0].Words {
		if w.Form != d.TokenText(i) {
			t.Errorf("word %d is %q, token text %q", i, w.Form, d.TokenText(i))
		}
		if tok := d.Tokens[i]; tok.Head != -1 || tok.UPOS != "" || tok.Lemma != "" || tok.DepRel != "" {
			t.Errorf("token %d = %+v, want no annotation and head -1", i, tok)
		}
	}
	if got, want := docs[0].Words[10], (conllu.Word{ID: 2, Form: "all", Lemma: "all", UPOS: "DET", XPOS: "DT", Head: 1, DepRel: "det"}); got != want {
		t.Errorf("word 10 = %+v, want %+v", got, want)
	}

	// The empty node of document b is skipped.
	d = docs[1].Doc
	if got, want := d.Text, "Ann ran, Bob too"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	if got, want := tokenTexts(d), []string{"Ann", "ran", ",", "Bob", "too"}; !reflect.DeepEqual(got, want) {
		t.Errorf("tokens = %q, want %q", got, want)
	}
}

func TestUDDocsKinds(t *testing.T) {
	forms := []string{"Go", "2.5", "www.x.org", "http://y.net/z", "kim@x.org", "@kim", "#tag", "'s", "—", "(", "n't", "Ünal"}
	var src strings.Builder
	for i, f := range forms {
		src.WriteString(strings.Join([]string{strconv.Itoa(i + 1), f, "_", "_", "_", "_", "_", "_", "_", "_"}, "\t") + "\n")
	}
	docs := readUD(t, src.String())
	want := []parley.TokenKind{parley.TokWord, parley.TokNumber, parley.TokURL, parley.TokURL, parley.TokEmail,
		parley.TokHandle, parley.TokHashtag, parley.TokWord, parley.TokPunct, parley.TokPunct, parley.TokWord, parley.TokWord}
	for i, tok := range docs[0].Doc.Tokens {
		if tok.Kind != want[i] {
			t.Errorf("kind of %q = %v, want %v", forms[i], tok.Kind, want[i])
		}
	}
}

// oracle returns a run function for UD that copies the gold annotations of
// docs into each Doc, relying on UD calling it in order.
func oracle(docs []eval.UDDoc) func(*parley.Doc) error {
	next := 0
	return func(d *parley.Doc) error {
		if next >= len(docs) || docs[next].Doc.Text != d.Text {
			return errors.New("unexpected document")
		}
		ud := docs[next]
		next++
		for _, s := range d.Sentences {
			for i := s.Tokens.Start; i < s.Tokens.End; i++ {
				w, t := ud.Words[i], &d.Tokens[i]
				t.UPOS, t.XPOS, t.Feats, t.DepRel = w.UPOS, w.XPOS, w.Feats, w.DepRel
				t.Lemma = w.Lemma
				if t.Lemma == d.TokenText(i) {
					t.Lemma = ""
				}
				t.Head = -1
				if w.Head > 0 {
					t.Head = s.Tokens.Start + w.Head - 1
				}
			}
		}
		d.Layers |= parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps
		return nil
	}
}

// edited returns a run function that applies the oracle, then edit.
func edited(docs []eval.UDDoc, edit func(d *parley.Doc)) func(*parley.Doc) error {
	run := oracle(docs)
	return func(d *parley.Doc) error {
		if err := run(d); err != nil {
			return err
		}
		edit(d)
		return nil
	}
}

func all(x float64) eval.UDScore {
	return eval.UDScore{UPOS: x, XPOS: x, UFeats: x, Lemma: x, UAS: x, LAS: x, LASBase: x,
		Tokens: 18, Sentences: 4, Docs: 2,
		Scored: parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps, FeatsScored: true}
}

func TestUD(t *testing.T) {
	docs := readUD(t, udGold)
	// Token indices: document a
	//	0 Kim 1 did 2 n't 3 sleep 4 . | 5 Cats 6 were 7 fed 8 . | 9 You 10 all 11 won 12 !
	// document b
	//	0 Ann 1 ran 2 , 3 Bob 4 too
	tests := []struct {
		name string
		run  func(*parley.Doc) error
		want eval.UDScore
	}{
		{"oracle", oracle(docs), all(100)},
		// One mistake of each kind, 18 words:
		//	UPOS   Kim NOUN                                   17/18 = 94.44
		//	XPOS   "." of a2 ","                              17/18 = 94.44
		//	UFeats did without feats                          17/18 = 94.44
		//	Lemma  fed, You without lemma ("fed", "You");
		//	       Kim without lemma is right ("Kim"), and
		//	       too is right whatever it says (gold "_")   16/18 = 88.89
		//	UAS    all → won, Bob → root                      16/18 = 88.89
		//	LAS    those, and were "aux" for "aux:pass"       15/18 = 83.33
		//	LASBase  "aux" is "aux"                           16/18 = 88.89
		{"mistakes", edited(docs, func(d *parley.Doc) {
			switch d.SourceID {
			case "a":
				d.Tokens[0].UPOS = "NOUN"
				d.Tokens[8].XPOS = ","
				d.Tokens[1].Feats = ""
				d.Tokens[0].Lemma, d.Tokens[7].Lemma, d.Tokens[9].Lemma = "", "", ""
				d.Tokens[10].Head = 11
				d.Tokens[6].DepRel = "aux"
			case "b":
				d.Tokens[3].Head = -1
				d.Tokens[4].Lemma = "whatever"
			}
		}), eval.UDScore{UPOS: 94.44, XPOS: 94.44, UFeats: 94.44, Lemma: 88.89, UAS: 88.89, LAS: 83.33, LASBase: 88.89,
			Tokens: 18, Sentences: 4, Docs: 2,
			Scored: parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps, FeatsScored: true}},
		// Roots: sleep pointing at itself and Cats pointing at sleep in
		// the previous sentence are wrong: UAS, LAS 16/18.
		{"roots", edited(docs, func(d *parley.Doc) {
			if d.SourceID == "a" {
				d.Tokens[3].Head = 3
				d.Tokens[5].Head = 3
			}
		}), eval.UDScore{UPOS: 100, XPOS: 100, UFeats: 100, Lemma: 100, UAS: 88.89, LAS: 88.89, LASBase: 88.89,
			Tokens: 18, Sentences: 4, Docs: 2,
			Scored: parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps, FeatsScored: true}},
		// Document b lacks the deps layer: its 5 words count as wrong.
		{"deps in one document", edited(docs, func(d *parley.Doc) {
			if d.SourceID == "b" {
				d.Layers &^= parley.LayerDeps
			}
		}), eval.UDScore{UPOS: 100, XPOS: 100, UFeats: 100, Lemma: 100, UAS: 72.22, LAS: 72.22, LASBase: 72.22,
			Tokens: 18, Sentences: 4, Docs: 2,
			Scored: parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps, FeatsScored: true}},
		{"tags only, no features", edited(docs, func(d *parley.Doc) {
			d.Layers &^= parley.LayerLemmas | parley.LayerDeps
			for i := range d.Tokens {
				d.Tokens[i].Feats = ""
			}
		}), eval.UDScore{UPOS: 100, XPOS: 100, Tokens: 18, Sentences: 4, Docs: 2, Scored: parley.LayerPOS}},
		{"nothing", func(*parley.Doc) error { return nil }, eval.UDScore{Tokens: 18, Sentences: 4, Docs: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := eval.UD(docs, tt.run)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("UD = %+v\nwant %+v", got, tt.want)
			}
		})
	}
	// UD ran on copies: the documents are as read.
	if again := readUD(t, udGold); !reflect.DeepEqual(docs, again) {
		t.Errorf("UD changed its documents")
	}
}

func TestUDScoreJSON(t *testing.T) {
	tests := []struct {
		score eval.UDScore
		want  string
	}{
		{all(100), `{"upos":100,"xpos":100,"ufeats":100,"lemma":100,"uas":100,"las":100,"las_base":100,"tokens":18,"sentences":4,"docs":2}`},
		{eval.UDScore{UPOS: 0, XPOS: 12.5, UFeats: 3, Tokens: 1, Sentences: 1, Docs: 1, Scored: parley.LayerPOS},
			`{"upos":0,"xpos":12.5,"tokens":1,"sentences":1,"docs":1}`},
		{eval.UDScore{UAS: 0, LAS: 0, Scored: parley.LayerDeps},
			`{"uas":0,"las":0,"las_base":0,"tokens":0,"sentences":0,"docs":0}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.score)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(b); got != tt.want {
			t.Errorf("JSON = %s\nwant   %s", got, tt.want)
		}
	}
}

func TestUDErrors(t *testing.T) {
	docs := readUD(t, udGold)
	cause := errors.New("tagger broke")
	_, err := eval.UD(docs, func(*parley.Doc) error { return cause })
	var e *parley.Error
	if !errors.Is(err, cause) || !errors.As(err, &e) || e.Input != "a" {
		t.Errorf("error = %v, want a *parley.Error naming a and wrapping %v", err, cause)
	}
	for name, edit := range map[string]func(*parley.Doc){
		"token dropped":     func(d *parley.Doc) { d.Tokens = d.Tokens[1:] },
		"token moved":       func(d *parley.Doc) { d.Tokens[2].End++ },
		"head out of range": func(d *parley.Doc) { d.Tokens[0].Head = len(d.Tokens) },
	} {
		if _, err := eval.UD(docs, edited(docs, edit)); parley.KindOf(err) != parley.Invalid {
			t.Errorf("%s: error = %v, want invalid input", name, err)
		}
	}
}

func TestUDRawDocs(t *testing.T) {
	// The embedded GoldDoc is what SegmentDocs returns.
	for name, src := range map[string]string{"udGold": udGold, "gold": gold} {
		raw := readUDRaw(t, src)
		seg := readGold(t, src)
		if len(raw) != len(seg) {
			t.Fatalf("%s: %d documents, SegmentDocs %d", name, len(raw), len(seg))
		}
		for i := range raw {
			if !reflect.DeepEqual(raw[i].GoldDoc, seg[i]) {
				t.Errorf("%s: document %d:\n%+v\nSegmentDocs:\n%+v", name, i, raw[i].GoldDoc, seg[i])
			}
		}
	}

	docs := readUDRaw(t, udGold)
	d := docs[0]
	if got, want := d.Text, "Kim didn't sleep. Cats were fed.\n\nY'all won!"; got != want {
		t.Fatalf("Text = %q, want %q", got, want)
	}
	type word struct {
		form, text string
		multi      bool
		head       int
	}
	var got []word
	for _, w := range d.Words {
		got = append(got, word{w.Word.Form, d.Text[w.Span.Start:w.Span.End], w.Multiword, w.Head})
	}
	want := []word{
		{"Kim", "Kim", false, 3}, {"did", "did", false, 3}, {"n't", "n't", false, 3}, {"sleep", "sleep", false, -1}, {".", ".", false, 3},
		{"Cats", "Cats", false, 7}, {"were", "were", false, 7}, {"fed", "fed", false, -1}, {".", ".", false, 7},
		{"You", "Y'all", true, 11}, {"all", "Y'all", true, 9}, {"won", "won", false, -1}, {"!", "!", false, 11},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("words:\n%+v\nwant:\n%+v", got, want)
	}

	// A token missing from the text: its words are Missing and counted.
	docs = readUDRaw(t, "# text = Typo hre.\n1\tTypo\t_\t_\t_\t_\t0\troot\t_\t_\n2\there\t_\t_\t_\t_\t1\tdep\t_\t_\n3\t.\t_\t_\t_\t_\t1\tpunct\t_\t_\n\n")
	if ws := docs[0].Words; len(ws) != 3 || ws[0].Missing || !ws[1].Missing || ws[2].Missing || docs[0].Unaligned != 1 {
		t.Errorf("words = %+v, Unaligned = %d; want the second missing, Unaligned 1", ws, docs[0].Unaligned)
	}
}

// rawOracle returns a run function for UDRaw that returns the gold words
// of each document as tokens with their gold annotations, and the gold
// sentences. The parts of a Multiword token become one token, annotated as
// its first part (no tokenizer can do better); a head on a later part is
// moved to it.
func rawOracle(docs []eval.UDRawDoc) func(string) (*parley.Doc, error) {
	next := 0
	return func(text string) (*parley.Doc, error) {
		if next >= len(docs) || docs[next].Text != text {
			return nil, errors.New("unexpected text")
		}
		gd := docs[next]
		next++
		d := parley.NewDoc(text)
		tokenOf := make([]int, len(gd.Words)) // gold word → token
		for i, w := range gd.Words {
			if i > 0 && w.Multiword && gd.Words[i-1].Multiword && gd.Words[i-1].Span == w.Span {
				tokenOf[i] = tokenOf[i-1]
				continue
			}
			tokenOf[i] = len(d.Tokens)
			d.Tokens = append(d.Tokens, parley.Token{Start: w.Span.Start, End: w.Span.End,
				UPOS: w.Word.UPOS, XPOS: w.Word.XPOS, Feats: w.Word.Feats, Lemma: w.Word.Lemma, DepRel: w.Word.DepRel, Head: w.Head})
		}
		for i := range d.Tokens {
			if h := d.Tokens[i].Head; h >= 0 {
				d.Tokens[i].Head = tokenOf[h]
			}
		}
		for _, s := range gd.Sentences {
			first, last := -1, -1
			for i, tok := range d.Tokens {
				if s.Contains(parley.Span{Start: tok.Start, End: tok.End}) {
					if first < 0 {
						first = i
					}
					last = i
				}
			}
			d.Sentences = append(d.Sentences, parley.Sentence{Tokens: parley.Span{Start: first, End: last + 1}})
		}
		d.Layers = parley.LayerTokens | parley.LayerSentences | parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps
		return d, nil
	}
}

func TestUDRawPerfect(t *testing.T) {
	docs := readUDRaw(t, udA12+udB)
	got, err := eval.UDRaw(docs, rawOracle(docs))
	if err != nil {
		t.Fatal(err)
	}
	want := eval.UDRawScore{Words: 100, SentencesF1: 100, UPOS: 100, XPOS: 100, UFeats: 100, Lemma: 100, UAS: 100, LAS: 100, LASBase: 100,
		Tokens: 14, Sentences: 3, Docs: 2, Scored: parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps, FeatsScored: true}
	if got != want {
		t.Errorf("UDRaw = %+v\nwant    %+v", got, want)
	}

	// With "Y'all" as one token for "You" "all": 18 gold words, 17 system
	// words, 16 aligned (the longest common subsequence of "you" "all" and
	// "y'all" is empty), so Words F1 = 32/35 = 91.43. The 16 aligned words
	// are right in every respect (no aligned word has "You" or "all" as
	// its gold head), so every figure is 91.43.
	docs = readUDRaw(t, udGold)
	got, err = eval.UDRaw(docs, rawOracle(docs))
	if err != nil {
		t.Fatal(err)
	}
	want = eval.UDRawScore{Words: 91.43, SentencesF1: 100, UPOS: 91.43, XPOS: 91.43, UFeats: 91.43, Lemma: 91.43, UAS: 91.43, LAS: 91.43, LASBase: 91.43,
		Tokens: 18, Sentences: 4, Docs: 2, Scored: parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps, FeatsScored: true}
	if got != want {
		t.Errorf("UDRaw with Y'all = %+v\nwant    %+v", got, want)
	}
}

// rawWrong is a gold document for a deliberately wrong tokenization.
const rawWrong = `# newdoc id = w
# sent_id = w1
# text = We can't stay.
1	We	we	PRON	PRP	_	4	nsubj	_	_
2-3	can't	_	_	_	_	_	_	_	_
2	ca	can	AUX	MD	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	stay	stay	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = w2
# text = Y'all left early.
1-2	Y'all	_	_	_	_	_	_	_	_
1	you	you	PRON	PRP	_	3	nsubj	_	_
2	all	all	DET	DT	_	1	det	_	_
3	left	leave	VERB	VBD	_	0	root	_	_
4	early	early	ADV	RB	_	3	advmod	_	SpaceAfter=No
5	.	.	PUNCT	.	_	3	punct	_	_

`

func TestUDRawWrongTokenization(t *testing.T) {
	docs := readUDRaw(t, rawWrong)
	text := "We can't stay. Y'all left early."
	if docs[0].Text != text {
		t.Fatalf("Text = %q, want %q", docs[0].Text, text)
	}
	// Gold words (10): We 0-2, ca 3-5, n't 5-8, stay 9-13, . 13-14,
	// you 15-20 and all 15-20 (Multiword), left 21-25, early 26-31, . 31-32.
	// System tokens (8): We, can't, stay, ., Y', all, left, early.
	// Aligned: We, stay, . by span; "all" by LCS within the multi-word span
	// 15-20 (you all / y' all); left by span: 5 words, F1 = 10/18 = 55.56.
	run := func(text string) (*parley.Doc, error) {
		d := parley.NewDoc(text)
		tok := func(start, end int, upos, xpos, lemma string, head int, rel string) parley.Token {
			return parley.Token{Start: start, End: end, UPOS: upos, XPOS: xpos, Lemma: lemma, Head: head, DepRel: rel}
		}
		d.Tokens = []parley.Token{
			tok(0, 2, "PRON", "PRP", "we", 2, "nsubj:pass"), // LAS wrong (full label), LASBase right
			tok(3, 8, "AUX", "MD", "can", 2, "aux"),         // not aligned
			tok(9, 13, "VERB", "VBP", "stays", -1, "root"),  // XPOS and lemma wrong
			tok(13, 14, "PUNCT", ",", "", 2, "punct"),       // XPOS wrong; lemma "" is the text "."
			tok(15, 17, "PRON", "PRP", "you", 6, "nsubj"),   // not aligned
			tok(17, 20, "DET", "DT", "", 4, "det"),          // head Y' is not aligned: UAS wrong
			tok(21, 25, "VERB", "VBD", "leave", -1, "root"), // right
			tok(26, 32, "ADV", "RB", "early", 6, "advmod"),  // not aligned
		}
		// Sentences: "We can't stay." is right; "Y'all" and "left early."
		// are not: F1 = 2/(2+3) = 40.
		d.Sentences = []parley.Sentence{
			{Tokens: parley.Span{Start: 0, End: 4}},
			{Tokens: parley.Span{Start: 4, End: 6}},
			{Tokens: parley.Span{Start: 6, End: 8}},
		}
		d.Layers = parley.LayerTokens | parley.LayerSentences | parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps
		return d, nil
	}
	got, err := eval.UDRaw(docs, run)
	if err != nil {
		t.Fatal(err)
	}
	// Of the 5 aligned words, correct: UPOS 5 (55.56), XPOS 3 (33.33),
	// lemma 4 (44.44), UAS 4 (44.44), LAS 3 (33.33), LASBase 4 (44.44);
	// F1 = 2·correct/(10+8). No Feats predicted: UFeats not scored.
	want := eval.UDRawScore{Words: 55.56, SentencesF1: 40, UPOS: 55.56, XPOS: 33.33, Lemma: 44.44, UAS: 44.44, LAS: 33.33, LASBase: 44.44,
		Tokens: 10, Sentences: 2, Docs: 1, Scored: parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps}
	if got != want {
		t.Errorf("UDRaw = %+v\nwant    %+v", got, want)
	}
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"words":55.56,"sentences_f1":40,"upos":55.56,"xpos":33.33,"lemma":44.44,"uas":44.44,"las":33.33,"las_base":44.44,"tokens":10,"sentences":2,"docs":1}`; got != want {
		t.Errorf("JSON = %s\nwant   %s", got, want)
	}
}

func TestUDRawNoLayers(t *testing.T) {
	// Whitespace tokens and no tagging: only words and sentences are
	// scored. udA12+udB: d a "Kim" "didn't" "sleep." "Cats" "were" "fed."
	// (Kim, Cats, were right), d b "Ann" "ran," "Bob" "too" (Ann, Bob, too
	// right): 6 of 14 gold and 10 system words, F1 = 12/24 = 50.
	// Sentences: one per document; only b's is right: 2/(3+2) = 40.
	docs := readUDRaw(t, udA12+udB)
	got, err := eval.UDRaw(docs, whitespace)
	if err != nil {
		t.Fatal(err)
	}
	want := eval.UDRawScore{Words: 50, SentencesF1: 40, Tokens: 14, Sentences: 3, Docs: 2}
	if got != want {
		t.Errorf("UDRaw = %+v\nwant    %+v", got, want)
	}
	b, _ := json.Marshal(got)
	if got, want := string(b), `{"words":50,"sentences_f1":40,"tokens":14,"sentences":3,"docs":2}`; got != want {
		t.Errorf("JSON = %s\nwant   %s", got, want)
	}
}

func TestUDRawErrors(t *testing.T) {
	docs := readUDRaw(t, udGold)
	cause := errors.New("parser broke")
	_, err := eval.UDRaw(docs, func(string) (*parley.Doc, error) { return nil, cause })
	var e *parley.Error
	if !errors.Is(err, cause) || !errors.As(err, &e) || e.Input != "a" {
		t.Errorf("error = %v, want a *parley.Error naming a and wrapping %v", err, cause)
	}
	bad := map[string]func(d *parley.Doc){
		"nil":           nil,
		"token span":    func(d *parley.Doc) { d.Tokens[0].End = len(d.Text) + 1 },
		"sentence span": func(d *parley.Doc) { d.Sentences[0].Tokens.End = len(d.Tokens) + 1 },
		"head":          func(d *parley.Doc) { d.Tokens[0].Head = len(d.Tokens) },
		"negative head": func(d *parley.Doc) { d.Tokens[0].Head = -2 },
	}
	for name, edit := range bad {
		run := rawOracle(docs)
		_, err := eval.UDRaw(docs, func(text string) (*parley.Doc, error) {
			d, err := run(text)
			if edit == nil {
				return nil, err
			}
			edit(d)
			return d, err
		})
		if parley.KindOf(err) != parley.Invalid {
			t.Errorf("%s: error = %v, want invalid input", name, err)
		}
	}
}

// TestUDCorpus reads the UD English EWT dev set in both modes and checks
// that the gold annotations score 100 against themselves.
func TestUDCorpus(t *testing.T) {
	const (
		file               = "en_ewt-dev.conllu"
		docs, sents, words = 318, 2001, 25147
	)
	path := filepath.Join("../../shared/data/ud", file)
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("skipping: %s not present (the shared UD data lives in ../shared/data/ud)", path)
	}
	if err != nil {
		t.Fatal(err)
	}

	ud, err := eval.UDDocs(conllu.NewReader(strings.NewReader(string(data)), path))
	if err != nil {
		t.Fatal(err)
	}
	nw, ns := 0, 0
	for _, d := range ud {
		nw += len(d.Words)
		ns += len(d.Doc.Sentences)
		for i, w := range d.Words {
			if w.Form != d.Doc.TokenText(i) {
				t.Fatalf("%s: token %d is %q, word %q", d.Doc.SourceID, i, d.Doc.TokenText(i), w.Form)
			}
		}
	}
	if len(ud) != docs || ns != sents || nw != words {
		t.Errorf("UDDocs: %d documents, %d sentences, %d words; want %d, %d, %d", len(ud), ns, nw, docs, sents, words)
	}
	score, err := eval.UD(ud, oracle(ud))
	if err != nil {
		t.Fatal(err)
	}
	want := eval.UDScore{UPOS: 100, XPOS: 100, UFeats: 100, Lemma: 100, UAS: 100, LAS: 100, LASBase: 100,
		Tokens: words, Sentences: sents, Docs: docs,
		Scored: parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps, FeatsScored: true}
	if score != want {
		t.Errorf("UD with the gold annotations = %+v\nwant %+v", score, want)
	}

	raw, err := eval.UDRawDocs(conllu.NewReader(strings.NewReader(string(data)), path))
	if err != nil {
		t.Fatal(err)
	}
	seg, err := eval.SegmentDocs(conllu.NewReader(strings.NewReader(string(data)), path))
	if err != nil {
		t.Fatal(err)
	}
	for i := range seg {
		if !reflect.DeepEqual(raw[i].GoldDoc, seg[i]) {
			t.Fatalf("document %s: UDRawDocs and SegmentDocs differ", seg[i].ID)
		}
	}
	rs, err := eval.UDRaw(raw, rawOracle(raw))
	if err != nil {
		t.Fatal(err)
	}
	// Every multi-word token of EWT is spelled by its words, so the gold
	// words score 100 from raw text too.
	wantRaw := eval.UDRawScore{Words: 100, SentencesF1: 100, UPOS: 100, XPOS: 100, UFeats: 100, Lemma: 100, UAS: 100, LAS: 100, LASBase: 100,
		Tokens: words, Sentences: sents, Docs: docs,
		Scored: parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps, FeatsScored: true}
	if rs != wantRaw {
		t.Errorf("UDRaw with the gold annotations = %+v\nwant %+v", rs, wantRaw)
	}
	ws, err := eval.UDRaw(raw, whitespace)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d words; whitespace baseline from raw text: %+v", nw, ws)
}

// TestUDRawAlignment ports the cases of conll18_ud_eval.py's own tests
// that a parley system (no multi-word tokens) can express, plus two of
// ours. Words are written in the script's notation: "abc a BX c" is the
// multi-word token "abc" of the words "a" "BX" "c". All tokens are
// written without spaces between them.
func TestUDRawAlignment(t *testing.T) {
	tests := []struct {
		gold, sys []string
		correct   int
	}{
		{[]string{"a"}, []string{"a"}, 1},
		{[]string{"a", "b", "c"}, []string{"a", "b", "c"}, 3},
		{[]string{"abc a b c"}, []string{"a", "b", "c"}, 3},
		{[]string{"a", "bc b c", "d"}, []string{"a", "b", "c", "d"}, 4},
		{[]string{"abcd"}, []string{"a", "b", "c", "d"}, 0},
		{[]string{"abc", "d"}, []string{"a", "b", "c", "d"}, 1},
		{[]string{"a", "bc", "d"}, []string{"a", "b", "c", "d"}, 2},
		{[]string{"a", "bc b c", "d"}, []string{"a", "b", "cd"}, 2},
		// Ours: a multi-word token whose words do not spell it aligns by
		// the longest common subsequence of forms ("a" and "c")…
		{[]string{"abc a BX c"}, []string{"a", "b", "c"}, 2},
		// … and a system word that starts before the multi-word token is
		// left out of its span, so "xa" does not align with the gold "xa".
		{[]string{"x", "ay xa q"}, []string{"xa", "y"}, 0},
	}
	for _, tt := range tests {
		var b strings.Builder
		b.WriteString("# text = ")
		for _, w := range tt.gold {
			b.WriteString(strings.Fields(w)[0])
		}
		b.WriteString("\n")
		id, gold := 0, 0
		for _, w := range tt.gold {
			parts := strings.Fields(w)
			if len(parts) > 1 {
				parts = parts[1:]
				b.WriteString(strconv.Itoa(id+1) + "-" + strconv.Itoa(id+len(parts)) + "\t" + strings.Fields(w)[0] + "\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n")
			}
			for _, p := range parts {
				id++
				b.WriteString(strconv.Itoa(id) + "\t" + p + "\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n")
			}
			gold += len(parts)
		}
		docs := readUDRaw(t, b.String())
		got, err := eval.UDRaw(docs, func(text string) (*parley.Doc, error) {
			d := parley.NewDoc(text)
			at := 0
			for _, f := range tt.sys {
				d.Tokens = append(d.Tokens, parley.Token{Start: at, End: at + len(f)})
				at += len(f)
			}
			return d, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		want := math.Round(100*200*float64(tt.correct)/float64(gold+len(tt.sys))) / 100
		if got.Words != want {
			t.Errorf("gold %q, system %q: Words = %v, want %v (%d aligned)", tt.gold, tt.sys, got.Words, want, tt.correct)
		}
	}
}
