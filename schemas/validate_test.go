package schemas_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/casefile/casefile/schemas"
)

func validRecord() *schemas.Record {
	return &schemas.Record{
		Schema:     schemas.RecordSchemaID,
		ID:         strings.Repeat("ab", 32),
		Source:     "a.pdf",
		IngestedAt: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
		Document:   schemas.Document{Bytes: 10, Pages: 1, ContentType: schemas.ContentPDF},
		Pages:      []schemas.Page{{Number: 1, Method: schemas.MethodText, Text: "Señor José Doe"}},
		Entities: []schemas.Entity{{
			Type: schemas.Person, Text: "José Doe", Page: 1, Start: 6, End: 14, Source: schemas.SourceProse,
		}},
		Warnings: []string{},
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name    string
		mutate  func(r *schemas.Record)
		wantErr string
	}{
		{"valid", func(*schemas.Record) {}, ""},
		{"bad id", func(r *schemas.Record) { r.ID = "xyz" }, "/id"},
		{"wrong schema", func(r *schemas.Record) { r.Schema = "casefile.record/v2" }, "/schema"},
		{"unknown type", func(r *schemas.Record) { r.Entities[0].Type = "WEAPON" }, "/entities/0/type"},
		{"unknown method", func(r *schemas.Record) { r.Pages[0].Method = "guess" }, "/pages/0/method"},
		{"span in bytes, not code points", func(r *schemas.Record) { r.Entities[0].Start, r.Entities[0].End = 7, 14 }, "is \"osé Doe\""},
		{"span past the page", func(r *schemas.Record) { r.Entities[0].End = 99 }, "out of page"},
		{"page out of range", func(r *schemas.Record) { r.Entities[0].Page = 2 }, "page 2 out of range"},
		{"pages out of order", func(r *schemas.Record) { r.Pages[0].Number = 3 }, "numbered 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := validRecord()
			tt.mutate(r)
			err := schemas.Validate(r)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Validate = %v, want nil", err)
				}
				return
			}
			if err == nil || !errors.Is(err, schemas.ErrInvalid) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Validate = %v, want ErrInvalid mentioning %q", err, tt.wantErr)
			}
		})
	}
}

func TestValidateDeadLetterJSON(t *testing.T) {
	good := `{"schema":"casefile.deadletter/v1","id":"` + strings.Repeat("0", 64) + `","source":"x.pdf","stage":"extract","reason":"extract.not_pdf","message":"not a PDF","at":"2026-12-01T00:00:00Z"}`
	if err := schemas.ValidateDeadLetterJSON([]byte(good)); err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(good, "extract.not_pdf", "Not a PDF!", 1)
	if err := schemas.ValidateDeadLetterJSON([]byte(bad)); err == nil {
		t.Fatal("free-text reason accepted")
	}
}
