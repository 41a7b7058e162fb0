package pipeline

import (
	"github.com/casefile/casefile/schemas"
)

// Ingested is the body of a SubjectIngested message: a document whose bytes
// are in BucketDocs under ID.
type Ingested = schemas.Ingested

// Extracted is the body of a SubjectExtracted message: a document and its
// text. On the wire its fields are flat: id, source, bytes, ingested_at,
// content_type, title, pages, warnings.
type Extracted struct {
	schemas.Ingested
	schemas.Extraction
}

// MetaOf returns a document's identity for headers and dead letters.
func MetaOf(in schemas.Ingested) Meta { return Meta{ID: in.ID, Source: in.Source} }
