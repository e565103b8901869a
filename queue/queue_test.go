package queue_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/internal/pgtest"
	"github.com/parley-events/parley/queue"
	"github.com/parley-events/parley/store/postgres"
)

// openStore opens a PostgreSQL store in a schema of its own, skipping
// without a server.
func openStore(t testing.TB) *postgres.Store {
	t.Helper()
	dsn, schema := pgtest.Schema(t, "the queue's tests")
	st, err := postgres.Open(t.Context(), dsn, postgres.WithSchema(schema))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// fake codes one event per document, on "shelled", and fails on "explode".
type fake struct{}

func (fake) Run(ctx context.Context, d *parley.Doc) error {
	if strings.Contains(d.Text, "explode") {
		return fmt.Errorf("the fake pipeline was asked to fail")
	}
	for i, w := range strings.Fields(d.Text) {
		start := strings.Index(d.Text, w)
		d.Tokens = append(d.Tokens, parley.Token{Start: start, End: start + len(w), Head: -1})
		if w == "shelled" {
			d.Events = append(d.Events, parley.Event{Sentence: 0, Trigger: parley.Span{Start: i, End: i + 1}, Source: "FRDMIL",
				Target: "SYL", SourceRef: -1, TargetRef: -1, ReportedByRef: -1, Code: "195", Root: "19", QuadClass: 4,
				Mode: parley.Asserted, Date: time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC), Place: -1})
		}
	}
	d.Sentences = []parley.Sentence{{Tokens: parley.Span{Start: 0, End: len(d.Tokens)}}}
	d.Layers = parley.LayerTokens | parley.LayerSentences | parley.LayerEvents
	return nil
}

func doc(text string) *parley.Doc {
	d := parley.NewDoc(text)
	d.Published = time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC)
	d.Source = "Wire " + text[len(text)-3:]
	return d
}

// TestQueue ingests documents into the queue and works them with two
// workers: every document coded once, its events fused with the others'
// and stored with its job's completion; a document whose coding always
// fails is discarded with its errors, and can be retried.
func TestQueue(t *testing.T) {
	st := openStore(t)
	q, err := queue.Open(t.Context(), st, fake{}, queue.Config{Workers: 2, MaxAttempts: 2, Poll: 20 * time.Millisecond, Backoff: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	const n = 40
	for i := range n {
		created, err := q.Ingest(t.Context(), doc(fmt.Sprintf("Freedonian guns shelled Sylvania, report %03d", i)))
		if err != nil || !created {
			t.Fatalf("Ingest %d: %v, %v", i, created, err)
		}
	}
	if _, err := q.Ingest(t.Context(), doc("This one will explode the fake pipeline 999")); err != nil {
		t.Fatal(err)
	}
	// Ingesting again stores and queues nothing.
	if created, err := q.Ingest(t.Context(), doc("Freedonian guns shelled Sylvania, report 000")); err != nil || created {
		t.Fatalf("Ingest again: %v, %v", created, err)
	}
	if err := q.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	waitIdle(t, q)
	if err := q.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	docs, events, err := st.Stats(t.Context())
	if err != nil || docs != n+1 || events != n {
		t.Fatalf("Stats = %d documents, %d events, %v; want %d, %d", docs, events, err, n+1, n)
	}
	fused, err := st.Fused(t.Context(), parley.FusedFilter{})
	if err != nil || len(fused) != 1 || fused[0].NumArticles != n {
		t.Errorf("fused: %+v, %v; want one event of %d articles", fused, err, n)
	}
	d, err := st.Doc(t.Context(), doc("Freedonian guns shelled Sylvania, report 007").ID)
	if err != nil || d.Layers&parley.LayerEvents == 0 || len(d.Tokens) == 0 || len(d.Events) != 1 {
		t.Errorf("a worked document: %+v, %v", d, err)
	}
	completed, err := q.Jobs(t.Context(), 100, "completed")
	if err != nil || len(completed) != n {
		t.Errorf("completed jobs: %d, %v; want %d", len(completed), err, n)
	}
	discarded, err := q.Jobs(t.Context(), 100, "discarded")
	if err != nil || len(discarded) != 1 || discarded[0].Attempts != 2 || len(discarded[0].Errors) != 2 ||
		!strings.Contains(discarded[0].Errors[0], "asked to fail") {
		t.Fatalf("discarded jobs: %+v, %v", discarded, err)
	}
	if err := q.Retry(t.Context(), discarded[0].ID); err != nil {
		t.Fatal(err)
	}
	if jobs, err := q.Jobs(t.Context(), 10, "available"); err != nil || len(jobs) != 1 {
		t.Errorf("after Retry: %+v, %v; want the job available again", jobs, err)
	}
	if err := q.Retry(t.Context(), 987654321); parley.KindOf(err) != parley.NotFound {
		t.Errorf("Retry of no job: %v", err)
	}

	// Recode queues every stored document again, but not one already
	// waiting (the retried one), and nothing the second time.
	if queued, already, err := q.Recode(t.Context(), nil); err != nil || queued != n || already != 1 {
		t.Fatalf("Recode = %d queued, %d already, %v; want %d, 1", queued, already, err, n)
	}
	if queued, already, err := q.Recode(t.Context(), nil); err != nil || queued != 0 || already != n+1 {
		t.Fatalf("Recode again = %d queued, %d already, %v; want 0, %d", queued, already, err, n+1)
	}
	if err := q.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	waitIdle(t, q)
	if err := q.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Coded twice, stored once.
	if _, events, err := st.Stats(t.Context()); err != nil || events != n {
		t.Errorf("after Recode: %d events, %v; want %d", events, err, n)
	}
	if fused, err := st.Fused(t.Context(), parley.FusedFilter{}); err != nil || len(fused) != 1 || fused[0].NumArticles != n || fused[0].NumMentions != n {
		t.Errorf("after Recode, fused: %+v, %v; want one event of %d articles", fused, err, n)
	}
	if completed, err := q.Jobs(t.Context(), 1000, "completed"); err != nil || len(completed) != 2*n {
		t.Errorf("after Recode: %d completed jobs, %v; want %d", len(completed), err, 2*n)
	}
	// A discarded job retried while its document waits in another job
	// (queued by Recode) is refused, saying so.
	discarded, err = q.Jobs(t.Context(), 10, "discarded")
	if err != nil || len(discarded) != 1 {
		t.Fatalf("discarded jobs after Recode: %+v, %v", discarded, err)
	}
	if queued, _, err := q.Recode(t.Context(), nil); err != nil || queued != n+1 {
		t.Fatalf("Recode = %d, %v; want %d", queued, err, n+1)
	}
	if err := q.Retry(t.Context(), discarded[0].ID); parley.KindOf(err) != parley.Exist || !strings.Contains(err.Error(), "queued already") {
		t.Errorf("Retry of a job whose document waits: %v", err)
	}
}

func waitIdle(t testing.TB, q *queue.Queue) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		idle, err := q.Idle(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if idle {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the queue did not empty in a minute")
}

// tracker is a pipeline that records, per document, how many workers
// code it at once and how often it is coded.
type tracker struct {
	mu       sync.Mutex
	inflight map[string]int
	runs     map[string]int
	overlap  []string
}

func (tr *tracker) Run(ctx context.Context, d *parley.Doc) error {
	tr.mu.Lock()
	tr.inflight[d.ID]++
	tr.runs[d.ID]++
	if tr.inflight[d.ID] > 1 {
		tr.overlap = append(tr.overlap, d.ID)
	}
	tr.mu.Unlock()
	time.Sleep(time.Duration(rand.IntN(3)) * time.Millisecond)
	err := fake{}.Run(ctx, d)
	tr.mu.Lock()
	tr.inflight[d.ID]--
	tr.mu.Unlock()
	return err
}

// TestTwoClientsNeverShareAJob works one queue with two clients, as two
// machines would, opened at once, each with four workers: no document is coded by two
// workers at once, and each is coded once.
func TestTwoClientsNeverShareAJob(t *testing.T) {
	st := openStore(t)
	tr := &tracker{inflight: map[string]int{}, runs: map[string]int{}}
	cfg := queue.Config{Workers: 4, Poll: 10 * time.Millisecond}
	// Opened at once on a fresh schema: River's migrations run once.
	var (
		q1, q2     *queue.Queue
		err1, err2 error
		wg         sync.WaitGroup
	)
	wg.Go(func() { q1, err1 = queue.Open(t.Context(), st, tr, cfg) })
	wg.Go(func() { q2, err2 = queue.Open(t.Context(), st, tr, cfg) })
	wg.Wait()
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	defer q1.Close()
	defer q2.Close()
	const n = 300
	for i := range n {
		if _, err := q1.Ingest(t.Context(), doc(fmt.Sprintf("Freedonian guns shelled Sylvania, report %03d", i))); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []*queue.Queue{q1, q2} {
		if err := q.Start(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	waitIdle(t, q1)
	for _, q := range []*queue.Queue{q1, q2} {
		if err := q.Stop(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if len(tr.overlap) > 0 {
		t.Errorf("documents coded by two workers at once: %v", tr.overlap)
	}
	if len(tr.runs) != n {
		t.Errorf("%d documents coded, want %d", len(tr.runs), n)
	}
	for id, k := range tr.runs {
		if k != 1 {
			t.Errorf("document %s coded %d times", id, k)
		}
	}
	if _, events, err := st.Stats(t.Context()); err != nil || events != n {
		t.Errorf("%d events stored, %v; want %d", events, err, n)
	}
}
