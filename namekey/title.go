package namekey

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Title returns a name as a reader expects to see it. A name the document
// writes in mixed case is returned as written (with its spaces
// collapsed): the document knows "McDonald" and "de la Cruz" better than
// any rule. A name in capitals is title-cased word by word: "O'BRIEN" →
// "O'Brien", "MCDONALD" → "McDonald", "GARCIA-LOPEZ" → "Garcia-Lopez",
// "JR." → "Jr.", roman numerals stay ("III"), and Spanish particles after
// the first word are lower-cased ("MARIA DE LA CRUZ" → "Maria de la
// Cruz"). For an organization (org true) articles and prepositions after
// the first word are lower-cased, dotted abbreviations ("U.S.") and words
// without a vowel ("NYPD", "LLC") stay in capitals, and a one-word name
// of up to five letters is taken for an acronym and kept.
func Title(name string, org bool) string {
	ws := strings.Fields(name)
	if !allCaps(name) {
		return strings.Join(ws, " ")
	}
	if org && len(ws) == 1 && utf8.RuneCountInString(ws[0]) <= 5 {
		return ws[0]
	}
	for i, w := range ws {
		ws[i] = titleWord(w, i == 0, org)
	}
	return strings.Join(ws, " ")
}

// allCaps reports whether s has a letter and no lower-case letter.
func allCaps(s string) bool {
	letter := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letter = letter || unicode.IsLetter(r)
	}
	return letter
}

var (
	lowerParticles = set("de", "del", "la", "las", "los", "y", "da", "das", "dos")
	lowerOrgWords  = set("of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "de", "by")
	romanNumerals  = set("ii", "iii", "iv", "vi", "vii", "viii")
)

func titleWord(w string, first, org bool) string {
	l := strings.ToLower(w)
	bare := strings.Trim(l, ".,;:")
	switch {
	case romanNumerals[bare]:
		return w
	case !first && !org && lowerParticles[bare]:
		return l
	case !first && org && lowerOrgWords[bare]:
		return l
	case org && (strings.Count(bare, ".") > 0 || !hasVowel(bare)):
		return w
	}
	// Each part of a hyphenated or elided word begins in capitals, and
	// "Mc" begins a second one: McDonald.
	rs := []rune(l)
	start := true
	for k, r := range rs {
		switch {
		case r == '-' || r == '/' || ((r == '\'' || r == '’') && !(k == len(rs)-2 && rs[k+1] == 's')):
			start = true
		case start && unicode.IsLetter(r):
			rs[k] = unicode.ToUpper(r)
			start = false
			if r == 'm' && k+3 < len(rs) && rs[k+1] == 'c' {
				rs[k+2] = unicode.ToUpper(rs[k+2]) // "Mc" + capital
			}
		}
	}
	return string(rs)
}

func hasVowel(s string) bool {
	return strings.ContainsAny(s, "aeiou")
}
