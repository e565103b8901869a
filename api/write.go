package api

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"strings"

	"github.com/parley-events/parley"
)

// Reader turns a request body into documents, one per record, each with
// its own error: what POST /api/documents reads (JSON lines, of which a
// single JSON object is the one-line case). name names the input in
// errors.
type Reader func(ctx context.Context, name string, r io.Reader) iter.Seq2[*parley.Doc, error]

// posted is the outcome of one posted record.
type posted struct {
	Record  int      `json:"record"` // 1-based line of the body
	ID      string   `json:"id,omitempty"`
	Created bool     `json:"created"`
	Events  int      `json:"events"`
	Fused   []string `json:"fused,omitempty"` // the fused events its events joined or started
	Error   *struct {
		Kind    string `json:"kind"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// authorized reports whether r may write, writing the refusal if not.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	if s.cfg.Token == "" || s.cfg.Pipeline == nil || s.cfg.Read == nil {
		w.Header().Set("WWW-Authenticate", `Bearer realm="parley"`)
		writeErrorStatus(w, http.StatusForbidden, errors.New("writes are disabled on this server: start parley serve with --token (or PARLEY_TOKEN) to accept articles"))
		return false
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.cfg.Token)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="parley"`)
		writeErrorStatus(w, http.StatusUnauthorized, errors.New("missing or wrong bearer token: send \"Authorization: Bearer TOKEN\""))
		return false
	}
	return true
}

// postDocuments codes and stores the articles of the body: JSON lines, one
// record per line, as "parley ingest" reads them. Each record is
// answered on its own; the status is 201 when something new was stored
// and nothing failed, 200 when everything was already stored, 207 when
// some records failed and others did not, and 400 when all failed.
func (s *Server) postDocuments(w http.ResponseWriter, r *http.Request) {
	if err := newQuery(r).err(); err != nil {
		writeError(w, err)
		return
	}
	if !s.authorized(w, r) {
		return
	}
	if r.ContentLength > s.cfg.MaxBody {
		writeError(w, parley.E("api", parley.TooLarge, fmt.Errorf("body of %d bytes is over the limit of %d", r.ContentLength, s.cfg.MaxBody)))
		return
	}
	body := http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	var (
		out                   []posted
		created, dups, failed int
	)
	for d, err := range s.cfg.Read(r.Context(), "request", body) {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeError(w, parley.E("api", parley.TooLarge, fmt.Errorf("body is over the limit of %d bytes: %d records before the limit stored, %d already stored, %d failed; post the rest in smaller bodies",
				s.cfg.MaxBody, created, dups, failed)))
			return
		}
		p := posted{Record: len(out) + 1}
		if d != nil {
			p.ID = d.ID
		}
		if pe := (*parley.Error)(nil); errors.As(err, &pe) && pe.Line > 0 {
			p.Record = pe.Line
		}
		if err == nil {
			err = s.store(r.Context(), d, &p)
		}
		switch {
		case err != nil:
			failed++
			p.Error = &struct {
				Kind    string `json:"kind"`
				Message string `json:"message"`
			}{strings.ReplaceAll(parley.KindOf(err).String(), " ", "_"), err.Error()}
			s.metrics.posted.WithLabelValues("failed").Inc()
		case p.Created:
			created++
			s.metrics.posted.WithLabelValues("stored").Inc()
		default:
			dups++
			s.metrics.posted.WithLabelValues("duplicate").Inc()
		}
		out = append(out, p)
	}
	status := http.StatusOK
	switch {
	case len(out) == 0:
		writeError(w, parley.E("api", parley.Invalid, errors.New("empty body: post one JSON object per line, each with a \"text\"")))
		return
	case failed == len(out):
		status = http.StatusBadRequest
	case failed > 0:
		status = http.StatusMultiStatus
	case created > 0:
		status = http.StatusCreated
	}
	writeJSON(w, status, struct {
		Documents []posted `json:"documents"`
		Stored    int      `json:"stored"`
		Duplicate int      `json:"duplicate"`
		Failed    int      `json:"failed"`
	}{out, created, dups, failed})
}

// store codes d and stores it unless it is stored already, filling p
// with what is stored.
func (s *Server) store(ctx context.Context, d *parley.Doc, p *posted) error {
	ok, err := s.cfg.Store.Has(ctx, d.ID)
	if err != nil {
		return err
	}
	if !ok {
		if err := s.cfg.Pipeline.Run(ctx, d); err != nil {
			return err
		}
		if p.Created, err = s.cfg.Store.PutDoc(ctx, d); err != nil {
			return err
		}
	}
	stored, err := s.cfg.Store.Doc(ctx, d.ID)
	if err != nil {
		return err
	}
	p.Events = len(stored.Events)
	seen := map[string]bool{}
	for _, e := range stored.Events {
		if e.FusedID != "" && !seen[e.FusedID] {
			seen[e.FusedID] = true
			p.Fused = append(p.Fused, e.FusedID)
		}
	}
	return nil
}
