package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// run runs parley in-process and returns its exit status, stdout and stderr.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(t.Context(), args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

func TestHelpEverywhere(t *testing.T) {
	code, out, _ := run(t, "", "--help")
	if code != 0 || !strings.Contains(out, "Commands:") {
		t.Fatalf("parley --help: status %d, output %q", code, out)
	}
	for _, c := range commands() {
		code, out, _ := run(t, "", c.name, "--help")
		if code != 0 || !strings.Contains(out, "NAME\n  parley "+c.name) || !strings.Contains(out, "DESCRIPTION") {
			t.Errorf("parley %s --help: status %d, output %q", c.name, code, out)
		}
		if code, out2, _ := run(t, "", "help", c.name); code != 0 || out2 != out {
			t.Errorf("parley help %s differs from parley %s --help", c.name, c.name)
		}
	}
	if code, _, errOut := run(t, "", "frobnicate"); code != exitUsage || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: status %d, stderr %q", code, errOut)
	}
	if code, _, errOut := run(t, "", "ingest", "--nope"); code != exitUsage || !strings.Contains(errOut, "--help") {
		t.Errorf("unknown flag: status %d, stderr %q", code, errOut)
	}
}

func TestDemo(t *testing.T) {
	code, out, errOut := run(t, "", "demo")
	if code != 0 {
		t.Fatalf("parley demo: status %d, stderr %s", code, errOut)
	}
	// Who did what to whom, when and where: the talks "next month in
	// Washington" are dated to the month after the article's and placed.
	for _, want := range []string{"tokens+sentences", "s10", "didn't", "future, reported by ETHGOV", "2026-04 in Washington, D.C. (USA, 38.90 N 77.04 W)",
		"next month                           DATE      2026-04", "focus country EGY"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = run(t, "", "demo", "--format", "conllu")
	if code != 0 || !strings.Contains(out, "# text = He didn't say what steps Egypt might take.") {
		t.Errorf("demo --format conllu: status %d, output %q", code, out)
	}
}

func TestIngestTwiceAndBrokenLine(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "test.db")
	good := filepath.Join(dir, "good.jsonl")
	writeFile(t, good, `{"id":"a","published":"2026-03-01","source":"Wire","text":"The envoys met in Geneva. Talks resume today."}
{"id":"b","published":"2026-03-02","text":"Police detained twelve protesters on Monday."}
`)
	code, _, errOut := run(t, "", "ingest", "--db", db, good)
	if code != 0 || !strings.Contains(errOut, "2 documents stored (2 new, 0 already stored), 0 failed") {
		t.Fatalf("first ingest: status %d, stderr %q", code, errOut)
	}
	code, _, errOut = run(t, "", "ingest", "--db", db, good)
	if code != 0 || !strings.Contains(errOut, "2 documents stored (0 new, 2 already stored), 0 failed") {
		t.Fatalf("second ingest: status %d, stderr %q", code, errOut)
	}
	bad := filepath.Join(dir, "bad.jsonl")
	writeFile(t, bad, `{"id":"c","text":"First good record here."}
{"id":"d","text": "broken
{"id":"e","published":"yesterday","text":"Bad date."}
{"id":"f","text":"Last good record here."}
`)
	code, _, errOut = run(t, "", "ingest", "--db", db, bad)
	if code != exitFailed {
		t.Errorf("ingest with broken lines: status %d, want %d", code, exitFailed)
	}
	for _, want := range []string{"bad.jsonl:2:", "bad.jsonl:3:", "2 documents stored (2 new, 0 already stored), 2 failed"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	code, out, _ := run(t, "", "docs", "--db", db)
	if code != 0 || strings.Count(out, "\n") != 5 { // header + 4 documents
		t.Errorf("docs: status %d, output:\n%s", code, out)
	}
	if !regexp.MustCompile(`(?m)^[0-9a-f]{32}\s+2026-03-01\s+Wire\s`).MatchString(out) {
		t.Errorf("docs output lacks the Wire document:\n%s", out)
	}
}

func TestAnnotateStdin(t *testing.T) {
	code, out, errOut := run(t, "The U.S. envoy didn't come. Talks stalled.\n", "annotate")
	if code != 0 {
		t.Fatalf("annotate: status %d, stderr %s", code, errOut)
	}
	if !strings.Contains(out, "# text = The U.S. envoy didn't come.") || !strings.Contains(out, "4\tdid\t") || !strings.Contains(out, "# text = Talks stalled.") {
		t.Errorf("annotate output:\n%s", out)
	}
	code, out, _ = run(t, "Talks stalled.", "annotate", "--format", "json")
	if code != 0 || !strings.Contains(out, `"sentences":[{"tokens":{"start":0,"end":3}`) {
		t.Errorf("annotate --format json: status %d, output %s", code, out)
	}
}

func TestAnnotateMissingFile(t *testing.T) {
	code, _, errOut := run(t, "", "annotate", filepath.Join(t.TempDir(), "nope.txt"))
	if code != exitFailed || !strings.Contains(errOut, "nope.txt") {
		t.Errorf("annotate of a missing file: status %d, stderr %q", code, errOut)
	}
}

func TestEvalSegmentCorpus(t *testing.T) {
	path := "../../../shared/data/ud/en_gum-dev.conllu"
	if _, err := os.Stat(path); err != nil {
		t.Skip("../shared/data not present: skipping the corpus evaluation")
	}
	code, out, errOut := run(t, "", "eval", "segment", "--docs", "GUM_news_*", path)
	if code != 0 || !strings.Contains(out, `"docs":2`) {
		t.Errorf("eval segment: status %d, output %s, stderr %s", code, out, errOut)
	}
}

func TestEvalUsage(t *testing.T) {
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"eval", "ner"}, "want: parley eval segment|ud|ner|petrarch|plover|timeml|geo|confidence FILE"},
		{[]string{"eval", "ner", "a.txt", "b.txt"}, "want: parley eval segment|ud|ner|petrarch|plover|timeml|geo|confidence FILE"},
		{[]string{"eval", "chunk", "a.txt"}, "want: parley eval segment|ud|ner|petrarch|plover|timeml|geo|confidence FILE"},
		{[]string{"eval", "--raw", "ner", "a.txt"}, "--raw, --attribution and --temporal apply to eval ud only"},
		{[]string{"eval", "--raw", "segment", "a.conllu"}, "--raw, --attribution and --temporal apply to eval ud only"},
		{[]string{"eval", "--attribution", "ner", "a.txt"}, "--raw, --attribution and --temporal apply to eval ud only"},
		{[]string{"eval", "--raw", "--attribution", "ud", "a.conllu"}, "--raw, --attribution and --temporal do not go together"},
		{[]string{"eval", "--docs", "x*", "ner", "a.txt"}, "--docs applies to eval segment only"},
		{[]string{"eval", "--docs", "x*", "ud", "a.conllu"}, "--docs applies to eval segment only"},
		{[]string{"eval", "--fit", "ner", "a.txt"}, "--fit applies to eval confidence only"},
	}
	for _, tt := range tests {
		code, out, errOut := run(t, "", tt.args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, tt.msg) {
			t.Errorf("parley %s: status %d, stdout %q, stderr %q; want status %d and %q", strings.Join(tt.args, " "), code, out, errOut, exitUsage, tt.msg)
		}
	}
}

func TestEvalNERMissingFile(t *testing.T) {
	code, out, errOut := run(t, "", "eval", "ner", filepath.Join(t.TempDir(), "nope.txt"))
	if code != exitFatal || out != "" || !strings.Contains(errOut, "parley eval: eval ner: I/O error: ") || !strings.Contains(errOut, "nope.txt") {
		t.Errorf("eval ner of a missing file: status %d, stdout %q, stderr %q; want status %d and an I/O error naming nope.txt", code, out, errOut, exitFatal)
	}
}

func TestEvalNERMalformed(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.txt")
	writeFile(t, bad, "-DOCSTART- -X- -X- O\n\nRivers NNS B-NP O\nrose VBD B-VP X-LOC\n")
	code, _, errOut := run(t, "", "eval", "ner", bad)
	if code != exitFatal || !strings.Contains(errOut, "bad.txt:4: ") || !strings.Contains(errOut, `"X-LOC"`) {
		t.Errorf("eval ner of a malformed file: status %d, stderr %q; want status %d naming bad.txt:4 and the tag", code, errOut, exitFatal)
	}
}

func writeFile(t *testing.T, name, s string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCodeCommand(t *testing.T) {
	// A JSONL stream with a broken record between two good ones: the good
	// ones are coded, the broken one is named with its line, status 1.
	in := `{"id":"a","published":"2025-07-22","text":"Russian forces shelled Kharkiv."}
{"id":"b","text":
{"id":"c","published":"2025-07-22","text":"Moscow did not attack Kyiv."}
`
	db := filepath.Join(t.TempDir(), "ev.db")
	code, out, errOut := run(t, in, "code", "--input", "jsonl", "--store", db, "-")
	if code != exitFailed || !strings.Contains(errOut, ":2:") {
		t.Errorf("code: status %d, stderr %q; want 1 and an error naming line 2", code, errOut)
	}
	if !strings.Contains(out, `"source":"RUSMIL","target":"UKR"`) || !strings.Contains(out, `"mode":"negated"`) ||
		!strings.Contains(out, `"sentence_text":"Russian forces shelled Kharkiv."`) {
		t.Errorf("code output:\n%s", out)
	}
	code, out, _ = run(t, "", "docs", "--db", db)
	if code != 0 || !strings.Contains(out, "2 documents") && strings.Count(out, "\n") < 2 {
		t.Errorf("docs after code --store: status %d, output %s", code, out)
	}
	for _, f := range []string{"gdelt", "csv", "plover"} {
		code, out, errOut = run(t, "Russian forces shelled Kharkiv.", "code", "--published", "2025-07-22", "--format", f)
		if code != 0 || !strings.Contains(out, "RUSMIL") {
			t.Errorf("code --format %s: status %d, output %q, stderr %q", f, code, out, errOut)
		}
	}
	if code, _, errOut := run(t, "", "code", "--format", "xml", "x.txt"); code != exitUsage || !strings.Contains(errOut, "jsonl, plover, gdelt, csv") {
		t.Errorf("code --format xml: status %d, stderr %q", code, errOut)
	}
}

// TestCodeMinConfidence checks that --min-confidence prints exactly the
// events of at least that confidence, with the IDs they have unfiltered.
func TestCodeMinConfidence(t *testing.T) {
	text := "Russian forces shelled Kharkiv. Moscow did not attack Kyiv. The rebels said they would meet the Ukrainian president.\n"
	read := func(out string) map[string]float64 {
		got := map[string]float64{}
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var e struct {
				ID         string
				Confidence float64
			}
			if err := json.Unmarshal([]byte(line), &e); err != nil {
				t.Fatalf("%v: %q", err, line)
			}
			got[e.ID] = e.Confidence
		}
		return got
	}
	code, out, errOut := run(t, text, "code", "--published", "2025-07-22", "-")
	if code != 0 {
		t.Fatalf("code: status %d, stderr %s", code, errOut)
	}
	all := read(out)
	lo, hi := 1.0, 0.0
	for _, c := range all {
		lo, hi = min(lo, c), max(hi, c)
	}
	if len(all) < 2 || lo == hi {
		t.Fatalf("want events of different confidences to filter, got %v", all)
	}
	cut := (lo + hi) / 2
	code, out, errOut = run(t, text, "code", "--published", "2025-07-22", "--min-confidence", fmt.Sprint(cut), "-")
	if code != 0 {
		t.Fatalf("code --min-confidence: status %d, stderr %s", code, errOut)
	}
	kept := read(out)
	for id, c := range all {
		if _, ok := kept[id]; ok != (c >= cut) {
			t.Errorf("event %s of confidence %.2f kept=%v at --min-confidence %.3f", id, c, ok, cut)
		}
	}
	if code, _, errOut := run(t, "", "code", "--min-confidence", "1.5", "x.txt"); code != exitUsage || !strings.Contains(errOut, "between 0 and 1") {
		t.Errorf("code --min-confidence 1.5: status %d, stderr %q", code, errOut)
	}
}

func TestDictCheck(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "actors-test.txt"), []byte("actor Somebody\n  role XXXGOV 2020-01-01..2019-01-01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "", "dict", "check", dir)
	if code != exitFailed || !strings.Contains(out+errOut, "actors-test.txt:2") {
		t.Errorf("dict check of a reversed date range: status %d, output %q %q", code, out, errOut)
	}
}

func TestDeadlines(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	text := "Egypt demanded that Israel withdraw its troops by Friday.\n"
	if code, _, errOut := run(t, text, "code", "--published", "2025-07-22", "--store", db, "-"); code != 0 {
		t.Fatalf("code --store: status %d, stderr %s", code, errOut)
	}
	code, out, errOut := run(t, "", "deadlines", "--db", db)
	if code != 0 || !strings.Contains(out, "2025-07-25") || !strings.Contains(out, "EGY") || !strings.Contains(out, "withdraw its troops") {
		t.Errorf("deadlines: status %d, output %q, stderr %q", code, out, errOut)
	}
	if code, out, _ := run(t, "", "deadlines", "--db", db, "--before", "2025-07-01"); code != 0 || strings.Contains(out, "EGY") {
		t.Errorf("deadlines --before 2025-07-01: status %d, output %q", code, out)
	}
	if code, _, errOut := run(t, "", "deadlines", "--db", db, "--overdue", "--pending"); code != exitUsage || !strings.Contains(errOut, "exclude") {
		t.Errorf("deadlines --overdue --pending: status %d, stderr %q", code, errOut)
	}
}

// TestEvalConfidenceErrors checks that a bad judgements line is named
// with its line and skipped, and that a corpus that cannot be read says
// which file to give.
func TestEvalConfidenceErrors(t *testing.T) {
	dir := t.TempDir()
	js := filepath.Join(dir, "j.tsv")
	if err := os.WriteFile(js, []byte("id\tbyte\tcode\tsource\ttarget\tjudgement\na\tx\t190\tRUS\tUKR\t2\nb\t0\t190\tRUS\tUKR\t2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run(t, "", "eval", "confidence", "--corpus", filepath.Join(dir, "missing.jsonl"), js)
	if code != exitFatal || !strings.Contains(errOut, "j.tsv:2:") || !strings.Contains(errOut, "--corpus") {
		t.Errorf("eval confidence: status %d, stderr %q", code, errOut)
	}
}
