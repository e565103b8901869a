package main

import (
	"context"
	"encoding"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/augment"
	"github.com/parley-events/parley/cluster"
	"github.com/parley-events/parley/conllu"
	"github.com/parley-events/parley/depparse"
	"github.com/parley-events/parley/eval"
	"github.com/parley-events/parley/ingest"
	"github.com/parley-events/parley/lemma"
	"github.com/parley-events/parley/ner"
	"github.com/parley-events/parley/postag"
	"github.com/parley-events/parley/tokenize"
)

var cmdTrain = &command{
	name:    "train",
	summary: "train the tagger, lemmatizer, parser or entity recognizer",
	synopsis: `
parley train tagger --train FILE... [--dev FILE...] --out DIR [--epochs N] [--seed N] [--attribution N] [--temporal N]
parley train lemma  --train FILE... [--dev FILE...] [--reference FILE] --out DIR
parley train parser --train FILE... [--dev FILE...] --out DIR [--epochs N] [--jackknife K] [--attribution N] [--temporal N] [--tagger FILE] [--clusters FILE] [--prune W]
parley train network --train FILE... [--dev FILE...] --out DIR [--silver FILE...] [parser flags] [--hidden N] [--bits N] [--weight-bits N] [--word-dropout A]
parley train clusters --train FILE... [--text FILE.jsonl...] --out FILE
parley train ner    --train FILE... [--dev FILE...] --geo DIR --out DIR [--epochs N] [--upper F] [--title F] [--clusters FILE]`,
	help: `
Trains one of parley's learned stages on Universal Dependencies treebanks
(CoNLL-U) and writes its model file into DIR, ready to be embedded:

  tagger   DIR/tagger.model (UPOS+XPOS perceptron) and DIR/feats.model
           (UD features table); the postag stage. --attribution and
           --temporal add copies as for the parser (below) to the
           perceptron's training sentences, not to the features table's.
  lemma    DIR/lemma.model; the lemma stage. Examples from the
           --reference treebank count twice, so its conventions win where
           treebanks disagree.
  parser   DIR/parser.model; the depparse stage. The parser is trained
           on tags predicted by taggers that did not see the sentence
           (--jackknife K folds), as it will meet them in use; on dev it
           is scored with tags from --tagger (default: the embedded
           tagger). --attribution N also trains on a copy of every N-th
           declarative sentence with a news attribution added ("…,
           officials said."), which the treebanks all but lack; without
           it the parser loses about 9 LAS points on such sentences
           (parley eval ud --attribution). --temporal N does the same
           with a time phrase put between a noun subject and its verb
           ("The cabinet on Monday approved …"; eval ud --temporal).
  network  DIR/network.model; the parser's first scorer, a network with
           one hidden layer of --hidden units over a table of 2^--bits
           rows of --weight-bits weights (4 for the shipped one: a third
           of the file of 8, and the same parses within a few hundredths
           of LAS), which chooses the moves it is sure of and leaves the
           others to the perceptron of parser.model (trained as the
           parser is, with the same flags, and with the same --clusters).
           --silver FILE adds sentences parsed by parser.model ("parley
           annotate" CoNLL-U of unlabeled news), learned from with their
           tags as given and never jack-knifed: taught by the
           perceptron's trees, the network defers to it less.
  clusters FILE: word clusters learned from the words of the --train
           treebanks and the texts of --text JSONL files (unlabeled
           news), for --clusters of the tagger and parser, which embed
           them in their models.
  ner      DIR/ner.model and DIR/lexicon.bin; the ner stage. It learns
           from CoNLL-2003-format files (word … TAG per line, IOB1 or
           IOB2), not treebanks. The lexicon of country, capital, city,
           region and demonym names is compiled from the GeoNames-derived
           sources in the --geo directory (../shared/data/geo). --upper F
           and --title F also train on a fraction F of the sentences in
           capitals and in title case, as headlines and datelines are
           written (default 0.3 each).

--train and --dev may be repeated. Dev files only report progress (on
standard error) and are never learned from. Training is deterministic:
the same files, flags and seed give the same bytes.

scripts/train-models.sh rebuilds every shipped model from ../shared/data.

Examples:
  parley train tagger --train ud/en_ewt-train.conllu --train ud/en_gum-train.conllu \
      --dev ud/en_ewt-dev.conllu --out postag`,
	flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) int {
		var train, dev listFlag
		fs.Var(&train, "train", "CoNLL-U `FILE` to learn from (repeatable)")
		fs.Var(&dev, "dev", "CoNLL-U `FILE` to report progress on (repeatable)")
		var silver listFlag
		fs.Var(&silver, "silver", "network: CoNLL-U `FILE` parsed by the perceptron, learned from with its tags as given (repeatable)")
		hidden := fs.Int("hidden", 0, "network: `N` hidden units, a multiple of 64 (default 256)")
		bits := fs.Int("bits", 0, "network: a feature table of 2^`N` rows (default 17)")
		wbits := fs.Int("weight-bits", 8, "network: `N` bits per weight of the feature table, 8 or 4 (half the memory and file, a coarser rounding)")
		wordDrop := fs.Float64("word-dropout", 0, "network: read a word seen c times in training as unknown with probability `A`/(A+c) (default 0.25; negative: never)")
		out := fs.String("out", "", "`DIR` to write the model file(s) into")
		epochs := fs.Int("epochs", 0, "training passes (`N`; default: 10 for the tagger, 15 for the parser)")
		seed := fs.Int64("seed", 1, "shuffling `SEED`")
		jack := fs.Int("jackknife", 4, "parser: tag the training data with `K` taggers trained on the other folds (1: gold tags)")
		taggerFile := fs.String("tagger", "", "parser: tagger model `FILE` for dev tags (default: the embedded tagger)")
		var texts listFlag
		fs.Var(&texts, "text", "clusters: JSONL `FILE` of unlabeled articles (repeatable)")
		prune := fs.Float64("prune", 0, "parser: drop averaged weights below `W` in absolute value (default 1)")
		temporal := fs.Int("temporal", 0, "tagger, parser: also train on a copy of every `N`th sentence whose noun subject comes right before its verb, with a time phrase between them (\"The cabinet on Monday approved\"); 0: none")
		attrib := fs.Int("attribution", 0, "tagger, parser: also train on a copy of every `N`th declarative sentence with a news attribution added (\", officials said\"); 0: none")
		reference := fs.String("reference", "", "lemma: the `FILE` among --train whose conventions win")
		clusterFile := fs.String("clusters", "", "tagger, parser, ner: word clusters `FILE` from \"parley train clusters\"")
		geo := fs.String("geo", "", "ner: `DIR` of gazetteer sources (../shared/data/geo)")
		upper := fs.Float64("upper", 0.3, "ner: fraction `F` of sentences also trained on in capitals")
		title := fs.Float64("title", 0.3, "ner: fraction `F` of sentences also trained on in title case")
		return func(ctx context.Context, env Env, args []string) int {
			if len(args) != 1 {
				return report(env, "train", errors.New("want one of: tagger, lemma, parser, clusters, ner"), exitUsage)
			}
			if len(train) == 0 || *out == "" {
				return report(env, "train", errors.New("--train and --out are required"), exitUsage)
			}
			if *wbits != 8 && *wbits != 4 {
				return report(env, "train", fmt.Errorf("--weight-bits %d: want 8 or 4", *wbits), exitUsage)
			}
			if args[0] == "ner" {
				if *geo == "" {
					return report(env, "train", errors.New("train ner needs --geo DIR (the gazetteer sources, ../shared/data/geo)"), exitUsage)
				}
				for _, f := range []struct {
					name string
					v    float64
				}{{"upper", *upper}, {"title", *title}} {
					if f.v < 0 || f.v > 1 {
						return report(env, "train", fmt.Errorf("--%s %g: want a fraction between 0 and 1", f.name, f.v), exitUsage)
					}
				}
				logf := func(format string, a ...any) { fmt.Fprintf(env.Stderr, "parley train: "+format+"\n", a...) }
				if err := trainNER(train, dev, *geo, *clusterFile, *out, *epochs, *seed, *upper, *title, logf); err != nil {
					return report(env, "train", err, exitFatal)
				}
				return exitOK
			}
			trainS, perFile, err := readTreebanks("train", train)
			if err != nil {
				return report(env, "train", err, exitFatal)
			}
			devS, _, err := readTreebanks("train", dev)
			if err != nil {
				return report(env, "train", err, exitFatal)
			}
			logf := func(format string, a ...any) { fmt.Fprintf(env.Stderr, "parley train: "+format+"\n", a...) }
			logf("%d training sentences, %d dev sentences", len(trainS), len(devS))
			start := time.Now()
			var clusters map[string]cluster.Cluster
			if *clusterFile != "" {
				if clusters, err = readClusters(*clusterFile); err != nil {
					return report(env, "train", err, exitFatal)
				}
			}
			// The training sentences with the copies --attribution and
			// --temporal ask for (both copy the treebanks' own sentences).
			augmented := func() []*conllu.Sentence {
				var extra []*conllu.Sentence
				if *attrib > 0 {
					a := augment.Attribution(trainS, *attrib)
					logf("training on %d more sentences with an attribution added", len(a))
					extra = append(extra, a...)
				}
				if *temporal > 0 {
					t := augment.Temporal(trainS, *temporal)
					logf("training on %d more sentences with a time phrase before the verb", len(t))
					extra = append(extra, t...)
				}
				return append(slices.Clip(trainS), extra...)
			}
			switch args[0] {
			case "clusters":
				var b []byte
				if b, err = trainClusters(ctx, trainS, texts, *seed, logf); err == nil {
					err = os.WriteFile(*out, b, 0o644)
					logf("wrote %s (%d bytes)", *out, len(b))
				}
			case "tagger":
				m := trainTagger(augmented(), devS, *epochs, *seed, clusters, logf)
				err = writeModel(filepath.Join(*out, "tagger.model"), m)
				if err == nil {
					err = writeModel(filepath.Join(*out, "feats.model"), postag.TrainFeats(featsExamples(trainS)))
				}
			case "lemma":
				if *reference != "" && !slices.Contains(train, *reference) {
					return report(env, "train", fmt.Errorf("--reference %s is not one of the --train files", *reference), exitUsage)
				}
				var ex []lemma.Example
				rest := trainS
				for i, f := range train {
					weight := 1
					if f == *reference {
						weight = 2
					}
					ex = append(ex, lemmaExamples(rest[:perFile[i]], weight)...)
					rest = rest[perFile[i]:]
				}
				m := lemma.Train(ex)
				if len(devS) > 0 {
					logf("dev lemma accuracy (gold tags) %.2f%%", 100*lemmaAccuracy(m, devS))
				}
				err = writeModel(filepath.Join(*out, "lemma.model"), m)
			case "parser", "network":
				var silverS []*conllu.Sentence
				if len(silver) > 0 {
					if silverS, _, err = readTreebanks("train", silver); err != nil {
						return report(env, "train", err, exitFatal)
					}
					logf("%d silver sentences", len(silverS))
				}
				opt := depparse.TrainOptions{Epochs: *epochs, Seed: *seed, Clusters: clusters, Prune: float32(*prune), Hidden: *hidden, Bits: *bits, WeightBits: *wbits, WordDropout: *wordDrop}
				var m *depparse.Model
				m, err = trainParser(args[0] == "network", augmented(), silverS, devS, *jack, *taggerFile, opt, logf)
				if err == nil {
					err = writeModel(filepath.Join(*out, args[0]+".model"), m)
				}
			default:
				return report(env, "train", fmt.Errorf("unknown model %q: want tagger, lemma, parser, network, clusters or ner", args[0]), exitUsage)
			}
			if err != nil {
				return report(env, "train", err, exitFatal)
			}
			logf("done in %s", time.Since(start).Round(time.Second))
			return exitOK
		}
	},
}

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// readTreebanks reads the sentences of CoNLL-U files, in order, and says
// how many each file holds; op names the operation in errors.
func readTreebanks(op string, files []string) (out []*conllu.Sentence, perFile []int, err error) {
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return nil, nil, parley.E(op, parley.IO, err)
		}
		before := len(out)
		r := conllu.NewReader(f, name)
		for {
			s, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				f.Close()
				return nil, nil, err
			}
			out = append(out, s)
		}
		f.Close()
		perFile = append(perFile, len(out)-before)
	}
	return out, perFile, nil
}

func writeModel(path string, m encoding.BinaryMarshaler) error {
	b, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return parley.E("train", parley.IO, err)
	}
	fmt.Fprintf(os.Stderr, "parley train: wrote %s (%d bytes)\n", path, len(b))
	return nil
}

func tagSentences(sents []*conllu.Sentence) []postag.Sentence {
	out := make([]postag.Sentence, 0, len(sents))
	for _, s := range sents {
		var t postag.Sentence
		for _, w := range s.Words() {
			t.Words = append(t.Words, w.Form)
			t.UPOS = append(t.UPOS, w.UPOS)
			t.XPOS = append(t.XPOS, w.XPOS)
		}
		out = append(out, t)
	}
	return out
}

func trainTagger(train, dev []*conllu.Sentence, epochs int, seed int64, clusters map[string]cluster.Cluster, logf func(string, ...any)) *postag.Model {
	return postag.Train(tagSentences(train), tagSentences(dev), postag.TrainOptions{
		Epochs: epochs, Seed: seed, Clusters: clusters,
		Progress: func(e int, tr, dv float64) {
			logf("tagger epoch %d: train %.2f%%, dev UPOS+XPOS %.2f%%", e, 100*tr, 100*dv)
		},
	})
}

func featsExamples(sents []*conllu.Sentence) []postag.FeatsExample {
	var ex []postag.FeatsExample
	for _, s := range sents {
		for _, w := range s.Words() {
			ex = append(ex, postag.FeatsExample{Form: w.Form, UPOS: w.UPOS, XPOS: w.XPOS, Feats: w.Feats})
		}
	}
	return ex
}

// lemmaFixes corrects lemmas the treebanks get wrong, by lower-cased form
// and wrong lemma, where the one slip is a common word of news: GUM's
// train split lemmatizes "freed" as "fre" (once), and the lemmatizer,
// having seen "fre", would keep it — and the event coder then never finds
// the verb "free".
var lemmaFixes = map[[2]string]string{{"freed", "fre"}: "free"}

func lemmaExamples(sents []*conllu.Sentence, weight int) []lemma.Example {
	var ex []lemma.Example
	for _, s := range sents {
		for _, w := range s.Words() {
			l := w.Lemma
			if l == "" { // the column was "_" (the lemma of "_" itself)
				l = "_"
			}
			if fix, ok := lemmaFixes[[2]string{strings.ToLower(w.Form), l}]; ok {
				l = fix
			}
			ex = append(ex, lemma.Example{Form: w.Form, UPOS: w.UPOS, XPOS: w.XPOS, Lemma: l, Weight: weight})
		}
	}
	return ex
}

func lemmaAccuracy(m *lemma.Model, sents []*conllu.Sentence) float64 {
	right, total := 0, 0
	for _, s := range sents {
		for _, w := range s.Words() {
			total++
			if m.Lemma(w.Form, w.UPOS, w.XPOS) == w.Lemma {
				right++
			}
		}
	}
	return float64(right) / float64(max(total, 1))
}

func parseSentences(sents []*conllu.Sentence) []depparse.Sentence {
	out := make([]depparse.Sentence, 0, len(sents))
	for _, s := range sents {
		var p depparse.Sentence
		for _, w := range s.Words() {
			p.Words = append(p.Words, w.Form)
			p.XPOS = append(p.XPOS, w.XPOS)
			p.UPOS = append(p.UPOS, w.UPOS)
			p.Heads = append(p.Heads, w.Head-1)
			p.Rels = append(p.Rels, w.DepRel)
		}
		out = append(out, p)
	}
	return out
}

// retag replaces the tags of sents with those of tagger t.
func retag(t *postag.Tagger, sents []depparse.Sentence) {
	for i := range sents {
		sents[i].UPOS, sents[i].XPOS = t.Tag(sents[i].Words)
	}
}

// trainParser trains the parser's perceptron, or its network, on train
// tagged by k jack-knifed taggers, and on silver with its own tags.
func trainParser(network bool, train, silver, dev []*conllu.Sentence, k int, taggerFile string, opt depparse.TrainOptions, logf func(string, ...any)) (*depparse.Model, error) {
	seed := opt.Seed
	trainP, devP := parseSentences(train), parseSentences(dev)
	if k > 1 {
		// Jack-knifing: fold f is tagged by a tagger trained on the others.
		tagS := tagSentences(train)
		for f := range k {
			var rest []postag.Sentence
			for i := range tagS {
				if i%k != f {
					rest = append(rest, tagS[i])
				}
			}
			logf("jackknife fold %d/%d: training a tagger on %d sentences", f+1, k, len(rest))
			t := postag.New(postag.Train(rest, nil, postag.TrainOptions{Seed: seed}), nil).Base()
			for i := range trainP {
				if i%k == f {
					trainP[i].UPOS, trainP[i].XPOS = t.Tag(trainP[i].Words)
				}
			}
		}
	}
	var tagger *postag.Tagger
	var err error
	if taggerFile != "" {
		f, err := os.Open(taggerFile)
		if err != nil {
			return nil, parley.E("train", parley.IO, err)
		}
		m, err := postag.Load(f)
		f.Close()
		if err != nil {
			return nil, err
		}
		tagger = postag.New(m, nil)
	} else if tagger, err = postag.Default(); err != nil {
		return nil, err
	}
	retag(tagger, devP)
	trainP = append(trainP, parseSentences(silver)...)
	opt.Progress = func(e int, uas, las float64) {
		logf("parser epoch %d: dev UAS %.2f%% LAS %.2f%% (predicted tags)", e, 100*uas, 100*las)
	}
	if network {
		return depparse.TrainNetwork(trainP, devP, opt), nil
	}
	return depparse.Train(trainP, devP, opt), nil
}

func readClusters(path string) (map[string]cluster.Cluster, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, parley.E("train", parley.IO, err)
	}
	defer f.Close()
	return cluster.Unmarshal(f)
}

// trainClusters learns word clusters from the words of the treebanks and
// the tokenized texts of the JSONL files.
func trainClusters(ctx context.Context, treebanks []*conllu.Sentence, texts []string, seed int64, logf func(string, ...any)) ([]byte, error) {
	var sents [][]string
	for _, s := range treebanks {
		var ws []string
		for _, w := range s.Words() {
			ws = append(ws, cluster.Normalize(w.Form))
		}
		sents = append(sents, ws)
	}
	words := 0
	for d, err := range ingest.Read(ctx, texts, ingest.Options{Format: ingest.FormatJSONL}) {
		if err != nil {
			return nil, err
		}
		toks := tokenize.Append(nil, d.Text)
		var ws []string
		for _, t := range toks {
			w := d.Text[t.Start:t.End]
			ws = append(ws, cluster.Normalize(w))
			if w == "." || w == "!" || w == "?" {
				sents = append(sents, ws)
				words += len(ws)
				ws = nil
			}
		}
		sents = append(sents, ws)
		words += len(ws)
	}
	logf("clustering the words of %d sentences (%d from unlabeled text)", len(sents), words)
	m := cluster.Train(sents, cluster.Options{Seed: seed})
	logf("%d words clustered", len(m))
	return cluster.Marshal(m), nil
}

// trainNER trains the entity recognizer on CoNLL-2003-format files and
// writes ner.model and lexicon.bin into out.
func trainNER(train, dev []string, geo, clusterFile, out string, epochs int, seed int64, upper, title float64, logf func(string, ...any)) error {
	start := time.Now()
	read := func(files []string) ([]ner.Doc, error) {
		var docs []ner.Doc
		for _, name := range files {
			f, err := os.Open(name)
			if err != nil {
				return nil, parley.E("train", parley.IO, err)
			}
			nd, err := eval.NERDocs(f, name)
			f.Close()
			if err != nil {
				return nil, err
			}
			for _, g := range nd {
				docs = append(docs, nerDoc(g))
			}
		}
		return docs, nil
	}
	trainD, err := read(train)
	if err != nil {
		return err
	}
	devD, err := read(dev)
	if err != nil {
		return err
	}
	logf("%d training documents, %d dev documents", len(trainD), len(devD))
	lex, err := ner.BuildLexicon(geo)
	if err != nil {
		return err
	}
	logf("lexicon: %d names from %s", lex.Len(), geo)
	var clusters map[string]cluster.Cluster
	if clusterFile != "" {
		if clusters, err = readClusters(clusterFile); err != nil {
			return err
		}
	}
	m := ner.Train(trainD, devD, ner.TrainOptions{
		Epochs: epochs, Seed: seed, Clusters: clusters, Lexicon: lex, Upper: upper, Title: title,
		Progress: func(e int, f1 float64) {
			if len(devD) > 0 {
				logf("ner epoch %d: dev F1 %.2f%%", e, 100*f1)
			}
		},
	})
	if err := writeModel(filepath.Join(out, "ner.model"), m); err != nil {
		return err
	}
	if err := writeModel(filepath.Join(out, "lexicon.bin"), lex); err != nil {
		return err
	}
	logf("done in %s", time.Since(start).Round(time.Second))
	return nil
}

// nerDoc converts a scored document to the recognizer's training form:
// words and entities per sentence.
func nerDoc(g eval.NERDoc) ner.Doc {
	var d ner.Doc
	ents := g.Gold
	for _, s := range g.Doc.Sentences {
		var words []string
		for i := s.Tokens.Start; i < s.Tokens.End; i++ {
			words = append(words, g.Doc.TokenText(i))
		}
		var se []parley.Entity
		for _, e := range ents {
			if e.Tokens.Start >= s.Tokens.Start && e.Tokens.End <= s.Tokens.End {
				e.Tokens.Start -= s.Tokens.Start
				e.Tokens.End -= s.Tokens.Start
				se = append(se, e)
			}
		}
		d.Sentences = append(d.Sentences, words)
		d.Entities = append(d.Entities, se)
	}
	return d
}
