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
package workers
