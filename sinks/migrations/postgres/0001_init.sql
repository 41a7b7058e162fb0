-- casefile store, version 1: documents, their pages with full-text search,
-- their entities with typed attribute columns, and dead letters.

CREATE TABLE documents (
    id               TEXT PRIMARY KEY,      -- SHA-256 hex of the source bytes
    source           TEXT NOT NULL,
    bytes            BIGINT NOT NULL,
    pages            INTEGER NOT NULL,
    content_type     TEXT NOT NULL,
    title            TEXT,
    court            TEXT,
    court_name       TEXT,
    case_numbers     JSONB NOT NULL DEFAULT '[]',
    caption          TEXT,
    doc_type         TEXT,
    filed            TEXT,                  -- YYYY-MM-DD
    warnings         JSONB NOT NULL DEFAULT '[]',
    ingested_at      TIMESTAMPTZ NOT NULL,
    processed_at     TIMESTAMPTZ NOT NULL,  -- when the store took the record
    casefile_version TEXT NOT NULL
);
CREATE INDEX documents_court ON documents (court);
CREATE INDEX documents_doc_type ON documents (doc_type);

CREATE TABLE pages (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    method      TEXT NOT NULL,              -- text, ocr or none
    text        TEXT NOT NULL,
    tsv         TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
    PRIMARY KEY (document_id, number)
);
CREATE INDEX pages_tsv ON pages USING GIN (tsv);

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
    value       DOUBLE PRECISION,           -- QUANTITY
    unit        TEXT,                       -- QUANTITY
    item        TEXT,                       -- QUANTITY
    offense     TEXT,                       -- CHARGE
    statute     TEXT,                       -- CHARGE
    count       DOUBLE PRECISION,           -- CHARGE: the count number
    attrs       JSONB,                      -- every attribute
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
    at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX dead_letters_reason ON dead_letters (reason);
