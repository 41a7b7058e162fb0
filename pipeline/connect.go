package pipeline

import (
	"fmt"
	"log/slog"
	"net"
	"strconv"

	"github.com/nats-io/nats.go"
)

// ClientConfig says how to reach an external NATS server.
type ClientConfig struct {
	URL string
	// CredsFile is a NATS credentials file (JWT and NKey seed).
	CredsFile string
	// User and Password, or Token, for servers configured with them.
	User     string
	Password Secret
	Token    Secret
	// TLS: a CA bundle to trust, and a client certificate and key for mutual TLS.
	CAFile, CertFile, KeyFile string
}

// Secret is a string that never appears in logs.
type Secret string

// LogValue implements slog.LogValuer.
func (s Secret) LogValue() slog.Value {
	if s == "" {
		return slog.StringValue("")
	}
	return slog.StringValue("REDACTED")
}

// String keeps secrets out of fmt output too.
func (s Secret) String() string { return s.LogValue().String() }

// Connect dials the server described by cfg.
func Connect(cfg ClientConfig, opts ...nats.Option) (*nats.Conn, error) {
	o := []nats.Option{nats.Name("casefile"), nats.MaxReconnects(-1)}
	if cfg.CredsFile != "" {
		o = append(o, nats.UserCredentials(cfg.CredsFile))
	}
	if cfg.User != "" {
		o = append(o, nats.UserInfo(cfg.User, string(cfg.Password)))
	}
	if cfg.Token != "" {
		o = append(o, nats.Token(string(cfg.Token)))
	}
	if cfg.CAFile != "" {
		o = append(o, nats.RootCAs(cfg.CAFile))
	}
	if cfg.CertFile != "" || cfg.KeyFile != "" {
		o = append(o, nats.ClientCert(cfg.CertFile, cfg.KeyFile))
	}
	nc, err := nats.Connect(cfg.URL, append(o, opts...)...)
	if err != nil {
		return nil, fmt.Errorf("pipeline: connect %s: %w", redactURL(cfg.URL), err)
	}
	return nc, nil
}

// redactURL drops any user info from a server URL before it is printed.
func redactURL(u string) string {
	for i := 0; i+2 < len(u); i++ {
		if u[i:i+3] == "://" {
			rest := u[i+3:]
			for j := 0; j < len(rest) && rest[j] != '/'; j++ {
				if rest[j] == '@' {
					return u[:i+3] + "REDACTED@" + rest[j+1:]
				}
			}
			break
		}
	}
	return u
}

func splitHostPort(addr string) (string, int, error) {
	host, p, err := net.SplitHostPort(addr)
	if err != nil {
		return "", 0, fmt.Errorf("pipeline: listen address %q: %w", addr, err)
	}
	port, err := strconv.Atoi(p)
	if err != nil {
		return "", 0, fmt.Errorf("pipeline: listen port %q: %w", p, err)
	}
	return host, port, nil
}
