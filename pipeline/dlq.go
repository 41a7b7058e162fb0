package pipeline

import (
	"context"
	"time"

	"github.com/casefile/casefile/schemas"
)

// DeadLetter publishes a dead letter for a document to its stage's DLQ
// subject and marks the document dead in the ledger. The dead letter's
// Schema and At are filled in when empty.
func (b *Bus) DeadLetter(ctx context.Context, dl schemas.DeadLetter) error {
	if dl.Schema == "" {
		dl.Schema = schemas.DeadLetterSchemaID
	}
	if dl.At.IsZero() {
		dl.At = time.Now().UTC()
	}
	if err := b.Publish(ctx, DLQSubject(dl.Stage), Meta{ID: dl.ID, Source: dl.Source}, dl); err != nil {
		return err
	}
	return b.mark(ctx, dl.ID, Entry{State: StateDead, Stage: dl.Stage, Reason: dl.Reason})
}
