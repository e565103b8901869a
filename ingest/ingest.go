// Package ingest reads articles into parley documents, one *parley.Doc per
// article: a plain-text file is one article, and a JSONL (newline-delimited
// JSON) file holds one article per line.
//
// The readers are Go iterators that yield (doc, nil) or (nil, err). A bad
// record or an unreadable file yields an error and reading goes on with the
// next one, so one broken line does not lose a file and one unreadable file
// does not lose a directory. Errors are *parley.Error values with Op
// "ingest", Input the file name and, for JSONL records, Line the 1-based
// line number. Their Kind is parley.Invalid for a malformed record,
// parley.TooLarge for input over the size limits and parley.IO for a file or
// directory that cannot be read. When the context is done, the readers yield
// ctx.Err() once, unwrapped, and stop; cancellation is noticed between
// records, not inside a blocked Read.
//
// Text is kept byte for byte as the input gives it: no trimming, no line-end
// conversion, no Unicode normalisation, and invalid UTF-8 is kept as it is
// (the tokenizer records a Note for it), so byte offsets into Doc.Text are
// offsets into the source text. The one exception is a UTF-8 byte order mark
// at the very start of a file or stream, which is dropped.
//
// # JSONL records
//
// Each non-blank line is a JSON object:
//
//	{"id": "AFP_ENG_19970401.0006", "url": "https://…", "title": "…",
//	 "published": "1997-04-01", "source": "AFP", "language": "en",
//	 "text": "Malaysian share prices dipped…", "section": "business"}
//
// Field by field:
//
//   - text: the article, a non-empty string; required. Doc.ID is
//     parley.Hash(text).
//   - id: the input's own identifier, a string or a number; becomes
//     Doc.SourceID.
//   - url, title, source, language: strings, copied to the Doc fields of
//     the same names.
//   - published: RFC 3339 ("2025-07-22T14:05:00+02:00") or a date
//     ("2025-07-22", taken as midnight UTC); stored in UTC.
//   - anything else: kept in Doc.Meta, a string value as it is, any other
//     value as its compact JSON text ("[1,2]", "true", "null").
//
// A null or absent optional field, and an empty published string, mean
// unknown. Field names are case-sensitive. Doc.Origin is "file:line".
// Lines may end in "\n" or "\r\n"; blank lines are skipped.
//
// # Limits
//
// The text of one record or one plain-text file may be at most
// Options.MaxBytes bytes (DefaultMaxBytes, 4 MiB, when zero). A JSONL line
// may be at most 3×MaxBytes + 64 KiB long: JSON escaping can triple text
// (ASCII-only encoders write "é" as the six bytes \u00e9), and the other
// fields need room. A longer line is read through and discarded without
// being held in memory, and reported as TooLarge; a plain-text file over
// the limit is read no further than the limit.
package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parley-events/parley"
)

// DefaultMaxBytes is the text limit used when Options.MaxBytes is zero:
// 4 MiB, some hundred times the longest news article.
const DefaultMaxBytes = 4 << 20

// lineSlack is what a JSONL line may hold beyond three times MaxBytes, for
// the fields other than text.
const lineSlack = 64 << 10

// Input formats for Options.Format.
const (
	FormatText  = "text"  // the whole input is one article
	FormatJSONL = "jsonl" // one JSON record per line
)

// StdinName is the name under which standard input ("-") appears in
// Doc.Origin and in errors.
const StdinName = "<stdin>"

// DefaultExts lists the extensions taken when walking a directory and
// Options.Exts is nil. Callers must not modify it.
var DefaultExts = []string{".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm", ".rss", ".atom"}

// Options configure the readers. The zero value is ready to use.
type Options struct {
	// Published is the publication date given to plain-text documents,
	// which carry none of their own; zero means unknown.
	Published time.Time

	// MaxBytes is the largest text accepted for one record or one
	// plain-text file, in bytes; zero or negative means DefaultMaxBytes.
	MaxBytes int

	// Exts lists the file extensions, with their leading dot, taken when
	// walking a directory; the match ignores case. Nil means DefaultExts.
	// Files named explicitly are read whatever their extension.
	Exts []string

	// Stdin is read for the path "-".
	Stdin io.Reader

	// Format forces the input format: FormatText, FormatJSONL ("ndjson"
	// is taken as FormatJSONL), FormatHTML or FormatFeed. Empty means by
	// extension: .jsonl and .ndjson files are JSONL, .html and .htm web
	// pages, .xml, .rss and .atom feeds, anything else, standard input
	// included, text. A URL is read for what the server says it is.
	Format string

	// Fetcher fetches URLs given as paths, feed items' links and
	// records' urls without text; nil means fetching is off, and those
	// are errors.
	Fetcher *Fetcher
}

// maxBytes returns the effective text limit.
func (o *Options) maxBytes() int {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// lineLimit returns the longest JSONL line accepted for maxBytes of text.
func lineLimit(maxBytes int) int {
	if maxBytes > (math.MaxInt-lineSlack)/3 {
		return math.MaxInt
	}
	return 3*maxBytes + lineSlack
}

// Read returns the documents found under paths, in order. A path is a file,
// a directory or "-" for Options.Stdin. A directory is walked recursively
// in lexical order, taking the files whose extension is in Options.Exts and
// skipping hidden files and directories (names starting with ".");
// symbolic links to files are followed, symbolic links to directories are
// not. A plain-text file yields one Doc whose Origin is its path, SourceID
// its base name without extension and Published Options.Published; a JSONL
// file yields one Doc per record, as ReadJSONL does.
//
// A path or file that cannot be read yields one error of Kind parley.IO
// naming it, and the walk goes on; an unknown Options.Format yields one
// error of Kind parley.Invalid and nothing else.
func Read(ctx context.Context, paths []string, opt Options) iter.Seq2[*parley.Doc, error] {
	return func(yield func(*parley.Doc, error) bool) {
		format, err := parseFormat(opt.Format)
		if err != nil {
			yield(nil, err)
			return
		}
		r := &reader{ctx: ctx, opt: opt, format: format, yield: yield}
		for _, p := range paths {
			if !r.path(p) {
				return
			}
		}
	}
}

// ReadText returns the whole of r as one document: Origin name, SourceID
// the base name of name without its extension (none for "-" or
// StdinName), Published Options.Published in UTC. A leading UTF-8 byte
// order mark is dropped; the rest is kept byte for byte. Input that is
// empty yields an error of Kind parley.Invalid, input over Options.MaxBytes
// one of Kind parley.TooLarge (after reading no more than the limit), and
// a failed read one of Kind parley.IO.
func ReadText(name string, r io.Reader, opt Options) (*parley.Doc, error) {
	limit := opt.maxBytes()
	b, err := io.ReadAll(io.LimitReader(r, int64(limit)+int64(len(bom))+1))
	if err != nil {
		return nil, ioError(name, err)
	}
	b = trimBOM(b)
	switch {
	case len(b) > limit:
		return nil, &parley.Error{Op: op, Kind: parley.TooLarge, Input: name,
			Err: fmt.Errorf("text is over the limit of %d bytes: split the file or raise MaxBytes", limit)}
	case len(b) == 0:
		return nil, &parley.Error{Op: op, Kind: parley.Invalid, Input: name,
			Err: errors.New("file is empty: a text file holds the text of one article")}
	}
	if why := binary(b); why != "" {
		return nil, &parley.Error{Op: op, Kind: parley.Invalid, Input: name,
			Err: fmt.Errorf("not text (%s): parley reads UTF-8 text, HTML, RSS/Atom and JSONL; convert PDF, word-processor or UTF-16 files to UTF-8 text first", why)}
	}
	d := parley.NewDoc(string(b))
	d.Origin = name
	d.SourceID = sourceID(name)
	if !opt.Published.IsZero() {
		d.Published = opt.Published.UTC()
	}
	return d, nil
}

// sniffBytes is how much of a text binary looks at.
const sniffBytes = 8 << 10

// binary says why b does not look like text, or "" when it does: a NUL
// byte in its first sniffBytes (binary formats and UTF-16 have them,
// text never), or more than a fifth of those bytes, and at least 8, in
// invalid UTF-8 (a text in Latin-1 has a few accented letters, and keeps
// them as notes of the tokenizer).
func binary(b []byte) string {
	head := b[:min(len(b), sniffBytes)]
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return fmt.Sprintf("a NUL byte at byte %d", i)
	}
	bad := 0
	for i := 0; i < len(head); {
		r, n := utf8.DecodeRune(head[i:])
		// (A character cut off at the end of the sniffed bytes is not
		// held against the text.)
		if r == utf8.RuneError && n == 1 && !(len(b) > len(head) && len(head)-i < utf8.UTFMax) {
			bad++
		}
		i += n
	}
	if bad >= 8 && bad*5 > len(head) {
		return fmt.Sprintf("%d of its first %d bytes are not UTF-8", bad, len(head))
	}
	return ""
}

// Summary counts what a read produced, for a closing report.
type Summary struct {
	Docs   int // documents yielded
	Failed int // errors yielded: bad records, unreadable files, cancellation
}

// Add counts one pair yielded by Read or ReadJSONL.
func (s *Summary) Add(d *parley.Doc, err error) {
	switch {
	case err != nil:
		s.Failed++
	case d != nil:
		s.Docs++
	}
}

// String returns "N documents, M failed".
func (s Summary) String() string {
	return strconv.Itoa(s.Docs) + " documents, " + strconv.Itoa(s.Failed) + " failed"
}

// op is the Op of every error this package returns.
const op = "ingest"

var bom = []byte("\xef\xbb\xbf")

func trimBOM(b []byte) []byte {
	if len(b) >= len(bom) && string(b[:len(bom)]) == string(bom) {
		return b[len(bom):]
	}
	return b
}

// sourceID returns the base name of the file name without its extension.
func sourceID(name string) string {
	if name == "" || name == "-" || name == StdinName {
		return ""
	}
	base := filepath.Base(name)
	if base == "." || base == string(filepath.Separator) {
		return ""
	}
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// parseFormat checks Options.Format.
func parseFormat(f string) (string, error) {
	switch strings.ToLower(f) {
	case "":
		return "", nil
	case FormatText, "txt":
		return FormatText, nil
	case FormatJSONL, "ndjson":
		return FormatJSONL, nil
	case FormatHTML, "htm":
		return FormatHTML, nil
	case FormatFeed, "rss", "atom", "xml":
		return FormatFeed, nil
	}
	return "", &parley.Error{Op: op, Kind: parley.Invalid,
		Err: fmt.Errorf("unknown input format %q: want %s, %s, %s or %s", f, FormatText, FormatJSONL, FormatHTML, FormatFeed)}
}

// ioError wraps a failure to read name. The path in an *fs.PathError is
// dropped, since Input names it already.
func ioError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return &parley.Error{Op: op, Kind: parley.IO, Input: name, Err: err}
}

// reader is the state of one Read. Its methods return false when reading
// must stop: the consumer stopped or the context is done (and its error
// has been yielded).
type reader struct {
	ctx    context.Context
	opt    Options
	format string // forced format, or "" for by extension
	yield  func(*parley.Doc, error) bool
}

// cancelled reports whether the context is done, yielding its error if so.
func (r *reader) cancelled() bool {
	if err := r.ctx.Err(); err != nil {
		r.yield(nil, err)
		return true
	}
	return false
}

func (r *reader) path(p string) bool {
	if r.cancelled() {
		return false
	}
	if p == "-" {
		return r.stdin()
	}
	if isURL(p) {
		return r.readURL(p)
	}
	fi, err := os.Stat(p)
	if err != nil {
		return r.yield(nil, ioError(p, err))
	}
	if fi.IsDir() {
		return r.walk(p)
	}
	return r.file(p)
}

func (r *reader) stdin() bool {
	if r.opt.Stdin == nil {
		return r.yield(nil, &parley.Error{Op: op, Kind: parley.IO, Input: StdinName,
			Err: errors.New("no standard input to read")})
	}
	return r.read(StdinName, r.opt.Stdin, r.format)
}

// read reads the input name from f in format.
func (r *reader) read(name string, f io.Reader, format string) bool {
	switch format {
	case FormatJSONL:
		return readJSONL(r.ctx, name, f, r.opt, lineLimit(r.opt.maxBytes()), r.yield)
	case FormatHTML:
		return r.yield(ReadHTML(name, f, "", r.opt))
	case FormatFeed:
		feed, err := ParseFeed(name, f)
		if err != nil {
			return r.yield(nil, err)
		}
		return feedItems(r.ctx, name, feed, r.opt, nil, r.yield)
	}
	return r.yield(ReadText(name, f, r.opt))
}

// walk reads the files under dir.
func (r *reader) walk(dir string) bool {
	entries, err := os.ReadDir(dir) // sorted; on error, what could be read
	if err != nil && !r.yield(nil, ioError(dir, err)) {
		return false
	}
	for _, e := range entries {
		if r.cancelled() {
			return false
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(dir, name)
		typ := e.Type()
		if typ&fs.ModeSymlink != 0 {
			if !r.takes(name) {
				continue
			}
			fi, err := os.Stat(p)
			if err != nil {
				if !r.yield(nil, ioError(p, err)) {
					return false
				}
				continue
			}
			if fi.IsDir() {
				continue
			}
			typ = fi.Mode().Type()
		}
		switch {
		case typ.IsDir():
			if !r.walk(p) {
				return false
			}
		case typ.IsRegular() && r.takes(name):
			if !r.file(p) {
				return false
			}
		}
	}
	return true
}

// takes reports whether a file found in a directory walk is to be read.
func (r *reader) takes(name string) bool {
	exts := r.opt.Exts
	if exts == nil {
		exts = DefaultExts
	}
	ext := filepath.Ext(name)
	if ext == "" {
		return false
	}
	for _, x := range exts {
		if strings.EqualFold(ext, x) || strings.EqualFold(ext[1:], x) {
			return true
		}
	}
	return false
}

// formatOf returns the format of the file p.
func (r *reader) formatOf(p string) string {
	if r.format != "" {
		return r.format
	}
	switch strings.ToLower(filepath.Ext(p)) {
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".html", ".htm":
		return FormatHTML
	case ".xml", ".rss", ".atom":
		return FormatFeed
	}
	return FormatText
}

func (r *reader) file(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return r.yield(nil, ioError(p, err))
	}
	defer f.Close()
	return r.read(p, f, r.formatOf(p))
}
