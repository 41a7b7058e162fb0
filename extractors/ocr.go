package extractors

import (
	"bytes"
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
	"unicode"

	"golang.org/x/sys/unix"

	"github.com/casefile/casefile/schemas"
)

// OCRMode says when pages are read by optical character recognition.
type OCRMode string

// OCR modes.
const (
	OCRAuto  OCRMode = "auto"  // pages without a usable text layer
	OCROff   OCRMode = "off"   // never
	OCRForce OCRMode = "force" // every page
)

// OCR defaults.
const (
	DefaultOCRDPI     = 200
	DefaultOCRTimeout = 60 * time.Second
	// maxOCRText bounds what one page's recognition may return.
	maxOCRText = 1 << 20
	// ocrMemory bounds the address space of each OCR child process.
	ocrMemory = 2 << 30
)

// OCR reads page images with poppler's pdftoppm and tesseract, both run as
// child processes with an argument list (never a shell), a time limit and
// a memory limit. The zero value is auto mode with tools found on PATH.
type OCR struct {
	Mode OCRMode
	// Pdftoppm and Tesseract are the tool paths. If empty, PATH is searched.
	Pdftoppm, Tesseract string
	// DPI of the rendered page. If zero, DefaultOCRDPI.
	DPI int
	// Lang is tesseract's language. If empty, "eng".
	Lang string
	// PageTimeout bounds rendering and reading one page. If zero,
	// DefaultOCRTimeout.
	PageTimeout time.Duration
}

// ErrOCRUnavailable is returned when pdftoppm or tesseract is missing.
var ErrOCRUnavailable = errors.New("extractors: OCR tools not found (install poppler-utils and tesseract-ocr)")

func (o *OCR) tools() (pdftoppm, tesseract string, err error) {
	pdftoppm, tesseract = o.Pdftoppm, o.Tesseract
	if pdftoppm == "" {
		if pdftoppm, err = exec.LookPath("pdftoppm"); err != nil {
			return "", "", ErrOCRUnavailable
		}
	}
	if tesseract == "" {
		if tesseract, err = exec.LookPath("tesseract"); err != nil {
			return "", "", ErrOCRUnavailable
		}
	}
	return pdftoppm, tesseract, nil
}

// needsOCR reports whether a page should be recognized in mode m. In auto
// mode that is a page with no usable text: almost none (a scan whose only
// text is the court's electronic filing stamp), or text whose characters
// do not form words (a font without a Unicode map).
func needsOCR(m OCRMode, p schemas.Page) bool {
	switch m {
	case OCRForce:
		return true
	case OCROff:
		return false
	}
	return !usableText(p.Text)
}

// usableText reports whether a text layer reads as words or numbers:
// enough characters, mostly letters and digits, and mostly tokens shaped
// like words ("19A", "$25" and "Page" are; "81,7('67$7(6", what a font
// without a Unicode map gives, is not).
func usableText(text string) bool {
	var alnum, total, words, wordlike int
	for _, r := range text {
		if unicode.IsSpace(r) {
			continue
		}
		total++
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			alnum++
		}
	}
	if total < 200 {
		return false
	}
	for _, w := range strings.Fields(text) {
		words++
		if looksLikeWord(w) {
			wordlike++
		}
	}
	return float64(alnum)/float64(total) > 0.6 && float64(wordlike)/float64(words) > 0.5
}

// looksLikeWord: after trimming punctuation, letters and digits with only
// word-internal punctuation, and a vowel unless it holds a digit.
func looksLikeWord(w string) bool {
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if w == "" {
		return false
	}
	digits, vowels := 0, 0
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			digits++
		case strings.ContainsRune("aeiouyAEIOUY", r):
			vowels++
		case unicode.IsLetter(r), strings.ContainsRune("-'’.,/:§", r):
		default:
			return false
		}
	}
	return digits > 0 || vowels > 0
}

// apply recognizes the pages of the PDF of size bytes in r that need it,
// replacing their text and method; the bytes are read only when some page
// does. Failures become warnings: a page OCR could not read keeps what its
// text layer had.
func (o *OCR) apply(ctx context.Context, r io.ReaderAt, size int64, ex *Extraction) {
	mode := o.Mode
	if mode == "" {
		mode = OCRAuto
	}
	var todo []int
	for i, p := range ex.Pages {
		if needsOCR(mode, p) {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 {
		return
	}
	pdftoppm, tesseract, err := o.tools()
	if err != nil {
		ex.Warnings = append(ex.Warnings, fmt.Sprintf("%d pages without a text layer were not read: %v", len(todo), err))
		return
	}
	dir, err := os.MkdirTemp("", "casefile-ocr-")
	if err != nil {
		ex.Warnings = append(ex.Warnings, fmt.Sprintf("OCR: %v", err))
		return
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, "doc.pdf")
	if err := writeFile(src, r, size); err != nil {
		ex.Warnings = append(ex.Warnings, fmt.Sprintf("OCR: %v", err))
		return
	}
	for _, i := range todo {
		if ctx.Err() != nil {
			return
		}
		p := &ex.Pages[i]
		text, err := o.page(ctx, pdftoppm, tesseract, dir, src, p.Number)
		if err != nil {
			ex.Warnings = append(ex.Warnings, fmt.Sprintf("page %d: OCR failed: %v", p.Number, err))
			if !usableText(p.Text) && strings.TrimSpace(p.Text) == "" {
				p.Method = schemas.MethodNone
			}
			continue
		}
		if strings.TrimSpace(text) == "" {
			if strings.TrimSpace(p.Text) == "" {
				p.Method = schemas.MethodNone
			}
			continue
		}
		p.Text, p.Method = text, schemas.MethodOCR
	}
}

// page renders one page and reads it.
func (o *OCR) page(ctx context.Context, pdftoppm, tesseract, dir, src string, n int) (string, error) {
	timeout := o.PageTimeout
	if timeout == 0 {
		timeout = DefaultOCRTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	dpi := o.DPI
	if dpi == 0 {
		dpi = DefaultOCRDPI
	}
	lang := o.Lang
	if lang == "" {
		lang = "eng"
	}
	prefix := filepath.Join(dir, "page")
	num := strconv.Itoa(n)
	if _, err := runTool(ctx, pdftoppm, "-r", strconv.Itoa(dpi), "-f", num, "-l", num, "-singlefile", "-gray", "-png", src, prefix); err != nil {
		return "", fmt.Errorf("render: %w", err)
	}
	img := prefix + ".png"
	defer os.Remove(img)
	out, err := runTool(ctx, tesseract, img, "stdout", "-l", lang)
	if err != nil {
		return "", fmt.Errorf("tesseract: %w", err)
	}
	return strings.ReplaceAll(strings.ToValidUTF8(string(out), "\uFFFD"), "\f", ""), nil
}

// runTool runs a tool with a time limit, a memory limit and bounded output.
// OMP_THREAD_LIMIT=1 because tesseract's OpenMP threads make it several
// times slower on a shared machine; parallelism comes from the workers.
func runTool(ctx context.Context, path string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	cmd.WaitDelay = 2 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &limitedWriter{w: &stdout, n: maxOCRText}
	cmd.Stderr = &limitedWriter{w: &stderr, n: 4 << 10}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	lim := &unix.Rlimit{Cur: ocrMemory, Max: ocrMemory}
	_ = unix.Prlimit(cmd.Process.Pid, unix.RLIMIT_AS, lim, nil)
	if err := cmd.Wait(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%w (%s)", ctx.Err(), filepath.Base(path))
		}
		return nil, fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return stdout.Bytes(), nil
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

// limitedWriter keeps the first n bytes and discards the rest.
type limitedWriter struct {
	w io.Writer
	n int
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if l.n <= 0 {
		return len(p), nil
	}
	k := min(len(p), l.n)
	l.n -= k
	if _, err := l.w.Write(p[:k]); err != nil {
		return 0, err
	}
	return len(p), nil
}
