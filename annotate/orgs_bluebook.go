package annotate

import (
	"strings"
	"unicode"

	"github.com/casefile/casefile/annotate/internal/textscan"
)

// Citations abbreviate the words of organizations' names as the Bluebook's
// tables T6 (case names and institutional authors) and T10 (geographic
// terms) prescribe: "Bell Atl. Corp.", "Pa. Power & Light Co.", "New
// Jersey Dep’t of Corr.", "Luzerne Cnty. Juvenile Detention Ctr.". The
// tokenizer splits "Atl." into a word and its period; the rule below reads
// such a pair as one abbreviated word.

// bluebookHeads are T6 abbreviations of nouns that end an organization's
// name (written without their period or apostrophe-free stem).
var bluebookHeads = textscan.Set("corp", "co", "cos", "inc", "ltd", "ctr", "props", "ass’n", "ass'n", "univ", "hosp",
	"bd", "comm’n", "comm'n", "dist", "sch", "servs", "serv", "ins", "auth", "found", "sys", "mfg", "bros", "inst",
	"indus", "dep’t", "dep't", "corr", "div", "fed’n", "fed'n", "soc’y", "soc'y", "coll", "acad", "bhd", "coop",
	"p’ship", "p'ship", "agency", "cmty", "lab", "ry", "r.r", "mkt", "gov’t", "gov't")

// bluebookWords are the other T6 and T10 abbreviations a cited name may
// hold: "Dig. Equip.", "Atl.", "Nat’l", "Pa.", "Cnty.".
var bluebookWords = textscan.Set("acad", "admin", "am", "assoc", "atl", "auto", "ave", "bldg", "broad", "bus", "cas",
	"cent", "chem", "coal", "cmty", "commc’n", "commc'n", "comp", "condo", "cong", "consol", "constr", "cont’l",
	"cont'l", "cnty", "def", "det", "dev", "dir", "disc", "distrib", "e", "econ", "educ", "elec", "eng’g", "eng'g",
	"enter", "ent", "env’t", "env't", "equal", "equip", "exch", "exp", "fed", "fid", "fin", "gen", "guar", "hous",
	"imp", "indem", "indep", "info", "int’l", "int'l", "inv", "liab", "litig", "mach", "maint", "mgmt", "mfr", "mar",
	"mktg", "mech", "med", "mem’l", "mem'l", "merch", "metro", "mortg", "mun", "mut", "nat’l", "nat'l", "n", "ne",
	"nw", "org", "pac", "pers", "pharm", "pres", "prob", "prod", "pro", "prop", "prot", "pub", "publ’g", "publ'g",
	"ref", "reg’l", "reg'l", "rehab", "reprod", "res", "rest", "ret", "rd", "sav", "sci", "sec", "s", "se", "sw",
	"soc", "st", "subcomm", "sur", "tech", "telecomm", "tel", "temp", "twp", "transcon", "transp", "tr", "tpk",
	"unif", "util", "vill", "w", "dig",
	// T10: states and cities as citations abbreviate them.
	"ala", "ariz", "ark", "cal", "calif", "colo", "conn", "del", "fla", "ga", "haw", "ill", "ind", "kan", "ky", "la",
	"me", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "n.h", "n.j", "n.m", "n.y", "n.c", "n.d",
	"okla", "or", "pa", "r.i", "s.c", "s.d", "tenn", "tex", "vt", "va", "wash", "w. va", "wis", "wyo", "phila", "balt",
	"l.a", "s.f", "d.c")

// bluebookStop end a cited name on its left: the "v." between the
// parties, signals and titles ("Sec’y Pa. Dep’t of Corr.").
var bluebookStop = textscan.Set("v", "v.", "vs", "vs.", "sec’y", "sec'y", "comm’r", "comm'r", "ex", "rel", "rel.",
	"re", "see", "cf", "cf.", "e.g", "e.g.", "accord", "but", "in", "quoting", "citing", "id", "id.", "also")

// abbrUnit is one word of a cited name: a word alone, or a word and the
// period written against it ("Atl" "."), which the tokenizer splits.
type abbrUnit struct {
	from, to int    // words
	stem     string // lower case, no final period
	abbr     bool   // written with a period or an apostrophe contraction
}

// unitAt reads the unit that starts at ws[i].
func unitAt(ws []word, i int) abbrUnit {
	w := ws[i]
	l := w.lower()
	u := abbrUnit{from: i, to: i + 1, stem: l}
	if stem, ok := strings.CutSuffix(l, "."); ok {
		u.stem, u.abbr = stem, true
		return u
	}
	if i+1 < len(ws) && ws[i+1].text == "." && ws[i+1].start == w.end && !w.punct {
		u.to, u.abbr = i+2, true
		return u
	}
	u.abbr = strings.ContainsAny(l, "’'") && !strings.HasSuffix(l, "’s") && !strings.HasSuffix(l, "'s")
	return u
}

// unitBefore reads the unit that ends just before ws[k].
func unitBefore(ws []word, k int) abbrUnit {
	if ws[k-1].text == "." && k >= 2 && !ws[k-2].punct && ws[k-2].end == ws[k-1].start {
		return unitAt(ws, k-2)
	}
	return unitAt(ws, k-1)
}

// citedWord reports whether u can be a word of a cited name: a capitalized
// word, a listed abbreviation, or a short unlisted one ("Dig.").
func citedWord(ws []word, u abbrUnit) bool {
	w := ws[u.from]
	if w.punct || !startsUpper(w.text) || bluebookStop[u.stem] || titleWords[u.stem] {
		return false
	}
	if !u.abbr {
		// "Three Luna Park Housing Corp.": a count is no part of the name.
		return !functionWords[u.stem] && !numberWords[u.stem]
	}
	return bluebookWords[u.stem] || bluebookHeads[u.stem] || len([]rune(u.stem)) <= 4 && !strings.ContainsAny(u.stem, "’'")
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// bluebookOrg reads a cited organization whose head abbreviation starts at
// ws[i] ("Corp.", "Ctr.", "Dep’t"): capitalized and abbreviated words
// before it, joined by "&", "of" and "and", more heads after it
// ("Rockefeller Ctr. Props."), and an of-tail ("Dep’t of State Police",
// "Dep’t of Corr."). It returns the name's words [from, to).
func bluebookOrg(ws []word, i int) (from, to int, ok bool) {
	head := unitAt(ws, i)
	// In capitals ("DENVER, CO.") the abbreviations are no citation's.
	if !head.abbr || !bluebookHeads[head.stem] || !startsUpper(ws[i].text) || isAllUpper(ws[i].text) {
		return 0, 0, false
	}
	from, to = i, head.to
	// "Household Credit Servs., Inc.", "Centurion Ministries, Inc."
	if firmSuffixes[head.stem] && i >= 2 && ws[i-1].text == "," && ws[i-1].line == ws[i].line {
		if u := unitBefore(ws, i-1); citedWord(ws, u) {
			from = u.from
		}
	}
	for from > 0 {
		u := unitBefore(ws, from)
		if ws[u.to-1].line != ws[from].line && !wrappedLine(ws, from) {
			break
		}
		switch {
		case citedWord(ws, u):
			from = u.from
			continue
		case (u.stem == "&" || u.stem == "of" || u.stem == "and") && u.from > 0:
			if prev := unitBefore(ws, u.from); citedWord(ws, prev) && ws[prev.to-1].line == ws[u.from].line {
				from = prev.from
				continue
			}
		}
		break
	}
	// More heads: "Ctr. Props.", "Res. Inc." reads as one name.
	for to < len(ws) && ws[to].line == ws[to-1].line {
		u := unitAt(ws, to)
		if !u.abbr || !bluebookHeads[u.stem] || !startsUpper(ws[to].text) {
			break
		}
		to = u.to
	}
	// "Dep’t of Corr.", "Dep’t of State Police", "Bd. of Educ."
	tail := false
	if to+1 < len(ws) && ws[to].lower() == "of" && ws[to].line == ws[to-1].line {
		k := to + 1
		for k < len(ws) && ws[k].line == ws[to].line {
			u := unitAt(ws, k)
			if !citedWord(ws, u) || textscan.IsDigits(ws[k].text) {
				break
			}
			k = u.to
			if u.abbr && !bluebookWords[u.stem] && !bluebookHeads[u.stem] {
				break // an unlisted abbreviation ends the tail
			}
		}
		if k > to+1 {
			to, tail = k, true
		}
	}
	// "Soc’y of N.Y., Inc."
	if to+1 < len(ws) && ws[to].text == "," && ws[to].line == ws[to-1].line {
		if u := unitAt(ws, to+1); u.abbr && firmSuffixes[u.stem] && startsUpper(ws[to+1].text) {
			to = u.to
		}
	}
	// A head alone ("the Dep’t") names nothing.
	if from == i && !tail {
		return 0, 0, false
	}
	return from, to, true
}
