package annotate

import (
	"slices"
	"strings"
	"unicode"

	"github.com/casefile/casefile/annotate/internal/textscan"

	"github.com/casefile/casefile/schemas"
)

// orgHeads end an organization name: "Violent Criminal Enterprise Bureau",
// "Queens Supreme Court", "NYPD 44th Precinct".
var orgHeads = textscan.Set("bureau", "division", "unit", "squad", "section", "team", "office", "department",
	"court", "precinct", "precincts", "lab", "laboratory", "force", "authority", "agency", "administration",
	"service", "services", "commission", "group", "bar", "corrections", "circuit",
	"committee", "council", "association", "company", "corporation", "corp.", "inc.", "llc", "llp", "pllc", "p.a.", "p.c.",
	"university", "college", "school", "hospital", "bank", "foundation", "institute", "board", "patrol", "detail",
	"crips", "bloods", "boyz", "crew", "cartel", "nation", "defense", "district", "police", "prison",
	// Houses of worship, parties to suits over them: "Calvary Chapel of Bangor".
	"church", "chapel", "ministries", "synagogue", "mosque", "cathedral", "congregation",
	// A state's lawmaking body, named with its state ("Nebraska
	// Legislature"), and the firms and centers of the law ("Albin Law
	// Office", "Juvenile Law Center", "The Whiting Law Firm"): see isHead.
	"legislature", "center", "firm",
	// Armed services and probation offices, named with their country or
	// county: "United States Army", "U.S. Probation", "Adult Probation".
	"army", "navy", "probation")

// orgStopLeft never start an organization name: sentence openers and
// titles ("If the Court", "Chief of the Bureau").
var orgStopLeft = textscan.Set("if", "when", "about", "after", "before", "because", "judgment", "while", "although", "as",
	"at", "on", "in", "by", "see", "under", "with", "from", "to", "chief", "deputy", "assistant", "attorney",
	"attorneys", "detective", "detectives", "sergeant", "officer", "officers", "commanding", "major", "case",
	"investigator", "analyst", "supervisor", "executive", "director", "member", "members", "and", "of", "da", "ada",
	"law", "letters", "letter",
	// Citation signals and sentence adverbs open a clause, not a name:
	// "Id. The Seventh Circuit", "Since the Court of Appeals".
	"id.", "ibid.", "cf.", "accord", "since", "unless", "until", "whereas", "thus", "hence", "however",
	"moreover", "therefore", "indeed", "nonetheless", "nevertheless", "here", "there", "then", "now",
	// Words that qualify a generic head rather than name it: "OFFICIAL
	// COURT REPORTER", "Senior Circuit Judge", "our court", "per Court".
	"official", "senior", "presiding", "remote", "our", "your", "this", "that", "per", "any", "every", "each",
	"whole", "entire", "same", "such")

// genericOrg words alone do not name an organization ("Police Department",
// "Task Force", "District Court").
var genericOrg = textscan.Set("police", "department", "court", "district", "task", "force", "press", "main", "office",
	"united", "states", "fiscal", "middle", "high", "school", "certified", "clerk", "of", "the", "law", "corporation",
	"services", "service", "and", "probation", "pretrial", "investigation", "section", "division", "unit", "bureau",
	"defense", "prison", "police", "federal", "state", "unincorporated", "incorporated", "association", "certified",
	"company", "companies", "insurance", "claims", "trust", "life", "mutual")

// caseRoleCourts name a court by its part in the case, never by its name:
// "the trial court", "TRIAL COURT DISPOSITION:", "Trial Court Judge:".
// ("Trial Division" and "Appellate Division" are names of bodies.)
var caseRoleCourts = textscan.Set("trial", "lower", "reviewing", "sentencing", "motion", "habeas", "postconviction")

// orgConnectors may join the words of a name.
var orgConnectors = textscan.Set("of", "the", "for", "and", "&", "on", "in", "de", "del")

// districtWords make "District" a court district: "Eastern District of California".
var districtWords = textscan.Set("northern", "southern", "eastern", "western", "central", "middle", "school", "unified")

// findOrganizations: gazetteer names, then capitalized sequences that end
// in a head word, extended by "of the …" / "for the …" tails.
func findOrganizations(ws []word, gaz *gazetteer) []wordSpan {
	var out []wordSpan
	for i := 0; i < len(ws); i++ {
		// A listed name with a qualifier in front ("Bronx Supreme Court")
		// is left to the head-word rule, which takes the qualifier too.
		// In capitals a function word is no qualifier ("IN THE UNITED
		// STATES DISTRICT COURT").
		if e, n := gaz.match(ws, i); e != nil && e.typ == schemas.Organization &&
			!(i > 0 && nameWord(ws[i-1]) && !textscan.IsDigits(ws[i-1].text) && ws[i-1].line == ws[i].line && isHead(ws, i+n-1) &&
				!(ws[i-1].capsLine && functionWords[ws[i-1].lower()])) &&
			(e.list != companiesList || standsAlone(ws, i, &n)) && !judgeInitials(ws, i, n) {
			span := wordSpan{from: i, to: i + n, typ: schemas.Organization, norm: e.canonical, source: schemas.SourceGazetteer, rule: "list:" + e.list}
			// A listed name a head word continues is a longer name:
			// "California Highway Patrol Department".
			if to := moreHeads(ws, i+n); to > i+n {
				span.to, span.norm, span.source, span.rule = ofTail(ws, to), "", schemas.SourceRule, "list+head"
			}
			if to := courtDistrict(ws, span.to); to > span.to {
				span.to, span.norm, span.rule = to, "", span.rule+"+district"
			}
			out = append(out, span)
			i = span.to - 1
			continue
		}
		if to := sheriffOffice(ws, i, gaz); to > i {
			out = append(out, wordSpan{from: i, to: to, typ: schemas.Organization, source: schemas.SourceRule, rule: "place-sheriff"})
			i = to - 1
			continue
		}
		if to := prosecutorOffice(ws, i, gaz); to > i {
			out = append(out, wordSpan{from: i, to: to, typ: schemas.Organization, source: schemas.SourceRule, rule: "place-prosecutor"})
			i = to - 1
			continue
		}
		if ws[i].text == "clique" && i > 0 && !taken(out, i-1) {
			if from := cliqueStart(ws, i); from < i {
				out = append(out, wordSpan{from: from, to: i + 1, typ: schemas.Organization, source: schemas.SourceRule, rule: "clique"})
				continue
			}
		}
		if from, to, ok := citedCourt(ws, i, gaz); ok {
			out = append(out, wordSpan{from: from, to: to, typ: schemas.Organization, source: schemas.SourceRule, rule: "cited-court"})
			i = to - 1
			continue
		}
		if from, to, ok := bluebookOrg(ws, i); ok {
			out = append(out, wordSpan{from: from, to: to, typ: schemas.Organization, source: schemas.SourceRule, rule: "bluebook"})
			i = to - 1
			continue
		}
		if !isHead(ws, i) || fieldLabel(ws, i) {
			continue
		}
		// Left: capitalized words and connectors on the same line.
		// Left: capitalized words and connectors, across at most one line
		// break ("Violent Criminal Enterprise\nBureau").
		from := i
		if firmSuffixes[strings.TrimSuffix(ws[i].lower(), ".")] {
			from = firmStart(ws, i) // "ORRICK, HERRINGTON & SUTCLIFFE LLP"
		}
		for from > 0 && !ws[from-1].punct &&
			(nameWord(ws[from-1]) || orgConnectors[ws[from-1].lower()] && from-1 > 0 && nameWord(ws[from-2]) && !isHead(ws, from-2) &&
				(ws[from-1].lower() != "for" || forNouns[ws[from-2].lower()])) {
			prev := ws[from-1]
			pl := prev.lower()
			// "the Organized Crime and Racketeering Bureau": a unit named
			// by two fields of work.
			if k := coordinatedUnit(ws, from, i); k >= 0 {
				from = k
				break
			}
			if lineNumber(ws, from-1) || orgStopLeft[pl] && !majorUnit(ws, from-1) && !lawWord(ws, from-1, i) && !municipalOf(ws, from-1) && !schoolGrade(ws, from-1) && !attorneyOffice(ws, from, i) ||
				isHead(ws, from-1) || adverb(pl) || docketNumber(prev.text) {
				break // another name ends there
			}
			// In capitals case tells nothing: a function word ends the name
			// ("BUT THE COURT", "IS THE COURT"), as does a transcript's
			// time stamp ("10:14AM").
			if prev.capsLine && (functionWords[pl] && pl != "of" && pl != "and" || pl == "for") || timeStamp(pl) {
				break
			}
			// A function word capitalized to open a sentence ("Can the
			// Court"), a numbered paragraph ("8. The Court").
			if functionWords[pl] && !orgConnectors[pl] || strings.HasSuffix(pl, ".") && textscan.IsDigits(strings.TrimSuffix(pl, ".")) {
				break
			}
			// "the City’s Department of Housing Preservation": a place's
			// possessive before a head with its of-tail says whose the
			// body is and is no word of its name.
			if from == i && possessiveOwner(pl) && i+1 < len(ws) && ws[i+1].lower() == "of" {
				break
			}
			if prev.capsLine && pl == "the" && (from-2 < 0 || ws[from-2].lower() != "of") {
				break // "UNDERSTAND THE COURT"; "OFFICE OF THE PUBLIC DEFENDER" goes on
			}
			// Nor does a capitalized word before "the" open the name, unless
			// it is a connector itself ("Office of the Public Defender"): a
			// sentence's first word ("Following the United States Supreme
			// Court’s decision").
			if pl == "the" && from-2 >= 0 && !orgConnectors[ws[from-2].lower()] && ws[from-2].capitalized() && !saintEpithet(ws, from-1) {
				break
			}
			// A title ends the name on its left ("Chief of the … Bureau",
			// "District Attorney’s Violent Criminal Enterprises Bureau")
			// unless the head follows it directly ("Attorney’s Office").
			if (titleWords[pl] || titleWords[strings.TrimSuffix(strings.TrimSuffix(pl, "’s"), "'s")]) && from != i {
				break
			}
			// A number starts a name only before a name word ("800 YGz",
			// "44th Precinct"), never a line number, an address or a
			// reporter's page ("F.3d 1360 United States District Court").
			if textscan.IsDigits(prev.text) && (orgConnectors[ws[from].lower()] ||
				from-2 >= 0 && ws[from-2].line == prev.line && strings.ContainsAny(ws[from-2].text, "0123456789")) {
				break
			}
			if prev.line != ws[from].line && !wrappedLine(ws, from) {
				break
			}
			if columnEdge(ws, from) {
				break // another column of the layout
			}
			from--
		}
		for from < i && orgConnectors[ws[from].lower()] {
			from++
		}
		// A firm's suffix alone names nothing: "LLC" of a name the
		// rules above could not read.
		if from == i && firmSuffixes[strings.TrimSuffix(ws[i].lower(), ".")] {
			continue
		}
		rule := ""
		if from == i && !ws[i].capsLine {
			// "Circuit Court of Cook County": the last of a run of heads
			// takes the of-tail.
			last := i
			if to := moreHeads(ws, i+1); to > i+1 && isHead(ws, to-1) {
				last = to - 1
			}
			if !headOfName(ws, last) {
				continue // a bare head word: "the Court", "the Division"
			}
			// "a Court of Appeals", "any Department of Corrections": an
			// indefinite article makes the name a kind, not a body.
			if i > 0 && indefinite[ws[i-1].lower()] {
				continue
			}
			rule = "head-of"
		}
		// Right: more heads ("School District"), then "of the Eighth
		// Circuit", "for the City of New York".
		to := moreHeads(ws, i+1)
		// "California State University Northridge", "Loma Linda
		// University Health": a campus or a branch after the head.
		if u := ws[to-1].lower(); (u == "university" || u == "college") && !ws[to-1].capsLine {
			k := to
			for k < len(ws) && k-to < 2 && ws[k].line == ws[to-1].line && nameWord(ws[k]) && !isHead(ws, k) &&
				!functionWords[ws[k].lower()] && !titleWords[ws[k].lower()] && !orgStopLeft[ws[k].lower()] && !textscan.IsDigits(ws[k].text) {
				k++
			}
			if k > to && (k == len(ws) || ws[k].line != ws[k-1].line || !nameWord(ws[k])) {
				to = k
			}
		}
		for to < len(ws) && ws[to].line == ws[i].line {
			// "Trial Bureau 60", "Police Service Area 7": a unit's number.
			if textscan.IsDigits(ws[to].text) && len(ws[to].text) <= 3 && isHead(ws, to-1) &&
				(to+1 == len(ws) || ws[to+1].line != ws[to].line || ws[to+1].punct) {
				to++
				break
			}
			// "49 Precinct Detective Squad"
			if titleWords[ws[to].lower()] && to+1 < len(ws) && ws[to+1].line == ws[i].line && isHead(ws, to+1) {
				to += 2
				continue
			}
			break
		}
		to = ofTail(ws, to)
		for to-1 > i && orgConnectors[ws[to-1].lower()] {
			to-- // "… Corrections and" at a line break
		}
		to = corporateTail(ws, to)
		if from < i && !courtQualified(ws, i, gaz) {
			continue // "the Spring Motors Court held": a case's court
		}
		if !ws[from].capitalized() || !specificOrg(ws[from:to]) {
			continue
		}
		// "the Juvenile Court Law", "the Police Department Act": a law
		// named after the body, not the body.
		if to < len(ws) && ws[to].line == ws[to-1].line && (ws[to].text == "Law" || ws[to].text == "Act") {
			i = to
			continue
		}
		for k := i + 1; k < to; k++ {
			if onTail(ws, k) {
				rule += "+on" // counted apart by TestRuleFirings
				break
			}
		}
		if rule == "head-of" && ws[i+1].lower() == "for" {
			rule = "head-for"
		}
		if k := courtDistrict(ws, to); k > to {
			to, rule = k, rule+"+district"
		}
		out = append(out, wordSpan{from: from, to: to, typ: schemas.Organization, source: schemas.SourceRule, rule: rule})
		i = to - 1
	}
	return namedMembers(ws, out)
}

// attorneyOffice reports whether the office ws[i] is a prosecutor's or an
// attorney's written without the possessive, "the Los Angeles County
// District Attorney Office", "the United States Attorney Office": the
// title right before the head opens the name, as "Attorney’s Office" does.
func attorneyOffice(ws []word, from, i int) bool {
	return from == i && from > 0 && ws[from-1].text == "Attorney" && ws[i].text == "Office"
}

// overlaps reports whether any span of out holds a word of ws[from:to].
func overlaps(out []wordSpan, from, to int) bool {
	for _, s := range out {
		if s.from < to && from < s.to {
			return true
		}
	}
	return false
}

// memberNouns are plural nouns of kinds of organization whose members a
// filing lists by name after "including" or "such as" ("12 insurance
// carriers including Nationwide, Stonewood, USAA ... and AAA", "gangs,
// including Dub City"): a closed class of form, typed by hand.
var memberNouns = textscan.Set("companies", "carriers", "insurers", "banks", "lenders", "firms", "businesses",
	"retailers", "manufacturers", "distributors", "pharmacies", "gangs", "crews", "agencies", "departments",
	"newspapers", "apps", "platforms", "exchanges")

// namedMembers adds to out the names listed after a plural noun of
// memberNouns and "including" or "such as": runs of capitalized words (or
// words in capitals, "&" inside) separated by commas and "and". The list
// ends at the first item that is no such run; a name already taken by
// another rule is left to it.
func namedMembers(ws []word, out []wordSpan) []wordSpan {
	for i := 0; i+2 < len(ws); i++ {
		if !memberNouns[ws[i].lower()] || ws[i].capsLine {
			continue
		}
		k := i + 1
		if ws[k].text == "," {
			k++
		}
		switch {
		case k < len(ws) && ws[k].lower() == "including":
			k++
		case k+1 < len(ws) && ws[k].lower() == "such" && ws[k+1].lower() == "as":
			k += 2
		default:
			continue
		}
		for k < len(ws) {
			from := k
			for k < len(ws) && ws[k].line == ws[from].line && (nameWord(ws[k]) || k > from && ws[k].text == "&") {
				k++
			}
			if k == from {
				break
			}
			if !overlaps(out, from, k) && !textscan.IsDigits(ws[from].text) {
				out = append(out, wordSpan{from: from, to: k, typ: schemas.Organization, source: schemas.SourceRule, rule: "listed-member"})
			}
			if k < len(ws) && ws[k].text == "," {
				k++
			}
			if k < len(ws) && ws[k].lower() == "and" {
				k++
			}
			if k >= len(ws) || !nameWord(ws[k]) {
				break
			}
		}
		i = k
	}
	return out
}

// placeNamed returns the end of a listed place starting at ws[i], with
// "County" after it if it follows ("Orange County", "San Diego"), and
// whether a place starts there: what an office named by its place opens
// with.
func placeNamed(ws []word, i int, gaz *gazetteer) (int, bool) {
	e, n := gaz.match(ws, i)
	if e == nil || e.typ != schemas.Place {
		return i, false
	}
	k := i + n
	if k < len(ws) && ws[k].text == "County" {
		k++
	}
	return k, true
}

// sheriffOffice returns the end of "<place> Sheriff’s" or "<place> County
// Sheriff’s" starting at ws[i] before a word in lower case ("San Diego
// Sheriff’s detectives", "Cook County Sheriff’s deputies"): the sheriff's
// office named by its place, whose possessive the entity drops; or i.
func sheriffOffice(ws []word, i int, gaz *gazetteer) int {
	if ws[i].capsLine || i > 0 && nameWord(ws[i-1]) && ws[i-1].line == ws[i].line {
		return i
	}
	// The word is rare: look for it before the list lookup.
	near := false
	for k := i + 1; k < len(ws) && k <= i+4; k++ {
		if strings.HasPrefix(ws[k].text, "Sheriff") {
			near = true
			break
		}
	}
	if !near {
		return i
	}
	k, ok := placeNamed(ws, i, gaz)
	if !ok {
		return i
	}
	if k+1 >= len(ws) || ws[k].text != "Sheriff’s" && ws[k].text != "Sheriff's" || ws[k+1].line != ws[i].line || ws[k].line != ws[i].line ||
		ws[k+1].punct || ws[k+1].text != strings.ToLower(ws[k+1].text) {
		return i
	}
	return k + 1
}

// prosecutorTitles are the titles of the elected prosecutors whose
// office a release names by the title alone, a closed class of form
// typed by hand.
var prosecutorTitles = [][]string{{"District", "Attorney"}, {"State’s", "Attorney"}, {"State's", "Attorney"}, {"Attorney", "General"}}

// prosecutorOffice returns the end of "<place> [County] District
// Attorney" starting at ws[i] when its initials follow in parentheses
// ("the Orange County District Attorney (OCDA) charged"): a person's
// title gets no acronym, an office does, so the title names the office
// here. Without the acronym the title is a title (A2) and i is returned.
func prosecutorOffice(ws []word, i int, gaz *gazetteer) int {
	if ws[i].capsLine || i > 0 && nameWord(ws[i-1]) && ws[i-1].line == ws[i].line {
		return i
	}
	k, ok := placeNamed(ws, i, gaz)
	if !ok {
		return i
	}
	for _, t := range prosecutorTitles {
		if k+len(t) > len(ws) {
			continue
		}
		ok := true
		for j, w := range t {
			if ws[k+j].text != w || ws[k+j].line != ws[i].line {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		to := k + len(t)
		if a := acronymAfter(ws, to); a != "" && initialsHold(ws[i:to], a) {
			return to
		}
	}
	return i
}

// municipalOf reports whether ws[k] is the "of" of "City of", "Town of",
// "County of": a body named with its municipality's formal name ("the
// City of Miami Police Department") takes it whole.
func municipalOf(ws []word, k int) bool {
	if ws[k].text != "of" || k == 0 || ws[k-1].line != ws[k].line {
		return false
	}
	switch ws[k-1].text {
	case "City", "Town", "Village", "County", "Borough", "Township":
		return true
	}
	return false
}

// fieldLabel reports whether the head ws[i] opens its line as a form's
// label, a colon after it ("Office: 714-347-8405", "Division: Criminal"):
// the line before ends a name of its own or a title ("Director of Public
// Affairs"), never this one's.
func fieldLabel(ws []word, i int) bool {
	return i+1 < len(ws) && ws[i+1].text == ":" && ws[i+1].line == ws[i].line && (i == 0 || ws[i-1].line != ws[i].line)
}

// cliqueStart returns where the name of a gang's clique before the word
// "clique" at ws[i] starts ("the Fulton clique", "the Normandie Locos
// clique"), or i: a clique is a named unit of its gang (A8), and its name
// is one to three capitalized words on the line, opened by "the".
func cliqueStart(ws []word, i int) int {
	from := i
	for from > 0 && i-from < 3 && nameWord(ws[from-1]) && ws[from-1].line == ws[i].line && !ws[from-1].capsLine &&
		!functionWords[ws[from-1].lower()] && !titleWords[ws[from-1].lower()] && !stopCaps[ws[from-1].lower()] {
		from--
	}
	if from == i || from == 0 || ws[from-1].lower() != "the" {
		return i
	}
	return from
}

// taken reports whether a span of out holds ws[k].
func taken(out []wordSpan, k int) bool {
	return len(out) > 0 && out[len(out)-1].from <= k && k < out[len(out)-1].to
}

// standsAlone reports whether the listed words ws[i:i+*n] are a name of
// their own, with no capitalized word beside them on their line: a
// one-word company of the generated list is often a word of a longer
// name ("Deutsche Bank", "Buenos Aires", "Notre Dame") that other rules
// take whole or leave alone. A function word before it ("The", "At")
// opens a sentence rather than the name. A corporate suffix after it
// belongs to the name, and *n grows to take it ("Pfizer Inc.").
func standsAlone(ws []word, i int, n *int) bool {
	if j := i + *n; j < len(ws) && ws[j].line == ws[j-1].line && nameWord(ws[j]) {
		if !corporateSuffixes[strings.TrimSuffix(ws[j].lower(), ".")] {
			return false
		}
		*n++
		// "Inc." whose period the tokenizer split off as a sentence's end.
		if k := j + 1; k < len(ws) && ws[k].text == "." && ws[k].start == ws[j].end && abbreviatedSuffix[ws[j].lower()] {
			*n++
		}
	}
	if i > 0 && ws[i-1].line == ws[i].line && nameWord(ws[i-1]) && !functionWords[ws[i-1].lower()] {
		return false
	}
	return true
}

// courtKinds are the words that name a kind of court before "Court":
// "Supreme Court", "Mobile Circuit Court", "First Appearance Court".
var courtKinds = textscan.Set("supreme", "superior", "circuit", "district", "county", "probate", "juvenile", "family",
	"municipal", "tax", "bankruptcy", "appellate", "appeals", "claims", "criminal", "civil", "justice", "justice’s",
	"justice's", "magistrate", "magistrate’s", "magistrate's", "city", "town", "village", "housing", "drug", "traffic",
	"chancery", "orphans’", "orphans'", "surrogate’s", "surrogate's", "surrogate", "appearance", "water", "land",
	"commonwealth", "federal", "state", "trial", "youth", "claims", "court", "sessions", "pleas", "general",
	"international", "military", "constitutional", "high", "crown", "small", "mental", "veterans", "community",
	"reentry", "domestic", "workers’", "workers'", "compensation", "environmental", "commercial", "business",
	"election", "immigration", "parish", "borough", "police", "recorder’s", "recorder's", "corporation", "intermediate")

// courtQualified reports whether the word before the head "Court" at
// ws[i] says what court it is — a kind of court ("Bronx Supreme Court",
// "Baldwin Probate Court") or a place ("Wisconsin Court") — rather than
// naming a case whose court an opinion speaks of ("the Spring Motors
// Court", "the Alloway Court") or qualifying a title ("REALTIME COURT
// REPORTER"). Heads other than "Court" are always qualified.
func courtQualified(ws []word, i int, gaz *gazetteer) bool {
	h := strings.TrimSuffix(strings.TrimSuffix(ws[i].lower(), "’s"), "'s")
	if h != "court" && h != "courts" || i == 0 {
		return true
	}
	prev := strings.TrimSuffix(ws[i-1].lower(), ".")
	if courtKinds[prev] || textscan.IsDigits(strings.TrimRight(prev, "stndrh")) {
		return true // "2nd Court", "15th Court"
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		// A town too small to stand alone is no qualifier: "the
		// Alloway Court" is the court that decided Alloway.
		if e, n := gaz.match(ws, k); e != nil && k+n == i && (e.city == nil || e.city.pop >= contextCityPop) {
			return true // "New Jersey Court", "Cook County Court"
		}
	}
	return false
}

// corporateTail returns the end of the name ending before ws[to] with a
// corporate suffix after a comma: "Allegiance Hospital of Many, LLC".
func corporateTail(ws []word, to int) int {
	if to+1 < len(ws) && ws[to].text == "," && ws[to+1].line == ws[to-1].line &&
		firmSuffixes[strings.TrimSuffix(ws[to+1].lower(), ".")] {
		return to + 2
	}
	return to
}

// corporateSuffixes close a company's name: "Pfizer Inc.", "Walmart Corp.".
var corporateSuffixes = textscan.Set("inc", "corp", "co", "corporation", "company", "llc", "ltd", "plc", "lp", "llp", "n.a")

// abbreviatedSuffix are the corporate suffixes written with a period.
var abbreviatedSuffix = textscan.Set("inc", "corp", "co", "ltd")

// indefinite words before a head make its name a common noun.
var indefinite = textscan.Set("a", "an", "any", "another", "every", "each", "some", "no")

// ofHeads name an institution by what follows "of": "Court of Criminal
// Appeals", "Office of Juvenile Affairs", "Department of Juvenile Justice".
var ofHeads = textscan.Set("court", "office", "department", "bureau", "division", "administration", "agency",
	"commission", "institute", "university", "college")

// headOfName reports whether the bare head ws[i] starts a name with "of"
// and a capitalized word on its line ("Court of Criminal Appeals"), not
// "the Court of its own motion" or a speaker's label.
func headOfName(ws []word, i int) bool {
	// "Committee for Public Counsel Services", "Commission on Public
	// Advocacy": a body named by what it is for or about.
	if i+2 < len(ws) && (onTail(ws, i+1) || ws[i+1].lower() == "for" && forNouns[ws[i].lower()] && ws[i+2].line == ws[i].line &&
		ws[i+2].capitalized() && !stopCaps[ws[i+2].lower()] && !titleWords[ws[i+2].lower()]) {
		return true
	}
	if !ofHeads[ws[i].lower()] || i+2 >= len(ws) || ws[i+1].lower() != "of" {
		return false
	}
	k := i + 2
	if ws[k].lower() == "the" && k+1 < len(ws) {
		k++
	}
	if ws[k].line != ws[i].line || !nameWord(ws[k]) {
		return false
	}
	// "Office of the State Appellate Defender", "Office of the Attorney
	// General", "Office of the Sheriff": an office named by the public
	// office or official it serves.
	if ws[i].lower() == "office" && k == i+3 && (publicOffice[strings.TrimSuffix(strings.TrimSuffix(ws[k].lower(), "’s"), "'s")] || titleWords[ws[k].lower()] && !partyWords[ws[k].lower()]) {
		return true
	}
	if titleWords[ws[k].lower()] {
		return false
	}
	// "the Court of Appeals", "Court of Appeal": a state's intermediate
	// court as its own opinions and its supreme court's name it.
	if l := ws[k].lower(); (l == "appeals" || l == "appeal") && ws[i].lower() == "court" {
		return true
	}
	// "Division of Probation and Parole", "Department of Probation": a
	// head word after "of" names the service, though people's names stop
	// at it.
	return !stopCaps[ws[k].lower()] || orgHeads[ws[k].lower()] && !genericHeadAfterOf[ws[k].lower()]
}

// genericHeadAfterOf are the head words that after "of" start no name:
// "the Court of its own motion" aside, "Chief of the Bureau".
var genericHeadAfterOf = textscan.Set("court", "office", "department", "division", "bureau", "unit", "section", "team",
	"squad")

// publicOffice are the words after "Office of the" that open the name of
// a public office, which the person-name stop list would refuse: "Office
// of the State Appellate Defender", "Office of the County Public
// Defender", "Office of the United States Attorney", "Office of the
// District Attorney".
var publicOffice = textscan.Set("state", "states", "county", "city", "district", "united", "public", "federal",
	"appellate", "special", "independent", "prosecuting", "circuit", "court", "chief", "solicitor", "comptroller",
	"treasurer", "inspector", "governor", "secretary", "clerk", "sheriff", "coroner", "medical", "capital")

// partyWords are the title words that name a party or a role in a case,
// not an office: "the Office of the Defendant" is no body's name.
var partyWords = textscan.Set("defendant", "defendants", "witness", "counsel", "member", "members", "agent", "agents",
	"assistant", "assistants", "analyst", "analysts", "aide", "paralegal", "paralegals", "reporter", "specialist")

// possessiveOwner reports whether l (lower case) is the possessive of a
// jurisdiction that owns the body named after it: "City’s", "State's",
// "County’s".
func possessiveOwner(l string) bool {
	stem, ok := strings.CutSuffix(l, "’s")
	if !ok {
		stem, ok = strings.CutSuffix(l, "'s")
	}
	switch stem {
	case "city", "state", "county", "town", "village", "borough", "nation", "country", "commonwealth", "government", "parish":
		return ok
	}
	return false
}

// firmSuffixes end the names of firms, whose partners' names a comma and
// an ampersand join.
var firmSuffixes = textscan.Set("llp", "llc", "pllc", "l.l.p", "l.l.c", "p.c", "p.a", "inc", "ltd", "lp")

// forNouns are the nouns that "for" continues within a name: "Alliance
// for Justice", "Center for Constitutional Rights". After any other word
// "for" joins a person to the body they appear for: "Fred P. Baggett for
// North Carolina Association of Chiefs of Police".
var forNouns = textscan.Set("alliance", "center", "centers", "coalition", "fund", "network", "society", "project",
	"campaign", "league", "partnership", "organization", "citizens", "americans", "friends", "advocates", "lawyers",
	"committee", "commission", "council")

// judgeInitials reports whether the n words at ws[i] are a judge's
// initials in parentheses after a docket number, as some courts write
// them: "No. 16-CR-2761-BEN (BLM)", not the Bureau of Land Management.
func judgeInitials(ws []word, i, n int) bool {
	return n == 1 && i >= 2 && ws[i-1].text == "(" && docketNumber(ws[i-2].text) && i+1 < len(ws) && ws[i+1].text == ")"
}

// docketNumber reports whether w is a docket or case number ("08-14991",
// "2:19-cr-00595"), which no name holds.
func docketNumber(w string) bool {
	digits := 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '-' || r == ':':
		default:
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return digits >= 3 && strings.ContainsAny(w, "-:")
}

// firmStart returns where the firm name ending in the suffix at ws[i]
// starts: capitalized words joined by commas, "&" and "of" on its line
// ("Grace, Tisdale, Clifton, P.A.", "Allegiance Hospital of Many, LLC").
// A wide gap between words is a column's edge, and the partners' names
// between commas are surnames of one word each: "Jeffrey Brown, Dechert,
// LLP" is a lawyer and his firm.
func firmStart(ws []word, i int) int {
	from := i
	seg, commaAt := 0, -1 // words read since the last comma crossed, and where it is
	crossed := false
	for from > 0 && !columnEdge(ws, from) {
		if ws[from-1].line != ws[from].line {
			// "Grace, Tisdale,\n Clifton, P.A.": a list of partners'
			// names, commas on both lines, may wrap after a comma, once.
			if crossed || from == i || ws[from-1].text != "," || from < 2 || ws[from-2].line != ws[from-1].line || !nameWord(ws[from-2]) ||
				stopCaps[ws[from-2].lower()] || !slices.ContainsFunc(ws[from:i], func(w word) bool { return w.text == "," }) {
				break
			}
			crossed = true
		}
		w := ws[from-1]
		l := w.lower()
		switch {
		case w.text == "," || w.text == "&":
			// "Gift Surplus, LLC": a comma may come before the suffix;
			// an ampersand may not.
			if from-1 == 0 || !nameWord(ws[from-2]) || from == i && w.text == "&" {
				return from
			}
			if w.text == "," && from != i {
				commaAt = from - 1
			}
			seg = 0
		case l == "of" && from-1 > 0 && nameWord(ws[from-2]) && from != i:
		case !nameWord(w) || functionWords[l] || titleWords[l] || orgStopLeft[l] || textscan.IsDigits(l):
			if ws[from].punct {
				return from + 1 // "2011, Kilgore LLC": the comma ends a date
			}
			return from
		default:
			if seg++; seg > 1 && commaAt >= 0 {
				return commaAt + 1
			}
		}
		from--
	}
	return from
}

// columnGap is the least run of spaces between two words on a line of
// layout text that sets them in different columns.
const columnGap = 4

// columnEdge reports whether the gap before ws[k] on its line is the edge
// of a column ("Steven S. Biss          Bean, Kinney & Korman") rather
// than the wide spacing of a justified line ("United      States
// Department"): at least columnGap spaces, and far wider than the gap
// after ws[k].
func columnEdge(ws []word, k int) bool {
	if k == 0 || ws[k-1].line != ws[k].line {
		return false
	}
	gap := ws[k].start - ws[k-1].end
	if gap < columnGap {
		return false
	}
	next := 1
	if k+1 < len(ws) && ws[k+1].line == ws[k].line {
		next = ws[k+1].start - ws[k].end
	}
	return gap > 2*next+2
}

// timeStamp reports whether w is a transcript's time stamp: "14am", "10:18am".
func timeStamp(w string) bool {
	t, am := strings.CutSuffix(w, "am")
	if !am {
		t, am = strings.CutSuffix(w, "pm")
	}
	return am && t != "" && len(t) < 6 && textscan.IsDigits(strings.ReplaceAll(t, ":", ""))
}

func isHead(ws []word, i int) bool {
	w := ws[i]
	l := strings.TrimSuffix(strings.TrimSuffix(w.lower(), "’s"), "'s")
	if !orgHeads[l] || !(w.capitalized() || w.capsLine) {
		return false
	}
	if l == "district" {
		return i > 0 && districtWords[ws[i-1].lower()]
	}
	// "New York City Police Commissioner" is a title, not a name (A2),
	// and "Police Interference" no name either: "Police" ends a name only
	// before a head or a word that is no name.
	if l == "police" && i+1 < len(ws) && ws[i+1].line == w.line && nameWord(ws[i+1]) &&
		!orgHeads[strings.TrimSuffix(ws[i+1].lower(), "’s")] && !bluebookHeads[strings.TrimSuffix(ws[i+1].lower(), ".")] {
		return false
	}
	// "Center" and "Firm" end a name only after "Law": a "Civic Center" or
	// a "Reception Center" is a building, a "firm" a common noun.
	if l == "center" || l == "firm" {
		return i > 0 && ws[i-1].text == "Law"
	}
	if l == "defense" || l == "nation" || l == "bar" || l == "police" || l == "legislature" {
		return i > 0 && nameWord(ws[i-1]) // "Summit Defense", "Folk Nation", "State Bar"
	}
	return true
}

// wrappedLine reports whether the line break before ws[i] wraps running
// text — the line before has lower-case words — rather than separating
// the lines of a letterhead, a caption or columns.
func wrappedLine(ws []word, i int) bool {
	if ws[i].capsLine {
		return false
	}
	for j := i - 1; j >= 0 && ws[j].line == ws[i-1].line; j-- {
		if !ws[j].punct && !ws[j].capitalized() {
			return true
		}
	}
	return false
}

// specificOrg rejects names made only of generic words, statute
// citations ("18 USC Section") and street addresses ("111 Centre").
func specificOrg(ws []word) bool {
	if len(ws) == 2 && caseRoleCourts[ws[0].lower()] && ws[1].lower() == "court" {
		return false
	}
	generic := true
	for i, w := range ws {
		l := w.lower()
		if strings.Contains(l, "u.s.c") || l == "usc" {
			return false
		}
		// "Title 18 United States Code Section": a statute, not a body.
		if l == "code" || l == "title" && i+1 < len(ws) && textscan.IsDigits(ws[i+1].text) {
			return false
		}
		if !genericOrg[strings.TrimSuffix(strings.TrimSuffix(l, "’s"), "'s")] && !textscan.IsDigits(l) && !enumerator(w.text) {
			generic = false
		}
	}
	if generic {
		return len(ws) == 2 && ws[0].lower() == "supreme" // "Supreme Court" names the court
	}
	return true
}

// enumerator reports whether w numbers a heading or list item: "A.",
// "2.", "iv." — "A.     Section" names no section.
func enumerator(w string) bool {
	t, ok := strings.CutSuffix(w, ".")
	if !ok || t == "" {
		return false
	}
	if len(t) == 1 && t[0] >= 'A' && t[0] <= 'Z' || textscan.IsDigits(t) {
		return true
	}
	return strings.Trim(strings.ToLower(t), "ivx") == ""
}

// moreHeads returns the end of the run of head words that starts at
// ws[to] on the line before it ("School District"). A head the name holds
// already starts another phrase ("Lodi Unified School District School
// Psychologist").
func moreHeads(ws []word, to int) int {
	from := to
	// "from the Pomona Police" / "Department": a head wrapped to the
	// next line of running text.
	for to < len(ws) && (ws[to].line == ws[to-1].line || to == from && ws[to].line <= ws[to-1].line+2 && wrappedLine(ws, to)) && isHead(ws, to) {
		// A comma ends the name before ("Long Beach Police Department,
		// Torrance Police Department"): its heads are another name's.
		for k := to - 1; k >= 0 && k >= from-4 && !ws[k].punct; k-- {
			if ws[k].lower() == ws[to].lower() {
				return to
			}
		}
		to++
	}
	// "Los Angeles Police Dep’t": a cited head abbreviation.
	if to < len(ws) && ws[to].line == ws[to-1].line {
		if u := unitAt(ws, to); u.abbr && bluebookHeads[u.stem] && startsUpper(ws[to].text) && !isAllUpper(ws[to].text) {
			to = u.to
		}
	}
	return to
}

// wrapLines is the most lines from one word to the next of running text:
// two where the text is double-spaced, as opinions, transcripts and
// pleadings are ("Department of Health and Human" / "" / "Services").
const wrapLines = 2

// tailWraps reports whether ws[m] continues an of-tail on the next line
// of running text ("Office of Juvenile" / "Affairs for the purpose"): one
// capitalized word there, then lower case or punctuation.
func tailWraps(ws []word, m int) bool {
	if ws[m].line-ws[m-1].line > wrapLines || ws[m].line == ws[m-1].line || !wrappedLine(ws, m) || ws[m-1].punct {
		return false
	}
	// A line that opens with a number ("05/28/25", a date under a court's
	// name in a list of opinions) goes on with other text.
	if r := []rune(ws[m].text); unicode.IsDigit(r[0]) {
		return false
	}
	return m+1 == len(ws) || ws[m+1].line != ws[m].line || !nameWord(ws[m+1])
}

// majorUnit reports whether "Major" at ws[i] names a unit ("Major Frauds
// Section", "Major Crimes Unit") rather than a rank: a plural noun follows.
// coordinatedUnit reads a unit's name coordinated with "and" on the left
// of the name read so far, ws[from:i+1] ending in the head ws[i]: "the
// Organized Crime and Racketeering Bureau", "the Tapes and Records Unit",
// "the Asset Forfeiture and Crimes Against Revenue Bureau". It returns
// where the name starts, or -1. ws[from-1] must be "and"; before it one to
// three capitalized words of the same line in title case (an acronym
// there names another body: "the FBI and Records Unit"), opened by "the",
// a possessive pronoun or the owner's possessive ("the NYPD’s Tapes and
// Records Unit"); the head must be a unit's.
func coordinatedUnit(ws []word, from, i int) int {
	if from < 3 || ws[from-1].text != "and" || !unitHeads[ws[i].lower()] || ws[from-1].line != ws[from].line {
		return -1
	}
	k := from - 1
	for k > 0 && from-1-k < 3 {
		w := ws[k-1]
		if w.punct || !w.capitalized() || allCaps(w.text) && !w.capsLine || strings.HasSuffix(w.text, "’s") || strings.HasSuffix(w.text, "'s") || isHead(ws, k-1) || functionWords[w.lower()] || titleWords[w.lower()] || w.line != ws[from].line {
			break
		}
		k--
	}
	if k == from-1 || k == 0 {
		return -1
	}
	switch o := ws[k-1].text; {
	case o == "the", o == "its", o == "their", o == "our":
		return k
	case strings.HasSuffix(o, "’s"), strings.HasSuffix(o, "'s"):
		return k // the owner's: "the District Attorney’s Organized Crime and ..."
	}
	return -1
}

// unitHeads are the heads of the units a coordination names.
var unitHeads = textscan.Set("bureau", "unit", "section", "division", "squad", "department", "office", "task", "force",
	"program", "center", "service", "services", "commission", "committee", "administration", "agency")

func majorUnit(ws []word, i int) bool {
	if ws[i].lower() != "major" || i+1 >= len(ws) || ws[i+1].line != ws[i].line {
		return false
	}
	n := ws[i+1].lower()
	return n == "case" || len(n) > 4 && strings.HasSuffix(n, "s") && !strings.HasSuffix(n, "ss")
}

// adverb reports whether a capitalized word is an adverb in -ally, which
// qualifies the name's words rather than names ("Nationally Certified
// School Psychologist").
func adverb(l string) bool {
	return len(l) >= 7 && strings.HasSuffix(l, "ally")
}

// tailEnds reports whether ws[m], inside an of-tail that starts at ws[k],
// ends the name: "in" that says where the body sits ("Office of the
// Public Defender in Cook County"; "in and for" goes on), or a title
// before a person's name ("Department of Investigation Commissioner
// Margaret Garnett"; a title that opens the tail names the office:
// "Office of the Attorney General").
func tailEnds(ws []word, k, m int) bool {
	l := ws[m].lower()
	if l == "in" {
		return m+1 >= len(ws) || ws[m+1].lower() != "and"
	}
	// An opinion's status after the court's name is no word of it: "Court
	// of Appeals Nonprecedential" in a list of opinions.
	if m > k && opinionStatus[l] {
		return true
	}
	if m == k || !titleWords[l] || m+1 >= len(ws) || ws[m+1].line != ws[m].line {
		return false
	}
	n := ws[m+1]
	return nameWord(n) && !titleWords[n.lower()] && !isHead(ws, m+1) && !stopCaps[n.lower()]
}

// opinionStatus are the words courts' lists of opinions give an opinion's
// standing with (a closed class of form, typed by hand).
var opinionStatus = textscan.Set("precedential", "nonprecedential", "non-precedential", "published", "unpublished")

// ofTail returns the end of the name whose words end before ws[to], with
// its "of the …" and "for the …" tails: "… of the Eighth Circuit", "…
// for the City of New York", "NYPD Squad of Detectives".
func ofTail(ws []word, to int) int {
	for to+1 < len(ws) && ws[to].line <= ws[to-1].line+wrapLines && (ws[to].lower() == "of" || ws[to].lower() == "for" || onTail(ws, to)) {
		// A caption's two lines in capitals, "UNITED STATES DISTRICT
		// COURT" / "FOR THE DISTRICT OF MARYLAND", are two mentions (A2).
		if ws[to].line != ws[to-1].line && ws[to].capsLine && ws[to-1].capsLine && ws[to].lower() == "for" && ws[to-1].lower() == "court" {
			break
		}
		k := to + 1
		if k < len(ws) && ws[k].lower() == "the" {
			k++
		}
		m := k
		// A number ends the name: "… for the City of New York 80
		// Centre Street" is an address after it.
		// So does a date: "COURT OF APPEALS 7/15/97" / "OF THE" / "STATE
		// OF MISSISSIPPI", a heading with the day of its decision.
		for m < len(ws) && (ws[m].line == ws[k].line || m > k && tailWraps(ws, m)) && !ws[m].punct && !textscan.IsDigits(ws[m].text) &&
			!slashDate(ws[m].text) &&
			!(ws[m].capsLine && functionWords[ws[m].lower()] && !orgConnectors[ws[m].lower()]) &&
			(nameWord(ws[m]) || orgConnectors[ws[m].lower()] && m+1 < len(ws) && nameWord(ws[m+1])) && !tailEnds(ws, k, m) {
			m++
		}
		if m == k {
			break
		}
		to = listTail(ws, k, m)
	}
	return to
}

// listTail returns the end of an of-tail of one word that goes on as a
// list of single words, "Bureau of Alcohol, Tobacco and Firearms",
// "Department of Labor, Licensing and Regulation": from ws[m], a comma
// and one capitalized word (again), then "and" or "&" and one more
// closing the list before a word that is no name's, all on one line; or
// m. Names of several words ("Department of Justice, Drug Enforcement
// Administration and ...") name several bodies and are left alone.
func listTail(ws []word, k, m int) int {
	if m != k+1 || ws[k].capsLine {
		return m
	}
	j := m
	for j+1 < len(ws) && ws[j].text == "," && ws[j+1].line == ws[k].line && nameWord(ws[j+1]) && ws[j+1].capitalized() && !allCaps(ws[j+1].text) {
		j += 2
	}
	if j == m || j+2 >= len(ws) || (ws[j].lower() != "and" && ws[j].text != "&") || ws[j+1].line != ws[k].line ||
		!nameWord(ws[j+1]) || !ws[j+1].capitalized() || allCaps(ws[j+1].text) {
		return m
	}
	if n := ws[j+2]; n.line == ws[k].line && nameWord(n) && n.capitalized() {
		return m
	}
	return j + 2
}

// courtDistrict returns the end of a state court's district and
// division written after its name and a comma, "Missouri Court of Appeals,
// Western District", "Court of Appeal, First District, Division 1", or to.
// A district with an of-tail ("District Court, Central District of
// California") is a caption's second mention (A2) and is left alone.
func courtDistrict(ws []word, to int) int {
	if to < 1 || to+2 >= len(ws) {
		return to
	}
	if last := ws[to-1].lower(); last != "court" && last != "appeals" && last != "appeal" {
		return to
	}
	if ws[to].text != "," || !(districtWords[ws[to+1].lower()] || ordinalWords[ws[to+1].lower()]) || ws[to+2].lower() != "district" ||
		ws[to+2].line != ws[to-1].line || !ws[to+1].capitalized() {
		return to
	}
	end := to + 3
	if end < len(ws) && (ws[end].lower() == "of" || ws[end].lower() == "for") {
		return to
	}
	// ", Division 1", ", Division Two".
	if end+2 < len(ws) && ws[end].text == "," && ws[end+1].lower() == "division" && ws[end+2].line == ws[end].line &&
		(textscan.IsDigits(ws[end+2].text) || ordinalWords[ws[end+2].lower()] || numberWords[ws[end+2].lower()]) {
		end += 3
	}
	return end
}

// ordinalWords name a court's district or division (a division also by
// its number, in digits or a word of numberWords).
var ordinalWords = textscan.Set("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
	"tenth", "eleventh", "twelfth", "thirteenth", "fourteenth")

// schoolGrade reports whether ws[k], "Senior" or "Junior" capitalized,
// grades the school named after it ("Jonesboro Senior High School"), a
// word of its name; elsewhere "senior" qualifies a generic head ("Senior
// Circuit Judge").
func schoolGrade(ws []word, k int) bool {
	return (ws[k].text == "Senior" || ws[k].text == "Junior") && k+1 < len(ws) && ws[k+1].text == "High" && ws[k+1].line == ws[k].line
}

// slashDate reports whether w is a date written with slashes: "7/15/97".
func slashDate(w string) bool {
	return strings.Contains(w, "/") && strings.ContainsAny(w, "0123456789")
}

// lawWord reports whether ws[k], "Law" capitalized in running text, is a
// word of the name whose head is ws[i]: "South Carolina Law Enforcement
// Division", "Albin Law Office", "Juvenile Law Center". Elsewhere "law"
// ends a name on its left ("Iowa law").
func lawWord(ws []word, k, i int) bool {
	if ws[k].text != "Law" || k+1 > i || ws[k+1].line != ws[k].line {
		return false
	}
	next := ws[k+1].lower()
	return next == "enforcement" || k+1 == i && lawHeads[next]
}

// lawHeads are the heads "Law" names a kind of: "Law Office", "Law Group".
var lawHeads = textscan.Set("office", "offices", "group", "firm", "center", "school", "library", "clinic")

// onHeads are the bodies whose names go on with "on" and their subject:
// "Commission on Indigent Defense", "Committee on the Judiciary",
// "Council on Crime and Justice", "Task Force on Human Trafficking".
var onHeads = textscan.Set("commission", "committee", "council", "force", "board", "conference", "panel")

// onTail reports whether ws[to] is an "on" that continues the name whose
// last head is ws[to-1]: after a head of onHeads, and before a capitalized
// word on its line that is no weekday, month or other stop word ("the
// Commission on Monday").
func onTail(ws []word, to int) bool {
	if ws[to].lower() != "on" || !onHeads[ws[to-1].lower()] || !(ws[to-1].capitalized() || ws[to-1].capsLine) {
		return false
	}
	k := to + 1
	if k < len(ws) && ws[k].lower() == "the" {
		k++
	}
	// Only a date ends the name: words that are never a person's name
	// may well be a committee's field ("Committee on Intelligence").
	return k < len(ws) && ws[k].line == ws[to].line && ws[k].capitalized() && !calendarWords[ws[k].lower()] && !functionWords[ws[k].lower()]
}

// calendarWords are the months and weekdays.
var calendarWords = textscan.Calendar()

// allCaps reports whether s has two or more letters, all capitals: an
// acronym in running text.
func allCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}
