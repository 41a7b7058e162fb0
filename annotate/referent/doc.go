// Package referent groups a document's PERSON and ORGANIZATION mentions by
// referent: [Group] turns a record's entities into its doc_entities, one
// per person or organization the document names, each listing its
// mentions by index with the name a reader would give it.
//
// People: full names join when [namekey.Compatible] holds (within one
// document a two-letter given name may also shorten a longer one: "Ed",
// "Edward") and no other full name of the document is compatible with
// one but not the other ("J. Doe" beside John and Jane Doe stays apart,
// AmbiguousWith naming both). A surname alone, in any case, joins a full
// name only when exactly one person of the document has that surname;
// otherwise all its mentions form one entity of their own with
// AmbiguousWith naming the candidates. A given name alone joins the one
// person who has it, when no one has it as a surname. A name after an
// alias marker (a/k/a, aka, a.k.a., f/k/a, also known as, known as,
// alias), with only
// commas, parentheses, quotes, an age and earlier aliases between, and a
// name in quotes right after a name, are aliases of the person named
// before them, and so are their other mentions. A party of a cited case
// ("v. Bailey, 696 F.3d 794") is kept apart from the document's people.
// Possessive endings, pleading-paper line numbers and transcript time
// stamps inside a mention are read past.
//
// Organizations join on equal [namekey.OrgKey] of their text or of the
// annotator's normalization; an acronym defined in parentheses right
// after a name ("Drug Enforcement Administration (DEA)"); a caption's
// generic court and the district or circuit on its next line; and a
// short form with the one longer name of the document it is the tail of
// or spells with acronyms ("Gun Violence Suppression Division" and
// "NYPD" of "NYPD Gun Violence Suppression Division" and "New York
// Police Department"). A short form made only of generic words ("Police
// Department", "the Company") is linked to nothing.
//
// Charges and quantities are tied to a person only where one sentence
// names that person and no other, not after a judicial or prosecutorial
// title, as the subject of a criminal-process verb (pleaded guilty, was
// sentenced, was charged, faces, possessed…) with no other clause
// between, or after "as to": precision before recall.
//
// Group reads only its arguments, keeps no state and is safe for
// concurrent use. It never fails (an entity it cannot read is grouped by
// its text) and compares names only where they share a surname or a
// word, so that a long document costs it little beside annotation.
package referent
