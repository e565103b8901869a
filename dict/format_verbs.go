package dict

import (
	"fmt"
	"io"
	"strings"
)

// ReadVerbs reads a parley verbs file (FORMAT.md): synsets, verb groups
// with their verbs, forms and patterns, and transformations.
//
//	synset &GADGET
//	  member widget
//
//	group ASK [---]
//	  verb ask [020]
//	    form asks
//	  verb +ask for
//	    form +asked for
//	  pattern * {&GADGET parts} [0231]
//
//	transform a (a b raid) boast = a b 190
//
// name is the file name used in positions and problems.
func ReadVerbs(r io.Reader, name string) (VerbFile, []error) {
	p := &problems{file: name}
	lines := newParleyLines(r, p)
	var vf VerbFile
	const (
		none = iota
		inSynset
		inGroup
	)
	block := none
	hasVerb := false // the open group has a verb for "form" lines
	pos := func(n int) Pos { return Pos{File: name, Line: n} }
	for {
		ln, ok := lines.next()
		if !ok {
			break
		}
		if ln.blank {
			block = none
			continue
		}
		switch ln.key {
		case "synset":
			block = none
			if !synsetName(ln.rest) {
				p.errorf(ln.n, "synset line %q: want \"synset &NAME\", NAME upper-case letters and digits, parts joined by \"_\"", ln.rest)
				continue
			}
			vf.Synsets = append(vf.Synsets, Synset{Name: ln.rest, Pos: pos(ln.n), Origin: ln.origin})
			block = inSynset
		case "member":
			ph, ok := p.blockPhrase(ln, block == inSynset, "synset")
			if !ok {
				continue
			}
			s := &vf.Synsets[len(vf.Synsets)-1]
			s.Members = append(s.Members, ph)
		case "group":
			block = none
			text, code, ok := splitCode(ln.rest)
			if !ok || !validCode(code) || strings.ContainsAny(text, "[]") {
				p.errorf(ln.n, "group line %q: want \"group NAME [CODE]\" (CODE \"---\" for none)", ln.rest)
				continue
			}
			vf.Groups = append(vf.Groups, VerbGroup{Name: oneSpace(text), Code: code, Pos: pos(ln.n), Origin: ln.origin})
			block, hasVerb = inGroup, false
		case "verb", "form":
			if block != inGroup || ln.key == "form" && !hasVerb {
				p.errorf(ln.n, "%q line outside a group: put it under its \"group\" line (and a \"form\" under its \"verb\"), with no blank line between", ln.key)
				continue
			}
			text, code, hasCode := splitCode(ln.rest)
			if hasCode && (ln.key == "form" || !validCode(code)) {
				p.errorf(ln.n, "%s line %q: want \"verb WORDS [CODE]\" or \"form WORDS\"", ln.key, ln.rest)
				continue
			}
			words, head, err := parleyVerbWords(text)
			if err != nil {
				p.errorf(ln.n, "%v", err)
				continue
			}
			g := &vf.Groups[len(vf.Groups)-1]
			if ln.key == "verb" {
				g.Verbs = append(g.Verbs, Verb{Words: words, Head: head, Code: code, Pos: pos(ln.n), Origin: ln.origin})
				hasVerb = true
				continue
			}
			v := &g.Verbs[len(g.Verbs)-1]
			if len(words) != len(v.Words) || head != v.Head {
				p.errorf(ln.n, "form %q does not fit verb %q: a form needs as many words, with the same one marked \"+\"", text, verbText(v.Words, v.Head))
				continue
			}
			v.Forms = append(v.Forms, words)
		case "without":
			if block != inGroup || !hasVerb {
				p.errorf(ln.n, "\"without\" line outside a verb: put it under its \"verb\" line, with no blank line between")
				continue
			}
			text, code, hasCode := splitCode(ln.rest)
			before, after, err := parsePattern(text, parleySynsets)
			if err == nil {
				err = checkSynsetNames(before, after)
			}
			if err != nil || strings.ContainsAny(text, "[]") || hasCode && !validCode(code) {
				p.errorf(ln.n, "without %q: want \"without PATTERN\" or \"without PATTERN [CODE]\", a pattern of the group as written", ln.rest)
				continue
			}
			w := PatternText(text)
			if hasCode {
				w += " [" + code + "]"
			}
			g := &vf.Groups[len(vf.Groups)-1]
			v := &g.Verbs[len(g.Verbs)-1]
			v.Without = append(v.Without, w)
		case "pattern":
			if block != inGroup {
				p.errorf(ln.n, "\"pattern\" line outside a group: put it under its \"group\" line, with no blank line between")
				continue
			}
			text, code, ok := splitCode(ln.rest)
			if !ok || !validCode(code) {
				p.errorf(ln.n, "pattern %q: want \"pattern PATTERN [CODE]\"", ln.rest)
				continue
			}
			before, after, err := parsePattern(text, parleySynsets)
			if err == nil {
				err = checkSynsetNames(before, after)
			}
			if err != nil {
				p.errorf(ln.n, "%v", err)
				continue
			}
			g := &vf.Groups[len(vf.Groups)-1]
			g.Patterns = append(g.Patterns, Pattern{Before: before, After: after, Code: code, Raw: ln.rest, Pos: pos(ln.n), Origin: ln.origin})
		case "transform":
			block = none
			tr, err := parseTransform(ln.rest)
			if err != nil {
				p.errorf(ln.n, "transform %q: %v", ln.rest, err)
				continue
			}
			tr.Pos, tr.Origin = pos(ln.n), ln.origin
			vf.Transforms = append(vf.Transforms, tr)
		default:
			p.errorf(ln.n, "unknown line %q in a verbs file: want \"synset\", \"member\", \"group\", \"verb\", \"form\", \"without\", \"pattern\" or \"transform\"", ln.key)
		}
	}
	return vf, p.list
}

// parleyVerbWords parses the words of a verb or form line; in a multi-word
// verb one word is marked with "+" ("+back down", "out +vote").
func parleyVerbWords(s string) (Phrase, int, error) {
	f := fields(s)
	if len(f) == 0 {
		return nil, 0, fmt.Errorf("verb line has no words")
	}
	words := make(Phrase, len(f))
	head := -1
	for i, w := range f {
		if w[0] == '+' {
			if head >= 0 {
				return nil, 0, fmt.Errorf("verb %q marks more than one word with \"+\"", s)
			}
			head, w = i, w[1:]
		}
		if w == "" || w[0] == '#' || strings.ContainsAny(w, "+_{}()[]*&$%^") {
			return nil, 0, fmt.Errorf("verb %q: want lower-case words, the verb word marked with \"+\" in a multi-word verb", s)
		}
		words[i] = lower(w)
	}
	if head < 0 {
		if len(words) > 1 {
			return nil, 0, fmt.Errorf("multi-word verb %q: mark the word the parser tags as the verb with \"+\" (+back down, out +vote)", s)
		}
		head = 0
	}
	return words, head, nil
}

// synsetName reports whether s is a synset name as parley's format writes
// it: "&" and "_"-joined parts of upper-case letters and digits, each part
// after the first with a letter ("&GADGET", "&SPARE_PARTS", "&TOOLSET2").
func synsetName(s string) bool {
	if len(s) < 2 || s[0] != '&' {
		return false
	}
	for i, seg := range strings.Split(s[1:], "_") {
		if seg == "" || strings.Trim(seg, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != "" || i > 0 && !upperName(seg) {
			return false
		}
	}
	return true
}

// checkSynsetNames reports a synset reference whose name is not written as
// synsetName requires, or a word that validWord rejects.
func checkSynsetNames(before, after []Elem) error {
	var err error
	check := func(e Elem) {
		switch {
		case err != nil:
		case e.Kind == ElemSynset && !synsetName(e.Name):
			err = fmt.Errorf("synset name %q: want \"&\" and upper-case letters and digits, parts joined by \"_\"", e.Name)
		case e.Kind == ElemWord:
			if msg := validWord(e.Words[0]); msg != "" {
				err = fmt.Errorf("%s", msg)
			}
		}
	}
	walkElems(before, check)
	walkElems(after, check)
	return err
}

// verbText writes a verb's words, the head marked with "+" when there are
// several.
func verbText(words Phrase, head int) string {
	if len(words) == 1 {
		return words[0]
	}
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		if i == head {
			b.WriteByte('+')
		}
		b.WriteString(w)
	}
	return b.String()
}

// WriteVerbs writes a verb file in parley's format: synsets, then groups,
// then transformations, each block followed by a blank line.
func WriteVerbs(w io.Writer, vf VerbFile) error {
	lw := newLineWriter(w)
	first := true
	sep := func() {
		if !first {
			lw.line("", Pos{})
		}
		first = false
	}
	for _, s := range vf.Synsets {
		sep()
		if !synsetName(s.Name) {
			return fmt.Errorf("synset name %q: want \"&NAME\", NAME upper-case letters and digits, parts joined by \"_\"", s.Name)
		}
		lw.line("synset "+s.Name, s.Origin)
		for _, m := range s.Members {
			if err := checkPhrase("member of "+s.Name, m); err != nil {
				return err
			}
			lw.line("  member "+m.String(), Pos{})
		}
	}
	for _, g := range vf.Groups {
		sep()
		if err := writeGroup(lw, g); err != nil {
			return err
		}
	}
	if len(vf.Transforms) > 0 {
		sep()
	}
	for _, tr := range vf.Transforms {
		s, err := renderTransform(tr)
		if err != nil {
			return err
		}
		lw.line("transform "+s, tr.Origin)
	}
	return lw.flush()
}

func writeGroup(lw *lineWriter, g VerbGroup) error {
	if err := checkCode("group code", g.Code); err != nil {
		return err
	}
	if strings.ContainsAny(g.Name, "[]") || g.Name != "" && checkText("group name", g.Name) != nil {
		return fmt.Errorf("group name %q: want words without brackets, \"#\" or extra white space", g.Name)
	}
	head := "group "
	if g.Name != "" {
		head += g.Name + " "
	}
	lw.line(head+"["+g.Code+"]", g.Origin)
	for _, v := range g.Verbs {
		if err := checkVerb(v.Words, v.Head); err != nil {
			return err
		}
		s := "  verb " + verbText(v.Words, v.Head)
		if v.Code != "" {
			if err := checkCode("verb code", v.Code); err != nil {
				return err
			}
			s += " [" + v.Code + "]"
		}
		lw.line(s, v.Origin)
		for _, f := range v.Forms {
			if len(f) != len(v.Words) {
				return fmt.Errorf("form %q of verb %q: a form needs as many words as its verb", f.String(), v.Words.String())
			}
			if err := checkVerb(f, v.Head); err != nil {
				return err
			}
			lw.line("    form "+verbText(f, v.Head), Pos{})
		}
		for _, w := range v.Without {
			lw.line("    without "+w, Pos{})
		}
	}
	for _, pt := range g.Patterns {
		if err := checkCode("pattern code", pt.Code); err != nil {
			return err
		}
		if err := checkElems(pt.Before); err != nil {
			return err
		}
		if err := checkElems(pt.After); err != nil {
			return err
		}
		lw.line("  pattern "+RenderPattern(pt.Before, pt.After)+" ["+pt.Code+"]", pt.Origin)
	}
	return nil
}

// checkVerb reports whether a verb's words can be written.
func checkVerb(words Phrase, head int) error {
	if len(words) == 0 || head < 0 || head >= len(words) {
		return fmt.Errorf("verb %q with head %d: want words and the index of the verb word", words.String(), head)
	}
	for _, w := range words {
		if w == "" || w != lower(w) || w[0] == '#' || strings.ContainsAny(w, " \t\n\v\f\r+_{}()[]*&$%^") {
			return fmt.Errorf("verb %q: a word is empty, upper case or holds a character the format reserves", words.String())
		}
	}
	return nil
}

// checkElems reports whether pattern elements can be written so that they
// read back the same.
func checkElems(es []Elem) error {
	for i, e := range es {
		switch e.Kind {
		case ElemWord:
			if len(e.Words) != 1 {
				return fmt.Errorf("pattern word element holds %d words, want 1", len(e.Words))
			}
			if msg := validWord(e.Words[0]); msg != "" || e.Words[0] != lower(e.Words[0]) {
				return fmt.Errorf("pattern word %q: %s", e.Words[0], msg)
			}
		case ElemSynset:
			if !synsetName(e.Name) {
				return fmt.Errorf("synset reference %q: want \"&NAME\", NAME upper-case letters and digits, parts joined by \"_\"", e.Name)
			}
		case ElemUnit, ElemPrep:
			if len(e.Sub) == 0 {
				return fmt.Errorf("empty %s in a pattern", e.Kind)
			}
			for _, s := range e.Sub {
				if s.Kind == ElemPrep || s.Kind == ElemUnit && e.Kind == ElemUnit {
					return fmt.Errorf("a %s cannot hold a %s", e.Kind, s.Kind)
				}
			}
			if e.Kind == ElemPrep && e.Sub[0].Kind != ElemWord {
				return fmt.Errorf("a prepositional phrase must start with its preposition")
			}
			if err := checkElems(e.Sub); err != nil {
				return err
			}
		case ElemSource, ElemTarget, ElemCompound, ElemSkip:
		default:
			return fmt.Errorf("pattern element %d has kind %v", i, e.Kind)
		}
	}
	return nil
}

// renderTransform writes a transformation in parley's syntax, without the
// leading "transform".
func renderTransform(tr Transform) (string, error) {
	var b strings.Builder
	if err := writeEvent(&b, tr.Match); err != nil {
		return "", err
	}
	for _, v := range []string{tr.Source, tr.Target} {
		if !actorVar(v) {
			return "", fmt.Errorf("transformation actor %q: want a lower-case letter, \".\" or \"_\"", v)
		}
	}
	if err := checkCode("transformation code", tr.Code); err != nil {
		return "", err
	}
	b.WriteString(" = " + tr.Source + " " + tr.Target + " " + tr.Code)
	return b.String(), nil
}

func writeEvent(b *strings.Builder, ev TransformEvent) error {
	if !actorVar(ev.Source) {
		return fmt.Errorf("transformation actor %q: want a lower-case letter, \".\" or \"_\"", ev.Source)
	}
	if ev.Verb != nil {
		if err := checkPhrase("transformation verb", ev.Verb); err != nil {
			return err
		}
	}
	if strings.ContainsAny(strings.Join(ev.Verb, ""), "()=") {
		return fmt.Errorf("transformation verb %q holds \"(\", \")\" or \"=\"", ev.Verb.String())
	}
	b.WriteString(ev.Source + " ")
	if ev.Inner != nil {
		b.WriteByte('(')
		if err := writeEvent(b, *ev.Inner); err != nil {
			return err
		}
		b.WriteByte(')')
	} else {
		if !actorVar(ev.Target) {
			return fmt.Errorf("transformation actor %q: want a lower-case letter, \".\" or \"_\"", ev.Target)
		}
		b.WriteString(ev.Target)
	}
	if ev.Verb == nil {
		b.WriteString(" Q")
	} else {
		b.WriteString(" " + strings.Join(ev.Verb, "_"))
	}
	return nil
}
