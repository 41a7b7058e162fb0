package crossval_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/casefile/casefile/annotate"
	"github.com/casefile/casefile/eval"
	"github.com/casefile/casefile/eval/nertrain"
	"github.com/casefile/casefile/schemas"
)

// firstGold names the twelve documents of the first development gold set
// (as eval's gold test does), scored apart.
var firstGold = map[string]bool{
	"ca8-us-v-wilson-opinion": true, "ca8-us-v-xiang-28j-letter": true,
	"cacd-us-v-2-19-cr-595-motions-in-limine-minutes": true, "cacd-us-v-milheiser-judgment": true,
	"caed-sw-2-20-908-unsealing-order": true, "caed-us-v-herrera-detention-response": true,
	"ny-bronx-da-1300-crew-press-release": true, "ny-bronx-da-800ygz-press-release": true,
	"ny-bronx-da-coe-press-release": true, "ny-manhattan-da-200-6-oed-press-release": true,
	"ny-queens-da-8-trey-press-release": true, "ny-snp-wtg-2012-press-release": true,
}

// goldDoc is one gold document with its pages and the rules' entities.
type goldDoc struct {
	gold  eval.Gold
	pages []schemas.Page
	rules []schemas.Entity
	// model holds the trained model's entities, by decoding, from the
	// model of the fold that held the document out.
	model map[nertrain.Decoding][]schemas.Entity
}

var decodings = []struct {
	d    nertrain.Decoding
	name string
}{{nertrain.ProseDecoding, "prose's decoding"}, {nertrain.TrainingFeatures, "training features"}}

// TestTrainByFold trains prose's entity model on the gold set fold by fold
// and scores it against the rules, alone and combined with them. With
// CASEFILE_EVAL_TRAIN=1 it scores the development folds, each by a model
// trained on the other development folds; with CASEFILE_EVAL_TRAIN=heldback
// it also scores the held-back fold, by a model trained on every
// development fold. CASEFILE_EVAL_TRAIN_ONLY=<fold> limits the
// cross-validation to one fold, for a quick look. It prints figures only; misses are listed (with
// CASEFILE_EVAL_TRAIN_MISSES=1) for development folds alone.
func TestTrainByFold(t *testing.T) {
	mode := os.Getenv("CASEFILE_EVAL_TRAIN")
	if mode == "" {
		t.Skip("training is slow: set CASEFILE_EVAL_TRAIN=1 (development folds) or CASEFILE_EVAL_TRAIN=heldback")
	}
	withHeld := mode == "heldback"
	golds, err := eval.LoadGold("../../../testdata/gold")
	if err != nil {
		t.Fatal(err)
	}
	models, err := annotate.LoadModels()
	if err != nil {
		t.Fatal(err)
	}
	a := annotate.NewAnnotator(models)
	var docs []*goldDoc
	var projected nertrain.Stats
	contexts := map[string][]prose.EntityContext{}
	for _, g := range golds {
		if eval.HeldBack(g.Doc) && !withHeld {
			continue
		}
		data, err := os.ReadFile(filepath.Join("../../../testdata/text", g.Doc+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		texts := strings.Split(string(data), "\f")
		d := &goldDoc{gold: g, model: map[nertrain.Decoding][]schemas.Entity{}}
		for i, p := range texts {
			d.pages = append(d.pages, schemas.Page{Number: i + 1, Method: schemas.MethodText, Text: p})
		}
		ann, err := a.Annotate(context.Background(), d.pages)
		if err != nil {
			t.Fatal(err)
		}
		d.rules = ann.Entities
		docs = append(docs, d)
		if !eval.HeldBack(g.Doc) {
			ctxs, st := nertrain.Project(g, texts, nertrain.Options{})
			contexts[g.Doc] = ctxs
			projected.Add(st)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "projection of the development folds: %+v\n", projected)

	var (
		trainTime           time.Duration
		tagTime             = map[nertrain.Decoding]time.Duration{}
		tagTokens, tagWords = map[nertrain.Decoding]int{}, map[nertrain.Decoding]int{}
		last                *prose.Model
	)
	run := func(name string, train func(doc string) bool, test func(doc string) bool) {
		var data []prose.EntityContext
		for _, d := range docs {
			if train(d.gold.Doc) {
				data = append(data, contexts[d.gold.Doc]...)
			}
		}
		start := time.Now()
		m, err := nertrain.Train(name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		took := time.Since(start)
		trainTime += took
		fmt.Fprintf(&b, "model %s: %d contexts, trained in %v\n", name, len(data), took.Round(time.Second))
		last = m
		for _, dec := range decodings {
			tagger, err := nertrain.NewTagger(m, dec.d)
			if err != nil {
				t.Fatal(err)
			}
			start = time.Now()
			for _, d := range docs {
				if !test(d.gold.Doc) {
					continue
				}
				first, end := nertrain.AnnotatedPages(d.gold, len(d.pages))
				for _, p := range d.pages[first-1 : end] {
					ents, n, err := tagger.Entities(p)
					if err != nil {
						t.Fatalf("%s: %v", d.gold.Doc, err)
					}
					d.model[dec.d] = append(d.model[dec.d], ents...)
					tagTokens[dec.d] += n
					tagWords[dec.d] += len(strings.Fields(p.Text))
				}
			}
			tagTime[dec.d] += time.Since(start)
		}
	}
	dev := func(doc string) bool { return !eval.HeldBack(doc) }
	for _, f := range eval.Folds {
		if only := os.Getenv("CASEFILE_EVAL_TRAIN_ONLY"); f.HeldBack || (only != "" && only != f.Name) {
			continue
		}
		name := f.Name
		run("without-"+name,
			func(doc string) bool { return dev(doc) && eval.FoldOf(doc) != name },
			func(doc string) bool { return eval.FoldOf(doc) == name })
	}
	if withHeld {
		run("all-development", dev, eval.HeldBack)
	}
	fmt.Fprintf(&b, "training: %v in all\n", trainTime.Round(time.Second))
	for _, dec := range decodings {
		d := dec.d
		fmt.Fprintf(&b, "tagging with a reused model, %s: %d tokens (%d words) in %v, %.0f tokens/s, %.0f words/s\n",
			dec.name, tagTokens[d], tagWords[d], tagTime[d].Round(time.Millisecond),
			float64(tagTokens[d])/tagTime[d].Seconds(), float64(tagWords[d])/tagTime[d].Seconds())
	}
	sizeAndLoad(t, &b, last)
	if dir := os.Getenv("CASEFILE_NERTRAIN_SAVE"); dir != "" && last != nil {
		if err := nertrain.Save(last, dir); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "the last model trained is in %s\n", dir)
	}

	type system struct {
		name string
		ents func(d *goldDoc) []schemas.Entity
	}
	systems := []system{{"rules", func(d *goldDoc) []schemas.Entity { return d.rules }}}
	for _, dec := range decodings {
		dd := dec.d
		systems = append(systems,
			system{"trained prose, " + dec.name, func(d *goldDoc) []schemas.Entity { return d.model[dd] }},
			system{"rules + prose (" + dec.name + ") on untouched words (Fill)", func(d *goldDoc) []schemas.Entity {
				return nertrain.Fill(d.rules, d.model[dd])
			}},
			system{"rules + prose (" + dec.name + ") on lines without rule names (ByLine)", func(d *goldDoc) []schemas.Entity {
				return nertrain.ByLine(d.pages, d.rules, d.model[dd])
			}})
	}
	var scored, first []eval.Gold
	for _, d := range docs {
		scored = append(scored, d.gold)
		if firstGold[d.gold.Doc] {
			first = append(first, d.gold)
		}
	}
	summary := tabwriter.NewWriter(&b, 0, 4, 2, ' ', tabwriter.AlignRight)
	var tables strings.Builder
	fmt.Fprintln(summary, "system\ttype\tmean over folds\tworst fold\theld back\tfirst 12 F1\tpooled F1\t")
	for _, s := range systems {
		var recs []schemas.Record
		for _, d := range docs {
			rec := schemas.Record{ID: d.gold.Aliases[0], Source: d.gold.Source, Pages: d.pages, Entities: s.ents(d)}
			if err := schemas.CheckSpans(&rec); err != nil {
				t.Fatalf("%s, %s: %v", s.name, d.gold.Doc, err)
			}
			recs = append(recs, rec)
		}
		rep := eval.Score(scored, recs)
		folds := rep.ByFold()
		fmt.Fprintf(&tables, "%s, strict F1 by fold:\n", s.name)
		folds.Write(&tables)
		firstRep := eval.Score(first, recs)
		for _, typ := range []string{"PERSON", "PLACE", "ORGANIZATION"} {
			sum := folds.Summary(typ)
			held := "-"
			if withHeld {
				held = fmt.Sprintf("%.3f", sum.HeldBack)
			}
			fmt.Fprintf(summary, "%s\t%s\t%.3f\t%.3f %s\t%s\t%.3f\t%.3f\t\n", s.name, typ, sum.Mean, sum.Worst, sum.WorstFold, held,
				firstRep.ByType[eval.Strict][typ].F1(), rep.ByType[eval.Strict][typ].F1())
		}
		if os.Getenv("CASEFILE_EVAL_TRAIN_MISSES") != "" && s.name != "rules" {
			for _, m := range rep.Misses {
				if !eval.HeldBack(m.Doc) && nertrain.Labels[m.Type] != "" {
					fmt.Fprintf(&tables, "%s: %s %s %s: %s\n", s.name, m.Kind, m.Type, m.Doc, m.Text)
				}
			}
		}
	}
	summary.Flush()
	t.Log("\n" + b.String() + "\n" + tables.String())
}

// sizeAndLoad writes m to a temporary directory and reports its size on
// disk and how long loading it takes.
func sizeAndLoad(t *testing.T, b *strings.Builder, m *prose.Model) {
	t.Helper()
	if m == nil {
		return
	}
	dir := t.TempDir()
	if err := nertrain.Save(m, dir); err != nil {
		t.Fatal(err)
	}
	var size int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			size += info.Size()
		}
		return nil
	})
	start := time.Now()
	if _, err := nertrain.Load(dir); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(b, "model on disk: %.1f MB (gob); loaded in %v\n", float64(size)/1e6, time.Since(start).Round(time.Millisecond))
}
