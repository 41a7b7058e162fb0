package charge

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// citeTest is one text and the citations ParseCitations should find in it:
// each citation's text, then its statutes.
type citeTest struct {
	name string
	in   string
	want [][]string
}

func TestParseStateCitations(t *testing.T) {
	tests := []citeTest{
		{"ny full", "in violation of N.Y. Penal Law § 105.15.", [][]string{{"N.Y. Penal Law § 105.15", "N.Y. Penal Law § 105.15"}}},
		{"ny list", "Penal Law §§ 220.39(1) and 220.16", [][]string{{"Penal Law §§ 220.39(1)", "N.Y. Penal Law § 220.39(1)"}, {"220.16", "N.Y. Penal Law § 220.16"}}},
		{"ny PL", "CPW 2nd (PL 265.03)", [][]string{{"PL 265.03", "N.Y. Penal Law § 265.03"}}},
		{"ny words", "New York Penal Law section 125.25(1)", [][]string{{"New York Penal Law section 125.25(1)", "N.Y. Penal Law § 125.25(1)"}}},
		{"ny section of", "Section 265.03 of the Penal Law", [][]string{{"Section 265.03", "N.Y. Penal Law § 265.03"}}},
		{"ny not a public law", "P.L. 115-391", nil},
		{"cal hs of", "Section 11351 of the Health and Safety Code", [][]string{{"Section 11351", "Cal. Health & Safety Code § 11351"}}},
		{"cal penal", "Cal. Penal Code § 187(a)", [][]string{{"Cal. Penal Code § 187(a)", "Cal. Penal Code § 187(a)"}}},
		{"cal penal section", "Penal Code section 12022.53(d)", [][]string{{"Penal Code section 12022.53(d)", "Cal. Penal Code § 12022.53(d)"}}},
		{"cal PC", "charged with PC 245(a)(1)", [][]string{{"PC 245(a)(1)", "Cal. Penal Code § 245(a)(1)"}}},
		{"cal H&S", "H&S 11378", [][]string{{"H&S 11378", "Cal. Health & Safety Code § 11378"}}},
		{"cal veh", "Vehicle Code section 23152(a)", [][]string{{"Vehicle Code section 23152(a)", "Cal. Veh. Code § 23152(a)"}}},
		{"tex penal", "Tex. Penal Code § 22.02", [][]string{{"Tex. Penal Code § 22.02", "Tex. Penal Code § 22.02"}}},
		{"tex penal ann", "Tex. Penal Code Ann. § 19.03(a)(2)", [][]string{{"Tex. Penal Code Ann. § 19.03(a)(2)", "Tex. Penal Code § 19.03(a)(2)"}}},
		{"tex hs", "Texas Health and Safety Code Section 481.112", [][]string{{"Texas Health and Safety Code Section 481.112", "Tex. Health & Safety Code § 481.112"}}},
		{"fla", "Fla. Stat. § 893.13", [][]string{{"Fla. Stat. § 893.13", "Fla. Stat. § 893.13"}}},
		{"fla ann", "Fla. Stat. Ann. § 782.04(1)(a)", [][]string{{"Fla. Stat. Ann. § 782.04(1)(a)", "Fla. Stat. § 782.04(1)(a)"}}},
		{"fla after", "section 893.13(1)(a), Florida Statutes", [][]string{{"section 893.13(1)(a)", "Fla. Stat. § 893.13(1)(a)"}}},
		{"ilcs", "720 ILCS 5/9-1(a)(1) (West 2016)", [][]string{{"720 ILCS 5/9-1(a)(1)", "720 ILCS 5/9-1(a)(1)"}}},
		{"ilcs decimal", "720 ILCS 5/24-1.1(a)", [][]string{{"720 ILCS 5/24-1.1(a)", "720 ILCS 5/24-1.1(a)"}}},
		{"ill comp stat", "720 Ill. Comp. Stat. 570/401", [][]string{{"720 Ill. Comp. Stat. 570/401", "720 ILCS 570/401"}}},
		{"pa", "18 Pa.C.S. § 2502(a)", [][]string{{"18 Pa.C.S. § 2502(a)", "18 Pa.C.S. § 2502(a)"}}},
		{"pa csa", "18 Pa.C.S.A. § 907", [][]string{{"18 Pa.C.S.A. § 907", "18 Pa.C.S. § 907"}}},
		{"pa cons stat", "18 Pa. Cons. Stat. § 3701", [][]string{{"18 Pa. Cons. Stat. § 3701", "18 Pa.C.S. § 3701"}}},
		{"pa ps", "35 P.S. § 780-113(a)(30)", [][]string{{"35 P.S. § 780-113(a)(30)", "35 P.S. § 780-113(a)(30)"}}},
		{"ohio", "Ohio Rev. Code § 2903.02", [][]string{{"Ohio Rev. Code § 2903.02", "Ohio Rev. Code § 2903.02"}}},
		{"ohio rc", "in violation of R.C. 2925.03(A)(2)", [][]string{{"R.C. 2925.03(A)(2)", "Ohio Rev. Code § 2925.03(A)(2)"}}},
		{"ga", "O.C.G.A. § 16-5-1", [][]string{{"O.C.G.A. § 16-5-1", "O.C.G.A. § 16-5-1"}}},
		{"ga ann", "Ga. Code Ann. § 16-13-30(b)", [][]string{{"Ga. Code Ann. § 16-13-30(b)", "O.C.G.A. § 16-13-30(b)"}}},
		{"mo", "Mo. Rev. Stat. § 565.020", [][]string{{"Mo. Rev. Stat. § 565.020", "Mo. Rev. Stat. § 565.020"}}},
		{"mo rsmo after", "section 565.020, RSMo 2016", [][]string{{"section 565.020", "Mo. Rev. Stat. § 565.020"}}},
		{"mo rsmo before", "RSMo § 195.211", [][]string{{"RSMo § 195.211", "Mo. Rev. Stat. § 195.211"}}},
		{"mo subsection after a period", "murder in the second degree, § 565.021.1, RSMo 1994, and armed criminal action, § 571.015.", [][]string{
			{"§ 565.021.1", "Mo. Rev. Stat. § 565.021.1"}, {"§ 571.015", "Mo. Rev. Stat. § 571.015"}}},
		{"az", "A.R.S. § 13-1105", [][]string{{"A.R.S. § 13-1105", "A.R.S. § 13-1105"}}},
		{"az long", "Ariz. Rev. Stat. Ann. § 13-3407(A)(2)", [][]string{{"Ariz. Rev. Stat. Ann. § 13-3407(A)(2)", "A.R.S. § 13-3407(A)(2)"}}},
		{"colo after", "§ 18-3-102(1)(a), C.R.S. 2019", [][]string{{"§ 18-3-102(1)(a)", "Colo. Rev. Stat. § 18-3-102(1)(a)"}}},
		{"ind", "Ind. Code § 35-42-1-1", [][]string{{"Ind. Code § 35-42-1-1", "Ind. Code § 35-42-1-1"}}},
		{"dc", "D.C. Code § 22-4514(b).", [][]string{{"D.C. Code § 22-4514(b)", "D.C. Code § 22-4514(b)"}}},
		{"okla", "Okla. Stat. Ann. tit. 21, §§ 701.7(A), 801 (2000)", [][]string{{"Okla. Stat. Ann. tit. 21, §§ 701.7(A)", "Okla. Stat. tit. 21, § 701.7(A)"}, {"801", "Okla. Stat. tit. 21, § 801"}}},
		{"okla juvenile code defines no offense", "Okla. Stat. Ann. tit. 10, §§ 7301-1.3(4), 7303-4.3(A) (2000). Id. § 7303-\n4.3(B)", nil},
		{"okla os", "21 O.S. § 701.7", [][]string{{"21 O.S. § 701.7", "Okla. Stat. tit. 21, § 701.7"}}},
		{"okla os with its supplement's year", "in violation of 21 O.S.Supp.2014, § 1283 (A), in the District Court", [][]string{{"21 O.S.Supp.2014, § 1283 (A)", "Okla. Stat. tit. 21, § 1283(A)"}}},
		{"okla section with a capital letter", "in violation of 21 O.S.2011, § 1289.17A ; Count 5", [][]string{{"21 O.S.2011, § 1289.17A", "Okla. Stat. tit. 21, § 1289.17A"}}},
		{"okla motor vehicle section", "pled guilty to unauthorized use of a motor vehicle, in violation of 47 O.S.2021, § 4-102 , in the", [][]string{{"47 O.S.2021, § 4-102", "Okla. Stat. tit. 47, § 4-102"}}},
		{"okla procedure title in violation", "Count 1, racketeering, in violation of 22 O.S.2011, § 1403 (A);", [][]string{{"22 O.S.2011, § 1403 (A)", "Okla. Stat. tit. 22, § 1403(A)"}}},
		{"nj", "N.J.S.A. 2C:11-3(a)(1)", [][]string{{"N.J.S.A. 2C:11-3(a)(1)", "N.J. Stat. Ann. § 2C:11-3(a)(1)"}}},
		{"mich", "MCL 750.316", [][]string{{"MCL 750.316", "Mich. Comp. Laws § 750.316"}}},
		{"nc", "N.C. Gen. Stat. § 14-17", [][]string{{"N.C. Gen. Stat. § 14-17", "N.C. Gen. Stat. § 14-17"}}},
		{"wash", "RCW 9A.32.030", [][]string{{"RCW 9A.32.030", "Wash. Rev. Code § 9A.32.030"}}},
		{"va", "Va. Code Ann. § 18.2-32", [][]string{{"Va. Code Ann. § 18.2-32", "Va. Code § 18.2-32"}}},
		{"mass", "G.L. c. 265, § 1", [][]string{{"G.L. c. 265, § 1", "Mass. Gen. Laws ch. 265, § 1"}}},
		{"cfr", "36 C.F.R. § 2.35(b)(2)", [][]string{{"36 C.F.R. § 2.35(b)(2)", "36 C.F.R. § 2.35(b)(2)"}}},
		{"cfr no periods", "36 CFR 261.10(k)", [][]string{{"36 CFR 261.10(k)", "36 C.F.R. § 261.10(k)"}}},
		{"cfr title words", "Title 36, Code of Federal Regulations, Section 2.35", [][]string{{"Title 36, Code of Federal Regulations, Section 2.35", "36 C.F.R. § 2.35"}}},
		{"bare takes state code", "Okla. Stat. Ann. tit. 21, § 1435(G). Under § 1713(B), the court", [][]string{
			{"Okla. Stat. Ann. tit. 21, § 1435(G)", "Okla. Stat. tit. 21, § 1435(G)"},
			{"§ 1713(B)", "Okla. Stat. tit. 21, § 1713(B)"}}},
		{"bare state shape alone", "under § 7306-2.9(B), the court", nil},
		{"bare year not a sub", "Okla. Stat. Ann. tit. 21, § 1051(a) (2004)", [][]string{{"Okla. Stat. Ann. tit. 21, § 1051(a)", "Okla. Stat. tit. 21, § 1051(a)"}}},
		{"okla procedure defines no offense", "Okla. Stat. Ann. tit. 22, § 1051(a) (2004)", nil},
		{"okla procedure cited alone defines no offense", "as required by 22 O.S.2011, § 1051(A)", nil},
		{"bare range", "18 U.S.C. § 1962(d); see §§ 1961-1968", [][]string{{"18 U.S.C. § 1962(d)", "18 U.S.C. § 1962(d)"}, {"§§ 1961", "18 U.S.C. § 1961"}}},
		{"bare usc after state", "Mo. Rev. Stat. § 565.020 and 18 U.S.C. § 924(c); § 922(g)", [][]string{
			{"Mo. Rev. Stat. § 565.020", "Mo. Rev. Stat. § 565.020"}, {"18 U.S.C. § 924(c)", "18 U.S.C. § 924(c)"}, {"§ 922(g)", "18 U.S.C. § 922(g)"}}},
		{"firm and address", "Smith Group, PC\n2311 Main Street", nil},
		{"longer number", "Penal Law § 265.035", nil},
		{"mo list before name", "sections 565.020 and 565.021, RSMo", [][]string{{"sections 565.020", "Mo. Rev. Stat. § 565.020"}, {"565.021", "Mo. Rev. Stat. § 565.021"}}},
		{"cfr civil title", "12 C.F.R. § 226.23(a)(1)", nil},
		{"cfr civil title violated", "in violation of 12 C.F.R. § 226.23", [][]string{{"12 C.F.R. § 226.23", "12 C.F.R. § 226.23"}}},
		// A civil title's "§" is its own, not a bare section of the code
		// cited before it.
		{"cfr civil title after a charge", "36 C.F.R. § 2.35(b)(2) and 21 C.F.R. § 1308.12", [][]string{{"36 C.F.R. § 2.35(b)(2)", "36 C.F.R. § 2.35(b)(2)"}}},
		{"penal code after a civil code", "Cal. Penal Code § 187 and Cal. Civ. Code § 1714", [][]string{{"Cal. Penal Code § 187", "Cal. Penal Code § 187"}}},
		{"usc civil rights", "under 42 U.S.C. § 1983 and § 1997e(e)", nil},
		{"usc criminal in title 42", "42 U.S.C. § 1320a-7b(b)", [][]string{{"42 U.S.C. § 1320a", "42 U.S.C. § 1320a"}}},
		{"nj civil title", "N.J. Stat. Ann. § 2A:14-2(a)", nil},
		{"ky", "Ky. Rev. Stat. Ann. § 507.020(1)(a)", [][]string{{"Ky. Rev. Stat. Ann. § 507.020(1)(a)", "Ky. Rev. Stat. § 507.020(1)(a)"}}},
		{"ky krs", "in violation of KRS 218A.1412", [][]string{{"KRS 218A.1412", "Ky. Rev. Stat. § 218A.1412"}}},
		{"tenn", "Tenn. Code Ann. § 39-13-202(a)(1)", [][]string{{"Tenn. Code Ann. § 39-13-202(a)(1)", "Tenn. Code Ann. § 39-13-202(a)(1)"}}},
		{"tenn tca", "a Class B felony. See T.C.A. § 39-17-417(a)", [][]string{{"T.C.A. § 39-17-417(a)", "Tenn. Code Ann. § 39-17-417(a)"}}},
		{"tenn tca broken hyphen", "See T.C.A. §§ 39- 17-434 (2018)", [][]string{{"T.C.A. §§ 39- 17-434", "Tenn. Code Ann. § 39-17-434"}}},
		{"nm nmsa", "he pled guilty to murder, contrary to NMSA 1978, Section 30-2-1(A)(1) (1994)", [][]string{{"NMSA 1978, Section 30-2-1(A)(1)", "N.M. Stat. Ann. § 30-2-1(A)(1)"}}},
		{"nm nmsa sign", "convicted of battery, NMSA 1978, § 30-3-4", [][]string{{"NMSA 1978, § 30-3-4", "N.M. Stat. Ann. § 30-3-4"}}},
		{"nm bluebook", "convicted under N.M. Stat. Ann. § 30-16-3(A)", [][]string{{"N.M. Stat. Ann. § 30-16-3(A)", "N.M. Stat. Ann. § 30-16-3(A)"}}},
		{"nm civil", "immunity under NMSA 1978, Section 41-4-4 of the Tort Claims Act", nil},
		{"minn", "Minn. Stat. § 609.185(a)(1)", [][]string{{"Minn. Stat. § 609.185(a)(1)", "Minn. Stat. § 609.185(a)(1)"}}},
		{"minn subdivision", "nourishment and shelter under Minn. Stat. § 343.21, subd. 2 (2022) should", [][]string{{"Minn. Stat. § 343.21, subd. 2", "Minn. Stat. § 343.21, subd. 2"}}},
		{"minn statutes section", "under Minnesota Statutes section 609.485, subdivisions 1 and 2(1) (2020), is", [][]string{{"Minnesota Statutes section 609.485", "Minn. Stat. § 609.485"}}},
		{"wis", "Wis. Stat. § 940.01(1)(a)", [][]string{{"Wis. Stat. § 940.01(1)(a)", "Wis. Stat. § 940.01(1)(a)"}}},
		{"conn", "Conn. Gen. Stat. § 53a-54a", [][]string{{"Conn. Gen. Stat. § 53a-54a", "Conn. Gen. Stat. § 53a-54a"}}},
		{"la rs", "La. R.S. 14:30.1", [][]string{{"La. R.S. 14:30.1", "La. Stat. Ann. § 14:30.1"}}},
		{"la rev stat", "La. Rev. Stat. Ann. § 14:64", [][]string{{"La. Rev. Stat. Ann. § 14:64", "La. Stat. Ann. § 14:64"}}},
		{"md crim", "Md. Code Ann., Crim. Law § 2-201", [][]string{{"Md. Code Ann., Crim. Law § 2-201", "Md. Code, Crim. Law § 2-201"}}},
		{"sc", "S.C. Code Ann. § 16-3-10", [][]string{{"S.C. Code Ann. § 16-3-10", "S.C. Code Ann. § 16-3-10"}}},
		{"iowa", "Iowa Code § 707.2(1)(a)", [][]string{{"Iowa Code § 707.2(1)(a)", "Iowa Code § 707.2(1)(a)"}}},
		{"kan ksa", "K.S.A. 21-5402(a)(1)", [][]string{{"K.S.A. 21-5402(a)(1)", "Kan. Stat. Ann. § 21-5402(a)(1)"}}},
		{"or ors", "ORS 163.115", [][]string{{"ORS 163.115", "Or. Rev. Stat. § 163.115"}}},
		{"nev nrs", "NRS 200.010", [][]string{{"NRS 200.010", "Nev. Rev. Stat. § 200.010"}}},
		{"utah", "Utah Code Ann. § 76-5-203", [][]string{{"Utah Code Ann. § 76-5-203", "Utah Code Ann. § 76-5-203"}}},
		{"ala", "Ala. Code § 13A-5-40(a)(2)", [][]string{{"Ala. Code § 13A-5-40(a)(2)", "Ala. Code § 13A-5-40(a)(2)"}}},
		{"ala section after", "section 13A-6-2, Ala. Code 1975", [][]string{{"section 13A-6-2", "Ala. Code § 13A-6-2"}}},
		{"la civil title", "La. Rev. Stat. §§ 12:1", nil},
		{"ors name alone", "the ORS. 12 members", nil},
		{"usc habeas and jurisdiction", "a 28 U.S.C. § 2254 petition; see § 2254(d)(1); 28 U.S.C. § 1291", nil},
		{"usc bankruptcy", "11 U.S.C. §§ 521(1), 541(a)(7); 11 U.S.C. § 1328", nil},
		{"usc naturalization", "8 U.S.C. § 1427(a); § 1447(a)", nil},
		{"usc reentry in title 8", "8 U.S.C. § 1326(a)", [][]string{{"8 U.S.C. § 1326(a)", "8 U.S.C. § 1326(a)"}}},
		{"usc truth in lending", "15 U.S.C. § 1635(a)", nil},
		{"usc securities fraud in title 15", "15 U.S.C. § 78j(b)", [][]string{{"15 U.S.C. § 78j(b)", "15 U.S.C. § 78j(b)"}}},
		{"bare number broken at a line end", "Okla. Stat. Ann. tit. 21, § 1435(G). Id. § 1713-\n\n4.3(B).", [][]string{
			{"Okla. Stat. Ann. tit. 21, § 1435(G)", "Okla. Stat. tit. 21, § 1435(G)"}, {"§ 1713-\n\n4.3(B)", "Okla. Stat. tit. 21, § 1713-4.3(B)"}}},
		{"bare okla juvenile number broken at a line end", "Okla. Stat. Ann. tit. 10, § 7301-1.3(4). Id. § 7303-\n\n4.3(B).", nil},
	}
	runCiteTests(t, tests)
}

func runCiteTests(t *testing.T, tests []citeTest) {
	t.Helper()
	for _, tt := range tests {
		var got [][]string
		for _, c := range sortedCitations(tt.in) {
			row := []string{tt.in[c.Start:c.End]}
			for _, s := range c.Statutes {
				row = append(row, s.String())
			}
			got = append(got, row)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: ParseCitations(%q) (-want +got):\n%s", tt.name, tt.in, diff)
		}
	}
}

// sortedCitations returns ParseCitations(s) in order of position.
func sortedCitations(s string) []Citation {
	cs := ParseCitations(s)
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].Start < cs[j-1].Start; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
	return cs
}

func FuzzParseStateCitations(f *testing.F) {
	for _, s := range []string{"Penal Law §§ 220.39(1) and 220.16", "720 ILCS 5/9-1(a)(1) (West 2016)", "section 565.020, RSMo 2016",
		"Okla. Stat. Ann. tit. 10, §§ 7301-1.3(4), 7303-4.3(A) (2000). Under § 7306-2.9(B)", "Title 36, Code of Federal Regulations, Section 2.35",
		"§ 18-3-102(1)(a), C.R.S. 2019", "G.L. c. 265, § 1", "42 U.S.C. § 1983; § 1997e(e)", "PL 265.03 H&S 11378 PC 245(a)(1)",
		"convicted under Del. Code Ann. tit. 11, § 636(a)(1) and 9 Guam Code Ann. § 16.30", "§§ 18-3-202(1)(a), (2)(b), and 18-3-203, C.R.S. 2024",
		"guilty: W.Va. Code § 61-2-12; R.I. Gen. Laws § 11-39-1", "section 9-1(a)(1) of the Criminal Code of 2012"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range ParseCitations(s) {
			if c.Start < 0 || c.End > len(s) || c.Start >= c.End || len(c.Statutes) == 0 {
				t.Fatalf("ParseCitations(%q): bad citation %+v", s, c)
			}
			for _, st := range c.Statutes {
				if st.Section == "" || st.String() == "" {
					t.Fatalf("ParseCitations(%q): empty statute %+v", s, st)
				}
			}
		}
	})
}
