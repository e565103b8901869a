package lemma

import (
	"bytes"
	"errors"
	"github.com/parley-events/parley/internal/wordcache"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/parley-events/parley"
)

// toy is a small training set written for these tests: regular verbs and
// nouns, a few irregular ones, clitics, proper nouns and sentence-initial
// capitals.
var toy = func() []Example {
	var ex []Example
	for _, w := range strings.Fields(`
		walked:VERB:VBD:walk talked:VERB:VBD:talk jumped:VERB:VBD:jump played:VERB:VBD:play
		Opened:VERB:VBD:open signed:VERB:VBD:sign warned:VERB:VBD:warn went:VERB:VBD:go
		met:VERB:VBD:meet walking:VERB:VBG:walk talking:VERB:VBG:talk signing:VERB:VBG:sign
		cats:NOUN:NNS:cat dogs:NOUN:NNS:dog talks:NOUN:NNS:talk troops:NOUN:NNS:troop
		Ministers:NOUN:NNS:minister children:NOUN:NNS:child cat:NOUN:NN:cat talk:NOUN:NN:talk
		n't:PART:RB:not 's:AUX:VBZ:be 's:AUX:VBZ:be 's:AUX:VBZ:have 's:PART:POS:'s
		ca:AUX:MD:can wo:AUX:MD:will The:DET:DT:the the:DET:DT:the
		Paris:PROPN:NNP:Paris Kyiv:PROPN:NNP:Kyiv Moscow:PROPN:NNP:Moscow
		Americans:PROPN:NNPS:American I:PRON:PRP:I i:PRON:PRP:I me:PRON:PRP:I
		secure:ADJ:JJ:secure .:PUNCT:.:. ,:PUNCT:,:,`) {
		f := strings.Split(w, ":")
		ex = append(ex, Example{Form: f[0], UPOS: f[1], XPOS: f[2], Lemma: f[3]})
	}
	return ex
}()

func TestTrainToy(t *testing.T) {
	m := Train(toy)
	tests := []struct{ form, upos, xpos, want string }{
		{"walked", "VERB", "VBD", "walk"},
		{"kicked", "VERB", "VBD", "kick"},    // unseen: the -ed rule
		{"Kicked", "VERB", "VBD", "kick"},    // sentence-initial capital lower-cased
		{"opened", "VERB", "VBD", "open"},    // seen capitalised only
		{"went", "VERB", "VBD", "go"},        // exception
		{"secured", "VERB", "VBD", "secure"}, // silent e, lemma known as an adjective only
		{"jumping", "VERB", "VBG", "jump"},   // unseen: the -ing rule
		{"birds", "NOUN", "NNS", "bird"},     // unseen: the -s rule
		{"Birds", "NOUN", "NNS", "bird"},     // capital lower-cased
		{"children", "NOUN", "NNS", "child"}, // exception
		{"n't", "PART", "RB", "not"},
		{"'s", "AUX", "VBZ", "be"}, // the majority reading
		{"'s", "PART", "POS", "'s"},
		{"ca", "AUX", "MD", "can"},
		{"wo", "AUX", "MD", "will"},
		{"The", "DET", "DT", "the"},
		{"Odesa", "PROPN", "NNP", "Odesa"}, // unseen proper noun keeps its case
		{"Europeans", "PROPN", "NNPS", "European"},
		{"i", "PRON", "PRP", "I"},
		{"12,500", "NUM", "CD", "12500"}, // digit-group commas dropped
		{"3,000.5", "NUM", "CD", "3000.5"},
		{"1,00", "NUM", "CD", "1,00"},
		{"walked", "", "", "walk"},       // untagged: the table of all words
		{"talks", "NOUN", "", "talk"},    // UPOS only
		{"talks", "NOUN", "FOO", "talk"}, // unknown XPOS: UPOS table
		{"x", "VERB", "VBD", "x"},        // nothing to strip
		{"", "NOUN", "NN", ""},
	}
	for _, tt := range tests {
		if got := m.Lemma(tt.form, tt.upos, tt.xpos); got != tt.want {
			t.Errorf("Lemma(%q, %q, %q) = %q, want %q", tt.form, tt.upos, tt.xpos, got, tt.want)
		}
	}
}

// TestTrainDeterministic checks that the example order does not change the
// encoded model.
func TestTrainDeterministic(t *testing.T) {
	want, err := Train(toy).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 5 {
		ex := append([]Example(nil), toy...)
		r.Shuffle(len(ex), func(i, j int) { ex[i], ex[j] = ex[j], ex[i] })
		got, err := Train(ex).MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("shuffle %d: encoding differs (%d bytes, want %d)", i, len(got), len(want))
		}
	}
}

func TestRoundTrip(t *testing.T) {
	m := Train(toy)
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	b2, err := m2.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, b2) {
		t.Errorf("re-encoding differs: %d bytes, want %d", len(b2), len(b))
	}
	for _, x := range append(toy, Example{Form: "kicked", UPOS: "VERB", XPOS: "VBD"}, Example{Form: "Birds", UPOS: "NOUN", XPOS: "NNS"}) {
		if got, want := m2.Lemma(x.Form, x.UPOS, x.XPOS), m.Lemma(x.Form, x.UPOS, x.XPOS); got != want {
			t.Errorf("loaded Lemma(%q, %q, %q) = %q, want %q", x.Form, x.UPOS, x.XPOS, got, want)
		}
	}
}

func TestLoadInvalid(t *testing.T) {
	good, err := Train(toy).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	newer := bytes.Clone(good)
	newer[len(magic)-1]++
	tests := map[string][]byte{
		"empty":     nil,
		"not model": []byte("hello, world"),
		"version":   newer,
		"truncated": good[:len(good)/2],
		"no body":   []byte(magic),
		"garbage":   append([]byte(magic), 0xff, 0x00, 0x13),
	}
	for name, b := range tests {
		_, err := Load(bytes.NewReader(b))
		if parley.KindOf(err) != parley.Invalid {
			t.Errorf("%s: Load error %v, want kind %v", name, err, parley.Invalid)
		}
	}
	if _, err := Load(errReader{}); parley.KindOf(err) != parley.IO {
		t.Errorf("failing reader: Load error %v, want kind %v", err, parley.IO)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

// TestDefault checks the shipped model on sentences written for the test.
func TestDefault(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ form, upos, xpos, want string }{
		// "Delegations were meeting in Istanbul, but they didn't agree."
		{"Delegations", "NOUN", "NNS", "delegation"},
		{"were", "AUX", "VBD", "be"},
		{"meeting", "VERB", "VBG", "meet"},
		{"Istanbul", "PROPN", "NNP", "Istanbul"},
		{"they", "PRON", "PRP", "they"},
		{"did", "AUX", "VBD", "do"},
		{"n't", "PART", "RB", "not"},
		{"agree", "VERB", "VB", "agree"},
		// "Kyiv's envoys said talks had stalled; we're told they'll resume."
		{"'s", "PART", "POS", "'s"},
		{"envoys", "NOUN", "NNS", "envoy"},
		{"said", "VERB", "VBD", "say"},
		{"had", "AUX", "VBD", "have"},
		{"stalled", "VERB", "VBN", "stall"},
		{"'re", "AUX", "VBP", "be"},
		{"told", "VERB", "VBN", "tell"},
		{"'ll", "AUX", "MD", "will"},
		{"resume", "VERB", "VB", "resume"},
		// "It's cheaper; I ca n't say the women wo n't."
		{"'s", "AUX", "VBZ", "be"},
		{"cheaper", "ADJ", "JJR", "cheap"},
		{"better", "ADJ", "JJR", "good"},
		{"ca", "AUX", "MD", "can"},
		{"wo", "AUX", "MD", "will"},
		{"women", "NOUN", "NNS", "woman"},
		{"children", "NOUN", "NNS", "child"},
		{"I", "PRON", "PRP", "I"},
		{"me", "PRON", "PRP", "I"},
		{"us", "PRON", "PRP", "we"},
		// Unseen forms: rules, silent e, undoubled consonants.
		{"defrosted", "VERB", "VBD", "defrost"},
		{"reshelving", "VERB", "VBG", "reshelve"},
		{"Sanctioning", "VERB", "VBG", "sanction"},
		// A participle tagged as a past tense, and the other way round.
		{"broken", "VERB", "VBD", "break"},
		{"stolen", "VERB", "VBD", "steal"},
		{"broke", "VERB", "VBN", "break"},
		{"Zelenskyy", "PROPN", "NNP", "Zelenskyy"},
		{"1,250,000", "NUM", "CD", "1250000"},
		{"42", "NUM", "CD", "42"},
		{".", "PUNCT", ".", "."},
	}
	for _, tt := range tests {
		if got := l.m.Lemma(tt.form, tt.upos, tt.xpos); got != tt.want {
			t.Errorf("Lemma(%q, %q, %q) = %q, want %q", tt.form, tt.upos, tt.xpos, got, tt.want)
		}
	}
}

func TestProcess(t *testing.T) {
	l := New(Train(toy))
	d := parley.NewDoc("Ministers met in Paris. https://x.org")
	words := []struct {
		start, end int
		kind       parley.TokenKind
		upos, xpos string
		lemma, of  string
	}{
		{0, 9, parley.TokWord, "NOUN", "NNS", "minister", "minister"},
		{10, 13, parley.TokWord, "VERB", "VBD", "meet", "meet"},
		{14, 16, parley.TokWord, "ADP", "IN", "", "in"},
		{17, 22, parley.TokWord, "PROPN", "NNP", "", "Paris"},
		{22, 23, parley.TokPunct, "PUNCT", ".", "", "."},
		{24, 37, parley.TokURL, "X", "ADD", "", "https://x.org"},
	}
	for _, w := range words {
		d.Tokens = append(d.Tokens, parley.Token{Start: w.start, End: w.end, Kind: w.kind, UPOS: w.upos, XPOS: w.xpos, Lemma: "stale", Head: -1})
	}
	if err := l.Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	for i, w := range words {
		if got := d.Tokens[i].Lemma; got != w.lemma {
			t.Errorf("token %d %q: Lemma = %q, want %q", i, d.TokenText(i), got, w.lemma)
		}
		if got := Of(d, i); got != w.of {
			t.Errorf("Of(d, %d) = %q, want %q", i, got, w.of)
		}
	}

	// Without tags the form alone decides.
	for i := range d.Tokens {
		d.Tokens[i].UPOS, d.Tokens[i].XPOS = "", ""
	}
	if err := l.Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	if got := Of(d, 0); got != "minister" {
		t.Errorf("untagged: Of(d, 0) = %q, want %q", got, "minister")
	}
}

// TestProcessCache checks that the lemmas Process remembers are the
// model's: words repeated with the same and with other tags, in one
// document and in the next, each get Model.Lemma's answer, and the cache
// starts over when full.
func TestProcessCache(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := [][3]string{
		{"The", "DET", "DT"}, {"talks", "NOUN", "NNS"}, {"talks", "VERB", "VBZ"}, {"resumed", "VERB", "VBD"},
		{"Talks", "NOUN", "NNS"}, {"resumed", "VERB", "VBN"}, {"were", "AUX", "VBD"}, {"the", "DET", "DT"},
		{"talks", "NOUN", "NNS"}, {"Ministers", "NOUN", "NNS"}, {"left", "VERB", "VBD"}, {"left", "ADJ", "JJ"},
	}
	doc := func() *parley.Doc {
		var text strings.Builder
		var toks []parley.Token
		for _, w := range words {
			toks = append(toks, parley.Token{Start: text.Len(), End: text.Len() + len(w[0]), UPOS: w[1], XPOS: w[2]})
			text.WriteString(w[0] + " ")
		}
		d := parley.NewDoc(text.String())
		d.Tokens = toks
		return d
	}
	check := func(d *parley.Doc) {
		t.Helper()
		for i, w := range words {
			if got, want := Of(d, i), l.m.Lemma(w[0], w[1], w[2]); got != want {
				t.Errorf("%s/%s: lemma %q, Model.Lemma %q", w[0], w[2], got, want)
			}
		}
	}
	for range 3 { // the second and third documents read the cache
		d := doc()
		if err := l.Process(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		check(d)
	}
	// A full cache starts over and still answers right.
	c := &lemmaCache{lemmas: wordcache.NewTable[string](maxCached), tags: map[tagPair]byte{}}
	for i := range maxCached {
		c.lookup(l.m, strconv.Itoa(i), "NUM", "CD")
	}
	// So does one that has met more tag pairs than a key can number.
	for i := range 300 {
		c.lookup(l.m, "walked", "VERB", "X"+strconv.Itoa(i))
	}
	l.cache.Put(c)
	d := doc()
	if err := l.Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	check(d)
}
