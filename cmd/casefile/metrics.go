package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/workers"
)

// metricsFlags serve Prometheus metrics and health checks.
type metricsFlags struct {
	MetricsAddr string `name:"metrics-addr" placeholder:"HOST:PORT" help:"Serve Prometheus metrics on /metrics, and /healthz and /readyz, at this address."`
}

// metrics are one process's Prometheus metrics, on a registry of its own.
type metrics struct {
	reg       *prometheus.Registry
	handled   *prometheus.CounterVec   // stage, result
	latency   *prometheus.HistogramVec // stage
	documents *prometheus.CounterVec   // stage: documents a stage finished with
	pages     *prometheus.CounterVec   // method
	tokens    prometheus.Counter
	entities  *prometheus.CounterVec // type
	ready     atomic.Bool
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		handled: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "casefile_deliveries_total",
			Help: "Deliveries a stage handled, by result: ok, or error (retried or dead-lettered by the stage).",
		}, []string{"stage", "result"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "casefile_stage_seconds",
			Help:    "Time a stage's handler took for one delivery.",
			Buckets: prometheus.ExponentialBuckets(0.001, 3, 12), // 1 ms to about 3 minutes
		}, []string{"stage"}),
		documents: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "casefile_documents_total",
			Help: "Documents extracted or annotated by this process, by stage.",
		}, []string{"stage"}),
		pages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "casefile_pages_total",
			Help: "Pages extracted, by how their text was read: text, ocr or none.",
		}, []string{"method"}),
		tokens: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "casefile_tokens_total",
			Help: "Words annotated (runs of non-space characters).",
		}),
		entities: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "casefile_entities_total",
			Help: "Entities found, by type.",
		}, []string{"type"}),
	}
	m.reg.MustRegister(m.handled, m.latency, m.documents, m.pages, m.tokens, m.entities,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// watchBus adds the metrics read from the pipeline at scrape time: what
// waits in each consumer (a sink's lag) and the ledger's balance with its
// dead letters by reason. The ledger is read at most every ledgerEvery.
func (m *metrics) watchBus(bus *pipeline.Bus) {
	m.reg.MustRegister(&busCollector{bus: bus})
}

// instrument wraps every stage's handler, and the extractor and recorder
// inside the processing stages, so that they count what they do.
func (m *metrics) instrument(stages []*pipeline.Stage) {
	for _, st := range stages {
		switch h := st.Handler.(type) {
		case *workers.Extract:
			h.Extractor = countingExtractor{Extractor: h.Extractor, m: m}
		case *workers.Annotate:
			h.Annotator = countingRecorder{Recorder: h.Annotator, m: m}
		}
		st.Handler = measuredHandler{h: st.Handler, stage: st.Name, m: m}
	}
}

type measuredHandler struct {
	h     pipeline.Handler
	stage string
	m     *metrics
}

func (h measuredHandler) Handle(ctx context.Context, d *pipeline.Delivery) error {
	start := time.Now()
	err := h.h.Handle(ctx, d)
	h.m.latency.WithLabelValues(h.stage).Observe(time.Since(start).Seconds())
	result := "ok"
	if err != nil {
		result = "error"
	}
	h.m.handled.WithLabelValues(h.stage, result).Inc()
	return err
}

type countingExtractor struct {
	workers.Extractor
	m *metrics
}

func (x countingExtractor) Extract(ctx context.Context, name string, r io.ReaderAt, size int64) (*doctext.Extraction, error) {
	ex, err := x.Extractor.Extract(ctx, name, r, size)
	if err == nil {
		x.m.documents.WithLabelValues(pipeline.StageExtract).Inc()
		for _, p := range ex.Pages {
			x.m.pages.WithLabelValues(string(p.Method)).Inc()
		}
	}
	return ex, err
}

type countingRecorder struct {
	workers.Recorder
	m *metrics
}

func (r countingRecorder) Record(ctx context.Context, in schemas.Ingested, ex schemas.Extraction) (*schemas.Record, error) {
	rec, err := r.Recorder.Record(ctx, in, ex)
	if err == nil {
		r.m.documents.WithLabelValues(pipeline.StageAnnotate).Inc()
		n := 0
		for _, p := range ex.Pages {
			n += countWords(p.Text)
		}
		r.m.tokens.Add(float64(n))
		for _, e := range rec.Entities {
			r.m.entities.WithLabelValues(string(e.Type)).Inc()
		}
	}
	return rec, err
}

// countWords counts the runs of non-space characters in s without
// allocating.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// busCollector reads consumers and the ledger when scraped.
type busCollector struct {
	bus *pipeline.Bus

	mu     sync.Mutex
	at     time.Time
	counts pipeline.Counts
}

// ledgerEvery bounds how often a scrape reads the whole ledger.
const ledgerEvery = 10 * time.Second

var (
	pendingDesc = prometheus.NewDesc("casefile_consumer_pending",
		"Messages waiting for a consumer; for a sink, its store's lag.", []string{"stream", "consumer"}, nil)
	inFlightDesc = prometheus.NewDesc("casefile_consumer_in_flight",
		"Messages delivered to a consumer and not yet answered.", []string{"stream", "consumer"}, nil)
	redeliveredDesc = prometheus.NewDesc("casefile_consumer_redelivered",
		"Messages in flight that were delivered more than once.", []string{"stream", "consumer"}, nil)
	ledgerDesc = prometheus.NewDesc("casefile_ledger_documents",
		"Documents by outcome in the ledger: recorded, dead, in_progress.", []string{"state"}, nil)
	deadDesc = prometheus.NewDesc("casefile_ledger_dead_letters",
		"Dead-lettered documents by reason.", []string{"reason"}, nil)
)

func (c *busCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{pendingDesc, inFlightDesc, redeliveredDesc, ledgerDesc, deadDesc} {
		ch <- d
	}
}

func (c *busCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if cs, err := c.bus.Consumers(ctx); err == nil {
		for _, s := range cs {
			ch <- prometheus.MustNewConstMetric(pendingDesc, prometheus.GaugeValue, float64(s.Pending), s.Stream, s.Name)
			ch <- prometheus.MustNewConstMetric(inFlightDesc, prometheus.GaugeValue, float64(s.AckPending), s.Stream, s.Name)
			ch <- prometheus.MustNewConstMetric(redeliveredDesc, prometheus.GaugeValue, float64(s.Redelivered), s.Stream, s.Name)
		}
	}
	c.mu.Lock()
	if time.Since(c.at) > ledgerEvery {
		if counts, err := c.bus.Counts(ctx); err == nil {
			c.counts, c.at = counts, time.Now()
		}
	}
	counts := c.counts
	c.mu.Unlock()
	ch <- prometheus.MustNewConstMetric(ledgerDesc, prometheus.GaugeValue, float64(counts.Recorded), "recorded")
	ch <- prometheus.MustNewConstMetric(ledgerDesc, prometheus.GaugeValue, float64(counts.Dead), "dead")
	ch <- prometheus.MustNewConstMetric(ledgerDesc, prometheus.GaugeValue, float64(counts.InProgress), "in_progress")
	for r, n := range counts.Reasons {
		ch <- prometheus.MustNewConstMetric(deadDesc, prometheus.GaugeValue, float64(n), string(r))
	}
}

// serve serves the metrics and health checks on addr until ctx ends. It
// returns once the listener is open, so that a bad address fails the
// command at once.
func (m *metrics) serve(ctx context.Context, addr string, log *slog.Logger) error {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg}))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, _ *http.Request) {
		if !m.ready.Load() {
			http.Error(w, "not ready", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ready")
	})
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("--metrics-addr: %w", err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	go func() {
		if err := srv.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("metrics server stopped", "err", err)
		}
	}()
	log.Info("serving metrics", "addr", l.Addr().String())
	return nil
}
