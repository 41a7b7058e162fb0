// Package identity resolves the people and organizations of many
// documents (each record's doc_entities) into clusters: one cluster per
// referent across a dump, with a stable id.
//
// Resolution is conservative. Two doc entities of different documents
// join when they have the same type, fall in the same block, their names
// are compatible and their documents share at least one discriminator:
//
//   - names: for people, [namekey.ParsedCompatible] (same surname, given
//     and middle names equal or initials of one another) and the same
//     generational suffix ("John Doe" is never "John Doe Jr."); for
//     organizations, equal [namekey.OrgKey]s, or a one-word key (an
//     acronym) beside a name of the same initials, their block ("FBI" and
//     "Federal Bureau of Investigation"). A bare surname, a given name
//     alone or a name with no letters is never joined: it stays its own
//     cluster.
//   - discriminators: a case number both documents carry, another person
//     both documents name (by name key, not counting names of the same
//     block), an organization both name, or an alias both give the entity.
//
// Nodes are taken one by one in the order of their member keys, each
// joining the earlier clusters of its block it shares a discriminator
// with; a join that would put two members of one document, or two
// incompatible names, in one cluster is refused, so that "J. Doe" cannot
// chain "John Doe" to "Jane Doe". Clusters are found through an index of
// discriminators and checked on their distinct names, so a block costs
// about as many steps as it has nodes: a dump where one agency is named
// in every filing stays linear. A person's judgements (a [Judgement] file) then
// split members off their clusters and merge clusters.
//
// Cluster ids are a function of the cluster's members only: the hash of
// the type and the smallest member key ([ClusterID]). A member key is the
// document id and the entity's name key ([Member]), which re-processing
// the same bytes gives again. Since [Resolve] sorts its input and decides
// every join in member-key order, the same documents give the same
// clusters and ids on any machine and in any order of arrival; when two
// clusters merge, the merged cluster takes the id of the one holding the
// smaller member, and the other id disappears. Everything a cluster
// depends on lies in one block (plus blocks tied by merge judgements), so
// a store can resolve incrementally: re-resolving the blocks a new or
// re-written document touches gives what resolving the whole dump gives.
//
// The package is pure: no I/O beyond the io.Reader of [ReadJudgements].
package identity
