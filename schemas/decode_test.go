package schemas_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/casefile/casefile/schemas"
)

// TestDecodeAsEncodingJSON: what a stage reads with Decode is what
// encoding/json would have read, including the leniencies an outside
// publisher may rely on.
func TestDecodeAsEncodingJSON(t *testing.T) {
	good, err := schemas.Encode(validRecord())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data string
	}{
		{"a valid record", string(good)},
		{"names in another case", `{"ID":"ab","Source":"x.pdf","Entities":[{"TYPE":"DATE","Text":"June 1","ATTRS":{"ISO":"2020-06-01"}}]}`},
		{"a duplicate name: the last wins", `{"id":"a","id":"b"}`},
		{"invalid UTF-8 replaced", "{\"source\":\"a\xffb.pdf\"}"},
		{"attrs null", `{"entities":[{"type":"PERSON","text":"A","attrs":null}]}`},
		{"a quantity's null value", `{"entities":[{"type":"QUANTITY","attrs":{"kind":"duration","value":null,"unit":"life"}}]}`},
		{"a charge's statutes", `{"entities":[{"type":"CHARGE","attrs":{"statute":"18 U.S.C. § 2","statutes":["18 U.S.C. § 2","21 U.S.C. § 846"],"count":2}}]}`},
		{"a case number", `{"entities":[{"type":"CASE_NUMBER","attrs":{"form":"district","type":"cr","role":"own"}}]}`},
		{"unknown fields ignored", `{"id":"a","extra":{"x":[1,2]},"entities":[{"type":"DATE","attrs":{"iso":"2020-06-01","other":1}}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want, got schemas.Record
			if err := json.Unmarshal([]byte(tt.data), &want); err != nil {
				t.Fatalf("encoding/json: %v", err)
			}
			if err := schemas.Decode([]byte(tt.data), &got); err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Decode differs from encoding/json (-json +Decode):\n%s", diff)
			}
		})
	}
}

// TestDecodeRejects: what encoding/json refuses, Decode refuses.
func TestDecodeRejects(t *testing.T) {
	for _, data := range []string{
		``,
		`{"id":`,
		`{"pages":[{"number":"one"}]}`,
		`{"entities":[{"type":"PERSON","text":"A","attrs":{}}]}`,
		`{"entities":[{"type":"DATE","attrs":{"iso":7}}]}`,
		`{"entities":[{"type":"QUANTITY","attrs":{"value":"280"}}]}`,
		`{"ingested_at":"yesterday"}`,
		`[1,2]`,
	} {
		var v1, v2 schemas.Record
		if err := json.Unmarshal([]byte(data), &v1); err == nil {
			t.Fatalf("%s: encoding/json accepts it; the table is wrong", data)
		}
		if err := schemas.Decode([]byte(data), &v2); err == nil {
			t.Errorf("%s: Decode accepts what encoding/json refuses", data)
		}
	}
}

// FuzzDecode: on any bytes, Decode and encoding/json agree on whether they
// are a record, and on the record they are.
func FuzzDecode(f *testing.F) {
	good, err := schemas.Encode(validRecord())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte(`{"entities":[{"type":"QUANTITY","attrs":{"kind":"mass","value":1,"unit":"g"}}]}`))
	f.Add([]byte(`{"Entities":[{"type":"PERSON","attrs":{}}],"id":"a","id":"b"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var v1, v2 schemas.Record
		err1 := json.Unmarshal(data, &v1)
		err2 := schemas.Decode(data, &v2)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("encoding/json: %v; Decode: %v", err1, err2)
		}
		if err1 == nil {
			if diff := cmp.Diff(v1, v2); diff != "" {
				t.Fatalf("Decode differs from encoding/json (-json +Decode):\n%s", diff)
			}
		}
	})
}
