package segment

import (
	"strings"
	"testing"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/tokenize"
)

func sentences(text string) []string {
	toks := tokenize.Append(nil, text)
	var out []string
	for _, s := range Append(nil, text, toks) {
		out = append(out, text[toks[s.Tokens.Start].Start:toks[s.Tokens.End-1].End])
	}
	return out
}

func TestAppend(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "The envoys met. They talked for hours! Did they agree?",
			[]string{"The envoys met.", "They talked for hours!", "Did they agree?"}},
		{"abbreviations", "Gen. Ortiz and Dr. J. R. Fields met at 9 a.m. in the U.S. capital on Sept. 3.",
			[]string{"Gen. Ortiz and Dr. J. R. Fields met at 9 a.m. in the U.S. capital on Sept. 3."}},
		{"abbreviation ends sentence", "The ministers flew to the U.S. The talks begin today.",
			[]string{"The ministers flew to the U.S.", "The talks begin today."}},
		{"quotes", `"We are ready," she said. "The rest is up to them." Then she left.`,
			[]string{`"We are ready," she said.`, `"The rest is up to them."`, "Then she left."}},
		{"curly quotes", "“Will they come?” he asked. Nobody knew.",
			[]string{"“Will they come?” he asked.", "Nobody knew."}},
		{"headline and dateline", "Envoys agree on prisoner swap\n\nNORTHPORT, March 3 (Wire) - Envoys agreed on a swap. It starts soon.",
			[]string{"Envoys agree on prisoner swap", "NORTHPORT, March 3 (Wire) -", "Envoys agreed on a swap.", "It starts soon."}},
		{"dateline in title case with an agency", "Kabul, March 3 (Wire) -- Police detained two men.",
			[]string{"Kabul, March 3 (Wire) --", "Police detained two men."}},
		{"dateline in capitals without an agency", "NORTHPORT, March 3 - Police detained two men.",
			[]string{"NORTHPORT, March 3 -", "Police detained two men."}},
		{"no dateline: title case without an agency", "Kabul, March 3 - Police detained two men.",
			[]string{"Kabul, March 3 - Police detained two men."}},
		{"no dateline: a dash in the sentence", "The envoys, all 12 - met today.",
			[]string{"The envoys, all 12 - met today."}},
		{"headline single newline", "Talks stall in the capital\nThe delegations left early on Friday.",
			[]string{"Talks stall in the capital", "The delegations left early on Friday."}},
		{"wrapped prose", "The delegations met in the old conference hall on Friday and talked\nabout the exchange of prisoners.",
			[]string{"The delegations met in the old conference hall on Friday and talked\nabout the exchange of prisoners."}},
		{"ellipsis", "He paused... then went on. Wait... What?",
			[]string{"He paused... then went on.", "Wait...", "What?"}},
		{"list numbers", "1. Open the file.\n2. Read it.",
			[]string{"1. Open the file.", "2. Read it."}},
		{"citation", "It was built in 1805.[4] Later it burned.",
			[]string{"It was built in 1805.[4]", "Later it burned."}},
		{"no final punctuation", "no punctuation at all", []string{"no punctuation at all"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentences(tt.in)
			if strings.Join(got, "\n||\n") != strings.Join(tt.want, "\n||\n") {
				t.Errorf("sentences(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	text := "First one. Second one.\n\nThird one.\n \n\nFourth."
	toks := tokenize.Append(nil, text)
	var got []int
	for _, s := range Append(nil, text, toks) {
		got = append(got, s.Paragraph)
	}
	if want := []int{0, 0, 1, 2}; !equal(got, want) {
		t.Errorf("paragraphs = %v, want %v", got, want)
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestEmpty(t *testing.T) {
	d := parley.NewDoc(" \n ")
	if err := New().Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != 0 {
		t.Errorf("sentences of blank text = %v, want none", d.Sentences)
	}
}

// FuzzSegment checks that sentences cover the tokens exactly, in order,
// with non-decreasing paragraph numbers.
func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"The envoys met. They talked!", "\"Yes,\" he said. \"No.\"", "A\n\nB\nC", "U.S. The", "1. a\n2. b", "x.[1] Y", "\xff. \xfe.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := tokenize.Append(nil, text)
		sents := Append(nil, text, toks)
		next, para := 0, 0
		for i, s := range sents {
			if s.Tokens.Start != next || s.Tokens.End <= s.Tokens.Start {
				t.Fatalf("sentence %d %v does not continue at token %d (of %d)", i, s.Tokens, next, len(toks))
			}
			if s.Paragraph < para {
				t.Fatalf("sentence %d paragraph %d after %d", i, s.Paragraph, para)
			}
			next, para = s.Tokens.End, s.Paragraph
		}
		if next != len(toks) {
			t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
		}
	})
}
