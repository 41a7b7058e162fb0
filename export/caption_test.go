package export

import (
	"slices"
	"strings"
	"testing"

	"github.com/casefile/casefile/storedb"
	"github.com/google/go-cmp/cmp"
)

func TestParties(t *testing.T) {
	tests := []struct {
		caption string
		want    []party
	}{
		{"United States v. Doe", []party{{"United States", roleProsecution}, {"Doe", roleDefendant}}},
		{"People of the State of New York v. Jose Doe, et al.", []party{{"People of the State of New York", roleProsecution}, {"Jose Doe", roleDefendant}}},
		{"Triplet v. Franklin", []party{{"Triplet", roleParty}, {"Franklin", roleParty}}},
		{"Crane vs. Rodriguez", []party{{"Crane", roleParty}, {"Rodriguez", roleParty}}},
		{"In re Motion for Consent to Disclosure", nil},
		{"A v. B v. C", nil},
		{"", nil},
		{strings.Repeat("x v. y ", 100), nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, parties(tt.caption)); diff != "" {
			t.Errorf("parties(%q) (-want +got):\n%s", tt.caption, diff)
		}
	}
}

func FuzzParties(f *testing.F) {
	for _, s := range []string{"United States v. Doe", "State of Ohio vs Smith et al.", " v. ", "People v. "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, caption string) {
		for _, p := range parties(caption) {
			if p.Name == "" || !strings.Contains(caption, p.Name) {
				t.Errorf("parties(%q): party %q is not in the caption", caption, p.Name)
			}
		}
	})
}

// TestCaseIndexOrder: the case of a number does not depend on the order
// documents list their numbers in.
func TestCaseIndexOrder(t *testing.T) {
	docs := [][]string{{"CR 14-648"}, {"2:14-cr-00648", "CR 14-648"}, {"2:14-CR-00648 "}, {"07-1306"}}
	ids := func(order []int) []string {
		c := &caseIndex{parent: map[string]string{}}
		for _, i := range order {
			for _, n := range docs[i] {
				c.union(caseKey("cacd", docs[i][0]), caseKey("cacd", n))
			}
		}
		var out []string
		for _, d := range docs {
			id, _ := c.caseOf("cacd", d)
			out = append(out, id)
		}
		return out
	}
	first := ids([]int{0, 1, 2, 3})
	if first[0] != first[1] || first[1] != first[2] || first[3] == first[0] {
		t.Fatalf("cases %v: want the first three one case, the fourth another", first)
	}
	for _, order := range [][]int{{3, 2, 1, 0}, {2, 0, 3, 1}, {1, 3, 0, 2}} {
		if got := ids(order); !slices.Equal(got, first) {
			t.Errorf("order %v: cases %v, want %v", order, got, first)
		}
	}
}

// TestSQLDialect: placeholders, collation and JSON columns for PostgreSQL.
func TestSQLDialect(t *testing.T) {
	s := &Store{db: &storedb.DB{Dialect: storedb.Postgres}}
	got := s.sql(`SELECT /*JSON*/d.case_numbers FROM documents d WHERE id = ? AND x = ? ORDER BY d.id/*C*/`)
	want := `SELECT d.case_numbers::text FROM documents d WHERE id = $1 AND x = $2 ORDER BY d.id COLLATE "C"`
	if got != want {
		t.Errorf("sql = %q, want %q", got, want)
	}
}
