package identity

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"slices"
	"strings"

	"github.com/casefile/casefile/namekey"
	"github.com/casefile/casefile/schemas"
)

// Node is one doc entity as resolution sees it.
type Node struct {
	Member string // stable member key: see Member
	Doc    string // document id
	Type   schemas.EntityType
	Name   string
	// Block is what every name that may match this one shares (see
	// Block); a node alone in its block is never joined automatically.
	Block string
	// Aliases are the folded keys of the names the document gives as
	// aliases of the entity.
	Aliases []string
	// Context is the document's discriminators (see Context), sorted.
	Context []string

	name    namekey.Name // parsed by Resolve, for people
	orgKey  string       // namekey.OrgKey of Name, by Resolve, for organizations
	selfKey string       // "o:" + orgKey: how Context writes the organization itself
}

// Member returns the member key of a doc entity: the document id and the
// entity's name key, "DOC/KEY". It is stable across re-processing of the
// same bytes, which is why judgements name members by it. A key that is
// empty, or taken already by another entity of the document (in taken),
// is made unique with the entity's id: "DOC/KEY#p3".
func Member(docID, key, entityID string, taken map[string]bool) string {
	m := docID + "/" + key
	if key == "" || taken[m] {
		m += "#" + entityID
	}
	taken[m] = true
	return m
}

// Block returns the block of a name: for a person "p:" and the surname,
// the initial of the given name and the suffix ("p:doe j"); for an
// organization "o:" and its initials ([namekey.OrgInitials]). Names that [Resolve] may join share a
// block. A name that may never be joined (a bare surname, no letters)
// has the block "=" + member, its own.
func Block(typ schemas.EntityType, name, member string) string {
	switch typ {
	case schemas.Person:
		n := namekey.Parse(name)
		if n.Given == "" || n.Surname == "" {
			break
		}
		b := "p:" + n.Surname + " " + string([]rune(n.Given)[:1])
		if n.Suffix != "" {
			b += " " + n.Suffix
		}
		return b
	case schemas.Organization:
		// By initials, so that an acronym meets its long form: one
		// filing's "NYPD" and another's "New York Police Department".
		if k := namekey.OrgInitials(name); k != "" {
			return "o:" + k
		}
	}
	return "=" + member
}

// Solo reports whether a block holds one node only by construction.
func Solo(block string) bool { return strings.HasPrefix(block, "=") }

// Mention is what Context needs of a document's doc entity.
type Mention struct {
	Type schemas.EntityType
	Name string
}

// Context returns a document's discriminators, sorted and unique: "c:"
// and each case number, normalized (CaseNumber); "p:BLOCK|KEY" for each
// person named in full; "o:KEY" for each organization.
func Context(caseNumbers []string, ents []Mention) []string {
	var out []string
	for _, c := range caseNumbers {
		if n := CaseNumber(c); n != "" {
			out = append(out, "c:"+n)
		}
	}
	for _, e := range ents {
		switch e.Type {
		case schemas.Person:
			if b := Block(e.Type, e.Name, ""); !Solo(b) {
				out = append(out, "p:"+b+"|"+namekey.Key(e.Name))
			}
		case schemas.Organization:
			if k := namekey.OrgKey(e.Name); k != "" {
				out = append(out, "o:"+k)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// federal is the stem of a federal district case number: office, year,
// type and number, without judges' initials or a defendant number.
var federal = regexp.MustCompile(`^(\d+:\d{2}-[a-z]{2,4}-\d+)`)

// CaseNumber normalizes a case number for comparison: lower case, spaces
// dropped, a federal number cut to office:year-type-number
// ("2:13-CR-00106-DOC-1" → "2:13-cr-00106").
func CaseNumber(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), ""))
	if m := federal.FindString(s); m != "" {
		return m
	}
	return s
}

// NewNode returns the node of a doc entity of document doc, whose
// document context is ctx (from Context).
func NewNode(doc, member string, typ schemas.EntityType, name string, aliases []string, ctx []string) Node {
	n := Node{Member: member, Doc: doc, Type: typ, Name: name, Block: Block(typ, name, member), Context: ctx}
	for _, a := range aliases {
		var k string
		if typ == schemas.Person {
			k = namekey.Key(a)
		} else {
			k = namekey.OrgKey(a)
		}
		if k != "" {
			n.Aliases = append(n.Aliases, k)
		}
	}
	slices.Sort(n.Aliases)
	n.Aliases = slices.Compact(n.Aliases)
	return n
}

// FromRecord returns the nodes of a record's doc entities, in the
// record's order, with their member keys.
func FromRecord(r *schemas.Record) []Node {
	ctx := RecordContext(r)
	taken := map[string]bool{}
	out := make([]Node, 0, len(r.DocEntities))
	for _, d := range r.DocEntities {
		m := Member(r.ID, d.Key, d.ID, taken)
		out = append(out, NewNode(r.ID, m, d.Type, d.Name, d.Aliases, ctx))
	}
	return out
}

// RecordContext is Context over a record: its case numbers and doc
// entities.
func RecordContext(r *schemas.Record) []string {
	ms := make([]Mention, len(r.DocEntities))
	for i, d := range r.DocEntities {
		ms[i] = Mention{Type: d.Type, Name: d.Name}
	}
	return Context(r.Case.CaseNumbers, ms)
}

// ClusterID returns the id of a cluster of type typ whose smallest member
// key is member: "p-" (people) or "o-" (organizations) and 16 hex digits
// of a SHA-256.
func ClusterID(typ schemas.EntityType, member string) string {
	sum := sha256.Sum256([]byte(string(typ) + "\n" + member))
	prefix := "o-"
	if typ == schemas.Person {
		prefix = "p-"
	}
	return prefix + hex.EncodeToString(sum[:8])
}
