package charge

import (
	"strings"

	"github.com/casefile/casefile/annotate/internal/textscan"
)

// Opinions name a long offense once and define its initials in
// parentheses, then use the initials: "aggravated unlawful use of a
// weapon (AUUW)", "driving under the influence (DUI)", "unlawful
// possession of a weapon by a felon (UPWF)". The initials are a mention of
// the offense wherever they stand on the page, quoted or not ("(“DUI”)"),
// and with "per se" after them the per se offense ("DUI per se").

// maxAcronym is the longest run of capitals read as an offense's
// initials.
const maxAcronym = 8

// definedAcronyms returns, for each offense of found followed by its
// initials in parentheses, the initials and their other occurrences on
// the page as whole words, named as the offense.
func definedAcronyms(text string, found []phrase) []phrase {
	var out []phrase
	for _, o := range found {
		a, s, ok := acronymAfter(text, o.e)
		if !ok || !initialsOf(a, o.name) {
			continue
		}
		out = append(out, phrase{s, s + len(a), o.name})
		for i := 0; ; {
			k := strings.Index(text[i:], a)
			if k < 0 {
				break
			}
			at := i + k
			i = at + len(a)
			if at == s || at > 0 && textscan.IsWordByte(text[at-1]) || i < len(text) && textscan.IsWordByte(text[i]) {
				continue
			}
			// "DUI per se": the offense by a measured level, which
			// state codes name apart from the impairment it defines.
			if t := " per se"; strings.HasPrefix(text[i:], t) && (i+len(t) == len(text) || !textscan.IsWordByte(text[i+len(t)])) {
				out = append(out, phrase{at, i + len(t), o.name + " per se"})
				continue
			}
			out = append(out, phrase{at, i, o.name})
		}
	}
	return out
}

// acronymAfter reads " (ABC)" or " (the ABC)" at byte offset e: the
// capitals and where they start.
func acronymAfter(text string, e int) (string, int, bool) {
	i := e
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if i >= len(text) || text[i] != '(' || i-e > 1 {
		return "", 0, false
	}
	i++
	if strings.HasPrefix(text[i:], "the ") {
		i += len("the ")
	}
	// The initials may be quoted: "(“DUI”)", "(\"PWID\")".
	closeQ := ""
	for _, q := range [][2]string{{"“", "”"}, {`"`, `"`}} {
		if strings.HasPrefix(text[i:], q[0]) {
			i, closeQ = i+len(q[0]), q[1]
			break
		}
	}
	j := i
	for j < len(text) && j-i <= maxAcronym && text[j] >= 'A' && text[j] <= 'Z' {
		j++
	}
	if j-i < 2 || j-i > maxAcronym || !strings.HasPrefix(text[j:], closeQ+")") {
		return "", 0, false
	}
	return text[i:j], i, true
}

// initialsOf reports whether the capitals a are initials of the words of
// name (lower case) in order: the first letter the first word's, each
// other letter the initial of a later word; small words ("of", "a",
// "the", "by", "under") may be skipped, no other word may.
func initialsOf(a, name string) bool {
	ws := strings.Fields(strings.ReplaceAll(name, "-", " "))
	if len(ws) < 2 || ws[0][0] != a[0]+('a'-'A') {
		return false
	}
	k := 1
	for _, w := range ws[1:] {
		if k < len(a) && w[0] == a[k]+('a'-'A') {
			k++
			continue
		}
		if !smallWords[w] {
			return false
		}
	}
	return k == len(a)
}

// smallWords may be left out of an offense's initials.
var smallWords = textscan.Set("of", "a", "an", "the", "by", "under", "in", "on", "to", "with", "while", "for", "and", "or")
