package annotate

import (
	"slices"
	"testing"
)

func TestOrgForms(t *testing.T) {
	m := lexiconModels(t)
	tests := []struct {
		name, in string
		want     []string
	}{
		{"bluebook corp", "See Bell Atl. Corp. v. Twombly, 550 U.S. 544 (2007).", []string{"Bell Atl. Corp."}},
		{"brand of two words, no head word", "he wired the money by Western Union and repaid it through Cash App", []string{"Western Union", "Cash App"}},
		{"newspaper, not its city", "as the New York Times reported", []string{"New York Times"}},
		{"a brand's product is no body of its own", "the files in his Google Drive folder", []string{"Google"}},
		{"court heading with its date", "IN THE COURT OF APPEALS 7/15/97\nOF THE\nSTATE OF MISSISSIPPI", []string{"COURT OF APPEALS"}},
		{"sheriff's office of a parish with a saint's epithet", "Sergeant John Doe of the St. John the Baptist Parish Sheriff's Office testified", []string{"St. John the Baptist Parish Sheriff's Office"}},
		{"state court with its district", "Missouri Court of Appeals, Western District\nJun 5, 2001", []string{"Missouri Court of Appeals, Western District"}},
		{"state court with its district and division", "Court of Appeal, First District, Division 1, California.", []string{"Court of Appeal, First District, Division 1"}},
		{"federal court with a district of a state", "United States District Court, Central District of California", []string{"United States District Court, Central District of California"}},
		{"a senior high school", "visited Jonesboro Senior High School for the purpose", []string{"Jonesboro Senior High School"}},
		{"senior still qualifies a judge", "GARLAND, Senior Circuit Judge, dissenting", nil},
		{"a court named by its part in the case", "TRIAL COURT DISPOSITION: JUDGMENT OF GUILT", nil},
		{"a trial division is a unit", "a prosecutor in the Trial Division of the office", []string{"Trial Division"}},
		{"bluebook unlisted abbreviation", "(quoting Shaw v. Dig. Equip. Corp., 82 F.3d 1194)", []string{"Dig. Equip. Corp."}},
		{"bluebook ampersand", "Res. Inc. v. Pa. Power & Light Co., 113 F.3d 405", []string{"Res. Inc.", "Pa. Power & Light Co."}},
		{"bluebook two heads", "In re Rockefeller Ctr. Props. Sec. Litig., 184 F.3d 280", []string{"Rockefeller Ctr. Props."}},
		{"bluebook dep't of", "Will v. Michigan Dep’t of State Police, 491 U.S. 58", []string{"Michigan Dep’t of State Police"}},
		{"bluebook title before", "Nixon v. Sec’y Pa. Dep’t of Corr., 501 F. App’x 176", []string{"Pa. Dep’t of Corr."}},
		{"bluebook wrapped", "see also A.M. v. Luzerne Cnty.\nJuvenile Detention Ctr., 372 F.3d 572", []string{"Luzerne Cnty.\nJuvenile Detention Ctr."}},
		{"bluebook comma inc", "See Household Credit Servs., Inc. v. Pfennig, 541 U.S. 232", []string{"Household Credit Servs., Inc."}},
		{"bluebook count before", "Three Luna Park Housing Corp. buildings", []string{"Luna Park Housing Corp."}},
		{"bluebook head alone", "the Dep’t. said so", nil},
		{"bluebook capitals", "DENVER, CO. 80202", nil},
		{"bluebook sentence end", "as the Court. Bell Atl. Corp. v. Twombly", []string{"Bell Atl. Corp."}},
		{"listed name and a head", "a dispatcher with the California Highway Patrol Department?", []string{"California Highway Patrol Department"}},
		{"university campus", "I go to California State University Northridge and that's all", []string{"California State University Northridge"}},
		{"university branch in a headline", "Loma Linda University Health to Pay $7.5 Million", []string{"Loma Linda University Health"}},
		{"university then title", "Stanford University Professor Jane Roe", []string{"Stanford University"}},
		{"members listed after carriers including", "The ring bilked 12 insurance carriers including Nationwide, Stonewood, USAA, CA Casualty, State Farm, and AAA.", []string{"Nationwide", "Stonewood", "USAA", "CA Casualty", "State Farm", "AAA"}},
		{"members listed after such as", "banks such as Wells Fargo and Chase Manhattan lent it", []string{"Wells Fargo", "Chase Manhattan"}},
		{"a list after including ends at lower case", "charged with crimes including Murder and gangs, including the members of it", nil},
		{"a prosecutor's title with its office's initials", "Today, the Orange County District Attorney (OCDA) charged a California Highway Patrol officer", []string{"Orange County District Attorney", "California Highway Patrol"}},
		{"a prosecutor's title alone is a title", "Orange County District Attorney Todd Spitzer said", nil},
		{"opinion status after a court", "Emanuel Garza, Appellant. A23-0128, Court of Appeals Precedential, February 5, 2024", []string{"Court of Appeals"}},
		{"status word inside a name goes on", "the Published Works Division of the Library", []string{"Published Works Division of the Library"}},
		{"repeated head qualifies a noun", "Exhibit F -- Lodi Unified School District School Psychologist's report", []string{"Lodi Unified School District"}},
		{"citation signal before a court", "Id. The Seventh Circuit held", []string{"Seventh Circuit"}},
		{"sentence adverb before a court", "Since the Court of Appeals decided", []string{"Court of Appeals"}},
		{"state intermediate court", "of a unanimous decision of the Court of Appeals, 268 N.C. App. 1", []string{"Court of Appeals"}},
		{"indefinite court", "the judgment of a Court of Appeals.", nil},
		{"state supreme court, name wrapped", "held by the New Jersey\nSupreme Court in", []string{"New Jersey\nSupreme Court"}},
		{"state court, other order", "the Court of Appeals of Indiana affirmed", []string{"Court of Appeals of Indiana"}},
		{"comma before LLC", "GIFT SURPLUS, LLC, and others", []string{"GIFT SURPLUS, LLC"}},
		{"suffixes in capitals", "ACME WIDGETS, INC., and ZENITH TOOLS CORP., Defendants", []string{"ACME WIDGETS, INC.", "ZENITH TOOLS CORP."}},
		{"suffix alone", "plaintiffs\n, LLC, and", nil},
		{"professional corporations", "Hyler & Agan PLLC, by George Hyler; and Grace, Tisdale, Clifton, P.A., by", []string{"Hyler & Agan PLLC", "Grace, Tisdale, Clifton, P.A."}},
		{"partners' names wrapped", "Hyler & Agan PLLC; and Grace, Tisdale,\n      Clifton, P.A., by", []string{"Hyler & Agan PLLC", "Grace, Tisdale,\n      Clifton, P.A."}},
		{"no wrap after a party", "for Plaintiffs,\nHyler & Agan PLLC by", []string{"Hyler & Agan PLLC"}},
		{"committee on a field", "a Senior Advisor to the House Permanent Select Committee on Intelligence; the Commission on Monday", []string{"House Permanent Select Committee on Intelligence"}},
		{"caption's two lines in capitals", "          IN THE UNITED STATES DISTRICT COURT\n             FOR THE DISTRICT OF MAINE\n", []string{"UNITED STATES DISTRICT COURT", "DISTRICT OF MAINE"}},
		{"court's name wrapped in running text", "Appeal from the United States District Court\n     for the Central District of California", []string{"United States District Court\n     for the Central District of California"}},
		{"armed service and probation office", "a retired United States Army Colonel; Karen Mar, U.S. Probation", []string{"United States Army", "U.S. Probation"}},
		{"probation alone", "He was placed on Probation for two years by the Army.", nil},
		{"lawyer before his firm", "Jeffrey Brown, Dechert, LLP", []string{"Dechert, LLP"}},
		{"head name with a suffix", "related to Allegiance Hospital of Many, LLC (", []string{"Allegiance Hospital of Many, LLC"}},
		{"date before a suffix", "On February 18, 2011, Kilgore LLC was", []string{"Kilgore LLC"}},
		{"person for a body", "Fred P. Baggett for North Carolina Association of Chiefs of Police;", []string{"North Carolina Association of Chiefs of Police"}},
		{"for within a name", "the Alliance for Justice Association", []string{"Alliance for Justice Association"}},
		{"docket number before a court", "No. 08-14991               ELEVENTH CIRCUIT", []string{"ELEVENTH CIRCUIT"}},
		{"column before a firm", "Steven S. Biss                  Bean, Kinney & Korman, P.C.", []string{"Bean, Kinney & Korman, P.C."}},
		{"case name before a court", "The Spring Motors Court held that the Alloway\nCourt", nil},
		{"title after a court word", "REALTIME COURT REPORTER", nil},
		{"court kinds", "in Baldwin Probate Court and the First Appearance Court", []string{"Baldwin Probate Court", "First Appearance Court"}},
		{"reporter page before a court", "F.3d 1360 United States District Court", []string{"United States District Court"}},
		{"of-tail double-spaced", "the Department of Health and Human\n\nServices and", []string{"Department of Health and Human\n\nServices"}},
		{"justified line", "the United      States   Department     of   Health and", []string{"United      States   Department     of   Health"}},
		{"company in capitals", "v.\nRELIANCE STANDARD LIFE INSURANCE COMPANY,", []string{"RELIANCE STANDARD LIFE INSURANCE COMPANY"}},
		{"generic head alone in capitals", "INSURANCE\nCOMPANY,", nil},
		{"generic words alone", "the Trust Company and the Claims Department", nil},
		{"enumerated heading", "A.     Section 1983", nil},
		{"major unit", "Assistant United States Attorney, Major Frauds Section", []string{"Major Frauds Section"}},
		{"major rank", "Major Smith of the Bureau", nil},
		{"adverb", "a Nationally Certified School Psychologist", nil},
		{"statute title", "in violation of Title 18 United States Code Section 1956", nil},
		{"police", "Officer Mary Campuzano from Santa Ana Police", []string{"Santa Ana Police"}},
		{"police wrapped", "Sergeant Jaime Gutierrez from Pomona Police\n\nDepartment.", []string{"Pomona Police\n\nDepartment"}},
		{"police commissioner is a title", "and New York City Police Commissioner Dermot Shea", nil},
		{"police alone", "He called the Police.", nil},
		{"police as a modifier", "C. Post-Filing Police Interference", nil},
		{"police and a cited head", "Karim-Panahi v. Los Angeles Police Dep't, 839 F.2d 621", []string{"Los Angeles Police Dep't"}},
		{"generic prison", "Why I Went to Federal Prison.", nil},
		{"prison", "an inmate at the New Jersey State Prison in Trenton", []string{"New Jersey State Prison"}},
		{"unincorporated association", "USA v Mongol Nation, an Unincorporated Association", []string{"Mongol Nation"}},
		{"of-tail wrapped", "we refer only to the Office of Juvenile\nAffairs for the purpose", []string{"Office of Juvenile\nAffairs"}},
		{"head word after of", "and report to the Division of Probation and Parole as directed.", []string{"Division of Probation and Parole"}},
		{"of-tail not wrapped onto a date", "Shelby\nCourt of Criminal Appeals\n05/28/25\nState of Tennessee v. Gaines", []string{"Court of Criminal Appeals"}},
		{"listed name, head, of-tail", "the DOI NYPD Squad of Detectives", []string{"NYPD Squad of Detectives"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, orgs := placesAndOrgs(m, tt.in)
			if !slices.Equal(orgs, tt.want) {
				t.Errorf("organizations in %q = %q, want %q", tt.in, orgs, tt.want)
			}
		})
	}
}

func TestCitedCourts(t *testing.T) {
	m := lexiconModels(t)
	tests := []struct {
		name, in string
		want     []string
	}{
		{"intermediate court", "People v. Roe, 216 P.3d 1 (Colo. App. 2009).", []string{"Colo. App."}},
		{"court words", "Doe v. Roe, 100 A.2d 1057 (N.J. Super. Ct. Law Div. 1994).", []string{"N.J. Super. Ct. Law Div."}},
		{"listed form keeps its name", "Smith v. State, 1 N.E.3d 1 (Ind. Ct. App. 2010)", []string{"Ind. Ct. App."}},
		{"date after the court", "Roe v. Doe, 2 A.3d 3 (Md. App. Jan. 4, 2005)", []string{"Md. App."}},
		{"state alone: its highest court", "Roe v. Doe, 2 N.E.2d 3 (Ill. 2005)", []string{"Ill."}},
		{"no court word", "(Cal. Penal Code § 187)", nil},
		{"no date", "(Colo. App. Ct. of something", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, orgs := placesAndOrgs(m, tt.in)
			if !slices.Equal(orgs, tt.want) {
				t.Errorf("organizations in %q = %q, want %q", tt.in, orgs, tt.want)
			}
		})
	}
}

// FuzzOrganizations: the organization rules (cited courts, firms, state
// court names) never panic on any text and return spans inside the words.
func FuzzOrganizations(f *testing.F) {
	for _, s := range []string{"(Colo. App. 2009)", "(N.J. Super. Ct. Law\nDiv. 1994)", "Gift Surplus, LLC", "Jeffrey Brown, Dechert, LLP",
		"the Spring Motors Court", "Department of Health and Human\n\nServices", "(", "(Md.", ", LLC", "No. 08-14991      ELEVENTH CIRCUIT"} {
		f.Add(s)
	}
	m := lexiconModels(f)
	f.Fuzz(func(t *testing.T, s string) {
		ws := splitWords([]rune(s))
		for _, sp := range findOrganizations(ws, m.gaz) {
			if sp.from < 0 || sp.to > len(ws) || sp.from >= sp.to {
				t.Fatalf("span [%d,%d) of %d words in %q", sp.from, sp.to, len(ws), s)
			}
		}
	})
}
