package tokenize

import (
	"unicode"
	"unicode/utf8"
)

// isAbbrev reports whether w, a word followed by a period, is an
// abbreviation that keeps its period: letters with inner periods ("U.S",
// "e.g", "a.m", "Ph.D"), a capital initial ("W"), or a known abbreviation.
func isAbbrev(w string) bool {
	if w == "" {
		return false
	}
	if r, size := utf8.DecodeRuneInString(w); size == len(w) {
		return unicode.IsUpper(r) && r != 'I'
	}
	if abbrevs[w] {
		return true
	}
	// Letters separated by periods, each run at most three letters.
	run, dots := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case isLetterASCII(c):
			run++
			if run > 3 {
				return false
			}
		case c == '.' && run > 0:
			run, dots = 0, dots+1
		default:
			return false
		}
	}
	return dots > 0 && run > 0
}

// abbrevs are abbreviations written with a final period in news text:
// titles and ranks, months and weekdays, company suffixes, US state
// abbreviations that are not also common words, and a few Latin forms.
var abbrevs = set(
	// titles and ranks
	"Mr", "Mrs", "Ms", "Messrs", "Mme", "Mmes", "Mlle", "Dr", "Drs", "Prof", "Rev", "Fr", "Hon", "Pres",
	"Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig", "Cmdt",
	"Gov", "Sen", "Sens", "Rep", "Reps", "Amb", "Supt", "Insp", "Det", "Atty", "Sr", "Jr", "St", "Ste",
	// months and weekdays
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat",
	// organisations, places, measures
	"Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "Plc", "Assn", "Dept", "Univ", "Inst", "Mt", "Ft", "Ave", "Blvd", "Rd", "Hwy",
	"No", "Nos", "Vol", "Vols", "Fig", "Figs", "Ch", "Art", "Sec",
	"Ariz", "Calif", "Colo", "Conn", "Fla", "Ill", "Kan", "Kans", "Ky", "Md", "Mich", "Minn", "Nev", "Neb", "Okla", "Ore", "Penn", "Tenn", "Tex", "Va", "Vt", "Wis", "Wyo",
	// lower-case forms
	"etc", "vs", "approx", "dept", "est", "cf", "viz", "al", "ca", "pp", "vol", "fig", "govt", "incl", "ie", "eg",
	"mr", "mrs", "dr", "jr", "sr", "st", "lt", "gen", "sen", "gov", "inc", "corp", "co", "ltd", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
