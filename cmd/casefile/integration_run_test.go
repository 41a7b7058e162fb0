package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/casefile/casefile/internal/pgtest"
	"github.com/casefile/casefile/schemas"
)

// The test binary doubles as the casefile binary: with CASEFILE_TEST_MAIN
// set it runs main, so tests can start real casefile processes and kill them.
func TestMain(m *testing.M) {
	if os.Getenv("CASEFILE_TEST_MAIN") == "1" {
		// A fault no real part gives on demand: every extraction child
		// dies, as it would on a broken machine (TestRunCircuitBreaker).
		if os.Getenv("CASEFILE_TEST_CRASH_CHILD") == "1" && len(os.Args) > 1 && os.Args[1] == "extract-child" {
			os.Exit(3)
		}
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// casefileCmd is the test binary run as casefile in dir (see TestMain).
func casefileCmd(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CASEFILE_TEST_MAIN=1")
	return cmd
}

// casefile runs the binary in dir and returns its stderr.
func casefile(t *testing.T, dir string, args ...string) (string, error) {
	t.Helper()
	cmd := casefileCmd(dir, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	return stderr.String(), err
}

// expected dead-letter reasons of the sample files; every other file in
// testdata/pdfs must become a record.
var wantDead = map[string]schemas.Reason{
	"empty-zero-byte.pdf":   "ingest.empty",
	"no-objects.pdf":        "extract.malformed",
	"html-saved-as-pdf.pdf": "extract.not_pdf",
}

func TestRunSamplesEndToEnd(t *testing.T) {
	dir := t.TempDir()
	samples, _ := filepath.Abs("../../testdata/pdfs")
	stderr, err := casefile(t, dir, "run", "--sink", "jsonl:records.jsonl", "--dlq", "jsonl:dlq.jsonl", samples)
	if err != nil {
		t.Fatalf("casefile run: %v\n%s", err, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(samples, "*"))
	recs := readRecords(t, filepath.Join(dir, "records.jsonl"))
	dead := readDeadLetters(t, filepath.Join(dir, "dlq.jsonl"))
	checkLedger(t, files, recs, dead)
	if !strings.Contains(stderr, fmt.Sprintf("%d documents: %d records, %d dead-lettered", len(files), len(files)-len(wantDead), len(wantDead))) {
		t.Errorf("summary missing or wrong:\n%s", stderr)
	}

	// The same files again: nothing new, and the summary says why.
	stderr, err = casefile(t, dir, "run", "--sink", "jsonl:records.jsonl", "--dlq", "jsonl:dlq.jsonl", samples)
	if err != nil {
		t.Fatalf("second run: %v\n%s", err, stderr)
	}
	if got := readRecords(t, filepath.Join(dir, "records.jsonl")); len(got) != len(recs) {
		t.Errorf("second run: %d records, want still %d", len(got), len(recs))
	}
	if !strings.Contains(stderr, fmt.Sprintf("(%d were done by an earlier run)", len(files))) {
		t.Errorf("second run did not report resumed documents:\n%s", stderr)
	}

	// A new sink file on the same data directory replays every record.
	if stderr, err = casefile(t, dir, "run", "--sink", "jsonl:replay.jsonl", samples); err != nil {
		t.Fatalf("replay run: %v\n%s", err, stderr)
	}
	if got := readRecords(t, filepath.Join(dir, "replay.jsonl")); len(got) != len(recs) {
		t.Errorf("replay: %d records, want %d", len(got), len(recs))
	}
}

// TestRunKilledAndResumed kills a run with SIGKILL while documents are in
// flight, runs the same command again, and checks that every document ends
// as exactly one record or one dead letter.
func TestRunKilledAndResumed(t *testing.T) {
	dir := t.TempDir()
	in := makeDump(t, dir, 80, true)
	// Every kind of store at once: the kill lands mid-batch in some.
	stores := []store{sqliteStore(dir)}
	args := []string{"run", "--sink", "jsonl:records.jsonl", "--sink", "sqlite:casefile.db"}
	if os.Getenv(pgtest.EnvDSN) != "" {
		pg := postgresStore(t)
		stores = append(stores, pg)
		args = append(args, "--sink", pg.spec)
	}
	args = append(args, "--dlq", "jsonl:dlq.jsonl", "--workers", "1", "--ack-wait", "2s", in)

	cmd := casefileCmd(dir, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	recPath := filepath.Join(dir, "records.jsonl")
	deadline := time.Now().Add(60 * time.Second)
	for countLines(recPath) < 5 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("no records after 60s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	before := countLines(recPath)
	files, _ := filepath.Glob(filepath.Join(in, "*"))
	if before >= len(files)-len(wantDead) {
		t.Fatalf("run finished (%d records) before it was killed; the test needs more work", before)
	}
	t.Logf("killed after %d of %d records", before, len(files)-len(wantDead))

	if stderr, err := casefile(t, dir, args...); err != nil {
		t.Fatalf("resumed run: %v\n%s", err, stderr)
	}
	recs, dead := readRecords(t, recPath), readDeadLetters(t, filepath.Join(dir, "dlq.jsonl"))
	checkLedger(t, files, recs, dead)
	for _, s := range stores {
		if c := counts(t, s); c.Documents != int64(len(recs)) || c.DeadLetters != int64(len(dead)) {
			t.Errorf("%s after the kill and resume: %d documents and %d dead letters, want %d and %d",
				s.name, c.Documents, c.DeadLetters, len(recs), len(dead))
		}
	}
}

// checkLedger asserts that each file is exactly one record or one dead
// letter with the expected reason, and that every record is valid.
func checkLedger(t *testing.T, files []string, recs []schemas.Record, dead []schemas.DeadLetter) {
	t.Helper()
	byID := map[string]int{}
	for _, r := range recs {
		byID[r.ID]++
		if err := schemas.Validate(&r); err != nil {
			t.Errorf("record %s (%s): %v", r.ID, r.Source, err)
		}
	}
	deadByID := map[string]schemas.DeadLetter{}
	for _, d := range dead {
		if _, dup := deadByID[d.ID]; dup {
			t.Errorf("two dead letters for %s", d.Source)
		}
		deadByID[d.ID] = d
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		id := hex.EncodeToString(sum[:])
		name := filepath.Base(f)
		if reason, ok := wantDead[name]; ok {
			d, found := deadByID[id]
			if !found || d.Reason != reason {
				t.Errorf("%s: dead letter %+v, want reason %s", name, d, reason)
			}
			if byID[id] != 0 {
				t.Errorf("%s: dead-lettered and recorded", name)
			}
			continue
		}
		if byID[id] != 1 {
			t.Errorf("%s: %d records, want 1", name, byID[id])
		}
		if _, ok := deadByID[id]; ok {
			t.Errorf("%s: unexpected dead letter %+v", name, deadByID[id])
		}
	}
	if len(recs)+len(dead) != len(files) {
		t.Errorf("%d records + %d dead letters for %d files", len(recs), len(dead), len(files))
	}
}

func readRecords(t *testing.T, path string) []schemas.Record {
	return readJSONL[schemas.Record](t, path, schemas.ValidateRecordJSON)
}

func readDeadLetters(t *testing.T, path string) []schemas.DeadLetter {
	return readJSONL[schemas.DeadLetter](t, path, schemas.ValidateDeadLetterJSON)
}

// readJSONL decodes every line of path, checking each against its schema.
func readJSONL[T any](t *testing.T, path string, validate func([]byte) error) []T {
	t.Helper()
	var out []T
	forLines(t, path, func(line []byte) {
		if err := validate(line); err != nil {
			t.Errorf("%s: %v", path, err)
		}
		var v T
		if err := json.Unmarshal(line, &v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	})
	return out
}

func forLines(t *testing.T, path string, fn func([]byte)) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		fn(sc.Bytes())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

func countLines(path string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	return bytes.Count(data, []byte("\n"))
}

func TestAnnotateAndExtractCommands(t *testing.T) {
	ctx := context.Background()
	file := "../../testdata/pdfs/ca8-us-v-wilson-opinion.pdf"
	var out, errb bytes.Buffer
	if err := run(ctx, []string{"annotate", file}, &out, &errb); err != nil {
		t.Fatalf("annotate: %v\n%s", err, errb.String())
	}
	var rec schemas.Record
	if err := json.Unmarshal(out.Bytes(), &rec); err != nil {
		t.Fatal(err)
	}
	if err := schemas.Validate(&rec); err != nil {
		t.Fatal(err)
	}
	if rec.Document.Pages != 2 || len(rec.Entities) == 0 {
		t.Errorf("annotate: %d pages, %d entities; want 2 pages and some entities", rec.Document.Pages, len(rec.Entities))
	}
	out.Reset()
	if err := run(ctx, []string{"extract", file}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "\f"); n != 2 {
		t.Errorf("extract printed %d form feeds, want one per page (2)", n)
	}
	if !strings.Contains(out.String(), "Wilson") {
		t.Errorf("extract output lacks the defendant's name:\n%.300s", out.String())
	}
	if err := run(ctx, []string{"extract", "../../testdata/pdfs/html-saved-as-pdf.pdf"}, &out, &errb); err == nil || !strings.Contains(err.Error(), "extract.not_pdf") {
		t.Errorf("extract of HTML = %v, want an extract.not_pdf error", err)
	}
}

// TestRunWithJoiningWorker runs the embedded server with --listen and a
// second process, casefile worker --nats, sharing the extract and annotate
// consumers: the same stages, distributed, with no document lost or doubled.
func TestRunWithJoiningWorker(t *testing.T) {
	dir := t.TempDir()
	in := makeDump(t, dir, 40, true)
	addr := freeAddr(t)
	run := casefileCmd(dir, "run", "--sink", "jsonl:records.jsonl", "--listen", addr, "--workers", "1", "--dlq", "jsonl:dlq.jsonl", in)
	var runErr bytes.Buffer
	run.Stderr = &runErr
	if err := run.Start(); err != nil {
		t.Fatal(err)
	}
	waitListening(t, addr)
	worker := casefileCmd("", "--log-level", "debug", "worker", "--nats", "nats://"+addr, "--workers", "1")
	var workerErr bytes.Buffer
	worker.Stderr = &workerErr
	if err := worker.Start(); err != nil {
		t.Fatal(err)
	}
	defer worker.Process.Kill()
	if err := run.Wait(); err != nil {
		t.Fatalf("run: %v\n%s", err, runErr.String())
	}
	worker.Process.Signal(syscall.SIGTERM)
	worker.Wait()
	files, _ := filepath.Glob(filepath.Join(in, "*"))
	checkLedger(t, files, readRecords(t, filepath.Join(dir, "records.jsonl")), readDeadLetters(t, filepath.Join(dir, "dlq.jsonl")))
	n := strings.Count(workerErr.String(), "msg=done")
	if n == 0 {
		t.Errorf("the joining worker handled nothing:\n%s", workerErr.String())
	}
	t.Logf("joining worker handled %d deliveries", n)
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func waitListening(t *testing.T, addr string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("nothing listening on %s", addr)
}

// TestRunInterrupted sends SIGINT mid-run: the run must say it was
// interrupted, exit non-zero, leave no document in flight (work in progress
// finishes within the stop grace), and the same command must then finish.
func TestRunInterrupted(t *testing.T) {
	dir := t.TempDir()
	in := makeDump(t, dir, 60, false)
	args := []string{"run", "--sink", "jsonl:records.jsonl", "--workers", "1", in}
	cmd := casefileCmd(dir, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	recPath := filepath.Join(dir, "records.jsonl")
	for countLines(recPath) < 3 {
		time.Sleep(10 * time.Millisecond)
	}
	cmd.Process.Signal(os.Interrupt)
	if err := cmd.Wait(); err == nil {
		t.Fatalf("interrupted run exited 0:\n%s", stderr.String())
	}
	if !strings.Contains(stderr.String(), "interrupted:") {
		t.Errorf("no interruption message:\n%s", stderr.String())
	}
	var out bytes.Buffer
	st := casefileCmd(dir, "status")
	st.Stdout = &out
	if err := st.Run(); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(out.String(), "\n") {
		f := strings.Fields(line)
		if len(f) == 6 && strings.HasPrefix(f[0], "CASEFILE_") && f[3] != "0" {
			t.Errorf("after a graceful stop, %s/%s has %s messages in flight", f[0], f[1], f[3])
		}
	}
	start := time.Now()
	if se, err := casefile(t, dir, args...); err != nil {
		t.Fatalf("resumed run: %v\n%s", err, se)
	}
	files, _ := filepath.Glob(filepath.Join(in, "*"))
	checkLedger(t, files, readRecords(t, recPath), nil)
	t.Logf("status after stop:\n%s\nresumed in %s", out.String(), time.Since(start))
}

// makeDump builds a folder of documents to run: the samples (when
// withSamples) and n distinct text filings, so that a run lasts long enough
// to be stopped part-way.
func makeDump(t *testing.T, dir string, n int, withSamples bool) string {
	t.Helper()
	in := filepath.Join(dir, "in")
	if withSamples {
		samples, _ := filepath.Abs("../../testdata/pdfs")
		if err := os.CopyFS(in, os.DirFS(samples)); err != nil {
			t.Fatal(err)
		}
	} else if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	ref, err := os.ReadFile("../../testdata/text/ny-snp-wtg-2012-press-release.txt")
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		body := fmt.Appendf(nil, "Filing number %d.\n\n%s", i, ref)
		if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("release-%03d.txt", i)), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return in
}
