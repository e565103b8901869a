package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/parley-events/parley"
)

// ReadJSONL returns the documents in the JSONL stream r, one per non-blank
// line, read from the file name (used in Doc.Origin, "name:line", and in
// errors). The record format is described in the package documentation.
//
// A record that is not valid JSON, not an object, lacks a non-empty string
// "text", has a field of the wrong type or a "published" that does not
// parse yields an error of Kind parley.Invalid; text over Options.MaxBytes
// or a line over the line limit yields one of Kind parley.TooLarge. Both
// carry Input name and Line, and reading goes on with the next line. A
// failed read yields an error of Kind parley.IO and ends the stream.
func ReadJSONL(ctx context.Context, name string, r io.Reader, opt Options) iter.Seq2[*parley.Doc, error] {
	return func(yield func(*parley.Doc, error) bool) {
		readJSONL(ctx, name, r, opt, lineLimit(opt.maxBytes()), yield)
	}
}

// readJSONL does the work of ReadJSONL with lines limited to maxLine bytes.
// It returns false when the consumer stopped or the context is done (its
// error yielded), true when the stream ended or failed to read.
func readJSONL(ctx context.Context, name string, r io.Reader, opt Options, maxLine int, yield func(*parley.Doc, error) bool) bool {
	maxText := opt.maxBytes()
	lr := newLineReader(r, maxLine)
	for {
		if err := ctx.Err(); err != nil {
			yield(nil, err)
			return false
		}
		line, size, err := lr.next()
		if err == io.EOF {
			return true
		}
		if err != nil {
			yield(nil, &parley.Error{Op: op, Kind: parley.IO, Input: name, Line: lr.n, Err: err})
			return true
		}
		if lr.n == 1 {
			line = trimBOM(line)
		}
		var d *parley.Doc
		kind := parley.TooLarge
		if line == nil {
			err = fmt.Errorf("line is %d bytes, over the limit of %d: split the record or raise MaxBytes", size, maxLine)
		} else if isBlank(line) {
			continue
		} else {
			d, kind, err = decodeRecord(line, maxText, opt.Fetcher != nil)
			if err == nil && d.Text == "" { // a URL to fetch
				d, kind, err = fetchRecord(ctx, d, opt)
			}
		}
		if err != nil {
			if !yield(nil, &parley.Error{Op: op, Kind: kind, Input: name, Line: lr.n, Err: err}) {
				return false
			}
			continue
		}
		d.Origin = name + ":" + strconv.Itoa(lr.n)
		if !yield(d, nil) {
			return false
		}
	}
}

// isBlank reports whether line holds only JSON white space.
func isBlank(line []byte) bool { return len(trimWS(line)) == 0 }

// trimWS trims JSON white space from both ends of b.
func trimWS(b []byte) []byte { return bytes.Trim(b, " \t\r\n") }

// lineReader splits a stream into lines of bounded length.
type lineReader struct {
	br    *bufio.Reader
	buf   []byte
	limit int
	n     int // number of the last line read, 1-based
}

func newLineReader(r io.Reader, limit int) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 64<<10), limit: limit}
}

// next returns the next line without its "\n" or "\r\n" and the line's size
// in bytes, terminator included. A line longer than the limit is read
// through but not kept: next returns a nil line and its size. At the end of
// the stream next returns io.EOF; on a read error, that error.
func (lr *lineReader) next() (line []byte, size int, err error) {
	lr.buf = lr.buf[:0]
	over := false
	for {
		chunk, err := lr.br.ReadSlice('\n')
		size += len(chunk)
		if !over {
			if len(lr.buf)+len(chunk) > lr.limit+2 { // room for "\r\n"
				over = true
				lr.buf = lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF:
			if size == 0 {
				return nil, 0, io.EOF
			}
		case err != nil:
			lr.n++
			return nil, size, err
		}
		lr.n++
		if over {
			return nil, size, nil
		}
		line = lr.buf
		if n := len(line); n > 0 && line[n-1] == '\n' {
			line = line[:n-1]
			if n > 1 && line[n-2] == '\r' {
				line = line[:n-2]
			}
		}
		if len(line) > lr.limit {
			return nil, size, nil
		}
		return line, size, nil
	}
}

// Fields of a JSONL record that map onto Doc fields.
const (
	fieldID        = "id"
	fieldURL       = "url"
	fieldTitle     = "title"
	fieldPublished = "published"
	fieldSource    = "source"
	fieldLanguage  = "language"
	fieldText      = "text"
)

// fetchRecord returns the article at the URL of record d (which has no
// text), the record's own fields standing over the page's.
func fetchRecord(ctx context.Context, d *parley.Doc, opt Options) (*parley.Doc, parley.Kind, error) {
	page, err := fetchDoc(ctx, opt.Fetcher, d.URL, opt)
	if err != nil {
		return nil, parley.KindOf(err), err
	}
	if page == nil {
		return nil, parley.Invalid, fmt.Errorf("%s: not modified since it was last fetched", d.URL)
	}
	page.SourceID = d.SourceID
	for _, f := range []struct{ dst, src *string }{{&page.Title, &d.Title}, {&page.Source, &d.Source}, {&page.Language, &d.Language}} {
		if *f.src != "" {
			*f.dst = *f.src
		}
	}
	if !d.Published.IsZero() {
		page.Published = d.Published
	}
	for k, v := range d.Meta {
		if page.Meta == nil {
			page.Meta = map[string]string{}
		}
		page.Meta[k] = v
	}
	return page, 0, nil
}

// decodeRecord turns one JSONL line into a Doc without Origin, or returns
// the error's Kind and cause. With urlOK, a record with a url and no text
// is a Doc without text, whose article is to be fetched.
func decodeRecord(line []byte, maxText int, urlOK bool) (*parley.Doc, parley.Kind, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, parley.Invalid, fmt.Errorf("invalid JSON at byte %d: %v; want one JSON object per line", se.Offset, se)
		case errors.As(err, &te):
			return nil, parley.Invalid, fmt.Errorf("want a JSON object with a %q field, got %s", fieldText, jsonKind(line))
		}
		return nil, parley.Invalid, fmt.Errorf("invalid JSON: %v", err)
	}
	if fields == nil { // the line is null
		return nil, parley.Invalid, fmt.Errorf("want a JSON object with a %q field, got null", fieldText)
	}

	// A record without text but with a url, when fetching is on, is an
	// article to fetch.
	var link string
	if urlOK && (fields[fieldText] == nil || string(trimWS(fields[fieldText])) == `""` || string(trimWS(fields[fieldText])) == "null") {
		if err := optString(fields, fieldURL, &link); err != nil {
			return nil, parley.Invalid, err
		}
	}
	var text string
	if link == "" {
		raw, ok := fields[fieldText]
		if !ok {
			return nil, parley.Invalid, fmt.Errorf("no %q field: each record needs the text of its article", fieldText)
		}
		text, ok = unquote(raw)
		switch {
		case !ok:
			return nil, parley.Invalid, fmt.Errorf("%q: want a string, got %s", fieldText, jsonKind(raw))
		case text == "":
			return nil, parley.Invalid, fmt.Errorf("%q is empty: each record needs the text of its article", fieldText)
		case len(text) > maxText:
			return nil, parley.TooLarge, fmt.Errorf("%q is %d bytes, over the limit of %d: split the article or raise MaxBytes", fieldText, len(text), maxText)
		}
	}
	d := &parley.Doc{Text: text}

	// Known fields in a fixed order, so that a record with several faults
	// always reports the same one.
	if raw, ok := fields[fieldID]; ok && jsonKind(raw) == "a number" {
		d.SourceID = string(trimWS(raw))
	} else if err := optString(fields, fieldID, &d.SourceID); err != nil {
		return nil, parley.Invalid, err
	}
	for _, f := range [...]struct {
		key string
		dst *string
	}{
		{fieldURL, &d.URL},
		{fieldTitle, &d.Title},
		{fieldSource, &d.Source},
		{fieldLanguage, &d.Language},
	} {
		if err := optString(fields, f.key, f.dst); err != nil {
			return nil, parley.Invalid, err
		}
	}
	var published string
	if err := optString(fields, fieldPublished, &published); err != nil {
		return nil, parley.Invalid, err
	}
	var err error
	if d.Published, err = parseDate(published); err != nil {
		return nil, parley.Invalid, err
	}

	for key, raw := range fields {
		switch key {
		case fieldID, fieldURL, fieldTitle, fieldPublished, fieldSource, fieldLanguage, fieldText:
			continue
		}
		if d.Meta == nil {
			d.Meta = make(map[string]string)
		}
		d.Meta[key] = metaValue(raw)
	}
	if link != "" {
		return d, 0, nil // without text: to be fetched
	}
	d.ID = parley.Hash(text)
	return d, 0, nil
}

// optString sets *dst to the string value of the optional field key, if
// present and not null, and fails for a value that is not a string.
func optString(fields map[string]json.RawMessage, key string, dst *string) error {
	raw, ok := fields[key]
	if !ok {
		return nil
	}
	if s, ok := unquote(raw); ok {
		*dst = s
		return nil
	}
	if k := jsonKind(raw); k != "null" {
		return fmt.Errorf("%q: want a string, got %s", key, k)
	}
	return nil
}

// parseDate parses a published date, RFC 3339 or YYYY-MM-DD, into UTC.
// An empty (or all-space) string is the zero time.
func parseDate(s string) (time.Time, error) {
	v := strings.TrimSpace(s)
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.UTC(), nil
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t, nil // UTC already
	}
	const maxShown = 64
	if len(s) > maxShown {
		s = s[:maxShown] + "…"
	}
	return time.Time{}, fmt.Errorf("%q: cannot parse %q: want RFC 3339 or YYYY-MM-DD", fieldPublished, s)
}

// metaValue returns a Meta value: a string as it is, anything else as
// compact JSON.
func metaValue(raw []byte) string {
	if s, ok := unquote(raw); ok {
		return s
	}
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return string(raw) // cannot happen: raw was validated
	}
	return b.String()
}

// jsonKind names the kind of the JSON value raw, for messages.
func jsonKind(raw []byte) string {
	raw = trimWS(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// unquote decodes raw if it is a JSON string literal, reporting whether it
// is one. Unlike encoding/json, it keeps bytes that are not escapes as they
// are, invalid UTF-8 included. An escaped lone surrogate becomes U+FFFD,
// as in encoding/json.
func unquote(raw []byte) (string, bool) {
	raw = trimWS(raw)
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	s := raw[1 : len(raw)-1]
	i := bytes.IndexByte(s, '\\')
	if i < 0 {
		return string(s), true
	}
	b := make([]byte, 0, len(s))
	for {
		b = append(b, s[:i]...)
		s = s[i:]
		if len(s) < 2 {
			return "", false
		}
		switch c := s[1]; c {
		case '"', '\\', '/':
			b = append(b, c)
			s = s[2:]
		case 'b':
			b = append(b, '\b')
			s = s[2:]
		case 'f':
			b = append(b, '\f')
			s = s[2:]
		case 'n':
			b = append(b, '\n')
			s = s[2:]
		case 'r':
			b = append(b, '\r')
			s = s[2:]
		case 't':
			b = append(b, '\t')
			s = s[2:]
		case 'u':
			r := hex4(s)
			if r < 0 {
				return "", false
			}
			s = s[6:]
			if utf16.IsSurrogate(r) {
				if dec := utf16.DecodeRune(r, hex4(s)); dec != unicode.ReplacementChar {
					r = dec
					s = s[6:]
				} else {
					r = unicode.ReplacementChar
				}
			}
			b = utf8.AppendRune(b, r)
		default:
			return "", false
		}
		if i = bytes.IndexByte(s, '\\'); i < 0 {
			b = append(b, s...)
			return string(b), true
		}
	}
}

// hex4 returns the code unit of the escape \uXXXX at the start of s, or -1.
func hex4(s []byte) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range s[2:6] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}
