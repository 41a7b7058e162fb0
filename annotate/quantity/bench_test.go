package quantity

import (
	"strings"
	"testing"

	"github.com/casefile/casefile/internal/corpustest"
	"github.com/casefile/casefile/schemas"
)

// BenchmarkFind runs Find over the shared corpus, when it is present, and
// reports words per second.
func BenchmarkFind(b *testing.B) {
	var pages []schemas.Page
	words := 0
	for _, d := range corpustest.ReferenceTexts(b) {
		for _, p := range d.Pages {
			pages = append(pages, p)
			words += len(strings.Fields(p.Text))
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
