// Package readingroom is casefile's web reading room: read-only pages over
// a SQLite or PostgreSQL store that let a reader search the page text of a
// dump, read each filing with every mention highlighted on its page, follow
// a person or organization across filings, and see which files failed and
// why.
//
// [Open] opens a store without any right to write: a SQLite file in
// read-only, query-only mode (never created), or PostgreSQL sessions whose
// transactions are read-only. It notes which tables the store has: the
// who-is-who tables (doc_entities, doc_entity_mentions, doc_entity_ties,
// clusters; sinks migration 0002) and doc_facets (migration 0003). A
// store written before them is read as it is, never migrated: entity
// pages by normalized name and facets from the entities table. [Server]
// is an http.Handler with these routes, all GET:
//
//	/search?q=…&court=…&type=…&year=…&etype=…&offense=…&who=…&name=…&page=N
//	    full-text search (SQLite FTS5 pages_fts, PostgreSQL tsvector) with
//	    facets; the URL holds the whole query. Without q it lists filings.
//	    who is a cluster id, name a normalized name. The facet counts are
//	    one GROUP BY over the matching filings' doc_facets rows.
//	/doc/ID[?from=N]  the case block, pages N..N+99 with each entity span
//	    highlighted (colour and a text label; a person's or organization's
//	    mark leads to its entity page on Enter or click), the side list of
//	    people and organizations (one row per doc entity, with its aliases
//	    and mention count, linking to its cluster), places, quantities and
//	    charges, each linking to its mentions
//	/doc/ID/pdf       the original PDF, read from the recorded source path
//	    and served only while its SHA-256 is still the document id
//	/entity/CLUSTER   a who-is-who cluster: canonical name, aliases, each
//	    filing's doc entity (50 a page) with its first mentions quoted and
//	    linked to their spans, the charges and quantities the text ties to
//	    it (doc_entity_ties), the people and organizations of its filings
//	/entity?type=PERSON&name=…  every filing and page naming a normalized
//	    name (letter case folded), how it is written, what shares its
//	    pages, and the clusters its mentions belong to
//	/deadletters[?reason=…]  failed documents, each reason code explained
//	/static/…         the embedded CSS and JavaScript
//
// Every document string is untrusted: pages are rendered by html/template
// only, and spans (code-point offsets) are cut into tokens rather than
// spliced into markup. Responses carry a Content-Security-Policy without
// inline script or style, and nosniff. Every query is bounded: a LIMIT on
// each, PageSize results per page up to MaxPage, counts stopped at
// CountCap, facets over the first FacetDocs matching filings (FacetDocsScan
// without doc_facets), 100 pages per document view, and each request's
// context ends after Options.Timeout.
//
// On a name page (/entity?…), charges, quantities and people share a page
// with a mention, which the page says, rather than being tied to the
// entity by the text; a cluster page lists only what the text ties.
package readingroom
