package dict

import (
	"fmt"
	"strings"
)

// The pattern syntax, shared by PETRARCH's verb files and parley's:
//
//	pattern  = { item } "*" { item }
//	item     = word | "&NAME" | "$" | "+" | "%" | "^" | unit | prep
//	unit     = "{" { word | "&NAME" | marker } "}"
//	prep     = "(" { word | "&NAME" | marker | unit } ")"
//
// Items are separated by white space, or by "_" when no word may come
// between them (Elem.Tight). A "_" followed by white space or ending the
// pattern is dropped: PETRARCH reads the TABARI construction "XXXX_ " as an
// open match.

// synsetResolver splits one "_"-separated chunk of pattern text, whose
// first segment starts with "&", into a synset name and the number of
// segments the name takes.
type synsetResolver func(segs []string) (name string, n int)

// petrarchSynsets resolves names as PETRARCH's files need: the longest run
// of segments that names a defined synset ("&SPARE_PARTS"), else the
// first segment alone, as PETRARCH 1 reads "_" (so "&GADGET_&TOOL" is two
// synsets and "&GADGET_BOX" a synset joined to a word). split is called
// with the token and the name when a word is split off an undefined name.
func petrarchSynsets(defined map[string]bool, split func(token, name string)) synsetResolver {
	return func(segs []string) (string, int) {
		for k := len(segs); k > 1; k-- {
			if name := strings.ToUpper(strings.Join(segs[:k], "_")); defined[name] {
				return name, k
			}
		}
		name := strings.ToUpper(segs[0])
		if len(segs) > 1 && segs[1] != "" && segs[1][0] != '&' {
			split(strings.Join(segs, "_"), name)
		}
		return name, 1
	}
}

// parleySynsets resolves names as parley's format writes them: a synset
// name is upper case and words are lower case, so the name runs on over
// the following segments that hold an upper-case letter and no lower-case
// one ("&SPARE_PARTS_dealer" is the synset &SPARE_PARTS joined to
// the word "relations").
func parleySynsets(segs []string) (string, int) {
	n := 1
	for n < len(segs) && upperName(segs[n]) {
		n++
	}
	return strings.Join(segs[:n], "_"), n
}

// upperName reports whether s can continue a synset name in parley's
// format: letters and digits, at least one upper-case letter, none lower case.
func upperName(s string) bool {
	up := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z':
			up = true
		case c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return up
}

// ptok is a token of pattern text: a bracket, "*", or one element (word,
// synset or marker). join reports a "_" between it and the token before.
type ptok struct {
	text string
	kind byte // '{', '}', '(', ')', '*', 'w' (word), '&' (synset), or the marker itself
	join bool
}

// lexPattern splits pattern text into tokens.
func lexPattern(s string, resolve synsetResolver) ([]ptok, error) {
	var toks []ptok
	adjacent := false // a token ends right before the current position
	join := false     // a "_" follows that token
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case ' ', '\t':
			adjacent, join = false, false
			i++
			continue
		case '_':
			join = adjacent
			i++
			continue
		case '{', '}', '(', ')', '*':
			toks = append(toks, ptok{text: s[i : i+1], kind: c, join: join})
			adjacent, join = true, false
			i++
			continue
		case '[', ']':
			return nil, fmt.Errorf("stray %q in the pattern", c)
		}
		t := ptok{kind: 'w', join: join}
		j := i
		for j < len(s) && strings.IndexByte(" \t{}()*[]_", s[j]) < 0 {
			j++
		}
		switch seg := s[i:j]; {
		case seg == "$" || seg == "+" || seg == "%" || seg == "^":
			t.kind, t.text = seg[0], seg
		case seg[0] == '&':
			end := j
			for end < len(s) && strings.IndexByte(" \t{}()*[]", s[end]) < 0 {
				end++
			}
			segs := strings.Split(s[i:end], "_")
			if segs[0] == "&" {
				return nil, fmt.Errorf("\"&\" without a synset name")
			}
			name, n := resolve(segs)
			t.kind, t.text = '&', name
			j = i + len(strings.Join(segs[:n], "_"))
		default:
			t.text = lower(seg)
		}
		toks = append(toks, t)
		adjacent, join = true, false
		i = j
	}
	return toks, nil
}

// parsePattern parses pattern text (without its code) into the elements
// before and after the verb.
func parsePattern(s string, resolve synsetResolver) (before, after []Elem, err error) {
	toks, err := lexPattern(s, resolve)
	if err != nil {
		return nil, nil, err
	}
	star := -1
	for i, t := range toks {
		if t.kind == '*' {
			if star >= 0 {
				return nil, nil, fmt.Errorf("more than one \"*\" (the verb) in the pattern")
			}
			star = i
		}
	}
	if star < 0 {
		return nil, nil, fmt.Errorf("no \"*\" marks where the verb goes in the pattern")
	}
	pb, err := parseElems(toks[:star], 0)
	if err != nil {
		return nil, nil, err
	}
	// In Before an element is Tight when joined to the token after it.
	for i := range pb {
		next := star
		if i+1 < len(pb) {
			next = pb[i+1].tok
		}
		pb[i].Tight = toks[next].join
	}
	pa, err := parseElems(toks[star+1:], star+1)
	if err != nil {
		return nil, nil, err
	}
	for i := range pa {
		pa[i].Tight = toks[pa[i].tok].join
	}
	return strip(pb), strip(pa), nil
}

// pelem is an Elem with the index of its first token.
type pelem struct {
	Elem
	tok int
}

func strip(ps []pelem) []Elem {
	if len(ps) == 0 {
		return nil
	}
	out := make([]Elem, len(ps))
	for i, p := range ps {
		out[i] = p.Elem
	}
	return out
}

// parseElems parses a sequence of items; off is the index of toks[0].
func parseElems(toks []ptok, off int) ([]pelem, error) {
	var out []pelem
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.kind {
		case '}', ')':
			return nil, fmt.Errorf("%q without its opening bracket", t.text)
		case '{', '(':
			closer := byte('}')
			if t.kind == '(' {
				closer = ')'
			}
			j := i + 1
			for j < len(toks) && toks[j].kind != closer {
				j++
			}
			if j == len(toks) {
				return nil, fmt.Errorf("%q is not closed with %q", t.text, closer)
			}
			sub, err := parseGroup(toks[i+1:j], t.kind)
			if err != nil {
				return nil, err
			}
			kind := ElemUnit
			if t.kind == '(' {
				kind = ElemPrep
			}
			out = append(out, pelem{Elem{Kind: kind, Sub: sub}, off + i})
			i = j
		default:
			out = append(out, pelem{leaf(t), off + i})
		}
	}
	return out, nil
}

// parseGroup parses the inside of {…} (open '{') or (…) (open '(').
func parseGroup(toks []ptok, open byte) ([]Elem, error) {
	if len(toks) == 0 {
		if open == '{' {
			return nil, fmt.Errorf("empty \"{}\" in the pattern")
		}
		return nil, fmt.Errorf("empty \"()\" in the pattern: a prepositional phrase needs its preposition")
	}
	var out []Elem
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		var e Elem
		switch t.kind {
		case '*':
			return nil, fmt.Errorf("the verb \"*\" cannot stand inside %q", open)
		case '(', ')':
			return nil, fmt.Errorf("%q cannot stand inside %q", t.text, open)
		case '}':
			return nil, fmt.Errorf("\"}\" without its opening bracket")
		case '{':
			if open == '{' {
				return nil, fmt.Errorf("\"{\" cannot stand inside \"{\"")
			}
			j := i + 1
			for j < len(toks) && toks[j].kind != '}' {
				j++
			}
			if j == len(toks) {
				return nil, fmt.Errorf("\"{\" is not closed with \"}\"")
			}
			sub, err := parseGroup(toks[i+1:j], '{')
			if err != nil {
				return nil, err
			}
			e = Elem{Kind: ElemUnit, Sub: sub}
			i = j
		default:
			e = leaf(t)
		}
		e.Tight = t.join && len(out) > 0
		out = append(out, e)
	}
	if open == '(' && out[0].Kind != ElemWord {
		return nil, fmt.Errorf("a prepositional phrase must start with its preposition, not %s", renderElem(out[0]))
	}
	return out, nil
}

// leaf turns a word, synset or marker token into an Elem.
func leaf(t ptok) Elem {
	switch t.kind {
	case '&':
		return Elem{Kind: ElemSynset, Name: t.text}
	case '$':
		return Elem{Kind: ElemSource}
	case '+':
		return Elem{Kind: ElemTarget}
	case '%':
		return Elem{Kind: ElemCompound}
	case '^':
		return Elem{Kind: ElemSkip}
	}
	return Elem{Kind: ElemWord, Words: Phrase{t.text}}
}

// RenderPattern returns the text of a pattern in parley's syntax, without
// its code: lower-case words, upper-case synset names, single spaces, "_"
// for Tight joins.
func RenderPattern(before, after []Elem) string {
	var b strings.Builder
	for _, e := range before {
		writeElem(&b, e)
		if e.Tight {
			b.WriteByte('_')
		} else {
			b.WriteByte(' ')
		}
	}
	b.WriteByte('*')
	writeSeq(&b, after, false)
	return b.String()
}

// writeSeq writes elements joined by " " or "_"; first reports that the
// first element starts the sequence (no separator before it).
func writeSeq(b *strings.Builder, es []Elem, first bool) {
	for i, e := range es {
		if !(first && i == 0) {
			if e.Tight {
				b.WriteByte('_')
			} else {
				b.WriteByte(' ')
			}
		}
		writeElem(b, e)
	}
}

func writeElem(b *strings.Builder, e Elem) {
	switch e.Kind {
	case ElemWord:
		b.WriteString(e.Words.String())
	case ElemSynset:
		b.WriteString(e.Name)
	case ElemUnit:
		b.WriteByte('{')
		writeSeq(b, e.Sub, true)
		b.WriteByte('}')
	case ElemPrep:
		b.WriteByte('(')
		writeSeq(b, e.Sub, true)
		b.WriteByte(')')
	case ElemSource:
		b.WriteByte('$')
	case ElemTarget:
		b.WriteByte('+')
	case ElemCompound:
		b.WriteByte('%')
	case ElemSkip:
		b.WriteByte('^')
	}
}

func renderElem(e Elem) string {
	var b strings.Builder
	writeElem(&b, e)
	return b.String()
}

// walkElems calls f for every element of es, descending into units and
// prepositional phrases.
func walkElems(es []Elem, f func(Elem)) {
	for _, e := range es {
		f(e)
		walkElems(e.Sub, f)
	}
}

// validWord reports why w cannot be a pattern word in parley's format, or
// "" when it can.
func validWord(w string) string {
	switch {
	case w == "":
		return "empty word"
	case strings.ContainsAny(w, " \t\n\v\f\r{}()*_[]"):
		return fmt.Sprintf("word %q holds white space or one of the pattern characters {}()*_[]", w)
	case w[0] == '#':
		return fmt.Sprintf("word %q starts with \"#\", which would start a comment", w)
	case w[0] == '&':
		return fmt.Sprintf("word %q starts with \"&\", which marks a synset", w)
	case w == "$" || w == "+" || w == "%" || w == "^":
		return fmt.Sprintf("word %q is a pattern marker", w)
	}
	return ""
}
