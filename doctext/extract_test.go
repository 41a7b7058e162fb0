package doctext_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/ocr"
	"github.com/casefile/casefile/schemas"
)

// TestExtractSamples extracts every sample file and checks its outcome:
// pages with text for the text-layer files, pages without text for the
// scan, and the right reason for each broken file.
func TestExtractSamples(t *testing.T) {
	tests := []struct {
		file       string
		wantPages  int
		wantMethod schemas.Method // of page 1
		wantText   string         // a phrase on page 1
		wantReason schemas.Reason
	}{
		{file: "ca8-us-v-wilson-opinion.pdf", wantPages: 2, wantMethod: schemas.MethodText, wantText: "United States Court of Appeals"},
		{file: "caed-us-v-burroughs-redaction-order.pdf", wantPages: 1, wantMethod: schemas.MethodText, wantText: "LUKE BURROUGHS"},
		{file: "ala-supreme-court-decision-list-2021-12-10.pdf", wantPages: 1, wantMethod: schemas.MethodText},
		{file: "cacd-us-v-avenatti-notice-of-lodging.pdf", wantPages: 1, wantMethod: schemas.MethodText},
		{file: "ny-snp-wtg-2012-press-release.pdf", wantPages: 5, wantMethod: schemas.MethodText},
		{file: "fisc-in-re-motion-for-disclosure-scanned.pdf", wantPages: 1, wantMethod: schemas.MethodOCR, wantText: "SURVEILLANCE COURT"},
		{file: "empty-zero-byte.pdf", wantReason: schemas.ReasonExtractEmpty},
		{file: "cacd-us-v-singh-transcript-truncated.pdf", wantPages: 20, wantMethod: schemas.MethodText, wantText: "UNITED STATES DISTRICT COURT"},
		{file: "no-objects.pdf", wantReason: schemas.ReasonExtractMalformed},
		{file: "html-saved-as-pdf.pdf", wantReason: schemas.ReasonExtractNotPDF},
	}
	requireOCR(t)
	x := doctext.Extractor{OCR: doctext.OCR{Recognizer: &ocr.Tesseract{}}}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("../testdata/pdfs", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			ex, err := x.Extract(context.Background(), tt.file, bytes.NewReader(data), int64(len(data)))
			if tt.wantReason != "" {
				if got := doctext.Reason(err); err == nil || got != tt.wantReason {
					t.Fatalf("Extract(%q) error %v (reason %q), want reason %s", tt.file, err, got, tt.wantReason)
				}
				return
			}
			if err != nil {
				t.Fatalf("Extract(%q) = %v", tt.file, err)
			}
			if len(ex.Pages) != tt.wantPages {
				t.Fatalf("Extract(%q): %d pages, want %d", tt.file, len(ex.Pages), tt.wantPages)
			}
			if ex.Pages[0].Method != tt.wantMethod {
				t.Errorf("page 1 method %s, want %s", ex.Pages[0].Method, tt.wantMethod)
			}
			if !strings.Contains(ex.Pages[0].Text, tt.wantText) {
				t.Errorf("page 1 lacks %q:\n%.400s", tt.wantText, ex.Pages[0].Text)
			}
			for _, p := range ex.Pages {
				if p.Method == schemas.MethodText && strings.TrimSpace(p.Text) == "" {
					t.Errorf("page %d: method text but no text", p.Number)
				}
			}
		})
	}
}

func TestPDFViewRecoversJunkAroundTheFile(t *testing.T) {
	data, err := os.ReadFile("../testdata/pdfs/ca8-us-v-wilson-opinion.pdf")
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string][]byte{
		"crlf before header":    append([]byte("\r\n\r\n"), data...),
		"nul padding after eof": append(bytes.Clone(data), make([]byte, 4096)...),
		"html after eof":        append(bytes.Clone(data), []byte("<html><body>download complete</body></html>\n")...),
	}
	var x doctext.PDF
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			ex, err := x.Extract(context.Background(), bytes.NewReader(in), int64(len(in)))
			if err != nil {
				t.Fatalf("Extract = %v", err)
			}
			if len(ex.Pages) != 2 || !strings.Contains(ex.Pages[0].Text, "Wilson") {
				t.Errorf("got %d pages, page 1 %.200q", len(ex.Pages), ex.Pages[0].Text)
			}
		})
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct {
		name, in  string
		wantPages []string
		wantErr   bool
	}{
		{"one page", "hello\n", []string{"hello\n"}, false},
		{"form feeds", "one\fTWO\f", []string{"one", "TWO"}, false},
		{"crlf", "a\r\nb", []string{"a\nb"}, false},
		{"binary", "a\x00b", nil, true},
		{"bad utf8", "\xff\xff", nil, true},
		{"byte-order mark alone", "\xff\xfe", nil, true},
		{"utf-16 little-endian", "\xff\xfeN\x00o\x00.\x00\x0c\x002\x00", []string{"No.", "2"}, false},
		{"utf-16 big-endian", "\xfe\xff\x00N\x00o", []string{"No"}, false},
		{"utf-16 of odd length", "\xff\xfeN\x00o", nil, true},
		{"utf-8 byte-order mark", "\xef\xbb\xbfIndictment", []string{"Indictment"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, err := doctext.PlainText{}.Extract(context.Background(), strings.NewReader(tt.in), int64(len(tt.in)))
			if (err != nil) != tt.wantErr {
				t.Fatalf("Extract(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if err != nil {
				return
			}
			var got []string
			for _, p := range ex.Pages {
				got = append(got, p.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.wantPages, "|") {
				t.Errorf("Extract(%q) pages = %q, want %q", tt.in, got, tt.wantPages)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	data, err := os.ReadFile("../testdata/pdfs/ny-snp-wtg-2012-press-release.pdf")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		x    doctext.Extractor
		want schemas.Reason
	}{
		{"too many pages", doctext.Extractor{PDF: doctext.PDF{MaxPages: 2}}, schemas.ReasonExtractTooManyPages},
		{"too large", doctext.Extractor{MaxBytes: 1000}, schemas.ReasonExtractTooLarge},
		{"too much text", doctext.Extractor{MaxChars: 1000, OCR: doctext.OCR{Mode: doctext.OCROff}}, schemas.ReasonExtractTooMuchText},
	}
	for _, tt := range tests {
		_, err := tt.x.Extract(context.Background(), "x.pdf", bytes.NewReader(data), int64(len(data)))
		if got := doctext.Reason(err); err == nil || got != tt.want {
			t.Errorf("%s: error %v (reason %q), want %s", tt.name, err, got, tt.want)
		}
	}
}

// FuzzExtract feeds arbitrary bytes to the extractor entry point: it must
// return pages or an error with a reason, never panic or produce pages that
// are not valid UTF-8.
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob("../testdata/pdfs/*")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err == nil && len(data) < 16<<10 {
			f.Add(data)
		}
	}
	f.Add([]byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"))
	// The lenient lexer's cases: names with a stray '#', an unbalanced
	// '(' in a string, strings with escapes, TJ kerning in a standard font.
	f.Add(pdfOf("F#zz", "BT /F#zz 12 Tf 72 700 Td (Possession ( with) Tj 0 -14 Td [(intent)-250(to)] TJ ET"))
	f.Add(pdfFont("F1", "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Differences [ 170 /quotedblright ] >> >>",
		`BT /F1 12 Tf 72 700 Td (\252Hart\047s\272 \320 release) Tj ET`))
	// OCR off: rendering and recognizing mutants would measure tesseract.
	x := doctext.Extractor{OCR: doctext.OCR{Mode: doctext.OCROff}}
	f.Fuzz(func(t *testing.T, data []byte) {
		// A parse that spins is a finding too: fail it so the input is kept.
		timer := time.AfterFunc(10*time.Second, func() {
			os.WriteFile(filepath.Join(os.TempDir(), "casefile-fuzz-hang.pdf"), data, 0o644)
			panic("Extract did not return within 10s")
		})
		ex, err := x.Extract(context.Background(), "f.pdf", bytes.NewReader(data), int64(len(data)))
		timer.Stop()
		if err != nil {
			if doctext.Reason(err) == "" {
				t.Fatalf("error without reason: %v", err)
			}
			return
		}
		for _, p := range ex.Pages {
			if !isUTF8(p.Text) {
				t.Fatalf("page %d is not UTF-8", p.Number)
			}
		}
	})
}

func isUTF8(s string) bool { return strings.ToValidUTF8(s, "") == s }

// requireOCR fails the test when the OCR tools are missing: CI installs
// them, and without them the scanned samples cannot be checked.
func requireOCR(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdftoppm", "tesseract"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not found: install poppler-utils and tesseract-ocr (see .ci/run)", tool)
		}
	}
}

// TestTextPageLimit: the page limit holds for text as for PDF; a file of
// form feeds is refused before it is split into pages.
func TestTextPageLimit(t *testing.T) {
	data := []byte("Indictment.\f" + strings.Repeat("x\f", 3000))
	_, err := (&doctext.Extractor{}).Extract(context.Background(), "feeds.txt", bytes.NewReader(data), int64(len(data)))
	if got := doctext.Reason(err); got != schemas.ReasonExtractTooManyPages {
		t.Fatalf("error %v (reason %q), want %s", err, got, schemas.ReasonExtractTooManyPages)
	}
	x := doctext.Extractor{PDF: doctext.PDF{MaxPages: 5000}}
	if ex, err := x.Extract(context.Background(), "feeds.txt", bytes.NewReader(data), int64(len(data))); err != nil || len(ex.Pages) != 3001 {
		t.Fatalf("with a 5000-page limit: %v", err)
	}
}
