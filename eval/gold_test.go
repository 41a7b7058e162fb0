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

// TestGoldEntities scores casefile's annotator on the development gold set
// and reports prose's own entities beside it.
func TestGoldEntities(t *testing.T) {
	golds, err := eval.LoadGold("../testdata/gold")
	if err != nil {
		t.Fatal(err)
	}
	models, err := annotate.LoadModels()
	if err != nil {
		t.Fatal(err)
	}
	a := annotate.NewAnnotator(models)
	ours := eval.Score(golds, goldRecords(t, golds, func(pages []schemas.Page) []schemas.Entity {
		ann, err := a.Annotate(context.Background(), pages)
		if err != nil {
			t.Fatal(err)
		}
		return ann.Entities
	}))
	naive := eval.Score(golds, goldRecords(t, golds, naiveProse))
	var b strings.Builder
	fmt.Fprintln(&b, "casefile:")
	ours.Write(&b)
	fmt.Fprintln(&b, "prose v2 alone (PERSON, GPE as PLACE, ORGANIZATION):")
	naive.Write(&b)
	t.Log("\n" + b.String())
	if testing.Verbose() {
		for _, m := range ours.Misses {
			t.Logf("%s %s %s: %s", m.Kind, m.Type, m.Doc, m.Text)
		}
		for _, d := range ours.Attrs.Disagreements {
			t.Logf("ATTR %s", d)
		}
	}
	if a := ours.Attrs; a.Matched == 0 || float64(a.ValueUnit)/float64(a.Matched) < 0.95 || float64(a.Item)/float64(a.Items) < 0.95 {
		t.Errorf("QUANTITY attributes: %d of %d with gold value and unit, %d of %d items; want >= 95%% each", a.ValueUnit, a.Matched, a.Item, a.Items)
	}
	for typ, want := range goldTargets {
		if got := ours.ByType[eval.Strict][typ].F1(); got < want {
			t.Errorf("%s strict F1 %.3f, want >= %.2f", typ, got, want)
		}
	}
}

// goldTargets are the project's strict F1 targets on the development
// gold set.
var goldTargets = map[string]float64{"PERSON": 0.90, "PLACE": 0.90, "ORGANIZATION": 0.85, "QUANTITY": 0.90, "CHARGE": 0.90}

// naiveProse is prose v2's entities with offsets found by searching the
// page text: the baseline.
func naiveProse(pages []schemas.Page) []schemas.Entity {
	var out []schemas.Entity
	for _, p := range pages {
		doc, err := prose.NewDocument(p.Text, prose.WithSegmentation(false))
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
