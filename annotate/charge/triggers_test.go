package charge

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/casefile/casefile/annotate/internal/textscan"
)

// triggeredByContains is what triggerIndex replaced: each trigger of c
// looked for with strings.Contains, "=" ones in the text as written.
func triggeredByContains(c *code, text, lower string) bool {
	for _, t := range c.triggers {
		if t, exact := strings.CutPrefix(t, "="); exact && strings.Contains(text, t) || !exact && strings.Contains(lower, t) {
			return true
		}
	}
	return false
}

func checkTriggers(t *testing.T, text string) {
	t.Helper()
	lower := textscan.ToLowerASCII(text)
	got := codeTriggers().triggered(text, lower)
	for i, c := range codes() {
		if want := triggeredByContains(c, text, lower); got[i] != want {
			t.Fatalf("code %s on %.60q: triggered %v, want %v", c.id, text, got[i], want)
		}
	}
}

// TestTriggerIndex compares the one-pass trigger search with a
// strings.Contains per trigger on every page of the sample filings and
// on triggers at a page's edges.
func TestTriggerIndex(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/text/*.txt")
	if len(files) == 0 {
		t.Fatal("no sample texts")
	}
	pages := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range strings.Split(string(data), "\f") {
			checkTriggers(t, p)
			pages++
		}
	}
	for _, s := range []string{"", "p", "PL ", "penal law", "x PL 1", "Tex.", "under Health & Safety Code", "§", "NY PL", "h&s"} {
		checkTriggers(t, s)
	}
	on := codeTriggers().triggered("convicted under Penal Law § 265.03", "convicted under penal law § 265.03")
	if !slices.Contains(on, true) {
		t.Error("Penal Law triggers no code")
	}
	t.Logf("%d pages", pages)
}

func FuzzTriggerIndex(f *testing.F) {
	f.Add("Penal Law § 220.39 and PL 265.03, RSMo")
	f.Add("Cal. Health & Saf. Code § 11351")
	f.Fuzz(func(t *testing.T, s string) {
		checkTriggers(t, s)
	})
}
