package conllu

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parley-events/parley"
)

// WriteDoc writes d's sentences to w as CoNLL-U; see FromDoc.
func WriteDoc(w io.Writer, d *parley.Doc) error {
	ss, err := FromDoc(d)
	if err != nil {
		return err
	}
	cw := NewWriter(w)
	for _, s := range ss {
		if err := cw.WriteSentence(s); err != nil {
			return err
		}
	}
	return nil
}

// FromDoc converts d's sentences to CoNLL-U sentences, one word per token.
//
// The first sentence carries "# newdoc id = …" (d.SourceID, or d.ID when
// that is empty), every sentence that starts a paragraph (the first, and
// each whose Paragraph differs from the previous one's) carries "# newpar",
// and every sentence carries "# sent_id = ID-N" (N counting from 1; just N
// when the document has no id) and
// "# text = …", the text from its first token's start to its last token's
// end with tabs and line breaks replaced by spaces. A word's columns hold
// only the layers d.Layers records: LEMMA (the form when Token.Lemma is
// empty) with parley.LayerLemmas, UPOS, XPOS and FEATS with
// parley.LayerPOS, HEAD and DEPREL with parley.LayerDeps, the head
// converted from a document-level token index (-1 for the root) to a word
// ID (0 for the root); other columns are "_". MISC holds, joined by "|" in
// this order: "SpaceAfter=No" when the document's next token starts where
// this one ends; with parley.LayerEntities, "NE=B-TYPE" on the first token
// of an entity and "NE=I-TYPE" on the others (IOB2), and "NESubtype=SUB"
// on the first token when the entity has a Subtype. MISC is "_" when it
// holds nothing. When d has tokens but no sentences, all tokens form one
// sentence; sentences without tokens are skipped.
//
// It returns a *parley.Error of kind parley.Invalid when a sentence's token
// span or a token's byte span is out of range, a head lies outside its
// sentence, or, with parley.LayerEntities, an entity's token span is empty
// or out of range or overlaps another entity's.
func FromDoc(d *parley.Doc) ([]*Sentence, error) {
	invalid := func(format string, args ...any) error {
		return &parley.Error{Op: "conllu", Kind: parley.Invalid, Input: d.Origin, Err: fmt.Errorf(format, args...)}
	}
	for i, t := range d.Tokens {
		if t.Start < 0 || t.End < t.Start || t.End > len(d.Text) {
			return nil, invalid("token %d: byte span %d…%d outside the text (%d bytes)", i, t.Start, t.End, len(d.Text))
		}
	}
	sents := d.Sentences
	if len(sents) == 0 && len(d.Tokens) > 0 {
		sents = []parley.Sentence{{Tokens: parley.Span{Start: 0, End: len(d.Tokens)}}}
	}
	docID := d.SourceID
	if docID == "" {
		docID = d.ID
	}
	// ne[i] is 1 + the index of the entity that covers token i, or 0.
	var ne []int
	if d.Layers.Has(parley.LayerEntities) {
		ne = make([]int, len(d.Tokens))
		for j, e := range d.Entities {
			if e.Tokens.Empty() || e.Tokens.Start < 0 || e.Tokens.End > len(d.Tokens) {
				return nil, invalid("entity %d: token span %d…%d empty or outside the %d tokens", j, e.Tokens.Start, e.Tokens.End, len(d.Tokens))
			}
			for i := e.Tokens.Start; i < e.Tokens.End; i++ {
				if ne[i] != 0 {
					return nil, invalid("entity %d: token span %d…%d overlaps entity %d", j, e.Tokens.Start, e.Tokens.End, ne[i]-1)
				}
				ne[i] = j + 1
			}
		}
	}
	deps := d.Layers.Has(parley.LayerDeps)
	pos := d.Layers.Has(parley.LayerPOS)
	lemmas := d.Layers.Has(parley.LayerLemmas)

	var out []*Sentence
	for si, ps := range sents {
		span := ps.Tokens
		if span.Start < 0 || span.End > len(d.Tokens) {
			return nil, invalid("sentence %d: token span %d…%d outside the %d tokens", si, span.Start, span.End, len(d.Tokens))
		}
		if span.Empty() {
			continue
		}
		s := &Sentence{
			NewDoc: len(out) == 0,
			NewPar: len(out) == 0 || ps.Paragraph != sents[si-1].Paragraph,
			Text:   flatten(d.SpanText(span)),
		}
		if s.NewDoc {
			s.DocID = docID
		}
		s.ID = strconv.Itoa(len(out) + 1)
		if docID != "" {
			s.ID = docID + "-" + s.ID
		}
		for i := span.Start; i < span.End; i++ {
			t := d.Tokens[i]
			form := flatten(d.Text[t.Start:t.End])
			w := Word{ID: i - span.Start + 1, Form: form, Head: NoHead}
			if lemmas {
				w.Lemma = t.Lemma
				if w.Lemma == "" {
					w.Lemma = form
				}
			}
			if pos {
				w.UPOS, w.XPOS, w.Feats = t.UPOS, t.XPOS, t.Feats
			}
			if deps {
				switch {
				case t.Head == -1:
					w.Head = 0
				case span.Start <= t.Head && t.Head < span.End:
					w.Head = t.Head - span.Start + 1
				default:
					return nil, invalid("token %d: head %d outside its sentence (tokens %d…%d)", i, t.Head, span.Start, span.End)
				}
				w.DepRel = t.DepRel
			}
			var buf [3]string
			misc := buf[:0]
			if i+1 < len(d.Tokens) && d.Tokens[i+1].Start == t.End {
				misc = append(misc, "SpaceAfter=No")
			}
			if ne != nil && ne[i] != 0 {
				e := d.Entities[ne[i]-1]
				if i == e.Tokens.Start {
					misc = append(misc, "NE=B-"+string(e.Type))
					if e.Subtype != "" {
						misc = append(misc, "NESubtype="+e.Subtype)
					}
				} else {
					misc = append(misc, "NE=I-"+string(e.Type))
				}
			}
			w.Misc = strings.Join(misc, "|")
			s.Tokens = append(s.Tokens, Token{Form: w.Form, Misc: w.Misc, Words: []Word{w}})
		}
		out = append(out, s)
	}
	return out, nil
}

// flatten replaces tabs and line breaks with spaces.
func flatten(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r':
			return ' '
		}
		return r
	}, s)
}
