package doctext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/ledongthuc/pdf"

	"github.com/casefile/casefile/schemas"
)

// DefaultMaxPages is the page limit used when PDF.MaxPages is zero.
const DefaultMaxPages = 2000

// headerWindow is how far into a file we look for "%PDF-", as poppler does.
const headerWindow = 1024

// trailerWindow is how far back from the end we look for the last %%EOF.
const trailerWindow = 64 << 10

// PDF extracts the text layer of PDF files page by page. The zero value is
// ready to use.
type PDF struct {
	// MaxPages bounds the pages read. If zero, DefaultMaxPages is used.
	MaxPages int
	// MaxInflate bounds what one stream may decode to, in bytes: a page
	// whose content passes it is kept empty with a warning, a document
	// whose structure passes it is ErrTooLarge. If zero,
	// pdf.DefaultMaxInflate (64 MiB).
	MaxInflate int64
}

// Extraction is a document's text; see [schemas.Extraction].
type Extraction = schemas.Extraction

// Extract reads the PDF of size bytes in r. It returns ErrEmpty, ErrNotPDF,
// ErrEncrypted, ErrTooManyPages, an error wrapping ErrMalformed, or a
// *PanicError; a failure confined to one page becomes a warning and a page
// with method none. Extract checks ctx between pages.
func (x *PDF) Extract(ctx context.Context, r io.ReaderAt, size int64) (*Extraction, error) {
	ex, _, err := x.extract(ctx, r, size)
	return ex, err
}

// extract is Extract, also returning each page's area in square inches
// (0 when unknown) for the OCR policy.
func (x *PDF) extract(ctx context.Context, r io.ReaderAt, size int64) (ex *Extraction, layouts []pageLayout, err error) {
	defer func() {
		if v := recover(); v != nil {
			ex, layouts, err = nil, nil, panicError(v)
		}
	}()
	if size == 0 {
		return nil, nil, ErrEmpty
	}
	view, err := pdfView(r, size)
	if err != nil {
		return nil, nil, err
	}
	doc, err := pdf.NewReader(view, view.Size())
	if err != nil {
		return nil, nil, classifyOpenError(err)
	}
	doc.SetMaxInflate(x.MaxInflate)
	maxPages := x.MaxPages
	if maxPages == 0 {
		maxPages = DefaultMaxPages
	}
	// The page tree's leaves, not its /Count, which a hostile or damaged
	// file may set to a billion or to one.
	pages, more := doc.Pages(maxPages)
	if more {
		return nil, nil, fmt.Errorf("%w: more than %d pages", ErrTooManyPages, maxPages)
	}
	n := len(pages)
	// A damaged tree (a truncated download) lists more pages than it
	// holds: they are kept, empty, so that page numbers stay the file's.
	if c := doc.NumPage(); c > n && c <= maxPages {
		n = c
	}
	ex = &Extraction{ContentType: schemas.ContentPDF, Title: docTitle(doc)}
	if doc.Repaired() {
		ex.Warnings = append(ex.Warnings, "the cross-reference table was missing or broken and was rebuilt by scanning the file; text may be incomplete")
	}
	var pp docPages
	for i := 1; i <= n; i++ {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		var page pdf.Page // a page the tree lists and does not hold reads as null
		if i <= len(pages) {
			page = pages[i-1]
		}
		text, images, err := pp.text(page)
		method := schemas.MethodText
		if err != nil {
			ex.Warnings = append(ex.Warnings, fmt.Sprintf("page %d: %v", i, err))
			text, method = "", schemas.MethodNone
		} else if strings.TrimSpace(text) == "" {
			method = schemas.MethodNone
		}
		ex.Pages = append(ex.Pages, schemas.Page{Number: i, Method: method, Text: text})
		layouts = append(layouts, pageLayout{area: page.Area() / (72 * 72), images: images})
	}
	return ex, layouts, nil
}

// panicError turns a panic of the PDF reader into an error. The reader
// reports a syntax error of the file ("object nesting exceeds maximum
// depth") by panicking with an error: that is a malformed file, not a bug.
// Anything else — a runtime error, another value — stays a *PanicError.
func panicError(v any) error {
	var re runtime.Error
	if e, ok := v.(error); ok && !errors.As(e, &re) {
		if errors.Is(e, pdf.ErrStreamTooLarge) {
			return fmt.Errorf("%w: %w", ErrTooLarge, e)
		}
		return fmt.Errorf("%w: %w", ErrMalformed, e)
	}
	return &PanicError{Value: v}
}

// pdfView returns the part of r that ledongthuc/pdf can open: from the
// "%PDF-" header (found within the first KiB) to the last %%EOF. Offsets in
// the file stay relative to the header, which is what writers that prepend
// junk (MIME boundaries, CRLFs) produce and what poppler assumes.
func pdfView(r io.ReaderAt, size int64) (*io.SectionReader, error) {
	head := make([]byte, min(size, headerWindow))
	if _, err := r.ReadAt(head, 0); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%w: read header: %v", ErrMalformed, err)
	}
	start := bytes.Index(head, []byte("%PDF-"))
	if start < 0 {
		return nil, ErrNotPDF
	}
	end := size
	tailLen := min(size-int64(start), trailerWindow)
	tail := make([]byte, tailLen)
	if _, err := r.ReadAt(tail, size-tailLen); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%w: read trailer: %w", ErrMalformed, err)
	}
	if i := bytes.LastIndex(tail, []byte("%%EOF")); i >= 0 {
		end = size - tailLen + int64(i) + int64(len("%%EOF"))
	}
	return io.NewSectionReader(r, int64(start), end-int64(start)), nil
}

// classifyOpenError maps the reader's open errors to ours, keeping the
// reader's error in the chain.
func classifyOpenError(err error) error {
	switch {
	case errors.Is(err, pdf.ErrInvalidPassword), errors.Is(err, pdf.ErrEncryption):
		return fmt.Errorf("%w: %w", ErrEncrypted, err)
	case errors.Is(err, pdf.ErrInvalidHeader):
		return fmt.Errorf("%w: %w", ErrNotPDF, err)
	default:
		return fmt.Errorf("%w: %w", ErrMalformed, err)
	}
}

func docTitle(doc *pdf.Reader) (title string) {
	defer func() {
		if recover() != nil {
			title = ""
		}
	}()
	t := doc.Trailer().Key("Info").Key("Title").Text()
	return strings.TrimSpace(strings.ToValidUTF8(t, ""))
}

// docPages is what the pages of one document share while they are read:
// the fonts loaded, by indirect reference, so that a font used on every
// page is read (its widths, its ToUnicode map) once; and the storage of
// glyphs and of layout, reused page after page.
type docPages struct {
	fonts  map[pdf.Ref]*font
	glyphs glyphList
	layout layoutScratch
}

// pageText lays out the text a page shows (see layout).
func pageText(p pdf.Page) (text string, err error) {
	text, _, err = new(docPages).text(p)
	return text, err
}

// text lays out the text page p shows (see layout).
func (pp *docPages) text(p pdf.Page) (text string, images int, err error) {
	defer func() {
		if v := recover(); v != nil {
			text, images, err = "", 0, panicError(v) // a file's fault (a bomb, bad syntax) or a bug
		}
	}()
	if p.V.IsNull() {
		return "", 0, fmt.Errorf("%w: missing page object", ErrMalformed)
	}
	in := pageGlyphs(p, pp)
	gs := &in.glyphs
	for i := range gs.len() {
		g := gs.at(i)
		if g.size < 0.5 {
			g.size = 0.5
		}
		if g.w <= 0 {
			g.w = 0.5 * g.size // font without widths: assume an average advance
		}
	}
	return layout(gs, &pp.layout), in.images, nil
}
