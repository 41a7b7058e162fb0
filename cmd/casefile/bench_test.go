package main

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// TestBench runs casefile bench on a small dump of the sample filings and
// checks that its figures describe the run: every copy became a record in
// both the pipeline and the direct run, each round was measured, and each
// stage was timed. Speed
// itself is not asserted: these machines are shared.
func TestBench(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline")
	}
	dir := t.TempDir()
	cmd := casefileCmd(dir, "bench", "--docs", "8", "--rounds", "2", "--json", "--ocr", "off", filepath.Join(mustAbs(t, "../../testdata/pdfs")))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("casefile bench: %v", err)
	}
	var rep benchReport
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("bench output: %v\n%s", err, out)
	}
	if rep.Docs != 8 || rep.Records != 8 || rep.DeadLetter != 0 {
		t.Errorf("bench: %d documents, %d records, %d dead letters; want 8, 8, 0", rep.Docs, rep.Records, rep.DeadLetter)
	}
	if rep.Pages == 0 || rep.Tokens == 0 || rep.PipelineSeconds <= 0 || rep.DirectSeconds <= 0 || rep.PeakRSSMiB <= 0 {
		t.Errorf("bench figures missing: %+v", rep)
	}
	if len(rep.Rounds) != 2 || rep.PipelineCPUSeconds <= 0 || rep.DirectCPUSeconds <= 0 {
		t.Errorf("bench: %d rounds, CPU %.2f s pipeline, %.2f s direct; want 2 rounds and CPU figures", len(rep.Rounds), rep.PipelineCPUSeconds, rep.DirectCPUSeconds)
	}
	for _, stage := range []string{"extract", "annotate", "sink"} {
		if rep.StageSeconds[stage] <= 0 {
			t.Errorf("stage %s not timed: %v", stage, rep.StageSeconds)
		}
	}
	if rep.IsolationSample == 0 {
		t.Error("isolation cost not measured")
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
