package eval_test

import (
	"encoding/json"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
	"github.com/parley-events/parley/conllu"
	"github.com/parley-events/parley/eval"
)

// petrarchSample is a small validation file in the layout of PETRARCH's
// unit-test records, with invented countries and sentences. Its lines
// are numbered in the comments of TestReadPetrarch.
const petrarchSample = `<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!-- A comment holding <Sentence id="fake"> and </Sentence>, to be skipped. -->
<Environment>
    <Verbfile>Test.verbs.txt</Verbfile>
    <Actorfile>Test.actors.txt, More.actors.txt</Actorfile>
    <Agentfile>Test.agents.txt</Agentfile>
    <Discardfile>Test.discards.txt</Discardfile>
    <Errorfile>Errors.txt</Errorfile>
    <Include>valid ALPHA BETA</Include>
    <Pause>Never</Pause>
    <PICOfile>Ontology.txt</PICOfile>
    <Config option="stop_on_error" value="True"></Config>
</Environment>
<Sentences>
<Sentence date="20010203" id="ALPHA-01" category="ALPHA" sentence="true">
<!-- two events, one with an agent -->
<EventCoding sourcecode="VLR" targetcode="QTZGOV" eventcode="042"></EventCoding>
<EventCoding sourcecode="QTZGOV" targetcode="VLR" eventcode="043"/>
<Text>
Valoria's envoy flew to
  Quetzia &amp; met its cabinet.
</Text>
<Parse>
(ROOT (S (NP (NNP Valoria)) (VP (VBD met) (NP (NNP Quetzia))) (. .)))
</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Config option="new_actor_length" value="4" />
<Sentence date = "20010204" id ="ALPHA-02" category = "ALPHA" sentence = "false">
<EventCoding sourcecode='"THE HARBOUR GUILD"' targetcode="" eventcode="023"></EventCoding>
<EventCoding targetcode="VLR" eventcode="111"></EventCoding>
<Text>The harbour guild scolded Valoria.</Text>
</Sentence>
<Sentence source="BETA" date="20010205" id="BETA_01" sentence="true">
<EventCoding noevents = "True"> </EventCoding>
<Text>Nothing happened.</Text>
<Parse>
1	Nothing	nothing	PRON	NN	_	2	nsubj	_	_
2	happened	happen	VERB	VBD	_	0	root	_	_
3	.	.	PUNCT	.	_	2	punct	_	_
</Parse></Sentence>
<Config option="require_dyad" value="TRUE"></Config>
<Sentence date="20010206" id="ALPHA-01" category="GAMMA">
<Config option="comma_max" value="0"/>
<EventCoding error="storydiscard" />
<Text>A typhoon hit the coast.</Text>
</Sentence>
<Sentence date="20010207" id="BETA_02" category="BETA">
<Text>No coding given.</Text>
</Sentence>
</Sentences>
<Stop></Stop>
<Sentence date="20010208" id="AFTER-STOP" category="ALPHA"><Text>Never read.</Text></Sentence>
</Validation>
`

func readPetrarch(tb testing.TB, src string) (*eval.PetrarchFile, error) {
	tb.Helper()
	return eval.ReadPetrarch(strings.NewReader(src), "test.xml")
}

// ymd returns the time of a YYYYMMDD date.
func ymd(s string) time.Time {
	t, err := time.Parse("20060102", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestReadPetrarch(t *testing.T) {
	f, err := readPetrarch(t, petrarchSample)
	if err != nil {
		t.Fatal(err)
	}
	want := &eval.PetrarchFile{
		Name: "test.xml",
		Environment: eval.PetrarchEnvironment{
			Verbs:     "Test.verbs.txt",
			Actors:    []string{"Test.actors.txt", "More.actors.txt"},
			Agents:    "Test.agents.txt",
			Discards:  "Test.discards.txt",
			Errors:    "Errors.txt",
			Include:   []string{"ALPHA", "BETA"},
			ValidOnly: true,
			Pause:     "Never",
			Other:     map[string]string{"PICOfile": "Ontology.txt"},
		},
		Records: []eval.PetrarchRecord{
			{
				ID: "ALPHA-01", Category: "ALPHA", Date: ymd("20010203"), Sentence: true,
				Text:    "Valoria's envoy flew to Quetzia & met its cabinet.",
				Parse:   "\n(ROOT (S (NP (NNP Valoria)) (VP (VBD met) (NP (NNP Quetzia))) (. .)))\n",
				Options: map[string]string{"stop_on_error": "True"},
				Gold:    []eval.Triple{{"VLR", "QTZGOV", "042"}, {"QTZGOV", "VLR", "043"}},
				Coded:   true, Line: 16,
			},
			{
				ID: "ALPHA-02", Category: "ALPHA", Date: ymd("20010204"),
				Text:    "The harbour guild scolded Valoria.",
				Options: map[string]string{"stop_on_error": "True", "require_dyad": "false", "new_actor_length": "4"},
				Gold:    []eval.Triple{{`"THE HARBOUR GUILD"`, "---", "023"}, {"---", "VLR", "111"}},
				Coded:   true, Line: 30,
			},
			{
				ID: "BETA_01", Category: "BETA", Source: "BETA", Date: ymd("20010205"), Sentence: true,
				Text:     "Nothing happened.",
				Parse:    "\n1\tNothing\tnothing\tPRON\tNN\t_\t2\tnsubj\t_\t_\n2\thappened\thappen\tVERB\tVBD\t_\t0\troot\t_\t_\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n",
				Options:  map[string]string{"stop_on_error": "True", "require_dyad": "false", "new_actor_length": "4"},
				NoEvents: true, Coded: true, Line: 35,
			},
			{
				ID: "ALPHA-01#2", Category: "GAMMA", Date: ymd("20010206"),
				Text:    "A typhoon hit the coast.",
				Options: map[string]string{"stop_on_error": "True", "require_dyad": "TRUE", "new_actor_length": "4", "comma_max": "0"},
				Error:   "storydiscard", Coded: true, Line: 44,
			},
			{
				ID: "BETA_02", Category: "BETA", Date: ymd("20010207"),
				Text:    "No coding given.",
				Options: map[string]string{"stop_on_error": "True", "require_dyad": "TRUE", "new_actor_length": "4", "comma_max": "0"},
				Line:    49,
			},
		},
	}
	if diff := cmp.Diff(want, f); diff != "" {
		t.Errorf("ReadPetrarch mismatch (-want +got):\n%s", diff)
	}
	if !f.HasGold() {
		t.Error("HasGold() = false, want true")
	}
}

// TestReadPetrarchOptionsIndependent checks that each record gets its own
// copy of the options.
func TestReadPetrarchOptionsIndependent(t *testing.T) {
	f, err := readPetrarch(t, petrarchSample)
	if err != nil {
		t.Fatal(err)
	}
	f.Records[1].Options["require_dyad"] = "changed"
	if got := f.Records[2].Options["require_dyad"]; got != "false" {
		t.Errorf("record 3 require_dyad = %q after changing record 2's, want %q", got, "false")
	}
}

func TestReadPetrarchErrors(t *testing.T) {
	const good = `<Sentence date="20010101" id="OK-1" category="A"><Text>Fine.</Text></Sentence>`
	tests := []struct {
		name string
		src  string
		line int    // of the error
		msg  string // in the error
		ids  []string
	}{
		{"no id", "<Sentence date=\"20010101\"><Text>x</Text></Sentence>\n" + good, 1, "without an id", []string{"OK-1"}},
		{"empty id", "<Sentence id=\" \" date=\"20010101\"><Text>x</Text></Sentence>\n" + good, 1, "without an id", []string{"OK-1"}},
		{"no date", good + "\n<Sentence id=\"B\"><Text>x</Text></Sentence>", 2, `date "" is not YYYYMMDD`, []string{"OK-1"}},
		{"bad date", good + "\n\n<Sentence id=\"B\" date=\"2001-01-01\"><Text>x</Text></Sentence>", 3, `date "2001-01-01" is not YYYYMMDD`, []string{"OK-1"}},
		{"no text", "<Sentence id=\"B\" date=\"20010101\"><Parse></Parse></Sentence>\n" + good, 1, "has no <Text>", []string{"OK-1"}},
		{"two texts", "<Sentence id=\"B\" date=\"20010101\"><Text>a</Text><Text>b</Text></Sentence>\n" + good, 1, "2 <Text> elements", []string{"OK-1"}},
		{"two parses", "<Sentence id=\"B\" date=\"20010101\"><Text>a</Text><Parse>(S)</Parse><Parse>(S)</Parse></Sentence>\n" + good, 1, "2 <Parse> elements", []string{"OK-1"}},
		{"no text nor parse", "<Sentence id=\"B\" date=\"20010101\"><Text> </Text><Parse>\n</Parse></Sentence>\n" + good, 1, "neither text nor parse", []string{"OK-1"}},
		{"empty coding", good + "\n<Sentence id=\"B\" date=\"20010101\"><EventCoding sourcecode=\"X\"/><Text>a</Text></Sentence>", 2, "without noevents, error or eventcode", []string{"OK-1"}},
		{"empty event code", good + "\n<Sentence id=\"B\" date=\"20010101\"><EventCoding eventcode=\" \"/><Text>a</Text></Sentence>", 2, "without noevents, error or eventcode", []string{"OK-1"}},
		{"events and noevents", good + "\n<Sentence id=\"B\" date=\"20010101\"><EventCoding eventcode=\"010\"/><EventCoding noevents=\"True\"/><Text>a</Text></Sentence>", 2, "expects events and also no events", []string{"OK-1"}},
		{"events and error", good + "\n<Sentence id=\"B\" date=\"20010101\"><EventCoding error=\"dateline\"/><EventCoding eventcode=\"010\"/><Text>a</Text></Sentence>", 2, "expects events and also no events", []string{"OK-1"}},
		{"not xml", "<Sentence id=\"B\" date=\"20010101\">\n<Text>a < b</Text>\n</Sentence>\n" + good, 2, "<Sentence>: expected element name after <", []string{"OK-1"}},
		{"not closed", "<Sentence id=\"B\" date=\"20010101\">\n<Text>a</Text>\n" + good, 1, "<Sentence> without </Sentence>", []string{"OK-1"}},
		{"not closed at end", good + "\n<Sentence id=\"B\" date=\"20010101\"><Text>a</Text>", 2, "<Sentence> without </Sentence>", []string{"OK-1"}},
		{"tag never ends", good + "\n<Sentence id=\"B\" date=\"20010101\"", 2, "<Sentence> tag never ends", []string{"OK-1"}},
		{"tag cut short", "<Sentence id=\"B\" date=\"2001<Text>a</Text></Sentence>\n" + good, 1, "<Sentence> tag never ends", []string{"OK-1"}},
		{"config without value", "<Config option=\"x\"/>\n" + good, 1, "needs option and value", []string{"OK-1"}},
		{"config without option", good + "\n<Config value=\"x\"></Config>", 2, "needs option and value", []string{"OK-1"}},
		{"config in environment", "<Environment>\n<Config value=\"x\"/>\n</Environment>\n" + good, 1, "needs option and value", []string{"OK-1"}},
		{"config not xml", "<Config option=\"x\" value=\"y\"></Config></Config>\n<Config option=\"x\" =\"y\"/>\n" + good, 2, "<Config>: expected attribute name", []string{"OK-1"}},
		{"environment not closed", "<Environment>\n<Verbfile>v.txt</Verbfile>\n" + good, 1, "<Environment> without </Environment>", []string{"OK-1"}},
		{"unterminated comment", good + "\n<!-- never ends\n" + strings.Replace(good, "OK-1", "OK-2", 1), 2, "comment never ends", []string{"OK-1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := readPetrarch(t, tt.src)
			if err == nil {
				t.Fatal("no error")
			}
			if f == nil {
				t.Fatalf("nil file with %v", err)
			}
			var ids []string
			for _, r := range f.Records {
				ids = append(ids, r.ID)
			}
			if !slices.Equal(ids, tt.ids) {
				t.Errorf("records %q, want %q", ids, tt.ids)
			}
			var pe *parley.Error
			if !errors.As(err, &pe) || pe.Kind != parley.Invalid || pe.Input != "test.xml" || pe.Line != tt.line {
				t.Fatalf("error %v, want invalid input at test.xml:%d", err, tt.line)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not mention %q", err, tt.msg)
			}
		})
	}
}

// TestReadPetrarchFatal checks the cases that give no file at all.
func TestReadPetrarchFatal(t *testing.T) {
	tests := []struct {
		name string
		src  string
		kind parley.Kind
	}{
		{"empty", "", parley.Invalid},
		{"no records", "<Validation><Environment><Verbfile>v</Verbfile></Environment></Validation>", parley.Invalid},
		{"only bad records", "<Sentence id=\"A\"><Text>x</Text></Sentence>", parley.Invalid},
		{"json", `[{"id": "x"}]`, parley.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := readPetrarch(t, tt.src)
			if f != nil || parley.KindOf(err) != tt.kind {
				t.Errorf("got %v, %v; want nil and %v", f, err, tt.kind)
			}
		})
	}
	f, err := eval.ReadPetrarch(brokenReader{errors.New("disk on fire")}, "test.xml")
	if f != nil || parley.KindOf(err) != parley.IO || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("failing reader: got %v, %v; want nil and an I/O error", f, err)
	}
}

// brokenReader fails every read with err.
type brokenReader struct{ err error }

func (r brokenReader) Read([]byte) (int, error) { return 0, r.err }

// TestReadPetrarchLenient checks that a record that is not well-formed
// XML but that the non-strict decoder reads is kept.
func TestReadPetrarchLenient(t *testing.T) {
	src := "<Sentence id=\"L-1\" date=\"20010101\" category=ALPHA>\n<EventCoding sourcecode=\"A\" targetcode=\"B\" eventcode=\"010\"/>\n<Text>Salt & pepper&nbsp;talks.</Text>\n</Sentence>\n"
	f, err := readPetrarch(t, src)
	if err != nil {
		t.Fatal(err)
	}
	r := f.Records[0]
	if r.ID != "L-1" || r.Category != "ALPHA" || r.Text != "Salt & pepper talks." || len(r.Gold) != 1 {
		t.Errorf("got %+v", r)
	}
}

func TestPetrarchRecordOptions(t *testing.T) {
	r := eval.PetrarchRecord{Options: map[string]string{
		"a": "false", "b": "FALSE", "c": "True", "d": "yes", "e": "", "n": "4", "m": "x", "z": "-2",
	}}
	bools := []struct {
		name      string
		def, want bool
	}{
		{"a", true, false}, {"b", true, false}, {"c", false, true}, {"d", false, true},
		{"e", false, true}, {"missing", true, true}, {"missing", false, false},
	}
	for _, tt := range bools {
		if got := r.OptionBool(tt.name, tt.def); got != tt.want {
			t.Errorf("OptionBool(%q, %v) = %v, want %v", tt.name, tt.def, got, tt.want)
		}
	}
	ints := []struct {
		name      string
		def, want int
	}{{"n", 0, 4}, {"z", 0, -2}, {"m", 7, 7}, {"missing", 8, 8}}
	for _, tt := range ints {
		if got := r.OptionInt(tt.name, tt.def); got != tt.want {
			t.Errorf("OptionInt(%q, %d) = %d, want %d", tt.name, tt.def, got, tt.want)
		}
	}
}

func TestPetrarchRecordDoc(t *testing.T) {
	r := eval.PetrarchRecord{ID: "X-1", Text: "Valoria met Quetzia.", Date: ymd("20010203")}
	d := r.Doc()
	if d.Text != r.Text || d.SourceID != "X-1" || !d.Published.Equal(r.Date) || d.ID != parley.Hash(r.Text) {
		t.Errorf("Doc() = %+v", d)
	}
	r.Text, r.Parse = "", "(ROOT (S (NP (NNP Valoria)) (VP (VBD met) (NP (NNP Quetzia) (-LRB- -LRB-) (NN again) (-RRB- -RRB-))) (. .)))"
	if got, want := r.Doc().Text, "Valoria met Quetzia ( again ) ."; got != want {
		t.Errorf("Doc() of a record without text: %q, want %q", got, want)
	}
}

func TestParseWords(t *testing.T) {
	tests := []struct {
		parse string
		want  []string
	}{
		{"", nil},
		{"  \n", nil},
		{"(ROOT (S (NP (NNP Valoria)) (VP (VBD met) (NP (NNP Quetzia))) (. .)))", []string{"Valoria", "met", "Quetzia", "."}},
		{"( (S (NP (DT The) (NN envoy)) (VP (VBD left))))", []string{"The", "envoy", "left"}},
		{"(S (NP (-LCB- -LCB-) (NN x) (-RCB- -RCB-)) (: -LSB-))", []string{"{", "x", "}", "["}},
		{"1\tValoria\t_\t_\t_\t_\t2\tnsubj\t_\t_\n2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdid\n3.1\tgap\t_\n# comment\n4\tleave\n", []string{"Valoria", "did", "leave"}},
	}
	for _, tt := range tests {
		if got := eval.ParseWords(tt.parse); !slices.Equal(got, tt.want) {
			t.Errorf("ParseWords(%q) = %q, want %q", tt.parse, got, tt.want)
		}
	}
}

const udParse = `
1	Valoria	Valoria	PROPN	NNP	Number=Sing	2	nsubj	_	_
2	met	meet	VERB	VBD	Tense=Past	0	root	_	_
3	Quetzia	Quetzia	PROPN	NNP	Number=Sing	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	.	_	_	_	_	_
`

func TestPetrarchCoNLLU(t *testing.T) {
	tests := []struct {
		name  string
		rec   eval.PetrarchRecord
		want  string
		words []int // words per sentence read back
	}{
		{
			name:  "one sentence",
			rec:   eval.PetrarchRecord{ID: "U-1", Text: "Valoria met Quetzia.", Parse: udParse},
			want:  "# sent_id = U-1\n# text = Valoria met Quetzia.\n" + strings.TrimPrefix(udParse, "\n") + "\n",
			words: []int{4},
		},
		{
			name: "blank lines, spaces and carriage returns",
			rec: eval.PetrarchRecord{ID: "U-2\nx", Text: "A. B.",
				Parse: "\r\n\n  1\tA\ta\tNOUN\tNN\t_\t0\troot\t_\t_  \r\n\n\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\r\n\n1\tB\tb\tNOUN\tNN\t_\t0\troot\t_\t_\n\n"},
			want:  "# sent_id = U-2 x\n# text = A. B.\n1\tA\ta\tNOUN\tNN\t_\t0\troot\t_\t_\n\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n1\tB\tb\tNOUN\tNN\t_\t0\troot\t_\t_\n\n",
			words: nil, // the first sentence's "2" has no word 1: conllu rejects it
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.rec.CoNLLU()
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("CoNLLU() = %q, want %q", got, tt.want)
			}
			if tt.words == nil {
				return
			}
			r := conllu.NewReader(strings.NewReader(got), tt.rec.ID)
			var words []int
			for {
				s, err := r.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				if s.ID != tt.rec.ID || s.Text != tt.rec.Text {
					t.Errorf("sent_id, text = %q, %q; want %q, %q", s.ID, s.Text, tt.rec.ID, tt.rec.Text)
				}
				words = append(words, len(s.Words()))
			}
			if !slices.Equal(words, tt.words) {
				t.Errorf("words per sentence %v, want %v", words, tt.words)
			}
		})
	}
	for _, parse := range []string{"", " \n ", "\n(ROOT (S (NP (NNP A))))\n"} {
		r := eval.PetrarchRecord{ID: "P", Parse: parse}
		if _, err := r.CoNLLU(); parley.KindOf(err) != parley.Invalid {
			t.Errorf("CoNLLU() of parse %q: error %v, want invalid input", parse, err)
		}
	}
}

func TestPetrarchParsedDoc(t *testing.T) {
	r := eval.PetrarchRecord{ID: "U-1", Text: "Valoria met Quetzia.", Parse: udParse, Date: ymd("20010203")}
	d, err := r.ParsedDoc()
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != "Valoria met Quetzia." || d.SourceID != "U-1" || !d.Published.Equal(r.Date) || d.ID != parley.Hash(d.Text) {
		t.Errorf("doc %q %q %v %q", d.Text, d.SourceID, d.Published, d.ID)
	}
	if want := parley.LayerTokens | parley.LayerSentences | parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps; d.Layers != want {
		t.Errorf("layers %v, want %v", d.Layers, want)
	}
	want := []parley.Token{
		{Start: 0, End: 7, Kind: parley.TokWord, UPOS: "PROPN", XPOS: "NNP", Feats: "Number=Sing", Head: 1, DepRel: "nsubj"},
		{Start: 8, End: 11, Kind: parley.TokWord, UPOS: "VERB", XPOS: "VBD", Feats: "Tense=Past", Lemma: "meet", Head: -1, DepRel: "root"},
		{Start: 12, End: 19, Kind: parley.TokWord, UPOS: "PROPN", XPOS: "NNP", Feats: "Number=Sing", Head: 1, DepRel: "obj"},
		{Start: 19, End: 20, Kind: parley.TokPunct, UPOS: "PUNCT", XPOS: ".", Head: -1},
	}
	if diff := cmp.Diff(want, d.Tokens); diff != "" {
		t.Errorf("tokens (-want +got):\n%s", diff)
	}
	if len(d.Sentences) != 1 || d.Sentences[0].Tokens != (parley.Span{Start: 0, End: 4}) {
		t.Errorf("sentences %+v", d.Sentences)
	}
	for _, bad := range []string{"", "(S (NP x))", "1\tA\n"} {
		r.Parse = bad
		if d, err := r.ParsedDoc(); d != nil || parley.KindOf(err) != parley.Invalid {
			t.Errorf("ParsedDoc() of parse %q: %v, %v; want nil and invalid input", bad, d, err)
		}
	}
}

func TestTriples(t *testing.T) {
	events := []parley.Event{
		{Source: "VLR", Target: "QTZGOV", Code: "042"},
		{Source: "", Target: " QTZ ", Code: " 190 "},
		{Source: "---GOV", Code: "010"},
	}
	want := []eval.Triple{{"VLR", "QTZGOV", "042"}, {"---", "QTZ", "190"}, {"---GOV", "---", "010"}}
	if got := eval.Triples(events); !slices.Equal(got, want) {
		t.Errorf("Triples() = %v, want %v", got, want)
	}
	if got := eval.Triples(nil); len(got) != 0 {
		t.Errorf("Triples(nil) = %v, want none", got)
	}
}

func TestScorePetrarch(t *testing.T) {
	rec := func(id, cat string, gold ...eval.Triple) eval.PetrarchRecord {
		return eval.PetrarchRecord{ID: id, Category: cat, Gold: gold}
	}
	tr := func(s, t, c string) eval.Triple { return eval.Triple{Source: s, Target: t, Code: c} }
	ab, ba := tr("AAA", "BBB", "042"), tr("BBB", "AAA", "043")
	tests := []struct {
		name     string
		gold     eval.PetrarchRecord
		pred     []eval.Triple
		noPred   bool // no entry in the predictions
		ok, okNN bool // correct, correct ignoring null actors
	}{
		{"same", rec("r", "A", ab, ba), []eval.Triple{ab, ba}, false, true, true},
		{"order", rec("r", "A", ab, ba), []eval.Triple{ba, ab}, false, true, true},
		{"duplicate predicted", rec("r", "A", ab, ba), []eval.Triple{ab, ba, ab}, false, true, true},
		{"duplicate gold", rec("r", "A", ab, ab), []eval.Triple{ab}, false, true, true},
		{"missing one", rec("r", "A", ab, ba), []eval.Triple{ab}, false, false, false},
		{"extra one", rec("r", "A", ab), []eval.Triple{ab, ba}, false, false, false},
		{"code differs", rec("r", "A", ab), []eval.Triple{tr("AAA", "BBB", "42")}, false, false, false},
		{"longer code", rec("r", "A", ab), []eval.Triple{tr("AAA", "BBB", "0420")}, false, false, false},
		{"case matters", rec("r", "A", ab), []eval.Triple{tr("aaa", "BBB", "042")}, false, false, false},
		{"white space trimmed", rec("r", "A", ab), []eval.Triple{tr(" AAA", "BBB ", " 042 ")}, false, true, true},
		{"empty actor is ---", rec("r", "A", tr("AAA", "---", "010")), []eval.Triple{tr("AAA", "", "010")}, false, true, true},
		{"--- is empty actor", rec("r", "A", tr("AAA", "", "010")), []eval.Triple{tr("AAA", "---", "010")}, false, true, true},
		{"agent without country", rec("r", "A", tr("---GOV", "---", "023")), []eval.Triple{tr("---", "---", "023")}, false, false, true},
		{"null actor missing", rec("r", "A", ab, tr("---GOV", "---", "023")), []eval.Triple{ab}, false, false, true},
		{"null actor extra", rec("r", "A", ab), []eval.Triple{ab, tr("AAA", "---", "010")}, false, false, true},
		{"null actor wrong", rec("r", "A", ab, tr("---REL", "BBB", "023")), []eval.Triple{ab, tr("---LEG", "BBB", "023")}, false, false, true},
		{"only null actors", rec("r", "A", tr("---", "AAA", "010")), nil, false, false, true},
		{"non-null still counts", rec("r", "A", ab, tr("---", "AAA", "010")), []eval.Triple{tr("---", "AAA", "010")}, false, false, false},
		{"no events expected, none", rec("r", "A"), nil, false, true, true},
		{"no events expected, empty entry", rec("r", "A"), []eval.Triple{}, false, true, true},
		{"no events expected, one", rec("r", "A"), []eval.Triple{ab}, false, false, false},
		{"no events expected, no prediction", rec("r", "A"), nil, true, true, true},
		{"events expected, no prediction", rec("r", "A", ab), nil, true, false, false},
		{"codes joined by /", rec("r", "A", tr("AAA/CCC", "BBB", "042")), []eval.Triple{ab, tr("CCC", "BBB", "042")}, false, true, true},
		{"codes joined by /, one missing", rec("r", "A", tr("AAA/CCC", "BBB", "042")), []eval.Triple{ab}, false, false, false},
		{"quoted new actor", rec("r", "A", tr(`"THE GUILD"`, "AAA", "023")), []eval.Triple{tr(`"THE GUILD"`, "AAA", "023")}, false, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &eval.PetrarchFile{Records: []eval.PetrarchRecord{tt.gold}}
			pred := map[string][]eval.Triple{"other": {ab}}
			if !tt.noPred {
				pred[tt.gold.ID] = tt.pred
			}
			res := eval.ScorePetrarch(f, pred, nil)
			if res.Records != 1 || (res.Correct == 1) != tt.ok || (res.NullActorIgnoredCorrect == 1) != tt.okNN {
				t.Errorf("records %d, correct %d, ignoring null actors %d; want 1, %v, %v", res.Records, res.Correct, res.NullActorIgnoredCorrect, tt.ok, tt.okNN)
			}
			if wantWrong := !tt.ok; (len(res.Incorrect) == 1) != wantWrong {
				t.Errorf("incorrect %q", res.Incorrect)
			}
		})
	}
}

func TestScorePetrarchInclude(t *testing.T) {
	tr := eval.Triple{Source: "AAA", Target: "BBB", Code: "042"}
	f := &eval.PetrarchFile{Records: []eval.PetrarchRecord{
		{ID: "a1", Category: "A", Gold: []eval.Triple{tr}},
		{ID: "a2", Category: "A", Gold: []eval.Triple{tr}},
		{ID: "b1", Category: "B"},
		{ID: "c1", Category: "C", Gold: []eval.Triple{tr}},
		{ID: "x1", Category: ""},
	}}
	pred := map[string][]eval.Triple{"a1": {tr}, "b1": {tr}, "c1": {tr}}
	tests := []struct {
		name    string
		include []string
		want    eval.PetrarchResult
	}{
		{"all", nil, eval.PetrarchResult{
			Records: 5, Correct: 3, Accuracy: 0.6, NullActorIgnoredCorrect: 3, NullActorIgnoredAccuracy: 0.6,
			ByCategory: map[string]eval.PetrarchCategoryResult{
				"A": {2, 1, 0.5}, "B": {1, 0, 0}, "C": {1, 1, 1}, "": {1, 1, 1},
			},
			Incorrect: []string{"a2", "b1"},
		}},
		{"empty is all", []string{}, eval.PetrarchResult{
			Records: 5, Correct: 3, Accuracy: 0.6, NullActorIgnoredCorrect: 3, NullActorIgnoredAccuracy: 0.6,
			ByCategory: map[string]eval.PetrarchCategoryResult{
				"A": {2, 1, 0.5}, "B": {1, 0, 0}, "C": {1, 1, 1}, "": {1, 1, 1},
			},
			Incorrect: []string{"a2", "b1"},
		}},
		{"A and B", []string{"B", "A", "Z"}, eval.PetrarchResult{
			Records: 3, Correct: 1, Accuracy: 0.3333, NullActorIgnoredCorrect: 1, NullActorIgnoredAccuracy: 0.3333,
			ByCategory: map[string]eval.PetrarchCategoryResult{"A": {2, 1, 0.5}, "B": {1, 0, 0}},
			Incorrect:  []string{"a2", "b1"},
		}},
		{"none", []string{"Z"}, eval.PetrarchResult{ByCategory: map[string]eval.PetrarchCategoryResult{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := eval.ScorePetrarch(f, pred, tt.include)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ScorePetrarch mismatch (-want +got):\n%s", diff)
			}
		})
	}
	if diff := cmp.Diff(eval.PetrarchResult{ByCategory: map[string]eval.PetrarchCategoryResult{}}, eval.ScorePetrarch(nil, pred, nil)); diff != "" {
		t.Errorf("ScorePetrarch(nil) mismatch (-want +got):\n%s", diff)
	}
}

func TestPetrarchResultJSON(t *testing.T) {
	f, err := readPetrarch(t, petrarchSample)
	if err != nil {
		t.Fatal(err)
	}
	pred := map[string][]eval.Triple{"ALPHA-01": f.Records[0].Gold}
	b, err := json.Marshal(eval.ScorePetrarch(f, pred, f.Environment.Include))
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"records":4,"correct":3,"accuracy":0.75,"null_actor_ignored_correct":4,"null_actor_ignored_accuracy":1,` +
		`"by_category":{"ALPHA":{"records":2,"correct":1,"accuracy":0.5},"BETA":{"records":2,"correct":2,"accuracy":1}},"incorrect":["ALPHA-02"]}`
	if string(b) != want {
		t.Errorf("JSON\n%s\nwant\n%s", b, want)
	}
}

// petrarchFiles are the facts TestPetrarchCorpus checks about the PETRARCH
// files of ../shared/data/petrarch.
var petrarchFiles = []struct {
	file                string
	records, gold, ud   int // records, expected triples, records with a CoNLL-U parse
	noEvents, errs      int // records with noevents, with error
	uncoded             int // records without <EventCoding>
	included            int // records in the <Include> categories
	emptyCorrect        int // records right when nothing is predicted
	emptyNullIgnored    int // the same ignoring null actors
	categories          map[string]int
	duplicateIDs        []string
	environmentIncludes bool
}{
	{
		file: "PETR.UnitTest.records.xml", records: 284, gold: 359, noEvents: 19, errs: 7, uncoded: 1,
		included: 281, emptyCorrect: 27, emptyNullIgnored: 32, categories: unitTestCategories,
		duplicateIDs: []string{"AGENTS-18#2", "AGENTS-19#2"}, environmentIncludes: true,
	},
	{
		file: "PETR.UnitTest.records.ud.xml", records: 284, gold: 349, ud: 284, noEvents: 19, errs: 7, uncoded: 1,
		included: 281, emptyCorrect: 27, emptyNullIgnored: 32, categories: unitTestCategories,
		duplicateIDs: []string{"AGENTS_18#2", "AGENTS_19#2"}, environmentIncludes: true,
	},
	{
		file: "GigaWord.sample.PETR.xml", records: 76, uncoded: 76, included: 76, emptyCorrect: 76, emptyNullIgnored: 76,
		categories: map[string]int{"AFP": 76}, duplicateIDs: []string{"GOLD_9#2"},
	},
}

var unitTestCategories = map[string]int{
	"ACTOR": 15, "AGENT": 24, "AGENTS": 2, "COMPOUND": 42, "COMPOUNDx": 1, "DATE": 21, "DEMO": 36,
	"ERROR": 7, "MODIFY": 20, "PARSING": 12, "PATTERN": 29, "SYNSET": 52, "VERB": 23,
}

func openPetrarch(tb testing.TB, file string) *os.File {
	tb.Helper()
	path := filepath.Join("../../shared/data/petrarch", file)
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		tb.Skipf("skipping: %s not present (the PETRARCH files live in ../shared/data/petrarch)", path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

// TestPetrarchCorpus reads the PETRARCH files of the shared data and
// checks what is known of them, that the expected codings score perfectly
// against themselves, and the score of a coder that finds nothing.
func TestPetrarchCorpus(t *testing.T) {
	for _, tt := range petrarchFiles {
		t.Run(tt.file, func(t *testing.T) {
			f, err := eval.ReadPetrarch(openPetrarch(t, tt.file), tt.file)
			if err != nil {
				t.Fatal(err)
			}
			cats := map[string]int{}
			var gold, ud, noEvents, errs, uncoded int
			var dups []string
			perfect := map[string][]eval.Triple{}
			for _, r := range f.Records {
				cats[r.Category]++
				gold += len(r.Gold)
				noEvents += count(r.NoEvents)
				errs += count(r.Error != "")
				uncoded += count(!r.Coded)
				if strings.Contains(r.ID, "#") {
					dups = append(dups, r.ID)
				}
				if _, err := r.CoNLLU(); err == nil {
					ud++
				}
				perfect[r.ID] = slices.Clone(r.Gold)
				slices.Reverse(perfect[r.ID])
			}
			if len(f.Records) != tt.records || gold != tt.gold || ud != tt.ud || noEvents != tt.noEvents || errs != tt.errs || uncoded != tt.uncoded {
				t.Errorf("records, gold, ud, noevents, errors, uncoded = %d, %d, %d, %d, %d, %d; want %d, %d, %d, %d, %d, %d",
					len(f.Records), gold, ud, noEvents, errs, uncoded, tt.records, tt.gold, tt.ud, tt.noEvents, tt.errs, tt.uncoded)
			}
			if !maps.Equal(cats, tt.categories) {
				t.Errorf("categories %v, want %v", cats, tt.categories)
			}
			if !slices.Equal(dups, tt.duplicateIDs) {
				t.Errorf("duplicate ids %q, want %q", dups, tt.duplicateIDs)
			}
			if got := f.HasGold(); got != (tt.gold > 0) {
				t.Errorf("HasGold() = %v", got)
			}
			if tt.environmentIncludes {
				env := f.Environment
				want := eval.PetrarchEnvironment{
					Verbs: "PETR.Validate.verbs.txt", Actors: []string{"PETR.Validate.actors.txt"},
					Agents: "PETR.Validate.agents.txt", Discards: "PETR.Validate.discards.txt", Errors: "Errors.unit-test.txt",
					Include:   []string{"DEMO", "ACTOR", "VERB", "AGENT", "COMPOUND", "PARSING", "PATTERN", "DATE", "MODIFY", "SYNSET", "ERROR"},
					ValidOnly: true, Pause: "Stop",
				}
				if diff := cmp.Diff(want, env); diff != "" {
					t.Errorf("environment (-want +got):\n%s", diff)
				}
			}
			res := eval.ScorePetrarch(f, perfect, f.Environment.Include)
			if res.Records != tt.included || res.Accuracy != 1 || res.NullActorIgnoredAccuracy != 1 {
				t.Errorf("gold against itself: %+v, want %d records, accuracy 1", res, tt.included)
			}
			res = eval.ScorePetrarch(f, nil, f.Environment.Include)
			if res.Correct != tt.emptyCorrect || res.NullActorIgnoredCorrect != tt.emptyNullIgnored {
				t.Errorf("nothing predicted: correct %d, ignoring null actors %d; want %d, %d", res.Correct, res.NullActorIgnoredCorrect, tt.emptyCorrect, tt.emptyNullIgnored)
			}
			t.Logf("nothing predicted: accuracy %v, ignoring null actors %v", res.Accuracy, res.NullActorIgnoredAccuracy)
		})
	}
}

// TestPetrarchCorpusOptions checks the options in force at some records
// of the unit tests, where the file switches them between sections.
func TestPetrarchCorpusOptions(t *testing.T) {
	f, err := eval.ReadPetrarch(openPetrarch(t, "PETR.UnitTest.records.xml"), "PETR.UnitTest.records.xml")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]eval.PetrarchRecord{}
	seen := map[string]map[string]bool{}
	for _, r := range f.Records {
		byID[r.ID] = r
		for k, v := range r.Options {
			if seen[k] == nil {
				seen[k] = map[string]bool{}
			}
			seen[k][v] = true
		}
	}
	tests := []struct {
		id          string
		requireDyad bool
		newActorLen int
		commaEMax   int // -1: not set
	}{
		{"DEMO-00", true, 0, -1},
		{"DEMO-22", true, 4, -1},
		{"DEMO-23", true, 0, -1},
		{"COMPOUND-03", false, 0, -1},
		{"COMPOUND-05", true, 0, -1},
		{"DATE-16", false, 0, 0},
		{"DATE-17", true, 0, 8},
		{"ACTOR-01", true, 4, 8},
		{"ACTOR-03", true, 3, 8},
		{"COMMA-05", false, 0, 6},
		{"COMMA-10", false, 0, 0},
		{"COMMA-13", true, 0, 8},
	}
	for _, tt := range tests {
		r, ok := byID[tt.id]
		if !ok {
			t.Errorf("no record %s", tt.id)
			continue
		}
		if got := r.OptionBool("require_dyad", true); got != tt.requireDyad {
			t.Errorf("%s: require_dyad %v, want %v", tt.id, got, tt.requireDyad)
		}
		if got := r.OptionInt("new_actor_length", 0); got != tt.newActorLen {
			t.Errorf("%s: new_actor_length %d, want %d", tt.id, got, tt.newActorLen)
		}
		if got := r.OptionInt("comma_emax", -1); got != tt.commaEMax {
			t.Errorf("%s: comma_emax %d, want %d", tt.id, got, tt.commaEMax)
		}
		if got := r.Options["stop_on_error"]; got != "True" {
			t.Errorf("%s: stop_on_error %q, want True", tt.id, got)
		}
	}
	names := slices.Sorted(maps.Keys(seen))
	want := []string{"comma_bmax", "comma_bmin", "comma_emax", "comma_emin", "comma_max", "comma_min", "new_actor_length", "require_dyad", "stop_on_error"}
	if !slices.Equal(names, want) {
		t.Errorf("options %q, want %q", names, want)
	}
}

// TestPetrarchCorpusCoNLLU checks that package conllu reads the parse of
// every record of the Universal-PETRARCH unit tests, as one sentence
// whose words are those ParseWords finds, and that ParsedDoc builds a Doc
// from each.
func TestPetrarchCorpusCoNLLU(t *testing.T) {
	const file = "PETR.UnitTest.records.ud.xml"
	f, err := eval.ReadPetrarch(openPetrarch(t, file), file)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range f.Records {
		text, err := r.CoNLLU()
		if err != nil {
			t.Errorf("%s: %v", r.ID, err)
			continue
		}
		cr := conllu.NewReader(strings.NewReader(text), file+"#"+r.ID)
		var n int
		for {
			s, err := cr.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Errorf("%s: %v", r.ID, err)
				break
			}
			n++
			var forms []string
			for _, w := range s.Words() {
				forms = append(forms, w.Form)
			}
			if want := eval.ParseWords(r.Parse); !slices.Equal(forms, want) {
				t.Errorf("%s: words %q, ParseWords %q", r.ID, forms, want)
			}
		}
		if n != 1 {
			t.Errorf("%s: %d sentences, want 1", r.ID, n)
		}
		d, err := r.ParsedDoc()
		if err != nil {
			t.Errorf("%s: ParsedDoc: %v", r.ID, err)
			continue
		}
		for i, tok := range d.Tokens {
			if tok.Head < -1 || tok.Head >= len(d.Tokens) || tok.UPOS == "" {
				t.Errorf("%s: token %d %+v", r.ID, i, tok)
			}
		}
	}
}

// FuzzReadPetrarch checks that ReadPetrarch does not panic and that what
// it returns keeps its promises: a file, or an error of kind invalid
// input, but not both missing; unique non-empty IDs; lines in range;
// records with text or a parse; no expected events beside noevents or
// error.
func FuzzReadPetrarch(f *testing.F) {
	for _, s := range []string{
		petrarchSample,
		"<Sentence id=\"a\" date=\"20010101\"><Text>x &amp y</Text></Sentence>",
		"<Sentence id=\"a\" date=\"20010101\"><Text>x</Text>",
		"<!-- <Sentence id=\"a\" date=\"20010101\"><Text>x</Text></Sentence>",
		"<Config option=\"a\" value=\"b\"/><Sentence id=a date=20010101><Text>x</Text></Sentence><Sentence id=a date=20010101><Text>y</Text></Sentence>",
		"<Environment><Include>valid A</Include><Config option=\"x\" value=\"1\"></Config>",
		"<Sentence id=\"a\" date=\"20010101\"><Text>x</Text><Parse>1\tx\tx\tX\tX\t_\t0\troot\t_\t_</Parse></Sentence>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		pf, err := eval.ReadPetrarch(strings.NewReader(src), "fuzz")
		if err != nil && parley.KindOf(err) != parley.Invalid {
			t.Fatalf("error %v, want invalid input", err)
		}
		if pf == nil {
			if err == nil {
				t.Fatal("nil file without an error")
			}
			return
		}
		lines := strings.Count(src, "\n") + 1
		ids := map[string]bool{}
		for _, r := range pf.Records {
			if r.ID == "" || ids[r.ID] {
				t.Fatalf("empty or repeated id %q", r.ID)
			}
			ids[r.ID] = true
			if r.Line < 1 || r.Line > lines {
				t.Fatalf("record %s at line %d of %d", r.ID, r.Line, lines)
			}
			if r.Text == "" && strings.TrimSpace(r.Parse) == "" {
				t.Fatalf("record %s without text or parse", r.ID)
			}
			if len(r.Gold) > 0 && (r.NoEvents || r.Error != "") {
				t.Fatalf("record %s expects events and no events", r.ID)
			}
			_ = r.Doc()
			if text, err := r.CoNLLU(); err == nil {
				if _, err := r.ParsedDoc(); err != nil && parley.KindOf(err) != parley.Invalid {
					t.Fatalf("ParsedDoc of %q: %v", text, err)
				}
			}
		}
		res := eval.ScorePetrarch(pf, nil, nil)
		if res.Records != len(pf.Records) {
			t.Fatalf("scored %d of %d records", res.Records, len(pf.Records))
		}
	})
}

// count returns 1 for true, 0 for false.
func count(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestDocTriples(t *testing.T) {
	d := parley.NewDoc("x")
	// The fourth actor is a named organisation's body ("the activists of
	// Relief Watch"): it has no country, but it is someone's, so no "---".
	d.Actors = []parley.Actor{{Code: "RUSCOP", Country: "RUS"}, {Code: "EDU"}, {Name: "the Ministry of Magic"}, {Code: "NGOOPP", Name: "RELIEF WATCH"}}
	d.Events = []parley.Event{{Source: "RUSCOP", Target: "EDU", SourceRef: 0, TargetRef: 1, Code: "173"}, {Source: "RUSCOP", TargetRef: -1, Code: "190"},
		{SourceRef: 2, Target: "RUSCOP", TargetRef: 0, Code: "111"}, {Source: "NGOOPP", SourceRef: 3, Target: "EDU", TargetRef: 1, Code: "112"}}
	want := []eval.Triple{{"RUSCOP", "---EDU", "173"}, {"RUSCOP", "---", "190"}, {`"THE MINISTRY OF MAGIC"`, "RUSCOP", "111"}, {"NGOOPP", "---EDU", "112"}}
	if got := eval.DocTriples(d); !slices.Equal(got, want) {
		t.Errorf("DocTriples = %v, want %v", got, want)
	}
}
