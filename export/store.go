package export

import (
	"context"
	"fmt"
	"strings"

	"github.com/casefile/casefile/storedb"
	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, as sinks uses
)

// Errors callers branch on: those of [storedb.Open].
var (
	// ErrSpec is returned by Open for a store spec it cannot read.
	ErrSpec = storedb.ErrSpec
	// ErrNotStore is returned by Open for a database casefile did not
	// create (no schema_migrations or documents table).
	ErrNotStore = storedb.ErrNotStore
)

// Store reads a casefile store for export, never writing to it: a SQLite
// file opened read-only or a PostgreSQL database whose sessions are
// read-only. Every export streams its rows; nothing loads all records.
type Store struct {
	db *storedb.DB
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
	// A small page cache: the exports read each row once, in index order.
	db, err := storedb.Open(ctx, spec, storedb.Options{MaxConns: 2, CacheKiB: 16384})
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	s := &Store{db: db}
	if s.clustered, err = db.HasTables(ctx, "clusters"); err != nil {
		db.Close()
		return nil, fmt.Errorf("export: %w", err)
	}
	return s, nil
}

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// String names the store for logs: the file, or the host/database.
func (s *Store) String() string { return s.db.Name }

// sql rewrites a query written for SQLite into the store's dialect: "?"
// placeholders become "$n", "/*C*/" becomes a byte-order collation (so
// both databases sort ids alike, whatever PostgreSQL's locale), and
// "/*JSON*/col" reads a JSON column as text.
func (s *Store) sql(q string) string {
	if s.db.Dialect == storedb.SQLite {
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
