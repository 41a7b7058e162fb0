package namekey

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzKey checks the promises of the keys over any text: no panic, keys
// folded (no letter that has a lower case left upper, no punctuation) and sorted, ASCII case ignored,
// Compatible symmetric and reflexive on names with a given name and
// surname.
func FuzzKey(f *testing.F) {
	for _, s := range []string{
		"Jose Doe", "DOE, JOSE A.", "Hon. Jane M. Roe, Esq.", "John Smith III", "Doe, Jr., Jose",
		"María de la Cruz", "O'Brien", "The Acme Company, Inc.", "U.S. Department of Justice",
		"MCDONALD", "Garcia-Lopez", ",,", "Mr.", "\u0301", "ß",
	} {
		f.Add(s, "John A. Doe")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		for _, k := range []string{Key(a), OrgKey(a)} {
			toks := strings.Split(k, " ")
			if k != "" && !slices.IsSorted(toks) {
				t.Fatalf("key %q of %q is not sorted", k, a)
			}
			for _, r := range k {
				// An upper-case letter with no lower case ("ϒ", left
				// when "ϔ" loses its diaeresis) is as folded as it gets.
				if unicode.IsUpper(r) && unicode.ToLower(r) != r || (unicode.IsPunct(r) && r != ' ') {
					t.Fatalf("key %q of %q is not folded", k, a)
				}
			}
		}
		if isASCII(a) && Key(a) != Key(strings.ToUpper(a)) {
			t.Fatalf("Key(%q) = %q but Key(upper) = %q", a, Key(a), Key(strings.ToUpper(a)))
		}
		if Compatible(a, b) != Compatible(b, a) {
			t.Fatalf("Compatible(%q, %q) is not symmetric", a, b)
		}
		if n := Parse(a); n.Given != "" && n.Surname != "" && !Compatible(a, a) {
			t.Fatalf("Compatible(%q, itself) is false", a)
		}
		_ = Title(a, false)
		_ = Title(a, true)
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
