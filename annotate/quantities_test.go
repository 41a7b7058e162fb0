package annotate

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/casefile/casefile/schemas"
)

func TestFindQuantities(t *testing.T) {
	tests := []struct {
		in   string
		text string
		want map[string]any
	}{
		{"seized three kilograms of cocaine", "three kilograms of cocaine", map[string]any{"kind": "mass", "value": 3.0, "unit": "kg", "item": "cocaine"}},
		{"paid monthly dues of $25 to the gang", "$25", map[string]any{"kind": "money", "value": 25.0, "unit": "USD"}},
		{"450 grams of heroin", "450 grams of heroin", map[string]any{"kind": "mass", "value": 450.0, "unit": "g", "item": "heroin"}},
		{"280 grams or more of cocaine base", "280 grams or more of cocaine base", map[string]any{"kind": "mass", "value": 280.0, "unit": "g", "item": "cocaine base", "qualifier": "or more"}},
		{"a loss of $1.2 million", "$1.2 million", map[string]any{"kind": "money", "value": 1.2e6, "unit": "USD"}},
		{"ordered to pay more than $2,500", "$2,500", map[string]any{"kind": "money", "value": 2500.0, "unit": "USD", "qualifier": "more than"}},
		{"USD 500 in cash", "USD 500", map[string]any{"kind": "money", "value": 500.0, "unit": "USD"}},
		{"ten thousand dollars", "ten thousand dollars", map[string]any{"kind": "money", "value": 1e4, "unit": "USD"}},
		{"sentenced to 120 months in prison", "120 months in prison", map[string]any{"kind": "duration", "value": 120.0, "unit": "month"}},
		{"faces 10 years' imprisonment", "10 years' imprisonment", map[string]any{"kind": "duration", "value": 10.0, "unit": "year"}},
		{"he received life imprisonment", "life imprisonment", map[string]any{"kind": "duration", "value": nil, "unit": "life"}},
		{"charged with four murders", "four murders", map[string]any{"kind": "count", "value": 4.0, "unit": "count", "item": "murders"}},
		{"faces 12 attempted murders", "12 attempted murders", map[string]any{"kind": "count", "value": 12.0, "unit": "count", "item": "murders"}},
		{"about 30 members of the enterprise", "30 members", map[string]any{"kind": "count", "value": 30.0, "unit": "count", "item": "members"}},
		{"the gang's six cliques", "six cliques", map[string]any{"kind": "count", "value": 6.0, "unit": "count", "item": "cliques"}},
		{"an 88-count indictment", "88-count indictment", map[string]any{"kind": "count", "value": 88.0, "unit": "count", "item": "counts"}},
		{"five counts of first-degree Criminal Use of a Firearm", "five counts of first-degree Criminal Use of a Firearm", map[string]any{"kind": "count", "value": 5.0, "unit": "count", "item": "counts of criminal use of a firearm in the first degree"}},
		{"a 15-year-old boy", "", nil},
		{"in 2019 members met", "", nil},
	}
	for _, tt := range tests {
		ents := findQuantities(schemas.Page{Number: 1, Text: tt.in})
		var got *schemas.Entity
		for i := range ents {
			if ents[i].Text == tt.text {
				got = &ents[i]
			}
		}
		switch {
		case tt.want == nil && got != nil:
			t.Errorf("findQuantities(%q) found %q %v, want nothing there", tt.in, got.Text, got.Attrs)
		case tt.want != nil && got == nil:
			t.Errorf("findQuantities(%q) = %v, want %q", tt.in, ents, tt.text)
		case tt.want != nil:
			if diff := cmp.Diff(tt.want, wireAttrs(got.Attrs)); diff != "" {
				t.Errorf("findQuantities(%q) attrs (-want +got):\n%s", tt.in, diff)
			}
		}
	}
}

func TestParseCitations(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"in violation of 18 U.S.C. § 1962(d).", []string{"18 U.S.C. § 1962(d)"}},
		{"21 U.S.C. §§ 841(a)(1) and 846", []string{"21 U.S.C. § 841(a)(1)", "21 U.S.C. § 846"}},
		{"Title 18, United States Code, Section 924(c)", []string{"18 U.S.C. § 924(c)"}},
		{"18 USC 1959(a)(1)", []string{"18 U.S.C. § 1959(a)(1)"}},
		{"26 U.S.C. § 7201", []string{"26 U.S.C. § 7201"}},
		{"18 USC Section 1341, 18 USC Section 1349", []string{"18 U.S.C. § 1341", "18 U.S.C. § 1349"}},
		{"under 18 U.S.C. § 924(c)(1)(A) and later § 924(c)(1)(A)(ii)", []string{"18 U.S.C. § 924(c)(1)(A)", "18 U.S.C. § 924(c)(1)(A)(ii)"}},
		{"U.S.S.G. § 5E1.2", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range ParseCitations(tt.in) {
			for _, s := range c.Statutes {
				got = append(got, s.String())
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseCitations(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestFindCharges(t *testing.T) {
	m, err := LoadModels()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in, text, offense, statute string
	}{
		{"indicted for Murder in the Second Degree", "Murder in the Second Degree", "murder in the second degree", ""},
		{"second-degree Conspiracy", "second-degree Conspiracy", "conspiracy in the second degree", ""},
		{"1 ct Assault 2nd", "Assault 2nd", "assault in the second degree", ""},
		{"a RICO case", "RICO", "racketeering", ""},
		{"racketeering conspiracy", "racketeering conspiracy", "racketeering conspiracy", ""},
		{"in violation of 18 U.S.C. § 1951(a)", "18 U.S.C. § 1951(a)", "Hobbs Act robbery", "18 U.S.C. § 1951(a)"},
		{"26 U.S.C. § 7201", "26 U.S.C. § 7201", "tax evasion", "26 U.S.C. § 7201"},
	}
	for _, tt := range tests {
		var found bool
		for _, e := range findCharges(schemas.Page{Number: 1, Text: tt.in}, m.statutes) {
			if e.Text != tt.text {
				continue
			}
			found = true
			if charge(e).Offense != tt.offense || tt.statute != "" && charge(e).Statute != tt.statute {
				t.Errorf("findCharges(%q) %q attrs %v, want offense %q statute %q", tt.in, e.Text, e.Attrs, tt.offense, tt.statute)
			}
		}
		if !found {
			t.Errorf("findCharges(%q): no charge %q", tt.in, tt.text)
		}
	}
}

func TestCountHeadings(t *testing.T) {
	m, _ := LoadModels()
	p := schemas.Page{Number: 1, Text: "COUNT ONE\nconspiracy to distribute\nCOUNT TWO\nmoney laundering"}
	ch := findCharges(p, m.statutes)
	attachCounts(p, ch)
	want := map[string]float64{"conspiracy to distribute": 1, "money laundering": 2}
	for _, c := range ch {
		if charge(c).Count != want[c.Text] {
			t.Errorf("%q: count %v, want %v", c.Text, charge(c).Count, want[c.Text])
		}
	}
}

func FuzzParseCitations(f *testing.F) {
	for _, s := range []string{"18 U.S.C. § 1962(d)", "21 U.S.C. §§ 841(a)(1) and 846", "Title 18, United States Code, Section 924(c)", "18 USC 1959(a)(1)", "§ 924(c)(1)(A)(ii)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range ParseCitations(s) {
			if c.Start < 0 || c.End > len(s) || c.Start >= c.End || len(c.Statutes) == 0 {
				t.Fatalf("ParseCitations(%q): bad citation %+v", s, c)
			}
		}
	})
}
