package timex

import (
	"fmt"
	"time"
	"unicode"

	"github.com/parley-events/parley"
)

// dateline reads the dateline at the start of d (after its headline, if
// it has one) — "KYIV, July 21
// (Reuters) -", "GENEVA, Switzerland, March 3 -", "BEIJING, Jan. 5
// (Xinhua) --" — given the first expression the stage found: the place
// (words in capitals, or in title case when a news agency in brackets
// follows the date), a comma, an optional region and comma, the date,
// an optional agency in brackets, and a dash. It sets Doc.Dateline to the
// place. A document without a date takes the dateline's; one whose date
// is more than two days from it gets a note.
//
// It returns the dateline's date as read: for an undated document, the
// latest such day up to now.
func dateline(d *parley.Doc, first parley.Timex, f *frame, resolved point) point {
	// The dateline opens the first sentence, or the second after a
	// headline.
	start := -1
	for s := 0; s < len(d.Sentences) && s < 2; s++ {
		if d.Sentences[s].Tokens.Contains(first.Tokens) {
			start = d.Sentences[s].Tokens.Start
		}
	}
	if start < 0 {
		return resolved
	}
	// The place: words before the first comma.
	comma := -1
	for i := start; i < first.Tokens.Start && i < start+12; i++ {
		if d.TokenText(i) == "," {
			comma = i
			break
		}
	}
	if comma <= start {
		return resolved
	}
	upper := true
	for i := start; i < comma; i++ {
		for _, r := range d.TokenText(i) {
			if unicode.IsLetter(r) && !unicode.IsUpper(r) {
				upper = false
			}
		}
	}
	// After the date: "(Agency)" then a dash.
	j := first.Tokens.End
	agency := false
	if j < len(d.Tokens) && d.TokenText(j) == "(" {
		for k := j + 1; k < len(d.Tokens) && k < j+5; k++ {
			if d.TokenText(k) == ")" {
				agency, j = true, k+1
				break
			}
		}
	}
	if j >= len(d.Tokens) {
		return resolved
	}
	switch d.TokenText(j) {
	case "-", "--", "---", "—", "–", ":":
	default:
		return resolved
	}
	// Between the place and the date: at most a region and a comma.
	if first.Tokens.Start-comma > 4 || !upper && !agency {
		return resolved
	}
	d.Dateline = parley.Span{Start: start, End: comma}
	if resolved.g != gDay {
		return resolved
	}
	if d.Published.IsZero() {
		// An undated article is published on or after its dateline:
		// the latest such day up to now, and the rest of the document
		// is read against it.
		if resolved.t.After(f.dct) {
			resolved.t = resolved.t.AddDate(-1, 0, 0)
		}
		d.Published = resolved.t
		f.dct, f.ref = resolved.t, at(resolved.t, gDay)
		d.Note("timex", parley.NoteUnknown, d.SpanBytes(first.Tokens), fmt.Sprintf("no publication date: the dateline's %s is taken", resolved.t.Format(time.DateOnly)))
		return resolved
	}
	if gap := d.Published.Sub(resolved.t); gap > 72*time.Hour || gap < -48*time.Hour {
		d.Note("timex", parley.NoteAmbiguous, d.SpanBytes(first.Tokens),
			fmt.Sprintf("the dateline says %s, the publication date %s", resolved.t.Format(time.DateOnly), d.Published.Format(time.DateOnly)))
	}
	return resolved
}
