// Package eval scores casefile records against hand-annotated gold files,
// following the development gold set's guidelines (§9 of
// ../testdata/gold/GUIDELINES.md): per document and per type,
// set-based on normalized surface forms, strict and lenient, with distinct
// predicted strings matched one-to-one onto gold entities.
//
// Counting: TP are gold entities credited by some predicted string (a
// maximum matching), FN the rest; FP are predicted strings that match no
// gold entity at all. A string that matches only an entity already
// credited (an alias, "Lopez" beside "Maria Lopez") or only optional
// entities counts neither way.
//
// [Folds] group the gold documents by source family (a court or an
// office); [Report.ByFold] scores each, and a held-back fold estimates how
// rules do on a family they were not written against.
package eval
