package pipeline

import (
	"strings"
	"testing"
	"time"

	"github.com/parley-events/parley"
)

// timexes runs the pipeline to the timex stage over text published on
// day and returns "words=TYPE:VALUE" for each expression.
func timexes(t *testing.T, p *Pipeline, text string, day time.Time) []string {
	t.Helper()
	d := parley.NewDoc(text)
	d.Published = day
	if err := p.Run(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, x := range d.Timexes {
		out = append(out, d.SpanText(x.Tokens)+"="+x.Type+":"+x.Value)
	}
	return out
}

// TestTimex checks the expressions and values of sentences written for
// the test, published on Tuesday 22 July 2025 unless said otherwise.
func TestTimex(t *testing.T) {
	p, err := Build(Config{Stages: []string{"tokenize", "segment", "postag", "lemma", "depparse", "timex"}})
	if err != nil {
		t.Fatal(err)
	}
	tue := time.Date(2025, 7, 22, 9, 0, 0, 0, time.UTC)
	oct := time.Date(1989, 10, 30, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		text string
		day  time.Time
		want string
	}{
		{"The delegations will meet in Vienna on Wednesday.", tue, "Wednesday=DATE:2025-07-23"},
		{"The delegations met in Vienna on Wednesday.", tue, "Wednesday=DATE:2025-07-16"},
		{"Officials said the talks would be held on Wednesday.", tue, "Wednesday=DATE:2025-07-23"},
		{"The envoy arrived on Monday and left yesterday.", tue, "Monday=DATE:2025-07-21; yesterday=DATE:2025-07-21"},
		{"Elections are due on March 3, 2026, and were last held in May 2021.", tue, "March 3, 2026=DATE:2026-03-03; May 2021=DATE:2021-05"},
		{"Talks failed in May and June.", tue, "May=DATE:2025-05; June=DATE:2025-06"},
		{"A new round is planned for October.", tue, "October=DATE:2025-10"},
		{"The ceasefire collapsed last May.", tue, "last May=DATE:2025-05"},
		{"The ceasefire collapsed last December.", tue, "last December=DATE:2024-12"},
		{"The war began in 2022 and has lasted more than three years.", tue, "2022=DATE:2022; more than three years=DURATION:P3Y"},
		{"He gave them 50 days to agree.", tue, "50 days=DURATION:P50D"},
		{"The army withdrew three days ago.", tue, "three days ago=DATE:2025-07-19"},
		{"Ministers met last week and will meet again next month.", tue, "last week=DATE:2025-W29; next month=DATE:2025-08"},
		{"The summit was held this year, after talks last year.", tue, "this year=DATE:2025; last year=DATE:2024"},
		{"Shelling started at 10 p.m. Sunday.", tue, "10 p.m. Sunday=TIME:2025-07-20T22:00"},
		{"Troops patrol the border every week.", tue, "every week=SET:P1W"},
		{"Prices have risen in recent weeks.", tue, "recent weeks=DURATION:PXW"},
		{"The region was calm in the nineties.", tue, "the nineties=DATE:199"},
		{"Third-quarter profit rose to $5 million from $4 million a year earlier.", oct, "Third-quarter=DATE:1989-Q3; a year earlier=DATE:1988-Q3"},
		{"The company reported a loss for the quarter.", oct, "the quarter=DATE:1989-Q3"},
		// What a clause has been doing since a month began behind the
		// article, whatever the tense and however near the next one.
		{"The envoy has been mediating since March between the two leaders.", tue, "March=DATE:2025-03"},
		{"Talks have stalled since August.", tue, "August=DATE:2024-08"},
		// A month in the present tense is the nearest (a headline's
		// present tells what happened): behind, here.
		{"Sales rise sharply in October.", time.Date(2026, 1, 8, 0, 0, 0, 0, time.UTC), "October=DATE:2025-10"},
		{"Nobody came.", tue, ""},
	} {
		got := strings.Join(timexes(t, p, c.text, c.day), "; ")
		if got != c.want {
			t.Errorf("%s\ngot  %s\nwant %s", c.text, got, c.want)
		}
	}
}

// TestReferenceArticleTimexes checks the dates the issue lists for the
// reference article.
func TestReferenceArticleTimexes(t *testing.T) {
	d := referenceArticle(t)
	got := map[string][]string{}
	for _, x := range d.Timexes {
		w := d.SpanText(x.Tokens)
		got[w] = append(got[w], x.Type+":"+x.Value)
	}
	for w, want := range map[string]string{
		"Wednesday": "DATE:2025-07-23", "Monday": "DATE:2025-07-21", "May": "DATE:2025-05", "June": "DATE:2025-06",
		"2022": "DATE:2022", "the next 50 days": "DURATION:P50D",
	} {
		if len(got[w]) == 0 || got[w][0] != want {
			t.Errorf("%q = %v, want %s first", w, got[w], want)
		}
	}
}

// TestDateline checks that a dateline gives its place and, to an undated
// article, its date, and that a dateline far from the publication date
// gets a note.
func TestDateline(t *testing.T) {
	p, err := Build(Config{Stages: []string{"tokenize", "segment", "postag", "lemma", "depparse", "timex"}, Now: func() time.Time {
		return time.Date(2025, 7, 30, 0, 0, 0, 0, time.UTC)
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text      string
		published time.Time
		place     string
		date      string
		note      string
	}{
		{"KYIV, July 21 (Wire) - Shelling resumed on Monday.", time.Time{}, "KYIV", "2025-07-21", "dateline"},
		{"GENEVA, Switzerland, March 3 - Talks resumed.", time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC), "GENEVA", "2025-03-03", ""},
		{"ANKARA, May 2 - Talks resumed.", time.Date(2025, 7, 22, 0, 0, 0, 0, time.UTC), "ANKARA", "2025-07-22", "the dateline says 2025-05-02"},
		{"Talks resumed in Paris, on Jan. 5 - officials said.", time.Date(2025, 7, 22, 0, 0, 0, 0, time.UTC), "", "2025-07-22", ""},
		{"Envoys agree to meet again\n\nCAIRO, June 4 (Wire) - The envoys agreed on Wednesday to meet again.", time.Time{}, "CAIRO", "2025-06-04", "dateline"},
		{"LAGOS, June 4 (Wire)--- The envoys agreed on Wednesday to meet again.", time.Date(2025, 6, 4, 0, 0, 0, 0, time.UTC), "LAGOS", "2025-06-04", ""},
	} {
		d := parley.NewDoc(c.text)
		d.Published = c.published
		if err := p.Run(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		place := ""
		if !d.Dateline.Empty() {
			place = d.SpanText(d.Dateline)
		}
		var notes []string
		for _, n := range d.Notes {
			notes = append(notes, n.Message)
		}
		if place != c.place || d.Published.Format("2006-01-02") != c.date || !strings.Contains(strings.Join(notes, "; "), c.note) {
			t.Errorf("%s: dateline %q, published %s, notes %q; want %q, %s, a note with %q", c.text, place, d.Published.Format("2006-01-02"), notes, c.place, c.date, c.note)
		}
	}
}
