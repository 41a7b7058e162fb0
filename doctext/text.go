package doctext

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/casefile/casefile/schemas"
)

// PlainText extracts pages from a UTF-8 text file: pages are separated by
// form feeds, as pdftotext writes them. The zero value is ready to use.
type PlainText struct {
	// MaxPages bounds the pages read, as for PDFs. If zero, DefaultMaxPages.
	MaxPages int
}

// Extract reads size bytes of text from r. It returns ErrEmpty for an empty
// file, ErrUnsupported for bytes that are not UTF-8 text, and
// ErrTooManyPages past MaxPages.
func (x PlainText) Extract(ctx context.Context, r io.ReaderAt, size int64) (*Extraction, error) {
	if size == 0 {
		return nil, ErrEmpty
	}
	data := make([]byte, size)
	if _, err := r.ReadAt(data, 0); err != nil && err != io.EOF {
		return nil, fmt.Errorf("doctext: read text: %w", err)
	}
	if decoded, ok := fromUTF16(data); ok {
		data = decoded
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(data) == 0 {
		return nil, ErrEmpty // a byte-order mark alone
	}
	if !isText(data) {
		return nil, fmt.Errorf("%w: not UTF-8 or UTF-16 text", ErrUnsupported)
	}
	s := strings.TrimSuffix(strings.ReplaceAll(string(data), "\r\n", "\n"), "\f")
	// Counted before splitting: a file of form feeds must not become
	// millions of pages.
	maxPages := x.MaxPages
	if maxPages == 0 {
		maxPages = DefaultMaxPages
	}
	if n := strings.Count(s, "\f") + 1; n > maxPages {
		return nil, fmt.Errorf("%w: %d pages, limit %d", ErrTooManyPages, n, maxPages)
	}
	ex := &Extraction{ContentType: schemas.ContentText}
	for i, t := range strings.Split(s, "\f") {
		m := schemas.MethodText
		if strings.TrimSpace(t) == "" {
			m = schemas.MethodNone
		}
		ex.Pages = append(ex.Pages, schemas.Page{Number: i + 1, Method: m, Text: t})
	}
	return ex, ctx.Err()
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// fromUTF16 decodes text that starts with a UTF-16 byte-order mark, as
// Windows tools save "Unicode" text, into UTF-8. It reports false for data
// without one, and for an odd number of bytes or unpaired surrogates.
func fromUTF16(data []byte) ([]byte, bool) {
	var order binary.ByteOrder
	switch {
	case len(data) >= 2 && data[0] == 0xFF && data[1] == 0xFE:
		order = binary.LittleEndian
	case len(data) >= 2 && data[0] == 0xFE && data[1] == 0xFF:
		order = binary.BigEndian
	default:
		return nil, false
	}
	data = data[2:]
	if len(data)%2 != 0 {
		return nil, false
	}
	units := make([]uint16, len(data)/2)
	for i := range units {
		units[i] = order.Uint16(data[2*i:])
	}
	runes := utf16.Decode(units)
	for _, r := range runes {
		if r == utf8.RuneError {
			return nil, false
		}
	}
	return []byte(string(runes)), true
}

// isText reports whether data looks like human-readable UTF-8 text.
func isText(data []byte) bool {
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return false
	}
	return true
}

// Sniff returns the content type of a document from its first bytes:
// application/pdf when "%PDF-" appears within the first KiB, text/plain for
// UTF-8 text and UTF-16 text with a byte-order mark, or "" when casefile
// cannot read it.
func Sniff(head []byte) string {
	if bytes.Contains(head[:min(len(head), headerWindow)], []byte("%PDF-")) {
		return schemas.ContentPDF
	}
	if len(head) >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF) {
		return schemas.ContentText // UTF-16 with its byte-order mark
	}
	// A multi-byte rune cut at the end of head is still text.
	probe := head
	for i := 0; i < utf8.UTFMax && len(probe) > 0 && !utf8.Valid(probe); i++ {
		probe = probe[:len(probe)-1]
	}
	if len(head) > 0 && isText(probe) {
		return schemas.ContentText
	}
	return ""
}
