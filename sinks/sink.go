package sinks

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/casefile/casefile/schemas"
)

// Sink is a record store.
type Sink interface {
	// Write stores recs durably before returning. Records whose id is
	// already stored are skipped.
	Write(ctx context.Context, recs ...schemas.Record) error
	// Close flushes and releases the store.
	Close(ctx context.Context) error
}

// ErrSpec is wrapped by errors about malformed sink specs.
var ErrSpec = errors.New("sinks: bad spec")

// Open returns the sink a spec names: "jsonl:PATH", or "jsonl:-" (also
// plain "-") for stdout, which is written to w.
func Open(spec string, stdout io.Writer) (Sink, error) {
	if spec == "-" {
		spec = "jsonl:-"
	}
	kind, arg, ok := strings.Cut(spec, ":")
	if !ok || arg == "" {
		return nil, fmt.Errorf("%w: %q: want KIND:ARG, e.g. jsonl:records.jsonl", ErrSpec, spec)
	}
	switch kind {
	case "jsonl":
		if arg == "-" {
			return NewJSONLWriter(stdout), nil
		}
		return OpenJSONL(arg)
	default:
		return nil, fmt.Errorf("%w: %q: unknown kind %q (known: jsonl)", ErrSpec, spec, kind)
	}
}
