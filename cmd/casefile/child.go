package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/ocr"
	"github.com/casefile/casefile/workers"
)

// extractChildCmd is the far end of workers.Isolated: one document on
// stdin, a workers.ChildResult on stdout. Not for people.
type extractChildCmd struct {
	Name     string `name:"name" help:"The document's source name."`
	MaxBytes int64  `name:"max-bytes" default:"268435456"`
	MaxPages int    `name:"max-pages" default:"2000"`
	OCR      string `name:"ocr" enum:"auto,off,force" default:"auto"`
}

func (c *extractChildCmd) Run(ctx context.Context, e *env) error {
	shortLived()
	data, err := io.ReadAll(io.LimitReader(os.Stdin, c.MaxBytes+1))
	if err != nil {
		return err
	}
	x := &doctext.Extractor{
		PDF:      doctext.PDF{MaxPages: c.MaxPages},
		MaxBytes: c.MaxBytes,
		OCR:      doctext.OCR{Mode: doctext.OCRMode(c.OCR), Recognizer: &ocr.Tesseract{}},
	}
	var res workers.ChildResult
	ex, err := x.Extract(ctx, c.Name, bytes.NewReader(data), int64(len(data)))
	if err != nil {
		res.Reason, res.Error = doctext.Reason(err), err.Error()
	} else {
		res.Extraction = ex
	}
	if err := json.NewEncoder(e.stdout).Encode(&res); err != nil {
		return fmt.Errorf("extract-child: %w", err)
	}
	return nil
}
