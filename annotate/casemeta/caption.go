package casemeta

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casefile/casefile/annotate/internal/textscan"
)

// The caption: the parties on either side of "v." on a first page, written
// as the case is cited ("United States v. Doe").

// versusRe is the word between the parties: "v.", "vs.", "versus", "–v.–".
// bareVersus is a caption's "v" alone on its line without its period.
var bareVersus = textscan.Lazy(`(?m)^([ \t]*)v[ \t]*$`)

// againstLine is a caption's "-against-" (or "against", "- against -")
// alone on its line between the parties.
var againstLine = textscan.Lazy(`(?m)^([ \t]*)[-–—]?[ \t]*(?:against|AGAINST|Against)[ \t]*[-–—]?[ \t]*$`)

var versusRe = textscan.Lazy(`(?:^|\s)[-–—]?(v\.|vs\.?|VS\.?|Vs\.|versus|VERSUS)[-–—]?(?:\s|$)`)

// partyRoles are the words of the line naming a party's role, which sits
// between the party and the "v." in most captions.
var partyRoles = textscan.Set("plaintiff", "plaintiffs", "plaintiff(s)", "defendant", "defendants", "defendant(s)",
	"appellant", "appellants", "appellee", "appellees", "petitioner", "petitioners", "respondent",
	"respondents", "warden", "movant", "claimant", "intervenor", "re", "in", "and")

// corpSuffix is a company's suffix after the comma of its name; the
// professional ones ("P.C.", "PLLC", "LLP") are typed by hand, a closed
// class.
var corpSuffix = textscan.Lazy(`^\s*(?i:llc|l\.l\.c\.|pllc\b|llp\b|l\.l\.p\.|p\.c\.|pc\b|incorporated|inc\.?|ltd\.?|l\.p\.|corp\.?|co\.|n\.a\.|s\.a\.)`)

// nickname is a quoted nickname inside a party's name: FELIPE “PHIL” FLORES.
var nickname = textscan.Lazy(`\s[“"][^”"\n]{1,20}[”"]\s`)

// aliasParen is a party's other name in brackets after its own:
// "MARCUS GRAY (p/k/a FLAME)", "JOHN DOE (a/k/a JOHNNY D)".
var aliasParen = textscan.Lazy(`\s\((?i:p/k/a|a/k/a|f/k/a|d/b/a|n/k/a|aka|fka|dba|pka)\s[^)\n]{1,40}\)`)

// partyStops end a party's name: the column beside a caption holds the
// case number and the filing's title.
var partyStops = textscan.Set("case", "no", "no.", "nos.", "number", "docket", "notice", "order", "motion", "proposed",
	"copy", "response", "request", "et", "et.", "al", "al.", "appeal", "under", "seal",
	"and", "pages", "transcript", "judge", "honorable", "hon.", "individually", "in", "as", "d/b/a", "a/k/a", "dba", "d.b.a.", "aka", "a.k.a.", "f/k/a", "fka")

// partyNotNames are words that never start a party line.
var partyNotNames = textscan.Calendar("before", "for", "on", "by", "from", "to", "of", "at",
	"filed", "decided", "argued", "submitted", "dated", "entered", "heard") // "Filed June 29, 2016": a date's label

// nameParticles stay lower case inside a name.
var nameParticles = textscan.Set("of", "the", "and", "de", "la", "del", "van", "von", "der", "da", "du", "for", "&")

// caption returns the caption of a first page, or "" when it has none:
// the parties on either side of a "v." set in capitals, else the matter
// an "In re" or "In the Matter of" caption names, else a "v." in mixed
// case.
func caption(firstPage string) string {
	firstPage = joinSmallCaps(firstPage)
	firstPage = unmarkLines(firstPage)
	if strings.Contains(firstPage, "\nv\n") || strings.Contains(firstPage, "\nv \n") {
		// New York's official style prints the "v" of a caption
		// without its period, alone on its line.
		firstPage = bareVersus.Get().ReplaceAllString(firstPage, "${1}v.")
	}
	if strings.Contains(firstPage, "against") || strings.Contains(firstPage, "AGAINST") {
		// New York's courts set "-against-" alone on its line between
		// the parties, where others print "v.".
		firstPage = againstLine.Get().ReplaceAllString(firstPage, "${1}v.")
	}
	lines := strings.Split(firstPage, "\n")
	labelMinutesTitle(lines)
	var fallback string
	for i, line := range lines {
		for _, loc := range versusRe.Get().FindAllStringSubmatchIndex(line, -1) {
			if formColumnHead(line[loc[3]:]) {
				continue // "U.S.A. v. Defendant(s):   Present   Cust.": a form's column heads
			}
			col := columnAt(line, loc[3])
			left, inline := leftParty(lines, i, line[:loc[2]], col)
			right, raw, ok := rightParty(lines, i, afterVersus(line[loc[3]:]), inline, col)
			if left == "" || !ok || sameParty(left, right) {
				continue
			}
			c := pageSpelling(left+" v. "+right, firstPage)
			if capsShare(raw) >= 0.8 {
				return c // a caption set in capitals, not a case cited in a heading or a note
			}
			if fallback == "" {
				fallback = c
			}
		}
	}
	if m := matterCaption(firstPage); m != "" && (fallback == "" || !strings.HasPrefix(m, "In the Interest of")) {
		// "In the Matter of the Search of …": a matter, not parties. "In
		// the interest of a minor" under parties' caption says whose
		// interest the case concerns; alone it is the caption.
		return pageSpelling(m, firstPage)
	}
	return fallback
}

// unmarkLines drops the mark a web copy of a filing sets at the start of
// every line (a backtick: "`UNITED STATES OF AMERICA,", "`v."), where
// most of the page's lines open with it; a caption's "v." then opens its
// line again. Offsets do not matter: a caption is written, not spanned.
func unmarkLines(page string) string {
	if !strings.Contains(page, "\n`") {
		return page
	}
	lines := strings.Split(page, "\n")
	marked, filled := 0, 0
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			filled++
			if strings.HasPrefix(l, "`") {
				marked++
			}
		}
	}
	if marked*2 < filled {
		return page
	}
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, "`")
	}
	return strings.Join(lines, "\n")
}

// sameParty reports whether one side of a caption ends with the whole
// of the other, a name of two words or more ("… The State Of Oklahoma v.
// State Of Oklahoma"): no case sets one party against itself, so the
// reading took a block of the page that is not its caption, and no
// caption is better than a fragment. One word alone is a surname, and a
// family's case sets it against itself ("Thornburg v. Thornburg").
func sameParty(left, right string) bool {
	words := func(s string) []string {
		ws := strings.Fields(strings.ToLower(s))
		if len(ws) > 0 && ws[0] == "the" {
			ws = ws[1:]
		}
		return ws
	}
	l, r := words(left), words(right)
	endsWith := func(a, b []string) bool { return len(b) >= 2 && len(a) >= len(b) && slices.Equal(a[len(a)-len(b):], b) }
	return endsWith(l, r) || endsWith(r, l)
}

// minutesTitle is the "Title" row of a minutes or order form printed
// without its colon ("Title   Doe v. Roe"), and minutesCaseRow the
// "Case No." row forms print above it.
var (
	minutesTitle   = textscan.Lazy(`^(\s*)Title(\s+\S)`)
	minutesCaseRow = textscan.Lazy(`^\s*Case\s+(?:No\.?|Number)\b`)
)

// labelMinutesTitle gives the colon of a form's label to a "Title" row
// printed without it, where the row above it (blank lines aside) is the
// form's "Case No." row, as civil and criminal minutes forms set them:
// the label names no party ("Title United States of America v. Aiken").
// A party named "Title …" opens no such row.
func labelMinutesTitle(lines []string) {
	for i := 1; i < len(lines); i++ {
		if !strings.HasPrefix(strings.TrimLeft(lines[i], " \t"), "Title") {
			continue
		}
		k := i - 1
		for k > 0 && strings.TrimSpace(lines[k]) == "" {
			k--
		}
		if minutesCaseRow.Get().MatchString(lines[k]) {
			lines[i] = minutesTitle.Get().ReplaceAllString(lines[i], "${1}Title:${2}")
		}
	}
}

// formColumnHead reports whether the text after a "v." is a form's
// column head, a role with a label's colon ("Defendant(s):"), not a
// party: a caption names the party after its "v.".
func formColumnHead(after string) bool {
	ws := strings.Fields(after)
	return len(ws) > 0 && strings.HasSuffix(ws[0], ":") && isRoleLine(strings.TrimSuffix(ws[0], ":"))
}

// smallCapsSplit is a word set in small capitals as a text layer gives
// it: its capital apart from the rest ("M ICHAEL T HURMER").
var smallCapsSplit = textscan.Lazy(`\b([A-Z]) ([A-Z]{2,})\b`)

// joinSmallCaps joins the capital of a word set in small capitals to the
// rest ("L OPEZ" as "LOPEZ") where the page prints the word whole in
// mixed case ("Lopez"), which a middle initial before a surname
// ("JULIAN L OPEZ" of one Opez) is not. Other text is left as it is.
func joinSmallCaps(page string) string {
	if !strings.Contains(page, " ") {
		return page
	}
	ms := smallCapsSplit.Get().FindAllStringSubmatchIndex(page, -1)
	if ms == nil {
		return page
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		word := page[m[2]:m[3]] + strings.ToLower(page[m[4]:m[5]])
		if !containsWord(page, word) && !smallCapsLine(page, m[2]) {
			continue
		}
		b.WriteString(page[last:m[2]])
		b.WriteString(page[m[2]:m[3]])
		b.WriteString(page[m[4]:m[5]])
		last = m[5]
	}
	b.WriteString(page[last:])
	return b.String()
}

// smallCapsLine reports whether the line holding byte i is all words
// split as small capitals, two or more ("M ICHAEL T HURMER,"): a name of
// single letters each before a word is not printed so.
func smallCapsLine(page string, i int) bool {
	ls, le := lineBounds(page, i, i)
	line := strings.TrimRight(strings.TrimSpace(page[ls:le]), ",.;")
	ws := strings.Fields(line)
	if len(ws) < 4 || len(ws)%2 != 0 {
		return false
	}
	for k := 0; k < len(ws); k += 2 {
		if len(ws[k]) != 1 || ws[k][0] < 'A' || ws[k][0] > 'Z' || !smallCapsSplit.Get().MatchString(ws[k]+" "+ws[k+1]) {
			return false
		}
	}
	return true
}

// containsWord reports whether s holds w as a whole word.
func containsWord(s, w string) bool {
	for from := 0; ; {
		k := strings.Index(s[from:], w)
		if k < 0 {
			return false
		}
		k += from
		end := k + len(w)
		if (k == 0 || !isWordByte(s[k-1])) && (end == len(s) || !isWordByte(s[end])) {
			return true
		}
		from = k + 1
	}
}

// columnAt returns the rune column of the rule between a caption's parties
// and the column beside them ("*", "§", "|", ")"), as set on the line of
// the "v." after byte from, or of the column's text where spaces set it
// apart, or -1 where the line draws none.
func columnAt(line string, from int) int {
	prev := ' '
	for i, r := range line[from:] {
		if strings.ContainsRune("*§|)", r) && unicode.IsSpace(prev) {
			return runeCount(line[:from+i])
		}
		prev = r
	}
	if g := strings.Index(line[from:], columnGap); g >= 0 {
		if t := strings.TrimLeft(line[from+g:], " \t"); t != "" {
			return runeCount(line[:len(line)-len(t)]) // "v.          Superior Court": a column set apart by spaces
		}
	}
	return -1
}

// afterVersus is the text after a caption's "v." on its line, blank
// where it opens the column beside the parties ("v.      *   Decision").
func afterVersus(s string) string {
	if strings.HasPrefix(strings.TrimLeft(s, "-–—"), columnGap) {
		return "" // "v.          Superior Court, Chittenden Unit": the column's text
	}
	if t := strings.TrimLeft(s, " \t"); t != "" && strings.ContainsRune("*§|)", []rune(t)[0]) && len(t) < len(s) {
		return ""
	}
	return s
}

// columnGap is the run of spaces that sets two columns apart in a text
// laid out as printed (pdftotext -layout); a name never holds one.
const columnGap = "        "

// partyGap is the run of spaces that ends a party's name on a line.
const partyGap = "   "

func runeCount(s string) int { return len([]rune(s)) }

// cutColumn returns a caption line as a party's line: blank where all
// its text lies in the column beside the parties, at or right of the rule
// at rune col (col < 0: no rule). Text layers that close up the spaces
// of a column put the rule anywhere, so a line is never cut in two: the
// rule's own character ends a party's name (partyFragment).
func cutColumn(line string, col int) string {
	if col < 0 {
		return line
	}
	t := strings.TrimLeft(line, " \t")
	if lead := runeCount(line) - runeCount(t); lead >= col || t != "" && strings.ContainsRune("*§|)", []rune(t)[0]) {
		return "" // "* Northern District of Iowa.": the column's text
	}
	if rs := []rune(line); len(rs) > col && col >= 2 && rs[col-1] == ' ' && rs[col-2] == ' ' {
		return string(rs[:col]) // spaces set the column apart: cut there
	}
	return line
}

// leftParty reads the party before a "v.": on its line (inline), or the
// first party of the caption block above it. The block runs up from the
// "v." over party lines, the lines giving their roles and the lines
// continuing a party's capacity ("and as representative of the class");
// it ends at the court's name, a rule, an "In re" heading, a line of
// another kind above a party (a clerk's stamp, a number), a name above a
// party that neither a comma, an "and" nor a continued line joins to it,
// or a blank line above a party not closed by a comma. Of a list of parties ("ROGER D.
// MORTIMER, individually … / DEANE DANA; DON KNABE") the first is the
// one a caption cites. A name broken over lines is read whole.
func leftParty(lines []string, i int, before string, col int) (name string, inline bool) {
	if f := partyFragment(before); f.ok {
		return partyName(f.name), true
	}
	if t := strings.Trim(before, " \t)]:*|§-–—0123456789."); t != "" && !isRoleLine(t) {
		return "", false // "… see generally Schafrath v. Derwinski": a sentence's words, not a caption block's
	}
	cand, cont, wrapped, last := -1, false, false, -1 // last: the line the party's name ends on
	var cf fragment
	k := i - 1
	for ; k >= 0 && k >= i-blockLines; k-- {
		line := cutColumn(lines[k], col)
		t := strings.TrimSpace(line)
		if isRule(line) || courtLine.Get().MatchString(strings.TrimLeft(line, " \t0123456789")) || inReLine.Get().MatchString(line) {
			break // a pleading's line number before "WESTERN DIVISION" aside
		}
		if strings.TrimSpace(lines[k]) == "" && cand >= 0 && !cf.comma && !listContinues(lines[cand]) {
			break
		}
		if t == "" {
			continue
		}
		if isRoleLine(line) {
			continue
		}
		if col < 0 && loneRightColumn(lines[k], before) {
			continue // "DIVISION ONE" set alone far right of the parties: the caption's other column
		}
		if f := partyFragment(line); f.ok {
			if j, ok := wrappedAbove(lines, k, cand, col, f, cf); ok {
				cand, cf, cont = k, j, false // "CHINA FORTUNE LAND / DEVELOPMENT, et al.,": one name wrapped
				wrapped = true
				continue
			}
			commaed := f.comma && !strings.ContainsAny(partyText(strings.TrimLeft(line, " \t0123456789")), "0123456789") // not "Amended April 17, 2025"; a pleading's line number aside
			if cand >= 0 && !commaed && !cont && !listContinues(line) && !aliasAbove(lines, k+1, col) && !aliasAbove(lines, k, col) && joinDown(lines, k, i, col, f) == f.name {
				break // "Clerk" above "Vanessa St. Pierre,": not a party of the list
			}
			cand, cf, cont, last = k, f, false, k
			continue
		}
		if cand >= 0 && !continuesParty(t) {
			break
		}
		cont = cand >= 0
	}
	if cand < 0 {
		return "", false
	}
	if k >= 0 && k == i-blockLines-1 && cand <= k+3 && listAbove(lines[k], col) {
		// The block runs on above as far as a caption's block may
		// reach: a long list of parties ("…, LLC, FORT BLISS/WHITE
		// SANDS / MISSILE RANGE HOUSING LP, …") whose first, the one a
		// caption cites, is out of reach. None is given rather than
		// one from the list's middle.
		return "", false
	}
	if cf.comma && last+1 < i && endsAtComma(cutColumn(lines[last], col)) {
		if sfx := corpLead(cutColumn(lines[last+1], col)); sfx != "" {
			// "ABANTE ROOTER AND PLUMBING, / INC., individually": the
			// suffix on the next line ends the name, and the "AND"
			// before it is inside one company's name.
			var base []string
			for a := cand; a <= last; a++ {
				if t := bareLine(cutColumn(lines[a], col)); t != "" {
					base = append(base, t)
				}
			}
			if whole := partyFragment(strings.Join(base, " ") + ", " + sfx + ","); whole.ok && whole.comma {
				return partyName(whole.name), false
			}
		}
	}
	if wrapped && !orgName(cf.name) {
		// A name wrapped over lines that no word marks as an
		// organization's may be a person's or a body's: which word a
		// caption cites is uncertain, so none is given.
		return "", false
	}
	return partyName(joinDown(lines, cand, i, col, cf)), false
}

// endsAtComma reports whether a caption line's party text ends at the
// comma that ends its line ("ABANTE ROOTER AND PLUMBING,"), not at one
// before other parties ("PROOFPOINT, INC.; CLOUDMARK").
func endsAtComma(line string) bool {
	t := strings.TrimRight(line, " \t")
	return strings.HasSuffix(t, ",") && !strings.ContainsAny(t[:len(t)-1], ",;*§)")
}

// listAbove reports whether the caption line above a block's reach
// still holds a party's text: not blank, a rule, a court's line or a
// role alone.
func listAbove(line string, col int) bool {
	l := cutColumn(line, col)
	t := strings.TrimLeft(l, " \t0123456789")
	if strings.TrimSpace(t) == "" || isRule(l) || courtLine.Get().MatchString(t) || inReLine.Get().MatchString(l) || isRoleLine(l) {
		return false
	}
	return partyFragment(l).ok || listContinues(l) || strings.HasSuffix(strings.TrimSpace(t), ",")
}

// bareLine is a caption line's text before the comma that closes its
// party or the column beside it, without a pleading's line number.
func bareLine(line string) string {
	t := strings.TrimLeft(line, " \t0123456789")
	if g := strings.Index(t, partyGap); g >= 0 {
		t = t[:g] // the column beside the parties, set apart by spaces
	}
	if end := strings.IndexAny(t, ",;*§)"); end >= 0 {
		t = t[:end]
	}
	return strings.TrimSpace(t)
}

// corpLead returns the corporate suffix that opens a caption line
// ("INC., individually and on behalf of …"), or "".
func corpLead(line string) string {
	t := strings.TrimLeft(line, " \t0123456789")
	m := corpSuffix.Get().FindStringIndex(t)
	if m == nil {
		return ""
	}
	if rest := t[m[1]:]; rest != "" && !strings.ContainsRune(",; \t", rune(rest[0])) {
		return "" // "Co-Trustee", "Incline": a word that only starts so
	}
	return strings.TrimRight(strings.TrimSpace(t[:m[1]]), ",")
}

// wrappedAbove reports whether caption line k, read as fragment f, opens
// the name that the party on line below (cand, fragment cf) ends: a
// name set over lines of a caption's left column runs on, without a
// comma, at the same indent and in capitals, two words or more on the
// first line, to the line whose comma closes it ("TCL COMMUNICATION / TECHNOLOGY HOLDINGS,
// LTD.,"). Lines between them may hold only the other column's text.
// It returns the whole name's fragment.
func wrappedAbove(lines []string, k, cand, col int, f, cf fragment) (fragment, bool) {
	if cand <= k || !cf.comma || f.comma || f.closed || !f.whole || listContinues(lines[k]) {
		return fragment{}, false
	}
	for a := k + 1; a < cand; a++ {
		if strings.TrimSpace(lines[a]) == "" || strings.TrimSpace(cutColumn(lines[a], col)) != "" {
			return fragment{}, false // a blank line or a line of its own between them
		}
	}
	up, down := bareLine(cutColumn(lines[k], col)), bareLine(cutColumn(lines[cand], col))
	if len(strings.Fields(up)) < 2 || down == "" || capsShare(up) < 0.8 || capsShare(down) < 0.8 {
		return fragment{}, false // pleading paper sets its parties in capitals; "Clerk" above a name is no part of it
	}
	if d := textIndent(lines[k]) - textIndent(lines[cand]); d > 2 || d < -2 {
		return fragment{}, false
	}
	j := partyFragment(up + " " + strings.TrimLeft(cutColumn(lines[cand], col), " \t0123456789"))
	if !j.ok || !j.comma || !strings.HasPrefix(j.name, f.full) {
		return fragment{}, false
	}
	return j, true
}

// textIndent is the rune column where a line's text starts, a
// pleading's line number read as space.
func textIndent(line string) int {
	t := strings.TrimLeft(line, " \t0123456789")
	return runeCount(line) - runeCount(t)
}

// loneRightColumn reports whether a line above a "v." (set after
// before) holds only the text of a caption's right column: it starts in
// the right half of the page, well right of the "v.", as a court's
// division or a number beside the parties ("STATE OF WASHINGTON, /
// No. 73219-6-1 / Respondent, / DIVISION ONE / v.").
func loneRightColumn(line, before string) bool {
	lead := runeCount(line[:leadingSpace(line)])
	return lead >= rightColumn && lead >= runeCount(before)+loneColumnGap
}

// loneColumnGap is how far right of a caption's "v." a line must start to
// be read as the other column.
const loneColumnGap = 20

// blockLines bounds how far above its "v." a caption block may start.
const blockLines = 9

// continuesParty reports whether a caption line continues the party above
// it rather than naming one: it opens in lower case ("and as
// representative of the class", "of persons defined in averment 15").
func continuesParty(line string) bool {
	t := strings.TrimLeft(line, " \t0123456789)]:*|§")
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r)
}

// courtLine is a line naming a court or its district or circuit, which
// sets a caption block's top.
var courtLine = textscan.Lazy(`(?i)\bcourt\b|\bappellate\s+division\b|^\W*(?:[a-z]+\s+){0,2}division\s*$|\bcircuit\s*$|^\W*(?:for\s+the\s+)?(?:(?:northern|southern|eastern|western|central|middle)\s+)?district\s+of\b`)

// joinDown reads a party whose name runs on below line k, up to line end:
// lines starting left of the name's end, in its letter case, none giving a role, joined
// while the name is not closed by a comma and the joined words name an
// organization ("RELIANCE STANDARD LIFE INSURANCE / COMPANY,"). Two
// persons' names on lines of their own stay two parties.
func joinDown(lines []string, k, end, col int, f fragment) string {
	name := f.name
	if f.comma || f.closed || !f.whole {
		return name
	}
	joined := partyText(cutColumn(lines[k], col))
	endCol := nameEnd(lines[k], f.full)
	caps := capsShare(joined) >= 0.8
	for n, a := 0, k+1; a < end && n < 3; a, n = a+1, n+1 {
		next := cutColumn(lines[a], col)
		if strings.TrimSpace(next) == "" || isRoleLine(next) || isRule(next) || leadingSpace(next) >= endCol || (capsShare(next) >= 0.8) != caps {
			break
		}
		nf := partyFragment(next)
		if !nf.ok {
			break
		}
		j := partyFragment(joined + " " + strings.TrimSpace(next))
		if !j.ok || !orgName(j.name) && !endsInParticle(joined) {
			break
		}
		name, joined = j.name, joined+" "+partyText(next)
		if j.comma || j.closed || !j.whole {
			break
		}
	}
	return name
}

// nameEnd returns the rune column where name ends on line, or the line's
// length where it is not found as printed.
func nameEnd(line, name string) int {
	if k := strings.Index(line, name); k >= 0 && name != "" {
		return runeCount(line[:k+len(name)])
	}
	return runeCount(line)
}

// orgName reports whether a party's name holds a word naming an
// organization.
func orgName(name string) bool {
	for _, w := range strings.Fields(name) {
		if partyOrgWords[strings.Trim(strings.ToLower(w), ".,")] {
			return true
		}
	}
	return false
}

// endsInParticle reports whether a caption line ends inside a name: "OF",
// "AND", "&", "THE".
func endsInParticle(line string) bool {
	ws := strings.Fields(line)
	return len(ws) > 0 && nameParticles[strings.ToLower(ws[len(ws)-1])]
}

// aliasAbove reports whether the caption line above line k ends with the
// word introducing a party's other name ("CONSUMERINFO.COM, INC. dba" /
// "EXPERIAN CONSUMER SERVICES,"): line k continues that party. With k
// one past a line, it asks whether that line ends so.
func aliasAbove(lines []string, k, col int) bool {
	for a := k - 1; a >= 0 && a >= k-2; a-- {
		t := strings.TrimLeft(cutColumn(lines[a], col), " \t0123456789")
		if g := strings.Index(t, partyGap); g >= 0 {
			t = t[:g] // the column beside the parties, set apart by spaces
		}
		ws := strings.Fields(t)
		if len(ws) == 0 {
			continue
		}
		return aliasWords[strings.ToLower(ws[len(ws)-1])]
	}
	return false
}

// aliasWords introduce another name of the same party.
var aliasWords = textscan.Set("dba", "d/b/a", "d.b.a.", "aka", "a/k/a", "a.k.a.", "fka", "f/k/a")

// listContinues reports whether a caption line ends a party that more
// parties follow: "WESTLAKE LONGVIEW CORP. and".
func listContinues(line string) bool {
	s := strings.TrimRight(line, " \t*§|)")
	return strings.HasSuffix(s, " and") || strings.HasSuffix(s, " AND") || strings.HasSuffix(s, " &") ||
		strings.HasSuffix(s, ", and") || strings.HasSuffix(s, ", AND")
}

// partyText is a caption line's text up to the comma or column rule that
// ends a party's name.
func partyText(line string) string {
	if end := strings.IndexAny(line, ",;:*§)"); end >= 0 {
		line = line[:end]
	}
	return strings.TrimSpace(line)
}

func leadingSpace(s string) int {
	return len(s) - len(strings.TrimLeft(s, " \t"))
}

// isRule reports whether a line only draws a rule ("- - - - x", "_____"),
// as captions set above and below their parties.
func isRule(line string) bool {
	if strings.Trim(line, " \t0123456789-–—_x*=)") != "" {
		return false
	}
	n := 0 // a lone "-" is a column's mark, as the Sixth Circuit sets them
	for _, r := range line {
		if strings.ContainsRune("-–—_=", r) {
			n++
		}
	}
	return n >= 3
}

// judgeLine is the line naming the judge who wrote an opinion, which
// follows the caption in many state reports: "CONNORS, J.", "STANFILL,
// C.J.", "PER CURIAM".
var judgeLine = textscan.Lazy(`(?i:^\s*per\s+curiam\b)|^\s*[A-Z][A-Za-z'’.-]+(?:\s[A-Z][A-Za-z'’.-]+)?,\s+(?:C\.\s?J\.|J\.|JJ\.|P\.\s?J\.|A\.\s?J\.|Justices?\b|Judges?\b)`)

// rightParty reads the party after a "v.": on its line or below, before
// the line giving its role. A name closed by a comma is preferred, as the
// caption's column holds titles and places that are not; a name broken
// over lines is read whole. An inline caption ("Gildernew v. Gantner") is
// whole on its line unless its name runs on to the next.
func rightParty(lines []string, i int, after string, inline bool, col int) (name, raw string, ok bool) {
	cands := []string{after}
	for k := i + 1; k < len(lines) && k <= i+6; k++ {
		line := cutColumn(lines[k], col)
		if isRoleLine(line) || isRule(line) || judgeLine.Get().MatchString(line) ||
			formLabelLine.Get().MatchString(line) && leadingSpace(lines[k]) <= leadingSpace(lines[i]) {
			break // a form's next label ("Filer:", "Case Number: …") ends the caption; the column's beside it ("Date:") does not
		}
		if strings.TrimSpace(line) == "" && strings.TrimSpace(lines[k]) != "" && col >= 0 {
			continue // the column's text alone, set between a name's lines: "GUEST-TEK INTERACTIVE / (RESPOND TO) / ENTERTAINMENT LTD.,"
		}
		cands = append(cands, line)
	}
	first := ""
	for n, c := range cands {
		f := partyFragment(c)
		if n == 0 && inline && !f.ok {
			// "PIROUZIAN, Petitioner v. The SUPERIOR COURT of Los
			// Angeles County, Respondent": a writ's respondent court,
			// named on the caption's own line after its "v.".
			f = partyFragmentOf(c, true)
		}
		printed := c
		if n == 0 {
			printed = lines[i] // the column of a name after the "v." counts from its line's start
		}
		if !f.ok {
			continue
		}
		if cited(f.rest) {
			return "", "", false // "v. Detroit Timber & Lumber Co., 200 U. S. 321": a case cited
		}
		if first == "" && !f.comma && f.whole && n+1 < len(cands) {
			if j, closed := joinBelow(f.full, nameEnd(printed, f.full), cands[n+1:]); closed {
				return partyName(j), j, true
			}
		}
		if f.comma || n == 0 && inline || first == "" && f.closed {
			name := f.name
			if n+1 < len(cands) && (f.comma || f.whole) {
				if sfx := corpOnly(cands[n+1]); sfx != "" {
					// "FEDEX GROUND PACKAGE SYSTEM, / INC.,", "Google / LLC":
					// the suffix set on the next line ends the name.
					if f.comma {
						name += ","
					}
					name += " " + sfx
				} else if n == 0 && inline && f.whole && labelled(lines, i) {
					if nf := partyFragment(cands[1]); nf.ok && leadingSpace(cands[1]) == leadingSpace(lines[i]) {
						name += " " + nf.name // "Short Title: … v. National / Football League Playe"
					}
				}
			}
			return partyName(name), name, true
		}
		if first == "" {
			first = f.name
		}
	}
	if first == "" {
		return "", "", false
	}
	return partyName(first), first, true
}

// formLabelLine opens a line with a form's label: one to three words of
// letters and the colon set against them ("Filer:", "Document Number:
// 88", "WARNING: CASE CLOSED"). A rule's colon stands apart ("AMERICA
// :"), and a time's follows a digit.
var formLabelLine = textscan.Lazy(`^[ \t]*[A-Za-z]+(?:[ \t]+[A-Za-z]+){0,2}:`)

// corpOnly returns the corporate suffix a caption line holds alone
// ("INC.,", "LLC"), or "".
func corpOnly(line string) string {
	t := strings.TrimSpace(line)
	if end := strings.IndexAny(t, ",;*§)]"); end >= 0 {
		t = strings.TrimSpace(t[:end])
	}
	if m := corpSuffix.Get().FindStringIndex(t); m != nil && m[0] == 0 && strings.Trim(t[m[1]:], ". ") == "" {
		return t
	}
	return ""
}

// labelled reports whether the caption on line i is printed after a form's
// label ("Short Title:", "Case Name:"), on its line or alone on the line
// above: a name it wraps runs on at the same indent.
func labelled(lines []string, i int) bool {
	if captionLabel.Get().MatchString(lines[i]) {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if t := strings.TrimSpace(lines[k]); t != "" {
			loc := captionLabel.Get().FindStringIndex(t)
			return loc != nil && loc[1] == len(t)
		}
	}
	return false
}

// joinBelow reads a right party broken over lines: name, then the next
// line, both set in capitals, the next starting left of the name's end
// (rune column end) as a wrapped name does, not in the column beside it, when together they end in a comma ("LOS
// ANGELES UNIFIED / SCHOOL DISTRICT,") or the line after them names no
// party ("STATE ELECTIONS / ENFORCEMENT COMMISSION / (SC 20726)").
func joinBelow(name string, end int, next []string) (string, bool) {
	nf := partyFragment(next[0])
	if strings.TrimSpace(next[0]) == "" || capsShare(name) < 0.8 || !nf.ok || capsShare(nf.name) < 0.8 || leadingSpace(next[0]) >= end {
		return "", false // the letter case of the name's words, not of an "et al." or the column beside them
	}
	f := partyFragment(name + " " + strings.TrimSpace(next[0]))
	if !f.ok || f.name == name {
		return "", false
	}
	if f.comma || f.closed {
		return f.name, true
	}
	if len(next) < 2 || !partyFragment(next[1]).ok {
		return f.name, true
	}
	return "", false
}

// isRoleLine reports whether a line only gives a party's role
// ("Plaintiff, Appellant,", "Defendant.", "PLAINTIFF(S)").
func isRoleLine(line string) bool {
	line = strings.NewReplacer("(S)", "", "(s)", "").Replace(line)
	line = crossRole.Get().ReplaceAllString(line, "") // "Appellants/Cross-Appellees"
	any := false
	for _, w := range strings.FieldsFunc(line, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",.;:)*–—-/", r) || unicode.IsDigit(r)
	}) {
		if !partyRoles[strings.ToLower(w)] {
			return false
		}
		any = true
	}
	return any
}

// crossRole is the "Cross-" of a cross-appeal's role ("Cross-Appellees",
// "Cross-Appellant"), which names no other role.
var crossRole = textscan.Lazy(`(?i)\bcross-`)

// cited reports whether the text after a party is a reporter citation:
// "v. Detroit Timber & Lumber Co., 200 U. S. 321" cites a case.
func cited(rest string) bool {
	return citedAfter.Get().MatchString(strings.TrimLeft(rest, ",. "))
}

// fragment is a party's name cut from a caption line.
type fragment struct {
	name string
	rest string // the line after the cut
	full string // the name before its closing particles ("SECRETARY OF HEALTH AND")
	// comma: the name is closed by a comma or semicolon, as caption
	// parties are; closed: by "et al." or "and" before more parties;
	// whole: the name runs to the end of the line, which may continue it.
	comma, closed, whole, ok bool
}

// numberLabels are the words that label a number after its name ("No.",
// "Number", "#").
var numberLabels = textscan.Set("no", "nos", "number", "#")

// partyFragment cuts the name of a party from a caption line: after line
// numbers, brackets and a role, up to the first comma, semicolon, bracket
// or word of the column beside it.
func partyFragment(s string) fragment { return partyFragmentOf(s, false) }

// partyFragmentOf is partyFragment; with court, a name holding "Court"
// is a party's (elsewhere it is a court's heading).
func partyFragmentOf(s string, court bool) fragment {
	var fr fragment
	s = nickname.Get().ReplaceAllString(s, " ")
	s = aliasParen.Get().ReplaceAllString(s, "")
	s = strings.TrimLeft(s, " \t)]:*|§")
	if k := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); k > 0 && s[k] != '.' {
		s = strings.TrimLeft(s[k:], " \t)]:*|§") // a pleading's line number; "7." stays for the role loop below
	}
	if len(s) > 3 && strings.EqualFold(s[:3], "re:") {
		s = s[3:]
		if loc := reNumber.Get().FindStringIndex(s); loc != nil {
			s = s[loc[1]:] // "Re: Case No. 17-3994, Island Creek Coal Company": the parties follow the number
		}
	}
	if loc := caseRefLead.Get().FindStringIndex(s); loc != nil {
		s = s[loc[1]:] // "Case 4:19-cv-06669-JST; Ross v. …": a letter's reference line, the number before the parties
	}
	if loc := captionLabel.Get().FindStringIndex(s); loc != nil {
		s = strings.TrimLeft(s[loc[1]:], " \t") // "Short Title: Doe v. Roe": the label names no party
	}
	if g := strings.Index(s, partyGap); g > 0 {
		if rest := strings.TrimLeft(s[g:], " \t"); isRoleLine(s[:g]) && rest != "" && (unicode.IsLetter(rune(rest[0])) || unicode.IsDigit(rune(rest[0]))) {
			return partyFragmentOf(rest, court) // "Defendant      7. James R Milheiser": the form's label
		}
		s = s[:g] // the column beside the parties, set apart by spaces
	}
	s = trimColumnMarks(s)
	if strings.HasPrefix(s, "(") {
		return fr
	}
	end := strings.IndexAny(s, ",;):*§")
	if end >= 0 && s[end] == ',' {
		// "GIFT SURPLUS, LLC, and ...": the suffix belongs to the name.
		if m := corpSuffix.Get().FindStringIndex(s[end+1:]); m != nil {
			if next := strings.IndexAny(s[end+1+m[1]:], ",;):*§"); next >= 0 {
				end = end + 1 + m[1] + next
			} else {
				end = -1
			}
		}
	}
	rule := false
	if end >= 0 {
		fr.comma = s[end] == ',' || s[end] == ';'
		r, _ := utf8.DecodeRuneInString(s[end:])
		rule = strings.ContainsRune("*§)", r) && end > 0 && s[end-1] == ' '
		if fr.comma && followedByState(s[end+1:]) {
			return fragment{} // "Sacramento, California"
		}
		s, fr.rest = s[:end], s[end+1:]
	}
	if len(findCaseNumbers(s)) > 0 {
		return fragment{}
	}
	ws := strings.Fields(s)
	roleLed := false
	for len(ws) > 0 && (partyRoles[strings.ToLower(strings.Trim(ws[0], ".:"))] || textscan.IsDigits(strings.Trim(ws[0], "."))) {
		roleLed = roleLed || partyRoles[strings.ToLower(strings.Trim(ws[0], ".:"))]
		ws = ws[1:] // "Re:", "Defendant 7."
	}
	var name []string
	fr.whole = end < 0 || rule // a name running to the column's rule runs to its line's end
	for k, w := range ws {
		lw := strings.ToLower(w)
		if lw == "and" && oneBody(name, ws[k+1:]) {
			name = append(name, w) // "SECRETARY OF HEALTH AND HUMAN SERVICES": one body's name
			continue
		}
		if lw == "social" && k+2 < len(ws) && strings.EqualFold(ws[k+1], "security") && numberLabels[strings.Trim(strings.ToLower(ws[k+2]), ".:")] {
			// "James R Milheiser Social Security No.": a form's label
			// after the name; "Social Security Administration" and
			// "Commissioner of Social Security" are the parties.
			fr.whole = false
			break
		}
		if partyStops[lw] || partyStops[strings.Trim(lw, "[]")] || strings.ContainsAny(w, "0123456789[]") && !brandWord.Get().MatchString(w) {
			fr.whole = false
			fr.closed = lw == "et" || lw == "et." || lw == "and" && k == len(ws)-1
			break
		}
		if (lw == "court" || lw == "courthouse") && !court {
			return fragment{}
		}
		r := []rune(w)
		if !unicode.IsUpper(r[0]) && !nameParticles[lw] || filersPossessive(lw, k == len(ws)-1 || roleLed) {
			return fragment{}
		}
		name = append(name, w)
	}
	fr.full = strings.Join(name, " ")
	for len(name) > 0 && nameParticles[strings.ToLower(name[len(name)-1])] {
		name = name[:len(name)-1]
	}
	if len(name) > 0 && filersPossessive(strings.ToLower(name[len(name)-1]), true) {
		return fragment{} // "SMITH'S MOTION TO DISMISS": the name ends at its possessive, a title's
	}
	if len(name) == 0 || partyNotNames[strings.ToLower(name[0])] || isRoleLine(strings.Join(name, " ")) {
		return fragment{}
	}
	f := strings.Join(name, " ")
	if !abbrevEnd.Get().MatchString(f) {
		f = strings.TrimRight(f, ".")
	}
	fr.name, fr.ok = f, true
	return fr
}

// filersPossessive reports whether a word in 's makes a line a filing's
// title rather than a party's name: a role's, a filer's or a company's
// possessive ("Defendant's Motion", "Government's Exhibit", "APPLE
// INC.'S REPLY"), one closing the line, or any after a role ("DEFENDANT
// ACME'S REPLY"; title says so). A name may hold one ("Jane's Revenge",
// "Children's Hospital").
func filersPossessive(lw string, title bool) bool {
	stem, ok := strings.CutSuffix(lw, "'s")
	if !ok {
		stem, ok = strings.CutSuffix(lw, "’s")
	}
	return ok && (title || partyRoles[stem] || possessiveFilers[stem] || corpSuffix.Get().MatchString(stem))
}

// possessiveFilers are the filers and offices whose possessive opens a
// filing's title (typed by hand, a closed class).
var possessiveFilers = textscan.Set("government", "court", "judge", "jury", "state", "people", "commonwealth", "secretary",
	"commissioner", "debtor", "trustee", "creditor", "clerk", "magistrate", "counsel", "attorney", "party", "parties")

// brandWord is a word of a name that holds a digit: a capital, then
// capitals, a hyphen and at most two digits ("K2", "K-2", "B52"), not a
// number.
var brandWord = textscan.Lazy(`^[A-Z][A-Z-]*\d{1,2}[A-Z]*\.?$`)

// reNumber is the case number a letter's "Re:" line gives before the
// parties, with its label and the comma after it.
var reNumber = textscan.Lazy(`^\s*(?i:(?:case|appeal|docket)\s+)?(?i:nos?\.|number:?)\s*[A-Za-z0-9:-]+[,;]\s*`)

// caseRefLead is the case number a letter's reference line gives
// before the parties, with the semicolon after it ("Case
// 4:19-cv-06669-JST-DMR; Ross v. …").
var caseRefLead = textscan.Lazy(`^(?i:case)\s+(?i:no\.?\s*)?\d[\w:.-]*\s*;\s*`)

// captionLabel labels a caption printed on a form's line ("Short Title:",
// "Case Name:").
var captionLabel = textscan.Lazy(`(?i)\b(?:short\s+title|case\s+(?:name|title|caption|style)|caption|title)\s*:`)

// trimColumnMarks drops the marks a caption's column rule leaves at a
// line's end ("RELIANCE STANDARD LIFE INSURANCE -", "DEANE DANA >"): a
// last word of one character that is neither a letter nor a digit.
func trimColumnMarks(s string) string {
	for {
		t := strings.TrimRight(s, " \t")
		k := strings.LastIndexAny(t, " \t")
		if k < 0 {
			return s
		}
		last := []rune(t[k+1:])
		if len(last) != 1 || unicode.IsLetter(last[0]) || unicode.IsDigit(last[0]) || strings.ContainsRune(".,;:)", last[0]) {
			return s
		}
		s = t[:k]
	}
}

// oneBody reports whether an "and" between the words before and after it
// joins one organization's name rather than two parties: after "of"
// ("DEPARTMENT OF HEALTH AND HUMAN SERVICES"), or where only the words
// after it say what the body is ("WATER AND SEWER DISTRICT").
func oneBody(before, after []string) bool {
	for _, w := range before {
		if strings.EqualFold(w, "of") {
			return true
		}
	}
	for _, w := range before {
		if partyOrgWords[strings.Trim(strings.ToLower(w), ".,")] {
			return false
		}
	}
	for k, w := range after {
		if strings.ContainsAny(w, ",;") && (k+1 == len(after) || !corpSuffix.Get().MatchString(after[k+1])) {
			return false // "Construct, LLC" is one name; "Smith, Jones" two
		}
		if partyOrgWords[strings.Trim(strings.ToLower(w), ".,")] {
			return true
		}
	}
	return false
}

// abbrevEnd is a name ending in an abbreviation that keeps its period.
var abbrevEnd = textscan.Lazy(`(?i)\b(?:inc|co|corp|ltd|jr|sr|l\.p|n\.a|s\.a)\.$|(?:^|\s)[A-Z]\.(?:[A-Z]\.)+$`)

// followedByState reports whether s opens with a state's name that ends
// the line or is followed by a ZIP code or punctuation, as in an address
// ("Sacramento, California"), not by more words of a name ("COLORADO
// RECEIVER").
func followedByState(s string) bool {
	ws := strings.Fields(strings.ToLower(s))
	for n := min(2, len(ws)); n > 0; n-- {
		if _, ok := statePostal[strings.Trim(strings.Join(ws[:n], " "), ".,)")]; ok {
			return len(ws) == n || !unicode.IsLetter([]rune(ws[n])[0]) || strings.HasSuffix(ws[n-1], ",")
		}
	}
	return false
}

// partyOrgWords mark a party that is an organization, named in full.
var partyOrgWords = textscan.Set("academy", "college", "institute", "center", "centre", "clinic", "club", "ministries",
	"enterprises", "holdings", "industries", "systems", "partnership", "cooperative", "federation", "township", "town",
	"village", "borough", "parish", "tribe", "committee", "administration", "bureau", "museum", "library", "port",
	"secretary", "director", "attorney", "sheriff's", "police", "corrections", "division", "labs", "laboratories",
	"company", "co", "inc", "incorporated", "llc", "corp", "corporation", "church", "chapel", "district", "board",
	"department", "bank", "association", "union", "services", "university", "city", "county", "state",
	"commission", "authority", "agency", "trust", "group", "partners", "lp", "l.p", "llp", "ltd", "society",
	"hospital", "school", "insurance", "america", "states", "republic", "fund", "government", "kingdom",
	"nation", "estate", "s.a", "s.a.u", "plc", "gmbh", "n.a", "foundation", "council", "office", "league", "network",
	"coalition", "alliance", "technologies", "solutions", "properties", "international", "railroad", "railway",
	"airlines", "communications", "pharmaceuticals", "products", "trustees", "commonwealth", "organization", "firm")

// partyName writes a party as a caption cites it: "United States", the
// Commissioner, an organization in full, a person by surname.
func partyName(f string) string {
	if len(f) > 4 && strings.EqualFold(f[:4], "the ") {
		f = f[4:]
	}
	l := strings.ToLower(f)
	switch {
	case l == "united states" || l == "united states of america" || l == "the united states" ||
		l == "us" || l == "u.s" || l == "usa" || l == "u.s.a":
		return "United States"
	case strings.HasPrefix(l, "people of the state"):
		return "People"
	case strings.HasPrefix(l, "commissioner of internal revenue"):
		return "Commissioner"
	}
	ws := strings.Fields(f)
	for k, w := range ws {
		// "PROPERTIES," and "L.L.C." are an organization's words too
		if lw := strings.Trim(strings.ToLower(w), ".,"); partyOrgWords[lw] || partyOrgWords[strings.ReplaceAll(lw, ".", "")] {
			return capsToTitle(f)
		}
		if k > 0 && k+1 < len(ws) && strings.EqualFold(w, "of") {
			return capsToTitle(f) // "Commissioner of Social Security": an office or body, no person's name
		}
		if lw := strings.ToLower(w); strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "’s") {
			return capsToTitle(f) // "Jane's Revenge", "Children's Hospital": a person's name holds no possessive
		}
	}
	if n := len(ws); n > 1 && strings.EqualFold(strings.Trim(ws[n-1], ".,"), "court") && partyCourtKinds[strings.ToLower(ws[n-2])] {
		return capsToTitle(f) // "Justice Court", "Superior Court": a court as a party, no person surnamed Court
	}
	for len(ws) > 1 && textscan.Suffixes[strings.Trim(strings.ToLower(ws[len(ws)-1]), ".")] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) > 2 && acronymInside(ws) {
		// "TELEFONAKTIEBOLAGET LM ERICSSON": a word of capitals without
		// a vowel inside the name is an organization's abbreviation, no
		// person's; its last word is no surname to cite it by.
		return capsToTitle(f)
	}
	sur := ws[len(ws)-1]
	if len(ws) > 1 && surnameParticles[strings.ToLower(ws[len(ws)-2])] {
		sur = ws[len(ws)-2] + " " + sur // "St. Pierre", "De La Cruz"
	}
	return capsToTitle(sur)
}

// partyCourtKinds are the words naming a kind of court before "Court" (a
// closed class, typed by hand).
var partyCourtKinds = textscan.Set("justice", "justice's", "superior", "supreme", "municipal", "juvenile", "probate", "family",
	"circuit", "county", "magistrate", "magistrates", "magistrate's", "police", "criminal", "civil", "appeals", "claims",
	"tax", "city", "housing", "land", "chancery", "surrogate's", "recorder's", "orphans'", "mayor's", "traffic")

// acronymInside reports whether a word between the first and the last
// of a name is capitals without a vowel ("LM"), not a surname's particle
// ("ST CLAIR").
func acronymInside(ws []string) bool {
	for _, w := range ws[1 : len(ws)-1] {
		if acronym(strings.Trim(w, ".,")) && !surnameParticles[strings.ToLower(w)+"."] {
			return true
		}
	}
	return false
}

// publicBodyWords are the words naming a government or a court that
// reporters set in capitals within a party's name in mixed case (a
// closed class, typed by hand).
var publicBodyWords = textscan.Set("state", "commonwealth", "people", "united", "states", "america", "court", "superior",
	"supreme", "circuit", "district", "county", "city", "town", "township", "village", "borough", "parish", "territory",
	"republic", "government", "department", "board", "commission")

// acronym reports whether a word set in capitals is an abbreviation, as
// a word of capitals with no vowel is ("CJN", "PNC", "HSBC").
func acronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' || strings.ContainsRune("AEIOUY", r) {
			return false
		}
	}
	return true
}

// titleAbbrevs are abbreviations of a company's form or trade that
// names write in title case ("Ltd.", "Mfg."), though their capitals hold
// no vowel.
var titleAbbrevs = textscan.Set("ltd", "mfg", "bros", "pty", "pvt")

// ampersandAcronym reports whether a word of capitals is initials joined
// by "&" ("AT&T", "PG&E", "S&P"): each part one or two capitals.
func ampersandAcronym(w string) bool {
	if !strings.Contains(w, "&") {
		return false
	}
	for _, p := range strings.Split(w, "&") {
		if len(p) < 1 || len(p) > 2 {
			return false
		}
		for _, r := range p {
			if r < 'A' || r > 'Z' {
				return false
			}
		}
	}
	return true
}

// keepCaps are the abbreviations a name keeps in capitals.
var keepCaps = textscan.Set("llc", "llp", "lp", "l.p", "plc", "n.a", "s.a", "s.a.u", "usa", "u.s", "nypd", "fbi", "ii", "iii")

var surnameParticles = textscan.Set("st.", "de", "la", "del", "van", "von", "da", "di", "le", "du", "mac", "o'")

// capsToTitle writes a name set in capitals in title case, leaving names
// already in mixed case as they are.
func capsToTitle(s string) string {
	// A name in mixed case keeps its words as printed ("McCRIMMON",
	// "CEVA Logistics"), except the words of a government or a court that
	// reporters set in capitals ("The SUPERIOR COURT of Los Angeles
	// County", "COMMONWEALTH of Pennsylvania", "STATE of Connecticut").
	mixed := hasLower(s) && capsShare(s) < 0.7
	ws := strings.Fields(s)
	for i, w := range ws {
		if mixed && (hasLower(w) || !publicBodyWords[strings.ToLower(strings.Trim(w, ".,"))]) {
			continue
		}
		lw := strings.ToLower(w)
		if i > 0 && nameParticles[lw] {
			ws[i] = lw
			continue
		}
		if keepCaps[strings.Trim(lw, ".,")] || ampersandAcronym(strings.Trim(w, ".,")) ||
			acronym(strings.Trim(w, ".,")) && !textscan.Suffixes[strings.Trim(lw, ".,")] && !titleAbbrevs[strings.Trim(lw, ".,")] {
			continue
		}
		rs := []rune(lw)
		up, seg := true, 0
		for k, r := range rs {
			if up && unicode.IsLetter(r) {
				rs[k] = unicode.ToUpper(r)
			}
			// After a dot only initials ("B.W.") take a capital, not a
			// domain ("CONSUMERINFO.COM").
			up = r == '-' || (r == '\'' || r == '’') && !(k == len(rs)-2 && rs[k+1] == 's') || r == '.' && seg <= 1 // O'Brien, not Lowe'S
			if unicode.IsLetter(r) {
				seg++
			} else {
				seg = 0
			}
		}
		if len(rs) > 3 && rs[0] == 'M' && rs[1] == 'c' {
			rs[2] = unicode.ToUpper(rs[2]) // McCrimmon
		}
		ws[i] = string(rs)
	}
	return strings.Join(ws, " ")
}

// pageSpelling writes each word of a caption restored from capitals as
// the page spells it where the page prints it in a mixed case of its own
// ("FEDEX" as "FedEx", "EBAY" as "eBay"): a reader searches for the name
// as its owner writes it. A word the page prints only in capitals keeps
// its title case.
func pageSpelling(c, page string) string {
	ws := strings.Fields(c)
	want := map[string]int{}
	for i, w := range ws {
		if k := strings.ToLower(strings.Trim(w, ".,;")); len(k) > 2 {
			want[k] = i
		}
	}
	if len(want) == 0 {
		return c
	}
	found := map[int]string{}
	for _, tok := range strings.FieldsFunc(page, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '\'' && r != '’' && r != '-' && r != '&'
	}) {
		tok = strings.Trim(tok, ".")
		i, ok := want[strings.ToLower(tok)]
		if !ok || found[i] != "" || !ownCase(tok) {
			continue
		}
		found[i] = tok
	}
	for i, tok := range found {
		w := ws[i]
		k := strings.Index(strings.ToLower(w), strings.ToLower(tok))
		ws[i] = w[:k] + tok + w[k+len(tok):]
	}
	return strings.Join(ws, " ")
}

// ownCase reports whether a word is printed in a mixed case of its own,
// one title case would not give: a capital after its first letter
// ("FedEx", "McDonald") or a small first letter before a capital ("eBay").
func ownCase(w string) bool {
	if capsShare(w) >= 0.7 {
		return false // set in capitals
	}
	for i, r := range []rune(w) {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}
