package ocr_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
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

// TestRecognizeHugeDeclaredImage: a page drawing an image whose dictionary
// declares 1,000,000 × 1,000,000 pixels (three bytes of data) is refused
// before it is rendered, with ErrImagesTooLarge: pdftoppm would walk every
// declared pixel until the time limit.
func TestRecognizeHugeDeclaredImage(t *testing.T) {
	for _, tool := range []string{"pdftoppm", "pdfimages", "tesseract"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not found: install poppler-utils and tesseract-ocr (see .ci/run)", tool)
		}
	}
	data, err := os.ReadFile("testdata/huge-declared-image.pdf")
	if err != nil {
		t.Fatal(err)
	}
	var pageErr error
	err = (&ocr.Tesseract{}).Recognize(context.Background(), bytes.NewReader(data), int64(len(data)), []int{1},
		func(_ int, _ string, err error) { pageErr = err })
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(pageErr, ocr.ErrImagesTooLarge) {
		t.Fatalf("page error %v, want ErrImagesTooLarge", pageErr)
	}
	if !strings.Contains(pageErr.Error(), "1000000 million pixels") {
		t.Errorf("page error %q does not say how large", pageErr)
	}
}

// TestRecognizeLongImageList: a page listing more images than the kept
// output of pdfimages holds, the largest last, is refused as too large
// rather than judged on the part of the list that was kept.
func TestRecognizeLongImageList(t *testing.T) {
	dir := t.TempDir()
	rendered := filepath.Join(dir, "rendered")
	// Tiny images enough to fill over a MiB of list, then one declared a
	// million pixels square.
	pdfimages := `#!/bin/sh
awk 'BEGIN {
	print "page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio"
	print "--------------------------------------------------------------------------------------------"
	for (i = 0; i < 20000; i++) printf "   1 %5d image       1     1  gray    1   8  image  no         5  0    72    72    1B 100%%\n", i
	print "   1 20000 image 1000000 1000000  rgb     3   8  image  no         6  0 117647 90909    3B 0.0%"
}'
`
	pdftoppm := "#!/bin/sh\ntouch " + rendered + "\nexit 1\n"
	for name, script := range map[string]string{"pdfimages": pdfimages, "pdftoppm": pdftoppm} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	tess := &ocr.Tesseract{Pdftoppm: filepath.Join(dir, "pdftoppm"), Tesseract: "/bin/true"}
	var pageErr error
	err := tess.Recognize(context.Background(), strings.NewReader("%PDF-1.4"), 8, []int{1},
		func(_ int, _ string, err error) { pageErr = err })
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(pageErr, ocr.ErrImagesTooLarge) {
		t.Errorf("page error %v, want ErrImagesTooLarge", pageErr)
	}
	if _, err := os.Stat(rendered); err == nil {
		t.Errorf("the page was rendered")
	}
}

func TestImagePixels(t *testing.T) {
	const header = "page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio\n" +
		"--------------------------------------------------------------------------------------------\n"
	tests := []struct {
		name string
		list string
		want int64
	}{
		{"no images", header, 0},
		{"one scan", header + "   1     0 image    2550  3300  gray    1   8  jpeg   no        10  0   300   300  812K 9.9%\n", 2550 * 3300},
		{"image and its soft mask", header +
			"   1     0 image     100   103  rgb     3   8  jpeg   no        10  0   126   126 4825B  16%\n" +
			"   1     1 smask     100   103  gray    1   8  image  no        11  0   126   126  120B 1.2%\n", 2 * 100 * 103},
		{"declared a million square", header + "   1     0 image   1000000 1000000  rgb     3   8  image  no         5  0 117647 90909    3B 0.0%\n", 1e12},
		{"saturates", header +
			"   1     0 image   4000000000 4000000000  rgb 3 8 image no 5 0 1 1 3B 0%\n" +
			"   1     1 image   4000000000 4000000000  rgb 3 8 image no 5 0 1 1 3B 0%\n", 1 << 62},
		{"unreadable rows", header + "garbage\n   1 0 image x y\n   1 0 image -5 10 rgb\n", 0},
		{"empty", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ocr.ImagePixels([]byte(tt.list)); got != tt.want {
				t.Errorf("ImagePixels = %d, want %d", got, tt.want)
			}
		})
	}
}

func FuzzImagePixels(f *testing.F) {
	f.Add([]byte("page num type width height\n---\n 1 0 image 10 20 rgb\n"))
	f.Add([]byte("a\nb\n1 0 image 9223372036854775807 9223372036854775807\n"))
	f.Fuzz(func(t *testing.T, list []byte) {
		if px := ocr.ImagePixels(list); px < 0 || px > 1<<62 {
			t.Fatalf("ImagePixels = %d, outside [0, 2^62]", px)
		}
	})
}
