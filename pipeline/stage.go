package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"golang.org/x/sync/errgroup"

	"github.com/casefile/casefile/schemas"
)

// Handler processes one delivery. Its returned error is the delivery
// contract described in the package doc.
type Handler interface {
	Handle(ctx context.Context, d *Delivery) error
}

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(ctx context.Context, d *Delivery) error

// Handle calls f(ctx, d).
func (f HandlerFunc) Handle(ctx context.Context, d *Delivery) error { return f(ctx, d) }

// Stage defaults.
const (
	DefaultMaxDeliver = 5
	DefaultAckWait    = 15 * time.Second
	DefaultTimeout    = 2 * time.Minute
	DefaultStopGrace  = 10 * time.Second
)

// Stage runs a Handler over one durable pull consumer. All workers of the
// stage, in every process, share the consumer.
type Stage struct {
	// Name is the stage name (StageExtract, …), used in dead letters.
	Name string
	// Durable is the consumer name. If empty, Name.
	Durable string
	// Description says what this consumer feeds (a sink's store, secrets
	// redacted); it is stored with the consumer for casefile status.
	Description string
	// Stream and FilterSubject select the messages.
	Stream, FilterSubject string
	// Handler does the work. A new consumer starts at the first message in
	// the stream, so a new sink replays every record.
	Handler Handler
	// Workers is the number of concurrent handlers. If zero, 1.
	Workers int
	// MaxDeliver bounds attempts per message. If zero, DefaultMaxDeliver.
	MaxDeliver int
	// AckWait is how long the server waits for a silent worker before
	// redelivering. If zero, DefaultAckWait.
	AckWait time.Duration
	// Timeout bounds one handler call. If zero, DefaultTimeout.
	Timeout time.Duration
	// Backoff gives the redelivery delay after a failed attempt n (1-based).
	// If nil, 1s doubling up to 1 minute.
	Backoff func(attempt int) time.Duration
	// StopGrace is how long handlers in flight may go on after Run's
	// context ends. If zero, DefaultStopGrace.
	StopGrace time.Duration
	Logger    *slog.Logger
	// Breaker, if not nil, pauses the stage's fetching when most of its
	// recent documents are dead-lettered for one infrastructure reason.
	Breaker *Breaker

	// deadLetters writes the stage's dead letters. If nil, the bus.
	deadLetters deadLetterer
}

// deadLetterer is what a stage needs to dead-letter a document: *Bus.
type deadLetterer interface {
	DeadLetter(ctx context.Context, dl schemas.DeadLetter, gen int) error
}

func (s *Stage) deadLetterer(bus *Bus) deadLetterer {
	if s.deadLetters != nil {
		return s.deadLetters
	}
	return bus
}

// description is the consumer's description: the stage, and what it
// feeds when the stage says (a sink's store), which casefile status shows.
func (s *Stage) description() string {
	if s.Description != "" {
		return "casefile " + s.Name + " stage: " + s.Description
	}
	return "casefile " + s.Name + " stage"
}

func (s *Stage) defaults() {
	if s.Durable == "" {
		s.Durable = s.Name
	}
	if s.Workers <= 0 {
		s.Workers = 1
	}
	if s.MaxDeliver <= 0 {
		s.MaxDeliver = DefaultMaxDeliver
	}
	if s.AckWait <= 0 {
		s.AckWait = DefaultAckWait
	}
	if s.Timeout <= 0 {
		s.Timeout = DefaultTimeout
	}
	if s.StopGrace <= 0 {
		s.StopGrace = DefaultStopGrace
	}
	if s.Backoff == nil {
		s.Backoff = func(n int) time.Duration {
			return min(time.Second<<min(n-1, 6), time.Minute)
		}
	}
	if s.Logger == nil {
		s.Logger = slog.New(slog.DiscardHandler)
	}
}

// Consumer creates or updates the stage's durable consumer. As [Open]
// does, it sends a request that goes unanswered (a leader election after a
// server died) again, for up to 90 s.
func (s *Stage) Consumer(ctx context.Context, bus *Bus) (cons jetstream.Consumer, err error) {
	s.defaults()
	cfg := jetstream.ConsumerConfig{
		Durable:       s.Durable,
		Description:   s.description(),
		FilterSubject: s.FilterSubject,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       s.AckWait,
		MaxDeliver:    s.MaxDeliver,
		// Workers fetch one message at a time, so this only bounds what
		// dead workers can hold.
		MaxAckPending: max(1000, 4*s.Workers),
		DeliverPolicy: jetstream.DeliverAllPolicy,
	}
	err = patiently(ctx, openAttempt, openPatience, func(ctx context.Context) (err error) {
		cons, err = bus.js.CreateOrUpdateConsumer(ctx, s.Stream, cfg)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("pipeline: consumer %s: %w", s.Durable, err)
	}
	return cons, nil
}

// Run consumes until ctx ends, then returns nil after the handlers in
// flight have finished (or, past StopGrace, been cancelled) and settled
// their messages. It returns an error only when the consumer, or the
// subscription to its max-deliveries advisories, cannot be set up.
func (s *Stage) Run(ctx context.Context, bus *Bus) error {
	cons, err := s.Consumer(ctx, bus)
	if err != nil {
		if ctx.Err() != nil {
			return nil // stopped before it started
		}
		return err
	}
	var stream jetstream.Stream
	err = patiently(ctx, lookupAttempt, openPatience, func(ctx context.Context) (err error) {
		stream, err = bus.js.Stream(ctx, s.Stream)
		return err
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return fmt.Errorf("pipeline: stream %s: %w", s.Stream, err)
	}
	// Listen for max-deliveries advisories before fetching anything, so
	// that none of this process's deliveries goes unannounced.
	exhausted, stopWatch, err := s.subscribeMaxDeliveries(ctx, bus)
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	defer stopWatch()
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { s.watchMaxDeliveries(gctx, bus, stream, exhausted); return nil })
	// Handlers in flight when ctx ends may finish, for up to StopGrace:
	// a message handed back unfinished costs a full AckWait after a
	// restart, since the server keeps it pending until then.
	work, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()
	stopTimer := context.AfterFunc(gctx, func() {
		t := time.AfterFunc(s.StopGrace, cancelWork)
		context.AfterFunc(work, func() { t.Stop() })
	})
	defer stopTimer()
	for range s.Workers {
		g.Go(func() error {
			for gctx.Err() == nil {
				if s.Breaker != nil {
					s.Breaker.wait(gctx)
				}
				// The pull waits up to a second for a message, and ends at
				// once when the stage stops: a pull left to expire held
				// every stop (the end of each casefile run) for its second.
				fctx, cancel := context.WithTimeout(gctx, fetchWait)
				msg, err := cons.Next(jetstream.FetchContext(fctx))
				cancel()
				if err != nil {
					if gctx.Err() != nil || errors.Is(err, nats.ErrConnectionClosed) {
						return nil
					}
					if errors.Is(err, nats.ErrTimeout) || errors.Is(err, jetstream.ErrNoMessages) || errors.Is(err, context.DeadlineExceeded) {
						continue
					}
					s.Logger.Warn("fetch failed", "stage", s.Name, "err", err)
					select {
					case <-gctx.Done():
					case <-time.After(time.Second):
					}
					continue
				}
				s.process(work, bus, msg)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil && ctx.Err() == nil {
		return err
	}
	return nil
}

// fetchWait bounds one pull of a stage worker that finds nothing to do.
const fetchWait = time.Second

// process runs the handler on one message and settles it: every path ends
// in ack, nak or term.
func (s *Stage) process(ctx context.Context, bus *Bus, msg jetstream.Msg) {
	d := newDelivery(bus, msg)
	log := s.Logger.With("stage", s.Name, "id", d.Meta.ID, "attempt", d.Attempt)

	stopBeat := s.heartbeat(msg)
	err := s.call(ctx, d)
	stopBeat()

	// Settling uses a fresh context: a stop must not strand the message.
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var perm *PermanentError
	switch {
	case err == nil:
		// Not waited for: a handler that succeeded has left its result
		// in the ledger or a store, so a lost ack costs a redelivery
		// that finds the work done, while waiting costs every message a
		// round trip to the server.
		if aerr := msg.Ack(); aerr != nil {
			log.Warn("ack failed; the message will be redelivered", "err", aerr)
			return
		}
		log.Debug("done")
		s.observe("")
		return
	case ctx.Err() != nil:
		// Stopping: hand the message back at once.
		if err := msg.Nak(); err != nil {
			log.Warn("nak on stop failed; the message waits out AckWait", "err", err)
		} else {
			log.Debug("handed back on stop")
		}
		return
	case errors.As(err, &perm):
	case d.Attempt >= s.MaxDeliver:
		perm = &PermanentError{Reason: schemas.StageReason(s.Name, schemas.CauseRetriesExhausted), Err: err}
	default:
		after := s.Backoff(d.Attempt)
		var re *RetryError
		if errors.As(err, &re) && re.After > 0 {
			after = re.After
		}
		log.Info("retrying", "after", after, "err", err)
		if nerr := msg.NakWithDelay(after); nerr != nil {
			log.Warn("nak failed; the message is redelivered after AckWait", "err", nerr)
		}
		return
	}
	dl := schemas.DeadLetter{
		ID: d.Meta.ID, Source: d.Meta.Source, Stage: s.Name,
		Reason: perm.Reason, Message: perm.Err.Error(), Attempts: d.Attempt,
	}
	if derr := s.deadLetterer(bus).DeadLetter(sctx, dl, d.Meta.Generation); derr != nil {
		log.Warn("dead letter failed; retrying the message", "err", derr)
		if nerr := msg.NakWithDelay(s.Backoff(d.Attempt)); nerr != nil {
			log.Warn("nak failed; the message is redelivered after AckWait", "err", nerr)
		}
		return
	}
	log.Info("dead-lettered", "reason", perm.Reason, "err", perm.Err)
	if terr := msg.TermWithReason(string(perm.Reason)); terr != nil {
		// The dead letter is written; the message comes back after
		// AckWait and is settled again.
		log.Warn("term of a dead-lettered message failed; it is redelivered after AckWait", "reason", perm.Reason, "err", terr)
	}
	s.observe(perm.Reason)
}

// observe tells the stage's breaker an outcome, and says so when it trips.
func (s *Stage) observe(r schemas.Reason) {
	if s.Breaker == nil {
		return
	}
	if err := s.Breaker.Observe(r); err != nil {
		pause := s.Breaker.Pause
		if pause <= 0 {
			pause = DefaultBreakerPause
		}
		s.Logger.Error("circuit open: taking no work until the machine is mended", "stage", s.Name, "pause", pause, "err", err)
	}
}

// call runs the handler with the stage's timeout, turning a panic or an
// overrun into a permanent error.
func (s *Stage) call(ctx context.Context, d *Delivery) (err error) {
	hctx, cancel := context.WithTimeout(ctx, s.Timeout)
	defer cancel()
	defer func() {
		if v := recover(); v != nil {
			s.Logger.Error("handler panic", "stage", s.Name, "id", d.Meta.ID, "panic", v, "stack", string(debug.Stack()))
			err = Permanent(schemas.StageReason(s.Name, schemas.CausePanic), fmt.Errorf("panic: %v", v))
		}
	}()
	err = s.Handler.Handle(hctx, d)
	if err != nil && ctx.Err() == nil && errors.Is(hctx.Err(), context.DeadlineExceeded) {
		var perm *PermanentError
		if !errors.As(err, &perm) {
			err = Permanent(schemas.StageReason(s.Name, schemas.CauseTimeout), fmt.Errorf("no result after %s: %w", s.Timeout, err))
		}
	}
	return err
}

// heartbeat tells the server the message is being worked on, so AckWait
// measures a worker's silence rather than the length of the job.
func (s *Stage) heartbeat(msg jetstream.Msg) (stop func()) {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(s.AckWait / 3)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				_ = msg.InProgress()
			}
		}
	}()
	return func() { close(done) }
}

// maxDeliveriesAdvisory is the part of the server's advisory we read.
type maxDeliveriesAdvisory struct {
	Stream     string `json:"stream"`
	Consumer   string `json:"consumer"`
	StreamSeq  uint64 `json:"stream_seq"`
	Deliveries int    `json:"deliveries"`
}

// subscribeMaxDeliveries subscribes to the server's max-deliveries
// advisories of the stage's consumer and waits until the server knows of
// the subscription.
func (s *Stage) subscribeMaxDeliveries(ctx context.Context, bus *Bus) (<-chan *nats.Msg, func(), error) {
	nc := bus.js.Conn()
	subject := fmt.Sprintf("$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.%s.%s", s.Stream, s.Durable)
	ch := make(chan *nats.Msg, 64)
	sub, err := nc.ChanSubscribe(subject, ch)
	if err != nil {
		return nil, nil, fmt.Errorf("pipeline: subscribe %s: %w", subject, err)
	}
	fctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := nc.FlushWithContext(fctx); err != nil {
		_ = sub.Unsubscribe()
		return nil, nil, fmt.Errorf("pipeline: subscribe %s: %w", subject, err)
	}
	return ch, func() { _ = sub.Unsubscribe() }, nil
}

// watchMaxDeliveries dead-letters messages whose every delivery ended with
// no answer — the worker died or hung each time — which the server leaves
// in the stream, never to deliver again, and announces once to every
// process of the stage. Each message is dead-lettered in its own goroutine
// (see settleExhausted); watchMaxDeliveries returns when ctx ends and they
// have returned.
func (s *Stage) watchMaxDeliveries(ctx context.Context, bus *Bus, stream jetstream.Stream, advisories <-chan *nats.Msg) {
	var wg sync.WaitGroup
	defer wg.Wait()
	for {
		select {
		case <-ctx.Done():
			return
		case m := <-advisories:
			var adv maxDeliveriesAdvisory
			if err := json.Unmarshal(m.Data, &adv); err != nil {
				continue
			}
			wg.Go(func() { s.settleExhausted(ctx, bus, stream, adv) })
		}
	}
}

// settleExhausted writes the dead letter of the message an advisory names,
// and only once it is stored deletes the message from the stream. While the
// write fails the message stays in the stream and the write is retried with
// the stage's Backoff until ctx ends. Every process of the stage does this
// for the same message; the duplicates are harmless: the dead letter is
// published with its document's Nats-Msg-Id (and the message's replay
// generation), so the DLQ stream keeps one within its dedup window, and the ledger entry is overwritten with the
// same state, stage and reason. A message found gone has been settled by
// another process.
func (s *Stage) settleExhausted(ctx context.Context, bus *Bus, stream jetstream.Stream, adv maxDeliveriesAdvisory) {
	log := s.Logger.With("stage", s.Name, "seq", adv.StreamSeq)
	written := false
	for attempt := 1; ; attempt++ {
		raw, err := stream.GetMsg(ctx, adv.StreamSeq)
		switch {
		case errors.Is(err, jetstream.ErrMsgNotFound):
			if written {
				log.Info("dead-lettered after max deliveries")
			}
			return
		case err != nil:
			log.Warn("max deliveries: message look-up failed; retrying", "err", err)
		default:
			if !written {
				m := metaOf(raw.Header)
				dl := schemas.DeadLetter{
					ID: m.ID, Source: m.Source, Stage: s.Name,
					Reason:   schemas.StageReason(s.Name, schemas.CauseMaxDeliveries),
					Message:  fmt.Sprintf("%d deliveries ended without an answer from any worker (crashed or hung)", adv.Deliveries),
					Attempts: adv.Deliveries,
				}
				if err := s.deadLetterer(bus).DeadLetter(ctx, dl, m.Generation); err != nil {
					log.Warn("dead letter after max deliveries failed; the message stays in the stream, retrying", "id", dl.ID, "err", err)
				} else {
					written = true
					s.observe(dl.Reason)
				}
			}
			if written {
				if err := stream.DeleteMsg(ctx, adv.StreamSeq); err != nil {
					log.Warn("dead-lettered message not deleted; retrying", "err", err)
				} else {
					log.Info("dead-lettered after max deliveries")
					return
				}
			}
		}
		t := time.NewTimer(s.Backoff(attempt))
		select {
		case <-ctx.Done():
			t.Stop()
			if !written {
				log.Error("stopped before the message was dead-lettered; it stays in the stream", "err", ctx.Err())
			}
			return
		case <-t.C:
		}
	}
}
