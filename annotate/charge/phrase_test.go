package charge

import (
	"strings"
	"testing"

	"github.com/casefile/casefile/schemas"
)

func TestContextPhrases(t *testing.T) {
	f, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []offenseCase{
		{"convicted of", "he was convicted of capital murder and sentenced to life.", "capital murder", "capital murder"},
		{"gerund's two objects", "his conviction for depriving animals of nourishment and shelter under Minn. Stat. § 343.21, subd. 2", "depriving animals of nourishment and shelter", "depriving animals of nourishment and shelter"},
		{"victim after against", "Defendant’s convictions for cruelty against a child were supported by sufficient evidence", "cruelty against a child", "cruelty against a child"},
		{"same phrase again on the page", "convicted of capital murder. The capital murder case was reopened.", "capital murder", "capital murder"},
		{"charged with list", "they are charged with conspiracy, grand larceny, forgery and other charges.", "grand larceny", "grand larceny"},
		{"list last item", "they are charged with conspiracy, grand larceny, forgery and other charges.", "forgery", "forgery"},
		{"value threshold", "charged with theft by unauthorized control of property exceeding $100,000, burglary.", "theft by unauthorized control of property exceeding $100,000", "theft by unauthorized control of property exceeding $100,000"},
		{"value range", "charged with criminal damage to property between $500 and $10,000 — all felonies", "criminal damage to property between $500 and $10,000", "criminal damage to property between $500 and $10,000"},
		{"guilty with words between", "pled guilty as an adult in state court to attempted escape from custody, a crime", "attempted escape from custody", "attempted escape from custody"},
		{"including after crimes", "new crimes in 2003, including concealing stolen property and obstructing an officer, false declaration of ownership to a pawnbroker and uttering two or more bogus checks.", "uttering two or more bogus checks", "uttering two or more bogus checks"},
		{"gerund in list", "new crimes in 2003, including concealing stolen property and obstructing an officer.", "obstructing an officer", "obstructing an officer"},
		{"list past a defined short form", "convicted appellant of possession of phencyclidine (\"PCP\")1 and possession of liquid PCP.", "possession of liquid PCP", "possession of liquid pcp"},
		{"list past a parenthetical and a comma", "convicted of possession of cocaine (count 1), possession of heroin (count 2), and", "possession of heroin", "possession of heroin"},
		{"parenthesized offense", "charges, including conspiracy to commit a felony (armed robbery), concealing stolen property.", "armed robbery", "armed robbery"},
		{"being a status", "five charges, including possession of drugs while armed, and being a felon in possession of a firearm.", "felon in possession of a firearm", "felon in possession of a firearm"},
		{"shared possession phrase", "charges, including being a convicted felon and drug addict in possession of a firearm.", "convicted felon and drug addict in possession of a firearm", "convicted felon and drug addict in possession of a firearm"},
		{"while armed", "five charges, including possession of drugs while armed, and being", "possession of drugs while armed", "possession of drugs while armed"},
		{"line numbers of a transcript", "charged with attempted\n\n  12     escape from custody.", "attempted\n\n  12     escape from custody", "attempted escape from custody"},
		{"head with a firearm", "pled guilty to robbery with a firearm, even though", "robbery with a firearm", "robbery with a firearm"},
		{"attempt with a firearm", "his offense as attempted robbery with a firearm.", "attempted robbery with a firearm", "attempted robbery with a firearm"},
		{"conspiracy to commit object", "with conspiracy to commit money laundering in violation of", "conspiracy to commit money laundering", "conspiracy to commit money laundering"},
		{"conspiracy to commit a felony", "conspiracy to commit a felony (armed robbery)", "conspiracy to commit a felony", "conspiracy to commit a felony"},
		{"conspiracy to verb", "a charge of conspiracy to operate an unlicensed money transmitting business in violation of", "conspiracy to operate an unlicensed money transmitting business", "conspiracy to operate an unlicensed money transmitting business"},
		{"head conspiracy", "Murder conspiracy charged", "Murder conspiracy", "murder conspiracy"},
		{"degree for filing", "first-degree offering a false instrument for filing and", "first-degree offering a false instrument for filing", "offering a false instrument for filing in the first degree"},
		{"a degree's item does not end the list", "are variously charged with enterprise corruption, fourth-degree conspiracy, petit larceny and attempted petit larceny.", "attempted petit larceny", "attempted petit larceny"},
		{"nor a law's", "charged with forgery, social service law, petit larceny and robbery.", "petit larceny", "petit larceny"},
		{"one count each of a list", "found guilty of one count each of grand theft of a firearm and grand theft auto in case 23CR01234.", "grand theft auto", "grand theft auto"},
		{"charging a person with", "a wardship petition charging minor A.V., age 15, with felony possession of marijuana for sale and misdemeanor possession of concentrated cannabis.", "possession of marijuana for sale", "possession of marijuana for sale"},
		{"misdemeanor grade left out", "a wardship petition charging minor A.V., age 15, with felony possession of marijuana for sale and misdemeanor possession of concentrated cannabis.", "possession of concentrated cannabis", "possession of concentrated cannabis"},
		{"zone in digits ends the name", "charged with possession of cocaine within 1,000 feet of a school, a felony.", "possession of cocaine", "possession of cocaine"},
		{"drug-free zone", "He was indicted for distribution of crack cocaine and distribution of crack cocaine within one-half mile of a public park for selling crack to an informant.", "distribution of crack cocaine within one-half mile of a public park", "distribution of crack cocaine within one-half mile of a public park"},
		{"shooting at an occupied target", "He was charged with assault and shooting at an occupied vehicle.", "shooting at an occupied vehicle", "shooting at an occupied vehicle"},
		{"discharging into an inhabited dwelling", "convicted of discharging a firearm into an inhabited dwelling and", "discharging a firearm into an inhabited dwelling", "discharging a firearm into an inhabited dwelling"},
		{"on parole for", "He was on parole for witness intimidation when he was arrested.", "witness intimidation", "witness intimidation"},
		{"on federal probation for", "she is on federal probation for making false statements and", "making false statements", "making false statements"},
	}
	checkOffenses(t, f, tests)
}

func TestContextNotOffense(t *testing.T) {
	f, _ := New()
	tests := []struct{ in, not string }{
		{"he was charged with enforcing the rules", "enforcing"},
		{"she is in charge of computer operation", "computer operation"},
		{"impeachment by crimes of dishonesty", "dishonesty"},
		{"to plead not guilty and to continue pleading not guilty", "continue pleading"},
		{"withdraw any plea of not guilty in order to enter a plea of guilty to the Information", "enter a plea of guilty"},
		{"evidence of the offense of arrest inside the car", "arrest"},
		{"in custody on the second convictions for purposes of federal habeas", "purposes of federal habeas"},
		{"30 Gang Members Indicted For Widespread Gun Violence Over Six Year Period", "Widespread Gun Violence"},
		{"charged with a felony", "felony"},
		{"his conviction for second-degree drug possession, appellant Jane Roe argues that", "appellant"},
		{"found guilty of the crimes of the indictment", "crimes of the indictment"},
		{"the use of a firearm was an element", "use of a firearm was"},
		{"N.J.R.E. 509 did not include a crime-fraud exception, and", "fraud"},
		{"convicted of assault against a man who", "assault against a man"},
		{"characterizations of alleged fraud-loss computations.", "fraud"},
		{"Major Crimes Bureau Burglary-Robbery Task Force. Bell was", "Burglary"},
		{"charged with these offenses in the district court", "these offenses"},
		{"other charges, including accepting approximately $874,000 in bribes", "accepting approximately $874,000"},
		{"charged with attempting to escape and was never certified", "was never certified"},
		{"weapons possession and sales, and narcotics possession", "sales"},
		{"The crime of murder looks at the act", "murder looks"},
		{"using a firearm during a drug trafficking crime", "drug trafficking"},
		{"Chief of the Homicide Bureau", "Homicide"},
		{"sentences of life without parole for juvenile offenders", "juvenile offenders"},
		{"placed on probation for three years", "three years"},
		{"charged with robbing an armored Brinks truck", "robbing an armored"},
		{"found guilty of carrying out two brutal killings in the park", "carrying out two brutal killings"},
		{"charged with shooting at a party in the park", "shooting at a party"},
		{"placed on probation for a term of five years", "a term of five years"},
		{"sold a .9 mm Mac-11 assault weapon, .22 caliber Walther pistol", "assault"},
		{"possession of assault rifles is a felony", "assault"},
		{"six prior convictions and multiple convictions for domestic violence, brought in former and current family", "brought"},
	}
	for _, tt := range tests {
		for _, e := range f.Find(schemas.Page{Number: 1, Text: tt.in}) {
			if e.Text == tt.not {
				t.Errorf("Find(%q) = %q, want no such charge", tt.in, e.Text)
			}
		}
	}
}

func TestBareCivilAndGuidelines(t *testing.T) {
	for _, in := range []string{"liability under § 1983 for", "purposes of Section 1983.", "USSG §\n5E1.2(a), all fines"} {
		if got := ParseCitations(in); len(got) != 0 {
			t.Errorf("ParseCitations(%q) = %v, want none", in, got)
		}
	}
}

func FuzzContextOffenses(f *testing.F) {
	for _, s := range []string{
		"charged with theft by unauthorized control of property exceeding $100,000 and $500,000, burglary, and criminal damage to property between $500 and $10,000",
		"new crimes in 2003, including possession of a controlled dangerous substance (cocaine), conspiracy to commit a felony (armed robbery), concealing stolen property",
		"pled guilty as an adult in state court to attempted escape from\n\n  12   custody, a crime",
		"being a convicted felon and drug addict in possession of a firearm, and being a felon",
		"02:08   24    manufacturing firearms without a license, which", "guilty to $", "charged with (", "convicted of\n",
		"found guilty of unlawful possession of a weapon by a felon, a Class 2 felony, and armed habitual criminal",
		"Count I, Level 5 felony battery resulting in bodily injury", "grand theft, a felony of the third degree, and", "charged Smith with", "Level 3 felony",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range contextOffenses(s) {
			if p.s < 0 || p.e > len(s) || p.s >= p.e {
				t.Fatalf("contextOffenses(%q): span %d-%d out of range", s, p.s, p.e)
			}
		}
		for i := 0; i <= len(s); i += 7 {
			if e, _ := extendKnown(s, i, "conspiracy"); e < i || e > len(s) {
				t.Fatalf("extendKnown(%q, %d) = %d", s, i, e)
			}
		}
	})
}

// TestPhraseAt reads the offense phrase that opens the words after
// "counts of" (quantity's counts of counts), listed or not.
func TestPhraseAt(t *testing.T) {
	tests := []struct{ in, name string }{
		{" carrying a dangerous weapon. In March", "carrying a dangerous weapon"},
		{" threatening in the second degree, and one count", "threatening in the second degree"},
		{" use of a weapon to commit a felony. The district", "use of a weapon to commit a felony"},
		{" the indictment", ""},
		{" conviction", ""},
		{" the first degree", ""},
	}
	for _, tt := range tests {
		_, name, ok := PhraseAt(tt.in)
		if name != tt.name || ok != (tt.name != "") {
			t.Errorf("PhraseAt(%q) = %q, %v; want %q", tt.in, name, ok, tt.name)
		}
	}
}

func TestNameAt(t *testing.T) {
	tests := []struct{ in, text, name string }{
		{" second-degree forgery, and", "second-degree forgery", "forgery in the second degree"},
		{" first degree premeditated murder, twelve", "first degree premeditated murder", "premeditated murder in the first degree"},
		{" robbery with a firearm.", "robbery with a firearm", "robbery with a firearm"},
		{" the indictment charging murder", "", ""},
		{" 18 U.S.C. § 1951", "", ""},
	}
	for _, tt := range tests {
		end, name, ok := NameAt(tt.in)
		text := ""
		if ok {
			text = strings.TrimLeft(tt.in[:end], " ")
		}
		if name != tt.name || text != tt.text || ok != (tt.name != "") {
			t.Errorf("NameAt(%q) = %q (%q), %v; want %q (%q)", tt.in, name, text, ok, tt.name, tt.text)
		}
	}
}

// TestChapterSection: a bare section written with its own chapter cites a
// source no code pattern reads (a session law), not title 18.
func TestChapterSection(t *testing.T) {
	for _, c := range ParseCitations("convicted of murder; G.L. c. 127, § 133A, as amended through St. 2000, c. 159, § 230, providing for parole") {
		for _, st := range c.Statutes {
			if st.Section == "230" {
				t.Errorf("read %+v from a session law's chapter and section", st)
			}
		}
	}
}
