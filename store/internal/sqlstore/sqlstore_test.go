package sqlstore

import "testing"

func TestRebind(t *testing.T) {
	for in, want := range map[string]string{
		"a = ? AND b = ?":             "a = $1 AND b = $2",
		"x = ?3 AND y = ?1":           "x = $3 AND y = $1",
		"s = '?' AND t = ?":           "s = '?' AND t = $1",
		"to_tsquery(?) || ':*' AND ?": "to_tsquery($1) || ':*' AND $2",
	} {
		if got := Rebind(in); got != want {
			t.Errorf("Rebind(%q) = %q, want %q", in, got, want)
		}
	}
}
