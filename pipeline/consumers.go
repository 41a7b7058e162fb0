package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// ConsumerStatus is a snapshot of one durable consumer: what waits for it
// and what it holds.
type ConsumerStatus struct {
	Stream string `json:"stream"`
	Name   string `json:"consumer"`
	// Description is the stage's description of itself (a sink names its
	// store).
	Description string `json:"description,omitempty"`
	// Pending is how many messages wait to be delivered.
	Pending uint64 `json:"pending"`
	// AckPending is how many are delivered and not yet answered: in flight.
	AckPending int `json:"in_flight"`
	// Redelivered is how many of those in flight were delivered more than once.
	Redelivered int `json:"redelivered"`
	// AckFloor is the stream sequence up to which every message is settled.
	AckFloor uint64 `json:"done"`
}

// Consumers lists the consumers of casefile's streams (StreamDocs,
// StreamRecords, StreamDLQ, in that order; by name within a stream).
func (b *Bus) Consumers(ctx context.Context) ([]ConsumerStatus, error) {
	var out []ConsumerStatus
	for _, name := range []string{StreamDocs, StreamRecords, StreamDLQ} {
		s, err := b.js.Stream(ctx, name)
		if err != nil {
			return nil, fmt.Errorf("pipeline: stream %s: %w", name, err)
		}
		lister := s.ListConsumers(ctx)
		var of []ConsumerStatus
		for ci := range lister.Info() {
			of = append(of, ConsumerStatus{
				Stream: name, Name: ci.Name, Description: ci.Config.Description,
				Pending: ci.NumPending, AckPending: ci.NumAckPending,
				Redelivered: ci.NumRedelivered, AckFloor: ci.AckFloor.Stream,
			})
		}
		if err := lister.Err(); err != nil {
			return nil, fmt.Errorf("pipeline: consumers of %s: %w", name, err)
		}
		slices.SortFunc(of, func(a, b ConsumerStatus) int { return strings.Compare(a.Name, b.Name) })
		out = append(out, of...)
	}
	return out, nil
}

// ResetConsumer deletes a durable consumer, so that the next [Stage.Run]
// over it starts again at the first message of the stream (a new sink
// replays every record). A consumer that does not exist is not an error.
func (b *Bus) ResetConsumer(ctx context.Context, stream, durable string) error {
	err := b.js.DeleteConsumer(ctx, stream, durable)
	if err != nil && !errors.Is(err, jetstream.ErrConsumerNotFound) {
		return fmt.Errorf("pipeline: reset consumer %s: %w", durable, err)
	}
	return nil
}

// Polling bounds of Drained: it polls quickly while the consumer makes
// progress and backs off while it does not.
const (
	drainPollMin = 50 * time.Millisecond
	drainPollMax = 250 * time.Millisecond
)

// Drained blocks until the durable consumer has nothing pending and nothing
// unacknowledged, and has been handed every message its filter matched when
// Drained was called. A consumer not created yet is waited for. It returns
// ctx's error if ctx ends first, or the error of a failed consumer look-up.
//
// The last check is not redundant: the server tells its consumers of a new
// message on a goroutine of its own, after the publish is acknowledged, so
// for a moment a consumer reports nothing pending while a message waits
// (seen as a run that ended one record short of its store under load).
func (b *Bus) Drained(ctx context.Context, stream, durable string) error {
	wait := drainPollMin
	var last ConsumerStatus
	target, known := uint64(0), false // the last matching stream sequence
	for {
		cons, err := b.js.Consumer(ctx, stream, durable)
		switch {
		case err == nil:
			info, ierr := cons.Info(ctx)
			if ierr != nil {
				break // transient: poll again
			}
			if !known {
				if target, ierr = b.lastSequence(ctx, stream, info.Config); ierr != nil {
					break // transient: poll again
				}
				known = true
			}
			if info.NumPending == 0 && info.NumAckPending == 0 && info.Delivered.Stream >= target {
				return nil
			}
			now := ConsumerStatus{Pending: info.NumPending, AckPending: info.NumAckPending, AckFloor: info.AckFloor.Stream}
			if now != last {
				wait = drainPollMin // moving: look again soon
			}
			last = now
		case !errors.Is(err, jetstream.ErrConsumerNotFound):
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("pipeline: consumer %s: %w", durable, err)
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		wait = min(2*wait, drainPollMax)
	}
}

// lastSequence returns the stream sequence of the last message the
// consumer's filter matches, 0 if there is none.
func (b *Bus) lastSequence(ctx context.Context, stream string, cfg jetstream.ConsumerConfig) (uint64, error) {
	filters := cfg.FilterSubjects
	if cfg.FilterSubject != "" {
		filters = append(filters, cfg.FilterSubject)
	}
	if len(filters) == 0 {
		filters = []string{">"}
	}
	s, err := b.js.Stream(ctx, stream)
	if err != nil {
		return 0, fmt.Errorf("pipeline: stream %s: %w", stream, err)
	}
	var last uint64
	for _, f := range filters {
		m, err := s.GetLastMsgForSubject(ctx, f)
		switch {
		case errors.Is(err, jetstream.ErrMsgNotFound):
			continue
		case err != nil:
			return 0, fmt.Errorf("pipeline: last message on %s: %w", f, err)
		}
		last = max(last, m.Sequence)
	}
	return last, nil
}
