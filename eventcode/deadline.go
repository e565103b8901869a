package eventcode

import (
	"slices"
	"time"

	"github.com/parley-events/parley"
)

// deadlines finds the time limits of sentence s (see parley.Deadline):
//
//   - a duration within which something must happen ("should there be no
//     agreement within the next 50 days"), or a duration given ("gave
//     Moscow 50 days"): due that long after the document's date, which
//     makes it approximate, as the limit may have been set before;
//   - a date by or before which something must happen ("withdraw by
//     September 1");
//   - a deadline or ultimatum of so many days ("a 10-day deadline") or
//     that ends on a date ("the ultimatum expires on Friday").
//
// A duration or date counts only in a sentence that demands, threatens or
// sets a condition (an event of CAMEO root 10, 13 or 17, a conditional
// event) or names a deadline or an ultimatum: "prices rose within two
// days" sets no limit. The limit belongs to the event whose verb it hangs
// from, or else to the sentence's first demand or threat: its source set
// the limit on its target.
func (c *Coder) deadlines(d *parley.Doc, x *docIndex, s, firstEvent int) {
	sent := d.Sentences[s].Tokens
	events := d.Events[firstEvent:]
	cue := slices.ContainsFunc(events, func(e parley.Event) bool {
		return e.Root == "10" || e.Root == "13" || e.Root == "17" || e.Mode == parley.Conditional
	})
	named := -1 // a "deadline" or "ultimatum" noun
	for i := sent.Start; i < sent.End; i++ {
		if x.lemma[i] == "deadline" || x.lemma[i] == "ultimatum" {
			named, cue = i, true
			break
		}
	}
	dct := d.Published
	for k, t := range d.Timexes {
		if !sent.Contains(t.Tokens) {
			continue
		}
		h := d.SpanHead(t.Tokens)
		if !cue && !obliged(d, x, h) && !(x.rel[h] == "obj" && d.Tokens[h].Head >= 0 && x.lemma[d.Tokens[h].Head] == "give") {
			continue
		}
		var due time.Time
		approximate := false
		switch t.Type {
		case "DURATION":
			gov := d.Tokens[h].Head
			within := x.caseOf(h) == "within" || x.caseOf(h) == "in" && hasWord(d, x, t.Tokens, "next")
			given := x.rel[h] == "obj" && gov >= 0 && (x.lemma[gov] == "give" || x.lemma[gov] == "set" || x.lemma[gov] == "grant")
			ofDeadline := named >= 0 && (gov == named || within && d.Tokens[named].Head == gov)
			if !within && !given && !ofDeadline {
				continue
			}
			var ok bool
			if due, ok = addDuration(dct, t.Value); !ok || dct.IsZero() {
				continue
			}
			approximate = true
		case "DATE", "TIME":
			gov := d.Tokens[h].Head
			by := x.caseOf(h) == "by" || x.caseOf(h) == "before"
			ofDeadline := named >= 0 && (gov == named || gov >= 0 && d.Tokens[named].Head == gov)
			if !by && !ofDeadline {
				continue
			}
			when, precision, ok := timexDate(t.Value)
			if !ok {
				continue
			}
			due, approximate = when, precision != "day"
		default:
			continue
		}
		dl := parley.Deadline{DocID: d.ID, Sentence: s, Tokens: t.Tokens, Timex: k, Event: -1, SetByRef: -1, OnRef: -1,
			Due: due, Approximate: approximate}
		if ev := limitEvent(d, events, h); ev >= 0 {
			e := events[ev]
			dl.Event = firstEvent + ev
			dl.SetBy, dl.SetByRef, dl.On, dl.OnRef = e.Source, e.SourceRef, e.Target, e.TargetRef
			if (e.Mode == parley.Hypothetical || e.Mode == parley.Future) && e.ReportedByRef >= 0 && e.ReportedByRef != e.SourceRef {
				// "The rebels must withdraw by September 1, the UN
				// demanded": the speaker sets the limit on the one who
				// must act.
				dl.SetBy, dl.SetByRef, dl.On, dl.OnRef = e.ReportedBy, e.ReportedByRef, e.Source, e.SourceRef
			}
			dl.Condition = conditionOf(d, x, h, e.Trigger)
		}
		if dl.Condition.Empty() && t.Type == "DURATION" {
			dl.Condition = purposeOf(d, x, h)
		}
		d.Deadlines = append(d.Deadlines, dl)
	}
}

// obliged reports whether the clause token h belongs to says that
// something must be done: a verb above it with "must", "should", "have
// to", or a verb of demanding ("demanded that they withdraw by Friday").
func obliged(d *parley.Doc, x *docIndex, h int) bool {
	for a, depth := d.Tokens[h].Head, 0; a >= 0 && depth < 6; a, depth = d.Tokens[a].Head, depth+1 {
		if obligation(x, a) != "" || desireVerbs[x.lemma[a]] {
			return true
		}
	}
	return false
}

// limitEvent returns the index in events of the event a limit hanging at
// token h belongs to: the one whose trigger is h's nearest ancestor, else
// the first demand, threat or conditional event; -1 when none.
func limitEvent(d *parley.Doc, events []parley.Event, h int) int {
	for a, depth := d.Tokens[h].Head, 0; a >= 0 && depth < 8; a, depth = d.Tokens[a].Head, depth+1 {
		for k, e := range events {
			if e.Trigger.Contains(parley.Span{Start: a, End: a + 1}) && e.SourceRef >= 0 {
				return k
			}
		}
	}
	for k, e := range events {
		if e.Root == "10" || e.Root == "13" || e.Root == "17" || e.Mode == parley.Conditional {
			return k
		}
	}
	return -1
}

// purposeOf returns the infinitive that says what a given time is for
// ("gave Moscow 50 days to agree to a ceasefire or face sanctions": "to
// agree … sanctions"), hanging from the duration at h or from the verb
// that gives it; empty when none.
func purposeOf(d *parley.Doc, x *docIndex, h int) parley.Span {
	for _, a := range []int{h, d.Tokens[h].Head} {
		if a < 0 {
			continue
		}
		for _, k := range x.children[a] {
			if r := x.rel[k]; (r == "acl" || r == "xcomp" || r == "advcl") && k > h && hasChild(x, k, "to") {
				return subtree(d, x, k)
			}
		}
	}
	return parley.Span{}
}

// hasChild reports whether token i has a child whose lower-cased word is w.
func hasChild(x *docIndex, i int, w string) bool {
	for _, k := range x.children[i] {
		if x.lower[k] == w {
			return true
		}
	}
	return false
}

// subtree returns the span of token i and its descendants, punctuation
// left out.
func subtree(d *parley.Doc, x *docIndex, i int) parley.Span {
	span := parley.Span{Start: i, End: i + 1}
	var walk func(i int)
	walk = func(i int) {
		span.Start, span.End = min(span.Start, i), max(span.End, i+1)
		for _, k := range x.children[i] {
			if x.rel[k] != "punct" {
				walk(k)
			}
		}
	}
	walk(i)
	return span
}

// conditionOf returns the clause holding token h that states a condition
// ("should there be no agreement within 50 days", "if …"), below the
// trigger's verb: its span; empty when none.
func conditionOf(d *parley.Doc, x *docIndex, h int, trigger parley.Span) parley.Span {
	for a, depth := h, 0; a >= 0 && depth < 10 && !trigger.Contains(parley.Span{Start: a, End: a + 1}); a, depth = d.Tokens[a].Head, depth+1 {
		if (x.rel[a] == "advcl" || x.rel[a] == "acl" || x.rel[a] == "ccomp") && condition(d, x, a) {
			return subtree(d, x, a)
		}
	}
	return parley.Span{}
}

// hasWord reports whether the lower-cased word w is among the tokens of
// span.
func hasWord(d *parley.Doc, x *docIndex, span parley.Span, w string) bool {
	for i := span.Start; i < span.End; i++ {
		if x.lower[i] == w {
			return true
		}
	}
	return false
}

// addDuration returns t plus a TimeML duration ("P50D", "P2W", "P3M",
// "P1Y", "PT48H"); ok is false for vague ("PXD") or unknown values.
func addDuration(t time.Time, v string) (time.Time, bool) {
	if len(v) < 3 || v[0] != 'P' {
		return time.Time{}, false
	}
	hours := v[1] == 'T'
	body := v[1:]
	if hours {
		body = v[2:]
	}
	n := 0
	for _, c := range body[:len(body)-1] {
		if c < '0' || c > '9' {
			return time.Time{}, false
		}
		n = 10*n + int(c-'0')
	}
	switch u := body[len(body)-1]; {
	case hours && u == 'H':
		return t.Add(time.Duration(n) * time.Hour), true
	case hours:
		return time.Time{}, false
	case u == 'D':
		return t.AddDate(0, 0, n), true
	case u == 'W':
		return t.AddDate(0, 0, 7*n), true
	case u == 'M':
		return t.AddDate(0, n, 0), true
	case u == 'Y':
		return t.AddDate(n, 0, 0), true
	}
	return time.Time{}, false
}
