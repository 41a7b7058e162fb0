package casemeta

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/casefile/casefile/annotate/internal/textscan"
	"github.com/casefile/casefile/schemas"
)

func TestFindCaseNumbers(t *testing.T) {
	tests := []struct {
		in, norm string
		attrs    *schemas.CaseNumberAttrs
	}{
		{"Case 1:15-cr-10338-FDS", "1:15-cr-10338-FDS", &schemas.CaseNumberAttrs{Form: "district", Type: "cr", Office: "1", Year: "15", Judges: "FDS"}},
		{"No. 2:19-cr-00595-CAS-1", "2:19-cr-00595-CAS", &schemas.CaseNumberAttrs{Form: "district", Type: "cr", Office: "2", Year: "19", Judges: "CAS", Defendant: "1"}},
		{"CASE NO. 2:20-MJ-0148-AC", "2:20-mj-00148-AC", &schemas.CaseNumberAttrs{Form: "district", Type: "mj", Office: "2", Year: "20", Judges: "AC"}},
		{"CASE NO. 2:20-SW-908 DB\n", "2:20-sw-00908-DB", &schemas.CaseNumberAttrs{Form: "district", Type: "sw", Office: "2", Year: "20", Judges: "DB"}},
		{"Case 1:20-cr-00173-NONE-SKO Document 6", "1:20-cr-00173-NONE-SKO", &schemas.CaseNumberAttrs{Form: "district", Type: "cr", Office: "1", Year: "20", Judges: "NONE-SKO"}},
		{"No. 2:18-CR-00119\n", "2:18-cr-00119", &schemas.CaseNumberAttrs{Form: "district", Type: "cr", Office: "2", Year: "18"}},
		{"MDL Docket No. M:06-cv-01754-RMW via ECF", "M:06-cv-01754-RMW", &schemas.CaseNumberAttrs{Form: "district", Type: "cv", Office: "M", Year: "06", Judges: "RMW"}},
		{"(D.C. No. 5:06-CV-00376-C)", "5:06-cv-00376-C", &schemas.CaseNumberAttrs{Form: "district", Type: "cv", Office: "5", Year: "06", Judges: "C", Role: "lower_court"}},
		{"Re: United States v. Parnas, 19-cr-725 (JPO)", "19-cr-00725-JPO", &schemas.CaseNumberAttrs{Form: "district", Type: "cr", Year: "19", Judges: "JPO"}},
		{"Case No. 15-cv-02543-BLF", "15-cv-02543-BLF", &schemas.CaseNumberAttrs{Form: "district", Type: "cv", Year: "15", Judges: "BLF"}},
		{"Case No. 17-cv-03022-JST-JSC\n", "17-cv-03022-JST-JSC", &schemas.CaseNumberAttrs{Form: "district", Type: "cv", Year: "17", Judges: "JST-JSC"}},
		{"4:08-cv-02214-SBA", "4:08-cv-02214-SBA", &schemas.CaseNumberAttrs{Form: "district", Type: "cv", Office: "4", Year: "08", Judges: "SBA"}},
		{"3:21-mb-01234-DMF", "3:21-mb-01234-DMF", &schemas.CaseNumberAttrs{Form: "district", Type: "mb", Office: "3", Year: "21", Judges: "DMF"}},
		{"magistrate 2:20-mj-06108", "2:20-mj-06108", &schemas.CaseNumberAttrs{Form: "district", Type: "mj", Office: "2", Year: "20"}},
		{"No. 20-1507", "20-1507", &schemas.CaseNumberAttrs{Form: "appellate"}},
		{"No. 20-1507 Roe (2020)", "20-1507", &schemas.CaseNumberAttrs{Form: "appellate"}},
		{"Case: 21-50498", "21-50498", &schemas.CaseNumberAttrs{Form: "appellate"}},
		{"Appeal: 17-2218", "17-2218", &schemas.CaseNumberAttrs{Form: "appellate"}},
		{"Docket No. 08-6301-cv", "08-6301", &schemas.CaseNumberAttrs{Form: "appellate", Type: "cv"}},
		{"No. 11–889. Argued April 23, 2013", "11-889", &schemas.CaseNumberAttrs{Form: "appellate"}},
		{"Docket No.: Misc. 13-01", "Misc. 13-01", &schemas.CaseNumberAttrs{Form: "misc"}},
		{"Ind. No. 1234/2019", "Ind. No. 1234/2019", &schemas.CaseNumberAttrs{Form: "state", Type: "indictment"}},
		{"SA CR 19-061-JVS", "SACR 19-061-JVS", &schemas.CaseNumberAttrs{Form: "district", Type: "cr", Judges: "JVS"}},
		{"Docket No. SACR 16-76JVS", "SACR 16-76-JVS", &schemas.CaseNumberAttrs{Form: "district", Type: "cr", Judges: "JVS"}},
		{") SACR-14-00167-JVS", "SACR 14-00167-JVS", &schemas.CaseNumberAttrs{Form: "district", Type: "cr", Judges: "JVS"}},
		{"No. CR 16-440-WHA-1", "CR 16-440-WHA", &schemas.CaseNumberAttrs{Form: "district", Type: "cr", Judges: "WHA", Defendant: "1"}},
		{"Case No. CR 20-155 VAP", "CR 20-155-VAP", &schemas.CaseNumberAttrs{Form: "district", Type: "cr", Judges: "VAP"}},
		{"(Mobile Circuit Court: CV-18-900691)", "", nil}, // a state court's number, not a central-district one
		// A division prefix's space only: "CA CR 03-512" is Arkansas's
		// form, never " CR 03-512" with the space before it.
		{"Opinion\n\nCA CR 03-512\n", "CA CR 03-512", &schemas.CaseNumberAttrs{Form: "state"}},
		{"CACR 03-512", "CACR 03-512", &schemas.CaseNumberAttrs{Form: "state"}},
		{"x CR 03-512", "CR 03-512", &schemas.CaseNumberAttrs{Form: "district", Type: "cr"}},
		// Rhode Island's number closed by an abbreviation.
		{"No. 91-123-C.A.\n", "91-123-C.A.", &schemas.CaseNumberAttrs{Form: "state", Role: "own"}},
		{"No. 2004-31-M.P.\n", "2004-31-M.P.", &schemas.CaseNumberAttrs{Form: "state", Role: "own"}},
		// Courts of appeals' notices: the office set off by a dash, the
		// district's number labelled as the lower court's.
		{"2-15-cv-00180", "2:15-cv-00180", &schemas.CaseNumberAttrs{Form: "district", Type: "cv", Office: "2", Year: "15"}},
		{"District Case Number: 2-15-cv-00180", "2:15-cv-00180", &schemas.CaseNumberAttrs{Form: "district", Type: "cv", Office: "2", Year: "15", Role: "lower_court"}},
		{"DC Docket #: 17-cv-6761", "17-cv-06761", &schemas.CaseNumberAttrs{Form: "district", Type: "cv", Year: "17", Role: "lower_court"}},
		{"12-15-cv-00180", "15-cv-00180", &schemas.CaseNumberAttrs{Form: "district", Type: "cv", Year: "15"}}, // a dash sets off one digit only
		// Sealed warrant, grand-jury and petty-offense dockets.
		{"Case No. 20-SW-123 (UNDER SEAL)", "20-sw-00123", &schemas.CaseNumberAttrs{Form: "district", Type: "sw", Year: "20"}},
		{"Case No. 21-sw-45 (GMH)", "21-sw-00045-GMH", &schemas.CaseNumberAttrs{Form: "district", Type: "sw", Year: "21", Judges: "GMH"}},
		{"Case No. 2:20-sw-0908", "2:20-sw-00908", &schemas.CaseNumberAttrs{Form: "district", Type: "sw", Office: "2", Year: "20"}},
		{"Case No. 1:21-mj-00123", "1:21-mj-00123", &schemas.CaseNumberAttrs{Form: "district", Type: "mj", Office: "1", Year: "21"}},
		{"No. 19-GJ-0012", "19-gj-00012", &schemas.CaseNumberAttrs{Form: "district", Type: "gj", Year: "19"}},
		{"Case No. 1:19-po-00321", "1:19-po-00321", &schemas.CaseNumberAttrs{Form: "district", Type: "po", Office: "1", Year: "19"}},
		{"Violation No. E1234567", "E1234567", &schemas.CaseNumberAttrs{Form: "violation", Type: "violation", Role: "own"}},
		{"Case No. 18 CV 6822", "18 CV 6822", &schemas.CaseNumberAttrs{Form: "district", Year: "18", Type: "cv"}},
		{"Cazares v. Frugoli, No. 13 C 5626, 2017 WL 1196978", "13 C 5626", &schemas.CaseNumberAttrs{Form: "district", Year: "13", Type: "c"}},
		{"DUKE v. STATE.\n\n6 Div. 379.\n\nCourt of Appeals of Alabama.", "6 Div. 379", &schemas.CaseNumberAttrs{Form: "state"}},
		{"(N.J. Super. Ct. App. Div. 1998)", "", nil},
		{"OPINION OF THE JUSTICES.\n\nNo. 216.\n\nSupreme Court of Alabama.", "216", &schemas.CaseNumberAttrs{Form: "state", Role: "own"}},
		{"as set out in Resolution No. 163 of the House", "", nil},
		{"Citation Number: 9084471", "9084471", &schemas.CaseNumberAttrs{Form: "violation", Type: "citation", Role: "own"}},
		{"Location Code   Violation Number     Officer Name (Print)   Officer No.\nCA70            E1234567             J SMITH                1234", "E1234567", &schemas.CaseNumberAttrs{Form: "violation", Type: "violation", Role: "own"}},
		{"Location Code Violation Number Officer Name Officer No.\n\nCA70 FBAW0012345 SMITH 1234", "FBAW0012345", &schemas.CaseNumberAttrs{Form: "violation", Type: "violation", Role: "own"}},
	}
	for _, tt := range tests {
		got := findCaseNumbers(tt.in)
		if tt.norm == "" {
			if len(got) != 0 {
				t.Errorf("findCaseNumbers(%q) = %+v, want none", tt.in, got)
			}
			continue
		}
		if len(got) != 1 {
			t.Errorf("findCaseNumbers(%q) = %+v, want one", tt.in, got)
			continue
		}
		if got[0].norm != tt.norm {
			t.Errorf("findCaseNumbers(%q) = %q, want %q", tt.in, got[0].norm, tt.norm)
		}
		if diff := cmp.Diff(tt.attrs, got[0].attrs); diff != "" {
			t.Errorf("findCaseNumbers(%q) attrs (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestParseStamp(t *testing.T) {
	tests := []struct {
		in   string
		want Stamp
	}{
		{"Case 4:08-cv-02214-SBA Document 26 Filed 01/29/2009 Page 1 of 2", Stamp{"4:08-cv-02214-SBA", "26", "2009-01-29", 1, 2}},
		{"Case: 20-1507 Document: 00117684624 Page: 1 Date Filed: 12/22/2020 Entry ID: 6390389", Stamp{"20-1507", "00117684624", "2020-12-22", 1, 0}},
		{"Case 8:14-cr-00167-JVS Document 150 Filed 06/07/19 Page 3 of 33 Page ID #:2650", Stamp{"8:14-cr-00167-JVS", "150", "2019-06-07", 3, 33}},
		{"Case 2:20-sw-00908-DB Document 4 Filed 10/29/20 Page 1 of 1", Stamp{"2:20-sw-00908-DB", "4", "2020-10-29", 1, 1}},
		{"Appellate Case: 22-1801 Page: 1 Date Filed: 01/19/2023 Entry ID: 5237514", Stamp{"22-1801", "", "2023-01-19", 1, 0}},
		{"Case: 25-1689, 07/15/2025, DktEntry: 28.1, Page 1 of 2", Stamp{"25-1689", "28.1", "2025-07-15", 1, 2}},
		{"USCA4 Appeal: 17-2218 Doc: 12 Filed: 01/02/2018 Pg: 1 of 3", Stamp{"17-2218", "12", "2018-01-02", 1, 3}},
		{"Case 17-3510, Document 1-1, 10/31/2017, 2161300, Page1 of 2", Stamp{"17-3510", "1", "2017-10-31", 1, 2}},
		// Bankruptcy courts: the entry date after the filed date.
		{"Case 18-10001-abc Doc 35 Filed 01/30/19 Entered 01/30/19 11:51:34 Desc Main\n     Document Page 1 of 42", Stamp{"18-10001-abc", "35", "2019-01-30", 1, 42}},
		{"Case: 20-10001 Doc# 33 Filed: 04/28/20 Entered: 04/28/20 19:02:54 Page 1 of 30", Stamp{"20-10001", "33", "2020-04-28", 1, 30}},
		{"Case 9:19-bk-10001-XY Doc 1262-3 Filed 09/03/20 Entered 09/03/20 15:40:26\n Desc Exhibit C Page 1 of 3", Stamp{"9:19-bk-10001-XY", "1262", "2020-09-03", 1, 3}},
		{"Case 16-10001-abc7 Doc 1 Filed 02/26/16", Stamp{"16-10001-abc7", "1", "2016-02-26", 0, 0}},
		{"Case: 20-10002 12345/001\n      Doc# 201 Filed: 03/29/21 Entered: 03/29/21 21:19:56 Page 1 of 2", Stamp{"20-10002", "201", "2021-03-29", 1, 2}},
	}
	for _, tt := range tests {
		got, ok := ParseStamp(tt.in)
		if !ok || got != tt.want {
			t.Errorf("ParseStamp(%q) = %+v, %v; want %+v", tt.in, got, ok, tt.want)
		}
	}
}

func TestCaseInfo(t *testing.T) {
	page := "Case 2:19-cr-00595-CAS Document 123 Filed 03/02/21 Page 1 of 26 Page ID #:1\n" +
		"UNITED STATES DISTRICT COURT\nCENTRAL DISTRICT OF CALIFORNIA\nCRIMINAL MINUTES - GENERAL\n" +
		"UNITED STATES OF AMERICA v. JOSE DOE, et al.\nDated March 2, 2021"
	c, ents := Read([]schemas.Page{{Number: 1, Method: schemas.MethodText, Text: page}})
	want := schemas.Case{Court: "cacd", CourtName: "United States District Court for the Central District of California",
		CaseNumbers: []string{"2:19-cr-00595-CAS"}, Caption: "United States v. Doe", DocType: "minutes", Filed: "2021-03-02"}
	if diff := cmp.Diff(want, c); diff != "" {
		t.Errorf("CaseInfo (-want +got):\n%s", diff)
	}
	dates := 0
	for _, e := range ents {
		if e.Type == schemas.Date && e.Normalized == "2021-03-02" {
			dates++
		}
	}
	if dates != 2 {
		t.Errorf("%d DATE entities for 2021-03-02, want 2 (stamp and text)", dates)
	}
	if err := schemas.CheckSpans(&schemas.Record{Pages: []schemas.Page{{Number: 1, Text: page}}, Entities: ents}); err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"United States Court of Appeals\nFor the Eighth Circuit":                   "ca8",
		"United States Court of Appeals\nTenth Circuit":                            "ca10",
		"IN THE SUPREME COURT OF THE UNITED STATES":                                "scotus",
		"T.C. Memo. 2020-26\nUNITED STATES TAX COURT":                              "tax",
		"LIST OF DECISIONS ANNOUNCED BY\nTHE SUPREME COURT OF ALABAMA":             "ala",
		"UNITED STATES FOREIGN\nINTELLIGENCE SURVEILLANCE COURT\nWASHINGTON, D.C.": "fisc",
		"Docket No. 1\nUNITED STATES COURT OF APPEALS\nFOR THE FIRST CIRCUIT\nappeal from the UNITED STATES DISTRICT COURT FOR THE DISTRICT OF MAINE": "ca1",
	} {
		if id, _, _ := court(text); id != want {
			t.Errorf("court(%q) = %q, want %q", text, id, want)
		}
	}
}

// TestStateCentralFormNumber: on a state court's page a number shaped as
// the Central District writes its numbers is the state court's, as
// printed; on a federal court's page it keeps its federal reading.
func TestStateCentralFormNumber(t *testing.T) {
	for _, tt := range []struct{ page, want string }{
		{"Doe v. State.\n\nNo. CR-04-0262.\n\nCourt of Criminal Appeals of Alabama.\n", "CR-04-0262"},
		{"UNITED STATES DISTRICT COURT\nCENTRAL DISTRICT OF CALIFORNIA\nCase No. CR-16-440\n", "CR 16-440"},
		// A state trial court's number in a federal short form, in
		// capitals without office or judges, does not make the page
		// federal: the labelled state number stays the page's own.
		{"NOT TO BE PUBLISHED NO. 2020-CA-0077-MR DOE v. APPELLANT APPEAL FROM HARDIN CIRCUIT COURT ACTION NO. 18-CR-00456\n", "2020-CA-0077-MR"},
		{"UNITED STATES DISTRICT COURT\nCase No. 19-cr-725\nNO. 2020-CA-0077-MR\n", "19-cr-00725"},
		{"SUPREME COURT OF KENTUCKY\n\nNo. 2019-SC-0111-MR\nAPPEAL FROM LINCOLN CIRCUIT COURT\n\nIndictment No. 18-CR-00456\n", "2019-SC-0111-MR"},
		{"IN THE CIRCUIT COURT OF HARDIN COUNTY, KENTUCKY\n\nNo. 18-CR-00456\n", "18-CR-00456"},
	} {
		p := schemas.Page{Number: 1, Method: schemas.MethodText, Text: tt.page}
		c, ents := Read([]schemas.Page{p})
		if len(c.CaseNumbers) == 0 || c.CaseNumbers[0] != tt.want {
			t.Errorf("Read(%q) numbers %q, want %q first", tt.page, c.CaseNumbers, tt.want)
		}
		if err := schemas.CheckSpans(&schemas.Record{Pages: []schemas.Page{p}, Entities: ents}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestTwoListedNumbers(t *testing.T) {
	var got []string
	for _, n := range findCaseNumbers("Docket Nos. 19031-13, 27735-13, and 11905-14.") {
		got = append(got, n.norm)
	}
	if want := []string{"19031-13", "27735-13", "11905-14"}; !cmp.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	ns := findCaseNumbers("the decision in United States v. Qin, No. 21-1832, __F.4th__, 2023 WL 128600")
	if len(ns) != 1 || !ns[0].cited {
		t.Errorf("a number followed by a reporter citation: %+v, want one, cited", ns)
	}
}

func TestDocType(t *testing.T) {
	tests := []struct{ page, court, want string }{
		{"UNITED STATES DISTRICT COURT\nREPORTER'S TRANSCRIPT OF PROCEEDINGS", "cacd", "transcript"},
		// A heading wins over an earlier mention in prose.
		{"convicted as charged in Count 1 of the Second Redacted Indictment\nCR-104 (wpd 12/20) JUDGMENT & PROBATION/COMMITMENT ORDER Page 1 of 6", "cacd", "judgment"},
		{"13 v. [PROPOSED] ORDER TO FILE REDACTED\nCOPY OF AFFIDAVIT IN SUPPORT OF\n14 LUKE BURROUGHS, CRIMINAL COMPLAINT", "caed", "order"},
		{"For Immediate Release\nAugust 2, 2024\n14 MEMBERS INDICTED", "", "press release"},
		{"LIST OF DECISIONS ANNOUNCED BY\nTHE SUPREME COURT OF ALABAMA", "al-sup", "decision list"},
		{"(Slip Opinion) OCTOBER TERM, 2012", "scotus", "opinion"},
		{"T.C. Memo. 2020-26\nUNITED STATES TAX COURT", "tax", "opinion"},
		{"DEFENDANT'S RESPONSE TO\nGOVERNMENT'S REQUEST FOR", "caed", "response"},
		{"21                                  DEFENDANT APPLE INC.’S REPLY IN\n22 APPLE INC.,                      SUPPORT OF ITS MOTION TO", "cand", "reply"},
		{"Supreme Court of Michigan.\nSeptember 14, 2007.\nOn order of the Court, the application for leave to appeal is DENIED.", "mich", "order"},
		// A case's opening filing dating it beside a later filing's caption.
		{"12    ) Complaint Filed: 01/23/2018; Assigned\n14    ) [PROPOSED] ORDER RE:", "caed", "order"},
		{"Submitted on Briefs March 11, 2008.\nOpinion Filed May 22, 2008.", "wisctapp", "opinion"},
		{"NOTICE OF MANUAL FILING\nOR LODGING", "cacd", "notice"},
		// Without a heading, the form of the page.
		{"Clerk of Court\nRe: United States v. Xiang, No. 22-1801\nDear Mr. Gans,\nthe supplemental notice of the decision", "ca8", "letter"},
		{"No. 20-1507\nBefore\nHoward, Chief Judge,\nSelya and Barron, Circuit Judges.", "ca1", "opinion"},
		{"The above-entitled matter came on for oral\n13 argument before the Supreme Court", "scotus", "transcript"},
		{"Before Judge Smith, a hearing", "cacd", ""},
		// An order of the case noted with the date it was entered, as a
		// report heads a decision: no title of the page.
		{"Court of Appeals of Michigan.\nDecided May 17, 2007.\nORDER ENTERED JUNE 8, 2007\nDoe v. Roe, Docket No. 263197.\nPER CURIAM.\nThese cases involve claims", "michctapp", "opinion"},
		{"ORDER ENTERED 4 December 2008\nDoe v. Roe", "ncctapp", ""},
		{"ORDER ENTERED ON DOCKET\nDoe v. Roe", "cacd", "order"},
		{"| IN RE MOTION FOR CONSENT TO DISCLOSURE )\nOPINION AND ORDER\nThis matter is before", "fisc", "opinion"},
		{"Bainbridge Fund LTD, ORDER\nPlaintiff - Appellee, Docket No. 25-1686", "ca2", "order"},
		{"to conform to the caption in this opinion.", "ca2", "opinion"},
		{"reversing an order entered on 2 February 2018", "nc-sup", ""},
		// A state court of review's writing judge, name and title spelled
		// out; not a trial court's judge.
		{"Sheryl D. Fambrough, Monroe, for appellant.\nRUFFIN, Presiding Judge.\nThe juvenile court terminated", "gactapp", "opinion"},
		{"for respondents.\nWILLIAM H. CRANDALL, JR., Judge.\nFather appeals", "moctapped", "opinion"},
		{"for appellee.\nPATIENCE DRAKE ROGGENSACK, C.J.\n¶ 1 This case comes", "wis", "opinion"},
		{"The opinion of the court was delivered by\nCURRIER, J.A.D.", "njsuperctappdiv", "opinion"},
		{"JOHN SMITH, Judge.\nThe defendant moves", "cacd", ""},
		// Filings without a party caption, by their form's heading.
		{"UNITED STATES DISTRICT COURT\nfor the\nDistrict of Oregon\nIn the Matter of the Search of )\n(Briefly describe the property to be searched )\nAPPLICATION FOR A WARRANT BY TELEPHONE OR OTHER RELIABLE ELECTRONIC MEANS", "ord", "application"},
		{"In the Matter of the Search of\nSEARCH AND SEIZURE WARRANT\nTo: Any authorized law enforcement officer", "cand", "search warrant"},
		{"AFFIDAVIT IN SUPPORT OF AN APPLICATION FOR A SEARCH WARRANT\nI, Jane Doe, being first duly sworn", "cand", "affidavit"},
		{"APPLICATION FOR A SEARCH WARRANT\nI, a federal law enforcement officer", "cand", "application"},
		{"ARREST WARRANT\nTo: Any authorized law enforcement officer", "cand", "arrest warrant"},
		{"UNITED STATES DISTRICT COURT\nCRIMINAL COMPLAINT\nI, the complainant in this case", "cand", "criminal complaint"},
		{"United States District Court\nViolation Notice\nLocation Code Violation Number Officer Name", "", "violation notice"},
		{"SUBPOENA TO TESTIFY BEFORE A GRAND JURY\nTo: John Doe", "nysd", "subpoena"},
		{"DEFENDANT'S SENTENCING MEMORANDUM\nDefendant, through counsel", "cacd", "sentencing memorandum"},
		{"COURT'S INSTRUCTIONS TO THE JURY\nMembers of the jury", "cacd", "jury instructions"},
		{"CRIMINAL DOCKET FOR CASE #: 2:20-cr-00084-TLN-1", "caed", "docket sheet"},
		{"NOTICE OF APPEAL\nNotice is hereby given", "cacd", "notice of appeal"},
		{"INFORMATION\nThe District Attorney of the County of Kings charges", "", "information"},
		{"UNITED STATES OF AMERICA,   )   CRIMINAL INFORMATION\nv.                          )\nJOHN DOE                    )", "nysd", "information"},
		{"BILL OF INFORMATION\nThe District Attorney charges", "la", "information"},
		{"Superseding Information\nThe United States Attorney charges", "nysd", "information"},
		// "information" in a form's instructions or a portal's notice is no title.
		{"Fill in this information to identify your case:\nUnited States Bankruptcy Court for the:\nOfficial Form 101\nVoluntary Petition for Individuals Filing for Bankruptcy", "ganb", "voluntary petition"},
		{"The information on this page is NOT an official\nrecord. Do not rely on the correctness of this\ninformation. Verify all information with the official record", "", ""},
		{"CASE INFORMATION SHEET\nPlaintiff", "", ""},
		// A title opening a caption's right column, beside a party in lower case.
		{"ANNE ROE, an                          Adv. Pro. No. 20-01234\nindividual,                           DECLARATION OF JOHN\n                    Plaintiff,        DOE IN SUPPORT OF DEFENDANT'S\n       v.                             ADMINISTRATIVE MOTION TO FILE", "canb", "declaration"},
		// A form's label in its left column is not a title.
		{"ORDER               custody of the Bureau of Prisons to be imprisoned\nCR-104 (wpd 12/20) JUDGMENT & PROBATION/COMMITMENT ORDER Page 1 of 6", "cacd", "judgment"},
		// A filing's mention of another kind is not its title.
		{"ORDER\nThe application for a search warrant filed on May 1 is granted.", "cand", "order"},
		// How a matter came before the court is not the filing's title.
		{"______\n   ON MOTION\n______\n   ORDER\nUpon consideration of", "cafc", "order"},
		// Headings of other kinds.
		{"PUBLISHED DECISION AWARDING ATTORNEYS' FEES AND COSTS\nAn April 16, 2021 decision found", "uscfc", "decision"},
		{"Appeal from the Superior Court in Maricopa County\nMemorandum Decision of the Court of Appeals, Division One", "ariz", "opinion"}, // the decision reviewed is no heading
		{"APPELLANT'S OPENING BRIEF\nSTATEMENT OF JURISDICTION", "ca9", "brief"},
		{"Joseph Doe, of Boston, on\nbrief for the Appellant.", "bap1", ""},
		{"FORM 8. Entry of Appearance\nENTRY OF APPEARANCE", "cafc", "notice of appearance"},
		{"DOCKETING NOTICE\nA notice of appeal filed by", "ca2", "notice"},
		{"Designation & Statement of Issues\nAppellant designates", "ca8", "statement of issues"},
		{"Syllabus\nThe plaintiffs, candidates for state offices,", "", "opinion"},
		{"No. 19-1234\nJUDGMENT\nAppeal from the United States District Court\nfor the District of Minnesota", "ca8", "judgment"},
		{"MOTION FOR SUMMARY JUDGMENT\n", "mnd", "motion"},
		// A court of review's decision by what its head prints.
		{"In the Iowa Supreme Court\nNo. 23–1122\nAppeal from the Iowa District Court for Jefferson County", "iowa", "opinion"},
		// The decree appealed from, in words; a commissioner who wrote the decision.
		{"Roe v. State\nNo. 31234\nAppeal from a judgment of conviction, upon a jury verdict, of two counts\n", "nev", "opinion"},
		{"No. 61234.\nSupreme Court of Missouri, Division No. 1.\nMarch 3, 1981.\nHALE, Commissioner.\nOtis Roe was charged", "mo", "opinion"},
		{"Appeal from a judgment of the District Court", "dcd", ""}, // a trial court's page: no decision of review
		{"Christensen, C.J., delivered the opinion of the court.", "iowa", "opinion"},
		{"STATE OF MAINE\nv.\nCRAIG A. WOODARD\nSTANFILL, C.J.\n[¶1]", "me", "opinion"},
		{"Angela T. Quigless, P.J., Kurt S. Odenwald, J., and James M. Dowd, J.\nIntroduction", "moctapped", "opinion"},
		{"CERTIFIED FOR PUBLICATION\nIN THE COURT OF APPEAL", "calctapp1d", "opinion"},
		{"The People of the State of New York,\nRespondent,\nv\nJohn Roe, Appellant.\nJudgment, Supreme Court, Bronx County (Jane Doe, J.), rendered May 1, 2023, affirmed.", "nyappdiv", "opinion"},
		{"Order, Supreme Court, Bronx County (Jane Doe, J.), entered May 1, 2023", "nysupct", ""}, // a trial court's page: not its decision
		{"former opinion withdrawn; reversed and\nremanded October 7, 2020", "", "opinion"},
		{"Appeal from the United States District Court\nfor the District of Columbia", "dcd", ""}, // a trial court's page: a bankruptcy appeal's order, not known
		{"appeal from a conviction upon a plea of guilty is limited", "", ""},
		{"The conviction was affirmed March 3, 2020, and the sentence stands.", "", ""},               // a sentence's words
		{"Before Flaum, Scudder, and St. Eve, Circuit Judges.\nFlaum, Circuit Judge.", "", "opinion"}, // a court of appeals not named
		// A clerk's letter; the Board of Immigration Appeals' decisions.
		{"OFFICE OF THE CLERK\n UNITED STATES COURT OF APPEALS\nAugust 3, 2017\nTo All Parties:", "ca3", "letter"},
		{"Cite as 28 I&N Dec. 437 (BIA 2022) Interim Decision #4035\nMatter of Emmanuel LAGUERRE, Respondent\nDecided January 20, 2022", "", "decision"},
		// A web page's section label above the court's own title: the
		// title says the kind; "MEMORANDUM OPINION" is an opinion still.
		{"U.S. v. Roe\n\nOpinion\n\nNo. 05-CR-31.\n\nSENTENCING MEMORANDUM\n\nDefendant operated a dealership.", "wied", "sentencing memorandum"},
		{"Opinion\n\nNo. CR 05-2345 JP.\n\nMEMORANDUM OPINION AND ORDER DENYING DEFENDANT'S MOTION\n", "nmd", "opinion"},
		{"Decision\n\nSUMMARY OPINION\n\nJudge Doe:\n", "oklacrimapp", "opinion"},
		{"UNITED STATES OF AMERICA v. DOE\n\nOMNIBUS MEMORANDUM ORDER ON REMAINING PRETRIAL\nMOTIONS\n", "pawd", "order"},
		{"MEMORANDUM AND ORDER\n", "nyed", "order"},
		{"No. 512 September Term, 2016 DOE v. STATE OF MARYLAND Adams, Baker, Clark, JJ. Opinion by Clark, J. Filed: May 9, 2017 Doe is charged", "mdctspecapp", "opinion"},
		// A head run together on one long line: a kind in capitals beside
		// capitals, where no heading names one; not a word in the body.
		{"RENDERED: OCTOBER 1, 2021 Commonwealth of Kentucky Court of Appeals NO. 2020-CA-0077-MR DOE v. APPELLANT COMMONWEALTH OF KENTUCKY APPELLEE OPINION AFFIRMING ** ** BEFORE: ADAMS, JUDGES.\n", "", "opinion"},
		{"PLEA AGREEMENT The United States of America and Alpha Corporation (\"defendant\"), a corporation organized and existing under the laws of Japan, hereby enter into the following Plea Agreement\n", "mied", "plea agreement"},
		{"The defendant was charged by an Information in the circuit court, and the State appealed from the ORDER of dismissal entered below after a hearing held that spring.\n", "mied", ""},
		{"OPINION\n\nJudge Doe:\n\nSENTENCING MEMORANDUM was filed.\n", "wied", "opinion"},
	}
	for _, tt := range tests {
		if got := docType(tt.page, tt.court); got != tt.want {
			t.Errorf("docType(%q) = %q, want %q", tt.page, got, tt.want)
		}
	}
}

func TestCaption(t *testing.T) {
	tests := []struct{ page, want string }{
		{"UNITED STATES OF AMERICA v. JOSE DOE, et al.", "United States v. Doe"},
		{"UNITED STATES OF AMERICA, )\n)\nPlaintiff, )\n)\nvs. ) CASE NO.:\n9 ) CR 14-648-CAS\nHARINDER SINGH, )\n10 )\nDEFENDANT. )", "United States v. Singh"},
		{"UNITED STATES OF AMERICA CASE NUMBER:\nSA CR 19-061-JVS\nPLAINTIFF(S)\nv.\nMICHAEL JOHN AVENATTI NOTICE OF MANUAL FILING\nOR LODGING\nDEFENDANT(S).", "United States v. Avenatti"},
		{"CALVARY CHAPEL OF BANGOR,\nPlaintiff, Appellant,\nv.\nJANET T. MILLS, in her official capacity", "Calvary Chapel of Bangor v. Mills"},
		// A web copy marking every line with a backtick.
		{"`IN THE UNITED STATES DISTRICT COURT\n`UNITED STATES OF AMERICA,\n`\n`2:23-CR-45\n`v.\n`\n`ADAM POE; BEN ROE;\n`CARL DOE,\n`)\n`OMNIBUS MEMORANDUM ORDER\n", "United States v. Poe"},
		// A court as a party is cited whole, not by a "surname".
		{"Wells v. Justice Court\n", "Wells v. Justice Court"},
		{"DOE v. SUPERIOR COURT\n", "Doe v. Superior Court"},
		{"Vanessa St. Pierre,\nPlaintiff—Appellant,\nversus\nStandard Insurance Company; Dearborn National Life\nInsurance Company,", "St. Pierre v. Standard Insurance Company"},
		{"11 UNITED STATES OF AMERICA,\n12 Plaintiff, CASE NO. 1:20-MJ-00104 EPG\n13 v. ORDER PERMITTING REDACTED COMPLAINT\n14 Jesus Alberto GONZÁLEZ-BURGOS, COUNSEL\n15 Defendant.", "United States v. González-Burgos"},
		{"ROCK BORDELON AND TORIE BORDELON, Petitioners v.\nCOMMISSIONER OF INTERNAL REVENUE, Respondent", "Bordelon v. Commissioner"},
		{"3 MICHAEL A. KNOWLES, :\n4 WARDEN, :\n5 Petitioner :\n6 v. : No. 07-1315\n7 ALEXANDRE MIRZAYANCE. :\n8 - - - - - x\n9 Washington, D.C.", "Knowles v. Mirzayance"},
		{"3 UNITED STATES OF AMERICA\n4 Plaintiff,\n5 vs. Sacramento, California\nNo. 2:18-CR-00119\n6 TUESDAY\nFIRDOS SHEIKH 9:03 A.M.\n7\nDefendant.", "United States v. Sheikh"},
		// A reporter's one-line caption: a writ's respondent court after
		// the "v.", the capitals of a government's or court's words.
		{"Amir PIROUZIAN, Petitioner v. The SUPERIOR COURT of Los Angeles County, Respondent; Medical Board of California, Real Party in Interest.\n\nB266015\n\nFiled June 29, 2016", "Pirouzian v. Superior Court of Los Angeles County"},
		{"COMMONWEALTH of Pennsylvania, Respondent v. Hugo Marcus SELENSKI, Petitioner.", "Commonwealth of Pennsylvania v. Selenski"},
		// One party on both sides is no caption: the block read is not
		// the page's caption. A surname against itself is a family's case.
		{"Jane Roe\nAppellantv\nThe State Of Nowhere\nAppellee\nv\nThe State Of Nowhere\nAppellee\nSUMMARY OPINION\n", ""},
		{"JOHN THORNBURG,\nPlaintiff,\nv.\nJANE THORNBURG,\nDefendant.\n", "Thornburg v. Thornburg"},
		// A juvenile case's "In the Interest of" caption; under parties'
		// caption the same words are no caption of their own.
		{"In the Interest of K.N.C. et al., children.\n\nNo. A03A1865.", "In the Interest of K.N.C. et al."},
		{"South Carolina Department of Social Services,\nRespondent,\n\nv.\n\nCorey M. Nelson, Appellant.\n\nIn the interest of a minor under the age of eighteen.", "South Carolina Department of Social Services v. Nelson"},
		// An organization's words followed by a comma or set with dots.
		{"GRISWOLD PROPERTIES, L.L.C., Plaintiff-Appellee, v. LEXINGTON INSURANCE COMPANY, Defendant-Appellant.", "Griswold Properties, L.L.C. v. Lexington Insurance Company"},
		// A date's label is no party.
		{"Amir PIROUZIAN, Petitioner v.\n\nFiled June 29, 2016", ""},
		// A right column's line set alone above the "v." is not a party.
		{"STATE OF NOWHERE,\n                                                 No. 12345-6-1\n             Respondent,\n                                                 DIVISION ONE\n      v.\n\nJOHN ROE,                                        UNPUBLISHED OPINION\n             Appellant.", "State of Nowhere v. Roe"},
		// New York's "v" without its period, alone on its line.
		{"Appellate Division, First Department\nPublished by New York State Law Reporting Bureau\n[*1]\nThe People of the State of New York,\nRespondent,\nv\nJohn Roe, Appellant.\n", "People v. Roe"},
		// A place searched keeps its town and state; a comma before other words ends it.
		{"In the Matter of:   12 Elm Street, Springfield IL\n\nDate Issued", "In the Matter of 12 Elm Street, Springfield IL"},
		{"In the Matter of:   12 Elm Street, described in the application\n\nDate Issued", "In the Matter of 12 Elm Street"},
		// A case cited is not the caption.
		{"See United States v. Detroit Timber & Lumber Co., 200 U. S. 321, 337.\nTARRANT REGIONAL WATER DISTRICT v.\nHERRMANN ET AL.", "Tarrant Regional Water District v. Herrmann"},
		{"See United States v. Detroit Timber & Lumber Co., 200 U. S. 321, 337.", ""},
		{"IN THE MATTER OF THE SEARCH OF", ""},
		{"USA vs. James R Milheiser Docket No.: SACR 16-76JVS", "United States v. Milheiser"},
		{"GIFT SURPLUS, LLC, and SANDHILL AMUSEMENTS, INC.,\nPlaintiffs,\nv.\nSTATE OF NORTH CAROLINA, ex rel. ROY COOPER", "Gift Surplus, LLC v. State of North Carolina"},
		{"Bainbridge Fund LTD, ORDER\nPlaintiff - Appellee, Docket No. 25-1686\nv.\nThe Republic of Argentina,\nDefendant - Appellant.", "Bainbridge Fund LTD v. Republic of Argentina"},
		// A minutes form's "Title" row under its "Case No." row: the label names no party.
		{"Case No.     CV 99-1234-ABC (DEx)              Date    May 1, 2019\n\nTitle Jane Q. Roe v. Acme Widget Company        Page 1 of 1", "Roe v. Acme Widget Company"},
		{"Title Guaranty Company v. John Roe, 12 F.3d 4 (1990)\nTITLE GUARANTY COMPANY v. JOHN ROE", "Title Guaranty Company v. Roe"},
		// A minutes form's column heads are not a caption.
		{"U.S.A. v. Defendant(s):   Present   Cust.    Bond       Attorneys for", ""},
		// A name wrapped in the left column runs on to the line its comma closes.
		{"  NORTHERN ACME WIDGET                Case No. 1:20-cv-00001\n  MANUFACTURING COMPANY, et al.,\n            Plaintiffs,           ORDER\n       v.\n  JOHN ROE,\n            Defendant.", "Northern Acme Widget Manufacturing Company v. Roe"},
		// … but a wrapped name no word marks as an organization's is uncertain: none.
		{"  MARIA DEL CARMEN                    Case No. 1:20-cv-00001\n  RODRIGUEZ,\n            Plaintiff,\n       v.\n  ACME CORP.,\n            Defendant.", ""},
		// A corporate suffix opening the next line ends the name, "and" inside it.
		{"12    ROE PAINTING AND PLUMBING,\n      INC., individually and on behalf of all others\n13    similarly situated,\n14                Plaintiff,\n      v.\n16    JOHN DOE,\n                Defendant.", "Roe Painting and Plumbing, Inc. v. Doe"},
		{"10   NORTHERN PHYSICIANS               ) Case No.:\n     ASSOCIATES MEDICAL GROUP,          )\n11   INC, d/b/a ACME IPA, A California  )\n     corporation,                       )\n                 Plaintiff,             ) COMPLAINT FOR:\n           vs.                          ) (1) DECLARATORY RELIEF\n15   JOHN ROE,                          )\n                 Defendant.             )", "Northern Physicians Associates Medical Group, Inc v. Roe"},
		{"     ROEPOINT, INC.; CLOUDMARK               Case No. 3:19-cv-04238\n15   LLC,\n16                Plaintiffs,\n        v.\n18   JOHN DOE,\n                Defendant.", "Roepoint, Inc. v. Doe"},
		// A company's form keeps its title case; initials joined by "&" their capitals.
		{"ROE HOLDINGS, LTD.,\n   Plaintiff,\n v.\nAT&T MOBILITY LLC,\n   Defendant.", "Roe Holdings, Ltd. v. AT&T Mobility LLC"},
		{"In re: PG&E CORPORATION,\n   Debtor.", "In re PG&E Corporation"},
		// A right party wrapped over lines with the other column's text between them.
		{"ROE HOLDINGS, INC.,           Case No. 2:16-cv-00001\n     Plaintiff,\n  v.                          JOINT STIPULATION ON\n                              MOTION TO COMPEL\n  WIDGET INTERACTIVE\n                              RESPOND TO\n  ENTERTAINMENT LTD.,\n     Defendant.", "Roe Holdings, Inc. v. Widget Interactive Entertainment Ltd."},
		{"JANE ROE,                     No. 1:20-cv-01133\n     Plaintiffs,\n  v.                          ORDER GRANTING REQUEST\n  ACME HOME PRODUCTS\n  INC., et al.,                 (Doc. No. 200)\n     Defendants.", "Roe v. Acme Home Products Inc."},
		// "-against-" alone on its line, as New York's courts set it.
		{"SOUTHERN DISTRICT OF NEW YORK\n    Jane Roe,\n\n                 Plaintiff,\n                                   1:18-cv-01234 (ABC)\n          -against-\n                                   ORDER\n    John Doe,\n\n                 Defendant.", "Roe v. Doe"},
		{"ACME WIDGET CORP.,\n   Plaintiff,\n   - against -\nJOHN DOE,\n   Defendant.", "Acme Widget Corp. v. Doe"},
		{"The claims it brings\nagainst\nthe defendant are dismissed.", ""},
		// A division's line under a pleading's line number tops the block; an alias in brackets is no part of a name.
		{"    9                    CENTRAL DISTRICT OF CALIFORNIA\n   10                             WESTERN DIVISION\n   11 JANE ROE (p/k/a JR), et            CASE NO. 2:15-cv-01234\n      al.,\n                 Plaintiffs,\n             v.                         FINAL PRETRIAL\n      JOHN DOE\n   15 (a/k/a JD), et al.,\n                 Defendants.", "Roe v. Doe"},
		{"   10                             WESTERN DIVISION\n   11 JANE ROE (born 1950)              CASE NO. 2:15-cv-01234\n                 Plaintiffs,\n             v.\n      JOHN DOE,\n                 Defendants.", ""},
		// A list of parties running above a caption block's reach: its first party is out of reach.
		{"NORTHERN DISTRICT OF CALIFORNIA\nALPHA HOUSING, LLC, BETA LAND, LLC,\nGAMMA COMMUNITIES LLC, DELTA\nHOUSING LP, EPSILON COMMUNITIES LLC,\nZETA FRONTIER COMMUNITIES, LLC,\nETA HOUSING LP, THETA COMMUNITIES\nLLC, IOTA FUNDING, LLC, KAPPA\nHOUSING LP, LAMBDA HOUSING LLC,\nMU HOUSING, LLC, NU HOUSING LP,\nXI HOUSING, LLC, and OMICRON HOUSING LP,\n\n        Plaintiffs,\n   vs.\nACME ASSURANCE CORPORATION,\n        Defendant.", ""},
		// A letter's reference line: the case number, a semicolon, the parties.
		{"                                           March 23, 2021\n       Case 4:19-cv-01234-ABC-DEF; Roe v. Acme Mobility LLC et al.\nDear Judge Doe:", "Roe v. Acme Mobility LLC"},
		// An office "of" a body is no person's name.
		{"11    TRACIE ROE,\n12                Plaintiff,\n13         v.\n14    COMMISSIONER OF SOCIAL\n      SECURITY,\n15                Defendant.", "Roe v. Commissioner of Social Security"},
		// A name broken over lines is read whole, below the "v." and above it.
		{"JANE ROE,\n   Plaintiff and Appellant,\n   v.\nGREATER METROPOLITAN\nTRANSIT AUTHORITY,\n   Defendant and Respondent.", "Roe v. Greater Metropolitan Transit Authority"},
		{"MARY SMITH v. STATE BOARD OF\n     NURSING EXAMINERS\n     (SC 12345)", "Smith v. State Board of Nursing Examiners"},
		{"NORTHERN LAKES WATER          *   NO. 2021-CA-0001\nAND SEWER DISTRICT            *\n                                   COURT OF APPEAL\nVERSUS                        *\n                                   FIRST CIRCUIT\nJOHN DOE                      *", "Northern Lakes Water and Sewer District v. Doe"},
		// The judge's line under a caption is not a party; "et al." closes one.
		{"STATE OF MAINE\nv.\nJOHN Q. PUBLIC\nSMITH, C.J.\n[¶1] The defendant", "State of Maine v. Public"},
		{"ANNE BAKER et al.\nv.\nTOWN OF RIVERTON et al.\nJONES, J.", "Baker v. Town of Riverton"},
		{"ANNE BAKER\nv.\nCARL DOE\nPER CURIAM\n[¶1] Baker appeals", "Baker v. Doe"},
		// Of a list of parties, the first; a state's name inside a party's name.
		{"ACME WIDGETS CORP. and        §\nACME HOLDINGS LP,             §\nPlaintiffs,                   § Cause No. 24-1\nv.                            §\nBETA TOOLS CO.,               §", "Acme Widgets Corp. v. Beta Tools Co."},
		{"UNITED STATES OF AMERICA,\nAppellant,\nv.\nALPHA CONSULTING CORP., TEXAS RECEIVER\nand JOHN DOE, TRUSTEE,\nAppellees.", "United States v. Alpha Consulting Corp."},
		{"MARK LEE,        *\n   Petitioner,   *\nv.               *    Decision; Attorney's Fees.\nSECRETARY OF HEALTH   *\nAND HUMAN SERVICES,   *\n   Respondent.   *", "Lee v. Secretary of Health and Human Services"},
		// Abbreviations and initials keep their form.
		{"Zeta Homes, LLC, Appellant,\nv.\nQRX, LLC, Respondent.", "Zeta Homes, LLC v. QRX, LLC"},
		{"K.L.,\nPlaintiff-Respondent,\nv.\nR.T.B.,\nDefendant-Appellant.", "K.L. v. R.T.B."},
		// The first party of the caption block, not the nearest to the "v.".
		{"FOR THE NINTH CIRCUIT\nROGER D. MORTIMER, individually\nand as representative of the class\nof persons defined in averment 15; No. 07-55393\nDEANE DANA; DON KNABE, D.C. No.\nPlaintiffs-Appellants,\nv.\nLEROY D. BACA,\nDefendant-Appellee.", "Mortimer v. Baca"},
		{"_______\nJOHN LEY\nACTING CLERK\nD. C. Docket No. 06-02274-CV-AR-S\nBRENDA ROBINSON,\nPlaintiff-Appellant,\nversus\nTYSON FOODS, INC.,\nDefendant-Appellee.", "Robinson v. Tyson Foods, Inc."},
		{"Lyle W. Cayce\nClerk\nVanessa St. Pierre,\nPlaintiff—Appellant,\nversus\nStandard Insurance Company,", "St. Pierre v. Standard Insurance Company"},
		{"FOR THE NORTHERN DISTRICT OF ILLINOIS\nEASTERN DIVISION\nHEATHER HARER and KEVIN HARER, )\nPlaintiffs, )\nv. )\nJOHN FLORES, )", "Harer v. Flores"},
		// An organization named over several lines, above and below the "v.".
		{"UNITED STATES COURT OF APPEALS\nISLAND CREEK COAL\nCOMPANY,\nPetitioner,\nv.\nJAMES HILL; DIRECTOR, OFFICE OF WORKERS'\nRespondents.\nWashington, D.C.", "Island Creek Coal Company v. Hill"},
		{"MARIBEA BALMERT, X\nPlaintiff-Appellant, -\n-\n- No. 08-4433\nv. -\n>\n,\nRELIANCE STANDARD LIFE INSURANCE -\nCOMPANY, -\n-\nDefendant-Appellee.", "Balmert v. Reliance Standard Life Insurance Company"},
		{"NATIONAL FOOTBALL LEAGUE\nMANAGEMENT COUNCIL,\nPlaintiff,\nv.\nNATIONAL FOOTBALL LEAGUE\nPLAYERS ASSOCIATION,\nDefendant.", "National Football League Management Council v. National Football League Players Association"},
		// A form's label is no party; a form's columns set apart by spaces.
		{"Docket #: 17-3510cv      Short Title: National Football League Manag v. National Football League Playe      DC Docket #: 17-cv-6761", "National Football League Manag v. National Football League Playe"},
		{" UNITED STATES OF AMERICA vs.            Docket No.     SACR 16-76JVS\n\n Defendant      7. James R Milheiser           Social Security No. 0982", "United States v. Milheiser"},
		{"State of Vermont                          Supreme Court\n\n   v.                                     Superior Court, Chittenden Unit,\n                                          Criminal Division\n\nRandy F. Therrien", "State of Vermont v. Therrien"},
		{"UNITED STATES OF AMERICA                          CASE NUMBER:\n\n                                    SA CR 19-061-JVS\n                   PLAINTIFF(S)\n        v.\nMICHAEL JOHN AVENATTI                      NOTICE OF MANUAL FILING\n                                              OR LODGING\n                       DEFENDANT(S).", "United States v. Avenatti"},
		// Capitals restored as the page spells the name, else title case.
		{"CARLOS ALVARADO,\nPlaintiff,\nv.\nFEDEX CORPORATION,\nDefendant.\nPlaintiff worked for FedEx as a driver.", "Alvarado v. FedEx Corporation"},
		{"CARLOS ALVARADO,\nPlaintiff,\nv.\nFEDEX CORPORATION,\nDefendant.", "Alvarado v. Fedex Corporation"},
		{"CONSUMERINFO.COM, INC., a California\ncorporation, d/b/a EXPERIAN CONSUMER\nSERVICES,\nPlaintiff,\nv.\nJESUS LEON,\nDefendant.", "Consumerinfo.com, Inc. v. Leon"},
		// A party's other name after "dba" runs over lines and is not a party.
		{"13   CONSUMERINFO.COM, INC. dba             Case No. 8:16-cv-1261 DOC (KESx)\n       EXPERIAN CONSUMER\n  14   SERVICES,\n  15                  Plaintiff,\n  16         v.\n  17   ESTEBAN LEON; and DOES 1\n", "Consumerinfo.com, Inc. v. Leon"},
		// A suffix set alone on the next line ends the name; an "and" inside
		// a name closed by a suffix; a brand's digit.
		{"MICHAEL TOFAUTE, et al.,\n    Plaintiffs-Appellants,\n                v.\nACME PACKAGE SYSTEM,\nINC.,\n      Defendant-Appellant.", "Tofaute v. Acme Package System, Inc."},
		{"Case Name:\nWSOU Investments LLC v. Google\nLLC\n\nCase Number: 6:20-cv-00580-ADA", "WSOU Investments LLC v. Google LLC"},
		{"Ruben Diaz                 ) Docket No. 2019-06-0263\n                           )\nv.                         ) State File No. 9687-2019\n                           )\nCreate and Construct, LLC  )\n", "Diaz v. Create and Construct, LLC"},
		{"PAUL N. NELSON,\n      Plaintiff-Appellee,\n   v.\nK2 INC. and K-2 CORPORATION,\n      Defendants-Appellants.", "Nelson v. K2 Inc."},
		// A form's label wraps its caption at the same indent.
		{"Short Title: Acme Widget Holdings Grou v. Beta         CITY)\nWidget Company Assoc                                DC Judge: Doe", "Acme Widget Holdings Grou v. Beta Widget Company Assoc"},
		// A role line of a cross-appeal; small capitals split by a text layer.
		{"Ideal Electronic Security Co., Inc., et al.,\n\n    Appellants/Cross-Appellees\n\n   v.\n\nInternational Fidelity Insurance Company,\n\n    Appellee/Cross-Appellant", "Ideal Electronic Security Co., Inc. v. International Fidelity Insurance Company"},
		{"JULIAN L OPEZ,\n      Petitioner-Appellant,\n   v.\nM ICHAEL T HURMER,\n      Respondent-Appellee.\nA Wisconsin jury convicted Julian Lopez.", "Lopez v. Thurmer"},
		{"JOHN Q PUBLIC,\n      Petitioner,\n   v.\nACME CORP.,\n      Respondent.", "Public v. Acme Corp."},
		// A word of capitals without a vowel inside a name marks an
		// organization's, read whole, not cut to a surname; an initial is
		// no such word.
		{"ACME WIDGETS, LTD., et al.,\n    Plaintiffs,\n         v.\nTELEFONAKTIEBOLAGET LM ERICSSON, et al.,\n    Defendants.", "Acme Widgets, Ltd. v. Telefonaktiebolaget LM Ericsson"},
		{"JOHN DOE,\n    Plaintiff,\n         v.\nMARY J SMITH,\n    Defendant.", "Doe v. Smith"},
		// A "v." in a sentence takes no party from the lines above it.
		{"Re: Case No. 17-3994, Island Creek Coal Company v. Linda Hill, et al\n    Originating Case No. : 16-0556\nDear Counsel:", "Island Creek Coal Company v. Hill"},
		{"Increased Rating\n\nThe regulation governs ratings; see generally Schafrath v. Derwinski, 1 Vet. App. 589 (1991).", ""},
		// A form's next label ends the caption: no party is read from it.
		{"Case Name: Roe Holdings, Inc. v.\n(sealed)\nCase Number: 8:23-cv-00705-KKM-AAS\nFiler:\nWARNING: CASE CLOSED on 02/21/2024\nDocument Number: 88", ""},
		// A name may hold a possessive, and is then an organization's; a
		// filer's possessive opens a title, not a party.
		{"Case Name: Roe Holdings, Inc. v.\nJane's Revenge et al\nCase Number: 8:23-cv-00705-KKM-AAS\n", "Roe Holdings, Inc. v. Jane's Revenge"},
		{"JANE ROE, Plaintiff, v. LOWE'S HOME CENTERS, LLC, Defendant.", "Roe v. Lowe's Home Centers, LLC"},
		{"JOHN DOE,\n    Plaintiff,\n         v.\n\nSMITH'S MOTION TO DISMISS\n", ""},
		{"JOHN DOE,\n    Plaintiff,\n         v.\nACME CORP.,\n    Defendant.\n\nACME'S MOTION TO DISMISS", "Doe v. Acme Corp."},
		{"UNITED STATES OF AMERICA,\n   Plaintiff,\nv.\nJOHN SMITH,\n  Defendant.\n\nDEFENDANT SMITH'S SENTENCING MEMORANDUM", "United States v. Smith"},
		// A label in the column beside the parties does not.
		{"    JOHN ROE,\n        Plaintiff,                 MOTION FOR\n14       v.\n                                   Date: October 26, 2018\n    ACME TV, LLC,                  Time: 3:00 p.m.\n        Defendant.", "Roe v. Acme TV, LLC"},
	}
	for _, tt := range tests {
		if got := caption(tt.page); got != tt.want {
			t.Errorf("caption(%q) = %q, want %q", tt.page, got, tt.want)
		}
	}
}

// TestMatterCaption reads the captions of filings that name a matter
// instead of parties, in the forms warrant filings, grand-jury matters and
// appeals print them.
func TestMatterCaption(t *testing.T) {
	tests := []struct{ name, page, want string }{
		{"AO 93 warrant form", "UNITED STATES DISTRICT COURT\nfor the\nDistrict of Oregon\n     In the Matter of the Search of                  )\n  (Briefly describe the property to be searched     )\n   or identify the person by name and address)      )      Case No. 3:21-mc-00123\n                                                     )\n  A BLACK APPLE IPHONE SEIZED FROM JOHN DOE          )\n                                                     )\nAPPLICATION FOR A WARRANT",
			"In the Matter of the Search of a Black Apple Iphone Seized From John Doe"},
		{"pleading paper", "8 IN THE UNITED STATES DISTRICT COURT\n9 EASTERN DISTRICT OF CALIFORNIA\n10\nIN THE MATTER OF THE SEARCH OF CASE NO. 2:20-SW-908 DB\n11 MICHAEL ANTHONY BUTLER, JR., AS\nDESCRIBED IN ATTACHMENT A-4 ORDER REGARDING MOTION TO UNSEAL\n12\n13\n14\n15\n16 The United States’ motion to unseal this case is GRANTED.\n17 The court\n18 further\n19 finds\n20\n21",
			"In the Matter of the Search of Michael Anthony Butler, Jr."},
		{"in re search, described by attachment", "IN RE SEARCH OF 1234 MAIN STREET, SACRAMENTO, CALIFORNIA, AS DESCRIBED IN ATTACHMENT A\nCase No. 20-SW-123 (UNDER SEAL)",
			"In re Search of 1234 Main Street"},
		{"account at a provider", "In the Matter of the Search of Information Associated with\nexample@gmail.com That Is Stored at Premises Controlled by Google LLC    Case No. 1:21-mj-00123\n\nAFFIDAVIT",
			"In the Matter of the Search of Information Associated with example@gmail.com That Is Stored at Premises Controlled by Google LLC"},
		{"grand jury subpoena", "UNITED STATES DISTRICT COURT\nIN RE GRAND JURY SUBPOENA               )   Misc. No. 19-mc-00045\n                                        )   (UNDER SEAL)\n\nMOTION TO QUASH",
			"In re Grand Jury Subpoena"},
		{"in re: with a colon", "IN RE: SEALED CASE                     No. 18-3052\n\nBefore: HENDERSON", "In re Sealed Case"},
		{"juvenile, column of braces", "In re G.J., Juvenile                                }    APPEALED FROM:\n(G.J., Father* & M.J., Mother*)                     }", "In re G.J."},
		{"person over two lines", "    IN THE MATTER OF ROLF D.                    §\n    BREWSTER, a person with a                   §\n    disability,1                                § No. 254, 2025", "In the Matter of Rolf D. Brewster"},
		{"multidistrict litigation", "IN RE: FEDEX GROUND PACKAGE SYSTEM, INC.,\nEMPLOYMENT PRACTICES LITIGATION\nFedEx drivers", "In re FedEx Ground Package System, Inc."},
		{"multidistrict litigation on one line", "IN RE: Roe Widgets AI, Inc., Consumer Privacy Litigation\nCase Number:", "In re Roe Widgets AI, Inc., Consumer Privacy Litigation"},
		{"a company's matter, then its role", "In re Roe Widgets, Inc., Debtor, and other matters", "In re Roe Widgets, Inc."},
		{"no subject", "IN THE MATTER OF THE SEARCH OF\n\n\n", ""},
		{"a citation is no caption", "held as much. In re Winship, 397 U.S. 358 (1970).\nIn re Winship, 397 U.S. 358, 364 (1970).", ""},
		{"board of immigration appeals", "Cite as 28 I&N Dec. 437 (BIA 2022) Interim Decision #4035\nMatter of Emmanuel LAGUERRE, Respondent\nDecided January 20, 2022", "Matter of Emmanuel LAGUERRE"},
		{"matter of, cited", "See Matter of Smith, 12 I&N Dec. 34 (BIA 1990), Respondent", ""},
		{"board of tax appeals", "Appeal of JANE Q. ROE.\n\nDocket No. 17.\n\nSubmitted October 13, 1924;", "Appeal of Jane Q. Roe"},
		{"appeal of, a heading of what is appealed", "APPEAL OF RIGHT\n\nThe defendant appeals.", ""},
		{"appeal of, cited", "Appeal of Roe, 1 B. T. A., 5.", ""},
		{"appeal of, in a sentence", "must submit letters no later than 14 days after the conclusion of the\nappeal of her related criminal conviction in case No. 8:23-cr-25.", ""},
		{"advisory opinion", "OPINION OF THE JUSTICES, 294 Ala. 571 (1975)\n\nOPINION OF THE JUSTICES.\n\nNo. 216.\n\nSupreme Court of Alabama.", "Opinion of the Justices"},
		{"advisory opinion, cited", "as the court held in Opinion of the Justices, 294 Ala. 571 (1975).", ""},
	}
	for _, tt := range tests {
		if got := caption(tt.page); got != tt.want {
			t.Errorf("%s: caption(%q) = %q, want %q", tt.name, tt.page, got, tt.want)
		}
	}
}

// TestRelease reads a press release's own date and office from its head,
// not the dates and offices its story names.
func TestRelease(t *testing.T) {
	tests := []struct{ page, date, office string }{
		{"QUEENS COUNTY DISTRICT ATTORNEY\nFOR IMMEDIATE RELEASE\nTHURSDAY, DECEMBER 5, 2024\nMEN CHARGED", "2024-12-05", "QUEENS COUNTY DISTRICT ATTORNEY"},
		{"JANE ROE\nDISTRICT ATTORNEY, KINGS COUNTY\nFor Immediate Release\nAugust 2, 2024\nThe defendant was arrested on July 1, 2024.", "2024-08-02", "DISTRICT ATTORNEY, KINGS COUNTY"},
		{"Office of the Special Narcotics Prosecutor\nfor the City of New York\nFor Immediate Release\nDecember 5, 2012", "2012-12-05", "Office of the Special Narcotics Prosecutor"},
		{"6/30/25, 6:14 PM News\nPRESS RELEASES\nNOVEMBER 14, 2024\nIndicted", "2024-11-14", ""},
		{"March 22, 2023 Contact: Ann Doe\nHarris County District Attorney’s Office\nPress Release", "2023-03-22", "Harris County District Attorney’s Office"},
		{"United States Attorney's Office, Southern District of New York\nPress Release\nMonday, May 6, 2019", "2019-05-06", "United States Attorney's Office, Southern District of New York"},
		{"Press Release\nSeptember 08, 2025\nCook County State's Attorney Jane Doe today announced", "2025-09-08", "Cook County State's Attorney"},
	}
	for _, tt := range tests {
		if got := releaseDate(tt.page); got != tt.date {
			t.Errorf("releaseDate(%q) = %q, want %q", tt.page, got, tt.date)
		}
		if got := issuingOffice(tt.page); got != tt.office {
			t.Errorf("issuingOffice(%q) = %q, want %q", tt.page, got, tt.office)
		}
	}
	c, _ := Read([]schemas.Page{{Number: 1, Text: tests[0].page}})
	if c.DocType != "press release" || c.Date != tests[0].date || c.Filed != "" || c.Office != tests[0].office {
		t.Errorf("Read(release) = %+v, want a press release dated %s, never filed", c, tests[0].date)
	}
	// A headline's "CHARGES FILED" above the site's date is no filing;
	// "For Immediate Release:" running on into the headline names a release.
	for _, page := range []string{
		"TAX CHARGES FILED AGAINST EXECUTIVE - Nowhere County District Attorney\nPress\nTAX CHARGES FILED AGAINST EXECUTIVE\nAuthor\nAnn Doe\nPublished\nApril 28, 2005\nFor Immediate Release\nSeptember 5th, 2003\n",
		"November 1, 2019 Contact: Ann Doe\nNowhere County District Attorney’s Office\nFor Immediate Release: Nephew Receives Life Sentence for the Murder of his Uncle\n(Nowhere, Texas) – A jury returned a life sentence.\n",
	} {
		if c, _ := Read([]schemas.Page{{Number: 1, Text: page}}); c.DocType != "press release" || c.Filed != "" {
			t.Errorf("Read(%q) = %q filed %q, want a press release, never filed", page, c.DocType, c.Filed)
		}
	}
}

func TestFiledDate(t *testing.T) {
	tests := []struct{ page, want string }{
		{"Submitted: January 8, 2010\nFiled: February 5, 2010", "2010-02-05"},
		{"Docket Nos. 19031-13, 27735-13, Filed February 20, 2020.", "2020-02-20"},
		{"FILED\nUnited States Court of Appeals\nTenth Circuit\nUNITED STATES COURT OF APPEALS\nFebruary 5, 2010", "2010-02-05"},
		{"Assistant United States Attorney FILED\n3 501 I Street, Suite 10-100\nOct 29, 2020", "2020-10-29"},
		{"No. 363A14-4\nFiled 11 February 2022", "2022-02-11"},
		{"                    FILED\n           2021 Feb-16 AM 08:55\n           U.S. DISTRICT COURT\n               N.D. OF ALABAMA", "2021-02-16"},
		{"ORAL ARGUMENT: December 5, 2017 OPINION FILED: February 6, 2018", "2018-02-06"},
		{"DocketNumber: 06-12345\nJudges: Jane A. Smith\nFiled Date: 8/24/2011\nStatus: Precedential", "2011-08-24"},
		{"Claim No: 1\nOriginal Filed Date: 08/12/2016\nOriginal Entered Date: 08/12/2016", ""},
		{"the March 14, 2011 \"Order Granting Motion for Protective Order [Filed January 18, 2011]\"", ""},
		{"Motion to Dismiss (Filed December 13, 2010)\nFiled: June 9, 2014", "2014-06-09"},
		{"the complaint was filed on May 3, 2020", ""},
		{"DATED: October 2, 2020", ""},
		// A bracketed label on a line of its own is the page's own.
		{"DeGraff v. Burnett (2006-266)\n\n2007 VT 95\n\n[Filed 31-Aug-2007]\n", "2007-08-31"},
		{"the order (see Motion to Strike [Filed 31-Aug-2007])", ""},
		// A bankruptcy court's notice names whom the filing came from.
		{"The following transaction was received from Admin entered on 02/01/2024 at 00:34 AM EST and filed on 01/31/2024", "2024-01-31"},
		{"The following transaction was received from Roe, Jane entered on 7/15/2024 at 3:35 PM EDT and filed on 7/15/2024", "2024-07-15"},
	}
	for _, tt := range tests {
		if got := filedDate(tt.page); got != tt.want {
			t.Errorf("filedDate(%q) = %q, want %q", tt.page, got, tt.want)
		}
	}
}

func FuzzParseStamp(f *testing.F) {
	f.Add("Case 4:08-cv-02214-SBA Document 26 Filed 01/29/2009 Page 1 of 2")
	f.Add("Case: 20-1507 Document: 00117684624 Page: 1 Date Filed: 12/22/2020 Entry ID: 6390389")
	f.Add("No. 2:19-cr-00595-CAS-1 and Ind. No. 1234/2019")
	f.Add("Appellate Case: 22-1801 Page: 1 Date Filed: 01/19/2023 Entry ID: 5237514")
	f.Add("Docket Nos. 19031-13, 27735-13, Filed February 20, 2020.\n11905-14.")
	f.Add("UNITED STATES OF AMERICA, )\nPlaintiff, )\nvs. ) CASE NO.: CR 14-648-CAS\nHARINDER SINGH, )\nDEFENDANT. )")
	f.Add("NORTHERN LAKES WATER          *   NO. 2021-CA-0001\nAND SEWER DISTRICT            *\nVERSUS                        *\n                    FIRST CIRCUIT\nJOHN DOE                      *")
	f.Add("ACME WIDGETS CORP. and        §\nACME HOLDINGS LP,             §\nv.                            §\nBETA TOOLS CO.,               §")
	f.Add("STATE OF MAINE\nv.\nJOHN Q. PUBLIC\nSMITH, C.J.\nMARY SMITH v. STATE BOARD OF\n     NURSING EXAMINERS\n")
	f.Fuzz(func(t *testing.T, s string) {
		if st, ok := ParseStamp(s); ok && len(st.Filed) != 10 {
			t.Fatalf("ParseStamp(%q) filed %q", s, st.Filed)
		}
		for _, n := range findCaseNumbers(s) {
			if n.start < 0 || n.end > len(s) || n.start >= n.end || n.norm == "" {
				t.Fatalf("findCaseNumbers(%q): bad span %+v", s, n)
			}
		}
		// The caption, kind and filed date read the same outside input.
		caption(s)
		docType(s, "ca1")
		if d := filedDate(s); d != "" && len(d) != 10 {
			t.Fatalf("filedDate(%q) = %q", s, d)
		}
	})
}

// FuzzDates: every DATE found is the exact text at its span and carries a
// real ISO date; parseDate never returns a malformed one.
func FuzzDates(f *testing.F) {
	f.Add("Filed 01/29/2009 and argued April 23, 2013; 11 February 2022; 2020-02-30")
	f.Add("Oct 29, 2020\nSept. 3, 1999 — 2/3/04")
	// Dates over three lines, blank lines between, on numbered lines.
	f.Add("3 decided on November\n\n4 \n18,\n\n2004 and 11\n  February\n2022 - 12/1\n/2020")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		runes := []rune(s)
		for _, e := range findDates(schemas.Page{Number: 1, Text: s}) {
			if e.Start < 0 || e.End > len(runes) || string(runes[e.Start:e.End]) != e.Text {
				t.Fatalf("findDates(%q): span [%d,%d) is not %q", s, e.Start, e.End, e.Text)
			}
			d, ok := e.Attrs.(*schemas.DateAttrs)
			if !ok {
				t.Fatalf("findDates(%q): %q has attrs %T", s, e.Text, e.Attrs)
			}
			if _, err := time.Parse(time.DateOnly, d.ISO); err != nil {
				t.Fatalf("findDates(%q): %q has ISO %q: %v", s, e.Text, d.ISO, err)
			}
		}
		if iso, ok := parseDate(s); ok {
			if _, err := time.Parse(time.DateOnly, iso); err != nil {
				t.Fatalf("parseDate(%q) = %q: %v", s, iso, err)
			}
		}
		checkDateWindows(t, s)
	})
}

// checkDateWindows fails when findDates, which reads only the lines that
// can hold a date, finds other dates than the patterns over the whole text.
func checkDateWindows(t testing.TB, s string) {
	t.Helper()
	key := func(es []schemas.Entity) []string {
		var out []string
		for _, e := range es {
			out = append(out, fmt.Sprintf("%d-%d:%s", e.Start, e.End, e.Normalized))
		}
		slices.Sort(out)
		return out
	}
	whole := key(appendDates(nil, 1, s, 0, len(s), textscan.ByteToRune(s)))
	windowed := key(findDates(schemas.Page{Number: 1, Text: s}))
	if !slices.Equal(whole, windowed) {
		t.Fatalf("findDates(%q) = %v, the patterns over the whole text find %v", s, windowed, whole)
	}
}

// TestDateWindows: on every stored first page and every page of the
// corpus (when ../shared is present), findDates finds what the patterns
// find over the whole page.
func TestDateWindows(t *testing.T) {
	pages, dates := storedPages(t), 0
	for _, p := range pages {
		checkDateWindows(t, p)
		dates += len(findDates(schemas.Page{Number: 1, Text: p}))
	}
	t.Logf("%d pages, %d dates", len(pages), dates)
}

// storedPages returns the stored first pages (testdata/case) and, when
// ../shared is present, every page of the corpus's text.
func storedPages(t testing.TB) []string {
	files, _ := filepath.Glob("testdata/case/*.txt")
	corpus, _ := filepath.Glob("../../../shared/corpus/text/*.txt")
	var pages []string
	for _, f := range append(files, corpus...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, strings.Split(string(b), "\f")...)
	}
	return pages
}

// TestViolationNotice reads a federal violation notice's case block: its
// kind and number from the form, and no court, since the form names none
// but "United States District Court".
func TestViolationNotice(t *testing.T) {
	page := "United States District Court\nViolation Notice\n" +
		"Location Code   Violation Number     Officer Name (Print)   Officer No.\n" +
		"CA70            E1234567             J SMITH                1234\n" +
		"YOU ARE CHARGED WITH THE FOLLOWING VIOLATION\nDate and Time of Offense   Offense Charged  36 CFR 4.23(a)(1)\n"
	c, _ := Read([]schemas.Page{{Number: 1, Method: schemas.MethodText, Text: page}})
	want := schemas.Case{CaseNumbers: []string{"E1234567"}, DocType: "violation notice"}
	if diff := cmp.Diff(want, c); diff != "" {
		t.Errorf("Read(violation notice) (-want +got):\n%s", diff)
	}
}

// TestDocTypeSkip: docType skips the patterns whose literal a page lacks,
// and must name the same kind as every pattern run, on every stored first
// page and every page of the corpus when ../shared is present.
func TestDocTypeSkip(t *testing.T) {
	pages := storedPages(t)
	for _, p := range pages {
		for _, court := range []string{"", "ca9"} {
			if got, want := docTypeOf(p, court, true), docTypeOf(p, court, false); got != want {
				t.Errorf("%q…: %q with patterns skipped, %q with all", p[:min(len(p), 80)], got, want)
			}
		}
	}
	t.Logf("%d pages", len(pages))
}

func FuzzDocTypeSkip(f *testing.F) {
	f.Add("UNITED STATES DISTRICT COURT\nPLEA AGREEMENT\nThis opinion", "")
	f.Add("Before: SMITH and JONES, Circuit Judges.\nſUBPOENA\nRe: the motion", "ca2")
	f.Fuzz(func(t *testing.T, page, court string) {
		if got, want := docTypeOf(page, court, true), docTypeOf(page, court, false); got != want {
			t.Fatalf("docType(%q): %q with patterns skipped, %q with all", page, got, want)
		}
	})
}

func TestHostCourt(t *testing.T) {
	for _, tt := range []struct{ page, want string }{
		{"OFFICE OF THE CLERK\nPHILADELPHIA, PA 19106-1790\nWebsite: www.ca3.uscourts.gov\n", "ca3"},
		{"Filing help: ecf.cand.uscourts.gov", "cand"},
		{"Register at pacer.uscourts.gov", ""}, // no court's id
		{"See www.uscourts.gov", ""},
	} {
		if got, _ := hostCourt(tt.page); got != tt.want {
			t.Errorf("hostCourt(%q) = %q, want %q", tt.page, got, tt.want)
		}
	}
}

// TestLawNumber checks that a statute's number is no case's ("Pub.L. No.
// 77-352") while the same shape after a bare "No." is.
func TestLawNumber(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"against property.\" Pub.L. No. 77-352, 55 Stat. 808 (1941)", 0},
		{"Pub. L. No. 94-553, 90 Stat. 2541", 0},
		{"Public Law No. 94-553", 0},
		{"No. 77-352", 1},
	} {
		if got := len(findCaseNumbers(tt.in)); got != tt.want {
			t.Errorf("findCaseNumbers(%q): %d numbers, want %d", tt.in, got, tt.want)
		}
	}
}
