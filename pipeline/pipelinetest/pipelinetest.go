// Package pipelinetest runs a real in-process nats-server with JetStream
// for tests, as net/http/httptest runs a real HTTP server.
package pipelinetest

import (
	"context"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/casefile/casefile/pipeline"
)

// Server is a test JetStream server and a client connected to it.
type Server struct {
	Embedded *pipeline.Embedded
	Conn     *nats.Conn
	JS       jetstream.JetStream
	Bus      *pipeline.Bus
}

// RunServer starts an embedded server with its store in t.TempDir(), opens
// casefile's topology on it, and stops both when the test ends.
func RunServer(t testing.TB) *Server {
	t.Helper()
	emb, err := pipeline.StartEmbedded(pipeline.EmbeddedConfig{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(emb.Shutdown)
	nc, err := emb.Connect()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	bus, err := pipeline.Open(context.Background(), js, pipeline.TopologyConfig{})
	if err != nil {
		t.Fatal(err)
	}
	return &Server{Embedded: emb, Conn: nc, JS: js, Bus: bus}
}
