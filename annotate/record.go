package annotate

import (
	"context"
	"errors"
	"fmt"

	"github.com/casefile/casefile/schemas"
)

// ErrAnnotate wraps every failure of annotation itself (not of ctx), the
// cause of an annotate.failed dead letter.
var ErrAnnotate = errors.New("annotate: failed")

// Record annotates a document's text and assembles its
// casefile.record/v1. The record is not yet validated: [schemas.Encode]
// validates the bytes that leave. Errors wrap ErrAnnotate, or are ctx's.
func (a *Annotator) Record(ctx context.Context, in schemas.Ingested, ex schemas.Extraction) (*schemas.Record, error) {
	ann, err := a.Annotate(ctx, ex.Pages)
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%w: %s: %w", ErrAnnotate, in.ID, err)
	}
	return Assemble(in, ex, ann), nil
}

// Assemble builds the casefile.record/v1 of a document from what was
// ingested, its extraction and its annotation, for a caller that also
// wants the annotation's counts (Record is Annotate then Assemble).
func Assemble(in schemas.Ingested, ex schemas.Extraction, ann Annotation) *schemas.Record {
	rec := &schemas.Record{
		Schema:     schemas.RecordSchemaID,
		ID:         in.ID,
		Source:     in.Source,
		IngestedAt: in.IngestedAt,
		Document: schemas.Document{
			Bytes:       in.Bytes,
			Pages:       len(ex.Pages),
			Title:       ex.Title,
			ContentType: ex.ContentType,
		},
		Case:        ann.Case,
		Pages:       ex.Pages,
		Entities:    ann.Entities,
		DocEntities: ann.DocEntities,
		Warnings:    ex.Warnings,
	}
	// The contract has arrays, never nulls.
	if rec.Pages == nil {
		rec.Pages = []schemas.Page{}
	}
	if rec.Entities == nil {
		rec.Entities = []schemas.Entity{}
	}
	if rec.Warnings == nil {
		rec.Warnings = []string{}
	}
	return rec
}
