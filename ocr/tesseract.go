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
	// DefaultMaxImagePixels bounds the pixels of the images one page
	// draws, as their dictionaries declare them: a 600-dpi scan of an
	// 11 × 17 inch page is 67 million; rendering 256 million takes poppler
	// a second or two.
	DefaultMaxImagePixels = 256_000_000
	// maxPageText bounds what one page's recognition, or its list of
	// images, may return.
	maxPageText = 1 << 20
)

// ErrUnavailable is returned when pdftoppm, pdfimages or tesseract is
// missing.
var ErrUnavailable = errors.New("ocr: OCR tools not found (install poppler-utils and tesseract-ocr)")

// ErrImagesTooLarge is a page's error when the images it draws declare
// more pixels than MaxImagePixels, or are too many to list (over a MiB of
// pdfimages -list). Rendering walks every declared pixel,
// whatever the image holds, so an image declared 1,000,000 × 1,000,000
// would keep pdftoppm busy for hours with a few bytes of data.
var ErrImagesTooLarge = errors.New("ocr: page images too large")

// Tesseract renders pages with poppler's pdftoppm and reads them with
// tesseract, refusing a page whose images pdfimages lists as over
// MaxImagePixels. The zero value finds the three on PATH; pdfimages is
// looked for beside Pdftoppm first.
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
	// MaxImagePixels bounds the declared pixels of the images a page
	// draws; a page over it is not rendered (ErrImagesTooLarge). If zero,
	// DefaultMaxImagePixels.
	MaxImagePixels int64
}

// tools are the programs a Tesseract runs, found on PATH or where its
// fields say.
type tools struct{ pdftoppm, pdfimages, tesseract string }

func (t *Tesseract) tools() (tools, error) {
	tl := tools{pdftoppm: t.Pdftoppm, tesseract: t.Tesseract}
	if tl.pdftoppm == "" {
		tl.pdftoppm = "pdftoppm"
	}
	if tl.tesseract == "" {
		tl.tesseract = "tesseract"
	}
	var err error
	if tl.pdftoppm, err = exec.LookPath(tl.pdftoppm); err != nil {
		return tools{}, ErrUnavailable
	}
	// pdfimages comes with pdftoppm (poppler-utils): beside it first.
	tl.pdfimages = filepath.Join(filepath.Dir(tl.pdftoppm), "pdfimages")
	if tl.pdfimages, err = exec.LookPath(tl.pdfimages); err != nil {
		if tl.pdfimages, err = exec.LookPath("pdfimages"); err != nil {
			return tools{}, ErrUnavailable
		}
	}
	if tl.tesseract, err = exec.LookPath(tl.tesseract); err != nil {
		return tools{}, ErrUnavailable
	}
	return tl, nil
}

// Recognize implements doctext.Recognizer. The PDF is copied once to a
// private temporary directory, removed on return; each page is rendered
// and read under PageTimeout.
func (t *Tesseract) Recognize(ctx context.Context, r io.ReaderAt, size int64, pages []int, each func(page int, text string, err error)) error {
	tl, err := t.tools()
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
		text, err := t.page(ctx, tl, dir, src, n)
		each(n, text, err)
	}
	return nil
}

// page checks the size of one page's images, renders the page and reads
// it.
func (t *Tesseract) page(ctx context.Context, tl tools, dir, src string, n int) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, orDefault(t.PageTimeout, DefaultPageTimeout))
	defer cancel()
	prefix := filepath.Join(dir, "page")
	num := strconv.Itoa(n)
	list, err := t.run(ctx, tl.pdfimages, "-list", "-f", num, "-l", num, src)
	if err != nil {
		return "", fmt.Errorf("list images: %w", err)
	}
	if len(list) >= maxPageText {
		// The kept part of a longer list would undercount the pixels.
		return "", fmt.Errorf("%w: image list over %d bytes", ErrImagesTooLarge, maxPageText)
	}
	max := orDefault(t.MaxImagePixels, DefaultMaxImagePixels)
	if px := ImagePixels(list); px > max {
		return "", fmt.Errorf("%w: %d million pixels declared, limit %d million", ErrImagesTooLarge, px/1e6, max/1e6)
	}
	if _, err := t.run(ctx, tl.pdftoppm, "-r", strconv.Itoa(orDefault(t.DPI, DefaultDPI)), "-f", num, "-l", num, "-singlefile", "-gray", "-png", src, prefix); err != nil {
		return "", fmt.Errorf("render: %w", err)
	}
	img := prefix + ".png"
	defer os.Remove(img)
	lang := t.Lang
	if lang == "" {
		lang = DefaultLang
	}
	out, err := t.run(ctx, tl.tesseract, img, "stdout", "-l", lang)
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

// ImagePixels sums the pixels of the images listed in the output of
// `pdfimages -list`: a header of two lines, then a row per image whose
// fourth and fifth columns are its width and height. Rows it cannot read
// count nothing; the sum saturates instead of overflowing.
func ImagePixels(list []byte) int64 {
	var sum int64
	for i, line := range strings.Split(string(list), "\n") {
		f := strings.Fields(line)
		if i < 2 || len(f) < 5 {
			continue
		}
		w, werr := strconv.ParseInt(f[3], 10, 64)
		h, herr := strconv.ParseInt(f[4], 10, 64)
		if werr != nil || herr != nil || w <= 0 || h <= 0 {
			continue
		}
		const most = 1 << 62
		if w > most/h || sum > most-w*h {
			return most
		}
		sum += w * h
	}
	return sum
}

func orDefault[T int | int64 | uint64 | time.Duration](v, def T) T {
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
