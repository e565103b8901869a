package dict

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"time"
)

// This file holds what parley's format shares across file kinds: the line
// scanner and the line writer. FORMAT.md describes the format.

// pline is one line of a parley dictionary file.
type pline struct {
	n      int
	blank  bool   // the line is empty or white space: it ends a block
	key    string // the first word
	rest   string // the text after it, trimmed
	origin Pos    // from a trailing "# file:line" comment
}

// parleyLines reads the lines of a parley dictionary file, skipping lines
// that hold only a comment. The file is read whole, and lines and words are
// substrings of it.
type parleyLines struct {
	text string
	n    int
}

func newParleyLines(r io.Reader, p *problems) *parleyLines {
	var b strings.Builder
	switch r := r.(type) {
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := r.Stat(); err == nil {
			b.Grow(int(fi.Size()) + 1)
		}
	case interface{ Len() int }:
		b.Grow(r.Len() + 1)
	}
	if _, err := io.Copy(&b, r); err != nil {
		p.ioError(0, err)
	}
	return &parleyLines{text: b.String()}
}

// count returns the number of lines that start with key and a space, to
// size the slices a reader fills.
func (l *parleyLines) count(key string) int {
	return strings.Count(l.text, "\n"+key+" ") + 1
}

// next returns the next line that is blank or has content; ok is false at
// the end of the input.
func (l *parleyLines) next() (pline, bool) {
	for l.text != "" {
		s, rest, _ := strings.Cut(l.text, "\n")
		l.text = rest
		l.n++
		if len(s) > 0 && s[len(s)-1] == '\r' {
			s = s[:len(s)-1]
		}
		ln := pline{n: l.n}
		if i := commentStart(s); i >= 0 {
			ln.origin = parseOrigin(trim(s[i+1:]))
			if trim(s[:i]) == "" {
				continue // a comment line
			}
			s = s[:i]
		}
		content := trim(s)
		if content == "" {
			ln.blank = true
			return ln, true
		}
		i := strings.IndexFunc(content, func(r rune) bool { return r < 0x80 && space(byte(r)) })
		if i < 0 {
			ln.key = content
		} else {
			ln.key, ln.rest = content[:i], trim(content[i+1:])
		}
		return ln, true
	}
	return pline{}, false
}

// commentStart returns the index of the "#" that starts a comment in s: the
// first one at the start of the line or after white space; -1 if none.
func commentStart(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || space(s[i-1])) {
			return i
		}
	}
	return -1
}

// parseOrigin reads a provenance comment "file:line"; it returns the zero
// Pos for any other comment.
func parseOrigin(c string) Pos {
	i := strings.LastIndexByte(c, ':')
	if i <= 0 || i == len(c)-1 || !validCode(c[:i]) {
		return Pos{}
	}
	n, err := strconv.Atoi(c[i+1:])
	if err != nil || n <= 0 || c[i+1] == '+' {
		return Pos{}
	}
	return Pos{File: c[:i], Line: n}
}

// lineWriter writes the lines of a parley dictionary file and keeps the
// first error.
type lineWriter struct {
	w   *bufio.Writer
	err error
}

func newLineWriter(w io.Writer) *lineWriter { return &lineWriter{w: bufio.NewWriter(w)} }

// line writes one line; a non-zero origin is appended as a "# file:line"
// comment.
func (lw *lineWriter) line(text string, origin Pos) {
	if lw.err != nil {
		return
	}
	lw.w.WriteString(text)
	if !origin.IsZero() {
		if !validCode(origin.File) {
			lw.err = fmt.Errorf("cannot write origin %q: want a file name without white space or brackets, not starting with \"#\"", origin.File)
			return
		}
		lw.w.WriteString("  # ")
		lw.w.WriteString(origin.String())
	}
	lw.w.WriteByte('\n')
}

// fail records err unless an error is already recorded.
func (lw *lineWriter) fail(err error) {
	if lw.err == nil {
		lw.err = err
	}
}

// flush writes out what is buffered and returns the first error.
func (lw *lineWriter) flush() error {
	if lw.err != nil {
		return lw.err
	}
	return lw.w.Flush()
}

// checkText reports whether s can be written as the value of a line and
// read back the same: not empty, words separated by single spaces, and
// nothing that would start a comment.
func checkText(what, s string) error {
	switch {
	case trim(s) == "":
		return fmt.Errorf("empty %s", what)
	case commentStart(s) >= 0:
		return fmt.Errorf("%s %q holds a \"#\" at the start of a word, which would start a comment", what, s)
	case s != oneSpace(trim(s)):
		return fmt.Errorf("%s %q has white space other than single spaces between words", what, s)
	}
	return nil
}

// phraseProblem explains why a phrase read from a parley file cannot be
// written back (a word starting with "#", after an underscore), or returns "".
func phraseProblem(p Phrase) string {
	for _, w := range p {
		if w[0] == '#' {
			return fmt.Sprintf("word %q starts with \"#\", which would start a comment", w)
		}
	}
	return ""
}

// checkPhrase reports whether p can be written: words without white space,
// underscores or anything that would start a comment.
func checkPhrase(what string, p Phrase) error {
	if len(p) == 0 {
		return fmt.Errorf("empty %s", what)
	}
	for _, w := range p {
		if w == "" || strings.ContainsAny(w, " \t\n\v\f\r_") || w[0] == '#' || w != lower(w) {
			return fmt.Errorf("%s %q: a word is empty or holds white space, \"_\", a leading \"#\" or upper case", what, p.String())
		}
	}
	return nil
}

// checkCode reports whether a code can be written: one word without
// brackets, not starting with "#".
func checkCode(what, code string) error {
	if !validCode(code) {
		return fmt.Errorf("%s %q: want one word without brackets, not starting with \"#\"", what, code)
	}
	return nil
}

// validCode reports whether code is one word without brackets that does
// not start with "#".
func validCode(code string) bool {
	return code != "" && code[0] != '#' && !strings.ContainsAny(code, " \t\n\v\f\r[]")
}

// splitCode splits "TEXT [CODE]" into the text and the code; ok is false
// when the line does not end with a bracketed code.
func splitCode(s string) (text, code string, ok bool) {
	if !strings.HasSuffix(s, "]") {
		return s, "", false
	}
	i := strings.LastIndexByte(s, '[')
	if i < 0 {
		return s, "", false
	}
	return trim(s[:i]), trim(s[i+1 : len(s)-1]), true
}

// oneSpace returns s with each run of white space replaced by one space;
// s is returned as it is when it has no such run.
func oneSpace(s string) string {
	if !strings.Contains(s, "  ") && !strings.ContainsAny(s, "\t\n\v\f\r") {
		return s
	}
	return strings.Join(fields(s), " ")
}

// formatRange writes a role's dates: "", "FROM..", "..TO" or "FROM..TO".
func formatRange(r Role) string {
	if !r.Dated() {
		return ""
	}
	var b strings.Builder
	if !r.From.IsZero() {
		b.WriteString(r.From.Format(time.DateOnly))
	}
	b.WriteString("..")
	if !r.To.IsZero() {
		b.WriteString(r.To.Format(time.DateOnly))
	}
	return b.String()
}

// parseRange parses formatRange's output.
func parseRange(s string) (from, to time.Time, err error) {
	a, b, ok := strings.Cut(s, "..")
	if !ok {
		return from, to, fmt.Errorf("date range %q: want FROM.., ..TO or FROM..TO with dates as YYYY-MM-DD", s)
	}
	if a == "" && b == "" {
		return from, to, fmt.Errorf("date range \"..\" has no date; leave the range out for an undated role")
	}
	if a != "" {
		if from, ok = isoDate(a); !ok {
			return from, to, fmt.Errorf("date %q: want YYYY-MM-DD", a)
		}
	}
	if b != "" {
		if to, ok = isoDate(b); !ok {
			return from, to, fmt.Errorf("date %q: want YYYY-MM-DD", b)
		}
	}
	return from, to, nil
}

// isoDate parses a valid YYYY-MM-DD date as a UTC midnight.
func isoDate(s string) (time.Time, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if s[i] < '0' || s[i] > '9' {
			return time.Time{}, false
		}
	}
	y, m, d := atoi(s[:4]), atoi(s[5:7]), atoi(s[8:])
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}
