// Package sinks stores records. Every store implements [Sink]; [Open] picks
// one from a spec string such as "jsonl:records.jsonl".
//
// Sinks are idempotent by record id: writing a record whose id the store
// already holds is not an error and does not add a second copy. The
// pipeline delivers at least once; this is what makes its output exactly
// once.
package sinks
