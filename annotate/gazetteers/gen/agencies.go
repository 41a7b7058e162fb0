package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// agenciesSource names the agency list writeAgencies reads: the A–Z index
// of U.S. government agencies of USA.gov (a work of the U.S. government,
// in the public domain), as loaded into the database of GSA's Solicitation
// Review Tool (repository GSA/srt-api, file db/scripts/agencies.sql; the
// repository's package licence is ISC).
const agenciesSource = "GSA/srt-api db/scripts/agencies.sql"

// agency is one row of the list: a name and its acronym, if any.
type agency struct{ name, acronym string }

// readAgencies reads the rows of the COPY block of agencies.sql: id,
// agency, acronym and two time stamps, tab-separated, up to the line "\.".
func readAgencies(data []byte) ([]agency, error) {
	var out []agency
	in := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, `COPY public."Agencies"`):
			in = true
			continue
		case !in:
			continue
		case line == `\.`:
			return out, nil
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			return nil, fmt.Errorf("agencies.sql: row %q: %d fields, want 5", line, len(f))
		}
		out = append(out, agency{name: strings.TrimSpace(f[1]), acronym: strings.TrimSpace(f[2])})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if !in {
		return nil, fmt.Errorf("agencies.sql: no COPY block of Agencies")
	}
	return out, nil
}

// keepAgency reports whether an agency's name goes into the gazetteer, by
// kinds of names, none by name: two words at least (one word, "Army",
// "Amtrak", is read alone only with the companies' caution); no state or
// territory (the list indexes the states' governments by the state's
// name); no compound entry ("Congress—U.S. Senate") or inverted index
// form ("Archives, National Archives and Records Administration"), whose
// commas are no series ("A, B and C"); no program or initiative, which
// the guidelines do not count as organizations (A8).
func keepAgency(name string, states map[string]bool) bool {
	ws := strings.Fields(name)
	if len(ws) < 2 || states[strings.ToLower(name)] || strings.ContainsAny(name, "—–()") {
		return false
	}
	if i := strings.LastIndex(name, ","); i >= 0 && (!strings.Contains(name[i:], " and ") || !strings.Contains(name[:strings.Index(name, ",")], " ")) {
		return false
	}
	switch strings.ToLower(ws[len(ws)-1]) {
	case "program", "programs", "initiative":
		return false
	}
	head := false
	for _, w := range ws {
		if r := []rune(w)[0]; unicode.IsLower(r) && !smallWord[w] {
			return false
		}
		head = head || agencyHeads[strings.ToLower(strings.TrimSuffix(w, ","))]
	}
	return head
}

// agencyHeads are the head nouns of bodies: a name holds one, or it is a
// field of work ("Political Affairs", "Public and Indian Housing", the
// offices of an under secretary) that a filing's heading can say too.
var agencyHeads = map[string]bool{"department": true, "bureau": true, "administration": true, "agency": true,
	"commission": true, "service": true, "services": true, "office": true, "board": true, "council": true,
	"institute": true, "institutes": true, "center": true, "centers": true, "corporation": true, "foundation": true,
	"court": true, "courts": true, "authority": true, "committee": true, "corps": true, "guard": true, "force": true,
	"reserve": true, "command": true, "police": true, "division": true, "association": true, "bank": true,
	"college": true, "university": true, "school": true, "academy": true, "system": true, "house": true,
	"library": true, "museum": true, "survey": true, "mint": true, "trust": true, "fund": true, "congress": true,
	"senate": true, "laboratory": true, "representative": true, "garden": true, "marshals": true,
	"enforcement": true, "protection": true}

// smallWord are the lower-case words of agencies' names.
var smallWord = map[string]bool{"of": true, "the": true, "for": true, "and": true, "on": true, "in": true, "to": true}

// keepAcronym reports whether an agency's acronym is kept as a variant of
// its name: three to six capitals, and not an English word, a given name
// or a state's code, which in a filing mean those ("ERIC", "COPS", "ED").
func keepAcronym(a string, words map[string]bool, given map[string]int, codes map[string]bool) bool {
	if n := len(a); n < 3 || n > 6 {
		return false
	}
	for _, r := range a {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	l := strings.ToLower(a)
	return !words[l] && given[l] == 0 && !codes[a]
}

// writeAgencies writes agencies.txt, the agencies of the U.S. government
// with their acronyms, from the agency list at path.
func writeAgencies(path, courts, dir string, words map[string]bool, given map[string]int) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("agency list (%s): %w", agenciesSource, err)
	}
	rows, err := readAgencies(data)
	if err != nil {
		return err
	}
	stateData, err := os.ReadFile(filepath.Join(courts, "states.json"))
	if err != nil {
		return err
	}
	var st map[string]string
	if err := json.Unmarshal(stateData, &st); err != nil {
		return fmt.Errorf("states.json: %w", err)
	}
	states, codes := map[string]bool{"district of columbia": true}, map[string]bool{}
	for code, name := range st {
		states[strings.ToLower(name)] = true
		codes[strings.ToUpper(code)] = true
	}
	byName := map[string][]string{}
	var names []string
	for _, r := range rows {
		if !keepAgency(r.name, states) {
			continue
		}
		if _, ok := byName[r.name]; !ok {
			names = append(names, r.name)
			byName[r.name] = nil
		}
		if keepAcronym(r.acronym, words, given, codes) && !slices.Contains(byName[r.name], r.acronym) {
			byName[r.name] = append(byName[r.name], r.acronym)
		}
	}
	// An acronym two agencies share names neither; the forms of one
	// agency's name ("Justice Department", "U.S. Department of Justice")
	// are one agency.
	owners := map[string]map[string]bool{}
	for _, n := range names {
		for _, a := range byName[n] {
			if owners[a] == nil {
				owners[a] = map[string]bool{}
			}
			owners[a][agencyKey(n)] = true
		}
	}
	sort.Strings(names)
	var b strings.Builder
	fmt.Fprintf(&b, `# ORGANIZATION gazetteer: agencies of the U.S. government, "name|other form|acronym" per line.
# Generated by annotate/gazetteers/gen (agencies.go); do not edit. %d names.
# Source: the A–Z index of U.S. government agencies of USA.gov (a work of the
# U.S. government, public domain), as loaded by GSA's Solicitation Review Tool:
# %s (repository licence ISC), commit %s.
# Kept: names of two words or more, not a state or territory, no compound or
# inverted entry, no program, a body's head noun (agencies.go); acronyms of 3-6 capitals that are no English
# word (Debian wamerican), SSA given name or state code, and name one agency
# (the forms of one name, "Justice Department" and "U.S. Department of
# Justice", are one agency, on one line). A "U.S." name is written with
# "United States" too.
`, len(names), agenciesSource, agenciesCommit)
	// The forms of one agency's name make one line, its key form first
	// when the list has it ("Department of Justice|Justice
	// Department|U.S. Department of Justice|...|DOJ"): one entity.
	groups := map[string][]string{}
	var keys []string
	for _, n := range names {
		k := agencyKey(n)
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], n)
	}
	for _, k := range keys {
		group := groups[k]
		if i := slices.Index(group, k); i > 0 {
			group = append([]string{k}, slices.Delete(slices.Clone(group), i, i+1)...)
		}
		forms := slices.Clone(group)
		for _, n := range group {
			// "U.S. Marshals Service" is written "United States
			// Marshals Service" too.
			if rest, ok := strings.CutPrefix(n, "U.S. "); ok && !slices.Contains(names, "United States "+rest) {
				forms = append(forms, "United States "+rest)
			}
		}
		for _, n := range group {
			for _, a := range byName[n] {
				if len(owners[a]) == 1 && !slices.Contains(forms, a) {
					forms = append(forms, a)
				}
			}
		}
		b.WriteString(strings.Join(forms, "|") + "\n")
	}
	return os.WriteFile(filepath.Join(dir, "agencies.txt"), []byte(b.String()), 0o644)
}

// agencyKey returns the form of an agency's name that its other forms
// share: without "U.S.", "United States" or "Federal" before it, and
// "Department of X" for "X Department".
func agencyKey(name string) string {
	for _, p := range []string{"U.S. ", "United States ", "Federal "} {
		name = strings.TrimPrefix(name, p)
	}
	if x, ok := strings.CutSuffix(name, " Department"); ok && !strings.Contains(x, " of ") {
		name = "Department of " + x
	}
	return name
}

// agenciesCommit is the commit of the agency list read, for the header.
var agenciesCommit = "unknown"

// readGivenNames reads the given names of given-names.txt in dir, written
// by an earlier full run, for a run of -only agencies.
func readGivenNames(dir string) (map[string]int, error) {
	data, err := os.ReadFile(filepath.Join(dir, "given-names.txt"))
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			out[w] = 1
		}
	}
	return out, nil
}
