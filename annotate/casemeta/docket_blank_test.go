package casemeta

import (
	"testing"

	"github.com/casefile/casefile/schemas"
)

// TestDocketBlankValue checks that a docket record whose filed date is a
// blank other than a space or a tab (a form feed, a no-break space) reads
// as no date, without a panic.
func TestDocketBlankValue(t *testing.T) {
	for _, blank := range []string{"\f", "\v", "\u00a0"} {
		page := "Case Number: 20CV000123\nDate Filed: " + blank + "\nCase Type: Contract\nCase Status: Active\nJudge: Ann Smith\n"
		c, _ := Read([]schemas.Page{{Number: 1, Method: schemas.MethodText, Text: page}})
		if c.Filed != "" {
			t.Errorf("filed %q for %q, want none", c.Filed, page)
		}
	}
}
