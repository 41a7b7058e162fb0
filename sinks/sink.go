package sinks

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/casefile/casefile/schemas"
)

// Sink is a record store.
type Sink interface {
	// Write stores recs durably before returning, idempotently by record
	// id: a record the store holds already is not stored twice (JSONL
	// keeps the first, databases replace it with the new one).
	Write(ctx context.Context, recs ...schemas.Record) error
	// Close flushes and releases the store.
	Close(ctx context.Context) error
}

// DeadLetterWriter is a store that also keeps dead letters, one per
// document id.
type DeadLetterWriter interface {
	WriteDeadLetters(ctx context.Context, dls ...schemas.DeadLetter) error
}

// Options configure the stores Open opens.
type Options struct {
	// Stdout receives "jsonl:-".
	Stdout io.Writer
	// Version is stored with each document in databases. If empty, the
	// build's module version or VCS revision.
	Version string
	// SQLiteDriver is the database/sql driver name for sqlite: stores. If
	// empty, DefaultSQLiteDriver.
	SQLiteDriver string
	// Judgements is the judgement file (see package identity) a database
	// store applies on open and on every write. If empty, a sqlite:FILE
	// store uses DefaultJudgements(FILE) when it exists, and PostgreSQL
	// its judgements table alone.
	Judgements string
}

func (o Options) version() string {
	if o.Version != "" {
		return o.Version
	}
	return buildVersion()
}

// ErrSpec is wrapped by errors about malformed sink specs.
var ErrSpec = errors.New("sinks: bad spec")

// Open returns the store a spec names:
//
//	sqlite:FILE                SQLite database file (created if needed)
//	postgres://… postgresql://…  PostgreSQL, a pgx connection string
//	jsonl:FILE                 JSON Lines file; jsonl:- (or -) for stdout
//
// Databases are created and migrated to this casefile's schema on open.
func Open(ctx context.Context, spec string, opts Options) (Sink, error) {
	if spec == "-" {
		spec = "jsonl:-"
	}
	if strings.HasPrefix(spec, "postgres://") || strings.HasPrefix(spec, "postgresql://") {
		return OpenPostgres(ctx, spec, opts)
	}
	kind, arg, ok := strings.Cut(spec, ":")
	if !ok || arg == "" {
		return nil, fmt.Errorf("%w: %q: want sqlite:FILE, postgres://…, or jsonl:FILE", ErrSpec, spec)
	}
	switch kind {
	case "jsonl":
		if arg == "-" {
			w := opts.Stdout
			if w == nil {
				w = os.Stdout
			}
			return NewJSONLWriter(w), nil
		}
		return OpenJSONL(arg)
	case "sqlite":
		return OpenSQLite(ctx, arg, opts)
	default:
		return nil, fmt.Errorf("%w: %q: unknown kind %q (known: sqlite, postgres, jsonl)", ErrSpec, spec, kind)
	}
}

// IsNew reports whether the store a spec names does not exist yet, so its
// consumer should start over and replay every record into it. Databases
// on a server are never new this way: their consumer is durable.
func IsNew(spec string) bool {
	kind, arg, ok := strings.Cut(spec, ":")
	if !ok || (kind != "jsonl" && kind != "sqlite") || arg == "-" {
		return false
	}
	info, err := os.Stat(arg)
	return errors.Is(err, os.ErrNotExist) || (err == nil && info.Size() == 0)
}

// Redact returns a spec fit to show and log: a database connection
// string's password hidden.
func Redact(spec string) string {
	if strings.HasPrefix(spec, "postgres://") || strings.HasPrefix(spec, "postgresql://") {
		return redactDSN(spec)
	}
	return spec
}
