package charge

import (
	"strings"

	"github.com/casefile/casefile/annotate/internal/textscan"
)

// Offenses not in the offenses list are still named by their degree:
// "Grand Larceny in the Second Degree", "second-degree forgery",
// "first-degree falsifying business records". Only the degree marks them
// as offenses, so the phrase is read around it by the shape of charging
// language: a run of capitalized words (with "of", "a", "the" ... inside)
// or of lower-case words that are not verbs, prepositions or pronouns.

// degreeAfter matches "in the second degree" (and "in the 2nd-degree"),
// anchored; degreeBefore "second-degree " and "second degree ".
var (
	degreeAfter  = textscan.Lazy(`(?i)^in\s+the\s+(` + degPat + `)` + degSep + `\b`)
	degreeBefore = textscan.Lazy(`(?i)^(` + degPat + `)(?:-?\s*(?:and|or)\s+` + degPat + `)?` + degSep + `\s+`)
)

// connectors may stand inside an offense name.
var connectors = textscan.Set("of", "a", "an", "the", "to", "for", "with", "by", "on", "upon", "while", "in")

// notOffenseWord ends a lower-case offense phrase: verbs of charging,
// prepositions, pronouns, determiners, numbers' words and generic nouns.
var notOffenseWord = textscan.Set("and", "or", "as", "at", "from", "under", "against", "into", "guilty", "charged", "charges",
	"charge", "charging", "convicted", "conviction", "convictions", "pleaded", "pled", "plead", "pleads", "indicted", "indictment",
	"including", "include", "includes", "included", "was", "were", "is", "are", "be", "been", "being", "has", "had", "have",
	"count", "counts", "alleged", "allegedly", "face", "faces", "facing", "faced", "accused", "arrested", "sentenced",
	"acquitted", "also", "his", "her", "their", "its", "he", "she", "they", "which", "who", "that", "this", "these", "those",
	"committed", "commit", "crime", "crimes", "offense", "offenses", "felony", "felonies", "misdemeanor", "misdemeanors",
	"not", "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "each", "both", "other",
	"burn", "burns", "relative", "relatives", "murder", "degree", "degrees", "class", "count", "said", "each", "any", "all")

// ofHeads may take an "of" phrase inside an offense name: "criminal
// possession of", "sale of", "endangering the welfare of".
func ofHead(w string) bool {
	return strings.HasSuffix(w, "ion") || strings.HasSuffix(w, "ment") || w == "sale" || w == "use" || w == "welfare" || w == "theft"
}

// phraseWord is one word of text: its byte span and lower-case form.
type phraseWord struct {
	start, end int
	lower      string
	capital    bool
}

// wordsBack returns up to n words before byte offset at, nearest first,
// stopping at punctuation other than a hyphen or apostrophe.
func wordsBack(text string, at, n int) []phraseWord {
	var out []phraseWord
	i := at
	for len(out) < n {
		j := i
		for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t' || text[j-1] == '\n') {
			j--
		}
		k := j
		for k > 0 && (textscan.IsWordByte(text[k-1]) || text[k-1] == '-' || text[k-1] == '\'') {
			k--
		}
		if k == j {
			break
		}
		out = append(out, newWord(text, k, j))
		i = k
	}
	return out
}

// wordsFwd returns up to n words from byte offset at on, stopping at
// punctuation other than a hyphen or apostrophe.
func wordsFwd(text string, at, n int) []phraseWord {
	var out []phraseWord
	i := at
	for len(out) < n {
		j := i
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n') {
			j++
		}
		k := j
		for k < len(text) && (textscan.IsWordByte(text[k]) || text[k] == '-' || text[k] == '\'') {
			k++
		}
		if k == j {
			break
		}
		out = append(out, newWord(text, j, k))
		i = k
	}
	return out
}

func newWord(text string, s, e int) phraseWord {
	w := text[s:e]
	return phraseWord{start: s, end: e, lower: textscan.ToLowerASCII(w), capital: w[0] >= 'A' && w[0] <= 'Z'}
}

// takeOffense keeps the leading words of ws (in reading order or its
// reverse, as given) that can belong to one offense name, by the case of
// the first: capitalized words and connectors, or lower-case words that
// are not notOffenseWord, with "of" only after an ofHead. It returns how
// many were kept, the run's connectors at its far end dropped.
func takeOffense(ws []phraseWord, backward bool) int {
	if len(ws) == 0 || notOffenseWord[ws[0].lower] || connectors[ws[0].lower] || isDigitWord(ws[0].lower) {
		return 0
	}
	title := ws[0].capital
	n := 0
	for i, w := range ws {
		if isDigitWord(w.lower) || strings.Contains(w.lower, "degree") {
			break
		}
		if title {
			if !w.capital && !connectors[w.lower] || notOffenseWord[w.lower] && !connectors[w.lower] {
				break
			}
		} else {
			// "persistent felony offender": a grade word between two
			// words of the name is part of it, not the grade of the whole.
			if (w.lower == "felony" || w.lower == "misdemeanor") && i > 0 && i+1 < len(ws) && plainWord(ws[i+1]) {
				n = i + 1
				continue
			}
			if w.capital || notOffenseWord[w.lower] {
				break
			}
			// The victim the statute names: "unlawful transaction with a
			// minor", "assault upon a peace officer".
			if !backward {
				if k := victimTail(ws[i:]); k > 0 {
					n = i + k
					break
				}
			}
			if connectors[w.lower] && w.lower != "a" && w.lower != "an" && w.lower != "the" {
				// "of" inside: "possession of a weapon" (forward), or
				// "weapon ... of possession" read backward.
				// "offering a false instrument for filing".
				if w.lower == "for" && !backward && i+1 < len(ws) && strings.HasSuffix(ws[i+1].lower, "ing") {
					n = i + 2
					break
				}
				if w.lower != "of" {
					break
				}
				var head string
				if backward && i+1 < len(ws) {
					head = ws[i+1].lower
				} else if !backward && i > 0 {
					head = ws[i-1].lower
				}
				if !ofHead(head) {
					break
				}
			}
		}
		n = i + 1
	}
	for n > 0 && connectors[ws[n-1].lower] {
		n--
	}
	return n
}

func isDigitWord(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// plainWord: a lower-case word that can stand inside an offense name.
func plainWord(w phraseWord) bool {
	return !w.capital && !notOffenseWord[w.lower] && !connectors[w.lower] && !isDigitWord(w.lower)
}

// victimTail returns how many words of ws, from a preposition on, name
// the victim an offense's name holds ("with a minor", "upon a peace
// officer"), or 0.
func victimTail(ws []phraseWord) int {
	if len(ws) < 3 || ws[1].lower != "a" && ws[1].lower != "an" {
		return 0
	}
	switch ws[0].lower {
	case "with":
		if childVictims[ws[2].lower] {
			return 3
		}
	case "on", "upon":
		for k := 2; k < len(ws) && k < 5; k++ {
			if victimHeads[ws[k].lower] {
				return k + 1
			}
			if !victimNouns[ws[k].lower] && ws[k].lower != "enforcement" {
				break
			}
		}
	}
	return 0
}

// degreeOffenses finds offenses named only by their degree, outside the
// byte spans already taken by known offenses. Each match is [start, end]
// and its normalized name.
func degreeOffenses(text, lower string, taken func(s, e int) bool) (spans [][2]int, names []string) {
	for i := 0; ; {
		k := strings.Index(lower[i:], "degree")
		if k < 0 {
			break
		}
		at := i + k
		i = at + len("degree")
		// "... in the Second Degree": the phrase before "in the".
		ws := wordsBack(text, at, 3)
		if len(ws) == 3 && ws[2].lower == "in" && ws[1].lower == "the" {
			if m := degreeAfter.Get().FindStringSubmatchIndex(text[ws[2].start:min(len(text), at+8)]); m != nil {
				before := wordsBack(text, ws[2].start, 10)
				if n := takeOffense(before, true); n > 0 {
					s, e := before[n-1].start, ws[2].start+m[1]
					if !taken(s, e) {
						spans = append(spans, [2]int{s, e})
						names = append(names, phraseName(before[:n], true)+" in the "+degreeWords[strings.ToLower(text[ws[2].start+m[2]:ws[2].start+m[3]])]+" degree")
					}
				}
			}
			continue
		}
		// "second-degree forgery": the phrase after.
		if len(ws) == 0 {
			continue
		}
		// The ordinal before "degree", its hyphen kept: "second-",
		// also across a line break ("second-\ndegree").
		s := ws[0].start
		ord := strings.TrimRight(ws[0].lower, "-")
		if degreeWords[ord] == "" || len(ord) == 1 {
			continue
		}
		// "fourth- and fifth-degree": the first ordinal leads.
		if more := wordsBack(text, s, 2); len(more) == 2 && (more[0].lower == "and" || more[0].lower == "or") && degreeWords[strings.TrimRight(more[1].lower, "-")] != "" {
			s = more[1].start
			ord = strings.TrimRight(more[1].lower, "-")
		}
		m := degreeBefore.Get().FindStringIndex(text[s:min(len(text), i+4)])
		if m == nil {
			continue
		}
		// "first-, second- and third-degree": ordinals before it in a
		// list, each with its hyphen and a comma; the first leads (A3).
		start := s
		for {
			k := start
			for k > 0 && text[k-1] == ' ' {
				k--
			}
			if k == 0 || text[k-1] != ',' {
				break
			}
			w := wordsBack(text, k-1, 1)
			if len(w) == 0 || !strings.HasSuffix(w[0].lower, "-") || degreeWords[strings.TrimRight(w[0].lower, "-")] == "" ||
				strings.Trim(text[w[0].end:start], " \t") != "," {
				break
			}
			start, ord = w[0].start, strings.TrimRight(w[0].lower, "-")
		}
		after := wordsFwd(text, s+m[1], 8)
		n := takeOffense(after, false)
		if n == 0 {
			continue
		}
		e := after[n-1].end
		if !taken(start, e) {
			spans = append(spans, [2]int{start, e})
			names = append(names, phraseName(after[:n], false)+" in the "+degreeWords[ord]+" degree")
		}
	}
	return spans, names
}

// phraseName writes words in reading order, lower case, single spaces.
func phraseName(ws []phraseWord, backward bool) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		if backward {
			parts[len(ws)-1-i] = w.lower
		} else {
			parts[i] = w.lower
		}
	}
	return strings.Join(parts, " ")
}
