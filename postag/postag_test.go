package postag

import (
	"bytes"
	"strings"
	"testing"

	"github.com/parley-events/parley"
)

func TestDefaultTags(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("The ministers signed a ceasefire agreement in Geneva on Tuesday .")
	upos, xpos := tg.Tag(words)
	want := map[int][2]string{0: {"DET", "DT"}, 1: {"NOUN", "NNS"}, 2: {"VERB", "VBD"}, 7: {"PROPN", "NNP"}, 10: {"PUNCT", "."}}
	for i, w := range want {
		if upos[i] != w[0] || xpos[i] != w[1] {
			t.Errorf("%s: %s/%s, want %s/%s", words[i], upos[i], xpos[i], w[0], w[1])
		}
	}
}

// TestInterjectionMend checks that a word read as an interjection between
// a noun phrase and its object's determiner is tagged as a verb.
func TestInterjectionMend(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("Kenya and Uganda welcome a resumption of formal ties with Somalia .")
	upos, _ := tg.Tag(words)
	if upos[3] != "VERB" {
		t.Errorf("welcome: %s, want VERB (%v)", upos[3], upos)
	}
	// Where an interjection belongs, at a clause's edge, it stays one.
	words = strings.Fields("The talks , oh well , failed again .")
	if upos, _ := tg.Tag(words); upos[3] != "INTJ" {
		t.Errorf("oh: %s, want INTJ (%v)", upos[3], upos)
	}
}

// TestDayBeforeVerbMend checks that the word after a noun phrase and its
// day ("on Friday") is read as the clause's verb, not as a participle,
// whatever follows it.
func TestDayBeforeVerbMend(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		i    int
		want string
	}{
		{"The Estonian parliament on Friday ruled that the referendum was void .", 5, "VBD"},
		{"The Senate of Chile on Monday evening called for fresh talks .", 7, "VBD"},
		{"President Lula on Saturday hosted the Chilean leader .", 4, "VBD"},
	} {
		words := strings.Fields(c.text)
		if _, xpos := tg.Tag(words); xpos[c.i] != c.want {
			t.Errorf("%s: %s is %s, want %s (%v)", c.text, words[c.i], xpos[c.i], c.want, xpos)
		}
	}
}

func TestProcessSetsFeats(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d := parley.NewDoc("Rebels attacked the town.")
	d.Tokens = []parley.Token{{Start: 0, End: 6}, {Start: 7, End: 15}, {Start: 16, End: 19}, {Start: 20, End: 24}, {Start: 24, End: 25}}
	d.Sentences = []parley.Sentence{{Tokens: parley.Span{Start: 0, End: 5}}}
	if err := tg.Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	if tok := d.Tokens[1]; tok.XPOS != "VBD" || !strings.Contains(tok.Feats, "Tense=Past") {
		t.Errorf("attacked: %s %q, want VBD with Tense=Past", tok.XPOS, tok.Feats)
	}
	if tok := d.Tokens[0]; tok.XPOS != "NNS" || !strings.Contains(tok.Feats, "Number=Plur") {
		t.Errorf("Rebels: %s %q, want NNS with Number=Plur", tok.XPOS, tok.Feats)
	}
}

func TestModelRoundTrip(t *testing.T) {
	train := []Sentence{
		{Words: strings.Fields("Envoys met in Geneva ."), UPOS: strings.Fields("NOUN VERB ADP PROPN PUNCT"), XPOS: strings.Fields("NNS VBD IN NNP .")},
		{Words: strings.Fields("Police detained protesters ."), UPOS: strings.Fields("NOUN VERB NOUN PUNCT"), XPOS: strings.Fields("NNS VBD NNS .")},
	}
	m := Train(train, nil, TrainOptions{Epochs: 5, Seed: 3})
	b1, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(b1))
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := m2.MarshalBinary()
	if !bytes.Equal(b1, b2) {
		t.Error("marshal → load → marshal changed the bytes")
	}
	b3, _ := Train(train, nil, TrainOptions{Epochs: 5, Seed: 3}).MarshalBinary()
	if !bytes.Equal(b1, b3) {
		t.Error("training twice gave different bytes")
	}
	if _, err := Load(bytes.NewReader([]byte("junk"))); parley.KindOf(err) != parley.Invalid {
		t.Errorf("Load(junk) error = %v, want Invalid", err)
	}
}

// FuzzTag checks that every word gets a tag pair from the model's classes.
func FuzzTag(f *testing.F) {
	tg, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("The envoys met in Geneva .")
	f.Add("\xff 12 ,,, U.S.")
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Fields(s)
		upos, xpos := tg.Tag(words)
		if len(upos) != len(words) || len(xpos) != len(words) {
			t.Fatalf("%d/%d tags for %d words", len(upos), len(xpos), len(words))
		}
		for i := range words {
			if upos[i] == "" || xpos[i] == "" {
				t.Fatalf("word %d %q untagged", i, words[i])
			}
		}
	})
}
