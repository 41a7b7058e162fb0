package crossval_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casefile/casefile/annotate"
	"github.com/casefile/casefile/eval"
	"github.com/casefile/casefile/eval/nertrain"
	"github.com/casefile/casefile/schemas"
)

// TestCorpusFirings counts what a trained model (the directory in
// CASEFILE_NERTRAIN_MODEL) adds to the rules over the whole corpus
// (CASEFILE_CORPUS, by default ../shared/corpus beside the repository:
// text/*.txt and plain/*.txt; held-back documents are skipped), by
// combination and type, and lists a sample of the additions with their
// line, to be read.
func TestCorpusFirings(t *testing.T) {
	dir := os.Getenv("CASEFILE_NERTRAIN_MODEL")
	if dir == "" {
		t.Skip("set CASEFILE_NERTRAIN_MODEL to a model directory")
	}
	corpus := os.Getenv("CASEFILE_CORPUS")
	if corpus == "" {
		corpus = "../../../../shared/corpus"
	}
	tagger, err := nertrain.LoadTagger(dir, nertrain.TrainingFeatures)
	if err != nil {
		t.Fatal(err)
	}
	models, err := annotate.LoadModels()
	if err != nil {
		t.Fatal(err)
	}
	a := annotate.NewAnnotator(models)
	var files []string
	for _, sub := range []string{"text", "plain"} {
		fs, _ := filepath.Glob(filepath.Join(corpus, sub, "*.txt"))
		files = append(files, fs...)
	}
	counts := map[string]int{}
	var added []string
	docs := 0
	for _, f := range files {
		if eval.HeldBack(strings.TrimSuffix(filepath.Base(f), ".txt")) {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs++
		var pages []schemas.Page
		for i, p := range strings.Split(string(data), "\f") {
			pages = append(pages, schemas.Page{Number: i + 1, Method: schemas.MethodText, Text: p})
		}
		ann, err := a.Annotate(context.Background(), pages)
		if err != nil {
			t.Fatal(err)
		}
		var model []schemas.Entity
		for _, p := range pages {
			ents, _, err := tagger.Entities(p)
			if err != nil {
				t.Fatal(err)
			}
			model = append(model, ents...)
		}
		n := len(ann.Entities)
		for _, comb := range []struct {
			name string
			ents []schemas.Entity
		}{{"Fill", nertrain.Fill(ann.Entities, model)}, {"ByLine", nertrain.ByLine(pages, ann.Entities, model)}} {
			for _, e := range comb.ents[n:] {
				counts[comb.name+" "+string(e.Type)]++
				if comb.name == "Fill" {
					added = append(added, fmt.Sprintf("%s %s %q in %q", filepath.Base(f), e.Type, e.Text, lineOf(pages[e.Page-1].Text, e.Start)))
				}
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d documents; additions to the rules: %v\n", docs, counts)
	step := max(1, len(added)/30)
	for i := 0; i < len(added); i += step {
		fmt.Fprintln(&b, added[i])
	}
	t.Log("\n" + b.String())
}

// lineOf returns the line of text holding code point at, trimmed.
func lineOf(text string, at int) string {
	r := []rune(text)
	s, e := at, at
	for s > 0 && r[s-1] != '\n' {
		s--
	}
	for e < len(r) && r[e] != '\n' {
		e++
	}
	return strings.Join(strings.Fields(string(r[s:e])), " ")
}
