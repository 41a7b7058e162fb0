package doctext_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/casefile/casefile/doctext"
)

// TestSimpleFontEncodings: codes of a simple font decode through its
// encoding as PDF 32000 §9.6.6 and poppler have it. A Type 1 font with no
// encoding, or Differences with no BaseEncoding, starts from its built-in
// StandardEncoding, where 0x27 is ’, 0xAA “, 0xBA ” and 0xD0 an em dash;
// read as Latin-1 they were ', ª, º and Ð.
func TestSimpleFontEncodings(t *testing.T) {
	const show = `BT /F1 12 Tf 72 700 Td (\252Hart\047s\272 \320 release) Tj ET`
	tests := []struct {
		name, font, want string
	}{
		{"no encoding", "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>", "“Hart’s” — release"},
		{"differences over the built-in encoding",
			"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Type /Encoding /Differences [ 219 /Zcaron 135 /ccedilla ] >> >>",
			"“Hart’s” — release"},
		{"differences renaming a code",
			"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Differences [ 170 /quotedblright ] >> >>",
			"”Hart’s” — release"},
		{"WinAnsi base", "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [ 1 /a ] >> >>",
			"ªHart'sº Ð release"},
		{"WinAnsi by name", "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>", "ªHart'sº Ð release"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := pdfFont("F1", tt.font, show)
			var x doctext.Extractor
			ex, err := x.Extract(context.Background(), "enc.pdf", bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(ex.Pages[0].Text); got != tt.want {
				t.Errorf("text %q, want %q", got, tt.want)
			}
		})
	}
}
