package casemeta_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/casefile/casefile/annotate/casemeta"
	"github.com/casefile/casefile/schemas"
)

// externalFloor is the share of fields right on the external pages below
// which the test fails, only ever raised: just under the 202 of 205
// (98.5%) measured once these pages became development pages.
const externalFloor = 0.98

// external2Floor is TestCaseBlockExternal2's floor, just under the 53 of
// 55 (96.4%) measured once the set became a development set (41 of 55
// when first scored untuned).
const external2Floor = 0.96

// external3Floor is TestCaseBlockExternal3's floor, just under the 71 of
// 75 (94.7%) measured once the set became a development set (47 of 75
// when first scored untuned).
const external3Floor = 0.94

// external4Floor is TestCaseBlockExternal4's floor, just under the 154
// of 165 (93.3%, 0 invented) measured once the set became a development
// set: it is now tuned on (docket records, the information title, CM/ECF
// and bankruptcy court lines and stamps, captions' columns, New York's
// Appellate Division); 158 of 165 (95.8%) since issue 19's sixth round (a
// CM/ECF docket report's number with its defendant's). First measured
// untuned: 93 of 165 (56.4%, 22 invented) with casemeta as of commit
// 9a07422.
const external4Floor = 0.95

// external5Floor is TestCaseBlockExternal5's floor, just under the 144
// of 160 (90.0%, 5 invented) measured after issue 19's fourth round (a
// case listed once whatever forms its number takes, judges' initials of
// a number without its office, replies, a case's opening filing dated
// beside a caption); before it 136 of 160 (85.0%, 13 invented), the set
// tuned on since the third round (captions: minutes forms' Title row and
// column heads, names wrapped in the left column, suffixes on the next
// line, "-against-", long lists of parties, a letter's reference line).
// First measured untuned: 122 of 160 (76.2%, 30 invented) with casemeta
// as of commit 9a94324.
const external5Floor = 0.89

// external6Floor is TestCaseBlockExternal6's floor, just under the 175
// of 180 (97.2%, 1 invented) measured once the set became a development
// set (issue 19's fourth round: reporters' court lines, state docket
// forms, writing judges' lines, divisions and seats). First measured
// untuned: 126 of 180 (70.0%, 7 invented) with casemeta as of commit
// 48c2796.
const external6Floor = 0.97

// external7Floor is TestCaseBlockExternal7's floor, just under the 117
// of 126 (92.9%, 0 invented) measured once the set became a development
// set (issue 19's fifth round: a court below's county is no division, case
// summaries as docket records, professional corporations' suffixes, a
// state court's number in the Central District's shape as printed, dashed
// dates and a bracketed Filed label, N.D. Ill.'s spaced numbers,
// Alabama's division numbers, a short number alone on its line, "Opinion
// of the Justices"); 118 of 126 (93.7%) since issue 19's sixth round (a
// CM/ECF docket report's number with its defendant's). First measured
// untuned: 98 of 126 (77.8%, 7 invented) with casemeta as of commit
// b26298a.
const external7Floor = 0.93

// external8Floor is TestCaseBlockExternal8's floor, just under the 143 of
// 144 (99.3%, 0 invented) measured once the set became a development set
// (issue 19's sixth round: CM/ECF docket reports' numbers, CM/ECF query
// and history heads, agencies' and citations' numbers in docket records,
// a state court's docket PDF). First measured untuned: 104 of 144 (72.2%,
// 9 invented) with casemeta as of commit 204ec20.
const external8Floor = 0.99

// external9Floor is TestCaseBlockExternal9's floor, just under the 140
// of 144 (97.2%, 0 invented) measured once the set became a development
// set (issue 19's seventh round: a form's next label ends a caption's
// right party, "Litigation" matters, courts of appeals' general dockets,
// bankruptcy courts' notices, "U.S." court lines, the JPML's line,
// debtors' case names, claims registers, "Appeal of" captions,
// possessive names). First
// measured untuned: 113 of 144 (78.5%, 3 invented) with casemeta as of
// commit 1a03662.
const external9Floor = 0.97

// external10Floor is TestCaseBlockExternal10's floor: the set's twelve
// pages from public repositories read 72 of 72 fields right (0 invented)
// after issue 19's eighth round, which tuned on them; first measured
// untuned, 60 of 72 (83.3%, 9 invented) with casemeta as of commit
// 4fa901d. The round also read twelve state opinions' heads from stored
// web pages, not kept here (README.md says why).
const external10Floor = 0.97

// TestCaseBlockExternal10 scores a tenth set of first pages
// (testdata/external10: Pennsylvania criminal CPCMS dockets and a court
// summary, prosecutors' releases of seven offices), written down before
// the code was run on them; first scored untuned, tuned on since.
func TestCaseBlockExternal10(t *testing.T) {
	scoreCaseSet(t, "external10", "tenth external set", external10Floor)
}

// TestCaseBlockExternal9 scores a ninth set of first pages
// (testdata/external9: notices of electronic filing and of docket activity
// of courts no other set holds, among them the JPML and eight bankruptcy
// courts, a CAVC docket, a claims register, CAP heads of a bankruptcy
// opinion and Board of Tax Appeals decisions), written down before the code
// was run on them; first scored untuned, tuned on since.
func TestCaseBlockExternal9(t *testing.T) {
	scoreCaseSet(t, "external9", "ninth external set", external9Floor)
}

// TestCaseBlockExternal8 scores an eighth set of first pages
// (testdata/external8: CM/ECF criminal dockets, docket history reports
// and case queries, state trial courts' case pages of Georgia, Washington
// and Utah), written down before the code was run on them; first scored
// untuned, tuned on since issue 19's sixth round.
func TestCaseBlockExternal8(t *testing.T) {
	scoreCaseSet(t, "external8", "eighth external set", external8Floor)
}

// TestCaseBlockExternal7 scores a seventh set of first pages
// (testdata/external7: Alabama and Alaska appellate opinions, a Bronx
// indictment, prosecutors' releases, Texas criminal appellate dockets, a
// Los Angeles Superior Court case summary, Casetext pages that name no
// court), written down before the code was run on them; first scored
// untuned, tuned on since.
func TestCaseBlockExternal7(t *testing.T) {
	scoreCaseSet(t, "external7", "seventh external set", external7Floor)
}

// TestCaseBlockExternal6 scores a sixth set of first pages
// (testdata/external6: opinions and orders of state appellate and supreme
// courts of eighteen states and D.C., with the court division as a
// seventh field), written down before the code was run on them; first
// scored untuned, tuned on since issue 19's fourth round.
func TestCaseBlockExternal6(t *testing.T) {
	scoreCaseSet(t, "external6", "sixth external set", external6Floor)
}

// TestCaseBlockExternal5 scores a fifth set of first pages
// (testdata/external5: new filings of courts already covered, as no new
// court was reachable: minutes, orders, motions, oppositions, stipulations,
// complaints, a letter, transcripts of C.D., N.D. and E.D. Cal., S.D.N.Y.
// and D.N.J.), written down before the code was run on them; tuned on
// since issue 19's third round.
func TestCaseBlockExternal5(t *testing.T) {
	scoreCaseSet(t, "external5", "fifth external set", external5Floor)
}

// TestCaseBlockExternal4 scores a fourth set of first pages
// (testdata/external4: bankruptcy petitions, docket sheets of state and
// federal courts, a state search warrant, New York and Washington appellate
// decisions, CM/ECF notices), written down before the code was run on them;
// first scored untuned, now a development set.
func TestCaseBlockExternal4(t *testing.T) {
	scoreCaseSet(t, "external4", "fourth external set", external4Floor)
}

// TestCaseBlockExternal3 scores a third set of first pages
// (testdata/external3: boards, workers' compensation courts, CM/ECF
// notices), written down before the code was run on them and never tuned
// on.
func TestCaseBlockExternal3(t *testing.T) {
	scoreCaseSet(t, "external3", "third external set", external3Floor)
}

// TestCaseBlockExternal2 scores a second set of first pages
// (testdata/external2), written down before the code was run on them and
// never tuned on: its figure is the honest one.
func TestCaseBlockExternal2(t *testing.T) {
	scoreCaseSet(t, "external2", "second external set", external2Floor)
}

// TestCaseBlockExternal scores the case block of first pages from courts
// the development corpus does not hold (testdata/external), written down
// before the code was run on them, apart from the development pages.
func TestCaseBlockExternal(t *testing.T) {
	scoreCaseSet(t, "external", "external first pages", externalFloor)
}

// scoreCaseSet scores the case block of every first page of
// testdata/<dir> against its expected.tsv, logs the share right and the
// fields invented under label, and fails below floor.
func scoreCaseSet(t *testing.T, dir, label string, floor float64) {
	t.Helper()
	var s caseScore
	for _, r := range readCaseExpected(t, filepath.Join("testdata", dir, "expected.tsv")) {
		text, err := os.ReadFile(filepath.Join("testdata", dir, r.name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		c, _ := casemeta.Read([]schemas.Page{{Number: 1, Method: schemas.MethodText, Text: string(text)}})
		s.check(t, r.name, r, c)
	}
	rate := float64(s.right) / float64(s.fields)
	t.Logf("%s: %d of %d fields right (%.1f%%), %d invented", label, s.right, s.fields, 100*rate, s.invented)
	if rate < floor {
		t.Errorf("%s: %.1f%% of case fields right; want ≥ %.0f%%", label, 100*rate, 100*floor)
	}
}
