package api

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/parley-events/parley"
)

// The web UI: server-rendered pages (html/template, which escapes every
// value it prints), one style sheet, no scripts; charts and the map are SVG
// drawn on the server.
//
//	GET /                the events, filtered as /api/events is: a timeline of
//	                     events per day stacked by QuadClass, a world map of
//	                     their places, the dyads (who acts on whom), and the
//	                     list, newest first, in pages
//	GET /events/{id}     one event: its code, actors, modality, date, place and
//	                     every mention, the sentence shown with its source,
//	                     trigger and target marked, and the pattern that fired
//	GET /deadlines       deadlines by due date, pending or overdue
//	GET /static/…        the style sheet
//
// The world map is derived from Natural Earth's 1:110m outlines
// (api/static/world.tsv; go generate ./api rebuilds it).
//
//go:generate go run ./internal/worldgen -topo ../../shared/data/geo/countries-110m.json -countries ../../shared/data/geo/world-countries.json -out static/world.tsv

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static/style.css static/world.tsv
var staticFS embed.FS

// uiCSP is the UI's Content-Security-Policy: its own style sheet, no
// scripts, no frames, forms only to itself.
const uiCSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// chartSample is how many of the newest matching events the charts
// summarise.
const chartSample = 2000

// uiPage is the number of events a page of the list shows.
const uiPage = 50

var (
	pages = template.Must(template.New("").Funcs(template.FuncMap{
		"day": func(t time.Time) string { return dayOf(t) },
		"date": func(t time.Time, precision string) string {
			if t.IsZero() {
				return "undated"
			}
			return parley.DateText(t, precision)
		},
		"quadName": quadName,
		"list":     func(xs ...string) []string { return xs },
		"plural": func(n int, noun string) string {
			if n == 1 {
				return "1 " + noun
			}
			return fmt.Sprintf("%d %ss", n, noun)
		},
	}).ParseFS(templateFS, "templates/*.html"))
	worldOnce sync.Once
	world     []country
)

// country is one outline of the world map.
type country struct {
	Code, Name, Path string
}

func loadWorld() []country {
	worldOnce.Do(func() {
		b, _ := staticFS.ReadFile("static/world.tsv")
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			f := strings.SplitN(sc.Text(), "\t", 3)
			if len(f) == 3 {
				world = append(world, country{f[0], f[1], f[2]})
			}
		}
	})
	return world
}

func dayOf(t time.Time) string {
	if t.IsZero() {
		return "undated"
	}
	return t.Format(time.DateOnly)
}

func quadName(q int) string {
	switch q {
	case 1:
		return "verbal cooperation"
	case 2:
		return "material cooperation"
	case 3:
		return "verbal conflict"
	case 4:
		return "material conflict"
	}
	return "unknown"
}

// uiRoutes adds the UI's routes to s.
func (s *Server) uiRoutes(add func(pattern, csp string, h http.HandlerFunc)) {
	add("GET /{$}", uiCSP, s.uiIndex)
	add("GET /events/{id}", uiCSP, s.uiEvent)
	add("GET /deadlines", uiCSP, s.uiDeadlines)
	static, _ := fs.Sub(staticFS, "static")
	files := http.FileServerFS(static)
	add("GET /static/style.css", uiCSP, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		http.StripPrefix("/static/", files).ServeHTTP(w, r)
	})
}

// render writes a page, or a plain error if the template fails.
func (s *Server) render(w http.ResponseWriter, status int, name string, data any) {
	var b bytes.Buffer
	if err := pages.ExecuteTemplate(&b, name, data); err != nil {
		s.cfg.Logger.Error("template", "page", name, "error", err)
		http.Error(w, "the page could not be drawn", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// filterForm is the filter form's values, as the user typed them.
type filterForm struct {
	Actor, Source, Target, Code, Quad, Mode, Country, Place, Since, Until, MinArticles, Words string
}

// query returns the form as URL query parameters (empty ones left out),
// plus extra.
func (f filterForm) query(extra ...string) string {
	v := url.Values{}
	for _, kv := range [][2]string{{"actor", f.Actor}, {"source", f.Source}, {"target", f.Target}, {"code", f.Code},
		{"quad", f.Quad}, {"mode", f.Mode}, {"country", f.Country}, {"place", f.Place}, {"since", f.Since}, {"until", f.Until}, {"min_articles", f.MinArticles},
		{"q", f.Words}} {
		if kv[1] != "" {
			v.Set(kv[0], kv[1])
		}
	}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	return v.Encode()
}

type indexPage struct {
	Export   template.URL // the filters as a query, for the export links
	Nav      string
	Form     filterForm
	Error    string
	Events   []parley.FusedEvent
	Sample   int  // events the charts summarise
	Capped   bool // the sample hit chartSample
	Next     string
	Timeline timeline
	Map      worldMap
	Dyads    []dyad
	Codes    func(string) string
}

type dyad struct {
	Source, Target string
	Events         int
	Link           string
}

type timeline struct {
	Bars          []bar
	First, Last   string
	Bin           string // "day" or "week"
	Max           int
	Undated       int
	Width, Height int
}

type bar struct {
	Rects []rect
	Title string
}

type rect struct {
	X, Y, W, H float64
	Class      string
}

type worldMap struct {
	Countries []mapCountry
	Dots      []dot
	Placed    int
}

type mapCountry struct {
	Path, Name, Class, Title string
}

type dot struct {
	X, Y, R float64
	Title   string
}

func (s *Server) uiIndex(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	form := filterForm{q.Get("actor"), q.Get("source"), q.Get("target"), q.Get("code"), q.Get("quad"), q.Get("mode"),
		q.Get("country"), q.Get("place"), q.Get("since"), q.Get("until"), q.Get("min_articles"), q.Get("q")}
	page := indexPage{Nav: "events", Form: form, Codes: s.describe, Export: template.URL(form.query())}
	// Read the filters as the API does (the UI's extra parameter, the
	// cursor, is the API's too).
	f, err := fusedFilter(r)
	if err != nil {
		page.Error = strings.TrimPrefix(err.Error(), "api: invalid input: ")
		s.render(w, http.StatusBadRequest, "index", page)
		return
	}
	f.Limit = uiPage
	if page.Events, err = s.cfg.Store.Fused(r.Context(), f); err != nil {
		s.uiError(w, err)
		return
	}
	if len(page.Events) == uiPage {
		page.Next = "/?" + form.query("cursor", page.Events[len(page.Events)-1].Cursor())
	}
	g := f
	g.After, g.Limit = "", chartSample
	sample, err := s.cfg.Store.Fused(r.Context(), g)
	if err != nil {
		s.uiError(w, err)
		return
	}
	page.Sample, page.Capped = len(sample), len(sample) == chartSample
	page.Timeline = drawTimeline(sample)
	page.Map = drawMap(sample)
	page.Dyads = topDyads(sample, form)
	s.render(w, http.StatusOK, "index", page)
}

// describe returns the CAMEO description of a code, if the server knows it.
func (s *Server) describe(code string) string {
	if s.cfg.Describe == nil {
		return ""
	}
	return s.cfg.Describe(code)
}

func (s *Server) uiError(w http.ResponseWriter, err error) {
	status := statusOf(err)
	s.render(w, status, "error", struct {
		Nav, Title, Message string
	}{"", http.StatusText(status), err.Error()})
}

// drawTimeline stacks the events per day (per week over more than half a
// year) by QuadClass.
func drawTimeline(events []parley.FusedEvent) timeline {
	t := timeline{Width: 600, Height: 150, Bin: "day"}
	var lo, hi time.Time
	for _, e := range events {
		if e.Date.IsZero() {
			t.Undated++
			continue
		}
		if lo.IsZero() || e.Date.Before(lo) {
			lo = e.Date
		}
		if e.Date.After(hi) {
			hi = e.Date
		}
	}
	if lo.IsZero() {
		return t
	}
	lo, hi = lo.Truncate(24*time.Hour), hi.Truncate(24*time.Hour)
	// Bins of a day, a week over half a year, a month over three years.
	months := func(t time.Time) int { return t.Year()*12 + int(t.Month()) - 1 }
	bin := func(t time.Time) int { return int(t.Sub(lo) / (24 * time.Hour)) }
	start := func(i int) time.Time { return lo.AddDate(0, 0, i) }
	switch span := hi.Sub(lo); {
	case span > 3*366*24*time.Hour:
		t.Bin = "month"
		bin = func(t time.Time) int { return months(t) - months(lo) }
		start = func(i int) time.Time { return time.Date(lo.Year(), lo.Month()+time.Month(i), 1, 0, 0, 0, 0, time.UTC) }
	case span > 183*24*time.Hour:
		t.Bin = "week"
		bin = func(t time.Time) int { return int(t.Sub(lo) / (7 * 24 * time.Hour)) }
		start = func(i int) time.Time { return lo.AddDate(0, 0, 7*i) }
	}
	n := bin(hi) + 1
	counts := make([][5]int, n)
	for _, e := range events {
		if e.Date.IsZero() {
			continue
		}
		q := min(max(e.QuadClass, 0), 4)
		counts[bin(e.Date)][q]++
	}
	for _, c := range counts {
		t.Max = max(t.Max, c[0]+c[1]+c[2]+c[3]+c[4])
	}
	const top, bottom = 4.0, 16.0
	w := float64(t.Width) / float64(n)
	scale := (float64(t.Height) - top - bottom) / float64(t.Max)
	for i, c := range counts {
		x := float64(i) * w
		y := float64(t.Height) - bottom
		var b bar
		var parts []string
		for q := 1; q <= 4; q++ {
			if c[q] == 0 {
				continue
			}
			h := float64(c[q]) * scale
			y -= h
			b.Rects = append(b.Rects, rect{round1(x), round1(y), round1(max(w-0.5, 0.5)), round1(h), fmt.Sprintf("q%d", q)})
			parts = append(parts, fmt.Sprintf("%d %s", c[q], quadName(q)))
		}
		if len(b.Rects) == 0 {
			continue
		}
		b.Title = t.Bin + " of " + start(i).Format(time.DateOnly) + ": " + strings.Join(parts, ", ")
		t.Bars = append(t.Bars, b)
	}
	t.First, t.Last = lo.Format(time.DateOnly), hi.Format(time.DateOnly)
	return t
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// drawMap shades each country by the events placed in it and puts a dot
// on each place, sized by its mentions.
func drawMap(events []parley.FusedEvent) worldMap {
	var m worldMap
	per := map[string]int{}
	type key struct{ lat, lon float64 }
	places := map[key]*dot{}
	var order []key
	for _, e := range events {
		if e.Place == nil {
			continue
		}
		m.Placed++
		per[e.Place.Country]++
		k := key{e.Place.Lat, e.Place.Lon}
		d, ok := places[k]
		if !ok {
			d = &dot{X: round1(e.Place.Lon + 180), Y: round1(90 - e.Place.Lat)}
			places[k] = d
			order = append(order, k)
		}
		d.R += float64(e.NumMentions)
		if d.Title == "" {
			d.Title = e.Place.Name
		}
	}
	most := 0
	for _, n := range per {
		most = max(most, n)
	}
	for _, c := range loadWorld() {
		mc := mapCountry{Path: c.Path, Name: c.Name, Class: "country", Title: c.Name}
		if n := per[c.Code]; n > 0 {
			mc.Class = fmt.Sprintf("country h%d", 1+3*n/(most+1))
			mc.Title = fmt.Sprintf("%s: %d events", c.Name, n)
		}
		m.Countries = append(m.Countries, mc)
	}
	for _, k := range order {
		d := places[k]
		mentions := d.R
		d.R = round1(0.8 + math.Log1p(mentions))
		d.Title = fmt.Sprintf("%s: %.0f mentions", d.Title, mentions)
		m.Dots = append(m.Dots, *d)
	}
	return m
}

// topDyads counts who acts on whom, most events first.
func topDyads(events []parley.FusedEvent, form filterForm) []dyad {
	n := map[[2]string]int{}
	for _, e := range events {
		n[[2]string{e.Source, e.Target}]++
	}
	var out []dyad
	for k, c := range n {
		f := form
		f.Actor, f.Source, f.Target = "", k[0], k[1]
		out = append(out, dyad{Source: k[0], Target: k[1], Events: c, Link: "/?" + f.query()})
	}
	slices.SortFunc(out, func(a, b dyad) int {
		return cmp.Or(b.Events-a.Events, strings.Compare(a.Source, b.Source), strings.Compare(a.Target, b.Target))
	})
	return out[:min(len(out), 15)]
}

// segment is a piece of a sentence, marked as the event's source, target
// or trigger, or plain.
type segment struct {
	Text, Class string
}

type mentionView struct {
	parley.Mention
	Segments   []segment
	ReportedBy string
}

type eventPage struct {
	Nav         string
	Event       *parley.FusedEvent
	Description string
	Mentions    []mentionView
}

func (s *Server) uiEvent(w http.ResponseWriter, r *http.Request) {
	e, err := s.cfg.Store.FusedEvent(r.Context(), r.PathValue("id"))
	if err != nil {
		s.uiError(w, err)
		return
	}
	page := eventPage{Nav: "events", Event: e, Description: s.describe(e.Code)}
	docs := map[string]*parley.Doc{}
	for _, m := range e.Mentions {
		d, ok := docs[m.DocID]
		if !ok {
			d, _ = s.cfg.Store.Doc(r.Context(), m.DocID) // nil: shown without its actors marked
			docs[m.DocID] = d
		}
		page.Mentions = append(page.Mentions, mentionView{Mention: m, Segments: marks(d, m), ReportedBy: m.ReportedBy})
	}
	s.render(w, http.StatusOK, "event", page)
}

// marks cuts the sentence of m into segments, marking its source, target
// and trigger (byte spans of the document d, which may be nil).
func marks(d *parley.Doc, m parley.Mention) []segment {
	text, base := m.SentenceText, m.SentenceBytes.Start
	type span struct {
		start, end int
		class      string
	}
	var spans []span
	add := func(start, end int, class string) {
		start, end = start-base, end-base
		if start >= 0 && end <= len(text) && start < end {
			spans = append(spans, span{start, end, class})
		}
	}
	if !m.TriggerBytes.Empty() {
		add(m.TriggerBytes.Start, m.TriggerBytes.End, "trigger")
	}
	if d != nil {
		for _, a := range []struct {
			ref   int
			class string
		}{{m.SourceRef, "source"}, {m.TargetRef, "target"}} {
			if a.ref < 0 || a.ref >= len(d.Actors) {
				continue
			}
			t := d.Actors[a.ref].Tokens
			if t.Start >= 0 && t.End <= len(d.Tokens) && t.Start < t.End {
				add(d.Tokens[t.Start].Start, d.Tokens[t.End-1].End, a.class)
			}
		}
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Or(a.start-b.start, b.end-a.end) })
	var out []segment
	at := 0
	for _, sp := range spans {
		if sp.start < at { // overlaps a span already marked
			continue
		}
		if sp.start > at {
			out = append(out, segment{Text: text[at:sp.start]})
		}
		out = append(out, segment{Text: text[sp.start:sp.end], Class: sp.class})
		at = sp.end
	}
	if at < len(text) {
		out = append(out, segment{Text: text[at:]})
	}
	return out
}

type deadlineView struct {
	parley.Deadline
	Status, Sentence string
}

func (s *Server) uiDeadlines(w http.ResponseWriter, r *http.Request) {
	list, err := s.cfg.Store.Deadlines(r.Context(), parley.DeadlineFilter{Limit: 500})
	if err != nil {
		s.uiError(w, err)
		return
	}
	now := s.cfg.Now().UTC()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	docs := map[string]*parley.Doc{}
	var out []deadlineView
	for _, dl := range list {
		v := deadlineView{Deadline: dl, Status: "pending"}
		if dl.Due.Before(today) {
			v.Status = "overdue"
		}
		d, ok := docs[dl.DocID]
		if !ok {
			d, _ = s.cfg.Store.Doc(context.WithoutCancel(r.Context()), dl.DocID)
			docs[dl.DocID] = d
		}
		if d != nil && dl.Sentence >= 0 && dl.Sentence < len(d.Sentences) {
			v.Sentence = d.SentenceText(dl.Sentence)
		}
		out = append(out, v)
	}
	s.render(w, http.StatusOK, "deadlines", struct {
		Nav       string
		Deadlines []deadlineView
		Today     string
	}{"deadlines", out, today.Format(time.DateOnly)})
}
