// Package identitytest generates dumps of records with known truth for
// cross-document identity: case families of co-defendants written under
// the variants filings use (LAST, FIRST; capitals; a middle initial or
// none; Jr. and Sr.; diacritics or none), with people who share a name
// but not a case, and people who share only a surname. Every record is
// valid: its doc entities group PERSON mentions whose spans are exact.
package identitytest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/casefile/casefile/namekey"
	"github.com/casefile/casefile/schemas"
)

var (
	givens = []string{"José", "Maria", "John", "James", "Ana", "Luis", "Robert", "Linda", "Michael", "Sofía",
		"David", "Karen", "Carlos", "Elena", "William", "Patricia", "Jorge", "Nancy", "Thomas", "Lucía",
		"Daniel", "Sandra", "Andrés", "Laura", "Kevin", "Rosa", "Brian", "Teresa", "Marcus", "Inés"}
	middles  = []string{"Antonio", "Lee", "Marie", "Paul", "Elena", "Ray", "Ann", "Luis", "Jean", "Edward"}
	surnames = []string{"Muñoz", "Smith", "García", "Johnson", "Peña", "Brown", "Núñez", "Williams", "Rodríguez", "Jones",
		"Martínez", "Davis", "López", "Miller", "Hernández", "Wilson", "González", "Moore", "Pérez", "Taylor",
		"Sánchez", "Anderson", "Ramírez", "Thomas", "Torres", "Jackson", "Flores", "White", "Rivera", "Harris"}
	suffixesOf = []string{"Jr.", "Sr.", "III"}
)

type person struct {
	given, middle, surname, suffix string
}

// Dump is a generated dump: records and, for every member key of their
// doc entities, the person it truly is.
type Dump struct {
	Records []schemas.Record
	Truth   map[string]int // member key → person number
}

// Generate returns a dump of about names PERSON doc entities, the same
// for the same seed.
func Generate(seed uint64, names int) Dump {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	d := Dump{Truth: map[string]int{}}
	var people []person
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	newPerson := func() int {
		p := person{given: pick(givens), surname: pick(surnames)}
		if rng.IntN(2) == 0 {
			p.middle = pick(middles)
		}
		if rng.IntN(10) == 0 {
			p.suffix = pick(suffixesOf)
		}
		switch r := rng.IntN(20); {
		case r == 0 && len(people) > 0:
			// The same full name as someone of another case.
			p = people[rng.IntN(len(people))]
		case r == 1 && len(people) > 0:
			// A relative: same surname and suffix-less given name, other
			// middle, in the same family or not.
			q := people[rng.IntN(len(people))]
			p.surname = q.surname
		}
		people = append(people, p)
		return len(people) - 1
	}
	count, doc := 0, 0
	for family := 0; count < names; family++ {
		caseNo := fmt.Sprintf("%d:%02d-cr-%05d", 1+rng.IntN(9), 10+rng.IntN(15), family)
		var members []int
		for range 2 + rng.IntN(4) {
			members = append(members, newPerson())
		}
		// Father and son in one family now and then.
		if rng.IntN(15) == 0 {
			f := people[members[0]]
			f.suffix, people[members[0]].suffix = "Sr.", "Jr."
			people = append(people, f)
			members = append(members, len(people)-1)
		}
		for range 2 + rng.IntN(3) {
			var in []int
			for _, m := range members {
				if rng.IntN(4) != 0 {
					in = append(in, m)
				}
			}
			if len(in) == 0 {
				in = members[:1]
			}
			var nums []string
			if rng.IntN(10) < 8 {
				nums = []string{caseNo}
			}
			rec := record(doc, nums, in, people, rng)
			doc++
			taken := map[string]bool{}
			for i, de := range rec.DocEntities {
				m := memberKey(rec.ID, de, taken)
				d.Truth[m] = in[i]
				count++
			}
			d.Records = append(d.Records, rec)
		}
	}
	return d
}

// memberKey mirrors identity.Member without importing it (tests of
// identity import this package).
func memberKey(doc string, de schemas.DocEntity, taken map[string]bool) string {
	m := doc + "/" + de.Key
	if de.Key == "" || taken[m] {
		m += "#" + de.ID
	}
	taken[m] = true
	return m
}

// variant writes a person's name as one filing might.
func variant(p person, rng *rand.Rand) string {
	given, middle, surname := p.given, p.middle, p.surname
	if rng.IntN(3) == 0 {
		given, middle, surname = plain(given), plain(middle), plain(surname)
	}
	switch rng.IntN(3) {
	case 0:
		middle = ""
	case 1:
		if middle != "" {
			middle = middle[:1] + "."
		}
	}
	suffix := p.suffix
	if suffix != "" && rng.IntN(2) == 0 {
		suffix = strings.TrimSuffix(suffix, ".")
	}
	var s string
	if rng.IntN(3) == 0 {
		s = surname + ", " + strings.TrimSpace(given+" "+middle)
	} else {
		s = strings.Join(strings.Fields(given+" "+middle+" "+surname), " ")
	}
	if suffix != "" {
		s += " " + suffix
	}
	if rng.IntN(4) == 0 {
		s = strings.ToUpper(s)
	}
	return s
}

// plain drops diacritics as a filing typed on a plain keyboard does.
func plain(s string) string {
	return strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ñ", "n",
		"Á", "A", "É", "E", "Í", "I", "Ó", "O", "Ú", "U", "Ñ", "N").Replace(s)
}

// record builds document n naming people in, each once.
func record(n int, caseNumbers []string, in []int, people []person, rng *rand.Rand) schemas.Record {
	var b strings.Builder
	b.WriteString("UNITED STATES v. DEFENDANTS. ")
	r := schemas.Record{
		Schema: schemas.RecordSchemaID, ID: fmt.Sprintf("%064x", 0xd0c0000+n), Source: fmt.Sprintf("synthetic/%d.txt", n),
		IngestedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Document:   schemas.Document{Pages: 1, ContentType: schemas.ContentText},
		Case:       schemas.Case{CaseNumbers: caseNumbers},
		Warnings:   []string{},
	}
	for i, pi := range in {
		name := variant(people[pi], rng)
		start := len([]rune(b.String()))
		b.WriteString(name)
		r.Entities = append(r.Entities, schemas.Entity{Type: schemas.Person, Text: name, Page: 1,
			Start: start, End: start + len([]rune(name)), Normalized: name, Source: schemas.SourceRule})
		b.WriteString(" is named in count one. ")
		full := readingOrder(name)
		r.DocEntities = append(r.DocEntities, schemas.DocEntity{ID: fmt.Sprintf("p%d", i+1), Type: schemas.Person,
			Name: full, Key: namekey.Key(full), Mentions: []int{i}})
	}
	r.Pages = []schemas.Page{{Number: 1, Method: schemas.MethodText, Text: b.String()}}
	r.Document.Bytes = int64(b.Len())
	return r
}

// readingOrder turns "DOE, JOSE A." into "JOSE A. DOE", as within-document
// grouping names an entity.
func readingOrder(s string) string {
	last, rest, ok := strings.Cut(s, ", ")
	if !ok {
		return s
	}
	fs := strings.Fields(rest)
	var suffix string
	if n := len(fs); n > 1 {
		switch strings.ToLower(strings.TrimSuffix(fs[n-1], ".")) {
		case "jr", "sr", "iii":
			suffix, fs = " "+fs[n-1], fs[:n-1]
		}
	}
	return strings.Join(fs, " ") + " " + last + suffix
}
