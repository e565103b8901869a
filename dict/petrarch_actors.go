package dict

import (
	"io"
	"strings"
	"time"
)

// ReadPetrarchActors reads a PETRARCH actor dictionary. name is the file
// name used in positions and problems.
//
// An entry is a name line, optionally with codes, then synonym lines
// starting with "+", then date-restriction lines (indented, by a tab in
// PETRARCH's files):
//
//	RUFUS_T._FIREFLY_  [FRD]
//	+FIREFLY_
//		[FRDGOV 330101-331231]
//		[FRDELI >20240101]
//		[FRDGOV]
//
// Underscores separate words and a trailing one is dropped. A restriction
// is "<DATE" (to that day), ">DATE" (from that day), "DATE-DATE", or none
// (the default role); dates are YYMMDD or YYYYMMDD (see petrarchDate).
// Deviations PETRARCH misreads but whose meaning is plain are read by that
// meaning with a warning: several codes or a dated code on the name line,
// spaces inside a restriction ("> 990101", "330101 - 331231"), a code
// glued to its date, a bare date (read as ">DATE"), a 7- or 10-digit
// date. An
// entry that gets no code at all is reported: when the next line is another
// name without "+", PETRARCH starts a new entry there.
func ReadPetrarchActors(r io.Reader, name string) ([]Actor, []error) {
	p := &problems{file: name}
	lines := newPetrarchLines(r, p)
	var actors []Actor
	cur := -1 // index of the entry being read
	done := func(next string) {
		if cur < 0 || len(actors[cur].Roles) > 0 {
			return
		}
		a := actors[cur]
		if next != "" {
			p.warnf(a.Pos.Line, "actor %q has no code, and PETRARCH reads the next line, %q, as a new actor; mark that line with \"+\" if it is another name for this one, or give this one a code", a.Name, next)
		} else {
			p.warnf(a.Pos.Line, "actor %q has no code", a.Name)
		}
	}
	for {
		line, n, ok := lines.next()
		if !ok {
			break
		}
		t := trim(line)
		switch t[0] {
		case '[':
			head, groups, rest, bad := splitBrackets(t)
			if bad || head != "" || rest != "" {
				p.errorf(n, "cannot read date restriction line %q: want \"[CODE]\", \"[CODE <DATE]\", \"[CODE >DATE]\" or \"[CODE DATE-DATE]\"", t)
				continue
			}
			if cur < 0 {
				p.errorf(n, "date restriction %q before the first actor", t)
				continue
			}
			for _, g := range groups {
				if role, ok := readRole(g, n, p, false); ok {
					actors[cur].Roles = append(actors[cur].Roles, role)
				}
			}
		case '+':
			if cur < 0 {
				p.errorf(n, "synonym %q before the first actor", t)
				continue
			}
			text := t[1:]
			if strings.Contains(text, "[") && strings.Contains(text, "]") {
				p.errorf(n, "synonym %q carries a code, which PETRARCH reads as words of the name: codes go on the actor's name line or on date restriction lines", t)
				continue
			}
			if strings.ContainsAny(text, "[]") {
				text = strings.NewReplacer("[", "", "]", "").Replace(text)
				p.warnf(n, "stray bracket in synonym %q, which PETRARCH keeps in the word; read without it", t)
			}
			ph := ParsePhrase(text)
			if len(ph) == 0 {
				p.errorf(n, "empty synonym \"+\"")
				continue
			}
			actors[cur].Names = append(actors[cur].Names, ph)
		default:
			head, groups, rest, bad := splitBrackets(t)
			if bad {
				p.errorf(n, "cannot read actor line %q: want \"NAME\" or \"NAME [CODE]\"", t)
				continue
			}
			if rest != "" {
				p.warnf(n, "text %q after the actor's code is ignored; PETRARCH reads it and the code as words of the name and gives the actor no code", rest)
			}
			ph := ParsePhrase(head)
			if len(ph) == 0 {
				p.errorf(n, "actor line %q has no name", t)
				continue
			}
			done(trim(head))
			a := Actor{Name: casedName(head), Names: []Phrase{ph}, Pos: Pos{File: name, Line: n}}
			if len(groups) > 1 {
				p.warnf(n, "actor %q has %d codes on its name line; PETRARCH reads only the last and takes the others as words of the name: put date restrictions on their own lines", a.Name, len(groups))
			}
			for _, g := range groups {
				if role, ok := readRole(g, n, p, true); ok {
					a.Roles = append(a.Roles, role)
				}
			}
			actors = append(actors, a)
			cur = len(actors) - 1
		}
	}
	done("")
	return actors, p.list
}

// readRole parses the inside of a "[…]" group of an actor entry; onName
// reports that it stands on the name line.
func readRole(g string, n int, p *problems, onName bool) (Role, bool) {
	f := fields(g)
	if len(f) == 0 {
		p.errorf(n, "empty code \"[]\"")
		return Role{}, false
	}
	code, restr := f[0], strings.Join(f[1:], "")
	if len(f) > 2 {
		p.warnf(n, "spaces inside date restriction %q; read as %q", strings.Join(f[1:], " "), restr)
	}
	if strings.Trim(code, "-") != "" && restr == "" {
		// A code glued to its date: "FRDGOV330101-331231".
		i := len(code)
		for i > 0 && (code[i-1] >= '0' && code[i-1] <= '9' || code[i-1] == '-') {
			i--
		}
		if i > 0 && (code[i-1] == '<' || code[i-1] == '>') {
			i--
		}
		if i < len(code) && strings.ContainsAny(code[i:], "-<>") {
			if i == 0 {
				p.errorf(n, "date restriction [%s] has no code before the date", g)
				return Role{}, false
			}
			p.warnf(n, "no space between code and date in [%s]; read as [%s %s]", g, code[:i], code[i:])
			code, restr = code[:i], code[i:]
		}
	}
	if !validCode(code) {
		p.errorf(n, "code %q in [%s] holds a bracket", code, g)
		return Role{}, false
	}
	r := Role{Code: code, Pos: Pos{File: p.file, Line: n}}
	if restr == "" {
		return r, true
	}
	if onName && (restr[0] == '<' || restr[0] == '>') {
		p.warnf(n, "dated code [%s] on the actor's name line: PETRARCH drops the %q there and misreads the date; put date restrictions on their own lines", g, restr[:1])
	}
	date := func(s string) (time.Time, bool) {
		t, warn, ok := petrarchDate(s)
		if !ok {
			p.errorf(n, "bad date %q in [%s]: want YYMMDD or YYYYMMDD", s, g)
		} else if warn != "" {
			p.warnf(n, "%s", warn)
		}
		return t, ok
	}
	var ok bool
	switch {
	case restr[0] == '<':
		r.To, ok = date(restr[1:])
	case restr[0] == '>':
		r.From, ok = date(restr[1:])
	case strings.Contains(restr, "-"):
		from, to, _ := strings.Cut(restr, "-")
		var ok2 bool
		r.From, ok = date(from)
		r.To, ok2 = date(to)
		ok = ok && ok2
	default:
		if r.From, ok = date(restr); ok {
			p.warnf(n, "date restriction [%s] has neither \"<\", \">\" nor a range; read as [%s >%s] (from that day), which PETRARCH misreads", g, code, restr)
		}
	}
	return r, ok
}
