package quantity

import (
	"math"
	"strconv"
	"strings"

	"github.com/casefile/casefile/annotate/internal/textscan"
)

// Numbers as court text writes them: digits ("1,250", "2.5"), words
// ("twenty-one", "a dozen"), a fraction or mixed number ("1/3", "8 1/3"),
// a half added in words ("three-and-a-half", "two and one-half"), and a
// digit echo in parentheses ("three (3)", which the span keeps and the
// value ignores). textscan.ParseNumber reads digits and words; fractions
// and halves are read here because only quantities need them.

// numWord is one number word, the longer first so that "seventeen" is not
// read as "seven"; "a" and "an" stand for one before "dozen" and
// "hundred" and are refused alone by the callers.
const numWord = `(?:` + numWordC + `|an|a)`

// numWordC is a number word that can continue a number: not "a".
const numWordC = `(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|zero|one|two|three|four|five|six|seven|eight|nine|ten)`

// wordsNum is a number in words. "and" joins only after "hundred" or
// "thousand" ("one hundred and five"), so that "two and three" stays two
// numbers.
const wordsNum = `(?:(?:` + numWord + `[\s-]+)?(?:` + numWordC + `[\s-]+)*?(?:hundred|thousand)\s+and\s+` + numWordC + `(?:[\s-]+` + numWordC + `)*|` +
	numWord + `(?:[\s-]+` + numWordC + `)*)`

// halfPat is the half added to a number in words: "-and-a-half",
// " and one-half".
const halfPat = `(?:[\s-]+and[\s-]+(?:a|one)[\s-]+half)`

// numCore is one number without capture groups: digits with thousands
// separators or decimals, a mixed number or fraction, or number words
// with an optional half. A fraction's parts are short ("1/2", "8 1/3");
// a date's "3/12/2019" may match its first two parts, but no unit or
// counted noun follows them there.
const numCore = `(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,4}[ -]\d{1,2}/\d{1,2}\b|\d{1,2}/\d{1,2}\b|\d+(?:\.\d+)?|` +
	oneHalfPat + `|` + wordsNum + halfPat + `?)`

// oneHalfPat is a half written in words before a unit, as drug statutes
// grade amounts: "one-half gram or more of methamphetamine".
const oneHalfPat = `one[\s-]half\b`

// parseNumber returns the value of a number matched by numCore. It
// refuses what is not a finite, non-negative number.
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "" {
		return 0, false
	}
	if i := strings.IndexByte(s, '/'); i >= 0 {
		return parseFraction(s)
	}
	if s == "one-half" || strings.Join(strings.Fields(s), " ") == "one half" {
		return 0.5, true
	}
	half := 0.0
	if loc := halfRe.Get().FindStringIndex(s); loc != nil && loc[1] == len(s) {
		s, half = strings.TrimSpace(s[:loc[0]]), 0.5
	}
	if s == "" {
		return 0, false // "and a half" alone
	}
	if c := s[0]; (c < '0' || c > '9') && !wordOrder(s) {
		return 0, false // "two ten" is two numbers
	}
	v, ok := textscan.ParseNumber(s)
	if !ok || math.IsInf(v, 0) || math.IsNaN(v) || v < 0 {
		return 0, false
	}
	return v + half, true
}

var halfRe = textscan.Lazy(halfPat + `$`)

// parseFraction reads "1/3", "8 1/3" and "8-1/3".
func parseFraction(s string) (float64, bool) {
	whole := 0.0
	if i := strings.IndexAny(s, " \t\n-"); i >= 0 {
		w, err := strconv.Atoi(s[:i])
		if err != nil {
			return 0, false
		}
		whole = float64(w)
		s = strings.TrimLeft(s[i:], " \t\n-")
	}
	num, den, ok := strings.Cut(s, "/")
	if !ok {
		return 0, false
	}
	n, err1 := strconv.Atoi(num)
	d, err2 := strconv.Atoi(den)
	if err1 != nil || err2 != nil || d == 0 || n < 0 || d < 0 {
		return 0, false
	}
	return whole + float64(n)/float64(d), true
}

// wordOrder reports whether a number in words is one number: two small
// number words stand together only as tens and units ("twenty-one"), so
// "two ten" (of "two ten-year sentences") is refused.
func wordOrder(s string) bool {
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '\t' || r == '\n' })
	prev := -1.0
	for _, w := range words {
		v, small := smallValue(w)
		if !small {
			prev = -1
			continue
		}
		if prev >= 0 && !(prev >= 20 && int(prev)%10 == 0 && v >= 1 && v <= 9) {
			return false
		}
		prev = v
	}
	return true
}

// smallValue is the value of a number word below a hundred.
func smallValue(w string) (float64, bool) {
	if w == "and" || w == "a" || w == "an" || !textscan.IsNumberWord(w) {
		return 0, false
	}
	v, ok := textscan.ParseNumber(w)
	if !ok || v >= 100 {
		return 0, false
	}
	return v, true
}
