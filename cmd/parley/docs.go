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

var cmdDocs = &command{
	name:     "docs",
	summary:  "list stored documents",
	synopsis: "parley docs [--db FILE] [--source NAME] [--since DATE] [--until DATE] [--limit N] [--after ID] [--json]",
	help: `
Lists the documents in the database, ordered by id (the hash of the
text): id, publication date, source, size in bytes, number of events and
title. --json prints one JSON object per document instead.

Listing is paged: at most --limit documents are printed; pass the last id
printed as --after to see the next page.

Examples:
  parley docs
  parley docs --source AFP --since 2025-07-01 --json`,
	flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) int {
		db := fs.String("db", "parley.db", "the `STORE`: an SQLite file, or a PostgreSQL URL (postgres://user@host/db)")
		source := fs.String("source", "", "only documents from this outlet `NAME`")
		since := fs.String("since", "", "only documents published on or after `DATE`")
		until := fs.String("until", "", "only documents published before `DATE`")
		limit := fs.Int("limit", 100, "print at most `N` documents")
		after := fs.String("after", "", "start after document `ID` (paging)")
		asJSON := fs.Bool("json", false, "print JSON lines instead of a table")
		return func(ctx context.Context, env Env, args []string) int {
			if len(args) > 0 {
				return report(env, "docs", fmt.Errorf("unexpected argument %q", args[0]), exitUsage)
			}
			f := parley.DocFilter{Source: *source, After: *after, Limit: *limit}
			var err error
			if f.Since, err = parseDate(*since); err != nil {
				return report(env, "docs", err, exitUsage)
			}
			if f.Until, err = parseDate(*until); err != nil {
				return report(env, "docs", err, exitUsage)
			}
			st, err := openStore(ctx, *db, parley.DefaultFuseRule())
			if err != nil {
				return report(env, "docs", err, exitFatal)
			}
			defer st.Close()
			docs, err := st.Docs(ctx, f)
			if err != nil {
				return report(env, "docs", err, exitFatal)
			}
			if *asJSON {
				enc := json.NewEncoder(env.Stdout)
				for _, d := range docs {
					enc.Encode(d)
				}
				return exitOK
			}
			tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tPUBLISHED\tSOURCE\tBYTES\tEVENTS\tTITLE")
			for _, d := range docs {
				pub := "-"
				if !d.Published.IsZero() {
					pub = d.Published.Format(time.DateOnly)
				}
				title := d.Title
				if title == "" {
					title = d.SourceID
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\n", d.ID, pub, dash(d.Source), d.Bytes, d.Events, clip(title, 60))
			}
			tw.Flush()
			if len(docs) == *limit && *limit > 0 {
				fmt.Fprintf(env.Stderr, "(more may follow: parley docs --after %s)\n", docs[len(docs)-1].ID)
			}
			return exitOK
		}
	},
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
