package annotate

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/casefile/casefile/eval"
	"github.com/casefile/casefile/internal/corpustest"
)

// TestRuleFirings counts, over the whole corpus's text (gold or not), how
// often each PERSON, PLACE and ORGANIZATION rule fires, and prints up to
// CASEFILE_FIRINGS samples of each, spread over the corpus, with their
// line: the way to read a rule's firings on documents it was not written
// for. Held-back gold documents are left out, counts and samples both:
// a count that moves on them alone steers a rule toward them.
//
//	CASEFILE_FIRINGS=20 go test -run RuleFirings -v ./annotate
func TestRuleFirings(t *testing.T) {
	n := 0
	if _, err := fmt.Sscan(os.Getenv("CASEFILE_FIRINGS"), &n); err != nil || n <= 0 {
		t.Skip("set CASEFILE_FIRINGS=N to print N firings of each rule")
	}
	docs := corpustest.ReferenceTexts(t)
	m, err := LoadModels()
	if err != nil {
		t.Fatal(err)
	}
	a := NewAnnotator(m)
	type firing struct{ doc, text, line string }
	byRule := map[string][]firing{}
	for _, d := range docs {
		if eval.HeldBack(d.Name) {
			continue
		}
		for _, p := range d.Pages {
			pe, _, err := a.annotatePage(p)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range pe.spans {
				start, end := pe.words[s.from].start, pe.words[s.to-1].end
				lineStart := strings.LastIndex(string(pe.runes[:start]), "\n") + 1
				lineEnd := strings.Index(string(pe.runes[end:]), "\n")
				line := string(pe.runes[:end])[lineStart:]
				if lineEnd >= 0 {
					line += string(pe.runes[end:])[:lineEnd]
				}
				rule := string(s.typ) + "/" + s.rule
				if s.rule == "" {
					rule += s.source
				}
				byRule[rule] = append(byRule[rule], firing{d.Name, string(pe.runes[start:end]), strings.TrimSpace(line)})
			}
		}
	}
	rules := make([]string, 0, len(byRule))
	for r := range byRule {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	var b strings.Builder
	for _, r := range rules {
		fs := byRule[r]
		fmt.Fprintf(&b, "%s: %d firings\n", r, len(fs))
		step := max(1, len(fs)/n)
		shown := 0
		for i := 0; i < len(fs) && shown < n; i += step {
			fmt.Fprintf(&b, "    %-28.28s %-30q %.100s\n", fs[i].doc, fs[i].text, fs[i].line)
			shown++
		}
	}
	t.Log("\n" + b.String())
}
