// Package casemeta reads what a filing says about its own case: [Read]
// fills the record's case block (court id and name, the filing's own case
// numbers, caption, document type, filed date) from the first page with
// text and the ECF stamps of every page, and returns every CASE_NUMBER and
// DATE in the text as entities. [ParseStamp] and [StampSpans] read the
// ECF header stamps, which annotate also blanks as page furniture. A field
// the text does not give is left empty rather than guessed.
package casemeta
