package charge

import (
	"strings"

	"github.com/casefile/casefile/annotate/internal/textscan"
)

// Charging papers, judgments and courts reading an indictment name each
// count's offense right before the statute it violates: "Mail Fraud,
// Aiding and Abetting, Causing an Act to Be Done in violation of 18 USC
// Section 1341" (the judgment form's list of counts), "and third with
// operating an unlicensed money transmitting business in violation of
// Section 1960". The phrase before "in violation of <citation>" is read
// back to its list boundary:
//
//   - a run of capitalized words (with connectors inside: "of", "an",
//     "to") that starts after a comma, semicolon or colon or after "and";
//   - a lower-case noun phrase that starts right after "with", the
//     charging preposition ("charged ... First, with X ..., and third with
//     Y in violation of"), read forward as the context readers read it.
//
// A verb before "in violation of" ("possessed a firearm in violation of")
// is conduct, not an offense name, and neither form reads it.

// maxViolationWords caps a phrase read back from "in violation of".
const maxViolationWords = 10

// violationOffenses finds the offense phrases named right before "in
// violation of" and a citation on a page; lower is the page lower-cased
// (ASCII), with the same byte offsets.
func violationOffenses(text, lower string) []phrase {
	var out []phrase
	for i := 0; ; {
		k := strings.Index(lower[i:], "violation of")
		if k < 0 {
			break
		}
		at := i + k
		i = at + len("violation of")
		if !citationFollows(text, i) {
			continue
		}
		back := wordsBack(text, at, 1)
		if len(back) != 1 || back[0].lower != "in" {
			continue
		}
		end := back[0].start // the phrase ends before "in"
		if p, ok := titleRunBefore(text, end); ok {
			out = append(out, p)
			continue
		}
		if p, ok := withPhraseBefore(text, lower, end); ok {
			out = append(out, p)
			continue
		}
		if p, ok := countPhraseBefore(text, end); ok {
			out = append(out, p)
		}
	}
	return out
}

// countPhraseBefore reads the offense named between a count's label and
// "in violation of": "Counts 3 and 4, discharging a firearm into a
// dwelling, in violation of 21 O.S.2011, § 1289.17A", a court's recital
// of the counts of conviction. The label and the comma before "in" bound
// the name, which is taken whole: words in lower case (hyphens inside),
// no digit, no other punctuation, at most maxCountWords of them.
func countPhraseBefore(text string, end int) (phrase, bool) {
	e := end
	for e > 0 && (text[e-1] == ' ' || text[e-1] == '\n') {
		e--
	}
	if e == 0 || text[e-1] != ',' {
		return phrase{}, false
	}
	e--
	from := max(0, e-200)
	locs := countLabel.Get().FindAllStringIndex(text[from:e], -1)
	if len(locs) == 0 {
		return phrase{}, false
	}
	st := from + locs[len(locs)-1][1]
	name := text[st:e]
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > maxCountWords || notPhraseStart[words[0]] || strings.TrimSpace(name) != name {
		return phrase{}, false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r == ' ' || r == '-' || r == '\'' || r == '’') {
			return phrase{}, false
		}
	}
	return phrase{s: st, e: e, name: strings.Join(words, " ")}, true
}

// maxCountWords caps an offense read between a count's label and "in
// violation of": "possession of a firearm after former conviction of a
// felony" is ten.
const maxCountWords = 12

// countLabel is a count's label before its offense: "Count 6, ", "Counts
// 7 and 8, ", "Count II: ".
var countLabel = textscan.Lazy(`\b[Cc]ounts?\s+(?:\d{1,3}|[IVX]{1,5})(?:\s+(?:and|through|to|&)\s+(?:\d{1,3}|[IVX]{1,5}))?\s*[,:]\s*`)

// citationFollows reports whether a citation starts after byte offset at
// (after "in violation of"): a number, a section sign, "Title", "Section"
// or a code's name in capitals ("Penal Law", "N.Y.", "Cal.").
func citationFollows(text string, at int) bool {
	ts := tokensFrom(text, at, 1)
	if len(ts) == 0 {
		return false
	}
	t := ts[0]
	switch {
	case t.lower == "§" || isDigitWord(t.lower):
		return true
	case t.kind == 'w' && t.cap:
		return true
	case t.lower == "section" || t.lower == "sections":
		return true
	}
	return false
}

// titleRunBefore reads a run of capitalized words and connectors ending
// at byte offset end: "Causing an Act to Be Done". It must start after
// list punctuation or "and", hold two or more words and no digit.
func titleRunBefore(text string, end int) (phrase, bool) {
	ws := wordsBack(text, end, maxViolationWords+1)
	n := 0
	for n < len(ws) && (ws[n].capital || connectors[ws[n].lower] && n > 0) && !isDigitWord(ws[n].lower) {
		n++
	}
	// Connectors at the far end are no part of the name.
	for n > 0 && connectors[ws[n-1].lower] {
		n--
	}
	if n < 2 || n > maxViolationWords || !ws[0].capital {
		return phrase{}, false
	}
	start := ws[n-1].start
	if n < len(ws) {
		// A lower-case word before the run: only "and" opens a list item.
		if ws[n].lower != "and" || ws[n].end != lastWordEnd(text, start) {
			return phrase{}, false
		}
	} else {
		// The run stopped at punctuation: a list's comma, semicolon or
		// colon.
		j := start
		for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t' || text[j-1] == '\n' || text[j-1] == '\r') {
			j--
		}
		if j == 0 || !strings.ContainsRune(",;:", rune(text[j-1])) {
			return phrase{}, false
		}
	}
	// The run is a name, not a heading or caption in capitals with a word
	// of charging in it.
	for _, w := range ws[:n] {
		if chargingWords[w.lower] {
			return phrase{}, false
		}
	}
	return phrase{s: start, e: ws[0].end, name: phraseName(ws[:n], true)}, true
}

// chargingWords are the words of charging papers' headings that are no
// part of an offense's name.
var chargingWords = textscan.Set("guilty", "charged", "charges", "charge", "convicted", "conviction", "pleaded", "pled", "count",
	"counts", "indictment", "information", "complaint", "defendant", "defendants", "plaintiff", "united", "states", "people",
	"state", "court", "as", "is", "was", "were", "are")

// lastWordEnd returns the end of the word before byte offset at.
func lastWordEnd(text string, at int) int {
	ws := wordsBack(text, at, 1)
	if len(ws) == 0 {
		return -1
	}
	return ws[0].end
}

// withPhraseBefore finds the last "with" in the 160 bytes before byte
// offset end and reads the noun phrase after it; the phrase must end at
// the last word before end (before "in violation of"). The phrase may run
// over the numbered lines of a transcript.
func withPhraseBefore(text, lower string, end int) (phrase, bool) {
	from := max(0, end-160)
	k := strings.LastIndex(lower[from:end], "with")
	if k < 0 {
		return phrase{}, false
	}
	at := from + k
	if at > 0 && textscan.IsWordByte(text[at-1]) || at+4 < len(text) && textscan.IsWordByte(text[at+4]) {
		return phrase{}, false
	}
	last := lastWordEnd(text, end)
	ts := tokensFrom(text, at+4, maxViolationWords+2)
	p, _, _, ok := readItem(ts, 0)
	if !ok || p.e != last {
		return phrase{}, false
	}
	return p, true
}
