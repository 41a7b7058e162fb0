package identity

import (
	"slices"
	"strings"

	"github.com/casefile/casefile/namekey"
	"github.com/casefile/casefile/schemas"
)

// Cluster is one referent across documents.
type Cluster struct {
	ID      string
	Type    schemas.EntityType
	Members []string // member keys, sorted; Members[0] gives the ID
}

// Resolve groups nodes into clusters and applies judgements: split
// judgements first keep their members apart from every member not split
// with them, then merge judgements join the clusters of their members
// whatever their names. Members a judgement names that are not among
// nodes are ignored. Two nodes with one member key count once.
//
// The result depends only on the set of nodes and the judgements, never
// on their order: nodes are sorted by member key, and candidate joins are
// tried in that order.
func Resolve(nodes []Node, js []Judgement) []Cluster {
	ns := slices.Clone(nodes)
	slices.SortFunc(ns, func(a, b Node) int { return strings.Compare(a.Member, b.Member) })
	ns = slices.CompactFunc(ns, func(a, b Node) bool { return a.Member == b.Member })
	at := make(map[string]int, len(ns))
	for i := range ns {
		at[ns[i].Member] = i
		if ns[i].Type == schemas.Person {
			ns[i].name = namekey.Parse(ns[i].Name)
		}
	}
	var splits []map[string]bool
	for _, j := range js {
		if j.Op == Split {
			s := make(map[string]bool, len(j.Members))
			for _, m := range j.Members {
				s[m] = true
			}
			splits = append(splits, s)
		}
	}
	apart := func(a, b int) bool {
		for _, s := range splits {
			if s[ns[a].Member] != s[ns[b].Member] {
				return true
			}
		}
		return false
	}
	u := newUnion(len(ns))
	// may reports whether a and b may share a cluster at all.
	may := func(a, b int) bool {
		return ns[a].Doc != ns[b].Doc && ns[a].Type == ns[b].Type && namesAgree(&ns[a], &ns[b]) && !apart(a, b)
	}
	// Blocks, in member order of their first node; within one, pairs in
	// member order.
	var blocks []string
	byBlock := map[string][]int{}
	for i := range ns {
		b := ns[i].Block
		if Solo(b) {
			continue
		}
		if _, ok := byBlock[b]; !ok {
			blocks = append(blocks, b)
		}
		byBlock[b] = append(byBlock[b], i)
	}
	for _, b := range blocks {
		idx := byBlock[b]
		for x, i := range idx {
			for _, j := range idx[x+1:] {
				if u.find(i) == u.find(j) || !may(i, j) || !shareDiscriminator(&ns[i], &ns[j]) {
					continue
				}
				// Every member of one side must agree with every member
				// of the other: no chain through an initial.
				ok := true
				for _, p := range u.members(i) {
					for _, q := range u.members(j) {
						if !may(p, q) {
							ok = false
							break
						}
					}
					if !ok {
						break
					}
				}
				if ok {
					u.join(i, j)
				}
			}
		}
	}
	for _, j := range js {
		if j.Op != Merge {
			continue
		}
		first := -1
		for _, m := range j.Members {
			i, ok := at[m]
			if !ok {
				continue
			}
			if first < 0 {
				first = i
			} else if ns[i].Type == ns[first].Type {
				u.join(first, i)
			}
		}
	}
	var out []Cluster
	for i := range ns {
		if u.find(i) != i {
			continue
		}
		ms := u.members(i)
		c := Cluster{Type: ns[i].Type, Members: make([]string, len(ms))}
		for k, m := range ms {
			c.Members[k] = ns[m].Member
		}
		slices.Sort(c.Members)
		c.ID = ClusterID(c.Type, c.Members[0])
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Cluster) int { return strings.Compare(a.Members[0], b.Members[0]) })
	return out
}

// namesAgree reports whether two nodes' names may name one referent.
func namesAgree(a, b *Node) bool {
	if a.Type != schemas.Person {
		// One block, and the same name or an acronym beside a name:
		// two long names with the same initials are two organizations.
		if a.Block != b.Block || Solo(a.Block) {
			return false
		}
		ka, kb := namekey.OrgKey(a.Name), namekey.OrgKey(b.Name)
		return ka == kb || !strings.Contains(ka, " ") || !strings.Contains(kb, " ")
	}
	return namekey.ParsedCompatible(a.name, b.name) && a.name.Suffix == b.name.Suffix
}

// shareDiscriminator reports whether two nodes of one block share an alias
// or a discriminator of their documents other than names of the block
// itself (a document naming "Jose Doe" is no evidence about Jose Doe).
func shareDiscriminator(a, b *Node) bool {
	if intersects(a.Aliases, b.Aliases, func(string) bool { return true }) {
		return true
	}
	self := "p:" + a.Block + "|"
	var ka, kb string // an organization's own names, as Context writes them
	if a.Type == schemas.Organization {
		ka, kb = "o:"+namekey.OrgKey(a.Name), "o:"+namekey.OrgKey(b.Name)
	}
	return intersects(a.Context, b.Context, func(d string) bool {
		return d != a.Block && d != b.Block && d != ka && d != kb &&
			!strings.HasPrefix(d, self) && !strings.HasPrefix(d, "p:"+b.Block+"|")
	})
}

// intersects reports whether two sorted lists share a value that counts.
func intersects(a, b []string, counts func(string) bool) bool {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch c := strings.Compare(a[i], b[j]); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			if counts(a[i]) {
				return true
			}
			i++
			j++
		}
	}
	return false
}

// union is a disjoint-set forest that keeps each set's members.
type union struct {
	parent []int
	sets   map[int][]int
}

func newUnion(n int) *union {
	u := &union{parent: make([]int, n), sets: make(map[int][]int)}
	for i := range u.parent {
		u.parent[i] = i
	}
	return u
}

func (u *union) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

func (u *union) members(i int) []int {
	r := u.find(i)
	if s, ok := u.sets[r]; ok {
		return s
	}
	return []int{r}
}

// join merges the sets of a and b; the smaller index stays the root, so
// roots are the sets' first members in sorted order.
func (u *union) join(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	merged := append(slices.Clone(u.members(ra)), u.members(rb)...)
	u.parent[rb] = ra
	u.sets[ra] = merged
	delete(u.sets, rb)
}
