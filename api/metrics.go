package api

import (
	"context"
	"net/http"
	"time"

	"github.com/parley-events/parley"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus metrics.
type metrics struct {
	requests    *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	stage       *prometheus.HistogramVec
	stageErrors *prometheus.CounterVec
	posted      *prometheus.CounterVec
	handler     http.Handler
}

func newMetrics(reg *prometheus.Registry, st parley.Store, q Queue) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_http_requests_total", Help: "HTTP requests served, by route and status.",
		}, []string{"route", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "parley_http_request_duration_seconds", Help: "Time to serve an HTTP request, by route.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10},
		}, []string{"route"}),
		stage: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "parley_stage_duration_seconds", Help: "Time a pipeline stage took on one document, by stage.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 4, 10),
		}, []string{"stage"}),
		stageErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_stage_errors_total", Help: "Documents a pipeline stage failed on, by stage.",
		}, []string{"stage"}),
		posted: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_posted_documents_total", Help: "Documents posted to the API, by outcome (stored, duplicate, failed).",
		}, []string{"outcome"}),
	}
	// The store's counts, read when scraped.
	stat := func(events bool) func() float64 {
		return func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			d, e, err := st.Stats(ctx)
			switch {
			case err != nil:
				return -1
			case events:
				return float64(e)
			}
			return float64(d)
		}
	}
	reg.MustRegister(m.requests, m.latency, m.stage, m.stageErrors, m.posted,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "parley_documents", Help: "Documents in the store (-1 when it does not answer)."}, stat(false)),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "parley_events", Help: "Coded events in the store (-1 when it does not answer)."}, stat(true)),
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if q != nil {
		reg.MustRegister(&jobsCollector{q: q, desc: prometheus.NewDesc("parley_jobs",
			"Coding jobs in the queue, by state (available, running, retryable, scheduled, completed, discarded, cancelled).", []string{"state"}, nil)})
	}
	m.handler = promhttp.HandlerFor(reg, promhttp.HandlerOpts{})
	return m
}

func (m *metrics) serve(w http.ResponseWriter, r *http.Request) {
	// The exposition format is text, not JSON: relax the API's policy.
	m.handler.ServeHTTP(w, r)
}

// jobsCollector reports the job queue's counts by state when scraped.
type jobsCollector struct {
	q    Queue
	desc *prometheus.Desc
}

func (c *jobsCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c *jobsCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	counts, err := c.q.Counts(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.desc, err)
		return
	}
	for _, state := range jobStates {
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(counts[state]), state)
	}
}
