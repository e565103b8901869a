package dict

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sync"

	"github.com/parley-events/parley"
)

// The files of a parley dictionary directory.
const (
	VerbsFile    = "verbs.txt"      // synsets, verb groups, transformations
	VerbsGlob    = "verbs-*.txt"    // more verbs, read after verbs.txt in name order; groups merge by name
	AgentsFile   = "agents.txt"     // agents
	AgentsGlob   = "agents-*.txt"   // more agents, read after agents.txt in name order
	DiscardsFile = "discards.txt"   // discards
	DiscardsGlob = "discards-*.txt" // more discards, read after discards.txt in name order
	IssuesFile   = "issues.txt"     // issues
	ActorsGlob   = "actors-*.txt"   // actors, read in name order
)

// Load reads a parley dictionary directory: verbs.txt and every
// verbs-*.txt, agents.txt and every agents-*.txt, discards.txt and every
// discards-*.txt, issues.txt
// and every actors-*.txt, each optional but at least one present. Actors
// files are read in name order, and actors with the same canonical name
// (compared as lower-case words) are one actor: a later entry adds its
// names and roles to the first, so a file such as actors-2025.txt can add
// a new role to an actor of actors-countries.txt. Verb groups with the same
// name are one group likewise (see mergeGroups), so verbs-parley.txt can
// give a verb of verbs.txt a code without editing it.
//
// Load fails on any error in the files (warnings are ignored); run Check,
// or "parley dict check DIR", to list them all.
func Load(fsys fs.FS) (*Set, error) {
	set, problems, err := load(fsys)
	if err != nil {
		return nil, err
	}
	if err := loadError("dict.Load", problems); err != nil {
		return nil, err
	}
	return set, nil
}

// load reads a parley directory and returns the set and every problem of
// its files; err is set when a file cannot be opened.
func load(fsys fs.FS) (*Set, []error, error) {
	actorFiles, err := fs.Glob(fsys, ActorsGlob)
	if err != nil {
		return nil, nil, &parley.Error{Op: "dict.Load", Kind: parley.Internal, Err: err}
	}
	slices.Sort(actorFiles)
	agentFiles, err := fs.Glob(fsys, AgentsGlob)
	if err != nil {
		return nil, nil, &parley.Error{Op: "dict.Load", Kind: parley.Internal, Err: err}
	}
	slices.Sort(agentFiles)
	verbFiles, err := fs.Glob(fsys, VerbsGlob)
	if err != nil {
		return nil, nil, &parley.Error{Op: "dict.Load", Kind: parley.Internal, Err: err}
	}
	slices.Sort(verbFiles)
	discardFiles, err := fs.Glob(fsys, DiscardsGlob)
	if err != nil {
		return nil, nil, &parley.Error{Op: "dict.Load", Kind: parley.Internal, Err: err}
	}
	slices.Sort(discardFiles)
	type file struct {
		name string
		read func(io.Reader, *Set) []error
	}
	files := []file{
		{VerbsFile, func(r io.Reader, s *Set) []error {
			vf, p := ReadVerbs(r, VerbsFile)
			s.Verbs, s.Synsets, s.Transforms = vf.Groups, vf.Synsets, vf.Transforms
			return p
		}},
		{AgentsFile, func(r io.Reader, s *Set) (p []error) { s.Agents, p = ReadAgents(r, AgentsFile); return p }},
		{DiscardsFile, func(r io.Reader, s *Set) (p []error) { s.Discards, p = ReadDiscards(r, DiscardsFile); return p }},
		{IssuesFile, func(r io.Reader, s *Set) (p []error) { s.Issues, p = ReadIssues(r, IssuesFile); return p }},
	}
	for _, name := range verbFiles {
		files = append(files, file{name, func(r io.Reader, s *Set) []error {
			vf, p := ReadVerbs(r, name)
			s.Verbs, s.Synsets, s.Transforms = vf.Groups, vf.Synsets, vf.Transforms
			return p
		}})
	}
	for _, name := range agentFiles {
		files = append(files, file{name, func(r io.Reader, s *Set) (p []error) { s.Agents, p = ReadAgents(r, name); return p }})
	}
	for _, name := range discardFiles {
		files = append(files, file{name, func(r io.Reader, s *Set) (p []error) { s.Discards, p = ReadDiscards(r, name); return p }})
	}
	for _, name := range actorFiles {
		files = append(files, file{name, func(r io.Reader, s *Set) (p []error) {
			var actors []Actor
			actors, p = ReadActors(r, name)
			s.Actors = append(s.Actors, actors...)
			return p
		}})
	}
	// Files are read in parallel into one Set each, then joined in order.
	parts := make([]*Set, len(files))
	probs := make([][]error, len(files))
	errs := make([]error, len(files))
	present := make([]bool, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Go(func() {
			r, err := fsys.Open(f.name)
			if errors.Is(err, fs.ErrNotExist) {
				return
			}
			if err != nil {
				errs[i] = &parley.Error{Op: "dict.Load", Kind: parley.IO, Input: f.name, Err: err}
				return
			}
			defer r.Close()
			present[i], parts[i] = true, &Set{}
			probs[i] = f.read(r, parts[i])
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	set := &Set{}
	var problems []error
	nActors := 0
	for _, p := range parts {
		if p != nil {
			nActors += len(p.Actors)
		}
	}
	set.Actors = make([]Actor, 0, nActors)
	for i, f := range files {
		if !present[i] {
			continue
		}
		p := parts[i]
		set.Files = append(set.Files, f.name)
		problems = append(problems, probs[i]...)
		set.Verbs = append(set.Verbs, p.Verbs...)
		set.Synsets = append(set.Synsets, p.Synsets...)
		set.Transforms = append(set.Transforms, p.Transforms...)
		set.Agents = append(set.Agents, p.Agents...)
		set.Discards = append(set.Discards, p.Discards...)
		set.Issues = append(set.Issues, p.Issues...)
		set.Actors = append(set.Actors, p.Actors...)
	}
	if len(set.Files) == 0 {
		return nil, nil, &parley.Error{Op: "dict.Load", Kind: parley.NotFound,
			Err: fmt.Errorf("no dictionary files: want %s, %s, %s, %s or %s (for PETRARCH's files use LoadPetrarch)", VerbsFile, ActorsGlob, AgentsFile, DiscardsFile, IssuesFile)}
	}
	set.Actors = mergeActors(set.Actors)
	set.Verbs = mergeGroups(set.Verbs)
	set.Agents = dropAgentNames(set.Agents)
	return set, problems, nil
}

// dropAgentNames takes the names each agent block lists as not agents
// ("not" lines) away from the blocks before it, and drops the blocks left
// with no names (those with only "not" lines among them). It reuses the
// array of agents.
func dropAgentNames(agents []Agent) []Agent {
	for i, g := range agents {
		if len(g.NotNames) == 0 {
			continue
		}
		for j := range agents[:i] {
			if h := &agents[j]; slices.ContainsFunc(h.Names, func(n Phrase) bool { return slices.ContainsFunc(g.NotNames, n.Equal) }) {
				h.Names = slices.DeleteFunc(slices.Clone(h.Names), func(n Phrase) bool { return slices.ContainsFunc(g.NotNames, n.Equal) })
			}
		}
	}
	return slices.DeleteFunc(agents, func(g Agent) bool { return len(g.Names) == 0 })
}

// mergeGroups joins verb groups with the same name, keeping the first one's
// position and code: a later group's verbs that the first has (the same
// words) give it their code when they have one and the patterns they do
// without, its other verbs are added
// after the first's, and its patterns before them, so that where two
// patterns match equally well the later file's, a correction, wins. It
// reuses the array of groups.
func mergeGroups(groups []VerbGroup) []VerbGroup {
	index := make(map[string]int, len(groups))
	out := groups[:0]
	for _, g := range groups {
		i, ok := index[g.Name]
		if !ok {
			index[g.Name] = len(out)
			out = append(out, g)
			continue
		}
		m := &out[i]
		m.Verbs = slices.Clip(m.Verbs)
		for _, v := range g.Verbs {
			k := slices.IndexFunc(m.Verbs, func(w Verb) bool { return w.Head == v.Head && w.Words.Equal(v.Words) })
			switch {
			case k < 0:
				m.Verbs = append(m.Verbs, v)
				continue
			case v.Code != "":
				m.Verbs[k].Code, m.Verbs[k].Pos, m.Verbs[k].Origin = v.Code, v.Pos, v.Origin
			}
			m.Verbs[k].Without = append(slices.Clip(m.Verbs[k].Without), v.Without...)
		}
		m.Patterns = append(slices.Clip(g.Patterns), m.Patterns...)
	}
	return out
}

// mergeActors joins actors with the same canonical name, keeping the first
// one's position: the later ones add the names the first lacks and all
// their roles, and take away the names they list as not theirs (never the
// canonical one). It reuses the array of actors.
func mergeActors(actors []Actor) []Actor {
	index := make(map[string]int, len(actors))
	out := actors[:0]
	for _, a := range actors {
		key := a.Names[0].String()
		i, ok := index[key]
		if !ok {
			index[key] = len(out)
			out = append(out, a)
			continue
		}
		m := &out[i]
		m.Names = slices.Clip(m.Names) // appending must not write into another actor's names
		for _, n := range a.Names {
			if !slices.ContainsFunc(m.Names, n.Equal) {
				m.Names = append(m.Names, n)
			}
		}
		m.Roles = append(slices.Clip(m.Roles), a.Roles...)
		m.NotNames = append(slices.Clip(m.NotNames), a.NotNames...)
	}
	for i := range out {
		if a := &out[i]; len(a.NotNames) > 0 && len(a.Names) > 1 {
			a.Names = append(a.Names[:1:1], slices.DeleteFunc(slices.Clone(a.Names[1:]), func(n Phrase) bool {
				return slices.ContainsFunc(a.NotNames, n.Equal)
			})...)
		}
	}
	return out
}

// PetrarchFiles names the files of a PETRARCH dictionary directory by kind.
// An empty field means the file PETRARCH 2 ships for it (see
// DefaultPetrarchFiles).
type PetrarchFiles struct {
	Verbs    string
	Actors   []string
	Agents   string
	Discards string
	Issues   string
}

// DefaultPetrarchFiles returns the names of the dictionaries PETRARCH 2
// ships: the CAMEO 2.0 verbs and the Phoenix actors, agents, discards and
// issues.
func DefaultPetrarchFiles() PetrarchFiles {
	return PetrarchFiles{
		Verbs:    "CAMEO.2.0.txt",
		Actors:   []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"},
		Agents:   "Phoenix.agents.txt",
		Discards: "Phoenix.discards.txt",
		Issues:   "Phoenix.IssueCoding.txt",
	}
}

// withDefaults fills the empty fields of f with the default names and
// reports which fields were filled.
func (f PetrarchFiles) withDefaults() (PetrarchFiles, map[string]bool) {
	d := DefaultPetrarchFiles()
	filled := map[string]bool{}
	fill := func(s *string, def string) {
		if *s == "" {
			*s, filled[def] = def, true
		}
	}
	fill(&f.Verbs, d.Verbs)
	fill(&f.Agents, d.Agents)
	fill(&f.Discards, d.Discards)
	fill(&f.Issues, d.Issues)
	if len(f.Actors) == 0 {
		f.Actors = d.Actors
		for _, a := range d.Actors {
			filled[a] = true
		}
	}
	return f, filled
}

// LoadPetrarch reads PETRARCH's dictionary files as they are, so that a
// PETRARCH dictionary directory can be used directly. Files named in files
// must exist; a default-named file that is absent is left out, but the set
// needs its verbs and at least one actors file. Actors keep PETRARCH's
// entries as they are (no merging by name).
//
// The PETRARCH files have lines that neither PETRARCH nor parley can read;
// LoadPetrarch leaves those out, as PETRARCH does, and fails only when a
// file cannot be read at all. Check lists every problem.
func LoadPetrarch(fsys fs.FS, files PetrarchFiles) (*Set, error) {
	set, _, err := loadPetrarch(fsys, files)
	return set, err
}

// loadPetrarch is LoadPetrarch returning the problems of the files too.
func loadPetrarch(fsys fs.FS, files PetrarchFiles) (*Set, []error, error) {
	files, filled := files.withDefaults()
	set := &Set{}
	var problems []error
	read := func(name string, f func(io.Reader) []error) error {
		r, err := fsys.Open(name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && filled[name] {
				return nil
			}
			kind := parley.IO
			if errors.Is(err, fs.ErrNotExist) {
				kind = parley.NotFound
			}
			return &parley.Error{Op: "dict.LoadPetrarch", Kind: kind, Input: name, Err: err}
		}
		defer r.Close()
		set.Files = append(set.Files, name)
		p := f(r)
		for _, e := range p {
			if parley.KindOf(e) == parley.IO {
				return e
			}
		}
		problems = append(problems, p...)
		return nil
	}
	base := path.Base
	err := read(files.Verbs, func(r io.Reader) []error {
		vf, p := ReadPetrarchVerbs(r, base(files.Verbs))
		set.Verbs, set.Synsets, set.Transforms = vf.Groups, vf.Synsets, vf.Transforms
		return p
	})
	for _, name := range files.Actors {
		if err != nil {
			break
		}
		err = read(name, func(r io.Reader) []error {
			a, p := ReadPetrarchActors(r, base(name))
			set.Actors = append(set.Actors, a...)
			return p
		})
	}
	for _, step := range []struct {
		name string
		f    func(io.Reader) []error
	}{
		{files.Agents, func(r io.Reader) (p []error) { set.Agents, p = ReadPetrarchAgents(r, base(files.Agents)); return p }},
		{files.Discards, func(r io.Reader) (p []error) {
			set.Discards, p = ReadPetrarchDiscards(r, base(files.Discards))
			return p
		}},
		{files.Issues, func(r io.Reader) (p []error) { set.Issues, p = ReadPetrarchIssues(r, base(files.Issues)); return p }},
	} {
		if err == nil {
			err = read(step.name, step.f)
		}
	}
	if err != nil {
		return nil, nil, err
	}
	if !slices.Contains(set.Files, files.Verbs) || !slices.ContainsFunc(files.Actors, func(f string) bool { return slices.Contains(set.Files, f) }) {
		return nil, nil, &parley.Error{Op: "dict.LoadPetrarch", Kind: parley.NotFound,
			Err: fmt.Errorf("no PETRARCH verb dictionary (%s) or actor dictionaries (%v); name them in PetrarchFiles", files.Verbs, files.Actors)}
	}
	return set, problems, nil
}

//go:embed default
var defaultFiles embed.FS

// defaultFS returns the embedded directory dict/default.
func defaultFS() fs.FS {
	sub, _ := fs.Sub(defaultFiles, "default") // fails only for an invalid path
	return sub
}

var defaultSet = sync.OnceValues(func() (*Set, error) { return Load(defaultFS()) })

// Default returns the dictionaries embedded in parley (the directory
// dict/default: PETRARCH 2's dictionaries converted by Convert, plus
// parley's own additions), read on first use. The Set is shared: callers
// must not modify it.
func Default() (*Set, error) { return defaultSet() }
