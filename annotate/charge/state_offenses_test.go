package charge

import (
	"testing"
	"unicode/utf8"

	"github.com/casefile/casefile/schemas"
)

// TestStateOffensePhrases covers the offense names of state filings that
// the phrase reader used to cut, the NIBRS names it takes whole, and the
// court language that names the person convicted or charged between the
// verb and its preposition.
func TestStateOffensePhrases(t *testing.T) {
	f, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in string
		want     []string // texts of the charges found, in order
	}{
		{"under the influence", "He was convicted of driving under the influence and resisting arrest.", []string{"driving under the influence", "resisting arrest"}},
		{"under the influence after while", "convicted of operating a vehicle while under the influence of alcohol", []string{"operating a vehicle while under the influence of alcohol"}},
		{"while ability impaired", "convicted of driving while ability impaired (DWAI) and", []string{"driving while ability impaired", "DWAI"}},
		{"while license suspended", "charged with driving while license suspended.", []string{"driving while license suspended"}},
		{"resisting law enforcement", "charged with resisting law enforcement", []string{"resisting law enforcement"}},
		{"gerund and a generic word is no charge", "charged with enforcing the law", nil},
		{"register as", "charged with failure to register as a sex offender", []string{"failure to register as a sex offender"}},
		{"degree before, child named with", "charged with first-degree unlawful transaction with a minor;", []string{"first-degree unlawful transaction with a minor"}},
		{"degree before, no child after with", "charged with first-degree unlawful transaction with a friend", []string{"first-degree unlawful transaction"}},
		{"degree before, grade word inside", "being a second-degree persistent felony offender (PFO).", []string{"second-degree persistent felony offender"}},
		{"degree after, grade word inside", "a persistent felony offender in the first degree shall be", []string{"persistent felony offender in the first degree"}},
		{"degree before a grade is no offense", "convicted of a second-degree felony", nil},
		{"grade word before charging nouns", "second-degree assault felony charges", []string{"second-degree assault"}},
		{"victim after upon", "and assault upon a police officer, contrary to", []string{"assault upon a police officer"}},
		{"victim after on, two words", "convicted of assault on a public servant", []string{"assault on a public servant"}},
		{"no victim after on a public street", "the assault on a public street", []string{"assault"}},
		{"premeditated, degree before", "convicted of first degree premeditated murder and attempted first degree premeditated murder", []string{"first degree premeditated murder", "attempted first degree premeditated murder"}},
		{"pending ends a phrase", "influenced by charges of grand larceny pending against her", []string{"grand larceny"}},
		{"an object pronoun makes a verb's phrase", "he contends Goss's failure to register him when she had", nil},
		{"an object pronoun after a sentence's end", "convicted of assault. Him", []string{"assault"}},
		{"during the commission of a felony", "convicted of employing a firearm during the commission of a dangerous felony, and", []string{"employing a firearm during the commission of a dangerous felony"}},
		{"during a dangerous felony", "one count of employment of a firearm during a dangerous felony, and", []string{"employment of a firearm during a dangerous felony"}},
		{"in the commission of a felony", "convicted of use of a firearm in the commission of a felony.", []string{"use of a firearm in the commission of a felony"}},
		{"during names a time", "charged with assault during a fight", []string{"assault"}},
		{"degree of the object of to commit", "convicted of conspiracy to commit first degree murder", []string{"conspiracy to commit first degree murder"}},
		{"degree before the object of to commit", "convicted of conspiracy to commit second-degree robbery and", []string{"conspiracy to commit second-degree robbery"}},
		{"degree after the object of to commit", "convicted of conspiracy to commit murder in the first degree", []string{"conspiracy to commit murder in the first degree"}},
		{"victim named", "convicted of sexual assault on a child by one in a position of trust", []string{"sexual assault on a child by one in a position of trust"}},
		{"no victim after on", "convicted of theft on a Tuesday", []string{"theft"}},
		{"listed gerund alone", "charged with shoplifting and disorderly conduct.", []string{"shoplifting", "disorderly conduct"}},
		{"listed with an article", "charged with sexual assault with an object", []string{"sexual assault with an object"}},
		{"listed with an ampersand", "convicted of breaking & entering", []string{"breaking & entering"}},
		{"under ends other phrases", "convicted of theft under the statute", []string{"theft"}},
		{"convicted defendant of", "A jury convicted defendant of aggravated battery and theft.", []string{"aggravated battery", "theft"}},
		{"convicted a named person of", "the court convicted defendant, John Roe, of theft", []string{"theft"}},
		{"acquitted him of", "The jury acquitted him of burglary and convicted him of criminal trespass.", []string{"burglary", "criminal trespass"}},
		{"charged him with", "The State charged him with battery resulting in bodily injury.", []string{"battery resulting in bodily injury"}},
		{"not guilty of", "He was found not guilty of theft.", []string{"theft"}},
		{"deadly weapon", "convicted of battery by means of a deadly weapon.", []string{"battery by means of a deadly weapon"}},
		{"initials end the name", "convicted of aggravated DUI and unlawful delivery of a controlled substance.", []string{"aggravated DUI", "unlawful delivery of a controlled substance"}},
		{"a participle alone is no charge", "convicted of aggravated Battery", nil},
		{"crime of violence is no offense", "Assault in the second degree is a crime of violence under the statute.", []string{"Assault in the second degree"}},
		{"child victim after of", "convicted of sexual abuse of a child.", []string{"sexual abuse of a child"}},
		{"not guilty to", "he pled not guilty to all counts", nil},
		{"convicted with no object", "convicted and sentenced", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range f.Find(schemas.Page{Number: 1, Text: tt.in}) {
				got = append(got, e.Text)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %q, want %q", tt.in, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.want)
				}
			}
		})
	}
}

// FuzzStatePhrases checks the phrase reader with the listed names and the
// person named after the verb on outside text: spans in range, and each
// charge's text the exact code-point span of its page.
func FuzzStatePhrases(f *testing.F) {
	for _, s := range []string{
		"He was convicted of driving under the influence and resisting arrest.",
		"convicted of driving while ability impaired (DWAI) and", "charged with failure to register as a sex offender",
		"convicted of sexual assault on a child by one in a position of trust", "convicted of breaking & entering",
		"the court convicted defendant, John Roe, of theft", "The State charged him with battery", "convicted him of",
		"found not guilty of", "charged with shoplifting and disorderly conduct.", "driving while license", "on a",
	} {
		f.Add(s)
	}
	fd, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // pages are UTF-8 (doctext's contract)
		}
		for _, p := range contextOffenses(s) {
			if p.s < 0 || p.e > len(s) || p.s >= p.e {
				t.Fatalf("contextOffenses(%q): span %d-%d out of range", s, p.s, p.e)
			}
		}
		ts := tokensFrom(s, 0, 64)
		for i := range ts {
			if k := listedAt(ts, i); k < i || k > len(ts) {
				t.Fatalf("listedAt(%q, %d) = %d", s, i, k)
			}
		}
		rs := []rune(s)
		for _, e := range fd.Find(schemas.Page{Number: 1, Text: s}) {
			if e.Start < 0 || e.End > len(rs) || e.Start >= e.End || string(rs[e.Start:e.End]) != e.Text {
				t.Fatalf("Find(%q): %q at %d-%d is not its text", s, e.Text, e.Start, e.End)
			}
		}
	})
}
