-- casefile store, version 2: who is who. The people and organizations of
-- each document (doc_entities, from the record's doc_entities), the
-- mentions and the charges and quantities tied to each, the clusters that
-- resolve them across documents, and the judgements a person made.
-- Rows of a document go with it (ON DELETE CASCADE); clusters and
-- judgements are the store's own and are rewritten by the sink.

CREATE TABLE doc_entities (
    document_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    entity_id      TEXT NOT NULL,           -- p1, p2… o1…: unique within the document
    type           TEXT NOT NULL,           -- PERSON or ORGANIZATION
    name           TEXT NOT NULL,           -- the fullest form the document gives
    key            TEXT NOT NULL,           -- the folded, order-insensitive name key
    aliases        JSONB NOT NULL DEFAULT '[]',  -- JSON array of names
    ambiguous_with JSONB NOT NULL DEFAULT '[]',  -- JSON array of entity ids
    member         TEXT NOT NULL,           -- stable member key: document_id/key; judgements name these
    block          TEXT NOT NULL,           -- the names that may match it share this
    cluster_id     TEXT NOT NULL,           -- clusters.id
    context        JSONB NOT NULL DEFAULT '[]',  -- the document's discriminators (identity.Context), JSON array
    mentions       INTEGER NOT NULL DEFAULT 0,   -- its mentions, charges and quantities: what its
    charges        INTEGER NOT NULL DEFAULT 0,   -- cluster counts, kept here so that resolving a
    quantities     INTEGER NOT NULL DEFAULT 0,   -- block reads the block's rows and nothing else
    PRIMARY KEY (document_id, entity_id)
);
CREATE UNIQUE INDEX doc_entities_member ON doc_entities (member);
CREATE INDEX doc_entities_block ON doc_entities (type, block);
CREATE INDEX doc_entities_cluster ON doc_entities (cluster_id);
CREATE INDEX doc_entities_key ON doc_entities (type, key);

-- The mentions of a doc entity: entities rows (document_id, seq).
CREATE TABLE doc_entity_mentions (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    entity_id   TEXT NOT NULL,
    seq         INTEGER NOT NULL,           -- entities.seq
    PRIMARY KEY (document_id, entity_id, seq)
);
CREATE INDEX doc_entity_mentions_seq ON doc_entity_mentions (document_id, seq);

-- CHARGE and QUANTITY entities the text ties to a doc entity.
CREATE TABLE doc_entity_ties (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    entity_id   TEXT NOT NULL,
    seq         INTEGER NOT NULL,           -- entities.seq of the CHARGE or QUANTITY
    kind        TEXT NOT NULL,              -- charge or quantity
    PRIMARY KEY (document_id, entity_id, seq)
);

-- One row per cluster: a person or organization across documents.
CREATE TABLE clusters (
    id         TEXT PRIMARY KEY,            -- stable: a hash of the type and smallest member key
    type       TEXT NOT NULL,               -- PERSON or ORGANIZATION
    name       TEXT NOT NULL,               -- canonical name
    aliases    JSONB NOT NULL DEFAULT '[]',  -- JSON array: other names and aliases of the members
    filings    INTEGER NOT NULL,            -- documents naming it
    mentions   INTEGER NOT NULL,
    charges    INTEGER NOT NULL,            -- CHARGE entities tied to it
    quantities INTEGER NOT NULL,            -- QUANTITY entities tied to it
    members    INTEGER NOT NULL             -- doc entities
);
CREATE INDEX clusters_type_filings ON clusters (type, filings);

-- The judgement file's decisions, in file order, as last applied.
CREATE TABLE judgements (
    line    INTEGER PRIMARY KEY,            -- 1-based line of the judgement file
    op      TEXT NOT NULL,                  -- merge or split
    members JSONB NOT NULL,                 -- JSON array of member keys
    note    TEXT,
    at      TIMESTAMPTZ                     -- when the decision was made
);

-- Blocks written since clusters were last resolved, and the clusters of
-- doc entities since replaced: resolution is deferred a little so that a
-- block named in every filing (an agency) is resolved once per interval,
-- not once per batch. Written in the same transaction as the rows.
CREATE TABLE identity_pending (
    kind  TEXT NOT NULL,                    -- block (value: the block, of type) or cluster (value: its id)
    type  TEXT NOT NULL,                    -- PERSON or ORGANIZATION; '' for a cluster
    value TEXT NOT NULL,
    PRIMARY KEY (kind, type, value)
);
