package eval

import (
	"errors"
	"strings"
	"testing"

	"github.com/parley-events/parley"
)

func TestReadJudgements(t *testing.T) {
	in := "# a comment\n" +
		"id\tbyte\tcode\tsource\ttarget\tjudgement\n" +
		"doc-1\t12\t190\tRUSMIL\tUKR\t2\n" +
		"doc-1\tx\t190\tRUSMIL\tUKR\t2\n" + // line 4: bad offset
		"doc-2\t7\t111\tTUR\tUKR\t3\n" + // line 5: bad judgement
		"doc-2\t7\t111\tTUR\n" + // line 6: too few fields
		"\n" +
		"doc-3\t0\t036\tUKRGOV\tRUS\t0\n"
	js, err := ReadJudgements(strings.NewReader(in), "j.tsv")
	if len(js) != 2 || js[0].DocID != "doc-1" || js[0].Byte != 12 || js[0].Verdict != 2 || js[1].Line != 8 || js[1].Verdict != 0 {
		t.Errorf("judgements %+v", js)
	}
	var pe *parley.Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %v is not a *parley.Error", err)
	}
	for _, want := range []string{"j.tsv:4:", "j.tsv:5:", "j.tsv:6:"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
}

func TestAUC(t *testing.T) {
	for _, c := range []struct {
		score []float64
		pos   []bool
		want  float64
	}{
		{[]float64{0.9, 0.8, 0.2, 0.1}, []bool{true, true, false, false}, 1},
		{[]float64{0.1, 0.2, 0.8, 0.9}, []bool{true, true, false, false}, 0},
		{[]float64{0.5, 0.5, 0.5, 0.5}, []bool{true, false, true, false}, 0.5},
		{[]float64{0.9, 0.3, 0.5, 0.1}, []bool{true, true, false, false}, 0.75},
		{[]float64{0.9}, []bool{true}, 0.5},
	} {
		if got := AUC(c.score, c.pos); got != c.want {
			t.Errorf("AUC(%v, %v) = %v, want %v", c.score, c.pos, got, c.want)
		}
	}
}

// TestFitLogistic fits data where the first feature makes an event right
// three times in four and the second makes it wrong three times in four.
func TestFitLogistic(t *testing.T) {
	var x [][]float64
	var y []bool
	for i := range 400 {
		a, b := float64(i%2), float64(i/2%2)
		p := 0.5 + 0.25*a - 0.25*b // share of right events for this cell
		x = append(x, []float64{a, b})
		y = append(y, float64(i/4%4) < p*4)
	}
	w := FitLogistic(x, y, 0)
	if w[1] <= 0.5 || w[2] >= -0.5 {
		t.Errorf("weights %v: want the first clearly positive and the second clearly negative", w)
	}
	if p := Predict(w, []float64{1, 0}); p < 0.65 || p > 0.85 {
		t.Errorf("prediction for the right-making feature alone %.2f, want about 0.75", p)
	}
	if w2 := FitLogistic(x, y, 0); len(w2) != len(w) || w2[1] != w[1] {
		t.Errorf("not deterministic: %v then %v", w, w2)
	}
	fit := FitConfidence(x, boolsToVerdicts(y), 1)
	if fit.CVAUC < 0.6 {
		t.Errorf("cross-validated AUC %.3f on data with signal", fit.CVAUC)
	}
}

func boolsToVerdicts(y []bool) []int {
	v := make([]int, len(y))
	for i, ok := range y {
		if ok {
			v[i] = 2
		}
	}
	return v
}

func TestScoreConfidence(t *testing.T) {
	s := ScoreConfidence([]float64{0.9, 0.7, 0.65, 0.3, 0.1}, []int{2, 2, 1, 0, 2})
	if s.Matched != 5 || s.Right != 3 {
		t.Errorf("matched %d, right %d", s.Matched, s.Right)
	}
	for _, k := range s.Kept {
		if k.Min == 0.6 && (k.Events != 3 || k.Precision != 0.667) {
			t.Errorf("kept at 0.6: %+v", k)
		}
	}
	n := 0
	for _, b := range s.Bands {
		n += b.Events
	}
	if n != 5 {
		t.Errorf("bands hold %d events, want 5: %+v", n, s.Bands)
	}
}

// FuzzReadJudgements checks that any input reads without panicking, that
// every error is a *parley.Error naming the file, and that what is read
// is well formed.
func FuzzReadJudgements(f *testing.F) {
	f.Add("id\tbyte\tcode\tsource\ttarget\tjudgement\nd\t3\t190\tRUS\tUKR\t2\n")
	f.Add("# c\nd\tx\t190\tRUS\tUKR\t9\n\n\t\t\t\t\t\n")
	f.Fuzz(func(t *testing.T, in string) {
		js, err := ReadJudgements(strings.NewReader(in), "f.tsv")
		if err != nil {
			var pe *parley.Error
			if !errors.As(err, &pe) || !strings.Contains(err.Error(), "f.tsv") {
				t.Fatalf("error %v", err)
			}
		}
		for _, j := range js {
			if j.DocID == "" || j.Code == "" || j.Byte < 0 || j.Verdict < 0 || j.Verdict > 2 || j.Line < 1 {
				t.Fatalf("judgement %+v", j)
			}
		}
	})
}
