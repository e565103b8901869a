// Package timex is the `timex` stage: it finds the temporal expressions of
// a document and normalises them as TIMEX3 — type DATE, TIME, DURATION or
// SET, and a TimeML value ("2025-07-23", "2025-W30", "1989-Q3", "P50D",
// "PAST_REF") — against the document's date (Doc.Published).
//
// Expressions are recognised by hand-written rules over the tokens
// (dates in words and figures, weekdays, "yesterday", "last month", "the
// third quarter", "two years ago", "22 months", "8 a.m.", "every week"),
// with the words TimeML counts as part of them ("the", "early", "almost").
// What an expression leaves open is settled as HeidelTime settles it for
// news: an unanchored weekday or month is the one before the document's
// date when its clause is in the past tense, the one after when in the
// future or present, the nearest otherwise ("on Monday" in "talks were
// held on Monday" is the previous Monday; in "talks will take place on
// Wednesday" the next Wednesday). The tense is read from the verb the
// expression hangs from in the dependency tree. Expressions relative to
// another date ("a year earlier", "the same quarter") are anchored on the
// last date the text named.
package timex

import (
	"context"
	"fmt"
	"time"

	"github.com/parley-events/parley"
)

// Tagger is the timex stage. It is safe for concurrent use.
type Tagger struct {
	now func() time.Time
}

// New returns a Tagger. now gives the date of documents that have none;
// nil means time.Now.
func New(now func() time.Time) *Tagger {
	if now == nil {
		now = time.Now
	}
	return &Tagger{now: now}
}

// Process finds and normalises the temporal expressions of d. It needs
// tokens and sentences, and uses POS tags and the dependency tree when d
// has them (for tense).
func (t *Tagger) Process(ctx context.Context, d *parley.Doc) error { return t.process(ctx, d, true) }

// process is Process; skip says the matchers are not run at words no
// expression may begin at (mayStart), which changes nothing
// (TestSkipIsExact runs them everywhere).
func (t *Tagger) process(ctx context.Context, d *parley.Doc, skip bool) error {
	dct := d.Published
	undated := dct.IsZero()
	if undated {
		dct = t.now()
	}
	dct = dct.UTC()
	f := &frame{dct: dct, ref: at(dct, gDay)}
	d.Timexes, d.Dateline = d.Timexes[:0], parley.Span{}
	var words []string
	for si, sent := range d.Sentences {
		if si%64 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		words = words[:0]
		for i := sent.Tokens.Start; i < sent.Tokens.End; i++ {
			words = append(words, word(d.TokenText(i)))
		}
		s := &scan{d: d, start: sent.Tokens.Start, end: sent.Tokens.End, words: words}
		for i := s.start; i < s.end; {
			if skip && !mayStart(words[i-s.start]) {
				i++
				continue
			}
			m, ok := s.longest(i)
			if !ok || m.end <= i {
				i++
				continue
			}
			span := parley.Span{Start: m.start, End: m.end}
			value := m.value
			if m.resolve != nil {
				f.tense = tenseOf(d, span)
				// "since March" lies behind, whatever the clause's tense.
				f.since = m.start > s.start && words[m.start-1-s.start] == "since"
				if f.since {
					f.tense = tPast
				}
				var p point
				value, p = m.resolve(f)
				if m.typ == "DATE" && p.g != gNone && !p.t.IsZero() && !m.keepRef {
					f.ref = p
				}
			}
			if value != "" {
				x := parley.Timex{Tokens: span, Type: m.typ, Value: value, Approximate: m.approx}
				d.Timexes = append(d.Timexes, x)
				if len(d.Timexes) == 1 && si <= 1 {
					if m.resolve != nil {
						_, p := m.resolve(f)
						if p2 := dateline(d, x, f, p); p2.t != p.t {
							d.Timexes[0].Value = p2.value()
						}
					}
					if undated && !d.Published.IsZero() {
						undated = false // the dateline dated it
					}
				}
			}
			i = m.end
		}
	}
	if undated {
		d.Note("timex", parley.NoteUnknown, parley.Span{}, fmt.Sprintf("no publication date: dates are resolved against %s", dct.Format(time.DateOnly)))
	}
	d.Layers |= parley.LayerTimexes
	return nil
}

// tenseOf returns the tense of the clause the expression at span belongs
// to: that of the verb it hangs from, read from the verb's tags and
// auxiliaries ("will", "would" and "going to" look ahead; "has" plus a
// participle looks back).
func tenseOf(d *parley.Doc, span parley.Span) tense {
	if d.Layers&parley.LayerDeps == 0 || len(d.Tokens) == 0 {
		return tUnknown
	}
	v := d.SpanHead(span)
	for k := 0; k < 6 && v >= 0; k++ {
		// The head of a clause: a verb, or "be" heading one ("should
		// there be no agreement by Friday").
		if u, r := d.Tokens[v].UPOS, d.Tokens[v].DepRel; u == "VERB" || u == "AUX" && r != "cop" && r != "aux" && r != "aux:pass" {
			break
		}
		v = d.Tokens[v].Head
	}
	if v < 0 {
		return tUnknown
	}
	for k := 0; k < 3; k++ {
		te, infinitive := verbTense(d, v)
		if !infinitive {
			return te
		}
		// An infinitive takes the time of the verb it completes ("plans
		// to meet on Monday" looks ahead).
		if h := d.Tokens[v].Head; h >= 0 && (d.Tokens[v].DepRel == "xcomp" || d.Tokens[v].DepRel == "advcl") {
			v = h
			continue
		}
		return tFuture
	}
	return tUnknown
}

// verbTense returns the tense verb v shows, and whether it is an
// infinitive that shows none.
func verbTense(d *parley.Doc, v int) (tense, bool) {
	past, present, perfect, modal := false, false, false, false
	for i := max(0, v-6); i < v; i++ { // auxiliaries come before their verb
		t := &d.Tokens[i]
		if t.Head != v || (t.DepRel != "aux" && t.DepRel != "aux:pass") {
			continue
		}
		l := d.Lemma(i)
		perfect = perfect || l == "have"
		switch {
		case l == "will" || l == "shall" || l == "'ll" || l == "wo":
			return tFuture, false
		case l == "would":
			return tFuture, false
		case l == "should" || l == "could" || l == "may" || l == "might" || l == "must" || l == "can":
			modal = true
		case t.XPOS == "VBD":
			past = true
		case t.XPOS == "VBZ" || t.XPOS == "VBP":
			present = true
		}
		if l == "go" && t.XPOS == "VBG" {
			return tFuture, false // "is going to meet"
		}
	}
	switch x := d.Tokens[v].XPOS; {
	case modal && perfect:
		return tPast, false // "should have met"
	case modal:
		return tFuture, false // "should there be no agreement by Friday"
	case past:
		return tPast, false
	case x == "VBD":
		return tPast, false
	case x == "VBN" && present && perfect:
		return tPast, false // "has met"; "are set for" is present
	case x == "VBG" && perfect:
		return tPast, false // "has been mediating since March": going on from the past
	case x == "VBN" && !present:
		return tPast, false // "the delegations met in Vienna" read as a participle
	case present || x == "VBZ" || x == "VBP":
		return tPresent, false
	case x == "VB":
		return tUnknown, true
	}
	return tUnknown, false
}
