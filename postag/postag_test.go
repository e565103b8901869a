package postag

import (
	"bytes"
	"slices"
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
	checkTags(t, []tagCase{
		{"The Estonian parliament on Friday ruled that the referendum was void .", 5, "", "VBD"},
		{"The Senate of Chile on Monday evening called for fresh talks .", 7, "", "VBD"},
		{"President Lula on Saturday hosted the Chilean leader .", 4, "", "VBD"},
	})
}

// tagCase is a word of a sentence (its index i) and the tags the default
// tagger must give it; an empty upos or xpos is not checked.
type tagCase struct {
	text       string
	i          int
	upos, xpos string
}

// checkTags tags each case's sentence with the default tagger and reports
// every word whose tags are not the case's.
func checkTags(t *testing.T, cases []tagCase) {
	t.Helper()
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		words := strings.Fields(c.text)
		upos, xpos := tg.Tag(words)
		if c.upos != "" && upos[c.i] != c.upos || c.xpos != "" && xpos[c.i] != c.xpos {
			t.Errorf("%s: %s is %s/%s, want %s/%s (%v)", c.text, words[c.i], upos[c.i], xpos[c.i], c.upos, c.xpos, xpos)
		}
	}
}

// TestVerbMends checks the tagger's decoding rules for a clause's verb:
// an open-class word is never an auxiliary ("reject" after a plural
// name), "have" before a participle is the perfect's auxiliary, a past
// form read as an adjective between the opening noun phrase and an
// object is the verb when the main clause has no other, a present tense
// read as a plural noun ends a clause's noun phrase (and a past form read
// as a singular one after a name), and a demand's
// clause has its subjunctive verb and its conjunction "that". Most
// sentences are ones the model misreads without their rule; the others
// guard what the rules must keep.
func TestVerbMends(t *testing.T) {
	checkTags(t, []tagCase{
		{"The Kurds reject proposed Israeli changes to the land deal , a negotiator said .", 2, "VERB", "VB"},
		{"Iran has threatened to halt talks on its uranium programme if the European Union goes ahead with planned sanctions on its banks , the Tehran Times reported today .", 1, "AUX", "VBZ"},
		{"Iran has threatened to halt talks on its uranium programme if the European Union goes ahead with planned sanctions on its banks , the Tehran Times reported today .", 4, "VERB", "VB"},
		{"Serbia has threatened to recall its envoy if the United Nations goes ahead with the planned vote , the Belgrade daily said today .", 1, "AUX", "VBZ"},
		{"Army engineers demolished illegal structures in the camp after the flood .", 2, "VERB", "VBD"},
		{"Freedonia departs from the league after the vote , officials said .", 1, "VERB", "VBZ"},
		// A past form read as a noun right after a name, in a clause
		// with no other verb, is its verb; with one, it stays a noun.
		{"Freedonia shot down two Sylvanian drones .", 1, "VERB", "VBD"},
		{"Freedonia shot down 40 Sylvanian drones on Tuesday .", 1, "VERB", "VBD"},
		{"The Freedonia shot was heard across the border .", 2, "NOUN", "NN"},
		{"Freedonian air defences shot down 93 Sylvanian drones .", 3, "VERB", "VBD"},
		{"The envoy left when the ceasefire collapses .", 6, "VERB", "VBZ"},
		{"Investors will sell if the merger proceeds .", 6, "VERB", "VBZ"},
		{"Chile renewed its demand that Peru ease the restrictions on fishermen .", 6, "VERB", "VB"},
		{"Chile renewed its demand that Peru ease the restrictions on fishermen .", 4, "SCONJ", "IN"},
		{"Chile demanded on Friday that Peru lift the ban on imports .", 6, "VERB", "VB"},
		{"Chile renewed its demand today that Peru ease restrictions on fishermen .", 7, "VERB", "VB"},
		{"The council met in Lisbon , which Freeman chairs , on Monday .", 8, "VERB", "VBZ"},
		// A past form the treebanks never have as a present is no
		// present ("shot" read as VBP after a plural subject).
		{"Freedonian troops shot dead two Sylvanian rebels on Monday .", 2, "VERB", "VBD"},
	})
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// A reduced relative before the clause's verb stays a participle or
	// adjective, and so does one in a clause that has its verb.
	for _, c := range []struct {
		text string
		i    int
	}{
		{"Soldiers wounded in the raid were flown home .", 1},
		{"Relief officials concerned about the convoys met on Monday .", 2},
		// (And one the tagger read as the verb: "snatched" with "have
		// been released" after it.)
		{"Ten of the men snatched in the raid by gunmen have been released .", 4},
		{"Explosives strapped to a donkey were detonated near the market .", 1},
	} {
		words := strings.Fields(c.text)
		if _, xpos := tg.Tag(words); xpos[c.i] == "VBD" {
			t.Errorf("%s: %s is VBD, want a participle or adjective (%v)", c.text, words[c.i], xpos)
		}
	}
	// A plural noun whose singular training has only as a verb stays a
	// noun when the clause has its verb.
	checkTags(t, []tagCase{
		{"Kidney transplants have risen sharply this year .", 1, "", "NNS"},
		{"The hospital transplants were delayed by the strike .", 2, "", "NNS"},
		{"The office closed after frequent air raids .", 6, "", "NNS"},
		{"The troops advanced after Freedonian warplanes bombed the airport .", 5, "", "NNS"},
	})
}

// TestInfinitives checks that after a word taking an infinitive, the
// word after "to" is a base verb and "to" its marker, even for verbs the
// treebanks hold only as nouns; and that a noun or a noun phrase after
// "to" stays one where the word before is a noun, or the adjective
// starts a noun phrase.
func TestInfinitives(t *testing.T) {
	checkTags(t, []tagCase{
		{"The militia refused to hand over the two suspects .", 4, "VERB", "VB"},
		{"The militia refused to hand over the two suspects .", 3, "PART", "TO"},
		{"Farmers are likely to voice concern over the prices .", 4, "VERB", "VB"},
		{"The two ministers have been trying to repair relations .", 7, "VERB", "VB"},
		{"The senate vote condemned the plan to failure .", 7, "NOUN", "NN"},
		{"The firm offered to current staff a bonus .", 4, "ADJ", "JJ"},
	})
}

// TestCoordinatedPast checks that a participle after "and" that follows
// a past-tense verb's clause is the past tense too, and that one after an
// adjective stays a participle.
func TestCoordinatedPast(t *testing.T) {
	checkTags(t, []tagCase{
		{"The Kenyan cabinet denounced the Somali raid on Monday and promised aid to the flooded villages .", 10, "VERB", "VBD"},
		{"The blast killed eight people and injured 60 others .", 6, "VERB", "VBD"},
		{"The minister defended the plan , but rejected the new and improved proposal .", 11, "VERB", "VBN"},
	})
}

// TestPrepositionalNouns checks that a word ending a preposition's or a
// verb's object phrase is a noun, not a base verb; and that a base verb
// after a subject with a prepositional phrase, after a modal or "do",
// or after the object of a verb of letting or demanding, stays one.
func TestPrepositionalNouns(t *testing.T) {
	checkTags(t, []tagCase{
		{"He said two rebel commanders were among those killed in the air raid .", 12, "NOUN", "NN"},
		{"The militants were arrested under an international arrest warrant .", 8, "NOUN", "NN"},
		{"Analysts argued against a December rate hike by the central bank .", 6, "NOUN", "NN"},
		{"The soldier was sent off for a brutal tackle from behind .", 8, "NOUN", "NN"},
		{"Police went to the city to serve an arrest warrant against a group of traders .", 9, "NOUN", "NN"},
		{"The envoy rebuffed the US stand on Tuesday , saying inspectors would not go .", 5, "NOUN", "NN"},
		{"The leader had taken a salute from the general at the parade .", 5, "NOUN", "NN"},
		{"Residents insisted the team take pictures of the site .", 4, "VERB", "VB"},
		{"The rally helped the index climb two percent .", 5, "VERB", "VB"},
		{"Rebels in the north continue the fight .", 4, "VERB", "VBP"},
		{"How does the life of the mind proceed ?", 7, "VERB", "VB"},
	})
}

// TestClauseOpeners checks that "after", "before", "since" and "until"
// before a clause are subordinating conjunctions and before a noun phrase
// alone prepositions.
func TestClauseOpeners(t *testing.T) {
	checkTags(t, []tagCase{
		{"Freedonia has celebrated the holiday at the capital with its allies after a soldier was reported missing on the border .", 11, "SCONJ", ""},
		{"The envoy left the capital after the coalition talks collapsed .", 5, "SCONJ", ""},
		{"The ministers will keep talking until a deal is signed .", 5, "SCONJ", ""},
		{"The envoy left the capital after the coalition talks .", 5, "ADP", ""},
		{"The ministers met until noon on Monday .", 3, "ADP", ""},
	})
}

// TestPrepositions checks that a preposition the treebanks hardly hold
// is tagged as one wherever it stands.
func TestPrepositions(t *testing.T) {
	checkTags(t, []tagCase{
		{"The ministry ordered a review amid mounting pressure to close the camps .", 5, "ADP", "IN"},
		{"Amid the shelling , aid convoys turned back .", 0, "ADP", "IN"},
		{"Markets fell amid fears of a wider war .", 2, "ADP", "IN"},
	})
}

// TestAuxiliariesClosed checks that a word training never saw as an
// auxiliary is not tagged as one, that a word it saw keeps the class, and
// that base rules (jack-knifing's) leave the model's choice alone.
func TestAuxiliariesClosed(t *testing.T) {
	m := &Model{upos: []string{"AUX", "NOUN", "VERB"}, xpos: []string{"VBD", "NN", "VBD"}, aux: map[string]bool{"was": true}}
	m.setClasses()
	scores := []float32{3, 1, 2}
	for _, c := range []struct {
		word string
		keep func(int) bool
		aux  bool
		want int
	}{
		{"reject", nil, true, 2},
		{"Was", nil, true, 0},
		{"reject", func(c int) bool { return c != 2 }, true, 1},
		{"reject", func(c int) bool { return c == 0 }, true, -1},
		{"reject", nil, false, 0},
	} {
		if got := m.best(scores, c.word, c.keep, c.aux); got != c.want {
			t.Errorf("best(%q, aux rule %v) = %d, want %d", c.word, c.aux, got, c.want)
		}
	}
	train := []Sentence{{Words: strings.Fields("Talks Were held ."), UPOS: strings.Fields("NOUN AUX VERB PUNCT"), XPOS: strings.Fields("NNS VBD VBN .")}}
	if got := Train(train, nil, TrainOptions{Epochs: 1}).aux; len(got) != 1 || !got["were"] {
		t.Errorf("auxiliaries learnt from %v: %v, want were only", train[0].Words, got)
	}
}

// TestBaseRules checks that the base tagger leaves out the later rules
// and keeps the base ones.
func TestBaseRules(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("Iran has threatened to halt talks on its uranium programme if the European Union goes ahead with planned sanctions on its banks , the Tehran Times reported today .")
	if upos, _ := tg.Base().Tag(words); upos[1] != "VERB" {
		t.Errorf("base rules: has is %s, want the model's VERB", upos[1])
	}
	words = strings.Fields("Rebels attacked the convoy near the border , officials said .")
	a, _ := tg.Tag(words)
	b, _ := tg.Base().Tag(words)
	if !slices.Equal(a, b) {
		t.Errorf("%v: base %v, full %v", words, b, a)
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
		{Words: strings.Fields("Talks were held ."), UPOS: strings.Fields("NOUN AUX VERB PUNCT"), XPOS: strings.Fields("NNS VBD VBN .")},
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
	if len(m2.aux) != 1 || !m2.aux["were"] {
		t.Errorf("auxiliaries after loading: %v", m2.aux)
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
	f.Add("They refused to hand over 12 men and promised aid after the air raid .")
	f.Add("to to hand and killed in the raid")
	st := &state{scores: make([]float32, tg.m.p.Classes())} // kept across inputs
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Fields(s)
		sameTags(t, tg, st, words)
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
