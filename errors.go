package parley

import (
	"errors"
	"strconv"
	"strings"
)

// Kind classifies an Error so callers can branch on it and the edges (CLI
// exit status, HTTP status, queue retry) can translate it.
type Kind uint8

// Error kinds.
const (
	Other       Kind = iota // unclassified
	Invalid                 // the input is malformed: bad JSON, bad date, missing field
	TooLarge                // the input exceeds a documented limit
	NotFound                // the item does not exist
	Exist                   // the item already exists
	IO                      // reading or writing failed
	Unavailable             // a dependency (database, network) is unavailable; retrying may help
	Internal                // a bug in parley
)

var kindNames = [...]string{"error", "invalid input", "too large", "not found", "already exists", "I/O error", "unavailable", "internal error"}

// String returns a short description of k.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "error"
}

// Error is parley's one error type. Op names the operation ("ingest",
// "sqlite.PutDoc"); Input and Line locate the offending item when there is
// one ("news.jsonl", 12); Err is the underlying cause.
type Error struct {
	Op    string
	Kind  Kind
	Input string
	Line  int
	Err   error
}

// Error formats the error as "input:line: op: kind: cause".
func (e *Error) Error() string {
	var b strings.Builder
	if e.Input != "" {
		b.WriteString(e.Input)
		if e.Line > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(e.Line))
		}
		b.WriteString(": ")
	}
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	if e.Kind != Other {
		b.WriteString(e.Kind.String())
		if e.Err != nil {
			b.WriteString(": ")
		}
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return strings.TrimSuffix(b.String(), ": ")
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// E is shorthand for &Error{Op: op, Kind: kind, Err: err}.
func E(op string, kind Kind, err error) error { return &Error{Op: op, Kind: kind, Err: err} }

// KindOf returns the Kind of the first *Error in err's chain that has one,
// or Other.
func KindOf(err error) Kind {
	for err != nil {
		var e *Error
		if !errors.As(err, &e) {
			return Other
		}
		if e.Kind != Other {
			return e.Kind
		}
		err = e.Err
	}
	return Other
}
