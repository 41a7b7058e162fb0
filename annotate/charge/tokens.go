package charge

import (
	"unicode"
	"unicode/utf8"
)

// tok is one token of page text for the phrase readers: a word, a money
// amount ("$100,000") or one punctuation character, with its byte span.
type tok struct {
	s, e  int
	lower string // the word in lower case (ASCII folding); the text of others
	kind  byte   // 'w' word, '$' money, 'p' punctuation
	cap   bool   // a word starting with a capital
	upper bool   // a word of two or more letters, all capitals
}

// tokensFrom reads up to n tokens of text from byte offset at on. Blanks
// and line breaks are skipped, and so is a pleading-paper line number or
// a transcript time stamp ("02:08   24") that opens a line, so a phrase
// can run over the line breaks of a transcript. A blank line (two line
// breaks with nothing but a line number between) ends the tokens.
func tokensFrom(text string, at, n int) []tok {
	// Most reads stop within a few words: room for 16 spares the list's
	// regrowth from one, a tenth of annotation's allocation.
	out := make([]tok, 0, min(n, 16))
	i := at
	for len(out) < n && i < len(text) {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		case c == '\n' || c == '\f':
			j := skipLineLead(text, i+1)
			// poppler writes a blank line between the numbered lines of
			// pleading paper; prose paragraphs end at a blank line too,
			// but the readers stop at sentence punctuation anyway.
			i = j
			continue
		}
		if c == '$' && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' {
			j := i + 1
			for j < len(text) && (text[j] >= '0' && text[j] <= '9' || (text[j] == ',' || text[j] == '.') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9') {
				j++
			}
			out = append(out, tok{s: i, e: j, lower: text[i:j], kind: '$'})
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			out = append(out, tok{s: i, e: i + size, lower: text[i : i+size], kind: 'p'})
			i += size
			continue
		}
		j := i
		letters, uppers := 0, 0
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r) {
				if unicode.IsLetter(r) {
					letters++
					if unicode.IsUpper(r) {
						uppers++
					}
				}
				j += size
				continue
			}
			// A hyphen or apostrophe inside a word: "weapons-possession",
			// "O'Neil"; a hyphen at a line end joins the next line's word.
			if r == '-' || r == '\'' || r == '’' {
				k := j + size
				if k < len(text) {
					if nr, _ := utf8.DecodeRuneInString(text[k:]); isWordRune(nr) {
						j = k
						continue
					}
				}
			}
			break
		}
		w := text[i:j]
		first, _ := utf8.DecodeRuneInString(w)
		out = append(out, tok{s: i, e: j, lower: lowerWord(w), kind: 'w', cap: unicode.IsUpper(first), upper: letters >= 2 && uppers == letters})
		i = j
	}
	return out
}

// skipLineLead skips, from the start of a line at i, blanks, blank lines
// and a leading line number (one or two digits) or time stamp followed by
// a blank.
func skipLineLead(text string, i int) int {
	for {
		for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
			i++
		}
		j := i
		// A time stamp "02:08" before the line number.
		if j+5 <= len(text) && isDigit(text[j]) && isDigit(text[j+1]) && text[j+2] == ':' && isDigit(text[j+3]) && isDigit(text[j+4]) {
			j += 5
			for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
				j++
			}
		}
		k := j
		for k < len(text) && k-j < 3 && isDigit(text[k]) {
			k++
		}
		if k > j && k-j <= 2 && k < len(text) && (text[k] == ' ' || text[k] == '\t') {
			i = k
			continue
		}
		if j > i {
			i = j
		}
		if i < len(text) && text[i] == '\n' {
			i++
			continue
		}
		return i
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func lowerWord(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			b := []byte(w)
			for k := range b {
				if b[k] >= 'A' && b[k] <= 'Z' {
					b[k] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return w
}
