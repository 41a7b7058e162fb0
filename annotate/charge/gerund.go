package charge

import (
	"strings"

	"github.com/casefile/casefile/annotate/internal/textscan"
)

// Federal charging language names some offenses by a gerund phrase, the
// words of the statute: "dealing in firearms without a license",
// "manufacturing firearms without a license" (18 U.S.C. § 922(a)(1)(A)),
// "possessing a firearm in furtherance of a drug trafficking crime" (§
// 924(c)). Told by a verb ("he engaged in the business of manufacturing
// firearms without a license", "he was manufacturing rifles without a
// license") the same words are conduct, not a charge name. So a gerund
// phrase is read only where charging language names it:
//
//   - in apposition to a citation: "Section 922(a)(1)(A), engaging in the
//     business of manufacturing firearms without a license";
//   - right before "in violation of" and a citation.
//
// The phrase is a gerund, its object (up to four words: "firearms", "in
// firearms", "a firearm") and the qualifier that makes the act an
// offense: "without a license" (or licence, permit, authorization) or
// "in furtherance of" a crime. "engaging in the business of" before the
// gerund is the statute's frame, left out of the name: the offense is
// called by the inner gerund phrase.

// maxGerundObject caps the words between the gerund and its qualifier.
const maxGerundObject = 4

// gerundOffenses finds the gerund offense phrases of a page; lower is the
// page lower-cased (ASCII), with the same byte offsets.
func gerundOffenses(text, lower string) []phrase {
	var out []phrase
	for _, anchor := range []string{"without", "in furtherance of"} {
		for i := 0; ; {
			k := strings.Index(lower[i:], anchor)
			if k < 0 {
				break
			}
			at := i + k
			i = at + len(anchor)
			if at > 0 && textscan.IsWordByte(text[at-1]) || i < len(text) && textscan.IsWordByte(text[i]) {
				continue
			}
			if p, ok := gerundPhrase(text, at, anchor); ok {
				out = append(out, p)
			}
		}
	}
	return out
}

// gerundPhrase reads the gerund phrase whose qualifier starts at byte
// offset at with anchor, and checks its context.
func gerundPhrase(text string, at int, anchor string) (phrase, bool) {
	// The qualifier's end.
	after := tokensFrom(text, at, 12)
	end := -1
	var qual []string
	w := func(k int) string {
		if k < len(after) && after[k].kind == 'w' {
			return after[k].lower
		}
		return ""
	}
	if anchor == "without" {
		switch {
		case licenceNouns[w(1)]:
			end, qual = after[1].e, []string{"without", w(1)}
		case (w(1) == "a" || w(1) == "an") && licenceNouns[w(2)]:
			end, qual = after[2].e, []string{"without", w(1), w(2)}
		default:
			return phrase{}, false
		}
	} else {
		// "in furtherance of a drug trafficking crime", "of a crime of
		// violence", "of any such crime".
		n := 3
		if w(n) != "a" && w(n) != "an" && w(n) != "any" {
			return phrase{}, false
		}
		for k := n + 1; k < len(after) && k <= n+4; k++ {
			if w(k) == "crime" || w(k) == "offense" {
				e := k
				if w(k+1) == "of" && w(k+2) == "violence" {
					e = k + 2
				}
				end, qual = after[e].e, []string{"in", "furtherance", "of"}
				for _, t := range after[n : e+1] {
					qual = append(qual, t.lower)
				}
				break
			}
			if w(k) == "" {
				break
			}
		}
		if end < 0 {
			return phrase{}, false
		}
	}
	// The gerund and its object, read back over the line leads of a
	// transcript: tokens from a window before at.
	from := max(0, at-200)
	for from > 0 && text[from-1] != '\n' && at-from < 260 {
		from--
	}
	ts := tokensFrom(text, from, 120)
	q := 0
	for q < len(ts) && ts[q].s < at {
		q++
	}
	g := -1 // the gerund's token
	for k := q - 1; k >= 0 && k >= q-1-maxGerundObject; k-- {
		t := ts[k]
		if t.kind != 'w' || t.cap && !t.upper || t.upper || endWords[t.lower] && t.lower != "in" || isDigitWord(t.lower) {
			break
		}
		if k < q-1 && len(t.lower) > 4 && strings.HasSuffix(t.lower, "ing") {
			g = k
			break
		}
	}
	if g < 0 {
		return phrase{}, false
	}
	words := []string{}
	for _, t := range ts[g:q] {
		if notPhraseStart[t.lower] && t.lower != "a" && t.lower != "an" && t.lower != "in" || genericWords[t.lower] {
			return phrase{}, false
		}
		words = append(words, t.lower)
	}
	p := phrase{s: ts[g].s, e: end, name: strings.Join(append(words, qual...), " ")}
	// The statute's frame "engaging in the business of" before the gerund.
	b := g
	if b >= 4 && ts[b-1].lower == "of" && ts[b-2].lower == "business" && ts[b-3].lower == "the" && ts[b-4].lower == "in" {
		if b < 5 || ts[b-5].lower != "engaging" {
			return phrase{}, false // "engaged in the business of": conduct
		}
		b -= 5
	}
	// Apposition to a citation: ", " after a section number or its
	// subsection.
	if b >= 2 && ts[b-1].lower == "," && (ts[b-2].lower == ")" || isDigitWord(ts[b-2].lower)) {
		for k := b - 2; k >= 0 && k >= b-12; k-- {
			if l := ts[k].lower; l == "§" || l == "section" || l == "sections" || l == "u" && k+2 < len(ts) && ts[k+2].lower == "s" {
				return p, true
			}
		}
	}
	// Before "in violation of" a citation.
	rest := tokensFrom(text, end, 3)
	if len(rest) == 3 && rest[0].lower == "in" && rest[1].lower == "violation" && rest[2].lower == "of" && citationFollows(text, rest[2].e) {
		return p, true
	}
	return phrase{}, false
}
