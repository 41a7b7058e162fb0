package schemas

import "time"

// Ingested identifies a document taken in: what every stage after ingest
// knows of it besides its text.
type Ingested struct {
	ID         string    `json:"id"` // SHA-256 hex of the source bytes
	Source     string    `json:"source"`
	Bytes      int64     `json:"bytes"`
	IngestedAt time.Time `json:"ingested_at"`
}

// Extraction is a document's text as doctext read it: the contract
// between extracting and annotating, in one process or across NATS.
type Extraction struct {
	ContentType string `json:"content_type"`
	Title       string `json:"title,omitempty"`
	Pages       []Page `json:"pages"`
	// Warnings are problems that did not stop extraction, such as a page
	// whose text could not be read.
	Warnings []string `json:"warnings,omitempty"`
}
