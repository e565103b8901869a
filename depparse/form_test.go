package depparse

import (
	"fmt"
	"testing"
)

// TestFormsKept: the normal form and clusters a parse state keeps for a
// word form are those worked out afresh, for forms met once, again, and
// after the state has started afresh when full.
func TestFormsKept(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	st := newParseState(1)
	words := []string{"Kyiv", "kyiv", "KYIV", "talks", "1998", "", "Erdoğan", "U.S.", "talks"}
	for round := range 3 {
		for k := range maxForms/2 + 3 { // the third round starts afresh
			words = append(words[:9], fmt.Sprintf("Word%d-%d", round, k))
			for _, w := range words {
				got, want := st.form(p.m, w), form{norm: normalize(w), clus: p.m.clusterOf(w)}
				if got != want {
					t.Fatalf("round %d: form(%q) = %+v, want %+v", round, w, got, want)
				}
			}
		}
	}
	if st.forms.Len() > maxForms {
		t.Errorf("%d forms kept, at most %d", st.forms.Len(), maxForms)
	}
}
