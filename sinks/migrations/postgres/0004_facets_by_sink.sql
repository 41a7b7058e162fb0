-- casefile store, version 4: the facets of a document's entities (etype,
-- offense) and doc entities (person, org) are written by the sink, one row
-- per distinct value of a record, copied in the transaction that writes
-- the record, instead of by triggers (a PL/pgSQL call per doc entity).
-- The rows are the same. The documents triggers and the cluster-change
-- trigger stay; a program that inserts entities or doc entities other
-- than through casefile's sinks writes their facets itself.

DROP TRIGGER IF EXISTS doc_facets_entity ON entities;
DROP FUNCTION IF EXISTS doc_facets_entities();
DROP TRIGGER IF EXISTS doc_facets_doc_entity ON doc_entities;
