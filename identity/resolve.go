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
		} else {
			ns[i].orgKey = namekey.OrgKey(ns[i].Name)
			ns[i].selfKey = "o:" + ns[i].orgKey
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
	u := newUnion(len(ns))
	// Blocks, in member order of their first node; within one, nodes in
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
		resolveBlock(ns, byBlock[b], u, splits)
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
		ka, kb := a.orgKey, b.orgKey
		return ka == kb || !strings.Contains(ka, " ") || !strings.Contains(kb, " ")
	}
	return namekey.ParsedCompatible(a.name, b.name) && a.name.Suffix == b.name.Suffix
}

// group is what resolveBlock knows of one cluster of a block: enough to
// decide a join without visiting every pair of members.
type group struct {
	docs  map[string]bool
	names map[string]int  // a member of each distinct name: names decide whether two nodes agree
	keys  map[string]bool // "o:" + each organization name's key, as Context writes it
	// in counts, for each split judgement, the members it names.
	in   []int
	size int
}

// resolveBlock joins the nodes idx of one block (sorted by member key),
// node by node: each joins every earlier cluster it shares a
// discriminator with whose members all agree with the members of its own
// (see Resolve). Clusters are found through an index of discriminators,
// and agreement is checked on each cluster's distinct names, so a block
// of thousands of filings naming one agency costs about as many steps as
// it has nodes, not their square.
func resolveBlock(ns []Node, idx []int, u *union, splits []map[string]bool) {
	groups := make(map[int]*group, len(idx))
	index := map[string][]int{} // discriminator or "a:"+alias → roots holding it (stale ones resolved on use)
	excluded := func(d string, n *Node) bool {
		if d == n.Block || strings.HasPrefix(d, "p:"+n.Block+"|") {
			return true
		}
		return n.Type == schemas.Organization && d == n.selfKey
	}
	for _, j := range idx {
		n := &ns[j]
		g := &group{docs: map[string]bool{n.Doc: true}, names: map[string]int{n.Name: j}, keys: map[string]bool{}, size: 1}
		if n.Type == schemas.Organization {
			g.keys[n.selfKey] = true
		}
		g.in = make([]int, len(splits))
		for k, sp := range splits {
			if sp[n.Member] {
				g.in[k] = 1
			}
		}
		groups[j] = g
		// The earlier clusters j shares a discriminator with, in the
		// order of their first members.
		var cands []int
		seen := map[int]bool{}
		look := func(d string) {
			roots := index[d]
			kept := roots[:0]
			for _, r := range roots {
				r = u.find(r)
				if seen[r] || slices.Contains(kept, r) {
					continue
				}
				kept = append(kept, r)
				if !groups[r].keys[d] {
					seen[r] = true
					cands = append(cands, r)
				}
			}
			index[d] = kept
		}
		for _, a := range n.Aliases {
			look("a:" + a)
		}
		for _, d := range n.Context {
			if !excluded(d, n) {
				look(d)
			}
		}
		slices.Sort(cands)
		for _, c := range cands {
			rj, rc := u.find(j), u.find(c)
			if rj == rc || !agree(ns, groups[rj], groups[rc]) {
				continue
			}
			merged := mergeGroups(groups[rj], groups[rc])
			u.join(rj, rc)
			r := u.find(j)
			delete(groups, rj)
			delete(groups, rc)
			groups[r] = merged
		}
		r := u.find(j)
		for _, a := range n.Aliases {
			index["a:"+a] = append(index["a:"+a], r)
		}
		for _, d := range n.Context {
			if !excluded(d, n) {
				index[d] = append(index[d], r)
			}
		}
	}
}

// agree reports whether two clusters may be one: no document in both,
// every name of one agreeing with every name of the other, and no split
// judgement naming members on one side and not on the other.
func agree(ns []Node, a, b *group) bool {
	for d := range a.docs {
		if b.docs[d] {
			return false
		}
	}
	for k := range a.in {
		if inA, inB := a.in[k], b.in[k]; (inA > 0 || inB > 0) && (inA < a.size || inB < b.size) {
			return false
		}
	}
	for _, i := range a.names {
		for _, j := range b.names {
			if !namesAgree(&ns[i], &ns[j]) {
				return false
			}
		}
	}
	return true
}

// mergeGroups returns the state of a and b joined, reusing the larger.
func mergeGroups(a, b *group) *group {
	if len(a.docs) < len(b.docs) {
		a, b = b, a
	}
	for d := range b.docs {
		a.docs[d] = true
	}
	for name, i := range b.names {
		if _, ok := a.names[name]; !ok {
			a.names[name] = i
		}
	}
	for k := range b.keys {
		a.keys[k] = true
	}
	for k := range a.in {
		a.in[k] += b.in[k]
	}
	a.size += b.size
	return a
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
	// The larger list takes the smaller one's members: copying the large
	// list at every join would make a big cluster cost its square.
	ma, mb := u.members(ra), u.members(rb)
	if len(ma) < len(mb) {
		ma, mb = mb, ma
	}
	u.parent[rb] = ra
	u.sets[ra] = append(ma, mb...)
	delete(u.sets, rb)
}
