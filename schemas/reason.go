package schemas

import (
	"slices"
	"strings"
)

// Stage names, as dead letters, DLQ subjects and consumers carry them.
const (
	StageIngest   = "ingest"
	StageExtract  = "extract"
	StageAnnotate = "annotate"
	StageSink     = "sink"
)

// Stages lists the pipeline's stages in flow order.
var Stages = []string{StageIngest, StageExtract, StageAnnotate, StageSink}

// Reason is a dead letter's stable code, "<stage>.<cause>": the closed set
// below, which README's table and deadletter.v1.json list too (a test
// keeps the three in step). Users filter and replay dead letters by it, so
// a code, once published, keeps its meaning.
type Reason string

// Stage returns the stage part of r ("extract" of "extract.not_pdf").
func (r Reason) Stage() string {
	stage, _, _ := strings.Cut(string(r), ".")
	return stage
}

// Infrastructure reports whether r says more about the machine than about
// the document, so that when most documents of a run fail for one such
// reason the run stops and workers pause (the circuit breakers of
// casefile run and pipeline.Breaker) rather than dead-letter the rest of
// the dump. They are extract.crashed (children dying: no memory, a broken
// binary), annotate.failed (annotation's only other errors are limits),
// and for every stage <stage>.retries_exhausted (transient failures on
// every attempt: an extraction child that cannot start, a store or server
// down), <stage>.max_deliveries (workers dying on every delivery) and
// <stage>.panic (a bug every document hits). Everything a document earns
// on its own — bad or unsupported content, encryption, a limit, a timeout,
// a message that does not decode, a record that breaks its schema — is
// not, however many documents share it: a dump of HTML pages saved as .pdf
// must still be dead-lettered whole. Missing OCR tools give no dead letter
// at all (the page is kept, with a warning), so they are not here.
func (r Reason) Infrastructure() bool {
	_, cause, _ := strings.Cut(string(r), ".")
	switch {
	case r == ReasonExtractCrashed, r == ReasonAnnotateFailed:
		return true
	case cause == CauseRetriesExhausted, cause == CauseMaxDeliveries, cause == CausePanic:
		return true
	}
	return false
}

// Reasons of one stage.
const (
	ReasonIngestEmpty      Reason = "ingest.empty"      // a file of zero bytes
	ReasonIngestUnreadable Reason = "ingest.unreadable" // the file could not be read
	ReasonIngestTooLarge   Reason = "ingest.too_large"  // over the size limit

	ReasonExtractEmpty        Reason = "extract.empty"          // no bytes in the store
	ReasonExtractNotPDF       Reason = "extract.not_pdf"        // named .pdf, but is not one
	ReasonExtractUnsupported  Reason = "extract.unsupported"    // neither PDF nor text
	ReasonExtractEncrypted    Reason = "extract.encrypted"      // a user password is needed
	ReasonExtractMalformed    Reason = "extract.malformed"      // nothing readable, even after repair
	ReasonExtractTooLarge     Reason = "extract.too_large"      // over the size limit
	ReasonExtractTooManyPages Reason = "extract.too_many_pages" // over the page limit
	ReasonExtractTooMuchText  Reason = "extract.too_much_text"  // over the limit of extracted characters
	ReasonExtractCrashed      Reason = "extract.crashed"        // the isolated extraction child died
	ReasonExtractMissingBytes Reason = "extract.missing_bytes"  // the document's bytes are not in the object store, nor readable at its source path
	// ReasonExtractSourceChanged: the document was ingested by reference
	// and the file at its source path no longer holds the bytes ingest
	// hashed (rewritten or replaced since).
	ReasonExtractSourceChanged Reason = "extract.source_changed"

	ReasonAnnotateFailed        Reason = "annotate.failed"            // annotation returned an error
	ReasonAnnotateInvalidRecord Reason = "annotate.invalid_record"    // the record breaks its schema: a bug
	ReasonAnnotateTooManyEnts   Reason = "annotate.too_many_entities" // over the limit of entities per document
)

// Causes any stage that consumes messages may fail for; [StageReason]
// makes the stage's code.
const (
	CauseBadMessage       = "bad_message"       // the message body could not be decoded
	CauseTimeout          = "timeout"           // no result within the stage's time limit
	CausePanic            = "panic"             // the handler panicked
	CauseRetriesExhausted = "retries_exhausted" // transient failures on every attempt
	CauseMaxDeliveries    = "max_deliveries"    // every delivery ended without an answer: workers died on it
)

// consumingStages are the stages that run over a consumer, and so can fail
// for any of the causes above.
var consumingStages = []string{StageExtract, StageAnnotate, StageSink}

var stageCauses = []string{CauseBadMessage, CauseTimeout, CausePanic, CauseRetriesExhausted, CauseMaxDeliveries}

// StageReason returns the code of a cause shared by every stage, such as
// extract.timeout for StageReason(StageExtract, CauseTimeout).
func StageReason(stage, cause string) Reason { return Reason(stage + "." + cause) }

// Reasons returns every reason code, sorted.
func Reasons() []Reason {
	all := []Reason{
		ReasonIngestEmpty, ReasonIngestUnreadable, ReasonIngestTooLarge,
		ReasonExtractEmpty, ReasonExtractNotPDF, ReasonExtractUnsupported, ReasonExtractEncrypted,
		ReasonExtractMalformed, ReasonExtractTooLarge, ReasonExtractTooManyPages, ReasonExtractTooMuchText, ReasonExtractCrashed,
		ReasonExtractMissingBytes, ReasonExtractSourceChanged,
		ReasonAnnotateFailed, ReasonAnnotateInvalidRecord, ReasonAnnotateTooManyEnts,
	}
	for _, s := range consumingStages {
		for _, c := range stageCauses {
			all = append(all, StageReason(s, c))
		}
	}
	slices.Sort(all)
	return slices.Compact(all)
}
