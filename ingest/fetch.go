package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/parley-events/parley"
)

// Fetcher fetches web pages and feeds politely: one timeout per request,
// a cap on the body and on redirects, a user agent that says who asks,
// conditional requests for what it has fetched before (ETag and
// Last-Modified), and retries with backoff for the failures that may pass.
// It refuses to connect to loopback, private, link-local (cloud metadata
// among them), multicast and unspecified addresses unless AllowPrivate is
// set: the check is made on the address dialled, after name resolution and
// on every redirect, so a public name that resolves to a private address is
// refused too. A Fetcher is safe for concurrent use; the zero value is
// ready, with the defaults below.
type Fetcher struct {
	UserAgent    string        // default DefaultUserAgent
	Timeout      time.Duration // per attempt, connection to last byte; default 30 s
	MaxBytes     int64         // largest body; default 16 MiB
	MaxRedirects int           // default 5
	Retries      int           // attempts after the first; default 2, negative for none
	AllowPrivate bool

	once   sync.Once
	client *http.Client
	mu     sync.Mutex
	seen   map[string]validators // the validators of each URL fetched, for conditional requests
}

// Defaults of Fetcher.
const (
	DefaultUserAgent = "parley/1 (+https://github.com/parley-events/parley; political event coding)"
	defaultTimeout   = 30 * time.Second
	defaultMaxBody   = 16 << 20
	defaultRedirects = 5
	defaultRetries   = 2
	maxValidators    = 10000 // URLs whose validators are kept for conditional requests
)

// validators are what a server said to recognise a page it sent before.
type validators struct{ etag, lastModified string }

// Page is a fetched resource.
type Page struct {
	URL         string // after redirects
	ContentType string
	Body        []byte
	// NotModified is set when the server answered that the page has not
	// changed since it was last fetched; Body is then empty.
	NotModified bool
	Fetched     time.Time
}

// errPrivate is the error of a refused address.
type errPrivate struct{ addr netip.Addr }

func (e errPrivate) Error() string {
	return fmt.Sprintf("%s is a %s address: refused (give --allow-private to fetch from private networks and this machine)", e.addr, addrKind(e.addr))
}

// addrKind names the kind of a refused address.
func addrKind(a netip.Addr) string {
	switch {
	case a.IsLoopback():
		return "loopback"
	case a.IsPrivate():
		return "private"
	case a.IsLinkLocalUnicast(), a.IsLinkLocalMulticast():
		return "link-local"
	case a.IsMulticast(), a.IsInterfaceLocalMulticast():
		return "multicast"
	case a.IsUnspecified():
		return "unspecified"
	}
	return "reserved"
}

// publicAddr reports whether a may be fetched from without AllowPrivate.
func publicAddr(a netip.Addr) bool {
	a = a.Unmap()
	if a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsMulticast() || a.IsInterfaceLocalMulticast() || a.IsUnspecified() {
		return false
	}
	for _, p := range reserved {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// reserved are the ranges, beyond the standard library's classes, that a
// fetch must not reach: shared address space (carrier-grade NAT), the
// "this network" block, IETF protocol assignments, benchmarking, and the
// IPv4 and IPv6 documentation and discard ranges.
var reserved = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
	netip.MustParsePrefix("100::/64"),
	netip.MustParsePrefix("2001:db8::/32"),
}

func (f *Fetcher) init() {
	f.once.Do(func() {
		if f.UserAgent == "" {
			f.UserAgent = DefaultUserAgent
		}
		if f.Timeout <= 0 {
			f.Timeout = defaultTimeout
		}
		if f.MaxBytes <= 0 {
			f.MaxBytes = defaultMaxBody
		}
		if f.MaxRedirects <= 0 {
			f.MaxRedirects = defaultRedirects
		}
		if f.Retries == 0 {
			f.Retries = defaultRetries
		}
		dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
		if !f.AllowPrivate {
			dialer.Control = func(network, address string, _ syscall.RawConn) error {
				ap, err := netip.ParseAddrPort(address)
				if err != nil {
					return err
				}
				if !publicAddr(ap.Addr()) {
					return errPrivate{ap.Addr().Unmap()}
				}
				return nil
			}
		}
		tr := &http.Transport{
			Proxy:                 nil, // the address checked is the one dialled
			DialContext:           dialer.DialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          32,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ResponseHeaderTimeout: f.Timeout,
		}
		f.client = &http.Client{
			Transport: tr,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) > f.MaxRedirects {
					return fmt.Errorf("more than %d redirects", f.MaxRedirects)
				}
				return checkScheme(req.URL)
			},
		}
		f.seen = map[string]validators{}
	})
}

func checkScheme(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%q: only http and https URLs are fetched", u.String())
	}
	return nil
}

// Fetch gets rawURL. Errors are *parley.Error with Input the URL: Kind
// Invalid for a URL that is not http(s), a refused address or a client
// error (4xx), TooLarge for a body over MaxBytes, Unavailable for what
// retrying did not cure (timeouts, refused connections, 5xx, 429), IO for
// other failures.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*Page, error) {
	f.init()
	fail := func(kind parley.Kind, err error) error {
		return &parley.Error{Op: "fetch", Kind: kind, Input: rawURL, Err: err}
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fail(parley.Invalid, err)
	}
	if err := checkScheme(u); err != nil {
		return nil, fail(parley.Invalid, err)
	}
	if u.Host == "" {
		return nil, fail(parley.Invalid, errors.New("no host in the URL"))
	}
	retries := max(f.Retries, 0)
	var last error
	for attempt := 0; attempt <= retries; attempt++ {
		if attempt > 0 {
			// Backoff: 0.5 s, 1 s, 2 s, … with jitter, or what the server asks.
			wait := time.Duration(float64(500*time.Millisecond<<(attempt-1)) * (0.75 + rand.Float64()/2))
			var ra retryAfter
			if errors.As(last, &ra) && ra.d > 0 && ra.d <= time.Minute {
				wait = ra.d
			}
			select {
			case <-ctx.Done():
				return nil, fail(parley.Unavailable, ctx.Err())
			case <-time.After(wait):
			}
		}
		page, err, again := f.try(ctx, u.String())
		if err == nil {
			return page, nil
		}
		last = err
		if !again {
			break
		}
	}
	var ep errPrivate
	var kind parley.Kind
	switch {
	case errors.As(last, &ep):
		kind = parley.Invalid
	case parley.KindOf(last) != parley.Other:
		kind = parley.KindOf(last)
	default:
		kind = parley.Unavailable
	}
	return nil, fail(kind, last)
}

// retryAfter is a server's answer that asks to come back later.
type retryAfter struct {
	status int
	d      time.Duration
}

func (r retryAfter) Error() string {
	return fmt.Sprintf("HTTP %d %s", r.status, http.StatusText(r.status))
}

// try makes one attempt, reporting whether another may succeed.
func (f *Fetcher) try(ctx context.Context, u string) (page *Page, err error, again bool) {
	ctx, cancel := context.WithTimeout(ctx, f.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, parley.E("fetch", parley.Invalid, err), false
	}
	req.Header.Set("User-Agent", f.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	f.mu.Lock()
	v, ok := f.seen[u]
	f.mu.Unlock()
	if ok {
		if v.etag != "" {
			req.Header.Set("If-None-Match", v.etag)
		}
		if v.lastModified != "" {
			req.Header.Set("If-Modified-Since", v.lastModified)
		}
	}
	resp, err := f.client.Do(req)
	if err != nil {
		var ep errPrivate
		if errors.As(err, &ep) {
			return nil, ep, false
		}
		return nil, err, ctx.Err() == nil || errors.Is(ctx.Err(), context.DeadlineExceeded)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return &Page{URL: resp.Request.URL.String(), NotModified: true, Fetched: time.Now()}, nil, false
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		ra := retryAfter{status: resp.StatusCode}
		if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil {
			ra.d = time.Duration(s) * time.Second
		}
		return nil, ra, true
	case resp.StatusCode >= 400:
		return nil, parley.E("fetch", parley.Invalid, fmt.Errorf("HTTP %d %s", resp.StatusCode, http.StatusText(resp.StatusCode))), false
	case resp.StatusCode >= 300:
		return nil, parley.E("fetch", parley.Invalid, fmt.Errorf("HTTP %d without a usable redirect", resp.StatusCode)), false
	}
	if resp.ContentLength > f.MaxBytes {
		return nil, parley.E("fetch", parley.TooLarge, fmt.Errorf("body of %d bytes is over the limit of %d", resp.ContentLength, f.MaxBytes)), false
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.MaxBytes+1))
	if err != nil {
		return nil, err, true
	}
	if int64(len(body)) > f.MaxBytes {
		return nil, parley.E("fetch", parley.TooLarge, fmt.Errorf("body over the limit of %d bytes", f.MaxBytes)), false
	}
	if et, lm := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified"); et != "" || lm != "" {
		f.mu.Lock()
		if len(f.seen) >= maxValidators { // a long watch fetches many pages once: start afresh
			clear(f.seen)
		}
		f.seen[u] = validators{et, lm}
		f.mu.Unlock()
	}
	return &Page{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type"), Body: body, Fetched: time.Now()}, nil, false
}
