package workers

import (
	"context"
	"io"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
)

// What the workers need of the pipeline's bus, one method each, combined
// per worker into the narrowest set it uses. *pipeline.Bus provides them
// all; tests provide them in memory.

// Ledger reads documents' terminal states.
type Ledger interface {
	// State returns id's ledger entry, or false if it has none yet.
	State(ctx context.Context, id string) (pipeline.Entry, bool, error)
}

// RecordMarker notes in the ledger that a document's record of replay
// generation gen is published.
type RecordMarker interface {
	MarkRecorded(ctx context.Context, id string, gen int) error
}

// Publisher publishes a value as a JSON message about a document, returning
// once the stream has stored it.
type Publisher interface {
	Publish(ctx context.Context, subject string, m pipeline.Meta, v any) error
}

// JSONPublisher publishes an encoded JSON body, returning once the stream
// has stored it.
type JSONPublisher interface {
	PublishJSON(ctx context.Context, subject string, m pipeline.Meta, body []byte) error
}

// DocumentReader returns a document's bytes: pipeline.ErrNotFound when the
// store has none, pipeline.ErrTooLarge when they are over limit.
type DocumentReader interface {
	Document(ctx context.Context, id string, limit int64) ([]byte, error)
}

// DocumentWriter stores a document's bytes under its id unless they are
// there already, reporting whether it stored them.
type DocumentWriter interface {
	PutDocument(ctx context.Context, id string, r io.Reader) (bool, error)
}

// DeadLetterer publishes a dead letter of a document's replay generation
// gen and marks the document dead.
type DeadLetterer interface {
	DeadLetter(ctx context.Context, dl schemas.DeadLetter, gen int) error
}

// ExtractBus is what the extract stage needs: the ledger to skip documents
// already done, the document's bytes, and a publisher for its pages.
type ExtractBus interface {
	Ledger
	DocumentReader
	Publisher
}

// AnnotateBus is what the annotate stage needs: the ledger to skip
// documents already done, a publisher for the encoded record, and the
// ledger again to mark it recorded.
type AnnotateBus interface {
	Ledger
	JSONPublisher
	RecordMarker
}

// IngestBus is what the ingester needs: the ledger, the document store, a
// publisher for the ingested message, and dead letters for files it cannot
// take.
type IngestBus interface {
	Ledger
	DocumentWriter
	Publisher
	DeadLetterer
}

var (
	_ ExtractBus  = (*pipeline.Bus)(nil)
	_ AnnotateBus = (*pipeline.Bus)(nil)
	_ IngestBus   = (*pipeline.Bus)(nil)
)
