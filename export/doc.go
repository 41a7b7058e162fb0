// Package export writes a casefile store (SQLite or PostgreSQL, as sinks
// fills them) in forms other tools read: FollowTheMoney JSON lines for
// OpenAleph and the ftm tools (Store.FtM), and spreadsheet-ready CSV files
// (Store.CSV). It reads the store with plain SQL, read-only, streaming row
// by row: memory holds one document's mentions at a time, plus a few
// strings per distinct case number, case and unmatched caption party —
// never the records' text, and nothing per mention of the whole store.
//
// Identity. In a store with who-is-who clusters (sinks' identity tables),
// a person or organization is its cluster, exported under the cluster's
// id with its name, aliases and counts. Every other person, organization
// or place mention (places always, and those of records without doc
// entities or of a store without clusters) is one name key over the whole
// store: its normalized form, or its text where it has none. Other ids are
// SHA-1 digests of the kind and key (and, for documents, links and cases,
// of casefile's own ids), so the same store exports the same ids and
// bytes on every run.
//
// FtM mapping. PERSON → Person, ORGANIZATION → Organization, PLACE →
// Address (name and full: casefile's places are named localities, which an
// address's full form holds without inventing a street or a country).
// Each document is a Pages (PDF) or PlainText entity. A thing is tied to
// each document naming it by a Documentation link: FtM has no property
// for a page or a character span on any link or on Mention, so the link's
// description lists every mention as `page P, characters S-E: "text"`
// (code points into the page's text, half-open, as casefile records
// them), its summary the count and the pages, its recordId the casefile
// record id. Case numbers of one court that a filing lists together are
// one CourtCase (name from the caption, caseNumber, court, fileDate from
// an indictment, complaint, information or petition), tied to its filings
// by Documentation links (role "filing in the case"); the two sides of a
// caption ("United States v. Doe") become CourtCaseParty links (role
// prosecution and defendant when the first side is a government, else
// party) to the person or organization of that document of the same name
// (or, for a surname alone, the one person of the document bearing it),
// else to a LegalEntity of that name. QUANTITY, CHARGE, DATE and
// CASE_NUMBER mentions have no FtM schema and are left to the CSV export.
//
// Model.Check validates FtM JSON lines against the schema files embedded
// from FollowTheMoney (MIT; followthemoney/README.md).
package export
