package annotate_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/casefile/casefile/annotate"
	"github.com/casefile/casefile/schemas"
)

// TestMaxEntities: a text that is nothing but names stops at the entity
// limit with ErrTooManyEntities, on the page that passed it, whichever
// kind of entity passes it; under the limit the same text is annotated.
func TestMaxEntities(t *testing.T) {
	names := strings.Repeat("Maria Lopez met John Smith. ", 200)      // 400 people
	money := strings.Repeat("He paid $5,000 and $7,000. ", 200)       // 400 amounts
	dates := strings.Repeat("Filed 01/02/2003 and 04/05/2006. ", 200) // 400 dates
	tests := []struct {
		name    string
		text    string
		limit   int
		wantErr bool
	}{
		{"names under the limit", names, 1000, false},
		{"names over the limit", names, 100, true},
		{"quantities over the limit", money, 100, true},
		{"dates over the limit", dates, 100, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := annotate.NewAnnotator(models())
			a.MaxEntities = tt.limit
			pages := []schemas.Page{{Number: 1, Method: schemas.MethodText, Text: tt.text}}
			ann, err := a.Annotate(context.Background(), pages)
			if got := errors.Is(err, annotate.ErrTooManyEntities); got != tt.wantErr {
				t.Fatalf("Annotate: %d entities, error %v; want ErrTooManyEntities %v", len(ann.Entities), err, tt.wantErr)
			}
			if !tt.wantErr && len(ann.Entities) == 0 {
				t.Fatal("no entities under the limit")
			}
		})
	}
}
