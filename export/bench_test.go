package export_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/casefile/casefile/export"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/sinks"
)

// BenchmarkExport writes 20,000 records (copies of the sample filings'
// records under distinct ids and sources; CASEFILE_EXPORT_BENCH_RECORDS
// changes the number) into a SQLite store, then exports it in each format
// in a child process (this test binary, re-run) and reports the child's
// peak RSS and records/s. Target: under 300 MiB.
//
//	go test -run '^$' -bench Export -benchtime 1x ./export
//
// Measured on the shared 2-core machine, 20,000 records (897,138 person,
// organization and place mentions; 1,534,249 mentions in all; an 0.8 GB
// store): ftm 423,000 entities in 33 s, 598 records/s, peak RSS 110 MiB;
// csv 2,071,465 rows in 49 s, 407 records/s, peak RSS 94 MiB. Writing the
// store itself took most of the benchmark's 18 minutes.
func BenchmarkExport(b *testing.B) {
	n := 20000
	if v := os.Getenv("CASEFILE_EXPORT_BENCH_RECORDS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatal(err)
		}
	}
	recs, err := sampleRecords()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	path := filepath.Join(dir, "casefile.db")
	start := time.Now()
	if err := copies(path, recs, n); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d records written in %s", n, time.Since(start).Round(time.Second))
	for _, format := range []string{"ftm", "csv"} {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				out := filepath.Join(b.TempDir(), "out")
				cmd := exec.Command(os.Args[0], "-test.run=^TestExportChild$")
				cmd.Env = append(os.Environ(), "CASEFILE_EXPORT_CHILD="+format, "CASEFILE_EXPORT_CHILD_STORE="+path, "CASEFILE_EXPORT_CHILD_OUT="+out)
				cmd.Stderr = os.Stderr
				t0 := time.Now()
				stdout, err := cmd.Output()
				if err != nil {
					b.Fatal(err)
				}
				elapsed := time.Since(t0)
				// The child reports its own high-water mark: the rusage
				// of a child started by vfork counts the parent's pages
				// up to its exec.
				_, line, ok := strings.Cut(string(stdout), "VmHWM:")
				if !ok {
					b.Fatalf("child printed no VmHWM: %q", stdout)
				}
				kib, err := strconv.Atoi(strings.Fields(line)[0])
				if err != nil {
					b.Fatal(err)
				}
				rss := float64(kib) / 1024
				b.ReportMetric(rss, "peak-RSS-MiB")
				b.ReportMetric(float64(n)/elapsed.Seconds(), "records/s")
				if rss > 300 {
					b.Errorf("peak RSS %.0f MiB, over the 300 MiB target", rss)
				}
			}
		})
	}
}

// TestExportChild is the benchmark's exporting process; it does nothing
// unless CASEFILE_EXPORT_CHILD is set.
func TestExportChild(t *testing.T) {
	format := os.Getenv("CASEFILE_EXPORT_CHILD")
	if format == "" {
		t.Skip("the benchmark's child")
	}
	spec, out := os.Getenv("CASEFILE_EXPORT_CHILD_STORE"), os.Getenv("CASEFILE_EXPORT_CHILD_OUT")
	ctx := context.Background()
	s, err := export.Open(ctx, "sqlite:"+spec)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var st export.Stats
	switch format {
	case "ftm":
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		st, err = s.FtM(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
	case "csv":
		if st, err = s.CSV(ctx, out); err != nil {
			t.Fatal(err)
		}
	}
	fmt.Fprintf(os.Stderr, "export %s: %d documents, %d mentions, %d written\n", format, st.Documents, st.Mentions, st.Total())
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(status)) {
		if strings.HasPrefix(line, "VmHWM:") {
			fmt.Print(line)
		}
	}
}

// copies writes n records into a new SQLite store at path: the sample
// records in turn, each under a fresh id and source.
func copies(path string, recs []schemas.Record, n int) error {
	ctx := context.Background()
	s, err := sinks.OpenSQLite(ctx, path, sinks.Options{Version: "bench"})
	if err != nil {
		return err
	}
	batch := make([]schemas.Record, 0, 500)
	for i := range n {
		r := recs[i%len(recs)]
		sum := sha256.Sum256([]byte(r.ID + strconv.Itoa(i)))
		r.ID = hex.EncodeToString(sum[:])
		r.Source = fmt.Sprintf("copies/%05d/%s", i, filepath.Base(r.Source))
		batch = append(batch, r)
		if len(batch) == cap(batch) || i == n-1 {
			if err := s.Write(ctx, batch...); err != nil {
				s.Close(ctx)
				return err
			}
			batch = batch[:0]
		}
	}
	return s.Close(ctx)
}
