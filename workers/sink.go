package workers

import (
	"context"
	"log/slog"
	"time"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/sinks"
)

// maxBatch bounds how many records one sink write carries.
const maxBatch = 256

// Sink is a sink stage: records from SubjectRecords into a store. Concurrent
// deliveries are grouped into one Write (one fsync) by a single writer
// goroutine; each delivery is acknowledged only after the write that holds
// it returned.
type Sink struct {
	batcher[schemas.Record]
}

// NewSink starts the writer goroutine; it stops when ctx ends. log, if not
// nil, hears when the store goes away and comes back.
func NewSink(ctx context.Context, s sinks.Sink, log *slog.Logger) *Sink {
	return &Sink{newBatcher(ctx, s.Write, log)}
}

// Handle implements pipeline.Handler.
func (w *Sink) Handle(ctx context.Context, d *pipeline.Delivery) error {
	var rec schemas.Record
	if err := d.Decode(ctx, &rec); err != nil {
		return pipeline.Permanent(schemas.StageReason(schemas.StageSink, schemas.CauseBadMessage), err)
	}
	return w.submit(ctx, rec)
}

// DeadLetterSink writes dead letters from CASEFILE_DLQ to a store.
type DeadLetterSink struct {
	batcher[schemas.DeadLetter]
}

// NewDeadLetterSink starts the writer goroutine; it stops when ctx ends.
func NewDeadLetterSink(ctx context.Context, s sinks.DeadLetterWriter, log *slog.Logger) *DeadLetterSink {
	return &DeadLetterSink{newBatcher(ctx, s.WriteDeadLetters, log)}
}

// Handle implements pipeline.Handler.
func (w *DeadLetterSink) Handle(ctx context.Context, d *pipeline.Delivery) error {
	var dl schemas.DeadLetter
	if err := d.Decode(ctx, &dl); err != nil {
		return pipeline.Permanent(schemas.StageReason(schemas.StageSink, schemas.CauseBadMessage), err)
	}
	return w.submit(ctx, dl)
}

type request[T any] struct {
	v    T
	done chan error
}

// batcher is group commit: handlers queue items, one goroutine writes what
// has queued up in one call and answers every handler with its result.
type batcher[T any] struct {
	queue chan request[T]
}

// Store outages: a write that fails because the store is away
// (sinks.Transient) is retried with a backoff up to maxStoreBackoff, for as
// long as it takes, while the deliveries it holds stay unacknowledged (the
// stage tells the server they are in progress); the number of them is
// bounded by the stage's workers. Other failures go back to the handlers.
const (
	minStoreBackoff = 250 * time.Millisecond
	maxStoreBackoff = 15 * time.Second
)

func newBatcher[T any](ctx context.Context, write func(context.Context, ...T) error, log *slog.Logger) batcher[T] {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	b := batcher[T]{queue: make(chan request[T], maxBatch)}
	go func() {
		for {
			var first request[T]
			select {
			case <-ctx.Done():
				return
			case first = <-b.queue:
			}
			batch := []request[T]{first}
		fill:
			for len(batch) < maxBatch {
				select {
				case r := <-b.queue:
					batch = append(batch, r)
				default:
					break fill
				}
			}
			items := make([]T, len(batch))
			for i, r := range batch {
				items[i] = r.v
			}
			// The write is not cut short by a stop: what is queued is
			// written, so the acks that follow are true.
			err := write(context.WithoutCancel(ctx), items...)
			for attempt := 1; err != nil && sinks.Transient(err) && ctx.Err() == nil; attempt++ {
				if attempt == 1 {
					log.Warn("store unavailable: holding the batch and retrying", "items", len(items), "err", err)
				}
				select {
				case <-ctx.Done():
				case <-time.After(min(minStoreBackoff<<min(attempt-1, 10), maxStoreBackoff)):
				}
				if err = write(context.WithoutCancel(ctx), items...); err == nil {
					log.Info("store available again", "attempts", attempt+1)
				}
			}
			for _, r := range batch {
				r.done <- err
			}
		}
	}()
	return b
}

func (b batcher[T]) submit(ctx context.Context, v T) error {
	r := request[T]{v: v, done: make(chan error, 1)}
	select {
	case b.queue <- r:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-r.done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}
