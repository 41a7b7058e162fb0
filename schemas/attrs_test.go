package schemas_test

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/casefile/casefile/schemas"
)

// TestAttrsMatchSchema keeps the Go attribute types and record.v1.json's
// $defs in step: the same property names, and required exactly where the
// Go field is not omitempty.
func TestAttrsMatchSchema(t *testing.T) {
	data, err := os.ReadFile("record.v1.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Defs map[string]struct {
			Required   []string                   `json:"required"`
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for def, v := range map[string]any{
		"quantityAttrs":   schemas.QuantityAttrs{},
		"chargeAttrs":     schemas.ChargeAttrs{},
		"caseNumberAttrs": schemas.CaseNumberAttrs{},
		"dateAttrs":       schemas.DateAttrs{},
	} {
		d, ok := doc.Defs[def]
		if !ok {
			t.Errorf("record.v1.json has no $defs/%s", def)
			continue
		}
		var names, required []string
		rt := reflect.TypeOf(v)
		for i := range rt.NumField() {
			name, opts, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
			names = append(names, name)
			if !strings.Contains(opts, "omitempty") {
				required = append(required, name)
			}
		}
		var props []string
		for p := range d.Properties {
			props = append(props, p)
		}
		slices.Sort(names)
		slices.Sort(props)
		slices.Sort(required)
		got := slices.Sorted(slices.Values(d.Required))
		if !slices.Equal(names, props) {
			t.Errorf("%s: Go fields %v, schema properties %v", def, names, props)
		}
		if !slices.Equal(required, got) {
			t.Errorf("%s: Go required %v, schema required %v", def, required, got)
		}
	}
}

func TestAttrsRoundTrip(t *testing.T) {
	rec := validRecord()
	rec.Pages[0].Text = "280 grams of cocaine; life; 18 U.S.C. § 1962(d); No. 20-1507; June 1, 2020"
	rec.Entities = []schemas.Entity{
		{Type: schemas.Quantity, Text: "280 grams of cocaine", Page: 1, Start: 0, End: 20, Source: schemas.SourceRule,
			Attrs: &schemas.QuantityAttrs{Kind: schemas.KindMass, Value: schemas.Number(280), Unit: "g", Item: "cocaine"}},
		{Type: schemas.Quantity, Text: "life", Page: 1, Start: 22, End: 26, Source: schemas.SourceRule,
			Attrs: &schemas.QuantityAttrs{Kind: schemas.KindDuration, Unit: schemas.UnitLife}},
		{Type: schemas.Charge, Text: "18 U.S.C. § 1962(d)", Page: 1, Start: 28, End: 47, Source: schemas.SourceRule,
			Attrs: &schemas.ChargeAttrs{Offense: "racketeering conspiracy", Statute: "18 U.S.C. § 1962(d)", Count: 1}},
		{Type: schemas.CaseNumber, Text: "20-1507", Page: 1, Start: 53, End: 60, Source: schemas.SourceRule,
			Attrs: &schemas.CaseNumberAttrs{Form: schemas.FormAppellate}},
		{Type: schemas.Date, Text: "June 1, 2020", Page: 1, Start: 62, End: 74, Source: schemas.SourceRule,
			Attrs: &schemas.DateAttrs{ISO: "2020-06-01"}},
	}
	data, err := schemas.Encode(rec)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"value":null`) {
		t.Errorf("a life sentence's value is not null on the wire: %s", data)
	}
	var back schemas.Record
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(rec.Entities, back.Entities); diff != "" {
		t.Errorf("entities after a round trip (-sent +read):\n%s", diff)
	}
}

func TestAttrsValidated(t *testing.T) {
	tests := []struct {
		name    string
		entity  schemas.Entity
		wantErr string
	}{
		{"quantity without unit", schemas.Entity{Type: schemas.Quantity, Attrs: &schemas.QuantityAttrs{Kind: schemas.KindMass, Value: schemas.Number(1)}}, "unit"},
		{"unknown quantity kind", schemas.Entity{Type: schemas.Quantity, Attrs: &schemas.QuantityAttrs{Kind: "weight", Value: schemas.Number(1), Unit: "g"}}, "kind"},
		{"date without iso", schemas.Entity{Type: schemas.Date, Attrs: &schemas.DateAttrs{ISO: "June"}}, "iso"},
		{"attrs of another type", schemas.Entity{Type: schemas.Charge, Attrs: &schemas.DateAttrs{ISO: "2020-06-01"}}, "iso"},
		{"person with attrs", schemas.Entity{Type: schemas.Person, Attrs: &schemas.DateAttrs{ISO: "2020-06-01"}}, "entities/0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := validRecord()
			e := tt.entity
			e.Text, e.Page, e.Start, e.End, e.Source = "José Doe", 1, 6, 14, schemas.SourceRule
			r.Entities = []schemas.Entity{e}
			if err := schemas.Validate(r); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Validate = %v, want an error mentioning %q", err, tt.wantErr)
			}
		})
	}
}
