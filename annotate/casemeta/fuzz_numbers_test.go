package casemeta

import "testing"

// FuzzCaseNumbers checks that any text yields case numbers inside it, in
// order, and court headings without a panic.
func FuzzCaseNumbers(f *testing.F) {
	for _, s := range []string{"D. C. Docket No. 06-02274-CV-AR-S", "No. 2:15-cv-0208 TLN KJN P", "IN THE SUPREME COURT OF THE\nSTATE OF ARIZONA", "D.C. No.\nCV-00-13002-DDP"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, n := range findCaseNumbers(s) {
			if n.start < prev || n.end > len(s) || n.start >= n.end {
				t.Fatalf("span [%d,%d) out of order or range in %q", n.start, n.end, s)
			}
			prev = n.start
		}
		court(s)
	})
}
