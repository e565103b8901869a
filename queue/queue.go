// Package queue codes stored documents with stateless workers sharing one
// PostgreSQL store, through River, a job queue kept in the same database.
//
// Ingest stores a document as read (no layers) and queues a job for it in
// one transaction, so that a document is queued exactly when it is stored.
// A worker takes a job, runs the pipeline over the document's text, and
// stores the annotations, events (fused with the other stored reports)
// and deadlines and marks the job completed in one transaction: a job's
// effects commit exactly once, whatever crashes. A job that fails is
// retried with backoff; one that keeps failing is discarded, kept with
// its errors for Jobs to list, and can be retried. River hands a job to
// one worker at a time, on any number of machines.
//
// River runs on its pgx driver, over a pool of its own; the store's
// writes and River's share one transaction on one connection (Store.InTx).
package queue

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/parley-events/parley"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"
)

// Store is what the queue needs of a store: the parley.Store, a pool to
// its database for River, and the store's writes in River's
// transactions. *postgres.Store is one.
type Store interface {
	parley.Store
	NewPool(ctx context.Context, max int32) (*pgxpool.Pool, error)
	InTx(ctx context.Context, fn func(tx pgx.Tx, conn *sql.Conn) error) error
	PutDocOn(ctx context.Context, conn *sql.Conn, d *parley.Doc) (bool, error)
	ReplaceDocOn(ctx context.Context, conn *sql.Conn, d *parley.Doc) error
	DocAsRead(ctx context.Context, id string) (*parley.Doc, error)
}

// Pipeline codes a document.
type Pipeline interface {
	Run(ctx context.Context, d *parley.Doc) error
}

// Config configures a Queue. Zero fields take the defaults given.
type Config struct {
	Workers     int // documents worked at once by this process; 0 only queues
	MaxAttempts int // attempts before a job is discarded (default 5)
	// Poll is how often idle workers look for jobs (default 1 s); new
	// jobs also wake them at once, through LISTEN/NOTIFY.
	Poll time.Duration
	// Backoff is the wait before the nth retry: Backoff × n² (default
	// 2 s; tests make it small).
	Backoff time.Duration
	// JobTimeout bounds the coding of one document (default 2 min);
	// RescueAfter is how long a job may stay running before it is taken
	// to belong to a worker that died, and is run again (default
	// JobTimeout + 1 min).
	JobTimeout, RescueAfter time.Duration
	// Report, when set, is told of every job this process works, when
	// its attempt ends: for progress and per-document errors. It is
	// called from the workers' goroutines.
	Report func(Report)
	Logger *slog.Logger
}

// Report is the end of one attempt at a job.
type Report struct {
	DocID, Origin string
	Attempt       int
	Events        int   // stored, when Err is nil
	Err           error // the attempt failed
	Final         bool  // Err and no attempt is left: the job is discarded
}

// Queue queues documents and, with workers, codes them.
type Queue struct {
	st     Store
	pool   *pgxpool.Pool
	client *river.Client[pgx.Tx]
	cfg    Config
}

// codeArgs is the job of coding one stored document.
type codeArgs struct {
	DocID string `json:"doc_id"`
}

func (codeArgs) Kind() string { return "parley_code" }

// InsertOpts makes a document's job unique while it waits or runs: a
// document queued again meanwhile is not coded twice.
func (codeArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: []rivertype.JobState{
		rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRetryable,
		rivertype.JobStateRunning, rivertype.JobStateScheduled}}}
}

// Open migrates River's tables into the store's database (once) and
// returns a Queue; with cfg.Workers > 0, Start works jobs with pipe.
func Open(ctx context.Context, st Store, pipe Pipeline, cfg Config) (*Queue, error) {
	const op = "queue.Open"
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 5
	}
	if cfg.Poll <= 0 {
		cfg.Poll = time.Second
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = 2 * time.Second
	}
	if cfg.JobTimeout <= 0 {
		cfg.JobTimeout = 2 * time.Minute
	}
	if cfg.RescueAfter <= cfg.JobTimeout {
		cfg.RescueAfter = cfg.JobTimeout + time.Minute
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	// River's own connections: fetching, completing, electing a leader,
	// listening for new jobs, maintenance.
	pool, err := st.NewPool(ctx, int32(min(4+cfg.Workers, 32)))
	if err != nil {
		return nil, err
	}
	driver := riverpgxv5.New(pool)
	migrator, err := rivermigrate.New(driver, &rivermigrate.Config{Logger: cfg.Logger})
	if err != nil {
		pool.Close()
		return nil, parley.E(op, parley.Internal, err)
	}
	if err := migrate(ctx, pool, migrator); err != nil {
		pool.Close()
		return nil, parley.E(op, parley.Unavailable, fmt.Errorf("migrating the job queue: %w", err))
	}
	q := &Queue{st: st, pool: pool, cfg: cfg}
	rc := &river.Config{
		Logger:            cfg.Logger,
		MaxAttempts:       cfg.MaxAttempts,
		FetchPollInterval: cfg.Poll,
		// A worker that finishes fetches its next job at once (almost): a
		// longer cooldown leaves workers idle between short documents.
		FetchCooldown: min(cfg.Poll, 5*time.Millisecond),
		JobTimeout:    cfg.JobTimeout,
		// A job still running after RescueAfter belongs to a worker that
		// died; the leader makes it available again.
		RescueStuckJobsAfter: cfg.RescueAfter,
		RetryPolicy:          backoff{cfg.Backoff},
		// A discarded job is kept until retried or deleted: it is how a
		// document that cannot be coded is found.
		DiscardedJobRetentionPeriod: -1,
	}
	if cfg.Workers > 0 {
		workers := river.NewWorkers()
		river.AddWorker(workers, &coder{q: q, pipe: pipe})
		rc.Workers = workers
		rc.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Workers}}
	}
	if q.client, err = river.NewClient(driver, rc); err != nil {
		pool.Close()
		return nil, parley.E(op, parley.Internal, err)
	}
	return q, nil
}

// Close closes River's connections; stop the workers first.
func (q *Queue) Close() { q.pool.Close() }

// migrate applies River's migrations (each in a transaction of its
// own, as River needs) while holding an advisory lock, so that workers
// starting together do not race.
func migrate(ctx context.Context, pool *pgxpool.Pool, m *rivermigrate.Migrator[pgx.Tx]) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	const key = 7274327266 // parley's River migrations
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		return err
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, key)
	_, err = m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	return err
}

// backoff waits Backoff × n² before the nth retry.
type backoff struct{ base time.Duration }

func (b backoff) NextRetry(job *rivertype.JobRow) time.Time {
	n := float64(max(job.Attempt, 1))
	return time.Now().Add(time.Duration(math.Min(n*n*float64(b.base), float64(time.Hour))))
}

// Ingest stores d as read and queues its coding, in one transaction. It
// reports created false, and queues nothing, when d is already stored.
func (q *Queue) Ingest(ctx context.Context, d *parley.Doc) (created bool, err error) {
	err = q.st.InTx(ctx, func(tx pgx.Tx, conn *sql.Conn) error {
		if created, err = q.st.PutDocOn(ctx, conn, d); err != nil || !created {
			return err
		}
		if _, err := q.client.InsertTx(ctx, tx, codeArgs{DocID: d.ID}, nil); err != nil {
			return parley.E("queue.Ingest", parley.Unavailable, err)
		}
		return nil
	})
	return created && err == nil, err
}

// Recode queues every stored document for coding again (after a model
// or dictionary update), in pages of a thousand, and returns how many it
// queued and how many were queued already. report, when not nil, is
// told the running total after each page.
func (q *Queue) Recode(ctx context.Context, report func(queued int)) (queued, already int, err error) {
	const op = "queue.Recode"
	after := ""
	for {
		docs, err := q.st.Docs(ctx, parley.DocFilter{After: after, Limit: 1000})
		if err != nil {
			return queued, already, err
		}
		if len(docs) == 0 {
			return queued, already, nil
		}
		params := make([]river.InsertManyParams, len(docs))
		for i, d := range docs {
			params[i] = river.InsertManyParams{Args: codeArgs{DocID: d.ID}}
		}
		after = docs[len(docs)-1].ID
		res, err := q.client.InsertMany(ctx, params)
		if err != nil {
			return queued, already, parley.E(op, parley.Unavailable, err)
		}
		for _, r := range res {
			if r.UniqueSkippedAsDuplicate {
				already++
			} else {
				queued++
			}
		}
		if report != nil {
			report(queued)
		}
	}
}

// Start starts working jobs; Stop finishes the jobs under way and stops.
func (q *Queue) Start(ctx context.Context) error { return q.client.Start(ctx) }
func (q *Queue) Stop(ctx context.Context) error  { return q.client.Stop(ctx) }

// Shutdown stops, letting the jobs under way finish for up to grace,
// then cancelling those still running (they are run again later).
func (q *Queue) Shutdown(grace time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if q.client.Stop(ctx) != nil {
		q.client.StopAndCancel(context.Background())
	}
}

// StopAndCancel stops at once, cancelling the jobs under way: they are
// rolled back and run again later.
func (q *Queue) StopAndCancel(ctx context.Context) error { return q.client.StopAndCancel(ctx) }

// Idle reports whether no job is waiting or running.
func (q *Queue) Idle(ctx context.Context) (bool, error) {
	res, err := q.client.JobList(ctx, river.NewJobListParams().States(rivertype.JobStateAvailable, rivertype.JobStateRunning,
		rivertype.JobStateRetryable, rivertype.JobStateScheduled, rivertype.JobStatePending).First(1))
	if err != nil {
		return false, parley.E("queue.Idle", parley.Unavailable, err)
	}
	return len(res.Jobs) == 0, nil
}

// Job is a queued document's job as Jobs lists it.
type Job struct {
	ID       int64     `json:"id"`
	DocID    string    `json:"doc_id"`
	State    string    `json:"state"`
	Attempts int       `json:"attempts"`
	Errors   []string  `json:"errors,omitempty"`
	Created  time.Time `json:"created"`
}

// Jobs lists up to n jobs in the given states (all states when none),
// newest first.
func (q *Queue) Jobs(ctx context.Context, n int, states ...string) ([]Job, error) {
	p := river.NewJobListParams().First(n).OrderBy(river.JobListOrderByID, river.SortOrderDesc)
	if len(states) > 0 {
		var s []rivertype.JobState
		for _, st := range states {
			s = append(s, rivertype.JobState(st))
		}
		p = p.States(s...)
	}
	res, err := q.client.JobList(ctx, p)
	if err != nil {
		return nil, parley.E("queue.Jobs", parley.Unavailable, err)
	}
	var out []Job
	for _, j := range res.Jobs {
		job := Job{ID: j.ID, State: string(j.State), Attempts: j.Attempt, Created: j.CreatedAt}
		var a codeArgs
		if err := json.Unmarshal(j.EncodedArgs, &a); err == nil {
			job.DocID = a.DocID
		}
		for _, e := range j.Errors {
			job.Errors = append(job.Errors, e.Error)
		}
		out = append(out, job)
	}
	return out, nil
}

// Counts returns the number of coding jobs in each state that has any:
// available, running, retryable, scheduled, completed, discarded, ….
func (q *Queue) Counts(ctx context.Context) (map[string]int, error) {
	rows, err := q.pool.Query(ctx, `SELECT state, count(*) FROM river_job WHERE kind = $1 GROUP BY state`, codeArgs{}.Kind())
	if err != nil {
		return nil, parley.E("queue.Counts", parley.Unavailable, err)
	}
	defer rows.Close()
	n := map[string]int{}
	for rows.Next() {
		var state string
		var c int
		if err := rows.Scan(&state, &c); err != nil {
			return nil, parley.E("queue.Counts", parley.Unavailable, err)
		}
		n[state] = c
	}
	if err := rows.Err(); err != nil {
		return nil, parley.E("queue.Counts", parley.Unavailable, err)
	}
	return n, nil
}

// Retry queues job id again (a discarded one: after its cause is mended).
func (q *Queue) Retry(ctx context.Context, id int64) error {
	if _, err := q.client.JobRetry(ctx, id); err != nil {
		if errors.Is(err, river.ErrNotFound) {
			return parley.E("queue.Retry", parley.NotFound, fmt.Errorf("job %d", id))
		}
		if pe := (*pgconn.PgError)(nil); errors.As(err, &pe) && pe.Code == "23505" { // unique_violation
			return parley.E("queue.Retry", parley.Exist, fmt.Errorf("job %d: its document is queued already, in another job", id))
		}
		return parley.E("queue.Retry", parley.Unavailable, err)
	}
	return nil
}

// coder works parley_code jobs.
type coder struct {
	river.WorkerDefaults[codeArgs]
	q    *Queue
	pipe Pipeline
}

// Work codes the job's document and stores the result with the job's
// completion, in one transaction.
func (c *coder) Work(ctx context.Context, job *river.Job[codeArgs]) (err error) {
	r := Report{DocID: job.Args.DocID, Attempt: job.Attempt}
	if c.q.cfg.Report != nil {
		defer func() {
			if err != nil {
				r.Err, r.Final = err, job.Attempt >= job.MaxAttempts
				var cancel *river.JobCancelError
				if errors.As(err, &cancel) {
					r.Final = true
				}
			}
			c.q.cfg.Report(r)
		}()
	}
	// The document as read: its text and metadata, none of its layers.
	d, err := c.q.st.DocAsRead(ctx, job.Args.DocID)
	if err != nil {
		if parley.KindOf(err) == parley.NotFound {
			return river.JobCancel(err) // nothing to code, ever
		}
		return err
	}
	r.Origin = d.Origin
	if err := c.pipe.Run(ctx, d); err != nil {
		return err
	}
	r.Events = len(d.Events)
	return c.q.st.InTx(ctx, func(tx pgx.Tx, conn *sql.Conn) error {
		if err := c.q.st.ReplaceDocOn(ctx, conn, d); err != nil {
			return err
		}
		_, err := river.JobCompleteTx[*riverpgxv5.Driver](ctx, tx, job)
		return err
	})
}
