package annotate

import (
	"embed"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/casefile/casefile/annotate/internal/textscan"

	"github.com/casefile/casefile/schemas"
)

//go:embed gazetteers/*.txt gazetteers/*.tsv
var gazetteerFiles embed.FS

// gazetteer finds the longest listed name at a position in a word list.
type gazetteer struct {
	root   *trieNode
	states map[string]string // lower-case state name → USPS code
	codes  map[string]bool   // the USPS codes
	// neutral holds the court codes of public-domain citations
	// (neutral-cites.txt) as word texts, by their first word's.
	neutral map[string][][]string
}

type trieNode struct {
	next  map[string]*trieNode
	entry *gazEntry // a name ends here
}

type gazEntry struct {
	typ       schemas.EntityType
	canonical string // the first spelling of the line
	surface   string // this spelling, for case checks
	list      string // the file it comes from
	city      *cityInfo
}

// cityInfo describes a U.S. city of the generated list: the states that
// have a city of this name, its largest population, and whether the name
// is also an English word, a given name or a common surname — a name that
// needs context to be read as a place ("Reading", "Temple", "Warren").
type cityInfo struct {
	states []string // USPS codes
	pop    int
	word   bool // also an English word: "Reading", "Mission"
	person bool // also a given name or a common surname: "Warren", "Jackson"
	// world: its largest namesake is a city of another country
	// (world-cities.tsv), which a person's name ("London", "Medina") does
	// not name alone.
	world bool
}

// gazFile is one list of names of one entity type.
type gazFile struct {
	name string
	typ  schemas.EntityType
}

// addLists reads the "name|variant|..." lists in order; a name listed
// twice keeps its first entry.
func (g *gazetteer) addLists(files []gazFile) error {
	for _, gf := range files {
		err := eachLine(gf.name, func(n int, line string) error {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				return nil
			}
			names := strings.Split(line, "|")
			for _, name := range names {
				if !g.add(name, &gazEntry{typ: gf.typ, canonical: strings.TrimSpace(names[0]), surface: strings.TrimSpace(name), list: gf.name}) {
					return fmt.Errorf("gazetteers/%s:%d: empty name", gf.name, n)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// add inserts e under name unless the name is there already; it reports
// false for a name with no words.
func (g *gazetteer) add(name string, e *gazEntry) bool {
	ws := splitWords([]rune(strings.TrimSpace(name)))
	if len(ws) == 0 {
		return false
	}
	node := g.root
	for _, w := range ws {
		k := w.lower()
		if node.next == nil {
			node.next = map[string]*trieNode{}
		}
		if node.next[k] == nil {
			node.next[k] = &trieNode{}
		}
		node = node.next[k]
	}
	if node.entry == nil {
		node.entry = e
	}
	return true
}

// worldCities is the generated list of other countries' large cities,
// read after the U.S. list in its format.
const worldCities = "world-cities.tsv"

// lookup returns the entry listed under name exactly, or nil.
func (g *gazetteer) lookup(name string) *gazEntry {
	node := g.root
	for _, w := range splitWords([]rune(strings.TrimSpace(name))) {
		if node == nil || node.next == nil {
			return nil
		}
		node = node.next[w.lower()]
	}
	if node == nil {
		return nil
	}
	return node.entry
}

// addCities reads the generated U.S. city list (name, states, population,
// flags; tab-separated). A city whose name is a given name followed by a
// surname ("Warren Park") is ambiguous too, like the flagged ones.
func (g *gazetteer) addCities(file string, given, surnames map[string]bool) error {
	return eachLine(file, func(n int, line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return fmt.Errorf("gazetteers/%s:%d: want 4 fields, have %d", file, n, len(f))
		}
		pop, err := strconv.Atoi(f[2])
		if err != nil {
			return fmt.Errorf("gazetteers/%s:%d: %w", file, n, err)
		}
		// "Washington, D.C.": GeoNames names the city with its state,
		// which filings write as a place of its own (guidelines §2).
		if city, _, ok := strings.Cut(f[0], ", "); ok {
			f[0] = city
		}
		ws := strings.Fields(strings.ToLower(f[0]))
		person := strings.ContainsAny(f[3], "gs") || len(ws) >= 2 && given[ws[0]] && surnames[ws[len(ws)-1]]
		info := &cityInfo{states: strings.Fields(f[1]), pop: pop, word: strings.Contains(f[3], "w"), person: person,
			world: file == worldCities}
		// "Moscow" names a U.S. town and a world city: one entry, with
		// the larger population and the flags of both.
		if old := g.lookup(f[0]); file == worldCities && old != nil && old.city != nil {
			if info.pop > old.city.pop {
				old.city.pop, old.city.world = info.pop, info.world
			}
			old.city.word = old.city.word || info.word
			old.city.person = old.city.person || info.person
			return nil
		}
		e := &gazEntry{typ: schemas.Place, canonical: f[0], surface: f[0], list: file, city: info}
		if !g.add(f[0], e) {
			return fmt.Errorf("gazetteers/%s:%d: empty name", file, n)
		}
		// GeoNames writes "St. Louis" and "Saint Paul"; filings write
		// both forms of both. "The Bronx" is written without its article
		// too.
		if rest, ok := strings.CutPrefix(f[0], "St. "); ok {
			g.add("Saint "+rest, e)
		} else if rest, ok := strings.CutPrefix(f[0], "Saint "); ok {
			g.add("St. "+rest, e)
		} else if rest, ok := strings.CutPrefix(f[0], "The "); ok {
			g.add(rest, e)
		}
		return nil
	})
}

// addStates reads the generated states (code, name, abbreviations,
// flags; tab-separated). A state is written by its name, its
// abbreviations ("Calif.", "N.J."); a name that is one of the commonest
// surnames ("Washington") only with "State" after it, as a person's name
// is read otherwise.
func (g *gazetteer) addStates(file string) error {
	return eachLine(file, func(n int, line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 4 || f[1] == "" {
			return fmt.Errorf("gazetteers/%s:%d: want 4 fields and a name", file, n)
		}
		code, name := f[0], f[1]
		g.states[strings.ToLower(name)] = code
		g.codes[code] = true
		forms := []string{name}
		if strings.Contains(f[3], "s") {
			forms[0] += " State"
		}
		if f[2] != "" {
			forms = append(forms, strings.Split(f[2], "|")...)
		}
		for _, form := range forms {
			g.add(form, &gazEntry{typ: schemas.Place, canonical: name, surface: form, list: file})
		}
		return nil
	})
}

// addNeighborhoods reads the generated neighborhoods of New York City
// (name, flags; tab-separated). A name that is also an English word or a
// common surname ("Concourse", "Wakefield") is read as a small city is,
// in context; the others alone.
func (g *gazetteer) addNeighborhoods(file string) error {
	return eachLine(file, func(n int, line string) error {
		name, flags, ok := strings.Cut(line, "\t")
		if !ok || name == "" {
			return fmt.Errorf("gazetteers/%s:%d: want a name and flags", file, n)
		}
		e := &gazEntry{typ: schemas.Place, canonical: name, surface: name, list: file}
		if strings.ContainsAny(flags, "ws") {
			e.city = &cityInfo{states: []string{"NY"}, pop: contextCityPop, word: strings.Contains(flags, "w"),
				person: strings.ContainsAny(flags, "gs")}
		}
		g.add(name, e)
		if rest, ok := strings.CutPrefix(name, "St. "); ok {
			g.add("Saint "+rest, e)
		}
		return nil
	})
}

// match returns the longest entry starting at ws[i] and the number of
// words it spans. Outside capitals lines the words must be capitalized
// as listed, so that "jamaica" in prose or "us" as a pronoun is not a place.
func (g *gazetteer) match(ws []word, i int) (*gazEntry, int) {
	node, best, n := g.root, (*gazEntry)(nil), 0
	for j := i; j < len(ws) && node != nil; j++ {
		// A caption's lines are names of their own: "UNITED STATES
		// DISTRICT COURT" / "EASTERN DISTRICT OF CALIFORNIA".
		if j > i && ws[j].line != ws[j-1].line && ws[j].capsLine && ws[j-1].capsLine {
			break
		}
		l := ws[j].lower()
		// A possessive ends a name: "NYCHA’s tenant association".
		if base, ok := strings.CutSuffix(l, "’s"); ok && node.next[base] != nil && node.next[base].entry != nil {
			if caseFits(ws[i:j+1], node.next[base].entry.surface) {
				best, n = node.next[base].entry, j-i+1
			}
			break
		}
		node = node.next[l]
		if node != nil && node.entry != nil && caseFits(ws[i:j+1], node.entry.surface) {
			best, n = node.entry, j-i+1
		}
	}
	return best, n
}

func caseFits(ws []word, surface string) bool {
	if ws[0].capsLine {
		return true
	}
	sw := splitWords([]rune(surface))
	for k, w := range ws {
		if k >= len(sw) {
			return false
		}
		want := sw[k].text
		if isAllUpper(want) && len([]rune(want)) > 1 {
			if w.text != want && !(isAllUpper(w.text)) {
				return false
			}
			if !isAllUpper(w.text) {
				return false
			}
			continue
		}
		if first(want) != unicode.ToLower(first(want)) && !w.capitalized() {
			return false
		}
	}
	return true
}

func isAllUpper(s string) bool {
	has := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			has = true
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return has
}

func first(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// eachLine calls fn with every line of the embedded gazetteer file that is
// neither empty nor a "#" comment, and its 1-based number. Lines are passed
// untrimmed: a tab-separated file's empty last field is a field.
func eachLine(file string, fn func(n int, line string) error) error {
	data, err := gazetteerFiles.ReadFile("gazetteers/" + file)
	if err != nil {
		return err
	}
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(i+1, line); err != nil {
			return err
		}
	}
	return nil
}

// loadWordList reads gazetteer files of whitespace-separated words into
// one lower-case set.
func loadWordList(files ...string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, file := range files {
		data, err := gazetteerFiles.ReadFile("gazetteers/" + file)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "#") {
				continue
			}
			for _, w := range strings.Fields(line) {
				out[strings.ToLower(w)] = true
			}
		}
	}
	return out, nil
}

// companiesList is the generated list of companies named in one word
// ("Pfizer", "Walmart"), whose words the organization rules take only
// where they stand alone.
const companiesList = "companies.txt"

// nycList is the generated list of New York City's neighborhoods.
const nycList = "nyc-neighborhoods.tsv"

// handPlaces is the list of places typed by hand that no generated list
// holds yet.
const handPlaces = "places.txt"

// countriesList is the generated list of countries and continents.
const countriesList = "countries.txt"

// statesList is the generated list of states and territories: USPS code,
// name, abbreviations, flags.
const statesList = "us-states.tsv"

// loadLexicons builds the gazetteer of places and organizations: the
// places and organizations still typed by hand, the generated states
// (their names win over the cities and the country named alike), then the
// generated countries, federal agencies, courts, companies, brands and
// the U.S. and world cities.
func loadLexicons(given, surnames map[string]bool) (*gazetteer, error) {
	g := &gazetteer{root: &trieNode{}, states: map[string]string{}, codes: map[string]bool{}}
	// The hand-typed places first (places.txt: the names no generated
	// list holds yet), then the states.
	if err := g.addLists([]gazFile{{handPlaces, schemas.Place}}); err != nil {
		return nil, err
	}
	if err := g.addStates(statesList); err != nil {
		return nil, err
	}
	if err := g.addNeighborhoods(nycList); err != nil {
		return nil, err
	}
	if err := g.addLists([]gazFile{
		{"organizations.txt", schemas.Organization},
		{countriesList, schemas.Place},
		{"agencies.txt", schemas.Organization},
		{"courts.txt", schemas.Organization},
		{companiesList, schemas.Organization},
		{"brands.txt", schemas.Organization},
	}); err != nil {
		return nil, err
	}
	if err := g.addCities("us-cities.tsv", given, surnames); err != nil {
		return nil, err
	}
	if err := g.addCities(worldCities, given, surnames); err != nil {
		return nil, err
	}
	g.neutral = map[string][][]string{}
	err := eachLine("neutral-cites.txt", func(_ int, line string) error {
		ws := splitWords([]rune(line))
		code := make([]string, len(ws))
		for i, w := range ws {
			code[i] = w.text
		}
		g.neutral[code[0]] = append(g.neutral[code[0]], code)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

// neutralCite reports whether ws[from:to] lies in the court code of a
// public-domain citation, between its year and its number: "2017 IL
// 120958", "2018 IL App (1st) 151234", "2019 PA Super 123", "2019 Ark.
// 123". The code names a court's series, not the place.
func (g *gazetteer) neutralCite(ws []word, from, to int) bool {
	for k := max(1, from-4); k <= from; k++ {
		y := ws[k-1].text
		if len(y) != 4 || !textscan.IsDigits(y) || (y[:2] != "19" && y[:2] != "20") || ws[k-1].line != ws[k].line {
			continue
		}
	codes:
		for _, code := range g.neutral[ws[k].text] {
			n := len(code)
			if k+n < to || k+n >= len(ws) || !startsDigit(ws[k+n].text) {
				continue
			}
			for j, c := range code {
				if ws[k+j].text != c {
					continue codes
				}
			}
			return true
		}
	}
	return false
}
