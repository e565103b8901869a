package timex_test

import (
	"regexp"
	"testing"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/pipeline"
)

// value is the shape of the TimeML values the stage writes.
var value = regexp.MustCompile(`^(PRESENT_REF|PAST_REF|FUTURE_REF|` +
	`\d{2,4}(-(\d{2}(-\d{2}(T(\d{2}:\d{2}(:\d{2})?|MO|AF|EV|NI))?)?|W\d{2}(-WE)?|Q\d|H\d|SP|SU|FA|WI))?|` +
	`P(T)?(\d+|X)(Y|M|W|D|H|S|DE|CE)|XXXX-WXX-\d)$`)

// FuzzTimex checks the stage's invariants on any text: expressions lie
// within one sentence, in order and apart, with a TIMEX3 type and a value
// of TimeML's shapes.
func FuzzTimex(f *testing.F) {
	for _, s := range []string{
		"Talks will resume on Wednesday, three days after the 1990s ended.",
		"10/30/89 at 5 p.m. EST Nov. 9", "the third quarter of 1989 a year earlier", "", "May may May 2021",
	} {
		f.Add(s)
	}
	p, err := pipeline.Build(pipeline.Config{Stages: []string{"tokenize", "segment", "postag", "lemma", "depparse", "timex"}})
	if err != nil {
		f.Fatal(err)
	}
	types := map[string]bool{"DATE": true, "TIME": true, "DURATION": true, "SET": true}
	f.Fuzz(func(t *testing.T, text string) {
		d := parley.NewDoc(text)
		d.Published = time.Date(2025, 7, 22, 0, 0, 0, 0, time.UTC)
		if err := p.Run(t.Context(), d); err != nil {
			t.Skip()
		}
		for k, x := range d.Timexes {
			if x.Tokens.Empty() || x.Tokens.Start < 0 || x.Tokens.End > len(d.Tokens) {
				t.Fatalf("timex %d: span %v", k, x.Tokens)
			}
			if k > 0 && d.Timexes[k-1].Tokens.End > x.Tokens.Start {
				t.Fatalf("timex %d overlaps or precedes the one before", k)
			}
			in := false
			for _, s := range d.Sentences {
				in = in || s.Tokens.Contains(x.Tokens)
			}
			if !in || !types[x.Type] || !value.MatchString(x.Value) {
				t.Fatalf("timex %d %q: %s %q (in a sentence: %v)", k, d.SpanText(x.Tokens), x.Type, x.Value, in)
			}
		}
	})
}
