package eventcode

import (
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
// and which sentences hold one that discards the sentence.
func (c *Coder) discards(d *parley.Doc, x *docIndex) (story bool, sentences map[int]bool) {
	sentences = map[int]bool{}
	for s, sent := range d.Sentences {
		for i := sent.Tokens.Start; i < sent.Tokens.End; i++ {
			for _, k := range c.discard[x.lower[i]] {
				dc := c.set.Discards[k]
				if !phraseAt(x, i, sent.Tokens.End, dc.Phrase, dc.Stem) {
					continue
				}
				if dc.Story {
					return true, nil
				}
				sentences[s] = true
			}
		}
	}
	return false, sentences
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
