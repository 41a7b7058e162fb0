// Package schemas holds casefile's wire contracts: the JSON Schema files that
// define a record and a dead letter (embedded, so every binary validates
// against the same text), the Go types that marshal to them, and validation.
//
// record.v1.json is normative. The Go types follow it field for field; a
// record that fails [Validate] is a bug in the producer, never something a
// sink should have to tolerate.
package schemas
