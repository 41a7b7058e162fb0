package casemeta

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func BenchmarkHeadingCourt(b *testing.B) {
	start := time.Now()
	courtIndex()
	b.Logf("table compiled in %v", time.Since(start))
	files, _ := filepath.Glob("testdata/case/*.txt")
	var pages []string
	for _, f := range files {
		t, _ := os.ReadFile(f)
		pages = append(pages, string(t))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			court(p)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(pages)), "µs/page")
}
