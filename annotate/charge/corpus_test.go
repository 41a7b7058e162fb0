package charge

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/casefile/casefile/annotate/internal/textscan"
	"github.com/casefile/casefile/schemas"
)

// TestCorpusFirings counts the firings of the citation and degree rules
// over a folder tree of page texts (form feeds between pages) named by
// CASEFILE_CHARGE_CORPUS, and prints a few of each, for review of rules
// against filings they were not written on. Documents whose names start
// with a prefix in CASEFILE_CHARGE_HIDE are counted but never printed.
func TestCorpusFirings(t *testing.T) {
	root := os.Getenv("CASEFILE_CHARGE_CORPUS")
	if root == "" {
		t.Skip("CASEFILE_CHARGE_CORPUS not set")
	}
	hide := strings.Fields(os.Getenv("CASEFILE_CHARGE_HIDE"))
	files, _ := filepath.Glob(filepath.Join(root, "*", "*.txt"))
	counts := map[string]int{}
	examples := map[string][]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		hidden := false
		for _, h := range hide {
			hidden = hidden || strings.HasPrefix(name, h)
		}
		for i, page := range strings.Split(string(b), "\f") {
			p := schemas.Page{Number: i + 1, Text: page}
			lower := strings.ToLower(page)
			record := func(rule, text string) {
				counts[rule]++
				if !hidden && len(examples[rule]) < 60 {
					examples[rule] = append(examples[rule], fmt.Sprintf("%s p%d: %q", name, i+1, text))
				}
			}
			if mayCite(page, textscan.ToLowerASCII(page)) {
				for _, c := range ParseCitations(page) {
					code := c.Statutes[0].Code
					if code == "" {
						code = "usc"
					}
					record("cite:"+code, page[c.Start:c.End])
				}
			}
			spans, _ := degreeOffenses(page, strings.ToLower(page), func(int, int) bool { return false })
			for _, sp := range spans {
				record("degree-generic", page[sp[0]:sp[1]])
			}
			_ = lower
			for _, ph := range contextOffenses(page) {
				record("context-phrase", page[ph.s:ph.e])
			}
			for _, ph := range gerundOffenses(page, textscan.ToLowerASCII(page)) {
				record("gerund-phrase", page[ph.s:ph.e])
			}
			for _, ph := range definedAcronyms(page, contextOffenses(page)) {
				record("defined-acronym", page[ph.s:ph.e]+" => "+ph.name)
			}
			for _, m := range classDesignations.Get().FindAllStringIndex(page, -1) {
				record("class-grade", page[m[0]:min(len(page), m[1]+40)])
			}
			for _, ph := range violationOffenses(page, textscan.ToLowerASCII(page)) {
				record("violation-phrase", page[ph.s:ph.e])
			}
			for _, m := range textscan.FindAt(offenseAt(), page, offenseStarts(page), nil) {
				trimNumberDegree(page, m)
				if name, ok := offenseName(page, m); ok && !strings.Contains(name, " degree") {
					if e, more := extendKnown(page, m[1], name); more != "" {
						record("head-extension", page[m[0]:e])
					}
					if categoryUse(page, m[0], m[1]) {
						record("category-use", page[m[0]:min(len(page), m[1]+12)])
					}
				}
			}
			for _, e := range findChargesOnly(p) {
				a := chargeAttrs(e)
				switch {
				case strings.ContainsAny(e.Text, "0123456789°") && a.Statute == "" && strings.Contains(a.Offense, "degree"):
					record("degree-number", e.Text)
				case a.Statute == "" && strings.HasPrefix(a.Offense, "attempted") && !strings.HasPrefix(strings.ToLower(e.Text), "attempted"):
					record("attempt-after-degree", e.Text)
				}
				if strings.HasPrefix(a.Offense, "sexual ") || strings.Contains(a.Offense, " sexual ") {
					record("sexual-variant", e.Text)
				}
				if lexiconOnly[strings.TrimPrefix(strings.SplitN(a.Offense, " in the ", 2)[0], "attempted ")] {
					record("lexicon", e.Text)
				}
				for ac := range acronyms {
					if strings.HasPrefix(strings.ToLower(e.Text), ac) {
						record("acronym", e.Text)
					}
				}
				if a.Statute != "" && a.Offense != "" && strings.Contains(a.Statute, "§") && !strings.Contains(a.Statute, "U.S.C") {
					record("linked-state-cite", e.Text+" => "+a.Offense)
				}
			}
		}
	}
	var rules []string
	for r := range counts {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	for _, r := range rules {
		fmt.Printf("%-22s %d\n", r, counts[r])
		for _, x := range examples[r] {
			fmt.Printf("    %s\n", x)
		}
	}
}

// lexiconOnly are the offense names of the generated lexicon that the
// hand-written offenses list does not hold.
var lexiconOnly = func() map[string]bool {
	m := map[string]bool{}
	for _, o := range offenseNames()[len(offenses):] {
		m[o] = true
	}
	return m
}()

func findChargesOnly(p schemas.Page) []schemas.Entity {
	f, _ := New()
	return f.Find(p)
}

// classDesignations finds the grades the context reader skips, to count
// where they stand ("Level 3 felony", "a Class 2 felony").
var classDesignations = textscan.Lazy(`(?i)\b(?:class|level)\s+[0-9A-Z]{1,2}\s+(?:felony|misdemeanor)\b`)
