package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/conllu"
)

// This file scores the tagger, lemmatizer and dependency parser against UD
// treebanks (`parley eval ud`), in two modes:
//
//   - gold tokenization (UDDocs, UD): the stages under test annotate the
//     gold words and sentences, and every word is scored;
//   - raw text (UDRawDocs, UDRaw): the whole pipeline runs from the text of
//     the "# text" lines, and system words are aligned to gold words by
//     their character spans as the CoNLL 2018 shared task's evaluation
//     script, conll18_ud_eval.py, aligns them.
//
// Both modes include punctuation in every figure, as CoNLL 2018 does.

// UDDoc is one gold document for UD: a Doc carrying the gold words as its
// tokens and the gold sentences, ready for the stages under test, and the
// gold words to score them against.
type UDDoc struct {
	// Doc has Text, Tokens, Sentences and SourceID (the "# newdoc id") set
	// and Layers = parley.LayerTokens|parley.LayerSentences. Every token
	// has Head -1 and no other annotation than its Kind; see UDDocs.
	Doc *parley.Doc
	// Words holds the gold words, Words[i] for Doc.Tokens[i].
	Words []conllu.Word
}

// UDDocs reads r to the end and returns its documents with their gold
// tokenization.
//
// Documents are split as SegmentDocs splits them: a sentence with
// "# newdoc" starts a new one, and a file without any is one document. The
// tokens are the syntactic words (the parts of a multi-word token such as
// "did" "n't" are tokens of their own; empty nodes are skipped), and each
// token's text is exactly its word's form. The Text is written from the
// forms so that it reads naturally: the words of a multi-word token whose
// forms spell it (ignoring case) are written next to each other, other
// words are separated by a space unless the token has SpaceAfter=No, and
// sentences are separated by a space, or by "\n\n" before a sentence with
// "# newpar", which also starts a new Paragraph. Token kinds are guessed
// from the forms' shapes as the tokenizer classifies them (number, word,
// punctuation, URL, e-mail, @handle, #hashtag), since a tagger may rely
// on them.
//
// Errors from r are returned as they are.
func UDDocs(r *conllu.Reader) ([]UDDoc, error) { return udDocs(r.Next) }

// UDDocsOf returns the documents of sents, split and written as UDDocs
// does those of a file.
func UDDocsOf(sents []*conllu.Sentence) []UDDoc {
	docs, _ := udDocs(func() (*conllu.Sentence, error) {
		if len(sents) == 0 {
			return nil, io.EOF
		}
		s := sents[0]
		sents = sents[1:]
		return s, nil
	})
	return docs
}

// udDocs builds the documents of UDDocs from the sentences next returns
// until io.EOF.
func udDocs(next func() (*conllu.Sentence, error)) ([]UDDoc, error) {
	var (
		docs []UDDoc
		b    strings.Builder
		para int
	)
	flush := func() {
		if len(docs) > 0 {
			d := docs[len(docs)-1].Doc
			d.Text = b.String()
			d.ID = parley.Hash(d.Text)
		}
		b.Reset()
	}
	for {
		s, err := next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if s.NewDoc || len(docs) == 0 {
			flush()
			docs = append(docs, UDDoc{Doc: &parley.Doc{
				SourceID: s.DocID,
				Layers:   parley.LayerTokens | parley.LayerSentences,
			}})
			para = 0
		}
		ud := &docs[len(docs)-1]
		d := ud.Doc
		if len(d.Sentences) > 0 {
			if s.NewPar {
				b.WriteString("\n\n")
				para++
			} else {
				b.WriteByte(' ')
			}
		}
		first := len(d.Tokens)
		for i, t := range s.Tokens {
			joined := spells(t)
			for j, w := range t.Words {
				if j > 0 && !joined {
					b.WriteByte(' ')
				}
				start := b.Len()
				b.WriteString(w.Form)
				d.Tokens = append(d.Tokens, parley.Token{Start: start, End: b.Len(), Kind: shapeKind(w.Form), Head: -1})
				ud.Words = append(ud.Words, w)
			}
			if i < len(s.Tokens)-1 && t.SpaceAfter() {
				b.WriteByte(' ')
			}
		}
		d.Sentences = append(d.Sentences, parley.Sentence{Tokens: parley.Span{Start: first, End: len(d.Tokens)}, Paragraph: para})
	}
	flush()
	return docs, nil
}

// spells reports whether t is a multi-word token whose words' forms,
// concatenated, spell its surface form, ignoring case.
func spells(t conllu.Token) bool {
	if len(t.Words) < 2 {
		return false
	}
	var b strings.Builder
	for _, w := range t.Words {
		b.WriteString(w.Form)
	}
	cat, form := b.String(), surface(t)
	return len(cat) == len(form) && strings.EqualFold(cat, form)
}

// shapeKind classifies a word form by its shape, following the tokenizer's
// classification: by the first rune (digit: number, letter: word), then
// URLs, e-mail addresses, @handles, #hashtags and clitics ("'s"); anything
// else is punctuation.
func shapeKind(w string) parley.TokenKind {
	lower := strings.ToLower(w)
	switch {
	case strings.Contains(lower, "://") || strings.HasPrefix(lower, "www."):
		return parley.TokURL
	case strings.Count(w, "@") == 1 && strings.Index(w, "@") > 0 && strings.Contains(w[strings.Index(w, "@"):], "."):
		return parley.TokEmail
	}
	r, size := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsDigit(r):
		return parley.TokNumber
	case unicode.IsLetter(r):
		return parley.TokWord
	case size < len(w):
		r2, _ := utf8.DecodeRuneInString(w[size:])
		wordy := unicode.IsLetter(r2) || unicode.IsDigit(r2)
		switch {
		case r == '@' && (wordy || r2 == '_'):
			return parley.TokHandle
		case r == '#' && (wordy || r2 == '_'):
			return parley.TokHashtag
		case (r == '\'' || r == '’') && wordy:
			return parley.TokWord
		}
	}
	return parley.TokPunct
}

// UDScore is the result of UD. The figures are percentages of the gold
// words, 0…100, rounded to two decimals.
//
// A figure is scored only when the run assigned its layer: UPOS, XPOS and
// UFeats need parley.LayerPOS, Lemma needs parley.LayerLemmas, UAS, LAS and
// LASBase need parley.LayerDeps. Scored records which of those layers were
// scored, and MarshalJSON leaves out the figures of the others (they are 0
// in the struct). UFeats is scored only when, besides, some predicted token
// has Feats (FeatsScored); otherwise it is left out too.
type UDScore struct {
	UPOS    float64 `json:"upos"`     // words whose UPOS equals the gold UPOS
	XPOS    float64 `json:"xpos"`     // words whose XPOS equals the gold XPOS
	UFeats  float64 `json:"ufeats"`   // words whose Feats string equals the gold FEATS exactly
	Lemma   float64 `json:"lemma"`    // words whose lemma equals the gold LEMMA
	UAS     float64 `json:"uas"`      // words with the right head
	LAS     float64 `json:"las"`      // words with the right head and the full label ("nsubj:pass")
	LASBase float64 `json:"las_base"` // words with the right head and universal label ("nsubj"), as in CoNLL 2018

	Tokens    int `json:"tokens"`    // gold words scored
	Sentences int `json:"sentences"` // gold sentences
	Docs      int `json:"docs"`      // gold documents

	Scored      parley.Layer `json:"-"` // the layers scored, among LayerPOS, LayerLemmas, LayerDeps
	FeatsScored bool         `json:"-"` // whether UFeats was scored
}

// MarshalJSON encodes s with the JSON names of its fields, leaving out the
// figures that were not scored.
func (s UDScore) MarshalJSON() ([]byte, error) {
	f := newFigures(s.Scored, s.FeatsScored, s.UPOS, s.XPOS, s.UFeats, s.Lemma, s.UAS, s.LAS, s.LASBase)
	return json.Marshal(struct {
		UPOS    *float64 `json:"upos,omitempty"`
		XPOS    *float64 `json:"xpos,omitempty"`
		UFeats  *float64 `json:"ufeats,omitempty"`
		Lemma   *float64 `json:"lemma,omitempty"`
		UAS     *float64 `json:"uas,omitempty"`
		LAS     *float64 `json:"las,omitempty"`
		LASBase *float64 `json:"las_base,omitempty"`

		Tokens    int `json:"tokens"`
		Sentences int `json:"sentences"`
		Docs      int `json:"docs"`
	}{f.upos, f.xpos, f.ufeats, f.lemma, f.uas, f.las, f.lasBase, s.Tokens, s.Sentences, s.Docs})
}

// UD scores the stages that run applies against the gold words of docs.
//
// Run is called once per document, in order, with a fresh copy of the
// document's Doc (so docs may be scored again), and annotates it in place:
// Token.UPOS, XPOS and Feats with parley.LayerPOS, Token.Lemma with
// parley.LayerLemmas, Token.Head and DepRel with parley.LayerDeps, each
// layer recorded in Doc.Layers. It must leave the tokens' byte spans as
// they are.
//
// Every gold word is scored; see UDScore for which figures are reported. A
// figure's layer is scored when at least one document carries it; the
// words of a document that lacks it count as wrong. Tags and labels are
// compared exactly (a gold "_" is the empty string). The predicted lemma is
// Token.Lemma, or the token's text when that is empty; a gold lemma "_"
// accepts any lemma, as in CoNLL 2018. A head is right when Token.Head is
// the document-level index of the gold head word, or -1 when the gold head
// is 0 (the root); a gold word without a head ("_") is never right.
//
// An error from run is returned wrapped in a *parley.Error naming the
// document; a run that changes the number or spans of the tokens, or a
// head outside the document's tokens, is an error of kind parley.Invalid.
func UD(docs []UDDoc, run func(d *parley.Doc) error) (UDScore, error) {
	const op = "eval.UD"
	var (
		c      tagCounts
		scored parley.Layer
		score  UDScore
	)
	for i, ud := range docs {
		name := ud.Doc.SourceID
		if name == "" {
			name = fmt.Sprintf("document %d", i+1)
		}
		invalid := func(format string, args ...any) error {
			return &parley.Error{Op: op, Kind: parley.Invalid, Input: name, Err: fmt.Errorf(format, args...)}
		}
		d := cloneDoc(ud.Doc)
		if err := run(d); err != nil {
			return UDScore{}, &parley.Error{Op: op, Input: name, Err: err}
		}
		if len(d.Tokens) != len(ud.Doc.Tokens) {
			return UDScore{}, invalid("run changed the number of tokens from %d to %d", len(ud.Doc.Tokens), len(d.Tokens))
		}
		for j, t := range d.Tokens {
			g := ud.Doc.Tokens[j]
			if t.Start != g.Start || t.End != g.End {
				return UDScore{}, invalid("run changed token %d from bytes %d…%d to %d…%d", j, g.Start, g.End, t.Start, t.End)
			}
		}
		layers := d.Layers & (parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps)
		scored |= layers
		if layers.Has(parley.LayerDeps) {
			for j, t := range d.Tokens {
				if t.Head < -1 || t.Head >= len(d.Tokens) {
					return UDScore{}, invalid("token %d: head %d outside the %d tokens", j, t.Head, len(d.Tokens))
				}
			}
		}
		heads := docHeads(ud)
		for j, t := range d.Tokens {
			pred := predicted{Token: t, text: d.TokenText(j), headOK: t.Head == heads[j] && heads[j] != noHead}
			c.add(ud.Words[j], pred, layers)
		}
		score.Sentences += len(ud.Doc.Sentences)
	}
	score.Docs = len(docs)
	score.Tokens = c.words
	score.Scored = scored
	score.FeatsScored = scored.Has(parley.LayerPOS) && c.featsPredicted
	acc := func(n int) float64 { return percent(n, c.words) }
	if scored.Has(parley.LayerPOS) {
		score.UPOS, score.XPOS = acc(c.upos), acc(c.xpos)
		if score.FeatsScored {
			score.UFeats = acc(c.feats)
		}
	}
	if scored.Has(parley.LayerLemmas) {
		score.Lemma = acc(c.lemma)
	}
	if scored.Has(parley.LayerDeps) {
		score.UAS, score.LAS, score.LASBase = acc(c.uas), acc(c.las), acc(c.lasBase)
	}
	return score, nil
}

// noHead is the document-level head of a gold word whose HEAD is "_".
const noHead = -2

// docHeads returns the document-level index of each gold word's head: -1
// for the root, noHead for none.
func docHeads(ud UDDoc) []int {
	heads := make([]int, len(ud.Words))
	for _, s := range ud.Doc.Sentences {
		for i := s.Tokens.Start; i < s.Tokens.End; i++ {
			switch h := ud.Words[i].Head; h {
			case 0:
				heads[i] = -1
			case conllu.NoHead:
				heads[i] = noHead
			default:
				heads[i] = s.Tokens.Start + h - 1
			}
		}
	}
	return heads
}

// cloneDoc returns a copy of d that shares no slice or map with it.
func cloneDoc(d *parley.Doc) *parley.Doc {
	c := *d
	c.Meta = maps.Clone(d.Meta)
	c.Tokens = slices.Clone(d.Tokens)
	c.Sentences = slices.Clone(d.Sentences)
	c.Entities = slices.Clone(d.Entities)
	c.Timexes = slices.Clone(d.Timexes)
	c.Places = slices.Clone(d.Places)
	c.Actors = slices.Clone(d.Actors)
	c.Events = slices.Clone(d.Events)
	c.Notes = slices.Clone(d.Notes)
	return &c
}

// predicted is a system word to compare with a gold word: its token, its
// text and whether its head is right (computed by the caller, which knows
// how to map heads).
type predicted struct {
	parley.Token
	text   string
	headOK bool
}

// tagCounts counts correct words per figure.
type tagCounts struct {
	words                                       int // gold words (UD) or aligned words (UDRaw)
	upos, xpos, feats, lemma, uas, las, lasBase int
	featsPredicted                              bool
}

// add compares one system word with its gold word, for the given layers.
func (c *tagCounts) add(g conllu.Word, p predicted, layers parley.Layer) {
	c.words++
	if layers.Has(parley.LayerPOS) {
		if p.Feats != "" {
			c.featsPredicted = true
		}
		c.upos += b2i(p.UPOS == g.UPOS)
		c.xpos += b2i(p.XPOS == g.XPOS)
		c.feats += b2i(p.Feats == g.Feats)
	}
	if layers.Has(parley.LayerLemmas) {
		lemma := p.Lemma
		if lemma == "" {
			lemma = p.text
		}
		c.lemma += b2i(g.Lemma == "" || lemma == g.Lemma)
	}
	if layers.Has(parley.LayerDeps) && p.headOK {
		c.uas++
		c.las += b2i(p.DepRel == g.DepRel)
		c.lasBase += b2i(baseRel(p.DepRel) == baseRel(g.DepRel))
	}
}

// baseRel returns the universal part of a dependency label: "nsubj" for
// "nsubj:pass".
func baseRel(rel string) string {
	base, _, _ := strings.Cut(rel, ":")
	return base
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// percent returns 100·n/total rounded to two decimals, or 0 when total is 0.
func percent(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return round2(100 * float64(n) / float64(total))
}

// f1 returns the F1 score, in percent rounded to two decimals, of correct
// items out of gold and system items: 2·correct/(gold+system).
func f1(correct, gold, system int) float64 { return percent(2*correct, gold+system) }

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// figures holds the optional figures of a score for JSON: nil when not
// scored.
type figures struct{ upos, xpos, ufeats, lemma, uas, las, lasBase *float64 }

func newFigures(scored parley.Layer, feats bool, upos, xpos, ufeats, lemma, uas, las, lasBase float64) figures {
	var f figures
	if scored.Has(parley.LayerPOS) {
		f.upos, f.xpos = &upos, &xpos
		if feats {
			f.ufeats = &ufeats
		}
	}
	if scored.Has(parley.LayerLemmas) {
		f.lemma = &lemma
	}
	if scored.Has(parley.LayerDeps) {
		f.uas, f.las, f.lasBase = &uas, &las, &lasBase
	}
	return f
}

// UDRawDoc is one gold document for UDRaw: the document as SegmentDocs
// rebuilds it (its raw text, gold units and sentences) and its gold
// syntactic words located in that text.
type UDRawDoc struct {
	GoldDoc
	Words []UDWord
}

// UDWord is a gold syntactic word of a UDRawDoc.
type UDWord struct {
	// Word is the word as read; its Head is a sentence-level word ID.
	Word conllu.Word
	// Span is the word's byte span in the document's Text: its own span,
	// or for a Multiword part the span of the whole multi-word token.
	Span parley.Span
	// Multiword marks the parts of a multi-word token whose forms do not
	// spell it ("y'all" → "you" "all"), which are aligned as
	// conll18_ud_eval.py aligns multi-word tokens. The parts of one that
	// they do spell ("didn't" → "did" "n't") have spans of their own.
	Multiword bool
	// Missing marks the words of a surface token that was not found in the
	// text (counted in GoldDoc.Unaligned); they never align.
	Missing bool
	// Head is the index in UDRawDoc.Words of the head word, -1 for the
	// root, or -2 when the gold HEAD is "_".
	Head int
}

// UDRawDocs reads r to the end and returns its documents for end-to-end
// evaluation. The embedded GoldDoc of each is what SegmentDocs returns for
// the same input: the text rebuilt from the "# text" lines, the gold units
// and sentences. The gold words are located in the text as SegmentDocs
// locates the surface tokens: a word that is a token of its own, or a part
// of a multi-word token whose parts spell it, gets its own span; the parts
// of any other multi-word token share the token's span and are marked
// Multiword; the words of a token not found are marked Missing.
//
// Errors from r are returned as they are.
func UDRawDocs(r *conllu.Reader) ([]UDRawDoc, error) {
	raws, err := readRaw(r)
	if err != nil {
		return nil, err
	}
	docs := make([]UDRawDoc, len(raws))
	for i, rd := range raws {
		d := &docs[i]
		d.ID, d.Text = rd.id, rd.text
		for _, rs := range rd.sents {
			d.Sentences = append(d.Sentences, parley.Span{Start: rs.base, End: rs.base + len(rs.text)})
			d.locate(rs.text, rs.base, rs.s)
		}
	}
	return docs, nil
}

// locate adds the words of sentence s, whose text starts at byte base of
// the document, and the gold units, walking the tokens through the text as
// align (segment.go) does.
func (d *UDRawDoc) locate(text string, base int, s *conllu.Sentence) {
	first := len(d.Words)
	pos := 0
	for _, t := range s.Tokens {
		pos = skipSpace(text, pos)
		form := surface(t)
		at := -1
		if form != "" {
			at = indexFold(text, form, pos)
		}
		if form != "" && at < 0 {
			d.Unaligned++
		}
		if at < 0 {
			for _, w := range t.Words {
				d.Words = append(d.Words, UDWord{Word: w, Missing: true})
			}
			continue
		}
		pos = at + len(form)
		span := parley.Span{Start: base + at, End: base + pos}
		switch {
		case spells(t):
			start := span.Start
			for _, w := range t.Words {
				ws := parley.Span{Start: start, End: start + len(w.Form)}
				start = ws.End
				d.Words = append(d.Words, UDWord{Word: w, Span: ws})
				if !ws.Empty() {
					d.Tokens = append(d.Tokens, ws)
				}
			}
		default:
			for _, w := range t.Words {
				d.Words = append(d.Words, UDWord{Word: w, Span: span, Multiword: len(t.Words) > 1})
			}
			d.Tokens = append(d.Tokens, span)
		}
	}
	for i := first; i < len(d.Words); i++ {
		switch h := d.Words[i].Word.Head; h {
		case 0:
			d.Words[i].Head = -1
		case conllu.NoHead:
			d.Words[i].Head = noHead
		default:
			d.Words[i].Head = first + h - 1
		}
	}
}

// UDRawScore is the result of UDRaw. The figures are F1 scores in percent,
// 0…100, rounded to two decimals; which are scored follows the rules of
// UDScore (Scored, FeatsScored), and Words and SentencesF1 are always
// scored.
type UDRawScore struct {
	Words       float64 `json:"words"`        // aligned words
	SentencesF1 float64 `json:"sentences_f1"` // sentences whose byte spans match exactly
	UPOS        float64 `json:"upos"`
	XPOS        float64 `json:"xpos"`
	UFeats      float64 `json:"ufeats"`
	Lemma       float64 `json:"lemma"`
	UAS         float64 `json:"uas"`
	LAS         float64 `json:"las"`      // full labels
	LASBase     float64 `json:"las_base"` // universal labels, the official CoNLL 2018 LAS

	Tokens    int `json:"tokens"`              // gold words
	Sentences int `json:"sentences"`           // gold sentences
	Docs      int `json:"docs"`                // gold documents
	Unaligned int `json:"unaligned,omitempty"` // gold surface tokens not found in the text (GoldDoc.Unaligned)

	Scored      parley.Layer `json:"-"` // the layers scored, among LayerPOS, LayerLemmas, LayerDeps
	FeatsScored bool         `json:"-"` // whether UFeats was scored
}

// MarshalJSON encodes s with the JSON names of its fields, leaving out the
// figures that were not scored.
func (s UDRawScore) MarshalJSON() ([]byte, error) {
	f := newFigures(s.Scored, s.FeatsScored, s.UPOS, s.XPOS, s.UFeats, s.Lemma, s.UAS, s.LAS, s.LASBase)
	return json.Marshal(struct {
		Words       float64  `json:"words"`
		SentencesF1 float64  `json:"sentences_f1"`
		UPOS        *float64 `json:"upos,omitempty"`
		XPOS        *float64 `json:"xpos,omitempty"`
		UFeats      *float64 `json:"ufeats,omitempty"`
		Lemma       *float64 `json:"lemma,omitempty"`
		UAS         *float64 `json:"uas,omitempty"`
		LAS         *float64 `json:"las,omitempty"`
		LASBase     *float64 `json:"las_base,omitempty"`

		Tokens    int `json:"tokens"`
		Sentences int `json:"sentences"`
		Docs      int `json:"docs"`
		Unaligned int `json:"unaligned,omitempty"`
	}{s.Words, s.SentencesF1, f.upos, f.xpos, f.ufeats, f.lemma, f.uas, f.las, f.lasBase,
		s.Tokens, s.Sentences, s.Docs, s.Unaligned})
}

// UDRaw scores a whole pipeline, from raw text to dependency trees,
// against docs, with the metrics of the CoNLL 2018 shared task.
//
// Run is called once per document, in order, with the document's Text, and
// returns a Doc with Tokens (byte offsets into that text, in text order),
// Sentences and the layers under test, as for UD.
//
// The system words (the Doc's tokens) are aligned to the gold words as
// conll18_ud_eval.py aligns them: words outside multi-word tokens align
// when their spans are equal; around a Multiword gold word, the smallest
// span of text that no multi-word token sticks out of is aligned by the
// longest common subsequence of lower-cased forms. Since gold words of
// multi-word tokens whose parts spell the token have spans of their own,
// they align by span; this gives the script's result whenever the system's
// tokens are substrings of the text, as parley's are.
//
// Each figure is an F1 score: precision is the number of correct words
// over the system words, recall over the gold words. A word is correct for
// Words when it is aligned; for UPOS, XPOS, UFeats and Lemma when it is
// aligned and its value is right, as in UD; for UAS when it is aligned and
// its head is the system word aligned to its gold head (or both are the
// root), and for LAS and LASBase when the label is right too. SentencesF1
// is the F1 of sentences whose byte spans (first token's start to last
// token's end) equal a gold sentence's.
//
// An error from run is returned wrapped in a *parley.Error naming the
// document; a nil Doc, a token or sentence out of range, or a head outside
// the Doc's tokens is an error of kind parley.Invalid.
func UDRaw(docs []UDRawDoc, run func(text string) (*parley.Doc, error)) (UDRawScore, error) {
	const op = "eval.UDRaw"
	var (
		c              tagCounts
		sent           counts
		gold, sys      int
		scored         parley.Layer
		score          UDRawScore
		featsPredicted bool
	)
	for i, gd := range docs {
		name := gd.ID
		if name == "" {
			name = fmt.Sprintf("document %d", i+1)
		}
		invalid := func(format string, args ...any) error {
			return &parley.Error{Op: op, Kind: parley.Invalid, Input: name, Err: fmt.Errorf(format, args...)}
		}
		pd, err := run(gd.Text)
		if err != nil {
			return UDRawScore{}, &parley.Error{Op: op, Input: name, Err: err}
		}
		if pd == nil {
			return UDRawScore{}, invalid("run returned no document")
		}
		layers := pd.Layers & (parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps)
		scored |= layers
		for j, t := range pd.Tokens {
			if layers.Has(parley.LayerPOS) && t.Feats != "" {
				featsPredicted = true
			}
			if t.Start < 0 || t.End < t.Start || t.End > len(pd.Text) {
				return UDRawScore{}, invalid("token %d: byte span %d…%d outside the text (%d bytes)", j, t.Start, t.End, len(pd.Text))
			}
			if layers.Has(parley.LayerDeps) && (t.Head < -1 || t.Head >= len(pd.Tokens)) {
				return UDRawScore{}, invalid("token %d: head %d outside the %d tokens", j, t.Head, len(pd.Tokens))
			}
		}
		var predSents []parley.Span
		for j, s := range pd.Sentences {
			if s.Tokens.Start < 0 || s.Tokens.End > len(pd.Tokens) {
				return UDRawScore{}, invalid("sentence %d: token span %d…%d outside the %d tokens", j, s.Tokens.Start, s.Tokens.End, len(pd.Tokens))
			}
			if !s.Tokens.Empty() {
				predSents = append(predSents, pd.SpanBytes(s.Tokens))
			}
		}
		sent.add(gd.Sentences, predSents)

		sysToGold := alignDoc(gd, pd)
		for j, t := range pd.Tokens {
			g := sysToGold[j]
			if g < 0 {
				continue
			}
			gw := gd.Words[g]
			headOK := false
			switch {
			case gw.Head == noHead:
			case t.Head == -1:
				headOK = gw.Head == -1
			case gw.Head >= 0:
				headOK = sysToGold[t.Head] == gw.Head
			}
			c.add(gw.Word, predicted{Token: t, text: pd.Text[t.Start:t.End], headOK: headOK}, layers)
		}
		gold += len(gd.Words)
		sys += len(pd.Tokens)
		score.Sentences += len(gd.Sentences)
		score.Unaligned += gd.Unaligned
	}
	featsScored := scored.Has(parley.LayerPOS) && featsPredicted
	score.Docs = len(docs)
	score.Tokens = gold
	score.Scored = scored
	score.FeatsScored = featsScored
	score.Words = f1(c.words, gold, sys)
	score.SentencesF1 = f1(sent.match, sent.gold, sent.pred)
	fig := func(n int) float64 { return f1(n, gold, sys) }
	if scored.Has(parley.LayerPOS) {
		score.UPOS, score.XPOS = fig(c.upos), fig(c.xpos)
		if featsScored {
			score.UFeats = fig(c.feats)
		}
	}
	if scored.Has(parley.LayerLemmas) {
		score.Lemma = fig(c.lemma)
	}
	if scored.Has(parley.LayerDeps) {
		score.UAS, score.LAS, score.LASBase = fig(c.uas), fig(c.las), fig(c.lasBase)
	}
	return score, nil
}

// alignWord is a word as the alignment sees it.
type alignWord struct {
	span  parley.Span
	multi bool
	form  string // lower-cased
	index int    // in UDRawDoc.Words or Doc.Tokens
}

// alignDoc aligns the system tokens of pd to the gold words of gd and
// returns, for each token, the index of its gold word or -1.
func alignDoc(gd UDRawDoc, pd *parley.Doc) []int {
	var gw, sw []alignWord
	for i, w := range gd.Words {
		if !w.Missing {
			gw = append(gw, alignWord{span: w.Span, multi: w.Multiword, form: strings.ToLower(w.Word.Form), index: i})
		}
	}
	for i, t := range pd.Tokens {
		sw = append(sw, alignWord{span: parley.Span{Start: t.Start, End: t.End}, form: strings.ToLower(pd.Text[t.Start:t.End]), index: i})
	}
	sysToGold := make([]int, len(pd.Tokens))
	for i := range sysToGold {
		sysToGold[i] = -1
	}
	for _, p := range alignWords(gw, sw) {
		sysToGold[sw[p[1]].index] = gw[p[0]].index
	}
	return sysToGold
}

// alignWords aligns gold and system words as align_words in
// conll18_ud_eval.py does, and returns the aligned pairs of indices into
// gold and sys.
func alignWords(gold, sys []alignWord) [][2]int {
	var pairs [][2]int
	gi, si := 0, 0
	for gi < len(gold) && si < len(sys) {
		if !gold[gi].multi && !sys[si].multi {
			switch {
			case gold[gi].span == sys[si].span:
				pairs = append(pairs, [2]int{gi, si})
				gi++
				si++
			case gold[gi].span.Start <= sys[si].span.Start:
				gi++
			default:
				si++
			}
			continue
		}
		var gs, ss int
		gs, ss, gi, si = multiwordSpan(gold, sys, gi, si)
		g, s := gold[gs:gi], sys[ss:si]
		if len(g) == 0 || len(s) == 0 {
			continue
		}
		lcs := longestCommon(g, s)
		x, y := 0, 0
		for x < len(g) && y < len(s) {
			switch {
			case g[x].form == s[y].form:
				pairs = append(pairs, [2]int{gs + x, ss + y})
				x++
				y++
			case lcs[x][y] == lcs[x+1][y]:
				x++
			default:
				y++
			}
		}
	}
	return pairs
}

// multiwordSpan finds the smallest multi-word span starting at gold[gi] or
// sys[si], one of which is a multi-word part, as find_multiword_span in
// conll18_ud_eval.py does. It returns the first gold and system words in
// the span and the first ones after it.
func multiwordSpan(gold, sys []alignWord, gi, si int) (gs, ss, ge, se int) {
	var end int
	if gold[gi].multi {
		end = gold[gi].span.End
		if !sys[si].multi && sys[si].span.Start < gold[gi].span.Start {
			si++
		}
	} else {
		end = sys[si].span.End
		if gold[gi].span.Start < sys[si].span.Start {
			gi++
		}
	}
	gs, ss = gi, si
	for !beyondEnd(gold, gi, end) || !beyondEnd(sys, si, end) {
		if gi < len(gold) && (si >= len(sys) || gold[gi].span.Start <= sys[si].span.Start) {
			end = extendEnd(gold[gi], end)
			gi++
		} else {
			end = extendEnd(sys[si], end)
			si++
		}
	}
	return gs, ss, gi, si
}

func beyondEnd(words []alignWord, i, end int) bool {
	if i >= len(words) {
		return true
	}
	if words[i].multi {
		return words[i].span.Start >= end
	}
	return words[i].span.End > end
}

func extendEnd(w alignWord, end int) int {
	if w.multi && w.span.End > end {
		return w.span.End
	}
	return end
}

// longestCommon returns the table of longest-common-subsequence lengths of
// the forms of g[x:] and s[y:], for x ≤ len(g) and y ≤ len(s).
func longestCommon(g, s []alignWord) [][]int {
	lcs := make([][]int, len(g)+1)
	for x := range lcs {
		lcs[x] = make([]int, len(s)+1)
	}
	for x := len(g) - 1; x >= 0; x-- {
		for y := len(s) - 1; y >= 0; y-- {
			if g[x].form == s[y].form {
				lcs[x][y] = 1 + lcs[x+1][y+1]
			}
			lcs[x][y] = max(lcs[x][y], lcs[x+1][y], lcs[x][y+1])
		}
	}
	return lcs
}
