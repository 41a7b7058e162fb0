package schemas_test

import (
	"encoding/json"
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

// TestValidateRecordJSON checks the schema's own verdicts on encodings
// the Go types cannot produce: attributes that do not fit an entity's
// type (checked only where attrs is present, as one if/else chain) and
// numbers at and past their bounds (integers within int64 are compared
// without big.Rat by a patch of the vendored validator; others are not).
func TestValidateRecordJSON(t *testing.T) {
	tests := []struct {
		name   string
		entity string // JSON of entities[0], on the page "Señor José Doe"
		page   string // JSON of pages[0].number
		ok     bool
	}{
		{"person without attrs", `{"type":"PERSON","text":"José","page":1,"start":6,"end":10,"source":"rule"}`, "1", true},
		{"person with attrs", `{"type":"PERSON","text":"José","page":1,"start":6,"end":10,"source":"rule","attrs":{}}`, "1", false},
		{"place with null attrs", `{"type":"PLACE","text":"José","page":1,"start":6,"end":10,"source":"rule","attrs":null}`, "1", false},
		{"quantity", `{"type":"QUANTITY","text":"José","page":1,"start":6,"end":10,"source":"rule","attrs":{"kind":"count","value":2,"unit":"count"}}`, "1", true},
		{"quantity with a charge's attrs", `{"type":"QUANTITY","text":"José","page":1,"start":6,"end":10,"source":"rule","attrs":{"offense":"theft"}}`, "1", false},
		{"charge", `{"type":"CHARGE","text":"José","page":1,"start":6,"end":10,"source":"rule","attrs":{"offense":"theft","count":1}}`, "1", true},
		{"charge count 0", `{"type":"CHARGE","text":"José","page":1,"start":6,"end":10,"source":"rule","attrs":{"count":0}}`, "1", false},
		{"charge count 0.5", `{"type":"CHARGE","text":"José","page":1,"start":6,"end":10,"source":"rule","attrs":{"count":0.5}}`, "1", false},
		{"charge count 1e0", `{"type":"CHARGE","text":"José","page":1,"start":6,"end":10,"source":"rule","attrs":{"count":1e0}}`, "1", true},
		{"date", `{"type":"DATE","text":"José","page":1,"start":6,"end":10,"source":"rule","attrs":{"iso":"2020-01-02"}}`, "1", true},
		{"date with a quantity's attrs", `{"type":"DATE","text":"José","page":1,"start":6,"end":10,"source":"rule","attrs":{"kind":"count","value":2,"unit":"count"}}`, "1", false},
		{"case number", `{"type":"CASE_NUMBER","text":"José","page":1,"start":6,"end":10,"source":"rule","attrs":{"form":"state"}}`, "1", true},
		{"case number without form", `{"type":"CASE_NUMBER","text":"José","page":1,"start":6,"end":10,"source":"rule","attrs":{}}`, "1", false},
		{"negative start", `{"type":"PERSON","text":"José","page":1,"start":-1,"end":10,"source":"rule"}`, "1", false},
		{"confidence above 1", `{"type":"PERSON","text":"José","page":1,"start":6,"end":10,"source":"rule","confidence":1.5}`, "1", false},
		{"page 0", `{"type":"PERSON","text":"José","page":0,"start":6,"end":10,"source":"rule"}`, "1", false},
		{"page number 1.0", `{"type":"PERSON","text":"José","page":1,"start":6,"end":10,"source":"rule"}`, "1.0", true},
		{"page number 1.5", `{"type":"PERSON","text":"José","page":1,"start":6,"end":10,"source":"rule"}`, "1.5", false},
		{"page number past int64", `{"type":"PERSON","text":"José","page":1,"start":6,"end":10,"source":"rule"}`, "99999999999999999999", true},
		{"page number below int64", `{"type":"PERSON","text":"José","page":1,"start":6,"end":10,"source":"rule"}`, "-99999999999999999999", false},
	}
	good, err := schemas.Encode(validRecord())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m map[string]json.RawMessage
			if err := json.Unmarshal(good, &m); err != nil {
				t.Fatal(err)
			}
			m["entities"] = json.RawMessage("[" + tt.entity + "]")
			m["pages"] = json.RawMessage(`[{"number":` + tt.page + `,"method":"text","text":"Señor José Doe"}]`)
			data, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			err = schemas.ValidateRecordJSON(data)
			if tt.ok && err != nil {
				t.Fatalf("ValidateRecordJSON = %v, want nil", err)
			}
			if !tt.ok && !errors.Is(err, schemas.ErrInvalid) {
				t.Fatalf("ValidateRecordJSON = %v, want ErrInvalid", err)
			}
		})
	}
}

// TestCheckSpansASCII checks spans on an ASCII page, which CheckSpans
// slices by bytes, beside the page with accents in validRecord.
func TestCheckSpansASCII(t *testing.T) {
	for _, tt := range []struct {
		start, end int
		text       string
		ok         bool
	}{
		{0, 5, "Jones", true},
		{0, 4, "Jones", false},
		{4, 9, "Jones", false},
		{6, 7, "x", false},
		{3, 3, "", false},
	} {
		r := validRecord()
		r.Pages = append(r.Pages, schemas.Page{Number: 2, Method: schemas.MethodText, Text: "Jones"})
		r.Entities = append(r.Entities, schemas.Entity{Type: schemas.Person, Text: tt.text, Page: 2, Start: tt.start, End: tt.end, Source: schemas.SourceRule})
		if err := schemas.CheckSpans(r); (err == nil) != tt.ok {
			t.Errorf("span [%d,%d) %q: CheckSpans = %v, want ok %v", tt.start, tt.end, tt.text, err, tt.ok)
		}
	}
}
