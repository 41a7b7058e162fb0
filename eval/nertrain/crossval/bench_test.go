package crossval_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/casefile/casefile/annotate"
	"github.com/casefile/casefile/eval"
	"github.com/casefile/casefile/eval/nertrain"
	"github.com/casefile/casefile/schemas"
)

// cpuTime is the process's user and system time so far: on a machine
// shared with other work, wall time says little about a one-core cost.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// devPages returns the pages of the development gold documents' reference
// texts (the held-back fold's are not read).
func devPages(b *testing.B) []schemas.Page {
	files, _ := filepath.Glob("../../../testdata/text/*.txt")
	var pages []schemas.Page
	for _, f := range files {
		if eval.HeldBack(strings.TrimSuffix(filepath.Base(f), ".txt")) {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range strings.Split(string(data), "\f") {
			pages = append(pages, schemas.Page{Number: len(pages) + 1, Text: p})
		}
	}
	return pages
}

// BenchmarkTagging compares, over the same pages, annotate (the rules) and
// a trained prose model with each decoding, in prose tokens (words and
// punctuation marks) per second of wall time and per second of CPU time.
// The model is the one in $CASEFILE_NERTRAIN_MODEL (a directory
// nertrain.Save wrote), else one trained on a few lines: prose's cost per
// token hardly depends on the model.
func BenchmarkTagging(b *testing.B) {
	pages := devPages(b)
	var model *prose.Model
	dir := os.Getenv("CASEFILE_NERTRAIN_MODEL")
	if dir == "" {
		g := eval.Gold{Doc: "tiny", Entities: []eval.GoldEntity{
			{Type: "PERSON", Text: "Maria Lopez", Mentions: []string{"Maria Lopez", "Lopez"}},
			{Type: "PLACE", Text: "Denver", Mentions: []string{"Denver"}},
			{Type: "ORGANIZATION", Text: "DEA", Mentions: []string{"DEA"}},
		}}
		ctxs, _ := nertrain.Project(g, []string{"Maria Lopez met the DEA in Denver.\nThe court granted the motion."}, nertrain.Options{MaxLines: 1})
		var err error
		if model, err = nertrain.Train("tiny", ctxs); err != nil {
			b.Fatal(err)
		}
	}
	// Tokens are counted once, with prose's tokenizer, for every system.
	counter, err := nertrain.NewTagger(mustModel(b, model, dir), nertrain.ProseDecoding)
	if err != nil {
		b.Fatal(err)
	}
	tokens := 0
	for _, p := range pages {
		_, n, err := counter.Entities(p)
		if err != nil {
			b.Fatal(err)
		}
		tokens += n
	}
	report := func(b *testing.B, cpu time.Duration) {
		n := float64(tokens) * float64(b.N)
		b.ReportMetric(n/b.Elapsed().Seconds(), "tokens/s")
		b.ReportMetric(n/cpu.Seconds(), "tokens/cpu-s")
	}
	b.Run("annotate", func(b *testing.B) {
		models, err := annotate.LoadModels()
		if err != nil {
			b.Fatal(err)
		}
		a := annotate.NewAnnotator(models)
		start := cpuTime()
		for b.Loop() {
			if _, err := a.Annotate(context.Background(), pages); err != nil {
				b.Fatal(err)
			}
		}
		report(b, cpuTime()-start)
	})
	for _, dec := range []struct {
		name string
		d    nertrain.Decoding
	}{{"prose-decoding", nertrain.ProseDecoding}, {"training-features", nertrain.TrainingFeatures}} {
		b.Run(dec.name, func(b *testing.B) {
			var tagger *nertrain.Tagger
			if dir != "" {
				tagger, err = nertrain.LoadTagger(dir, dec.d)
			} else {
				tagger, err = nertrain.NewTagger(model, dec.d)
			}
			if err != nil {
				b.Fatal(err)
			}
			start := cpuTime()
			for b.Loop() {
				for _, p := range pages {
					if _, _, err := tagger.Entities(p); err != nil {
						b.Fatal(err)
					}
				}
			}
			report(b, cpuTime()-start)
		})
	}
}

func mustModel(b *testing.B, m *prose.Model, dir string) *prose.Model {
	if dir == "" {
		return m
	}
	m, err := nertrain.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	return m
}
