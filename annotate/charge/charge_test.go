package charge

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/casefile/casefile/schemas"
)

func TestParseCitations(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"in violation of 18 U.S.C. § 1962(d).", []string{"18 U.S.C. § 1962(d)"}},
		{"21 U.S.C. §§ 841(a)(1) and 846", []string{"21 U.S.C. § 841(a)(1)", "21 U.S.C. § 846"}},
		{"Title 18, United States Code, Section 924(c)", []string{"18 U.S.C. § 924(c)"}},
		{"in violation of Title 18 United States Code Section 1956 H.", []string{"18 U.S.C. § 1956(h)"}},
		{"Title 18 United States Code Section 2 I think", []string{"18 U.S.C. § 2"}},
		{"18 USC 1959(a)(1)", []string{"18 U.S.C. § 1959(a)(1)"}},
		{"26 U.S.C. § 7201", []string{"26 U.S.C. § 7201"}},
		{"18 USC Section 1341, 18 USC Section 1349", []string{"18 U.S.C. § 1341", "18 U.S.C. § 1349"}},
		{"under 18 U.S.C. § 924(c)(1)(A) and later § 924(c)(1)(A)(ii)", []string{"18 U.S.C. § 924(c)(1)(A)", "18 U.S.C. § 924(c)(1)(A)(ii)"}},
		{"U.S.S.G. § 5E1.2", nil},
		// A bare section: title 18 on a page about a crime, unless a
		// source the codes table does not know is named before it, or
		// the page cites the section's title in full.
		{"he was convicted under § 924(c)(1)(A)(ii)", []string{"18 U.S.C. § 924(c)(1)(A)(ii)"}},
		{"the sentence imposed. Id. § 3553(a).", []string{"18 U.S.C. § 3553(a)"}},
		{"the lender violated § 1635(b) of the Act", nil},
		{"a four-year limitations period, see U.C.C. § 2-725(1), applies to crimes", nil},
		{"Restatement (Second) of Contracts §203(b); a prosecution", nil},
		{"with another State.” Art. I, §10, cl. 3. The crime", nil},
		{"N.C. Sess. Law 2006-6, §§ 4, 12, and the offense", nil},
		{"On discretionary review pursuant to N.C.G.S. § 7A-31 of a decision", nil},
		{"does not violate N.C.G.S. § 14-306.4, the ban on sweepstakes", []string{"N.C. Gen. Stat. § 14-306.4"}},
		{"granted under § 1328, a crime. § 1328 refers to 11 U.S.C. § 1328", nil},
		{"the defendant was sentenced under\n  12 § 924(c)", []string{"18 U.S.C. § 924(c)"}},
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
	m, err := New()
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
		{"Puerto Rico's RICO statute", "RICO", "racketeering", ""},
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
			if chargeAttrs(e).Offense != tt.offense || tt.statute != "" && chargeAttrs(e).Statute != tt.statute {
				t.Errorf("findCharges(%q) %q attrs %v, want offense %q statute %q", tt.in, e.Text, e.Attrs, tt.offense, tt.statute)
			}
		}
		if !found {
			t.Errorf("findCharges(%q): no charge %q", tt.in, tt.text)
		}
	}
}

func TestCountHeadings(t *testing.T) {
	m, _ := New()
	p := schemas.Page{Number: 1, Text: "COUNT ONE\nconspiracy to distribute\nCOUNT TWO\nmoney laundering"}
	ch := findCharges(p, m.statutes)
	attachCounts(p, ch)
	want := map[string]float64{"conspiracy to distribute": 1, "money laundering": 2}
	for _, c := range ch {
		if chargeAttrs(c).Count != want[c.Text] {
			t.Errorf("%q: count %v, want %v", c.Text, chargeAttrs(c).Count, want[c.Text])
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

// chargeAttrs returns a CHARGE entity's attributes, or empty ones.
func chargeAttrs(e schemas.Entity) schemas.ChargeAttrs {
	if a, ok := e.Attrs.(*schemas.ChargeAttrs); ok {
		return *a
	}
	return schemas.ChargeAttrs{}
}

// offenseCase is a table row of the offense tests: in holds a charge
// whose text is text and whose offense attribute is offense.
type offenseCase struct {
	name, in, text, offense string
}

// checkOffenses runs f over each row's in as one page and reports a row
// whose charge is missing or has another offense.
func checkOffenses(t *testing.T, f *Finder, tests []offenseCase) {
	t.Helper()
	for _, tt := range tests {
		var found bool
		got := f.Find(schemas.Page{Number: 1, Text: tt.in})
		for _, e := range got {
			if e.Text != tt.text {
				continue
			}
			found = true
			if o := chargeAttrs(e).Offense; o != tt.offense {
				t.Errorf("%s: Find(%q) %q offense %q, want %q", tt.name, tt.in, e.Text, o, tt.offense)
			}
		}
		if !found {
			t.Errorf("%s: Find(%q): no charge %q; got %q", tt.name, tt.in, tt.text, texts(got))
		}
	}
}
