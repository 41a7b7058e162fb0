package pipeline_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/casefile/casefile/pipeline"
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
