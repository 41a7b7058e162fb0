package pipeline

import (
	"time"

	"github.com/casefile/casefile/schemas"
)

// Ingested is the body of a SubjectIngested message: a document whose bytes
// are in BucketDocs under ID.
type Ingested struct {
	ID         string    `json:"id"`
	Source     string    `json:"source"`
	Bytes      int64     `json:"bytes"`
	IngestedAt time.Time `json:"ingested_at"`
}

// Meta returns the document's identity for headers and dead letters.
func (in Ingested) Meta() Meta { return Meta{ID: in.ID, Source: in.Source} }

// Extracted is the body of a SubjectExtracted message: a document's pages.
type Extracted struct {
	Ingested
	ContentType string         `json:"content_type"`
	Title       string         `json:"title,omitempty"`
	Pages       []schemas.Page `json:"pages"`
	Warnings    []string       `json:"warnings,omitempty"`
}
