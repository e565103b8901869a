package parley

import (
	"context"
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

	// Stats returns the number of stored documents and events.
	Stats(ctx context.Context) (docs, events int, err error)

	// Close releases the store's resources.
	Close() error
}
