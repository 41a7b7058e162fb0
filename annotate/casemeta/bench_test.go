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

// BenchmarkCaption reads the caption of every stored first page.
func BenchmarkCaption(b *testing.B) {
	var pages []string
	for _, g := range []string{"testdata/case/*.txt", "testdata/external/*.txt"} {
		files, _ := filepath.Glob(g)
		for _, f := range files {
			t, _ := os.ReadFile(f)
			pages = append(pages, string(t))
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			caption(p)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(pages)), "µs/page")
}
