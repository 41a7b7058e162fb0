package annotate

import (
	"strings"

	"github.com/casefile/casefile/annotate/internal/textscan"

	"github.com/casefile/casefile/schemas"
)

// Opinions name the court of a cited state case in the citation's
// parenthetical, abbreviated as the Bluebook's table T1 does: "(Colo. App.
// 2009)", "(Ind. Ct. App. 2010)", "(N.J. Super. Ct. Law Div. 1998)",
// "(Tex. App.—Houston 2003)". The court abbreviation is an organization
// (guidelines A1), and so is a state's abbreviation alone before the
// year ("(Ill. 2005)"), which names the state's highest court: there the
// string is the court's, not the place's. courts-db lists one citation
// form per court; the rule below reads the others.

// citeStates are the T10 abbreviations of the states (and the names
// written out in full) that open a state court's abbreviation.
var citeStates = textscan.Set("ala", "alaska", "ariz", "ark", "cal", "colo", "conn", "del", "d.c", "fla", "ga", "haw",
	"idaho", "ill", "ind", "iowa", "kan", "ky", "la", "me", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb",
	"nev", "n.h", "n.j", "n.m", "n.y", "n.c", "n.d", "ohio", "okla", "or", "pa", "r.i", "s.c", "s.d", "tenn", "tex",
	"utah", "vt", "va", "wash", "w. va", "wis", "wyo")

// citeCourtWords are the T1 and T7 abbreviations of the words of a state
// court's name: "Ct.", "App.", "Crim.", "Super.", "Div.".
var citeCourtWords = textscan.Set("ct", "app", "crim", "civ", "super", "dist", "div", "spec", "commw", "cmmw", "law",
	"ch", "fam", "juv", "prob", "sup", "tax", "cl", "cir", "mun", "cnty", "county", "just", "chan")

// citeCourtFull are the court words the abbreviations write in full:
// "N.J. Super. Ct. Law Div.".
var citeCourtFull = textscan.Set("law", "county", "tax", "juv", "prob", "fam", "just")

// citedCourt reads the court abbreviation of a citation's parenthetical
// opening at ws[i] ("("): a state's abbreviation, then court words with
// their periods, at least one of them "App." or "Ct.", then a year, a
// month, a comma or a dash. It returns the span of the abbreviation. A
// form the court list holds is left to the list, which knows the court's
// full name.
func citedCourt(ws []word, i int, gaz *gazetteer) (from, to int, ok bool) {
	if ws[i].text != "(" || i+2 >= len(ws) {
		return 0, 0, false
	}
	from = i + 1
	if e, _ := gaz.match(ws, from); e != nil && e.typ == schemas.Organization {
		return 0, 0, false
	}
	st := unitAt(ws, from)
	if !citeStates[st.stem] || !startsUpper(ws[from].text) {
		return 0, 0, false
	}
	k, court := st.to, false
	for k < len(ws) && ws[k].line <= ws[k-1].line+wrapLines {
		u := unitAt(ws, k)
		if !(u.abbr || citeCourtFull[u.stem]) || !citeCourtWords[u.stem] || !startsUpper(ws[k].text) {
			break
		}
		court = court || u.stem == "app" || u.stem == "ct"
		k = u.to
	}
	if k >= len(ws) {
		return 0, 0, false
	}
	// "(Colo. 2010)": the state's abbreviation alone, then the year and
	// the parenthesis's end, names the state's highest court.
	if !court && !(k == st.to && k+1 < len(ws) && textscan.IsDigits(ws[k].text) && len(ws[k].text) == 4 && ws[k+1].text == ")") {
		return 0, 0, false
	}
	next := ws[k].text
	if !(textscan.IsDigits(next) && len(next) == 4 || next == "," || next == "—" || next == "–" || monthAbbr(next)) {
		return 0, 0, false
	}
	return from, k, true
}

// monthAbbr reports whether w opens a date in a parenthetical: "Jan.",
// "June", "Sept".
func monthAbbr(w string) bool {
	switch strings.TrimSuffix(strings.ToLower(w), ".") {
	case "jan", "feb", "mar", "apr", "may", "june", "july", "aug", "sept", "sep", "oct", "nov", "dec":
		return true
	}
	return false
}
