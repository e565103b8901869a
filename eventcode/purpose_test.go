package eventcode_test

import (
	"strings"
	"testing"

	"github.com/parley-events/parley/pipeline"
)

// TestSummons checks that a summons made for a purpose is coded as that
// purpose, aimed at whom was summoned, and a summons alone as itself.
func TestSummons(t *testing.T) {
	p, err := pipeline.Build(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, want string }{
		{"On Tuesday, the Chilean deputy foreign minister summoned Peru's ambassador to complain about the fishing dispute.", "CHLGOV 110 PERGOV asserted"},
		{"The Chilean minister summoned the Peruvian envoy.", "CHLGOV 040 PERGOV asserted"},
		// A meeting for a purpose is the meeting.
		{"The Chilean minister met the Peruvian envoy to discuss the fishing dispute.", "CHLGOV 040 PERGOV asserted"},
	} {
		if got := strings.Join(code(t, p, c.text), "; "); got != c.want {
			t.Errorf("%s\n got %q\nwant %q", c.text, got, c.want)
		}
	}
}
