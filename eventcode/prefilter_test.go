package eventcode_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"testing"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/dict"
	"github.com/parley-events/parley/eventcode"
	"github.com/parley-events/parley/pipeline"
)

// TestIndexesExact checks that the coder's indexes (patterns are tried
// only when the verb's phrase holds every word they need; a synset's
// members only from the word they start with) change no event: the
// shipped dictionaries code sentences of ours, and 300 articles of the
// AFP/Xinhua corpus when ../shared/data is present, as the exhaustive
// coder does.
func TestIndexesExact(t *testing.T) {
	texts := []string{
		"The two governments renewed diplomatic relations on Monday and agreed to exchange ambassadors.",
		"Rebels fired mortars and rockets at an army base near the border, killing three soldiers.",
		"The minister said his country would impose economic sanctions on its neighbour unless the troops withdrew.",
		"Police arrested dozens of protesters in the capital after they set fire to a bank.",
		"The president welcomed the release of the hostages and thanked the mediators for their efforts.",
		"Aid agencies appealed for food and medicine for the refugees who fled the fighting last week.",
		"The opposition accused the ruling party of rigging the vote and called for a general strike.",
	}
	const corpus = "../../shared/data/unlabeled/te3-silver-news.jsonl"
	if f, err := os.Open(corpus); err == nil {
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for n := 0; n < 300 && sc.Scan(); n++ {
			var rec struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil {
				texts = append(texts, rec.Text)
			}
		}
		f.Close()
	} else {
		t.Logf("%s absent (../shared/data not present): checking the sentences of this test only", corpus)
	}
	var names []string
	for _, s := range pipeline.Stages() {
		if s.Name != "eventcode" {
			names = append(names, s.Name)
		}
	}
	pre, err := pipeline.Build(pipeline.Config{Stages: names})
	if err != nil {
		t.Fatal(err)
	}
	set, err := dict.Default()
	if err != nil {
		t.Fatal(err)
	}
	cfg := pipeline.DefaultConfig().Coding
	fast := eventcode.New(set, cfg)
	slow := eventcode.Exhaustive(fast)
	events := 0
	for i, text := range texts {
		var got [2][]string
		for k, c := range []*eventcode.Coder{fast, slow} {
			d := parley.NewDoc(text)
			if err := pre.Run(t.Context(), d); err != nil {
				t.Fatal(err)
			}
			if err := c.Process(t.Context(), d); err != nil {
				t.Fatal(err)
			}
			for _, e := range d.Events {
				got[k] = append(got[k], fmt.Sprintf("%s %s %s %s %v %s", e.Source, e.Code, e.Target, e.Mode, e.Trigger, e.Pattern))
			}
		}
		events += len(got[1])
		if !slices.Equal(got[0], got[1]) {
			t.Errorf("text %d: with the indexes\n%q\nexhaustive\n%q", i, got[0], got[1])
		}
	}
	if events == 0 {
		t.Fatal("no events coded: nothing compared")
	}
	t.Logf("%d texts, %d events alike", len(texts), events)
}
