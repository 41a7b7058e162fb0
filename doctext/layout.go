package doctext

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// glyph is one shown character. x runs along its text direction and y
// across it (up), in points; for upright text they are page coordinates.
type glyph struct {
	x, y, w, size float64
	orient        int
	s             string
}

// glyphChunk is the number of glyphs in one block of a glyphList.
const glyphChunk = 256

// glyphList holds a page's glyphs in fixed blocks: a growing slice would
// copy every glyph several times over and, growing by a quarter at a time
// once large, allocate about five times what it finally holds.
type glyphList struct {
	chunks [][]glyph
	n      int
}

func (l *glyphList) len() int { return l.n }

func (l *glyphList) add(g glyph) {
	ci := l.n / glyphChunk
	if ci == len(l.chunks) {
		l.chunks = append(l.chunks, make([]glyph, 0, glyphChunk))
	}
	c := &l.chunks[ci]
	*c = append(*c, g)
	l.n++
}

// reset empties l, keeping its blocks for the next page.
func (l *glyphList) reset() {
	for i := range l.chunks {
		l.chunks[i] = l.chunks[i][:0]
	}
	l.n = 0
}

// at returns glyph i, which stays where it is while more are added.
func (l *glyphList) at(i int) *glyph { return &l.chunks[i/glyphChunk][i%glyphChunk] }

// glyphRun is a run of glyphs shown one after another on one baseline.
type glyphRun struct {
	x0, x1, y, size float64
	text            string
	// start and end delimit text in the orientation's buffer while the
	// words are built; text is cut from it once, so a word of n glyphs
	// costs O(n), not the O(n²) of concatenating glyph by glyph.
	start, end int
	// spaced is true when the stream showed a space right before the word:
	// tightly justified lines can have spaces narrower than spaceGap.
	spaced bool
}

// Layout thresholds, as fractions of the font size.
const (
	spaceGap    = 0.15 // a gap wider than this between glyphs is a space
	baselineTol = 0.4  // glyphs this close across the line share a row
	sameGlyph   = 0.15 // a repeat this close is fake bold, printed twice
)

// layout turns a page's glyphs into lines of text in reading order: glyphs
// become words in the order the content stream shows them (so overlapping
// runs, like an underline of underscores drawn over a date, stay apart);
// words become rows by baseline, ordered left to right, with a space where
// the gap between words is wide enough. Upright text comes first, then
// each rotated orientation (margin stamps) as its own block.
func layout(gs *glyphList, sc *layoutScratch) string {
	var blocks []string
	var present [4]bool
	for i := range gs.len() {
		present[gs.at(i).orient&3] = true
	}
	buf, gaps := sc.buf, sc.gaps
	defer func() { sc.buf, sc.gaps = buf, gaps }()
	for orient := 0; orient < 4; orient++ {
		if !present[orient] {
			continue
		}
		words := sc.words[:0]
		var cur *glyphRun
		var prev *glyph
		spaced := false
		buf = buf[:0]
		gaps = streamGaps(gaps, gs, orient)
		for i := range gs.len() {
			g := gs.at(i)
			if g.orient != orient {
				continue
			}
			if isSpace(g.s) {
				cur, prev, spaced = nil, nil, true
				continue
			}
			if prev != nil && cur != nil {
				gap := g.x - (prev.x + prev.w)
				tol := math.Min(g.size, prev.size)
				switch {
				case g.s == prev.s && math.Abs(g.x-prev.x) < sameGlyph*g.size && math.Abs(g.y-prev.y) < baselineTol*tol:
					continue // fake bold
				case math.Abs(g.y-prev.y) > baselineTol*tol, gap > spaceGap*tol && !letterSpaced(gaps, i, tol), gap < -0.5*tol:
					cur = nil
				}
			}
			if cur == nil {
				words = append(words, glyphRun{x0: g.x, y: g.y, size: g.size, spaced: spaced, start: len(buf)})
				cur = &words[len(words)-1]
				spaced = false
			}
			buf = append(buf, g.s...)
			cur.end = len(buf)
			cur.x1 = g.x + g.w
			prev = g
		}
		text := string(buf)
		for i := range words {
			words[i].text = text[words[i].start:words[i].end]
		}
		if len(words) > 0 {
			blocks = append(blocks, rowsText(words, sc))
		}
		clear(words) // drop text, keep the storage
		sc.words = words[:0]
	}
	return strings.Join(blocks, "\n")
}

// layoutScratch is layout's working storage, kept from page to page: the
// words and gaps of a page are tens of kilobytes.
type layoutScratch struct {
	words []glyphRun
	buf   []byte
	gaps  []float64
	order []int32
}

// streamGaps returns, for each glyph of orientation orient, the gap after
// the previous glyph of that orientation in stream order (NaN for none),
// reusing gaps' storage.
func streamGaps(gaps []float64, gs *glyphList, orient int) []float64 {
	gaps = slices.Grow(gaps[:0], gs.len())[:gs.len()]
	var last *glyph
	for i := range gs.len() {
		gaps[i] = math.NaN()
		g := gs.at(i)
		if g.orient != orient {
			continue
		}
		if last != nil && !isSpace(g.s) && !isSpace(last.s) {
			gaps[i] = g.x - (last.x + last.w)
		}
		last = g
	}
	return gaps
}

// letterSpaced reports whether the gap before glyph i is one of a run of
// equal gaps — letter spacing, as in monospaced timestamps whose advance is
// wider than their glyphs — rather than a space between words. Two of the
// four neighbouring gaps must match, so that justified text, where the gap
// around a one-letter word repeats once, still breaks into words.
func letterSpaced(gaps []float64, i int, size float64) bool {
	g := gaps[i]
	if g > 0.4*size {
		return false
	}
	// Up to two defined gaps before i and two after.
	matches := 0
	for j, n := i-1, 0; j >= 0 && n < 2; j-- {
		if !math.IsNaN(gaps[j]) {
			if math.Abs(gaps[j]-g) < 0.03*size {
				matches++
			}
			n++
		}
	}
	for j, n := i+1, 0; j < len(gaps) && n < 2; j++ {
		if !math.IsNaN(gaps[j]) {
			if math.Abs(gaps[j]-g) < 0.03*size {
				matches++
			}
			n++
		}
	}
	return matches >= 2
}

// rowsText sorts words top to bottom, groups them into rows and each row
// left to right. Both sorts are stable (ties keep stream order, which
// start records) without the O(n log² n) of a stable merge sort, and move
// indexes rather than words.
func rowsText(words []glyphRun, sc *layoutScratch) string {
	order := slices.Grow(sc.order[:0], len(words))[:len(words)]
	defer func() { sc.order = order }()
	size := 0
	for i := range words {
		order[i] = int32(i)
		size += len(words[i].text) + 1
	}
	slices.SortFunc(order, func(a, b int32) int { return byRow(&words[a], &words[b]) })
	var b strings.Builder
	b.Grow(size)
	// A row is a run of words in y order within tolerance of its first.
	for first, ri := 0, 0; first < len(order); ri++ {
		end := first + 1
		ref := &words[order[first]]
		for end < len(order) && math.Abs(ref.y-words[order[end]].y) <= baselineTol*math.Max(ref.size, words[order[end]].size) {
			end++
		}
		row := order[first:end]
		first = end
		slices.SortFunc(row, func(ia, ib int32) int {
			a, b := &words[ia], &words[ib]
			switch {
			case a.x0 < b.x0:
				return -1
			case a.x0 > b.x0:
				return 1
			}
			return byRow(a, b) // the order the words had
		})
		if ri > 0 {
			b.WriteByte('\n')
		}
		var last *glyphRun
		for _, i := range row {
			w := &words[i]
			if last != nil {
				// The same word drawn twice at almost the same place: fake bold.
				if w.text == last.text && math.Abs(w.x0-last.x0) < sameGlyph*w.size*float64(utf8.RuneCountInString(w.text)) {
					continue
				}
				if w.spaced || w.x0-last.x1 > spaceGap*math.Min(w.size, last.size) || w.x0 < last.x1-0.5*w.size {
					b.WriteByte(' ')
				}
			}
			b.WriteString(w.text)
			last = w
		}
	}
	return b.String()
}

// byRow orders words top to bottom, ties in stream order.
func byRow(a, b *glyphRun) int {
	switch {
	case a.y > b.y:
		return -1
	case a.y < b.y:
		return 1
	}
	return cmp.Compare(a.start, b.start)
}

func isSpace(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && r != '\u00a0' {
			return false
		}
	}
	return true
}
