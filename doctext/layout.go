package doctext

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// glyph is one shown character. x runs along its text direction and y
// across it (up), in points; for upright text they are page coordinates.
type glyph struct {
	x, y, w, size float64
	orient        int
	s             string
}

// glyphRun is a run of glyphs shown one after another on one baseline.
type glyphRun struct {
	x0, x1, y, size float64
	text            string
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
func layout(gs []glyph) string {
	var blocks []string
	for orient := 0; orient < 4; orient++ {
		var words []glyphRun
		var cur *glyphRun
		var prev *glyph
		spaced := false
		gaps := streamGaps(gs, orient)
		for i := range gs {
			g := &gs[i]
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
				words = append(words, glyphRun{x0: g.x, y: g.y, size: g.size, spaced: spaced})
				cur = &words[len(words)-1]
				spaced = false
			}
			cur.text += g.s
			cur.x1 = g.x + g.w
			prev = g
		}
		if len(words) > 0 {
			blocks = append(blocks, rowsText(words))
		}
	}
	return strings.Join(blocks, "\n")
}

// streamGaps returns, for each glyph of orientation orient, the gap after
// the previous glyph of that orientation in stream order (NaN for none).
func streamGaps(gs []glyph, orient int) []float64 {
	gaps := make([]float64, len(gs))
	last := -1
	for i := range gs {
		gaps[i] = math.NaN()
		if gs[i].orient != orient {
			continue
		}
		if last >= 0 && !isSpace(gs[i].s) && !isSpace(gs[last].s) {
			gaps[i] = gs[i].x - (gs[last].x + gs[last].w)
		}
		last = i
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
	matches := 0
	for _, j := range neighbourGaps(gaps, i) {
		if math.Abs(gaps[j]-g) < 0.03*size {
			matches++
		}
	}
	return matches >= 2
}

// neighbourGaps returns the indexes of up to two defined gaps before i and
// two after.
func neighbourGaps(gaps []float64, i int) []int {
	var out []int
	for j, n := i-1, 0; j >= 0 && n < 2; j-- {
		if !math.IsNaN(gaps[j]) {
			out = append(out, j)
			n++
		}
	}
	for j, n := i+1, 0; j < len(gaps) && n < 2; j++ {
		if !math.IsNaN(gaps[j]) {
			out = append(out, j)
			n++
		}
	}
	return out
}

func rowsText(words []glyphRun) string {
	sort.SliceStable(words, func(i, j int) bool { return words[i].y > words[j].y })
	var rows [][]glyphRun
	for _, w := range words {
		if n := len(rows); n > 0 {
			ref := rows[n-1][0]
			if math.Abs(ref.y-w.y) <= baselineTol*math.Max(ref.size, w.size) {
				rows[n-1] = append(rows[n-1], w)
				continue
			}
		}
		rows = append(rows, []glyphRun{w})
	}
	var b strings.Builder
	for ri, row := range rows {
		sort.SliceStable(row, func(i, j int) bool { return row[i].x0 < row[j].x0 })
		if ri > 0 {
			b.WriteByte('\n')
		}
		var last *glyphRun
		for i := range row {
			w := &row[i]
			if last != nil {
				// The same word drawn twice at almost the same place: fake bold.
				if w.text == last.text && math.Abs(w.x0-last.x0) < sameGlyph*w.size*float64(len([]rune(w.text))) {
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

func isSpace(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && r != '\u00a0' {
			return false
		}
	}
	return true
}
