-- casefile store, version 1: documents, their pages with full-text search,
-- their entities with typed attribute columns, and dead letters.

CREATE TABLE documents (
    id               TEXT PRIMARY KEY,      -- SHA-256 hex of the source bytes
    source           TEXT NOT NULL,
    bytes            INTEGER NOT NULL,
    pages            INTEGER NOT NULL,
    content_type     TEXT NOT NULL,
    title            TEXT,
    court            TEXT,
    court_name       TEXT,
    case_numbers     TEXT NOT NULL DEFAULT '[]',  -- JSON array
    caption          TEXT,
    doc_type         TEXT,
    filed            TEXT,                  -- YYYY-MM-DD
    warnings         TEXT NOT NULL DEFAULT '[]',  -- JSON array
    ingested_at      TEXT NOT NULL,         -- RFC 3339
    processed_at     TEXT NOT NULL,         -- RFC 3339: when the store took the record
    casefile_version TEXT NOT NULL
);
CREATE INDEX documents_court ON documents (court);
CREATE INDEX documents_doc_type ON documents (doc_type);

CREATE TABLE pages (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    method      TEXT NOT NULL,              -- text, ocr or none
    text        TEXT NOT NULL,
    PRIMARY KEY (document_id, number)
);

-- Full-text search over page text, kept in step by triggers.
CREATE VIRTUAL TABLE pages_fts USING fts5 (text, content = 'pages', content_rowid = 'rowid');
CREATE TRIGGER pages_fts_insert AFTER INSERT ON pages BEGIN
    INSERT INTO pages_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER pages_fts_delete AFTER DELETE ON pages BEGIN
    INSERT INTO pages_fts (pages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;

CREATE TABLE entities (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,           -- position in the record's entity list
    type        TEXT NOT NULL,              -- PERSON, PLACE, ORGANIZATION, QUANTITY, CHARGE, DATE, CASE_NUMBER
    text        TEXT NOT NULL,              -- exactly the page text between char_start and char_end
    normalized  TEXT,
    page        INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,           -- code points into the page's text, half-open
    char_end    INTEGER NOT NULL,
    source      TEXT NOT NULL,
    kind        TEXT,                       -- QUANTITY: money, mass, count, duration, volume
    value       REAL,                       -- QUANTITY
    unit        TEXT,                       -- QUANTITY
    item        TEXT,                       -- QUANTITY
    offense     TEXT,                       -- CHARGE
    statute     TEXT,                       -- CHARGE
    count       REAL,                       -- CHARGE: the count number
    attrs       TEXT,                       -- every attribute, JSON
    PRIMARY KEY (document_id, seq)
);
CREATE INDEX entities_type_normalized ON entities (type, normalized);
CREATE INDEX entities_offense ON entities (offense) WHERE offense IS NOT NULL;

CREATE TABLE dead_letters (
    id       TEXT PRIMARY KEY,
    source   TEXT NOT NULL,
    stage    TEXT NOT NULL,
    reason   TEXT NOT NULL,
    message  TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    at       TEXT NOT NULL
);
CREATE INDEX dead_letters_reason ON dead_letters (reason);
