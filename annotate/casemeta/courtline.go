package casemeta

import (
	"strings"

	"github.com/casefile/casefile/annotate/internal/textscan"
)

// The court a filing names in its headings (captions, letterheads, stamps),
// resolved against the courts-db table.

// headingTop bounds where a first page names its court: the lines before
// the body of the filing.
const (
	headingLines = 60
	headingBytes = 6000
	headingTries = 4
)

// headingCourt returns the courts-db court a first page names in a
// heading, its division (county, district, division or department) where
// the heading gives one, and the byte offset of the heading. Only lines
// set as headings and holding the word "court" (or naming a panel: the
// JPML has no court in its name) are read, each with its
// neighbours, as a court's name is often broken over lines ("IN THE
// SUPREME COURT OF THE / STATE OF ARIZONA").
//
// Only the text before limit is read (a court found earlier by other
// means stands); at most headingTries lines are resolved.
func headingCourt(text string, limit int) (id, name, division, system string, at int) {
	top := text[:min(len(text), headingBytes, max(0, limit))]
	lines := strings.SplitAfter(top, "\n")
	if len(lines) > headingLines {
		lines = lines[:headingLines]
	}
	state := pageState(top)
	off := 0
	offsets := make([]int, len(lines))
	for i, l := range lines {
		offsets[i] = off
		off += len(l)
	}
	tries := 0
	caption := versusLine(lines)
	for i, l := range lines {
		if tries == headingTries {
			break
		}
		if caption >= 0 && i > caption && (!containsFold(l, "court") || !reporterCourtLine(l)) {
			// A court named below the caption is the court appealed
			// from (Oregon's "Multnomah County Circuit Court" under the
			// parties), not the filing's, which is named above it;
			// except as a reporter's head matter sets the court, a line
			// of its own closed by a period under the parties ("United
			// States District Court, M. D. Pennsylvania.").
			continue
		}
		if !containsFold(l, "court") && !containsFold(l, "appellate panel") && !containsFold(l, "appellate division") && !containsFold(l, "judicial panel") || !courtNameLine(lines, i) || lowerCourtLine(lines, i) {
			continue
		}
		tries++
		window := neighbours(lines, i)
		c, ok := resolveHeading(window, state)
		if !ok || courtTable[c].system == "federal" && countyCourtLine.Get().MatchString(l) && !federalWords.Get().MatchString(l) {
			// "In the District Court in and for Tulsa County, Oklahoma":
			// a court of a county is a state's, whatever federal name
			// pattern its words also fit.
			continue
		}
		div := ""
		if courtTable[c].system != "federal" {
			div = divisionOf(window)
			c = divisionCourt(c, div)
			if m := courtSeat.Get().FindStringSubmatch(strings.TrimSpace(l)); div == "" && m != nil && !isState(m[1]) {
				div = m[1]
			}
		}
		e := courtTable[c]
		return e.id, e.name, div, e.system, offsets[i] + len(l) - len(strings.TrimLeft(l, " \t"))
	}
	return "", "", "", "", -1
}

var (
	countyCourtLine = textscan.Lazy(`(?i)\b(?:county|parish)\b`)
	federalWords    = textscan.Lazy(`(?i)\b(?:united\s+states|u\.\s?s\.|federal)\b`)
)

// versusRe is the "v." of a caption set on a line of its own (or opening
// it, with the filing's title in a column beside it).
var versusLineRe = textscan.Lazy(`(?i)^[\s*§|)]*[-–—]?(?:v\.|vs\.?|versus)[-–—]?(?:\s|$)`)

// versusLine returns the index of the first line that is a caption's
// "v.", or -1.
func versusLine(lines []string) int {
	for i, l := range lines {
		if versusLineRe.Get().MatchString(l) {
			return i
		}
	}
	return -1
}

// lowerCourtLine reports whether the court named on lines[i] is the court
// a case came from: "Appeal from the United States Bankruptcy Court",
// "ON WRIT OF CERTIORARI TO THE …", "APPEAL FROM / 25TH JDC".
func lowerCourtLine(lines []string, i int) bool {
	if appealedFrom.Get().MatchString(lines[i]) || reviewOf.Get().MatchString(lines[i]) || decreeBelow.Get().MatchString(lines[i]) {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if s := strings.TrimSpace(lines[k]); s != "" {
			return appealedFromEnd.Get().MatchString(s)
		}
	}
	return false
}

var (
	// decreeBelow opens a line naming the decree appealed from and its
	// court, as New York's Appellate Division heads its decisions:
	// "Judgment, Supreme Court, New York County (…, J.), rendered …",
	// "Order and judgment (one paper), Supreme Court, Bronx County".
	decreeBelow = textscan.Lazy(`^[\s"*]*(?i:(?:amended\s+|resettled\s+)?(?:judgments?|orders?|decrees?)(?:\s+(?:and|&)\s+(?:judgments?|orders?))?(?:\s+\([^)\n]{0,20}\))?),[ \t]+(?:the[ \t]+)?[A-Z]`)
	// reviewOf: the other words that introduce a court below.
	reviewOf = textscan.Lazy(`(?i)\b(?:certiorari|review|transferred|removed|remanded)\s+(?:to|from|of)\s+(?:the\s+)?\S`)
	// appealedFromEnd: a line that ends introducing the court below.
	appealedFromEnd = textscan.Lazy(`(?i)(?:appeal(?:ed)?|certiorari|review|transferred|removed)\s+(?:from|to|of)(?:\s+the)?$`)
)

// divisionCourt returns the division of court c that the heading's
// division names, where courts-db lists exactly one ("California Court of
// Appeal, First Appellate District" under "California Courts of Appeal"),
// or c.
func divisionCourt(c int, division string) int {
	if division == "" {
		return c
	}
	d, _, _ := strings.Cut(strings.ToLower(division), ", ") // a district's division: its district names the court
	if strings.Contains(strings.ToLower(courtTable[c].name), d) {
		return c // the division names the court itself ("Court of Appeals of Ohio, Tenth District"), not one of its counties
	}
	found := -1
	for i, e := range courtTable {
		if e.parent != courtTable[c].id || !strings.Contains(strings.ToLower(e.name), d) {
			continue
		}
		if found >= 0 {
			return c
		}
		found = i
	}
	if found < 0 {
		return c
	}
	return found
}

// neighbours joins a court line with the non-empty line above and the two
// below. A court named in the right column of a caption ("VERSUS  *
// COURT OF APPEAL") reads only that column of its neighbours: the text
// left of it is the parties'.
func neighbours(lines []string, i int) string {
	var parts []string
	column := func(l string) string { return l }
	if col := leadingSpace(lines[i]); col >= rightColumn {
		column = func(l string) string {
			if rs := []rune(l); len(rs) > col-columnSlack {
				return string(rs[col-columnSlack:])
			}
			return ""
		}
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if s := unnumbered(column(lines[k])); s != "" {
			if courtHeading(lines[k]) && !captionVersus.Get().MatchString(s) {
				parts = append(parts, s) // not a caption set above the court ("D.G. AND S.H., PLAINTIFFS, v. K.S.")
			}
			break
		}
	}
	parts = append(parts, unnumbered(lines[i]))
	for k, n := i+1, 0; k < len(lines) && n < 2 && k <= i+4; k++ {
		if s := unnumbered(column(lines[k])); s != "" {
			if appealedFrom.Get().MatchString(s) || reviewOf.Get().MatchString(s) {
				break // "Appeal from Circuit Court, Marion County": the court below and its county
			}
			parts = append(parts, s)
			n++
		}
	}
	return strings.Join(parts, " ")
}

// courtSeat is the seat a state's court of appeals names after its
// name, as reporters print it: "Court of Appeals of Texas, Waco.",
// "Court of Appeals of Virginia, Salem."
var courtSeat = textscan.Lazy(`(?i:court\s+of\s+appeals?\s+of\s+[a-z]+(?:\s[a-z]+)?),[ \t]*([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)\.?$`)

// captionVersus is a caption's "v." between parties on one line.
var captionVersus = textscan.Lazy(`(?i)\S\s+(?:v\.|vs\.?|versus)\s+\S`)

// pleadingLineNo is the line number pleading paper prints in its margin
// ("15   NORTHERN DISTRICT OF CALIFORNIA"): read into a court's name, it
// splits it.
var pleadingLineNo = textscan.Lazy(`^[ \t]*\d{1,2}[ \t]+`)

// unnumbered is a line without its margin's number and outer spaces.
func unnumbered(l string) string {
	if loc := pleadingLineNo.Get().FindStringIndex(l); loc != nil {
		l = l[loc[1]:]
	}
	return strings.TrimSpace(l)
}

// rightColumn is the indent (bytes) from which a court line is read as the
// right column of a caption; columnSlack how far left of it a centred
// neighbour may start.
const (
	rightColumn = 36
	columnSlack = 6
)

// courtHeading reports whether a line is set as a heading: mostly in
// capitals, or short and opening with "In the" or the court's name, not a
// sentence of the body.
func courtHeading(line string) bool {
	s := strings.TrimSpace(line)
	if s == "" || len(s) > 120 {
		return false
	}
	if capsShare(s) >= 0.6 {
		return true
	}
	ws := strings.Fields(s)
	if len(ws) > 12 {
		return false
	}
	caps := 0
	for _, w := range ws {
		if r := w[0]; r >= 'A' && r <= 'Z' || headingParticles[w] {
			caps++
		}
	}
	return caps*4 >= len(ws)*3 && !strings.HasSuffix(s, ".")
}

// reporterCourtLine reports whether a line is a court's name closed by a
// period, alone on its line, as a reporter's head matter sets it.
func reporterCourtLine(l string) bool {
	s := strings.TrimSpace(l)
	return strings.HasSuffix(s, ".") && courtHeading(strings.TrimSuffix(s, "."))
}

// courtNameLine reports whether lines[i] is set as a court's heading:
// as courtHeading says, or as a reporter's head matter sets the court, a
// line of its own closed by a period ("Court of Appeals of Michigan.",
// "Missouri Court of Appeals, Eastern District, Division Three."). A
// line so closed that continues a sentence from the line above ("… the
// judgment of the / Court of Appeals of Michigan.") is the body's.
func courtNameLine(lines []string, i int) bool {
	if courtHeading(lines[i]) {
		return true
	}
	s, ok := strings.CutSuffix(strings.TrimSpace(lines[i]), ".")
	if !ok || !courtHeading(s) {
		return false
	}
	for k := i - 1; k >= 0; k-- {
		if p := strings.TrimSpace(lines[k]); p != "" {
			if k < i-1 && titleLine(p) {
				return true // a case's title above, a blank line between ("Jones v. Commonwealth"): no sentence runs on
			}
			last := p[len(p)-1]
			return !(last >= 'a' && last <= 'z' || last == ',' || last == ';')
		}
	}
	return true
}

// titleLine reports whether a line is a case's short title alone ("Jones
// v. Commonwealth"), as a web page heads an opinion with it.
func titleLine(p string) bool {
	return strings.Contains(p, " v. ") && len(strings.Fields(p)) <= 8 && !strings.HasSuffix(p, ",")
}

var headingParticles = textscan.Set("of", "the", "for", "in", "and", "&")

func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// stateNames are the states as courts-db's location names them, longest
// first so "West Virginia" is not read as "Virginia".
var stateNames = func() []string {
	var out []string
	for s := range statePostal {
		if s != "columbia" {
			out = append(out, s)
		}
	}
	for i := 1; i < len(out); i++ {
		for k := i; k > 0 && (len(out[k]) > len(out[k-1]) || len(out[k]) == len(out[k-1]) && out[k] < out[k-1]); k-- {
			out[k], out[k-1] = out[k-1], out[k]
		}
	}
	return out
}()

// pageState returns the state (title case) named first at the top of a
// page, or "" when none is.
func pageState(top string) string {
	lower := strings.ToLower(top)
	best, bestAt := "", len(lower)+1
	for _, s := range stateNames {
		from := 0
		for {
			i := strings.Index(lower[from:], s)
			if i < 0 {
				break
			}
			i += from
			end := i + len(s)
			if (i == 0 || !isWordByte(lower[i-1])) && (end == len(lower) || !isWordByte(lower[end])) {
				if i < bestAt {
					best, bestAt = s, i
				}
				break
			}
			from = end
		}
	}
	if best == "" {
		return ""
	}
	return titleCase(best)
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

var (
	// COUNTY OF BRONX, ST. LOUIS COUNTY, the City and County of Denver
	countyOf     = textscan.Lazy(`(?i)\bcounty\s+of\s+((?:st\.?\s+)?[a-z][a-z'-]+(?:\s+[a-z][a-z'-]+)?)`)
	countyBefore = textscan.Lazy(`(?i)\b((?:st\.?\s+)?[a-z][a-z'-]+(?:\s+[a-z][a-z'-]+)?)\s+county\b`)
	// FIRST APPELLATE DISTRICT, 22ND JUDICIAL CIRCUIT, DIVISION ONE, SECOND DEPARTMENT
	numberedDivision = textscan.Lazy(`(?i)\b((?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|\d{1,2}(?:st|nd|rd|th|d))\s+(?:appellate\s+|judicial\s+|supreme\s+court\s+)?(?:district|circuit|department|division))\b|\b(division\s+(?:one|two|three|four|five|six|seven|eight|[ivx]{1,4}|\d{1,2}))\b`)
)

// divisionAfter is a numbered division right after a district's name.
var divisionAfter = textscan.Lazy(`(?i)^[\s,]*\b(division\s+(?:one|two|three|four|five|six|seven|eight|[ivx]{1,4}|\d{1,2}))\b`)

// jointDivision is a second division joined to the one just read.
var jointDivision = textscan.Lazy(`(?i)^\s+(?:and|&)\s+(?:one|two|three|four|five|six|seven|eight|[ivx]{1,4}|\d{1,2})\b`)

// countyWordsNot are words before "county" that are not a county's name.
var countyWordsNot = textscan.Set("the", "of", "for", "in", "said", "this", "that", "each", "any", "and", "court", "state", "city",
	"part", "division", "branch", "session", "vicinage") // a court's parts: "Chancery Division Family Part Ocean County"

// divisionOf returns the county, district, division or department a
// court's heading names, as printed in title case ("St. Louis County",
// "First Appellate District").
func divisionOf(heading string) string {
	if m := numberedDivision.Get().FindStringSubmatchIndex(heading); m != nil {
		d := heading[m[0]:m[1]]
		if m[4] >= 0 && jointDivision.Get().MatchString(heading[m[1]:]) {
			return "" // "Court of Appeals of Arkansas, Division I and II": a panel of two divisions, not one
		}
		if m[2] >= 0 {
			// "Second District, Division 1", "FIRST APPELLATE DISTRICT /
			// DIVISION TWO": a district's division, which its court's id
			// (the district's) does not say.
			if n := divisionAfter.Get().FindStringSubmatch(heading[m[1]:]); n != nil {
				d += ", " + n[1]
			}
		}
		return titleCase(strings.ToLower(strings.Join(strings.Fields(d), " ")))
	}
	if m := countyOf.Get().FindStringSubmatch(heading); m != nil {
		return titleCase(strings.ToLower(strings.Join(strings.Fields(m[1]), " "))) + " County"
	}
	if m := countyBefore.Get().FindStringSubmatch(heading); m != nil {
		ws := strings.Fields(m[1])
		for len(ws) > 0 && countyWordsNot[strings.ToLower(ws[0])] {
			ws = ws[1:]
		}
		if len(ws) > 0 && !countyWordsNot[strings.ToLower(ws[len(ws)-1])] {
			return titleCase(strings.ToLower(strings.Join(ws, " "))) + " County"
		}
	}
	return ""
}

// headingWords are the words a filing's heading wraps a court's name in,
// which courts-db's names leave out: "IN THE SUPREME COURT OF THE STATE
// OF ARIZONA" is courts-db's "Supreme Court of Arizona".
var headingWords = textscan.Lazy(`(?i)^in the |\b(?:of )?the (?:state|commonwealth) of\b|^(?:state|commonwealth) of |\bin and for(?: the)?\b`)

// resolveHeading resolves the court a heading names: as printed, then
// with the heading's wrapping words left out, then by its kind of court
// and its state (the one top-level court of that kind there).
func resolveHeading(heading, state string) (int, bool) {
	n := normalizeCourtName(heading)
	if c, _, ok := resolveCourt(specific(n, matchCourts(n)), state); ok {
		return c, true
	}
	if us := usAbbrev.Get().ReplaceAllString(n, "${1}United States "); us != n {
		// "U.S. Bankruptcy Court / Eastern District of Pennsylvania":
		// courts-db's patterns spell the nation's name out.
		if c, _, ok := resolveCourt(specific(us, matchCourts(us)), state); ok {
			return c, true
		}
	}
	bare := normalizeCourtName(headingWords.Get().ReplaceAllString(n, " of "))
	bare = strings.TrimPrefix(bare, "of ")
	if c, _, ok := resolveCourt(specific(bare, matchCourts(bare)), state); ok {
		return c, true
	}
	// "The Business Court of Texas": courts-db names it with the state
	// first ("Texas Business Court").
	if m := courtOfState.Get().FindStringSubmatch(bare); m != nil && isState(m[2]) {
		turned := m[2] + " " + m[1]
		if c, _, ok := resolveCourt(specific(turned, matchCourts(turned)), state); ok {
			return c, true
		}
	}
	lower := strings.ToLower(n)
	if saysFederal(lower) {
		return 0, false // a federal court the table's patterns do not name is not a state's
	}
	return courtByKind(lower, state)
}

// usAbbrev is "U.S." in a normalized court name ("U S Bankruptcy
// Court").
var usAbbrev = textscan.Lazy(`(^|\s)U S\s`)

// courtOfState is a court named "<kind> Court of <State>", the state's
// name one or two words.
var courtOfState = textscan.Lazy(`(?i)^(?:the\s+)?((?:[a-z]+\s+){1,3}court)\s+of\s+([a-z]+(?:\s+[a-z]+)?)\b`)

// isState reports whether s (any case) names a state, whole.
func isState(s string) bool {
	_, ok := statePostal[strings.ToLower(strings.Join(strings.Fields(s), " "))]
	return ok && !strings.EqualFold(s, "columbia")
}

// specific drops matches of the nation's generic courts ("District
// Court" is courts-db's United States District Court) where the name does
// not say it is federal.
func specific(name string, ms []courtMatch) []courtMatch {
	lower := strings.ToLower(name)
	federal := saysFederal(lower)
	out := ms[:0:0]
	for _, m := range ms {
		c := courtTable[m.court]
		if umbrellaCourts[c.id] || federal && c.system == "state" {
			continue // "UNITED STATES DISTRICT COURT / EASTERN DISTRICT OF CALIFORNIA" is no state's court
		}
		if !federal && c.location == "United States" && c.system == "federal" &&
			!strings.Contains(strings.ToLower(name[m.start:m.end]), "united states") {
			continue
		}
		out = append(out, m)
	}
	return out
}

// umbrellaCourts are courts-db's entries for a whole class of federal
// courts, which name no one court.
var umbrellaCourts = textscan.Set("usdistct", "uscirct")

// courtKinds are the kinds of court a heading names, the more specific
// first.
var courtKinds = []string{"appellate division", "court of criminal appeals", "district court of appeal", "court of appeals", "court of appeal",
	"appellate court", "supreme judicial court", "supreme court", "superior court", "circuit court", "district court",
	"common pleas", "county court", "family court", "magistrate court", "municipal court", "probate court",
	"justice court", "criminal court", "juvenile court", "chancery court", "court of claims", "tax court"}

// courtByKind returns the one top-level court of a state whose name holds
// the kind of court a heading names.
func courtByKind(heading, state string) (int, bool) {
	if state == "" {
		return 0, false
	}
	for _, k := range courtKinds {
		if !strings.Contains(heading, k) {
			continue
		}
		found := -1
		for i, c := range courtTable {
			if c.parent != "" || c.system != "state" || !strings.EqualFold(c.location, state) ||
				!strings.Contains(strings.ToLower(c.name), k) {
				continue
			}
			if found >= 0 {
				return 0, false
			}
			found = i
		}
		if found < 0 && (k == "court of appeals" || k == "court of appeal") && !strings.Contains(heading, "circuit") {
			// No court of the state is named so ("Court of Civil Appeals
			// of Texas" for Texas's fourteen courts of appeals, "First
			// Court of Appeals"): the kind and the state's name as
			// courts-db's patterns know them ("Court of Appeals of
			// Texas"), a court of that state. Other kinds so composed
			// fit other courts (a "superior court" of Arkansas is no
			// court of appeals); a "Fifth Circuit Court of Appeals" is
			// a federal court.
			for _, q := range []string{k + " of " + state, state + " " + k} {
				n := normalizeCourtName(q)
				if c, _, ok := resolveCourt(specific(n, matchCourts(n)), state); ok {
					if e := courtTable[c]; e.system == "state" && e.parent == "" && strings.EqualFold(e.location, state) && e.typ == "appellate" {
						return c, true
					}
				}
			}
		}
		return found, found >= 0
	}
	return 0, false
}

// saysFederal reports whether a normalized, lower-case court name says it
// is a federal court: "united states", "u s", "federal".
func saysFederal(lower string) bool {
	padded := " " + lower + " "
	return strings.Contains(lower, "united states") || strings.Contains(padded, " u s ") || strings.Contains(lower, "federal")
}
