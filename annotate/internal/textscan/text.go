package textscan

import (
	"slices"
	"unicode/utf8"
)

// Offsets maps the byte offsets of a string to code-point offsets, the
// spans entities carry. It keeps only the bytes that continue a multi-byte
// code point, so an ASCII page costs nothing and a page with a few curly
// quotes a few entries: a table of every byte, built by each of five
// extractors per page, was a fifth of annotation's allocation.
type Offsets struct {
	s string
	// inner holds the offsets of bytes a range over s steps over: the
	// second and later bytes of each well-formed multi-byte code point.
	inner []int32
}

// ByteToRune returns the offsets of s.
func ByteToRune(s string) Offsets {
	o := Offsets{s: s}
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		for k := 1; k < n; k++ {
			o.inner = append(o.inner, int32(i+k))
		}
		i += n
	}
	return o
}

// At returns the code-point offset of byte offset i (0 <= i <= len(s)).
// A byte inside a code point, or a stray continuation byte, takes the
// offset of the code point before it.
func (o Offsets) At(i int) int {
	for i > 0 && i < len(o.s) && !utf8.RuneStart(o.s[i]) {
		i--
	}
	before, _ := slices.BinarySearch(o.inner, int32(i))
	return i - before
}

// IsASCII reports whether s is all ASCII, so that its code-point offsets
// are its byte offsets.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Set returns a set of words, for membership tests.
func Set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
