package export

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, as sinks uses
)

// Errors callers branch on.
var (
	// ErrSpec is returned by Open for a store spec it cannot read.
	ErrSpec = errors.New("export: bad store spec")
	// ErrNotStore is returned by Open for a database casefile did not
	// create (no schema_migrations or documents table).
	ErrNotStore = errors.New("export: not a casefile store")
)

type dialect int

const (
	sqliteDialect dialect = iota
	postgresDialect
)

// Store reads a casefile store for export, never writing to it: a SQLite
// file opened read-only or a PostgreSQL database whose sessions are
// read-only. Every export streams its rows; nothing loads all records.
type Store struct {
	db      *sql.DB
	dialect dialect
	name    string
	// clustered is set when the store has the identity tables (doc
	// entities and their clusters).
	clustered bool
}

// Open opens the store a spec names: "sqlite:FILE" (or a bare path to an
// existing file) or "postgres://…"/"postgresql://…". It fails with ErrSpec
// for an unreadable spec, ErrNotStore for a database casefile did not
// create, and an error matching fs.ErrNotExist for a missing SQLite file
// (a read-only open never creates one).
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
		return nil, fmt.Errorf("export: %w", err)
	}
	q := url.Values{}
	q.Set("mode", "ro")
	// A small page cache: the exports read each row once, in index order.
	for _, p := range []string{"query_only(1)", "busy_timeout(10000)", "cache_size(-16384)", "temp_store(FILE)"} {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("export: sqlite %s: %w", path, err)
	}
	// Two streams may be open at once (a cursor and a lookup).
	db.SetMaxOpenConns(2)
	s := &Store{db: db, dialect: sqliteDialect, name: path}
	if err := s.check(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("export: sqlite %s: %w", path, err)
	}
	return s, nil
}

func openPostgres(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("%w: postgres: %w", ErrSpec, err)
	}
	// The server refuses any write, whatever the code does.
	cfg.RuntimeParams["default_transaction_read_only"] = "on"
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(2)
	s := &Store{db: db, dialect: postgresDialect, name: cfg.Host + "/" + cfg.Database}
	if err := s.check(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("export: postgres %s: %w", s.name, err)
	}
	return s, nil
}

// check confirms the database is a casefile store.
func (s *Store) check(ctx context.Context) error {
	var v sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		return fmt.Errorf("%w: %w", ErrNotStore, err)
	}
	if !v.Valid {
		return ErrNotStore
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM documents LIMIT 1) t`).Scan(&n); err != nil {
		return fmt.Errorf("%w: %w", ErrNotStore, err)
	}
	var err error
	s.clustered, err = s.hasTable(ctx, "clusters")
	return err
}

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// String names the store for logs: the file, or the host/database.
func (s *Store) String() string { return s.name }

// sql rewrites a query written for SQLite into the store's dialect: "?"
// placeholders become "$n", "/*C*/" becomes a byte-order collation (so
// both databases sort ids alike, whatever PostgreSQL's locale), and
// "/*JSON*/col" reads a JSON column as text.
func (s *Store) sql(q string) string {
	if s.dialect == sqliteDialect {
		q = strings.ReplaceAll(q, "/*C*/", "")
		return strings.ReplaceAll(q, "/*JSON*/", "")
	}
	q = strings.ReplaceAll(q, "/*C*/", ` COLLATE "C"`)
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		switch {
		case q[i] == '?':
			n++
			fmt.Fprintf(&b, "$%d", n)
		case strings.HasPrefix(q[i:], "/*JSON*/"):
			// /*JSON*/col → col::text
			i += len("/*JSON*/")
			j := i
			for j < len(q) && (q[j] == '_' || q[j] == '.' || q[j] >= 'a' && q[j] <= 'z') {
				j++
			}
			b.WriteString(q[i:j] + "::text")
			i = j - 1
		default:
			b.WriteByte(q[i])
		}
	}
	return b.String()
}

// hasTable reports whether the store holds a table (a later migration's).
func (s *Store) hasTable(ctx context.Context, name string) (bool, error) {
	q := `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`
	if s.dialect == postgresDialect {
		q = `SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1`
	}
	var n int
	if err := s.db.QueryRowContext(ctx, q, name).Scan(&n); err != nil {
		return false, fmt.Errorf("export: %w", err)
	}
	return n > 0, nil
}
