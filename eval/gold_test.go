package eval_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/casefile/casefile/annotate"
	"github.com/casefile/casefile/eval"
	"github.com/casefile/casefile/schemas"
)

// goldRecords annotates the reference text of every gold document with
// annotate and returns records the scorer can read.
func goldRecords(t *testing.T, golds []eval.Gold, annotate func([]schemas.Page) []schemas.Entity) []schemas.Record {
	t.Helper()
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
		ents := annotate(pages)
		rec := schemas.Record{ID: g.Aliases[0], Source: g.Source, Pages: pages, Entities: ents}
		if err := schemas.CheckSpans(&rec); err != nil {
			t.Fatalf("%s: %v", g.Doc, err)
		}
		recs = append(recs, rec)
	}
	return recs
}

// TestGoldEntities scores casefile's annotator on the development gold set,
// pooled and fold by fold (see eval.Folds), with prose's own entities beside
// it, and fails when a type's mean over folds falls below its floor. The
// misses of held-back folds are never listed: they are read only at the end
// of a piece of work, to report how the rules do on a family of filings
// they were not written against.
func TestGoldEntities(t *testing.T) {
	golds, a := goldAndAnnotator(t)
	recs := goldRecords(t, golds, func(pages []schemas.Page) []schemas.Entity {
		ann, err := a.Annotate(context.Background(), pages)
		if err != nil {
			t.Fatal(err)
		}
		return ann.Entities
	})
	ours := eval.Score(golds, recs)
	folds := ours.ByFold()
	folds.HideHeldBack = hideHeldBack()
	var b strings.Builder
	pooled := pooledGold(golds)
	fmt.Fprintf(&b, "casefile, %d documents pooled%s:\n", len(pooled), pooledNote())
	eval.Score(pooled, recs).Write(&b)
	fmt.Fprintln(&b, "casefile, strict F1 by fold (gold entities):")
	folds.Write(&b)
	var first []eval.Gold
	for _, g := range golds {
		if firstGold[g.Doc] {
			first = append(first, g)
		}
	}
	fmt.Fprintf(&b, "casefile, the first %d development documents:\n", len(first))
	firstRep := eval.Score(first, recs)
	firstRep.Write(&b)
	if os.Getenv("CASEFILE_EVAL_PROSE") != "" {
		naive := eval.Score(golds, goldRecords(t, golds, naiveProse(t)))
		fmt.Fprintln(&b, "prose v2 alone (PERSON, GPE as PLACE, ORGANIZATION):")
		naive.Write(&b)
	}
	t.Log("\n" + b.String())
	if testing.Verbose() {
		for _, m := range ours.Misses {
			if !eval.HeldBack(m.Doc) || os.Getenv("CASEFILE_EVAL_OPEN_HELDBACK") != "" {
				t.Logf("%s %s %s: %s", m.Kind, m.Type, m.Doc, m.Text)
			}
		}
		for _, d := range ours.Attrs.Disagreements {
			t.Logf("ATTR %s", d)
		}
	}
	if a := ours.Attrs; a.Matched == 0 || float64(a.ValueUnit)/float64(a.Matched) < 0.95 || float64(a.Item)/float64(a.Items) < 0.90 {
		t.Errorf("QUANTITY attributes: %d of %d with gold value and unit, %d of %d items; want >= 95%% and 90%%", a.ValueUnit, a.Matched, a.Item, a.Items)
	}
	checkFoldFloors(t, folds)
	for typ, want := range firstFloors {
		if got := firstRep.ByType[eval.Strict][typ].F1(); got < want {
			t.Errorf("%s strict F1 on the first %d documents %.3f, want >= %.2f", typ, len(first), got, want)
		}
	}
}

// firstFloors are the targets, held on the first twelve documents
// (which the rules were first written against) so that new rules lose no
// ground there.
var firstFloors = map[string]float64{"PERSON": 0.90, "PLACE": 0.90, "ORGANIZATION": 0.85, "QUANTITY": 0.90, "CHARGE": 0.90}

// goldAndAnnotator loads the development gold set and an annotator.
func goldAndAnnotator(t *testing.T) ([]eval.Gold, *annotate.Annotator) {
	t.Helper()
	golds, err := eval.LoadGold("../testdata/gold")
	if err != nil {
		t.Fatal(err)
	}
	models, err := annotate.LoadModels()
	if err != nil {
		t.Fatal(err)
	}
	return golds, annotate.NewAnnotator(models)
}

// checkFoldFloors fails t for each type whose mean over folds is below its
// floor.
func checkFoldFloors(t *testing.T, folds *eval.FoldReport) {
	t.Helper()
	for typ, want := range foldFloors {
		if got := folds.Summary(typ).Mean; got < want {
			t.Errorf("%s strict F1 mean over folds %.3f, want >= %.2f", typ, got, want)
		}
	}
}

// foldFloors are the strict F1 means over folds the build must keep: the
// figures reached, less a little, so that a change that loses ground fails.
// Raise them as rules improve. The targets are 0.90 (0.85 for
// ORGANIZATION). CHARGE was lowered from 0.94 when three untuned state
// appellate opinions joined state-appellate-dev (its CHARGE 1.000 on 14
// entities became 0.914 on 17): a floor follows the data, not the reverse.
// PLACE and ORGANIZATION were lowered the same way when four untuned
// corpus PDFs of other genres joined their families (to 0.899 and 0.866,
// the measured means less 0.005), then raised again as general rules
// won the ground back (PLACE 0.931, ORGANIZATION 0.885 from the PDFs).
// CHARGE was lowered again, 0.93 -> 0.906, when five untuned state
// criminal appeals (New Mexico, Kentucky, Alabama, Tennessee) joined
// state-appellate-dev: its CHARGE fell to 0.701 on 63 entities and the
// mean to 0.918 (reference text) and 0.911 (PDFs), less 0.005; then
// raised to 0.925 as the state forms they showed were read (0.938 and
// 0.930). CHARGE and QUANTITY were lowered again (0.925 -> 0.908, 0.96
// -> 0.954) when five untuned prosecutors' releases of other offices
// (Los Angeles, San Diego, Orange, Miami-Dade, Harris) joined
// da-releases: the means fell to 0.921/0.913 (CHARGE, reference text and
// PDFs) and 0.964/0.959 (QUANTITY), less 0.005.
var foldFloors = map[string]float64{"PERSON": 0.92, "PLACE": 0.91, "ORGANIZATION": 0.88, "QUANTITY": 0.954, "CHARGE": 0.908}

// firstGold names the twelve documents of the first development gold set,
// scored apart so that new rules show whether they lose ground there.
var firstGold = map[string]bool{
	"ca8-us-v-wilson-opinion": true, "ca8-us-v-xiang-28j-letter": true,
	"cacd-us-v-2-19-cr-595-motions-in-limine-minutes": true, "cacd-us-v-milheiser-judgment": true,
	"caed-sw-2-20-908-unsealing-order": true, "caed-us-v-herrera-detention-response": true,
	"ny-bronx-da-1300-crew-press-release": true, "ny-bronx-da-800ygz-press-release": true,
	"ny-bronx-da-coe-press-release": true, "ny-manhattan-da-200-6-oed-press-release": true,
	"ny-queens-da-8-trey-press-release": true, "ny-snp-wtg-2012-press-release": true,
}

// naiveProse returns prose v2's entities with offsets found by searching
// the page text, its model loaded once: the baseline.
func naiveProse(t *testing.T) func([]schemas.Page) []schemas.Entity {
	model := prose.ModelFromData("en-v2.0.0")
	return func(pages []schemas.Page) []schemas.Entity {
		return proseEntities(model, pages)
	}
}

func proseEntities(model *prose.Model, pages []schemas.Page) []schemas.Entity {
	var out []schemas.Entity
	for _, p := range pages {
		doc, err := prose.NewDocument(p.Text, prose.WithSegmentation(false), prose.UsingModel(model))
		if err != nil {
			continue
		}
		runes := []rune(p.Text)
		for _, e := range doc.Entities() {
			typ := map[string]schemas.EntityType{"PERSON": schemas.Person, "GPE": schemas.Place, "ORGANIZATION": schemas.Organization}[e.Label]
			if typ == "" {
				continue
			}
			i := strings.Index(p.Text, e.Text)
			if i < 0 {
				continue
			}
			start := len([]rune(p.Text[:i]))
			end := start + len([]rune(e.Text))
			if end > len(runes) {
				continue
			}
			out = append(out, schemas.Entity{Type: typ, Text: e.Text, Page: p.Number, Start: start, End: end, Source: schemas.SourceProse})
		}
	}
	return out
}

// hideHeldBack reports whether the gold tests keep the held-back folds'
// figures out of their output: unless CASEFILE_EVAL_HELDBACK is set, at
// the end of a piece of work.
func hideHeldBack() bool { return os.Getenv("CASEFILE_EVAL_HELDBACK") == "" }

// pooledGold is the gold the pooled report scores: without the held-back
// documents while their figures are hidden, since a pool with them gives
// theirs away.
func pooledGold(golds []eval.Gold) []eval.Gold {
	if !hideHeldBack() {
		return golds
	}
	var out []eval.Gold
	for _, g := range golds {
		if !eval.HeldBack(g.Doc) {
			out = append(out, g)
		}
	}
	return out
}

func pooledNote() string {
	if hideHeldBack() {
		return " (held-back documents left out; CASEFILE_EVAL_HELDBACK=1 adds them)"
	}
	return ""
}
