package dict

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/parley-events/parley"
)

// Check reads a dictionary directory in either format and returns every
// problem found, sorted by file and line, each a *parley.Error whose
// message starts with "file:line: " (file relative to fsys); IsWarning
// tells warnings from errors.
//
// A directory holding verbs.txt, verbs-*.txt, agents.txt, agents-*.txt,
// discards.txt, discards-*.txt, issues.txt or actors-*.txt is read as parley's format, as one set (as Load reads it).
// Otherwise the PETRARCH files are found by name ("*verb*", "CAMEO.*.txt",
// "*actors*", "*agents*", "*discards*", "*issue*"): the files LoadPetrarch
// reads by default are checked as one set and every other one on its own.
//
// Beyond what the readers report, Check finds: references to undefined
// synsets; event codes that are malformed, or that validEvent rejects when
// it is not nil (in "042:043" each half is checked); malformed actor and
// agent codes; date ranges whose start is after their end; actors without
// a code (warning); and the same name given to different actors (warning).
func Check(fsys fs.FS, validEvent func(code string) bool) []error {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return []error{&parley.Error{Op: "dict.Check", Kind: parley.IO, Err: err}}
	}
	var problems []error
	if parleyDir(entries) {
		set, p, err := load(fsys)
		if err != nil {
			return []error{err}
		}
		problems = append(p, checkSet(set, validEvent, false)...)
	} else {
		problems = checkPetrarchDir(fsys, entries, validEvent)
	}
	slices.SortStableFunc(problems, func(a, b error) int {
		var ea, eb *parley.Error
		errors.As(a, &ea)
		errors.As(b, &eb)
		if ea == nil || eb == nil {
			return 0
		}
		return cmp.Or(cmp.Compare(ea.Input, eb.Input), cmp.Compare(ea.Line, eb.Line))
	})
	return problems
}

// parleyDir reports whether a directory holds parley dictionary files.
func parleyDir(entries []fs.DirEntry) bool {
	for _, e := range entries {
		n := e.Name()
		if n == VerbsFile || n == AgentsFile || n == DiscardsFile || n == IssuesFile {
			return true
		}
		if ok, _ := path.Match(ActorsGlob, n); ok {
			return true
		}
		if ok, _ := path.Match(AgentsGlob, n); ok {
			return true
		}
		if ok, _ := path.Match(VerbsGlob, n); ok {
			return true
		}
		if ok, _ := path.Match(DiscardsGlob, n); ok {
			return true
		}
	}
	return false
}

// petrarchKind returns the kind of a PETRARCH dictionary file by its name,
// or "" for other files.
func petrarchKind(name string) string {
	l := strings.ToLower(name)
	if !strings.HasSuffix(l, ".txt") {
		return ""
	}
	switch {
	case strings.Contains(l, "actors"):
		return "actors"
	case strings.Contains(l, "agents"):
		return "agents"
	case strings.Contains(l, "discards"):
		return "discards"
	case strings.Contains(l, "issue"):
		return "issues"
	case strings.Contains(l, "verb") || strings.HasPrefix(name, "CAMEO."):
		return "verbs"
	}
	return ""
}

// checkPetrarchDir checks the PETRARCH files of a directory.
func checkPetrarchDir(fsys fs.FS, entries []fs.DirEntry, validEvent func(string) bool) []error {
	def := DefaultPetrarchFiles()
	inDefault := map[string]bool{def.Verbs: true, def.Agents: true, def.Discards: true, def.Issues: true}
	for _, a := range def.Actors {
		inDefault[a] = true
	}
	var problems []error
	found := false
	if set, p, err := loadPetrarch(fsys, PetrarchFiles{}); err == nil {
		found = true
		problems = append(problems, p...)
		problems = append(problems, checkSet(set, validEvent, true)...)
	} else if parley.KindOf(err) != parley.NotFound {
		problems = append(problems, err)
	}
	for _, e := range entries {
		name := e.Name()
		kind := petrarchKind(name)
		if kind == "" || e.IsDir() || inDefault[name] && found {
			continue
		}
		found = true
		set, p, err := readPetrarchFile(fsys, name, kind)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		problems = append(problems, p...)
		problems = append(problems, checkSet(set, validEvent, true)...)
	}
	if !found {
		problems = append(problems, &parley.Error{Op: "dict.Check", Kind: parley.NotFound,
			Err: fmt.Errorf("no dictionary files: want parley's %s, %s, … or PETRARCH's CAMEO.2.0.txt, Phoenix.*.actors.txt, …", VerbsFile, ActorsGlob)})
	}
	return problems
}

// readPetrarchFile reads one PETRARCH file of the given kind into a Set.
func readPetrarchFile(fsys fs.FS, name, kind string) (*Set, []error, error) {
	r, err := fsys.Open(name)
	if err != nil {
		return nil, nil, &parley.Error{Op: "dict.Check", Kind: parley.IO, Input: name, Err: err}
	}
	defer r.Close()
	set := &Set{Files: []string{name}}
	var p []error
	read := map[string]func(io.Reader){
		"verbs": func(r io.Reader) {
			var vf VerbFile
			vf, p = ReadPetrarchVerbs(r, name)
			set.Verbs, set.Synsets, set.Transforms = vf.Groups, vf.Synsets, vf.Transforms
		},
		"actors":   func(r io.Reader) { set.Actors, p = ReadPetrarchActors(r, name) },
		"agents":   func(r io.Reader) { set.Agents, p = ReadPetrarchAgents(r, name) },
		"discards": func(r io.Reader) { set.Discards, p = ReadPetrarchDiscards(r, name) },
		"issues":   func(r io.Reader) { set.Issues, p = ReadPetrarchIssues(r, name) },
	}
	read[kind](r)
	return set, p, nil
}

// problemAt makes a problem at pos: an error, or a warning when warn is set.
func problemAt(pos Pos, warn bool, format string, args ...any) error {
	e := &parley.Error{Op: "dict", Kind: parley.Invalid, Input: pos.File, Line: pos.Line, Err: fmt.Errorf(format, args...)}
	if warn {
		e.Kind, e.Err = parley.Other, &Warning{e.Err.Error()}
	}
	return e
}

// checkSet runs the checks that need a whole set. petrarch reports that the
// set was read from PETRARCH's files, whose reader already reports actors
// without a code.
func checkSet(s *Set, validEvent func(string) bool, petrarch bool) []error {
	var out []error
	add := func(pos Pos, warn bool, format string, args ...any) {
		out = append(out, problemAt(pos, warn, format, args...))
	}
	event := func(pos Pos, what, code string) {
		if msg := eventCodeProblem(code, validEvent); msg != "" {
			add(pos, false, "%s code [%s]: %s", what, code, msg)
		}
	}

	synsets := map[string]Pos{}
	for _, sy := range s.Synsets {
		if first, ok := synsets[sy.Name]; ok {
			add(sy.Pos, true, "synset %s is defined again (first at %s): PETRARCH 1 keeps the last definition, PETRARCH 2 joins them; make it one definition", sy.Name, first)
			continue
		}
		synsets[sy.Name] = sy.Pos
	}
	for _, g := range s.Verbs {
		event(g.Pos, "group", g.Code)
		for _, v := range g.Verbs {
			if v.Code != "" {
				event(v.Pos, "verb", v.Code)
			}
			for _, w := range v.Without {
				if !slices.ContainsFunc(g.Patterns, func(p Pattern) bool { return omits(w, PatternText(p.Raw), p.Code) }) {
					add(v.Pos, false, "verb %q goes without pattern %q, which group %s does not have: write it as the group's pattern is written", verbText(v.Words, v.Head), w, g.Name)
				}
			}
		}
		for _, p := range g.Patterns {
			event(p.Pos, "pattern", p.Code)
			seen := map[string]bool{}
			check := func(e Elem) {
				if e.Kind == ElemSynset && !seen[e.Name] {
					seen[e.Name] = true
					if _, ok := synsets[e.Name]; !ok {
						add(p.Pos, false, "synset %s is not defined; PETRARCH skips the pattern", e.Name)
					}
				}
			}
			walkElems(p.Before, check)
			walkElems(p.After, check)
		}
	}
	for _, tr := range s.Transforms {
		if tr.Code != "Q" {
			event(tr.Pos, "transformation", tr.Code)
		}
	}

	owner := map[string]int{} // a name, as words → index of the first actor with it
	for i, a := range s.Actors {
		if !petrarch && len(a.Roles) == 0 {
			add(a.Pos, true, "actor %q has no role: give it a \"role\" line or it codes as nothing", a.Name)
		}
		for _, r := range a.Roles {
			if msg := actorCodeProblem(r.Code); msg != "" {
				add(r.Pos, false, "actor %q: %s", a.Name, msg)
			}
			if !r.From.IsZero() && !r.To.IsZero() && r.From.After(r.To) {
				add(r.Pos, false, "actor %q: role %s starts on %s, after it ends on %s", a.Name, r.Code, r.From.Format("2006-01-02"), r.To.Format("2006-01-02"))
			}
		}
		canon := a.Names[0].String()
		for j, n := range a.Names {
			key := n.String()
			k, ok := owner[key]
			if !ok {
				owner[key] = i
				continue
			}
			if other := s.Actors[k]; other.Names[0].String() != canon && !slices.ContainsFunc(a.Names[:j], n.Equal) {
				add(a.Pos, true, "name %q of actor %q also names actor %q (%s)", key, a.Name, other.Name, other.Pos)
			}
		}
	}
	for _, g := range s.Agents {
		if msg := agentCodeProblem(g.Code); msg != "" {
			add(g.Pos, false, "agent %s: %s", g.Code, msg)
		}
	}
	return out
}

// eventCodeProblem explains what is wrong with a verb-dictionary event
// code, or returns "". Codes are "---" (no event), a CAMEO code of 3 or 4
// digits, or a pair "A:B" whose halves are such codes or one of them empty.
func eventCodeProblem(code string, validEvent func(string) bool) string {
	if code == "---" {
		return ""
	}
	parts := strings.Split(code, ":")
	if len(parts) > 2 || len(parts) == 2 && parts[0] == "" && parts[1] == "" {
		return "want a CAMEO event code (\"042\"), \"---\" or a pair such as \"042:043\""
	}
	for _, c := range parts {
		if c == "" || c == "---" && len(parts) == 2 {
			continue
		}
		if len(c) < 3 || len(c) > 4 || strings.Trim(c, "0123456789") != "" {
			return fmt.Sprintf("%q is not an event code: want 3 or 4 digits (\"042\", \"0231\"), \"---\" or a pair such as \"042:043\"", c)
		}
		if validEvent != nil && !validEvent(c) {
			return fmt.Sprintf("%q is not in the CAMEO event code table", c)
		}
	}
	return ""
}

// actorCodeProblem explains what is wrong with an actor role code, or
// returns "". A code is "---" or chunks of three upper-case letters or
// digits starting with letters ("UKRGOV", "NGO", "NGOCHRPRO214"); "/"
// separates several codes.
func actorCodeProblem(code string) string {
	if code == "---" {
		return ""
	}
	for _, c := range strings.Split(code, "/") {
		if !codeChunks(c) {
			return fmt.Sprintf("malformed actor code %q: want 3-letter upper-case chunks such as UKRGOV, IGOUNO, NGO or USAGOVDIP, \"---\" for none, \"/\" between several", code)
		}
	}
	return ""
}

// agentCodeProblem explains what is wrong with an agent code, or returns
// "": want "~" and code chunks ("~GOV") or chunks and "~" ("NGO~").
func agentCodeProblem(code string) string {
	c, ok := strings.CutPrefix(code, "~")
	if !ok {
		c, ok = strings.CutSuffix(code, "~")
	}
	if !ok || !codeChunks(c) {
		return fmt.Sprintf("malformed agent code %q: want \"~\" and 3-letter upper-case chunks (~GOV, ~GOVMIL), or chunks and \"~\" to go before the actor's code (NGO~)", code)
	}
	return ""
}

// codeChunks reports whether c is 3-character chunks of upper-case letters
// and digits whose first chunk is letters.
func codeChunks(c string) bool {
	if len(c) < 3 || len(c)%3 != 0 {
		return false
	}
	for i := 0; i < len(c); i++ {
		ch := c[i]
		letter := ch >= 'A' && ch <= 'Z'
		if !letter && (i < 3 || ch < '0' || ch > '9') {
			return false
		}
	}
	return true
}
