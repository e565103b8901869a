package postag

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley/cluster"
	"github.com/parley-events/parley/perceptron"
)

// Feature templates. Numbers are part of the trained model: change them and
// the embedded model must be retrained.
const (
	fBias = iota + 1
	fWord
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPre1
	fPre3
	fShape
	fT1
	fT2
	fT12
	fT1W
	fWm1
	fSuf3m1
	fWm2
	fWp1
	fSuf3p1
	fWp2
	fWWp1
	fFirstShape
	fShapeM1
	fShapeP1
	fAmb
	fAmbM1
	fAmbP1
	fAmbP2
	fT1Amb
	fAmbAmbP1
	fCase
	fWm1W
	fT1Suf3
	fSuf5
	fClus
)

// normalize maps a word to the form features see: lower case, with years
// and other numbers collapsed.
func normalize(w string) string {
	if w == "" {
		return w
	}
	if c := w[0]; c >= '0' && c <= '9' {
		if len(w) == 4 && isDigits(w) {
			return "!YEAR"
		}
		return "!DIGITS"
	}
	return strings.ToLower(w)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func normalizeAll(dst []string, words []string) []string {
	for _, w := range words {
		dst = append(dst, normalize(w))
	}
	return dst
}

func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// shape adds the word's shape to h: X for capitals, x for lower case, d
// for digits, other runes as themselves, runs longer than two shortened.
func shape(h perceptron.H, w string) perceptron.H {
	var last rune
	run := 0
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			last, run = c, 1
		}
		var buf [4]byte
		h = h.Str(string(buf[:utf8.EncodeRune(buf[:], c)]))
	}
	return h
}

// features appends the feature hashes for word i, given the tags already
// predicted for the words before it: the word's own (wordFeatures) and
// those of its context (contextFeatures).
func features(dst []uint64, words, norms, ambs []string, clus []cluster.Cluster, i int, tags []int) []uint64 {
	dst = wordFeatures(dst, words, norms, ambs, clus, i)
	return contextFeatures(dst, words, norms, ambs, clus, i, tags)
}

// wordFeatures appends the hashes of the features of word i that depend
// on the word alone (its form, affixes, shape, ambiguity class and
// clusters), whose weights the tagger adds up once per word form.
func wordFeatures(dst []uint64, words, norms, ambs []string, clus []cluster.Cluster, i int) []uint64 {
	w, n := words[i], norms[i]
	F1 := perceptron.F1
	return append(dst,
		perceptron.New(fBias).Sum(),
		F1(fWord, n),
		F1(fSuf1, suffix(n, 1)),
		F1(fSuf2, suffix(n, 2)),
		F1(fSuf3, suffix(n, 3)),
		F1(fSuf4, suffix(n, 4)),
		F1(fPre1, prefix(w, 1)),
		F1(fPre3, prefix(n, 3)),
		shape(perceptron.New(fShape), w).Sum(),
		F1(fAmb, ambAt(ambs, i)),
		F1(fCase, w),
		F1(fSuf5, suffix(n, 5)),
		perceptron.New(fClus).Int(0).Int(int(clusterAt(clus, i).Fine)).Sum(),
		perceptron.New(fClus).Int(1).Int(int(clusterAt(clus, i).Coarse)).Sum(),
	)
}

// contextFeatures appends the hashes of the features of word i that
// depend on its neighbours, its place in the sentence or the tags
// predicted before it.
func contextFeatures(dst []uint64, words, norms, ambs []string, clus []cluster.Cluster, i int, tags []int) []uint64 {
	n := norms[i]
	cl := func(j int) cluster.Cluster { return clusterAt(clus, j) }
	amb := func(j int) string { return ambAt(ambs, j) }
	get := func(j int) string {
		if j < 0 {
			return "<s>"
		}
		if j >= len(norms) {
			return "</s>"
		}
		return norms[j]
	}
	tag := func(j int) int {
		if j < 0 {
			return -1
		}
		return tags[j]
	}
	t1, t2 := tag(i-1), tag(i-2)
	F1, F2 := perceptron.F1, perceptron.F2
	dst = append(dst,
		perceptron.New(fT1).Int(t1).Sum(),
		perceptron.New(fT2).Int(t2).Sum(),
		perceptron.New(fT12).Int(t1).Int(t2).Sum(),
		perceptron.New(fT1W).Int(t1).Str(n).Sum(),
		F1(fWm1, get(i-1)),
		F1(fSuf3m1, suffix(get(i-1), 3)),
		F1(fWm2, get(i-2)),
		F1(fWp1, get(i+1)),
		F1(fSuf3p1, suffix(get(i+1), 3)),
		F1(fWp2, get(i+2)),
		F2(fWWp1, n, get(i+1)),
		F1(fAmbM1, amb(i-1)),
		F1(fAmbP1, amb(i+1)),
		F2(fAmbP2, amb(i+1), amb(i+2)),
		perceptron.New(fT1Amb).Int(t1).Str(amb(i)).Sum(),
		F2(fAmbAmbP1, amb(i), amb(i+1)),
		F2(fWm1W, get(i-1), n),
		perceptron.New(fT1Suf3).Int(t1).Str(suffix(n, 3)).Sum(),
		perceptron.New(fClus).Int(2).Int(int(cl(i-1).Fine)).Sum(),
		perceptron.New(fClus).Int(3).Int(int(cl(i+1).Fine)).Sum(),
		perceptron.New(fClus).Int(4).Int(int(cl(i+1).Coarse)).Sum(),
		perceptron.New(fClus).Int(5).Int(int(cl(i-1).Coarse)).Sum(),
		perceptron.New(fClus).Int(6).Int(t1).Int(int(cl(i).Fine)).Sum(),
		perceptron.New(fClus).Int(7).Int(int(cl(i).Coarse)).Int(int(cl(i+1).Coarse)).Sum(),
	)
	if i == 0 {
		dst = append(dst, shape(perceptron.New(fFirstShape), words[i]).Sum())
	}
	if i > 0 {
		dst = append(dst, shape(perceptron.New(fShapeM1), words[i-1]).Sum())
	}
	if i+1 < len(words) {
		dst = append(dst, shape(perceptron.New(fShapeP1), words[i+1]).Sum())
	}
	return dst
}

// clusterAt returns the clusters of word j of clus, or those of a place
// outside the sentence.
func clusterAt(clus []cluster.Cluster, j int) cluster.Cluster {
	if j < 0 || j >= len(clus) {
		return cluster.Cluster{Fine: 0xfffe, Coarse: 0xfffe}
	}
	return clus[j]
}

// ambAt returns the ambiguity class of word j, or "-" outside the
// sentence.
func ambAt(ambs []string, j int) string {
	if j < 0 || j >= len(ambs) {
		return "-"
	}
	return ambs[j]
}

// rng is a seeded shuffler, so training is deterministic.
type rng struct{ r *rand.Rand }

func newRand(seed int64) rng { return rng{rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))} }

func (g rng) shuffle(x []int) { g.r.Shuffle(len(x), func(i, j int) { x[i], x[j] = x[j], x[i] }) }
