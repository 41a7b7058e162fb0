package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/pipeline/pipelinetest"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/workers"
)

// TestReplayByReferenceWithinDedupWindow: a document ingested by reference
// a moment ago (its bytes never stored) and dead-lettered is replayed
// against the same server, as dlq replay --nats does. Its ingested message
// goes back on the work queue: the stream must not drop it as a duplicate
// of the first ingest's, which would leave the document with neither a
// record nor a dead letter and the replay waiting for it for ever.
func TestReplayByReferenceWithinDedupWindow(t *testing.T) {
	srv := pipelinetest.RunServer(t)
	ctx := context.Background()
	root := t.TempDir()
	data, err := os.ReadFile("../../testdata/pdfs/ca8-us-v-wilson-opinion.pdf")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(root, "filing.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := (&workers.Ingester{Bus: srv.Bus, ByReference: true}).Submit(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	// The extract stage takes the message and dead-letters the document.
	cons, err := (&pipeline.Stage{Name: pipeline.StageExtract, Stream: pipeline.StreamDocs, FilterSubject: pipeline.SubjectIngested}).Consumer(ctx, srv.Bus)
	if err != nil {
		t.Fatal(err)
	}
	msg, err := cons.Next()
	if err != nil {
		t.Fatal(err)
	}
	dl := schemas.DeadLetter{ID: s.ID, Source: file, Stage: pipeline.StageExtract, Reason: schemas.StageReason(pipeline.StageExtract, schemas.CauseTimeout), Message: "slow", Attempts: 1}
	if err := srv.Bus.DeadLetter(ctx, dl); err != nil {
		t.Fatal(err)
	}
	if err := msg.DoubleAck(ctx); err != nil {
		t.Fatal(err)
	}

	all, _, err := srv.Bus.DeadLetters(ctx)
	if err != nil || len(all) != 1 {
		t.Fatalf("dead letters %+v, %v; want 1", all, err)
	}
	files, err := workers.NewSourceFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	in := &workers.Ingester{Bus: srv.Bus, MaxBytes: 1 << 28}
	if _, err := replay(ctx, srv.Bus, in, files, all[0].DeadLetter, all); err != nil {
		t.Fatal(err)
	}
	next, err := cons.Next(jetstream.FetchMaxWait(5 * time.Second))
	if err != nil {
		t.Fatalf("no ingested message on the work queue after the replay: %v", err)
	}
	if id := next.Headers().Get(pipeline.HeaderDocID); id != s.ID {
		t.Errorf("replayed message of %s, want %s", id, s.ID)
	}
}
