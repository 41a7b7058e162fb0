package workers_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/casefile/casefile/annotate"
	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/pipeline/pipelinetest"
	"github.com/casefile/casefile/workers"
)

var loadModels = sync.OnceValue(func() *annotate.Models {
	m, err := annotate.LoadModels()
	if err != nil {
		panic(err)
	}
	return m
})

// BenchmarkAnnotateStage runs the annotate stage on a real embedded server
// over the sample filings' extracted pages and reports records/s: the
// stage's whole cost (decode, annotate, validate, encode, publish, ledger).
func BenchmarkAnnotateStage(b *testing.B) {
	paths, _ := filepath.Glob("../testdata/pdfs/*.pdf")
	var docs []pipeline.Extracted
	x := &doctext.Extractor{OCR: doctext.OCR{Mode: doctext.OCROff}}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		ex, err := x.Extract(context.Background(), p, bytes.NewReader(data), int64(len(data)))
		if err != nil {
			continue
		}
		docs = append(docs, pipeline.Extracted{Ingested: pipeline.Ingested{Source: p, Bytes: int64(len(data))}, Extraction: *ex})
	}
	ann := annotate.NewAnnotator(loadModels())
	srv := pipelinetest.RunServer(b)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stage := &pipeline.Stage{Name: pipeline.StageAnnotate, Stream: pipeline.StreamDocs,
		FilterSubject: pipeline.SubjectExtracted, Workers: 2,
		Handler: &workers.Annotate{Bus: srv.Bus, Annotator: ann}}
	// Publish every message first, so the timed part is the stage alone.
	ids := map[string]int{}
	for i := range b.N {
		for j, d := range docs {
			d.ID = fmt.Sprintf("%064d", i*len(docs)+j)
			d.IngestedAt = time.Now().UTC()
			ids[d.ID] = 0
			if err := srv.Bus.Publish(ctx, pipeline.SubjectExtracted, pipeline.MetaOf(d.Ingested), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer()
	go stage.Run(ctx, srv.Bus)
	if err := srv.Bus.Wait(ctx, ids, nil); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(ids))/b.Elapsed().Seconds(), "records/s")
}
