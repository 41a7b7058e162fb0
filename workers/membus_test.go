package workers_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/workers"
)

var (
	_ workers.ExtractBus  = (*memBus)(nil)
	_ workers.AnnotateBus = (*memBus)(nil)
	_ workers.IngestBus   = (*memBus)(nil)
)

// memBus is the bus side of the workers in memory, with faults on demand.
// It keeps the contracts of *pipeline.Bus that the workers rely on:
// Document's ErrNotFound and ErrTooLarge, a ledger entry per dead letter.
type memBus struct {
	mu        sync.Mutex
	ledger    map[string]pipeline.Entry
	docs      map[string][]byte
	published []published
	dead      []schemas.DeadLetter

	ledgerErr, docErr, publishErr, markErr error
}

type published struct {
	Subject string
	Meta    pipeline.Meta
	Body    []byte
}

func newMemBus() *memBus {
	return &memBus{ledger: map[string]pipeline.Entry{}, docs: map[string][]byte{}}
}

func (b *memBus) State(_ context.Context, id string) (pipeline.Entry, bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.ledgerErr != nil {
		return pipeline.Entry{}, false, b.ledgerErr
	}
	e, ok := b.ledger[id]
	return e, ok, nil
}

func (b *memBus) MarkRecorded(_ context.Context, id string, gen int) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.markErr != nil {
		return b.markErr
	}
	b.ledger[id] = pipeline.Entry{State: pipeline.StateRecorded, Generation: gen}
	return nil
}

func (b *memBus) Publish(ctx context.Context, subject string, m pipeline.Meta, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.PublishJSON(ctx, subject, m, body)
}

func (b *memBus) PublishJSON(_ context.Context, subject string, m pipeline.Meta, body []byte) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.publishErr != nil {
		return b.publishErr
	}
	b.published = append(b.published, published{subject, m, body})
	return nil
}

func (b *memBus) Document(_ context.Context, id string, limit int64) ([]byte, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.docErr != nil {
		return nil, b.docErr
	}
	data, ok := b.docs[id]
	switch {
	case !ok:
		return nil, fmt.Errorf("%w: %s", pipeline.ErrNotFound, id)
	case limit > 0 && int64(len(data)) > limit:
		return nil, fmt.Errorf("%w: %s is %d bytes, limit %d", pipeline.ErrTooLarge, id, len(data), limit)
	}
	return data, nil
}

func (b *memBus) PutDocument(_ context.Context, id string, r io.Reader) (bool, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return false, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.docErr != nil {
		return false, b.docErr
	}
	if _, ok := b.docs[id]; ok {
		return false, nil
	}
	b.docs[id] = data
	return true, nil
}

func (b *memBus) DeadLetter(_ context.Context, dl schemas.DeadLetter, gen int) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.dead = append(b.dead, dl)
	b.ledger[dl.ID] = pipeline.Entry{State: pipeline.StateDead, Stage: dl.Stage, Reason: dl.Reason, Generation: gen}
	return nil
}
