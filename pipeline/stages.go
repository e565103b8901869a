package pipeline

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/actor"
	"github.com/parley-events/parley/depparse"
	"github.com/parley-events/parley/dict"
	"github.com/parley-events/parley/eventcode"
	"github.com/parley-events/parley/geo"
	"github.com/parley-events/parley/lemma"
	"github.com/parley-events/parley/ner"
	"github.com/parley-events/parley/postag"
	"github.com/parley-events/parley/segment"
	"github.com/parley-events/parley/timex"
	"github.com/parley-events/parley/tokenize"
)

// StageInfo describes one stage of the table: its name, what it does, the
// layers it requires and assigns, and how to build it from a Config.
type StageInfo struct {
	Name     string
	Doc      string
	Requires parley.Layer
	Assigns  parley.Layer
	build    func(Config) (Stage, error)
}

// stages is the one table of parley's stages, in pipeline order.
var stages = []StageInfo{
	{
		Name: "tokenize", Doc: "split text into UD-style tokens with byte offsets",
		Assigns: parley.LayerTokens,
		build:   func(Config) (Stage, error) { return tokenize.New(), nil },
	},
	{
		Name: "segment", Doc: "group tokens into sentences and paragraphs",
		Requires: parley.LayerTokens, Assigns: parley.LayerSentences,
		build: func(Config) (Stage, error) { return segment.New(), nil },
	},
	{
		Name: "postag", Doc: "Universal and Penn POS tags and UD features (averaged perceptron)",
		Requires: parley.LayerTokens | parley.LayerSentences, Assigns: parley.LayerPOS,
		build: func(Config) (Stage, error) { return postag.Default() },
	},
	{
		Name: "lemma", Doc: "UD lemmas (learned suffix rules and exceptions)",
		Requires: parley.LayerPOS, Assigns: parley.LayerLemmas,
		build: func(Config) (Stage, error) { return lemma.Default() },
	},
	{
		Name: "depparse", Doc: "UD dependency trees (arc-hybrid parser, dynamic oracle)",
		Requires: parley.LayerPOS | parley.LayerSentences, Assigns: parley.LayerDeps,
		build: func(cfg Config) (Stage, error) {
			switch m := cfg.ParserMargin; {
			case m == nil:
				return depparse.Default()
			case *m >= PerceptronAlone:
				return depparse.DefaultPerceptron()
			}
			p, err := depparse.Default()
			if err != nil {
				return nil, err
			}
			return p.WithMargin(*cfg.ParserMargin), nil
		},
	},
	{
		Name: "ner", Doc: "named entities: PER, ORG, LOC, MISC; GPE/LOC, NORP and EVENT subtypes from a gazetteer",
		Requires: parley.LayerTokens | parley.LayerSentences, Assigns: parley.LayerEntities,
		build: func(Config) (Stage, error) { return ner.Default() },
	},
	{
		Name: "timex", Doc: "temporal expressions as TIMEX3 (DATE, TIME, DURATION, SET) resolved against the document's date and the clause's tense",
		Requires: parley.LayerTokens | parley.LayerSentences | parley.LayerPOS | parley.LayerDeps, Assigns: parley.LayerTimexes,
		build: func(cfg Config) (Stage, error) { return timex.New(cfg.Now), nil },
	},
	{
		Name: "geo", Doc: "place names resolved to GeoNames (id, coordinates, country, admin1) by population, feature and the document's context; the document's focus country",
		Requires: parley.LayerTokens | parley.LayerSentences, Assigns: parley.LayerPlaces,
		build: func(Config) (Stage, error) { return geo.Default() },
	},
	{
		Name: "actor", Doc: "political actors in CAMEO codes: countries, organisations, office-holders with dated roles, agents; in-document coreference",
		Requires: parley.LayerTokens | parley.LayerSentences | parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps,
		Assigns:  parley.LayerActors,
		build: func(cfg Config) (Stage, error) {
			if cfg.Dicts != nil {
				return actor.New(actor.NewLexicon(cfg.Dicts, splitWords), cfg.Now, cfg.Actors), nil
			}
			lex, err := defaultActorLexicon()
			if err != nil {
				return nil, err
			}
			return actor.New(lex, cfg.Now, cfg.Actors), nil
		},
	},
	{
		Name: "eventcode", Doc: "CAMEO events with PLOVER type, modality and evidence, from verb patterns over the dependency tree",
		Requires: parley.LayerDeps | parley.LayerLemmas | parley.LayerActors, Assigns: parley.LayerEvents,
		build: func(cfg Config) (Stage, error) {
			set := cfg.Dicts
			if set == nil {
				var err error
				if set, err = dict.Default(); err != nil {
					return nil, err
				}
			}
			return eventcode.New(set, cfg.Coding), nil
		},
	},
}

// defaultActorLexicon compiles the embedded dictionaries once.
var defaultActorLexicon = sync.OnceValues(func() (*actor.Lexicon, error) {
	set, err := dict.Default()
	if err != nil {
		return nil, err
	}
	return actor.NewLexicon(set, splitWords), nil
})

// splitWords cuts a dictionary name into words as the tokenizer cuts text.
func splitWords(name string) []string {
	var buf [16]parley.Token // names are short: no growing from nil
	toks := tokenize.Append(buf[:0], name)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = name[t.Start:t.End]
	}
	return words
}

// Stages returns the table of available stages, in pipeline order.
func Stages() []StageInfo { return slices.Clone(stages) }

// Config selects and configures stages. The zero value means
// DefaultConfig.
type Config struct {
	// Stages names the stages to run, in order; nil means every stage in
	// the table.
	Stages []string
	// Have is the set of layers the input documents already carry, such
	// as gold tokens and sentences when scoring a tagger.
	Have parley.Layer
	// Dicts is the dictionary set the actor and event-coding stages read;
	// nil means the embedded defaults (dict.Default).
	Dicts *dict.Set
	// Actors holds the actor stage's options.
	Actors actor.Options
	// Coding holds the event coder's options.
	Coding eventcode.Config
	// Now gives the date at which actors' roles are read for documents
	// without a publication date; nil means time.Now.
	Now func() time.Time
	// ParserMargin, if set, replaces the parser's margin (the lead under
	// which its network passes a move to its perceptron;
	// depparse.DefaultMargin): 0 parses with the network alone,
	// PerceptronAlone or more with the perceptron alone, without loading
	// the network. For measuring, and for teaching the network.
	ParserMargin *float32
}

// PerceptronAlone is the parser margin from which the perceptron parses
// alone (Config.ParserMargin).
const PerceptronAlone = 1e9

// DefaultConfig returns the configuration that runs every stage with its
// embedded defaults.
func DefaultConfig() Config { return Config{} }

// Build returns the pipeline that cfg describes, or an error of Kind
// Invalid naming an unknown or misordered stage. Stages are built
// concurrently, so their models load in parallel.
func Build(cfg Config) (*Pipeline, error) {
	names := cfg.Stages
	if names == nil {
		for _, s := range stages {
			names = append(names, s.Name)
		}
	}
	var infos []StageInfo
	for _, name := range names {
		i := slices.IndexFunc(stages, func(s StageInfo) bool { return s.Name == name })
		if i < 0 {
			return nil, parley.E("pipeline.Build", parley.Invalid,
				fmt.Errorf("unknown stage %q (have %s)", name, strings.Join(stageNames(), ", ")))
		}
		infos = append(infos, stages[i])
	}
	built := make([]Stage, len(infos))
	errs := make([]error, len(infos))
	var wg sync.WaitGroup
	for i, info := range infos {
		wg.Go(func() { built[i], errs[i] = info.build(cfg) })
	}
	wg.Wait()
	var steps []Step
	for i, info := range infos {
		if err := errs[i]; err != nil {
			return nil, &parley.Error{Op: "pipeline.Build", Kind: parley.KindOf(err), Err: fmt.Errorf("stage %s: %w", info.Name, err)}
		}
		steps = append(steps, Step{Name: info.Name, Requires: info.Requires, Assigns: info.Assigns, Stage: built[i]})
	}
	return New(cfg.Have, steps...)
}

func stageNames() []string {
	var names []string
	for _, s := range stages {
		names = append(names, s.Name)
	}
	return names
}
