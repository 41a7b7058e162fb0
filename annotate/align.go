package annotate

import (
	"strings"
	"unicode/utf8"
)

// proseFold is the rewrite prose's tokenizer applies before splitting
// (tokenize.go's sanitizer), restricted to the one-rune-for-one-rune part so
// that offsets in the folded text are offsets in the original.
var proseFold = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'")

// span is a half-open range of a page's text, in bytes and in code points.
type span struct {
	byteStart, byteEnd int
	start, end         int // code points
}

// aligner finds successive token texts in a page and reports their spans.
// prose returns token strings without offsets; since its tokenizer only
// splits (after proseFold), each token occurs in order in the folded text.
type aligner struct {
	text      string // folded page text
	pos       int    // byte cursor
	runeAtPos int    // code points before pos
}

func newAligner(page string) *aligner { return &aligner{text: proseFold.Replace(page)} }

// lookahead bounds how far past the cursor a token is searched for, so that
// a token that is not in the text (prose rewrote it) cannot make the cursor
// jump over a page.
const lookahead = 64

// next returns the span of tok at or after the cursor, or false when tok is
// not found nearby (the cursor does not move then).
func (a *aligner) next(tok string) (span, bool) {
	if tok == "" {
		return span{}, false
	}
	window := a.text[a.pos:min(len(a.text), a.pos+lookahead+len(tok))]
	i := strings.Index(window, tok)
	if i < 0 {
		return span{}, false
	}
	bs := a.pos + i
	rs := a.runeAtPos + utf8.RuneCountInString(a.text[a.pos:bs])
	be := bs + len(tok)
	re := rs + utf8.RuneCountInString(tok)
	a.pos, a.runeAtPos = be, re
	return span{byteStart: bs, byteEnd: be, start: rs, end: re}, true
}
