package timex

import (
	"fmt"
	"time"
)

// gran is the granularity of a calendar point.
type gran int

const (
	gNone gran = iota
	gMinute
	gDay
	gWeekend
	gWeek
	gMonth
	gSeason
	gQuarter
	gHalf
	gYear
	gDecade
	gCentury
)

// point is a calendar point at a granularity: the day, week, month… that
// holds t. part is a part of the day ("MO") or a time ("08:30") for gDay
// and gMinute points; season the season code for gSeason; n the number
// of the quarter or half.
type point struct {
	t      time.Time
	g      gran
	part   string
	season string
	n      int
}

// value returns the TimeML value of p: "1998-02-27", "1998-W09",
// "1989-Q3", "199" (a decade), "1998-02-27TMO".
func (p point) value() string {
	y := p.t.Year()
	switch p.g {
	case gMinute:
		return p.t.Format("2006-01-02T15:04")
	case gDay:
		if p.part != "" {
			return p.t.Format("2006-01-02") + "T" + p.part
		}
		return p.t.Format("2006-01-02")
	case gWeekend, gWeek:
		wy, w := p.t.ISOWeek()
		v := fmt.Sprintf("%04d-W%02d", wy, w)
		if p.g == gWeekend {
			v += "-WE"
		}
		return v
	case gMonth:
		return p.t.Format("2006-01")
	case gSeason:
		return fmt.Sprintf("%04d-%s", y, p.season)
	case gQuarter:
		return fmt.Sprintf("%04d-Q%d", y, quarterOf(p.t))
	case gHalf:
		return fmt.Sprintf("%04d-H%d", y, (int(p.t.Month())-1)/6+1)
	case gYear:
		return fmt.Sprintf("%04d", y)
	case gDecade:
		return fmt.Sprintf("%03d", y/10)
	case gCentury:
		return fmt.Sprintf("%02d", y/100)
	}
	return ""
}

// quarterOf returns the quarter of the year of t, 1 to 4.
func quarterOf(t time.Time) int { return (int(t.Month())-1)/3 + 1 }

// at returns the point of granularity g that holds t, starting at its
// first day.
func at(t time.Time, g gran) point {
	y, m, d := t.Date()
	switch g {
	case gWeek, gWeekend:
		wd := (int(t.Weekday()) + 6) % 7 // Monday 0
		return point{t: time.Date(y, m, d-wd, 0, 0, 0, 0, time.UTC), g: g}
	case gMonth:
		return point{t: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), g: g}
	case gQuarter:
		return point{t: time.Date(y, time.Month(3*(quarterOf(t)-1)+1), 1, 0, 0, 0, 0, time.UTC), g: g}
	case gHalf:
		return point{t: time.Date(y, time.Month(6*((int(m)-1)/6)+1), 1, 0, 0, 0, 0, time.UTC), g: g}
	case gYear, gSeason:
		return point{t: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), g: g}
	case gDecade:
		return point{t: time.Date(y-y%10, 1, 1, 0, 0, 0, 0, time.UTC), g: g}
	case gCentury:
		return point{t: time.Date(y-y%100, 1, 1, 0, 0, 0, 0, time.UTC), g: g}
	case gMinute:
		return point{t: t, g: g}
	}
	return point{t: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), g: gDay}
}

// shift moves p by n units of its own granularity.
func (p point) shift(n int) point {
	t := p.t
	switch p.g {
	case gMinute:
		t = t.Add(time.Duration(n) * time.Minute)
	case gDay:
		t = t.AddDate(0, 0, n)
	case gWeek, gWeekend:
		t = t.AddDate(0, 0, 7*n)
	case gMonth:
		t = t.AddDate(0, n, 0)
	case gQuarter:
		t = t.AddDate(0, 3*n, 0)
	case gHalf:
		t = t.AddDate(0, 6*n, 0)
	case gYear, gSeason:
		t = t.AddDate(n, 0, 0)
	case gDecade:
		t = t.AddDate(10*n, 0, 0)
	case gCentury:
		t = t.AddDate(100*n, 0, 0)
	}
	p.t = t
	return p
}

// granOf returns the granularity of a unit of time.
func granOf(u unit) gran {
	switch u {
	case uSecond, uMinute, uHour:
		return gMinute
	case uDay:
		return gDay
	case uWeek, uFortnight:
		return gWeek
	case uWeekend:
		return gWeekend
	case uMonth:
		return gMonth
	case uQuarter:
		return gQuarter
	case uYear:
		return gYear
	case uDecade:
		return gDecade
	case uCentury:
		return gCentury
	}
	return gNone
}

// back returns t moved back by n units (forward for n < 0), for "three
// days ago": the point is at the unit's granularity.
func back(t time.Time, n int, u unit) point {
	switch u {
	case uSecond:
		return at(t.Add(-time.Duration(n)*time.Second), gMinute)
	case uMinute:
		return at(t.Add(-time.Duration(n)*time.Minute), gMinute)
	case uHour:
		return at(t.Add(-time.Duration(n)*time.Hour), gMinute)
	case uFortnight:
		return at(t, gWeek).shift(-2 * n)
	}
	g := granOf(u)
	if g == gNone {
		return at(t, gDay)
	}
	return at(t, g).shift(-n)
}

// tense is the time a clause speaks of, from its verb.
type tense int

const (
	tUnknown tense = iota
	tPast
	tPresent
	tFuture
)

// nearest returns the point nearest to anchor among the points
// cand(k) for k in -1…+1 steps, choosing past or future by the clause's
// tense: a past clause takes the latest point not after the anchor, a
// future one the earliest not before it, and one of unknown tense the
// nearest, the past one on a tie. cand(0) is the point in the anchor's
// own cycle (this week's Monday, this year's May).
func nearest(anchor time.Time, te tense, cand func(k int) time.Time) time.Time {
	day := func(t time.Time) time.Time { return t.Truncate(24 * time.Hour) }
	a := day(anchor)
	var before, after time.Time
	for k := -1; k <= 1; k++ {
		c := day(cand(k))
		if !c.After(a) && (before.IsZero() || c.After(before)) {
			before = c
		}
		if !c.Before(a) && (after.IsZero() || c.Before(after)) {
			after = c
		}
	}
	switch {
	case before.IsZero():
		return after
	case after.IsZero():
		return before
	case te == tPast:
		return before
	case te == tFuture:
		return after
	case te == tPresent:
		return after
	}
	if a.Sub(before) <= after.Sub(a) {
		return before
	}
	return after
}
