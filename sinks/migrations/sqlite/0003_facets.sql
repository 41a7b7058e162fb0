-- casefile store, version 3: the search facets of each document, one row
-- per (document, facet, value), so that a search counts its filters with
-- one GROUP BY over its hits' rows and filters by one index probe instead
-- of reading every entity of every hit. Facets: court, type (doc_type),
-- year (of filed), etype (entity types present), offense (CHARGE
-- offenses), person and org (the clusters of the document's doc entities).
-- Triggers keep the rows in step with documents, entities and
-- doc_entities; rows go with their document (ON DELETE CASCADE), as
-- entities and doc entities do, so no delete trigger is needed.

CREATE TABLE doc_facets (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    facet       TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (document_id, facet, value)
) WITHOUT ROWID;
CREATE INDEX doc_facets_value ON doc_facets (facet, value);

CREATE TRIGGER doc_facets_document AFTER INSERT ON documents BEGIN
    INSERT OR IGNORE INTO doc_facets (document_id, facet, value)
    SELECT new.id, 'court', new.court WHERE new.court <> ''
    UNION ALL SELECT new.id, 'type', new.doc_type WHERE new.doc_type <> ''
    UNION ALL SELECT new.id, 'year', substr(new.filed, 1, 4) WHERE new.filed <> '';
END;
CREATE TRIGGER doc_facets_document_update AFTER UPDATE OF court, doc_type, filed ON documents BEGIN
    DELETE FROM doc_facets WHERE document_id = old.id AND facet IN ('court', 'type', 'year');
    INSERT OR IGNORE INTO doc_facets (document_id, facet, value)
    SELECT new.id, 'court', new.court WHERE new.court <> ''
    UNION ALL SELECT new.id, 'type', new.doc_type WHERE new.doc_type <> ''
    UNION ALL SELECT new.id, 'year', substr(new.filed, 1, 4) WHERE new.filed <> '';
END;

CREATE TRIGGER doc_facets_entity AFTER INSERT ON entities BEGIN
    INSERT OR IGNORE INTO doc_facets (document_id, facet, value)
    SELECT new.document_id, 'etype', new.type
    UNION ALL SELECT new.document_id, 'offense', new.offense WHERE new.type = 'CHARGE' AND new.offense <> '';
END;

CREATE TRIGGER doc_facets_doc_entity AFTER INSERT ON doc_entities BEGIN
    INSERT OR IGNORE INTO doc_facets (document_id, facet, value)
    VALUES (new.document_id, CASE new.type WHEN 'PERSON' THEN 'person' ELSE 'org' END, new.cluster_id);
END;
-- A doc entity moved to another cluster: its document keeps the old
-- cluster only while another of its doc entities is in it.
CREATE TRIGGER doc_facets_doc_entity_cluster AFTER UPDATE OF cluster_id ON doc_entities
WHEN old.cluster_id IS NOT new.cluster_id BEGIN
    DELETE FROM doc_facets
    WHERE document_id = old.document_id AND facet = CASE old.type WHEN 'PERSON' THEN 'person' ELSE 'org' END
      AND value = old.cluster_id
      AND NOT EXISTS (SELECT 1 FROM doc_entities WHERE document_id = old.document_id AND cluster_id = old.cluster_id);
    INSERT OR IGNORE INTO doc_facets (document_id, facet, value)
    VALUES (new.document_id, CASE new.type WHEN 'PERSON' THEN 'person' ELSE 'org' END, new.cluster_id);
END;

-- The rows of the documents already stored.
INSERT OR IGNORE INTO doc_facets (document_id, facet, value)
SELECT id, 'court', court FROM documents WHERE court <> ''
UNION ALL SELECT id, 'type', doc_type FROM documents WHERE doc_type <> ''
UNION ALL SELECT id, 'year', substr(filed, 1, 4) FROM documents WHERE filed <> ''
UNION ALL SELECT DISTINCT document_id, 'etype', type FROM entities
UNION ALL SELECT DISTINCT document_id, 'offense', offense FROM entities WHERE type = 'CHARGE' AND offense <> ''
UNION ALL SELECT DISTINCT document_id, CASE type WHEN 'PERSON' THEN 'person' ELSE 'org' END, cluster_id FROM doc_entities;
