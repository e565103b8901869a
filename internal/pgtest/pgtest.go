// Package pgtest gives tests the PostgreSQL server named by
// $PARLEY_TEST_POSTGRES (.ci/run starts a throw-away one): they skip
// without it, unless $PARLEY_REQUIRE_POSTGRES is 1, when they fail.
package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// DSN returns the test server's DSN, skipping tb without one; what says
// what the skipped tests needed the server for.
func DSN(tb testing.TB, what string) string {
	tb.Helper()
	dsn := os.Getenv("PARLEY_TEST_POSTGRES")
	switch {
	case dsn == "" && os.Getenv("PARLEY_REQUIRE_POSTGRES") == "1":
		tb.Fatal("PARLEY_REQUIRE_POSTGRES is set but PARLEY_TEST_POSTGRES is not")
	case dsn == "":
		tb.Skipf("PARLEY_TEST_POSTGRES is not set: %s need a PostgreSQL server (.ci/run starts one)", what)
	}
	return dsn
}

// Schema returns the test server's DSN and the name of a schema of tb's
// own, dropped with all it holds when tb ends; the store creates it.
func Schema(tb testing.TB, what string) (dsn, schema string) {
	tb.Helper()
	dsn = DSN(tb, what)
	schema = fmt.Sprintf("parley_test_%x", rand.Uint64())
	tb.Cleanup(func() {
		if db, err := sql.Open("pgx", dsn); err == nil {
			db.ExecContext(context.Background(), `DROP SCHEMA IF EXISTS `+pgx.Identifier{schema}.Sanitize()+` CASCADE`)
			db.Close()
		}
	})
	return dsn, schema
}

// Database creates a database of tb's own on the test server, dropped
// when tb ends, and returns its DSN (a URL).
func Database(tb testing.TB, what string) string {
	tb.Helper()
	return DatabaseOn(tb, DSN(tb, what))
}

// DatabaseOn is Database on the server dsn names.
func DatabaseOn(tb testing.TB, dsn string) string {
	tb.Helper()
	u, err := url.Parse(dsn)
	if err != nil || u.Scheme == "" {
		tb.Fatalf("the test server's DSN must be a postgres:// URL for this test, not %q", dsn)
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("parley_test_%x", rand.Uint64())
	if _, err := admin.Exec(`CREATE DATABASE ` + pgx.Identifier{name}.Sanitize()); err != nil {
		tb.Fatalf("creating a database for the test (the DSN's role needs CREATEDB): %v", err)
	}
	tb.Cleanup(func() {
		if admin, err := sql.Open("pgx", dsn); err == nil {
			admin.Exec(`DROP DATABASE IF EXISTS ` + pgx.Identifier{name}.Sanitize() + ` WITH (FORCE)`)
			admin.Close()
		}
	})
	u.Path = "/" + name
	return u.String()
}
