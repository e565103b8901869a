package postgres

import (
	"testing"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/internal/pgtest"
	"github.com/parley-events/parley/store/storetest"
)

// openFresh opens a store in a schema of its own, dropped when the test
// ends.
func openFresh(tb testing.TB, opts ...Option) *Store {
	tb.Helper()
	d, schema := pgtest.Schema(tb, "the PostgreSQL store's tests")
	s, err := Open(tb.Context(), d, append([]Option{WithSchema(schema)}, opts...)...)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
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
