package api

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/export"
)

// exportTypes are the media types and file extensions of the export
// formats.
var exportTypes = map[string][2]string{
	"jsonl":   {"application/x-ndjson", "jsonl"},
	"plover":  {"application/x-ndjson", "plover.jsonl"},
	"gdelt":   {"text/tab-separated-values; charset=utf-8", "tsv"},
	"csv":     {"text/csv; charset=utf-8", "csv"},
	"parquet": {"application/vnd.apache.parquet", "parquet"},
}

// Export limits: rows per request by default and at most.
const (
	exportDefault = 1000
	exportMax     = 10000
)

// exportEvents serves GET /api/export: the fused events that match the
// filters of /api/events, newest first, each as its first report with the
// counts of all its reports, in format (jsonl, plover, gdelt, csv,
// parquet), as a file to download. limit is 1000 by default, at most
// 10000; when more may follow, the Link header (rel="next") and
// X-Next-Cursor give the next part.
func (s *Server) exportEvents(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r, append(slices.Clone(fusedParams), "format")...)
	format := q.str("format")
	if format == "" {
		format = "jsonl"
	}
	typ, ok := exportTypes[format]
	if !ok {
		q.errs = append(q.errs, fmt.Errorf("format: want one of jsonl, plover, gdelt, csv, parquet, not %q", format))
	}
	limit := exportDefault
	if v := q.v.Get("limit"); v != "" {
		limit = q.int("limit", 1, exportMax)
		q.v.Del("limit") // read here, with the export's bounds
	}
	f, err := readFused(q)
	if err != nil {
		writeError(w, err)
		return
	}
	f.Limit = limit
	list, err := s.cfg.Store.Fused(r.Context(), f)
	if err != nil {
		writeError(w, err)
		return
	}
	ew, err := export.New(format, w)
	if err != nil {
		writeError(w, parley.E("api", parley.Invalid, err))
		return
	}
	h := w.Header()
	h.Set("Content-Type", typ[0])
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="parley-events.%s"`, typ[1]))
	if len(list) == limit {
		next := list[len(list)-1].Cursor()
		v := r.URL.Query()
		v.Set("cursor", next)
		h.Set("Link", fmt.Sprintf(`</api/export?%s>; rel="next"`, v.Encode()))
		h.Set("X-Next-Cursor", url.QueryEscape(next))
	}
	w.WriteHeader(http.StatusOK)
	if err := export.WriteFused(r.Context(), ew, s.cfg.Store, list); err != nil {
		// The status is sent: say so in the log, and cut the body short.
		s.cfg.Logger.Error("export", "error", err)
		return
	}
	if err := ew.Flush(); err != nil {
		s.cfg.Logger.Error("export", "error", err)
	}
}
