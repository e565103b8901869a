// Package api serves parley's store over HTTP: a JSON API for the fused
// events, their mentions and evidence, the documents and the deadlines, a
// token-protected endpoint that codes and stores posted articles, health
// and Prometheus metrics, and a web UI (ui.go).
//
// Routes (all JSON unless said otherwise):
//
//	GET  /api/events            fused events, newest first; filters as query parameters, cursor paging
//	GET  /api/events/{id}       one fused event with every mention and its sentence
//	GET  /api/documents         stored documents; filters, paging
//	GET  /api/documents/{id}    one document with its annotations, events and deadlines
//	GET  /api/deadlines         deadlines by due date
//	GET  /api/export            the events as a file: JSONL, PLOVER, GDELT TSV, CSV or Parquet
//	POST /api/documents         code and store articles (JSON or JSON lines); needs the bearer token
//	GET  /healthz               the store answers
//	GET  /metrics               Prometheus text format
//
// Errors are {"error": {"kind": …, "message": …}} with the HTTP status of
// their parley.Kind: 400 invalid, 404 not found, 413 too large, 503
// unavailable, 500 otherwise; 401 and 403 for writes without the token.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/parley-events/parley"
	"github.com/prometheus/client_golang/prometheus"
)

// Pipeline runs the stages over a document: what POST /api/documents
// needs to code an article before storing it.
type Pipeline interface {
	Run(ctx context.Context, d *parley.Doc) error
}

// Config configures a Server. Zero fields take the defaults given.
type Config struct {
	Store parley.Store // required
	// Pipeline codes posted articles and Read reads them from a request
	// body; either nil refuses POST /api/documents.
	Pipeline Pipeline
	Read     Reader
	// Token is the bearer token writes need; empty refuses every write.
	Token string
	// MaxBody is the largest request body accepted, in bytes (default
	// 16 MiB).
	MaxBody int64
	// Timeout bounds each request (default 30 s; posts get 10 times it).
	Timeout time.Duration
	Logger  *slog.Logger // default: discard
	// Registry receives the server's metrics; nil makes a new one, which
	// /metrics serves either way.
	Registry *prometheus.Registry
	Now      func() time.Time // default time.Now
	// Queue, when set, serves GET /api/jobs and POST
	// /api/jobs/{id}/retry: the job queue of a PostgreSQL store.
	Queue Queue
	// Describe returns the description of a CAMEO code for the web UI
	// ("Employ aerial weapons"); nil shows codes alone.
	Describe func(code string) string
}

// Defaults of Config.
const (
	DefaultMaxBody = 16 << 20
	DefaultTimeout = 30 * time.Second
)

// Server is an http.Handler serving the API. It is safe for concurrent use.
type Server struct {
	cfg     Config
	mux     *http.ServeMux
	metrics *metrics
}

// New returns a Server for cfg.
func New(cfg Config) *Server {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Registry == nil {
		cfg.Registry = prometheus.NewRegistry()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux()}
	s.metrics = newMetrics(cfg.Registry, cfg.Store, cfg.Queue)
	allowed := map[string][]string{}
	for _, r := range []struct {
		pattern string
		h       http.HandlerFunc
	}{
		{"GET /api/events", s.events},
		{"GET /api/events/{id}", s.event},
		{"GET /api/documents", s.documents},
		{"GET /api/documents/{id}", s.document},
		{"GET /api/deadlines", s.deadlines},
		{"GET /api/export", s.exportEvents},
		{"POST /api/documents", s.postDocuments},
		{"GET /api/jobs", s.jobs},
		{"POST /api/jobs/{id}/retry", s.retryJob},
		{"GET /healthz", s.healthz},
		{"GET /metrics", s.metrics.serve},
	} {
		s.mux.Handle(r.pattern, s.wrap(r.pattern, apiCSP, r.h))
		method, path, _ := strings.Cut(r.pattern, " ")
		allowed[path] = append(allowed[path], method)
	}
	s.uiRoutes(func(pattern, csp string, h http.HandlerFunc) { s.mux.Handle(pattern, s.wrap(pattern, csp, h)) })
	// A known path asked with another method: 405, saying which it takes.
	for path, methods := range allowed {
		allow := strings.Join(methods, ", ")
		if slices.Contains(methods, http.MethodGet) {
			allow += ", HEAD"
		}
		s.mux.Handle(path, s.wrap("other", apiCSP, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", allow)
			writeErrorStatus(w, http.StatusMethodNotAllowed, fmt.Errorf("%s %s: this route takes %s", r.Method, r.URL.Path, allow))
		}))
	}
	s.mux.Handle("/", s.wrap("other", apiCSP, func(w http.ResponseWriter, r *http.Request) {
		writeError(w, parley.E("api", parley.NotFound, fmt.Errorf("no such route: %s %s", r.Method, r.URL.Path)))
	}))
	return s
}

// ServeHTTP serves the API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// ObserveStage records how long a pipeline stage took on one document,
// for /metrics; it fits pipeline.Pipeline's Observe hook.
func (s *Server) ObserveStage(stage string, d time.Duration, err error) {
	s.metrics.stage.WithLabelValues(stage).Observe(d.Seconds())
	if err != nil {
		s.metrics.stageErrors.WithLabelValues(stage).Inc()
	}
}

// statusWriter records the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// apiCSP is the Content-Security-Policy of everything but the UI's pages:
// nothing may load.
const apiCSP = "default-src 'none'; frame-ancestors 'none'"

// wrap adds to h what every route has: a deadline, security headers (csp
// the Content-Security-Policy), a recovered panic as a 500, a log line and
// the request metrics.
func (s *Server) wrap(route, csp string, h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := s.cfg.Now()
		timeout := s.cfg.Timeout
		if r.Method == http.MethodPost {
			timeout *= 10
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		r = r.WithContext(ctx)
		sw := &statusWriter{ResponseWriter: w}
		hd := w.Header()
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Content-Security-Policy", csp)
		hd.Set("X-Frame-Options", "DENY")
		defer func() {
			if v := recover(); v != nil {
				s.cfg.Logger.Error("panic", "route", route, "panic", v, "stack", string(debug.Stack()))
				if sw.status == 0 {
					writeError(sw, parley.E("api", parley.Internal, fmt.Errorf("%v", v)))
				}
			}
			elapsed := s.cfg.Now().Sub(start)
			s.metrics.requests.WithLabelValues(route, fmt.Sprint(sw.status)).Inc()
			s.metrics.latency.WithLabelValues(route).Observe(elapsed.Seconds())
			s.cfg.Logger.Info("request", "method", r.Method, "path", r.URL.Path, "route", route,
				"status", sw.status, "duration_ms", float64(elapsed.Microseconds())/1000)
		}()
		h(sw, r)
	})
}

// statusOf maps an error to its HTTP status.
func statusOf(err error) int {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	}
	switch parley.KindOf(err) {
	case parley.Invalid:
		return http.StatusBadRequest
	case parley.NotFound:
		return http.StatusNotFound
	case parley.TooLarge:
		return http.StatusRequestEntityTooLarge
	case parley.Exist:
		return http.StatusConflict
	case parley.Unavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// apiError is the body of an error response.
type apiError struct {
	Error struct {
		Kind    string `json:"kind"`
		Message string `json:"message"`
	} `json:"error"`
}

func writeError(w http.ResponseWriter, err error) {
	writeErrorStatus(w, statusOf(err), err)
}

func writeErrorStatus(w http.ResponseWriter, status int, err error) {
	var body apiError
	body.Error.Kind = strings.ReplaceAll(parley.KindOf(err).String(), " ", "_")
	switch status {
	case http.StatusUnauthorized:
		body.Error.Kind = "unauthorized"
	case http.StatusForbidden:
		body.Error.Kind = "forbidden"
	case http.StatusRequestEntityTooLarge:
		body.Error.Kind = "too_large"
	case http.StatusMethodNotAllowed:
		body.Error.Kind = "method_not_allowed"
	}
	body.Error.Message = err.Error()
	writeJSON(w, status, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}
