package nertrain

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"github.com/casefile/casefile/eval"
)

// Labels maps the gold types the model learns to its labels. QUANTITY
// and CHARGE are left to the rules: their spans follow number and offense
// grammar that a word-by-word classifier of capitalized names does not
// capture, and prose's features (word, shape, affixes, neighbours) are
// those of names.
var Labels = map[string]string{"PERSON": "PERSON", "PLACE": "PLACE", "ORGANIZATION": "ORGANIZATION"}

// DefaultMaxLines is the number of lines in a training context when
// Options.MaxLines is zero.
const DefaultMaxLines = 4

// Options tune Project. The zero value is ready to use.
type Options struct {
	// MaxLines is the number of lines per context; a context grows past
	// it only to keep a mention whole. If zero, DefaultMaxLines is used.
	MaxLines int
}

// Span is a labelled range of a page's text, in code points.
type Span struct {
	Start, End int
	Label      string
}

// Stats counts what Project did with a document.
type Stats struct {
	Mentions   int // distinct mention strings of the learned types
	NotFound   int // of those, strings not found on the annotated pages, or only inside a longer mention
	Spans      int // labelled spans in the contexts kept
	Contexts   int // contexts kept
	Blocked    int // contexts dropped for an optional or two-typed mention
	Misaligned int // contexts dropped for a span that splits a prose token
}

// Add sums o into s.
func (s *Stats) Add(o Stats) {
	s.Mentions += o.Mentions
	s.NotFound += o.NotFound
	s.Spans += o.Spans
	s.Contexts += o.Contexts
	s.Blocked += o.Blocked
	s.Misaligned += o.Misaligned
}

// mention is a surface form to find and what to do with it.
type mention struct {
	text  string
	runes int
	label string // "" when blocked: optional only, or given to two types
	re    *regexp.Regexp
}

// AnnotatedPages returns the 1-based numbers of g's pages that were
// annotated: its "pages" range, or every page of a document of n pages.
func AnnotatedPages(g eval.Gold, n int) (first, last int) {
	first, last = 1, n
	if len(g.Pages) == 2 {
		first, last = max(1, g.Pages[0]), min(n, g.Pages[1])
	}
	return first, last
}

// Project returns prose training contexts for gold document g, whose page
// texts are pages (the document's text split at form feeds). Only the
// annotated pages are read. Each context is a window of whole lines,
// folded to ASCII (Fold), with its spans in code points.
func Project(g eval.Gold, pages []string, opt Options) ([]prose.EntityContext, Stats) {
	if opt.MaxLines <= 0 {
		opt.MaxLines = DefaultMaxLines
	}
	ms := mentions(g)
	st := Stats{}
	found := make([]bool, len(ms))
	var out []prose.EntityContext
	first, last := AnnotatedPages(g, len(pages))
	for p := first; p <= last; p++ {
		text := pages[p-1]
		spans := findMentions(text, ms, found)
		ctxs, cst := windows(text, spans, opt.MaxLines)
		out = append(out, ctxs...)
		st.Add(cst)
	}
	for i, m := range ms {
		if m.label != "" {
			st.Mentions++
			if !found[i] {
				st.NotFound++
			}
		}
	}
	return out, st
}

// mentions returns g's distinct mention strings of the learned types,
// longest first. A string given only to optional entities, or to entities
// of two learned types, is blocked: its occurrences are found so that no
// shorter mention is found inside them, and the contexts holding them are
// dropped.
func mentions(g eval.Gold) []mention {
	labels := map[string]map[string]bool{} // text → labels of required entities
	blocked := map[string]bool{}
	for _, e := range g.Entities {
		label, ok := Labels[e.Type]
		if !ok {
			continue
		}
		forms := e.Mentions // verbatim; Text may be a composed form
		if len(forms) == 0 {
			forms = []string{e.Text}
		}
		for _, m := range forms {
			m = strings.TrimSpace(m)
			if m == "" {
				continue
			}
			if labels[m] == nil {
				labels[m] = map[string]bool{}
			}
			if e.Optional {
				blocked[m] = true
			} else {
				labels[m][label] = true
			}
		}
	}
	var out []mention
	for text, ls := range labels {
		re, err := pattern(text)
		if err != nil {
			continue // not valid UTF-8: it cannot be in the text as written
		}
		m := mention{text: text, runes: utf8.RuneCountInString(text), re: re}
		if len(ls) == 1 {
			for l := range ls {
				m.label = l
			}
		}
		if len(ls) == 0 && !blocked[text] {
			continue
		}
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b mention) int {
		if c := cmp.Compare(b.runes, a.runes); c != 0 {
			return c
		}
		return strings.Compare(a.text, b.text)
	})
	return out
}

// lineBreak matches what may stand for one space of a mention in layout
// text: a run of blanks, or a line break (a blank line too, in
// double-spaced transcripts) with the pleading-paper line number that may
// open the next line.
const lineBreak = `(?:[ \t\x{a0}]*\n(?:[ \t\x{a0}]*\n)?[ \t\x{a0}]*(?:\d{1,2}[ \t\x{a0}]+)?|[ \t\x{a0}]+)`

// pattern returns the regular expression of a mention: its words as
// written, separated by lineBreak. It fails on a mention that is not
// valid UTF-8.
func pattern(m string) (*regexp.Regexp, error) {
	words := strings.Fields(m)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	re, err := regexp.Compile(strings.Join(words, lineBreak))
	if err != nil {
		return nil, fmt.Errorf("nertrain: mention %q: %w", m, err)
	}
	return re, nil
}

// findMentions returns the spans of ms in text, in code points: each
// occurrence on word boundaries, the longest mention first, none
// overlapping another. ms must be sorted longest first. Blocked mentions
// give spans with an empty label. found[i] is set when ms[i] occurs.
func findMentions(text string, ms []mention, found []bool) []Span {
	var spans []Span
	runeAt := byteToRune(text)
	taken := make([]bool, len(runeAt))
	for i, m := range ms {
		if !strings.Contains(text, strings.Fields(m.text)[0]) {
			continue
		}
		for _, loc := range m.re.FindAllStringIndex(text, -1) {
			if !boundary(text, loc[0], loc[1]) {
				continue
			}
			s, e := runeAt[loc[0]], runeAt[loc[1]]
			if slices.Contains(taken[s:e], true) {
				continue
			}
			for k := s; k < e; k++ {
				taken[k] = true
			}
			spans = append(spans, Span{Start: s, End: e, Label: m.label})
			found[i] = true
		}
	}
	slices.SortFunc(spans, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	return spans
}

// byteToRune maps each byte offset of s (and len(s)) to its code-point
// offset, counting an invalid byte as one code point as []rune(s) does.
func byteToRune(s string) []int {
	out := make([]int, len(s)+1)
	n := 0
	for i := 0; i < len(s); n++ {
		_, w := utf8.DecodeRuneInString(s[i:])
		for k := i; k < i+w; k++ {
			out[k] = n
		}
		i += w
	}
	out[len(s)] = n
	return out
}

// boundary reports whether text[start:end] stands as whole words: no
// letter or digit touches it, nor a hyphen joining it to one
// ("Lopez-Garcia" holds no "Lopez").
func boundary(text string, start, end int) bool {
	before, n := utf8.DecodeLastRuneInString(text[:start])
	if n > 0 && wordRune(before) {
		return false
	}
	if n > 0 && before == '-' {
		if b2, m := utf8.DecodeLastRuneInString(text[:start-n]); m > 0 && wordRune(b2) {
			return false
		}
	}
	after, n := utf8.DecodeRuneInString(text[end:])
	if n > 0 && wordRune(after) {
		return false
	}
	if n > 0 && after == '-' {
		if a2, m := utf8.DecodeRuneInString(text[end+n:]); m > 0 && wordRune(a2) {
			return false
		}
	}
	return true
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// windows cuts a page into contexts of maxLines whole lines, grown so
// that no span is cut, and keeps those with some text, no blocked span
// and every span on prose token boundaries.
func windows(text string, spans []Span, maxLines int) ([]prose.EntityContext, Stats) {
	runes := []rune(text)
	var lineEnds []int // code point after each line's newline
	for i, r := range runes {
		if r == '\n' {
			lineEnds = append(lineEnds, i+1)
		}
	}
	if len(lineEnds) == 0 || lineEnds[len(lineEnds)-1] != len(runes) {
		lineEnds = append(lineEnds, len(runes))
	}
	var out []prose.EntityContext
	var st Stats
	start, next, lines := 0, 0, 0 // next: first span not yet placed
	for _, end := range lineEnds {
		lines++
		if lines < maxLines && end < len(runes) {
			continue
		}
		cut := false
		for k := next; k < len(spans) && spans[k].Start < end; k++ {
			if spans[k].End > end {
				cut = true
			}
		}
		if cut && end < len(runes) {
			continue
		}
		var in []Span
		for next < len(spans) && spans[next].Start < end {
			in = append(in, spans[next])
			next++
		}
		if ctx, ok := context(runes[start:end], start, in, &st); ok {
			out = append(out, ctx)
		}
		start, lines = end, 0
	}
	return out, st
}

// context builds one training context of the window w starting at code
// point off of the page, or reports why not in st.
func context(w []rune, off int, spans []Span, st *Stats) (prose.EntityContext, bool) {
	text := Fold(string(w))
	if strings.TrimSpace(text) == "" {
		return prose.EntityContext{}, false
	}
	ctx := prose.EntityContext{Accept: true, Text: text}
	for _, s := range spans {
		if s.Label == "" {
			st.Blocked++
			return prose.EntityContext{}, false
		}
		ctx.Spans = append(ctx.Spans, prose.LabeledEntity{Start: s.Start - off, End: s.End - off, Label: s.Label})
	}
	if !tokenAligned(text, ctx.Spans) {
		st.Misaligned++
		return prose.EntityContext{}, false
	}
	st.Contexts++
	st.Spans += len(ctx.Spans)
	return ctx, true
}

// tokenAligned reports whether every span of the ASCII text starts and
// ends where a prose token does.
func tokenAligned(text string, spans []prose.LabeledEntity) bool {
	if len(spans) == 0 {
		return true
	}
	toks, ok := tokenize(text)
	if !ok {
		return false
	}
	starts, ends := map[int]bool{}, map[int]bool{}
	for _, t := range toks {
		starts[t.start], ends[t.end] = true, true
	}
	for _, s := range spans {
		if !starts[s.Start] || !ends[s.End] {
			return false
		}
	}
	return true
}
