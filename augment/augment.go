// Package augment makes extra training sentences for the parser in the
// shapes news text has and the treebanks seldom do.
//
// News reports a fact and then its source: "Freedonia extradited the suspect
// on Sunday, officials said." The UD treebanks parley trains on (web text,
// reviews, academic prose, fiction) hold fewer than a hundred such
// sentences, and a parser trained on them loses the main clause's subject
// and verb to the attribution (the word before the comma read as the
// subject of "said"). Attribution copies some of their declarative
// sentences with such a tail added, annotated as UD annotates it: the
// speech verb is the root and the original root its "ccomp".
//
// News also dates an act between its subject and its verb ("The cabinet on
// Thursday approved the budget", "China Tuesday urged restraint"), which
// costs the parser about 4.5 LAS points where it occurs. Temporal copies
// sentences with such a time phrase put there.
package augment

import (
	"strconv"
	"strings"

	"github.com/parley-events/parley/conllu"
)

// tails are the attributions added, written for parley, in CoNLL-U
// columns FORM LEMMA UPOS XPOS HEAD DEPREL with heads counted within the
// tail (0: the speech verb, which is the sentence's root).
var tails = [][]string{
	{"officials official NOUN NNS 2 nsubj", "said say VERB VBD 0 root"},
	{"a a DET DT 2 det", "spokesman spokesman NOUN NN 3 nsubj", "said say VERB VBD 0 root"},
	{"police police NOUN NNS 2 nsubj", "said say VERB VBD 0 root", "on on ADP IN 4 case", "Sunday Sunday PROPN NNP 2 obl"},
	{"the the DET DT 2 det", "ministry ministry NOUN NN 3 nsubj", "said say VERB VBD 0 root", "in in ADP IN 6 case", "a a DET DT 6 det", "statement statement NOUN NN 3 obl"},
	{"he he PRON PRP 2 nsubj", "told tell VERB VBD 0 root", "reporters reporter NOUN NNS 2 obj"},
	{"state state NOUN NN 2 compound", "media media NOUN NNS 3 nsubj", "reported report VERB VBD 0 root"},
	{"witnesses witness NOUN NNS 2 nsubj", "said say VERB VBD 0 root"},
	{"a a DET DT 3 det", "senior senior ADJ JJ 3 amod", "official official NOUN NN 4 nsubj", "said say VERB VBD 0 root"},
	{"the the DET DT 2 det", "agency agency NOUN NN 3 nsubj", "reported report VERB VBD 0 root", "on on ADP IN 5 case", "Tuesday Tuesday PROPN NNP 3 obl"},
	{"military military ADJ JJ 2 amod", "sources source NOUN NNS 3 nsubj", "said say VERB VBD 0 root"},
	{"she she PRON PRP 2 nsubj", "said say VERB VBD 0 root"},
	{"the the DET DT 2 det", "army army NOUN NN 3 nsubj", "said say VERB VBD 0 root"},
	{"diplomats diplomat NOUN NNS 2 nsubj", "said say VERB VBD 0 root", "Thursday Thursday PROPN NNP 2 obl:unmarked"},
	{"the the DET DT 2 det", "president president NOUN NN 4 nmod:poss", "'s 's PART POS 2 case", "office office NOUN NN 5 nsubj", "said say VERB VBD 0 root"},
	{"local local ADJ JJ 2 amod", "media media NOUN NNS 3 nsubj", "reported report VERB VBD 0 root"},
	{"the the DET DT 2 det", "group group NOUN NN 3 nsubj", "said say VERB VBD 0 root", "on on ADP IN 6 case", "its its PRON PRP$ 6 nmod:poss", "website website NOUN NN 3 obl"},
	{"they they PRON PRP 2 nsubj", "said say VERB VBD 0 root"},
	{"the the DET DT 3 det", "foreign foreign ADJ JJ 3 amod", "minister minister NOUN NN 4 nsubj", "says say VERB VBZ 0 root"},
	{"an a DET DT 3 det", "opposition opposition NOUN NN 3 compound", "spokeswoman spokeswoman NOUN NN 4 nsubj", "said say VERB VBD 0 root", "late late ADV RB 6 advmod", "Friday Friday PROPN NNP 4 obl:unmarked"},
	{"rebel rebel NOUN NN 2 compound", "commanders commander NOUN NNS 3 nsubj", "told tell VERB VBD 0 root", "AFP AFP PROPN NNP 3 obj"},
}

// heldOutTails are attributions the parser never trains on, for measuring how
// it parses sentences that carry one (HeldOut).
var heldOutTails = [][]string{
	{"observers observer NOUN NNS 2 nsubj", "said say VERB VBD 0 root"},
	{"an a DET DT 2 det", "aide aide NOUN NN 3 nsubj", "said say VERB VBD 0 root", "on on ADP IN 5 case", "Monday Monday PROPN NNP 3 obl"},
	{"the the DET DT 2 det", "spokeswoman spokeswoman NOUN NN 3 nsubj", "told tell VERB VBD 0 root", "Reuters Reuters PROPN NNP 3 obj"},
	{"regional regional ADJ JJ 2 amod", "authorities authority NOUN NNS 3 nsubj", "said say VERB VBD 0 root", "late late ADV RB 5 advmod", "Wednesday Wednesday PROPN NNP 3 obl:unmarked"},
}

// HeldOut returns the sentences of sents that Attribution could copy
// (every one, not every N-th), as they are and with one of a set of
// attributions Attribution never adds, for scoring a parser on both.
func HeldOut(sents []*conllu.Sentence) (plain, attributed []*conllu.Sentence) {
	return heldOut(sents, heldOutTails, attribution)
}

// Attribution returns copies of every every-th eligible sentence of sents
// with an attribution added after it, the tails taken in turn. A sentence
// is eligible when it ends in a full stop, has 5 to 40 words, a subject on
// its root, no quotation marks (a quotation is attributed differently)
// and no first or second person (reported speech is of a third).
func Attribution(sents []*conllu.Sentence, every int) []*conllu.Sentence {
	return copies(sents, every, tails, attribution)
}

// A change finds where a sentence of words ws can take a phrase (-1: it
// cannot) and makes the copy of s with phrase put there.
type change struct {
	at   func(ws []conllu.Word) int
	make func(s *conllu.Sentence, ws []conllu.Word, at int, phrase []string) *conllu.Sentence
}

var (
	attribution = change{eligible, attribute}
	dating      = change{datable, date}
)

// copies returns copies of every every-th sentence of sents that c can
// change, changed, the phrases taken in turn.
func copies(sents []*conllu.Sentence, every int, phrases [][]string, c change) []*conllu.Sentence {
	var out []*conllu.Sentence
	n := 0
	for _, s := range sents {
		ws := s.Words()
		at := c.at(ws)
		if at < 0 {
			continue
		}
		if n++; n%every != 0 {
			continue
		}
		out = append(out, c.make(s, ws, at, phrases[len(out)%len(phrases)]))
	}
	return out
}

// heldOut returns every sentence of sents that c can change, as it is and
// changed, the phrases taken in turn.
func heldOut(sents []*conllu.Sentence, phrases [][]string, c change) (plain, changed []*conllu.Sentence) {
	for _, s := range sents {
		ws := s.Words()
		if at := c.at(ws); at >= 0 {
			plain = append(plain, s)
			changed = append(changed, c.make(s, ws, at, phrases[len(changed)%len(phrases)]))
		}
	}
	return plain, changed
}

// eligible returns the index of the full stop of a sentence Attribution
// can copy, or -1.
func eligible(ws []conllu.Word) int {
	if len(ws) < 5 || len(ws) > 40 || ws[len(ws)-1].Form != "." {
		return -1
	}
	root, subj := -1, false
	for _, w := range ws {
		switch strings.ToLower(w.Form) {
		case "i", "me", "my", "we", "us", "our", "you", "your":
			return -1
		}
		if w.XPOS == "``" || w.XPOS == "''" || w.Head == conllu.NoHead {
			return -1
		}
		if w.Head == 0 {
			root = w.ID
		}
	}
	for _, w := range ws {
		if w.Head == root && (w.DepRel == "nsubj" || w.DepRel == "nsubj:pass") {
			subj = true
		}
	}
	// The full stop must hang from the root, so that dropping it leaves
	// the tree whole.
	if root > 0 && subj && ws[len(ws)-1].Head == root {
		return len(ws) - 1
	}
	return -1
}

// attribute returns s (words ws, the full stop at index stop) with the
// full stop replaced by ", " and the tail, and a full stop after it.
func attribute(s *conllu.Sentence, ws []conllu.Word, stop int, tail []string) *conllu.Sentence {
	body := ws[:stop]
	n := len(body) + 1 // the comma's ID
	verb := 0
	for i, t := range tail {
		if strings.Fields(t)[5] == "root" {
			verb = n + 1 + i
		}
	}
	out := make([]conllu.Word, 0, len(ws)+len(tail)+1)
	root := 0
	for _, w := range body {
		w.Deps, w.Misc = "", ""
		if w.Head == 0 {
			root = w.ID
			w.Head, w.DepRel = verb, "ccomp"
		}
		out = append(out, w)
	}
	out = append(out, conllu.Word{ID: n, Form: ",", Lemma: ",", UPOS: "PUNCT", XPOS: ",", Head: root, DepRel: "punct"})
	for i, t := range tail {
		out = append(out, phraseWord(t, n+1+i, n, verb))
	}
	out = append(out, conllu.Word{ID: n + 1 + len(tail), Form: ".", Lemma: ".", UPOS: "PUNCT", XPOS: ".", Head: verb, DepRel: "punct"})
	return sentence(s.ID+"-attributed", out)
}

// phraseWord returns the word a line of tails or times describes, with
// ID id. Its head is base+k for a head k > 0 counted within the phrase,
// verb for "V", and 0 (the root) for 0.
func phraseWord(spec string, id, base, verb int) conllu.Word {
	f := strings.Fields(spec)
	h := verb
	if f[4] != "V" {
		if h, _ = strconv.Atoi(f[4]); h > 0 {
			h += base
		}
	}
	return conllu.Word{ID: id, Form: f[0], Lemma: f[1], UPOS: f[2], XPOS: f[3], Head: h, DepRel: f[5]}
}

// sentence returns a sentence of the words ws, each a token of its own,
// with its text the forms joined by spaces.
func sentence(id string, ws []conllu.Word) *conllu.Sentence {
	out := &conllu.Sentence{ID: id}
	text := make([]string, len(ws))
	for i, w := range ws {
		out.Tokens = append(out.Tokens, conllu.Token{Form: w.Form, Words: []conllu.Word{w}})
		text[i] = w.Form
	}
	out.Text = strings.Join(text, " ")
	return out
}

// times are the time phrases Temporal puts between subject and verb, in
// the columns of tails; head "V" is the verb.
var times = [][]string{
	{"on on ADP IN 2 case", "Monday Monday PROPN NNP V obl"},
	{"today today NOUN NN V obl:unmarked"},
	{"Tuesday Tuesday PROPN NNP V obl:unmarked"},
	{"late late ADV RB 2 advmod", "Wednesday Wednesday PROPN NNP V obl:unmarked"},
	{"on on ADP IN 2 case", "Friday Friday PROPN NNP V obl"},
	{"yesterday yesterday NOUN NN V obl:unmarked"},
	{"on on ADP IN 2 case", "Sunday Sunday PROPN NNP V obl"},
	{"earlier earlier ADV RBR 3 advmod", "this this DET DT 3 det", "week week NOUN NN V obl:unmarked"},
}

// heldOutTimes are time phrases Temporal never puts, for HeldOutTemporal.
var heldOutTimes = [][]string{
	{"on on ADP IN 2 case", "Thursday Thursday PROPN NNP V obl"},
	{"Saturday Saturday PROPN NNP V obl:unmarked"},
	{"late late ADV RB 2 advmod", "Thursday Thursday PROPN NNP V obl:unmarked"},
	{"on on ADP IN 2 case", "Saturday Saturday PROPN NNP V obl"},
}

// Temporal returns copies of every every-th sentence of sents whose root
// is a finite verb right after its subject (a noun phrase, not a pronoun),
// with a time phrase put between them, the phrases taken in turn.
func Temporal(sents []*conllu.Sentence, every int) []*conllu.Sentence {
	return copies(sents, every, times, dating)
}

// HeldOutTemporal returns the sentences of sents that Temporal could copy,
// as they are and with a time phrase Temporal never puts.
func HeldOutTemporal(sents []*conllu.Sentence) (plain, dated []*conllu.Sentence) {
	return heldOut(sents, heldOutTimes, dating)
}

// datable returns the index in ws of the root verb of a sentence Temporal
// can date, or -1.
func datable(ws []conllu.Word) int {
	if len(ws) < 4 || len(ws) > 40 {
		return -1
	}
	v := -1
	for i, w := range ws {
		if w.Head == conllu.NoHead || w.XPOS == "``" || w.XPOS == "''" {
			return -1
		}
		if w.Head == 0 {
			v = i
		}
	}
	if v < 1 || ws[v].UPOS != "VERB" || ws[v].XPOS != "VBD" && ws[v].XPOS != "VBZ" && ws[v].XPOS != "VBP" {
		return -1
	}
	// The subject's phrase must end right before the verb.
	subj := -1
	for i, w := range ws {
		if w.Head == ws[v].ID && w.DepRel == "nsubj" {
			subj = i
		}
	}
	if subj < 0 || ws[subj].UPOS == "PRON" {
		return -1
	}
	last := subj
	for i := range ws {
		for h := ws[i].Head; h > 0; h = ws[h-1].Head {
			if h-1 == subj {
				last = max(last, i)
				break
			}
			if h-1 == v {
				break
			}
		}
	}
	if last != v-1 {
		return -1
	}
	return v
}

// date returns s (words ws, root verb at index v) with the time phrase t
// put before the verb.
func date(s *conllu.Sentence, ws []conllu.Word, v int, t []string) *conllu.Sentence {
	n := len(t)
	renum := func(id int) int {
		if id > v {
			return id + n
		}
		return id
	}
	verb := renum(ws[v].ID)
	out := make([]conllu.Word, 0, len(ws)+n)
	for i, w := range ws {
		if i == v {
			for j, p := range t {
				out = append(out, phraseWord(p, v+1+j, v, verb)) // after the words before the verb
			}
		}
		w.ID, w.Deps, w.Misc = renum(w.ID), "", ""
		if w.Head > 0 {
			w.Head = renum(w.Head)
		}
		out = append(out, w)
	}
	return sentence(s.ID+"-dated", out)
}
