package doctext_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/internal/corpustest"
	"github.com/casefile/casefile/ocr"
	"github.com/casefile/casefile/schemas"
)

// TestOCRScannedCorpus reads every scanned PDF of ../shared/corpus: each
// must yield OCR text with method ocr, and the scan of the Tarrant slip
// opinion must recall the words of its text-layer copy at >= 0.95 on the
// pages both have.
func TestOCRScannedCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("OCR of the corpus is slow")
	}
	requireOCR(t)
	x := doctext.Extractor{OCR: doctext.OCR{Recognizer: &ocr.Tesseract{}}}
	for _, c := range corpustest.Files(t) {
		if c.Kind != "scanned" {
			continue
		}
		name := c.Name
		t.Run(name, func(t *testing.T) {
			text, ex := extractPages(t, &x, corpustest.PDF(t, name))
			ocr := 0
			for _, p := range ex.Pages {
				if p.Method == schemas.MethodOCR {
					ocr++
				}
			}
			if ocr == 0 {
				t.Fatalf("no page read by OCR; warnings %q", ex.Warnings)
			}
			t.Logf("%d of %d pages by OCR, %d words", ocr, len(ex.Pages), len(strings.Fields(text)))
		})
	}
	t.Run("tarrant scan against text layer", func(t *testing.T) {
		_, scan := extractPages(t, &x, corpustest.PDF(t, "scotus-tarrant-v-herrmann-slip-opinion-scanned.pdf"))
		_, text := extractPages(t, &x, corpustest.PDF(t, "scotus-tarrant-v-herrmann-slip-opinion.pdf"))
		for i, p := range scan.Pages {
			_, r := agreement(p.Text, text.Pages[i].Text)
			t.Logf("page %d: OCR recall of text-layer words %.3f", i+1, r)
			if r < 0.95 {
				t.Errorf("page %d: recall %.3f, want >= 0.95", i+1, r)
			}
		}
	})
}

func extractPages(t *testing.T, x *doctext.Extractor, path string) (string, *doctext.Extraction) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := x.Extract(context.Background(), path, strings.NewReader(string(data)), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, p := range ex.Pages {
		all = append(all, p.Text)
	}
	return strings.Join(all, "\f"), ex
}

func TestOCRModes(t *testing.T) {
	requireOCR(t)
	tests := []struct {
		mode doctext.OCRMode
		file string
		want schemas.Method
	}{
		{doctext.OCRAuto, "ca8-us-v-wilson-opinion.pdf", schemas.MethodText},
		{doctext.OCRForce, "ca8-us-v-wilson-opinion.pdf", schemas.MethodOCR},
		{doctext.OCRAuto, "fisc-in-re-motion-for-disclosure-scanned.pdf", schemas.MethodOCR},
		{doctext.OCROff, "fisc-in-re-motion-for-disclosure-scanned.pdf", schemas.MethodNone},
	}
	for _, tt := range tests {
		x := doctext.Extractor{OCR: doctext.OCR{Mode: tt.mode, Recognizer: &ocr.Tesseract{}}}
		_, ex := extractPages(t, &x, filepath.Join("../testdata/pdfs", tt.file))
		if ex.Pages[0].Method != tt.want {
			t.Errorf("%s with --ocr %s: page 1 method %s, want %s", tt.file, tt.mode, ex.Pages[0].Method, tt.want)
		}
	}
}

func TestOCRToolsMissingDegrades(t *testing.T) {
	x := doctext.Extractor{OCR: doctext.OCR{Recognizer: &ocr.Tesseract{Tesseract: "/nonexistent/tesseract", Pdftoppm: "/nonexistent/pdftoppm"}}}
	_, ex := extractPages(t, &x, "../testdata/pdfs/fisc-in-re-motion-for-disclosure-scanned.pdf")
	if ex.Pages[0].Method != schemas.MethodNone {
		t.Errorf("method %s, want none", ex.Pages[0].Method)
	}
	if len(ex.Warnings) == 0 || !strings.Contains(strings.Join(ex.Warnings, " "), "OCR") {
		t.Errorf("warnings %q, want one about OCR", ex.Warnings)
	}
}

// askedPages is a Recognizer that reads nothing and notes the pages it was
// asked for: which pages the OCR policy sends, without tesseract's time.
type askedPages struct{ pages []int }

func (a *askedPages) Recognize(_ context.Context, _ io.ReaderAt, _ int64, pages []int, each func(int, string, error)) error {
	a.pages = append(a.pages, pages...)
	for _, p := range pages {
		each(p, "", nil)
	}
	return nil
}

// TestOCRPolicyShortPages: in auto mode a short page of real words that
// draws no image (the release's last page, 112 characters: contact lines)
// keeps its text layer and is never rendered, while a scan whose text
// layer is a short stamp over a page image is still recognized.
func TestOCRPolicyShortPages(t *testing.T) {
	tests := []struct {
		file  string
		asked []int
		want  []schemas.Method
	}{
		{"ny-snp-wtg-2012-press-release.pdf", nil, []schemas.Method{"text", "text", "text", "text", "text"}},
		{"fisc-in-re-motion-for-disclosure-scanned.pdf", []int{1}, []schemas.Method{"none"}},
	}
	for _, tt := range tests {
		rec := &askedPages{}
		x := doctext.Extractor{OCR: doctext.OCR{Mode: doctext.OCRAuto, Recognizer: rec}}
		_, ex := extractPages(t, &x, filepath.Join("../testdata/pdfs", tt.file))
		if !slices.Equal(rec.pages, tt.asked) {
			t.Errorf("%s: pages sent to OCR %v, want %v", tt.file, rec.pages, tt.asked)
		}
		var got []schemas.Method
		for _, p := range ex.Pages {
			got = append(got, p.Method)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: methods %v, want %v", tt.file, got, tt.want)
		}
	}
}
