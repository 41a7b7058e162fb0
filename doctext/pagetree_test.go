package doctext_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/internal/pdftest"
	"github.com/casefile/casefile/schemas"
)

const (
	catalog  = "<< /Type /Catalog /Pages 2 0 R >>"
	textPage = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
	font     = "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>"
)

func content(s string) string {
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(s)+1, s)
}

// TestPageTreeLies: the pages are the tree's leaves, whatever /Count says,
// and a tree that lists itself ends.
func TestPageTreeLies(t *testing.T) {
	hello := content("BT /F1 12 Tf 72 700 Td (Indictment) Tj ET")
	many := func(n int) []string {
		kids := make([]string, n)
		objs := []string{catalog, "", hello, font}
		for i := range n {
			kids[i] = fmt.Sprintf("%d 0 R", 5+i)
			objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>")
		}
		objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count 1 >>", strings.Join(kids, " "))
		return objs
	}
	tests := []struct {
		name       string
		pdf        []byte
		wantPages  int
		wantText   string
		wantReason schemas.Reason
	}{
		{"count of a billion, one page", pdftest.Objects(catalog, "<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>", textPage, hello, font), 1, "Indictment", ""},
		{"count of one, 3,000 pages", pdftest.Objects(many(3000)...), 0, "", schemas.ReasonExtractTooManyPages},
		{"kids that list their own node", pdftest.Objects(catalog, "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>", textPage, hello, font), 1, "Indictment", ""},
		{"a page listed twice", pdftest.Objects(catalog, "<< /Type /Pages /Kids [3 0 R 3 0 R] /Count 1 >>", textPage, hello, font), 1, "Indictment", ""},
	}
	x := doctext.Extractor{OCR: doctext.OCR{Mode: doctext.OCROff}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, err := x.Extract(context.Background(), "f.pdf", bytes.NewReader(tt.pdf), int64(len(tt.pdf)))
			if tt.wantReason != "" {
				if got := doctext.Reason(err); got != tt.wantReason {
					t.Fatalf("Extract: %v (reason %q), want reason %s", err, got, tt.wantReason)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(ex.Pages) != tt.wantPages || !strings.Contains(ex.Pages[0].Text, tt.wantText) {
				t.Errorf("%d pages, first %q; want %d pages with %q", len(ex.Pages), ex.Pages[0].Text, tt.wantPages, tt.wantText)
			}
		})
	}
}

// TestDeepNesting: arrays 100,000 levels deep are a malformed file with
// its reason, not a parser panic, and cost no more than a refusal.
func TestDeepNesting(t *testing.T) {
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	data := pdftest.Objects("<< /Type /Catalog /Pages 2 0 R /X "+deep+" >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", textPage)
	x := doctext.Extractor{OCR: doctext.OCR{Mode: doctext.OCROff}}
	_, err := x.Extract(context.Background(), "f.pdf", bytes.NewReader(data), int64(len(data)))
	if got := doctext.Reason(err); got != schemas.ReasonExtractMalformed {
		t.Fatalf("Extract: %v (reason %q), want %s", err, got, schemas.ReasonExtractMalformed)
	}
}

// pageRecorder is a Recognizer that records the pages it is asked to read
// and reads nothing: the test is of the policy, not of tesseract.
type pageRecorder struct{ pages []int }

func (p *pageRecorder) Recognize(_ context.Context, _ io.ReaderAt, _ int64, pages []int, each func(int, string, error)) error {
	p.pages = append(p.pages, pages...)
	for _, n := range pages {
		each(n, "", nil)
	}
	return nil
}

// TestOCRPageArea: a page of 200 × 200 inches is never rendered for OCR
// (it would take gigabytes); a letter page without text is.
func TestOCRPageArea(t *testing.T) {
	data := pdftest.Objects(catalog, "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>")
	rec := &pageRecorder{}
	x := doctext.Extractor{OCR: doctext.OCR{Mode: doctext.OCRAuto, Recognizer: rec}}
	ex, err := x.Extract(context.Background(), "f.pdf", bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.pages) != 1 || rec.pages[0] != 2 {
		t.Errorf("OCR asked for pages %v, want [2]", rec.pages)
	}
	if !strings.Contains(strings.Join(ex.Warnings, "\n"), "page 1: 40000 square inches, too large") {
		t.Errorf("warnings %q say nothing of the large page", ex.Warnings)
	}
}

// TestTextMentioningPDF: a text file that mentions "%PDF-" near its start
// is read as text; the same bytes named .pdf stay a malformed PDF.
func TestTextMentioningPDF(t *testing.T) {
	data := []byte("%PDF-1.4 is how a PDF file begins; this note is plain text about it.\n")
	x := doctext.Extractor{OCR: doctext.OCR{Mode: doctext.OCROff}}
	tests := []struct {
		name       string
		wantReason schemas.Reason
	}{
		{"note.txt", ""},
		{"note", ""},
		{"note.pdf", schemas.ReasonExtractMalformed},
	}
	for _, tt := range tests {
		ex, err := x.Extract(context.Background(), tt.name, bytes.NewReader(data), int64(len(data)))
		if got := doctext.Reason(err); err != nil && got != tt.wantReason || err == nil && tt.wantReason != "" {
			t.Errorf("%s: error %v (reason %q), want reason %q", tt.name, err, got, tt.wantReason)
			continue
		}
		if err == nil && (len(ex.Pages) != 1 || !strings.HasPrefix(ex.Pages[0].Text, "%PDF-1.4 is how")) {
			t.Errorf("%s: pages %+v", tt.name, ex.Pages)
		}
	}
}
