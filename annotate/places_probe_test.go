package annotate

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/casefile/casefile/schemas"
)

// TestPlaceProbe prints the places and organizations found in the text
// files named by CASEFILE_PLACE_PROBE (space-separated paths or globs),
// one line per span with its file, page, type and rule: a debugging aid
// for reading a rule's firings over a corpus and diffing them before and
// after a change.
func TestPlaceProbe(t *testing.T) {
	arg := os.Getenv("CASEFILE_PLACE_PROBE")
	if arg == "" {
		t.Skip("set CASEFILE_PLACE_PROBE='file.txt dir/*.txt'")
	}
	var paths []string
	for _, pat := range strings.Fields(arg) {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	a := NewAnnotator(lexiconModels(t))
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
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
				if s.typ != schemas.Place && s.typ != schemas.Organization {
					continue
				}
				typ := "ORG"
				if s.typ == schemas.Place {
					typ = "PLACE"
				}
				fmt.Printf("%s p%d %-5s %-18s %q\n", name, i+1, typ, s.rule+"/"+string(s.source),
					string(pe.runes[pe.words[s.from].start:pe.words[s.to-1].end]))
			}
		}
	}
}
