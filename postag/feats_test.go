package postag

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/conllu"
)

var rebuildFeats = flag.Bool("rebuild-feats", false, "retrain feats.model from the UD train sets in ../shared/data")

const featsUDDir = "../../shared/data/ud/"

// featsTrainFiles are the corpora feats.model is learned from.
var featsTrainFiles = []string{"en_ewt-train.conllu", "en_gum-train.conllu"}

// eachUDSentence calls fn with each sentence of a CoNLL-U file in
// ../shared/data/ud, skipping the test when the file is absent.
func eachUDSentence(tb testing.TB, name string, fn func(*conllu.Sentence)) {
	tb.Helper()
	f, err := os.Open(featsUDDir + name)
	if err != nil {
		tb.Skipf("../shared/data not present (%v): skipping", err)
	}
	defer f.Close()
	r := conllu.NewReader(f, name)
	for {
		s, err := r.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			tb.Fatal(err)
		}
		fn(s)
	}
}

// readFeatsExamples returns the words of a CoNLL-U file in
// ../shared/data/ud, skipping the test when the file is absent.
func readFeatsExamples(tb testing.TB, name string) []FeatsExample {
	tb.Helper()
	var ex []FeatsExample
	eachUDSentence(tb, name, func(s *conllu.Sentence) {
		for _, w := range s.Words() {
			ex = append(ex, FeatsExample{Form: w.Form, UPOS: w.UPOS, XPOS: w.XPOS, Feats: w.Feats})
		}
	})
	return ex
}

// featsToy is a training set written for these tests.
var featsToy = func() []FeatsExample {
	var ex []FeatsExample
	for _, w := range strings.Fields(`
		walked:VERB:VBD:Mood=Ind|Tense=Past|VerbForm=Fin
		talked:VERB:VBD:Mood=Ind|Tense=Past|VerbForm=Fin
		was:AUX:VBD:Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin
		was:AUX:VBD:Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin
		were:AUX:VBD:Mood=Ind|Tense=Past|VerbForm=Fin
		talks:NOUN:NNS:Number=Plur talks:NOUN:NNS:Number=Plur
		news:NOUN:NN:Number=Sing news:NOUN:NNS:Number=Plur
		he:PRON:PRP:Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs
		He:PRON:PRP:Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs
		them:PRON:PRP:Case=Acc|Number=Plur|Person=3|PronType=Prs
		it:PRON:PRP:Case=Nom|Gender=Neut|Number=Sing|Person=3|PronType=Prs
		n't:PART:RB:Polarity=Neg n't:PART:RB:Polarity=Neg
		not:PART:RB:Polarity=Neg
		signed:VERB:VBN:Tense=Past|VerbForm=Part|Voice=Pass
		signed:VERB:VBN:Tense=Past|VerbForm=Part
		held:VERB:VBN:Tense=Past|VerbForm=Part
		.:PUNCT:.:_`) {
		f := strings.Split(w, ":")
		if f[3] == "_" {
			f[3] = ""
		}
		ex = append(ex, FeatsExample{Form: f[0], UPOS: f[1], XPOS: f[2], Feats: f[3]})
	}
	return ex
}()

func TestFeatsToy(t *testing.T) {
	ft := TrainFeats(featsToy)
	tests := []struct{ form, upos, xpos, want string }{
		{"walked", "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin"},
		{"kicked", "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin"},                     // unseen: the pair's default
		{"was", "AUX", "VBD", "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin"},    // seen twice
		{"WAS", "AUX", "VBD", "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin"},    // case-insensitive
		{"were", "AUX", "VBD", "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin"},   // seen once: the default
		{"He", "PRON", "PRP", "Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs"},   // the default
		{"them", "PRON", "PRP", "Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs"}, // seen once
		{"n't", "PART", "RB", "Polarity=Neg"},
		{"signed", "VERB", "VBN", "Tense=Past|VerbForm=Part"}, // tie: the smaller string
		{"talks", "NOUN", "NNS", "Number=Plur"},
		{"news", "NOUN", "NN", "Number=Sing"},
		{".", "PUNCT", ".", ""},
		{"talks", "VERB", "VBZ", ""}, // unknown pair
		{"talks", "", "", ""},
	}
	for _, tt := range tests {
		if got := ft.Feats(tt.form, tt.upos, tt.xpos); got != tt.want {
			t.Errorf("Feats(%q, %q, %q) = %q, want %q", tt.form, tt.upos, tt.xpos, got, tt.want)
		}
	}
}

// TestFeatsCompact checks that only forms that differ from their pair's
// default are kept.
func TestFeatsCompact(t *testing.T) {
	ft := TrainFeats(featsToy)
	if fp := ft.pairs["NNS NOUN"]; len(fp.forms) != 0 {
		t.Errorf("NNS NOUN keeps %d forms, want 0: %v", len(fp.forms), fp.forms)
	}
	if fp := ft.pairs["VBD AUX"]; len(fp.forms) != 0 {
		t.Errorf("VBD AUX keeps %d forms, want 0 (was is the default): %v", len(fp.forms), fp.forms)
	}
}

func TestFeatsDeterministic(t *testing.T) {
	want, err := TrainFeats(featsToy).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 5 {
		ex := append([]FeatsExample(nil), featsToy...)
		r.Shuffle(len(ex), func(i, j int) { ex[i], ex[j] = ex[j], ex[i] })
		got, err := TrainFeats(ex).MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("shuffle %d: encoding differs (%d bytes, want %d)", i, len(got), len(want))
		}
	}
}

func TestFeatsRoundTrip(t *testing.T) {
	ft := TrainFeats(featsToy)
	b, err := ft.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	ft2, err := LoadFeats(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if b2, err := ft2.MarshalBinary(); err != nil || !bytes.Equal(b, b2) {
		t.Errorf("re-encoding differs (err %v)", err)
	}
	for _, x := range append(featsToy, FeatsExample{"kicked", "VERB", "VBD", ""}) {
		if got, want := ft2.Feats(x.Form, x.UPOS, x.XPOS), ft.Feats(x.Form, x.UPOS, x.XPOS); got != want {
			t.Errorf("loaded Feats(%q, %q, %q) = %q, want %q", x.Form, x.UPOS, x.XPOS, got, want)
		}
	}
}

func TestLoadFeatsInvalid(t *testing.T) {
	good, err := TrainFeats(featsToy).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	newer := bytes.Clone(good)
	newer[len(featsMagic)-1]++
	tests := map[string][]byte{
		"empty":     nil,
		"not table": []byte("hello, world"),
		"version":   newer,
		"truncated": good[:len(good)/2],
		"no body":   []byte(featsMagic),
		"garbage":   append([]byte(featsMagic), 0xff, 0x00, 0x13),
	}
	for name, b := range tests {
		if _, err := LoadFeats(bytes.NewReader(b)); parley.KindOf(err) != parley.Invalid {
			t.Errorf("%s: LoadFeats error %v, want kind %v", name, err, parley.Invalid)
		}
	}
	if _, err := LoadFeats(featsErrReader{}); parley.KindOf(err) != parley.IO {
		t.Errorf("failing reader: LoadFeats error %v, want kind %v", err, parley.IO)
	}
}

type featsErrReader struct{}

func (featsErrReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

// FuzzLoadFeats checks that decoding arbitrary bytes fails cleanly or gives
// a table that re-encodes.
func FuzzLoadFeats(f *testing.F) {
	b, err := TrainFeats(featsToy).MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(featsMagic[:len(featsMagic)-1]))
	f.Fuzz(func(t *testing.T, b []byte) {
		ft, err := LoadFeats(bytes.NewReader(b))
		if err != nil {
			return
		}
		if _, err := ft.MarshalBinary(); err != nil {
			t.Fatal(err)
		}
		ft.Feats("walked", "VERB", "VBD")
	})
}

// BenchmarkFeatsTable measures lookups in feats.model with gold tags.
func BenchmarkFeatsTable(b *testing.B) {
	m, err := os.ReadFile("feats.model")
	if err != nil {
		b.Fatal(err)
	}
	ft, err := LoadFeats(bytes.NewReader(m))
	if err != nil {
		b.Fatal(err)
	}
	ex := featsToy
	if _, err := os.Stat(featsUDDir + "en_ewt-dev.conllu"); err == nil {
		ex = readFeatsExamples(b, "en_ewt-dev.conllu")
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, x := range ex {
			ft.Feats(x.Form, x.UPOS, x.XPOS)
		}
		n += len(ex)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "words/s")
}

// TestFeatsModelFile checks that feats.model is what TrainFeats makes of
// the UD train sets, and rewrites it with -rebuild-feats.
func TestFeatsModelFile(t *testing.T) {
	var ex []FeatsExample
	for _, f := range featsTrainFiles {
		ex = append(ex, readFeatsExamples(t, f)...)
	}
	b, err := TrainFeats(ex).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if *rebuildFeats {
		if err := os.WriteFile("feats.model", b, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote feats.model: %d bytes from %d words", len(b), len(ex))
		return
	}
	if have, err := os.ReadFile("feats.model"); err != nil || !bytes.Equal(have, b) {
		t.Errorf("feats.model (%d bytes, %v) differs from the table trained on %v (%d bytes); run go test ./postag -run '^TestFeatsModelFile$' -rebuild-feats", len(have), err, featsTrainFiles, len(b))
	}
}

// featsKeys are the features the event coder relies on; the floor test
// reports the accuracy of each.
var featsKeys = []string{"Tense", "VerbForm", "Mood", "Voice", "Number", "Person", "Polarity", "PronType"}

// featValue returns the value of feature key in a feature string.
func featValue(feats, key string) string {
	for f := range strings.SplitSeq(feats, "|") {
		if k, v, ok := strings.Cut(f, "="); ok && k == key {
			return v
		}
	}
	return ""
}

// TestFeatsFloors checks feats.model on the UD dev sets with gold tags:
// UFeats accuracy (the whole feature string matches) over all words, and
// the accuracy of each of featsKeys. Floors only go up.
func TestFeatsFloors(t *testing.T) {
	b, err := os.ReadFile("feats.model")
	if err != nil {
		t.Fatal(err)
	}
	ft, err := LoadFeats(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file        string
		ufeats, key float64 // floors for UFeats and for each of featsKeys
	}{
		{"en_ewt-dev.conllu", 0.94, 0.98},
		{"en_gum-dev.conllu", 0.92, 0.975},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			ex := readFeatsExamples(t, tt.file)
			all := 0
			keys := make([]int, len(featsKeys))
			for _, x := range ex {
				got := ft.Feats(x.Form, x.UPOS, x.XPOS)
				if got == x.Feats {
					all++
				}
				for i, k := range featsKeys {
					if featValue(got, k) == featValue(x.Feats, k) {
						keys[i]++
					}
				}
			}
			n := float64(len(ex))
			var per strings.Builder
			for i, k := range featsKeys {
				fmt.Fprintf(&per, " %s %.4f", k, float64(keys[i])/n)
				if got := float64(keys[i]) / n; got < tt.key {
					t.Errorf("%s accuracy = %.4f, floor %.3f", k, got, tt.key)
				}
			}
			t.Logf("%s: %d words: UFeats %.4f; per feature:%s", tt.file, len(ex), float64(all)/n, per.String())
			if got := float64(all) / n; got < tt.ufeats {
				t.Errorf("UFeats = %.4f, floor %.3f", got, tt.ufeats)
			}
		})
	}
}
