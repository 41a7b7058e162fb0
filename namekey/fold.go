package namekey

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold lower-cases s, strips diacritics and splits it into tokens at
// whitespace and punctuation. Periods and apostrophes join rather than
// split ("U.S." → "us", "O'Brien" → "obrien", "Garcia-Lopez" →
// "garcialopez"); commas are returned as
// their own "," token so callers can read "LAST, FIRST" order.
func fold(s string) []string {
	var (
		toks []string
		b    strings.Builder
	)
	flush := func() {
		if b.Len() > 0 {
			toks = append(toks, b.String())
			b.Reset()
		}
	}
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// A combining mark of a decomposed letter: "é" → "e".
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteString(foldRune(r))
		case r == '.' || r == '\'' || r == '’' || r == '‘' || r == '`' ||
			(r == '-' || r == '‐') && b.Len() > 0:
			// Joins: initials, elisions and hyphenated names stay one
			// token, so that "Garcia-Lopez" is one surname.
		case r == ',':
			flush()
			toks = append(toks, ",")
		default:
			flush()
		}
	}
	flush()
	return toks
}

// foldRune lower-cases r and spells the letters NFD does not decompose
// the way English text writes them.
func foldRune(r rune) string {
	switch r {
	case 'ß':
		return "ss"
	case 'Æ', 'æ':
		return "ae"
	case 'Œ', 'œ':
		return "oe"
	case 'Ø', 'ø':
		return "o"
	case 'Ł', 'ł':
		return "l"
	case 'Đ', 'đ', 'Ð', 'ð':
		return "d"
	case 'Þ', 'þ':
		return "th"
	case 'ı':
		return "i"
	}
	return string(unicode.ToLower(r))
}
