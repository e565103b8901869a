package eval

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/parley-events/parley"
)

// Negations maps a CAMEO code to the code PETRARCH 2 writes when the event
// is negated ("did not criticize" → 050), as its internal coding ontology
// (PETR.Internal.Coding.Ontology.txt, PICO) defines it: every CAMEO code
// has a PICO value, and a negated event's value is its own plus or minus
// 0xFFFF ("110:0x1007f#0xFFFF+0x0080#…": disapprove is negated diplomatic
// cooperation, 0x0080, which is 050). Codes whose negation names no CAMEO
// code are absent: PETRARCH writes those as they are.
type Negations map[string]string

// ReadNegations reads a PICO ontology file. Lines are "CODE:VALUE#comment",
// VALUE a sum of signed hexadecimal terms ("-0xFFFF+0x0070"); blank lines,
// comments and lines whose value does not read are skipped. When several
// codes share a value, the first listed stands for it.
func ReadNegations(r io.Reader) (Negations, error) {
	value := map[string]int{}
	byValue := map[int]string{}
	var order []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		code, rest, ok := strings.Cut(line, ":")
		if !ok || !isCAMEO(code) {
			continue
		}
		expr, _, _ := strings.Cut(rest, "#")
		v, ok := hexSum(expr)
		if !ok {
			continue
		}
		if _, dup := value[code]; dup {
			continue
		}
		value[code] = v
		order = append(order, code)
		if _, taken := byValue[v]; !taken {
			byValue[v] = code
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	neg := Negations{}
	for _, code := range order {
		v := value[code]
		if c, ok := byValue[v-0xFFFF]; ok {
			neg[code] = c
		} else if c, ok := byValue[v+0xFFFF]; ok {
			neg[code] = c
		}
	}
	return neg, nil
}

// isCAMEO reports whether s is a CAMEO code: two to four digits.
func isCAMEO(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// hexSum evaluates a sum of signed hexadecimal terms ("0x1000-0xFFFF").
func hexSum(s string) (int, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if s == "" {
		return 0, false
	}
	total, start := 0, 0
	for i := 1; i <= len(s); i++ {
		if i < len(s) && s[i] != '+' && s[i] != '-' {
			continue
		}
		term := s[start:i]
		sign := 1
		switch term[0] {
		case '-':
			sign, term = -1, term[1:]
		case '+':
			term = term[1:]
		}
		n, err := strconv.ParseInt(strings.TrimPrefix(strings.ToLower(term), "0x"), 16, 64)
		if err != nil || !strings.HasPrefix(strings.ToLower(term), "0x") {
			return 0, false
		}
		total += sign * int(n)
		start = i
	}
	return total, true
}

// Apply rewrites the code of each of d's events that is negated on its
// own verb ("did not clash"), as PETRARCH 2 writes it; ts are the triples
// made from d.Events, in order. A negation higher up ("won't try to
// clash") leaves the code as it is, as in PETRARCH.
func (n Negations) Apply(ts []Triple, d *parley.Doc) {
	for i, e := range d.Events {
		if e.Mode != parley.Negated || !negatedItself(d, e) {
			continue
		}
		if c, ok := n[ts[i].Code]; ok {
			ts[i].Code = c
		}
	}
}

// negatedItself reports whether the head word of e's trigger has "not",
// "n't" or "never" among its dependents.
func negatedItself(d *parley.Doc, e parley.Event) bool {
	h := d.SpanHead(e.Trigger)
	if h < 0 || e.Sentence < 0 || e.Sentence >= len(d.Sentences) {
		return false
	}
	s := d.Sentences[e.Sentence].Tokens
	for j := s.Start; j < s.End; j++ {
		if d.Tokens[j].Head == h {
			switch strings.ToLower(d.Lemma(j)) {
			case "not", "n't", "never":
				return true
			}
		}
	}
	return false
}
