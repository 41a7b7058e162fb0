package export

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
)

// id makes a stable FtM entity id: the SHA-1 (as FtM's own make_id uses)
// of a kind and casefile's own identifiers, so the same store exports the
// same ids on any machine and any run. Parts are joined with a NUL, which
// no identifier holds, so ("a b", "c") and ("a", "b c") differ.
func id(kind string, parts ...string) string {
	h := sha1.New()
	h.Write([]byte("casefile\x00" + kind))
	for _, p := range parts {
		h.Write([]byte{0})
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Kinds of exported things, as the ids and the CSV files name them.
const (
	kindPerson       = "person"
	kindOrganization = "organization"
	kindPlace        = "place"
)

// thingKind maps a mention type to the kind of thing it names; "" for
// mentions that name no thing (quantities, charges, dates, case numbers).
func thingKind(entityType string) string {
	switch entityType {
	case "PERSON":
		return kindPerson
	case "ORGANIZATION":
		return kindOrganization
	case "PLACE":
		return kindPlace
	}
	return ""
}

// nameKey is the name a mention is grouped under when the store holds no
// document-level entities or clusters: its normalized form, or its text.
// The SQL form is keySQL; the two must agree.
func nameKey(text, normalized string) string {
	if normalized != "" {
		return normalized
	}
	return text
}

const keySQL = `COALESCE(NULLIF(normalized, ''), text)`

// thingID is the id of the thing a name key of a kind stands for.
func thingID(kind, key string) string { return id(kind, key) }

// fold lower-cases and collapses spaces, for comparing names.
func fold(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
