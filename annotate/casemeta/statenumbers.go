package casemeta

import (
	"slices"
	"strings"

	"github.com/casefile/casefile/annotate/internal/textscan"
	"github.com/casefile/casefile/schemas"
)

// Docket and case numbers of state courts (and of federal courts whose
// numbers the district and appellate forms do not read), in two kinds:
// a number after a docket label ("Supreme Court No. S-19193", "Docket:
// Sag-24-5", "Cause No. 24-BC11B-0023"), whatever its shape; and the
// unlabelled forms of the larger states' trial and appellate courts,
// whose shapes are their own.

// labelledNo is a docket label and the number after it. The label may be
// set a line above its number, as in a caption's column ("(San Mateo
// County Super. Ct.\n No. 20NF012926A)"), or run together as a case
// record's field ("DocketNumber: 06-12345").
var labelledNo = textscan.Lazy(`(?:^|[^A-Za-z.])((?:(?i:supreme|superior|circuit|district|trial|lower|family|county|chancery|appellate|juvenile|municipal|probate|justice)\s+court\s+|Super\.\s*Ct\.\s*|(?i:appellate|cause|case|docket|file|index|indictment|ind\.|bap|bk\.|criminal|civil|crim\.|civ\.|cr\.|petition|complaint|citation|violation|warrant|C\.\s?M\.)\s+)?(?:No\.|Nos\.|NO\.|NOS\.|No:|Number:?|NUMBER:?)|Docket:|DOCKET:|DocketNumber:|(?:Docket|DOCKET)[ ]?#:?)[ \t]*(?:\n[ \t]*)?` + stateNoBody)

// stateNoBody is a number as printed: an optional short prefix in
// capitals ("DA 23-0430", "MW 00-005"), a token of letters and digits
// joined by dashes, slashes, colons or dots, and an optional short closing
// word on the same line ("3AN-19-05436 CI", "171-10-19 Bnjv"), or a
// judge's initials before a citation's parenthesis ("13-01234 JB (D.N.M.
// Jan. 5, 2014)"); or
// Delaware's "254, 2025"; Maryland's "11, Sept. Term, 2013" (its
// reported opinions' "512 September Term, 2016" without the comma); a number
// with a thousands comma, as New Mexico's and Texas's appellate courts
// print theirs ("31,905", "AP-77,129"); Pennsylvania's appellate dockets,
// a number, the docket's letters and the year ("402 MAL 2011", "1234 EDA
// 2019", "1234 C.D. 2019"); the Northern District of Illinois's year,
// kind and number set apart by spaces ("18 CV 6822", "18 C 6822").
const stateNoBody = `(\d{1,4},[ ](?:19|20)\d{2}\b|\d{1,4},?[ ](?:Sept\.|September)[ ]Term,[ ](?:19|20)\d{2}\b|(?:[A-Z]{1,3}-)?\d{1,3}(?:,\d{3})+\b|\d{1,5}[ ](?:[A-Z]{2,4}|[A-Z]\.[ ]?[A-Z]\.)[ ](?:19|20)\d{2}\b|\d{2}[ ](?:CV|CR|C)[ ]\d{1,5}\b|(?:[A-Z]{1,3}[ ](?:[A-Z]{1,3}[ ])?)?[A-Za-z0-9]+(?:[-–/:.][A-Za-z0-9]+)*(?:[ ][A-Z][A-Za-z]{1,3}[ \t]*(?:$|\n|\))|[ ][A-Z]{2,3}[ ]\()?)`

// notDocketLabel are words before "No." that number something other than
// a case: a docket entry, an exhibit, an opinion, a statute; the police's
// numbers a criminal docket prints beside the court's ("Incident Number",
// "District Control Number", "DC No:").
var notDocketLabel = textscan.Set("ecf", "dkt", "dkt.", "doc", "doc.", "docket", "document", "entry", "opinion", "exhibit",
	"ex.", "rule", "rules", "l.", "pub.l.", "p.l.", "law", "order", "ordinance", "resolution", "bill", "b.", "claim", "patent", "serial",
	"account", "acct.", "phone", "tel.", "reg.", "registration", "report", "memorandum", "decision", "item", "lot",
	"page", "p.", "policy", "invoice", "check", "badge", "unit", "room", "suite", "box", "route", "license", "permit",
	"file", "tax", "ssn", "id", "form", "schedule", "ep.", "episode", "vol.", "volume", "appendix", "app.", "exh.", "attachment",
	"local", "general", "administrative", "admin.", "amendment", "proposition", "prop.", "measure", "act", "executive",
	"bar", "sbn", "csr", "rpr", "certificate", "cert.", "fax", "telephone", "number",
	"booking", "office", "tracking", "incident", "control", "dc")

// agencyCase are words before a "Case No." or "Case Number" label that
// make it another office's file on the case, not the court's: a docket
// record's "LEA Case Number", "Agency Case Number", "Police Case No.".
var agencyCase = textscan.Set("agency", "lea", "police", "sheriff", "sheriff's", "sheriff’s")

// stateForms are the unlabelled numbers of state courts whose shape alone
// says what they are. Each holds three digits in a row and two ASCII
// capitals in a row or a capital beside a digit or a hyphen
// (capitalJoint): stateFormMatches reads only the lines that hold both,
// and TestStateFormExamples checks each form's example against both.
var stateForms = []struct {
	name, pattern, example string
	run                    int // digits in a row every match holds, where more than three: the form is read only on lines with that many
}{
	{"missouri", `\b\d{2}[A-Z0-9]{2}-(?:CR|CC|AC|DR|JU|PR|FC|CV|MU)\d{5}(?:-\d{2})?\b`, "2216-CR00123", 0},                           // 2216-CR00123, 22SL-CR01234-01
	{"new york", `\b(?:IND|SCI|INF)-\d{4,6}-\d{2}\b`, "IND-12345-23", 0},                                                             // IND-12345-23
	{"illinois", `\b(?:19|20)\d{2}[ ]?(?:CF|CM|DT|CR|CH|JD|DV|MR|JA)[ ]?\d{3,6}\b`, "2019 CF 1234", 0},                               // 2019 CF 1234
	{"texas", `\b[FM]-\d{7}(?:-[A-Z])?\b|\b[FM]\d{2}-\d{5}(?:-[A-Z])?\b`, "F-1234567", 0},                                            // F-1234567, F19-12345-X
	{"florida", `\b(?:\d{2}-)?(?:19|20)\d{2}-(?:CF|MM|CA|DR|CT|TR|CJ|MO|DP|CP|GA)-\d{4,6}(?:-[A-Z]{1,4})?\b`, "2019-CF-001234-A", 0}, // 2019-CF-001234-A
	{"california", `\b(?:BA|LA|SA|VA|KA|GA|MA|NA|PA|TA|YA|BC)\d{6}\b`, "BA123456", 0},                                                // BA123456 (Los Angeles)
	{"los angeles", `\b\d{2}[A-Z]{4}\d{5}\b`, "24STLC08093", 0},                                                                      // 24STLC08093, 26VWCF01097: year, courthouse, kind, number
	{"pennsylvania", `\b(?:CP|MC|MJ)-\d{2}-(?:CR|MD|SA|CV|JV|DP|NT)-\d{7}-\d{4}\b`, "CP-51-CR-0001234-2019", 0},                      // CP-51-CR-0001234-2019
	{"ohio", `\bCR-\d{2}-\d{6}-[A-Z]\b`, "CR-19-123456-A", 0},                                                                        // CR-19-123456-A (Cuyahoga; Alabama's CV-18-900691 has no letter)
	{"arizona", `\b(?:CR|CV|JV|FC|LC)\d{4}-\d{6}(?:-\d{3})?\b`, "CR2019-123456-001", 0},                                              // CR2019-123456-001
	{"georgia", `\b[SA]\d{2}[A-Z]\d{4}\b`, "S19A1234", 0},                                                                            // S19A1234, A19A1234
	{"new jersey", `\bA-\d{3,4}-\d{2}(?:T\d)?\b`, "A-1234-19", 0},                                                                    // A-1234-19
	{"connecticut", `\((?:SC|AC)[ ]\d{5}\)`, "(SC 20726)", 0},                                                                        // (SC 20726), (AC 45123)
	{"new york city criminal court", `\b(?:19|20)\d{2}(?:NY|KN|QN|BX|RI)\d{6}\b`, "2015QN012345", 6},                                 // 2015QN012345: year, borough, number
	{"connecticut superior court", `\b[A-Z]{3}-?(?:CR|CV|FA|MV)-?\d{2}-?\d{6,7}-?[0-9A-Z]\b`, "HHB-CR19-0012345-0", 6},               // HHB-CR19-0012345-0, printed whole as HHBCR1900123450: court location, kind, year, number
}

// rareStateForms are unlabelled state forms read only on a page holding
// their literal: most pages hold none, and each added to allStateForms
// slows its one pass over every page.
var rareStateForms = []struct {
	literal string
	re      *textscan.Regexp
}{
	{"S-", textscan.Lazy(`\bS-\d{2}-\d{4}\b`)}, // Wyoming: S-24-0271
	// Kentucky's Supreme Court: 2019-SC-000111-MR (its Court of Appeals'
	// 2020-CA-0077-MR has Florida's shape).
	{"-SC-", textscan.Lazy(`\b(?:19|20)\d{2}-SC-\d{4,6}-[A-Z]{1,2}\b`)},
	{" Term ", textscan.Lazy(`\bA-\d{1,3}[ ]September[ ]Term[ ](?:19|20)\d{2}\b`)}, // New Jersey Supreme Court: A-1 September Term 2024
	// Alabama's appellate courts of the last century, by division, on a
	// line of its own: "6 Div. 870."
	{" Div. ", textscan.Lazy(`(?m)^[ \t]*\d{1,2}[ ]Div\.[ ]\d{1,5}\b`)},
}

// oregonNumbers are the numbers Oregon's appellate reports print in
// brackets under a caption, each after its court's initials: "(CC
// 13C21746) (CA A160000) (SC S066047)". The Supreme Court's is the
// decision's own, the Court of Appeals' its own where the Supreme Court
// gives none; the circuit or tax court's is the lower court's.
var oregonNumbers = textscan.Lazy(`\((CC|CA|SC|TC)[ ]([A-Z]\d{5,7}|\d{2}[A-Z]{1,2}\d{4,6})\)`)

// southDakota is the number the South Dakota Supreme Court prints at the
// head of its opinions with their disposition: "#29901-aff in pt".
var southDakota = textscan.Lazy(`\A\s*#(\d{5})-[a-z]`)

// allStateForms is stateForms in one pattern, those of three digits in a
// row (allLongStateForms those of six): one pass over a page instead of
// one per state.
var (
	allStateForms     = textscan.Lazy(stateFormsPattern(3))
	allLongStateForms = textscan.Lazy(stateFormsPattern(6))
)

// stateFormsPattern joins the stateForms whose run of digits is run.
func stateFormsPattern(run int) string {
	var alts []string
	for _, f := range stateForms {
		if max(f.run, 3) == run {
			alts = append(alts, "(?:"+f.pattern+")")
		}
	}
	return strings.Join(alts, "|")
}

// stateFormMatches returns allStateForms' matches in text, reading only
// the lines that hold a run of three digits or more and a capital joint
// (capitalJoint), which every form has: most lines of a page lack one.
func stateFormMatches(text string) [][]int {
	var out [][]int
	for _, f := range []struct {
		run int
		re  *textscan.Regexp
	}{{3, allStateForms}, {6, allLongStateForms}} {
		re := f.re.Get()
		digitLines(text, f.run, func(from, to int) {
			if !capitalJoint(text[from:to]) {
				return
			}
			for _, m := range re.FindAllStringIndex(text[from:to], -1) {
				out = append(out, []int{m[0] + from, m[1] + from})
			}
		})
	}
	slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	return out
}

// capitalJoint reports whether s holds two ASCII capitals in a row, or
// one beside a digit or a hyphen: what every state form has, and most
// lines of prose with a number in them do not.
func capitalJoint(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		a, b := s[i], s[i+1]
		aCap, bCap := a >= 'A' && a <= 'Z', b >= 'A' && b <= 'Z'
		if aCap && (bCap || b >= '0' && b <= '9' || b == '-') || bCap && (a >= '0' && a <= '9' || a == '-') {
			return true
		}
	}
	return false
}

// digitLines calls visit with the bounds of each line of text that holds
// n digits in a row: the only lines a pattern needing them can match in,
// when its matches stay within a line.
func digitLines(text string, n int, visit func(from, to int)) {
	for from := 0; from < len(text); {
		to := len(text)
		if k := strings.IndexByte(text[from:], '\n'); k >= 0 {
			to = from + k
		}
		if digitRun(text[from:to], n) {
			visit(from, to)
		}
		from = to + 1
	}
}

// digitRun reports whether s holds n digits in a row.
func digitRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// labelledMatches returns labelledNo's matches in text, with offsets into
// text, reading only the lines that hold a label word and the line after
// each (where a caption's column may set the number): the full pattern
// has no literal to skip ahead by, and most of a page holds no label.
func labelledMatches(text string) [][]int {
	var out [][]int
	done := -1 // text is read up to here
	for i := 0; i < len(text); {
		k := nextLabelWord(text, i)
		if k < 0 {
			break
		}
		i = k + 2
		from := strings.LastIndexByte(text[:k], '\n') + 1
		if from < done {
			from = done
		}
		to := len(text)
		if nl := strings.IndexByte(text[k:], '\n'); nl >= 0 {
			to = k + nl + 1
			if nl2 := strings.IndexByte(text[to:], '\n'); nl2 >= 0 {
				to += nl2
			} else {
				to = len(text)
			}
		}
		if to <= from {
			continue
		}
		for _, m := range labelledNo.Get().FindAllStringSubmatchIndex(text[from:to], -1) {
			for j := range m {
				if m[j] >= 0 {
					m[j] += from
				}
			}
			out = append(out, m)
		}
		done = to
		i = max(i, to)
	}
	return out
}

// nextLabelWord returns the index of the next label word of labelledNo
// ("No", "NO", "Number", "NUMBER", "Docket", "DOCKET") at or after i, or -1.
func nextLabelWord(text string, i int) int {
	for i < len(text) {
		k := strings.IndexAny(text[i:], "NnDd")
		if k < 0 {
			return -1
		}
		k += i
		rest := text[k:]
		if strings.HasPrefix(rest, "No") || strings.HasPrefix(rest, "NO") || strings.HasPrefix(rest, "Number") ||
			strings.HasPrefix(rest, "NUMBER") || strings.HasPrefix(rest, "Docket") || strings.HasPrefix(rest, "DOCKET") {
			return k
		}
		i = k + 1
	}
	return -1
}

// californiaAppellate is a number of California's Supreme Court or Courts
// of Appeal (S284303, A168758, B339555, E081234), read only where it
// stands at the end of its line, as captions set it; Oregon's Court of
// Appeals prints its own (A161408) so after the trial court's
// ("140230856; A161408").
var californiaAppellate = textscan.Lazy(`(?m)(?:^|[ \t]{2,}|;[ \t])([A-HS]\d{6})[ \t]*$`)

// arizonaSupreme is the Arizona Supreme Court's form (CV-24-0079-PR),
// read before the Central District of California's "CV 24-0079" would
// take its first part,
// and of its Court of Appeals (1 CA-CR 19-0123; a mental-health appeal's
// 1 CA-MH 01-0123 SP, its suffix kept).
var arizonaSupreme = textscan.Lazy(`\b(?:CR|CV|JV)-\d{2}-\d{4}-(?:PR|AP|SA|CQ)\b|\b\d[ ]?CA-(?:CR|CV|JV|SA|IC|UB|TX|MH)[ ]\d{2}-\d{4}(?:[ ](?:SP|PR)\b)?\b`)

// arkansasAppeals is the Arkansas Court of Appeals' number of a criminal
// appeal ("CA CR 03-512", "CACR 03-512"), read before the Central
// District of California's "CR 03-512" would take its last part.
var arkansasAppeals = textscan.Lazy(`\bCA[ ]?CR[ ]\d{2}-\d{1,5}\b`)

// findEarlyStateNumbers adds the state forms that another court's form
// would read in part.
func findEarlyStateNumbers(text string, add func(start, end int, norm string, attrs *schemas.CaseNumberAttrs)) {
	if strings.Contains(text, "CA CR ") || strings.Contains(text, "CACR ") {
		for _, m := range arkansasAppeals.Get().FindAllStringIndex(text, -1) {
			add(m[0], m[1], text[m[0]:m[1]], &schemas.CaseNumberAttrs{Form: schemas.FormState})
		}
	}
	// Every match holds one of these: most pages hold none, and the
	// pattern has no prefix to skip ahead by.
	if !strings.Contains(text, "CA-") && !strings.Contains(text, "CR-") && !strings.Contains(text, "CV-") && !strings.Contains(text, "JV-") {
		return
	}
	for _, m := range arizonaSupreme.Get().FindAllStringIndex(text, -1) {
		add(m[0], m[1], text[m[0]:m[1]], &schemas.CaseNumberAttrs{Form: schemas.FormState})
	}
}

// spacedDistrictNo is a labelled number of the Northern District of
// Illinois's spaced form: "18 CV 6822", "13 C 5626".
var spacedDistrictNo = textscan.Lazy(`^(\d{2}) (CV|CR|C) (\d{1,5})$`)

// findStateNumbers adds the state forms of text to a findCaseNumbers pass.
func findStateNumbers(text string, add func(start, end int, norm string, attrs *schemas.CaseNumberAttrs)) {
	for _, m := range labelledMatches(text) {
		start, end := m[4], m[5]
		num := strings.TrimRight(strings.TrimRight(text[start:end], " \t\n)("), ".:")
		end = start + len(num)
		if dottedEnd(num) && end < len(text) && text[end] == '.' {
			num, end = num+".", end+1 // "91-123-C.A.": the abbreviation's own period
		}
		if rest := strings.TrimLeft(text[end:min(len(text), end+3)], " "); strings.HasPrefix(rest, "-\n") || strings.HasPrefix(rest, "–") {
			continue // "No. 18-CR-\n00549": a number broken at a line's end, read in part
		}
		if !docketShaped(num) && !numberLine(text, m[2], start, end, num) || notDocket(text, m[2]) {
			continue
		}
		if sp := spacedDistrictNo.Get().FindStringSubmatch(num); sp != nil {
			// A federal district's number, as the Northern District of
			// Illinois prints it, kept as printed; no role, as no other
			// district number has one (a label does not tell the filing's
			// own number from one it cites).
			add(start, end, normalizeNumber(num), &schemas.CaseNumberAttrs{Form: schemas.FormDistrict, Year: sp[1], Type: strings.ToLower(sp[2])})
			continue
		}
		attrs := &schemas.CaseNumberAttrs{Form: schemas.FormState, Role: schemas.RoleOwn}
		if l := strings.ToLower(text[m[2]:m[3]]); strings.HasPrefix(l, "violation") || strings.HasPrefix(l, "citation") {
			attrs.Form, attrs.Type = schemas.FormViolation, strings.Fields(l)[0]
		}
		if lowerCourtAt(text, m[2]) {
			attrs.Role = schemas.RoleLowerCourt
		}
		add(start, end, normalizeNumber(num), attrs)
	}
	for _, m := range stateFormMatches(text) {
		start, end := m[0], m[1]
		if text[start] == '(' { // "(SC 20726)": the number inside
			start, end = start+1, end-1
		}
		add(start, end, normalizeNumber(text[start:end]), &schemas.CaseNumberAttrs{Form: schemas.FormState})
	}
	for _, f := range rareStateForms {
		if !strings.Contains(text, f.literal) {
			continue
		}
		for _, m := range f.re.Get().FindAllStringIndex(text, -1) {
			add(m[0], m[1], normalizeNumber(text[m[0]:m[1]]), &schemas.CaseNumberAttrs{Form: schemas.FormState})
		}
	}
	if strings.Contains(text, "C ") || strings.Contains(text, "A ") {
		ms := oregonNumbers.Get().FindAllStringSubmatchIndex(text, -1)
		supreme := false
		for _, m := range ms {
			supreme = supreme || text[m[2]:m[3]] == "SC"
		}
		for _, m := range ms {
			role := schemas.RoleLowerCourt
			if k := text[m[2]:m[3]]; k == "SC" || k == "CA" && !supreme {
				role = schemas.RoleOwn
			}
			add(m[4], m[5], text[m[4]:m[5]], &schemas.CaseNumberAttrs{Form: schemas.FormState, Role: role})
		}
	}
	if m := southDakota.Get().FindStringSubmatchIndex(text); m != nil {
		add(m[2], m[3], text[m[2]:m[3]], &schemas.CaseNumberAttrs{Form: schemas.FormState, Role: schemas.RoleOwn})
	}
	// A match is one line with six digits in a row.
	digitLines(text, 6, func(from, to int) {
		for _, m := range californiaAppellate.Get().FindAllStringSubmatchIndex(text[from:to], -1) {
			add(from+m[2], from+m[3], text[from+m[2]:from+m[3]], &schemas.CaseNumberAttrs{Form: schemas.FormAppellate})
		}
	})
}

// dottedEnd reports whether a number ends in a dotted abbreviation of
// capitals ("91-123-C.A"), whose closing period is the abbreviation's, not
// the sentence's.
func dottedEnd(num string) bool {
	n := len(num)
	return n >= 4 && num[n-2] == '.' && isUpper(num[n-1]) && isUpper(num[n-3]) && (num[n-4] == '-' || num[n-4] == '.')
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// numberLine reports whether a short bare number after "No." or "Docket
// No." is the only thing on its line ("No. 216." under a reporter's
// caption, California's "Docket No. 9123."): a
// case's number set as a heading, as a list's "No. 12" in a sentence is
// not.
func numberLine(text string, label, start, end int, num string) bool {
	l := text[label:]
	if len(num) < 3 || strings.Trim(num, "0123456789") != "" || !strings.HasPrefix(l, "No.") && !strings.HasPrefix(l, "Docket No.") || !opensLine(text, label) {
		return false
	}
	rest := text[end:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	return strings.Trim(rest, ". \t\r") == ""
}

// docketShaped reports whether a token after a label is a docket number:
// a digit and a dash, slash or letter, or five digits or more; not a date.
func docketShaped(num string) bool {
	digits, marks := 0, false
	for _, r := range num {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '-' || r == '–' || r == '/' || r == ':' || r == ',' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
			marks = true
		}
	}
	if digits < 3 || !marks && digits < 5 { // "Nos. 3-4" numbers requests, not cases
		return false
	}
	if _, ok := isoFromNumeric(num); ok {
		return false // "No. 5/12/2020"
	}
	return true
}

// notDocket reports whether the word before a bare "No." label names
// something other than a case ("ECF No. 49", "Opinion No. 28203").
func notDocket(text string, label int) bool {
	ls := strings.LastIndexByte(text[:label], '\n')
	if ls > 0 {
		ls = strings.LastIndexByte(text[:ls], '\n') // the line above too: "DECISION IN\nROMAN v. WOLF"
	}
	if inCaseRe.Get().MatchString(text[ls+1 : label]) {
		return true // "… PENDING DECISION IN ROMAN v. WOLF, CASE NOS. 20-55436": another case's
	}
	l := strings.ToLower(text[label:min(len(text), label+12)])
	if strings.HasPrefix(l, "case") {
		before := strings.Fields(text[max(0, label-40):label])
		return len(before) > 0 && agencyCase[strings.ToLower(before[len(before)-1])]
	}
	if !strings.HasPrefix(l, "no") && !strings.HasPrefix(l, "number") {
		return false // a label of its own: "Case No.", "Docket:"
	}
	from := max(0, label-40)
	if nl := strings.LastIndexByte(text[from:label], '\n'); nl >= 0 && strings.TrimSpace(text[from+nl:label]) == "" {
		from += nl // "Opinion\n\nNO. 2019-KA-01234-COA": a heading above the label, not its word
	}
	before := strings.Fields(text[from:label])
	if len(before) == 0 {
		return false
	}
	w := strings.ToLower(strings.Trim(before[len(before)-1], ",;:("))
	return notDocketLabel[w] || strings.HasSuffix(w, ".") && len(w) <= 3 && w != "ct."
}

// inCaseRe is a case named in a sentence just before a number's label.
var inCaseRe = textscan.Lazy(`(?i)\bin\s+[^\n]{1,60}\s(?:v\.|vs\.)\s[^\n]{1,60}$`)

// lowerCourtAt reports whether the label at i names a lower court's
// number: by its own words ("Superior Court No."), or by the two lines
// above it, which say the case came on appeal from a court or name a
// court that is not the filing's own heading ("Third District Court, Salt
// Lake County" but not "IN THE CIRCUIT COURT OF …" nor the page's first
// line).
func lowerCourtAt(text string, i int) bool {
	label := text[i:]
	if k := strings.IndexAny(label, "0123456789"); k >= 0 {
		label = label[:k]
	}
	if lowerCourtLabel.Get().MatchString(label) {
		return true
	}
	from := i
	for n := 0; n < 3; n++ {
		k := strings.LastIndexByte(text[:from], '\n')
		if k < 0 {
			from = 0
			break
		}
		from = k
	}
	at, own := from, strings.LastIndexByte(text[:i], '\n')+1
	for _, line := range strings.Split(text[from:i], "\n") {
		top := at < own && strings.TrimSpace(text[:at]) == "" // a whole line above the label's
		at += len(line) + 1
		if appealedFrom.Get().MatchString(line) {
			return true
		}
		// The page's first line names the filing's own court, with or
		// without "IN THE" ("MUNICIPAL COURT OF PHILADELPHIA COUNTY" above
		// its docket's number).
		if lowerCourtName.Get().MatchString(line) && !strings.Contains(strings.ToUpper(line), "IN THE ") && !top {
			return true
		}
	}
	return false
}

var (
	// lowerCourtLabel: a label naming a trial court or the court below.
	lowerCourtLabel = textscan.Lazy(`(?i)(?:superior|circuit|district|county|chancery|family|probate|municipal|justice|trial|lower)\s+court|super\.\s*ct\.|\bbk\.`)
	// appealedFrom: words that introduce the court appealed from.
	appealedFrom = textscan.Lazy(`(?i)appeal(?:ed)?\s+(?:by\s+permission\s+)?from|on\s+appeal\s+(?:from|of)|court\s+below|super\.\s*ct\.`)
	// lowerCourtName: a trial court named on a line of its own.
	lowerCourtName = textscan.Lazy(`(?i)\b(?:superior|circuit|district|county|chancery|family|probate|municipal|justice|criminal)\s+court\b`)
)

// normalizeNumber writes a number as printed with dashes plain and spaces
// single.
func normalizeNumber(s string) string {
	s = strings.NewReplacer("–", "-", "—", "-").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}
