package main

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/casefile/casefile/internal/pgtest"
	"github.com/casefile/casefile/sinks"
	"github.com/casefile/casefile/sinks/sinktest"
)

// store is a database a run wrote to, as the tests read it.
type store struct {
	name  string
	spec  string
	open  func(t *testing.T) counter
	query func(t *testing.T, q string) [][]string
}

type counter interface {
	sinks.Sink
	Counts(ctx context.Context) (sinks.Counts, error)
}

func sqliteStore(dir string) store {
	path := filepath.Join(dir, "casefile.db")
	return store{
		name: "sqlite", spec: "sqlite:casefile.db",
		open: func(t *testing.T) counter {
			s, err := sinks.OpenSQLite(context.Background(), path, sinks.Options{})
			if err != nil {
				t.Fatal(err)
			}
			return s
		},
		query: func(t *testing.T, q string) [][]string {
			db, err := sql.Open(sinks.DefaultSQLiteDriver, "file:"+path+"?mode=ro")
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			rows, err := db.Query(q)
			if err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			defer rows.Close()
			cols, _ := rows.Columns()
			var out [][]string
			for rows.Next() {
				vals := make([]sql.NullString, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				if err := rows.Scan(ptrs...); err != nil {
					t.Fatal(err)
				}
				row := make([]string, len(cols))
				for i, v := range vals {
					row[i] = v.String
				}
				out = append(out, row)
			}
			return out
		},
	}
}

func postgresStore(t *testing.T) store {
	dsn := pgtest.Database(t)
	return store{
		name: "postgres", spec: dsn,
		open: func(t *testing.T) counter {
			s, err := sinks.OpenPostgres(context.Background(), dsn, sinks.Options{})
			if err != nil {
				t.Fatal(err)
			}
			return s
		},
		query: pgQuery(dsn),
	}
}

func counts(t *testing.T, s store) sinks.Counts {
	t.Helper()
	st := s.open(t)
	defer st.Close(context.Background())
	c, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestRunIntoDatabases runs the sample filings into SQLite (the default
// sink) and PostgreSQL at once: every record and dead letter lands once, a
// second run changes no row count, and README's example queries return the
// rows the samples hold.
func TestRunIntoDatabases(t *testing.T) {
	dir := t.TempDir()
	samples, _ := filepath.Abs("../../testdata/pdfs")
	stores := []store{sqliteStore(dir)}
	args := []string{"run"} // the default sink is sqlite:casefile.db
	// PostgreSQL too where a test server is configured (.ci/run starts one).
	if os.Getenv(pgtest.EnvDSN) != "" {
		pg := postgresStore(t)
		stores = append(stores, pg)
		args = append(args, "--sink", "sqlite:casefile.db", "--sink", pg.spec)
	}
	args = append(args, samples)
	if stderr, err := casefile(t, dir, args...); err != nil {
		t.Fatalf("casefile run: %v\n%s", err, stderr)
	}
	first := map[string]sinks.Counts{}
	for _, s := range stores {
		c := counts(t, s)
		if c.Documents != 7 || c.DeadLetters != 3 || c.Pages == 0 || c.Entities == 0 {
			t.Errorf("%s: %+v, want 7 documents and 3 dead letters, with pages and entities", s.name, c)
		}
		first[s.name] = c
	}
	if stderr, err := casefile(t, dir, args...); err != nil {
		t.Fatalf("second run: %v\n%s", err, stderr)
	}
	for _, s := range stores {
		if c := counts(t, s); c != first[s.name] {
			t.Errorf("%s: second run changed the counts: %+v, then %+v", s.name, first[s.name], c)
		}
	}
	// casefile status names each store its consumers feed, and their lag.
	var out strings.Builder
	st := casefileCmd(dir, "status")
	st.Stdout = &out
	if err := st.Run(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"records into sqlite:casefile.db", "dead letters into sqlite:casefile.db",
		"documents: 10 ingested = 7 recorded + 3 dead-lettered + 0 in progress"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("status lacks %q:\n%s", want, out.String())
		}
	}

	// The samples hold no drug weights: one record that does.
	for _, s := range stores {
		st := s.open(t)
		if err := st.Write(context.Background(), sinktest.Record(900, 2)); err != nil {
			t.Fatal(err)
		}
		st.Close(context.Background())
	}
	press := filepath.Join(samples, "ny-snp-wtg-2012-press-release.pdf")
	want := map[string][]string{ // a row each query must return, cells joined by |
		"charged": {"Boogz|murder in the second degree|" + press + "|2"},
		"drugs":   {"dump/900.pdf|1|3|kg|cocaine"},
		"place":   {press + "|1", press + "|2", press + "|4"},
		"phrase":  {press + "|2"},
		"failed": {
			filepath.Join(samples, "no-objects.pdf") + "|extract|extract.malformed",
			filepath.Join(samples, "html-saved-as-pdf.pdf") + "|extract|extract.not_pdf",
			filepath.Join(samples, "empty-zero-byte.pdf") + "|ingest|ingest.empty",
		},
	}
	for _, s := range stores {
		for _, q := range sinks.ExampleQueries {
			sqlText := q.SQLite
			if s.name == "postgres" {
				sqlText = q.Postgres
			}
			got := map[string]bool{}
			for _, row := range s.query(t, sqlText) {
				if q.Name == "failed" {
					row = row[:3] // the message is free text
				}
				got[strings.Join(row, "|")] = true
			}
			for _, w := range want[q.Name] {
				if !got[w] {
					t.Errorf("%s: query %s: no row %q among %d", s.name, q.Name, w, len(got))
				}
			}
		}
	}
}

// TestRunSurvivesPostgresOutage stops PostgreSQL for 10 s in the middle of
// a run into it and starts it again: the sink holds its records, retries,
// and the run ends with every document stored once.
func TestRunSurvivesPostgresOutage(t *testing.T) {
	if testing.Short() {
		t.Skip("stops a database server for 10 s")
	}
	pg := pgtest.StartServer(t)
	dir := t.TempDir()
	const n = 60
	in := makeDump(t, dir, n, false)
	cmd := casefileCmd(dir, "run", "--sink", pg.DSN, "--workers", "1", in)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stored := func() int {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, pg.DSN)
		if err != nil {
			return -1
		}
		defer conn.Close(ctx)
		var c int
		if conn.QueryRow(ctx, `SELECT COUNT(*) FROM documents`).Scan(&c) != nil {
			return -1
		}
		return c
	}
	deadline := time.Now().Add(90 * time.Second)
	for stored() < 3 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no documents stored after 90 s:\n%s", stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	before := stored()
	pg.Stop()
	time.Sleep(10 * time.Second)
	pg.Start()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("run across the outage: %v\n%s", err, stderr.String())
	}
	if got := pg.Count(`SELECT COUNT(*) FROM documents`); got != n {
		t.Errorf("%d documents stored, want %d (stored %d before the outage)\n%s", got, n, before, stderr.String())
	}
	if !strings.Contains(stderr.String(), "store unavailable") || !strings.Contains(stderr.String(), "store available again") {
		t.Errorf("the outage and the recovery were not logged:\n%s", stderr.String())
	}
}
