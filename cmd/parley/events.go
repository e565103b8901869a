package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/export"
)

var cmdEvents = &command{
	name:    "events",
	summary: "list stored events, each fused from all the articles that report it",
	synopsis: `
parley events [--db FILE] [--actor CODE] [--source CODE] [--target CODE] [--code CAMEO] [--words WORDS] [--since DATE] [--until DATE] [--min-articles N] [--limit N] [--json]
parley events [--db FILE] [--json] ID...`,
	help: `
Lists the events of the database, newest first. One story told by many
articles, or many times in one article, is one event here: the store
fuses the reports of one real-world event as it stores them (see
"parley ingest"). Each line shows the event's date, its source, CAMEO
code and target, its modality, its place, how many sentences, articles
and outlets report it, and its ID.

Two reports are of one event when they have the same source and target
actor codes, the same CAMEO base code (the first three digits), the same
kind of modality (asserted or reported; or else the same modality: a
planned meeting is not the meeting), dates at most the --fuse-window of
ingestion apart (24 hours by default, counted from the first report) and
places that agree (one country and within 100 km, unless one is a whole
country or region; a report without a place agrees with any). The first
report gives the event its code, date and place, and its ID.

With IDs as arguments, prints those events with every mention: the
outlet, date and title of each article and the sentence that reports it.

Filters: --actor, --source and --target take actor code prefixes ("RUS"
matches RUSMIL and RUSGOV), --code a CAMEO code prefix ("19" for all
fighting), --quad a QuadClass (1 verbal cooperation, 2 material
cooperation, 3 verbal conflict, 4 material conflict), --plover a PLOVER
type, --mode a modality, --country the ISO 3166 alpha-3 code of the
place, --place its name, --since and --until the event's date, --min-articles the least
number of articles that report it, --words words that one of its
sentences must all have (case and accents ignored; "quoted words" a
phrase, a trailing * a prefix).

--format writes them as a file instead: jsonl (with evidence), plover,
gdelt (the GDELT 2.0 event table, NumMentions, NumSources and NumArticles
the fused event's), csv or parquet; each event is its first report with
the counts of all its reports.

Listing is paged: at most --limit events are printed; the cursor to
continue from is printed on standard error and goes to --after.

Examples:
  parley events --db news.db --actor RUS --code 19 --since 2025-07-01
  parley events --db news.db --min-articles 3 --json
  parley events --db news.db --actor RUS --limit 10000 --format parquet > rus.parquet
  parley events --db news.db 3f1c…-0002`,
	flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) int {
		db := fs.String("db", "parley.db", "the `STORE`: an SQLite file, or a PostgreSQL URL (postgres://user@host/db)")
		var f parley.FusedFilter
		fs.StringVar(&f.Actor, "actor", "", "only events whose source or target code starts with `CODE`")
		fs.StringVar(&f.Source, "source", "", "only events whose source code starts with `CODE`")
		fs.StringVar(&f.Target, "target", "", "only events whose target code starts with `CODE`")
		fs.StringVar(&f.Code, "code", "", "only events whose CAMEO code starts with `CAMEO`")
		fs.IntVar(&f.QuadClass, "quad", 0, "only events of QuadClass `N` (1–4)")
		fs.StringVar(&f.Plover, "plover", "", "only events of PLOVER `TYPE`")
		mode := fs.String("mode", "", "only events of `MODALITY`: asserted, reported, future, conditional, hypothetical, negated")
		fs.StringVar(&f.Country, "country", "", "only events placed in the country of ISO alpha-3 `CODE`")
		fs.StringVar(&f.Place, "place", "", "only events placed in the place of this `NAME` (any case)")
		since := fs.String("since", "", "only events dated on or after `DATE`")
		until := fs.String("until", "", "only events dated before `DATE`")
		fs.IntVar(&f.MinArticles, "min-articles", 0, "only events reported by at least `N` articles")
		fs.StringVar(&f.Text, "words", "", "only events one of whose sentences has all these `WORDS` (\"a phrase\", prefix*)")
		fs.IntVar(&f.Limit, "limit", 100, "print at most `N` events")
		fs.StringVar(&f.After, "after", "", "continue after `CURSOR` (paging)")
		asJSON := fs.Bool("json", false, "print JSON lines instead of a table")
		format := fs.String("format", "", "write the events as a file in `FORMAT`: "+strings.Join(export.Formats, ", ")+" (each as its first report with the counts of all)")
		return func(ctx context.Context, env Env, args []string) int {
			f.Mode = parley.Modality(*mode)
			switch f.Mode {
			case "", parley.Asserted, parley.Reported, parley.Future, parley.Conditional, parley.Hypothetical, parley.Negated:
			default:
				return report(env, "events", fmt.Errorf("unknown modality %q", *mode), exitUsage)
			}
			if f.QuadClass < 0 || f.QuadClass > 4 {
				return report(env, "events", fmt.Errorf("--quad must be 1, 2, 3 or 4, not %d", f.QuadClass), exitUsage)
			}
			var err error
			if f.Since, err = parseDate(*since); err != nil {
				return report(env, "events", err, exitUsage)
			}
			if f.Until, err = parseDate(*until); err != nil {
				return report(env, "events", err, exitUsage)
			}
			st, err := openStore(ctx, *db, parley.DefaultFuseRule())
			if err != nil {
				return report(env, "events", err, exitFatal)
			}
			defer st.Close()
			if len(args) > 0 {
				status := exitOK
				for _, id := range args {
					e, err := st.FusedEvent(ctx, id)
					if err != nil {
						status = report(env, "events", err, exitFailed)
						continue
					}
					if *asJSON {
						json.NewEncoder(env.Stdout).Encode(e)
						continue
					}
					printFused(env.Stdout, e)
				}
				return status
			}
			list, err := st.Fused(ctx, f)
			if err != nil {
				status := exitFatal
				if parley.KindOf(err) == parley.Invalid {
					status = exitUsage
				}
				return report(env, "events", err, status)
			}
			if *format != "" {
				w, err := export.New(*format, env.Stdout)
				if err != nil {
					return report(env, "events", err, exitUsage)
				}
				if err := errors.Join(export.WriteFused(ctx, w, st, list), w.Flush()); err != nil {
					return report(env, "events", err, exitFatal)
				}
			} else if *asJSON {
				enc := json.NewEncoder(env.Stdout)
				for _, e := range list {
					enc.Encode(e)
				}
			} else {
				tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "DATE\tSOURCE\tCODE\tTARGET\tMODE\tPLACE\tMENT/ART/SRC\tID")
				for _, e := range list {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d/%d/%d\t%s\n", dash(parley.DateText(e.Date, e.Precision)), dash(e.Source), e.Code, dash(e.Target),
						e.Mode, placeName(e.Place), e.NumMentions, e.NumArticles, e.NumSources, e.ID)
				}
				tw.Flush()
			}
			if len(list) == f.Limit && f.Limit > 0 {
				fmt.Fprintf(env.Stderr, "(more may follow: parley events --after %s)\n", list[len(list)-1].Cursor())
			}
			return exitOK
		}
	},
}

// printFused prints a fused event and its mentions for a reader.
func printFused(w io.Writer, e *parley.FusedEvent) {
	fmt.Fprintf(w, "%s  %s %s %s  (%s, %s)\n", e.ID, dash(e.Source), e.Code, dash(e.Target), e.Mode, plover(e.Plover))
	fmt.Fprintf(w, "  date %s, place %s; %s in %s from %s; first seen %s, last seen %s\n",
		dash(parley.DateText(e.Date, e.Precision)), placeName(e.Place), plural(e.NumMentions, "mention"), plural(e.NumArticles, "article"),
		plural(e.NumSources, "outlet"), e.FirstSeen.Format(time.DateOnly), e.LastSeen.Format(time.DateOnly))
	for _, m := range e.Mentions {
		title := ""
		if m.Title != "" {
			title = " " + strconv.Quote(clip(m.Title, 60))
		}
		fmt.Fprintf(w, "  - %s %s%s (%s, confidence %.2f): %s\n", day(m.Published), dash(m.Outlet), title,
			m.Mode, m.Confidence, m.SentenceText)
	}
}

func day(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(time.DateOnly)
}

func placeName(p *parley.Place) string {
	if p == nil {
		return "-"
	}
	if p.Country != "" {
		return p.Name + " (" + p.Country + ")"
	}
	return p.Name
}

func plover(s string) string {
	if s == "" {
		return "no PLOVER type"
	}
	return s
}
