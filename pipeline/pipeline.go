// Package pipeline assembles parley's stages into a checked, ordered
// pipeline. The stages themselves live one per package and know nothing of
// each other; stages.go holds the one table that names them, says which
// layers each requires and assigns, and builds them from a Config.
package pipeline

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/parley-events/parley"
)

// Stage annotates a Doc in place. Process fails only when the stage cannot
// run at all; problems in the text are recorded as Notes on the Doc.
// Stages hold only read-only state after construction and are safe for
// concurrent use.
type Stage interface {
	Process(ctx context.Context, d *parley.Doc) error
}

// Step is a named stage with the layers it requires and assigns.
type Step struct {
	Name     string
	Requires parley.Layer
	Assigns  parley.Layer
	Stage    Stage
}

// Pipeline runs steps in order over a Doc.
type Pipeline struct {
	steps []Step
	// Observe, if set, is called after each step with its duration.
	Observe func(step string, d time.Duration, err error)
}

// New returns a pipeline of steps, or an error of Kind Invalid when a step
// requires a layer that no earlier step assigns (beyond what the input
// documents already carry, given by have).
func New(have parley.Layer, steps ...Step) (*Pipeline, error) {
	for _, s := range steps {
		if s.Stage == nil {
			return nil, parley.E("pipeline.New", parley.Invalid, fmt.Errorf("step %q has no stage", s.Name))
		}
		if missing := s.Requires &^ have; missing != 0 {
			return nil, parley.E("pipeline.New", parley.Invalid,
				fmt.Errorf("step %q requires layer %s, which no earlier step assigns", s.Name, missing))
		}
		have |= s.Assigns
	}
	return &Pipeline{steps: steps}, nil
}

// Steps returns the pipeline's steps in order.
func (p *Pipeline) Steps() []Step { return p.steps }

// Assigns returns the union of the layers the steps assign.
func (p *Pipeline) Assigns() parley.Layer {
	var l parley.Layer
	for _, s := range p.steps {
		l |= s.Assigns
	}
	return l
}

// Run runs every step over d and records the layers each assigns in
// d.Layers. It stops at the first step that fails or when ctx is done.
func (p *Pipeline) Run(ctx context.Context, d *parley.Doc) error {
	for _, s := range p.steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if missing := s.Requires &^ d.Layers; missing != 0 {
			return &parley.Error{Op: "pipeline." + s.Name, Kind: parley.Invalid, Input: d.Origin,
				Err: fmt.Errorf("document %s lacks layer %s", d.ID, missing)}
		}
		start := time.Now()
		bug, err := process(ctx, s, d)
		if p.Observe != nil {
			p.Observe(s.Name, time.Since(start), err)
		}
		if err != nil {
			kind := parley.KindOf(err)
			if bug {
				kind = parley.Internal
			}
			return &parley.Error{Op: "pipeline." + s.Name, Kind: kind, Input: d.Origin, Err: err}
		}
		d.Layers |= s.Assigns
	}
	return nil
}

// process runs one step over d. A panic in a stage is a bug in parley:
// it becomes an error of this document (bug set), with the stack, so that
// a batch goes on with the next one.
func process(ctx context.Context, s Step, d *parley.Doc) (bug bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			bug, err = true, fmt.Errorf("panic: %v (please report it with the document)\n%s", r, debug.Stack())
		}
	}()
	return false, s.Stage.Process(ctx, d)
}
