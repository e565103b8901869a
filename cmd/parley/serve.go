package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/api"
	"github.com/parley-events/parley/cameo"
	"github.com/parley-events/parley/ingest"
	"github.com/parley-events/parley/pipeline"
	"github.com/parley-events/parley/queue"
)

var cmdServe = &command{
	name:     "serve",
	summary:  "serve the stored events over HTTP: web UI, JSON API, health and metrics",
	synopsis: "parley serve [--db FILE|postgres://…] [--addr HOST:PORT] [--token TOKEN] [--max-body BYTES] [--workers N] [--log text|json]",
	help: `
Serves the database over HTTP until interrupted, then finishes the
requests under way (up to 10 seconds) and exits.

The web UI is at /: the events with a filter form, a timeline of events
per day stacked by QuadClass, a world map of their places, the dyads (who
acts on whom) and the list, newest first; each event's page shows every
sentence that reports it, with its source, trigger and target marked and
the pattern that fired; /deadlines lists the deadlines. No scripts: the
pages and charts are drawn on the server.

  GET  /api/events          fused events, newest first. Filters: source,
                            target, actor (code prefixes: "RUS"), code or
                            root (CAMEO prefix), quad (1-4), plover, mode,
                            country (ISO alpha-3 of the place), place
                            (its name), since and
                            until (YYYY-MM-DD), min_articles, q (words
                            one of its sentences has); limit (50
                            by default, at most 1000) and cursor (the
                            "next" of the page before) for paging
  GET  /api/events/ID       one event with every mention: outlet, article,
                            sentence and byte offsets of the evidence
  GET  /api/documents       stored documents (source, since, until, cursor,
                            limit); /api/documents/ID one with its layers
  GET  /api/deadlines       deadlines by due date (since, before, status
                            pending or overdue, doc, limit)
  GET  /api/export          the events as a file: format jsonl, plover,
                            gdelt, csv or parquet, with the filters of
                            /api/events; limit 1000 by default, at most
                            10000; the next part in the Link header
  POST /api/documents       code and store articles: the body is JSON lines,
                            one record per line as "parley ingest" reads
                            them (a single JSON object is one line; a
                            record with a "url" and no "text" is fetched);
                            each record is answered on its own
  GET  /api/jobs            with a PostgreSQL store: the number of coding
                            jobs in each state and the latest jobs in one
                            (state, default discarded; limit), with their
                            documents and errors
  POST /api/jobs/ID/retry   queue a job again (with the token)
  GET  /healthz             200 when the database answers
  GET  /metrics             Prometheus metrics: requests and latencies by
                            route, stage latencies, documents and events,
                            and jobs by state with a PostgreSQL store

Writes need a bearer token, given by --token or the environment variable
PARLEY_TOKEN; without one the server refuses every POST (403), with one
it answers 401 to a request without it. Bodies over --max-body get 413.
URLs on this machine or on private networks are not fetched unless
--allow-private is given.
Responses are JSON; errors are {"error": {"kind", "message"}}.

With a PostgreSQL store, --workers N also works the job queue that
"parley ingest --queue" fills, in this process, as "parley work" does.

The server listens on 127.0.0.1:8080 by default: give --addr :8080 to
listen on every interface, behind a proxy that terminates TLS. A log line
per request goes to standard error.

Examples:
  parley serve --db news.db
  PARLEY_TOKEN=s3cret parley serve --db news.db --addr :8080 --log json
  curl 'localhost:8080/api/events?actor=RUS&root=19&since=2025-07-01'
  curl -H "Authorization: Bearer s3cret" --data-binary @story.jsonl localhost:8080/api/documents`,
	flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) int {
		db := fs.String("db", "parley.db", "the `STORE`: an SQLite file (created if missing), or a PostgreSQL URL (postgres://user@host/db)")
		addr := fs.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
		token := fs.String("token", "", "bearer `TOKEN` that writes need (default $PARLEY_TOKEN; none: writes refused)")
		maxBody := fs.Int64("max-body", api.DefaultMaxBody, "largest request body, in `BYTES`")
		maxBytes := fs.Int("max-bytes", ingest.DefaultMaxBytes, "largest posted article text, in `BYTES`")
		logFormat := fs.String("log", "text", "log `FORMAT`: text or json")
		fetch := fetchFlags(fs)
		fuse := fuseFlag(fs)
		workers := fs.Int("workers", 0, "with a PostgreSQL store, also code `N` queued documents at once in this process")
		return func(ctx context.Context, env Env, args []string) int {
			if *workers > 0 && !isPostgres(*db) {
				return report(env, "serve", errors.New("--workers works the job queue of a PostgreSQL store: give --db postgres://user@host/db"), exitUsage)
			}
			if len(args) > 0 {
				return report(env, "serve", fmt.Errorf("unexpected argument %q", args[0]), exitUsage)
			}
			var logger *slog.Logger
			switch *logFormat {
			case "text":
				logger = slog.New(slog.NewTextHandler(env.Stderr, nil))
			case "json":
				logger = slog.New(slog.NewJSONHandler(env.Stderr, nil))
			default:
				return report(env, "serve", fmt.Errorf("--log must be text or json, not %q", *logFormat), exitUsage)
			}
			if *token == "" {
				*token = os.Getenv("PARLEY_TOKEN")
			}
			st, err := openStore(ctx, *db, fuse())
			if err != nil {
				return report(env, "serve", err, exitFatal)
			}
			defer st.Close()
			cfg := api.Config{Store: st, Token: *token, MaxBody: *maxBody, Logger: logger, Now: env.Now,
				Describe: func(code string) string {
					c, _ := cameo.Lookup(code)
					return c.Description
				}}
			var p *pipeline.Pipeline
			if *token != "" || *workers > 0 { // the models load only when articles may be posted or queued ones coded
				if p, err = pipeline.Build(pipeline.DefaultConfig()); err != nil {
					return report(env, "serve", err, exitFatal)
				}
			}
			if isPostgres(*db) {
				q, err := queue.Open(ctx, st.(queue.Store), p, queue.Config{Workers: *workers, Logger: logger})
				if err != nil {
					return report(env, "serve", err, exitFatal)
				}
				defer q.Close()
				cfg.Queue = q
				if *workers > 0 {
					if err := q.Start(context.WithoutCancel(ctx)); err != nil {
						return report(env, "serve", err, exitFatal)
					}
					defer q.Shutdown(30 * time.Second)
				}
			}
			if *token != "" {
				opt := ingest.Options{MaxBytes: *maxBytes, Fetcher: fetch()}
				cfg.Pipeline = p
				cfg.Read = func(ctx context.Context, name string, r io.Reader) iter.Seq2[*parley.Doc, error] {
					return ingest.ReadJSONL(ctx, name, r, opt)
				}
			}
			srv := api.New(cfg)
			if p != nil {
				p.Observe = srv.ObserveStage
			}
			ln, err := net.Listen("tcp", *addr)
			if err != nil {
				return report(env, "serve", err, exitFatal)
			}
			hs := &http.Server{
				Handler:           srv,
				ReadHeaderTimeout: 10 * time.Second,
				IdleTimeout:       2 * time.Minute,
				MaxHeaderBytes:    1 << 20,
				ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
			}
			writes := "refused (no --token)"
			if *token != "" {
				writes = "need the bearer token"
			}
			logger.Info("serving", "addr", "http://"+ln.Addr().String(), "db", redactDSN(*db), "writes", writes, "workers", *workers)
			done := make(chan error, 1)
			go func() { done <- hs.Serve(ln) }()
			select {
			case err := <-done:
				return report(env, "serve", err, exitFatal)
			case <-ctx.Done():
			}
			logger.Info("shutting down")
			sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := hs.Shutdown(sctx); err != nil {
				return report(env, "serve", err, exitFailed)
			}
			if err := <-done; !errors.Is(err, http.ErrServerClosed) {
				return report(env, "serve", err, exitFailed)
			}
			return exitOK
		}
	},
}
