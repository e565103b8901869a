package cluster

import (
	"bytes"
	"strings"
	"testing"
)

func TestTrain(t *testing.T) {
	// Two kinds of words in the same frames: places after "in", people
	// before "said".
	var sents [][]string
	places := []string{"paris", "kyiv", "lagos", "lima", "oslo"}
	people := []string{"anna", "boris", "chen", "dara", "emil"}
	for i := range 40 {
		p, q := places[i%5], people[(i*3)%5]
		sents = append(sents, strings.Fields("talks were held in "+p+" on monday"))
		sents = append(sents, strings.Fields(q+" said the talks went well"))
		sents = append(sents, strings.Fields("officials in "+p+" and "+q+" said so"))
	}
	m := Train(sents, Options{K: 4, Coarse: 2, Contexts: 20, MinCount: 3, Seed: 1})
	same := func(ws []string) bool {
		for _, w := range ws[1:] {
			if m[w].Fine != m[ws[0]].Fine {
				return false
			}
		}
		return true
	}
	if !same(places) || !same(people) || m["paris"].Fine == m["anna"].Fine {
		t.Errorf("clusters do not separate places from people: %v", m)
	}
	b := Marshal(m)
	m2, err := Unmarshal(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(Marshal(m2), b) || len(m2) != len(m) {
		t.Error("round trip changed the clusters")
	}
	if !bytes.Equal(Marshal(Train(sents, Options{K: 4, Coarse: 2, Contexts: 20, MinCount: 3, Seed: 1})), b) {
		t.Error("training is not deterministic")
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"Kyiv": "kyiv", "2025": "0000", "talks": "talks", "A-10s": "a-00s"} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzLookup checks that Lookup finds what a lookup of the normalised
// word finds, for any string (non-ASCII, long, invalid UTF-8).
func FuzzLookup(f *testing.F) {
	for _, w := range []string{"Kyiv", "KYIV", "kyiv", "1,250", "2025", "École", "É1", "", "ÉCOLE\xff", strings.Repeat("A", 70)} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		m := map[string]Cluster{Normalize(w): {Fine: 7, Coarse: 3}, "other": {Fine: 1, Coarse: 1}}
		if c, ok := Lookup(m, w); !ok || c != (Cluster{Fine: 7, Coarse: 3}) {
			t.Fatalf("Lookup(%q) = %v, %v; want the entry of %q", w, c, ok, Normalize(w))
		}
		delete(m, Normalize(w))
		if c, ok := Lookup(m, w); ok && Normalize(w) != "other" {
			t.Fatalf("Lookup(%q) = %v, found in a map without %q", w, c, Normalize(w))
		}
	})
}
