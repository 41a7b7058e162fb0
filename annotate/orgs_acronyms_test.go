package annotate

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/casefile/casefile/internal/corpustest"
	"github.com/casefile/casefile/schemas"
)

// docOrgs annotates the pages of text (split at form feeds) as Annotate
// does up to the document-wide names, and returns each organization
// found with its rule.
func docOrgs(t testing.TB, a *Annotator, text string) (texts, rules []string) {
	t.Helper()
	var all []pageEntities
	for i, p := range strings.Split(text, "\f") {
		pe, _, err := a.annotatePage(schemas.Page{Number: i + 1, Text: p})
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, pe)
	}
	tagGangs(all, findGangNames(all))
	for _, pe := range all {
		for _, s := range pe.spans {
			if s.typ == schemas.Organization {
				texts = append(texts, string(pe.runes[pe.words[s.from].start:pe.words[s.to-1].end]))
				rules = append(rules, s.rule)
			}
		}
	}
	return texts, rules
}

func TestDefinedAcronyms(t *testing.T) {
	a := NewAnnotator(lexiconModels(t))
	tests := []struct {
		name, in string
		want     []string // acronym mentions
	}{
		{"quoted", "an inmate at the New Jersey State Prison (“NJSP”) in Trenton.\fNJSP staff said", []string{"NJSP", "NJSP"}},
		{"with the", "High Desert State Prison (the “HDSP”). Later HDSP moved him.", []string{"HDSP", "HDSP"}},
		{"bare", "the Oklahoma Court of Criminal Appeals (OCCA) held; OCCA agreed", []string{"OCCA", "OCCA"}},
		{"initials out of order", "the Oklahoma Court of Criminal Appeals (ACCO) held; ACCO agreed", nil},
		{"a number is no acronym", "the Pomona Police Department (2019) and 2019", nil},
		{"not after an organization", "Maria Lopez (“ML”) and ML", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			texts, rules := docOrgs(t, a, tt.in)
			var got []string
			for i, r := range rules {
				if r == "acronym" {
					got = append(got, texts[i])
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("acronyms in %q = %q, want %q (all: %q)", tt.in, got, tt.want, texts)
			}
		})
	}
}

// TestAcronymFirings counts the mentions of defined acronyms over the
// corpus and prints CASEFILE_FIRINGS of them (held-back documents
// counted, not shown).
func TestAcronymFirings(t *testing.T) {
	n := 0
	if _, err := fmt.Sscan(os.Getenv("CASEFILE_FIRINGS"), &n); err != nil || n <= 0 {
		t.Skip("set CASEFILE_FIRINGS=N")
	}
	dir := corpustest.Dir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	plain, _ := filepath.Glob(filepath.Join(dir, "plain", "*.txt"))
	a := NewAnnotator(lexiconModels(t))
	count, shown := 0, 0
	seen := map[string]bool{}
	for _, f := range append(files, plain...) {
		doc := strings.TrimSuffix(filepath.Base(f), ".txt")
		if seen[doc] {
			continue
		}
		seen[doc] = true
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts, rules := docOrgs(t, a, string(data))
		defined := map[string]int{}
		for i, r := range rules {
			if r == "acronym" {
				count++
				defined[texts[i]]++
			}
		}
		heldBack := strings.HasPrefix(doc, "colo-") || strings.HasPrefix(doc, "illappct-") || strings.HasPrefix(doc, "ind-")
		for acr, k := range defined {
			if shown < n && !heldBack {
				fmt.Printf("%-40.40s %s ×%d\n", doc, acr, k)
				shown++
			}
		}
	}
	fmt.Printf("acronym mentions: %d\n", count)
}

// FuzzDefinedAcronyms runs the organization rules and the document-wide
// names on any text: no panic, and every span within its page.
func FuzzDefinedAcronyms(f *testing.F) {
	for _, s := range []string{"New Jersey State Prison (“NJSP”) NJSP", "Prison (the “HDSP”)", "Court (", "Bureau (FBI", "(\"AB\")", "Unit (A&B) A&B\fA&B"} {
		f.Add(s)
	}
	a := NewAnnotator(lexiconModels(f))
	f.Fuzz(func(t *testing.T, text string) {
		var all []pageEntities
		for i, p := range strings.Split(text, "\f") {
			pe, _, err := a.annotatePage(schemas.Page{Number: i + 1, Text: p})
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, pe)
		}
		tagGangs(all, findGangNames(all))
		for _, pe := range all {
			for _, s := range pe.spans {
				if s.from < 0 || s.to > len(pe.words) || s.from >= s.to {
					t.Fatalf("span %d..%d of %d words in %q", s.from, s.to, len(pe.words), text)
				}
			}
		}
	})
}

// TestDocumentShortForms: short forms a document defines for an
// organization are organizations wherever it uses them, never people.
func TestDocumentShortForms(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string // TYPE:text present, and absent
	}{
		{"company without its suffix", "BARRY WEINTRAUB v. QUICKEN LOANS, INC.\n\nRita Weintraub applied to Quicken Loans, Inc. for a loan. Quicken Loans refused.",
			[]string{"ORGANIZATION:Quicken Loans", "ORGANIZATION:QUICKEN LOANS, INC."}, []string{"PERSON:Quicken Loans", "PERSON:QUICKEN LOANS"}},
		{"initials without the owning state", "The Indiana Department of Child Services (DCS) removed the child. DCS then filed a petition.",
			[]string{"ORGANIZATION:DCS"}, nil},
		{"set as a verb is no gang's set", "CNN published the Defamatory Statements set forth above.",
			nil, []string{"ORGANIZATION:Defamatory Statements"}},
		{"initials of a code stay apart", "The Indiana Department of Child Services (IC 31-34) removed the child.",
			nil, []string{"ORGANIZATION:IC"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkEntities(t, tt.text, tt.want, tt.not)
		})
	}
}

// TestPropagatedSurnames: a bare surname later in the document is a
// mention of the full name found before, except inside a firm's name.
func TestPropagatedSurnames(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string // TYPE:text present, and absent
	}{
		{"surname alone", "Marion R. Yagman argued. Later Yagman conceded.", []string{"PERSON:Yagman"}, nil},
		{"surname in a firm's name", "Marion R. Yagman (argued), Yagman & Yagman & Reichman; David D. Lawrence, Roberts & Lawrence, for the appellee.",
			[]string{"PERSON:Marion R. Yagman", "PERSON:David D. Lawrence"}, []string{"PERSON:Yagman", "PERSON:Lawrence"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkEntities(t, tt.text, tt.want, tt.not)
		})
	}
}

// checkEntities annotates text as one page and reports each of want
// ("TYPE:text") missing from its entities and each of not present.
func checkEntities(t *testing.T, text string, want, not []string) {
	t.Helper()
	ann, err := NewAnnotator(lexiconModels(t)).Annotate(context.Background(), []schemas.Page{{Number: 1, Method: schemas.MethodText, Text: text}})
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, e := range ann.Entities {
		have[string(e.Type)+":"+e.Text] = true
	}
	for _, w := range want {
		if !have[w] {
			t.Errorf("Annotate(%q) lacks %s: %v", text, w, have)
		}
	}
	for _, w := range not {
		if have[w] {
			t.Errorf("Annotate(%q) has %s", text, w)
		}
	}
}
