package pipeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/conllu"
	"github.com/parley-events/parley/internal/golden"
)

// TestGolden runs the default pipeline over testdata/golden/*.txtar and
// compares the CoNLL-U output (tokens, tags, lemmas, trees); go test
// -update rewrites the files after a deliberate change (a retrained model).
func TestGolden(t *testing.T) {
	p, err := Build(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	golden.Run(t, "testdata/golden", func(t *testing.T, input []byte) map[string][]byte {
		d := parley.NewDoc(string(input))
		d.SourceID = "golden"
		d.Published = time.Date(2025, 7, 22, 0, 0, 0, 0, time.UTC) // actors' roles are read as of this day
		if err := p.Run(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := conllu.WriteDoc(&b, d); err != nil {
			t.Fatal(err)
		}
		out := map[string][]byte{"conllu": b.Bytes()}
		if len(d.Actors) > 0 {
			out["actors"] = actorLines(t, d)
		}
		if len(d.Events) > 0 {
			out["events"] = eventLines(t, d)
		}
		if len(d.Timexes) > 0 {
			var b bytes.Buffer
			for _, x := range d.Timexes {
				fmt.Fprintf(&b, "%q %s %s\n", d.SpanText(x.Tokens), x.Type, x.Value)
			}
			out["timexes"] = b.Bytes()
		}
		if len(d.Places) > 0 {
			var b bytes.Buffer
			for _, p := range d.Places {
				fmt.Fprintf(&b, "%q %s %d %s %s %.2f %.2f\n", d.SpanText(p.Tokens), p.Name, p.GeoNameID, p.Country, p.Feature, p.Lat, p.Lon)
			}
			fmt.Fprintf(&b, "focus %s\n", d.Focus)
			out["places"] = b.Bytes()
		}
		if len(d.Quotes) > 0 {
			var b bytes.Buffer
			for _, q := range d.Quotes {
				fmt.Fprintf(&b, "s%d %s %q\n", q.Sentence+1, q.SpeakerCode, d.SpanText(q.Tokens))
			}
			out["quotes"] = b.Bytes()
		}
		return out
	})
}

// actorLines renders the actors of d as JSON lines with their text, for
// golden files.
func actorLines(t *testing.T, d *parley.Doc) []byte {
	var b bytes.Buffer
	for _, a := range d.Actors {
		line, err := json.Marshal(struct {
			Text string `json:"text"`
			parley.Actor
		}{d.SpanText(a.Tokens), a})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// eventLines renders the events of d as JSON lines with their evidence:
// the trigger, source, target and reporter as written.
func eventLines(t *testing.T, d *parley.Doc) []byte {
	var b bytes.Buffer
	text := func(ref int) string {
		if ref < 0 {
			return ""
		}
		return d.SpanText(d.Actors[ref].Tokens)
	}
	for _, e := range d.Events {
		line, err := json.Marshal(struct {
			Trigger    string `json:"trigger"`
			Source     string `json:"source_text,omitempty"`
			Target     string `json:"target_text,omitempty"`
			ReportedBy string `json:"reported_by_text,omitempty"`
			parley.Event
		}{d.SpanText(e.Trigger), text(e.SourceRef), text(e.TargetRef), text(e.ReportedByRef), e})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}
