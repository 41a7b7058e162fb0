-- casefile store, version 3: the search facets of each document, one row
-- per (document, facet, value), so that a search counts its filters with
-- one GROUP BY over its hits' rows and filters by one index probe instead
-- of reading every entity of every hit. Facets: court, type (doc_type),
-- year (of filed), etype (entity types present), offense (CHARGE
-- offenses), person and org (the clusters of the document's doc entities).
-- Triggers keep the rows in step with documents, entities and
-- doc_entities (per statement where rows arrive by COPY); rows go with
-- their document (ON DELETE CASCADE), as entities and doc entities do, so
-- no delete trigger is needed.

CREATE TABLE doc_facets (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    facet       TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (document_id, facet, value)
);
CREATE INDEX doc_facets_value ON doc_facets (facet, value);

CREATE FUNCTION doc_facets_documents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM doc_facets f USING new_rows n WHERE f.document_id = n.id AND f.facet IN ('court', 'type', 'year');
    END IF;
    INSERT INTO doc_facets (document_id, facet, value)
    SELECT n.id, x.facet, x.value
    FROM new_rows n, LATERAL (VALUES ('court', n.court), ('type', n.doc_type), ('year', substr(n.filed, 1, 4))) AS x (facet, value)
    WHERE x.value <> ''
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER doc_facets_document AFTER INSERT ON documents
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doc_facets_documents();
CREATE TRIGGER doc_facets_document_update AFTER UPDATE ON documents
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doc_facets_documents();

CREATE FUNCTION doc_facets_entities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO doc_facets (document_id, facet, value)
    SELECT document_id, 'etype', type FROM new_rows
    UNION SELECT document_id, 'offense', offense FROM new_rows WHERE type = 'CHARGE' AND offense <> ''
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER doc_facets_entity AFTER INSERT ON entities
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION doc_facets_entities();

-- A doc entity's cluster: a document keeps an old cluster only while
-- another of its doc entities is in it.
CREATE FUNCTION doc_facets_doc_entity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM doc_facets
        WHERE document_id = OLD.document_id AND facet = CASE OLD.type WHEN 'PERSON' THEN 'person' ELSE 'org' END
          AND value = OLD.cluster_id
          AND NOT EXISTS (SELECT 1 FROM doc_entities WHERE document_id = OLD.document_id AND cluster_id = OLD.cluster_id);
    END IF;
    INSERT INTO doc_facets (document_id, facet, value)
    VALUES (NEW.document_id, CASE NEW.type WHEN 'PERSON' THEN 'person' ELSE 'org' END, NEW.cluster_id)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER doc_facets_doc_entity AFTER INSERT ON doc_entities
    FOR EACH ROW EXECUTE FUNCTION doc_facets_doc_entity();
CREATE TRIGGER doc_facets_doc_entity_cluster AFTER UPDATE OF cluster_id ON doc_entities
    FOR EACH ROW WHEN (OLD.cluster_id IS DISTINCT FROM NEW.cluster_id) EXECUTE FUNCTION doc_facets_doc_entity();

-- The rows of the documents already stored.
INSERT INTO doc_facets (document_id, facet, value)
SELECT id, 'court', court FROM documents WHERE court <> ''
UNION SELECT id, 'type', doc_type FROM documents WHERE doc_type <> ''
UNION SELECT id, 'year', substr(filed, 1, 4) FROM documents WHERE filed <> ''
UNION SELECT document_id, 'etype', type FROM entities
UNION SELECT document_id, 'offense', offense FROM entities WHERE type = 'CHARGE' AND offense <> ''
UNION SELECT document_id, CASE type WHEN 'PERSON' THEN 'person' ELSE 'org' END, cluster_id FROM doc_entities
ON CONFLICT DO NOTHING;
