package pipeline

import (
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

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
	// Log, if not nil, gets one line per change of the connection's state
	// (disconnected, reconnected, closed, servers discovered) and the
	// server's asynchronous errors; never a credential.
	Log *slog.Logger
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

// Connect dials the server described by cfg. A lost connection is dialled
// again for ever, across the servers it knows, with a backoff (see
// ReconnectDelay).
func Connect(cfg ClientConfig, opts ...nats.Option) (*nats.Conn, error) {
	o := []nats.Option{nats.Name("casefile"), nats.MaxReconnects(-1), nats.CustomReconnectDelay(ReconnectDelay)}
	if cfg.Log != nil {
		o = append(o, stateLogging(cfg.Log)...)
	}
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
		// A URL that does not parse comes back quoted whole in a *url.Error.
		if ue := (*url.Error)(nil); errors.As(err, &ue) {
			ue.URL = redactURL(ue.URL)
		}
		return nil, fmt.Errorf("pipeline: connect %s: %w", redactURL(cfg.URL), err)
	}
	return nc, nil
}

// ReconnectDelay is the wait after the attempts-th round of failed
// reconnections through the server list: 250 ms doubled each round up to
// 8 s, plus up to a quarter of it at random, so that many workers that
// lost one server do not all dial the next at the same instant.
func ReconnectDelay(attempts int) time.Duration {
	d := 8 * time.Second
	if attempts < 5 {
		d = 250 * time.Millisecond << attempts
	}
	return d + rand.N(d/4+1)
}

// stateLogging logs each change of a connection's state once: a worker
// that lost its server says so, and says when it is back.
func stateLogging(log *slog.Logger) []nats.Option {
	return []nats.Option{
		nats.DisconnectErrHandler(func(nc *nats.Conn, err error) {
			if nc.IsClosed() {
				return // our own Close: the closed handler says so
			}
			log.Warn("NATS disconnected; reconnecting", "err", err)
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) {
			log.Info("NATS reconnected", "server", nc.ConnectedUrlRedacted())
		}),
		nats.ClosedHandler(func(nc *nats.Conn) {
			if err := nc.LastError(); err != nil {
				log.Warn("NATS connection closed", "err", err)
				return
			}
			log.Debug("NATS connection closed")
		}),
		nats.DiscoveredServersHandler(func(nc *nats.Conn) {
			log.Info("NATS servers discovered", "servers", len(nc.Servers()))
		}),
		nats.ErrorHandler(func(_ *nats.Conn, sub *nats.Subscription, err error) {
			if sub != nil {
				log.Warn("NATS error", "subject", sub.Subject, "err", err)
				return
			}
			log.Warn("NATS error", "err", err)
		}),
	}
}

// redactURL drops any user info from each URL of a server list
// ("nats://a:4222,nats://u:p@b:4222", as nats.Connect takes) before it is
// printed.
func redactURL(u string) string {
	urls := strings.Split(u, ",")
	for k, one := range urls {
		i := strings.Index(one, "://")
		if i < 0 {
			continue
		}
		host, _, _ := strings.Cut(one[i+3:], "/")
		if at := strings.LastIndexByte(host, '@'); at >= 0 {
			urls[k] = one[:i+3] + "REDACTED@" + one[i+3+at+1:]
		}
	}
	return strings.Join(urls, ",")
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
