// Package parley is the domain of the parley event-data engine: the document
// that flows through the pipeline, the annotations the stages attach to it,
// the store that keeps them, and the one error type.
//
// Data flow:
//
//	input (text, JSONL, HTML, RSS/Atom, URL)
//	   │ ingest            → Doc{Text, Published, Meta}
//	   ▼
//	tokenize               → Doc.Tokens      (byte offsets into Doc.Text)
//	segment                → Doc.Sentences   (token spans, paragraph numbers)
//	postag, lemma          → Token.UPOS, XPOS, Feats, Lemma
//	depparse               → Token.Head, Token.DepRel
//	ner                    → Doc.Entities    (token spans)
//	timex                  → Doc.Timexes     (token spans, TIMEX3 values)
//	geo                    → Doc.Places      (token spans, GeoNames ids)
//	actor                  → Doc.Actors      (token spans, CAMEO actor codes)
//	eventcode              → Doc.Events, Doc.Quotes (sentence + trigger/actor spans)
//	   │
//	   ▼
//	fuse (across documents) → Store (SQLite, PostgreSQL) → CLI, HTTP API, exports
//
// Every annotation refers to the text by offsets: tokens hold byte offsets
// into Doc.Text, everything above tokens holds token spans. Nothing copies
// the text, so provenance (the sentence and words that prove an event) is
// always exact. Problems found in the text are recorded as Notes on the Doc;
// only a stage that cannot run at all returns an error.
//
// This package imports nothing from the module and only the standard
// library.
package parley

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Layer is a set of annotation layers, used by stages to declare what they
// require and assign, and by a Doc to record what it carries.
type Layer uint32

// The annotation layers, in pipeline order.
const (
	LayerTokens    Layer = 1 << iota // Doc.Tokens
	LayerSentences                   // Doc.Sentences
	LayerPOS                         // Token.UPOS, Token.XPOS, Token.Feats
	LayerLemmas                      // Token.Lemma
	LayerDeps                        // Token.Head, Token.DepRel
	LayerEntities                    // Doc.Entities
	LayerTimexes                     // Doc.Timexes
	LayerPlaces                      // Doc.Places
	LayerActors                      // Doc.Actors
	LayerEvents                      // Doc.Events and Doc.Quotes
)

var layerNames = [...]string{"tokens", "sentences", "pos", "lemmas", "deps", "entities", "timexes", "places", "actors", "events"}

// Has reports whether l contains every layer in m.
func (l Layer) Has(m Layer) bool { return l&m == m }

// String returns the layer names joined by "+", or "none".
func (l Layer) String() string {
	if l == 0 {
		return "none"
	}
	s := ""
	for i, n := range layerNames {
		if l&(1<<i) != 0 {
			if s != "" {
				s += "+"
			}
			s += n
		}
	}
	if rest := l &^ (1<<len(layerNames) - 1); rest != 0 {
		if s != "" {
			s += "+"
		}
		s += "unknown"
	}
	return s
}

// MarshalText encodes l as its String form ("tokens+sentences"), so JSON
// output names the layers.
func (l Layer) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText decodes the String form; unknown names are an error.
func (l *Layer) UnmarshalText(b []byte) error {
	*l = 0
	if s := string(b); s != "none" && s != "" {
		for _, name := range strings.Split(s, "+") {
			i := slices.Index(layerNames[:], name)
			if i < 0 {
				return fmt.Errorf("unknown layer %q", name)
			}
			*l |= 1 << i
		}
	}
	return nil
}

// Span is a half-open interval [Start, End). Its unit (bytes or tokens) is
// stated by the field that holds it.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of units in s.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether s covers nothing.
func (s Span) Empty() bool { return s.End <= s.Start }

// Contains reports whether s covers t entirely.
func (s Span) Contains(t Span) bool { return s.Start <= t.Start && t.End <= s.End }

// Overlaps reports whether s and t share at least one unit.
func (s Span) Overlaps(t Span) bool { return s.Start < t.End && t.Start < s.End }

// TokenKind classifies a token by its surface shape, as the tokenizer saw it.
type TokenKind uint8

// Token kinds.
const (
	TokWord    TokenKind = iota // words, including abbreviations and clitics ("U.S.", "n't")
	TokNumber                   // numbers, decimals, ordinals, percentages written as one token
	TokPunct                    // punctuation and symbols
	TokURL                      // URLs
	TokEmail                    // e-mail addresses
	TokHandle                   // @handles
	TokHashtag                  // #hashtags
)

var tokenKindNames = [...]string{"word", "number", "punct", "url", "email", "handle", "hashtag"}

// String returns the kind's lower-case name.
func (k TokenKind) String() string {
	if int(k) < len(tokenKindNames) {
		return tokenKindNames[k]
	}
	return "unknown"
}

// Token is one word or punctuation mark: byte offsets into Doc.Text plus the
// word-level annotations that later stages assign. Its text is
// Doc.Text[Start:End]; use Doc.TokenText.
type Token struct {
	Start int       `json:"start"` // byte offset of the first byte
	End   int       `json:"end"`   // byte offset after the last byte
	Kind  TokenKind `json:"kind"`

	// Set by postag and lemma.
	UPOS  string `json:"upos,omitempty"`  // Universal POS tag
	XPOS  string `json:"xpos,omitempty"`  // Penn Treebank tag
	Feats string `json:"feats,omitempty"` // UD features, "Tense=Past|VerbForm=Fin"
	Lemma string `json:"lemma,omitempty"` // empty when the lemma is the form itself

	// Set by depparse: Head is the document-level index of the head token,
	// or -1 for the root of its sentence.
	Head   int    `json:"head"`
	DepRel string `json:"deprel,omitempty"`
}

// Sentence is a token span; its text is Doc.Text from the first token's
// start to the last token's end.
type Sentence struct {
	Tokens    Span `json:"tokens"`
	Paragraph int  `json:"paragraph"` // 0-based paragraph number within the document
}

// EntityType is a CoNLL-2003 named-entity type.
type EntityType string

// Entity types.
const (
	PER  EntityType = "PER"
	ORG  EntityType = "ORG"
	LOC  EntityType = "LOC"
	MISC EntityType = "MISC"
)

// Entity is a named-entity mention.
type Entity struct {
	Tokens  Span       `json:"tokens"`
	Type    EntityType `json:"type"`
	Subtype string     `json:"subtype,omitempty"` // GPE, NORP, EVENT, FAC, … where knowledge allows
}

// Timex is a temporal expression normalised as TIMEX3.
type Timex struct {
	Tokens      Span   `json:"tokens"`
	Type        string `json:"type"`  // DATE, TIME, DURATION, SET
	Value       string `json:"value"` // TimeML value: 2025-07-23, 2025-W30, P50D, PAST_REF, …
	Approximate bool   `json:"approximate,omitempty"`
}

// Place is a toponym resolved to a gazetteer entry.
type Place struct {
	Tokens    Span    `json:"tokens"`
	GeoNameID int     `json:"geonameid,omitempty"`
	Name      string  `json:"name"`
	Country   string  `json:"country,omitempty"` // ISO 3166-1 alpha-3
	Admin1    string  `json:"admin1,omitempty"`
	Feature   string  `json:"feature,omitempty"` // GeoNames feature code
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	// Approximate is set when the place is a guess from the document's
	// focus rather than the name's own entry (geo.Options.Guess; never
	// set by the geo stage).
	Approximate bool `json:"approximate,omitempty"`
}

// Actor is a mention of a political actor coded in CAMEO actor codes.
type Actor struct {
	Tokens  Span   `json:"tokens"`
	Code    string `json:"code"`              // full code, "UKRGOV"
	Country string `json:"country,omitempty"` // ISO alpha-3 or CAMEO country part
	Sectors string `json:"sectors,omitempty"` // sector part, "GOV", "MILREB"
	Name    string `json:"name,omitempty"`    // canonical name from the dictionary
	Entity  int    `json:"entity"`            // index into Doc.Entities, or -1
	Ref     int    `json:"ref"`               // index of the antecedent actor for coreference, or -1
	// CountryFrom says where Country came from when the actor's own words
	// and the dictionaries do not give one (FromPhrase, FromSentence,
	// FromDocument, FromOwner). Empty when the text names the country
	// with the actor.
	CountryFrom string `json:"country_from,omitempty"`
}

// Where Actor.CountryFrom says an actor's country came from.
const (
	FromPhrase   = "phrase"   // a place in the actor's phrase: "police in Lagos", "the government of Sindh"
	FromSentence = "sentence" // the places of its sentence, all in one country
	FromDocument = "document" // the country most of the document's places (and its dateline) are in
	FromOwner    = "owner"    // the one a possessive names, whose body it is: "its embassies", "his government"
)

// Modality says how the text presents an event.
type Modality string

// Modalities.
const (
	Asserted     Modality = "asserted"     // said to have happened or to be happening
	Future       Modality = "future"       // planned, announced or expected ("will meet")
	Conditional  Modality = "conditional"  // depends on a condition ("should there be no ceasefire")
	Hypothetical Modality = "hypothetical" // possible only ("may include", "could attack")
	Negated      Modality = "negated"      // said not to have happened ("did not", "has yet to")
	Reported     Modality = "reported"     // asserted by a speaker the text quotes (see Event.ReportedBy)
)

// Event is a coded political event with its provenance: the sentence, the
// trigger and actor spans, and the dictionary pattern that fired.
type Event struct {
	ID        string  `json:"id,omitempty"`
	DocID     string  `json:"doc_id,omitempty"`
	Sentence  int     `json:"sentence"` // index into Doc.Sentences
	Trigger   Span    `json:"trigger"`  // token span of the verb (with particles)
	Source    string  `json:"source,omitempty"`
	Target    string  `json:"target,omitempty"`
	SourceRef int     `json:"source_ref"` // index into Doc.Actors, or -1
	TargetRef int     `json:"target_ref"` // index into Doc.Actors, or -1
	Code      string  `json:"code"`       // CAMEO event code, "0431"
	Root      string  `json:"root"`       // CAMEO root, "04"
	QuadClass int     `json:"quad_class"` // 1..4
	Goldstein float64 `json:"goldstein"`
	Plover    string  `json:"plover,omitempty"` // PLOVER event type
	// PloverMode and PloverContext refine the PLOVER type, from the
	// official CAMEO→PLOVER table.
	PloverMode    string   `json:"plover_mode,omitempty"`
	PloverContext string   `json:"plover_context,omitempty"`
	Mode          Modality `json:"mode"`
	// ReportedBy is the code of the actor whose statement carries the
	// event ("Zelensky confirmed that …"), ReportedByRef its index into
	// Doc.Actors; empty and -1 when the text asserts the event itself.
	ReportedBy    string    `json:"reported_by,omitempty"`
	ReportedByRef int       `json:"reported_by_ref"`
	Confidence    float64   `json:"confidence"`          // 0..1: how sure the coder is of code and actors
	Date          time.Time `json:"date,omitzero"`       // zero when the document has no date
	Precision     string    `json:"precision,omitempty"` // day, month, year
	Place         int       `json:"place"`               // index into Doc.Places, or -1
	Pattern       string    `json:"pattern,omitempty"`   // the dictionary pattern that fired
	// FusedID is the fused event (parley.FusedEvent) this event is a
	// report of: set by a store, empty until stored.
	FusedID string `json:"fused_id,omitempty"`
}

// Quote is text in quotation marks with the actor who said it, as the
// event coder found it: the subject of the verb of saying it belongs to.
type Quote struct {
	Sentence    int    `json:"sentence"`               // index into Doc.Sentences
	Tokens      Span   `json:"tokens"`                 // the words inside the quotation marks
	Speaker     int    `json:"speaker"`                // index into Doc.Actors, or -1 when unknown
	SpeakerCode string `json:"speaker_code,omitempty"` // the speaker's actor code
}

// Deadline is a time limit the text sets ("within the next 50 days", "by
// September 1", "a 10-day deadline"): by when, who set it, on whom, under
// what condition, with the sentence that says so. The event coder finds
// them, beside the events they belong to.
type Deadline struct {
	ID       string `json:"id,omitempty"`
	DocID    string `json:"doc_id,omitempty"`
	Sentence int    `json:"sentence"` // index into Doc.Sentences
	Tokens   Span   `json:"tokens"`   // the words that set the limit
	Timex    int    `json:"timex"`    // index into Doc.Timexes, or -1
	Event    int    `json:"event"`    // index into Doc.Events of the act it belongs to, or -1
	SetBy    string `json:"set_by,omitempty"`
	SetByRef int    `json:"set_by_ref"` // index into Doc.Actors, or -1
	On       string `json:"on,omitempty"`
	OnRef    int    `json:"on_ref"` // index into Doc.Actors, or -1
	// Condition is the clause that states what must happen by then
	// ("should there be no ceasefire agreement …"); empty when none.
	Condition Span      `json:"condition,omitzero"`
	Due       time.Time `json:"due"`
	// Approximate is set when the due date is counted from the
	// document's date ("within 50 days" of the day it was published,
	// not of the day the limit was set) or is known only to the month.
	Approximate bool `json:"approximate,omitempty"`
}

// NoteKind classifies a Note.
type NoteKind string

// Note kinds used across stages.
const (
	NoteInvalidUTF8 NoteKind = "invalid-utf8"
	NoteTruncated   NoteKind = "truncated"
	NoteUnparsed    NoteKind = "unparsed"
	NoteUnknown     NoteKind = "unknown"
	NoteAmbiguous   NoteKind = "ambiguous"
	NoteDiscarded   NoteKind = "discarded" // text the coder skips on purpose (sports results, chronologies)
)

// Note records a problem found in the text: which stage saw it, where (byte
// offsets into Doc.Text) and what it was.
type Note struct {
	Stage   string   `json:"stage"`
	Kind    NoteKind `json:"kind"`
	Bytes   Span     `json:"bytes"`
	Message string   `json:"message"`
}

// Doc is one article and every annotation the pipeline has attached to it.
type Doc struct {
	ID        string            `json:"id"`                  // content hash of Text; see Hash
	SourceID  string            `json:"source_id,omitempty"` // the id the input gave, if any
	URL       string            `json:"url,omitempty"`
	Title     string            `json:"title,omitempty"`
	Source    string            `json:"source,omitempty"` // outlet: "AFP", "Reuters"
	Language  string            `json:"language,omitempty"`
	Published time.Time         `json:"published"` // document creation time; zero if unknown
	Meta      map[string]string `json:"meta,omitempty"`
	Origin    string            `json:"origin,omitempty"` // where it was read: "file.jsonl:12"

	Text string `json:"text"`

	Layers    Layer      `json:"layers"`
	Tokens    []Token    `json:"tokens,omitempty"`
	Sentences []Sentence `json:"sentences,omitempty"`
	Entities  []Entity   `json:"entities,omitempty"`
	Timexes   []Timex    `json:"timexes,omitempty"`
	// Dateline is the place of the article's dateline ("KYIV, July 21
	// (Reuters) -"), a token span; empty when it has none. Set with the
	// timexes layer.
	Dateline Span    `json:"dateline,omitzero"`
	Places   []Place `json:"places,omitempty"`
	// Focus is the country the document's places point to most (ISO
	// alpha-3), set with the places layer; "" when none.
	Focus     string     `json:"focus,omitempty"`
	Actors    []Actor    `json:"actors,omitempty"`
	Events    []Event    `json:"events,omitempty"`
	Quotes    []Quote    `json:"quotes,omitempty"`    // set with the events layer
	Deadlines []Deadline `json:"deadlines,omitempty"` // set with the events layer
	Notes     []Note     `json:"notes,omitempty"`
}

// NewDoc returns a Doc for text with its ID set to Hash(text).
func NewDoc(text string) *Doc { return &Doc{ID: Hash(text), Text: text} }

// Hash returns the content hash that keys documents: the first 128 bits of
// the SHA-256 of text, in lower-case hex.
func Hash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:16])
}

// TokenText returns the text of token i.
func (d *Doc) TokenText(i int) string { t := d.Tokens[i]; return d.Text[t.Start:t.End] }

// Lemma returns the lemma of token i in lower case: Token.Lemma, or the
// token's text when its lemma is the form itself (an empty Lemma).
func (d *Doc) Lemma(i int) string {
	if l := d.Tokens[i].Lemma; l != "" {
		return strings.ToLower(l)
	}
	return strings.ToLower(d.TokenText(i))
}

// SpanBytes returns the byte span of Doc.Text covered by the token span s.
func (d *Doc) SpanBytes(s Span) Span {
	if s.Empty() {
		return Span{}
	}
	return Span{d.Tokens[s.Start].Start, d.Tokens[s.End-1].End}
}

// SpanText returns the text covered by the token span s, as written.
func (d *Doc) SpanText(s Span) string { b := d.SpanBytes(s); return d.Text[b.Start:b.End] }

// SentenceText returns the text of sentence i, as written.
func (d *Doc) SentenceText(i int) string { return d.SpanText(d.Sentences[i].Tokens) }

// Note records a problem found in the text.
func (d *Doc) Note(stage string, kind NoteKind, bytes Span, msg string) {
	d.Notes = append(d.Notes, Note{Stage: stage, Kind: kind, Bytes: bytes, Message: msg})
}

// TokenBetween reports whether a token reading text stands between
// spans a and b, in either order (";" between two clauses).
func (d *Doc) TokenBetween(a, b Span, text string) bool {
	if b.Start < a.Start {
		a, b = b, a
	}
	for i := a.End; i < b.Start; i++ {
		if d.TokenText(i) == text {
			return true
		}
	}
	return false
}

// SpanHead returns the token of s whose head in the dependency tree lies
// outside s: the head of the phrase s covers (the last token of s when
// none does, as when the tree is missing). A conjunct of a word outside s
// is passed over for another such token: in "Hungarian and [Romanian
// officials]" the head is "officials", not "Romanian"; so is a function
// word hanging outside the span: in "[The KU] basketball team" the head is
// "KU", whose phrase the article belongs to, not "The".
func (d *Doc) SpanHead(s Span) int {
	first := -1
	for i := s.Start; i < s.End; i++ {
		if h := d.Tokens[i].Head; h < s.Start || h >= s.End {
			switch d.Tokens[i].DepRel {
			case "conj", "det", "case", "punct", "cc":
			default:
				return i
			}
			if first < 0 {
				first = i
			}
		}
	}
	if first >= 0 {
		return first
	}
	return s.End - 1
}

// PhraseRoot returns the head of the noun phrase that token i modifies:
// it climbs the dependency tree from i through the relations that stay
// within a noun phrase — compound, amod, flat, appos, nmod:poss, and nmod
// introduced by "of", "from" or "for" ("the president of Ukraine", "a
// spokesperson for the government"; not "talks with Russia", nor a place
// "from" or "for" another place) — and returns the first token that holds
// none of them.
func (d *Doc) PhraseRoot(i int) int {
	return d.PhraseRootIn(i, func(j int) int { return d.Tokens[j].Head }, func(j int) string { return d.Tokens[j].DepRel })
}

// PhraseRootIn is PhraseRoot in another view of the tree, as a stage that
// mends the parse sees it: head and rel give each token's head (-1 for a
// root) and relation. A preposition is read as CaseOf reads it, within
// six tokens before its word.
func (d *Doc) PhraseRootIn(i int, head func(int) int, rel func(int) string) int {
	for range 8 {
		h := head(i)
		if h < 0 || h >= len(d.Tokens) {
			return i
		}
		switch rel(i) {
		case "compound", "amod", "flat", "flat:name", "appos", "nmod:poss":
		case "nmod":
			c := d.caseIn(i, head, rel)
			if c != "of" && c != "from" && c != "for" {
				return i
			}
			// A place hanging by "for" or "from" from another place
			// heads a phrase of its own: "left Kathmandu for Dhaka",
			// "came to Doha from Cairo" name two places (where "the UN
			// envoy for Somalia" is one actor).
			if c != "of" && d.inPlace(i) && d.inPlace(h) {
				return i
			}
		default:
			return i
		}
		i = h
	}
	return i
}

// inPlace reports whether token i lies in one of d's places.
func (d *Doc) inPlace(i int) bool {
	for _, p := range d.Places {
		if p.Tokens.Start <= i && i < p.Tokens.End {
			return true
		}
	}
	return false
}

// CaseOf returns the lower-cased word of the case marker (preposition)
// attached to token i, or "" when it has none: "of" for "Ukraine" in "the
// president of Ukraine".
func (d *Doc) CaseOf(i int) string {
	return d.caseIn(i, func(j int) int { return d.Tokens[j].Head }, func(j int) string { return d.Tokens[j].DepRel })
}

// caseIn is CaseOf in the view of the tree head and rel give.
func (d *Doc) caseIn(i int, head func(int) int, rel func(int) string) string {
	for j := max(0, i-6); j < i; j++ {
		if head(j) == i && rel(j) == "case" {
			return strings.ToLower(d.TokenText(j))
		}
	}
	return ""
}
