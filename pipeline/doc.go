// Package pipeline defines casefile's NATS JetStream topology and runs
// stages over it.
//
// Topology (see subjects.go and streams.go): documents enter the CASEFILE_DOCS
// work-queue stream on casefile.docs.ingested, move to casefile.docs.extracted,
// and leave as records on casefile.records.v1.<id> in the CASEFILE_RECORDS limits
// stream, which keeps the newest record of every document for replay. Failures go to casefile.dlq.<stage>
// in CASEFILE_DLQ. PDF bytes live in the casefile-docs object store keyed by
// their SHA-256, unless the ingested message carries HeaderBytes:
// BytesInFile, when they stay in the file its HeaderPath (else its source)
// names (a run whose extract workers see the files); large message bodies spill into
// casefile-blobs. The
// casefile-ledger key-value bucket holds each document's terminal state, the
// one place that says a document is done.
//
// A [Stage] binds a [Handler] to a durable pull consumer shared by any number
// of workers in any number of processes. The error a handler returns is the
// delivery contract:
//
//   - nil: the handler's output is published (or durably written); the
//     message is acknowledged, without waiting for the server's answer:
//     a lost ack is a redelivery, which finds the work done.
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
// bounds only how long a dead worker holds a message. No fetched message is
// left open.
//
// A handler answers only through that error: a [Delivery] carries the
// document's [Meta], the attempt and the body ([Delivery.Decode]), never the
// message, so only the stage acknowledges. [NewDelivery] builds one from
// bytes to test a handler without a server.
//
// A Stage with a [Breaker] stops fetching for the breaker's pause when most
// of its recent documents were dead-lettered for one infrastructure reason
// (schemas.Reason.Infrastructure), so that a broken machine leaves the
// rest of the queue waiting instead of dead-lettering it.
//
// A message whose deliveries all ended without an answer (its workers died)
// is dead-lettered with reason <stage>.max_deliveries from the server's
// max-deliveries advisory, which every process of the stage receives once.
// The dead letter is written first and the message deleted from the stream
// only after it is stored; while the write fails, the message stays and the
// write is retried with the stage's Backoff until the stage stops. Processes
// writing the same dead letter do no harm: the DLQ stream drops the copy by
// its Nats-Msg-Id and the ledger entry is overwritten alike.
//
// A document's messages carry its replay generation ([Meta].Generation,
// HeaderGeneration): 0 on its first ingest, one more on each replay of a
// dead letter, copied by every stage onto what it publishes. Message ids
// end in the generation (when it is not 0), so that the duplicate window
// drops the copies of one generation's messages but never a replay's; the
// ledger entry records the generation of its outcome ([Entry].Covers), and
// a stage processes a message of a later generation than the entry's as
// new work, skipping it only as a duplicate of an outcome it already has.
// Ledger writes are compare-and-set: an outcome never replaces one of a
// later generation, nor a record one of its own generation, so a slow
// worker's late failure cannot set a recorded document back to dead.
//
// A request whose answer is lost — its server died with it, or it reached a
// stream's leader as that died — is never answered. Publishes (each with
// its document's Nats-Msg-Id), ledger reads and writes, object reads and
// the topology requests of [Open] are idempotent, so each is sent again
// when an attempt goes unanswered (5 s; 3 s for a topology look-up, 10 s
// for a topology change) or meets no responders while a stream elects its
// leader, for up to 30 s (90 s in [Open]); then it fails with the last
// error, and a stage retries the delivery. [Open] only reads streams
// already as asked: an update is answered by the stream's leader alone.
//
// Beside publishing and the ledger, the [Bus] owns its consumers: [Bus.Consumers]
// reports what waits and what is in flight, [Bus.Drained] waits until a
// consumer has nothing left (nothing pending or in flight, and every
// message published before the call handed to it: the server counts a new
// message as pending a moment after it acknowledges the publish), and
// [Bus.ResetConsumer] deletes one so that it
// starts over. Callers need no JetStream handle of their own.
package pipeline
