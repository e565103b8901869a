// Package modelfile reads the files of parley's trained models.
package modelfile

import (
	"io"

	"github.com/parley-events/parley"
)

// Read reads all of r and returns what load makes of it: a stage's Load
// over its LoadBytes. A failure to read is an error of Kind parley.IO for
// op; load's errors are returned as they are.
func Read[T any](op string, r io.Reader, load func([]byte) (T, error)) (T, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		var zero T
		return zero, parley.E(op, parley.IO, err)
	}
	return load(b)
}
