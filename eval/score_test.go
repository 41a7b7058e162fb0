package eval_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/casefile/casefile/eval"
	"github.com/casefile/casefile/schemas"
)

// TestScoreDisagreementsOrdered scores a document whose matched
// quantities all disagree with gold: the disagreements must come in the
// same order on every run (gold order), not in a map's.
func TestScoreDisagreementsOrdered(t *testing.T) {
	var gold eval.Gold
	rec := schemas.Record{ID: "doc"}
	gold.Doc = "doc"
	for i := 1; i <= 8; i++ {
		text := fmt.Sprintf("%d months", i)
		v := float64(i)
		gold.Entities = append(gold.Entities, eval.GoldEntity{Type: "QUANTITY", Text: text, Kind: "duration", Value: &v, Unit: "year"})
		rec.Entities = append(rec.Entities, schemas.Entity{Type: schemas.Quantity, Text: text, Page: 1})
	}
	first := eval.Score([]eval.Gold{gold}, []schemas.Record{rec}).Attrs.Disagreements
	if len(first) != 8 {
		t.Fatalf("Score: %d disagreements, want 8: %q", len(first), first)
	}
	for run := 0; run < 20; run++ {
		if got := eval.Score([]eval.Gold{gold}, []schemas.Record{rec}).Attrs.Disagreements; !slices.Equal(got, first) {
			t.Fatalf("Score: disagreements in another order on run %d:\n%q\nthen\n%q", run, first, got)
		}
	}
}
