// Package readingroom is casefile's web reading room: read-only pages over
// a SQLite or PostgreSQL store that let a reader search the page text of a
// dump, read each filing with every mention highlighted on its page, follow
// a person or organization across filings, and see which files failed and
// why.
//
// [Open] opens a store without any right to write: a SQLite file in
// read-only, query-only mode (never created), or PostgreSQL sessions whose
// transactions are read-only. [Server] is an http.Handler with these
// routes, all GET:
//
//	/search?q=…&court=…&type=…&year=…&etype=…&offense=…&name=…&page=N
//	    full-text search (SQLite FTS5 pages_fts, PostgreSQL tsvector) with
//	    facets; the URL holds the whole query. Without q it lists filings.
//	/doc/ID[?from=N]  the case block, pages N..N+99 with each entity span
//	    highlighted (colour and a text label), the side list of people,
//	    places, organizations, quantities and charges linking to mentions
//	/doc/ID/pdf       the original PDF, read from the recorded source path
//	    and served only while its SHA-256 is still the document id
//	/entity?type=PERSON&name=…  every filing and page naming a normalized
//	    name (letter case folded), how it is written, what shares its pages
//	/deadletters[?reason=…]  failed documents, each reason code explained
//	/static/…         the embedded CSS and JavaScript
//
// Every document string is untrusted: pages are rendered by html/template
// only, and spans (code-point offsets) are cut into tokens rather than
// spliced into markup. Responses carry a Content-Security-Policy without
// inline script or style, and nosniff. Every query is bounded: a LIMIT on
// each, PageSize results per page up to MaxPage, counts stopped at
// CountCap, facets over the first FacetDocs filings, 100 pages per
// document view, and each request's context ends after Options.Timeout.
//
// Entity pages group mentions by their normalized name; charges,
// quantities and people listed there share a page with a mention, which
// the page says, rather than being tied to the entity by the text.
package readingroom
