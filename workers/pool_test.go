package workers_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/workers"
)

// TestPool: long-lived children take document after document, answer a
// bad document with its reason and go on, are replaced after MaxDocs, and
// a child that dies or hangs costs its document a dead letter, never the
// pool.
func TestPool(t *testing.T) {
	bin := buildCasefile(t)
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("../testdata/pdfs", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	good, bad := read("ca8-us-v-wilson-opinion.pdf"), read("html-saved-as-pdf.pdf")
	extract := func(pl *workers.Pool, data []byte, timeout time.Duration) error {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		ex, err := pl.Extract(ctx, "doc.pdf", bytes.NewReader(data), int64(len(data)))
		if err == nil && len(ex.Pages) != 2 {
			t.Errorf("%d pages, want 2", len(ex.Pages))
		}
		return err
	}
	reason := func(err error) schemas.Reason {
		var ce *workers.ChildError
		if errors.As(err, &ce) {
			return ce.Reason
		}
		return ""
	}

	t.Run("many documents, bad ones among them", func(t *testing.T) {
		pl := &workers.Pool{Command: []string{bin, "extract-child", "--ocr", "off"}, MaxDocs: 3}
		defer pl.Close()
		for i := range 8 {
			data, want := good, schemas.Reason("")
			if i%3 == 1 {
				data, want = bad, schemas.ReasonExtractNotPDF
			}
			if err := extract(pl, data, 30*time.Second); reason(err) != want || want == "" && err != nil {
				t.Fatalf("document %d: %v, want reason %q", i, err, want)
			}
		}
	})
	t.Run("a child that dies", func(t *testing.T) {
		pl := &workers.Pool{Command: []string{"sh", "-c", "exit 3", "sh"}}
		defer pl.Close()
		if err := extract(pl, good, 30*time.Second); reason(err) != schemas.ReasonExtractCrashed {
			t.Fatalf("Extract = %v, want reason %s", err, schemas.ReasonExtractCrashed)
		}
	})
	t.Run("a hung child is killed on the deadline", func(t *testing.T) {
		// A child that never answers stands in for a parser spinning on a
		// hostile file.
		pl := &workers.Pool{Command: []string{"sh", "-c", "sleep 600", "sh"}}
		defer pl.Close()
		start := time.Now()
		if err := extract(pl, good, 300*time.Millisecond); reason(err) != schemas.StageReason(schemas.StageExtract, schemas.CauseTimeout) {
			t.Fatalf("Extract = %v, want a timeout", err)
		}
		if el := time.Since(start); el > 10*time.Second {
			t.Errorf("took %s; the child was not killed promptly", el)
		}
	})
}

// BenchmarkPoolOverhead extracts the same document in process and through
// a warm pool, so the difference is what a long-lived child costs per
// document: the pipe both ways and the result's JSON, not the child's
// start, which --child-docs amortizes. Its pool case is
// BenchmarkExtractIsolation's child-process case with long-lived children.
func BenchmarkPoolOverhead(b *testing.B) {
	data, err := os.ReadFile("../testdata/pdfs/ca8-us-v-wilson-opinion.pdf")
	if err != nil {
		b.Fatal(err)
	}
	pl := &workers.Pool{Command: []string{buildCasefile(b), "extract-child", "--ocr", "off"}}
	defer pl.Close()
	x := &doctext.Extractor{OCR: doctext.OCR{Mode: doctext.OCROff}}
	for _, tt := range []struct {
		name string
		x    workers.Extractor
	}{{"in-process", x}, {"pool", pl}} {
		b.Run(tt.name, func(b *testing.B) {
			if _, err := tt.x.Extract(context.Background(), "d.pdf", bytes.NewReader(data), int64(len(data))); err != nil {
				b.Fatal(err) // warm: the child started, caches filled
			}
			for b.Loop() {
				if _, err := tt.x.Extract(context.Background(), "d.pdf", bytes.NewReader(data), int64(len(data))); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
