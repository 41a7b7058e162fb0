package sinks

// Query is a question a reader asks of a store, in SQL for each database.
// README lists these; a test runs each on both stores after a run over the
// sample filings and checks the rows it expects.
type Query struct {
	Name, Question   string
	SQLite, Postgres string
}

// ExampleQueries are five questions a journalist asks of a dump.
var ExampleQueries = []Query{{
	Name:     "charged",
	Question: "Who is named on the same page as a murder charge, in which filing, on which page?",
	SQLite: `SELECT DISTINCT p.normalized AS person, c.offense, d.source, c.page
FROM entities c
JOIN entities p ON p.document_id = c.document_id AND p.page = c.page AND p.type = 'PERSON'
JOIN documents d ON d.id = c.document_id
WHERE c.type = 'CHARGE' AND c.offense LIKE '%murder%'
ORDER BY person, d.source, c.page;`,
	Postgres: `SELECT DISTINCT p.normalized AS person, c.offense, d.source, c.page
FROM entities c
JOIN entities p ON p.document_id = c.document_id AND p.page = c.page AND p.type = 'PERSON'
JOIN documents d ON d.id = c.document_id
WHERE c.type = 'CHARGE' AND c.offense ILIKE '%murder%'
ORDER BY person, d.source, c.page;`,
}, {
	Name:     "drugs",
	Question: "What drug quantities does each filing state?",
	SQLite: `SELECT d.source, e.page, e.value, e.unit, e.item
FROM entities e JOIN documents d ON d.id = e.document_id
WHERE e.type = 'QUANTITY' AND e.kind = 'mass'
ORDER BY d.source, e.page;`,
	Postgres: `SELECT d.source, e.page, e.value, e.unit, e.item
FROM entities e JOIN documents d ON d.id = e.document_id
WHERE e.type = 'QUANTITY' AND e.kind = 'mass'
ORDER BY d.source, e.page;`,
}, {
	Name:     "place",
	Question: "Which filings name the Bronx, and on which pages?",
	SQLite: `SELECT DISTINCT d.source, e.page
FROM entities e JOIN documents d ON d.id = e.document_id
WHERE e.type = 'PLACE' AND e.normalized = 'The Bronx'
ORDER BY d.source, e.page;`,
	Postgres: `SELECT DISTINCT d.source, e.page
FROM entities e JOIN documents d ON d.id = e.document_id
WHERE e.type = 'PLACE' AND e.normalized = 'The Bronx'
ORDER BY d.source, e.page;`,
}, {
	Name:     "phrase",
	Question: "Which pages say \"second degree\"?",
	SQLite: `SELECT d.source, p.number
FROM pages_fts JOIN pages p ON p.rowid = pages_fts.rowid
JOIN documents d ON d.id = p.document_id
WHERE pages_fts MATCH '"second degree"'
ORDER BY d.source, p.number;`,
	Postgres: `SELECT d.source, p.number
FROM pages p JOIN documents d ON d.id = p.document_id
WHERE p.tsv @@ phraseto_tsquery('english', 'second degree')
ORDER BY d.source, p.number;`,
}, {
	Name:     "failed",
	Question: "Which documents failed, and why?",
	SQLite: `SELECT source, stage, reason, message
FROM dead_letters
ORDER BY reason, source;`,
	Postgres: `SELECT source, stage, reason, message
FROM dead_letters
ORDER BY reason, source;`,
}}
