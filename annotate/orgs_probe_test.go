package annotate

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/casefile/casefile/schemas"
)

// TestOrgProbe prints the organizations found in the text file named by
// CASEFILE_ORG_PROBE, page by page with their rule: a debugging aid.
func TestOrgProbe(t *testing.T) {
	path := os.Getenv("CASEFILE_ORG_PROBE")
	if path == "" {
		t.Skip("set CASEFILE_ORG_PROBE=file.txt")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a := NewAnnotator(lexiconModels(t))
	var pages []schemas.Page
	for i, text := range strings.Split(string(data), "\f") {
		pages = append(pages, schemas.Page{Number: i + 1, Text: text})
	}
	spans, numbers := furniture(pages)
	for i, p := range pages {
		p.Text = blank(p.Text, slices.Concat(spans[i], numbers[i]))
		pe, _, err := a.annotatePage(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range pe.spans {
			if s.typ != schemas.Organization {
				continue
			}
			fmt.Printf("p%d %-14s %q\n", i+1, s.rule+"/"+s.source, string(pe.runes[pe.words[s.from].start:pe.words[s.to-1].end]))
		}
	}
}
