package storedb_test

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casefile/casefile/internal/pgtest"
	"github.com/casefile/casefile/sinks"
	"github.com/casefile/casefile/storedb"
)

func TestOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	notStore := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", "file:"+notStore)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE t (x)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	tests := []struct {
		spec string
		want error
	}{
		{"", storedb.ErrSpec},
		{"mysql://host/db", storedb.ErrSpec},
		{"sqlite:", storedb.ErrSpec},
		{"sqlite:" + filepath.Join(dir, "missing.db"), fs.ErrNotExist},
		{filepath.Join(dir, "missing.db"), fs.ErrNotExist},
		{"sqlite:" + notStore, storedb.ErrNotStore},
	}
	for _, tt := range tests {
		if _, err := storedb.Open(context.Background(), tt.spec, storedb.Options{}); !errors.Is(err, tt.want) {
			t.Errorf("Open(%q) = %v, want %v", tt.spec, err, tt.want)
		}
	}
}

// TestOpenStore opens stores the sinks made, and finds them read-only.
// TestOpenSpecErrorHidesPassword checks that a spec Open cannot read, a
// mistyped scheme with a password in it, is not echoed whole.
func TestOpenSpecErrorHidesPassword(t *testing.T) {
	for _, spec := range []string{
		"postgress://alice:s3cret@db.example/casefile",
		"POSTGRES://alice:s3cret@db.example/casefile",
		"mysql://alice:s3cret@db.example/casefile",
	} {
		_, err := storedb.Open(context.Background(), spec, storedb.Options{})
		if !errors.Is(err, storedb.ErrSpec) || strings.Contains(err.Error(), "s3cret") {
			t.Errorf("Open(%q) = %v, want ErrSpec without the password", spec, err)
		}
	}
}

func TestOpenStore(t *testing.T) {
	ctx := context.Background()
	specs := map[string]func(t *testing.T) string{
		"sqlite":   func(t *testing.T) string { return "sqlite:" + filepath.Join(t.TempDir(), "casefile.db") },
		"postgres": func(t *testing.T) string { return pgtest.Database(t) }, // skips without a server
	}
	for name, newSpec := range specs {
		t.Run(name, func(t *testing.T) {
			spec := newSpec(t)
			s, err := sinks.Open(ctx, spec, sinks.Options{})
			if err != nil {
				t.Fatal(err)
			}
			s.Close(ctx)
			db, err := storedb.Open(ctx, spec, storedb.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if db.Version < 2 {
				t.Errorf("version %d, want the migrations applied", db.Version)
			}
			ok, err := db.HasTables(ctx, "documents", "clusters")
			if err != nil || !ok {
				t.Errorf("HasTables(documents, clusters) = %v, %v", ok, err)
			}
			if ok, _ := db.HasTables(ctx, "documents", "no_such_table"); ok {
				t.Error("HasTables found a table the store does not have")
			}
			if _, err := db.ExecContext(ctx, `DELETE FROM documents`); err == nil {
				t.Error("a write went through a read-only store")
			}
		})
	}
}

func TestBind(t *testing.T) {
	q := `SELECT a FROM t WHERE b = ? AND c IN (?, ?)`
	if got := storedb.Bind(storedb.SQLite, q); got != q {
		t.Errorf("SQLite: %q", got)
	}
	if got, want := storedb.Bind(storedb.Postgres, q), `SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)`; got != want {
		t.Errorf("Postgres: %q, want %q", got, want)
	}
}
