package charge

import (
	"testing"
	"unicode/utf8"

	"github.com/casefile/casefile/annotate/internal/textscan"
)

func TestGerundOffenses(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"apposition to a citation, statute frame left out", "you are charged with violating Title 18, United States Code, Section 922(a)(1)(A), engaging in the business of manufacturing firearms without a license, which is a felony.", []string{"manufacturing firearms without a license"}},
		{"apposition over transcript lines", "Section 922(a)(1)(A), engaging in the business of\n\n02:08   24    manufacturing firearms without a license, which", []string{"manufacturing firearms without a license"}},
		{"dealing in", "18 U.S.C. § 922(a)(1)(A), dealing in firearms without a license.", []string{"dealing in firearms without a license"}},
		{"before in violation of", "Count One charged him with dealing in firearms without a license in violation of 18 U.S.C. § 922(a)(1)(A).", []string{"dealing in firearms without a license"}},
		{"in furtherance of", "and possessing a firearm in furtherance of a drug trafficking crime in violation of 18 U.S.C. § 924(c)", []string{"possessing a firearm in furtherance of a drug trafficking crime"}},
		{"crime of violence", "§ 924(c)(1)(A), possessing a firearm in furtherance of a crime of violence.", []string{"possessing a firearm in furtherance of a crime of violence"}},
		{"conduct told by engaged", "defendant engaged in the business of manufacturing firearms without a license by making rifles", nil},
		{"conduct told by was", "he knew that he was manufacturing rifles without a license which was required", nil},
		{"no citation before", "Smith, manufacturing firearms without a license, was", nil},
		{"no gerund", "Section 5, firearms without a license", nil},
		{"no licence noun", "§ 922(a), dealing in firearms without a doubt", nil},
		{"capitalized object", "§ 922(a), dealing in Firearms without a license", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range gerundOffenses(tt.in, textscan.ToLowerASCII(tt.in)) {
			got = append(got, tt.in[p.s:p.e])
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: gerundOffenses(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: gerundOffenses(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
			}
		}
	}
}

func FuzzGerundOffenses(f *testing.F) {
	for _, s := range []string{
		"Section 922(a)(1)(A), engaging in the business of manufacturing firearms without a license, which",
		"dealing in firearms without a license in violation of 18 U.S.C. § 922(a)(1)(A).",
		"§ 924(c), possessing a firearm in furtherance of a crime of violence.",
		"without", "in furtherance of a", "x, in furtherance of any crime",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range gerundOffenses(s, textscan.ToLowerASCII(s)) {
			if p.s < 0 || p.e > len(s) || p.s >= p.e {
				t.Fatalf("gerundOffenses(%q): span %d-%d out of range", s, p.s, p.e)
			}
			if utf8.ValidString(s) && !utf8.ValidString(s[p.s:p.e]) {
				t.Fatalf("gerundOffenses(%q): span %d-%d cuts a character", s, p.s, p.e)
			}
		}
	})
}
