// Package schemas holds casefile's contracts: the JSON Schema files that
// define a record and a dead letter (embedded, so every binary validates
// against the same text) and the Go types that marshal to them, with the
// typed entity attributes ([QuantityAttrs], [ChargeAttrs],
// [CaseNumberAttrs], [DateAttrs]); the types that carry a document between
// stages ([Ingested], [Extraction]); every dead-letter reason code
// ([Reason], [Reasons]); and validation ([Encode] validates the bytes it
// returns, the ones that are published).
//
// record.v1.json is normative. The Go types follow it field for field, and
// tests keep the attribute types, the reason codes, the dead-letter enum
// and README's table in step; a record that fails validation is a bug in
// the producer, never something a sink should have to tolerate. It imports
// nothing else of casefile's.
package schemas
