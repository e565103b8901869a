package eventcode

import (
	"math"
	"strings"

	"github.com/parley-events/parley"
)

// An event's confidence is the chance, as parley estimates it, that its
// code, source and target are all right. It is a logistic model over
// what the text and the tree say about how the event was found: how far
// from the trigger its actors stand, whether a pronoun or a borrowed
// subject stands in for one, whether both have a country, the event's
// modality, the sentence's length and how much of a pattern matched.
// The weights were fitted on events hand-judged by parley's developers
// (eventcode/testdata/confidence*.tsv); `parley eval confidence` measures
// them on those judgements and, with --fit, fits them again
// (docs/benchmarks.md).

// The model's features, in the order of ConfidenceWeights after the bias.
var ConfidenceFeatures = []string{
	"target two steps from the trigger",
	"target three or more steps from the trigger",
	"target not under the trigger",
	"source not under the trigger",
	"source two or more steps below the trigger",
	"a pronoun as source or target",
	"target without a country",
	"source without a country",
	"a country and one of its own bodies or people",
	"negated or conditional",
	"reported by a speaker",
	"future",
	"sentence of 30 tokens or more",
	"the verb alone, no pattern beyond it",
	"a noun's event",
}

// ConfidenceWeights are the bias and the feature weights of the model
// (`parley eval confidence --fit`).
var ConfidenceWeights = []float64{
	1.23,
	-0.98, -1.14, -0.14, -0.97, -1.16, -0.59, -1.35, -1.12, -0.81, -0.55, 0.72, 0.48, -0.55, -0.30, 0.97,
}

// Confidence returns the model's estimate for event e of d, rounded to
// two decimals. d needs its tokens, tree and actors.
func Confidence(d *parley.Doc, e *parley.Event) float64 {
	f := EventFeatures(d, e)
	z := ConfidenceWeights[0]
	for i, v := range f {
		z += ConfidenceWeights[i+1] * v
	}
	return math.Round(100/(1+math.Exp(-z))) / 100
}

// EventFeatures returns the confidence model's features of event e of d,
// each 0 or 1, in the order of ConfidenceFeatures.
func EventFeatures(d *parley.Doc, e *parley.Event) []float64 {
	f := make([]float64, len(ConfidenceFeatures))
	set := func(i int, ok bool) {
		if ok {
			f[i] = 1
		}
	}
	trig := d.SpanHead(e.Trigger)
	var src, tgt *parley.Actor
	if e.SourceRef >= 0 && e.SourceRef < len(d.Actors) {
		src = &d.Actors[e.SourceRef]
	}
	if e.TargetRef >= 0 && e.TargetRef < len(d.Actors) {
		tgt = &d.Actors[e.TargetRef]
	}
	if tgt != nil {
		n := stepsBelow(d, trig, spanRoot(d, tgt.Tokens))
		set(0, n == 2)
		set(1, n >= 3)
		set(2, n < 0)
		set(6, tgt.Country == "")
	}
	if src != nil {
		n := stepsBelow(d, trig, spanRoot(d, src.Tokens))
		set(3, n < 0)
		set(4, n >= 2)
		set(7, src.Country == "")
	}
	pron := func(a *parley.Actor) bool { return a != nil && d.Tokens[a.Tokens.Start].UPOS == "PRON" }
	set(5, pron(src) || pron(tgt))
	set(8, src != nil && tgt != nil && src.Country != "" && src.Country == tgt.Country && (src.Sectors == "" || tgt.Sectors == ""))
	set(9, e.Mode == parley.Negated || e.Mode == parley.Conditional)
	set(10, e.Mode == parley.Reported)
	set(11, e.Mode == parley.Future)
	if e.Sentence >= 0 && e.Sentence < len(d.Sentences) {
		set(12, d.Sentences[e.Sentence].Tokens.Len() >= 30)
	}
	set(13, strings.Contains(e.Pattern, " * ("))
	set(14, strings.HasPrefix(e.Pattern, "noun "))
	return f
}

// spanRoot is the first token of s whose head lies outside it (unlike
// Doc.SpanHead it does not pass over a conjunct or a determiner: the model
// was fitted on this measure).
func spanRoot(d *parley.Doc, s parley.Span) int {
	for i := s.Start; i < s.End; i++ {
		if h := d.Tokens[i].Head; h < s.Start || h >= s.End {
			return i
		}
	}
	return s.Start
}

// stepsBelow returns how many arcs lead from token a up to token t, a
// conjunct's arc to the first conjunct not counted ("Turkey and Qatar
// condemned": both are subjects), or -1 when t is not above a.
func stepsBelow(d *parley.Doc, t, a int) int {
	n := 0
	for range len(d.Tokens) + 1 {
		if a < 0 || a >= len(d.Tokens) {
			return -1
		}
		if a == t {
			return n
		}
		if d.Tokens[a].DepRel != "conj" {
			n++
		}
		a = d.Tokens[a].Head
	}
	return -1
}
