package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// query reads a request's query parameters, refusing those a route does
// not know (a misspelt filter must not silently match everything).
type query struct {
	v    url.Values
	errs []error
}

func newQuery(r *http.Request, known ...string) *query {
	q := &query{v: r.URL.Query()}
	for k := range q.v {
		if !slices.Contains(known, k) {
			q.errs = append(q.errs, fmt.Errorf("unknown parameter %q (this route takes %s)", k, strings.Join(known, ", ")))
		}
	}
	slices.SortFunc(q.errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return q
}

func (q *query) str(k string) string { return q.v.Get(k) }

func (q *query) int(k string, lo, hi int) int {
	s := q.v.Get(k)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		q.errs = append(q.errs, fmt.Errorf("%s: want a whole number from %d to %d, not %q", k, lo, hi, s))
	}
	return n
}

func (q *query) date(k string) time.Time {
	s := q.v.Get(k)
	if s == "" {
		return time.Time{}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC()
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		q.errs = append(q.errs, fmt.Errorf("%s: want YYYY-MM-DD or RFC 3339, not %q", k, s))
	}
	return t
}

// err returns the problems found, as one error of Kind Invalid.
func (q *query) err() error {
	if len(q.errs) == 0 {
		return nil
	}
	return parley.E("api", parley.Invalid, errors.Join(q.errs...))
}

// limit is the page size: 50 by default, at most 1000.
func (q *query) limit() int {
	if n := q.int("limit", 1, 1000); n > 0 {
		return n
	}
	return 50
}

var modalities = []parley.Modality{parley.Asserted, parley.Reported, parley.Future, parley.Conditional, parley.Hypothetical, parley.Negated}

// fusedFilter reads the filters of GET /api/events.
func fusedFilter(r *http.Request) (parley.FusedFilter, error) {
	q := newQuery(r, fusedParams...)
	return readFused(q)
}

// fusedParams are the query parameters of a listing of fused events.
var fusedParams = []string{"source", "target", "actor", "code", "root", "quad", "plover", "mode", "country", "place",
	"since", "until", "min_articles", "q", "limit", "cursor"}

// readFused reads the filters of a listing of fused events from q.
func readFused(q *query) (parley.FusedFilter, error) {
	f := parley.FusedFilter{
		Source: q.str("source"), Target: q.str("target"), Actor: q.str("actor"), Code: q.str("code"),
		QuadClass: q.int("quad", 1, 4), Plover: strings.ToUpper(q.str("plover")), Country: strings.ToUpper(q.str("country")), Place: q.str("place"),
		Since: q.date("since"), Until: q.date("until"), MinArticles: q.int("min_articles", 1, 1<<30), Text: q.str("q"),
		After: q.str("cursor"), Limit: q.limit(),
	}
	if root := q.str("root"); root != "" {
		if len(root) != 2 || root[0] < '0' || root[0] > '2' || root[1] < '0' || root[1] > '9' {
			q.errs = append(q.errs, fmt.Errorf("root: want a CAMEO root from 01 to 20, not %q", root))
		} else if f.Code != "" && !strings.HasPrefix(f.Code, root) {
			q.errs = append(q.errs, fmt.Errorf("code %q is not under root %q", f.Code, root))
		} else if f.Code == "" {
			f.Code = root
		}
	}
	if m := parley.Modality(q.str("mode")); m != "" {
		if !slices.Contains(modalities, m) {
			q.errs = append(q.errs, fmt.Errorf("mode: want one of asserted, reported, future, conditional, hypothetical, negated, not %q", m))
		}
		f.Mode = m
	}
	if f.After != "" {
		if _, _, err := parley.ParseCursor(f.After); err != nil {
			q.errs = append(q.errs, err)
		}
	}
	return f, q.err()
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	f, err := fusedFilter(r)
	if err != nil {
		writeError(w, err)
		return
	}
	list, err := s.cfg.Store.FusedItems(r.Context(), f)
	if err != nil {
		writeError(w, err)
		return
	}
	// Each event's JSON is kept ready by the store.
	size := 64
	for _, it := range list {
		size += len(it.JSON) + 1
	}
	b := append(make([]byte, 0, size), `{"events":[`...)
	for i, it := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, it.JSON...)
	}
	b = append(b, ']')
	if len(list) == f.Limit {
		b = strconv.AppendQuote(append(b, `,"next":`...), list[len(list)-1].Cursor)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	w.Write(append(b, "}\n"...))
}

func (s *Server) event(w http.ResponseWriter, r *http.Request) {
	if err := newQuery(r).err(); err != nil {
		writeError(w, err)
		return
	}
	e, err := s.cfg.Store.FusedEvent(r.Context(), r.PathValue("id"))
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, e)
}

func (s *Server) documents(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r, "source", "since", "until", "cursor", "limit")
	f := parley.DocFilter{Source: q.str("source"), Since: q.date("since"), Until: q.date("until"), After: q.str("cursor"), Limit: q.limit()}
	if err := q.err(); err != nil {
		writeError(w, err)
		return
	}
	list, err := s.cfg.Store.Docs(r.Context(), f)
	if err != nil {
		writeError(w, err)
		return
	}
	body := struct {
		Documents []parley.DocInfo `json:"documents"`
		Next      string           `json:"next,omitempty"`
	}{Documents: list}
	if body.Documents == nil {
		body.Documents = []parley.DocInfo{}
	}
	if len(list) == f.Limit {
		body.Next = list[len(list)-1].ID
	}
	writeJSON(w, http.StatusOK, body)
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) {
	if err := newQuery(r).err(); err != nil {
		writeError(w, err)
		return
	}
	d, err := s.cfg.Store.Doc(r.Context(), r.PathValue("id"))
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

// deadline is a deadline as the API shows it: with its status as of now.
type deadline struct {
	parley.Deadline
	Status string `json:"status"` // pending or overdue
}

func (s *Server) deadlines(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r, "since", "before", "status", "doc", "limit")
	f := parley.DeadlineFilter{DocID: q.str("doc"), DueSince: q.date("since"), DueBefore: q.date("before"), Limit: q.limit()}
	now := s.cfg.Now().UTC()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	switch st := q.str("status"); st {
	case "":
	case "pending":
		if today.After(f.DueSince) {
			f.DueSince = today
		}
	case "overdue":
		if f.DueBefore.IsZero() || today.Before(f.DueBefore) {
			f.DueBefore = today
		}
	default:
		q.errs = append(q.errs, fmt.Errorf("status: want pending or overdue, not %q", st))
	}
	if err := q.err(); err != nil {
		writeError(w, err)
		return
	}
	list, err := s.cfg.Store.Deadlines(r.Context(), f)
	if err != nil {
		writeError(w, err)
		return
	}
	out := make([]deadline, len(list))
	for i, dl := range list {
		out[i] = deadline{dl, "pending"}
		if dl.Due.Before(today) {
			out[i].Status = "overdue"
		}
	}
	writeJSON(w, http.StatusOK, struct {
		Deadlines []deadline `json:"deadlines"`
	}{out})
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	docs, events, err := s.cfg.Store.Stats(ctx)
	if err != nil {
		writeErrorStatus(w, http.StatusServiceUnavailable, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Status    string `json:"status"`
		Documents int    `json:"documents"`
		Events    int    `json:"events"`
	}{"ok", docs, events})
}
