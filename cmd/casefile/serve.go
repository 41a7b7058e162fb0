package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/casefile/casefile/readingroom"
)

// serveCmd serves the reading room: read-only web pages over a store.
type serveCmd struct {
	DB         string        `name:"db" default:"sqlite:casefile.db" placeholder:"SPEC" help:"The store to read: sqlite:FILE or postgres://… (opened read-only)."`
	Addr       string        `name:"addr" default:"127.0.0.1:8080" placeholder:"HOST:PORT" help:"Address to listen on; the default is reachable from this machine only."`
	SourceRoot string        `name:"source-root" placeholder:"DIR" help:"Folder relative source paths are read from for the original PDFs (default: the current folder)."`
	Timeout    time.Duration `name:"timeout" default:"10s" help:"Time limit of one request's store queries."`
}

func (c *serveCmd) Run(ctx context.Context, e *env) error {
	st, err := readingroom.Open(ctx, c.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	if !st.HasIdentity() {
		// serve never migrates: a sink opening the store for writing does.
		e.log.Warn("the store has no who-is-who tables: entity pages go by normalized name until a casefile run writes to it", "store", st.String())
	}
	h, err := readingroom.NewServer(st, readingroom.Options{Logger: e.log, Timeout: c.Timeout, SourceRoot: c.SourceRoot})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", c.Addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	if host, _, err := net.SplitHostPort(c.Addr); err == nil {
		if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
			e.log.Warn("the reading room is reachable from other machines: it has no login", "addr", c.Addr)
		}
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      c.Timeout + 30*time.Second, // a large original PDF takes a while
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	fmt.Fprintf(e.stdout, "casefile reading room on http://%s/ over %s (Ctrl-C stops)\n", ln.Addr(), st)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
