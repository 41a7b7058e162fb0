package annotate

import (
	"strings"
	"unicode"

	"github.com/casefile/casefile/annotate/internal/textscan"

	"github.com/casefile/casefile/schemas"
)

// The court-aware rules for PERSON, PLACE and ORGANIZATION. They work on
// splitWords tokens of a page. Order matters: organizations first
// (a place or a person inside an organization's name is not one), then
// places (a place fused into a title is not one), then people.

// titles come before names and are not part of them. Multi-word titles
// are matched on their last word plus the words before it.
var titleWords = textscan.Set("judge", "justice", "detective", "det.", "officer", "sergeant", "sgt.", "lieutenant", "lt.",
	"captain", "capt.", "inspector", "chief", "commissioner", "attorney", "agent", "mr.", "mrs.", "ms.", "dr.",
	"hon.", "honorable", "mayor", "governor", "gov.", "senator", "president", "prosecutor", "trooper", "deputy",
	"sheriff", "marshal", "director", "investigator", "defendant", "counsel", "reporter", "clerk", "witness",
	"judges", "justices", "detectives", "officers", "agents", "attorneys", "assistants", "analysts", "investigators",
	"sergeants", "lieutenants", "captains", "inspectors", "chiefs", "defendants", "analyst", "assistant",
	"paralegal", "paralegals", "specialist", "specialists", "supervisor", "member", "members", "aide",
	// Prosecutors and officials as releases and letters name them.
	"da", "das", "ada", "adas", "d.a.", "d.a.s", "a.d.a.", "dda", "general", "solicitor", "congressman",
	"congresswoman", "rep.", "sen.", "representative", "assemblyman", "assemblywoman", "councilman", "councilwoman",
	"councilmember", "professor", "prof.", "commander", "superintendent", "warden", "magistrate", "secretary")

// stopCaps are capitalized words that are never part of a person's name.
var stopCaps = textscan.Calendar("presiding", "opinion", "syllabus", "court", "district", "county", "state", "states", "united", "america", "government", "defendant",
	"defendants", "plaintiff", "plaintiffs", "appellant", "appellee", "petitioner", "respondent", "office", "department",
	"police", "attorney", "attorneys", "judge", "justice", "honorable", "the", "a", "an", "and", "of", "for", "in", "on",
	"count", "counts",
	"section", "page", "case", "document", "filed", "order", "motion", "exhibit", "id", "no.", "mr.", "ms.", "mrs.",
	"i", "i'm", "i’m", "i've", "i’ve", "i'll", "i’ll", "i'd", "i’d", "we", "he", "she", "they", "it", "his", "her", "this", "that", "these", "those", "you", "your", "our",
	"press", "release", "immediate", "contact", "indictment", "indicted", "charged", "today", "according", "also",
	"supreme", "circuit", "appeals", "federal", "gang", "crew", "street", "avenue", "road", "boulevard", "city", "town",
	"new", "york", "bronx", "queens", "manhattan", "brooklyn", "nypd", "fbi", "dea", "s", "government’s", "court’s",
	"social", "security", "docket", "number", "currently", "incarcerated", "park", "courthouse", "floor", "messages",
	"text", "video", "fax", "phone", "email", "tel", "telephone", "evid", "exhibits", "see", "per", "curiam", "miss",
	"allegedly", "shot", "engaged", "certificate", "date", "appt", "bureau", "division", "squad", "squads", "senior",
	"commanding", "intelligence", "probation", "field", "financial", "sanctions", "charges", "unit", "team",
	// Ranks before a title, never a name: "BECKWITH, Associate Judges",
	// "Heegan, Associate Commissioner Jay Flaherty", "Executive Team".
	"associate", "executive",
	// A release's headline verb after its subject's name: "DA John
	// Creuzot Announces the Exoneration of", "Judge Dismisses Indictment
	// Against ...": the verbs of courts' and prosecutors' acts, in the
	// third person, a closed class typed by hand (none a surname or
	// given name of the name lists).
	"announces", "dismisses", "denies", "grants", "upholds", "affirms", "reverses", "orders", "sentences", "convicts",
	"indicts", "rejects", "vacates", "overturns",
	// An opinion's disposition under its author's line, in capitals:
	// "OPINION OF THE COURT BY JUSTICE LAMBERT" / "REVERSING, REINSTATING,
	// & REMANDING". A closed class of labels, typed by hand.
	"affirming", "reversing", "remanding", "reinstating", "vacating", "affirmed", "reversed", "remanded", "vacated",
	// The sovereign as a party: "People v. Jones", "Commonwealth v. Smith".
	"people", "commonwealth",
	// The names of a state's laws and an office's holder pro tem, read as
	// a name after a title ("General Statutes § 17a-593", "Kenealy,
	// Acting Attorney General").
	"statutes", "acting",
	// Offices of attorney lists: "Deputy State Public Defender", "Assistant
	// Appellate Defender", "Assistant State's Attorney".
	"defender", "defenders", "appellate", "state's", "state’s")

// span is a half-open range of words.
type wordSpan struct {
	from, to int
	typ      schemas.EntityType
	norm     string
	source   string
	rule     string // the rule that found it, for counting firings
}

// lineNumber reports whether ws[i] is the number that starts a line of
// pleading paper or a numbered list.
func lineNumber(ws []word, i int) bool {
	if i > 0 && ws[i-1].line == ws[i].line {
		return false
	}
	for _, r := range ws[i].text {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// nameWord: capitalized, not punctuation.
func nameWord(w word) bool {
	return !w.punct && (w.capitalized() || w.capsLine && w.text != strings.ToLower(w.text))
}

func anyTaken(taken []bool, from, to int) bool {
	for k := from; k < to && k < len(taken); k++ {
		if taken[k] {
			return true
		}
	}
	return false
}

// findPeople runs the person rules over one page's words: names after
// titles and role nouns, before alias markers and ages, with a middle
// initial, after a known given name, as parties of cited cases and
// judges of a panel or before a judicial title.
// Words in taken (organizations, places) are never part of a name.
func findPeople(ws []word, taken []bool, given map[string]bool) []wordSpan {
	f := &peopleFinder{ws: ws, taken: taken, mark: make([]bool, len(ws)), given: given}
	f.beforeAliasOrAge()
	f.afterTitles()
	f.roleApposition()
	f.calledName()
	f.initialed()
	f.afterGivenNames()
	f.caseParties()
	f.panel()
	f.beforeJudicialTitle()
	return f.out
}

// peopleFinder holds one page's words while the person rules run.
type peopleFinder struct {
	ws    []word
	taken []bool // in an organization or a place
	mark  []bool // in a person already
	given map[string]bool
	out   []wordSpan
}

// add records ws[from:to] as a person once trimmed, unless it overlaps a
// name already found or does not look like one.
func (f *peopleFinder) add(from, to int, rule string) bool {
	ws := f.ws
	from, to = trimName(ws, from, to)
	if to-from == 0 || anyTaken(f.taken, from, to) || anyTaken(f.mark, from, to) || !plausibleName(ws[from:to]) || modelYear(ws, from) {
		return false
	}
	// "and J. Kirk Brown, Lincoln": a first initial before the given name
	// belongs to the name, where a list's comma or conjunction (or the
	// line's start) stands before it.
	if k := from - 1; rule == "given-name" && k >= 0 && ws[k].initial() && strings.HasSuffix(ws[k].text, ".") && ws[k].line == ws[from].line &&
		!f.taken[k] && !f.mark[k] && (k == 0 || ws[k-1].line != ws[k].line || ws[k-1].text == "," || ws[k-1].text == "&" || ws[k-1].lower() == "and") {
		from = k
	}
	if streetOrFacility(ws, to) || streetAbbreviations[strings.TrimSuffix(ws[to-1].lower(), ".")] || houseNumbered(ws, from) {
		return false // "Thomas F. Eagleton Courthouse", "Roy Wilkins Park", "Walton Ave"
	}
	for k := from; k < to; k++ {
		f.mark[k] = true
	}
	f.out = append(f.out, wordSpan{from: from, to: to, typ: schemas.Person, source: schemas.SourceRule, rule: rule})
	return true
}

// houseNumbered reports whether ws[from] follows a house number in a
// residence given after a person's name and age, "Tanisha Minor, 26, of
// 416 Whitney Chase, Stone Mountain": the words are a street's (A7).
func houseNumbered(ws []word, from int) bool {
	return from >= 4 && textscan.IsDigits(ws[from-1].text) && ws[from-2].text == "of" && ws[from-3].text == "," &&
		textscan.IsDigits(ws[from-4].text) && len(ws[from-4].text) <= 3 && ws[from-4].line == ws[from].line
}

// roleNouns name people by their part in a case; in lower case they still
// introduce names: "defendants Davey, Rodriguez and Probst".
var roleNouns = textscan.Set("defendant", "defendants", "co-defendant", "co-defendants", "codefendant", "codefendants",
	"plaintiff", "plaintiffs", "petitioner", "petitioners", "respondent", "respondents", "appellant", "appellants",
	"inmate", "inmates", "prisoner", "prisoners", "witness", "witnesses", "victim", "victims", "decedent",
	"officer", "officers", "detective", "detectives", "agent", "agents", "deputy", "deputies", "juror")

// personNouns name a person by kind, before the name a filing says they
// went by: "a man called Sparky" (a closed class, typed by hand).
var personNouns = textscan.Set("man", "woman", "boy", "girl", "guy", "person", "individual", "male", "female", "someone",
	"somebody", "friend", "acquaintance")

// calledName finds the name after a person noun and "called", "nicknamed"
// or "known as": "a man called Sparky", "a woman known as Tiny". The name
// is the one the person went by (A9), whatever it looks like.
func (f *peopleFinder) calledName() {
	ws := f.ws
	for i := 1; i+1 < len(ws); i++ {
		l := ws[i].lower()
		j := i + 1
		if l == "known" && ws[j].lower() == "as" {
			j++
		} else if l != "called" && l != "nicknamed" {
			continue
		}
		if !personNouns[ws[i-1].lower()] || ws[i-1].capitalized() || j >= len(ws) || ws[j].line != ws[i].line ||
			!ws[j].capitalized() || ws[j].capsLine || !personWord(ws[j]) {
			continue
		}
		f.add(j, f.nameEnd(j), "called")
	}
}

// roleApposition finds a name set off by commas after a singular role
// noun: "A third defendant, Zameer Khan, of Arverne", "the victim, Damond
// Wittman, was". Both commas are needed: "the defendant, Smith argues" is
// no apposition.
func (f *peopleFinder) roleApposition() {
	ws := f.ws
	for i := 0; i+3 < len(ws); i++ {
		l := ws[i].lower()
		if !roleNouns[l] || strings.HasSuffix(l, "s") || ws[i+1].text != "," || !ws[i+2].capitalized() || ws[i+2].line != ws[i].line {
			continue
		}
		k := f.nameEnd(i + 2)
		if k > i+3 && k < len(ws) && ws[k].text == "," && ws[k-1].line == ws[i].line {
			f.add(i+2, k, "role-apposition")
		}
	}
}

// afterTitles finds names after a title or role noun ("Detectives Brian
// Green, Carlos Pineda and Sonja Jamelo"), after /s/ and after a/k/a.
func (f *peopleFinder) afterTitles() {
	ws := f.ws
	for i := 0; i < len(ws); i++ {
		l := ws[i].lower()
		trigger := titleWords[l] && (ws[i].capitalized() || strings.HasSuffix(l, ".")) || l == "/s/" ||
			aliasMarkers[l] || roleNouns[l] && i+1 < len(ws) && ws[i+1].capitalized() || knownAs(ws, i)
		if l == "s" && i >= 1 && i+1 < len(ws) && ws[i-1].text == "/" && ws[i+1].text == "/" {
			i++
			trigger = true
		}
		if !trigger {
			continue
		}
		rule := "title"
		if aliasMarkers[l] || knownAs(ws, i) {
			rule = "alias"
		}
		// A title may govern a list.
		j := i + 1
		for {
			for j < len(ws) && (ws[j].text == "“" || ws[j].text == "\"" || ws[j].text == "‘") {
				j++
			}
			k := f.nameEnd(j)
			if k == j {
				break
			}
			// A caption's "v." after a party's role ("SMITH APPELLANT" /
			// "V.") is no name.
			if k == j+1 && (ws[j].lower() == "v." || ws[j].lower() == "vs.") {
				break
			}
			// A title in a margin's column ("Deleted: Defendants" of a
			// redline) governs no name on the next line of the text.
			if ws[j].line != ws[i].line && !firstColumn(ws, i) {
				break
			}
			// Nor does a role noun of the text govern a word across a
			// column's gap ("Plaintiff       Deleted: 51", a redline's
			// margin); a form's title does ("Deputy Clerk      CMJ").
			if roleNouns[l] && columnEdge(ws, j) {
				break
			}
			// "Hon. Nancy Torresen, U.S. District Judge": after the list's
			// first name, words that open a title are the title.
			if j > i+1 && k < len(ws) && ws[k].line == ws[j].line && (titleWords[ws[k].lower()] || judgeKinds[ws[k].lower()]) {
				break
			}
			f.add(j, k, rule)
			switch {
			case k+1 < len(ws) && ws[k].text == "," && ws[k+1].lower() == "and":
				j = k + 2
			case k < len(ws) && (ws[k].text == "," || ws[k].lower() == "and"):
				j = k + 1
			default:
				j = len(ws)
			}
		}
	}
}

// firstColumn reports whether ws[i] stands in its line's first column:
// no column's gap between it and the line's start.
func firstColumn(ws []word, i int) bool {
	for k := i; k > 0 && ws[k-1].line == ws[i].line; k-- {
		if columnEdge(ws, k) {
			return false
		}
	}
	return true
}

// knownAs reports whether ws[i] ends "also known as" (or "a.k.a." spelled
// out after a comma: ", known as"), which introduces an alias as a/k/a
// does: "MARCUS REED, also known as “Bird,”".
func knownAs(ws []word, i int) bool {
	if i < 2 || ws[i].lower() != "as" || ws[i-1].lower() != "known" {
		return false
	}
	p := ws[i-2].lower()
	return p == "also" || p == ","
}

// aliasMarkers introduce another name of the same person.
var aliasMarkers = textscan.Set("a/k/a", "aka", "a.k.a.", "a.k.a", "f/k/a", "fka")

// beforeAliasOrAge finds names a defendant list gives with an alias or an
// age after them: "HISWAN SIMMONS, a.k.a. “Codac,” 22," and "Irina
// Zeltser, 66, and Karina Andriyan, 38".
func (f *peopleFinder) beforeAliasOrAge() {
	ws := f.ws
	for k := 1; k < len(ws); k++ {
		m := k
		if ws[k].text == "," && k+1 < len(ws) {
			m = k + 1
		}
		if !aliasMarkers[ws[m].lower()] && !(m > k && age(ws, m)) {
			continue
		}
		from := k
		for from > 0 && k-from < 4 && personWord(ws[from-1]) && ws[from-1].line == ws[k-1].line && !f.taken[from-1] {
			from--
			if from > 0 && ws[from].start-ws[from-1].end >= 3 {
				break // a column gap
			}
		}
		if k-from >= 2 || k-from == 1 && aliasMarkers[ws[m].lower()] && isAllUpper(ws[from].text) {
			f.add(from, k, "alias-or-age")
		}
	}
}

// age reports whether ws[i] is an age after a name: a number from 12 to
// 110 closing its phrase (a comma, "of", "and", a stop or the line's end).
func age(ws []word, i int) bool {
	if !textscan.IsDigits(ws[i].text) || len(ws[i].text) > 3 {
		return false
	}
	n := textscan.Atoi(ws[i].text)
	if n < 12 || n > 110 {
		return false
	}
	if i+1 == len(ws) || ws[i+1].line != ws[i].line {
		return true
	}
	switch ws[i+1].lower() {
	case ",", "of", "and", ".", ")", ";", "years", "year-old":
		return true
	}
	return false
}

// initialed finds names with a middle initial, as signature blocks and
// lists of counsel write them: "Elisabeth A. Shumaker", "McGREGOR W.
// SCOTT", "A. J. Kramer".
func (f *peopleFinder) initialed() {
	ws := f.ws
	for i := 0; i+2 < len(ws); i++ {
		a, b, c := ws[i], ws[i+1], ws[i+2]
		if a.line != b.line || f.mark[i] || f.taken[i] || !personWord(a) || !strings.HasSuffix(b.text, ".") || !b.initial() {
			continue
		}
		if c.initial() && i+3 < len(ws) && ws[i+3].line == c.line { // "A. J. Kramer"
			c = ws[i+3]
		}
		if !personWord(c) || c.initial() || len([]rune(c.text)) < 2 {
			continue
		}
		// Initials in capitals in running text and a capitalized word on
		// the next line are an abbreviation and a sentence's first word:
		// "and PFO I." / "Following a jury trial".
		if allCaps(a.text) && !a.capsLine && c.line != b.line && !allCaps(c.text) {
			continue
		}
		if k := f.nameEnd(i); k > i+2 && f.add(i, k, "initial") {
			i = k - 1
		}
	}
}

// afterGivenNames finds a known given name and the surname after it:
// "Newton Mendys", "Charlayne M. White", with a second given name before
// it ("Vicente David Romero").
func (f *peopleFinder) afterGivenNames() {
	ws := f.ws
	for i := 0; i < len(ws); i++ {
		if !f.given[ws[i].lower()] || !nameWord(ws[i]) || f.mark[i] || f.taken[i] {
			continue
		}
		k := f.nameEnd(i)
		if k-i < 2 {
			continue
		}
		from := i
		if p := i - 1; p >= 0 && f.given[ws[p].lower()] && personWord(ws[p]) && ws[p].line == ws[i].line && !f.mark[p] && !f.taken[p] {
			from = p
		}
		f.add(from, k, "given-name")
		i = k - 1
	}
}

// caseParties finds the parties of cited cases: "United States v.
// Booker", "Old Chief v. United States", and a minor's initials after "In
// re" ("In re M.B.", guidelines A9).
func (f *peopleFinder) caseParties() {
	ws := f.ws
	for i := 0; i < len(ws); i++ {
		if i+2 < len(ws) && ws[i].text == "In" && ws[i+1].text == "re" && initialsWord(ws[i+2].text) {
			f.add(i+2, i+3, "case-party")
			continue
		}
		if l := ws[i].lower(); l != "v." && l != "vs." && l != "versus" {
			continue
		}
		if ws[i].text == "V." && (i == 0 || ws[i-1].line != ws[i].line || lineNumber(ws, i-1)) {
			continue // "V. Conclusion": a heading's numeral
		}
		if k := captionParty(ws, i+1); k > i+2 {
			f.replace(i+1, k, "case-party")
		} else if k := f.nameEnd(i + 1); k > i+1 {
			f.add(i+1, k, "case-party")
		}
		j := i
		for j > 0 && i-j < 4 && personWord(ws[j-1]) && ws[j-1].line == ws[i].line {
			j--
		}
		if j < i && ws[j].capsLine && (j == 0 || ws[j-1].line != ws[j].line) {
			f.replace(j, i, "case-party")
		} else if j < i {
			f.add(j, i, "case-party")
		}
	}
}

// captionParty returns the end of a party's name in capitals that runs
// from ws[from] to its line's end (or a comma), two to four name words:
// "STATE OF ARIZONA v. ESGARDO JAVIER NEVAREZ", where case does not tell
// the name's end and a given name inside it would start another; or from.
func captionParty(ws []word, from int) int {
	if from >= len(ws) || !ws[from].capsLine {
		return from
	}
	k := from
	for k < len(ws) && k-from < 4 && ws[k].line == ws[from].line && personWord(ws[k]) && ws[k].lower() != "et" {
		k++
	}
	if k-from < 2 || k < len(ws) && ws[k].line == ws[from].line && ws[k].text != "," {
		return from
	}
	return k
}

// replace records ws[from:to] as a person in place of the names found
// inside it (a caption's party in capitals read whole, where the given
// names rule took part of it); names crossing its ends stay.
func (f *peopleFinder) replace(from, to int, rule string) bool {
	kept := f.out[:0:0]
	var dropped []wordSpan
	for _, s := range f.out {
		if from <= s.from && s.to <= to {
			dropped = append(dropped, s)
			continue
		}
		kept = append(kept, s)
	}
	for _, s := range dropped {
		for k := s.from; k < s.to; k++ {
			f.mark[k] = false
		}
	}
	out := f.out
	f.out = kept
	if f.add(from, to, rule) {
		return true
	}
	// Not a name after all: the names found stay as they were.
	for _, s := range dropped {
		for k := s.from; k < s.to; k++ {
			f.mark[k] = true
		}
	}
	f.out = out
	return false
}

// initialsWord reports whether s is a person's initials: two or three
// capitals, each with its period ("M.B.", "J.M.", "A.B.C."; the last
// period may be missing).
func initialsWord(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 'A' || c > 'Z' {
			return false
		}
		n++
		i++
		if i < len(s) && s[i] != '.' {
			return false
		}
		if i == len(s) && n < 2 {
			return false
		}
	}
	return n >= 2 && n <= 3
}

// panel finds the judges of a panel: "Before MELLOY, BEAM, and SHEPHERD,
// Circuit Judges."
func (f *peopleFinder) panel() {
	ws := f.ws
	for i := 0; i < len(ws); i++ {
		if ws[i].lower() != "before" {
			continue
		}
		var names [][2]int
		j := i + 1
		if j < len(ws) && ws[j].text == ":" {
			j++ // "Before: BROWN and KAVANAUGH, Circuit Judges"
		}
		for j < len(ws) && j-i < 20 {
			if ws[j].text == "," || ws[j].lower() == "and" {
				j++
				continue
			}
			if strings.HasPrefix(ws[j].lower(), "judge") || ws[j].lower() == "circuit" || ws[j].lower() == "justices" ||
				judgeQualifiers[ws[j].lower()] && j+1 < len(ws) && judicialTitles[ws[j+1].lower()] {
				// "Before THOMPSON and BECKWITH, Associate Judges": the
				// qualifier opens the title, not another name.
				for _, n := range names {
					f.add(n[0], n[1], "panel")
				}
				break
			}
			if !personWord(ws[j]) {
				break
			}
			names = append(names, [2]int{j, j + 1})
			j++
		}
	}
}

// judicialTitles follow a judge's or a lawyer's name after a comma:
// "KAVANAUGH, Circuit Judge", "Smith, J.", "Gary Gwilliam, Esq.".
var judicialTitles = textscan.Set("judge", "judges", "justice", "justices", "j.", "c.j.", "p.j.", "jj.", "js.", "esq.", "esq")

// courtInitials are the abbreviated judicial titles after a judge's name,
// which end a sentence as often as not ("the court, Foley, J. The
// defendant"): a capitalized function word after them opens the next
// sentence ("M. Freeman, J. Banner" is a list of authors).
// "Js." is the plural some courts write ("LAVINE, PRESCOTT and WEST, Js.");
// "P.J." is a presiding judge's ("Before Adams, P.J., Baker and
// Carter, JJ.").
var courtInitials = textscan.Set("j.", "c.j.", "p.j.", "jj.", "js.")

// judgeQualifiers come before "Judge" or "Justice" in a title.
var judgeQualifiers = textscan.Set("circuit", "district", "chief", "senior", "magistrate", "associate", "bankruptcy", "presiding")

// beforeJudicialTitle finds names before a judicial title: "BROWN and
// KAVANAUGH, Circuit Judges", "GARLAND, Chief Judge", "Smith, J.".
func (f *peopleFinder) beforeJudicialTitle() {
	ws := f.ws
	for i := 1; i+1 < len(ws); i++ {
		if ws[i].text != "," {
			continue
		}
		t := i + 1
		for q := 0; q < 2 && t+1 < len(ws) && judgeQualifiers[ws[t].lower()]; q++ {
			t++ // "Senior Circuit Judge"
		}
		if !judicialTitles[ws[t].lower()] || !ws[t].capitalized() {
			continue
		}
		if n := t + 1; n < len(ws) && ws[n].line == ws[t].line && !ws[n].punct && !ws[n].capitalized() {
			switch ws[n].lower() {
			case "concurring", "dissenting", "delivered":
			default:
				continue
			}
		} else if n < len(ws) && ws[n].line == ws[t].line && ws[n].capitalized() && !(courtInitials[ws[t].lower()] && functionWords[ws[n].lower()]) {
			continue // "Sandhill, Judge Ervin": a title before a name
		}
		plural := strings.HasSuffix(ws[t].lower(), "s") && ws[t].lower() != "esq" || ws[t].lower() == "jj." || ws[t].lower() == "js."
		end := i
		for end > 0 {
			from := end
			// "Before" opens a panel's line, never a judge's name: "Before
			// Adams, P.J., Baker and Carter, JJ.".
			for from > 0 && end-from < 4 && personWord(ws[from-1]) && !judicialTitles[ws[from-1].lower()] && ws[from-1].lower() != "before" &&
				ws[from-1].line == ws[end-1].line {
				from--
			}
			if from == end || !f.add(from, end, "judicial-title") && from == end {
				break
			}
			if !plural || from < 2 || (ws[from-1].text != "," && ws[from-1].lower() != "and" && ws[from-1].text != "&") {
				break
			}
			end = from - 1
			if (ws[end].lower() == "and" || ws[end].text == "&") && end > 0 && ws[end-1].text == "," {
				end-- // "A, B, and C", "A, B, & C"
			}
		}
	}
}

// functionWords are English words of closed classes (auxiliaries,
// pronouns, prepositions, conjunctions, determiners, common adverbs): in
// text set in capitals they end a name ("MS. KEITH DOES AS WELL").
var functionWords = textscan.Set("is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "has",
	"have", "had", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "yes",
	"and", "or", "but", "if", "then", "so", "as", "at", "by", "for", "from", "in", "into", "of", "on", "onto", "to",
	"with", "without", "about", "the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we",
	"i", "you", "him", "her", "them", "us", "me", "his", "its", "their", "our", "your", "my", "who", "whom", "whose",
	"which", "what", "when", "where", "why", "how", "there", "here", "also", "just", "only", "very", "well", "too",
	"again", "already", "still", "now", "up", "out", "over", "under", "after", "before", "all", "any", "some",
	"each", "every", "both", "either", "neither", "said", "says", "asked", "told")

// nameEnd returns the end of the name that starts at ws[j]: up to five
// capitalized words and initials, a generational suffix, and one line
// break after a first word or an initial ("Lily\nGebru", "Roy W.\nMcLeese
// III"). In a line set in capitals, where case tells nothing, a name goes
// past its first word only after a known given name or an initial.
func (f *peopleFinder) nameEnd(j int) int {
	ws := f.ws
	k := j
	marks := 0 // a nickname's quotes or parentheses, no words of the name
	for k < len(ws) && k-j-marks < 5 {
		if k > j {
			if q := nicknameEnd(ws, k); q > k {
				marks += 2
				k = q // "Alphati “Havoc” Tanis"
				continue
			}
		}
		if k > j && nameParticle(ws, k) {
			k += 2 // "Olga Vysotskaya de Brito"
			continue
		}
		if !personWord(ws[k]) {
			break
		}
		if k > j {
			prev := ws[k-1]
			if ws[k].line != prev.line && k-j > 1 && !prev.initial() {
				break
			}
			// Letters and digits in one word on the next line are a docket
			// or citation number under a caption ("State v. Banks" /
			// "C-200395"), not the rest of a name.
			if ws[k].line != prev.line && mixesLettersDigits(ws[k].text) {
				break
			}
			// In capitals a blank line ends a name: "JUSTICE LAMBERT" / "" /
			// "REVERSING, REINSTATING" (double-spaced names in running
			// text, "Adam" / "" / "Bogart", go on).
			if ws[k].line-prev.line > 1 && (prev.capsLine || ws[k].capsLine) {
				break
			}
			if ws[k].line == prev.line && ws[k].start-prev.end >= 3 {
				break // a column gap: "Kati Cornell      Paul J. Browne"
			}
			if pl := prev.lower(); strings.HasSuffix(pl, "'s") || strings.HasSuffix(pl, "’s") {
				break // "ALSUP'S SURVEYS"
			}
			// In capitals or a headline, case does not tell a name's end.
			if (ws[k].capsLine || ws[k].titleLine) && !textscan.Suffixes[ws[k].lower()] && !ws[k].initial() && !prev.initial() &&
				!f.given[prev.lower()] && (!listEnd(ws, k+1) || ws[k].line != prev.line) {
				break
			}
			if ws[k].titleLine && headlineSmall[ws[k].lower()] {
				break
			}
		}
		k++
	}
	if k > j && k+1 < len(ws) && ws[k].text == "," && textscan.Suffixes[ws[k+1].lower()] {
		k += 2
	}
	return k
}

// nicknameEnd returns, when ws[k] opens a nickname in quotes inside a name
// ("Alphati “Havoc” Tanis"), the index of the surname after it; else k.
func nicknameEnd(ws []word, k int) int {
	// "Robert W. (Bob) Doe": a given name's short form in
	// parentheses, one capitalized word (an acronym there defines one).
	if ws[k].text == "(" && k+3 < len(ws) && ws[k+2].text == ")" && ws[k+1].capitalized() && !isAllUpper(ws[k+1].text) &&
		personWord(ws[k+1]) && ws[k+3].capitalized() && personWord(ws[k+3]) && ws[k+3].line == ws[k].line && ws[k+1].line == ws[k].line {
		return k + 3
	}
	if ws[k].text != "“" && ws[k].text != "\"" {
		return k
	}
	for q := k + 1; q < len(ws) && q-k <= 4 && ws[q].line == ws[k].line; q++ {
		if ws[q].text == "”" || ws[q].text == "\"" {
			if q > k+1 && q+1 < len(ws) && ws[q+1].line == ws[k].line && personWord(ws[q+1]) && ws[q+1].capitalized() {
				return q + 1
			}
			return k
		}
	}
	return k
}

// listEnd reports whether ws[i] closes a name in a list: a comma or other
// mark, "and", or the end of the line.
func listEnd(ws []word, i int) bool {
	return i == len(ws) || ws[i].line != ws[i-1].line || ws[i].punct || ws[i].lower() == "and"
}

// citeAbbreviations are the abbreviations of record citations: "Bailey
// Decl. ¶ 6", "Smith Dep. 12:4", "Trial Tr. 45".
var citeAbbreviations = textscan.Set("decl", "aff", "dep", "tr", "exh", "ex", "br", "mot", "opp", "resp", "supp",
	"mem", "dkt", "doc", "ecf", "app", "rptr", "cir")

// streetAbbreviations end street names, never people's.
var streetAbbreviations = textscan.Set("ave", "av", "blvd", "rd", "st", "pkwy", "hwy", "ln", "dr", "ct", "pl", "ter", "sq")

// notNameWords end or reject a name: the head words of organizations and
// the nouns of buildings ("Southwest Justice Center").
var notNameWords = textscan.Set("center", "centre", "building", "courthouse", "jail", "prison", "expressway",
	"highway", "facility", "institution", "region", "station",
	// The labels of a form's fields after a role: "Attorney Name",
	// "Defendant Signature", "Agent Phone".
	"name", "names", "signature", "address", "telephone", "phone", "email", "e-mail", "fax", "date")

func personWord(w word) bool {
	if w.punct {
		return false
	}
	l := w.lower()
	if stopCaps[l] || titleWords[l] || titleWords[dropPossessive(l)] || notNameWords[l] || orgHeads[l] {
		return false
	}
	// In capitals "WHO" and "WAS" look like names.
	if functionWords[l] && w.capsLine || citeAbbreviations[strings.TrimSuffix(l, ".")] {
		return false
	}
	// A caption's "v." in lower case between names in capitals ("JACKSON
	// v. STATE") is no initial; "JOHN V. SMITH" has one.
	if w.text == "v." || w.text == "vs." || w.text == "v" {
		return false
	}
	return w.capitalized() || w.capsLine
}

// mixesLettersDigits reports whether s holds both a letter and a digit.
func mixesLettersDigits(s string) bool {
	var letter, digit bool
	for _, r := range s {
		letter = letter || unicode.IsLetter(r)
		digit = digit || unicode.IsDigit(r)
	}
	return letter && digit
}

// trimName drops titles and stop words from the ends of a name.
func trimName(ws []word, from, to int) (int, int) {
	for from < to && (titleWords[ws[from].lower()] || stopCaps[ws[from].lower()] || ws[from].punct) {
		from++
	}
	for to > from && (stopCaps[ws[to-1].lower()] || ws[to-1].punct || titleWords[ws[to-1].lower()]) {
		to--
	}
	return from, to
}

// dropPossessive strips a possessive ending: a title's possessive
// ("Sheriff’s detectives", "the Governor’s office") is still a title, never
// a name.
func dropPossessive(l string) string {
	return strings.TrimSuffix(strings.TrimSuffix(l, "’s"), "'s")
}

// nameParticle reports whether ws[k] is a surname's particle in lower
// case, between a name word and the capitalized rest of the surname on
// one line: "Olga Vysotskaya de Brito", "Ludwig van Beethoven".
func nameParticle(ws []word, k int) bool {
	return particles[ws[k].text] && k > 0 && k+1 < len(ws) && ws[k-1].line == ws[k].line && ws[k+1].line == ws[k].line &&
		personWord(ws[k-1]) && personWord(ws[k+1]) && ws[k+1].capitalized() && !ws[k+1].capsLine
}

// particles open a surname in lower case (typed by hand: a closed class).
var particles = textscan.Set("de", "da", "del", "della", "di", "du", "van", "von", "dos", "das", "der", "den")

func plausibleName(ws []word) bool {
	letters := false
	quoted := false // inside a nickname: "Alphati “Havoc” Tanis"
	for i, w := range ws {
		if w.text == "“" || w.text == "”" || w.text == "\"" {
			if i == 0 || i == len(ws)-1 {
				return false
			}
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if w.text == "," && i+1 < len(ws) && textscan.Suffixes[ws[i+1].lower()] {
			continue // "Robert Wilson, Jr."
		}
		if (w.text == "(" || w.text == ")") && i > 0 && i < len(ws)-1 {
			continue // "Robert W. (Bob) Doe" (nicknameEnd)
		}
		if textscan.Suffixes[w.lower()] && i > 0 {
			continue
		}
		if i > 0 && nameParticle(ws, i) {
			continue
		}
		if w.punct || !personWord(w) && !w.initial() {
			return false
		}
		for _, r := range w.text {
			if r >= '0' && r <= '9' {
				return false
			}
		}
		if len([]rune(w.text)) > 1 || w.initial() {
			letters = true
		}
	}
	return letters
}

// modelYear reports whether "a" or "an" and a year stand before ws[from]:
// a vehicle's or a product's make and model follow ("a 2023 Aston Martin
// DBS Superleggera", "a 2021 Mercedes-Benz G550"), never a person.
func modelYear(ws []word, from int) bool {
	if from < 2 || ws[from-1].line != ws[from].line {
		return false
	}
	y, art := ws[from-1].text, ws[from-2].lower()
	return (art == "a" || art == "an") && len(y) == 4 && textscan.IsDigits(y) && (y[:2] == "19" || y[:2] == "20")
}
