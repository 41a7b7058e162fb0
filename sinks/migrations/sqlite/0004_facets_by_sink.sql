-- casefile store, version 4: the facets of a document's entities (etype,
-- offense) and doc entities (person, org) are written by the sink, one row
-- per distinct value of a record, in the transaction that writes the
-- record, instead of by a trigger per inserted row: those triggers ran two
-- INSERT OR IGNOREs per entity and were most of the time a batch spent on
-- its entity rows. The rows are the same. The documents triggers and the
-- cluster-change trigger stay; a program that inserts entities or doc
-- entities other than through casefile's sinks writes their facets itself.

DROP TRIGGER IF EXISTS doc_facets_entity;
DROP TRIGGER IF EXISTS doc_facets_doc_entity;
