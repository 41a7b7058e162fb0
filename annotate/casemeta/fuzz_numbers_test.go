package casemeta

import (
	"slices"
	"testing"
)

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

// checkWindowPatterns fails when a window test of windowPatterns refuses
// a window the pattern matches in: the test must hold of every match.
func checkWindowPatterns(t *testing.T, text string) int {
	t.Helper()
	wins := numberLineWindows(text)
	n := 0
	for i, p := range windowPatterns {
		all := windowPattern{p.re, func(string) bool { return true }}
		got, want := matchesIn(p, text, wins), matchesIn(all, text, wins)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("pattern %d (%s) on %.80q: %v with its window test, %v without", i, p.re.Get(), text, got, want)
		}
		n += len(got)
	}
	return n
}

// TestWindowPatterns checks the window tests of the number patterns on
// every stored first page and corpus page.
func TestWindowPatterns(t *testing.T) {
	pages := storedPages(t)
	n := 0
	for _, p := range pages {
		n += checkWindowPatterns(t, p)
	}
	t.Logf("%d pages, %d matches", len(pages), n)
}

func FuzzWindowPatterns(f *testing.F) {
	for _, s := range []string{"Case 2:18-cr-00123-ABC-1\n", "No. 18-12345\n", "CR 19-123 AB\n", "Misc. No. 20-123\n",
		"Ind. No. 1234/19\n", "D.C. No. CV-00-13002-DDP\n", "Lower Court No. 18-cv-1\n", "5:19-CV-00001\n",
		"1:20-\u017fw-123\n"} { // (?i) matches the long s as s
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkWindowPatterns(t, s)
	})
}
