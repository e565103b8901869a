package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/ingest"
	"github.com/parley-events/parley/pipeline"
)

var cmdWatch = &command{
	name:     "watch",
	summary:  "poll feeds and pages and store their new articles, coded",
	synopsis: "parley watch [--db FILE] [--every D] [--once] [--allow-private] FEED_OR_URL...",
	help: `
Polls each feed (RSS, Atom, JSON Feed) or page every --every (15 minutes
by default, at least one minute), runs the pipeline over the articles it
has not seen and stores them with their events, fused with the stored
reports of the same events, as "parley ingest" does. A feed's items are
fetched once: later polls fetch only the new ones, and a feed the server
says has not changed is not read again (conditional requests). An item
whose page could not be fetched for a reason that may pass (a timeout, a
server error) is tried again at the next poll.

Each poll ends with a line on standard error: how many articles were new,
already stored, and failed; errors name the feed and the item. A feed that
fails does not stop the others or the next poll. Interrupt to stop: the
articles stored so far stay stored, and the next run fetches again what
this one had not finished. --once polls once and exits (for cron), with
status 1 when something failed.

Fetching is as "parley ingest" does it; addresses on this machine and on
private networks are refused unless --allow-private is given.

Examples:
  parley watch --db news.db https://example.org/world/rss.xml https://example.net/atom
  parley watch --db news.db --every 1h --once https://example.org/world/rss.xml`,
	flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) int {
		db := fs.String("db", "parley.db", "the `STORE` to store into: an SQLite file (created if missing), or a PostgreSQL URL (postgres://user@host/db)")
		every := fs.Duration("every", 15*time.Minute, "poll every `D` (at least 1m)")
		once := fs.Bool("once", false, "poll once and exit")
		workers := fs.Int("workers", 0, "documents processed in parallel (`N`; default: number of CPUs)")
		fetch := fetchFlags(fs)
		fuse := fuseFlag(fs)
		return func(ctx context.Context, env Env, args []string) int {
			if len(args) == 0 {
				return report(env, "watch", errors.New("nothing to watch: give the URLs of feeds or pages"), exitUsage)
			}
			if *every < time.Minute && !*once {
				return report(env, "watch", fmt.Errorf("--every %v is too often: poll at most once a minute", *every), exitUsage)
			}
			p, err := pipeline.Build(pipeline.DefaultConfig())
			if err != nil {
				return report(env, "watch", err, exitFatal)
			}
			st, err := openStore(ctx, *db, fuse())
			if err != nil {
				return report(env, "watch", err, exitFatal)
			}
			defer st.Close()
			w := &ingest.Watcher{Options: ingest.Options{Fetcher: fetch()}}
			for n := 1; ; n++ {
				added, dup, failed := 0, 0, 0
				stored := func(d *parley.Doc) bool {
					ok, err := st.Has(ctx, d.ID)
					return ok && err == nil
				}
				process(ctx, w.Poll(ctx, args), p, *workers, stored, func(r result) {
					switch {
					case r.skipped:
						dup++
						return
					case r.err == nil:
						var created bool
						if created, r.err = st.PutDoc(ctx, r.doc); r.err == nil && created {
							added++
						} else if r.err == nil {
							dup++
						}
					}
					if r.err != nil && !errors.Is(r.err, context.Canceled) {
						failed++
						fmt.Fprintf(env.Stderr, "parley watch: %v\n", r.err)
					}
				})
				next := fmt.Sprintf("; next in %v", *every)
				if *once {
					next = ""
				}
				fmt.Fprintf(env.Stderr, "parley watch: poll %d at %s: %d new, %d already stored, %d failed%s\n",
					n, env.Now().UTC().Format(time.RFC3339), added, dup, failed, next)
				if *once {
					if failed > 0 {
						return exitFailed
					}
					return exitOK
				}
				select {
				case <-ctx.Done():
					return exitOK
				case <-time.After(*every):
				}
			}
		}
	},
}
