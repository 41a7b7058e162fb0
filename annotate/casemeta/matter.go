package casemeta

import (
	"strings"

	"github.com/casefile/casefile/annotate/internal/textscan"
)

// Captions of filings without parties: "In re Search of …", "In the
// Matter of the Search of …", "In re Grand Jury Subpoena", "In re G.J.".
// Such a caption is written as printed ("In re" or "In the Matter of")
// with the subject it names, so that a reader finds it in the filing.

// inReLine opens a caption naming a matter rather than parties, after a
// pleading's line number or a column's rule.
// "In the Interest of K.N.C." heads a juvenile case in Georgia, Texas
// and Pennsylvania.
var inReLine = textscan.Lazy(`(?i)^[\s\d|*§)\]}]*(in\s+re\b:?|in\s+the\s+matter\s+of\b|in\s+the\s+interest\s+of\b)`)

// matterRoleLine is a caption "Matter of <name>, <role>" alone on its line.
var matterRoleLine = textscan.Lazy(`^[ \t]*(?:In\s+the\s+)?Matter\s+of\s+([A-Z][^,\n]{1,80}?),[ \t]+(?:Respondents?|Applicants?|Petitioners?|Beneficiar(?:y|ies)|Claimants?)[ \t]*$`)

// appealOfLine is a caption "Appeal of <name>" alone on its line, and
// appealedThing the words that make it a heading of what is appealed
// ("Appeal of Right", "APPEAL OF ORDER"), not a party's name: a closed
// class typed by hand.
var (
	appealOfLine  = textscan.Lazy(`^[ \t]*(?:Appeal|APPEAL)[ \t]+(?:of|OF)[ \t]+([A-Z][^\n]{1,80}?)\.?[ \t]*$`)
	appealedThing = textscan.Set("right", "order", "orders", "decision", "decisions", "judgment", "judgments", "sentence", "conviction", "denial", "ruling", "award", "determination", "final", "interlocutory", "the", "a", "an", "from")
)

// justicesLine is an advisory opinion's caption alone on its line, as
// state supreme courts answering a legislature's or governor's questions
// print it: "OPINION OF THE JUSTICES." (a closed form, typed by hand).
var justicesLine = textscan.Lazy(`^[ \t]*(?i:(?:in[ \t]+re[ \t]+)?opinions?[ \t]+of[ \t]+the[ \t]+justices)\.?[ \t]*$`)

// matterEnd ends a matter's subject: the column's case number or title,
// and the words that refer to an attachment for its description.
var matterEnd = textscan.Lazy(`(?i)\s(?:case\s+(?:no\b|number)|no\.|misc\.|mag(?:istrate)?\.?\s+(?:no|docket)|docket\b|(?:filed\s+)?under\s+seal|\(under\s+seal)|\s(?:as|and|which\s+(?:is|are))\s+(?:more\s+(?:fully|particularly)\s+|further\s+|specifically\s+)?described\b|\s(?:see\s+)?attachment\s+[a-z]\b`)

// matterLines bounds how far down a first page a matter's caption may
// stand, and matterWords how many words of its subject are kept.
const (
	matterLines = 45
	matterWords = 16
)

// matterCaption returns the caption of a filing that names a matter
// ("In the Matter of the Search of Michael Anthony Butler, Jr."), or "".
// The subject runs on over the caption's lines, past the form's
// bracketed instructions ("(Briefly describe the property to be
// searched …)"), to a comma, the column beside it, a role or a blank
// line, and is cut to matterWords words.
func matterCaption(firstPage string) string {
	lines := strings.Split(firstPage, "\n")
	if numberedPleading(lines) {
		for i, l := range lines {
			lines[i] = lineNumber.Get().ReplaceAllString(l, "")
		}
	}
	for i, line := range lines[:min(len(lines), matterLines)] {
		m := inReLine.Get().FindStringSubmatchIndex(line)
		if m == nil {
			continue
		}
		if k := strings.IndexByte(line[m[3]:], ','); k >= 0 && cited(line[m[3]+k+1:]) {
			continue // "In re Winship, 397 U.S. 358": a case cited
		}
		col := columnAt(line, m[3])
		subject, ok := matterSubject(lines[i+1:], cutMatter(line[m[3]:]), col)
		if !ok {
			continue
		}
		prefix := "In re"
		if l := strings.ToLower(line[m[2]:m[3]]); strings.HasPrefix(l, "in the") {
			prefix = "In the Matter of"
			if strings.Contains(l, "interest") {
				prefix = "In the Interest of"
			}
		}
		return prefix + " " + subject
	}
	// "Matter of Emmanuel LAGUERRE, Respondent": an administrative
	// board's caption, its party named with its role on the line.
	for _, line := range lines[:min(len(lines), matterLines)] {
		m := matterRoleLine.Get().FindStringSubmatch(line)
		if m == nil || cited(m[1]) {
			continue
		}
		if subject, closed := cutSubject(strings.TrimSpace(m[1])); !closed && subject != "" && !strings.ContainsAny(subject, "0123456789") {
			return "Matter of " + subject
		}
	}
	// "Appeal of ALFRED B. DAY.": a taxpayer's or an agency's appeal as
	// the Board of Tax Appeals and state supreme courts (New Hampshire's,
	// Pennsylvania's) caption it, alone on its line.
	for _, line := range lines[:min(len(lines), matterLines)] {
		m := appealOfLine.Get().FindStringSubmatch(line)
		if m == nil || cited(m[1]) || appealedThing[strings.ToLower(strings.Fields(m[1])[0])] {
			continue
		}
		if subject, closed := cutSubject(strings.TrimSpace(m[1])); !closed && subject != "" && !strings.ContainsAny(subject, "0123456789") {
			return "Appeal of " + matterCase(strings.TrimRight(subject, "."))
		}
	}
	for _, line := range lines[:min(len(lines), matterLines)] {
		if justicesLine.Get().MatchString(line) {
			return "Opinion of the Justices"
		}
	}
	return ""
}

// matterSubject reads a matter's subject from the rest of its first line
// and the lines below it.
func matterSubject(below []string, first string, col int) (string, bool) {
	var words []string
	text, closed := first, false
	inBrackets := false
	for n := 0; ; n++ {
		t := strings.TrimSpace(text)
		switch {
		case inBrackets || strings.HasPrefix(t, "("):
			inBrackets = !strings.Contains(t, ")")
		case t == "":
			if len(words) > 0 && !endsInParticle(strings.Join(words, " ")) {
				closed = true
			}
		default:
			if len(words) > 0 && (isRoleLine(t) || isRule(t)) {
				closed = true
				break
			}
			t, closed = cutSubject(t)
			words = append(words, strings.Fields(t)...)
		}
		if closed || len(words) >= matterWords || n >= len(below) || n >= 8 {
			break
		}
		text = cutMatter(cutColumn(below[n], col))
	}
	if len(words) == 0 {
		return "", false
	}
	words = words[:min(len(words), matterWords)]
	s := strings.Join(words, " ")
	if endsInParticle(s) {
		return "", false // "In the Matter of the Search of" and no subject
	}
	if cited(s) || strings.ContainsAny(s, "“”\"") {
		return "", false
	}
	return matterCase(strings.TrimRight(s, ",;:")), true
}

// cutMatter cuts a caption line at the column beside it: a rule's mark,
// a run of spaces, a case number or title.
func cutMatter(s string) string {
	s = strings.TrimLeft(s, " \t:")
	if g := strings.Index(s, partyGap); g >= 0 {
		s = s[:g]
	}
	for _, r := range "*§|}" {
		if k := strings.IndexRune(s, r); k >= 0 {
			s = s[:k]
		}
	}
	if k := strings.Index(s, " )"); k >= 0 || strings.HasPrefix(s, ")") {
		s = s[:max(k, 0)]
	}
	if loc := matterEnd.Get().FindStringIndex(" " + s); loc != nil {
		s = s[:max(loc[0]-1, 0)]
	}
	return s
}

// cutSubject cuts a subject at the comma that ends it, keeping a
// company's or a person's suffix ("BUTLER, JR.,", "ACME, INC."); closed
// reports that it ends there.
func cutSubject(t string) (string, bool) {
	for at := 0; ; {
		k := strings.IndexAny(t[at:], ",;")
		if k < 0 {
			return t, false
		}
		k += at
		rest := t[k+1:]
		if m := corpSuffix.Get().FindStringIndex(rest); m != nil {
			at = k + 1 + m[1]
			continue
		}
		if m := personSuffix.Get().FindStringIndex(rest); m != nil {
			at = k + 1 + m[1]
			continue
		}
		if litigationTail.Get().MatchString(rest) {
			return t, false // "Clearview AI, Inc., Consumer Privacy Litigation": the matter runs on to its head noun
		}
		if m := addressTail.Get().FindStringIndex(rest); m != nil && startsWithDigit(t) {
			at = k + 1 + m[1]
			continue // "218 Miller Chapel Road, Salisbury NC": a place searched, its town and state
		}
		return t[:k], true
	}
}

// litigationTail is the rest of a consolidated matter's name after the
// comma of a company's name in it, up to its head noun: "In re Clearview
// AI, Inc., Consumer Privacy Litigation" (the head noun typed by hand, a
// closed class).
var litigationTail = textscan.Lazy(`^\s*[A-Z][\w&'.-]*(?:\s+[\w&'.-]+){0,6}?\s+(?i:litigation)\.?\s*$`)

// addressTail is the town and state closing an address after its comma:
// "Salisbury NC", "Salisbury, NC 28144".
var addressTail = textscan.Lazy(`^\s*[A-Z][A-Za-z.'-]+(?:\s[A-Z][A-Za-z.'-]+){0,2},?\s+[A-Z]{2}\b(?:\s+\d{5}(?:-\d{4})?)?`)

// startsWithDigit reports whether a subject opens with a street number.
func startsWithDigit(t string) bool {
	t = strings.TrimSpace(t)
	return t != "" && t[0] >= '0' && t[0] <= '9'
}

var personSuffix = textscan.Lazy(`^\s*(?i:jr\.?|sr\.?|ii|iii|iv)\b\.?`)

// matterCase writes a subject set in capitals in title case, as party
// names are; one in mixed case stays as printed.
func matterCase(s string) string {
	if capsShare(s) < 0.7 {
		return s
	}
	ws := strings.Fields(capsToTitle(s))
	for i, w := range ws {
		if (i > 0 || strings.EqualFold(w, "the")) && matterSmall[strings.ToLower(w)] {
			ws[i] = strings.ToLower(w)
		}
	}
	return strings.Join(ws, " ")
}

// matterSmall are the short words a title keeps in lower case.
var matterSmall = textscan.Set("the", "a", "an", "as", "at", "by", "in", "on", "to", "with")

// lineNumber is a pleading paper's line number opening a line.
var lineNumber = textscan.Lazy(`^\s*\d{1,2}(?:\s+|$)`)

// numberedPleading reports whether a page is set on pleading paper, most
// of its first lines opening with a line number.
func numberedPleading(lines []string) bool {
	n, text := 0, 0
	for _, l := range lines[:min(len(lines), matterLines)] {
		if strings.TrimSpace(l) == "" {
			continue
		}
		text++
		if lineNumber.Get().MatchString(l) {
			n++
		}
	}
	return n >= 8 && 3*n >= text
}
