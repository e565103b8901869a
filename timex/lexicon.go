package timex

import (
	"iter"
	"maps"
	"slices"
	"strings"
)

// The words temporal expressions are made of, lower-cased, with an
// abbreviation's full stop removed ("oct." → "oct").
var (
	months = map[string]int{
		"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
		"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
		"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
		"sept": 9, "oct": 10, "nov": 11, "dec": 12,
	}
	weekdays = map[string]int{ // time.Weekday
		"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
		"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6,
	}
	// units maps a unit word to its unit.
	units = map[string]unit{
		"second": uSecond, "seconds": uSecond, "minute": uMinute, "minutes": uMinute,
		"hour": uHour, "hours": uHour, "day": uDay, "days": uDay, "week": uWeek, "weeks": uWeek,
		"fortnight": uFortnight, "fortnights": uFortnight, "weekend": uWeekend, "weekends": uWeekend,
		"month": uMonth, "months": uMonth, "quarter": uQuarter, "quarters": uQuarter,
		"year": uYear, "years": uYear, "decade": uDecade, "decades": uDecade,
		"century": uCentury, "centuries": uCentury,
	}
	numbers = map[string]int{
		"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
		"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
		"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
		"eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "single": 1, "dozen": 12,
	}
	// vague numbers: "several days" is PXD.
	vague    = map[string]bool{"several": true, "few": true, "some": true, "many": true, "couple": true, "numerous": true}
	ordinals = map[string]int{
		"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
		"fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
	}
	seasons = map[string]string{"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
	parts   = map[string]string{"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
	// Words that refer to the present, past or future as a whole.
	refs = map[string]string{
		"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF", "presently": "PRESENT_REF",
		"recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "formerly": "PAST_REF",
		"current": "PRESENT_REF",
	}
	// Words before an expression that its span includes: they change
	// nothing in the value but TimeML keeps them ("almost two years ago",
	// "earlier this month").
	leading = map[string]bool{
		"the": true, "almost": true, "nearly": true, "about": true, "around": true, "roughly": true,
		"approximately": true, "some": true, "over": true, "early": true, "earlier": true, "late": true,
		"later": true, "mid": true, "just": true, "only": true,
	}
	// Sets: "annually" is P1Y.
	// (Adverbs such as "daily" and "annually" are left out: mostly they
	// describe a thing — "daily flights" — rather than date anything.)
	sets = map[string]string{"yearly": "P1Y", "hourly": "PT1H"}
	// decades spelled out: "the nineties".
	decades = map[string]int{
		"twenties": 192, "thirties": 193, "forties": 194, "fifties": 195, "sixties": 196,
		"seventies": 197, "eighties": 198, "nineties": 199,
	}
	// centuryOrdinals: "20th century" is 19 in TimeML.
	centuryOrdinals = map[string]int{
		"21st": 21, "20th": 20, "19th": 19, "18th": 18, "17th": 17, "16th": 16, "15th": 15, "14th": 14,
		"13th": 13, "12th": 12, "11th": 11, "10th": 10, "twenty-first": 21, "twentieth": 20,
		"nineteenth": 19, "eighteenth": 18,
	}
)

// unit is a unit of time.
type unit int

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uFortnight
	uWeekend
	uMonth
	uQuarter
	uYear
	uDecade
	uCentury
)

// durationValue returns the TimeML duration of n units ("P3D", "PT2H");
// n < 0 means an unknown number ("PXD").
func durationValue(n int, u unit) string {
	num := "X"
	if n >= 0 {
		num = itoa(n)
	}
	switch u {
	case uSecond:
		return "PT" + num + "S"
	case uMinute:
		return "PT" + num + "M"
	case uHour:
		return "PT" + num + "H"
	case uDay:
		return "P" + num + "D"
	case uWeek, uWeekend:
		return "P" + num + "W"
	case uFortnight:
		if n >= 0 {
			return "P" + itoa(2*n) + "W"
		}
		return "PXW"
	case uMonth:
		return "P" + num + "M"
	case uQuarter:
		if n >= 0 {
			return "P" + itoa(3*n) + "M"
		}
		return "PXM"
	case uYear:
		return "P" + num + "Y"
	case uDecade:
		if n >= 0 {
			return "P" + itoa(10*n) + "Y"
		}
		return "PXDE"
	case uCentury:
		if n >= 0 {
			return "P" + itoa(100*n) + "Y"
		}
		return "PXCE"
	}
	return ""
}

// word returns w lower-cased without an abbreviation's full stop.
func word(w string) string {
	w = strings.ToLower(w)
	if len(w) > 1 && strings.HasSuffix(w, ".") && !strings.Contains(w[:len(w)-1], ".") {
		w = w[:len(w)-1]
	}
	return w
}

// itoa formats a non-negative integer.
func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// atoi parses a string of ASCII digits; ok is false for anything else.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = 10*n + int(c-'0')
	}
	return n, true
}

// startWords are the words an expression, or the words before it that
// its span includes, may begin with, and more: every lexicon's keys and
// every other lower-case word the package's code names (matcherWords;
// TestStartWords checks the package's source against them).
var startWords = func() map[string]bool {
	m := map[string]bool{}
	add := func(keys iter.Seq[string]) {
		for k := range keys {
			m[k] = true
		}
	}
	add(maps.Keys(months))
	add(maps.Keys(weekdays))
	add(maps.Keys(units))
	add(maps.Keys(numbers))
	add(maps.Keys(vague))
	add(maps.Keys(ordinals))
	add(maps.Keys(seasons))
	add(maps.Keys(parts))
	add(maps.Keys(refs))
	add(maps.Keys(leading))
	add(maps.Keys(sets))
	add(maps.Keys(decades))
	add(maps.Keys(centuryOrdinals))
	add(maps.Keys(zones))
	add(slices.Values(strings.Fields(matcherWords)))
	return m
}()

// matcherWords are the words the matchers compare with that no lexicon
// has (and the dependency labels and the stage's name the code names,
// harmless here).
const matcherWords = `
	additional advcl after ago am at aux before by can coming cop could each early- end end-
	entire every fiscal following from full future go half have hence her his in its last late-
	latest least less level mid- midday midnight might more must nd near next noon o'clock of
	old our past per period pm preceding present previous prior rd s same shall short should
	since st subsequent term th than that their these this thousand through till time timex to
	today tomorrow tonight until whole will wo would xcomp yesterday`

// mayStart reports whether an expression, or the words before it that its
// span includes, may begin at a word of form w (lower-cased, as word
// makes it): false only when no matcher can read one there, so the
// matchers need not run.
func mayStart(w string) bool {
	if startWords[w] || w != "" && w[0] == '\'' {
		return true
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= '0' && c <= '9' {
			return true
		}
	}
	// "mid-November", "twenty-five": a word of the lexicons joined to
	// another.
	for part := range strings.SplitSeq(w, "-") {
		if startWords[part] {
			return true
		}
	}
	return false
}
