package quantity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casefile/casefile/annotate/internal/textscan"
	"github.com/casefile/casefile/schemas"
)

// Counts of people, things and events: a number, in digits or words, and
// the noun phrase it counts ("three co-conspirators", "two storage units",
// "14 non-fatal shootings", "four of the five stolen watches", "two or
// more bogus checks", "two cans of mace", "one drug test").
//
// No list of countable nouns: what is counted is told by the shape of the
// phrase. After the number come at most a few modifiers and a head noun
// that is plural by its morphology ("-s", or an irregular plural such as
// "men" and "children"); after "one" the head is the last word of a short
// run of content words. Guards keep out what only looks like a count: a
// number that labels ("Count 2", "Rule 11", "Exhibit 4", "No. 3", "page
// 12", "§ 5"), a line number of pleading paper or a transcript, a year, a
// date ("June 5"), a time unit (a duration, read elsewhere), a unit of
// mass or money, a gang named by a number ("8 Trey Crips"), and a
// hyphenated compound ("15-year-old", "8-Trey").

// countHeadRe reads the number of a count with its qualifier, an "or
// more", and the upper end of a range ("two to four", "between 10 and
// 20"). The \b after each number keeps "seventeen" whole and refuses
// "5th" and "thousands".
var countHeadRe = textscan.Lazy(`(?i)^(?:(?P<qual>about|approximately|roughly|nearly|almost|over|more\s+than|fewer\s+than|less\s+than|at\s+least|at\s+most|up\s+to|not\s+less\s+than|not\s+more\s+than|no\s+more\s+than|no\s+fewer\s+than|no\s+less\s+than|not\s+to\s+exceed|in\s+excess\s+of|only|all)\s+)?` +
	`(?P<between>between\s+)?(?P<num>` + numCore + `)\b(?:\s*\(\d+\))?` +
	`(?:\s+(?P<ormore>or\s+(?:more|fewer|less)))?` +
	`(?:\s*(?P<rsep>to|–|-|or|and)\s*(?P<hi>` + numCore + `)\b(?:\s*\(\d+\))?)?`)

// maxModifiers bounds the words between a number and the noun it counts:
// "five 9 mm caliber shell casings" has four.
const maxModifiers = 5

// findCounts adds the counts that start at the candidate offsets.
func findCounts(text string, cands []int, add func(start, end int, attrs *schemas.QuantityAttrs) bool) {
	re := countHeadRe.Get()
	iQual, iBetween, iNum := re.SubexpIndex("qual"), re.SubexpIndex("between"), re.SubexpIndex("num")
	iOrMore, iSep, iHi := re.SubexpIndex("ormore"), re.SubexpIndex("rsep"), re.SubexpIndex("hi")
	last := 0
	for _, c := range cands {
		if c < last {
			continue
		}
		if !numberNear(text, c) {
			continue
		}
		window := text[c:min(len(text), c+textscan.Window)]
		m := re.FindStringSubmatchIndex(window)
		if m == nil {
			continue
		}
		group := func(i int) string {
			if 2*i+1 >= len(m) || m[2*i] < 0 {
				return ""
			}
			return window[m[2*i]:m[2*i+1]]
		}
		num := group(iNum)
		lnum := strings.ToLower(num)
		if lnum == "a" || lnum == "an" {
			continue
		}
		v, ok := parseNumber(num)
		numStart := c + m[2*iNum]
		if !ok {
			// "two ten-year sentences": two numbers side by side; the
			// first one counts.
			first, _, cut := strings.Cut(strings.ReplaceAll(num, "-", " "), " ")
			if !cut {
				continue
			}
			if v, ok = parseNumber(first); !ok {
				continue
			}
			num = first
			m = m[:2*iNum+2]
			m[2*iNum+1] = m[2*iNum] + len(first)
			m[1] = m[2*iNum+1]
		}
		if v != float64(int64(v)) || v > 1e7 {
			continue // a count is a whole number
		}
		digits := num[0] >= '0' && num[0] <= '9'
		spanStart := numStart
		if group(iBetween) != "" {
			spanStart = c + m[2*iBetween]
		}
		nextCap := false
		if sc := (scanner{text: text, pos: numEnd(text, c+m[2*iNum+1])}); true {
			if w, ok := sc.next(); ok {
				nextCap = w.capitalized()
			}
		}
		if !countNumberOK(text, spanStart, numStart, num, digits, nextCap) {
			continue
		}
		prev, prevCap := previousWord(text, spanStart)
		// "the Four Corner Hustlers": a number word capitalized after
		// "the", before a capitalized word, opens a name (a headline's
		// "in Three Additional Shootings" has no article).
		if !digits && nextCap && !isUpperWord(num) && num[0] >= 'A' && num[0] <= 'Z' && prev == "the" &&
			group(iQual) == "" && !sentenceEnd(text, spanStart) {
			continue
		}
		if q := group(iQual); q != "" {
			r, _ := utf8.DecodeRuneInString(q)
			prevCap = unicode.IsUpper(r) // "AT LEAST 14 JURORS"
		}
		end := c + m[1]
		qual := strings.ToLower(strings.Join(strings.Fields(group(iQual)), " "))
		if om := group(iOrMore); om != "" {
			qual = strings.ToLower(strings.Join(strings.Fields(om), " "))
		}
		if sep := strings.ToLower(group(iSep)); sep != "" {
			hi, okHi := parseNumber(group(iHi))
			switch {
			case !okHi || hi <= v || (sep == "and") != (group(iBetween) != "") ||
				(sep == "-" || sep == "–") && (strings.ContainsAny(window[m[2*iNum+1]:m[2*iHi]], " \t\n") || len(group(iHi)) > 3):
				// Not a range: "two and three", "5-3", a phone
				// number "379-9219".
				end = numEnd(text, c+m[2*iNum+1])
			default:
				qual = "to " + strings.ToLower(group(iHi))
			}
		} else if group(iBetween) != "" {
			continue // "between 10 members" is no range
		}
		np, ok := nounPhrase(text, end, v, digits, isUpperWord(num), prevCap)
		if !ok {
			continue
		}
		attrs := &schemas.QuantityAttrs{Kind: schemas.KindCount, Value: schemas.Number(v * np.scale), Unit: schemas.UnitCount, Item: np.item, Qualifier: qual}
		if add(spanStart, np.end, attrs) {
			last = np.end
		}
	}
}

// numberNear is the cheap test before the head pattern runs: a
// candidate that is not itself a number ("all", "over", "at least") must
// have one among its next three words.
func numberNear(text string, c int) bool {
	sc := scanner{text: text, pos: c}
	w, ok := sc.next()
	if !ok {
		return false
	}
	if w.lower != "" && w.lower[0] >= '0' && w.lower[0] <= '9' {
		return true
	}
	if first, _, _ := strings.Cut(w.lower, "-"); textscan.IsNumberWord(first) || first == "single" {
		return true // "twenty-one", "single-count"
	}
	for range 3 {
		n, ok := sc.next()
		if !ok {
			return false
		}
		if n.lower != "" && (n.lower[0] >= '0' && n.lower[0] <= '9' || textscan.IsNumberWord(n.lower)) {
			return true
		}
	}
	return false
}

// numEnd returns the end of a number at text[:end] with its parenthesized
// digits ("three (3)").
func numEnd(text string, end int) int {
	j := end
	for j < len(text) && text[j] == ' ' {
		j++
	}
	if j < len(text) && text[j] == '(' {
		k := j + 1
		for k < len(text) && text[k] >= '0' && text[k] <= '9' {
			k++
		}
		if k > j+1 && k < len(text) && text[k] == ')' {
			return k + 1
		}
	}
	return end
}

// countNumberOK applies the guards on the number itself and what precedes
// it: labels, line numbers, years, dates, "the one", "no one".
func countNumberOK(text string, start, numStart int, num string, digits, nextCap bool) bool {
	if digits {
		if len(num) >= 4 && !strings.ContainsRune(num, ',') {
			return false // a year, a number of a record, a phone
		}
		if lineStart(text, numStart) && (numberedLines(text, numStart) || aloneOnLine(text, numStart)) || afterTimestamp(text, numStart) {
			return false // a line number of pleading paper or a transcript
		}
	}
	if start > 0 {
		switch text[start-1] {
		case '#', '/', ':', '.', '-', '$', '(', '[', '@', '+', '=', ',', '*':
			if !(text[start-1] == '(' && !digits) {
				return false
			}
		}
		if r, _ := utf8.DecodeLastRuneInString(text[:start]); r == '§' || r == '¶' {
			return false
		}
	}
	prev, prevCap := previousWord(text, start)
	lp := strings.ToLower(prev)
	if labelWords[lp] || months[strings.TrimSuffix(lp, ".")] {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text[:start], " \t")); r == '§' || r == '¶' {
		return false
	}
	name := prevCap && !stopWords[lp] && !qualifierWords[lp]
	if digits && name && (!nextCap || len(prev) <= 4 && isUpperWord(prev)) {
		return false // "Rule 11", "Title 18", "FRE 403", "MERV 8 PRE-FILTERS"
	}
	// A capitalized number after a sentence's end opens the next one
	// ("in Compton. Five firearms"); "One" there is more often a
	// pronoun or an idiom ("One example that comes to mind").
	opens := afterSentence(text, start) && !strings.EqualFold(num, "one")
	if !digits && name && !nextCap && !isUpperWord(num) && !opens {
		if r, _ := utf8.DecodeRuneInString(num); unicode.IsUpper(r) {
			return false // "the Top Five ordered", "Count Seven"
		}
	}
	if strings.EqualFold(num, "one") && oneDeterminers[lp] {
		return false // "the one person", "no one", "any one"
	}
	return true
}

// afterSentence reports whether a sentence ends right before byte i: a
// word of four or more letters, not all capitals, then a period ("in
// Compton. Five firearms"), so that a capitalized number there opens a
// sentence instead of closing a name ("the Top Five"). Abbreviations
// ("No.", "Ct.", "U.S.") are shorter or in capitals.
func afterSentence(text string, i int) bool {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t' || text[j-1] == '\n') {
		j--
	}
	if j == i || j == 0 || text[j-1] != '.' {
		return false
	}
	k := j - 1
	lower := false
	for k > 0 && (text[k-1] >= 'a' && text[k-1] <= 'z' || text[k-1] >= 'A' && text[k-1] <= 'Z') {
		lower = lower || text[k-1] >= 'a'
		k--
	}
	return j-1-k >= 4 && lower
}

// aloneOnLine reports whether the number at byte i is all of its line: a
// page or paragraph number, not the start of "51\nincorporates".
func aloneOnLine(text string, i int) bool {
	j := i
	for j < len(text) && (text[j] >= '0' && text[j] <= '9' || text[j] == ',') {
		j++
	}
	for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	return j == len(text) || text[j] == '\n' || text[j] == '\r' || text[j] == '\f'
}

// numberedLines reports whether the line of byte i, which starts with a
// number, sits among lines that start with numbers: pleading paper's line
// numbers, not a sentence wrapped before "14 alleged members".
func numberedLines(text string, i int) bool {
	startsWithDigit := func(line string) bool {
		line = strings.TrimLeft(line, " \t")
		return line != "" && line[0] >= '0' && line[0] <= '9'
	}
	ls := strings.LastIndexByte(text[:i], '\n') + 1
	if ls > 0 {
		ps := strings.LastIndexByte(text[:ls-1], '\n') + 1
		if startsWithDigit(text[ps : ls-1]) {
			return true
		}
	}
	if le := strings.IndexByte(text[i:], '\n'); le >= 0 {
		rest := text[i+le+1:]
		if ne := strings.IndexByte(rest, '\n'); ne >= 0 {
			rest = rest[:ne]
		}
		return startsWithDigit(rest)
	}
	return false
}

// sentenceEnd reports whether the text before byte offset i, blanks
// aside, is nothing or ends a sentence, a clause or a heading, or opens a
// quotation or an aside: ".", "!", "?", ":", ";", an opening quote or
// "(".
func sentenceEnd(text string, i int) bool {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t' || text[j-1] == '\n') {
		j--
	}
	if j == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:j]) // "“" is three bytes
	return strings.ContainsRune(".!?:;“\"(", r)
}

// previousWord returns the word before text[:i] on the same line or the
// line before, and whether it is capitalized.
func previousWord(text string, i int) (string, bool) {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t' || text[j-1] == '\n') {
		j--
	}
	k := j
	for k > 0 && (textscan.IsWordByte(text[k-1]) || text[k-1] == '.') {
		k--
	}
	w := strings.TrimLeft(text[k:j], ".")
	if w == "" {
		return "", false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return strings.TrimRight(w, "."), unicode.IsUpper(r)
}

// afterTimestamp reports whether only a transcript's time stamp ("02:08")
// and blanks precede byte i on its line.
func afterTimestamp(text string, i int) bool {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	k := j
	for k > 0 && (text[k-1] >= '0' && text[k-1] <= '9' || text[k-1] == ':') {
		k--
	}
	if k == j || !strings.Contains(text[k:j], ":") {
		return false
	}
	return lineStart(text, k)
}

// phrase is the noun phrase a number counts.
type phrase struct {
	end   int     // byte offset where the span ends
	item  string  // the head noun, lower case, with an "of" complement
	scale float64 // a scale word after the number: "953 million doses"
}

// nounPhrase reads what the number ending at byte i counts: an optional
// partitive ("of the"), modifiers and a plural head, or for one, a
// singular noun. digits and upper say how the number was written, titled
// whether a capitalized word precedes it (a headline in title case).
func nounPhrase(text string, i int, v float64, digits, upper, titled bool) (phrase, bool) {
	if i >= len(text) || !isBlank(text[i]) {
		return phrase{}, false // "8-Trey", "15-year-old", "5%", "3:30"
	}
	if digits && blankRun(text, i) >= 2 {
		return phrase{}, false // a number in a column of layout
	}
	sc := scanner{text: text, pos: i, blankLine: !digits}
	w, ok := sc.next()
	if !ok {
		return phrase{}, false
	}
	partitive := false
	if w.lower == "of" {
		d, ok := sc.next()
		if !ok || !partitiveDeterminers[d.lower] || v == 1 {
			return phrase{}, false // "one of the", "three of whom", "two of them"
		}
		partitive = true
		if w, ok = sc.next(); !ok {
			return phrase{}, false
		}
	}
	caps := upper || digits && w.allCaps() && titled
	scale := 1.0
	if f, ok := textscan.ScaleWords[w.lower]; ok {
		// "953 million doses": the scale word is part of the number.
		scale = f
		if w, ok = sc.next(); !ok {
			return phrase{}, false
		}
	}
	var mods []word
	for {
		lw := w.lower
		switch {
		case stopWords[lw] && !(partitive && len(mods) == 0 && textscan.IsNumberWord(lw)):
			return phrase{}, false
		case len(mods) == 0 && (timeUnits[lw] || measureUnits[lw] || countWords[lw]):
			return phrase{}, false // a duration, a mass, money, counts of offenses
		case len(mods) == 0 && (lw == "felony" || lw == "misdemeanor"):
			// "one felony count of robbery": the counts rule reads it
			// with its offense.
			save := sc
			if n, ok := sc.next(); ok && countWords[n.lower] {
				return phrase{}, false
			}
			sc = save
		}
		if isPlural(lw) && (v != 1 || partitive || len(mods) > 0) {
			if w.capitalized() && !caps && digits && !titled {
				return phrase{}, false // "8 Trey Crips": a gang named by a number
			}
			if digits && slices.ContainsFunc(mods, func(m word) bool { return m.capitalized() && streetWords[m.lower] }) {
				return phrase{}, false // "7 Ridgedale Avenue Cedar Knolls": an address
			}
			if timeUnits[lw] || measureUnits[lw] {
				return phrase{}, false
			}
			// "three related weapons charges", "two drugs offenses": the
			// plural names the charges' kind, and the charges are counted.
			save := sc
			if n, ok := sc.next(); ok && chargeNouns[n.lower] {
				p := phrase{end: n.endNoQuote(), item: lw + " " + n.lower, scale: scale}
				return p, true
			}
			sc = save
			// "Two Los Angeles Felons", "two Los Angeles felons": a
			// capitalized word in -s before a plural on its line is
			// part of a name, and the plural is the head: in title case
			// after a capitalized number word, or after the name's
			// first word in running text.
			if n, ok := sc.next(); ok && w.capitalized() &&
				(capitalNumber(text, i) && n.capitalized() || !n.capitalized() && len(mods) > 0 && slices.ContainsFunc(mods, word.capitalized)) &&
				!strings.Contains(text[w.end:n.start], "\n") && isPlural(n.lower) && !stopWords[n.lower] && n.modifier() &&
				!timeUnits[n.lower] && !measureUnits[n.lower] && len(mods) < maxModifiers {
				mods, w = append(mods, w), n
				save = sc
			}
			sc = save
			// "three police officers": a plural without -s modifying the
			// plural after it on its line, which is the head. (After an
			// -s plural the next word in -s is as often a verb: "the two
			// scores occurs", "6 times places him".)
			if n, ok := sc.next(); ok && irregularPlurals[lw] && !strings.Contains(text[w.end:n.start], "\n") &&
				isPlural(n.lower) && !stopWords[n.lower] && n.modifier() && !timeUnits[n.lower] &&
				!measureUnits[n.lower] && n.capitalized() == w.capitalized() && len(mods) < maxModifiers {
				mods, w = append(mods, w), n
			} else {
				sc = save
			}
			p, ok := withComplement(&sc, w, mods)
			p.scale = scale
			return p, ok
		}
		if v == 1 && !partitive {
			if digits {
				return phrase{}, false // "*1 n.2", "1 c": labels, not "one"
			}
			p, ok := singular(&sc, w, caps)
			p.scale = scale
			return p, ok
		}
		if len(mods) == maxModifiers || !w.modifier() {
			return phrase{}, false
		}
		if len(mods) > 0 && strings.HasSuffix(lw, "ed") && slices.ContainsFunc(mods, word.capitalized) && !caps {
			return phrase{}, false // "800 YGz crew terrorized neighborhoods": a verb after a name
		}
		mods = append(mods, w)
		if w, ok = sc.next(); !ok {
			return phrase{}, false
		}
	}
}

// capitalNumber reports whether the number word ending at byte i is
// capitalized ("Two", not "two" or "2").
func capitalNumber(text string, i int) bool {
	k := i
	for k > 0 && (textscan.IsWordByte(text[k-1]) || text[k-1] == '-') {
		k--
	}
	return k < i && text[k] >= 'A' && text[k] <= 'Z'
}

// countWords count charges: "two counts", "10 cts".
var countWords = textscan.Set("counts", "count", "cts", "ct")

// chargeNouns are the legal things a plural noun before them names the
// kind of: "weapons charges", "firearms offenses", "narcotics convictions".
var chargeNouns = textscan.Set("charges", "offenses", "offences", "convictions", "counts")

// streetWords name a street after its number: a count's modifiers never
// hold one.
var streetWords = textscan.Set("avenue", "ave.", "ave", "street", "st.", "road", "rd.", "boulevard", "blvd.", "drive",
	"dr.", "lane", "ln.", "parkway", "pkwy.", "highway", "hwy.", "place", "pl.", "court", "ct.", "terrace", "way", "plaza", "suite")

// singular reads the noun counted by "one": a run of content words, up
// to a function word, a verb-like word or a name, whose last word is the
// head ("one drug test", "one particular electronic device").
func singular(sc *scanner, first word, caps bool) (phrase, bool) {
	fits := func(w word, pos int) bool {
		lw := w.lower
		return w.modifier() && !stopWords[lw] && !pastVerbs[lw] && !isPlural(lw) && !strings.HasSuffix(lw, "ly") &&
			!(w.capitalized() && !caps) && !w.digits() && !(pos > 0 && (strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing")))
	}
	if !fits(first, 0) {
		return phrase{}, false
	}
	run := []word{first}
	for len(run) < 4 {
		save := *sc
		w, ok := sc.next()
		if !ok || !fits(w, len(run)) {
			*sc = save
			break
		}
		run = append(run, w)
	}
	head := run[len(run)-1]
	if len(head.lower) < 3 || oneIdioms[head.lower] || timeUnits[head.lower] || measureUnits[head.lower] || strings.HasSuffix(head.lower, "ed") {
		return phrase{}, false
	}
	return withComplement(sc, head, run[:len(run)-1])
}

// withComplement ends the phrase at the head noun, or after an "of"
// complement without a determiner ("two cans of mace", "five instances of
// opening legal mail", "500 pills of 30 mg oxycodone").
func withComplement(sc *scanner, head word, mods []word) (phrase, bool) {
	p := phrase{end: head.endNoQuote(), item: head.lower}
	if drug := drugModifier(mods); drug != "" {
		p.item = drug + " " + head.lower
	}
	save := *sc
	of, ok := sc.next()
	if ok && (of.lower == "and" || of.lower == "or") {
		// "members and associates": a second plural counted with the
		// first.
		if w, ok := sc.next(); ok && isPlural(w.lower) && !stopWords[w.lower] && w.modifier() &&
			w.capitalized() == head.capitalized() && !timeUnits[w.lower] && !measureUnits[w.lower] {
			return phrase{end: w.endNoQuote(), item: p.item + " " + of.lower + " " + w.lower}, true
		}
		*sc = save
		return p, true
	}
	if !ok || of.lower != "of" || !partitiveNouns[head.lower] {
		*sc = save
		return p, true
	}
	var ext []word
	for len(ext) < 4 {
		w, ok := sc.next()
		if !ok || stopWords[w.lower] || !w.modifier() || w.capitalized() && !w.allCaps() {
			break
		}
		if w.digits() {
			// Only a strength: "of 30 mg oxycodone".
			save2 := *sc
			u, ok := sc.next()
			*sc = save2
			if !ok || !strengthUnits[u.lower] {
				break
			}
		} else if len(ext) > 0 && (strings.HasSuffix(w.lower, "ed") || strings.HasSuffix(w.lower, "ly")) {
			break
		}
		ext = append(ext, w)
	}
	// The complement ends at a noun, not a modifier left hanging.
	for len(ext) > 0 && (ext[len(ext)-1].digits() || strengthUnits[ext[len(ext)-1].lower]) {
		ext = ext[:len(ext)-1]
	}
	if len(ext) == 0 {
		return p, true
	}
	words := make([]string, len(ext))
	for k, w := range ext {
		words[k] = w.lower
	}
	return phrase{end: ext[len(ext)-1].endNoQuote(), item: head.lower + " of " + strings.Join(words, " ")}, true
}

// drugModifier returns the drug named among the modifiers, for the item
// of "30 oxycodone tablets".
func drugModifier(mods []word) string {
	for _, m := range mods {
		if drugNames[m.lower] {
			return m.lower
		}
	}
	return ""
}

// A word of a noun phrase, with its byte span.
type word struct {
	text       string // as written, quotes included
	lower      string // lower case, without quotes
	start, end int
}

func (w word) capitalized() bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w.text, "“\"‘'"))
	return unicode.IsUpper(r)
}

func (w word) allCaps() bool { return isUpperWord(w.text) }

func (w word) digits() bool { return textscan.IsDigits(w.lower) }

// modifier reports whether w can stand in a noun phrase: letters, digits
// and inner hyphens or apostrophes.
func (w word) modifier() bool {
	if w.lower == "" {
		return false
	}
	for _, r := range w.lower {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '’' || r == '.') {
			return false
		}
	}
	return true
}

// endNoQuote is the end of the word without a closing quote: a mention
// leaves out trailing punctuation.
func (w word) endNoQuote() int {
	t := strings.TrimRight(w.text, "”\"’'")
	return w.start + len(t)
}

func isUpperWord(s string) bool {
	upper, letters := textscan.LetterCase(s)
	return letters > 0 && upper == letters
}

// scanner reads the words of a noun phrase. A phrase may run over one
// line break, but not into a new paragraph or over a line number.
type scanner struct {
	text string
	pos  int
	// blankLine allows one blank line inside the phrase: only after a
	// number in words, as digits before a blank line are mostly
	// paragraph or line numbers.
	blankLine bool
}

func (s *scanner) next() (word, bool) {
	t := s.text
	i := s.pos
	newlines := 0
	for i < len(t) && isBlank(t[i]) {
		if t[i] == '\n' || t[i] == '\f' || t[i] == '\r' {
			if t[i] == '\f' {
				return word{}, false
			}
			newlines++
		}
		i++
	}
	// One blank line may part a phrase in layout text ("five" at the
	// end of a line, "instances of ..." after a blank one); more is a
	// new paragraph.
	if newlines > 2 || newlines == 2 && !s.blankLine || i >= len(t) {
		return word{}, false
	}
	if newlines > 0 {
		// A line number or time stamp at the start of the next line.
		j := i
		for j < len(t) && (t[j] >= '0' && t[j] <= '9' || t[j] == ':') {
			j++
		}
		if j > i && (j == len(t) || isBlank(t[j])) {
			return word{}, false
		}
	}
	start := i
	// Opening quotes.
	for {
		r, n := utf8.DecodeRuneInString(t[i:])
		if r == '“' || r == '"' || r == '‘' {
			i += n
			continue
		}
		break
	}
	bodyStart := i
	for i < len(t) {
		r, n := utf8.DecodeRuneInString(t[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			i += n
			continue
		case r == '-' || r == '\'' || r == '’':
			// Inner hyphen or apostrophe: a letter or digit follows.
			if nr, _ := utf8.DecodeRuneInString(t[i+n:]); i > bodyStart && (unicode.IsLetter(nr) || unicode.IsDigit(nr)) {
				i += n
				continue
			}
		}
		break
	}
	if i == bodyStart {
		return word{}, false
	}
	body := t[bodyStart:i]
	// A closing quote stays with the word ("“800 YGz”"), so a phrase
	// may run on over it.
	for i < len(t) {
		r, n := utf8.DecodeRuneInString(t[i:])
		if r == '”' || r == '"' || r == '’' {
			i += n
			continue
		}
		break
	}
	s.pos = i
	return word{text: t[start:i], lower: strings.ToLower(body), start: start, end: i}, true
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// blankRun counts the spaces and tabs at text[i:].
func blankRun(text string, i int) int {
	n := 0
	for i+n < len(text) && (text[i+n] == ' ' || text[i+n] == '\t') {
		n++
	}
	return n
}

// isPlural tells a plural noun by its form: a regular plural in -s (not
// -ss, -us, -is, a possessive, or one of the few common words that end in
// s without being plurals) or an irregular plural.
func isPlural(w string) bool {
	if irregularPlurals[w] {
		return true
	}
	if len(w) < 3 || !strings.HasSuffix(w, "s") || notPlurals[w] {
		return false
	}
	for _, suf := range []string{"ss", "us", "is", "'s", "’s", "ics"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}
