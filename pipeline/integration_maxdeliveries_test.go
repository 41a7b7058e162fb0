package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/pipeline/pipelinetest"
	"github.com/casefile/casefile/schemas"
)

// maxDeliveriesStage returns an extract stage whose consumer gives up on a
// message after two unanswered deliveries. Its own handler must never see
// the message: a dead worker (deliverUnanswered) had every delivery.
func maxDeliveriesStage(t *testing.T) *pipeline.Stage {
	return &pipeline.Stage{
		Name: pipeline.StageExtract, Stream: pipeline.StreamDocs, FilterSubject: pipeline.SubjectIngested,
		MaxDeliver: 2, AckWait: 2 * time.Second,
		Backoff: func(int) time.Duration { return 20 * time.Millisecond },
		Handler: pipeline.HandlerFunc(func(context.Context, *pipeline.Delivery) error {
			t.Error("a message past its max deliveries was delivered to the stage")
			return nil
		}),
	}
}

// deliverUnanswered creates st's consumer and takes each of its deliveries
// of the next message without answering, as workers that die holding it
// do. The server announces the message past max deliveries one AckWait
// after this returns.
func deliverUnanswered(t *testing.T, st *pipeline.Stage, bus *pipeline.Bus) {
	t.Helper()
	cons, err := st.Consumer(context.Background(), bus)
	if err != nil {
		t.Fatal(err)
	}
	for n := 1; n <= st.MaxDeliver; n++ {
		msg, err := cons.Next(jetstream.FetchMaxWait(st.AckWait + 10*time.Second))
		if err != nil {
			t.Fatalf("delivery %d: %v", n, err)
		}
		if md, err := msg.Metadata(); err != nil || int(md.NumDelivered) != n {
			t.Fatalf("delivery %d: metadata %+v, %v", n, md, err)
		}
	}
}

// flakyDeadLetterer writes dead letters through the bus, except while
// failing is set.
type flakyDeadLetterer struct {
	bus      *pipeline.Bus
	failing  atomic.Bool
	failures atomic.Int32
}

func (f *flakyDeadLetterer) DeadLetter(ctx context.Context, dl schemas.DeadLetter, gen int) error {
	if f.failing.Load() {
		f.failures.Add(1)
		return errors.New("dead-letter store unavailable")
	}
	return f.bus.DeadLetter(ctx, dl, gen)
}

// TestMaxDeliveriesKeepsMessageUntilDeadLettered lets a document's every
// delivery go unanswered while dead letters cannot be written, and checks
// that the message stays in the stream (nothing in the ledger or the DLQ)
// while the write fails, and is dead-lettered with reason
// extract.max_deliveries, then removed, once the write works again.
func TestMaxDeliveriesKeepsMessageUntilDeadLettered(t *testing.T) {
	srv := pipelinetest.RunServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st := maxDeliveriesStage(t)
	dlq := &flakyDeadLetterer{bus: srv.Bus}
	dlq.failing.Store(true)
	pipeline.SetDeadLetterer(st, dlq)

	id := fmt.Sprintf("%064x", 21)
	meta := pipeline.Meta{ID: id, Source: "test/unanswered.pdf"}
	if err := srv.Bus.Publish(ctx, pipeline.SubjectIngested, meta, map[string]string{"k": "v"}); err != nil {
		t.Fatal(err)
	}
	deliverUnanswered(t, st, srv.Bus)
	done := make(chan error, 1)
	go func() { done <- st.Run(ctx, srv.Bus) }()

	waitFor(t, func() bool { return dlq.failures.Load() >= 3 })
	if n := pending(t, srv.JS); n != 1 {
		t.Errorf("stream holds %d messages while the dead letter cannot be written, want 1", n)
	}
	if e, ok, err := srv.Bus.State(ctx, id); err != nil || ok {
		t.Errorf("ledger = %+v, %v, %v while the dead letter cannot be written, want no entry", e, ok, err)
	}
	if n := streamMsgs(t, srv.JS, pipeline.StreamDLQ); n != 0 {
		t.Errorf("DLQ holds %d messages while writes fail, want 0", n)
	}

	dlq.failing.Store(false)
	e := waitEntry(t, srv.Bus, id)
	want := schemas.StageReason(pipeline.StageExtract, schemas.CauseMaxDeliveries)
	if e.State != pipeline.StateDead || e.Reason != want || e.Stage != pipeline.StageExtract {
		t.Errorf("ledger = %+v, want dead at extract with reason %s", e, want)
	}
	waitFor(t, func() bool { return pending(t, srv.JS) == 0 })
	dl := lastDeadLetter(t, srv.JS)
	if dl.ID != id || dl.Source != meta.Source || dl.Reason != want || dl.Stage != pipeline.StageExtract || dl.Attempts != 2 {
		t.Errorf("dead letter = %+v, want id %s reason %s after 2 attempts", dl, id, want)
	}
	if n := streamMsgs(t, srv.JS, pipeline.StreamDLQ); n != 1 {
		t.Errorf("DLQ holds %d messages, want 1", n)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v, want nil after stop", err)
	}
}

// barrierDeadLetterer writes through the bus once every process has come
// to write (all is closed), so that the processes' writes of one dead
// letter overlap. It counts the writes that succeeded in written.
type barrierDeadLetterer struct {
	bus     *pipeline.Bus
	arrived *sync.WaitGroup
	all     <-chan struct{}
	once    sync.Once
	written *atomic.Int32
}

func (b *barrierDeadLetterer) DeadLetter(ctx context.Context, dl schemas.DeadLetter, gen int) error {
	b.once.Do(b.arrived.Done)
	select {
	case <-b.all:
	case <-ctx.Done():
		return ctx.Err()
	}
	err := b.bus.DeadLetter(ctx, dl, gen)
	if err == nil {
		b.written.Add(1)
	}
	return err
}

// TestMaxDeliveriesInEveryProcess runs the stage in two processes (two
// connections), both told of the same message past max deliveries and
// both writing its dead letter, and checks that the DLQ keeps one dead
// letter, the ledger says dead, and the message is gone.
func TestMaxDeliveriesInEveryProcess(t *testing.T) {
	srv := pipelinetest.RunServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	nc, err := srv.Embedded.Connect()
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	other, err := pipeline.Open(ctx, js, pipeline.TopologyConfig{})
	if err != nil {
		t.Fatal(err)
	}

	id := fmt.Sprintf("%064x", 22)
	meta := pipeline.Meta{ID: id, Source: "test/unanswered.pdf"}
	if err := srv.Bus.Publish(ctx, pipeline.SubjectIngested, meta, map[string]string{"k": "v"}); err != nil {
		t.Fatal(err)
	}
	var (
		arrived sync.WaitGroup
		written atomic.Int32
	)
	arrived.Add(2)
	all := make(chan struct{})
	go func() { arrived.Wait(); close(all) }()
	var stages []*pipeline.Stage
	var runs sync.WaitGroup
	for _, bus := range []*pipeline.Bus{srv.Bus, other} {
		st := maxDeliveriesStage(t)
		pipeline.SetDeadLetterer(st, &barrierDeadLetterer{bus: bus, arrived: &arrived, all: all, written: &written})
		stages = append(stages, st)
	}
	deliverUnanswered(t, stages[0], srv.Bus)
	for i, bus := range []*pipeline.Bus{srv.Bus, other} {
		runs.Go(func() {
			if err := stages[i].Run(ctx, bus); err != nil {
				t.Errorf("Run in process %d = %v", i+1, err)
			}
		})
	}

	e := waitEntry(t, srv.Bus, id)
	want := schemas.StageReason(pipeline.StageExtract, schemas.CauseMaxDeliveries)
	if e.State != pipeline.StateDead || e.Reason != want {
		t.Errorf("ledger = %+v, want dead with reason %s", e, want)
	}
	waitFor(t, func() bool { return pending(t, srv.JS) == 0 && written.Load() == 2 })
	if n := streamMsgs(t, srv.JS, pipeline.StreamDLQ); n != 1 {
		t.Errorf("DLQ holds %d dead letters of one document written by both processes, want 1", n)
	}
	if dl := lastDeadLetter(t, srv.JS); dl.ID != id || dl.Reason != want {
		t.Errorf("dead letter = %+v, want id %s reason %s", dl, id, want)
	}
	cancel()
	runs.Wait()
}

func streamMsgs(t *testing.T, js jetstream.JetStream, stream string) uint64 {
	t.Helper()
	s, err := js.Stream(context.Background(), stream)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return info.State.Msgs
}
