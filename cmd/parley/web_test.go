package main

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// newsSite serves two news pages written for these tests and a feed of
// four items: the two pages, an item with neither link nor text, and a
// link where nothing listens.
func newsSite(t *testing.T) *httptest.Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := "http://" + ln.Addr().String() + "/nothing"
	ln.Close()
	pages := map[string][2]string{
		"/world/shelling": {"Border city shelled", "Russian artillery shelled the Ukrainian city of Kharkiv on Monday, the regional governor said. Three people were wounded and a school was damaged in the attack, which began before dawn and lasted about an hour. By the afternoon, emergency crews had brought electricity back to most districts."},
		"/world/talks":    {"Envoys meet in Geneva", "The French foreign minister met his German counterpart in Berlin on Wednesday to discuss support for Ukraine. The two ministers agreed to coordinate their plans for the coming months, officials said after the meeting, which lasted three hours and ended with a short statement to reporters."},
	}
	mux := http.NewServeMux()
	var ts *httptest.Server
	mux.HandleFunc("/world/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>World</title>
<item><title>Border city shelled</title><link>%[1]s/world/shelling</link><pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate></item>
<item><title>Teaser</title><description>More soon.</description></item>
<item><title>Lost</title><link>%[2]s</link></item>
<item><title>Envoys meet</title><link>%[1]s/world/talks</link><pubDate>Thu, 06 Mar 2025 09:00:00 GMT</pubDate></item>
</channel></rss>`, ts.URL, dead)
	})
	for path, pg := range pages {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, `<html><head><title>%s</title></head><body><nav><a href="/">Home</a></nav><article><h1>%s</h1><p>%s</p></article><footer>Site footer</footer></body></html>`,
				pg[0], pg[0], pg[1])
		})
	}
	ts = httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return ts
}

// TestIngestFeed checks issue 7's bars for web ingest: a feed with one
// broken item and one unreachable link stores the rest and reports both;
// an address on this machine is refused without --allow-private.
func TestIngestFeed(t *testing.T) {
	ts := newsSite(t)
	db := filepath.Join(t.TempDir(), "w.db")
	feed := ts.URL + "/world/feed.xml"
	code, _, errOut := run(t, "", "ingest", "--db", db, feed)
	if code != exitFailed || !strings.Contains(errOut, "127.0.0.1 is a loopback address: refused") || !strings.Contains(errOut, "--allow-private") {
		t.Errorf("ingest of a local feed without --allow-private: status %d, stderr %q", code, errOut)
	}
	code, _, errOut = run(t, "", "ingest", "--allow-private", "--db", db, feed)
	for _, want := range []string{feed + "#item2", "no link", feed + "#item3", "connection refused", "2 documents stored (2 new, 0 already stored), 2 failed"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("ingest --allow-private: stderr lacks %q:\n%s", want, errOut)
		}
	}
	if code != exitFailed {
		t.Errorf("ingest --allow-private: status %d, want %d", code, exitFailed)
	}
	code, out, _ := run(t, "", "docs", "--db", db)
	if code != 0 || !strings.Contains(out, "Border city shelled") || !strings.Contains(out, "Envoys meet in Geneva") || !strings.Contains(out, "2025-03-04") {
		t.Errorf("docs after the feed: status %d:\n%s", code, out)
	}
	code, out, _ = run(t, "", "events", "--db", db, "--actor", "RUS")
	if code != 0 || !strings.Contains(out, "RUSMIL") {
		t.Errorf("events of the feed: status %d:\n%s", code, out)
	}

	// Watching the feed once more finds nothing new.
	code, _, errOut = run(t, "", "watch", "--once", "--allow-private", "--db", db, feed)
	if !strings.Contains(errOut, "poll 1 at") || !strings.Contains(errOut, "0 new, 2 already stored, 2 failed") || code != exitFailed {
		t.Errorf("watch --once: status %d, stderr %q", code, errOut)
	}
	if code, _, errOut := run(t, "", "watch", "--every", "5s", feed); code != exitUsage || !strings.Contains(errOut, "too often") {
		t.Errorf("watch --every 5s: status %d, stderr %q", code, errOut)
	}
}
