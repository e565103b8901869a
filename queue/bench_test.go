package queue_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/ingest"
	"github.com/parley-events/parley/pipeline"
	"github.com/parley-events/parley/queue"
)

// BenchmarkWork measures documents coded per second by one process with
// 1, 2 and 4 workers: the first 600 articles of the shared AFP/Xinhua
// corpus queued, then worked until the queue is empty (the time counted
// from the workers' start to the last job's completion, the models
// loaded before). It needs $PARLEY_TEST_POSTGRES and ../shared/data.
//
//	go test ./queue -run '^$' -bench Work -benchtime 1x -count 6
func BenchmarkWork(b *testing.B) {
	const corpus = "../../shared/data/unlabeled/te3-silver-news.jsonl"
	if _, err := os.Stat(corpus); err != nil {
		b.Skip("../shared/data not present: the benchmark works the AFP/Xinhua corpus")
	}
	var docs []*parley.Doc
	for d, err := range ingest.Read(b.Context(), []string{corpus}, ingest.Options{}) {
		if err != nil {
			b.Fatal(err)
		}
		if docs = append(docs, d); len(docs) == 600 {
			break
		}
	}
	p, err := pipeline.Build(pipeline.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			var elapsed time.Duration
			for range b.N {
				st := openStore(b)
				q, err := queue.Open(b.Context(), st, p, queue.Config{Workers: workers, Poll: 50 * time.Millisecond})
				if err != nil {
					b.Fatal(err)
				}
				for _, d := range docs {
					if _, err := q.Ingest(b.Context(), d); err != nil {
						b.Fatal(err)
					}
				}
				start := time.Now()
				if err := q.Start(b.Context()); err != nil {
					b.Fatal(err)
				}
				waitIdle(b, q)
				elapsed += time.Since(start)
				if err := q.Stop(context.Background()); err != nil {
					b.Fatal(err)
				}
				q.Close()
			}
			b.ReportMetric(float64(len(docs)*b.N)/elapsed.Seconds(), "docs/s")
			b.ReportMetric(0, "ns/op")
		})
	}
}
