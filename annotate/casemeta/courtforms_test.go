package casemeta

import "testing"

// TestCourtForms covers court lines of CM/ECF reports and notices, a
// state court named with its county, and a decision's line naming the
// court below.
func TestCourtForms(t *testing.T) {
	tests := []struct{ page, want string }{
		{"U.S. District Court\nAlabama Middle District\nNotice of Electronic Filing\n", "almd"},
		{"U.S. District Court\nNew York Southern District\nNotice of Electronic Filing\n", "nysd"},
		{"U.S. District Court -- Texas Northern District\nNotice of Electronic Filing\n", "txnd"},
		{"US District Court Electronic Case Filing System\nDistrict of Utah (Central)\nCRIMINAL DOCKET FOR CASE #: 2:08-cr-00125-DAK-1\n", "utd"},
		// Pleading paper's line numbers in the margin are not part of the name.
		{"14                 UNITED STATES BANKRUPTCY COURT\n15      NORTHERN DISTRICT OF CALIFORNIA, SAN JOSE DIVISION\n", "canb"},
		{"United States Bankruptcy Court for the:\n\nNORTHERN DISTRICT OF GEORGIA\n", "ganb"},
		// A state's intermediate court named by its kind and the page's
		// state, where courts-db's name for it differs.
		{"Texas Judicial\nBranch\nFourteenth Court of Appeals\nCase:\n14-20-00001-CV\n", "texapp"},
		{"Oklahoma State Courts Network\nCourt of Appeals\nNo. 120001\n", "oklacivapp"},
		{"Texas\nFifth Circuit Court of Appeals\n", "ca5"}, // the federal court, not the state's
		// New York's Appellate Division by its own line, with its department.
		{"People v Roe\n2026 NY Slip Op 00001\nJanuary 6, 2026\nAppellate Division, First Department\nPublished by New York State Law Reporting Bureau\n", "nyappdiv"},
		// A district court of a county is a state's court, not the federal district's.
		{"In the District Court in and for Tulsa County, Oklahoma\nSTATE OF OKLAHOMA,\nPlaintiff,\nv.\nJOHN ROE,\n", ""},
		// The decree appealed from names the court below.
		{"Judgment, Supreme Court, New York County (Jane Roe, J.), rendered September 26, 2019, affirmed.\n", ""},
		{"Order and judgment (one paper), Supreme Court, Bronx County (John Doe, J.), entered May 1, 2020\n", ""},
	}
	for _, tt := range tests {
		if got, _, _ := court(tt.page); got != tt.want {
			t.Errorf("court(%q) = %q, want %q", tt.page, got, tt.want)
		}
	}
}
