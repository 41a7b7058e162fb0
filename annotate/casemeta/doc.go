// Package casemeta reads what a filing says about its own case: [Read]
// fills the record's case block (court id and name, the filing's own case
// numbers, caption, document type, filed date) from the first page with
// text and the ECF stamps of every page, and returns every CASE_NUMBER and
// DATE in the text as entities. [ParseStamp] and [StampSpans] read the
// ECF header stamps, which annotate also blanks as page furniture. A field
// the text does not give is left empty rather than guessed.
//
// A caption is written as a case is cited: the first party of each side
// ("Mortimer v. Baca" for a list of plaintiffs headed by Roger D.
// Mortimer), a person by surname, an organization in full however many
// lines it takes ("Reliance Standard Life Insurance Company"). A filing
// naming a matter instead of parties keeps the words it prints ("In the
// Matter of the Search of Michael Anthony Butler, Jr.", "In re Grand Jury
// Subpoena", an administrative board's "Matter of Emmanuel LAGUERRE").
// A court of review's decision that prints no title is an opinion by what
// its head prints instead: who delivered it, the court appealed from, the
// panel or the writing judge, when it was decided. A name printed in capitals is written in title case, except
// where the page prints the same word in a mixed case of its own ("FEDEX"
// as "FedEx") and for abbreviations without vowels ("PNC"): one
// convention for every caption, each word of it found in the filing by a
// search that ignores letter case.
package casemeta
