package pipeline_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/pipeline/pipelinetest"
	"github.com/casefile/casefile/schemas"
)

// TestConnectWithToken dials a real nats-server on loopback that requires a
// token, and checks that the token never shows in errors or logs.
func TestConnectWithToken(t *testing.T) {
	const token = "s3cret-token-value"
	srv, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, Authorization: token, NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	srv.Start()
	defer srv.Shutdown()
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("server not ready")
	}
	url := srv.ClientURL()

	nc, err := pipeline.Connect(pipeline.ClientConfig{URL: url, Token: token})
	if err != nil {
		t.Fatalf("Connect with the right token: %v", err)
	}
	nc.Close()

	_, err = pipeline.Connect(pipeline.ClientConfig{URL: url, Token: "wrong-" + token})
	if err == nil {
		t.Fatal("Connect with a wrong token succeeded")
	}
	if strings.Contains(err.Error(), token) {
		t.Errorf("error leaks the token: %v", err)
	}

	var logs bytes.Buffer
	slog.New(slog.NewTextHandler(&logs, nil)).Info("config", "token", pipeline.Secret(token))
	if strings.Contains(logs.String(), token) || strings.Contains(fmt.Sprint(pipeline.Secret(token)), token) {
		t.Errorf("secret printed: %s", logs.String())
	}

	// User info in a URL is redacted from connection errors too.
	_, err = pipeline.Connect(pipeline.ClientConfig{URL: "nats://alice:hunter2@127.0.0.1:1"})
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("Connect error = %v, want an error without the password", err)
	}
}

// TestDataDirLocked: a second embedded server on a data directory in use
// is refused with ErrDataDirInUse (in another process, flock holds the
// same), and the directory is free again after Shutdown.
func TestDataDirLocked(t *testing.T) {
	dir := t.TempDir()
	first, err := pipeline.StartEmbedded(pipeline.EmbeddedConfig{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.StartEmbedded(pipeline.EmbeddedConfig{DataDir: dir}); !errors.Is(err, pipeline.ErrDataDirInUse) {
		t.Fatalf("second server on one data directory: %v, want ErrDataDirInUse", err)
	}
	first.Shutdown()
	again, err := pipeline.StartEmbedded(pipeline.EmbeddedConfig{DataDir: dir})
	if err != nil {
		t.Fatalf("after Shutdown: %v", err)
	}
	again.Shutdown()
}

// TestCountsBalance: a stored document with no outcome is in progress, and
// named, until the ledger records it; ingest's refusals count as taken in.
func TestCountsBalance(t *testing.T) {
	srv := pipelinetest.RunServer(t)
	ctx := context.Background()
	a, b := strings.Repeat("a", 64), strings.Repeat("b", 64)
	for _, id := range []string{a, b} {
		if _, err := srv.Bus.PutDocument(ctx, id, strings.NewReader("%PDF-1.4")); err != nil {
			t.Fatal(err)
		}
	}
	if err := srv.Bus.MarkRecorded(ctx, a); err != nil {
		t.Fatal(err)
	}
	refused := strings.Repeat("c", 64)
	if err := srv.Bus.DeadLetter(ctx, schemas.DeadLetter{ID: refused, Source: "empty.pdf", Stage: pipeline.StageIngest,
		Reason: schemas.ReasonIngestEmpty, Message: "file is empty"}); err != nil {
		t.Fatal(err)
	}
	c, err := srv.Bus.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Ingested != 3 || c.Recorded != 1 || c.Dead != 1 || c.InProgress != 1 || len(c.Waiting) != 1 || c.Waiting[0] != b {
		t.Fatalf("counts %+v, want 3 = 1 recorded + 1 dead + 1 in progress (%s)", c, b)
	}
	if err := srv.Bus.MarkRecorded(ctx, b); err != nil {
		t.Fatal(err)
	}
	if c, err = srv.Bus.Counts(ctx); err != nil || c.InProgress != 0 || c.Ingested != 3 {
		t.Fatalf("after recording it: %+v, %v", c, err)
	}
}
