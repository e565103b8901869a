package modelfile

import (
	"errors"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/parley-events/parley"
)

func TestRead(t *testing.T) {
	n, err := Read("x.Load", strings.NewReader("abc"), func(b []byte) (int, error) { return len(b), nil })
	if n != 3 || err != nil {
		t.Fatalf("Read = %d, %v; want 3, nil", n, err)
	}
	bad := errors.New("bad model")
	if _, err := Read("x.Load", strings.NewReader("abc"), func([]byte) (int, error) { return 0, bad }); err != bad {
		t.Errorf("load's error came back as %v", err)
	}
	called := false
	_, err = Read("x.Load", iotest.ErrReader(errors.New("disk gone")), func([]byte) (int, error) { called = true; return 0, nil })
	var pe *parley.Error
	if !errors.As(err, &pe) || pe.Kind != parley.IO || pe.Op != "x.Load" || called {
		t.Errorf("a failed read gave %v (load called: %v), want an IO error of x.Load", err, called)
	}
}
