package doctext

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/casefile/casefile/schemas"
)

// DefaultMaxBytes is the document size limit used when Extractor.MaxBytes is zero.
const DefaultMaxBytes = 256 << 20

// DefaultMaxChars bounds the text of one document when Extractor.MaxChars
// is zero: about 3,000 dense pages. Annotation costs time and memory in
// proportion to the text, and a 50 MB line of "text" must not take
// gigabytes downstream.
const DefaultMaxChars = 10_000_000

// Extractor picks the reader for a document by its content and extracts its
// pages. The zero value is ready to use.
type Extractor struct {
	PDF  PDF
	Text PlainText
	// OCR reads PDF pages that have no usable text layer.
	OCR OCR
	// MaxBytes bounds the document size. If zero, DefaultMaxBytes is used.
	MaxBytes int64
	// MaxChars bounds the characters of text extracted (bytes of UTF-8,
	// counted cheaply). If zero, DefaultMaxChars is used.
	MaxChars int
}

// Extract sniffs the document of size bytes in r and extracts its pages.
// Besides the errors of PDF.Extract and PlainText.Extract it returns
// ErrEmpty, ErrTooLarge, ErrUnsupported for content that is neither, and
// ErrNotPDF when name ends in .pdf but the content is not a PDF. A document
// with no text on any page is not an error: it comes back with a warning.
func (x *Extractor) Extract(ctx context.Context, name string, r io.ReaderAt, size int64) (*Extraction, error) {
	maxBytes := x.MaxBytes
	if maxBytes == 0 {
		maxBytes = DefaultMaxBytes
	}
	if size == 0 {
		return nil, ErrEmpty
	}
	if size > maxBytes {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, size, maxBytes)
	}
	head := make([]byte, min(size, headerWindow))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return nil, fmt.Errorf("doctext: read: %w", err)
	}
	var (
		ex  *Extraction
		err error
	)
	switch ct := Sniff(head); {
	case ct == schemas.ContentPDF:
		var layouts []pageLayout
		ex, layouts, err = x.PDF.extract(ctx, r, size)
		if err == nil && x.OCR.Mode != OCROff {
			x.OCR.apply(ctx, r, size, ex, layouts)
		}
		// A text file that mentions "%PDF-" near its start (a note about
		// a PDF, a log) is text when no PDF is in it; a file named .pdf
		// stays a malformed PDF.
		if errors.Is(err, ErrMalformed) && !strings.HasSuffix(strings.ToLower(name), ".pdf") {
			if tex, terr := x.plainText(ctx, r, size); terr == nil {
				tex.Warnings = append(tex.Warnings, "it begins like a PDF but holds none; read as text")
				ex, err = tex, nil
			}
		}
	case strings.HasSuffix(strings.ToLower(name), ".pdf"):
		return nil, ErrNotPDF
	case ct == schemas.ContentText:
		ex, err = x.plainText(ctx, r, size)
	default:
		return nil, ErrUnsupported
	}
	if err != nil {
		return nil, err
	}
	maxChars := x.MaxChars
	if maxChars == 0 {
		maxChars = DefaultMaxChars
	}
	if n := textSize(ex.Pages); n > maxChars {
		return nil, fmt.Errorf("%w: %d characters, limit %d", ErrTooMuchText, n, maxChars)
	}
	if !hasText(ex.Pages) {
		// Scanned pages without OCR: keep the document, say why it is empty.
		ex.Warnings = append(ex.Warnings, "no page has a text layer")
	}
	return ex, nil
}

// plainText reads the document as plain text, with the PDF page limit
// unless the text reader has its own.
func (x *Extractor) plainText(ctx context.Context, r io.ReaderAt, size int64) (*Extraction, error) {
	text := x.Text
	if text.MaxPages == 0 {
		text.MaxPages = x.PDF.MaxPages
	}
	return text.Extract(ctx, r, size)
}

// textSize is the bytes of text of pages.
func textSize(pages []schemas.Page) int {
	n := 0
	for _, p := range pages {
		n += len(p.Text)
	}
	return n
}

func hasText(pages []schemas.Page) bool {
	for _, p := range pages {
		if p.Method != schemas.MethodNone {
			return true
		}
	}
	return false
}
