// Package workers binds doctext, annotate and the sinks to pipeline stages.
// Each worker is a thin pipeline.Handler: decode the message, call pure
// code, publish the result, and classify failures for the pipeline (retry
// or dead letter). Any number of processes may run any of them.
//
// Workers depend on small interfaces declared here, one method each
// ([Ledger], [Publisher], [DocumentReader], …), combined per worker into
// the narrowest set it uses ([ExtractBus], [AnnotateBus], [IngestBus]).
// *pipeline.Bus satisfies them all; a test can satisfy them in memory and
// drive a handler with pipeline.NewDelivery, no server needed.
//
// The sink stages ([Sink], [DeadLetterSink]) are the one place a handler
// does not finish its own work: they queue each delivery to one writer
// goroutine that writes what has queued in one call (group commit,
// [BatchConfig]) and answers every handler with that write's result; while
// the store is away (sinks.Transient) the batch is held and retried, its
// deliveries unacknowledged.
//
// Extraction may run isolated, in child processes that can be killed:
// [Isolated] starts one per document, [Pool] keeps long-lived children that
// take documents one at a time and are replaced on a crash, a deadline,
// their share of documents or memory growth. [Walk] lists a dump's files,
// [Ingester] submits them, and [Watcher] streams a folder tree as files
// appear in it.
package workers
