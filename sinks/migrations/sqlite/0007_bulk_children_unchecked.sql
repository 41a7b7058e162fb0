-- casefile store, version 7: nothing changes in SQLite. PostgreSQL's
-- version 7 drops the foreign keys of entities, doc_entities,
-- doc_entity_mentions and doc_facets (their per-row checks were 40-45% of
-- inserting those rows there); SQLite's checks are an index probe in the
-- writer's own process, within the noise of a batch's time, and dropping
-- a key here would rebuild each table. Kept so that both dialects number
-- their versions alike.

SELECT 1;
