package nertrain

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/jdkato/prose/v2"
)

// ErrNoContexts is returned by Train when given nothing to learn from.
var ErrNoContexts = errors.New("nertrain: no training contexts")

// Train returns a prose model named name whose entity classifier is
// trained on contexts (prose's maximum-entropy classifier, 100 rounds of
// generalized iterative scaling, over prose's own part-of-speech tags).
// prose panics on malformed data; Train returns that as an error.
func Train(name string, contexts []prose.EntityContext) (m *prose.Model, err error) {
	if len(contexts) == 0 {
		return nil, ErrNoContexts
	}
	defer func() {
		if v := recover(); v != nil {
			m, err = nil, fmt.Errorf("nertrain: prose panic while training: %v", v)
		}
	}()
	return prose.ModelFromData(name, prose.UsingEntities(contexts)), nil
}

// Save writes m's entity classifier under dir (dir/Maxent/*.gob, as
// prose's Model.Write lays it out); the part-of-speech tagger is prose's
// built-in one and is not written.
func Save(m *prose.Model, dir string) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("nertrain: prose panic while writing %s: %v", dir, v)
		}
	}()
	if err := os.RemoveAll(filepath.Join(dir, "Maxent")); err != nil {
		return fmt.Errorf("nertrain: %w", err)
	}
	if err := m.Write(dir); err != nil {
		return fmt.Errorf("nertrain: writing %s: %w", dir, err)
	}
	return nil
}

// Load reads a model written by Save. prose panics on a missing or
// corrupt file; Load returns that as an error.
func Load(dir string) (m *prose.Model, err error) {
	for _, f := range []string{"labels.gob", "mapping.gob", "weights.gob"} {
		if _, err := os.Stat(filepath.Join(dir, "Maxent", f)); err != nil {
			return nil, fmt.Errorf("nertrain: %w", err)
		}
	}
	defer func() {
		if v := recover(); v != nil {
			m, err = nil, fmt.Errorf("nertrain: prose panic while loading %s: %v", dir, v)
		}
	}()
	return prose.ModelFromDisk(dir), nil
}
