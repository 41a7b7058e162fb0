package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/casefile/casefile/schemas"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Terminal document states in the ledger.
const (
	StateRecorded = "recorded" // a record is in CASEFILE_RECORDS
	StateDead     = "dead"     // a dead letter is in CASEFILE_DLQ
)

// Entry is a document's ledger entry.
type Entry struct {
	State  string         `json:"state"`
	Stage  string         `json:"stage,omitempty"`
	Reason schemas.Reason `json:"reason,omitempty"`
	At     time.Time      `json:"at"`
	// Generation is the replay generation (HeaderGeneration) whose
	// outcome this is: a message of a later generation is processed
	// even though the document has an entry.
	Generation int `json:"generation,omitempty"`
}

// Covers reports whether the entry is the outcome of generation gen or of
// a later one: a message of generation gen about its document is a
// duplicate, to be skipped.
func (e Entry) Covers(gen int) bool { return e.Generation >= gen }

// State returns a document's ledger entry, or false if it has none yet.
func (b *Bus) State(ctx context.Context, id string) (Entry, bool, error) {
	// Sent again as a publish is: a request lost while a server restarts
	// is otherwise waited for until the stage's time limit, the delivery
	// kept in progress all the while.
	var kve jetstream.KeyValueEntry
	err := patiently(ctx, requestAttempt, requestPatience, func(ctx context.Context) (err error) {
		kve, err = b.ledger.Get(ctx, id)
		return err
	})
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return Entry{}, false, nil
	}
	if err != nil {
		return Entry{}, false, fmt.Errorf("pipeline: ledger get %s: %w", id, err)
	}
	var e Entry
	if err := json.Unmarshal(kve.Value(), &e); err != nil {
		return Entry{}, false, fmt.Errorf("pipeline: ledger entry %s: %w", id, err)
	}
	return e, true, nil
}

// supersedes reports whether e may replace cur as a document's outcome.
// A later generation's outcome stands against an earlier generation's
// written late (a slow worker's, finishing after a replay), and within one
// generation a record stands against a dead letter (a duplicate delivery
// that failed after another succeeded): the record is out, and the ledger
// must say so.
func (e Entry) supersedes(cur Entry) bool {
	switch {
	case e.Generation != cur.Generation:
		return e.Generation > cur.Generation
	case cur.State == StateRecorded && e.State == StateDead:
		return false
	}
	return true
}

// maxMarkRaces bounds the compare-and-set rounds of one ledger write; each
// lost round is another writer's outcome for the same document, a rare
// event, so many in a row mean something else is wrong.
const maxMarkRaces = 32

// errMarkRaces is a ledger write that lost maxMarkRaces rounds in a row.
var errMarkRaces = errors.New("ledger entry changed under every write")

// mark writes e as id's outcome unless the entry there supersedes it. The
// write is a compare-and-set on the entry's revision, so that an outcome
// read as older is never overwritten after another writer replaced it. A
// first outcome, the common case, costs one round trip as a plain put did.
func (b *Bus) mark(ctx context.Context, id string, e Entry) error {
	e.At = time.Now().UTC()
	v, _ := json.Marshal(e)
	// As for a publish: a lost acknowledgement is retried; the same state
	// written twice is the same state.
	if err := patiently(ctx, requestAttempt, requestPatience, func(ctx context.Context) error {
		for range maxMarkRaces {
			_, err := b.ledger.Create(ctx, id, v)
			if !errors.Is(err, jetstream.ErrKeyExists) {
				return err
			}
			kve, err := b.ledger.Get(ctx, id)
			switch {
			case errors.Is(err, jetstream.ErrKeyNotFound):
				continue // forgotten since: create it
			case err != nil:
				return err
			}
			var cur Entry
			if json.Unmarshal(kve.Value(), &cur) == nil && !e.supersedes(cur) {
				return nil
			}
			_, err = b.ledger.Update(ctx, id, v, kve.Revision())
			if !errors.Is(err, jetstream.ErrKeyRevisionMismatch) && !errors.Is(err, jetstream.ErrKeyExists) {
				return err
			}
		}
		return errMarkRaces
	}); err != nil {
		return fmt.Errorf("pipeline: ledger put %s: %w", id, err)
	}
	return nil
}

// Forget deletes a document's ledger entry: a replay's, once a document
// it ingested again from its source has another id.
func (b *Bus) Forget(ctx context.Context, id string) error {
	if err := patiently(ctx, requestAttempt, requestPatience, func(ctx context.Context) error {
		return b.ledger.Delete(ctx, id)
	}); err != nil && !errors.Is(err, jetstream.ErrKeyNotFound) {
		return fmt.Errorf("pipeline: ledger delete %s: %w", id, err)
	}
	return nil
}

// MarkRecorded notes that a document's record of generation gen has been
// published.
func (b *Bus) MarkRecorded(ctx context.Context, id string, gen int) error {
	return b.mark(ctx, id, Entry{State: StateRecorded, Generation: gen})
}

// Wait blocks until every id in ids has a ledger entry that covers the
// generation ids maps it to (0: any entry), calling fn once per id as its
// entry is seen (existing entries first). It returns ctx's error if ctx
// ends first, and fn's if fn returns one.
func (b *Bus) Wait(ctx context.Context, ids map[string]int, fn func(id string, e Entry) error) error {
	w, err := b.ledger.WatchAll(ctx, jetstream.IgnoreDeletes())
	if err != nil {
		return fmt.Errorf("pipeline: ledger watch: %w", err)
	}
	defer w.Stop()
	left := len(ids)
	seen := make(map[string]bool, len(ids))
	for left > 0 {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case kve, ok := <-w.Updates():
			if !ok {
				return fmt.Errorf("pipeline: ledger watch closed")
			}
			if kve == nil || seen[kve.Key()] {
				continue
			}
			gen, ok := ids[kve.Key()]
			if !ok {
				continue
			}
			var e Entry
			if err := json.Unmarshal(kve.Value(), &e); err != nil {
				return fmt.Errorf("pipeline: ledger entry %s: %w", kve.Key(), err)
			}
			if !e.Covers(gen) {
				continue // an earlier generation's outcome: a replay's is to come
			}
			seen[kve.Key()] = true
			left--
			if fn != nil {
				if err := fn(kve.Key(), e); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// Counts tallies the ledger against the documents taken in:
// Ingested = Recorded + Dead + InProgress, where InProgress are stored
// documents with no outcome yet (or stranded: after every stage has
// drained, any left there need a look).
type Counts struct {
	// Ingested counts the documents taken in: those whose bytes are
	// stored, and those ingest refused (which have a ledger entry only).
	Ingested int                    `json:"ingested"`
	Recorded int                    `json:"recorded"`
	Dead     int                    `json:"dead"`
	Reasons  map[schemas.Reason]int `json:"dead_by_reason,omitempty"`
	// InProgress counts stored documents with no outcome yet; Waiting
	// names up to maxWaiting of them.
	InProgress int      `json:"in_progress"`
	Waiting    []string `json:"waiting,omitempty"`
}

// maxWaiting bounds the ids Counts names.
const maxWaiting = 20

// Counts reads every ledger entry and every stored document's name once.
func (b *Bus) Counts(ctx context.Context) (Counts, error) {
	c, done, err := b.ledgerCounts(ctx)
	if err != nil {
		return c, err
	}
	objs, err := b.docs.List(ctx)
	if err != nil && !errors.Is(err, jetstream.ErrNoObjectsFound) {
		return c, fmt.Errorf("pipeline: list %s: %w", BucketDocs, err)
	}
	for _, o := range objs {
		if !done[o.Name] {
			c.InProgress++
			if len(c.Waiting) < maxWaiting {
				c.Waiting = append(c.Waiting, o.Name)
			}
		}
	}
	c.Ingested = c.Recorded + c.Dead + c.InProgress
	return c, nil
}

// ledgerCounts reads every ledger entry once, returning the ids with an
// outcome.
func (b *Bus) ledgerCounts(ctx context.Context) (Counts, map[string]bool, error) {
	c := Counts{Reasons: map[schemas.Reason]int{}}
	done := map[string]bool{}
	w, err := b.ledger.WatchAll(ctx, jetstream.IgnoreDeletes())
	if err != nil {
		return c, nil, fmt.Errorf("pipeline: ledger watch: %w", err)
	}
	defer w.Stop()
	for kve := range w.Updates() {
		if kve == nil {
			return c, done, nil // end of the current values
		}
		var e Entry
		if json.Unmarshal(kve.Value(), &e) != nil {
			continue
		}
		switch e.State {
		case StateRecorded:
			c.Recorded++
		case StateDead:
			c.Dead++
			c.Reasons[e.Reason]++
		}
		done[kve.Key()] = true
	}
	return c, done, ctx.Err()
}
