package lemma

import (
	"testing"
	"unicode/utf8"
)

// FuzzLemma checks the shipped model on arbitrary forms and tags: no
// panic, a non-empty lemma for a non-empty form, valid UTF-8 out for valid
// UTF-8 in.
func FuzzLemma(f *testing.F) {
	l, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	for _, x := range toy {
		f.Add(x.Form, x.UPOS, x.XPOS)
	}
	f.Add("İstanbul", "PROPN", "NNP")
	f.Add("ǅemal", "", "")
	f.Add("\xffed", "VERB", "VBD")
	f.Add("1,000,000", "NUM", "CD")
	f.Fuzz(func(t *testing.T, form, upos, xpos string) {
		got := l.m.Lemma(form, upos, xpos)
		if form != "" && got == "" {
			t.Errorf("Lemma(%q, %q, %q) = \"\"", form, upos, xpos)
		}
		if utf8.ValidString(form) && !utf8.ValidString(got) {
			t.Errorf("Lemma(%q, %q, %q) = %q: invalid UTF-8", form, upos, xpos, got)
		}
	})
}

// FuzzLoad checks that decoding arbitrary bytes fails cleanly or gives a
// model that re-encodes.
func FuzzLoad(f *testing.F) {
	b, err := Train(toy).MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, b []byte) {
		var m Model
		if m.UnmarshalBinary(b) != nil {
			return
		}
		if _, err := m.MarshalBinary(); err != nil {
			t.Fatal(err)
		}
		m.Lemma("walked", "VERB", "VBD")
	})
}
