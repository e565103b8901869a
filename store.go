package parley

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DocInfo summarises a stored document without its text and annotations.
type DocInfo struct {
	ID        string    `json:"id"`
	SourceID  string    `json:"source_id,omitempty"`
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	Source    string    `json:"source,omitempty"`
	Published time.Time `json:"published"`
	Ingested  time.Time `json:"ingested"`
	Bytes     int       `json:"bytes"`
	Events    int       `json:"events"`
}

// DocFilter selects documents. Zero fields do not filter.
type DocFilter struct {
	Source string    // exact outlet
	Since  time.Time // Published >= Since
	Until  time.Time // Published < Until
	After  string    // cursor: only documents whose ID sorts after this one
	Limit  int       // at most this many; 0 means the store's default (100); at most 10000
}

// EventFilter selects events. Zero fields do not filter. Prefixes are
// literal and case-sensitive; when Since or Until is set, undated events
// are excluded.
type EventFilter struct {
	DocID  string
	Source string    // actor code prefix, "RUS"
	Target string    // actor code prefix
	Code   string    // CAMEO code prefix, "04" or "0431"
	Since  time.Time // Date >= Since
	Until  time.Time // Date < Until
	After  string    // cursor: only events whose ID sorts after this one
	Limit  int       // 0 means the store's default (100); at most 10000; negative is Invalid
}

// FusedEvent is one real-world event as a store has fused it (FuseRule):
// every coded event, in every sentence and article, that reports it. Its
// code, actors, modality, date and place are those of its first report.
type FusedEvent struct {
	// ID is the ID of its first coded event ("docID-0001"); it stays the
	// fused event's ID even if that document's events are later replaced.
	ID        string   `json:"id"`
	Source    string   `json:"source,omitempty"`
	Target    string   `json:"target,omitempty"`
	Code      string   `json:"code"`
	Root      string   `json:"root"`
	QuadClass int      `json:"quad_class"`
	Goldstein float64  `json:"goldstein"`
	Plover    string   `json:"plover,omitempty"`
	Mode      Modality `json:"mode"`
	// Date is the date of the event (zero when undated), Precision how
	// much of it the first report said (Event.Precision: "day", "month",
	// …; "" when it is the article's date), Place where it happened (nil
	// when no report says).
	Date      time.Time `json:"date,omitzero"`
	Precision string    `json:"precision,omitempty"`
	Place     *Place    `json:"place,omitempty"`
	// NumMentions counts the sentences that report it, NumArticles their
	// documents and NumSources their outlets (a document without an outlet
	// counts as one of its own).
	NumMentions int `json:"num_mentions"`
	NumArticles int `json:"num_articles"`
	NumSources  int `json:"num_sources"`
	// FirstSeen and LastSeen are the publication times of the first and
	// the last article that report it (their ingestion times when they
	// have none).
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
	// Mentions lists the reports, first seen first; only Store.FusedEvent
	// fills it.
	Mentions []Mention `json:"mentions,omitempty"`
}

// Cursor returns the value of FusedFilter.After that continues a listing
// after e.
func (e FusedEvent) Cursor() string {
	day := int64(0)
	if !e.Date.IsZero() {
		day = e.Date.Unix()
	}
	return strconv.FormatInt(day, 10) + "/" + e.ID
}

// ParseCursor splits a FusedFilter.After value into the date (Unix seconds,
// 0 for undated) and ID it continues after.
func ParseCursor(c string) (date int64, id string, err error) {
	d, id, ok := strings.Cut(c, "/")
	if ok {
		date, err = strconv.ParseInt(d, 10, 64)
	}
	if !ok || err != nil || id == "" {
		return 0, "", E("parley.ParseCursor", Invalid, fmt.Errorf("bad cursor %q: want the cursor of the last event of the previous page", c))
	}
	return date, id, nil
}

// FusedItem is a fused event as a listing serves it: its JSON, as
// FusedEvent.AppendJSON writes it, and its cursor (FusedEvent.Cursor).
type FusedItem struct {
	JSON   []byte
	Cursor string
}

// Mention is one sentence of one document that reports a fused event: the
// coded event of that sentence with its evidence and where it was read.
type Mention struct {
	Event
	Outlet    string    `json:"outlet,omitempty"` // the document's Source
	Title     string    `json:"title,omitempty"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"`
	// SentenceText is the sentence, SentenceBytes and TriggerBytes byte
	// offsets into the document's text (empty when the stored tokens do
	// not cover them).
	SentenceText  string `json:"sentence_text,omitempty"`
	SentenceBytes Span   `json:"sentence_bytes,omitzero"`
	TriggerBytes  Span   `json:"trigger_bytes,omitzero"`
}

// FusedFilter selects fused events. Zero fields do not filter. Prefixes
// are literal and case-sensitive; when Since or Until is set, undated
// events are excluded.
type FusedFilter struct {
	Source    string   // actor code prefix, "RUS"
	Target    string   // actor code prefix
	Actor     string   // actor code prefix of the source or the target
	Code      string   // CAMEO code prefix, "19" or "0431"
	QuadClass int      // 1..4
	Plover    string   // PLOVER event type, "ASSAULT"
	Mode      Modality // modality of the first report
	Country   string   // ISO alpha-3 of the place
	Place     string   // the place's name, any case ("Kharkiv")
	Since     time.Time
	Until     time.Time
	// MinArticles keeps only events reported by at least this many
	// documents.
	MinArticles int
	// Text keeps only events one of whose sentences has all these words
	// (case and accents ignored; "quoted words" a phrase, a trailing *
	// a prefix: "drone* Odesa").
	Text string
	// After is a cursor (FusedEvent.Cursor of the last event of the
	// previous page): the listing goes on after it.
	After string
	Limit int // 0 means the store's default (100); at most 10000; negative is Invalid
}

// DeadlineFilter selects deadlines. Zero fields do not filter.
type DeadlineFilter struct {
	DocID     string
	DueSince  time.Time // Due >= DueSince
	DueBefore time.Time // Due < DueBefore
	Limit     int       // 0 means the store's default (100); at most 10000; negative is Invalid
}

// Store keeps documents and their events. Implementations are safe for
// concurrent use. Times come back in UTC at whole-second precision; the zero
// time stays zero. store/storetest is the conformance suite every
// implementation passes.
type Store interface {
	// PutDoc stores d keyed by d.ID (the content hash), with its annotation
	// layers and events (numbered as PutEvents numbers them). It reports
	// created false, and changes nothing, when a document with that ID is
	// already stored. d.ID must be set.
	PutDoc(ctx context.Context, d *Doc) (created bool, err error)

	// Doc returns the stored document with its text, metadata, the
	// annotation layers it was stored with, its current events and its
	// deadlines, or an error of Kind NotFound.
	Doc(ctx context.Context, id string) (*Doc, error)

	// Has reports whether a document with this ID is stored.
	Has(ctx context.Context, id string) (bool, error)

	// Docs lists stored documents ordered by ID.
	Docs(ctx context.Context, f DocFilter) ([]DocInfo, error)

	// PutEvents replaces the events of document docID with events, assigning
	// each an ID of the form docID-NNNN (N the event's 1-based position,
	// zero-padded to four digits) and DocID. It returns an error of Kind NotFound
	// when the document is not stored.
	PutEvents(ctx context.Context, docID string, events []Event) error

	// Events lists stored events ordered by ID.
	Events(ctx context.Context, f EventFilter) ([]Event, error)

	// Deadlines lists the stored deadlines of all documents, by due date
	// and then ID (docID-DNNN, N its 1-based position in the document).
	// PutDoc stores a document's deadlines; PutEvents leaves them.
	Deadlines(ctx context.Context, f DeadlineFilter) ([]Deadline, error)

	// Fused lists fused events, newest first (by date, undated last, then
	// by ID), without their mentions. Every stored event belongs to
	// exactly one fused event, which PutDoc and PutEvents keep up to date
	// by the store's FuseRule.
	Fused(ctx context.Context, f FusedFilter) ([]FusedEvent, error)

	// FusedEvent returns the fused event with this ID and its mentions,
	// or an error of Kind NotFound.
	FusedEvent(ctx context.Context, id string) (*FusedEvent, error)

	// FusedItems lists fused events as Fused does, each as its JSON
	// (FusedEvent.AppendJSON) with its cursor, for a caller that passes
	// them on as they are.
	FusedItems(ctx context.Context, f FusedFilter) ([]FusedItem, error)

	// Stats returns the number of stored documents and events.
	Stats(ctx context.Context) (docs, events int, err error)

	// Close releases the store's resources.
	Close() error
}

// DateText writes date t as far as precision says: "2025-07-23" for a
// day (or an article's date, precision ""), "2025-07" for a month,
// "2025" for a year, "2025-W30" for a week, "2025-Q3" for a quarter; ""
// for the zero time.
func DateText(t time.Time, precision string) string {
	switch {
	case t.IsZero():
		return ""
	case precision == "month":
		return t.Format("2006-01")
	case precision == "year":
		return t.Format("2006")
	case precision == "week":
		y, w := t.ISOWeek()
		return fmt.Sprintf("%d-W%02d", y, w)
	case precision == "quarter":
		return fmt.Sprintf("%d-Q%d", t.Year(), (int(t.Month())+2)/3)
	}
	return t.Format(time.DateOnly)
}
