package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"runtime/debug"
	"time"

	"github.com/casefile/casefile/annotate"
	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/ocr"
	"github.com/casefile/casefile/schemas"
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
	w := bufio.NewWriter(e.stdout) // one write, not one per page
	if c.JSON {
		enc := json.NewEncoder(w)
		for _, p := range ex.Pages {
			if err := enc.Encode(p); err != nil {
				return err
			}
		}
		return w.Flush()
	}
	// Pages end with a form feed, as pdftotext writes them.
	for _, p := range ex.Pages {
		w.WriteString(p.Text)
		w.WriteString("\n\f")
	}
	return w.Flush()
}

// extractFile reads and extracts one file, returning its text and its
// bytes.
func extractFile(ctx context.Context, path string, maxPages int, ocrMode string) (*doctext.Extraction, []byte, error) {
	shortLived()
	data, err := readBounded(path, doctext.DefaultMaxBytes)
	if err != nil {
		return nil, nil, err
	}
	x := &doctext.Extractor{PDF: doctext.PDF{MaxPages: maxPages}, OCR: doctext.OCR{Mode: doctext.OCRMode(ocrMode), Recognizer: &ocr.Tesseract{}}}
	ex, err := x.Extract(ctx, path, bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, data, fmt.Errorf("%s: %w (%s)", path, err, doctext.Reason(err))
	}
	return ex, data, nil
}

// ingested is a file's identity as ingest would record it.
func ingested(path string, data []byte) schemas.Ingested {
	sum := sha256.Sum256(data)
	return schemas.Ingested{ID: hex.EncodeToString(sum[:]), Source: path, Bytes: int64(len(data)), IngestedAt: time.Now().UTC()}
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
	ex, data, err := extractFile(ctx, c.File, c.MaxPages, c.OCR)
	if err != nil {
		return err
	}
	in := ingested(c.File, data)
	models, err := annotate.LoadModels()
	if err != nil {
		return err
	}
	rec, err := annotate.NewAnnotator(models).Record(ctx, in, *ex)
	if err != nil {
		return err
	}
	body, err := schemas.Encode(rec)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, body, "", "  "); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err = out.WriteTo(e.stdout)
	return err
}

// soloCommand returns, for a command that runs once per document —
// extract, and extract-child where the extract stage isolates each
// document in a process of its own — a kong model holding that command
// alone, and where its --log-level lands. kong builds its model of every
// command's flags before it parses: 3-4 ms and 1.5 MB per process, as
// much as extracting a short filing. TestSoloCommands keeps each model's
// flags and help those of the full command line.
func soloCommand(args []string) (model any, logLevel *slog.Level, ok bool) {
	if len(args) == 0 {
		return nil, nil, false
	}
	switch args[0] {
	case "extract":
		m := &struct {
			LogLevel slog.Level `name:"log-level" default:"info" help:"Log level: debug, info, warn or error."`
			Extract  extractCmd `cmd:"" help:"Print the text of a document's pages (no NATS)."`
		}{}
		return m, &m.LogLevel, true
	case "extract-child":
		m := &struct {
			LogLevel     slog.Level      `name:"log-level" default:"info" help:"Log level: debug, info, warn or error."`
			ExtractChild extractChildCmd `cmd:"" name:"extract-child" hidden:"" help:"Extract one document from stdin (used by the extract stage)."`
		}{}
		return m, &m.LogLevel, true
	}
	return nil, nil, false
}

// shortLived tunes the collector for a process that extracts one document
// and exits: the heap is bounded by the document, so collecting it often
// only costs time.
func shortLived() { debug.SetGCPercent(400) }

// serving tunes the collector of a pooled extraction child: it holds one
// document at a time, so its live heap is small and collecting at every
// doubling of it spent about a tenth of the child's CPU (220 corpus
// documents through one child: 1.78-1.99 s of user time before, 1.58 s
// with these settings). A soft limit makes
// it collect harder near servedMemory on a large document instead of
// growing to five times its live heap; the pool still replaces a child
// past its resident-set bound.
func serving() {
	debug.SetGCPercent(400)
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(servedMemory)
	}
}

const servedMemory = 512 << 20
