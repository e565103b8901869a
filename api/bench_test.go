package api_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/api"
	"github.com/parley-events/parley/store/postgres"
	"github.com/parley-events/parley/store/sqlite"
)

// benchDir holds the benchmark's database, built once per process.
var (
	benchOnce sync.Once
	benchDB   string
	benchErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDB != "" && os.Getenv("PARLEY_BENCH_DB") == "" {
		os.RemoveAll(filepath.Dir(benchDB))
	}
	os.Exit(code)
}

var (
	benchCountries = []string{"RUS", "UKR", "USA", "CHN", "FRA", "DEU", "GBR", "TUR", "IRN", "ISR", "SYR", "IRQ", "IND", "PAK",
		"JPN", "KOR", "PRK", "EGY", "SAU", "BRA", "NGA", "ETH", "SDN", "SOM", "AFG", "MEX", "COL", "VEN", "POL", "ITA",
		"ESP", "CAN", "AUS", "IDN", "PHL", "VNM", "THA", "KEN", "ZAF", "ARG"}
	benchSectors = []string{"", "GOV", "MIL", "REB", "COP", "OPP"}
	benchCodes   = []string{"010", "020", "036", "040", "042", "046", "051", "057", "061", "070", "0874", "111", "112", "120",
		"130", "138", "141", "173", "190", "195"}
)

// benchStore returns the path of a database of 100,000 coded events in
// 10,000 documents over two years, built on first use (about half a
// minute) in a temporary directory, or kept at $PARLEY_BENCH_DB and
// reused from there when that is set: an SQLite file, or a PostgreSQL URL
// (postgres://…, an empty database) to measure that store.
func benchStore(b *testing.B) string {
	benchOnce.Do(func() {
		if benchDB = os.Getenv("PARLEY_BENCH_DB"); benchDB != "" {
			if st, err := openBench(context.Background(), benchDB); err == nil {
				docs, _, err := st.Stats(context.Background())
				st.Close()
				if err == nil && docs >= 10000 {
					return // built before
				}
			}
		} else {
			dir, err := os.MkdirTemp("", "parley-api-bench-")
			if err != nil {
				benchErr = err
				return
			}
			benchDB = filepath.Join(dir, "bench.db")
		}
		st, err := openBench(context.Background(), benchDB)
		if err != nil {
			benchErr = err
			return
		}
		defer st.Close()
		rng := rand.New(rand.NewPCG(7, 7))
		start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := range 10000 {
			d := parley.NewDoc(fmt.Sprintf("Benchmark article %d.", i))
			d.Source = []string{"AFP", "Reuters", "AP", "Xinhua", "TASS"}[i%5]
			d.Published = start.Add(time.Duration(i) * 105 * time.Minute)
			d.Places = []parley.Place{{Name: "Somewhere", Country: benchCountries[rng.IntN(40)], Feature: "PPL", Lat: rng.Float64()*60 - 30, Lon: rng.Float64()*60 - 30}}
			for range 10 {
				code := benchCodes[rng.IntN(len(benchCodes))]
				place := -1
				if rng.IntN(2) == 0 {
					place = 0
				}
				d.Events = append(d.Events, parley.Event{
					Source: benchCountries[rng.IntN(40)] + benchSectors[rng.IntN(6)], Target: benchCountries[rng.IntN(40)] + benchSectors[rng.IntN(6)],
					Code: code, Root: code[:2], QuadClass: 1 + rng.IntN(4), Mode: parley.Asserted, Plover: "CONSULT",
					Date: d.Published.Truncate(24 * time.Hour), Place: place, SourceRef: -1, TargetRef: -1, ReportedByRef: -1})
			}
			if _, err := st.PutDoc(context.Background(), d); err != nil {
				benchErr = err
				return
			}
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDB
}

// BenchmarkEventsAPI serves GET /api/events with ten kinds of filter over
// 100,000 stored events to 8 concurrent clients on loopback, in pages of
// 50 (the default) and of 100, and reports requests per second and the
// 50th and 99th percentile latencies. (Issue 7's bar:
// ≥ 2,000 requests/s with p99 < 50 ms on the 2-core build machine.)
func BenchmarkEventsAPI(b *testing.B) {
	path := benchStore(b)
	st, err := openBench(b.Context(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ts := httptest.NewServer(api.New(api.Config{Store: st}))
	defer ts.Close()
	queries := []string{"actor=RUS", "source=USA&root=19", "target=UKRMIL", "root=04&since=2025-06-01",
		"country=FRA", "actor=CHN&since=2024-03-01&until=2024-09-01", "quad=4", "code=0874", "",
		"actor=IRN&root=13"}
	for _, limit := range []int{50, 100} {
		b.Run(fmt.Sprintf("limit=%d", limit), func(b *testing.B) { benchEvents(b, ts.URL, queries, limit) })
	}
}

// benchEvents sends b.N requests for the queries in turn, each with the
// page size limit, from 8 concurrent clients.
func benchEvents(b *testing.B, url string, queries []string, limit int) {
	const clients = 8
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	var (
		mu    sync.Mutex
		lat   []time.Duration
		next  = make(chan int)
		wg    sync.WaitGroup
		fails int
	)
	b.ResetTimer()
	t0 := time.Now()
	for range clients {
		wg.Go(func() {
			var mine []time.Duration
			bad := 0
			for i := range next {
				s := time.Now()
				resp, err := client.Get(fmt.Sprintf("%s/api/events?%s&limit=%d", url, queries[i%len(queries)], limit))
				if err != nil {
					bad++
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					bad++
				}
				mine = append(mine, time.Since(s))
			}
			mu.Lock()
			lat, fails = append(lat, mine...), fails+bad
			mu.Unlock()
		})
	}
	for i := range b.N {
		next <- i
	}
	close(next)
	wg.Wait()
	elapsed := time.Since(t0)
	b.StopTimer()
	if fails > 0 {
		b.Fatalf("%d of %d requests failed", fails, b.N)
	}
	slices.Sort(lat)
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}

// openBench opens the benchmark's store: PostgreSQL for a postgres:// URL,
// else an SQLite file.
func openBench(ctx context.Context, path string) (parley.Store, error) {
	if strings.HasPrefix(path, "postgres://") {
		return postgres.Open(ctx, path)
	}
	return sqlite.Open(ctx, path)
}
