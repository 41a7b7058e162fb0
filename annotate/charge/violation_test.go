package charge

import (
	"testing"

	"github.com/casefile/casefile/annotate/internal/textscan"
)

func TestViolationOffenses(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // phrase texts, in order
	}{
		{"judgment list item", "the offense(s) of:\n  Mail Fraud, Aiding and Abetting, Causing an Act to Be Done in violation of 18 USC Section 1341",
			[]string{"Causing an Act to Be Done"}},
		{"judgment first item after colon", "convicted as charged of the offense(s) of:\n   Conspiracy to Commit Mail Fraud in violation of 18 USC Section 1349",
			[]string{"Conspiracy to Commit Mail Fraud"}},
		{"item after and", "Count 1 and Wire Fraud Conspiracy in violation of 18 U.S.C. § 1349", []string{"Wire Fraud Conspiracy"}},
		{"with phrase", "and third with operating an unlicensed money transmitting business in violation of Section 1960",
			[]string{"operating an unlicensed money transmitting business"}},
		{"with phrase over transcript lines", "and third with operating an\n\n 24     unlicensed money transmitting business in violation of\n\n 25     Section 1960",
			[]string{"operating an\n\n 24     unlicensed money transmitting business"}},
		{"verb is conduct", "he knowingly possessed a firearm in violation of 18 U.S.C. § 922(g)", nil},
		{"with a verb after", "he was charged with having possessed a firearm in violation of 18 U.S.C. § 922(g)", nil},
		{"no citation after", "Causing an Act to Be Done in violation of the rules", nil},
		{"caption in capitals", "UNITED STATES OF AMERICA, Plaintiff, in violation of 18 U.S.C. § 2", nil},
		{"person at line start", "John Smith in violation of 18 U.S.C. § 2", nil},
		{"one word", "the defendant, Smith in violation of 18 U.S.C. § 2", nil},
		{"after a count's label", "Counts 3 and 4, discharging a firearm into a dwelling, in violation of 21 O.S.2011, § 1289.17A ; Count 6, shooting with intent to kill, in violation of 21 O.S.2011, § 652 (A)",
			[]string{"discharging a firearm into a dwelling", "shooting with intent to kill"}},
		{"count's label, a long name", "and Counts 7 and 8, possession of a firearm after former conviction of a felony, in violation of 21 O.S.Supp.2014, § 1283 (A)",
			[]string{"possession of a firearm after former conviction of a felony"}},
		{"count's label, no comma before in", "Count 6, he shot the man in violation of 21 O.S.2011, § 652 (A)", nil},
		{"count's label, a clause with a digit", "Count 2, the jury found 3 acts, in violation of 21 O.S.2011, § 652 (A)", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range violationOffenses(tt.in, textscan.ToLowerASCII(tt.in)) {
			got = append(got, tt.in[p.s:p.e])
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: violationOffenses(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: violationOffenses(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
			}
		}
	}
}

func FuzzViolationOffenses(f *testing.F) {
	for _, s := range []string{
		"the offense(s) of:\n  Mail Fraud, Aiding and Abetting, Causing an Act to Be Done in violation of 18 USC Section 1341",
		"and third with operating an\n\n 24     unlicensed money transmitting business in violation of\n\n 25     Section 1960",
		"with in violation of 1", "in violation of", ", A B in violation of §", "with\nin violation of Title",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lower := textscan.ToLowerASCII(s)
		if len(lower) != len(s) {
			return
		}
		for _, p := range violationOffenses(s, lower) {
			if p.s < 0 || p.e > len(s) || p.s >= p.e {
				t.Fatalf("violationOffenses(%q): span %d-%d out of range", s, p.s, p.e)
			}
		}
	})
}
