package ocr

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/casefile/casefile/internal/proc"
)

// Defaults for a zero Tesseract field.
const (
	DefaultDPI         = 200
	DefaultPageTimeout = 60 * time.Second
	DefaultLang        = "eng"
	// DefaultMemory bounds the address space of each tool process.
	DefaultMemory = 2 << 30
	// maxPageText bounds what one page's recognition may return.
	maxPageText = 1 << 20
)

// ErrUnavailable is returned when pdftoppm or tesseract is missing.
var ErrUnavailable = errors.New("ocr: OCR tools not found (install poppler-utils and tesseract-ocr)")

// Tesseract renders pages with poppler's pdftoppm and reads them with
// tesseract. The zero value finds both on PATH.
type Tesseract struct {
	// Pdftoppm and Tesseract are the tool paths. If empty, PATH is searched.
	Pdftoppm, Tesseract string
	// DPI of the rendered page. If zero, DefaultDPI.
	DPI int
	// Lang is tesseract's language. If empty, DefaultLang.
	Lang string
	// PageTimeout bounds rendering and reading one page. If zero,
	// DefaultPageTimeout.
	PageTimeout time.Duration
	// Memory bounds each tool's address space in bytes. If zero,
	// DefaultMemory.
	Memory uint64
}

func (t *Tesseract) tools() (pdftoppm, tesseract string, err error) {
	pdftoppm, tesseract = t.Pdftoppm, t.Tesseract
	if pdftoppm == "" {
		pdftoppm = "pdftoppm"
	}
	if tesseract == "" {
		tesseract = "tesseract"
	}
	if pdftoppm, err = exec.LookPath(pdftoppm); err != nil {
		return "", "", ErrUnavailable
	}
	if tesseract, err = exec.LookPath(tesseract); err != nil {
		return "", "", ErrUnavailable
	}
	return pdftoppm, tesseract, nil
}

// Recognize implements doctext.Recognizer. The PDF is copied once to a
// private temporary directory, removed on return; each page is rendered
// and read under PageTimeout.
func (t *Tesseract) Recognize(ctx context.Context, r io.ReaderAt, size int64, pages []int, each func(page int, text string, err error)) error {
	pdftoppm, tesseract, err := t.tools()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "casefile-ocr-")
	if err != nil {
		return fmt.Errorf("ocr: %w", err)
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, "doc.pdf")
	if err := writeFile(src, r, size); err != nil {
		return fmt.Errorf("ocr: %w", err)
	}
	for _, n := range pages {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		text, err := t.page(ctx, pdftoppm, tesseract, dir, src, n)
		each(n, text, err)
	}
	return nil
}

// page renders one page and reads it.
func (t *Tesseract) page(ctx context.Context, pdftoppm, tesseract, dir, src string, n int) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, orDefault(t.PageTimeout, DefaultPageTimeout))
	defer cancel()
	prefix := filepath.Join(dir, "page")
	num := strconv.Itoa(n)
	if _, err := t.run(ctx, pdftoppm, "-r", strconv.Itoa(orDefault(t.DPI, DefaultDPI)), "-f", num, "-l", num, "-singlefile", "-gray", "-png", src, prefix); err != nil {
		return "", fmt.Errorf("render: %w", err)
	}
	img := prefix + ".png"
	defer os.Remove(img)
	lang := t.Lang
	if lang == "" {
		lang = DefaultLang
	}
	out, err := t.run(ctx, tesseract, img, "stdout", "-l", lang)
	if err != nil {
		return "", fmt.Errorf("tesseract: %w", err)
	}
	return strings.ReplaceAll(strings.ToValidUTF8(string(out), "\uFFFD"), "\f", ""), nil
}

// run runs one tool. OMP_THREAD_LIMIT=1 because tesseract's OpenMP threads
// make it several times slower on a shared machine; parallelism comes from
// the workers.
func (t *Tesseract) run(ctx context.Context, path string, args ...string) ([]byte, error) {
	return proc.Run(ctx, proc.Cmd{
		Path:      path,
		Args:      args,
		Env:       append(os.Environ(), "OMP_THREAD_LIMIT=1"),
		Memory:    orDefault(t.Memory, DefaultMemory),
		MaxStdout: maxPageText,
	})
}

func orDefault[T int | uint64 | time.Duration](v, def T) T {
	if v > 0 {
		return v
	}
	return def
}

// writeFile copies size bytes of r to a new file at path.
func writeFile(path string, r io.ReaderAt, size int64) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, io.NewSectionReader(r, 0, size)); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
