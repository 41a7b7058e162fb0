package main

import (
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"
)

// TestDLQCommands: after a run over the samples, dlq list shows the three
// that failed, filters by reason and stage, export writes them as CSV a
// spreadsheet reads, and purge removes a document's dead letter.
func TestDLQCommands(t *testing.T) {
	dir := t.TempDir()
	samples, _ := filepath.Abs("../../testdata/pdfs")
	if stderr, err := casefile(t, dir, "run", samples); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	out := func(args ...string) string {
		t.Helper()
		var b strings.Builder
		cmd := casefileCmd(dir, args...)
		cmd.Stdout = &b
		if err := cmd.Run(); err != nil {
			t.Fatalf("casefile %v: %v", args, err)
		}
		return b.String()
	}
	list := out("dlq", "list")
	for name, reason := range wantDead {
		if !strings.Contains(list, string(reason)) || !strings.Contains(list, name) {
			t.Errorf("dlq list lacks %s (%s):\n%s", name, reason, list)
		}
	}
	if got := out("dlq", "list", "--reason", "extract.not_pdf", "--json"); strings.Count(got, "\n") != 1 || !strings.Contains(got, "html-saved-as-pdf.pdf") {
		t.Errorf("dlq list --reason extract.not_pdf --json:\n%s", got)
	}
	if got := out("dlq", "list", "--stage", "ingest", "--json"); strings.Count(got, "\n") != 1 || !strings.Contains(got, "ingest.empty") {
		t.Errorf("dlq list --stage ingest --json:\n%s", got)
	}
	rows, err := csv.NewReader(strings.NewReader(out("dlq", "export"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(wantDead) || strings.Join(rows[0], ",") != "id,source,stage,reason,message,attempts,at" {
		t.Fatalf("export: %q", rows)
	}
	var notPDF string
	for _, r := range rows[1:] {
		if r[3] == "extract.not_pdf" {
			notPDF = r[0]
		}
	}
	if got := out("dlq", "purge", notPDF[:12]); !strings.Contains(got, "purged 1 dead letters of 1 documents") {
		t.Errorf("purge: %s", got)
	}
	if got := out("dlq", "list"); strings.Contains(got, "extract.not_pdf") || strings.Count(got, "\n") != len(wantDead) {
		t.Errorf("after purge:\n%s", got)
	}
}

// TestDLQReplay: documents dead-lettered under limits set too low are
// replayed after the fix (the default limits): those whose bytes the store
// holds from them, the one ingest refused from its source file. Every
// sample then ends as it should, once, in the store and the ledger.
func TestDLQReplay(t *testing.T) {
	dir := t.TempDir()
	samples, _ := filepath.Abs("../../testdata/pdfs")
	if stderr, err := casefile(t, dir, "run", "--max-pages", "1", "--max-bytes", "100000", samples); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	before := counts(t, sqliteStore(dir))
	sources := func() [][]string {
		return sqliteStore(dir).query(t, "SELECT source FROM documents ORDER BY source")
	}
	recordedBefore := sources()
	if before.Documents >= 7 {
		t.Fatalf("the low limits refused nothing: %+v", before)
	}
	// The run left the files where they lay, so no bytes were stored: a
	// dead letter names any path, and replay reads one only under the
	// folders it is given, else skips the dead letter and keeps it.
	elsewhere := t.TempDir()
	for _, args := range [][]string{nil, {"--read-sources", elsewhere}} {
		args = append([]string{"dlq", "replay", "--reason", "ingest.too_large"}, args...)
		stderr, err := casefile(t, dir, args...)
		if err == nil || !strings.Contains(stderr, "dead letter skipped") || !strings.Contains(stderr, "--read-sources") {
			t.Errorf("casefile %v = %v, want every dead letter skipped, saying why:\n%s", args, err, stderr)
		}
		if c := counts(t, sqliteStore(dir)); c != before {
			// Seen once under CI's load and never reproduced: say which
			// document appeared, and what the replay printed.
			t.Errorf("after casefile %v: %+v, want %+v (nothing replayed, nothing lost)\nrecorded before: %v\nrecorded now: %v\nreplay's stderr:\n%s",
				args, c, before, recordedBefore, sources(), stderr)
		}
	}
	for _, reason := range []string{"extract.too_many_pages", "ingest.too_large"} {
		stderr, err := casefile(t, dir, "dlq", "replay", "--reason", reason, "--read-sources", samples)
		if err != nil {
			t.Fatalf("replay %s: %v\n%s", reason, err, stderr)
		}
		if !strings.Contains(stderr, "dead-lettered") {
			t.Errorf("replay %s printed no summary:\n%s", reason, stderr)
		}
	}
	after := counts(t, sqliteStore(dir))
	if after.Documents != 7 || after.DeadLetters != int64(len(wantDead)) {
		t.Errorf("after replay: %+v, want 7 documents and %d dead letters (before: %+v)", after, len(wantDead), before)
	}
	var out strings.Builder
	st := casefileCmd(dir, "dlq", "list", "--json")
	st.Stdout = &out
	if err := st.Run(); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "\n"); n != len(wantDead) {
		t.Errorf("dlq list after replay: %d entries, want %d:\n%s", n, len(wantDead), out.String())
	}
}

// TestRunCircuitBreaker: when every extraction child dies (a broken
// machine), the run stops after the breaker's window with one clear error
// instead of dead-lettering the whole dump; once the machine is mended the
// same run finishes the rest, and dlq replay records the crashed ones.
func TestRunCircuitBreaker(t *testing.T) {
	dir := t.TempDir()
	const n = 60
	in := makeDump(t, dir, n, false)
	cmd := casefileCmd(dir, "run", "--workers", "1", in)
	cmd.Env = append(cmd.Env, "CASEFILE_TEST_CRASH_CHILD=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err == nil {
		t.Fatalf("a run where every child crashed succeeded:\n%s", stderr.String())
	}
	if !strings.Contains(stderr.String(), "were dead-lettered as extract.crashed") ||
		!strings.Contains(stderr.String(), "casefile dlq replay --reason extract.crashed --read-sources "+shellQuoted([]string{in})[0]) {
		t.Fatalf("no breaker message:\n%s", stderr.String())
	}
	if c := counts(t, sqliteStore(dir)); c.DeadLetters >= n {
		t.Fatalf("the breaker let all %d documents be dead-lettered", c.DeadLetters)
	}
	if stderr, err := casefile(t, dir, "run", in); err != nil {
		t.Fatalf("run after the fix: %v\n%s", err, stderr)
	}
	if stderr, err := casefile(t, dir, "dlq", "replay", "--reason", "extract.crashed", "--read-sources", in); err != nil {
		t.Fatalf("replay: %v\n%s", err, stderr)
	}
	if c := counts(t, sqliteStore(dir)); c.Documents != n || c.DeadLetters != 0 {
		t.Errorf("after the fix and the replay: %+v, want %d documents and no dead letter", c, n)
	}
}
