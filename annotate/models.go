package annotate

import (
	"fmt"

	"github.com/casefile/casefile/annotate/charge"

	"github.com/jdkato/prose/v2"
)

// Models holds the statistical models the annotators share. Load it once per
// process with LoadModels; it is safe for concurrent use and never mutated.
type Models struct {
	prose      *prose.Model
	gaz        *gazetteer
	firstNames map[string]bool // lower case: SSA given names (gazetteers/given-names.txt) and the hand list
	surnames   map[string]bool // lower case: 1990 Census surnames (gazetteers/surnames.txt)
	charges    *charge.Finder
}

// LoadModels loads prose's tagger and entity model. prose panics on a
// corrupt model; that panic comes back as an error.
func LoadModels() (m *Models, err error) {
	defer func() {
		if v := recover(); v != nil {
			m, err = nil, fmt.Errorf("annotate: load prose model: %v", v)
		}
	}()
	names, err := loadWordList("first-names.txt", "given-names.txt")
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
	// ModelFromData with no sources is prose's built-in English model.
	return &Models{prose: prose.ModelFromData("en-v2.0.0"), gaz: gaz, firstNames: names, surnames: surnames, charges: charges}, nil
}
