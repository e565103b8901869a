package api_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/parley-events/parley"
)

func TestUI(t *testing.T) {
	ts, _ := newServer(t, "s3cret", 0)
	hostile := `{"source":"<b>Evil Wire</b>","title":"<script>alert(1)</script>","published":"2025-03-03T22:00:00Z","text":"Freedonian guns shelled Sylvania <img src=x onerror=alert(2)> again."}` + "\n"
	if code, _, body := do(t, "POST", ts.URL+"/api/documents", "s3cret", strings.NewReader(story+hostile)); code != http.StatusCreated {
		t.Fatalf("POST: %d %s", code, body)
	}
	code, h, body := do(t, "GET", ts.URL+"/", "", nil)
	page := string(body)
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /: %d %s", code, h.Get("Content-Type"))
	}
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "style-src 'self'") || strings.Contains(csp, "script") {
		t.Errorf("GET / Content-Security-Policy %q", csp)
	}
	for _, want := range []string{"<svg", `class="q4"`, `class="country`, "FRDMIL", "SYLMIL", "Who acts on whom", "4 / 4 / 4", `href="/events/`} {
		if !strings.Contains(page, want) {
			t.Errorf("GET / lacks %q", want)
		}
	}
	if strings.Contains(page, "<script") {
		t.Errorf("GET / carries a script")
	}
	// Filtering by actor keeps that actor's events only, and the
	// download links carry the filter.
	_, _, body = do(t, "GET", ts.URL+"/?source=SYLMIL", "", nil)
	if rows := strings.Count(string(body), `href="/events/`); rows != 1 || !strings.Contains(string(body), `value="SYLMIL"`) ||
		!strings.Contains(string(body), `href="/api/export?source=SYLMIL&amp;format=gdelt"`) {
		t.Errorf("GET /?source=SYLMIL: %d event rows, or no GDELT link with the filter", rows)
	}
	code, _, body = do(t, "GET", ts.URL+"/?quad=9", "", nil)
	if code != http.StatusBadRequest || !strings.Contains(string(body), `class="error"`) || !strings.Contains(string(body), "quad") {
		t.Errorf("GET /?quad=9: %d", code)
	}

	// The event of the three reports: every sentence, with its source,
	// trigger and target marked.
	var list struct{ Events []parley.FusedEvent }
	_, _, body = do(t, "GET", ts.URL+"/api/events?min_articles=3", "", nil)
	if err := json.Unmarshal(body, &list); err != nil || len(list.Events) != 1 {
		t.Fatalf("the fused event: %s", body)
	}
	code, _, body = do(t, "GET", ts.URL+"/events/"+list.Events[0].ID, "", nil)
	page = string(body)
	if code != 200 || strings.Count(page, `<article class="mention">`) != 4 ||
		!strings.Contains(page, `<mark class="source">Freedonian</mark> guns <mark class="trigger">shelled</mark> <mark class="target">Sylvania</mark>`) ||
		!strings.Contains(page, "4 mentions in 4 articles from 4 outlets") || !strings.Contains(page, "fake shelled") {
		t.Errorf("GET /events/%s: %d\n%s", list.Events[0].ID, code, page)
	}
	// Everything the articles bring is escaped.
	for _, bad := range []string{"<script>alert(1)", "<b>Evil", "<img src=x"} {
		if strings.Contains(page, bad) {
			t.Errorf("the event page carries %q unescaped", bad)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(page, "&lt;img src=x onerror=alert(2)&gt;") {
		t.Errorf("the event page does not show the hostile text escaped")
	}
	code, _, body = do(t, "GET", ts.URL+"/events/nothing-0001", "", nil)
	if code != http.StatusNotFound || !strings.Contains(string(body), "Not Found") {
		t.Errorf("GET /events/nothing: %d", code)
	}
	code, _, body = do(t, "GET", ts.URL+"/deadlines", "", nil)
	if code != 200 || !strings.Contains(string(body), "Deadlines and ultimatums") {
		t.Errorf("GET /deadlines: %d", code)
	}
	code, h, body = do(t, "GET", ts.URL+"/static/style.css", "", nil)
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/css") || !regexp.MustCompile(`mark\.trigger`).Match(body) {
		t.Errorf("GET /static/style.css: %d %s", code, h.Get("Content-Type"))
	}
}
