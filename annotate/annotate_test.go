package annotate_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"github.com/casefile/casefile/annotate"
	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/schemas"
)

// The model is loaded once for all tests, as a process does.
var models = sync.OnceValue(func() *annotate.Models {
	m, err := annotate.LoadModels()
	if err != nil {
		panic(err)
	}
	return m
})

func annotatePages(t testing.TB, pages []schemas.Page) []schemas.Entity {
	t.Helper()
	ann, err := annotate.NewAnnotator(models()).Annotate(context.Background(), pages)
	if err != nil {
		t.Fatal(err)
	}
	return ann.Entities
}

func TestAnnotateFindsNamesWithExactSpans(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // TYPE:text that must be among the entities
	}{
		{"plain", "The defendant Robert Wilson was sentenced in Iowa.", []string{"PERSON:Robert Wilson"}},
		{"curly quotes and accents", "“We will not stop,” said José Martínez in Brooklyn.", []string{"PLACE:Brooklyn"}}, // offsets after multi-byte runes,
		{"names on two lines stay apart", "Linda Reade\nRobert Wilson", []string{"PERSON:Linda Reade", "PERSON:Robert Wilson"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages := []schemas.Page{{Number: 1, Method: schemas.MethodText, Text: tt.text}}
			ents := annotatePages(t, pages)
			rec := &schemas.Record{Pages: pages, Entities: ents}
			if err := schemas.CheckSpans(rec); err != nil {
				t.Fatal(err)
			}
			have := map[string]bool{}
			for _, e := range ents {
				have[string(e.Type)+":"+e.Text] = true
			}
			for _, w := range tt.want {
				if !have[w] {
					t.Errorf("Annotate(%q) = %v, want %s among them", tt.text, have, w)
				}
			}
		})
	}
}

// TestSpansOnEveryDocument is the provenance invariant: on every page of
// every sample (and of ../shared/corpus when it is there), every entity's
// text is exactly its span of the page.
func TestSpansOnEveryDocument(t *testing.T) {
	files, _ := filepath.Glob("../testdata/pdfs/*.pdf")
	corpus, _ := filepath.Glob("../../shared/corpus/pdfs/*.pdf")
	if testing.Short() {
		corpus = nil
	}
	total := 0
	for i, f := range append(files, corpus...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// The corpus runs without OCR to keep this test fast; the samples,
		// scans included, run with it.
		x := doctext.Extractor{OCR: doctext.OCR{Mode: doctext.OCROff}}
		if i < len(files) {
			x.OCR.Mode = doctext.OCRAuto
		}
		ex, err := x.Extract(context.Background(), f, bytes.NewReader(data), int64(len(data)))
		if err != nil {
			continue // dead letters are tested elsewhere
		}
		ents := annotatePages(t, ex.Pages)
		if err := schemas.CheckSpans(&schemas.Record{Pages: ex.Pages, Entities: ents}); err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
		}
		total += len(ents)
	}
	if total == 0 {
		t.Fatal("no entities at all")
	}
	t.Logf("%d entities checked over %d files", total, len(files)+len(corpus))
}

// FuzzAnnotate: whatever the text, every entity must reproduce its span.
func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"UNITED STATES OF AMERICA v. JOSE DOE, a/k/a “Flaco”",
		"Special Agent Maria Lopez of the DEA in Denver, Colorado.",
		"Bronx District Attorney Darcel D. Clark ‘today’ announced",
		"&rsquo;s Judge Linda Reade\n\n\tof Iowa",
		"Case 2:14-cr-00648-CAS Document 1107 Filed 03/05/19 Page 1 of 3\n1 HARINDER SINGH\n2 Los Angeles\nJANE DOE, REPORTER\f" +
			"Case 2:14-cr-00648-CAS Document 1107 Filed 03/05/19 Page 2 of 3\n1 THE COURT\nJANE DOE, REPORTER\f" +
			"Case 2:14-cr-00648-CAS Document 1107 Filed 03/05/19 Page 3 of 3\nJANE DOE, REPORTER",
		// Capitals whose lower case has another length (Kelvin sign, dotted I).
		"\u212a\u212a \u212aING seized 5 kilograms from İİİ SMITH, charged under Penal Law § 220.39",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		// Form feeds part pages, so that running heads are found.
		var pages []schemas.Page
		for i, text := range strings.Split(s, "\f") {
			pages = append(pages, schemas.Page{Number: i + 1, Method: schemas.MethodText, Text: text})
		}
		ents := annotatePages(t, pages)
		if err := schemas.CheckSpans(&schemas.Record{Pages: pages, Entities: ents}); err != nil {
			t.Fatal(err)
		}
	})
}

// benchPages is the text of the sample filings, the annotate benchmark's
// input: all their pages, and each document's whole text.
func benchPages(b *testing.B) ([]schemas.Page, []string, int) {
	b.Helper()
	files, _ := filepath.Glob("../testdata/text/*.txt")
	var (
		pages []schemas.Page
		docs  []string
	)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, string(data))
		for _, p := range strings.Split(string(data), "\f") {
			if strings.TrimSpace(p) != "" {
				pages = append(pages, schemas.Page{Number: len(pages) + 1, Method: schemas.MethodText, Text: p})
			}
		}
	}
	// Tokens as prose's tokenizer counts them, the same figure for every
	// contender.
	tokens := 0
	for _, p := range pages {
		doc, err := prose.NewDocument(p.Text, prose.WithTagging(false), prose.WithExtraction(false), prose.WithSegmentation(false))
		if err != nil {
			b.Fatal(err)
		}
		tokens += len(doc.Tokens())
	}
	return pages, docs, tokens
}

// BenchmarkAnnotate reports tokens/s, over the same pages in one run, for
// casefile's annotator (prose tagging and entity model, shared, plus the
// court rules), for prose alone with its model reused, and for
// prose.NewDocument with default options per document, which reloads
// prose's models on every call.
func BenchmarkAnnotate(b *testing.B) {
	pages, docs, tokens := benchPages(b)
	b.Run("casefile-shared-model", func(b *testing.B) {
		a := annotate.NewAnnotator(models())
		for b.Loop() {
			if _, err := a.Annotate(context.Background(), pages); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	})
	b.Run("prose-reused-model", func(b *testing.B) {
		m := prose.ModelFromData("en")
		for b.Loop() {
			for _, p := range pages {
				doc, err := prose.NewDocument(p.Text, prose.UsingModel(m), prose.WithSegmentation(false))
				if err != nil {
					b.Fatal(err)
				}
				_ = doc.Entities()
			}
		}
		b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	})
	b.Run("prose-default-per-document", func(b *testing.B) {
		for b.Loop() {
			for _, text := range docs {
				doc, err := prose.NewDocument(text)
				if err != nil {
					b.Fatal(err)
				}
				_ = doc.Entities()
			}
		}
		b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	})
}

// BenchmarkEncodeRecord measures what the annotate stage does to a record
// after annotation: schemas.Encode marshals it and checks those bytes
// against record.v1.json (and the spans), against json.Marshal alone. The
// records are the sample filings', annotated once before timing, so the
// entities are a real mix of types and attributes.
func BenchmarkEncodeRecord(b *testing.B) {
	files, _ := filepath.Glob("../testdata/text/*.txt")
	a := annotate.NewAnnotator(models())
	var recs []*schemas.Record
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var ex schemas.Extraction
		ex.ContentType = "text/plain"
		for _, p := range strings.Split(string(data), "\f") {
			ex.Pages = append(ex.Pages, schemas.Page{Number: len(ex.Pages) + 1, Method: schemas.MethodText, Text: p})
		}
		in := schemas.Ingested{ID: strings.Repeat("0", 64), Source: filepath.Base(f), Bytes: int64(len(data))}
		rec, err := a.Record(context.Background(), in, ex)
		if err != nil {
			b.Fatal(err)
		}
		recs = append(recs, rec)
	}
	entities := 0
	for _, r := range recs {
		entities += len(r.Entities)
	}
	for _, bc := range []struct {
		name   string
		encode func(*schemas.Record) ([]byte, error)
	}{
		{"marshal", func(r *schemas.Record) ([]byte, error) { return json.Marshal(r) }},
		{"encode", schemas.Encode},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				for _, r := range recs {
					if _, err := bc.encode(r); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(entities)*float64(b.N)/b.Elapsed().Seconds(), "entities/s")
		})
	}
}
