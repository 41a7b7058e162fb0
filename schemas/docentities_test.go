package schemas_test

import (
	"errors"
	"testing"

	"github.com/casefile/casefile/schemas"
)

// docRecord is validRecord with a charge and a quantity after the person
// and one doc entity grouping the person.
func docRecord() *schemas.Record {
	r := validRecord()
	r.Pages[0].Text = "Señor José Doe: robbery, 5 kg"
	r.Entities = append(r.Entities,
		schemas.Entity{Type: schemas.Charge, Text: "robbery", Page: 1, Start: 16, End: 23, Source: schemas.SourceRule},
		schemas.Entity{Type: schemas.Quantity, Text: "5 kg", Page: 1, Start: 25, End: 29, Source: schemas.SourceRule,
			Attrs: &schemas.QuantityAttrs{Kind: "mass", Value: ptr(5), Unit: "kg"}},
	)
	r.DocEntities = []schemas.DocEntity{{ID: "p1", Type: schemas.Person, Name: "José Doe", Key: "doe jose",
		Mentions: []int{0}, Charges: []int{1}, Quantities: []int{2}}}
	return r
}

func ptr(f float64) *float64 { return &f }

func TestCheckDocEntities(t *testing.T) {
	tests := []struct {
		name    string
		mutate  func(r *schemas.Record)
		wantErr bool
	}{
		{"valid", func(*schemas.Record) {}, false},
		{"none", func(r *schemas.Record) { r.DocEntities = nil }, false},
		{"mention out of range", func(r *schemas.Record) { r.DocEntities[0].Mentions = []int{7} }, true},
		{"mention of another type", func(r *schemas.Record) { r.DocEntities[0].Mentions = []int{0, 1} }, true},
		{"mentions not ascending", func(r *schemas.Record) {
			r.Entities = append(r.Entities, r.Entities[0])
			r.DocEntities[0].Mentions = []int{3, 0}
		}, true},
		{"mention in two entities", func(r *schemas.Record) {
			r.DocEntities = append(r.DocEntities, schemas.DocEntity{ID: "p2", Type: schemas.Person, Name: "Doe", Key: "doe", Mentions: []int{0}})
		}, true},
		{"id twice", func(r *schemas.Record) {
			r.Entities = append(r.Entities, r.Entities[0])
			r.DocEntities = append(r.DocEntities, schemas.DocEntity{ID: "p1", Type: schemas.Person, Name: "Doe", Key: "doe", Mentions: []int{3}})
		}, true},
		{"id of another type", func(r *schemas.Record) { r.DocEntities[0].ID = "o1" }, true},
		{"charge is a quantity", func(r *schemas.Record) { r.DocEntities[0].Charges = []int{2} }, true},
		{"quantity is a person", func(r *schemas.Record) { r.DocEntities[0].Quantities = []int{0} }, true},
		{"ambiguous with an unknown id", func(r *schemas.Record) { r.DocEntities[0].AmbiguousWith = []string{"p9"} }, true},
		{"ambiguous with itself", func(r *schemas.Record) { r.DocEntities[0].AmbiguousWith = []string{"p1"} }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := docRecord()
			tt.mutate(r)
			err := schemas.CheckDocEntities(r)
			if (err != nil) != tt.wantErr {
				t.Fatalf("CheckDocEntities() = %v, want error %v", err, tt.wantErr)
			}
			if err != nil && !errors.Is(err, schemas.ErrInvalid) {
				t.Errorf("CheckDocEntities() = %v, want it to wrap ErrInvalid", err)
			}
			if verr := schemas.Validate(r); (verr != nil) != tt.wantErr {
				t.Errorf("Validate() = %v, want error %v", verr, tt.wantErr)
			}
		})
	}
}
