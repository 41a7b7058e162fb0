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
