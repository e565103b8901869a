package eval

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parley-events/parley"
)

// This file scores the named-entity recognizer against CoNLL-2003-format
// corpora (`parley eval ner`), with the figures conlleval, the shared
// task's evaluation script, computes.

// NERDoc is one document of a CoNLL-2003-format file, as NERDocs reads it.
type NERDoc struct {
	// Doc holds the gold tokens and sentences. Text is the tokens joined by
	// single spaces, sentences separated by "\n"; Tokens have byte offsets
	// into Text, Head -1 and a Kind guessed from their shape; Sentences are
	// token spans, all in paragraph 0; Layers is
	// parley.LayerTokens|parley.LayerSentences; Origin is the name given to
	// NERDocs, SourceID that name + "#" + the 1-based document number, and
	// ID the content hash of Text, as for any Doc.
	Doc *parley.Doc
	// Gold holds the gold entities, token spans into Doc.Tokens in text
	// order, without Subtype.
	Gold []parley.Entity
}

// NERDocs reads a CoNLL-2003-format file to the end and returns its
// documents.
//
// Each non-blank line is one token: white-space-separated fields, the
// first the word and the last the NER tag (in CoNLL-2003, "word POS chunk
// NER"). A blank line ends a sentence, and a line whose first field starts
// with "-DOCSTART-" ends a document; a file without any is one document.
// Documents without tokens are skipped and not numbered. Lines may end in
// "\n" or "\r\n".
//
// A tag is "O", "B-TYPE" or "I-TYPE", TYPE one of PER, ORG, LOC and MISC;
// both IOB1 (I- except where an entity directly follows one of the same
// type) and IOB2 (B- at the start of every entity) are accepted, since
// chunks are read as conlleval reads them: a chunk starts at B-TYPE, and
// at I-TYPE after O, after a different type or at the start of a sentence;
// I-TYPE after B-TYPE or I-TYPE continues it. Chunks never cross sentence
// boundaries.
//
// A line with fewer than two fields, or a tag of another form, is an error
// of kind parley.Invalid naming name and the line; an error reading r is
// returned as a *parley.Error of kind parley.IO.
func NERDocs(r io.Reader, name string) ([]NERDoc, error) {
	const op = "eval.NERDocs"
	var (
		br   = bufio.NewReaderSize(r, 64<<10)
		b    nerBuilder
		docs []NERDoc
		line int
	)
	endDoc := func() {
		b.endSentence()
		if len(b.doc.Tokens) > 0 {
			d := b.doc
			d.Text = b.text.String()
			d.ID = parley.Hash(d.Text)
			d.Origin = name
			d.SourceID = name + "#" + strconv.Itoa(len(docs)+1)
			d.Layers = parley.LayerTokens | parley.LayerSentences
			docs = append(docs, NERDoc{Doc: &d, Gold: b.gold})
		}
		b = nerBuilder{}
	}
	for {
		s, err := br.ReadString('\n')
		if err != nil && err != io.EOF {
			return nil, &parley.Error{Op: op, Kind: parley.IO, Input: name, Line: line + 1, Err: err}
		}
		if s == "" && err == io.EOF {
			break
		}
		line++
		s = strings.TrimRight(s, "\r\n")
		fields := strings.Fields(s)
		switch {
		case len(fields) == 0:
			b.endSentence()
		case strings.HasPrefix(fields[0], "-DOCSTART-"):
			endDoc()
		case len(fields) < 2:
			return nil, &parley.Error{Op: op, Kind: parley.Invalid, Input: name, Line: line,
				Err: errors.New("one field, want the word and the NER tag at least")}
		default:
			tag := fields[len(fields)-1]
			prefix, typ, ok := parseIOB(tag)
			if !ok {
				return nil, &parley.Error{Op: op, Kind: parley.Invalid, Input: name, Line: line,
					Err: fmt.Errorf("NER tag %q is not O, B-TYPE or I-TYPE with TYPE one of PER, ORG, LOC, MISC", tag)}
			}
			b.add(fields[0], prefix, typ)
		}
		if err == io.EOF {
			break
		}
	}
	endDoc()
	return docs, nil
}

// parseIOB splits an IOB tag into its prefix ('O', 'B' or 'I') and entity
// type; ok is false when tag is not "O", "B-TYPE" or "I-TYPE" with a
// CoNLL-2003 TYPE.
func parseIOB(tag string) (prefix byte, typ parley.EntityType, ok bool) {
	if tag == "O" {
		return 'O', "", true
	}
	p, t, found := strings.Cut(tag, "-")
	if !found || (p != "B" && p != "I") {
		return 0, "", false
	}
	switch typ := parley.EntityType(t); typ {
	case parley.PER, parley.ORG, parley.LOC, parley.MISC:
		return p[0], typ, true
	}
	return 0, "", false
}

// nerBuilder accumulates one document as NERDocs reads it.
type nerBuilder struct {
	doc   parley.Doc
	text  strings.Builder
	first int // first token of the open sentence
	gold  []parley.Entity
	chunk chunker
}

// add appends a token with its tag.
func (b *nerBuilder) add(word string, prefix byte, typ parley.EntityType) {
	switch {
	case len(b.doc.Tokens) == 0:
	case len(b.doc.Tokens) == b.first:
		b.text.WriteByte('\n')
	default:
		b.text.WriteByte(' ')
	}
	start := b.text.Len()
	b.text.WriteString(word)
	i := len(b.doc.Tokens)
	b.doc.Tokens = append(b.doc.Tokens, parley.Token{Start: start, End: b.text.Len(), Kind: shapeKind(word), Head: -1})
	b.gold = b.chunk.tag(b.gold, i, prefix, typ)
}

// endSentence closes the open sentence, if it has tokens.
func (b *nerBuilder) endSentence() {
	n := len(b.doc.Tokens)
	if n == b.first {
		return
	}
	b.gold = b.chunk.close(b.gold, n)
	b.doc.Sentences = append(b.doc.Sentences, parley.Sentence{Tokens: parley.Span{Start: b.first, End: n}})
	b.first = n
}

// chunker turns the IOB tags of a sentence's tokens into entities,
// following conlleval's startOfChunk and endOfChunk: a chunk ends before O,
// B-TYPE or a change of type, and starts at B-TYPE or at I-TYPE that does
// not continue a chunk of its type. The zero value has no open chunk.
type chunker struct {
	open  bool
	start int
	typ   parley.EntityType
}

// tag takes token i's tag and returns ents with the chunk that the tag
// ends, if any, appended.
func (c *chunker) tag(ents []parley.Entity, i int, prefix byte, typ parley.EntityType) []parley.Entity {
	if prefix == 'I' && c.open && c.typ == typ {
		return ents
	}
	ents = c.close(ents, i)
	if prefix != 'O' {
		*c = chunker{open: true, start: i, typ: typ}
	}
	return ents
}

// close ends the open chunk, if any, before token end and returns ents
// with it appended.
func (c *chunker) close(ents []parley.Entity, end int) []parley.Entity {
	if c.open {
		ents = append(ents, parley.Entity{Tokens: parley.Span{Start: c.start, End: end}, Type: c.typ})
		c.open = false
	}
	return ents
}

// NERScore is the result of NER: exact-match precision, recall and F1 of
// entities, overall and per type, as conlleval computes them. The figures
// are percentages, 0…100, rounded to two decimals as conlleval prints them
// (printf "%.2f"); each is 0 when undefined.
type NERScore struct {
	Precision float64                            `json:"precision"` // correct entities over predicted ones
	Recall    float64                            `json:"recall"`    // correct entities over gold ones
	F1        float64                            `json:"f1"`        // harmonic mean of unrounded precision and recall
	PerType   map[parley.EntityType]NERTypeScore `json:"per_type"`  // every type found in gold or predictions

	Gold    int `json:"gold"`    // gold entities
	Pred    int `json:"pred"`    // predicted entities
	Correct int `json:"correct"` // predicted entities equal to a gold one
	Tokens  int `json:"tokens"`  // gold tokens
	Docs    int `json:"docs"`    // documents
}

// NERTypeScore is the score of one entity type, with the same figures as
// NERScore restricted to the entities of that type.
type NERTypeScore struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Gold      int     `json:"gold"`
	Pred      int     `json:"pred"`
	Correct   int     `json:"correct"`
}

// NER scores a named-entity recognizer against docs.
//
// Run is called once per document, in order, with a fresh copy of the
// document's Doc (without entities or parley.LayerEntities, so docs may be
// scored again), and sets Doc.Entities. It must leave the tokens' number
// and byte spans as they are.
//
// A predicted entity is correct when its token span and Type equal a gold
// entity's (Subtype is ignored); each gold entity matches at most one
// prediction. With chunks read from IOB tags, this is the count conlleval
// makes.
//
// An error from run is returned wrapped in a *parley.Error naming the
// document (its SourceID); a run that changes the tokens, or an entity
// whose token span is empty or outside the document's tokens, is an error
// of kind parley.Invalid.
func NER(docs []NERDoc, run func(d *parley.Doc) error) (NERScore, error) {
	const op = "eval.NER"
	var (
		all   nerCounts
		types = make(map[parley.EntityType]*nerCounts)
		score NERScore
	)
	count := func(t parley.EntityType) *nerCounts {
		c := types[t]
		if c == nil {
			c = new(nerCounts)
			types[t] = c
		}
		return c
	}
	for i, nd := range docs {
		name := nd.Doc.SourceID
		if name == "" {
			name = fmt.Sprintf("document %d", i+1)
		}
		invalid := func(format string, args ...any) error {
			return &parley.Error{Op: op, Kind: parley.Invalid, Input: name, Err: fmt.Errorf(format, args...)}
		}
		d := cloneDoc(nd.Doc)
		d.Entities = nil
		d.Layers &^= parley.LayerEntities
		if err := run(d); err != nil {
			return NERScore{}, &parley.Error{Op: op, Input: name, Err: err}
		}
		if len(d.Tokens) != len(nd.Doc.Tokens) {
			return NERScore{}, invalid("run changed the number of tokens from %d to %d", len(nd.Doc.Tokens), len(d.Tokens))
		}
		for j, t := range d.Tokens {
			g := nd.Doc.Tokens[j]
			if t.Start != g.Start || t.End != g.End {
				return NERScore{}, invalid("run changed token %d from bytes %d…%d to %d…%d", j, g.Start, g.End, t.Start, t.End)
			}
		}
		type key struct {
			span parley.Span
			typ  parley.EntityType
		}
		left := make(map[key]int, len(nd.Gold))
		for _, e := range nd.Gold {
			left[key{e.Tokens, e.Type}]++
			all.gold++
			count(e.Type).gold++
		}
		for j, e := range d.Entities {
			if e.Tokens.Empty() || e.Tokens.Start < 0 || e.Tokens.End > len(d.Tokens) {
				return NERScore{}, invalid("entity %d: token span %d…%d empty or outside the %d tokens", j, e.Tokens.Start, e.Tokens.End, len(d.Tokens))
			}
			all.pred++
			c := count(e.Type)
			c.pred++
			if k := (key{e.Tokens, e.Type}); left[k] > 0 {
				left[k]--
				all.correct++
				c.correct++
			}
		}
		score.Tokens += len(nd.Doc.Tokens)
	}
	score.Docs = len(docs)
	score.Gold, score.Pred, score.Correct = all.gold, all.pred, all.correct
	score.Precision, score.Recall, score.F1 = all.prf()
	score.PerType = make(map[parley.EntityType]NERTypeScore, len(types))
	for t, c := range types {
		ts := NERTypeScore{Gold: c.gold, Pred: c.pred, Correct: c.correct}
		ts.Precision, ts.Recall, ts.F1 = c.prf()
		score.PerType[t] = ts
	}
	return score, nil
}

// nerCounts counts gold, predicted and correct entities.
type nerCounts struct{ gold, pred, correct int }

// prf returns precision, recall and F1 in percent as conlleval computes
// and prints them: F1 from the unrounded precision and recall, each figure
// rounded to two decimals, 0 when undefined.
func (c nerCounts) prf() (p, r, f float64) {
	if c.pred > 0 {
		p = 100 * float64(c.correct) / float64(c.pred)
	}
	if c.gold > 0 {
		r = 100 * float64(c.correct) / float64(c.gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return printf2(p), printf2(r), printf2(f)
}

// printf2 rounds x to two decimals as printf "%.2f" does (exact binary
// value, ties to even), so that figures equal conlleval's output.
func printf2(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 2, 64), 64)
	return v
}
