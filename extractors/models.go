package extractors

import (
	"fmt"

	"github.com/jdkato/prose/v2"
)

// Models holds the statistical models the annotators share. Load it once per
// process with LoadModels; it is safe for concurrent use and never mutated.
type Models struct {
	prose *prose.Model
}

// LoadModels loads prose's tagger and entity model. prose panics on a
// corrupt model; that panic comes back as an error.
func LoadModels() (m *Models, err error) {
	defer func() {
		if v := recover(); v != nil {
			m, err = nil, fmt.Errorf("extractors: load prose model: %v", v)
		}
	}()
	// ModelFromData with no sources is prose's built-in English model.
	return &Models{prose: prose.ModelFromData("en-v2.0.0")}, nil
}
