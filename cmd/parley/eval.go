package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
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
parley eval segment [--docs GLOB] FILE.conllu`,
	help: `
Scores a stage against a gold-standard corpus and prints one JSON object
on standard output. Figures are fractions between 0 and 1.

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

Examples:
  parley eval segment ../shared/data/ud/en_ewt-dev.conllu
  parley eval segment --docs 'GUM_news_*' ../shared/data/ud/en_gum-dev.conllu`,
	flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) int {
		docsGlob := fs.String("docs", "", "score only documents whose id matches `GLOB`")
		return func(ctx context.Context, env Env, args []string) int {
			if len(args) > 0 {
				// Flags may also follow the subcommand: parley eval segment --docs G FILE.
				sub := flag.NewFlagSet("parley eval "+args[0], flag.ContinueOnError)
				sub.SetOutput(io.Discard)
				sub.StringVar(docsGlob, "docs", *docsGlob, "")
				if err := sub.Parse(args[1:]); err != nil {
					return report(env, "eval", err, exitUsage)
				}
				args = append(args[:1], sub.Args()...)
			}
			if len(args) != 2 || args[0] != "segment" {
				return report(env, "eval", fmt.Errorf("want: parley eval segment FILE.conllu"), exitUsage)
			}
			if _, err := path.Match(*docsGlob, ""); err != nil {
				return report(env, "eval", fmt.Errorf("bad --docs pattern %q: %v", *docsGlob, err), exitUsage)
			}
			score, err := evalSegment(ctx, args[1], *docsGlob)
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
