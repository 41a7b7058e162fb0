package nertrain

import (
	"slices"

	"github.com/casefile/casefile/schemas"
)

// nameType reports whether t is a type the model learns.
func nameType(t schemas.EntityType) bool {
	_, ok := Labels[string(t)]
	return ok
}

// Fill returns the rules' entities and, after them, the model's entities
// that overlap no PERSON, PLACE or ORGANIZATION entity of the rules: the
// model speaks only on words the rules left untouched.
func Fill(rules, model []schemas.Entity) []schemas.Entity {
	taken := map[int][][2]int{} // page → name spans of the rules
	for _, e := range rules {
		if nameType(e.Type) {
			taken[e.Page] = append(taken[e.Page], [2]int{e.Start, e.End})
		}
	}
	out := slices.Clone(rules)
	for _, e := range model {
		if !slices.ContainsFunc(taken[e.Page], func(s [2]int) bool { return e.Start < s[1] && s[0] < e.End }) {
			out = append(out, e)
		}
	}
	return out
}

// ByLine returns the rules' entities and, after them, the model's entities
// on lines where the rules found no PERSON, PLACE or ORGANIZATION: the
// model speaks only where the rules are silent. pages are the texts the
// entities' offsets index.
func ByLine(pages []schemas.Page, rules, model []schemas.Entity) []schemas.Entity {
	lineOf := map[int][]int{} // page → line number of each code point
	lines := func(page int) []int {
		if l, ok := lineOf[page]; ok || page < 1 || page > len(pages) {
			return l
		}
		var l []int
		n := 0
		for _, r := range pages[page-1].Text {
			l = append(l, n)
			if r == '\n' {
				n++
			}
		}
		l = append(l, n)
		lineOf[page] = l
		return l
	}
	busy := map[[2]int]bool{} // (page, line) with a rules name entity
	mark := func(e schemas.Entity, set bool) bool {
		l := lines(e.Page)
		if e.Start < 0 || e.End > len(l)-1 || e.Start >= e.End {
			return true
		}
		for k := l[e.Start]; k <= l[e.End-1]; k++ {
			if set {
				busy[[2]int{e.Page, k}] = true
			} else if busy[[2]int{e.Page, k}] {
				return true
			}
		}
		return false
	}
	for _, e := range rules {
		if nameType(e.Type) {
			mark(e, true)
		}
	}
	out := slices.Clone(rules)
	for _, e := range model {
		if !mark(e, false) {
			out = append(out, e)
		}
	}
	return out
}
