package ingest

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parley-events/parley"
)

// page returns a news page written for these tests, with clutter around
// its article.
func page(title, published, body string) string {
	return `<!doctype html><html lang="en"><head><title>` + title + ` | The Test Herald</title>
<meta property="og:site_name" content="The Test Herald">
<meta property="article:published_time" content="` + published + `">
<meta name="author" content="Jo Reporter"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>` + title + `</h1>` + body + `</article>
<aside><h3>Most read</h3><ul><li><a href="/x">A cat rescued from a tree</a></li></ul></aside>
<footer>Copyright The Test Herald. All rights reserved.</footer></body></html>`
}

const shellingBody = `<p>Freedonian artillery shelled the Sylvanian border town of Marsk on Monday, local officials said,
wounding three people and damaging the main bridge over the river.</p>
<p>The governor of the region said the attack began shortly after midnight and lasted for about two hours.
Emergency crews worked through the morning to restore power to the eastern districts of the town.</p>
<p>Sylvania's foreign ministry summoned the Freedonian ambassador to protest against what it called a
deliberate attack on civilians, and demanded an immediate end to the shelling of border areas.</p>
<p>Freedonia's defence ministry did not respond to a request for comment on Monday evening.</p>`

const talksBody = `<p>Envoys of Freedonia and Sylvania will meet in Geneva next week to discuss a ceasefire along their
shared border, the Swiss foreign ministry said on Tuesday.</p>
<p>The talks, the first between the two governments in more than a year, are expected to last two days
and to address the exchange of prisoners as well as the reopening of two crossing points.</p>
<p>Diplomats on both sides said they expected no breakthrough, but described the meeting as a necessary
first step after months of shelling that has displaced thousands of residents on both sides of the line.</p>`

// server serves the pages, feeds and failures the tests ask for.
func server(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var flaky atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/news/shelling", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") != DefaultUserAgent {
			http.Error(w, "who are you?", http.StatusForbidden)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page("Border town shelled", "2025-03-04T09:30:00Z", shellingBody))
	})
	mux.HandleFunc("/news/talks", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, page("Envoys to meet in Geneva", "2025-03-04T12:00:00Z", talksBody))
	})
	mux.HandleFunc("/news/flaky", func(w http.ResponseWriter, r *http.Request) {
		if flaky.Add(1) < 3 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, page("Envoys to meet in Geneva", "2025-03-04T12:00:00Z", talksBody))
	})
	mux.HandleFunc("/news/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, strings.Repeat("<p>filler</p>", 100000))
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusNotFound) })
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	dead := deadURL(t)
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, feedXML(ts.URL, dead))
	})
	return ts, &flaky
}

// deadURL returns a URL on this machine where nothing listens.
func deadURL(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "http://" + addr + "/nothing"
}

// feedXML is an RSS feed of four items: two good links, one item with
// neither a link nor text of its own, and one link where nothing listens.
func feedXML(base, dead string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test Herald: World</title><link>` + base + `</link>
<item><title>Border town shelled</title><link>` + base + `/news/shelling</link><guid>s-1</guid>
<pubDate>Tue, 04 Mar 2025 09:30:00 GMT</pubDate></item>
<item><title>A teaser</title><description>Too short.</description></item>
<item><title>Lost</title><link>` + dead + `</link></item>
<item><title>Envoys to meet in Geneva</title><link>` + base + `/news/talks</link>
<pubDate>Tue, 04 Mar 2025 12:00:00 GMT</pubDate></item>
</channel></rss>`
}

func fetcher() *Fetcher { return &Fetcher{AllowPrivate: true, Retries: -1, Timeout: 5 * time.Second} }

func TestReadHTMLPage(t *testing.T) {
	ts, _ := server(t)
	got := collect(Read(t.Context(), []string{ts.URL + "/news/shelling"}, Options{Fetcher: fetcher()}))
	if len(got) != 1 || got[0].err != nil {
		t.Fatalf("got %+v", got)
	}
	d := got[0].doc
	for _, bad := range []string{"Most read", "Copyright", "Home", "cat rescued", "<p>"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("text keeps clutter %q:\n%s", bad, d.Text)
		}
	}
	if !strings.HasPrefix(d.Text, "Freedonian artillery shelled") || !strings.Contains(d.Text, "bridge over the river.\n\nThe governor") {
		t.Errorf("text:\n%s", d.Text)
	}
	if d.Title != "Border town shelled" || d.Source != "The Test Herald" || d.URL != ts.URL+"/news/shelling" ||
		d.Published != time.Date(2025, 3, 4, 9, 30, 0, 0, time.UTC) || d.Language != "en" || d.Meta["byline"] != "Jo Reporter" ||
		d.ID != parley.Hash(d.Text) || d.Origin != ts.URL+"/news/shelling" {
		t.Errorf("doc %+v", *d)
	}
}

// TestFeed checks issue 7's bar: a feed with one broken item and one
// unreachable link yields the other articles and an error for each of
// the two, naming the feed and the item.
func TestFeed(t *testing.T) {
	ts, _ := server(t)
	check := func(name string, got []item) {
		t.Helper()
		var docs, errs []string
		for _, it := range got {
			if it.err != nil {
				errs = append(errs, it.err.Error())
				continue
			}
			docs = append(docs, it.doc.Title+" "+it.doc.Published.Format(time.RFC3339))
		}
		want := []string{"Border town shelled 2025-03-04T09:30:00Z", "Envoys to meet in Geneva 2025-03-04T12:00:00Z"}
		if strings.Join(docs, "|") != strings.Join(want, "|") {
			t.Errorf("%s: documents %q, want %q", name, docs, want)
		}
		if len(errs) != 2 || !strings.Contains(errs[0], name+"#item2") || !strings.Contains(errs[0], "no link") ||
			!strings.Contains(errs[1], name+"#item3") || !strings.Contains(errs[1], "refused") {
			t.Errorf("%s: errors %q; want one naming item 2 (no link) and one naming item 3 (refused)", name, errs)
		}
	}
	check(ts.URL+"/feed.rss", collect(Read(t.Context(), []string{ts.URL + "/feed.rss"}, Options{Fetcher: fetcher()})))

	// The same feed saved as a file: its links are fetched.
	file := filepath.Join(t.TempDir(), "world.rss")
	if err := os.WriteFile(file, []byte(feedXML(ts.URL, deadURL(t))), 0o644); err != nil {
		t.Fatal(err)
	}
	check(file, collect(Read(t.Context(), []string{file}, Options{Fetcher: fetcher()})))

	// Without a fetcher the links are errors, each named.
	got := collect(Read(t.Context(), []string{file}, Options{}))
	if len(got) != 4 || got[0].err == nil || !strings.Contains(got[0].err.Error(), "fetching is off") {
		t.Errorf("without a fetcher: %+v", got)
	}
}

func TestFetchRefusesPrivate(t *testing.T) {
	ts, _ := server(t)
	_, err := (&Fetcher{Retries: -1}).Fetch(t.Context(), ts.URL+"/news/shelling")
	if parley.KindOf(err) != parley.Invalid || !strings.Contains(err.Error(), "loopback") || !strings.Contains(err.Error(), "--allow-private") {
		t.Errorf("fetching 127.0.0.1 without AllowPrivate: %v", err)
	}
	for _, u := range []string{"http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "http://[::1]:9/", "http://0.0.0.0:9/"} {
		_, err := (&Fetcher{Retries: -1, Timeout: 2 * time.Second}).Fetch(t.Context(), u)
		var ep errPrivate
		if !errors.As(err, &ep) {
			t.Errorf("Fetch(%s) = %v; want it refused", u, err)
		}
	}
	for _, u := range []string{"ftp://example.org/x", "file:///etc/passwd", "http:///nohost", "::"} {
		if _, err := (&Fetcher{}).Fetch(t.Context(), u); parley.KindOf(err) != parley.Invalid {
			t.Errorf("Fetch(%q) = %v; want Kind Invalid", u, err)
		}
	}
}

func TestFetchPolitely(t *testing.T) {
	ts, flaky := server(t)
	f := &Fetcher{AllowPrivate: true, Timeout: 5 * time.Second, MaxBytes: 512 << 10}
	p, err := f.Fetch(t.Context(), ts.URL+"/news/shelling")
	if err != nil || p.NotModified || len(p.Body) == 0 {
		t.Fatalf("first fetch: %+v, %v", p, err)
	}
	if p, err := f.Fetch(t.Context(), ts.URL+"/news/shelling"); err != nil || !p.NotModified {
		t.Errorf("second fetch: %+v, %v; want not modified", p, err)
	}
	if _, err := f.Fetch(t.Context(), ts.URL+"/loop"); err == nil || !strings.Contains(err.Error(), "redirects") {
		t.Errorf("redirect loop: %v", err)
	}
	if _, err := f.Fetch(t.Context(), ts.URL+"/news/huge"); parley.KindOf(err) != parley.TooLarge {
		t.Errorf("huge page: %v", err)
	}
	if _, err := f.Fetch(t.Context(), ts.URL+"/gone"); parley.KindOf(err) != parley.Invalid || !strings.Contains(err.Error(), "404") {
		t.Errorf("404: %v", err)
	}
	start := time.Now()
	if p, err := f.Fetch(t.Context(), ts.URL+"/news/flaky"); err != nil || len(p.Body) == 0 || flaky.Load() != 3 {
		t.Errorf("flaky page: %v after %d attempts", err, flaky.Load())
	}
	if d := time.Since(start); d < 500*time.Millisecond {
		t.Errorf("two retries took %v: no backoff", d)
	}
	flaky.Store(0)
	if _, err := (&Fetcher{AllowPrivate: true, Retries: -1}).Fetch(t.Context(), ts.URL+"/news/flaky"); parley.KindOf(err) != parley.Unavailable {
		t.Errorf("flaky page without retries: %v", err)
	}
}

func TestJSONLWithURL(t *testing.T) {
	ts, _ := server(t)
	in := `{"id":"r1","url":"` + ts.URL + `/news/talks","source":"Wire Two","published":"2025-03-05"}
{"id":"r2","url":"` + ts.URL + `/gone"}
{"id":"r3","text":"Its own text."}
`
	got := collect(ReadJSONL(t.Context(), "in.jsonl", strings.NewReader(in), Options{Fetcher: fetcher()}))
	if len(got) != 3 || got[0].err != nil || got[1].err == nil || got[2].err != nil {
		t.Fatalf("got %+v", got)
	}
	d := got[0].doc
	if !strings.HasPrefix(d.Text, "Envoys of Freedonia") || d.Source != "Wire Two" || d.SourceID != "r1" || d.Title != "Envoys to meet in Geneva" ||
		d.Published != time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC) || d.Origin != "in.jsonl:1" {
		t.Errorf("fetched record: %+v", *d)
	}
	if e := got[1].err.Error(); !strings.Contains(e, "in.jsonl:2") || !strings.Contains(e, "404") {
		t.Errorf("record with a dead URL: %v", e)
	}
	// Without fetching, a record without text is an error, as before.
	got = collect(ReadJSONL(t.Context(), "in.jsonl", strings.NewReader(in), Options{}))
	if len(got) != 3 || got[0].err == nil || !strings.Contains(got[0].err.Error(), `no "text" field`) {
		t.Errorf("without a fetcher: %+v", got)
	}
}

func TestWatcher(t *testing.T) {
	ts, _ := server(t)
	w := &Watcher{Options: Options{Fetcher: fetcher()}}
	count := func() (docs, errs int) {
		for d, err := range w.Poll(t.Context(), []string{ts.URL + "/feed.rss"}) {
			if err != nil {
				errs++
			} else if d != nil {
				docs++
			}
		}
		return
	}
	if d, e := count(); d != 2 || e != 2 {
		t.Errorf("first poll: %d documents, %d errors; want 2, 2", d, e)
	}
	if d, e := count(); d != 0 || e != 1 {
		t.Errorf("second poll: %d documents, %d errors; want 0 new, and the unreachable link tried again", d, e)
	}
}

// FuzzReadHTML checks that any bytes read as a page give an article or an
// error, never a panic, and that an article's text is its own, trimmed and
// hashed.
func FuzzReadHTML(f *testing.F) {
	f.Add(page("Border town shelled", "2025-03-04T09:30:00Z", shellingBody))
	f.Add("<html><body><p>short</p></body></html>")
	f.Add("<p>" + strings.Repeat("word ", 200) + "</p><script>x</script>")
	f.Add("\xff\xfe<html>")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ReadHTML("fuzz.html", strings.NewReader(s), "http://example.org/a", Options{})
		if err != nil {
			if d != nil || parley.KindOf(err) == parley.Other {
				t.Fatalf("error %v with doc %v", err, d)
			}
			return
		}
		if d.Text == "" || d.Text != strings.TrimSpace(d.Text) || d.ID != parley.Hash(d.Text) {
			t.Fatalf("bad document: %+v", d)
		}
	})
}

// FuzzParseFeed checks that any bytes read as a feed give a feed or an
// error, never a panic.
func FuzzParseFeed(f *testing.F) {
	f.Add(feedXML("http://example.org", "http://example.org/dead"))
	f.Add(`{"version":"https://jsonfeed.org/version/1","items":[{"id":"1","content_text":"x"}]}`)
	f.Add(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title></entry></feed>`)
	f.Fuzz(func(t *testing.T, s string) {
		feed, err := ParseFeed("fuzz.xml", strings.NewReader(s))
		if (feed == nil) == (err == nil) {
			t.Fatalf("feed %v, error %v", feed, err)
		}
		if err == nil {
			got := collect(func(yield func(*parley.Doc, error) bool) {
				feedItems(t.Context(), "fuzz.xml", feed, Options{}, nil, yield)
			})
			for _, it := range got {
				if (it.doc == nil) == (it.err == nil) {
					t.Fatalf("item %+v", it)
				}
			}
		}
	})
}
