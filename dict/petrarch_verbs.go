package dict

import (
	"fmt"
	"io"
	"strings"
)

// ReadPetrarchVerbs reads a PETRARCH verb dictionary, in the CAMEO.2.0
// format of PETRARCH 2 or the older format of CAMEO.verbpatterns.* and
// PETRARCH 1 (both are one syntax here; see FORMAT.md). name is the file
// name used in positions and problems.
//
// Lines are read as PETRARCH's documentation describes them:
//
//	--- NAME [CODE] ---      starts a verb group; no code means "---"
//	&NAME                    starts a synset ("&NAME_": no plurals)
//	+PHRASE                  a synset member, while a synset is open
//	VERB {FORMS} [CODE]      a verb; "+" marks the verb word of a
//	                         multi-word verb ("+BACK_DOWN", "OUT_+VOTE")
//	- PATTERN [CODE]         a pattern of the current group
//	~ a (a b VERB) VERB = a b CODE   a verb transformation
//
// A synset stays open over "+" lines (and the comments and blank lines
// between them); any other line closes it, so a "+" line after a verb is a
// multi-word verb. Patterns are parsed once the whole file is read, so
// synsets may be defined anywhere in it. Lines that cannot be read are
// skipped and reported.
func ReadPetrarchVerbs(r io.Reader, name string) (VerbFile, []error) {
	vr := &verbReader{p: &problems{file: name}, group: -1, syn: -1, defined: map[string]bool{}}
	lines := newPetrarchLines(r, vr.p)
	for {
		line, n, ok := lines.next()
		if !ok {
			break
		}
		vr.line(trim(line), n)
	}
	vr.finish()
	return vr.vf, vr.p.list
}

// verbReader holds the state of ReadPetrarchVerbs.
type verbReader struct {
	p        *problems
	vf       VerbFile
	group    int  // index of the current group, -1 before the first
	syn      int  // index of the open synset, -1 when none is open
	plurals  bool // the open synset's members get plurals
	defined  map[string]bool
	patterns []pendingPattern
}

// pendingPattern is a pattern line kept until every synset name is known.
type pendingPattern struct {
	group      int
	text, code string
	raw        string
	n          int
}

func (vr *verbReader) pos(n int) Pos { return Pos{File: vr.p.file, Line: n} }

func (vr *verbReader) line(t string, n int) {
	if t[0] == '+' && vr.syn >= 0 {
		vr.member(t, n)
		return
	}
	vr.syn = -1
	switch {
	case strings.HasPrefix(t, "---"):
		vr.header(t, n)
	case t[0] == '-':
		vr.pattern(t, n)
	case t[0] == '&':
		vr.synset(t, n)
	case t[0] == '~':
		vr.transform(t, n)
	default:
		vr.verb(t, n)
	}
}

// header reads "--- NAME [CODE] ---".
func (vr *verbReader) header(t string, n int) {
	inner := strings.TrimRight(strings.TrimLeft(t, "-"), "- \t")
	head, groups, rest, bad := splitBrackets(inner)
	if bad || rest != "" {
		vr.p.errorf(n, "cannot read group header %q: want \"--- NAME [CODE] ---\"", t)
		vr.group = -1
		return
	}
	g := VerbGroup{Name: strings.Join(fields(head), " "), Code: "---", Pos: vr.pos(n)}
	if len(groups) > 0 {
		if c := trim(groups[0]); c != "" {
			g.Code = c
		}
	}
	if !validCode(g.Code) || strings.ContainsAny(g.Name, "[]") {
		vr.p.errorf(n, "cannot read group header %q: want \"--- NAME [CODE] ---\" with a one-word code", t)
		vr.group = -1
		return
	}
	if len(groups) > 1 {
		vr.p.warnf(n, "group header has %d codes; PETRARCH uses the first, %q", len(groups), g.Code)
	}
	if g.Name == "" {
		vr.p.warnf(n, "group header has no name")
	}
	vr.vf.Groups = append(vr.vf.Groups, g)
	vr.group = len(vr.vf.Groups) - 1
}

// synset reads "&NAME" and opens the synset.
func (vr *verbReader) synset(t string, n int) {
	f := fields(t)
	name := strings.ToUpper(f[0])
	vr.plurals = !strings.HasSuffix(name, "_")
	name = strings.TrimRight(name, "_")
	if len(f) > 1 {
		vr.p.warnf(n, "text %q after synset name %s is ignored", strings.Join(f[1:], " "), name)
	}
	if !synsetName(name) {
		vr.p.errorf(n, "synset name %q: want \"&\" and letters and digits, parts joined by \"_\"", name)
		return
	}
	vr.defined[name] = true
	vr.vf.Synsets = append(vr.vf.Synsets, Synset{Name: name, Pos: vr.pos(n)})
	vr.syn = len(vr.vf.Synsets) - 1
}

// member reads "+PHRASE" of the open synset.
func (vr *verbReader) member(t string, n int) {
	text := trim(t[1:])
	ph := ParsePhrase(text)
	s := &vr.vf.Synsets[vr.syn]
	if len(ph) == 0 {
		vr.p.errorf(n, "synset %s has an empty member", s.Name)
		return
	}
	for _, w := range ph {
		if w[0] == '&' || w == "$" || w == "+" || w == "%" || w == "^" {
			vr.p.warnf(n, "synset member %q holds %q: synsets hold words only, so PETRARCH matches it as a word", ph.String(), w)
			break
		}
	}
	s.Members = append(s.Members, ph)
	if vr.plurals && !strings.HasSuffix(text, "_") {
		s.Members = append(s.Members, withLast(ph, nounPlural(ph[len(ph)-1])))
	}
}

// pattern reads "- PATTERN [CODE]"; it is parsed in finish.
func (vr *verbReader) pattern(t string, n int) {
	if vr.group < 0 {
		vr.p.errorf(n, "pattern outside a verb group: a \"--- NAME [CODE] ---\" header that can be read must come before it")
		return
	}
	body := t[1:]
	i := strings.LastIndexByte(body, '[')
	if i < 0 {
		vr.p.errorf(n, "pattern %q has no [CODE]", trim(body))
		return
	}
	j := strings.IndexByte(body[i:], ']')
	if j < 0 {
		vr.p.errorf(n, "pattern code %q is not closed with \"]\"", body[i:])
		return
	}
	code := trim(body[i+1 : i+j])
	if !validCode(code) {
		vr.p.errorf(n, "pattern code [%s]: want one word", code)
		return
	}
	if rest := trim(body[i+j+1:]); rest != "" {
		vr.p.warnf(n, "text %q after the pattern's code is ignored", rest)
	}
	vr.patterns = append(vr.patterns, pendingPattern{group: vr.group, text: body[:i], code: code, raw: t, n: n})
}

// verb reads "VERB {FORMS} [CODE]".
func (vr *verbReader) verb(t string, n int) {
	if vr.group < 0 {
		vr.p.errorf(n, "verb %q outside a verb group: a \"--- NAME [CODE] ---\" header that can be read must come before it", t)
		return
	}
	line, forms, braces := t, "", false
	if i := strings.IndexByte(t, '{'); i >= 0 {
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			vr.p.errorf(n, "verb forms \"{\" not closed with \"}\" in %q", t)
			return
		}
		line, forms, braces = t[:i]+" "+t[i+j+1:], t[i+1:i+j], true
		if k := strings.IndexByte(t, '['); k >= 0 && k < i {
			vr.p.warnf(n, "verb forms {%s} after the code, where PETRARCH ignores them; read as the verb's forms", trim(forms))
		}
		if strings.Contains(forms, ",") {
			vr.p.warnf(n, "commas between verb forms {%s}, which PETRARCH reads as forms; read as separators", trim(forms))
			forms = strings.ReplaceAll(forms, ",", " ")
		}
	}
	base, groups, rest, bad := splitBrackets(line)
	if bad {
		vr.p.errorf(n, "cannot read verb line %q: want \"VERB {FORMS} [CODE]\"", t)
		return
	}
	if rest != "" {
		vr.p.warnf(n, "text %q after the verb's code is ignored", rest)
	}
	v := Verb{Pos: vr.pos(n)}
	if len(groups) > 0 {
		if v.Code = trim(groups[0]); !validCode(v.Code) {
			vr.p.errorf(n, "verb code [%s]: want one word", v.Code)
			return
		}
		if len(groups) > 1 {
			vr.p.warnf(n, "verb has %d codes; PETRARCH uses the first, %q", len(groups), v.Code)
		}
	}
	f := fields(base)
	if len(f) != 1 {
		vr.p.errorf(n, "verb %q: want one verb per line; join the words of a multi-word verb with \"_\" and mark the verb word with \"+\" (+BACK_DOWN)", trim(base))
		return
	}
	var err error
	if v.Words, v.Head, err = verbWords(f[0]); err != nil {
		vr.p.errorf(n, "%v", err)
		return
	}
	if braces {
		for _, s := range fields(forms) {
			words, h, err := verbWords(s)
			switch {
			case err != nil:
				vr.p.warnf(n, "form skipped: %v", err)
			case len(words) != len(v.Words) || h != v.Head:
				vr.p.warnf(n, "form %q of %q is skipped: a form needs the verb's words with the same word marked \"+\"", s, f[0])
			default:
				v.Forms = append(v.Forms, words)
			}
		}
	} else {
		w := v.Words[v.Head]
		for _, form := range regularForms(w) {
			fw := append(Phrase(nil), v.Words...)
			fw[v.Head] = form
			v.Forms = append(v.Forms, fw)
		}
		if strings.HasSuffix(w, "y") {
			vr.p.warnf(n, "verb %q ends in y: PETRARCH's regular forms are %q and %q; list its forms in {…}", w, v.Forms[0][v.Head], v.Forms[1][v.Head])
		}
	}
	g := &vr.vf.Groups[vr.group]
	g.Verbs = append(g.Verbs, v)
}

// verbWords splits a PETRARCH verb ("BAKE", "+BACK_DOWN", "OUT_+VOTE")
// into lower-case words and the index of the verb word.
func verbWords(s string) (Phrase, int, error) {
	var words Phrase
	head := -1
	for _, seg := range strings.Split(s, "_") {
		if seg == "" {
			continue
		}
		if seg[0] == '+' {
			if head >= 0 {
				return nil, 0, fmt.Errorf("verb %q marks more than one word with \"+\"", s)
			}
			head = len(words)
			seg = seg[1:]
		}
		if seg == "" || strings.ContainsAny(seg, "+{}()[]*&$%^") {
			return nil, 0, fmt.Errorf("cannot read verb %q: want words joined by \"_\"", s)
		}
		words = append(words, lower(seg))
	}
	switch {
	case len(words) == 0:
		return nil, 0, fmt.Errorf("empty verb %q", s)
	case head < 0 && len(words) > 1:
		return nil, 0, fmt.Errorf("multi-word verb %q does not mark the word the parser tags as the verb with \"+\" (+BACK_DOWN, OUT_+VOTE)", s)
	case head < 0:
		head = 0
	}
	return words, head, nil
}

// regularForms returns the regular forms PETRARCH 2 generates for verb w:
// -s (-es after s, x, z; y → ies), -ed (-d after e) and -ing (a final e
// after a consonant dropped).
func regularForms(w string) []string {
	s := w + "s"
	switch w[len(w)-1] {
	case 's', 'x', 'z':
		s = w + "es"
	case 'y':
		s = w[:len(w)-1] + "ies"
	}
	ed, ing := w+"ed", w+"ing"
	if w[len(w)-1] == 'e' {
		ed = w + "d"
		if len(w) >= 2 && strings.IndexByte("aeiou", w[len(w)-2]) < 0 {
			ing = w[:len(w)-1] + "ing"
		}
	}
	return []string{s, ed, ing}
}

// transform reads "~ a (a b VERB) VERB = a b CODE".
func (vr *verbReader) transform(t string, n int) {
	tr, err := parseTransform(t[1:])
	if err != nil {
		vr.p.errorf(n, "cannot read transformation %q: %v", t, err)
		return
	}
	tr.Pos = vr.pos(n)
	vr.vf.Transforms = append(vr.vf.Transforms, tr)
}

// parseTransform parses the text of a transformation, after "~" in
// PETRARCH's files and after "transform" in parley's.
func parseTransform(s string) (Transform, error) {
	left, right, ok := strings.Cut(s, "=")
	if !ok {
		return Transform{}, fmt.Errorf("no \"=\" between the event and what it becomes")
	}
	toks := fields(strings.NewReplacer("(", " ( ", ")", " ) ").Replace(left))
	ev, rest, err := parseTransformEvent(toks)
	if err != nil {
		return Transform{}, err
	}
	if len(rest) > 0 {
		return Transform{}, fmt.Errorf("unexpected %q after the event", strings.Join(rest, " "))
	}
	res := fields(right)
	if len(res) != 3 {
		return Transform{}, fmt.Errorf("want \"SOURCE TARGET CODE\" after \"=\", have %q", trim(right))
	}
	if !validCode(res[2]) {
		return Transform{}, fmt.Errorf("code %q: want one word without brackets", res[2])
	}
	for _, v := range res[:2] {
		if !actorVar(v) {
			return Transform{}, fmt.Errorf("%q is not an actor variable (one lower-case letter, \".\" or \"_\")", v)
		}
	}
	return Transform{Match: ev, Source: res[0], Target: res[1], Code: res[2]}, nil
}

// parseTransformEvent parses "SOURCE (TARGET | ( EVENT )) VERB".
func parseTransformEvent(toks []string) (TransformEvent, []string, error) {
	var ev TransformEvent
	if len(toks) < 3 {
		return ev, nil, fmt.Errorf("an event needs a source, a target and a verb")
	}
	if !actorVar(toks[0]) {
		return ev, nil, fmt.Errorf("%q is not an actor variable (one lower-case letter, \".\" or \"_\")", toks[0])
	}
	ev.Source = toks[0]
	rest := toks[1:]
	if rest[0] == "(" {
		inner, r, err := parseTransformEvent(rest[1:])
		if err != nil {
			return ev, nil, err
		}
		if len(r) == 0 || r[0] != ")" {
			return ev, nil, fmt.Errorf("\"(\" is not closed with \")\"")
		}
		ev.Inner, rest = &inner, r[1:]
	} else {
		if !actorVar(rest[0]) {
			return ev, nil, fmt.Errorf("%q is not an actor variable (one lower-case letter, \".\" or \"_\")", rest[0])
		}
		ev.Target, rest = rest[0], rest[1:]
	}
	if len(rest) == 0 || rest[0] == "(" || rest[0] == ")" {
		return ev, nil, fmt.Errorf("the event has no verb")
	}
	if rest[0] != "Q" {
		ev.Verb = ParsePhrase(rest[0])
	}
	return ev, rest[1:], nil
}

// actorVar reports whether s is a transformation's actor variable: one
// lower-case letter, "." or "_".
func actorVar(s string) bool {
	return len(s) == 1 && (s[0] >= 'a' && s[0] <= 'z' || s[0] == '.' || s[0] == '_')
}

// finish parses the patterns now that every synset name is known.
func (vr *verbReader) finish() {
	n := 0 // the line of the pattern being parsed
	resolve := petrarchSynsets(vr.defined, func(token, name string) {
		vr.p.warnf(n, "synset %s is not defined; read as %s joined to the words after it, as PETRARCH 1 reads \"_\" (PETRARCH 2 looks for the undefined synset and never matches)", strings.ToUpper(token), name)
	})
	for _, pp := range vr.patterns {
		n = pp.n
		before, after, err := parsePattern(pp.text, resolve)
		if err == nil {
			err = checkSynsetNames(before, after)
		}
		if err != nil {
			vr.p.errorf(pp.n, "%v", err)
			continue
		}
		pat := Pattern{Before: before, After: after, Code: pp.code, Raw: pp.raw, Pos: vr.pos(pp.n)}
		vr.checkPreps(pat, pp.n)
		g := &vr.vf.Groups[pp.group]
		g.Patterns = append(g.Patterns, pat)
	}
}

// checkPreps warns about prepositions PETRARCH can never match.
func (vr *verbReader) checkPreps(pat Pattern, n int) {
	check := func(e Elem) {
		if e.Kind == ElemPrep && len(e.Sub[0].Words) == 1 && strings.Contains(e.Sub[0].Words[0], "/") {
			vr.p.warnf(n, "preposition %q: PETRARCH matches it as one word, so the pattern never matches; write one pattern per preposition", e.Sub[0].Words[0])
		}
	}
	walkElems(pat.Before, check)
	walkElems(pat.After, check)
}
