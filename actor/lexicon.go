package actor

import (
	"hash/maphash"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley/dict"
)

// Lexicon is the compiled form of a dictionary set's actors and agents: a
// map from each name, split into words by the same tokenizer that splits
// the text, to the entries it names. It is read-only once built and safe
// for concurrent use.
type Lexicon struct {
	set     *dict.Set
	entries map[string][]ref // normalised words joined by one space
	longest map[string]int   // first normalised word → most words in a name it starts
	// prefixes holds the first words of every name of two words or more,
	// joined as in entries, but not the whole name: a name of k words
	// can start at a word only when its first k-1 words are here.
	prefixes map[string]struct{}
	// short maps the shortened forms of persons' names to the persons:
	// the first and last words of a longer name ("carlos menem" for
	// CARLOS SAUL MENEM) and, under surnameKey, the last or first word
	// alone ("kagame", "wen"), which is only looked up after a title, and
	// under lastKey the last word alone ("chirac"), which may stand
	// without one. A person is an actor with a dated role.
	short map[string][]int32
	// sieve is a Bloom filter over the keys of entries and prefixes
	// (and so of longest), two bits a key: most words of a text start no
	// name, and a key the sieve refuses costs one hash and a read of a
	// small array, not probes of the large maps that miss the cache.
	sieve []uint64
	seed  maphash.Seed
	// countries maps a country's code to the canonical name of the actor
	// the dictionaries code as that country alone ("UKR" → "UKRAINE"),
	// the first such actor read.
	countries map[string]string
}

// surnameKey marks a surname among the keys of Lexicon.short; lastKey a
// last word.
const (
	surnameKey = "\x00"
	lastKey    = "\x01"
)

// ref is one dictionary entry a name refers to.
type ref struct {
	actor int32 // index into set.Actors, or -1
	agent int32 // index into set.Agents, or -1
}

// Split splits a name into the words the tokenizer makes of it, so that
// names and text are cut alike ("children's" → "children", "'s").
type Split func(name string) []string

// maxWords bounds the length of a name in words; longer names are never
// matched (none of the shipped dictionaries' names comes close).
const maxWords = 16

// NewLexicon compiles the actors and agents of set. split must cut names
// as the tokenizer cuts text.
func NewLexicon(set *dict.Set, split Split) *Lexicon {
	names := 0
	for i := range set.Actors {
		names += len(set.Actors[i].Names)
	}
	for i := range set.Agents {
		names += len(set.Agents[i].Names)
	}
	// Sized for the embedded set: 40,032 names make 66,665 entries (the
	// hyphenated forms), 45,463 first words, 34,840 prefixes and 39,848
	// shortened forms.
	l := &Lexicon{set: set, entries: make(map[string][]ref, 2*names), longest: make(map[string]int, names),
		prefixes: make(map[string]struct{}, names), short: make(map[string][]int32, names)}
	// add enters a name and returns its normalised words (nil when the
	// name is too long or empty).
	add := func(p dict.Phrase, r ref) []string {
		words := split(strings.Join(p, " "))
		if len(words) == 0 || len(words) > maxWords {
			return nil
		}
		for i, w := range words {
			words[i] = norm(w)
		}
		key := strings.Join(words, " ")
		rs := l.entries[key]
		if !slices.Contains(rs, r) {
			l.entries[key] = append(rs, r)
			l.longest[words[0]] = max(l.longest[words[0]], len(words))
			// The first k words of the name are the key up to its k-th
			// space.
			end := 0
			for _, w := range words[:len(words)-1] {
				end += len(w)
				l.prefixes[key[:end]] = struct{}{}
				end++
			}
		}
		return words
	}
	// A name of two or three words is also written as one hyphenated
	// word, which the tokenizer keeps whole ("Vice-President").
	addHyphenated := func(p dict.Phrase, r ref) {
		if len(p) < 2 || len(p) > 3 || slices.ContainsFunc(p, func(w string) bool { return w == "" || !letters(w) }) {
			return
		}
		add(dict.Phrase{strings.Join(p, "-")}, r)
	}
	// (An undated role first; else a dated one: Ukraine is USRUKR until
	// 1991.)
	l.countries = map[string]string{}
	for _, dated := range []bool{false, true} {
		for i := range set.Actors {
			a := &set.Actors[i]
			for _, r := range a.Roles {
				if r.Dated() == dated && countryCode(r.Code) && l.countries[r.Code] == "" {
					l.countries[r.Code] = a.Name
				}
			}
		}
	}
	for i := range set.Actors {
		person := slices.ContainsFunc(set.Actors[i].Roles, dict.Role.Dated)
		for _, n := range set.Actors[i].Names {
			words := add(n, ref{actor: int32(i), agent: -1})
			addHyphenated(n, ref{actor: int32(i), agent: -1})
			if person {
				l.addShort(words, int32(i))
			}
		}
	}
	for i := range set.Agents {
		for _, n := range set.Agents[i].Names {
			add(n, ref{actor: -1, agent: int32(i)})
			addHyphenated(n, ref{actor: -1, agent: int32(i)})
		}
	}
	l.seed = maphash.MakeSeed()
	// 8 to 16 bits a key (a power of two): 1 in 30 absent keys passes or
	// fewer (128 KiB for the embedded set's 101,509 keys).
	l.sieve = make([]uint64, 1<<bits.Len(uint(len(l.entries)+len(l.prefixes))*8/64))
	for k := range l.entries {
		l.sift(maphash.String(l.seed, k))
	}
	for k := range l.prefixes {
		l.sift(maphash.String(l.seed, k))
	}
	return l
}

// sieveBits returns the two bits of the sieve that hash h sets.
func (l *Lexicon) sieveBits(h uint64) (uint64, uint64) {
	mask := uint64(len(l.sieve)*64 - 1)
	return h & mask, h >> 32 & mask
}

// sift enters hash h in the sieve.
func (l *Lexicon) sift(h uint64) {
	a, b := l.sieveBits(h)
	l.sieve[a/64] |= 1 << (a % 64)
	l.sieve[b/64] |= 1 << (b % 64)
}

// mayHave reports whether the key hashed to h may be a key of entries or
// prefixes: false means it is neither.
func (l *Lexicon) mayHave(h uint64) bool {
	a, b := l.sieveBits(h)
	return l.sieve[a/64]&(1<<(a%64)) != 0 && l.sieve[b/64]&(1<<(b%64)) != 0
}

// first returns the most words in a name that the normalised word w
// starts, 0 when it starts none.
func (l *Lexicon) first(w string) int {
	if !l.mayHave(maphash.String(l.seed, w)) {
		return 0
	}
	return l.longest[w]
}

// addShort enters the shortened forms of person i's name, given as
// normalised words. A surname is the last word, or the first in names
// written surname first ("Premier Wen" is Wen Jiabao): a title before
// either names the person. (Not a last word of fewer than three letters:
// PETRARCH's split "paul kaga me".) The first and last words stand for
// a longer name, but not one of short words, most of them East Asian and
// written surname first: "Lee Jae Jin" is not "Lee Jin".
func (l *Lexicon) addShort(words []string, i int32) {
	if len(words) < 2 {
		return
	}
	first, last := words[0], words[len(words)-1]
	var keys []string
	if len(last) >= 3 && letters(last) {
		keys = append(keys, surnameKey+last)
	}
	if len(last) >= 5 && letters(last) {
		keys = append(keys, lastKey+last)
	}
	if len(first) >= 2 && letters(first) {
		keys = append(keys, surnameKey+first)
	}
	if len(words) > 2 && len(first) >= 4 && len(last) >= 4 && letters(last) {
		keys = append(keys, first+" "+last)
	}
	for _, k := range keys {
		if !slices.Contains(l.short[k], i) {
			l.short[k] = append(l.short[k], i)
		}
	}
}

// letters reports whether w holds letters only.
func letters(w string) bool {
	return !strings.ContainsFunc(w, func(c rune) bool { return !unicode.IsLetter(c) })
}

// keyBuf joins normalised words as entries and prefixes are keyed, in a
// buffer its owner reuses, so that a lookup allocates nothing (a map
// indexed by string(b) does not copy b).
type keyBuf []byte

// join sets the buffer to words joined by one space.
func (b *keyBuf) join(words []string) []byte {
	*b = (*b)[:0]
	for i, w := range words {
		if i > 0 {
			*b = append(*b, ' ')
		}
		*b = append(*b, w...)
	}
	return *b
}

// title reports whether the normalised word w names an agent alone: a
// title or a body ("president", "king", "police").
func (l *Lexicon) title(w string) bool {
	return slices.ContainsFunc(l.entries[w], func(r ref) bool { return r.agent >= 0 })
}

// lookup returns the entries named by the normalised words, joining
// them in buf.
func (l *Lexicon) lookup(buf *keyBuf, words []string) []ref {
	if len(words) == 1 {
		if !l.mayHave(maphash.String(l.seed, words[0])) {
			return nil
		}
		return l.entries[words[0]]
	}
	if k := buf.join(words); l.mayHave(maphash.Bytes(l.seed, k)) {
		return l.entries[string(k)]
	}
	return nil
}

// reach returns how many of words (at most n) a name of the lexicon could
// span: k when the first k-1 words begin a name and the first k do not,
// whatever the k-th word is (it may be matched by its lemma or singular).
func (l *Lexicon) reach(buf *keyBuf, words []string, n int) int {
	*buf = (*buf)[:0]
	for k := 1; k < n; k++ {
		if k > 1 {
			*buf = append(*buf, ' ')
		}
		*buf = append(*buf, words[k-1]...)
		if !l.mayHave(maphash.Bytes(l.seed, *buf)) {
			return k
		}
		if _, ok := l.prefixes[string(*buf)]; !ok {
			return k
		}
	}
	return n
}

// norm lower-cases w, folds Latin letters with diacritics to their base
// letter and curly apostrophes to straight ones, so that "Erdoğan" and
// "ERDOGAN" are one word.
func norm(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		r = unicode.ToLower(r)
		if r >= 0xc0 {
			if f, ok := fold[r]; ok {
				b.WriteString(f)
				continue
			}
		}
		if r == '’' || r == '‘' {
			r = '\''
		}
		b.WriteRune(r)
	}
	return b.String()
}

// fold maps lower-case Latin letters with diacritics to plain letters.
var fold = func() map[rune]string {
	m := map[rune]string{}
	for base, letters := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ďđ", "e": "èéêëēĕėęě", "g": "ĝğġģ",
		"h": "ĥħ", "i": "ìíîïĩīĭįı", "j": "ĵ", "k": "ķ", "l": "ĺļľŀł", "n": "ñńņňŉ",
		"o": "òóôõöøōŏő", "r": "ŕŗř", "s": "śŝşšș", "t": "ţťŧț", "u": "ùúûüũūŭůűų",
		"w": "ŵ", "y": "ýÿŷ", "z": "źżž", "ae": "æ", "oe": "œ", "ss": "ß",
	} {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

// countryCode reports whether code is a country's alone: three upper-case
// letters that are no sector or region of the CAMEO codes ("UKR", not
// "GOV" or "AFR").
func countryCode(code string) bool {
	if len(code) != 3 || isSector(code) || regions[code] {
		return false
	}
	for i := range 3 {
		if code[i] < 'A' || code[i] > 'Z' {
			return false
		}
	}
	return true
}
