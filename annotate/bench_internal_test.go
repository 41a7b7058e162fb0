package annotate

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/casefile/casefile/annotate/quantity"

	"github.com/casefile/casefile/schemas"
)

// BenchmarkRuleExtractors measures, over the sample texts, the whole
// annotation, the quantity and charge extractors alone, and prose v2's
// tagger and entity model with its model loaded once, on the same pages, so
// that their shares and the ratio to prose can be read off one run:
//
//	go test -run '^$' -bench RuleExtractors -benchtime 3x ./annotate
func BenchmarkRuleExtractors(b *testing.B) {
	files, _ := filepath.Glob("../testdata/text/*.txt")
	var pages []schemas.Page
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range strings.Split(string(data), "\f") {
			pages = append(pages, schemas.Page{Number: len(pages) + 1, Text: p})
		}
	}
	m, err := LoadModels()
	if err != nil {
		b.Fatal(err)
	}
	words := 0
	for _, p := range pages {
		words += len(splitWords([]rune(p.Text)))
	}
	b.Run("annotate-all", func(b *testing.B) {
		a := NewAnnotator(m)
		for b.Loop() {
			if _, err := a.Annotate(context.Background(), pages); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	})
	b.Run("prose-v2", func(b *testing.B) {
		model := prose.ModelFromData("en-v2.0.0")
		for b.Loop() {
			for _, p := range pages {
				if _, err := prose.NewDocument(p.Text, prose.UsingModel(model), prose.WithSegmentation(false)); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	})
	b.Run("quantities-and-charges", func(b *testing.B) {
		for b.Loop() {
			for _, p := range pages {
				_ = quantity.Find(p)
				_ = m.charges.Find(p)
			}
		}
		b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	})
}
