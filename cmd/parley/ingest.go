package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/ingest"
	"github.com/parley-events/parley/pipeline"
	"github.com/parley-events/parley/queue"
)

var cmdIngest = &command{
	name:    "ingest",
	summary: "read articles, run the pipeline and store them",
	synopsis: `
parley ingest [--db FILE] [--published DATE] [--format text|jsonl|html|feed] [--allow-private] PATH_OR_URL...
parley ingest --db postgres://… --queue [flags] PATH_OR_URL...
parley ingest [flags] -          (read standard input)`,
	help: `
Reads articles, runs the pipeline over each and stores the result in the
database. Each argument is a file, a directory (walked recursively,
taking files by extension: .txt .text .jsonl .ndjson .html .htm .rss
.atom), a web address, or "-" for standard input.

A plain-text file is one article. A JSONL file holds one article per
line, a JSON object with the fields id, url, title, published (RFC 3339
or YYYY-MM-DD), source, language and text; other fields are kept as
metadata; a record with a url and no text is fetched. Text must be at
most 4 MiB per article (--max-bytes).

A web page (.html, or a URL that serves HTML) is read for its article:
the main text without menus and other clutter, with its title, byline,
site and publication date. A feed (RSS, Atom or JSON Feed: .rss, .atom,
.xml, or a URL that serves one) stands for its items: each item's link
is fetched and read as a page, an item without a link is read from its
own text when it has enough. URLs are fetched politely: a user agent
naming parley, a timeout (--fetch-timeout), at most 16 MiB and 5
redirects, up to two retries with backoff for errors that may pass.
Addresses on this machine and on private or link-local networks (cloud
metadata among them) are refused unless --allow-private is given.

Documents are keyed by a hash of their text: ingesting the same article
again stores nothing new. A bad record (invalid JSON, missing text, bad
date, too large), a page that cannot be fetched or a feed item without an
article is reported with its file and line, or its feed and item number,
and the others go on; the exit status is then 1. A summary goes to
standard error. "parley watch" polls feeds for new articles.

Stored events are fused across sentences and articles: reports of one
real-world event (same source and target, same CAMEO base code, dates at
most --fuse-window apart, compatible places) become one event with its
mentions, which "parley events" lists.

With --queue (PostgreSQL stores only) the articles are stored as read,
not coded, and a coding job is queued for each new one in the same
transaction; "parley work" on any number of machines codes them, and
"parley jobs" shows how far they are. Reading and queueing needs no
models and goes as fast as the database takes the rows.

Examples:
  parley ingest --published 2025-07-22 article.txt
  parley ingest --db news.db feeds/ archive.jsonl
  parley ingest --db news.db https://example.org/world/rss.xml
  zcat dump.jsonl.gz | parley ingest --format jsonl -
  parley ingest --db postgres://parley@db/news --queue archive/`,
	flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) int {
		db := fs.String("db", "parley.db", "the `STORE` to store into: an SQLite file (created if missing), or a PostgreSQL URL (postgres://user@host/db)")
		published := fs.String("published", "", "publication `DATE` for plain-text inputs (YYYY-MM-DD or RFC 3339)")
		format := fs.String("format", "", "input `FORMAT` when it cannot be told by extension: text, jsonl, html or feed")
		fetch := fetchFlags(fs)
		maxBytes := fs.Int("max-bytes", ingest.DefaultMaxBytes, "largest article text accepted, in `BYTES`")
		workers := fs.Int("workers", 0, "documents processed in parallel (`N`; default: number of CPUs)")
		quiet := fs.Bool("quiet", false, "print only errors: no progress and no summary")
		queued := fs.Bool("queue", false, "store the articles uncoded and queue them for \"parley work\" (PostgreSQL only)")
		fuse := fuseFlag(fs)
		return func(ctx context.Context, env Env, args []string) int {
			if len(args) == 0 {
				return report(env, "ingest", errors.New("no input: give files, directories or - for standard input"), exitUsage)
			}
			pub, err := parseDate(*published)
			if err != nil {
				return report(env, "ingest", err, exitUsage)
			}
			opt := ingest.Options{Published: pub, MaxBytes: *maxBytes, Format: *format, Stdin: env.Stdin, Fetcher: fetch()}
			if *queued {
				return enqueue(ctx, env, *db, args, opt, !*quiet)
			}
			p, err := pipeline.Build(pipeline.DefaultConfig())
			if err != nil {
				return report(env, "ingest", err, exitFatal)
			}
			st, err := openStore(ctx, *db, fuse())
			if err != nil {
				return report(env, "ingest", err, exitFatal)
			}
			defer st.Close()
			t := newTally(env, !*quiet)
			// A document already stored (same text) is not processed again.
			stored := func(d *parley.Doc) bool {
				ok, err := st.Has(ctx, d.ID)
				return ok && err == nil
			}
			process(ctx, ingest.Read(ctx, args, opt), p, *workers, stored, func(r result) {
				created := false
				if r.err == nil && !r.skipped {
					created, r.err = st.PutDoc(ctx, r.doc)
					if r.err != nil {
						r.err = &parley.Error{Op: "store", Kind: parley.KindOf(r.err), Input: r.doc.Origin, Err: r.err}
					}
				}
				t.note(r.doc, created, r.err)
			})
			t.prog.done()
			if !*quiet {
				fmt.Fprintf(env.Stderr, "parley ingest: %s stored (%d new, %d already stored), %d failed; database %s\n",
					plural(t.added+t.dup, "document"), t.added, t.dup, t.failed, redactDSN(*db))
			}
			return t.status(ctx)
		}
	},
}

// enqueue stores the articles args name in the PostgreSQL store db as
// read, queueing a coding job for each new one: "parley ingest --queue".
func enqueue(ctx context.Context, env Env, db string, args []string, opt ingest.Options, verbose bool) int {
	if !isPostgres(db) {
		return report(env, "ingest", fmt.Errorf("--queue needs a PostgreSQL store (--db postgres://user@host/db), not %q", db), exitUsage)
	}
	st, q, err := openQueue(ctx, db, parley.DefaultFuseRule(), nil, queue.Config{})
	if err != nil {
		return report(env, "ingest", err, exitFatal)
	}
	defer st.Close()
	defer q.Close()
	t := newTally(env, verbose)
	for d, err := range ingest.Read(ctx, args, opt) {
		created := false
		if err == nil {
			if created, err = q.Ingest(ctx, d); err != nil {
				err = &parley.Error{Op: "queue", Kind: parley.KindOf(err), Input: d.Origin, Err: err}
			}
		}
		t.note(d, created, err)
	}
	t.prog.done()
	if verbose {
		fmt.Fprintf(env.Stderr, "parley ingest: %s queued (%d already stored), %d failed; database %s\n",
			plural(t.added, "document"), t.dup, t.failed, redactDSN(db))
	}
	return t.status(ctx)
}

// tally counts the documents an ingest stored, found stored already, or
// failed on, reporting each failure and the progress.
type tally struct {
	added, dup, failed int
	env                Env
	prog               *progress
}

func newTally(env Env, verbose bool) *tally {
	return &tally{env: env, prog: newProgress(env.Stderr, verbose)}
}

// note counts document d (nil when it could not be read): stored new,
// already stored, or failed with err.
func (t *tally) note(d *parley.Doc, created bool, err error) {
	origin := ""
	if d != nil {
		origin = d.Origin
	}
	switch {
	case err != nil:
		t.failed++
		t.prog.clear()
		fmt.Fprintf(t.env.Stderr, "parley ingest: %v\n", err)
	case created:
		t.added++
	default:
		t.dup++
	}
	t.prog.add(origin, err != nil)
}

// status is the exit status of the ingest.
func (t *tally) status(ctx context.Context) int {
	switch {
	case ctx.Err() != nil:
		return exitStopped
	case t.failed > 0:
		return exitFailed
	}
	return exitOK
}
