package annotate

import (
	"strings"

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
		e, n := gaz.match(ws, i)
		if e == nil || e.typ != schemas.Place || anyTaken(taken, i, i+n) {
			// Counties and parishes by name: "Sacramento County",
			// "Orleans Parish". No list of the 3,143 is needed.
			if k := countyEnd(ws, i, taken); k > i && !fusedTitle(ws, i, k) {
				out = append(out, wordSpan{from: i, to: k, typ: schemas.Place, source: schemas.SourceRule})
				i = k - 1
			}
			continue
		}
		to := i + n
		if to < len(ws) && (ws[to].lower() == "county" || ws[to].lower() == "borough") && ws[to].line == ws[i].line {
			to++ // "Bronx County"
		}
		if fusedTitle(ws, i, to) || streetOrFacility(ws, to) || reporterCite(ws, i, to) {
			i = to - 1
			continue
		}
		// "Jordan Jackson": a given name, not the country.
		if n == 1 && firstNames[ws[i].lower()] && to < len(ws) && nameWord(ws[to]) && ws[to].line == ws[i].line {
			continue
		}
		out = append(out, wordSpan{from: i, to: to, typ: schemas.Place, norm: e.canonical, source: schemas.SourceGazetteer})
		i = to - 1
	}
	return out
}

// titleAfterPlace: a title right after a place name fuses with it.
var titleAfterPlace = textscan.Set("attorney", "attorney’s", "attorney's", "commissioner", "mayor", "governor", "senator",
	"sheriff", "judge", "marshal", "prosecutor", "police")

func fusedTitle(ws []word, from, to int) bool {
	if to < len(ws) && !ws[to].punct {
		next := ws[to].lower()
		if titleAfterPlace[next] {
			return true
		}
		if next == "district" && to+1 < len(ws) && strings.HasPrefix(ws[to+1].lower(), "attorney") {
			return true
		}
	}
	// "DISTRICT ATTORNEY, BRONX COUNTY"
	if from >= 2 && ws[from-1].text == "," && titleWords[ws[from-2].lower()] {
		return true
	}
	return false
}

// facilityWords after a place name make it a street or a building (A7).
var facilityWords = textscan.Set("avenue", "ave", "ave.", "street", "st.", "road", "rd.", "boulevard", "blvd.", "parkway",
	"pkwy", "houses", "house", "expressway", "highway", "drive", "place", "plaza", "square", "courthouse", "hall",
	"station", "terrace", "lane", "way", "bridge", "tunnel", "center", "mall", "hospital", "park", "concourse")

// reporterCite: "543 U.S. 220" cites a reporter, not the country (A1).
func reporterCite(ws []word, from, to int) bool {
	return to-from == 1 && ws[from].text == "U.S." && from > 0 && textscan.IsDigits(ws[from-1].text) && to < len(ws) && textscan.IsDigits(ws[to].text)
}

func streetOrFacility(ws []word, to int) bool {
	return to < len(ws) && !ws[to].punct && facilityWords[ws[to].lower()] && ws[to].line == ws[to-1].line
}

// countyEnd returns the end of "<Name> County" starting at ws[i], or i.
func countyEnd(ws []word, i int, taken []bool) int {
	j := i
	for j < len(ws) && j-i < 3 && !taken[j] && nameWord(ws[j]) && !stopCaps[ws[j].lower()] && ws[j].line == ws[i].line {
		j++
	}
	if j > i && j < len(ws) && !taken[j] && ws[j].line == ws[i].line && ws[j].capitalized() {
		if l := ws[j].lower(); l == "county" || l == "parish" {
			if i > 0 && nameWord(ws[i-1]) && ws[i-1].line == ws[i].line {
				return i // not at the start of the name
			}
			return j + 1
		}
	}
	return i
}
