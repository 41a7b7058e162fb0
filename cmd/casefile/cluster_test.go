package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
)

// TestCluster runs casefile as a user scales it out: three nats-server
// processes form a JetStream cluster on loopback, two `casefile worker
// --stage extract,annotate` processes and one `--stage sink` process work
// against all three URLs with --replicas 3, and `casefile ingest` submits a
// dump. Mid-run the server leading the documents stream and one of the
// annotate workers are killed with SIGKILL. Every document must still end
// as exactly one record or one dead letter, and the sink's file must hold
// exactly the records. The whole test has clusterBudget; set
// CASEFILE_TEST_CLUSTER=0 to skip it, CASEFILE_CLUSTER_LOGS=DIR to keep
// every process's log.
func TestCluster(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a three-server NATS cluster and worker processes")
	}
	if os.Getenv("CASEFILE_TEST_CLUSTER") == "0" {
		t.Skip("CASEFILE_TEST_CLUSTER=0")
	}
	bin := buildNATSServer(t) // not timed: the first build takes a while
	start := time.Now()
	deadline := start.Add(clusterBudget)
	// within is limit, or what is left of the budget when that is less.
	within := func(limit time.Duration) time.Duration { return min(limit, time.Until(deadline)) }
	dir := t.TempDir()
	cl := startNATSCluster(t, bin, filepath.Join(dir, "nats"), 3)
	urls := cl.urls()
	t.Logf("cluster of %d servers up in %s", len(cl.servers), time.Since(start).Round(time.Millisecond))

	in := makeDump(t, dir, 120, true)
	files, _ := filepath.Glob(filepath.Join(in, "*"))
	common := []string{"--nats", urls, "--replicas", "3"}
	stageArgs := append([]string{"--workers", "2", "--ack-wait", "3s", "--attempts", "10", "--ocr", "off"}, common...)

	// The sink first: its start creates the replicated streams, which a
	// cluster under load takes seconds to place; the others then find them.
	sink := startProc(t, dir, "sink",
		append([]string{"worker", "--stage", "sink", "--sink", "jsonl:records.jsonl"}, stageArgs...)...)
	waitFor(t, within(60*time.Second), "the sink worker started", func() bool { return strings.Contains(sink.stderr.String(), "worker started") }, sink)
	var procs []*proc
	for i := range 2 {
		p := startProc(t, dir, fmt.Sprintf("annotate-%d", i+1),
			append([]string{"--log-level", "debug", "worker", "--stage", "extract,annotate"}, stageArgs...)...)
		procs = append(procs, p)
	}
	for _, p := range procs {
		waitFor(t, within(60*time.Second), p.name+" started", func() bool { return strings.Contains(p.stderr.String(), "worker started") }, p)
	}
	procs = append(procs, sink)
	t.Logf("workers up at %s", time.Since(start).Round(time.Millisecond))
	t.Cleanup(func() {
		// Runs before the servers stop: what the cluster holds at a failure.
		if t.Failed() {
			out, err := casefileOutput(dir, append([]string{"status"}, common...)...)
			t.Logf("casefile status (%v):\n%s", err, out)
		}
	})

	if stderr, err := casefile(t, dir, append([]string{"ingest"}, append(common, in)...)...); err != nil {
		t.Fatalf("casefile ingest: %v\n%s", err, stderr)
	}

	// Kill points: the leader of the documents stream, once the sink has
	// some records; then one annotate worker, a few records later.
	recPath := filepath.Join(dir, "records.jsonl")
	wantRecords := len(files) - len(wantDead)
	waitFor(t, within(60*time.Second), "first records", func() bool { return countLines(recPath) >= 10 }, procs...)
	leader := cl.streamLeader(t, pipeline.StreamDocs)
	cl.kill(t, leader)
	atNodeKill := countLines(recPath)
	t.Logf("SIGKILL nats server %s (leader of %s) after %d of %d records", leader, pipeline.StreamDocs, atNodeKill, wantRecords)
	waitFor(t, within(60*time.Second), "records after the node kill", func() bool { return countLines(recPath) >= atNodeKill+10 }, procs...)
	victim := procs[0]
	victim.kill(t)
	atWorkerKill := countLines(recPath)
	t.Logf("SIGKILL worker %s after %d records", victim.name, atWorkerKill)
	if atWorkerKill >= wantRecords {
		t.Fatalf("the run finished (%d records) before the worker was killed; the test needs more work", atWorkerKill)
	}

	// Wait until the ledger accounts for every document and the sink has
	// written every record.
	bus := cl.bus(t, within(time.Minute))
	ctx := context.Background()
	var counts pipeline.Counts
	lastLog := time.Now()
	waitFor(t, within(90*time.Second), "every document recorded or dead-lettered", func() bool {
		cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		c, err := bus.Counts(cctx)
		cancel()
		if time.Since(lastLog) > 10*time.Second {
			t.Logf("waiting: ledger %+v (err %v), %d lines in the sink file", c, err, countLines(recPath))
			lastLog = time.Now()
		}
		if err != nil {
			return false
		}
		counts = c
		return c.Recorded+c.Dead == len(files) && c.InProgress == 0 && countLines(recPath) >= c.Recorded
	}, procs[1:]...)
	for _, p := range procs[1:] {
		p.stop(t)
	}
	if out, err := casefileOutput(dir, append([]string{"status"}, common...)...); err != nil {
		t.Errorf("casefile status: %v\n%s", err, out)
	} else {
		t.Logf("casefile status:\n%s", out)
	}

	recs := readRecords(t, recPath)
	stored, skipped, err := bus.DeadLetters(ctx)
	if err != nil || skipped > 0 {
		t.Fatalf("dead letters: %v (%d unreadable)", err, skipped)
	}
	dead := make([]schemas.DeadLetter, len(stored))
	for i, d := range stored {
		dead[i] = d.DeadLetter
	}
	checkLedger(t, files, recs, dead)
	if len(recs) != wantRecords || counts.Recorded != wantRecords || counts.Dead != len(wantDead) {
		t.Errorf("sink file %d records, ledger %d recorded and %d dead-lettered; want %d and %d",
			len(recs), counts.Recorded, counts.Dead, wantRecords, len(wantDead))
	}
	t.Logf("%d documents: %d records, %d dead letters, in %s", len(files), len(recs), len(dead), time.Since(start).Round(time.Millisecond))
}

// clusterBudget bounds TestCluster from the servers' start to the last
// record: a run takes 25-50 s on a loaded 2-core machine, most of it
// processing; a stall is the failure the test is there to catch.
const clusterBudget = 2 * time.Minute

// BenchmarkAnnotateWorkers measures annotation scaled out over worker
// processes, as a user adds machines: against one NATS server (in this
// process, listening on loopback), a dump extracted beforehand (not
// timed) is annotated by 1, then (on a fresh server and dump) 2
// `casefile worker --stage annotate --workers 1` processes. A rate counts
// from the moment every worker has started (models loaded) to the last
// document's ledger entry; documents recorded before that are left out.
// It reports both rates and their ratio, from one run on one machine.
// CASEFILE_BENCH_DOCS sets the dump's size (default 120), and
// CASEFILE_BENCH_PDFS a folder of filings to copy it from instead of
// testdata/pdfs (those whose every page has a text layer, as casefile
// bench picks them). CASEFILE_BENCH_CPUPROFILE=P writes each worker's CPU
// profile to P.I-of-N:
//
//	CASEFILE_BENCH_PDFS=../../../shared/corpus/pdfs CASEFILE_BENCH_DOCS=1000 \
//	go test -run '^$' -bench AnnotateWorkers -benchtime 1x ./cmd/casefile
func BenchmarkAnnotateWorkers(b *testing.B) {
	docs := 120
	if v := os.Getenv("CASEFILE_BENCH_DOCS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			b.Fatalf("CASEFILE_BENCH_DOCS=%q: want a positive number", v)
		}
		docs = n
	}
	b.StopTimer()
	rates := map[int][]float64{}
	for range b.N {
		for _, procs := range []int{1, 2} {
			rate := annotateRate(b, docs, procs)
			rates[procs] = append(rates[procs], rate)
			b.Logf("%d annotate worker process(es): %.2f docs/s", procs, rate)
		}
	}
	one, two := mean(rates[1]), mean(rates[2])
	b.ReportMetric(one, "docs/s-1proc")
	b.ReportMetric(two, "docs/s-2procs")
	b.ReportMetric(two/one, "speedup")
}

// annotateRate extracts a dump of docs documents into a fresh server, then
// times procs annotate worker processes over it and returns documents
// per second.
func annotateRate(b *testing.B, docs, procs int) float64 {
	dir := b.TempDir()
	emb, err := pipeline.StartEmbedded(pipeline.EmbeddedConfig{DataDir: filepath.Join(dir, "nats"), Listen: "127.0.0.1:-1"})
	if err != nil {
		b.Fatal(err)
	}
	defer emb.Shutdown()
	nc, err := emb.Connect()
	if err != nil {
		b.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	bus, err := pipeline.Open(ctx, js, pipeline.TopologyConfig{})
	if err != nil {
		b.Fatal(err)
	}
	url := emb.ClientURL()
	in, ids := pdfDump(b, dir, docs)

	// Not timed: ingest and extract, leaving docs messages for annotate.
	if out, err := casefileOutput(dir, "ingest", "--nats", url, in); err != nil {
		b.Fatalf("casefile ingest: %v\n%s", err, out)
	}
	ex := startProc(b, dir, "extract", "worker", "--stage", "extract", "--nats", url, "--workers", "2", "--ocr", "off", "--no-isolate")
	if err := bus.Drained(ctx, pipeline.StreamDocs, pipeline.StageExtract); err != nil {
		b.Fatalf("extraction: %v", err)
	}
	ex.stop(b)

	// Timed: from every worker started to the last ledger entry.
	seen := make(chan time.Time, docs)
	watched := make(chan error, 1)
	go func() {
		watched <- bus.Wait(ctx, ids, func(id string, e pipeline.Entry) error {
			if e.State != pipeline.StateRecorded {
				return fmt.Errorf("document %s: %s at %s (%s), want recorded", id, e.State, e.Stage, e.Reason)
			}
			seen <- time.Now()
			return nil
		})
	}()
	var ps []*proc
	for i := range procs {
		name := fmt.Sprintf("annotate-%d", i+1)
		args := []string{"worker", "--stage", "annotate", "--nats", url, "--workers", "1", "--ocr", "off"}
		if prof := os.Getenv("CASEFILE_BENCH_CPUPROFILE"); prof != "" {
			args = append(args, "--cpuprofile", fmt.Sprintf("%s.%d-of-%d", prof, i+1, procs))
		}
		ps = append(ps, startProc(b, dir, name, args...))
	}
	for _, p := range ps {
		waitFor(b, 2*time.Minute, p.name+" started", func() bool { return strings.Contains(p.stderr.String(), "worker started") }, p)
	}
	var serverProfile string
	if prof := os.Getenv("CASEFILE_BENCH_CPUPROFILE"); prof != "" {
		serverProfile = fmt.Sprintf("%s.server-%d", prof, procs)
	}
	stopProfile, err := startCPUProfile(serverProfile)
	if err != nil {
		b.Fatal(err)
	}
	selfCPU := cpuTime(syscall.RUSAGE_SELF)
	started := time.Now()
	b.StartTimer()
	if err := <-watched; err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	b.Logf("NATS server and ledger watcher (this process) with %d worker(s): %.1f ms CPU a document while timed",
		procs, (cpuTime(syscall.RUSAGE_SELF)-selfCPU).Seconds()*1000/float64(docs))
	stopProfile()
	for _, p := range ps {
		p.stop(b)
		if st := p.cmd.ProcessState; st != nil {
			b.Logf("%s of %d: %s CPU over its life (models loaded once)", p.name, procs, (st.UserTime() + st.SystemTime()).Round(time.Millisecond))
		}
	}
	close(seen)
	var before int
	var last time.Time
	for at := range seen {
		if at.Before(started) {
			before++
		}
		if at.After(last) {
			last = at
		}
	}
	if before == docs || !last.After(started) {
		b.Fatalf("every document was recorded before the %d workers had all started: use more (CASEFILE_BENCH_DOCS)", procs)
	}
	return float64(docs-before) / last.Sub(started).Seconds()
}

// pdfDump writes docs distinct PDFs into dir/in, copies of the sample
// PDFs that become records, each with a comment of its own after the end
// of the file, and returns the folder and the documents' ids.
func pdfDump(b *testing.B, dir string, docs int) (string, map[string]int) {
	samples, err := filepath.Glob("../../testdata/pdfs/*.pdf")
	if err != nil {
		b.Fatal(err)
	}
	samples = slices.DeleteFunc(samples, func(p string) bool { _, dead := wantDead[filepath.Base(p)]; return dead })
	if from := os.Getenv("CASEFILE_BENCH_PDFS"); from != "" {
		c := benchCmd{stageFlags: hostileLimits} // casefile run's limits, OCR off
		srcs, err := c.sources(context.Background(), []string{from})
		if err != nil {
			b.Fatalf("CASEFILE_BENCH_PDFS=%s: %v", from, err)
		}
		samples = nil
		for _, s := range srcs {
			if s.pdf {
				samples = append(samples, s.name)
			}
		}
		b.Logf("copying %d text-layer PDFs of %s", len(samples), from)
	}
	if len(samples) == 0 {
		b.Fatal("no sample PDFs in testdata/pdfs")
	}
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		b.Fatal(err)
	}
	ids := map[string]int{} // id → generation awaited
	for i := range docs {
		src := samples[i%len(samples)]
		data, err := os.ReadFile(src)
		if err != nil {
			b.Fatal(err)
		}
		data = fmt.Appendf(data, "\n%% copy %d\n", i)
		sum := sha256.Sum256(data)
		ids[hex.EncodeToString(sum[:])] = 0
		name := fmt.Sprintf("%03d-%s", i, filepath.Base(src))
		if err := os.WriteFile(filepath.Join(in, name), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return in, ids
}

func mean(xs []float64) float64 {
	var sum float64
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

// buildNATSServer builds the nats-server of go.mod's module into a
// temporary folder, or skips the test when it cannot be built.
func buildNATSServer(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "nats-server")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/nats-io/nats-server/v2")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("cannot build nats-server from the module in go.mod (%v): %s", err, out)
	}
	return bin
}

// natsCluster is a set of nats-server processes routed to each other.
type natsCluster struct {
	servers map[string]*natsNode
	names   []string
}

type natsNode struct {
	name   string
	url    string
	cmd    *exec.Cmd
	log    *bytes.Buffer
	killed bool
}

// startNATSCluster starts n JetStream servers with their stores under dir,
// and waits until the cluster has a JetStream meta leader.
func startNATSCluster(t *testing.T, bin, dir string, n int) *natsCluster {
	t.Helper()
	cl := &natsCluster{servers: map[string]*natsNode{}}
	clientAddrs := make([]string, n)
	routeAddrs := make([]string, n)
	var routes []string
	for i := range n {
		clientAddrs[i], routeAddrs[i] = freeAddr(t), freeAddr(t)
		routes = append(routes, fmt.Sprintf("%q", "nats://"+routeAddrs[i]))
	}
	for i := range n {
		name := fmt.Sprintf("n%d", i+1)
		store := filepath.Join(dir, name)
		if err := os.MkdirAll(store, 0o755); err != nil {
			t.Fatal(err)
		}
		conf := fmt.Sprintf(`server_name: %s
listen: %q
max_payload: 8MB
jetstream {
  store_dir: %q
  max_memory_store: 256MB
  max_file_store: 2GB
}
cluster {
  name: casefile-test
  listen: %q
  routes: [%s]
}
`, name, clientAddrs[i], store, routeAddrs[i], strings.Join(routes, ", "))
		path := filepath.Join(dir, name+".conf")
		if err := os.WriteFile(path, []byte(conf), 0o644); err != nil {
			t.Fatal(err)
		}
		node := &natsNode{name: name, url: "nats://" + clientAddrs[i], log: &bytes.Buffer{}}
		node.cmd = exec.Command(bin, "--config", path)
		node.cmd.Stdout = &lockedWriter{w: node.log}
		node.cmd.Stderr = node.cmd.Stdout
		if err := node.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if !node.killed {
				node.cmd.Process.Signal(syscall.SIGTERM)
				node.cmd.Wait()
			}
			if t.Failed() {
				t.Logf("nats-server %s log (tail):\n%s", node.name, tail(node.cmd.Stdout.(*lockedWriter).String(), 3000))
			}
			if d := os.Getenv("CASEFILE_CLUSTER_LOGS"); d != "" {
				os.WriteFile(filepath.Join(d, node.name+".log"), []byte(node.cmd.Stdout.(*lockedWriter).String()), 0o644)
			}
		})
		cl.servers[name] = node
		cl.names = append(cl.names, name)
	}
	for _, a := range clientAddrs {
		waitListening(t, a)
	}
	// The cluster answers JetStream requests once it has a meta leader.
	nc := cl.connect(t)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, 60*time.Second, "a JetStream meta leader", func() bool {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_, err := js.AccountInfo(ctx)
		return err == nil
	})
	return cl
}

// urls is the comma-separated list of every server's client URL, as a
// user passes it to --nats.
func (cl *natsCluster) urls() string {
	var out []string
	for _, name := range cl.names {
		out = append(out, cl.servers[name].url)
	}
	return strings.Join(out, ",")
}

// connect returns a client of the cluster, closed when the test ends.
func (cl *natsCluster) connect(t *testing.T) *nats.Conn {
	t.Helper()
	nc, err := nats.Connect(cl.urls(), nats.MaxReconnects(-1), nats.ReconnectWait(100*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return nc
}

// bus opens casefile's topology on the cluster, as every process does,
// within limit.
func (cl *natsCluster) bus(t *testing.T, limit time.Duration) *pipeline.Bus {
	t.Helper()
	js, err := jetstream.New(cl.connect(t))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	bus, err := pipeline.Open(ctx, js, pipeline.TopologyConfig{Replicas: 3})
	if err != nil {
		t.Fatal(err)
	}
	return bus
}

// streamLeader names the server leading the stream.
func (cl *natsCluster) streamLeader(t *testing.T, stream string) string {
	t.Helper()
	js, err := jetstream.New(cl.connect(t))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err := js.Stream(ctx, stream)
	if err != nil {
		t.Fatal(err)
	}
	ci := s.CachedInfo().Cluster
	if ci == nil || cl.servers[ci.Leader] == nil {
		t.Fatalf("stream %s: no leader among the servers (%+v)", stream, ci)
	}
	return ci.Leader
}

// kill ends a server with SIGKILL.
func (cl *natsCluster) kill(t *testing.T, name string) {
	t.Helper()
	n := cl.servers[name]
	if err := n.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	n.cmd.Wait()
	n.killed = true
}

// proc is a casefile process of the test, its stderr kept for failures.
type proc struct {
	name   string
	cmd    *exec.Cmd
	stderr *lockedWriter
	done   chan struct{}
	err    error
}

func startProc(t testing.TB, dir, name string, args ...string) *proc {
	t.Helper()
	p := &proc{name: name, cmd: casefileCmd(dir, args...), stderr: &lockedWriter{w: &bytes.Buffer{}}, done: make(chan struct{})}
	p.cmd.Stderr = p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		p.err = p.cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		if t.Failed() && os.Getenv("CASEFILE_CLUSTER_LOGS") != "" {
			p.cmd.Process.Signal(syscall.SIGQUIT) // a goroutine dump
			time.Sleep(time.Second)
		}
		p.cmd.Process.Kill()
		<-p.done
		if t.Failed() {
			t.Logf("%s stderr (tail):\n%s", p.name, tail(p.stderr.String(), 3000))
		}
		if d := os.Getenv("CASEFILE_CLUSTER_LOGS"); d != "" {
			os.WriteFile(filepath.Join(d, p.name+".log"), []byte(p.stderr.String()), 0o644)
		}
	})
	return p
}

// exited reports whether the process has ended, and how.
func (p *proc) exited() (bool, error) {
	select {
	case <-p.done:
		return true, p.err
	default:
		return false, nil
	}
}

// kill ends the process with SIGKILL.
func (p *proc) kill(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-p.done
}

// stop ends the process as a user does, and fails the test if it does
// not stop cleanly.
func (p *proc) stop(t testing.TB) {
	t.Helper()
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(30 * time.Second):
		t.Errorf("%s did not stop within 30s of SIGTERM", p.name)
	}
}

// waitFor polls cond until it holds, failing the test after limit or as
// soon as one of the watched processes exits.
func waitFor(t testing.TB, limit time.Duration, what string, cond func() bool, watch ...*proc) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		for _, p := range watch {
			if ended, err := p.exited(); ended {
				t.Fatalf("waiting for %s: %s exited: %v", what, p.name, err)
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %s after %s", what, limit)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// casefileOutput runs casefile and returns its stdout and stderr together.
func casefileOutput(dir string, args ...string) (string, error) {
	out, err := casefileCmd(dir, args...).CombinedOutput()
	return string(out), err
}

// lockedWriter is a buffer a process writes into while the test reads it.
type lockedWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func (l *lockedWriter) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.String()
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
