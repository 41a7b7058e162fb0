package annotate

import (
	"strings"

	"github.com/casefile/casefile/annotate/internal/textscan"

	"github.com/casefile/casefile/schemas"
)

// The court-aware rules for PERSON, PLACE and ORGANIZATION. They work on
// splitWords tokens of a page; prose's entity model contributes PERSON
// candidates, which the rules filter. Order matters: organizations first
// (a place or a person inside an organization's name is not one), then
// places (a place fused into a title is not one), then people.

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
