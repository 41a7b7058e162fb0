package quantity

import (
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/casefile/casefile/schemas"
)

// count is the attrs of a count, for the table.
func count(v float64, item, qual string) *schemas.QuantityAttrs {
	return &schemas.QuantityAttrs{Kind: schemas.KindCount, Value: schemas.Number(v), Unit: schemas.UnitCount, Item: item, Qualifier: qual}
}

func duration(v float64, unit, qual string) *schemas.QuantityAttrs {
	return &schemas.QuantityAttrs{Kind: schemas.KindDuration, Value: schemas.Number(v), Unit: unit, Qualifier: qual}
}

func TestFindForms(t *testing.T) {
	tests := []struct {
		name string
		in   string
		text string // the span wanted; "" for none anywhere
		want *schemas.QuantityAttrs
	}{
		// Counts of people, things and events, by the form of the phrase.
		{"plural", "He met three co-conspirators there.", "three co-conspirators", count(3, "co-conspirators", "")},
		{"modifier", "agents searched two storage units", "two storage units", count(2, "units", "")},
		{"hyphenated modifier", "serving two ten-year sentences", "two ten-year sentences", count(2, "sentences", "")},
		{"or more", "uttering two or more bogus checks.", "two or more bogus checks", count(2, "checks", "or more")},
		{"hyphenated number", "twenty-one defendants were", "twenty-one defendants", count(21, "defendants", "")},
		{"irregular plural", "two men died", "two men", count(2, "men", "")},
		{"plural modifying a plural", "when three police officers approached", "three police officers", count(3, "officers", "")},
		{"-s plural before a verb", "when the two scores occurs, examiners", "two scores", count(2, "scores", "")},
		{"digits", "seized 17 firearms and", "17 firearms", count(17, "firearms", "")},
		{"name in -s before a headline's plural", "Jury Convicts Three Des Moines Residents of Fraud", "Three Des Moines Residents", count(3, "residents", "")},
		{"name in -s before a plural in running text", "and three Des Moines residents were charged", "three Des Moines residents", count(3, "residents", "")},
		{"number opening a sentence after a name", "Agents searched a house in Fresno. Three rifles were found.", "Three rifles", count(3, "rifles", "")},
		{"one opening a sentence after a name", "Yes, Your Honor. One example comes to mind.", "", nil},
		{"thousands", "nearly 51,000 individuals were", "51,000 individuals", count(51000, "individuals", "nearly")},
		{"scale word", "353 million doses of methamphetamine", "353 million doses of methamphetamine", count(353e6, "doses of methamphetamine", "")},
		{"all caps", "AT LEAST 14 JURORS WOULD", "14 JURORS", count(14, "jurors", "at least")},
		{"title case", "Three Additional Shootings Charged", "Three Additional Shootings", count(3, "shootings", "")},
		{"partitive", "Three of the defendants pleaded", "Three of the defendants", count(3, "defendants", "")},
		{"partitive with number", "four of the five stolen watches were", "four of the five stolen watches", count(4, "watches", "")},
		{"partitive noun", "found two cans of mace in", "two cans of mace", count(2, "cans of mace", "")},
		{"of without partitive noun", "eight searches of apartments", "eight searches", count(8, "searches", "")},
		{"coordinated", "14 alleged members and associates of", "14 alleged members and associates", count(14, "members and associates", "")},
		{"one with a singular noun", "one drug test within 15 days", "one drug test", count(1, "test", "")},
		{"one with modifiers", "at least one particular electronic device was", "one particular electronic device", count(1, "device", "at least")},
		{"one before a verb", "One witness testified that", "One witness", count(1, "witness", "")},
		{"range", "between 10 and 20 pills", "between 10 and 20 pills", count(10, "pills", "to 20")},
		{"range to", "two to four officers arrived", "two to four officers", count(2, "officers", "to four")},
		{"range hyphen", "5-6 officers", "5-6 officers", count(5, "officers", "to 6")},
		{"pills with a drug", "sold 30 oxycodone tablets", "30 oxycodone tablets", count(30, "oxycodone tablets", "")},
		{"pills with a strength", "500 pills of 30 mg oxycodone", "500 pills of 30 mg oxycodone", count(500, "pills of 30 mg oxycodone", "")},
		{"times", "fired at least 13 times", "13 times", count(13, "times", "at least")},
		{"word count indictment", "charged in a two-count indictment", "two-count indictment", count(2, "counts", "")},
		{"single count", "pleaded to a single-count Information", "single-count Information", count(1, "counts", "")},

		// Not counts.
		{"label count", "guilty on Count Seven charges", "", nil},
		{"label rule", "Rule 11 hearings", "", nil},
		{"label no", "No. 3 defendants", "", nil},
		{"label page", "see page 12 notes", "", nil},
		{"section sign", "under § 5 cases", "", nil},
		{"year", "in 2019 members met", "", nil},
		{"date", "on June 5 shootings", "", nil},
		{"age", "a 15-year-old boy", "", nil},
		{"gang number", "members of the 8 Trey Crips", "", nil},
		{"gang hyphen", "the 8-Trey gang", "", nil},
		{"gang named by number words", "a member of the Four Corner Hustlers", "", nil},
		{"street address", "Leary, Bride, Tinker & Moran 7 Ridgedale Avenue Cedar Knolls, NJ 07927", "", nil},
		{"time unit", "two weeks later", "", nil},
		{"money unit", "ten dollars", "ten dollars", &schemas.QuantityAttrs{Kind: schemas.KindMoney, Value: schemas.Number(10.0), Unit: schemas.UnitUSD}},
		{"line number", "4   the court\n5 defendants were\n6   present", "", nil},
		{"number alone on its line", "the court\n14\n   IFF argues that", "", nil},
		{"wrapped line", "the court indicted\n14 alleged members", "14 alleged members", count(14, "members", "")},
		{"transcript line", "02:08    5    defendant was", "", nil},
		{"one of the", "one of the defendants", "", nil},
		{"the one", "The one person in the room", "", nil},
		{"no one", "no one saw", "", nil},
		{"one another", "spoke to one another", "", nil},
		{"pronoun partitive", "three of whom were", "", nil},
		{"acronym label", "WE HAVE MERV 8 PRE-FILTERS", "", nil},
		{"phone number", "(916) 379-9219\n\nJORDAN WELLS", "", nil},
		{"ordinal", "the 5th defendants", "", nil},
		{"thousands of", "thousands of users", "", nil},
		{"citation", "18 USC sections", "", nil},

		// Durations: ranges, fractions, life.
		{"to life", "sentenced to 15 years to life in prison", "15 years to life in prison", duration(15, "year", "to life")},
		{"fraction range", "a sentence of 8 1/3 to 25 years", "8 1/3 to 25 years", duration(25.0/3, "year", "to 25")},
		{"word range", "faces two to four years in prison", "two to four years in prison", duration(2, "year", "to four")},
		{"half", "three and a half years in prison", "three and a half years in prison", duration(3.5, "year", "")},
		{"possessive", "sixty months’ on the second count, imprisonment", "sixty months", duration(60, "month", "")},
		{"supervised release", "three years’ supervised release", "three years’ supervised release", duration(3, "year", "")},
		{"term of release", "a three-year term of supervised release", "three-year term of supervised release", duration(3, "year", "")},
		{"punishment in the penitentiary", "the jury fixed his punishment at thirty years in the penitentiary.", "thirty years", duration(30, "year", "")},
		{"parole eligibility", "the statute made him eligible for parole after twenty years.", "twenty years", duration(20, "year", "")},
		{"home confinement", "the 12 months of home confinement, we think", "12 months", duration(12, "month", "")},
		{"postincarceration supervision", "be subject to a five-year period of postincarceration supervision pursuant to", "five-year period of postincarceration supervision", duration(5, "year", "")},
		{"footnote marker", "a sexual performance by a minor;5 Counts IV, V, and VI were dismissed", "", nil},
		{"hyphen length", "a nearly three-year investigation into the prison", "", nil},
		{"strength", "a 30 mg dose", "30 mg", &schemas.QuantityAttrs{Kind: schemas.KindMass, Value: schemas.Number(30.0), Unit: "mg"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ents := Find(schemas.Page{Number: 1, Text: tt.in})
			checkSpans(t, tt.in, ents)
			if tt.want == nil {
				if tt.text == "" {
					for _, e := range ents {
						if a := e.Attrs.(*schemas.QuantityAttrs); a.Kind == schemas.KindCount || a.Kind == schemas.KindDuration {
							t.Errorf("Find(%q) found %q %+v, want no count or duration", tt.in, e.Text, a)
						}
					}
				}
				return
			}
			for _, e := range ents {
				if e.Text == tt.text {
					if diff := cmp.Diff(tt.want, e.Attrs); diff != "" {
						t.Errorf("Find(%q) attrs of %q (-want +got):\n%s", tt.in, tt.text, diff)
					}
					return
				}
			}
			var got []string
			for _, e := range ents {
				got = append(got, e.Text)
			}
			t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.text)
		})
	}
}

// checkSpans checks that each entity's text is its span of the page, in
// code points.
func checkSpans(t *testing.T, page string, ents []schemas.Entity) {
	t.Helper()
	runes := []rune(page)
	for _, e := range ents {
		if e.Start < 0 || e.End > len(runes) || e.Start >= e.End || string(runes[e.Start:e.End]) != e.Text {
			t.Errorf("entity %q has span [%d,%d) that does not hold it in %q", e.Text, e.Start, e.End, page)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"5", 5, true}, {"1,250", 1250, true}, {"2.5", 2.5, true}, {"twenty-one", 21, true},
		{"a dozen", 12, true}, {"one hundred and five", 105, true}, {"1/3", 1.0 / 3, true},
		{"8 1/3", 8 + 1.0/3, true}, {"8-1/2", 8.5, true}, {"three-and-a-half", 3.5, true},
		{"two and one-half", 2.5, true}, {"1/0", 0, false}, {"", 0, false}, {"five cats", 0, false},
		{"x/2", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseNumber(tt.in)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("parseNumber(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzParseNumber: the number reader never panics and returns only finite,
// non-negative values.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"5", "1,250", "8 1/3", "1/2", "three-and-a-half", "two and one-half", "twenty-one", "a dozen", "1/0", "99999999999999999999/1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := parseNumber(s)
		if ok && (v < 0 || v != v || v > 1e308) {
			t.Fatalf("parseNumber(%q) = %v", s, v)
		}
	})
}

// FuzzFind: counts, ranges and fractions over arbitrary text never panic,
// and every entity's text is its code-point span of the page.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"two or more bogus checks", "four of the five stolen watches", "8 1/3 to 25 years in prison",
		"15 years to life in prison", "between 10 and 20 pills", "500 pills of 30 mg oxycodone",
		"one particular electronic\n\ndevice", "five\n\ninstances of opening legal mail", "“800 YGz” GANG MEMBERS",
		"02:08    5    defendant", "$100, 000 cash", "353 million doses of meth", "two-count indictment",
		"\u212a\u212a 5 kilograms", "İİİ at least 3 pounds", // lower case of another length
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		checkSpans(t, s, Find(schemas.Page{Number: 1, Text: s}))
	})
}
