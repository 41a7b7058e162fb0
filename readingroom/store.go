package readingroom

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, as sinks uses
)

// Errors callers branch on.
var (
	// ErrNotFound is returned for a document, entity or page the store
	// does not hold.
	ErrNotFound = errors.New("readingroom: not found")
	// ErrNotStore is returned by Open for a database that is not a
	// casefile store (no schema_migrations table or no documents table).
	ErrNotStore = errors.New("readingroom: not a casefile store")
	// ErrSpec is returned by Open for a spec it cannot read.
	ErrSpec = errors.New("readingroom: bad store spec")
)

type dialect int

const (
	sqliteDialect dialect = iota
	postgresDialect
)

// Store reads a casefile store, never writing to it: a SQLite file opened
// read-only (mode=ro, query_only) or a PostgreSQL database whose sessions
// are read-only (default_transaction_read_only). Every query carries a
// LIMIT; callers bound time with their context.
type Store struct {
	db      *sql.DB
	dialect dialect
	name    string // for logs: the file, or the host/database
	version int    // the newest migration applied
	// identity: the store has the who-is-who tables (doc_entities,
	// doc_entity_mentions, doc_entity_ties, clusters). facets: it has
	// doc_facets. A store written before those migrations lacks them until
	// a sink opens it for writing; the reading room never migrates.
	identity, facetTable bool
}

// Open opens the store a spec names: "sqlite:FILE" (or a bare path to an
// existing file) or "postgres://…"/"postgresql://…". It fails with
// ErrSpec for an unreadable spec, ErrNotStore for a database casefile did
// not create, and an os error (fs.ErrNotExist) for a missing SQLite file:
// a read-only open never creates one.
func Open(ctx context.Context, spec string) (*Store, error) {
	switch {
	case strings.HasPrefix(spec, "postgres://"), strings.HasPrefix(spec, "postgresql://"):
		return openPostgres(ctx, spec)
	case strings.HasPrefix(spec, "sqlite:"):
		return openSQLite(ctx, strings.TrimPrefix(spec, "sqlite:"))
	case spec == "":
		return nil, fmt.Errorf("%w: empty", ErrSpec)
	case strings.Contains(spec, "://"):
		return nil, fmt.Errorf("%w: %q: want sqlite:FILE or postgres://…", ErrSpec, spec)
	default:
		return openSQLite(ctx, spec)
	}
}

func openSQLite(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, fmt.Errorf("%w: sqlite: no file", ErrSpec)
	}
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("readingroom: %w", err)
	}
	q := url.Values{}
	q.Set("mode", "ro")
	for _, p := range []string{"query_only(1)", "busy_timeout(5000)", "cache_size(-32768)", "temp_store(MEMORY)"} {
		q.Add("_pragma", p)
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("readingroom: sqlite %s: %w", path, err)
	}
	// Readers in WAL mode do not block each other or the writer of a run
	// in progress; a handful of connections serve concurrent requests.
	db.SetMaxOpenConns(8)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s := &Store{db: db, dialect: sqliteDialect, name: path}
	if err := s.check(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("readingroom: sqlite %s: %w", path, err)
	}
	return s, nil
}

func openPostgres(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("%w: postgres: %w", ErrSpec, err)
	}
	// Every transaction of these sessions is read-only: the server refuses
	// a write whatever the code does. The statement timeout backs up the
	// request contexts.
	cfg.RuntimeParams["default_transaction_read_only"] = "on"
	cfg.RuntimeParams["statement_timeout"] = "10000"
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(8)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s := &Store{db: db, dialect: postgresDialect, name: cfg.Host + "/" + cfg.Database}
	if err := s.check(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("readingroom: postgres %s: %w", s.name, err)
	}
	return s, nil
}

// check confirms the database is a casefile store and notes its version.
func (s *Store) check(ctx context.Context) error {
	var v sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		return fmt.Errorf("%w: %w", ErrNotStore, err)
	}
	if !v.Valid {
		return ErrNotStore
	}
	s.version = int(v.Int64)
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM documents LIMIT 1) t`).Scan(&n); err != nil {
		return fmt.Errorf("%w: %w", ErrNotStore, err)
	}
	has := func(tables ...string) (bool, error) {
		q := `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`
		if s.dialect == postgresDialect {
			q = `SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?`
		}
		for _, t := range tables {
			var n int
			if err := s.queryRow(ctx, q, t).Scan(&n); err != nil {
				return false, fmt.Errorf("tables: %w", err)
			}
			if n == 0 {
				return false, nil
			}
		}
		return true, nil
	}
	var err error
	if s.identity, err = has("doc_entities", "doc_entity_mentions", "doc_entity_ties", "clusters"); err != nil {
		return err
	}
	s.facetTable, err = has("doc_facets")
	return err
}

// HasIdentity reports whether the store holds who-is-who clusters: entity
// pages are then clusters (/entity/ID) and a filing's people are its doc
// entities; without them, mentions are grouped by normalized name.
func (s *Store) HasIdentity() bool { return s.identity }

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// String names the store for logs (never a password).
func (s *Store) String() string {
	if s.dialect == postgresDialect {
		return "postgres " + s.name
	}
	return "sqlite " + s.name
}

// bind rewrites a query written with ? placeholders for the store's
// dialect: $1, $2… for PostgreSQL. Our SQL holds no literal question mark.
func (s *Store) bind(q string) string {
	if s.dialect != postgresDialect {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (s *Store) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, s.bind(q), args...)
}

func (s *Store) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	return s.db.QueryRowContext(ctx, s.bind(q), args...)
}

// text casts a column to text in the dialect (timestamps and JSON in
// PostgreSQL are typed; SQLite already stores text).
func (s *Store) text(col string) string {
	if s.dialect == postgresDialect {
		return col + "::text"
	}
	return col
}
