package eventcode_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/dict"
	"github.com/parley-events/parley/eventcode"
	"github.com/parley-events/parley/pipeline"
)

// A small PETRARCH-format dictionary, written for these tests.
const (
	testVerbs = `&NEGAUX
+DID N'T
+WILL NOT

&TIES
+ECONOMIC
+MILITARY

--- ABANDON [345] ---
ABANDON
- * {NEW &TIES RELATIONS} [903]

--- QUARREL [111] ---
QUARREL
- &NEGAUX * OVER EFFORTS [050]
- * OVER EFFORTS [112]

--- REGRET [111] ---
REGRET
- HINTED * [112]

--- RISE [---] ---
RISE {RISES ROSE RISEN RISING}
- DEATH TOLL * [190]

--- SCOLD [111] ---
SCOLD

--- SCOLD [---] ---
SCOLD
- * IN PUBLIC [122]

&COIN
+FLORIN

&TREASURE
+GOLD FLORIN

--- DONATE [070] ---
DONATE
- * &COIN [071]
- * &TREASURE [904]

--- CAUTION [160] ---
CAUTION
- * THEIR ^ ABOUT + [162]

--- CONCUR [---] ---
CONCUR
- % * [031]
- * WITH % [031]
- * (WITH) [030]
`
	testActors = `FRANCE [FRA]
SPAIN [ESP]
ITALY [ITA]
GREECE [GRC]
`
)

// TestPatternBeforeVerb checks that words of a pattern before the verb are
// matched in the text's order, a phrase of the synset included ("did
// n't"), the verb this one complements included ("hinted that it
// regretted"), and that a negation the pattern names makes the code, not a
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
		{"France hinted that it regretted the decision of Spain.", "FRA 112 ESP asserted"},
		{"France regretted the decision of Spain.", "FRA 111 ESP asserted"},
		// Words before the verb in nouns the parser conjoined.
		{"France's death and injury toll rose again during the long war with Spain.", "FRA 190 ESP asserted"},
		// A verb defined in two groups takes either's patterns.
		{"France scolded Spain in public.", "FRA 122 ESP asserted"},
		{"France scolded Spain.", "FRA 111 ESP asserted"},
		// A compound ("%") acts on itself, unless it follows the verb of
		// a subject of its own, who then acts on each of its members.
		{"France and Spain concurred.", "FRA 031 ESP asserted; ESP 031 FRA asserted"},
		{"France concurs with Italy and Greece.", "FRA 031 ITA asserted; FRA 031 GRC asserted"},
		// Other modifiers may come after a word of a unit, not after a
		// synset's member.
		{"France will abandon new economic relations with Spain.", "FRA 903 ESP future"},
		{"France will abandon new bilateral economic relations with Spain.", "FRA 903 ESP future"},
		{"France will abandon new economic trade relations with Spain.", "FRA 345 ESP future"},
		// One actor is no compound.
		{"France concurs with Italy.", "FRA 030 ITA asserted"},
		// The longer of two synsets' members matches better.
		{"France donated a florin to Spain.", "FRA 071 ESP asserted"},
		{"France donated a gold florin to Spain.", "FRA 904 ESP asserted"},
		// "^" skips a noun phrase, an actor's or not.
		{"France cautioned their farmers about Spain.", "FRA 162 ESP asserted"},
		{"France cautioned their many young farmers about Spain.", "FRA 162 ESP asserted"},
		{"France cautioned their ally Italy about Spain.", "FRA 162 ESP asserted"},
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

// TestNewActors checks Config.NewActorLength: a short noun phrase no
// dictionary codes acts, with an empty code and its words as its name; a
// longer one does not; and new actors no event uses are not kept.
func TestNewActors(t *testing.T) {
	fsys := fstest.MapFS{"verbs.txt": {Data: []byte(testVerbs)}, "actors.txt": {Data: []byte(testActors)}}
	set, err := dict.LoadPetrarch(fsys, dict.PetrarchFiles{Verbs: "verbs.txt", Actors: []string{"actors.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.Build(pipeline.Config{Dicts: set, Coding: eventcode.Config{NewActorLength: 4}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, want string }{
		{"The Guild of Wizards quarrelled with Spain.", `"The Guild of Wizards" 111 ESP`},
		{"The old and venerable Guild of Northern Wizards has quarrelled with Spain.", ""},
		{"France quarrelled with the Guild of Wizards.", `FRA 111 "the Guild of Wizards"`},
		{"The weather in the valley was fine.", ""},
	} {
		d := parley.NewDoc(c.text)
		if err := p.Run(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		side := func(ref int, code string) string {
			if ref >= 0 && d.Actors[ref].Code == "" {
				return `"` + d.Actors[ref].Name + `"`
			}
			return code
		}
		var got []string
		for _, e := range d.Events {
			got = append(got, strings.Join([]string{side(e.SourceRef, e.Source), e.Code, side(e.TargetRef, e.Target)}, " "))
		}
		if g := strings.Join(got, "; "); g != c.want {
			t.Errorf("%s\ngot  %s\nwant %s", c.text, g, c.want)
		}
		for k, a := range d.Actors {
			if a.Code == "" && !slices.ContainsFunc(d.Events, func(e parley.Event) bool { return e.SourceRef == k || e.TargetRef == k }) {
				t.Errorf("%s: new actor %q kept though no event uses it", c.text, a.Name)
			}
		}
	}
}

// TestCommas checks Config.Commas: a short clause set off by a comma is
// left out, a list of actors is not a clause.
func TestCommas(t *testing.T) {
	fsys := fstest.MapFS{"verbs.txt": {Data: []byte(testVerbs)}, "actors.txt": {Data: []byte(testActors)}}
	set, err := dict.LoadPetrarch(fsys, dict.PetrarchFiles{Verbs: "verbs.txt", Actors: []string{"actors.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	commas := eventcode.PetrarchCommas
	for _, c := range []struct {
		text   string
		commas *eventcode.Commas
		want   string
	}{
		{"France quarrelled with Spain, while Italy quarrelled.", nil, "FRA 111 ESP; ITA 111 "},
		{"France quarrelled with Spain, while Italy quarrelled.", &commas, "FRA 111 ESP"},
		{"France quarrelled with Spain, while Italy quarrelled with Greece in the long winter of that year.", &commas, "FRA 111 ESP; ITA 111 GRC"},
		{"France quarrelled with Spain, Italy and Greece.", &commas, "FRA 111 ESP; FRA 111 ITA; FRA 111 GRC"},
		// Seven words are left out, eight kept.
		{"France quarrelled with Spain, while Italy quarrelled with Greece in winter.", &commas, "FRA 111 ESP"},
		{"France quarrelled with Spain, while Italy quarrelled with Greece in the winter.", &commas, "FRA 111 ESP; ITA 111 GRC"},
	} {
		p, err := pipeline.Build(pipeline.Config{Dicts: set, Coding: eventcode.Config{OneActor: true, Commas: c.commas}})
		if err != nil {
			t.Fatal(err)
		}
		d := parley.NewDoc(c.text)
		if err := p.Run(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range d.Events {
			got = append(got, strings.Join([]string{e.Source, e.Code, e.Target}, " "))
		}
		if g := strings.Join(got, "; "); g != c.want {
			t.Errorf("%s (commas %v)\ngot  %s\nwant %s", c.text, c.commas != nil, g, c.want)
		}
	}
}

// codeWithDicts runs the pipeline with the PETRARCH verb and actor
// dictionaries given as text and coding configuration cfg over each text,
// and returns "SOURCE CODE TARGET" for its events, joined by "; ".
func codeWithDicts(t *testing.T, verbs, actors string, cfg eventcode.Config, texts ...string) []string {
	t.Helper()
	fsys := fstest.MapFS{"verbs.txt": {Data: []byte(verbs)}, "actors.txt": {Data: []byte(actors)}}
	set, err := dict.LoadPetrarch(fsys, dict.PetrarchFiles{Verbs: "verbs.txt", Actors: []string{"actors.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.Build(pipeline.Config{Dicts: set, Coding: cfg})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, text := range texts {
		d := parley.NewDoc(text)
		if err := p.Run(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range d.Events {
			got = append(got, strings.Join([]string{e.Source, e.Code, e.Target}, " "))
		}
		out = append(out, strings.Join(got, "; "))
	}
	return out
}

// checkCoded fails t for each text whose events are not the wanted ones.
func checkCoded(t *testing.T, verbs, actors string, cfg eventcode.Config, cases [][2]string) {
	t.Helper()
	var texts []string
	for _, c := range cases {
		texts = append(texts, c[0])
	}
	for i, got := range codeWithDicts(t, verbs, actors, cfg, texts...) {
		if got != cases[i][1] {
			t.Errorf("%s\ngot  %s\nwant %s", cases[i][0], got, cases[i][1])
		}
	}
}

// TestClosingStatement checks that, with one-actor events, a closing
// "…, the minister said" is a statement of its own as well as the report
// of what it closes, whichever way the parser hangs it.
func TestClosingStatement(t *testing.T) {
	verbs := testVerbs + "\n--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n"
	actors := testActors + "FRENCH_MINISTER [FRAGOV]\n"
	checkCoded(t, verbs, actors, eventcode.Config{OneActor: true}, [][2]string{
		{"France quarrelled with Spain over fishing rights on Monday, the French minister said on Tuesday.", "FRA 111 ESP; FRAGOV 010 "},
		// An opening "said that" is the report of its content alone.
		{"The French minister said on Tuesday that France quarrelled with Spain over fishing rights.", "FRA 111 ESP"},
	})
}

// TestComplexMark checks that TABARI's "+++" (a sentence too complex to
// code) and "###" on a pattern or a group are no event codes: another
// pattern codes the verb, or nothing does.
func TestComplexMark(t *testing.T) {
	verbs := testVerbs + "\n--- RESTORE [---] ---\nRESTORE\n- * FXLL DIPLOMATIC [+++]\n- * DIPLOMATIC [064]\n\n--- BLAST [+++] ---\nBLAST {BLASTS BLASTED BLASTING}\n"
	checkCoded(t, verbs, testActors, eventcode.Config{}, [][2]string{
		{"France will restore fxll diplomatic ties with Spain.", "FRA 064 ESP"},
		{"France blasted Spain on Monday.", ""},
	})
}

// TestAppealInPlace checks that an appeal for something in a place is
// aimed at the place whatever code the dictionary gives appeals (CAMEO
// 2.0's 02x, TABARI's 095).
func TestAppealInPlace(t *testing.T) {
	verbs := testVerbs + "\n--- APPEAL [095] ---\nAPPEAL {APPEALS APPEALED APPEALING}\n"
	checkCoded(t, verbs, testActors, eventcode.Config{}, [][2]string{
		{"France has again appealed for peace in Spain in a message to its leaders.", "FRA 095 ESP"},
	})
}
