package referent

import (
	"slices"
	"strings"

	"github.com/casefile/casefile/namekey"
	"github.com/casefile/casefile/schemas"
)

// person is one PERSON mention while people are grouped.
type person struct {
	text   string       // as written, spaces collapsed, quoted nickname removed
	name   namekey.Name // parsed text
	key    string
	nick   string // a nickname written in quotes inside the name: Felipe “Phil” Flores
	anchor int    // for an alias, the mention it names again; else -1
	cite   bool   // a party of a cited case ("v. Bailey, 696 F.3d 794")
	raw    string // the entity's text
}

// full reports whether the mention gives a given name and a surname.
func (p person) full() bool { return p.name.Given != "" && p.name.Surname != "" }

// people groups the PERSON mentions.
func (d *doc) people() []schemas.DocEntity {
	idx := d.ofType(schemas.Person)
	if len(idx) == 0 {
		return nil
	}
	ps := make([]person, len(idx))
	for k, i := range idx {
		text, nick := splitNickname(withoutPossessive(cleanText(d.ents[i].Text)))
		n := namekey.Parse(text)
		ps[k] = person{text: text, name: n, key: strings.Join(sortedTokens(n), " "), nick: nick, anchor: -1, raw: d.ents[i].Text}
	}
	d.findAliases(idx, ps)
	for k, i := range idx {
		if ps[k].anchor < 0 && d.citationParty(i) {
			ps[k].cite = true
		}
	}
	u := newUnionFind(len(ps))

	// Full names with the same key are one person, and so are names
	// whose words run together alike ("Tajh Parker John" where a line
	// break took the hyphen of "TAJH PARKER-JOHN").
	byKey := map[string]int{}
	byRun := map[string]int{}
	citeKey := map[string]int{}
	for k, p := range ps {
		if p.cite {
			if first, ok := citeKey[p.key]; ok {
				u.union(first, k)
			} else {
				citeKey[p.key] = k
			}
		}
		if p.anchor >= 0 || !p.full() || p.cite {
			continue
		}
		if first, ok := byKey[p.key]; ok {
			u.union(first, k)
		} else {
			byKey[p.key] = k
		}
		run := strings.Join(p.name.Tokens(), "")
		if first, ok := byRun[run]; ok {
			u.union(first, k)
		} else {
			byRun[run] = k
		}
	}
	// Compatible full names ("John A. Doe", "J. Doe", "John Doe") join
	// when every full name compatible with one is compatible with the
	// others: "J. Doe" beside John and Jane Doe stays apart.
	var fulls []int // one mention per key
	for _, k := range byKey {
		if u.find(k) == k {
			fulls = append(fulls, k)
		}
	}
	slices.Sort(fulls)
	comp := map[int][]int{}         // mention → the other full names compatible with it
	ambiguous := map[int][]int{}    // mention → its candidates, when they cannot all be one person
	bySurname := map[string][]int{} // compatible names share their surname
	for _, a := range fulls {
		bySurname[ps[a].name.Surname] = append(bySurname[ps[a].name.Surname], a)
	}
	for _, a := range fulls {
		for _, b := range bySurname[ps[a].name.Surname] {
			if a != b && sameDocCompatible(ps[a].name, ps[b].name) {
				comp[a] = append(comp[a], b)
			}
		}
		if !mutuallyCompatible(ps, comp[a]) {
			ambiguous[a] = comp[a]
		}
	}
	for _, a := range fulls {
		for _, b := range comp[a] {
			if ambiguous[a] == nil && ambiguous[b] == nil {
				u.union(a, b)
			}
		}
	}
	// Aliases join the person they follow.
	for k, p := range ps {
		if p.anchor >= 0 {
			u.union(k, p.anchor)
		}
	}
	// Other mentions of an alias or nickname ("Codac" again) join its person
	// when it names only one.
	aliasRoots := map[string]map[int]bool{}
	addAlias := func(key string, k int) {
		if key == "" {
			return
		}
		if aliasRoots[key] == nil {
			aliasRoots[key] = map[int]bool{}
		}
		aliasRoots[key][u.find(k)] = true
	}
	for k, p := range ps {
		if p.anchor >= 0 {
			addAlias(p.key, k)
		}
		if p.nick != "" {
			addAlias(namekey.Key(p.nick), k)
		}
	}
	lone := func(key string) int {
		if rs := aliasRoots[key]; len(rs) == 1 {
			for r := range rs {
				return r
			}
		}
		return -1
	}
	for k, p := range ps {
		if p.anchor < 0 && !p.cite {
			if r := lone(p.key); r >= 0 {
				u.union(k, r)
			}
		}
	}
	// A surname alone joins the one person with that surname; a given name
	// alone the one person with that given name, if no one has it as a
	// surname. Otherwise the bare name is an entity of its own, all its
	// mentions together, ambiguous between the people who share it.
	surnames := map[string]map[int]bool{}
	givens := map[string]map[int]bool{}
	for k, p := range ps {
		if !p.full() || p.cite {
			continue
		}
		r := u.find(k)
		for _, s := range surnameForms(p.name.Surname) {
			addTo(surnames, s, r)
		}
		if len(p.name.Given) > 1 {
			addTo(givens, p.name.Given, r)
		}
	}
	bare := map[string]int{} // bare name → its first mention
	bareCands := map[int][]int{}
	for k, p := range ps {
		if p.anchor >= 0 || p.cite || p.full() || p.name.Surname == "" || u.find(k) != k || lone(p.key) >= 0 {
			continue
		}
		s := strings.ReplaceAll(p.name.Surname, " ", "")
		if first, ok := bare[s]; ok {
			u.union(first, k) // as the first mention of the bare name went
			continue
		}
		cands := roots(u, surnames[s])
		if len(cands) == 0 && len(p.name.Surname) > 1 {
			if gs := roots(u, givens[p.name.Surname]); len(gs) == 1 {
				cands = gs
			}
		}
		bare[s] = k
		if len(cands) == 1 {
			u.union(k, cands[0])
			continue
		}
		bareCands[k] = cands
	}

	groups := u.groups()
	ids := map[int]string{} // root → id
	for n, g := range groups {
		ids[u.find(g[0])] = id("p", n)
	}
	out := make([]schemas.DocEntity, 0, len(groups))
	for n, g := range groups {
		de := schemas.DocEntity{ID: id("p", n), Type: schemas.Person, Mentions: sortedIndexes(g, idx)}
		de.Name, de.Key, de.Aliases = personName(ps, g)
		var cands []int
		for _, k := range g {
			cands = append(cands, bareCands[k]...)
			cands = append(cands, ambiguous[k]...)
		}
		for _, c := range cands {
			if cid := ids[u.find(c)]; cid != de.ID && !slices.Contains(de.AmbiguousWith, cid) {
				de.AmbiguousWith = append(de.AmbiguousWith, cid)
			}
		}
		slices.Sort(de.AmbiguousWith)
		out = append(out, de)
	}
	return out
}

// personName returns the name, key and aliases of one group: the fullest
// of its names that are not aliases (most words; in mixed case before
// capitals; the first), in reading order and title-cased if in capitals.
func personName(ps []person, g []int) (name, key string, aliases []string) {
	best := -1
	for _, k := range g {
		if ps[k].anchor >= 0 {
			continue
		}
		if best < 0 || better(ps[k], ps[best]) {
			best = k
		}
	}
	if best < 0 { // aliases only
		best = g[0]
	}
	name = namekey.Title(readingOrder(ps[best].text), false)
	key = namekey.Key(name)
	name, key = fallback(name, key, ps[best].raw)
	seen := map[string]bool{key: true}
	for _, k := range g {
		for _, a := range []string{aliasText(ps, k), ps[k].nick} {
			if a == "" {
				continue
			}
			if ak := namekey.Key(a); !seen[ak] {
				seen[ak] = true
				aliases = append(aliases, a)
			}
		}
	}
	return name, key, aliases
}

func aliasText(ps []person, k int) string {
	if ps[k].anchor < 0 {
		return ""
	}
	return ps[k].text
}

// better reports whether mention a names its person more fully than b.
func better(a, b person) bool {
	na, nb := len(a.name.Tokens()), len(b.name.Tokens())
	if na != nb {
		return na > nb
	}
	return capsWords(a.text) < capsWords(b.text)
}

// capsWords counts the words of s written in capitals ("Shane CASEY" has
// one): the fewer, the more the form keeps the name's own capitals.
func capsWords(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if len([]rune(w)) > 1 && allCaps(w) {
			n++
		}
	}
	return n
}

// readingOrder turns "DOE, JOSE A." into "JOSE A. DOE" (and "DOE, JOSE,
// JR." into "JOSE DOE, JR."); other names are returned as they are.
func readingOrder(s string) string {
	sur, rest, ok := strings.Cut(s, ",")
	if !ok || strings.TrimSpace(sur) == "" || strings.TrimSpace(rest) == "" {
		return s
	}
	if namekey.Suffix(rest) != "" || namekey.Parse(s).Given == "" {
		return s // "Jose Doe, Jr."
	}
	var suffix string
	if r, sfx, ok := strings.Cut(rest, ","); ok {
		rest, suffix = r, strings.TrimSpace(sfx)
	}
	out := strings.TrimSpace(rest) + " " + strings.TrimSpace(sur)
	if suffix != "" {
		out += ", " + suffix
	}
	return out
}

// splitNickname takes a nickname in quotes out of a name: "Felipe “Phil”
// Flores" is Felipe Flores, nickname Phil.
func splitNickname(s string) (name, nick string) {
	open := strings.IndexAny(s, "“\"")
	if open <= 0 {
		return s, ""
	}
	rest := s[open+len(string([]rune(s[open:])[0])):]
	end := strings.IndexAny(rest, "”\"")
	if end <= 0 {
		return s, ""
	}
	nick = strings.TrimSpace(rest[:end])
	after := strings.TrimSpace(rest[end+len(string([]rune(rest[end:])[0])):])
	before := strings.TrimSpace(s[:open])
	if nick == "" || after == "" || before == "" {
		return s, ""
	}
	return before + " " + after, nick
}

// surnameForms are the bare names that may stand for a surname, its words
// run together: itself and, for a surname of several words, its last
// ("Cruz" for "de la Cruz"; "De Lazzer" for "DeLazzer").
func surnameForms(s string) []string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return []string{strings.ReplaceAll(s, " ", ""), s[i+1:]}
	}
	return []string{s}
}

func sortedTokens(n namekey.Name) []string {
	t := n.Tokens()
	slices.Sort(t)
	return t
}

func addTo(m map[string]map[int]bool, k string, v int) {
	if m[k] == nil {
		m[k] = map[int]bool{}
	}
	m[k][v] = true
}

// roots returns the distinct current roots of a set of mentions, sorted.
func roots(u unionFind, set map[int]bool) []int {
	var out []int
	for k := range set {
		if r := u.find(k); !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	slices.Sort(out)
	return out
}

// mutuallyCompatible reports whether every pair of the mentions may be one
// person.
func mutuallyCompatible(ps []person, ks []int) bool {
	for i, a := range ks {
		for _, b := range ks[i+1:] {
			if !sameDocCompatible(ps[a].name, ps[b].name) {
				return false
			}
		}
	}
	return true
}

// sameDocCompatible is [namekey.ParsedCompatible] with short given names
// of two letters too ("Ed Buck", "Edward Buck"): within one document
// with one surname, that is a short form, not another person.
func sameDocCompatible(a, b namekey.Name) bool {
	if namekey.ParsedCompatible(a, b) {
		return true
	}
	ga, gb := a.Given, b.Given
	if len(ga) > len(gb) {
		ga, gb = gb, ga
	}
	if len(ga) != 2 || !strings.HasPrefix(gb, ga) {
		return false
	}
	b.Given = a.Given
	return namekey.ParsedCompatible(a, b)
}

// citationParty reports whether a PERSON mention names a party of a cited
// case, who is not the filing's person of that name: after "v." ("United
// States v. Bailey, 696 F.3d 794") or before "v." in a citation followed
// by a reporter volume.
func (d *doc) citationParty(i int) bool {
	if !d.inPage(i) {
		return false
	}
	e := d.ents[i]
	rs := d.text(e.Page)
	before := strings.TrimRight(string(rs[max(0, e.Start-6):e.Start]), " \n")
	after := string(rs[e.End:min(len(rs), e.End+12)])
	volume := false
	if t, ok := strings.CutPrefix(strings.TrimLeft(after, " "), ","); ok {
		t = strings.TrimLeft(t, " \n")
		volume = len(t) > 0 && t[0] >= '0' && t[0] <= '9'
	}
	return (strings.HasSuffix(before, " v.") || strings.HasSuffix(before, " v")) && volume
}

// withoutPossessive drops a possessive ending: "Doe’s", "Jones’".
func withoutPossessive(s string) string {
	for _, end := range []string{"’s", "'s", "’S", "'S"} {
		if t, ok := strings.CutSuffix(s, end); ok && t != "" {
			return t
		}
	}
	if t, ok := strings.CutSuffix(s, "s’"); ok && t != "" {
		return t + "s"
	}
	return s
}
