package workers_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/workers"
)

// TestExtractDecisions runs the extract handler with the real extractor on
// real files, the bus in memory, and checks each decision: what it
// returns, and that it publishes the pages only when it returns nil.
func TestExtractDecisions(t *testing.T) {
	tests := []struct {
		name       string
		file       string                // in testdata/pdfs; stored under its id unless missing
		body       []byte                // the message; if nil, the file's Ingested
		missing    bool                  // the bytes are not in the store
		maxBytes   int64                 // Extract.MaxBytes
		setup      func(*memBus, string) // faults and ledger entries, given the id
		gen        int                   // the message's replay generation
		wantReason schemas.Reason
		wantRetry  bool
		wantPages  int // pages published, when the handler acks
	}{
		{name: "text PDF", file: "ca8-us-v-wilson-opinion.pdf", wantPages: 2},
		{name: "bad message", file: "ca8-us-v-wilson-opinion.pdf", body: []byte(`{"id": 17`),
			wantReason: schemas.StageReason(schemas.StageExtract, schemas.CauseBadMessage)},
		{name: "already done", file: "ca8-us-v-wilson-opinion.pdf", setup: func(b *memBus, id string) {
			b.ledger[id] = pipeline.Entry{State: pipeline.StateRecorded}
		}},
		// A replay: the ledger holds the earlier generation's outcome.
		{name: "replay of a dead letter", file: "ca8-us-v-wilson-opinion.pdf", gen: 1, setup: func(b *memBus, id string) {
			b.ledger[id] = pipeline.Entry{State: pipeline.StateDead, Stage: pipeline.StageExtract, Reason: schemas.ReasonExtractMalformed}
		}, wantPages: 2},
		{name: "replay already done", file: "ca8-us-v-wilson-opinion.pdf", gen: 1, setup: func(b *memBus, id string) {
			b.ledger[id] = pipeline.Entry{State: pipeline.StateRecorded, Generation: 1}
		}},
		{name: "bytes missing", file: "ca8-us-v-wilson-opinion.pdf", missing: true,
			wantReason: schemas.ReasonExtractMissingBytes},
		{name: "too large", file: "ca8-us-v-wilson-opinion.pdf", maxBytes: 1000,
			wantReason: schemas.ReasonExtractTooLarge},
		{name: "HTML saved as PDF", file: "html-saved-as-pdf.pdf", wantReason: schemas.ReasonExtractNotPDF},
		{name: "no objects", file: "no-objects.pdf", wantReason: schemas.ReasonExtractMalformed},
		{name: "zero bytes", file: "empty-zero-byte.pdf", wantReason: schemas.ReasonExtractEmpty},
		{name: "ledger unavailable", file: "ca8-us-v-wilson-opinion.pdf", setup: func(b *memBus, _ string) {
			b.ledgerErr = errors.New("ledger: timeout")
		}, wantRetry: true},
		{name: "object store unavailable", file: "ca8-us-v-wilson-opinion.pdf", setup: func(b *memBus, _ string) {
			b.docErr = errors.New("object store: timeout")
		}, wantRetry: true},
		{name: "publish fails", file: "ca8-us-v-wilson-opinion.pdf", setup: func(b *memBus, _ string) {
			b.publishErr = errors.New("stream: no responders")
		}, wantRetry: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, in := sample(t, tt.file)
			bus := newMemBus()
			if !tt.missing {
				bus.docs[in.ID] = data
			}
			if tt.setup != nil {
				tt.setup(bus, in.ID)
			}
			body := tt.body
			if body == nil {
				body, _ = json.Marshal(in)
			}
			w := &workers.Extract{Bus: bus, MaxBytes: tt.maxBytes,
				Extractor: &doctext.Extractor{OCR: doctext.OCR{Mode: doctext.OCROff}}}
			meta := pipeline.MetaOf(in)
			meta.Generation = tt.gen
			err := w.Handle(context.Background(), pipeline.NewDelivery(meta, 1, body))
			call := fmt.Sprintf("Extract.Handle(%s)", tt.file)
			checkOutcome(t, call, err, tt.wantReason, tt.wantRetry)

			if tt.wantPages == 0 || err != nil {
				if len(bus.published) != 0 {
					t.Errorf("%s published %d messages, want none", call, len(bus.published))
				}
				return
			}
			if len(bus.published) != 1 {
				t.Fatalf("%s published %d messages, want 1", call, len(bus.published))
			}
			p := bus.published[0]
			if p.Subject != pipeline.SubjectExtracted || p.Meta != meta {
				t.Errorf("published on %s with %+v, want %s with %+v", p.Subject, p.Meta, pipeline.SubjectExtracted, meta)
			}
			var out pipeline.Extracted
			if err := json.Unmarshal(p.Body, &out); err != nil {
				t.Fatal(err)
			}
			if out.ID != in.ID || out.Source != in.Source || out.Bytes != in.Bytes || len(out.Pages) != tt.wantPages {
				t.Errorf("published %s of %q (%d bytes) with %d pages, want %s of %q (%d bytes) with %d",
					out.ID, out.Source, out.Bytes, len(out.Pages), in.ID, in.Source, in.Bytes, tt.wantPages)
			}
			for _, pg := range out.Pages {
				if pg.Method != schemas.MethodText || pg.Text == "" {
					t.Errorf("page %d: method %s, %d bytes of text; want text", pg.Number, pg.Method, len(pg.Text))
				}
			}
		})
	}
}
