package referent_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casefile/casefile/annotate"
	"github.com/casefile/casefile/schemas"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGolden annotates real filings of the corpus (testdata/*.txt, pages
// separated by form feeds) and compares their doc entities, rendered one
// a line, with testdata/*.golden; go test -update rewrites them, for a
// reader to check the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata texts: %v", err)
	}
	models, err := annotate.LoadModels()
	if err != nil {
		t.Fatal(err)
	}
	a := annotate.NewAnnotator(models)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			rec := annotateFile(t, a, f)
			if err := schemas.CheckDocEntities(&rec); err != nil {
				t.Fatal(err)
			}
			got := render(rec)
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("doc entities of %s differ from %s (go test -update to rewrite):\n%s", f, golden, got)
			}
		})
	}
}

// render writes one doc entity a line: id, name, key, the distinct forms
// of its mentions, aliases, ambiguity and ties.
func render(rec schemas.Record) string {
	var b strings.Builder
	for _, de := range rec.DocEntities {
		var forms []string
		seen := map[string]bool{}
		for _, i := range de.Mentions {
			if f := strings.Join(strings.Fields(rec.Entities[i].Text), " "); !seen[f] {
				seen[f] = true
				forms = append(forms, f)
			}
		}
		fmt.Fprintf(&b, "%s %q key=%q mentions=%d forms=%q", de.ID, de.Name, de.Key, len(de.Mentions), forms)
		if len(de.Aliases) > 0 {
			fmt.Fprintf(&b, " aliases=%q", de.Aliases)
		}
		if len(de.AmbiguousWith) > 0 {
			fmt.Fprintf(&b, " ambiguous_with=%v", de.AmbiguousWith)
		}
		for _, i := range de.Charges {
			fmt.Fprintf(&b, " charge=%q", strings.Join(strings.Fields(rec.Entities[i].Text), " "))
		}
		for _, i := range de.Quantities {
			fmt.Fprintf(&b, " quantity=%q", strings.Join(strings.Fields(rec.Entities[i].Text), " "))
		}
		b.WriteByte('\n')
	}
	return b.String()
}
