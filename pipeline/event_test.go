package pipeline

import (
	"strings"
	"testing"

	"github.com/parley-events/parley"
)

// TestReferenceArticleEvents codes the reference article (read from
// ../shared/data; skipped when absent) and checks the events the issue
// asks for: who, to whom, the code (a prefix), the modality, the
// evidence; and that "Moscow has yet to comment" is not coded as an
// event that happened.
func TestReferenceArticleEvents(t *testing.T) {
	d := referenceArticle(t)
	for _, c := range []struct {
		what             string
		source, target   string // codes; the target may be one of several, split by |
		code             string // a prefix
		mode             parley.Modality
		sourceText, word string // in the source's span; in the sentence
	}{
		{"Zelensky: talks with Russia in Istanbul", "UKRGOV", "RUS", "036", parley.Future, "Zelensky", "Istanbul"},
		{"Trump threatens Russia, on a condition", "USAGOV", "RUS", "13", parley.Conditional, "Trump", "ceasefire"},
		{"Washington pledges military aid to Ukraine", "USA", "UKR", "0332", parley.Asserted, "Washington", "military"},
		{"Russia's drone and missile attacks on Ukraine", "RUS", "UKR", "195", parley.Asserted, "Russia", "drone"},
		{"Peskov's pessimistic comment", "RUSGOV", "UKR|", "012", parley.Asserted, "Peskov", "diametrically"},
		{"Trump's dissatisfaction with Putin", "USAGOV", "RUSGOV", "11", parley.Asserted, "Trump", "dissatisfaction"},
	} {
		found := false
		for _, e := range d.Events {
			if e.Source == c.source && strings.Contains("|"+c.target+"|", "|"+e.Target+"|") &&
				strings.HasPrefix(e.Code, c.code) && e.Mode == c.mode &&
				strings.Contains(d.SpanText(d.Actors[e.SourceRef].Tokens), c.sourceText) &&
				strings.Contains(d.SentenceText(e.Sentence), c.word) && e.Pattern != "" {
				found = true
			}
		}
		if !found {
			t.Errorf("no event for %s: want %s -> %s, %s…, %s", c.what, c.source, c.target, c.code, c.mode)
		}
	}
	// Trump's ultimatum: a deadline 50 days from the article's date, set
	// by USAGOV on RUS, approximate (the article is not the day it was
	// set), with its condition.
	found := false
	for _, dl := range d.Deadlines {
		if dl.SetBy == "USAGOV" && dl.On == "RUS" && dl.Due.Format("2006-01-02") == "2025-09-10" && dl.Approximate &&
			strings.Contains(d.SpanText(dl.Tokens), "50 days") && strings.Contains(d.SpanText(dl.Condition), "ceasefire") {
			found = true
		}
	}
	if !found {
		t.Errorf("no deadline USAGOV -> RUS due 2025-09-10 (approximate) for Trump's ultimatum; have %+v", d.Deadlines)
	}
	// The talks are dated by "on Wednesday": 2025-07-23, to the day.
	for _, e := range d.Events {
		if e.Code == "036" && e.Source == "UKRGOV" && (e.Date.Format("2006-01-02") != "2025-07-23" || e.Precision != "day") {
			t.Errorf("the talks are dated %s (%s), want 2025-07-23 (day)", e.Date.Format("2006-01-02"), e.Precision)
		}
	}
	for _, e := range d.Events {
		if s := d.SentenceText(e.Sentence); strings.Contains(s, "yet to comment") && e.Mode != parley.Negated {
			t.Errorf("%q coded as %s %s", s, e.Code, e.Mode)
		}
	}
	if t.Failed() {
		for _, e := range d.Events {
			t.Logf("%-14q %-5s %-7s -> %-7s %-12s %s", d.SpanText(e.Trigger), e.Code, e.Source, e.Target, e.Mode, e.Pattern)
		}
	}
}
