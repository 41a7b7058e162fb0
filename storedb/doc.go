// Package storedb opens a casefile store's database for reading, for the
// programs that read stores the sinks write (the reading room, the
// exports): a SQLite file opened read-only, never created, or a
// PostgreSQL database whose sessions the server keeps read-only. It
// checks the database is a casefile store, says which later tables it
// holds, and writes queries once for both dialects ([Bind]).
//
// Writing a store (migrations, records, clusters) is package sinks's
// business; storedb never writes.
package storedb
