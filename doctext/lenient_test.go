package doctext_test

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/internal/pdftest"
)

// pdfOf writes a one-page PDF whose page draws content in Times-Roman,
// not embedded and without Widths, known to the page as fontName (written
// as is, so a test can give it the sloppiness real files have), with a
// correct cross-reference table.
func pdfOf(fontName, content string) []byte { return pdfWith(fontName, "Times-Roman", content) }

// pdfWith is pdfOf with the standard font to name.
func pdfWith(fontName, baseFont, content string) []byte {
	return pdfFont(fontName, "<< /Type /Font /Subtype /Type1 /BaseFont /"+baseFont+" >>", content)
}

// pdfFont is pdfOf with the whole font dictionary given.
func pdfFont(fontName, fontDict, content string) []byte {
	return pdftest.Objects(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /"+fontName+" 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content)+1, content),
		fontDict,
	)
}

// TestLenientNames: names with a '#' that starts no hex escape, which
// poppler accepts, are read as written instead of failing the page.
func TestLenientNames(t *testing.T) {
	tests := []struct {
		name, font string
	}{
		{"plain name", "F1"},
		{"hex escape", "F#31"},
		{"hash and no hex", "F#zz"},
		{"hash and one hex digit", "F#3z"},
		{"hash at the end", "F1#"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := pdfOf(tt.font, "BT /"+tt.font+" 12 Tf 72 700 Td (Possession with intent) Tj ET")
			var x doctext.Extractor
			ex, err := x.Extract(context.Background(), "lenient.pdf", bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			if len(ex.Pages) != 1 || !strings.Contains(ex.Pages[0].Text, "Possession with intent") {
				t.Fatalf("pages %+v, warnings %q: want the page's text", ex.Pages, ex.Warnings)
			}
		})
	}
}

// TestSloppyFiles: lexical sloppiness real files have and poppler reads
// through, each on a small file written here. The page's words must come
// out whole.
func TestSloppyFiles(t *testing.T) {
	const show = "BT /F1 12 Tf 72 700 Td (Possession with intent) Tj 0 -14 Td (to distribute) Tj ET"
	length := regexp.MustCompile(`/Length \d+`)
	tests := []struct {
		name    string
		content string
		mutate  func(string) string
		want    string
	}{
		{"stream Length too short", show, func(s string) string { return length.ReplaceAllString(s, "/Length 20") }, "Possession with intent\nto distribute"},
		{"stream Length too long", show, func(s string) string { return length.ReplaceAllString(s, "/Length 5000") }, "Possession with intent\nto distribute"},
		{"stream Length missing", show, func(s string) string { return length.ReplaceAllString(s, "") }, "Possession with intent\nto distribute"},
		{"stream keyword ended by CR only", show, func(s string) string { return strings.Replace(s, "stream\n", "stream\r", 1) }, "Possession with intent\nto distribute"},
		{"missing endobj", show, func(s string) string { return strings.Replace(s, ">>\nendobj\nxref", ">>\nxref", 1) }, "Possession with intent\nto distribute"},
		{"unbalanced parenthesis in a string",
			"BT /F1 12 Tf 72 700 Td (Possession ( with intent) Tj 0 -14 Td (to distribute) Tj ET", nil, "Possession ( with intent\nto distribute"},
		{"balanced parentheses stay in the string",
			"BT /F1 12 Tf 72 700 Td (Possession (with intent)) Tj 0 -14 Td (to distribute) Tj ET", nil, "Possession (with intent)\nto distribute"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := string(pdfOf("F1", tt.content))
			if tt.mutate != nil {
				mutated := tt.mutate(data)
				if mutated == data {
					t.Fatal("the mutation changed nothing")
				}
				data = mutated
			}
			var x doctext.Extractor
			ex, err := x.Extract(context.Background(), "sloppy.pdf", strings.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(ex.Pages[0].Text); got != tt.want {
				t.Errorf("text %q, want %q (warnings %q)", got, tt.want, ex.Warnings)
			}
		})
	}
}
