package eventcode_test

import (
	"testing"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/eventcode"
	"github.com/parley-events/parley/pipeline"
)

// event returns the event of d from source to target, failing when there
// is none.
func event(t *testing.T, d *parley.Doc, source, target string) *parley.Event {
	t.Helper()
	for k := range d.Events {
		if e := &d.Events[k]; e.Source == source && e.Target == target {
			return e
		}
	}
	t.Fatalf("no event %s → %s in %q: %v", source, target, d.Text, codes(d))
	return nil
}

// TestConfidenceFeatures checks the features the confidence model reads
// off an event, and that the confidence moves the way they say.
func TestConfidenceFeatures(t *testing.T) {
	p, err := pipeline.Build(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	feature := func(name string) int {
		for i, f := range eventcode.ConfidenceFeatures {
			if f == name {
				return i
			}
		}
		t.Fatalf("no feature %q", name)
		return -1
	}
	if len(eventcode.ConfidenceWeights) != len(eventcode.ConfidenceFeatures)+1 {
		t.Fatalf("%d weights for %d features and a bias", len(eventcode.ConfidenceWeights), len(eventcode.ConfidenceFeatures))
	}

	// The target as the verb's object, and the same target two steps
	// down ("the policies of Chile"): the second is less sure.
	near := run(t, p, "Peru condemned Chile on Monday.")
	far := run(t, p, "Peru condemned the policies of Chile on Monday.")
	en, ef := event(t, near, "PER", "CHL"), event(t, far, "PER", "CHL")
	if f := eventcode.EventFeatures(near, en); f[feature("target two steps from the trigger")] != 0 {
		t.Errorf("object: features %v", f)
	}
	if f := eventcode.EventFeatures(far, ef); f[feature("target two steps from the trigger")] != 1 {
		t.Errorf("object's nmod: features %v", f)
	}
	if en.Confidence <= ef.Confidence || en.Confidence != eventcode.Confidence(near, en) {
		t.Errorf("confidence %.2f for the object, %.2f two steps down", en.Confidence, ef.Confidence)
	}

	// A second conjoined subject stands where the first does.
	d := run(t, p, "Peru and Bolivia condemned Chile on Monday.")
	fa, fb := eventcode.EventFeatures(d, event(t, d, "PER", "CHL")), eventcode.EventFeatures(d, event(t, d, "BOL", "CHL"))
	for i := range fa {
		if fa[i] != fb[i] {
			t.Errorf("features of the two conjoined subjects differ: %v, %v", fa, fb)
			break
		}
	}

	// Negation and a country acting on its own body lower it.
	neg := run(t, p, "Peru did not condemn Chile on Monday.")
	if e := event(t, neg, "PER", "CHL"); e.Mode != parley.Negated || eventcode.EventFeatures(neg, e)[feature("negated or conditional")] != 1 || e.Confidence >= en.Confidence {
		t.Errorf("negated: mode %s, confidence %.2f (asserted: %.2f)", e.Mode, e.Confidence, en.Confidence)
	}
	own := run(t, p, "Peru accused the Peruvian government of fraud.")
	if e := event(t, own, "PER", "PERGOV"); eventcode.EventFeatures(own, e)[feature("a country and one of its own bodies or people")] != 1 {
		t.Errorf("PER → PERGOV: features %v", eventcode.EventFeatures(own, e))
	}
}
