package ner

import (
	"context"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/cluster"
	"github.com/parley-events/parley/perceptron"
)

// Doc is a document for training and evaluation: its sentences' words
// and, per sentence, the entities, with token spans relative to the
// sentence.
type Doc struct {
	Sentences [][]string
	Entities  [][]parley.Entity
}

// TrainOptions control training.
type TrainOptions struct {
	Epochs int   // passes over the data; 0 means 12
	Seed   int64 // shuffling seed
	// Clusters, if set, are word clusters used as features; they are
	// stored in the model.
	Clusters map[string]cluster.Cluster
	// Lexicon, if set, gives gazetteer features. It is not stored in the
	// model: the recognizer must be given the same lexicon.
	Lexicon *Lexicon
	// Upper is the fraction of sentences also trained on in capitals, and
	// Title the fraction also trained on in title case, so that headlines
	// and datelines are read well; 0 means none.
	Upper, Title float64
	// Progress, if set, is called after each epoch with the F1 on dev
	// (exact spans and types, as a fraction).
	Progress func(epoch int, f1 float64)
}

// goldClasses returns the BILOU classes of a sentence of n words.
func goldClasses(n int, ents []parley.Entity) []int {
	out := make([]int, n)
	for _, e := range ents {
		t := -1
		for k, ty := range types {
			if ty == e.Type {
				t = k
			}
		}
		if t < 0 || e.Tokens.Start < 0 || e.Tokens.End > n || e.Tokens.Empty() {
			continue
		}
		if e.Tokens.Len() == 1 {
			out[e.Tokens.Start] = classOf(t, posU)
			continue
		}
		for i := e.Tokens.Start; i < e.Tokens.End; i++ {
			p := posI
			switch i {
			case e.Tokens.Start:
				p = posB
			case e.Tokens.End - 1:
				p = posL
			}
			out[i] = classOf(t, p)
		}
	}
	return out
}

// Train returns a model trained on train; dev only feeds Progress.
func Train(train, dev []Doc, opt TrainOptions) *Model {
	if opt.Epochs == 0 {
		opt.Epochs = 12
	}
	rng := rand.New(rand.NewPCG(uint64(opt.Seed), 0x6e6572))
	// Training units: documents, plus single sentences in capitals.
	type unit struct {
		sents [][]string
		gold  [][]int
	}
	var units []unit
	for _, d := range train {
		u := unit{sents: d.Sentences}
		for i, s := range d.Sentences {
			var ents []parley.Entity
			if i < len(d.Entities) {
				ents = d.Entities[i]
			}
			u.gold = append(u.gold, goldClasses(len(s), ents))
		}
		units = append(units, u)
		for i, s := range d.Sentences {
			if opt.Upper > 0 && rng.Float64() < opt.Upper {
				units = append(units, unit{sents: [][]string{recase(s, strings.ToUpper)}, gold: [][]int{u.gold[i]}})
			}
			if opt.Title > 0 && rng.Float64() < opt.Title {
				units = append(units, unit{sents: [][]string{recase(s, titleCase)}, gold: [][]int{u.gold[i]}})
			}
		}
	}
	m := &Model{clus: opt.Clusters}
	tr := perceptron.NewTrainer(classLabels())
	scores := make([]float32, tr.Classes())
	var s sentence
	var feats []uint64
	var tags []int
	hist := map[string]string{}
	order := make([]int, len(units))
	for i := range order {
		order[i] = i
	}
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, ui := range order {
			u := units[ui]
			clear(hist)
			for si, words := range u.sents {
				s.prepare(words, opt.Lexicon, m.clus)
				tags = tags[:0]
				for i := range words {
					feats = s.features(feats[:0], i, tags, hist[s.lower[i]])
					tr.Score(feats, scores)
					guess := perceptron.Best(scores, nil)
					tr.Update(feats, u.gold[si][i], guess)
					tr.Tick()
					tags = append(tags, guess)
				}
				remember(hist, s.lower, tags)
			}
		}
		if opt.Progress != nil {
			m.p = tr.Model(0)
			opt.Progress(epoch, m.F1(dev, opt.Lexicon))
		}
	}
	m.p = tr.Model(0.01)
	return m
}

func recase(words []string, f func(string) string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = f(w)
	}
	return out
}

// titleCase capitalises a word as headlines do: all but short function
// words.
func titleCase(w string) string {
	switch strings.ToLower(w) {
	case "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "as", "with":
		return w
	}
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// F1 returns the exact-span F1 of m (with lexicon lex) on docs, as a
// fraction; 0 when there is nothing to score.
func (m *Model) F1(docs []Doc, lex *Lexicon) float64 {
	r := New(m, lex)
	gold, pred, match := 0, 0, 0
	for _, d := range docs {
		text, sents := docText(d)
		pd := parley.NewDoc(text)
		pd.Tokens, pd.Sentences = sents.tokens, sents.sentences
		r.Process(context.Background(), pd)
		want := map[parley.Entity]bool{}
		for si, ents := range d.Entities {
			for _, e := range ents {
				e.Tokens.Start += pd.Sentences[si].Tokens.Start
				e.Tokens.End += pd.Sentences[si].Tokens.Start
				want[parley.Entity{Tokens: e.Tokens, Type: e.Type}] = true
			}
		}
		gold += len(want)
		for _, e := range pd.Entities {
			pred++
			if want[parley.Entity{Tokens: e.Tokens, Type: e.Type}] {
				match++
			}
		}
	}
	if gold+pred == 0 {
		return 0
	}
	return 2 * float64(match) / float64(gold+pred)
}

type layout struct {
	tokens    []parley.Token
	sentences []parley.Sentence
}

// docText joins d's words with spaces and its sentences with newlines.
func docText(d Doc) (string, layout) {
	var b strings.Builder
	var l layout
	for _, s := range d.Sentences {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		start := len(l.tokens)
		for j, w := range s {
			if j > 0 {
				b.WriteByte(' ')
			}
			l.tokens = append(l.tokens, parley.Token{Start: b.Len(), End: b.Len() + len(w), Head: -1})
			b.WriteString(w)
		}
		l.sentences = append(l.sentences, parley.Sentence{Tokens: parley.Span{Start: start, End: len(l.tokens)}})
	}
	return b.String(), l
}
