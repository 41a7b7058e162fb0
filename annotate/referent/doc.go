// Package referent groups a document's PERSON and ORGANIZATION mentions by
// referent: [Group] turns a record's entities into its doc_entities, one
// per person or organization the document names, each listing its
// mentions by index with the name a reader would give it.
//
// People: full names join when [namekey.Compatible] holds and nothing
// else in the document is compatible with one but not the other ("J. Doe"
// stays apart, ambiguous, beside John and Jane Doe); a surname alone, or
// the same surname in capitals, joins a full name only when exactly one
// person of the document has that surname, and otherwise stays apart with
// AmbiguousWith naming the candidates; a given name alone joins only the
// one person who has it, when no one has it as a surname; a name after
// an alias marker (a/k/a, aka, a.k.a., f/k/a, also known as) or a
// nickname in quotes right after a name is an alias of the person named
// just before it, and so are its other mentions. Organizations join on
// equal [namekey.OrgKey] of their text or of the annotator's
// normalization, and an acronym defined in parentheses right after a name
// ("Drug Enforcement Administration (DEA)") joins that name; a generic
// reference ("the Company") keys on its own word and is linked to nothing.
//
// Charges and quantities are tied to a person only where one sentence
// names that person and no other, as the subject of a criminal-process
// verb (pleaded guilty, was convicted, charged, sentenced, possessed…)
// or after "as to": precision before recall.
//
// Group reads only its arguments, keeps no state and is safe for
// concurrent use. It never fails: entities it cannot read are left out of
// every group.
package referent
