package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"golang.org/x/sync/errgroup"

	"github.com/casefile/casefile/annotate"
	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/ocr"
	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/sinks"
	"github.com/casefile/casefile/workers"
)

// natsFlags choose between the embedded server and an external one.
type natsFlags struct {
	NATS         string          `name:"nats" placeholder:"URL" help:"Use the NATS server at URL instead of starting one in this process (e.g. nats://nats:4222)."`
	NATSCreds    string          `name:"nats-creds" type:"existingfile" placeholder:"FILE" help:"NATS credentials file (JWT and NKey seed)."`
	NATSUser     string          `name:"nats-user" help:"NATS user name."`
	NATSPassword pipeline.Secret `name:"nats-password" env:"CASEFILE_NATS_PASSWORD" help:"NATS password."`
	NATSToken    pipeline.Secret `name:"nats-token" env:"CASEFILE_NATS_TOKEN" help:"NATS token."`
	NATSCA       string          `name:"nats-ca" type:"existingfile" placeholder:"FILE" help:"CA bundle to verify the NATS server's TLS certificate."`
	NATSCert     string          `name:"nats-cert" type:"existingfile" placeholder:"FILE" help:"Client TLS certificate for NATS."`
	NATSKey      string          `name:"nats-key" type:"existingfile" placeholder:"FILE" help:"Client TLS key for NATS."`
	DataDir      string          `name:"data-dir" default:".casefile" type:"path" help:"Where the embedded server keeps its state; running again with the same directory resumes."`
	Listen       string          `name:"listen" placeholder:"HOST:PORT" help:"Also serve the embedded NATS on this address so that other workers can join."`
	Replicas     int             `name:"replicas" default:"1" help:"Stream replicas (3 on a cluster)."`
}

// connect starts the embedded server or dials the external one, and opens
// the topology. close releases both.
func (f *natsFlags) connect(ctx context.Context, log *slog.Logger) (bus *pipeline.Bus, close func(), err error) {
	var (
		nc  *nats.Conn
		emb *pipeline.Embedded
	)
	if f.NATS != "" {
		nc, err = pipeline.Connect(pipeline.ClientConfig{
			URL: f.NATS, CredsFile: f.NATSCreds, User: f.NATSUser, Password: f.NATSPassword,
			Token: f.NATSToken, CAFile: f.NATSCA, CertFile: f.NATSCert, KeyFile: f.NATSKey,
			Log: log,
		})
	} else {
		emb, err = pipeline.StartEmbedded(pipeline.EmbeddedConfig{DataDir: f.DataDir, Listen: f.Listen})
		if err == nil {
			log.Debug("embedded NATS started", "data_dir", f.DataDir, "url", emb.ClientURL())
			nc, err = emb.Connect()
		}
	}
	if err != nil {
		if emb != nil {
			emb.Shutdown()
		}
		return nil, nil, err
	}
	close = func() {
		// Naks of a graceful stop must reach the server, or their
		// documents wait out AckWait on the next run.
		_ = nc.FlushTimeout(5 * time.Second)
		nc.Close()
		if emb != nil {
			emb.Shutdown()
		}
	}
	js, err := jetstream.New(nc)
	if err == nil {
		bus, err = pipeline.Open(ctx, js, pipeline.TopologyConfig{Replicas: f.Replicas})
	}
	if err != nil {
		close()
		return nil, nil, err
	}
	return bus, close, nil
}

// stageFlags are the knobs of the processing stages.
type stageFlags struct {
	Workers     int           `name:"workers" short:"w" default:"0" help:"Concurrent documents per stage (default: number of CPUs)."`
	MaxBytes    int64         `name:"max-bytes" default:"268435456" help:"Dead-letter documents larger than this many bytes."`
	MaxPages    int           `name:"max-pages" default:"2000" help:"Dead-letter documents with more pages."`
	MaxChars    int           `name:"max-chars" default:"10000000" help:"Dead-letter documents whose text is longer, in characters (bytes of UTF-8)."`
	MaxEntities int           `name:"max-entities" default:"100000" help:"Dead-letter documents with more entities (people, places, quantities, …)."`
	MaxInflate  int64         `name:"max-inflate" default:"67108864" help:"The most bytes one PDF stream may decode to (a deflate bomb); a page past it is kept empty with a warning."`
	MaxOCRArea  float64       `name:"max-ocr-area" default:"1728" help:"Never render for OCR a page larger than this many square inches (it is kept with a warning)."`
	MaxOCRImage int64         `name:"max-ocr-image-pixels" default:"256000000" help:"Never render for OCR a page whose images declare more pixels than this, summed (it is kept with a warning): rendering walks every declared pixel."`
	Timeout     time.Duration `name:"timeout" default:"2m" help:"Time limit for one document in one stage."`
	AckWait     time.Duration `name:"ack-wait" default:"15s" help:"How long a silent worker holds a document before another gets it."`
	Attempts    int           `name:"attempts" default:"5" help:"Deliveries of a document to a stage before it is dead-lettered."`
	OCR         string        `name:"ocr" enum:"auto,off,force" default:"auto" help:"Read pages by OCR (pdftoppm + tesseract): auto for pages without a usable text layer, off, or force for every page."`
	Isolate     bool          `name:"isolate" default:"true" negatable:"" help:"Extract each document in a child process that can be killed (--no-isolate: in this process, faster but a runaway PDF can only be abandoned)."`
	ChildDocs   int           `name:"child-docs" default:"100" help:"Documents an extraction child takes, one at a time, before it is replaced (1: a new child for every document)."`
	Judgements  string        `name:"judgements" type:"path" placeholder:"FILE" help:"Who-is-who decisions (merge, split) the database stores apply to their clusters (default for sqlite:FILE: FILE.judgements.jsonl beside it; for PostgreSQL: its judgements table)."`
	SinkBatch   int           `name:"sink-batch" default:"64" help:"Records one store write may carry: the sink's deliveries in flight (group commit)."`
	SinkLinger  time.Duration `name:"sink-linger" default:"200ms" help:"How long a store write waits after its first record for more to join it, up to --sink-batch (0: write what has queued)."`
	MemoryLimit int64         `name:"memory-limit" default:"320" placeholder:"MiB" help:"Soft limit of this process's Go memory, in MiB: the collector works harder near it and returns freed memory sooner, nothing fails at it (0: none; GOMEMLIMIT, when set, wins). Extraction children have their own limits."`

	// sourceRoots are the files and folders the extract stage may read
	// documents ingested by reference from: run's paths, or a worker's
	// --read-sources. None: such documents are dead-lettered.
	sourceRoots []string
}

// limitMemory sets the process's soft memory limit from --memory-limit,
// unless GOMEMLIMIT already set one: a long run's heap then stays near
// what it holds instead of growing to twice that between collections.
//
// Under that limit the collector runs at GOGC 200 (unless GOGC is set):
// the limit bounds the heap, so collecting at every doubling of a small
// live heap (an annotate worker's is mostly its models) only spends CPU.
// One annotate worker process over 600 corpus filings went from 48.9 to
// 55.6 documents/s (BenchmarkAnnotateWorkers, mean of 3 rounds).
func (f *stageFlags) limitMemory() {
	if f.MemoryLimit <= 0 {
		return
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(f.MemoryLimit << 20)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
}

// extractWorker builds the extract stage's worker: isolated in child
// processes (long-lived ones taking --child-docs documents each) unless
// --no-isolate, reading documents ingested by reference under
// sourceRoots. close ends its children.
func (f *stageFlags) extractWorker(bus *pipeline.Bus) (w *workers.Extract, close func(), err error) {
	var files *workers.SourceFiles
	if len(f.sourceRoots) > 0 {
		if files, err = workers.NewSourceFiles(f.sourceRoots...); err != nil {
			return nil, nil, err
		}
	}
	ex, close, err := f.isolatedExtractor()
	if err != nil {
		return nil, nil, err
	}
	return &workers.Extract{Bus: bus, Extractor: ex, MaxBytes: f.MaxBytes, Files: files}, close, nil
}

// isolatedExtractor returns the extractor --isolate and --child-docs ask
// for, and what ends its children.
func (f *stageFlags) isolatedExtractor() (workers.Extractor, func(), error) {
	if !f.Isolate {
		return f.extractor(), func() {}, nil
	}
	self, err := os.Executable()
	if err != nil {
		return nil, nil, fmt.Errorf("find own binary for isolated extraction: %w", err)
	}
	command := []string{self, "extract-child", "--ocr", f.OCR,
		"--max-pages", strconv.Itoa(f.MaxPages), "--max-bytes", strconv.FormatInt(f.MaxBytes, 10),
		"--max-chars", strconv.Itoa(f.MaxChars), "--max-inflate", strconv.FormatInt(f.MaxInflate, 10),
		"--max-ocr-area", strconv.FormatFloat(f.MaxOCRArea, 'f', -1, 64),
		"--max-ocr-image-pixels", strconv.FormatInt(f.MaxOCRImage, 10)}
	if f.ChildDocs <= 1 {
		return &workers.Isolated{Command: command, Env: os.Environ()}, func() {}, nil
	}
	pool := &workers.Pool{Command: command, Env: os.Environ(), MaxDocs: f.ChildDocs}
	return pool, func() { pool.Close() }, nil
}

func (f *stageFlags) extractor() *doctext.Extractor {
	return &doctext.Extractor{
		PDF:      doctext.PDF{MaxPages: f.MaxPages, MaxInflate: f.MaxInflate},
		MaxBytes: f.MaxBytes,
		MaxChars: f.MaxChars,
		OCR:      doctext.OCR{Mode: doctext.OCRMode(f.OCR), Recognizer: &ocr.Tesseract{MaxImagePixels: f.MaxOCRImage}, MaxArea: f.MaxOCRArea},
	}
}

func (f *stageFlags) annotator(models *annotate.Models) *annotate.Annotator {
	a := annotate.NewAnnotator(models)
	a.MaxEntities = f.MaxEntities
	return a
}

func (f *stageFlags) workers() int {
	if f.Workers > 0 {
		return f.Workers
	}
	return runtime.NumCPU()
}

func (f *stageFlags) stage(name, stream, filter string, h pipeline.Handler, log *slog.Logger) *pipeline.Stage {
	return &pipeline.Stage{
		Name: name, Stream: stream, FilterSubject: filter, Handler: h,
		Workers: f.workers(), MaxDeliver: f.Attempts, AckWait: f.AckWait, Timeout: f.Timeout, Logger: log,
		Breaker: &pipeline.Breaker{},
	}
}

// processingStages returns the extract and annotate stages, and what ends
// the extraction children once they have stopped.
func (f *stageFlags) processingStages(bus *pipeline.Bus, models *annotate.Models, log *slog.Logger) ([]*pipeline.Stage, func(), error) {
	xw, close, err := f.extractWorker(bus)
	if err != nil {
		return nil, nil, err
	}
	return []*pipeline.Stage{
		f.stage(pipeline.StageExtract, pipeline.StreamDocs, pipeline.SubjectIngested, xw, log),
		f.stage(pipeline.StageAnnotate, pipeline.StreamDocs, pipeline.SubjectExtracted,
			&workers.Annotate{Bus: bus, Annotator: f.annotator(models)}, log),
	}, close, nil
}

// sinkStages opens the store a spec names and returns its stages: records,
// and dead letters too when the store keeps them (the databases). Each spec
// has its own durable consumers, named from the spec, so each store
// receives every record once and a slow or down store holds back no
// other; a store file that did not exist before starts its consumers over,
// replaying the streams into it.
func sinkStages(ctx context.Context, bus *pipeline.Bus, spec string, f *stageFlags, e *env) ([]*pipeline.Stage, sinks.Sink, error) {
	fresh := sinks.IsNew(spec)
	s, err := sinks.Open(ctx, spec, sinks.Options{Stdout: e.stdout, Version: version, Judgements: f.Judgements})
	if err != nil {
		return nil, nil, err
	}
	durable := "sink-" + shortHash(spec)
	if fresh {
		if err := bus.ResetConsumer(ctx, pipeline.StreamRecords, durable); err != nil {
			s.Close(ctx)
			return nil, nil, err
		}
	}
	st := f.stage(pipeline.StageSink, pipeline.StreamRecords, pipeline.SubjectRecords+".*", workers.NewSink(ctx, s, workers.BatchConfig{Fill: f.SinkBatch, Linger: f.SinkLinger}, e.log), e.log)
	st.Durable = durable
	st.Description = "records into " + sinks.Redact(spec)
	st.Workers = max(f.SinkBatch, 1) // deliveries wait on group commits, not CPU
	// A store that is down holds its deliveries while the writer retries;
	// the stage's time limit must not turn an outage into dead letters.
	st.Timeout = storeOutageLimit
	stages := []*pipeline.Stage{st}
	if dw, ok := s.(sinks.DeadLetterWriter); ok {
		dst, err := deadLetterStage(ctx, bus, "dlq-"+shortHash(spec), "dead letters into "+sinks.Redact(spec), fresh, dw, f, e)
		if err != nil {
			s.Close(ctx)
			return nil, nil, err
		}
		stages = append(stages, dst)
	}
	return stages, s, nil
}

// dlqStage opens the JSON Lines file of --dlq and returns its stage.
func dlqStage(ctx context.Context, bus *pipeline.Bus, path string, f *stageFlags, e *env) (*pipeline.Stage, *sinks.DeadLetters, error) {
	fresh := sinks.IsNew("jsonl:" + path)
	s, err := sinks.OpenDeadLetters(path)
	if err != nil {
		return nil, nil, err
	}
	st, err := deadLetterStage(ctx, bus, "dlq-"+shortHash(path), "dead letters into jsonl:"+path, fresh, s, f, e)
	if err != nil {
		s.Close(ctx)
		return nil, nil, err
	}
	return st, s, nil
}

// deadLetterStage returns a stage writing the DLQ stream into w under its
// own durable consumer, started over when the store is new.
func deadLetterStage(ctx context.Context, bus *pipeline.Bus, durable, description string, fresh bool, w sinks.DeadLetterWriter, f *stageFlags, e *env) (*pipeline.Stage, error) {
	if fresh {
		if err := bus.ResetConsumer(ctx, pipeline.StreamDLQ, durable); err != nil {
			return nil, err
		}
	}
	st := f.stage(pipeline.StageSink, pipeline.StreamDLQ, pipeline.SubjectDLQPrefix+">", workers.NewDeadLetterSink(ctx, w, workers.BatchConfig{Fill: deadLetterWorkers}, e.log), e.log)
	st.Durable = durable
	st.Description = description
	st.Workers = deadLetterWorkers
	st.Timeout = storeOutageLimit
	return st, nil
}

// deadLetterWorkers is the dead-letter sinks' deliveries in flight: dead
// letters are few, and written as they come (no linger).
const deadLetterWorkers = 4

// storeOutageLimit is how long a sink delivery may wait for its store to
// come back before it is dead-lettered as sink.timeout.
const storeOutageLimit = 24 * time.Hour

func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:6])
}

// runStages runs stages in g until ctx ends.
func runStages(ctx context.Context, g *errgroup.Group, bus *pipeline.Bus, stages []*pipeline.Stage) {
	for _, st := range stages {
		g.Go(func() error {
			if err := st.Run(ctx, bus); err != nil {
				return fmt.Errorf("stage %s: %w", st.Name, err)
			}
			return nil
		})
	}
}
