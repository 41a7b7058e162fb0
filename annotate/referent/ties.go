package referent

import (
	"slices"
	"strings"
	"unicode"

	"github.com/casefile/casefile/schemas"
)

// maxSentence bounds the sentences read for ties, in code points: a longer
// run without a stop is a table or a list, whose rows this reading cannot
// tell apart.
const maxSentence = 800

// subjectCues are the verbs of criminal process whose subject is the
// defendant: passive where the active voice names the court or the
// prosecutor ("Judge Roe sentenced" is not tied). A cue must follow the
// person's first mention in the sentence, within cueReach code points.
var subjectCues = []string{
	"pleaded guilty", "pled guilty", "plead guilty", "pleads guilty", "has pleaded", "entered a plea",
	"was sentenced", "were sentenced", "is sentenced", "been sentenced", "be sentenced",
	"was convicted", "were convicted", "been convicted", "is convicted", "was found guilty", "were found guilty",
	"is charged", "was charged", "are charged", "were charged", "been charged", "stands charged",
	"was indicted", "were indicted", "been indicted", "was arraigned", "were arraigned",
	"was arrested", "were arrested", "faces", "is facing", "possessed", "possessing", "sold", "distributed",
	"trafficked", "admitted to", "admitted that", "is accused", "was accused", "stole",
}

// cueReach is how far after a person a subject cue may stand.
const cueReach = 160

// judicialTitles before a name make it the court's, never a defendant's.
// So do the titles of prosecutors and officials, who announce charges.
var judicialTitles = []string{"judge", "justice", "hon.", "honorable", "magistrate", "court",
	"attorney", "prosecutor", "commissioner", "sheriff", "chief"}

// cueBarriers between a person and a cue begin another clause, whose
// subject is someone else: "Clark announced that seven members have been
// indicted".
var cueBarriers = []string{"announced", "announces", "said", "says", "stated", "states", "that", "who", "whom", "whose", "which", "when", "while", "after", "before", ";"}

// tie sets the Charges and Quantities of people: in a sentence naming one
// person and no other, a CHARGE or QUANTITY after a subject cue that
// follows the person ("Doe pleaded guilty to conspiracy", "Doe was
// sentenced to 10 years"), or anywhere in a sentence where "as to" names
// the person ("Count One as to defendant Doe is dismissed").
func (d *doc) tie(people []schemas.DocEntity) {
	owner := map[int]int{} // entity index → people index
	for n, p := range people {
		for _, i := range p.Mentions {
			owner[i] = n
		}
	}
	byPage := map[int][]int{}
	tied := false
	for i, e := range d.ents {
		switch e.Type {
		case schemas.Charge, schemas.Quantity:
			tied = true
		}
		if d.inPage(i) {
			byPage[e.Page] = append(byPage[e.Page], i)
		}
	}
	if !tied || len(owner) == 0 {
		return
	}
	for page, ents := range byPage {
		hasPerson := false
		for _, i := range ents {
			if _, ok := owner[i]; ok {
				hasPerson = true
				break
			}
		}
		if !hasPerson {
			continue
		}
		rs := d.text(page)
		for _, s := range sentences(rs, d.spans(ents)) {
			d.tieSentence(rs, s, ents, owner, people)
		}
	}
	for n := range people {
		slices.Sort(people[n].Charges)
		people[n].Charges = slices.Compact(people[n].Charges)
		slices.Sort(people[n].Quantities)
		people[n].Quantities = slices.Compact(people[n].Quantities)
	}
}

// spans returns the spans of entities, to keep sentence stops out of them
// ("John A. Doe", "18 U.S.C. § 841").
func (d *doc) spans(ents []int) [][2]int {
	out := make([][2]int, 0, len(ents))
	for _, i := range ents {
		out = append(out, [2]int{d.ents[i].Start, d.ents[i].End})
	}
	return out
}

func (d *doc) tieSentence(rs []rune, s [2]int, ents []int, owner map[int]int, people []schemas.DocEntity) {
	if s[1]-s[0] > maxSentence {
		return
	}
	who, first := -1, -1
	var targets []int
	for _, i := range ents {
		e := d.ents[i]
		if e.Start < s[0] || e.End > s[1] {
			continue
		}
		if n, ok := owner[i]; ok {
			if who >= 0 && who != n {
				return // two people: whose is it?
			}
			if who < 0 {
				who, first = n, i
			}
			continue
		}
		if e.Type == schemas.Charge || e.Type == schemas.Quantity {
			targets = append(targets, i)
		}
	}
	if who < 0 || len(targets) == 0 || len(people[who].AmbiguousWith) > 0 {
		return
	}
	p := d.ents[first]
	before := strings.ToLower(string(rs[max(s[0], p.Start-24):p.Start]))
	for _, t := range judicialTitles {
		if strings.Contains(before, t) {
			return
		}
	}
	from := -1 // targets from here on are tied
	as := asTo(before)
	if as {
		from = s[0]
	} else {
		after := strings.ToLower(string(rs[p.End:min(s[1], p.End+cueReach)]))
		at := -1
		for _, c := range subjectCues {
			if k := wordIndex(after, c); k >= 0 && (at < 0 || k < at) {
				at = k
			}
		}
		if at < 0 {
			return
		}
		for _, b := range cueBarriers {
			if wordIndex(after[:at], b) >= 0 {
				return
			}
		}
		from = p.End + len([]rune(after[:at]))
	}
	for _, i := range targets {
		e := d.ents[i]
		if e.Start < from {
			continue
		}
		// "arrested for possession of a weapon, an offense that resembles
		// narcotics possession": a clause after the cue speaks of
		// offenses in general.
		if between := strings.ToLower(string(rs[from:e.Start])); !as && slices.ContainsFunc(cueBarriers, func(b string) bool { return wordIndex(between, b) >= 0 }) {
			continue
		}
		if e.Type == schemas.Charge {
			people[who].Charges = append(people[who].Charges, i)
		} else {
			people[who].Quantities = append(people[who].Quantities, i)
		}
	}
}

// asTo reports whether the text before a name ends in "as to", with
// perhaps "defendant" and a title between: "as to defendant Mr. Doe".
func asTo(before string) bool {
	f := strings.Fields(before)
	for len(f) > 0 {
		switch strings.Trim(f[len(f)-1], ",") {
		case "defendant", "defendants", "mr.", "ms.", "mrs.", "mr", "ms":
			f = f[:len(f)-1]
			continue
		}
		break
	}
	return len(f) >= 2 && f[len(f)-2] == "as" && f[len(f)-1] == "to"
}

// wordIndex returns the byte index of phrase in s where it stands as whole
// words, or -1.
func wordIndex(s, phrase string) int {
	for off := 0; ; {
		k := strings.Index(s[off:], phrase)
		if k < 0 {
			return -1
		}
		k += off
		end := k + len(phrase)
		if (k == 0 || !isWordByte(s[k-1])) && (end == len(s) || !isWordByte(s[end])) {
			return k
		}
		off = k + 1
	}
}

func isWordByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80 }

// sentences splits a page into sentences: at a full stop, question or
// exclamation mark followed by a space and a capital, digit or quote
// (outside every entity span and not after a short abbreviation or an
// initial), and at blank lines.
func sentences(rs []rune, spans [][2]int) [][2]int {
	inSpan := func(k int) bool {
		for _, s := range spans {
			if k >= s[0] && k < s[1] {
				return true
			}
		}
		return false
	}
	var out [][2]int
	start := 0
	cut := func(end int) {
		if end > start {
			out = append(out, [2]int{start, end})
		}
		start = end
	}
	for k := 0; k < len(rs); k++ {
		r := rs[k]
		switch {
		case r == '\n':
			j := k + 1
			for j < len(rs) && (rs[j] == ' ' || rs[j] == '\t' || rs[j] == '\r') {
				j++
			}
			if j < len(rs) && rs[j] == '\n' {
				cut(j)
			}
		case r == '.' || r == '?' || r == '!':
			if k+2 >= len(rs) || !unicode.IsSpace(rs[k+1]) || inSpan(k) {
				continue
			}
			j := k + 1
			for j < len(rs) && unicode.IsSpace(rs[j]) {
				j++
			}
			if j == len(rs) || !(unicode.IsUpper(rs[j]) || unicode.IsDigit(rs[j]) || isOpenQuote(rs[j])) {
				continue
			}
			if r == '.' && abbreviation(rs, k) {
				continue
			}
			cut(k + 1)
		}
	}
	cut(len(rs))
	return out
}

// abbreviations end in a period without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "no": true, "nos": true,
	"v": true, "vs": true, "jr": true, "sr": true, "inc": true, "co": true, "corp": true,
	"ltd": true, "u.s": true, "cir": true, "ct": true, "app": true, "supp": true, "stat": true,
	"det": true, "sgt": true, "lt": true, "hon": true, "gen": true, "rev": true, "p": true,
	"pp": true, "e.g": true, "i.e": true, "id": true, "cf": true, "art": true, "sec": true, "u.s.c": true,
}

// abbreviation reports whether the period at rs[k] ends an abbreviation
// or an initial.
func abbreviation(rs []rune, k int) bool {
	j := k
	for j > 0 && (unicode.IsLetter(rs[j-1]) || rs[j-1] == '.') {
		j--
	}
	w := strings.ToLower(string(rs[j:k]))
	return len([]rune(w)) == 1 || abbreviations[w]
}
