package extractors

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/casefile/casefile/schemas"
)

// Dates in the forms filings write them, ISO-normalized.

var (
	// Abbreviations with or without their period: clerks' stamps print
	// "Oct 29, 2020".
	monthNames  = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`
	writtenDate = lazy(`\b` + monthNames + `\s+(\d{1,2}),?\s+(\d{4})\b`)
	// 11 February 2022, as state courts and the military write it.
	dayMonthDate = lazy(`\b(\d{1,2})\s+` + monthNames + `\s+(\d{4})\b`)
	numericDate  = lazy(`\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b`)
	isoDate      = lazy(`\b(\d{4})-(\d{2})-(\d{2})\b`)
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

func isoFromNumeric(s string) (string, bool) {
	m := numericDate.get().FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	mo, _ := strconv.Atoi(m[1])
	d, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	if len(m[3]) == 2 {
		y += 2000
		if y > 2069 {
			y -= 100
		}
	}
	return isoDay(y, mo, d)
}

func isoDay(y, m, d int) (string, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100 {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

// findDates returns DATE entities with ISO dates in attrs.
func findDates(p schemas.Page) []schemas.Entity {
	text := p.Text
	toRune := byteToRune(text)
	var out []schemas.Entity
	add := func(start, end int, iso string) {
		out = append(out, schemas.Entity{Type: schemas.Date, Text: text[start:end], Page: p.Number,
			Start: toRune[start], End: toRune[end], Normalized: iso, Source: schemas.SourceRule,
			Attrs: map[string]any{"iso": iso}})
	}
	for _, m := range writtenDate.get().FindAllStringSubmatchIndex(text, -1) {
		d, _ := strconv.Atoi(text[m[4]:m[5]])
		y, _ := strconv.Atoi(text[m[6]:m[7]])
		if iso, ok := isoDay(y, monthOf(text[m[2]:m[3]]), d); ok {
			add(m[0], m[1], iso)
		}
	}
	for _, m := range dayMonthDate.get().FindAllStringSubmatchIndex(text, -1) {
		d, _ := strconv.Atoi(text[m[2]:m[3]])
		y, _ := strconv.Atoi(text[m[6]:m[7]])
		if iso, ok := isoDay(y, monthOf(text[m[4]:m[5]]), d); ok {
			add(m[0], m[1], iso)
		}
	}
	for _, m := range numericDate.get().FindAllStringIndex(text, -1) {
		if iso, ok := isoFromNumeric(text[m[0]:m[1]]); ok {
			add(m[0], m[1], iso)
		}
	}
	for _, m := range isoDate.get().FindAllStringSubmatchIndex(text, -1) {
		y, _ := strconv.Atoi(text[m[2]:m[3]])
		mo, _ := strconv.Atoi(text[m[4]:m[5]])
		d, _ := strconv.Atoi(text[m[6]:m[7]])
		if iso, ok := isoDay(y, mo, d); ok {
			add(m[0], m[1], iso)
		}
	}
	return out
}

// parseDate reads one written or numeric date, as the date patterns match
// them.
func parseDate(s string) (string, bool) {
	if m := writtenDate.get().FindStringSubmatch(s); m != nil {
		d, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		return isoDay(y, monthOf(m[1]), d)
	}
	if m := dayMonthDate.get().FindStringSubmatch(s); m != nil {
		d, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[3])
		return isoDay(y, monthOf(m[2]), d)
	}
	return isoFromNumeric(s)
}
