package annotate

import (
	"github.com/casefile/casefile/annotate/internal/textscan"
	"strings"

	"github.com/casefile/casefile/schemas"
)

// The court-aware rules for PERSON, PLACE and ORGANIZATION. They work on
// splitWords tokens of a page; prose's entity model contributes PERSON
// candidates, which the rules filter. Order matters: organizations first
// (a place or a person inside an organization's name is not one), then
// places (a place fused into a title is not one), then people.

// orgHeads end an organization name: "Violent Criminal Enterprise Bureau",
// "Queens Supreme Court", "NYPD 44th Precinct".
var orgHeads = textscan.Set("bureau", "division", "unit", "squad", "section", "team", "office", "department",
	"court", "precinct", "precincts", "lab", "laboratory", "force", "authority", "agency", "administration",
	"service", "services", "commission", "group", "bar", "corrections", "circuit",
	"committee", "council", "association", "company", "corporation", "corp.", "inc.", "llc", "llp",
	"university", "college", "school", "hospital", "bank", "foundation", "institute", "board", "patrol",
	"crips", "bloods", "boyz", "crew", "cartel", "nation", "defense", "district")

// orgStopLeft never start an organization name: sentence openers and
// titles ("If the Court", "Chief of the Bureau").
var orgStopLeft = textscan.Set("if", "when", "about", "after", "before", "because", "judgment", "while", "although", "as",
	"at", "on", "in", "by", "see", "under", "with", "from", "to", "chief", "deputy", "assistant", "attorney",
	"attorneys", "detective", "detectives", "sergeant", "officer", "officers", "commanding", "major", "case",
	"investigator", "analyst", "supervisor", "executive", "director", "member", "members", "and", "of", "da", "ada",
	"law", "letters", "letter")

// genericOrg words alone do not name an organization ("Police Department",
// "Task Force", "District Court").
var genericOrg = textscan.Set("police", "department", "court", "district", "task", "force", "press", "main", "office",
	"united", "states", "fiscal", "middle", "high", "school", "certified", "clerk", "of", "the", "law", "corporation",
	"services", "service", "and", "probation", "pretrial", "investigation", "section", "division", "unit", "bureau")

// orgConnectors may join the words of a name.
var orgConnectors = textscan.Set("of", "the", "for", "and", "&", "on", "in", "de", "del")

// districtWords make "District" a court district: "Eastern District of California".
var districtWords = textscan.Set("northern", "southern", "eastern", "western", "central", "middle", "school", "unified")

// titles come before names and are not part of them. Multi-word titles
// are matched on their last word plus the words before it.
var titleWords = textscan.Set("judge", "justice", "detective", "det.", "officer", "sergeant", "sgt.", "lieutenant", "lt.",
	"captain", "capt.", "inspector", "chief", "commissioner", "attorney", "agent", "mr.", "mrs.", "ms.", "dr.",
	"hon.", "honorable", "mayor", "governor", "gov.", "senator", "president", "prosecutor", "trooper", "deputy",
	"sheriff", "marshal", "director", "investigator", "defendant", "counsel", "reporter", "clerk", "witness",
	"judges", "detectives", "officers", "agents", "attorneys", "assistants", "analysts", "investigators",
	"sergeants", "lieutenants", "captains", "inspectors", "chiefs", "defendants", "analyst", "assistant",
	"paralegal", "paralegals", "specialist", "specialists", "supervisor", "member", "members", "aide")

// stopCaps are capitalized words that are never part of a person's name.
var stopCaps = textscan.Calendar("presiding", "opinion", "syllabus", "court", "district", "county", "state", "states", "united", "america", "government", "defendant",
	"defendants", "plaintiff", "plaintiffs", "appellant", "appellee", "petitioner", "respondent", "office", "department",
	"police", "attorney", "attorneys", "judge", "justice", "honorable", "the", "a", "an", "and", "of", "for", "in", "on",
	"count", "counts",
	"section", "page", "case", "document", "filed", "order", "motion", "exhibit", "id", "no.", "mr.", "ms.", "mrs.",
	"i", "we", "he", "she", "they", "it", "his", "her", "this", "that", "these", "those", "you", "your", "our",
	"press", "release", "immediate", "contact", "indictment", "indicted", "charged", "today", "according", "also",
	"supreme", "circuit", "appeals", "federal", "gang", "crew", "street", "avenue", "road", "boulevard", "city", "town",
	"new", "york", "bronx", "queens", "manhattan", "brooklyn", "nypd", "fbi", "dea", "s", "government’s", "court’s",
	"social", "security", "docket", "number", "currently", "incarcerated", "park", "courthouse", "floor", "messages",
	"text", "video", "fax", "phone", "email", "tel", "telephone", "evid", "exhibits", "see", "per", "curiam", "miss",
	"allegedly", "shot", "engaged", "certificate", "date", "appt", "bureau", "division", "squad", "squads", "senior",
	"commanding", "intelligence", "probation", "field", "financial", "sanctions", "charges", "unit", "team")

// span is a half-open range of words.
type wordSpan struct {
	from, to int
	typ      schemas.EntityType
	norm     string
	source   string
}

// findOrganizations: gazetteer names, then capitalized sequences that end
// in a head word, extended by "of the …" / "for the …" tails.
func findOrganizations(ws []word, gaz *gazetteer) []wordSpan {
	var out []wordSpan
	for i := 0; i < len(ws); i++ {
		// A listed name with a qualifier in front ("Bronx Supreme Court")
		// is left to the head-word rule, which takes the qualifier too.
		if e, n := gaz.match(ws, i); e != nil && e.typ == schemas.Organization &&
			!(i > 0 && nameWord(ws[i-1]) && ws[i-1].line == ws[i].line && isHead(ws, i+n-1)) {
			out = append(out, wordSpan{from: i, to: i + n, typ: schemas.Organization, norm: e.canonical, source: schemas.SourceGazetteer})
			i += n - 1
			continue
		}
		if !isHead(ws, i) {
			continue
		}
		// Left: capitalized words and connectors on the same line.
		// Left: capitalized words and connectors, across at most one line
		// break ("Violent Criminal Enterprise\nBureau").
		from := i
		for from > 0 && !ws[from-1].punct &&
			(nameWord(ws[from-1]) || orgConnectors[ws[from-1].lower()] && from-1 > 0 && nameWord(ws[from-2]) && !isHead(ws, from-2)) {
			prev := ws[from-1]
			pl := prev.lower()
			if lineNumber(ws, from-1) || orgStopLeft[pl] || isHead(ws, from-1) {
				break // another name ends there
			}
			// A title ends the name on its left ("Chief of the … Bureau",
			// "District Attorney’s Violent Criminal Enterprises Bureau")
			// unless the head follows it directly ("Attorney’s Office").
			if (titleWords[pl] || titleWords[strings.TrimSuffix(strings.TrimSuffix(pl, "’s"), "'s")]) && from != i {
				break
			}
			// A number starts a name only before a name word ("800 YGz",
			// "44th Precinct"), never a line number or an address.
			if textscan.IsDigits(prev.text) && (orgConnectors[ws[from].lower()] || from-2 >= 0 && textscan.IsDigits(ws[from-2].text)) {
				break
			}
			if prev.line != ws[from].line && !wrappedLine(ws, from) {
				break
			}
			from--
		}
		for from < i && orgConnectors[ws[from].lower()] {
			from++
		}
		if from == i && !ws[i].capsLine {
			continue // a bare head word: "the Court", "the Division"
		}
		// Right: more heads ("School District"), then "of the Eighth
		// Circuit", "for the City of New York".
		to := i + 1
		for to < len(ws) && ws[to].line == ws[i].line {
			if isHead(ws, to) {
				to++
				continue
			}
			// "49 Precinct Detective Squad"
			if titleWords[ws[to].lower()] && to+1 < len(ws) && ws[to+1].line == ws[i].line && isHead(ws, to+1) {
				to += 2
				continue
			}
			break
		}
		for to+1 < len(ws) && ws[to].line <= ws[to-1].line+1 && (ws[to].lower() == "of" || ws[to].lower() == "for") {
			k := to + 1
			if k < len(ws) && ws[k].lower() == "the" {
				k++
			}
			m := k
			for m < len(ws) && ws[m].line == ws[k].line && !ws[m].punct && (nameWord(ws[m]) || orgConnectors[ws[m].lower()] && m+1 < len(ws) && nameWord(ws[m+1])) {
				m++
			}
			if m == k {
				break
			}
			to = m
		}
		for to-1 > i && orgConnectors[ws[to-1].lower()] {
			to-- // "… Corrections and" at a line break
		}
		if !ws[from].capitalized() || !specificOrg(ws[from:to]) {
			continue
		}
		out = append(out, wordSpan{from: from, to: to, typ: schemas.Organization, source: schemas.SourceRule})
		i = to - 1
	}
	return out
}

func isHead(ws []word, i int) bool {
	w := ws[i]
	l := strings.TrimSuffix(strings.TrimSuffix(w.lower(), "’s"), "'s")
	if !orgHeads[l] || !(w.capitalized() || w.capsLine) {
		return false
	}
	if l == "district" {
		return i > 0 && districtWords[ws[i-1].lower()]
	}
	if l == "defense" || l == "nation" || l == "bar" {
		return i > 0 && nameWord(ws[i-1]) // "Summit Defense", "Folk Nation", "State Bar"
	}
	return true
}

// wrappedLine reports whether the line break before ws[i] wraps running
// text — the line before has lower-case words — rather than separating
// the lines of a letterhead, a caption or columns.
func wrappedLine(ws []word, i int) bool {
	if ws[i].capsLine {
		return false
	}
	for j := i - 1; j >= 0 && ws[j].line == ws[i-1].line; j-- {
		if !ws[j].punct && !ws[j].capitalized() {
			return true
		}
	}
	return false
}

// specificOrg rejects names made only of generic words, statute
// citations ("18 USC Section") and street addresses ("111 Centre").
func specificOrg(ws []word) bool {
	generic := true
	for _, w := range ws {
		l := w.lower()
		if strings.Contains(l, "u.s.c") || l == "usc" {
			return false
		}
		if !genericOrg[strings.TrimSuffix(strings.TrimSuffix(l, "’s"), "'s")] && !textscan.IsDigits(l) {
			generic = false
		}
	}
	if generic {
		return len(ws) == 2 && ws[0].lower() == "supreme" // "Supreme Court" names the court
	}
	return true
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

// findPlaces: gazetteer places outside organizations, except where fused
// into an official title ("Bronx District Attorney", "United States
// Attorney") or following one ("DISTRICT ATTORNEY, BRONX COUNTY").
func findPlaces(ws []word, gaz *gazetteer, taken []bool, firstNames map[string]bool) []wordSpan {
	var out []wordSpan
	for i := 0; i < len(ws); i++ {
		if taken[i] {
			continue
		}
		e, n := gaz.match(ws, i)
		if e == nil || e.typ != schemas.Place || anyTaken(taken, i, i+n) {
			// Counties and parishes by name: "Sacramento County",
			// "Orleans Parish". No list of the 3,143 is needed.
			if k := countyEnd(ws, i, taken); k > i && !fusedTitle(ws, i, k) {
				out = append(out, wordSpan{from: i, to: k, typ: schemas.Place, source: schemas.SourceRule})
				i = k - 1
			}
			continue
		}
		to := i + n
		if to < len(ws) && (ws[to].lower() == "county" || ws[to].lower() == "borough") && ws[to].line == ws[i].line {
			to++ // "Bronx County"
		}
		if fusedTitle(ws, i, to) || streetOrFacility(ws, to) || reporterCite(ws, i, to) {
			i = to - 1
			continue
		}
		// "Jordan Jackson": a given name, not the country.
		if n == 1 && firstNames[ws[i].lower()] && to < len(ws) && nameWord(ws[to]) && ws[to].line == ws[i].line {
			continue
		}
		out = append(out, wordSpan{from: i, to: to, typ: schemas.Place, norm: e.canonical, source: schemas.SourceGazetteer})
		i = to - 1
	}
	return out
}

// titleAfterPlace: a title right after a place name fuses with it.
var titleAfterPlace = textscan.Set("attorney", "attorney’s", "attorney's", "commissioner", "mayor", "governor", "senator",
	"sheriff", "judge", "marshal", "prosecutor", "police")

func fusedTitle(ws []word, from, to int) bool {
	if to < len(ws) && !ws[to].punct {
		next := ws[to].lower()
		if titleAfterPlace[next] {
			return true
		}
		if next == "district" && to+1 < len(ws) && strings.HasPrefix(ws[to+1].lower(), "attorney") {
			return true
		}
	}
	// "DISTRICT ATTORNEY, BRONX COUNTY"
	if from >= 2 && ws[from-1].text == "," && titleWords[ws[from-2].lower()] {
		return true
	}
	return false
}

// facilityWords after a place name make it a street or a building (A7).
var facilityWords = textscan.Set("avenue", "ave", "ave.", "street", "st.", "road", "rd.", "boulevard", "blvd.", "parkway",
	"pkwy", "houses", "house", "expressway", "highway", "drive", "place", "plaza", "square", "courthouse", "hall",
	"station", "terrace", "lane", "way", "bridge", "tunnel", "center", "mall", "hospital", "park", "concourse")

// reporterCite: "543 U.S. 220" cites a reporter, not the country (A1).
func reporterCite(ws []word, from, to int) bool {
	return to-from == 1 && ws[from].text == "U.S." && from > 0 && textscan.IsDigits(ws[from-1].text) && to < len(ws) && textscan.IsDigits(ws[to].text)
}

func streetOrFacility(ws []word, to int) bool {
	return to < len(ws) && !ws[to].punct && facilityWords[ws[to].lower()] && ws[to].line == ws[to-1].line
}

func anyTaken(taken []bool, from, to int) bool {
	for k := from; k < to && k < len(taken); k++ {
		if taken[k] {
			return true
		}
	}
	return false
}

// findPeople: names after titles, after /s/ and a/k/a, and prose's PERSON
// candidates that survive the filters.
func findPeople(ws []word, taken []bool, candidates [][2]int, firstNames map[string]bool) []wordSpan {
	var out []wordSpan
	mark := make([]bool, len(ws))
	add := func(from, to int, source string) {
		from, to = trimName(ws, from, to)
		if to-from == 0 || anyTaken(taken, from, to) || anyTaken(mark, from, to) || !plausibleName(ws[from:to]) {
			return
		}
		if streetOrFacility(ws, to) {
			return // "Thomas F. Eagleton Courthouse", "Roy Wilkins Park"
		}
		for k := from; k < to; k++ {
			mark[k] = true
		}
		out = append(out, wordSpan{from: from, to: to, typ: schemas.Person, source: source})
	}
	for i := 0; i < len(ws); i++ {
		l := ws[i].lower()
		trigger := titleWords[l] && (ws[i].capitalized() || strings.HasSuffix(l, ".")) || l == "/s/" ||
			l == "a/k/a" || l == "aka"
		if l == "s" && i >= 1 && i+1 < len(ws) && ws[i-1].text == "/" && ws[i+1].text == "/" {
			i++
			trigger = true
		}
		if !trigger {
			continue
		}
		// A title may govern a list: "Detectives Brian Green, Carlos
		// Pineda and Sonja Jamelo".
		j := i + 1
		for {
			for j < len(ws) && (ws[j].text == "“" || ws[j].text == "\"" || ws[j].text == "‘") {
				j++
			}
			k := nameEnd(ws, j)
			if k == j {
				break
			}
			add(j, k, schemas.SourceRule)
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
	// Given name + surname: "Newton Mendys", "Charlayne M. White".
	for i := 0; i < len(ws); i++ {
		if !firstNames[ws[i].lower()] || !nameWord(ws[i]) || mark[i] || taken[i] {
			continue
		}
		if k := nameEnd(ws, i); k-i >= 2 {
			add(i, k, schemas.SourceRule)
			i = k - 1
		}
	}
	// Parties of cited cases: "United States v. Booker", "Old Chief v.
	// United States".
	for i := 0; i < len(ws); i++ {
		if l := ws[i].lower(); l != "v." && l != "vs." {
			continue
		}
		if k := nameEnd(ws, i+1); k > i+1 {
			add(i+1, k, schemas.SourceRule)
		}
		j := i
		for j > 0 && i-j < 4 && personWord(ws[j-1]) && ws[j-1].line == ws[i].line {
			j--
		}
		if j < i {
			add(j, i, schemas.SourceRule)
		}
	}
	// Defendants listed in capitals with their ages: "HISWAN SIMMONS, 25,".
	for i := 0; i < len(ws); i++ {
		j := i
		for j < len(ws) && j-i < 5 && !ws[j].punct && isAllUpper(ws[j].text) && len([]rune(ws[j].text)) > 1 {
			j++
		}
		if j-i >= 2 && j+1 < len(ws) && ws[j].text == "," && textscan.IsDigits(ws[j+1].text) {
			add(i, j, schemas.SourceRule)
		}
		if j > i {
			i = j
		}
	}
	// "Before MELLOY, BEAM, and SHEPHERD, Circuit Judges."
	for i := 0; i < len(ws); i++ {
		if ws[i].lower() != "before" {
			continue
		}
		var names [][2]int
		j := i + 1
		for j < len(ws) && j-i < 20 {
			if ws[j].text == "," || ws[j].lower() == "and" {
				j++
				continue
			}
			if strings.HasPrefix(ws[j].lower(), "judge") || ws[j].lower() == "circuit" || ws[j].lower() == "justices" {
				for _, n := range names {
					add(n[0], n[1], schemas.SourceRule)
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
	// prose tags most capitalized words on legal and news text; keep its
	// candidates only where they look like names: a given name first, or
	// two or more words in a caption set in capitals.
	for _, c := range candidates {
		from, to := trimName(ws, c[0], c[1])
		if to-from == 0 {
			continue
		}
		if firstNames[ws[from].lower()] || ws[from].capsLine && to-from >= 2 {
			add(from, to, schemas.SourceProse)
		}
	}
	return out
}

// nameEnd returns the end of the name that starts at ws[j]: up to five
// capitalized words and initials, a generational suffix after a comma, and
// one line break after a first word ("Lily\nGebru").
func nameEnd(ws []word, j int) int {
	k := j
	for k < len(ws) && k-j < 5 && personWord(ws[k]) {
		if k > j && ws[k].line != ws[k-1].line && k-j > 1 {
			break
		}
		if k > j && ws[k].line == ws[k-1].line && ws[k].start-ws[k-1].end >= 3 {
			break // a column gap: "Kati Cornell      Paul J. Browne"
		}
		k++
	}
	if k > j && k+1 < len(ws) && ws[k].text == "," && textscan.Suffixes[ws[k+1].lower()] {
		k += 2
	}
	return k
}

func personWord(w word) bool {
	if w.punct {
		return false
	}
	l := w.lower()
	if stopCaps[l] || titleWords[l] {
		return false
	}
	return w.capitalized() || w.capsLine
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

func plausibleName(ws []word) bool {
	letters := false
	for i, w := range ws {
		if w.text == "," && i+1 < len(ws) && textscan.Suffixes[ws[i+1].lower()] {
			continue // "Robert Wilson, Jr."
		}
		if textscan.Suffixes[w.lower()] && i > 0 {
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

// countyEnd returns the end of "<Name> County" starting at ws[i], or i.
func countyEnd(ws []word, i int, taken []bool) int {
	j := i
	for j < len(ws) && j-i < 3 && !taken[j] && nameWord(ws[j]) && !stopCaps[ws[j].lower()] && ws[j].line == ws[i].line {
		j++
	}
	if j > i && j < len(ws) && !taken[j] && ws[j].line == ws[i].line && ws[j].capitalized() {
		if l := ws[j].lower(); l == "county" || l == "parish" {
			if i > 0 && nameWord(ws[i-1]) && ws[i-1].line == ws[i].line {
				return i // not at the start of the name
			}
			return j + 1
		}
	}
	return i
}
