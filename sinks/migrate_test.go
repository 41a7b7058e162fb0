package sinks_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver, to set up a version 3 store by hand

	"github.com/casefile/casefile/internal/pgtest"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/sinks"
	"github.com/casefile/casefile/sinks/sinktest"
)

// derivedFacets are the doc_facets rows the other tables give, as
// migration 0003 first filled them.
const derivedFacets = `SELECT id, 'court', court FROM documents WHERE court <> ''
UNION SELECT id, 'type', doc_type FROM documents WHERE doc_type <> ''
UNION SELECT id, 'year', substr(filed, 1, 4) FROM documents WHERE filed <> ''
UNION SELECT document_id, 'etype', type FROM entities
UNION SELECT document_id, 'offense', offense FROM entities WHERE type = 'CHARGE' AND offense <> ''
UNION SELECT document_id, CASE type WHEN 'PERSON' THEN 'person' ELSE 'org' END, cluster_id FROM doc_entities`

// version3Rows is a document written by a casefile of schema version 3,
// whose triggers wrote its facets.
var version3Rows = []string{
	`INSERT INTO documents (id, source, bytes, pages, content_type, court, doc_type, filed, ingested_at, processed_at, casefile_version)
	VALUES ('old', 'old.pdf', 10, 1, 'application/pdf', 'nysd', 'indictment', '2019-05-01', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 'v3')`,
	`INSERT INTO entities (document_id, seq, type, text, page, char_start, char_end, source, offense)
	VALUES ('old', 0, 'PERSON', 'Jane Roe', 1, 0, 8, 'rule', NULL), ('old', 1, 'CHARGE', 'wire fraud', 1, 9, 19, 'rule', 'wire fraud')`,
	`INSERT INTO doc_entities (document_id, entity_id, type, name, key, member, block, cluster_id, context)
	VALUES ('old', 'p1', 'PERSON', 'Jane Roe', 'roe jane', 'old/roe jane', 'roe', 'p-0000000000000001', '["1:19-cr-00001"]')`,
}

// TestMigrateFromVersion3: a store of schema version 3 (facets written by
// per-row triggers, a context copy in every doc entity row) migrates to
// the current version, keeps its facet rows, moves its contexts to
// doc_contexts, and the facet rows the sink writes from then on are the
// ones the tables give, as the triggers' were.
func TestMigrateFromVersion3(t *testing.T) {
	type store struct {
		dialect, driver, dsn string
		open                 func(t *testing.T) counter
	}
	path := filepath.Join(t.TempDir(), "v3.db")
	cases := []store{{dialect: "sqlite", driver: "sqlite", dsn: path, open: func(t *testing.T) counter {
		s, err := sinks.OpenSQLite(context.Background(), path, sinks.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}}}
	if os.Getenv(pgtest.EnvDSN) != "" {
		dsn := pgtest.Database(t)
		cases = append(cases, store{dialect: "postgres", driver: "pgx", dsn: dsn, open: func(t *testing.T) counter {
			s, err := sinks.OpenPostgres(context.Background(), dsn, sinks.Options{})
			if err != nil {
				t.Fatal(err)
			}
			return s
		}})
	}
	for _, tc := range cases {
		t.Run(tc.dialect, func(t *testing.T) {
			ctx := context.Background()
			db, err := sql.Open(tc.driver, tc.dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			exec := func(q string) {
				t.Helper()
				if _, err := db.ExecContext(ctx, q); err != nil {
					t.Fatalf("%.60s: %v", q, err)
				}
			}
			stamp := map[string]string{"sqlite": "TEXT", "postgres": "TIMESTAMPTZ"}[tc.dialect]
			exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at ` + stamp + ` NOT NULL)`)
			files, _ := filepath.Glob(filepath.Join("migrations", tc.dialect, "000[123]_*.sql"))
			if len(files) != 3 {
				t.Fatalf("migrations 1-3: %v", files)
			}
			for i, f := range files {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				exec(string(data))
				exec(`INSERT INTO schema_migrations VALUES (` + string(rune('1'+i)) + `, '` + filepath.Base(f) + `', '2024-01-01T00:00:00Z')`)
			}
			for _, q := range version3Rows {
				exec(q)
			}
			facets := func(q string) []string {
				t.Helper()
				rows, err := db.QueryContext(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				defer rows.Close()
				var out []string
				for rows.Next() {
					var d, f, v string
					if err := rows.Scan(&d, &f, &v); err != nil {
						t.Fatal(err)
					}
					out = append(out, d+" "+f+" "+v)
				}
				slices.Sort(out)
				return out
			}
			old := facets(`SELECT document_id, facet, value FROM doc_facets`)
			if want := facets(derivedFacets); len(old) != 7 || !slices.Equal(old, want) {
				t.Fatalf("version 3 triggers wrote facet rows %q, want the 7 %q", old, want)
			}

			s := tc.open(t)
			defer s.Close(ctx)
			var version int
			if err := db.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&version); err != nil {
				t.Fatal(err)
			}
			if version < 5 {
				t.Fatalf("schema version %d after open, want 5 or later", version)
			}
			var moved, left string
			if err := db.QueryRowContext(ctx, `SELECT c.context, de.context FROM doc_contexts c JOIN doc_entities de ON de.document_id = c.document_id
				WHERE c.document_id = 'old'`).Scan(&moved, &left); err != nil {
				t.Fatalf("old document's context: %v", err)
			}
			if moved != `["1:19-cr-00001"]` || left != "[]" {
				t.Errorf("context after migration: doc_contexts %s, doc_entities %s; want it moved", moved, left)
			}
			if got := facets(`SELECT document_id, facet, value FROM doc_facets`); !slices.Equal(got, old) {
				t.Errorf("migration changed the facet rows: %q, want %q", got, old)
			}
			recs := []schemas.Record{sinktest.Record(1, 8), sinktest.Record(2, 3), sinktest.Record(3, 0)}
			recs[0].Case.Court, recs[0].Case.DocType, recs[0].Case.Filed = "cacd", "judgment", "2021-03-04"
			for _, batch := range [][]schemas.Record{recs, recs[:1], {recs[2], recs[1]}} {
				if err := s.Write(ctx, batch...); err != nil {
					t.Fatal(err)
				}
				want, got := facets(derivedFacets), facets(`SELECT document_id, facet, value FROM doc_facets`)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("doc_facets differ from the rows the tables give (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestDeleteDocumentTakesItsRows: deleting a documents row by hand deletes
// every row of its document in the other tables, on both databases
// (PostgreSQL's four bulk tables by a statement trigger since version 7,
// the rest by ON DELETE CASCADE), and leaves another document's rows.
func TestDeleteDocumentTakesItsRows(t *testing.T) {
	type store struct{ name, driver, dsn string }
	path := filepath.Join(t.TempDir(), "c.db")
	cases := []store{{"sqlite", "sqlite", "file:" + path + "?_pragma=foreign_keys(1)"}}
	if os.Getenv(pgtest.EnvDSN) != "" {
		cases = append(cases, store{"postgres", "pgx", pgtest.Database(t)})
	}
	tables := []string{"pages", "entities", "doc_entities", "doc_entity_mentions", "doc_entity_ties", "doc_contexts", "doc_facets"}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			s, err := sinks.Open(ctx, map[string]string{"sqlite": "sqlite:" + path, "postgres": tc.dsn}[tc.name], sinks.Options{})
			if err != nil {
				t.Fatal(err)
			}
			gone, kept := sinktest.Record(1, 8), sinktest.Record(2, 8)
			if err := s.Write(ctx, gone, kept); err != nil {
				t.Fatal(err)
			}
			if err := s.Close(ctx); err != nil {
				t.Fatal(err)
			}
			db, err := sql.Open(tc.driver, tc.dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			bind := map[string]string{"sqlite": "?", "postgres": "$1"}[tc.name]
			rows := func(table, id string) int {
				t.Helper()
				var n int
				if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table+` WHERE document_id = `+bind, id).Scan(&n); err != nil {
					t.Fatalf("%s: %v", table, err)
				}
				return n
			}
			for _, table := range tables {
				if rows(table, gone.ID) == 0 || rows(table, kept.ID) == 0 {
					t.Fatalf("%s holds no rows of a document written: the test proves nothing for it", table)
				}
			}
			if _, err := db.ExecContext(ctx, `DELETE FROM documents WHERE id = `+bind, gone.ID); err != nil {
				t.Fatal(err)
			}
			for _, table := range tables {
				if n := rows(table, gone.ID); n != 0 {
					t.Errorf("%s keeps %d rows of the deleted document", table, n)
				}
				if rows(table, kept.ID) == 0 {
					t.Errorf("%s lost the other document's rows", table)
				}
			}
		})
	}
}
