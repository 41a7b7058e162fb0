package schemas_test

import (
	"encoding/json"
	"testing"

	"github.com/casefile/casefile/schemas"
)

// FuzzRecordJSON feeds arbitrary bytes where a record published by another
// program arrives (the records stream): schema validation and the checks
// JSON Schema cannot make must reject what is wrong with an error, never
// panic on spans, pages or mention indexes out of range, and a record that
// passes them all must encode again and validate the same.
func FuzzRecordJSON(f *testing.F) {
	good, err := schemas.Encode(validRecord())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte(`{"schema":"casefile.record/v1","pages":[{"number":1,"method":"text","text":"ab"}],"entities":[{"type":"PERSON","text":"b","page":1,"start":1,"end":-5}]}`))
	f.Add([]byte(`{"pages":[],"entities":[{"page":2,"start":0,"end":1}],"doc_entities":[{"id":"p1","type":"PERSON","mentions":[7,-1]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		verr := schemas.ValidateRecordJSON(data)
		var r schemas.Record
		if json.Unmarshal(data, &r) != nil {
			return
		}
		serr := schemas.CheckSpans(&r)
		derr := schemas.CheckDocEntities(&r)
		if verr != nil || serr != nil || derr != nil {
			return
		}
		out, err := schemas.Encode(&r)
		if err != nil {
			t.Fatalf("a record that passed every check does not encode: %v", err)
		}
		if err := schemas.ValidateRecordJSON(out); err != nil {
			t.Fatalf("re-encoded record fails validation: %v", err)
		}
	})
}
