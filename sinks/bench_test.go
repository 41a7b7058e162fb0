package sinks_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ncruces/go-sqlite3"
	_ "github.com/ncruces/go-sqlite3/driver" // the "sqlite3" driver, measured against modernc's
	"github.com/ncruces/go-sqlite3/ext/fts5"

	"github.com/casefile/casefile/annotate"
	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/internal/pgtest"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/sinks"
)

// ncruces/go-sqlite3 ships FTS5 as an extension each connection loads.
func init() { sqlite3.AutoExtension(fts5.Register) }

// benchAnnotator is loaded once for every benchmark of the process.
var benchAnnotator = sync.OnceValues(func() (*annotate.Annotator, error) {
	m, err := annotate.LoadModels()
	if err != nil {
		return nil, err
	}
	return annotate.NewAnnotator(m), nil
})

// benchDocs are the sample filings, extracted and annotated once.
var benchDocs = sync.OnceValues(func() ([]schemas.Record, error) {
	a, err := benchAnnotator()
	if err != nil {
		return nil, err
	}
	paths, _ := filepath.Glob("../testdata/pdfs/*.pdf")
	var out []schemas.Record
	x := doctext.Extractor{OCR: doctext.OCR{Mode: doctext.OCROff}}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		ex, err := x.Extract(context.Background(), p, bytes.NewReader(data), int64(len(data)))
		if err != nil {
			continue
		}
		rec, err := a.Record(context.Background(), schemas.Ingested{ID: fmt.Sprintf("%064x", len(out)), Source: p, Bytes: int64(len(data))}, *ex)
		if err != nil {
			return nil, err
		}
		out = append(out, *rec)
	}
	return out, nil
})

// BenchmarkSinks writes the annotated sample filings, made distinct, in
// batches of 64 into each store, and annotates them in process, so the
// stores' records/s read against annotation's in one run: no store may be
// the pipeline's bottleneck.
func BenchmarkSinks(b *testing.B) {
	docs, err := benchDocs()
	if err != nil {
		b.Fatal(err)
	}
	ents := 0
	for _, r := range docs {
		ents += len(r.Entities)
	}
	report := func(b *testing.B, n int) {
		b.ReportMetric(float64(n*len(docs))/b.Elapsed().Seconds(), "records/s")
		b.ReportMetric(float64(n*ents)/b.Elapsed().Seconds(), "entities/s")
	}
	// reportCPU adds records per second of this process's CPU time: wall
	// figures on a shared machine swing with everyone else's load, CPU
	// figures far less. A PostgreSQL server's own CPU is not counted.
	reportCPU := func(b *testing.B, records int, cpu time.Duration) {
		if cpu > 0 {
			b.ReportMetric(float64(records)/cpu.Seconds(), "records/cpu-s")
		}
	}
	b.Run("annotate", func(b *testing.B) {
		a, _ := benchAnnotator()
		n := 0
		cpu := cpuTime()
		for b.Loop() {
			for _, r := range docs {
				if _, err := a.Annotate(context.Background(), r.Pages); err != nil {
					b.Fatal(err)
				}
			}
			n++
		}
		report(b, n)
		reportCPU(b, n*len(docs), cpuTime()-cpu)
	})
	run := func(b *testing.B, s sinks.Sink) { writeBatches(b, s, docs, 64) }
	b.Run("jsonl", func(b *testing.B) {
		s, err := sinks.OpenJSONL(filepath.Join(b.TempDir(), "r.jsonl"))
		if err != nil {
			b.Fatal(err)
		}
		run(b, s)
	})
	for _, driver := range []string{"sqlite", "sqlite3"} {
		name := map[string]string{"sqlite": "sqlite-modernc", "sqlite3": "sqlite-ncruces"}[driver]
		b.Run(name, func(b *testing.B) {
			s, err := sinks.OpenSQLite(context.Background(), filepath.Join(b.TempDir(), "c.db"), sinks.Options{SQLiteDriver: driver})
			if err != nil {
				b.Fatal(err)
			}
			run(b, s)
		})
	}
	b.Run("postgres", func(b *testing.B) {
		s, err := sinks.OpenPostgres(context.Background(), pgtest.Database(b), sinks.Options{})
		if err != nil {
			b.Fatal(err)
		}
		run(b, s)
	})
}

// BenchmarkSQLiteBatch writes the sample records into SQLite in batches of
// each size: what the sink's group commit (--sink-batch, --sink-linger)
// saves per record over a commit each.
func BenchmarkSQLiteBatch(b *testing.B) {
	docs, err := benchDocs()
	if err != nil {
		b.Fatal(err)
	}
	for _, batch := range []int{1, 4, 16, 64} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			s, err := sinks.OpenSQLite(context.Background(), filepath.Join(b.TempDir(), "c.db"), sinks.Options{})
			if err != nil {
				b.Fatal(err)
			}
			writeBatches(b, s, docs, batch)
		})
	}
}

// writeBatches times one batch of distinct records an op, so every timed
// op is a whole, flushed batch, and closes s. Batches take the sample
// records in turn, wrapping around, under new ids: at every batch size the
// records written are the same mix, so sizes compare like for like.
func writeBatches(b *testing.B, s sinks.Sink, docs []schemas.Record, batch int) {
	defer s.Close(context.Background())
	recs := make([]schemas.Record, batch)
	next, ents := 0, 0
	cpu := cpuTime()
	for b.Loop() {
		for i := range recs {
			recs[i] = docs[next%len(docs)]
			recs[i].ID = fmt.Sprintf("%064x", next) // distinct documents
			ents += len(recs[i].Entities)
			next++
		}
		if err := s.Write(context.Background(), recs...); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(float64(ents)/b.Elapsed().Seconds(), "entities/s")
	if c := cpuTime() - cpu; c > 0 {
		b.ReportMetric(float64(b.N*batch)/c.Seconds(), "records/cpu-s")
	}
}
