package eval_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
	"github.com/parley-events/parley/eval"
)

// timeMLSample is a small TimeML file in the layout of TimeBank 1.2 as
// cleaned for TempEval-3, with invented sentences.
const timeMLSample = `<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">

<DOCID>TEST-0001</DOCID>

<DCT><TIMEX3 tid="t0" type="DATE" value="2003-05-14T09:30:00" temporalFunction="false" functionInDocument="CREATION_TIME">May 14, 2003</TIMEX3></DCT>

<TEXT>
The ferry company <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="2003-05-13" temporalFunction="true" anchorTimeID="t0">yesterday</TIMEX3> that Barnes &amp; Lowe would <EVENT eid="e2" class="OCCURRENCE">run</EVENT> the harbour route for <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3>.

Boats <EVENT eid="e3" class="OCCURRENCE">leave</EVENT> <TIMEX3 tid="t3" type="SET" value="XXXX-XX-XXTMO" quant="EVERY">every morning</TIMEX3>.
</TEXT>

<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/>

</TimeML>
`

func TestReadTimeML(t *testing.T) {
	tests := []struct {
		name, src string
		want      *eval.TimeMLDoc
	}{
		{
			name: "sample.tml",
			src:  timeMLSample,
			want: &eval.TimeMLDoc{
				Name: "sample.tml",
				ID:   "TEST-0001",
				DCT:  time.Date(2003, 5, 14, 9, 30, 0, 0, time.UTC),
				Text: "\nThe ferry company said yesterday that Barnes & Lowe would run the harbour route for three years.\n\nBoats leave every morning.\n",
				Gold: []eval.GoldTimex{
					{Start: 24, End: 33, Type: "DATE", Value: "2003-05-13"},
					{Start: 85, End: 96, Type: "DURATION", Value: "P3Y"},
					{Start: 111, End: 124, Type: "SET", Value: "XXXX-XX-XXTMO"},
				},
			},
		},
		{
			// No DOCID, a date-only DCT, TIMEX3 outside <TEXT>, nested
			// tags, an empty (non-consuming) TIMEX3, a character
			// reference, an HTML entity, CDATA and a comment.
			name: "odd.tml",
			src: `<TimeML><EXTRAINFO><TIMEX3 type="DATE" value="1999">1999</TIMEX3></EXTRAINFO>
<DCT><TIMEX3 type="DATE" value=" 1989-10-30 ">October 30</TIMEX3></DCT>
<TEXT>Fees rose<!-- not text --> <TIMEX3 type=" DATE " value="1989-10"><EVENT eid="e1">this</EVENT> month</TIMEX3>` +
				`<TIMEX3 type="DATE" value="1990" beginPoint="t1"/> &#233;&nbsp;<![CDATA[<b>]]> <SIGNAL>after</SIGNAL> ` +
				`<TIMEX3 type="DURATION" value="P2D"><TIMEX3 type="DATE" value="XXXX">two</TIMEX3> days</TIMEX3>.</TEXT></TimeML>`,
			want: &eval.TimeMLDoc{
				Name: "odd.tml",
				ID:   "odd.tml",
				DCT:  time.Date(1989, 10, 30, 0, 0, 0, 0, time.UTC),
				Text: "Fees rose this month é\u00a0<b> after two days.",
				Gold: []eval.GoldTimex{
					{Start: 10, End: 20, Type: "DATE", Value: "1989-10"},
					{Start: 35, End: 43, Type: "DURATION", Value: "P2D"},
					{Start: 35, End: 38, Type: "DATE", Value: "XXXX"},
				},
			},
		},
		{
			name: "minutes.tml",
			src:  "<TimeML><DOCID> X1 </DOCID><DCT><TIMEX3 value=\"1990-08-15T13:37\"/></DCT><TEXT>\r\nNo timexes.\r\n</TEXT></TimeML>",
			want: &eval.TimeMLDoc{
				Name: "minutes.tml",
				ID:   "X1",
				DCT:  time.Date(1990, 8, 15, 13, 37, 0, 0, time.UTC),
				Text: "\nNo timexes.\n",
			},
		},
		{
			name: "zone.tml",
			src:  "<TimeML><DCT><TIMEX3 value=\"1998-02-27T08:02:00-05:00\"/></DCT><TEXT></TEXT></TimeML>",
			want: &eval.TimeMLDoc{
				Name: "zone.tml",
				ID:   "zone.tml",
				DCT:  time.Date(1998, 2, 27, 13, 2, 0, 0, time.UTC),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := eval.ReadTimeML(strings.NewReader(tt.src), tt.name)
			if err != nil {
				t.Fatalf("ReadTimeML: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ReadTimeML mismatch (-want +got):\n%s", diff)
			}
			if got.DCT.Location() != time.UTC {
				t.Errorf("DCT location %v, want UTC", got.DCT.Location())
			}
		})
	}
}

// TestReadTimeMLSpans checks that the sample's gold spans cover the
// annotated words.
func TestReadTimeMLSpans(t *testing.T) {
	doc, err := eval.ReadTimeML(strings.NewReader(timeMLSample), "sample.tml")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"yesterday", "three years", "every morning"}
	if len(doc.Gold) != len(want) {
		t.Fatalf("%d gold timexes, want %d", len(doc.Gold), len(want))
	}
	for i, g := range doc.Gold {
		if got := doc.Text[g.Start:g.End]; got != want[i] {
			t.Errorf("gold %d: Text[%d:%d] = %q, want %q", i, g.Start, g.End, got, want[i])
		}
	}
}

func TestReadTimeMLErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"plain text", "The ferry left on Monday.", 0, "no XML element"},
		{"empty", "", 0, "no XML element"},
		{"mismatched", "<TimeML>\n<TEXT>x</TIMEX3>\n</TimeML>", 2, "not well-formed XML"},
		{"unclosed", "<TimeML>\n<DCT><TIMEX3 value=\"2001-01-01\"/></DCT>\n<TEXT>x", 3, "not well-formed XML"},
		{"bare ampersand", "<TimeML>\n<TEXT>A & B</TEXT></TimeML>", 2, "not well-formed XML"},
		{"unknown entity", "<TimeML>\n\n<TEXT>A &bogus; B</TEXT></TimeML>", 3, "not well-formed XML"},
		{"no DCT", "<TimeML>\n<TEXT>It rained on Monday.</TEXT>\n</TimeML>", 0, "no <DCT>"},
		{"DCT without value", "<TimeML>\n<DCT><TIMEX3 type=\"DATE\">today</TIMEX3></DCT>\n<TEXT>x</TEXT></TimeML>", 2, "no TIMEX3 with a value"},
		{"bad DCT", "<TimeML>\n\n<DCT><TIMEX3 value=\"PRESENT_REF\"/></DCT>\n<TEXT>x</TEXT></TimeML>", 3, `DCT value "PRESENT_REF"`},
		{"no TEXT", "<TimeML>\n<DCT><TIMEX3 value=\"2001-01-01\"/></DCT>\n</TimeML>", 0, "no <TEXT>"},
		{"two TEXTs", "<TimeML><DCT><TIMEX3 value=\"2001-01-01\"/></DCT>\n<TEXT>x</TEXT>\n<TEXT>y</TEXT></TimeML>", 3, "more than one <TEXT>"},
		{"two DCTs", "<TimeML><DCT><TIMEX3 value=\"2001-01-01\"/></DCT>\n<DCT><TIMEX3 value=\"2001-01-02\"/></DCT><TEXT>x</TEXT></TimeML>", 2, "more than one <DCT>"},
		{"TEXT in TEXT", "<TimeML><TEXT>\n<TEXT>y</TEXT></TEXT></TimeML>", 2, "<TEXT> inside <TEXT>"},
		{"encoding", "<?xml version=\"1.0\" encoding=\"EBCDIC\"?><TimeML/>", 1, "not well-formed XML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := eval.ReadTimeML(strings.NewReader(tt.src), "bad.tml")
			if doc != nil || err == nil {
				t.Fatalf("ReadTimeML = %+v, %v; want nil and an error", doc, err)
			}
			var pe *parley.Error
			if !errors.As(err, &pe) || pe.Kind != parley.Invalid || pe.Input != "bad.tml" || pe.Line != tt.line {
				t.Errorf("error %#v (%v), want an invalid-input *parley.Error for bad.tml line %d", err, err, tt.line)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q, want it to mention %q", err, tt.msg)
			}
		})
	}
}

func TestReadTimeMLReadError(t *testing.T) {
	_, err := eval.ReadTimeML(iotest.ErrReader(errors.New("disk gone")), "gone.tml")
	var pe *parley.Error
	if !errors.As(err, &pe) || pe.Kind != parley.IO || pe.Input != "gone.tml" {
		t.Errorf("error %v, want an I/O *parley.Error for gone.tml", err)
	}
}

func TestReadTimeMLLatin1(t *testing.T) {
	src := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><TimeML><DCT><TIMEX3 value=\"2001-01-01\"/></DCT><TEXT>caf\xe9 <TIMEX3 type=\"TIME\" value=\"2001-01-01TNI\">tonight</TIMEX3></TEXT></TimeML>"
	doc, err := eval.ReadTimeML(strings.NewReader(src), "latin1.tml")
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != "café tonight" || len(doc.Gold) != 1 || doc.Text[doc.Gold[0].Start:doc.Gold[0].End] != "tonight" {
		t.Errorf("Text %q, Gold %+v; want %q with one timex on \"tonight\"", doc.Text, doc.Gold, "café tonight")
	}
}

func TestScoreTimeML(t *testing.T) {
	// gold is a document with two adjacent gold expressions.
	gold := []*eval.TimeMLDoc{{Name: "a", Gold: []eval.GoldTimex{
		{Start: 0, End: 6, Type: "DATE", Value: "1998-02"},
		{Start: 6, End: 12, Type: "DURATION", Value: "PXD"},
	}}}
	both := []eval.TimexPrediction{
		{Start: 0, End: 6, Type: "DATE", Value: "1998-02"},
		{Start: 6, End: 12, Type: "DURATION", Value: "PXD"},
	}
	perfect := eval.TimeMLScore{Files: 1, Gold: 2, Predicted: 2,
		StrictP: 1, StrictR: 1, StrictF1: 1, RelaxedP: 1, RelaxedR: 1, RelaxedF1: 1,
		TypeAccuracy: 1, ValueP: 1, ValueR: 1, ValueF1: 1}
	tests := []struct {
		name string
		docs []*eval.TimeMLDoc
		pred [][]eval.TimexPrediction
		want eval.TimeMLScore
	}{
		{"exact", gold, [][]eval.TimexPrediction{both}, perfect},
		{
			"exact in any order, values trimmed and folded",
			gold,
			[][]eval.TimexPrediction{{
				{Start: 6, End: 12, Type: "duration", Value: " pxd "},
				{Start: 0, End: 6, Type: "DATE", Value: "1998-02"},
			}},
			perfect,
		},
		{
			"overlap only",
			gold,
			[][]eval.TimexPrediction{{
				{Start: 2, End: 5, Type: "DATE", Value: "1998-02"},
				{Start: 4, End: 9, Type: "DURATION", Value: "PXD"},
			}},
			eval.TimeMLScore{Files: 1, Gold: 2, Predicted: 2,
				RelaxedP: 1, RelaxedR: 1, RelaxedF1: 1,
				TypeAccuracy: 1, ValueP: 1, ValueR: 1, ValueF1: 1},
		},
		{
			"one prediction over two golds counts once",
			gold,
			[][]eval.TimexPrediction{{{Start: 0, End: 12, Type: "DATE", Value: "1998-02"}}},
			eval.TimeMLScore{Files: 1, Gold: 2, Predicted: 1,
				RelaxedP: 1, RelaxedR: 0.5, RelaxedF1: 0.6667,
				TypeAccuracy: 1, ValueP: 1, ValueR: 0.5, ValueF1: 0.6667},
		},
		{
			// The exact prediction for the second gold goes to it, even
			// though it also overlaps the first, which takes the other.
			"exact span preferred",
			gold,
			[][]eval.TimexPrediction{{
				{Start: 4, End: 12, Type: "DATE", Value: "1998-02"},
				{Start: 6, End: 12, Type: "DURATION", Value: "PXD"},
			}},
			eval.TimeMLScore{Files: 1, Gold: 2, Predicted: 2,
				StrictP: 0.5, StrictR: 0.5, StrictF1: 0.5,
				RelaxedP: 1, RelaxedR: 1, RelaxedF1: 1,
				TypeAccuracy: 1, ValueP: 1, ValueR: 1, ValueF1: 1},
		},
		{
			"wrong type",
			gold,
			[][]eval.TimexPrediction{{
				{Start: 0, End: 6, Type: "TIME", Value: "1998-02"},
				{Start: 6, End: 12, Type: "DURATION", Value: "PXD"},
			}},
			eval.TimeMLScore{Files: 1, Gold: 2, Predicted: 2,
				StrictP: 1, StrictR: 1, StrictF1: 1, RelaxedP: 1, RelaxedR: 1, RelaxedF1: 1,
				TypeAccuracy: 0.5, ValueP: 1, ValueR: 1, ValueF1: 1},
		},
		{
			"wrong value",
			gold,
			[][]eval.TimexPrediction{{
				{Start: 0, End: 6, Type: "DATE", Value: "1998-03"},
				{Start: 6, End: 12, Type: "DURATION", Value: "P1D"},
			}},
			eval.TimeMLScore{Files: 1, Gold: 2, Predicted: 2,
				StrictP: 1, StrictR: 1, StrictF1: 1, RelaxedP: 1, RelaxedR: 1, RelaxedF1: 1,
				TypeAccuracy: 1},
		},
		{
			"spurious and empty predictions",
			gold,
			[][]eval.TimexPrediction{{
				{Start: 0, End: 6, Type: "DATE", Value: "1998-02"},
				{Start: 8, End: 8, Type: "DURATION", Value: "PXD"},
				{Start: 12, End: 20, Type: "DATE", Value: "2000"},
				{Start: 11, End: 7, Type: "DURATION", Value: "PXD"},
			}},
			eval.TimeMLScore{Files: 1, Gold: 2, Predicted: 4,
				StrictP: 0.25, StrictR: 0.5, StrictF1: 0.3333, RelaxedP: 0.25, RelaxedR: 0.5, RelaxedF1: 0.3333,
				TypeAccuracy: 1, ValueP: 0.25, ValueR: 0.5, ValueF1: 0.3333},
		},
		{"no predictions", gold, nil, eval.TimeMLScore{Files: 1, Gold: 2}},
		{
			"zero golds",
			[]*eval.TimeMLDoc{{Name: "empty"}},
			[][]eval.TimexPrediction{{{Start: 0, End: 3, Type: "DATE", Value: "2000"}}},
			eval.TimeMLScore{Files: 1, Predicted: 1},
		},
		{"nothing at all", nil, nil, eval.TimeMLScore{}},
		{
			"pred shorter than docs, extra pred ignored",
			[]*eval.TimeMLDoc{gold[0], {Name: "b", Gold: []eval.GoldTimex{{Start: 3, End: 8, Type: "SET", Value: "P1W"}}}},
			[][]eval.TimexPrediction{both},
			eval.TimeMLScore{Files: 2, Gold: 3, Predicted: 2,
				StrictP: 1, StrictR: 0.6667, StrictF1: 0.8, RelaxedP: 1, RelaxedR: 0.6667, RelaxedF1: 0.8,
				TypeAccuracy: 1, ValueP: 1, ValueR: 0.6667, ValueF1: 0.8},
		},
		{
			"predictions for a missing doc",
			[]*eval.TimeMLDoc{gold[0]},
			[][]eval.TimexPrediction{both, {{Start: 0, End: 1, Type: "DATE", Value: "X"}}},
			perfect,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := eval.ScoreTimeML(tt.docs, tt.pred)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ScoreTimeML mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// goldPredictions returns the gold expressions of docs as predictions.
func goldPredictions(docs []*eval.TimeMLDoc) [][]eval.TimexPrediction {
	pred := make([][]eval.TimexPrediction, len(docs))
	for i, d := range docs {
		for _, g := range d.Gold {
			pred[i] = append(pred[i], eval.TimexPrediction{Start: g.Start, End: g.End, Type: g.Type, Value: g.Value})
		}
	}
	return pred
}

// timexRaw finds the TIMEX3 elements in the raw text of a TimeBank file,
// whose TIMEX3 elements hold plain text only.
var timexRaw = regexp.MustCompile(`<TIMEX3 [^>]*>([^<]*)</TIMEX3>`)

// TestTimeMLCorpus reads every file of TimeBank 1.2 (TempEval-3 cleaned),
// checks the gold expressions against the raw files, and scores the gold
// against itself.
func TestTimeMLCorpus(t *testing.T) {
	dir := "../../shared/data/timeml/timebank"
	paths, err := filepath.Glob(filepath.Join(dir, "*.tml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Skipf("skipping: no %s/*.tml (TimeBank lives in ../shared/data/timeml/timebank)", dir)
	}
	// The directory also holds macOS AppleDouble files (._wsj_0762.tml,
	// …), which are not TimeML.
	paths = slices.DeleteFunc(paths, func(p string) bool { return strings.HasPrefix(filepath.Base(p), ".") })
	var docs []*eval.TimeMLDoc
	types := map[string]bool{"DATE": true, "TIME": true, "DURATION": true, "SET": true}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(path)
		doc, err := eval.ReadTimeML(strings.NewReader(string(data)), name)
		if err != nil {
			t.Errorf("ReadTimeML: %v", err)
			continue
		}
		docs = append(docs, doc)
		if want := strings.TrimSuffix(name, ".tml"); doc.ID != want {
			t.Errorf("%s: ID %q, want %q", name, doc.ID, want)
		}
		if doc.DCT.IsZero() || doc.DCT.Year() < 1980 || doc.DCT.Year() > 2000 {
			t.Errorf("%s: DCT %v, want a date of the 1980s or 1990s", name, doc.DCT)
		}
		text := string(data)
		text = text[strings.Index(text, "<TEXT>"):strings.Index(text, "</TEXT>")]
		raw := timexRaw.FindAllStringSubmatch(text, -1)
		if len(raw) != len(doc.Gold) || len(raw) != strings.Count(text, "<TIMEX3") {
			t.Errorf("%s: %d gold timexes, want %d", name, len(doc.Gold), len(raw))
			continue
		}
		end := 0
		for i, g := range doc.Gold {
			words := doc.Text[g.Start:g.End]
			if words == "" || words != strings.TrimSpace(words) || words != raw[i][1] || g.Start < end {
				t.Errorf("%s: gold %d %+v covers %q after byte %d, want %q", name, i, g, words, end, raw[i][1])
			}
			if !types[g.Type] || g.Value == "" {
				t.Errorf("%s: gold %d has type %q, value %q", name, i, g.Type, g.Value)
			}
			end = g.End
		}
	}
	if len(docs) != 183 {
		t.Errorf("read %d files, want 183", len(docs))
	}
	score := eval.ScoreTimeML(docs, goldPredictions(docs))
	want := eval.TimeMLScore{Files: len(docs), Gold: score.Gold, Predicted: score.Gold,
		StrictP: 1, StrictR: 1, StrictF1: 1, RelaxedP: 1, RelaxedR: 1, RelaxedF1: 1,
		TypeAccuracy: 1, ValueP: 1, ValueR: 1, ValueF1: 1}
	if diff := cmp.Diff(want, score); diff != "" {
		t.Errorf("gold against itself (-want +got):\n%s", diff)
	}
	if score.Gold != 1243 {
		t.Errorf("%d gold timexes, want 1243", score.Gold)
	}
	t.Logf("%d files, %d gold timexes", score.Files, score.Gold)
}

func FuzzReadTimeML(f *testing.F) {
	for _, s := range []string{
		timeMLSample,
		`<TimeML><DCT><TIMEX3 value="1989-10-30"/></DCT><TEXT>a <TIMEX3 type="DATE" value="1990"><EVENT>b</EVENT> c</TIMEX3><TIMEX3 value="x"/> &amp;&#233;<![CDATA[<x>]]></TEXT></TimeML>`,
		`<TimeML><DCT><TIMEX3 value="1990-08-15T13:37"/></DCT><TEXT><TIMEX3 type="DURATION" value="P2D"><TIMEX3>two</TIMEX3> days</TIMEX3></TEXT></TimeML>`,
		"<TimeML><TEXT>x</TIMEX3></TimeML>",
		"<TimeML><DCT><TIMEX3 value=\"bad\"/></DCT><TEXT/></TimeML>",
		"plain text",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := eval.ReadTimeML(strings.NewReader(src), "fuzz")
		if err != nil {
			var pe *parley.Error
			if !errors.As(err, &pe) || pe.Kind != parley.Invalid || pe.Input != "fuzz" || pe.Line < 0 || pe.Line > strings.Count(src, "\n")+1 {
				t.Fatalf("error %#v (%v), want an invalid-input *parley.Error for fuzz", err, err)
			}
			if doc != nil {
				t.Fatal("document and error")
			}
			return
		}
		if !utf8.ValidString(doc.Text) {
			t.Fatalf("Text %q is not UTF-8", doc.Text)
		}
		start := 0
		for i, g := range doc.Gold {
			if g.Start < start || g.End <= g.Start || g.End > len(doc.Text) ||
				!utf8.RuneStart(doc.Text[g.Start]) || g.End < len(doc.Text) && !utf8.RuneStart(doc.Text[g.End]) {
				t.Fatalf("gold %d %+v after byte %d in %q", i, g, start, doc.Text)
			}
			start = g.Start
		}
		if doc.DCT.IsZero() && !strings.Contains(src, "0001-01-01") || doc.DCT.Location() != time.UTC {
			t.Fatalf("DCT %v", doc.DCT)
		}
		if s := eval.ScoreTimeML([]*eval.TimeMLDoc{doc}, goldPredictions([]*eval.TimeMLDoc{doc})); len(doc.Gold) > 0 && (s.StrictF1 != 1 || s.RelaxedF1 != 1 || s.ValueF1 != 1) {
			t.Fatalf("gold against itself: %+v", s)
		}
	})
}
