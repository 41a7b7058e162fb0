package charge

import (
	"regexp"
	"strings"
	"sync"

	"github.com/casefile/casefile/annotate/internal/textscan"
)

// A code is a body of statutes or regulations other than the United
// States Code whose citations name offenses: a state's penal code, its
// health-and-safety (drug) code, the Code of Federal Regulations. Its
// citations are written in many ways ("N.Y. Penal Law § 265.03",
// "Penal Law §§ 220.39(1) and 220.16", "PL 265.03", "section 11351 of the
// Health and Safety Code", "§ 565.020, RSMo"); each is normalized to one
// canonical form per code, the form of the Bluebook's state tables where
// one exists, listed in codes below.
type code struct {
	// id names the code in a Statute; canon is its canonical form, with
	// {t} for the title (chapter) number and {s} for the section.
	id, canon string
	// triggers are lower-case strings, one of which occurs in any text
	// citing the code: the code's patterns run only on such pages. A
	// trigger starting with "=" is matched as written, in the text itself
	// (short capitals: "=PC ", "=ARS ").
	triggers []string
	// names are regexp alternatives for the code's name as written. A
	// titled code's name holds a group (?P<t>...) for the title ("720 ILCS",
	// "Okla. Stat. tit. 21,").
	names []string
	// sec matches one section number of the code, without subsections.
	sec string
	// before: the name may follow the section ("§ 893.13, Fla. Stat.",
	// "section 11351 of the Health and Safety Code").
	before bool
	// inContext: a citation is a charge only in criminal context (see
	// criminalContext): the generated codes, whose titles hold civil law
	// as well as crimes.
	inContext bool
}

// codes are the codes known: the hand-written table, then the codes
// generated from statecodes.tsv that it does not cover.
// Built at first use: deriving the generated codes compiles a pattern per
// hand-written name and row, 70-200 ms that every casefile process paid
// at start, whether or not it reads charges.
var codes = sync.OnceValue(func() []*code {
	return append(handCodes, generatedCodes(handCodes, statecodesTSV)...)
})

// handCodes lists the codes written by hand, with the local forms their
// courts and prosecutors use beside the Bluebook's ("PL 265.03", "C.R.S.",
// "RSMo", "I.C."), most specific name first where two share a name
// ("Penal Code" is California's unless the section has the
// chapter.section shape of Texas's, or the text says Texas).
var handCodes = []*code{
	{id: "ny-penal", canon: "N.Y. Penal Law § {s}", triggers: []string{"penal law", "=PL ", "=P.L. ", "=NYPL", "=NY PL"},
		names: []string{`N\.\s?Y\.\s?Penal\s+Law`, `(?i:New\s+York\s+(?:State\s+)?Penal\s+Law)`, `NY\s?PL`, `(?i:Penal\s+Law)`, `McKinney'?s\s+Penal\s+Law`, `PL`, `P\.L\.`},
		sec:   `\d{1,3}\.\d{2}`, before: true},
	{id: "tex-penal", canon: "Tex. Penal Code § {s}", triggers: []string{"tex.", "texas", "penal code"},
		names: []string{`Tex\.\s?Penal\s+Code(?:\s+Ann\.)?`, `(?i:Texas\s+Penal\s+Code)`, `(?i:Penal\s+Code)`},
		sec:   `\d{1,2}\.\d{2,3}`, before: true},
	{id: "tex-hs", canon: "Tex. Health & Safety Code § {s}", triggers: []string{"health and safety", "health & safety"},
		names: []string{`Tex\.\s?Health\s+&\s+Safety\s+Code(?:\s+Ann\.)?`, `(?i:Texas\s+Health\s+(?:and|&)\s+Safety\s+Code)`, `(?i:Health\s+(?:and|&)\s+Safety\s+Code)`},
		sec:   `\d{3}\.\d{3}`, before: true},
	{id: "cal-penal", canon: "Cal. Penal Code § {s}", triggers: []string{"penal code", "pen. code", "=PC "},
		names: []string{`Cal(?:\.|ifornia)\s+Pen(?:al|\.)\s+Code`, `(?i:Penal\s+Code)`, `PC`},
		sec:   `\d{2,5}(?:\.\d{1,3})?`, before: true},
	{id: "cal-hs", canon: "Cal. Health & Safety Code § {s}", triggers: []string{"health and safety", "health & safety", "saf. code", "h&s", "h & s", "h.&s.", "h. & s."},
		names: []string{`Cal(?:\.|ifornia)\s+Health\s+(?:and|&)\s+Safety\s+Code`, `Cal\.\s?Health\s+&\s+Saf\.\s+Code`, `(?i:Health\s+(?:and|&)\s+Safety\s+Code)`, `H\s?&\s?S(?:\s+Code)?`, `H\.\s?&\s?S\.(?:\s+Code)?`},
		sec:   `\d{4,5}(?:\.\d{1,2})?`, before: true},
	{id: "cal-veh", canon: "Cal. Veh. Code § {s}", triggers: []string{"vehicle code", "veh. code"},
		names: []string{`Cal(?:\.|ifornia)\s+Veh(?:icle|\.)\s+Code`, `(?i:Vehicle\s+Code)`},
		sec:   `\d{4,5}(?:\.\d{1,2})?`, before: true},
	{id: "fla", canon: "Fla. Stat. § {s}", triggers: []string{"fla.", "florida statutes", "f.s."},
		names: []string{`Fla\.\s?Stat\.(?:\s+Ann\.)?`, `(?i:Florida\s+Statutes)`, `F\.\s?S\.`},
		sec:   `\d{1,3}\.\d{2,4}`, before: true},
	{id: "ilcs", canon: "{t} ILCS {s}", triggers: []string{"ilcs", "ill. comp. stat"},
		names: []string{`(?P<t>\d{1,3})\s*ILCS`, `(?P<t>\d{1,3})\s*Ill\.\s?Comp\.\s?Stat\.(?:\s?Ann\.)?`},
		sec:   `\d{1,3}/\d{1,3}(?:[-.]\d{1,4}[A-Za-z]?)*`},
	// Illinois opinions name the Criminal Code (720 ILCS 5) by its year:
	// "section 9-1(a)(1) of the Criminal Code of 2012".
	{id: "ilcs-cc", canon: "720 ILCS 5/{s}", triggers: []string{"criminal code of"},
		names: []string{`(?:Illinois\s+)?Criminal\s+Code\s+of\s+(?:1961|2012)`},
		sec:   `\d{1,2}[A-Z]?-\d{1,2}(?:\.\d{1,2})?[A-Z]?`, before: true},
	{id: "pa", canon: "{t} Pa.C.S. § {s}", triggers: []string{"pa.c.s", "pa. c.s", "pa. cons", "pa.c.s.a", "pac.s", "pacs"},
		names: []string{`(?P<t>\d{1,2})\s*Pa\.?\s?C\.\s?S\.(?:\s?A\.)?`, `(?P<t>\d{1,2})\s*Pa\.\s?Cons\.\s?Stat\.(?:\s?Ann\.)?`, `(?P<t>\d{1,2})\s*Pa\.?C\.?S\.?A?`},
		sec:   `\d{3,4}(?:\.\d{1,2})?`},
	{id: "pa-ps", canon: "{t} P.S. § {s}", triggers: []string{"p.s."},
		names: []string{`(?P<t>\d{1,2})\s*P\.\s?S\.`},
		sec:   `\d{1,4}-\d{1,4}`},
	{id: "ohio", canon: "Ohio Rev. Code § {s}", triggers: []string{"r.c.", "r. c.", "=ORC", "revised code", "rev. code"},
		names: []string{`Ohio\s+Rev\.\s?Code(?:\s+Ann\.)?`, `O\.\s?R\.\s?C\.`, `ORC`, `R\.\s?C\.`, `(?i:Ohio\s+Revised\s+Code)`, `(?i:Revised\s+Code)`},
		sec:   `\d{3,4}\.\d{2,3}`, before: true},
	{id: "ga", canon: "O.C.G.A. § {s}", triggers: []string{"o.c.g.a", "ocga", "ga. code"},
		names: []string{`O\.\s?C\.\s?G\.\s?A\.?`, `OCGA`, `Ga\.\s?Code(?:\s+Ann\.)?`},
		sec:   `\d{1,2}-\d{1,2}-\d{1,3}(?:\.\d{1,2})?`, before: true},
	{id: "mo", canon: "Mo. Rev. Stat. § {s}", triggers: []string{"rsmo", "r.s.mo", "mo. rev. stat", "mo. ann. stat"},
		names: []string{`Mo\.\s?Rev\.\s?Stat\.`, `Mo\.\s?Ann\.\s?Stat\.`, `RSMo`, `R\.\s?S\.\s?Mo\.?`},
		// Missouri numbers a section's subsections after another period:
		// "§ 565.021.1, RSMo 1994", "section 195.211.3".
		sec: `\d{3}\.\d{3}(?:\.\d{1,2})?`, before: true},
	{id: "az", canon: "A.R.S. § {s}", triggers: []string{"a.r.s", "a. r. s", "=ARS ", "ariz. rev. stat"},
		names: []string{`A\.\s?R\.\s?S\.`, `ARS`, `Ariz\.\s?Rev\.\s?Stat\.(?:\s+Ann\.)?`},
		sec:   `\d{1,2}-\d{3,4}(?:\.\d{1,2})?`, before: true},
	{id: "colo", canon: "Colo. Rev. Stat. § {s}", triggers: []string{"c.r.s", "c. r. s", "colo. rev. stat", "=CRS "},
		names: []string{`Colo\.\s?Rev\.\s?Stat\.(?:\s+Ann\.)?`, `C\.\s?R\.\s?S\.`, `CRS`},
		sec:   `\d{1,2}-\d{1,2}(?:\.\d)?-\d{3,4}(?:\.\d{1,2})?`, before: true},
	{id: "ind", canon: "Ind. Code § {s}", triggers: []string{"ind. code", "indiana code", "=I.C. ", "=I. C. "},
		names: []string{`Ind\.\s?Code(?:\s+Ann\.)?`, `(?i:Indiana\s+Code)`, `I\.\s?C\.`},
		sec:   `\d{1,2}-\d{1,2}(?:\.\d)?-\d{1,2}(?:\.\d)?-\d{1,3}(?:\.\d{1,2})?`, before: true},
	{id: "dc", canon: "D.C. Code § {s}", triggers: []string{"d.c. code", "d. c. code"},
		names: []string{`D\.\s?C\.\s?Code(?:\s+Ann\.)?`},
		sec:   `\d{1,2}-\d{3,4}(?:\.\d{1,2})?`},
	{id: "okla", canon: "Okla. Stat. tit. {t}, § {s}", triggers: []string{"okla.", "=O.S.", "=O. S."},
		names: []string{`Okla\.\s?Stat\.(?:\s+Ann\.)?\s+tit\.\s?(?P<t>\d{1,2}),?`, `(?P<t>\d{1,2})\s+O\.\s?S\.(?:\s?Supp\.)?(?:\s?\d{4})?,?`},
		sec:   `\d{1,4}(?:\.\d{1,2})?(?:-\d{1,3}(?:\.\d{1,2})?)?[A-Za-z]?`},
	{id: "nj", canon: "N.J. Stat. Ann. § {s}", triggers: []string{"n.j.s.a", "njsa", "n.j. stat"},
		names: []string{`N\.\s?J\.\s?S\.\s?A\.?`, `NJSA`, `N\.\s?J\.\s?Stat\.(?:\s+Ann\.)?`},
		sec:   `\d{1,2}[A-Z]{0,2}:\d{1,3}[A-Z]?-\d{1,3}(?:\.\d{1,2})?`, before: true},
	{id: "mich", canon: "Mich. Comp. Laws § {s}", triggers: []string{"=MCL ", "m.c.l", "mich. comp. laws"},
		names: []string{`Mich\.\s?Comp\.\s?Laws(?:\s+Ann\.)?`, `M\.\s?C\.\s?L\.`, `MCL`},
		sec:   `\d{3}\.\d{1,4}[a-z]?`},
	{id: "nc", canon: "N.C. Gen. Stat. § {s}", triggers: []string{"n.c. gen. stat", "n.c.g.s"},
		names: []string{`N\.\s?C\.\s?Gen\.\s?Stat\.`, `N\.\s?C\.\s?G\.\s?S\.`},
		sec:   `\d{1,3}[A-Z]?-\d{1,4}(?:\.\d{1,2})?`, before: true},
	{id: "wash", canon: "Wash. Rev. Code § {s}", triggers: []string{"=RCW ", "wash. rev. code"},
		names: []string{`Wash\.\s?Rev\.\s?Code(?:\s+Ann\.)?`, `RCW`},
		sec:   `\d{1,2}[A-Z]?\.\d{2,3}\.\d{3}`, before: true},
	{id: "va", canon: "Va. Code § {s}", triggers: []string{"va. code", "code of virginia"},
		names: []string{`Va\.\s?Code(?:\s+Ann\.)?`, `(?i:Code\s+of\s+Virginia)`},
		sec:   `\d{1,2}(?:\.\d)?-\d{1,4}(?:\.\d{1,2})?`, before: true},
	{id: "mass", canon: "Mass. Gen. Laws ch. {t}, § {s}", triggers: []string{"mass. gen. laws", "g.l.", "g. l."},
		names: []string{`Mass\.\s?Gen\.\s?Laws\s+ch\.\s?(?P<t>\d{1,3}[A-Z]?),?`, `M?\.?\s?G\.\s?L\.\s+c(?:h)?\.\s?(?P<t>\d{1,3}[A-Z]?),?`},
		sec:   `\d{1,3}[A-Z]?`},
	{id: "ky", canon: "Ky. Rev. Stat. § {s}", triggers: []string{"ky. rev. stat", "=KRS "},
		names: []string{`Ky\.\s?Rev\.\s?Stat\.(?:\s+Ann\.)?`, `KRS`},
		sec:   `\d{3}[A-Z]?\.\d{3,4}`, before: true},
	// Tennessee's courts write "T.C.A. § 39-17-434" as often as the
	// Bluebook's form; a PDF's line break can leave a blank after a
	// hyphen of the section ("39- 17-434"), dropped when it is normalized.
	{id: "tenn", canon: "Tenn. Code Ann. § {s}", triggers: []string{"tenn. code", "t.c.a"},
		names: []string{`Tenn\.\s?Code(?:\s+Ann\.)?`, `T\.\s?C\.\s?A\.`},
		sec:   `\d{1,2}-\s?\d{1,2}-\s?\d{3,4}`, before: true},
	{id: "minn", canon: "Minn. Stat. § {s}", triggers: []string{"minn. stat", "minnesota statutes"},
		names: []string{`Minn\.\s?Stat\.(?:\s+Ann\.)?`, `(?i:Minnesota\s+Statutes)`},
		sec:   `\d{3}[A-Z]?\.\d{2,4}`, before: true},
	{id: "wis", canon: "Wis. Stat. § {s}", triggers: []string{"wis. stat"},
		names: []string{`Wis\.\s?Stat\.(?:\s+Ann\.)?`},
		sec:   `\d{3}\.\d{2,3}`, before: true},
	{id: "conn", canon: "Conn. Gen. Stat. § {s}", triggers: []string{"conn. gen. stat", "c.g.s"},
		names: []string{`Conn\.\s?Gen\.\s?Stat\.(?:\s+Ann\.)?`, `C\.\s?G\.\s?S\.`},
		sec:   `\d{1,2}[a-z]?-\d{1,3}[a-z]{0,2}`, before: true},
	{id: "la", canon: "La. Stat. Ann. § {s}", triggers: []string{"la. r.s", "la. rev. stat", "la. stat"},
		names: []string{`La\.\s?R\.\s?S\.`, `La\.\s?Rev\.\s?Stat\.(?:\s+Ann\.)?`, `La\.\s?Stat\.\s?Ann\.`},
		sec:   `\d{1,2}:\d{1,4}(?:\.\d{1,2})?`, before: true},
	{id: "md-crim", canon: "Md. Code, Crim. Law § {s}", triggers: []string{"crim. law"},
		names: []string{`Md\.\s?Code(?:\s+Ann\.)?,?\s+Crim\.\s?Law`},
		sec:   `\d{1,2}-\d{3}(?:\.\d)?`},
	{id: "sc", canon: "S.C. Code Ann. § {s}", triggers: []string{"s.c. code"},
		names: []string{`S\.\s?C\.\s?Code(?:\s+Ann\.)?`},
		sec:   `\d{1,2}-\d{1,3}-\d{1,4}`, before: true},
	{id: "iowa", canon: "Iowa Code § {s}", triggers: []string{"iowa code"},
		names: []string{`Iowa\s+Code(?:\s+Ann\.)?`},
		sec:   `\d{3}[A-Z]?\.\d{1,3}[A-Z]?`, before: true},
	{id: "kan", canon: "Kan. Stat. Ann. § {s}", triggers: []string{"k.s.a", "kan. stat"},
		names: []string{`K\.\s?S\.\s?A\.`, `Kan\.\s?Stat\.(?:\s+Ann\.)?`},
		sec:   `\d{1,2}-\d{3,4}[a-z]?`, before: true},
	{id: "or", canon: "Or. Rev. Stat. § {s}", triggers: []string{"=ORS ", "or. rev. stat"},
		names: []string{`Or\.\s?Rev\.\s?Stat\.`, `ORS`},
		sec:   `\d{1,3}[A-Z]?\.\d{3}`, before: true},
	{id: "nev", canon: "Nev. Rev. Stat. § {s}", triggers: []string{"=NRS ", "nev. rev. stat"},
		names: []string{`Nev\.\s?Rev\.\s?Stat\.(?:\s+Ann\.)?`, `NRS`},
		sec:   `\d{1,3}[A-Z]?\.\d{3,4}`, before: true},
	{id: "utah", canon: "Utah Code Ann. § {s}", triggers: []string{"utah code"},
		names: []string{`Utah\s+Code(?:\s+Ann\.)?`},
		sec:   `\d{1,2}[a-z]?-\d{1,2}[a-z]?-\d{3,4}(?:\.\d)?`, before: true},
	{id: "ala", canon: "Ala. Code § {s}", triggers: []string{"ala. code"},
		names: []string{`Ala\.\s?Code`},
		sec:   `\d{1,2}[A-Z]?-\d{1,2}[A-Z]?-\d{1,3}(?:\.\d)?`, before: true},
	// New Mexico's courts cite the compilation by its year: "NMSA 1978,
	// Section 30-2-1(A)(1) (1994)", "NMSA 1978, § 30-22-24". Its chapters
	// hold civil law too: a charge only in criminal context.
	{id: "nm", canon: "N.M. Stat. Ann. § {s}", triggers: []string{"nmsa", "n.m. stat"},
		names: []string{`NMSA(?:\s+1978)?`, `N\.\s?M\.\s?Stat\.(?:\s+Ann\.)?`},
		sec:   `\d{1,2}[A-Z]?-\d{1,2}[A-Z]?-\d{1,3}(?:\.\d{1,2})?`, before: true, inContext: true},
	{id: "cfr", canon: "{t} C.F.R. § {s}", triggers: []string{"c.f.r", "cfr", "code of federal regulations"},
		names: []string{`(?P<t>\d{1,2})\s*C\.\s?F\.\s?R\.`, `(?P<t>\d{1,2})\s*CFR`, `(?i:Title\s+(?P<t>\d{1,2}),?\s+Code\s+of\s+Federal\s+Regulations),?`},
		sec:   `\d{1,4}\.\d{1,5}(?:-\d{1,3})?`},
}

// subPat is a run of subsections: "(a)(1)(A)", "(b) (2)". Four digits in
// parentheses are a year, never a subsection.
const subPat = `((?:\s?\((?:\d{1,3}[A-Za-z]?|[A-Za-z]{1,4}\d?)\))*)`

// codeRes are a code's compiled patterns: name then section ("after"),
// section then name ("before"), and one section alone, anchored.
type codeRes struct {
	after, before, sec *textscan.Regexp
}

var codePatterns = sync.OnceValue(func() map[string]codeRes {
	m := map[string]codeRes{}
	for _, c := range codes() {
		names := `(?:` + strings.Join(c.names, "|") + `)`
		one := `(` + c.sec + `)` + subPat
		// Further sections, or further subsections of the first ("§
		// 18-3-405.3(1), (2)(a), C.R.S.").
		sub := `\s?\((?:\d{1,3}[A-Za-z]?|[A-Za-z]{1,4}\d?)\)`
		more := `((?:\s*(?:,\s*(?:and|or|&)?|and|&|or)\s*(?:§\s*)?(?:` + c.sec + `(?:` + sub + `)*|(?:` + sub + `)+))*)`
		sign := `(?:§§?|[Ss]ections?|SECTIONS?|[Ss]ecs?\.)`
		r := codeRes{
			after: textscan.Lazy(`\b` + names + `,?\s*(?:` + sign + `\s*)?` + one + more),
			sec:   textscan.Lazy(`^` + one + `$`),
		}
		if c.before {
			r.before = textscan.Lazy(sign + `\s*` + one + more + `(?:,\s*|\s+of\s+(?:the\s+)?|\s+)` + names + `(?:\s+Ann\.)?`)
		}
		m[c.id] = r
	}
	return m
})

// subdivision is one subdivision after a section: ", subd. 2",
// ", subdivision 4"; a list of them ("subdivisions 1 and 2(1)") is left
// out, as a list of subsections would be cut.
var subdivision = textscan.Lazy(`^,?\s?(?:subd\.|subdivision)\s?(\d{1,2}[a-z]?(?:\(\d{1,2}\))*)`)

// codeByID finds a code of the table.
func codeByID(id string) *code {
	for _, c := range codes() {
		if c.id == id {
			return c
		}
	}
	return nil
}

// stateCitations finds the citations of the codes in text, lower its
// lower-cased copy (for the triggers). Each code's patterns run only when
// one of its triggers occurs. A list ("§§ 220.39(1) and 220.16") gives one
// citation per section, as the gold annotates them: the first with the
// code's name, the others their numbers alone.
//
// A match that names a code and a section but is no charge (a civil
// title, a number of another shape) is passed to rejected, so that its
// "§" is not read again as a bare section of some other code.
func stateCitations(text, lower string, add func(start, end int, st []Statute) bool, rejected func(start, end int)) {
	on := codeTriggers().triggered(text, lower)
	for i, c := range codes() {
		if !on[i] {
			continue
		}
		r := codePatterns()[c.id]
		for _, re := range []*textscan.Regexp{r.after, r.before} {
			if re == nil {
				continue
			}
			for _, m := range re.Get().FindAllStringSubmatchIndex(text, -1) {
				cites := codeMatch(c, re.Get(), text, m)
				if cites == nil {
					rejected(m[0], m[1])
				}
				for _, sc := range cites {
					add(sc.Start, sc.End, sc.Statutes)
				}
			}
		}
	}
}

// codeMatch reads the citations of one match m of a code's pattern re:
// nil when it is not a charge (a longer number, a civil title).
func codeMatch(c *code, re *regexp.Regexp, text string, m []int) []Citation {
	title := ""
	names := re.SubexpNames()
	secG := -1
	for k := 1; k < len(names); k++ {
		if m[2*k] < 0 {
			continue
		}
		if names[k] == "t" {
			// Several alternatives hold a t group: the one that matched.
			title = text[m[2*k]:m[2*k+1]]
		} else if names[k] == "" && secG < 0 {
			secG = k
		}
	}
	if secG < 0 {
		return nil
	}
	sec := strings.Join(strings.Fields(text[m[2*secG]:m[2*secG+1]]), "")
	subEnd := m[2*secG+3]
	// A longer number is not this code's section: "265.035".
	if e := m[2*secG+1]; e < len(text) && text[e] >= '0' && text[e] <= '9' {
		return nil
	}
	// An abbreviation ("PC", "H&S", "RCW") and its section on one line:
	// "Smith, P.C.\n2311 Main Street" is a firm and an address.
	if name := text[m[0]:m[2*secG]]; len(strings.TrimSpace(name)) <= 5 && strings.ContainsAny(name, "\n") {
		return nil
	}
	// A name after a single capital and a period belongs to a longer
	// name: "Va. Code" in "W. Va. Code" is West Virginia's.
	if c0 := text[m[0]]; c0 >= 'A' && c0 <= 'Z' && c0 != 'S' && afterInitial(text[:m[0]]) {
		return nil
	}
	// "Penal Code" after "Texas" is not California's.
	if c.id == "cal-penal" || c.id == "cal-hs" {
		if before := text[max(0, m[0]-24):m[0]]; strings.Contains(before, "Texas") || strings.Contains(before, "Tex.") {
			return nil
		}
	}
	first := Statute{Code: c.id, Title: title, Section: sec, Sub: compactSub(text[m[2*secG+2]:subEnd])}
	// Minnesota numbers a section's subsections as subdivisions: "§
	// 343.21, subd. 2".
	if first.Sub == "" {
		if sm := subdivision.Get().FindStringSubmatchIndex(text[subEnd:]); sm != nil {
			first.Sub = ", subd. " + text[subEnd+sm[2]:subEnd+sm[3]]
			subEnd += sm[1]
		}
	}
	if !chargeable(first, text[max(0, m[0]-80):m[0]]) {
		return nil
	}
	if c.inContext && !criminalContext(text[max(0, m[0]-contextBefore):m[0]]) {
		return nil
	}
	// The code's name written after the sections ("§ 18-3-102(1)(a),
	// C.R.S. 2019", "section 565.020, RSMo") names their code but is left
	// out of the spans, like a year or publisher after a citation ("(West
	// 2016)"): each citation is the section as written.
	out := []Citation{{Start: m[0], End: subEnd, Statutes: []Statute{first}}}
	if more := m[2*secG+4]; more >= 0 && more < m[2*secG+5] {
		s := text[more:m[2*secG+5]]
		for _, mm := range moreSections(c).Get().FindAllStringSubmatchIndex(s, -1) {
			// A subsection of the first section ("(1), (2)(a)") is no
			// section of its own.
			if mm[0] > 0 && (s[mm[0]-1] == '(' || isDigit(s[mm[0]-1])) {
				continue
			}
			st := Statute{Code: c.id, Title: title, Section: s[mm[2]:mm[3]], Sub: compactSub(s[mm[4]:mm[5]])}
			out = append(out, Citation{Start: more + mm[0], End: more + mm[1], Statutes: []Statute{st}})
		}
	}
	return out
}

// chargeable reports whether a citation of st, after the text before,
// can name an offense. Regulations define offenses mostly in the titles
// of the C.F.R. on parks and forests, public lands, wildlife, military
// installations, federal property and Indian country; elsewhere (Truth
// in Lending, ERISA, tax) only a citation after "violat..." is a charge.
// New Jersey's criminal code is its Title 2C; Louisiana's its title 14;
// North Carolina's procedural chapters define none.
func chargeable(st Statute, before string) bool {
	switch st.Code {
	case "cfr":
		switch st.Title {
		case "25", "32", "36", "41", "43", "50":
			return true
		}
		return strings.Contains(strings.ToLower(before), "violat")
	case "nj":
		return strings.HasPrefix(st.Section, "2C:")
	case "la":
		// Louisiana's criminal code is its title 14, its drug law in title
		// 40; elsewhere (corporations, title 12) only after "violat...".
		return strings.HasPrefix(st.Section, "14:") || strings.HasPrefix(st.Section, "40:") || strings.Contains(strings.ToLower(before), "violat")
	case "nc":
		// North Carolina's chapters on civil procedure (1, 1A), the
		// courts (7A: "review pursuant to N.C.G.S. § 7A-31"), evidence
		// (8C) and criminal procedure (15, 15A) define no offense.
		switch ch, _, _ := strings.Cut(st.Section, "-"); ch {
		case "1", "1A", "7A", "8C", "15", "15A":
			return strings.Contains(strings.ToLower(before), "violat")
		}
	}
	return true
}

// civilUSC reports whether st cites a section of the U.S. Code that
// defines no offense. Titles 11 (bankruptcy) and 28 (the judiciary and
// judicial procedure: jurisdiction, § 1291; habeas corpus, §§ 2254 and
// 2255) define none; titles 8 (aliens and nationality), 15 (commerce and
// trade), 29 (labor) and 42 (public health and welfare, civil rights) are
// civil but for a few sections.
func civilUSC(st Statute) bool {
	if st.Code != "" {
		return false
	}
	switch st.Title {
	case "11", "28":
		return true
	case "8":
		return !criminal8[st.Section]
	case "15":
		return !criminal15[st.Section]
	case "29":
		return !criminal29[st.Section]
	case "42":
		return !criminal42[st.Section]
	}
	return false
}

// civilState reports whether st cites a title of a state code that
// defines no offenses. Oklahoma's offenses are in titles 21 (crimes and
// punishments), 63 (controlled dangerous substances) and 47 (motor
// vehicles); its juvenile code (title 10), criminal procedure (22) and
// courts (20) define none. Such citations are context for bare sections
// after them, and are then dropped, unless the text says the offense
// charged violated them.
func civilState(st Statute, before string) bool {
	// A section any title names after "in violation of" defines the
	// offense charged: Oklahoma's racketeering act is in its title 22.
	if violationBefore(before) {
		return false
	}
	if st.Code == "okla" {
		switch st.Title {
		case "21", "63", "47":
			return false
		}
		return true
	}
	return false
}

// violationBefore reports whether the text before a citation ends with
// "in violation of" or "violating", its blanks and a comma aside.
func violationBefore(before string) bool {
	b := strings.TrimRight(strings.ToLower(before), " \t\n,")
	return strings.HasSuffix(b, "in violation of") || strings.HasSuffix(b, "violating")
}

// The criminal provisions of titles 8, 15, 29 and 42 of the U.S. Code.
// Title 8: alien smuggling and harboring, improper entry, reentry,
// aiding entry, importing aliens for immoral purposes, failure to depart,
// registration crimes. Title 15: the Sherman Act's restraints of trade
// and monopolization, securities fraud and willful securities
// violations, foreign bribery, consumer-credit and credit-report crimes,
// odometer fraud, toxic-substances crimes. Title 29: labor union
// embezzlement and payoffs, ERISA reporting crimes. Title 42: Social
// Security and health-care program fraud and kickbacks, fair-housing
// intimidation, hazardous-waste and clean-air crimes.
var (
	criminal8  = textscan.Set("1253", "1306", "1324", "1325", "1326", "1327", "1328")
	criminal15 = textscan.Set("1", "2", "3", "77q", "77x", "78j", "78ff", "78dd-1", "78dd-2", "78dd-3", "80b-17", "1611", "1644", "1681q", "1990c", "2615")
	criminal29 = textscan.Set("186", "439", "501", "1131")
	criminal42 = textscan.Set("408", "1011", "1320a", "1320d", "1383a", "3631", "6928", "7413")
)

// moreSections matches each further section of a list ("and 220.16").
func moreSections(c *code) *textscan.Regexp {
	return moreSectionRes()[c.id]
}

var moreSectionRes = sync.OnceValue(func() map[string]*textscan.Regexp {
	m := map[string]*textscan.Regexp{}
	for _, c := range codes() {
		m[c.id] = textscan.Lazy(`(` + c.sec + `)` + subPat)
	}
	return m
})

// afterInitial reports whether before ends with a lone capital and a
// period, and maybe a blank: "W. ", "W.".
func afterInitial(before string) bool {
	b := strings.TrimSuffix(before, " ")
	n := len(b)
	return n >= 2 && b[n-1] == '.' && b[n-2] >= 'A' && b[n-2] <= 'Z' && (n == 2 || !isLetterByte(b[n-3]))
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
