package referent

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/casefile/casefile/schemas"
)

// Group returns the people and organizations of a document: each PERSON
// and ORGANIZATION entity of ents belongs to exactly one returned
// DocEntity, referenced by its index in ents. pages are the record's
// pages, whose text the entities' spans index; they are read for alias
// markers, defined acronyms and sentences. People come first ("p1"…),
// then organizations ("o1"…), each numbered in order of first mention.
// An entity whose page is out of range is grouped by its text alone.
func Group(ents []schemas.Entity, pages []schemas.Page) []schemas.DocEntity {
	d := newDoc(ents, pages)
	people := d.people()
	orgs := d.orgs()
	d.tie(people)
	return append(people, orgs...)
}

// doc is one document while it is grouped.
type doc struct {
	ents  []schemas.Entity
	pages []schemas.Page
	runes [][]rune // page text, converted on first use
}

func newDoc(ents []schemas.Entity, pages []schemas.Page) *doc {
	return &doc{ents: ents, pages: pages, runes: make([][]rune, len(pages))}
}

// text returns the runes of page n (1-based), or nil.
func (d *doc) text(n int) []rune {
	if n < 1 || n > len(d.pages) {
		return nil
	}
	if d.runes[n-1] == nil {
		d.runes[n-1] = []rune(d.pages[n-1].Text)
	}
	return d.runes[n-1]
}

// inPage reports whether entity i's span lies in its page.
func (d *doc) inPage(i int) bool {
	e := d.ents[i]
	rs := d.text(e.Page)
	return rs != nil && e.Start >= 0 && e.Start < e.End && e.End <= len(rs)
}

// ofType returns the indexes of the entities of type t in reading order.
func (d *doc) ofType(t schemas.EntityType) []int {
	var out []int
	for i, e := range d.ents {
		if e.Type == t {
			out = append(out, i)
		}
	}
	slices.SortStableFunc(out, func(a, b int) int {
		ea, eb := d.ents[a], d.ents[b]
		if ea.Page != eb.Page {
			return ea.Page - eb.Page
		}
		return ea.Start - eb.Start
	})
	return out
}

// unionFind joins groups of mentions, numbered 0..n-1. The root of a
// group is its earliest mention, so that roots follow reading order.
type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	switch {
	case ra < rb:
		u[rb] = ra
	case rb < ra:
		u[ra] = rb
	}
}

// groups returns the members of each group, groups in order of their
// earliest member.
func (u unionFind) groups() [][]int {
	at := map[int]int{}
	var out [][]int
	for i := range u {
		r := u.find(i)
		k, ok := at[r]
		if !ok {
			k = len(out)
			at[r] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], i)
	}
	return out
}

// cleanText returns an entity's text with its spaces collapsed and, where
// it runs over a line break, without the pleading-paper line number or
// transcript time stamp that opens the next line ("Peter\n24 Johnson").
func cleanText(s string) string {
	if !strings.Contains(s, "\n") {
		return collapse(s)
	}
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		f := strings.Fields(lines[i])
		for len(f) > 1 && lineMark(f[0]) {
			f = f[1:]
		}
		lines[i] = strings.Join(f, " ")
	}
	return collapse(strings.Join(lines, " "))
}

// lineMark reports whether a word is a line number (1 to 99) or a time
// stamp ("02:06").
func lineMark(w string) bool {
	digits, colon := 0, 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ':':
			colon++
		default:
			return false
		}
	}
	return colon == 0 && digits >= 1 && digits <= 2 || colon == 1 && digits == 4
}

// collapse joins the fields of s with single spaces.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// allCaps reports whether s has letters and none in lower case.
func allCaps(s string) bool {
	letter := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letter = letter || unicode.IsLetter(r)
	}
	return letter
}

// ids numbers groups with prefix: "p1", "p2"…
func id(prefix string, n int) string { return prefix + strconv.Itoa(n+1) }

// sortedIndexes maps local mention numbers to sorted entity indexes.
func sortedIndexes(members []int, idx []int) []int {
	out := make([]int, len(members))
	for k, m := range members {
		out[k] = idx[m]
	}
	slices.Sort(out)
	return out
}

// fallback gives a name and key that are never empty, for mentions with
// no letters or digits: the text as written stands for both.
func fallback(name, key, raw string) (string, string) {
	if name == "" {
		name = collapse(raw)
	}
	if name == "" {
		name = raw
	}
	if key == "" {
		key = strings.ToLower(name)
	}
	return name, key
}
