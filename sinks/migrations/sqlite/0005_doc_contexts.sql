-- casefile store, version 5: a document's context (its discriminators,
-- identity.Context: the case numbers and names that tell same-named
-- people apart) is kept once per document in doc_contexts instead of
-- once per doc entity: it names every doc entity of its document, so the
-- copies grew with the square of a filing's names and were most of
-- doc_entities' bytes. The copies are moved, not lost: doc_contexts gets
-- each document's, and doc_entities.context is '[]' from now on.

CREATE TABLE doc_contexts (
    document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    context     TEXT NOT NULL DEFAULT '[]'  -- identity.Context, JSON array
);
INSERT INTO doc_contexts (document_id, context)
SELECT document_id, MIN(context) FROM doc_entities GROUP BY document_id;
UPDATE doc_entities SET context = '[]' WHERE context <> '[]';
