package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/ingest"
	"github.com/parley-events/parley/store/postgres"
	"github.com/parley-events/parley/store/sqlite"
)

// Exit statuses.
const (
	exitOK      = 0 // everything succeeded
	exitFailed  = 1 // some inputs failed; the others were processed
	exitUsage   = 2 // bad command line
	exitFatal   = 3 // nothing could be done (store unavailable, …)
	exitStopped = 130
)

// Env is what a command may touch of the outside world: passed in, never
// taken from globals, so tests can run commands in-process.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Now            func() time.Time
}

// command is one subcommand: its name, a one-line summary, the synopsis
// and description shown by --help, its flags, and the function that runs
// it with the arguments left after flag parsing.
type command struct {
	name     string
	summary  string
	synopsis string
	help     string
	flags    func(fs *flag.FlagSet) func(ctx context.Context, env Env, args []string) int
}

// commands is the table of subcommands, in the order "parley help" lists them.
func commands() []*command {
	return []*command{cmdDemo, cmdCode, cmdIngest, cmdWatch, cmdAnnotate, cmdDocs, cmdEvents, cmdDeadlines, cmdServe, cmdWork, cmdJobs, cmdEval, cmdTrain, cmdDict, cmdVersion}
}

const mainHelp = `parley turns news articles into political event data: who did what to whom,
when and where, with the sentence that proves it.

Usage:
  parley COMMAND [flags] [arguments]

Commands:
%s
Run "parley help COMMAND" or "parley COMMAND --help" for a command's flags
and examples. Start with "parley demo".

Exit status: 0 success; 1 some inputs failed (the rest were processed);
2 bad command line; 3 nothing could be done.
`

func usageMain(w io.Writer) {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 3, ' ', 0)
	for _, c := range commands() {
		fmt.Fprintf(tw, "  %s\t%s\n", c.name, c.summary)
	}
	fmt.Fprintf(tw, "  %s\t%s\n", "help", "show help for a command")
	tw.Flush()
	fmt.Fprintf(w, mainHelp, b.String())
}

// Run runs the command line args and returns the exit status.
func Run(ctx context.Context, args []string, env Env) int {
	if env.Now == nil {
		env.Now = time.Now
	}
	if len(args) == 0 {
		usageMain(env.Stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help", "help":
		if name == "help" && len(args) > 1 {
			if c := lookup(args[1]); c != nil {
				c.usage(env.Stdout, c.newFlags(env.Stdout))
				return exitOK
			}
			fmt.Fprintf(env.Stderr, "parley help: unknown command %q\n", args[1])
			return exitUsage
		}
		usageMain(env.Stdout)
		return exitOK
	case "-version", "--version":
		name = "version"
	}
	c := lookup(name)
	if c == nil {
		fmt.Fprintf(env.Stderr, "parley: unknown command %q\n\n", name)
		usageMain(env.Stderr)
		return exitUsage
	}
	fs := flag.NewFlagSet("parley "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	run := c.flags(fs)
	// Flags may come before, between or after the arguments
	// ("parley eval segment --docs G FILE"); "--" ends the flags.
	var positional []string
	rest := args[1:]
	for {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				c.usage(env.Stdout, fs)
				return exitOK
			}
			fmt.Fprintf(env.Stderr, "parley %s: %v\nRun \"parley %s --help\" for usage.\n", c.name, err, c.name)
			return exitUsage
		}
		parsed := len(rest) - fs.NArg()
		rest = fs.Args()
		if len(rest) == 0 {
			break
		}
		if parsed > 0 && args[len(args)-len(rest)-1] == "--" {
			positional = append(positional, rest...)
			break
		}
		positional = append(positional, rest[0])
		rest = rest[1:]
	}
	code := run(ctx, env, positional)
	if code != exitOK && ctx.Err() != nil {
		return exitStopped
	}
	return code
}

func lookup(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

func (c *command) newFlags(w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("parley "+c.name, flag.ContinueOnError)
	c.flags(fs)
	return fs
}

// usage prints the command's manual: synopsis, description, flags.
func (c *command) usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "NAME\n  parley %s - %s\n\nSYNOPSIS\n", c.name, c.summary)
	for _, l := range strings.Split(strings.TrimSpace(c.synopsis), "\n") {
		fmt.Fprintf(w, "  %s\n", l)
	}
	fmt.Fprintf(w, "\nDESCRIPTION\n")
	for _, l := range strings.Split(strings.TrimSpace(c.help), "\n") {
		if l == "" {
			fmt.Fprintln(w)
			continue
		}
		fmt.Fprintf(w, "  %s\n", l)
	}
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprintf(w, "\nFLAGS\n")
		fs.VisitAll(func(f *flag.Flag) {
			name, usage := flag.UnquoteUsage(f)
			fmt.Fprintf(w, "  --%s", f.Name)
			if name != "" {
				fmt.Fprintf(w, " %s", name)
			}
			fmt.Fprintf(w, "\n      %s", usage)
			if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
				fmt.Fprintf(w, " (default %s)", f.DefValue)
			}
			fmt.Fprintln(w)
		})
	}
}

// report prints err on stderr as "parley CMD: err" and returns status.
func report(env Env, cmd string, err error, status int) int {
	fmt.Fprintf(env.Stderr, "parley %s: %v\n", cmd, err)
	return status
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// parseDate parses a --published value: RFC 3339 or YYYY-MM-DD.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, parley.E("parse date", parley.Invalid, fmt.Errorf("cannot parse %q: want YYYY-MM-DD or RFC 3339 (2025-07-22T10:00:00Z)", s))
	}
	return t, nil
}

// clip shortens s to at most n runes, marking the cut with "…".
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// plural returns "1 document" or "n documents".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// windowFlag is the --fuse-window flag: a duration ("36h", "90m") or a
// whole number of days ("2d").
type windowFlag struct{ d time.Duration }

func (w *windowFlag) String() string {
	if w == nil || w.d == 0 {
		return ""
	}
	if w.d%(24*time.Hour) == 0 {
		return fmt.Sprintf("%dd", w.d/(24*time.Hour))
	}
	return w.d.String()
}

func (w *windowFlag) Set(s string) error {
	if n, ok := strings.CutSuffix(s, "d"); ok {
		var days int
		if _, err := fmt.Sscanf(n, "%d", &days); err == nil && days >= 0 && fmt.Sprint(days) == n {
			w.d = time.Duration(days) * 24 * time.Hour
			return nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return fmt.Errorf("want a duration such as 24h, 90m or 2d, not %q", s)
	}
	w.d = d
	return nil
}

// fuseFlag adds --fuse-window to fs and returns the rule it sets.
func fuseFlag(fs *flag.FlagSet) func() parley.FuseRule {
	w := &windowFlag{d: parley.DefaultFuseWindow}
	fs.Var(w, "fuse-window", "events reported at most `D` apart (24h, 2d) may be fused into one; 0 fuses only events of the same date")
	return func() parley.FuseRule {
		r := parley.DefaultFuseRule()
		r.Window = w.d
		if w.d == 0 {
			r.Window = -1
		}
		return r
	}
}

// openStore opens the store at db: a PostgreSQL URL (postgres://…), else
// an SQLite file; rule fuses the events it stores.
func openStore(ctx context.Context, db string, rule parley.FuseRule) (parley.Store, error) {
	if isPostgres(db) {
		return postgres.Open(ctx, db, postgres.WithFuseRule(rule))
	}
	return sqlite.Open(ctx, db, sqlite.WithFuseRule(rule))
}

// isPostgres reports whether the store db is a PostgreSQL URL.
func isPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// redactDSN returns the store db for messages: a URL's password hidden.
func redactDSN(db string) string {
	if u, err := url.Parse(db); err == nil && u.User != nil {
		if _, ok := u.User.Password(); ok {
			return u.Redacted()
		}
	}
	return db
}

// defaultWorkers is the number of documents processed at once unless a
// command is told otherwise: one per CPU.
func defaultWorkers() int { return runtime.GOMAXPROCS(0) }

// fetchFlags adds the flags of fetching web pages and feeds to fs and
// returns the Fetcher they configure.
func fetchFlags(fs *flag.FlagSet) func() *ingest.Fetcher {
	allow := fs.Bool("allow-private", false, "fetch also from loopback, private and link-local addresses (refused by default)")
	timeout := fs.Duration("fetch-timeout", 30*time.Second, "give up on a page or feed after `D`")
	return func() *ingest.Fetcher { return &ingest.Fetcher{AllowPrivate: *allow, Timeout: *timeout} }
}
