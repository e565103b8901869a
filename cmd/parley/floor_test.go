package main

import (
	"io"
	"os"
	"testing"
)

// TestEventFloors scores the event coder on the PETRARCH unit-test suite
// and the PLOVER gold dev records (read from ../shared/data; skipped when
// absent). Floors only go up: raise them with the coder.
func TestEventFloors(t *testing.T) {
	const dir = "../../../shared/data"
	if _, err := os.Stat(dir + "/petrarch/PETR.UnitTest.records.xml"); err != nil {
		t.Skipf("../shared/data not present (%v): skipping the event-coding floors", err)
	}
	env := Env{Stderr: io.Discard}
	for _, c := range []struct {
		name          string
		file          string
		verbs, actors string
		goldParse     bool
		floor         float64
	}{
		{"treebank file, own parser", "PETR.UnitTest.records.xml", "", "", false, 0.80},
		{"UD file, own parser", "PETR.UnitTest.records.ud.xml", "PETR.Validate.verbs.2.0.txt", "PETR.Validate.actors.2.0.txt", false, 0.80},
		{"UD file, gold parses", "PETR.UnitTest.records.ud.xml", "PETR.Validate.verbs.2.0.txt", "PETR.Validate.actors.2.0.txt", true, 0.81},
	} {
		r, err := evalPetrarch(t.Context(), env, dir+"/petrarch/"+c.file, "", c.verbs, c.actors, c.goldParse, false)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("PETRARCH %s: %.4f (%d of %d)", c.name, r.Accuracy, r.Correct, r.Records)
		if r.Accuracy < c.floor {
			t.Errorf("PETRARCH %s: accuracy %.4f, floor %.2f", c.name, r.Accuracy, c.floor)
		}
	}
	p, err := evalPlover(t.Context(), env, dir+"/events/plover-gsr-dev.json", "", false)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("PLOVER dev: event %.4f, source %.4f, target %.4f, dyad %.4f", p.EventAccuracy, p.SourceAccuracy, p.TargetAccuracy, p.DyadAccuracy)
	if p.EventAccuracy < 0.74 || p.SourceAccuracy < 0.78 || p.TargetAccuracy < 0.72 || p.DyadAccuracy < 0.60 {
		t.Errorf("PLOVER dev: event %.4f (floor 0.74), source %.4f (floor 0.78), target %.4f (floor 0.72), dyad %.4f (floor 0.60)", p.EventAccuracy, p.SourceAccuracy, p.TargetAccuracy, p.DyadAccuracy)
	}
}

// TestTimexFloors scores the timex stage on TimeBank (read from
// ../shared/data; skipped when absent). Floors only go up.
func TestTimexFloors(t *testing.T) {
	const dir = "../../../shared/data/timeml/timebank"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("../shared/data not present (%v): skipping the TimeBank floors", err)
	}
	s, err := evalTimeML(t.Context(), Env{Stderr: io.Discard}, []string{dir}, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("TimeBank: %d files, relaxed F1 %.4f, strict F1 %.4f, type %.4f, value F1 %.4f", s.Files, s.RelaxedF1, s.StrictF1, s.TypeAccuracy, s.ValueF1)
	if s.Files != 183 || s.RelaxedF1 < 0.92 || s.ValueF1 < 0.77 {
		t.Errorf("TimeBank: %d files (want 183), relaxed F1 %.4f (floor 0.92), value F1 %.4f (floor 0.77)", s.Files, s.RelaxedF1, s.ValueF1)
	}
}

// TestGeoFloors scores the geo stage on GeoWebNews and TR-News with gold
// spans (read from ../shared/data; skipped when absent). Floors only go
// up.
func TestGeoFloors(t *testing.T) {
	const dir = "../../../shared/data/geoparse"
	if _, err := os.Stat(dir + "/tr-news.xml"); err != nil {
		t.Skipf("../shared/data not present (%v): skipping the geoparsing floors", err)
	}
	for _, c := range []struct {
		file            string
		acc161, country float64
	}{
		{"geowebnews.xml", 0.72, 0.93},
		{"tr-news.xml", 0.71, 0.93},
	} {
		s, err := evalGeo(t.Context(), Env{Stderr: io.Discard}, []string{dir + "/" + c.file}, "", false)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d toponyms, acc@161 %.4f, country %.4f, recognition F1 %.4f", c.file, s.Toponyms, s.Acc161, s.CountryAccuracy, s.RecognitionF1)
		if s.Acc161 < c.acc161 || s.CountryAccuracy < c.country {
			t.Errorf("%s: acc@161 %.4f (floor %.2f), country %.4f (floor %.2f)", c.file, s.Acc161, c.acc161, s.CountryAccuracy, c.country)
		}
	}
}

// TestConfidenceFloor scores the event coder's confidences on the events
// judged by hand (eventcode/testdata/confidence*.tsv) over the articles
// they come from (read from ../shared/data; skipped when absent): most
// judged events must still be coded (fewer are as false ones are mended;
// below 250, judge a new sample), and their confidences must still
// separate the right ones from the rest. The AUC floor only goes up.
func TestConfidenceFloor(t *testing.T) {
	const corpus = "../../../shared/data/unlabeled/te3-silver-news.jsonl"
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("../shared/data not present (%v): skipping the confidence floor", err)
	}
	s, err := evalConfidence(t.Context(), Env{Stderr: io.Discard}, []string{"../../eventcode/testdata/confidence.tsv", "../../eventcode/testdata/confidence-heldout.tsv"}, corpus, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("confidence: %d of %d judged events coded, %d right, AUC %.3f, kept %+v", s.Matched, s.Judged, s.Right, s.AUC, s.Kept)
	if s.Matched < 250 || s.AUC < 0.75 {
		t.Errorf("confidence: %d judged events matched (floor 250), AUC %.3f (floor 0.75)", s.Matched, s.AUC)
	}
}
