package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/queue"
)

// Queue is the job queue of a PostgreSQL store, for GET /api/jobs and
// POST /api/jobs/{id}/retry: *queue.Queue.
type Queue interface {
	Counts(ctx context.Context) (map[string]int, error)
	Jobs(ctx context.Context, n int, states ...string) ([]queue.Job, error)
	Retry(ctx context.Context, id int64) error
}

var jobStates = []string{"available", "running", "retryable", "scheduled", "pending", "completed", "discarded", "cancelled"}

// noQueue answers the job routes of a server without a queue.
func (s *Server) noQueue(w http.ResponseWriter) bool {
	if s.cfg.Queue != nil {
		return false
	}
	writeError(w, parley.E("api", parley.NotFound, errors.New("this server has no job queue: serve a PostgreSQL store (parley serve --db postgres://…)")))
	return true
}

// jobs lists the number of jobs in each state and the latest jobs in
// one state (state, default discarded; "all" for every state).
func (s *Server) jobs(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r, "state", "limit")
	state := q.str("state")
	switch {
	case state == "":
		state = "discarded"
	case state != "all" && !slices.Contains(jobStates, state):
		q.errs = append(q.errs, fmt.Errorf("state: want all or one of %v, not %q", jobStates, state))
	}
	limit := q.limit()
	if err := q.err(); err != nil {
		writeError(w, err)
		return
	}
	if s.noQueue(w) {
		return
	}
	counts, err := s.cfg.Queue.Counts(r.Context())
	if err != nil {
		writeError(w, err)
		return
	}
	var states []string
	if state != "all" {
		states = []string{state}
	}
	jobs, err := s.cfg.Queue.Jobs(r.Context(), limit, states...)
	if err != nil {
		writeError(w, err)
		return
	}
	if jobs == nil {
		jobs = []queue.Job{}
	}
	writeJSON(w, http.StatusOK, struct {
		Counts map[string]int `json:"counts"`
		Jobs   []queue.Job    `json:"jobs"`
	}{counts, jobs})
}

// retryJob queues job {id} again: a discarded one, once its cause is
// mended. It needs the bearer token.
func (s *Server) retryJob(w http.ResponseWriter, r *http.Request) {
	if err := newQuery(r).err(); err != nil {
		writeError(w, err)
		return
	}
	if s.noQueue(w) || !s.authorized(w, r) {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		writeError(w, parley.E("api", parley.Invalid, fmt.Errorf("job ID: want a positive whole number, not %q", r.PathValue("id"))))
		return
	}
	if err := s.cfg.Queue.Retry(r.Context(), id); err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Retried int64 `json:"retried"`
	}{id})
}
