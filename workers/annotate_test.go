package workers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"sync"
	"testing"

	"github.com/casefile/casefile/annotate"
	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/workers"
)

// extracted is the extract stage's message for a real filing.
var extracted = sync.OnceValues(func() (pipeline.Extracted, error) {
	data, in, err := readSample("ca8-us-v-wilson-opinion.pdf")
	if err != nil {
		return pipeline.Extracted{}, err
	}
	x := &doctext.Extractor{OCR: doctext.OCR{Mode: doctext.OCROff}}
	ex, err := x.Extract(context.Background(), in.Source, bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return pipeline.Extracted{}, err
	}
	return pipeline.Extracted{Ingested: in, Extraction: *ex}, nil
})

// filingRecord is the real annotator's record of that filing. Callers
// must not modify it.
var filingRecord = sync.OnceValues(func() (*schemas.Record, error) {
	in, err := extracted()
	if err != nil {
		return nil, err
	}
	return annotate.NewAnnotator(loadModels()).Record(context.Background(), in.Ingested, in.Extraction)
})

// recorderFunc adapts a function to workers.Recorder.
type recorderFunc func(ctx context.Context, in schemas.Ingested, ex schemas.Extraction) (*schemas.Record, error)

func (f recorderFunc) Record(ctx context.Context, in schemas.Ingested, ex schemas.Extraction) (*schemas.Record, error) {
	return f(ctx, in, ex)
}

// TestAnnotateDecisions runs the annotate handler with the real annotator
// on a real filing's pages, the bus in memory, and checks each decision:
// what it returns, that it publishes the record only when it is valid, and
// that it marks the document recorded only once the record is published
// (the ledger is otherwise left as it was).
func TestAnnotateDecisions(t *testing.T) {
	in, err := extracted()
	if err != nil {
		t.Fatal(err)
	}
	annotator := annotate.NewAnnotator(loadModels())
	tests := []struct {
		name          string
		body          []byte           // the message; if nil, in
		recorder      workers.Recorder // if nil, the real annotator
		setup         func(*memBus)
		gen           int  // the message's replay generation
		stopped       bool // the handler's context is cancelled
		wantReason    schemas.Reason
		wantRetry     bool
		wantPublished bool // the record is published
		wantRecorded  bool // and the document marked recorded
	}{
		{name: "filing", wantPublished: true, wantRecorded: true},
		{name: "bad message", body: []byte(`{"id": "x", "pages": 3}`),
			wantReason: schemas.StageReason(schemas.StageAnnotate, schemas.CauseBadMessage)},
		{name: "already done", setup: func(b *memBus) {
			b.ledger[in.ID] = pipeline.Entry{State: pipeline.StateDead, Stage: pipeline.StageSink}
		}},
		// A replay: the ledger holds the earlier generation's outcome.
		{name: "replay of a dead letter", gen: 2, setup: func(b *memBus) {
			b.ledger[in.ID] = pipeline.Entry{State: pipeline.StateDead, Stage: pipeline.StageSink, Generation: 1}
		}, wantPublished: true, wantRecorded: true},
		{name: "replay already done", gen: 2, setup: func(b *memBus) {
			b.ledger[in.ID] = pipeline.Entry{State: pipeline.StateDead, Stage: pipeline.StageSink, Generation: 2}
		}},
		// The real annotator fails only on a bug; a recorder that fails
		// stands in for one.
		{name: "annotation fails", recorder: recorderFunc(func(context.Context, schemas.Ingested, schemas.Extraction) (*schemas.Record, error) {
			return nil, errors.New("annotate: gazetteer index out of range")
		}), wantReason: schemas.ReasonAnnotateFailed},
		// The real annotator under a limit the filing passes.
		{name: "too many entities", recorder: func() workers.Recorder {
			a := annotate.NewAnnotator(loadModels())
			a.MaxEntities = 3
			return a
		}(), wantReason: schemas.ReasonAnnotateTooManyEnts},
		// Likewise a record whose span does not reproduce its text: the
		// real record, one span moved.
		{name: "span off its text", recorder: recorderFunc(func(ctx context.Context, in schemas.Ingested, ex schemas.Extraction) (*schemas.Record, error) {
			rec, err := annotator.Record(ctx, in, ex)
			if err != nil || len(rec.Entities) == 0 {
				return nil, errors.New("no entity to break")
			}
			rec.Entities[0].Start++
			return rec, nil
		}), wantReason: schemas.ReasonAnnotateInvalidRecord},
		{name: "stopping", stopped: true, wantRetry: true},
		{name: "ledger unavailable", setup: func(b *memBus) { b.ledgerErr = errors.New("ledger: timeout") }, wantRetry: true},
		{name: "publish fails", setup: func(b *memBus) { b.publishErr = errors.New("stream: no responders") }, wantRetry: true},
		// Published but not marked: the redelivery republishes (dropped by
		// the stream's dedup) and marks.
		{name: "mark fails", setup: func(b *memBus) { b.markErr = errors.New("ledger: timeout") }, wantRetry: true, wantPublished: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bus := newMemBus()
			if tt.setup != nil {
				tt.setup(bus)
			}
			before, hadEntry := bus.ledger[in.ID]
			body := tt.body
			if body == nil {
				body, _ = json.Marshal(in)
			}
			w := &workers.Annotate{Bus: bus, Annotator: tt.recorder}
			if w.Annotator == nil {
				w.Annotator = annotator
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.stopped {
				cancel()
			}
			meta := pipeline.MetaOf(in.Ingested)
			meta.Generation = tt.gen
			err := w.Handle(ctx, pipeline.NewDelivery(meta, 1, body))
			checkOutcome(t, "Annotate.Handle("+tt.name+")", err, tt.wantReason, tt.wantRetry)

			after, hasEntry := bus.ledger[in.ID]
			switch {
			case tt.wantRecorded:
				if !hasEntry || after.State != pipeline.StateRecorded || after.Generation != tt.gen {
					t.Errorf("ledger entry %+v (%v), want recorded, generation %d", after, hasEntry, tt.gen)
				}
			case hasEntry != hadEntry || after != before:
				t.Errorf("ledger entry %+v (%v), want it unchanged: %+v (%v)", after, hasEntry, before, hadEntry)
			}
			if !tt.wantPublished {
				if len(bus.published) != 0 {
					t.Errorf("published %d records, want none", len(bus.published))
				}
				return
			}
			if len(bus.published) != 1 {
				t.Fatalf("published %d records, want 1", len(bus.published))
			}
			p := bus.published[0]
			if p.Subject != pipeline.RecordSubject(in.ID) || p.Meta != meta {
				t.Errorf("published on %s with %+v, want %s with %+v", p.Subject, p.Meta, pipeline.RecordSubject(in.ID), meta)
			}
			if err := schemas.ValidateRecordJSON(p.Body); err != nil {
				t.Errorf("published record does not validate: %v", err)
			}
			var rec schemas.Record
			if err := json.Unmarshal(p.Body, &rec); err != nil {
				t.Fatal(err)
			}
			if rec.ID != in.ID || len(rec.Pages) != len(in.Pages) || len(rec.Entities) == 0 {
				t.Errorf("record %s with %d pages, %d entities; want %s with %d pages and entities",
					rec.ID, len(rec.Pages), len(rec.Entities), in.ID, len(in.Pages))
			}
		})
	}
}
