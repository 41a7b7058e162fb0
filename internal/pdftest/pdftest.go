// Package pdftest writes small PDFs from raw object bodies, for tests that
// need a form the corpus lacks: hostile structures, one-page fixtures,
// broken trees. Only tests import it.
package pdftest

import (
	"bytes"
	"fmt"
)

// Objects writes objs as objects 1…n of a PDF 1.4 file, followed by a
// cross-reference table and a trailer whose /Root is object 1.
func Objects(objs ...string) []byte { return WithTrailer("", objs...) }

// WithTrailer is Objects with extra entries (e.g. "/Encrypt 9 0 R ") put
// into the trailer dictionary.
func WithTrailer(extra string, objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, extra, xref)
	return b.Bytes()
}
