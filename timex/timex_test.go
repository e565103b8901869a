package timex_test

import (
	"reflect"
	"regexp"
	"testing"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/internal/corpus"
	"github.com/parley-events/parley/pipeline"
	"github.com/parley-events/parley/timex"
)

// value is the shape of the TimeML values the stage writes.
var value = regexp.MustCompile(`^(PRESENT_REF|PAST_REF|FUTURE_REF|` +
	`\d{2,4}(-(\d{2}(-\d{2}(T(\d{2}:\d{2}(:\d{2})?|MO|AF|EV|NI))?)?|W\d{2}(-WE)?|Q\d|H\d|SP|SU|FA|WI))?|` +
	`P(T)?(\d+|X)(Y|M|W|D|H|S|DE|CE)|XXXX-WXX-\d)$`)

// FuzzTimex checks the stage's invariants on any text: expressions lie
// within one sentence, in order and apart, with a TIMEX3 type and a value
// of TimeML's shapes; and skipping the words no expression may begin at
// finds what running the matchers everywhere finds.
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
	everywhere, err := pipeline.Build(pipeline.Config{Stages: []string{"tokenize", "segment", "postag", "lemma", "depparse"}})
	if err != nil {
		f.Fatal(err)
	}
	tg := timex.New(nil)
	f.Fuzz(func(t *testing.T, text string) {
		d := parley.NewDoc(text)
		d.Published = time.Date(2025, 7, 22, 0, 0, 0, 0, time.UTC)
		if err := p.Run(t.Context(), d); err != nil {
			t.Skip()
		}
		// The matchers run at every word find the same.
		e := parley.NewDoc(text)
		e.Published = d.Published
		if err := everywhere.Run(t.Context(), e); err != nil {
			t.Skip()
		}
		if err := tg.ProcessEverywhere(t.Context(), e); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(d.Timexes, e.Timexes) || d.Dateline != e.Dateline {
			t.Fatalf("skipping gives %v, running everywhere %v", d.Timexes, e.Timexes)
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

// TestSkipIsExact: not running the matchers at words no expression may
// begin at (mayStart) changes no expression, value, dateline or note —
// on sentences written for the test and, when ../shared/data is present,
// 500 AFP/Xinhua articles.
func TestSkipIsExact(t *testing.T) {
	p, err := pipeline.Build(pipeline.Config{Stages: []string{"tokenize", "segment", "postag", "lemma", "depparse"}})
	if err != nil {
		t.Fatal(err)
	}
	tg := timex.New(func() time.Time { return time.Date(2025, 7, 22, 0, 0, 0, 0, time.UTC) })
	check := func(text string, published time.Time) {
		t.Helper()
		var docs [2]*parley.Doc
		for k := range docs {
			d := parley.NewDoc(text)
			d.Published = published
			if err := p.Run(t.Context(), d); err != nil {
				t.Fatal(err)
			}
			docs[k] = d
		}
		if err := tg.Process(t.Context(), docs[0]); err != nil {
			t.Fatal(err)
		}
		if err := tg.ProcessEverywhere(t.Context(), docs[1]); err != nil {
			t.Fatal(err)
		}
		a, b := docs[0], docs[1]
		if !reflect.DeepEqual(a.Timexes, b.Timexes) || a.Dateline != b.Dateline || !a.Published.Equal(b.Published) || !reflect.DeepEqual(a.Notes, b.Notes) {
			t.Fatalf("%.80q: skipping gives %v (dateline %v), running everywhere %v (dateline %v)", text, a.Timexes, a.Dateline, b.Timexes, b.Dateline)
		}
	}
	day := time.Date(2025, 7, 22, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"KYIV, July 21 - Talks will resume on Wednesday, three days after the mid-November deadline and twenty-five years after the 1990s ended.",
		"The ministers met in the early hours of Monday; over two years ago, in the '80s, about a dozen envoys came every week at 5 p.m. EST.",
		"Nothing here is a date at all, said the well-known minister.",
	} {
		check(text, day)
		check(text, time.Time{})
	}
	for _, text := range corpus.News(t, 500) {
		check(text, day)
	}
}
