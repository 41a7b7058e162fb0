package schemas

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var (
	//go:embed record.v1.json
	recordSchemaJSON []byte
	//go:embed deadletter.v1.json
	deadLetterSchemaJSON []byte
)

// ErrInvalid is wrapped by every validation failure.
var ErrInvalid = errors.New("schemas: invalid")

// compiled holds the schemas, compiled once: they are constants of the binary.
var compiled = sync.OnceValues(func() (map[string]*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	out := map[string]*jsonschema.Schema{}
	for name, text := range map[string][]byte{
		"record.v1.json":     recordSchemaJSON,
		"deadletter.v1.json": deadLetterSchemaJSON,
	} {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(text))
		if err != nil {
			return nil, fmt.Errorf("schemas: parse %s: %w", name, err)
		}
		if err := c.AddResource(name, doc); err != nil {
			return nil, fmt.Errorf("schemas: add %s: %w", name, err)
		}
	}
	for _, name := range []string{"record.v1.json", "deadletter.v1.json"} {
		s, err := c.Compile(name)
		if err != nil {
			return nil, fmt.Errorf("schemas: compile %s: %w", name, err)
		}
		out[name] = s
	}
	return out, nil
})

func validateJSON(name string, data []byte) error {
	all, err := compiled()
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("%w: not JSON: %v", ErrInvalid, err)
	}
	if err := all[name].Validate(inst); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return nil
}

// ValidateRecordJSON checks encoded record bytes against record.v1.json.
// It does not check entity spans; see [Validate].
func ValidateRecordJSON(data []byte) error { return validateJSON("record.v1.json", data) }

// ValidateDeadLetterJSON checks encoded dead-letter bytes against
// deadletter.v1.json.
func ValidateDeadLetterJSON(data []byte) error { return validateJSON("deadletter.v1.json", data) }

// Encode returns the JSON encoding of a record after checking those very
// bytes against record.v1.json and the invariants the schema language
// cannot state (see [CheckSpans] and [CheckDocEntities]): what is validated is what is published,
// encoded once. Errors wrap ErrInvalid.
func Encode(r *Record) ([]byte, error) {
	data, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("%w: marshal: %v", ErrInvalid, err)
	}
	if err := ValidateRecordJSON(data); err != nil {
		return nil, err
	}
	if err := CheckSpans(r); err != nil {
		return nil, err
	}
	if err := CheckDocEntities(r); err != nil {
		return nil, err
	}
	return data, nil
}

// Validate checks a record as [Encode] does, discarding the encoding.
func Validate(r *Record) error {
	_, err := Encode(r)
	return err
}

// CheckSpans reports the first entity whose span does not reproduce its text.
func CheckSpans(r *Record) error {
	var errs []error
	for i, p := range r.Pages {
		if p.Number != i+1 {
			errs = append(errs, fmt.Errorf("page %d is numbered %d", i+1, p.Number))
		}
		if !utf8.ValidString(p.Text) {
			errs = append(errs, fmt.Errorf("page %d text is not valid UTF-8", p.Number))
		}
	}
	// Spans count code points. On an ASCII page (most pages) they are
	// byte offsets, so the page is sliced as it is; only other pages are
	// decoded to runes, once each.
	pages := make([]spanPage, len(r.Pages))
	for i, e := range r.Entities {
		if e.Page < 1 || e.Page > len(r.Pages) {
			errs = append(errs, fmt.Errorf("entity %d (%q): page %d out of range 1..%d", i, e.Text, e.Page, len(r.Pages)))
			continue
		}
		pg := &pages[e.Page-1]
		if !pg.read {
			pg.read = true
			pg.text = r.Pages[e.Page-1].Text
			if !isASCII(pg.text) {
				pg.runes = []rune(pg.text)
			}
		}
		n := len(pg.text)
		if pg.runes != nil {
			n = len(pg.runes)
		}
		if e.Start < 0 || e.End > n || e.Start >= e.End {
			errs = append(errs, fmt.Errorf("entity %d (%q): span [%d,%d) out of page %d (%d code points)", i, e.Text, e.Start, e.End, e.Page, n))
			continue
		}
		got := ""
		if pg.runes != nil {
			got = string(pg.runes[e.Start:e.End])
		} else {
			got = pg.text[e.Start:e.End]
		}
		if got != e.Text {
			errs = append(errs, fmt.Errorf("entity %d: text %q but page %d [%d,%d) is %q", i, e.Text, e.Page, e.Start, e.End, got))
		}
		if len(errs) > 10 {
			break
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w: %w", ErrInvalid, errors.Join(errs...))
	}
	return nil
}

// spanPage is a page's text as CheckSpans reads it: runes is nil while
// the page is unread and when it is ASCII.
type spanPage struct {
	read  bool
	text  string
	runes []rune
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// CheckDocEntities reports what JSON Schema cannot say of a record's doc
// entities: ids unique, "p" for a PERSON and "o" for an ORGANIZATION;
// mentions ascending, in range and of the entity's type, each PERSON or
// ORGANIZATION entity in at most one doc entity; charges and quantities
// in range and of their types; ambiguous_with naming other ids of the
// record.
func CheckDocEntities(r *Record) error {
	var errs []error
	ids := map[string]bool{}
	for _, de := range r.DocEntities {
		if ids[de.ID] {
			errs = append(errs, fmt.Errorf("doc entity id %q twice", de.ID))
		}
		ids[de.ID] = true
	}
	owner := map[int]string{}
	refs := func(de DocEntity, what string, idx []int, typ EntityType, ascending bool) {
		for k, i := range idx {
			switch {
			case i < 0 || i >= len(r.Entities):
				errs = append(errs, fmt.Errorf("doc entity %s: %s %d out of range 0..%d", de.ID, what, i, len(r.Entities)-1))
				continue
			case r.Entities[i].Type != typ:
				errs = append(errs, fmt.Errorf("doc entity %s: %s %d is a %s, not a %s", de.ID, what, i, r.Entities[i].Type, typ))
			case ascending && k > 0 && idx[k-1] >= i:
				errs = append(errs, fmt.Errorf("doc entity %s: %s not ascending at %d", de.ID, what, i))
			}
		}
	}
	for _, de := range r.DocEntities {
		prefix := map[EntityType]string{Person: "p", Organization: "o"}[de.Type]
		if prefix == "" || !strings.HasPrefix(de.ID, prefix) {
			errs = append(errs, fmt.Errorf("doc entity %s: id does not fit type %s", de.ID, de.Type))
		}
		refs(de, "mention", de.Mentions, de.Type, true)
		for _, i := range de.Mentions {
			if other, ok := owner[i]; ok {
				errs = append(errs, fmt.Errorf("entity %d is a mention of both %s and %s", i, other, de.ID))
			}
			owner[i] = de.ID
		}
		refs(de, "charge", de.Charges, Charge, true)
		refs(de, "quantity", de.Quantities, Quantity, true)
		for _, a := range de.AmbiguousWith {
			if !ids[a] || a == de.ID {
				errs = append(errs, fmt.Errorf("doc entity %s: ambiguous with %q, not another id of the record", de.ID, a))
			}
		}
		if len(errs) > 10 {
			break
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w: %w", ErrInvalid, errors.Join(errs...))
	}
	return nil
}
