package quantity

import (
	"github.com/casefile/casefile/annotate/charge"
	"github.com/casefile/casefile/annotate/internal/textscan"
	"strings"

	"github.com/casefile/casefile/schemas"
)

// Quantities: money, masses of drugs, sentence lengths and counts of
// things, each with attrs kind, value, unit and, when the text says,
// item and qualifier.

var (
	numPat  = `(` + numCore + `)`
	qualPat = `(?:(about|approximately|roughly|nearly|almost|over|more than|less than|at least|up to|not less than|not more than|in excess of)\s+)?`

	moneyRe = textscan.Lazy(`(?i)` + qualPat + `(?:\$\s?(\d{1,3}(?:,\s?\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s+(million|billion|thousand))?|(?:USD|US\$)\s?(\d[\d,]*(?:\.\d+)?)(?:\s+(million|billion|thousand))?|` + numPat + `\s+(?:(million|billion|thousand)\s+)?dollars)`)

	massRe = textscan.Lazy(`(?i)` + qualPat + numPat + `[\s-]+(kilograms?|kilos?|kgs?|grams?|g|pounds?|lbs?|ounces?|oz|milligrams?|mg)\b(?:\s+(or more))?(?:\s+of\s+(?:a\s+mixture\s+(?:and\s+substance\s+)?containing\s+(?:a\s+detectable\s+amount\s+of\s+)?)?(` + drugPat + `))?`)

	// "15 years to life in prison", "8 1/3 to 25 years", "between 10 and
	// 20 years", "three years' supervised release", "a three-year term
	// of supervised release". Groups: 1 qualifier, 2 "between", 3 the
	// number, 4 a range's upper end, 5 the unit, 6 "-old", 7 "to life",
	// 8 what the term is of.
	durationRe = textscan.Lazy(`(?i)` + qualPat + `(between\s+)?` + numPat + `(?:\s*\(\d+\))?(?:\s*(?:to|–|-|or|and)\s*` + numPat + `(?:\s*\(\d+\))?)?[\s-]+(months?|years?|days?|weeks?)\b(-old|\s+old|\s+of\s+age)?(?:['’]s?)?(?:\s+(?:to|and)\s+(life))?(\s+(?:imprisonment|in\s+(?:state\s+|federal\s+)?prison|of\s+imprisonment|sentences?|prison\s+(?:sentences?|terms?)|(?:mandatory\s+)?minimum\s+sentences?|of\s+supervised\s+release|supervised\s+release|of\s+probation|probation|of\s+incarceration|incarceration|in\s+custody|(?:period|term)\s+of\s+(?:supervised\s+release|probation|imprisonment|incarceration|post-?(?:incarceration|release)\s+supervision|parole)))?`)

	// "150 hours of community service work", "200 hours of unpaid
	// community service": a disposition's term counted in hours. Hours
	// alone are the length of an event ("deliberated for 12 hours").
	// Groups: 1 qualifier, 2 the number, 3 what the hours are of.
	serviceRe = textscan.Lazy(`(?i)` + qualPat + numPat + `[\s-]+hours?\s+of\s+((?:unpaid\s+|volunteer\s+)?community\s+(?:service|work)(?:\s+work)?)\b`)

	// "life in prison", "life in federal prison", "life without parole".
	lifeRe = textscan.Lazy(`(?i)\blife\s+(?:imprisonment|in\s+(?:state\s+|federal\s+)?prison|sentence|without\s+parole)\b`)

	// "five counts of first-degree Criminal Use of a Firearm", "10 cts",
	// "one felony count of second-degree robbery": a grade may stand
	// between the number and "count".
	countsOfRe = textscan.Lazy(`(?i)\b` + numPat + `\s+(?:(?:felony|misdemeanor)\s+)?(?:counts?|cts?\.?)\b(?:\s+of\b)?`)

	// "88-count indictment", "two-count indictment", "single-count
	// Information".
	countIndictmentRe = textscan.Lazy(`(?i)\b(\d+|` + wordsNum + `|single)[\s-]count\b(?:\s+(indictment|complaint|information))?`)
)

// The patterns anchored for findAt.
var (
	moneyAt           = textscan.Anchor(moneyRe)
	massAt            = textscan.Anchor(massRe)
	lifeAt            = textscan.Anchor(lifeRe)
	serviceAt         = textscan.Anchor(serviceRe)
	durationAt        = textscan.Anchor(durationRe)
	countIndictmentAt = textscan.Anchor(countIndictmentRe)
	countsOfAt        = textscan.Anchor(countsOfRe)
)

const drugPat = `cocaine\s+base|crack\s+cocaine|crack|cocaine|heroin|fentanyl|methamphetamine|meth|marijuana|cannabis|oxycodone|hydrocodone|mdma|ecstasy|pcp|lsd|ketamine|opium|morphine|codeine`

var unitOf = map[string]string{
	"kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg", "kg": "kg", "kgs": "kg",
	"gram": "g", "grams": "g", "g": "g", "pound": "lb", "pounds": "lb", "lb": "lb", "lbs": "lb",
	"ounce": "oz", "ounces": "oz", "oz": "oz",
	"month": "month", "months": "month", "year": "year", "years": "year", "day": "day", "days": "day",
	"week": "week", "weeks": "week", "milligram": "mg", "milligrams": "mg", "mg": "mg",
}

// Find returns the QUANTITY entities of a page.
func Find(p schemas.Page) []schemas.Entity {
	text := p.Text
	cands := dropFootnoteMarks(text, quantityStarts(text))
	if len(cands) == 0 {
		return nil
	}
	lower := textscan.ToLowerASCII(text) // byte for byte: offsets into text are offsets into lower
	// Each pattern needs one of its hint words near the start; the cheap
	// substring test saves most regexp runs.
	near := func(hints ...string) func(c int) bool {
		return func(c int) bool {
			w := lower[c:min(len(lower), c+textscan.Window)]
			for _, h := range hints {
				if strings.Contains(w, h) {
					return true
				}
			}
			return false
		}
	}
	toRune := textscan.ByteToRune(text)
	taken := make([]bool, len(text)+1)
	var out []schemas.Entity
	add := func(start, end int, attrs *schemas.QuantityAttrs) bool {
		// Past the blanks after a qualifier, which \s matches across a
		// line break: "more than\nfive million dollars".
		for start < end && strings.IndexByte(" \t\n\f\r", text[start]) >= 0 {
			start++
		}
		if start >= end {
			return false
		}
		for k := start; k < end; k++ {
			if taken[k] {
				return false
			}
		}
		for k := start; k < end; k++ {
			taken[k] = true
		}
		out = append(out, schemas.Entity{
			Type: schemas.Quantity, Text: text[start:end], Page: p.Number,
			Start: toRune.At(start), End: toRune.At(end), Normalized: strings.Join(strings.Fields(text[start:end]), " "),
			Source: schemas.SourceRule, Attrs: attrs,
		})
		return true
	}
	group := func(m []int, i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return text[m[2*i]:m[2*i+1]]
	}
	qualified := func(attrs *schemas.QuantityAttrs, q string) *schemas.QuantityAttrs {
		if q != "" {
			attrs.Qualifier = strings.ToLower(q)
		}
		return attrs
	}
	// The span starts at the number: a qualifier ("more than $2,500") is
	// in attrs, and the bare amount is the mention readers search for.
	afterQual := func(m []int) int {
		if m[2] >= 0 {
			return m[3]
		}
		return m[0]
	}
	for _, m := range textscan.FindAt(moneyAt, text, cands, near("$", "usd", "dollar")) {
		var v float64
		var ok bool
		scale := 1.0
		switch {
		case group(m, 2) != "":
			// "$100, 000": a space after the separator is a typing slip.
			v, ok = textscan.ParseNumber(strings.ReplaceAll(group(m, 2), " ", ""))
			scale = scaleOr1(group(m, 3))
		case group(m, 4) != "":
			v, ok = textscan.ParseNumber(group(m, 4))
			scale = scaleOr1(group(m, 5))
		default:
			v, ok = parseNumber(group(m, 6))
			scale = scaleOr1(group(m, 7))
		}
		if ok {
			add(afterQual(m), m[1], qualified(&schemas.QuantityAttrs{Kind: schemas.KindMoney, Value: schemas.Number(v * scale), Unit: schemas.UnitUSD}, group(m, 1)))
		}
	}
	// Counts first: "two ten-year sentences" counts sentences, and "500
	// pills of 30 mg oxycodone" counts pills; the count rule itself
	// leaves durations, masses and money to the rules below.
	findCounts(text, cands, add)
	for _, m := range textscan.FindAt(massAt, text, cands, near("gram", "kilo", "kg", "pound", "lb", "ounce", "oz", " g ", "mg")) {
		v, ok := parseNumber(group(m, 2))
		if !ok || isArticle(group(m, 2)) {
			continue
		}
		attrs := qualified(&schemas.QuantityAttrs{Kind: schemas.KindMass, Value: schemas.Number(v), Unit: unitOf[strings.ToLower(group(m, 3))]}, group(m, 1))
		start := afterQual(m)
		if q := group(m, 4); q != "" {
			attrs.Qualifier = strings.ToLower(q)
		}
		if d := group(m, 5); d != "" {
			attrs.Item = strings.ToLower(strings.Join(strings.Fields(d), " "))
		}
		add(start, m[1], attrs)
	}
	// Durations before life sentences: "15 years to life in prison" is
	// one term.
	for _, m := range textscan.FindAt(durationAt, text, cands, near("month", "year", "day", "week")) {
		num := group(m, 3)
		v, ok := parseNumber(num)
		if !ok || v == 0 || isArticle(num) || group(m, 6) != "" {
			continue // "15-year-old", "8 years of age" is an age
		}
		if !sentenceContext(text, m[0], m[1]) {
			continue
		}
		if group(m, 8) == "" && group(m, 7) == "" && strings.Contains(text[m[7]:m[10]], "-") {
			continue // "a three-year investigation": a length, not a term
		}
		start, end := afterQual(m), m[1]
		if group(m, 2) != "" {
			start = m[4] // "between 10 and 20 years" reads as a whole
		}
		if group(m, 8) == "" {
			// "sixty months’ on the second count": the possessive
			// mark is not part of the mention.
			end = trimApostrophe(text, start, end)
		}
		attrs := qualified(&schemas.QuantityAttrs{Kind: schemas.KindDuration, Value: schemas.Number(v), Unit: unitOf[strings.ToLower(group(m, 5))]}, group(m, 1))
		switch hi := group(m, 4); {
		case group(m, 7) != "":
			attrs.Qualifier = "to life"
		case hi != "":
			hv, ok := parseNumber(hi)
			if !ok || hv <= v {
				continue
			}
			attrs.Qualifier = "to " + strings.ToLower(strings.Join(strings.Fields(hi), " "))
		}
		add(start, end, attrs)
	}
	for _, m := range textscan.FindAt(serviceAt, text, cands, near("hour")) {
		v, ok := parseNumber(group(m, 2))
		if !ok || v == 0 || isArticle(group(m, 2)) {
			continue
		}
		attrs := qualified(&schemas.QuantityAttrs{Kind: schemas.KindDuration, Value: schemas.Number(v), Unit: "hour",
			Item: strings.ToLower(strings.Join(strings.Fields(group(m, 3)), " "))}, group(m, 1))
		add(afterQual(m), m[1], attrs)
	}
	for _, m := range textscan.FindAt(lifeAt, text, cands, near("life")) {
		add(m[0], m[1], &schemas.QuantityAttrs{Kind: schemas.KindDuration, Unit: schemas.UnitLife})
	}
	for _, m := range textscan.FindAt(countIndictmentAt, text, cands, near("count")) {
		// "one count of carrying a dangerous weapon": a count of an
		// offense, read with its offense below.
		if group(m, 2) == "" && ofAfter(text[m[1]:]) {
			continue
		}
		num := strings.ToLower(group(m, 1))
		v, ok := parseNumber(num)
		if num == "single" {
			v, ok = 1, true
		}
		if ok && v > 0 && !isArticle(num) {
			add(m[0], m[1], &schemas.QuantityAttrs{Kind: schemas.KindCount, Value: schemas.Number(v), Unit: schemas.UnitCount, Item: "counts"})
		}
	}
	for _, m := range textscan.FindAt(countsOfAt, text, cands, near("count", "ct")) {
		v, ok := parseNumber(group(m, 1))
		if !ok || v == 0 || isArticle(group(m, 1)) {
			continue
		}
		end, item := m[1], "counts"
		abbrev := strings.Contains(strings.ToLower(text[m[0]:m[1]]), "ct")
		// Only the words right after "counts of": a bounded window, anchored.
		window := text[m[1]:min(len(text), m[1]+160)]
		if oend, name, ok := charge.CountLineOffenseAt(window); !abbrev && ok && countLine(text, m[0]) && !strings.HasSuffix(strings.ToLower(text[m[0]:m[1]]), "of") {
			// A charging list's line: "• 18 Counts Title Fraud 3rd
			// Degree Felony" counts title fraud (A4), its class left out.
			end = m[1] + oend
			item = "counts of " + name
		} else if oend, name, ok := charge.NameAt(window); !abbrev && ok && strings.HasSuffix(strings.ToLower(text[m[0]:m[1]]), "of") {
			// The offense as the page's readers name it, its degree
			// and tails with it: "three counts of second-degree
			// forgery", "one count of first degree premeditated murder".
			end = m[1] + oend
			item = "counts of " + name
		} else if oend, name, ok := charge.OffenseAt(window); !abbrev && ok {
			end = m[1] + oend
			item = "counts of " + name
		} else if oend, name, ok := charge.PhraseAt(window); !abbrev && ok && strings.HasSuffix(strings.ToLower(text[m[0]:m[1]]), "of") {
			// An offense no list names, read as court language reads
			// it after "counts of": "one count of carrying a dangerous
			// weapon", "two counts of threatening in the second degree".
			end = m[1] + oend
			item = "counts of " + name
		} else if strings.HasSuffix(strings.ToLower(text[m[0]:m[1]]), "of") {
			continue
		}
		add(m[0], end, &schemas.QuantityAttrs{Kind: schemas.KindCount, Value: schemas.Number(v), Unit: schemas.UnitCount, Item: item})
	}
	return out
}

// countLine reports whether the count at byte i opens its line, after
// blanks and a bullet: a charging list's line ("• 18 Counts Title Fraud").
func countLine(text string, i int) bool {
	t := strings.TrimRight(text[:i], " \t")
	for _, b := range []string{"•", "·", "▪", "◦", "*", "–", "-"} {
		if strings.HasSuffix(t, b) {
			t = strings.TrimRight(strings.TrimSuffix(t, b), " \t")
			break
		}
	}
	return t == "" || strings.HasSuffix(t, "\n")
}

// ofAfter reports whether s starts with blanks and the word "of".
func ofAfter(s string) bool {
	t := strings.TrimLeft(s, " \t\n")
	return len(t) < len(s) && len(t) >= 2 && strings.EqualFold(t[:2], "of") && (len(t) == 2 || !textscan.IsWordByte(t[2]))
}

// isArticle reports whether a number is only "a" or "an", which count
// nothing alone.
func isArticle(num string) bool {
	return strings.EqualFold(num, "a") || strings.EqualFold(num, "an")
}

// trimApostrophe drops a closing possessive mark from text[start:end].
func trimApostrophe(text string, start, end int) int {
	for _, q := range []string{"’", "'"} {
		if end-start > len(q) && strings.HasSuffix(text[start:end], q) {
			return end - len(q)
		}
	}
	return end
}

func scaleOr1(s string) float64 {
	if v, ok := textscan.ScaleWords[strings.ToLower(s)]; ok {
		return v
	}
	return 1
}

// lineStart reports whether byte i is the first non-blank of its line.
func lineStart(text string, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch text[j] {
		case '\n':
			return true
		case ' ', '\t':
			continue
		default:
			return false
		}
	}
	return true
}

// sentenceContext reports whether a duration at text[start:end] is a
// sentence, probation or supervised-release term rather than an age or the
// length of an investigation.
func sentenceContext(text string, start, end int) bool {
	w := strings.ToLower(text[max(0, start-90):min(len(text), end+40)])
	for _, k := range []string{"sentenc", "imprison", "prison", "custody", "supervised release", "probation",
		"incarcerat", "faces", "maximum", "minimum", "term", "served", "life", "punishment", "penitentiary", "confinement", "parole"} {
		if strings.Contains(w, k) {
			return true
		}
	}
	return false
}

// dropFootnoteMarks drops the starts of footnote markers: digits glued to
// the punctuation after a word ("a minor;5 Counts IV, V, and VI were
// dismissed", "twelve years.6 The"), which count nothing. A digit after
// a comma between digits ("1,000") is no start anyway.
func dropFootnoteMarks(text string, starts []int) []int {
	out := starts[:0]
	for _, s := range starts {
		if s >= 2 && text[s] >= '0' && text[s] <= '9' && strings.IndexByte(".;,:", text[s-1]) >= 0 &&
			(text[s-2] >= 'a' && text[s-2] <= 'z' || text[s-2] >= 'A' && text[s-2] <= 'Z') {
			continue
		}
		out = append(out, s)
	}
	return out
}

// quantityStarters are the words that can begin a quantity.
var quantityStarters = func() map[string]bool {
	m := textscan.Set("about", "approximately", "roughly", "nearly", "almost", "over", "more", "less", "life", "usd", "us$",
		"only", "all", "between", "fewer", "single")
	for _, w := range textscan.NumberWords() {
		m[w] = true
	}
	return m
}()

// quantityStarts returns the byte offsets of words that can start a
// quantity: digits, "$", number words and qualifiers.
func quantityStarts(text string) []int {
	return textscan.WordStarts(text, '$', func(w, rest string) bool {
		c := w[0]
		return c == '$' || c >= '0' && c <= '9' || quantityStarters[w] || pairedStarter(w, rest)
	})
}

// pairedStarter: common words that start a quantity only before a given
// word ("a dozen", "at least", "up to", "not less than", "in excess of").
func pairedStarter(w, rest string) bool {
	next := func() string {
		rest = strings.TrimLeft(rest, " \t\n")
		k := 0
		for k < len(rest) && textscan.IsWordByte(rest[k]) {
			k++
		}
		return strings.ToLower(rest[:k])
	}
	switch w {
	case "a", "an":
		return next() == "dozen"
	case "at":
		return next() == "least"
	case "up":
		return next() == "to"
	case "not":
		n := next()
		return n == "less" || n == "more" || n == "to"
	case "no":
		n := next()
		return n == "more" || n == "fewer" || n == "less"
	case "in":
		return next() == "excess"
	}
	return false
}
