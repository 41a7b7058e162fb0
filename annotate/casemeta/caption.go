package casemeta

import (
	"github.com/casefile/casefile/annotate/internal/textscan"
	"strings"
	"unicode"
)

// The caption: the parties on either side of "v." on a first page, written
// as the case is cited ("United States v. Doe").

// versusRe is the word between the parties: "v.", "vs.", "versus", "–v.–".
var versusRe = textscan.Lazy(`(?:^|\s)[-–—]?(v\.|vs\.?|VS\.?|Vs\.|versus|VERSUS)[-–—]?(?:\s|$)`)

// partyRoles are the words of the line naming a party's role, which sits
// between the party and the "v." in most captions.
var partyRoles = textscan.Set("plaintiff", "plaintiffs", "plaintiff(s)", "defendant", "defendants", "defendant(s)",
	"appellant", "appellants", "appellee", "appellees", "petitioner", "petitioners", "respondent",
	"respondents", "warden", "movant", "claimant", "intervenor", "re", "in", "and")

var corpSuffix = textscan.Lazy(`^\s*(?i:llc|l\.l\.c\.|incorporated|inc\.?|ltd\.?|l\.p\.|corp\.?|co\.|n\.a\.|s\.a\.)`)

// nickname is a quoted nickname inside a party's name: FELIPE “PHIL” FLORES.
var nickname = textscan.Lazy(`\s[“"][^”"\n]{1,20}[”"]\s`)

// partyStops end a party's name: the column beside a caption holds the
// case number and the filing's title.
var partyStops = textscan.Set("case", "no", "no.", "nos.", "number", "docket", "notice", "order", "motion", "proposed",
	"copy", "response", "request", "et", "et.", "al", "al.", "social", "security", "appeal", "under", "seal",
	"and", "pages", "transcript", "judge", "honorable", "hon.", "individually", "in", "as", "d/b/a", "a/k/a")

// partyNotNames are words that never start a party line.
var partyNotNames = textscan.Calendar("before", "for", "on", "by", "from", "to", "of", "at")

// nameParticles stay lower case inside a name.
var nameParticles = textscan.Set("of", "the", "de", "la", "del", "van", "von", "der", "da", "du", "for", "&")

// caption returns the caption of a first page, or "" when it has none.
func caption(firstPage string) string {
	lines := strings.Split(firstPage, "\n")
	var fallback string
	for i, line := range lines {
		for _, loc := range versusRe.Get().FindAllStringSubmatchIndex(line, -1) {
			left, inline := leftParty(lines, i, line[:loc[2]])
			right, raw, ok := rightParty(lines, i, line[loc[3]:], inline)
			if left == "" || !ok {
				continue
			}
			c := left + " v. " + right
			if capsShare(raw) >= 0.8 {
				return c // a caption set in capitals, not a case cited in a heading or a note
			}
			if fallback == "" {
				fallback = c
			}
		}
	}
	return fallback
}

// leftParty reads the party before a "v.": on its line (inline), or on the
// nearest line above that names one, past the lines that give its role.
func leftParty(lines []string, i int, before string) (name string, inline bool) {
	if f, _, _, ok := partyFragment(before); ok {
		return partyName(f), true
	}
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if isRoleLine(lines[k]) {
			continue
		}
		if isRule(lines[k]) {
			break
		}
		if f, _, _, ok := partyFragment(lines[k]); ok {
			return partyName(f), false
		}
	}
	return "", false
}

// isRule reports whether a line only draws a rule ("- - - - x", "_____"),
// as captions set above and below their parties.
func isRule(line string) bool {
	return strings.Trim(line, " \t0123456789-–—_x*=)") == "" && strings.ContainsAny(line, "-–—_=")
}

// rightParty reads the party after a "v.": on its line or below, before
// the line giving its role. A name closed by a comma is preferred, as the
// caption's column holds titles and places that are not. An inline
// caption ("Gildernew v. Gantner") is whole on its line.
func rightParty(lines []string, i int, after string, inline bool) (name, raw string, ok bool) {
	cands := []string{after}
	for k := i + 1; k < len(lines) && k <= i+6; k++ {
		if isRoleLine(lines[k]) || isRule(lines[k]) {
			break
		}
		cands = append(cands, lines[k])
	}
	first := ""
	for n, c := range cands {
		f, rest, comma, ok := partyFragment(c)
		if !ok {
			continue
		}
		if cited(rest) {
			return "", "", false // "v. Detroit Timber & Lumber Co., 200 U. S. 321": a case cited
		}
		if comma || n == 0 && inline {
			return partyName(f), f, true
		}
		if first == "" {
			first = f
		}
	}
	if first == "" {
		return "", "", false
	}
	return partyName(first), first, true
}

// isRoleLine reports whether a line only gives a party's role
// ("Plaintiff, Appellant,", "Defendant.", "PLAINTIFF(S)").
func isRoleLine(line string) bool {
	line = strings.NewReplacer("(S)", "", "(s)", "").Replace(line)
	any := false
	for _, w := range strings.FieldsFunc(line, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",.;:)*–—-", r) || unicode.IsDigit(r)
	}) {
		if !partyRoles[strings.ToLower(w)] {
			return false
		}
		any = true
	}
	return any
}

// cited reports whether the text after a party is a reporter citation:
// "v. Detroit Timber & Lumber Co., 200 U. S. 321" cites a case.
func cited(rest string) bool {
	return citedAfter.Get().MatchString(strings.TrimLeft(rest, ",. "))
}

// partyFragment cuts the name of a party from a caption line: after line
// numbers, brackets and a role, up to the first comma, semicolon, bracket
// or word of the column beside it. rest is the line after the cut; comma
// reports a name closed by a comma or semicolon, as caption parties are.
func partyFragment(s string) (frag, rest string, comma, ok bool) {
	s = nickname.Get().ReplaceAllString(s, " ")
	s = strings.TrimLeft(s, " \t0123456789)]:*|")
	if len(s) > 3 && strings.EqualFold(s[:3], "re:") {
		s = s[3:]
	}
	if strings.HasPrefix(s, "(") {
		return "", "", false, false
	}
	end := strings.IndexAny(s, ",;):*")
	if end >= 0 && s[end] == ',' {
		// "GIFT SURPLUS, LLC, and ...": the suffix belongs to the name.
		if m := corpSuffix.Get().FindStringIndex(s[end+1:]); m != nil {
			if next := strings.IndexAny(s[end+1+m[1]:], ",;):*"); next >= 0 {
				end = end + 1 + m[1] + next
			} else {
				end = -1
			}
		}
	}
	if end >= 0 {
		comma = s[end] == ',' || s[end] == ';'
		if comma && followedByState(s[end+1:]) {
			return "", "", false, false // "Sacramento, California"
		}
		s, rest = s[:end], s[end+1:]
	}
	if len(findCaseNumbers(s)) > 0 {
		return "", "", false, false
	}
	ws := strings.Fields(s)
	for len(ws) > 0 && (partyRoles[strings.ToLower(strings.Trim(ws[0], ".:"))] || textscan.IsDigits(strings.Trim(ws[0], "."))) {
		ws = ws[1:] // "Re:", "Defendant 7."
	}
	var name []string
	for _, w := range ws {
		lw := strings.ToLower(w)
		if partyStops[lw] || partyStops[strings.Trim(lw, "[]")] || strings.ContainsAny(w, "0123456789[]") {
			break
		}
		if lw == "court" || lw == "courthouse" {
			return "", "", false, false
		}
		r := []rune(w)
		if !unicode.IsUpper(r[0]) && !nameParticles[lw] || strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "’s") {
			return "", "", false, false
		}
		name = append(name, w)
	}
	for len(name) > 0 && nameParticles[strings.ToLower(name[len(name)-1])] {
		name = name[:len(name)-1]
	}
	if len(name) == 0 || partyNotNames[strings.ToLower(name[0])] || isRoleLine(strings.Join(name, " ")) {
		return "", "", false, false
	}
	f := strings.Join(name, " ")
	if !abbrevEnd.Get().MatchString(f) {
		f = strings.TrimRight(f, ".")
	}
	return f, rest, comma, true
}

// abbrevEnd is a name ending in an abbreviation that keeps its period.
var abbrevEnd = textscan.Lazy(`(?i)\b(?:inc|co|corp|ltd|jr|sr|l\.p|n\.a|s\.a)\.$`)

func followedByState(s string) bool {
	ws := strings.Fields(strings.ToLower(s))
	for n := min(2, len(ws)); n > 0; n-- {
		if _, ok := statePostal[strings.Trim(strings.Join(ws[:n], " "), ".,)")]; ok {
			return true
		}
	}
	return false
}

// partyOrgWords mark a party that is an organization, named in full.
var partyOrgWords = textscan.Set("company", "co", "inc", "incorporated", "llc", "corp", "corporation", "church", "chapel", "district", "board",
	"department", "bank", "association", "union", "services", "university", "city", "county", "state",
	"commission", "authority", "agency", "trust", "group", "partners", "lp", "l.p", "llp", "ltd", "society",
	"hospital", "school", "insurance", "america", "states", "republic", "fund", "government", "kingdom",
	"nation", "estate", "s.a", "s.a.u", "plc", "gmbh", "n.a", "foundation", "council", "office")

// partyName writes a party as a caption cites it: "United States", the
// Commissioner, an organization in full, a person by surname.
func partyName(f string) string {
	if len(f) > 4 && strings.EqualFold(f[:4], "the ") {
		f = f[4:]
	}
	l := strings.ToLower(f)
	switch {
	case l == "united states" || l == "united states of america" || l == "the united states" ||
		l == "us" || l == "u.s" || l == "usa" || l == "u.s.a":
		return "United States"
	case strings.HasPrefix(l, "people of the state"):
		return "People"
	case strings.HasPrefix(l, "commissioner of internal revenue"):
		return "Commissioner"
	}
	ws := strings.Fields(f)
	for _, w := range ws {
		if partyOrgWords[strings.Trim(strings.ToLower(w), ".")] {
			return capsToTitle(f)
		}
	}
	for len(ws) > 1 && textscan.Suffixes[strings.Trim(strings.ToLower(ws[len(ws)-1]), ".")] {
		ws = ws[:len(ws)-1]
	}
	sur := ws[len(ws)-1]
	if len(ws) > 1 && surnameParticles[strings.ToLower(ws[len(ws)-2])] {
		sur = ws[len(ws)-2] + " " + sur // "St. Pierre", "De La Cruz"
	}
	return capsToTitle(sur)
}

// keepCaps are the abbreviations a name keeps in capitals.
var keepCaps = textscan.Set("llc", "llp", "lp", "l.p", "plc", "n.a", "s.a", "s.a.u", "usa", "u.s", "nypd", "fbi", "ii", "iii")

var surnameParticles = textscan.Set("st.", "de", "la", "del", "van", "von", "da", "di", "le", "du", "mac", "o'")

// capsToTitle writes a name set in capitals in title case, leaving names
// already in mixed case as they are.
func capsToTitle(s string) string {
	if hasLower(s) && capsShare(s) < 0.7 { // "McCRIMMON" is set in capitals too
		return s
	}
	ws := strings.Fields(s)
	for i, w := range ws {
		lw := strings.ToLower(w)
		if i > 0 && nameParticles[lw] {
			ws[i] = lw
			continue
		}
		if keepCaps[strings.Trim(lw, ".,")] {
			continue
		}
		rs := []rune(lw)
		up := true
		for k, r := range rs {
			if up && unicode.IsLetter(r) {
				rs[k] = unicode.ToUpper(r)
			}
			up = r == '-' || r == '\'' || r == '’' || r == '.'
		}
		if len(rs) > 3 && rs[0] == 'M' && rs[1] == 'c' {
			rs[2] = unicode.ToUpper(rs[2]) // McCrimmon
		}
		ws[i] = string(rs)
	}
	return strings.Join(ws, " ")
}
