package charge

import (
	"sort"
	"strings"

	"github.com/casefile/casefile/annotate/internal/textscan"
)

// Offenses named by their phrase rather than by a listed head are read
// from the court language that introduces them: "convicted of", "charged
// with", "pled guilty to", "found guilty of", "indicted for", "the offense
// of", "conviction for", "on parole for", "charges of", "counts of", and "including" after
// "charges", "crimes", "offenses" or "counts". What follows is read as a
// list of noun phrases ("X, Y, and Z"), each up to a boundary: sentence
// punctuation, a clause word ("which", "under", "in violation of", a
// pronoun, an auxiliary), a capitalized word inside lower-case text, or a
// preposition that does not continue an offense name. A phrase is kept
// only when it looks like an offense name: no determiner, pronoun or
// number first, no generic word ("crime", "felony", "charges"), at most
// maxPhraseWords words, not a verb with its object ("sentenced to").

// maxPhraseWords caps an offense phrase read from context.
const maxPhraseWords = 12

// triggerWords are the words a context trigger starts with.
var triggerWords = textscan.Set("convicted", "acquitted", "conviction", "convictions", "charged", "charge", "charges", "guilty",
	"indicted", "counts", "count", "offense", "offenses", "crime", "crimes", "arrested", "including", "felony", "misdemeanor",
	"charging", "parole", "probation", "guilt")

// notPhraseStart may not open an offense phrase: determiners, pronouns,
// quantifiers, generic nouns.
var notPhraseStart = textscan.Set("a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "my",
	"our", "your", "him", "them", "it", "he", "she", "they", "we", "you", "i", "me", "us", "any", "all", "each", "every",
	"some", "such", "other", "another", "several", "multiple", "various", "both", "one", "two", "three", "four", "five",
	"six", "seven", "eight", "nine", "ten", "whether", "what", "which", "who", "how", "not", "no", "being", "having",
	"having", "committing", "count", "counts", "and", "or", "but", "if", "so", "as", "at", "in", "on", "by", "for", "to",
	"of", "with", "from", "under", "after", "before", "respect", "regard", "relation", "connection", "also", "only",
	"just", "more", "less", "same", "new", "prior", "previous", "similar", "related", "additional", "separate",
	"lesser", "serious", "violent", "intent", "purposes", "purpose", "elsewhere", "even", "though", "however", "yet", "still", "further", "again")

// genericWords make a phrase a category or a procedural noun, not an
// offense name.
var genericWords = textscan.Set("crime", "crimes", "offense", "offenses", "offence", "offences", "felony", "felonies",
	"misdemeanor", "misdemeanors", "charge", "charges", "count", "counts", "violation", "violations", "case", "cases",
	"conduct", "activity", "activities", "conviction", "convictions", "sentence", "sentences", "indictment",
	"information", "complaint", "matter", "matters", "thing", "things", "act", "acts", "allegation", "allegations",
	"responsibility", "duty", "duties", "task", "tasks", "job", "function", "defendant", "defendants", "person",
	"people", "man", "woman", "men", "women", "others", "someone", "anyone", "something", "anything", "nothing",
	"wrongdoing", "misconduct", "contempt", "negligence", "liability", "breach", "claim", "claims", "count", "court",
	"jury", "law", "laws", "statute", "statutes", "section", "sections", "title", "code", "degree", "degrees", "class",
	"arrest", "arrests", "trial", "trials", "purposes", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th")

// endWords end an offense phrase and the list it is in.
var endWords = textscan.Set("which", "that", "who", "whom", "whose", "when", "where", "after", "before", "because",
	"since", "until", "unless", "although", "though", "if", "as", "at", "on", "against", "under", "pursuant", "per",
	"was", "were", "is", "are", "be", "been", "being", "had", "has", "have", "would", "will", "shall", "should", "can",
	"could", "may", "might", "must", "did", "do", "does", "not", "he", "she", "they", "it", "his", "her", "their", "its",
	"him", "them", "we", "i", "you", "also", "but", "so", "then", "than", "including", "during", "into", "onto",
	"about", "through", "throughout", "between", "within", "upon", "toward", "towards", "via", "there", "here", "now",
	"today", "yesterday", "in", "for", "with", "while", "from", "stemming", "arising", "resulting", "related",
	"relating", "involving", "concerning", "regarding", "following", "based", "sentenced", "charged", "convicted",
	"indicted", "arrested", "pled", "pleaded", "faces", "facing", "face", "each", "all", "both", "pending")

// weaponNouns may follow "with a" in an offense name ("robbery with a
// firearm", "assault with a deadly weapon").
var weaponNouns = textscan.Set("firearm", "firearms", "weapon", "weapons", "gun", "guns", "handgun", "handguns",
	"knife", "pistol", "revolver", "rifle", "shotgun", "explosive", "explosives", "instrument", "deadly", "dangerous")

// occupancyWords qualify the building or vehicle a shooting statute
// names as its target ("at an occupied building", "into an inhabited
// dwelling"): a closed class of form, typed by hand.
var occupancyWords = textscan.Set("occupied", "unoccupied", "inhabited", "uninhabited")

// licenceNouns may follow "without a" ("manufacturing firearms without a
// license").
var licenceNouns = textscan.Set("license", "licence", "permit", "registration", "authorization", "authority", "consent")

// contextTrigger reports where the offense list introduced at token i of
// ts starts (a token index), or -1.
func contextTrigger(ts []tok, i int) int {
	w := ts[i].lower
	next := func(k int) string {
		if i+k < len(ts) && ts[i+k].kind == 'w' {
			return ts[i+k].lower
		}
		return ""
	}
	switch w {
	case "convicted", "acquitted", "arrested", "indicted":
		// "A jury convicted defendant of", "convicted him of", "the
		// jury convicted Jane Doe, the defendant, of": the person
		// convicted between the verb and "of".
		if k := afterObject(ts, i+1); k > i+1 && k < len(ts) && ts[k].lower == "of" && w != "arrested" {
			return k + 1
		}
		switch next(1) {
		case "of", "for":
			return i + 2
		case "on":
			if (next(2) == "charges" || next(2) == "charge") && next(3) == "of" {
				return i + 4
			}
		}
	case "conviction", "convictions":
		if n := next(1); n == "for" || n == "of" {
			return i + 2
		}
	case "parole", "probation":
		// "on parole for criminal threats", "on federal probation for
		// robbery": the offense the term was imposed for. Not "life
		// without parole for juveniles", nor "probation for two years"
		// (a number opens no offense phrase).
		on := i >= 1 && ts[i-1].lower == "on" ||
			i >= 2 && ts[i-2].lower == "on" && ts[i-1].kind == 'w' && !ts[i-1].cap
		if on && next(1) == "for" {
			return i + 2
		}
	case "charge", "charges", "offense", "offenses", "crime", "crimes", "count", "counts":
		// "the crime of murder"; not "in charge of", nor a class of
		// crimes ("crimes of dishonesty").
		if next(1) == "of" && w != "crimes" && w != "offenses" && !(i > 0 && ts[i-1].lower == "in") {
			return i + 2
		}
		// "one count each of grand theft of a firearm and grand theft
		// auto": one count of every offense listed.
		if (w == "count" || w == "counts") && next(1) == "each" && next(2) == "of" {
			return i + 3
		}
		if w == "charges" || w == "offenses" || w == "crimes" || w == "counts" {
			return -1
		}
	case "felony", "misdemeanor":
		// A class or level before the offense it grades: "Level 3
		// felony armed robbery", "Class A misdemeanor battery"; not after
		// an article, where the grade modifies a noun ("the Class A
		// felony sentencing range").
		if i >= 2 && classWords[ts[i-2].lower] && designator(ts[i-1]) && next(1) != "" && !ts[i+1].cap &&
			(i < 3 || !determiners[ts[i-3].lower]) {
			return i + 1
		}
		return -1
	case "charged":
		// "charged with", "charged him as an adult with"; the
		// defendant named: "charged Smith with", "charged Jane Doe with".
		k := i + 1
		for k < i+3 && k < len(ts) && ts[k].kind == 'w' && ts[k].cap && !ts[k].upper {
			k++
		}
		// "charged him with", "charged defendant with".
		if k == i+1 {
			if a := afterObject(ts, k); a > k && a < len(ts) && ts[a].lower == "with" {
				return a + 1
			}
		}
		if k > i+1 && (k >= len(ts) || ts[k].lower != "with") {
			return -1
		}
		return afterWithin(ts, k, "with", 6)
	case "charging":
		// A charging paper's words: "a petition charging minor A.V.,
		// age 15, with", "an information charging him with". The person
		// charged (names, initials, an age) stands between the verb and
		// "with", in one sentence.
		for k := i + 1; k < len(ts) && k <= i+12; k++ {
			t := ts[k]
			if t.kind == 'w' && t.lower == "with" {
				return k + 1
			}
			if t.kind == 'p' && (t.lower == ";" || t.lower == ":" || t.lower == "." && !(k > 0 && ts[k-1].kind == 'w' && len(ts[k-1].lower) == 1)) ||
				t.kind == 'w' && (endWords[t.lower] || triggerWords[t.lower]) {
				return -1
			}
		}
		return -1
	case "guilt":
		// "the judgment of his guilt of the transfer of a controlled
		// substance": the noun, as "guilty of".
		if next(1) == "of" {
			return i + 2
		}
	case "guilty":
		// "found not guilty of burglary" names the offense too; "pled
		// not guilty to" is read no further.
		if i > 0 && ts[i-1].lower == "not" && next(1) != "of" {
			return -1
		}
		if next(1) == "of" {
			return i + 2
		}
		// "pled guilty to", "pled guilty as an adult in state court to".
		return afterWithin(ts, i+1, "to", 7)
	case "including":
		// "charges, including", "new crimes in 2003, including".
		for k := i - 1; k >= 0 && k >= i-10; k-- {
			if ts[k].kind == 'p' && (ts[k].lower == "." || ts[k].lower == ";") {
				break
			}
			switch ts[k].lower {
			case "charges", "offenses", "crimes", "counts", "offences":
				return i + 1
			}
		}
	}
	return -1
}

// personObjects are the words that name the person convicted, acquitted
// or charged between the verb and its preposition: "convicted him of",
// "charged defendant with".
var personObjects = textscan.Set("him", "her", "them", "defendant", "defendants", "respondent", "petitioner", "appellant",
	"the", "both")

// afterObject returns the token index after the person named at token i
// (a pronoun, "defendant", up to four capitalized words, commas between:
// "defendant, Jane Doe,"), or i when none is named there.
func afterObject(ts []tok, i int) int {
	k := i
	for n := 0; k < len(ts) && n < 6; n++ {
		t := ts[k]
		switch {
		case t.kind == 'w' && personObjects[t.lower]:
		case t.kind == 'w' && t.cap && !t.upper && !triggerWords[t.lower]:
		case t.kind == 'p' && t.lower == "," && k > i:
		default:
			return k
		}
		k++
	}
	return k
}

// afterWithin returns the token index after the word w found within n
// words from token i, with only lower-case words before it, or -1.
func afterWithin(ts []tok, i int, w string, n int) int {
	for k := i; k < len(ts) && k < i+n; k++ {
		if ts[k].kind != 'w' || ts[k].cap && !ts[k].upper {
			return -1
		}
		if ts[k].lower == w {
			return k + 1
		}
		if endWords[ts[k].lower] && ts[k].lower != "in" && ts[k].lower != "as" && ts[k].lower != "an" || ts[k].lower == "and" || ts[k].lower == "or" || ts[k].lower == "order" {
			return -1
		}
	}
	return -1
}

// phrase is an offense phrase found in text: its byte span and name.
type phrase struct {
	s, e int
	name string
}

// contextOffenses finds the offense phrases introduced by court language
// on a page.
func contextOffenses(text string) []phrase {
	var out []phrase
	starts := textscan.WordStarts(text, 0, func(w, _ string) bool { return triggerWords[w] })
	last := 0
	for _, c := range starts {
		if c < last {
			continue
		}
		// A few tokens of left context for "including".
		from := max(0, c-120)
		ts := tokensFrom(text, from, 80)
		i := 0
		for i < len(ts) && ts[i].s < c {
			i++
		}
		if i == len(ts) {
			continue
		}
		at := contextTrigger(ts, i)
		if at < 0 || at >= len(ts) {
			continue
		}
		ps, end := readList(ts, at)
		out = append(out, ps...)
		last = max(last, end)
	}
	return out
}

// readList reads the offense phrases of a list from token i: items
// separated by commas, "and" or "or". It returns the phrases kept and the
// byte offset where reading stopped.
func readList(ts []tok, i int) ([]phrase, int) {
	var out []phrase
	end := ts[i].s
	prevAnd := false
	for n := 0; i < len(ts) && n < maxListItems; n++ {
		p, next, sep, ok := readItem(ts, i)
		if !ok {
			// "fourth-degree conspiracy, petit larceny", "social service
			// law, petit larceny": an offense by its degree (the degree
			// rule reads it) or a statute named as a charge does not end
			// a charging list; the items after it are read. Not as the
			// list's first item: a comma after it need not separate
			// items ("conviction for second-degree drug possession,
			// appellant ... argues").
			k := skippedItemEnd(ts, i)
			if n == 0 || k < 0 {
				break
			}
			prevAnd = ts[k].lower != ","
			i = k + 1
			if !prevAnd && i < len(ts) && (ts[i].lower == "and" || ts[i].lower == "or") {
				i++
				prevAnd = true
			}
			continue
		}
		// "convicted felon and drug addict in possession of a
		// firearm": a possession phrase shared by two nouns.
		if prevAnd && len(out) > 0 && !strings.Contains(out[len(out)-1].name, " of ") && strings.Contains(p.name, "in possession of") {
			prev := out[len(out)-1]
			p = phrase{prev.s, p.e, prev.name + " and " + p.name}
			out = out[:len(out)-1]
		}
		// "depriving animals of nourishment and shelter": one noun after
		// "and" that names no offense is a second object of the "of"
		// that ends the gerund's item before.
		if prevAnd && len(out) > 0 && !strings.Contains(p.name, " ") && !endsWithOffense(p.name) && ofObjectEnd(out[len(out)-1].name) {
			prev := out[len(out)-1]
			p = phrase{prev.s, p.e, prev.name + " and " + p.name}
			out = out[:len(out)-1]
		}
		out = append(out, p)
		end = p.e
		// "conspiracy to commit a felony (armed robbery)": an offense in
		// parentheses names the object; "(cocaine)" is skipped.
		if sep == "" && next < len(ts) && ts[next].lower == "(" {
			q, after, _, ok := readItem(ts, next+1)
			if after < len(ts) && ts[after].lower == ")" {
				if ok && endsWithOffense(q.name) {
					out = append(out, q)
				}
				if after+1 < len(ts) && ts[after+1].lower == "," {
					sep, next = ",", after+2
				}
			}
			// "phencyclidine ("PCP")1 and felony possession of ...": a
			// short form defined in parentheses (and a footnote mark
			// glued to it) does not end the list.
			if sep == "" {
				sep, next = afterParenthetical(ts, next)
			}
		}
		// "X, a Class 2 felony, and Y": the class of X in apposition.
		if sep == "," {
			if k, more := classApposition(ts, next); k >= 0 {
				if !more {
					break
				}
				next = k
			}
		}
		if sep != "," && sep != "and" && sep != "or" {
			break
		}
		prevAnd = sep != ","
		i = next
		// ", and" / ", or".
		if sep == "," && i < len(ts) && (ts[i].lower == "and" || ts[i].lower == "or") {
			i++
		}
	}
	return out, end
}

// maxListItems caps the items of one charging list (New York's releases
// list a dozen: "enterprise corruption, first-degree money laundering,
// ..., petit larceny and attempted petit larceny").
const maxListItems = 16

// skippedItemEnd returns the index of the separator (a comma, "and" or
// "or") after a list item at token i that readItem does not keep but that
// names a charge all the same, or -1: an offense by its degree
// ("fourth-degree conspiracy", "second degree assault") or a statute
// named by its law ("social service law", "Vehicle and Traffic Law"),
// lower-case or capitalized words up to the separator, on with the list.
func skippedItemEnd(ts []tok, i int) int {
	degree := false
	switch {
	case i < len(ts) && strings.HasSuffix(ts[i].lower, "-degree") && degreeWords[strings.TrimSuffix(ts[i].lower, "-degree")] != "":
		degree = true
	case i+1 < len(ts) && degreeWords[ts[i].lower] != "" && ts[i+1].lower == "degree":
		degree = true
	}
	k := i
	// The degree rule has read a degree's item whole ("first-degree
	// offering a false instrument for filing"), so its words are not
	// tested against endWords.
	for k < len(ts) && k-i < maxPhraseWords && ts[k].kind == 'w' && ts[k].lower != "and" && ts[k].lower != "or" && (degree || !endWords[ts[k].lower]) {
		k++
	}
	if k == i || k >= len(ts) || (ts[k].lower != "," && ts[k].lower != "and" && ts[k].lower != "or") {
		return -1
	}
	if !degree && ts[k-1].lower != "law" {
		return -1
	}
	return k
}

// ofObjectEnd reports whether name, a gerund's phrase, ends with "of"
// and one noun: "depriving animals of nourishment". A noun's ("possession
// of cocaine") is left alone: "and heroin" after it is another drug, not
// a word of its name.
func ofObjectEnd(name string) bool {
	f := strings.Fields(name)
	return len(f) >= 3 && f[len(f)-2] == "of" && strings.HasSuffix(f[0], "ing")
}

// afterParenthetical reads past a short parenthetical at token open (an
// opening parenthesis): up to six tokens to its close, then a footnote
// mark glued to it. It returns the list's separator there ("," "and"
// "or") and the token after it, or "" when the list ends.
func afterParenthetical(ts []tok, open int) (string, int) {
	for k := open + 1; k < len(ts) && k <= open+7; k++ {
		if ts[k].lower == "(" {
			return "", open
		}
		if ts[k].lower != ")" {
			continue
		}
		k++
		if k < len(ts) && ts[k].s == ts[k-1].e && isDigitWord(ts[k].lower) {
			k++ // a footnote mark: ")1"
		}
		if k < len(ts) {
			switch ts[k].lower {
			case ",", "and", "or":
				return ts[k].lower, k + 1
			}
		}
		return "", open
	}
	return "", open
}

// readItem reads one offense phrase from token i. It returns the phrase,
// the token index after its separator, the separator ("," "and" "or", or
// "" when the list ends), and whether the phrase is an offense name.
func readItem(ts []tok, i int) (phrase, int, string, bool) {
	// "being a felon in possession of a firearm"; an opening quote.
	status := false // after "being a": a status noun phrase follows
	if i < len(ts) && ts[i].lower == "being" {
		i++
		if i < len(ts) && (ts[i].lower == "a" || ts[i].lower == "an") {
			i++
			status = true
		}
	}
	for i < len(ts) && ts[i].kind == 'p' && strings.Contains(`"“'‘`, ts[i].lower) {
		i++
	}
	// "guilty of the transfer of a controlled substance", "convicted of
	// the sale of cocaine": an article before a noun with its of-object
	// opens the item, and is no word of its name.
	if i+2 < len(ts) && ts[i].lower == "the" && ts[i+1].kind == 'w' && !ts[i+1].cap && ts[i+2].lower == "of" {
		i++
	}
	// "Level 3 felony armed robbery", "Class D felony possession of
	// marijuana": the class grades the offense and is left out of its
	// name, as the guidelines leave out modifiers.
	if k := classPrefix(ts, i); k > i {
		i = k
	} else if i+1 < len(ts) && (ts[i].lower == "felony" || ts[i].lower == "misdemeanor") && ts[i+1].kind == 'w' &&
		!notPhraseStart[ts[i+1].lower] && !genericWords[ts[i+1].lower] && !endWords[ts[i+1].lower] {
		// "felony possession of marijuana for sale", "misdemeanor
		// possession of concentrated cannabis": the grade before the
		// offense is left out of its name.
		i++
	}
	if i >= len(ts) || ts[i].kind != 'w' || notPhraseStart[ts[i].lower] || endWords[ts[i].lower] && !status || isDigitWord(ts[i].lower) {
		return phrase{}, i, "", false
	}
	// Names in capitals or title case are headlines and headings more
	// often than charges; the listed heads and degrees read those.
	if ts[i].cap {
		return phrase{}, i, "", false
	}
	first := ts[i]
	// A listed offense name is read whole: "driving under the
	// influence", "disorderly conduct".
	listed := listedAt(ts, i)
	// A participle followed by a determiner or preposition is a verb:
	// "sentenced to", "used a", "brought in".
	if listed == i && participle(first.lower) && i+1 < len(ts) && (notPhraseStart[ts[i+1].lower] && ts[i+1].lower != "criminal" || endWords[ts[i+1].lower]) {
		return phrase{}, i, "", false
	}
	// A word other than a gerund before an article is a verb with its
	// object: "enter a plea".
	if listed == i && i+1 < len(ts) && (ts[i+1].lower == "a" || ts[i+1].lower == "an" || ts[i+1].lower == "the") && !strings.HasSuffix(first.lower, "ing") {
		return phrase{}, i, "", false
	}
	title := first.cap && !first.upper
	upper := first.upper
	k := i
	sep := ""
	j := i
	for ; j < len(ts); j++ {
		t := ts[j]
		if j < listed {
			k = j
			continue
		}
		if t.kind == 'p' {
			if t.lower == "," {
				sep = ","
			}
			break
		}
		if j > i && t.kind == 'w' {
			lw := t.lower
			if lw == "and" || lw == "or" {
				if j+1 < len(ts) && ts[j+1].kind == '$' {
					k = j + 1
					continue
				}
				// "two or more bogus checks" is no coordination.
				if j+1 < len(ts) && (ts[j+1].lower == "more" || ts[j+1].lower == "fewer" || ts[j+1].lower == "less") && textscan.IsNumberWord(ts[j-1].lower) {
					j++
					k = j
					continue
				}
				sep = lw
				break
			}
			// "battery with the use of a deadly weapon": the enhancement
			// the code writes into the name runs to the weapon's noun.
			if n := weaponUse(func(x int) string {
				if j+x < len(ts) && ts[j+x].kind == 'w' {
					return ts[j+x].lower
				}
				return ""
			}); n > 0 && !upper && !title {
				j += n
				k = j
				continue
			}
			if !continues(ts, j) {
				break
			}
			if upper && !t.upper && !connectors[lw] || title && !t.cap && !connectors[lw] {
				// A lower-case word in a name set in capitals or title
				// case: no name.
				return phrase{}, j, "", false
			}
			if !upper && !title && t.cap {
				// Initials that end the name belong to it: "aggravated
				// DUI", "felony DWI".
				if t.upper && (j+1 == len(ts) || ts[j+1].kind == 'p' || ts[j+1].lower == "and" || ts[j+1].lower == "or") {
					k = j
					continue
				}
				// A capitalized word inside lower-case text ends it; when
				// only a modifier stands between it and an article, the
				// name runs on into the capitals ("robbing an off-duty
				// U.S. Secret Service agent") and is no offense's name.
				if j-2 > i && determiners[ts[j-2].lower] {
					return phrase{}, j, "", false
				}
				sep = ""
				break
			}
		}
		k = j
	}
	// Trailing connectors are not part of the name.
	for k > i && ts[k].kind == 'w' && connectors[ts[k].lower] {
		k--
	}
	n := k - i + 1
	if n > maxPhraseWords || n < 1 {
		return phrase{}, j, "", false
	}
	words := make([]string, 0, n)
	for x, t := range ts[i : k+1] {
		// "to commit a felony" names a felony as an object.
		object := x >= 2 && ts[i+x-2].lower == "commit" || i+x < listed || gerundObject(ts, i+x) || felonyObject(ts, i, i+x)
		if t.kind == 'w' && i+x >= listed && (genericWords[t.lower] && !object || strings.Contains(t.lower, "degree") || isDigitWord(t.lower) || isAdverb(t.lower)) {
			return phrase{}, j, "", false
		}
		// A number in words counts what the conduct was done to
		// ("carrying out three gruesome murders"), as digits do; a
		// threshold ("two or more bogus checks") is part of a name, and
		// "one" is as often a pronoun ("by one in a position of trust").
		if t.kind == 'w' && i+x >= listed && textscan.IsNumberWord(t.lower) && t.lower != "one" && !(i+x+1 <= k && ts[i+x+1].lower == "or") {
			return phrase{}, j, "", false
		}
		// A money amount only as a value threshold ("exceeding $100,000").
		if t.kind == '$' && x > 0 && !thresholdWords[ts[i+x-1].lower] {
			return phrase{}, j, "", false
		}
		words = append(words, t.lower)
	}
	// A plural alone names no offense ("and sales").
	if n == 1 && listed == i && strings.HasSuffix(first.lower, "s") && !strings.HasSuffix(first.lower, "ss") {
		return phrase{}, j, "", false
	}
	// "a crime of violence" designates offenses (a sentence enhancer);
	// "violence" alone names none (guidelines §7: "the violence").
	if n == 1 && first.lower == "violence" {
		return phrase{}, j, "", false
	}
	// A participle alone qualifies a name it has lost ("aggravated") or
	// is a verb ("convictions for domestic violence, brought in ...").
	if n == 1 && listed == i && participle(first.lower) {
		return phrase{}, j, "", false
	}
	// A gerund alone is conduct: "charged with enforcing"; a listed one
	// names an offense: "shoplifting".
	if n == 1 && listed == i && strings.HasSuffix(first.lower, "ing") {
		return phrase{}, j, "", false
	}
	last := ts[k].lower
	if strings.HasSuffix(last, "ly") {
		return phrase{}, j, "", false
	}
	next := j
	if sep != "" {
		next = j + 1
	}
	return phrase{s: first.s, e: ts[k].e, name: strings.Join(words, " ")}, next, sep, true
}

// continues reports whether the word at token j (after the first word of
// a phrase) can belong to the offense name read so far.
func continues(ts []tok, j int) bool {
	lw := ts[j].lower
	next, next2 := "", ""
	if j+1 < len(ts) {
		next = ts[j+1].lower
	}
	if j+2 < len(ts) {
		next2 = ts[j+2].lower
	}
	switch lw {
	case "in":
		// "in possession of", "in aid of"; "dealing in cocaine",
		// "resulting in serious bodily injury"; "use of a firearm in the
		// commission of a felony".
		prev := ts[j-1].lower
		return next == "possession" || next == "aid" || prev == "dealing" || prev == "resulting" && harmWords[next] ||
			next == "a" && next2 == "position" || // "by one in a position of trust"
			next == "the" && next2 == "commission"
	case "during":
		// "employing a firearm during the commission of a dangerous
		// felony", "possession of a firearm during a dangerous felony".
		return next == "the" && next2 == "commission" || (next == "a" || next == "an") && (next2 == "felony" || next2 == "dangerous")
	case "under":
		// "driving under the influence", "operating a vehicle under the
		// influence".
		return next == "the" && next2 == "influence"
	case "on", "upon", "against":
		// "sexual assault on a child", "battery on a police officer",
		// "battery upon a peace officer", "assault against a police
		// officer": the victim the statute names.
		return (next == "a" || next == "an") && victimNouns[next2]
	case "at", "into":
		// "shooting at an occupied building", "discharging a firearm
		// into an inhabited dwelling": the target the statute names by
		// whether anyone is in it.
		prev := ts[j-1].lower
		return (prev == "shooting" || prev == "firing" || weaponNouns[prev]) && (next == "a" || next == "an") && occupancyWords[next2]
	case "as":
		// "failure to register as a sex offender".
		return ts[j-1].lower == "register"
	case "resulting":
		// "battery resulting in bodily injury", "resulting in death".
		return next == "in" && harmWords[next2]
	case "for":
		// "offering a false instrument for filing", "murder for hire",
		// "possession of marijuana for sale".
		// After a zone ("within one-half mile of a public park for
		// selling crack") a gerund is the conduct, not the name.
		return strings.HasSuffix(next, "ing") && !zoneBefore(ts, j) || next == "hire" || next == "sale" || next == "resale" || next == "distribution"
	case "within":
		// The drug-free zones of state codes: "distribution of crack
		// cocaine within one-half mile of a public park", "within 1,000
		// feet of a school".
		return proximity(ts, j)
	case "with":
		// "with intent to", "with a firearm"; the child a statute names
		// as the other party ("unlawful transaction with a minor",
		// "indecent liberties with a child").
		return next == "intent" || (next == "a" || next == "an") && (weaponNouns[next2] || childVictims[next2]) || weaponNouns[next]
	case "while":
		// "possession of drugs while armed".
		// "driving while ability impaired", "driving while license
		// suspended", "operating while under the influence".
		return strings.HasSuffix(next, "ed") && (next2 == "" || next2 == "," || next2 == "." || next2 == "and" || next2 == ";") ||
			(next == "ability" || next == "license") && strings.HasSuffix(next2, "ed") || next == "under" && next2 == "the"
	case "from":
		// "escape from custody", "theft from a person".
		return j+1 < len(ts) && ts[j+1].kind == 'w' && !ts[j+1].cap && !isDigitWord(next) && next != "the"
	case "exceeding", "over", "between", "than", "more":
		// Value thresholds: "exceeding $100,000", "between $500 and $10,000".
		if lw == "more" {
			return next == "than"
		}
		return j+1 < len(ts) && (ts[j+1].kind == '$' || next == "than" || next == "$")
	}
	return !endWords[lw]
}

// zoneBefore reports whether a proximity zone ("within ... of") opens
// within the maxPhraseWords tokens before token j.
func zoneBefore(ts []tok, j int) bool {
	for k := j - 1; k >= 0 && k >= j-maxPhraseWords; k-- {
		if ts[k].lower == "within" && proximity(ts, k) {
			return true
		}
	}
	return false
}

// distanceUnits measure the zone of a proximity offense.
var distanceUnits = textscan.Set("feet", "foot", "yards", "yard", "mile", "miles", "meters")

// proximity reports whether "within" at token j opens a distance and
// "of" within the next five tokens: "within one-half mile of",
// "within 1,000 feet of".
func proximity(ts []tok, j int) bool {
	for k := j + 1; k < len(ts) && k <= j+5; k++ {
		if distanceUnits[ts[k].lower] {
			return k+1 < len(ts) && ts[k+1].lower == "of"
		}
		// A distance in digits ("within 1,000 feet") is not read yet: a
		// number inside a phrase makes it no name, and the offense before
		// "within" is kept as it was.
		if ts[k].kind != 'w' || isDigitWord(ts[k].lower) {
			return false
		}
	}
	return false
}

// weaponUse returns the index of the weapon's noun when the words w(0),
// w(1), ... say that a weapon was used or carried in the offense: "with
// (the) use of a deadly weapon", "while in possession of a firearm";
// else 0. The forms are a closed class, typed by hand.
func weaponUse(w func(int) string) int {
	k := 0
	switch {
	case w(0) == "with" && w(1) == "the" && w(2) == "use" && w(3) == "of":
		k = 4
	case w(0) == "with" && w(1) == "use" && w(2) == "of":
		k = 3
	case w(0) == "while" && w(1) == "in" && w(2) == "possession" && w(3) == "of":
		k = 4
	default:
		return 0
	}
	if w(k) != "a" && w(k) != "an" || !weaponNouns[w(k+1)] {
		return 0
	}
	k++
	if (w(k) == "deadly" || w(k) == "dangerous") && weaponNouns[w(k+1)] {
		k++
	}
	return k
}

// extendKnown reads what may follow a listed offense head at byte offset
// end and belong to its name: "to commit <offense>" or "to <verb> ..."
// after a conspiracy or attempt, "with a firearm", "without a license",
// "from custody", "for hire", "<offense> conspiracy". It returns the new
// end and the words added to the name ("" when nothing follows).
func extendKnown(text string, end int, name string) (int, string) {
	ts := tokensFrom(text, end, 14)
	if len(ts) == 0 {
		return end, ""
	}
	w := func(k int) string {
		if k < len(ts) && ts[k].kind == 'w' {
			return ts[k].lower
		}
		return ""
	}
	switch {
	case strings.HasSuffix(name, "to commit") || strings.HasSuffix(name, "to distribute"):
		// The object of the conspiracy: a phrase, "a felony" included.
		i := 0
		art := ""
		if w(0) == "a" || w(0) == "an" {
			if w(1) == "felony" || w(1) == "crime" || w(1) == "misdemeanor" {
				return ts[1].e, w(0) + " " + w(1)
			}
			art = w(0) + " "
			i = 1
		}
		if p, _, _, ok := readItem(ts, i); ok && (art == "" || strings.HasSuffix(name, "to distribute")) {
			return p.e, art + p.name
		}
		// A listed offense with its degree: "to commit first degree
		// murder".
		if i < len(ts) && art == "" {
			if oe, oname, ok := OffenseAt(text[ts[i].s:]); ok {
				return ts[i].s + oe, oname
			}
		}
		return end, ""
	case name == "conspiracy" && w(0) == "to" && w(1) != "" && !notPhraseStart[w(1)]:
		// "conspiracy to operate an unlicensed money transmitting business".
		if w(2) == "a" || w(2) == "an" || w(2) == "the" {
			if p, _, _, ok := readItem(ts, 3); ok {
				return p.e, "to " + w(1) + " " + w(2) + " " + p.name
			}
			return end, ""
		}
		if p, _, _, ok := readItem(ts, 1); ok {
			return p.e, "to " + p.name
		}
		return end, ""
	case w(0) == "with" && (w(1) == "a" || w(1) == "an") && weaponNouns[w(2)]:
		k := 2
		if (w(2) == "deadly" || w(2) == "dangerous") && weaponNouns[w(3)] {
			k = 3
		}
		return ts[k].e, "with " + w(1) + " " + phraseWords(ts[2:k+1])
	case weaponUse(w) > 0:
		// The enhancement some codes write into the offense's name:
		// "robbery with the use of a deadly weapon", "battery with use
		// of a deadly weapon", "burglary while in possession of a deadly
		// weapon" (Nevada's NRS 193.165 and 205.060 forms).
		k := weaponUse(w)
		return ts[k].e, phraseWords(ts[:k+1])
	case w(0) == "of" && (w(1) == "a" || w(1) == "an") && childVictims[w(2)] && (strings.Contains(name, "sexual") || strings.HasSuffix(name, "abuse") || strings.HasSuffix(name, "neglect") || strings.HasSuffix(name, "endangerment")):
		// "sexual abuse of a child", "sexual assault of a minor": the
		// victim the statute names.
		return ts[2].e, "of " + w(1) + " " + w(2)
	case (w(0) == "on" || w(0) == "upon") && (w(1) == "a" || w(1) == "an") && victimNouns[w(2)]:
		// "assault upon a police officer", "battery on a law enforcement
		// officer": the victim the statute names, up to its noun ("the
		// assault on a public street" names a place, not a victim).
		k := 2
		for k < 4 && !victimHeads[w(k)] && (victimNouns[w(k+1)] || victimHeads[w(k+1)] || w(k+1) == "enforcement") {
			k++
		}
		if victimHeads[w(k)] {
			return ts[k].e, w(0) + " " + w(1) + " " + phraseWords(ts[2:k+1])
		}
	case w(0) == "without" && licenceNouns[w(1)]:
		return ts[1].e, "without " + w(1)
	case w(0) == "without" && (w(1) == "a" || w(1) == "an") && licenceNouns[w(2)]:
		return ts[2].e, "without " + w(1) + " " + w(2)
	case w(0) == "from" && w(1) == "custody", w(0) == "for" && w(1) == "hire":
		return ts[1].e, w(0) + " " + w(1)
	case w(0) == "conspiracy" && !strings.Contains(name, "conspiracy") && !strings.Contains(name, "degree") && len(ts) > 0 && ts[0].s-end <= 2:
		return ts[0].e, "conspiracy"
	}
	return end, ""
}

func phraseWords(ts []tok) string {
	ws := make([]string, len(ts))
	for i, t := range ts {
		ws[i] = t.lower
	}
	return strings.Join(ws, " ")
}

// categoryUse reports whether the offense at text[s:e] names a category
// of crime rather than an offense: "during a drug trafficking crime",
// "any murder offense".
func categoryUse(text string, s, e int) bool {
	after := tokensFrom(text, e, 1)
	if len(after) == 0 || after[0].kind != 'w' {
		return false
	}
	switch after[0].lower {
	case "crime", "crimes", "offense", "offenses", "offence", "offences":
	case "bureau", "unit", "division", "squad", "section", "team", "task", "department", "investigations":
		// "Homicide Bureau", "Human Trafficking Unit": an office.
		return after[0].cap
	default:
		return false
	}
	before := wordsBack(text, s, 1)
	return len(before) == 1 && (before[0].lower == "a" || before[0].lower == "an" || before[0].lower == "any")
}

// mergePhrases joins the offenses of a page found by listed heads
// (known) and by degree (degrees) with the phrases court language
// introduces: a context phrase replaces the offenses it contains, and is
// dropped when it overlaps one only in part or holds a degree (the degree
// readers know those forms). A context phrase of two or more words found
// once on the page is found again at its other occurrences there ("the
// capital murder case" after "convicted of capital murder"). The result
// is in order of position. lower is text lowered by
// textscan.ToLowerASCII.
func mergePhrases(text, lower string, known, degrees []phrase) []phrase {
	ctx := append(contextOffenses(text), violationOffenses(text, lower)...)
	ctx = append(ctx, gerundOffenses(text, lower)...)
	ctx = append(ctx, countLineOffenses(text, lower)...)
	var keep []phrase
	overlaps := func(p phrase, qs []phrase) (inside, partial bool) {
		for _, q := range qs {
			if p.s < q.e && q.s < p.e {
				if p.s <= q.s && q.e <= p.e {
					inside = true
				} else {
					partial = true
				}
			}
		}
		return
	}
	seen := map[[2]int]bool{}
	for _, p := range ctx {
		if _, partial := overlaps(p, known); partial || runsOn(text, p, known) {
			continue
		}
		if in, partial := overlaps(p, degrees); in || partial {
			continue
		}
		// A context phrase that is a listed offense as read (its name
		// the same) adds nothing.
		if seen[[2]int{p.s, p.e}] {
			continue
		}
		seen[[2]int{p.s, p.e}] = true
		keep = append(keep, p)
	}
	// Other occurrences of the multi-word phrases on the page.
	n := len(keep)
	for _, p := range keep[:n] {
		if !strings.Contains(p.name, " ") {
			continue
		}
		for i := 0; ; {
			k := strings.Index(lower[i:], p.name)
			if n == 0 || k < 0 {
				break
			}
			s, e := i+k, i+k+len(p.name)
			i = e
			if s > 0 && textscan.IsWordByte(text[s-1]) || e < len(text) && textscan.IsWordByte(text[e]) || seen[[2]int{s, e}] {
				continue
			}
			q := phrase{s, e, p.name}
			if _, partial := overlaps(q, known); partial {
				continue
			}
			if in, partial := overlaps(q, degrees); in || partial {
				continue
			}
			seen[[2]int{s, e}] = true
			keep = append(keep, q)
		}
	}
	contains := func(a, b phrase) bool { return a.s <= b.s && b.e <= a.e }
	var out []phrase
	for _, k := range known {
		longer := false
		for _, p := range keep {
			longer = longer || contains(p, k) && p != k && (p.s != k.s || p.e != k.e)
		}
		if !longer {
			out = append(out, k)
		}
	}
	for _, p := range keep {
		// A context phrase inside a listed offense (or the same) is that
		// offense.
		inside := false
		for _, k := range known {
			inside = inside || contains(k, p)
		}
		if !inside {
			out = append(out, p)
		}
	}
	out = append(out, degrees...)
	sort.Slice(out, func(i, j int) bool { return out[i].s < out[j].s })
	return out
}

// felonyObject reports whether the generic word at ts[k] ("felony") is
// the object of "commission of" or "during" in the phrase from ts[i]:
// "during the commission of a dangerous felony".
func felonyObject(ts []tok, i, k int) bool {
	for b := k - 1; b >= i && b >= k-4; b-- {
		switch ts[b].lower {
		case "commission", "during":
			return true
		}
	}
	return false
}

// victimNouns may follow "on a" in an offense name: the victims statutes
// name ("sexual assault on a child", "assault on a peace officer").
var victimNouns = textscan.Set("child", "minor", "juvenile", "peace", "police", "law", "officer", "person", "pregnant",
	"elderly", "employee", "firefighter", "correctional", "public", "judge", "teacher", "emergency", "health", "household")

// victimHeads end the victim an offense's name holds after "on a" or
// "upon a" ("a peace officer", "a child"); a closed class typed by hand.
var victimHeads = textscan.Set("child", "minor", "juvenile", "officer", "employee", "firefighter", "judge", "teacher",
	"servant", "official")

// childVictims are the victims an "of" names in a sexual or abuse
// offense's name.
var childVictims = textscan.Set("child", "minor", "juvenile")

// gerundObject reports whether the generic word at token j is the object
// of a gerund that names an offense with it: "resisting arrest", "evading
// arrest", "resisting law enforcement".
func gerundObject(ts []tok, j int) bool {
	if j == 0 || !strings.HasSuffix(ts[j-1].lower, "ing") {
		return false
	}
	switch ts[j].lower {
	case "arrest":
		return true
	case "law":
		return j+1 < len(ts) && ts[j+1].lower == "enforcement"
	}
	return false
}

// thresholdWords may stand before a money amount in an offense name.
var thresholdWords = textscan.Set("exceeding", "over", "between", "than", "and", "of", "under")

// isAdverb reports whether w is an adverb by its ending ("approximately",
// "illegally"); such a phrase tells conduct, not an offense name.
func isAdverb(w string) bool {
	if !strings.HasSuffix(w, "ly") || len(w) < 5 {
		return false
	}
	switch w {
	case "bodily", "family", "supply", "assembly", "monopoly", "elderly", "anomaly", "deadly":
		return false
	}
	return true
}

// endsWithOffense reports whether the phrase name (lower case) ends with
// a listed offense: "armed robbery".
func endsWithOffense(name string) bool {
	for i := 0; i < len(name); i++ {
		if i > 0 && name[i-1] != ' ' {
			continue
		}
		if end, _, ok := OffenseAt(name[i:]); ok && end == len(name)-i {
			return true
		}
	}
	return false
}

// runsOn reports whether context phrase p runs on past a listed offense
// it holds with a word that is no preposition: "the crime of murder looks
// at", where "looks" is a verb. An offense name goes on after its head
// only with a preposition ("robbery with a firearm", "conspiracy to
// commit ...").
func runsOn(text string, p phrase, known []phrase) bool {
	for _, k := range known {
		if p.s <= k.s && k.e < p.e {
			ts := tokensFrom(text, k.e, 1)
			if len(ts) == 1 && !connectors[ts[0].lower] && !continuesAfterHead[ts[0].lower] {
				return true
			}
		}
	}
	return false
}

// continuesAfterHead are the words besides connectors that may follow an
// offense head inside its name.
var continuesAfterHead = textscan.Set("without", "from", "exceeding", "between", "over", "while", "and", "or", "involving", "as", "on",
	"upon", "under")

// classWords name the grades of felonies and misdemeanors: "Class 2
// felony" (Illinois, Colorado, Arkansas, ...), "Level 5 felony" (Indiana).
var classWords = textscan.Set("class", "level")

// determiners before a grade make it a modifier of a noun.
var determiners = textscan.Set("a", "an", "the", "this", "that", "his", "her", "their", "its", "any", "each", "every", "no")

// harmWords may follow "resulting in" in an offense name: "battery
// resulting in serious bodily injury", "leaving the scene of an accident
// resulting in death".
var harmWords = textscan.Set("serious", "bodily", "death", "injury", "moderate", "great", "permanent", "physical")

// designator reports whether t is the grade of a class: "2", "X", "A",
// "4a".
func designator(t tok) bool {
	if t.kind != 'w' || len(t.lower) > 2 {
		return false
	}
	c := t.lower[0]
	return c >= '0' && c <= '9' || len(t.lower) == 1 && t.cap
}

// classPrefix returns the token index after a class designation at token
// i ("Class X felony", "Level 3 felony", "class A misdemeanor"), or i.
func classPrefix(ts []tok, i int) int {
	if i+2 < len(ts) && classWords[ts[i].lower] && designator(ts[i+1]) && (ts[i+2].lower == "felony" || ts[i+2].lower == "misdemeanor") {
		return i + 3
	}
	return i
}

// classApposition reads a grade in apposition after an offense, from
// token i (after the offense's comma): "a Class 2 felony", "a Level 4
// felony", "a class A misdemeanor", "a felony of the second degree", "a
// second-degree felony", "a felony". It returns the token index after it
// and its comma, with more true when a comma follows (the list goes on),
// or -1 when no grade stands at i.
func classApposition(ts []tok, i int) (int, bool) {
	if i >= len(ts) || ts[i].lower != "a" && ts[i].lower != "an" {
		return -1, false
	}
	k := i + 1
	switch {
	case classPrefix(ts, k) > k:
		k = classPrefix(ts, k)
	case k+4 < len(ts) && ts[k].lower == "felony" && ts[k+1].lower == "of" && ts[k+2].lower == "the" && degreeWords[ts[k+3].lower] != "" && ts[k+4].lower == "degree":
		k += 5
	case k+1 < len(ts) && strings.HasSuffix(ts[k].lower, "-degree") && degreeWords[strings.TrimSuffix(ts[k].lower, "-degree")] != "" && (ts[k+1].lower == "felony" || ts[k+1].lower == "misdemeanor"):
		k += 2
	case k < len(ts) && (ts[k].lower == "felony" || ts[k].lower == "misdemeanor"):
		k++
	default:
		return -1, false
	}
	if k < len(ts) && ts[k].lower == "," {
		return k + 1, true
	}
	return k, false
}

// irregularParticiples are past participles without the -ed ending, a
// closed class of English, typed by hand: after an offense list's comma
// they begin a clause ("convictions for domestic violence, brought in
// his family to testify"), never an offense's name.
var irregularParticiples = textscan.Set("brought", "bought", "caught", "taught", "thought", "sought", "fought",
	"found", "held", "kept", "left", "lost", "made", "paid", "put", "said", "sent", "set", "spent", "told", "sold",
	"built", "felt", "heard", "meant", "met", "led", "read", "run", "stood", "understood", "taken", "given", "known",
	"shown", "seen", "done", "gone", "written", "driven", "ridden", "spoken", "chosen", "begun", "won", "drawn",
	"thrown", "grown", "flown", "forgotten", "hidden", "broken", "frozen", "woken", "worn", "sworn", "torn", "born",
	"borne", "laid", "lain", "sat", "slept", "swept", "wept", "dealt", "struck", "stuck", "hung", "shot", "split")

// participle reports whether w, a lower-case word, reads as a past
// participle: the -ed ending or an irregular one.
func participle(w string) bool {
	return strings.HasSuffix(w, "ed") || irregularParticiples[w]
}
