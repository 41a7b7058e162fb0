package doctext_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/internal/corpustest"
)

// BenchmarkExtractCorpus extracts every text-layer PDF of ../shared/corpus
// in this process and reports pages/s (scripts/bench-extract.sh compares
// whole processes against pdftotext).
func BenchmarkExtractCorpus(b *testing.B) {
	var docs [][]byte
	for _, c := range corpustest.Files(b) {
		if c.Kind != "text" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(corpustest.Dir(b), "pdfs", c.Name))
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
	}
	x := doctext.Extractor{OCR: doctext.OCR{Mode: doctext.OCROff}}
	pages := 0
	for b.Loop() {
		pages = 0
		for _, d := range docs {
			ex, err := x.Extract(context.Background(), "d.pdf", bytes.NewReader(d), int64(len(d)))
			if err != nil {
				b.Fatal(err)
			}
			pages += len(ex.Pages)
		}
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
