package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/casefile/casefile/sinks"
)

// TestWhoCommands runs the who-is-who commands as a user would: casefile
// run over four New York press releases (three of the Bronx DA's, one of
// the Special Narcotics Prosecutor's), then people, orgs and show on the
// store it wrote; a split judged with casefile judge, and a second run
// with --judgements that keeps it.
func TestWhoCommands(t *testing.T) {
	dir := t.TempDir()
	dump := filepath.Join(dir, "dump")
	if err := os.Mkdir(dump, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"ny-bronx-da-1300-crew-press-release.txt", "ny-bronx-da-800ygz-press-release.txt",
		"ny-bronx-da-coe-press-release.txt", "ny-snp-wtg-2012-press-release.txt"} {
		copyFile(t, filepath.Join("..", "..", "testdata", "text", name), filepath.Join(dump, name))
	}
	judgements := filepath.Join(dir, "decisions.jsonl")
	if out, err := casefileOutput(dir, "run", "--judgements", judgements, "dump"); err != nil {
		t.Fatalf("casefile run: %v\n%s", err, out)
	}

	list := func(cmd string, args ...string) []sinks.ClusterSummary {
		t.Helper()
		out, err := casefileCmd(dir, append([]string{cmd, "--json", "--limit", "0", "--judgements", judgements}, args...)...).Output()
		if err != nil {
			t.Fatalf("casefile %s: %v", cmd, err)
		}
		var cs []sinks.ClusterSummary
		dec := json.NewDecoder(strings.NewReader(string(out)))
		for dec.More() {
			var c sinks.ClusterSummary
			if err := dec.Decode(&c); err != nil {
				t.Fatalf("casefile %s: %v", cmd, err)
			}
			cs = append(cs, c)
		}
		return cs
	}
	find := func(cs []sinks.ClusterSummary, name string) []sinks.ClusterSummary {
		var out []sinks.ClusterSummary
		for _, c := range cs {
			if c.Name == name {
				out = append(out, c)
			}
		}
		return out
	}

	clark := find(list("people", "--name", "clark"), "Darcel D. Clark")
	if len(clark) != 1 || clark[0].Filings != 3 {
		t.Fatalf("Darcel D. Clark = %+v, want one cluster over the 3 Bronx releases", clark)
	}
	if nypd := find(list("orgs", "--name", "nypd"), "NYPD"); len(nypd) != 1 || nypd[0].Filings != 4 {
		t.Errorf("NYPD = %+v, want one cluster over the 4 releases", nypd)
	}

	out, err := casefileCmd(dir, "show", "--json", "--judgements", judgements, clark[0].ID).Output()
	if err != nil {
		t.Fatalf("casefile show: %v", err)
	}
	var d sinks.ClusterDetail
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Entities) != 3 {
		t.Fatalf("show %s: %d members, want 3", clark[0].ID, len(d.Entities))
	}
	for _, m := range d.Entities {
		if !strings.Contains(m.Source, "ny-bronx-da-") || len(m.Mentions) == 0 {
			t.Errorf("member %s from %s with %d mentions", m.Member, m.Source, len(m.Mentions))
		}
	}

	// A reader decides one release's Clark is someone else.
	off := d.Entities[0]
	if out, err := casefileOutput(dir, "judge", "split", "--judgements", judgements, "--note", "test", clark[0].ID, off.Member); err != nil {
		t.Fatalf("casefile judge split: %v\n%s", err, out)
	}
	check := func(when string) {
		t.Helper()
		got := find(list("people", "--name", "clark"), "Darcel D. Clark")
		filings := map[int]int{}
		for _, c := range got {
			filings[c.Filings]++
		}
		if len(got) != 2 || filings[2] != 1 || filings[1] != 1 {
			t.Errorf("%s: Darcel D. Clark = %+v, want a cluster of 2 filings and one of 1", when, got)
		}
	}
	check("after the split")

	// The dump again, into a fresh store: the decision holds.
	if err := os.Remove(filepath.Join(dir, "casefile.db")); err != nil {
		t.Fatal(err)
	}
	if out, err := casefileOutput(dir, "run", "--data-dir", filepath.Join(dir, "again"), "--judgements", judgements, "dump"); err != nil {
		t.Fatalf("casefile run again: %v\n%s", err, out)
	}
	check("after a fresh run")
}

// TestWriteClusterQuotesSource: a source is a file name from a dump, and
// one holding a newline or a terminal escape must not reach the terminal
// as such (dlq list quotes it too).
func TestWriteClusterQuotesSource(t *testing.T) {
	const source = "dump/x\x1b]0;owned\x07\nfake line.pdf"
	d := &sinks.ClusterDetail{
		ClusterSummary: sinks.ClusterSummary{ID: "p-0123456789abcdef", Name: "Jane Doe", Type: "PERSON"},
		Entities:       []sinks.ClusterMember{{Member: "abc/doe jane", Source: source, EntityID: "p1", Name: "Jane Doe"}},
	}
	var b strings.Builder
	writeCluster(&b, d)
	if out := b.String(); strings.ContainsAny(out, "\x1b\x07") || !strings.Contains(out, strconv.Quote(source)) {
		t.Errorf("writeCluster wrote %q, want the source quoted as %s", out, strconv.Quote(source))
	}
}
