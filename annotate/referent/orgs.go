package referent

import (
	"slices"
	"strings"
	"unicode"

	"github.com/casefile/casefile/namekey"
	"github.com/casefile/casefile/schemas"
)

// orgs groups the ORGANIZATION mentions: equal keys of their text or of
// the annotator's normalization, and acronyms defined right after a name.
func (d *doc) orgs() []schemas.DocEntity {
	idx := d.ofType(schemas.Organization)
	if len(idx) == 0 {
		return nil
	}
	u := newUnionFind(len(idx))
	byKey := map[string]int{}
	join := func(key string, k int) {
		if key == "" {
			return
		}
		if first, ok := byKey[key]; ok {
			u.union(first, k)
		} else {
			byKey[key] = k
		}
	}
	for k, i := range idx {
		e := d.ents[i]
		join(namekey.OrgKey(cleanText(e.Text)), k)
		if e.Normalized != "" && e.Normalized != e.Text {
			join(namekey.OrgKey(e.Normalized), k)
		}
	}
	forms := make([]orgForm, len(idx))
	for k, i := range idx {
		forms[k] = newOrgForm(cleanText(d.ents[i].Text))
	}
	defined := map[string]bool{} // acronyms defined after their name
	for k := 0; k+1 < len(idx); k++ {
		if d.definesAcronym(idx[k], idx[k+1]) {
			u.union(k, k+1)
			defined[strings.Join(forms[k+1].toks, " ")] = true
		}
	}
	// A caption names the court on one line and its district on the next:
	// "UNITED STATES DISTRICT COURT / CENTRAL DISTRICT OF CALIFORNIA".
	for k := 0; k+1 < len(idx); k++ {
		a, b := forms[k], forms[k+1]
		if (genericCourt(a) && designation(b) || designation(a) && genericCourt(b)) && d.nextLine(idx[k], idx[k+1]) {
			u.union(k, k+1)
		}
	}
	// A short form joins the one longer name it shortens: its tail, its
	// words as acronyms, or, for a generic court, its head ("United
	// States District Court" of "… for the Northern District of Iowa").
	// Distinct forms, indexed by what a longer name must share with a
	// short form of it: its last word, the initial of its last word (for a
	// short form ending in an acronym), its first word (for a generic
	// court's head).
	firstOf := map[string]int{} // form → its first mention
	var distinct []int
	byLast, byInitial, byFirst := map[string][]int{}, map[byte][]int{}, map[string][]int{}
	for k := range idx {
		fk := strings.Join(forms[k].toks, " ")
		if _, ok := firstOf[fk]; ok || len(forms[k].toks) == 0 {
			continue
		}
		firstOf[fk] = k
		distinct = append(distinct, k)
		t := forms[k].toks
		byLast[t[len(t)-1]] = append(byLast[t[len(t)-1]], k)
		byInitial[t[len(t)-1][0]] = append(byInitial[t[len(t)-1][0]], k)
		byFirst[t[0]] = append(byFirst[t[0]], k)
	}
	for _, s := range distinct {
		f := forms[s]
		last := len(f.toks) - 1
		pool := byLast[f.toks[last]]
		if f.acr[last] {
			pool = append(slices.Clip(pool), byInitial[f.toks[last][len(f.toks[last])-1]]...)
		}
		court := genericCourt(f)
		if court {
			pool = append(slices.Clip(pool), byFirst[f.toks[0]]...)
		}
		var cands []int
		// "Vehicular Crimes Unit (“VCU”)": an acronym defined after its
		// name has that name and spells no other one ("Vehicle Crimes
		// Unit", another body's unit). One only spelled joins the one
		// name it spells, however misnamed ("DEA", "Drug Enforcement
		// Agency").
		own := false
		for _, l := range pool {
			r := u.find(l)
			if r == u.find(s) {
				own = own || defined[strings.Join(f.toks, " ")] && l != s && shortFormOf(f, forms[l])
				continue
			}
			if slices.Contains(cands, r) {
				continue
			}
			if shortFormOf(f, forms[l]) ||
				court && len(forms[l].toks) > len(f.toks) && slices.Equal(forms[l].toks[:len(f.toks)], f.toks) {
				cands = append(cands, u.find(l))
			}
		}
		if len(cands) == 1 && !own {
			u.union(s, cands[0])
		}
	}
	// A court's citation abbreviation ("Mo. Ct. App.", "La. Ct. App."),
	// which the annotator normalizes to the court's name, joins the one
	// court of the document whose name holds every word of that name:
	// "Missouri Court of Appeals, Western District", the heading "FIFTH
	// CIRCUIT COURT OF APPEAL STATE OF LOUISIANA".
	for _, s := range distinct {
		e := d.ents[idx[s]]
		if e.Normalized == "" || e.Normalized == e.Text || !strings.Contains(e.Text, ".") {
			continue
		}
		want := newOrgForm(e.Normalized).toks
		if !slices.Contains(want, "court") || !slices.ContainsFunc(want, func(w string) bool { return !genericWords[w] }) {
			continue // "Supreme Court": no court's own word to find
		}
		// Its own group may already hold the name ("D.D.C." with "United
		// States District Court for the District of Columbia").
		held := false
		for _, l := range distinct {
			held = held || u.find(l) == u.find(s) && l != s && holdsWords(forms[l].toks, want)
		}
		if held {
			continue
		}
		var cands []int
		for _, l := range distinct {
			if r := u.find(l); r == u.find(s) || slices.Contains(cands, r) || !holdsWords(forms[l].toks, want) {
				continue
			}
			cands = append(cands, u.find(l))
		}
		if len(cands) == 1 {
			u.union(s, cands[0])
		}
	}
	// A county has one sheriff: "San Diego Sheriff", "San Diego County
	// Sheriff’s Department", "Marlboro County Sheriff's Office" are one
	// body however the office is written.
	bySheriff := map[string]int{}
	for _, s := range distinct {
		if k := sheriffKey(forms[s]); k != "" {
			if o, ok := bySheriff[k]; ok {
				u.union(s, o)
			} else {
				bySheriff[k] = s
			}
		}
	}
	groups := u.groups()
	out := make([]schemas.DocEntity, 0, len(groups))
	for n, g := range groups {
		best := g[0]
		for _, k := range g[1:] {
			if betterOrg(cleanText(d.ents[idx[k]].Text), cleanText(d.ents[idx[best]].Text)) {
				best = k
			}
		}
		name := namekey.Title(cleanText(d.ents[idx[best]].Text), true)
		name, key := fallback(name, namekey.OrgKey(name), d.ents[idx[best]].Text)
		out = append(out, schemas.DocEntity{ID: id("o", n), Type: schemas.Organization, Name: name, Key: key, Mentions: sortedIndexes(g, idx)})
	}
	return out
}

// betterOrg reports whether a names an organization more fully than b:
// more words, then mixed case before capitals.
func betterOrg(a, b string) bool {
	na, nb := len(strings.Fields(a)), len(strings.Fields(b))
	if na != nb {
		return na > nb
	}
	return allCaps(b) && !allCaps(a)
}

// definesAcronym reports whether organization mention acr is written in
// parentheses right after organization mention long, as filings define
// the short forms they go on to use: "Drug Enforcement Administration
// (DEA)", "New Jersey State Prison (“NJSP”)", "High Desert State Prison
// (the “HDSP”)".
func (d *doc) definesAcronym(long, acr int) bool {
	l, a := d.ents[long], d.ents[acr]
	if l.Page != a.Page || !d.inPage(long) || !d.inPage(acr) || l.End > a.Start || a.Start-l.End > 30 {
		return false
	}
	rs := d.text(l.Page)
	gap := strings.TrimSpace(string(rs[l.End:a.Start]))
	gap = strings.TrimRight(gap, "\"“'‘ ")
	gap = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(gap), "the"))
	gap = strings.TrimSpace(strings.TrimSuffix(gap, "hereinafter"))
	if gap != "(" {
		return false
	}
	after := strings.TrimLeft(string(rs[a.End:min(a.End+4, len(rs))]), "\"”'’ ")
	if !strings.HasPrefix(after, ")") {
		return false
	}
	// The short form is an acronym: one word, no lower-case letter but
	// perhaps a plural "s".
	t := strings.TrimSuffix(a.Text, "s")
	if strings.ContainsFunc(t, unicode.IsSpace) || !allCaps(t) {
		return false
	}
	return true
}

// nextLine reports whether entity b follows entity a on the same page
// within a few lines, with nothing between them but spaces, commas,
// pleading-paper line numbers and "for the": the lines of a caption.
func (d *doc) nextLine(a, b int) bool {
	ea, eb := d.ents[a], d.ents[b]
	if ea.Page != eb.Page || !d.inPage(a) || !d.inPage(b) || ea.End > eb.Start || eb.Start-ea.End > 300 {
		return false
	}
	gap := string(d.text(ea.Page)[ea.End:eb.Start])
	if strings.Count(gap, "\n") > 4 {
		return false
	}
	for _, w := range strings.Fields(gap) {
		w = strings.Trim(w, ",")
		switch l := strings.ToLower(w); {
		case l == "" || l == "for" || l == "the" || lineMark(l) && !strings.Contains(l, ":"):
		default:
			return false
		}
	}
	return true
}

// sheriffKey returns the place of a sheriff's office written "<place>
// [County] Sheriff['s] [Department|Office]", without "county", or "".
func sheriffKey(f orgForm) string {
	p := slices.Index(f.toks, "sheriff")
	if p < 1 || len(f.toks)-p > 2 || p+1 < len(f.toks) && f.toks[p+1] != "department" && f.toks[p+1] != "office" {
		return ""
	}
	var place []string
	for _, t := range f.toks[:p] {
		if t != "county" {
			place = append(place, t)
		}
	}
	return strings.Join(place, " ")
}

// holdsWords reports whether have holds every word of want but its small
// words ("of", "the").
func holdsWords(have, want []string) bool {
	for _, w := range want {
		if !initialStop[w] && !slices.Contains(have, w) {
			return false
		}
	}
	return true
}
