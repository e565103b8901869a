package depparse

import (
	"math"

	"github.com/parley-events/parley/cluster"
	"github.com/parley-events/parley/internal/wordcache"
	"github.com/parley-events/parley/mlp"
	"github.com/parley-events/parley/perceptron"
)

// parseState is an arc-hybrid configuration: a stack, the front of the
// buffer (i; n is the virtual root) and the arcs built so far, with the
// children bookkeeping that features need.
type parseState struct {
	n                   int
	words, tags, upos   []string
	caps                []bool // whether each word is written with a capital (words are lower-cased)
	clus                []cluster.Cluster
	wid, tid, uid       []uint64 // hashes of words, Penn tags and UPOS; see ids
	heads, labels       []int    // per word; heads[j] == -1 until attached, n for the root
	stack               []int
	i                   int
	lc1, lc2, rc1, rc2  []int // leftmost, second leftmost, rightmost, second rightmost child (-1 none); len n+1
	nl, nr              []int // number of left and right children; len n+1
	labelNames          []string
	feats               []uint64
	scores              []float32
	net                 *mlp.Scratch           // the network's working memory, made on first use
	netMoves, percMoves int                    // moves scored by each (for measuring)
	forms               *wordcache.Table[form] // the forms met, made on first use
}

// form is what a parse state keeps of a word form.
type form struct {
	norm string
	clus cluster.Cluster
}

// maxForms bounds the forms a state keeps; when full it starts afresh.
const maxForms = 1 << 15

// form returns the normal form and clusters of word w under m.
func (st *parseState) form(m *Model, w string) form {
	if f, ok := st.forms.Get(w); ok {
		return f
	}
	if st.forms == nil {
		st.forms = wordcache.NewTable[form](maxForms)
	}
	f := form{norm: normalize(w), clus: m.clusterOf(w)}
	st.forms.Put(w, f)
	return f
}

func newParseState(classes int) *parseState {
	return &parseState{scores: make([]float32, classes)}
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

func (st *parseState) reset(n int) {
	st.n = n
	st.words = grow(st.words, n)
	st.caps = grow(st.caps, n)
	clear(st.caps)
	st.tags = grow(st.tags, n)
	st.upos = grow(st.upos, n)
	st.clus = grow(st.clus, n)
	st.heads = grow(st.heads, n)
	st.labels = grow(st.labels, n)
	for j := range n {
		st.heads[j], st.labels[j] = -1, 0
	}
	st.stack = st.stack[:0]
	st.i = 0
	for _, s := range []*[]int{&st.lc1, &st.lc2, &st.rc1, &st.rc2} {
		*s = grow(*s, n+1)
		for j := range *s {
			(*s)[j] = -1
		}
	}
	st.nl = grow(st.nl, n+1)
	st.nr = grow(st.nr, n+1)
	clear(st.nl)
	clear(st.nr)
}

func (st *parseState) terminal() bool { return len(st.stack) == 0 && st.i >= st.n }

// valid reports whether class c can be applied. The root relation is only
// for arcs from the virtual root, and every arc from it has that relation.
func (st *parseState) valid(c int) bool {
	if c == shift {
		return st.i < st.n
	}
	l := (c - 1) / 2
	isRoot := st.labelNames[l] == "root"
	if c%2 == 1 { // LEFT: s0 ← b0
		return len(st.stack) > 0 && isRoot == (st.i == st.n)
	}
	return len(st.stack) > 1 && !isRoot // RIGHT: s1 → s0
}

// best returns the valid class with the highest score, as
// perceptron.Best(scores, st.valid) does (ties to the lower class), for a
// model whose root relation is rootLabel: bestLead without the lead.
func (st *parseState) best(scores []float32, rootLabel int) int {
	c, _ := st.bestLead(scores, rootLabel)
	return c
}

// mask sets the scores of the moves not allowed now to -Inf (scores is
// the caller's scratch), so that the choice is one pass over the scores
// with no test per class: validity depends only on the kind of move and
// on whether its relation is root, so it is worked out once rather than
// once per class.
func (st *parseState) mask(scores []float32, rootLabel int) {
	neg := float32(math.Inf(-1))
	n := len(scores)
	if st.i >= st.n {
		scores[shift] = neg
	}
	switch leftRoot := leftClass(rootLabel); {
	case len(st.stack) == 0:
		for c := 1; c < n; c += 2 {
			scores[c] = neg
		}
	case st.i == st.n: // the last move may attach s0 to the root only
		for c := 1; c < n; c += 2 {
			if c != leftRoot {
				scores[c] = neg
			}
		}
	default:
		scores[leftRoot] = neg
	}
	if len(st.stack) > 1 {
		scores[rightClass(rootLabel)] = neg
	} else {
		for c := 2; c < n; c += 2 {
			scores[c] = neg
		}
	}
}

// bestLead returns the best valid move and how far its score leads the
// next valid move's (0 on a tie): mlp.Lead over the scores masked. It
// overwrites the scores of the moves not allowed.
func (st *parseState) bestLead(scores []float32, rootLabel int) (int, float32) {
	st.mask(scores, rootLabel)
	return mlp.Lead(scores)
}

func (st *parseState) apply(c int) {
	switch {
	case c == shift:
		st.stack = append(st.stack, st.i)
		st.i++
	case c%2 == 1:
		s0 := st.pop()
		st.attach(st.i, s0, (c-1)/2)
	default:
		s0 := st.pop()
		st.attach(st.stack[len(st.stack)-1], s0, (c-2)/2)
	}
}

func (st *parseState) pop() int {
	s0 := st.stack[len(st.stack)-1]
	st.stack = st.stack[:len(st.stack)-1]
	return s0
}

func (st *parseState) attach(h, d, label int) {
	st.heads[d] = h
	st.labels[d] = label
	if d < h {
		st.nl[h]++
		if st.lc1[h] < 0 || d < st.lc1[h] {
			st.lc2[h], st.lc1[h] = st.lc1[h], d
		} else if st.lc2[h] < 0 || d < st.lc2[h] {
			st.lc2[h] = d
		}
	} else {
		st.nr[h]++
		if st.rc1[h] < 0 || d > st.rc1[h] {
			st.rc2[h], st.rc1[h] = st.rc1[h], d
		} else if st.rc2[h] < 0 || d > st.rc2[h] {
			st.rc2[h] = d
		}
	}
}

// Feature templates; the numbers are part of the trained model.
const (
	fBias = iota + 1
	fW
	fT
	fWT
	fL
	fS0wN0w
	fN0wtS0w
	fN0wtS0t
	fS0wtN0w
	fS0wtN0t
	fWTWT
	fTT
	fTTT
	fValW
	fValT
	fDist
	fLabT
	fU
	fC
)

// fMore numbers the templates added on 2026-11-27 (part of the model too).
const fMore = fC + 50

// Hashes standing for positions outside the sentence.
var (
	noneID = perceptron.F1(0, "<none>")
	rootID = perceptron.F1(0, "<root>")
)

// ids computes the hashes of the words and tags once per sentence, so
// features combine 64-bit values instead of hashing strings.
func (st *parseState) ids() {
	st.wid = grow(st.wid, st.n)
	st.tid = grow(st.tid, st.n)
	st.uid = grow(st.uid, st.n)
	for j := range st.n {
		st.wid[j] = perceptron.F1(1, st.words[j])
		st.tid[j] = perceptron.F1(2, st.tags[j])
		st.uid[j] = perceptron.F1(3, st.upos[j])
	}
}

func pick(ids []uint64, j, n int) uint64 {
	switch {
	case j < 0:
		return noneID
	case j >= n:
		return rootID
	}
	return ids[j]
}

func (st *parseState) word(j int) uint64   { return pick(st.wid, j, st.n) }
func (st *parseState) tag(j int) uint64    { return pick(st.tid, j, st.n) }
func (st *parseState) uposOf(j int) uint64 { return pick(st.uid, j, st.n) }

func (st *parseState) cl(j int) cluster.Cluster {
	switch {
	case j < 0:
		return cluster.Cluster{Fine: 0xfffe, Coarse: 0xfffe}
	case j >= st.n:
		return cluster.Cluster{Fine: 0xfffd, Coarse: 0xfffd}
	}
	return st.clus[j]
}

func (st *parseState) label(j int) int {
	if j < 0 || j >= st.n {
		return -1
	}
	return st.labels[j]
}

func at(s []int, j int) int {
	if j < 0 {
		return -1
	}
	return s[j]
}

// features appends the feature hashes of the current configuration
// (after Zhang & Nivre 2011, trimmed).
func (st *parseState) features(dst []uint64) []uint64 {
	c := st.config()
	s0, s1, s2, n0, n1, n2 := c.s0, c.s1, c.s2, c.n0, c.n1, c.n2
	n0b1, n0b2, s0b1, s0b2, s0f1, s0f2, s1f1 := c.n0b1, c.n0b2, c.s0b1, c.s0b2, c.s0f1, c.s0f2, c.s1f1
	vs0l, vs0r, vn0l, dist := c.vs0l, c.vs0r, c.vn0l, c.dist

	H := perceptron.New
	dst = append(dst, H(fBias).Sum())
	// Unigrams: words and tags at each position, word/tag pairs.
	for k, j := range [...]int{n0, n1, n2, s0, s1, s2, n0b1, n0b2, s0b1, s0b2, s0f1, s0f2, s1f1} {
		dst = append(dst,
			H(fW).I(k).U(st.word(j)).Sum(),
			H(fT).I(k).U(st.tag(j)).Sum(),
		)
		if k < 6 {
			dst = append(dst, H(fWT).I(k).U(st.word(j)).U(st.tag(j)).Sum())
		}
		if k >= 6 {
			dst = append(dst, H(fL).I(k).I(st.label(j)).Sum())
		}
	}
	ws0, ts0, wn0, tn0 := st.word(s0), st.tag(s0), st.word(n0), st.tag(n0)
	tn1, tn2, ts1 := st.tag(n1), st.tag(n2), st.tag(s1)
	dst = append(dst,
		H(fS0wN0w).U(ws0).U(wn0).Sum(),
		H(fN0wtS0w).U(wn0).U(tn0).U(ws0).Sum(),
		H(fN0wtS0t).U(wn0).U(tn0).U(ts0).Sum(),
		H(fS0wtN0w).U(ws0).U(ts0).U(wn0).Sum(),
		H(fS0wtN0t).U(ws0).U(ts0).U(tn0).Sum(),
		H(fWTWT).U(ws0).U(ts0).U(wn0).U(tn0).Sum(),
		H(fTT).I(0).U(ts0).U(tn0).Sum(),
		H(fTT).I(1).U(tn0).U(tn1).Sum(),
		H(fTT).I(2).U(ts1).U(ts0).Sum(),
	)
	for k, tri := range [...][3]uint64{
		{tn0, tn1, tn2}, {ts0, tn0, tn1}, {ts1, ts0, tn0}, {ts0, st.tag(s0f1), tn0},
		{ts0, tn0, st.tag(n0b1)}, {ts0, st.tag(s0b1), st.tag(s0b2)}, {ts0, st.tag(s0f1), st.tag(s0f2)},
		{tn0, st.tag(n0b1), st.tag(n0b2)}, {ts0, ts1, st.tag(s2)},
	} {
		dst = append(dst, H(fTTT).I(k).U(tri[0]).U(tri[1]).U(tri[2]).Sum())
	}
	dst = append(dst,
		H(fValW).I(0).U(ws0).I(vs0r).Sum(),
		H(fValW).I(1).U(ws0).I(vs0l).Sum(),
		H(fValW).I(2).U(wn0).I(vn0l).Sum(),
		H(fValT).I(0).U(ts0).I(vs0r).Sum(),
		H(fValT).I(1).U(ts0).I(vs0l).Sum(),
		H(fValT).I(2).U(tn0).I(vn0l).Sum(),
		H(fDist).I(0).U(ws0).I(dist).Sum(),
		H(fDist).I(1).U(wn0).I(dist).Sum(),
		H(fDist).I(2).U(ts0).U(tn0).I(dist).Sum(),
		H(fDist).I(3).U(ws0).U(wn0).I(dist).Sum(),
		// Labels of children with the head's tag.
		H(fLabT).I(0).U(ts0).I(st.label(s0b1)).I(st.label(s0b2)).Sum(),
		H(fLabT).I(1).U(ts0).I(st.label(s0f1)).I(st.label(s0f2)).Sum(),
		H(fLabT).I(2).U(tn0).I(st.label(n0b1)).I(st.label(n0b2)).Sum(),
		// Universal tags of the main positions.
		H(fU).I(0).U(st.uposOf(s0)).U(st.uposOf(n0)).U(st.uposOf(s1)).Sum(),
		H(fU).I(1).U(st.uposOf(s0)).Sum(),
		H(fU).I(2).U(st.uposOf(n0)).Sum(),
		H(fU).I(3).U(st.uposOf(n1)).Sum(),
		H(fU).I(4).U(st.uposOf(s1)).Sum(),
		H(fU).I(5).U(st.uposOf(s0)).U(st.uposOf(n0)).Sum(),
		H(fU).I(6).U(st.uposOf(n0)).U(st.uposOf(n1)).Sum(),
		H(fU).I(7).U(ws0).U(st.uposOf(n0)).Sum(),
		H(fU).I(8).U(st.uposOf(s0)).U(wn0).Sum(),
		H(fU).I(9).U(st.uposOf(s0)).U(st.uposOf(n0)).I(dist).Sum(),
	)
	// Word–tag and tag-triple conjunctions with distance and valency,
	// the second stack word, and s0's children's labels with b0's tag
	// (+0.10 LAS on EWT dev, +0.15 on GUM dev).
	ws1 := st.word(s1)
	dst = append(dst,
		H(fMore).I(0).U(ws0).U(tn0).I(dist).Sum(),
		H(fMore).I(1).U(ts0).U(wn0).I(dist).Sum(),
		H(fMore).I(2).U(ts0).U(tn0).I(vs0l).I(vs0r).Sum(),
		H(fMore).I(3).U(ts1).U(ts0).U(tn0).I(dist).Sum(),
		H(fMore).I(4).U(ws1).U(ws0).Sum(),
		H(fMore).I(5).U(ws1).U(ts1).U(ts0).Sum(),
		H(fMore).I(6).U(ts0).U(tn0).U(tn1).I(dist).Sum(),
		H(fMore).I(7).U(ts0).I(st.label(s0b1)).I(st.label(s0f1)).U(tn0).Sum(),
	)
	// Word clusters.
	cs0, cn0, cn1, cs1 := st.cl(s0), st.cl(n0), st.cl(n1), st.cl(s1)
	dst = append(dst,
		H(fC).I(0).I(int(cs0.Fine)).Sum(),
		H(fC).I(1).I(int(cn0.Fine)).Sum(),
		H(fC).I(2).I(int(cn1.Coarse)).Sum(),
		H(fC).I(3).I(int(cs1.Coarse)).Sum(),
		H(fC).I(4).I(int(cs0.Coarse)).I(int(cn0.Coarse)).Sum(),
		H(fC).I(5).I(int(cs0.Fine)).U(tn0).Sum(),
		H(fC).I(6).U(ts0).I(int(cn0.Fine)).Sum(),
		H(fC).I(7).I(int(cs0.Coarse)).I(int(cn0.Coarse)).I(dist).Sum(),
		H(fC).I(8).I(int(cs1.Coarse)).I(int(cs0.Coarse)).Sum(),
	)
	return dst
}

// config holds the positions a configuration's features read: the top
// three of the stack (s0, s1, s2), the first three of the buffer (n0, n1,
// n2; n0 is the root once the words are used up), the two outermost left
// children of n0 and s0 (b1, b2) and right children of s0 (f1, f2) and
// s1 (f1), -1 where there is none; the valency of s0 and n0; and the
// distance from s0 to n0, capped at 6 (7 with n0 the root, 0 with no s0).
// Both scorers' features start from it.
type config struct {
	s0, s1, s2, n0, n1, n2                   int
	n0b1, n0b2, s0b1, s0b2, s0f1, s0f2, s1f1 int
	vs0l, vs0r, vn0l, dist                   int
}

func (st *parseState) config() config {
	c := config{s0: -1, s1: -1, s2: -1, n0: st.i, n1: -1, n2: -1, vs0l: -1, vs0r: -1}
	if k := len(st.stack); k > 0 {
		c.s0 = st.stack[k-1]
		if k > 1 {
			c.s1 = st.stack[k-2]
		}
		if k > 2 {
			c.s2 = st.stack[k-3]
		}
	}
	if c.n0+1 < st.n {
		c.n1 = c.n0 + 1
	}
	if c.n0+2 < st.n {
		c.n2 = c.n0 + 2
	}
	c.s0b1, c.s0b2, c.s0f1, c.s0f2 = at(st.lc1, c.s0), at(st.lc2, c.s0), at(st.rc1, c.s0), at(st.rc2, c.s0)
	c.n0b1, c.n0b2 = st.lc1[c.n0], st.lc2[c.n0]
	c.s1f1 = at(st.rc1, c.s1)
	c.vn0l = st.nl[c.n0]
	if c.s0 >= 0 {
		c.vs0l, c.vs0r = st.nl[c.s0], st.nr[c.s0]
		c.dist = min(c.n0-c.s0, 6)
		if c.n0 >= st.n {
			c.dist = 7
		}
	}
	return c
}
