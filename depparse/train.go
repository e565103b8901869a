package depparse

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/cluster"
	"github.com/parley-events/parley/internal/modelfile"
	"github.com/parley-events/parley/perceptron"
)

// Sentence is a parsed sentence for training and evaluation. Heads are
// 0-based word indices, -1 for the root.
type Sentence struct {
	Words, XPOS, UPOS []string
	Heads             []int
	Rels              []string
}

// TrainOptions control training.
type TrainOptions struct {
	Epochs int   // passes over the data; 0 means 15
	Seed   int64 // shuffling and exploration seed
	// Explore is the probability, after the first epoch, of following the
	// model's own prediction rather than the oracle's (dynamic-oracle
	// training); 0 means 0.9.
	Explore float64
	// Prune drops averaged weights smaller than this in absolute value;
	// 0 means 1, which keeps the model small at no measurable cost
	// (perceptron only).
	Prune float32
	// The network's (TrainNetwork's) options: Hidden units, a multiple
	// of 64 (0 means 256); a feature table of 2^Bits rows (0 means 17);
	// Dropout, the probability of silencing a hidden unit at each
	// training step (0 means 0.2, negative none); and WordDropout a,
	// which makes a word seen c times in the training data count as an
	// unknown word with probability a/(a+c) at each sight, so that the
	// network learns to parse around words it has not seen (Kiperwasser &
	// Goldberg 2016; 0 means 0.25, negative none); WeightBits, the width
	// of the trained table's weights, 8 or 4 (0 means 8; mlp.Config).
	Hidden, Bits, WeightBits int
	Dropout, WordDropout     float64
	// Clusters, if set, are word clusters (from unlabeled text) used as
	// features; they are stored in the model.
	Clusters map[string]cluster.Cluster
	// Progress, if set, is called after each epoch with the dev set's
	// unlabeled and labeled attachment scores (fractions).
	Progress func(epoch int, uas, las float64)
}

// Train returns a parser model trained on train; dev only feeds Progress.
func Train(train, dev []Sentence, opt TrainOptions) *Model {
	if opt.Epochs == 0 {
		opt.Epochs = 15
	}
	if opt.Explore == 0 {
		opt.Explore = 0.9
	}
	if opt.Prune == 0 {
		opt.Prune = 1
	}
	labels, relIndex := trainLabels(train)
	classes := []string{"SHIFT"}
	for _, l := range labels {
		classes = append(classes, "L-"+l, "R-"+l)
	}
	rootLabel := relIndex["root"]

	tr := perceptron.NewTrainer(classes)
	tr.Load = tableLoad
	mc := &Model{clus: opt.Clusters}
	rng := rand.New(rand.NewPCG(uint64(opt.Seed), 0x51ed270b27e8f1a3))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	st := newParseState(len(classes))
	st.labelNames = labels
	var gold, goldRel []int
	var cands []int
	valid := st.valid
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			gold, goldRel = st.loadGold(train[si], mc, relIndex, gold, goldRel)
			st.ids()
			for !st.terminal() {
				st.feats = st.features(st.feats[:0])
				tr.Score(st.feats, st.scores)
				guess := perceptron.Best(st.scores, valid)
				cands = zeroCost(st, gold, goldRel, rootLabel, cands[:0])
				best := bestAmong(st.scores, cands)
				if best < 0 { // every move loses an arc: learn nothing, follow the model
					best = guess
				}
				tr.Update(st.feats, best, guess)
				tr.Tick()
				st.apply(follow(rng, epoch, opt.Explore, guess, best))
			}
		}
		if opt.Progress != nil {
			m := &Model{p: tr.Model(0), labels: labels, clus: opt.Clusters}
			uas, las := m.Score(dev)
			opt.Progress(epoch, uas, las)
		}
	}
	return &Model{p: tr.Model(opt.Prune), labels: labels, clus: opt.Clusters}
}

// tableLoad is the fraction of its table's slots the perceptron fills:
// 70%, not the 40% that scores fastest, since beside the network it
// chooses about one move in nine (network.go). Its table takes 37 MiB in
// place of 64, and loads in less time (docs/benchmarks.md, session 31).
const tableLoad = 0.7

// trainLabels returns the relations of the training sentences, with root
// and parataxis, sorted, and the index of each.
func trainLabels(train []Sentence) ([]string, map[string]int) {
	set := map[string]bool{"root": true, "parataxis": true}
	for _, s := range train {
		for _, r := range s.Rels {
			set[r] = true
		}
	}
	labels := make([]string, 0, len(set))
	for l := range set {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	relIndex := map[string]int{}
	for i, l := range labels {
		relIndex[l] = i
	}
	return labels, relIndex
}

// loadGold resets st to the start of parsing training sentence s (words,
// tags and m's clusters) and returns its gold heads (the root as n) and
// relation indexes in gold and goldRel, reused.
func (st *parseState) loadGold(s Sentence, m *Model, relIndex map[string]int, gold, goldRel []int) ([]int, []int) {
	n := len(s.Words)
	st.reset(n)
	gold, goldRel = gold[:0], goldRel[:0]
	for j := range n {
		st.words[j], st.tags[j], st.upos[j] = normalize(s.Words[j]), s.XPOS[j], s.UPOS[j]
		st.clus[j] = m.clusterOf(s.Words[j])
		h := s.Heads[j]
		if h < 0 {
			h = n
		}
		gold = append(gold, h)
		goldRel = append(goldRel, relIndex[s.Rels[j]])
	}
	return gold, goldRel
}

// zeroCost appends the valid classes that lose no reachable gold arc
// (Goldberg & Nivre 2013, arc-hybrid), labelled with the gold relation.
func zeroCost(st *parseState, gold, goldRel []int, rootLabel int, dst []int) []int {
	n := st.n
	if len(st.stack) == 0 {
		if st.i < n {
			dst = append(dst, shift)
		}
		return dst
	}
	s0 := st.stack[len(st.stack)-1]
	left := func() []int {
		c := leftClass(goldRel[s0])
		if !st.valid(c) {
			c = leftClass(rootLabel)
		}
		if st.valid(c) {
			dst = append(dst, c)
		}
		return dst
	}
	if st.i < n && gold[st.i] == s0 {
		return append(dst, shift)
	}
	if gold[s0] == st.i {
		return left()
	}
	shiftOK, leftOK, rightOK := st.i < n, true, len(st.stack) > 1
	if len(st.stack) > 1 && gold[s0] == st.stack[len(st.stack)-2] {
		leftOK = false
	}
	if shiftOK {
		for _, w := range st.stack {
			if gold[w] == st.i || gold[st.i] == w {
				shiftOK = false
				break
			}
		}
	}
	// Arcs between s0 and the rest of the buffer (the root included) are
	// lost once s0 leaves the stack.
	if gold[s0] > st.i {
		leftOK, rightOK = false, false
	} else {
		for w := st.i + 1; w < n; w++ {
			if gold[w] == s0 {
				leftOK, rightOK = false, false
				break
			}
		}
	}
	if shiftOK {
		dst = append(dst, shift)
	}
	if leftOK {
		dst = left()
	}
	if rightOK {
		if c := rightClass(goldRel[s0]); st.valid(c) {
			dst = append(dst, c)
		}
	}
	return dst
}

// Score parses the sentences of dev with m and returns the unlabeled and
// labeled attachment scores (fractions, punctuation included).
func (m *Model) Score(dev []Sentence) (uas, las float64) {
	p := New(m)
	right, labelled, total := 0, 0, 0
	for _, s := range dev {
		heads, rels := p.Parse(s.Words, s.XPOS, s.UPOS)
		for j := range s.Words {
			total++
			if heads[j] == s.Heads[j] {
				right++
				if rels[j] == s.Rels[j] {
					labelled++
				}
			}
		}
	}
	if total == 0 {
		return 0, 0
	}
	return float64(right) / float64(total), float64(labelled) / float64(total)
}

const magic = "parley-parser-1\n"

// MarshalBinary returns the model's serialised form: a perceptron's, or
// a network's if m has no perceptron (a combined model is saved as its
// two parts). The same model always gives the same bytes.
func (m *Model) MarshalBinary() ([]byte, error) {
	if m.p == nil {
		return m.marshalNetwork()
	}
	p, err := m.p.MarshalBinary()
	if err != nil {
		return nil, err
	}
	return append(m.header(magic), p...), nil
}

// header returns the start of m's file: its format's magic, then the
// length of the word clusters and the clusters.
func (m *Model) header(magic string) []byte {
	cl := cluster.Marshal(m.clus)
	b := append([]byte(magic), binary.AppendUvarint(nil, uint64(len(cl)))...)
	return append(b, cl...)
}

// Load reads a model written by MarshalBinary: a perceptron or a network.
func Load(r io.Reader) (*Model, error) { return modelfile.Read("depparse.Load", r, loadBytes) }

// loadBytes is Load for a model in memory (an embedded file, read without
// a copy).
func loadBytes(b []byte) (*Model, error) {
	bad := func(what string) error { return parley.E("depparse.Load", parley.Invalid, errors.New(what)) }
	rest, ok := bytes.CutPrefix(b, []byte(magic))
	isNet := false
	if !ok {
		if rest, isNet = bytes.CutPrefix(b, []byte(netMagic)); !isNet {
			return nil, bad("not a parley parser model")
		}
	}
	ncl, k := binary.Uvarint(rest)
	if k <= 0 || ncl > uint64(len(rest)-k) {
		return nil, bad("bad cluster section")
	}
	clus, err := cluster.Unmarshal(bytes.NewReader(rest[k : k+int(ncl)]))
	if err != nil {
		return nil, err
	}
	rest = rest[k+int(ncl):]
	if isNet {
		return loadNetwork(rest, clus)
	}
	p, err := perceptron.LoadBytes(rest)
	if err != nil {
		return nil, err
	}
	m := &Model{p: p, clus: clus}
	if len(p.Labels)%2 != 1 || p.Labels[0] != "SHIFT" {
		return nil, bad("bad class labels")
	}
	for k := 1; k < len(p.Labels); k += 2 {
		l, ok := strings.CutPrefix(p.Labels[k], "L-")
		if !ok || p.Labels[k+1] != "R-"+l {
			return nil, parley.E("depparse.Load", parley.Invalid, fmt.Errorf("bad class label %q", p.Labels[k]))
		}
		m.labels = append(m.labels, l)
	}
	return m, nil
}

// Pruned returns a copy of m without the weights below th in absolute
// value: a smaller, faster model at some cost in accuracy.
func (m *Model) Pruned(th float32) *Model {
	if m.p == nil {
		return m
	}
	c := *m
	c.p = m.p.Pruned(th)
	return &c
}

// Features returns the number of features the model has weights for.
func (m *Model) Features() int {
	if m.p == nil {
		return 0
	}
	return m.p.Features()
}

// bestAmong returns the move of cands that scores highest (the first of
// equals), or -1 when cands is empty.
func bestAmong(scores []float32, cands []int) int {
	best := -1
	for _, c := range cands {
		if best < 0 || scores[c] > scores[best] {
			best = c
		}
	}
	return best
}

// follow returns the move training takes next: from the second epoch on,
// with probability explore, the model's guess (dynamic-oracle
// exploration), else the oracle's best.
func follow(rng *rand.Rand, epoch int, explore float64, guess, best int) int {
	if epoch > 1 && rng.Float64() < explore {
		return guess
	}
	return best
}
