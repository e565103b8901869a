package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/parley-events/parley"
)

var cmdDeadlines = &command{
	name:     "deadlines",
	summary:  "list the deadlines and ultimatums found in stored articles",
	synopsis: "parley deadlines [--db FILE] [--overdue | --pending] [--since DATE] [--before DATE] [--limit N] [--json]",
	help: `
Lists the time limits the event coder found in the stored articles
("gave Moscow 50 days", "withdraw by September 1", "a 10-day deadline"),
by due date: the due date, its status (pending, or overdue when the date
has passed), who set it and on whom, and the sentence that sets it. A
limit counted from the article's date rather than from a date the text
gives is marked "~": "within 50 days" in an article of 22 July is due
about 10 September, but the limit may have been set days before.

Articles get their deadlines when "parley code --store FILE" codes and
stores them.

--overdue lists only the deadlines already past (as of today), --pending
only those to come. --since and --before bound the due dates. --json
prints one JSON object per deadline, with the sentence.

Examples:
  parley deadlines --db news.db --pending
  parley deadlines --db news.db --since 2025-09-01 --before 2025-10-01 --json`,
	flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) int {
		db := fs.String("db", "parley.db", "the `STORE`: an SQLite file, or a PostgreSQL URL (postgres://user@host/db)")
		overdue := fs.Bool("overdue", false, "only deadlines already past")
		pending := fs.Bool("pending", false, "only deadlines to come")
		since := fs.String("since", "", "only deadlines due on or after `DATE`")
		before := fs.String("before", "", "only deadlines due before `DATE`")
		limit := fs.Int("limit", 100, "print at most `N` deadlines")
		asJSON := fs.Bool("json", false, "print JSON lines instead of a table")
		return func(ctx context.Context, env Env, args []string) int {
			if len(args) > 0 {
				return report(env, "deadlines", fmt.Errorf("unexpected argument %q", args[0]), exitUsage)
			}
			if *overdue && *pending {
				return report(env, "deadlines", fmt.Errorf("--overdue and --pending exclude each other"), exitUsage)
			}
			f := parley.DeadlineFilter{Limit: *limit}
			var err error
			if f.DueSince, err = parseDate(*since); err != nil {
				return report(env, "deadlines", err, exitUsage)
			}
			if f.DueBefore, err = parseDate(*before); err != nil {
				return report(env, "deadlines", err, exitUsage)
			}
			now := env.Now().UTC()
			today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
			switch {
			case *overdue && (f.DueBefore.IsZero() || today.Before(f.DueBefore)):
				f.DueBefore = today
			case *pending && today.After(f.DueSince):
				f.DueSince = today
			}
			st, err := openStore(ctx, *db, parley.DefaultFuseRule())
			if err != nil {
				return report(env, "deadlines", err, exitFatal)
			}
			defer st.Close()
			list, err := st.Deadlines(ctx, f)
			if err != nil {
				return report(env, "deadlines", err, exitFatal)
			}
			docs := map[string]*parley.Doc{}
			sentence := func(dl parley.Deadline) string {
				d, ok := docs[dl.DocID]
				if !ok {
					d, _ = st.Doc(ctx, dl.DocID) // nil when it went missing meanwhile
					docs[dl.DocID] = d
				}
				if d == nil || dl.Sentence < 0 || dl.Sentence >= len(d.Sentences) {
					return ""
				}
				return d.SentenceText(dl.Sentence)
			}
			status := func(dl parley.Deadline) string {
				if dl.Due.Before(today) {
					return "overdue"
				}
				return "pending"
			}
			if *asJSON {
				enc := json.NewEncoder(env.Stdout)
				for _, dl := range list {
					enc.Encode(struct {
						parley.Deadline
						Status   string `json:"status"`
						Sentence string `json:"sentence_text"`
					}{dl, status(dl), sentence(dl)})
				}
				return exitOK
			}
			tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "DUE\tSTATUS\tSET BY\tON\tSENTENCE")
			for _, dl := range list {
				due := dl.Due.Format(time.DateOnly)
				if dl.Approximate {
					due = "~" + due
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", due, status(dl), dash(dl.SetBy), dash(dl.On), clip(sentence(dl), 90))
			}
			tw.Flush()
			if len(list) == *limit && *limit > 0 {
				fmt.Fprintf(env.Stderr, "(more may follow: raise --limit or narrow --since/--before)\n")
			}
			return exitOK
		}
	},
}
