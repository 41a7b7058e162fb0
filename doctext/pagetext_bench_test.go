package doctext

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"

	"github.com/casefile/casefile/internal/pdftest"
)

// onePage returns a one-page PDF whose content stream is content, with
// Times-Roman (no Widths: the standard-14 metrics) as /F1.
func onePage(content string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
	}
	return pdftest.Objects(objs...)
}

// glyphPages are generated pages of n glyphs in the shapes that matter: the
// hostile one (one `(a) Tj` per glyph, all on one baseline, as issue 14's
// test wrote it) and prose (a TJ line of words per T*, 66 glyphs a line).
var glyphPages = []struct {
	name    string
	content func(n int) string
}{
	{"tj", func(n int) string {
		return "BT /F1 12 Tf 72 700 Td " + strings.Repeat("(a) Tj ", n) + "ET"
	}},
	{"prose", func(n int) string {
		var b strings.Builder
		b.WriteString("BT /F1 10 Tf 10 TL 36 780 Td\n")
		line := "[(The defendant) -250 (was sentenced to) 120 (120 months of imprisonment,) -40 (and the)] TJ T*\n"
		const perLine = 66 // glyphs of line
		// Lines run on below the page's foot rather than overlap: a
		// page this dense has no other layout, and extraction does not clip.
		for range n / perLine {
			b.WriteString(line)
		}
		b.WriteString("ET")
		return b.String()
	}},
}

func pageOf(tb testing.TB, data []byte) pdf.Page {
	tb.Helper()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	return r.Page(1)
}

// BenchmarkPageText lays out generated pages of 10k, 100k and 400k glyphs
// and reports the cost per glyph, which must not grow with the page:
//
//	go test -run '^$' -bench PageText -benchmem ./doctext
func BenchmarkPageText(b *testing.B) {
	for _, shape := range glyphPages {
		for _, n := range []int{10_000, 100_000, 400_000} {
			b.Run(fmt.Sprintf("%s/%dk", shape.name, n/1000), func(b *testing.B) {
				data := onePage(shape.content(n))
				glyphs := 0
				var mem0, mem1 runtimeMem
				mem0.read()
				for b.Loop() {
					// A fresh reader each time: the reader caches the
					// page's decoded content stream.
					p := pageOf(b, data)
					text, err := pageText(p)
					if err != nil {
						b.Fatal(err)
					}
					glyphs = len([]rune(strings.Join(strings.Fields(text), "")))
				}
				mem1.read()
				if glyphs == 0 {
					b.Fatal("no text")
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(glyphs), "ns/glyph")
				b.ReportMetric(float64(mem1.alloc-mem0.alloc)/float64(b.N)/float64(glyphs), "B/glyph")
			})
		}
	}
}

// runtimeMem reads the bytes allocated so far (B/op over b.N, in bytes
// per glyph rather than per op).
type runtimeMem struct{ alloc uint64 }

func (m *runtimeMem) read() {
	var st runtime.MemStats
	runtime.ReadMemStats(&st)
	m.alloc = st.TotalAlloc
}
