package workers_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/sinks"
	"github.com/casefile/casefile/workers"
)

// brokenWriter fails every write, as a full disk or a closed pipe does.
type brokenWriter struct{}

func (brokenWriter) Write([]byte) (int, error) {
	return 0, errors.New("write: no space left on device")
}

// TestSinkDecisions runs the sink handler over a real JSONL store and
// checks each decision: a record is acked once it is in the file, a body
// that is not a record is dead-lettered, and a store that fails or a stop
// hands the message back for redelivery.
func TestSinkDecisions(t *testing.T) {
	rec, good := encodedFiling(t)
	tests := []struct {
		name       string
		body       []byte
		broken     bool // the store fails every write
		stopped    bool // the handler's context is cancelled
		wantReason schemas.Reason
		wantRetry  bool
		wantLines  int // records in the file afterwards
	}{
		{name: "record", body: good, wantLines: 1},
		{name: "bad message", body: []byte(`["not", "a", "record"]`),
			wantReason: schemas.StageReason(schemas.StageSink, schemas.CauseBadMessage)},
		{name: "store fails", body: good, broken: true, wantRetry: true},
		{name: "stopping", body: good, stopped: true, wantRetry: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "records.jsonl")
			var store sinks.Sink = sinks.NewJSONLWriter(brokenWriter{})
			if !tt.broken {
				var err error
				if store, err = sinks.OpenJSONL(path); err != nil {
					t.Fatal(err)
				}
			}
			defer store.Close(context.Background())
			writerCtx, stopWriter := context.WithCancel(context.Background())
			defer stopWriter()
			w := workers.NewSink(writerCtx, store, workers.BatchConfig{}, nil)

			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.stopped {
				cancel()
			}
			err := w.Handle(ctx, pipeline.NewDelivery(pipeline.Meta{ID: rec.ID, Source: rec.Source}, 1, tt.body))
			checkOutcome(t, "Sink.Handle("+tt.name+")", err, tt.wantReason, tt.wantRetry)
			if tt.broken {
				return
			}
			ids := fileIDs(t, path)
			if len(ids) != tt.wantLines {
				t.Fatalf("file holds %d records, want %d", len(ids), tt.wantLines)
			}
			if tt.wantLines > 0 && ids[0] != rec.ID {
				t.Errorf("file holds record %s, want %s", ids[0], rec.ID)
			}
		})
	}
}

// TestSinkGroupsConcurrentDeliveries hands the sink many deliveries at
// once, one of them twice, and checks that each is acked and that the file
// then holds every record once.
func TestSinkGroupsConcurrentDeliveries(t *testing.T) {
	path := filepath.Join(t.TempDir(), "records.jsonl")
	store, err := sinks.OpenJSONL(path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close(context.Background())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := workers.NewSink(ctx, store, workers.BatchConfig{Linger: -1}, nil)
	rec, err := filingRecord()
	if err != nil {
		t.Fatal(err)
	}
	const n = 40
	var wg sync.WaitGroup
	for i := range n + 1 {
		r := *rec
		r.ID = fmt.Sprintf("%064x", i%n) // the last is a duplicate of the first
		body, err := schemas.Encode(&r)
		if err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			if err := w.Handle(ctx, pipeline.NewDelivery(pipeline.Meta{ID: r.ID}, 1, body)); err != nil {
				t.Errorf("Sink.Handle(%s) = %v, want nil", r.ID, err)
			}
		})
	}
	wg.Wait()
	if got := len(fileIDs(t, path)); got != n {
		t.Errorf("file holds %d records, want %d", got, n)
	}
}

// TestDeadLetterSinkDecisions runs the dead-letter sink over a real file.
func TestDeadLetterSinkDecisions(t *testing.T) {
	good, _ := json.Marshal(schemas.DeadLetter{
		Schema: schemas.DeadLetterSchemaID, ID: fmt.Sprintf("%064x", 5), Source: "a.pdf",
		Stage: schemas.StageExtract, Reason: schemas.ReasonExtractNotPDF, Message: "not a PDF", Attempts: 1,
	})
	tests := []struct {
		name       string
		body       []byte
		wantReason schemas.Reason
		wantLines  int
	}{
		{"dead letter", good, "", 1},
		{"bad message", []byte(`"dead"`), schemas.StageReason(schemas.StageSink, schemas.CauseBadMessage), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "dead-letters.jsonl")
			store, err := sinks.OpenDeadLetters(path)
			if err != nil {
				t.Fatal(err)
			}
			defer store.Close(context.Background())
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			w := workers.NewDeadLetterSink(ctx, store, workers.BatchConfig{}, nil)
			err = w.Handle(ctx, pipeline.NewDelivery(pipeline.Meta{ID: fmt.Sprintf("%064x", 5)}, 1, tt.body))
			checkOutcome(t, "DeadLetterSink.Handle("+tt.name+")", err, tt.wantReason, false)
			if got := len(fileIDs(t, path)); got != tt.wantLines {
				t.Errorf("file holds %d dead letters, want %d", got, tt.wantLines)
			}
		})
	}
}

// fileIDs returns the id of every line of a JSON Lines file.
func fileIDs(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ids []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var head struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal(sc.Bytes(), &head); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		ids = append(ids, head.ID)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return ids
}

// batchSizes is a store that records the size of each write.
type batchSizes struct {
	mu    sync.Mutex
	sizes []int
}

func (b *batchSizes) Write(_ context.Context, recs ...schemas.Record) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.sizes = append(b.sizes, len(recs))
	return nil
}

func (b *batchSizes) Close(context.Context) error { return nil }

// TestSinkBatchFill: deliveries that arrive while a write lingers join it,
// and a batch that reaches Fill is written without waiting out Linger (an
// hour here: the test would hang if it waited).
func TestSinkBatchFill(t *testing.T) {
	rec, body := encodedFiling(t)
	tests := []struct {
		name       string
		cfg        workers.BatchConfig
		deliveries int
		want       []int
	}{
		{"fill ends the wait", workers.BatchConfig{Fill: 5, Linger: time.Hour}, 10, []int{5, 5}},
		{"one write for all", workers.BatchConfig{Fill: 8, Linger: time.Hour}, 8, []int{8}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := &batchSizes{}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			w := workers.NewSink(ctx, store, tt.cfg, nil)
			var wg sync.WaitGroup
			for range tt.deliveries {
				wg.Go(func() {
					if err := w.Handle(ctx, pipeline.NewDelivery(pipeline.Meta{ID: rec.ID}, 1, body)); err != nil {
						t.Error(err)
					}
				})
			}
			wg.Wait()
			if !slices.Equal(store.sizes, tt.want) {
				t.Errorf("writes of %v records, want %v", store.sizes, tt.want)
			}
		})
	}
}

// hangOnce is a store whose first write never returns until its context
// ends, as on a connection to a host that vanished without a reset: a
// fault no real store produces on demand.
type hangOnce struct {
	mu     sync.Mutex
	calls  int
	stored int
}

func (h *hangOnce) Write(ctx context.Context, recs ...schemas.Record) error {
	h.mu.Lock()
	h.calls++
	first := h.calls == 1
	h.mu.Unlock()
	if first {
		<-ctx.Done()
		return ctx.Err()
	}
	h.mu.Lock()
	h.stored += len(recs)
	h.mu.Unlock()
	return nil
}

func (h *hangOnce) Close(context.Context) error { return nil }

// TestSinkWriteTimeout: a write that hangs is abandoned after
// WriteTimeout and retried like an outage, and the delivery is acked once
// the retry lands.
func TestSinkWriteTimeout(t *testing.T) {
	rec, body := encodedFiling(t)
	store := &hangOnce{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := workers.NewSink(ctx, store, workers.BatchConfig{Fill: 1, WriteTimeout: 100 * time.Millisecond}, nil)
	done := make(chan error, 1)
	go func() { done <- w.Handle(ctx, pipeline.NewDelivery(pipeline.Meta{ID: rec.ID}, 1, body)) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Handle = %v, want nil after the retry", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the hung write was never abandoned")
	}
	store.mu.Lock()
	defer store.mu.Unlock()
	if store.calls != 2 || store.stored != 1 {
		t.Errorf("%d writes, %d records stored; want 2 writes, 1 record", store.calls, store.stored)
	}
}

// encodedFiling returns the filing's record and its encoded message body.
func encodedFiling(t *testing.T) (*schemas.Record, []byte) {
	t.Helper()
	rec, err := filingRecord()
	if err != nil {
		t.Fatal(err)
	}
	body, err := schemas.Encode(rec)
	if err != nil {
		t.Fatal(err)
	}
	return rec, body
}
