package charge

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casefile/casefile/schemas"
)

// BenchmarkFind measures Find, and the context phrase reader alone, over
// the page texts under CASEFILE_CHARGE_CORPUS.
func BenchmarkFind(b *testing.B) {
	root := os.Getenv("CASEFILE_CHARGE_CORPUS")
	if root == "" {
		b.Skip("CASEFILE_CHARGE_CORPUS not set")
	}
	files, _ := filepath.Glob(filepath.Join(root, "*", "*.txt"))
	var pages []string
	words := 0
	for _, f := range files {
		bs, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range strings.Split(string(bs), "\f") {
			pages = append(pages, p)
			words += len(strings.Fields(p))
		}
	}
	fd, err := New()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("find", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for n, p := range pages {
				fd.Find(schemas.Page{Number: n + 1, Text: p})
			}
		}
		b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	})
	b.Run("context", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, p := range pages {
				contextOffenses(p)
			}
		}
		b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	})
}
