package casemeta

import (
	"strings"

	"github.com/casefile/casefile/annotate/internal/textscan"
	"github.com/casefile/casefile/schemas"
)

// Violation notices: a federal violation notice (the Central Violations
// Bureau's form) prints its number in a box under the heading "Violation
// Number", beside "Location Code" and "Officer Name"; the number opens a
// petty-offense case. A number printed after its label on one line
// ("Violation No. E1234567") is read with the labelled numbers.

// violationHead is a form's column heading for the notice's number.
var violationHead = textscan.Lazy(`(?i)\bviolation\s+(?:number|no\.?)[ \t]*(?:$|\s{2,}|[A-Z])`)

// violationNo is a violation notice's number: up to four capitals and
// six to nine digits ("E1234567", "FBAW0012345", "9084471").
var violationNo = textscan.Lazy(`\b[A-Z]{0,4}\d{6,9}\b`)

// findViolationNumbers adds to a findCaseNumbers pass the numbers printed
// under a "Violation Number" heading: on the next line that is not blank,
// starting within a few columns of the heading, or the one number of its
// shape on that line where the text layer closes up the columns.
func findViolationNumbers(text string, add func(start, end int, norm string, attrs *schemas.CaseNumberAttrs)) {
	if !strings.Contains(text, "iolation") && !strings.Contains(text, "IOLATION") {
		return
	}
	lines := strings.SplitAfter(text, "\n")
	at := 0
	for i, line := range lines {
		at += len(line)
		h := violationHead.Get().FindStringIndex(line)
		if h == nil {
			continue
		}
		col := runeCount(line[:h[0]])
		off := at
		for _, next := range lines[i+1 : min(len(lines), i+3)] {
			if strings.TrimSpace(next) == "" {
				off += len(next)
				continue
			}
			ms := violationNo.Get().FindAllStringIndex(next, -1)
			pick := -1
			for k, m := range ms {
				if c := runeCount(next[:m[0]]); c >= col-4 && c <= col+12 {
					pick = k
					break
				}
			}
			if pick < 0 && len(ms) == 1 {
				pick = 0 // a text layer that closes up the form's columns: the one number of the shape
			}
			if pick >= 0 {
				m := ms[pick]
				add(off+m[0], off+m[1], next[m[0]:m[1]], &schemas.CaseNumberAttrs{Form: schemas.FormViolation, Type: "violation", Role: schemas.RoleOwn})
			}
			break
		}
	}
}
