package charge

import (
	"strings"
	"testing"
	"unicode/utf8"

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
		{"listed offense with the use of a weapon", "a jury verdict, of conspiracy to commit robbery and robbery with the use of a deadly weapon. Eighth", "robbery with the use of a deadly weapon", "robbery with the use of a deadly weapon"},
		{"read offense with use of a weapon", "convicted of battery with use of a deadly weapon, victim 60 years of age", "battery with use of a deadly weapon", "battery with use of a deadly weapon"},
		{"while in possession of a weapon", "convicted of burglary while in possession of a firearm.", "burglary while in possession of a firearm", "burglary while in possession of a firearm"},
		{"guilt of the offense", "entered its final judgment of his guilt of the transfer of a controlled substance, in which", "transfer of a controlled substance", "transfer of a controlled substance"},
		{"guilty of the offense", "The jury found him guilty of the sale of a controlled substance.", "sale of a controlled substance", "sale of a controlled substance"},
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
		{"comma degree", "convicted of murder, second degree, and robbery", "murder, second degree", "murder in the second degree"},
		{"comma degree in capitals", "Criminal Possession of a Weapon, Second Degree.", "Criminal Possession of a Weapon, Second Degree", "criminal possession of a weapon in the second degree"},
		{"comma then the next offense's degree", "convicted of murder, second degree assault, and robbery", "murder", "murder"},
		{"comma then the next offense's degree 2", "convicted of murder, second degree assault, and robbery", "second degree assault", "assault in the second degree"},
		{"attempted", "attempted robbery in the first degree", "attempted robbery in the first degree", "attempted robbery in the first degree"},
		{"attempted generic", "Attempted Burglary in the second degree", "Attempted Burglary in the second degree", "attempted burglary in the second degree"},
		{"criminal attempt to commit", "was convicted of criminal attempt to commit second degree murder and", "criminal attempt to commit second degree murder", "criminal attempt to commit murder in the second degree"},
		{"criminal attempt to commit, no degree", "one count of criminal attempt to commit aggravated robbery.", "criminal attempt to commit aggravated robbery", "criminal attempt to commit aggravated robbery"},
		{"degree then attempted", "second-degree Attempted Murder", "second-degree Attempted Murder", "attempted murder in the second degree"},
		{"line break", "Conspiracy in the Fourth\n      Degree for", "Conspiracy in the Fourth\n      Degree", "conspiracy in the fourth degree"},
		{"hyphen at line end", "second-\ndegree Robbery,", "second-\ndegree Robbery", "robbery in the second degree"},
		{"coordinated", "fourth- and fifth-degree conspiracy", "fourth- and fifth-degree conspiracy", "conspiracy in the fourth degree"},
		{"coordinated list of degrees", "with first-, second- and third-degree criminal sale of a firearm;", "first-, second- and third-degree criminal sale of a firearm", "criminal sale of a firearm in the first degree"},
		{"coordinated list with a serial comma", "with first-, second-, and third-degree criminal sale of a firearm.", "first-, second-, and third-degree criminal sale of a firearm", "criminal sale of a firearm in the first degree"},
		{"coordinated after", "Assault in the First and Second Degrees", "Assault in the First and Second Degrees", "assault in the first degree"},
		{"parenthesized", "murder (second degree)", "murder (second degree)", "murder in the second degree"},
		{"seventh degree", "criminal possession of a controlled substance in the seventh degree", "criminal possession of a controlled substance in the seventh degree", "criminal possession of a controlled substance in the seventh degree"},
		{"generic title case", "pleaded guilty to Grand Larceny in the Second Degree.", "Grand Larceny in the Second Degree", "grand larceny in the second degree"},
		{"generic title case connectors", "convicted of Endangering the Welfare of a Child in the First Degree", "Endangering the Welfare of a Child in the First Degree", "endangering the welfare of a child in the first degree"},
		{"generic lower after", "convicted of falsifying business records in the first degree", "falsifying business records in the first degree", "falsifying business records in the first degree"},
		{"generic lower of head", "charged with criminal possession of stolen property in the fourth degree", "criminal possession of stolen property in the fourth degree", "criminal possession of stolen property in the fourth degree"},
		{"generic prefix", "and second-degree forgery, and", "second-degree forgery", "forgery in the second degree"},
		{"generic prefix run on", "second-degree forgery first-degree falsifying business records", "first-degree falsifying business records", "falsifying business records in the first degree"},
		{"generic prefix title", "first-degree Criminal Mischief.", "first-degree Criminal Mischief", "criminal mischief in the first degree"},
		{"generic coordinated", "fourth- and fifth-degree grand larceny", "fourth- and fifth-degree grand larceny", "grand larceny in the fourth degree"},
		{"generic coordinated list", "first-, second- and third-degree criminal nuisance of a widget", "first-, second- and third-degree criminal nuisance", "criminal nuisance in the first degree"},
		{"an ordinal without its hyphen is not in the list", "the first, second and third-degree murder counts", "second and third-degree murder", "murder in the second degree"},
		{"number then noun is no degree", "assault 2 officers", "assault", "assault"},
		{"number then digits is no degree", "robbery 1998", "robbery", "robbery"},
		{"lexicon name", "the aggravated sexual abuse count", "aggravated sexual abuse", "aggravated sexual abuse"},
		{"lexicon name in a context phrase", "convicted of aggravated sexual abuse of a child", "aggravated sexual abuse of a child", "aggravated sexual abuse of a child"},
		{"lexicon name with of", "charged with subornation of perjury.", "subornation of perjury", "subornation of perjury"},
		{"lexicon name with a degree", "Stalking in the Second Degree", "Stalking in the Second Degree", "stalking in the second degree"},
		{"lexicon name with a manner adjective", "a forced labor, indentured servitude, case", "forced labor", "forced labor"},
		{"lexicon name with a preposition", "charged with sale into involuntary servitude.", "sale into involuntary servitude", "sale into involuntary servitude"},
		{"sex assault in capitals", "ONE OF MY OTHER SEX ASSAULT CASES", "SEX ASSAULT", "sexual assault"},
		{"sexual assault", "charged with sexual assault.", "sexual assault", "sexual assault"},
		{"sexual assault with a degree after", "Sexual Assault in the First Degree", "Sexual Assault in the First Degree", "sexual assault in the first degree"},
		{"sexual assault with a degree before", "second-degree sexual assault", "second-degree sexual assault", "sexual assault in the second degree"},
		{"sexual assault with a number degree", "Sexual Assault 3rd", "Sexual Assault 3rd", "sexual assault in the third degree"},
		{"sexual battery", "convicted of sexual battery and theft", "sexual battery", "sexual battery"},
		{"sexual misconduct plural form", "two sex assaults", "sex assaults", "sexual assault"},
		{"sex trafficking stays", "sex trafficking of a minor", "sex trafficking", "sex trafficking"},
		{"lexicon name of theft", "attempted theft of trade secrets", "attempted theft of trade secrets", "attempted theft of trade secrets"},
		{"hyphenated name", "Vinton's weapons-possession offense", "weapons-possession", "weapons possession"},
		{"hyphenated at a line end", "a drug-\ntrafficking conspiracy", "drug-\ntrafficking conspiracy", "drug trafficking conspiracy"},
		{"degree of the felony class after the name", "charged with: • 18 Counts Robbery 2nd Degree Felony", "Robbery", "robbery"},
		{"degree of the misdemeanor class after the name", "pleaded to theft, a Class A misdemeanor, and Burglary 3rd Degree Misdemeanor.", "Burglary", "burglary"},
		{"count line with a felony class", "is being charged with:\n• 18 Counts Title Fraud 3rd Degree Felony\n• 18 Counts Official Misconduct 3rd Degree Felony", "Official Misconduct", "official misconduct"},
		{"count line, the name again in a headline", "Clerk Arrested in $3 Million Title Fraud Scheme\ncharged with:\n• 18 Counts Title Fraud 3rd Degree Felony", "Title Fraud", "title fraud"},
		{"count line with small words", "• 1 Count Promoting Sexual Performance by a Child\n• 2 Counts Interference with Custody", "Interference with Custody", "interference with custody"},
		{"degree after the name stays without a class", "convicted of Burglary 3rd Degree and", "Burglary 3rd Degree", "burglary in the third degree"},
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

// TestCountLineNotOffense: a count's line that names no offense in title
// case, and counts inside a sentence, give no charge.
func TestCountLineNotOffense(t *testing.T) {
	f, _ := New()
	for _, in := range []string{"• 3 counts were dismissed", "The jury acquitted on two Counts Seven and Eight", "• 18 Counts 3rd Degree Felony"} {
		for _, e := range f.Find(schemas.Page{Number: 1, Text: in}) {
			t.Errorf("Find(%q) = %q, want no charge", in, e.Text)
		}
	}
}

func TestDegreeNotOffense(t *testing.T) {
	f, _ := New()
	for _, in := range []string{"a second-degree felony", "third-degree burns", "first-degree relatives", "to the first degree", "a 2 degree slope", "in the second degree of kinship"} {
		for _, e := range f.Find(schemas.Page{Number: 1, Text: in}) {
			t.Errorf("Find(%q) = %q, want no charge", in, e.Text)
		}
	}
}

func TestAcronymNeedsCapitals(t *testing.T) {
	f, _ := New()
	for _, in := range []string{"the cpw 2 form", "Cpcs 3", "See Espinal-Domínguez v. Puerto Rico, 352 F.3d 490", "the rico count"} {
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

func TestOffenseLinkedToCitation(t *testing.T) {
	f, _ := New()
	tests := []struct{ in, cite, offense, statute string }{
		{"criminal possession of a weapon in the second degree (Penal Law § 265.03)", "Penal Law § 265.03", "criminal possession of a weapon in the second degree", "N.Y. Penal Law § 265.03"},
		{"robbery, in violation of Cal. Penal Code § 211", "Cal. Penal Code § 211", "robbery", "Cal. Penal Code § 211"},
		{"Penal Law § 265.03 (criminal possession of a weapon)", "Penal Law § 265.03", "criminal possession of a weapon", "N.Y. Penal Law § 265.03"},
		{"murder. The court then cited Penal Law § 125.25", "Penal Law § 125.25", "", "N.Y. Penal Law § 125.25"},
	}
	for _, tt := range tests {
		var found bool
		for _, e := range f.Find(schemas.Page{Number: 1, Text: tt.in}) {
			if e.Text == tt.cite {
				found = true
				if a := chargeAttrs(e); a.Offense != tt.offense || a.Statute != tt.statute {
					t.Errorf("Find(%q) %q: offense %q statute %q, want %q %q", tt.in, e.Text, a.Offense, a.Statute, tt.offense, tt.statute)
				}
			}
		}
		if !found {
			t.Errorf("Find(%q): no citation %q", tt.in, tt.cite)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"second-\ndegree Robbery, Murder 2°", "fourth- and fifth-degree grand larceny", "Grand Larceny in the Second Degree",
		"CPCS 3rd – 1 ct", "robbery (Penal Law § 160.15)", "in the second degree", "degree", "-degree x", "Attempted Murder in the",
		"• 18 Counts Title Fraud 3rd Degree Felony\n• 1 Count Human Trafficking/Coerce Comm Sex", "3 Counts\n", "Fraud 3rd Degree Felony", "an assault rifle"} {
		f.Add(s)
	}
	m, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			// Page text is UTF-8 (doctext and the record's JSON make it so);
			// textscan.ByteToRune counts a stray continuation byte with the
			// rune before it.
			t.Skip()
		}
		runes := []rune(s)
		for _, e := range m.Find(schemas.Page{Number: 1, Text: s}) {
			if e.Start < 0 || e.End > len(runes) || e.Start >= e.End || string(runes[e.Start:e.End]) != e.Text {
				t.Fatalf("Find(%q): entity %q at [%d,%d) is not its text", s, e.Text, e.Start, e.End)
			}
		}
	})
}

// TestLexiconKinds checks the generated lexicon against the heading
// kinds gen_lexicon.go leaves out: every name is a short phrase with no
// word of procedure, definition or offenses in general, and no heading of
// a definition or penalty section is in it.
func TestLexiconKinds(t *testing.T) {
	banned := map[string]bool{"defined": true, "definitions": true, "penalties": true, "penalty": true, "jurisdiction": true,
		"venue": true, "forfeiture": true, "exceptions": true, "applicability": true, "offenses": true, "crimes": true}
	n := 0
	for _, line := range strings.Split(lexiconTxt, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		n++
		ws := strings.Fields(line)
		if len(ws) > 4 {
			t.Errorf("lexicon name %q: more than four words", line)
		}
		for _, w := range ws {
			if banned[w] {
				t.Errorf("lexicon name %q: a word of a heading of procedure or definition", line)
			}
		}
	}
	if n < 50 {
		t.Errorf("lexicon holds %d names, want the offense headings of title 18 Part I (about 80)", n)
	}
}
