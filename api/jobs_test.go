package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/api"
	"github.com/parley-events/parley/queue"
	"github.com/parley-events/parley/store/sqlite"
)

// fakeQueue holds one discarded job, 7, and one completed, 8.
type fakeQueue struct{ retried []int64 }

func (q *fakeQueue) Counts(context.Context) (map[string]int, error) {
	return map[string]int{"completed": 1, "discarded": 1}, nil
}

func (q *fakeQueue) Jobs(_ context.Context, n int, states ...string) ([]queue.Job, error) {
	all := []queue.Job{
		{ID: 8, DocID: "d8", State: "completed", Attempts: 1, Created: time.Unix(1, 0)},
		{ID: 7, DocID: "d7", State: "discarded", Attempts: 5, Errors: []string{"boom"}, Created: time.Unix(1, 0)},
	}
	var out []queue.Job
	for _, j := range all {
		if len(states) == 0 || j.State == states[0] {
			out = append(out, j)
		}
	}
	return out[:min(n, len(out))], nil
}

func (q *fakeQueue) Retry(_ context.Context, id int64) error {
	if id != 7 && id != 8 {
		return parley.E("queue.Retry", parley.NotFound, fmt.Errorf("job %d", id))
	}
	q.retried = append(q.retried, id)
	return nil
}

func TestJobs(t *testing.T) {
	st, err := sqlite.Open(t.Context(), sqlite.Memory)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fq := &fakeQueue{}
	ts := httptest.NewServer(api.New(api.Config{Store: st, Pipeline: fakePipeline{}, Read: readJSONL, Token: "t", Queue: fq}))
	defer ts.Close()

	code, _, body := do(t, "GET", ts.URL+"/api/jobs", "", nil)
	var got struct {
		Counts map[string]int
		Jobs   []queue.Job
	}
	if err := json.Unmarshal(body, &got); err != nil || code != 200 || got.Counts["discarded"] != 1 || len(got.Jobs) != 1 ||
		got.Jobs[0].ID != 7 || got.Jobs[0].Errors[0] != "boom" {
		t.Errorf("GET /api/jobs: %d %s", code, body)
	}
	if code, _, body := do(t, "GET", ts.URL+"/api/jobs?state=all&limit=5", "", nil); code != 200 || !strings.Contains(string(body), `"d8"`) {
		t.Errorf("GET /api/jobs?state=all: %d %s", code, body)
	}
	if code, _, body := do(t, "GET", ts.URL+"/api/jobs?state=lost", "", nil); code != 400 || !strings.Contains(string(body), "discarded") {
		t.Errorf("bad state: %d %s", code, body)
	}
	if code, _, _ := do(t, "POST", ts.URL+"/api/jobs/7/retry", "", nil); code != 401 {
		t.Errorf("retry without the token: %d", code)
	}
	if code, _, body := do(t, "POST", ts.URL+"/api/jobs/7/retry", "t", nil); code != 200 || len(fq.retried) != 1 {
		t.Errorf("retry: %d %s", code, body)
	}
	if code, _, _ := do(t, "POST", ts.URL+"/api/jobs/99/retry", "t", nil); code != 404 {
		t.Errorf("retry of no job: %d", code)
	}
	if code, _, _ := do(t, "POST", ts.URL+"/api/jobs/x/retry", "t", nil); code != 400 {
		t.Errorf("retry of a bad ID: %d", code)
	}
	if code, _, _ := do(t, "GET", ts.URL+"/api/jobs/7/retry", "t", nil); code != http.StatusMethodNotAllowed {
		t.Errorf("GET of the retry route: %d", code)
	}

	if code, _, body := do(t, "GET", ts.URL+"/metrics", "", nil); code != 200 || !strings.Contains(string(body), `parley_jobs{state="discarded"} 1`) ||
		!strings.Contains(string(body), `parley_jobs{state="running"} 0`) {
		t.Errorf("metrics lack the jobs: %d %s", code, body)
	}

	// A server without a queue (an SQLite store) says why there is none.
	ts2, _ := newServer(t, "t", 0)
	if code, _, body := do(t, "GET", ts2.URL+"/api/jobs", "", nil); code != 404 || !strings.Contains(string(body), "PostgreSQL") {
		t.Errorf("no queue: %d %s", code, body)
	}
}
