package textscan

import (
	"strconv"
	"strings"
)

// ParseNumber reads a number written in digits ("1,250", "1.5", "$25" is
// not a number, "25" is) or in words ("five", "nineteen", "two hundred",
// "a dozen", "twenty-one"). It returns false for anything else.
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "" {
		return 0, false
	}
	if c := s[0]; c >= '0' && c <= '9' {
		d := strings.ReplaceAll(s, ",", "")
		v, err := strconv.ParseFloat(d, 64)
		if err != nil || strings.ContainsAny(d, "eExXpP_+-") {
			return 0, false
		}
		return v, true
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' })
	if len(words) == 0 {
		return 0, false
	}
	if words[0] == "a" || words[0] == "an" {
		if len(words) == 2 && words[1] == "dozen" {
			return 12, true
		}
		words = append([]string{"one"}, words[1:]...)
	}
	total, current := 0.0, 0.0
	seen := false
	for i, w := range words {
		if w == "and" && i > 0 {
			continue
		}
		if v, ok := smallNumbers[w]; ok {
			current += v
			seen = true
			continue
		}
		switch w {
		case "hundred":
			if !seen {
				return 0, false
			}
			current *= 100
		case "thousand", "million", "billion":
			if !seen {
				return 0, false
			}
			total += current * ScaleWords[w]
			current = 0
		case "dozen":
			if !seen {
				return 0, false
			}
			current *= 12
		default:
			return 0, false
		}
	}
	if !seen {
		return 0, false
	}
	return total + current, true
}

var smallNumbers = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// ScaleWords are the number words that multiply what precedes them.
var ScaleWords = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9}

// IsNumberWord reports whether w can be part of a number in words.
func IsNumberWord(w string) bool {
	w = strings.ToLower(w)
	_, small := smallNumbers[w]
	_, scale := ScaleWords[w]
	return small || scale || w == "hundred" || w == "dozen"
}
