package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casefile/casefile/eval"
	"github.com/casefile/casefile/schemas"
)

// TestGoldGrouping scores how the annotator groups PERSON and
// ORGANIZATION mentions into doc_entities: pairwise precision and recall
// of "these two forms name one entity" on the development gold (see
// eval.GroupingReport), per fold and pooled over the documents not held
// back, and fails below the floors. The misses of held-back folds are
// never listed.
func TestGoldGrouping(t *testing.T) {
	golds, a := goldAndAnnotator(t)
	var recs []schemas.Record
	for _, g := range golds {
		data, err := os.ReadFile(filepath.Join("../testdata/text", g.Doc+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		var pages []schemas.Page
		for i, p := range strings.Split(string(data), "\f") {
			pages = append(pages, schemas.Page{Number: i + 1, Method: schemas.MethodText, Text: p})
		}
		ann, err := a.Annotate(context.Background(), pages)
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, schemas.Record{ID: g.Aliases[0], Source: g.Source, Pages: pages, Entities: ann.Entities, DocEntities: ann.DocEntities})
	}
	rep := eval.ScoreGrouping(golds, recs)
	rep.HideHeldBack = hideHeldBack()
	var b strings.Builder
	rep.Write(&b)
	t.Log("\npairwise grouping of mentions by referent:\n" + b.String())
	if testing.Verbose() {
		for _, m := range rep.Misses {
			if !eval.HeldBack(m.Doc) {
				t.Logf("%s %s %s: %q ~ %q", m.Kind, m.Type, m.Doc, m.A, m.B)
			}
		}
	}
	for typ, want := range groupingFloors {
		c := rep.Developed(typ)
		if c.P() < want[0] || c.R() < want[1] {
			t.Errorf("%s grouping: pairwise precision %.3f, recall %.3f over the developed folds; want >= %.2f, %.2f", typ, c.P(), c.R(), want[0], want[1])
		}
	}
}

// groupingFloors are the pairwise precision and recall the build must
// keep on the developed folds, a little below the figures reached
// (PERSON 0.994 and 0.908 over 195 gold pairs, ORGANIZATION 1.000 and
// 0.912 over 57). The targets are 0.95 and 0.90. ORGANIZATION
// recall fell to 0.898 when five untuned prosecutors' releases joined
// da-releases (a county sheriff's office written three ways); one county,
// one sheriff brought it to 0.919 over 99 pairs. Five more untuned
// releases (rows 'fresh-dev 6' of ../testdata/README.md) brought it to
// precision 0.979 and recall 0.905 over 105 pairs (a police department
// named two ways, two units of one county's prosecutor and police with
// near names): floors at the figures less 0.005. An acronym defined
// after its name no longer joins another name it spells: precision 1.000
// again, its floor back at 0.98.
var groupingFloors = map[string][2]float64{
	"PERSON":       {0.98, 0.90},
	"ORGANIZATION": {0.98, 0.90},
}
