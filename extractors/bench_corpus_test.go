package extractors_test

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casefile/casefile/extractors"
)

// BenchmarkExtractCorpus extracts every text-layer PDF of ../shared/corpus
// in this process and reports pages/s (scripts/bench-extract.sh compares
// whole processes against pdftotext).
func BenchmarkExtractCorpus(b *testing.B) {
	manifest, err := os.Open("../../shared/corpus/MANIFEST.tsv")
	if err != nil {
		b.Skip("../shared/corpus not present")
	}
	defer manifest.Close()
	var docs [][]byte
	sc := bufio.NewScanner(manifest)
	sc.Scan()
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) > 6 && f[6] == "text" {
			data, err := os.ReadFile(filepath.Join("../../shared/corpus/pdfs", f[0]))
			if err != nil {
				b.Fatal(err)
			}
			docs = append(docs, data)
		}
	}
	x := extractors.Extractor{OCR: extractors.OCR{Mode: extractors.OCROff}}
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
