package lemma

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// minSupport is the number of word types that must end in a suffix before
// it gets a rule of its own (tuned on the UD English dev sets: 2 and 4 do
// slightly worse).
const minSupport = 3

// wordStats counts, for one lower-cased form under one tag, how many of
// its tokens each candidate rule lemmatizes correctly: the edit applied to
// the lower-cased form, or to the form as written (keep).
type wordStats struct{ rules map[caseEdit]int }

type caseEdit struct {
	e    edit
	keep bool
}

// Case choices of a word or suffix: undecided (no capitalised token told
// them apart), lower-case, keep case.
const (
	caseUnknown = iota
	caseLower
	caseKeep
)

// best returns the rule that fits most tokens, the shortest edit and
// lower-case on ties, and its case: caseUnknown when the other case fits
// as many.
func (w *wordStats) best() (edit, int) {
	var best caseEdit
	n := -1
	for r, c := range w.rules {
		if c > n || c == n && (compareEdit(r.e, best.e) < 0 || r.e == best.e && !r.keep) {
			best, n = r, c
		}
	}
	switch {
	case w.rules[caseEdit{best.e, !best.keep}] == n:
		return best.e, caseUnknown
	case best.keep:
		return best.e, caseKeep
	}
	return best.e, caseLower
}

// mode returns the case chosen by keep and lower votes.
func mode(keep, lower int) int {
	switch {
	case keep == 0 && lower == 0:
		return caseUnknown
	case keep > lower:
		return caseKeep
	}
	return caseLower
}

// bestEdit returns the most frequent edit, the shortest one on ties.
func bestEdit(counts map[edit]int) edit {
	var best edit
	n := -1
	for e, c := range counts {
		if c > n || c == n && compareEdit(e, best) < 0 {
			best, n = e, c
		}
	}
	return best
}

// compareEdit orders edits by strip length, then appended string.
func compareEdit(a, b edit) int {
	return cmp.Or(cmp.Compare(a.strip, b.strip), strings.Compare(a.app, b.app))
}

// editOf returns the edit that turns base into lemma.
func editOf(base, lemma string) edit {
	n := 0
	for n < len(base) && n < len(lemma) && base[n] == lemma[n] {
		n++
	}
	for n > 0 && n < len(base) && !utf8.RuneStart(base[n]) {
		n--
	}
	return edit{len(base) - n, lemma[n:]}
}

// Train learns a Model from examples. Examples with an empty or invalid
// form or lemma are skipped. The result depends only on the multiset of
// examples, so the same data always gives the same bytes from
// MarshalBinary.
func Train(examples []Example) *Model {
	// Count the rules each word needs under its XPOS tag, its UPOS tag
	// (keyed " UPOS"), no tag, and its (XPOS, UPOS) pair.
	words := map[string]map[string]*wordStats{} // XPOS → lower-cased form → stats
	pairs := map[string]map[string]*wordStats{} // "XPOS UPOS" → lower-cased form → stats
	add := func(words map[string]map[string]*wordStats, tag, lower string, el, ek edit, weight int) {
		if words[tag] == nil {
			words[tag] = map[string]*wordStats{}
		}
		w := words[tag][lower]
		if w == nil {
			w = &wordStats{rules: map[caseEdit]int{}}
			words[tag][lower] = w
		}
		w.rules[caseEdit{el, false}] += weight
		w.rules[caseEdit{ek, true}] += weight
	}
	for _, x := range examples {
		if x.Form == "" || x.Lemma == "" || !utf8.ValidString(x.Form) || !utf8.ValidString(x.Lemma) || number(x.Form) {
			continue
		}
		lower := strings.ToLower(x.Form)
		el, ek := editOf(lower, x.Lemma), editOf(x.Form, x.Lemma)
		weight := max(x.Weight, 1)
		add(words, "", lower, el, ek, weight)
		if x.XPOS != "" {
			add(words, x.XPOS, lower, el, ek, weight)
			add(pairs, x.XPOS+" "+x.UPOS, lower, el, ek, weight)
		}
		if x.UPOS != "" {
			add(words, " "+x.UPOS, lower, el, ek, weight)
		}
	}

	// The lexicon: the lemmas of the open word classes.
	m := &Model{tags: map[string]*table{}, pairs: map[string]map[string]rule{}, lex: map[string]uint8{}}
	for _, x := range examples {
		if c := classOf(x.XPOS); c != 0 && x.Lemma != "" && utf8.ValidString(x.Lemma) && !number(x.Form) {
			m.lex[strings.ToLower(x.Lemma)] |= c
		}
	}
	ids := map[edit]rule{}
	ruleOf := func(e edit, c int) rule {
		id, ok := ids[e]
		if !ok {
			id = rule(len(m.edits)) << 1
			ids[e] = id
			m.edits = append(m.edits, e)
		}
		if c == caseKeep {
			id |= keepCase
		}
		return id
	}
	// Per tag: the suffix rules, then an exception for every word they
	// get wrong.
	for _, tag := range slices.Sorted(maps.Keys(words)) {
		t := &table{class: classOf(tag), suffix: map[string]rule{}, except: map[string]rule{}}
		ws := words[tag]
		for suf, r := range suffixRules(ws) {
			t.suffix[suf] = ruleOf(r.e, r.c)
		}
		for _, lower := range slices.Sorted(maps.Keys(ws)) {
			if e, c, ok := m.miss(ws[lower], m.bySuffixRule, t, lower); ok {
				t.except[lower] = ruleOf(e, c)
			}
		}
		m.tags[tag] = t
	}
	// Pair entries for the words the XPOS table gets wrong.
	for _, p := range slices.Sorted(maps.Keys(pairs)) {
		xpos, _, _ := strings.Cut(p, " ")
		ws := pairs[p]
		for _, lower := range slices.Sorted(maps.Keys(ws)) {
			if e, c, ok := m.miss(ws[lower], m.lookup, m.tags[xpos], lower); ok {
				if m.pairs[p] == nil {
					m.pairs[p] = map[string]rule{}
				}
				m.pairs[p][lower] = ruleOf(e, c)
			}
		}
	}
	m.sortEdits()
	return m
}

// suffixRule is an edit with its case choice.
type suffixRule struct {
	e edit
	c int
}

// suffixRules returns the rule of every word ending that needs its own:
// the most frequent edit and case among the words that end so, kept when
// it differs from the rule of the ending one letter shorter.
func suffixRules(ws map[string]*wordStats) map[string]suffixRule {
	type node struct {
		edits       map[edit]int
		keep, lower int
		types       int
	}
	nodes := map[string]*node{}
	for lower, w := range ws {
		e, c := w.best()
		for n := 0; n <= min(maxSuffix, len(lower)); n++ {
			i := len(lower) - n
			if i < len(lower) && !utf8.RuneStart(lower[i]) {
				continue
			}
			nd := nodes[lower[i:]]
			if nd == nil {
				nd = &node{edits: map[edit]int{}}
				nodes[lower[i:]] = nd
			}
			nd.edits[e]++
			nd.types++
			switch c {
			case caseKeep:
				nd.keep++
			case caseLower:
				nd.lower++
			}
		}
	}
	sufs := slices.SortedFunc(maps.Keys(nodes), func(a, b string) int {
		return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b))
	})
	eff := map[string]suffixRule{}
	out := map[string]suffixRule{}
	for _, s := range sufs {
		nd := nodes[s]
		if s == "" {
			c := mode(nd.keep, nd.lower)
			if c == caseUnknown {
				c = caseLower
			}
			r := suffixRule{bestEdit(nd.edits), c}
			eff[s], out[s] = r, r
			continue
		}
		_, size := utf8.DecodeRuneInString(s)
		parent := eff[s[size:]]
		r := parent
		if nd.types >= minSupport {
			r.e = bestEdit(nd.edits)
			if c := mode(nd.keep, nd.lower); c != caseUnknown {
				r.c = c
			}
		}
		eff[s] = r
		if r != parent {
			out[s] = r
		}
	}
	return out
}

// miss reports whether lookup, applied with t to a lower-case word, misses
// the word's majority rule (edit and case) given by w, and returns that
// rule.
func (m *Model) miss(w *wordStats, lookup func(*table, string, string) (string, rule, bool), t *table, lower string) (edit, int, bool) {
	want, wc := w.best()
	got, r, ok := lookup(t, lower, lower)
	c := caseLower
	if r&keepCase != 0 {
		c = caseKeep
	}
	if !ok {
		got, c = lower, caseLower
	}
	if wc == caseUnknown {
		wc = c
	}
	l, ok := applyEdit(want, lower)
	return want, wc, !ok || got != l || wc != c
}

// applyEdit applies e to base.
func applyEdit(e edit, base string) (string, bool) {
	m := Model{edits: []edit{e}}
	return m.apply(0, base, base)
}

// sortEdits renumbers the edits in (strip, app) order, so that the model's
// encoding depends only on its content.
func (m *Model) sortEdits() {
	order := make([]int, len(m.edits))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return compareEdit(m.edits[a], m.edits[b]) })
	newID := make([]rule, len(order))
	edits := make([]edit, len(order))
	for i, old := range order {
		newID[old] = rule(i)
		edits[i] = m.edits[old]
	}
	m.edits = edits
	rs := slices.Collect(maps.Values(m.pairs))
	for _, t := range m.tags {
		rs = append(rs, t.suffix, t.except)
	}
	for _, rs := range rs {
		for k, r := range rs {
			rs[k] = newID[r>>1]<<1 | r&keepCase
		}
	}
}

// The word classes of the lexicon.
const (
	classVerb uint8 = 1 << iota
	classNoun
	classAdj
	classAdv
)

// classOf returns the lexicon classes of a table's tag, a Penn Treebank
// tag or " UPOS": all classes for "", none for closed-class tags and
// proper nouns.
func classOf(tag string) uint8 {
	switch {
	case tag == "":
		return 0xff
	case strings.HasPrefix(tag, "VB") || tag == " VERB":
		return classVerb
	case tag == "NN" || tag == "NNS" || tag == " NOUN":
		return classNoun
	case strings.HasPrefix(tag, "JJ") || tag == " ADJ":
		return classAdj
	case strings.HasPrefix(tag, "RB") || tag == " ADV":
		return classAdv
	}
	return 0
}
