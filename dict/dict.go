// Package dict holds parley's event-coding dictionaries: verb patterns that
// give a CAMEO event code to a verb and the words around it, actors with
// dated role codes, agents (sector words such as "minister" that attach to
// a country), discard phrases and issues.
//
// The dictionaries come from the PETRARCH coders (openeventdata/petrarch2)
// and are kept in parley's own line-oriented text format, described in
// FORMAT.md beside this file. The package reads both:
//
//	ReadPetrarchVerbs, ReadPetrarchActors, …   one PETRARCH file each
//	LoadPetrarch(fsys, PetrarchFiles{})        a PETRARCH directory as-is
//	ReadVerbs, ReadActors, …; WriteVerbs, …    one parley file each
//	Load(fsys)                                 a parley directory
//	Default()                                  the converted defaults embedded in the binary
//	Convert(petrarchDir, outDir)               PETRARCH → parley, deterministic
//	Check(fsys, validEvent)                    every problem of a directory, either format
//
// Readers never stop at the first problem: they skip what they cannot read,
// as PETRARCH does, and return every problem as a *parley.Error whose message
// starts with "file:line: ". Problems wrapping a *Warning are warnings
// (something PETRARCH would misread or ignore); the others are errors.
package dict

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Pos is where an entry was read.
type Pos struct {
	File string
	Line int
}

// String returns "file:line", or "file" when the line is unknown.
func (p Pos) String() string {
	if p.Line <= 0 {
		return p.File
	}
	return p.File + ":" + strconv.Itoa(p.Line)
}

// IsZero reports whether p is the zero Pos.
func (p Pos) IsZero() bool { return p == Pos{} }

// Phrase is a name or word sequence as lower-case words, matched against
// token text case-insensitively; PETRARCH's underscores become word
// boundaries ("UNITED_NATIONS" → ["united","nations"]).
type Phrase []string

// String returns the words joined by single spaces.
func (p Phrase) String() string { return strings.Join(p, " ") }

// Equal reports whether p and q have the same words.
func (p Phrase) Equal(q Phrase) bool {
	if len(p) != len(q) {
		return false
	}
	for i := range p {
		if p[i] != q[i] {
			return false
		}
	}
	return true
}

// ParsePhrase splits s on ASCII white space and underscores into
// lower-case words. It returns nil when s has no words.
func ParsePhrase(s string) Phrase {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sep := space(s[i]) || s[i] == '_'
		if !sep && !in {
			n++
		}
		in = !sep
	}
	if n == 0 {
		return nil
	}
	p := make(Phrase, 0, n)
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || space(s[i]) || s[i] == '_' {
			if start >= 0 {
				p = append(p, lower(s[start:i]))
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return p
}

// space reports whether c is ASCII white space. Only ASCII white space
// separates words in the dictionaries, so that what is written reads back
// the same.
func space(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// trim returns s without leading and trailing ASCII white space (as
// strings.Trim with those six bytes, which builds its set at every call:
// a seventh of loading the dictionaries).
func trim(s string) string {
	for len(s) > 0 && space(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && space(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

// fields splits s around runs of ASCII white space.
func fields(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || space(s[i]) {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}

// lower is strings.ToLower without the allocation when s is already lower case.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// Role is an actor code, optionally limited to a date range. A zero From or
// To leaves that end open; both zero make the undated default role. Both
// ends are inclusive, at day granularity in UTC, as PETRARCH documents
// ("the limits of the date restrictions are interpreted as 'or equal to'").
//
// Code is a CAMEO actor code as written: 3-letter chunks ("UKRGOV",
// "IGOUNO", "NGO"), "---" for "no code" (the name is recognised but
// yields no actor), or several codes joined by "/" that all apply
// (PETRARCH's compound codes, "FRA/DEU").
type Role struct {
	Code     string
	From, To time.Time
	Pos      Pos
}

// Dated reports whether r has a date restriction.
func (r Role) Dated() bool { return !r.From.IsZero() || !r.To.IsZero() }

// covers reports whether the day d (a UTC midnight) lies within r.
func (r Role) covers(d time.Time) bool {
	return (r.From.IsZero() || !d.Before(r.From)) && (r.To.IsZero() || !d.After(r.To))
}

// Actor is a named person, organisation or place with its role codes.
// Names includes the canonical name first. Origin is where the entry was
// converted from (the trailing "# file:line" comment of parley's format);
// it is zero for entries written by hand.
type Actor struct {
	Name  string
	Names []Phrase
	Roles []Role
	// NotNames are names a file takes away from the actor it merges with
	// (a "not" line): a generic word an earlier file gave it ("TANZIM"
	// is named "organization"). Load applies them; they are kept so that
	// the file writes back as it was read.
	NotNames []Phrase
	Pos      Pos
	Origin   Pos
}

// CodeAt returns the actor's code on the day of t (in UTC), by this rule:
//
//  1. Among the dated roles whose range covers that day, the one that
//     started last wins — so where one office ends and the next begins on
//     the same day the new one wins, and a short role inside a longer one
//     overrides it; among equal starts the role listed first wins.
//  2. Otherwise the first undated role.
//  3. Otherwise "": the actor had no role then, and PETRARCH codes nothing.
//
// A zero t means the date is unknown: then the first undated role, else the
// dated role that ends last (an open end counts as latest).
//
// The code is returned as written; "---" means the actor yields no code.
// PETRARCH applies the last satisfied restriction of an entry; the rule
// above gives the same code for the entries it documents (consecutive
// offices sharing a boundary day, a narrower role listed before a wider
// one) without depending on the order roles are listed in.
func (a *Actor) CodeAt(t time.Time) string {
	if t.IsZero() {
		return a.codeUndated()
	}
	y, m, d := t.UTC().Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	best := -1
	for i, r := range a.Roles {
		if !r.Dated() || !r.covers(day) {
			continue
		}
		if best < 0 || startsAfter(r.From, a.Roles[best].From) {
			best = i
		}
	}
	if best >= 0 {
		return a.Roles[best].Code
	}
	for _, r := range a.Roles {
		if !r.Dated() {
			return r.Code
		}
	}
	return ""
}

// DatedAt reports whether one of the actor's dated roles covers day t, so
// that CodeAt gives what the actor did that day rather than a role of no
// date (a party, a country) or none.
func (a *Actor) DatedAt(t time.Time) bool {
	y, m, d := t.UTC().Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return !t.IsZero() && slices.ContainsFunc(a.Roles, func(r Role) bool { return r.Dated() && r.covers(day) })
}

// startsAfter reports whether a role starting at a starts later than one
// starting at b; an open start is the earliest.
func startsAfter(a, b time.Time) bool {
	if a.IsZero() {
		return false
	}
	return b.IsZero() || a.After(b)
}

// codeUndated is CodeAt for an unknown date.
func (a *Actor) codeUndated() string {
	best := -1
	for i, r := range a.Roles {
		if !r.Dated() {
			return r.Code
		}
		if best < 0 {
			best = i
			continue
		}
		b := a.Roles[best].To
		if !b.IsZero() && (r.To.IsZero() || r.To.After(b)) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return a.Roles[best].Code
}

// Agent is a common noun that names a role of an actor ("minister",
// "rebels") together with the sector code it attaches to the actor's
// country code. Names holds every form PETRARCH generates from the entry:
// the phrase, its plural(s) and the expansions of substitution markers.
//
// Code is as written: "~GOV" (the usual form) adds GOV after the actor's
// code (USA + ~GOV → USAGOV); "NGO~" puts NGO before it. Sector is the
// code without the "~" and Before reports the second form.
type Agent struct {
	Names []Phrase
	// NotNames are names this block takes away from the agents of the
	// files read before it (a "not" line): a word an earlier file made an
	// agent that is none in news ("governance"). A block may have only
	// these.
	NotNames []Phrase
	Code     string
	Sector   string
	Before   bool
	Pos      Pos
	Origin   Pos
}

// setCode sets Code and derives Sector and Before from it.
func (g *Agent) setCode(code string) {
	g.Code = code
	g.Before = strings.HasSuffix(code, "~") && !strings.HasPrefix(code, "~")
	g.Sector = strings.Trim(code, "~")
}

// Discard is a phrase that stops a sentence, or with Story a whole story,
// from being coded (sports results, historical chronologies). With Stem the
// last word matches any word it begins ("windmill" matches "windmills");
// PETRARCH marks whole-word phrases with a trailing "_".
type Discard struct {
	Phrase Phrase
	Story  bool
	Stem   bool
	Pos    Pos
	Origin Pos
}

// Scope is what an issue exclusion phrase cancels.
type Scope uint8

// Exclusion scopes.
const (
	NoExclusion     Scope = iota // an ordinary issue phrase
	ExcludeSentence              // "~phrase": no issues coded for the sentence
	ExcludeStory                 // "~~phrase": no issues coded for the story
)

// Issue is a phrase whose presence in a sentence tags its events with an
// issue code ("BREAD_PRICES"). Forms holds every form PETRARCH
// generates from the entry ("n:" singular and plural, "v:" regular verb
// forms, "+" with a space and with a hyphen); Phrase is Forms[0], the phrase
// as written without those markers. An exclusion (Exclude != NoExclusion)
// has no Code. Category is the enclosing <ISSUE CATEGORY="…"> section.
type Issue struct {
	Phrase   Phrase
	Forms    []Phrase
	Code     string
	Exclude  Scope
	Category string
	Pos      Pos
	Origin   Pos
}

// Synset is a named set of words or phrases that a verb pattern can refer
// to by name ("&GADGET"). Members are consecutive-word phrases and
// include the regular plurals PETRARCH generates (see FORMAT.md).
type Synset struct {
	Name    string
	Members []Phrase
	Pos     Pos
	Origin  Pos
}

// VerbGroup is a block of synonymous verbs sharing patterns. Code is the
// block's default event code, used for a verb matched without a pattern
// unless the verb has its own; "---" means no event. Name is the block's
// description ("SPEAK_PUBLICLY").
type VerbGroup struct {
	Name     string
	Code     string
	Verbs    []Verb
	Patterns []Pattern
	Pos      Pos
	Origin   Pos
}

// Verb is one verb of a group. Words is its base form, e.g. ["back","down"]
// for a multi-word verb, and Head the index in Words of the word the parser
// tags as the verb (PETRARCH's "+": "+BACK_DOWN" has Head 0, "OUT_+VOTE"
// Head 1). Forms are its other forms, each with the same length and head:
// the forms listed in PETRARCH's {…}, or, when none are listed, the regular
// forms PETRARCH 2 generates for the head word:
//
//	-s:   -es after s, x or z; y → ies; else -s
//	-ed:  -d after e; else -ed
//	-ing: a final e after a consonant is dropped; else -ing
//
// so irregular verbs, doubled consonants and verbs in -y (which PETRARCH
// makes "delaies", "hurryed") need their forms listed. Code is the verb's
// own event code, "" to use the group's.
type Verb struct {
	Words Phrase
	Head  int
	Forms []Phrase
	Code  string
	// Without lists the patterns of the verb's group that do not apply
	// to it, each as PatternText writes it, with its code ("* members
	// [181]") or without one (every pattern of those words): a group's
	// verbs share its patterns, though not every verb takes every sense
	// ("retired from the army" is no retreat from the army).
	Without []string
	Pos     Pos
	Origin  Pos
}

// PatternText returns the words of pattern text s as Without compares
// them: without its code, one space apart, words lower-case
// and synset names as written ("* FROM +  [0874]" and "* from +" are both
// "* from +"; "* (over &TOWN)" stays).
func PatternText(s string) string {
	text, _ := patternParts(s)
	return text
}

// patternParts splits pattern text into PatternText's words and its code
// ("" when it has none).
func patternParts(s string) (text, code string) {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '['); i >= 0 && strings.HasSuffix(s, "]") {
		s, code = s[:i], strings.TrimSpace(s[i+1:len(s)-1])
	}
	f := strings.Fields(s)
	for i, w := range f {
		if !strings.Contains(w, "&") {
			f[i] = strings.ToLower(w)
		}
	}
	return strings.Join(f, " "), code
}

// GoesWithout reports whether verb v does without pattern p of its group
// (Without).
func (v *Verb) GoesWithout(p *Pattern) bool {
	if len(v.Without) == 0 {
		return false
	}
	text := PatternText(p.Raw)
	return slices.ContainsFunc(v.Without, func(w string) bool { return omits(w, text, p.Code) })
}

// omits reports whether Without entry w names a pattern with text (as
// PatternText writes it) and code.
func omits(w, text, code string) bool {
	wt, wc := patternParts(w)
	return wt == text && (wc == "" || wc == code)
}

// Pattern refines a group's code by the words around the verb: Before are
// the elements before the verb ("*" in the pattern) in sentence order, After
// those after it. Raw is the pattern as written in the file it was read
// from, without its comment.
//
// Code is as written. The colon form "042:043" codes a pair of events, as
// PETRARCH documents for symmetric events: the first code from source to
// target, the second from target to source; an empty half (":173") means
// no event in that direction, and when only one actor is found it serves
// as both. "---" means no event.
type Pattern struct {
	Before, After []Elem
	Code          string
	Raw           string
	Pos           Pos
	Origin        Pos
}

// ElemKind is the kind of a pattern element.
type ElemKind uint8

// Pattern element kinds. The first four match words; the markers match an
// actor (a noun phrase that the actor dictionaries code).
const (
	ElemWord     ElemKind = iota + 1 // a word: Words holds it
	ElemSynset                       // "&NAME": any member of the synset Name
	ElemUnit                         // "{…}": a noun phrase whose last element, in Sub, is its head noun
	ElemPrep                         // "(…)": a prepositional phrase: Sub[0] the preposition, the rest its object
	ElemSource                       // "$": the source actor
	ElemTarget                       // "+": the target actor
	ElemCompound                     // "%": a compound actor that is both source and target ("A and B agreed")
	ElemSkip                         // "^": an actor noun phrase that is skipped over
)

var elemNames = [...]string{"", "word", "synset", "unit", "prep", "source", "target", "compound", "skip"}

// String returns the kind's name.
func (k ElemKind) String() string {
	if int(k) < len(elemNames) && k > 0 {
		return elemNames[k]
	}
	return "ElemKind(" + strconv.Itoa(int(k)) + ")"
}

// Elem is one element of a pattern. Words holds the word of an ElemWord,
// Name the synset of an ElemSynset ("&GADGET"), Sub the elements of an
// ElemUnit or ElemPrep. Tight reports that no word may come between the
// element and its neighbour towards the verb — the next element in Before,
// the previous one in After and inside {…} and (…) — which PETRARCH writes
// as "_" ("UP_*", "BAKERS_AND MILLERS").
type Elem struct {
	Kind  ElemKind
	Words Phrase
	Name  string
	Sub   []Elem
	Tight bool
}

// Transform recodes an event reported inside another: PETRARCH 2's verb
// transformations, "~ a (a b RAID) BOAST = a b 190" (a boasts that a
// raided b: code a→b 190). Match is the outer event; Source, Target
// and Code the event it becomes, Code "Q" meaning the inner event's code.
type Transform struct {
	Match  TransformEvent
	Source string
	Target string
	Code   string
	Pos    Pos
	Origin Pos
}

// TransformEvent is an event shape in a Transform: Source does Verb to
// Target, or, when Inner is set, Verb has Inner as its object. Actor
// variables are lower-case letters (the same letter is the same actor), "."
// any actor and "_" no actor. A nil Verb is PETRARCH's "Q": any verb, whose
// code a Transform's Code "Q" passes on.
type TransformEvent struct {
	Source string
	Target string
	Inner  *TransformEvent
	Verb   Phrase
}

// Set is a loaded dictionary set. Files lists the files it was read from,
// in reading order.
type Set struct {
	Verbs      []VerbGroup
	Synsets    []Synset
	Transforms []Transform
	Actors     []Actor
	Agents     []Agent
	Discards   []Discard
	Issues     []Issue
	Files      []string
}

// VerbFile is the content of one verb dictionary file.
type VerbFile struct {
	Synsets    []Synset
	Groups     []VerbGroup
	Transforms []Transform
}
