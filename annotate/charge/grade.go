package charge

import (
	"strings"

	"github.com/casefile/casefile/annotate/internal/textscan"
)

// Penal codes name offenses of their own by a grade or an aggravation
// word before a listed head: "aggravated assault", "armed robbery",
// "capital murder", "felony murder", "involuntary manslaughter",
// "first degree premeditated murder",
// "vehicular homicide", "simple assault", "domestic battery",
// "residential burglary". Read
// without it, the head names another, lesser offense ("murder" for
// "felony murder"), so the word is taken into the name. The words are a
// closed class of form, typed by hand (not taken from any gold file);
// a degree and an attempt may stand before them ("first-degree felony
// murder", "attempted felony murder").

// gradeWords are the words that, before an offense's head, make the
// name of another offense.
var gradeWords = textscan.Set("aggravated", "armed", "capital", "felony", "misdemeanor", "involuntary", "voluntary",
	"vehicular", "simple", "domestic", "negligent", "reckless", "criminal", "heinous", "strong-arm", "grand", "petty",
	"petit", "premeditated", "residential")

// gradedOffense extends the listed offense matched at text[s:] (its name
// offense, read without a degree or an attempt before it) leftward over a
// grade word, and over a degree and "attempted" before that. It returns
// the new start and name, or ok false when no grade word stands there.
func gradedOffense(text string, s int, offense string) (start int, name string, ok bool) {
	var grade phraseWord
	if s > 0 && text[s-1] == '-' {
		// "felony-murder": the grade joined by a hyphen.
		ws := wordsBack(text, s-1, 1)
		if len(ws) == 0 || strings.Contains(ws[0].lower, "-") {
			return s, offense, false
		}
		grade = ws[0]
	} else {
		ws := wordsBack(text, s, 1)
		if len(ws) == 0 || !sameLineGap(text, ws[0].end, s) {
			return s, offense, false
		}
		grade = ws[0]
	}
	if !gradeWords[grade.lower] {
		return s, offense, false
	}
	start, name = grade.start, grade.lower+" "+offense
	rest := wordsBack(text, start, 3)
	deg, att := "", false
	switch {
	case len(rest) >= 2 && rest[0].lower == "degree" && degreeWords[rest[1].lower] != "":
		deg, start, rest = degreeWords[rest[1].lower], rest[1].start, rest[2:]
	case len(rest) >= 1 && strings.HasSuffix(rest[0].lower, "-degree") && degreeWords[strings.TrimSuffix(rest[0].lower, "-degree")] != "":
		deg, start, rest = degreeWords[strings.TrimSuffix(rest[0].lower, "-degree")], rest[0].start, rest[1:]
	}
	if len(rest) >= 1 && rest[0].lower == "attempted" {
		att, start = true, rest[0].start
	}
	if deg != "" && !strings.Contains(name, " degree") {
		name += " in the " + deg + " degree"
	}
	if att {
		name = "attempted " + name
	}
	return start, name, true
}

// sameLineGap reports whether text[a:b] is blanks without a line break:
// a grade word at the end of the line before belongs to other text.
func sameLineGap(text string, a, b int) bool {
	gap := text[a:b]
	return gap != "" && strings.Trim(gap, " \t") == ""
}
