package workers_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/workers"
)

// buildCasefile builds the binary once per test process: the isolated
// extractor's child is the real casefile extract-child command.
func buildCasefile(tb testing.TB) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "casefile")
	out, err := exec.Command("go", "build", "-o", bin, "../cmd/casefile").CombinedOutput()
	if err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func TestIsolatedExtract(t *testing.T) {
	bin := buildCasefile(t)
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("../testdata/pdfs", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	tests := []struct {
		name       string
		cmd        []string
		data       []byte
		timeout    time.Duration
		wantReason schemas.Reason
	}{
		{"text PDF", []string{bin, "extract-child"}, read("ca8-us-v-wilson-opinion.pdf"), 30 * time.Second, ""},
		{"not a PDF", []string{bin, "extract-child"}, read("html-saved-as-pdf.pdf"), 30 * time.Second, schemas.ReasonExtractNotPDF},
		{"no objects", []string{bin, "extract-child"}, read("no-objects.pdf"), 30 * time.Second, schemas.ReasonExtractMalformed},
		// A child that never answers stands in for a parser spinning on a
		// hostile file: no real PDF hangs ledongthuc/pdf on demand.
		{"hung child is killed", []string{"sh", "-c", "sleep 600", "sh"}, []byte("%PDF-1.4"), 300 * time.Millisecond, schemas.StageReason(schemas.StageExtract, schemas.CauseTimeout)},
		{"child dies", []string{"false"}, []byte("%PDF-1.4"), 30 * time.Second, schemas.ReasonExtractCrashed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			iso := &workers.Isolated{Command: tt.cmd}
			ctx, cancel := context.WithTimeout(context.Background(), tt.timeout)
			defer cancel()
			start := time.Now()
			ex, err := iso.Extract(ctx, "doc.pdf", bytes.NewReader(tt.data), int64(len(tt.data)))
			if tt.wantReason == "" {
				if err != nil {
					t.Fatal(err)
				}
				if len(ex.Pages) != 2 {
					t.Errorf("%d pages, want 2", len(ex.Pages))
				}
				return
			}
			var ce *workers.ChildError
			if !errors.As(err, &ce) || ce.Reason != tt.wantReason {
				t.Fatalf("Extract = %v, want a ChildError with reason %s", err, tt.wantReason)
			}
			if el := time.Since(start); el > tt.timeout+5*time.Second {
				t.Errorf("took %s; the child was not killed promptly", el)
			}
		})
	}
}

// BenchmarkExtractIsolation measures what a child process per document
// costs against extracting in the worker's own process.
func BenchmarkExtractIsolation(b *testing.B) {
	data, err := os.ReadFile("../testdata/pdfs/ca8-us-v-wilson-opinion.pdf")
	if err != nil {
		b.Fatal(err)
	}
	bin := buildCasefile(b)
	ctx := context.Background()
	b.Run("in-process", func(b *testing.B) {
		x := &doctext.Extractor{OCR: doctext.OCR{Mode: doctext.OCROff}}
		for b.Loop() {
			if _, err := x.Extract(ctx, "d.pdf", bytes.NewReader(data), int64(len(data))); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("child-process", func(b *testing.B) {
		iso := &workers.Isolated{Command: []string{bin, "extract-child", "--ocr", "off"}}
		for b.Loop() {
			if _, err := iso.Extract(ctx, "d.pdf", bytes.NewReader(data), int64(len(data))); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestIsolatedNameIsData: a source name that looks like a flag reaches the
// child as its name, not as an option.
func TestIsolatedNameIsData(t *testing.T) {
	bin := buildCasefile(t)
	data, err := os.ReadFile("../testdata/pdfs/ca8-us-v-wilson-opinion.pdf")
	if err != nil {
		t.Fatal(err)
	}
	iso := &workers.Isolated{Command: []string{bin, "extract-child"}}
	for _, name := range []string{"-rf.pdf", "--max-pages=0", "--help"} {
		ex, err := iso.Extract(context.Background(), name, bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatalf("name %q: %v", name, err)
		}
		if len(ex.Pages) != 2 {
			t.Errorf("name %q: %d pages, want 2", name, len(ex.Pages))
		}
	}
}
