package casemeta

import "testing"

// TestHeadingCourt reads courts from the headings filings print, state and
// federal; a court courts-db does not hold (Missouri's circuit courts,
// Texas's district courts) is left empty rather than guessed.
func TestHeadingCourt(t *testing.T) {
	for _, tt := range []struct{ in, id, division string }{
		{"UNITED STATES BANKRUPTCY APPELLATE PANEL\n      FOR THE FIRST CIRCUIT\n", "bap1", ""},
		// "U.S." spelled out as courts-db's patterns spell it.
		{"U.S. Bankruptcy Court\nEastern District of Pennsylvania\nNotice of Electronic Filing\n", "paeb", ""},
		{"U.S. Bankruptcy Court\nDistrict of New Hampshire Live Database\nNotice of Electronic Filing\n", "nhb", ""},
		// A panel that is a court without the word in its name.
		{"United States\nUnited States Judicial Panel on Multidistrict Litigation\nNotice of Electronic Filing\n", "jpml", ""},
		// A division courts-db lists as a court of its own.
		{"IN THE COURT OF APPEAL OF THE STATE OF CALIFORNIA\n\n   FIRST APPELLATE DISTRICT\n\n   DIVISION TWO\n", "calctapp1d", "First Appellate District, Division Two"},
		{"Court of Appeal, Second District, Division 1, California.\n", "calctapp2d", "Second District, Division 1"},
		{"Missouri Court of Appeals, Eastern District, Division Three.\n", "moctapped", "Division Three"},
		// A reporter's court line under the parties, closed by a period;
		// a court line under a web page's short title, a blank line
		// between.
		{"UNITED STATES of America\nv.\nJohn Q. DOE et al.\n\nCrim. Nos. 80-00222-01.\n\nUnited States District Court, M. D. Pennsylvania.\n", "pamd", ""},
		{"Jones v. Commonwealth\n\nCourt of Appeals of Kentucky.\nDec 2, 2013\n", "kyctapp", ""},
		// A head run together on one line (a web copy without its line
		// breaks): the court named in capitals, not the court below.
		{"Download PDF\nCircuit Court for Howard County Case No. 02-K-15-1234 REPORTED IN THE COURT OF SPECIAL APPEALS OF MARYLAND No. 512 September Term, 2016 JOHN DOE v. STATE OF MARYLAND Adams, Baker, Clark, JJ.\n", "mdctspecapp", ""},
		{"IN THE DISTRICT COURT OF APPEAL OF THE STATE OF FLORIDA FIFTH DISTRICT JOHN ROE, Petitioner, v. CASE NO. 5D14-2345 STATE OF FLORIDA, Respondent. RESPONSE TO PETITION\n", "fladistctapp5", "Fifth District"},
		{"RENDERED: OCTOBER 1, 2021; NOT TO BE PUBLISHED Commonwealth of Kentucky Court of Appeals NO. 2020-CA-0077-MR DOE v. APPELLANT APPEAL FROM HARDIN CIRCUIT COURT HONORABLE JANE A. SMITH, JUDGE ACTION NO. 18-CR-00456\n", "kyctapp", ""},
		{"RENDERED: OCTOBER 1, 2021; NOT TO BE PUBLISHED NO. 2020-CA-0077-MR DOE v. APPELLANT APPEAL FROM HARDIN CIRCUIT COURT HONORABLE JANE A. SMITH, JUDGE ACTION NO. 18-CR-00456 COMMONWEALTH\n", "", ""},
		// A panel of two divisions is no one division.
		{"Court of Appeals of Arkansas, Division I and II\n", "arkctapp", ""},
		// A division the court's own name holds: the court, not a county
		// court courts-db lists under it.
		{"Court of Appeals of Ohio, Tenth District\nOct 5, 1999\n\nAppeal from the Franklin County Court of Common Pleas.\n", "ohctapp10", "Tenth District"},
		// The seat after a court of appeals' name.
		{"No. 10-00-00077-CV.\nCourt of Appeals of Texas, Waco.\n", "texapp", "Waco"},
		{"Record No. 1824-10-3.\nCourt of Appeals of Virginia,Lexington.\n", "vactapp", "Lexington"},
		// A caption set above the court is not read into its name; a
		// part of the court before the county is not the county's.
		{"D.G. AND S.H., PLAINTIFFS, v. K.S., DEFENDANT.\n\nSuperior Court of New Jersey Chancery Division Family Part Ocean County\n", "njsuperocean", "Ocean County"},
		// A reporter's court line closed by a period; not one that ends a
		// sentence of the body.
		{"No. 2007AP2491.\nCourt of Appeals of Wisconsin.\n", "wisctapp", ""},
		{"the judgment was affirmed by the\nCourt of Appeals of Wisconsin.\n", "", ""},
		// The court appealed from, introduced or named under the caption.
		{"In re:   BAP No. 1\nAppeal from the United States Bankruptcy Court\nfor the District of Oregon\n", "", ""},
		{"STATE OF OREGON,\n   Plaintiff-Respondent,\n      v.\nJOHN DOE,\n   Defendant-Appellant.\nMultnomah County Circuit Court\n", "", ""},
		{"APPEAL FROM\n25TH JUDICIAL DISTRICT COURT, PARISH OF PLAQUEMINES\n", "", ""},
		// The court below, introduced under the court's line, gives it no
		// division.
		{"Court of Appeals of Alabama.\n\nJanuary 22, 1929.\n\nAppeal from Circuit Court, Marion County; R. L. Blanton, Judge.\n", "alactapp", ""},
		{"Supreme Court of Alaska.\n\nFebruary 1, 2002.\n\nAppeal from the Superior Court of the State of Alaska, Fourth Judicial District, Fairbanks.\n", "alaska", ""},
	} {
		id, _, div := court(tt.in)
		if id != tt.id || div != tt.division {
			t.Errorf("court(%q) = %q, %q; want %q, %q", tt.in, id, div, tt.id, tt.division)
		}
	}
}
