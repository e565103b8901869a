// Package conllu reads and writes CoNLL-U, the Universal Dependencies
// treebank format (https://universaldependencies.org/format.html).
//
// A file is a sequence of sentences; each sentence is a block of comment
// lines ("# sent_id = …", "# text = …") followed by one line per word,
// multi-word token range ("3-4") and empty node ("8.1"), and ends with a
// blank line. A Reader streams Sentence values from such a file, a Writer
// writes them back, and WriteDoc writes the tokens, sentences and word-level
// layers of a parley.Doc.
//
// Reading and then writing a well-formed file reproduces it byte for byte:
// comment lines are kept in order, and the underscore that marks an empty
// column is turned into the empty string on reading and back on writing.
package conllu

import "strings"

// NoHead is the Word.Head of a word whose HEAD column is "_".
const NoHead = -1

// Word is one syntactic word: a line whose ID is an integer. Every string
// field holds its column's value, or "" when the column is "_" (except Form,
// which is kept as written, so that the word "_" survives).
type Word struct {
	ID     int    // 1-based position in the sentence
	Form   string // word form
	Lemma  string // lemma
	UPOS   string // Universal POS tag
	XPOS   string // language-specific POS tag
	Feats  string // morphological features, "Number=Sing|Person=3"
	Head   int    // ID of the head word, 0 for the root, or NoHead
	DepRel string // dependency relation to the head
	Deps   string // enhanced dependency graph, "4:nsubj|6:obj"
	Misc   string // anything else, "SpaceAfter=No"
}

// Token is one surface token: a single word, or a multi-word token (a range
// line such as "3-4 didn't") with the words it is split into.
//
// Form and Misc are the surface token's FORM and MISC columns: the range
// line's for a multi-word token, copies of the word's own for a single word.
// The Reader fills both; the Writer writes a single-word token from its word
// alone and writes a range line only when a token has more than one word.
type Token struct {
	Form  string
	Misc  string
	Words []Word
}

// SpaceAfter reports whether the token is followed by a space, that is,
// whether its MISC column lacks "SpaceAfter=No".
func (t Token) SpaceAfter() bool {
	misc := t.Misc
	if len(t.Words) == 1 && misc == "" {
		misc = t.Words[0].Misc
	}
	for f := range strings.SplitSeq(misc, "|") {
		if f == "SpaceAfter=No" {
			return false
		}
	}
	return true
}

// EmptyNode is an empty node of the enhanced graph, a line whose ID is
// decimal ("8.1"). Its HEAD and DEPREL columns are always "_".
type EmptyNode struct {
	After int // the integer part of the ID: the word it follows, 0 for before the first
	Index int // the part after the dot, 1, 2, … for each node after the same word
	Form  string
	Lemma string
	UPOS  string
	XPOS  string
	Feats string
	Deps  string
	Misc  string
}

// Sentence is one sentence of a CoNLL-U file.
//
// Comments holds every comment line in order, without the leading "#" and
// one following space, including the lines that ID, Text, NewDoc, DocID and
// NewPar are read from. The first "sent_id = …", "text = …", "newdoc [id =
// …]" and "newpar [id = …]" line sets the field; later duplicates are
// ordinary comments. On writing, a line whose field has changed is
// rewritten, a "newdoc" or "newpar" line is dropped when the flag is false,
// and a field with no line is added: newdoc, newpar and sent_id before the
// other comments, text after them.
type Sentence struct {
	Comments []string
	ID       string // from "# sent_id = …"
	Text     string // from "# text = …"
	NewDoc   bool   // "# newdoc" or "# newdoc id = …": the sentence starts a document
	DocID    string // the document id given by "# newdoc id = …"; written only with NewDoc
	NewPar   bool   // "# newpar" or "# newpar id = …": the sentence starts a paragraph
	Tokens   []Token
	Empty    []EmptyNode // empty nodes, ordered by After and Index
}

// Words returns the sentence's syntactic words in order.
func (s *Sentence) Words() []Word {
	var ws []Word
	for _, t := range s.Tokens {
		ws = append(ws, t.Words...)
	}
	return ws
}

// The keys of the comment lines that set Sentence fields.
const (
	keyNewDoc = "newdoc"
	keyNewPar = "newpar"
	keySentID = "sent_id"
	keyText   = "text"
)

// parseComment returns the key and value of a comment that sets a Sentence
// field, or ok == false for any other comment.
func parseComment(c string) (key, value string, ok bool) {
	k, v, eq := strings.Cut(c, "=")
	k = strings.Trim(k, " \t")
	v = strings.Trim(v, " \t")
	switch {
	case !eq && (k == keyNewDoc || k == keyNewPar):
		return k, "", true
	case eq && (k == keyNewDoc+" id" || k == keyNewPar+" id"):
		return strings.TrimSuffix(k, " id"), v, true
	case eq && (k == keySentID || k == keyText):
		return k, v, true
	}
	return "", "", false
}

// underscore returns s, or "_" when s is empty.
func underscore(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// field returns a column's value: "" for "_", s otherwise.
func field(s string) string {
	if s == "_" {
		return ""
	}
	return s
}
