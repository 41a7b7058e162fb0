package charge

import (
	_ "embed"
	"regexp"
	"strings"
)

// statecodesTSV holds the Bluebook abbreviations of the state,
// District of Columbia and territorial codes and the shape of their
// citations, generated from Free Law Project's reporters-db by
// gen_statecodes.go.
//
//go:embed statecodes.tsv
var statecodesTSV string

// genSec is the section number of a generated code: the numbering of
// the states' codes is of one to four parts (one of up to five digits:
// "tit. 13, § 1024") joined by hyphens, periods
// or colons ("11.41.100", "97-3-19", "707-701", "630:1", "12.1-16-01",
// "61-2-1"), the first part possibly lettered ("13A-5-40").
const genSec = `\d{1,5}[A-Za-z]{0,2}(?:[-.:]\d{1,4}[A-Za-z]{0,2}){0,3}`

// generatedCodes builds a code for each code of the table tsv (lines of
// jurisdiction, abbreviation, shape, canonical abbreviation) that no code
// of hand covers: one whose names already match the abbreviation in its
// shape. Rows of one canonical abbreviation and shape make one code,
// which reads the Bluebook form ("Alaska Stat. § 11.41.100", "Del. Code
// Ann. tit. 11, § 636", "Mass. Ann. Laws ch. 265, § 1", "9 Guam Code Ann.
// § 16.30"), its section also before the name ("section 97-3-19, Miss.
// Code Ann."), and only in criminal context (a state's code holds its
// civil law too).
func generatedCodes(hand []*code, tsv string) []*code {
	// Each hand name compiled once, not once per row: per row it cost
	// 200 ms at the first charge lookup of every process.
	var handNames []*regexp.Regexp
	for _, c := range hand {
		for _, n := range c.names {
			handNames = append(handNames, regexp.MustCompile(`^(?:`+n+`)$`))
		}
	}
	var out []*code
	byKey := map[string]*code{}
	for _, line := range strings.Split(tsv, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			continue
		}
		abbrev, shape, canon := f[1], f[2], f[3]
		if covered(handNames, abbrev, shape) {
			continue
		}
		name := abbrevPattern(abbrev)
		var canonForm string
		switch shape {
		case "section":
			canonForm = canon + " § {s}"
		case "title":
			name += `,?\s+tit\.\s?(?P<t>\d{1,3}(?:-[A-Z])?),?`
			canonForm = canon + " tit. {t}, § {s}"
		case "chapter":
			name += `,?\s+ch\.\s?(?P<t>\d{1,3}[A-Z]?),?`
			canonForm = canon + " ch. {t}, § {s}"
		case "pretitle":
			name = `(?:(?P<t>\d{1,3})\s+)?` + name
			canonForm = "{t} " + canon + " § {s}"
		default:
			continue
		}
		key := canon + ":" + shape
		if c := byKey[key]; c != nil {
			c.names = append(c.names, name)
			continue
		}
		c := &code{id: "gen:" + key, canon: canonForm, names: []string{name}, sec: genSec, before: shape == "section", inContext: true}
		// The trigger is the abbreviation without "Ann.", as written with
		// its blanks and with the first one after a period left out
		// ("w. va. code", "w.va. code").
		low := strings.TrimSuffix(strings.ToLower(canon), " ann.")
		c.triggers = []string{low}
		if squeezed := strings.Replace(low, ". ", ".", 1); squeezed != low {
			c.triggers = append(c.triggers, squeezed)
		}
		byKey[key] = c
		out = append(out, c)
	}
	return out
}

// abbrevPattern is the regexp of an abbreviation as written: a blank
// after a period may be left out ("W.Va. Code"), other blanks may be
// several, and "Ann." at its end may be left out or added (the annotated
// and official editions are cited alike).
func abbrevPattern(abbrev string) string {
	q := regexp.QuoteMeta(strings.TrimSuffix(abbrev, " Ann."))
	q = strings.ReplaceAll(q, `\. `, `\.\s?`)
	return strings.ReplaceAll(q, " ", `\s+`) + `(?:\s+Ann\.)?`
}

// covered reports whether a code of hand reads the abbreviation in its
// shape: one of its names, anchored, matches the abbreviation written in
// that shape whole.
func covered(names []*regexp.Regexp, abbrev, shape string) bool {
	s := abbrev
	switch shape {
	case "title":
		s += " tit. 1,"
	case "chapter":
		s += " ch. 1,"
	case "pretitle":
		s = "1 " + abbrev
	}
	for _, n := range names {
		if n.MatchString(s) {
			return true
		}
	}
	return false
}

// contextBefore is how far before a citation criminalContext looks.
const contextBefore = 160

// criminalWords are stems of the words of criminal context.
var criminalWords = []string{"violat", "convict", "charg", "guilt", "offens", "offenc", "crim", "felon", "misdemeanor",
	"prohibit", "unlawful", "penal", "prosecut", "indict", "sentenc", "arrest"}

// criminalContext reports whether the text before a citation is about a
// crime: a citation of a state code after "convicted of", "in violation
// of", "a felony under" cites an offense; one in a civil opinion
// ("attorney's fees under") does not.
func criminalContext(before string) bool {
	low := strings.ToLower(before)
	for _, w := range criminalWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}
