package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/pipeline/pipelinetest"
)

// TestOpenReplicasSingleServer: a server outside any cluster holds one
// replica; asking for three is refused with ErrReplicas and a message that
// says why, before any stream is touched.
func TestOpenReplicasSingleServer(t *testing.T) {
	srv := pipelinetest.RunServer(t)
	ctx := context.Background()
	tests := []struct {
		replicas int
		wantErr  bool
	}{
		{0, false},
		{1, false},
		{2, true},
		{3, true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.replicas), func(t *testing.T) {
			_, err := pipeline.Open(ctx, srv.JS, pipeline.TopologyConfig{Replicas: tt.replicas})
			if (err != nil) != tt.wantErr {
				t.Fatalf("Open(replicas %d) = %v, want error %v", tt.replicas, err, tt.wantErr)
			}
			if err == nil {
				return
			}
			if !errors.Is(err, pipeline.ErrReplicas) {
				t.Errorf("Open(replicas %d) = %v, want ErrReplicas", tt.replicas, err)
			}
			for _, want := range []string{fmt.Sprintf("%d replicas", tt.replicas), "single server", "use 1 replica"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("Open(replicas %d) = %q, want it to say %q", tt.replicas, err, want)
				}
			}
		})
	}
	// The refused call changed nothing: the streams keep one replica.
	for _, name := range []string{pipeline.StreamDocs, pipeline.StreamRecords, pipeline.StreamDLQ} {
		s, err := srv.JS.Stream(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		if r := s.CachedInfo().Config.Replicas; r != 1 {
			t.Errorf("stream %s: %d replicas after a refused Open, want 1", name, r)
		}
	}
}

// TestOpenReplicasCluster runs three in-process servers as a JetStream
// cluster: three replicas are accepted, five are refused with the three
// servers named, and a count survives one server going down once the
// streams hold their replicas.
func TestOpenReplicasCluster(t *testing.T) {
	if testing.Short() {
		t.Skip("forms a three-server cluster")
	}
	servers := startCluster(t, 3)
	nc, err := nats.Connect(servers[0].ClientURL() + "," + servers[1].ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	waitMetaLeader(ctx, t, js)

	tests := []struct {
		replicas int
		wantErr  bool
	}{
		{1, false},
		{3, false},
		{4, true},
		{5, true},
	}
	for _, tt := range tests {
		err := pipeline.CheckReplicas(ctx, js, tt.replicas)
		if (err != nil) != tt.wantErr {
			t.Fatalf("CheckReplicas(%d) = %v, want error %v", tt.replicas, err, tt.wantErr)
		}
		if err == nil {
			continue
		}
		if !errors.Is(err, pipeline.ErrReplicas) {
			t.Errorf("CheckReplicas(%d) = %v, want ErrReplicas", tt.replicas, err)
		}
		for _, want := range []string{"reports 3 JetStream server(s)", "c-1, c-2, c-3", "at most 3"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("CheckReplicas(%d) = %q, want it to say %q", tt.replicas, err, want)
			}
		}
	}
	if _, err := pipeline.Open(ctx, js, pipeline.TopologyConfig{Replicas: 3, Memory: true}); err != nil {
		t.Fatalf("Open(replicas 3) on three servers: %v", err)
	}

	// One server down: the streams' peers still count it.
	servers[2].Shutdown()
	servers[2].WaitForShutdown()
	if err := pipeline.CheckReplicas(ctx, js, 3); err != nil {
		t.Errorf("CheckReplicas(3) with one of three servers down = %v, want nil", err)
	}
}

// startCluster starts n in-process JetStream servers routed to each other
// on loopback and stops them when the test ends.
func startCluster(t *testing.T, n int) []*server.Server {
	t.Helper()
	ports := make([]int, n)
	for i := range ports {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ports[i] = l.Addr().(*net.TCPAddr).Port
		l.Close()
	}
	var routes []string
	for _, p := range ports {
		routes = append(routes, fmt.Sprintf("nats://127.0.0.1:%d", p))
	}
	servers := make([]*server.Server, n)
	for i := range servers {
		opts := &server.Options{
			ServerName: fmt.Sprintf("c-%d", i+1),
			Host:       "127.0.0.1",
			Port:       -1,
			JetStream:  true,
			StoreDir:   t.TempDir(),
			NoSigs:     true,
			Cluster: server.ClusterOpts{
				Name: "casefile-test",
				Host: "127.0.0.1",
				Port: ports[i],
			},
			Routes: server.RoutesFromStr(strings.Join(routes, ",")),
		}
		s, err := server.NewServer(opts)
		if err != nil {
			t.Fatal(err)
		}
		if testing.Verbose() {
			s.ConfigureLogger()
		}
		s.Start()
		t.Cleanup(s.Shutdown)
		servers[i] = s
	}
	for _, s := range servers {
		if !s.ReadyForConnections(30 * time.Second) {
			t.Fatalf("server %s not ready", s.Name())
		}
	}
	return servers
}

// waitMetaLeader waits until the cluster answers JetStream requests, which
// it does once it has elected a meta leader.
func waitMetaLeader(ctx context.Context, t *testing.T, js jetstream.JetStream) {
	t.Helper()
	for {
		actx, cancel := context.WithTimeout(ctx, time.Second)
		_, err := js.AccountInfo(actx)
		cancel()
		if err == nil {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("the cluster elected no JetStream meta leader: %v", err)
		case <-time.After(100 * time.Millisecond):
		}
	}
}
