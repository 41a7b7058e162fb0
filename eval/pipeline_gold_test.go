package eval_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casefile/casefile/eval"
	"github.com/casefile/casefile/internal/corpustest"
	"github.com/casefile/casefile/schemas"
)

// TestGoldFromPDFs scores the gold set as a user's run sees it: each
// document's own file (the PDF, or the plain text) read by doctext, not
// poppler's reference text, then annotated. It holds the same floors as
// TestGoldEntities; the two differ only by what text extraction changes.
// It needs ../shared/corpus and is skipped without it.
func TestGoldFromPDFs(t *testing.T) {
	dir := corpustest.Dir(t)
	golds, a := goldAndAnnotator(t)
	var recs []schemas.Record
	for _, g := range golds {
		sub := "pdfs"
		if strings.HasSuffix(g.Source, ".txt") {
			sub = "plain"
		}
		pages := corpustest.TextLayer(t, filepath.Join(dir, sub, g.Source))
		ann, err := a.Annotate(context.Background(), pages)
		if err != nil {
			t.Fatalf("%s: %v", g.Doc, err)
		}
		rec := schemas.Record{ID: g.Aliases[0], Source: g.Source, Pages: pages, Entities: ann.Entities}
		if err := schemas.CheckSpans(&rec); err != nil {
			t.Fatalf("%s: %v", g.Doc, err)
		}
		recs = append(recs, rec)
	}
	rep := eval.Score(golds, recs)
	folds := rep.ByFold()
	var b strings.Builder
	fmt.Fprintf(&b, "casefile from the documents' own files, %d documents pooled:\n", len(golds))
	rep.Write(&b)
	fmt.Fprintln(&b, "strict F1 by fold (gold entities):")
	folds.Write(&b)
	t.Log("\n" + b.String())
	checkFoldFloors(t, folds)
}
