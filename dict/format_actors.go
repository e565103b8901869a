package dict

import (
	"fmt"
	"io"
	"strings"
)

// ReadActors reads a parley actors file (FORMAT.md):
//
//	actor Volodymyr Zelensky
//	  name Zelensky
//	  role UKRGOV 2019-05-20..
//	  role UKRELI
//
// name is the file name used in positions and problems. The canonical name
// is Names[0]; an "actor" line starts a block and a blank line ends it.
func ReadActors(r io.Reader, name string) ([]Actor, []error) {
	p := &problems{file: name}
	lines := newParleyLines(r, p)
	out := make([]Actor, 0, lines.count("actor"))
	// The names and roles of all actors are kept in two arrays, each
	// actor's a contiguous part of them.
	names := make([]Phrase, 0, lines.count("actor")+lines.count("  name"))
	roles := make([]Role, 0, lines.count("  role"))
	nameStart, roleStart := 0, 0
	open := false
	end := func() {
		if open {
			a := &out[len(out)-1]
			a.Names = names[nameStart:len(names):len(names)]
			a.Roles = roles[roleStart:len(roles):len(roles)]
		}
		open = false
	}
	for {
		ln, ok := lines.next()
		if !ok {
			break
		}
		if ln.blank {
			end()
			continue
		}
		switch ln.key {
		case "actor":
			end()
			ph := ParsePhrase(ln.rest)
			if len(ph) == 0 {
				p.errorf(ln.n, "actor line has no name: want \"actor NAME\"")
				continue
			}
			if msg := phraseProblem(ph); msg != "" {
				p.errorf(ln.n, "%s", msg)
				continue
			}
			out = append(out, Actor{Name: oneSpace(ln.rest), Pos: Pos{File: name, Line: ln.n}, Origin: ln.origin})
			nameStart, roleStart = len(names), len(roles)
			names = append(names, ph)
			open = true
		case "name":
			if ph, ok := p.blockPhrase(ln, open, "actor"); ok {
				names = append(names, ph)
			}
		case "not":
			ph, ok := p.blockPhrase(ln, open, "actor")
			if !ok {
				continue
			}
			if a := &out[len(out)-1]; ph.Equal(names[nameStart]) {
				p.errorf(ln.n, "\"not %s\" takes away the canonical name of actor %s", ln.rest, a.Name)
				continue
			} else {
				a.NotNames = append(a.NotNames, ph)
			}
		case "role":
			if !open {
				p.errorf(ln.n, "\"role\" line outside an actor block: put it under its \"actor\" line, with no blank line between")
				continue
			}
			code, rng := ln.rest, ""
			if i := strings.IndexAny(code, " \t"); i >= 0 {
				code, rng = code[:i], trim(code[i+1:])
			}
			if !validCode(code) || strings.ContainsAny(rng, " \t\n\v\f\r") {
				p.errorf(ln.n, "role line %q: want \"role CODE\" or \"role CODE FROM..TO\"", ln.rest)
				continue
			}
			role := Role{Code: code, Pos: Pos{File: name, Line: ln.n}}
			if rng != "" {
				var err error
				if role.From, role.To, err = parseRange(rng); err != nil {
					p.errorf(ln.n, "%v", err)
					continue
				}
			}
			roles = append(roles, role)
		default:
			p.errorf(ln.n, "unknown line %q in an actors file: want \"actor\", \"name\", \"not\" or \"role\"", ln.key)
		}
	}
	end()
	return out, p.list
}

// WriteActors writes actors in parley's format, one block each, with each
// actor's Origin as a provenance comment. It fails on a value the format
// cannot hold (an empty name, a code with spaces).
func WriteActors(w io.Writer, actors []Actor) error {
	lw := newLineWriter(w)
	for i, a := range actors {
		if i > 0 {
			lw.line("", Pos{})
		}
		if err := checkText("actor name", a.Name); err != nil {
			return err
		}
		lw.line("actor "+a.Name, a.Origin)
		canon := ParsePhrase(a.Name)
		for j, n := range a.Names {
			if j == 0 && n.Equal(canon) {
				continue
			}
			if err := checkPhrase("name of "+a.Name, n); err != nil {
				return err
			}
			lw.line("  name "+n.String(), Pos{})
		}
		for _, n := range a.NotNames {
			if err := checkPhrase("taken-away name of "+a.Name, n); err != nil {
				return err
			}
			lw.line("  not "+n.String(), Pos{})
		}
		for _, r := range a.Roles {
			if err := checkCode("role code of "+a.Name, r.Code); err != nil {
				return err
			}
			if rng := formatRange(r); rng != "" {
				lw.line("  role "+r.Code+" "+rng, Pos{})
			} else {
				lw.line("  role "+r.Code, Pos{})
			}
		}
	}
	return lw.flush()
}

// ReadAgents reads a parley agents file:
//
//	agent ~GOV
//	  name schoolmaster
//	  name schoolmasters
//
// name is the file name used in positions and problems.
func ReadAgents(r io.Reader, name string) ([]Agent, []error) {
	p := &problems{file: name}
	lines := newParleyLines(r, p)
	var out []Agent
	open := false
	end := func() {
		if a := out[max(len(out)-1, 0):]; open && len(a[0].Names) == 0 && len(a[0].NotNames) == 0 {
			p.errorf(a[0].Pos.Line, "agent %s has no \"name\" or \"not\" lines", a[0].Code)
			out = out[:len(out)-1]
		}
		open = false
	}
	for {
		ln, ok := lines.next()
		if !ok {
			break
		}
		if ln.blank {
			end()
			continue
		}
		switch ln.key {
		case "agent":
			end()
			if !validCode(ln.rest) {
				p.errorf(ln.n, "agent line %q: want \"agent CODE\" (~GOV, NGO~)", ln.rest)
				continue
			}
			a := Agent{Pos: Pos{File: name, Line: ln.n}, Origin: ln.origin}
			a.setCode(ln.rest)
			out = append(out, a)
			open = true
		case "name":
			if ph, ok := p.blockPhrase(ln, open, "agent"); ok {
				a := &out[len(out)-1]
				a.Names = append(a.Names, ph)
			}
		case "not":
			if ph, ok := p.blockPhrase(ln, open, "agent"); ok {
				a := &out[len(out)-1]
				a.NotNames = append(a.NotNames, ph)
			}
		default:
			p.errorf(ln.n, "unknown line %q in an agents file: want \"agent\", \"name\" or \"not\"", ln.key)
		}
	}
	end()
	return out, p.list
}

// WriteAgents writes agents in parley's format.
func WriteAgents(w io.Writer, agents []Agent) error {
	lw := newLineWriter(w)
	for i, a := range agents {
		if i > 0 {
			lw.line("", Pos{})
		}
		if err := checkCode("agent code", a.Code); err != nil {
			return err
		}
		if len(a.Names) == 0 && len(a.NotNames) == 0 {
			return fmt.Errorf("agent %s has no names", a.Code)
		}
		lw.line("agent "+a.Code, a.Origin)
		for _, n := range a.Names {
			if err := checkPhrase("name of agent "+a.Code, n); err != nil {
				return err
			}
			lw.line("  name "+n.String(), Pos{})
		}
		for _, n := range a.NotNames {
			if err := checkPhrase("taken-away name of agent "+a.Code, n); err != nil {
				return err
			}
			lw.line("  not "+n.String(), Pos{})
		}
	}
	return lw.flush()
}

// ReadDiscards reads a parley discards file, one discard a line:
//
//	discard sentence windmill*
//	discard story world cup final
//
// A final "*" makes the last word a stem. name is the file name used in
// positions and problems.
func ReadDiscards(r io.Reader, name string) ([]Discard, []error) {
	p := &problems{file: name}
	lines := newParleyLines(r, p)
	var out []Discard
	for {
		ln, ok := lines.next()
		if !ok {
			break
		}
		if ln.blank {
			continue
		}
		if ln.key != "discard" {
			p.errorf(ln.n, "unknown line %q in a discards file: want \"discard sentence PHRASE\" or \"discard story PHRASE\"", ln.key)
			continue
		}
		scope, text, _ := strings.Cut(ln.rest, " ")
		d := Discard{Pos: Pos{File: name, Line: ln.n}, Origin: ln.origin}
		switch scope {
		case "sentence":
		case "story":
			d.Story = true
		default:
			p.errorf(ln.n, "discard scope %q: want \"sentence\" or \"story\"", scope)
			continue
		}
		text = trim(text)
		if strings.HasSuffix(text, "*") {
			d.Stem, text = true, text[:len(text)-1]
		}
		if d.Phrase = ParsePhrase(text); len(d.Phrase) == 0 {
			p.errorf(ln.n, "discard has no phrase")
			continue
		}
		if msg := phraseProblem(d.Phrase); msg != "" {
			p.errorf(ln.n, "%s", msg)
			continue
		}
		out = append(out, d)
	}
	return out, p.list
}

// WriteDiscards writes discards in parley's format.
func WriteDiscards(w io.Writer, discards []Discard) error {
	lw := newLineWriter(w)
	for _, d := range discards {
		if err := checkPhrase("discard", d.Phrase); err != nil {
			return err
		}
		if strings.HasSuffix(d.Phrase[len(d.Phrase)-1], "*") {
			return fmt.Errorf("discard %q ends with \"*\", which the format reads as a stem marker", d.Phrase.String())
		}
		scope := "sentence"
		if d.Story {
			scope = "story"
		}
		s := "discard " + scope + " " + d.Phrase.String()
		if d.Stem {
			s += "*"
		}
		lw.line(s, d.Origin)
	}
	return lw.flush()
}

var scopeNames = map[Scope]string{ExcludeSentence: "sentence", ExcludeStory: "story"}

// ReadIssues reads a parley issues file:
//
//	category BAKING
//	issue BREAD_PRICES
//	  form literacy
//	ignore sentence
//	  form financial literacy
//
// A "category" line applies to the entries after it ("category" alone ends
// it). name is the file name used in positions and problems.
func ReadIssues(r io.Reader, name string) ([]Issue, []error) {
	p := &problems{file: name}
	lines := newParleyLines(r, p)
	var out []Issue
	category := ""
	open := false
	end := func() {
		if open && len(out[len(out)-1].Forms) == 0 {
			is := out[len(out)-1]
			p.errorf(is.Pos.Line, "issue entry has no \"form\" lines")
			out = out[:len(out)-1]
		}
		open = false
	}
	for {
		ln, ok := lines.next()
		if !ok {
			break
		}
		if ln.blank {
			end()
			continue
		}
		switch ln.key {
		case "category":
			end()
			if ln.rest != "" && !validCode(ln.rest) {
				p.errorf(ln.n, "category %q: want one word", ln.rest)
				continue
			}
			category = ln.rest
		case "issue", "ignore":
			end()
			is := Issue{Category: category, Pos: Pos{File: name, Line: ln.n}, Origin: ln.origin}
			if ln.key == "issue" {
				if !validCode(ln.rest) {
					p.errorf(ln.n, "issue line %q: want \"issue CODE\"", ln.rest)
					continue
				}
				is.Code = ln.rest
			} else {
				switch ln.rest {
				case "sentence":
					is.Exclude = ExcludeSentence
				case "story":
					is.Exclude = ExcludeStory
				default:
					p.errorf(ln.n, "ignore scope %q: want \"ignore sentence\" or \"ignore story\"", ln.rest)
					continue
				}
			}
			out = append(out, is)
			open = true
		case "form":
			if !open {
				p.errorf(ln.n, "\"form\" line outside an issue block: put it under its \"issue\" or \"ignore\" line, with no blank line between")
				continue
			}
			ph := ParsePhrase(ln.rest)
			if len(ph) == 0 {
				p.errorf(ln.n, "\"form\" line has no phrase")
				continue
			}
			if msg := phraseProblem(ph); msg != "" {
				p.errorf(ln.n, "%s", msg)
				continue
			}
			is := &out[len(out)-1]
			if is.Forms = append(is.Forms, ph); len(is.Forms) == 1 {
				is.Phrase = ph
			}
		default:
			p.errorf(ln.n, "unknown line %q in an issues file: want \"category\", \"issue\", \"ignore\" or \"form\"", ln.key)
		}
	}
	end()
	return out, p.list
}

// WriteIssues writes issues in parley's format; a "category" line is written
// wherever the category changes. Forms are written, not Phrase, which is
// Forms[0] when read back.
func WriteIssues(w io.Writer, issues []Issue) error {
	lw := newLineWriter(w)
	category := ""
	for i, is := range issues {
		if i > 0 {
			lw.line("", Pos{})
		}
		if is.Category != category {
			if is.Category != "" && !validCode(is.Category) {
				return fmt.Errorf("issue category %q: want one word", is.Category)
			}
			lw.line(trim("category "+is.Category), Pos{})
			category = is.Category
		}
		if is.Exclude != NoExclusion {
			scope, ok := scopeNames[is.Exclude]
			if !ok {
				return fmt.Errorf("issue exclusion scope %d: want ExcludeSentence or ExcludeStory", is.Exclude)
			}
			lw.line("ignore "+scope, is.Origin)
		} else {
			if err := checkCode("issue code", is.Code); err != nil {
				return err
			}
			lw.line("issue "+is.Code, is.Origin)
		}
		if len(is.Forms) == 0 {
			return fmt.Errorf("issue %s has no forms", is.Code)
		}
		for _, f := range is.Forms {
			if err := checkPhrase("issue form", f); err != nil {
				return err
			}
			lw.line("  form "+f.String(), Pos{})
		}
	}
	return lw.flush()
}
