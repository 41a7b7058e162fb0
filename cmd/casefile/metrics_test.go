package main

import (
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// TestMetrics scrapes a worker process that ran every stage over the
// sample filings: each stage's counters and latency are non-zero, and the
// health checks answer.
func TestMetrics(t *testing.T) {
	if testing.Short() {
		t.Skip("runs worker processes")
	}
	dir := t.TempDir()
	metricsAddr := freeAddr(t)
	addr, workerErr := startWorker(t, dir, "--metrics-addr", metricsAddr)
	waitListening(t, metricsAddr)
	samples, _ := filepath.Abs("../../testdata/pdfs")
	if out, err := casefileCmd(dir, "ingest", "--nats", "nats://"+addr, samples).CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	want := len(mustGlob(t, filepath.Join(samples, "*.pdf"))) - len(wantDead)
	deadline := time.Now().Add(60 * time.Second)
	for countLines(filepath.Join(dir, "records.jsonl")) < want && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := countLines(filepath.Join(dir, "records.jsonl")); n != want {
		t.Fatalf("%d records, want %d\n%s", n, want, workerErr.String())
	}

	get := func(path string) (int, string) {
		resp, err := http.Get("http://" + metricsAddr + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	for _, path := range []string{"/healthz", "/readyz"} {
		if code, body := get(path); code != http.StatusOK {
			t.Errorf("%s: %d %s", path, code, body)
		}
	}
	_, body := get("/metrics")
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(strings.NewReader(body))
	if err != nil {
		t.Fatalf("parse metrics: %v", err)
	}
	value := func(name string, labels map[string]string) float64 {
		f, ok := families[name]
		if !ok {
			return 0
		}
		sum := 0.0
	next:
		for _, m := range f.GetMetric() {
			for k, v := range labels {
				found := false
				for _, l := range m.GetLabel() {
					if l.GetName() == k && l.GetValue() == v {
						found = true
					}
				}
				if !found {
					continue next
				}
			}
			switch {
			case m.Counter != nil:
				sum += m.GetCounter().GetValue()
			case m.Gauge != nil:
				sum += m.GetGauge().GetValue()
			case m.Histogram != nil:
				sum += float64(m.GetHistogram().GetSampleCount())
			}
		}
		return sum
	}
	for _, stage := range []string{"extract", "annotate", "sink"} {
		if v := value("casefile_deliveries_total", map[string]string{"stage": stage, "result": "ok"}); v == 0 {
			t.Errorf("casefile_deliveries_total{stage=%q,result=ok} is 0", stage)
		}
		if v := value("casefile_stage_seconds", map[string]string{"stage": stage}); v == 0 {
			t.Errorf("casefile_stage_seconds{stage=%q} has no samples", stage)
		}
	}
	for _, name := range []string{"casefile_pages_total", "casefile_tokens_total", "casefile_entities_total", "casefile_documents_total"} {
		if value(name, nil) == 0 {
			t.Errorf("%s is 0", name)
		}
	}
	if v := value("casefile_ledger_documents", map[string]string{"state": "recorded"}); v != float64(want) {
		t.Errorf("casefile_ledger_documents{state=recorded} = %v, want %d", v, want)
	}
	if v := value("casefile_ledger_dead_letters", nil); v != float64(len(wantDead)) {
		t.Errorf("casefile_ledger_dead_letters = %v, want %d", v, len(wantDead))
	}
}

func mustGlob(t *testing.T, pattern string) []string {
	t.Helper()
	m, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
