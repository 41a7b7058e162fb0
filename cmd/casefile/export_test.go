package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportAfterRun runs the sample filings through the pipeline into
// SQLite, then exports the store as FtM (validated by --check) and as CSV
// files a CSV reader opens.
func TestExportAfterRun(t *testing.T) {
	dir := t.TempDir()
	samples, _ := filepath.Abs("../../testdata/pdfs")
	if stderr, err := casefile(t, dir, "run", "--sink", "sqlite:casefile.db", samples); err != nil {
		t.Fatalf("casefile run: %v\n%s", err, stderr)
	}
	stderr, err := casefile(t, dir, "export", "--format", "ftm", "--db", "sqlite:casefile.db", "--out", "out.ftm.jsonl", "--check")
	if err != nil {
		t.Fatalf("casefile export --format ftm: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "entities valid against the FollowTheMoney schema") {
		t.Errorf("no validation report:\n%s", stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "out.ftm.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, schema := range []string{"Person", "Organization", "Address", "Pages", "Documentation", "CourtCase", "CourtCaseParty"} {
		if !strings.Contains(string(data), `"schema":"`+schema+`"`) {
			t.Errorf("no %s entity in the export", schema)
		}
	}
	if stderr, err := casefile(t, dir, "export", "--format", "csv", "--db", filepath.Join(dir, "casefile.db"), "--out", "csv"); err != nil {
		t.Fatalf("casefile export --format csv: %v\n%s", err, stderr)
	}
	for _, name := range []string{"people.csv", "organizations.csv", "places.csv", "mentions.csv", "quantities.csv", "charges.csv"} {
		f, err := os.Open(filepath.Join(dir, "csv", name))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil || len(rows) < 2 {
			t.Errorf("%s: %d rows, %v", name, len(rows), err)
		}
	}
	if _, err := casefile(t, dir, "export", "--format", "csv", "--check"); err == nil {
		t.Error("--check with csv accepted")
	}
}
