package depparse

import (
	"encoding/binary"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/cluster"
	"github.com/parley-events/parley/mlp"
	"github.com/parley-events/parley/perceptron"
)

// The parser's network: a classifier with one hidden layer (package mlp)
// over 49 single facts of the configuration, which scores a move in
// about a third of the perceptron's time. A model with both (Combine)
// lets the network choose every move it is sure of — its best valid move
// leads the next by at least the model's margin — and the perceptron the
// others: on EWT dev, with margin DefaultMargin, about one move in nine
// (docs/benchmarks.md).

// DefaultMargin is the embedded parser's margin: the lead under which
// the network's choice goes to the perceptron. Chosen on the dev sets
// (docs/benchmarks.md, sessions 24 and 27).
const DefaultMargin = 1.0

// netMagic opens a network model's file.
const netMagic = "parley-parser-2\n"

// Combine returns a parser model that scores each move with the network
// of net and, where the network's best move leads by less than margin,
// with the perceptron of perc. Both must have been trained with the same
// relations and word clusters.
func Combine(perc, net *Model, margin float32) (*Model, error) {
	bad := func(format string, a ...any) error {
		return parley.E("depparse.Combine", parley.Invalid, fmt.Errorf(format, a...))
	}
	switch {
	case perc.p == nil:
		return nil, bad("the first model has no perceptron")
	case net.net == nil:
		return nil, bad("the second model has no network")
	case !slices.Equal(perc.labels, net.labels):
		return nil, bad("the network's %d relations are not the perceptron's %d", len(net.labels), len(perc.labels))
	case !maps.Equal(perc.clus, net.clus):
		return nil, bad("the network was trained with other word clusters than the perceptron")
	}
	return &Model{p: perc.p, net: net.net, margin: margin, labels: perc.labels, clus: perc.clus}, nil
}

// TrainNetwork returns a parser model with a network only, trained on
// train; dev only feeds Progress. The network learns, at every
// configuration a dynamic oracle walks through, to score the best correct
// move a margin of 1 over the best wrong one (a hinge loss), by AdaGrad,
// with the weights averaged from epoch 3. Training is deterministic: the
// same data and options give the same model.
func TrainNetwork(train, dev []Sentence, opt TrainOptions) *Model {
	if opt.Epochs == 0 {
		opt.Epochs = 15
	}
	if opt.Explore == 0 {
		opt.Explore = 0.9
	}
	if opt.Hidden == 0 {
		opt.Hidden = 256
	}
	if opt.Bits == 0 {
		opt.Bits = 17
	}
	if opt.Dropout == 0 {
		opt.Dropout = 0.2
	}
	if opt.WordDropout == 0 {
		opt.WordDropout = 0.25
	}
	labels, relIndex := trainLabels(train)
	rootLabel := relIndex["root"]
	seen := map[string]int{}
	for _, s := range train {
		for _, w := range s.Words {
			seen[normalize(w)]++
		}
	}

	tr := mlp.NewTrainer(mlp.Config{
		Classes: 1 + 2*len(labels), Hidden: opt.Hidden, Bits: opt.Bits,
		Dropout: max(opt.Dropout, 0), Seed: uint64(opt.Seed), WeightBits: opt.WeightBits,
	})
	mc := &Model{clus: opt.Clusters, labels: labels}
	rng := rand.New(rand.NewPCG(uint64(opt.Seed), 0x51ed270b27e8f1a3))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	st := newParseState(1 + 2*len(labels))
	st.labelNames = labels
	var gold, goldRel, cands []int
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		if epoch == averageFrom {
			tr.Average()
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			gold, goldRel = st.loadGold(train[si], mc, relIndex, gold, goldRel)
			for j, w := range st.words[:len(gold)] {
				if a := opt.WordDropout; a > 0 && rng.Float64() < a/(a+float64(seen[w])) {
					st.words[j] = unknownWord
				}
			}
			st.ids()
			for !st.terminal() {
				st.feats = st.netFeatures(st.feats[:0])
				tr.Score(st.feats, st.scores)
				guess := st.best(st.scores, rootLabel)
				cands = zeroCost(st, gold, goldRel, rootLabel, cands[:0])
				best, wrong := bestAmong(st.scores, cands), -1
				for c, sc := range st.scores {
					if st.valid(c) && !slices.Contains(cands, c) && (wrong < 0 || sc > st.scores[wrong]) {
						wrong = c
					}
				}
				if best < 0 { // every move loses an arc: learn nothing, follow the model
					best = guess
				} else if wrong >= 0 {
					tr.Update(st.scores, best, wrong)
				}
				tr.Tick()
				st.apply(follow(rng, epoch, opt.Explore, guess, best))
			}
		}
		if opt.Progress != nil {
			uas, las := (&Model{net: tr.Model(), labels: labels, clus: opt.Clusters}).Score(dev)
			opt.Progress(epoch, uas, las)
		}
	}
	return &Model{net: tr.Model(), labels: labels, clus: opt.Clusters}
}

// The network's weights are averaged from this epoch on (the first
// epochs' are far from the end's).
const averageFrom = 3

// unknownWord stands for a word dropped in training.
const unknownWord = "<unk>"

// marshalNetwork is MarshalBinary for a model with a network only: magic,
// the word clusters, the relations, then the network.
func (m *Model) marshalNetwork() ([]byte, error) {
	net, err := m.net.MarshalBinary()
	if err != nil {
		return nil, err
	}
	b := m.header(netMagic)
	rels := strings.Join(m.labels, "\n")
	b = binary.AppendUvarint(b, uint64(len(rels)))
	b = append(b, rels...)
	return append(b, net...), nil
}

// loadNetwork reads the rest of a network model after its header (magic
// and word clusters, clus).
func loadNetwork(b []byte, clus map[string]cluster.Cluster) (*Model, error) {
	bad := func(format string, a ...any) error {
		return parley.E("depparse.Load", parley.Invalid, fmt.Errorf(format, a...))
	}
	nr, k := binary.Uvarint(b)
	if k <= 0 || nr > 1<<16 || nr > uint64(len(b)-k) {
		return nil, bad("bad relations section")
	}
	labels := strings.Split(string(b[k:k+int(nr)]), "\n")
	net, err := mlp.LoadBytes(b[k+int(nr):])
	if err != nil {
		return nil, parley.E("depparse.Load", parley.Invalid, err)
	}
	if net.Classes() != 1+2*len(labels) || !slices.Contains(labels, "root") {
		return nil, bad("%d relations for %d classes", len(labels), net.Classes())
	}
	return &Model{net: net, labels: labels, clus: clus}, nil
}

// netFeatures appends the network's 49 facts of the configuration
// (words, tags, clusters, the relations of children built so far,
// valency and distance): the perceptron's single facts, without its
// conjunctions, which the network's hidden layer makes.
func (st *parseState) netFeatures(dst []uint64) []uint64 {
	c := st.config()
	s0, s1, n0, n1 := c.s0, c.s1, c.n0, c.n1
	n0b1, n0b2, s0b1, s0b2, s0f1, s0f2 := c.n0b1, c.n0b2, c.s0b1, c.s0b2, c.s0f1, c.s0f2

	H := perceptron.New
	dst = append(dst, H(fBias).Sum())
	// The word and tag at each position; the relation of each child.
	for k, j := range [...]int{n0, n1, c.n2, s0, s1, c.s2, n0b1, n0b2, s0b1, s0b2, s0f1, s0f2, c.s1f1} {
		dst = append(dst,
			H(fW).I(k).U(st.word(j)).Sum(),
			H(fT).I(k).U(st.tag(j)).Sum(),
		)
		if k >= 6 {
			dst = append(dst, H(fL).I(k).I(st.label(j)).Sum())
		}
	}
	// Valency and distance, with the tags they count for.
	ts0, tn0 := st.tag(s0), st.tag(n0)
	vs0l, vs0r, vn0l, dist := c.vs0l, c.vs0r, c.vn0l, c.dist
	dst = append(dst,
		H(fValT).I(0).U(ts0).I(vs0r).Sum(),
		H(fValT).I(1).U(ts0).I(vs0l).Sum(),
		H(fValT).I(2).U(tn0).I(vn0l).Sum(),
		H(fDist).I(2).U(ts0).U(tn0).I(dist).Sum(),
		// Labels of children with the head's tag.
		H(fLabT).I(0).U(ts0).I(st.label(s0b1)).I(st.label(s0b2)).Sum(),
		H(fLabT).I(1).U(ts0).I(st.label(s0f1)).I(st.label(s0f2)).Sum(),
		H(fLabT).I(2).U(tn0).I(st.label(n0b1)).I(st.label(n0b2)).Sum(),
		// Universal tags of the main positions.
		H(fU).I(1).U(st.uposOf(s0)).Sum(),
		H(fU).I(2).U(st.uposOf(n0)).Sum(),
		H(fU).I(3).U(st.uposOf(n1)).Sum(),
		H(fU).I(4).U(st.uposOf(s1)).Sum(),
	)
	// Word clusters.
	cs0, cn0, cn1, cs1 := st.cl(s0), st.cl(n0), st.cl(n1), st.cl(s1)
	return append(dst,
		H(fC).I(0).I(int(cs0.Fine)).Sum(),
		H(fC).I(1).I(int(cn0.Fine)).Sum(),
		H(fC).I(2).I(int(cn1.Coarse)).Sum(),
		H(fC).I(3).I(int(cs1.Coarse)).Sum(),
	)
}
