package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"iter"
	"maps"
	"mime"
	"net/url"
	"regexp"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/mmcdole/gofeed"
	"github.com/parley-events/parley"
)

// More input formats for Options.Format.
const (
	FormatHTML = "html" // a web page: its main text, through readability
	FormatFeed = "feed" // an RSS, Atom or JSON feed: its items
)

// ReadHTML returns the article of a web page: the main text as Mozilla's
// Readability finds it (without menus, links lists and other clutter),
// paragraphs separated by blank lines; the title, the byline (in
// Meta["byline"]), the language, the site name as Source and the
// publication time the page declares (its metadata or JSON-LD), else
// Options.Published. pageURL, when known, resolves relative links and is
// the Doc's URL. Doc.Text is the extracted text, so offsets are into it,
// not into the HTML. A page without readable text is an error of Kind
// parley.Invalid.
func ReadHTML(name string, r io.Reader, pageURL string, opt Options) (*parley.Doc, error) {
	limit := opt.maxBytes()
	b, err := io.ReadAll(io.LimitReader(r, 4*int64(limit)+1)) // markup is several times its text
	if err != nil {
		return nil, ioError(name, err)
	}
	if len(b) > 4*limit {
		return nil, &parley.Error{Op: op, Kind: parley.TooLarge, Input: name,
			Err: fmt.Errorf("page is over the limit of %d bytes", 4*limit)}
	}
	var base *url.URL
	if pageURL != "" {
		base, _ = url.Parse(pageURL)
	}
	art, err := readability.FromReader(bytes.NewReader(b), base)
	if err != nil {
		return nil, &parley.Error{Op: op, Kind: parley.Invalid, Input: name, Err: fmt.Errorf("no article in the page: %w", err)}
	}
	var text strings.Builder
	if art.Node != nil {
		if err := art.RenderText(&text); err != nil {
			return nil, &parley.Error{Op: op, Kind: parley.Invalid, Input: name, Err: err}
		}
	}
	body := tidyText(text.String())
	switch {
	case body == "":
		return nil, &parley.Error{Op: op, Kind: parley.Invalid, Input: name, Err: errors.New("no article text in the page")}
	case len(body) > limit:
		return nil, &parley.Error{Op: op, Kind: parley.TooLarge, Input: name,
			Err: fmt.Errorf("text is over the limit of %d bytes", limit)}
	}
	d := parley.NewDoc(body)
	d.Origin, d.URL, d.Language = name, pageURL, art.Language()
	d.Source = oneLine(art.SiteName())
	d.Title = siteless(oneLine(art.Title()), d.Source)
	if d.Source == "" && base != nil {
		d.Source = strings.TrimPrefix(base.Hostname(), "www.")
	}
	if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
		d.Published = t.UTC()
	} else if !opt.Published.IsZero() {
		d.Published = opt.Published.UTC()
	}
	if by := oneLine(art.Byline()); by != "" {
		d.Meta = map[string]string{"byline": by}
	}
	return d, nil
}

var (
	spaceRuns = regexp.MustCompile(`[ \t\f\v\x{a0}]+`)
	blankRuns = regexp.MustCompile(`\n[ \t]*(\n[ \t]*)+`)
)

// tidyText trims each line, joins runs of blank lines into one (a
// paragraph break) and trims the whole.
func tidyText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = spaceRuns.ReplaceAllString(s, " ")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	s = strings.Join(lines, "\n")
	s = blankRuns.ReplaceAllString(s, "\n\n")
	return strings.TrimSpace(s)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// siteless drops the site's name from the end of a page title ("Border
// town shelled | The Herald" → "Border town shelled").
func siteless(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		if t, ok := strings.CutSuffix(title, sep+site); ok && t != "" {
			return t
		}
	}
	return title
}

// Feed is a parsed feed.
type Feed struct {
	Title string
	Items []*gofeed.Item
}

// ParseFeed parses an RSS, Atom or JSON feed.
func ParseFeed(name string, r io.Reader) (*Feed, error) {
	f, err := gofeed.NewParser().Parse(r)
	if err != nil {
		return nil, &parley.Error{Op: op, Kind: parley.Invalid, Input: name, Err: fmt.Errorf("not a feed: %w", err)}
	}
	return &Feed{Title: f.Title, Items: f.Items}, nil
}

// minFeedText is how long an item's own text must be to stand as the
// article when the item has no link to fetch.
const minFeedText = 200

// feedItems yields the articles of a feed read from name: each item's
// linked page, fetched by opt.Fetcher and read by ReadHTML, with the
// item's title and date where the page lacks them; an item without a link
// stands for itself when its own text is long enough. An item that cannot
// be read yields an error naming the feed, the item's position and its
// link, and the next item is read. seen, when not nil, remembers the items
// read (by link, else by GUID or title) so that a later read of the feed
// skips them; an item that failed for a reason that may pass (a timeout,
// a server error) is not remembered, and is tried again.
func feedItems(ctx context.Context, name string, feed *Feed, opt Options, seen map[string]bool, yield func(*parley.Doc, error) bool) bool {
	for i, it := range feed.Items {
		if err := ctx.Err(); err != nil {
			yield(nil, err)
			return false
		}
		where := fmt.Sprintf("%s#item%d", name, i+1)
		link, key := itemLink(it), itemKey(it)
		if seen != nil && seen[key] {
			continue
		}
		d, err := feedItem(ctx, where, it, link, opt)
		if seen != nil && (err == nil || parley.KindOf(err) != parley.Unavailable) {
			seen[key] = true
		}
		if d == nil && err == nil {
			continue // not changed since it was last fetched
		}
		if d != nil && d.Title == "" {
			d.Title = oneLine(it.Title)
		}
		if d != nil && d.Published.IsZero() && it.PublishedParsed != nil {
			d.Published = it.PublishedParsed.UTC()
		}
		if !yield(d, err) {
			return false
		}
	}
	return true
}

// itemLink returns the link of a feed item, or "".
func itemLink(it *gofeed.Item) string {
	if l := strings.TrimSpace(it.Link); l != "" || len(it.Links) == 0 {
		return l
	}
	return strings.TrimSpace(it.Links[0])
}

// itemKey names a feed item across reads of its feed: its link, else its
// GUID, else its title.
func itemKey(it *gofeed.Item) string {
	if l := itemLink(it); l != "" {
		return l
	}
	return "guid:" + cmpOr(it.GUID, "title:"+it.Title)
}

func feedItem(ctx context.Context, where string, it *gofeed.Item, link string, opt Options) (*parley.Doc, error) {
	if link == "" {
		text := tidyText(stripTags(cmpOr(it.Content, it.Description)))
		if len(text) < minFeedText {
			return nil, &parley.Error{Op: op, Kind: parley.Invalid, Input: where,
				Err: errors.New("the item has no link and too little text of its own to stand as an article")}
		}
		d := parley.NewDoc(text)
		d.Origin = where
		d.SourceID = it.GUID
		return d, nil
	}
	if opt.Fetcher == nil {
		return nil, &parley.Error{Op: op, Kind: parley.Invalid, Input: where,
			Err: fmt.Errorf("item links to %s, and fetching is off", link)}
	}
	d, err := fetchDoc(ctx, opt.Fetcher, link, opt)
	if err != nil {
		return nil, &parley.Error{Op: op, Kind: parley.KindOf(err), Input: where, Err: fmt.Errorf("item link: %w", err)}
	}
	if d != nil {
		d.SourceID = cmpOr(it.GUID, link)
	}
	return d, nil
}

func cmpOr(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}

var (
	tags      = regexp.MustCompile(`(?s)<[^>]*>`)
	blockEnds = regexp.MustCompile(`(?i)</(p|div|h[1-6]|li|blockquote)>|<br\s*/?>`)
)

// stripTags turns an item's HTML into text: block ends become paragraph
// breaks, other tags go, entities are decoded.
func stripTags(s string) string {
	s = blockEnds.ReplaceAllString(s, "\n\n")
	return html.UnescapeString(tags.ReplaceAllString(s, " "))
}

// fetchDoc fetches a page and reads its article (HTML, or plain text).
func fetchDoc(ctx context.Context, f *Fetcher, link string, opt Options) (*parley.Doc, error) {
	page, err := f.Fetch(ctx, link)
	if err != nil {
		return nil, err
	}
	if page.NotModified {
		return nil, nil
	}
	switch kindOf(page) {
	case FormatHTML:
		return ReadHTML(link, bytes.NewReader(page.Body), page.URL, opt)
	case FormatText:
		d, err := ReadText(link, bytes.NewReader(page.Body), opt)
		if d != nil {
			d.URL = page.URL
		}
		return d, err
	}
	return nil, &parley.Error{Op: op, Kind: parley.Invalid, Input: link,
		Err: fmt.Errorf("a %s is not an article: want a web page or text", cmpOr(page.ContentType, "resource of unknown type"))}
}

// kindOf tells a page, a feed and plain text apart by the declared type,
// then by the first bytes.
func kindOf(p *Page) string {
	mt, _, _ := mime.ParseMediaType(p.ContentType)
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml":
		return FormatHTML
	case strings.Contains(mt, "rss") || strings.Contains(mt, "atom") || mt == "application/feed+json":
		return FormatFeed
	case mt == "text/plain":
		return FormatText
	}
	head := strings.ToLower(string(bytes.TrimSpace(p.Body[:min(len(p.Body), 512)])))
	switch {
	case strings.HasPrefix(head, "<?xml") || strings.HasPrefix(head, "<rss") || strings.HasPrefix(head, "<feed"):
		return FormatFeed
	case strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") || strings.Contains(head, "<body"):
		return FormatHTML
	case mt == "" || strings.HasPrefix(mt, "text/"):
		return FormatText
	}
	return ""
}

// readURL reads what rawURL holds: a page is one article, a feed its
// items' articles.
func (r *reader) readURL(rawURL string) bool {
	if r.opt.Fetcher == nil {
		return r.yield(nil, &parley.Error{Op: op, Kind: parley.Invalid, Input: rawURL, Err: errors.New("fetching URLs is off")})
	}
	page, err := r.opt.Fetcher.Fetch(r.ctx, rawURL)
	if err != nil {
		return r.yield(nil, err)
	}
	if page.NotModified {
		return true
	}
	switch kindOf(page) {
	case FormatFeed:
		feed, err := ParseFeed(rawURL, bytes.NewReader(page.Body))
		if err != nil {
			return r.yield(nil, err)
		}
		return feedItems(r.ctx, rawURL, feed, r.opt, nil, r.yield)
	case FormatHTML:
		return r.yield(ReadHTML(rawURL, bytes.NewReader(page.Body), page.URL, r.opt))
	case FormatText:
		d, err := ReadText(rawURL, bytes.NewReader(page.Body), r.opt)
		if d != nil {
			d.URL = page.URL
		}
		return r.yield(d, err)
	}
	return r.yield(nil, &parley.Error{Op: op, Kind: parley.Invalid, Input: rawURL,
		Err: fmt.Errorf("%s is neither a page, a feed nor text", cmpOr(page.ContentType, "the resource"))})
}

// isURL reports whether a path argument is a web address.
func isURL(p string) bool {
	return strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://")
}

// Watcher reads the new articles of feeds and pages, for a caller that
// polls them: a feed's items already read by an earlier Poll of the same
// Watcher are not fetched again, and a feed or page the server says has
// not changed since the last Poll (conditional requests) yields nothing.
type Watcher struct {
	Options Options // Options.Fetcher is required
	// seen holds, per feed, the items already read that the feed still
	// lists (an item it no longer lists is forgotten, so that the memory
	// of a long watch stays the size of its feeds).
	seen map[string]map[string]bool
}

// Poll reads each URL once, as Read reads a URL, skipping what is not new.
// A Watcher is for one goroutine at a time.
func (w *Watcher) Poll(ctx context.Context, urls []string) iter.Seq2[*parley.Doc, error] {
	return func(yield func(*parley.Doc, error) bool) {
		if w.seen == nil {
			w.seen = map[string]map[string]bool{}
		}
		for _, u := range urls {
			if ctx.Err() != nil {
				yield(nil, ctx.Err())
				return
			}
			page, err := w.Options.Fetcher.Fetch(ctx, u)
			if err != nil {
				if !yield(nil, err) {
					return
				}
				continue
			}
			if page.NotModified {
				continue
			}
			var ok bool
			switch kindOf(page) {
			case FormatFeed:
				feed, err := ParseFeed(u, bytes.NewReader(page.Body))
				if err != nil {
					ok = yield(nil, err)
					break
				}
				seen := w.seen[u]
				if seen == nil {
					seen = map[string]bool{}
					w.seen[u] = seen
				}
				ok = feedItems(ctx, u, feed, w.Options, seen, yield)
				listed := map[string]bool{}
				for _, it := range feed.Items {
					listed[itemKey(it)] = true
				}
				maps.DeleteFunc(seen, func(k string, _ bool) bool { return !listed[k] })
			case FormatHTML:
				ok = yield(ReadHTML(u, bytes.NewReader(page.Body), page.URL, w.Options))
			default:
				d, err := ReadText(u, bytes.NewReader(page.Body), w.Options)
				if d != nil {
					d.URL = page.URL
				}
				ok = yield(d, err)
			}
			if !ok {
				return
			}
		}
	}
}
