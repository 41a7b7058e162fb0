package charge

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/casefile/casefile/schemas"
)

// TestDump prints the charges found in the page texts of the file named by
// CASEFILE_CHARGE_DUMP (form feeds between pages), each with its page and
// the text around it: a reading aid for reviewing rules on one filing.
func TestDump(t *testing.T) {
	path := os.Getenv("CASEFILE_CHARGE_DUMP")
	if path == "" {
		t.Skip("CASEFILE_CHARGE_DUMP not set")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for i, page := range strings.Split(string(b), "\f") {
		rs := []rune(page)
		for _, e := range f.Find(schemas.Page{Number: i + 1, Text: page}) {
			a := chargeAttrs(e)
			ctx := string(rs[max(0, e.Start-40):min(len(rs), e.End+40)])
			fmt.Printf("p%d %q off=%q st=%q\n    …%s…\n", i+1, e.Text, a.Offense, a.Statute, strings.Join(strings.Fields(ctx), " "))
		}
	}
}
