package pdftest_test

import (
	"bytes"
	"testing"

	"github.com/ledongthuc/pdf"

	"github.com/casefile/casefile/internal/pdftest"
)

// TestObjectsReadBack: a reader finds every object at the offset the
// cross-reference table gives, and the page tree it describes.
func TestObjectsReadBack(t *testing.T) {
	data := pdftest.Objects(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
	)
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if n := r.NumPage(); n != 1 {
		t.Errorf("NumPage = %d, want 1", n)
	}
	if got := pdftest.WithTrailer("/Info 3 0 R ", "<< >>"); !bytes.Contains(got, []byte("/Root 1 0 R /Info 3 0 R >>")) {
		t.Errorf("trailer extra not written:\n%s", got)
	}
}
