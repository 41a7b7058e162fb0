// Package annotate turns pages of text into entities and the record they
// make. It reads no files but its embedded word lists, talks to no network
// and keeps no global mutable state: the annotate stage, the casefile
// annotate command, eval and the benchmarks call it directly.
//
// [Models] holds the gazetteers and word lists, loaded once per process by
// [LoadModels] and shared read-only. [Annotator] finds, in one pass over a
// document's pages, people, places and organizations (court rules over
// gazetteers and name lists; prose v2's built-in entity model, once run on
// caption lines, added nothing the rules did not find on the development
// gold and cost half the annotation time, so it is not run), quantities, charges, dates
// and case numbers, and the filing's case block (court, case numbers,
// caption, document type, filed date); page furniture (ECF stamps,
// pleading line numbers, running heads) is blanked before names are read.
// Every entity is pinned to its page and code-point span, and
// [Annotator.Record] assembles a casefile.record/v1, which schemas.Encode
// validates as it encodes it for publishing.
package annotate
