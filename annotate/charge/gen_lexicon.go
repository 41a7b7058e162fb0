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
// "### CHAPTER 51— HOMICIDE" and its section in a line "#### § 1111.
// Murder".
//
// A heading is kept as an offense name when it is a short noun phrase
// (one to four words, parts of a heading split at semicolons) whose last
// word is a head word of a Part I chapter's name ("HOMICIDE", "SEXUAL
// ABUSE", "FRAUD AND FALSE STATEMENTS" give homicide, abuse, fraud,
// statements): Congress files each offense under the chapter of its kind,
// and a section heading ending in that kind's noun names an offense of
// it ("Bank fraud", "Aggravated sexual abuse", "Forced labor"). Headings
// with words of procedure or definition (penalties, jurisdiction,
// definitions, restitution, ...) are left out, and so are chapter words
// that name no offense (provisions, records, acts, ...).
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
// definitions or remedies, never an offense.
var notOffense = set("defined", "definitions", "definition", "generally", "general", "penalties", "penalty", "provisions",
	"jurisdiction", "venue", "remedies", "remedy", "restitution", "forfeiture", "exceptions", "exception", "applicability",
	"limitation", "limitations", "reports", "report", "records", "authority", "enforcement", "regulations", "rules",
	"procedure", "evidence", "fees", "costs", "expenses", "compensation", "repealed", "omitted", "transferred",
	"renumbered", "scope", "effect", "construction", "presumptions", "notice", "orders", "injunctions", "relief",
	"proceedings", "victims", "reserve", "fund", "office", "service", "court", "defense", "reporting", "registration",
	"receipt", "receiver", "rescue", "officer", "attempt", "acts", "instigating")

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
	flag.Parse()
	if *dir == "" {
		log.Fatal("gen_lexicon: -usc is required")
	}
	files, err := filepath.Glob(filepath.Join(*dir, "*.md"))
	if err != nil || len(files) == 0 {
		log.Fatalf("gen_lexicon: no chunks in %s: %v", *dir, err)
	}
	heads := map[string]bool{}
	headings := map[string]bool{}
	for _, f := range files {
		if err := readChunk(f, heads, headings); err != nil {
			log.Fatalf("gen_lexicon: %v", err)
		}
	}
	var names []string
	for h := range headings {
		for _, part := range strings.Split(h, ";") {
			ws := strings.Fields(strings.ToLower(strings.Trim(strings.TrimSpace(part), ".")))
			if len(ws) == 0 || len(ws) > 4 || !heads[ws[len(ws)-1]] {
				continue
			}
			ok := true
			for _, w := range ws {
				ok = ok && !notOffense[w] && !strings.ContainsAny(w, ",()")
			}
			if ok {
				names = append(names, strings.Join(ws, " "))
			}
		}
	}
	sort.Strings(names)
	names = compact(names)
	var b strings.Builder
	fmt.Fprintf(&b, "# Offense names: section headings of title 18, Part I (Crimes), of the United States Code\n")
	fmt.Fprintf(&b, "# whose last word is a head word of a Part I chapter's name. Generated by gen_lexicon.go; do not edit.\n")
	fmt.Fprintf(&b, "# Source: United States Code, title 18 (public domain, a work of the U.S. government), as Markdown\n")
	fmt.Fprintf(&b, "# chunks in github.com/codexstanford/markdonw-chunck-of-the-usa-code (MIT licence), commit %s.\n", *commit)
	for _, n := range names {
		b.WriteString(n + "\n")
	}
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		log.Fatalf("gen_lexicon: %v", err)
	}
}

// readChunk adds the head words of Part I chapter names and the section
// headings of Part I found in one chunk file.
func readChunk(path string, heads, headings map[string]bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open chunk: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	chapter := 0
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if m := chapterLine.FindStringSubmatch(line); m != nil {
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
		if m := sectionLine.FindStringSubmatch(line); m != nil && chapter > 0 && chapter < 200 {
			if n, _ := strconv.Atoi(m[1]); n <= 2725 {
				headings[m[2]] = true
			}
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
