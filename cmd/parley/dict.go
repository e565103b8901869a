package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/cameo"
	"github.com/parley-events/parley/dict"
)

var cmdDict = &command{
	name:    "dict",
	summary: "check and convert the event-coding dictionaries",
	synopsis: `
parley dict check DIR
parley dict convert --from DIR --out DIR`,
	help: `
Works with the dictionaries parley codes events with: verb patterns that
give a CAMEO event code to a verb and the words around it, actors with their
dated role codes, agents (sector words such as "minister"), discard phrases
and issues. dict/FORMAT.md describes parley's format for them.

check DIR
    Reads every dictionary in DIR and prints each problem on a line of its
    own, "FILE:LINE: message", then a summary line. DIR is either a parley
    dictionary directory (verbs.txt, actors-*.txt, agents.txt, discards.txt,
    issues.txt, such as dict/default) or a directory of PETRARCH
    dictionaries (CAMEO.2.0.txt, Phoenix.*.actors.txt, PETR.Validate.*.txt,
    …), recognised by its file names: the files PETRARCH 2 loads by default
    are checked as one set, any other dictionary file on its own.

    Besides syntax, check finds references to undefined synsets, event codes
    missing from the CAMEO code table, malformed actor and agent codes, date
    ranges that end before they start, actors without a code and names shared
    by different actors. Lines that PETRARCH would misread or skip, and
    duplicates, are reported as "warning:"; warnings do not change the exit
    status.

convert --from DIR --out DIR
    Converts PETRARCH 2's dictionaries in --from (CAMEO.2.0.txt,
    Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
    Phoenix.MilNonState.actors.txt, Phoenix.agents.txt, Phoenix.discards.txt,
    Phoenix.IssueCoding.txt) into parley's format in --out: verbs.txt,
    actors-countries.txt, actors-international.txt, actors-nonstate.txt,
    agents.txt, discards.txt and issues.txt. Other files in --out are left
    alone. The conversion only transforms: each entry keeps the PETRARCH file
    and line it came from as a comment, and the same input gives the same
    bytes. Lines the readers cannot read are left out; "parley dict check"
    on --from lists them.

Exit status: 0 success (check: no errors); 1 check found errors; 2 bad
command line; 3 a directory could not be read or written.

Examples:
  parley dict check dict/default
  parley dict check ../shared/data/petrarch
  parley dict convert --from ../shared/data/petrarch --out dict/default`,
	flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) int {
		from := fs.String("from", "", "convert: `DIR` of PETRARCH dictionaries (../shared/data/petrarch)")
		out := fs.String("out", "", "convert: `DIR` to write parley's dictionaries into (dict/default)")
		return func(ctx context.Context, env Env, args []string) int {
			switch {
			case len(args) == 2 && args[0] == "check":
				if *from != "" || *out != "" {
					return report(env, "dict", errors.New("--from and --out apply to dict convert only"), exitUsage)
				}
				return dictCheck(env, args[1])
			case len(args) == 1 && args[0] == "convert":
				if *from == "" || *out == "" {
					return report(env, "dict", errors.New("dict convert needs --from DIR (PETRARCH's dictionaries) and --out DIR"), exitUsage)
				}
				if err := dict.Convert(os.DirFS(*from), *out); err != nil {
					return report(env, "dict", err, exitFatal)
				}
				fmt.Fprintf(env.Stdout, "converted the PETRARCH dictionaries of %s into %s; \"parley dict check %s\" lists the lines left out\n", *from, *out, *from)
				return exitOK
			}
			return report(env, "dict", errors.New("want: parley dict check DIR, or parley dict convert --from DIR --out DIR"), exitUsage)
		}
	},
}

// dictCheck runs "parley dict check DIR". The CAMEO code table checks the
// event codes of the verb patterns.
func dictCheck(env Env, dir string) int {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		if err == nil {
			err = fmt.Errorf("%s is not a directory", dir)
		}
		return report(env, "dict", err, exitFatal)
	}
	nerr, nwarn := 0, 0
	for _, p := range dict.Check(os.DirFS(dir), cameo.Valid) {
		if dict.IsWarning(p) {
			nwarn++
		} else {
			nerr++
		}
		var e *parley.Error
		if errors.As(p, &e) && e.Input != "" && e.Line > 0 && e.Err != nil {
			fmt.Fprintf(env.Stdout, "%s:%d: %v\n", filepath.Join(dir, e.Input), e.Line, e.Err)
			continue
		}
		fmt.Fprintf(env.Stdout, "%s: %v\n", dir, p)
	}
	fmt.Fprintf(env.Stdout, "%s: %s, %s\n", dir, plural(nerr, "error"), plural(nwarn, "warning"))
	if nerr > 0 {
		return exitFailed
	}
	return exitOK
}
