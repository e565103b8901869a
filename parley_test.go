package parley_test

import (
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/parley-events/parley"
)

func TestLayerString(t *testing.T) {
	tests := []struct {
		l    parley.Layer
		want string
	}{
		{0, "none"},
		{parley.LayerTokens, "tokens"},
		{parley.LayerTokens | parley.LayerSentences | parley.LayerEvents, "tokens+sentences+events"},
		{1 << 30, "unknown"},
	}
	for _, tt := range tests {
		if got := tt.l.String(); got != tt.want {
			t.Errorf("Layer(%d).String() = %q, want %q", tt.l, got, tt.want)
		}
	}
	if !(parley.LayerTokens | parley.LayerPOS).Has(parley.LayerPOS) || parley.LayerTokens.Has(parley.LayerPOS) {
		t.Error("Has is wrong")
	}
}

func TestLayerText(t *testing.T) {
	for _, l := range []parley.Layer{0, parley.LayerTokens, parley.LayerTokens | parley.LayerDeps | parley.LayerEvents} {
		b, err := l.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var got parley.Layer
		if err := got.UnmarshalText(b); err != nil || got != l {
			t.Errorf("round trip of %v via %q = %v, %v", l, b, got, err)
		}
	}
	var l parley.Layer
	if err := l.UnmarshalText([]byte("tokens+bogus")); err == nil {
		t.Error("UnmarshalText accepted an unknown layer")
	}
}

func TestError(t *testing.T) {
	err := &parley.Error{Op: "ingest", Kind: parley.Invalid, Input: "news.jsonl", Line: 12, Err: errors.New(`missing "text"`)}
	if got, want := err.Error(), `news.jsonl:12: ingest: invalid input: missing "text"`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	wrapped := fmt.Errorf("batch: %w", parley.E("outer", parley.Other, err))
	if parley.KindOf(wrapped) != parley.Invalid {
		t.Errorf("KindOf(wrapped) = %v, want Invalid", parley.KindOf(wrapped))
	}
	if parley.KindOf(io.EOF) != parley.Other || parley.KindOf(nil) != parley.Other {
		t.Error("KindOf of a foreign error or nil must be Other")
	}
	if !errors.Is(wrapped, err.Err) {
		t.Error("Unwrap chain broken")
	}
}

func TestDocSpans(t *testing.T) {
	d := parley.NewDoc("Talks resumed.")
	d.Tokens = []parley.Token{{Start: 0, End: 5}, {Start: 6, End: 13}, {Start: 13, End: 14}}
	d.Sentences = []parley.Sentence{{Tokens: parley.Span{Start: 0, End: 3}}}
	if got := d.SentenceText(0); got != "Talks resumed." {
		t.Errorf("SentenceText = %q", got)
	}
	if got := d.SpanText(parley.Span{Start: 1, End: 2}); got != "resumed" {
		t.Errorf("SpanText = %q", got)
	}
	if d.ID != parley.Hash("Talks resumed.") || len(d.ID) != 32 {
		t.Errorf("ID = %q", d.ID)
	}
}

// TestTokenBetween checks that a token is found between two spans in
// either order, and not inside them.
func TestTokenBetween(t *testing.T) {
	d := parley.NewDoc("Greece ; Turkey ; .")
	d.Tokens = []parley.Token{{Start: 0, End: 6}, {Start: 7, End: 8}, {Start: 9, End: 15}, {Start: 16, End: 17}, {Start: 18, End: 19}}
	greece, turkey, both := parley.Span{Start: 0, End: 1}, parley.Span{Start: 2, End: 3}, parley.Span{Start: 0, End: 3}
	if !d.TokenBetween(greece, turkey, ";") || !d.TokenBetween(turkey, greece, ";") {
		t.Error("no semicolon found between Greece and Turkey")
	}
	if d.TokenBetween(both, parley.Span{Start: 3, End: 4}, ";") {
		t.Error("a semicolon inside a span, or the span itself, counted as between")
	}
	if d.TokenBetween(greece, turkey, ".") {
		t.Error("a full stop after both spans counted as between")
	}
}

// TestSpanHead checks the head of a span: the token hanging outside it,
// passing over a conjunct and a function word that hang outside too.
func TestSpanHead(t *testing.T) {
	// "The KU basketball team won": The→team, KU→team, basketball→team,
	// team→won (root).
	d := parley.NewDoc("The KU basketball team won")
	rels := []struct {
		head int
		rel  string
	}{{3, "det"}, {3, "compound"}, {3, "compound"}, {4, "nsubj"}, {-1, "root"}}
	for _, r := range rels {
		d.Tokens = append(d.Tokens, parley.Token{Head: r.head, DepRel: r.rel})
	}
	for _, c := range []struct {
		span parley.Span
		want int
	}{
		{parley.Span{Start: 0, End: 2}, 1}, // "The KU": KU, not the article
		{parley.Span{Start: 0, End: 4}, 3}, // the whole phrase: team
		{parley.Span{Start: 0, End: 1}, 0}, // the article alone is its own head
	} {
		if got := d.SpanHead(c.span); got != c.want {
			t.Errorf("SpanHead(%v) = %d, want %d", c.span, got, c.want)
		}
	}
}
