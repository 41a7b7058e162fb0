//go:build ignore

// gen_lexicon writes lexicon.txt, offense names taken from the section
// headings of Part I (Crimes, sections 1 to 2725) of title 18 of the
// United States Code. Run it from this folder:
//
//	go run gen_lexicon.go -usc DIR -commit HASH
//
// DIR holds the Markdown chunks of title 18 of the CodeX Stanford
// repository "markdonw-chunck-of-the-usa-code" (chuncks/title-18/*.md;
// MIT licence; the Code's text is a work of the United States
// government, in the public domain). A chunk names its chapter in a line
// "### CHAPTER 51— HOMICIDE", its sections in lines "#### § 1111.
// Murder", and a section's text follows its heading.
//
// A section heading (each part of it, split at semicolons) is kept as an
// offense name when it is of the kind that names an offense, by these
// rules about kinds of headings, none about particular headings:
//
//   - Its section is penal: the section's text sets a punishment ("shall
//     be fined", "imprisoned not more than"). Headings of definitions,
//     jurisdiction, venue, procedure, remedies and penalties for offenses
//     defined elsewhere fall out here.
//   - It is a short noun phrase: one to four words, no digits or
//     punctuation, no capitalized word but the first (a proper name makes
//     it a heading about an institution or a protected thing: "Red
//     Cross", "Obstruction of Federal audit").
//   - No word of procedure, definition or remedy ("penalties",
//     "jurisdiction", "definitions", "forfeiture", "exceptions", ...) nor
//     a generic word for offenses ("offenses resulting in death"), and no
//     "as" (a classification: "Firearms as nonmailable").
//   - Not a coordination ("Coins or bars", "Harboring or concealing
//     persons"), which lists several acts or things and names none, unless
//     its last word is a chapter's head word ("Securities and commodities
//     fraud").
//   - Its head (the word before the first preposition, else the last) is
//     not plural: a plural head names a class of things ("Money orders",
//     "Mail contracts"), unless it is a chapter's head word.
//   - Not a gerund with its object ("Broadcasting lottery information"):
//     that tells conduct, which filings describe in the same words without
//     naming a charge.
//   - It names an act: its head is a noun of action by its ending (-tion,
//     -sion, -ment, -ery, -ry, -ury, -age, -ure, -ism, -cide, -acy, -tude,
//     -ing: "Economic espionage", "Stalking"), or one of its words is a
//     head word of a Part I chapter's name ("HOMICIDE", "SEXUAL ABUSE",
//     "FRAUD AND FALSE STATEMENTS" give homicide, abuse, fraud,
//     statements) or a noun after a participle or adjective of manner
//     (-ed, -ive, -ary, -ous, -ful: "Forced labor", "Sale into
//     involuntary servitude"). This leaves out headings that name a thing
//     or a place ("Variola virus", "Letters patent", "Uniform of friendly
//     nation") and conduct told by a participle and an adverb
//     ("Intoxicants possessed unlawfully").
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

var (
	chapterLine = regexp.MustCompile(`^### CHAPTER (\d+)[A-Z]?—\s*(.+)$`)
	sectionLine = regexp.MustCompile(`^#### §[\s\x{00A0}\x{202F}]*(\d+)[A-Za-z0-9-]*\.\s+(.+)$`)
	// headingLine is any heading of level 1 to 4: it ends a section's text.
	headingLine = regexp.MustCompile(`^#{1,4} `)
	// penalText is the language of a section that sets a punishment.
	penalText = regexp.MustCompile(`shall be fined|shall be imprisoned|imprisoned not more than|punished by death|imprisonment for (?:any term of years|life)|fined under this title`)
)

// notHead are words of chapter names that name no kind of offense.
var notHead = set("general", "provisions", "records", "reports", "and", "or", "of", "the", "in", "on", "to", "for", "with",
	"certain", "other", "matters", "affecting", "government", "services", "claims", "contracts", "emblems", "insignia",
	"names", "indians", "labor", "military", "navy", "postal", "service", "prisons", "privacy", "public", "officers",
	"employees", "lands", "seamen", "shipping", "customs", "elections", "political", "activities", "foreign", "relations",
	"animals", "birds", "fish", "plants", "aircraft", "motor", "vehicles", "coins", "currency", "civil", "rights",
	"nationality", "citizenship", "passports", "visas", "registry", "searches", "seizures", "vessels", "maritime",
	"facilities", "land", "water", "air", "transportation", "mass", "systems", "carriers", "railroad", "communications",
	"information", "personal", "state", "motor", "vehicle", "child", "support", "children", "crimes", "against",
	"destruction", "interference", "interception", "oral", "electronic", "wire", "stored", "transactional", "access",
	"release", "use", "prohibition", "offender", "sex", "partial-birth", "abortions", "unborn", "protection", "trade",
	"secrets", "goods", "prison-made", "dangerous", "articles", "materials", "explosive", "storage", "distribution",
	"manufacture", "importation", "weapons", "biological", "chemical", "contraband", "cigarettes", "smokeless", "tobacco",
	"congressional", "cabinet", "supreme", "court", "presidential", "staff", "liquor", "traffic", "common", "carrier",
	"operation", "under", "influence", "alcohol", "drugs", "telemarketing", "email", "marketing", "war", "statements",
	"false", "subversive", "related", "illegal", "sexual", "activity", "credit", "transactions", "extortionate",
	"financial", "institutions", "persons", "peonage", "street", "gangs", "criminal", "disorders", "fugitives", "justice",
	"mail", "mischief", "malicious", "censorship", "rescue", "personation", "firearms", "forfeiture", "domestic", "violence",
	"property", "organizations", "riots")

// notOffense are words of section headings that name procedure,
// definitions, remedies or offenses in general, never one offense.
var notOffense = set("defined", "definitions", "definition", "generally", "general", "penalties", "penalty", "provisions",
	"jurisdiction", "venue", "remedies", "remedy", "restitution", "forfeiture", "exceptions", "exception", "applicability",
	"limitation", "limitations", "reports", "report", "records", "authority", "enforcement", "regulations", "rules",
	"procedure", "evidence", "fees", "costs", "expenses", "compensation", "repealed", "omitted", "transferred",
	"renumbered", "scope", "effect", "construction", "presumptions", "notice", "orders", "injunctions", "relief",
	"proceedings", "victims", "reserve", "fund", "office", "service", "court", "defense", "reporting", "registration",
	"receipt", "receiver", "rescue", "officer", "attempt", "acts", "instigating", "offense", "offenses", "crime", "crimes",
	"violation", "violations", "as")

// prepositions end the head of a heading ("Sale into involuntary
// servitude": the head is "sale").
var prepositions = set("of", "into", "in", "from", "by", "with", "to", "against", "on", "at", "for", "within", "aboard",
	"under", "involving", "concerning", "upon", "without", "after", "before", "during", "through", "respecting", "affecting")

// actEndings are endings of English nouns of action.
var actEndings = []string{"tion", "sion", "ment", "ery", "ry", "ury", "age", "ure", "ism", "cide", "acy", "tude", "ing"}

// mannerEndings are endings of participles and adjectives of manner that
// make the noun after them an act ("forced labor", "abusive ... contact").
var mannerEndings = []string{"ed", "ive", "ary", "ous", "ful"}

func set(ws ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func main() {
	dir := flag.String("usc", "", "folder of the CodeX chunks of title 18 (chuncks/title-18)")
	commit := flag.String("commit", "", "commit of the CodeX repository the chunks come from")
	out := flag.String("o", "lexicon.txt", "output file")
	verbose := flag.Bool("v", false, "print each heading left out and why, on standard error")
	flag.Parse()
	if *dir == "" {
		log.Fatal("gen_lexicon: -usc is required")
	}
	files, err := filepath.Glob(filepath.Join(*dir, "*.md"))
	if err != nil || len(files) == 0 {
		log.Fatalf("gen_lexicon: no chunks in %s: %v", *dir, err)
	}
	heads := map[string]bool{}
	penal := map[string]bool{} // heading -> its section (in some chunk) is penal
	for _, f := range files {
		if err := readChunk(f, heads, penal); err != nil {
			log.Fatalf("gen_lexicon: %v", err)
		}
	}
	var names []string
	for h, p := range penal {
		for _, part := range strings.Split(h, ";") {
			part = strings.Trim(strings.TrimSpace(part), ".")
			if part == "" {
				continue
			}
			why := "penal"
			if p {
				why = offenseHeading(part, heads)
			}
			if why == "" {
				names = append(names, strings.ToLower(part))
			} else if *verbose {
				fmt.Fprintf(os.Stderr, "%s\t%s\n", why, part)
			}
		}
	}
	sort.Strings(names)
	names = compact(names)
	var b strings.Builder
	fmt.Fprintf(&b, "# Offense names: section headings of title 18, Part I (Crimes), of the United States Code, of the\n")
	fmt.Fprintf(&b, "# kind that names an offense (penal sections; short noun phrases naming an act: see gen_lexicon.go).\n")
	fmt.Fprintf(&b, "# Generated by gen_lexicon.go; do not edit. %d names.\n", len(names))
	fmt.Fprintf(&b, "# Source: United States Code, title 18 (public domain, a work of the U.S. government), as Markdown\n")
	fmt.Fprintf(&b, "# chunks in github.com/codexstanford/markdonw-chunck-of-the-usa-code (MIT licence), commit %s.\n", *commit)
	for _, n := range names {
		b.WriteString(n + "\n")
	}
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		log.Fatalf("gen_lexicon: %v", err)
	}
}

// offenseHeading returns "" when part (one part of a penal section's
// heading) names an offense, else the kind of heading it is.
func offenseHeading(part string, heads map[string]bool) string {
	ws := strings.Fields(part)
	if len(ws) > 4 {
		return "long"
	}
	lw := make([]string, len(ws))
	for i, w := range ws {
		if strings.ContainsAny(w, ",()$'’.0123456789") {
			return "punctuation"
		}
		if i > 0 && w[0] >= 'A' && w[0] <= 'Z' {
			return "proper name"
		}
		lw[i] = strings.ToLower(w)
		if notOffense[lw[i]] {
			return "procedure"
		}
	}
	last := lw[len(lw)-1]
	hi := len(lw) - 1
	for i := 1; i < len(lw); i++ {
		if prepositions[lw[i]] {
			hi = i - 1
			break
		}
	}
	head := lw[hi]
	for _, w := range lw {
		if (w == "and" || w == "or") && !heads[last] {
			return "coordination"
		}
	}
	if strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && !strings.HasSuffix(head, "us") && !strings.HasSuffix(head, "is") && !heads[head] {
		return "plural"
	}
	if hi > 0 && strings.HasSuffix(lw[0], "ing") && !heads[lw[0]] {
		return "gerund with object"
	}
	if len(head) > 4 && hasEnding(head, actEndings) {
		return ""
	}
	for i, w := range lw {
		if heads[w] || i > 0 && !strings.HasSuffix(w, "ly") && !prepositions[lw[i-1]] && hasEnding(lw[i-1], mannerEndings) {
			return ""
		}
	}
	return "no act"
}

func hasEnding(w string, ends []string) bool {
	for _, e := range ends {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// readChunk adds the head words of Part I chapter names found in one
// chunk file, and the section headings of Part I with whether the
// section's text there is penal.
func readChunk(path string, heads, penal map[string]bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open chunk: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	chapter := 0
	heading := "" // the Part I section whose text is being read
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if m := chapterLine.FindStringSubmatch(line); m != nil {
			heading = ""
			chapter, _ = strconv.Atoi(m[1])
			if chapter < 200 {
				for _, w := range strings.FieldsFunc(strings.ToLower(m[2]), func(r rune) bool { return r == ' ' || r == ',' }) {
					if !notHead[w] {
						heads[w] = true
					}
				}
			}
			continue
		}
		if m := sectionLine.FindStringSubmatch(line); m != nil {
			heading = ""
			if n, _ := strconv.Atoi(m[1]); chapter > 0 && chapter < 200 && n <= 2725 {
				heading = m[2]
				penal[heading] = penal[heading] || false
			}
			continue
		}
		if headingLine.MatchString(line) {
			heading = ""
			continue
		}
		if heading != "" && penalText.MatchString(line) {
			penal[heading] = true
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read chunk %s: %w", path, err)
	}
	return nil
}

func compact(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}
