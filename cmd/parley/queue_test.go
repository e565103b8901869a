package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/internal/pgtest"
	"github.com/parley-events/parley/pipeline"
)

// TestMain lets the queue's tests run parley as a separate process, to
// be killed: the test binary re-run with PARLEY_TEST_CHILD set to the
// arguments (JSON) runs parley with them instead of the tests.
func TestMain(m *testing.M) {
	if args := os.Getenv("PARLEY_TEST_CHILD"); args != "" {
		var a []string
		if err := json.Unmarshal([]byte(args), &a); err != nil {
			fmt.Fprintln(os.Stderr, "PARLEY_TEST_CHILD:", err)
			os.Exit(exitUsage)
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := Run(ctx, a, Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr})
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// child starts parley with args as a process of its own, its output in
// the file log.
func child(t *testing.T, log string, args ...string) *exec.Cmd {
	t.Helper()
	a, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "PARLEY_TEST_CHILD="+string(a))
	f, err := os.OpenFile(log, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd
}

// testDatabase creates a database of its own on the server at
// $PARLEY_TEST_POSTGRES, dropped after the test, and returns its DSN and
// a connection to it; it skips without a server.
func testDatabase(t *testing.T) (string, *sql.DB) {
	t.Helper()
	dsn := pgtest.Database(t, "the job queue's failure tests")
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return dsn, db
}

// queueArticles writes n short articles of our own, each different, as
// JSONL: one to three events each, some with a deadline, between a dozen countries, on dates
// spread over a year so that some but not most fuse.
func queueArticles(t *testing.T, n int) string {
	t.Helper()
	countries := []string{"France", "Germany", "Egypt", "Kenya", "Brazil", "Japan", "Canada", "Turkey", "India", "Mexico", "Norway", "Chile"}
	sentences := []string{
		"The government of %s accused %s of violating the truce.",
		"The foreign minister of %s met the ambassador of %s on Tuesday.",
		"%s pledged economic aid to %s.",
		"%s threatened %s with new sanctions.",
		"%s expelled two diplomats from %s.",
		"Police in %s arrested a journalist from %s.",
		"%s gave %s ten days to withdraw its troops from the border.",
	}
	var b strings.Builder
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		a := countries[i%len(countries)]
		o := countries[(i/len(countries)+1+i%len(countries))%len(countries)]
		if o == a {
			o = countries[(i+5)%len(countries)]
		}
		text := fmt.Sprintf(sentences[i%len(sentences)], a, o)
		if i%3 == 0 {
			text += " " + fmt.Sprintf(sentences[(i/7)%len(sentences)], o, a)
		}
		text += fmt.Sprintf(" The agency filed this as bulletin %d.", i)
		rec, _ := json.Marshal(map[string]string{"text": text, "source": fmt.Sprintf("Wire %d", i%40),
			"published": day.AddDate(0, 0, (i*37)%365).Format("2006-01-02")})
		b.Write(rec)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "articles.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// scalar runs a query of one number.
func scalar(t *testing.T, db *sql.DB, q string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// checkCodedOnce checks, in the database, that the n queued documents
// were each coded once: every job completed and none in another state,
// every document with its layers, the events of a sample of documents
// as many as the pipeline codes in this process, and every fused event's
// counts those of the events that belong to it.
func checkCodedOnce(t *testing.T, dsn string, db *sql.DB, n int) {
	t.Helper()
	if got := scalar(t, db, `SELECT count(*) FROM documents`); got != n {
		t.Errorf("%d documents stored, want %d", got, n)
	}
	if got := scalar(t, db, fmt.Sprintf(`SELECT count(*) FROM documents WHERE layers & %d <> 0`, parley.LayerEvents)); got != n {
		t.Errorf("%d documents coded, want %d: %d lost", got, n, n-got)
	}
	if got := scalar(t, db, `SELECT count(*) FROM river_job WHERE kind = 'parley_code' AND state = 'completed'`); got != n {
		t.Errorf("%d jobs completed, want %d", got, n)
	}
	if got := scalar(t, db, `SELECT count(*) FROM river_job WHERE state <> 'completed'`); got != 0 {
		t.Errorf("%d jobs not completed", got)
	}
	events := scalar(t, db, `SELECT count(*) FROM events`)
	if events < n {
		t.Errorf("only %d events for %d documents", events, n)
	}
	// No event counted twice: each fused event's counts are those of the
	// events that belong to it, and each event belongs to one.
	if bad := scalar(t, db, `SELECT count(*) FROM fused f WHERE num_mentions <> (SELECT count(*) FROM events e WHERE e.fused_id = f.id)
		OR num_articles <> (SELECT count(DISTINCT doc_id) FROM events e WHERE e.fused_id = f.id)`); bad != 0 {
		t.Errorf("%d fused events with counts unlike their events'", bad)
	}
	if orphans := scalar(t, db, `SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM fused f WHERE f.id = e.fused_id)`); orphans != 0 {
		t.Errorf("%d events in no fused event", orphans)
	}
	// A sample of the documents has as many events as the pipeline codes
	// here: none lost, none stored twice.
	p, err := pipeline.Build(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT d.id, d.text, d.published, (SELECT count(*) FROM events e WHERE e.doc_id = d.id),
		(SELECT count(*) FROM deadlines l WHERE l.doc_id = d.id) FROM documents d ORDER BY md5(d.id) LIMIT 50`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, text string
		var published int64
		var stored, deadlines int
		if err := rows.Scan(&id, &text, &published, &stored, &deadlines); err != nil {
			t.Fatal(err)
		}
		d := parley.NewDoc(text)
		d.Published = time.Unix(published, 0).UTC()
		if err := p.Run(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		if stored != len(d.Events) || deadlines != len(d.Deadlines) {
			t.Errorf("document %s has %d events and %d deadlines stored, the pipeline codes %d and %d: %q",
				id, stored, deadlines, len(d.Events), len(d.Deadlines), text)
		}
	}
	t.Logf("%d documents coded once, %d events, %d fused, %d deadlines", n, events, scalar(t, db, `SELECT count(*) FROM fused`),
		scalar(t, db, `SELECT count(*) FROM deadlines`))
}

// waitFor polls until cond holds, failing after limit.
func waitFor(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not after %s", what, limit)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// exitOf waits for cmd and returns its exit status, failing after limit.
func exitOf(t *testing.T, cmd *exec.Cmd, limit time.Duration) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
		return cmd.ProcessState.ExitCode()
	case <-time.After(limit):
		cmd.Process.Kill()
		t.Fatalf("%v did not end in %s", cmd.Args, limit)
		return -1
	}
}

// TestQueueWorkerKilled queues 10,000 articles and works them with two
// worker processes, one killed with SIGKILL part-way and started again:
// every article is coded once, none lost, no event duplicated.
func TestQueueWorkerKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: 10,000 documents through two worker processes")
	}
	dsn, db := testDatabase(t)
	const n = 10000
	if code, _, errOut := run(t, "", "ingest", "--db", dsn, "--queue", "--quiet", queueArticles(t, n)); code != exitOK {
		t.Fatalf("ingest --queue: status %d: %s", code, errOut)
	}
	if got := scalar(t, db, `SELECT count(*) FROM river_job WHERE state = 'available'`); got != n {
		t.Fatalf("%d jobs queued, want %d", got, n)
	}
	dir := t.TempDir()
	// A job left running by the killed worker is run again after 6 s.
	work := []string{"work", "--db", dsn, "--workers", "1", "--until-empty", "--job-timeout", "5s", "--rescue-after", "6s"}
	a := child(t, filepath.Join(dir, "a.log"), work...)
	b := child(t, filepath.Join(dir, "b.log"), work...)
	waitFor(t, 5*time.Minute, "a third of the documents coded", func() bool {
		return scalar(t, db, `SELECT count(*) FROM river_job WHERE state = 'completed'`) >= n/3
	})
	if err := a.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	a.Wait()
	running := scalar(t, db, `SELECT count(*) FROM river_job WHERE state = 'running'`)
	t.Logf("killed worker a with %d jobs running; starting it again", running)
	a = child(t, filepath.Join(dir, "a.log"), work...)
	for name, cmd := range map[string]*exec.Cmd{"a": a, "b": b} {
		if code := exitOf(t, cmd, 10*time.Minute); code != exitOK {
			log, _ := os.ReadFile(filepath.Join(dir, name+".log"))
			t.Fatalf("worker %s: status %d:\n%s", name, code, log)
		}
	}
	checkCodedOnce(t, dsn, db, n)
	t.Logf("%d jobs took more than one attempt", scalar(t, db, `SELECT count(*) FROM river_job WHERE attempt > 1`))
}

// TestQueuePostgresRestart restarts a PostgreSQL server, the one
// $PARLEY_TEST_POSTGRES_RESTART_DSN names, with the command in
// $PARLEY_TEST_POSTGRES_RESTART, while two workers code queued articles:
// they reconnect and finish, every article coded once. The server must
// not be $PARLEY_TEST_POSTGRES's: other packages' tests run at the same
// time and would lose their connections.
func TestQueuePostgresRestart(t *testing.T) {
	restart, server := os.Getenv("PARLEY_TEST_POSTGRES_RESTART"), os.Getenv("PARLEY_TEST_POSTGRES_RESTART_DSN")
	switch {
	case (restart == "" || server == "") && os.Getenv("PARLEY_REQUIRE_POSTGRES") == "1":
		t.Fatal("PARLEY_REQUIRE_POSTGRES is set but PARLEY_TEST_POSTGRES_RESTART (the command that restarts a server) or PARLEY_TEST_POSTGRES_RESTART_DSN (that server's DSN) is not")
	case restart == "" || server == "":
		t.Skip("PARLEY_TEST_POSTGRES_RESTART and PARLEY_TEST_POSTGRES_RESTART_DSN are not both set: the command that restarts a server of this test's own, and its DSN (.ci/run sets them)")
	case server == os.Getenv("PARLEY_TEST_POSTGRES"):
		t.Fatal("PARLEY_TEST_POSTGRES_RESTART_DSN must name a server other than PARLEY_TEST_POSTGRES's: restarting that one breaks the tests running beside this one")
	}
	dsn := pgtest.DatabaseOn(t, server)
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	const n = 2000
	if code, _, errOut := run(t, "", "ingest", "--db", dsn, "--queue", "--quiet", queueArticles(t, n)); code != exitOK {
		t.Fatalf("ingest --queue: status %d: %s", code, errOut)
	}
	dir := t.TempDir()
	work := []string{"work", "--db", dsn, "--workers", "1", "--until-empty", "--backoff", "200ms", "--job-timeout", "5s", "--rescue-after", "6s"}
	a := child(t, filepath.Join(dir, "a.log"), work...)
	b := child(t, filepath.Join(dir, "b.log"), work...)
	waitFor(t, 5*time.Minute, "a quarter of the documents coded", func() bool {
		return scalar(t, db, `SELECT count(*) FROM river_job WHERE state = 'completed'`) >= n/4
	})
	if out, err := exec.Command("sh", "-c", restart).CombinedOutput(); err != nil {
		t.Fatalf("restarting PostgreSQL (%s): %v\n%s", restart, err, out)
	}
	t.Log("PostgreSQL restarted")
	// The test's own connections went with the server.
	db.Close()
	db, err = sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for name, cmd := range map[string]*exec.Cmd{"a": a, "b": b} {
		if code := exitOf(t, cmd, 10*time.Minute); code != exitOK {
			log, _ := os.ReadFile(filepath.Join(dir, name+".log"))
			t.Fatalf("worker %s: status %d:\n%s", name, code, log)
		}
	}
	checkCodedOnce(t, dsn, db, n)
	t.Logf("%d jobs failed an attempt and were retried", scalar(t, db, `SELECT count(*) FROM river_job WHERE cardinality(errors) > 0`))
}

// TestQueueCommands runs ingest --queue, jobs and work in-process, and
// checks their refusals without a PostgreSQL store.
func TestQueueCommands(t *testing.T) {
	file := filepath.Join(t.TempDir(), "x.db")
	for _, args := range [][]string{
		{"ingest", "--db", file, "--queue", "a.txt"},
		{"work"},
		{"jobs"},
		{"jobs", "--db", "postgres://nobody@127.0.0.1:1/x", "--retry", "seven"},
		{"serve", "--db", file, "--workers", "2"},
	} {
		if code, _, errOut := run(t, "", args...); code != exitUsage || !strings.Contains(errOut, "postgres") && !strings.Contains(errOut, "--retry") {
			t.Errorf("parley %v: status %d, stderr %q", args, code, errOut)
		}
	}
	if code, _, errOut := run(t, "", "jobs", "--db", file); code != exitFatal || !strings.Contains(errOut, "lives in PostgreSQL") {
		t.Errorf("parley jobs --db FILE: status %d, stderr %q", code, errOut)
	}

	dsn, _ := testDatabase(t)
	path := queueArticles(t, 30)
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"text": "a record that never ends` + "\n")
	f.Close()
	code, _, errOut := run(t, "", "ingest", "--db", dsn, "--queue", path)
	if code != exitFailed || !strings.Contains(errOut, "articles.jsonl:31") || !strings.Contains(errOut, "30 documents queued (0 already stored), 1 failed") {
		t.Fatalf("ingest --queue with a bad line: status %d, stderr %s", code, errOut)
	}
	if code, out, _ := run(t, "", "jobs", "--db", dsn, "--state", "available"); code != exitOK || !strings.Contains(out, "jobs: 30 available") {
		t.Errorf("jobs: status %d, output %s", code, out)
	}
	if code, _, errOut := run(t, "", "work", "--db", dsn, "--workers", "2", "--until-empty"); code != exitOK || !strings.Contains(errOut, "30 documents coded") {
		t.Errorf("work: status %d, stderr %s", code, errOut)
	}
	if code, out, _ := run(t, "", "jobs", "--db", dsn); code != exitOK || !strings.Contains(out, "jobs: 30 completed") || !strings.Contains(out, "no discarded jobs") {
		t.Errorf("jobs after work: status %d, output %s", code, out)
	}
	if code, out, _ := run(t, "", "events", "--db", dsn, "--actor", "FRA"); code != exitOK || !strings.Contains(out, "FRA") {
		t.Errorf("events: status %d, output %s", code, out)
	}
	if code, _, errOut := run(t, "", "jobs", "--db", dsn, "--recode"); code != exitOK || !strings.Contains(errOut, "30 documents queued for coding again (0 already waiting)") {
		t.Errorf("jobs --recode: status %d, stderr %s", code, errOut)
	}
	if code, out, _ := run(t, "", "jobs", "--db", dsn, "--state", "available"); code != exitOK || !strings.Contains(out, "30 available, 30 completed") {
		t.Errorf("jobs after --recode: status %d, output %s", code, out)
	}
	if code, _, errOut := run(t, "", "jobs", "--db", dsn, "--recode", "--retry", "1"); code != exitUsage {
		t.Errorf("jobs --recode --retry: status %d, stderr %s", code, errOut)
	}
}
