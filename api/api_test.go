package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/api"
	"github.com/parley-events/parley/ingest"
	"github.com/parley-events/parley/store/sqlite"
)

// fakePipeline codes one event per article that says "shelled": the
// source and target are the first two capitalised words' codes, from a
// tiny table, and the event is dated on the article's day. It lets the
// API's tests run without loading the models.
type fakePipeline struct{}

var fakeActors = map[string]string{"Freedonian": "FRDMIL", "Sylvania": "SYL", "Sylvanian": "SYLMIL", "Freedonia": "FRD"}

func (fakePipeline) Run(ctx context.Context, d *parley.Doc) error {
	if strings.Contains(d.Text, "explode") {
		return parley.E("fake", parley.Internal, fmt.Errorf("the fake pipeline was asked to fail"))
	}
	if !strings.Contains(d.Text, "shelled") {
		return nil
	}
	var codes []string
	for _, w := range strings.Fields(d.Text) {
		if c, ok := fakeActors[strings.Trim(w, ".,")]; ok {
			codes = append(codes, c)
		}
	}
	if len(codes) < 2 {
		return nil
	}
	// Tokens at the spaces, one sentence, an actor on each coded word and
	// the event on "shelled", so that evidence has offsets.
	trigger, refs := -1, []int{}
	start := -1
	for i := 0; i <= len(d.Text); i++ {
		if i < len(d.Text) && d.Text[i] != ' ' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			w := strings.Trim(d.Text[start:i], ".,")
			d.Tokens = append(d.Tokens, parley.Token{Start: start, End: start + len(w), Head: -1})
			k := len(d.Tokens) - 1
			if c, ok := fakeActors[w]; ok && len(refs) < 2 {
				d.Actors = append(d.Actors, parley.Actor{Tokens: parley.Span{Start: k, End: k + 1}, Code: c, Entity: -1, Ref: -1})
				refs = append(refs, len(d.Actors)-1)
			}
			if w == "shelled" {
				trigger = k
			}
			start = -1
		}
	}
	d.Sentences = []parley.Sentence{{Tokens: parley.Span{Start: 0, End: len(d.Tokens)}}}
	day := d.Published.Truncate(24 * time.Hour)
	d.Events = append(d.Events, parley.Event{Source: codes[0], Target: codes[1], SourceRef: refs[0], TargetRef: refs[1], ReportedByRef: -1,
		Trigger: parley.Span{Start: trigger, End: trigger + 1}, Code: "195", Root: "19", QuadClass: 4, Goldstein: -10,
		Plover: "ASSAULT", Mode: parley.Asserted, Date: day, Place: -1, Pattern: "fake shelled"})
	d.Layers |= parley.LayerTokens | parley.LayerSentences | parley.LayerActors | parley.LayerEvents
	return nil
}

func readJSONL(ctx context.Context, name string, r io.Reader) iter.Seq2[*parley.Doc, error] {
	return ingest.ReadJSONL(ctx, name, r, ingest.Options{MaxBytes: 1 << 20})
}

// newServer returns a test server over a fresh in-memory store, with writes
// allowed under token (none when token is "").
func newServer(t *testing.T, token string, maxBody int64) (*httptest.Server, parley.Store) {
	t.Helper()
	st, err := sqlite.Open(t.Context(), sqlite.Memory)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	srv := api.New(api.Config{Store: st, Pipeline: fakePipeline{}, Read: readJSONL, Token: token, MaxBody: maxBody,
		Now: func() time.Time { return time.Date(2025, 7, 22, 12, 0, 0, 0, time.UTC) }})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts, st
}

// do sends a request and returns the status and the body.
func do(t *testing.T, method, url, token string, body io.Reader) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, b
}

// story is one shelling told by three outlets, and one more story.
const story = `{"source":"One","published":"2025-03-03T08:00:00Z","text":"Freedonian guns shelled Sylvania overnight."}
{"source":"Two","published":"2025-03-03T10:00:00Z","text":"Freedonian guns shelled Sylvania again at dawn."}
{"source":"Three","published":"2025-03-03T20:00:00Z","text":"Freedonian artillery shelled Sylvania, officials said."}
{"source":"Two","published":"2025-03-09T10:00:00Z","text":"Sylvanian guns shelled Freedonia."}
`

func TestPostAndRead(t *testing.T) {
	ts, _ := newServer(t, "s3cret", 0)
	code, _, body := do(t, "POST", ts.URL+"/api/documents", "s3cret", strings.NewReader(story))
	if code != http.StatusCreated {
		t.Fatalf("POST story: %d %s", code, body)
	}
	var res struct {
		Documents []struct {
			ID      string   `json:"id"`
			Created bool     `json:"created"`
			Fused   []string `json:"fused"`
		} `json:"documents"`
		Stored, Duplicate, Failed int
	}
	if err := json.Unmarshal(body, &res); err != nil {
		t.Fatal(err)
	}
	if res.Stored != 4 || len(res.Documents) != 4 || res.Documents[1].Fused[0] != res.Documents[0].Fused[0] {
		t.Fatalf("POST story: %s", body)
	}
	fusedID := res.Documents[0].Fused[0]

	// Posting it again stores nothing and says so.
	code, _, body = do(t, "POST", ts.URL+"/api/documents", "s3cret", strings.NewReader(story))
	if code != http.StatusOK || !strings.Contains(string(body), `"duplicate":4`) {
		t.Errorf("POST story again: %d %s", code, body)
	}

	var list struct {
		Events []parley.FusedEvent `json:"events"`
		Next   string              `json:"next"`
	}
	get := func(query string) {
		t.Helper()
		code, _, body := do(t, "GET", ts.URL+"/api/events"+query, "", nil)
		if code != http.StatusOK {
			t.Fatalf("GET /api/events%s: %d %s", query, code, body)
		}
		list.Events, list.Next = nil, ""
		if err := json.Unmarshal(body, &list); err != nil {
			t.Fatal(err)
		}
	}
	get("")
	if len(list.Events) != 2 || list.Events[1].ID != fusedID || list.Events[1].NumArticles != 3 || list.Events[1].NumSources != 3 {
		t.Errorf("GET /api/events: %+v", list.Events)
	}
	for _, c := range []struct {
		query string
		want  int
	}{
		{"?source=FRD", 1}, {"?target=FRD", 1}, {"?actor=SYL", 2}, {"?root=19", 2}, {"?code=1951", 0},
		{"?since=2025-03-05", 1}, {"?until=2025-03-05", 1}, {"?min_articles=2", 1}, {"?mode=asserted", 2},
		{"?mode=future", 0}, {"?quad=4&plover=assault", 2}, {"?country=SYL", 0},
		{"?q=dawn", 1}, {"?q=freedonian+gun*", 1}, {"?q=%22officials+said%22", 1}, {"?q=tanks", 0},
	} {
		get(c.query)
		if len(list.Events) != c.want {
			t.Errorf("GET /api/events%s: %d events, want %d", c.query, len(list.Events), c.want)
		}
	}
	get("?limit=1")
	if len(list.Events) != 1 || list.Next == "" {
		t.Fatalf("GET /api/events?limit=1: %+v, next %q", list.Events, list.Next)
	}
	first := list.Events[0].ID
	get("?limit=1&cursor=" + list.Next)
	if len(list.Events) != 1 || list.Events[0].ID == first || list.Events[0].ID != fusedID {
		t.Errorf("second page: %+v", list.Events)
	}

	code, _, body = do(t, "GET", ts.URL+"/api/events/"+fusedID, "", nil)
	var one parley.FusedEvent
	if code != http.StatusOK || json.Unmarshal(body, &one) != nil || len(one.Mentions) != 3 ||
		one.Mentions[2].SentenceText != "" && !strings.Contains(one.Mentions[2].Outlet, "Three") {
		t.Errorf("GET /api/events/%s: %d %s", fusedID, code, body)
	}
	code, _, body = do(t, "GET", ts.URL+"/api/documents/"+one.Mentions[0].DocID, "", nil)
	if code != http.StatusOK || !strings.Contains(string(body), "overnight") {
		t.Errorf("GET /api/documents/ID: %d %s", code, body)
	}
	code, _, body = do(t, "GET", ts.URL+"/api/documents?source=Two", "", nil)
	if code != http.StatusOK || strings.Count(string(body), `"id"`) != 2 {
		t.Errorf("GET /api/documents?source=Two: %d %s", code, body)
	}
	code, _, body = do(t, "GET", ts.URL+"/api/deadlines?status=pending", "", nil)
	if code != http.StatusOK || string(body) != "{\"deadlines\":[]}\n" {
		t.Errorf("GET /api/deadlines: %d %q", code, body)
	}
}

func TestErrors(t *testing.T) {
	ts, _ := newServer(t, "s3cret", 1<<20)
	for _, c := range []struct {
		method, path, token, body string
		want                      int
		kind                      string
	}{
		{"GET", "/api/events?bogus=1", "", "", 400, "invalid_input"},
		{"GET", "/api/events?quad=7", "", "", 400, "invalid_input"},
		{"GET", "/api/events?since=yesterday", "", "", 400, "invalid_input"},
		{"GET", "/api/events?root=99", "", "", 400, "invalid_input"},
		{"GET", "/api/events?mode=maybe", "", "", 400, "invalid_input"},
		{"GET", "/api/events?cursor=nonsense", "", "", 400, "invalid_input"},
		{"GET", "/api/events?limit=100000", "", "", 400, "invalid_input"},
		{"GET", "/api/events/no-such-event", "", "", 404, "not_found"},
		{"GET", "/api/documents/no-such-document", "", "", 404, "not_found"},
		{"GET", "/api/deadlines?status=late", "", "", 400, "invalid_input"},
		{"GET", "/nowhere", "", "", 404, "not_found"},
		{"DELETE", "/api/events", "", "", 405, "method_not_allowed"},
		{"PUT", "/api/documents", "", "", 405, "method_not_allowed"},
		{"POST", "/api/documents", "", `{"text":"Freedonian guns shelled Sylvania."}`, 401, "unauthorized"},
		{"POST", "/api/documents", "wrong", `{"text":"Freedonian guns shelled Sylvania."}`, 401, "unauthorized"},
		{"POST", "/api/documents", "s3cret", ``, 400, "invalid_input"},
		{"POST", "/api/documents", "s3cret", `{"text": "unterminated`, 400, ""},
	} {
		code, h, body := do(t, c.method, ts.URL+c.path, c.token, strings.NewReader(c.body))
		if code != c.want {
			t.Errorf("%s %s: status %d, want %d: %s", c.method, c.path, code, c.want, body)
			continue
		}
		if c.kind != "" {
			var e struct {
				Error struct{ Kind, Message string }
			}
			if err := json.Unmarshal(body, &e); err != nil || e.Error.Kind != c.kind || e.Error.Message == "" {
				t.Errorf("%s %s: body %s, want an error of kind %s", c.method, c.path, body, c.kind)
			}
		}
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("%s %s: Content-Security-Policy %q", c.method, c.path, csp)
		}
	}

	// One bad record of three: the others are stored, each is answered.
	batch := `{"published":"2025-03-03","text":"Freedonian guns shelled Sylvania."}
{"published":"soon","text":"Sylvanian guns shelled Freedonia."}
{"published":"2025-03-04","text":"This one will explode the fake pipeline."}
{"published":"2025-03-04","text":"Nothing happened."}
`
	code, _, body := do(t, "POST", ts.URL+"/api/documents", "s3cret", strings.NewReader(batch))
	if code != http.StatusMultiStatus || !strings.Contains(string(body), `"stored":2`) || !strings.Contains(string(body), `"failed":2`) ||
		!strings.Contains(string(body), `"record":2`) || !strings.Contains(string(body), "published") {
		t.Errorf("POST a batch with bad records: %d %s", code, body)
	}
}

func TestWritesRefused(t *testing.T) {
	ts, _ := newServer(t, "", 0)
	code, h, body := do(t, "POST", ts.URL+"/api/documents", "anything", strings.NewReader(`{"text":"x"}`))
	if code != http.StatusForbidden || !strings.Contains(string(body), "--token") || h.Get("WWW-Authenticate") == "" {
		t.Errorf("POST without a configured token: %d %s", code, body)
	}
}

// endless reads n bytes of the letter a.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	if e.n <= 0 {
		return 0, io.EOF
	}
	k := min(int64(len(p)), e.n)
	for i := range k {
		p[i] = 'a'
	}
	e.n -= k
	return int(k), nil
}

func TestBodyLimit(t *testing.T) {
	ts, st := newServer(t, "s3cret", 0) // the default limit, 16 MiB
	// 100 MB announced: refused before it is read.
	req, _ := http.NewRequestWithContext(t.Context(), "POST", ts.URL+"/api/documents", io.LimitReader(&endless{n: 100 << 20}, 100<<20))
	req.ContentLength = 100 << 20
	req.Header.Set("Authorization", "Bearer s3cret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(b), "too_large") {
		t.Errorf("100 MB body with its length: %d %s", resp.StatusCode, b)
	}
	// 100 MB streamed without a length: cut off at the limit.
	body := io.MultiReader(strings.NewReader(`{"text":"`), &endless{n: 100 << 20})
	code, _, b := do(t, "POST", ts.URL+"/api/documents", "s3cret", body)
	if code != http.StatusRequestEntityTooLarge {
		t.Errorf("100 MB body streamed: %d %.300s", code, b)
	}
	if docs, _, err := st.Stats(t.Context()); err != nil || docs != 0 {
		t.Errorf("after the refused bodies: %d documents, %v", docs, err)
	}
	// A body just under the limit with a record over the text limit is
	// answered per record.
	big := `{"text":"` + strings.Repeat("a", 2<<20) + `"}` + "\n" + `{"published":"2025-03-03","text":"Freedonian guns shelled Sylvania."}` + "\n"
	code, _, b = do(t, "POST", ts.URL+"/api/documents", "s3cret", bytes.NewReader([]byte(big)))
	if code != http.StatusMultiStatus || !strings.Contains(string(b), "too_large") || !strings.Contains(string(b), `"stored":1`) {
		t.Errorf("a record over the text limit: %d %.400s", code, b)
	}
}

func TestHealthAndMetrics(t *testing.T) {
	ts, st := newServer(t, "s3cret", 0)
	if code, _, body := do(t, "GET", ts.URL+"/healthz", "", nil); code != 200 || !strings.Contains(string(body), `"status":"ok"`) {
		t.Errorf("GET /healthz: %d %s", code, body)
	}
	do(t, "GET", ts.URL+"/api/events", "", nil)
	code, h, body := do(t, "GET", ts.URL+"/metrics", "", nil)
	for _, want := range []string{`parley_http_requests_total{route="GET /api/events",status="200"} 1`, "parley_documents 0",
		"parley_http_request_duration_seconds_bucket", "go_goroutines"} {
		if code != 200 || !strings.Contains(string(body), want) {
			t.Errorf("GET /metrics lacks %q (status %d)", want, code)
		}
	}
	if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("GET /metrics Content-Type %q", ct)
	}
	st.Close()
	if code, _, body := do(t, "GET", ts.URL+"/healthz", "", nil); code != http.StatusServiceUnavailable {
		t.Errorf("GET /healthz with the store closed: %d %s", code, body)
	}
}

// TestPostURLRefused checks that a posted URL on this machine is refused,
// saying why and what to do, when fetching from private addresses is off.
func TestPostURLRefused(t *testing.T) {
	st, err := sqlite.Open(t.Context(), sqlite.Memory)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	read := func(ctx context.Context, name string, r io.Reader) iter.Seq2[*parley.Doc, error] {
		return ingest.ReadJSONL(ctx, name, r, ingest.Options{Fetcher: &ingest.Fetcher{Retries: -1}})
	}
	ts := httptest.NewServer(api.New(api.Config{Store: st, Pipeline: fakePipeline{}, Read: read, Token: "t"}))
	defer ts.Close()
	code, _, body := do(t, "POST", ts.URL+"/api/documents", "t", strings.NewReader(`{"url":"`+ts.URL+`/api/events"}`))
	if code != http.StatusBadRequest || !strings.Contains(string(body), "loopback address: refused") || !strings.Contains(string(body), "--allow-private") {
		t.Errorf("POST a URL on 127.0.0.1: %d %s", code, body)
	}
}

func TestExport(t *testing.T) {
	ts, _ := newServer(t, "s3cret", 0)
	if code, _, body := do(t, "POST", ts.URL+"/api/documents", "s3cret", strings.NewReader(story)); code != http.StatusCreated {
		t.Fatalf("POST: %d %s", code, body)
	}
	code, h, body := do(t, "GET", ts.URL+"/api/export?format=gdelt", "", nil)
	rows := strings.Split(strings.TrimSuffix(string(body), "\n"), "\n")
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/tab-separated-values") ||
		!strings.Contains(h.Get("Content-Disposition"), `filename="parley-events.tsv"`) || len(rows) != 2 {
		t.Fatalf("GET /api/export?format=gdelt: %d %v\n%s", code, h, body)
	}
	// Newest first: the event of 9 March, then the one reported three times.
	f := strings.Split(rows[1], "\t")
	if len(f) != 61 || f[1] != "20250303" || f[26] != "195" || f[31] != "3" || f[32] != "3" || f[33] != "3" {
		t.Errorf("the fused event's row: %q", f)
	}
	code, h, body = do(t, "GET", ts.URL+"/api/export?format=csv&actor=SYL&limit=1", "", nil)
	if code != 200 || !strings.HasPrefix(string(body), "id,doc_id,") || strings.Count(string(body), "\n") != 2 ||
		!strings.Contains(h.Get("Link"), `rel="next"`) || h.Get("X-Next-Cursor") == "" {
		t.Errorf("GET /api/export?format=csv&limit=1: %d %v\n%s", code, h, body)
	}
	code, _, body = do(t, "GET", ts.URL+"/api/export?format=parquet", "", nil)
	if code != 200 || !bytes.HasPrefix(body, []byte("PAR1")) || !bytes.HasSuffix(body, []byte("PAR1")) {
		t.Errorf("GET /api/export?format=parquet: %d, %d bytes", code, len(body))
	}
	code, _, body = do(t, "GET", ts.URL+"/api/export?format=plover&min_articles=3", "", nil)
	var p struct {
		EventType   string `json:"event_type"`
		NumArticles int    `json:"num_articles"`
	}
	if code != 200 || json.Unmarshal(body, &p) != nil || p.EventType != "ASSAULT" || p.NumArticles != 3 {
		t.Errorf("GET /api/export?format=plover: %d %s", code, body)
	}
	for _, q := range []string{"format=xls", "limit=20000", "bogus=1"} {
		if code, _, body := do(t, "GET", ts.URL+"/api/export?"+q, "", nil); code != http.StatusBadRequest {
			t.Errorf("GET /api/export?%s: %d %s", q, code, body)
		}
	}
}
