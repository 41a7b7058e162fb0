package annotate

import (
	"strings"
	"unicode"

	"github.com/casefile/casefile/annotate/casemeta"
	"github.com/casefile/casefile/annotate/internal/textscan"

	"github.com/casefile/casefile/schemas"
)

// Page furniture is the text a page carries for the court's filing system
// rather than for its reader: ECF header stamps, the line numbers of
// pleading paper, running headers and footers, "Page 3 of 26". Read as
// prose it yields the same court, reporter and case title as entities on
// every page, and glues line numbers to names. The annotator blanks it
// before reading a page; stamps are still parsed for the case block.

// byteSpan is a byte range of a page's text.
type byteSpan struct{ start, end int }

// furniture returns, for each page, the spans of its furniture in two
// kinds: hard (stamps, running heads), which no entity may touch, and the
// pleading line numbers, which a name may run past over a line break
// ("Federal Bureau of\n3 Investigation").
func furniture(pages []schemas.Page) (hard, numbers [][]byteSpan) {
	hard, numbers = runningLines(pages), make([][]byteSpan, len(pages))
	for i, p := range pages {
		hard[i] = append(hard[i], stampLines(p.Text)...)
		numbers[i] = lineNumbers(p.Text)
	}
	return hard, numbers
}

// stampLines: the lines holding an ECF header stamp, "Page ID #:990"
// included.
func stampLines(text string) []byteSpan {
	var out []byteSpan
	for _, m := range casemeta.StampSpans(text) {
		start := strings.LastIndexByte(text[:m[0]], '\n') + 1
		end := m[1] + lineEnd(text[m[1]:])
		out = append(out, byteSpan{start, end})
	}
	return out
}

func lineEnd(s string) int {
	if k := strings.IndexByte(s, '\n'); k >= 0 {
		return k
	}
	return len(s)
}

// lineNumbers: the numbers 1 to 28 that open the lines of pleading paper.
// A page is pleading paper when at least ten of its lines open with a
// number one greater than the last such number seen; one numbered line
// elsewhere is a list or an address.
func lineNumbers(text string) []byteSpan {
	var cands []byteSpan
	last, rising := 0, 0
	at := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		k := len(line) - len(strings.TrimLeft(line, " \t"))
		d := k
		for d < len(line) && line[d] >= '0' && line[d] <= '9' {
			d++
		}
		if d > k && d-k <= 2 && (d == len(line) || line[d] == ' ' || line[d] == '\n' || line[d] == '\t') {
			n := textscan.Atoi(line[k:d])
			if n >= 1 && n <= 28 {
				if n == last+1 {
					rising++
				}
				last = n
				cands = append(cands, byteSpan{at + k, at + d})
			}
		}
		at += len(line)
	}
	if rising < 10 {
		return nil
	}
	return cands
}

// Running headers and footers are lines among the first or last few of a
// page that recur, digits aside, on at least half the pages of a document
// of three or more. They are furniture from their second appearance on.
const (
	runningZone     = 3 // lines from the top and from the bottom
	runningMinPages = 3
)

// runningLines returns, per page, the spans of its running headers and
// footers.
func runningLines(pages []schemas.Page) [][]byteSpan {
	out := make([][]byteSpan, len(pages))
	withText := 0
	for _, p := range pages {
		if strings.TrimSpace(p.Text) != "" {
			withText++
		}
	}
	if withText < runningMinPages {
		return out
	}
	type zoneLine struct {
		key  string
		span byteSpan
	}
	zones := make([][]zoneLine, len(pages))
	count := map[string]int{}
	for i, p := range pages {
		var lines []zoneLine
		at := 0
		for _, line := range strings.SplitAfter(p.Text, "\n") {
			if key := runningKey(line); key != "" {
				lines = append(lines, zoneLine{key, byteSpan{at, at + len(strings.TrimRight(line, "\n"))}})
			}
			at += len(line)
		}
		if len(lines) > 2*runningZone {
			lines = append(lines[:runningZone:runningZone], lines[len(lines)-runningZone:]...)
		}
		// A header recurs at the top, a footer at the bottom: the court
		// named atop the first page is its caption, not the footer that
		// repeats it below.
		for k := range lines {
			if k < (len(lines)+1)/2 {
				lines[k].key = "top " + lines[k].key
			} else {
				lines[k].key = "bottom " + lines[k].key
			}
		}
		seen := map[string]bool{}
		for _, l := range lines {
			if !seen[l.key] {
				seen[l.key] = true
				count[l.key]++
			}
		}
		zones[i] = lines
	}
	need := max(runningMinPages, (withText+1)/2)
	first := map[string]bool{}
	for i, lines := range zones {
		for _, l := range lines {
			if count[l.key] < need {
				continue
			}
			if !first[l.key] {
				// Read once, where it first appears: a form's running
				// head is also its caption ("UNITED STATES DISTRICT
				// COURT ... CRIMINAL MINUTES").
				first[l.key] = true
				continue
			}
			out[i] = append(out[i], l.span)
		}
	}
	return out
}

// runningKey is a line as it recurs from page to page: without its line
// number, digits and spacing; "" for a line with fewer than four letters.
func runningKey(line string) string {
	line = strings.TrimLeft(line, " \t0123456789")
	var b strings.Builder
	letters := 0
	space := false
	for _, r := range line {
		switch {
		case unicode.IsDigit(r):
			r = '#'
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsLetter(r):
			letters++
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if letters < 4 {
		return ""
	}
	return b.String()
}

// blank returns text with the spans replaced by spaces, one for each code
// point, so that code-point offsets do not move. Newlines stay.
func blank(text string, spans []byteSpan) string {
	if len(spans) == 0 {
		return text
	}
	mask := make([]bool, len(text))
	for _, s := range spans {
		for k := s.start; k < s.end && k < len(text); k++ {
			mask[k] = true
		}
	}
	var b strings.Builder
	b.Grow(len(text))
	for k, r := range text {
		if mask[k] && r != '\n' {
			b.WriteByte(' ')
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
