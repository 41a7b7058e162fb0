package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"golang.org/x/sys/unix"
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
	srv  *server.Server
	lock *os.File // held on DataDir while the server runs
}

// ErrDataDirInUse is returned when another process's embedded server holds
// the data directory: two servers on one store corrupt it.
var ErrDataDirInUse = errors.New("pipeline: data directory in use by another casefile")

// lockDataDir takes an exclusive lock on dir (creating it), held until the
// returned file is closed; the kernel releases it when the process dies,
// so a killed run never leaves a stale lock.
func lockDataDir(dir string) (*os.File, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("pipeline: data directory: %w", err)
	}
	f, err := os.OpenFile(filepath.Join(dir, "casefile.lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("pipeline: data directory lock: %w", err)
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil, fmt.Errorf("%w: %s (stop it, or join it: start it with --listen and run this one with --nats)", ErrDataDirInUse, dir)
		}
		return nil, fmt.Errorf("pipeline: data directory lock: %w", err)
	}
	return f, nil
}

// StartEmbedded starts nats-server in this process and waits until it
// accepts connections. It locks DataDir first, and fails with
// ErrDataDirInUse when another process holds it.
func StartEmbedded(cfg EmbeddedConfig) (*Embedded, error) {
	lock, err := lockDataDir(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	e, err := startEmbedded(cfg)
	if err != nil {
		lock.Close()
		return nil, err
	}
	e.lock = lock
	return e, nil
}

func startEmbedded(cfg EmbeddedConfig) (*Embedded, error) {
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

// Shutdown stops the server, waits for it to flush its stores, and
// releases the data directory.
func (e *Embedded) Shutdown() {
	e.srv.Shutdown()
	e.srv.WaitForShutdown()
	if e.lock != nil {
		e.lock.Close()
	}
}
