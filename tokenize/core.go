package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley"
)

// splitCore tokenizes a chunk with its outer punctuation removed: it splits
// at infixes (hyphens, dashes, slashes, commas not inside numbers, …) and
// then splits clitics off each piece.
func splitCore(dst []parley.Token, text string, s, e int) []parley.Token {
	if emoticonLen(text, s, e) == e-s {
		return tok(dst, text, s, e)
	}
	start := s
	for i := s; i < e; {
		c := text[i]
		var cut, l int // cut: split before i, emitting text[i:i+l] as its own token
		if c < utf8.RuneSelf {
			switch c {
			case '-':
				l = dashes(text, i, e)
				if l == 1 && keepHyphen(text, start, i, e) {
					l = 0
				}
			case '.':
				if l = dots(text, i, e); l >= 2 {
					break
				}
				l = 0
				// A sentence period before more punctuation: "1805.[4]", "end.)".
				if i > start && i+1 < e && text[i+1] < utf8.RuneSelf && !isAlnumASCII(text[i+1]) && !isAbbrev(text[start:i]) {
					l = 1
					break
				}
				// A missing space between sentences: "end.The".
				if i+2 < e && i-start >= 2 && isLower(text[i-1]) && isLower(text[i-2]) && isUpper(text[i+1]) && isLower(text[i+2]) && !strings.ContainsRune(text[start:i], '.') {
					cut = 1
				}
			case ',':
				if !(i > start && i+1 < e && isDigit(text[i-1]) && isDigit(text[i+1])) {
					l = 1
				}
			case ':':
				if !(i > start && i+1 < e && isDigit(text[i-1]) && isDigit(text[i+1])) {
					l = 1
				}
			case '/':
				if !(i > start && i+1 < e && isDigit(text[i-1]) && isDigit(text[i+1])) && i > start && i+1 < e {
					l = 1
				}
			case '!', '?':
				l = runOf(text, i, e, isTerminalByte)
			case '*', '=', '<', '>', '~':
				l = sameRun(text, i, e)
			case ';', '"', '(', ')', '[', ']', '{', '}', '|':
				if i > start || i+1 < e {
					l = 1
				}
			case '$':
				if i > start && i+1 < e && isDigit(text[i+1]) && !isUpper(text[i-1]) {
					l = 1
				}
			case '%':
				if i > start && i+1 < e {
					l = 1
				}
			case '_':
				// Words joined by an underscore, as TABARI and PETRARCH
				// write names ("Dol_Amroth"), are two words; the
				// underscore is dropped like a space. (Not in a file
				// name or a path: "Lisa_resume.doc".)
				if i > start && i+1 < e && isLetterASCII(text[i-1]) && isLetterASCII(text[i+1]) && !strings.ContainsAny(text[s:e], "./\\@") {
					dst = splitWord(dst, text, start, i)
					i++
					start = i
					continue
				}
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			switch r {
			case '—', '–', '―', '…', '“', '”', '‘', '«', '»', '•':
				l = size
			case '’':
				if i == start || i+size == e {
					l = size
				}
			}
		}
		switch {
		case cut > 0:
			dst = splitWord(dst, text, start, i+cut)
			start = i + cut
			i += cut
		case l > 0:
			if i > start {
				dst = splitWord(dst, text, start, i)
			}
			dst = tok(dst, text, i, i+l)
			i += l
			start = i
		default:
			if c < utf8.RuneSelf {
				i++
			} else {
				_, size := utf8.DecodeRuneInString(text[i:])
				i += size
			}
		}
	}
	if start < e {
		dst = splitWord(dst, text, start, e)
	}
	return dst
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// keepHyphen reports whether the hyphen at i inside text[start:e] joins a
// bound prefix to its word ("e-mail", "co-op", "non-profit") and is kept.
func keepHyphen(text string, start, i, e int) bool {
	if i == start || i+1 >= e {
		return i == start && i+1 < e && isDigit(text[i+1]) // "-5"
	}
	return bareWordPrefix(text[start:i]) && isLetterASCII(text[i+1])
}

// bareWordPrefix reports whether w is a prefix that UD English keeps
// attached with its hyphen.
func bareWordPrefix(w string) bool {
	return inFold(hyphenPrefixes, w)
}

var hyphenPrefixes = set("e", "non", "re", "co", "anti", "mid", "pre", "pro", "cross", "post", "semi", "sub",
	"multi", "ex", "counter", "over", "mini", "neo", "socio", "psycho", "inter", "intra",
	"ultra", "un", "bi", "tri", "vice", "micro", "macro", "meta", "quasi", "pseudo", "trans")

// inFold reports whether the ASCII lower-case form of w is in m, without
// allocating.
func inFold(m map[string]bool, w string) bool {
	var buf [16]byte
	if len(w) > len(buf) {
		return false
	}
	b := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if isUpper(c) {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return m[string(b)]
}

// splitWord splits clitics off the word text[s:e] (n't, 's, 're, 've, 'll,
// 'd, 'm, and the fused forms cannot, gonna, wanna, gotta) and appends the
// pieces.
func splitWord(dst []parley.Token, text string, s, e int) []parley.Token {
	w := text[s:e]
	if n := len(w); n >= 4 {
		// n't / n’t
		if k := suffixNT(w); k > 0 && k < n {
			return tok(tok(dst, text, s, e-k), text, e-k, e)
		}
		if k := suffixClitic(w); k > 0 && k < n && isLetterBefore(w, n-k) {
			return tok(tok(dst, text, s, e-k), text, e-k, e)
		}
		if n == 6 && strings.EqualFold(w, "cannot") ||
			n == 5 && (strings.EqualFold(w, "gonna") || strings.EqualFold(w, "wanna") || strings.EqualFold(w, "gotta")) {
			return tok(tok(dst, text, s, s+3), text, s+3, e)
		}
	} else if n == 3 || n == 2 {
		if k := suffixClitic(w); k > 0 && k < n && isLetterBefore(w, n-k) {
			return tok(tok(dst, text, s, e-k), text, e-k, e)
		}
	}
	// "5pm", "10am": number then unit of time.
	if n := len(w); n >= 3 && isDigit(w[0]) {
		if l := w[n-2:]; (strings.EqualFold(l, "am") || strings.EqualFold(l, "pm")) && isDigit(w[n-3]) {
			return tok(tok(dst, text, s, e-2), text, e-2, e)
		}
	}
	return tok(dst, text, s, e)
}

func isLetterBefore(w string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(w[:i])
	return unicode.IsLetter(r)
}

// suffixNT returns the byte length of a final "n't" (straight or curly
// apostrophe), or 0.
func suffixNT(w string) int {
	n := len(w)
	if n >= 4 && (w[n-1] == 't' || w[n-1] == 'T') {
		if w[n-2] == '\'' && (w[n-3] == 'n' || w[n-3] == 'N') {
			return 3
		}
		if n >= 6 && w[n-4:n-1] == "’" && (w[n-5] == 'n' || w[n-5] == 'N') {
			return 5
		}
	}
	return 0
}

// clitics holds the clitics by their number of letters.
var clitics = [3]map[string]bool{1: set("s", "d", "m"), 2: set("re", "ve", "ll")}

// suffixClitic returns the byte length of a final 's, 're, 've, 'll, 'd or
// 'm (straight or curly apostrophe), or 0.
func suffixClitic(w string) int {
	n := len(w)
	for _, k := range [...]int{1, 2} { // clitic letters
		if n <= k {
			break
		}
		if !inFold(clitics[k], w[n-k:]) {
			continue
		}
		if n-k-1 >= 1 && w[n-k-1] == '\'' {
			return k + 1
		}
		if n-k-3 >= 1 && w[n-k-3:n-k] == "’" {
			return k + 3
		}
	}
	return 0
}

// special returns the length of a URL, e-mail address, @handle or #hashtag
// starting at s in text[s:e] (without trailing punctuation) and its kind,
// or 0.
func special(text string, s, e int) (int, parley.TokenKind) {
	w := text[s:e]
	switch w[0] {
	case '@', '#':
		l := 1
		for l < len(w) {
			r, size := utf8.DecodeRuneInString(w[l:])
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') {
				break
			}
			l += size
		}
		if l > 1 && (w[0] == '#' || l > 2 || isLetterASCII(w[1])) {
			// "#1" is a number sign, not a hashtag.
			if w[0] == '#' && allDigits(w[1:l]) {
				return 0, 0
			}
			if w[0] == '#' {
				return l, parley.TokHashtag
			}
			return l, parley.TokHandle
		}
		return 0, 0
	}
	if len(w) < 5 || !hasURLByte(w) {
		return 0, 0
	}
	if hasPrefixFold(w, "http://") || hasPrefixFold(w, "https://") || hasPrefixFold(w, "ftp://") || hasPrefixFold(w, "www.") {
		return urlLen(w), parley.TokURL
	}
	if at := strings.IndexByte(w, '@'); at > 0 && isLocalPart(w[:at]) {
		if l := domainLen(w[at+1:]); l > 0 {
			return at + 1 + l, parley.TokEmail
		}
	}
	// Bare domains: "example.com", "bbc.co.uk/news".
	if isLetterASCII(w[0]) {
		if l := domainLen(w); l > 0 && l < len(w) && w[l] == '/' {
			return urlLen(w), parley.TokURL
		} else if l > 0 {
			return l, parley.TokURL
		}
	}
	return 0, 0
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func hasPrefixFold(s, p string) bool { return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) }

// urlLen returns the length of the URL at the start of w, dropping trailing
// sentence punctuation and an unbalanced closing bracket.
func urlLen(w string) int {
	n := len(w)
	for n > 0 {
		switch w[n-1] {
		case '.', ',', ';', ':', '!', '?', '"', '\'', '>':
			n--
			continue
		case ')', ']':
			open := strings.Count(w[:n], "(") + strings.Count(w[:n], "[")
			shut := strings.Count(w[:n], ")") + strings.Count(w[:n], "]")
			if shut > open {
				n--
				continue
			}
		}
		break
	}
	// Curly quotes and other non-ASCII closers.
	for n > 0 {
		r, size := utf8.DecodeLastRuneInString(w[:n])
		if r == '”' || r == '’' || r == '»' || r == '…' {
			n -= size
			continue
		}
		break
	}
	return n
}

func isLocalPart(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(isAlnumASCII(c) || c == '.' || c == '_' || c == '-' || c == '+' || c == '%') {
			return false
		}
	}
	return s[0] != '.'
}

// domainLen returns the length of a domain name (labels of letters, digits
// and hyphens, at least one dot, ending in a known top-level domain) at the
// start of w, or 0.
func domainLen(w string) int {
	end, lastDot, i := 0, -1, 0
	for i < len(w) {
		c := w[i]
		if isAlnumASCII(c) || c == '-' {
			i++
			continue
		}
		if c == '.' && i > 0 && i+1 < len(w) && isAlnumASCII(w[i+1]) {
			lastDot = i
			i++
			continue
		}
		break
	}
	end = i
	if lastDot < 0 {
		return 0
	}
	if !inFold(tlds, w[lastDot+1:end]) {
		return 0
	}
	return end
}

// tlds are the top-level domains that make a bare "name.tld" a domain.
var tlds = map[string]bool{
	"com": true, "org": true, "net": true, "edu": true, "gov": true, "mil": true, "int": true, "info": true,
	"io": true, "co": true, "uk": true, "us": true, "ru": true, "ua": true, "de": true, "fr": true, "tr": true,
	"eu": true, "cn": true, "jp": true, "in": true, "au": true, "ca": true, "it": true, "es": true, "nl": true,
	"ch": true, "se": true, "pl": true, "br": true, "il": true, "ir": true, "news": true, "tv": true, "biz": true,
}

// emoticons kept as one token.
var emoticons = []string{":-)", ":-(", ":)", ":(", ":D", ":-D", ";)", ";-)", ":P", ":-P", ":p", ":/", ":-/", "<3", ":'(", "=)", "^_^", "XD", ":O", ":o", "8)", "B)"}

// emoticonLen returns the length of an emoticon at the start of text[s:e]
// that is the whole of it, or 0.
func emoticonLen(text string, s, e int) int {
	w := text[s:e]
	if len(w) > 3 || len(w) < 2 {
		return 0
	}
	for _, em := range emoticons {
		if w == em {
			return len(em)
		}
	}
	return 0
}

// hasURLByte reports whether w holds a byte that every URL, e-mail address
// or domain has: '.', '@' or ':'.
func hasURLByte(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c == '.' || c == '@' || c == ':' {
			return true
		}
	}
	return false
}
