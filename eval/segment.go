// Package eval scores parley's stages against gold corpora.
//
// Each evaluation reads gold data, runs the stage under test through a
// function the caller passes in (so that this package imports no stage),
// and returns a score struct that marshals to JSON for `parley eval`.
package eval

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/conllu"
)

// GoldDoc is one document rebuilt from a CoNLL-U file: its raw text and the
// gold tokenization and sentence split as byte offsets into that text.
type GoldDoc struct {
	ID        string        // the "# newdoc id", or ""
	Text      string        // the sentences' texts joined by " ", or "\n\n" between paragraphs
	Tokens    []parley.Span // gold units, in order; see SegmentDocs
	Sentences []parley.Span // gold sentences, in order
	Unaligned int           // surface tokens not found in Text, so without units; see SegmentDocs
}

// SegmentDocs reads r to the end and rebuilds its documents.
//
// A sentence with "# newdoc" starts a new document; a file without any
// starts with one all the same, so that it is one document. Within a
// document the sentences' "# text" values are joined by a space, or by
// "\n\n" before a sentence with "# newpar". A sentence without "# text"
// gets its words' forms, with a space after each token that lacks
// SpaceAfter=No. A gold sentence spans its text.
//
// The gold units are found by walking each surface token through the
// sentence text in order, skipping white space. A multi-word token whose
// words' forms concatenate to the surface form (ignoring case) yields one
// unit per word ("didn't" → "did", "n't"); any other token yields one unit
// for the whole surface token. A token is expected right after the previous
// one; if it is not there (even ignoring case) it is searched for further
// on in the sentence text, skipping what lies between. A token not found at
// all yields no unit and is counted in Unaligned.
//
// Errors from r are returned as they are.
func SegmentDocs(r *conllu.Reader) ([]GoldDoc, error) {
	raws, err := readRaw(r)
	if err != nil {
		return nil, err
	}
	docs := make([]GoldDoc, len(raws))
	for i, rd := range raws {
		d := &docs[i]
		d.ID, d.Text = rd.id, rd.text
		for _, rs := range rd.sents {
			d.Sentences = append(d.Sentences, parley.Span{Start: rs.base, End: rs.base + len(rs.text)})
			units, unaligned := align(rs.text, rs.base, rs.s.Tokens)
			d.Tokens = append(d.Tokens, units...)
			d.Unaligned += unaligned
		}
	}
	return docs, nil
}

// rawSentence is one sentence of a rebuilt document: the sentence, its
// text and the byte offset in the document where that text starts.
type rawSentence struct {
	s    *conllu.Sentence
	text string
	base int
}

// rawDoc is a document rebuilt from its sentences' "# text" lines.
type rawDoc struct {
	id    string
	text  string
	sents []rawSentence
}

// readRaw reads r to the end and rebuilds the raw text of its documents as
// SegmentDocs describes. Errors from r are returned as they are.
func readRaw(r *conllu.Reader) ([]rawDoc, error) {
	var (
		docs []rawDoc
		b    strings.Builder
	)
	flush := func() {
		if len(docs) > 0 {
			docs[len(docs)-1].text = b.String()
		}
		b.Reset()
	}
	for {
		s, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if s.NewDoc || len(docs) == 0 {
			flush()
			docs = append(docs, rawDoc{id: s.DocID})
		}
		d := &docs[len(docs)-1]
		if len(d.sents) > 0 {
			if s.NewPar {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		text := s.Text
		if text == "" {
			text = formsText(s)
		}
		d.sents = append(d.sents, rawSentence{s: s, text: text, base: b.Len()})
		b.WriteString(text)
	}
	flush()
	return docs, nil
}

// formsText rebuilds a sentence's text from its tokens' forms.
func formsText(s *conllu.Sentence) string {
	var b strings.Builder
	for i, t := range s.Tokens {
		b.WriteString(surface(t))
		if i < len(s.Tokens)-1 && t.SpaceAfter() {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// surface returns a token's surface form.
func surface(t conllu.Token) string {
	if t.Form != "" {
		return t.Form
	}
	var b strings.Builder
	for _, w := range t.Words {
		b.WriteString(w.Form)
	}
	return b.String()
}

// align locates tokens in text, which starts at byte base of the document,
// and returns the gold units and the number of tokens not found.
func align(text string, base int, tokens []conllu.Token) (units []parley.Span, unaligned int) {
	pos := 0
	for _, t := range tokens {
		pos = skipSpace(text, pos)
		form := surface(t)
		if form == "" {
			continue
		}
		at := indexFold(text, form, pos)
		if at < 0 {
			unaligned++
			continue
		}
		pos = at + len(form)
		if len(t.Words) > 1 {
			var b strings.Builder
			for _, w := range t.Words {
				b.WriteString(w.Form)
			}
			if cat := b.String(); len(cat) == len(form) && strings.EqualFold(cat, form) {
				start := base + at
				for _, w := range t.Words {
					if w.Form == "" {
						continue
					}
					units = append(units, parley.Span{Start: start, End: start + len(w.Form)})
					start += len(w.Form)
				}
				continue
			}
		}
		units = append(units, parley.Span{Start: base + at, End: base + pos})
	}
	return units, unaligned
}

// indexFold returns the offset of the first occurrence of form in text at
// or after pos, ignoring case, or -1.
func indexFold(text, form string, pos int) int {
	for i := pos; i+len(form) <= len(text); i++ {
		if utf8.RuneStart(text[i]) && strings.EqualFold(text[i:i+len(form)], form) {
			return i
		}
	}
	return -1
}

// skipSpace returns the offset of the first non-space rune in s at or after pos.
func skipSpace(s string, pos int) int {
	for pos < len(s) {
		r, size := utf8.DecodeRuneInString(s[pos:])
		if !unicode.IsSpace(r) {
			break
		}
		pos += size
	}
	return pos
}

// SegmentScore is the result of Segment. The fractions lie in 0…1 and are
// rounded to four decimals.
type SegmentScore struct {
	TokensF1    float64 `json:"tokens_f1"`
	SentencesF1 float64 `json:"sentences_f1"`
	TokensP     float64 `json:"tokens_precision"`
	TokensR     float64 `json:"tokens_recall"`
	SentencesP  float64 `json:"sentences_precision"`
	SentencesR  float64 `json:"sentences_recall"`
	Docs        int     `json:"docs"`      // gold documents
	Sentences   int     `json:"sentences"` // gold sentences
	Tokens      int     `json:"tokens"`    // gold units
	Unaligned   int     `json:"unaligned"` // gold surface tokens not found in the text (GoldDoc.Unaligned)
}

// Segment scores a tokenizer and sentence splitter against docs. Run is
// called once per document, in order, with the document's Text, and returns
// a Doc with Tokens (byte offsets into that text) and Sentences.
//
// A predicted token counts as correct when its byte span equals a gold
// unit's; a predicted sentence, when its byte span (first token's start to
// last token's end) equals a gold sentence's. Sentences without tokens are
// ignored. Precision, recall and F1 are micro-averaged over all documents.
//
// An error from run is returned wrapped in a *parley.Error naming the
// document; a nil Doc, or a sentence whose token span lies outside the
// Doc's tokens, is an error of kind parley.Invalid.
func Segment(docs []GoldDoc, run func(text string) (*parley.Doc, error)) (SegmentScore, error) {
	var tok, sent counts
	for i, gd := range docs {
		name := gd.ID
		if name == "" {
			name = fmt.Sprintf("document %d", i+1)
		}
		pd, err := run(gd.Text)
		if err != nil {
			return SegmentScore{}, &parley.Error{Op: "eval.Segment", Input: name, Err: err}
		}
		if pd == nil {
			return SegmentScore{}, &parley.Error{Op: "eval.Segment", Kind: parley.Invalid, Input: name, Err: errors.New("run returned no document")}
		}
		predTokens := make([]parley.Span, len(pd.Tokens))
		for j, t := range pd.Tokens {
			predTokens[j] = parley.Span{Start: t.Start, End: t.End}
		}
		var predSents []parley.Span
		for j, s := range pd.Sentences {
			if s.Tokens.Start < 0 || s.Tokens.End > len(pd.Tokens) {
				return SegmentScore{}, &parley.Error{Op: "eval.Segment", Kind: parley.Invalid, Input: name,
					Err: fmt.Errorf("sentence %d: token span %d…%d outside the %d tokens", j, s.Tokens.Start, s.Tokens.End, len(pd.Tokens))}
			}
			if !s.Tokens.Empty() {
				predSents = append(predSents, pd.SpanBytes(s.Tokens))
			}
		}
		tok.add(gd.Tokens, predTokens)
		sent.add(gd.Sentences, predSents)
	}
	score := SegmentScore{Docs: len(docs), Sentences: sent.gold, Tokens: tok.gold}
	score.TokensP, score.TokensR, score.TokensF1 = tok.prf()
	score.SentencesP, score.SentencesR, score.SentencesF1 = sent.prf()
	for _, d := range docs {
		score.Unaligned += d.Unaligned
	}
	return score, nil
}

// counts accumulates exact-match counts of spans.
type counts struct{ gold, pred, match int }

// add counts one document's gold and predicted spans. Each gold span
// matches at most one prediction.
func (c *counts) add(gold, pred []parley.Span) {
	left := make(map[parley.Span]int, len(gold))
	for _, g := range gold {
		left[g]++
	}
	for _, p := range pred {
		if left[p] > 0 {
			left[p]--
			c.match++
		}
	}
	c.gold += len(gold)
	c.pred += len(pred)
}

// prf returns precision, recall and F1, rounded to four decimals; each is 0
// when undefined.
func (c counts) prf() (p, r, f float64) {
	if c.pred > 0 {
		p = float64(c.match) / float64(c.pred)
	}
	if c.gold > 0 {
		r = float64(c.match) / float64(c.gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return round4(p), round4(r), round4(f)
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
