package doctext

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/golden from the current layout")

// goldenPages are generated pages that exercise the layout's orderings and
// merges: rows whose words tie on x or y, rotated stamps, fake bold, letter
// spacing and the one-baseline hostile page.
var goldenPages = map[string]string{
	"ties.pdf": "BT /F1 12 Tf 1 0 0 1 100 700 Tm (B) Tj 1 0 0 1 100 702 Tm (A) Tj 1 0 0 1 100 700 Tm (C) Tj " +
		"1 0 0 1 300 700 Tm (D) Tj 1 0 0 1 50 701 Tm (E) Tj 1 0 0 1 100 650 Tm (F) Tj 1 0 0 1 100 650 Tm (G) Tj ET",
	"rotated.pdf": "BT /F1 12 Tf 72 700 Td (Upright line) Tj ET " +
		"BT /F1 9 Tf 0 1 -1 0 580 100 Tm (FILED 2021 Dec 10) Tj ET " +
		"BT /F1 9 Tf 0 -1 1 0 20 700 Tm (Case 1:21-cr-00042) Tj ET " +
		"BT /F1 9 Tf -1 0 0 -1 500 40 Tm (upside down) Tj ET",
	"fakebold.pdf": "BT /F1 12 Tf 72 700 Td (Bold) Tj ET BT /F1 12 Tf 72.3 700 Td (Bold) Tj ET " +
		"BT /F1 12 Tf 72 680 Td (T) Tj -0.1 0 Td (T) Tj ET",
	"letterspaced.pdf": "BT /F1 10 Tf 3 Tc 72 700 Td (12:04:33 PM) Tj 0 Tc 0 -20 Td [(word) -400 (gap) -120 (a) -400 (b)] TJ ET",
	"onebaseline.pdf":  "BT /F1 12 Tf 72 700 Td " + strings.Repeat("(a) Tj ", 3000) + "( ) Tj (end) Tj ET",
	"prose.pdf":        glyphPages[1].content(5000),
}

// TestLayoutGolden compares the text of the sample PDFs of ../testdata/pdfs
// and of generated pages with testdata/golden, which was written by the
// layout before it was made linear (go test -run LayoutGolden -update).
func TestLayoutGolden(t *testing.T) {
	inputs := map[string][]byte{}
	samples, err := filepath.Glob("../testdata/pdfs/*.pdf")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range samples {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(path)] = data
	}
	for name, content := range goldenPages {
		inputs[name] = onePage(content)
	}
	if len(inputs) < len(goldenPages)+5 {
		t.Fatalf("only %d inputs", len(inputs))
	}
	for name, data := range inputs {
		t.Run(name, func(t *testing.T) {
			var got strings.Builder
			ex, err := (&PDF{}).Extract(context.Background(), bytes.NewReader(data), int64(len(data)))
			if err != nil {
				fmt.Fprintf(&got, "error: %v\n", err)
			} else {
				for _, p := range ex.Pages {
					fmt.Fprintf(&got, "--- page %d (%s)\n%s\n", p.Number, p.Method, p.Text)
				}
			}
			path := filepath.Join("testdata", "golden", name+".txt")
			if *updateGolden {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != string(want) {
				t.Errorf("text differs from %s:\ngot:\n%s\nwant:\n%s", path, got.String(), want)
			}
		})
	}
}
