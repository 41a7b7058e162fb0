package pipeline

import "github.com/casefile/casefile/schemas"

// Subjects, streams and buckets. Every process of a deployment must agree on
// these, so they are constants.
const (
	SubjectIngested  = "casefile.docs.ingested"
	SubjectExtracted = "casefile.docs.extracted"
	SubjectRecords   = "casefile.records.v1" // + "." + document id
	SubjectDLQPrefix = "casefile.dlq."       // + stage name

	StreamDocs    = "CASEFILE_DOCS"
	StreamRecords = "CASEFILE_RECORDS"
	StreamDLQ     = "CASEFILE_DLQ"

	BucketDocs   = "casefile-docs"   // object store: source bytes by SHA-256
	BucketBlobs  = "casefile-blobs"  // object store: message bodies too large to publish
	BucketLedger = "casefile-ledger" // key-value: document id → terminal state
)

// Stage names, used in consumer names, DLQ subjects and dead letters.
const (
	StageIngest   = schemas.StageIngest
	StageExtract  = schemas.StageExtract
	StageAnnotate = schemas.StageAnnotate
	StageSink     = schemas.StageSink
)

// Message headers casefile sets on every message it publishes, so that any
// stage can dead-letter a message without decoding it.
const (
	HeaderDocID  = "Casefile-Id"
	HeaderSource = "Casefile-Source"
	HeaderBlob   = "Casefile-Blob" // body is in BucketBlobs under this key
	// HeaderBytes on an ingested message says where the document's bytes
	// are: BytesInFile when they were not stored and the extract stage
	// reads them from the source path; absent (or BytesInStore) when they
	// are in BucketDocs under the id.
	HeaderBytes = "Casefile-Bytes"
	// HeaderPath, with HeaderBytes: BytesInFile, is the file's absolute
	// path, which the extract stage reads: the source stays as it was
	// given, which may be relative to the ingester's working directory.
	// Absent: the source is read.
	HeaderPath = "Casefile-Path"
	// HeaderGeneration counts the replays of a document: absent (0) on
	// its first ingest, N+1 on the messages of a replay of a dead letter
	// of generation N. Every stage copies it onto what it publishes, and
	// it is part of each message id, so that a replay's messages and
	// dead letters are not dropped as duplicates of the earlier
	// generation's while the copies of one generation still are.
	HeaderGeneration = "Casefile-Generation"
)

// Values of HeaderBytes.
const (
	BytesInStore = "store"
	BytesInFile  = "file"
)

// RecordSubject returns the subject of a document's record. One subject per
// document lets the records stream keep only the newest record of each
// (MaxMsgsPerSubject 1) and lets a reader fetch one record by id.
func RecordSubject(id string) string { return SubjectRecords + "." + id }

// DLQSubject returns the dead-letter subject of a stage.
func DLQSubject(stage string) string { return SubjectDLQPrefix + stage }
