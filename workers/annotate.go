package workers

import (
	"context"
	"errors"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
)

// Annotate is the annotate stage: pages in, validated records out on
// SubjectRecords. The document is marked recorded in the ledger once the
// record is stored in the stream.
type Annotate struct {
	Bus       AnnotateBus
	Annotator Recorder
}

// Recorder makes a document's record from its text: *annotate.Annotator.
type Recorder interface {
	Record(ctx context.Context, in schemas.Ingested, ex schemas.Extraction) (*schemas.Record, error)
}

// Handle implements pipeline.Handler.
func (w *Annotate) Handle(ctx context.Context, d *pipeline.Delivery) error {
	var in pipeline.Extracted
	if err := d.Decode(ctx, &in); err != nil {
		return pipeline.Permanent(schemas.StageReason(schemas.StageAnnotate, schemas.CauseBadMessage), err)
	}
	// The ledger is read while the document is annotated: a duplicate
	// delivery is rare, and annotating one for nothing costs less than
	// waiting out a round trip to the server on every document.
	type ledgerState struct {
		done bool
		err  error
	}
	state := make(chan ledgerState, 1)
	go func() {
		done, err := alreadyDone(ctx, w.Bus, in.ID, d.Meta.Generation)
		state <- ledgerState{done, err}
	}()
	rec, err := w.Annotator.Record(ctx, in.Ingested, in.Extraction)
	if st := <-state; st.err != nil || st.done {
		return st.err
	}
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			return err
		}
		// An error that names its reason (annotate's limits) is filed
		// under it.
		var r interface{ Reason() schemas.Reason }
		if errors.As(err, &r) {
			return pipeline.Permanent(r.Reason(), err)
		}
		return pipeline.Permanent(schemas.ReasonAnnotateFailed, err)
	}
	// The bytes validated are the bytes published: encoded once.
	body, err := schemas.Encode(rec)
	if err != nil {
		return pipeline.Permanent(schemas.ReasonAnnotateInvalidRecord, err)
	}
	m := pipeline.MetaOf(in.Ingested)
	m.Generation = d.Meta.Generation
	if err := w.Bus.PublishJSON(ctx, pipeline.RecordSubject(in.ID), m, body); err != nil {
		return err
	}
	return w.Bus.MarkRecorded(ctx, in.ID, m.Generation)
}
