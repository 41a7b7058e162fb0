package workers

import (
	"context"
	"fmt"

	"github.com/casefile/casefile/annotate"
	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
)

// Annotate is the annotate stage: pages in, validated records out on
// SubjectRecords. The document is marked recorded in the ledger once the
// record is stored in the stream.
type Annotate struct {
	Bus       *pipeline.Bus
	Annotator *annotate.Annotator
}

// Handle implements pipeline.Handler.
func (w *Annotate) Handle(ctx context.Context, d *pipeline.Delivery) error {
	var in pipeline.Extracted
	if err := d.Decode(ctx, &in); err != nil {
		return pipeline.Permanent("annotate.bad_message", err)
	}
	if done, err := alreadyDone(ctx, w.Bus, in.ID); err != nil || done {
		return err
	}
	rec, err := BuildRecord(ctx, w.Annotator, in)
	if err != nil {
		return err
	}
	if err := w.Bus.Publish(ctx, pipeline.RecordSubject(in.ID), in.Meta(), rec); err != nil {
		return err
	}
	return w.Bus.MarkRecorded(ctx, in.ID)
}

// BuildRecord annotates an extracted document and returns its validated
// record. A record that fails validation is a bug, reported as a permanent
// error with reason annotate.invalid_record.
func BuildRecord(ctx context.Context, a *annotate.Annotator, in pipeline.Extracted) (*schemas.Record, error) {
	ents, _, err := a.Annotate(ctx, in.Pages)
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, pipeline.Permanent("annotate.failed", err)
	}
	kase, caseEnts := annotate.CaseInfo(in.Pages)
	ents = append(ents, caseEnts...)
	rec := &schemas.Record{
		Schema:     schemas.RecordSchemaID,
		ID:         in.ID,
		Source:     in.Source,
		IngestedAt: in.IngestedAt,
		Document: schemas.Document{
			Bytes:       in.Bytes,
			Pages:       len(in.Pages),
			Title:       in.Title,
			ContentType: in.ContentType,
		},
		Case:     kase,
		Pages:    in.Pages,
		Entities: ents,
		Warnings: in.Warnings,
	}
	if rec.Pages == nil {
		rec.Pages = []schemas.Page{}
	}
	if rec.Entities == nil {
		rec.Entities = []schemas.Entity{}
	}
	if rec.Warnings == nil {
		rec.Warnings = []string{}
	}
	if err := schemas.Validate(rec); err != nil {
		return nil, pipeline.Permanent("annotate.invalid_record", fmt.Errorf("record %s: %w", in.ID, err))
	}
	return rec, nil
}
