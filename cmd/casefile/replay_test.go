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
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(root, "filing.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	id, cons, all := deadLettered(t, srv, &workers.Ingester{Bus: srv.Bus, ByReference: true}, file)
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
	if got := next.Headers().Get(pipeline.HeaderDocID); got != id {
		t.Errorf("replayed message of %s, want %s", got, id)
	}
}

// deadLettered submits path through in and dead-letters the document at
// the extract stage, as a worker would; it returns the document's id, the
// extract stage's consumer, which a replay's message reaches next, and the
// DLQ stream's dead letters, checked to be that one.
func deadLettered(t *testing.T, srv *pipelinetest.Server, in *workers.Ingester, path string) (string, jetstream.Consumer, []pipeline.StoredDeadLetter) {
	t.Helper()
	ctx := context.Background()
	s, err := in.Submit(ctx, path)
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
	all, _, err := srv.Bus.DeadLetters(ctx)
	if err != nil || len(all) != 1 {
		t.Fatalf("dead letters %+v, %v; want 1", all, err)
	}
	return s.ID, cons, all
}

// sample is the filing the replay tests dead-letter.
const sample = "../../testdata/pdfs/ca8-us-v-wilson-opinion.pdf"

// TestReplayFailsAgainWithinDedupWindow: a replayed document that fails
// again at once (the fix did not mend it) gets a new dead letter. The
// first one's message id must not make the DLQ stream drop the second as
// its duplicate: replay removed the first, and the document would be
// marked dead with no dead letter to say why or to replay.
func TestReplayFailsAgainWithinDedupWindow(t *testing.T) {
	srv := pipelinetest.RunServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	id, _, all := deadLettered(t, srv, &workers.Ingester{Bus: srv.Bus}, sample)
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

// TestReplayResubmitFails: a replay whose resubmission the server refuses
// leaves the document as it found it, dead in the ledger with its dead
// letter, so that nothing is lost and replay can be run again.
func TestReplayResubmitFails(t *testing.T) {
	srv := pipelinetest.RunServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	id, _, all := deadLettered(t, srv, &workers.Ingester{Bus: srv.Bus}, sample)
	// The work queue refuses every message: too large.
	stream, err := srv.JS.Stream(ctx, pipeline.StreamDocs)
	if err != nil {
		t.Fatal(err)
	}
	cfg := stream.CachedInfo().Config
	tiny := cfg
	tiny.MaxMsgSize = 8
	if _, err := srv.JS.UpdateStream(ctx, tiny); err != nil {
		t.Fatal(err)
	}
	in := &workers.Ingester{Bus: srv.Bus}
	if _, err := replay(ctx, srv.Bus, in, nil, all[0], all); err == nil {
		t.Fatal("replay with the work queue refusing messages: no error")
	}
	if e, ok, err := srv.Bus.State(ctx, id); err != nil || !ok || e.State != pipeline.StateDead {
		t.Errorf("after a failed replay: ledger %+v, %v, %v; want dead", e, ok, err)
	}
	kept, _, err := srv.Bus.DeadLetters(ctx)
	if err != nil || len(kept) != 1 {
		t.Fatalf("after a failed replay: dead letters %+v, %v; want the one", kept, err)
	}

	// Run again once the queue takes messages, replay puts the document in.
	if _, err := srv.JS.UpdateStream(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	if _, err := replay(ctx, srv.Bus, in, nil, kept[0], kept); err != nil {
		t.Fatal(err)
	}
	if left, _, err := srv.Bus.DeadLetters(ctx); err != nil || len(left) != 0 {
		t.Errorf("after the replay: dead letters %+v, %v; want none", left, err)
	}
	// Until the new generation's outcome, the ledger keeps the old one.
	if e, ok, err := srv.Bus.State(ctx, id); err != nil || !ok || e.State != pipeline.StateDead || e.Generation != 0 {
		t.Errorf("after the replay: ledger %+v, %v, %v; want dead, generation 0", e, ok, err)
	}
	// A replay stopped before it removed the dead letter and run again
	// resubmits the same generation: dropped as a duplicate.
	s, err := replay(ctx, srv.Bus, in, nil, kept[0], kept)
	if err != nil {
		t.Fatal(err)
	}
	if s.Generation != 1 {
		t.Errorf("replay run again submitted generation %d, want 1", s.Generation)
	}
	info, err := stream.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.State.Msgs != 1 {
		t.Errorf("work queue holds %d messages after the replay, want 1", info.State.Msgs)
	}
}

// TestReplaySuperseded: a replay stopped after its resubmission was
// taken, before it removed the dead letter, leaves a dead letter that the
// new generation's outcome supersedes. Run again, replay only removes it.
func TestReplaySuperseded(t *testing.T) {
	srv := pipelinetest.RunServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	id, _, all := deadLettered(t, srv, &workers.Ingester{Bus: srv.Bus}, sample)
	// The stopped replay's resubmission, recorded since.
	if err := srv.Bus.MarkRecorded(ctx, id, 1); err != nil {
		t.Fatal(err)
	}
	s, err := replay(ctx, srv.Bus, &workers.Ingester{Bus: srv.Bus}, nil, all[0], all)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Done || s.Entry.State != pipeline.StateRecorded || s.Generation != 1 {
		t.Errorf("replay of a superseded dead letter = %+v, want done: recorded, generation 1", s)
	}
	if left, _, err := srv.Bus.DeadLetters(ctx); err != nil || len(left) != 0 {
		t.Errorf("dead letters %+v, %v; want none", left, err)
	}
	stream, err := srv.JS.Stream(ctx, pipeline.StreamDocs)
	if err != nil {
		t.Fatal(err)
	}
	if n := stream.CachedInfo().State.Msgs; n != 0 {
		t.Errorf("work queue holds %d messages, want none", n)
	}
}
