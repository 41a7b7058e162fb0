package pipeline_test

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/pipeline/pipelinetest"
)

// countRequests counts the JetStream API requests nc itself sends on
// subject (a wildcard), as the server sees them: a client receives its
// own messages.
func countRequests(t *testing.T, nc *nats.Conn, subject string) *atomic.Int64 {
	t.Helper()
	var n atomic.Int64
	sub, err := nc.Subscribe(subject, func(*nats.Msg) { n.Add(1) })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sub.Unsubscribe() })
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	return &n
}

// TestOpenUnchangedIsRead: Open on a topology that is already as asked
// only reads it; a changed setting is one update of each stream it
// concerns. (A stream update is answered by the stream's leader alone,
// so an Open that updates hangs while a stream elects one.)
func TestOpenUnchangedIsRead(t *testing.T) {
	srv := pipelinetest.RunServer(t) // opens the topology once
	ctx := context.Background()
	tests := []struct {
		name        string
		cfg         pipeline.TopologyConfig
		wantChanges int64
	}{
		{"unchanged", pipeline.TopologyConfig{}, 0},
		{"unchanged again", pipeline.TopologyConfig{Replicas: 1}, 0},
		{"new dedup window", pipeline.TopologyConfig{DedupWindow: time.Minute}, 3},
		{"same new dedup window", pipeline.TopologyConfig{DedupWindow: time.Minute}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			changes := countRequests(t, srv.Conn, "$JS.API.STREAM.UPDATE.>")
			creates := countRequests(t, srv.Conn, "$JS.API.STREAM.CREATE.>")
			bus, err := pipeline.Open(ctx, srv.JS, tt.cfg)
			if err != nil {
				t.Fatalf("Open(%+v): %v", tt.cfg, err)
			}
			if err := srv.Conn.Flush(); err != nil {
				t.Fatal(err)
			}
			if got := changes.Load() + creates.Load(); got != tt.wantChanges {
				t.Errorf("Open(%+v) sent %d stream updates or creates, want %d", tt.cfg, got, tt.wantChanges)
			}
			// The handles work: a ledger read answers.
			if _, _, err := bus.State(ctx, "no-such-document"); err != nil {
				t.Errorf("State after Open: %v", err)
			}
		})
	}
}

// TestOpenAfterStreamLeaderLoss: a process that opens the topology right
// after the server leading the documents stream died (a worker restarted
// by its supervisor, casefile status) gets it once the stream has a new
// leader, well within a worker's patience.
func TestOpenAfterStreamLeaderLoss(t *testing.T) {
	if testing.Short() {
		t.Skip("forms a three-server cluster")
	}
	servers := startCluster(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	js := clusterClient(t, servers...)
	waitMetaLeader(ctx, t, js)
	if _, err := pipeline.Open(ctx, js, pipeline.TopologyConfig{Replicas: 3}); err != nil {
		t.Fatalf("Open(replicas 3): %v", err)
	}
	s, err := js.Stream(ctx, pipeline.StreamDocs)
	if err != nil {
		t.Fatal(err)
	}
	leader := s.CachedInfo().Cluster.Leader
	rest := stopLeader(t, servers, leader, "stream")

	start := time.Now()
	js2 := clusterClient(t, rest...)
	bus, err := pipeline.Open(ctx, js2, pipeline.TopologyConfig{Replicas: 3})
	if err != nil {
		t.Fatalf("Open(replicas 3) %s after the stream leader %s stopped: %v", time.Since(start).Round(time.Millisecond), leader, err)
	}
	t.Logf("Open after the stream leader %s stopped: %s", leader, time.Since(start).Round(time.Millisecond))
	// And the stream takes documents again.
	if err := bus.Publish(ctx, pipeline.SubjectIngested, pipeline.Meta{ID: "after-failover"}, map[string]string{"id": "after-failover"}); err != nil {
		t.Errorf("Publish after failover: %v", err)
	}
}

// clusterClient connects to the servers' client URLs and returns a
// JetStream handle, closed when the test ends.
func clusterClient(t *testing.T, servers ...*server.Server) jetstream.JetStream {
	t.Helper()
	var urls []string
	for _, s := range servers {
		urls = append(urls, s.ClientURL())
	}
	nc, err := nats.Connect(strings.Join(urls, ","), nats.MaxReconnects(-1), nats.ReconnectWait(100*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	return js
}

// TestPublishLostAcknowledgement: a publish whose acknowledgement never
// comes (the server that took it died) is sent again under the same
// message id, and the second acknowledgement ends it, instead of the
// first being waited for until the stage's time limit. The stream here is
// a subscriber that drops the first request and acknowledges the next,
// as JetStream does.
func TestPublishLostAcknowledgement(t *testing.T) {
	if testing.Short() {
		t.Skip("waits out one lost acknowledgement")
	}
	srv := pipelinetest.RunServer(t)
	const subject = "casefile.test.lost"
	var ids []string
	var mu sync.Mutex
	sub, err := srv.Conn.Subscribe(subject, func(m *nats.Msg) {
		mu.Lock()
		ids = append(ids, m.Header.Get(jetstream.MsgIDHeader))
		first := len(ids) == 1
		mu.Unlock()
		if !first {
			m.Respond([]byte(`{"stream":"TEST","seq":1}`))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe()

	start := time.Now()
	err = srv.Bus.PublishJSON(context.Background(), subject, pipeline.Meta{ID: "doc-1"}, []byte(`{}`))
	took := time.Since(start)
	if err != nil {
		t.Fatalf("PublishJSON with its first acknowledgement lost = %v after %s, want nil", err, took)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(ids) != 2 || ids[0] == "" || ids[0] != ids[1] {
		t.Errorf("requests' message ids %q, want the same one twice", ids)
	}
	t.Logf("published in %s, one acknowledgement lost", took.Round(time.Millisecond))
}

// TestConsumerAfterConsumerLeaderLoss: a worker (re)started right after
// the server leading its stage's consumer died gets the consumer once it
// has a new leader, instead of its one request waiting out the caller's
// deadline.
func TestConsumerAfterConsumerLeaderLoss(t *testing.T) {
	if testing.Short() {
		t.Skip("forms a three-server cluster")
	}
	servers := startCluster(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	js := clusterClient(t, servers...)
	waitMetaLeader(ctx, t, js)
	bus, err := pipeline.Open(ctx, js, pipeline.TopologyConfig{Replicas: 3})
	if err != nil {
		t.Fatalf("Open(replicas 3): %v", err)
	}
	stage := func() *pipeline.Stage {
		return &pipeline.Stage{Name: pipeline.StageExtract, Stream: pipeline.StreamDocs, FilterSubject: pipeline.SubjectIngested}
	}
	cons, err := stage().Consumer(ctx, bus)
	if err != nil {
		t.Fatalf("Consumer: %v", err)
	}
	info, err := cons.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	leader := info.Cluster.Leader
	rest := stopLeader(t, servers, leader, "consumer")

	start := time.Now()
	bus2, err := pipeline.Open(ctx, clusterClient(t, rest...), pipeline.TopologyConfig{Replicas: 3})
	if err != nil {
		t.Fatalf("Open after the consumer leader %s stopped: %v", leader, err)
	}
	if _, err := stage().Consumer(ctx, bus2); err != nil {
		t.Fatalf("Consumer %s after the consumer leader %s stopped: %v", time.Since(start).Round(time.Millisecond), leader, err)
	}
	t.Logf("Open and Consumer after the consumer leader %s stopped: %s", leader, time.Since(start).Round(time.Millisecond))
}

// stopLeader shuts down the server named leader (what leads: "stream",
// "consumer") and returns the two others.
func stopLeader(t *testing.T, servers []*server.Server, leader, what string) []*server.Server {
	t.Helper()
	var rest []*server.Server
	for _, srv := range servers {
		if srv.Name() == leader {
			srv.Shutdown()
			srv.WaitForShutdown()
			continue
		}
		rest = append(rest, srv)
	}
	if len(rest) != len(servers)-1 {
		t.Fatalf("%s leader %q is none of the servers", what, leader)
	}
	return rest
}
