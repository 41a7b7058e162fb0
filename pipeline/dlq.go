package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/casefile/casefile/schemas"
)

// DeadLetter publishes a dead letter for a document's generation gen
// (HeaderGeneration of the message that failed) to its stage's DLQ
// subject and marks the document dead in the ledger, unless the ledger's
// outcome supersedes it (Entry.supersedes): then it files nothing. The
// check and the publish are two steps, so a late dead letter can still be
// filed in the moment between them; the ledger's compare-and-set keeps
// the document's outcome right even then. The dead letter's
// Schema and At are filled in when empty. Its message id is the stage's,
// the document's and the generation's: the copies of one failure (every
// process settling an exhausted message) are stored once, and a replay's
// failure is stored beside the dead letter it replayed.
func (b *Bus) DeadLetter(ctx context.Context, dl schemas.DeadLetter, gen int) error {
	if dl.Schema == "" {
		dl.Schema = schemas.DeadLetterSchemaID
	}
	if dl.At.IsZero() {
		dl.At = time.Now().UTC()
	}
	// A dead letter the ledger's outcome supersedes (a later generation's,
	// or this generation's record) is a stale failure: filed, it would
	// list a recorded document as lost.
	e := Entry{State: StateDead, Stage: dl.Stage, Reason: dl.Reason, Generation: gen}
	if cur, ok, err := b.State(ctx, dl.ID); err != nil {
		return err
	} else if ok && !e.supersedes(cur) {
		return nil
	}
	if err := b.Publish(ctx, DLQSubject(dl.Stage), Meta{ID: dl.ID, Source: dl.Source, Generation: gen}, dl); err != nil {
		return err
	}
	return b.mark(ctx, dl.ID, e)
}

// StoredDeadLetter is a dead letter as the DLQ stream holds it.
type StoredDeadLetter struct {
	Seq uint64 // its sequence in StreamDLQ
	// Generation is the replay generation of the message that failed
	// (HeaderGeneration); a replay of it is generation Generation+1.
	Generation int
	schemas.DeadLetter
}

// DeadLetters returns the dead letters in StreamDLQ, oldest first; entries
// it cannot decode are counted in skipped.
func (b *Bus) DeadLetters(ctx context.Context) (out []StoredDeadLetter, skipped int, err error) {
	stream, err := b.js.Stream(ctx, StreamDLQ)
	if err != nil {
		return nil, 0, fmt.Errorf("pipeline: stream %s: %w", StreamDLQ, err)
	}
	info, err := stream.Info(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("pipeline: stream %s: %w", StreamDLQ, err)
	}
	if info.State.Msgs == 0 {
		return nil, 0, nil
	}
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq; seq++ {
		raw, err := stream.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue // purged
		}
		if err != nil {
			return nil, 0, fmt.Errorf("pipeline: dead letter %d: %w", seq, err)
		}
		var dl schemas.DeadLetter
		if json.Unmarshal(raw.Data, &dl) != nil {
			skipped++
			continue
		}
		out = append(out, StoredDeadLetter{Seq: seq, Generation: metaOf(raw.Header).Generation, DeadLetter: dl})
	}
	return out, skipped, nil
}

// PurgeDeadLetters removes the given dead letters from StreamDLQ (as
// DeadLetters read them) and returns how many it removed; one already
// gone is not an error. The ledger keeps the documents' outcome: purging
// forgets the report, not the fact.
func (b *Bus) PurgeDeadLetters(ctx context.Context, dls []StoredDeadLetter) (int, error) {
	stream, err := b.js.Stream(ctx, StreamDLQ)
	if err != nil {
		return 0, fmt.Errorf("pipeline: stream %s: %w", StreamDLQ, err)
	}
	n := 0
	for _, dl := range dls {
		if err := stream.DeleteMsg(ctx, dl.Seq); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) {
			// The server refuses to delete a deleted message with a
			// generic error (10057, "no message found"): look.
			if _, gerr := stream.GetMsg(ctx, dl.Seq); !errors.Is(gerr, jetstream.ErrMsgNotFound) {
				return n, fmt.Errorf("pipeline: purge dead letter %d: %w", dl.Seq, err)
			}
		}
		n++
	}
	return n, nil
}
