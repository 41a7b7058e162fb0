package referent_test

import (
	"fmt"

	"github.com/casefile/casefile/annotate/referent"
	"github.com/casefile/casefile/schemas"
)

func ExampleGroup() {
	text := "JOSE DOE, a/k/a “Flaco,” pleaded guilty to conspiracy. Doe faces 10 years."
	pages := []schemas.Page{{Number: 1, Method: schemas.MethodText, Text: text}}
	ent := func(typ schemas.EntityType, start, end int) schemas.Entity {
		return schemas.Entity{Type: typ, Text: string([]rune(text)[start:end]), Page: 1, Start: start, End: end}
	}
	ents := []schemas.Entity{
		ent(schemas.Person, 0, 8),     // JOSE DOE
		ent(schemas.Person, 17, 22),   // Flaco
		ent(schemas.Charge, 43, 53),   // conspiracy
		ent(schemas.Person, 55, 58),   // Doe
		ent(schemas.Quantity, 65, 73), // 10 years
	}
	for _, de := range referent.Group(ents, pages) {
		fmt.Println(de.ID, de.Name, de.Key, de.Aliases, de.Mentions, de.Charges, de.Quantities)
	}
	// Output:
	// p1 Jose Doe doe jose [Flaco] [0 1 3] [2] [4]
}
