package annotate

import (
	"fmt"

	"github.com/casefile/casefile/annotate/charge"

	"github.com/jdkato/prose/v2"

	"github.com/casefile/casefile/schemas"
)

// Models holds the statistical models the annotators share. Load it once per
// process with LoadModels; it is safe for concurrent use and never mutated.
type Models struct {
	prose      *prose.Model
	gaz        *gazetteer
	firstNames map[string]bool // lower case
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
	gaz, err := loadGazetteer(map[string]schemas.EntityType{
		"places.txt":        schemas.Place,
		"organizations.txt": schemas.Organization,
	})
	if err != nil {
		return nil, fmt.Errorf("annotate: gazetteers: %w", err)
	}
	names, err := loadWordList("first-names.txt")
	if err != nil {
		return nil, fmt.Errorf("annotate: gazetteers: %w", err)
	}
	charges, err := charge.New()
	if err != nil {
		return nil, fmt.Errorf("annotate: %w", err)
	}
	// ModelFromData with no sources is prose's built-in English model.
	return &Models{prose: prose.ModelFromData("en-v2.0.0"), gaz: gaz, firstNames: names, charges: charges}, nil
}
