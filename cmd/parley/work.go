package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/pipeline"
	"github.com/parley-events/parley/queue"
)

// openQueue opens the store at db, which must be PostgreSQL, and its job
// queue, working jobs with p and cfg.Workers goroutines (none: only
// queueing or listing).
func openQueue(ctx context.Context, db string, rule parley.FuseRule, p queue.Pipeline, cfg queue.Config) (parley.Store, *queue.Queue, error) {
	if !isPostgres(db) {
		return nil, nil, parley.E("queue", parley.Invalid,
			fmt.Errorf("the job queue lives in PostgreSQL: give --db postgres://user@host/db, not %q", db))
	}
	st, err := openStore(ctx, db, rule)
	if err != nil {
		return nil, nil, err
	}
	q, err := queue.Open(ctx, st.(queue.Store), p, cfg)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, q, nil
}

var cmdWork = &command{
	name:     "work",
	summary:  "code the documents queued in a PostgreSQL store, on any number of machines",
	synopsis: "parley work --db postgres://… [--workers N] [--until-empty] [--attempts N] [--quiet]",
	help: `
Works the job queue that "parley ingest --queue" fills: takes the queued
documents one at a time per worker, runs the pipeline over each, and
stores its annotations, events (fused with every stored report of the
same event) and deadlines together with the job's completion, in one
transaction. Run it on as many machines as you like against the same
database: each document is handed to one worker at a time, and its
effects commit exactly once, even when a worker is killed (its jobs are
run again after --rescue-after) or the database restarts (workers
reconnect and retry).

A document whose coding fails is tried again after a pause that grows
with each attempt (2 s, 8 s, 18 s, …); after --attempts failures its job
is discarded and kept with its errors: "parley jobs --state discarded"
lists them, "parley jobs --retry ID" queues one again once the cause is
mended. Failures are reported on standard error with the document and
attempt.

Without --until-empty the workers wait for new jobs until interrupted;
with it they stop when nothing is left to do (failed jobs waiting for
another attempt count as something to do). On an interrupt the jobs under
way are finished, for up to 30 seconds, before the workers stop; a second
interrupt stops at once (those jobs are run again later).

The progress (documents coded, failed, per second) is shown on a terminal,
or logged every minute otherwise; a summary goes to standard error at the
end. The exit status is 0, or 1
when a document was discarded during the run.

Examples:
  parley ingest --db postgres://parley@db/news --queue archive/
  parley work --db postgres://parley@db/news --workers 8
  parley work --db postgres://parley@db/news --until-empty`,
	flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) int {
		db := fs.String("db", "", "the `STORE`: a PostgreSQL URL (postgres://user@host/db)")
		workers := fs.Int("workers", 0, "documents coded at once by this process (`N`; default: twice the number of CPUs)")
		untilEmpty := fs.Bool("until-empty", false, "stop when no job is waiting, instead of waiting for more")
		attempts := fs.Int("attempts", 5, "attempts at a document before its job is discarded (`N`)")
		backoff := fs.Duration("backoff", 2*time.Second, "pause before the first retry (`D`); the nth waits D×n²")
		timeout := fs.Duration("job-timeout", 2*time.Minute, "give up on coding one document after `D`")
		rescue := fs.Duration("rescue-after", 0, "run again a job still running after `D`, its worker taken for dead (default: --job-timeout + 1m)")
		quiet := fs.Bool("quiet", false, "print only errors: no progress and no summary")
		fuse := fuseFlag(fs)
		return func(ctx context.Context, env Env, args []string) int {
			if len(args) > 0 {
				return report(env, "work", fmt.Errorf("unexpected argument %q", args[0]), exitUsage)
			}
			if *db == "" {
				return report(env, "work", errors.New("no store: give --db postgres://user@host/db"), exitUsage)
			}
			if *workers <= 0 {
				// A worker waits for the database part of the time: two
				// per core keep the cores busy.
				*workers = 2 * defaultWorkers()
			}
			p, err := pipeline.Build(pipeline.DefaultConfig())
			if err != nil {
				return report(env, "work", err, exitFatal)
			}
			prog := newProgress(env.Stderr, !*quiet)
			var (
				mu                      sync.Mutex
				coded, events, discards int
			)
			cfg := queue.Config{Workers: *workers, MaxAttempts: *attempts, Backoff: *backoff, JobTimeout: *timeout, RescueAfter: *rescue,
				Report: func(r queue.Report) {
					mu.Lock()
					defer mu.Unlock()
					name := r.DocID
					if r.Origin != "" {
						name = r.Origin + " (" + r.DocID + ")"
					}
					switch {
					case r.Err == nil:
						coded++
						events += r.Events
					case r.Final:
						discards++
						prog.clear()
						fmt.Fprintf(env.Stderr, "parley work: %s: attempt %d failed, job discarded: %v\n", name, r.Attempt, r.Err)
					default:
						prog.clear()
						fmt.Fprintf(env.Stderr, "parley work: %s: attempt %d failed, will retry: %v\n", name, r.Attempt, r.Err)
					}
					prog.add(name, r.Err != nil)
				}}
			st, q, err := openQueue(ctx, *db, fuse(), p, cfg)
			if err != nil {
				return report(env, "work", err, exitFatal)
			}
			defer st.Close()
			defer q.Close()
			// The jobs under way finish when ctx ends, unless a second
			// interrupt comes: ctx's end is handled below, not by River.
			if err := q.Start(context.WithoutCancel(ctx)); err != nil {
				return report(env, "work", err, exitFatal)
			}
			stopped := false
			tick := time.NewTicker(500 * time.Millisecond)
			defer tick.Stop()
			// Off a terminal (a service's log), a line every minute.
			logEvery, start := time.Minute, time.Now()
			lastLog := start
			logLines := !*quiet && !isTerminal(env.Stderr)
		wait:
			for {
				select {
				case <-ctx.Done():
					stopped = true
					break wait
				case now := <-tick.C:
					if logLines && now.Sub(lastLog) >= logEvery {
						lastLog = now
						mu.Lock()
						fmt.Fprintf(env.Stderr, "parley work: %s coded in %s (%.1f/s), %d discarded\n",
							plural(coded, "document"), now.Sub(start).Round(time.Second), float64(coded)/now.Sub(start).Seconds(), discards)
						mu.Unlock()
					}
					if !*untilEmpty {
						continue
					}
					if idle, err := q.Idle(ctx); err == nil && idle {
						break wait
					}
				}
			}
			prog.done()
			if stopped {
				// A second interrupt cancels the jobs under way.
				again := make(chan os.Signal, 1)
				signal.Notify(again, os.Interrupt, syscall.SIGTERM)
				quit := make(chan struct{})
				defer func() { signal.Stop(again); close(quit) }()
				go func() {
					select {
					case <-again:
						q.StopAndCancel(context.Background())
					case <-quit:
					}
				}()
				if !*quiet {
					fmt.Fprintln(env.Stderr, "parley work: stopping: finishing the documents under way (interrupt again to stop at once)")
				}
			}
			q.Shutdown(30 * time.Second)
			mu.Lock()
			defer mu.Unlock()
			if !*quiet {
				fmt.Fprintf(env.Stderr, "parley work: %s coded (%s), %d discarded; database %s\n",
					plural(coded, "document"), plural(events, "event"), discards, redactDSN(*db))
			}
			switch {
			case stopped:
				return exitStopped
			case discards > 0:
				return exitFailed
			}
			return exitOK
		}
	},
}

var cmdJobs = &command{
	name:     "jobs",
	summary:  "list the coding jobs of a PostgreSQL store; retry failed ones, recode all",
	synopsis: "parley jobs --db postgres://… [--state STATE] [--limit N] [--json]\nparley jobs --db postgres://… --retry ID|discarded\nparley jobs --db postgres://… --recode",
	help: `
Prints how many coding jobs are in each state, then the latest jobs (by
default the discarded ones, whose documents could not be coded): job ID,
state, attempts, document and the last error. States are available
(waiting for a worker), running, retryable (failed, waiting for another
attempt), scheduled, completed (kept a day), discarded (failed every
attempt; kept until retried) and cancelled (their document is gone).

--retry ID queues job ID again, with its attempts counted afresh; --retry
discarded queues every discarded job again. Workers ("parley work") then
take them.

--recode queues every stored document for coding again, for instance
after updating parley's models or dictionaries: the workers replace each
document's annotations, events and deadlines, and its events are fused
again. A document whose job is waiting or running is not queued twice.

Examples:
  parley jobs --db postgres://parley@db/news
  parley jobs --db postgres://parley@db/news --state running --limit 20
  parley jobs --db postgres://parley@db/news --retry 4117
  parley jobs --db postgres://parley@db/news --recode`,
	flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) int {
		db := fs.String("db", "", "the `STORE`: a PostgreSQL URL (postgres://user@host/db)")
		state := fs.String("state", "discarded", "list the jobs in `STATE` (or \"all\")")
		limit := fs.Int("limit", 50, "list at most `N` jobs")
		retry := fs.String("retry", "", "queue job `ID` again, or every discarded job (\"discarded\")")
		asJSON := fs.Bool("json", false, "print the counts and jobs as one JSON object")
		recode := fs.Bool("recode", false, "queue every stored document for coding again")
		return func(ctx context.Context, env Env, args []string) int {
			if len(args) > 0 {
				return report(env, "jobs", fmt.Errorf("unexpected argument %q", args[0]), exitUsage)
			}
			if *db == "" {
				return report(env, "jobs", errors.New("no store: give --db postgres://user@host/db"), exitUsage)
			}
			if *recode && *retry != "" {
				return report(env, "jobs", errors.New("--recode and --retry exclude each other"), exitUsage)
			}
			var ids []int64
			if *retry != "" && *retry != "discarded" {
				id, err := strconv.ParseInt(*retry, 10, 64)
				if err != nil || id <= 0 {
					return report(env, "jobs", fmt.Errorf("--retry takes a job ID or \"discarded\", not %q", *retry), exitUsage)
				}
				ids = append(ids, id)
			}
			st, q, err := openQueue(ctx, *db, parley.DefaultFuseRule(), nil, queue.Config{})
			if err != nil {
				return report(env, "jobs", err, exitFatal)
			}
			defer st.Close()
			defer q.Close()
			if *recode {
				term := isTerminal(env.Stderr)
				queued, already, err := q.Recode(ctx, func(n int) {
					if term {
						fmt.Fprintf(env.Stderr, "\r\x1b[K%s queued", plural(n, "document"))
					}
				})
				if term {
					fmt.Fprint(env.Stderr, "\r\x1b[K")
				}
				if err != nil {
					return report(env, "jobs", fmt.Errorf("after queueing %s: %w", plural(queued, "document"), err), exitFatal)
				}
				fmt.Fprintf(env.Stderr, "parley jobs: %s queued for coding again (%d already waiting); \"parley work\" codes them\n",
					plural(queued, "document"), already)
				return exitOK
			}
			if *retry != "" {
				if *retry == "discarded" {
					jobs, err := q.Jobs(ctx, 100000, "discarded")
					if err != nil {
						return report(env, "jobs", err, exitFatal)
					}
					for _, j := range jobs {
						ids = append(ids, j.ID)
					}
				}
				failed := 0
				for _, id := range ids {
					if err := q.Retry(ctx, id); err != nil {
						failed++
						fmt.Fprintf(env.Stderr, "parley jobs: retrying job %d: %v\n", id, err)
					}
				}
				fmt.Fprintf(env.Stderr, "parley jobs: %s queued again\n", plural(len(ids)-failed, "job"))
				if failed > 0 {
					return exitFailed
				}
				return exitOK
			}
			counts, err := q.Counts(ctx)
			if err != nil {
				return report(env, "jobs", err, exitFatal)
			}
			var states []string
			if *state != "all" {
				states = []string{*state}
			}
			jobs, err := q.Jobs(ctx, *limit, states...)
			if err != nil {
				return report(env, "jobs", fmt.Errorf("listing %s jobs: %w", *state, err), exitFatal)
			}
			if *asJSON {
				enc := json.NewEncoder(env.Stdout)
				enc.SetIndent("", "  ")
				if err := enc.Encode(map[string]any{"counts": counts, "jobs": jobs}); err != nil {
					return report(env, "jobs", err, exitFatal)
				}
				return exitOK
			}
			names := make([]string, 0, len(counts))
			for s := range counts {
				names = append(names, s)
			}
			sort.Strings(names)
			var parts []string
			for _, s := range names {
				parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
			}
			if len(parts) == 0 {
				parts = []string{"no jobs"}
			}
			fmt.Fprintf(env.Stdout, "jobs: %s\n", strings.Join(parts, ", "))
			if len(jobs) == 0 {
				fmt.Fprintf(env.Stdout, "no %s jobs\n", *state)
				return exitOK
			}
			fmt.Fprintln(env.Stdout)
			tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "JOB\tSTATE\tATTEMPTS\tQUEUED\tDOCUMENT\tLAST ERROR")
			for _, j := range jobs {
				last := ""
				if len(j.Errors) > 0 {
					last = clip(j.Errors[len(j.Errors)-1], 80)
				}
				fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%s\t%s\n", j.ID, j.State, j.Attempts, j.Created.UTC().Format("2006-01-02 15:04"), j.DocID, last)
			}
			if err := tw.Flush(); err != nil {
				return report(env, "jobs", err, exitFatal)
			}
			return exitOK
		}
	},
}
