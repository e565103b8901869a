// Package tokenize splits text into tokens with byte offsets, following the
// Universal Dependencies (English EWT/GUM) and Penn Treebank conventions that
// parley's trained stages expect: clitics split ("do" "n't", "Russia" "'s"),
// hyphenated compounds split ("15" "-" "year") except for bound prefixes
// ("e-mail", "co-operate"), punctuation separated, while abbreviations
// ("U.S.", "Gen.", "a.m."), numbers ("3.5", "1,000"), URLs, e-mail addresses,
// @handles, #hashtags and emoticons stay whole.
//
// Tokens are offsets into the original text, never copies. Invalid UTF-8 is
// skipped like white space and recorded as a Note on the Doc.
package tokenize

import (
	"context"
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley"
)

// Tokenizer is the `tokenize` stage. The zero value is ready to use.
type Tokenizer struct{}

// New returns a Tokenizer.
func New() *Tokenizer { return &Tokenizer{} }

// maxNotes caps the invalid-UTF-8 notes recorded for one document; further
// problems are summarised in one last note.
const maxNotes = 10

// Process replaces d.Tokens with the tokens of d.Text and records a Note for
// each run of invalid UTF-8.
func (t *Tokenizer) Process(ctx context.Context, d *parley.Doc) error {
	// News runs about five and a half bytes a token: room for that many
	// saves growing the slice a doubling at a time (a third of all the
	// bytes the pipeline allocated).
	if n := len(d.Text)/5 + 16; cap(d.Tokens) < n {
		d.Tokens = make([]parley.Token, 0, n)
	}
	d.Tokens = Append(d.Tokens[:0], d.Text)
	if !utf8.ValidString(d.Text) {
		noteInvalid(d)
	}
	return nil
}

func noteInvalid(d *parley.Doc) {
	s := d.Text
	runs, bytes := 0, 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError || size != 1 {
			i += size
			continue
		}
		j := i + 1
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if r != utf8.RuneError || size != 1 {
				break
			}
			j++
		}
		runs++
		bytes += j - i
		if runs <= maxNotes {
			d.Note("tokenize", parley.NoteInvalidUTF8, parley.Span{Start: i, End: j},
				fmt.Sprintf("%d byte(s) of invalid UTF-8 at byte %d skipped", j-i, i))
		}
		i = j
	}
	if runs > maxNotes {
		d.Note("tokenize", parley.NoteInvalidUTF8, parley.Span{Start: 0, End: len(s)},
			fmt.Sprintf("%d runs of invalid UTF-8 (%d bytes) in all; only the first %d are noted", runs, bytes, maxNotes))
	}
}

// Append appends the tokens of text to dst and returns the extended slice.
// Token offsets are byte offsets into text.
func Append(dst []parley.Token, text string) []parley.Token {
	n := len(text)
	for i := 0; i < n; {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); isSep(r, size) {
			i += size
			continue
		}
		j := chunkEnd(text, i)
		dst = splitChunk(dst, text, i, j)
		i = j
	}
	return dst
}

var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true, 0: true}

// isSep reports whether the rune r of encoded size separates tokens: white
// space, format characters such as zero-width spaces, control characters
// and invalid bytes.
func isSep(r rune, size int) bool {
	if r == utf8.RuneError && size == 1 {
		return true
	}
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.IsControl(r)
}

// chunkEnd returns the end of the run of non-separator runes starting at i.
func chunkEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isSep(r, size) {
			return i
		}
		i += size
	}
	return i
}

func tok(dst []parley.Token, text string, s, e int) []parley.Token {
	return append(dst, parley.Token{Start: s, End: e, Kind: kindOf(text[s:e]), Head: -1})
}

func kindOf(w string) parley.TokenKind {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case r >= '0' && r <= '9':
		return parley.TokNumber
	case r < utf8.RuneSelf && isAlnumASCII(byte(r)):
		return parley.TokWord
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		if unicode.IsDigit(r) {
			return parley.TokNumber
		}
		return parley.TokWord
	}
	if len(w) > 1 {
		switch {
		case r == '@' && isWordRune(w[1:]):
			return parley.TokHandle
		case r == '#' && isWordRune(w[1:]):
			return parley.TokHashtag
		case r == '\'' || r == '’':
			// clitics and elisions: 's, 're, '90s
			if _, sz := utf8.DecodeRuneInString(w); sz < len(w) {
				r2, _ := utf8.DecodeRuneInString(w[sz:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					return parley.TokWord
				}
			}
		}
	}
	return parley.TokPunct
}

func isWordRune(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}

func isAlnumASCII(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isLetterASCII(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// splitChunk appends the tokens of the white-space-free chunk text[s:e].
func splitChunk(dst []parley.Token, text string, s, e int) []parley.Token {
	// Leading punctuation: quotes, brackets, currency signs, dashes.
	for s < e {
		if l, kind := special(text, s, e); l > 0 {
			// A whole URL, e-mail, handle or hashtag (minus trailing punctuation).
			dst = append(dst, parley.Token{Start: s, End: s + l, Kind: kind, Head: -1})
			if s+l < e {
				dst = splitChunk(dst, text, s+l, e) // what follows in the chunk
			}
			return dst
		}
		l := leadPunct(text, s, e)
		if l == 0 {
			break
		}
		dst = tok(dst, text, s, s+l)
		s += l
	}
	if s >= e {
		return dst
	}
	// Trailing punctuation, collected right to left.
	var stack [24]int
	n := 0
	for e > s && n < len(stack)-1 {
		l := trailPunct(text, s, e)
		if l == 0 {
			break
		}
		stack[n] = e
		n++
		e -= l
	}
	if e > s {
		dst = splitCore(dst, text, s, e)
	}
	for n > 0 {
		n--
		end := stack[n]
		start := e
		dst = tok(dst, text, start, end)
		e = end
	}
	return dst
}

// leadPunct returns the length of a punctuation token at the start of
// text[s:e] that must be split off, or 0.
func leadPunct(text string, s, e int) int {
	c := text[s]
	if c < utf8.RuneSelf {
		switch c {
		case '(', '[', '{', '"', '`', '<', '¿', '|':
			if c == '`' && s+1 < e && text[s+1] == '`' {
				return 2
			}
			if c == '<' {
				if emoticonLen(text, s, e) > 0 {
					return 0
				}
				return sameRun(text, s, e)
			}
			return 1
		case '\'':
			// A leading apostrophe is an elision ("'90s", "'em") when a
			// known short form follows; otherwise an opening quote.
			if elision(text[s+1 : e]) {
				return 0
			}
			return 1
		case '$':
			return sameRun(text, s, e)
		case '#', '@':
			return 0 // handled by special; "#" or "@" alone falls to the core
		case '.':
			if l := runOf(text, s, e, isTerminalByte); l > 1 {
				return l
			}
			if s+1 < e && isDigit(text[s+1]) {
				return 0 // ".5"
			}
			return 1
		case '-':
			if l := dashes(text, s, e); l > 1 {
				return l
			}
			if s+1 < e && (isDigit(text[s+1]) || text[s+1] == '.') {
				return 0 // "-5"
			}
			return 1
		case '!', '?':
			return runOf(text, s, e, isTerminalByte)
		case '*', '=', '>', '~', '+', '^', '_':
			if emoticonLen(text, s, e) > 0 {
				return 0
			}
			return sameRun(text, s, e)
		case ',', ';', ')', ']', '}':
			if emoticonLen(text, s, e) > 0 {
				return 0
			}
			return 1
		case ':':
			if emoticonLen(text, s, e) > 0 {
				return 0
			}
			return 1
		case '&', '%', '/', '\\':
			if e-s == 1 {
				return 0
			}
			return 1
		}
		return 0
	}
	r, size := utf8.DecodeRuneInString(text[s:])
	switch r {
	case '“', '‘', '„', '‚', '«', '‹', '¡', '¿', '(', '[', '「', '『', '【':
		return size
	case '—', '–', '―', '−', '…', '•', '·', '€', '£', '¥', '₴', '₽', '₹', '§', '¶', '†', '”', '’', '»', '›':
		if (r == '’' || r == '‘') && elision(text[s+size:e]) {
			return 0
		}
		return size
	}
	return 0
}

// trailPunct returns the length of a punctuation token at the end of
// text[s:e] that must be split off, or 0.
func trailPunct(text string, s, e int) int {
	c := text[e-1]
	if c < utf8.RuneSelf {
		switch c {
		case '!', '?', '*', '=', '>', '~', '+', '^', '_', '$':
			if l := emoticonLen(text, s, e); l > 0 {
				return 0
			}
			if c == '!' || c == '?' {
				return runBack(text, s, e, isTerminalByte)
			}
			if c == '$' && currencyPrefix(text[s:e-1]) {
				return 0 // US$, HK$, A$
			}
			return sameRunBack(text, s, e)
		case ')', ']', '}', '"', ',', ';', '|':
			if l := emoticonLen(text, s, e); l > 0 {
				return 0
			}
			if c == ')' && balancedParen(text[s:e]) {
				return 0
			}
			return 1
		case '\'':
			if c == '\'' && e-s >= 2 && text[e-2] == '\'' {
				return 2 // ''
			}
			return 1
		case ':':
			if e-s > 1 {
				return 1
			}
			return 0
		case '%':
			if e-s > 1 {
				return 1
			}
			return 0
		case '.':
			if l := runBack(text, s, e, isTerminalByte); l > 1 {
				return l
			}
			if e-s == 1 {
				return 0
			}
			if isAbbrev(text[s : e-1]) {
				return 0
			}
			return 1
		case '-':
			if l := dashesBack(text, s, e); l > 1 && l < e-s {
				return l
			}
			if e-s > 1 && !bareWordPrefix(text[s:e-1]) {
				return 1
			}
			return 0
		}
		return 0
	}
	r, size := utf8.DecodeLastRuneInString(text[s:e])
	if size == e-s {
		return 0
	}
	switch r {
	case '”', '’', '»', '›', ')', ']', '」', '』', '】', '…', '—', '–', '―', '“', '‘', '。', '、':
		return size
	}
	return 0
}

// balancedParen reports whether a final ")" closes a "(" inside the same
// word, as in "word(s)" — kept whole only when the "(" is not first.
func balancedParen(w string) bool {
	open := -1
	for i := 0; i < len(w); i++ {
		if w[i] == '(' {
			open = i
		}
	}
	return open > 0 && open < len(w)-2 && !containsByte(w[open+1:len(w)-1], ')') && isAlnumASCII(w[open-1]) && len(w)-open <= 4
}

func containsByte(s string, b byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return true
		}
	}
	return false
}

func dots(text string, s, e int) int {
	i := s
	for i < e && text[i] == '.' {
		i++
	}
	return i - s
}

func dashes(text string, s, e int) int {
	i := s
	for i < e && text[i] == '-' {
		i++
	}
	return i - s
}

func dashesBack(text string, s, e int) int {
	i := e
	for i > s && text[i-1] == '-' {
		i--
	}
	return e - i
}

// elision reports whether rest (what follows a leading apostrophe) is a
// short form written with a leading apostrophe: '90s, '05, 'em, 'cause.
func elision(rest string) bool {
	if len(rest) >= 2 && isDigit(rest[0]) && isDigit(rest[1]) {
		return len(rest) == 2 || len(rest) == 3 && rest[2] == 's' || !isDigit(rest[2]) && !isLetterASCII(rest[2])
	}
	w := rest
	for i := 0; i < len(w); i++ {
		if !isLetterASCII(w[i]) {
			w = w[:i]
			break
		}
	}
	return inFold(elisions, w)
}

var elisions = set("em", "cause", "til", "till", "n", "bout", "tis", "twas")

func isTerminalByte(c byte) bool { return c == '.' || c == '!' || c == '?' }

// runOf returns the length of the run of bytes satisfying f at s.
func runOf(text string, s, e int, f func(byte) bool) int {
	i := s
	for i < e && f(text[i]) {
		i++
	}
	return i - s
}

// runBack returns the length of the run of bytes satisfying f ending at e.
func runBack(text string, s, e int, f func(byte) bool) int {
	i := e
	for i > s && f(text[i-1]) {
		i--
	}
	return e - i
}

// sameRun returns the length of the run of copies of text[s] at s.
func sameRun(text string, s, e int) int {
	c := text[s]
	return runOf(text, s, e, func(b byte) bool { return b == c })
}

// sameRunBack returns the length of the run of copies of text[e-1] ending at e.
func sameRunBack(text string, s, e int) int {
	c := text[e-1]
	return runBack(text, s, e, func(b byte) bool { return b == c })
}

// currencyPrefix reports whether w (what precedes a "$") is a country
// prefix of a dollar sign: one to three capital letters, as in US$ or HK$.
func currencyPrefix(w string) bool {
	if len(w) == 0 || len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isUpper(w[i]) {
			return false
		}
	}
	return true
}
