package doctext_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/casefile/casefile/doctext"
)

// TestGluedWords: pages that place each word with its own Td or a TJ
// adjustment, no space glyph between, in a standard-14 font that is not
// embedded and has no Widths. The space is read off the gap between one
// word's advance (the font's built-in metrics) and the next word's
// position, as poppler and MuPDF read it; a kern inside a word is no space.
func TestGluedWords(t *testing.T) {
	tests := []struct {
		name, font, content, want string
	}{
		{"TJ adjustments", "Times-Roman", "BT /F1 12 Tf 72 700 Td [(possession)-250(with)-250(intent)] TJ ET", "possession with intent"},
		// "possession" is 51.3 pt wide at 12 pt: the next word 8.7 pt on.
		{"Td per word", "Times-Roman", "BT /F1 12 Tf 72 700 Td (possession) Tj 60 0 Td (with) Tj 25 0 Td (intent) Tj ET", "possession with intent"},
		// A narrow gap (2.2 pt, 0.18 em) is still a space, and no glyph is lost.
		{"narrow gap", "Times-Roman", "BT /F1 12 Tf 72 700 Td (intent) Tj 29.5 0 Td (to) Tj ET", "intent to"},
		{"name", "Times-Roman", "BT /F1 12 Tf 72 700 Td (Jane) Tj 26 0 Td (Doe) Tj ET", "Jane Doe"},
		{"kerned word", "Times-Roman", "BT /F1 12 Tf 72 700 Td [(W)80(ashington)] TJ ET", "Washington"},
		{"kerns inside words", "Times-Roman", "BT /F1 12 Tf 72 700 Td [(J)20(ury)-280(V)60(erdict)] TJ ET", "Jury Verdict"},
		{"italic", "Times-Italic", "BT /F1 11 Tf 72 700 Td (United) Tj 33 0 Td (States) Tj ET", "United States"},
		{"Helvetica bold", "Helvetica-Bold", "BT /F1 10 Tf 72 700 Td (COUNT) Tj 39 0 Td (ONE) Tj ET", "COUNT ONE"},
		{"Arial is Helvetica", "Arial,Bold", "BT /F1 10 Tf 72 700 Td (COUNT) Tj 39 0 Td (ONE) Tj ET", "COUNT ONE"},
		{"horizontal scaling", "Times-Roman", "BT /F1 12 Tf 50 Tz 72 700 Td (possession) Tj 30 0 Td (with) Tj ET", "possession with"},
		{"character spacing", "Times-Roman", "BT /F1 12 Tf 1 Tc 72 700 Td (possession) Tj 66 0 Td (with) Tj ET", "possession with"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := pdfWith("F1", tt.font, tt.content)
			var x doctext.Extractor
			ex, err := x.Extract(context.Background(), "glued.pdf", bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(ex.Pages[0].Text); got != tt.want {
				t.Errorf("text %q, want %q", got, tt.want)
			}
		})
	}
}
