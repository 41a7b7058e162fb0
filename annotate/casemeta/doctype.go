package casemeta

import (
	"regexp"
	"strings"
	"sync"

	"github.com/casefile/casefile/annotate/internal/textscan"
)

// The kind of filing a first page is: its heading, or failing one the
// signals a court of review prints, or the words by which it names itself.

// docTypes are the kinds of filing, the more specific before the more
// general where one's pattern holds the other's.
var docTypes = []struct{ typ, pat string }{
	{"superseding indictment", `superseding\s+indictment`},
	{"press release", `for\s+immediate\s+release|press\s+release|news\s+release|media\s+release`},
	{"opinion", `memorandum\s+opinion|opinion\s+(?:and|&)\s+order`},
	// "MEMORANDUM AND ORDER", "MEMORANDUM ORDER": the court's order, its
	// reasons with it.
	{"order", `memorandum\s+(?:(?:and|&)\s+)?order\b`},
	{"exhibit", `^\s*exhibit\s+[A-Z0-9]{1,3}\s*$`},
	{"decision list", `list\s+of\s+decisions`},
	{"plea agreement", `plea\s+agreement`},
	{"verdict form", `verdict\s+form|special\s+verdict`},
	{"judgment", `judgment\s*(?:and|&)\s*(?:probation|commitment)|judgment\s+in\s+a\s+criminal\s+case`},
	// A court of appeals' judgment, titled alone on its line (it prints
	// the court appealed from, as its opinion does).
	{"judgment", `^[ \t]*(?:final[ \t]+|amended[ \t]+|default[ \t]+)?judgment[ \t]*$`},
	{"sentencing memorandum", `sentencing\s+(?:memorandum|position|brief)`},
	{"jury instructions", `jury\s+instructions?|instructions\s+to\s+the\s+jury|court's\s+charge\s+to\s+the\s+jury`},
	{"docket sheet", `docket\s+(?:sheet|report)|(?:criminal|civil)\s+docket\s+for\s+case`},
	{"notice of appeal", `notice\s+of\s+appeal`},
	{"violation notice", `violation\s+notice|notice\s+of\s+violation`},
	// A warrant's application and its affidavit are titled by their
	// first word; the warrant itself by its kind.
	{"application", `application\s+for\s+(?:an?\s+)?(?:search|seizure|arrest|tracking|anticipatory|pen\s+register)[a-z\s]{0,30}?warrant|application\s+for\s+(?:an?\s+)?(?:search\s+)?warrant`},
	{"affidavit", `\baffidavit\b`},
	{"search warrant", `search\s+(?:and\s+seizure\s+)?warrant|seizure\s+warrant`},
	{"arrest warrant", `arrest\s+warrant|warrant\s+for\s+arrest`},
	{"subpoena", `\bsubpoena\b`},
	{"criminal complaint", `criminal\s+complaint`},
	{"complaint", `\bcomplaint\b`},
	{"indictment", `\bindictment\b`},
	// A bankruptcy case opens with the debtor's petition (Official Forms
	// 101 and 201), below the form's "Fill in this information".
	{"voluntary petition", `\bvoluntary\s+petition\b`},
	// A prosecutor's information is titled in capitals, alone or after a
	// caption's column ("CRIMINAL INFORMATION", "BILL OF INFORMATION",
	// "INFORMATION FOR VIOLATION OF"), or "Criminal Information" opening
	// a line: the word in a sentence or a form's instructions ("Fill in
	// this information", "The information on this page") is not a title.
	{"information", `(?-i:(?:^|[ \t]{2}|[)|§:])[ \t]*(?:(?:CRIMINAL|SUPERSEDING|AMENDED|FELONY|MISDEMEANOR)[ \t]+|BILL[ \t]+OF[ \t]+)?INFORMATION\b)|^[ \t]*(?:criminal|superseding|amended|felony|misdemeanor)[ \t]+information\b`},
	{"transcript", `\btranscript\b`},
	{"minutes", `\bminutes\b`},
	{"opinion", `slip\s+opinion|\bopinion\b|per\s+curiam|T\.\s?C\.\s+Memo\.|^\s*syllabus\s*$`},
	// "DECISION", "DECISION AND ORDER", "PUBLISHED DECISION AWARDING
	// …", not "Memorandum Decision of the Court of Appeals" (the decision
	// reviewed).
	{"decision", `\bdecision(?:[ \t]*$|\s+(?:and|&)\s+order\b|\s+(?:awarding|granting|denying|dismissing|on)\b)`},
	{"order", `\border\b`},
	{"memorandum", `\bmemorandum\b`},
	{"brief", `\b(?:opening|answering|reply|principal|response|responsive|amicus(?:\s+curiae)?|supplemental|appellants?['’]?s?|appellees?['’]?s?|petitioners?['’]?s?|respondents?['’]?s?)\s+brief\b|(?-i:^\s*BRIEF\s+(?:OF|FOR)\b)`},
	// a reply to an opposition ("REPLY IN SUPPORT OF ITS MOTION"), the
	// third paper of a motion's briefing, not the response it answers
	{"reply", `\breply\s+(?:to|in)\b`},
	{"response", `\b(?:response|opposition)\s+(?:to|in)\b`},
	{"motion", `\bmotion\b`},
	{"statement of issues", `\b(?:designation\s+(?:&|and)\s+)?statement\s+of\s+(?:the\s+)?issues\b|\bdesignation\s+of\s+issues\b`},
	{"notice of appearance", `\b(?:entry|notice)\s+of\s+appearance\b`},
	{"notice", `\bnotice\s+of\b|\bdocketing\s+notice\b`},
	{"declaration", `\bdeclaration\s+of\b`},
	{"stipulation", `\bstipulation\b`},
	{"letter", `^\s*re:`},
}

// docSignals name a kind of filing by its form rather than a heading: a
// salutation, a panel of circuit judges, the words that open an argument.
var docSignals = []struct{ typ, pat string }{
	// a release's words wherever they stand, as on a line that runs on
	// into its headline ("For Immediate Release: Nephew Receives …")
	{"press release", `(?i)\b(?:press|media|news)\s+release\b|\bfor\s+immediate\s+release\b`},
	{"decision", `\bInterim\s+Decision\s+#\s?\d`}, // the Board of Immigration Appeals' precedents
	// A clerk's letter: the office's letterhead, or its salutation to
	// every party. Its notices carry a title, which a heading reads first.
	{"letter", `(?m:^[ \t]*OFFICE\s+OF\s+THE\s+CLERK[ \t]*$)|\bTo\s+All\s+(?:Parties|Counsel(?:\s+of\s+Record)?)\s*:`},
	{"letter", `\bDear\s+(?:Judge|Justice|Chief|Mr\.|Ms\.|Mrs\.|Dr\.|Sir|Madam|Clerk|Counsel)`},
	// an order whose body opens with the court's order, as Michigan's
	// Supreme Court prints its orders on applications ("On order of the
	// Court, the application for leave to appeal … is DENIED")
	{"order", `(?m:^[ \t]*On\s+order\s+of\s+the\s+Court\b)`},
	{"transcript", `came\s+on\s+for\s+(?:\d+\s+)?(?:oral\s+(?:\d+\s+)?argument|hearing|trial)|\boral\s+argument\s+of\b`},
	{"opinion", `(?s)\bBefore:?\s.{0,200}?Circuit\s+Judges?\b`}, // appellate courts only
	// What a court of review's decision prints at its head in place of
	// a title: who delivered it, the court appealed from, the judge who
	// wrote it on a line of its own ("CONNORS, J."), when it was decided;
	// the decree appealed from, a heading's capital opening its line
	// ("Appeal from a judgment of conviction"; not a sentence's "appeal
	// from a conviction upon a plea").
	{"decision of a court of review", `(?i:\bdelivered\s+the\s+opinion\b|\bopinion\s+for\s+the\s+court\s+filed\s+by\b|\bopinion\s+of\s+the\s+court\s+was\s+delivered\s+by\b)`},
	// the writing judge after "Opinion by", as Maryland's reports print
	// it ("Opinion by Leahy, J.")
	{"decision of a court of review", `\bOpinion\s+by\s+[A-Z][A-Za-z'’-]+,\s+(?:C\.\s?J\.|J\.|P\.\s?J\.)`},
	{"decision of a court of review", `(?m:^[\s"*)|§]*(?i:(?:on\s+)?(?:appeal(?:ed)?|review)\s+(?:by\s+permission\s+)?from)(?::|[ \t]*$|\s+(?i:an?\s+[a-z]+\s+of\s+)?(?i:the\s+)?[A-Z0-9]))`},
	{"decision of a court of review", `(?m:^[\s"*)|§]*(?:Appeal|APPEAL)\s+(?:from|FROM)\s+an?\s+(?:[a-z]+\s+)?(?:judgments?|orders?|decrees?)\b)`},
	{"decision of a court of review", `(?m:^\s*[A-Z][A-Za-z'’-]+(?:\s[A-Z][A-Za-z'’-]+)?,\s+(?:C\.\s?J\.|J\.|P\.\s?J\.)[ \t]*$)`},
	// the writing judge's full name and title spelled out, as state
	// reporters print it ("ROBERT P. FRANK, Judge.", "RUFFIN, Presiding
	// Judge.", "WILLIAM H. CRANDALL, JR., Judge.", "PATIENCE DRAKE
	// ROGGENSACK, C.J.", "CURRIER, J.A.D."), or a court's commissioner
	// who wrote it ("HALE, Commissioner."), as Missouri's reports print
	// them; judges' titles typed by hand, a closed class
	{"decision of a court of review", `(?m:^[ \t]*[A-Z][A-Za-z'’-]*\.?(?:[ \t]+[A-Z][A-Za-z'’-]*\.?){0,3},[ \t]+(?:(?i:jr|sr)\.,[ \t]+)?(?:C\.[ ]?J\.|P\.[ ]?J\.|J\.A\.D\.|J\.|(?:Presiding|Chief|Associate|Senior)?[ \t]*(?:Judge|Justice)|Commissioner)[.:]?[ \t]*$)`},
	// the panel on a line of its own: "Angela T. Quigless, P.J., Kurt
	// S. Odenwald, J., and James M. Dowd, J."
	{"decision of a court of review", `(?m:^[ \t]*` + panelJudge + `(?:,?[ \t]+(?:and[ \t]+)?` + panelJudge + `)+\.?[ \t]*$)`},
	{"decision of a court of review", `(?i:\bargued\s+and\s+submitted\b|\bdecided:?\s+(?:` + monthNames + `)\s+\d)`},
	// the decree appealed from and its court opening a line, as New
	// York's Appellate Division heads its decisions ("Judgment, Supreme
	// Court, New York County (…, J.), rendered …")
	{"decision of a court of review", `(?m:^[\s"*]*(?i:(?:amended\s+|resettled\s+)?(?:judgments?|orders?|decrees?)(?:\s+(?:and|&)\s+(?:judgments?|orders?))?(?:\s+\([^)\n]{0,20}\))?),[ \t]+(?:the[ \t]+)?[A-Z][^\n]{0,60}?\b(?i:court)\b)`},
	// the publication notes of intermediate courts' decisions
	{"decision of a court of review", `(?i:\bcertified\s+for\s+(?:partial\s+)?publication\b|\bnot\s+to\s+be\s+published\s+in\s+(?:the\s+)?official\s+reports\b|\bdisposition\s+is\s+nonprecedential\b)`},
	{"decision of a court of review", `(?m:^[ \t]*(?:NOT[ \t]+)?PRECEDENTIAL[ \t]*$)`},
	// a disposition and its date, as Oregon's reports head a decision
	// on a line it closes ("reversed and / remanded October 7, 2020")
	{"decision of a court of review", `(?m:(?i:\b(?:affirmed|reversed|remanded|vacated|dismissed)\s+(?:` + monthNames + `)\s+\d{1,2},\s+\d{4})[ \t]*$)`},
}

// panelJudge is one judge of a panel line: a name and its title.
const panelJudge = `(?:[A-Z][A-Za-z'’-]*\.?[ \t]){1,3}[A-Z][A-Za-z'’-]+,[ \t]+(?:P\.[ ]?J\.|C\.[ ]?J\.|J\.|JJ\.)`

// reviewingCourt reports whether court is one that decides appeals, by
// courts-db's type and level or its name, or is not known: its filings without a
// title are its decisions.
func reviewingCourt(court string) bool {
	if court == "" {
		return true
	}
	i, ok := courtOf(court)
	if !ok {
		return false
	}
	e := courtTable[i]
	// courts-db types New Jersey's Appellate Division a trial court (it
	// is a part of the Superior Court): a name that says it hears
	// appeals is one.
	return e.typ == "appellate" || e.level == "colr" || e.level == "iac" || strings.Contains(strings.ToLower(e.name), "appellate")
}

type docPattern struct {
	typ string
	re  *regexp.Regexp
	// key is a literal (lower case) every match holds, "" if none: a
	// page without it is not searched.
	key string
}

// docTypeRes and docSignalRes are compiled on first use (see textscan.Regexp).
var (
	docTypeRes   = sync.OnceValue(func() []docPattern { return compileDocPatterns(docTypes, "(?im)") })
	docSignalRes = sync.OnceValue(func() []docPattern { return compileDocPatterns(docSignals, "") })
)

func compileDocPatterns(ps []struct{ typ, pat string }, flags string) []docPattern {
	out := make([]docPattern, len(ps))
	for i, d := range ps {
		out[i] = docPattern{typ: d.typ, re: regexp.MustCompile(flags + d.pat)}
		if ls := requiredLiterals(d.pat); len(ls) > 0 {
			out[i].key = ls[0]
		}
	}
	return out
}

// docType is the kind of filing a first page is. A heading says it (a
// kind set in capitals on a line set in capitals, or opening a short
// line); the earliest heading wins, as the text below it mentions other
// filings. Without a heading the form of the page may say it (a letter's
// salutation); failing that, the filing naming itself ("this opinion").
func docType(firstPage, court string) string {
	return docTypeOf(firstPage, court, true)
}

// docTypeOf is docType; with skip, a pattern whose literal the page lacks
// is not run. Some 40 case-folded patterns over a page cost a quarter of
// casemeta's time when each ran; the test compares both ways.
func docTypeOf(firstPage, court string, skip bool) string {
	// ASCII lower case keeps byte offsets. Go's case folding also matches
	// the long s and the Kelvin sign to s and k: a page holding either is
	// searched with every pattern.
	skip = skip && !strings.ContainsAny(firstPage, "\u017f\u212a")
	var lower string
	if skip {
		lower = textscan.ToLowerASCII(firstPage)
	}
	type hit struct {
		at  int
		typ string
	}
	heading, self, signal := hit{-1, ""}, hit{-1, ""}, hit{-1, ""}
	var headings []hit
	earliest := func(h *hit, at int, typ string) {
		if h.at < 0 || at < h.at {
			*h = hit{at, typ}
		}
	}
	for _, d := range docTypeRes() {
		if skip && d.key != "" && !strings.Contains(lower, d.key) {
			continue
		}
		for _, loc := range d.re.FindAllStringIndex(firstPage, -1) {
			after := firstPage[loc[1]:min(len(firstPage), loc[1]+40)]
			if isHeading(firstPage, loc[0], loc[1]) && !(caseOpeners[d.typ] && dateLabelAfter.Get().MatchString(after)) && !entryDateAfter.Get().MatchString(after) {
				earliest(&heading, loc[0], d.typ)
				headings = append(headings, hit{loc[0], d.typ})
				break
			}
			if selfReference(firstPage, loc[0]) {
				earliest(&self, loc[0], d.typ)
			}
		}
	}
	if heading.at >= 0 {
		if bareKindLabel(firstPage, heading.at) {
			// "Opinion" alone on its line, as a web page labels the
			// section a court's paper follows: the paper's own title
			// below it, of another kind, says what it is.
			// At one place the kind listed first wins, as everywhere:
			// "MEMORANDUM OPINION" is an opinion, not a memorandum.
			next := hit{-1, ""}
			for _, h := range headings {
				if h.at > heading.at {
					earliest(&next, h.at, h.typ)
				}
			}
			if next.at >= 0 {
				return next.typ
			}
		}
		return heading.typ
	}
	if h := runTogetherKind(firstPage); h != "" {
		return h
	}
	reviewing := reviewingCourt(court)
	for _, d := range docSignalRes() {
		if d.typ == "opinion" && !strings.HasPrefix(court, "ca") && court != "" {
			continue // a panel of circuit judges sits on a court of appeals, named or not
		}
		if d.typ == "decision of a court of review" && !reviewing {
			continue
		}
		if skip && d.key != "" && !strings.Contains(lower, d.key) {
			continue
		}
		if loc := d.re.FindStringIndex(firstPage); loc != nil {
			earliest(&signal, loc[0], d.typ)
		}
	}
	if signal.at >= 0 {
		if signal.typ == "decision of a court of review" {
			return "opinion"
		}
		return signal.typ
	}
	return self.typ
}

// runTogetherKind returns the kind a page's head names in capitals inside
// a line too long to be a heading (a web copy that lost its line breaks:
// "… KENTUCKY APPELLEE OPINION AFFIRMING ** **", "PLEA AGREEMENT The
// United States …"), where no heading names one: a kind in capitals
// beside another word in capitals, in the page's first runTogetherBytes.
func runTogetherKind(page string) string {
	top := page[:min(len(page), runTogetherBytes)]
	best, bestAt := "", -1
	for from := 0; from < len(top); {
		to := len(top)
		if k := strings.IndexByte(top[from:], '\n'); k >= 0 {
			to = from + k
		}
		if line := top[from:to]; len(line) > 120 {
			for _, d := range docTypeRes() {
				for _, loc := range d.re.FindAllStringIndex(line, -1) {
					if (bestAt < 0 || from+loc[0] < bestAt) && capsRun(line, loc[0], loc[1]) {
						best, bestAt = d.typ, from+loc[0]
					}
				}
			}
		}
		from = to + 1
	}
	return best
}

// capsRun reports whether line[start:end] is set in capitals, two words
// or more, or one beside another word in capitals.
func capsRun(line string, start, end int) bool {
	m := line[start:end]
	if hasLower(m) || !strings.ContainsAny(m, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		return false
	}
	if len(strings.Fields(m)) >= 2 {
		return true
	}
	capsWord := func(w string) bool {
		w = strings.Trim(w, ",.;:()")
		return len(w) >= 2 && !hasLower(w) && strings.Trim(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
	}
	before, after := strings.Fields(line[:start]), strings.Fields(line[end:])
	return len(before) > 0 && capsWord(before[len(before)-1]) || len(after) > 0 && capsWord(after[0])
}

// bareKindLabel reports whether the heading at i is a kind's one word
// alone on its line, in mixed case ("Opinion", "Decision"), as a web page
// labels a section rather than a court titles its paper.
func bareKindLabel(text string, i int) bool {
	ls, le := lineBounds(text, i, i)
	w := strings.TrimSpace(text[ls:le])
	return w == "Opinion" || w == "Decision"
}

// dateLabelAfter follows the filing that opened a case where it labels
// the case's date beside a later filing's caption ("Complaint Filed:
// 01/23/2018", "Indictment Filed:"): not the filing's title. An
// "Opinion Filed" label dates the opinion itself.
var dateLabelAfter = textscan.Lazy(`^[ \t]*(?i:filed|date)\b`)

// entryDateAfter follows a kind of filing that a line notes with the
// date it was entered ("ORDER ENTERED JUNE 8, 2007", "Order entered 4
// December 2008"), as reports head a decision with the orders made in
// its case: an entry of the docket, not the page's title.
var entryDateAfter = textscan.Lazy(`^[ \t]+(?i:entered)[ \t]+(?i:on[ \t]+)?(?:\d|(?i:` + monthNames + `)[ \t]+\d)`)

// caseOpeners are the kinds of filing that open a case.
var caseOpeners = textscan.Set("complaint", "criminal complaint", "indictment", "superseding indictment", "information")

// thisRe ends the words by which a filing names itself: "in this opinion",
// "the foregoing order".
var thisRe = textscan.Lazy(`(?i)\b(?:this|the\s+(?:foregoing|within|instant|present))\s+$`)

func selfReference(text string, at int) bool {
	return thisRe.Get().MatchString(text[max(0, at-24):at])
}
