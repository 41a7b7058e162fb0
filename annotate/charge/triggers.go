package charge

import (
	"strings"
	"sync"
)

// triggerIndex finds which codes' triggers occur in a page in one pass
// over it, instead of one strings.Contains per trigger: the codes table
// holds about two hundred triggers, and every page is asked about all of
// them (mayCite) before any citation pattern runs.
type triggerIndex struct {
	exact, folded pairIndex // triggers matched in the text as written, and in its lowered copy
	codes         int
}

// pairIndex finds strings by their first two bytes: a table over every
// byte pair points to the strings that start with it.
type pairIndex struct {
	bucket  [1 << 16]int32 // byte pair -> 1 + index into lists; 0: no string starts so
	lists   [][]int        // per bucket, indexes into strs
	strs    []string
	codesOf [][]int // per string, the codes it triggers
	short   []int   // strings of one byte, tried with strings.Contains
}

func (p *pairIndex) add(s string, code int) {
	for i, t := range p.strs {
		if t == s {
			p.codesOf[i] = append(p.codesOf[i], code)
			return
		}
	}
	id := len(p.strs)
	p.strs = append(p.strs, s)
	p.codesOf = append(p.codesOf, []int{code})
	if len(s) < 2 {
		p.short = append(p.short, id)
		return
	}
	k := uint16(s[0])<<8 | uint16(s[1])
	if p.bucket[k] == 0 {
		p.lists = append(p.lists, nil)
		p.bucket[k] = int32(len(p.lists))
	}
	p.lists[p.bucket[k]-1] = append(p.lists[p.bucket[k]-1], id)
}

// mark sets on[c] for every code c one of whose strings occurs in s.
func (p *pairIndex) mark(s string, on []bool) {
	for _, id := range p.short {
		if strings.Contains(s, p.strs[id]) {
			for _, c := range p.codesOf[id] {
				on[c] = true
			}
		}
	}
	for i := 0; i+1 < len(s); i++ {
		b := p.bucket[uint16(s[i])<<8|uint16(s[i+1])]
		if b == 0 {
			continue
		}
		for _, id := range p.lists[b-1] {
			if strings.HasPrefix(s[i:], p.strs[id]) {
				for _, c := range p.codesOf[id] {
					on[c] = true
				}
			}
		}
	}
}

// codeTriggers indexes the triggers of codes(), by the codes' positions
// in it.
var codeTriggers = sync.OnceValue(func() *triggerIndex {
	ix := &triggerIndex{codes: len(codes())}
	for i, c := range codes() {
		for _, t := range c.triggers {
			if t, exact := strings.CutPrefix(t, "="); exact {
				ix.exact.add(t, i)
			} else {
				ix.folded.add(t, i)
			}
		}
	}
	return ix
})

// triggered reports, for each code of codes(), whether one of its
// triggers occurs in text (lower is its copy lowered by
// textscan.ToLowerASCII): an "=" trigger in text as written, the others
// in lower, as a strings.Contains per trigger would say, in one pass over
// each string.
func (ix *triggerIndex) triggered(text, lower string) []bool {
	on := make([]bool, ix.codes)
	ix.exact.mark(text, on)
	ix.folded.mark(lower, on)
	return on
}
