package referent_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casefile/casefile/annotate"
	"github.com/casefile/casefile/annotate/referent"
	"github.com/casefile/casefile/schemas"
)

// BenchmarkGroup measures Group alone over the annotated sample texts,
// document by document, and over all their pages as one document (the
// shape of annotate's BenchmarkRuleExtractors), in words per second to
// set beside annotation's own rate:
//
//	go test -run '^$' -bench Group -benchtime 3x ./annotate/referent
func BenchmarkGroup(b *testing.B) {
	files, _ := filepath.Glob("../../testdata/text/*.txt")
	if len(files) == 0 {
		b.Skip("no sample texts")
	}
	models, err := annotate.LoadModels()
	if err != nil {
		b.Fatal(err)
	}
	a := annotate.NewAnnotator(models)
	type doc struct {
		pages []schemas.Page
		ents  []schemas.Entity
	}
	var (
		docs  []doc
		all   doc
		words int
	)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var d doc
		for _, p := range strings.Split(string(data), "\f") {
			d.pages = append(d.pages, schemas.Page{Number: len(d.pages) + 1, Text: p})
			all.pages = append(all.pages, schemas.Page{Number: len(all.pages) + 1, Text: p})
			words += len(strings.Fields(p))
		}
		ann, err := a.Annotate(context.Background(), d.pages)
		if err != nil {
			b.Fatal(err)
		}
		d.ents = ann.Entities
		docs = append(docs, d)
	}
	ann, err := a.Annotate(context.Background(), all.pages)
	if err != nil {
		b.Fatal(err)
	}
	all.ents = ann.Entities
	b.Run("by-document", func(b *testing.B) {
		for b.Loop() {
			for _, d := range docs {
				referent.Group(d.ents, d.pages)
			}
		}
		b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	})
	b.Run("one-document", func(b *testing.B) {
		for b.Loop() {
			referent.Group(all.ents, all.pages)
		}
		b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	})
}
