package charge

import (
	_ "embed"
	"strings"
	"sync"
)

// nibrsTxt holds the offense names of the FBI's NIBRS offense codes (see
// gen_nibrs.go): the names state agencies map their penal codes onto.
//
//go:embed nibrs.txt
var nibrsTxt string

// listedNames are the offense names the phrase reader takes whole where
// court language introduces an offense, even across the words that end a
// phrase elsewhere ("driving under the influence": "under" ends most
// phrases; "disorderly conduct": "conduct" is a generic word): the NIBRS
// names of two or more words and the single gerunds ("shoplifting"),
// which the reader refuses alone. They are keyed by their first word and
// held as the lower-case tokens the reader sees, longest first. Built at
// first use.
var listedNames = sync.OnceValue(func() map[string][][]string {
	m := map[string][][]string{}
	for _, line := range strings.Split(nibrsTxt, "\n") {
		name := strings.TrimSpace(line)
		if name == "" || strings.HasPrefix(name, "#") {
			continue
		}
		ts := tokensFrom(name, 0, 32)
		if len(ts) == 1 && !strings.HasSuffix(name, "ing") {
			continue // a one-word name the reader takes already
		}
		words := make([]string, len(ts))
		for i, t := range ts {
			words[i] = t.lower
		}
		m[words[0]] = append(m[words[0]], words)
	}
	for _, ns := range m {
		sortByLen(ns)
	}
	return m
})

func sortByLen(ns [][]string) {
	for i := 1; i < len(ns); i++ {
		for j := i; j > 0 && len(ns[j]) > len(ns[j-1]); j-- {
			ns[j], ns[j-1] = ns[j-1], ns[j]
		}
	}
}

// listedAt returns the token index after the longest listed offense name
// that starts at token i of ts, or i when none does.
func listedAt(ts []tok, i int) int {
	if i >= len(ts) || ts[i].kind != 'w' {
		return i
	}
	for _, words := range listedNames()[ts[i].lower] {
		if i+len(words) > len(ts) {
			continue
		}
		ok := true
		for k, w := range words {
			if ts[i+k].lower != w {
				ok = false
				break
			}
		}
		if ok {
			return i + len(words)
		}
	}
	return i
}
