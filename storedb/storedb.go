package storedb

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
	// ErrSpec is returned by Open for a store spec it cannot read.
	ErrSpec = errors.New("storedb: bad store spec")
	// ErrNotStore is returned by Open for a database casefile did not
	// create (no schema_migrations or documents table).
	ErrNotStore = errors.New("storedb: not a casefile store")
)

// Dialect is the SQL a store speaks.
type Dialect int

// Dialects.
const (
	SQLite Dialect = iota
	Postgres
)

// Options size the connection pool for the reader's use.
type Options struct {
	// MaxConns bounds open connections (default 2: a cursor and a lookup).
	MaxConns int
	// CacheKiB is SQLite's page cache per connection (default 16 MiB).
	CacheKiB int
	// StatementTimeout makes PostgreSQL end a statement that runs longer
	// (0: none), behind the callers' contexts.
	StatementTimeout time.Duration
}

// DB is a store opened for reading.
type DB struct {
	*sql.DB
	Dialect Dialect
	// Name names the store for logs: the file, or host/database (never a
	// password).
	Name string
	// Version is the newest migration the store has applied.
	Version int
}

// Open opens the store a spec names: "sqlite:FILE" (or a bare path to an
// existing file) or "postgres://…"/"postgresql://…". It fails with ErrSpec
// for an unreadable spec, ErrNotStore for a database casefile did not
// create, and an error matching fs.ErrNotExist for a missing SQLite file.
func Open(ctx context.Context, spec string, opts Options) (*DB, error) {
	opts.MaxConns = max(opts.MaxConns, 2)
	if opts.CacheKiB == 0 {
		opts.CacheKiB = 16384
	}
	switch {
	case strings.HasPrefix(spec, "postgres://"), strings.HasPrefix(spec, "postgresql://"):
		return openPostgres(ctx, spec, opts)
	case strings.HasPrefix(spec, "sqlite:"):
		return openSQLite(ctx, strings.TrimPrefix(spec, "sqlite:"), opts)
	case spec == "":
		return nil, fmt.Errorf("%w: empty", ErrSpec)
	case strings.Contains(spec, "://"):
		// Only the scheme: the rest may hold a password.
		scheme, _, _ := strings.Cut(spec, "://")
		return nil, fmt.Errorf("%w: scheme %q: want sqlite:FILE or postgres://…", ErrSpec, scheme)
	default:
		return openSQLite(ctx, spec, opts)
	}
}

func openSQLite(ctx context.Context, path string, opts Options) (*DB, error) {
	if path == "" {
		return nil, fmt.Errorf("%w: sqlite: no file", ErrSpec)
	}
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("storedb: %w", err) // a read-only open never creates one
	}
	q := url.Values{}
	q.Set("mode", "ro")
	for _, p := range []string{"query_only(1)", "busy_timeout(10000)", fmt.Sprintf("cache_size(-%d)", opts.CacheKiB), "temp_store(MEMORY)"} {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("storedb: sqlite %s: %w", path, err)
	}
	// Readers in WAL mode block neither each other nor a run writing.
	db.SetMaxOpenConns(opts.MaxConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	d := &DB{DB: db, Dialect: SQLite, Name: path}
	if err := d.check(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("storedb: sqlite %s: %w", path, err)
	}
	return d, nil
}

func openPostgres(ctx context.Context, dsn string, opts Options) (*DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("%w: postgres: %w", ErrSpec, err)
	}
	// Every transaction of these sessions is read-only: the server refuses
	// a write whatever the code does.
	cfg.RuntimeParams["default_transaction_read_only"] = "on"
	if opts.StatementTimeout > 0 {
		cfg.RuntimeParams["statement_timeout"] = strconv.FormatInt(opts.StatementTimeout.Milliseconds(), 10)
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(opts.MaxConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	d := &DB{DB: db, Dialect: Postgres, Name: cfg.Host + "/" + cfg.Database}
	if err := d.check(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("storedb: postgres %s: %w", d.Name, err)
	}
	return d, nil
}

// check confirms the database is a casefile store and notes its version.
func (d *DB) check(ctx context.Context) error {
	var v sql.NullInt64
	if err := d.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		return fmt.Errorf("%w: %w", ErrNotStore, err)
	}
	if !v.Valid {
		return ErrNotStore
	}
	d.Version = int(v.Int64)
	var n int
	if err := d.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM documents LIMIT 1) t`).Scan(&n); err != nil {
		return fmt.Errorf("%w: %w", ErrNotStore, err)
	}
	return nil
}

// HasTables reports whether the store holds every one of tables: a store
// written before a migration lacks its tables until a sink opens it for
// writing, and readers never migrate.
func (d *DB) HasTables(ctx context.Context, tables ...string) (bool, error) {
	q := `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`
	if d.Dialect == Postgres {
		q = `SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?`
	}
	for _, t := range tables {
		var n int
		if err := d.QueryRowContext(ctx, Bind(d.Dialect, q), t).Scan(&n); err != nil {
			return false, fmt.Errorf("storedb: tables: %w", err)
		}
		if n == 0 {
			return false, nil
		}
	}
	return true, nil
}

// Bind rewrites a query written with "?" placeholders for dialect:
// "$1", "$2"… for PostgreSQL. The queries it is given hold no "?" in a
// literal.
func Bind(dialect Dialect, q string) string {
	if dialect != Postgres || !strings.Contains(q, "?") {
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
