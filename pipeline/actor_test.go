package pipeline

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/actor"
)

// TestReferenceArticleActors codes the actors of the reference article
// (read from ../shared/data; skipped when absent) as of its publication
// date, and checks the mentions the event coder needs.
func TestReferenceArticleActors(t *testing.T) {
	d := referenceArticle(t)
	got := map[string][]string{} // mention text → codes, in order
	for _, a := range d.Actors {
		k := d.SpanText(a.Tokens)
		got[k] = append(got[k], a.Code)
	}
	for _, c := range []struct {
		text string
		want []string // codes of its mentions, in order (a prefix of them)
	}{
		{"Ukrainian President Volodymyr Zelensky", []string{"UKRGOV"}},
		{"Zelensky", []string{"UKRGOV", "UKRGOV", "UKRGOV"}},
		{"Rustem Umerov, the chief of the Ukrainian Security Council", []string{"UKRGOV"}},
		{"He", []string{"UKRGOV"}},
		{"U.S. President Donald Trump", []string{"USAGOV"}},
		{"Moscow", []string{"RUS", "RUS"}},
		{"Kyiv", []string{"UKR"}},
		{"Washington", []string{"USA"}},
		{"Ukraine", []string{"UKR"}},
		{"Russian forces", []string{"RUSMIL"}},
		{"spokesperson from the Turkish government", []string{"TURGOV"}},
		{"U.S. leader", []string{"USAGOV"}},
		{"he", []string{"USAGOV", "USAGOV"}},
		{"Ukrainian official", []string{"UKRGOV"}},
		{"Trump", []string{"USAGOV"}},
		{"Russian President Vladimir Putin", []string{"RUSGOV"}},
		{"Putin", []string{"RUSGOV", "RUSGOV"}},
		{"Kremlin spokesman Dmitry Peskov", []string{"RUSGOV"}},
		{"the two parties", []string{"RUS", "UKR"}},
	} {
		g := got[c.text]
		if c.text == "the two parties" {
			g = slices.Sorted(slices.Values(g))
		}
		if len(g) < len(c.want) || !slices.Equal(g[:len(c.want)], c.want) {
			t.Errorf("%q: got %v, want %v", c.text, g, c.want)
		}
	}
	if t.Failed() {
		for _, a := range d.Actors {
			t.Logf("%-50q %-8s ref %d", d.SpanText(a.Tokens), a.Code, a.Ref)
		}
	}
}

// referenceArticle returns the reference article (read from
// ../shared/data; the test is skipped when it is absent) through the
// default pipeline, published on 2025-07-22.
func referenceArticle(t *testing.T) *parley.Doc {
	t.Helper()
	b, err := os.ReadFile("../../shared/data/articles/istanbul-talks-2025-07-22.txt")
	if err != nil {
		t.Skipf("../shared/data not present (%v): skipping the reference article", err)
	}
	p, err := Build(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	d := parley.NewDoc(string(b))
	d.Published = time.Date(2025, 7, 22, 0, 0, 0, 0, time.UTC)
	if err := p.Run(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestPlaceCountries checks that actors whose country the text leaves
// unnamed take that of the places around them, saying where it came
// from, and that the PETRARCH setting leaves them alone.
func TestPlaceCountries(t *testing.T) {
	p, err := Build(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	named, err := Build(Config{Actors: actor.Options{NamedCountriesOnly: true}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text, mention, code, from string
	}{
		{"Police in Gombe arrested twelve protesters on Monday.", "Police", "NGACOP", actor.FromPhrase},
		{"Police in Gombe arrested twelve protesters on Monday.", "protesters", "NGAOPP", actor.FromSentence},
		{"Rebels shelled a market in Kandahar on Friday. The government condemned the attack.", "government", "AFGGOV", actor.FromDocument},
		// Foreigners, and those at a meeting, may be from anywhere.
		{"Foreign journalists were detained in Harare on Sunday.", "journalists", "MED", ""},
		{"Delegations from both countries will meet in Geneva next week. The government has not rejected the proposal.", "government", "GOV", ""},
		// Places in two countries say nothing.
		{"Protesters marched in Nairobi and in Kampala on Saturday.", "Protesters", "OPP", ""},
		// One who travels is from somewhere else (in wire news mostly; a
		// minister travelling at home loses the country).
		{"Police detained protesters in Harare on Sunday. The prime minister arrived in Bulawayo on Monday.", "prime minister", "GOV", ""},
		{"Police detained protesters in Harare on Sunday. The prime minister will pay a visit to Bulawayo on Monday.", "prime minister", "GOV", ""},
		// Troops are often abroad: no country for them.
		{"Troops fired on a crowd in Kandahar on Friday.", "Troops", "MIL", ""},
		// A currency is not where anything is: the story's country is
		// Zambia's, not that of the dollars.
		{"Farmers in Zambia received fertiliser worth 51 million U.S. dollars. The government praised the programme.", "government", "ZMBGOV", actor.FromDocument},
		// An embassy is another country's.
		{"Protesters stormed the embassy in Tehran on Sunday.", "embassy", "GOV", ""},
		// Those who attend a summit, and a place of the summit, say
		// nothing of each other.
		{"The leaders attending the summit in Hanoi praised the plan.", "leaders", "GOV", ""},
		{"The prime ministers at a regional summit next month in Hanoi praised the plan.", "prime ministers", "GOV", ""},
		// Places that split are settled by the home bodies the story
		// names with their country — not by armed forces, which act
		// abroad.
		{"Rice from Thailand reached the port of Karachi. Pakistani police said the cargo was seized. The government welcomed the arrests.", "government", "PAKGOV", actor.FromDocument},
		{"Rice from Thailand reached the port of Karachi. Pakistani troops said the cargo was seized. The government welcomed the arrests.", "government", "GOV", ""},
	} {
		for _, pl := range []*Pipeline{p, named} {
			d := parley.NewDoc(c.text)
			d.Published = time.Date(2025, 7, 22, 0, 0, 0, 0, time.UTC)
			if err := pl.Run(t.Context(), d); err != nil {
				t.Fatal(err)
			}
			code, from := c.code, c.from
			if pl == named && from != "" {
				code, from = code[3:], ""
			}
			i := slices.IndexFunc(d.Actors, func(a parley.Actor) bool { return d.SpanText(a.Tokens) == c.mention })
			if i < 0 {
				t.Errorf("%q: no actor %q", c.text, c.mention)
				continue
			}
			if a := d.Actors[i]; a.Code != code || a.CountryFrom != from {
				t.Errorf("%q (named only %v): %q is %s from %q, want %s from %q", c.text, pl == named, c.mention, a.Code, a.CountryFrom, code, from)
			}
		}
	}
}

// TestOfficialModifier checks that "official" before a noun is formal,
// not an official, while other agents before a noun name its owner.
func TestOfficialModifier(t *testing.T) {
	p, err := Build(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"The Egyptian foreign minister started a three-day official visit to Indonesia last Friday.": "Egyptian foreign minister=EGYGOV Indonesia=IDN",
		"A senior official said rebels seized two police stations.":                                  "senior official=GOV rebels=REB police=COP",
		// Those a meeting is of name it; a possessive person holds it.
		"The Kenyan president will attend the Economic Leaders' Meeting in Hanoi.": "Kenyan president=KENGOV Hanoi=VNM",
		"The Kenyan president's meeting with the Ugandan leader was cancelled.":    "Kenyan president=KENGOV Ugandan leader=UGAGOV",
		// Seats of government stand for their governments (actors-parley.txt).
		"A State Department spokesman criticized Iran.": "State Department spokesman=USAGOV Iran=IRN",
		"Downing Street rejected the offer.":            "Downing Street=GBRGOV",
		// Office-holders of 2025 (actors-2025.txt).
		"Kirill Dmitriev met Steve Witkoff in Miami.": "Kirill Dmitriev=RUSGOV Steve Witkoff=USAGOV Miami=USA",
		// A river of many countries is none of them (actors-parley.txt).
		"Ethiopia and Egypt resumed talks on the Nile dam.": "Ethiopia=ETH Egypt=EGY",
	} {
		d := parley.NewDoc(text)
		d.Published = time.Date(2025, 7, 22, 0, 0, 0, 0, time.UTC)
		if err := p.Run(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range d.Actors {
			got = append(got, d.SpanText(a.Tokens)+"="+a.Code)
		}
		if g := strings.Join(got, " "); g != want {
			t.Errorf("%s\ngot  %s\nwant %s", text, g, want)
		}
	}
}
