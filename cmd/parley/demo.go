package main

import (
	"bufio"
	"context"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/cameo"
	"github.com/parley-events/parley/conllu"
	"github.com/parley-events/parley/pipeline"
)

// demoArticle is a short news-style article written for parley (not
// real news), so the demo runs with nothing but the binary.
//
//go:embed demo/article.txt
var demoArticle string

// demoDoc returns the demo article as a Doc with its metadata.
func demoDoc() *parley.Doc {
	d := parley.NewDoc(demoArticle)
	d.SourceID = "parley-demo"
	d.Title = "Ethiopia and Egypt agree to resume talks on Nile dam"
	d.Source = "parley example"
	d.Language = "en"
	d.Published = time.Date(2026, time.March, 3, 0, 0, 0, 0, time.UTC)
	d.Origin = "demo/article.txt"
	return d
}

var cmdDemo = &command{
	name:     "demo",
	summary:  "run the pipeline over an embedded example article",
	synopsis: "parley demo [--format text|conllu|json]",
	help: `
Runs every stage of the pipeline, with the models and dictionaries built
into the binary, over a short example article written for parley, and
prints what it found: the events it coded (who did what to whom, when
and where, with the sentence and the dictionary pattern as evidence), the
deadlines set, the actors, the times resolved against the article's date,
the places resolved to GeoNames and the country the article is about,
the names, each sentence with its byte offsets and paragraph, the tokens
of one sentence, and any notes about the text. Nothing is read from disk
or the network and nothing is stored.

Use it to check an installation, or to see the layers parley computes
before running it on your own articles with "parley annotate" or
"parley ingest".

Examples:
  parley demo
  parley demo --format conllu`,
	flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) int {
		format := fs.String("format", "text", "output `FORMAT`: text, conllu or json")
		return func(ctx context.Context, env Env, args []string) int {
			p, err := pipeline.Build(pipeline.DefaultConfig())
			if err != nil {
				return report(env, "demo", err, exitFatal)
			}
			d := demoDoc()
			start := time.Now()
			if err := p.Run(ctx, d); err != nil {
				return report(env, "demo", err, exitFatal)
			}
			took := time.Since(start)
			out := bufio.NewWriter(env.Stdout)
			defer out.Flush()
			switch *format {
			case "json":
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				err = enc.Encode(d)
			case "conllu":
				err = conllu.WriteDoc(out, d)
			case "text":
				printDemo(out, d, p, took)
			default:
				return report(env, "demo", fmt.Errorf("unknown --format %q: want text, conllu or json", *format), exitUsage)
			}
			if err == nil {
				err = out.Flush()
			}
			if err != nil {
				return report(env, "demo", err, exitFatal)
			}
			return exitOK
		}
	},
}

func printDemo(w *bufio.Writer, d *parley.Doc, p *pipeline.Pipeline, took time.Duration) {
	var names []string
	for _, s := range p.Steps() {
		names = append(names, s.Name)
	}
	fmt.Fprintf(w, "parley demo: an example article written for parley (not real news)\n\n")
	fmt.Fprintf(w, "  title      %s\n  published  %s\n  source     %s\n  stages     %s (%s)\n  layers     %s\n\n",
		d.Title, d.Published.Format(time.DateOnly), d.Source, strings.Join(names, " → "), took.Round(time.Microsecond), d.Layers)
	if d.Layers.Has(parley.LayerEvents) {
		printEvents(w, d)
	}
	if len(d.Deadlines) > 0 {
		printDeadlines(w, d)
	}
	if d.Layers.Has(parley.LayerActors) {
		printActors(w, d)
	}
	if d.Layers.Has(parley.LayerTimexes) {
		printTimes(w, d)
	}
	if d.Layers.Has(parley.LayerPlaces) {
		printPlaces(w, d)
	}
	if d.Layers.Has(parley.LayerEntities) {
		printNames(w, d)
	}
	fmt.Fprintf(w, "\nSentences (byte offsets, tokens):\n")
	paras := 0
	for i, s := range d.Sentences {
		b := d.SpanBytes(s.Tokens)
		if i == 0 || s.Paragraph != d.Sentences[i-1].Paragraph {
			fmt.Fprintf(w, "¶%d\n", s.Paragraph+1)
			paras++
		}
		fmt.Fprintf(w, "  s%-2d bytes %4d-%-4d %2d tokens  %s\n", i+1, b.Start, b.End, s.Tokens.Len(), oneLine(d.Text[b.Start:b.End]))
	}
	if len(d.Sentences) > 1 {
		s := d.Sentences[1]
		fmt.Fprintf(w, "\nTokens of s2: text[start:end] UPOS/XPOS lemma, head ← relation\n")
		for i := s.Tokens.Start; i < s.Tokens.End; i++ {
			t := d.Tokens[i]
			fmt.Fprintf(w, "  %-14s %-12s %-6s", fmt.Sprintf("%s[%d:%d]", d.TokenText(i), t.Start, t.End), t.UPOS+"/"+t.XPOS, "")
			if d.Layers.Has(parley.LayerLemmas) {
				fmt.Fprintf(w, "%-12s", lemmaOf(d, i))
			}
			if d.Layers.Has(parley.LayerDeps) {
				head := "ROOT"
				if t.Head >= 0 {
					head = d.TokenText(t.Head)
				}
				fmt.Fprintf(w, " %s ← %s", head, t.DepRel)
			}
			fmt.Fprintln(w)
		}
	}
	fmt.Fprintf(w, "\n%d tokens, %d sentences, %d paragraphs, %d notes.\n", len(d.Tokens), len(d.Sentences), paras, len(d.Notes))
	for _, n := range d.Notes {
		fmt.Fprintf(w, "  note [%s] %s: %s\n", n.Stage, n.Kind, n.Message)
	}
	fmt.Fprintf(w, "Next: parley code FILE (events as JSONL, PLOVER, GDELT, CSV or Parquet), parley ingest FILE_OR_URL, then parley serve (web UI and API), parley help.\n")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func lemmaOf(d *parley.Doc, i int) string {
	if l := d.Tokens[i].Lemma; l != "" {
		return l
	}
	return d.TokenText(i)
}

// printNames lists the document's names, each once, with its type and the
// sentences it occurs in.
func printNames(w *bufio.Writer, d *parley.Doc) {
	type name struct {
		text, kind string
		sents      []string
	}
	var names []*name
	index := map[string]*name{}
	for _, e := range d.Entities {
		kind := string(e.Type)
		if e.Subtype != "" {
			kind += "/" + e.Subtype
		}
		k := d.SpanText(e.Tokens) + "\x00" + kind
		n := index[k]
		if n == nil {
			n = &name{text: oneLine(d.SpanText(e.Tokens)), kind: kind}
			index[k] = n
			names = append(names, n)
		}
		for si, s := range d.Sentences {
			if s.Tokens.Start <= e.Tokens.Start && e.Tokens.Start < s.Tokens.End {
				if sid := fmt.Sprintf("s%d", si+1); len(n.sents) == 0 || n.sents[len(n.sents)-1] != sid {
					n.sents = append(n.sents, sid)
				}
			}
		}
	}
	fmt.Fprintf(w, "\nNames (%d mentions; type/subtype, sentences):\n", len(d.Entities))
	for _, n := range names {
		fmt.Fprintf(w, "  %-36s %-10s %s\n", n.text, n.kind, strings.Join(n.sents, " "))
	}
}

// printEvents lists the coded events with their evidence: who did what to
// whom, the CAMEO code and PLOVER type, the modality, the sentence and the
// pattern that fired.
func printEvents(w *bufio.Writer, d *parley.Doc) {
	fmt.Fprintf(w, "Events (%d): source → target, CAMEO code and PLOVER type, modality, when and where, confidence; the evidence below each\n", len(d.Events))
	actor := func(ref int, code string) string {
		if ref < 0 {
			return "(none)"
		}
		return fmt.Sprintf("%s %q", code, oneLine(d.SpanText(d.Actors[ref].Tokens)))
	}
	for _, e := range d.Events {
		fmt.Fprintf(w, "  s%-2d %s → %s\n", e.Sentence+1, actor(e.SourceRef, e.Source), actor(e.TargetRef, e.Target))
		if e.Plover == "" {
			fmt.Fprintf(w, "       %s (%s; no PLOVER type), %s", e.Code, describe(e.Code), e.Mode)
		} else {
			fmt.Fprintf(w, "       %s %s (%s), %s", e.Code, e.Plover, describe(e.Code), e.Mode)
		}
		if e.ReportedByRef >= 0 {
			fmt.Fprintf(w, ", reported by %s", actor(e.ReportedByRef, e.ReportedBy))
		}
		fmt.Fprintf(w, "; %s", when(d, e))
		if e.Place >= 0 {
			fmt.Fprintf(w, " in %s", placeAt(d.Places[e.Place]))
		}
		fmt.Fprintf(w, "; confidence %.2f; trigger %q\n       pattern: %s\n       %s\n", e.Confidence, oneLine(d.SpanText(e.Trigger)), e.Pattern, oneLine(d.SentenceText(e.Sentence)))
	}
}

// when says when event e happens: its own date at its precision, or the
// article's.
func when(d *parley.Doc, e parley.Event) string {
	switch {
	case e.Date.IsZero():
		return "undated"
	case e.Precision == "":
		return "dated by the article (" + e.Date.Format(time.DateOnly) + ")"
	}
	return parley.DateText(e.Date, e.Precision)
}

// placeAt names a resolved place with its country and coordinates.
func placeAt(p parley.Place) string {
	ns, ew := 'N', 'E'
	if p.Lat < 0 {
		ns = 'S'
	}
	if p.Lon < 0 {
		ew = 'W'
	}
	return fmt.Sprintf("%s (%s, %.2f %c %.2f %c)", p.Name, p.Country, math.Abs(p.Lat), ns, math.Abs(p.Lon), ew)
}

// printDeadlines lists the time limits set in the article.
func printDeadlines(w *bufio.Writer, d *parley.Doc) {
	fmt.Fprintf(w, "\nDeadlines (%d): set by → on whom, due, the words that set it\n", len(d.Deadlines))
	for _, dl := range d.Deadlines {
		due := dl.Due.Format(time.DateOnly)
		if dl.Approximate {
			due += " (approximate: counted from the article's date)"
		}
		fmt.Fprintf(w, "  s%-2d %s → %s, due %s: %q", dl.Sentence+1, dash(dl.SetBy), dash(dl.On), due, oneLine(d.SpanText(dl.Tokens)))
		if !dl.Condition.Empty() {
			fmt.Fprintf(w, ", if %q", oneLine(d.SpanText(dl.Condition)))
		}
		fmt.Fprintln(w)
	}
}

// printTimes lists the temporal expressions with their TimeML values,
// resolved against the article's date.
func printTimes(w *bufio.Writer, d *parley.Doc) {
	fmt.Fprintf(w, "\nTimes (%d; TimeML type and value, from the article's date %s):\n", len(d.Timexes), d.Published.Format(time.DateOnly))
	for _, t := range d.Timexes {
		fmt.Fprintf(w, "  %-36s %-9s %s\n", oneLine(d.SpanText(t.Tokens)), t.Type, t.Value)
	}
}

// printPlaces lists the places named, resolved to GeoNames, and the
// country the article is about.
func printPlaces(w *bufio.Writer, d *parley.Doc) {
	fmt.Fprintf(w, "\nPlaces (%d; GeoNames id, feature, place; focus country %s):\n", len(d.Places), dash(d.Focus))
	for _, p := range d.Places {
		id := "-"
		if p.GeoNameID > 0 {
			id = strconv.Itoa(p.GeoNameID)
		}
		fmt.Fprintf(w, "  %-24s %-8s %-6s %s\n", oneLine(d.SpanText(p.Tokens)), id, p.Feature, placeAt(p))
	}
}

// describe returns the CAMEO label of an event code.
func describe(code string) string {
	if c, ok := cameo.Lookup(code); ok {
		return strings.ToLower(c.Description)
	}
	return "unknown code"
}

// printActors lists the actor mentions with their codes and what later
// mentions refer to.
func printActors(w *bufio.Writer, d *parley.Doc) {
	fmt.Fprintf(w, "\nActors (%d mentions; code, canonical name, → the mention referred to):\n", len(d.Actors))
	for k, a := range d.Actors {
		ref := ""
		if a.Ref >= 0 {
			ref = fmt.Sprintf("→ %q", oneLine(d.SpanText(d.Actors[a.Ref].Tokens)))
		}
		fmt.Fprintf(w, "  %-3d %-40s %-10s %-28s %s\n", k, oneLine(d.SpanText(a.Tokens)), a.Code, a.Name, ref)
	}
}
