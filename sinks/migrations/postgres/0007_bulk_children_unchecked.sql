-- casefile store, version 7: the four tables a record writes tens of rows
-- into each (entities, doc_entities, doc_entity_mentions, doc_facets) lose
-- their foreign key to documents, and a statement trigger on documents
-- deletes their rows with their document instead, as ON DELETE CASCADE
-- did. The key's check ran a query per inserted row: 40-45% of inserting
-- a batch's entities and mentions on the server (EXPLAIN ANALYZE, 64
-- filings: 21-28 ms of 51-64 for 4,700 entities), and a batch of 64
-- records 30-40% faster without it (BenchmarkSinks/postgres). What is
-- given up: a row inserted by hand for a document that does not exist is
-- no longer refused; casefile writes a record's document row in the same
-- transaction as its other rows. pages, doc_entity_ties and doc_contexts,
-- a few rows a record, keep their keys.

ALTER TABLE entities DROP CONSTRAINT entities_document_id_fkey;
ALTER TABLE doc_entities DROP CONSTRAINT doc_entities_document_id_fkey;
ALTER TABLE doc_entity_mentions DROP CONSTRAINT doc_entity_mentions_document_id_fkey;
ALTER TABLE doc_facets DROP CONSTRAINT doc_facets_document_id_fkey;

-- = ANY of an array rather than IN (SELECT …): the rows are found by the
-- tables' (document_id, …) keys whatever the planner guesses of the
-- transition table, as the keys' cascades found them.
CREATE FUNCTION documents_delete_children() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM entities WHERE document_id = ANY (ARRAY(SELECT id FROM gone));
    DELETE FROM doc_entities WHERE document_id = ANY (ARRAY(SELECT id FROM gone));
    DELETE FROM doc_entity_mentions WHERE document_id = ANY (ARRAY(SELECT id FROM gone));
    DELETE FROM doc_facets WHERE document_id = ANY (ARRAY(SELECT id FROM gone));
    RETURN NULL;
END;
$$;
CREATE TRIGGER documents_delete_children AFTER DELETE ON documents
REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION documents_delete_children();
