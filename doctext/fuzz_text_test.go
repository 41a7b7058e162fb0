package doctext_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/schemas"
)

// FuzzPlainText feeds arbitrary bytes to the text reader as a .txt file
// (UTF-8, UTF-16 with a byte-order mark, form feeds as page breaks): it
// must return valid UTF-8 pages numbered from 1, no more than the page
// limit, or an error with a reason; never panic.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{
		"United States v. Lopez\fPage two\r\n",
		"\ufeffBOM then text",
		"\xff\xfeU\x00S\x00\f\x00x\x00",          // UTF-16LE with a form feed
		"\xfe\xff\x00U\x00S",                     // UTF-16BE
		"\xff\xfe\x00\xd8",                       // a lone surrogate
		"\f\f\f\f\f\f",                           // only form feeds
		"%PDF-1.4 a note about a PDF, not a PDF", // reads as text
		"\x00\x01\x02binary",
	} {
		f.Add([]byte(s))
	}
	const maxPages = 5
	x := doctext.Extractor{PDF: doctext.PDF{MaxPages: maxPages}, OCR: doctext.OCR{Mode: doctext.OCROff}}
	f.Fuzz(func(t *testing.T, data []byte) {
		// A read that spins is a finding too: fail it so the input is kept.
		timer := time.AfterFunc(10*time.Second, func() {
			os.WriteFile(filepath.Join(os.TempDir(), "casefile-fuzz-hang.txt"), data, 0o644)
			panic("Extract did not return within 10s")
		})
		ex, err := x.Extract(context.Background(), "f.txt", bytes.NewReader(data), int64(len(data)))
		timer.Stop()
		if err != nil {
			if doctext.Reason(err) == "" {
				t.Fatalf("error without reason: %v", err)
			}
			if errors.Is(err, doctext.ErrTooManyPages) && bytes.Count(data, []byte("\f")) == 0 && bytes.Count(data, []byte{'\f', 0}) == 0 {
				t.Fatalf("too many pages without a form feed: %v", err)
			}
			return
		}
		if len(ex.Pages) == 0 || len(ex.Pages) > maxPages {
			t.Fatalf("%d pages, limit %d", len(ex.Pages), maxPages)
		}
		for i, p := range ex.Pages {
			if p.Number != i+1 {
				t.Fatalf("page %d numbered %d", i+1, p.Number)
			}
			if !utf8.ValidString(p.Text) {
				t.Fatalf("page %d is not UTF-8", p.Number)
			}
			if p.Method != schemas.MethodText && p.Method != schemas.MethodNone && p.Method != schemas.MethodOCR {
				t.Fatalf("page %d method %q", p.Number, p.Method)
			}
		}
	})
}
