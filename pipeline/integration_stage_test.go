package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"golang.org/x/sync/errgroup"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/pipeline/pipelinetest"
	"github.com/casefile/casefile/schemas"
)

// TestStageSettlesEveryPath runs one stage over a real embedded server and
// checks, for each kind of handler outcome, what became of the message:
// acked (gone, no dead letter) or dead-lettered with the right reason, and
// in every case removed from the work queue. The stage is named extract, so
// that its dead letters carry reasons of the closed set and validate.
func TestStageSettlesEveryPath(t *testing.T) {
	const stage = pipeline.StageExtract
	tests := []struct {
		name       string
		handle     func(ctx context.Context, attempt int) error
		wantReason schemas.Reason // "" means acked
		wantCalls  int
	}{
		{"ok", func(context.Context, int) error { return nil }, "", 1},
		{"retry then ok", func(_ context.Context, n int) error {
			if n < 3 {
				return pipeline.Retry(errors.New("flaky"), 10*time.Millisecond)
			}
			return nil
		}, "", 3},
		{"plain error is retried", func(_ context.Context, n int) error {
			if n < 2 {
				return errors.New("transient")
			}
			return nil
		}, "", 2},
		{"permanent", func(context.Context, int) error {
			return pipeline.Permanent(schemas.ReasonExtractMalformed, errors.New("cannot"))
		}, schemas.ReasonExtractMalformed, 1},
		{"retries exhausted", func(context.Context, int) error {
			return pipeline.Retry(errors.New("always"), 10*time.Millisecond)
		}, schemas.StageReason(stage, schemas.CauseRetriesExhausted), 3},
		{"panic", func(context.Context, int) error { panic("boom") }, schemas.StageReason(stage, schemas.CausePanic), 1},
		{"timeout", func(ctx context.Context, _ int) error {
			<-ctx.Done()
			return ctx.Err()
		}, schemas.StageReason(stage, schemas.CauseTimeout), 1},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := pipelinetest.RunServer(t)
			var calls atomic.Int32
			st := &pipeline.Stage{
				Name: stage, Stream: pipeline.StreamDocs, FilterSubject: pipeline.SubjectIngested,
				MaxDeliver: 3, Timeout: 200 * time.Millisecond,
				Backoff: func(int) time.Duration { return 10 * time.Millisecond },
				Handler: pipeline.HandlerFunc(func(ctx context.Context, d *pipeline.Delivery) error {
					calls.Add(1)
					var body map[string]string
					if err := d.Decode(ctx, &body); err != nil {
						return err
					}
					return tt.handle(ctx, d.Attempt)
				}),
			}
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- st.Run(ctx, srv.Bus) }()

			id := fmt.Sprintf("%064x", i+1)
			meta := pipeline.Meta{ID: id, Source: "test/" + tt.name}
			if err := srv.Bus.Publish(ctx, pipeline.SubjectIngested, meta, map[string]string{"k": "v"}); err != nil {
				t.Fatal(err)
			}
			waitFor(t, func() bool { return pending(t, srv.JS) == 0 && int(calls.Load()) >= tt.wantCalls })
			if tt.wantReason != "" {
				e := waitEntry(t, srv.Bus, id)
				if e.State != pipeline.StateDead || e.Reason != tt.wantReason {
					t.Errorf("ledger = %+v, want dead with reason %s", e, tt.wantReason)
				}
				dl := lastDeadLetter(t, srv.JS)
				if dl.ID != id || dl.Reason != tt.wantReason || dl.Stage != stage || dl.Source != meta.Source {
					t.Errorf("dead letter = %+v, want id %s reason %s", dl, id, tt.wantReason)
				}
			} else if _, ok, _ := srv.Bus.State(ctx, id); ok {
				t.Errorf("acked message has a ledger entry; only terminal states belong there")
			}
			if got := int(calls.Load()); got != tt.wantCalls {
				t.Errorf("handler called %d times, want %d", got, tt.wantCalls)
			}
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run = %v, want nil after stop", err)
			}
		})
	}
}

// TestPublishDeduplicates checks that the same document published twice is
// stored once, the first line of exactly-once.
func TestPublishDeduplicates(t *testing.T) {
	srv := pipelinetest.RunServer(t)
	ctx := context.Background()
	meta := pipeline.Meta{ID: fmt.Sprintf("%064x", 7), Source: "x"}
	for range 2 {
		if err := srv.Bus.Publish(ctx, pipeline.SubjectIngested, meta, map[string]int{"n": 1}); err != nil {
			t.Fatal(err)
		}
	}
	if n := pending(t, srv.JS); n != 1 {
		t.Errorf("stream holds %d messages, want 1", n)
	}
	// A replay's message (the next generation) is another message, whose
	// copies are dropped in turn.
	meta.Generation = 1
	for range 2 {
		if err := srv.Bus.Publish(ctx, pipeline.SubjectIngested, meta, map[string]int{"n": 1}); err != nil {
			t.Fatal(err)
		}
	}
	if n := pending(t, srv.JS); n != 2 {
		t.Errorf("stream holds %d messages after a replay's, want 2", n)
	}
}

// TestDeadLetterGenerations: the copies of one generation's dead letter
// (every process settling the same exhausted message) are stored once,
// and a replay's dead letter beside the earlier generation's, within the
// DLQ stream's duplicate window; the ledger holds the newest generation.
func TestDeadLetterGenerations(t *testing.T) {
	srv := pipelinetest.RunServer(t)
	ctx := context.Background()
	id := fmt.Sprintf("%064x", 9)
	for _, gen := range []int{0, 0, 1, 1, 2} {
		dl := schemas.DeadLetter{ID: id, Source: "x.pdf", Stage: pipeline.StageExtract,
			Reason: schemas.ReasonExtractMalformed, Message: fmt.Sprint("generation ", gen)}
		if err := srv.Bus.DeadLetter(ctx, dl, gen); err != nil {
			t.Fatal(err)
		}
	}
	all, _, err := srv.Bus.DeadLetters(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var gens []int
	for _, dl := range all {
		gens = append(gens, dl.Generation)
	}
	if want := []int{0, 1, 2}; !slices.Equal(gens, want) {
		t.Errorf("dead letters of generations %v, want %v", gens, want)
	}
	if e, ok, err := srv.Bus.State(ctx, id); err != nil || !ok || e.Generation != 2 || !e.Covers(2) || e.Covers(3) {
		t.Errorf("ledger %+v, %v, %v; want generation 2", e, ok, err)
	}
}

// TestLateOutcomes writes a document's outcomes in the orders that slow
// workers and replays produce, and checks what the ledger and the DLQ
// stream keep: a later generation's outcome stands against an earlier
// one's written after it, and within a generation a record stands against
// a dead letter.
func TestLateOutcomes(t *testing.T) {
	type write struct {
		dead bool // a dead letter, else a record
		gen  int
	}
	rec := func(gen int) write { return write{false, gen} }
	dead := func(gen int) write { return write{true, gen} }
	tests := []struct {
		name      string
		writes    []write
		want      pipeline.Entry // State and Generation
		wantFiled int            // dead letters in the DLQ stream
	}{
		{"record", []write{rec(0)}, pipeline.Entry{State: pipeline.StateRecorded}, 0},
		{"dead then its replay recorded", []write{dead(0), rec(1)}, pipeline.Entry{State: pipeline.StateRecorded, Generation: 1}, 1},
		{"replay recorded, then the first try's dead letter", []write{rec(1), dead(0)}, pipeline.Entry{State: pipeline.StateRecorded, Generation: 1}, 0},
		{"replay dead, then the first try's record", []write{dead(1), rec(0)}, pipeline.Entry{State: pipeline.StateDead, Generation: 1}, 1},
		{"record, then a duplicate delivery's dead letter", []write{rec(0), dead(0)}, pipeline.Entry{State: pipeline.StateRecorded}, 0},
		{"dead, then a duplicate delivery's record", []write{dead(0), rec(0)}, pipeline.Entry{State: pipeline.StateRecorded}, 1},
		{"replayed twice", []write{dead(0), dead(1), rec(2)}, pipeline.Entry{State: pipeline.StateRecorded, Generation: 2}, 2},
	}
	srv := pipelinetest.RunServer(t)
	ctx := context.Background()
	filed := 0
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := fmt.Sprintf("%064x", 100+i)
			for _, w := range tt.writes {
				var err error
				if w.dead {
					err = srv.Bus.DeadLetter(ctx, schemas.DeadLetter{ID: id, Source: "x.pdf", Stage: pipeline.StageExtract,
						Reason: schemas.ReasonExtractMalformed, Message: "bad"}, w.gen)
				} else {
					err = srv.Bus.MarkRecorded(ctx, id, w.gen)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			e, ok, err := srv.Bus.State(ctx, id)
			if err != nil || !ok || e.State != tt.want.State || e.Generation != tt.want.Generation {
				t.Errorf("ledger %s/%d, %v, %v; want %s/%d", e.State, e.Generation, ok, err, tt.want.State, tt.want.Generation)
			}
			all, _, err := srv.Bus.DeadLetters(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(all) - filed; n != tt.wantFiled {
				t.Errorf("%d dead letters filed, want %d", n, tt.wantFiled)
			}
			filed = len(all)
		})
	}
}

// TestMarkRaces: outcomes of many generations written at once for one
// document leave the newest generation's, whatever the order in which the
// writers reach the server; a forgotten entry is written anew.
func TestMarkRaces(t *testing.T) {
	srv := pipelinetest.RunServer(t)
	ctx := context.Background()
	id := fmt.Sprintf("%064x", 200)
	const gens = 12
	for round := range 5 {
		var g errgroup.Group
		for gen := range gens {
			g.Go(func() error { return srv.Bus.MarkRecorded(ctx, id, round*gens+gen) })
		}
		if err := g.Wait(); err != nil {
			t.Fatal(err)
		}
		e, ok, err := srv.Bus.State(ctx, id)
		if want := round*gens + gens - 1; err != nil || !ok || e.Generation != want {
			t.Errorf("round %d: ledger generation %d (%v, %v), want %d", round, e.Generation, ok, err, want)
		}
	}
	if err := srv.Bus.Forget(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := srv.Bus.MarkRecorded(ctx, id, 0); err != nil {
		t.Fatal(err)
	}
	if e, ok, err := srv.Bus.State(ctx, id); err != nil || !ok || e.Generation != 0 {
		t.Errorf("after Forget: %+v, %v, %v; want generation 0", e, ok, err)
	}
}

// TestPublishSpillsLargeBodies checks that a body over the payload limit
// travels through the blob store and decodes whole.
func TestPublishSpillsLargeBodies(t *testing.T) {
	srv := pipelinetest.RunServer(t)
	ctx := context.Background()
	big := make([]byte, 9<<20) // over the embedded server's 8 MiB limit
	for i := range big {
		big[i] = 'a' + byte(i%26)
	}
	meta := pipeline.Meta{ID: fmt.Sprintf("%064x", 9), Source: "big"}
	if err := srv.Bus.Publish(ctx, pipeline.SubjectIngested, meta, map[string]string{"text": string(big)}); err != nil {
		t.Fatal(err)
	}
	if stored := lastMsg(t, srv.JS, pipeline.StreamDocs, pipeline.SubjectIngested); stored.Header.Get(pipeline.HeaderBlob) == "" {
		t.Error("large body was not spilled")
	}
	got := make(chan string, 1)
	st := &pipeline.Stage{Name: "test", Stream: pipeline.StreamDocs, FilterSubject: pipeline.SubjectIngested,
		Handler: pipeline.HandlerFunc(func(ctx context.Context, d *pipeline.Delivery) error {
			var body map[string]string
			err := d.Decode(ctx, &body)
			got <- body["text"]
			return err
		})}
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go st.Run(rctx, srv.Bus)
	select {
	case s := <-got:
		if s != string(big) {
			t.Errorf("decoded %d bytes, want %d", len(s), len(big))
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no delivery")
	}
}

// TestSpilledBodyBounded checks that a spilled body over the bus's
// MaxBody is refused with ErrTooLarge instead of read into memory: any
// client of the deployment can put an object of any size in the blobs.
func TestSpilledBodyBounded(t *testing.T) {
	srv := pipelinetest.RunServer(t)
	ctx := context.Background()
	meta := pipeline.Meta{ID: fmt.Sprintf("%064x", 10), Source: "big"}
	if err := srv.Bus.Publish(ctx, pipeline.SubjectIngested, meta, map[string]string{"text": strings.Repeat("a", 9<<20)}); err != nil {
		t.Fatal(err)
	}
	small, err := pipeline.Open(ctx, srv.JS, pipeline.TopologyConfig{MaxBody: 4 << 20})
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan error, 1)
	st := &pipeline.Stage{Name: "test", Stream: pipeline.StreamDocs, FilterSubject: pipeline.SubjectIngested,
		Handler: pipeline.HandlerFunc(func(ctx context.Context, d *pipeline.Delivery) error {
			var body map[string]string
			err := d.Decode(ctx, &body)
			got <- err
			return pipeline.Permanent("test.too_large", err)
		})}
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go st.Run(rctx, small)
	select {
	case err := <-got:
		if !errors.Is(err, pipeline.ErrTooLarge) {
			t.Errorf("Decode = %v, want ErrTooLarge", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no delivery")
	}
}

func pending(t *testing.T, js jetstream.JetStream) uint64 {
	t.Helper()
	s, err := js.Stream(context.Background(), pipeline.StreamDocs)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return info.State.Msgs
}

func waitEntry(t *testing.T, bus *pipeline.Bus, id string) pipeline.Entry {
	t.Helper()
	var e pipeline.Entry
	waitFor(t, func() bool {
		var ok bool
		e, ok, _ = bus.State(context.Background(), id)
		return ok
	})
	return e
}

// lastMsg returns the newest message on subject (a wildcard is allowed) in
// stream.
func lastMsg(t *testing.T, js jetstream.JetStream, stream, subject string) *jetstream.RawStreamMsg {
	t.Helper()
	s, err := js.Stream(context.Background(), stream)
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.GetLastMsgForSubject(context.Background(), subject)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func lastDeadLetter(t *testing.T, js jetstream.JetStream) schemas.DeadLetter {
	t.Helper()
	m := lastMsg(t, js, pipeline.StreamDLQ, pipeline.SubjectDLQPrefix+">")
	if err := schemas.ValidateDeadLetterJSON(m.Data); err != nil {
		t.Errorf("dead letter does not validate: %v", err)
	}
	var dl schemas.DeadLetter
	if err := jsonUnmarshal(m.Data, &dl); err != nil {
		t.Fatal(err)
	}
	return dl
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 30s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestDeliveryMeta: a delivery carries the document's identity from the
// message headers, and whether its bytes were left in the file, through a
// real server.
func TestDeliveryMeta(t *testing.T) {
	srv := pipelinetest.RunServer(t)
	got := make(chan pipeline.Meta, 2)
	st := &pipeline.Stage{
		Name: pipeline.StageExtract, Stream: pipeline.StreamDocs, FilterSubject: pipeline.SubjectIngested,
		MaxDeliver: 1, Timeout: 5 * time.Second,
		Handler: pipeline.HandlerFunc(func(_ context.Context, d *pipeline.Delivery) error {
			got <- d.Meta
			return nil
		}),
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- st.Run(ctx, srv.Bus) }()
	want := map[string]pipeline.Meta{}
	for i, inFile := range []bool{false, true} {
		m := pipeline.Meta{ID: fmt.Sprintf("%064x", 40+i), Source: fmt.Sprintf("dump/%d.pdf", i), InFile: inFile, Generation: 2 * i}
		if inFile {
			m.Path = fmt.Sprintf("/data/dump/%d.pdf", i)
		}
		want[m.ID] = m
		if err := srv.Bus.Publish(ctx, pipeline.SubjectIngested, m, map[string]string{"id": m.ID}); err != nil {
			t.Fatal(err)
		}
	}
	for range want {
		select {
		case m := <-got:
			if m != want[m.ID] {
				t.Errorf("delivery meta %+v, want %+v", m, want[m.ID])
			}
		case <-time.After(10 * time.Second):
			t.Fatal("no delivery within 10 s")
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v, want nil after stop", err)
	}
}
