package pipeline

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/parley-events/parley"
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
