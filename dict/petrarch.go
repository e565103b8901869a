package dict

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
)

// petrarchLines reads a PETRARCH dictionary file line by line and removes
// comments as PETRARCH's documentation describes them:
//
//   - "#" starts a comment that runs to the end of the line;
//   - ";" does too (the legacy KEDS/TABARI rule);
//   - "<!-- … -->" is removed wherever it is, and may span lines: the rest
//     of the line that closes a multi-line comment is dropped, as PETRARCH
//     drops it (with a warning when it holds text);
//   - a line starting with "<!" is a comment line even when the comment
//     is malformed ("<! -- … -->");
//   - carriage returns, blank lines and lines left empty are skipped.
type petrarchLines struct {
	sc           *bufio.Scanner
	p            *problems
	n            int // number of the line last read
	inComment    bool
	commentStart int
}

func newPetrarchLines(r io.Reader, p *problems) *petrarchLines {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	return &petrarchLines{sc: sc, p: p}
}

// next returns the next line that has content once comments are removed,
// trimmed of white space, and its number. ok is false at the end
// of the input; read errors and an unclosed comment are recorded as
// problems.
func (l *petrarchLines) next() (line string, n int, ok bool) {
	for l.sc.Scan() {
		l.n++
		s := l.strip(l.sc.Text())
		if s = trim(s); s != "" {
			return s, l.n, true
		}
	}
	if err := l.sc.Err(); err != nil {
		l.p.ioError(l.n+1, err)
	}
	if l.inComment {
		l.p.errorf(l.commentStart, "comment \"<!--\" is never closed with \"-->\"; everything after it was ignored")
		l.inComment = false
	}
	return "", l.n, false
}

// strip removes the comments from line s.
func (l *petrarchLines) strip(s string) string {
	if l.inComment {
		i := strings.Index(s, "-->")
		if i < 0 {
			return ""
		}
		l.inComment = false
		if rest := trim(s[i+3:]); rest != "" && rest[0] != '#' {
			l.p.warnf(l.n, "text %q after the \"-->\" that closes a multi-line comment is ignored, as PETRARCH ignores it; put it on its own line", rest)
		}
		return ""
	}
	if strings.HasPrefix(s, "<!") {
		if i := strings.Index(s, "<!--"); i >= 0 && !strings.Contains(s[i+4:], "-->") {
			l.inComment, l.commentStart = true, l.n
		}
		return ""
	}
	if strings.IndexAny(s, "#;<") < 0 {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexAny(s, "#;")
		j := strings.Index(s, "<!--")
		if j < 0 || i >= 0 && i < j {
			if i >= 0 {
				s = s[:i]
			}
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:j])
		k := strings.Index(s[j+4:], "-->")
		if k < 0 {
			l.inComment, l.commentStart = true, l.n
			return b.String()
		}
		b.WriteByte(' ')
		s = s[j+4+k+3:]
	}
}

// petrarchDate parses a PETRARCH date, YYMMDD or YYYYMMDD. As in KEDS,
// TABARI and PETRARCH, two-digit years 00–30 are 20YY and 31–99 are 19YY.
// Like PETRARCH, which takes a date shorter than 8 digits as YYMMDD and
// checks only the first 8 digits of a longer one, a 7-digit date is read
// from its first 6 digits and a longer one from its first 8 — except a
// 10-digit one that is "19" or "20" before a valid date, read as that
// date (a stray century: see below); warn then says so.
func petrarchDate(s string) (t time.Time, warn string, ok bool) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return time.Time{}, "", false
		}
	}
	var y, m, d int
	switch {
	case len(s) == 10 && (s[:2] == "19" || s[:2] == "20") && validDate(s[2:]):
		// "1920030320" in the Phoenix files ends a run of roles that
		// begins "<20030320": a stray century before the date. PETRARCH
		// reads the first eight digits (1920-03-03), which makes the role
		// cover eighty years it was never meant for.
		y, m, d = atoi(s[2:6]), atoi(s[6:8]), atoi(s[8:10])
		warn = fmt.Sprintf("10-digit date %s read from its last 8 digits as %s-%s-%s (PETRARCH reads the first 8, %s-%s-%s); check the date", s, s[2:6], s[6:8], s[8:10], s[:4], s[4:6], s[6:8])
	case len(s) >= 8:
		y, m, d = atoi(s[:4]), atoi(s[4:6]), atoi(s[6:8])
		if len(s) > 8 {
			warn = fmt.Sprintf("%d-digit date %s read from its first 8 digits as %s-%s-%s, as PETRARCH reads it; check the date", len(s), s, s[:4], s[4:6], s[6:8])
		}
	case len(s) >= 6:
		y, m, d = atoi(s[:2]), atoi(s[2:4]), atoi(s[4:6])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
		if len(s) == 7 {
			warn = fmt.Sprintf("7-digit date %s read from its first 6 digits as %04d-%s-%s, as PETRARCH reads it; check the date", s, y, s[2:4], s[4:6])
		}
	default:
		return time.Time{}, "", false
	}
	t = time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if y < 1 || t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, "", false
	}
	return t, warn, true
}

// validDate reports whether s is a valid YYYYMMDD date after 1900.
func validDate(s string) bool {
	if len(s) != 8 {
		return false
	}
	y, m, d := atoi(s[:4]), atoi(s[4:6]), atoi(s[6:8])
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return y > 1900 && t.Year() == y && int(t.Month()) == m && t.Day() == d
}

// atoi converts a string of ASCII digits.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// splitBrackets splits s into the text before its first "[" and the
// contents of each "[…]" group that follows. rest is any text after the
// last group that is not white space; bad is set when a "[" is not closed
// or text stands between two groups.
func splitBrackets(s string) (head string, groups []string, rest string, bad bool) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return s, nil, "", false
	}
	head, s = s[:i], s[i:]
	for {
		if s = trim(s); s == "" {
			return head, groups, "", false
		}
		if s[0] != '[' {
			if strings.IndexByte(s, '[') >= 0 {
				return head, groups, s, true
			}
			return head, groups, s, false
		}
		j := strings.IndexByte(s, ']')
		if j < 0 {
			return head, groups, s, true
		}
		groups = append(groups, s[1:j])
		s = s[j+1:]
	}
}

// casedName turns a PETRARCH phrase into a display name: words split on
// spaces and underscores, case kept, joined by single spaces.
func casedName(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r < 0x80 && space(byte(r)) || r == '_' }), " ")
}

// nounPlural is the regular plural PETRARCH documents for synset members
// and agents: "ies" for a final y, "es" after a final ss, else "s".
func nounPlural(w string) string {
	switch {
	case strings.HasSuffix(w, "y"):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "ss"):
		return w + "es"
	default:
		return w + "s"
	}
}

// withLast returns a copy of p with its last word replaced by w.
func withLast(p Phrase, w string) Phrase {
	q := append(Phrase(nil), p...)
	q[len(q)-1] = w
	return q
}
