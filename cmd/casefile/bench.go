package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"text/tabwriter"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/casefile/casefile/annotate"
	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/sinks"
	"github.com/casefile/casefile/workers"
)

// benchCmd measures the whole pipeline against the stages it is made of,
// in one run on one machine, so that its figures are ratios a noisy,
// shared machine still gives reliably: where the time goes, what NATS and
// isolation cost, and how far the pipeline is from the stages called
// directly.
type benchCmd struct {
	Paths      []string `arg:"" optional:"" name:"path" help:"Files or folders to make the dump from (default: testdata/pdfs)."`
	Docs       int      `name:"docs" default:"200" help:"Documents in the synthetic dump: copies of the sources made distinct."`
	JSON       bool     `name:"json" help:"Print the figures as one JSON object."`
	Keep       bool     `name:"keep" help:"Keep the dump, data directory and store (their folder is printed)."`
	CPUProfile string   `name:"cpuprofile" placeholder:"FILE" help:"Write a CPU profile of the pipeline run (this process, not its extraction children) to FILE."`
	MemProfile string   `name:"memprofile" placeholder:"FILE" help:"Write a heap profile of this process to FILE when the pipeline run ends."`
	DirectCPU  string   `name:"direct-cpuprofile" placeholder:"FILE" help:"Write a CPU profile of the direct run (the stages called in this process) to FILE."`
	Rounds     int      `name:"rounds" default:"1" help:"Runs of the pipeline and the direct path, alternating; figures are their medians (a shared machine's load swings)."`
	stageFlags
}

// benchReport is what casefile bench prints.
type benchReport struct {
	Docs       int  `json:"docs"`
	Sources    int  `json:"sources"`
	Pages      int  `json:"pages"`
	Tokens     int  `json:"tokens"`
	Workers    int  `json:"workers"`
	Isolated   bool `json:"isolated"`
	ChildDocs  int  `json:"child_docs"`
	Records    int  `json:"records"`
	DeadLetter int  `json:"dead_letters"`

	PipelineSeconds float64            `json:"pipeline_seconds"`
	DocsPerSec      float64            `json:"docs_per_second"`
	PagesPerSec     float64            `json:"pages_per_second"`
	TokensPerSec    float64            `json:"tokens_per_second"`
	PeakRSSMiB      float64            `json:"peak_rss_mib"`
	ChildRSSMiB     float64            `json:"peak_child_rss_mib"`
	StageSeconds    map[string]float64 `json:"stage_busy_seconds"` // handler time summed over workers
	StageShare      map[string]float64 `json:"stage_share"`        // of the summed handler time

	DirectSeconds      float64            `json:"direct_seconds"`
	DirectStageSeconds map[string]float64 `json:"direct_stage_seconds"`
	PipelineOverDirect float64            `json:"pipeline_over_direct"` // of seconds: its inverse is the documents/s ratio
	// The direct run again, extracting through the same pool of isolated
	// children as the pipeline (with --isolate): what NATS costs alone.
	DirectIsolatedSeconds      float64      `json:"direct_isolated_seconds,omitempty"`
	PipelineOverDirectIsolated float64      `json:"pipeline_over_direct_isolated,omitempty"`
	DirectIsolatedCPUSeconds   float64      `json:"direct_isolated_cpu_seconds,omitempty"`
	Rounds                     []benchRound `json:"rounds"`

	// CPU seconds (user + system) of this process and its children in
	// each run: what a busy machine's wall figures hide.
	PipelineCPUSeconds float64 `json:"pipeline_cpu_seconds"`
	DirectCPUSeconds   float64 `json:"direct_cpu_seconds"`

	IsolationSample   int     `json:"isolation_sample"`
	IsolationMsPerDoc float64 `json:"isolation_ms_per_doc"` // a new child per document, minus in process
	PooledMsPerDoc    float64 `json:"pooled_ms_per_doc"`    // long-lived children, minus in process
}

// benchRound is one pipeline run and one direct run, in the order
// DirectFirst says. Seconds are
// wall time; CPU seconds are user + system of this process and its
// children.
type benchRound struct {
	PipelineSeconds    float64 `json:"pipeline_seconds"`
	DirectSeconds      float64 `json:"direct_seconds"`
	PipelineOverDirect float64 `json:"pipeline_over_direct"`
	PipelineCPUSeconds float64 `json:"pipeline_cpu_seconds"`
	DirectCPUSeconds   float64 `json:"direct_cpu_seconds"`

	DirectIsolatedSeconds      float64 `json:"direct_isolated_seconds,omitempty"`
	PipelineOverDirectIsolated float64 `json:"pipeline_over_direct_isolated,omitempty"`
	DirectIsolatedCPUSeconds   float64 `json:"direct_isolated_cpu_seconds,omitempty"`
	// DirectFirst is true when the direct run went first in the round.
	DirectFirst bool `json:"direct_first,omitempty"`
}

// median of v, which it sorts.
func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	sort.Float64s(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

// pick is s in the first round and nothing after: profiles cover one.
func pick(first bool, s string) string {
	if first {
		return s
	}
	return ""
}

func (c *benchCmd) Run(ctx context.Context, e *env) error {
	if c.Docs <= 0 {
		return errors.New("--docs must be positive")
	}
	c.limitMemory() // the collector as casefile run sets it, for both paths
	paths := c.Paths
	if len(paths) == 0 {
		paths = []string{"testdata/pdfs"}
	}
	tmp, err := os.MkdirTemp("", "casefile-bench-")
	if err != nil {
		return err
	}
	if c.Keep {
		fmt.Fprintln(e.stderr, "bench files in", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	models, err := annotate.LoadModels()
	if err != nil {
		return err
	}
	sources, err := c.sources(ctx, paths)
	if err != nil {
		return err
	}
	dump := filepath.Join(tmp, "dump")
	files, err := writeBenchDump(dump, sources, c.Docs)
	if err != nil {
		return err
	}
	rep := &benchReport{Docs: len(files), Sources: len(sources), Workers: c.workers(), Isolated: c.Isolate, ChildDocs: c.ChildDocs}

	// Rounds alternate the pipeline and the direct run over the same dump,
	// so that a shared machine's swings (whole minutes of other work)
	// fall on both; the figures are the rounds' medians. The first round
	// runs the pipeline first: peak RSS is a high-water mark, read after
	// it, which no direct run has raised. Later rounds swap the order
	// each time, so that whatever the first of a pair leaves behind (a
	// warmer page cache, a grown heap) favours neither path.
	for round := range max(c.Rounds, 1) {
		first := round == 0
		dir := filepath.Join(tmp, fmt.Sprintf("round-%d", round))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		var r benchRound
		pipelineRun := func() error {
			timing := &stageTimer{}
			run := &runCmd{
				Paths: []string{dump}, Sinks: []string{"sqlite:" + filepath.Join(dir, "pipeline.db")}, Progress: "off",
				natsFlags: natsFlags{DataDir: filepath.Join(dir, "data"), Replicas: 1}, stageFlags: c.stageFlags, timing: timing,
			}
			quiet := *e
			var summaryOut bytes.Buffer
			quiet.stderr = &summaryOut
			stop, err := startCPUProfile(pick(first, c.CPUProfile))
			if err != nil {
				return err
			}
			start, cpu0 := time.Now(), cpuSeconds()
			err = run.Run(ctx, &quiet)
			stop()
			if err != nil {
				return fmt.Errorf("pipeline: %w", err)
			}
			r.PipelineSeconds, r.PipelineCPUSeconds = time.Since(start).Seconds(), cpuSeconds()-cpu0
			if first {
				rep.PeakRSSMiB, rep.ChildRSSMiB = peakRSS()
				if c.MemProfile != "" {
					if err := writeHeapProfile(c.MemProfile); err != nil {
						return err
					}
				}
				rep.StageSeconds, rep.StageShare = timing.busy()
			}
			return nil
		}
		directRun := func() error {
			stop, err := startCPUProfile(pick(first, c.DirectCPU))
			if err != nil {
				return err
			}
			cpu0 := cpuSeconds()
			direct, err := c.direct(ctx, files, models, filepath.Join(dir, "direct.db"), false)
			stop()
			if err != nil {
				return fmt.Errorf("direct: %w", err)
			}
			r.DirectSeconds, r.DirectCPUSeconds = direct.elapsed.Seconds(), cpuSeconds()-cpu0
			if c.Isolate {
				cpu0 = cpuSeconds()
				iso, err := c.direct(ctx, files, models, filepath.Join(dir, "direct-isolated.db"), true)
				if err != nil {
					return fmt.Errorf("direct, isolated: %w", err)
				}
				r.DirectIsolatedSeconds, r.DirectIsolatedCPUSeconds = iso.elapsed.Seconds(), cpuSeconds()-cpu0
			}
			if first {
				rep.Pages, rep.Tokens, rep.Records, rep.DeadLetter = direct.pages, direct.tokens, direct.records, direct.dead
				rep.DirectStageSeconds = direct.stages
			}
			return nil
		}
		order := []func() error{pipelineRun, directRun}
		if round%2 == 1 {
			order[0], order[1] = order[1], order[0]
			r.DirectFirst = true
		}
		for _, f := range order {
			if err := f(); err != nil {
				return err
			}
		}
		r.PipelineOverDirect = r.PipelineSeconds / r.DirectSeconds
		if c.Isolate {
			r.PipelineOverDirectIsolated = r.PipelineSeconds / r.DirectIsolatedSeconds
		}
		rep.Rounds = append(rep.Rounds, r)
		if !c.Keep {
			os.RemoveAll(dir) // a round's store and data directory: gigabytes at 20,000
		}
	}
	med := func(f func(benchRound) float64) float64 {
		v := make([]float64, len(rep.Rounds))
		for i, r := range rep.Rounds {
			v[i] = f(r)
		}
		return median(v)
	}
	rep.PipelineSeconds = med(func(r benchRound) float64 { return r.PipelineSeconds })
	rep.PipelineCPUSeconds = med(func(r benchRound) float64 { return r.PipelineCPUSeconds })
	rep.DirectSeconds = med(func(r benchRound) float64 { return r.DirectSeconds })
	rep.DirectCPUSeconds = med(func(r benchRound) float64 { return r.DirectCPUSeconds })
	rep.PipelineOverDirect = med(func(r benchRound) float64 { return r.PipelineOverDirect })
	if c.Isolate {
		rep.DirectIsolatedSeconds = med(func(r benchRound) float64 { return r.DirectIsolatedSeconds })
		rep.DirectIsolatedCPUSeconds = med(func(r benchRound) float64 { return r.DirectIsolatedCPUSeconds })
		rep.PipelineOverDirectIsolated = med(func(r benchRound) float64 { return r.PipelineOverDirectIsolated })
	}
	rep.DocsPerSec = float64(rep.Docs) / rep.PipelineSeconds
	rep.PagesPerSec = float64(rep.Pages) / rep.PipelineSeconds
	rep.TokensPerSec = float64(rep.Tokens) / rep.PipelineSeconds

	if c.Isolate {
		n, one, pooled, err := c.isolationCost(ctx, files)
		if err != nil {
			return fmt.Errorf("isolation: %w", err)
		}
		rep.IsolationSample, rep.IsolationMsPerDoc, rep.PooledMsPerDoc = n, one, pooled
	}
	if c.JSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return rep.write(e.stdout)
}

// startCPUProfile profiles this process's CPU into path until stop is
// called; with no path it does nothing.
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// sources reads the files under paths whose every page has a text layer,
// and their bytes: copies of documents that need OCR would measure
// tesseract, and of malformed ones would measure nothing.
func (c *benchCmd) sources(ctx context.Context, paths []string) ([]benchSource, error) {
	x := c.extractor() // as the run will read them: a page it would OCR rules a source out
	var out []benchSource
	err := workers.Walk(ctx, paths, func(name string) error {
		data, err := readBounded(name, c.MaxBytes)
		if err != nil {
			return nil
		}
		ex, err := x.Extract(ctx, name, bytes.NewReader(data), int64(len(data)))
		if err != nil || !hasText(ex) {
			return nil
		}
		out = append(out, benchSource{name: name, data: data, pdf: ex.ContentType == schemas.ContentPDF})
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no document with a text layer under %s", strings.Join(paths, ", "))
	}
	return out, nil
}

// hasText reports whether every page was read from its text layer, so
// that no page of the dump goes to OCR.
func hasText(ex *doctext.Extraction) bool {
	for _, p := range ex.Pages {
		if p.Method != schemas.MethodText || strings.TrimSpace(p.Text) == "" {
			return false
		}
	}
	return len(ex.Pages) > 0
}

type benchSource struct {
	name string
	data []byte
	pdf  bool
}

// writeBenchDump writes n documents into dir, cycling through sources; each copy
// is made distinct (its own id) by a comment after the PDF's end, which
// readers skip, or a line at the end of a text.
func writeBenchDump(dir string, sources []benchSource, n int) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	files := make([]string, 0, n)
	for i := range n {
		s := sources[i%len(sources)]
		tail := fmt.Sprintf("\n%%casefile-bench copy %d\n", i)
		if !s.pdf {
			tail = fmt.Sprintf("\n(copy %d)\n", i)
		}
		name := filepath.Join(dir, fmt.Sprintf("%05d-%s", i, filepath.Base(s.name)))
		if err := os.WriteFile(name, append(bytes.Clone(s.data), tail...), 0o644); err != nil {
			return nil, err
		}
		files = append(files, name)
	}
	return files, nil
}

// directResult is the same work done by the stages called in one process.
type directResult struct {
	elapsed                      time.Duration
	stages                       map[string]float64
	pages, tokens, records, dead int
}

// direct extracts (in this process, or with isolated through a pool of
// extraction children as the pipeline's extract stage does), annotates
// and encodes every document with as many goroutines as the pipeline has
// workers per stage, and writes the records to a fresh SQLite store in
// batches of 64 as they are made, as the sink stage does: the same work as
// the pipeline's, without NATS.
func (c *benchCmd) direct(ctx context.Context, files []string, models *annotate.Models, db string, isolated bool) (*directResult, error) {
	res := &directResult{stages: map[string]float64{}}
	var x workers.Extractor = c.extractor()
	if isolated {
		pool, closePool, err := c.isolatedExtractor()
		if err != nil {
			return nil, err
		}
		defer closePool() // before the caller reads the CPU its children used
		x = pool
	}
	a := annotate.NewAnnotator(models)
	var (
		extract atomic.Int64
		annot   atomic.Int64
		pages   atomic.Int64
		tokens  atomic.Int64
		dead    atomic.Int64
	)
	s, err := sinks.Open(ctx, "sqlite:"+db, sinks.Options{Version: version})
	if err != nil {
		return nil, err
	}
	closed := false
	defer func() {
		if !closed {
			s.Close(ctx)
		}
	}()
	start := time.Now()
	g, gctx := errgroup.WithContext(ctx)
	// Records go to the store in batches of 64 as they are made, as the
	// sink stage takes them: holding the dump's records until the end
	// grew the heap with N (gigabytes at 20,000).
	recs := make(chan *schemas.Record, 64)
	var sinkTime time.Duration
	g.Go(func() error {
		batch := make([]schemas.Record, 0, 64)
		flush := func() error {
			if len(batch) == 0 {
				return nil
			}
			t := time.Now()
			err := s.Write(gctx, batch...)
			sinkTime += time.Since(t)
			res.records += len(batch)
			batch = batch[:0]
			return err
		}
		for r := range recs {
			batch = append(batch, *r)
			if len(batch) == cap(batch) {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		return flush()
	})
	work, wctx := errgroup.WithContext(gctx)
	work.SetLimit(c.workers())
	for _, name := range files {
		work.Go(func() error {
			data, err := readBounded(name, c.MaxBytes)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(data)
			in := schemas.Ingested{ID: hex.EncodeToString(sum[:]), Source: name, Bytes: int64(len(data)), IngestedAt: time.Now().UTC()}
			t0 := time.Now()
			ex, err := x.Extract(wctx, name, bytes.NewReader(data), int64(len(data)))
			extract.Add(int64(time.Since(t0)))
			if err != nil {
				dead.Add(1)
				return nil
			}
			// Annotated once, as the annotate stage does: Record is
			// Annotate then Assemble, and the counts come with it.
			t1 := time.Now()
			ann, err := a.Annotate(wctx, ex.Pages)
			if err != nil {
				dead.Add(1)
				return nil
			}
			rec := annotate.Assemble(in, *ex, ann)
			_, err = schemas.Encode(rec)
			annot.Add(int64(time.Since(t1)))
			if err != nil {
				dead.Add(1)
				return nil
			}
			pages.Add(int64(len(ex.Pages)))
			tokens.Add(int64(ann.Tokens))
			select {
			case recs <- rec:
				return nil
			case <-wctx.Done():
				return wctx.Err()
			}
		})
	}
	werr := work.Wait()
	close(recs)
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if werr != nil {
		return nil, werr
	}
	closed = true
	if err := s.Close(ctx); err != nil {
		return nil, err
	}
	res.elapsed = time.Since(start)
	res.stages[pipeline.StageExtract] = time.Duration(extract.Load()).Seconds()
	res.stages[pipeline.StageAnnotate] = time.Duration(annot.Load()).Seconds()
	res.stages[pipeline.StageSink] = sinkTime.Seconds()
	res.pages, res.tokens, res.dead = int(pages.Load()), int(tokens.Load()), int(dead.Load())
	return res, nil
}

// isolationCost extracts a sample of the documents one at a time in this
// process, in a new child each (--child-docs 1), and in a pool of
// long-lived children (the default, warm), and returns the extra
// milliseconds per document each kind of child costs.
func (c *benchCmd) isolationCost(ctx context.Context, files []string) (n int, perChild, pooled float64, err error) {
	n = min(len(files), 20)
	one := c.stageFlags
	one.ChildDocs = 1
	isolated, _, err := one.isolatedExtractor()
	if err != nil {
		return 0, 0, 0, err
	}
	many := c.stageFlags
	many.ChildDocs = max(many.ChildDocs, 2)
	pool, closePool, err := many.isolatedExtractor()
	if err != nil {
		return 0, 0, 0, err
	}
	defer closePool()
	// The pool's first child starts before the timing, as it does once
	// per --child-docs documents in a run: what is timed is a warm
	// child's cost per document.
	if data, err := readBounded(files[0], c.MaxBytes); err == nil {
		pool.Extract(ctx, files[0], bytes.NewReader(data), int64(len(data)))
	}
	var took [3]time.Duration
	for _, name := range files[:n] {
		data, err := readBounded(name, c.MaxBytes)
		if err != nil {
			return 0, 0, 0, err
		}
		for k, x := range []workers.Extractor{c.extractor(), isolated, pool} {
			t0 := time.Now()
			if _, err := x.Extract(ctx, name, bytes.NewReader(data), int64(len(data))); err != nil {
				return 0, 0, 0, fmt.Errorf("%s: %w", name, err)
			}
			took[k] += time.Since(t0)
		}
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(n) }
	return n, ms(took[1] - took[0]), ms(took[2] - took[0]), nil
}

// writeHeapProfile writes the heap profile as of the last collection.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// cpuSeconds is the user and system time of this process and of its
// children that have ended.
func cpuSeconds() float64 {
	return (cpuTime(syscall.RUSAGE_SELF) + cpuTime(syscall.RUSAGE_CHILDREN)).Seconds()
}

// cpuTime is the user and system time getrusage reports for who
// (RUSAGE_SELF or RUSAGE_CHILDREN), 0 if it fails.
func cpuTime(who int) time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(who, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS returns the high-water resident set of this process and of its
// largest waited-for child, in MiB. The child figure is an upper bound:
// Go starts children with vfork, and Linux then counts the parent's
// resident set at the moment of the exec as the child's high-water mark.
func peakRSS() (self, child float64) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		self = float64(ru.Maxrss) / 1024 // Linux reports KiB
	}
	if syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru) == nil {
		child = float64(ru.Maxrss) / 1024
	}
	return self, child
}

// stageTimer sums the handler time of each stage over its workers.
type stageTimer struct {
	mu   sync.Mutex
	nano map[string]*atomic.Int64
}

// wrap returns h timed under stage name.
func (t *stageTimer) wrap(name string, h pipeline.Handler) pipeline.Handler {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.nano == nil {
		t.nano = map[string]*atomic.Int64{}
	}
	if t.nano[name] == nil {
		t.nano[name] = &atomic.Int64{}
	}
	return timedHandler{h: h, nano: t.nano[name]}
}

// busy returns each stage's summed handler seconds and its share of all.
func (t *stageTimer) busy() (map[string]float64, map[string]float64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	secs, share := map[string]float64{}, map[string]float64{}
	total := 0.0
	for name, n := range t.nano {
		secs[name] = time.Duration(n.Load()).Seconds()
		total += secs[name]
	}
	for name, s := range secs {
		if total > 0 {
			share[name] = s / total
		}
	}
	return secs, share
}

type timedHandler struct {
	h    pipeline.Handler
	nano *atomic.Int64
}

func (t timedHandler) Handle(ctx context.Context, d *pipeline.Delivery) error {
	start := time.Now()
	err := t.h.Handle(ctx, d)
	t.nano.Add(int64(time.Since(start)))
	return err
}

func (r *benchReport) write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	iso := fmt.Sprintf("isolated extraction, %d documents per child", r.ChildDocs)
	if !r.Isolated {
		iso = "extraction in process"
	}
	fmt.Fprintf(tw, "dump\t%d documents from %d sources: %d pages, %d tokens; %d records, %d dead letters\n",
		r.Docs, r.Sources, r.Pages, r.Tokens, r.Records, r.DeadLetter)
	fmt.Fprintf(tw, "pipeline\t%.1f s (embedded NATS, %s, SQLite sink, %d workers per stage)\n", r.PipelineSeconds, iso, r.Workers)
	fmt.Fprintf(tw, "  throughput\t%.1f documents/s, %.0f pages/s, %.0f tokens/s\n", r.DocsPerSec, r.PagesPerSec, r.TokensPerSec)
	fmt.Fprintf(tw, "  peak RSS\t%.0f MiB (largest child process: %.0f MiB, extraction children and OCR tools)\n", r.PeakRSSMiB, r.ChildRSSMiB)
	names := make([]string, 0, len(r.StageShare))
	for n := range r.StageShare {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(tw, "  %s\t%.0f%% of handler time (%.1f s summed over workers; direct: %.1f s)\n",
			n, 100*r.StageShare[n], r.StageSeconds[n], r.DirectStageSeconds[n])
	}
	fmt.Fprintf(tw, "direct\t%.1f s (the same stages called in one process, no NATS, no isolation)\n", r.DirectSeconds)
	fmt.Fprintf(tw, "pipeline / direct\t%.2f× the time, %.2f× the documents/s\n", r.PipelineOverDirect, 1/r.PipelineOverDirect)
	if len(r.Rounds) > 1 {
		fmt.Fprintf(tw, "  rounds\t%d, medians shown; time ratios", len(r.Rounds))
		for _, rd := range r.Rounds {
			fmt.Fprintf(tw, " %.2f", rd.PipelineOverDirect)
			if rd.DirectFirst {
				fmt.Fprint(tw, "*")
			}
		}
		fmt.Fprintln(tw, " (*: the direct run went first)")
	}
	fmt.Fprintf(tw, "CPU\t%.1f s pipeline, %.1f s direct (%.2f×; this process and its children)\n",
		r.PipelineCPUSeconds, r.DirectCPUSeconds, r.PipelineCPUSeconds/r.DirectCPUSeconds)
	if r.DirectIsolatedSeconds > 0 {
		fmt.Fprintf(tw, "direct, isolated\t%.1f s (the same, extracting in the pipeline's pool of isolated children), %.1f s CPU\n",
			r.DirectIsolatedSeconds, r.DirectIsolatedCPUSeconds)
		fmt.Fprintf(tw, "pipeline / direct, isolated\t%.2f× the time, %.2f× the documents/s (what NATS costs alone)\n",
			r.PipelineOverDirectIsolated, 1/r.PipelineOverDirectIsolated)
		if len(r.Rounds) > 1 {
			fmt.Fprintf(tw, "  rounds\ttime ratios")
			for _, rd := range r.Rounds {
				fmt.Fprintf(tw, " %.2f", rd.PipelineOverDirectIsolated)
			}
			fmt.Fprintln(tw)
		}
	}
	if r.IsolationSample > 0 {
		fmt.Fprintf(tw, "isolation\t%.1f ms per document in a new child each, %.1f ms in long-lived children (against in process, %d documents one at a time)\n",
			r.IsolationMsPerDoc, r.PooledMsPerDoc, r.IsolationSample)
	}
	return tw.Flush()
}
