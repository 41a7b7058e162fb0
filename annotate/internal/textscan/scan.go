package textscan

import (
	"regexp"
	"strings"
	"sync"
)

// Regexp compiles its pattern on first use. The annotation patterns
// are large; a process that only extracts text — one per document when
// extraction is isolated — must not pay for compiling them at start.
type Regexp struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

// Lazy returns src as a Regexp compiled at its first Get; a bad src
// panics then.
func Lazy(src string) *Regexp { return &Regexp{src: src} }

// Get returns the compiled pattern; it is safe for concurrent use.
func (l *Regexp) Get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}

// Running the quantity and offense patterns over whole pages with Go's
// regexp costs more than all the rest of annotation. They run instead,
// anchored, on a short window at each word that can start a match.

// Window bounds the text one anchored pattern reads.
const Window = 160

// Anchor returns re matching only at the start of its input.
func Anchor(re *Regexp) *Regexp { return Lazy(`^(?:` + re.src + `)`) }

// FindAt returns the non-overlapping matches of the anchored pattern a that
// start at one of the candidate byte offsets (and pass hint, if any), with
// offsets into text, as FindAllStringSubmatchIndex reports them.
func FindAt(a *Regexp, text string, cands []int, hint func(c int) bool) [][]int {
	var out [][]int
	last := 0
	for _, c := range cands {
		if c < last || hint != nil && !hint(c) {
			continue
		}
		m := a.Get().FindStringSubmatchIndex(text[c:min(len(text), c+Window)])
		if m == nil || m[1] == 0 {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += c
			}
		}
		out = append(out, m)
		last = m[1]
	}
	return out
}

// WordStarts returns the byte offsets of the words of text that keep
// accepts; keep gets the word in lower case and the text after it. A word
// is a run of ASCII letters and digits, non-ASCII bytes, and extra.
func WordStarts(text string, extra byte, keep func(word, rest string) bool) []int {
	in := func(c byte) bool { return IsWordByte(c) || c == extra && extra != 0 }
	var out []int
	for i := 0; i < len(text); {
		if !in(text[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(text) && in(text[j]) {
			j++
		}
		if keep(ToLowerASCII(text[i:j]), text[j:]) {
			out = append(out, i)
		}
		i = j
	}
	return out
}

// IsWordByte reports whether c can be part of a word: an ASCII letter or
// digit, or any byte of a multi-byte code point.
func IsWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// ToLowerASCII returns s with its ASCII capitals lowered and every other
// byte kept, so that byte offsets into the result are offsets into s
// (strings.ToLower may change a string's length). s itself is returned
// when it holds no capital, and otherwise one new string.
func ToLowerASCII(s string) string {
	i := 0
	for i < len(s) && !(s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		j := i
		for j < len(s) && !(s[j] >= 'A' && s[j] <= 'Z') {
			j++
		}
		b.WriteString(s[i:j])
		for j < len(s) && s[j] >= 'A' && s[j] <= 'Z' {
			b.WriteByte(s[j] + 'a' - 'A')
			j++
		}
		i = j
	}
	return b.String()
}
