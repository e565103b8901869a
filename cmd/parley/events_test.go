package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-events/parley"
)

// threeOutlets is one story told by three outlets in their own words
// (written for this test), and a fourth article about something else.
const threeOutlets = `{"id":"a1","source":"Agence One","published":"2025-03-04T09:00:00Z","title":"Shelling hits border city","text":"Russian artillery shelled the Ukrainian border city of Kharkiv on Monday, local officials said. Three people were wounded."}
{"id":"b1","source":"Wire Two","published":"2025-03-04T11:30:00Z","title":"Border city shelled","text":"Russian artillery shelled Kharkiv on Monday. The regional governor said three civilians were hurt."}
{"id":"c1","source":"Daily Three","published":"2025-03-05T07:00:00Z","title":"Kharkiv under fire","text":"On Monday, Russian artillery shelled the city of Kharkiv, the mayor said."}
{"id":"d1","source":"Wire Two","published":"2025-03-06T08:00:00Z","title":"Envoys meet","text":"The French foreign minister met his German counterpart in Berlin on Wednesday."}
`

// TestEventsFused checks the deduplication bar of issue 7: one story from
// three sources is one event with three articles and three mentions, and
// ingesting the same articles again changes nothing.
func TestEventsFused(t *testing.T) {
	dir := t.TempDir()
	db, in := filepath.Join(dir, "f.db"), filepath.Join(dir, "story.jsonl")
	writeFile(t, in, threeOutlets)
	var before string
	for round := range 2 {
		if code, _, errOut := run(t, "", "ingest", "--quiet", "--db", db, in); code != 0 {
			t.Fatalf("ingest round %d: status %d, stderr %s", round, code, errOut)
		}
		code, out, errOut := run(t, "", "events", "--db", db, "--json", "--code", "19")
		if code != 0 {
			t.Fatalf("events: status %d, stderr %s", code, errOut)
		}
		var got []parley.FusedEvent
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var e parley.FusedEvent
			if err := json.Unmarshal([]byte(l), &e); err != nil {
				t.Fatalf("events --json line %q: %v", l, err)
			}
			got = append(got, e)
		}
		if len(got) != 1 {
			t.Fatalf("round %d: %d fighting events, want 1:\n%s", round, len(got), out)
		}
		e := got[0]
		if e.Source != "RUSMIL" || e.Target != "UKR" || e.NumArticles != 3 || e.NumMentions != 3 || e.NumSources != 3 ||
			e.Date.Format("2006-01-02") != "2025-03-03" {
			t.Errorf("round %d: fused event %+v; want RUSMIL → UKR on 2025-03-03 in 3 articles of 3 outlets, 3 mentions", round, e)
		}
		if round == 1 && out != before {
			t.Errorf("ingesting again changed the events:\n%s\nthen\n%s", before, out)
		}
		before = out

		code, out, _ = run(t, "", "events", "--db", db, e.ID)
		for _, want := range []string{"3 mentions in 3 articles from 3 outlets", "Agence One", "Wire Two", "Daily Three", "the mayor said"} {
			if code != 0 || !strings.Contains(out, want) {
				t.Errorf("events %s: status %d, output lacks %q:\n%s", e.ID, code, want, out)
			}
		}
	}
	// As a file: the GDELT table, the fused event's counts in it.
	code, out, errOut := run(t, "", "events", "--db", db, "--code", "19", "--format", "gdelt")
	if f := strings.Split(strings.TrimRight(out, "\n"), "\t"); code != 0 || len(f) != 61 || f[31] != "3" || f[33] != "3" {
		t.Errorf("events --format gdelt: status %d, stderr %q, row %q", code, errOut, f)
	}
	if code, _, errOut := run(t, "", "events", "--db", db, "--format", "xls"); code != exitUsage || !strings.Contains(errOut, "parquet") {
		t.Errorf("events --format xls: status %d, stderr %q", code, errOut)
	}
	// The other story stays apart.
	if code, out, _ := run(t, "", "events", "--db", db, "--actor", "FRA"); code != 0 || !strings.Contains(out, "1/1/1") {
		t.Errorf("events --actor FRA: status %d, output:\n%s", code, out)
	}
	if code, _, errOut := run(t, "", "events", "--db", db, "--after", "nonsense"); code != exitUsage || !strings.Contains(errOut, "cursor") {
		t.Errorf("events --after nonsense: status %d, stderr %q", code, errOut)
	}
	if code, _, errOut := run(t, "", "events", "--db", db, "no-such-id"); code != exitFailed || !strings.Contains(errOut, "not found") {
		t.Errorf("events no-such-id: status %d, stderr %q", code, errOut)
	}
}
