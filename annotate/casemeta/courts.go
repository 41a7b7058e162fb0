package casemeta

//go:generate go run ./internal/courtsgen -src ../../../shared/data/courts-db -out .

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Courts by name, from the courts-db table (courts_gen.go): every U.S.
// federal, state and tribal court with the id CourtListener gives it.

// courtEntry is one court of courts-db.
type courtEntry struct {
	id, name, system, typ, level, location, parent string
	patterns                                       []courtPattern
}

// courtPattern is a name pattern in Go syntax; where courts-db asserts
// several things of the whole name, all must match too and none must not.
type courtPattern struct {
	re        string
	all, none []string
}

// compiledCourt is a compiled name pattern with the literals every match
// of it contains, lower case, longest first, to skip it cheaply.
type compiledCourt struct {
	court     int
	keys      []string
	re        *regexp.Regexp
	all, none []*regexp.Regexp
}

// courtIndex compiles the table on first use; it is shared read-only.
var courtIndex = sync.OnceValue(func() courtPatterns {
	var ps courtPatterns
	ps.byID = make(map[string]int, len(courtTable))
	for i, c := range courtTable {
		ps.byID[c.id] = i
		for _, p := range c.patterns {
			re, err := regexp.Compile("(?i)" + p.re)
			if err != nil {
				continue // the generator compiled each; nothing to do here
			}
			cp := compiledCourt{court: i, keys: requiredLiterals(p.re), re: re}
			for _, a := range p.all {
				if r, err := regexp.Compile("(?i)" + a); err == nil {
					cp.all = append(cp.all, r)
				}
			}
			for _, a := range p.none {
				if r, err := regexp.Compile("(?i)" + a); err == nil {
					cp.none = append(cp.none, r)
				}
			}
			ps.list = append(ps.list, cp)
		}
	}
	ps.byKey = map[string][]int{}
	for k, p := range ps.list {
		key := ""
		if len(p.keys) > 0 {
			key = p.keys[0]
		}
		ps.byKey[key] = append(ps.byKey[key], k)
	}
	return ps
})

type courtPatterns struct {
	list []compiledCourt
	byID map[string]int
	// byKey lists the patterns under their longest literal, so each
	// literal is looked for once per name; keyless patterns under "".
	byKey map[string][]int
}

// requiredLiterals returns the literals (lower case) that every match of
// the pattern contains, longest first.
func requiredLiterals(pat string) []string {
	re, err := syntax.Parse(pat, syntax.Perl|syntax.FoldCase)
	if err != nil {
		return nil
	}
	ls := literals(re.Simplify())
	sort.SliceStable(ls, func(i, j int) bool { return len(ls[i]) > len(ls[j]) })
	return slices.Compact(ls)
}

// literals lists strings each match of re contains.
func literals(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}
	case syntax.OpCapture, syntax.OpPlus:
		return literals(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return literals(re.Sub[0])
		}
	case syntax.OpAlternate:
		// A literal every branch holds (within one of its own literals)
		// is held by every match.
		var common []string
		for i, sub := range re.Sub {
			ls := literals(sub)
			if i == 0 {
				common = ls
				continue
			}
			kept := common[:0:0]
			for _, c := range common {
				if slices.ContainsFunc(ls, func(l string) bool { return strings.Contains(l, c) }) {
					kept = append(kept, c)
				}
			}
			common = kept
		}
		return common
	case syntax.OpConcat:
		var out []string
		run := ""
		for _, s := range re.Sub {
			if s.Op == syntax.OpLiteral {
				run += strings.ToLower(string(s.Rune))
				continue
			}
			if run != "" {
				out = append(out, run)
				run = ""
			}
			out = append(out, literals(s)...)
		}
		if run != "" {
			out = append(out, run)
		}
		return out
	}
	return nil
}

// normalizeCourtName writes a court's name as courts-db matches it: ASCII
// letters and digits separated by single spaces, a leading "the" dropped.
func normalizeCourtName(s string) string {
	var b strings.Builder
	space := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			b.WriteByte(c)
			space = false
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	out := strings.TrimRight(b.String(), " ")
	if len(out) > 4 && strings.EqualFold(out[:4], "the ") {
		out = out[4:]
	}
	return out
}

// courtMatch is a court whose pattern matched a normalized name.
type courtMatch struct {
	court      int
	start, end int // bytes of the normalized name
}

// matchCourts returns the courts a normalized name names, after
// courts-db's rules: a bankruptcy court only where the name says
// "bankruptcy"; a parent court dropped for its child; a match whose text
// lies inside another's dropped. The longest match comes first.
func matchCourts(name string) []courtMatch {
	ps := courtIndex()
	lower := strings.ToLower(name)
	bankruptcy := strings.Contains(lower, "bankruptcy")
	var ms []courtMatch
	for key, idx := range ps.byKey {
		if !strings.Contains(lower, key) {
			continue
		}
		for _, k := range idx {
			p := &ps.list[k]
			if (courtTable[p.court].typ == "bankruptcy") != bankruptcy || !containsAll(lower, p.keys[min(1, len(p.keys)):]) {
				continue
			}
			loc := p.re.FindStringIndex(name)
			if loc == nil || !assertionsHold(p, name) {
				continue
			}
			ms = append(ms, courtMatch{p.court, loc[0], loc[1]})
		}
	}
	// Map order is random: put matches back in table order.
	slices.SortStableFunc(ms, func(a, b courtMatch) int { return a.court - b.court })
	if len(ms) < 2 {
		return ms
	}
	parents := map[string]bool{}
	for _, m := range ms {
		parents[courtTable[m.court].parent] = true
	}
	var out []courtMatch
	for _, m := range ms {
		if parents[courtTable[m.court].id] {
			continue
		}
		inside := false
		for _, o := range ms {
			if o.start <= m.start && m.end <= o.end && o.end-o.start > m.end-m.start && !parents[courtTable[o.court].id] {
				inside = true
				break
			}
		}
		if !inside && !containsCourt(out, m) {
			out = append(out, m)
		}
	}
	// Longest first; among equals, the court named first in the table.
	for i := 1; i < len(out); i++ {
		for k := i; k > 0 && out[k].end-out[k].start > out[k-1].end-out[k-1].start; k-- {
			out[k], out[k-1] = out[k-1], out[k]
		}
	}
	return out
}

func containsAll(s string, subs []string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}

func containsCourt(ms []courtMatch, m courtMatch) bool {
	for k, o := range ms {
		if o.court == m.court {
			if m.end-m.start > o.end-o.start {
				ms[k] = m
			}
			return true
		}
	}
	return false
}

func assertionsHold(p *compiledCourt, name string) bool {
	for _, r := range p.all {
		if !r.MatchString(name) {
			return false
		}
	}
	for _, r := range p.none {
		if r.MatchString(name) {
			return false
		}
	}
	return true
}

// CourtByName returns the courts-db id and name of the court a name
// names ("Supreme Court of Alabama", "IN THE CIRCUIT COURT OF ST. LOUIS
// COUNTY"), or ok false when no court or several equally do. The same
// words name courts of several states ("Franklin County Court"): state,
// when not empty, is where the filing is (courts-db's location, e.g.
// "Ohio") and settles such a tie, as courts-db's own location filter does.
func CourtByName(name, state string) (id, full string, ok bool) {
	i, _, ok := resolveCourt(matchCourts(normalizeCourtName(name)), state)
	if !ok {
		return "", "", false
	}
	return courtTable[i].id, courtTable[i].name, true
}

// resolveCourt picks one court of matches (longest first): the longest
// alone, or the one of the longest in state. at is where its match starts.
func resolveCourt(ms []courtMatch, state string) (court, at int, ok bool) {
	if len(ms) == 0 {
		return 0, 0, false
	}
	n := 1
	for n < len(ms) && ms[n].end-ms[n].start == ms[0].end-ms[0].start {
		n++
	}
	if n == 1 {
		return ms[0].court, ms[0].start, true
	}
	found := -1
	for _, m := range ms[:n] {
		if state != "" && strings.EqualFold(courtTable[m.court].location, state) {
			if found >= 0 {
				return 0, 0, false
			}
			found = m.court
			at = m.start
		}
	}
	return found, at, found >= 0
}

// courtOf returns the index of a courts-db id in the table.
func courtOf(id string) (int, bool) {
	i, ok := courtIndex().byID[id]
	return i, ok
}

// within reports whether court i is court j or one of its divisions.
func within(i, j int) bool {
	for k := 0; k < 8; k++ {
		if i == j {
			return true
		}
		p, ok := courtOf(courtTable[i].parent)
		if !ok {
			return false
		}
		i = p
	}
	return false
}

// CourtAlias maps a court id of earlier casefile records to its courts-db
// id and division: "<postal>-sup" (a state's supreme court, "al-sup") and
// "ny-sup-<county>" (New York's Supreme Court in a county). Other ids were
// already courts-db's and come back as they are; ok is false for an id
// neither form nor the table knows.
func CourtAlias(id string) (courtsDB, division string, ok bool) {
	if _, known := courtOf(id); known {
		return id, "", true
	}
	if county, found := strings.CutPrefix(id, "ny-sup-"); found && county != "" {
		if county == "newyork" {
			county = "new york"
		}
		return "nysupct", titleCase(county) + " County", true
	}
	if postal, found := strings.CutSuffix(id, "-sup"); found {
		for state, p := range statePostal {
			if p == postal && state != "columbia" {
				if c, _, ok := CourtByName("Supreme Court of "+titleCase(state), titleCase(state)); ok {
					return c, "", true
				}
			}
		}
	}
	return "", "", false
}
