package namekey

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Name is a person's name split into its parts, each folded (lower case,
// no diacritics or punctuation). A one-word name is a Surname alone.
type Name struct {
	Given   string   // "jose"; an initial is one letter: "j"
	Middle  []string // "a" for "Jose A. Doe"
	Surname string   // "doe"; a surname of several words keeps them: "de la cruz"
	Suffix  string   // "jr", "sr", "ii", "iii" or "iv"
}

// Tokens returns the name's tokens: given, middle, surname words, suffix.
func (n Name) Tokens() []string {
	var out []string
	if n.Given != "" {
		out = append(out, n.Given)
	}
	out = append(out, n.Middle...)
	if n.Surname != "" {
		out = append(out, strings.Fields(n.Surname)...)
	}
	if n.Suffix != "" {
		out = append(out, n.Suffix)
	}
	return out
}

// Parse splits a person's name. It drops honorifics and ranks before the
// name ("Hon.", "Det.", "Special Agent") and degrees after it ("Esq."),
// keeps a generational suffix ("Jr.", "III") apart, reads "LAST, FIRST
// MIDDLE" order when a comma follows the first word or words, and
// otherwise takes the last word, with the particles before it ("de la"),
// as the surname. A name of nothing but titles parses as empty.
func Parse(name string) Name {
	toks := fold(name)
	if !hasWord(toks) {
		return Name{}
	}
	// Titles before the name, while a name is left after them.
	for len(toks) > 1 && (honorifics[toks[0]] || toks[0] == ",") {
		if !hasWord(toks[1:]) {
			break
		}
		toks = toks[1:]
	}
	var n Name
	// Degrees, a suffix and stray commas after the name.
	for len(toks) > 0 {
		last := toks[len(toks)-1]
		switch {
		case last == ",":
		case postNominals[last] && countWords(toks) > 1:
		case suffixes[last] != "" && n.Suffix == "" && countWords(toks) > 1:
			n.Suffix = suffixes[last]
		default:
			goto body
		}
		toks = toks[:len(toks)-1]
	}
body:
	if i := slices.Index(toks, ","); i > 0 && i < len(toks)-1 {
		// "DOE, JOSE A." — the surname first.
		sur := words(toks[:i])
		rest := words(toks[i+1:])
		if len(rest) > 1 && suffixes[rest[0]] != "" && n.Suffix == "" { // "DOE, JR., JOSE"
			n.Suffix, rest = suffixes[rest[0]], rest[1:]
		}
		if len(rest) > 0 && len(sur) > 0 {
			n.Surname = strings.Join(sur, " ")
			n.Given = rest[0]
			n.Middle = rest[1:]
			return n
		}
	}
	ws := words(toks)
	switch len(ws) {
	case 0:
		return n
	case 1:
		n.Surname = ws[0]
		return n
	}
	if len(ws) == 2 && particles[ws[0]] {
		n.Surname = ws[0] + " " + ws[1] // "De Lazzer", "Van Dyke"
		return n
	}
	s := len(ws) - 1
	for s > 1 && particles[ws[s-1]] {
		s--
	}
	n.Given = ws[0]
	n.Middle = ws[1:s]
	n.Surname = strings.Join(ws[s:], " ")
	return n
}

// Key returns the key of a person's name: the tokens of [Parse] sorted and
// joined by spaces, so that "DOE, JOSE", "Jose Doe" and "Mr. José Doe"
// have the key "doe jose", and "Jose Doe Jr." the distinct "doe jose jr".
// It is empty for a name with no letters or digits.
func Key(name string) string {
	toks := Parse(name).Tokens()
	slices.Sort(toks)
	return strings.Join(toks, " ")
}

// OrgKey returns the key of an organization's name: its [OrgTokens]
// without corporate forms ("Inc.", "LLC", "Corp."), articles and
// prepositions, sorted and joined by spaces: "The Acme Company, Inc." and
// "ACME" both have the key "acme", "U.S. Court of Appeals for the Ninth
// Circuit" and "United States Court of Appeals, 9th Cir." the key
// "9th appeals circuit court us". A name made only of such words keeps
// them ("The Company" → "company").
func OrgKey(name string) string {
	all := OrgTokens(name)
	var toks []string
	for _, t := range all {
		if !corporateForms[t] && !orgStopwords[t] {
			toks = append(toks, t)
		}
	}
	if len(toks) == 0 {
		for _, t := range all {
			if !orgStopwords[t] {
				toks = append(toks, t)
			}
		}
	}
	slices.Sort(toks)
	return strings.Join(toks, " ")
}

// OrgInitials returns what an organization's name and its acronym have
// in common: for a name of several words, the initials of its words
// without corporate forms and stop words, in order ("New York Police
// Department" → "nypd", "Federal Bureau of Investigation" → "fbi"); for
// a name of one word, the word ("NYPD" → "nypd"). Names with the same
// initials may be one organization; [OrgKey] tells whether they are.
func OrgInitials(name string) string {
	var toks []string
	for _, t := range OrgTokens(name) {
		if !corporateForms[t] && !orgStopwords[t] {
			toks = append(toks, t)
		}
	}
	switch len(toks) {
	case 0:
		return ""
	case 1:
		return toks[0]
	}
	var b strings.Builder
	for _, t := range toks {
		r, _ := utf8.DecodeRuneInString(t)
		b.WriteRune(r)
	}
	return b.String()
}

// OrgTokens returns the words of an organization's name folded as [Key]
// folds them, in their order, with the spellings courts vary written one
// way: ordinals as numbers ("Ninth", "9th" → "9th"; "3d" → "3rd"),
// "Cir." → "circuit", "Ct." → "court", "Dept." → "department", "Dist." →
// "district", "United States" → "us".
func OrgTokens(name string) []string {
	toks := words(fold(name))
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t == "united" && i+1 < len(toks) && toks[i+1] == "states" {
			out = append(out, "us")
			i++
			continue
		}
		if n, ok := orgSpellings[t]; ok {
			t = n
		}
		out = append(out, t)
	}
	return out
}

// Compatible reports whether two full names may name one person: the same
// surname; the same generational suffix where both give one (a missing
// suffix is compatible with any); given names equal or one the initial of
// the other, or one the other's first three letters or more ("Jeff",
// "Jeffrey"); middle names, where both give them, compatible word by word
// in the same way ("John A. Doe" and "J. Doe", "John Doe" and "John Adam
// Doe" are; "John A. Doe" and "John B. Doe" are not). A name without a
// given name (a bare surname) is compatible with nothing: whether "Doe"
// is John Doe depends on who else the text names, which is the caller's
// to judge.
func Compatible(a, b string) bool {
	return ParsedCompatible(Parse(a), Parse(b))
}

// ParsedCompatible is [Compatible] over names already parsed.
func ParsedCompatible(a, b Name) bool {
	if a.Given == "" || b.Given == "" || a.Surname == "" || a.Surname != b.Surname {
		return false
	}
	if a.Suffix != "" && b.Suffix != "" && a.Suffix != b.Suffix {
		return false
	}
	if !initialMatch(a.Given, b.Given) && !shortForm(a.Given, b.Given) {
		return false
	}
	for i := range min(len(a.Middle), len(b.Middle)) {
		if !initialMatch(a.Middle[i], b.Middle[i]) {
			return false
		}
	}
	return true
}

// initialMatch reports whether two folded name words are equal or one is
// a single letter that begins the other.
func initialMatch(a, b string) bool {
	switch {
	case a == b:
		return true
	case len(a) == 1:
		return strings.HasPrefix(b, a)
	case len(b) == 1:
		return strings.HasPrefix(a, b)
	}
	return false
}

// shortForm reports whether one given name is the other's first three
// letters or more, as a short form writes it: "Jeff" and "Jeffrey",
// "Chris" and "Christopher".
func shortForm(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 3 && strings.HasPrefix(b, a)
}

// Suffix returns the generational suffix a word spells ("Jr." → "jr",
// "III" → "iii", "3rd" → "iii"), or "".
func Suffix(word string) string {
	toks := words(fold(word))
	if len(toks) != 1 {
		return ""
	}
	return suffixes[toks[0]]
}

// words drops the comma tokens of fold.
func words(toks []string) []string {
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if t != "," {
			out = append(out, t)
		}
	}
	return out
}

func countWords(toks []string) int { return len(words(toks)) }

func hasWord(toks []string) bool {
	for _, t := range toks {
		if t != "," && !honorifics[t] {
			return true
		}
	}
	return false
}
