package augment_test

import (
	"strings"
	"testing"

	"github.com/parley-events/parley/augment"
	"github.com/parley-events/parley/conllu"
)

// Sentences written for this test.
const treebank = `# sent_id = a1
1	The	the	DET	DT	_	2	det	_	_
2	envoys	envoy	NOUN	NNS	_	3	nsubj	_	_
3	signed	sign	VERB	VBD	_	0	root	_	_
4	the	the	DET	DT	_	5	det	_	_
5	accord	accord	NOUN	NN	_	3	obj	_	_
6	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = a2
1	We	we	PRON	PRP	_	2	nsubj	_	_
2	left	leave	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	harbour	harbour	NOUN	NN	_	2	obj	_	_
5	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = a3
1	Rain	rain	NOUN	NN	_	2	nsubj	_	_
2	fell	fall	VERB	VBD	_	0	root	_	_
3	on	on	ADP	IN	_	4	case	_	_
4	Tuesday	Tuesday	PROPN	NNP	_	2	obl	_	_
5	!	!	PUNCT	.	_	2	punct	_	_

# sent_id = a4
1	Border	border	NOUN	NN	_	2	compound	_	_
2	guards	guard	NOUN	NNS	_	3	nsubj	_	_
3	closed	close	VERB	VBD	_	0	root	_	_
4	the	the	DET	DT	_	5	det	_	_
5	crossing	crossing	NOUN	NN	_	3	obj	_	_
6	.	.	PUNCT	.	_	3	punct	_	_

`

func read(t *testing.T) []*conllu.Sentence {
	t.Helper()
	r := conllu.NewReader(strings.NewReader(treebank), "test")
	var out []*conllu.Sentence
	for {
		s, err := r.Next()
		if s == nil {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// checkTree reports it when s's words are not numbered 1, 2, … or do not
// form one tree (one root, every word reaching it), and returns the
// root's form.
func checkTree(t *testing.T, s *conllu.Sentence) (root string) {
	t.Helper()
	ws := s.Words()
	roots := 0
	for i, w := range ws {
		if w.ID != i+1 {
			t.Errorf("%s: word %d has ID %d", s.ID, i+1, w.ID)
		}
		if w.Head == 0 {
			roots++
			root = w.Form
		}
		// No cycles: every word reaches the root.
		h, steps := w.Head, 0
		for h > 0 && steps <= len(ws) {
			h, steps = ws[h-1].Head, steps+1
		}
		if h != 0 {
			t.Errorf("%s: word %q does not reach the root", s.ID, w.Form)
		}
	}
	if roots != 1 {
		t.Errorf("%s: %d roots", s.ID, roots)
	}
	return root
}

func TestAttribution(t *testing.T) {
	sents := read(t)
	got := augment.Attribution(sents, 1)
	// a2 is in the first person, a3 does not end in a full stop.
	if len(got) != 2 {
		t.Fatalf("got %d sentences, want 2 (a1 and a4)", len(got))
	}
	if got[0].ID != "a1-attributed" || got[1].ID != "a4-attributed" {
		t.Errorf("IDs %q, %q", got[0].ID, got[1].ID)
	}
	if want := "The envoys signed the accord , officials said ."; got[0].Text != want {
		t.Errorf("text %q, want %q", got[0].Text, want)
	}
	for _, s := range got {
		ws := s.Words()
		if root := checkTree(t, s); root != "said" && root != "told" && root != "reported" && root != "says" {
			t.Errorf("%s: root %q is not the speech verb", s.ID, root)
		}
		verb := ws[2] // "signed", "closed"
		if verb.DepRel != "ccomp" || ws[verb.Head-1].DepRel != "root" {
			t.Errorf("%s: old root is %s of %q", s.ID, verb.DepRel, ws[verb.Head-1].Form)
		}
		if last := ws[len(ws)-1]; last.Form != "." || ws[last.Head-1].DepRel != "root" {
			t.Errorf("%s: the full stop hangs from %d", s.ID, last.Head)
		}
	}
	// The originals are untouched.
	if w := sents[0].Words(); len(w) != 6 || w[2].Head != 0 {
		t.Errorf("the original sentence changed: %+v", w)
	}
	if got := augment.Attribution(sents, 2); len(got) != 1 || got[0].ID != "a4-attributed" {
		t.Errorf("every 2nd: %v", got)
	}
}

func TestTemporal(t *testing.T) {
	sents := read(t)
	got := augment.Temporal(sents, 1)
	// a1 ("The envoys signed"), a3 ("Rain fell") and a4 ("Border guards
	// closed"); a2's subject is a pronoun.
	if len(got) != 3 {
		t.Fatalf("got %d sentences, want 3", len(got))
	}
	wantText := []string{"The envoys on Monday signed the accord .", "Rain today fell on Tuesday !", "Border guards Tuesday closed the crossing ."}
	for k, s := range got {
		if s.Text != wantText[k] {
			t.Errorf("text %q, want %q", s.Text, wantText[k])
		}
		checkTree(t, s)
	}
	// "on Monday": "on" is the case of "Monday", an obl of "signed", whose
	// own dependents moved with it.
	ws := got[0].Words()
	if ws[2].Form != "on" || ws[2].Head != 4 || ws[3].Head != 5 || ws[3].DepRel != "obl" || ws[4].Form != "signed" || ws[4].Head != 0 {
		t.Errorf("dated a1: %+v", ws)
	}
	if ws[6].Form != "accord" || ws[6].Head != 5 || ws[1].Head != 5 || ws[7].Head != 5 {
		t.Errorf("dated a1's other words: %+v", ws)
	}
	plain, dated := augment.HeldOutTemporal(sents)
	if len(plain) != 3 || len(dated) != 3 || dated[0].Text != "The envoys on Thursday signed the accord ." {
		t.Errorf("HeldOutTemporal: %d, %d, %q", len(plain), len(dated), dated[0].Text)
	}
}
