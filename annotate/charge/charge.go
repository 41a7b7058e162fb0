package charge

import (
	"bufio"
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/casefile/casefile/annotate/internal/textscan"

	"github.com/casefile/casefile/schemas"
)

// Statute is a normalized citation of the United States Code or of one of
// the other codes this package knows (see codes.go).
type Statute struct {
	// Code is "" for the United States Code, else the id of a code of the
	// codes table: "ny-penal", "cal-hs", "ilcs", "cfr", ...
	Code    string
	Title   string // "18"; a titled code's title or chapter ("720" ILCS); else ""
	Section string // "1962", "265.03", "5/9-1"
	Sub     string // "(d)", "(a)(1)"
}

// String writes the citation in its code's canonical form: "18 U.S.C. §
// 1962(d)", "N.Y. Penal Law § 265.03", "720 ILCS 5/9-1(a)(1)".
func (s Statute) String() string {
	if s.Code == "" {
		return s.Title + " U.S.C. § " + s.Section + s.Sub
	}
	c := codeByID(s.Code)
	if c == nil {
		return s.Section + s.Sub
	}
	// A pretitle code cited without its title: "R.I. Gen. Laws § 11-23-1".
	return strings.TrimSpace(strings.NewReplacer("{t}", s.Title, "{s}", s.Section+s.Sub).Replace(c.canon))
}

var (
	sectionPat = `(\d{1,5}[A-Za-z]?)((?:\s?\([0-9A-Za-z]{1,4}\))*)`
	// 18 U.S.C. § 1962(d); 18 USC 1959(a)(1); 18 USC Section 1349;
	// 21 U.S.C. §§ 841(a)(1) and 846.
	uscCite = textscan.Lazy(`\b(\d{1,2})\s*U\.?\s?S\.?\s?C\.?(?:A\.?)?,?\s*(?:§§?|[Ss]ections?|[Ss]ecs?\.|[Ss]ec\.)?\s*` + sectionPat +
		`((?:\s*(?:,|and|&|or)\s*(?:§\s*)?\d{1,5}[A-Za-z]?(?:\s?\([0-9A-Za-z]{1,4}\))*)*)`)
	// Title 18, United States Code, Section 924(c)
	// A transcript says the subsection as a letter: "Section 1956 H".
	titleCite = textscan.Lazy(`\bTitle\s+(\d{1,2}),?\s+United\s+States\s+Code,?\s+(?:Sections?|§§?)\s*` + sectionPat + `(?:[ ]([A-Za-z])(?:[.,;)]|\n|$))?`)
	// § 924(c)(1)(A)(ii) with the title implied by the document; §
	// 7306-2.4(A) with the code of the citation before it.
	// A number broken at a hyphen at a line end ("§ 7303-\n4.3(B)") is
	// one number.
	bareCite = textscan.Lazy(`§§?\s*(\d{1,5}[A-Za-z]{0,3}(?:(?:[-.:/]|-[ \t]*\n\s*)\d{1,5}[A-Za-z]{0,2})*)` + subPat)
	// uscSection is the shape of a section of the United States Code.
	uscSection = textscan.Lazy(`^\d{1,5}(?:[A-Za-z]{1,3}-\d{1,3}[A-Za-z]?|[A-Za-z]{0,2})$`)
	// numberRange is a range of sections, "1961-1968".
	numberRange = textscan.Lazy(`^(\d{1,5})-\d{1,5}$`)
	moreCites   = textscan.Lazy(`(\d{1,5}[A-Za-z]?)((?:\s?\([0-9A-Za-z]{1,4}\))*)`)
)

// ParseCitations finds the citations in text of the U.S. Code and of the
// state and federal codes of the codes table ("N.Y. Penal Law § 265.03",
// "720 ILCS 5/9-1", "36 C.F.R. § 2.35(b)(2)"). A bare "§ 924(c)" takes the
// code and title of the last full citation before it, or title 18 of the
// U.S. Code when its number has that code's shape. Each returned match has
// the byte span of its text and the statutes it cites (several for "§§
// 841(a)(1) and 846"), in no particular order.
func ParseCitations(text string) []Citation {
	var out []Citation
	taken := make([]bool, len(text)+1)
	add := func(start, end int, st []Statute) bool {
		for k := start; k < end; k++ {
			if taken[k] {
				return false
			}
		}
		for k := start; k < end; k++ {
			taken[k] = true
		}
		out = append(out, Citation{Start: start, End: end, Statutes: st, civil: civilUSC(st[0]) || civilState(st[0], text[max(0, start-40):start])})
		return true
	}
	// Spans of code citations that are no charge: a "§" inside one
	// belongs to the code named there, not to the code cited before it.
	var rejected [][2]int
	stateCitations(text, strings.ToLower(text), add, func(start, end int) {
		rejected = append(rejected, [2]int{start, end})
	})
	for pos := 0; pos < len(text); {
		m := uscCite.Get().FindStringSubmatchIndex(text[pos:])
		if m == nil {
			break
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += pos
			}
		}
		title := text[m[2]:m[3]]
		st := []Statute{{Title: title, Section: text[m[4]:m[5]], Sub: compactSub(text[m[6]:m[7]])}}
		end := m[1]
		if m[8] < m[9] {
			more := text[m[8]:m[9]]
			for _, mm := range moreCites.Get().FindAllStringSubmatchIndex(more, -1) {
				// "§ 1341, 18 USC § 1349": the 18 starts a new citation.
				if rest := strings.TrimLeft(text[m[8]+mm[1]:], " "); strings.HasPrefix(rest, "U") {
					end = m[8] + mm[0]
					break
				}
				st = append(st, Statute{Title: title, Section: more[mm[2]:mm[3]], Sub: compactSub(more[mm[4]:mm[5]])})
			}
		}
		end = m[0] + len(strings.TrimRight(strings.TrimRight(text[m[0]:end], " ,"), " "))
		for _, w := range []string{" and", " or", " &"} {
			if strings.HasSuffix(text[m[0]:end], w) {
				end -= len(w)
			}
		}
		// A civil citation is dropped at the end, kept until then as the
		// context of bare citations and so that its "§ 1983" is not read
		// again alone.
		add(m[0], end, st)
		pos = max(end, m[0]+1)
	}
	for _, m := range titleCite.Get().FindAllStringSubmatchIndex(text, -1) {
		sub, end := compactSub(text[m[6]:m[7]]), m[7]
		if m[8] >= 0 && sub == "" {
			sub, end = "("+strings.ToLower(text[m[8]:m[9]])+")", m[9]
		}
		add(m[0], end, []Statute{{Title: text[m[2]:m[3]], Section: text[m[4]:m[5]], Sub: sub}})
	}
	// Whether the page speaks of criminal law is asked of each bare
	// section with no citation before it: answered once a page.
	criminal := sync.OnceValue(func() bool { return criminalPage(text) })
	for _, m := range bareCite.Get().FindAllStringSubmatchIndex(text, -1) {
		// Sentencing Guidelines sections are not statutes: "U.S.S.G. § 5E1.2".
		if before := text[max(0, m[0]-16):m[0]]; strings.Contains(before, "S.S.G") || strings.Contains(before, "USSG") || strings.Contains(before, "Guidelines") {
			continue
		}
		// Nor is a number with letters inside: "§ 5E1.2".
		if m[3] < len(text) && isDigit(text[m[3]]) {
			continue
		}
		if slices.ContainsFunc(rejected, func(r [2]int) bool { return r[0] <= m[0] && m[0] < r[1] }) {
			continue
		}
		if st, end, ok := bareStatute(text, m, out, criminal); ok {
			add(m[0], end, []Statute{st})
		}
	}
	kept := out[:0]
	for _, c := range out {
		if !c.civil {
			kept = append(kept, c)
		}
	}
	return kept
}

// bareStatute reads a bare "§ N" match m in the context of the citations
// found before it: the code and title of the nearest full one before it
// when the number has that code's shape, else title 18 (or the nearest
// title) of the U.S. Code when it has the U.S. Code's shape. A range
// ("§§ 1961-1968") cites its first section. criminal reports whether the
// page holds a word of criminal law (criminalPage).
func bareStatute(text string, m []int, found []Citation, criminal func() bool) (Statute, int, bool) {
	// "St. 2000, c. 159, § 230": a section given with its own chapter
	// belongs to a source no code pattern read (a session law), neither
	// to the code cited before it nor to title 18.
	if chapterBefore.MatchString(text[max(0, m[0]-24):m[0]]) {
		return Statute{}, 0, false
	}
	sec, sub := strings.Join(strings.Fields(text[m[2]:m[3]]), ""), compactSub(text[m[4]:m[5]])
	var ctx *Citation
	for i := range found {
		if c := &found[i]; c.End <= m[0] && len(c.Statutes) > 0 && (ctx == nil || c.End > ctx.End) {
			ctx = c
		}
	}
	// A "§" after the name of a source the codes table does not know
	// ("Cal. Civ. Code § 1714", "U.C.C. § 2-725") cites that source.
	named := namedSource(text[:m[0]])
	if ctx != nil && ctx.Statutes[0].Code != "" && !named {
		st := ctx.Statutes[0]
		if codePatterns()[st.Code].sec.Get().MatchString(sec) {
			return Statute{Code: st.Code, Title: st.Title, Section: sec, Sub: sub}, m[1], true
		}
	}
	title, cited := "18", false
	for _, c := range found {
		if c.End <= m[0] && len(c.Statutes) > 0 && c.Statutes[0].Code == "" {
			title, cited = c.Statutes[0].Title, true
		}
	}
	// The same section cited in full later on the page names its title:
	// "§ 1328 refers to 11 U.S.C. § 1328".
	for _, c := range found {
		if c.Start >= m[1] && len(c.Statutes) > 0 && c.Statutes[0].Code == "" && c.Statutes[0].Section == sec {
			title, cited = c.Statutes[0].Title, true
			break
		}
	}
	// With no U.S. Code citation before it, title 18 is only a guess: a
	// "§" after the name of a source the codes table does not know ("U.C.C.
	// § 2-725", "Art. I, § 10", "La. Civ. Code. § 3049") cites that source,
	// and a page with no word of criminal law ("§ 1635(a) of TILA") cites
	// a civil statute named elsewhere in the document.
	if named || !cited && !criminal() {
		return Statute{}, 0, false
	}
	if uscSection.Get().MatchString(sec) {
		if title == "18" && notTitle18(sec) {
			// "§ 1983" alone is the civil-rights section of title 42.
			title = "42"
		}
		return Statute{Title: title, Section: sec, Sub: sub}, m[1], true
	}
	if r := numberRange.Get().FindStringSubmatchIndex(sec); r != nil {
		return Statute{Title: title, Section: sec[r[2]:r[3]]}, m[2] + r[3], true
	}
	return Statute{}, 0, false
}

// chapterBefore is a chapter written just before a section: "c. 159, ",
// "ch. 12, ".
var chapterBefore = regexp.MustCompile(`\bch?\.\s*\d+[A-Za-z]?,\s*$`)

// namedSource reports whether before, the text before a bare "§", ends
// with the name of the source the section belongs to: a capitalized word
// or abbreviation, or a number ("Restatement (Second) of Contracts",
// "U.C.C.", "N.C. Sess. Law 2006-6,", "OKLA. CONST. art. 7,"), rather than
// running prose ("under", "violated", "of the") or a back reference ("Id.",
// "See"). The section is then not one of the U.S. Code.
func namedSource(before string) bool {
	before = strings.TrimRight(before, " \t")
	before = strings.TrimRight(strings.TrimSuffix(before, ","), " \t")
	i := strings.LastIndexAny(before, " \t\n(")
	w := before[i+1:]
	if w == "" {
		return false
	}
	if rest := strings.TrimRight(before[:i+1], " \t"); isDigit(w[0]) && (rest == "" || strings.HasSuffix(rest, "\n")) {
		return false // a pleading-paper line number
	}
	switch strings.TrimSuffix(strings.ToLower(w), ".") {
	case "id", "see", "cf", "section", "sections", "under", "and", "or", "also":
		return false
	}
	r := w[0]
	if r >= 'a' && r <= 'z' {
		// "art. 7," and "tit. 22," name a part of a source; other lower-case
		// words are prose.
		return strings.HasSuffix(before, ".") && len(w) <= 5 && strings.Count(w, ".") == 1 && w != "id."
	}
	return (r >= 'A' && r <= 'Z') || isDigit(r)
}

// criminalStems are stems of words that a page citing a criminal statute
// holds somewhere: narrower than criminalWords, which read the few words
// before one citation, because a civil page says "violated", "unlawful"
// and "finance charge" too.
var criminalStems = []string{"crim", "convict", "indict", "guilt", "prosecut", "felon", "misdemeanor", "sentenc", "offense", "offence", "imprison"}

// criminalPage reports whether text holds a word of criminal law.
func criminalPage(text string) bool {
	low := strings.ToLower(text)
	for _, w := range criminalStems {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// Citation is one citation in a text: its byte span and what it cites.
type Citation struct {
	Start, End int
	Statutes   []Statute
	civil      bool // a civil statute: context for bare citations, not returned
}

func compactSub(s string) string { return strings.ReplaceAll(s, " ", "") }

// statuteOffenses maps "title/section" to an offense name.
type statuteOffenses map[string]string

//go:embed statutes.tsv
var statutesTSV string

func loadStatutes() (statuteOffenses, error) {
	m := statuteOffenses{}
	sc := bufio.NewScanner(strings.NewReader(statutesTSV))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		p := strings.Split(line, "\t")
		if len(p) == 3 {
			m[p[0]+"/"+p[1]] = p[2]
		}
	}
	return m, sc.Err()
}

// offenses are the offense phrases recognized in text, longest first when
// matched; each may carry a degree ("second-degree Murder", "Murder in the
// Second Degree").
var offenses = []string{
	"conspiracy to commit murder", "conspiracy to commit mail fraud", "conspiracy to commit wire fraud",
	"conspiracy to distribute", "conspiracy to commit", "criminal attempt to commit",
	"possession with intent to distribute",
	"criminal possession of a weapon", "criminal possession of a controlled substance",
	"criminal sale of a controlled substance", "criminal use of a firearm", "murder in aid of racketeering",
	"racketeering conspiracy", "hobbs act robbery", "attempted murder", "attempted assault", "attempted robbery",
	"reckless endangerment", "gang assault", "weapons possession", "narcotics possession", "drug trafficking",
	"narcotics trafficking", "money laundering", "mail fraud", "wire fraud", "bank fraud", "health care fraud",
	"securities fraud", "tax evasion", "identity theft", "aggravated identity theft", "aiding and abetting",
	"sex trafficking", "human trafficking", "murder", "murders", "manslaughter", "homicide", "homicides",
	"assault", "assaults", "robbery", "robberies", "burglary", "kidnapping", "extortion", "racketeering", "rico",
	"arson", "carjacking", "bribery", "conspiracy", "perjury", "obstruction of justice", "fraud",
	"distribution of drugs", "drug distribution", "gunpoint robberies", "witness tampering", "stalking",
	"menacing", "criminal mischief", "illegal reentry", "criminal solicitation", "criminal sale of a firearm",
	"criminal possession of a firearm", "gun possession", "drug sales", "attempted gang assault",
	"criminal facilitation", "promoting prison contraband", "tampering with a witness",
}

//go:embed lexicon.txt
var lexiconTxt string

// offenseNames are the offenses list and the offense names of the
// generated lexicon (section headings of title 18 of the U.S. Code; see
// gen_lexicon.go), each once. Like the patterns built from them, they are
// made at first use rather than at the start of every casefile process.
var offenseNames = sync.OnceValue(func() []string {
	seen := map[string]bool{}
	var out []string
	for _, o := range offenses {
		if !seen[o] {
			seen[o] = true
			out = append(out, o)
		}
	}
	for _, line := range strings.Split(lexiconTxt, "\n") {
		o := strings.TrimSpace(line)
		if o == "" || strings.HasPrefix(o, "#") || seen[o] {
			continue
		}
		seen[o] = true
		out = append(out, o)
	}
	for _, o := range sexualVariants() {
		if !seen[o] {
			seen[o] = true
			out = append(out, o)
		}
	}
	return out
})

// sexualHeads are the offense heads that penal codes also name with
// "sexual" before them, an offense of its own: "sexual assault" (Texas,
// Colorado, Connecticut), "sexual battery" (Florida), "sexual abuse" (New
// York, title 18), "sexual misconduct" (New York); charging papers and
// transcripts also write "sex assault".
var sexualHeads = []string{"assault", "assaults", "battery", "abuse", "misconduct"}

// sexualVariants returns "sexual X" and "sex X" for each head of
// sexualHeads.
func sexualVariants() []string {
	var out []string
	for _, h := range sexualHeads {
		out = append(out, "sexual "+h, "sex "+h)
	}
	return out
}

var degreeWords = map[string]string{"first": "first", "1st": "first", "1": "first", "second": "second", "2nd": "second", "2": "second",
	"third": "third", "3rd": "third", "3": "third", "fourth": "fourth", "4th": "fourth", "4": "fourth", "fifth": "fifth", "5th": "fifth", "5": "fifth",
	"sixth": "sixth", "6th": "sixth", "6": "sixth", "seventh": "seventh", "7th": "seventh", "7": "seventh"}

// acronyms are the offense abbreviations of New York charging papers and
// police reports, matched only in capitals ("CPW 2nd", "CPCS 3").
var acronyms = map[string]string{
	"cpw":  "criminal possession of a weapon",
	"cpcs": "criminal possession of a controlled substance",
	"cscs": "criminal sale of a controlled substance",
	"cpsp": "criminal possession of stolen property",
}

// degPat is a degree as an ordinal; degSep joins it to "degree"
// ("second-degree", "second- degree" broken at a line end, "Second
// Degree").
const (
	degPat = `(?:first|second|third|fourth|fifth|sixth|seventh|1st|2nd|3rd|4th|5th|6th|7th)`
	degSep = `(?:-\s*|\s+)degree`
)

// offensePatterns are the offense pattern (re), the same anchored at the
// start after blanks (atRe) and without case folding (lowerRe).
type offensePatterns struct{ re, atRe, lowerRe *textscan.Regexp }

var offensePats = sync.OnceValue(func() offensePatterns {
	names := offenseNames()
	alts := make([]string, 0, len(names)+len(acronyms))
	for _, o := range names {
		// Words of a name also joined by a hyphen: "weapons-possession
		// offense", "drug-trafficking conspiracy".
		alts = append(alts, strings.ReplaceAll(regexp.QuoteMeta(o), " ", `(?:\s+|-\s*)`))
	}
	for a := range acronyms {
		alts = append(alts, a)
	}
	// Longest alternatives first: Go's regexp prefers the leftmost, then
	// the first listed.
	sortByLenDesc(alts)
	// An attempt before or after a leading degree ("Attempted second-degree
	// Murder", "second-degree Attempted Murder"); a coordinated degree
	// ("fourth- and fifth-degree conspiracy", "first-, second- and
	// third-degree criminal sale of a firearm") is the first one's. After the
	// offense: "in the Second Degree", "in the First and Second Degrees",
	// "3rd degree", "(second degree)", "2nd", "2", "2°".
	body := `\b(?:(?P<att1>attempted|att\.)\s+)?(?:(?P<d1>` + degPat + `)(?:-,\s*` + degPat + `)*(?:-?,?\s*(?:and|or)\s+` + degPat + `)?` + degSep + `\s+)?` +
		`(?:(?P<att2>attempted)\s+)?(?P<off>` + strings.Join(alts, "|") + `)\b` +
		`(?:\s+in\s+the\s+(?P<d2>` + degPat + `)(?:` + degSep + `\b|\s+and\s+` + degPat + `\s+degrees\b)` +
		`|\s+(?P<d3>` + degPat + `)` + degSep + `\b|\s*\((?P<d4>` + degPat + `)` + degSep + `\)` +
		`|\s+(?P<d5>1st|2nd|3rd|4th|5th|6th|7th)\b|\s+(?P<d6>[1-7])(?:\s?°|º)?)?`
	// offenseAtRe matches only at the start (after blanks), for the words
	// that follow "counts of".
	// offenseLowerRe runs on lower-cased text, without case folding,
	// which is several times faster.
	return offensePatterns{textscan.Lazy(`(?i)` + body), textscan.Lazy(`(?i)^\s*` + body), textscan.Lazy(body)}
})

// offenseGroups are the indexes of the named groups of the offense
// patterns (the same in all three).
var offenseGroups = sync.OnceValue(func() map[string]int {
	re := offensePats().re.Get()
	g := map[string]int{}
	for _, n := range []string{"att1", "att2", "d1", "off", "d2", "d3", "d4", "d5", "d6"} {
		g[n] = re.SubexpIndex(n)
	}
	return g
})

// The offense patterns anchored for findAt.
var (
	offenseAt      = sync.OnceValue(func() *textscan.Regexp { return textscan.Anchor(offensePats().re) })
	offenseLowerAt = sync.OnceValue(func() *textscan.Regexp { return textscan.Anchor(offensePats().lowerRe) })
)

func sortByLenDesc(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && len(s[j]) > len(s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// findCharges returns CHARGE entities of a page: offense phrases and
// statute citations, an offense and a citation next to each other
// ("criminal possession of a weapon in the second degree (Penal Law §
// 265.03)") sharing their offense and statute attributes.
func findCharges(p schemas.Page, statutes statuteOffenses) []schemas.Entity {
	text := p.Text
	lower := textscan.ToLowerASCII(text) // once a page: three readers want it
	var out []schemas.Entity
	var spans [][2]int // byte spans of out
	toRune := textscan.ByteToRune(text)
	add := func(s, e int, norm string, attrs *schemas.ChargeAttrs) {
		out = append(out, schemas.Entity{
			Type: schemas.Charge, Text: text[s:e], Page: p.Number,
			Start: toRune.At(s), End: toRune.At(e), Normalized: norm, Source: schemas.SourceRule, Attrs: attrs,
		})
		spans = append(spans, [2]int{s, e})
	}
	// The lowered pattern reads lower, whose offsets are text's. (A
	// Unicode-lowered copy of the same length is not enough: "ȺȺ" grows by
	// two bytes and a Kelvin sign shrinks by two.) Case folding also
	// matches the Kelvin sign and the long s as k and s, which ASCII
	// lowering keeps, so a page with either is read with the folding one.
	re, scan := offenseLowerAt(), lower
	if strings.ContainsAny(text, "\u212a\u017f") {
		re, scan = offenseAt(), text
	}
	var known []phrase
	for _, m := range textscan.FindAt(re, scan, offenseStarts(text), nil) {
		trimNumberDegree(text, m)
		offense, ok := offenseName(text, m)
		if !ok || categoryUse(text, m[0], m[1]) {
			continue
		}
		// "aggravated assault", "felony murder": a grade word before a
		// head named alone (no degree or attempt before it in the match).
		if i := offenseGroups()["off"]; m[2*i] == m[0] {
			if s, name, ok := gradedOffense(text, m[0], offense); ok {
				m[0], offense = s, name
			}
		}
		end := m[1]
		if !strings.Contains(offense, " degree") {
			if e, more := extendKnown(text, end, offense); more != "" {
				end, offense = e, offense+" "+more
			}
		}
		known = append(known, phrase{m[0], end, offense})
	}
	// A name read on over its object holds the object's own match:
	// "conspiracy to commit first degree murder" and its "murder".
	inner := make([]bool, len(known))
	for i, p := range known {
		for _, q := range known {
			if q.s <= p.s && p.e <= q.e && q.e-q.s > p.e-p.s {
				inner[i] = true
			}
		}
	}
	kept := known[:0]
	for i, p := range known {
		if !inner[i] {
			kept = append(kept, p)
		}
	}
	known = kept
	taken := func(s, e int) bool {
		for _, k := range known {
			if s < k.e && k.s < e {
				return true
			}
		}
		return false
	}
	dspans, names := degreeOffenses(text, lower, taken)
	var degrees []phrase
	for i, sp := range dspans {
		degrees = append(degrees, phrase{sp[0], sp[1], names[i]})
	}
	merged := mergePhrases(text, lower, known, degrees)
	for _, o := range append(merged, definedAcronyms(text, merged)...) {
		if objectFollows(text, o.e) || hyphenJoined(text, o.s, o.e) || assaultArm(text, o) {
			continue
		}
		add(o.s, o.e, o.name, &schemas.ChargeAttrs{Offense: o.name})
	}
	offenseCount := len(out)
	cites := []Citation(nil)
	if mayCite(text, lower) {
		cites = ParseCitations(text)
	}
	for _, c := range cites {
		st := c.Statutes[0]
		attrs := &schemas.ChargeAttrs{Statute: st.String()}
		if o, ok := statutes[st.Title+"/"+st.Section]; ok && st.Code == "" {
			attrs.Offense = o
		}
		if len(c.Statutes) > 1 {
			var all []string
			for _, s := range c.Statutes {
				all = append(all, s.String())
			}
			attrs.Statutes = all
		}
		add(c.Start, c.End, st.String(), attrs)
	}
	linkOffenses(text, out, spans, offenseCount)
	return out
}

// hyphenJoined reports whether the phrase text[s:e] is joined by a hyphen
// to a word before or after it: part of a compound that modifies a noun
// ("the crime-fraud exception", "fraud-loss computations") or of a web
// address's slug ("conspiracy-to-discredit-joe-biden"), not an offense
// named.
func hyphenJoined(text string, s, e int) bool {
	letter := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	return s >= 2 && text[s-1] == '-' && letter(text[s-2]) || e+1 < len(text) && text[e] == '-' && letter(text[e+1])
}

// assaultArms are the nouns "assault" qualifies in the name of a class
// of firearm ("an assault weapon", "assault rifles"), a closed class of
// form typed by hand.
var assaultArms = map[string]bool{"weapon": true, "weapons": true, "rifle": true, "rifles": true, "pistol": true, "pistols": true}

// assaultArm reports whether o, the offense "assault" named alone, is the
// first word of such a firearm's class: a gun sold or held, no offense.
func assaultArm(text string, o phrase) bool {
	if o.name != "assault" {
		return false
	}
	ts := tokensFrom(text, o.e, 1)
	return len(ts) == 1 && assaultArms[ts[0].lower] && strings.TrimSpace(text[o.e:ts[0].s]) == ""
}

// objectFollows reports whether an object pronoun follows byte offset e
// on its line: the words before it are a verb's, conduct and no offense's
// name ("Goss's failure to register him", "threatened to assault her").
func objectFollows(text string, e int) bool {
	ts := tokensFrom(text, e, 1)
	if len(ts) == 0 || strings.ContainsAny(text[e:ts[0].s], "\n") {
		return false
	}
	switch ts[0].lower {
	case "him", "her", "them", "me", "us":
		return true
	}
	return false
}

// linkOffenses gives a citation the offense named right before it, or in
// parentheses right after it, and that offense the citation's statute:
// "robbery in the first degree (Penal Law § 160.15)", "murder, in
// violation of 18 U.S.C. § 1111", "Penal Law § 265.03 (criminal
// possession of a weapon)". out[:offenses] are offenses, the rest
// citations; spans are their byte spans.
func linkOffenses(text string, out []schemas.Entity, spans [][2]int, offenses int) {
	for ci := offenses; ci < len(out); ci++ {
		cs := spans[ci]
		for oi := 0; oi < offenses; oi++ {
			os := spans[oi]
			var gap string
			switch {
			case os[1] <= cs[0] && cs[0]-os[1] <= 24:
				gap = text[os[1]:cs[0]]
			case cs[1] <= os[0] && os[0]-cs[1] <= 3:
				gap = text[cs[1]:os[0]]
				if strings.TrimSpace(gap) != "(" {
					continue
				}
			default:
				continue
			}
			if !linkGap(gap) {
				continue
			}
			ca, oa := out[ci].Attrs.(*schemas.ChargeAttrs), out[oi].Attrs.(*schemas.ChargeAttrs)
			if ca.Offense == "" {
				ca.Offense = oa.Offense
			}
			if oa.Statute == "" {
				oa.Statute = ca.Statute
			}
		}
	}
}

// linkGap reports whether the text between an offense and a citation
// joins them: blanks and punctuation, "in violation of", "under",
// "pursuant to".
func linkGap(gap string) bool {
	g := strings.Trim(gap, " \t\n,;:(–-")
	switch strings.Join(strings.Fields(strings.ToLower(g)), " ") {
	case "", "in violation of", "under", "pursuant to", "contrary to", "in violation of section", "a violation of":
		return true
	}
	return false
}

// mayCite reports whether text may hold a citation: a section sign, the
// U.S. Code's name, or a trigger of a code of the codes table. Most pages
// hold none, and the citation patterns run unanchored. lower is text
// lowered by textscan.ToLowerASCII.
func mayCite(text, lower string) bool {
	if strings.Contains(text, "§") || strings.Contains(text, "U.S.C") || strings.Contains(text, "USC") || strings.Contains(text, "United States Code") {
		return true
	}
	return slices.Contains(codeTriggers().triggered(text, lower), true)
}

// offenseName normalizes an offenseRe match: lower case, singular, RICO
// as racketeering, an acronym spelled out, an attempt as "attempted ...",
// the degree as "in the second degree". ok is false for a match that is no
// offense: an acronym not in capitals.
func offenseName(text string, m []int) (name string, ok bool) {
	g := offenseGroups()
	grp := func(n string) string {
		if i := g[n]; m[2*i] >= 0 {
			return text[m[2*i]:m[2*i+1]]
		}
		return ""
	}
	off := grp("off")
	offense := singularOffense(strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(off, "-", " ")), " ")))
	if offense == "rico" {
		// Initials, written in capitals: "Rico" is a name ("Puerto Rico").
		if off != "RICO" {
			return "", false
		}
		offense = "racketeering"
	}
	if full, ok := acronyms[offense]; ok {
		if strings.ToUpper(off) != off {
			return "", false
		}
		offense = full
	}
	if (grp("att1") != "" || grp("att2") != "") && !strings.HasPrefix(offense, "attempted ") {
		offense = "attempted " + offense
	}
	deg := ""
	for _, n := range []string{"d1", "d2", "d3", "d4", "d5", "d6"} {
		if d := grp(n); d != "" {
			deg = degreeWords[strings.ToLower(d)]
			break
		}
	}
	// ", second degree" after the name, as indictments and statutes
	// write it: the match m takes it in.
	if deg == "" {
		if d, end, ok := commaDegree(text, m[1]); ok {
			deg, m[1] = d, end
		}
	}
	if deg != "" {
		offense += " in the " + deg + " degree"
	}
	return offense, true
}

// commaDegreeRe matches ", second degree" (", 2nd-degree") at the start.
var commaDegreeRe = textscan.Lazy(`(?i)^,[ \t]*(` + degPat + `)` + degSep + `\b`)

// commaDegree reads a degree written after an offense's name and a comma
// at byte offset at ("Murder, Second Degree"): the degree's name and where
// it ends. A degree that opens the list's next offense ("murder, second
// degree assault") is not read: what follows must end the name
// (punctuation, "and", "or", the end of the text).
func commaDegree(text string, at int) (string, int, bool) {
	m := commaDegreeRe.Get().FindStringSubmatchIndex(text[at:])
	if m == nil {
		return "", 0, false
	}
	r := strings.TrimLeft(text[at+m[1]:], " \t")
	if r != "" && (r[0] >= 'a' && r[0] <= 'z' || r[0] >= 'A' && r[0] <= 'Z' || r[0] == '-') &&
		!strings.HasPrefix(r, "and ") && !strings.HasPrefix(r, "or ") {
		return "", 0, false
	}
	return degreeWords[strings.ToLower(text[at+m[2]:at+m[3]])], at + m[1], true
}

// classDegreeRe matches "felony" or "misdemeanor" at the start, after
// blanks.
var classDegreeRe = textscan.Lazy(`(?i)^[ \t]+(?:felony|felonies|misdemeanor|misdemeanors)\b`)

// classDegree drops from match m a degree written after the offense's
// name that grades a felony or misdemeanor instead: "18 Counts Title
// Fraud 3rd Degree Felony", "theft, second degree misdemeanor" (Florida's
// and Texas's classes) name theft and fraud, not their second or third
// degree.
func classDegree(text string, m []int) {
	g := offenseGroups()
	i := g["d3"]
	if m[2*i] < 0 || !classDegreeRe.Get().MatchString(text[m[1]:]) {
		return
	}
	m[1] = m[2*g["off"]+1]
	m[2*i], m[2*i+1] = -1, -1
}

// objectDegree gives a degree written after "... to commit" back to the
// offense it opens: "conspiracy to commit first degree murder" is no
// "conspiracy to commit in the first degree" and a "murder" beside it.
// The degree is dropped from match m, which then ends with the name.
func objectDegree(text string, m []int) {
	g := offenseGroups()
	off := g["off"]
	if m[2*off] < 0 || !strings.HasSuffix(strings.ToLower(text[m[2*off]:m[2*off+1]]), "to commit") {
		return
	}
	for _, n := range []string{"d2", "d3", "d4", "d5", "d6"} {
		if i := g[n]; m[2*i] >= 0 {
			m[2*i], m[2*i+1] = -1, -1
			m[1] = m[2*off+1]
		}
	}
}

// trimNumberDegree drops a bare number after an offense ("Murder 2")
// from match m when what follows shows it is no degree: a word or digit
// run on ("Murder 21"), or a lower-case word or a number after a blank
// ("assault 2 officers", "robbery 2 1998").
func trimNumberDegree(text string, m []int) {
	objectDegree(text, m)
	classDegree(text, m)
	i := offenseGroups()["d6"]
	if m[2*i] < 0 {
		return
	}
	rest := text[m[1]:]
	if rest == "" || strings.HasSuffix(text[:m[1]], "°") || strings.HasSuffix(text[:m[1]], "º") {
		return
	}
	if !textscan.IsWordByte(rest[0]) {
		r := strings.TrimLeft(rest, " \t")
		if r == "" || !(r[0] >= 'a' && r[0] <= 'z' || r[0] >= '0' && r[0] <= '9') {
			return
		}
	}
	m[1] = m[2*offenseGroups()["off"]+1]
	m[2*i], m[2*i+1] = -1, -1
}

func singularOffense(o string) string {
	switch o {
	case "murders":
		return "murder"
	case "homicides":
		return "homicide"
	case "assaults":
		return "assault"
	case "robberies", "gunpoint robberies":
		return "robbery"
	case "sexual assaults", "sex assaults":
		return "sexual assault"
	}
	// "sex assault" is written for "sexual assault"; "sex trafficking"
	// is a name of its own.
	if rest, ok := strings.CutPrefix(o, "sex "); ok && slices.Contains(sexualHeads, rest) {
		return "sexual " + rest
	}
	return o
}

// countHeading: "COUNT ONE", "Count 3" at the start of a line.
var countHeading = textscan.Lazy(`(?m)^[\t ]*(?:COUNT|Count)[\t ]+(\d{1,3}|[A-Za-z]+(?:-[A-Za-z]+)?)\b`)

// attachCounts sets the count of charges that follow a count heading.
func attachCounts(p schemas.Page, charges []schemas.Entity) {
	// The heading pattern, anchored at line starts, runs at every byte:
	// a page with no charge, or no heading's word, is not read.
	if len(charges) == 0 || !strings.Contains(p.Text, "COUNT") && !strings.Contains(p.Text, "Count") {
		return
	}
	toRune := textscan.ByteToRune(p.Text)
	type heading struct {
		at int
		n  float64
	}
	var hs []heading
	for _, m := range countHeading.Get().FindAllStringSubmatchIndex(p.Text, -1) {
		if n, ok := textscan.ParseNumber(p.Text[m[2]:m[3]]); ok && n > 0 {
			hs = append(hs, heading{toRune.At(m[0]), n})
		}
	}
	for i := range charges {
		for _, h := range hs {
			if h.at <= charges[i].Start {
				charges[i].Attrs.(*schemas.ChargeAttrs).Count = h.n
			}
		}
	}
}

// offenseStarters are the first words of offense phrases and degrees.
var offenseStarters = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, o := range offenseNames() {
		m[strings.Fields(o)[0]] = true
	}
	for d := range degreeWords {
		m[d] = true
	}
	for a := range acronyms {
		m[a] = true
	}
	m["attempted"], m["att"] = true, true
	return m
})

// offenseStarts returns the byte offsets of words that can begin an
// offense phrase.
func offenseStarts(text string) []int {
	return textscan.WordStarts(text, 0, func(w, _ string) bool { return offenseStarters()[w] })
}

// Finder finds charges: offenses named in words and statute citations,
// with the offense a cited section defines and the count heading each
// falls under. It holds only read-only tables: safe for concurrent use.
type Finder struct {
	statutes statuteOffenses
}

// New loads the statute table. Load it once per process.
func New() (*Finder, error) {
	st, err := loadStatutes()
	if err != nil {
		return nil, fmt.Errorf("charge: statutes: %w", err)
	}
	return &Finder{statutes: st}, nil
}

// Find returns the charges of a page, in order of position, with code-point
// spans into its text.
func (f *Finder) Find(p schemas.Page) []schemas.Entity {
	charges := findCharges(p, f.statutes)
	attachCounts(p, charges)
	return charges
}

// OffenseAt reads an offense named at the start of s: where it ends (a byte
// offset into s) and its normalized name ("criminal use of a firearm in the
// first degree").
func OffenseAt(s string) (end int, name string, ok bool) {
	m := offensePats().atRe.Get().FindStringSubmatchIndex(s)
	if m == nil {
		return 0, "", false
	}
	trimNumberDegree(s, m)
	if name, ok = offenseName(s, m); !ok {
		return 0, "", false
	}
	return m[1], name, true
}

// NameAt reads the offense named at the start of s (after blanks) with
// every reader of a page: listed names with their grade, degree and
// tails, offenses named by their degree alone ("second-degree forgery",
// "first-degree unlawful transaction with a minor") and court language's
// phrases. It returns the name's end in s (a byte offset) and its
// normalized name; citations are not read.
func NameAt(s string) (end int, name string, ok bool) {
	lead := len(s) - len(strings.TrimLeft(s, " \t\n"))
	for _, e := range findCharges(schemas.Page{Text: s}, nil) {
		a, isCharge := e.Attrs.(*schemas.ChargeAttrs)
		if !isCharge || a.Offense == "" || a.Statute != "" {
			continue
		}
		bs := len(string([]rune(s)[:e.Start]))
		if bs != lead {
			continue
		}
		return bs + len(e.Text), a.Offense, true
	}
	return 0, "", false
}

// PhraseAt reads the offense phrase that starts s (after blanks) the way
// court language introduces one ("counts of carrying a dangerous
// weapon"), for the offenses no list names; OffenseAt reads listed names
// only. It returns the phrase's end in s and its name.
func PhraseAt(s string) (end int, name string, ok bool) {
	ts := tokensFrom(s, 0, maxPhraseWords+8)
	if len(ts) == 0 {
		return 0, "", false
	}
	p, _, _, ok := readItem(ts, 0)
	if !ok && ts[0].kind == 'w' && !notPhraseStart[ts[0].lower] && !genericWords[ts[0].lower] && degreeAfterRe.MatchString(s[ts[0].e:]) {
		// "threatening in the second degree": one word that a degree
		// makes an offense's name.
		p, ok = phrase{ts[0].s, ts[0].e, ts[0].lower}, true
	}
	if !ok || p.s != ts[0].s {
		return 0, "", false
	}
	if m := degreeAfterRe.FindStringSubmatchIndex(s[p.e:]); m != nil {
		// "threatening in the second degree": the degree is the
		// offense's (A3).
		return p.e + m[1], p.name + " in the " + strings.ToLower(s[p.e+m[2]:p.e+m[3]]) + " degree", true
	}
	return p.e, p.name, true
}

// degreeAfterRe is a degree written after an offense phrase.
var degreeAfterRe = regexp.MustCompile(`^\s+in\s+the\s+(` + degPat + `)\s+degree\b`)

// notTitle18 reports whether a bare section number cannot be one of title
// 18 of the U.S. Code: no section of title 18 is numbered from 1969 to
// 1990 (chapter 96 ends at 1968, chapter 101 starts at 2071), and 1981
// to 1988 are the civil-rights sections of title 42, cited bare in civil
// opinions.
func notTitle18(sec string) bool {
	n := 0
	for i := 0; i < len(sec) && isDigit(sec[i]); i++ {
		n = n*10 + int(sec[i]-'0')
	}
	return n >= 1969 && n <= 1990
}

// A charging list in a release gives each charge a line of its own: a
// bullet, the number of counts, "Count(s)" and the offense's name in title
// case, and after it, in Florida's form, the class of felony ("• 18
// Counts Title Fraud 3rd Degree Felony", "• 1 Count Attempted Sexual
// Battery"). The name is read to the class or the line's end: title-case
// words with the small words of names inside ("Promoting Sexual
// Performance by a Child", "Interference with Custody"). No list of
// offenses is needed: the line's form marks the name.

// countLineRe matches a count line's start up to the offense's name: the
// line's start, an optional bullet, a number in digits or words,
// "Count(s)" and blanks.
var countLineRe = textscan.Lazy(`(?m)^[ \t]*(?:[•·▪◦*–-][ \t]*)?(?:\d{1,3}|(?i:one|two|three|four|five|six|seven|eight|nine|ten))[ \t]+(?:Counts?|counts?|COUNTS?)[ \t]+`)

// titleSmallWords may stand inside a name in title case.
var titleSmallWords = textscan.Set("of", "to", "a", "an", "the", "by", "with", "for", "in", "on", "and", "or", "from", "upon", "while")

// countLineOffenses returns the offenses named on the count lines of a
// page (see countLineRe); lower is text lowered by textscan.ToLowerASCII.
func countLineOffenses(text, lower string) []phrase {
	if !strings.Contains(lower, "count") {
		return nil
	}
	var out []phrase
	for _, m := range countLineRe.Get().FindAllStringIndex(text, -1) {
		if e, name, ok := CountLineOffenseAt(text[m[1]:]); ok {
			out = append(out, phrase{m[1], m[1] + e, name})
		}
	}
	return out
}

// CountLineOffenseAt reads the offense's name that starts s on a count
// line, after "N Counts " (see countLineRe): title-case words and the
// small words between them, up to the line's end, a felony's class
// ("3rd Degree Felony", "Felony") or a word in lower case or digits. It
// returns the name's end in s (a byte offset) and its name, lower case.
// A word "of" first is skipped: the lower-case form "3 counts of X" is
// the readers' of court language.
func CountLineOffenseAt(s string) (end int, name string, ok bool) {
	ts := tokensFrom(s, 0, 16)
	var words []string
	last := -1
	for i, t := range ts {
		if i > 0 && strings.Contains(s[ts[i-1].e:t.s], "\n") {
			break
		}
		if t.kind == 'p' && t.lower == "/" {
			continue // "Human Trafficking/Coerce Comm Sex"
		}
		if t.kind != 'w' {
			break
		}
		if degreeWords[t.lower] != "" && i+1 < len(ts) && ts[i+1].lower == "degree" || t.lower == "felony" || t.lower == "misdemeanor" {
			break
		}
		if !t.cap {
			if len(words) == 0 || !titleSmallWords[t.lower] {
				break
			}
			words = append(words, t.lower)
			continue
		}
		if isDigitWord(t.lower) {
			break
		}
		words = append(words, t.lower)
		last = i
	}
	if last < 0 {
		return 0, "", false
	}
	n := 0
	for i := 0; i <= last; i++ {
		if ts[i].kind == 'w' {
			n++
		}
	}
	words = words[:n]
	return ts[last].e, strings.Join(words, " "), true
}
