package casemeta

import "testing"

// TestHeadingCourt reads courts from the headings filings print, state and
// federal; a court courts-db does not hold (Missouri's circuit courts,
// Texas's district courts) is left empty rather than guessed.
func TestHeadingCourt(t *testing.T) {
	for _, tt := range []struct{ in, id, division string }{} {
		id, _, div := court(tt.in)
		if id != tt.id || div != tt.division {
			t.Errorf("court(%q) = %q, %q; want %q, %q", tt.in, id, div, tt.id, tt.division)
		}
	}
}
