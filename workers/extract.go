package workers

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/casefile/casefile/schemas"
	"io"

	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/pipeline"
)

// Extract is the extract stage: document bytes from the object store in,
// pages of text out on SubjectExtracted.
type Extract struct {
	Bus ExtractBus
	// Extractor does the work: an *doctext.Extractor in this process,
	// or an *Isolated child process per document.
	Extractor Extractor
	// MaxBytes bounds a document. If zero, doctext.DefaultMaxBytes.
	MaxBytes int64
	// Files reads the documents ingested by reference. If nil, such a
	// document is dead-lettered as extract.missing_bytes.
	Files *SourceFiles
}

// Extractor is what the extract stage needs of an extraction.
type Extractor interface {
	Extract(ctx context.Context, name string, r io.ReaderAt, size int64) (*doctext.Extraction, error)
}

// Handle implements pipeline.Handler.
func (w *Extract) Handle(ctx context.Context, d *pipeline.Delivery) error {
	var in pipeline.Ingested
	if err := d.Decode(ctx, &in); err != nil {
		return pipeline.Permanent(schemas.StageReason(schemas.StageExtract, schemas.CauseBadMessage), err)
	}
	if done, err := alreadyDone(ctx, w.Bus, in.ID, d.Meta.Generation); err != nil || done {
		return err
	}
	limit := w.MaxBytes
	if limit == 0 {
		limit = doctext.DefaultMaxBytes
	}
	data, err := w.document(ctx, d.Meta, in, limit)
	if err != nil {
		return err
	}
	ex, err := runBounded(ctx, func() (*doctext.Extraction, error) {
		return w.Extractor.Extract(ctx, in.Source, bytes.NewReader(data), int64(len(data)))
	})
	if err != nil {
		var ce *ChildError
		switch {
		case errors.As(err, &ce):
			return pipeline.Permanent(ce.Reason, err)
		case errors.Is(err, ErrChildStart):
			return err // the machine's fault: retried
		case ctx.Err() != nil && !errors.Is(err, context.DeadlineExceeded):
			return err // stopping
		}
		return pipeline.Permanent(doctext.Reason(err), err)
	}
	out := pipeline.Extracted{Ingested: in, Extraction: *ex}
	m := pipeline.MetaOf(in)
	m.Generation = d.Meta.Generation
	return w.Bus.Publish(ctx, pipeline.SubjectExtracted, m, out)
}

// document returns the document's bytes: from the object store, or from
// its source file when it was ingested by reference. A failure no retry
// can mend is a permanent error with its reason.
func (w *Extract) document(ctx context.Context, m pipeline.Meta, in pipeline.Ingested, limit int64) ([]byte, error) {
	if m.InFile {
		path := m.Path
		if path == "" {
			path = in.Source
		}
		// A read from a hung network mount never returns: it is left to
		// its goroutine, and the stage's time limit or stop ends the
		// delivery as it would a runaway parse.
		data, err := runBounded(ctx, func() ([]byte, error) { return w.Files.Read(path, in.ID, limit) })
		switch {
		case err != nil && ctx.Err() != nil:
			return nil, err
		case errors.Is(err, errTooLarge):
			return nil, pipeline.Permanent(schemas.ReasonExtractTooLarge, err)
		case errors.Is(err, ErrSourceChanged):
			return nil, pipeline.Permanent(schemas.ReasonExtractSourceChanged, err)
		case err != nil:
			// Gone, unreadable, or not this worker's to read.
			return nil, pipeline.Permanent(schemas.ReasonExtractMissingBytes, err)
		}
		return data, nil
	}
	data, err := w.Bus.Document(ctx, in.ID, limit)
	switch {
	case errors.Is(err, pipeline.ErrTooLarge):
		return nil, pipeline.Permanent(schemas.ReasonExtractTooLarge, err)
	case errors.Is(err, pipeline.ErrNotFound):
		return nil, pipeline.Permanent(schemas.ReasonExtractMissingBytes, err)
	case err != nil:
		return nil, err
	}
	return data, nil
}

// runBounded runs fn and returns its result, or ctx's error as soon as ctx
// ends. ledongthuc/pdf cannot be interrupted, so a runaway parse is left
// to finish on its own goroutine, its result discarded.
func runBounded[T any](ctx context.Context, fn func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	ch := make(chan result, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				var zero T
				ch <- result{zero, &doctext.PanicError{Value: v}}
			}
		}()
		v, err := fn()
		ch <- result{v, err}
	}()
	select {
	case r := <-ch:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, fmt.Errorf("extract abandoned: %w", ctx.Err())
	}
}

// alreadyDone reports whether the ledger has a terminal entry for id of
// replay generation gen or a later one: a duplicate delivery that must
// produce nothing. An earlier generation's entry is the outcome a replay
// is redoing.
func alreadyDone(ctx context.Context, ledger Ledger, id string, gen int) (bool, error) {
	e, ok, err := ledger.State(ctx, id)
	return ok && e.Covers(gen), err
}
