package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/casefile/casefile/annotate"
	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/workers"
)

type runCmd struct {
	Paths    []string `arg:"" name:"path" help:"PDF or text files, or folders to walk for *.pdf and *.txt."`
	Sinks    []string `name:"sink" default:"sqlite:casefile.db" placeholder:"SPEC" help:"Where records go: sqlite:FILE, postgres://…, jsonl:FILE, or - for stdout. Repeat for several stores."`
	DLQ      string   `name:"dlq" placeholder:"jsonl:FILE" help:"Also write dead letters (documents that could not be processed, and why) to FILE."`
	Progress string   `name:"progress" enum:"auto,bar,log,off" default:"auto" help:"Progress display: a bar on a terminal, periodic log lines otherwise (auto), or off."`
	Bytes    string   `name:"document-bytes" enum:"auto,file,store" default:"auto" help:"Where the extract stage reads documents: file (left where they are, read by path and checked against their hash: nothing is copied; every extract worker must see the files), store (copied into NATS's object store, readable by a worker on any machine), or auto: file when this process runs every extract worker (no --nats or --listen), else store."`
	natsFlags
	stageFlags
	metricsFlags

	// submit, when set, puts the documents in instead of walking Paths
	// (dlq replay); total is how many it will emit, for the progress bar.
	submit submitFunc
	total  int
	// timing, when set, times every stage's handler (casefile bench).
	timing *stageTimer
	// replayHint is what the breaker's advice adds to dlq replay: the
	// folders to read again when the documents' bytes were not stored.
	replayHint string
}

// submitFunc puts documents into the pipeline, calling emit for each.
type submitFunc func(ctx context.Context, bus *pipeline.Bus, emit func(workers.Submitted) error) error

// filesSubmitter ingests the files under paths as the walk finds them,
// storing their bytes unless byReference.
func filesSubmitter(paths []string, maxBytes int64, byReference bool) submitFunc {
	return func(ctx context.Context, bus *pipeline.Bus, emit func(workers.Submitted) error) error {
		in := &workers.Ingester{Bus: bus, MaxBytes: maxBytes, ByReference: byReference}
		return workers.Walk(ctx, paths, func(f string) error {
			s, err := in.Submit(ctx, f)
			if err != nil {
				return fmt.Errorf("ingest %s: %w", f, err)
			}
			return emit(s)
		})
	}
}

// summary counts what became of a run's documents.
type summary struct {
	docs          int
	records, dead int
	alreadyDone   int
	elapsed       time.Duration
}

func (s summary) String() string {
	msg := fmt.Sprintf("%d documents: %d records, %d dead-lettered, in %.1f s", s.docs, s.records, s.dead, s.elapsed.Seconds())
	if s.alreadyDone > 0 {
		msg += fmt.Sprintf(" (%d were done by an earlier run)", s.alreadyDone)
	}
	return msg
}

// byReference reports whether the run leaves documents in their files.
// A dump of 20,000 PDFs copied into the object store is a second copy of
// the dump on disk, and a write and a read of every byte through the
// server, for workers that sit in this very process and see the files.
// Workers that may join from elsewhere (--nats, --listen) may not see
// them, so auto stores the bytes there.
func (c *runCmd) byReference() bool {
	switch c.Bytes {
	case "file":
		return true
	case "store":
		return false
	}
	return c.NATS == "" && c.Listen == ""
}

func (c *runCmd) Run(ctx context.Context, e *env) error {
	start := time.Now()
	c.limitMemory()
	dlqPath, err := parseDLQ(c.DLQ)
	if err != nil {
		return err
	}
	if c.submit == nil {
		// The count is only the progress bar's total; the files are
		// walked again as they are submitted, never held as a list.
		n, err := workers.Count(ctx, c.Paths)
		if err != nil {
			return err
		}
		// This process's extract workers read documents by reference
		// under the run's paths even when this run stores their bytes:
		// a stopped run by reference left such messages in the queue.
		c.sourceRoots = c.Paths
		byRef := c.byReference()
		if byRef {
			c.replayHint = " --read-sources " + strings.Join(shellQuoted(c.Paths), " --read-sources ")
		}
		c.submit, c.total = filesSubmitter(c.Paths, c.MaxBytes, byRef), n
	}
	models, err := annotate.LoadModels()
	if err != nil {
		return err
	}
	bus, closeBus, err := c.connect(ctx, e.log)
	if err != nil {
		return err
	}
	defer closeBus()

	stages, closeChildren, err := c.processingStages(bus, models, e.log)
	if err != nil {
		return err
	}
	defer closeChildren()
	var waitFor []*pipeline.Stage // consumers that must drain before we stop
	stageCtx, stopStages := context.WithCancel(context.WithoutCancel(ctx))
	defer stopStages()
	// Sink writers outlive the stages, so that deliveries finishing during
	// a stop are still written.
	sinkCtx, stopSinks := context.WithCancel(context.WithoutCancel(ctx))
	defer stopSinks()
	for _, spec := range c.Sinks {
		sts, s, err := sinkStages(sinkCtx, bus, spec, &c.stageFlags, e)
		if err != nil {
			return err
		}
		defer s.Close(context.Background())
		stages = append(stages, sts...)
		waitFor = append(waitFor, sts...)
	}
	if dlqPath != "" {
		st, s, err := dlqStage(sinkCtx, bus, dlqPath, &c.stageFlags, e)
		if err != nil {
			return err
		}
		defer s.Close(context.Background())
		stages = append(stages, st)
		waitFor = append(waitFor, st)
	}

	var met *metrics
	if c.MetricsAddr != "" {
		met = newMetrics()
		met.watchBus(bus)
		met.instrument(stages)
		if err := met.serve(stageCtx, c.MetricsAddr, e.log); err != nil {
			return err
		}
	}
	if c.timing != nil {
		for _, st := range stages {
			st.Handler = c.timing.wrap(st.Name, st.Handler)
		}
	}

	// Stages run until the documents are settled or the run fails; a
	// Ctrl-C stops the submitting and waiting, then the stages.
	g, gctx := errgroup.WithContext(stageCtx)
	runStages(gctx, g, bus, stages)
	if met != nil {
		met.ready.Store(true)
	}
	work, cancelWork := context.WithCancel(ctx)
	defer cancelWork()
	go func() {
		<-gctx.Done() // a stage failed
		cancelWork()
	}()

	sum, err := c.process(work, e, bus)
	if err == nil {
		for _, st := range waitFor {
			if err = bus.Drained(work, st.Stream, st.Durable); err != nil {
				break
			}
		}
	}
	stopStages()
	stageErr := g.Wait()
	sum.elapsed = time.Since(start)
	switch {
	case stageErr != nil:
		return fmt.Errorf("pipeline failed: %w", stageErr)
	case err != nil && ctx.Err() != nil:
		return fmt.Errorf("interrupted: %d of %d documents finished; run the same command again to resume", sum.records+sum.dead, sum.docs)
	case err != nil:
		return err
	}
	fmt.Fprintln(e.stderr, sum)
	return nil
}

// process submits the documents and waits until every one has a record
// or a dead letter.
func (c *runCmd) process(ctx context.Context, e *env, bus *pipeline.Bus) (summary, error) {
	var sum summary
	ids := map[string]int{}      // id → the replay generation whose outcome is awaited
	earlier := map[string]bool{} // done by an earlier run: not this run's outcome
	prog := newProgress(c.Progress, e, c.total)
	defer prog.finish()

	// Submit and wait concurrently, so a large dump shows progress while
	// it is still being hashed and stored.
	g, gctx := errgroup.WithContext(ctx)
	submitted := make(chan workers.Submitted, 64)
	g.Go(func() error {
		defer close(submitted)
		return c.submit(gctx, bus, func(s workers.Submitted) error {
			select {
			case submitted <- s:
				return nil
			case <-gctx.Done():
				return gctx.Err()
			}
		})
	})
	g.Go(func() error {
		for s := range submitted {
			if _, ok := ids[s.ID]; ok {
				prog.dedup() // the same bytes under another name
				continue
			}
			ids[s.ID] = s.Generation
			if s.Done {
				sum.alreadyDone++
				earlier[s.ID] = true
			}
		}
		sum.docs = len(ids)
		prog.total(len(ids))
		brk := breaker{replayHint: c.replayHint}
		return bus.Wait(gctx, ids, func(id string, en pipeline.Entry) error {
			if en.State == pipeline.StateRecorded {
				sum.records++
			} else {
				sum.dead++
			}
			prog.done(sum.records, sum.dead)
			if earlier[id] {
				return nil
			}
			if err := brk.observe(en); err != nil {
				return withLastDeadLetter(gctx, bus, id, err)
			}
			return nil
		})
	})
	err := g.Wait()
	if sum.docs == 0 {
		sum.docs = len(ids)
	}
	return sum, err
}

// breaker is the run's circuit breaker over the ledger's outcomes: when
// most of the last documents are dead letters for one infrastructure
// reason (see pipeline.Breaker) the run stops with one clear error instead
// of dead-lettering the rest of the dump; documents not yet done wait in
// the pipeline for the next run.
type breaker struct {
	b pipeline.Breaker
	// replayHint follows the advice's dlq replay command (its
	// --read-sources).
	replayHint string
}

func (b *breaker) observe(en pipeline.Entry) error {
	var r schemas.Reason
	if en.State == pipeline.StateDead {
		r = en.Reason
	}
	var be *pipeline.BreakerError
	if errors.As(b.b.Observe(r), &be) {
		return fmt.Errorf("%w: %d of the last %d documents were dead-lettered as %s; fix what fails, run again, then `casefile dlq replay --reason %s%s`",
			errBreaker, be.Count, be.Window, be.Reason, be.Reason, b.replayHint)
	}
	return nil
}

// withLastDeadLetter adds to the breaker's error what the dead letter of
// document id says, so that the one error a user sees names the cause
// ("fork/exec …: no such file or directory"), not only its code.
func withLastDeadLetter(ctx context.Context, bus *pipeline.Bus, id string, err error) error {
	dls, _, derr := bus.DeadLetters(ctx)
	if derr != nil {
		return err
	}
	for i := len(dls) - 1; i >= 0; i-- {
		if dls[i].ID == id {
			msg := dls[i].Message
			if r := []rune(msg); len(r) > 300 {
				msg = string(r[:300]) + "…"
			}
			return fmt.Errorf("%w; the last, %q: %q", err, dls[i].Source, msg)
		}
	}
	return err
}

// shellQuoted returns paths as a POSIX shell reads each as one word.
func shellQuoted(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		if p != "" && strings.Trim(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:@%+=,-") == "" {
			out[i] = p
			continue
		}
		out[i] = "'" + strings.ReplaceAll(p, "'", `'\''`) + "'"
	}
	return out
}

// errBreaker is the circuit breaker's error.
var errBreaker = errors.New("stopped")

func parseDLQ(spec string) (string, error) {
	if spec == "" {
		return "", nil
	}
	path, ok := strings.CutPrefix(spec, "jsonl:")
	if !ok || path == "" {
		if scheme, _, url := strings.Cut(spec, "://"); url {
			spec = scheme + "://…" // the rest may hold a password
		}
		return "", fmt.Errorf("--dlq %q: want jsonl:FILE", spec)
	}
	return path, nil
}

type workerCmd struct {
	Stages      []string `name:"stage" default:"extract,annotate" enum:"extract,annotate,sink" help:"Stages to run: extract, annotate, sink (repeat or comma-separate)."`
	Sinks       []string `name:"sink" placeholder:"SPEC" help:"Record stores for the sink stage: sqlite:FILE, postgres://…, jsonl:FILE."`
	CPUProfile  string   `name:"cpuprofile" placeholder:"FILE" help:"Write a CPU profile of this worker process (not its extraction children), from its start to its stop, to FILE."`
	ReadSources []string `name:"read-sources" placeholder:"DIR" help:"Folders (or files) the extract stage may read documents ingested by reference from (ingest --by-reference); they must hold the same files at the same paths as where they were ingested."`
	natsFlags
	stageFlags
	metricsFlags
}

func (c *workerCmd) Run(ctx context.Context, e *env) error {
	c.limitMemory()
	c.sourceRoots = c.ReadSources
	if c.CPUProfile != "" {
		stop, err := startCPUProfile(c.CPUProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	var models *annotate.Models
	bus, closeBus, err := c.connect(ctx, e.log)
	if err != nil {
		return err
	}
	defer closeBus()
	var stages []*pipeline.Stage
	sinkCtx, stopSinks := context.WithCancel(context.WithoutCancel(ctx))
	defer stopSinks()
	for _, name := range c.Stages {
		switch name {
		case pipeline.StageExtract, pipeline.StageAnnotate:
			if models == nil {
				if models, err = annotate.LoadModels(); err != nil {
					return err
				}
				ps, closeChildren, err := c.processingStages(bus, models, e.log)
				if err != nil {
					return err
				}
				defer closeChildren()
				for _, st := range ps {
					if contains(c.Stages, st.Name) {
						stages = append(stages, st)
					}
				}
			}
		case pipeline.StageSink:
			if len(c.Sinks) == 0 {
				return errors.New("--stage sink needs at least one --sink")
			}
			for _, spec := range c.Sinks {
				sts, s, err := sinkStages(sinkCtx, bus, spec, &c.stageFlags, e)
				if err != nil {
					return err
				}
				defer s.Close(context.Background())
				stages = append(stages, sts...)
			}
		}
	}
	var met *metrics
	if c.MetricsAddr != "" {
		met = newMetrics()
		met.watchBus(bus)
		met.instrument(stages)
		if err := met.serve(ctx, c.MetricsAddr, e.log); err != nil {
			return err
		}
	}
	e.log.Info("worker started", "stages", c.Stages)
	g, gctx := errgroup.WithContext(ctx)
	runStages(gctx, g, bus, stages)
	if met != nil {
		met.ready.Store(true)
	}
	err = g.Wait()
	e.log.Info("worker stopped")
	return err
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
