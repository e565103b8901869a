package depparse

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/parley-events/parley/cluster"
)

// tinyModel trains a parser on a few hand-written sentences, so tests of
// the machinery do not depend on the embedded model.
func tinyModel(tb testing.TB) *Model {
	tb.Helper()
	return Train(tinyTreebank(), nil, TrainOptions{Epochs: 10, Seed: 1, Prune: 1e-9})
}

// tinyNetwork trains a network on the same sentences.
func tinyNetwork(tb testing.TB) *Model {
	tb.Helper()
	return TrainNetwork(tinyTreebank(), nil, TrainOptions{Epochs: 10, Seed: 1, Hidden: 64, Bits: 10, Dropout: -1, WordDropout: -1})
}

func tinyTreebank() []Sentence {
	mk := func(words, xpos, upos, heads, rels string) Sentence {
		s := Sentence{Words: strings.Fields(words), XPOS: strings.Fields(xpos), UPOS: strings.Fields(upos), Rels: strings.Fields(rels)}
		for _, h := range strings.Fields(heads) {
			n := 0
			for _, c := range h {
				n = n*10 + int(c-'0')
			}
			s.Heads = append(s.Heads, n-1)
		}
		return s
	}
	train := []Sentence{
		mk("Envoys met in Geneva .", "NNS VBD IN NNP .", "NOUN VERB ADP PROPN PUNCT", "2 0 4 2 2", "nsubj root case obl punct"),
		mk("Police detained twelve protesters .", "NNS VBD CD NNS .", "NOUN VERB NUM NOUN PUNCT", "2 0 4 2 2", "nsubj root nummod obj punct"),
		mk("The talks resumed .", "DT NNS VBD .", "DET NOUN VERB PUNCT", "2 3 0 3", "det nsubj root punct"),
		mk("Rebels attacked the town and fled .", "NNS VBD DT NN CC VBD .", "NOUN VERB DET NOUN CCONJ VERB PUNCT", "2 0 4 2 6 2 2", "nsubj root det obj cc conj punct"),
	}
	return train
}

func TestTinyModelLearns(t *testing.T) {
	perc, net := tinyModel(t), tinyNetwork(t)
	both, err := Combine(perc, net, 1)
	if err != nil {
		t.Fatal(err)
	}
	for name, m := range map[string]*Model{"perceptron": perc, "network": net, "combined": both} {
		p := New(m)
		heads, rels := p.Parse(strings.Fields("Envoys met in Geneva ."), strings.Fields("NNS VBD IN NNP ."), strings.Fields("NOUN VERB ADP PROPN PUNCT"))
		want := []int{1, -1, 3, 1, 1}
		if !slices.Equal(heads, want) {
			t.Fatalf("%s: heads = %v, want %v (rels %v)", name, heads, want, rels)
		}
		if rels[1] != "root" || rels[0] != "nsubj" {
			t.Errorf("%s: rels = %v", name, rels)
		}
	}
}

// TestCombine checks which moves each scorer of a combined model
// chooses: with margin 0 the network all, with a margin no lead reaches
// the perceptron all (after the network passed them), and that models
// which do not fit together are refused.
func TestCombine(t *testing.T) {
	perc, net := tinyModel(t), tinyNetwork(t)
	words, tags := strings.Fields("Rebels attacked the town and fled ."), strings.Fields("NNS VBD DT NN CC VBD .")
	for _, c := range []struct {
		margin     float32
		netOnly    bool
		percAlways bool
	}{{0, true, false}, {1e9, false, true}} {
		m, err := Combine(perc, net, c.margin)
		if err != nil {
			t.Fatal(err)
		}
		p := New(m)
		p.Parse(words, tags, tags)
		n, q := p.Moves()
		if n == 0 || c.netOnly && q != 0 || c.percAlways && q != n {
			t.Errorf("margin %g: network %d moves, perceptron %d", c.margin, n, q)
		}
	}
	// WithMargin changes the margin only.
	m, _ := Combine(perc, net, 0)
	p := New(m).WithMargin(1e9)
	p.Parse(words, tags, tags)
	if n, q := p.Moves(); q != n {
		t.Errorf("WithMargin(1e9): network %d moves, perceptron %d", n, q)
	}
	other := tinyTreebank()[:2] // fewer relations
	fewer := TrainNetwork(other, nil, TrainOptions{Epochs: 1, Seed: 1, Hidden: 64, Bits: 10})
	for name, pair := range map[string][2]*Model{
		"no perceptron":   {net, net},
		"no network":      {perc, perc},
		"other relations": {perc, fewer},
	} {
		if _, err := Combine(pair[0], pair[1], 1); err == nil {
			t.Errorf("%s: combined", name)
		}
	}
	clus := *net
	clus.clus = map[string]cluster.Cluster{"envoys": {Fine: 1, Coarse: 1}}
	if _, err := Combine(perc, &clus, 1); err == nil {
		t.Errorf("other clusters: combined")
	}
}

// TestNetworkRoundTrip checks that a network model reads back as the
// same bytes, and that a perceptron's file is not taken for one.
func TestNetworkRoundTrip(t *testing.T) {
	net := tinyNetwork(t)
	b, err := net.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Load(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if back.p != nil || back.net == nil {
		t.Fatalf("a network read back as perceptron %v, network %v", back.p != nil, back.net != nil)
	}
	b2, _ := back.MarshalBinary()
	if !bytes.Equal(b, b2) {
		t.Errorf("network model: %d bytes written, %d after reading back", len(b), len(b2))
	}
	if _, err := Load(bytes.NewReader(b[:len(b)/2])); err == nil {
		t.Errorf("half a network model loaded")
	}
}

// checkTree asserts a single root, heads in range and no cycles.
func checkTree(tb testing.TB, heads []int, rels []string) {
	tb.Helper()
	roots := 0
	for i, h := range heads {
		if h == -1 {
			roots++
			if rels[i] != "root" {
				tb.Fatalf("root %d labelled %q", i, rels[i])
			}
			continue
		}
		if h < 0 || h >= len(heads) || h == i {
			tb.Fatalf("head %d of word %d out of range", h, i)
		}
		if rels[i] == "root" {
			tb.Fatalf("non-root word %d labelled root", i)
		}
	}
	if len(heads) > 0 && roots != 1 {
		tb.Fatalf("%d roots in %v", roots, heads)
	}
	for i := range heads {
		seen := 0
		for j := i; j != -1; j = heads[j] {
			if seen++; seen > len(heads) {
				tb.Fatalf("cycle through word %d: %v", i, heads)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("Envoys met in Geneva .", "NNS VBD IN NNP .")
	f.Add("a", "DT")
	f.Add(". . . .", "VBD VBD VBD VBD")
	m, err := Combine(tinyModel(f), tinyNetwork(f), 1) // both scorers choose moves
	if err != nil {
		f.Fatal(err)
	}
	p := New(m)
	f.Fuzz(func(t *testing.T, words, tags string) {
		w, x := strings.Fields(words), strings.Fields(tags)
		for len(x) < len(w) {
			x = append(x, "NN")
		}
		x = x[:len(w)]
		heads, rels := p.Parse(w, x, x)
		if len(heads) != len(w) {
			t.Fatalf("%d heads for %d words", len(heads), len(w))
		}
		checkTree(t, heads, rels)
	})
}

// FuzzLoad feeds Load corrupt parser files, perceptron and network: each
// is rejected with an error or loads, never panics, and a perceptron that
// loads parses a sentence into a tree.
func FuzzLoad(f *testing.F) {
	for _, m := range []*Model{tinyModel(f), tinyNetwork(f)} {
		b, err := m.MarshalBinary()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(magic + "\xff\xff\xff\xff\x0f"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Load(bytes.NewReader(b))
		if err != nil || m.p == nil {
			return
		}
		w := []string{"Envoys", "met", "in", "Geneva", "."}
		x := []string{"NNS", "VBD", "IN", "NNP", "."}
		heads, rels := New(m).Parse(w, x, x)
		checkTree(t, heads, rels)
	})
}

// mendState returns a parse state over words with their Universal tags
// and the given tree (relations named from labels), for testing a mend.
func mendState(labels, words, upos []string, heads []int, rels []string) *parseState {
	st := newParseState(2*len(labels) + 1)
	st.reset(len(words))
	st.labelNames = labels
	copy(st.words, words)
	copy(st.upos, upos)
	copy(st.heads, heads)
	for j, l := range rels {
		st.labels[j] = slices.Index(labels, l)
	}
	return st
}

// mended returns the heads and relation names of the first n words of st.
func mended(st *parseState, labels []string, n int) ([]int, []string) {
	var got []string
	for _, l := range st.labels[:n] {
		got = append(got, labels[l])
	}
	return st.heads[:n], got
}

// TestMendAdjectives checks the repair of a capitalised adjective hung
// from a verb before "and" and another adjective of a noun: the two are
// conjoined on the noun. A lower-case one is left alone.
func TestMendAdjectives(t *testing.T) {
	labels := []string{"amod", "cc", "conj", "nsubj", "root"}
	for _, c := range []struct {
		caps       []bool
		wantHeads  []int
		wantLabels []string
	}{
		{[]bool{true, false, true, false, false}, []int{3, 2, 0, 4, 5}, []string{"amod", "cc", "conj", "nsubj", "root"}},
		{[]bool{false, false, false, false, false}, []int{4, 4, 3, 4, 5}, []string{"amod", "cc", "amod", "nsubj", "root"}},
	} {
		st := mendState(labels, []string{"ethiopian", "and", "egyptian", "negotiators", "agreed"},
			[]string{"ADJ", "CCONJ", "ADJ", "NOUN", "VERB"}, []int{4, 4, 3, 4, 5}, []string{"amod", "cc", "amod", "nsubj", "root"})
		copy(st.caps, c.caps)
		mendAdjectives(st, 5, relationsOf(labels))
		if heads, got := mended(st, labels, 5); !slices.Equal(heads, c.wantHeads) || !slices.Equal(got, c.wantLabels) {
			t.Errorf("caps %v: heads %v labels %v, want %v %v", c.caps, heads, got, c.wantHeads, c.wantLabels)
		}
	}
}

// TestMendAttribution checks the repair of a trailing attribution read
// as an apposition: "…, local newspaper Haaretz reported." The phrase
// after the last comma becomes the subject of the sentence's verb of
// saying, and a subject the parser gave it from before the comma an
// unspecified dependent; another verb is left alone.
func TestMendAttribution(t *testing.T) {
	labels := []string{"nsubj", "ccomp", "obl", "case", "appos", "amod", "flat", "punct", "root", "dep"}
	// They met in Tunis , local newspaper Haaretz reported .
	// 0    1   2  3     4 5     6         7       8        9
	words := []string{"they", "met", "in", "tunis", ",", "local", "newspaper", "haaretz", "reported", "."}
	upos := []string{"PRON", "VERB", "ADP", "PROPN", "PUNCT", "ADJ", "NOUN", "PROPN", "VERB", "PUNCT"}
	heads := []int{1, 8, 3, 1, 6, 6, 3, 6, 10, 8}
	rels := []string{"nsubj", "ccomp", "case", "obl", "punct", "amod", "appos", "flat", "root", "punct"}
	run := func(words []string, heads []int, rels []string) ([]int, []string) {
		st := mendState(labels, words, upos, heads, rels)
		mendAttribution(st, len(words), 8, relationsOf(labels)) // "reported" is the root
		return mended(st, labels, len(words))
	}
	h, l := run(words, heads, rels)
	if h[6] != 8 || l[6] != "nsubj" || h[5] != 6 || h[7] != 6 || h[1] != 8 {
		t.Errorf("attribution: heads %v labels %v, want newspaper the nsubj of reported", h, l)
	}
	// A subject from before the comma ("they" misread as the subject of
	// "reported"): the phrase after the comma is the subject all the same.
	stray := slices.Clone(heads)
	stray[0] = 8
	if h, l := run(words, stray, rels); h[6] != 8 || l[6] != "nsubj" || h[0] != 8 || l[0] != "dep" {
		t.Errorf("a subject before the comma: heads %v labels %v, want newspaper the nsubj of reported, they a dep", h, l)
	}
	// Not a verb of saying: left alone.
	other := slices.Clone(words)
	other[8] = "slept"
	if h, l := run(other, heads, rels); h[6] != 3 || l[6] != "appos" {
		t.Errorf("another verb: heads %v labels %v, want the apposition kept", h, l)
	}
}

// TestMendFlatConjuncts checks that a name hung, as part of another, from
// a name before a conjunction becomes its conjunct, the conjunction its
// cc; a name without a conjunction inside stays one name.
func TestMendFlatConjuncts(t *testing.T) {
	labels := []string{"amod", "cc", "conj", "flat", "nmod:desc", "nsubj", "root"}
	run := func(words, upos []string, heads []int, rels []string) ([]int, []string) {
		st := mendState(labels, words, upos, heads, rels)
		mendFlatConjuncts(st, len(words), relationsOf(labels))
		return mended(st, labels, len(words))
	}
	// President Ada Okoro and Premier Ben Tarvelo met
	// 0         1   2     3   4       5   6       7
	words := []string{"president", "ada", "okoro", "and", "premier", "ben", "tarvelo", "met"}
	upos := []string{"PROPN", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN", "VERB"}
	h, l := run(words, upos, []int{1, 7, 1, 4, 5, 1, 5, 8}, []string{"nmod:desc", "nsubj", "flat", "cc", "nmod:desc", "flat", "flat", "root"})
	if !slices.Equal(h, []int{1, 7, 1, 5, 5, 1, 5, 8}) || !slices.Equal(l, []string{"nmod:desc", "nsubj", "flat", "cc", "nmod:desc", "conj", "flat", "root"}) {
		t.Errorf("across a conjunction: heads %v labels %v, want Ben the conj of Ada and the cc his", h, l)
	}
	// President Ada Okoro met
	h, l = run(words[:3:3], upos[:3:3], []int{1, 3, 1}, []string{"nmod:desc", "nsubj", "flat"})
	if !slices.Equal(h, []int{1, 3, 1}) || l[2] != "flat" {
		t.Errorf("one name: heads %v labels %v, want it left alone", h, l)
	}
}

// TestMendModifierConjuncts checks that two nouns coordinated before a
// plural, read as a singular head with the plural its conjunct, become
// the plural's modifiers; a plural first conjunct is left alone.
func TestMendModifierConjuncts(t *testing.T) {
	labels := []string{"case", "cc", "compound", "conj", "nmod", "nmod:poss", "nsubj", "obj", "root"}
	run := func(words, tags []string, heads []int, rels []string) ([]int, []string) {
		st := mendState(labels, words, make([]string, len(words)), heads, rels)
		copy(st.tags, tags)
		mendModifierConjuncts(st, len(words), relationsOf(labels))
		return mended(st, labels, len(words))
	}
	// Rebels stepped up their rocket and mortar raids on towns
	// 0      1       2  3     4      5   6      7     8  9
	words := []string{"rebels", "stepped", "up", "their", "rocket", "and", "mortar", "raids", "on", "towns"}
	tags := []string{"NNS", "VBD", "RP", "PRP$", "NN", "CC", "NN", "NNS", "IN", "NNS"}
	h, l := run(words, tags,
		[]int{1, 10, 1, 4, 1, 7, 7, 4, 9, 4},
		[]string{"nsubj", "root", "compound", "nmod:poss", "obj", "cc", "compound", "conj", "case", "nmod"})
	if want := []int{1, 10, 1, 7, 7, 6, 4, 1, 9, 7}; !slices.Equal(h, want) ||
		!slices.Equal(l, []string{"nsubj", "root", "compound", "nmod:poss", "compound", "cc", "conj", "obj", "case", "nmod"}) {
		t.Errorf("coordinated modifiers: heads %v labels %v, want raids the object with rocket its compound, mortar rocket's conjunct", h, l)
	}
	// Rebels fought troops and tank units: a plural first, left alone.
	tags2 := slices.Clone(tags)
	tags2[4] = "NNS"
	h, l = run(words, tags2,
		[]int{1, 10, 1, 4, 1, 7, 7, 4, 9, 4},
		[]string{"nsubj", "root", "compound", "nmod:poss", "obj", "cc", "compound", "conj", "case", "nmod"})
	if h[4] != 1 || l[4] != "obj" || h[7] != 4 || l[7] != "conj" {
		t.Errorf("a plural first: heads %v labels %v, want it left alone", h, l)
	}
}

// TestMendAgents checks that an agent phrase survives only on a passive
// verb: a past participle or the head of a passive auxiliary.
func TestMendAgents(t *testing.T) {
	labels := []string{"aux:pass", "case", "det", "nsubj", "nsubj:pass", "obj", "obl", "obl:agent", "root"}
	run := func(words, tags []string, heads []int, rels []string) []string {
		st := mendState(labels, words, make([]string, len(words)), heads, rels)
		copy(st.tags, tags)
		mendAgents(st, len(words), relationsOf(labels))
		_, l := mended(st, labels, len(words))
		return l
	}
	// Inspectors examined the claims by both sides
	// 0          1        2   3      4  5    6
	if l := run([]string{"inspectors", "examined", "the", "claims", "by", "both", "sides"},
		[]string{"NNS", "VBD", "DT", "NNS", "IN", "DT", "NNS"},
		[]int{1, 7, 3, 1, 6, 6, 1},
		[]string{"nsubj", "root", "det", "obj", "case", "det", "obl:agent"}); l[6] != "obl" {
		t.Errorf("active verb: labels %v, want the by-phrase an obl", l)
	}
	// The claims were examined by inspectors
	// 0   1      2    3        4  5
	if l := run([]string{"the", "claims", "were", "examined", "by", "inspectors"},
		[]string{"DT", "NNS", "VBD", "VBN", "IN", "NNS"},
		[]int{1, 3, 3, 6, 5, 3},
		[]string{"det", "nsubj:pass", "aux:pass", "root", "case", "obl:agent"}); l[5] != "obl:agent" {
		t.Errorf("passive verb: labels %v, want the agent kept", l)
	}
	// The same with the participle mistagged as a past tense, its
	// passive auxiliary still there.
	if l := run([]string{"the", "claims", "were", "examined", "by", "inspectors"},
		[]string{"DT", "NNS", "VBD", "VBD", "IN", "NNS"},
		[]int{1, 3, 3, 6, 5, 3},
		[]string{"det", "nsubj:pass", "aux:pass", "root", "case", "obl:agent"}); l[5] != "obl:agent" {
		t.Errorf("passive auxiliary: labels %v, want the agent kept", l)
	}
}

// TestMendToldClauses checks that a "that" clause with a subject of its
// own, hung from the object of a verb of telling, becomes the verb's
// complement; a relative clause and the contents of a noun that has
// contents stay.
func TestMendToldClauses(t *testing.T) {
	labels := []string{"acl", "acl:relcl", "aux", "ccomp", "det", "mark", "nsubj", "obj", "root"}
	run := func(words, upos []string, heads []int, rels []string) ([]int, []string) {
		st := mendState(labels, words, upos, heads, rels)
		mendToldClauses(st, len(words), relationsOf(labels))
		return mended(st, labels, len(words))
	}
	// The envoy told reporters that the talks would resume
	// 0   1     2    3         4    5   6     7     8
	words := []string{"the", "envoy", "told", "reporters", "that", "the", "talks", "would", "resume"}
	upos := []string{"DET", "NOUN", "VERB", "NOUN", "SCONJ", "DET", "NOUN", "AUX", "VERB"}
	heads := []int{1, 2, 9, 2, 8, 6, 8, 8, 3}
	for _, rel := range []string{"acl", "acl:relcl"} {
		h, l := run(words, upos, heads, []string{"det", "nsubj", "root", "obj", "mark", "det", "nsubj", "aux", rel})
		if h[8] != 2 || l[8] != "ccomp" {
			t.Errorf("%s on the one told: heads %v labels %v, want the clause the complement of told", rel, h, l)
		}
	}
	// The envoy told the story that the talks would resume: the story's.
	words2 := slices.Clone(words)
	words2[3] = "story"
	if h, l := run(words2, upos, heads, []string{"det", "nsubj", "root", "obj", "mark", "det", "nsubj", "aux", "acl"}); h[8] != 3 || l[8] != "acl" {
		t.Errorf("a noun with contents: heads %v labels %v, want the clause left on it", h, l)
	}
	// The envoy told the guards that watched the gate: a relative clause,
	// "that" its subject.
	// 0   1     2    3      4    5       6   7
	h, l := run([]string{"the", "envoy", "told", "guards", "that", "watched", "the", "gate"},
		[]string{"DET", "NOUN", "VERB", "NOUN", "PRON", "VERB", "DET", "NOUN"},
		[]int{1, 2, 8, 2, 5, 3, 7, 5},
		[]string{"det", "nsubj", "root", "obj", "nsubj", "acl:relcl", "det", "obj"})
	if h[5] != 3 || l[5] != "acl:relcl" {
		t.Errorf("a relative clause: heads %v labels %v, want it left on its noun", h, l)
	}
}

// TestMendDoubleObjects checks the repair of a verb with two objects: the
// first becomes a modifier of the second's phrase it stands before, or
// the one given to after a verb of giving; a pronoun, a word with
// dependents of its own or one before the second's determiner stays.
func TestMendDoubleObjects(t *testing.T) {
	labels := []string{"amod", "compound", "det", "iobj", "mark", "nsubj", "obj", "root"}
	run := func(words, upos []string, heads []int, rels []string) ([]int, []string) {
		st := mendState(labels, words, upos, heads, rels)
		mendDoubleObjects(st, len(words), relationsOf(labels))
		return mended(st, labels, len(words))
	}
	// aid workers help Somali flood victims
	// 0   1       2    3      4     5
	words := []string{"aid", "workers", "help", "somali", "flood", "victims"}
	heads := []int{1, 2, 6, 2, 5, 2}
	rels := []string{"compound", "nsubj", "root", "obj", "compound", "obj"}
	for _, c := range []struct {
		name, upos3, want string
		head              int
	}{{"a proper noun", "PROPN", "compound", 5}, {"an adjective", "ADJ", "amod", 5}, {"a pronoun", "PRON", "obj", 2}} {
		h, l := run(words, []string{"NOUN", "NOUN", "VERB", c.upos3, "NOUN", "NOUN"}, heads, rels)
		if h[3] != c.head || l[3] != c.want {
			t.Errorf("%s before the second object: heads %v labels %v, want %s of %d", c.name, h, l, c.want, c.head)
		}
	}
	upos := []string{"NOUN", "NOUN", "VERB", "PROPN", "NOUN", "NOUN"}
	// aid workers gave Somalia emergency aid: the one given to.
	gave := slices.Clone(words)
	gave[2], gave[3], gave[4], gave[5] = "gave", "somalia", "emergency", "aid"
	if h, l := run(gave, upos, heads, rels); h[3] != 2 || l[3] != "iobj" {
		t.Errorf("after a verb of giving: heads %v labels %v, want an iobj of gave", h, l)
	}
	// aid workers call Somalia a priority: outside the phrase the
	// determiner opens.
	call := slices.Clone(words)
	call[2], call[3], call[4], call[5] = "call", "somalia", "a", "priority"
	if h, l := run(call, []string{"NOUN", "NOUN", "VERB", "PROPN", "DET", "NOUN"}, heads, []string{"compound", "nsubj", "root", "obj", "det", "obj"}); h[3] != 2 || l[3] != "obj" {
		t.Errorf("before a determiner: heads %v labels %v, want it left", h, l)
	}
	// A first object with a dependent of its own is a phrase: left.
	h, l := run(words, upos, []int{1, 2, 6, 2, 3, 2}, []string{"compound", "nsubj", "root", "obj", "compound", "obj"})
	if h[3] != 2 || l[3] != "obj" {
		t.Errorf("a first object with a dependent: heads %v labels %v, want it left", h, l)
	}
}

// TestMendDates checks that a day of the week hung on a name before it
// (flat), or a date on the subject before its verb with its preposition
// (a day, or a number with its month), moves to the verb; a day that
// starts a name ("Sunday Times") or modifies an object stays.
func TestMendDates(t *testing.T) {
	labels := []string{"case", "det", "flat", "nmod", "nmod:unmarked", "nsubj", "obj", "obl", "obl:unmarked", "root"}
	run := func(words, upos []string, caps []bool, heads []int, rels []string) ([]int, []string) {
		st := mendState(labels, words, upos, heads, rels)
		copy(st.caps, caps)
		mendDates(st, len(words), relationsOf(labels))
		return mended(st, labels, len(words))
	}
	// Kenya Sunday signed the accord
	// 0     1      2      3   4
	h, l := run([]string{"kenya", "sunday", "signed", "the", "accord"},
		[]string{"PROPN", "PROPN", "VERB", "DET", "NOUN"}, []bool{true, true, false, false, false},
		[]int{2, 0, 5, 4, 2}, []string{"nsubj", "flat", "root", "det", "obj"})
	if h[1] != 2 || l[1] != "obl:unmarked" {
		t.Errorf("a day after the subject's name: heads %v labels %v, want it on signed", h, l)
	}
	// Kenya on Sunday signed the accord
	// 0     1  2      3      4   5
	h, l = run([]string{"kenya", "on", "sunday", "signed", "the", "accord"},
		[]string{"PROPN", "ADP", "PROPN", "VERB", "DET", "NOUN"}, []bool{true, false, true, false, false, false},
		[]int{3, 2, 0, 6, 5, 3}, []string{"nsubj", "case", "nmod", "root", "det", "obj"})
	if h[2] != 3 || l[2] != "obl" {
		t.Errorf("a day with its preposition on the subject: heads %v labels %v, want an oblique of signed", h, l)
	}
	// the Sunday Times reported: the day starts the name.
	// 0   1      2     3
	h, l = run([]string{"the", "sunday", "times", "reported"},
		[]string{"DET", "PROPN", "PROPN", "VERB"}, []bool{false, true, true, false},
		[]int{2, 2, 3, 4}, []string{"det", "flat", "nsubj", "root"})
	if h[1] != 2 || l[1] != "flat" {
		t.Errorf("a day starting a name: heads %v labels %v, want it left", h, l)
	}
	// the government on Tuesday rejected the budget
	// 0   1          2  3       4        5   6
	h, l = run([]string{"the", "government", "on", "tuesday", "rejected", "the", "budget"},
		[]string{"DET", "NOUN", "ADP", "PROPN", "VERB", "DET", "NOUN"}, []bool{false, false, false, true, false, false, false},
		[]int{1, 4, 3, 1, 7, 6, 4}, []string{"det", "nsubj", "case", "nmod", "root", "det", "obj"})
	if h[3] != 4 || l[3] != "obl" {
		t.Errorf("a day on a common noun subject before its verb: heads %v labels %v, want an oblique of rejected", h, l)
	}
	// Hu on Nov. 18 met Bush: a number with its month.
	// 0  1  2    3  4   5
	h, l = run([]string{"hu", "on", "nov.", "18", "met", "bush"},
		[]string{"PROPN", "ADP", "PROPN", "NUM", "VERB", "PROPN"}, []bool{true, false, true, false, false, true},
		[]int{4, 3, 3, 0, 6, 4}, []string{"nsubj", "case", "nmod:unmarked", "nmod", "root", "obj"})
	if h[3] != 4 || l[3] != "obl" || h[2] != 3 {
		t.Errorf("a month's day on the subject: heads %v labels %v, want an oblique of met, the month kept on its day", h, l)
	}
	// ministers from Mexico on Friday signed: a word of the subject's
	// phrase.
	// 0         1    2      3  4      5
	h, l = run([]string{"ministers", "from", "mexico", "on", "friday", "signed"},
		[]string{"NOUN", "ADP", "PROPN", "ADP", "PROPN", "VERB"}, []bool{false, false, true, false, true, false},
		[]int{5, 2, 0, 4, 2, 6}, []string{"nsubj", "case", "nmod", "case", "nmod", "root"})
	if h[4] != 5 || l[4] != "obl" {
		t.Errorf("a day on a word of the subject's phrase: heads %v labels %v, want an oblique of signed", h, l)
	}
	// the talks ended the war of Monday: an object's, not the verb's.
	// 0   1     2     3   4   5  6
	h, l = run([]string{"the", "talks", "ended", "the", "war", "of", "monday"},
		[]string{"DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN"}, []bool{false, false, false, false, false, false, true},
		[]int{1, 2, 7, 4, 2, 6, 4}, []string{"det", "nsubj", "root", "det", "obj", "case", "nmod"})
	if h[6] != 4 || l[6] != "nmod" {
		t.Errorf("a day on an object: heads %v labels %v, want it left", h, l)
	}
}

// TestMendDateDependents checks that a place, partner or target phrase
// hung from a date on a verb moves to the verb, and that a day read as
// the verb's object becomes its time — unless the day has a noun phrase
// before it, or the phrase is one of time or "of".
func TestMendDateDependents(t *testing.T) {
	labels := []string{"advmod", "appos", "case", "cc", "compound", "conj", "det", "nmod", "nsubj", "obj", "obl", "obl:unmarked", "root"}
	run := func(words, upos []string, caps []bool, heads []int, rels []string) ([]int, []string) {
		st := mendState(labels, words, upos, heads, rels)
		copy(st.caps, caps)
		mendDateDependents(st, len(words), relationsOf(labels))
		return mended(st, labels, len(words))
	}
	// rebels clashed Sunday in Gaza with troops
	// 0      1       2      3  4    5    6
	h, l := run([]string{"rebels", "clashed", "sunday", "in", "gaza", "with", "troops"},
		[]string{"NOUN", "VERB", "PROPN", "ADP", "PROPN", "ADP", "NOUN"}, []bool{false, false, true, false, true, false, false},
		[]int{1, 7, 1, 4, 2, 6, 1}, []string{"nsubj", "root", "obj", "case", "nmod", "case", "obl"})
	if l[2] != "obl:unmarked" || h[4] != 1 || l[4] != "obl" || h[6] != 1 {
		t.Errorf("a day read as the object, a place on it: heads %v labels %v, want the day the time and the place on clashed", h, l)
	}
	// the envoy met on Monday with Li
	// 0   1     2   3  4      5    6
	h, l = run([]string{"the", "envoy", "met", "on", "monday", "with", "li"},
		[]string{"DET", "NOUN", "VERB", "ADP", "PROPN", "ADP", "PROPN"}, []bool{false, false, false, false, true, false, true},
		[]int{1, 2, 7, 4, 2, 6, 4}, []string{"det", "nsubj", "root", "case", "obl", "case", "nmod"})
	if h[6] != 2 || l[6] != "obl" || h[4] != 2 || l[4] != "obl" {
		t.Errorf("a partner on the date: heads %v labels %v, want it on met", h, l)
	}
	// mediated on Saturday between Kenya and Uganda
	// 0        1  2        3       4     5   6
	h, l = run([]string{"mediated", "on", "saturday", "between", "kenya", "and", "uganda"},
		[]string{"VERB", "ADP", "PROPN", "ADP", "PROPN", "CCONJ", "PROPN"}, []bool{false, false, true, false, true, false, true},
		[]int{7, 2, 0, 4, 2, 6, 4}, []string{"root", "case", "obl", "case", "nmod", "cc", "conj"})
	if h[4] != 0 || l[4] != "obl" {
		t.Errorf("the parties between whom on the date: heads %v labels %v, want them on mediated", h, l)
	}
	// urged senior officials Monday: a phrase misread as headed by the day.
	// 0     1      2         3
	h, l = run([]string{"urged", "senior", "officials", "monday"},
		[]string{"VERB", "ADJ", "NOUN", "PROPN"}, []bool{false, false, false, true},
		[]int{4, 2, 3, 0}, []string{"root", "advmod", "det", "obj"})
	if l[3] != "obj" {
		t.Errorf("a day with a noun before it: heads %v labels %v, want it left", h, l)
	}
	// erupted Wednesday, hours after the deadline; fled Monday of last
	// week: phrases of time and "of" stay on the date.
	// 0       1          2      3      4   5        6    7      8  9    10
	h, l = run([]string{"erupted", "wednesday", "hours", "after", "the", "deadline", "fled", "monday", "of", "last", "week"},
		[]string{"VERB", "PROPN", "NOUN", "ADP", "DET", "NOUN", "VERB", "PROPN", "ADP", "ADJ", "NOUN"},
		[]bool{false, true, false, false, false, false, false, true, false, false, false},
		[]int{11, 0, 1, 5, 5, 1, 0, 6, 10, 10, 7}, []string{"root", "obl:unmarked", "appos", "case", "det", "nmod", "obl", "obl:unmarked", "case", "advmod", "nmod"})
	if h[5] != 1 || h[10] != 7 {
		t.Errorf("a phrase of time and one with of: heads %v labels %v, want both left on their dates", h, l)
	}
}

// TestMendVerbConjuncts checks that a past-tense verb with its own "and"
// hung from the object or subject of the verb before it becomes that
// verb's conjunct, and that one conjoined to a predicate noun stays.
func TestMendVerbConjuncts(t *testing.T) {
	labels := []string{"cc", "conj", "cop", "det", "nsubj", "nummod", "obj", "root"}
	run := func(words, upos, xpos []string, heads []int, rels []string) ([]int, []string) {
		st := mendState(labels, words, upos, heads, rels)
		copy(st.tags, xpos)
		mendVerbConjuncts(st, len(words), relationsOf(labels))
		return mended(st, labels, len(words))
	}
	// the blast killed eight people and injured others
	// 0   1     2      3     4      5   6       7
	h, l := run([]string{"the", "blast", "killed", "eight", "people", "and", "injured", "others"},
		[]string{"DET", "NOUN", "VERB", "NUM", "NOUN", "CCONJ", "VERB", "NOUN"},
		[]string{"DT", "NN", "VBD", "CD", "NNS", "CC", "VBD", "NNS"},
		[]int{1, 2, 8, 4, 2, 6, 4, 6}, []string{"det", "nsubj", "root", "nummod", "obj", "cc", "conj", "obj"})
	if h[6] != 2 || l[6] != "conj" {
		t.Errorf("a verb on the object: heads %v labels %v, want it a conjunct of killed", h, l)
	}
	// he was a teacher and worked hard: a predicate's conjunct stays.
	// 0  1   2 3       4   5
	h, l = run([]string{"he", "was", "a", "teacher", "and", "worked"},
		[]string{"PRON", "AUX", "DET", "NOUN", "CCONJ", "VERB"},
		[]string{"PRP", "VBD", "DT", "NN", "CC", "VBD"},
		[]int{3, 3, 3, 6, 5, 3}, []string{"nsubj", "cop", "det", "root", "cc", "conj"})
	if h[5] != 3 {
		t.Errorf("a predicate noun's conjunct: heads %v labels %v, want it left", h, l)
	}
}
