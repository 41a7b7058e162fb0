package annotate

import (
	"strings"

	"github.com/casefile/casefile/annotate/internal/textscan"

	"github.com/casefile/casefile/schemas"
)

// Gangs and crews are named by how press releases and indictments speak of
// them: "6 Block members", "a member of WTG", "the Whole Blocc Boys gang".
// Names found in such a context anywhere in a document are then tagged at
// every occurrence in it.

// gangContextAfter follow a gang name: "6 Block members".
var gangContextAfter = textscan.Set("member", "members", "gang", "crew", "defendant", "defendants", "leader", "leaders",
	"rivals", "associates", "affiliates", "set", "clique", "cliques")

// verbSet reports whether "set" at ws[i] is the verb: "the Defamatory
// Statements set forth", "as set out". The noun ends its phrase: "the
// Brims set, and", "a Bloods set of the Bronx".
func verbSet(ws []word, i int) bool {
	if ws[i].lower() != "set" || i+1 >= len(ws) || ws[i+1].line != ws[i].line || ws[i+1].punct {
		return false
	}
	switch ws[i+1].lower() {
	case "of", "and", "or", "who", "that", "which", "member", "members", "leader", "leaders":
		return false
	}
	return true
}

// findGangNames returns the distinct gang names of a document, as word
// texts joined by single spaces, and the acronyms the document defines for
// the organizations it names, each with the rule that found it.
func findGangNames(pages []pageEntities) map[string]string {
	names := map[string]string{}
	definedAcronyms(pages, names)
	for _, pe := range pages {
		ws := pe.words
		for i, w := range ws {
			l := w.lower()
			if gangContextAfter[l] && !w.capitalized() && !verbSet(ws, i) {
				// Backwards over the name: numbers and capitalized words.
				j := i
				for j > 0 && i-j < 4 && ws[j-1].line == w.line && gangWord(ws[j-1]) && !pe.taken[j-1] {
					j--
				}
				// An age in a list of defendants is not part of the name:
				// "HOLDER, 15, Dub City member".
				if j < i-1 && textscan.IsDigits(ws[j].text) && j > 0 && ws[j-1].text == "," {
					j++
				}
				if j < i && specificGang(ws[j:i]) {
					names[joinWords(ws[j:i])] = "gang"
				}
			}
			if (l == "gang" || l == "crew") && !w.capitalized() && i+1 < len(ws) {
				// "the violent Bronx street gang, Courtlandt Over Everything"
				j := i + 1
				switch {
				case ws[j].text == ",":
					j++
				case ws[j].lower() == "known" && j+1 < len(ws) && ws[j+1].lower() == "as":
					j += 2
				case ws[j].lower() == "called" || ws[j].lower() == "named":
					j++
				default:
					j = -1
				}
				for j >= 0 && j < len(ws) && (ws[j].text == "“" || ws[j].text == "\"") {
					j++
				}
				if j >= 0 {
					gangList(pe, j, names)
				}
			}
			if (l == "members" || l == "member") && i+2 < len(ws) && ws[i+1].lower() == "of" {
				j := i + 2
				if ws[j].lower() == "the" {
					j++
				}
				gangList(pe, j, names)
			}
		}
	}
	return names
}

// numberWords are counts, not names: "Five members".
var numberWords = textscan.Set("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
	"twelve", "twenty", "thirty", "forty", "fifty", "hundred", "dozens", "several", "many", "all", "both", "other",
	"violent", "alleged", "former", "current", "senior", "rival", "fellow", "gang", "crew")

// gangList adds the names starting at ws[j]: "the Mac Ballers and Money
// World".
func gangList(pe pageEntities, j int, names map[string]string) {
	ws := pe.words
	for j < len(ws) {
		k := j
		for k < len(ws) && k-j < 4 && ws[k].line == ws[j].line && gangWord(ws[k]) && !pe.taken[k] {
			k++
		}
		if k == j || !specificGang(ws[j:k]) {
			return
		}
		names[joinWords(ws[j:k])] = "gang"
		if k+1 < len(ws) && (ws[k].lower() == "and" || ws[k].text == ",") {
			j = k + 1
			continue
		}
		return
	}
}

// notGang are capitalized words that do not begin or make up a gang name.
var notGang = textscan.Calendar("the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "i", "he", "she",
	"they", "we", "it", "defendant", "defendants", "court", "government", "police", "nypd", "district", "attorney", "office")

func gangWord(w word) bool {
	if w.punct {
		return false
	}
	l := strings.TrimSuffix(strings.TrimSuffix(w.lower(), "’s"), "'s")
	if notGang[l] || titleWords[l] || orgStopLeft[l] || numberWords[l] || strings.Contains(l, "year") || strings.HasSuffix(l, "-old") {
		return false
	}
	return w.capitalized() // capitals or digits
}

// specificGang rejects numbers that are counts ("20 members") and common
// words: a gang name has a capitalized word, or is a number of three or
// more digits ("1300", "280").
func specificGang(ws []word) bool {
	if len(ws) == 1 && textscan.IsDigits(ws[0].text) {
		return len(ws[0].text) >= 3
	}
	if len(ws) == 1 {
		// One word: an acronym ("WTG"), not a common capitalized word.
		return isAllUpper(ws[0].text) && len([]rune(ws[0].text)) >= 2
	}
	for _, w := range ws {
		if !textscan.IsDigits(w.text) {
			return true
		}
	}
	return false
}

func joinWords(ws []word) string {
	if len(ws) == 1 {
		return namePart(ws[0])
	}
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = namePart(w)
	}
	return strings.Join(parts, " ")
}

// namePart is a word as a gang name holds it, without a possessive ending.
func namePart(w word) string {
	return strings.TrimSuffix(strings.TrimSuffix(w.text, "’s"), "'s")
}

// tagGangs marks every untaken occurrence of the names as an organization.
func tagGangs(pages []pageEntities, names map[string]string) {
	if len(names) == 0 {
		return
	}
	// A name is looked up only where one starts, as most words start none.
	first := map[string]bool{}
	for name := range names {
		w, _, _ := strings.Cut(name, " ")
		first[w] = true
	}
	for pi := range pages {
		pe := &pages[pi]
		for i := 0; i < len(pe.words); i++ {
			if !first[namePart(pe.words[i])] {
				continue
			}
			for n := 4; n >= 1; n-- {
				if i+n > len(pe.words) || anyTaken(pe.taken, i, i+n) {
					continue
				}
				if rule := names[joinWords(pe.words[i:i+n])]; rule != "" && pe.words[i+n-1].line == pe.words[i].line {
					pe.spans = append(pe.spans, wordSpan{from: i, to: i + n, typ: schemas.Organization, source: schemas.SourceRule, rule: rule})
					for k := i; k < i+n; k++ {
						pe.taken[k] = true
					}
					i += n - 1
					break
				}
			}
		}
	}
}
