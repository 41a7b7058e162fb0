package textscan

import (
	"maps"
	"slices"
	"unicode"
)

// Months are the month names, lower case, in calendar order.
var Months = []string{"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december"}

// Weekdays are the day names, lower case.
var Weekdays = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// NumberWords returns the number words ParseNumber reads below a hundred
// ("zero" … "ninety"), sorted.
func NumberWords() []string { return slices.Sorted(maps.Keys(smallNumbers)) }

// Calendar returns Months and Weekdays followed by more words, for the
// sets of capitalized words that are never names.
func Calendar(more ...string) map[string]bool {
	return Set(slices.Concat(Months, Weekdays, more)...)
}

// IsDigits reports whether s is one or more ASCII digits.
func IsDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Atoi returns the value of s, which must pass IsDigits: it checks
// nothing, and a sign or a longer number than an int holds reads wrong.
func Atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// LetterCase counts the capitals among the letters of s.
func LetterCase(s string) (upper, letters int) {
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return upper, letters
}

// Suffixes are the generational suffixes that end a person's name, lower
// case, with and without their period.
var Suffixes = Set("jr.", "sr.", "ii", "iii", "iv", "jr", "sr")
