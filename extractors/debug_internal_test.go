package extractors

import (
	"bytes"
	"fmt"
	"github.com/ledongthuc/pdf"
	"os"
	"strings"
	"testing"
)

func TestDebugGlyphs(t *testing.T) {
	b, _ := os.ReadFile(os.Getenv("F"))
	r, _ := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	var pn int
	fmt.Sscan(os.Getenv("P"), &pn)
	in, _ := pageGlyphs(r.Page(pn))
	for i, g := range in.glyphs {
		if strings.Contains(os.Getenv("W"), "all") || (i >= 0 && i < 60) {
			fmt.Printf("%q x=%.1f y=%.1f w=%.2f s=%.1f o=%d\n", g.s, g.x, g.y, g.w, g.size, g.orient)
		}
	}
}
