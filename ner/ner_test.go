package ner

import (
	"bytes"
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/internal/corpus"
	"github.com/parley-events/parley/internal/wordcache"
)

// doc builds a document from sentences of space-separated tokens.
func doc(sents ...string) *parley.Doc {
	var text strings.Builder
	d := &parley.Doc{}
	for _, s := range sents {
		if text.Len() > 0 {
			text.WriteByte('\n')
		}
		start := len(d.Tokens)
		for j, w := range strings.Fields(s) {
			if j > 0 {
				text.WriteByte(' ')
			}
			d.Tokens = append(d.Tokens, parley.Token{Start: text.Len(), End: text.Len() + len(w), Head: -1})
			text.WriteString(w)
		}
		d.Sentences = append(d.Sentences, parley.Sentence{Tokens: parley.Span{Start: start, End: len(d.Tokens)}})
	}
	d.Text = text.String()
	d.Layers = parley.LayerTokens | parley.LayerSentences
	return d
}

// names returns "text/TYPE[/SUBTYPE]" for each entity of d.
func names(d *parley.Doc) []string {
	var out []string
	for _, e := range d.Entities {
		s := d.SpanText(e.Tokens) + "/" + string(e.Type)
		if e.Subtype != "" {
			s += "/" + e.Subtype
		}
		out = append(out, s)
	}
	return out
}

func TestValid(t *testing.T) {
	bPER, iPER, lPER, uPER := classOf(0, posB), classOf(0, posI), classOf(0, posL), classOf(0, posU)
	bORG := classOf(1, posB)
	for _, c := range []struct {
		prev, c int
		last    bool
		want    bool
	}{
		{-1, 0, false, true},
		{-1, bPER, false, true},
		{-1, bPER, true, false}, // a name cannot start on the last word and stay open
		{-1, iPER, false, false},
		{-1, uPER, true, true},
		{bPER, iPER, false, true},
		{bPER, lPER, true, true},
		{bPER, iPER, true, false},
		{bPER, 0, false, false},
		{bPER, bORG, false, false},
		{iPER, classOf(1, posL), false, false},
		{lPER, bORG, false, true},
		{uPER, iPER, false, false},
	} {
		if got := valid(c.prev, c.c, c.last); got != c.want {
			t.Errorf("valid(%d, %d, %v) = %v, want %v", c.prev, c.c, c.last, got, c.want)
		}
	}
}

func TestSpans(t *testing.T) {
	tags := []int{0, classOf(0, posB), classOf(0, posI), classOf(0, posL), classOf(2, posU), 0, classOf(3, posB)}
	got := spans(tags)
	want := []parley.Entity{
		{Tokens: parley.Span{Start: 1, End: 4}, Type: parley.PER},
		{Tokens: parley.Span{Start: 4, End: 5}, Type: parley.LOC},
	}
	if !slices.Equal(got, want) {
		t.Errorf("spans = %v, want %v", got, want)
	}
}

func TestWordsJoinHyphens(t *testing.T) {
	d := parley.NewDoc("He told Agence France-Presse on Tuesday - late.")
	for _, sp := range [][2]int{{0, 2}, {3, 7}, {8, 14}, {15, 21}, {21, 22}, {22, 28}, {29, 31}, {32, 39}, {40, 41}, {42, 46}, {46, 47}} {
		d.Tokens = append(d.Tokens, parley.Token{Start: sp[0], End: sp[1]})
	}
	ws, units := words(d, parley.Span{Start: 0, End: len(d.Tokens)}, nil, nil)
	want := []string{"He", "told", "Agence", "France-Presse", "on", "Tuesday", "-", "late", "."}
	if !slices.Equal(ws, want) {
		t.Fatalf("words = %q, want %q", ws, want)
	}
	if u := units[3]; u != (parley.Span{Start: 3, End: 6}) {
		t.Errorf("France-Presse spans tokens %v, want 3…6", u)
	}
}

func TestHarmonize(t *testing.T) {
	d := doc("Minister Anna Kovac spoke .", "Kovac said the Kovac plan failed .")
	d.Entities = []parley.Entity{
		{Tokens: parley.Span{Start: 1, End: 3}, Type: parley.PER},
		{Tokens: parley.Span{Start: 5, End: 6}, Type: parley.ORG},
		{Tokens: parley.Span{Start: 8, End: 9}, Type: parley.MISC},
	}
	harmonize(d)
	got := names(d)
	want := []string{"Anna Kovac/PER", "Kovac/PER", "Kovac/PER"}
	if !slices.Equal(got, want) {
		t.Errorf("after harmonize: %q, want %q", got, want)
	}
}

func TestDefaultRecognizer(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d := doc("Foreign Minister Lena Marsh flew to Ankara on Monday for talks with Turkish officials .",
		"Marsh told Reuters that the United Nations would send observers to Kyiv .")
	if err := r.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	got := names(d)
	for _, want := range []string{"Lena Marsh/PER", "Ankara/LOC/GPE", "Turkish/MISC/NORP", "Marsh/PER", "Reuters/ORG", "United Nations/ORG", "Kyiv/LOC/GPE"} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %s in %q", want, got)
		}
	}
}

func TestCapitalsAndLowerCase(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d := doc("REBELS SEIZE TOWN NEAR DONETSK AS MOSCOW WARNS KYIV",
		"Envoys Agree to Resume Talks on Border After Meeting in Geneva",
		"the interior ministry said police would stay .")
	if err := r.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	got := names(d)
	want := []string{"DONETSK/LOC/GPE", "MOSCOW/LOC/GPE", "KYIV/LOC/GPE", "Geneva/LOC/GPE"}
	if !slices.Equal(got, want) {
		t.Errorf("headlines and a lower-case sentence: got %q, want %q", got, want)
	}
}

func TestLexiconRoundTrip(t *testing.T) {
	l := &Lexicon{cats: map[uint64]Category{}}
	l.add("Port Vila", City|Capital)
	l.add("Ruritanian", Demonym)
	b, err := l.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	l2, err := LoadLexicon(b)
	if err != nil {
		t.Fatal(err)
	}
	if got := l2.Lookup([]string{"PORT", "vila"}); got != City|Capital {
		t.Errorf("Lookup(PORT vila) = %b, want %b", got, City|Capital)
	}
	if got := l2.Lookup([]string{"Ruritanian"}); got != Demonym {
		t.Errorf("Lookup(Ruritanian) = %b", got)
	}
	if got := l2.Lookup([]string{"Vila"}); got != 0 {
		t.Errorf("Lookup(Vila) = %b, want 0", got)
	}
	// "Port" starts a longer name: marked so, but no list of its own; the
	// search for names at a word finds the longer one through it.
	if got := l2.Lookup([]string{"Port"}); got != 0 || l2.cats[phraseHash([]string{"port"})] != startsLonger {
		t.Errorf("Lookup(Port) = %b, marked %b; want 0, marked %b", got, l2.cats[phraseHash([]string{"port"})], startsLonger)
	}
	var s sentence
	s.prepare([]string{"In", "Port", "Vila", "and", "Port", "Moresby"}, l2, nil)
	if len(s.gaz[1]) != 1 || s.gaz[1][0] != (gazMark{City | Capital, 'B'}) || len(s.gaz[2]) != 1 || s.gaz[2][0].Pos != 'L' || len(s.gaz[4]) != 0 {
		t.Errorf("the names found in the sentence: %v", s.gaz)
	}
	b2, _ := l2.MarshalBinary()
	if string(b) != string(b2) {
		t.Error("MarshalBinary is not stable across a round trip")
	}
	for _, bad := range [][]byte{nil, []byte("parley-lexicon-9\n"), b[:len(b)/2]} {
		if _, err := LoadLexicon(bad); parley.KindOf(err) != parley.Invalid {
			t.Errorf("LoadLexicon(%d bytes): err %v, want Invalid", len(bad), err)
		}
	}
}

func TestTrainTiny(t *testing.T) {
	per := func(s, e int) parley.Entity {
		return parley.Entity{Tokens: parley.Span{Start: s, End: e}, Type: parley.PER}
	}
	loc := func(s, e int) parley.Entity {
		return parley.Entity{Tokens: parley.Span{Start: s, End: e}, Type: parley.LOC}
	}
	train := []Doc{
		{Sentences: [][]string{strings.Fields("Anna Kovac visited Varna ."), strings.Fields("Kovac left Varna .")},
			Entities: [][]parley.Entity{{per(0, 2), loc(3, 4)}, {per(0, 1), loc(2, 3)}}},
		{Sentences: [][]string{strings.Fields("Boris Lind visited Tarsk .")},
			Entities: [][]parley.Entity{{per(0, 2), loc(3, 4)}}},
	}
	m := Train(train, nil, TrainOptions{Epochs: 10, Seed: 1})
	if f := m.F1(train, nil); f < 0.99 {
		t.Errorf("F1 on its training data = %.2f, want 1", f)
	}
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Load(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := m2.MarshalBinary()
	if string(b) != string(b2) {
		t.Error("model bytes change across a round trip")
	}
	again, _ := Train(train, nil, TrainOptions{Epochs: 10, Seed: 1}).MarshalBinary()
	if string(again) != string(b) {
		t.Error("training twice gives different bytes")
	}
}

// FuzzRecognize checks that entities on any text lie inside one
// sentence, in order, without overlap, and with known types.
func FuzzRecognize(f *testing.F) {
	f.Add("President Anna Kovac met NATO envoys in Brussels .\nTHE UNITED NATIONS SAID SO", "")
	f.Add("- - -- al-Qaeda / Agence France-Presse .", "x")
	f.Add("", "")
	r, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	forms := &sentence{forms: wordcache.NewTable[wordForm](maxForms)}
	f.Fuzz(func(t *testing.T, a, b string) {
		d := doc(strings.Split(a+"\n"+b, "\n")...)
		if err := r.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		sameAsScoringAll(t, r, d, forms)
		end := 0
		for _, e := range d.Entities {
			if e.Tokens.Start < end || e.Tokens.Empty() || e.Tokens.End > len(d.Tokens) {
				t.Fatalf("entity %v out of order or range (%d tokens)", e.Tokens, len(d.Tokens))
			}
			end = e.Tokens.End
			if !slices.Contains(types, e.Type) {
				t.Fatalf("entity type %q", e.Type)
			}
			in := false
			for _, s := range d.Sentences {
				in = in || s.Tokens.Start <= e.Tokens.Start && e.Tokens.End <= s.Tokens.End
			}
			if !in {
				t.Fatalf("entity %v crosses a sentence boundary", e.Tokens)
			}
		}
	})
}

// TestLexiconIsBuild checks that the embedded lexicon is what BuildLexicon
// makes of ../shared/data/geo, byte for byte.
func TestLexiconIsBuild(t *testing.T) {
	const dir = "../../shared/data/geo"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not found: the lexicon's sources are not here", dir)
	}
	l, err := BuildLexicon(dir)
	if err != nil {
		t.Fatal(err)
	}
	b, err := l.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, lexiconBin) {
		t.Errorf("BuildLexicon gives %d bytes that differ from the embedded lexicon.bin (%d); rebuild it with parley train ner", len(b), len(lexiconBin))
	}
}

// sameAsScoringAll checks that r, keeping word forms in kept, tags the
// sentences of d as it does scoring every word and working every form
// out afresh.
func sameAsScoringAll(t *testing.T, r *Recognizer, d *parley.Doc, kept *sentence) {
	t.Helper()
	a := &state{scores: make([]float32, r.m.p.Classes()), hist: map[string]string{}}
	a.s.forms = kept.forms // kept across documents, as by Process; b works every form out afresh
	b := &state{scores: make([]float32, r.m.p.Classes()), hist: map[string]string{}}
	for _, sent := range d.Sentences {
		a.words, a.units = words(d, sent.Tokens, a.words[:0], a.units[:0])
		got := slices.Clone(r.tag(a, a.words))
		want := r.tagWords(b, a.words, false)
		if !slices.Equal(got, want) {
			t.Fatalf("%q: tags %v, scoring every word %v", a.words, got, want)
		}
	}
}

// TestSkipIsExact: skipping the words no name may start at or continue
// through, and keeping what is worked out of each word form, change no
// tag. On the AFP/Xinhua articles when
// ../shared/data is present, and on sentences written for the test.
func TestSkipIsExact(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	forms := &sentence{forms: wordcache.NewTable[wordForm](maxForms)}
	sameAsScoringAll(t, r, doc("Foreign Minister Lena Marsh flew to Ankara on Monday for talks with Turkish officials .",
		"the interior ministry said al-Qaeda and the BBC that night reported from Kyiv .",
		"THE UNITED NATIONS SAID ON MONDAY THAT IT WOULD SEND OBSERVERS ."), forms)
	for _, text := range corpus.News(t, 400) {
		var sents []string
		for _, s := range strings.Split(text, "\n") {
			if s = strings.TrimSpace(s); s != "" {
				sents = append(sents, s)
			}
		}
		sameAsScoringAll(t, r, doc(sents...), forms)
	}
}
