package export_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/casefile/casefile/annotate"
	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/internal/pgtest"
	"github.com/casefile/casefile/ocr"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/sinks"
)

// sampleRecords are the records of the sample filings in testdata/pdfs,
// made by the functions the extract and annotate stages call; the files
// those stages dead-letter are left out, as a run leaves them out of a
// store's documents.
var sampleRecords = sync.OnceValues(func() ([]schemas.Record, error) {
	ctx := context.Background()
	models, err := annotate.LoadModels()
	if err != nil {
		return nil, err
	}
	an := annotate.NewAnnotator(models)
	paths, err := filepath.Glob("../testdata/pdfs/*.pdf")
	if err != nil {
		return nil, err
	}
	x := &doctext.Extractor{OCR: doctext.OCR{Mode: doctext.OCRAuto, Recognizer: &ocr.Tesseract{}}}
	var recs []schemas.Record
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(data)
		in := schemas.Ingested{ID: hex.EncodeToString(sum[:]), Source: "testdata/pdfs/" + filepath.Base(p),
			Bytes: int64(len(data)), IngestedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
		ex, err := x.Extract(ctx, p, bytes.NewReader(data), int64(len(data)))
		if err != nil {
			continue // a dead letter
		}
		rec, err := an.Record(ctx, in, *ex)
		if err != nil {
			return nil, err
		}
		recs = append(recs, *rec)
	}
	return recs, nil
})

// fixedRecords are the records of testdata/records.jsonl, for golden files.
func fixedRecords(t testing.TB) []schemas.Record {
	t.Helper()
	f, err := os.Open("testdata/records.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var recs []schemas.Record
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var r schemas.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	return recs
}

// testStore is a store the tests export from, with a way to query it.
type testStore struct {
	name, spec string
	db         *sql.DB
}

// count runs a query returning one number.
func (s testStore) count(t testing.TB, q string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %s: %v", s.name, q, err)
	}
	return n
}

// stores writes recs into a fresh SQLite file, and into a fresh PostgreSQL
// database when CASEFILE_TEST_POSTGRES names a server, as the sink stage
// writes them; processed_at is then fixed so that exports can be compared
// with golden files.
func stores(t testing.TB, recs []schemas.Record) []testStore {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "casefile.db")
	lite, err := sinks.OpenSQLite(ctx, path, sinks.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	write(t, lite, recs)
	out := []testStore{{name: "sqlite", spec: "sqlite:" + path, db: lite.DB()}}
	if os.Getenv(pgtest.EnvDSN) != "" {
		dsn := pgtest.Database(t)
		pg, err := sinks.OpenPostgres(ctx, dsn, sinks.Options{Version: "test"})
		if err != nil {
			t.Fatal(err)
		}
		write(t, pg, recs)
		pg.Close(ctx)
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if _, err := db.Exec(`UPDATE documents SET processed_at = '2026-01-02T03:04:05Z'`); err != nil {
			t.Fatal(err)
		}
		out = append(out, testStore{name: "postgres", spec: dsn, db: db})
	}
	if _, err := lite.DB().Exec(`UPDATE documents SET processed_at = '2026-01-02T03:04:05Z'`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lite.Close(ctx) })
	return out
}

func write(t testing.TB, s sinks.Sink, recs []schemas.Record) {
	t.Helper()
	for i := 0; i < len(recs); i += 500 {
		if err := s.Write(context.Background(), recs[i:min(i+500, len(recs))]...); err != nil {
			t.Fatal(err)
		}
	}
}

// things counts the things of a type the store holds: its clusters, and the
// name keys of its mentions no doc entity lists.
func (s testStore) things(t testing.TB, typ string) int {
	t.Helper()
	var tables int
	q := `SELECT count(*) FROM sqlite_master WHERE name = 'clusters'`
	if s.name == "postgres" {
		q = `SELECT count(*) FROM information_schema.tables WHERE table_name = 'clusters' AND table_schema = current_schema()`
	}
	if err := s.db.QueryRow(q).Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if tables == 0 {
		return s.count(t, `SELECT count(DISTINCT COALESCE(NULLIF(normalized, ''), text)) FROM entities WHERE type = '`+typ+`'`)
	}
	return s.count(t, `SELECT count(*) FROM clusters WHERE type = '`+typ+`'`) +
		s.count(t, `SELECT count(DISTINCT COALESCE(NULLIF(normalized, ''), text)) FROM entities e
		WHERE type = '`+typ+`' AND NOT EXISTS (SELECT 1 FROM doc_entity_mentions dm JOIN doc_entities de
			ON de.document_id = dm.document_id AND de.entity_id = dm.entity_id
			WHERE dm.document_id = e.document_id AND dm.seq = e.seq)`)
}
