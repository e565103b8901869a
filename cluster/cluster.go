// Package cluster learns word clusters from unlabeled text, for use as
// features by the trained stages (Koo et al. 2008; Turian et al. 2010:
// cluster features help taggers and parsers with rare words).
//
// Each word seen often enough is described by the words that occur
// immediately to its left and right (counts over the most frequent context
// words, weighted by positive pointwise mutual information and normalised),
// and the words are grouped by spherical k-means. A second k-means over the
// centroids gives coarser groups, so every word gets a fine and a coarse
// cluster. Training is deterministic for a given seed.
package cluster

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// Options control training. Zero fields take the defaults in parentheses.
type Options struct {
	MinCount int   // words seen fewer times get no cluster (5)
	Contexts int   // number of most frequent words used as contexts (1000)
	K        int   // fine clusters (512)
	Coarse   int   // coarse clusters (64)
	Iter     int   // k-means iterations (12)
	Seed     int64 // initialisation seed
}

// Cluster is the pair of cluster numbers of a word.
type Cluster struct{ Fine, Coarse uint16 }

// Normalize maps a token to the form clusters are keyed by: lower case,
// with every digit replaced by 0.
func Normalize(w string) string {
	if !strings.ContainsAny(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") {
		return w
	}
	b := []byte(strings.ToLower(w))
	for i, c := range b {
		if c >= '1' && c <= '9' {
			b[i] = '0'
		}
	}
	return string(b)
}

// None is the clusters of a word that has none (the value the trained
// stages' features were learned with).
var None = Cluster{Fine: 0xffff, Coarse: 0xffff}

// Of returns the clusters of w in m (see Lookup), or None.
func Of(m map[string]Cluster, w string) Cluster {
	if c, ok := Lookup(m, w); ok {
		return c
	}
	return None
}

// Lookup returns m[Normalize(w)], without building the normalised form
// for a word of ASCII letters, digits and punctuation up to 64 bytes (the
// tagger, parser and recogniser look up every token).
func Lookup(m map[string]Cluster, w string) (Cluster, bool) {
	var buf [64]byte
	if len(w) > len(buf) {
		c, ok := m[Normalize(w)]
		return c, ok
	}
	changed := false
	for i := 0; i < len(w); i++ {
		b := w[i]
		switch {
		case b >= 0x80:
			c, ok := m[Normalize(w)]
			return c, ok
		case 'A' <= b && b <= 'Z':
			b += 'a' - 'A'
			changed = true
		case '1' <= b && b <= '9':
			b = '0'
			changed = true
		}
		buf[i] = b
	}
	if !changed {
		c, ok := m[w]
		return c, ok
	}
	c, ok := m[string(buf[:len(w)])]
	return c, ok
}

type sparse struct {
	idx []int32
	val []float32
}

// Train returns the clusters of the words of sentences (already tokenized
// and normalised by the caller).
func Train(sentences [][]string, opt Options) map[string]Cluster {
	if opt.MinCount == 0 {
		opt.MinCount = 5
	}
	if opt.Contexts == 0 {
		opt.Contexts = 1000
	}
	if opt.K == 0 {
		opt.K = 512
	}
	if opt.Coarse == 0 {
		opt.Coarse = 64
	}
	if opt.Iter == 0 {
		opt.Iter = 12
	}
	freq := map[string]int{}
	for _, s := range sentences {
		for _, w := range s {
			freq[w]++
		}
	}
	var vocab []string
	for w, n := range freq {
		if n >= opt.MinCount {
			vocab = append(vocab, w)
		}
	}
	slices.SortFunc(vocab, func(a, b string) int { return cmp.Or(cmp.Compare(freq[b], freq[a]), cmp.Compare(a, b)) })
	if len(vocab) == 0 {
		return map[string]Cluster{}
	}
	nctx := min(opt.Contexts, len(vocab))
	ctxIndex := map[string]int{"<s>": nctx, "</s>": nctx + 1}
	for i, w := range vocab[:nctx] {
		ctxIndex[w] = i
	}
	dims := 2 * (nctx + 3) // left and right; contexts, <s>/</s>, other
	word := map[string]int{}
	for i, w := range vocab {
		word[w] = i
	}
	counts := make([]map[int32]float64, len(vocab))
	for i := range counts {
		counts[i] = map[int32]float64{}
	}
	ctxOf := func(w string) int {
		if c, ok := ctxIndex[w]; ok {
			return c
		}
		return nctx + 2
	}
	colTotal := make([]float64, dims)
	total := 0.0
	for _, s := range sentences {
		for j, w := range s {
			i, ok := word[w]
			if !ok {
				continue
			}
			left, right := "<s>", "</s>"
			if j > 0 {
				left = s[j-1]
			}
			if j+1 < len(s) {
				right = s[j+1]
			}
			l, r := int32(ctxOf(left)), int32(nctx+3+ctxOf(right))
			counts[i][l]++
			counts[i][r]++
			colTotal[l]++
			colTotal[r]++
			total += 2
		}
	}
	// PPMI-weighted, L2-normalised sparse vectors.
	vecs := make([]sparse, len(vocab))
	for i, c := range counts {
		rowTotal := 0.0
		for _, v := range c {
			rowTotal += v
		}
		keys := make([]int32, 0, len(c))
		for k := range c {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		var v sparse
		norm := 0.0
		for _, k := range keys {
			pmi := math.Log(c[k] * total / (rowTotal * colTotal[k]))
			if pmi <= 0 {
				continue
			}
			v.idx = append(v.idx, k)
			v.val = append(v.val, float32(pmi))
			norm += pmi * pmi
		}
		norm = math.Sqrt(norm)
		for j := range v.val {
			v.val[j] /= float32(norm)
		}
		vecs[i] = v
	}
	rng := rand.New(rand.NewPCG(uint64(opt.Seed), 0x2545f4914f6cdd1d))
	k := min(opt.K, len(vocab))
	assign, cents := kmeans(vecs, dims, k, opt.Iter, rng)
	// Coarse clusters: k-means over the fine centroids.
	centVecs := make([]sparse, k)
	for c := range cents {
		var v sparse
		for d, x := range cents[c] {
			if x != 0 {
				v.idx = append(v.idx, int32(d))
				v.val = append(v.val, x)
			}
		}
		centVecs[c] = v
	}
	coarse, _ := kmeans(centVecs, dims, min(opt.Coarse, k), opt.Iter, rng)
	out := make(map[string]Cluster, len(vocab))
	for i, w := range vocab {
		out[w] = Cluster{Fine: uint16(assign[i]), Coarse: uint16(coarse[assign[i]])}
	}
	return out
}

// kmeans runs spherical k-means with k-means++ initialisation and returns
// each vector's cluster and the (normalised) centroids.
func kmeans(vecs []sparse, dims, k, iter int, rng *rand.Rand) ([]int, [][]float32) {
	cents := make([][]float32, k)
	// k-means++: first centre at random, then proportional to distance.
	dist := make([]float64, len(vecs))
	for i := range dist {
		dist[i] = math.Inf(1)
	}
	next := rng.IntN(len(vecs))
	for c := range k {
		cents[c] = dense(vecs[next], dims)
		sum := 0.0
		for i, v := range vecs {
			d := 1 - dot(v, cents[c])
			if d < dist[i] {
				dist[i] = d
			}
			sum += max(dist[i], 0)
		}
		r := rng.Float64() * sum
		for i := range vecs {
			r -= max(dist[i], 0)
			if r <= 0 {
				next = i
				break
			}
		}
	}
	assign := make([]int, len(vecs))
	for it := range iter {
		changed := 0
		for i, v := range vecs {
			best, bs := 0, math.Inf(-1)
			for c := range cents {
				if s := dot(v, cents[c]); s > bs {
					best, bs = c, s
				}
			}
			if it == 0 || assign[i] != best {
				changed++
			}
			assign[i] = best
		}
		for c := range cents {
			clear(cents[c])
		}
		for i, v := range vecs {
			for j, d := range v.idx {
				cents[assign[i]][d] += v.val[j]
			}
		}
		for c := range cents {
			n := 0.0
			for _, x := range cents[c] {
				n += float64(x) * float64(x)
			}
			if n == 0 {
				continue
			}
			n = math.Sqrt(n)
			for d := range cents[c] {
				cents[c][d] /= float32(n)
			}
		}
		if changed == 0 {
			break
		}
	}
	return assign, cents
}

func dense(v sparse, dims int) []float32 {
	d := make([]float32, dims)
	for j, i := range v.idx {
		d[i] = v.val[j]
	}
	return d
}

func dot(v sparse, c []float32) float64 {
	s := float32(0)
	for j, i := range v.idx {
		s += v.val[j] * c[i]
	}
	return float64(s)
}
