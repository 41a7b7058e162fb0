package annotate

import (
	"strings"
	"unicode"

	"github.com/casefile/casefile/schemas"
)

// Filings define the short forms they go on to use: "New Jersey State
// Prison (“NJSP”)", "the Oklahoma Court of Criminal Appeals (OCCA)",
// "High Desert State Prison (the “HDSP”)". An acronym so defined after an
// organization's name is a mention of that organization wherever the
// document uses it.

// definedAcronyms adds to names the acronyms defined in parentheses right
// after an organization's name on the pages, with the rule "acronym".
func definedAcronyms(pages []pageEntities, names map[string]string) {
	for _, pe := range pages {
		for _, s := range pe.spans {
			if s.typ != schemas.Organization {
				continue
			}
			if a := acronymAfter(pe.words, s.to); a != "" && initialsHold(pe.words[s.from:s.to], a) {
				if names[a] == "" {
					names[a] = "acronym"
				}
			}
		}
	}
}

// acronymAfter returns the acronym written in parentheses at ws[k] — "(",
// an optional "the", an optional quote, the acronym, an optional quote,
// ")" — or "".
func acronymAfter(ws []word, k int) string {
	if k >= len(ws) || ws[k].text != "(" {
		return ""
	}
	k++
	if k < len(ws) && ws[k].lower() == "the" {
		k++
	}
	if k < len(ws) && isQuote(ws[k].text) {
		k++
	}
	if k >= len(ws) || !acronymWord(ws[k].text) {
		return ""
	}
	a := ws[k].text
	k++
	if k < len(ws) && isQuote(ws[k].text) {
		k++
	}
	if k >= len(ws) || ws[k].text != ")" {
		return ""
	}
	return a
}

func isQuote(s string) bool { return s == "“" || s == "”" || s == "\"" }

// acronymWord reports whether s is written as an acronym: two to eight
// capital letters, digits or "&", at least two of them letters.
func acronymWord(s string) bool {
	n, letters := 0, 0
	for _, r := range s {
		n++
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsDigit(r) || r == '&':
		default:
			return false
		}
	}
	return n <= 8 && letters >= 2
}

// initialsHold reports whether the acronym's letters are, in order, the
// initials of the name's words, the first of them the name's first
// ("NYPD" of "New York City Police Department", "DOCCS" of "Department of
// Corrections and Community Supervision"): not a code or a number in
// parentheses after a name.
func initialsHold(name []word, a string) bool {
	var initials []rune
	for _, w := range name {
		if w.punct {
			continue
		}
		for _, r := range w.text {
			initials = append(initials, unicode.ToUpper(r))
			break
		}
	}
	letters := []rune(strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return r
		}
		return -1
	}, a))
	if len(letters) == 0 || len(initials) == 0 || letters[0] != initials[0] {
		return false
	}
	j := 0
	for _, r := range initials {
		if j < len(letters) && r == letters[j] {
			j++
		}
	}
	return j == len(letters)
}
