package casemeta

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/casefile/casefile/schemas"
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

// BenchmarkRead reads the case block and the dates and numbers of every
// page of the corpus's documents (poppler's text, ../shared/corpus/text,
// when present; else the stored first pages), as annotation does.
func BenchmarkRead(b *testing.B) {
	files, _ := filepath.Glob("../../../shared/corpus/text/*.txt")
	// The held-back fold's documents are kept unread while rules are
	// written (eval/folds.go lists its prefixes): not even timed.
	files = slices.DeleteFunc(files, func(f string) bool {
		base := filepath.Base(f)
		return strings.HasPrefix(base, "colo-") || strings.HasPrefix(base, "illappct-") || strings.HasPrefix(base, "ind-")
	})
	if len(files) == 0 {
		files, _ = filepath.Glob("testdata/case/*.txt")
	}
	var docs [][]schemas.Page
	pages := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var doc []schemas.Page
		for i, p := range strings.Split(string(t), "\f") {
			doc = append(doc, schemas.Page{Number: i + 1, Text: p})
		}
		docs = append(docs, doc)
		pages += len(doc)
	}
	for b.Loop() {
		for _, d := range docs {
			Read(d)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*pages), "µs/page")
}
