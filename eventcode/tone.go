package eventcode

import (
	"slices"

	"github.com/parley-events/parley"
)

// Words that give a statement its tone, by lemma: CAMEO codes a comment
// that is pessimistic (012) or optimistic (013) about a situation. Written
// for parley.
var (
	pessimistic = map[string]bool{
		"opposed": true, "deadlock": true, "impasse": true, "stalemate": true, "pessimistic": true,
		"bleak": true, "doubt": true, "doubtful": true, "skeptical": true, "sceptical": true,
		"disappointed": true, "disappointing": true, "fruitless": true, "unlikely": true,
		"difficult": true, "grim": true, "gloomy": true, "stalled": true, "collapse": true,
	}
	optimistic = map[string]bool{
		"optimistic": true, "hopeful": true, "constructive": true, "positive": true, "promising": true,
		"breakthrough": true, "encouraging": true, "productive": true, "confident": true,
	}
)

// codeTone codes what a speaker says when the content itself gave no
// event: a verb of saying whose complement holds tone words is a
// pessimistic (012) or optimistic (013) comment by its subject, about the
// actors the complement names other than the speaker's own country.
func (c *Coder) codeTone(d *parley.Doc, x *docIndex, s, v int, coded []bool) {
	if !speechVerbs[x.lemma[v]] {
		return
	}
	subj, _ := subject(d, x, v, 0)
	speakers := actorsAt(d, x, subj)
	if len(speakers) == 0 {
		return
	}
	for _, comp := range x.children[v] {
		if r := x.rel[comp]; r != "ccomp" && r != "parataxis" {
			continue
		}
		var toks []int
		var walk func(i int)
		walk = func(i int) {
			toks = append(toks, i)
			for _, k := range x.children[i] {
				walk(k)
			}
		}
		walk(comp)
		if slices.ContainsFunc(toks, func(t int) bool { return coded[t] }) {
			continue // its content is an event
		}
		code := ""
		for _, t := range toks {
			switch {
			case pessimistic[x.lemma[t]] || pessimistic[x.lower[t]]:
				code = "012"
			case code == "" && (optimistic[x.lemma[t]] || optimistic[x.lower[t]]):
				code = "013"
			}
		}
		if code == "" {
			continue
		}
		own := d.Actors[speakers[0]].Country
		var about []int
		for _, t := range toks {
			if a := x.actorAt[t]; a >= 0 && d.Actors[a].Country != own && !slices.Contains(about, a) &&
				!slices.ContainsFunc(about, func(b int) bool { return d.Actors[b].Code == d.Actors[a].Code }) {
				about = append(about, a)
			}
		}
		if len(about) > 1 {
			about = about[:1]
		}
		mode, reporter := modality(d, x, v)
		c.emit(d, s, parley.Span{Start: v, End: v + 1}, code, "tone of a statement (eventcode/tone.go)", speakers[:1], about, mode, reporter)
	}
}
