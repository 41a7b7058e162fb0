package pipeline

import (
	"fmt"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// EmbeddedConfig configures an in-process NATS server.
type EmbeddedConfig struct {
	// DataDir is where JetStream keeps its streams; it survives restarts,
	// which is what makes a run resumable.
	DataDir string
	// Listen, when set (host:port), also serves clients on that address, so
	// other casefile workers can join. Empty means in-process only.
	Listen string
	// MaxPayload bounds one message. If zero, 8 MiB.
	MaxPayload int32
}

// Embedded is a running in-process NATS server with JetStream.
type Embedded struct {
	srv *server.Server
}

// StartEmbedded starts nats-server in this process and waits until it
// accepts connections.
func StartEmbedded(cfg EmbeddedConfig) (*Embedded, error) {
	opts := &server.Options{
		ServerName: "casefile",
		JetStream:  true,
		StoreDir:   cfg.DataDir,
		NoSigs:     true,
		NoLog:      true,
		MaxPayload: cfg.MaxPayload,
		DontListen: cfg.Listen == "",
	}
	if opts.MaxPayload == 0 {
		opts.MaxPayload = 8 << 20
	}
	if cfg.Listen != "" {
		host, port, err := splitHostPort(cfg.Listen)
		if err != nil {
			return nil, err
		}
		opts.Host, opts.Port = host, port
	}
	srv, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("pipeline: embedded server: %w", err)
	}
	srv.Start()
	if !srv.ReadyForConnections(30 * time.Second) {
		srv.Shutdown()
		return nil, fmt.Errorf("pipeline: embedded server not ready after 30s")
	}
	return &Embedded{srv: srv}, nil
}

// Connect returns a client connection to the embedded server that bypasses
// the network.
func (e *Embedded) Connect(opts ...nats.Option) (*nats.Conn, error) {
	opts = append([]nats.Option{nats.InProcessServer(e.srv), nats.Name("casefile")}, opts...)
	nc, err := nats.Connect(e.srv.ClientURL(), opts...)
	if err != nil {
		return nil, fmt.Errorf("pipeline: connect embedded: %w", err)
	}
	return nc, nil
}

// ClientURL is the address other processes can connect to when Listen was set.
func (e *Embedded) ClientURL() string { return e.srv.ClientURL() }

// Shutdown stops the server and waits for it to flush its stores.
func (e *Embedded) Shutdown() {
	e.srv.Shutdown()
	e.srv.WaitForShutdown()
}
