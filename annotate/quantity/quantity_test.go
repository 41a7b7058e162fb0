package quantity

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/casefile/casefile/schemas"
)

func TestFindQuantities(t *testing.T) {
	tests := []struct {
		in   string
		text string
		want *schemas.QuantityAttrs
	}{
		{"seized three kilograms of cocaine", "three kilograms of cocaine", &schemas.QuantityAttrs{Kind: "mass", Value: schemas.Number(3.0), Unit: "kg", Item: "cocaine"}},
		{"paid monthly dues of $25 to the gang", "$25", &schemas.QuantityAttrs{Kind: "money", Value: schemas.Number(25.0), Unit: "USD"}},
		{"450 grams of heroin", "450 grams of heroin", &schemas.QuantityAttrs{Kind: "mass", Value: schemas.Number(450.0), Unit: "g", Item: "heroin"}},
		{"280 grams or more of cocaine base", "280 grams or more of cocaine base", &schemas.QuantityAttrs{Kind: "mass", Value: schemas.Number(280.0), Unit: "g", Item: "cocaine base", Qualifier: "or more"}},
		{"sell one-half gram or more of methamphetamine, a Class B felony", "one-half gram or more of methamphetamine", &schemas.QuantityAttrs{Kind: "mass", Value: schemas.Number(0.5), Unit: "g", Item: "methamphetamine", Qualifier: "or more"}},
		{"he served one half of his sentence", "one half", nil},
		{"a loss of $1.2 million", "$1.2 million", &schemas.QuantityAttrs{Kind: "money", Value: schemas.Number(1.2e6), Unit: "USD"}},
		{"ordered to pay more than $2,500", "$2,500", &schemas.QuantityAttrs{Kind: "money", Value: schemas.Number(2500.0), Unit: "USD", Qualifier: "more than"}},
		// A qualifier at a line's end: the span starts at the number, not at the line break.
		{"claiming more than\nfive million dollars in damages", "five million dollars", &schemas.QuantityAttrs{Kind: "money", Value: schemas.Number(5e6), Unit: "USD", Qualifier: "more than"}},
		{"set at $300,000 cash over\n $300,000 bond", "$300,000", &schemas.QuantityAttrs{Kind: "money", Value: schemas.Number(3e5), Unit: "USD", Qualifier: "over"}},
		{"sentenced to at least\r\n10 years", "10 years", &schemas.QuantityAttrs{Kind: "duration", Value: schemas.Number(10.0), Unit: "year", Qualifier: "at least"}},
		{"USD 500 in cash", "USD 500", &schemas.QuantityAttrs{Kind: "money", Value: schemas.Number(500.0), Unit: "USD"}},
		{"ten thousand dollars", "ten thousand dollars", &schemas.QuantityAttrs{Kind: "money", Value: schemas.Number(1e4), Unit: "USD"}},
		{"sentenced to 120 months in prison", "120 months in prison", &schemas.QuantityAttrs{Kind: "duration", Value: schemas.Number(120.0), Unit: "month"}},
		{"faces 10 years' imprisonment", "10 years' imprisonment", &schemas.QuantityAttrs{Kind: "duration", Value: schemas.Number(10.0), Unit: "year"}},
		{"he received life imprisonment", "life imprisonment", &schemas.QuantityAttrs{Kind: "duration", Unit: "life"}},
		{"each faces life in federal prison.", "life in federal prison", &schemas.QuantityAttrs{Kind: "duration", Unit: "life"}},
		{"The trial court properly imposed the 12-month prison sentence where", "12-month prison sentence", &schemas.QuantityAttrs{Kind: "duration", Value: schemas.Number(12.0), Unit: "month"}},
		{"to amend the complaint to include a three-year mandatory minimum sentence under", "three-year mandatory minimum sentence", &schemas.QuantityAttrs{Kind: "duration", Value: schemas.Number(3.0), Unit: "year"}},
		{"a three-year prison investigation", "", nil},
		{"to perform 150 hours of community service work and", "150 hours of community service work", &schemas.QuantityAttrs{Kind: "duration", Value: schemas.Number(150.0), Unit: "hour", Item: "community service work"}},
		{"the jury deliberated for 12 hours before it was sentenced", "12 hours", nil},
		{"at least 200 hours of unpaid community service.", "200 hours of unpaid community service", &schemas.QuantityAttrs{Kind: "duration", Value: schemas.Number(200.0), Unit: "hour", Item: "unpaid community service", Qualifier: "at least"}},
		{"charged with four murders", "four murders", &schemas.QuantityAttrs{Kind: "count", Value: schemas.Number(4.0), Unit: "count", Item: "murders"}},
		{"faces 12 attempted murders", "12 attempted murders", &schemas.QuantityAttrs{Kind: "count", Value: schemas.Number(12.0), Unit: "count", Item: "murders"}},
		{"about 30 members of the enterprise", "30 members", &schemas.QuantityAttrs{Kind: "count", Value: schemas.Number(30.0), Unit: "count", Item: "members", Qualifier: "about"}},
		{"the gang's six cliques", "six cliques", &schemas.QuantityAttrs{Kind: "count", Value: schemas.Number(6.0), Unit: "count", Item: "cliques"}},
		{"an 88-count indictment", "88-count indictment", &schemas.QuantityAttrs{Kind: "count", Value: schemas.Number(88.0), Unit: "count", Item: "counts"}},
		{"five counts of first-degree Criminal Use of a Firearm", "five counts of first-degree Criminal Use of a Firearm", &schemas.QuantityAttrs{Kind: "count", Value: schemas.Number(5.0), Unit: "count", Item: "counts of criminal use of a firearm in the first degree"}},
		{"and one count of carrying a dangerous weapon.", "one count of carrying a dangerous weapon", &schemas.QuantityAttrs{Kind: "count", Value: schemas.Number(1.0), Unit: "count", Item: "counts of carrying a dangerous weapon"}},
		{"two counts of threatening in the second degree, and", "two counts of threatening in the second degree", &schemas.QuantityAttrs{Kind: "count", Value: schemas.Number(2.0), Unit: "count", Item: "counts of threatening in the second degree"}},
		{"pled guilty to three counts of second-degree forgery.", "three counts of second-degree forgery", &schemas.QuantityAttrs{Kind: "count", Value: schemas.Number(3.0), Unit: "count", Item: "counts of forgery in the second degree"}},
		{"is being charged with:\n• 18 Counts Title Fraud 3rd Degree Felony\n", "18 Counts Title Fraud", &schemas.QuantityAttrs{Kind: "count", Value: schemas.Number(18.0), Unit: "count", Item: "counts of title fraud"}},
		{"charged with:\n• 18 Counts Official Misconduct 3rd Degree Felony\n", "18 Counts Official Misconduct", &schemas.QuantityAttrs{Kind: "count", Value: schemas.Number(18.0), Unit: "count", Item: "counts of official misconduct"}},
		{"• 2 Counts Interference with Custody\n• 1 Count Kidnapping", "2 Counts Interference with Custody", &schemas.QuantityAttrs{Kind: "count", Value: schemas.Number(2.0), Unit: "count", Item: "counts of interference with custody"}},
		{"convicted of one count of first degree premeditated murder, twelve", "one count of first degree premeditated murder", &schemas.QuantityAttrs{Kind: "count", Value: schemas.Number(1.0), Unit: "count", Item: "counts of premeditated murder in the first degree"}},
		{"two counts of first-degree unlawful transaction with a minor;", "two counts of first-degree unlawful transaction with a minor", &schemas.QuantityAttrs{Kind: "count", Value: schemas.Number(2.0), Unit: "count", Item: "counts of unlawful transaction with a minor in the first degree"}},
		{"charged with two felony counts of assault with a deadly weapon and", "two felony counts of assault with a deadly weapon", &schemas.QuantityAttrs{Kind: "count", Value: schemas.Number(2.0), Unit: "count", Item: "counts of assault with a deadly weapon"}},
		{"pleaded guilty to one misdemeanor count of vandalism.", "one misdemeanor count of vandalism", &schemas.QuantityAttrs{Kind: "count", Value: schemas.Number(1.0), Unit: "count", Item: "counts of vandalism"}},
		{"convicted along with three related weapons charges.", "three related weapons charges", &schemas.QuantityAttrs{Kind: "count", Value: schemas.Number(3.0), Unit: "count", Item: "weapons charges"}},
		// Capitals whose lower case is longer ("İ" is two bytes, "i̇"
		// three) or shorter (the Kelvin sign, three bytes, "k" one) must
		// not shift the hint words' window off the number: Find read the
		// window in a Unicode-lowered copy, and panicked on such pages.
		{strings.Repeat("İ", 100) + " seized three kilograms of cocaine", "three kilograms of cocaine", &schemas.QuantityAttrs{Kind: "mass", Value: schemas.Number(3.0), Unit: "kg", Item: "cocaine"}},
		{strings.Repeat("\u212a", 100) + " seized three kilograms of cocaine", "three kilograms of cocaine", &schemas.QuantityAttrs{Kind: "mass", Value: schemas.Number(3.0), Unit: "kg", Item: "cocaine"}},
		{"a 15-year-old boy", "", nil},
		{"in 2019 members met", "", nil},
	}
	for _, tt := range tests {
		ents := Find(schemas.Page{Number: 1, Text: tt.in})
		var got *schemas.Entity
		for i := range ents {
			if ents[i].Text == tt.text {
				got = &ents[i]
			}
		}
		switch {
		case tt.want == nil && got != nil:
			t.Errorf("Find(%q) found %q %v, want nothing there", tt.in, got.Text, got.Attrs)
		case tt.want != nil && got == nil:
			t.Errorf("Find(%q) = %v, want %q", tt.in, ents, tt.text)
		case tt.want != nil:
			if diff := cmp.Diff(tt.want, got.Attrs); diff != "" {
				t.Errorf("Find(%q) attrs (-want +got):\n%s", tt.in, diff)
			}
		}
	}
}
