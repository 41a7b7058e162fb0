package referent

import (
	"testing"
	"unicode/utf8"

	"github.com/casefile/casefile/schemas"
)

// FuzzGroup groups entities cut from any text at any places and checks
// the contract: every PERSON and ORGANIZATION entity in exactly one doc
// entity of its type, the record valid for schemas.CheckDocEntities,
// names and keys never empty.
func FuzzGroup(f *testing.F) {
	for _, s := range []string{
		"JOSE DOE appeared. Jose Doe said Doe was late.",
		"HISWAN SIMMONS, a.k.a. “Codac,” a.k.a. “Hazz Loc,” 22, of Arverne",
		"the Drug Enforcement Administration (DEA) said the DEA seized",
		"  UNITED STATES DISTRICT COURT\n\n 9   FOR THE EASTERN DISTRICT OF CALIFORNIA\n",
		"John Doe pleaded guilty to conspiracy and faces 20 years.",
		"v. Bailey, 696 F.3d 794",
	} {
		f.Add(s, []byte{0, 4, 5, 8, 10, 13, 20, 24, 30, 36})
	}
	types := []schemas.EntityType{schemas.Person, schemas.Organization, schemas.Charge, schemas.Quantity, schemas.Place}
	f.Fuzz(func(t *testing.T, text string, cuts []byte) {
		if !utf8.ValidString(text) {
			return
		}
		rs := []rune(text)
		var ents []schemas.Entity
		for k := 0; k+1 < len(cuts) && len(ents) < 64; k += 2 {
			start, end := int(cuts[k]), int(cuts[k])+1+int(cuts[k+1]%24)
			if end > len(rs) {
				continue
			}
			ents = append(ents, schemas.Entity{Type: types[int(cuts[k+1])%len(types)], Text: string(rs[start:end]), Page: 1, Start: start, End: end})
		}
		pages := []schemas.Page{{Number: 1, Method: schemas.MethodText, Text: text}}
		des := Group(ents, pages)
		seen := map[int]int{}
		for _, de := range des {
			if de.Name == "" || de.Key == "" {
				t.Fatalf("doc entity %s has name %q, key %q", de.ID, de.Name, de.Key)
			}
			for _, i := range de.Mentions {
				seen[i]++
			}
		}
		for i, e := range ents {
			if (e.Type == schemas.Person || e.Type == schemas.Organization) && seen[i] != 1 {
				t.Fatalf("entity %d (%s %q) is in %d doc entities", i, e.Type, e.Text, seen[i])
			}
		}
		rec := &schemas.Record{Pages: pages, Entities: ents, DocEntities: des}
		if err := schemas.CheckDocEntities(rec); err != nil {
			t.Fatal(err)
		}
	})
}
