// Package sinks stores records. Every store implements [Sink]; [Open] picks
// one from a spec string: "sqlite:casefile.db" ([SQLite], the default of
// casefile run), "postgres://…" ([Postgres]) or "jsonl:records.jsonl"
// ([JSONL]). The databases share one set of tables, created and migrated
// from the versioned SQL files embedded under migrations/, keep dead
// letters too ([DeadLetterWriter]), and answer the [ExampleQueries].
//
// Sinks are idempotent by record id: writing a record whose id the store
// already holds does not add a second copy (databases replace it, JSONL
// keeps the first). The pipeline delivers at least once; this is what
// makes its output exactly once. A write fails whole or succeeds whole, and
// returns only once the store has it durably; [Transient] tells a store
// that is away from a write that can never succeed. sinktest is the
// conformance suite every store passes.
package sinks
