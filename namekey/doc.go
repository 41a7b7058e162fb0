// Package namekey folds the names of people and organizations into keys
// that compare equal when two spellings name the same way: case,
// diacritics and punctuation folded, word order ignored, honorifics and
// corporate forms dropped. It is shared by within-document grouping
// (annotate/referent) and cross-document identity, so that both read a
// name alike.
//
// [Key] and [OrgKey] give the key of a person's and an organization's
// name, and [OrgInitials] what an organization's name shares with its
// acronym ("Federal Bureau of Investigation" and "FBI": "fbi"); [Parse]
// splits a person's name into given, middle, surname and generational
// suffix, reading "LAST, FIRST" order; [Compatible] says whether two full
// names may name one person (same surname and suffix, given and middle
// names equal or an initial of one another); [Title] gives an all-caps
// name the capitalisation a reader expects.
//
// Keys are comparisons, not identities: equal keys are a necessary
// condition for two names to be one person, never a sufficient one. The
// package holds only read-only tables and imports nothing of casefile.
package namekey
