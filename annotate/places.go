package annotate

import (
	"slices"
	"strings"

	"github.com/casefile/casefile/annotate/charge"
	"github.com/casefile/casefile/annotate/internal/textscan"

	"github.com/casefile/casefile/schemas"
)

// findPlaces: gazetteer places outside organizations, except where fused
// into an official title ("Bronx District Attorney", "United States
// Attorney") or following one ("DISTRICT ATTORNEY, BRONX COUNTY").
func findPlaces(ws []word, gaz *gazetteer, taken []bool, firstNames map[string]bool) []wordSpan {
	var out []wordSpan
	for i := 0; i < len(ws); i++ {
		if taken[i] {
			continue
		}
		if k := headedPlace(ws, i, gaz, taken); k > i {
			out = append(out, wordSpan{from: i, to: k, typ: schemas.Place, source: schemas.SourceRule, rule: "headed-place"})
			i = k - 1
			continue
		}
		if k := residenceEnd(ws, i, gaz, taken); k > i {
			out = append(out, wordSpan{from: i, to: k, typ: schemas.Place, source: schemas.SourceRule, rule: "residence"})
			i = k - 1
			continue
		}
		if stateCode(ws, i, gaz) {
			out = append(out, wordSpan{from: i, to: i + 1, typ: schemas.Place, source: schemas.SourceRule, rule: "state-code"})
			continue
		}
		e, n := gaz.match(ws, i)
		if e == nil || e.typ != schemas.Place || anyTaken(taken, i, i+n) {
			// Counties and parishes by name: "Sacramento County",
			// "Orleans Parish". No list of the 3,143 is needed.
			if k := countyEnd(ws, i, taken); k > i && !fusedTitle(ws, i, k) && !streetOrFacility(ws, k) {
				out = append(out, wordSpan{from: i, to: k, typ: schemas.Place, source: schemas.SourceRule, rule: "county"})
				i = k - 1
			}
			continue
		}
		from, to := i, i+n
		rule := "list:" + e.list
		if to < len(ws) && (ws[to].lower() == "county" || ws[to].lower() == "borough") && ws[to].line == ws[i].line {
			to++ // "Bronx County"
			rule = "list-county"
		} else if to < len(ws) && ws[to].text == "Valley" && ws[to].line == ws[i].line && !ws[i].capsLine &&
			!(to+1 < len(ws) && nameWord(ws[to+1]) && ws[to+1].line == ws[to].line) {
			// "the San Fernando Valley": a region named after a place
			// is a place of its own, never a person's name; "Machias
			// Valley Baptist" goes on as a church's name.
			to++
			rule = "list-valley"
		} else if e.city != nil {
			if rule = cityInContext(ws, i, to, e.city, gaz); rule == "" {
				// A town's name that opens a county's: "Dane Cty." (the
				// town of Dane is too small to stand alone).
				if k := countyEnd(ws, i, taken); k > i && !fusedTitle(ws, i, k) && !streetOrFacility(ws, k) {
					out = append(out, wordSpan{from: i, to: k, typ: schemas.Place, source: schemas.SourceRule, rule: "county"})
					i = k - 1
				}
				continue
			}
			// "City of Santa Ana" names the place whole.
			if rule == "city-of" && ws[i-2].capitalized() && !ws[i-2].capsLine {
				from = i - 2
			}
		} else if e.list != handPlaces && e.list != statesList && e.list != nycList && !(e.list == countriesList && strings.Contains(e.surface, ".")) && insideName(ws, i, to) {
			continue // "Jose Luis Montenegro", "Malta Partners"
		}
		// "LET US", "TO US": in capitals the pronoun.
		if ws[i].capsLine && ws[i].text == "US" && n == 1 {
			continue
		}
		// "Officer Jordan", "Judge Chad": a title makes it a person.
		if i > 0 && titleWords[ws[i-1].lower()] && ws[i-1].line == ws[i].line {
			continue
		}
		// "IRELAND, C.J., SPINA, ...", "Washington, J.": a name before a
		// judge's abbreviated title is the judge's.
		if to+1 < len(ws) && ws[to].text == "," && courtInitials[ws[to+1].lower()] && ws[to+1].line == ws[to].line {
			continue
		}
		// A city and its state after a title and a comma are the office's
		// address in a list of counsel ("Assistant Attorney General,
		// Santa Fe, NM"), not a place fused into the title.
		fused := titleAfter(ws, to) || commaAfterTitle(ws, i) && rule != "city-state" && rule != "city-counsel"
		if fused || streetOrFacility(ws, to) || reporterCite(ws, i, to) || gaz.neutralCite(ws, i, to) || districtDocket(ws, i, to) {
			if fused {
				// A place fused into a title is no person's name either:
				// "San Diego County Sheriff’s Special Enforcement Detail".
				for k := i; k < to; k++ {
					taken[k] = true
				}
			}
			i = to - 1
			continue
		}
		// "Jordan Jackson": a given name, not the country; "Bronx
		// Conspiracy 4th" (a table's columns) stays the Bronx.
		if n == 1 && firstNames[ws[i].lower()] && to < len(ws) && nameWord(ws[to]) && ws[to].line == ws[i].line &&
			!offenseWord(ws[to]) {
			continue
		}
		norm := e.canonical
		if rule == "list-county" {
			// "Dallas County" is the county, not the city of Dallas; "L.A.
			// County" is Los Angeles County.
			norm += " " + strings.ToUpper(ws[to-1].lower()[:1]) + ws[to-1].lower()[1:]
		}
		out = append(out, wordSpan{from: from, to: to, typ: schemas.Place, norm: norm, source: schemas.SourceGazetteer, rule: rule})
		i = to - 1
	}
	return out
}

// stateCode reports whether ws[i] is a state's USPS code in a postal
// address: before a ZIP code ("Sacramento, CA 95814", OCR's
// "SanFrancisco. CA 94105"), or after a comma and a listed city of that
// state ("Brooklyn, NY, for Plaintiffs"). Alone a code is too often
// something else ("MD", "PA", "IN").
func stateCode(ws []word, i int, gaz *gazetteer) bool {
	code := ws[i].text
	if i == 0 || len(code) != 2 || !isAllUpper(code) || !gaz.codes[code] || ws[i-1].line != ws[i].line {
		return false
	}
	if i+1 < len(ws) && ws[i+1].line == ws[i].line && zipCode(ws[i+1].text) &&
		(ws[i-1].text == "," || ws[i-1].text == "." || nameWord(ws[i-1])) {
		return true
	}
	if ws[i-1].text != "," {
		return false
	}
	for k := i - 2; k >= max(0, i-5); k-- {
		// Not after a title and a comma: counsel's office in a list of
		// counsel ("Assistant Attorney General, Santa Fe, NM").
		// "New York, NY": the city's name is its state's.
		if e, n := gaz.match(ws, k); e != nil && k+n == i-1 &&
			(e.city != nil && slices.Contains(e.city.states, code) || e.list == statesList && gaz.states[strings.ToLower(e.canonical)] == code) {
			return !commaAfterTitle(ws, k)
		}
	}
	return false
}

// zipCode reports whether s is a ZIP code: five digits, or ZIP+4.
func zipCode(s string) bool {
	head, tail, plus := strings.Cut(s, "-")
	return len(head) == 5 && textscan.IsDigits(head) && (!plus || len(tail) == 4 && textscan.IsDigits(tail))
}

// Thresholds for cities of the generated list (gazetteers/us-cities.tsv),
// measured over the corpus: a city name alone is a place only when it is
// large and its name is no English word, given name or common surname;
// others need a context that makes them places.
const (
	bareCityPop    = 100000 // "Temecula" alone
	contextCityPop = 10000  // "in Murrieta"
	// bareAmbiguousPop: a city whose name is also a word or a person's
	// name stands alone only this large ("Dallas", "Boston").
	bareAmbiguousPop = 250000
)

// sentenceStart reports whether ws[i] starts a sentence or a line.
func sentenceStart(ws []word, i int) bool {
	if i == 0 || ws[i-1].line != ws[i].line {
		return true
	}
	switch ws[i-1].text {
	case ".", "!", "?", ":", "“", "\"", "(":
		return true
	}
	return false
}

// placeIntro words before a name make it a place: "in Murrieta", "from
// Burbank", "City of Santa Ana".
// strictPlaceIntro are the prepositions before a place that a person's
// name does not take.
var strictPlaceIntro = textscan.Set("in", "near", "outside")

var placeIntro = textscan.Set("in", "near", "from", "outside", "to", "between", "and", "of")

// cityInContext reports whether the listed city at ws[from:to] reads as a
// place, and by which rule: followed by one of its states ("Reading,
// Pennsylvania", "Temple, TX"), after "City of" / "Town of", or — for a
// name that is not also a word or a person's name — large enough, or
// after "in", "from", "near". It returns "" for none.
func cityInContext(ws []word, from, to int, c *cityInfo, gaz *gazetteer) string {
	if to+1 < len(ws) && ws[to].text == "," && ws[to+1].line == ws[to-1].line {
		st := ws[to+1].text
		if len([]rune(st)) == 2 && isAllUpper(st) && slices.Contains(c.states, st) {
			return "city-state"
		}
		if e, _ := gaz.match(ws, to+1); e != nil && e.typ == schemas.Place && e.city == nil {
			if code, ok := gaz.states[strings.ToLower(e.canonical)]; ok && slices.Contains(c.states, code) {
				return "city-state"
			}
		}
	}
	// "Asst. Atty. Gen., Jefferson City, for respondent": the city of an
	// office in a list of counsel, between commas before "for" and the
	// party (a person's name there would be counsel's, not a city's).
	if !c.person && from > 0 && ws[from-1].text == "," && to+1 < len(ws) && ws[to].text == "," &&
		ws[to+1].text == "for" && ws[to+1].line == ws[from].line && ws[from-1].line == ws[from].line {
		return "city-counsel"
	}
	if from >= 2 && ws[from-1].lower() == "of" {
		switch ws[from-2].lower() {
		case "city", "town", "village", "township", "borough":
			return "city-of"
		}
	}
	// "Dodson, 21, of Compton": a residence after a person's age, the
	// way releases and indictments give it; a name that is also a word or
	// a surname is the town there too.
	if from >= 3 && c.pop >= contextCityPop && ws[from-1].lower() == "of" && ws[from-2].text == "," &&
		textscan.IsDigits(ws[from-3].text) && len(ws[from-3].text) <= 3 && ws[from-3].line == ws[from].line &&
		!(to < len(ws) && nameWord(ws[to]) && ws[to].line == ws[from].line) {
		return "city-residence"
	}
	// "the Hollis area of Queens": a place named as the area around it.
	if c.pop >= contextCityPop && from > 0 && ws[from-1].lower() == "the" && to < len(ws) && areaNouns[ws[to].text] &&
		ws[from-1].line == ws[from].line && ws[to].line == ws[to-1].line {
		return "city-area"
	}
	// "Bronx Conspiracy 4th": a table's columns, the offense after the
	// place is no word of its name.
	if insideName(ws, from, to) && !(to < len(ws) && offenseWord(ws[to]) && !nameBefore(ws, from)) {
		return ""
	}
	// "Tollett v. Henderson", "Chandler, 940 F.2d at 366": a party of a
	// cited case whose name is a person's is read as the person.
	if c.person && (from > 0 && isVersus(ws[from-1]) || to < len(ws) && isVersus(ws[to]) ||
		to+1 < len(ws) && ws[to].text == "," && textscan.IsDigits(ws[to+1].text)) {
		return ""
	}
	// "in Burbank", "from Murrieta": a preposition of place before it.
	// A city whose name is a word or a person's needs a preposition that
	// only a place takes ("and Moore", "to Davis" are people).
	if c.pop >= contextCityPop && from > 0 && ws[from-1].line == ws[from].line && !ws[from-1].capitalized() &&
		(placeIntro[ws[from-1].lower()] && ws[from-1].lower() != "of" && !c.word && !c.person || strictPlaceIntro[ws[from-1].lower()]) &&
		!(to < len(ws) && nameWord(ws[to]) && ws[to].line == ws[from].line) {
		return "city-intro"
	}
	if c.word || c.person {
		// A large city keeps its name alone when no capital of a
		// sentence's start could make a word of it: "Dallas", "Boston",
		// "Riverside" in running text.
		if c.pop >= bareAmbiguousPop && !(c.word && sentenceStart(ws, from)) && !(c.world && c.person) {
			return "city-bare-ambiguous"
		}
		return ""
	}
	if c.pop >= bareCityPop {
		return "city-bare"
	}
	// "served in Hawthorne, Bellflower, Long Beach": a town in a list of
	// listed places that "in", "near" or "outside" opens ("between
	// Whiting, Norwich, and Connecticut Valley Hospital" lists hospitals).
	if c.pop >= contextCityPop && placeList(ws, from, gaz) {
		return "city-list"
	}
	if c.pop >= contextCityPop && from > 0 && ws[from-1].line == ws[from].line && placeIntro[ws[from-1].lower()] && !ws[from-1].capitalized() {
		// "of" after a name makes the city part of it: "Calvary
		// Chapel of Bangor", "Church of Waterville".
		if ws[from-1].lower() == "of" && from >= 2 && nameWord(ws[from-2]) {
			return ""
		}
		return "city-intro"
	}
	// "Justin Warren, 20, (Mount Vernon)": a residence in parentheses.
	if c.pop >= contextCityPop && from > 0 && ws[from-1].text == "(" && to < len(ws) && ws[to].text == ")" {
		return "city-paren"
	}
	return ""
}

// areaNouns after "the" and a place's name make it the area: "the
// Hollis area", "the Flatbush section", "the Wakefield neighborhood".
var areaNouns = textscan.Set("area", "section", "neighborhood", "vicinity")

// placeList reports whether ws[from] follows a comma in a list of listed
// places on its line whose first item a strict place preposition opens.
func placeList(ws []word, from int, gaz *gazetteer) bool {
	end := from - 1
	for items := 0; items < 4; items++ {
		if end < 1 || ws[end].text != "," || ws[end].line != ws[from].line {
			return false
		}
		k := listedPlaceStart(ws, end, gaz)
		if k < 0 {
			return false
		}
		if k > 0 && ws[k-1].line == ws[k].line && strictPlaceIntro[ws[k-1].text] {
			return true
		}
		end = k - 1
	}
	return false
}

// residenceEnd returns the end of a residence that no list holds, given
// after a person's name and age the way releases and indictments give it
// ("Fernando Garcia Parada, 28, of Panorama City;", "Edgard Velasquez,
// 43, of Reseda; and"): one to three capitalized words between "<age>,
// of" and a comma, a semicolon or a period; or i. A listed place there is
// left to the list (cityInContext's residence rule).
func residenceEnd(ws []word, i int, gaz *gazetteer, taken []bool) int {
	if i < 4 || ws[i-1].text != "of" || ws[i-2].text != "," || !textscan.IsDigits(ws[i-3].text) || len(ws[i-3].text) > 3 ||
		ws[i-4].text != "," || ws[i-4].line != ws[i].line || ws[i-1].line != ws[i].line {
		return i
	}
	if e, _ := gaz.match(ws, i); e != nil {
		return i
	}
	// A house number opens a street address, no place (A7): "Tanisha
	// Minor, 26, of 416 Whitney Chase, Stone Mountain".
	if startsDigit(ws[i].text) {
		return i
	}
	k := i
	for k < len(ws) && k-i < 3 && !taken[k] && nameWord(ws[k]) && !ws[k].capsLine && ws[k].line == ws[i].line &&
		(!stopCaps[ws[k].lower()] || k > i && ws[k].text == "City") && // "Panorama City"
		!titleWords[ws[k].lower()] && !orgHeads[ws[k].lower()] && !functionWords[ws[k].lower()] && !notNameWords[ws[k].lower()] {
		k++
	}
	if k == i || k == len(ws) || ws[k].line != ws[i].line {
		return i
	}
	switch ws[k].text {
	case ",", ";", ".":
		return k
	}
	return i
}

// listedPlaceStart returns where a listed place's name ending right
// before ws[end] on its line starts, or -1.
func listedPlaceStart(ws []word, end int, gaz *gazetteer) int {
	for k := end - 1; k >= 0 && k >= end-3 && ws[k].line == ws[end].line; k-- {
		if e, n := gaz.match(ws, k); e != nil && e.typ == schemas.Place && k+n == end {
			return k
		}
	}
	return -1
}

func isVersus(w word) bool { l := w.lower(); return l == "v." || l == "vs." || l == "v" }

// insideName reports whether ws[from:to] is part of a longer capitalized
// name on its line — a person ("Jose Luis Montenegro"), a company ("Terex
// Cranes Wilmington, Inc.", "Hartford Life") or a facility ("Denison
// Dam") — rather than a place named alone.
func insideName(ws []word, from, to int) bool {
	if nameBefore(ws, from) {
		return true
	}
	return to < len(ws) && ws[to].line == ws[to-1].line && nameWord(ws[to]) && !textscan.IsDigits(ws[to].text)
}

// nameBefore reports whether the words before ws[from] open a name it
// ends or goes on: "Bank of Jacksonville", "Title Co. of El Paso",
// "Malta Partners" read backwards.
func nameBefore(ws []word, from int) bool {
	if from >= 2 && ws[from-1].lower() == "of" && ws[from-2].line == ws[from].line && nameWord(ws[from-2]) {
		return true
	}
	return from > 0 && ws[from-1].line == ws[from].line && nameWord(ws[from-1]) && !placeIntro[ws[from-1].lower()] && !stopCaps[ws[from-1].lower()]
}

// titleAfterPlace: a title right after a place name fuses with it.
var titleAfterPlace = textscan.Set("attorney", "attorney’s", "attorney's", "commissioner", "mayor", "governor", "senator",
	"sheriff", "sheriff’s", "sheriff's", "judge", "marshal", "prosecutor", "police")

// judgeKinds name the federal judgeships a place's name opens as a
// title: "United States Circuit Judge", "U.S. Bankruptcy Judge".
var judgeKinds = textscan.Set("district", "magistrate", "circuit", "bankruptcy")

// fusedTitle reports whether the place at ws[from:to] is fused into an
// official title (A2), after it or before it and a comma.
func fusedTitle(ws []word, from, to int) bool {
	return titleAfter(ws, to) || commaAfterTitle(ws, from)
}

// titleAfter reports whether a title follows the place ending before
// ws[to]: "Bronx District Attorney", "United States District Judge".
func titleAfter(ws []word, to int) bool {
	if to < len(ws) && !ws[to].punct {
		next := ws[to].lower()
		if titleAfterPlace[next] {
			return true
		}
		if (next == "district" || next == "state's" || next == "state’s") && to+1 < len(ws) && strings.HasPrefix(ws[to+1].lower(), "attorney") {
			return true // "Bronx District Attorney", "Cook County State’s Attorney"
		}
		if judgeKinds[next] && to+1 < len(ws) && strings.HasPrefix(ws[to+1].lower(), "judge") {
			return true // "United States District Judge", "U.S. Magistrate Judge" (A2)
		}
	}
	return false
}

// commaAfterTitle reports whether the place at ws[from] follows a title
// and a comma: "DISTRICT ATTORNEY, BRONX COUNTY".
func commaAfterTitle(ws []word, from int) bool {
	return from >= 2 && ws[from-1].text == "," && titleWords[ws[from-2].lower()]
}

// offenseWord reports whether w starts the name of an offense, which no
// surname does: "Conspiracy", "Robbery", "Murder".
func offenseWord(w word) bool {
	_, _, ok := charge.OffenseAt(strings.ToLower(w.text))
	return ok
}

// facilityWords after a place name make it a street or a building (A7).
var facilityWords = textscan.Set("avenue", "ave", "ave.", "street", "st.", "road", "rd.", "boulevard", "blvd.", "parkway",
	"pkwy", "houses", "house", "expressway", "highway", "drive", "place", "plaza", "square", "courthouse", "hall",
	"station", "terrace", "lane", "way", "bridge", "tunnel", "center", "mall", "hospital", "park", "concourse",
	"building", "bldg.")

// reporterCite: "543 U.S. 220" and "543 U.S. at 224" cite a reporter,
// not the country (A1). (The court codes of public-domain citations,
// "2017 IL 120958", are gazetteer.neutralCite's.)
func reporterCite(ws []word, from, to int) bool {
	if to-from != 1 || from == 0 || to >= len(ws) {
		return false
	}
	if ws[from].text == "U.S." {
		// "502 U.S. at 67", a short cite; "--U.S.--", "597 U.S. ___", a
		// page not yet known.
		prev, next := ws[from-1].text, ws[to].text
		blank := next != "" && strings.Trim(next, "_-—–") == ""
		return textscan.IsDigits(prev) && (textscan.IsDigits(next) || blank || next == "at" && to+1 < len(ws) && startsDigit(ws[to+1].text)) ||
			(prev == "-" || prev == "—" || prev == "–" || prev == "_") && (next == "-" || next == "—" || next == "–" || next == "_")
	}
	if placeholderReporter(ws, from, to) {
		return true
	}
	if !textscan.IsDigits(ws[from-1].text) {
		return false
	}
	return stateReporter(ws, from, to)
}

// headedPlace returns the end of a place named by a word and a place's
// head noun before a comma and a state ("Venice Beach, California",
// "Sulphur Springs, Texas"), or i: no list holds every such place, and
// the given-name rule would read "Venice Beach" as a person.
func headedPlace(ws []word, i int, gaz *gazetteer, taken []bool) int {
	if i+3 >= len(ws) || anyTaken(taken, i, i+2) || !nameWord(ws[i]) || ws[i].capsLine || !ws[i].capitalized() ||
		ws[i+1].line != ws[i].line || !placeHeads[ws[i+1].text] || ws[i+2].text != "," {
		return i
	}
	if e, n := gaz.match(ws, i); e != nil && e.typ == schemas.Place && n >= 2 {
		return i // a listed place: "Virginia Beach, Virginia"
	}
	if e, _ := gaz.match(ws, i+3); e != nil && e.typ == schemas.Place {
		if _, ok := gaz.states[strings.ToLower(e.canonical)]; ok {
			return i + 2
		}
	}
	return i
}

// placeHeads are the nouns that end the names of towns and resorts,
// capitalized (typed by hand: a closed class).
var placeHeads = textscan.Set("Beach", "Springs", "Heights", "Hills", "Falls", "Valley", "Harbor", "Grove", "Creek", "Village")

// districtDocket: "D.C. No. CV-00-13002-DDP" in a court of appeals'
// caption is the district court's docket number, not the District of
// Columbia.
func districtDocket(ws []word, from, to int) bool {
	return to-from == 1 && ws[from].text == "D.C." && to < len(ws) && ws[to].line == ws[from].line &&
		(ws[to].text == "No." || ws[to].text == "Nos.")
}

// placeholderReporter: "--- Pa. ----", "___ Mich. ___" cite a state's
// reporter whose volume and page are not yet known (A1), the state's
// abbreviation between two runs of dashes or underscores.
func placeholderReporter(ws []word, from, to int) bool {
	dashes := func(w word) bool { return w.text != "" && strings.Trim(w.text, "-_—–") == "" }
	k := to
	if k < len(ws) && ws[k].text == "." {
		k++ // "Mich" "." "___"
	}
	return dashes(ws[from-1]) && k < len(ws) && dashes(ws[k]) && ws[k].line == ws[from].line && ws[from-1].line == ws[from].line &&
		(k > to || strings.HasSuffix(ws[from].text, "."))
}

// stateReporter: a state's abbreviation between a volume and a page, "307
// Conn. 299", "466 Mass. 655", "384 S.C. 372", or before a series or a
// court's reporter, "186 Ill. 2d 123", "150 Conn. App. 123", names the
// state's official reporter, not the state (A1, reporter abbreviations).
func stateReporter(ws []word, from, to int) bool {
	w := ws[from].text
	if !strings.HasSuffix(w, ".") || ws[from-1].line != ws[from].line || ws[to].line != ws[from].line {
		return false
	}
	next := strings.TrimSuffix(ws[to].text, ".")
	return textscan.IsDigits(next) || next == "2d" || next == "3d" || next == "4th" || next == "App" ||
		next == "at" && to+1 < len(ws) && startsDigit(ws[to+1].text)
}

func streetOrFacility(ws []word, to int) bool {
	return to < len(ws) && !ws[to].punct && (facilityWords[ws[to].lower()] || namedJail(ws[to].text)) && ws[to].line == ws[to-1].line
}

// namedJail reports whether w, capitalized, makes the place before it the
// name of a jail ("the Orange County Jail", "Yuba County Jail"): a
// building (A7). A jail in lower case is described, its place named ("at
// the Todd County jail").
func namedJail(w string) bool { return w == "Jail" || w == "JAIL" }

// municipalWords name a county or a town, written out or as citations
// abbreviate them.
var municipalWords = textscan.Set("county", "parish", "borough", "township", "cty.", "cnty.", "twp.", "boro.")

// countyEnd returns the end of "<Name> County" starting at ws[i], or i.
func countyEnd(ws []word, i int, taken []bool) int {
	j := i
	for j < len(ws) && j-i < 3 && !taken[j] && nameWord(ws[j]) && !stopCaps[ws[j].lower()] && !municipalWords[ws[j].lower()] &&
		!textscan.IsDigits(ws[j].text) && ws[j].line == ws[i].line {
		j++
		if j+1 < len(ws) && !taken[j] && !taken[j+1] && saintEpithet(ws, j) {
			j += 2 // "St. John the Baptist Parish"
		}
	}
	// "County of Allegheny", "Cty. of Allegheny", "Township of Haverford".
	if l := ws[i].lower(); municipalWords[l] && ws[i].capitalized() && i+2 < len(ws) && ws[i+1].lower() == "of" && ws[i+2].line == ws[i].line {
		k := i + 2
		for k < len(ws) && k-i < 5 && !taken[k] && nameWord(ws[k]) && !stopCaps[ws[k].lower()] && ws[k].line == ws[i].line {
			k++
		}
		if k > i+2 {
			return k
		}
	}
	if j > i && j < len(ws) && !taken[j] && ws[j].line == ws[i].line && ws[j].capitalized() {
		if l := ws[j].lower(); municipalWords[l] {
			if i > 0 && nameWord(ws[i-1]) && ws[i-1].line == ws[i].line {
				return i // not at the start of the name
			}
			return j + 1
		}
	}
	return i
}

// saintEpithet reports whether ws[k] is the "the" of a saint's epithet in
// a name, "St. <Name> the <Name>": "St. John the Baptist Parish", "St.
// John the Evangelist Church". Elsewhere a capitalized word before "the"
// ends a name ("Following the United States Supreme Court").
func saintEpithet(ws []word, k int) bool {
	if k < 2 || k+1 >= len(ws) || ws[k].text != "the" && ws[k].text != "THE" {
		return false
	}
	switch ws[k-2].text {
	case "St.", "Saint", "ST.", "SAINT":
	default:
		return false
	}
	return nameWord(ws[k-1]) && ws[k+1].capitalized() && ws[k-2].line == ws[k].line && ws[k+1].line == ws[k].line
}

// startsDigit reports whether s starts with a digit: a page or a range of
// pages ("67-68").
func startsDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }
