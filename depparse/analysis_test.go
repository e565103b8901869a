package depparse

import (
	"fmt"
	"os"
	"sort"
	"testing"
)

// TestAnalysis prints the most frequent attachment and label errors of
// the embedded model on EWT dev with gold tags when PARLEY_EXPERIMENT is
// set.
func TestAnalysis(t *testing.T) {
	if os.Getenv("PARLEY_EXPERIMENT") == "" {
		t.Skip("set PARLEY_EXPERIMENT=1 to run")
	}
	dev := readSents(t, "../../shared/data/ud/en_ewt-dev.conllu")
	p, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	errs := map[string]int{}
	headErr := map[string]int{}
	for _, s := range dev {
		heads, rels := p.Parse(s.Words, s.XPOS, s.UPOS)
		for j := range s.Words {
			if heads[j] != s.Heads[j] {
				headErr[s.Rels[j]]++
			} else if rels[j] != s.Rels[j] {
				errs[s.Rels[j]+" → "+rels[j]]++
			}
		}
	}
	show := func(m map[string]int, n int) {
		type kv struct {
			k string
			v int
		}
		var l []kv
		for k, v := range m {
			l = append(l, kv{k, v})
		}
		sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
		for i := 0; i < n && i < len(l); i++ {
			fmt.Printf("%6d %s\n", l[i].v, l[i].k)
		}
	}
	fmt.Println("head errors by gold relation:")
	show(headErr, 20)
	fmt.Println("label errors (right head):")
	show(errs, 20)
}
