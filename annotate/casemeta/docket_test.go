package casemeta

import (
	"slices"
	"testing"

	"github.com/casefile/casefile/schemas"
)

func TestDocketRecord(t *testing.T) {
	tests := []struct {
		name, page                           string
		docType, filed, caption, firstNumber string
	}{
		{"portal, values on the next line",
			"Court of Appeals\nCase:\n07-19-00123-CV\nDate Filed:\n03/02/2019\nCase Type:\nContract\nStyle:\nACME TOOLS, INC.\nv.:\nBETA SUPPLY CO.\nAppellate Briefs\nDate\n03/09/2019\nMotion to extend time filed\n",
			"docket sheet", "2019-03-02", "Acme Tools, Inc. v. Beta Supply Co.", "07-19-00123-CV"},
		{"portal, one-party style, empty v.: before the next heading",
			"Case:\nPD-0412-21\nDate Filed:\n05/14/2021\nCase Type:\nPetition\nStyle:\nROE, JANE\nv.:\nAppellate Briefs\nCase Events\n12/12/2021\nMotion for rehearing\n",
			"docket sheet", "2021-05-14", "ROE, JANE", "PD-0412-21"},
		{"portal, a matter's style has no other side",
			"Case:\n21-0042\nDate Filed:\n01/05/2021\nCase Type:\nMandamus\nStyle:\nIn Re John Roe, Relator\nv.:\nAppellate Briefs\n",
			"docket sheet", "2021-01-05", "In re John Roe", "21-0042"},
		{"label and value on one line (OSCN)",
			"In the District Court in and for Adams County\nSTATE OF NOWHERE,\nPlaintiff,\nv.\nJOHN ROE,\nDefendant.\nNo. CF-2020-1\nFiled: 03/16/2020\nClosed: 06/16/2021\nJudge: Smith, Ann\nParties\nROE, JOHN,\nDefendant\nAttorneys\nEvents\nDocket\n",
			"docket sheet", "2020-03-16", "State of Nowhere v. Roe", "CF-2020-1"},
		{"label above its value (Odyssey)",
			"Case Information\nCase Number\n20CV000123\nCourt\nSuperior Court\nFile Date\n02/03/2020\nCase Type\nUnlawful Detainer\nCase Status\nActive\nParty\n",
			"docket sheet", "2020-02-03", "", "20CV000123"},
		{"Odyssey: the title line after the case's number",
			"Case Information\n20CV000123 | Acme Tools, Inc. vs John Roe et al\nCase Number\n20CV000123\nCourt\nSuperior Court\nFile Date\n02/03/2020\nCase Type\nUnlawful Detainer\nCase Status\nActive\n",
			"docket sheet", "2020-02-03", "Acme Tools, Inc. v. Roe", "20CV000123"},
		{"CM/ECF report: its case title is the caption",
			"U.S. District Court\nDistrict of Nowhere\nCRIMINAL DOCKET FOR CASE #: 1:20-cr-00001-AB-1\nCase title: USA v. Roe\nMagistrate judge case number:\n1:20-mj-00002\nDate Filed: 01/02/2020\nAssigned to: Judge Ann Smith\nDefendant (1)\nJohn Roe\nPending Counts\nDisposition\n",
			"docket sheet", "2020-01-02", "United States v. Roe", "1:20-cr-00001-AB-1"},
		{"CM/ECF report of a case without judges' initials: the defendant's number kept",
			"U.S. District Court\nSOUTHERN DISTRICT OF NOWHERE (Seat)\nCRIMINAL DOCKET FOR CASE #: 2:20-cr-00606-1\nCase title: USA v. Roe\nDate Filed: 03/27/2020\nAssigned to: Judge Ann Smith\nDefendant (1)\nJohn Roe\nPending Counts\nDisposition\n",
			"docket sheet", "2020-03-27", "United States v. Roe", "2:20-cr-00606-1"},
		{"CM/ECF civil report: the title's number as printed",
			"U.S. District Court\nDistrict of Nowhere\nCIVIL DOCKET FOR CASE #: 3:08-cv-00284-TMB\nCase title: Acme Tools, Inc. v. Roe\nDate Filed: 12/23/2008\nAssigned to: Judge Ann Smith\nJury Demand: None\nNature of Suit: 110 Insurance\n",
			"docket sheet", "2008-12-23", "Acme Tools, Inc. v. Roe", "3:08-cv-00284-TMB"},
		{"CM/ECF docket history report: its head, not its first entry",
			"Query\nReports\nUtilities\nLogout\n1:17-cr-00965-AB All Defendants USA v. Roe\nDate filed: 04/12/2017\nDate of last filing: 10/05/2017\nHistory\nDoc.\nNo.\nDates\nDescription\n1\nFiled:\n03/14/2017\nEntered:\n03/15/2017\nComplaint\n",
			"docket sheet", "2017-04-12", "United States v. Roe", "1:17-cr-00965-AB"},
		{"CM/ECF case query: judges' initials in lower case as printed",
			"Query\nReports\n3:22-cr-00137-jdp All Defendants United States of America v. Roe, John\nDate filed: 11/18/2022\nDate terminated: 11/18/2022\nMobile Query\nQuery\nAlias\n",
			"docket sheet", "2022-11-18", "United States v. Roe", "3:22-cr-00137-jdp"},
		{"CM/ECF case query of a civil case: no All Defendants",
			"Query\n1:16-cv-00745-AB Acme Tools, Inc. v. Roe\nDate filed: 04/21/2016\nDate of last filing: 05/01/2016\nHistory\n",
			"docket sheet", "2016-04-21", "Acme Tools, Inc. v. Roe", "1:16-cv-00745-AB"},
		{"case summary: the number under CASE INFORMATION, a status",
			"Civil Case Access\nCASE INFORMATION:\n24STLC00001\nCase Title:\nACME LAW FIRM, PC VS JANE ROE\nFiling Courthouse:\nSpring Street Courthouse\nFiling Date:\n11/6/2024\nCase Type:\nContract (General Jurisdiction)\nStatus:\nJudgment on 5/6/2026\nDocuments Filed\n5/6/2026\nMotion to Set Aside\n",
			"docket sheet", "2024-11-06", "Acme Law Firm, PC v. Roe", "24STLC00001"},
		{"a state court's docket PDF: its section heads alone on their lines",
			"                 THIRD DISTRICT COURT - NOWHERE\n               NOWHERE COUNTY, STATE OF UTAH\n\n            STATE OF UTAH vs. JOHN ROE\nCASE NUMBER 201900123 State Felony\n______\nCHARGES\n         Charge 1 - 58-37-8 - DISTRIBUTION 2nd Degree Felony\n\nCURRENT ASSIGNED JUDGE\n         ANN SMITH\n\nPARTIES\n         Defendant - JOHN ROE\n\nDEFENDANT INFORMATION\n         Defendant Name: JOHN ROE\n\nACCOUNT SUMMARY\n\nCASE NOTE\nPROCEEDINGS\n",
			"docket sheet", "", "State of Utah v. Roe", "201900123"},
		{"Pennsylvania's CPCMS docket sheet: its section heads, its police numbers left out",
			" MUNICIPAL COURT OF NOWHERE COUNTY\n DOCKET\n Docket Number: MC-51-CR-0001234-2019\n CRIMINAL DOCKET\n Commonwealth of Pennsylvania\n v.\n John Roe\n CASE INFORMATION\nJudge Assigned: Date Filed: 12/04/2019 Initiation Date: 12/04/2019\nArresting Agency: Nowhere Pd Arresting Officer: Doe, Ann\nComplaint/Citation No.: 4940014746-0001234 Incident Number: 4940014746\n STATUS INFORMATION\nCase Status: Closed\n CALENDAR EVENTS\n Preliminary Hearing 02/07/2020\n",
			"docket sheet", "2019-12-04", "Commonwealth of Pennsylvania v. Roe", "MC-51-CR-0001234-2019"},
		// A filing's head prints a case number, a judge, a filed date: not a record.
		{"a number and a title without CM/ECF's Date filed line is no record",
			"1:20-cv-00001-AB Roe v. Doe\nFiled: 01/02/2020\nMOTION TO DISMISS\n",
			"motion", "2020-01-02", "", "1:20-cv-00001-AB"},
		{"a court of appeals' general docket",
			"View the\nGeneral Docket\nUnited States Court of Appeals for Veterans Claims\nCase Number:18-1234\nDocketed: 07/20/2018\nJohn Roe v. Robert Doe\nAppeal From:\nDepartment of Veteran Affairs\nFee Status: dfh\nCase Type Information:\n1) Petition\n07/20/2018\nDeclaration of Financial Hardship (JC)\n",
			"docket sheet", "", "Roe v. Doe", "18-1234"},
		{"a bankruptcy court's claims register",
			"Query\nReports\nEastern District of Texas\nClaims Register\n16-40123 Roe Widgets, LLC\nJudge: Jane Doe\nChapter: 11\nOffice: Sherman\nCreditor: (7156496)\nAcme Wireless\nClaim No: 70\nOriginal Filed Date: 08/12/2016\n",
			"claims register", "", "In re Roe Widgets, LLC", "16-40123"},
		{"a motion's head is no record",
			"Case No.: 1:20-cv-00001\nJudge: Ann Smith\nFiled: 01/02/2020\nMOTION TO DISMISS\n",
			"motion", "2020-01-02", "", "1:20-cv-00001"},
	}
	for _, tt := range tests {
		c, _ := Read([]schemas.Page{{Number: 1, Method: schemas.MethodText, Text: tt.page}})
		var first string
		if len(c.CaseNumbers) > 0 {
			first = c.CaseNumbers[0]
		}
		if c.DocType != tt.docType || c.Filed != tt.filed || c.Caption != tt.caption || first != tt.firstNumber {
			t.Errorf("%s: got %q, %q, %q, %q; want %q, %q, %q, %q", tt.name, c.DocType, c.Filed, c.Caption, first,
				tt.docType, tt.filed, tt.caption, tt.firstNumber)
		}
	}
}

func TestLabelledCaseName(t *testing.T) {
	tests := []struct {
		page       string
		bankruptcy bool
		want       string
	}{
		{"Notice of Electronic Filing\nCase Name:\nRoe v. Acme Widgets Northwest,\nLLC et al\nCase Number:\n3:25-cv-01039-SB\n", false, "Roe v. Acme Widgets Northwest, LLC"},
		{"Case Name: Roe v. Doe et al\nCase Number: 4:21-cv-00953-P\n", false, "Roe v. Doe"},
		{"Case Name:\nIN RE: Roe Widgets AI, Inc., Consumer\nPrivacy Litigation\nCase Number:\nMDL No. 2967\n", false, "In re Roe Widgets AI, Inc., Consumer Privacy Litigation"},
		{"Case Name:\nCase Number:\n", false, ""},
		{"no label here\nRoe v. Doe\n", false, ""},
		// A bankruptcy court's case named by its debtors alone.
		{"Case Name:\nJane Q. Roe\nCase Number:\n21-10245-BAH\n", true, "In re Jane Q. Roe"},
		{"Case Name:\nJohn Roe and Mary Ann Roe\nCase Number:\n1:24-bk-01377\n", true, "In re John Roe and Mary Ann Roe"},
		{"Case Name:\nJOHN A. ROE\nCase Number:\n23-20091\n", true, "In re John A. Roe"},
		{"Case Name:\nJane Q. Roe\nCase Number:\n1:21-cv-00245\n", false, ""},
		{"Case Name:\nSealed\nCase Number:\n23-20091\n", true, ""},
	}
	for _, tt := range tests {
		if got := labelledCaseName(tt.page, tt.bankruptcy); got != tt.want {
			t.Errorf("labelledCaseName(%q, %v) = %q, want %q", tt.page, tt.bankruptcy, got, tt.want)
		}
	}
}

func TestDocketCitationNumber(t *testing.T) {
	tests := []struct {
		name, page string
		want       []string
	}{
		{"a docket record's citation number is the ticket's, not the court's",
			"                 NOWHERE CITY JUSTICE COURT\n               NOWHERE COUNTY, STATE OF UTAH\n\n            NOWHERE CITY vs. JOHN ROE\nCASE NUMBER 201200456 Traffic Citation\nCHARGES\n         Charge 1 - 41-6A-601 - SPEEDING Class C Misdemeanor\nPARTIES\n         Defendant - JOHN ROE\nDEFENDANT INFORMATION\n         Citation Number: Z123456789\nACCOUNT SUMMARY\nCASE NOTE\nPROCEEDINGS\n08-02-12 Case filed\n",
			[]string{"201200456"}},
	}
	for _, tt := range tests {
		c, _ := Read([]schemas.Page{{Number: 1, Method: schemas.MethodText, Text: tt.page}})
		if !slices.Equal(c.CaseNumbers, tt.want) {
			t.Errorf("%s: numbers %q, want %q", tt.name, c.CaseNumbers, tt.want)
		}
	}
}
