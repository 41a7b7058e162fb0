package readingroom

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/casefile/casefile/storedb"
	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, as sinks uses
)

// Errors callers branch on.
var (
	// ErrNotFound is returned for a document, entity or page the store
	// does not hold.
	ErrNotFound = errors.New("readingroom: not found")
	// ErrNotStore is returned by Open for a database that is not a
	// casefile store (no schema_migrations table or no documents table).
	ErrNotStore = storedb.ErrNotStore
	// ErrSpec is returned by Open for a spec it cannot read.
	ErrSpec = storedb.ErrSpec
)

// Store reads a casefile store, never writing to it: a SQLite file opened
// read-only (mode=ro, query_only) or a PostgreSQL database whose sessions
// are read-only (default_transaction_read_only). Every query carries a
// LIMIT; callers bound time with their context.
type Store struct {
	db *storedb.DB
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
	// A handful of connections serve concurrent requests; the statement
	// timeout backs up the request contexts.
	db, err := storedb.Open(ctx, spec, storedb.Options{MaxConns: 8, CacheKiB: 32768, StatementTimeout: 10 * time.Second})
	if err != nil {
		return nil, fmt.Errorf("readingroom: %w", err)
	}
	s := &Store{db: db}
	if s.identity, err = db.HasTables(ctx, "doc_entities", "doc_entity_mentions", "doc_entity_ties", "clusters"); err == nil {
		s.facetTable, err = db.HasTables(ctx, "doc_facets")
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("readingroom: %w", err)
	}
	return s, nil
}

// HasIdentity reports whether the store holds who-is-who clusters: entity
// pages are then clusters (/entity/ID) and a filing's people are its doc
// entities; without them, mentions are grouped by normalized name.
func (s *Store) HasIdentity() bool { return s.identity }

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// String names the store for logs (never a password).
func (s *Store) String() string {
	if s.db.Dialect == storedb.Postgres {
		return "postgres " + s.db.Name
	}
	return "sqlite " + s.db.Name
}

// bind rewrites a query written with ? placeholders for the store's
// dialect.
func (s *Store) bind(q string) string { return storedb.Bind(s.db.Dialect, q) }

func (s *Store) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, s.bind(q), args...)
}

func (s *Store) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	return s.db.QueryRowContext(ctx, s.bind(q), args...)
}

// text casts a column to text in the dialect (timestamps and JSON in
// PostgreSQL are typed; SQLite already stores text).
func (s *Store) text(col string) string {
	if s.db.Dialect == storedb.Postgres {
		return col + "::text"
	}
	return col
}
