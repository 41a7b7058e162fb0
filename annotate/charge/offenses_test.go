package charge

import (
	"testing"

	"github.com/casefile/casefile/schemas"
)

func TestOffenseForms(t *testing.T) {
	f, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in, text, offense string
	}{
		{"in the nth degree", "charged with murder in the second degree.", "murder in the second degree", "murder in the second degree"},
		{"hyphen prefix", "second-degree murder", "second-degree murder", "murder in the second degree"},
		{"space prefix", "second degree murder", "second degree murder", "murder in the second degree"},
		{"number", "Murder 2, Robbery 1", "Murder 2", "murder in the second degree"},
		{"number one", "Murder 2, Robbery 1", "Robbery 1", "robbery in the first degree"},
		{"degree sign", "Murder 2° and", "Murder 2°", "murder in the second degree"},
		{"ordinal in the", "murder in the 2nd degree", "murder in the 2nd degree", "murder in the second degree"},
		{"title case", "Criminal Possession of a Controlled Substance in the Third Degree", "Criminal Possession of a Controlled Substance in the Third Degree", "criminal possession of a controlled substance in the third degree"},
		{"ordinal degree after", "criminal possession of a controlled substance 3rd degree", "criminal possession of a controlled substance 3rd degree", "criminal possession of a controlled substance in the third degree"},
		{"acronym", "CPCS 3rd – 1 ct", "CPCS 3rd", "criminal possession of a controlled substance in the third degree"},
		{"acronym number", "CPW 2; ", "CPW 2", "criminal possession of a weapon in the second degree"},
		{"attempted", "attempted robbery in the first degree", "attempted robbery in the first degree", "attempted robbery in the first degree"},
		{"attempted generic", "Attempted Burglary in the second degree", "Attempted Burglary in the second degree", "attempted burglary in the second degree"},
		{"degree then attempted", "second-degree Attempted Murder", "second-degree Attempted Murder", "attempted murder in the second degree"},
		{"line break", "Conspiracy in the Fourth\n      Degree for", "Conspiracy in the Fourth\n      Degree", "conspiracy in the fourth degree"},
		{"hyphen at line end", "second-\ndegree Robbery,", "second-\ndegree Robbery", "robbery in the second degree"},
		{"coordinated", "fourth- and fifth-degree conspiracy", "fourth- and fifth-degree conspiracy", "conspiracy in the fourth degree"},
		{"coordinated after", "Assault in the First and Second Degrees", "Assault in the First and Second Degrees", "assault in the first degree"},
		{"parenthesized", "murder (second degree)", "murder (second degree)", "murder in the second degree"},
		{"seventh degree", "criminal possession of a controlled substance in the seventh degree", "criminal possession of a controlled substance in the seventh degree", "criminal possession of a controlled substance in the seventh degree"},
		{"number then noun is no degree", "assault 2 officers", "assault", "assault"},
		{"number then digits is no degree", "robbery 1998", "robbery", "robbery"},
	}
	for _, tt := range tests {
		var found bool
		for _, e := range f.Find(schemas.Page{Number: 1, Text: tt.in}) {
			if e.Text != tt.text {
				continue
			}
			found = true
			if got := chargeAttrs(e).Offense; got != tt.offense {
				t.Errorf("%s: Find(%q) %q offense %q, want %q", tt.name, tt.in, e.Text, got, tt.offense)
			}
		}
		if !found {
			t.Errorf("%s: Find(%q): no charge %q; got %v", tt.name, tt.in, tt.text, texts(f.Find(schemas.Page{Number: 1, Text: tt.in})))
		}
	}
}

func TestAcronymNeedsCapitals(t *testing.T) {
	f, _ := New()
	for _, in := range []string{"the cpw 2 form", "Cpcs 3"} {
		for _, e := range f.Find(schemas.Page{Number: 1, Text: in}) {
			t.Errorf("Find(%q) = %q, want no charge", in, e.Text)
		}
	}
}

func texts(es []schemas.Entity) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Text)
	}
	return out
}
