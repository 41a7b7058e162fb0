package schemas

import "time"

// DeadLetterSchemaID is the value of DeadLetter.Schema.
const DeadLetterSchemaID = "casefile.deadletter/v1"

// DeadLetter records a document that did not become a record, and why.
type DeadLetter struct {
	Schema   string    `json:"schema"`
	ID       string    `json:"id"` // the document's SHA-256 hex, as in records
	Source   string    `json:"source"`
	Stage    string    `json:"stage"`   // ingest, extract, annotate or sink
	Reason   Reason    `json:"reason"`  // a stable dotted code, e.g. extract.not_pdf
	Message  string    `json:"message"` // a human-readable explanation
	Attempts int       `json:"attempts,omitempty"`
	At       time.Time `json:"at"`
}
