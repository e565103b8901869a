package eventcode

import (
	"strings"
	"testing"
	"time"

	"github.com/parley-events/parley"

	"github.com/parley-events/parley/cameo"
)

func TestNounsFile(t *testing.T) {
	m, err := readNouns(nounsFile, cameo.Valid)
	if err != nil {
		t.Fatal(err)
	}
	if n := m["attack"]; n.code != "190" || n.mods["drone"] != "195" {
		t.Errorf("attack = %+v, want 190 with drone=195", n)
	}
	for _, bad := range []string{
		"noun talk",                 // no code
		"verb talk 046",             // not a noun line
		"noun attack 999",           // not a CAMEO code
		"noun attack 190 drone",     // modifier without a code
		"noun attack 190 drone=99x", // bad modifier code
	} {
		if _, err := readNouns(bad+"\n", cameo.Valid); err == nil || !strings.Contains(err.Error(), "nouns.txt:1:") {
			t.Errorf("readNouns(%q) = %v, want an error at nouns.txt:1", bad, err)
		}
	}
}

func TestIntent(t *testing.T) {
	for code, want := range map[string]string{
		"046": "036", "040": "036", "061": "031", "070": "033", "072": "0332", "073": "0333",
		"081": "0351", "0874": "0356", "084": "0353", "080": "035", "083": "034", "0832": "0342", "190": "190", "130": "130", "036": "036",
	} {
		if got := intent(code); got != want {
			t.Errorf("intent(%s) = %s, want %s", code, got, want)
		}
		if !cameo.Valid(intent(code)) {
			t.Errorf("intent(%s) = %s is not a CAMEO code", code, intent(code))
		}
	}
}

// TestHistory checks that a year discards only as history: before the
// year of publication, or always when that is unknown.
func TestHistory(t *testing.T) {
	pub := func(y int) *parley.Doc {
		d := parley.NewDoc("")
		d.Published = time.Date(y, 3, 1, 0, 0, 0, 0, time.UTC)
		return d
	}
	for _, c := range []struct {
		d      *parley.Doc
		phrase string
		want   bool
	}{
		{pub(2005), "1999", true},
		{pub(2005), "2005", false},
		{pub(2005), "2007", false},
		{parley.NewDoc(""), "2005", true},
		{pub(2005), "years ago", true},
		{pub(2005), "fifa", true},
	} {
		if got := history(c.d, strings.Fields(c.phrase)); got != c.want {
			t.Errorf("history(published %v, %q) = %v, want %v", c.d.Published.Year(), c.phrase, got, c.want)
		}
	}
}

// TestDeepInClause checks which words of a speech verb's phrases may make
// its pattern: those at most three levels under it.
func TestDeepInClause(t *testing.T) {
	// 0 said, 1 ban (obj), 2 about (case of 3), 3 Prince (nmod of 1),
	// 4 of (case of 5), 5 Dol (nmod of 3), 6 opposition (compound of 5).
	x := &docIndex{head: []int{-1, 0, 3, 1, 5, 3, 5}}
	for tok, want := range []bool{false, false, false, false, true, false, true} {
		if got := deepInClause(x, 0, tok); got != want {
			t.Errorf("deepInClause(said, %d) = %v, want %v", tok, got, want)
		}
	}
}

// TestHyphenParticiple checks which participles are halves of a
// hyphenated adjective ("government-backed", "US-led"): those joined to
// the word before by a hyphen with no space on either side.
func TestHyphenParticiple(t *testing.T) {
	for _, c := range []struct {
		text string
		xpos []string
		v    int
		want bool
	}{
		{"government-backed militias", []string{"NN", "HYPH", "VBN", "NNS"}, 2, true},
		{"the US-led coalition", []string{"DT", "NNP", "HYPH", "VBN", "NN"}, 3, true},
		{"rebels - backed by Rwanda", []string{"NNS", "HYPH", "VBN", "IN", "NNP"}, 2, false},
		{"soldiers tear-gassed a crowd", []string{"NNS", "NN", "HYPH", "VBD", "DT", "NN"}, 3, false},
		{"raids in insurgency-hit Afghanistan", []string{"NNS", "IN", "NN", "HYPH", "VB", "NNP"}, 4, true},
		{"police will tear-gas them", []string{"NNS", "MD", "NN", "HYPH", "VB", "PRP"}, 4, false},
		{"they agreed to re-open talks", []string{"PRP", "VBD", "TO", "RB", "HYPH", "VB", "NNS"}, 5, false},
	} {
		d := parley.NewDoc(c.text)
		var words []string
		for i := 0; i < len(c.text); {
			j := strings.IndexAny(c.text[i:], " -")
			switch {
			case j == 0:
				if c.text[i] == '-' {
					words = append(words, "-")
					d.Tokens = append(d.Tokens, parley.Token{Start: i, End: i + 1})
				}
				i++
				continue
			case j < 0:
				j = len(c.text) - i
			}
			words = append(words, c.text[i:i+j])
			d.Tokens = append(d.Tokens, parley.Token{Start: i, End: i + j})
			i += j
		}
		for k := range d.Tokens {
			d.Tokens[k].XPOS = c.xpos[k]
		}
		if got := hyphenParticiple(d, c.v); got != c.want {
			t.Errorf("%q (%q): hyphenParticiple(%d) = %v, want %v", c.text, words, c.v, got, c.want)
		}
	}
}
