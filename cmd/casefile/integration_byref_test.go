package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/workers"
)

// TestRunStoreResumesFileRun: a run stopped after it had announced a
// document by reference (the default) leaves that message in the queue;
// the same run resumed with --document-bytes store must still read it
// from its file, not dead-letter it as missing bytes.
func TestRunStoreResumesFileRun(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../../testdata/pdfs/ca8-us-v-wilson-opinion.pdf")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(in, "filing.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}

	// The first run's ingest, then its stop before any extraction.
	emb, err := pipeline.StartEmbedded(pipeline.EmbeddedConfig{DataDir: filepath.Join(dir, ".casefile")})
	if err != nil {
		t.Fatal(err)
	}
	nc, err := emb.Connect()
	if err != nil {
		emb.Shutdown()
		t.Fatal(err)
	}
	js, err := jetstream.New(nc)
	if err == nil {
		var bus *pipeline.Bus
		if bus, err = pipeline.Open(context.Background(), js, pipeline.TopologyConfig{}); err == nil {
			_, err = (&workers.Ingester{Bus: bus, ByReference: true}).Submit(context.Background(), file)
		}
	}
	nc.Close()
	emb.Shutdown()
	if err != nil {
		t.Fatal(err)
	}

	stderr, err := casefile(t, dir, "run", "--document-bytes", "store", in)
	if err != nil {
		t.Fatalf("resumed run: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "1 documents: 1 records, 0 dead-lettered") {
		t.Errorf("resumed run with --document-bytes store did not record the document left by reference:\n%s", stderr)
	}
}
