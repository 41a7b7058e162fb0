package doctext_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/casefile/casefile/doctext"
)

// TestHiddenOCRLayer: a scan's invisible text layer (render mode 3) whose
// OCR engine wrote words in pieces placed side by side, each with its own
// Tm, is read by position like any other text: pieces that touch make one
// word, pieces a space apart make two.
func TestHiddenOCRLayer(t *testing.T) {
	// Helvetica at 10 pt: "exercis" is 31.67 pt wide, "ing" 12.78, "the"
	// 13.9, "ir" 5.55. An OCR engine's boxes are not exact: "ing" starts
	// 0.5 pt past the end of "exercis"; the spaces are 3 pt and more.
	content := "BT 3 Tr /F1 10 Tf 1 0 0 1 72 700 Tm (exercis) Tj 1 0 0 1 104.17 700 Tm (ing) Tj " +
		"1 0 0 1 120 700 Tm (the) Tj 1 0 0 1 133.9 700 Tm (ir) Tj 1 0 0 1 142.45 700 Tm (rights) Tj ET"
	data := pdfWith("F1", "Helvetica", content)
	var x doctext.Extractor
	ex, err := x.Extract(context.Background(), "ocr-layer.pdf", bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.TrimSpace(ex.Pages[0].Text), "exercising their rights"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
}
