package charge

import (
	"strings"
	"testing"
)

func TestParseGeneratedStateCitations(t *testing.T) {
	tests := []citeTest{
		{"alaska", "convicted under Alaska Stat. § 11.41.100(a)(1)(A)", [][]string{{"Alaska Stat. § 11.41.100(a)(1)(A)", "Alaska Stat. § 11.41.100(a)(1)(A)"}}},
		{"alaska ann", "in violation of Alaska Stat. Ann. § 11.71.030", [][]string{{"Alaska Stat. Ann. § 11.71.030", "Alaska Stat. § 11.71.030"}}},
		{"arkansas", "a Class Y felony, Ark. Code Ann. § 5-10-101", [][]string{{"Ark. Code Ann. § 5-10-101", "Ark. Code Ann. § 5-10-101"}}},
		{"arkansas without ann", "convicted of capital murder, Ark. Code § 5-10-101(a)(1)", [][]string{{"Ark. Code § 5-10-101(a)(1)", "Ark. Code Ann. § 5-10-101(a)(1)"}}},
		{"delaware title", "charged with Murder First Degree, Del. Code Ann. tit. 11, § 636(a)(1)", [][]string{{"Del. Code Ann. tit. 11, § 636(a)(1)", "Del. Code Ann. tit. 11, § 636(a)(1)"}}},
		{"hawaii", "convicted of murder in the second degree, Haw. Rev. Stat. § 707-701.5", [][]string{{"Haw. Rev. Stat. § 707-701.5", "Haw. Rev. Stat. § 707-701.5"}}},
		{"idaho", "guilty of aggravated battery, Idaho Code § 18-907", [][]string{{"Idaho Code § 18-907", "Idaho Code § 18-907"}}},
		{"maine title lettered", "convicted of murder, Me. Rev. Stat. Ann. tit. 17-A, § 201(1)(A)", [][]string{{"Me. Rev. Stat. Ann. tit. 17-A, § 201(1)(A)", "Me. Rev. Stat. Ann. tit. 17-A, § 201(1)(A)"}}},
		{"mississippi before", "convicted of capital murder under section 97-3-19(2)(e), Miss. Code Ann.", [][]string{{"section 97-3-19(2)(e)", "Miss. Code Ann. § 97-3-19(2)(e)"}}},
		{"montana", "charged with deliberate homicide, Mont. Code Ann. § 45-5-102", [][]string{{"Mont. Code Ann. § 45-5-102", "Mont. Code Ann. § 45-5-102"}}},
		{"nebraska", "convicted of first degree murder, Neb. Rev. Stat. § 28-303", [][]string{{"Neb. Rev. Stat. § 28-303", "Neb. Rev. Stat. § 28-303"}}},
		{"new hampshire colon", "convicted of second degree assault, N.H. Rev. Stat. Ann. § 631:2", [][]string{{"N.H. Rev. Stat. Ann. § 631:2", "N.H. Rev. Stat. Ann. § 631:2"}}},
		{"new mexico", "convicted of trafficking, N.M. Stat. Ann. § 30-31-20", [][]string{{"N.M. Stat. Ann. § 30-31-20", "N.M. Stat. Ann. § 30-31-20"}}},
		{"north dakota", "guilty of gross sexual imposition, N.D. Cent. Code § 12.1-20-03", [][]string{{"N.D. Cent. Code § 12.1-20-03", "N.D. Cent. Code § 12.1-20-03"}}},
		{"rhode island", "convicted of first-degree robbery, R.I. Gen. Laws § 11-39-1", [][]string{{"R.I. Gen. Laws § 11-39-1", "R.I. Gen. Laws § 11-39-1"}}},
		{"south dakota", "convicted of rape, S.D. Codified Laws § 22-22-1", [][]string{{"S.D. Codified Laws § 22-22-1", "S.D. Codified Laws § 22-22-1"}}},
		{"vermont title", "charged with aggravated assault, Vt. Stat. Ann. tit. 13, § 1024", [][]string{{"Vt. Stat. Ann. tit. 13, § 1024", "Vt. Stat. Ann. tit. 13, § 1024"}}},
		{"west virginia", "convicted of robbery, W. Va. Code § 61-2-12", [][]string{{"W. Va. Code § 61-2-12", "W. Va. Code § 61-2-12"}}},
		{"west virginia squeezed", "convicted of robbery, W.Va. Code § 61-2-12", [][]string{{"W.Va. Code § 61-2-12", "W. Va. Code § 61-2-12"}}},
		{"wyoming", "guilty of aggravated assault, Wyo. Stat. Ann. § 6-2-502(a)(iii)", [][]string{{"Wyo. Stat. Ann. § 6-2-502(a)(iii)", "Wyo. Stat. Ann. § 6-2-502(a)(iii)"}}},
		{"puerto rico title", "convicted under P.R. Laws Ann. tit. 33, § 4734", [][]string{{"P.R. Laws Ann. tit. 33, § 4734", "P.R. Laws Ann. tit. 33, § 4734"}}},
		{"guam pretitle", "charged with aggravated murder, 9 Guam Code Ann. § 16.30", [][]string{{"9 Guam Code Ann. § 16.30", "9 Guam Code Ann. § 16.30"}}},
		{"mass ann laws chapter", "convicted of armed robbery, Mass. Ann. Laws ch. 265, § 17", [][]string{{"Mass. Ann. Laws ch. 265, § 17", "Mass. Ann. Laws ch. 265, § 17"}}},
		{"civil context", "attorney's fees are awarded under Alaska Stat. § 09.60.010", nil},
		{"civil wage claim", "The wage statute, W. Va. Code § 21-5-4, requires payment.", nil},
		{"name alone", "see Idaho Code generally", nil},
		{"sentence period not a section part", "convicted of theft. Idaho Code § 18-2403.", [][]string{{"Idaho Code § 18-2403", "Idaho Code § 18-2403"}}},
		{"subsection list colorado", "sexual assault on a child, see § 18-3-405.3(1), (2)(a), C.R.S. 2024", [][]string{{"§ 18-3-405.3(1)", "Colo. Rev. Stat. § 18-3-405.3(1)"}}},
		{"subsection list then section", "§§ 18-3-202(1)(a), (2)(b), and 18-3-203, C.R.S. 2024", [][]string{{"§§ 18-3-202(1)(a)", "Colo. Rev. Stat. § 18-3-202(1)(a)"}, {"18-3-203", "Colo. Rev. Stat. § 18-3-203"}}},
		{"illinois criminal code", "section 9-1(a)(1) of the Criminal Code of 2012", [][]string{{"section 9-1(a)(1)", "720 ILCS 5/9-1(a)(1)"}}},
		{"illinois criminal code 1961", "Section 24-1.1(a) of the Criminal Code of 1961", [][]string{{"Section 24-1.1(a)", "720 ILCS 5/24-1.1(a)"}}},
		{"other criminal code", "section 2-1 of the Criminal Code of Procedure", nil},
	}
	runCiteTests(t, tests)
}

// TestGeneratedCodesCoverStates checks that every state and the District
// of Columbia has a code: hand-written or generated from statecodes.tsv.
func TestGeneratedCodesCoverStates(t *testing.T) {
	cited := map[string]string{
		"Alabama": "Ala. Code § 13A-5-40", "Alaska": "Alaska Stat. § 11.41.100", "Arizona": "A.R.S. § 13-1105",
		"Arkansas": "Ark. Code Ann. § 5-10-101", "California": "Cal. Penal Code § 187", "Colorado": "C.R.S. § 18-3-102",
		"Connecticut": "Conn. Gen. Stat. § 53a-54a", "Delaware": "Del. Code Ann. tit. 11, § 636", "District of Columbia": "D.C. Code § 22-2101",
		"Florida": "Fla. Stat. § 782.04", "Georgia": "O.C.G.A. § 16-5-1", "Hawaii": "Haw. Rev. Stat. § 707-701",
		"Idaho": "Idaho Code § 18-4001", "Illinois": "720 ILCS 5/9-1", "Indiana": "Ind. Code § 35-42-1-1",
		"Iowa": "Iowa Code § 707.2", "Kansas": "K.S.A. 21-5402", "Kentucky": "KRS 507.020",
		"Louisiana": "La. R.S. 14:30", "Maine": "Me. Rev. Stat. Ann. tit. 17-A, § 201", "Maryland": "Md. Code Ann., Crim. Law § 2-201",
		"Massachusetts": "G.L. c. 265, § 1", "Michigan": "MCL 750.316", "Minnesota": "Minn. Stat. § 609.185",
		"Mississippi": "Miss. Code Ann. § 97-3-19", "Missouri": "RSMo § 565.020", "Montana": "Mont. Code Ann. § 45-5-102",
		"Nebraska": "Neb. Rev. Stat. § 28-303", "Nevada": "NRS 200.010", "New Hampshire": "N.H. Rev. Stat. Ann. § 630:1",
		"New Jersey": "N.J.S.A. 2C:11-3", "New Mexico": "N.M. Stat. Ann. § 30-2-1", "New York": "N.Y. Penal Law § 125.25",
		"North Carolina": "N.C. Gen. Stat. § 14-17", "North Dakota": "N.D. Cent. Code § 12.1-16-01", "Ohio": "R.C. 2903.02",
		"Oklahoma": "Okla. Stat. tit. 21, § 701.7", "Oregon": "ORS 163.115", "Pennsylvania": "18 Pa.C.S. § 2502",
		"Rhode Island": "R.I. Gen. Laws § 11-23-1", "South Carolina": "S.C. Code Ann. § 16-3-10", "South Dakota": "S.D. Codified Laws § 22-16-4",
		"Tennessee": "Tenn. Code Ann. § 39-13-202", "Texas": "Tex. Penal Code § 19.02", "Utah": "Utah Code Ann. § 76-5-203",
		"Vermont": "Vt. Stat. Ann. tit. 13, § 2301", "Virginia": "Va. Code Ann. § 18.2-32", "Washington": "RCW 9A.32.030",
		"West Virginia": "W. Va. Code § 61-2-1", "Wisconsin": "Wis. Stat. § 940.01", "Wyoming": "Wyo. Stat. Ann. § 6-2-101",
	}
	if len(cited) != 51 {
		t.Fatalf("table has %d jurisdictions, want 51", len(cited))
	}
	for state, cite := range cited {
		cs := ParseCitations("He was convicted of the offense under " + cite + ".")
		if len(cs) != 1 {
			t.Errorf("%s: ParseCitations(%q) = %d citations, want 1", state, cite, len(cs))
		}
	}
}

func TestStatecodesHeader(t *testing.T) {
	for _, want := range []string{"Source: Free Law Project, reporters-db", "commit ", "BSD 2-clause licence", "Generated by gen_statecodes.go"} {
		if !strings.Contains(statecodesTSV, want) {
			t.Errorf("statecodes.tsv header lacks %q", want)
		}
	}
}
