package eval

import (
	"regexp"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The patterns are compiled at first use, not at every casefile start.
var (
	trailingAcronym = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s*\(\s*[A-Z][A-Za-z0-9.&-]*\s*\)\s*$`) })
	thousands       = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\d),(\d{3})`) })
	possessive      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\w)'s\b|(\w)s'(\s|$)`) })
	determiners     = []string{"the ", "a ", "an "}
	// personTitles are stripped from the front of PERSON strings (§3), the
	// longest first so that "special agent" goes before "agent".
	personTitles = []string{
		"united states attorney general", "us attorney general", "attorney general",
		"united states district judge", "us district judge", "district judge", "magistrate judge",
		"circuit judge", "chief judge", "special agent", "assistant united states attorney",
		"assistant us attorney", "united states attorney", "us attorney", "district attorney",
		"police commissioner", "commissioner", "then-president", "president", "detective",
		"sergeant", "lieutenant", "captain", "officer", "sheriff", "prosecutor", "general",
		"justice", "judge", "honorable", "hon", "agent", "mr", "mrs", "ms", "dr", "defendant",
	}
)

var lineNumberBreak = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\n[ \t]*\d{1,2}[ \t]+`) })

// Normalize puts a surface form in the comparable form of §9: NFKC,
// casefolded, straight quotes, possessives, periods and apostrophes
// dropped, thousands separators dropped, other punctuation (but $ € £ § %)
// as spaces, whitespace collapsed, leading determiners dropped; for PERSON
// also leading titles; a trailing parenthesized acronym dropped; the
// pleading-paper line number after a line break inside a mention dropped.
func Normalize(typ, s string) string {
	s = norm.NFKC.String(s)
	// A mention run over a line break skips the pleading-paper line
	// number that opens the next line, as the gold guidelines write it.
	s = lineNumberBreak().ReplaceAllString(s, " ")
	s = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`).Replace(s)
	s = trailingAcronym().ReplaceAllString(s, "")
	s = strings.ToLower(s)
	for thousands().MatchString(s) {
		s = thousands().ReplaceAllString(s, "$1$2")
	}
	s = possessive().ReplaceAllString(s, "$1$2$3")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '.' || r == '\'':
		case unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("$€£§%", r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	s = strings.Join(strings.Fields(b.String()), " ")
	for changed := true; changed; {
		changed = false
		for _, d := range determiners {
			if rest, ok := strings.CutPrefix(s, d); ok {
				s, changed = rest, true
			}
		}
		if typ == "PERSON" {
			for _, t := range personTitles {
				t = strings.ReplaceAll(t, ".", "")
				if rest, ok := strings.CutPrefix(s, t+" "); ok {
					s, changed = rest, true
					break
				}
			}
		}
	}
	return s
}

// stopwords may not be the only shared token of a lenient match.
var stopwords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "and": true, "in": true, "on": true, "for": true,
	"to": true, "at": true, "by": true, "or": true, "with": true, "from": true, "as": true, "de": true,
}

// contains reports whether tokens b occur contiguously in a.
func contains(a, b []string) bool {
	if len(b) == 0 || len(b) > len(a) {
		return false
	}
	for i := 0; i+len(b) <= len(a); i++ {
		match := true
		for j := range b {
			if a[i+j] != b[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

func hasContent(tokens []string) bool {
	for _, t := range tokens {
		if !stopwords[t] {
			return true
		}
	}
	return false
}
