package casemeta

import (
	"strings"

	"github.com/casefile/casefile/annotate/internal/textscan"
)

// The date a filing was filed: its clerk's or CM/ECF stamp, or a Filed
// label.

// filedLabel: "Filed: February 5, 2010", "Filed February 20, 2020",
// "OPINION FILED: February 6, 2018", a case record's "Filed Date:
// 8/24/2011" opening its line (a claims register's "Original Filed Date:"
// dates a claim), or a
// clerk's FILED stamp with its date a few lines below. A filing's prose
// ("was filed on May 3") puts words between.
var filedLabel = textscan.Lazy(`(?:\b(?:Date\s+)?(?:Filed|FILED):?[ \t]+|\bFiling\s+Date:[ \t]+|(?m:^[ \t]*Filed\s+Date:[ \t]+)|\bFILED\b[^\n]*\n(?:[^\n]*\n){0,4}?[^\n]*?\b)((?i:` + monthNames + `)\s+\d{1,2}\s?,?\s+\d{4}|\d{1,2}\s+` + monthNames + `\s+\d{4}|\d{1,2}-` + monthNames + `-\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}[ \t]+` + monthNames + `-\d{1,2})\b`)

// yearFirstStamp is the date of a clerk's stamp that prints the year
// first and the day after a dash, as the Northern District of Alabama's
// does ("FILED / 2021 Feb-16 AM 08:55").
var yearFirstStamp = textscan.Lazy(`^(\d{4})[ \t]+([A-Za-z]+\.?)-(\d{1,2})$`)

// nefFiled is the filing date a CM/ECF notice of electronic filing or of
// docket activity prints in its fixed sentence: "The following
// transaction was entered by … on 3/2/2022 at 10:46 AM CST and filed on
// 3/2/2022", "The following transaction was filed on 08/30/2022"; a
// bankruptcy court's names whom it was received from first ("… was
// received from Admin entered on 02/01/2024 at 00:34 AM EST and filed on
// 01/31/2024").
var nefFiled = textscan.Lazy(`The\s+following\s+transaction\s+was\s+(?:received\s+from\b[^\n]{0,80}?\s+)?(?:entered\b[^\n]{0,120}?(?:\n[^\n]{0,80}?)?\band\s+)?filed\s+on\s+(\d{1,2}/\d{1,2}/\d{4})\b`)

// stampHead bounds the lines at a page's head where a clerk's electronic
// filing stamp stands.
const stampHead = 8

// aloneDate is a line that is only a numeric date with a four-digit year.
var aloneDate = textscan.Lazy(`^\d{1,2}/\d{1,2}/\d{4}$`)

// stampDate returns the date of a clerk's electronic filing stamp that
// prints the date alone ("08/26/2025" above "IN THE SUPREME COURT OF
// THE STATE OF MONTANA"): a numeric date on a line of its own among the
// first lines of the page, above the line naming the court. A letter's
// or release's date is spelled out and below its letterhead.
func stampDate(text string) string {
	n := 0
	for _, line := range strings.Split(text[:min(len(text), headingBytes)], "\n") {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		if n++; n > stampHead || containsFold(t, "court") {
			return ""
		}
		if iso, ok := isoFromNumeric(t); ok && aloneDate.Get().MatchString(t) {
			return iso
		}
	}
	return ""
}

// filedDate returns the date a first page says it was filed.
func filedDate(text string) string {
	if m := nefFiled.Get().FindStringSubmatch(text); m != nil {
		if iso, ok := isoFromNumeric(m[1]); ok {
			return iso
		}
	}
	var m []string
	for _, loc := range filedLabel.Get().FindAllStringSubmatchIndex(text, -1) {
		if loc[0] > 0 && (text[loc[0]-1] == '[' || text[loc[0]-1] == '(') && !opensLine(text, loc[0]-1) {
			// "Motion for Protective Order [Filed January 18, 2011]":
			// the filing date of a paper the text cites, not its own. One
			// on a line of its own is the page's ("[Filed 31-Aug-2007]").
			continue
		}
		m = []string{text[loc[0]:loc[1]], text[loc[2]:loc[3]]}
		break
	}
	if m == nil {
		return ""
	}
	d := strings.Join(strings.Fields(m[1]), " ")
	if y := yearFirstStamp.Get().FindStringSubmatch(d); y != nil {
		d = y[2] + " " + y[3] + ", " + y[1] // "Feb 16, 2021"
	}
	if !hasLower(d) { // a stamp in capitals: "FEBRUARY 5, 2010"
		d = d[:1] + strings.ToLower(d[1:])
	}
	iso, _ := parseDate(d)
	return iso
}

// opensLine reports whether only spaces and tabs stand before text[i] on
// its line.
func opensLine(text string, i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch text[k] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return true
}
