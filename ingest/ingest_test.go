package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf8"

	"github.com/parley-events/parley"
)

// item is one pair yielded by a reader, reduced for comparison.
type item struct {
	doc *parley.Doc
	err error
}

func collect(seq func(func(*parley.Doc, error) bool)) []item {
	var items []item
	for d, err := range seq {
		items = append(items, item{d, err})
	}
	return items
}

// wantDoc lists the Doc fields a test checks; ID is checked against Text.
type wantDoc struct {
	Origin, SourceID, URL, Title, Source, Language, Text string
	Published                                            time.Time
	Meta                                                 map[string]string
}

// wantErr is an expected error: its Kind, Input, Line and a fragment of
// its message.
type wantErr struct {
	Kind  parley.Kind
	Input string
	Line  int
	Msg   string
}

// want is one expected item: a doc or an error.
type want struct {
	doc *wantDoc
	err *wantErr
}

func checkItems(tb testing.TB, got []item, wants []want) {
	tb.Helper()
	if len(got) != len(wants) {
		for i, it := range got {
			if it.err != nil {
				tb.Logf("got[%d]: error %v", i, it.err)
			} else {
				tb.Logf("got[%d]: doc %s %q", i, it.doc.Origin, it.doc.Text)
			}
		}
		tb.Fatalf("got %d items, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		checkItem(tb, i, got[i], w)
	}
}

func checkItem(tb testing.TB, i int, got item, w want) {
	tb.Helper()
	if w.err != nil {
		if got.err == nil {
			tb.Errorf("item %d: got doc %s, want error %+v", i, got.doc.Origin, *w.err)
			return
		}
		if got.doc != nil {
			tb.Errorf("item %d: got doc and error together", i)
		}
		var pe *parley.Error
		if !errors.As(got.err, &pe) {
			tb.Errorf("item %d: got error %T %v, want *parley.Error", i, got.err, got.err)
			return
		}
		if pe.Op != "ingest" || pe.Kind != w.err.Kind || pe.Input != w.err.Input || pe.Line != w.err.Line {
			tb.Errorf("item %d: got error {Op %q, Kind %v, Input %q, Line %d}, want {ingest, %v, %q, %d}",
				i, pe.Op, pe.Kind, pe.Input, pe.Line, w.err.Kind, w.err.Input, w.err.Line)
		}
		if !strings.Contains(got.err.Error(), w.err.Msg) {
			tb.Errorf("item %d: got message %q, want it to contain %q", i, got.err, w.err.Msg)
		}
		return
	}
	if got.err != nil {
		tb.Errorf("item %d: got error %v, want doc %s", i, got.err, w.doc.Origin)
		return
	}
	d, wd := got.doc, w.doc
	if d.ID != parley.Hash(d.Text) {
		tb.Errorf("item %d: got ID %s, want Hash(Text) %s", i, d.ID, parley.Hash(d.Text))
	}
	for _, f := range []struct{ name, got, want string }{
		{"Origin", d.Origin, wd.Origin},
		{"SourceID", d.SourceID, wd.SourceID},
		{"URL", d.URL, wd.URL},
		{"Title", d.Title, wd.Title},
		{"Source", d.Source, wd.Source},
		{"Language", d.Language, wd.Language},
		{"Text", d.Text, wd.Text},
	} {
		if f.got != f.want {
			tb.Errorf("item %d: got %s %q, want %q", i, f.name, f.got, f.want)
		}
	}
	if !d.Published.Equal(wd.Published) || d.Published.Location() != wd.Published.Location() {
		tb.Errorf("item %d: got Published %v, want %v", i, d.Published, wd.Published)
	}
	if !maps.Equal(d.Meta, wd.Meta) {
		tb.Errorf("item %d: got Meta %q, want %q", i, d.Meta, wd.Meta)
	}
}

func doc(origin, text string) want { return want{doc: &wantDoc{Origin: origin, Text: text}} }

func fail(kind parley.Kind, input string, line int, msg string) want {
	return want{err: &wantErr{Kind: kind, Input: input, Line: line, Msg: msg}}
}

func date(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

func TestReadJSONL(t *testing.T) {
	const f = "news.jsonl"
	tests := []struct {
		name  string
		input string
		opt   Options
		want  []want
	}{
		{
			name: "good records",
			input: `{"id": "a-1", "url": "https://example.org/a", "title": "Talks resume", "published": "2025-07-22T14:05:00+02:00", "source": "Wire", "language": "en", "text": "Negotiators met on Tuesday."}
{"id":"a-2","published":"2025-07-23","text":"Ministers signed the accord."}
{"id": 17, "text": "A numeric id."}
`,
			want: []want{
				{doc: &wantDoc{Origin: f + ":1", SourceID: "a-1", URL: "https://example.org/a", Title: "Talks resume",
					Source: "Wire", Language: "en", Text: "Negotiators met on Tuesday.", Published: date(2025, 7, 22, 12, 5)}},
				{doc: &wantDoc{Origin: f + ":2", SourceID: "a-2", Text: "Ministers signed the accord.", Published: date(2025, 7, 23, 0, 0)}},
				{doc: &wantDoc{Origin: f + ":3", SourceID: "17", Text: "A numeric id."}},
			},
		},
		{
			name:  "unknown fields go to Meta",
			input: `{"text": "x", "section": "world", "tags": ["a", "b"], "score": 1.50, "ok": true, "none": null, "obj": {"k": [1, 2]}, "Text": "other case"}` + "\n",
			want: []want{{doc: &wantDoc{Origin: f + ":1", Text: "x", Meta: map[string]string{
				"section": "world", "tags": `["a","b"]`, "score": "1.50", "ok": "true", "none": "null",
				"obj": `{"k":[1,2]}`, "Text": "other case",
			}}}},
		},
		{
			name:  "null and empty optional fields are unknown",
			input: `{"text": "x", "id": null, "title": null, "published": null}` + "\n" + `{"text": "y", "published": ""}` + "\n",
			want:  []want{doc(f+":1", "x"), doc(f+":2", "y")},
		},
		{
			name: "broken JSON in the middle",
			input: `{"text": "first"}
{"text": "second",
{"text": "third"}
`,
			want: []want{
				doc(f+":1", "first"),
				fail(parley.Invalid, f, 2, f+":2: ingest: invalid input: invalid JSON"),
				doc(f+":3", "third"),
			},
		},
		{
			name: "not an object",
			input: `[1, 2]
"text"
null
42
{"text": "a"} {"text": "b"}
`,
			want: []want{
				fail(parley.Invalid, f, 1, `want a JSON object with a "text" field, got an array`),
				fail(parley.Invalid, f, 2, "got a string"),
				fail(parley.Invalid, f, 3, "got null"),
				fail(parley.Invalid, f, 4, "got a number"),
				fail(parley.Invalid, f, 5, "invalid JSON"),
			},
		},
		{
			name: "missing, empty and non-string text",
			input: `{"title": "no text"}
{"text": ""}
{"text": 12}
{"text": null}
{"text": ["a"]}
{"text": " "}
`,
			want: []want{
				fail(parley.Invalid, f, 1, `no "text" field`),
				fail(parley.Invalid, f, 2, `"text" is empty`),
				fail(parley.Invalid, f, 3, `"text": want a string, got a number`),
				fail(parley.Invalid, f, 4, `"text": want a string, got null`),
				fail(parley.Invalid, f, 5, `"text": want a string, got an array`),
				doc(f+":6", " "),
			},
		},
		{
			name: "bad dates and field types",
			input: `{"text": "x", "published": "22/07/2025"}
{"text": "x", "published": "2025-07-22T14:05:00"}
{"text": "x", "published": 20250722}
{"text": "x", "title": 7}
{"text": "x", "published": "2025-07-22T14:05:00.123Z"}
`,
			want: []want{
				fail(parley.Invalid, f, 1, `"published": cannot parse "22/07/2025": want RFC 3339 or YYYY-MM-DD`),
				fail(parley.Invalid, f, 2, `cannot parse "2025-07-22T14:05:00"`),
				fail(parley.Invalid, f, 3, `"published": want a string, got a number`),
				fail(parley.Invalid, f, 4, `"title": want a string, got a number`),
				{doc: &wantDoc{Origin: f + ":5", Text: "x", Published: time.Date(2025, 7, 22, 14, 5, 0, 123e6, time.UTC)}},
			},
		},
		{
			name: "oversize record",
			opt:  Options{MaxBytes: 10},
			input: `{"text": "0123456789"}
{"text": "0123456789A"}
{"text": "\u00e9\u00e9\u00e9\u00e9\u00e9"}
{"text": "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"}
`,
			want: []want{
				doc(f+":1", "0123456789"),
				fail(parley.TooLarge, f, 2, `"text" is 11 bytes, over the limit of 10`),
				doc(f+":3", "ééééé"),
				fail(parley.TooLarge, f, 4, `"text" is 12 bytes`),
			},
		},
		{
			name:  "blank lines",
			input: "\n\n" + `{"text": "a"}` + "\n   \n\t\n" + `{"text": "b"}` + "\n\n",
			want:  []want{doc(f+":3", "a"), doc(f+":6", "b")},
		},
		{
			name:  "CRLF line endings",
			input: `{"text": "a\r\nb"}` + "\r\n\r\n" + `{"text": "c"}` + "\r\n",
			want:  []want{doc(f+":1", "a\r\nb"), doc(f+":3", "c")},
		},
		{
			name:  "no final newline",
			input: `{"text": "a"}` + "\n" + `{"text": "b"}`,
			want:  []want{doc(f+":1", "a"), doc(f+":2", "b")},
		},
		{
			name:  "BOM",
			input: "\xef\xbb\xbf" + `{"text": "a"}` + "\n" + "\xef\xbb\xbf" + `{"text": "b"}` + "\n",
			want:  []want{doc(f+":1", "a"), fail(parley.Invalid, f, 2, "invalid JSON")},
		},
		{
			name:  "text kept byte for byte",
			input: `{"text": "  Lead space,\ttab, trailing  \n\n"}` + "\n" + `{"text": "caf\u00e9 \ud83d\ude00 \ud800 x\/y \"q\" \\ bad:` + "\xff\xfe" + `"}` + "\n",
			want: []want{
				doc(f+":1", "  Lead space,\ttab, trailing  \n\n"),
				doc(f+":2", "café \U0001F600 \uFFFD x/y \"q\" \\ bad:\xff\xfe"),
			},
		},
		{
			name:  "empty input",
			input: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := collect(ReadJSONL(t.Context(), f, strings.NewReader(tt.input), tt.opt))
			checkItems(t, got, tt.want)
		})
	}
}

func TestReadJSONLLongLines(t *testing.T) {
	// A line of several MiB within the limits comes out whole.
	long := strings.Repeat("Word after word. ", 3<<20/17)
	rec, _ := json.Marshal(map[string]string{"text": long})
	input := string(rec) + "\n" + `{"text": "after"}` + "\n"
	checkItems(t, collect(ReadJSONL(t.Context(), "big.jsonl", strings.NewReader(input), Options{})),
		[]want{doc("big.jsonl:1", long), doc("big.jsonl:2", "after")})

	// A line over the line limit is skipped and reported; the next one
	// still comes out.
	opt := Options{MaxBytes: 16}
	limit := lineLimit(16)
	huge := `{"text": "` + strings.Repeat("x", limit) + `"}`
	input = `{"text": "before"}` + "\n" + huge + "\n" + `{"text": "after"}` + "\n"
	checkItems(t, collect(ReadJSONL(t.Context(), "big.jsonl", strings.NewReader(input), opt)), []want{
		doc("big.jsonl:1", "before"),
		fail(parley.TooLarge, "big.jsonl", 2, "line is "+strconv.Itoa(len(huge)+1)+" bytes, over the limit of "+strconv.Itoa(limit)),
		doc("big.jsonl:3", "after"),
	})
}

func TestLineReader(t *testing.T) {
	const limit = 10
	input := "0123456789\n" + "0123456789\r\n" + "0123456789A\n" + strings.Repeat("y", 1<<20) + "\n" + "\n" + "end"
	lr := newLineReader(strings.NewReader(input), limit)
	type line struct {
		text string
		long bool
		n    int
	}
	want := []line{{"0123456789", false, 1}, {"0123456789", false, 2}, {"", true, 3}, {"", true, 4}, {"", false, 5}, {"end", false, 6}}
	for _, w := range want {
		got, size, err := lr.next()
		if err != nil {
			t.Fatalf("line %d: got error %v", w.n, err)
		}
		if string(got) != w.text || (got == nil) != w.long || lr.n != w.n {
			t.Errorf("got line %d %.20q (nil %v, size %d), want line %d %q (too long %v)", lr.n, got, got == nil, size, w.n, w.text, w.long)
		}
		if cap(lr.buf) > 2*(64<<10) {
			t.Errorf("line %d: buffer grew to %d bytes, want it bounded by the limit, not the line", lr.n, cap(lr.buf))
		}
	}
	if _, _, err := lr.next(); err != io.EOF {
		t.Errorf("at end: got error %v, want io.EOF", err)
	}
}

func TestReadJSONLReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	r := io.MultiReader(strings.NewReader(`{"text": "a"}`+"\n"), iotest.ErrReader(boom))
	got := collect(ReadJSONL(t.Context(), "x.jsonl", r, Options{}))
	checkItems(t, got, []want{doc("x.jsonl:1", "a"), fail(parley.IO, "x.jsonl", 2, "disk on fire")})
	if !errors.Is(got[1].err, boom) {
		t.Errorf("got %v, want it to wrap the read error", got[1].err)
	}
}

func TestReadText(t *testing.T) {
	pub := time.Date(2025, 7, 22, 9, 0, 0, 0, time.FixedZone("CEST", 2*3600))
	tests := []struct {
		name, file, input string
		opt               Options
		want              want
	}{
		{"plain", "dir/report.final.txt", "  Body line.\r\nSecond line.\n", Options{Published: pub},
			want{doc: &wantDoc{Origin: "dir/report.final.txt", SourceID: "report.final", Text: "  Body line.\r\nSecond line.\n", Published: pub.UTC()}}},
		{"BOM dropped", "a.txt", "\xef\xbb\xbfText.", Options{}, want{doc: &wantDoc{Origin: "a.txt", SourceID: "a", Text: "Text."}}},
		{"only the first BOM", "a.txt", "\xef\xbb\xbf\xef\xbb\xbfText.", Options{}, want{doc: &wantDoc{Origin: "a.txt", SourceID: "a", Text: "\xef\xbb\xbfText."}}},
		{"invalid UTF-8 kept", "b", "caf\xe9", Options{}, want{doc: &wantDoc{Origin: "b", SourceID: "b", Text: "caf\xe9"}}},
		{"stdin", StdinName, "Text.", Options{}, want{doc: &wantDoc{Origin: StdinName, Text: "Text."}}},
		{"at the limit", "a.txt", "\xef\xbb\xbf12345", Options{MaxBytes: 5}, want{doc: &wantDoc{Origin: "a.txt", SourceID: "a", Text: "12345"}}},
		{"over the limit", "a.txt", "123456", Options{MaxBytes: 5}, fail(parley.TooLarge, "a.txt", 0, "over the limit of 5 bytes")},
		{"empty", "a.txt", "", Options{}, fail(parley.Invalid, "a.txt", 0, "file is empty")},
		{"only a BOM", "a.txt", "\xef\xbb\xbf", Options{}, fail(parley.Invalid, "a.txt", 0, "file is empty")},
		// Binary files and UTF-16 are refused, not read as garbage; a
		// legacy encoding's few stray bytes are kept.
		{"NUL bytes", "a.pdf", "%PDF-1.7\n\x00\x01\x02stream", Options{}, fail(parley.Invalid, "a.pdf", 0, "not text (a NUL byte at byte 9)")},
		{"UTF-16", "a.txt", "\xff\xfeT\x00e\x00x\x00t\x00", Options{}, fail(parley.Invalid, "a.txt", 0, "a NUL byte at byte 3")},
		{"mostly not UTF-8", "a.bin", strings.Repeat("\x89\xfe\x81ab\xc3\x28\xa0\xa1", 3), Options{}, fail(parley.Invalid, "a.bin", 0, "18 of its first 27 bytes are not UTF-8")},
		{"Latin-1 kept", "b.txt", "Le caf\xe9 de la gare a ferm\xe9 ses portes hier soir.", Options{}, want{doc: &wantDoc{Origin: "b.txt", SourceID: "b", Text: "Le caf\xe9 de la gare a ferm\xe9 ses portes hier soir."}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ReadText(tt.file, strings.NewReader(tt.input), tt.opt)
			checkItem(t, 0, item{d, err}, tt.want)
		})
	}
}

func TestReadTextStopsAtLimit(t *testing.T) {
	// An endless input is read only up to the limit.
	r := io.LimitReader(endless{}, 1<<40)
	_, err := ReadText("zero", r, Options{MaxBytes: 1 << 10})
	if got := parley.KindOf(err); got != parley.TooLarge {
		t.Errorf("got %v (kind %v), want kind TooLarge", err, got)
	}
}

type endless struct{}

func (endless) Read(p []byte) (int, error) { return len(p), nil }

// writeFiles creates files (path → content) under dir.
func writeFiles(tb testing.TB, dir string, files map[string]string) {
	tb.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

func TestReadDirectories(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"b.txt":               "Text b.",
		"a.jsonl":             `{"text": "a1"}` + "\n" + `{"text": "a2"}` + "\n",
		"sub/c.text":          "\xef\xbb\xbfText c.",
		"sub/deeper/d.ndjson": `{"text": "d1"}` + "\n" + `oops` + "\n",
		"sub/E.TXT":           "Text E.",
		"notes.md":            "skipped: extension",
		"README":              "skipped: no extension",
		".hidden.txt":         "skipped: hidden",
		".git/f.txt":          "skipped: hidden directory",
		"sub/.cache/g.jsonl":  `{"text": "skipped"}`,
	})
	j := func(parts ...string) string { return filepath.Join(append([]string{dir}, parts...)...) }
	pub := date(2025, 7, 22, 0, 0)

	got := collect(Read(t.Context(), []string{dir}, Options{Published: pub}))
	checkItems(t, got, []want{
		doc(j("a.jsonl")+":1", "a1"),
		doc(j("a.jsonl")+":2", "a2"),
		{doc: &wantDoc{Origin: j("b.txt"), SourceID: "b", Text: "Text b.", Published: pub}},
		{doc: &wantDoc{Origin: j("sub", "E.TXT"), SourceID: "E", Text: "Text E.", Published: pub}},
		{doc: &wantDoc{Origin: j("sub", "c.text"), SourceID: "c", Text: "Text c.", Published: pub}},
		doc(j("sub", "deeper", "d.ndjson")+":1", "d1"),
		fail(parley.Invalid, j("sub", "deeper", "d.ndjson"), 2, "invalid JSON"),
	})

	// Read twice: the same order.
	again := collect(Read(t.Context(), []string{dir}, Options{Published: pub}))
	if len(again) != len(got) {
		t.Fatalf("second read: got %d items, want %d", len(again), len(got))
	}
	for i := range got {
		if (got[i].doc == nil) != (again[i].doc == nil) || got[i].doc != nil && got[i].doc.Origin != again[i].doc.Origin {
			t.Errorf("second read, item %d: order differs", i)
		}
	}

	t.Run("custom extensions", func(t *testing.T) {
		got := collect(Read(t.Context(), []string{dir}, Options{Exts: []string{".md", "text"}}))
		checkItems(t, got, []want{
			{doc: &wantDoc{Origin: j("notes.md"), SourceID: "notes", Text: "skipped: extension"}},
			{doc: &wantDoc{Origin: j("sub", "c.text"), SourceID: "c", Text: "Text c."}},
		})
	})

	t.Run("files named explicitly, missing paths", func(t *testing.T) {
		missing := j("missing.txt")
		got := collect(Read(t.Context(), []string{j("README"), missing, j("sub", "deeper")}, Options{}))
		checkItems(t, got, []want{
			{doc: &wantDoc{Origin: j("README"), SourceID: "README", Text: "skipped: no extension"}},
			fail(parley.IO, missing, 0, "no such file or directory"),
			doc(j("sub", "deeper", "d.ndjson")+":1", "d1"),
			fail(parley.Invalid, j("sub", "deeper", "d.ndjson"), 2, "invalid JSON"),
		})
		if !errors.Is(got[1].err, os.ErrNotExist) {
			t.Errorf("got %v, want it to match os.ErrNotExist", got[1].err)
		}
	})

	t.Run("forced format", func(t *testing.T) {
		p := j("forced.txt")
		writeFiles(t, dir, map[string]string{"forced.txt": `{"text": "json in a .txt"}` + "\n"})
		defer os.Remove(p)
		got := collect(Read(t.Context(), []string{p}, Options{Format: "jsonl"}))
		checkItems(t, got, []want{doc(p+":1", "json in a .txt")})
		got = collect(Read(t.Context(), []string{j("a.jsonl")}, Options{Format: "text"}))
		checkItems(t, got, []want{{doc: &wantDoc{Origin: j("a.jsonl"), SourceID: "a", Text: `{"text": "a1"}` + "\n" + `{"text": "a2"}` + "\n"}}})
		got = collect(Read(t.Context(), []string{p}, Options{Format: "pdf"}))
		checkItems(t, got, []want{fail(parley.Invalid, "", 0, `unknown input format "pdf"`)})
	})

	t.Run("symbolic links", func(t *testing.T) {
		link := t.TempDir()
		if err := os.Symlink(j("b.txt"), filepath.Join(link, "to-file.txt")); err != nil {
			t.Skip("no symbolic links:", err)
		}
		for name, target := range map[string]string{"to-dir": j("sub"), "to-dir.txt": j("sub"), "broken.txt": j("nowhere")} {
			if err := os.Symlink(target, filepath.Join(link, name)); err != nil {
				t.Fatal(err)
			}
		}
		got := collect(Read(t.Context(), []string{link}, Options{}))
		checkItems(t, got, []want{
			fail(parley.IO, filepath.Join(link, "broken.txt"), 0, "no such file"),
			{doc: &wantDoc{Origin: filepath.Join(link, "to-file.txt"), SourceID: "to-file", Text: "Text b."}},
		})
	})
}

func TestReadUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: file permissions are not enforced")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a/x.txt": "x", "b.txt": "unreadable", "c/y.txt": "y", "locked/z.txt": "z"})
	for _, p := range []string{"b.txt", "locked"} {
		p = filepath.Join(dir, p)
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(p, 0o755) })
	}
	got := collect(Read(t.Context(), []string{dir}, Options{}))
	checkItems(t, got, []want{
		{doc: &wantDoc{Origin: filepath.Join(dir, "a", "x.txt"), SourceID: "x", Text: "x"}},
		fail(parley.IO, filepath.Join(dir, "b.txt"), 0, "permission denied"),
		{doc: &wantDoc{Origin: filepath.Join(dir, "c", "y.txt"), SourceID: "y", Text: "y"}},
		fail(parley.IO, filepath.Join(dir, "locked"), 0, "permission denied"),
	})
}

func TestReadStdin(t *testing.T) {
	input := `{"text": "one"}` + "\n\n" + `{"text": "two"}` + "\n"
	tests := []struct {
		name string
		opt  Options
		want []want
	}{
		{"jsonl", Options{Format: "jsonl", Stdin: strings.NewReader(input)},
			[]want{doc(StdinName+":1", "one"), doc(StdinName+":3", "two")}},
		{"text by default", Options{Stdin: strings.NewReader(input)},
			[]want{doc(StdinName, input)}},
		{"no stdin", Options{}, []want{fail(parley.IO, StdinName, 0, "no standard input")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkItems(t, collect(Read(t.Context(), []string{"-"}, tt.opt)), tt.want)
		})
	}
}

func TestReadCancel(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.jsonl": `{"text": "1"}` + "\n" + `{"text": "2"}` + "\n", "b.txt": "b"})

	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	got := collect(Read(ctx, []string{dir}, Options{}))
	if len(got) != 1 || !errors.Is(got[0].err, context.Canceled) {
		t.Errorf("cancelled before: got %v, want one context.Canceled", got)
	}

	for _, stopAfter := range []int{1, 2} {
		ctx, cancel := context.WithCancel(t.Context())
		var got []item
		for d, err := range Read(ctx, []string{dir}, Options{}) {
			got = append(got, item{d, err})
			if len(got) == stopAfter {
				cancel()
			}
		}
		cancel()
		if len(got) != stopAfter+1 || got[stopAfter-1].err != nil || !errors.Is(got[stopAfter].err, context.Canceled) {
			t.Errorf("cancel after %d: got %v, want %d docs then one context.Canceled", stopAfter, got, stopAfter)
		}
	}

	got = collect(ReadJSONL(ctx, "x.jsonl", strings.NewReader(`{"text": "1"}`), Options{}))
	if len(got) != 1 || !errors.Is(got[0].err, context.Canceled) {
		t.Errorf("ReadJSONL cancelled: got %v, want one context.Canceled", got)
	}
}

func TestReadBreak(t *testing.T) {
	// Stopping early must not make the iterator call yield again (which
	// would panic).
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.jsonl": "x\n" + `{"text": "1"}` + "\n", "b/c.txt": "c", "d.txt": "d"})
	for stop := 1; stop <= 4; stop++ {
		n := 0
		for range Read(t.Context(), []string{dir, "-", dir}, Options{}) {
			if n++; n == stop {
				break
			}
		}
		if n != stop {
			t.Errorf("break after %d: got %d items", stop, n)
		}
	}
}

func TestSummary(t *testing.T) {
	var s Summary
	for d, err := range ReadJSONL(t.Context(), "s.jsonl", strings.NewReader(`{"text": "a"}`+"\nx\n"+`{"text": "b"}`), Options{}) {
		s.Add(d, err)
	}
	if got, want := s, (Summary{Docs: 2, Failed: 1}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got, want := s.String(), "2 documents, 1 failed"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestUnquote(t *testing.T) {
	// For valid UTF-8, unquote agrees with encoding/json.
	for _, s := range []string{`""`, `"a"`, `"\u00e9\n\t\"\\\/\b\f\r"`, `"\ud83d\ude00"`, `"\ud83d"`, `"\ude00\ud83d"`, `"\ud83d\u0041"`, `"\ud83dx"`, `"\u0000"`, `"日本"`} {
		var want string
		if err := json.Unmarshal([]byte(s), &want); err != nil {
			t.Fatal(err)
		}
		if got, ok := unquote([]byte(s)); !ok || got != want {
			t.Errorf("unquote(%s) = %q, %v; want %q, true", s, got, ok, want)
		}
	}
	for _, s := range []string{``, `"`, `x`, `1`, `"\"`, `"\x"`, `"\u12"`, `"\u12g4"`} {
		if got, ok := unquote([]byte(s)); ok {
			t.Errorf("unquote(%s) = %q, true; want false", s, got)
		}
	}
}

// silverNews is a corpus of 2452 news articles in JSONL, outside the
// repository.
const silverNews = "../../shared/data/unlabeled/te3-silver-news.jsonl"

func TestSilverNews(t *testing.T) {
	if _, err := os.Stat(silverNews); err != nil {
		t.Skip("te3-silver-news.jsonl: ../shared/data not present")
	}
	var s Summary
	ids := make(map[string]bool)
	for d, err := range Read(t.Context(), []string{silverNews}, Options{}) {
		s.Add(d, err)
		if err != nil {
			t.Errorf("got error %v", err)
			continue
		}
		if d.SourceID == "" || d.Published.IsZero() || d.Text == "" {
			t.Errorf("%s: got SourceID %q, Published %v, %d bytes of text; want all set", d.Origin, d.SourceID, d.Published, len(d.Text))
		}
		ids[d.ID] = true
	}
	if got, want := s, (Summary{Docs: 2452}); got != want {
		t.Errorf("got %v, want %v", got, want)
	}
	t.Logf("%v, %d distinct texts", s, len(ids))
}

// FuzzReadText: any bytes give either one document holding them (less a
// leading byte order mark) or one error of kind Invalid or TooLarge
// naming the input; text that is valid UTF-8 and not empty is never
// refused as binary unless it holds a NUL byte.
func FuzzReadText(f *testing.F) {
	for _, s := range []string{"Negotiators met in Geneva.", "", "\xef\xbb\xbf", "caf\xe9", "%PDF\x00\x01", "\xff\xfeT\x00", strings.Repeat("\x89\xfe", 20), "x" + strings.Repeat("\xe9", 7)} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ReadText("fuzz.txt", bytes.NewReader(data), Options{MaxBytes: 64})
		if err != nil {
			if k := parley.KindOf(err); k != parley.Invalid && k != parley.TooLarge || !strings.HasPrefix(err.Error(), "fuzz.txt: ") {
				t.Fatalf("error %v of kind %v", err, k)
			}
			if text := trimBOM(data); utf8.Valid(text) && len(text) > 0 && len(text) <= 64 && !bytes.Contains(text, []byte{0}) {
				t.Fatalf("valid text %q refused: %v", text, err)
			}
			return
		}
		if d == nil || d.Text != string(trimBOM(data)) {
			t.Fatalf("document %v for %q", d, data)
		}
	})
}

func FuzzReadJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id": "a-1", "url": "https://example.org/a", "title": "T", "published": "2025-07-22T14:05:00+02:00", "source": "Wire", "language": "en", "text": "Negotiators met."}` + "\n",
		`{"text": "x", "tags": ["a"], "n": 1}` + "\r\n\r\n" + `{"text": "caf\u00e9 \ud83d"}`,
		"\xef\xbb\xbf" + `{"text": "a"}` + "\n" + `{"text": ` + "\n" + `[1]` + "\n" + `{"text": "b", "published": "22/07/2025"}`,
		`{"text": "0123456789012345678901234567890123456789"}` + "\n" + `{"text": "` + strings.Repeat(`\u00e9`, 30) + `"}`,
		"\n\n \t\n{}\nnull\n\"s\"\n{\"text\": \"\xff\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "fuzz.jsonl"
		opt := Options{MaxBytes: 32}
		check := func(t *testing.T, seq func(func(*parley.Doc, error) bool)) {
			lines := bytes.Count(data, []byte("\n")) + 1
			last := 0
			n := 0
			for d, err := range seq {
				n++
				var line int
				if err != nil {
					var pe *parley.Error
					if !errors.As(err, &pe) {
						t.Fatalf("got error %T %v, want *parley.Error", err, err)
					}
					if d != nil {
						t.Fatalf("got doc and error %v together", err)
					}
					if pe.Input != name || pe.Line < 1 {
						t.Fatalf("got error with Input %q, Line %d; want %q, ≥ 1", pe.Input, pe.Line, name)
					}
					line = pe.Line
				} else {
					if d == nil {
						t.Fatal("got nil doc and nil error")
					}
					if d.ID != parley.Hash(d.Text) {
						t.Fatalf("got ID %s, want Hash(Text) %s", d.ID, parley.Hash(d.Text))
					}
					if d.Text == "" || len(d.Text) > opt.maxBytes() {
						t.Fatalf("got text of %d bytes, want 1 to %d", len(d.Text), opt.maxBytes())
					}
					rest, ok := strings.CutPrefix(d.Origin, name+":")
					if !ok {
						t.Fatalf("got Origin %q, want %q:line", d.Origin, name)
					}
					var err error
					if line, err = strconv.Atoi(rest); err != nil {
						t.Fatalf("got Origin %q, want %q:line", d.Origin, name)
					}
					if !d.Published.IsZero() && d.Published.Location() != time.UTC {
						t.Fatalf("got Published %v, want UTC", d.Published)
					}
					if utf8.ValidString(d.Text) {
						// Re-encoding and decoding the text gives it back.
						b, _ := json.Marshal(map[string]string{"text": d.Text})
						dd, _, err := decodeRecord(b, opt.maxBytes(), false)
						if err != nil || dd.Text != d.Text {
							t.Fatalf("round trip of %q: got %v, %v", d.Text, dd, err)
						}
					}
				}
				if line <= last || line > lines {
					t.Fatalf("got line %d after line %d, want increasing lines within 1..%d", line, last, lines)
				}
				last = line
			}
			if n > lines {
				t.Fatalf("got %d items from %d lines", n, lines)
			}
		}
		check(t, ReadJSONL(context.Background(), name, bytes.NewReader(data), opt))
		// Again with a small line limit, to reach the long-line path.
		check(t, func(yield func(*parley.Doc, error) bool) {
			readJSONL(context.Background(), name, bytes.NewReader(data), opt, 48, yield)
		})
	})
}

func FuzzUnquote(f *testing.F) {
	for _, s := range []string{`"a"`, `"\u00e9\n"`, `"\ud83d\ude00"`, `"\ud83d"`, `"x\/y"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var want string
		if json.Unmarshal(data, &want) != nil {
			return
		}
		got, ok := unquote(data)
		if !ok {
			t.Fatalf("unquote(%q) failed, encoding/json gives %q", data, want)
		}
		if utf8.Valid(data) && got != want {
			t.Fatalf("unquote(%q) = %q, encoding/json gives %q", data, got, want)
		}
		if raw := trimWS(data); !bytes.Contains(raw, []byte(`\`)) && got != string(raw[1:len(raw)-1]) {
			t.Fatalf("unquote(%q) = %q, want the bytes between the quotes", data, got)
		}
	})
}

func BenchmarkReadJSONL(b *testing.B) {
	var buf bytes.Buffer
	para := strings.Repeat("The delegations met in the capital on Tuesday and agreed to resume talks. ", 40)
	for i := range 200 {
		rec, _ := json.Marshal(map[string]string{"id": strconv.Itoa(i), "published": "2025-07-22", "source": "Wire", "text": para})
		buf.Write(rec)
		buf.WriteByte('\n')
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		for _, err := range ReadJSONL(b.Context(), "bench.jsonl", bytes.NewReader(buf.Bytes()), Options{}) {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}
