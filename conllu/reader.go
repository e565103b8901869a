package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/parley-events/parley"
)

// Reader reads sentences from a CoNLL-U stream.
//
// It checks the structure that the format and this package's types rely
// on: ten tab-separated non-empty columns; word IDs 1, 2, … in order; ranges
// "N-M" (M > N) announcing exactly the words that follow; empty nodes "N.K"
// right after word N with K = 1, 2, …; integer heads no greater than the
// number of words; comments only before a sentence's first token line. It
// does not check tags, features or that the heads form a tree. A range
// line's columns other than FORM and MISC are ignored, and so are the HEAD
// and DEPREL columns of empty nodes. Lines may end in "\n" or "\r\n" (a
// carriage return elsewhere is an error); blank
// lines separate sentences, and the last sentence need not be followed by
// one.
type Reader struct {
	r    *bufio.Reader
	name string
	line int   // number of the last line read
	err  error // sticky I/O error or io.EOF
}

// NewReader returns a Reader reading from r. Name identifies the input in
// errors, typically the file name.
func NewReader(r io.Reader, name string) *Reader {
	return &Reader{r: bufio.NewReaderSize(r, 64<<10), name: name}
}

// Next returns the next sentence. At the end of the input it returns
// (nil, io.EOF). A malformed sentence yields a *parley.Error of kind
// parley.Invalid whose Line is the offending line; the Reader then skips to
// the end of that sentence, so Next may be called again to go on with the
// next one. An error reading the underlying reader is returned as a
// *parley.Error of kind parley.IO and by every later call.
func (r *Reader) Next() (*Sentence, error) {
	var p sentenceParser
	for {
		line, err := r.readLine()
		if err != nil {
			if err != io.EOF {
				return nil, err
			}
			if !p.started() {
				return nil, io.EOF
			}
			if err := p.finish(); err != nil {
				return nil, r.invalid(err)
			}
			return p.s, nil
		}
		if strings.TrimLeft(line, " \t") == "" {
			if !p.started() {
				continue
			}
			if err := p.finish(); err != nil {
				return nil, r.invalid(err)
			}
			return p.s, nil
		}
		if err := p.line(line, r.line); err != nil {
			err = r.invalid(err)
			r.skipSentence()
			return nil, err
		}
	}
}

// readLine returns the next line without its line ending and any carriage
// returns before it.
func (r *Reader) readLine() (string, error) {
	if r.err != nil {
		return "", r.err
	}
	s, err := r.r.ReadString('\n')
	if err != nil {
		if err != io.EOF {
			r.err = &parley.Error{Op: "conllu", Kind: parley.IO, Input: r.name, Line: r.line + 1, Err: err}
			return "", r.err
		}
		if s == "" {
			r.err = io.EOF
			return "", r.err
		}
	}
	r.line++
	return strings.TrimRight(s, "\r\n"), nil
}

// skipSentence reads up to and including the next blank line.
func (r *Reader) skipSentence() {
	for {
		line, err := r.readLine()
		if err != nil || strings.TrimLeft(line, " \t") == "" {
			return
		}
	}
}

// lineError is a problem found on a given line.
type lineError struct {
	line int
	err  error
}

func (e *lineError) Error() string { return e.err.Error() }

// invalid wraps a parse error as a *parley.Error.
func (r *Reader) invalid(err error) error {
	line := r.line
	var le *lineError
	if errors.As(err, &le) {
		line, err = le.line, le.err
	}
	return &parley.Error{Op: "conllu", Kind: parley.Invalid, Input: r.name, Line: line, Err: err}
}

// sentenceParser accumulates the lines of one sentence.
type sentenceParser struct {
	s         *Sentence
	seen      map[string]bool // keys of field comments already read
	words     int             // number of words so far
	rangeEnd  int             // last word of the open multi-word token, or 0
	lastEmpty int             // Index of the last empty node after word `words`
	headLines []int           // line number of each word, for head errors
}

func (p *sentenceParser) started() bool { return p.s != nil }

// line parses one non-blank line, numbered n.
func (p *sentenceParser) line(line string, n int) error {
	if p.s == nil {
		p.s = new(Sentence)
	}
	if strings.Contains(line, "\r") {
		return errors.New("carriage return inside the line")
	}
	if line[0] == '#' {
		if len(p.s.Tokens) > 0 || len(p.s.Empty) > 0 {
			return errors.New("comment line after the sentence's token lines")
		}
		c := line[1:]
		c = strings.TrimPrefix(c, " ")
		p.comment(c)
		return nil
	}
	cols := strings.Split(line, "\t")
	if len(cols) != 10 {
		return fmt.Errorf("line has %d tab-separated columns, want 10", len(cols))
	}
	for i, c := range cols {
		if c == "" {
			return fmt.Errorf("column %d is empty (use \"_\")", i+1)
		}
	}
	id := cols[0]
	if a, b, ok := strings.Cut(id, "-"); ok {
		return p.rangeLine(cols, a, b)
	}
	if a, b, ok := strings.Cut(id, "."); ok {
		return p.emptyNode(cols, a, b)
	}
	return p.word(cols, n)
}

func (p *sentenceParser) comment(c string) {
	p.s.Comments = append(p.s.Comments, c)
	key, value, ok := parseComment(c)
	if !ok || p.seen[key] {
		return
	}
	if p.seen == nil {
		p.seen = make(map[string]bool)
	}
	p.seen[key] = true
	switch key {
	case keyNewDoc:
		p.s.NewDoc, p.s.DocID = true, value
	case keyNewPar:
		p.s.NewPar = true
	case keySentID:
		p.s.ID = value
	case keyText:
		p.s.Text = value
	}
}

func (p *sentenceParser) rangeLine(cols []string, a, b string) error {
	start, ok1 := atoi(a)
	end, ok2 := atoi(b)
	if !ok1 || !ok2 {
		return fmt.Errorf("ID %q is not an integer range N-M", cols[0])
	}
	if p.rangeEnd != 0 {
		return fmt.Errorf("range %s starts before range ending at word %d is complete", cols[0], p.rangeEnd)
	}
	if start != p.words+1 {
		return fmt.Errorf("range %s does not start at the next word ID %d", cols[0], p.words+1)
	}
	if end <= start {
		return fmt.Errorf("range %s does not span at least two words", cols[0])
	}
	p.rangeEnd = end
	p.s.Tokens = append(p.s.Tokens, Token{Form: cols[1], Misc: field(cols[9])})
	return nil
}

func (p *sentenceParser) emptyNode(cols []string, a, b string) error {
	after, ok1 := atoi(a)
	index, ok2 := atoi(b)
	if !ok1 || !ok2 {
		return fmt.Errorf("ID %q is not a decimal N.K", cols[0])
	}
	if after != p.words {
		return fmt.Errorf("empty node %s does not follow word %d", cols[0], after)
	}
	if index != p.lastEmpty+1 {
		return fmt.Errorf("empty node %s out of order, want %d.%d", cols[0], after, p.lastEmpty+1)
	}
	p.lastEmpty = index
	p.s.Empty = append(p.s.Empty, EmptyNode{
		After: after, Index: index,
		Form: cols[1], Lemma: field(cols[2]), UPOS: field(cols[3]), XPOS: field(cols[4]),
		Feats: field(cols[5]), Deps: field(cols[8]), Misc: field(cols[9]),
	})
	return nil
}

func (p *sentenceParser) word(cols []string, n int) error {
	id, ok := atoi(cols[0])
	if !ok {
		return fmt.Errorf("ID %q is not an integer", cols[0])
	}
	if id != p.words+1 {
		return fmt.Errorf("word ID %d out of order, want %d", id, p.words+1)
	}
	head := NoHead
	if cols[6] != "_" {
		head, ok = atoi(cols[6])
		if !ok {
			return fmt.Errorf("HEAD %q is not a non-negative integer or \"_\"", cols[6])
		}
	}
	w := Word{
		ID: id, Form: cols[1], Lemma: field(cols[2]), UPOS: field(cols[3]), XPOS: field(cols[4]),
		Feats: field(cols[5]), Head: head, DepRel: field(cols[7]), Deps: field(cols[8]), Misc: field(cols[9]),
	}
	p.words = id
	p.lastEmpty = 0
	p.headLines = append(p.headLines, n)
	if p.rangeEnd != 0 {
		t := &p.s.Tokens[len(p.s.Tokens)-1]
		t.Words = append(t.Words, w)
		if id == p.rangeEnd {
			p.rangeEnd = 0
		}
		return nil
	}
	p.s.Tokens = append(p.s.Tokens, Token{Form: w.Form, Misc: w.Misc, Words: []Word{w}})
	return nil
}

// finish checks the sentence once all its lines are read.
func (p *sentenceParser) finish() error {
	if p.rangeEnd != 0 {
		return fmt.Errorf("sentence ends inside the range ending at word %d", p.rangeEnd)
	}
	if p.words == 0 {
		return errors.New("sentence has no words")
	}
	for _, t := range p.s.Tokens {
		for _, w := range t.Words {
			if w.Head > p.words {
				return &lineError{p.headLines[w.ID-1], fmt.Errorf("HEAD %d is beyond the sentence's %d words", w.Head, p.words)}
			}
		}
	}
	return nil
}

// atoi parses a non-negative decimal integer of at most nine digits.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
