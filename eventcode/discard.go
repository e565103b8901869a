package eventcode

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/parley-events/parley"
)

// discardIndex finds the dictionaries' discard phrases in text: sports
// results, chronologies and other text whose verbs are not political
// events ("defeated China 3-1").
type discardIndex map[string][]int // first word → indexes into set.Discards

func newDiscardIndex(c *Coder) discardIndex {
	idx := discardIndex{}
	for i, dc := range c.set.Discards {
		if len(dc.Phrase) > 0 {
			idx[dc.Phrase[0]] = append(idx[dc.Phrase[0]], i)
		}
	}
	return idx
}

// discards reports whether d holds a phrase that discards the whole story,
// and marks in dropped the tokens of the clauses that hold a phrase that
// discards its sentence: the clause the phrase is part of, with the
// clauses inside it ("it had paid compensation for assets they lost when
// Amin expelled them 18 years ago" drops the expulsion, not the payment).
// A phrase in the main clause drops the sentence, as PETRARCH drops it.
// A year (the dictionaries list 1914 to 2013 as marks of history) marks
// history only before the year the document was published.
func (c *Coder) discards(d *parley.Doc, x *docIndex) (story bool, dropped []bool) {
	for _, sent := range d.Sentences {
		for i := sent.Tokens.Start; i < sent.Tokens.End; i++ {
			for _, k := range c.discard[x.lower[i]] {
				dc := c.set.Discards[k]
				if !phraseAt(x, i, sent.Tokens.End, dc.Phrase, dc.Stem) {
					continue
				}
				if dc.Story {
					return true, nil
				}
				if !history(d, dc.Phrase) {
					continue
				}
				if dropped == nil {
					dropped = make([]bool, len(d.Tokens))
				}
				span := parley.Span{Start: i, End: min(i+len(dc.Phrase), sent.Tokens.End)}
				cl := clauseOf(d, x, d.SpanHead(span))
				// A sport's phrase in a clause without a subject of its
				// own that completes another makes both sport: "beat
				// Malaysia 21-19 to win the gold medal".
				sport := slices.ContainsFunc(dc.Phrase, func(w string) bool { return sportWords[strings.TrimSuffix(w, "*")] })
				for range 4 {
					h := d.Tokens[cl].Head
					if h < 0 || !sport || x.rel[cl] != "xcomp" && x.rel[cl] != "advcl" || x.child(cl, "nsubj", "nsubj:pass") >= 0 {
						break
					}
					cl = clauseOf(d, x, h)
				}
				markSubtree(x, cl, dropped)
				d.Note("eventcode", parley.NoteDiscarded, parley.Span{Start: d.Tokens[span.Start].Start, End: d.Tokens[span.End-1].End},
					fmt.Sprintf("the discard phrase %q (%s) marks this clause as sports, business or history: no events coded in it", strings.Join(dc.Phrase, " "), dc.Origin))
			}
		}
	}
	return false, dropped
}

// sportWords mark a discard phrase as sport.
var sportWords = map[string]bool{
	"medal": true, "medals": true, "tournament": true, "championship": true, "championships": true,
	"cup": true, "games": true, "olympic": true, "olympics": true, "title": true, "league": true,
	"match": true, "final": true, "semifinal": true, "quarterfinal": true, "marathon": true, "race": true,
}

// history reports whether discard phrase p, when it is a year, is one
// before the year d was published (always, when that is unknown).
func history(d *parley.Doc, p []string) bool {
	if len(p) != 1 || len(p[0]) != 4 || d.Published.IsZero() {
		return true
	}
	y, err := strconv.Atoi(p[0])
	return err != nil || y < d.Published.Year()
}

// clauseOf returns the head of the clause token t is part of: t or its
// nearest ancestor that heads a clause (the root, a complement, adverbial
// or relative clause, or a conjoined verb).
func clauseOf(d *parley.Doc, x *docIndex, t int) int {
	for depth := 0; depth < len(d.Tokens); depth++ {
		h := d.Tokens[t].Head
		if h < 0 {
			return t
		}
		switch x.rel[t] {
		case "ccomp", "xcomp", "advcl", "acl", "acl:relcl", "csubj", "parataxis":
			return t
		case "conj":
			if d.Tokens[t].UPOS == "VERB" {
				return t
			}
		}
		t = h
	}
	return t
}

// markSubtree sets out[t] for token t and every token below it.
func markSubtree(x *docIndex, t int, out []bool) {
	out[t] = true
	for _, c := range x.children[t] {
		if !out[c] {
			markSubtree(x, c, out)
		}
	}
}

// phraseAt reports whether the words of p start at token i (before end);
// with stem, the last word need only begin the token.
func phraseAt(x *docIndex, i, end int, p []string, stem bool) bool {
	if i+len(p) > end {
		return false
	}
	for j, w := range p {
		t := x.lower[i+j]
		if j == len(p)-1 && stem {
			if !strings.HasPrefix(t, w) {
				return false
			}
		} else if t != w {
			return false
		}
	}
	return true
}
