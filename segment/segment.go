// Package segment groups a document's tokens into sentences and paragraphs.
//
// Boundaries come from the text itself, read through the token offsets:
// blank lines end paragraphs (and sentences); a single line break ends a
// sentence when the line reads as a headline or list item; terminal
// punctuation (. ! ? … and their runs) ends a sentence unless what follows
// shows it does not — a lower-case word after a quoted question, a comma,
// a number in a list. Abbreviations arrive from the tokenizer with their
// period attached ("U.S.", "Gen."); they end a sentence only when the next
// word is a typical sentence opener, and titles and initials never do.
package segment

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley"
)

// Segmenter is the `segment` stage. The zero value is ready to use.
type Segmenter struct{}

// New returns a Segmenter.
func New() *Segmenter { return &Segmenter{} }

// Process replaces d.Sentences with the sentences of d.Tokens.
func (s *Segmenter) Process(ctx context.Context, d *parley.Doc) error {
	d.Sentences = Append(d.Sentences[:0], d.Text, d.Tokens)
	return nil
}

// headlineMax is the longest line (in bytes) that a single line break ends
// as a sentence when it has no final punctuation; longer lines are taken
// to be hard-wrapped prose.
const headlineMax = 60

// Append appends the sentences of tokens (offsets into text) to dst.
func Append(dst []parley.Sentence, text string, tokens []parley.Token) []parley.Sentence {
	if len(tokens) == 0 {
		return dst
	}
	para, start := 0, 0
	inQuote := text[tokens[0].Start:tokens[0].End] == `"`
	for i := 1; i < len(tokens); i++ {
		gap := text[tokens[i-1].End:tokens[i].Start]
		newPara := blankLine(gap)
		if newPara {
			inQuote = false
		}
		// A straight double quote opens a quotation when it is attached to
		// the word after it and not to the one before it ("…said. "We…"),
		// closes one in the mirror case, and otherwise goes by parity.
		opens := false
		if text[tokens[i].Start:tokens[i].End] == `"` {
			spaceBefore := gap != ""
			spaceAfter := i+1 == len(tokens) || tokens[i+1].Start > tokens[i].End
			switch {
			case spaceBefore && !spaceAfter:
				opens = true
			case !spaceBefore && spaceAfter:
				opens = false
			default:
				opens = !inQuote
			}
			inQuote = opens
		}
		if newPara || breakBefore(text, tokens, start, i, gap, opens) {
			dst = append(dst, parley.Sentence{Tokens: parley.Span{Start: start, End: i}, Paragraph: para})
			start = i
			if newPara {
				para++
			}
		}
	}
	return append(dst, parley.Sentence{Tokens: parley.Span{Start: start, End: len(tokens)}, Paragraph: para})
}

// blankLine reports whether gap (white space between two tokens) holds an
// empty line.
func blankLine(gap string) bool {
	first := strings.IndexByte(gap, '\n')
	return first >= 0 && strings.IndexByte(gap[first+1:], '\n') >= 0
}

// breakBefore reports whether a sentence that began at token start ends
// before token i.
//
// opens says whether token i is a straight double quote that opens a
// quotation.
func breakBefore(text string, toks []parley.Token, start, i int, gap string, opens bool) bool {
	word := func(j int) string { return text[toks[j].Start:toks[j].End] }
	next := word(i)

	// Walk back over closing quotes, brackets and citation marks ("[6]")
	// to the last real token.
	k := i - 1
	closers := 0
	quoted := false
	for k > start {
		w := word(k)
		if w == "]" && k-2 > start && word(k-2) == "[" && toks[k-1].Kind == parley.TokNumber {
			k -= 3
			closers++
			continue
		}
		if !isCloser(w) {
			break
		}
		if w != ")" && w != "]" {
			quoted = true
		}
		closers++
		k--
	}
	if isCloser(next) && !opens {
		return false
	}
	if next == "[" && i+2 < len(toks) && word(i+2) == "]" && toks[i+1].Kind == parley.TokNumber {
		return false // a citation mark stays with the sentence it ends
	}
	last := word(k)

	if datelineEnds(text, toks, start, i) {
		return true
	}
	if strings.IndexByte(gap, '\n') >= 0 && lineBreak(text, toks, start, i, last) {
		return true
	}

	switch {
	case isTerminal(last):
		if k == start {
			return false // a sentence of punctuation alone goes with the next
		}
		if last == "." && k-1 == start && toks[k-1].Kind == parley.TokNumber {
			return false // list number "1."
		}
		if isCloser(next) && !opens || isOpenerAfterColon(next) {
			return false
		}
		r, _ := utf8.DecodeRuneInString(next)
		switch {
		case unicode.IsLower(r):
			// "Why?" he asked. / wait... what
			if quoted || strings.HasPrefix(last, "..") || last == "…" || last == "," {
				return false
			}
			return true
		case unicode.IsUpper(r) || unicode.IsDigit(r) || isOpener(next):
			return true
		case toks[i].Kind == parley.TokHandle || toks[i].Kind == parley.TokHashtag || toks[i].Kind == parley.TokURL:
			return true
		case r == '-' || r == '—' || r == '–' || r == '*' || r == '•':
			return true // list bullets and dialogue dashes
		}
		return false
	case closers == 0 && isAbbrevToken(last):
		return abbrevEnds(last, next)
	case emoticons[last]:
		r, _ := utf8.DecodeRuneInString(next)
		return unicode.IsUpper(r) // "Thanks :) See you"
	}
	return false
}

// datelineEnds reports whether the tokens from start to i are a wire
// story's dateline, which is a sentence of its own: "KYIV, July 21
// (Reuters) -", "BEIJING, Jan. 5 (Xinhua) --", "Kabul, March 3 (AFP) —":
// a place (in capitals, or any case when an agency in brackets follows),
// a comma, at most fourteen tokens in all, and a dash after a date or a
// bracket.
// Left in, it reads to the tagger as the subject of the story's first
// verb.
func datelineEnds(text string, toks []parley.Token, start, i int) bool {
	word := func(j int) string { return text[toks[j].Start:toks[j].End] }
	if i-start < 4 || i-start > 14 {
		return false
	}
	switch word(i - 1) {
	case "-", "--", "—", "–":
	default:
		return false
	}
	before := word(i - 2)
	if before != ")" && toks[i-2].Kind != parley.TokNumber {
		return false
	}
	comma := -1
	for j := start; j < i-2; j++ {
		if word(j) == "," {
			comma = j
			break
		}
	}
	if comma <= start || comma-start > 4 {
		return false
	}
	for j := start; j < comma; j++ {
		w := word(j)
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		if before != ")" && strings.ToUpper(w) != w {
			return false // a place in title case needs an agency
		}
	}
	return true
}

// lineBreak reports whether a single line break before token i ends the
// sentence: the line has no final punctuation but reads as a headline, a
// dateline-free title or a list item, and the next line starts a sentence.
func lineBreak(text string, toks []parley.Token, start, i int, last string) bool {
	r, _ := utf8.DecodeRuneInString(text[toks[i].Start:])
	if !(unicode.IsUpper(r) || unicode.IsDigit(r) || isOpener(text[toks[i].Start:toks[i].End]) ||
		r == '-' || r == '*' || r == '•' || r == '—' || r == '–') {
		return false
	}
	if isTerminal(last) {
		return true
	}
	// Length of the line that ends before token i.
	end := toks[i-1].End
	lineStart := strings.LastIndexByte(text[:end], '\n') + 1
	return end-lineStart <= headlineMax || lastLineShort(text, lineStart, end)
}

// lastLineShort reports whether the line text[lineStart:end] is clearly
// shorter than the line before it, as the last line of a wrapped paragraph
// or a heading after prose is.
func lastLineShort(text string, lineStart, end int) bool {
	if lineStart == 0 {
		return false
	}
	prevStart := strings.LastIndexByte(text[:lineStart-1], '\n') + 1
	prev := lineStart - 1 - prevStart
	return prev > 0 && end-lineStart < prev/2
}

func isTerminal(w string) bool {
	switch w {
	case ".", "!", "?", "…", "?!", "!?", "‼", "⁉":
		return true
	}
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c != '.' && c != '!' && c != '?' {
			return false
		}
	}
	return true
}

func isCloser(w string) bool {
	switch w {
	case ")", "]", "}", "\"", "'", "''", "”", "’", "»", "›":
		return true
	}
	return false
}

func isOpener(w string) bool {
	switch w {
	case "(", "[", "{", "\"", "'", "``", "“", "‘", "«", "‹", "¿", "¡":
		return true
	}
	return false
}

// isOpenerAfterColon is reserved for punctuation that continues a
// sentence after a terminal mark (a comma or closing dash).
func isOpenerAfterColon(w string) bool {
	switch w {
	case ",", ";", ":", "%":
		return true
	}
	return false
}

// isAbbrevToken reports whether the tokenizer kept a period on w.
func isAbbrevToken(w string) bool {
	return len(w) > 1 && w[len(w)-1] == '.' && w[len(w)-2] != '.'
}

// abbrevEnds reports whether abbreviation abbr (with its period) also ends
// the sentence, given the next token.
func abbrevEnds(abbr, next string) bool {
	stem := abbr[:len(abbr)-1]
	if titles[stem] {
		return false
	}
	if r, size := utf8.DecodeRuneInString(stem); size == len(stem) && unicode.IsUpper(r) {
		return false // an initial
	}
	return starters[next]
}

// emoticons end a sentence when a capital follows.
var emoticons = set(":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":p", "<3", "^_^", "XD")

// titles never end a sentence: they precede a name or number.
var titles = set("Mr", "Mrs", "Ms", "Messrs", "Mme", "Dr", "Prof", "Rev", "Fr", "Hon", "Pres",
	"Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig",
	"Gov", "Sen", "Sens", "Rep", "Reps", "Amb", "Supt", "Insp", "Det", "Atty", "St", "Ste", "Mt", "Ft",
	"No", "Nos", "Vol", "Fig", "Art", "Sec", "vs", "cf", "viz", "ca", "pp", "mr", "mrs", "dr", "st")

// starters are words that typically open a sentence; after an
// abbreviation such as "U.S." or "Inc." they signal a new sentence.
var starters = set("The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
	"There", "But", "And", "In", "On", "At", "As", "If", "When", "While", "After", "Before", "Since", "Although",
	"However", "Meanwhile", "Also", "So", "Yet", "Still", "Then", "Now", "Its", "His", "Her", "Their", "Our", "My",
	"Some", "Many", "Most", "No", "Not", "All", "Both", "Each", "Other", "Such", "What", "Why", "How", "Who",
	"Where", "Which", "For", "From", "With", "By", "Under", "Over", "According", "Last", "Earlier", "Later",
	"Officials", "Analysts", "Mr.", "Mrs.", "Ms.", "Dr.")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
