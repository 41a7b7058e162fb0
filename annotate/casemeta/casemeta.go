package casemeta

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/casefile/casefile/annotate/internal/textscan"
	"github.com/casefile/casefile/schemas"
)

// Case metadata: which court, which case, what kind of filing, filed when,
// read from the text itself.

// districtCourt: "UNITED STATES DISTRICT COURT" then "<DIR> DISTRICT OF <STATE>".
// The court of a letter is named by its addressee: "United States
// District Judge, Southern District of New York".
var districtCourt = textscan.Lazy(`(?is)(?:united\s+states|u\.\s?s\.|(?-i:US))\s+(?:district\s+court|district\s+judge|magistrate\s+judge)\b.{0,40}?\b(?:for\s+the\s+)?(?:(northern|southern|eastern|western|central|middle)\s+)?district\s+of\s+([a-z]+(?:\s[a-z]+)?)`)

var appealsCourt = textscan.Lazy(`(?is)united\s+states\s+court\s+of\s+appeals\s+(?:for\s+the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|district\s+of\s+columbia|d\.\s?c\.|federal)\s+circuit`)

var circuitIDs = map[string]string{"first": "ca1", "second": "ca2", "third": "ca3", "fourth": "ca4", "fifth": "ca5",
	"sixth": "ca6", "seventh": "ca7", "eighth": "ca8", "ninth": "ca9", "tenth": "ca10", "eleventh": "ca11",
	"district of columbia": "cadc", "d.c.": "cadc", "d. c.": "cadc", "federal": "cafc"}

var statePostal = map[string]string{"alabama": "al", "alaska": "ak", "arizona": "az", "arkansas": "ar", "california": "ca",
	"colorado": "co", "connecticut": "ct", "delaware": "de", "florida": "fl", "georgia": "ga", "hawaii": "hi",
	"idaho": "id", "illinois": "il", "indiana": "in", "iowa": "ia", "kansas": "ks", "kentucky": "ky", "louisiana": "la",
	"maine": "me", "maryland": "md", "massachusetts": "ma", "michigan": "mi", "minnesota": "mn", "mississippi": "ms",
	"missouri": "mo", "montana": "mt", "nebraska": "ne", "nevada": "nv", "new hampshire": "nh", "new jersey": "nj",
	"new mexico": "nm", "new york": "ny", "north carolina": "nc", "north dakota": "nd", "ohio": "oh", "oklahoma": "ok",
	"oregon": "or", "pennsylvania": "pa", "rhode island": "ri", "south carolina": "sc", "south dakota": "sd",
	"tennessee": "tn", "texas": "tx", "utah": "ut", "vermont": "vt", "virginia": "va", "washington": "wa",
	"west virginia": "wv", "wisconsin": "wi", "wyoming": "wy", "columbia": "dc"}

// court returns the courts-db id, full name and division of the court a
// first page names.
func court(text string) (id, name, division string) {
	// The court a filing is in is named first; the courts it cites or
	// appeals from come later.
	best := len(text) + 1
	try := func(at int, i, n string) {
		if at >= 0 && at < best && i != "" {
			best, id, name = at, i, n
		}
	}
	di, dn, dat := districtOf(text)
	try(dat, di, dn)
	if m := headingMatch(appealsCourt.Get(), text); m != nil {
		c := strings.ToLower(strings.Join(strings.Fields(text[m[2]:m[3]]), " "))
		try(m[0], circuitIDs[c], "United States Court of Appeals for the "+titleCase(c)+" Circuit")
	}
	if loc := headingMatch(scotusRe.Get(), text); loc != nil {
		try(loc[0], "scotus", "Supreme Court of the United States")
	}
	if loc := headingMatch(taxCourtRe.Get(), text); loc != nil {
		try(loc[0], "tax", "United States Tax Court")
	}
	if m := headingMatch(fiscRe.Get(), text); m != nil {
		if m[2] >= 0 {
			try(m[0], "fiscr", "United States Foreign Intelligence Surveillance Court of Review")
		} else {
			try(m[0], "fisc", "United States Foreign Intelligence Surveillance Court")
		}
	}
	// The table reads state courts and federal courts the forms above do
	// not know; where those forms found a federal court, it stands.
	if hid, hname, hdiv, sys, at := headingCourt(text, best); at >= 0 && (sys != "federal" || id == "") {
		if try(at, hid, hname); id == hid {
			division = hdiv
		}
	}
	if id == "" {
		id, name, division = runTogetherCourt(text)
	}
	return id, name, division
}

// runTogetherHead is a court's name set in capitals, as a heading is,
// inside a line that runs a page's head matter together (a web copy that
// lost its line breaks: "… NOT TO BE PUBLISHED IN THE COURT OF SPECIAL
// APPEALS OF MARYLAND No. 713 …"), or a state's court of review named
// after its state as Kentucky's opinions head themselves ("Commonwealth
// of Kentucky Court of Appeals").
var runTogetherHead = textscan.Lazy(`\b(?:[A-Z]{2,}[ ]){0,3}COURT(?:[ ](?:OF|FOR|THE|[A-Z]{2,}|[A-Z]\.)){1,10}|\b(?:Commonwealth|State)[ ]of[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+)?[ ](?:Supreme[ ]Court|Court[ ]of[ ](?:Criminal[ ])?Appeals?)\b`)

// belowWords, before "COURT" in a court's name read from run-together
// capitals, say it is the court a case came from.
var belowWords = textscan.Lazy(`\b(?:APPEAL|APPEALED|FROM|REVIEW|CERTIORARI)\b`)

// runTogetherBytes bounds the head matter runTogetherCourt reads.
const runTogetherBytes = 800

// runTogetherCourt returns the court a page's head names in capitals
// inside a line too long to be a heading, where no heading names one:
// the first such name that resolves and is not the court appealed from.
func runTogetherCourt(text string) (id, name, division string) {
	top := text[:min(len(text), runTogetherBytes)]
	state := pageState(top)
	for line := range strings.Lines(top) {
		if len(strings.TrimSuffix(line, "\n")) <= 120 {
			continue
		}
		for _, m := range runTogetherHead.Get().FindAllStringIndex(line, -1) {
			head, before := line[m[0]:m[1]], line[max(0, m[0]-40):m[0]]
			if appealedFromEnd.Get().MatchString(strings.TrimSpace(before)) ||
				belowWords.Get().MatchString(head[:max(0, strings.Index(strings.ToUpper(head), "COURT"))]) {
				continue // "APPEAL FROM HARDIN CIRCUIT COURT": the court below
			}
			window, c, ok := longestCourtStart(head, state)
			if !ok {
				continue
			}
			e := courtTable[c]
			if e.system != "federal" {
				division = divisionOf(window)
				e = courtTable[divisionCourt(c, division)]
			}
			return e.id, e.name, division
		}
	}
	return "", "", ""
}

// longestCourtStart returns the longest start of head, cut at a space and
// still holding "COURT ", that resolves to a court, and that court: the
// words after a name in run-together capitals run on into the page's
// parties or judge ("… FIFTH DISTRICT JOHN ROE").
func longestCourtStart(head, state string) (string, int, bool) {
	for window := head; ; {
		if c, ok := resolveHeading(window, state); ok {
			return window, c, true
		}
		k := strings.LastIndexByte(window, ' ')
		if k < 0 || !strings.Contains(window[:k], "COURT ") {
			return "", 0, false
		}
		window = window[:k]
	}
}

// hostCourt returns the federal court whose web address a page's head
// gives, as a court's letterhead does: its host is the court's id
// (www.ca3.uscourts.gov, ecf.cand.uscourts.gov).
func hostCourt(text string) (id, name string) {
	if m := uscourtsHost.Get().FindStringSubmatch(text[:min(len(text), headingBytes)]); m != nil {
		if i, ok := courtOf(strings.ToLower(m[1])); ok && courtTable[i].system == "federal" {
			return courtTable[i].id, courtTable[i].name
		}
	}
	return "", ""
}

// uscourtsHost is a host name under uscourts.gov naming one court.
var uscourtsHost = textscan.Lazy(`(?i)\b(?:www\.|ecf\.)?([a-z]{2,4}\d{0,2})\.uscourts\.gov\b`)

var (
	scotusRe   = textscan.Lazy(`(?i)supreme\s+court\s+of\s+the\s+united\s+states`)
	taxCourtRe = textscan.Lazy(`(?i)united\s+states\s+tax\s+court`)
	fiscRe     = textscan.Lazy(`(?i)foreign\s+intelligence\s+surveillance\s+court(\s+of\s+review)?`)
)

// bareAppealLine is a court of appeals' number set alone on a line
// without a label: "2009-1361" (the Federal Circuit's form until 2014),
// "22-11299".
var bareAppealLine = textscan.Lazy(`^[ \t]*(\d{2}-\d{3,5}|(?:19|20)\d{2}-\d{4})[ \t]*$`)

// bareAppealNumber returns the span of an appeal's number set alone on a
// line above its caption's "v.", or -1, -1. Below the caption such a
// line continues a list of other cases' numbers.
func bareAppealNumber(text string) (start, end int) {
	lines := strings.SplitAfter(text[:min(len(text), headingBytes)], "\n")
	caption := versusLine(lines)
	off := 0
	for i, l := range lines {
		if caption >= 0 && i >= caption || i >= headingLines {
			break
		}
		if m := bareAppealLine.Get().FindStringSubmatchIndex(strings.TrimRight(l, "\n")); m != nil && !yearRange(l[m[2]:m[3]]) {
			return off + m[2], off + m[3]
		}
		off += len(l)
	}
	return -1, -1
}

// bareStateLine is a state court of review's docket number as its
// reporter prints it at the head of a decision, five or six digits alone
// on a line and closed by a period, without a label: "35123." (Georgia's
// Supreme Court). A year alone ("2011.") is four digits.
var bareStateLine = textscan.Lazy(`^[ \t]*(\d{5,6})\.[ \t]*$`)

// bareStateNumber returns the span of a state court of review's number
// set alone on a line among the first lines of its decision, or -1, -1.
func bareStateNumber(text string) (start, end int) {
	off := 0
	for i, l := range strings.SplitAfter(text[:min(len(text), headingBytes)], "\n") {
		if i >= headingLines {
			break
		}
		if m := bareStateLine.Get().FindStringSubmatchIndex(strings.TrimRight(l, "\n")); m != nil {
			return off + m[2], off + m[3]
		}
		off += len(l)
	}
	return -1, -1
}

// stateReviewingCourt reports whether id is a state's court of review
// (its court of last resort or an intermediate court of appeals).
func stateReviewingCourt(id string) bool {
	i, ok := courtOf(id)
	return ok && courtTable[i].system == "state" && reviewingCourt(id)
}

// yearRange reports whether a number is two years ("2019-2020").
func yearRange(n string) bool {
	y, rest, ok := strings.Cut(n, "-")
	return ok && len(y) == 4 && len(rest) == 4 && (strings.HasPrefix(rest, "19") || strings.HasPrefix(rest, "20"))
}

// appellateCourt reports whether id is a federal court of appeals.
func appellateCourt(id string) bool {
	if id == "cadc" || id == "cafc" {
		return true
	}
	n, ok := strings.CutPrefix(id, "ca")
	return ok && n != "" && len(n) <= 2 && strings.Trim(n, "0123456789") == ""
}

// bankruptcyCourt reports whether a courts-db id is a bankruptcy court's.
func bankruptcyCourt(id string) bool {
	k, ok := courtOf(id)
	return ok && courtTable[k].typ == "bankruptcy"
}

// headingMatch returns the submatch indexes of re's first match in text
// that starts on a line set as a heading (a caption, letterhead or
// addressee's line), or nil: a court named in a sentence of the body
// ("The United States Court of Appeals for the Federal Circuit held") is
// a court cited, not the filing's.
func headingMatch(re *regexp.Regexp, text string) []int {
	for from := 0; from < len(text); {
		m := re.FindStringSubmatchIndex(text[from:])
		if m == nil {
			return nil
		}
		shiftMatch(m, from)
		from = m[1]
		if ls, le := lineBounds(text, m[0], m[0]); courtHeading(text[ls:le]) {
			return m
		}
	}
	return nil
}

// stateFirstDistrict is the court line of CM/ECF's notices and reports,
// the state before its district: "U.S. District Court / Alabama Middle
// District", "U.S. District Court -- Texas Northern District".
var stateFirstDistrict = textscan.Lazy(`(?is)(?:united\s+states|u\.\s?s\.|(?-i:US))\s+district\s+court\b[ \t]*(?:-{1,2}|–|—)?\s*()([a-z]+(?:[ \t][a-z]+)??)\s+(?:(northern|southern|eastern|western|central|middle)\s+)?district\b`)

// districtOf finds a federal district court and where it is named.
func districtOf(text string) (id, name string, at int) {
	loc := headingMatch(districtCourt.Get(), text)
	if loc == nil {
		// "Alabama Middle District": the same groups, direction last.
		// Only at the head, where a notice or a report prints it.
		if l := headingMatch(stateFirstDistrict.Get(), text[:min(len(text), headingBytes)]); l != nil {
			loc = []int{l[0], l[1], l[6], l[7], l[4], l[5]}
		}
	}
	if loc == nil {
		return "", "", -1
	}
	m := make([]string, len(loc)/2)
	for k := range m {
		if loc[2*k] >= 0 {
			m[k] = text[loc[2*k]:loc[2*k+1]]
		}
	}
	at = loc[0]
	state := strings.ToLower(strings.Join(strings.Fields(m[2]), " "))
	postal, ok := statePostal[state]
	if !ok {
		state = strings.Fields(state)[0] // "California\nCriminal Minutes"
		postal, ok = statePostal[state]
	}
	if ok {
		dir := strings.ToLower(m[1])
		id = postal + "d"
		name = "United States District Court for the District of " + titleCase(state)
		if dir != "" {
			id = postal + dir[:1] + "d"
			name = "United States District Court for the " + titleCase(dir) + " District of " + titleCase(state)
		}
		return id, name, at
	}
	return "", "", -1
}

func titleCase(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		if w == "of" || w == "the" {
			continue
		}
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}

// lineBounds returns the bounds of the line or lines of text holding
// text[start:end], without their line breaks.
func lineBounds(text string, start, end int) (ls, le int) {
	ls = strings.LastIndexByte(text[:start], '\n') + 1
	le = strings.IndexByte(text[end:], '\n')
	if le < 0 {
		return ls, len(text)
	}
	return ls, end + le
}

// shiftMatch adds by to each index of a submatch found in text[by:], so
// that it indexes text; unmatched groups (-1) stay so.
func shiftMatch(m []int, by int) []int {
	for k := range m {
		if m[k] >= 0 {
			m[k] += by
		}
	}
	return m
}

// stateShaped reports whether a district number's short form is printed
// as state trial courts print theirs: year, type in capitals, number, no
// office and no judges ("18-CR-00456", Kentucky's circuit courts'). Such a
// number does not make a page federal; "19-cr-725", "2:18-CR-00119" and
// "15-cv-02543-BLF" do.
func stateShaped(text string, n caseNumberSpan) bool {
	if n.attrs.Office != "" || n.attrs.Judges != "" || n.attrs.Year == "" {
		return false
	}
	printed := text[n.start:n.end]
	return printed == strings.ToUpper(printed)
}

// isHeading reports whether text[start:end] is set as a heading.
func isHeading(text string, start, end int) bool {
	ls, le := lineBounds(text, start, end)
	line := text[ls:le]
	if pre := strings.ToUpper(strings.TrimSpace(text[ls:start])); pre == "ON" || pre == "UPON" {
		return false // "ON MOTION", "UPON PETITION": how the matter came before the court, not the title
	}
	if l := strings.ToUpper(strings.TrimLeft(line, " \t0123456789|[]().*:")); strings.HasPrefix(l, "IN RE ") || strings.HasPrefix(l, "IN THE MATTER OF") {
		return false // a caption naming a motion or a warrant, not the filing's title
	}
	if !hasLower(text[start:end]) && (capsShare(line) >= 0.7 || strings.TrimSpace(text[end:le]) == "") {
		return true // set in capitals, on a line in capitals or closing it ("Bainbridge Fund LTD, ORDER")
	}
	if col, from := columnText(text, ls, le, start, end); from > ls && strings.TrimSpace(text[from:start]) == "" &&
		!hasLower(text[start:end]) && capsShare(col) >= 0.7 {
		// opening a caption's right column in capitals, beside a party's
		// name ("individual,      DECLARATION OF MIRIAM"); a form's
		// labels in its left column ("ORDER   custody of the Bureau") are
		// not titles
		return true
	}
	before := strings.TrimLeft(text[ls:start], " \t0123456789[]().*:")
	return before == "" && len(strings.Fields(line)) <= 8
}

// columnText is the column of the line text[ls:le] that holds
// text[start:end] and where it starts: the text between the gaps of two
// or more spaces (or a tab) around it, as a two-column caption sets a
// party's name beside the filing's title.
func columnText(text string, ls, le, start, end int) (col string, from int) {
	from = ls
	if k := strings.LastIndex(text[ls:start], "  "); k >= 0 {
		from = ls + k
	}
	if k := strings.LastIndexByte(text[ls:start], '\t'); k >= 0 && ls+k > from {
		from = ls + k
	}
	to := le
	if k := strings.Index(text[end:le], "  "); k >= 0 {
		to = end + k
	}
	if k := strings.IndexByte(text[end:le], '\t'); k >= 0 && end+k < to {
		to = end + k
	}
	return text[from:to], from
}

func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// capsShare is the share of a line's letters set in capitals.
func capsShare(line string) float64 {
	upper, letters := textscan.LetterCase(line)
	if letters == 0 {
		return 0
	}
	return float64(upper) / float64(letters)
}

// Read fills a record's case block from its pages and returns the
// CASE_NUMBER and DATE entities found. The block describes the filing
// itself: its court, caption and kind come from the first page with text;
// its case numbers from the ECF stamps and the first page, leaving out the
// numbers of cases it cites; its filed date from an ECF or clerk's stamp,
// a "Filed" label, a notice of electronic filing or a docket sheet's label.
func Read(pages []schemas.Page) (schemas.Case, []schemas.Entity) {
	var c schemas.Case
	var ents []schemas.Entity
	seen := map[string]bool{}
	own := func(n string) {
		for _, o := range c.CaseNumbers {
			if strings.HasPrefix(o, n+"-") {
				return // "2:15-cv-00208" printed without the judges of "2:15-cv-00208-TLN-KJN"
			}
		}
		key, keyed := districtCaseKey(n)
		if keyed && seen[key] {
			return // the case of "2:16-cv-08033-AB-FFM" printed another way ("CV16-08033 AB (FFMx)")
		}
		if !seen[n] && len(c.CaseNumbers) < 20 {
			seen[n] = true
			if keyed {
				seen[key] = true
			}
			c.CaseNumbers = append(c.CaseNumbers, n)
		}
	}
	first := -1
	var firstNumbers []caseNumberSpan
	for i, p := range pages {
		numbers := findCaseNumbers(p.Text)
		if first < 0 && strings.TrimSpace(p.Text) != "" {
			first, firstNumbers = i, numbers
		}
		toRune := textscan.ByteToRune(p.Text)
		for _, n := range numbers {
			ents = append(ents, schemas.Entity{Type: schemas.CaseNumber, Text: p.Text[n.start:n.end], Page: p.Number,
				Start: toRune.At(n.start), End: toRune.At(n.end), Normalized: n.norm, Source: schemas.SourceRule, Attrs: n.attrs})
		}
		ents = append(ents, findDates(p)...)
		if st, ok := ParseStamp(p.Text); ok {
			own(st.CaseNumber)
			if c.Filed == "" {
				c.Filed = st.Filed
			}
		}
	}
	if first < 0 {
		return c, ents
	}
	text := pages[first].Text
	if c.Filed == "" {
		c.Filed = filedDate(text)
	}
	c.Court, c.CourtName, c.CourtDivision = court(text)
	docket := docketRecord(text)
	if docket == nil {
		docket = cmecfQueryRecord(text)
	}
	claims := false
	if docket == nil {
		docket = claimsRegisterRecord(text)
		claims = docket != nil
	}
	if docket != nil {
		// A case's record: its labels give its number, its filing date
		// and its parties; the entries below name other filings.
		c.DocType = "docket sheet"
		if claims {
			c.DocType = "claims register"
		}
		if f := docketFiled(docket); f != "" {
			c.Filed = f // the record's label, not a date among its entries
		}
		if n := docketTitleNumber(text); n != "" {
			own(n) // as the report's title prints it, defendant's number kept
		}
		if n, at := docketNumber(docket); at >= 0 && slices.ContainsFunc(firstNumbers, func(s caseNumberSpan) bool {
			return s.start == at && s.attrs.Form == schemas.FormDistrict
		}) {
			own(n) // a district number, an entity of its own form already
		} else if at >= 0 {
			own(n)
			toRune := textscan.ByteToRune(text)
			ents = append(ents, schemas.Entity{Type: schemas.CaseNumber, Text: n, Page: pages[first].Number,
				Start: toRune.At(at), End: toRune.At(at + len(n)), Normalized: n, Source: schemas.SourceRule,
				Attrs: &schemas.CaseNumberAttrs{Form: schemas.FormState, Role: schemas.RoleOwn}})
		}
	} else {
		c.DocType = docType(text, c.Court)
	}
	if c.Court == "" && c.DocType != "press release" {
		// With no court named, a court's web address at the head names
		// it; a release may link to any court's.
		c.Court, c.CourtName = hostCourt(text)
	}
	if c.Filed == "" && c.DocType != "press release" && c.DocType != "letter" {
		c.Filed = stampDate(text)
	}
	if c.DocType == "decision list" {
		firstNumbers = nil // the numbers of the many cases it lists
	}
	// On a state court's page a number of the Central District's form
	// ("No. CR-04-0262.", no office or year before its type) is the state
	// court's own, written as printed: the federal reading ("CR 04-0262")
	// is not that court's.
	// So is a short district form printed as state trial courts print
	// theirs ("18-CR-00456"), there and on a page of no named court whose
	// own number a label gives in a state's form.
	i, ok := courtOf(c.Court)
	if ok && courtTable[i].system == "state" || c.Court == "" && slices.ContainsFunc(firstNumbers, func(n caseNumberSpan) bool {
		return n.attrs != nil && n.attrs.Form == schemas.FormState && n.attrs.Role == schemas.RoleOwn
	}) {
		for k, n := range firstNumbers {
			if n.attrs == nil || n.attrs.Form != schemas.FormDistrict || n.attrs.Role != "" ||
				(n.attrs.Office != "" || n.attrs.Year != "") && !stateShaped(text, n) {
				continue
			}
			printed := text[n.start:n.end]
			for e := range ents {
				if ents[e].Type == schemas.CaseNumber && ents[e].Page == pages[first].Number && ents[e].Text == printed && ents[e].Normalized == n.norm {
					ents[e].Normalized = printed
				}
			}
			firstNumbers[k].norm = printed
			firstNumbers[k].attrs = &schemas.CaseNumberAttrs{Form: schemas.FormState}
		}
	}
	// The filing's own numbers come first, the lower court's after them.
	// A court of appeals has no district numbers of its own: one on its
	// page is the case appealed from.
	if appellateCourt(c.Court) {
		for _, n := range firstNumbers {
			if n.attrs != nil && n.attrs.Form == schemas.FormDistrict && n.attrs.Role == "" {
				n.attrs.Role = schemas.RoleLowerCourt
			}
		}
	}
	var lower []string
	federal := slices.ContainsFunc(firstNumbers, func(n caseNumberSpan) bool {
		return n.attrs.Form == schemas.FormDistrict && n.attrs.Role == "" && n.attrs.Type != "bk" && // a bankruptcy number is the case appealed from
			!stateShaped(text, n) // "ACTION NO. 18-CR-00456": a state trial court's form too
	})
	for _, n := range firstNumbers {
		switch {
		case n.cited:
		case len(c.CaseNumbers) > 0 && inProse(text, n.start):
			// "… whether this appeal should be consolidated with Appeal
			// No. 11-1131": a case the body names, once the filing's own
			// number is known.
		case federal && n.attrs.Form == schemas.FormState && n.attrs.Role == schemas.RoleOwn:
			// A federal district number stands; a label's number beside it
			// is the same case printed another way ("NO. CR-00377 WHA").
		case docket != nil && n.attrs.Form == schemas.FormViolation && len(c.CaseNumbers) > 0:
			// A docket record's "Citation Number": the officer's ticket
			// that opened the case the record numbers by its own label.
		case n.attrs != nil && n.attrs.Role == schemas.RoleLowerCourt:
			lower = append(lower, n.norm)
		default:
			own(n.norm)
		}
	}
	// A number printed bare at a court of review's head, its own where no
	// other is found: the span text[start:end] of the first page's text.
	bare := func(start, end int, attrs *schemas.CaseNumberAttrs) {
		n := text[start:end]
		own(n)
		toRune := textscan.ByteToRune(text)
		ents = append(ents, schemas.Entity{Type: schemas.CaseNumber, Text: n, Page: pages[first].Number,
			Start: toRune.At(start), End: toRune.At(end), Normalized: n, Source: schemas.SourceRule, Attrs: attrs})
	}
	if len(c.CaseNumbers) == 0 && appellateCourt(c.Court) {
		if start, end := bareAppealNumber(text); start >= 0 {
			bare(start, end, &schemas.CaseNumberAttrs{Form: schemas.FormAppellate})
		}
	}
	if len(c.CaseNumbers) == 0 && stateReviewingCourt(c.Court) {
		if start, end := bareStateNumber(text); start >= 0 {
			bare(start, end, &schemas.CaseNumberAttrs{Form: schemas.FormState, Role: schemas.RoleOwn})
		}
	}
	for _, n := range lower {
		own(n)
	}
	if c.DocType == "press release" {
		// A release is not filed: its own date is its date, and a date
		// under a headline's "CHARGES FILED" is the site's.
		c.Date, c.Office, c.Filed = releaseDate(text), issuingOffice(text), ""
	}
	if c.DocType != "decision list" && c.DocType != "press release" { // many cases, no one caption
		if docket != nil {
			c.Caption = docketCaption(text, docket, claims || bankruptcyCourt(c.Court))
		} else {
			c.Caption = labelledCaseName(text, bankruptcyCourt(c.Court))
		}
		if c.Caption == "" {
			c.Caption = caption(text)
		}
	}
	return c, ents
}

// districtCaseKeyRe reads the year, type and sequence number of a
// district case's normalized number: "2:16-cv-08033-AB-FFM", "CV
// 16-08033-AB", "SACV 14-341-JVS", "15-cv-02543-BLF", "18 CV 6822".
var districtCaseKeyRe = textscan.Lazy(`^(?:(?:\d{1,2}|[A-Z]):)?(\d{2})-([a-z]{2,4})-(\d{1,6})\b|^(?:SA|ED|LA)?(CR|CV) (\d{2})-(\d{1,6})\b`)

// districtCaseKey returns the case a district number names, its forms
// (the ECF header's, the caption's, with or without its judges' initials
// and office) made one: "16-cv-8033". ok is false for other forms.
func districtCaseKey(n string) (key string, ok bool) {
	if sp := spacedDistrictNo.Get().FindStringSubmatch(n); sp != nil {
		// The Northern District of Illinois's "18 CV 6822", "13 C 5626"
		// (its C is civil).
		typ := strings.ToLower(sp[2])
		if typ == "c" {
			typ = "cv"
		}
		return sp[1] + "-" + typ + "-" + strings.TrimLeft(sp[3], "0"), true
	}
	m := districtCaseKeyRe.Get().FindStringSubmatch(n)
	if m == nil {
		return "", false
	}
	year, typ, seq := m[1], m[2], m[3]
	if year == "" {
		year, typ, seq = m[5], strings.ToLower(m[4]), m[6]
	}
	return year + "-" + typ + "-" + strings.TrimLeft(seq, "0"), true
}

// proseWords is a sentence's run of words in lower case ending just before
// a number and its label ("should be consolidated with Appeal No.").
var proseWords = textscan.Lazy(`(?:\b[a-z][a-z,']*\s+){5}(?:[A-Za-z.#:]+\s*){0,3}$`)

// inProse reports whether the number at byte i of text continues a
// sentence of the body rather than standing in a caption or a label's
// column.
func inProse(text string, i int) bool {
	from := max(0, i-120)
	if k := strings.Index(text[from:i], "\n\n"); k >= 0 {
		from += k + 2 // a paragraph ends the sentence
	}
	return proseWords.Get().MatchString(text[from:i])
}

// releaseHead bounds the head of a release, where its date and its
// office stand: the text below it reports other dates and offices.
const releaseHead = 1500

// releaseDate returns the date a release gives itself: the first full
// date at its head ("For Immediate Release / August 2, 2024", "THURSDAY,
// DECEMBER 5, 2024"). It is not a filing date.
func releaseDate(text string) string {
	top := text[:min(len(text), releaseHead)]
	numeric := ""
	for _, t := range []string{top, titleMonths(top)} {
		for _, e := range findDates(schemas.Page{Number: 1, Text: t}) {
			a, ok := e.Attrs.(*schemas.DateAttrs)
			if !ok || len(a.ISO) != 10 {
				continue
			}
			if hasLetter(e.Text) {
				return a.ISO
			}
			if numeric == "" {
				numeric = a.ISO // "6/30/25, 6:14 PM": a browser's print header, the last resort
			}
		}
	}
	return numeric
}

// titleMonths writes the months of a text set in capitals in title case
// ("DECEMBER 5, 2024" as "December 5, 2024"), keeping every offset.
func titleMonths(s string) string {
	b := []byte(s)
	for i := 0; i+3 <= len(b); i++ {
		if b[i] < 'A' || b[i] > 'Z' || i > 0 && isWordByte(b[i-1]) {
			continue
		}
		k := i
		for k < len(b) && b[k] >= 'A' && b[k] <= 'Z' {
			k++
		}
		if w := string(b[i:k]); monthOf(titleCase(strings.ToLower(w))) > 0 {
			for m := i + 1; m < k; m++ {
				b[m] += 'a' - 'A'
			}
		}
		i = k
	}
	return string(b)
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// officeRe names a prosecutor's or agency's office as a release's
// letterhead prints it: "Office of the Special Narcotics Prosecutor",
// "QUEENS COUNTY DISTRICT ATTORNEY", "District Attorney, Bronx County",
// "Cook County State's Attorney", "United States Attorney's Office,
// Southern District of New York", "Office of the Attorney General".
var officeRe = textscan.Lazy(`(?i:\boffice\s+of\s+the\s+)(?:[A-Z][a-z.]*[ \t]+){0,4}(?i:(?:special\s+narcotics\s+)?(?:prosecutor|attorney(?:\s+general)?|district\s+attorney|state's\s+attorney|state’s\s+attorney|solicitor(?:\s+general)?|inspector\s+general)\b)|(?i:\b(?:united\s+states|u\.\s?s\.)\s+attorney(?:'s|’s)\s+office)(?:,?[ \t]+(?i:(?:(?:northern|southern|eastern|western|central|middle)\s+)?district\s+of)[ \t]+[A-Z][A-Za-z]+(?:[ \t][A-Z][A-Za-z]+)?)?|\b(?:[A-Z][A-Za-z.’']*[ \t]+){1,2}(?i:(?:county|parish)[ \t]+(?:district|state(?:'|’)s|prosecuting|commonwealth(?:'|’)s)[ \t]+attorney(?:(?:'|’)s[ \t]+office)?)|(?i:\bdistrict\s+attorney,[ \t]+)(?:[A-Z][A-Za-z.’']*[ \t]+){1,2}(?i:county\b)`)

// issuingOffice returns the office a release comes from, named at its
// head, as printed with its spaces made single.
func issuingOffice(text string) string {
	top := text[:min(len(text), releaseHead)]
	loc := officeRe.Get().FindStringIndex(top)
	if loc == nil {
		return ""
	}
	return strings.TrimSpace(strings.Join(strings.Fields(top[loc[0]:loc[1]]), " "))
}
