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

const numWord = `(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|a|an)`

var (
	numPat  = `(\d[\d,]*(?:\.\d+)?|` + numWord + `(?:[\s-]+(?:and\s+)?` + numWord + `)*)`
	qualPat = `(?:(about|approximately|roughly|nearly|almost|over|more than|less than|at least|up to|not less than|not more than|in excess of)\s+)?`

	moneyRe = textscan.Lazy(`(?i)` + qualPat + `(?:\$\s?(\d{1,3}(?:,\s?\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s+(million|billion|thousand))?|(?:USD|US\$)\s?(\d[\d,]*(?:\.\d+)?)(?:\s+(million|billion|thousand))?|` + numPat + `\s+(?:(million|billion|thousand)\s+)?dollars)`)

	massRe = textscan.Lazy(`(?i)` + qualPat + numPat + `[\s-]+(kilograms?|kilos?|kgs?|grams?|g|pounds?|lbs?|ounces?|oz)\b(?:\s+(or more))?(?:\s+of\s+(?:a\s+mixture\s+(?:and\s+substance\s+)?containing\s+(?:a\s+detectable\s+amount\s+of\s+)?)?(` + drugPat + `))?`)

	durationRe = textscan.Lazy(`(?i)` + qualPat + numPat + `(?:\s*\(\d+\))?[\s-]+(months?|years?|days?|weeks?)(-old|\s+old)?(?:['’]s?)?(?:\s+(?:to|and)\s+life)?(?:\s+(?:imprisonment|in\s+prison|of\s+imprisonment|sentence|of\s+supervised\s+release|of\s+probation))?`)

	lifeRe = textscan.Lazy(`(?i)\blife\s+(?:imprisonment|in\s+prison|sentence|without\s+parole)\b`)

	countRe = textscan.Lazy(`(?i)\b` + numPat + `(?:\s*\(\d+\))?[\s-]+((?:of\s+(?:the|these|those)\s+)?(?:(?:alleged|attempted|reputed|additional|innocent|non-fatal|nonfatal|related|substantive|separate|violent|other|percipient|young|teenage|\d+-year-old|armed|fatal|gang|known|drive-by|retaliatory|gunpoint|court\s+authorized|periodic|drug|live|regular\s+size|\d+\s+mm\s+caliber|shell|assistant\s+field\s+intelligence)\s+){0,3})(` + countNouns + `)\b(?:\s+and\s+(associates|affiliates))?`)

	// "five counts of first-degree Criminal Use of a Firearm", "10 cts"
	countsOfRe = textscan.Lazy(`(?i)\b` + numPat + `\s+(?:counts?|cts?\.?)\b(?:\s+of)?`)

	countIndictmentRe = textscan.Lazy(`(?i)\b(\d+)-count(?:\s+(indictment|complaint|information))?\b`)
)

// The patterns anchored for findAt.
var (
	moneyAt           = textscan.Anchor(moneyRe)
	massAt            = textscan.Anchor(massRe)
	lifeAt            = textscan.Anchor(lifeRe)
	durationAt        = textscan.Anchor(durationRe)
	countIndictmentAt = textscan.Anchor(countIndictmentRe)
	countsOfAt        = textscan.Anchor(countsOfRe)
	countAt           = textscan.Anchor(countRe)
)

const drugPat = `cocaine\s+base|crack\s+cocaine|crack|cocaine|heroin|fentanyl|methamphetamine|meth|marijuana|cannabis|oxycodone|hydrocodone|mdma|ecstasy|pcp|lsd|ketamine|opium|morphine|codeine`

const countNouns = `co-defendants|co-defendant|ringleaders|members|member|associates|defendants|defendant|individuals|people|persons|person|men|women|children|boys|girls|teenagers|juveniles|victims|bystanders|witnesses|shootings|shooting\s+incidents|incidents\s+of\s+gunfire|incidents|murders|homicides|robberies|assaults|stabbings|firearms|guns|handguns|rifles|weapons|pistols|rounds|leaders|subsets|cliques|crews|gangs|counts\s+of\s+[a-z]+|counts|charges|indictments|occasions|occasion|times|arrests|arrest|officers|detectives|cars|vehicles|man|woman|child|victim|incident|exchange|tests|test|statements|images|grounds|factors|shots|casings|searches|homies|round`

var unitOf = map[string]string{
	"kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg", "kg": "kg", "kgs": "kg",
	"gram": "g", "grams": "g", "g": "g", "pound": "lb", "pounds": "lb", "lb": "lb", "lbs": "lb",
	"ounce": "oz", "ounces": "oz", "oz": "oz",
	"month": "month", "months": "month", "year": "year", "years": "year", "day": "day", "days": "day",
	"week": "week", "weeks": "week",
}

// Find returns the QUANTITY entities of a page.
func Find(p schemas.Page) []schemas.Entity {
	text := p.Text
	cands := quantityStarts(text)
	if len(cands) == 0 {
		return nil
	}
	lower := strings.ToLower(text)
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
	add := func(start, end int, attrs *schemas.QuantityAttrs) {
		for start < end && text[start] == ' ' {
			start++
		}
		for k := start; k < end; k++ {
			if taken[k] {
				return
			}
		}
		for k := start; k < end; k++ {
			taken[k] = true
		}
		out = append(out, schemas.Entity{
			Type: schemas.Quantity, Text: text[start:end], Page: p.Number,
			Start: toRune[start], End: toRune[end], Normalized: strings.Join(strings.Fields(text[start:end]), " "),
			Source: schemas.SourceRule, Attrs: attrs,
		})
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
			v, ok = textscan.ParseNumber(group(m, 2))
			scale = scaleOr1(group(m, 3))
		case group(m, 4) != "":
			v, ok = textscan.ParseNumber(group(m, 4))
			scale = scaleOr1(group(m, 5))
		default:
			v, ok = textscan.ParseNumber(group(m, 6))
			scale = scaleOr1(group(m, 7))
		}
		if ok {
			add(afterQual(m), m[1], qualified(&schemas.QuantityAttrs{Kind: schemas.KindMoney, Value: schemas.Number(v * scale), Unit: schemas.UnitUSD}, group(m, 1)))
		}
	}
	for _, m := range textscan.FindAt(massAt, text, cands, near("gram", "kilo", "kg", "pound", "lb", "ounce", "oz", " g ")) {
		v, ok := textscan.ParseNumber(group(m, 2))
		if !ok {
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
	for _, m := range textscan.FindAt(lifeAt, text, cands, near("life")) {
		add(m[0], m[1], &schemas.QuantityAttrs{Kind: schemas.KindDuration, Unit: schemas.UnitLife})
	}
	for _, m := range textscan.FindAt(durationAt, text, cands, near("month", "year", "day", "week")) {
		num := group(m, 2)
		v, ok := textscan.ParseNumber(num)
		if !ok || v == 0 || strings.EqualFold(num, "a") || strings.EqualFold(num, "an") || group(m, 4) != "" {
			continue // "15-year-old" is an age
		}
		if !sentenceContext(text, m[0], m[1]) {
			continue
		}
		add(afterQual(m), m[1], qualified(&schemas.QuantityAttrs{Kind: schemas.KindDuration, Value: schemas.Number(v), Unit: unitOf[strings.ToLower(group(m, 3))]}, group(m, 1)))
	}
	for _, m := range textscan.FindAt(countIndictmentAt, text, cands, near("-count")) {
		v, ok := textscan.ParseNumber(group(m, 1))
		if ok {
			add(m[0], m[1], &schemas.QuantityAttrs{Kind: schemas.KindCount, Value: schemas.Number(v), Unit: schemas.UnitCount, Item: "counts"})
		}
	}
	for _, m := range textscan.FindAt(countsOfAt, text, cands, near("count", "ct")) {
		v, ok := textscan.ParseNumber(group(m, 1))
		if !ok || v == 0 {
			continue
		}
		end, item := m[1], "counts"
		abbrev := strings.Contains(strings.ToLower(text[m[0]:m[1]]), "ct")
		// Only the words right after "counts of": a bounded window, anchored.
		window := text[m[1]:min(len(text), m[1]+160)]
		if oend, name, ok := charge.OffenseAt(window); !abbrev && ok {
			end = m[1] + oend
			item = "counts of " + name
		} else if strings.HasSuffix(strings.ToLower(text[m[0]:m[1]]), "of") {
			continue
		}
		add(m[0], end, &schemas.QuantityAttrs{Kind: schemas.KindCount, Value: schemas.Number(v), Unit: schemas.UnitCount, Item: item})
	}
	countHint := func(c int) bool {
		w := lower[c:min(len(lower), c+70)]
		for _, h := range countNounStems {
			if strings.Contains(w, h) {
				return true
			}
		}
		return false
	}
	for _, m := range textscan.FindAt(countAt, text, cands, countHint) {
		num := group(m, 1)
		v, ok := textscan.ParseNumber(num)
		if !ok || strings.EqualFold(num, "a") || strings.EqualFold(num, "an") {
			continue
		}
		if digits := textscan.IsDigits(num); digits && (v >= 1900 && v <= 2099 || len(num) >= 4) {
			continue // a year or a phone number, not a count
		}
		if textscan.IsDigits(num) && lineStart(text, m[2]) {
			continue // a line number of pleading paper
		}
		// The item is the noun counted, without its modifiers: "two
		// alleged ringleaders" → "ringleaders".
		item := strings.ToLower(strings.Join(strings.Fields(group(m, 3)), " "))
		if a := group(m, 4); a != "" {
			item += " and " + strings.ToLower(a)
		}
		add(m[0], m[1], &schemas.QuantityAttrs{Kind: schemas.KindCount, Value: schemas.Number(v), Unit: schemas.UnitCount, Item: item})
	}
	return out
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
		"incarcerat", "faces", "maximum", "minimum", "term", "served", "life"} {
		if strings.Contains(w, k) {
			return true
		}
	}
	return false
}

// quantityStarters are the words that can begin a quantity.
var quantityStarters = func() map[string]bool {
	m := textscan.Set("about", "approximately", "roughly", "nearly", "almost", "over", "more", "less", "life", "usd", "us$")
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
		return n == "less" || n == "more"
	case "in":
		return next() == "excess"
	}
	return false
}

// countNounStems prefilter countRe: one must occur right after the number.
var countNounStems = []string{"member", "associate", "affiliate", "defendant", "individual", "people", "person",
	"men", "women", "child", "boy", "girl", "teen", "juvenile", "victim", "bystander", "witness", "shooting",
	"incident", "murder", "homicide", "robber", "assault", "stabbing", "firearm", "gun", "rifle", "weapon",
	"pistol", "round", "leader", "subset", "clique", "crew", "gang", "count", "charge", "indictment",
	"occasion", "time", "arrest", "officer", "detective", "car", "vehicle", "man", "exchange", "test",
	"statement", "image", "ground", "factor", "shot", "casing", "search", "homie"}
