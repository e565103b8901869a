// Package postgres implements parley.Store on PostgreSQL, through pgx's
// database/sql driver, for many processes sharing one store.
//
// The schema is created and upgraded by the SQL migrations embedded from
// the migrations directory, each applied once, in name order, under an
// advisory lock so that processes starting together do not race, and
// recorded in schema_migrations. The tables are the SQLite store's, in
// PostgreSQL's types; the full-text index of the evidence is a tsvector
// (simple configuration, accents removed by the unaccent extension, which
// the first migration creates: the database owner may, PostgreSQL 13 and
// later trusting it). Fusing a coded event takes a transaction-scoped
// advisory lock on its key (source, target, base code, modality class),
// so that two writers storing reports of one event fuse them into one.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/parley-events/parley"
	"github.com/parley-events/parley/store/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a parley.Store backed by PostgreSQL. It is safe for concurrent
// use, by goroutines and by processes.
type Store struct {
	*sqlstore.Store // the stores' shared core, over PostgreSQL's dialect
	db              *sql.DB
	schema          string // WithSchema's, or ""
	fuse            parley.FuseRule
	cfg             *pgx.ConnConfig
}

var _ parley.Store = (*Store)(nil)

// Option configures a Store at Open.
type Option func(*Store, *pgx.ConnConfig)

// WithFuseRule makes the store fuse the events it stores by r instead of
// parley.DefaultFuseRule.
func WithFuseRule(r parley.FuseRule) Option {
	return func(s *Store, _ *pgx.ConnConfig) { s.fuse = r.Normalized() }
}

// WithSchema keeps the store's tables in schema name (created if
// missing) instead of the connection's default: for tests, or for several
// stores in one database. Functions are still found in public (the
// unaccent extension's).
func WithSchema(name string) Option {
	return func(s *Store, cfg *pgx.ConnConfig) {
		s.schema = name
		cfg.RuntimeParams["search_path"] = pgx.Identifier{name}.Sanitize() + ", public"
	}
}

// Open connects to the PostgreSQL database at dsn (a URL,
// "postgres://user@host:5432/db", or key=value pairs) and applies any
// migrations it lacks. Errors have Kind Invalid for a DSN that does not
// parse and Unavailable when the server cannot be reached or migrated.
func Open(ctx context.Context, dsn string, opts ...Option) (*Store, error) {
	const op = "postgres.Open"
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, parley.E(op, parley.Invalid, fmt.Errorf("DSN: %w", err))
	}
	s := &Store{fuse: parley.DefaultFuseRule()}
	for _, o := range opts {
		o(s, cfg)
	}
	schema := s.schema
	s.cfg = cfg.Copy()
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(16)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s.db = db
	fail := func(err error) error {
		db.Close()
		return &parley.Error{Op: op, Kind: kindOf(err, parley.Unavailable), Input: cfg.Host, Err: err}
	}
	if err := db.PingContext(ctx); err != nil {
		return nil, fail(err)
	}
	if schema != "" {
		if _, err := db.ExecContext(ctx, `CREATE SCHEMA IF NOT EXISTS `+pgx.Identifier{schema}.Sanitize()); err != nil {
			return nil, fail(err)
		}
	}
	if err := sqlstore.Migrate(ctx, db, migrations, dialect); err != nil {
		return nil, fail(err)
	}
	core, err := sqlstore.New(ctx, db, db, dialect, s.fuse)
	if err != nil {
		return nil, fail(err)
	}
	s.Store = core
	return s, nil
}

// NewPool returns a pgx connection pool to the store's database, with the
// store's settings (its schema among them), of at most max connections:
// for a job queue kept in the same database.
func (s *Store) NewPool(ctx context.Context, max int32) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig("")
	if err != nil {
		return nil, parley.E("postgres.NewPool", parley.Internal, err)
	}
	cfg.ConnConfig = s.cfg.Copy()
	cfg.MaxConns = max
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, parley.E("postgres.NewPool", kindOf(err, parley.Unavailable), err)
	}
	return pool, nil
}

// InTx runs fn in one transaction on one of the store's connections and
// commits it when fn returns nil. fn gets the transaction as pgx sees it,
// for a job queue's writes, and the connection, for the store's writes
// inside it (PutDocOn, ReplaceDocOn): both commit together or not at all.
func (s *Store) InTx(ctx context.Context, fn func(tx pgx.Tx, conn *sql.Conn) error) error {
	const op = "postgres.InTx"
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return parley.E(op, kindOf(err, parley.Unavailable), err)
	}
	defer conn.Close()
	var pc *pgx.Conn
	if err := conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("unexpected driver connection %T", dc)
		}
		pc = c.Conn()
		return nil
	}); err != nil {
		return parley.E(op, parley.Internal, err)
	}
	// The connection stays this function's until conn.Close: pgx's
	// transaction and database/sql's statements share it.
	tx, err := pc.Begin(ctx)
	if err != nil {
		return parley.E(op, kindOf(err, parley.Unavailable), err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) // nothing once committed
	if err := fn(tx, conn); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return parley.E(op, kindOf(err, parley.Unavailable), err)
	}
	return nil
}

// Close closes the connections. The Store must not be used afterwards.
func (s *Store) Close() error {
	if err := errors.Join(s.Store.Close(), s.db.Close()); err != nil {
		return parley.E("postgres.Close", parley.IO, err)
	}
	return nil
}

// kindOf classifies a database error, returning def when nothing more
// specific applies.
func kindOf(err error, def parley.Kind) parley.Kind {
	if k := parley.KindOf(err); k != parley.Other {
		return k
	}
	var pe *pgconn.PgError
	var ne net.Error
	switch {
	case errors.Is(err, context.Canceled):
		return parley.Other
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne), errors.Is(err, sql.ErrConnDone),
		errors.Is(err, pgx.ErrTxClosed):
		return parley.Unavailable
	case errors.As(err, &pe):
		switch {
		case strings.HasPrefix(pe.Code, "22"), strings.HasPrefix(pe.Code, "23"), strings.HasPrefix(pe.Code, "42"):
			return parley.Invalid // data exception, integrity constraint, syntax
		case pe.Code == "54000", pe.Code == "54001":
			return parley.TooLarge
		case strings.HasPrefix(pe.Code, "40"), strings.HasPrefix(pe.Code, "08"), strings.HasPrefix(pe.Code, "53"),
			strings.HasPrefix(pe.Code, "57"):
			return parley.Unavailable // serialization, connection, resources, shutdown
		}
	}
	return def
}
