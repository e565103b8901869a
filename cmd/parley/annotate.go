package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/conllu"
	"github.com/parley-events/parley/pipeline"
)

var cmdAnnotate = &command{
	name:    "annotate",
	summary: "print the annotation layers of articles as CoNLL-U or JSON",
	synopsis: `
parley annotate [--format conllu|json] [--stages LIST] [FILE...]
echo "Some text." | parley annotate`,
	help: `
Runs the pipeline over each article and prints the layers it produced,
without storing anything. With no FILE, or with "-", reads standard input
as plain text (use --input jsonl for JSONL). Inputs are read as by
"parley ingest".

--format conllu (the default) prints CoNLL-U: one block per sentence with
# newdoc, # newpar, # sent_id and # text comments, columns for the layers
present and "_" for those not yet computed; names are in the MISC column
as NE=B-TYPE / NE=I-TYPE, with NESubtype=GPE (or LOC, NORP, EVENT) on a
name's first word. --format json prints one JSON object per document: the
text, its metadata, tokens with byte offsets, sentences and entities as
token spans, and notes about problems in the text.

--stages runs only the named stages (comma-separated, in order); "parley
annotate --stages list" shows the stage table.

Examples:
  parley annotate article.txt
  parley annotate --format json --published 2025-07-22 article.txt
  echo "The envoys met in Geneva. Talks resume today." | parley annotate`,
	flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) int {
		format := fs.String("format", "conllu", "output `FORMAT`: conllu or json")
		input := fs.String("input", "", "input `FORMAT` when it cannot be told by extension: text, jsonl, html or feed")
		fetch := fetchFlags(fs)
		published := fs.String("published", "", "publication `DATE` for plain-text inputs (YYYY-MM-DD or RFC 3339)")
		stages := fs.String("stages", "", "comma-separated `LIST` of stages to run (default: all); \"list\" prints them")
		var margin marginFlag
		fs.Var(&margin, "parser-margin", "parse with this `MARGIN`, the lead under which the parser's network leaves a move to its perceptron (default: the embedded parser's; 0: the network alone; 1e9: the perceptron alone, as when teaching the network)")
		return func(ctx context.Context, env Env, args []string) int {
			if *stages == "list" {
				for _, s := range pipeline.Stages() {
					fmt.Fprintf(env.Stdout, "%-10s requires %-20s assigns %-12s %s\n", s.Name, s.Requires, s.Assigns, s.Doc)
				}
				return exitOK
			}
			if *format != "conllu" && *format != "json" {
				return report(env, "annotate", fmt.Errorf("unknown --format %q: want conllu or json", *format), exitUsage)
			}
			pub, err := parseDate(*published)
			if err != nil {
				return report(env, "annotate", err, exitUsage)
			}
			cfg := pipeline.DefaultConfig()
			cfg.ParserMargin = margin.m
			if *stages != "" {
				cfg.Stages = strings.Split(*stages, ",")
			}
			p, err := pipeline.Build(cfg)
			if err != nil {
				return report(env, "annotate", err, exitUsage)
			}
			out := bufio.NewWriter(env.Stdout)
			enc := json.NewEncoder(out)
			return printDocs(ctx, env, "annotate", args, *input, pub, fetch(), p, 0, nil, func(d *parley.Doc) error {
				if *format == "json" {
					return enc.Encode(d)
				}
				return conllu.WriteDoc(out, d)
			}, out.Flush)
		}
	},
}
