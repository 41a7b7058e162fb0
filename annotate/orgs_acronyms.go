package annotate

import (
	"strings"
	"unicode"

	"github.com/casefile/casefile/annotate/internal/textscan"
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
			if a := acronymAfter(pe.words, s.to); a != "" && (initialsHold(pe.words[s.from:s.to], a) || initialsAfterPlace(pe.words[s.from:s.to], a)) {
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

// initialsAfterPlace reports whether the acronym's letters are the
// initials of the name without the place in front of its head word: an
// agency's initials leave out the state or city that owns it
// ("Indiana Department of Child Services (DCS)", "New York City
// Department of Correction (DOC)"). At most three words are left out,
// and the rest must start with the head word.
func initialsAfterPlace(name []word, a string) bool {
	for k := 1; k <= 3 && k < len(name)-1; k++ {
		if acronymHeads[name[k].lower()] {
			return initialsHold(name[k:], a)
		}
	}
	return false
}

// acronymHeads are the head words an agency's initials start from.
var acronymHeads = textscan.Set("department", "office", "bureau", "division", "agency",
	"board", "commission", "administration", "police", "sheriff's", "sheriff’s")

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

// A company named once in full, with its corporate suffix ("Quicken
// Loans, Inc.", "Gift Surplus, LLC"), is then named without it ("Quicken
// Loans violated ..."), where the person rules read two capitalized words
// as a name.

// companyShortNames adds to names the short forms of the companies named
// on the pages with a corporate suffix: the name's words before the
// suffix, at least two of them, as written and in capitals. It returns
// the short forms in lower case.
func companyShortNames(pages []pageEntities, names map[string]string) map[string]bool {
	short := map[string]bool{}
	for _, pe := range pages {
		for _, s := range pe.spans {
			if s.typ != schemas.Organization || s.to-s.from < 3 {
				continue
			}
			end := s.to - 1
			if !corporateSuffixes[strings.TrimSuffix(pe.words[end].lower(), ".")] {
				continue
			}
			if pe.words[end-1].text == "," {
				end--
			}
			base := pe.words[s.from:end]
			if len(base) < 2 || !base[0].capitalized() || !base[len(base)-1].capitalized() {
				continue
			}
			j := joinWords(base)
			if names[j] == "" {
				names[j] = "company-short"
			}
			if up := strings.ToUpper(j); names[up] == "" {
				names[up] = "company-short"
			}
			short[strings.ToLower(j)] = true
		}
	}
	return short
}

// retypeCompanyNames makes organizations of the person spans that are a
// company's short name.
func retypeCompanyNames(pages []pageEntities, short map[string]bool) {
	if len(short) == 0 {
		return
	}
	for pi := range pages {
		pe := &pages[pi]
		for k := range pe.spans {
			s := &pe.spans[k]
			if s.typ == schemas.Person && short[strings.ToLower(joinWords(pe.words[s.from:s.to]))] {
				s.typ, s.norm, s.source, s.rule = schemas.Organization, "", schemas.SourceRule, "company-short"
			}
		}
	}
}
