package annotate

import (
	"encoding/json"

	"github.com/casefile/casefile/schemas"
)

// wireAttrs returns attrs as a record carries them, so table tests state
// expected attributes as the JSON a reader sees.
func wireAttrs(a schemas.Attrs) map[string]any {
	data, err := json.Marshal(a)
	if err != nil {
		panic(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		panic(err)
	}
	return m
}

// charge returns a CHARGE entity's attributes, or empty ones.
func charge(e schemas.Entity) schemas.ChargeAttrs {
	if a, ok := e.Attrs.(*schemas.ChargeAttrs); ok {
		return *a
	}
	return schemas.ChargeAttrs{}
}
