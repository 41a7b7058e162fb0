// Package pipeline defines casefile's NATS JetStream topology and runs
// stages over it.
//
// Topology (see subjects.go and streams.go): documents enter the CASEFILE_DOCS
// work-queue stream on casefile.docs.ingested, move to casefile.docs.extracted,
// and leave as records on casefile.records.v1.<id> in the CASEFILE_RECORDS limits
// stream, which keeps the newest record of every document for replay. Failures go to casefile.dlq.<stage>
// in CASEFILE_DLQ. PDF bytes live in the casefile-docs object store keyed by
// their SHA-256; large message bodies spill into casefile-blobs. The
// casefile-ledger key-value bucket holds each document's terminal state, the
// one place that says a document is done.
//
// A [Stage] binds a [Handler] to a durable pull consumer shared by any number
// of workers in any number of processes. The error a handler returns is the
// delivery contract:
//
//   - nil: the handler's output is published (or durably written); the
//     message is acknowledged.
//   - [Retry](err, after): transient; the message is redelivered after the
//     delay, until MaxDeliver attempts, then dead-lettered with reason
//     <stage>.retries_exhausted.
//   - [Permanent](reason, err): the document cannot be processed; a dead
//     letter is published and the ledger marked before the message is
//     terminated.
//   - any other error: treated as Retry with the stage's backoff.
//
// A panic in a handler is recovered into Permanent(<stage>.panic); a handler
// that overruns the stage's Timeout gets Permanent(<stage>.timeout). While a
// handler works the stage tells the server it is in progress, so AckWait
// bounds only how long a dead worker holds a message. A message whose
// deliveries all ended without an answer (its workers died) is dead-lettered
// from the server's max-deliveries advisory. No fetched message is left open.
package pipeline
