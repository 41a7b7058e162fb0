package ocr_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/casefile/casefile/ocr"
)

func TestRecognizeScannedPage(t *testing.T) {
	for _, tool := range []string{"pdftoppm", "tesseract"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not found: install poppler-utils and tesseract-ocr (see .ci/run)", tool)
		}
	}
	data, err := os.ReadFile("../testdata/pdfs/fisc-in-re-motion-for-disclosure-scanned.pdf")
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	var text string
	err = (&ocr.Tesseract{}).Recognize(context.Background(), bytes.NewReader(data), int64(len(data)), []int{1, 99},
		func(page int, s string, err error) {
			got = append(got, page)
			switch page {
			case 1:
				if err != nil {
					t.Errorf("page 1: %v", err)
				}
				text = s
			case 99:
				if err == nil {
					t.Errorf("page 99 of a 1-page scan: no error")
				}
			}
		})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != 1 || got[1] != 99 {
		t.Errorf("pages reported %v, want [1 99]", got)
	}
	if !strings.Contains(text, "SURVEILLANCE COURT") {
		t.Errorf("page 1 text %q lacks SURVEILLANCE COURT", text)
	}
}

func TestRecognizeToolsMissing(t *testing.T) {
	tess := &ocr.Tesseract{Tesseract: "/nonexistent/tesseract"}
	err := tess.Recognize(context.Background(), strings.NewReader("%PDF-1.4"), 8, []int{1}, func(int, string, error) {
		t.Error("no page may be reported when the tools are missing")
	})
	if !errors.Is(err, ocr.ErrUnavailable) {
		t.Fatalf("err = %v, want ErrUnavailable", err)
	}
}
