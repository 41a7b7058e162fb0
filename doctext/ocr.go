package doctext

import (
	"context"
	"fmt"
	"io"
	"strings"
	"unicode"

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

// Recognizer reads pages of a PDF from their images. casefile's is
// ocr.Tesseract; the interface lives here, where it is used, so this
// package runs no programs itself.
type Recognizer interface {
	// Recognize reads the 1-based pages of the PDF of size bytes in r and
	// calls each once per page, in order, with its text or why it could
	// not be read. The error is for a failure of the whole call (tools
	// missing, no scratch space), after which no page was read.
	Recognize(ctx context.Context, r io.ReaderAt, size int64, pages []int, each func(page int, text string, err error)) error
}

// OCR is the policy for pages without a usable text layer: which pages to
// recognize and what to keep when recognition fails. With no Recognizer
// such pages are kept as they are, with a warning.
type OCR struct {
	Mode       OCRMode // if empty, OCRAuto
	Recognizer Recognizer
	// MaxArea bounds, in square inches, the pages sent to OCR: rendering
	// costs memory in proportion to the area, and a page of 200 × 200
	// inches would take gigabytes. If zero, DefaultMaxOCRArea.
	MaxArea float64
}

// DefaultMaxOCRArea is 36 × 48 inches, a poster: 155 megapixels at 300
// dots per inch. No page of a filing comes near it.
const DefaultMaxOCRArea = 36 * 48

// pageLayout is what the reader learned of a page besides its text, for
// the OCR policy.
type pageLayout struct {
	area   float64 // square inches
	images int     // images the page draws: XObjects and inline images
}

// needsOCR reports whether a page should be recognized in mode m. In auto
// mode that is a page with no usable text: almost none (a scan whose only
// text is the court's electronic filing stamp), or text whose characters
// do not form words (a font without a Unicode map). A short page of real
// words that draws no image (the last page of an opinion, a signature
// page) keeps its text layer: there is nothing else on it to read, and
// rendering and recognizing it cost half a second to get the same words
// back.
func needsOCR(m OCRMode, p schemas.Page, l pageLayout) bool {
	switch m {
	case OCRForce:
		return true
	case OCROff:
		return false
	}
	chars, wordy := textShape(p.Text)
	if chars >= minUsableChars && wordy {
		return false
	}
	return l.images > 0 || chars == 0 || !wordy
}

// Thresholds of usableText.
const (
	minUsableChars = 200 // fewer non-space characters: a stamp, not a page
	minAlnumShare  = 0.6 // of non-space characters that are letters or digits
	minWordShare   = 0.5 // of tokens shaped like words
)

// usableText reports whether a text layer reads as words or numbers:
// enough characters, mostly letters and digits, and mostly tokens shaped
// like words ("19A", "$25" and "Page" are; "81,7('67$7(6", what a font
// without a Unicode map gives, is not).
func usableText(text string) bool {
	chars, wordy := textShape(text)
	return chars >= minUsableChars && wordy
}

// textShape counts text's non-space characters and reports whether, at
// whatever length, it is mostly letters and digits and mostly tokens
// shaped like words: one pass over the characters, one over the fields.
func textShape(text string) (chars int, wordy bool) {
	var alnum, words, wordlike int
	for _, r := range text {
		if unicode.IsSpace(r) {
			continue
		}
		chars++
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			alnum++
		}
	}
	if chars == 0 {
		return 0, false
	}
	for _, w := range strings.Fields(text) {
		words++
		if looksLikeWord(w) {
			wordlike++
		}
	}
	return chars, float64(alnum)/float64(chars) > minAlnumShare && float64(wordlike)/float64(words) > minWordShare
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
// replacing their text and method. Failures become warnings: a page OCR
// could not read keeps what its text layer had.
func (o *OCR) apply(ctx context.Context, r io.ReaderAt, size int64, ex *Extraction, layouts []pageLayout) {
	mode := o.Mode
	if mode == "" {
		mode = OCRAuto
	}
	maxArea := o.MaxArea
	if maxArea == 0 {
		maxArea = DefaultMaxOCRArea
	}
	var todo []int
	for i, p := range ex.Pages {
		var l pageLayout
		if i < len(layouts) {
			l = layouts[i]
		}
		if !needsOCR(mode, p, l) {
			continue
		}
		if l.area > maxArea {
			ex.Warnings = append(ex.Warnings, fmt.Sprintf("page %d: %.0f square inches, too large to read by OCR (limit %.0f)", p.Number, l.area, maxArea))
			continue
		}
		todo = append(todo, p.Number)
	}
	if len(todo) == 0 {
		return
	}
	if o.Recognizer == nil {
		ex.Warnings = append(ex.Warnings, fmt.Sprintf("%d pages without a text layer were not read: no OCR configured", len(todo)))
		return
	}
	err := o.Recognizer.Recognize(ctx, r, size, todo, func(n int, text string, err error) {
		if n < 1 || n > len(ex.Pages) {
			return
		}
		p := &ex.Pages[n-1]
		switch {
		case err != nil:
			ex.Warnings = append(ex.Warnings, fmt.Sprintf("page %d: OCR failed: %v", p.Number, err))
			if strings.TrimSpace(p.Text) == "" {
				p.Method = schemas.MethodNone
			}
		case strings.TrimSpace(text) == "":
			if strings.TrimSpace(p.Text) == "" {
				p.Method = schemas.MethodNone
			}
		default:
			p.Text, p.Method = text, schemas.MethodOCR
		}
	})
	if err != nil {
		ex.Warnings = append(ex.Warnings, fmt.Sprintf("%d pages without a text layer were not read: %v", len(todo), err))
	}
}
