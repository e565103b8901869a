package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/actor"
	"github.com/parley-events/parley/augment"
	"github.com/parley-events/parley/conllu"
	"github.com/parley-events/parley/dict"
	"github.com/parley-events/parley/eval"
	"github.com/parley-events/parley/eventcode"
	"github.com/parley-events/parley/geo"
	"github.com/parley-events/parley/ingest"
	"github.com/parley-events/parley/pipeline"
)

var cmdEval = &command{
	name:    "eval",
	summary: "score parley against gold-standard corpora",
	synopsis: `
parley eval segment [--docs GLOB] FILE.conllu
parley eval ud [--raw | --attribution | --temporal] FILE.conllu
parley eval ner FILE
parley eval petrarch [--dicts DIR] [--verbs F] [--actors F] [--gold-parse] FILE.xml
parley eval plover [--dicts DIR] FILE.json
parley eval timeml FILE_OR_DIR...
parley eval geo [--geo DIR] FILE...
parley eval confidence [--corpus FILE] [--fit] FILE.tsv...`,
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

    --attribution scores the declarative sentences (those the parser's
    training copies with an attribution, see "parley train --help")
    twice: as they are ("plain") and each with a news attribution
    added (", observers said.") of a set training never uses
    ("attributed"); the speech verb becomes the root, as UD annotates
    it. The gap between the two is what such tails cost the parser.
    ufeats is not meaningful for "attributed": the tails carry none.

    {"sentences":…, "plain":{…}, "attributed":{…}}

    --temporal does the same for the sentences whose noun subject comes
    right before their finite root verb, with a time phrase put between
    them ("The cabinet on Thursday approved …"), again of a set training
    never uses: {"sentences":…, "plain":{…}, "dated":{…}}.

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

petrarch FILE.xml
    Codes the records of a PETRARCH unit-test file (<Sentence> records with
    <EventCoding> answers) and scores them: a record is correct when its
    set of (source, target, code) triples equals the answer set exactly,
    "---" standing for a missing actor; records expecting no events are
    correct when none are coded. Only the categories the file's
    <Include> lists are scored, as PETRARCH's own test run does, and the
    <Config> switches between sections apply: require_dyad;
    new_actor_length (a noun phrase of at most that many words that no
    dictionary codes stands as an actor, written as its words in capitals
    and quotes); and the comma options (comma_min, comma_max, comma_bmin,
    comma_bmax, comma_emin, comma_emax: clauses set off by commas whose
    length in words falls within them are left out, with PETRARCH's
    defaults 2–8 inside, none at the start, 2–8 at the end). The
    dictionaries are those the file's <Environment> names, read from
    --dicts DIR (default: the XML file's directory); --verbs and --actors
    replace the verb and actor files, each a path or a name in that
    directory (the UD version's answers were
    recoded with PETR.Validate.verbs.2.0.txt and
    PETR.Validate.actors.2.0.txt). Records run from their raw <Text>
    through parley's own pipeline; --gold-parse takes the tokens, tags
    and tree from the CoNLL-U in <Parse> instead (the UD version; UD v1
    labels are read as their v2 equivalents). An event negated on its own
    verb ("did not criticize") is written as PETRARCH 2 writes it, with
    the code that PETR.Internal.Coding.Ontology.txt in DIR pairs with its
    own (110 becomes 050), when DIR has that file; parley itself keeps
    the code and marks the event negated.

    {"records":…, "correct":…, "accuracy":…, "null_actor_ignored_accuracy":…, "by_category":{…}, "incorrect":[…]}

    --misses also writes each record scored wrong to standard error, one
    JSON object per line: id, category, text, the gold triples and those
    coded.

plover FILE.json
    Codes the sentence of each PLOVER gold record with the embedded
    dictionaries (or --dicts DIR) and scores the event chosen for it
    (the first with a PLOVER type, both actors and not negated): event
    type (the gold's older PLOVER labels mapped to PLOVER 2021), source
    and target (country or IGO part of the code), and dyad (both).

    {"records":…, "predicted":…, "event_accuracy":…, "source_accuracy":…, "target_accuracy":…, "dyad_accuracy":…}

    --misses also writes each record with a wrong or missing prediction to
    standard error, one JSON object per line: id, text, markup, the gold
    label, the verdict on event, source and target, and the prediction.

timeml FILE_OR_DIR...
    Reads TimeML files (a directory: its *.tml files), runs the pipeline
    up to the timex stage over the text of each <TEXT> with the file's
    document creation time as the publication date, and scores the
    temporal expressions found against the gold TIMEX3 as TempEval-3 does:
    strict span F1 (same span), relaxed span F1 (overlapping spans,
    matched one to one), type accuracy over the relaxed matches, and
    value F1 (relaxed matches with the gold value, over the system's and
    over the gold expressions). The creation time itself is not scored.

    {"files":…, "gold":…, "predicted":…, "strict_f1":…, "relaxed_f1":…, "type_accuracy":…, "value_f1":…, …}

    --misses also writes each gold or predicted expression that is not
    matched with the right type and value to standard error, one JSON
    object per line: file, the words, gold and predicted type and value.

geo FILE...
    Reads geoparsing gold sets (GeoWebNews XML, TR-News/LGL XML with
    gaztag, WikToR/GeoVirus-style <locations>) and scores the geo stage.
    Resolution, given the gold spans (the stage is handed the gold
    toponyms together, with the document around them; GeoWebNews's
    location expressions and Non_Toponym names, which name no place, are
    not among them): acc161, the fraction of gold toponyms with
    coordinates placed within 161 km of them; the country accuracy; the
    mean error and the AUC of log errors (Gritta et al. 2018). A name
    the gazetteer lacks is placed at the document's focus
    (the town its places point to most, else its focus country) and
    counted in "guessed". Recognition, end to end: the precision, recall
    and F1 of the place names the stage finds by itself, by exact span.
    Gold countries come from the file or, for GeoWebNews, from the
    coordinates, with the Natural Earth outlines in --geo DIR (default:
    ../geo beside the gold file). --misses writes each gold toponym placed
    more than 161 km away or in another country to standard error.

    {"docs":…, "toponyms":…, "acc161":…, "country_accuracy":…, "mean_error_km":…, "auc":…, "guessed":…, "recognition_precision":…, "recognition_recall":…, "recognition_f1":…}

confidence FILE.tsv...
    Scores the confidence the event coder gives each event against events
    judged by hand (eventcode/testdata/confidence.tsv, on which the model
    was fitted, and confidence-heldout.tsv, judged afterwards and never
    fitted on: an article's id, the byte offset of the trigger, code,
    source, target and a judgement, 2 right, 1 half right, 0 wrong). Codes the judged articles of the
    JSONL corpus --corpus (default:
    ../shared/data/unlabeled/te3-silver-news.jsonl) and finds each judged
    event again; events the coder no longer codes the same way are left
    out (matched says how many remain). Reports the AUC (the chance that
    a right event has a higher confidence than one that is not), and for
    each fifth of the confidence range the mean confidence beside the
    share of events judged right, which should be close; and, for each
    least confidence, the share of events kept and their precision.
    --fit also fits the model afresh on the matched events of all the
    files (weights to copy into eventcode/confidence.go) and scores it by
    10-fold cross-validation.

    {"judged":…, "matched":…, "right":…, "auc":…, "bands":[{"from":…, "to":…, "events":…, "mean_confidence":…, "right":…}, …], "kept":[{"min":…, "events":…, "share":…, "precision":…}, …], "fit":{…}}

Examples:
  parley eval segment ../shared/data/ud/en_ewt-dev.conllu
  parley eval segment --docs 'GUM_news_*' ../shared/data/ud/en_gum-dev.conllu
  parley eval ud ../shared/data/ud/en_ewt-dev.conllu
  parley eval ud --raw ../shared/data/ud/en_ewt-dev.conllu
  parley eval ner ../shared/data/ner/conllpp-dev.txt
  parley eval petrarch ../shared/data/petrarch/PETR.UnitTest.records.xml
  parley eval petrarch --gold-parse --verbs PETR.Validate.verbs.2.0.txt --actors PETR.Validate.actors.2.0.txt ../shared/data/petrarch/PETR.UnitTest.records.ud.xml
  parley eval plover ../shared/data/events/plover-gsr-dev.json
  parley eval timeml ../shared/data/timeml/timebank
  parley eval geo ../shared/data/geoparse/geowebnews.xml
  parley eval confidence eventcode/testdata/confidence-heldout.tsv
  parley eval confidence --fit eventcode/testdata/confidence*.tsv`,
	flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) int {
		docsGlob := fs.String("docs", "", "segment: score only documents whose id matches `GLOB`")
		raw := fs.Bool("raw", false, "ud: run the whole pipeline from the raw text")
		attribution := fs.Bool("attribution", false, "ud: score the declarative sentences as they are and with a news attribution added")
		temporal := fs.Bool("temporal", false, "ud: score the sentences with a noun subject right before a finite verb as they are and with a time phrase between them")
		dicts := fs.String("dicts", "", "petrarch, plover: dictionary `DIR` (petrarch default: the XML file's directory)")
		verbs := fs.String("verbs", "", "petrarch: verb dictionary `FILE` (a path, or a name in --dicts) instead of the one the file names")
		actors := fs.String("actors", "", "petrarch: actor dictionary `FILE` (a path, or a name in --dicts) instead of the ones the file names")
		goldParse := fs.Bool("gold-parse", false, "petrarch: code from the CoNLL-U parses in the file")
		geoDir := fs.String("geo", "", "geo: `DIR` of the Natural Earth outlines and world-countries.json (default: ../geo beside the gold file)")
		corpus := fs.String("corpus", "../shared/data/unlabeled/te3-silver-news.jsonl", "confidence: JSONL `FILE` of the judged articles")
		fit := fs.Bool("fit", false, "confidence: also fit the model afresh and cross-validate it")
		var margin marginFlag
		fs.Var(&margin, "parser-margin", "ud, petrarch, plover, timeml, geo: parse with this `MARGIN`, the network's lead under which the perceptron chooses the move (default: the embedded parser's; 0: the network alone; 1e9: the perceptron alone)")
		misses := fs.Bool("misses", false, "petrarch, plover: list each record scored wrong on standard error, one JSON object per line")
		return func(ctx context.Context, env Env, args []string) int {
			kinds := []string{"segment", "ud", "ner", "petrarch", "plover", "timeml", "geo", "confidence"}
			if len(args) < 2 || !slices.Contains(kinds, args[0]) || len(args) > 2 && args[0] != "timeml" && args[0] != "geo" && args[0] != "confidence" {
				return report(env, "eval", fmt.Errorf("want: parley eval segment|ud|ner|petrarch|plover|timeml|geo|confidence FILE"), exitUsage)
			}
			if *fit && args[0] != "confidence" {
				return report(env, "eval", fmt.Errorf("--fit applies to eval confidence only"), exitUsage)
			}
			if *geoDir != "" && args[0] != "geo" {
				return report(env, "eval", fmt.Errorf("--geo applies to eval geo only"), exitUsage)
			}
			if (*verbs != "" || *actors != "" || *goldParse) && args[0] != "petrarch" {
				return report(env, "eval", fmt.Errorf("--verbs, --actors and --gold-parse apply to eval petrarch only"), exitUsage)
			}
			if *misses && args[0] != "petrarch" && args[0] != "plover" && args[0] != "timeml" && args[0] != "geo" {
				return report(env, "eval", fmt.Errorf("--misses applies to eval petrarch, plover, timeml and geo only"), exitUsage)
			}
			if (*raw || *attribution || *temporal) && args[0] != "ud" {
				return report(env, "eval", fmt.Errorf("--raw, --attribution and --temporal apply to eval ud only"), exitUsage)
			}
			if *raw && (*attribution || *temporal) || *attribution && *temporal {
				return report(env, "eval", fmt.Errorf("--raw, --attribution and --temporal do not go together"), exitUsage)
			}
			if *docsGlob != "" && args[0] != "segment" {
				return report(env, "eval", fmt.Errorf("--docs applies to eval segment only"), exitUsage)
			}
			evalParserMargin = margin.m
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
				switch {
				case *attribution:
					score, err = evalChanged(ctx, args[1], "attributed", augment.HeldOut)
				case *temporal:
					score, err = evalChanged(ctx, args[1], "dated", augment.HeldOutTemporal)
				default:
					score, err = evalUD(ctx, args[1], *raw)
				}
			case "ner":
				score, err = evalNER(ctx, args[1])
			case "petrarch":
				score, err = evalPetrarch(ctx, env, args[1], *dicts, *verbs, *actors, *goldParse, *misses)
			case "plover":
				score, err = evalPlover(ctx, env, args[1], *dicts, *misses)
			case "timeml":
				score, err = evalTimeML(ctx, env, args[1:], *misses)
			case "geo":
				score, err = evalGeo(ctx, env, args[1:], *geoDir, *misses)
			case "confidence":
				score, err = evalConfidence(ctx, env, args[1:], *corpus, *fit)
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

// marginFlag is a --parser-margin: unset, or a margin of 0 or more.
type marginFlag struct{ m *float32 }

func (f *marginFlag) String() string {
	if f.m == nil {
		return ""
	}
	return strconv.FormatFloat(float64(*f.m), 'g', -1, 32)
}

func (f *marginFlag) Set(s string) error {
	v, err := strconv.ParseFloat(s, 32)
	if err != nil || v < 0 {
		return fmt.Errorf("want a number of 0 or more")
	}
	m := float32(v)
	f.m = &m
	return nil
}

// evalParserMargin is eval's --parser-margin, when given.
var evalParserMargin *float32

// buildEval builds the pipeline cfg describes with eval's parser margin.
func buildEval(cfg pipeline.Config) (*pipeline.Pipeline, error) {
	cfg.ParserMargin = evalParserMargin
	return pipeline.Build(cfg)
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
	p, err := buildEval(pipeline.Config{Stages: []string{"tokenize", "segment"}})
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
		p, err := buildEval(pipeline.Config{Stages: []string{"tokenize", "segment", "postag", "lemma", "depparse"}})
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
	p, err := buildEval(pipeline.Config{
		Stages: []string{"postag", "lemma", "depparse"},
		Have:   parley.LayerTokens | parley.LayerSentences,
	})
	if err != nil {
		return nil, err
	}
	return eval.UD(docs, func(d *parley.Doc) error { return p.Run(ctx, d) })
}

// evalChanged scores the tagger, lemmatizer and parser as evalUD does on
// the sentences of file that change (augment.HeldOut or
// augment.HeldOutTemporal) picks, as they are ("plain") and as it changes
// them (under the key name).
func evalChanged(ctx context.Context, file, name string, change func([]*conllu.Sentence) (plain, changed []*conllu.Sentence)) (any, error) {
	sents, _, err := readTreebanks("eval ud", []string{file})
	if err != nil {
		return nil, err
	}
	plain, changed := change(sents)
	p, err := buildEval(pipeline.Config{
		Stages: []string{"postag", "lemma", "depparse"},
		Have:   parley.LayerTokens | parley.LayerSentences,
	})
	if err != nil {
		return nil, err
	}
	// Each set is scored as one document.
	score := func(ss []*conllu.Sentence) (eval.UDScore, error) {
		one := make([]*conllu.Sentence, len(ss))
		for i, s := range ss {
			c := *s
			c.NewDoc = false
			one[i] = &c
		}
		return eval.UD(eval.UDDocsOf(one), func(d *parley.Doc) error { return p.Run(ctx, d) })
	}
	a, err := score(plain)
	if err != nil {
		return nil, err
	}
	b, err := score(changed)
	if err != nil {
		return nil, err
	}
	return map[string]any{"sentences": len(plain), "plain": a, name: b}, nil
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
	p, err := buildEval(pipeline.Config{
		Stages: []string{"ner"},
		Have:   parley.LayerTokens | parley.LayerSentences,
	})
	if err != nil {
		return eval.NERScore{}, err
	}
	return eval.NER(docs, func(d *parley.Doc) error { return p.Run(ctx, d) })
}

// evalPetrarch codes the records of a PETRARCH unit-test file with the
// dictionaries its <Environment> names and scores them.
func evalPetrarch(ctx context.Context, env Env, file, dir, verbs, actors string, goldParse, misses bool) (eval.PetrarchResult, error) {
	fh, err := os.Open(file)
	if err != nil {
		return eval.PetrarchResult{}, parley.E("eval petrarch", parley.IO, err)
	}
	defer fh.Close()
	f, err := eval.ReadPetrarch(fh, file)
	if f == nil {
		return eval.PetrarchResult{}, err
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, err) // records skipped, each named
	}
	if dir == "" {
		dir = filepath.Dir(file)
	}
	// Files are named as the XML file names them, in dir; --verbs and
	// --actors may be paths of their own or names in dir. All are read
	// by absolute path.
	at := func(name string) string {
		p := filepath.Join(dir, name)
		if filepath.IsAbs(name) {
			p = name
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return p
		}
		return strings.TrimPrefix(abs, "/")
	}
	given := func(name string) string {
		if _, err := os.Stat(name); err == nil && strings.ContainsRune(name, filepath.Separator) {
			abs, _ := filepath.Abs(name)
			return strings.TrimPrefix(abs, "/")
		}
		return at(name)
	}
	files := dict.PetrarchFiles{Verbs: at(f.Environment.Verbs), Agents: at(f.Environment.Agents), Discards: at(f.Environment.Discards)}
	for _, a := range f.Environment.Actors {
		files.Actors = append(files.Actors, at(a))
	}
	if verbs != "" {
		files.Verbs = given(verbs)
	}
	if actors != "" {
		files.Actors = []string{given(actors)}
	}
	set, err := dict.LoadPetrarch(os.DirFS("/"), files)
	if err != nil {
		return eval.PetrarchResult{}, fmt.Errorf("reading the dictionaries the file names from %s (set --dicts DIR): %w", dir, err)
	}
	// PETRARCH 2 writes a negated event with the code its ontology pairs
	// with the event's (see eval.Negations); without the file, as it is.
	var negations eval.Negations
	if b, err := os.ReadFile(filepath.Join(dir, "PETR.Internal.Coding.Ontology.txt")); err == nil {
		if negations, err = eval.ReadNegations(bytes.NewReader(b)); err != nil {
			return eval.PetrarchResult{}, err
		}
	}
	// One pipeline per coder setting the file switches between
	// (require_dyad, new_actor_length), built when first needed.
	type setting struct {
		oneActor  bool
		newActors int
		commas    eventcode.Commas
	}
	pipes := map[setting]*pipeline.Pipeline{}
	pipe := func(cc eventcode.Config) (*pipeline.Pipeline, error) {
		key := setting{cc.OneActor, cc.NewActorLength, *cc.Commas}
		if p, ok := pipes[key]; ok {
			return p, nil
		}
		cfg := pipeline.Config{Dicts: set, Coding: cc, Actors: actor.Options{NamedCountriesOnly: true}} // PETRARCH leaves unnamed countries out ("---GOV")
		if goldParse {
			cfg.Stages = []string{"actor", "eventcode"}
			cfg.Have = parley.LayerTokens | parley.LayerSentences | parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps
		}
		p, err := buildEval(cfg)
		pipes[key] = p
		return p, err
	}
	pred := map[string][]eval.Triple{}
	for _, r := range f.Records {
		d := r.Doc()
		if goldParse {
			if d, err = r.ParsedDoc(); err != nil {
				fmt.Fprintf(env.Stderr, "parley eval petrarch: %s:%d: %v\n", file, r.Line, err)
				continue
			}
		}
		commas := eventcode.PetrarchCommas
		for _, o := range []struct {
			name string
			v    *int
		}{{"comma_min", &commas.Min}, {"comma_max", &commas.Max}, {"comma_bmin", &commas.BMin}, {"comma_bmax", &commas.BMax}, {"comma_emin", &commas.EMin}, {"comma_emax", &commas.EMax}} {
			*o.v = r.OptionInt(o.name, *o.v)
		}
		p, err := pipe(eventcode.Config{OneActor: !r.OptionBool("require_dyad", true), NewActorLength: r.OptionInt("new_actor_length", 0), Commas: &commas})
		if err != nil {
			return eval.PetrarchResult{}, err
		}
		if err := p.Run(ctx, d); err != nil {
			return eval.PetrarchResult{}, err
		}
		pred[r.ID] = eval.DocTriples(d)
		negations.Apply(pred[r.ID], d)
	}
	res := eval.ScorePetrarch(f, pred, f.Environment.Include)
	if misses {
		wrong := map[string]bool{}
		for _, id := range res.Incorrect {
			wrong[id] = true
		}
		for _, r := range f.Records {
			if wrong[r.ID] {
				writeMiss(env, map[string]any{"id": r.ID, "category": r.Category, "text": r.Text, "gold": r.Gold, "got": pred[r.ID]})
			}
		}
	}
	return res, nil
}

// writeMiss writes one record scored wrong, for --misses.
func writeMiss(env Env, m map[string]any) {
	b, _ := json.Marshal(m)
	fmt.Fprintf(env.Stderr, "%s\n", b)
}

// evalPlover codes the sentence of each PLOVER gold record and scores the
// event chosen for it.
func evalPlover(ctx context.Context, env Env, file, dir string, misses bool) (eval.PloverResult, error) {
	fh, err := os.Open(file)
	if err != nil {
		return eval.PloverResult{}, parley.E("eval plover", parley.IO, err)
	}
	defer fh.Close()
	recs, err := eval.ReadPlover(fh, file)
	if recs == nil && err != nil {
		return eval.PloverResult{}, err
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, err)
	}
	cfg := pipeline.DefaultConfig()
	cfg.Coding.OneActor = true // a record's event may name one actor; the scorer prefers events with two
	if dir != "" {
		if cfg.Dicts, err = loadDicts(dir); err != nil {
			return eval.PloverResult{}, err
		}
	}
	p, err := buildEval(cfg)
	if err != nil {
		return eval.PloverResult{}, err
	}
	pred := map[string]eval.PloverPrediction{}
	for _, r := range recs {
		d := r.Doc()
		if err := p.Run(ctx, d); err != nil {
			return eval.PloverResult{}, err
		}
		if pr, ok := eval.ChoosePloverEvent(d.Events); ok {
			pred[r.ID] = pr
		}
	}
	if misses {
		for _, r := range recs {
			p, ok := pred[r.ID]
			if v := eval.JudgePlover(r, p); !ok || !v.Event || !v.Source || !v.Target {
				writeMiss(env, map[string]any{"id": r.ID, "text": r.Text, "markup": r.Markup, "gold": r.Event, "verdict": v, "got": p})
			}
		}
	}
	return eval.ScorePlover(recs, pred), nil
}

// evalTimeML scores the timex stage on TimeML files (directories are read
// for their *.tml files, hidden files left out).
func evalTimeML(ctx context.Context, env Env, paths []string, misses bool) (eval.TimeMLScore, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return eval.TimeMLScore{}, parley.E("eval timeml", parley.IO, err)
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		matches, err := filepath.Glob(filepath.Join(p, "*.tml"))
		if err != nil {
			return eval.TimeMLScore{}, parley.E("eval timeml", parley.Invalid, err)
		}
		for _, m := range matches {
			if !strings.HasPrefix(filepath.Base(m), ".") {
				files = append(files, m)
			}
		}
	}
	if len(files) == 0 {
		return eval.TimeMLScore{}, parley.E("eval timeml", parley.NotFound, fmt.Errorf("no TimeML files in %s", strings.Join(paths, ", ")))
	}
	p, err := buildEval(pipeline.Config{Stages: []string{"tokenize", "segment", "postag", "lemma", "depparse", "timex"}})
	if err != nil {
		return eval.TimeMLScore{}, err
	}
	var docs []*eval.TimeMLDoc
	var preds [][]eval.TimexPrediction
	for _, name := range files {
		fh, err := os.Open(name)
		if err != nil {
			return eval.TimeMLScore{}, parley.E("eval timeml", parley.IO, err)
		}
		td, err := eval.ReadTimeML(fh, name)
		fh.Close()
		if err != nil {
			fmt.Fprintf(env.Stderr, "parley eval timeml: %v (file skipped)\n", err)
			continue
		}
		d := parley.NewDoc(td.Text)
		d.Published = td.DCT
		if err := p.Run(ctx, d); err != nil {
			return eval.TimeMLScore{}, err
		}
		var pr []eval.TimexPrediction
		for _, x := range d.Timexes {
			b := d.SpanBytes(x.Tokens)
			pr = append(pr, eval.TimexPrediction{Start: b.Start, End: b.End, Type: x.Type, Value: x.Value})
		}
		docs, preds = append(docs, td), append(preds, pr)
		if misses {
			writeTimexMisses(env, td, pr)
		}
	}
	return eval.ScoreTimeML(docs, preds), nil
}

// writeTimexMisses writes, for --misses, each gold expression without a
// prediction of its type and value overlapping it, and each prediction
// overlapping no gold expression.
func writeTimexMisses(env Env, td *eval.TimeMLDoc, pr []eval.TimexPrediction) {
	overlap := func(a, b, c, e int) bool { return a < e && c < b }
	for _, g := range td.Gold {
		var got *eval.TimexPrediction
		for k := range pr {
			if overlap(g.Start, g.End, pr[k].Start, pr[k].End) {
				got = &pr[k]
				break
			}
		}
		if got != nil && strings.EqualFold(got.Type, g.Type) && strings.EqualFold(got.Value, g.Value) {
			continue
		}
		m := map[string]any{"file": td.Name, "gold_text": td.Text[g.Start:g.End], "gold_type": g.Type, "gold_value": g.Value,
			"context": td.Text[max(0, g.Start-60):min(len(td.Text), g.End+40)]}
		if got != nil {
			m["text"], m["type"], m["value"] = td.Text[got.Start:got.End], got.Type, got.Value
		}
		writeMiss(env, m)
	}
	for _, x := range pr {
		if !slices.ContainsFunc(td.Gold, func(g eval.GoldTimex) bool { return overlap(g.Start, g.End, x.Start, x.End) }) {
			writeMiss(env, map[string]any{"file": td.Name, "text": td.Text[x.Start:x.End], "type": x.Type, "value": x.Value,
				"context": td.Text[max(0, x.Start-60):min(len(td.Text), x.End+40)], "spurious": true})
		}
	}
}

// geoResult is what eval geo prints: resolution given the gold spans,
// recognition end to end.
type geoResult struct {
	Docs                 int     `json:"docs"`
	Toponyms             int     `json:"toponyms"`
	Acc161               float64 `json:"acc161"`
	CountryAccuracy      float64 `json:"country_accuracy"`
	MeanErrorKm          float64 `json:"mean_error_km"`
	AUC                  float64 `json:"auc"`
	Guessed              int     `json:"guessed"`
	RecognitionPrecision float64 `json:"recognition_precision"`
	RecognitionRecall    float64 `json:"recognition_recall"`
	RecognitionF1        float64 `json:"recognition_f1"`
}

// evalGeo scores the geo stage on geoparsing gold files.
func evalGeo(ctx context.Context, env Env, files []string, dir string, misses bool) (geoResult, error) {
	if dir == "" {
		dir = filepath.Join(filepath.Dir(files[0]), "..", "geo")
	}
	outlines, err := eval.LoadOutlines(dir)
	if err != nil {
		return geoResult{}, fmt.Errorf("%w (set --geo DIR to the directory of countries-50m.json and world-countries.json)", err)
	}
	var docs []*eval.GeoDoc
	for _, name := range files {
		fh, err := os.Open(name)
		if err != nil {
			return geoResult{}, parley.E("eval geo", parley.IO, err)
		}
		ds, err := eval.ReadGeo(fh, name)
		fh.Close()
		if ds == nil && err != nil {
			return geoResult{}, err
		}
		if err != nil {
			n := 1
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				n = len(j.Unwrap())
			}
			fmt.Fprintf(env.Stderr, "parley eval geo: %s: %d toponyms skipped or moved to where the file's offsets point near their name (the first: %v)\n",
				name, n, firstError(err))
		}
		docs = append(docs, ds...)
	}
	outlines.SetCountries(docs)
	p, err := buildEval(pipeline.Config{Stages: []string{"tokenize", "segment", "postag", "lemma", "depparse", "ner", "timex", "geo"}})
	if err != nil {
		return geoResult{}, err
	}
	res, err := geo.Default()
	if err != nil {
		return geoResult{}, err
	}
	g := res.Gazetteer()
	alpha2 := func(a3 string) string {
		if c, ok := g.Country(a3); ok {
			return c.Alpha2
		}
		return ""
	}
	var resolved, recognised [][]eval.GeoPrediction
	guessed := 0
	for _, gd := range docs {
		d := parley.NewDoc(gd.Text)
		d.Published = gd.Published
		if err := p.Run(ctx, d); err != nil {
			return geoResult{}, err
		}
		var rec []eval.GeoPrediction
		for _, pl := range d.Places {
			b := d.SpanBytes(pl.Tokens)
			rec = append(rec, eval.GeoPrediction{Start: b.Start, End: b.End, Lat: pl.Lat, Lon: pl.Lon, Country: alpha2(pl.Country), Resolved: true})
		}
		recognised = append(recognised, rec)
		// The gold toponyms' spans, as token spans: resolved together, as
		// the document's place names (not GeoWebNews's location
		// expressions and non-toponyms, which are no place names and
		// have no coordinates to score).
		var spans []parley.Span
		var of []int // the gold toponym of each span
		for k, t := range gd.Gold {
			if t.Toponym() {
				spans, of = append(spans, tokenSpan(d, t.Start, t.End)), append(of, k)
			}
		}
		got, _ := res.Resolve(d, spans, geo.Options{Guess: true})
		places := make([]parley.Place, len(gd.Gold))
		for j, pl := range got {
			places[of[j]] = pl
		}
		var pr []eval.GeoPrediction
		for k, pl := range places {
			if pl.Name == "" {
				continue
			}
			if pl.Approximate {
				guessed++
			}
			t := gd.Gold[k]
			pr = append(pr, eval.GeoPrediction{Start: t.Start, End: t.End, Lat: pl.Lat, Lon: pl.Lon, Country: alpha2(pl.Country), Resolved: true})
		}
		if misses {
			for k, t := range gd.Gold {
				if !t.HasCoords {
					continue
				}
				pl := places[k]
				km := -1.0
				if pl.Name != "" {
					km = eval.Haversine(t.Lat, t.Lon, pl.Lat, pl.Lon)
				}
				if km >= 0 && km <= 161 && alpha2(pl.Country) == t.Country {
					continue
				}
				writeMiss(env, map[string]any{"doc": gd.Name, "name": t.Name, "gold_country": t.Country, "gold_lat": t.Lat, "gold_lon": t.Lon,
					"gold_id": t.GeoNameID, "type": t.Type, "got": pl.Name, "got_country": alpha2(pl.Country), "got_id": pl.GeoNameID,
					"km": math.Round(km), "guessed": pl.Approximate})
			}
		}
		resolved = append(resolved, pr)
	}
	a, b := eval.ScoreGeo(docs, resolved), eval.ScoreGeo(docs, recognised)
	return geoResult{Docs: a.Docs, Toponyms: a.Toponyms, Acc161: a.Acc161, CountryAccuracy: a.CountryAccuracy,
		MeanErrorKm: a.MeanErrorKm, AUC: a.AUC, Guessed: guessed,
		RecognitionPrecision: b.RecognitionPrecision, RecognitionRecall: b.RecognitionRecall, RecognitionF1: b.RecognitionF1}, nil
}

// tokenSpan returns the tokens of d that overlap the bytes [start, end).
func tokenSpan(d *parley.Doc, start, end int) parley.Span {
	s := parley.Span{Start: -1}
	for i, t := range d.Tokens {
		if t.End > start && t.Start < end {
			if s.Start < 0 {
				s.Start = i
			}
			s.End = i + 1
		}
	}
	if s.Start < 0 {
		return parley.Span{}
	}
	return s
}

// firstError returns the first of the errors err joins, or err.
func firstError(err error) error {
	if j, ok := err.(interface{ Unwrap() []error }); ok && len(j.Unwrap()) > 0 {
		return j.Unwrap()[0]
	}
	return err
}

// evalConfidence scores the event coder's confidences against the events
// judged in file, coding the judged articles of corpus.
func evalConfidence(ctx context.Context, env Env, files []string, corpus string, fit bool) (eval.ConfidenceScore, error) {
	var js []eval.Judgement
	for _, file := range files {
		fh, err := os.Open(file)
		if err != nil {
			return eval.ConfidenceScore{}, parley.E("eval confidence", parley.IO, err)
		}
		j, err := eval.ReadJudgements(fh, file)
		fh.Close()
		if err != nil {
			fmt.Fprintln(env.Stderr, err) // bad lines are skipped
		}
		js = append(js, j...)
	}
	file := strings.Join(files, ", ")
	if len(js) == 0 {
		return eval.ConfidenceScore{}, parley.E("eval confidence", parley.Invalid, fmt.Errorf("%s: no judgements", file))
	}
	byDoc := map[string][]eval.Judgement{}
	for _, j := range js {
		byDoc[j.DocID] = append(byDoc[j.DocID], j)
	}
	p, err := buildEval(pipeline.DefaultConfig())
	if err != nil {
		return eval.ConfidenceScore{}, err
	}
	var (
		conf    []float64
		verdict []int
		feats   [][]float64
		seen    = map[string]bool{}
	)
	var readErr error
	for d, err := range ingest.Read(ctx, []string{corpus}, ingest.Options{Format: ingest.FormatJSONL}) {
		if err != nil {
			if readErr == nil {
				readErr = err
			}
			fmt.Fprintln(env.Stderr, err)
			continue
		}
		todo := byDoc[d.SourceID]
		if len(todo) == 0 || seen[d.SourceID] {
			continue
		}
		seen[d.SourceID] = true
		if err := p.Run(ctx, d); err != nil {
			return eval.ConfidenceScore{}, err
		}
		for _, j := range todo {
			for k := range d.Events {
				if e := &d.Events[k]; j.Matches(d, e) {
					conf = append(conf, e.Confidence)
					verdict = append(verdict, j.Verdict)
					if fit {
						feats = append(feats, eventcode.EventFeatures(d, e))
					}
					break
				}
			}
		}
	}
	if len(seen) == 0 && readErr != nil {
		return eval.ConfidenceScore{}, parley.E("eval confidence", parley.IO, fmt.Errorf("cannot read the judged articles from %s (--corpus names the JSONL file they come from): %w", corpus, readErr))
	}
	if len(seen) == 0 {
		return eval.ConfidenceScore{}, parley.E("eval confidence", parley.Invalid, fmt.Errorf("%s has none of the articles %s judges (--corpus names the JSONL file they come from)", corpus, file))
	}
	s := eval.ScoreConfidence(conf, verdict)
	s.Judged = len(js)
	if fit {
		s.Fit = eval.FitConfidence(feats, verdict, 1)
	}
	return s, nil
}
