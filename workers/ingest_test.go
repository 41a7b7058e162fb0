package workers_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/workers"
)

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.pdf", "sub/b.PDF", "sub/deeper/c.txt", "notes.docx", "sub/image.png", "folder.pdf/d.pdf"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	// What a dump folder can hold besides files, each named as a document:
	// all are passed on for Submit to read or dead-letter, none followed
	// into a folder.
	links := map[string]string{
		"link-to-file.pdf": "a.pdf",
		"loop.pdf":         "loop.pdf",
		"dangling.pdf":     "missing.pdf",
		"link-to-dir.pdf":  "sub",
		"sub/up":           "..", // a loop through a folder link: not followed
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.pdf"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A file named explicitly is taken whatever its extension.
	var got []string
	err := workers.Walk(context.Background(), []string{dir, filepath.Join(dir, "notes.docx")}, func(p string) error {
		rel, _ := filepath.Rel(dir, p)
		got = append(got, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a.pdf", "dangling.pdf", "folder.pdf/d.pdf", "link-to-dir.pdf", "link-to-file.pdf", "loop.pdf", "pipe.pdf", "sub/b.PDF", "sub/deeper/c.txt", "notes.docx"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Walk mismatch (-want +got):\n%s", diff)
	}
	if n, err := workers.Count(context.Background(), []string{dir}); err != nil || n != len(want)-1 {
		t.Errorf("Count = %d, %v; want %d", n, err, len(want)-1)
	}

	// Each becomes a record or a dead letter saying why.
	bus := newMemBus()
	in := &workers.Ingester{Bus: bus}
	reasons := map[string]schemas.Reason{}
	err = workers.Walk(context.Background(), []string{dir}, func(p string) error {
		s, err := in.Submit(context.Background(), p)
		if err != nil {
			return err
		}
		for _, dl := range bus.dead {
			if dl.ID == s.ID {
				reasons[filepath.Base(p)] = dl.Reason
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	wantReasons := map[string]schemas.Reason{
		"dangling.pdf":    schemas.ReasonIngestUnreadable,
		"loop.pdf":        schemas.ReasonIngestUnreadable,
		"pipe.pdf":        schemas.ReasonIngestUnreadable,
		"link-to-dir.pdf": schemas.ReasonIngestUnreadable,
	}
	if diff := cmp.Diff(wantReasons, reasons); diff != "" {
		t.Errorf("dead letters by file (-want +got):\n%s", diff)
	}

	if err := workers.Walk(context.Background(), []string{filepath.Join(dir, "missing")}, func(string) error { return nil }); err == nil {
		t.Error("Walk of a missing path succeeded")
	}
	stop := errors.New("stop")
	if err := workers.Walk(context.Background(), []string{dir}, func(string) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("Walk returned %v, want the visitor's error", err)
	}
}

// TestSubmitDecisions submits real files to an in-memory bus and checks
// what became of each: stored and published, dead-lettered at ingest with
// its reason, skipped as done, or an error for a failing pipeline.
func TestSubmitDecisions(t *testing.T) {
	const pdf = "ca8-us-v-wilson-opinion.pdf"
	_, good := sample(t, pdf)
	now := time.Date(2026, 12, 1, 19, 48, 24, 0, time.UTC)
	tests := []struct {
		name       string
		file       string // in testdata/pdfs
		maxBytes   int64
		setup      func(*memBus)
		gen        int            // Ingester.Generation (a replay's)
		wantReason schemas.Reason // dead-lettered at ingest
		wantDone   bool           // the ledger already had it
		wantErr    bool
	}{
		{name: "PDF", file: pdf},
		{name: "zero bytes", file: "empty-zero-byte.pdf", wantReason: schemas.ReasonIngestEmpty},
		{name: "too large", file: pdf, maxBytes: 1000, wantReason: schemas.ReasonIngestTooLarge},
		{name: "unreadable", file: "no-such-file.pdf", wantReason: schemas.ReasonIngestUnreadable},
		{name: "already done", file: pdf, setup: func(b *memBus) {
			b.ledger[good.ID] = pipeline.Entry{State: pipeline.StateRecorded}
		}, wantDone: true},
		// A replay's: an earlier generation's outcome is what it redoes.
		{name: "replay of a dead letter", file: pdf, gen: 1, setup: func(b *memBus) {
			b.ledger[good.ID] = pipeline.Entry{State: pipeline.StateDead, Stage: pipeline.StageExtract}
		}},
		{name: "replay already done", file: pdf, gen: 1, setup: func(b *memBus) {
			b.ledger[good.ID] = pipeline.Entry{State: pipeline.StateRecorded, Generation: 1}
		}, wantDone: true},
		{name: "replay refused again", file: "empty-zero-byte.pdf", gen: 3, wantReason: schemas.ReasonIngestEmpty},
		{name: "ledger unavailable", file: pdf, setup: func(b *memBus) { b.ledgerErr = errors.New("ledger: timeout") }, wantErr: true},
		{name: "object store unavailable", file: pdf, setup: func(b *memBus) { b.docErr = errors.New("object store: timeout") }, wantErr: true},
		{name: "publish fails", file: pdf, setup: func(b *memBus) { b.publishErr = errors.New("stream: no responders") }, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bus := newMemBus()
			if tt.setup != nil {
				tt.setup(bus)
			}
			path := filepath.Join("..", "testdata", "pdfs", tt.file)
			in := &workers.Ingester{Bus: bus, MaxBytes: tt.maxBytes, Now: func() time.Time { return now }, Generation: tt.gen}
			got, err := in.Submit(context.Background(), path)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Submit(%q) = %+v, %v; want error %v", path, got, err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			if got.Source != path || got.Done != tt.wantDone || got.ID == "" || got.Generation != tt.gen {
				t.Errorf("Submit(%q) = %+v, want source %q, done %v, generation %d", path, got, path, tt.wantDone, tt.gen)
			}
			switch {
			case tt.wantReason != "":
				if len(bus.dead) != 1 || bus.dead[0].Reason != tt.wantReason || bus.dead[0].Stage != pipeline.StageIngest || bus.dead[0].ID != got.ID {
					t.Errorf("dead letters %+v, want one for %s with reason %s", bus.dead, got.ID, tt.wantReason)
				}
				if e := bus.ledger[got.ID]; e.Generation != tt.gen {
					t.Errorf("ledger %+v, want generation %d", e, tt.gen)
				}
				if len(bus.published) != 0 || len(bus.docs) != 0 {
					t.Errorf("a dead-lettered file was stored (%d) or published (%d)", len(bus.docs), len(bus.published))
				}
			case tt.wantDone:
				if got.Entry.State != pipeline.StateRecorded || len(bus.published) != 0 || len(bus.docs) != 0 {
					t.Errorf("done file: entry %+v, %d published, %d stored; want its entry and nothing sent", got.Entry, len(bus.published), len(bus.docs))
				}
			default:
				if got.ID != good.ID || len(bus.docs[good.ID]) != int(good.Bytes) {
					t.Errorf("stored %d bytes under %s, want %d under %s", len(bus.docs[got.ID]), got.ID, good.Bytes, good.ID)
				}
				if len(bus.published) != 1 || bus.published[0].Subject != pipeline.SubjectIngested || bus.published[0].Meta.Generation != tt.gen {
					t.Fatalf("published %+v, want one message on %s, generation %d", bus.published, pipeline.SubjectIngested, tt.gen)
				}
				var msg pipeline.Ingested
				if err := json.Unmarshal(bus.published[0].Body, &msg); err != nil {
					t.Fatal(err)
				}
				want := pipeline.Ingested{ID: good.ID, Source: path, Bytes: good.Bytes, IngestedAt: now}
				if diff := cmp.Diff(want, msg); diff != "" {
					t.Errorf("published message mismatch (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestSubmitOddFiles: what a dump can hold besides documents. A FIFO or a
// folder named as a document is its own dead letter, at once (reading a
// FIFO would block the run for ever); a file name full of what a shell or
// a terminal would interpret is data, kept as it is.
func TestSubmitOddFiles(t *testing.T) {
	dir := t.TempDir()
	_, good := sample(t, "ca8-us-v-wilson-opinion.pdf")
	data, err := os.ReadFile(filepath.Join("..", "testdata", "pdfs", "ca8-us-v-wilson-opinion.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	odd := filepath.Join(dir, "-rf $(id); `x`\n\x1b[31mred 'q\".pdf")
	if err := os.WriteFile(odd, data, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		wantReason schemas.Reason
	}{
		{"FIFO", fifo, schemas.ReasonIngestUnreadable},
		{"folder", dir, schemas.ReasonIngestUnreadable},
		{"hostile name", odd, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bus := newMemBus()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			done := make(chan struct{})
			var got workers.Submitted
			go func() {
				defer close(done)
				got, err = (&workers.Ingester{Bus: bus}).Submit(ctx, tt.path)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("Submit blocked")
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Source != tt.path {
				t.Errorf("source %q, want %q exactly", got.Source, tt.path)
			}
			if tt.wantReason != "" {
				if len(bus.dead) != 1 || bus.dead[0].Reason != tt.wantReason || bus.dead[0].Source != tt.path {
					t.Errorf("dead letters %+v, want one with reason %s for %q", bus.dead, tt.wantReason, tt.path)
				}
				return
			}
			if got.ID != good.ID || len(bus.published) != 1 {
				t.Errorf("Submit = %+v, %d published; want %s published", got, len(bus.published), good.ID)
			}
		})
	}
}
