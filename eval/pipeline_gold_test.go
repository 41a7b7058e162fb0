package eval_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
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
// It needs ../shared/corpus and is skipped without it. A text-only
// document of this repository's testdata (no PDF exists) is read from its
// text file, as the corpus's plain-text documents are.
func TestGoldFromPDFs(t *testing.T) {
	dir := corpustest.Dir(t)
	golds, a := goldAndAnnotator(t)
	var recs []schemas.Record
	for _, g := range golds {
		path := filepath.Join(dir, "pdfs", g.Source)
		if strings.HasSuffix(g.Source, ".txt") {
			path = filepath.Join(dir, "plain", g.Source)
			if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
				// A text-only gold document kept in this repository
				// (the state-appellate-dev fold): its own file is the text.
				path = filepath.Join("../testdata/text", g.Source)
			}
		}
		pages := corpustest.TextLayer(t, path)
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
	folds.HideHeldBack = hideHeldBack()
	var b strings.Builder
	pooled := pooledGold(golds)
	fmt.Fprintf(&b, "casefile from the documents' own files, %d documents pooled%s:\n", len(pooled), pooledNote())
	eval.Score(pooled, recs).Write(&b)
	fmt.Fprintln(&b, "strict F1 by fold (gold entities):")
	folds.Write(&b)
	t.Log("\n" + b.String())
	checkFoldFloors(t, folds)
}
