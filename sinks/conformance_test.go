package sinks_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/casefile/casefile/internal/pgtest"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/sinks"
	"github.com/casefile/casefile/sinks/sinktest"
)

func TestJSONLConformance(t *testing.T) {
	path := filepath.Join(t.TempDir(), "records.jsonl")
	sinktest.Run(t, sinktest.Config{
		Open: func(t *testing.T) sinks.Sink {
			s, err := sinks.OpenJSONL(path)
			if err != nil {
				t.Fatal(err)
			}
			return s
		},
		Count: func(t *testing.T) (int, int) {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var recs, ents int
			sc := bufio.NewScanner(f)
			sc.Buffer(nil, 64<<20)
			for sc.Scan() {
				var r schemas.Record
				if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
					t.Fatalf("line %d: %v", recs+1, err)
				}
				recs++
				ents += len(r.Entities)
			}
			return recs, ents
		},
		Tear: func(t *testing.T) {
			f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			f.WriteString(`{"schema":"casefile.record/v1","id":"00000000`)
		},
	})
}

// counter is a database store.
type counter interface {
	sinks.Sink
	Counts(ctx context.Context) (sinks.Counts, error)
	IdentityCounts(ctx context.Context) (docEntities, clusters int64, err error)
}

// dbConfig is the suite's config for a database store opened by open.
func dbConfig(open func(t *testing.T) counter) sinktest.Config {
	var cur counter
	return sinktest.Config{
		Replaces: true,
		Open: func(t *testing.T) sinks.Sink {
			cur = open(t)
			return cur
		},
		Count: func(t *testing.T) (int, int) {
			c, err := cur.Counts(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			return int(c.Documents), int(c.Entities)
		},
		Identity: func(t *testing.T) (int, int) {
			d, c, err := cur.IdentityCounts(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			return int(d), int(c)
		},
	}
}

func TestSQLiteConformance(t *testing.T) {
	path := filepath.Join(t.TempDir(), "casefile.db")
	sinktest.Run(t, dbConfig(func(t *testing.T) counter {
		s, err := sinks.OpenSQLite(context.Background(), path, sinks.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}))
}

func TestPostgresConformance(t *testing.T) {
	dsn := pgtest.Database(t)
	sinktest.Run(t, dbConfig(func(t *testing.T) counter {
		s, err := sinks.OpenPostgres(context.Background(), dsn, sinks.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}))
}
