package annotate

import (
	"strings"
	"unicode"
)

// word is a token of the rule extractors: a run of letters and digits with
// word-internal punctuation ("U.S.", "D.A.’s", "Bed-Stuy", "200/8"), or one
// punctuation rune. Offsets are code points into the page text.
type word struct {
	text       string
	low        string // text in lower case, made once by splitWords: rules ask for it many times
	start, end int
	line       int  // 0-based line of the page
	punct      bool // a single punctuation rune
	capsLine   bool // the word's line is set in capitals
	titleLine  bool // the word's line capitalizes most of its words, small ones too: a headline
}

func (w word) lower() string {
	if w.low != "" || w.text == "" {
		return w.low
	}
	return strings.ToLower(w.text)
}

// capitalized reports whether the word starts with an upper-case letter or
// a digit (gang and unit names: "800 YGz", "44th Precinct").
func (w word) capitalized() bool {
	for _, r := range w.text {
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}

func (w word) initial() bool { // "D." or "J"
	r := []rune(w.text)
	return (len(r) == 2 && unicode.IsUpper(r[0]) && r[1] == '.') || (len(r) == 1 && unicode.IsUpper(r[0]))
}

// splitWords tokenizes a page.
func splitWords(runes []rune) []word {
	// Court text runs about five code points a word with its space and
	// punctuation: room for four makes one allocation of most pages.
	out := make([]word, 0, len(runes)/4+8)
	line := 0
	isWordRune := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i < len(runes); {
		r := runes[i]
		switch {
		case r == '\n':
			line++
			i++
		case unicode.IsSpace(r):
			i++
		case isWordRune(r):
			j := i + 1
			for j < len(runes) {
				c := runes[j]
				if isWordRune(c) {
					j++
					continue
				}
				// Word-internal punctuation, followed by a letter or digit.
				if c == '-' && unicode.IsLetter(runes[j-1]) && placeSuffixes[suffixAt(runes, j+1)] {
					break
				}
				if strings.ContainsRune(".'’-&/", c) && j+1 < len(runes) && isWordRune(runes[j+1]) {
					// A slash joins numbers ("200/8") and abbreviations
					// ("a/k/a"), not words ("Division/Bronx").
					if c == '/' && !(unicode.IsDigit(runes[j-1]) && unicode.IsDigit(runes[j+1])) && j-i > 1 && !strings.Contains(string(runes[i:j]), "/") {
						break
					}
					j += 2
					continue
				}
				break
			}
			// A closing period of an abbreviation or initial: "U.S.", "D.", "Jr.".
			if j < len(runes) && runes[j] == '.' {
				t := string(runes[i:j])
				if strings.Contains(t, ".") || len([]rune(t)) <= 2 || abbreviations[t] || capsAbbreviation(t) {
					j++
				}
			}
			text := string(runes[i:j])
			out = append(out, word{text: text, low: strings.ToLower(text), start: i, end: j, line: line})
			i = j
		default:
			text := string(r)
			out = append(out, word{text: text, low: strings.ToLower(text), start: i, end: i + 1, line: line, punct: true})
			i++
		}
	}
	markCapsLines(out)
	return out
}

// abbreviations that end in a period as part of the word.
var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Jr": true, "Sr": true, "Hon": true, "Det": true,
	"Sgt": true, "Lt": true, "Capt": true, "Insp": true, "Gov": true, "Sen": true, "Rep": true, "St": true,
	"Mt": true, "Ft": true, "Inc": true, "Corp": true, "Co": true, "Ltd": true, "No": true, "Cal": true,
	"Calif": true, "Fla": true, "Ariz": true, "Colo": true, "Conn": true, "Mass": true, "Mich": true,
	"Minn": true, "Tenn": true, "Tex": true, "Okla": true, "Penn": true, "Wash": true, "Wis": true,
	// The other states' abbreviations of three letters or more in citations
	// (Bluebook T1; two letters are kept by length): "114 Nev. 378", "Ill.
	// Comp. Stat.". A closed class of form, typed by hand.
	"Ala": true, "Ark": true, "Del": true, "Haw": true, "Ill": true, "Ind": true, "Kan": true, "Neb": true,
	"Nev": true, "Mont": true, "Wyo": true, "Miss": true, "Ore": true,
	// Municipalities as citations abbreviate them: "Warminster Twp.", "Cty. of Allegheny".
	"Twp": true, "Cty": true, "Cnty": true, "Boro": true, "Vill": true,
}

// capsAbbreviation reports whether t is one of the abbreviations written
// in capitals, as captions write them: "CABLE NEWS NETWORK, INC.",
// "HON. WILLIAM ALSUP".
func capsAbbreviation(t string) bool {
	if t != strings.ToUpper(t) {
		return false
	}
	r := []rune(strings.ToLower(t))
	r[0] = unicode.ToUpper(r[0])
	return abbreviations[string(r)]
}

// placeSuffixes after a hyphen make a compound of a place ("New
// Jersey-based", "Bronx-born"): the place is a word of its own.
var placeSuffixes = map[string]bool{"based": true, "born": true, "area": true, "bound": true, "owned": true,
	"led": true, "made": true, "run": true, "raised": true}

// headlineSmall are the small words a headline capitalizes and running
// text does not: "Pleads Guilty To the Death Of".
var headlineSmall = map[string]bool{"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "on": true,
	"for": true, "and": true, "or": true, "at": true, "by": true, "with": true, "from": true, "as": true, "into": true}

// suffixAt returns the lower-case letters from runes[i] up to the first
// other rune, when they are few.
func suffixAt(runes []rune, i int) string {
	j := i
	for j < len(runes) && j-i <= 6 && unicode.IsLower(runes[j]) {
		j++
	}
	if j == i || j-i > 6 || j < len(runes) && unicode.IsLetter(runes[j]) {
		return ""
	}
	return string(runes[i:j])
}

// markCapsLines flags the words of lines written in capitals, where case
// says nothing about names.
func markCapsLines(ws []word) {
	for i := 0; i < len(ws); {
		j := i
		upper, letters := 0, 0
		for j < len(ws) && ws[j].line == ws[i].line {
			for _, r := range ws[j].text {
				if unicode.IsLetter(r) {
					letters++
					if unicode.IsUpper(r) {
						upper++
					}
				}
			}
			j++
		}
		caps := letters >= 4 && float64(upper) >= 0.8*float64(letters)
		// A headline capitalizes its small words too ("Pleads Guilty To
		// the Death"); running text with many names does not.
		words, capital, small := 0, 0, 0
		for k := i; k < j; k++ {
			if ws[k].punct {
				continue
			}
			words++
			if ws[k].capitalized() {
				capital++
				if headlineSmall[ws[k].lower()] {
					small++
				}
			}
		}
		title := !caps && words >= 4 && small > 0 && float64(capital) >= 0.75*float64(words)
		for k := i; k < j; k++ {
			ws[k].capsLine = caps
			ws[k].titleLine = title
		}
		i = j
	}
}
