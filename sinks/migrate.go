package sinks

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// migrationFiles are the database schemas' versioned migrations, one folder
// per dialect, files named NNNN_what.sql. A store records the versions it
// has applied in schema_migrations and applies the rest in order, each in
// its own transaction; it refuses a store written by a newer casefile. No
// migration drops data without saying so in its name.
//
//go:embed migrations
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns a dialect's migrations in version order.
func migrations(dialect string) ([]migration, error) {
	dir := path.Join("migrations", dialect)
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return nil, fmt.Errorf("sinks: migrations for %s: %w", dialect, err)
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("sinks: migration %s: want NNNN_name.sql", e.Name())
		}
		data, err := migrationFiles.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(data)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("sinks: migrations for %s: %s is not version %d", dialect, m.name, i+1)
		}
	}
	return out, nil
}

// ErrNewerStore is returned when a store's schema is newer than this
// casefile knows: it was written by a later version, and writing to it
// could lose what that version stores.
var ErrNewerStore = fmt.Errorf("sinks: store written by a newer casefile")
