package nertrain

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s with every code point replaced by one ASCII byte, so that
// byte offsets in the result are code-point offsets in s. Curly quotes and
// dashes become their ASCII forms, accented letters their base letter,
// other letters 'x' or 'X', other digits '0', other spaces ' ', anything
// else '?'; the HTML entity "&rsquo;" loses its '&'. prose's tokenizer and
// trainer then agree on offsets: the trainer counts code points, the
// tokenizer bytes, and the tokenizer's own rewriting of quotes and of
// "&rsquo;" has nothing left to change.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteByte(foldRune(r))
	}
	out := b.String()
	if strings.Contains(out, "&rsquo;") {
		// prose's tokenizer would rewrite it to one byte.
		out = strings.ReplaceAll(out, "&rsquo;", "?rsquo;")
	}
	return out
}

func foldRune(r rune) byte {
	if r < 0x80 {
		return byte(r)
	}
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u2032':
		return '\''
	case '\u201c', '\u201d', '\u201e', '\u2033':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-'
	}
	switch {
	case unicode.IsLetter(r):
		if d := norm.NFD.String(string(r)); d != "" && d[0] < 0x80 {
			return d[0]
		}
		if unicode.IsUpper(r) {
			return 'X'
		}
		return 'x'
	case unicode.IsDigit(r):
		return '0'
	case unicode.IsSpace(r):
		return ' '
	}
	return '?'
}
