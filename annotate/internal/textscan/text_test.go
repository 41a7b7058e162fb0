package textscan

import (
	"testing"
	"unicode/utf8"
)

// byteToRuneTable is the table Offsets replaced: every byte offset of s
// (and len(s)) to a code-point offset, continuation bytes taking their
// code point's.
func byteToRuneTable(s string) []int {
	m := make([]int, len(s)+1)
	r := 0
	for i := range s {
		m[i] = r
		r++
	}
	m[len(s)] = utf8.RuneCountInString(s)
	for i := 1; i < len(s); i++ {
		if !utf8.RuneStart(s[i]) {
			m[i] = m[i-1]
		}
	}
	return m
}

func checkOffsets(t *testing.T, s string) {
	t.Helper()
	o, want := ByteToRune(s), byteToRuneTable(s)
	for i, w := range want {
		if got := o.At(i); got != w {
			t.Fatalf("ByteToRune(%q).At(%d) = %d, want %d", s, i, got, w)
		}
	}
}

func TestOffsets(t *testing.T) {
	for _, s := range []string{
		"", "plain ASCII text\n", "§ 841(a)(1) — “fentanyl”", "Müller’s café",
		"\x80stray\x80 continuation", "cut \xe2\x80", "\xff\xfe", "𝔉 four-byte 😀 runes",
	} {
		checkOffsets(t, s)
	}
}

func FuzzOffsets(f *testing.F) {
	f.Add("§ 841(a)(1) — “fentanyl”")
	f.Add("\x80stray\xe2\x80 cut")
	f.Fuzz(checkOffsets)
}
