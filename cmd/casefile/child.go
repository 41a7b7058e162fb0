package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/ocr"
	"github.com/casefile/casefile/workers"
)

// extractChildCmd is the far end of workers.Isolated (one document on
// stdin, a workers.ChildResult on stdout) and, with --serve, of
// workers.Pool (requests until stdin ends). Not for people.
type extractChildCmd struct {
	Name       string  `name:"name" help:"The document's source name."`
	Serve      bool    `name:"serve" help:"Take documents until stdin ends: a workers.PoolRequest line, then the bytes; one answer line each."`
	MaxBytes   int64   `name:"max-bytes" default:"268435456"`
	MaxPages   int     `name:"max-pages" default:"2000"`
	MaxChars   int     `name:"max-chars" default:"10000000"`
	MaxInflate int64   `name:"max-inflate" default:"67108864"`
	MaxOCRArea float64 `name:"max-ocr-area" default:"1728"`
	MaxImage   int64   `name:"max-ocr-image-pixels" default:"256000000"`
	OCR        string  `name:"ocr" enum:"auto,off,force" default:"auto"`
}

func (c *extractChildCmd) Run(ctx context.Context, e *env) error {
	x := &doctext.Extractor{
		PDF:      doctext.PDF{MaxPages: c.MaxPages, MaxInflate: c.MaxInflate},
		MaxBytes: c.MaxBytes,
		MaxChars: c.MaxChars,
		OCR:      doctext.OCR{Mode: doctext.OCRMode(c.OCR), Recognizer: &ocr.Tesseract{MaxImagePixels: c.MaxImage}, MaxArea: c.MaxOCRArea},
	}
	if c.Serve {
		serving()
		return c.serve(ctx, x, os.Stdin, e.stdout)
	}
	shortLived()
	data, err := io.ReadAll(io.LimitReader(os.Stdin, c.MaxBytes+1))
	if err != nil {
		return err
	}
	return writeResult(e.stdout, extractOne(ctx, x, c.Name, data))
}

// serve answers requests until in ends. A request larger than the byte
// limit is read and refused, so that the stream stays in step.
func (c *extractChildCmd) serve(ctx context.Context, x *doctext.Extractor, in io.Reader, out io.Writer) error {
	r := bufio.NewReaderSize(in, 64<<10)
	w := bufio.NewWriterSize(out, 64<<10)
	for {
		head, err := r.ReadBytes('\n')
		if errors.Is(err, io.EOF) && len(head) == 0 {
			return nil
		}
		if err != nil {
			return fmt.Errorf("extract-child: read request: %w", err)
		}
		var req workers.PoolRequest
		if err := json.Unmarshal(head, &req); err != nil || req.Size < 0 {
			return fmt.Errorf("extract-child: bad request header %q", bytes.TrimSpace(head))
		}
		var res workers.ChildResult
		if req.Size > c.MaxBytes {
			if _, err := io.CopyN(io.Discard, r, req.Size); err != nil {
				return fmt.Errorf("extract-child: read document: %w", err)
			}
			_, err := x.Extract(ctx, req.Name, bytes.NewReader(nil), req.Size) // the limit's own error and reason
			res = resultOf(nil, err)
		} else {
			data := make([]byte, req.Size)
			if _, err := io.ReadFull(r, data); err != nil {
				return fmt.Errorf("extract-child: read document: %w", err)
			}
			res = extractOne(ctx, x, req.Name, data)
		}
		if err := writeResult(w, res); err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return fmt.Errorf("extract-child: %w", err)
		}
	}
}

func extractOne(ctx context.Context, x *doctext.Extractor, name string, data []byte) workers.ChildResult {
	return resultOf(x.Extract(ctx, name, bytes.NewReader(data), int64(len(data))))
}

func resultOf(ex *doctext.Extraction, err error) workers.ChildResult {
	if err != nil {
		return workers.ChildResult{Reason: doctext.Reason(err), Error: err.Error()}
	}
	return workers.ChildResult{Extraction: ex}
}

func writeResult(w io.Writer, res workers.ChildResult) error {
	if err := json.NewEncoder(w).Encode(&res); err != nil {
		return fmt.Errorf("extract-child: %w", err)
	}
	return nil
}
