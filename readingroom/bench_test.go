package readingroom

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/sinks"
)

// The benchmark store: BenchDocs copies of the sample records, each with
// its own id, plus one filing of 100 pages made of the samples' pages
// (with their mentions), in a SQLite file written by the real sink.
const (
	BenchDocs  = 2000
	benchPages = 100
)

var bench struct {
	once    sync.Once
	db      string
	longID  string
	err     error
	cleanup func()
}

func benchID(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// longRecord strings the samples' pages (and their mentions) into one
// filing of n pages.
func longRecord(recs []schemas.Record, n int) schemas.Record {
	long := recs[0]
	long.ID = benchID("long")
	long.Source = "bench/long-filing.pdf"
	long.Pages, long.Entities, long.DocEntities = nil, nil, nil
	for len(long.Pages) < n {
		for _, r := range recs {
			for _, p := range r.Pages {
				if len(long.Pages) == n {
					break
				}
				num := len(long.Pages) + 1
				for _, e := range r.Entities {
					if e.Page == p.Number {
						e.Page = num
						long.Entities = append(long.Entities, e)
					}
				}
				p.Number = num
				long.Pages = append(long.Pages, p)
			}
		}
	}
	long.Document.Pages = n
	return long
}

func buildBenchStore(b testing.TB) {
	_, byName := sampleStore(b)
	var recs []schemas.Record
	for _, r := range byName {
		recs = append(recs, r)
	}
	slices.SortFunc(recs, func(a, b schemas.Record) int { return len(b.Pages) - len(a.Pages) })
	dir := filepath.Join(sample.dir, "bench")
	bench.db = filepath.Join(dir, "casefile.db")
	if bench.err = os.MkdirAll(dir, 0o755); bench.err != nil {
		return
	}
	ctx := context.Background()
	st, err := sinks.OpenSQLite(ctx, bench.db, sinks.Options{})
	if err != nil {
		bench.err = err
		return
	}
	defer st.Close(ctx)
	batch := make([]schemas.Record, 0, 200)
	for i := range BenchDocs {
		r := recs[i%len(recs)]
		r.ID = benchID(fmt.Sprintf("%s-%d", r.ID, i))
		r.Source = fmt.Sprintf("bench/%04d-%s", i, filepath.Base(r.Source))
		batch = append(batch, r)
		if len(batch) == cap(batch) {
			if bench.err = st.Write(ctx, batch...); bench.err != nil {
				return
			}
			batch = batch[:0]
		}
	}
	long := longRecord(recs, benchPages)
	bench.longID = long.ID
	bench.err = st.Write(ctx, append(batch, long)...)
}

// latencies runs get b.N times and reports the median and 95th
// percentile of one request in milliseconds.
func latencies(b *testing.B, h http.Handler, paths []string) {
	b.Helper()
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		req := httptest.NewRequest(http.MethodGet, paths[i%len(paths)], nil)
		rec := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(rec, req)
		times = append(times, time.Since(start))
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s = %d", req.URL, rec.Code)
		}
	}
	b.StopTimer()
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	pct := func(p float64) float64 {
		return float64(times[int(p*float64(len(times)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
}

func benchServer(b *testing.B) http.Handler {
	bench.once.Do(func() { buildBenchStore(b) })
	if bench.err != nil {
		b.Fatalf("bench store: %v", bench.err)
	}
	st, err := Open(context.Background(), "sqlite:"+bench.db)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	h, err := NewServer(st, Options{})
	if err != nil {
		b.Fatal(err)
	}
	return h
}

// BenchmarkDocumentView: the document view of a 100-page filing in a
// store of 2,000 filings (target: under 300 ms).
func BenchmarkDocumentView(b *testing.B) {
	h := benchServer(b)
	latencies(b, h, []string{"/doc/" + bench.longID})
}

// benchCluster is the cluster of the defendant named in 1 of every 3
// filings of the bench store.
func benchCluster(b *testing.B) string {
	st, err := Open(context.Background(), "sqlite:"+bench.db)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	return clusterOf(b, st, "Michael John Avenatti")
}

// BenchmarkSearch: searches over 2,000 filings, with counts and facets:
// a phrase, a defendant, a common word (nearly every filing), each filter
// alone and together, and the filing list.
func BenchmarkSearch(b *testing.B) {
	h := benchServer(b)
	who := benchCluster(b)
	for _, tc := range []struct{ name, path string }{
		{"phrase", "/search?q=%22second+degree%22"},
		{"defendant", "/search?q=Avenatti"},
		{"common", "/search?q=court"},
		{"facets", "/search?q=defendant&court=cacd&etype=CHARGE"},
		{"filter-offense", "/search?q=court&offense=wire+fraud"},
		{"filter-who", "/search?q=court&who=" + who},
		{"filter-etype", "/search?etype=QUANTITY"},
		{"filter-all", "/search?q=court&court=cacd&etype=CHARGE&offense=wire+fraud&who=" + who},
		{"list", "/search?page=7"},
	} {
		b.Run(tc.name, func(b *testing.B) { latencies(b, h, []string{tc.path}) })
	}
}

// BenchmarkEntity: the entity pages of a defendant named in 1 of every 3
// filings: his who-is-who cluster (50 filings a page, quoted mentions,
// ties, co-mentioned clusters) and his normalized name.
func BenchmarkEntity(b *testing.B) {
	h := benchServer(b)
	b.Run("cluster", func(b *testing.B) { latencies(b, h, []string{"/entity/" + benchCluster(b)}) })
	b.Run("name", func(b *testing.B) { latencies(b, h, []string{"/entity?type=PERSON&name=MICHAEL+JOHN+AVENATTI"}) })
}
