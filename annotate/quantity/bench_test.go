package quantity

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casefile/casefile/schemas"
)

// BenchmarkFind runs Find over the shared corpus, when it is present, and
// reports words per second.
func BenchmarkFind(b *testing.B) {
	files, _ := filepath.Glob("/work/shared/corpus/text/*.txt")
	var pages []schemas.Page
	words := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for i, p := range strings.Split(string(data), "\f") {
			pages = append(pages, schemas.Page{Number: i + 1, Text: p})
			words += len(strings.Fields(p))
		}
	}
	if len(pages) == 0 {
		b.Skip("no corpus")
	}
	b.ResetTimer()
	for range b.N {
		for _, p := range pages {
			Find(p)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
