package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/parley-events/parley"
	"github.com/parley-events/parley/store/storetest"
)

// dsn returns the test server's DSN, skipping the test without one.
func dsn(tb testing.TB) string {
	tb.Helper()
	d := os.Getenv("PARLEY_TEST_POSTGRES")
	switch {
	case d == "" && os.Getenv("PARLEY_REQUIRE_POSTGRES") == "1":
		tb.Fatal("PARLEY_REQUIRE_POSTGRES is set but PARLEY_TEST_POSTGRES is not")
	case d == "":
		tb.Skip("PARLEY_TEST_POSTGRES is not set: the PostgreSQL store's tests need a server (.ci/run starts one)")
	}
	return d
}

// openFresh opens a store in a schema of its own, dropped when the test
// ends.
func openFresh(tb testing.TB, opts ...Option) *Store {
	tb.Helper()
	d := dsn(tb)
	schema := fmt.Sprintf("parley_test_%x", rand.Uint64())
	s, err := Open(tb.Context(), d, append([]Option{WithSchema(schema)}, opts...)...)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() {
		db, err := sql.Open("pgx", d)
		if err == nil {
			db.ExecContext(context.Background(), `DROP SCHEMA `+pgx.Identifier{schema}.Sanitize()+` CASCADE`)
			db.Close()
		}
	})
	return s
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) parley.Store { return openFresh(t) })
}

func TestOpenUnreachable(t *testing.T) {
	_, err := Open(t.Context(), "postgres://nobody@127.0.0.1:1/none?connect_timeout=2")
	if parley.KindOf(err) != parley.Unavailable {
		t.Errorf("Open of a closed port: %v, want Kind Unavailable", err)
	}
	if _, err := Open(t.Context(), "postgres://%zz"); parley.KindOf(err) != parley.Invalid {
		t.Errorf("Open of a bad DSN: %v, want Kind Invalid", err)
	}
}
