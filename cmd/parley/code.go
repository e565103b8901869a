package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/dict"
	"github.com/parley-events/parley/export"
	"github.com/parley-events/parley/pipeline"
)

var cmdCode = &command{
	name:    "code",
	summary: "code the events of articles and print them (JSONL, PLOVER, GDELT, CSV, Parquet)",
	synopsis: `
parley code [--format jsonl|plover|gdelt|csv|parquet] [--published DATE] [--min-confidence P] [--dicts DIR] [--store FILE] [--quiet] PATH...
echo "Russian forces shelled Kharkiv." | parley code --published 2025-07-22 -`,
	help: `
Reads articles as "parley ingest" does, runs the whole pipeline over each
and prints the events it codes: who did what to whom, with the CAMEO code,
the PLOVER type, the modality, and the evidence (the sentence, the trigger,
the actors as written, and the dictionary pattern that fired).

Actors' roles are read as of each article's publication date (the
"published" field of JSONL, or --published for plain text): "the
president" of 2012 and of 2025 are different people. Without a date,
today's roles are used and the article gets a note saying so.

Formats:
  jsonl   one JSON object per event, with its evidence (the default)
  plover  PLOVER JSON: event type, mode, context, actors with country
          and sector, the supporting text
  gdelt   the GDELT 2.0 event table: 61 tab-separated columns, in order;
          fields parley does not know are empty
  csv     one row per event with the main fields and the sentence
  parquet the CSV's columns as a Parquet file (typed, zstd-compressed):
          redirect it to a file

Modalities: asserted, future (planned: "will meet"), conditional ("if",
"should there be"), hypothetical ("may", "could"), negated ("did not",
"has yet to") and reported (asserted by a quoted speaker, reported_by).
Negated and hypothetical events are kept but marked: filter on "mode"
for events that happened. Events need a source and a target actor, as
PETRARCH's coders require by default; --one-actor also keeps those with
one ("protesters were arrested").

Each event has a confidence: parley's estimate of the chance that its
code, source and target are all right, from how the event was found (how
far its actors stand from the verb in the sentence's tree, a pronoun or a
borrowed subject in an actor's place, an actor without a country, the
modality, the sentence's length, how much of a pattern matched). It is
fitted on events of news articles judged by hand; on events judged
afterwards, seven in ten of those it gave 0.6 or more were right,
against under half of all events (docs/benchmarks.md, "parley eval
confidence"). --min-confidence P prints only the events of confidence P
or more; --store still stores them all.

Each event is dated by the time expression on its verb ("on Wednesday"
in an article of Tuesday 22 July 2025 is 2025-07-23), with its precision
(day, week, month, quarter, year); without one it has no date of its own
and formats that need one use the article's. Its location is the place
of the locative phrase on its verb ("talks in Istanbul"), resolved to the
embedded GeoNames gazetteer: name, country, GeoNames id and coordinates;
an event with no such phrase has none.

Actors are those the dictionaries know, and the towns and provinces the
gazetteer places, which stand for their country as the dictionaries'
chief cities do ("Russian troops shelled Pokrovsk" is RUSMIL 190 UKR).
--new-actor-length N also lets a
noun phrase of at most N words that no dictionary codes stand as a
source or target: it is reported with an empty code and its words as its
name, to show which actors the dictionaries lack (PETRARCH's
new_actor_length).

An actor whose country the text leaves unnamed ("police", "the
government") takes the country of the places around it: a place in its
own phrase ("police in Gombe"), else those of its sentence when they lie
in one country, else the country most of the article's places are in.
The JSONL's source_country_from and target_country_from say which
("phrase", "sentence", "document"); they are empty when the text names
the country. Armed forces, refugees, international bodies and actors
marked as foreign are never given one this way.

Sentences holding a discard phrase of the dictionaries (sports results,
chronologies) are not coded, and a story-level discard skips the article;
the article gets a note saying so.

--dicts DIR reads dictionaries instead of the embedded ones: a directory
in parley's format (see "parley dict") or PETRARCH's files as they are.
--store FILE also stores the documents, their events and the deadlines
they set in a SQLite database, as "parley ingest" does, fusing the
reports of one real-world event across sentences and articles (see
--fuse-window); "parley events" lists the fused events and "parley
deadlines" the deadlines.

On a terminal, a progress line on standard error counts the articles
done; --quiet hides it.

A bad record is reported with its file and line and the others go on;
the exit status is then 1.

Examples:
  parley code --published 2025-07-22 article.txt
  parley code --format gdelt archive.jsonl > events.tsv
  parley code --format plover --store news.db feeds/`,
	flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) int {
		format := fs.String("format", "jsonl", "output `FORMAT`: "+strings.Join(export.Formats, ", "))
		input := fs.String("input", "", "input `FORMAT` when it cannot be told by extension: text, jsonl, html or feed")
		fetch := fetchFlags(fs)
		published := fs.String("published", "", "publication `DATE` for plain-text inputs (YYYY-MM-DD or RFC 3339)")
		dicts := fs.String("dicts", "", "dictionary `DIR` to use instead of the embedded dictionaries")
		store := fs.String("store", "", "also store documents and events in this `STORE`: an SQLite file or a PostgreSQL URL (postgres://…)")
		workers := fs.Int("workers", 0, "documents processed in parallel (`N`; default: number of CPUs)")
		oneActor := fs.Bool("one-actor", false, "also code events with only a source or only a target")
		quiet := fs.Bool("quiet", false, "no progress line on a terminal")
		minConf := fs.Float64("min-confidence", 0, "print only events of confidence `P` (0–1) or more")
		fuse := fuseFlag(fs)
		newActors := fs.Int("new-actor-length", 0, "let uncoded noun phrases of at most `N` words act, with an empty code (0: off)")
		return func(ctx context.Context, env Env, args []string) int {
			w, err := export.New(*format, env.Stdout)
			if err != nil {
				return report(env, "code", err, exitUsage)
			}
			pub, err := parseDate(*published)
			if err != nil {
				return report(env, "code", err, exitUsage)
			}
			if *minConf < 0 || *minConf > 1 || *minConf != *minConf {
				return report(env, "code", fmt.Errorf("--min-confidence must be between 0 and 1, not %v", *minConf), exitUsage)
			}
			cfg := pipeline.DefaultConfig()
			cfg.Coding.OneActor = *oneActor
			if *newActors < 0 {
				return report(env, "code", fmt.Errorf("--new-actor-length must be 0 or more, not %d", *newActors), exitUsage)
			}
			cfg.Coding.NewActorLength = *newActors
			if *dicts != "" {
				if cfg.Dicts, err = loadDicts(*dicts); err != nil {
					return report(env, "code", err, exitFatal)
				}
			}
			p, err := pipeline.Build(cfg)
			if err != nil {
				return report(env, "code", err, exitFatal)
			}
			var st parley.Store
			if *store != "" {
				if st, err = openStore(ctx, *store, fuse()); err != nil {
					return report(env, "code", err, exitFatal)
				}
				defer st.Close()
			}
			return printDocs(ctx, env, "code", args, *input, pub, fetch(), p, *workers, newProgress(env.Stderr, !*quiet), func(d *parley.Doc) error {
				out := d
				if *minConf > 0 {
					out = export.Only(d, func(e *parley.Event) bool { return e.Confidence >= *minConf })
				}
				if err := w.Write(out); err != nil {
					return err
				}
				if st != nil {
					_, err := st.PutDoc(ctx, d)
					return err
				}
				return nil
			}, w.Flush)
		}
	},
}

// loadDicts reads a dictionary directory in parley's format, or PETRARCH's
// files as they are when the directory holds no parley files.
func loadDicts(dir string) (*dict.Set, error) {
	fsys := os.DirFS(dir)
	set, err := dict.Load(fsys)
	if parley.KindOf(err) == parley.NotFound {
		return dict.LoadPetrarch(fsys, dict.DefaultPetrarchFiles())
	}
	return set, err
}
