package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/workers"
)

// TestIngestWatch: a worker process serves the pipeline; `casefile ingest
// --watch` streams a folder into it while files are written there — one at
// once, one slowly in pieces, one renamed into place from a temporary
// name. Each becomes exactly one record; a restarted watcher re-reads the
// folder and adds none twice.
func TestIngestWatch(t *testing.T) {
	if testing.Short() {
		t.Skip("runs worker processes")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "feed")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	addr, workerErr := startWorker(t, dir)
	watch := func() (stop func()) {
		cmd := casefileCmd(dir, "ingest", "--nats", "nats://"+addr, "--watch", "--settle", "300ms", in)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return func() {
			cmd.Process.Signal(os.Interrupt)
			if err := cmd.Wait(); err != nil {
				t.Errorf("ingest --watch: %v\n%s", err, stderr.String())
			}
		}
	}
	stop := watch()

	samples := "../../testdata/pdfs/"
	read := func(name string) []byte {
		data, err := os.ReadFile(samples + name)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	// At once.
	if err := os.WriteFile(filepath.Join(in, "wilson.pdf"), read("ca8-us-v-wilson-opinion.pdf"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Slowly, in pieces with pauses shorter than the settle time.
	slow := read("ny-snp-wtg-2012-press-release.pdf")
	f, err := os.Create(filepath.Join(in, "slow.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 4; i++ {
		part := slow[i*len(slow)/4 : (i+1)*len(slow)/4]
		if _, err := f.Write(part); err != nil {
			t.Fatal(err)
		}
		time.Sleep(150 * time.Millisecond)
	}
	f.Close()
	// Renamed into place.
	tmp := filepath.Join(in, "burroughs.pdf.part")
	if err := os.WriteFile(tmp, read("caed-us-v-burroughs-redaction-order.pdf"), 0o644); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond) // past the settle time: a .part is never taken
	if err := os.Rename(tmp, filepath.Join(in, "burroughs.pdf")); err != nil {
		t.Fatal(err)
	}

	recs := filepath.Join(dir, "records.jsonl")
	deadline := time.Now().Add(60 * time.Second)
	for countLines(recs) < 3 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := countLines(recs); n != 3 {
		t.Fatalf("%d records, want 3\n%s", n, workerErr.String())
	}
	stop()

	// A restart lists the folder again: everything is done already.
	stop = watch()
	time.Sleep(2 * time.Second)
	stop()
	got := readRecords(t, recs)
	sources := map[string]int{}
	for _, r := range got {
		sources[filepath.Base(r.Source)]++
	}
	for _, name := range []string{"wilson.pdf", "slow.pdf", "burroughs.pdf"} {
		if sources[name] != 1 {
			t.Errorf("%s: %d records, want 1 (records by source: %v)", name, sources[name], sources)
		}
	}
	if len(got) != 3 {
		t.Errorf("%d records after the restart, want 3", len(got))
	}
}

// TestConcurrentIngest: two `casefile ingest` processes submit the same
// dump at the same time, under two names for every file (two copies of the
// folder), to one worker. Every document ends as one record, or one dead
// letter for the files that cannot be read, never two.
func TestConcurrentIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("runs worker processes")
	}
	dir := t.TempDir()
	in := makeDump(t, dir, 40, true)
	twin := filepath.Join(dir, "twin")
	if err := os.CopyFS(twin, os.DirFS(in)); err != nil {
		t.Fatal(err)
	}
	addr, workerErr := startWorker(t, dir)
	a := casefileCmd(dir, "ingest", "--nats", "nats://"+addr, in)
	b := casefileCmd(dir, "ingest", "--nats", "nats://"+addr, twin)
	var aErr, bErr bytes.Buffer
	a.Stderr, b.Stderr = &aErr, &bErr
	if err := a.Start(); err != nil {
		t.Fatal(err)
	}
	if err := b.Start(); err != nil {
		t.Fatal(err)
	}
	if err := a.Wait(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, aErr.String())
	}
	if err := b.Wait(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, bErr.String())
	}
	files, _ := filepath.Glob(filepath.Join(in, "*"))
	want := len(files) - len(wantDead)
	recs := filepath.Join(dir, "records.jsonl")
	deadline := time.Now().Add(90 * time.Second)
	for countLines(recs) < want && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(time.Second) // a doubled record would come now
	got := readRecords(t, recs)
	byID := map[string]int{}
	for _, r := range got {
		byID[r.ID]++
	}
	for id, n := range byID {
		if n != 1 {
			t.Errorf("document %s: %d records", id, n)
		}
	}
	if len(byID) != want {
		t.Errorf("%d documents recorded, want %d\n%s", len(byID), want, workerErr.String())
	}
}

// startWorker starts a `casefile worker` process in dir running every
// stage into jsonl:records.jsonl and serving its embedded NATS, and
// returns the NATS address and the worker's stderr; the worker is stopped
// when the test ends.
func startWorker(t *testing.T, dir string, args ...string) (addr string, stderr *bytes.Buffer) {
	t.Helper()
	addr = freeAddr(t)
	worker := casefileCmd(dir, append([]string{"worker", "--stage", "extract,annotate,sink", "--sink", "jsonl:records.jsonl",
		"--listen", addr, "--ocr", "off"}, args...)...)
	stderr = &bytes.Buffer{}
	worker.Stderr = stderr
	if err := worker.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		worker.Process.Signal(syscall.SIGTERM)
		worker.Wait()
	})
	waitListening(t, addr)
	return addr, stderr
}

// failingBus is an IngestBus whose ledger is down, counting the documents
// asked about.
type failingBus struct{ asked atomic.Int32 }

func (b *failingBus) State(context.Context, string) (pipeline.Entry, bool, error) {
	b.asked.Add(1)
	return pipeline.Entry{}, false, errors.New("ledger down")
}
func (b *failingBus) PutDocument(context.Context, string, io.Reader) (bool, error) { return false, nil }
func (b *failingBus) Publish(context.Context, string, pipeline.Meta, any) error    { return nil }
func (b *failingBus) DeadLetter(context.Context, schemas.DeadLetter, int) error    { return nil }

// TestIngestWatchStopsEveryFolder: when the watcher of one folder fails,
// ingest --watch returns its error and stops the watchers of the other
// folders too, so none submits to the bus the command closes.
func TestIngestWatchStopsEveryFolder(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(a, "x.txt"), []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	bus := &failingBus{}
	c := &ingestCmd{Paths: []string{a, b}, Settle: 20 * time.Millisecond}
	e := &env{stdout: io.Discard, stderr: io.Discard, log: slog.New(slog.DiscardHandler)}
	if err := c.watch(context.Background(), e, &workers.Ingester{Bus: bus}); err == nil {
		t.Fatal("watch = nil, want the ledger's error")
	}
	asked := bus.asked.Load()
	if err := os.WriteFile(filepath.Join(b, "y.txt"), []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if n := bus.asked.Load(); n != asked {
		t.Errorf("after watch returned, the bus was asked about %d more documents, want none", n-asked)
	}
}
