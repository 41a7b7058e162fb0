package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/casefile/casefile/annotate"
	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/ocr"
	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/workers"
)

type extractCmd struct {
	File     string `arg:"" type:"existingfile" help:"A PDF or text file."`
	JSON     bool   `name:"json" help:"Print one JSON object per page instead of text."`
	MaxPages int    `name:"max-pages" default:"2000" help:"Refuse documents with more pages."`
	OCR      string `name:"ocr" enum:"auto,off,force" default:"auto" help:"OCR pages without a usable text layer (auto), never (off), or always (force)."`
}

func (c *extractCmd) Run(ctx context.Context, e *env) error {
	ex, _, err := extractFile(ctx, c.File, c.MaxPages, c.OCR)
	if err != nil {
		return err
	}
	if c.JSON {
		enc := json.NewEncoder(e.stdout)
		for _, p := range ex.Pages {
			if err := enc.Encode(p); err != nil {
				return err
			}
		}
		return nil
	}
	// Pages end with a form feed, as pdftotext writes them.
	for _, p := range ex.Pages {
		if _, err := fmt.Fprintf(e.stdout, "%s\n\f", p.Text); err != nil {
			return err
		}
	}
	return nil
}

func extractFile(ctx context.Context, path string, maxPages int, ocrMode string) (*doctext.Extraction, int64, error) {
	shortLived()
	data, err := readBounded(path, doctext.DefaultMaxBytes)
	if err != nil {
		return nil, 0, err
	}
	x := &doctext.Extractor{PDF: doctext.PDF{MaxPages: maxPages}, OCR: doctext.OCR{Mode: doctext.OCRMode(ocrMode), Recognizer: &ocr.Tesseract{}}}
	ex, err := x.Extract(ctx, path, strings.NewReader(string(data)), int64(len(data)))
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w (%s)", path, err, doctext.Reason(err))
	}
	return ex, int64(len(data)), nil
}

func readBounded(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() > limit {
		return nil, fmt.Errorf("%s: %d bytes, over the %d-byte limit", path, info.Size(), limit)
	}
	data := make([]byte, info.Size())
	if _, err := f.ReadAt(data, 0); err != nil && info.Size() > 0 {
		return nil, err
	}
	return data, nil
}

type annotateCmd struct {
	File     string `arg:"" type:"existingfile" help:"A PDF or text file."`
	MaxPages int    `name:"max-pages" default:"2000" help:"Refuse documents with more pages."`
	OCR      string `name:"ocr" enum:"auto,off,force" default:"auto" help:"OCR pages without a usable text layer (auto), never (off), or always (force)."`
}

func (c *annotateCmd) Run(ctx context.Context, e *env) error {
	ex, size, err := extractFile(ctx, c.File, c.MaxPages, c.OCR)
	if err != nil {
		return err
	}
	id, _, err := workers.HashFile(c.File, doctext.DefaultMaxBytes)
	if err != nil {
		return err
	}
	models, err := annotate.LoadModels()
	if err != nil {
		return err
	}
	in := pipeline.Extracted{
		Ingested:    pipeline.Ingested{ID: id, Source: c.File, Bytes: size, IngestedAt: time.Now().UTC()},
		ContentType: ex.ContentType, Title: ex.Title, Pages: ex.Pages, Warnings: ex.Warnings,
	}
	rec, err := workers.BuildRecord(ctx, annotate.NewAnnotator(models), in)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(rec)
}

// shortLived tunes the collector for a process that extracts one document
// and exits: the heap is bounded by the document, so collecting it often
// only costs time.
func shortLived() { debug.SetGCPercent(400) }
