package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/casefile/casefile/schemas"
)

// TestWorkerCircuitBreaker: a worker whose binary is deleted under it
// (as a careless upgrade does) can no longer start extraction children —
// a real broken machine, no fault injected. Instead of emptying a 60-document
// dump into the dead-letter list it trips its breaker after the window,
// logs why once, and takes no more work: the rest wait in the queue.
func TestWorkerCircuitBreaker(t *testing.T) {
	dir := t.TempDir()
	self := filepath.Join(dir, "casefile-copy")
	copyFile(t, os.Args[0], self)
	addr := freeAddr(t)
	worker := exec.Command(self, "worker", "--stage", "extract,annotate", "--listen", addr,
		"--ocr", "off", "--workers", "1", "--attempts", "1", "--child-docs", "1")
	worker.Dir = dir
	worker.Env = append(os.Environ(), "CASEFILE_TEST_MAIN=1")
	stderr := &lockedWriter{w: &bytes.Buffer{}}
	worker.Stderr = stderr
	if err := worker.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		worker.Process.Signal(syscall.SIGTERM)
		worker.Wait()
	})
	waitListening(t, addr)
	if err := os.Remove(self); err != nil {
		t.Fatal(err)
	}

	const n = 60
	in := makeDump(t, dir, n, false)
	if out, err := casefileOutput(dir, "ingest", "--nats", "nats://"+addr, in); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for !strings.Contains(stderr.String(), "circuit open") {
		if time.Now().After(deadline) {
			t.Fatalf("the breaker never tripped:\n%s", tail(stderr.String(), 3000))
		}
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(2 * time.Second) // let anything still in flight settle
	dead := dlqList(t, dir, "nats://"+addr)
	if len(dead) < pipelineWindow || len(dead) > pipelineWindow+2 {
		t.Errorf("%d dead letters after the trip, want the breaker's window (%d)", len(dead), pipelineWindow)
	}
	want := schemas.StageReason(schemas.StageExtract, schemas.CauseRetriesExhausted)
	for _, dl := range dead {
		if dl.Reason != want || !strings.Contains(dl.Message, "could not start") {
			t.Errorf("dead letter %s: %s: %s, want %s for a child that could not start", dl.Source, dl.Reason, dl.Message, want)
		}
	}
	log := stderr.String()
	if i := strings.Index(log, "circuit open"); !strings.Contains(log[i:min(len(log), i+500)], string(want)) {
		t.Errorf("the breaker's log line does not name the reason:\n%s", tail(log, 2000))
	}
	if c := strings.Count(log, "taking no work"); c != 1 {
		t.Errorf("the breaker logged %d times, want once", c)
	}
	t.Logf("%d of %d documents dead-lettered before the breaker stopped the worker; it logged:\n%s", len(dead), n, log[strings.Index(log, "circuit open"):][:strings.IndexByte(log[strings.Index(log, "circuit open"):], '\n')])
}

// pipelineWindow is the default breaker window the stages run with.
const pipelineWindow = 20

// dlqList lists the DLQ through `casefile dlq list --json`.
func dlqList(t *testing.T, dir, url string) []schemas.DeadLetter {
	t.Helper()
	var out bytes.Buffer
	cmd := casefileCmd(dir, "dlq", "list", "--nats", url, "--json")
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("dlq list: %v", err)
	}
	var dls []schemas.DeadLetter
	dec := json.NewDecoder(&out)
	for {
		var dl schemas.DeadLetter
		if err := dec.Decode(&dl); err == io.EOF {
			return dls
		} else if err != nil {
			t.Fatalf("dlq list: %v", err)
		}
		dls = append(dls, dl)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o755); err != nil {
		t.Fatal(err)
	}
}

// TestRunCircuitBreakerBinaryGone: casefile run's own breaker under the
// same real fault — its binary deleted once it has started, so no
// extraction child can start. The run stops after the window with one
// error naming the reason and how to recover; the mended run finishes the
// rest and dlq replay records those the fault dead-lettered.
func TestRunCircuitBreakerBinaryGone(t *testing.T) {
	dir := t.TempDir()
	const n = 60
	in := makeDump(t, dir, n, false)
	self := filepath.Join(dir, "casefile-copy")
	copyFile(t, os.Args[0], self)
	run := exec.Command(self, "run", "--workers", "1", "--attempts", "1", "--child-docs", "1", "--ocr", "off", "--progress", "off", in)
	run.Dir = dir
	run.Env = append(os.Environ(), "CASEFILE_TEST_MAIN=1")
	var stderr bytes.Buffer
	run.Stderr = &stderr
	if err := run.Start(); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(self); err != nil { // the process image is loaded: only new children fail
		t.Fatal(err)
	}
	if err := run.Wait(); err == nil {
		t.Fatalf("a run that could start no extraction child succeeded:\n%s", tail(stderr.String(), 3000))
	}
	const reason = "extract.retries_exhausted"
	if !strings.Contains(stderr.String(), "were dead-lettered as "+reason) ||
		!strings.Contains(stderr.String(), "casefile dlq replay --reason "+reason+" --read-sources "+shellQuoted([]string{in})[0]) {
		t.Fatalf("no breaker message naming %s:\n%s", reason, tail(stderr.String(), 3000))
	}
	c := counts(t, sqliteStore(dir))
	if c.DeadLetters >= n {
		t.Fatalf("the breaker let all %d documents be dead-lettered", c.DeadLetters)
	}
	t.Logf("stopped after %d dead letters: %s", c.DeadLetters, strings.TrimSpace(stderr.String()[strings.LastIndex(strings.TrimSpace(stderr.String()), "\n")+1:]))
	if out, err := casefile(t, dir, "run", "--progress", "off", in); err != nil {
		t.Fatalf("run after the fix: %v\n%s", err, out)
	}
	if out, err := casefile(t, dir, "dlq", "replay", "--progress", "off", "--reason", reason, "--read-sources", in); err != nil {
		t.Fatalf("replay: %v\n%s", err, out)
	}
	if c := counts(t, sqliteStore(dir)); c.Documents != n || c.DeadLetters != 0 {
		t.Errorf("after the fix and the replay: %+v, want %d documents and no dead letter", c, n)
	}
}
