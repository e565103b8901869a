package eval_test

import (
	"strings"
	"testing"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/eval"
)

func TestReadNegations(t *testing.T) {
	const ontology = `# a made-up ontology in PICO's layout
010:0x1000#statement
011:0x1000-0xFFFF
050:0x0080#cooperate
110:0x1007f#0xFFFF+0x0080#disapprove
120:-0xFFFF#reject
130:0x6000
bad line
99999:0x1
140:0xZZ
`
	neg, err := eval.ReadNegations(strings.NewReader(ontology))
	if err != nil {
		t.Fatal(err)
	}
	want := eval.Negations{"010": "011", "011": "010", "050": "110", "110": "050"}
	if len(neg) != len(want) {
		t.Errorf("ReadNegations = %v, want %v", neg, want)
	}
	for k, v := range want {
		if neg[k] != v {
			t.Errorf("negation of %s = %q, want %q", k, neg[k], v)
		}
	}
}

func TestNegationsApply(t *testing.T) {
	// "Arnor did not criticize Gondor." / "Arnor will not try to criticize Gondor."
	mk := func(words []string, heads []int, rels []string, trigger int) *parley.Doc {
		d := parley.NewDoc(strings.Join(words, " "))
		off := 0
		for i, w := range words {
			lemma := ""
			if w == "n't" {
				lemma = "not"
			}
			d.Tokens = append(d.Tokens, parley.Token{Start: off, End: off + len(w), Head: heads[i], DepRel: rels[i], Lemma: lemma})
			off += len(w) + 1
		}
		d.Sentences = []parley.Sentence{{Tokens: parley.Span{Start: 0, End: len(words)}}}
		d.Events = []parley.Event{{Trigger: parley.Span{Start: trigger, End: trigger + 1}, Code: "110", Mode: parley.Negated, SourceRef: -1, TargetRef: -1}}
		return d
	}
	neg := eval.Negations{"110": "050"}
	own := mk([]string{"Arnor", "did", "not", "criticize", "Gondor"}, []int{3, 3, 3, -1, 3}, []string{"nsubj", "aux", "advmod", "root", "obj"}, 3)
	ts := eval.Triples(own.Events)
	neg.Apply(ts, own)
	if ts[0].Code != "050" {
		t.Errorf("negated on its own verb: code %s, want 050", ts[0].Code)
	}
	higher := mk([]string{"Arnor", "wo", "n't", "try", "to", "criticize", "Gondor"}, []int{3, 3, 3, -1, 5, 3, 5}, []string{"nsubj", "aux", "advmod", "root", "mark", "xcomp", "obj"}, 5)
	ts = eval.Triples(higher.Events)
	neg.Apply(ts, higher)
	if ts[0].Code != "110" {
		t.Errorf("negated above its verb: code %s, want 110 as it is", ts[0].Code)
	}
}
