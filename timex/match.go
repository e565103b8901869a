package timex

import (
	"fmt"
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// frame is what resolving an expression needs: the document's date, the
// tense of its clause, and the last date the text named (the reference
// of "a year earlier", "the same quarter").
type frame struct {
	dct   time.Time
	tense tense
	since bool // the expression follows "since": it lies behind the DCT
	ref   point
}

// found is an expression found in the text: its tokens, its TIMEX3
// type, and how to compute its value. A value that needs no anchor is in
// value; otherwise resolve computes it and, for a date, the point.
type found struct {
	start, end int
	typ        string
	value      string
	resolve    func(f *frame) (string, point)
	approx     bool
	// keepRef: a comparison ("a year earlier") does not move the
	// reference that later expressions are anchored on.
	keepRef bool
}

// scan holds the words of one sentence.
type scan struct {
	d          *parley.Doc
	start, end int
	words      []string // word() of each token of the sentence
}

// w returns the word at document token i, or "" outside the sentence.
func (s *scan) w(i int) string {
	if i < s.start || i >= s.end {
		return ""
	}
	return s.words[i-s.start]
}

// text returns the token text at i, or "" outside the sentence.
func (s *scan) text(i int) string {
	if i < s.start || i >= s.end {
		return ""
	}
	return s.d.TokenText(i)
}

// number reads a count at token i: digits, a number word, "a"/"an"; n is
// -1 for a vague count ("several", "a few", "a couple of"). It returns
// the tokens read.
func (s *scan) number(i int) (n, read int) {
	w := s.w(i)
	if vague[w] {
		return -1, 1
	}
	if w == "couple" && s.w(i+1) == "of" {
		return 2, 2
	}
	if (w == "a" || w == "the") && s.w(i+1) == "couple" {
		if s.w(i+2) == "of" {
			return 2, 3
		}
		return 2, 2
	}
	if (w == "a" || w == "the") && s.w(i+1) == "few" {
		return -1, 2
	}
	if v, ok := atoi(strings.ReplaceAll(w, ",", "")); ok && v > 0 && v < 10000 {
		return v, 1
	}
	if v, ok := numbers[w]; ok {
		// "twenty - five"
		if v >= 20 && v < 100 && s.w(i+1) == "-" {
			if u, ok := numbers[s.w(i+2)]; ok && u < 10 {
				return v + u, 3
			}
		}
		if v >= 20 && v < 100 && v%10 == 0 {
			if u, ok := numbers[s.w(i+1)]; ok && u < 10 && s.w(i+1) != "a" && s.w(i+1) != "an" {
				return v + u, 2 // "twenty four"
			}
		}
		return v, 1
	}
	if w == "half" {
		return 0, 0
	}
	return 0, 0
}

// unitAt returns the unit at token i, also written with a hyphen after a
// number ("two - week"): read counts the hyphen.
func (s *scan) unitAt(i int) (u unit, read int) {
	if s.w(i) == "-" {
		if u := units[s.w(i+1)]; u != uNone {
			return u, 2
		}
		return uNone, 0
	}
	return units[s.w(i)], 1
}

// year reads a year at token i: "1988", "'89" (with the DCT's century).
func (s *scan) year(i int) (int, bool) {
	w := s.w(i)
	if len(w) == 4 {
		if y, ok := atoi(w); ok && y >= 1000 && y <= 2199 {
			return y, true
		}
	}
	if len(w) == 3 && w[0] == '\'' {
		if y, ok := atoi(w[1:]); ok {
			return -y - 1, true // resolved against the DCT
		}
	}
	return 0, false
}

// fullYear resolves a two-digit year y (-1-yy from year) against dct.
func fullYear(y int, dct time.Time) int {
	if y >= 0 {
		return y
	}
	yy := -y - 1
	c := dct.Year() / 100 * 100
	if c+yy > dct.Year()+20 {
		return c - 100 + yy
	}
	return c + yy
}

// longest returns the longest expression starting at token i, with the
// words before it that TimeML includes ("the", "early", "almost").
func (s *scan) longest(i int) (found, bool) {
	best, ok := s.core(i)
	// Leading words: up to two ("the early", "almost the").
	for k, j := 0, i; k < 3 && j < s.end; k++ {
		w := s.w(j)
		lead := leading[w] || (w == "more" || w == "less") && s.w(j+1) == "than" || w == "at" && s.w(j+1) == "least"
		if w == "over" || w == "some" || w == "about" || w == "around" {
			_, read := s.number(j + 1)
			lead = read > 0 // "over two years", not "over the weekend"
		}
		if !lead {
			break
		}
		if w == "more" || w == "less" || w == "at" {
			j++
		}
		j++
		if s.w(j) == "-" && (w == "mid" || w == "early" || w == "late") {
			j++ // "mid - 1990s"
		}
		if f, fok := s.core(j); fok && (!ok || f.end > best.end) && !(w == "the" && strings.HasSuffix(f.value, "_REF")) {
			f.start = i
			best, ok = f, true
			if w == "mid" || w == "early" || w == "late" || w == "earlier" || w == "later" {
				best.approx = true
			}
		}
	}
	return best, ok
}

// core returns the longest expression starting exactly at token i.
func (s *scan) core(i int) (found, bool) {
	var best found
	ok := false
	for _, m := range matchers {
		if f, fok := m(s, i); fok && (!ok || f.end > best.end) {
			best, ok = f, true
		}
	}
	if ok {
		best.start = i
		best = s.trailing(best)
	}
	return best, ok
}

// matchers recognise expressions at a token.
var matchers = []func(s *scan, i int) (found, bool){
	(*scan).numericDate, (*scan).monthDate, (*scan).weekday, (*scan).dayWord, (*scan).ref,
	(*scan).relative, (*scan).ordinalPart, (*scan).yearLike, (*scan).duration, (*scan).clock, (*scan).set,
}

// fixed returns an expression with a fixed value.
func fixed(end int, typ, value string) (found, bool) {
	return found{end: end, typ: typ, value: value}, true
}

// date returns a DATE resolved by r.
func date(end int, r func(f *frame) point) (found, bool) {
	return found{end: end, typ: "DATE", resolve: func(f *frame) (string, point) { p := r(f); return p.value(), p }}, true
}

// numericDate: "10/30/89", "02/27/1998", "1998-02-27".
func (s *scan) numericDate(i int) (found, bool) {
	w := s.w(i)
	var y, m, d int
	switch {
	case strings.Count(w, "/") == 2:
		p := strings.Split(w, "/")
		mm, ok1 := atoi(p[0])
		dd, ok2 := atoi(p[1])
		yy, ok3 := atoi(p[2])
		if !ok1 || !ok2 || !ok3 || (len(p[2]) != 2 && len(p[2]) != 4) {
			return found{}, false
		}
		m, d, y = mm, dd, yy
		if len(p[2]) == 2 {
			y = -yy - 1
		}
	case len(w) == 10 && w[4] == '-' && w[7] == '-':
		yy, ok1 := atoi(w[:4])
		mm, ok2 := atoi(w[5:7])
		dd, ok3 := atoi(w[8:])
		if !ok1 || !ok2 || !ok3 {
			return found{}, false
		}
		y, m, d = yy, mm, dd
	default:
		return found{}, false
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return found{}, false
	}
	end := i + 1
	// A time after it: "02/27/1998 08:02:00".
	if h, mi, ok := hhmm(s.w(end)); ok {
		return found{end: end + 1, typ: "TIME", resolve: func(f *frame) (string, point) {
			t := time.Date(fullYear(y, f.dct), time.Month(m), d, h, mi, 0, 0, time.UTC)
			p := point{t: t, g: gMinute}
			if strings.Count(s.w(end), ":") == 2 {
				return t.Format("2006-01-02T15:04:05"), p
			}
			return p.value(), p
		}}, true
	}
	return date(end, func(f *frame) point {
		return point{t: time.Date(fullYear(y, f.dct), time.Month(m), d, 0, 0, 0, 0, time.UTC), g: gDay}
	})
}

// hhmm reads "08:02" or "08:02:00".
func hhmm(w string) (h, m int, ok bool) {
	p := strings.Split(w, ":")
	if len(p) < 2 || len(p) > 3 {
		return 0, 0, false
	}
	h, ok1 := atoi(p[0])
	m, ok2 := atoi(p[1])
	if !ok1 || !ok2 || h > 24 || m > 59 || len(p[1]) != 2 {
		return 0, 0, false
	}
	return h, m, true
}

// dayOfMonth reads "13", "13th".
func dayOfMonth(w string) (int, bool) {
	w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "th"), "st"), "nd"), "rd")
	if d, ok := atoi(w); ok && d >= 1 && d <= 31 {
		return d, true
	}
	return 0, false
}

// monthDate: "March 15, 2007", "15 March 2007", "March 2007", "Oct. 13",
// "mid-November", "last May", "July last year", "May of 1988", and
// "March" alone (in the year the clause's tense points to).
func (s *scan) monthDate(i int) (found, bool) {
	day, end := 0, i
	yearOff, hasYearOff := 0, false // "last May", "July last year"
	modifier := ""                  // last, this, next before the month
	switch s.w(i) {
	case "last", "this", "next", "coming":
		if months[monthWord(s.w(i+1))] > 0 {
			modifier, end = s.w(i), i+1
		}
	}
	if d, ok := dayOfMonth(s.w(end)); ok && months[monthWord(s.w(end+1))] > 0 {
		day, end = d, end+1
		if s.w(end) == "of" {
			end++
		}
	} else if s.w(end) == "the" {
		return found{}, false
	}
	mw := s.w(end)
	m := months[monthWord(mw)]
	if m == 0 {
		return found{}, false
	}
	approx := mw != monthWord(mw) // "mid-november"
	// "May" and "march" are also words: a capital letter, and not the
	// modal "May I…".
	_, dayAfter := dayOfMonth(s.w(end + 1))
	if t := s.text(end); t == "" || t[0] < 'A' || t[0] > 'Z' && !approx || s.w(end) == "may" && day == 0 && modifier == "" && !dayAfter && !s.dateAround(end) {
		return found{}, false
	}
	end++
	if day == 0 {
		if d, ok := dayOfMonth(s.w(end)); ok {
			day, end = d, end+1
		}
	}
	if s.w(end) == "," {
		if _, ok := s.year(end + 1); ok {
			end++
		}
	}
	if s.w(end) == "of" {
		if _, ok := s.year(end + 1); ok {
			end++
		} else if off, ok := yearWord(s.w(end+1), s.w(end+2)); ok {
			yearOff, hasYearOff, end = off, true, end+3
		}
	}
	y, hasYear := s.year(end)
	if hasYear {
		end++
	} else if y2, read := s.spelledYear(end); read > 0 {
		y, hasYear, end = y2, true, end+read
	} else if off, ok := yearWord(s.w(end), s.w(end+1)); ok && !hasYearOff {
		yearOff, hasYearOff, end = off, true, end+2
	}
	f, ok := date(end, func(f *frame) point {
		g := gMonth
		if day > 0 {
			g = gDay
		}
		var year int
		switch {
		case hasYear:
			year = fullYear(y, f.dct)
		case hasYearOff:
			year = f.dct.Year() + yearOff
		case modifier == "last":
			// "last May": the May of last year unless May is earlier
			// in this year than the document's month.
			year = f.dct.Year()
			if m >= int(f.dct.Month()) {
				year--
			}
		case modifier == "next" || modifier == "coming":
			year = f.dct.Year()
			if m <= int(f.dct.Month()) {
				year++
			}
		case modifier == "this":
			year = f.dct.Year()
		case f.since:
			// "since May": the last May up to the DCT, however near the
			// next one is.
			year = f.dct.Year()
			if time.Date(year, time.Month(m), max(day, 1), 0, 0, 0, 0, time.UTC).After(f.dct) {
				year--
			}
		default:
			year = chooseYear(f.dct, f.tense, m, day)
		}
		return point{t: time.Date(year, time.Month(m), max(day, 1), 0, 0, 0, 0, time.UTC), g: g}
	})
	f.approx = approx
	return f, ok
}

// monthWord strips "mid-", "early-" and "late-" from a month's name.
func monthWord(w string) string {
	for _, p := range []string{"mid-", "early-", "late-", "end-"} {
		if strings.HasPrefix(w, p) {
			return w[len(p):]
		}
	}
	return w
}

// yearWord reads "last year", "this year", "next year" as a year's offset
// from the DCT's.
func yearWord(a, b string) (int, bool) {
	if b != "year" {
		return 0, false
	}
	switch a {
	case "last", "previous":
		return -1, true
	case "this":
		return 0, true
	case "next":
		return 1, true
	}
	return 0, false
}

// chooseYear returns the year of month m (and day, when not 0) that the
// clause means: the last one up to the DCT for the past tense, the next
// one from it for the future, the nearest otherwise — the present tense
// included, which news uses of both ("properties worth $130 million in
// October are worth half that now", written in January); but a
// date within a week of the DCT (or in its month) is taken whatever the
// tense ("the offer expires Nov. 6" written on Nov. 2 in the past tense
// of a report).
func chooseYear(dct time.Time, te tense, m, day int) int {
	dct = time.Date(dct.Year(), dct.Month(), dct.Day(), 0, 0, 0, 0, time.UTC)
	var before, after time.Time
	for y := dct.Year() - 1; y <= dct.Year()+1; y++ {
		c := time.Date(y, time.Month(m), max(day, 1), 0, 0, 0, 0, time.UTC)
		if day == 0 && c.Year() == dct.Year() && c.Month() == dct.Month() {
			return y // the DCT's own month
		}
		if !c.After(dct) {
			before = c
		} else if after.IsZero() {
			after = c
		}
	}
	near := func(c time.Time) bool {
		d := c.Sub(dct)
		if d < 0 {
			d = -d
		}
		if day == 0 {
			return d <= 31*24*time.Hour
		}
		return d <= 7*24*time.Hour
	}
	if day > 0 && (near(before) || near(after) || dct.Sub(before) < 120*24*time.Hour || after.Sub(dct) < 120*24*time.Hour) {
		// A day within four months of the DCT is the nearest one,
		// whatever the tense ("extended the offer to Nov. 20").
		if dct.Sub(before) <= after.Sub(dct) {
			return before.Year()
		}
		return after.Year()
	}
	switch {
	case te == tPast && near(after), te == tFuture && !near(before):
		return after.Year()
	case te == tPast, te == tFuture:
		return before.Year()
	}
	if dct.Sub(before) <= after.Sub(dct) {
		return before.Year()
	}
	return after.Year()
}

// dateAround reports whether the words near token i make it a date: a
// preposition before it ("in May", "since May").
func (s *scan) dateAround(i int) bool {
	switch s.w(i - 1) {
	case "in", "since", "until", "till", "by", "from", "to", "through", "early", "late", "mid", "last", "next", "this", "of":
		return true
	}
	_, ok := s.year(i + 1)
	return ok
}

// weekday: "Friday", "last Friday", "Friday night", "Friday, Feb. 27".
func (s *scan) weekday(i int) (found, bool) {
	off, end := 0, i
	switch s.w(i) {
	case "last", "past", "previous":
		off, end = -1, i+1
	case "next", "coming":
		off, end = 1, i+1
	case "this":
		off, end = 2, i+1 // this week's
	}
	wd, ok := weekdays[s.w(end)]
	if !ok {
		return found{}, false
	}
	if t := s.text(end); t == "" || t[0] < 'A' || t[0] > 'Z' {
		return found{}, false
	}
	end++
	// "Friday, Feb. 27": the date says which.
	if s.w(end) == "," && months[s.w(end+1)] > 0 {
		if f, ok := s.monthDate(end + 1); ok {
			f.start = i
			return f, true
		}
	}
	part := ""
	if p, ok := parts[s.w(end)]; ok {
		part, end = p, end+1
	}
	typ := "DATE"
	if part != "" {
		typ = "TIME"
	}
	return found{end: end, typ: typ, resolve: func(f *frame) (string, point) {
		dct := f.dct
		var t time.Time
		switch off {
		case -1:
			t = nearest(dct.AddDate(0, 0, -1), tPast, weekdayCand(dct.AddDate(0, 0, -1), wd))
		case 1:
			t = nearest(dct.AddDate(0, 0, 1), tFuture, weekdayCand(dct.AddDate(0, 0, 1), wd))
		case 2:
			mon := at(dct, gWeek).t
			t = mon.AddDate(0, 0, (wd+6)%7)
		default:
			t = nearest(dct, f.tense, weekdayCand(dct, wd))
		}
		p := point{t: t, g: gDay, part: part}
		return p.value(), p
	}}, true
}

// weekdayCand returns the weekday wd of the week of t, k weeks on.
func weekdayCand(t time.Time, wd int) func(k int) time.Time {
	return func(k int) time.Time {
		return t.AddDate(0, 0, 7*k+wd-int(t.Weekday()))
	}
}

// dayWord: "today", "yesterday", "tomorrow", "tonight", "last night",
// "this morning", "yesterday afternoon".
func (s *scan) dayWord(i int) (found, bool) {
	off, end, part := 0, i+1, ""
	// "mid-afternoon yesterday", "early morning today".
	if p, ok := parts[strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(s.w(i), "mid-"), "early-"), "late-")]; ok {
		if f, ok := s.dayWord(i + 1); ok && f.typ == "DATE" {
			f.typ = "TIME"
			r := f.resolve
			f.resolve = func(fr *frame) (string, point) {
				_, pt := r(fr)
				pt.part = p
				return pt.value(), pt
			}
			return f, true
		}
	}
	switch w := s.w(i); w {
	case "today":
	case "yesterday":
		off = -1
	case "tomorrow":
		off = 1
	case "tonight":
		part = "NI"
	case "this":
		p, ok := parts[s.w(i+1)]
		if !ok {
			return found{}, false
		}
		part, end = p, i+2
	case "last":
		if s.w(i+1) != "night" {
			return found{}, false
		}
		off, part, end = -1, "NI", i+2
	default:
		return found{}, false
	}
	if part == "" {
		if p, ok := parts[s.w(end)]; ok {
			part, end = p, end+1
		}
	}
	typ := "DATE"
	if part != "" {
		typ = "TIME"
	}
	return found{end: end, typ: typ, resolve: func(f *frame) (string, point) {
		p := point{t: at(f.dct, gDay).t.AddDate(0, 0, off), g: gDay, part: part}
		return p.value(), p
	}}, true
}

// ref: "now", "currently", "recently", "soon", "the past", "the future".
func (s *scan) ref(i int) (found, bool) {
	w := s.w(i)
	if w == "recent" {
		// "recent years" is the past; "recent weeks" some weeks.
		if u := units[s.w(i+1)]; u != uNone && strings.HasSuffix(s.w(i+1), "s") {
			if u == uYear || u == uDecade {
				return fixed(i+2, "DATE", "PAST_REF")
			}
			return fixed(i+2, "DURATION", durationValue(-1, u))
		}
	}
	if v := refs[w]; v != "" {
		return fixed(i+1, "DATE", v)
	}
	switch w {
	case "future":
		return fixed(i+1, "DATE", "FUTURE_REF")
	case "past":
		if s.w(i-1) == "the" && units[s.w(i+1)] == uNone {
			if n, _ := s.number(i + 1); n == 0 {
				return fixed(i+1, "DATE", "PAST_REF")
			}
		}
	case "present":
		if s.w(i-1) == "the" || s.w(i-1) == "at" {
			return fixed(i+1, "DATE", "PRESENT_REF")
		}
	}
	return found{}, false
}

// relative: "this year", "last month", "next week", "the coming year",
// "the same period", "the year-earlier quarter", "that year", "the
// current quarter", "the week".
func (s *scan) relative(i int) (found, bool) {
	w := s.w(i)
	off, anaphoric, end := 0, false, i+1
	switch w {
	case "this", "present", "current":
	case "these":
		if s.w(i+1) == "days" {
			return fixed(i+2, "DATE", "PRESENT_REF")
		}
		return found{}, false
	case "the":
		// "the near term", "the short term": the future.
		if (s.w(i+1) == "near" || s.w(i+1) == "short") && s.w(i+2) == "term" {
			return fixed(i+3, "DATE", "FUTURE_REF")
		}
		// "the full year", "the fiscal year", "the latest fiscal year".
		k := i + 1
		for s.w(k) == "full" || s.w(k) == "fiscal" || s.w(k) == "latest" || s.w(k) == "entire" || s.w(k) == "whole" {
			k++
		}
		// "the quarter", "the latest quarter", "the period": the quarter
		// the text speaks of.
		if s.w(k) == "quarter" || s.w(k) == "period" && k > i+1 {
			return date(k+1, func(f *frame) point { return lastQuarter(f) })
		}
		// "the weekend", "the week", "the year": the one of the
		// clause's time, nearest the document's date.
		u := units[s.w(k)]
		if u != uWeekend && u != uWeek && u != uYear && u != uMonth {
			return found{}, false
		}
		if k > i+1 && u != uYear {
			return found{}, false
		}
		return date(k+1, func(f *frame) point {
			g := granOf(u)
			cur := at(f.dct, g)
			if u == uWeekend {
				sat := at(f.dct, gWeek).t.AddDate(0, 0, 5)
				t := nearest(f.dct, f.tense, func(k int) time.Time { return sat.AddDate(0, 0, 7*k) })
				return at(t, gWeekend)
			}
			if f.ref.g == g {
				return f.ref
			}
			return cur
		})
	case "last", "past":
		off = -1
	case "previous", "preceding", "prior":
		// "the previous year" is the year before the one the text
		// speaks of.
		off, anaphoric = -1, s.w(i-1) == "the"
	case "next", "coming":
		off = 1
	case "following", "subsequent":
		off, anaphoric = 1, s.w(i-1) == "the"
	case "that", "same":
		anaphoric = true
	case "year":
		// "year - end", "year 's end": the end of the year of the text.
		if s.w(i+1) == "-" && s.w(i+2) == "end" || s.w(i+1) == "end" {
			n := i + 3
			if s.w(i+1) == "end" {
				n = i + 2
			}
			return date(n, func(f *frame) point { return at(f.dct, gYear) })
		}
		if s.w(i+1) == "'s" && s.w(i+2) == "end" {
			return date(i+3, func(f *frame) point { return at(f.dct, gYear) })
		}
		// "year - earlier", "year - ago" + unit.
		if s.w(i+1) == "-" && (s.w(i+2) == "earlier" || s.w(i+2) == "ago") {
			u := units[s.w(i+3)]
			if s.w(i+3) == "period" || s.w(i+3) == "level" {
				u = uQuarter
			}
			end := i + 3
			if u != uNone {
				end = i + 4
			}
			fd, ok := date(end, func(f *frame) point { return f.ref.shift(-yearsIn(f.ref.g)) })
			fd.keepRef = true
			return fd, ok
		}
		return found{}, false
	case "latest", "recent":
		if s.w(i+1) == "quarter" || s.w(i+1) == "period" {
			return date(i+2, func(f *frame) point { return lastQuarter(f) })
		}
		return found{}, false
	default:
		return found{}, false
	}
	if s.w(end) == "fiscal" {
		end++
	}
	u := units[s.w(end)]
	// "last night" is a dayWord; "this morning" too.
	if u == uNone || u == uSecond || u == uMinute || u == uHour {
		if season, ok := seasons[s.w(end)]; ok && (w == "this" || w == "last" || w == "next" || w == "that" || w == "past" || w == "coming") {
			return date(end+1, func(f *frame) point {
				p := point{t: at(f.dct, gYear).t, g: gSeason, season: season}
				y := f.dct.Year()
				switch {
				case off == 0 && !anaphoric:
				case anaphoric:
					y = f.ref.t.Year()
				default:
					y += off
				}
				p.t = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
				return p
			})
		}
		return found{}, false
	}
	// "coming weeks" is the future, "past years" the past; other plurals
	// after "past", "last", "next" are durations ("the past two years").
	if strings.HasSuffix(s.w(end), "s") && u != uNone {
		switch {
		case w == "coming" && s.w(i-1) != "the":
			return fixed(end+1, "DATE", "FUTURE_REF")
		case w == "past" && s.w(i-1) != "the":
			return fixed(end+1, "DATE", "PAST_REF")
		}
		return found{}, false
	}
	end++
	// "the past year" and "the last year" are years up to now: P1Y.
	if (w == "past" || w == "last") && s.w(i-1) == "the" && u != uWeekend {
		return fixed(end, "DURATION", durationValue(1, u))
	}
	fd, ok := date(end, func(f *frame) point {
		if anaphoric {
			return at(f.ref.t, granOf(u)).shift(off)
		}
		if w == "last" && u == uYear && (f.ref.g == gQuarter || f.ref.g == gHalf) && near(f.ref, f.dct) && f.ref.t.Year() == f.dct.Year() {
			// "earnings of $33 million last year" beside this year's
			// quarter: that quarter last year.
			return f.ref.shift(-yearsIn(f.ref.g))
		}
		return at(f.dct, granOf(u)).shift(off)
	})
	fd.keepRef = anaphoric || w == "last" && u == uYear
	return fd, ok
}

// yearsIn returns how many points of granularity g make a year.
func yearsIn(g gran) int {
	switch g {
	case gDay:
		return 365
	case gWeek, gWeekend:
		return 52
	case gMonth:
		return 12
	case gQuarter:
		return 4
	case gHalf:
		return 2
	}
	return 1
}

// lastQuarter returns the quarter the text last named, or the last
// quarter ended before the DCT.
func lastQuarter(f *frame) point {
	if f.ref.g == gQuarter {
		return f.ref
	}
	return at(f.dct, gQuarter).shift(-1)
}

// ordinalPart: "the third quarter", "third - quarter", "the first half of
// 1990", "this year's third quarter", "the fiscal first quarter".
func (s *scan) ordinalPart(i int) (found, bool) {
	yearOff, hasYearOff, end := 0, false, i
	// "this year 's", "next year 's"
	switch s.w(i) {
	case "this", "last", "next":
		if s.w(i+1) == "year" && s.w(i+2) == "'s" {
			hasYearOff, end = true, i+3
			if s.w(i) == "last" {
				yearOff = -1
			} else if s.w(i) == "next" {
				yearOff = 1
			}
		}
	}
	if s.w(end) == "fiscal" {
		end++
	}
	n, ok := ordinals[s.w(end)]
	if !ok {
		return found{}, false
	}
	end++
	if s.w(end) == "-" {
		end++
	}
	g := gNone
	switch s.w(end) {
	case "quarter":
		g = gQuarter
	case "half":
		g = gHalf
	default:
		return found{}, false
	}
	if g == gQuarter && n > 4 || g == gHalf && n > 2 {
		return found{}, false
	}
	end++
	y, hasYear := 0, false
	if s.w(end) == "of" {
		if yy, ok := s.year(end + 1); ok {
			y, hasYear, end = yy, true, end+2
		}
	} else if yy, ok := s.year(end); ok {
		y, hasYear, end = yy, true, end+1
	}
	return date(end, func(f *frame) point {
		var year int
		switch {
		case hasYear:
			year = fullYear(y, f.dct)
		case hasYearOff:
			year = f.dct.Year() + yearOff
		default:
			// The latest such quarter begun by the DCT (a report on the
			// third quarter comes after it); in the future tense, the
			// next one not yet begun.
			start := time.Date(f.dct.Year(), time.Month(1+(n-1)*12/quartersOrHalves(g)), 1, 0, 0, 0, 0, time.UTC)
			year = f.dct.Year()
			switch {
			case f.tense == tFuture && !start.After(f.dct) && at(f.dct, g).t.After(start):
				year++
			case f.tense != tFuture && start.After(f.dct):
				year--
			}
		}
		month := 1 + (n-1)*12/quartersOrHalves(g)
		return point{t: time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC), g: g}
	})
}

// quartersOrHalves returns how many of g make a year: 4 or 2.
func quartersOrHalves(g gran) int {
	if g == gHalf {
		return 2
	}
	return 4
}

// spelledYear reads a year written in words at token i: "nineteen
// ninety - six", "nineteen eighty", "two thousand". It returns the tokens
// read, 0 when there is none.
func (s *scan) spelledYear(i int) (int, int) {
	if s.w(i) == "two" && s.w(i+1) == "thousand" {
		return 2000, 2
	}
	hi, ok := numbers[s.w(i)]
	if !ok || hi < 11 || hi > 20 {
		return 0, 0
	}
	tens, ok := numbers[s.w(i+1)]
	if !ok || tens < 20 || tens > 90 || tens%10 != 0 {
		return 0, 0
	}
	read := 2
	if s.w(i+2) == "-" {
		if u, ok := numbers[s.w(i+3)]; ok && u >= 1 && u <= 9 && s.w(i+3) != "a" && s.w(i+3) != "an" {
			return hi*100 + tens + u, 4
		}
	}
	return hi*100 + tens, read
}

// yearLike: "1988", "fiscal 1989", "the 1990s", "the nineties", "'89",
// "the 1988 period", "the 1988 second quarter", "the 20th century",
// "nineteen ninety - six".
func (s *scan) yearLike(i int) (found, bool) {
	w := s.w(i)
	if w == "the" {
		// "the 1988 period", "the 1988 second quarter", "the nineties",
		// "the '80s", "the 20th century".
		if dec, ok := decades[s.w(i+1)]; ok {
			return fixed(i+2, "DATE", itoa(dec))
		}
		if len(s.w(i+1)) == 4 && s.w(i + 1)[0] == '\'' && strings.HasSuffix(s.w(i+1), "s") {
			if d, ok := atoi(s.w(i + 1)[1:3]); ok {
				return fixed(i+2, "DATE", itoa(190+d/10))
			}
		}
		if c, ok := centuryOrdinals[s.w(i+1)]; ok && s.w(i+2) == "century" {
			return fixed(i+3, "DATE", fmt.Sprintf("%02d", c-1))
		}
		y, ok := s.year(i + 1)
		if !ok || y < 0 {
			return found{}, false
		}
		switch {
		case s.w(i+2) == "period" || s.w(i+2) == "level" || s.w(i+2) == "quarter":
			return date(i+3, func(f *frame) point {
				if f.ref.g == gQuarter || f.ref.g == gHalf {
					return point{t: time.Date(y, f.ref.t.Month(), 1, 0, 0, 0, 0, time.UTC), g: f.ref.g}
				}
				return point{t: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), g: gYear}
			})
		case ordinals[s.w(i+2)] > 0 && (s.w(i+3) == "quarter" || s.w(i+3) == "half"):
			n, g := ordinals[s.w(i+2)], gQuarter
			if s.w(i+3) == "half" {
				g = gHalf
			}
			if g == gQuarter && n > 4 || g == gHalf && n > 2 {
				return found{}, false
			}
			return date(i+4, func(f *frame) point {
				return point{t: time.Date(y, time.Month(1+(n-1)*12/quartersOrHalves(g)), 1, 0, 0, 0, 0, time.UTC), g: g}
			})
		}
		return found{}, false
	}
	if c, ok := centuryOrdinals[w]; ok && s.w(i+1) == "century" {
		return fixed(i+2, "DATE", fmt.Sprintf("%02d", c-1))
	}
	if y, read := s.spelledYear(i); read > 0 {
		return date(i+read, func(*frame) point { return point{t: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), g: gYear} })
	}
	if w == "fiscal" {
		i++
		w = s.w(i)
	}
	if len(w) == 5 && strings.HasSuffix(w, "s") {
		if y, ok := atoi(w[:4]); ok && y >= 1000 && y <= 2199 && y%10 == 0 {
			return fixed(i+1, "DATE", itoa(y/10))
		}
	}
	y, ok := s.year(i)
	if !ok {
		return found{}, false
	}
	// "$1988", "2000 soldiers": a number, not a year. A year before a
	// plural noun needs a determiner before it ("the 1988 elections").
	if prev := s.text(i - 1); prev == "$" || prev == "#" || prev == "£" || prev == "€" {
		return found{}, false
	}
	next := i + 1
	if next < s.end {
		switch p := s.d.Tokens[next].XPOS; {
		case units[s.w(next)] != uNone:
		case p == "NNS":
			switch s.w(i - 1) {
			case "the", "its", "his", "her", "their", "our", "'s", "this", "that":
			default:
				return found{}, false
			}
		}
	}
	if u := s.d.Tokens[i].UPOS; y >= 0 && u != "NUM" && u != "" && u != "PROPN" && u != "ADJ" && u != "NOUN" {
		return found{}, false
	}
	return date(next, func(f *frame) point {
		return point{t: time.Date(fullYear(y, f.dct), 1, 1, 0, 0, 0, 0, time.UTC), g: gYear}
	})
}

// duration: "22 months", "two - week", "a decade", "several days", "the
// nine months", "the past two years"; followed by "ago", "earlier",
// "later" or "from now" it is a date (see trailing).
func (s *scan) duration(i int) (found, bool) {
	end := i
	if (s.w(i) == "past" || s.w(i) == "last" || s.w(i) == "next" || s.w(i) == "coming" || s.w(i) == "first") && s.w(i-1) == "the" {
		end++
	}
	n, read := s.number(end)
	if read == 0 {
		// "hours", "years": plural units alone, vague.
		if u := units[s.w(end)]; u != uNone && strings.HasSuffix(s.w(end), "s") && end > i {
			return fixed(end+1, "DURATION", durationValue(-1, u))
		}
		return found{}, false
	}
	end += read
	if n >= 1000 {
		return found{}, false // "the 1988 quarter" is a date
	}
	if s.w(end) == "more" || s.w(end) == "additional" || s.w(end) == "full" {
		end++ // "20 more years"
	}
	u, ur := s.unitAt(end)
	if u == uNone {
		return found{}, false
	}
	// "a day" as in "twice a day" is a set, and "a week" alone after a
	// verb is fine; "one day" as "some day" is not a duration.
	if s.w(i) == "one" && u == uDay && s.w(end) == "day" && s.w(i-1) != "the" {
		return found{}, false
	}
	end += ur
	if (s.w(end) == "-" && s.w(end+1) == "old") || s.w(end) == "old" {
		return found{}, false // "a 12-year-old boy"
	}
	return found{end: end, typ: "DURATION", value: durationValue(n, u), resolve: nil, approx: n < 0, start: i}, true
}

// clock: "8 a.m.", "2:30 p.m.", "noon", "midnight", and with the day
// after it: "10 p.m. Wednesday", "5 p.m. EST Nov. 9", "noon Thursday".
func (s *scan) clock(i int) (found, bool) {
	w := s.w(i)
	h, m, end := 0, 0, i+1
	switch w {
	case "noon", "midday":
		h = 12
	case "midnight":
		h = 24
	default:
		var ok bool
		h, m, ok = hhmm(w)
		if !ok {
			hh, ok2 := atoi(w)
			if !ok2 || hh < 1 || hh > 12 {
				return found{}, false
			}
			h, m = hh, 0
		}
		switch s.w(end) {
		case "a.m", "am", "a.m.":
			if h == 12 {
				h = 0
			}
			end++
		case "p.m", "pm", "p.m.":
			if h < 12 {
				h += 12
			}
			end++
		case "o'clock":
			end++
		default:
			if !strings.Contains(w, ":") {
				return found{}, false
			}
		}
	}
	// A time zone, then the day: "5 p.m. EST, Nov. 6", "midnight Friday".
	k := end
	if zones[s.w(k)] {
		k++
	}
	if s.w(k) == "," {
		k++
	}
	var day *found
	for _, m := range []func(*scan, int) (found, bool){(*scan).weekday, (*scan).monthDate, (*scan).dayWord, (*scan).numericDate} {
		if f, ok := m(s, k); ok && f.typ == "DATE" {
			day = &f
			break
		}
	}
	if day != nil {
		end = day.end
	}
	return found{end: end, typ: "TIME", resolve: func(f *frame) (string, point) {
		base := at(f.dct, gDay)
		if day != nil {
			if _, p := day.resolve(f); p.g == gDay {
				base = p
			}
		}
		if h == 24 {
			return base.value() + "T24:00", point{t: base.t.AddDate(0, 0, 1), g: gMinute}
		}
		p := point{t: base.t.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute), g: gMinute}
		return p.value(), p
	}}, true
}

// zones are the time zones written after a time.
var zones = map[string]bool{"est": true, "edt": true, "cst": true, "cdt": true, "mst": true, "mdt": true,
	"pst": true, "pdt": true, "gmt": true, "utc": true, "bst": true, "cet": true, "local": true}

// set: "every year", "each week", "every Monday", "annually".
func (s *scan) set(i int) (found, bool) {
	if v, ok := sets[s.w(i)]; ok {
		return fixed(i+1, "SET", v)
	}
	if s.w(i) != "every" && s.w(i) != "each" && s.w(i) != "per" {
		return found{}, false
	}
	end := i + 1
	n := 1
	if v, read := s.number(end); read > 0 && v > 0 {
		n, end = v, end+read
	}
	if u := units[s.w(end)]; u != uNone {
		return fixed(end+1, "SET", durationValue(n, u))
	}
	if wd, ok := weekdays[s.w(end)]; ok && s.w(i) != "per" {
		return fixed(end+1, "SET", "XXXX-WXX-"+itoa((wd+6)%7+1))
	}
	return found{}, false
}

// trailing turns a duration followed by "ago", "earlier", "later",
// "before", "after" or "from now" into a date: "three days ago" is the
// DCT less three days, "a year earlier" the reference less a year.
func (s *scan) trailing(f found) found {
	if f.typ != "DURATION" {
		return f
	}
	n, u := parseDuration(f.value)
	if u == uNone {
		return f
	}
	w := s.w(f.end)
	sign, anaphoric, read := 0, false, 1
	switch w {
	case "ago":
		sign = 1
	case "earlier", "before":
		sign, anaphoric = 1, true
	case "later", "after":
		sign, anaphoric = -1, true
	case "from":
		if s.w(f.end+1) != "now" {
			return f
		}
		sign, read = -1, 2
	case "hence":
		sign = -1
	default:
		return f
	}
	if (w == "before" || w == "after") && s.w(f.end+1) != "," && s.w(f.end+1) != "." && s.w(f.end+1) != "" {
		return f // "a week before the vote": a duration and a preposition
	}
	f.end += read
	f.typ, f.value = "DATE", ""
	f.resolve = func(fr *frame) (string, point) {
		base := fr.dct
		if anaphoric {
			base = fr.ref.t
		}
		if n < 0 {
			if sign > 0 {
				return "PAST_REF", point{}
			}
			return "FUTURE_REF", point{}
		}
		var p point
		switch {
		case u == uYear && sign > 0 && (fr.ref.g == gQuarter || fr.ref.g == gHalf) && (anaphoric || near(fr.ref, fr.dct)):
			// "a year earlier", "a year ago" beside a quarter's
			// results: that quarter a year before.
			p = fr.ref.shift(-n * yearsIn(fr.ref.g))
		case anaphoric && u == uYear:
			p = at(fr.ref.t, gYear).shift(-sign * n)
		default:
			p = back(base, sign*n, u)
		}
		return p.value(), p
	}
	f.keepRef = true
	return f
}

// near reports whether point p starts within a year of t.
func near(p point, t time.Time) bool {
	d := t.Sub(p.t)
	return d > -365*24*time.Hour && d < 365*24*time.Hour
}

// parseDuration reads the count and unit of a value durationValue made
// ("P3D" → 3, days; "PXY" → -1, years).
func parseDuration(v string) (int, unit) {
	if len(v) < 3 || v[0] != 'P' {
		return 0, uNone
	}
	timePart := v[1] == 'T'
	body := v[1:]
	if timePart {
		body = v[2:]
	}
	num, last := body[:len(body)-1], body[len(body)-1]
	n := -1
	if num != "X" {
		var ok bool
		if n, ok = atoi(num); !ok {
			return 0, uNone
		}
	}
	switch {
	case timePart && last == 'H':
		return n, uHour
	case timePart && last == 'M':
		return n, uMinute
	case timePart && last == 'S':
		return n, uSecond
	case last == 'D':
		return n, uDay
	case last == 'W':
		return n, uWeek
	case last == 'M':
		return n, uMonth
	case last == 'Y':
		return n, uYear
	}
	return 0, uNone
}
