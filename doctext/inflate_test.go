package doctext_test

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/internal/pdftest"
	"github.com/casefile/casefile/schemas"
)

// flate is a FlateDecode stream object of data.
func flate(t *testing.T, data []byte) string {
	t.Helper()
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	return fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes())
}

// TestInflateLimit: a content stream that decodes past MaxInflate (a
// deflate bomb) leaves its pages empty with a warning that names the
// limit, at once for every page that shares it; the other pages keep
// their text; a stream under the limit reads whole.
func TestInflateLimit(t *testing.T) {
	bomb := flate(t, bytes.Repeat([]byte(" "), 4<<20)) // 4 MiB of spaces in a few KiB
	text := flate(t, []byte("BT /F1 12 Tf 72 700 Td (Indictment) Tj ET"))
	page := func(contents int) string {
		return fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents %d 0 R >>", contents)
	}
	// Objects: 1 catalog, 2 pages, 3 bomb, 4 font, 5 text, 6.. pages.
	objs := []string{catalog, "<< /Type /Pages /Kids [6 0 R 7 0 R 8 0 R] /Count 3 >>", bomb, font, text, page(3), page(5), page(3)}
	data := pdftest.Objects(objs...)

	for _, tt := range []struct {
		name       string
		limit      int64
		wantText   []bool // pages with text
		wantWarned int
	}{
		{"bomb past the limit", 1 << 20, []bool{false, true, false}, 2},
		{"under a higher limit", 8 << 20, []bool{false, true, false}, 0}, // read whole: spaces only
	} {
		t.Run(tt.name, func(t *testing.T) {
			x := &doctext.PDF{MaxInflate: tt.limit}
			ex, err := x.Extract(context.Background(), bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			if len(ex.Pages) != 3 {
				t.Fatalf("%d pages, want 3", len(ex.Pages))
			}
			for i, p := range ex.Pages {
				if has := strings.Contains(p.Text, "Indictment"); has != tt.wantText[i] {
					t.Errorf("page %d text %q", i+1, p.Text)
				}
			}
			warned := 0
			for _, w := range ex.Warnings {
				if strings.Contains(w, "decodes past the limit") {
					warned++
				}
			}
			if warned != tt.wantWarned {
				t.Errorf("%d limit warnings, want %d: %q", warned, tt.wantWarned, ex.Warnings)
			}
		})
	}
}

// TestXrefSizeBound: a cross-reference stream whose /Size is larger than
// the file is malformed at once, not a table of a trillion entries.
func TestXrefSizeBound(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n1 0 obj\n" + catalog + "\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n")
	xref := b.Len()
	data := []byte{1, 0, 0, 0}
	fmt.Fprintf(&b, "3 0 obj\n<< /Type /XRef /Size 1000000000000 /W [1 2 1] /Root 1 0 R /Length %d >>\nstream\n%s\nendstream\nendobj\n", len(data), data)
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", xref)
	x := &doctext.PDF{}
	_, err := x.Extract(context.Background(), bytes.NewReader(b.Bytes()), int64(b.Len()))
	if !errors.Is(err, doctext.ErrMalformed) && doctext.Reason(err) != schemas.ReasonExtractMalformed {
		t.Fatalf("Extract = %v (%s), want malformed", err, doctext.Reason(err))
	}
}
