package timex

import (
	"context"

	"github.com/parley-events/parley"
)

// ProcessEverywhere is Process with the matchers run at every word, for
// TestSkipIsExact.
func (t *Tagger) ProcessEverywhere(ctx context.Context, d *parley.Doc) error {
	return t.process(ctx, d, false)
}
