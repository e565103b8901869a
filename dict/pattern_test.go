package dict

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParsePattern(t *testing.T) {
	w := func(s string) Elem { return Elem{Kind: ElemWord, Words: Phrase{s}} }
	tight := func(e Elem) Elem { e.Tight = true; return e }
	syn := func(n string) Elem { return Elem{Kind: ElemSynset, Name: n} }
	unit := func(sub ...Elem) Elem { return Elem{Kind: ElemUnit, Sub: sub} }
	prep := func(sub ...Elem) Elem { return Elem{Kind: ElemPrep, Sub: sub} }
	tests := []struct {
		in            string
		before, after []Elem
		render        string // parley's rendering; "" when it equals in
	}{
		{"*", nil, nil, ""},
		{"* widget", nil, []Elem{w("widget")}, ""},
		{"$ * +", []Elem{{Kind: ElemSource}}, []Elem{{Kind: ElemTarget}}, ""},
		{"% ^ *", []Elem{{Kind: ElemCompound}, {Kind: ElemSkip}}, nil, ""},
		{"up_*_down", []Elem{tight(w("up"))}, []Elem{tight(w("down"))}, ""},
		{"so up_and_*_down_again now", []Elem{w("so"), tight(w("up")), tight(w("and"))},
			[]Elem{tight(w("down")), tight(w("again")), w("now")}, ""},
		{"up_ *", []Elem{w("up")}, nil, "up *"}, // "_ " is an open match
		{"* down_", nil, []Elem{w("down")}, "* down"},
		{"*  {spare  part}", nil, []Elem{unit(w("spare"), w("part"))}, "* {spare part}"},
		{"* {spare_part}", nil, []Elem{unit(w("spare"), tight(w("part")))}, ""},
		{"* (to {&GADGET dealer}) $", nil, []Elem{prep(w("to"), unit(syn("&GADGET"), w("dealer"))), {Kind: ElemSource}}, ""},
		{"* (from ^)", nil, []Elem{prep(w("from"), Elem{Kind: ElemSkip})}, ""},
		{"* (to)", nil, []Elem{prep(w("to"))}, ""},
		{"* &SPARE_PARTS_dealer", nil, []Elem{syn("&SPARE_PARTS"), tight(w("dealer"))}, ""},
		{"* &GADGET_&TOOL", nil, []Elem{syn("&GADGET"), tight(syn("&TOOL"))}, ""},
		{"* Widget", nil, []Elem{w("widget")}, "* widget"},
		{"* sit-in c++ 3.5", nil, []Elem{w("sit-in"), w("c++"), w("3.5")}, ""},
	}
	for _, tt := range tests {
		before, after, err := parsePattern(tt.in, parleySynsets)
		if err != nil {
			t.Errorf("parsePattern(%q): %v", tt.in, err)
			continue
		}
		if d := cmp.Diff(tt.before, before); d != "" {
			t.Errorf("parsePattern(%q) before (-want +got):\n%s", tt.in, d)
		}
		if d := cmp.Diff(tt.after, after); d != "" {
			t.Errorf("parsePattern(%q) after (-want +got):\n%s", tt.in, d)
		}
		want := tt.render
		if want == "" {
			want = tt.in
		}
		got := RenderPattern(before, after)
		if got != want {
			t.Errorf("RenderPattern(parsePattern(%q)) = %q, want %q", tt.in, got, want)
		}
		b2, a2, err := parsePattern(got, parleySynsets)
		if err != nil || !cmp.Equal(b2, before) || !cmp.Equal(a2, after) {
			t.Errorf("%q does not read back: %v", got, err)
		}
	}
}

func TestParsePatternPetrarchSynsets(t *testing.T) {
	defined := map[string]bool{"&GADGET": true, "&SPARE_PARTS": true}
	var splits []string
	resolve := petrarchSynsets(defined, func(token, name string) { splits = append(splits, token+"→"+name) })
	_, after, err := parsePattern("* &SPARE_PARTS &GADGET_BOX &GADGET_&SPARE_PARTS_DEALER", resolve)
	if err != nil {
		t.Fatal(err)
	}
	got := RenderPattern(nil, after)
	want := "* &SPARE_PARTS &GADGET_box &GADGET_&SPARE_PARTS_dealer"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if want := []string{"&GADGET_BOX→&GADGET"}; !cmp.Equal(splits, want) {
		t.Errorf("splits %q, want %q", splits, want)
	}
}

func TestParsePatternErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"widget", "no \"*\""},
		{"* * x", "more than one \"*\""},
		{"* {x", "not closed"},
		{"* x}", "without its opening bracket"},
		{"* (x", "not closed"},
		{"* {}", "empty \"{}\""},
		{"* ()", "empty \"()\""},
		{"* ({x} y)", "must start with its preposition"},
		{"* {(x)}", "cannot stand inside"},
		{"* {{x}}", "cannot stand inside"},
		{"* (x (y))", "cannot stand inside"},
		{"{x *}", "not closed"},
		{"* & x", "without a synset name"},
		{"* [x]", "stray"},
	}
	for _, tt := range tests {
		_, _, err := parsePattern(tt.in, parleySynsets)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parsePattern(%q) error %v, want one containing %q", tt.in, err, tt.want)
		}
	}
}
