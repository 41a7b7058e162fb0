package casemeta

import (
	"testing"
	"unicode/utf8"

	"github.com/casefile/casefile/schemas"
)

// FuzzRead reads any first page as a whole case block: captions ("In re
// …", "In the Matter of the Search of …", parties over several lines),
// stamps, dates, docket, sealed and violation numbers, without a panic,
// and every entity it returns is the exact code-point span of its page.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"UNITED STATES DISTRICT COURT\nEASTERN DISTRICT OF CALIFORNIA\n\nIn the Matter of the Search of\n[Briefly describe the property]\n1234 Main Street, Sacramento\n\nCase No. 2:20-sw-0908 KJN\n",
		"Violation Number\nF4852169\nUNITED STATES DISTRICT COURT\nVIOLATION NOTICE",
		"NATIONAL FOOTBALL LEAGUE MANAGEMENT\nCOUNCIL,\n        Plaintiff,\n   v.\nNATIONAL FOOTBALL LEAGUE PLAYERS\nASSOCIATION,\n        Defendant.\n",
		"In re GRAND JURY SUBPOENA\nNo. 19-GJ-0012 (UNDER SEAL)\nFiled 03/04/2021",
		"U.S. Bankruptcy Court\nDistrict of Nowhere\nNotice of Electronic Filing\nThe following transaction was received from Admin entered on 02/01/2024 at 00:34 AM EST and filed on 01/31/2024\nCase Name:\nJane Q. Roe\nCase Number:\n23-13129-amc\n",
		"Eastern District of Texas\nClaims Register\n16-40123 Roe Widgets, LLC\nJudge: Jane Doe\n",
		"Appeal of JANE Q. ROE.\n\nDocket No. 17.\n",
		"Case Name: Roe Holdings, Inc. v.\nJane's Revenge et al\nCase Number: 8:23-cv-00705-KKM-AAS\nFiler:\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // page text is UTF-8 by the record contract
		}
		_, ents := Read([]schemas.Page{{Number: 1, Text: s}})
		rs := []rune(s)
		for _, e := range ents {
			if e.Page != 1 || e.Start < 0 || e.End > len(rs) || e.Start >= e.End {
				t.Fatalf("entity %+v out of the page (%d code points)", e, len(rs))
			}
			if got := string(rs[e.Start:e.End]); got != e.Text {
				t.Fatalf("entity text %q, page has %q at [%d,%d)", e.Text, got, e.Start, e.End)
			}
		}
	})
}
