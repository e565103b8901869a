package conllu_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley/conllu"
)

// udDir holds the Universal Dependencies treebanks (see ../../shared/data).
const udDir = "../../shared/data/ud"

// TestCorpus reads the UD English dev sets: it checks sentence counts, that
// each sentence's words appear in order in its "# text", and that writing
// the file back reproduces it byte for byte.
func TestCorpus(t *testing.T) {
	tests := []struct {
		file      string
		sentences int
	}{
		{"en_ewt-dev.conllu", 2001},
		{"en_gum-dev.conllu", 1575},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(udDir, tt.file)
			data, err := os.ReadFile(path)
			if os.IsNotExist(err) {
				t.Skipf("skipping: %s not present (the shared UD data lives in ../shared/data/ud)", path)
			}
			if err != nil {
				t.Fatal(err)
			}
			r := conllu.NewReader(bytes.NewReader(data), path)
			var out bytes.Buffer
			w := conllu.NewWriter(&out)
			n := 0
			for {
				s, err := r.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				n++
				if s.Text == "" {
					t.Errorf("sentence %s has no text", s.ID)
				} else if err := locateWords(s); err != "" {
					t.Errorf("sentence %s: %s", s.ID, err)
				}
				if err := w.WriteSentence(s); err != nil {
					t.Fatal(err)
				}
			}
			if n != tt.sentences {
				t.Errorf("read %d sentences, want %d", n, tt.sentences)
			}
			if !bytes.Equal(out.Bytes(), data) {
				t.Errorf("writing back changed the file (%d bytes, want %d); first difference at byte %d",
					out.Len(), len(data), firstDiff(out.Bytes(), data))
			}
		})
	}
}

// locateWords checks that s's words occur in order in s.Text, separated
// only by white space, and that the multi-word tokens' words spell the
// surface form. It returns a description of the first failure, or "".
func locateWords(s *conllu.Sentence) string {
	text := s.Text
	pos := 0
	for _, w := range s.Words() {
		for pos < len(text) {
			r, size := utf8.DecodeRuneInString(text[pos:])
			if !unicode.IsSpace(r) {
				break
			}
			pos += size
		}
		if end := pos + len(w.Form); end > len(text) || !strings.EqualFold(text[pos:end], w.Form) {
			return fmt.Sprintf("word %q not found at %q", w.Form, abbrev(text[pos:]))
		}
		pos += len(w.Form)
	}
	if strings.TrimSpace(text[pos:]) != "" {
		return fmt.Sprintf("text left over after the last word: %q", abbrev(text[pos:]))
	}
	return ""
}

func abbrev(s string) string {
	if len(s) > 30 {
		return s[:30] + "…"
	}
	return s
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// FuzzReader checks that reading never panics and that whatever reads
// without error writes and reads back to the same sentences.
func FuzzReader(f *testing.F) {
	f.Add(sample)
	f.Add("1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n")
	f.Add("# text = a b\r\n1-2\tab\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\r\n1\ta\t_\t_\t_\t_\t0\troot\t_\t_\r\n2\tb\t_\t_\t_\t_\t1\tdep\t_\t_\r\n1.1\tc\t_\t_\t_\t_\t_\t_\t_\t_\n")
	f.Add("#\n#newdoc\n# newpar id = p\n# sent_id\n# text=\n0.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n1\t_\t_\t_\t_\t_\t_\t_\t_\t_\n\n\n# x\n\nbad\n")
	f.Fuzz(func(t *testing.T, src string) {
		r := conllu.NewReader(strings.NewReader(src), "fuzz")
		var ss []*conllu.Sentence
		for i := 0; ; i++ {
			s, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				if i > len(src) {
					t.Fatalf("Next keeps returning errors: %v", err)
				}
				continue
			}
			ss = append(ss, s)
		}
		var b bytes.Buffer
		w := conllu.NewWriter(&b)
		for _, s := range ss {
			if err := w.WriteSentence(s); err != nil {
				t.Fatalf("WriteSentence(%+v): %v", s, err)
			}
		}
		r = conllu.NewReader(bytes.NewReader(b.Bytes()), "written")
		var b2 bytes.Buffer
		w = conllu.NewWriter(&b2)
		for i, want := range ss {
			got, err := r.Next()
			if err != nil {
				t.Fatalf("re-reading sentence %d: %v\nwritten:\n%s", i, err, b.String())
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("sentence %d changed on writing and re-reading:\ngot  %+v\nwant %+v\nwritten:\n%s", i, got, want, b.String())
			}
			if err := w.WriteSentence(got); err != nil {
				t.Fatal(err)
			}
		}
		if s, err := r.Next(); err != io.EOF {
			t.Fatalf("re-reading: extra sentence %+v, %v", s, err)
		}
		// Writing what was re-read gives the same bytes.
		if !bytes.Equal(b.Bytes(), b2.Bytes()) {
			t.Fatalf("writing the re-read sentences changed the bytes:\n%q\nwant:\n%q", b2.String(), b.String())
		}
	})
}
