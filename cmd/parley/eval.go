package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path"
	"slices"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/conllu"
	"github.com/parley-events/parley/eval"
	"github.com/parley-events/parley/pipeline"
)

var cmdEval = &command{
	name:    "eval",
	summary: "score parley against gold-standard corpora",
	synopsis: `
parley eval segment [--docs GLOB] FILE.conllu
parley eval ud [--raw] FILE.conllu
parley eval ner FILE`,
	help: `
Scores a stage against a gold-standard corpus and prints one JSON object
on standard output. segment reports fractions between 0 and 1, ud and
ner percentages between 0 and 100.

segment FILE.conllu
    Rebuilds the raw text of each document from the "# text" lines
    (sentences joined by a space, "# newpar" as a blank line, "# newdoc"
    starting a new document), runs tokenize and segment, and scores
    against the gold words and sentences: tokens_f1 (a token counts when
    its byte span equals a gold word's; multi-word tokens such as "don't"
    count as their words "do" "n't") and sentences_f1 (a sentence counts
    when both its start and end match).

    {"tokens_f1":…, "sentences_f1":…, "docs":…, "sentences":…, "tokens":…}

    --docs keeps only the documents whose "# newdoc id" matches GLOB,
    e.g. --docs 'GUM_news_*' for the news part of GUM.

ud FILE.conllu
    Scores the tagger, lemmatizer and parser (postag, lemma, depparse) on
    the gold words and sentences of each document (multi-word tokens such
    as "didn't" as their words "did" "n't"; empty nodes skipped), every
    word counted, punctuation included: upos, xpos, ufeats (when features
    are predicted), lemma, uas, las (full labels, "nsubj:pass") and
    las_base (universal labels, "nsubj", the CoNLL 2018 LAS).

    {"upos":…, "xpos":…, "ufeats":…, "lemma":…, "uas":…, "las":…, "las_base":…, "tokens":…, "sentences":…, "docs":…}

    --raw runs the whole pipeline on the raw text rebuilt as for segment,
    aligns its words to the gold words by character spans as the CoNLL
    2018 evaluation script does, and reports F1 scores: words,
    sentences_f1, upos, xpos, lemma, uas, las, las_base.

    {"words":…, "sentences_f1":…, "upos":…, "xpos":…, "lemma":…, "uas":…, "las":…, "las_base":…, "tokens":…, "sentences":…, "docs":…}

ner FILE
    Reads a CoNLL-2003-format file ("word POS chunk NER" per line, a blank
    line between sentences, "-DOCSTART-" between documents; IOB1 and IOB2
    tags both accepted), runs the ner stage on the gold tokens and
    sentences of each document, and scores the entities it finds against
    the gold ones: an entity counts when it covers exactly the words of a
    gold entity and has its type. Precision, recall and F1 are reported
    overall and per type (PER, ORG, LOC, MISC), with the counts of gold,
    predicted and correct entities; the numbers are those conlleval, the
    CoNLL shared tasks' script, gives.

    {"precision":…, "recall":…, "f1":…, "per_type":{"LOC":{"precision":…, "recall":…, "f1":…, "gold":…, "pred":…, "correct":…}, …}, "gold":…, "pred":…, "correct":…, "tokens":…, "docs":…}

Examples:
  parley eval segment ../shared/data/ud/en_ewt-dev.conllu
  parley eval segment --docs 'GUM_news_*' ../shared/data/ud/en_gum-dev.conllu
  parley eval ud ../shared/data/ud/en_ewt-dev.conllu
  parley eval ud --raw ../shared/data/ud/en_ewt-dev.conllu
  parley eval ner ../shared/data/ner/conllpp-dev.txt`,
	flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) int {
		docsGlob := fs.String("docs", "", "segment: score only documents whose id matches `GLOB`")
		raw := fs.Bool("raw", false, "ud: run the whole pipeline from the raw text")
		return func(ctx context.Context, env Env, args []string) int {
			if len(args) != 2 || (args[0] != "segment" && args[0] != "ud" && args[0] != "ner") {
				return report(env, "eval", fmt.Errorf("want: parley eval segment|ud|ner FILE"), exitUsage)
			}
			if *raw && args[0] != "ud" {
				return report(env, "eval", fmt.Errorf("--raw applies to eval ud only"), exitUsage)
			}
			if *docsGlob != "" && args[0] != "segment" {
				return report(env, "eval", fmt.Errorf("--docs applies to eval segment only"), exitUsage)
			}
			var (
				score any
				err   error
			)
			switch args[0] {
			case "segment":
				if _, err := path.Match(*docsGlob, ""); err != nil {
					return report(env, "eval", fmt.Errorf("bad --docs pattern %q: %v", *docsGlob, err), exitUsage)
				}
				score, err = evalSegment(ctx, args[1], *docsGlob)
			case "ud":
				score, err = evalUD(ctx, args[1], *raw)
			case "ner":
				score, err = evalNER(ctx, args[1])
			}
			if err != nil {
				return report(env, "eval", err, exitFatal)
			}
			b, _ := json.Marshal(score)
			fmt.Fprintf(env.Stdout, "%s\n", b)
			return exitOK
		}
	},
}

func evalSegment(ctx context.Context, file, glob string) (eval.SegmentScore, error) {
	f, err := os.Open(file)
	if err != nil {
		return eval.SegmentScore{}, parley.E("eval segment", parley.IO, err)
	}
	defer f.Close()
	docs, err := eval.SegmentDocs(conllu.NewReader(f, file))
	if err != nil {
		return eval.SegmentScore{}, err
	}
	if glob != "" {
		docs = slices.DeleteFunc(docs, func(d eval.GoldDoc) bool { ok, _ := path.Match(glob, d.ID); return !ok })
		if len(docs) == 0 {
			return eval.SegmentScore{}, parley.E("eval segment", parley.Invalid, fmt.Errorf("no document id in %s matches %q", file, glob))
		}
	}
	p, err := pipeline.Build(pipeline.Config{Stages: []string{"tokenize", "segment"}})
	if err != nil {
		return eval.SegmentScore{}, err
	}
	return eval.Segment(docs, func(text string) (*parley.Doc, error) {
		d := parley.NewDoc(text)
		return d, p.Run(ctx, d)
	})
}

// evalUD scores the tagger, lemmatizer and parser against the CoNLL-U file:
// on the gold words and sentences, or, with raw, through the whole
// pipeline from the raw text of the "# text" lines.
func evalUD(ctx context.Context, file string, raw bool) (any, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, parley.E("eval ud", parley.IO, err)
	}
	defer f.Close()
	r := conllu.NewReader(f, file)
	if raw {
		docs, err := eval.UDRawDocs(r)
		if err != nil {
			return nil, err
		}
		p, err := pipeline.Build(pipeline.Config{Stages: []string{"tokenize", "segment", "postag", "lemma", "depparse"}})
		if err != nil {
			return nil, err
		}
		return eval.UDRaw(docs, func(text string) (*parley.Doc, error) {
			d := parley.NewDoc(text)
			return d, p.Run(ctx, d)
		})
	}
	docs, err := eval.UDDocs(r)
	if err != nil {
		return nil, err
	}
	p, err := pipeline.Build(pipeline.Config{
		Stages: []string{"postag", "lemma", "depparse"},
		Have:   parley.LayerTokens | parley.LayerSentences,
	})
	if err != nil {
		return nil, err
	}
	return eval.UD(docs, func(d *parley.Doc) error { return p.Run(ctx, d) })
}

// evalNER scores the ner stage against the CoNLL-2003-format file, on its
// gold tokens and sentences.
func evalNER(ctx context.Context, file string) (eval.NERScore, error) {
	f, err := os.Open(file)
	if err != nil {
		return eval.NERScore{}, parley.E("eval ner", parley.IO, err)
	}
	defer f.Close()
	docs, err := eval.NERDocs(f, file)
	if err != nil {
		return eval.NERScore{}, err
	}
	p, err := pipeline.Build(pipeline.Config{
		Stages: []string{"ner"},
		Have:   parley.LayerTokens | parley.LayerSentences,
	})
	if err != nil {
		return eval.NERScore{}, err
	}
	return eval.NER(docs, func(d *parley.Doc) error { return p.Run(ctx, d) })
}
