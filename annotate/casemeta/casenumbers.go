package casemeta

import (
	"fmt"
	"github.com/casefile/casefile/annotate/internal/textscan"
	"github.com/casefile/casefile/schemas"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Case numbers and ECF header stamps, in the forms filings print them.

var (
	// 1:15-cr-10338-FDS, 2:19-cr-00595-CAS-1, 2:20-MJ-0148-AC, 1:20-cr-00173-NONE-SKO,
	// M:06-cv-01754-RMW (a multidistrict litigation docket); 2-15-cv-00180,
	// the office set off by a dash as courts of appeals print the number
	// of the case appealed from.
	districtNo = textscan.Lazy(`\b(\d{1,2}|[A-Z])[:-](\d{2})-((?i:cr|cv|mj|mb|mc|sw|po|bk|ap|md|gj|sm|crim|civ))-(\d{1,6})((?:-[A-Z]{1,4})*)(?:-(\d{1,3}))?\b`)
	// 19-cr-725 (JPO), as letters cite a case within their own court;
	// 15-cv-02543-BLF, as N.D. Cal.'s captions print it without the office.
	// 20-SW-123, 21-gj-0012: sealed search-warrant and grand-jury dockets.
	shortDistrictNo = textscan.Lazy(`\b(\d{2})-((?i:cr|cv|mj|mc|sw|gj|po|mb|sm))-(\d{1,5})(?:-([A-Z]{2,4}(?:-[A-Z]{2,4})*)\b|\b(?:\s*\(([A-Z]{2,4})\))?)`)
	// No. 20-1507, Case: 21-50498, Appeal: 17-2218, Docket No. 08-6301-cv,
	// No. 11–889 (en dash), Docket Nos. 19031-13, 27735-13 (Tax Court).
	appellateNo = textscan.Lazy(`\b(?:Nos?\.|Case:|Appeal:|Docket\s+Nos?\.:?)\s*(\d{2}[-–]\d{3,6}|\d{3,6}-\d{2})(?:-(cv|cr|ag|op|pr))?\b`)
	// ", 27735-13" continuing a list of numbers after a label.
	moreAppellateNo = textscan.Lazy(`^(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(\d{2}[-–]\d{3,6}|\d{3,6}-\d{2})\b`)
	// CR 14-648-CAS, SACR 16-76JVS, SA CR 19-061-JVS, CR-18-00258-EJD, LACR 20-00155-VAP;
	// the space is a division prefix's only ("CA CR 03-512" is not " CR 03-512").
	centralNo = textscan.Lazy(`\b((?:(?:SA|ED|LA)\s?)?(?:CR|CV))[\s-]?(\d{2})-(\d{1,5})(?:[- ]?([A-Z]{2,4})\b|\b)(?:-(\d{1,3})\b)?`)
	// "-C.A.", "-M.P.": an abbreviation closing a state's number (Rhode
	// Island's "No. 91-123-C.A."), which the appellate form would cut off.
	dottedSuffix = textscan.Lazy(`^-[A-Z]{1,2}\.`)
	// Docket No.: Misc. 13-01 (FISC and others' miscellaneous dockets)
	miscNo = textscan.Lazy(`\bMisc\.\s*(?:No\.\s*)?(\d{2}-\d{1,5})\b`)
	// Ind. No. 1234/2019
	stateNo = textscan.Lazy(`\b(?:Ind(?:ictment)?\.?\s+No\.|Indictment\s+Number)\s*(\d{1,6}/\d{2,4})\b`)
	// " WJ (D.N.M.": judge initials before a citation's parenthesis.
	judgesBeforeCite = textscan.Lazy(`^ [A-Z]{2,3} \(`)
	// " DB" closing a line: judge initials after a space.
	spacedJudges = textscan.Lazy(`^ ([A-Z]{2,3})[ \t]*(?:\n|$|\))`)
	// ", 200 U. S. 321", ", __F.4th__": a number cited, not this case's.
	citedAfter = textscan.Lazy(`^(?:-\w+)?,?\s*(?:_+\s*)?(?:\d+\s+)?(?:F\.\s?(?:\d|Supp|App)|U\.\s?S\.|S\.\s?Ct\.|WL\b|L\.\s?Ed|Fed\.\s?Appx)|^\s*\((?:\d+\w*\s+)?Cir\.`)
)

// notJudges are capitalized words that follow a case number and are not
// the initials of its judges.
var notJudges = textscan.Set("AND", "OR", "THE", "OF", "FOR", "TO", "IN", "ON", "AT", "BY", "AS", "VS", "NO", "MR", "MS", "DR", "AM", "PM")

// Stamp is a parsed ECF header stamp.
type Stamp struct {
	CaseNumber string // normalized as a CASE_NUMBER is
	Document   string // docket entry; "" where the stamp has none
	Filed      string // YYYY-MM-DD
	Page, Of   int    // Of is 0 where the stamp does not say
}

var (
	// Case 4:08-cv-02214-SBA Document 26 Filed 01/29/2009 Page 1 of 2
	ecfDistrict = textscan.Lazy(`Case\s+(\S+)\s+Document\s+(\d+)(?:-\d+)?\s+Filed\s+(\d{1,2}/\d{1,2}/\d{2,4})\s+Page\s+(\d+)\s+of\s+(\d+)`)
	// Case: 20-1507 Document: 00117684624 Page: 1 Date Filed: 12/22/2020 Entry ID: 6390389
	// Appellate Case: 22-1801 Page: 1 Date Filed: 01/19/2023 Entry ID: 5237514
	ecfAppellate = textscan.Lazy(`Case:\s*(\S+)\s+(?:Document:\s*(\d+)\s+)?Page:\s*(\d+)\s+Date Filed:\s*(\d{1,2}/\d{1,2}/\d{4})(?:\s+Entry ID:\s*(\d+))?`)
	// Case: 25-1689, 07/15/2025, DktEntry: 28.1, Page 1 of 2 (2nd Cir., ACMS)
	// Case: 20-16276, 08/05/2020, ID: 11778722, DktEntry: 19, Page 1 of 15 (9th Cir.)
	ecfSecond = textscan.Lazy(`Case:\s*(\d{2}-\d{3,6}),\s*(\d{1,2}/\d{1,2}/\d{4}),\s*(?:ID:\s*\d+,\s*)?DktEntry:\s*([\d.]+),\s*Page\s+(\d+)\s+of\s+(\d+)`)
	// Case 17-3510, Document 1-1, 10/31/2017, 2161300, Page1 of 2 (2nd Cir., CM/ECF before ACMS)
	ecfSecondOld = textscan.Lazy(`Case\s+(\d{2}-\d{3,6}),\s*Document\s+(\d+)(?:-\d+)?,\s*(\d{1,2}/\d{1,2}/\d{4}),\s*\d+,\s*Page\s?(\d+)\s+of\s+(\d+)`)
	// The bankruptcy courts' CM/ECF stamp, its entry date after the
	// filed date and its page count perhaps on the next line:
	// Case 18-53173-jwc Doc 35 Filed 01/30/19 Entered 01/30/19 11:51:34 Desc Main Document Page 1 of 42
	// Case: 20-50682 Doc# 33 Filed: 04/28/20 Entered: 04/28/20 19:02:54 Page 1 of 30
	// Case 16-30677-rld7 Doc 1 Filed 02/26/16 (a petition, not yet entered)
	// A pleading's footer may set a file number between ("Case: 20-03050
	// 85647/001 / Doc# 201").
	ecfBankruptcy = textscan.Lazy(`Case:?[ \t]+(\d\S+)(?:[ \t]+[\d/.-]+)?\s+Doc#?:?[ \t]*(\d+)(?:-\d+)?\s+Filed:?[ \t]*(\d{1,2}/\d{1,2}/\d{2,4})(?:\s+Entered:?[ \t]*\d{1,2}/\d{1,2}/\d{2,4}(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?(?:(?:\s+Desc\b(?:[ \t]+[A-Za-z]+){0,3}(?:\s*\n[ \t]*[A-Za-z]+(?:[ \t]+[A-Za-z]+){0,2})?)?\s+Page[ \t]+(\d+)[ \t]+of[ \t]+(\d+))?)?`)
	// USCA4 Appeal: 17-2218 Doc: 12 Filed: 01/02/2018 Pg: 1 of 3
	ecfFourth = textscan.Lazy(`Appeal:\s*(\S+)\s+Doc:\s*(\d+)\s+Filed:\s*(\d{1,2}/\d{1,2}/\d{4})\s+Pg:\s*(\d+)\s+of\s+(\d+)`)
)

// StampSpans returns the byte spans of every ECF header stamp in text,
// in the forms ParseStamp reads, pattern by pattern.
func StampSpans(text string) [][2]int {
	var out [][2]int
	for _, re := range []*textscan.Regexp{ecfDistrict, ecfAppellate, ecfSecond, ecfSecondOld, ecfFourth, ecfBankruptcy} {
		for _, m := range re.Get().FindAllStringIndex(text, -1) {
			out = append(out, [2]int{m[0], m[1]})
		}
	}
	return out
}

// ParseStamp reads the first ECF header stamp in s, district or appellate
// form.
func ParseStamp(s string) (Stamp, bool) {
	st, _, ok := findStamp(s)
	return st, ok
}

// findStamp is ParseStamp that also returns the stamp's byte span.
func findStamp(s string) (Stamp, [2]int, bool) {
	type form struct {
		re                           *textscan.Regexp
		number, doc, filed, page, of int // submatch indexes; 0 = absent
	}
	best, bestAt := Stamp{}, [2]int{-1, -1}
	for _, f := range []form{
		{ecfDistrict, 1, 2, 3, 4, 5},
		{ecfAppellate, 1, 2, 4, 3, 0},
		{ecfSecond, 1, 3, 2, 4, 5},
		{ecfSecondOld, 1, 2, 3, 4, 5},
		{ecfFourth, 1, 2, 3, 4, 5},
		{ecfBankruptcy, 1, 2, 3, 4, 5},
	} {
		m := f.re.Get().FindStringSubmatchIndex(s)
		if m == nil || bestAt[0] >= 0 && m[0] >= bestAt[0] {
			continue
		}
		sub := func(k int) string {
			if k == 0 || m[2*k] < 0 {
				return ""
			}
			return s[m[2*k]:m[2*k+1]]
		}
		filed, ok := isoFromNumeric(sub(f.filed))
		if !ok {
			continue
		}
		page, _ := strconv.Atoi(sub(f.page))
		of, _ := strconv.Atoi(sub(f.of))
		number := sub(f.number)
		if ns := findCaseNumbers(number); len(ns) == 1 && ns[0].start == 0 && ns[0].end == len(number) {
			number = ns[0].norm
		}
		best, bestAt = Stamp{CaseNumber: number, Document: sub(f.doc), Filed: filed, Page: page, Of: of}, [2]int{m[0], m[1]}
	}
	return best, bestAt, bestAt[0] >= 0
}

// caseNumberSpan is a case number found in a text: byte span, normalized
// form and attributes.
type caseNumberSpan struct {
	start, end int
	norm       string
	attrs      *schemas.CaseNumberAttrs
	cited      bool // followed by a reporter citation: another case's number
}

// findCaseNumbers returns the case numbers of a text, left to right.
func findCaseNumbers(text string) []caseNumberSpan {
	var out []caseNumberSpan
	wins := numberLineWindows(text)
	taken := make([]bool, len(text)+1)
	add := func(start, end int, norm string, attrs *schemas.CaseNumberAttrs) {
		for k := start; k < end; k++ {
			if taken[k] {
				return
			}
		}
		for k := start; k < end; k++ {
			taken[k] = true
		}
		out = append(out, caseNumberSpan{start: start, end: end, norm: norm, attrs: attrs,
			cited: citedAfter.Get().MatchString(text[end:min(len(text), end+40)])})
	}
	for _, m := range matchesIn(districtNoWin, text, wins) {
		if text[m[3]] == '-' && (m[3]-m[2] != 1 || text[m[2]] < '0' || text[m[2]] > '9') {
			continue // a dash sets off an office of one digit only
		}
		typ := strings.ToLower(text[m[6]:m[7]])
		end := m[1]
		judges := strings.Trim(text[m[10]:m[11]], "-")
		attrs := &schemas.CaseNumberAttrs{Form: schemas.FormDistrict, Office: text[m[2]:m[3]], Year: text[m[4]:m[5]], Type: typ}
		if m[12] >= 0 {
			attrs.Defendant = text[m[12]:m[13]]
		} else if judges == "" {
			if j := spacedJudges.Get().FindStringSubmatchIndex(text[end:]); j != nil && !notJudges[text[end+j[2]:end+j[3]]] {
				judges, end = text[end+j[2]:end+j[3]], end+j[3]
			}
		}
		norm := fmt.Sprintf("%s:%s-%s-%s", text[m[2]:m[3]], text[m[4]:m[5]], typ, pad5(text[m[8]:m[9]]))
		if judges != "" {
			norm += "-" + judges
			attrs.Judges = judges
		}
		add(m[0], end, norm, attrs)
	}
	for _, m := range matchesIn(appellateNoWin, text, wins) {
		attrs := &schemas.CaseNumberAttrs{Form: schemas.FormAppellate}
		end := m[3]
		if m[4] < 0 && (continuesNumber(text[end:]) || dottedSuffix.Get().MatchString(text[end:])) {
			continue // "Docket No. 2019-06-0263", "No. 91-123-C.A.": a longer number, read as a state's
		}
		if j := spacedJudges.Get().FindStringSubmatch(text[end:]); j != nil && !notJudges[j[1]] || judgesBeforeCite.Get().MatchString(text[end:]) {
			continue // "Criminal No. 13-01234 JB": a trial court's number and its judge, read whole by its label
		}
		if lawNumber(text, m[0]) {
			continue // "Pub. L. No. 77-352": a statute's number
		}
		if m[4] >= 0 {
			attrs.Type, end = text[m[4]:m[5]], m[5]
		}
		add(m[2], end, strings.ReplaceAll(text[m[2]:m[3]], "–", "-"), attrs)
		for at := end; ; {
			n := moreAppellateNo.Get().FindStringSubmatchIndex(text[at:])
			if n == nil {
				break
			}
			add(at+n[2], at+n[3], strings.ReplaceAll(text[at+n[2]:at+n[3]], "–", "-"), &schemas.CaseNumberAttrs{Form: schemas.FormAppellate})
			at += n[1]
		}
	}
	findEarlyStateNumbers(text, add)
	for _, m := range matchesIn(centralNoWin, text, wins) {
		prefix := strings.ReplaceAll(text[m[2]:m[3]], " ", "")
		norm := fmt.Sprintf("%s %s-%s", prefix, text[m[4]:m[5]], text[m[6]:m[7]])
		attrs := &schemas.CaseNumberAttrs{Form: schemas.FormDistrict, Type: strings.ToLower(prefix[len(prefix)-2:])}
		end := m[1]
		if m[8] >= 0 {
			if notJudges[text[m[8]:m[9]]] { // "CR 14-648 AND"
				end = m[7]
			} else {
				norm += "-" + text[m[8]:m[9]]
				attrs.Judges = text[m[8]:m[9]]
			}
		}
		if m[10] >= 0 && end == m[1] {
			attrs.Defendant = text[m[10]:m[11]]
		}
		add(m[0], end, norm, attrs)
	}
	for _, m := range matchesIn(shortDistrictNoWin, text, wins) {
		typ := strings.ToLower(text[m[4]:m[5]])
		norm := fmt.Sprintf("%s-%s-%s", text[m[2]:m[3]], typ, pad5(text[m[6]:m[7]]))
		attrs := &schemas.CaseNumberAttrs{Form: schemas.FormDistrict, Year: text[m[2]:m[3]], Type: typ}
		for _, k := range []int{8, 10} { // judges after a dash or in parentheses
			if m[k] >= 0 {
				norm += "-" + text[m[k]:m[k+1]]
				attrs.Judges = text[m[k]:m[k+1]]
			}
		}
		add(m[0], m[1], norm, attrs)
	}
	for _, m := range matchesIn(miscNoWin, text, wins) {
		add(m[0], m[1], "Misc. "+text[m[2]:m[3]], &schemas.CaseNumberAttrs{Form: schemas.FormMisc})
	}
	for _, m := range matchesIn(stateNoWin, text, wins) {
		add(m[0], m[1], "Ind. No. "+text[m[2]:m[3]], &schemas.CaseNumberAttrs{Form: schemas.FormState, Type: "indictment"})
	}
	findStateNumbers(text, add)
	findViolationNumbers(text, add)
	// "D.C. No. CV-00-13002-DDP", "D. C. Docket No. 06-02274-CV-AR-S",
	// "Lower Court No.", "Trial Court No.": the number of the case appealed
	// from, as printed.
	for _, m := range matchesIn(lowerCourtNoWin, text, wins) {
		num := strings.TrimRight(text[m[2]:m[3]], ".,;)")
		end := m[2] + len(num)
		kept := out[:0]
		whole := false
		for _, n := range out {
			if n.start == m[2] && n.end == end && n.attrs.Form == schemas.FormDistrict {
				n.attrs.Role, whole = schemas.RoleLowerCourt, true // read whole in its own form
				kept = append(kept, n)
				continue
			}
			if n.start >= m[2] && n.end <= end {
				for k := n.start; k < n.end; k++ {
					taken[k] = false // the label's number as printed replaces a shorter reading of it
				}
				continue
			}
			if n.start >= m[2] && n.start < end {
				n.attrs.Role = schemas.RoleLowerCourt
			}
			kept = append(kept, n)
		}
		out = kept
		if !whole && isSpanFree(taken, m[2], end) {
			add(m[2], end, strings.ToUpper(num), &schemas.CaseNumberAttrs{Form: schemas.FormDistrict, Role: schemas.RoleLowerCourt})
		}
	}
	// The passes above find forms in turn; report them in reading order.
	slices.SortFunc(out, func(a, b caseNumberSpan) int { return a.start - b.start })
	return out
}

// lawLabels are the words before "No." that number a statute.
var lawLabels = textscan.Set("l.", "pub.l.", "p.l.", "law")

// lawNumber reports whether the "No." at label numbers a statute ("Pub.
// L. No. 77-352", "Public Law No. 94-553").
func lawNumber(text string, label int) bool {
	before := strings.Fields(text[max(0, label-20):label])
	return len(before) > 0 && lawLabels[strings.ToLower(before[len(before)-1])]
}

// continuesNumber reports whether s, the text after a number, goes on
// with a dash and a digit: the number read is part of a longer one.
func continuesNumber(s string) bool {
	rest, ok := strings.CutPrefix(s, "-")
	if !ok {
		if rest, ok = strings.CutPrefix(s, "–"); !ok {
			return false
		}
	}
	return rest != "" && rest[0] >= '0' && rest[0] <= '9'
}

// numberLineWindows returns the stretches of text a case number can be
// in: each line with a digit beside a dash, colon or slash (every form has
// one), from the last line above it that is not blank (where a label such
// as "No." may stand), merged when they touch. Most lines of a page hold
// none, and the patterns have no literal to skip ahead by.
func numberLineWindows(text string) [][2]int {
	var out [][2]int
	prevStart := 0
	for start := 0; start < len(text); {
		end := len(text)
		if k := strings.IndexByte(text[start:], '\n'); k >= 0 {
			end = start + k
		}
		line := text[start:end]
		if numberShaped(line) {
			if n := len(out); n > 0 && out[n-1][1] >= prevStart-1 {
				out[n-1][1] = end
			} else {
				out = append(out, [2]int{prevStart, end})
			}
		}
		if strings.TrimSpace(line) != "" {
			prevStart = start
		}
		start = end + 1
	}
	return out
}

// numberShaped reports whether line has a digit next to a dash, colon or
// slash.
func numberShaped(line string) bool {
	for i := 0; i < len(line); i++ {
		if line[i] < '0' || line[i] > '9' {
			continue
		}
		if i > 0 && strings.IndexByte("-:/", line[i-1]) >= 0 || i+1 < len(line) && strings.IndexByte("-:/", line[i+1]) >= 0 {
			return true
		}
		if i+3 < len(line) && line[i+1:i+4] == "–" || i >= 3 && line[i-3:i] == "–" {
			return true
		}
	}
	return false
}

// A windowPattern is a number pattern read in number-shaped windows of a
// page, with may, a cheap test of what every match of it holds (a
// literal, two digits and a dash before a letter): a window without that
// is not searched. A transcript's time stamps make every line a window,
// and the patterns, with no literal prefix, try every byte of it.
type windowPattern struct {
	re  *textscan.Regexp
	may func(window string) bool
}

// The number patterns as findCaseNumbers reads them; windowPatterns lists
// them for the test that each may holds of every match.
var (
	districtNoWin      = windowPattern{districtNo, twoDigitsDashLetter}
	appellateNoWin     = windowPattern{appellateNo, containsAny("No", "Case:", "Appeal:", "Docket")}
	centralNoWin       = windowPattern{centralNo, containsAny("CR", "CV")}
	shortDistrictNoWin = windowPattern{shortDistrictNo, twoDigitsDashLetter}
	miscNoWin          = windowPattern{miscNo, containsAny("Misc.")}
	stateNoWin         = windowPattern{stateNo, containsAny("Ind")}
	lowerCourtNoWin    = windowPattern{lowerCourtNo, containsAny("D", "Court")}
	windowPatterns     = []windowPattern{districtNoWin, appellateNoWin, centralNoWin, shortDistrictNoWin, miscNoWin, stateNoWin, lowerCourtNoWin}
)

// matchesIn returns p's submatch indexes in the windows of text, as
// offsets into text.
func matchesIn(p windowPattern, text string, wins [][2]int) [][]int {
	var out [][]int
	re := p.re.Get()
	for _, w := range wins {
		if !p.may(text[w[0]:w[1]]) {
			continue
		}
		for _, m := range re.FindAllStringSubmatchIndex(text[w[0]:w[1]], -1) {
			out = append(out, shiftMatch(m, w[0]))
		}
	}
	return out
}

// containsAny returns a window test: the window holds one of lits.
func containsAny(lits ...string) func(string) bool {
	return func(w string) bool {
		for _, l := range lits {
			if strings.Contains(w, l) {
				return true
			}
		}
		return false
	}
}

// twoDigitsDashLetter reports whether w holds two digits, a hyphen and a
// letter in a row ("18-cr", "20-CV"), as every district number does. The
// letter may be any non-ASCII one: case folding matches the long s ("ſ")
// as s and the Kelvin sign as k.
func twoDigitsDashLetter(w string) bool {
	for i := 2; i+1 < len(w); i++ {
		if w[i] == '-' && isDigit(w[i-1]) && isDigit(w[i-2]) && (isASCIILetter(w[i+1]) || w[i+1] >= utf8.RuneSelf) {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// lowerCourtNo is a number labelled as the lower court's.
// "DC Docket #: 17-cv-6761" and "District Case Number: 2-15-cv-00180"
// are the forms of courts of appeals' notices.
var lowerCourtNo = textscan.Lazy(`\b(?:D\.\s?C\.|DC|Lower\s+Court|Trial\s+Court|District\s+Court|District)\s+(?:Docket\s+|Case\s+)?(?:No\.|#|Number):?\s*((?:\d[:-])?[A-Za-z]{0,4}-?\d{2}[-–](?:[A-Za-z]{2,4}-)?\d{2,6}(?:-[A-Za-z0-9]{1,5})*)`)

func isSpanFree(taken []bool, start, end int) bool {
	for k := start; k < end; k++ {
		if taken[k] {
			return false
		}
	}
	return true
}

// pad5 writes a district case's sequence number as PACER does: 908 → 00908.
func pad5(n string) string {
	if len(n) >= 5 {
		return n
	}
	return strings.Repeat("0", 5-len(n)) + n
}
