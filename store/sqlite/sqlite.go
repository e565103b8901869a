// Package sqlite implements parley.Store on an SQLite database file, using
// the pure-Go driver modernc.org/sqlite.
//
// The schema is created and upgraded by the SQL migrations embedded from the
// migrations directory; each is applied once, in name order, and recorded in
// the schema_migrations table. Writes go through a single connection, so
// concurrent writers queue instead of failing with SQLITE_BUSY; reads use a
// pool of read-only connections and, thanks to WAL mode, do not block writes.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/store/internal/sqlstore"
	modernc "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Memory is the path that opens a private in-memory database, which lives
// until the Store is closed.
const Memory = ":memory:"

const busyTimeout = 10 * time.Second

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a parley.Store backed by SQLite. It is safe for concurrent use.
type Store struct {
	*sqlstore.Store         // the stores' shared core, over SQLite's dialect
	writer          *sql.DB // one connection: all writes are serialised
	reader          *sql.DB // read-only pool; the writer itself for an in-memory database
	fuse            parley.FuseRule
}

var _ parley.Store = (*Store)(nil)

// Option configures a Store at Open.
type Option func(*Store)

// WithFuseRule makes the store fuse the events it stores by r instead of
// parley.DefaultFuseRule. Fusing happens as events are stored, so a rule
// applies to the events stored while it is in force.
func WithFuseRule(r parley.FuseRule) Option {
	return func(s *Store) { s.fuse = r.Normalized() }
}

// Open opens the SQLite database at path, creating it if it does not exist,
// and applies any migrations it lacks; opts configure it (WithFuseRule).
// Path Memory opens a fresh in-memory database. Errors have Kind Invalid
// for an empty path and IO when the database cannot be opened or migrated.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	const op = "sqlite.Open"
	if path == "" {
		return nil, parley.E(op, parley.Invalid, errors.New("empty database path"))
	}
	fail := func(err error) error {
		return &parley.Error{Op: op, Kind: kindOf(err, parley.IO), Input: path, Err: err}
	}

	busy := fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds())
	s := &Store{fuse: parley.DefaultFuseRule()}
	for _, o := range opts {
		o(s)
	}
	if path == Memory {
		// Every connection to ":memory:" has its own database, so the
		// store uses exactly one, for reads and writes alike, and keeps it.
		db, err := sql.Open("sqlite", dsn(path, "_txlock=immediate", busy, "foreign_keys(1)"))
		if err != nil {
			return nil, fail(err)
		}
		db.SetMaxOpenConns(1)
		db.SetMaxIdleConns(1)
		db.SetConnMaxLifetime(0)
		db.SetConnMaxIdleTime(0)
		s.writer, s.reader = db, db
	} else {
		w, err := sql.Open("sqlite", dsn(path, "_txlock=immediate", busy, "foreign_keys(1)", "journal_mode(WAL)", "synchronous(NORMAL)"))
		if err != nil {
			return nil, fail(err)
		}
		w.SetMaxOpenConns(1)
		w.SetMaxIdleConns(1)
		w.SetConnMaxLifetime(0)
		w.SetConnMaxIdleTime(0)
		s.writer = w
	}
	if err := sqlstore.Migrate(ctx, s.writer, migrations, dialect); err != nil {
		s.writer.Close()
		return nil, fail(err)
	}
	if s.reader == nil {
		// Opened after migrating, so the file is already in WAL mode and
		// holds the schema.
		r, err := sql.Open("sqlite", dsn(path, busy, "foreign_keys(1)", "query_only(1)", "mmap_size(1073741824)"))
		if err != nil {
			s.writer.Close()
			return nil, fail(err)
		}
		n := max(4, runtime.GOMAXPROCS(0))
		r.SetMaxOpenConns(n)
		r.SetMaxIdleConns(n)
		s.reader = r
	}
	core, err := sqlstore.New(ctx, s.writer, s.reader, dialect, s.fuse)
	if err != nil {
		s.writer.Close()
		if s.reader != s.writer {
			s.reader.Close()
		}
		return nil, fail(err)
	}
	s.Store = core
	return s, nil
}

// dsn returns the data source name for path with the given driver options:
// "name=value" parameters as they are, anything else as a _pragma.
func dsn(path string, opts ...string) string {
	q := make([]string, len(opts))
	for i, o := range opts {
		if !strings.Contains(o, "=") {
			o = "_pragma=" + url.QueryEscape(o)
		}
		q[i] = o
	}
	if path == Memory {
		return path + "?" + strings.Join(q, "&")
	}
	// A "file:" URI, so that a path containing '?' or '#' is not taken for
	// the start of the parameters.
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return "file:" + r.Replace(path) + "?" + strings.Join(q, "&")
}

// Close closes the database. The Store must not be used afterwards.
func (s *Store) Close() error {
	err := errors.Join(s.Store.Close(), s.writer.Close())
	if s.reader != s.writer {
		err = errors.Join(err, s.reader.Close())
	}
	if err != nil {
		return parley.E("sqlite.Close", parley.IO, err)
	}
	return nil
}

// kindOf classifies a database error, returning def when nothing more
// specific applies.
func kindOf(err error, def parley.Kind) parley.Kind {
	if k := parley.KindOf(err); k != parley.Other {
		return k
	}
	switch {
	case errors.Is(err, context.Canceled):
		return parley.Other
	case errors.Is(err, context.DeadlineExceeded):
		return parley.Unavailable
	}
	var e *modernc.Error
	if errors.As(err, &e) {
		switch e.Code() & 0xff { // the primary result code
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return parley.Unavailable
		case sqlite3.SQLITE_TOOBIG:
			return parley.TooLarge
		case sqlite3.SQLITE_CONSTRAINT, sqlite3.SQLITE_MISMATCH, sqlite3.SQLITE_RANGE:
			return parley.Invalid
		}
	}
	return def
}
