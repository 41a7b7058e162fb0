package schemas_test

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"testing"

	"github.com/casefile/casefile/schemas"
)

// TestReasonsAgree keeps the three lists of reason codes in step: the Go
// constants (Reasons), the dead-letter schema's enum, and README's table.
func TestReasonsAgree(t *testing.T) {
	want := schemas.Reasons()
	if len(want) == 0 {
		t.Fatal("no reasons")
	}
	for _, r := range want {
		if !slices.Contains(schemas.Stages, r.Stage()) {
			t.Errorf("%s: stage %q is not one of %v", r, r.Stage(), schemas.Stages)
		}
	}

	var doc struct {
		Properties struct {
			Reason struct {
				Enum []schemas.Reason `json:"enum"`
			} `json:"reason"`
		} `json:"properties"`
	}
	data, err := os.ReadFile("deadletter.v1.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	enum := slices.Sorted(slices.Values(doc.Properties.Reason.Enum))
	if !slices.Equal(enum, want) {
		t.Errorf("deadletter.v1.json reason enum\n%v\nwant Reasons()\n%v", enum, want)
	}

	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var table []schemas.Reason
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z]+\\.[a-z_]+)` \\|").FindAllSubmatch(readme, -1) {
		table = append(table, schemas.Reason(m[1]))
	}
	slices.Sort(table)
	if !slices.Equal(table, want) {
		t.Errorf("README's reason table\n%v\nwant Reasons()\n%v", table, want)
	}
}

func TestDeadLetterReasonValidated(t *testing.T) {
	dl := `{"schema":"casefile.deadletter/v1","id":"` + string(make64()) + `","source":"a.pdf","stage":"extract","reason":"%s","message":"m","at":"2026-12-03T00:00:00Z"}`
	for _, tt := range []struct {
		reason string
		ok     bool
	}{{"extract.not_pdf", true}, {"annotate.timeout", true}, {"extract.made_up", false}} {
		err := schemas.ValidateDeadLetterJSON([]byte(fmt.Sprintf(dl, tt.reason)))
		if (err == nil) != tt.ok {
			t.Errorf("reason %s: err = %v, want ok %v", tt.reason, err, tt.ok)
		}
	}
}

func make64() []byte {
	b := make([]byte, 64)
	for i := range b {
		b[i] = 'a'
	}
	return b
}
