package annotate

import (
	"fmt"

	"github.com/casefile/casefile/annotate/charge"
)

// Models holds the word lists and gazetteers the annotators share. Load it
// once per process with LoadModels; it is safe for concurrent use and
// never mutated.
type Models struct {
	gaz        *gazetteer
	firstNames map[string]bool // lower case: SSA given names (gazetteers/given-names.txt) and the hand list
	surnames   map[string]bool // lower case: 1990 Census surnames (gazetteers/surnames.txt)
	charges    *charge.Finder
}

// LoadModels reads the embedded name lists and gazetteers and compiles the
// charge finder.
func LoadModels() (*Models, error) {
	names, err := loadWordList("given-names.txt")
	if err != nil {
		return nil, fmt.Errorf("annotate: gazetteers: %w", err)
	}
	surnames, err := loadWordList("surnames.txt")
	if err != nil {
		return nil, fmt.Errorf("annotate: gazetteers: %w", err)
	}
	gaz, err := loadLexicons(names, surnames)
	if err != nil {
		return nil, fmt.Errorf("annotate: gazetteers: %w", err)
	}
	charges, err := charge.New()
	if err != nil {
		return nil, fmt.Errorf("annotate: %w", err)
	}
	return &Models{gaz: gaz, firstNames: names, surnames: surnames, charges: charges}, nil
}
