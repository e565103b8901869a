package main

import (
	"context"
	"fmt"
	"io"
	"iter"
	"sync"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/ingest"
	"github.com/parley-events/parley/pipeline"
)

// result is one input item after the pipeline: a Doc or the error that
// stopped it. skipped is set when the pipeline did not run because skip
// said so.
type result struct {
	doc     *parley.Doc
	err     error
	skipped bool
}

// process runs p over the docs from in on a bounded pool of workers and
// calls emit with each result in input order. Reading errors pass through
// to emit untouched; docs for which skip (if not nil) returns true pass
// through unprocessed. It returns when in is exhausted or ctx is done.
func process(ctx context.Context, in iter.Seq2[*parley.Doc, error], p *pipeline.Pipeline, workers int, skip func(*parley.Doc) bool, emit func(result)) {
	if workers <= 0 {
		workers = defaultWorkers()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan chan result, workers*2)
	var wg sync.WaitGroup
	sem := make(chan struct{}, workers)
	wg.Add(1)
	go func() { // producer: owns jobs
		defer wg.Done()
		defer close(jobs)
		for d, err := range in {
			out := make(chan result, 1)
			select {
			case jobs <- out:
			case <-ctx.Done():
				return
			}
			if err != nil {
				out <- result{err: err}
				continue
			}
			if skip != nil && skip(d) {
				out <- result{doc: d, skipped: true}
				continue
			}
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				out <- result{err: ctx.Err()}
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				out <- result{doc: d, err: p.Run(ctx, d)}
			}()
		}
	}()
	for out := range jobs {
		emit(<-out)
	}
	cancel()
	wg.Wait()
}

// progress prints a one-line status on a terminal, at most every 200 ms.
type progress struct {
	w       io.Writer
	on      bool
	start   time.Time
	last    time.Time
	docs    int
	failed  int
	current string
}

func newProgress(w io.Writer, on bool) *progress {
	return &progress{w: w, on: on && isTerminal(w), start: time.Now()}
}

func (p *progress) add(origin string, failed bool) {
	if p == nil {
		return
	}
	if failed {
		p.failed++
	} else {
		p.docs++
	}
	p.current = origin
	if !p.on {
		return
	}
	if now := time.Now(); now.Sub(p.last) >= 200*time.Millisecond {
		p.last = now
		rate := float64(p.docs+p.failed) / now.Sub(p.start).Seconds()
		line := fmt.Sprintf("%d documents, %d failed, %.0f docs/s  %s", p.docs, p.failed, rate, p.current)
		fmt.Fprintf(p.w, "\r\x1b[K%s", clip(line, 100))
	}
}

// done clears the status line.
func (p *progress) done() { p.clear() }

// clear clears the status line, so that a message can be printed; the
// next update prints it again. A nil progress prints nothing.
func (p *progress) clear() {
	if p != nil && p.on && !p.last.IsZero() {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// printDocs reads the articles named by args as "parley ingest" does
// (standard input as plain text when args is empty or "-", unless format
// says otherwise), runs p over them with workers, and hands each document
// to write, in input order. An article that fails — reading it, the
// pipeline, or write — is reported on standard error under the command's
// name after flush, and the rest go on. It returns the exit status:
// exitFailed when any article failed, exitFatal when the final flush does.
func printDocs(ctx context.Context, env Env, name string, args []string, format string, published time.Time, fetcher *ingest.Fetcher,
	p *pipeline.Pipeline, workers int, prog *progress, write func(*parley.Doc) error, flush func() error) int {
	if len(args) == 0 {
		args = []string{"-"}
	}
	if format == "" && len(args) == 1 && args[0] == "-" {
		format = ingest.FormatText
	}
	opt := ingest.Options{Published: published, Format: format, Stdin: env.Stdin, Fetcher: fetcher}
	failed := 0
	process(ctx, ingest.Read(ctx, args, opt), p, workers, nil, func(r result) {
		if r.err == nil {
			r.err = write(r.doc)
		}
		origin := ""
		if r.doc != nil {
			origin = r.doc.Origin
		}
		if r.err != nil {
			failed++
			flush()
			prog.clear()
			fmt.Fprintf(env.Stderr, "parley %s: %v\n", name, r.err)
		}
		prog.add(origin, r.err != nil)
	})
	prog.done()
	if err := flush(); err != nil {
		return report(env, name, err, exitFatal)
	}
	if failed > 0 {
		return exitFailed
	}
	return exitOK
}
