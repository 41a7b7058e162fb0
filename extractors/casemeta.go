package extractors

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/casefile/casefile/schemas"
)

// Case metadata: case numbers, ECF header stamps, dates, the court, the
// caption and the kind of filing, read from the text itself.

var (
	// 1:15-cr-10338-FDS, 2:19-cr-00595-CAS-1, 2:20-mj-06108, 4:08-cv-02214-SBA
	districtNo = lazy(`\b(\d{1,2}):(\d{2})-(cr|cv|mj|mb|mc|sw|po|bk|ap|md|gj|sm|crim|civ)-(\d{2,6})((?:-[A-Z]{2,4})*)(?:-(\d{1,3}))?\b`)
	// No. 20-1507, Case: 21-50498, Appeal: 17-2218, Nos. 19-1234
	appellateNo = lazy(`\b(?:Nos?\.|Case:|Appeal:|Docket No\.:?)\s*(\d{2}-\d{3,6})\b`)
	// CR 14-648-CAS, SACR 16-76 JVS, SA CR 19-061-JVS, CV 17-308
	centralNo = lazy(`\b((?:SA|ED|LA)?\s?(?:CR|CV))\s?(\d{2})-(\d{1,5})(?:[- ]([A-Z]{2,4})\b)?`)
	// Ind. No. 1234/2019
	stateNo = lazy(`\b(?:Ind(?:ictment)?\.?\s+No\.|Indictment\s+Number)\s*(\d{1,6}/\d{2,4})\b`)

	// Case 4:08-cv-02214-SBA Document 26 Filed 01/29/2009 Page 1 of 2
	ecfDistrict = lazy(`Case\s+(\S+)\s+Document\s+(\d+)(?:-\d+)?\s+Filed\s+(\d{1,2}/\d{1,2}/\d{2,4})\s+Page\s+(\d+)\s+of\s+(\d+)`)
	// Case: 20-1507 Document: 00117684624 Page: 1 Date Filed: 12/22/2020 Entry ID: 6390389
	ecfAppellate = lazy(`Case:\s*(\S+)\s+Document:\s*(\d+)\s+Page:\s*(\d+)\s+Date Filed:\s*(\d{1,2}/\d{1,2}/\d{4})(?:\s+Entry ID:\s*(\d+))?`)

	monthNames  = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`
	writtenDate = lazy(`\b` + monthNames + `\s+(\d{1,2}),?\s+(\d{4})\b`)
	numericDate = lazy(`\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b`)
	isoDate     = lazy(`\b(\d{4})-(\d{2})-(\d{2})\b`)
)

var monthNumber = map[string]int{"january": 1, "jan.": 1, "february": 2, "feb.": 2, "march": 3, "mar.": 3, "april": 4,
	"apr.": 4, "may": 5, "june": 6, "jun.": 6, "july": 7, "jul.": 7, "august": 8, "aug.": 8, "september": 9,
	"sept.": 9, "sep.": 9, "october": 10, "oct.": 10, "november": 11, "nov.": 11, "december": 12, "dec.": 12}

// Stamp is a parsed ECF header stamp.
type Stamp struct {
	CaseNumber string
	Document   string
	Filed      string // YYYY-MM-DD
	Page, Of   int
}

// ParseStamp reads an ECF header stamp, district or appellate form.
func ParseStamp(s string) (Stamp, bool) {
	if m := ecfDistrict.get().FindStringSubmatch(s); m != nil {
		page, _ := strconv.Atoi(m[4])
		of, _ := strconv.Atoi(m[5])
		filed, ok := isoFromNumeric(m[3])
		if !ok {
			return Stamp{}, false
		}
		return Stamp{CaseNumber: m[1], Document: m[2], Filed: filed, Page: page, Of: of}, true
	}
	if m := ecfAppellate.get().FindStringSubmatch(s); m != nil {
		page, _ := strconv.Atoi(m[3])
		filed, ok := isoFromNumeric(m[4])
		if !ok {
			return Stamp{}, false
		}
		return Stamp{CaseNumber: m[1], Document: m[2], Filed: filed, Page: page}, true
	}
	return Stamp{}, false
}

func isoFromNumeric(s string) (string, bool) {
	m := numericDate.get().FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	mo, _ := strconv.Atoi(m[1])
	d, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	if len(m[3]) == 2 {
		y += 2000
		if y > 2069 {
			y -= 100
		}
	}
	return isoDay(y, mo, d)
}

func isoDay(y, m, d int) (string, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100 {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

// caseNumberSpan is a case number found in a page: byte span, normalized
// form and attributes.
type caseNumberSpan struct {
	start, end int
	norm       string
	attrs      map[string]any
}

// findCaseNumbers returns the case numbers of a text.
func findCaseNumbers(text string) []caseNumberSpan {
	var out []caseNumberSpan
	taken := make([]bool, len(text)+1)
	add := func(start, end int, norm string, attrs map[string]any) {
		for k := start; k < end; k++ {
			if taken[k] {
				return
			}
		}
		for k := start; k < end; k++ {
			taken[k] = true
		}
		out = append(out, caseNumberSpan{start, end, norm, attrs})
	}
	for _, m := range districtNo.get().FindAllStringSubmatchIndex(text, -1) {
		typ := strings.ToLower(text[m[6]:m[7]])
		judges := strings.Trim(text[m[10]:m[11]], "-")
		norm := fmt.Sprintf("%s:%s-%s-%s", text[m[2]:m[3]], text[m[4]:m[5]], typ, text[m[8]:m[9]])
		attrs := map[string]any{"form": "district", "office": text[m[2]:m[3]], "year": text[m[4]:m[5]], "type": typ}
		if judges != "" {
			norm += "-" + judges
			attrs["judges"] = judges
		}
		add(m[0], m[1], norm, attrs)
	}
	for _, m := range appellateNo.get().FindAllStringSubmatchIndex(text, -1) {
		add(m[2], m[3], text[m[2]:m[3]], map[string]any{"form": "appellate"})
	}
	for _, m := range centralNo.get().FindAllStringSubmatchIndex(text, -1) {
		prefix := strings.ReplaceAll(text[m[2]:m[3]], " ", "")
		norm := fmt.Sprintf("%s %s-%s", prefix, text[m[4]:m[5]], text[m[6]:m[7]])
		attrs := map[string]any{"form": "district", "type": strings.ToLower(prefix[len(prefix)-2:])}
		if m[8] >= 0 {
			norm += "-" + text[m[8]:m[9]]
			attrs["judges"] = text[m[8]:m[9]]
		}
		add(m[0], m[1], norm, attrs)
	}
	for _, m := range stateNo.get().FindAllStringSubmatchIndex(text, -1) {
		add(m[0], m[1], "Ind. No. "+text[m[2]:m[3]], map[string]any{"form": "state", "type": "indictment"})
	}
	return out
}

// findDates returns DATE entities with ISO dates in attrs.
func findDates(p schemas.Page) []schemas.Entity {
	text := p.Text
	toRune := byteToRune(text)
	var out []schemas.Entity
	add := func(start, end int, iso string) {
		out = append(out, schemas.Entity{Type: schemas.Date, Text: text[start:end], Page: p.Number,
			Start: toRune[start], End: toRune[end], Normalized: iso, Source: schemas.SourceRule,
			Attrs: map[string]any{"iso": iso}})
	}
	for _, m := range writtenDate.get().FindAllStringSubmatchIndex(text, -1) {
		d, _ := strconv.Atoi(text[m[4]:m[5]])
		y, _ := strconv.Atoi(text[m[6]:m[7]])
		if iso, ok := isoDay(y, monthNumber[strings.ToLower(text[m[2]:m[3]])], d); ok {
			add(m[0], m[1], iso)
		}
	}
	for _, m := range numericDate.get().FindAllStringIndex(text, -1) {
		if iso, ok := isoFromNumeric(text[m[0]:m[1]]); ok {
			add(m[0], m[1], iso)
		}
	}
	for _, m := range isoDate.get().FindAllStringSubmatchIndex(text, -1) {
		y, _ := strconv.Atoi(text[m[2]:m[3]])
		mo, _ := strconv.Atoi(text[m[4]:m[5]])
		d, _ := strconv.Atoi(text[m[6]:m[7]])
		if iso, ok := isoDay(y, mo, d); ok {
			add(m[0], m[1], iso)
		}
	}
	return out
}

// districtCourt: "UNITED STATES DISTRICT COURT" then "<DIR> DISTRICT OF <STATE>".
var districtCourt = lazy(`(?is)united\s+states\s+district\s+court\b.{0,40}?\b(?:for\s+the\s+)?(?:(northern|southern|eastern|western|central|middle)\s+)?district\s+of\s+([a-z]+(?:\s[a-z]+)?)`)

var appealsCourt = lazy(`(?is)united\s+states\s+court\s+of\s+appeals\s+(?:for\s+the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|district\s+of\s+columbia|d\.\s?c\.|federal)\s+circuit`)

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

// court returns the short id and full name of the court a first page names.
func court(text string) (id, name string) {
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
	if m := appealsCourt.get().FindStringSubmatchIndex(text); m != nil {
		c := strings.ToLower(strings.Join(strings.Fields(text[m[2]:m[3]]), " "))
		try(m[0], circuitIDs[c], "United States Court of Appeals for the "+titleCase(c)+" Circuit")
	}
	if loc := scotusRe.get().FindStringIndex(text); loc != nil {
		try(loc[0], "scotus", "Supreme Court of the United States")
	}
	if loc := taxCourtRe.get().FindStringIndex(text); loc != nil {
		try(loc[0], "tax", "United States Tax Court")
	}
	if m := stateSupremeRe.get().FindStringSubmatchIndex(text); m != nil {
		state := strings.ToLower(strings.Join(strings.Fields(text[m[2]:m[3]]), " "))
		if postal, ok := statePostal[state]; ok {
			try(m[0], postal+"-sup", "Supreme Court of "+titleCase(state))
		}
	}
	return id, name
}

var (
	scotusRe       = lazy(`(?i)supreme\s+court\s+of\s+the\s+united\s+states`)
	taxCourtRe     = lazy(`(?i)united\s+states\s+tax\s+court`)
	stateSupremeRe = lazy(`(?i)supreme\s+court\s+of\s+(?:the\s+state\s+of\s+)?([a-z]+(?:\s[a-z]+)?)\b`)
)

// districtOf finds a federal district court and where it is named.
func districtOf(text string) (id, name string, at int) {
	loc := districtCourt.get().FindStringSubmatchIndex(text)
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
	{
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

// docTypes in the order they are tried on a first page: the more specific
// before the more general.
var docTypes = []struct{ typ, pat string }{
	{"superseding indictment", `superseding\s+indictment`},
	{"press release", `for\s+immediate\s+release|press\s+release`},
	{"plea agreement", `plea\s+agreement`},
	{"verdict form", `verdict\s+form|special\s+verdict`},
	{"judgment", `judgment\s+and\s+(?:probation|commitment)|judgment\s+in\s+a\s+criminal\s+case`},
	{"complaint", `criminal\s+complaint`},
	{"indictment", `\bindictment\b`},
	{"information", `\binformation\b\s*\n`},
	{"transcript", `transcript\s+of\s+proceedings|reporter'?s\s+transcript|official\s+transcript|transcript`},
	{"minutes", `criminal\s+minutes|civil\s+minutes|\bminutes\b`},
	{"opinion", `\bopinion\b|per\s+curiam`},
	{"order", `\border\b`},
	{"memorandum", `memorandum`},
	{"motion", `\bmotion\b`},
	{"notice", `\bnotice\s+of\b`},
	{"letter", `\bdear\s+(?:judge|justice)\b`},
}

// docTypeRes are compiled on first use (see lazyRegexp).
var docTypeRes = sync.OnceValue(func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(docTypes))
	for i, d := range docTypes {
		out[i] = regexp.MustCompile(`(?i)` + d.pat)
	}
	return out
})

// docType is the kind named earliest on the first page (a heading comes
// before the text that mentions other filings); ties go to the more
// specific kind.
func docType(firstPage string) string {
	best, typ := len(firstPage)+1, ""
	for i, re := range docTypeRes() {
		if loc := re.FindStringIndex(firstPage); loc != nil && loc[0] < best {
			best, typ = loc[0], docTypes[i].typ
		}
	}
	return typ
}

var captionRe = lazy(`(?is)\bunited\s+states\s+of\s+america\b[\s,)*]*(?:plaintiff[s]?,?[\s)*]*)?(?:v\.|vs\.?|versus)[\s)*]*((?:[A-Z][A-Za-z'’.-]+\s?){1,4})`)

// captionStop are words of a caption that are not the defendant's name.
var captionStop = set("cr", "sacr", "case", "no", "criminal", "defendant", "defendants", "plaintiff", "et", "al", "docket", "number", "vs")

// caption returns "United States v. Surname" for a criminal caption.
func caption(firstPage string) string {
	m := captionRe.get().FindStringSubmatch(firstPage)
	if m == nil {
		return ""
	}
	var names []string
	for _, w := range strings.Fields(m[1]) {
		if !captionStop[strings.ToLower(strings.Trim(w, ",.-"))] {
			names = append(names, w)
		}
	}
	for len(names) > 0 && (strings.EqualFold(names[len(names)-1], "defendant") || strings.EqualFold(names[len(names)-1], "et")) {
		names = names[:len(names)-1]
	}
	if len(names) == 0 {
		return ""
	}
	sur := strings.Trim(names[len(names)-1], ",.")
	if strings.EqualFold(sur, "jr") && len(names) > 1 {
		sur = strings.Trim(names[len(names)-2], ",.")
	}
	return "United States v. " + strings.ToUpper(sur[:1]) + strings.ToLower(sur[1:])
}

// CaseInfo fills a record's case block from its pages and returns the
// CASE_NUMBER and DATE entities found.
func CaseInfo(pages []schemas.Page) (schemas.Case, []schemas.Entity) {
	var c schemas.Case
	var ents []schemas.Entity
	seen := map[string]bool{}
	for _, p := range pages {
		toRune := byteToRune(p.Text)
		for _, n := range findCaseNumbers(p.Text) {
			ents = append(ents, schemas.Entity{Type: schemas.CaseNumber, Text: p.Text[n.start:n.end], Page: p.Number,
				Start: toRune[n.start], End: toRune[n.end], Normalized: n.norm, Source: schemas.SourceRule, Attrs: n.attrs})
			if !seen[n.norm] && len(c.CaseNumbers) < 20 {
				seen[n.norm] = true
				c.CaseNumbers = append(c.CaseNumbers, n.norm)
			}
		}
		ents = append(ents, findDates(p)...)
		if c.Filed == "" {
			if st, ok := ParseStamp(p.Text); ok {
				c.Filed = st.Filed
			}
		}
	}
	for _, p := range pages {
		if strings.TrimSpace(p.Text) == "" {
			continue
		}
		c.Court, c.CourtName = court(p.Text)
		c.DocType = docType(p.Text)
		c.Caption = caption(p.Text)
		break
	}
	return c, ents
}
