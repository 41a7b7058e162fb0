package readingroom

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// span is one entity mention to highlight on a page: half-open offsets in
// code points into the page text, as records and stores keep them.
type span struct {
	Seq        int
	Type       string
	Start, End int
	Normalized string
	// Entity is the page of the person or organization the mention names
	// (its cluster, else its normalized name), "" for other types.
	Entity string
}

// token is one piece of a highlighted page: text, or the opening or
// closing of a mark. Templates render tokens in order; html/template
// escapes every Text and attribute.
type token struct {
	Text  string
	Open  *markTag
	Close bool
}

// markTag is an opened mark. A mention that crosses another's end is cut
// into fragments, each its own mark with the same Seq; only the first
// carries the id and the visible label, so the fragments' text, joined,
// is the mention.
type markTag struct {
	span
	First bool
	Label string
}

// highlight cuts text into tokens that wrap every valid span in marks.
// Spans out of the text's range or empty are left out (a store holds only
// valid ones, but a page is untrusted data all the same). Nested spans nest;
// crossing spans are split so the marks stay well formed.
func highlight(text string, spans []span) []token {
	n := utf8.RuneCountInString(text)
	valid := make([]span, 0, len(spans))
	for _, s := range spans {
		if s.Start >= 0 && s.Start < s.End && s.End <= n {
			valid = append(valid, s)
		}
	}
	if len(valid) == 0 {
		if text == "" {
			return nil
		}
		return []token{{Text: text}}
	}
	// Longer spans open first so that shorter ones nest inside them.
	slices.SortFunc(valid, func(a, b span) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End), cmp.Compare(a.Seq, b.Seq))
	})

	// Boundaries in code points, mapped to byte offsets in one pass.
	bounds := make([]int, 0, 2*len(valid)+2)
	bounds = append(bounds, 0, n)
	for _, s := range valid {
		bounds = append(bounds, s.Start, s.End)
	}
	slices.Sort(bounds)
	bounds = slices.Compact(bounds)
	byteAt := make(map[int]int, len(bounds))
	bi, r := 0, 0
	for i := range text {
		for bi < len(bounds) && bounds[bi] == r {
			byteAt[r] = i
			bi++
		}
		r++
	}
	for ; bi < len(bounds); bi++ {
		byteAt[bounds[bi]] = len(text)
	}

	toks := make([]token, 0, 3*len(valid)+1)
	var stack []span
	next := 0 // index into valid of the next span to open
	for i, pos := range bounds {
		// Close every open span ending here; spans above one of them that
		// go on are closed and reopened as fragments.
		low := -1
		for j, s := range stack {
			if s.End == pos {
				low = j
				break
			}
		}
		if low >= 0 {
			var reopen []span
			for j := len(stack) - 1; j >= low; j-- {
				toks = append(toks, token{Close: true})
				if stack[j].End != pos {
					reopen = append(reopen, stack[j])
				}
			}
			stack = stack[:low]
			for j := len(reopen) - 1; j >= 0; j-- {
				toks = append(toks, token{Open: &markTag{span: reopen[j]}})
				stack = append(stack, reopen[j])
			}
		}
		for next < len(valid) && valid[next].Start == pos {
			s := valid[next]
			toks = append(toks, token{Open: &markTag{span: s, First: true, Label: typeLabel(s.Type)}})
			stack = append(stack, s)
			next++
		}
		if i+1 < len(bounds) {
			if t := text[byteAt[pos]:byteAt[bounds[i+1]]]; t != "" {
				toks = append(toks, token{Text: t})
			}
		}
	}
	for range stack {
		toks = append(toks, token{Close: true})
	}
	return toks
}

// typeLabel is the short text label shown with a highlighted mention, so
// that the type does not rest on colour alone.
func typeLabel(t string) string {
	switch t {
	case "PERSON":
		return "person"
	case "PLACE":
		return "place"
	case "ORGANIZATION":
		return "org"
	case "QUANTITY":
		return "qty"
	case "CHARGE":
		return "charge"
	case "DATE":
		return "date"
	case "CASE_NUMBER":
		return "case no."
	}
	return "entity"
}

// typeClass is the CSS class suffix of an entity type: a closed set, so a
// stored type can never inject a class name.
func typeClass(t string) string {
	switch t {
	case "PERSON", "PLACE", "ORGANIZATION", "QUANTITY", "CHARGE", "DATE", "CASE_NUMBER":
		return t
	}
	return "OTHER"
}

// passage is a search snippet cut into plain and hit pieces.
type passagePart struct {
	Text string
	Hit  bool
}

// Snippet markers: private-use code points the store's snippet function
// wraps around hits, cut out here so the passage is escaped as text.
const (
	hitOpen  = "\uE000"
	hitClose = "\uE001"
)

func splitPassage(s string) []passagePart {
	var parts []passagePart
	hit := false
	for s != "" {
		mark := hitOpen
		if hit {
			mark = hitClose
		}
		i := strings.Index(s, mark)
		if i < 0 {
			parts = append(parts, passagePart{Text: s, Hit: hit})
			break
		}
		if i > 0 {
			parts = append(parts, passagePart{Text: s[:i], Hit: hit})
		}
		s = s[i+len(mark):]
		hit = !hit
	}
	return parts
}
