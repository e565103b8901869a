// Package sqlstore is the core the SQL stores share: parley.Store over
// database/sql, written once, for the schema both stores create (each
// with its own migrations). A Dialect gives the few pieces of SQL in
// which SQLite and PostgreSQL differ: placeholders, prefix matching,
// slicing text by bytes, the full-text index and the statement that
// creates a fused event.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley"
)

// Dialect is what differs between the SQL databases.
type Dialect struct {
	Name string // the store's name in errors: "sqlite", "postgres"

	// Rebind turns the store's "?" and "?N" placeholders into the
	// database's; nil leaves them.
	Rebind func(string) string

	// Prefix is the operator that matches a pattern made by PrefixArg:
	// "GLOB" or "LIKE".
	Prefix    string
	PrefixArg func(prefix string) string

	// SentenceText is the expression of the sentence of event e, as text,
	// from document d (by its byte offsets).
	SentenceText string

	// IndexEvidence stores the sentence of event ? in the full-text index
	// (again, if it is there); DeleteEvidence takes the sentences of
	// document ?'s events out of it; TextMatch returns the condition on a
	// fused event's id that one of its sentences has the words, and its
	// arguments ("" when there are no words).
	IndexEvidence, DeleteEvidence string
	TextMatch                     func(words string) (cond string, args []any)

	// CreationOrder orders the fused table's rows as they were created
	// ("rowid", a serial column).
	CreationOrder string

	// CreateFused inserts a fused event, doing nothing when its ID is
	// taken. Its arguments: id, source, target, base, class, date, doc_id,
	// code, quad_class, goldstein, plover, mode, then the place columns
	// (placeColumns). The root, source_head and target_head are derived
	// from code, source and target.
	CreateFused string

	// LockKey, when not empty, takes a transaction-scoped lock on the
	// text ? (a fuse key), so that concurrent writers fusing reports of
	// one event wait for each other; a database whose writes are already
	// serialised needs none.
	LockKey string

	// MigrationLock, when not empty, takes a transaction-scoped lock
	// before migrating, so that processes opening a new database at once
	// do not race.
	MigrationLock string

	// Kind classifies a database error (parley.Kind), def when nothing
	// more specific applies.
	Kind func(err error, def parley.Kind) parley.Kind
}

// Store is parley.Store on a SQL database: writes through writer, reads
// through reader (which may be the same pool). It is safe for concurrent
// use.
type Store struct {
	writer, reader *dbw
	d              *Dialect
	fuse           parley.FuseRule
	stmts          *writeStmts
	reads          sync.Map // prepared statements of listings, by SQL
}

var _ parley.Store = (*Store)(nil)

// New returns the store over writer and reader, prepares its statements
// and fuses the events stored before fusing existed. The caller keeps the
// databases and closes them after Close.
func New(ctx context.Context, writer, reader *sql.DB, d *Dialect, rule parley.FuseRule) (*Store, error) {
	rebind := d.Rebind
	if rebind == nil {
		rebind = func(q string) string { return q }
	}
	s := &Store{writer: &dbw{writer, rebind}, reader: &dbw{reader, rebind}, d: d, fuse: rule.Normalized()}
	var err error
	if s.stmts, err = prepareWrites(ctx, s.writer, d); err != nil {
		return nil, err
	}
	if err := s.fuseStored(ctx); err != nil {
		s.stmts.close()
		return nil, err
	}
	return s, nil
}

// Close closes the store's prepared statements (not the databases).
func (s *Store) Close() error {
	var errs []error
	s.reads.Range(func(_, st any) bool {
		errs = append(errs, st.(*sql.Stmt).Close())
		return true
	})
	return errors.Join(append(errs, s.stmts.close())...)
}

// readQuery runs a read-only query through a statement prepared once.
func (s *Store) readQuery(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, ok := s.reads.Load(query)
	if !ok {
		prepared, err := s.reader.PrepareContext(ctx, query)
		if err != nil {
			return nil, err
		}
		if st, ok = s.reads.LoadOrStore(query, prepared); ok {
			prepared.Close() // another goroutine stored it first
		}
	}
	return st.(*sql.Stmt).QueryContext(ctx, args...)
}

// fail wraps err, a database error met by operation op, in a *parley.Error.
func (s *Store) fail(op string, err error) error {
	return parley.E(op, s.d.Kind(err, parley.IO), err)
}

// Rebind turns "?" and "?N" placeholders into PostgreSQL's "$N", outside
// quoted strings.
func Rebind(q string) string {
	var b strings.Builder
	n := 0
	quoted := false
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'':
			quoted = !quoted
			b.WriteByte(c)
		case c == '?' && !quoted:
			j := i + 1
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			if j > i+1 {
				b.WriteString("$" + q[i+1:j])
				i = j - 1
				continue
			}
			n++
			b.WriteString("$" + strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// dbw and txw run the store's SQL with its placeholders rebound.
type dbw struct {
	*sql.DB
	rebind func(string) string
}

func (d *dbw) BeginTx(ctx context.Context, opts *sql.TxOptions) (*txw, error) {
	tx, err := d.DB.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &txw{q: tx, tx: tx, rebind: d.rebind}, nil
}

func (d *dbw) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return d.DB.ExecContext(ctx, d.rebind(q), args...)
}

func (d *dbw) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return d.DB.QueryContext(ctx, d.rebind(q), args...)
}

func (d *dbw) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return d.DB.QueryRowContext(ctx, d.rebind(q), args...)
}

func (d *dbw) PrepareContext(ctx context.Context, q string) (*sql.Stmt, error) {
	return d.DB.PrepareContext(ctx, d.rebind(q))
}

// txw runs the store's writes in one transaction: a *sql.Tx, or a
// connection on which the caller began one through its own driver (so
// that the caller's other writes, a job queue's, commit with them).
type txw struct {
	q      querier
	tx     *sql.Tx // nil on a connection
	rebind func(string) string
	texts  map[*sql.Stmt]string // the prepared writes' statements, run as text on a connection
}

// querier is what *sql.Tx and *sql.Conn share.
type querier interface {
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
	PrepareContext(ctx context.Context, q string) (*sql.Stmt, error)
}

func (t *txw) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.q.ExecContext(ctx, t.rebind(q), args...)
}

func (t *txw) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.q.QueryContext(ctx, t.rebind(q), args...)
}

func (t *txw) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return t.q.QueryRowContext(ctx, t.rebind(q), args...)
}

// PrepareContext prepares q in the transaction; close the statement.
func (t *txw) PrepareContext(ctx context.Context, q string) (*sql.Stmt, error) {
	return t.q.PrepareContext(ctx, t.rebind(q))
}

// Commit and Rollback are for a transaction the store began itself (a
// *sql.Tx), never one on a caller's connection.
func (t *txw) Commit() error   { return t.tx.Commit() }
func (t *txw) Rollback() error { return t.tx.Rollback() }

// stmt is a prepared statement, or its text on a connection.
type stmt interface {
	ExecContext(ctx context.Context, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, args ...any) *sql.Row
}

// StmtContext returns the store's prepared statement st in the
// transaction (nil when st is nil). On a connection the statement runs
// as its text: the driver caches its plan per connection.
func (t *txw) StmtContext(ctx context.Context, st *sql.Stmt) stmt {
	switch {
	case st == nil:
		return nil
	case t.tx != nil:
		return t.tx.StmtContext(ctx, st)
	}
	return connStmt{t.q, t.texts[st]}
}

type connStmt struct {
	q    querier
	text string
}

func (c connStmt) ExecContext(ctx context.Context, args ...any) (sql.Result, error) {
	return c.q.ExecContext(ctx, c.text, args...)
}

func (c connStmt) QueryContext(ctx context.Context, args ...any) (*sql.Rows, error) {
	return c.q.QueryContext(ctx, c.text, args...)
}

func (c connStmt) QueryRowContext(ctx context.Context, args ...any) *sql.Row {
	return c.q.QueryRowContext(ctx, c.text, args...)
}

// Listing limits: the default and the most a filter may ask for.
const (
	defaultLimit = 100
	maxLimit     = 10000
)

// Word is one term of a full-text filter (parley.FusedFilter.Text): a
// word, a prefix (typed with a trailing *), or a "quoted phrase".
type Word struct {
	Text           string
	Prefix, Phrase bool
}

// Words splits a full-text filter into its terms. Control characters and
// invalid UTF-8 separate words (SQLite's query parser takes a NUL for the
// end of the query).
func Words(text string) []Word {
	text = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(text, " "))
	var out []Word
	for len(text) > 0 {
		text = strings.TrimLeft(text, " \t\r\n")
		if text == "" {
			break
		}
		var term string
		phrase := text[0] == '"'
		if phrase {
			end := strings.IndexByte(text[1:], '"')
			if end < 0 {
				term, text = text[1:], ""
			} else {
				term, text = text[1:1+end], text[2+end:]
			}
		} else {
			end := strings.IndexAny(text, " \t\r\n")
			if end < 0 {
				end = len(text)
			}
			term, text = text[:end], text[end:]
		}
		prefix := !phrase && strings.HasSuffix(term, "*")
		term = strings.TrimSpace(strings.Trim(term, "*"))
		if term == "" {
			continue
		}
		out = append(out, Word{Text: term, Prefix: prefix && !strings.ContainsAny(term, " \t"), Phrase: phrase})
	}
	return out
}
