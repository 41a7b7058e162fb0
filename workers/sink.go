package workers

import (
	"context"
	"log/slog"
	"time"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/sinks"
)

// Group commit. A write waits up to Linger after its first item for more
// to queue, until Fill have: annotate hands records over one at a time, a
// few dozen a second, and a store writing each as it came would commit
// (fsync, and rewrite the index pages it touched) once or twice a record.
// Nothing beyond the stage's deliveries in flight can queue, so Fill is
// best its worker count.
const (
	DefaultLinger = 200 * time.Millisecond
	DefaultFill   = 64
	maxFill       = 1024
)

// BatchConfig is how a sink groups the deliveries it writes.
type BatchConfig struct {
	Fill   int           // items that end the wait at once; DefaultFill if zero
	Linger time.Duration // longest wait after the first item; 0: no wait, negative: DefaultLinger
	// WriteTimeout bounds one attempt at a write; one that takes longer is
	// retried like an outage. A store on a connection that died without a
	// reset (a host gone, a firewall dropping packets) never answers, and
	// without it the sink would hold its batch forever. If zero,
	// DefaultWriteTimeout.
	WriteTimeout time.Duration
}

// DefaultWriteTimeout is far above any healthy write: a batch of 64
// records commits in well under a second into SQLite or PostgreSQL, and
// the largest records the default limits allow in a few seconds.
const DefaultWriteTimeout = 2 * time.Minute

// Sink is a sink stage: records from SubjectRecords into a store. Concurrent
// deliveries are grouped into one Write (one fsync) by a single writer
// goroutine; each delivery is acknowledged only after the write that holds
// it returned.
type Sink struct {
	batcher[schemas.Record]
}

// NewSink starts the writer goroutine; it stops when ctx ends. log, if not
// nil, hears when the store goes away and comes back.
func NewSink(ctx context.Context, s sinks.Sink, cfg BatchConfig, log *slog.Logger) *Sink {
	return &Sink{newBatcher(ctx, s.Write, cfg, log)}
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
func NewDeadLetterSink(ctx context.Context, s sinks.DeadLetterWriter, cfg BatchConfig, log *slog.Logger) *DeadLetterSink {
	return &DeadLetterSink{newBatcher(ctx, s.WriteDeadLetters, cfg, log)}
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

func newBatcher[T any](ctx context.Context, write func(context.Context, ...T) error, cfg BatchConfig, log *slog.Logger) batcher[T] {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	fill := cfg.Fill
	if fill <= 0 {
		fill = DefaultFill
	}
	fill = min(fill, maxFill)
	linger := cfg.Linger
	if linger < 0 {
		linger = DefaultLinger
	}
	timeout := cfg.WriteTimeout
	if timeout <= 0 {
		timeout = DefaultWriteTimeout
	}
	// The write is not cut short by a stop: what is queued is written, so
	// the acks that follow are true. It is cut short by its time limit.
	try := func(items []T) error {
		wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
		defer cancel()
		return write(wctx, items...)
	}
	b := batcher[T]{queue: make(chan request[T], fill)}
	go func() {
		wait := time.NewTimer(time.Hour)
		wait.Stop()
		for {
			var first request[T]
			select {
			case <-ctx.Done():
				return
			case first = <-b.queue:
			}
			batch := []request[T]{first}
			if linger > 0 {
				wait.Reset(linger)
			fill:
				for len(batch) < fill {
					select {
					case r := <-b.queue:
						batch = append(batch, r)
					case <-wait.C:
						break fill
					case <-ctx.Done():
						break fill // write what has queued: its handlers wait
					}
				}
				wait.Stop()
			}
			// Whatever else has queued goes too, up to fill.
		drain:
			for len(batch) < fill {
				select {
				case r := <-b.queue:
					batch = append(batch, r)
				default:
					break drain
				}
			}
			items := make([]T, len(batch))
			for i, r := range batch {
				items[i] = r.v
			}
			err := try(items)
			for attempt := 1; err != nil && sinks.Transient(err) && ctx.Err() == nil; attempt++ {
				if attempt == 1 {
					log.Warn("store unavailable: holding the batch and retrying", "items", len(items), "err", err)
				}
				select {
				case <-ctx.Done():
				case <-time.After(min(minStoreBackoff<<min(attempt-1, 10), maxStoreBackoff)):
				}
				if err = try(items); err == nil {
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
	// A stopped handler queues nothing: a select with both cases ready
	// picks one at random, and a record queued after its delivery was
	// handed back would be written and then written again on redelivery.
	if err := ctx.Err(); err != nil {
		return err
	}
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
