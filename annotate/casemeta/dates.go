package casemeta

import (
	"fmt"
	"github.com/casefile/casefile/annotate/internal/textscan"
	"strings"
	"time"

	"github.com/casefile/casefile/schemas"
)

// Dates in the forms filings write them, ISO-normalized.

var (
	// Abbreviations with or without their period: clerks' stamps print
	// "Oct 29, 2020".
	monthNames  = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`
	writtenDate = textscan.Lazy(`\b` + monthNames + `\s+(\d{1,2}),?\s+(\d{4})\b`)
	// 11 February 2022, as state courts and the military write it.
	dayMonthDate = textscan.Lazy(`\b(\d{1,2})\s+` + monthNames + `\s+(\d{4})\b`)
	// 31-Aug-2007, as Vermont's opinions print their filing date.
	dashedDate  = textscan.Lazy(`\b(\d{1,2})-` + monthNames + `-(\d{4})\b`)
	numericDate = textscan.Lazy(`\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b`)
	isoDate     = textscan.Lazy(`\b(\d{4})-(\d{2})-(\d{2})\b`)
)

// monthOf returns the month a name or abbreviation names, 0 if none.
func monthOf(name string) int {
	if len(name) < 3 {
		return 0
	}
	i := strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", strings.ToLower(name[:3]))
	if i < 0 || i%3 != 0 {
		return 0
	}
	return i/3 + 1
}

// dateForms read each date pattern's submatches into an ISO date, in the
// order findDates reports them.
// may is a cheap test of what every match of the form holds, so that
// findDates skips a window without it.
var dateForms = []dateForm{
	{writtenDate, func(m []string) (string, bool) {
		return isoDay(textscan.Atoi(m[3]), monthOf(m[1]), textscan.Atoi(m[2]))
	}, hasMonthName},
	{dayMonthDate, func(m []string) (string, bool) {
		return isoDay(textscan.Atoi(m[3]), monthOf(m[2]), textscan.Atoi(m[1]))
	}, hasMonthName},
	{dashedDate, func(m []string) (string, bool) {
		return isoDay(textscan.Atoi(m[3]), monthOf(m[2]), textscan.Atoi(m[1]))
	}, hasMonthName},
	{numericDate, numericISO, func(w string) bool { return strings.IndexByte(w, '/') >= 0 }},
	{isoDate, func(m []string) (string, bool) {
		return isoDay(textscan.Atoi(m[1]), textscan.Atoi(m[2]), textscan.Atoi(m[3]))
	}, func(w string) bool { return strings.IndexByte(w, '-') >= 0 }},
}

type dateForm struct {
	re    *textscan.Regexp
	parse func(m []string) (string, bool)
	may   func(window string) bool
}

// hasMonthName reports whether s holds the first three letters of a
// month's name, capitalized, as every written date does.
func hasMonthName(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] < 'A' || s[i] > 'S' {
			continue
		}
		switch s[i : i+3] {
		case "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec":
			return true
		}
	}
	return false
}

// numericISO reads 1/29/2009 or 06/07/19 (a two-digit year is 1970-2069).
func numericISO(m []string) (string, bool) {
	y := textscan.Atoi(m[3])
	if len(m[3]) == 2 {
		y += 2000
		if y > 2069 {
			y -= 100
		}
	}
	return isoDay(y, textscan.Atoi(m[1]), textscan.Atoi(m[2]))
}

func isoFromNumeric(s string) (string, bool) {
	m := numericDate.Get().FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	return numericISO(m)
}

// isoDay formats a calendar date, refusing days the month does not have
// ("February 30" is a typo or not a date, never March 2).
func isoDay(y, m, d int) (string, bool) {
	if m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100 {
		return "", false
	}
	if d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

// findDates returns DATE entities with ISO dates in attrs.
func findDates(p schemas.Page) []schemas.Entity {
	text := p.Text
	toRune := textscan.ByteToRune(text)
	var out []schemas.Entity
	for _, w := range dateWindows(text) {
		for _, f := range dateForms {
			if f.may(text[w[0]:w[1]]) {
				out = f.appendDates(out, p.Number, text, w[0], w[1], toRune)
			}
		}
	}
	return out
}

// dateWindows returns the stretches of text a date can be in. Every date
// form holds an anchor, a run of four digits (its year) or a digit, a
// slash and a digit (1/29/2009), and spans at most three lines that are
// not blank, with only whitespace between its parts ("November\n\n18,\n
// 2004"): so each line with an anchor, from the second line before it
// that is not blank, merged where they touch. Any line with a digit was
// read before, and on line-numbered transcripts and pleading paper that
// was every line of the page.
func dateWindows(text string) [][2]int {
	var out [][2]int
	prev1, prev2 := 0, 0 // starts of the last two lines that are not blank
	for start := 0; start < len(text); {
		end := len(text)
		if k := strings.IndexByte(text[start:], '\n'); k >= 0 {
			end = start + k
		}
		line := text[start:end]
		if hasDateAnchor(line) {
			from := prev2
			if n := len(out); n > 0 && out[n-1][1] >= from-1 {
				out[n-1][1] = end
			} else {
				out = append(out, [2]int{from, end})
			}
		}
		if strings.TrimSpace(line) != "" {
			prev2, prev1 = prev1, start
		}
		start = end + 1
	}
	return out
}

// hasDateAnchor reports whether line holds four digits in a row or a
// digit, a slash and a digit.
func hasDateAnchor(line string) bool {
	if digitRun(line, 4) {
		return true
	}
	for i := 1; i+1 < len(line); i++ {
		if line[i] == '/' && isDigit(line[i-1]) && isDigit(line[i+1]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// appendDates adds the dates of text[from:to] to out, with spans in the
// page's code points: every form over the whole stretch.
func appendDates(out []schemas.Entity, page int, text string, from, to int, toRune textscan.Offsets) []schemas.Entity {
	for _, f := range dateForms {
		out = f.appendDates(out, page, text, from, to, toRune)
	}
	return out
}

// appendDates adds the dates of form f in text[from:to] to out.
func (f dateForm) appendDates(out []schemas.Entity, page int, text string, from, to int, toRune textscan.Offsets) []schemas.Entity {
	for _, loc := range f.re.Get().FindAllStringSubmatchIndex(text[from:to], -1) {
		shiftMatch(loc, from)
		m := make([]string, len(loc)/2)
		for k := range m {
			m[k] = text[loc[2*k]:loc[2*k+1]]
		}
		if iso, ok := f.parse(m); ok {
			out = append(out, schemas.Entity{Type: schemas.Date, Text: m[0], Page: page,
				Start: toRune.At(loc[0]), End: toRune.At(loc[1]), Normalized: iso, Source: schemas.SourceRule,
				Attrs: &schemas.DateAttrs{ISO: iso}})
		}
	}
	return out
}

// parseDate reads one written or numeric date, as the date patterns match
// them.
func parseDate(s string) (string, bool) {
	for _, f := range dateForms {
		if m := f.re.Get().FindStringSubmatch(s); m != nil {
			return f.parse(m)
		}
	}
	return "", false
}
