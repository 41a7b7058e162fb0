package identity_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/casefile/casefile/identity"
	"github.com/casefile/casefile/identity/identitytest"
	"github.com/casefile/casefile/schemas"
)

// doc is a hand-built document: case numbers and names (people unless
// prefixed "org:"), with aliases after "|".
type doc struct {
	id    string
	cases []string
	names []string
}

func nodes(docs ...doc) []identity.Node {
	var out []identity.Node
	for _, d := range docs {
		r := schemas.Record{ID: d.id, Case: schemas.Case{CaseNumbers: d.cases}}
		for i, n := range d.names {
			typ := schemas.Person
			if len(n) > 4 && n[:4] == "org:" {
				typ, n = schemas.Organization, n[4:]
			}
			var aliases []string
			for j := range len(n) {
				if n[j] == '|' {
					aliases = []string{n[j+1:]}
					n = n[:j]
					break
				}
			}
			r.DocEntities = append(r.DocEntities, schemas.DocEntity{ID: string(rune('a' + i)), Type: typ, Name: n,
				Key: n, Aliases: aliases})
		}
		out = append(out, identity.FromRecord(&r)...)
	}
	return out
}

// groups returns the clusters as lists of members, clusters of one left out.
func groups(cs []identity.Cluster) [][]string {
	var out [][]string
	for _, c := range cs {
		if len(c.Members) > 1 {
			out = append(out, c.Members)
		}
	}
	return out
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name string
		docs []doc
		js   []identity.Judgement
		want [][]string
	}{{
		name: "same case number",
		docs: []doc{{"A", []string{"2:13-cr-00106-DOC"}, []string{"Jose A. Doe"}}, {"B", []string{"2:13-CR-00106"}, []string{"Jose Doe"}}},
		want: [][]string{{"A/Jose A. Doe", "B/Jose Doe"}},
	}, {
		name: "an acronym meets its long form",
		docs: []doc{{"A", []string{"1"}, []string{"org:NYPD"}}, {"B", []string{"1"}, []string{"org:New York Police Department"}}},
		want: [][]string{{"A/NYPD", "B/New York Police Department"}},
	}, {
		name: "two long names with the same initials stay apart",
		docs: []doc{{"A", []string{"1"}, []string{"org:Drug Enforcement Administration"}}, {"B", []string{"1"}, []string{"org:Department of Energy Affairs"}}},
	}, {
		name: "an acronym does not chain two long names",
		docs: []doc{{"A", []string{"1"}, []string{"org:Drug Enforcement Administration"}}, {"B", []string{"1"}, []string{"org:DEA"}},
			{"C", []string{"1"}, []string{"org:Department of Energy Affairs"}}},
		want: [][]string{{"A/Drug Enforcement Administration", "B/DEA"}},
	}, {
		name: "an organization's own name is no discriminator",
		docs: []doc{{"A", []string{"1"}, []string{"org:FBI"}}, {"B", []string{"2"}, []string{"org:Federal Bureau of Investigation"}},
			{"C", []string{"3"}, []string{"org:Federal Bureau of Investigation"}}},
	}, {
		name: "no discriminator",
		docs: []doc{{"A", []string{"1"}, []string{"Jose Doe"}}, {"B", []string{"2"}, []string{"Jose Doe"}}},
	}, {
		name: "co-defendant",
		docs: []doc{{"A", nil, []string{"Jose Doe", "Mary Roe"}}, {"B", nil, []string{"JOSE DOE", "Mary Roe"}}},
		want: [][]string{{"A/Jose Doe", "B/JOSE DOE"}, {"A/Mary Roe", "B/Mary Roe"}},
	}, {
		name: "a name of the same block is no co-defendant",
		docs: []doc{{"A", nil, []string{"Jose Doe", "Jose A. Doe"}}, {"B", nil, []string{"Jose Doe"}}},
	}, {
		name: "alias",
		docs: []doc{{"A", nil, []string{"Jose Doe|Flaco"}}, {"B", nil, []string{"Jose Doe|Flaco"}}},
		want: [][]string{{"A/Jose Doe", "B/Jose Doe"}},
	}, {
		name: "organization",
		docs: []doc{{"A", nil, []string{"Jose Doe", "org:Mongol Nation"}}, {"B", nil, []string{"Jose Doe", "org:Mongol Nation"}}},
		want: [][]string{{"A/Jose Doe", "B/Jose Doe"}, {"A/Mongol Nation", "B/Mongol Nation"}},
	}, {
		name: "bare surname never",
		docs: []doc{{"A", []string{"1"}, []string{"Doe"}}, {"B", []string{"1"}, []string{"Doe"}}},
	}, {
		name: "first name only never",
		docs: []doc{{"A", []string{"1"}, []string{"Jose"}}, {"B", []string{"1"}, []string{"Jose"}}},
	}, {
		name: "suffixes respected",
		docs: []doc{{"A", []string{"1"}, []string{"John Smith Jr."}}, {"B", []string{"1"}, []string{"John Smith Sr."}}, {"C", []string{"1"}, []string{"John Smith"}}},
	}, {
		name: "no chain through an initial",
		docs: []doc{{"A", []string{"1"}, []string{"John Doe"}}, {"B", []string{"1"}, []string{"J. Doe"}}, {"C", []string{"1"}, []string{"Jane Doe"}}},
		want: [][]string{{"A/John Doe", "B/J. Doe"}},
	}, {
		name: "different middle names",
		docs: []doc{{"A", []string{"1"}, []string{"John A. Doe"}}, {"B", []string{"1"}, []string{"John B. Doe"}}},
	}, {
		name: "diacritics and order",
		docs: []doc{{"A", []string{"1"}, []string{"José Muñoz"}}, {"B", []string{"1"}, []string{"MUNOZ, JOSE"}}},
		want: [][]string{{"A/José Muñoz", "B/MUNOZ, JOSE"}},
	}, {
		name: "merge judgement",
		docs: []doc{{"A", []string{"1"}, []string{"Jose Doe"}}, {"B", []string{"2"}, []string{"Joseph Doe"}}},
		js:   []identity.Judgement{{Op: identity.Merge, Members: []string{"A/Jose Doe", "B/Joseph Doe"}}},
		want: [][]string{{"A/Jose Doe", "B/Joseph Doe"}},
	}, {
		name: "split judgement",
		docs: []doc{{"A", []string{"1"}, []string{"Jose Doe"}}, {"B", []string{"1"}, []string{"Jose Doe"}}, {"C", []string{"1"}, []string{"Jose Doe"}}},
		js:   []identity.Judgement{{Op: identity.Split, Members: []string{"C/Jose Doe"}}},
		want: [][]string{{"A/Jose Doe", "B/Jose Doe"}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := groups(identity.Resolve(nodes(tt.docs...), tt.js))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Resolve clusters (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSynthetic resolves 1,000 generated names with known truth and scores
// "these two names are one person" over every pair.
func TestSynthetic(t *testing.T) {
	d := identitytest.Generate(17, 1000)
	var ns []identity.Node
	for i := range d.Records {
		ns = append(ns, identity.FromRecord(&d.Records[i])...)
	}
	if len(ns) < 1000 {
		t.Fatalf("%d names, want 1000 or more", len(ns))
	}
	cs := identity.Resolve(ns, nil)
	p, r := Score(cs, d.Truth)
	t.Logf("%d names in %d records, %d clusters: pairwise precision %.4f, recall %.4f", len(ns), len(d.Records), len(cs), p, r)
	if p < 0.99 || r < 0.9 {
		t.Errorf("precision %.4f, recall %.4f; want ≥ 0.99 and ≥ 0.9", p, r)
	}
	// Another order of arrival gives the same clusters and ids.
	rng := rand.New(rand.NewPCG(1, 2))
	shuffled := slices.Clone(ns)
	rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	if diff := cmp.Diff(cs, identity.Resolve(shuffled, nil)); diff != "" {
		t.Errorf("shuffled input gives other clusters (-first +shuffled):\n%s", diff)
	}
}

// Score returns the pairwise precision and recall of clusters against
// truth (member → person).
func Score(cs []identity.Cluster, truth map[string]int) (precision, recall float64) {
	var tp, predicted int
	for _, c := range cs {
		for i, a := range c.Members {
			for _, b := range c.Members[i+1:] {
				predicted++
				if truth[a] == truth[b] {
					tp++
				}
			}
		}
	}
	size := map[int]int{}
	for _, p := range truth {
		size[p]++
	}
	var actual int
	for _, n := range size {
		actual += n * (n - 1) / 2
	}
	if predicted == 0 {
		precision = 1
	} else {
		precision = float64(tp) / float64(predicted)
	}
	return precision, float64(tp) / float64(actual)
}
