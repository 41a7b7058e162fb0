package export_test

import (
	"errors"
	"strings"
	"testing"
)

func errorsIs(err, target error) bool { return errors.Is(err, target) }

const (
	doc    = `{"id":"d1","schema":"Pages","properties":{"name":["a.pdf"],"fileName":["a.pdf"]}}`
	person = `{"id":"p1","schema":"Person","properties":{"name":["Jose Doe"]}}`
)

// TestCheck feeds the validator entities broken in one way each.
func TestCheck(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // in the one problem; "" for none
	}{
		{"valid", doc + "\n" + person + "\n" + `{"id":"l1","schema":"Documentation","properties":{"document":["d1"],"entity":["p1"],"date":["2020-02-29"]}}`, ""},
		{"unknown schema", `{"id":"x","schema":"Gang","properties":{"name":["x"]}}`, "unknown schema"},
		{"abstract schema", `{"id":"x","schema":"Thing","properties":{"name":["x"]}}`, "abstract"},
		{"inherited property", `{"id":"x","schema":"Person","properties":{"name":["x"],"alias":["y"],"proof":["d1"]}}` + "\n" + doc, ""},
		{"foreign property", `{"id":"x","schema":"Person","properties":{"name":["x"],"caseNumber":["1"]}}`, "not a property of Person"},
		{"bad date", `{"id":"x","schema":"Person","properties":{"name":["x"],"birthDate":["2020-02-30"]}}`, "no such date"},
		{"date form", `{"id":"x","schema":"Person","properties":{"name":["x"],"birthDate":["02/03/2020"]}}`, "ISO 8601"},
		{"country", `{"id":"x","schema":"Person","properties":{"name":["x"],"nationality":["USA"]}}`, "country"},
		{"country ok", `{"id":"x","schema":"Person","properties":{"name":["x"],"nationality":["us"]}}`, ""},
		{"number", `{"id":"x","schema":"Pages","properties":{"name":["x"],"fileName":["x"],"fileSize":["12 kB"]}}`, "not a number"},
		{"mime", `{"id":"x","schema":"Pages","properties":{"name":["x"],"fileName":["x"],"mimeType":["pdf"]}}`, "MIME"},
		{"url", `{"id":"x","schema":"Pages","properties":{"name":["x"],"fileName":["x"],"sourceUrl":["file:///etc/passwd"]}}`, "URL"},
		{"missing required", person + "\n" + `{"id":"x","schema":"CourtCaseParty","properties":{"party":["p1"],"role":["defendant"]}}`, "required"},
		{"dangling reference", person + "\n" + `{"id":"l1","schema":"Documentation","properties":{"document":["nope"],"entity":["p1"]}}`, "no entity of the input"},
		{"wrong range", person + "\n" + `{"id":"l1","schema":"Documentation","properties":{"document":["p1"],"entity":["p1"]}}`, "want a Document"},
		{"duplicate id", person + "\n" + person, "twice"},
		{"bad id", `{"id":"a b","schema":"Person","properties":{"name":["x"]}}`, "FtM's form"},
		{"not a list", `{"id":"x","schema":"Person","properties":{"name":"x"}}`, "list of strings"},
		{"empty value", `{"id":"x","schema":"Person","properties":{"name":[""]}}`, "empty"},
		{"max length", `{"id":"x","schema":"Person","properties":{"name":["x"],"phone":["` + strings.Repeat("1", 33) + `"]}}`, "longer than 32"},
		{"not json", `{"id":`, "not an entity"},
	}
	m := model(t)
	for _, tt := range tests {
		res, err := m.Check(strings.NewReader(tt.in))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		switch {
		case tt.want == "" && len(res.Problems) > 0:
			t.Errorf("%s: problems %v, want none", tt.name, res.Problems)
		case tt.want != "" && (len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Message, tt.want)):
			t.Errorf("%s: problems %v, want one saying %q", tt.name, res.Problems, tt.want)
		}
	}
}

// TestModel checks inheritance: Person has Thing's and LegalEntity's
// properties and requirements, and the abstract schemata are known.
func TestModel(t *testing.T) {
	m := model(t)
	p := m.Schema("Person")
	for _, prop := range []string{"name", "alias", "proof", "email", "birthDate"} {
		if _, ok := p.Properties[prop]; !ok {
			t.Errorf("Person lacks %s", prop)
		}
	}
	if !p.Is("LegalEntity") || !p.Is("Thing") || p.Is("Document") {
		t.Error("Person's ancestors wrong")
	}
	if d := m.Schema("Documentation"); !d.Is("Interval") || d.Properties["document"].Range != "Document" {
		t.Errorf("Documentation: %+v", d)
	}
	if !m.Schema("Thing").Abstract || m.Schema("Person").Abstract {
		t.Error("abstract flags wrong")
	}
}

// FuzzCheck: any input ends in a result or a read error, never a panic.
func FuzzCheck(f *testing.F) {
	f.Add([]byte(doc + "\n" + person))
	f.Add([]byte(`{"id":"x","schema":"Documentation","properties":{"document":["x"],"entity":["x"],"date":["9999-99"]}}`))
	m := model(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		res, err := m.Check(strings.NewReader(string(in)))
		if err == nil && res.Invalid > res.Entities {
			t.Errorf("%d invalid of %d", res.Invalid, res.Entities)
		}
	})
}
