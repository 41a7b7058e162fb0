package schemas

import (
	"encoding/json"
	"fmt"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// Attrs is the typed attributes of one entity type: *QuantityAttrs,
// *ChargeAttrs, *CaseNumberAttrs or *DateAttrs. The set is closed; on the
// wire each is the entity's "attrs" object, described per type in
// record.v1.json.
type Attrs interface {
	// EntityType is the type of entity these attributes belong to.
	EntityType() EntityType
}

// Quantity kinds.
const (
	KindMoney    = "money"
	KindMass     = "mass"
	KindCount    = "count"
	KindDuration = "duration"
	KindVolume   = "volume"
)

// Quantity units beyond the mass units g, kg, lb, oz (and mg, ton).
const (
	UnitUSD   = "USD"
	UnitCount = "count"
	UnitYear  = "year"
	UnitMonth = "month"
	UnitDay   = "day"
	UnitLife  = "life" // a life sentence: no value
)

// QuantityAttrs describe a QUANTITY: "280 grams or more of cocaine base"
// is {mass, 280, g, cocaine base, or more}.
type QuantityAttrs struct {
	Kind string `json:"kind"`
	// Value is the number in Unit; nil only for a life sentence.
	Value *float64 `json:"value"`
	Unit  string   `json:"unit"`
	// Item is what is counted or weighed, when the text says it.
	Item string `json:"item,omitempty"`
	// Qualifier is a bound the text puts on the value: "or more",
	// "at least", "approximately".
	Qualifier string `json:"qualifier,omitempty"`
}

// EntityType implements Attrs.
func (*QuantityAttrs) EntityType() EntityType { return Quantity }

// ChargeAttrs describe a CHARGE: an offense named in words, or a statute
// citation with the offense it defines when known.
type ChargeAttrs struct {
	// Offense is the offense's name, lower case, with its degree:
	// "murder in the second degree".
	Offense string `json:"offense,omitempty"`
	// Statute is the first cited section, normalized: "18 U.S.C. § 1962(d)".
	Statute string `json:"statute,omitempty"`
	// Statutes lists every section of a citation that names several.
	Statutes []string `json:"statutes,omitempty"`
	// Count is the count number of the heading the charge falls under.
	Count float64 `json:"count,omitempty"`
}

// EntityType implements Attrs.
func (*ChargeAttrs) EntityType() EntityType { return Charge }

// Case-number forms.
const (
	FormDistrict  = "district"  // 2:20-cr-00123-DB, SACR 16-76-JVS
	FormAppellate = "appellate" // No. 20-1507
	FormMisc      = "misc"      // Misc. 13-01
	FormState     = "state"     // Ind. No. 1234/2019
	// FormViolation is the number of a violation notice or citation
	// (Violation Number E1234567), which opens a petty-offense case.
	FormViolation = "violation"
)

// CaseNumberAttrs describe a CASE_NUMBER.
type CaseNumberAttrs struct {
	Form string `json:"form"`
	// Type is the case type: cr, cv, mj, sw… for district numbers; a letter
	// suffix for appellate ones; "indictment" for state indictments.
	Type string `json:"type,omitempty"`
	// Office is a district number's office (division) digit.
	Office string `json:"office,omitempty"`
	// Year as written: two or four digits.
	Year string `json:"year,omitempty"`
	// Judges are the judges' initials a district number ends with.
	Judges string `json:"judges,omitempty"`
	// Defendant is the defendant number of a multi-defendant case.
	Defendant string `json:"defendant,omitempty"`
	// Role says whose number it is, where the page says: RoleOwn for the
	// filing's own case, RoleLowerCourt for the case it appeals from.
	Role string `json:"role,omitempty"`
}

// Case number roles.
const (
	RoleOwn        = "own"
	RoleLowerCourt = "lower_court"
)

// EntityType implements Attrs.
func (*CaseNumberAttrs) EntityType() EntityType { return CaseNumber }

// DateAttrs describe a DATE.
type DateAttrs struct {
	ISO string `json:"iso"` // YYYY-MM-DD
}

// EntityType implements Attrs.
func (*DateAttrs) EntityType() EntityType { return Date }

// Number returns a pointer to v, for QuantityAttrs.Value.
func Number(v float64) *float64 { return &v }

// wireAttrs holds the attrs fields of every entity type at once: their
// names are distinct across types, so an entity decodes in one pass. Read
// as a raw message and again into its type, an entity's attrs cost three
// passes over it, and a record holds hundreds of entities.
type wireAttrs struct {
	QuantityAttrs
	ChargeAttrs
	CaseNumberAttrs
	DateAttrs
}

// wireEntity is an entity as it is read: its attrs, if present and not
// null, in the union of every type's fields.
type wireEntity struct {
	plainEntity
	Attrs *wireAttrs `json:"attrs"` // shadows plainEntity's
}

type plainEntity Entity // no methods: no recursion

// entity returns the entity w holds, its attrs of the type its entity type
// calls for.
func (w *wireEntity) entity() (Entity, error) {
	e := Entity(w.plainEntity)
	e.Attrs = nil
	if w.Attrs == nil {
		return e, nil
	}
	switch e.Type {
	case Quantity:
		a := w.Attrs.QuantityAttrs
		e.Attrs = &a
	case Charge:
		a := w.Attrs.ChargeAttrs
		e.Attrs = &a
	case CaseNumber:
		a := w.Attrs.CaseNumberAttrs
		e.Attrs = &a
	case Date:
		a := w.Attrs.DateAttrs
		e.Attrs = &a
	default:
		return e, fmt.Errorf("schemas: %s entity %q has attrs", e.Type, e.Text)
	}
	return e, nil
}

// UnmarshalJSON decodes an entity, reading its attrs into the type its
// entity type calls for.
func (e *Entity) UnmarshalJSON(data []byte) error {
	var w wireEntity
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	var err error
	*e, err = w.entity()
	return err
}

// UnmarshalJSONFrom is UnmarshalJSON for encoding/json/v2, which reads the
// entity from the stream in one pass instead of handing over its bytes to
// be scanned again.
func (e *Entity) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	var w wireEntity
	if err := jsonv2.UnmarshalDecode(dec, &w); err != nil {
		return err
	}
	var err error
	*e, err = w.entity()
	return err
}
