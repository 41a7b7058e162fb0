package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Gold is one annotated document.
type Gold struct {
	Doc      string       `json:"doc"`
	Source   string       `json:"source"`
	Pages    []int        `json:"pages,omitempty"` // [first, last], when only a range was annotated
	Aliases  []string     `json:"aliases,omitempty"`
	Entities []GoldEntity `json:"entities"`
}

// GoldEntity is one distinct entity with every surface form it has.
type GoldEntity struct {
	Type       string   `json:"type"`
	Text       string   `json:"text"`
	Normalized string   `json:"normalized"`
	Mentions   []string `json:"mentions"`
	Optional   bool     `json:"optional,omitempty"`
	// QUANTITY attributes.
	Kind      string   `json:"kind,omitempty"`
	Value     *float64 `json:"value,omitempty"`
	Unit      string   `json:"unit,omitempty"`
	Item      string   `json:"item,omitempty"`
	Qualifier string   `json:"qualifier,omitempty"`
	// CHARGE attributes.
	Offense *string `json:"offense,omitempty"`
	Statute *string `json:"statute,omitempty"`
}

// LoadGold reads every *.json gold file in dir, in name order.
func LoadGold(dir string) ([]Gold, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []Gold
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		var g Gold
		if err := json.Unmarshal(data, &g); err != nil {
			return nil, fmt.Errorf("eval: %s: %w", f, err)
		}
		if g.Doc == "" {
			return nil, fmt.Errorf("eval: %s: no doc name", f)
		}
		out = append(out, g)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("eval: no gold files in %s", dir)
	}
	return out, nil
}
