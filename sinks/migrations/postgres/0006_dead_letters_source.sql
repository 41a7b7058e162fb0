-- casefile store, version 6: dead letters indexed by source file. Every
-- write deletes the dead letters of its records' documents and source
-- files (a record supersedes them), and without this index each source
-- looked up read the whole table: a store holding many dead letters paid
-- for all of them on every record written.

CREATE INDEX dead_letters_source ON dead_letters (source);
