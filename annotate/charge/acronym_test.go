package charge

import (
	"testing"

	"github.com/casefile/casefile/schemas"
)

func TestDefinedAcronyms(t *testing.T) {
	f, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in string
		want     []string // texts of the charges whose offense is offense
		offense  string
	}{
		{"defined and used", "convicted of aggravated unlawful use of a weapon (AUUW) and sentenced. The AUUW statute was held",
			[]string{"aggravated unlawful use of a weapon", "AUUW", "AUUW"}, "aggravated unlawful use of a weapon"},
		{"with the", "convicted of predatory criminal sexual assault (the PCSA); the PCSA count", []string{"predatory criminal sexual assault", "PCSA", "PCSA"}, "predatory criminal sexual assault"},
		{"felon possession", "found guilty of unlawful possession of a weapon by a felon (UPWF). UPWF requires",
			[]string{"unlawful possession of a weapon by a felon", "UPWF", "UPWF"}, "unlawful possession of a weapon by a felon"},
		{"quoted initials", "was found guilty of aggravated unlawful use of a weapon (\"AUUW\"); the AUUW conviction",
			[]string{"aggravated unlawful use of a weapon", "AUUW", "AUUW"}, "aggravated unlawful use of a weapon"},
		{"curly-quoted initials", "convicted of aggravated unlawful use of a weapon (“AUUW”) and", []string{"aggravated unlawful use of a weapon", "AUUW"}, "aggravated unlawful use of a weapon"},
		{"per se after the initials", "pled guilty to driving under the influence (“DUI”) and DUI per se.", []string{"DUI per se"}, "driving under the influence per se"},
		{"unclosed quote", "convicted of aggravated unlawful use of a weapon (“AUUW) and", []string{"aggravated unlawful use of a weapon"}, "aggravated unlawful use of a weapon"},
		{"not its initials", "convicted of armed robbery (Count II) and", []string{"armed robbery"}, "armed robbery"},
		{"initials of something else", "convicted of home invasion (ISP) and", []string{"home invasion"}, "home invasion"},
		{"inside a word", "convicted of armed robbery (AR); ARMED", []string{"armed robbery", "AR"}, "armed robbery"},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range f.Find(schemas.Page{Number: 1, Text: tt.in}) {
			if chargeAttrs(e).Offense == tt.offense {
				got = append(got, e.Text)
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: Find(%q) charges %q = %q, want %q", tt.name, tt.in, tt.offense, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: Find(%q) charges %q = %q, want %q", tt.name, tt.in, tt.offense, got, tt.want)
				break
			}
		}
	}
}

func FuzzDefinedAcronyms(f *testing.F) {
	for _, s := range []string{"aggravated unlawful use of a weapon (AUUW). AUUW", "driving under the influence (the DUI)", "x (", "(AB)", "murder (M"} {
		f.Add(s, "aggravated unlawful use of a weapon")
	}
	f.Fuzz(func(t *testing.T, s, name string) {
		if name == "" {
			return
		}
		for e := 0; e <= len(s); e += 3 {
			for _, p := range definedAcronyms(s, []phrase{{0, e, name}}) {
				if p.s < 0 || p.e > len(s) || p.s >= p.e {
					t.Fatalf("definedAcronyms(%q, %d): span %d-%d", s, e, p.s, p.e)
				}
			}
		}
	})
}
