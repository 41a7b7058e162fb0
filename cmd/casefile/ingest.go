package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/casefile/casefile/workers"
)

// ingestCmd loads documents into a running pipeline and returns, or with
// --watch streams the files that appear in folders until stopped. The
// stages run elsewhere: `casefile worker` processes against the same NATS
// (or the same data directory, served with --listen).
type ingestCmd struct {
	Paths    []string      `arg:"" name:"path" help:"PDF or text files, or folders (walked for *.pdf and *.txt; watched with --watch)."`
	Watch    bool          `name:"watch" help:"Keep watching the folders and submit each new or changed file once it is complete (its size unchanged for --settle, or renamed into place)."`
	Settle   time.Duration `name:"settle" default:"2s" help:"How long a watched file must hold still before it is taken."`
	MaxBytes int64         `name:"max-bytes" default:"268435456" help:"Dead-letter documents larger than this many bytes."`
	ByRef    bool          `name:"by-reference" help:"Leave the files where they are instead of copying them into the object store: extract workers read them by path (they must see the same files, and be given the folders with worker --read-sources)."`
	natsFlags
}

func (c *ingestCmd) Run(ctx context.Context, e *env) error {
	bus, closeBus, err := c.connect(ctx, e.log)
	if err != nil {
		return err
	}
	defer closeBus()
	in := &workers.Ingester{Bus: bus, MaxBytes: c.MaxBytes, ByReference: c.ByRef}
	if c.Watch {
		return c.watch(ctx, e, in)
	}
	var submitted, done int
	err = workers.Walk(ctx, c.Paths, func(f string) error {
		s, err := in.Submit(ctx, f)
		if err != nil {
			return fmt.Errorf("ingest %s: %w", f, err)
		}
		if s.Done {
			done++
		} else {
			submitted++
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "%d documents submitted, %d already done\n", submitted, done)
	return nil
}

// watch runs a watcher per folder until ctx ends; an interrupt is the
// normal way to stop.
func (c *ingestCmd) watch(ctx context.Context, e *env, in *workers.Ingester) error {
	// The first failure stops every watcher, and all have stopped before
	// the caller closes the bus they submit to.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errs := make(chan error, len(c.Paths))
	for _, dir := range c.Paths {
		w := &workers.Watcher{Ingester: in, Settle: c.Settle, Log: e.log}
		go func() { errs <- w.Run(ctx, dir) }()
	}
	e.log.Info("watching", "folders", c.Paths)
	var first error
	for range c.Paths {
		if err := <-errs; err != nil && !errors.Is(err, context.Canceled) && first == nil {
			first = err
			cancel()
		}
	}
	return first
}
