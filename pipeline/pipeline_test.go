package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/parley-events/parley"
)

type fakeStage struct{ err error }

func (f fakeStage) Process(context.Context, *parley.Doc) error { return f.err }

func TestNewRejectsMisorder(t *testing.T) {
	_, err := New(0,
		Step{Name: "segment", Requires: parley.LayerTokens, Assigns: parley.LayerSentences, Stage: fakeStage{}},
		Step{Name: "tokenize", Assigns: parley.LayerTokens, Stage: fakeStage{}},
	)
	if parley.KindOf(err) != parley.Invalid || !strings.Contains(err.Error(), `"segment" requires layer tokens`) {
		t.Errorf("New(misordered) error = %v, want Invalid naming segment and tokens", err)
	}
}

func TestBuildDefault(t *testing.T) {
	p, err := Build(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range p.Steps() {
		names = append(names, s.Name)
	}
	if got, want := strings.Join(names, ","), "tokenize,segment,postag,lemma,depparse,ner,timex,geo,actor,eventcode"; got != want {
		t.Errorf("default stages = %s, want %s", got, want)
	}
	d := parley.NewDoc("Talks resumed. Nobody left.")
	if err := p.Run(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	if !d.Layers.Has(parley.LayerTokens|parley.LayerSentences) || len(d.Sentences) != 2 {
		t.Errorf("after Run: layers %v, %d sentences; want tokens+sentences and 2", d.Layers, len(d.Sentences))
	}
}

func TestBuildUnknown(t *testing.T) {
	_, err := Build(Config{Stages: []string{"tokenize", "nope"}})
	if parley.KindOf(err) != parley.Invalid || !strings.Contains(err.Error(), `unknown stage "nope"`) {
		t.Errorf("Build(unknown) error = %v", err)
	}
}

func TestRunStageError(t *testing.T) {
	boom := errors.New("boom")
	p, err := New(0, Step{Name: "x", Stage: fakeStage{err: parley.E("x", parley.Unavailable, boom)}})
	if err != nil {
		t.Fatal(err)
	}
	d := parley.NewDoc("a")
	d.Origin = "in.txt"
	err = p.Run(t.Context(), d)
	if !errors.Is(err, boom) || parley.KindOf(err) != parley.Unavailable || !strings.HasPrefix(err.Error(), "in.txt: pipeline.x") {
		t.Errorf("Run error = %v, want the stage's Unavailable error located at in.txt", err)
	}
}

// panicStage is a stage with a bug.
type panicStage struct{}

func (panicStage) Process(context.Context, *parley.Doc) error { panic("index out of range") }

// TestRunStagePanic checks that a stage's panic is an Internal error of
// the document, located, with the panic's value, not a crash of the batch.
func TestRunStagePanic(t *testing.T) {
	p, err := New(0, Step{Name: "x", Stage: panicStage{}})
	if err != nil {
		t.Fatal(err)
	}
	d := parley.NewDoc("a")
	d.Origin = "in.jsonl:7"
	err = p.Run(t.Context(), d)
	if parley.KindOf(err) != parley.Internal || !strings.HasPrefix(err.Error(), "in.jsonl:7: pipeline.x: internal error: panic: index out of range") {
		t.Errorf("Run error = %v, want an internal error located at in.jsonl:7", err)
	}
}

func TestRunMissingLayer(t *testing.T) {
	p, err := New(parley.LayerTokens, Step{Name: "segment", Requires: parley.LayerTokens, Stage: fakeStage{}})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Run(t.Context(), parley.NewDoc("a")); parley.KindOf(err) != parley.Invalid {
		t.Errorf("Run on a doc without tokens: error = %v, want Invalid", err)
	}
}
