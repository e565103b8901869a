package eval_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
	"github.com/parley-events/parley/cameo"
	"github.com/parley-events/parley/eval"
)

// ploverSample has records in the layout of the PLOVER gold-standard
// records, with invented sentences; every way the file gives actors
// appears once.
const ploverSample = `[
 {
  "id": "T-AGREE-1",
  "date": "2000-01-01",
  "source": [{"actorText": "Valorian", "code": "VLR", "sector": "GOV"}, {"actorText": "Quetzian", "code": "QTZ", "sector": "GOV"}],
  "event": "AGREE",
  "eventText": "agreed",
  "context": "diplomatic",
  "text": "Valorian and Quetzian ministers agreed to reopen the border.",
  "textInfo": {"markup": "(SRC/TAR: Valorian) and (SRC/TAR: Quetzian) ministers (EVT: agreed) to reopen the border."},
  "language": "en",
  "version": "0.5b1",
  "dateCoded": "2016-12-19",
  "comment": "Compound actor",
  "unknownField": {"ignored": true}
 },
 {
  "id": "T-FIGHT-1", "source": [{"actorText": "Valorian troops", "code": "VLR", "sector": "MIL"}],
  "target": [{"actorText": "the harbour", "code": "QTZ"}], "event": "FIGHT", "mode": "heavy-weapons",
  "text": "Valorian troops shelled the harbour.", "eventLoc": {"name": "Port Q", "country code": "QZ"},
  "dead": 12, "injured": "dozens", "size": "a battalion"
 },
 {"id": "T-PROTEST-1", "source": [{"actorText": "Farmers", "code": "QTZ", "sector": "CVL"}], "target": "", "event": "PROTEST", "text": "Farmers marched in the capital."},
 {"id": "T-AGREE-1", "source": null, "target": "diplomatic", "event": "DEMAND", "text": "Someone asked for talks."}
]
`

func TestReadPlover(t *testing.T) {
	recs, err := eval.ReadPlover(strings.NewReader(ploverSample), "gsr.json")
	if err != nil {
		t.Fatal(err)
	}
	want := []eval.PloverRecord{
		{
			ID: "T-AGREE-1", Date: "2000-01-01",
			Text:   "Valorian and Quetzian ministers agreed to reopen the border.",
			Source: []eval.PloverActor{{"Valorian", "VLR", "GOV"}, {"Quetzian", "QTZ", "GOV"}},
			Event:  "AGREE", EventText: "agreed", Context: "diplomatic",
			Markup:   "(SRC/TAR: Valorian) and (SRC/TAR: Quetzian) ministers (EVT: agreed) to reopen the border.",
			Language: "en", Version: "0.5b1", DateCoded: "2016-12-19", Comment: "Compound actor",
			Line: 2,
		},
		{
			ID: "T-FIGHT-1", Text: "Valorian troops shelled the harbour.",
			Source: []eval.PloverActor{{"Valorian troops", "VLR", "MIL"}},
			Target: []eval.PloverActor{{Text: "the harbour", Country: "QTZ"}},
			Event:  "FIGHT", Mode: "heavy-weapons",
			Place: &eval.PloverPlace{Name: "Port Q", Country: "QZ"}, Dead: "12", Injured: "dozens", Size: "a battalion",
			Line: 17,
		},
		{
			ID: "T-PROTEST-1", Text: "Farmers marched in the capital.",
			Source: []eval.PloverActor{{"Farmers", "QTZ", "CVL"}}, Event: "PROTEST", Line: 23,
		},
		{
			ID: "T-AGREE-1#2", Text: "Someone asked for talks.",
			Target: []eval.PloverActor{{Text: "diplomatic"}}, Event: "DEMAND", Line: 24,
		},
	}
	if diff := cmp.Diff(want, recs); diff != "" {
		t.Errorf("ReadPlover mismatch (-want +got):\n%s", diff)
	}
}

func TestReadPloverErrors(t *testing.T) {
	const good = `{"id": "OK", "event": "AGREE", "text": "Fine."}`
	tests := []struct {
		name string
		src  string
		line int
		msg  string
	}{
		{"no id", "[\n" + good + ",\n{\"event\": \"AGREE\", \"text\": \"x\"}]", 3, "without an id"},
		{"empty id", "[\n{\"id\": \" \", \"event\": \"AGREE\", \"text\": \"x\"},\n" + good + "]", 2, "without an id"},
		{"no text", "[" + good + ",\n\n  {\"id\": \"B\", \"event\": \"AGREE\"}]", 3, "record B has no text"},
		{"blank text", "[" + good + ",\n{\"id\": \"B\", \"event\": \"AGREE\", \"text\": \"  \"}]", 2, "record B has no text"},
		{"no event", "[" + good + ",\n{\"id\": \"B\", \"text\": \"x\"}]", 2, "record B has no event"},
		{"id a number", "[" + good + ",\n{\"id\": 7, \"event\": \"AGREE\", \"text\": \"x\"}]", 2, "field id is a JSON number, want string"},
		{"mode a list", "[" + good + ",\n{\"id\": \"B\", \"event\": \"AGREE\", \"text\": \"x\", \"mode\": []}]", 2, "field mode is a JSON array, want string"},
		{"dead an object", "[" + good + ",\n{\"id\": \"B\", \"event\": \"AGREE\", \"text\": \"x\", \"dead\": {}}]", 2, "neither a string nor a number"},
		{"source a number", "[" + good + ",\n{\"id\": \"B\", \"event\": \"AGREE\", \"text\": \"x\", \"source\": 3}]", 2, "record B: source: want a list"},
		{"target of strings", "[" + good + ",\n{\"id\": \"B\", \"event\": \"AGREE\", \"text\": \"x\", \"target\": [\"VLR\"]}]", 2, "record B: target: want a list"},
		{"null actor", "[" + good + ",\n{\"id\": \"B\", \"event\": \"AGREE\", \"text\": \"x\", \"target\": [null]}]", 2, "null actor"},
		{"record a string", "[" + good + ",\n\"B\"]", 2, "not a JSON object"},
		{"record a list", "[" + good + ",\n[1, 2]]", 2, "not a JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := eval.ReadPlover(strings.NewReader(tt.src), "gsr.json")
			if err == nil {
				t.Fatal("no error")
			}
			if len(recs) != 1 || recs[0].ID != "OK" {
				t.Errorf("records %+v, want the good one", recs)
			}
			var pe *parley.Error
			if !errors.As(err, &pe) || pe.Kind != parley.Invalid || pe.Input != "gsr.json" || pe.Line != tt.line {
				t.Fatalf("error %v, want invalid input at gsr.json:%d", err, tt.line)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not mention %q", err, tt.msg)
			}
		})
	}
}

// TestReadPloverFatal checks the inputs that give no records at all.
func TestReadPloverFatal(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
		msg  string
	}{
		{"empty", "", 1, "not JSON"},
		{"not json", "<Sentences>", 1, "not JSON"},
		{"object", `{"id": "A"}`, 1, "not a JSON array"},
		{"string", `"records"`, 1, "not a JSON array"},
		{"truncated", "[\n{\"id\": \"A\",\n \"text\": ", 2, "not JSON"},
		{"bad syntax", "[\n{\"id\": \"A\"},\n{\"id\" \"B\"}]", 3, "not JSON"},
		{"unclosed", "[\n{\"id\": \"A\", \"event\": \"X\", \"text\": \"x\"}\n", 2, "not JSON"},
		{"trailing text", "[\n{\"id\": \"A\", \"event\": \"X\", \"text\": \"x\"}\n]\n[", 4, "text after the array"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := eval.ReadPlover(strings.NewReader(tt.src), "gsr.json")
			if recs != nil {
				t.Errorf("records %+v, want none", recs)
			}
			var pe *parley.Error
			if !errors.As(err, &pe) || pe.Kind != parley.Invalid || pe.Line != tt.line || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %v, want invalid input at line %d mentioning %q", err, tt.line, tt.msg)
			}
		})
	}
	recs, err := eval.ReadPlover(strings.NewReader(" [ ] "), "gsr.json")
	if len(recs) != 0 || err != nil {
		t.Errorf("empty array: %v, %v; want no records, no error", recs, err)
	}
	recs, err = eval.ReadPlover(brokenReader{errors.New("disk on fire")}, "gsr.json")
	if recs != nil || parley.KindOf(err) != parley.IO {
		t.Errorf("failing reader: %v, %v; want an I/O error", recs, err)
	}
}

func TestPloverRecordDoc(t *testing.T) {
	r := eval.PloverRecord{ID: "T-1", Text: "Valoria met Quetzia.", Date: "2000-01-01", Language: "en"}
	d := r.Doc()
	if d.Text != r.Text || d.SourceID != "T-1" || d.Language != "en" || d.ID != parley.Hash(r.Text) ||
		!d.Published.Equal(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Doc() = %+v", d)
	}
	r.Date = "January 2000"
	if d := r.Doc(); !d.Published.IsZero() {
		t.Errorf("Doc() with date %q: Published %v, want zero", r.Date, d.Published)
	}
}

func TestChoosePloverEvent(t *testing.T) {
	ev := func(code, src, tgt string, mode parley.Modality) parley.Event {
		return parley.Event{Code: code, Source: src, Target: tgt, Mode: mode}
	}
	tests := []struct {
		name   string
		events []parley.Event
		want   eval.PloverPrediction
		ok     bool
	}{
		{"none", nil, eval.PloverPrediction{}, false},
		{"one", []parley.Event{ev("042", "VLR", "QTZ", parley.Asserted)}, eval.PloverPrediction{"CONSULT", "042", "VLR", "QTZ"}, true},
		{"statement has no type", []parley.Event{ev("010", "VLR", "QTZ", parley.Asserted), ev("190", "VLR", "", parley.Negated)},
			eval.PloverPrediction{"ASSAULT", "190", "VLR", ""}, true},
		{"only statements", []parley.Event{ev("010", "VLR", "", parley.Asserted), ev("020", "VLR", "QTZ", parley.Asserted)},
			eval.PloverPrediction{"", "020", "VLR", "QTZ"}, true},
		{"both actors", []parley.Event{ev("042", "VLR", "---", parley.Asserted), ev("043", "---GOV", "QTZ", parley.Asserted), ev("120", "VLR", "QTZ", parley.Negated)},
			eval.PloverPrediction{"REJECT", "120", "VLR", "QTZ"}, true},
		{"not negated", []parley.Event{ev("120", "VLR", "QTZ", parley.Negated), ev("112", "VLR", "QTZ", parley.Future)},
			eval.PloverPrediction{"ACCUSE", "112", "VLR", "QTZ"}, true},
		{"first of the best", []parley.Event{ev("036", "VLR", "QTZ", parley.Reported), ev("042", "VLR", "QTZ", parley.Asserted)},
			eval.PloverPrediction{"AGREE", "036", "VLR", "QTZ"}, true},
		{"plover field wins", []parley.Event{{Code: "042", Plover: "AID", Source: "VLR", Target: "QTZ"}},
			eval.PloverPrediction{"AID", "042", "VLR", "QTZ"}, true},
		{"all negated", []parley.Event{ev("190", "VLR", "", parley.Negated)}, eval.PloverPrediction{"ASSAULT", "190", "VLR", ""}, true},
		{"conditional act of force read as a threat", []parley.Event{{Code: "1661", Plover: "THREATEN", Source: "VLR", Target: "QTZ", Mode: parley.Conditional}, ev("111", "VLRREB", "QTZGOV", parley.Asserted)},
			eval.PloverPrediction{"THREATEN", "1661", "VLR", "QTZ"}, true},
		{"conditional act with its own type", []parley.Event{{Code: "1661", Plover: "SANCTION", Source: "VLR", Target: "QTZ", Mode: parley.Conditional}, ev("111", "VLRREB", "QTZGOV", parley.Asserted)},
			eval.PloverPrediction{"ACCUSE", "111", "VLRREB", "QTZGOV"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := eval.ChoosePloverEvent(tt.events)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ChoosePloverEvent() = %+v, %v; want %+v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestScorePlover(t *testing.T) {
	actors := func(codes ...string) []eval.PloverActor {
		var as []eval.PloverActor
		for _, c := range codes {
			as = append(as, eval.PloverActor{Text: "x", Country: c})
		}
		return as
	}
	rec := func(event string, src, tgt []eval.PloverActor) eval.PloverRecord {
		return eval.PloverRecord{ID: "r", Event: event, Source: src, Target: tgt}
	}
	type right struct{ event, source, target bool }
	tests := []struct {
		name string
		rec  eval.PloverRecord
		pred *eval.PloverPrediction // nil: no prediction
		want right
	}{
		{"all right by code", rec("CONSULT", actors("VLR"), actors("QTZ")), &eval.PloverPrediction{Code: "042", Source: "VLRGOV", Target: "QTZ"}, right{true, true, true}},
		{"no prediction", rec("CONSULT", actors("VLR"), nil), nil, right{false, false, false}},
		{"type given", rec("AGREE", actors("VLR"), actors("QTZ")), &eval.PloverPrediction{Type: "AGREE", Code: "190"}, right{true, false, false}},
		{"type given in lower case", rec("AGREE", nil, nil), &eval.PloverPrediction{Type: " agree "}, right{true, true, true}},
		{"old gold label", rec("DEMAND", nil, nil), &eval.PloverPrediction{Code: "1011"}, right{true, true, true}},
		{"old predicted label", rec("FIGHT", nil, nil), &eval.PloverPrediction{Type: "FIGHT"}, right{true, true, true}},
		{"fight is assault", rec("FIGHT", nil, nil), &eval.PloverPrediction{Code: "193"}, right{true, true, true}},
		{"disapprove is accuse", rec("DISAPPROVE", nil, nil), &eval.PloverPrediction{Code: "112"}, right{true, true, true}},
		{"sanction is not 163", rec("SANCTION", nil, nil), &eval.PloverPrediction{Code: "163"}, right{false, true, true}},
		{"statement has no type", rec("CONSULT", nil, nil), &eval.PloverPrediction{Code: "010"}, right{false, true, true}},
		{"unknown code", rec("CONSULT", nil, nil), &eval.PloverPrediction{Code: "999"}, right{false, true, true}},
		{"unknown type", rec("CONSULT", nil, nil), &eval.PloverPrediction{Type: "MEET"}, right{false, true, true}},
		{"crime never matches", rec("CRIME", nil, nil), &eval.PloverPrediction{Type: "CRIME"}, right{false, true, true}},
		{"country of a longer code", rec("AID", actors("VLR"), actors("IGO")), &eval.PloverPrediction{Source: "vlrmil", Target: "IGOUNO"}, right{false, true, true}},
		{"wrong countries", rec("AID", actors("VLR"), actors("QTZ")), &eval.PloverPrediction{Source: "QTZ", Target: "VLR"}, right{false, false, false}},
		{"compound actor", rec("AID", actors("VLR", "QTZ"), actors("ABC")), &eval.PloverPrediction{Source: "QTZREB", Target: "ABC"}, right{false, true, true}},
		{"gold without target, none predicted", rec("AID", actors("VLR"), nil), &eval.PloverPrediction{Source: "VLR", Target: ""}, right{false, true, true}},
		{"gold without target, null predicted", rec("AID", actors("VLR"), nil), &eval.PloverPrediction{Source: "VLR", Target: "---GOV"}, right{false, true, true}},
		{"gold without target, one predicted", rec("AID", actors("VLR"), nil), &eval.PloverPrediction{Source: "VLR", Target: "QTZ"}, right{false, true, false}},
		{"gold target without code", rec("AID", actors("VLR"), []eval.PloverActor{{Text: "diplomatic"}}), &eval.PloverPrediction{Source: "VLR"}, right{false, true, true}},
		{"gold target, none predicted", rec("AID", actors("VLR"), actors("QTZ")), &eval.PloverPrediction{Source: "VLR", Target: "---"}, right{false, true, false}},
		{"gold without source", rec("AID", nil, actors("QTZ")), &eval.PloverPrediction{Source: "", Target: "QTZ"}, right{false, true, true}},
		{"misspelt gold Italy", rec("AID", actors("ITL"), actors("JAP")), &eval.PloverPrediction{Source: "ITAGOV", Target: "JPN"}, right{false, true, true}},
		{"republic of Serbia and Montenegro", rec("AID", actors("SRB"), actors("MNE")), &eval.PloverPrediction{Source: "SCGSRBGOV", Target: "SCGMNE"}, right{false, true, true}},
		{"Serbia and Montenegro itself", rec("AID", actors("SRB"), nil), &eval.PloverPrediction{Source: "SCGGOV"}, right{false, false, true}},
		{"misspelt on both sides", rec("AID", actors("ITL"), nil), &eval.PloverPrediction{Source: "ITL"}, right{false, true, true}},
		{"symmetric", eval.PloverRecord{ID: "r", Event: "AGREE", Source: actors("VLR", "QTZ"), Markup: "(SRC/TAR: V) and (SRC/TAR: Q) agreed"},
			&eval.PloverPrediction{Code: "030", Source: "QTZ", Target: "VLRGOV"}, right{true, true, true}},
		{"symmetric, no target predicted", eval.PloverRecord{ID: "r", Event: "AGREE", Source: actors("VLR", "QTZ"), Markup: "(SRC/TAR: V) and (SRC/TAR: Q) agreed"},
			&eval.PloverPrediction{Code: "030", Source: "QTZ"}, right{true, true, false}},
		{"symmetric with a stray target", eval.PloverRecord{ID: "r", Event: "AGREE", Source: actors("VLR", "QTZ"), Target: []eval.PloverActor{{Text: "diplomatic"}}, Markup: "(SRC/TAR: V) and (SRC/TAR: Q) agreed"},
			&eval.PloverPrediction{Code: "030", Source: "QTZ", Target: "VLR"}, right{true, true, true}},
		{"not symmetric without markup", rec("AGREE", actors("VLR", "QTZ"), nil), &eval.PloverPrediction{Code: "030", Source: "QTZ", Target: "VLR"}, right{true, true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pred := map[string]eval.PloverPrediction{"other": {Type: tt.rec.Event}}
			if tt.pred != nil {
				pred[tt.rec.ID] = *tt.pred
			}
			got := eval.ScorePlover([]eval.PloverRecord{tt.rec}, pred)
			f := func(b bool) float64 {
				if b {
					return 1
				}
				return 0
			}
			want := eval.PloverResult{
				Records: 1, Predicted: count(tt.pred != nil),
				EventAccuracy: f(tt.want.event), SourceAccuracy: f(tt.want.source), TargetAccuracy: f(tt.want.target),
				DyadAccuracy: f(tt.want.source && tt.want.target),
			}
			if got != want {
				t.Errorf("ScorePlover() = %+v, want %+v", got, want)
			}
		})
	}
}

func TestScorePloverFractions(t *testing.T) {
	recs := []eval.PloverRecord{
		{ID: "a", Event: "AGREE"}, {ID: "b", Event: "AGREE"}, {ID: "c", Event: "PROTEST"},
	}
	pred := map[string]eval.PloverPrediction{"a": {Type: "AGREE"}, "c": {Type: "AGREE", Target: "VLR"}}
	got := eval.ScorePlover(recs, pred)
	want := eval.PloverResult{Records: 3, Predicted: 2, EventAccuracy: 0.3333, SourceAccuracy: 0.6667, TargetAccuracy: 0.3333, DyadAccuracy: 0.3333}
	if got != want {
		t.Errorf("ScorePlover() = %+v, want %+v", got, want)
	}
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	const wantJSON = `{"records":3,"predicted":2,"event_accuracy":0.3333,"source_accuracy":0.6667,"target_accuracy":0.3333,"dyad_accuracy":0.3333}`
	if string(b) != wantJSON {
		t.Errorf("JSON %s, want %s", b, wantJSON)
	}
	if got := eval.ScorePlover(nil, pred); got != (eval.PloverResult{}) {
		t.Errorf("no records: %+v, want zero", got)
	}
}

// ploverOracle returns the prediction that matches r exactly: its first
// coded source and target, or for a symmetric record the second source
// as target.
func ploverOracle(r eval.PloverRecord) eval.PloverPrediction {
	p := eval.PloverPrediction{Type: r.Event}
	if len(r.Source) > 0 {
		p.Source = r.Source[0].Country + "GOV"
	}
	for _, a := range r.Target {
		if a.Country != "" {
			p.Target = a.Country
			break
		}
	}
	if p.Target == "" && strings.Contains(r.Markup, "(SRC/TAR:") && len(r.Source) > 1 {
		p.Target = r.Source[1].Country
	}
	return p
}

// TestPloverCorpus reads the PLOVER gold records of the shared data,
// checks what is known of them and that a prediction copied from the gold
// scores perfectly.
func TestPloverCorpus(t *testing.T) {
	path := filepath.Join("../../shared/data/events", "plover-gsr-dev.json")
	fh, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("skipping: %s not present (the PLOVER gold records live in ../shared/data/events)", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	recs, err := eval.ReadPlover(fh, path)
	if err != nil {
		t.Fatal(err)
	}
	var noSource, noTarget, compound, symmetric, misspelt int
	labels := map[string]int{}
	perfect := map[string]eval.PloverPrediction{}
	for _, r := range recs {
		labels[r.Event]++
		if _, ok := cameo.OldPlover(r.Event); !ok {
			t.Errorf("%s: label %q has no 2021 type", r.ID, r.Event)
		}
		noSource += count(len(r.Source) == 0)
		coded := false
		for _, a := range r.Target {
			coded = coded || a.Country != ""
		}
		noTarget += count(!coded)
		compound += count(len(r.Source) > 1 || len(r.Target) > 1)
		symmetric += count(strings.Contains(r.Markup, "(SRC/TAR:"))
		for _, a := range append(r.Source, r.Target...) {
			misspelt += count(a.Country == "ITL" || a.Country == "JAP")
		}
		perfect[r.ID] = ploverOracle(r)
	}
	if len(recs) != 164 || noSource != 1 || noTarget != 18 || compound != 21 || symmetric != 10 || misspelt != 2 || len(labels) != 18 {
		t.Errorf("records, without source, without target, compound, symmetric, misspelt, labels = %d, %d, %d, %d, %d, %d, %d; want 164, 1, 18, 21, 10, 2, 18",
			len(recs), noSource, noTarget, compound, symmetric, misspelt, len(labels))
	}
	want := eval.PloverResult{Records: 164, Predicted: 164, EventAccuracy: 1, SourceAccuracy: 1, TargetAccuracy: 1, DyadAccuracy: 1}
	if got := eval.ScorePlover(recs, perfect); got != want {
		t.Errorf("gold against itself: %+v, want %+v", got, want)
	}
	// A coder that finds nothing is right only where the gold has no actor.
	if got := eval.ScorePlover(recs, nil); got != (eval.PloverResult{Records: 164}) {
		t.Errorf("nothing predicted: %+v", got)
	}
	empty := map[string]eval.PloverPrediction{}
	for _, r := range recs {
		empty[r.ID] = eval.PloverPrediction{}
	}
	got := eval.ScorePlover(recs, empty)
	if got.SourceAccuracy != 0.0061 || got.TargetAccuracy != 0.0488 || got.EventAccuracy != 0 {
		t.Errorf("empty predictions: %+v, want source 1/164, target 8/164", got)
	}
}

// FuzzReadPlover checks that ReadPlover does not panic, returns records
// or an invalid-input error, and that the records have unique non-empty
// IDs, text and event, and lines in range.
func FuzzReadPlover(f *testing.F) {
	for _, s := range []string{
		ploverSample,
		`[{"id": "a", "event": "AGREE", "text": "x", "source": [{"code": 1}]}]`,
		`[{"id": "a", "event": "AGREE", "text": "x"}, {"id": "a", "event": "AGREE", "text": "y", "target": "z"}]`,
		`[{"id": "a"`,
		`[1, "a", null, {}]`,
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		recs, err := eval.ReadPlover(strings.NewReader(src), "fuzz")
		if err != nil && parley.KindOf(err) != parley.Invalid {
			t.Fatalf("error %v, want invalid input", err)
		}
		lines := strings.Count(src, "\n") + 1
		ids := map[string]bool{}
		for _, r := range recs {
			if r.ID == "" || ids[r.ID] || strings.TrimSpace(r.Text) == "" || r.Event == "" {
				t.Fatalf("record %+v: empty or repeated id, no text or no event", r)
			}
			ids[r.ID] = true
			if r.Line < 1 || r.Line > lines {
				t.Fatalf("record %s at line %d of %d", r.ID, r.Line, lines)
			}
			_ = r.Doc()
		}
		res := eval.ScorePlover(recs, nil)
		if res.Records != len(recs) {
			t.Fatalf("scored %d of %d records", res.Records, len(recs))
		}
	})
}
