package main

import (
	"context"
	"errors"
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
	if err := srv.Bus.DeadLetter(ctx, dl, 0); err != nil {
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
	if _, err := replay(ctx, srv.Bus, in, files, all[0], all); err != nil {
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

// deadLettered ingests the sample filing (its bytes stored) and
// dead-letters it at the extract stage, as a worker would; it returns the
// document's id.
func deadLettered(t *testing.T, srv *pipelinetest.Server) string {
	t.Helper()
	ctx := context.Background()
	s, err := (&workers.Ingester{Bus: srv.Bus}).Submit(ctx, "../../testdata/pdfs/ca8-us-v-wilson-opinion.pdf")
	if err != nil {
		t.Fatal(err)
	}
	cons, err := (&pipeline.Stage{Name: pipeline.StageExtract, Stream: pipeline.StreamDocs, FilterSubject: pipeline.SubjectIngested}).Consumer(ctx, srv.Bus)
	if err != nil {
		t.Fatal(err)
	}
	msg, err := cons.Next()
	if err != nil {
		t.Fatal(err)
	}
	dl := schemas.DeadLetter{ID: s.ID, Source: s.Source, Stage: pipeline.StageExtract, Reason: schemas.StageReason(pipeline.StageExtract, schemas.CauseTimeout), Message: "slow", Attempts: 1}
	if err := srv.Bus.DeadLetter(ctx, dl, 0); err != nil {
		t.Fatal(err)
	}
	if err := msg.DoubleAck(ctx); err != nil {
		t.Fatal(err)
	}
	return s.ID
}

// TestReplayFailsAgainWithinDedupWindow: a replayed document that fails
// again at once (the fix did not mend it) gets a new dead letter. The
// first one's message id must not make the DLQ stream drop the second as
// its duplicate: replay removed the first, and the document would be
// marked dead with no dead letter to say why or to replay.
func TestReplayFailsAgainWithinDedupWindow(t *testing.T) {
	srv := pipelinetest.RunServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	id := deadLettered(t, srv)
	all, _, err := srv.Bus.DeadLetters(ctx)
	if err != nil || len(all) != 1 {
		t.Fatalf("dead letters %+v, %v; want 1", all, err)
	}
	if _, err := replay(ctx, srv.Bus, &workers.Ingester{Bus: srv.Bus}, nil, all[0], all); err != nil {
		t.Fatal(err)
	}
	// The extract stage fails the document again, for the same reason.
	st := &pipeline.Stage{
		Name: pipeline.StageExtract, Stream: pipeline.StreamDocs, FilterSubject: pipeline.SubjectIngested,
		Handler: pipeline.HandlerFunc(func(context.Context, *pipeline.Delivery) error {
			return pipeline.Permanent(schemas.StageReason(pipeline.StageExtract, schemas.CauseTimeout), errors.New("still slow"))
		}),
	}
	sctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- st.Run(sctx, srv.Bus) }()
	defer func() {
		stop()
		if err := <-done; err != nil {
			t.Errorf("stage: %v", err)
		}
	}()
	for {
		e, ok, err := srv.Bus.State(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if ok && e.Covers(1) {
			if e.State != pipeline.StateDead || e.Generation != 1 {
				t.Fatalf("ledger after the replay: %+v, want dead, generation 1", e)
			}
			break
		}
		select {
		case <-ctx.Done():
			t.Fatal("no outcome for the replayed document")
		case <-time.After(50 * time.Millisecond):
		}
	}
	again, _, err := srv.Bus.DeadLetters(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 1 || again[0].Message != "still slow" || again[0].Generation != 1 {
		t.Fatalf("after a replay that failed again: dead letters %+v, want the new one, generation 1", again)
	}
}
