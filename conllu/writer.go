package conllu

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/parley-events/parley"
)

// Writer writes sentences as CoNLL-U. Each sentence is written to the
// underlying writer with a single Write call, so a Writer needs no flushing.
type Writer struct {
	w   io.Writer
	buf bytes.Buffer
	err error
}

// NewWriter returns a Writer writing to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// WriteSentence writes s: its comment lines (see Sentence), one line per
// range, word and empty node, and a blank line. Empty string fields are
// written as "_", and a Head of NoHead as "_".
//
// It returns a *parley.Error of kind parley.Invalid, and writes nothing,
// when s cannot be written as valid CoNLL-U: no words, a token without
// words, word IDs other than 1, 2, … in order, a head outside 0…n, empty
// nodes other than N.1, N.2, … after existing words N in order, or a field
// holding a tab or line break (a comment may hold tabs). An error from the
// underlying writer is returned as kind parley.IO, and by every later call.
func (w *Writer) WriteSentence(s *Sentence) error {
	if w.err != nil {
		return w.err
	}
	w.buf.Reset()
	if err := appendSentence(&w.buf, s); err != nil {
		return &parley.Error{Op: "conllu", Kind: parley.Invalid, Err: err}
	}
	if _, err := w.w.Write(w.buf.Bytes()); err != nil {
		w.err = &parley.Error{Op: "conllu", Kind: parley.IO, Err: err}
		return w.err
	}
	return nil
}

// appendSentence formats s into b.
func appendSentence(b *bytes.Buffer, s *Sentence) error {
	comments, err := sentenceComments(s)
	if err != nil {
		return err
	}
	n := 0
	for _, t := range s.Tokens {
		n += len(t.Words)
	}
	if n == 0 {
		return errors.New("sentence has no words")
	}
	for _, c := range comments {
		b.WriteByte('#')
		if c != "" {
			b.WriteByte(' ')
			b.WriteString(c)
		}
		b.WriteByte('\n')
	}
	empty := s.Empty
	writeEmpty := func(after int) error {
		for index := 1; len(empty) > 0 && empty[0].After == after; index++ {
			e := empty[0]
			empty = empty[1:]
			if e.Index != index {
				return fmt.Errorf("empty node %d.%d out of order, want %d.%d", e.After, e.Index, after, index)
			}
			id := strconv.Itoa(e.After) + "." + strconv.Itoa(e.Index)
			if err := appendLine(b, id, e.Form, e.Lemma, e.UPOS, e.XPOS, e.Feats, "_", "", e.Deps, e.Misc); err != nil {
				return err
			}
		}
		return nil
	}
	if err := writeEmpty(0); err != nil {
		return err
	}
	id := 0
	for _, t := range s.Tokens {
		if len(t.Words) == 0 {
			return fmt.Errorf("token %q after word %d has no words", t.Form, id)
		}
		if len(t.Words) > 1 {
			r := strconv.Itoa(id+1) + "-" + strconv.Itoa(id+len(t.Words))
			if err := appendLine(b, r, t.Form, "", "", "", "", "_", "", "", t.Misc); err != nil {
				return err
			}
		}
		for _, wd := range t.Words {
			id++
			if wd.ID != id {
				return fmt.Errorf("word %q has ID %d, want %d", wd.Form, wd.ID, id)
			}
			head := "_"
			switch {
			case wd.Head == NoHead:
			case wd.Head < 0 || wd.Head > n:
				return fmt.Errorf("word %d: head %d outside 0…%d", id, wd.Head, n)
			default:
				head = strconv.Itoa(wd.Head)
			}
			if err := appendLine(b, strconv.Itoa(id), wd.Form, wd.Lemma, wd.UPOS, wd.XPOS, wd.Feats, head, wd.DepRel, wd.Deps, wd.Misc); err != nil {
				return err
			}
			if err := writeEmpty(id); err != nil {
				return err
			}
		}
	}
	if len(empty) > 0 {
		e := empty[0]
		return fmt.Errorf("empty node %d.%d out of order or after a word that does not exist", e.After, e.Index)
	}
	b.WriteByte('\n')
	return nil
}

// appendLine writes one token line; empty columns become "_".
func appendLine(b *bytes.Buffer, cols ...string) error {
	for i, c := range cols {
		if strings.ContainsAny(c, "\t\n\r") {
			return fmt.Errorf("%s: column %d holds a tab or line break: %q", cols[0], i+1, c)
		}
		if i > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(underscore(c))
	}
	b.WriteByte('\n')
	return nil
}

// sentenceComments returns the comment lines to write for s: its Comments
// with the field lines brought up to date with the fields.
func sentenceComments(s *Sentence) ([]string, error) {
	for _, v := range []string{s.ID, s.Text, s.DocID} {
		if strings.ContainsAny(v, "\n\r") {
			return nil, fmt.Errorf("sentence field holds a line break: %q", v)
		}
	}
	value := map[string]string{keyNewDoc: s.DocID, keySentID: s.ID, keyText: s.Text}
	on := map[string]bool{keyNewDoc: s.NewDoc, keyNewPar: s.NewPar, keySentID: s.ID != "", keyText: s.Text != ""}
	canonical := func(key string) string {
		switch {
		case key == keyNewDoc && s.DocID != "":
			return "newdoc id = " + s.DocID
		case key == keyNewDoc, key == keyNewPar:
			return key
		}
		return key + " = " + value[key]
	}

	// The first line of each key sets the field on reading.
	first := make(map[string]int)
	firstValue := make(map[string]string)
	for i, c := range s.Comments {
		if strings.ContainsAny(c, "\n\r") {
			return nil, fmt.Errorf("comment holds a line break: %q", c)
		}
		if key, v, ok := parseComment(c); ok {
			if _, dup := first[key]; !dup {
				first[key], firstValue[key] = i, v
			}
		}
	}
	// Drop every line of a key whose line must go: newdoc and newpar when
	// the flag is false, sent_id and text when the field was cleared.
	drop := map[string]bool{keyNewDoc: !s.NewDoc, keyNewPar: !s.NewPar}
	for _, key := range []string{keySentID, keyText} {
		if _, ok := first[key]; ok && value[key] == "" && firstValue[key] != "" {
			drop[key] = true
		}
	}

	out := make([]string, 0, len(s.Comments)+4)
	for i, c := range s.Comments {
		key, _, ok := parseComment(c)
		switch {
		case !ok:
			out = append(out, c)
		case drop[key]:
		case i == first[key] && key != keyNewPar && firstValue[key] != value[key]:
			out = append(out, canonical(key))
		default:
			out = append(out, c)
		}
	}

	// Add the lines of fields that have none: newdoc, newpar and sent_id
	// before the other comments, text at the end.
	after := func(keys ...string) int {
		pos := 0
		for i, c := range out {
			if k, _, ok := parseComment(c); ok && slices.Contains(keys, k) {
				pos = i + 1
			}
		}
		return pos
	}
	add := func(key string, pos int) {
		if _, ok := first[key]; !ok && on[key] {
			out = slices.Insert(out, pos, canonical(key))
		}
	}
	add(keyNewDoc, 0)
	add(keyNewPar, after(keyNewDoc))
	add(keySentID, after(keyNewDoc, keyNewPar))
	add(keyText, len(out))
	return out, nil
}
