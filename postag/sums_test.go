package postag

import (
	"slices"
	"strings"
	"testing"

	"github.com/parley-events/parley/internal/corpus"
)

// tagFromAll is tagFrom with every feature looked up for every word, as
// before the sums of a word form's own features were kept: the
// reference the kept sums are checked against.
func (t *Tagger) tagFromAll(st *state, words []string) {
	for j := len(st.tags); j < len(words); j++ {
		if c, ok := t.m.tagdict[words[j]]; ok {
			st.tags = append(st.tags, int(c))
			continue
		}
		if !t.base && t.m.prep >= 0 && prepositions[st.norms[j]] {
			st.tags = append(st.tags, t.m.prep)
			continue
		}
		st.feats = features(st.feats[:0], words, st.norms, st.ambs, st.clus, j, st.tags)
		t.m.p.Score(st.feats, st.scores)
		st.tags = append(st.tags, t.m.best(st.scores, words[j], nil, !t.base))
	}
}

// sameTags checks that tagFrom, with the forms and sums st keeps from
// earlier sentences, tags words as tagFromAll does.
func sameTags(t *testing.T, tg *Tagger, st *state, words []string) {
	t.Helper()
	ref := &state{scores: make([]float32, tg.m.p.Classes())}
	tg.lookForms(st, words)
	ref.norms = normalizeAll(ref.norms[:0], words)
	ref.ambs = tg.m.ambsOf(ref.ambs[:0], ref.norms)
	if !slices.Equal(st.norms, ref.norms) || !slices.Equal(st.ambs, ref.ambs) {
		t.Fatalf("%q: kept forms %q %q, looked up %q %q", words, st.norms, st.ambs, ref.norms, ref.ambs)
	}
	for _, s := range []*state{st, ref} {
		s.clus = clustersOf(s.clus[:0], tg.m.clus, words)
		s.tags = s.tags[:0]
	}
	tg.tagFrom(st, words)
	tg.tagFromAll(ref, words)
	if !slices.Equal(st.tags, ref.tags) {
		t.Fatalf("%q: tags %v with kept sums, %v looking every feature up", words, st.tags, ref.tags)
	}
}

// TestWordSumsExact: tagging with the kept sums of word forms gives the
// tags of looking every feature up, the forms met for the first time or
// again, in sentences written for the test and, when ../shared/data is
// present, 300 AFP/Xinhua articles.
func TestWordSumsExact(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	st := &state{scores: make([]float32, tg.m.p.Classes())}
	for range 2 { // cold, then warm
		for _, s := range []string{
			"The ministers signed a ceasefire agreement in Geneva on Tuesday .",
			"Rebels shelled the port , killing 12 , officials said .",
			"ZANZIBAR 's Ruling Party WON , the Commission announced",
		} {
			sameTags(t, tg, st, strings.Fields(s))
		}
	}
	for _, text := range corpus.News(t, 300) {
		for _, s := range strings.Split(text, "\n") {
			if words := strings.Fields(s); len(words) > 0 {
				sameTags(t, tg, st, words)
			}
		}
	}
}
