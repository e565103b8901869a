package eventcode_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/dict"
	"github.com/parley-events/parley/pipeline"
)

// A small PETRARCH-format dictionary, written for these tests.
const (
	testVerbs = `&NEGAUX
+DID N'T
+WILL NOT

--- QUARREL [111] ---
QUARREL
- &NEGAUX * OVER EFFORTS [050]
- * OVER EFFORTS [112]
`
	testActors = `FRANCE [FRA]
SPAIN [ESP]
`
)

// TestPatternBeforeVerb checks that words of a pattern before the verb are
// matched in the text's order, a phrase of the synset included ("did
// n't"), and that a negation the pattern names makes the code, not a
// negated event.
func TestPatternBeforeVerb(t *testing.T) {
	fsys := fstest.MapFS{"verbs.txt": {Data: []byte(testVerbs)}, "actors.txt": {Data: []byte(testActors)}}
	set, err := dict.LoadPetrarch(fsys, dict.PetrarchFiles{Verbs: "verbs.txt", Actors: []string{"actors.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.Build(pipeline.Config{Dicts: set})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, want string }{
		{"France didn't quarrel over the efforts of Spain.", "FRA 050 ESP asserted"},
		{"France will not quarrel over the efforts of Spain.", "FRA 050 ESP future"},
		{"France quarrelled over the efforts of Spain.", "FRA 112 ESP asserted"},
		{"France never quarrelled over the efforts of Spain.", "FRA 112 ESP negated"},
	} {
		d := parley.NewDoc(c.text)
		if err := p.Run(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range d.Events {
			got = append(got, strings.Join([]string{e.Source, e.Code, e.Target, string(e.Mode)}, " "))
		}
		if g := strings.Join(got, "; "); g != c.want {
			t.Errorf("%s\ngot  %s\nwant %s", c.text, g, c.want)
		}
	}
}
