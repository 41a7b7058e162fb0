package charge

import (
	"testing"

	"github.com/casefile/casefile/schemas"
)

// TestFindChargesUnicodeLower checks that a page whose Unicode lower case
// has the page's length but not its offsets (two capital A with stroke, each a
// byte longer lowered, before a Kelvin sign, two bytes shorter) still
// gives the offense where it is written.
func TestFindChargesUnicodeLower(t *testing.T) {
	m, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, text string }{
		{"ȺȺ indicted for Murder in the Second Degree \u212A", "Murder in the Second Degree"},
		{"ȺȺ\u212A indicted for Murder in the Second Degree", "Murder in the Second Degree"},
	}
	for _, tt := range tests {
		var found bool
		for _, e := range findCharges(schemas.Page{Number: 1, Text: tt.in}, m.statutes) {
			if e.Text == tt.text {
				found = true
			} else {
				t.Errorf("findCharges(%q): charge %q", tt.in, e.Text)
			}
		}
		if !found {
			t.Errorf("findCharges(%q): no charge %q", tt.in, tt.text)
		}
	}
}
