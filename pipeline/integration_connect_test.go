package pipeline_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"sync"
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
	if err := srv.Bus.MarkRecorded(ctx, a, 0); err != nil {
		t.Fatal(err)
	}
	refused := strings.Repeat("c", 64)
	if err := srv.Bus.DeadLetter(ctx, schemas.DeadLetter{ID: refused, Source: "empty.pdf", Stage: pipeline.StageIngest,
		Reason: schemas.ReasonIngestEmpty, Message: "file is empty"}, 0); err != nil {
		t.Fatal(err)
	}
	c, err := srv.Bus.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Ingested != 3 || c.Recorded != 1 || c.Dead != 1 || c.InProgress != 1 || len(c.Waiting) != 1 || c.Waiting[0] != b {
		t.Fatalf("counts %+v, want 3 = 1 recorded + 1 dead + 1 in progress (%s)", c, b)
	}
	if err := srv.Bus.MarkRecorded(ctx, b, 0); err != nil {
		t.Fatal(err)
	}
	if c, err = srv.Bus.Counts(ctx); err != nil || c.InProgress != 0 || c.Ingested != 3 {
		t.Fatalf("after recording it: %+v, %v", c, err)
	}
}

// TestConnectLogsStateChanges: a client whose server goes away and comes
// back on the same address logs one line for each change, and dials again
// by itself.
func TestConnectLogsStateChanges(t *testing.T) {
	opts := &server.Options{Host: "127.0.0.1", Port: -1, NoLog: true, NoSigs: true}
	srv, err := server.NewServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("server not ready")
	}
	port := srv.Addr().(*net.TCPAddr).Port

	var mu sync.Mutex
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&lockedWriter{mu: &mu, w: &logs}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	nc, err := pipeline.Connect(pipeline.ClientConfig{URL: srv.ClientURL(), Log: log})
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()

	srv.Shutdown()
	srv.WaitForShutdown()
	waitFor(t, func() bool { return !nc.IsConnected() })
	again, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: port, NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	again.Start()
	defer again.Shutdown()
	waitFor(t, nc.IsConnected)
	nc.Close()
	waitFor(t, func() bool {
		mu.Lock()
		defer mu.Unlock()
		return strings.Contains(logs.String(), "NATS connection closed")
	})

	mu.Lock()
	defer mu.Unlock()
	got := logs.String()
	for _, want := range []string{"NATS disconnected; reconnecting", "NATS reconnected", "NATS connection closed"} {
		if n := strings.Count(got, want); n != 1 {
			t.Errorf("%q logged %d times, want once:\n%s", want, n, got)
		}
	}
}

func TestReconnectDelay(t *testing.T) {
	for _, tt := range []struct {
		attempts int
		min, max time.Duration
	}{
		{0, 250 * time.Millisecond, 313 * time.Millisecond},
		{1, 500 * time.Millisecond, 625 * time.Millisecond},
		{4, 4 * time.Second, 5 * time.Second},
		{5, 8 * time.Second, 10 * time.Second},
		{1000, 8 * time.Second, 10 * time.Second},
	} {
		for range 20 {
			if d := pipeline.ReconnectDelay(tt.attempts); d < tt.min || d > tt.max {
				t.Errorf("ReconnectDelay(%d) = %s, want within [%s, %s]", tt.attempts, d, tt.min, tt.max)
			}
		}
	}
}

// lockedWriter serializes writes from the client's callback goroutine.
type lockedWriter struct {
	mu *sync.Mutex
	w  *bytes.Buffer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
