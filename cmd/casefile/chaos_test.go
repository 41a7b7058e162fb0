package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/casefile/casefile/internal/pdftest"
	"github.com/casefile/casefile/internal/pgtest"
	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/workers"
)

// Chaos limits: ingest refuses files over chaosMaxBytes, annotation
// documents with more than chaosMaxEntities entities.
const (
	chaosMaxBytes    = 8 << 20
	chaosMaxEntities = 1000
)

// TestChaos is the fault-injection proof. A dump of distinct copies of the
// samples mixed with generated malformed, encrypted, oversized and hostile
// files goes through real worker processes against a real nats-server
// process, into SQLite and PostgreSQL at once, while a chaos loop SIGKILLs
// random workers (the sink's included) and restarts them, SIGKILLs and
// restarts the NATS server once and stops PostgreSQL for a few seconds
// once. At the end every document is in both stores or in their
// dead-letter tables, once, with the reason its file earns; the ledger
// balances (ingested = recorded + dead-lettered); the two stores hold the
// same rows. Then a broken deploy — the only extract worker running from a
// deleted binary with --attempts 1 — meets a second batch: its breaker
// stops it after 20 dead letters (extract.retries_exhausted), the healthy
// workers take the rest, and `casefile dlq replay` of every
// infrastructure reason records what the faults dead-lettered.
//
// It runs 60 documents by default; CASEFILE_TEST_CHAOS=1 runs 300 with
// more faults, CASEFILE_CHAOS_SEED=N repeats a run's choices, and
// CASEFILE_CHAOS_LOGS=DIR keeps every process's log (they are kept in a
// temporary folder anyway when the test fails).
func TestChaos(t *testing.T) {
	if testing.Short() {
		t.Skip("runs nats-server, PostgreSQL and worker processes under faults")
	}
	n, kills := 60, 4
	if os.Getenv("CASEFILE_TEST_CHAOS") != "" {
		n, kills = 300, 20
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("CASEFILE_CHAOS_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("CASEFILE_CHAOS_SEED: %v", err)
		}
	}
	t.Logf("chaos seed %d (CASEFILE_CHAOS_SEED=%d repeats it)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	start := time.Now()

	pg := pgtest.StartServer(t)
	dir := t.TempDir()
	var roles []*chaosRole
	t.Cleanup(func() { keepChaosLogs(t, roles) })

	natsRole := startChaosNATS(t, buildNATSServer(t), dir)
	roles = append(roles, natsRole)
	url := natsRole.url

	in := filepath.Join(dir, "in")
	want := chaosDump(t, in, n, rng)
	t.Logf("dump: %d documents (%d should be dead-lettered) in %s", len(want), countDead(want), time.Since(start).Round(time.Millisecond))

	common := []string{"--nats", url, "--workers", "2", "--ack-wait", "3s", "--attempts", "20", "--ocr", "off",
		"--max-bytes", strconv.Itoa(chaosMaxBytes), "--max-entities", strconv.Itoa(chaosMaxEntities)}
	sinkSpecs := []string{"--sink", "sqlite:casefile.db", "--sink", pg.DSN}
	sink := &chaosRole{name: "sink", args: slices.Concat([]string{"worker", "--stage", "sink"}, sinkSpecs, common), dir: dir}
	sink.start(t)
	roles = append(roles, sink)
	waitFor(t, 60*time.Second, "the sink worker started", func() bool { return strings.Contains(sink.log.String(), "worker started") })
	var workersR []*chaosRole
	for i := range 3 {
		w := &chaosRole{name: fmt.Sprintf("worker-%d", i+1), args: slices.Concat([]string{"worker", "--stage", "extract,annotate"}, common), dir: dir}
		w.start(t)
		workersR = append(workersR, w)
	}
	roles = append(roles, workersR...)
	victims := append([]*chaosRole{sink}, workersR...)

	// Ingest runs beside the faults; when one makes it fail, it is run
	// again, as a user would (the same bytes are the same documents).
	ingest := &chaosRole{name: "ingest", args: []string{"ingest", "--nats", url, "--max-bytes", strconv.Itoa(chaosMaxBytes), in}, dir: dir}
	ingest.start(t)
	roles = append(roles, ingest)
	ingests := 1

	ledger := chaosLedger(t, url)
	progress := func() (pipeline.Counts, bool) {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		c, err := ledger.Counts(ctx)
		return c, err == nil
	}
	stored := func() (sq, pq int) {
		sq = countRows(t, sqliteQuery(dir), "SELECT (SELECT COUNT(*) FROM documents) + (SELECT COUNT(*) FROM dead_letters)")
		pq = countRows(t, pgQuery(pg.DSN), "SELECT (SELECT COUNT(*) FROM documents) + (SELECT COUNT(*) FROM dead_letters)")
		return sq, pq
	}

	// The chaos loop: kills at random moments, the NATS restart once a
	// quarter of the documents are done, the database outage at half.
	var (
		killed, natsRestarts, pgOutages int
		nextKill                        = time.Now().Add(jitter(rng, 300*time.Millisecond, time.Second))
		deadline                        = time.Now().Add(time.Duration(n) * 2 * time.Second)
		lastLog                         time.Time
	)
	for {
		if !ingest.running() && ingest.err != nil {
			ingest.start(t)
			ingests++
		}
		c, ok := progress()
		done := ok && c.Recorded+c.Dead == len(want) && c.InProgress == 0 && !ingest.running() && ingest.err == nil
		if done {
			if sq, pq := stored(); sq == len(want) && pq == len(want) {
				break
			}
		}
		if time.Now().After(deadline) {
			for _, r := range victims { // goroutine dumps into the logs kept
				if r.running() {
					r.cmd.Process.Signal(syscall.SIGQUIT)
				}
			}
			time.Sleep(time.Second)
			status, _ := casefileOutput(dir, "status", "--nats", url)
			t.Fatalf("not settled after %s: ledger %+v\ncasefile status:\n%s", time.Since(start).Round(time.Second), c, status)
		}
		if time.Since(lastLog) > 5*time.Second {
			t.Logf("%s: ledger recorded %d, dead %d, in progress %d", time.Since(start).Round(time.Second), c.Recorded, c.Dead, c.InProgress)
			lastLog = time.Now()
		}
		frac := float64(c.Recorded+c.Dead) / float64(len(want))
		for _, r := range victims {
			r.restartIfDown(t)
		}
		switch {
		case natsRestarts == 0 && frac >= 0.1:
			natsRole.kill()
			time.Sleep(jitter(rng, 500*time.Millisecond, 2*time.Second))
			natsRole.start(t)
			waitListening(t, strings.TrimPrefix(url, "nats://"))
			natsRestarts++
			t.Logf("%s: SIGKILLed and restarted the NATS server at %.0f%%", time.Since(start).Round(time.Second), 100*frac)
		case pgOutages == 0 && frac >= 0.3:
			for _, r := range victims {
				r.restartNow(t) // a worker that cannot reach its store at start exits
			}
			outage := jitter(rng, 3*time.Second, 6*time.Second)
			pg.Stop()
			time.Sleep(outage)
			pg.Start()
			pgOutages++
			t.Logf("%s: PostgreSQL stopped for %s at %.0f%%", time.Since(start).Round(time.Second), outage.Round(time.Millisecond), 100*frac)
		case killed < kills && time.Now().After(nextKill): // until the stores have caught up too
			v := victims[rng.IntN(len(victims))]
			if v.running() {
				v.kill()
				v.downUntil = time.Now().Add(jitter(rng, 200*time.Millisecond, 1500*time.Millisecond))
				killed++
			}
			nextKill = time.Now().Add(jitter(rng, 300*time.Millisecond, 1500*time.Millisecond))
		}
		time.Sleep(100 * time.Millisecond)
	}
	for _, r := range victims {
		r.stop(t)
	}
	final, _ := progress()
	t.Logf("settled at %s: %d worker kills, %d NATS restarts, %d PostgreSQL outages, ingest run %d times; ledger %+v",
		time.Since(start).Round(time.Millisecond), killed, natsRestarts, pgOutages, ingests, final)

	// A broken deploy: the only extract worker runs from a binary deleted
	// under it, with --attempts 1, while a second batch arrives. Its
	// breaker stops it after the window; the mended workers take the rest;
	// dlq replay below records what it dead-lettered.
	broken := chaosBrokenDeploy(t, dir, url, common, sink, workersR, want, ledger)
	roles = append(roles, broken)
	for _, r := range victims {
		r.stop(t)
	}
	final, _ = progress()

	// Dead letters the faults caused (an infrastructure reason) are
	// replayed now that the faults have stopped.
	var replayed int
	for r, k := range final.Reasons {
		if !r.Infrastructure() {
			continue
		}
		replayed += k
		args := slices.Concat([]string{"dlq", "replay", "--reason", string(r), "--progress", "off"}, sinkSpecs, common)
		if out, err := casefileOutput(dir, args...); err != nil {
			t.Fatalf("dlq replay --reason %s: %v\n%s", r, err, out)
		}
	}
	t.Logf("replayed %d dead letters of infrastructure reasons (%v)", replayed, final.Reasons)
	if replayed == 0 {
		t.Error("the broken deploy dead-lettered nothing to replay")
	}

	checkChaosStores(t, want, ledger, sqliteQuery(dir), pgQuery(pg.DSN))
}

// chaosBrokenDeploy runs the broken-deploy phase of TestChaos: a second
// batch of 40 good documents, added to want, first meets only a worker
// whose binary is gone, then the healthy workers. It returns the broken
// worker's role, for its log.
func chaosBrokenDeploy(t *testing.T, dir, url string, common []string, sink *chaosRole, healthy []*chaosRole,
	want map[string]chaosWant, ledger *pipeline.Bus) *chaosRole {
	t.Helper()
	for _, w := range healthy {
		w.stop(t)
	}
	sink.restartNow(t)
	self := filepath.Join(dir, "casefile-broken")
	copyFile(t, os.Args[0], self)
	broken := &chaosRole{name: "broken-worker", dir: dir, path: self, env: []string{"CASEFILE_TEST_MAIN=1"},
		args: slices.Concat([]string{"worker", "--stage", "extract,annotate"}, common, []string{"--attempts", "1", "--workers", "1"})}
	broken.start(t)
	if err := os.Remove(self); err != nil {
		t.Fatal(err)
	}
	in2 := filepath.Join(dir, "in2")
	if err := os.Mkdir(in2, 0o755); err != nil {
		t.Fatal(err)
	}
	sample, err := os.ReadFile("../../testdata/pdfs/ca8-us-v-wilson-opinion.pdf")
	if err != nil {
		t.Fatal(err)
	}
	for i := range 40 {
		path := filepath.Join(in2, fmt.Sprintf("batch2-%02d.pdf", i))
		if err := os.WriteFile(path, fmt.Appendf(bytes.Clone(sample), "\n%%chaos batch 2 copy %d\n", i), 0o644); err != nil {
			t.Fatal(err)
		}
		id, _, _ := workers.HashFile(path, chaosMaxBytes)
		want[id] = chaosWant{name: filepath.Base(path)}
	}
	if out, err := casefileOutput(dir, "ingest", "--nats", url, in2); err != nil {
		t.Fatalf("ingest batch 2: %v\n%s", err, out)
	}
	waitFor(t, 2*time.Minute, "the broken worker's breaker", func() bool { return strings.Contains(broken.log.String(), "circuit open") })
	broken.kill()
	for _, w := range healthy {
		w.restartNow(t)
	}
	waitFor(t, 3*time.Minute, "batch 2 settled", func() bool {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		c, err := ledger.Counts(ctx)
		return err == nil && c.Recorded+c.Dead == len(want) && c.InProgress == 0
	})
	return broken
}

// chaosWant is what a file of the dump must become.
type chaosWant struct {
	name   string
	reason schemas.Reason // "" for a record
}

func countDead(want map[string]chaosWant) int {
	n := 0
	for _, w := range want {
		if w.reason != "" {
			n++
		}
	}
	return n
}

// chaosDump writes n documents into dir: distinct copies of the samples
// that become records (as casefile bench makes them), and about one in
// six a generated file that must be dead-lettered for its own reason. It
// returns what each document id must become.
func chaosDump(t *testing.T, dir string, n int, rng *rand.Rand) map[string]chaosWant {
	t.Helper()
	samples, _ := filepath.Glob("../../testdata/pdfs/*.pdf")
	var sources []benchSource
	for _, s := range samples {
		if _, bad := wantDead[filepath.Base(s)]; bad {
			continue
		}
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, benchSource{name: s, data: data, pdf: true})
	}
	html, err := os.ReadFile("../../testdata/pdfs/html-saved-as-pdf.pdf")
	if err != nil {
		t.Fatal(err)
	}
	names := bytes.Repeat([]byte("Maria Lopez met John Smith. "), chaosMaxEntities)
	hostile := []struct {
		kind   string
		data   func(i int) []byte
		reason schemas.Reason
	}{
		{"encrypted.pdf", func(i int) []byte { return fmt.Appendf(encryptedPDF(), "%%copy %d\n", i) }, schemas.ReasonExtractEncrypted},
		{"not-a-pdf.pdf", func(i int) []byte { return fmt.Appendf(bytes.Clone(html), "<!-- copy %d -->\n", i) }, schemas.ReasonExtractNotPDF},
		{"binary.txt", func(i int) []byte {
			b := make([]byte, 4096)
			rand.NewChaCha8([32]byte{byte(i), byte(i >> 8), 1}).Read(b)
			return b
		}, schemas.ReasonExtractUnsupported},
		{"50000-pages.pdf", func(i int) []byte { return fmt.Appendf(manyPagesPDF(50_000), "%%copy %d\n", i) }, schemas.ReasonExtractTooManyPages},
		{"deep-nesting.pdf", func(i int) []byte {
			return fmt.Appendf(pdftest.Objects(pdfCatalog, onePageTree, "<< /Type /Page /Parent 2 0 R /Deep "+strings.Repeat("[", 100_000)+" >>"), "%%copy %d\n", i)
		}, schemas.ReasonExtractMalformed},
		{"oversized.pdf", func(i int) []byte {
			return fmt.Appendf(onePagePDF(pdfContent("BT /F1 12 Tf 72 700 Td (Big) Tj ET")), "%%%s copy %d\n", strings.Repeat("x", chaosMaxBytes), i)
		}, schemas.ReasonIngestTooLarge},
		{"only-names.txt", func(i int) []byte { return fmt.Appendf(bytes.Clone(names), "(copy %d)\n", i) }, schemas.ReasonAnnotateTooManyEnts},
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	bad := max(1, n/6/len(hostile)) // of each kind
	good := n - bad*len(hostile) - 1
	files, err := writeBenchDump(dir, sources, good)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]chaosWant{}
	add := func(path string, reason schemas.Reason) {
		id, _, _ := workers.HashFile(path, chaosMaxBytes)
		if id == "" {
			t.Fatalf("no id for %s", path)
		}
		if _, dup := want[id]; dup {
			t.Fatalf("%s is not distinct", path)
		}
		want[id] = chaosWant{name: filepath.Base(path), reason: reason}
	}
	for _, f := range files {
		add(f, "")
	}
	for _, h := range hostile {
		for i := range bad {
			path := filepath.Join(dir, fmt.Sprintf("hostile-%d-%s", i, h.kind))
			if err := os.WriteFile(path, h.data(i), 0o644); err != nil {
				t.Fatal(err)
			}
			add(path, h.reason)
		}
	}
	zero := filepath.Join(dir, "zero-bytes.pdf")
	if err := os.WriteFile(zero, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	add(zero, schemas.ReasonIngestEmpty)
	_ = rng // the dump is the same for every seed: only the faults vary
	return want
}

// checkChaosStores checks the end state: each document once, in the
// records or the dead letters of both stores, with the reason its file
// earns; both stores alike; the ledger balanced and agreeing.
func checkChaosStores(t *testing.T, want map[string]chaosWant, ledger *pipeline.Bus, stores ...func(t *testing.T, q string) [][]string) {
	t.Helper()
	type state struct {
		docs     map[string]bool
		dead     map[string]schemas.Reason
		entities int
	}
	var states []state
	for si, q := range stores {
		st := state{docs: map[string]bool{}, dead: map[string]schemas.Reason{}}
		for _, row := range q(t, "SELECT id FROM documents") {
			st.docs[row[0]] = true
		}
		for _, row := range q(t, "SELECT id, reason FROM dead_letters") {
			st.dead[row[0]] = schemas.Reason(row[1])
		}
		st.entities = countRows(t, q, "SELECT COUNT(*) FROM entities")
		if dup := countRows(t, q, "SELECT COUNT(*) - COUNT(DISTINCT document_id || ':' || seq) FROM entities"); dup != 0 {
			t.Errorf("store %d: %d duplicate entity rows", si, dup)
		}
		for id, w := range want {
			_, isDead := st.dead[id]
			switch {
			case st.docs[id] && isDead:
				t.Errorf("store %d: %s is both recorded and dead-lettered", si, w.name)
			case w.reason == "" && !st.docs[id]:
				t.Errorf("store %d: %s not recorded (dead letter %q)", si, w.name, st.dead[id])
			case w.reason != "" && st.dead[id] != w.reason:
				t.Errorf("store %d: %s dead-lettered as %q (recorded %v), want %s", si, w.name, st.dead[id], st.docs[id], w.reason)
			}
		}
		if len(st.docs)+len(st.dead) != len(want) {
			t.Errorf("store %d: %d records + %d dead letters, want %d documents", si, len(st.docs), len(st.dead), len(want))
		}
		states = append(states, st)
	}
	for i := 1; i < len(states); i++ {
		a, b := states[0], states[i]
		if len(a.docs) != len(b.docs) || len(a.dead) != len(b.dead) || a.entities != b.entities {
			t.Errorf("stores differ: %d records, %d dead letters, %d entities against %d, %d, %d",
				len(a.docs), len(a.dead), a.entities, len(b.docs), len(b.dead), b.entities)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := ledger.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	recorded := countDead(want)
	recorded = len(want) - recorded
	if c.Ingested != c.Recorded+c.Dead || c.InProgress != 0 || c.Recorded != recorded || c.Dead != len(want)-recorded {
		t.Errorf("ledger %+v, want %d ingested = %d recorded + %d dead-lettered", c, len(want), recorded, len(want)-recorded)
	}
	byReason := map[schemas.Reason]int{}
	for _, w := range want {
		if w.reason != "" {
			byReason[w.reason]++
		}
	}
	t.Logf("end: %d documents, %d records (%d entities in each store), dead letters by reason %v", len(want), recorded, states[0].entities, byReason)
}

func countRows(t *testing.T, q func(t *testing.T, q string) [][]string, query string) int {
	t.Helper()
	rows := q(t, query)
	if len(rows) != 1 || len(rows[0]) != 1 {
		t.Fatalf("%s: %v", query, rows)
	}
	n, err := strconv.Atoi(rows[0][0])
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func sqliteQuery(dir string) func(t *testing.T, q string) [][]string { return sqliteStore(dir).query }

// pgQuery returns a query of the database at dsn, its rows as text
// (NULL as "").
func pgQuery(dsn string) func(t *testing.T, q string) [][]string {
	return func(t *testing.T, q string) [][]string {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		rows, err := conn.Query(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		defer rows.Close()
		var out [][]string
		for rows.Next() {
			vals, err := rows.Values()
			if err != nil {
				t.Fatal(err)
			}
			row := make([]string, len(vals))
			for i, v := range vals {
				if v != nil { // NULL reads as ""
					row[i] = fmt.Sprint(v)
				}
			}
			out = append(out, row)
		}
		if err := rows.Err(); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return out
	}
}

// chaosLedger opens the topology on the NATS server, for the ledger.
func chaosLedger(t *testing.T, url string) *pipeline.Bus {
	t.Helper()
	nc, err := nats.Connect(url, nats.MaxReconnects(-1), nats.ReconnectWait(100*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	bus, err := pipeline.Open(ctx, js, pipeline.TopologyConfig{Replicas: 1})
	if err != nil {
		t.Fatal(err)
	}
	return bus
}

func jitter(rng *rand.Rand, lo, hi time.Duration) time.Duration {
	return lo + time.Duration(rng.Int64N(int64(hi-lo)))
}

// chaosRole is one long-lived process of the test, restarted after each
// kill; its log gathers every incarnation's stderr.
type chaosRole struct {
	name, dir string
	args      []string
	path      string   // the program; if empty, casefile
	env       []string // added to the environment when path is set
	url       string   // the NATS server's, for its role
	log       lockedWriter
	cmd       *exec.Cmd
	done      chan struct{}
	err       error // how the last incarnation exited
	starts    int
	downUntil time.Time // when killed: restart after this
}

func (r *chaosRole) start(t *testing.T) {
	t.Helper()
	if r.log.w == nil {
		r.log.w = &bytes.Buffer{}
	}
	if r.path == "" {
		r.cmd = casefileCmd(r.dir, r.args...)
	} else {
		r.cmd = exec.Command(r.path, r.args...)
		r.cmd.Dir = r.dir
		r.cmd.Env = append(os.Environ(), r.env...)
	}
	r.starts++
	r.err = nil
	fmt.Fprintf(&r.log, "=== start %d at %s\n", r.starts, time.Now().Format(time.RFC3339Nano))
	r.cmd.Stdout, r.cmd.Stderr = &r.log, &r.log
	if err := r.cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", r.name, err)
	}
	done := make(chan struct{})
	r.done = done
	cmd := r.cmd
	go func() {
		err := cmd.Wait()
		fmt.Fprintf(&r.log, "=== exited: %v\n", err)
		r.err = err
		close(done)
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-done
	})
}

func (r *chaosRole) running() bool {
	select {
	case <-r.done:
		return false
	default:
		return true
	}
}

// kill ends the process with SIGKILL and waits for it.
func (r *chaosRole) kill() {
	r.cmd.Process.Signal(syscall.SIGKILL)
	<-r.done
}

// restartIfDown starts the role again once its down time is over, and at
// once when it exited on its own (a worker that could not reach NATS or
// its store at start exits, as under a supervisor).
func (r *chaosRole) restartIfDown(t *testing.T) {
	if !r.running() && time.Now().After(r.downUntil) {
		r.start(t)
	}
}

// restartNow starts the role if it is down, whatever its down time.
func (r *chaosRole) restartNow(t *testing.T) {
	if !r.running() {
		r.start(t)
	}
}

// stop ends the process as a user does.
func (r *chaosRole) stop(t *testing.T) {
	t.Helper()
	if !r.running() {
		return
	}
	r.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-r.done:
	case <-time.After(30 * time.Second):
		t.Errorf("%s did not stop within 30 s of SIGTERM", r.name)
		r.kill()
	}
}

// startChaosNATS starts one JetStream nats-server process with its store
// under dir, restartable on the same address and store.
func startChaosNATS(t *testing.T, bin, dir string) *chaosRole {
	t.Helper()
	addr := freeAddr(t)
	store := filepath.Join(dir, "nats")
	conf := fmt.Sprintf("server_name: chaos\nlisten: %q\nmax_payload: 8MB\njetstream {\n  store_dir: %q\n  max_memory_store: 256MB\n  max_file_store: 2GB\n}\n", addr, store)
	path := filepath.Join(dir, "nats.conf")
	if err := os.WriteFile(path, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &chaosRole{name: "nats-server", dir: dir, path: bin, args: []string{"--config", path}, url: "nats://" + addr}
	r.start(t)
	waitListening(t, addr)
	return r
}

// keepChaosLogs writes every role's log to CASEFILE_CHAOS_LOGS, or to a
// temporary folder that outlives the test when it failed.
func keepChaosLogs(t *testing.T, roles []*chaosRole) {
	dir := os.Getenv("CASEFILE_CHAOS_LOGS")
	if dir == "" && (!t.Failed() || len(roles) == 0) {
		return
	}
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "casefile-chaos-logs-"); err != nil {
			t.Log(err)
			return
		}
	}
	for _, r := range roles {
		os.WriteFile(filepath.Join(dir, r.name+".log"), []byte(r.log.String()), 0o644)
	}
	t.Logf("process logs kept in %s", dir)
}
