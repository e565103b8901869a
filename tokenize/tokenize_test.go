package tokenize

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parley-events/parley"
)

func words(text string) []string {
	var out []string
	for _, t := range Append(nil, text) {
		out = append(out, text[t.Start:t.End])
	}
	return out
}

func TestAppend(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by " | "
	}{
		{"The U.S. envoy met Gen. Ortiz.", "The | U.S. | envoy | met | Gen. | Ortiz | ."},
		{"Lt. Col. Marek Novak arrived at 9 a.m. on Sept. 3.", "Lt. | Col. | Marek | Novak | arrived | at | 9 | a.m. | on | Sept. | 3 | ."},
		{"Dr. J. R. Fields of the U.K. said so.", "Dr. | J. | R. | Fields | of | the | U.K. | said | so | ."},
		{"Prices rose 3.5% to $1,000.50 (about €920).", "Prices | rose | 3.5 | % | to | $ | 1,000.50 | ( | about | € | 920 | ) | ."},
		{"We don't know why Russia's envoy can't come.", "We | do | n't | know | why | Russia | 's | envoy | ca | n't | come | ."},
		{"They’re sure it’s the ministers’ plan.", "They | ’re | sure | it | ’s | the | ministers | ’ | plan | ."},
		{"I cannot say; you'll see, we'd gone, I'm off, we've won.", "I | can | not | say | ; | you | 'll | see | , | we | 'd | gone | , | I | 'm | off | , | we | 've | won | ."},
		{"See https://example.org/a?b=1&c=2, or mail press@example.com.", "See | https://example.org/a?b=1&c=2 | , | or | mail | press@example.com | ."},
		{"Follow @parley_dev and #peacetalks (www.example.com).", "Follow | @parley_dev | and | #peacetalks | ( | www.example.com | ) | ."},
		{"\"We will see,\" he said. “Maybe.”", "\" | We | will | see | , | \" | he | said | . | “ | Maybe | . | ”"},
		{"A 15-year term — or not–ever… Wait...", "A | 15 | - | year | term | — | or | not | – | ever | … | Wait | ..."},
		{"Her e-mail on the co-operative was re-sent.", "Her | e-mail | on | the | co-operative | was | re-sent | ."},
		{"KYIV, July 21 (Reuters) - Talks resumed.", "KYIV | , | July | 21 | ( | Reuters | ) | - | Talks | resumed | ."},
		{"Really?! No!!! OK...", "Really | ?! | No | !!! | OK | ..."},
		{"and/or 3/4 of 7/21/2025", "and | / | or | 3/4 | of | 7/21/2025"},
		{"It's 5pm in the '90s :)", "It | 's | 5 | pm | in | the | '90s | :)"},
		{"Ratio: 10:30, done", "Ratio | : | 10:30 | , | done"},
		// Names joined by underscores, as TABARI and PETRARCH write them,
		// are words apart; a file name keeps its underscore.
		{"Envoys of New_Caledonia sent notes_draft.pdf on Monday_", "Envoys | of | New | Caledonia | sent | notes_draft.pdf | on | Monday | _"},
		{"", ""},
		{"   \n\t ", ""},
	}
	for _, tt := range tests {
		got := strings.Join(words(tt.in), " | ")
		if got != tt.want {
			t.Errorf("Append(%q)\n got  %s\n want %s", tt.in, got, tt.want)
		}
	}
}

func TestKinds(t *testing.T) {
	text := "Visit https://example.org, write to a@b.org, ping @anna #tag 42 ."
	want := map[string]parley.TokenKind{
		"Visit": parley.TokWord, "https://example.org": parley.TokURL, ",": parley.TokPunct,
		"a@b.org": parley.TokEmail, "@anna": parley.TokHandle, "#tag": parley.TokHashtag, "42": parley.TokNumber,
		".": parley.TokPunct,
	}
	for _, tk := range Append(nil, text) {
		w := text[tk.Start:tk.End]
		if k, ok := want[w]; ok && tk.Kind != k {
			t.Errorf("kind of %q = %v, want %v", w, tk.Kind, k)
		}
	}
}

func TestInvalidUTF8(t *testing.T) {
	d := parley.NewDoc("Kyiv\xff\xfe talks \xc3 resumed.")
	if err := New().Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for i := range d.Tokens {
		got = append(got, d.TokenText(i))
	}
	if want := "Kyiv talks resumed ."; strings.Join(got, " ") != want {
		t.Errorf("tokens = %q, want %q", strings.Join(got, " "), want)
	}
	if len(d.Notes) != 2 || d.Notes[0].Kind != parley.NoteInvalidUTF8 || d.Notes[0].Bytes != (parley.Span{Start: 4, End: 6}) {
		t.Errorf("notes = %+v, want two invalid-utf8 notes, the first at bytes 4-6", d.Notes)
	}
}

// checkTokens asserts the tokenizer's invariants on text: tokens ordered,
// disjoint, non-empty, in bounds, on rune boundaries and free of spaces.
func checkTokens(tb testing.TB, text string, toks []parley.Token) {
	tb.Helper()
	starts := runeStarts(text)
	prev := 0
	for i, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) {
			tb.Fatalf("token %d [%d,%d) out of order or bounds (prev end %d, len %d) in %q", i, tk.Start, tk.End, prev, len(text), text)
		}
		if !starts[tk.Start] || !starts[tk.End] {
			tb.Fatalf("token %d [%d,%d) not on a rune boundary in %q", i, tk.Start, tk.End, text)
		}
		if s := text[tk.Start:tk.End]; strings.ContainsAny(s, " \n\t\r") {
			tb.Fatalf("token %d %q holds white space", i, s)
		}
		prev = tk.End
	}
}

// runeStarts marks the offsets where a rune (or an invalid byte) starts
// when text is decoded from the beginning, and len(text).
func runeStarts(text string) []bool {
	starts := make([]bool, len(text)+1)
	for j := 0; j < len(text); {
		starts[j] = true
		_, size := utf8.DecodeRuneInString(text[j:])
		j += size
	}
	starts[len(text)] = true
	return starts
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"The U.S. envoy met Gen. Ortiz.", "We don't know.", "$1,000.50 (3.5%)", "https://x.org/a).", "a@b.co",
		"“Quote,” he said…", "\xff\xfe", "-- --- ... !!!", "'90s ’em", "#1 #tag @h", "e-mail re-sent 15-year",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Append(nil, text)
		checkTokens(t, text, toks)
		// Every non-space, valid rune is covered by some token.
		covered := 0
		for _, tk := range toks {
			covered += tk.End - tk.Start
		}
		if covered > len(text) {
			t.Fatalf("tokens cover %d bytes of %d", covered, len(text))
		}
	})
}
