package textscan

import "unicode/utf8"

// ByteToRune maps each byte offset of s (and len(s)) to a code-point offset.
func ByteToRune(s string) []int {
	m := make([]int, len(s)+1)
	r := 0
	for i := range s {
		m[i] = r
		r++
	}
	m[len(s)] = utf8.RuneCountInString(s)
	// Continuation bytes take the offset of their rune's start.
	for i := 1; i < len(s); i++ {
		if !utf8.RuneStart(s[i]) {
			m[i] = m[i-1]
		}
	}
	return m
}

// Set returns a set of words, for membership tests.
func Set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
