package eventcode

import (
	"github.com/parley-events/parley"
)

// openQuotes and closeQuotes are the quotation marks the tokenizer keeps as
// tokens; straight quotes both open and close.
var (
	openQuotes  = map[string]bool{`"`: true, "\u201c": true, "``": true, "\u2018": true}
	closeQuotes = map[string]bool{`"`: true, "\u201d": true, "''": true, "\u2019": true}
)

// quotes records the text in quotation marks in sentence s with its
// speaker: the subject of the verb of saying whose clause holds the quote
// (or that heads the sentence), else the speaker the sentence's events
// were reported by.
func (c *Coder) quotes(d *parley.Doc, x *docIndex, s int) {
	sent := d.Sentences[s].Tokens
	open := -1
	for i := sent.Start; i < sent.End; i++ {
		w := d.TokenText(i)
		switch {
		case open < 0 && openQuotes[w]:
			open = i
		case open >= 0 && closeQuotes[w]:
			if i > open+1 {
				q := parley.Quote{Sentence: s, Tokens: parley.Span{Start: open + 1, End: i}, Speaker: -1}
				q.Speaker = speakerOf(d, x, sent, q.Tokens)
				if q.Speaker >= 0 {
					q.SpeakerCode = d.Actors[q.Speaker].Code
				}
				d.Quotes = append(d.Quotes, q)
			}
			open = -1
		}
	}
}

// speakerOf returns the actor who says the quoted span q of a sentence, or
// -1.
func speakerOf(d *parley.Doc, x *docIndex, sent, q parley.Span) int {
	// The verb of saying the quote hangs from, nearest first.
	for i := q.Start; i < q.End; i++ {
		for u, depth := i, 0; u >= 0 && depth < 8; u, depth = d.Tokens[u].Head, depth+1 {
			if q.Start <= u && u < q.End {
				continue
			}
			if speechVerbs[x.lemma[u]] {
				if subj, _ := subject(d, x, u, 0); subj >= 0 {
					if as := actorsAt(d, x, subj); len(as) > 0 {
						return as[0]
					}
				}
				break
			}
		}
	}
	// A verb of saying outside the quote ("…, the minister said").
	for i := sent.Start; i < sent.End; i++ {
		if (i < q.Start || i >= q.End) && speechVerbs[x.lemma[i]] && d.Tokens[i].UPOS == "VERB" {
			if subj, _ := subject(d, x, i, 0); subj >= 0 {
				if as := actorsAt(d, x, subj); len(as) > 0 {
					return as[0]
				}
			}
		}
	}
	return -1
}
