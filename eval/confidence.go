package eval

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/parley-events/parley"
)

// This file scores and fits the event coder's confidence model (`parley
// eval confidence`) on events judged by hand: how well an event's
// confidence separates the right events from the rest, and whether the
// confidence is what it claims, the share of events that are right.

// Judgement is one hand-judged event: where it is (the article's id and
// the byte offset of its trigger), what was coded, and the verdict.
type Judgement struct {
	DocID   string
	Byte    int
	Code    string
	Source  string
	Target  string
	Verdict int // 2 right, 1 half right, 0 wrong
	Line    int
}

// ReadJudgements reads a judgements file: tab-separated lines of id,
// byte, code, source, target and verdict (0, 1 or 2) after a header line
// starting "id"; lines starting "#" and blank lines are skipped. A bad
// line is reported with its line number and skipped; the others are
// returned.
func ReadJudgements(r io.Reader, name string) ([]Judgement, error) {
	var (
		out  []Judgement
		errs []error
	)
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "id\t") {
			continue
		}
		f := strings.Split(line, "\t")
		bad := func(format string, a ...any) {
			errs = append(errs, parley.E("eval confidence", parley.Invalid, fmt.Errorf("%s:%d: "+format, append([]any{name, n}, a...)...)))
		}
		if len(f) != 6 {
			bad("want 6 tab-separated fields (id, byte, code, source, target, judgement), got %d", len(f))
			continue
		}
		b, err := strconv.Atoi(f[1])
		if err != nil || b < 0 {
			bad("byte offset %q is not a number ≥ 0", f[1])
			continue
		}
		v, err := strconv.Atoi(f[5])
		if err != nil || v < 0 || v > 2 {
			bad("judgement %q is not 0, 1 or 2", f[5])
			continue
		}
		if f[0] == "" || f[2] == "" {
			bad("empty id or code")
			continue
		}
		out = append(out, Judgement{DocID: f[0], Byte: b, Code: f[2], Source: f[3], Target: f[4], Verdict: v, Line: n})
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, parley.E("eval confidence", parley.IO, fmt.Errorf("%s: %w", name, err)))
	}
	return out, errors.Join(errs...)
}

// Matches reports whether event e of d is the judged event j.
func (j Judgement) Matches(d *parley.Doc, e *parley.Event) bool {
	return e.Trigger.Start < len(d.Tokens) && d.Tokens[e.Trigger.Start].Start == j.Byte &&
		e.Code == j.Code && e.Source == j.Source && e.Target == j.Target
}

// ConfidenceScore is what `parley eval confidence` reports.
type ConfidenceScore struct {
	Judged  int     `json:"judged"`  // judgements read
	Matched int     `json:"matched"` // of them, events the coder still codes
	Right   int     `json:"right"`   // matched events judged right
	AUC     float64 `json:"auc"`     // chance that a right event has a higher confidence than a wrong or half-right one
	// Bands compares, for events grouped by confidence, the mean
	// confidence with the share judged right.
	Bands []ConfidenceBand `json:"bands"`
	// Kept says, for each least confidence, how many events are kept and
	// the share of them judged right (precision).
	Kept []ConfidenceCut `json:"kept"`
	// Fit is the model fitted afresh on the matched events (--fit).
	Fit *ConfidenceFit `json:"fit,omitempty"`
}

// ConfidenceBand is a range of confidence [From, To).
type ConfidenceBand struct {
	From   float64 `json:"from"`
	To     float64 `json:"to"`
	Events int     `json:"events"`
	Mean   float64 `json:"mean_confidence"`
	Right  float64 `json:"right"`
}

// ConfidenceCut is the events with confidence ≥ Min.
type ConfidenceCut struct {
	Min       float64 `json:"min"`
	Events    int     `json:"events"`
	Share     float64 `json:"share"` // of all matched events
	Precision float64 `json:"precision"`
}

// ConfidenceFit is a logistic model fitted on the judged events.
type ConfidenceFit struct {
	Weights []float64 `json:"weights"` // bias first, then one per feature
	// CVAUC is the AUC of 10-fold cross-validated predictions: each
	// event scored by a model fitted without its fold.
	CVAUC float64 `json:"cv_auc"`
	// CVBands and CVKept are Bands and Kept for those predictions.
	CVBands []ConfidenceBand `json:"cv_bands"`
	CVKept  []ConfidenceCut  `json:"cv_kept"`
}

// ScoreConfidence scores confidences conf against verdicts (right is
// verdict 2).
func ScoreConfidence(conf []float64, verdict []int) ConfidenceScore {
	s := ConfidenceScore{Matched: len(conf)}
	right := make([]bool, len(verdict))
	for i, v := range verdict {
		right[i] = v == 2
		if right[i] {
			s.Right++
		}
	}
	s.AUC = AUC(conf, right)
	s.Bands, s.Kept = bands(conf, right)
	return s
}

// bands groups the events by confidence (fifths of the range) and by
// least confidence.
func bands(conf []float64, right []bool) ([]ConfidenceBand, []ConfidenceCut) {
	var bs []ConfidenceBand
	for k := range 5 {
		b := ConfidenceBand{From: float64(k) / 5, To: float64(k+1) / 5}
		sum, r := 0.0, 0
		for i, c := range conf {
			if c >= b.From && (c < b.To || k == 4) {
				b.Events++
				sum += c
				if right[i] {
					r++
				}
			}
		}
		if b.Events > 0 {
			b.Mean, b.Right = round3(sum/float64(b.Events)), round3(float64(r)/float64(b.Events))
		}
		bs = append(bs, b)
	}
	var cs []ConfidenceCut
	for _, m := range []float64{0, 0.3, 0.4, 0.5, 0.6, 0.7} {
		c := ConfidenceCut{Min: m}
		r := 0
		for i, x := range conf {
			if x >= m {
				c.Events++
				if right[i] {
					r++
				}
			}
		}
		if c.Events > 0 {
			c.Precision = round3(float64(r) / float64(c.Events))
		}
		if len(conf) > 0 {
			c.Share = round3(float64(c.Events) / float64(len(conf)))
		}
		cs = append(cs, c)
	}
	return bs, cs
}

// AUC is the area under the ROC curve of scores for the positives pos:
// the chance that a positive scores higher than a negative, ties
// counting half. It is 0.5 when either class is empty.
func AUC(score []float64, pos []bool) float64 {
	var p, n []float64
	for i, s := range score {
		if pos[i] {
			p = append(p, s)
		} else {
			n = append(n, s)
		}
	}
	if len(p) == 0 || len(n) == 0 {
		return 0.5
	}
	sum := 0.0
	for _, a := range p {
		for _, b := range n {
			switch {
			case a > b:
				sum++
			case a == b:
				sum += 0.5
			}
		}
	}
	return round3(sum / float64(len(p)*len(n)))
}

// FitLogistic fits a logistic model to features x (one row per event,
// without the bias) and outcomes y by gradient descent on the
// log-likelihood with an L2 penalty lambda on the weights (not the bias).
// It returns the bias and the weights. Deterministic.
func FitLogistic(x [][]float64, y []bool, lambda float64) []float64 {
	if len(x) == 0 {
		return nil
	}
	w := make([]float64, len(x[0])+1)
	g := make([]float64, len(w))
	for range 4000 {
		clear(g)
		for i, row := range x {
			p := sigmoid(dot(w, row))
			d := p
			if y[i] {
				d = p - 1
			}
			g[0] += d
			for j, v := range row {
				g[j+1] += d * v
			}
		}
		for j := range w {
			if j > 0 {
				g[j] += lambda * w[j]
			}
			w[j] -= 0.01 * g[j]
		}
	}
	for j := range w {
		w[j] = math.Round(w[j]*100) / 100
	}
	return w
}

// Predict is the logistic model w's estimate for features row.
func Predict(w, row []float64) float64 { return sigmoid(dot(w, row)) }

func dot(w, row []float64) float64 {
	z := w[0]
	for j, v := range row {
		z += w[j+1] * v
	}
	return z
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// FitConfidence fits the model on all events and scores 10-fold
// cross-validated predictions (folds drawn with a fixed seed).
func FitConfidence(x [][]float64, verdict []int, lambda float64) *ConfidenceFit {
	y := make([]bool, len(verdict))
	for i, v := range verdict {
		y[i] = v == 2
	}
	fold := make([]int, len(x)) // event i is scored by the model fitted without fold[i]
	for k, i := range rand.New(rand.NewPCG(1, 2)).Perm(len(x)) {
		fold[i] = k % 10
	}
	pred := make([]float64, len(x))
	for f := range 10 {
		var tx [][]float64
		var ty []bool
		for i := range x {
			if fold[i] != f {
				tx, ty = append(tx, x[i]), append(ty, y[i])
			}
		}
		w := FitLogistic(tx, ty, lambda)
		for i := range x {
			if fold[i] == f {
				pred[i] = Predict(w, x[i])
			}
		}
	}
	fit := &ConfidenceFit{Weights: FitLogistic(x, y, lambda), CVAUC: AUC(pred, y)}
	fit.CVBands, fit.CVKept = bands(pred, y)
	return fit
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }
