// Package annotate turns pages of text into entities and the record they
// make. It reads no files but its embedded word lists, talks to no network
// and keeps no global mutable state: the annotate stage, the casefile
// annotate command, eval and the benchmarks call it directly.
//
// [Models] holds the prose model and the gazetteers, loaded once per
// process by [LoadModels] and shared read-only. [Annotator] finds, in one
// pass over a document's pages, people, places and organizations (prose
// on captions plus court rules and gazetteers), quantities, charges, dates
// and case numbers, and the filing's case block (court, case numbers,
// caption, document type, filed date); page furniture (ECF stamps,
// pleading line numbers, running heads) is blanked before names are read.
// Every entity is pinned to its page and code-point span, and
// [Annotator.Record] assembles a casefile.record/v1, which schemas.Encode
// validates as it encodes it for publishing.
package annotate
