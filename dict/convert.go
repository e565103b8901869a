package dict

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/parley-events/parley"
)

// conversion is one file Convert writes: its name in the output directory,
// the PETRARCH file it comes from and how it is read and written.
type conversion struct {
	out, from string
	kind      string // "verbs", "actors", "agents", "discards" or "issues"
}

// conversions lists what Convert writes, from PETRARCH 2's default files.
func conversions() []conversion {
	d := DefaultPetrarchFiles()
	return []conversion{
		{VerbsFile, d.Verbs, "verbs"},
		{"actors-countries.txt", d.Actors[0], "actors"},
		{"actors-international.txt", d.Actors[1], "actors"},
		{"actors-nonstate.txt", d.Actors[2], "actors"},
		{AgentsFile, d.Agents, "agents"},
		{DiscardsFile, d.Discards, "discards"},
		{IssuesFile, d.Issues, "issues"},
	}
}

// Convert reads PETRARCH 2's default dictionaries (DefaultPetrarchFiles)
// from petrarchDir and writes them in parley's format into outDir:
// verbs.txt, actors-countries.txt, actors-international.txt,
// actors-nonstate.txt, agents.txt, discards.txt and issues.txt. Other
// files in outDir are left alone.
//
// The conversion only transforms: every entry the PETRARCH readers read is
// written, in file order, with the PETRARCH file and line it came from as
// its provenance comment; the same input gives the same bytes. Lines the
// readers cannot read are left out, as PETRARCH leaves them out; Check
// lists them. Convert fails when a file is missing or cannot be read or
// written.
func Convert(petrarchDir fs.FS, outDir string) error {
	const op = "dict.Convert"
	var outputs [][]byte
	for _, c := range conversions() {
		b, err := convertFile(petrarchDir, c)
		if err != nil {
			return err
		}
		outputs = append(outputs, b)
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return &parley.Error{Op: op, Kind: parley.IO, Err: err}
	}
	for i, c := range conversions() {
		if err := writeFileAtomic(filepath.Join(outDir, c.out), outputs[i]); err != nil {
			return &parley.Error{Op: op, Kind: parley.IO, Input: c.out, Err: err}
		}
	}
	return nil
}

// convertFile reads one PETRARCH file and returns its parley form.
func convertFile(dir fs.FS, c conversion) ([]byte, error) {
	const op = "dict.Convert"
	r, err := dir.Open(c.from)
	if err != nil {
		kind := parley.IO
		if errors.Is(err, fs.ErrNotExist) {
			kind = parley.NotFound
		}
		return nil, &parley.Error{Op: op, Kind: kind, Input: c.from, Err: err}
	}
	defer r.Close()
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# parley %s dictionary; the format is described in dict/FORMAT.md.\n", c.kind)
	fmt.Fprintf(&buf, "# Converted by \"parley dict convert\" from %s of the PETRARCH 2\n", c.from)
	fmt.Fprintf(&buf, "# coder (openeventdata/petrarch2, MIT licence; see NOTICE); the comment\n")
	fmt.Fprintf(&buf, "# after each entry is the PETRARCH file and line it came from.\n")
	fmt.Fprintf(&buf, "# Regenerate this file rather than edit it.")
	if c.kind == "actors" {
		fmt.Fprintf(&buf, " Add actors in a file of their own,\n# actors-NAME.txt: an actor of the same name there adds names and roles.")
	}
	fmt.Fprintf(&buf, "\n\n")
	var problems []error
	switch c.kind {
	case "verbs":
		var vf VerbFile
		vf, problems = ReadPetrarchVerbs(r, c.from)
		for i := range vf.Synsets {
			vf.Synsets[i].Origin = vf.Synsets[i].Pos
		}
		for i := range vf.Groups {
			g := &vf.Groups[i]
			g.Origin = g.Pos
			for j := range g.Verbs {
				g.Verbs[j].Origin = g.Verbs[j].Pos
			}
			for j := range g.Patterns {
				g.Patterns[j].Origin = g.Patterns[j].Pos
			}
		}
		for i := range vf.Transforms {
			vf.Transforms[i].Origin = vf.Transforms[i].Pos
		}
		err = WriteVerbs(&buf, vf)
	case "actors":
		var actors []Actor
		actors, problems = ReadPetrarchActors(r, c.from)
		for i := range actors {
			actors[i].Origin = actors[i].Pos
		}
		err = WriteActors(&buf, actors)
	case "agents":
		var agents []Agent
		agents, problems = ReadPetrarchAgents(r, c.from)
		for i := range agents {
			agents[i].Origin = agents[i].Pos
		}
		err = WriteAgents(&buf, agents)
	case "discards":
		var discards []Discard
		discards, problems = ReadPetrarchDiscards(r, c.from)
		for i := range discards {
			discards[i].Origin = discards[i].Pos
		}
		err = WriteDiscards(&buf, discards)
	case "issues":
		var issues []Issue
		issues, problems = ReadPetrarchIssues(r, c.from)
		for i := range issues {
			issues[i].Origin = issues[i].Pos
		}
		err = WriteIssues(&buf, issues)
	}
	for _, p := range problems {
		if parley.KindOf(p) == parley.IO {
			return nil, p
		}
	}
	if err != nil {
		return nil, &parley.Error{Op: op, Kind: parley.Invalid, Input: c.from, Err: err}
	}
	return buf.Bytes(), nil
}

// writeFileAtomic writes b to name through a temporary file in the same
// directory, so that a failed conversion leaves the old file in place.
func writeFileAtomic(name string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
